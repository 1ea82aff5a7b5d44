//! ## What it checks
//! A relative change ("rose 15% to 2,300", "a 2.3 percent drop", "fell by a third from
//! 90,000 to 60,000", "up 12 percentage points") against the values before and after
//! that the same sentence gives, or that follow from its absolute change ("up $30 million
//! to $150 million"). Percentage points are kept apart from percent.
//!
//! ## Why it matters
//! Percent changes are computed by hand more often than any other figure, and the classic
//! slips are easy to make: dividing by the new value instead of the old, reporting points
//! as percent.
//!
//! ## Example
//! "Ridership rose 15% last year, from 2.14 million to 2.58 million trips." → 2.58 ÷ 2.14
//! − 1 = 20.6%, contradicted.
//!
//! ## Not flagged
//! Percent changes whose before and after values are not in the sentence (or, for "added
//! 95 judges", in the three sentences before it), and changes between figures of
//! different units.

use super::change_frame::{ChangeFrame, Direction, endpoints, frames};
use super::{Context, Rule};
use crate::claim::{Claim, Kind};
use crate::finding::{Finding, Severity, capitalize, fmt_num, fmt_range};
use crate::interval::{Value, Verdict, verdict};

/// The `percent-change` rule.
pub struct PercentChange;

impl Rule for PercentChange {
    fn id(&self) -> &'static str {
        "percent-change"
    }

    fn summary(&self) -> &'static str {
        "A percent change must match the values before and after it."
    }

    fn examples(&self) -> &'static [(&'static str, Verdict)] {
        &[
            (
                "Ridership rose 15% last year, from 2.14 million to 2.58 million trips.",
                Verdict::Contradicted,
            ),
            (
                "Revenue reached $4.2 billion, up 12% from $3.75 billion a year earlier.",
                Verdict::Consistent,
            ),
            (
                "The fund set aside $150 million for repairs, up $30 million from last year, a 20% jump.",
                Verdict::Contradicted,
            ),
            (
                "Weekday ridership fell by a third, from 90,000 to 60,000.",
                Verdict::Consistent,
            ),
        ]
    }

    fn check(&self, cx: &Context) -> Vec<Finding> {
        frames(cx).iter().filter_map(check_frame).collect()
    }
}

/// A magnitude: the interval of |x|.
fn magnitude(v: Value) -> Value {
    if v.low >= 0.0 {
        v
    } else if v.high <= 0.0 {
        Value::new(-v.nominal, -v.high, -v.low)
    } else {
        Value::new(v.nominal.abs(), 0.0, v.high.max(-v.low))
    }
}

fn check_frame(f: &ChangeFrame) -> Option<Finding> {
    let rel = f.relative?;
    let (old, new) = endpoints(f)?;
    let points = rel.unit.as_deref() == Some("percentage point");
    let stated = match rel.kind {
        Kind::Fraction => rel.value.scale(100.0),
        _ => rel.value,
    };
    let shares = [f.old, f.new].iter().flatten().any(|c| c.kind == Kind::Percent);
    let signed = if points {
        new.minus(old)
    } else {
        new.minus(old).checked_div(old)?.scale(100.0)
    };
    let derived = magnitude(signed);
    let mut v = verdict(&stated, &derived, 0.0);
    let wrong_way = f.old.is_some()
        && f.new.is_some()
        && ((f.direction == Direction::Down && signed.low > 0.0)
            || (f.direction == Direction::Up && signed.high < 0.0));
    if wrong_way {
        v = Verdict::Contradicted;
    }
    let slip = (v != Verdict::Consistent)
        .then(|| named_slip(f, &stated, old, new, points, shares))
        .flatten();
    if slip.is_some() {
        v = Verdict::Contradicted;
    }
    let sym = if points { " points" } else { "%" };
    let way = if signed.nominal < 0.0 { "fall" } else { "rise" };
    let arithmetic = if points {
        format!(
            "{} − {} = {} points ({} − {} = {})",
            fmt_num(new.nominal),
            fmt_num(old.nominal),
            fmt_num(signed.nominal),
            fmt_range(&new),
            fmt_range(&old),
            fmt_range(&signed)
        )
    } else {
        format!(
            "({} − {}) ÷ {} = {}% ({}–{} against {}: {}%)",
            fmt_num(new.nominal),
            fmt_num(old.nominal),
            fmt_num(old.nominal),
            fmt_num(signed.nominal),
            fmt_num(old.low),
            fmt_num(old.high),
            fmt_range(&new),
            fmt_range(&signed)
        )
    };
    let source = describe_sources(f);
    let message = match v {
        Verdict::Consistent => format!(
            "'{}' matches {source}: a {}{sym} {way}",
            rel.text,
            fmt_num(derived.nominal)
        ),
        _ => format!(
            "'{}' but {source} is a {}{sym} {way}",
            rel.text,
            fmt_num(derived.nominal)
        ),
    };
    let mut explanation = format!(
        "{arithmetic}; stated {}{sym} ({}).",
        fmt_num(stated.nominal),
        fmt_range(&stated)
    );
    if wrong_way {
        explanation.push_str(&format!(
            " The sentence says the figure went the other way: it is a {way}."
        ));
    }
    if let Some(s) = &slip {
        explanation.push_str(&format!(" {}", capitalize(s)));
    }
    let would_hold_if = (v != Verdict::Consistent && !points).then(|| {
        let needed_old = new.nominal / (1.0 + signed.nominal.signum() * stated.nominal / 100.0);
        format!(
            "it holds only if the value before were about {}",
            fmt_num(needed_old)
        )
    });
    if let Some(w) = &would_hold_if {
        explanation.push_str(&format!(" {}.", capitalize(w)));
    }
    let used: Vec<&Claim> = [f.old, f.new, f.delta, Some(rel)].into_iter().flatten().collect();
    let roles = [
        f.old.map(|_| "before"),
        f.new.map(|_| "after"),
        f.delta.map(|_| "change"),
        Some("stated"),
    ]
    .into_iter()
    .flatten()
    .map(str::to_string)
    .collect();
    Some(Finding {
        id: String::new(),
        rule: "percent-change".into(),
        verdict: v,
        severity: Severity::of(v),
        claims: used.iter().map(|c| c.id.clone()).collect(),
        stated,
        derived,
        message,
        explanation,
        factor: Some(stated.nominal / derived.nominal),
        would_hold_if,
        roles,
    })
}

/// "2.14 million → 2.58 million", "$150 million less $30 million", for messages.
fn describe_sources(f: &ChangeFrame) -> String {
    match (f.old, f.new, f.delta) {
        (Some(o), Some(n), _) => format!("'{}' → '{}'", o.text, n.text),
        (None, Some(n), Some(d)) if f.new_from_context => {
            format!("'{}' added to reach '{}'", d.text, n.text)
        }
        (None, Some(n), Some(d)) => format!("a change of '{}' ending at '{}'", d.text, n.text),
        (Some(o), None, Some(d)) => format!("'{}' from '{}'", d.text, o.text),
        _ => "the figures".into(),
    }
}

/// The classic slips a stated relative change can match exactly.
fn named_slip(
    f: &ChangeFrame,
    stated: &Value,
    old: Value,
    new: Value,
    points: bool,
    shares: bool,
) -> Option<String> {
    let change = new.nominal - old.nominal;
    if !points && new.nominal != 0.0 {
        let of_new = (change / new.nominal * 100.0).abs();
        if stated.contains(of_new) {
            return Some(format!(
                "the stated figure is the change as a share of the new value ({} ÷ {} = {}%), not of the old one: a classic slip.",
                fmt_num(change.abs()),
                fmt_num(new.nominal),
                fmt_num(of_new)
            ));
        }
    }
    if !points && shares && stated.contains(change.abs()) {
        return Some(format!(
            "the stated figure is the difference in percentage points ({}), reported as percent: a classic slip.",
            fmt_num(change.abs())
        ));
    }
    if old.nominal != 0.0 && new.nominal != 0.0 && f.old.is_some() && f.new.is_some() {
        let inverted = ((old.nominal - new.nominal) / new.nominal * 100.0).abs();
        if stated.contains(inverted) && !points {
            return Some(format!(
                "the stated figure is the change measured from the new value ({}%), an inverted ratio: a classic slip.",
                fmt_num(inverted)
            ));
        }
    }
    None
}
