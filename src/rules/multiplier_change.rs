//! ## What it checks
//! A change stated as a multiplier ("doubled", "more than doubled", "tripled", "halved",
//! "quadrupled", "N-fold", "grew three times") against the values the article gives for
//! the start and the end of the change: end ÷ start must fall inside the multiplier's
//! interval, with hedges honoured ("more than doubled" from figures that give exactly
//! 2.00 is borderline: it holds only at the edge of its hedge).
//!
//! ## Why it matters
//! Multipliers are the most quoted part of a story and the easiest to round up.
//!
//! ## Example
//! "The backlog has quadrupled since 2015, when it stood at about 460,000. It now holds
//! 1.1 million cases." → 1.1M ÷ 460,000 = 2.39, contradicted.
//!
//! Comparisons in one sentence count too: "reached $9 billion, three times the $2
//! billion of a decade ago" → 9 ÷ 2 = 4.5, contradicted.
//!
//! ## Not flagged
//! Multipliers with no anchor linking them to a start value ("three times as many as"
//! comparisons with no figure after them), and start or end values of another noun or
//! currency.

use super::linking::{WINDOW, distance, hedge_rank, plain_value, same_unit};
use super::{Context, Rule};
use crate::claim::{Claim, Kind};
use crate::extract::context::same_time;
use crate::finding::{Finding, Severity, capitalize, fmt_num, fmt_range, plural};
use crate::interval::{Verdict, verdict};

/// The `multiplier-change` rule.
pub struct MultiplierChange;

impl Rule for MultiplierChange {
    fn id(&self) -> &str {
        "multiplier-change"
    }

    fn summary(&self) -> &str {
        "A change stated as a multiplier (doubled, tripled, halved) must match the start and end values."
    }

    fn examples(&self) -> Vec<(&str, Verdict)> {
        vec![
            (
                "The backlog now holds 1.1 million cases. It has quadrupled since 2015, when it stood at about 460,000 cases.",
                Verdict::Contradicted,
            ),
            (
                "Ridership reached 7.4 million trips this year. It has more than doubled since 2019, when riders took 3.7 million trips.",
                Verdict::Borderline,
            ),
            (
                "Revenue reached $610 million this year. Profit aside, revenue has more than doubled since 2020, when it was $290 million.",
                Verdict::Consistent,
            ),
            (
                "Exports reached $9 billion, three times the $2 billion of a decade ago.",
                Verdict::Contradicted,
            ),
        ]
    }

    fn doc(&self) -> String {
        super::module_doc(include_str!("multiplier_change.rs"))
    }

    fn check(&self, cx: &Context) -> Vec<Finding> {
        cx.claims.iter().filter_map(|m| check_one(cx, m)).collect()
    }
}

fn check_one(cx: &Context, m: &Claim) -> Option<Finding> {
    if m.kind != Kind::Multiplier || !m.usable() || m.role != crate::claim::Role::Value {
        return None;
    }
    if let Some(f) = from_to(cx, m) {
        return Some(f);
    }
    if let Some(f) = times_the(cx, m) {
        return Some(f);
    }
    let anchor = m.time.as_deref()?;
    // The start value: a plain figure anchored at the same time as the multiplier.
    let start = cx
        .near(m, 4)
        .iter()
        .filter(|c| {
            plain_value(c)
                && matches!(c.kind, Kind::Count | Kind::Money | Kind::Percent)
                && c.time.as_deref().is_some_and(|t| same_time(t, anchor))
                && distance(c, m) <= 4
                && c.unit.is_some()
        })
        .min_by_key(|c| (distance(c, m), c.span.start < m.span.start))?;
    // The end value: the same thing, not anchored at the start time nor in the future,
    // nearest to the multiplier, unhedged first.
    let end = cx
        .near(m, WINDOW)
        .iter()
        .filter(|c| {
            plain_value(c)
                && same_unit(c, start)
                && c.id != start.id
                && same_noun_if_named(c, start)
                && !c
                    .time
                    .as_deref()
                    .is_some_and(|t| same_time(t, anchor) || is_future(t))
                && distance(c, m) <= WINDOW
        })
        .min_by_key(|c| (distance(c, m), hedge_rank(c), c.span.start > m.span.start))?;
    finding(m, start, end)
}

/// "more than doubled to $610 million … from $290 million": the start and end values
/// named in the multiplier's own sentence by "from" and "to".
fn from_to<'a>(cx: &'a Context, m: &Claim) -> Option<Finding> {
    let text = cx.doc.text.as_str();
    let in_sentence =
        |c: &&'a Claim| c.sentence == m.sentence && c.span.start > m.span.end && plain_or_fresh(c);
    // "from $290 million", "from the $7 million first budgeted".
    let preceded_by = |c: &Claim, word: &str| {
        let from = crate::extract::hedge::floor_char_boundary(text, c.span.start.saturating_sub(16));
        text.get(from..c.span.start).is_some_and(|b| {
            let b = b.trim_end().to_lowercase();
            let b = [" the", " its", " their", " a", " an"]
                .iter()
                .find_map(|d| b.strip_suffix(d))
                .unwrap_or(&b);
            b.ends_with(word)
        })
    };
    let end = cx
        .near(m, 0)
        .iter()
        .filter(in_sentence)
        .find(|c| preceded_by(c, " to"))?;
    let start = cx
        .near(m, 0)
        .iter()
        .filter(in_sentence)
        .find(|c| preceded_by(c, "from") && same_unit(c, end))?;
    finding(m, start, end)
}

/// "Exports reached $9 billion, three times the $2 billion of a decade ago": a multiplier
/// in words ("N times", "twice") followed by "the" and a figure compares the figure just
/// before it with that one, in the same sentence and unit.
fn times_the(cx: &Context, m: &Claim) -> Option<Finding> {
    let text = cx.doc.text.as_str();
    let lower = m.text.to_lowercase();
    if !(lower.ends_with("times") || lower == "twice") {
        return None;
    }
    let after = text.get(m.span.end..)?;
    let gap = after.len() - after.trim_start().len();
    let rest = after.trim_start();
    if !rest.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("the ")) {
        return None;
    }
    let next = cx.claim_at(m.span.end + gap + 4)?;
    let before = cx
        .near(m, 0)
        .iter()
        .rev()
        .find(|c| c.sentence == m.sentence && c.span.end <= m.span.start && plain_or_fresh(c))?;
    if !plain_or_fresh(next) || !same_unit(before, next) {
        return None;
    }
    finding(m, next, before)
}

/// A claim usable as a start or end value, whatever its role in its own clause.
fn plain_or_fresh(c: &Claim) -> bool {
    c.usable() && c.per.is_none() && !c.average && matches!(c.kind, Kind::Count | Kind::Money | Kind::Percent)
}

fn finding(m: &Claim, start: &Claim, end: &Claim) -> Option<Finding> {
    // "30 points, three times the 12": unhedged figures of one magnitude share a precision.
    let (start_value, end_value) = super::sharpen_pair(start, end);
    let derived = end_value.checked_div(start_value)?;
    let v = verdict(&m.value, &derived, 0.0);
    let unit = if start.kind == Kind::Count {
        start.unit.clone().unwrap_or_default()
    } else {
        String::new()
    };
    let arithmetic = format!(
        "{} ÷ {} = {} ({} ÷ {} = {})",
        fmt_num(end.value.nominal),
        fmt_num(start.value.nominal),
        fmt_num(derived.nominal),
        fmt_range(&end_value),
        fmt_range(&start_value),
        fmt_range(&derived)
    );
    let edge =
        v == Verdict::Borderline && m.value.contains(derived.high) && !m.value.contains(derived.nominal);
    let factor = m.value.nominal / derived.nominal;
    let message = match v {
        Verdict::Consistent => {
            let things = plural(&unit);
            format!(
                "'{}' matches {} → {} {things} (×{})",
                m.text,
                start.text,
                end.text,
                fmt_num(derived.nominal)
            )
            .replace("  ", " ")
        }
        Verdict::Borderline if edge || m.value.low_open || m.value.high_open => format!(
            "'{}' holds only at the edge of its hedge: the figures give ×{}",
            m.text,
            fmt_num(derived.nominal)
        ),
        _ => format!(
            "'{}' says ×{}, but '{}' → '{}' gives ×{}",
            m.text,
            fmt_num(m.value.nominal),
            start.text,
            end.text,
            fmt_num(derived.nominal)
        ),
    };
    let would_hold_if = (v != Verdict::Consistent).then(|| {
        let bound = if m.value.low_open {
            "below"
        } else if m.value.high_open {
            "above"
        } else {
            "about"
        };
        let things = plural(&unit);
        format!(
            "it holds only if the start value were {bound} {}{}{things}, with the end value at {}",
            fmt_num(end.value.nominal / m.value.nominal),
            if things.is_empty() { "" } else { " " },
            fmt_num(end.value.nominal)
        )
    });
    let mut explanation = format!(
        "{arithmetic}; stated '{}' = {} ({}{}).",
        m.text,
        fmt_num(m.value.nominal),
        fmt_range(&m.value),
        if m.value.low_open {
            ", the low end excluded"
        } else if m.value.high_open {
            ", the high end excluded"
        } else {
            ""
        }
    );
    if let Some(w) = &would_hold_if {
        explanation.push_str(&format!(" {}.", capitalize(w)));
    }
    Some(Finding {
        id: String::new(),
        rule: "multiplier-change".into(),
        verdict: v,
        severity: Severity::of(v),
        claims: vec![start.id.clone(), end.id.clone(), m.id.clone()],
        stated: m.value,
        derived,
        message,
        explanation,
        factor: Some(factor),
        would_hold_if,
        roles: vec!["start".into(), "end".into(), "stated".into()],
    })
}

/// Two figures of money or percent agree on their noun when both name one.
fn same_noun_if_named(a: &Claim, b: &Claim) -> bool {
    match (&a.noun, &b.noun) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// Anchors that point ahead ("by the end of the fiscal year", "next year").
fn is_future(anchor: &str) -> bool {
    let a = anchor.to_lowercase();
    a.starts_with("by ") || a.contains("next ") || a.starts_with("until")
}
