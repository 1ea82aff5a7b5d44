//! ## What it checks
//! An absolute change ("up $23 million from $170 million to $188 million", "up 2,000 from
//! 12,500 a year earlier" to 14,500) against the values before and after it: after −
//! before must match the stated change, with "$170 million" read to the million when it
//! stands beside "$188 million".
//!
//! ## Why it matters
//! A wrong difference between two printed figures is a typo or an edit that updated one
//! figure and not the others.
//!
//! ## Example
//! "Fare revenue rose to $188 million, up $23 million from $170 million." → 188 − 170 =
//! 18, contradicted.
//!
//! ## Not flagged
//! Changes whose before or after value is not in the same sentence.

use super::change_frame::{ChangeFrame, frames};
use super::{Context, Rule, sharpen_pair};
use crate::finding::{Finding, Severity, fmt_num, fmt_range, with_unit};
use crate::interval::{Value, Verdict, verdict};

/// The `absolute-change` rule.
pub struct AbsoluteChange;

impl Rule for AbsoluteChange {
    fn id(&self) -> &str {
        "absolute-change"
    }

    fn summary(&self) -> &str {
        "An absolute change must equal the difference of the values before and after it."
    }

    fn examples(&self) -> Vec<(&str, Verdict)> {
        vec![
            (
                "Fare revenue rose to $188 million, up $23 million from $170 million.",
                Verdict::Contradicted,
            ),
            (
                "The streetcar carried 14,500 daily riders, up 2,000 from 12,500 a year earlier.",
                Verdict::Consistent,
            ),
        ]
    }

    fn doc(&self) -> String {
        super::module_doc(include_str!("absolute_change.rs"))
    }

    fn check(&self, cx: &Context) -> Vec<Finding> {
        frames(cx).iter().filter_map(check_frame).collect()
    }
}

fn check_frame(f: &ChangeFrame) -> Option<Finding> {
    let (o, n, d) = (f.old?, f.new?, f.delta?);
    if f.new_from_context || d.kind != o.kind {
        return None;
    }
    let (old, new) = sharpen_pair(o, n);
    let diff = new.minus(old);
    let derived = if diff.nominal < 0.0 {
        Value::new(-diff.nominal, -diff.high, -diff.low)
    } else {
        diff
    };
    let stated = d.value;
    let v = verdict(&stated, &derived, 0.0);
    let unit = d.unit.as_deref().or(o.unit.as_deref());
    let message = match v {
        Verdict::Consistent => format!("'{}' matches '{}' → '{}'", d.text, o.text, n.text),
        _ => format!(
            "'{}' but '{}' → '{}' is a change of {}",
            d.text,
            o.text,
            n.text,
            with_unit(derived.nominal, unit)
        ),
    };
    let mut explanation = format!(
        "{} − {} = {} ({} − {} = {}); stated {} ({}).",
        fmt_num(new.nominal),
        fmt_num(old.nominal),
        fmt_num(diff.nominal),
        fmt_range(&new),
        fmt_range(&old),
        fmt_range(&diff),
        fmt_num(stated.nominal),
        fmt_range(&stated)
    );
    let would_hold_if = (v != Verdict::Consistent).then(|| {
        format!(
            "it holds only if the value before were about {} (or after, about {})",
            fmt_num(new.nominal - stated.nominal * diff.nominal.signum()),
            fmt_num(old.nominal + stated.nominal * diff.nominal.signum())
        )
    });
    if let Some(w) = &would_hold_if {
        explanation.push_str(&format!(" {}.", crate::finding::capitalize(w)));
    }
    Some(Finding {
        id: String::new(),
        rule: "absolute-change".into(),
        verdict: v,
        severity: Severity::of(v),
        claims: vec![o.id.clone(), n.id.clone(), d.id.clone()],
        stated,
        derived,
        message,
        explanation,
        factor: None,
        would_hold_if,
        roles: vec!["before".into(), "after".into(), "stated".into()],
    })
}
