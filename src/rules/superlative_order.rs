//! ## What it checks
//! A figure called the largest (or smallest) of a list against the other figures of the
//! same sentence: "the largest single item is the police department, at $1.2 billion,
//! followed by $1.45 billion for schools" cannot be right.
//!
//! ## Why it matters
//! Rankings are rewritten when figures change; a superlative left behind misleads.
//!
//! ## Example
//! "The largest item is policing, at $1.2 billion, followed by $1.45 billion for schools."
//! → contradicted.
//!
//! ## Not flagged
//! Superlatives that describe a group ("the 50 biggest cities") or follow their figure
//! ("17.2 million, the year's highest"): the word must read "the largest …" before it.
//! Figures of another unit, wholes the item is part of ("of the $3.5 billion budget"), and
//! figures outside the superlative's sentence.

use super::linking::same_measure;
use super::{Context, Rule};
use crate::claim::{Claim, Kind, Role};
use crate::extract::hedge::floor_char_boundary;
use crate::finding::{Finding, Severity, fmt_range};
use crate::interval::{Value, Verdict};
use regex::Regex;
use std::sync::LazyLock;

/// The `superlative-order` rule.
pub struct SuperlativeOrder;

static MOST: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"(?i)(?-u:\b)the\s+(?:largest|biggest|highest|greatest|costliest|heaviest)(?-u:\b)")
});
static LEAST: LazyLock<Regex> =
    LazyLock::new(|| crate::pattern::compile(r"(?i)(?-u:\b)the\s+(?:smallest|lowest|fewest|cheapest)(?-u:\b)"));

impl Rule for SuperlativeOrder {
    fn id(&self) -> &str {
        "superlative-order"
    }

    fn summary(&self) -> &str {
        "A figure called the largest (or smallest) must be so among the figures listed with it."
    }

    fn examples(&self) -> Vec<(&str, Verdict)> {
        vec![
            (
                "The largest item is policing, at $1.2 billion, followed by $1.45 billion for schools.",
                Verdict::Contradicted,
            ),
            (
                "The largest item is policing, at $1.6 billion, followed by $1.45 billion for schools.",
                Verdict::Consistent,
            ),
        ]
    }

    fn doc(&self) -> String {
        super::module_doc(include_str!("superlative_order.rs"))
    }

    fn check(&self, cx: &Context) -> Vec<Finding> {
        cx.claims.iter().filter_map(|s| check_one(cx, s)).collect()
    }
}

fn item(c: &Claim) -> bool {
    c.usable() && matches!(c.kind, Kind::Count | Kind::Money) && c.role == Role::Value && c.per.is_none()
}

fn check_one(cx: &Context, s: &Claim) -> Option<Finding> {
    if !item(s) {
        return None;
    }
    let text = cx.doc.text.as_str();
    let sentence = cx.doc.sentence_range(s.sentence);
    let before = text.get(
        sentence
            .start
            .max(floor_char_boundary(text, s.span.start.saturating_sub(80)))..s.span.start,
    )?;
    // The superlative must name this figure: no other figure between the word and it.
    let (most, at) = match (MOST.find_iter(before).last(), LEAST.find_iter(before).last()) {
        (Some(m), _) => (true, m.end()),
        (None, Some(l)) => (false, l.end()),
        _ => return None,
    };
    let word_at = s.span.start - before.len() + at;
    if cx
        .near(s, 0)
        .iter()
        .any(|c| c.span.start > word_at && c.span.start < s.span.start && c.kind.enters_arithmetic())
    {
        return None;
    }
    let whole = |c: &Claim| {
        let from = floor_char_boundary(text, c.span.start.saturating_sub(25));
        // "of the $3.5 billion budget", "out of 900": a whole, not a rival ("ahead of 980" is).
        text.get(from..c.span.start).is_some_and(|b| {
            let b = b.to_lowercase();
            let b = b.trim_end();
            [
                "of the",
                "of its",
                "of their",
                "of a total of",
                "out of",
                "of all",
            ]
            .iter()
            .any(|w| b.ends_with(w))
                || (b.ends_with("'s") && b.rsplit(' ').nth(1) == Some("of"))
        })
    };
    let others: Vec<&Claim> = cx
        .near(s, 0)
        .iter()
        .filter(|c| c.sentence == s.sentence && c.id != s.id && item(c) && same_measure(c, s) && !whole(c))
        .collect();
    if others.is_empty() {
        return None;
    }
    let beats = |c: &&Claim| {
        if most {
            c.value.nominal > s.value.nominal
        } else {
            c.value.nominal < s.value.nominal
        }
    };
    let rival = others.iter().copied().filter(beats).max_by(|a, b| {
        let (x, y) = (a.value.nominal, b.value.nominal);
        if most { x.total_cmp(&y) } else { y.total_cmp(&x) }
    });
    let (v, against) = match rival {
        Some(r) => {
            let disjoint = if most {
                r.value.low > s.value.high
            } else {
                r.value.high < s.value.low
            };
            (
                if disjoint {
                    Verdict::Contradicted
                } else {
                    Verdict::Borderline
                },
                r,
            )
        }
        None => (Verdict::Consistent, *others.first()?),
    };
    let word = if most { "largest" } else { "smallest" };
    let message = match v {
        Verdict::Consistent => format!("'{}' is the {word} of the figures listed with it", s.text),
        _ => format!(
            "'{}' is called the {word}, but '{}' is listed with it",
            s.text, against.text
        ),
    };
    let derived = extreme(&others, most).unwrap_or(against.value);
    let explanation = format!(
        "Listed with it: {}; the {word} of these is {} against '{}' ({}).",
        others
            .iter()
            .map(|c| format!("'{}'", c.text))
            .collect::<Vec<_>>()
            .join(", "),
        fmt_range(&derived),
        s.text,
        fmt_range(&s.value)
    );
    let mut claims: Vec<String> = others.iter().map(|c| c.id.clone()).collect();
    claims.push(s.id.clone());
    let mut roles: Vec<String> = others.iter().map(|_| "listed".to_string()).collect();
    roles.push("stated".into());
    Some(Finding {
        id: String::new(),
        rule: "superlative-order".into(),
        verdict: v,
        severity: Severity::of(v),
        claims,
        stated: s.value,
        derived,
        message,
        explanation,
        factor: None,
        would_hold_if: (v != Verdict::Consistent).then(|| {
            format!(
                "it holds only if '{}' were not among the items, or the ranking were corrected",
                against.text
            )
        }),
        roles,
    })
}

fn extreme(others: &[&Claim], most: bool) -> Option<Value> {
    let pick = others.iter().map(|c| c.value);
    if most {
        pick.max_by(|a, b| a.nominal.total_cmp(&b.nominal))
    } else {
        pick.min_by(|a, b| a.nominal.total_cmp(&b.nominal))
    }
}
