//! ## What it checks
//! A share stated beside its part and its whole: "120 of 400, or 30%", "$104 million …
//! makes up 26 percent of the city's $392 million budget", "one in five of the 2,000
//! members, or 400": part ÷ whole must match the share.
//!
//! ## Why it matters
//! Shares are computed from two printed figures; a share that does not follow from them
//! means one of the three is wrong.
//!
//! ## Example
//! "Property tax brings in $104 million, or 36 percent of the city's $392 million budget."
//! → 26.5%, contradicted.
//!
//! ## Not flagged
//! Shares whose part or whole is not in the same sentence, and shares of a different unit.

use super::linking::same_measure;
use super::{Context, Rule};
use crate::claim::{Claim, Kind, Role};
use crate::extract::hedge::floor_char_boundary;
use crate::finding::{Finding, Severity, fmt_num, fmt_range};
use crate::interval::{Verdict, verdict};

/// The `share-of-total` rule.
pub struct ShareOfTotal;

impl Rule for ShareOfTotal {
    fn id(&self) -> &str {
        "share-of-total"
    }

    fn summary(&self) -> &str {
        "A share must equal its part divided by its whole."
    }

    fn examples(&self) -> Vec<(&str, Verdict)> {
        vec![
            (
                "The clinic saw 120 of its 400 patients at home, or 30%.",
                Verdict::Consistent,
            ),
            (
                "Property tax brings in $104 million, or 36 percent of the city's $392 million budget.",
                Verdict::Contradicted,
            ),
        ]
    }

    fn doc(&self) -> String {
        super::module_doc(include_str!("share_of_total.rs"))
    }

    fn check(&self, cx: &Context) -> Vec<Finding> {
        cx.claims.iter().filter_map(|p| check_one(cx, p)).collect()
    }
}

fn preceded_by_of(text: &str, c: &Claim) -> bool {
    let from = floor_char_boundary(text, c.span.start.saturating_sub(40));
    let before = text.get(from..c.span.start).unwrap_or("").to_lowercase();
    // "of 400", "of the 2,000", "of its 400", "of the city's $392 million"
    let words: Vec<&str> = before.split_whitespace().rev().take(4).collect();
    words
        .iter()
        .position(|w| *w == "of")
        .is_some_and(|i| words.iter().take(i).all(|w| !w.ends_with(',')))
}

fn check_one(cx: &Context, share: &Claim) -> Option<Finding> {
    if !share.usable() || share.role != Role::Value {
        return None;
    }
    let is_share = share.kind == Kind::Fraction || share.unit.as_deref() == Some("percent");
    if !is_share {
        return None;
    }
    let text = cx.doc.text.as_str();
    let same_sentence: Vec<&Claim> = cx
        .near(share, 0)
        .iter()
        .filter(|c| c.sentence == share.sentence && c.id != share.id && c.usable())
        .filter(|c| {
            matches!(c.kind, Kind::Count | Kind::Money)
                && c.per
                    .as_deref()
                    .is_none_or(|p| super::rate_conversion::days(p).is_some())
                && c.role != Role::PerBase
        })
        .collect();
    let whole = same_sentence.iter().copied().find(|c| preceded_by_of(text, c))?;
    let part = same_sentence
        .iter()
        .copied()
        .filter(|c| c.id != whole.id && same_measure(c, whole) && c.value.nominal < whole.value.nominal)
        .filter(|c| c.span.start < whole.span.start || c.span.start > share.span.end)
        .min_by_key(|c| c.span.start.abs_diff(share.span.start))?;
    let stated = if share.kind == Kind::Fraction {
        share.value.scale(100.0)
    } else {
        share.value
    };
    let derived = part.value.checked_div(whole.value)?.scale(100.0);
    let v = verdict(&stated, &derived, 0.0);
    let message = match v {
        Verdict::Consistent => format!("'{}' matches '{}' of '{}'", share.text, part.text, whole.text),
        _ => format!(
            "'{}' but '{}' of '{}' is {}%",
            share.text,
            part.text,
            whole.text,
            fmt_num(derived.nominal)
        ),
    };
    let explanation = format!(
        "{} ÷ {} = {}% ({} ÷ {} = {}%); stated {}% ({}).",
        fmt_num(part.value.nominal),
        fmt_num(whole.value.nominal),
        fmt_num(derived.nominal),
        fmt_range(&part.value),
        fmt_range(&whole.value),
        fmt_range(&derived),
        fmt_num(stated.nominal),
        fmt_range(&stated)
    );
    Some(Finding {
        id: String::new(),
        rule: "share-of-total".into(),
        verdict: v,
        severity: Severity::of(v),
        claims: vec![part.id.clone(), whole.id.clone(), share.id.clone()],
        stated,
        derived,
        message,
        explanation,
        factor: Some(stated.nominal / derived.nominal),
        would_hold_if: (v != Verdict::Consistent).then(|| {
            format!(
                "it holds only if the part were about {}",
                fmt_num(whole.value.nominal * stated.nominal / 100.0)
            )
        }),
        roles: vec!["part".into(), "whole".into(), "stated".into()],
    })
}
