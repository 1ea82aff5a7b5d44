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

use super::change_frame::{ChangeFrame, Direction, direction_of, endpoints, frames};
use super::{Context, Rule};
use crate::claim::Role;
use crate::claim::{Claim, Kind};
use crate::extract::context::singular;
use crate::finding::{Finding, Severity, capitalize, fmt_num, fmt_range};
use crate::interval::{Value, Verdict, verdict};
use crate::table::{Table, year_pairs};

/// The `percent-change` rule.
pub struct PercentChange;

impl Rule for PercentChange {
    fn id(&self) -> &str {
        "percent-change"
    }

    fn summary(&self) -> &str {
        "A percent change must match the values before and after it."
    }

    fn examples(&self) -> Vec<(&str, Verdict)> {
        vec![
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

    fn doc(&self) -> String {
        super::module_doc(include_str!("percent_change.rs"))
    }

    fn check(&self, cx: &Context) -> Vec<Finding> {
        let frames = frames(cx);
        let mut out: Vec<Finding> = frames.iter().filter_map(check_frame).collect();
        let tables = crate::table::tables(&cx.doc.text);
        if tables.is_empty() {
            return out;
        }
        let framed: std::collections::HashSet<&str> = frames
            .iter()
            .filter_map(|f| f.relative.map(|r| r.id.as_str()))
            .collect();
        for c in cx.claims.iter().filter(|c| {
            c.usable()
                && c.role == Role::Change
                && c.kind == Kind::Percent
                && !framed.contains(&c.id.as_str())
        }) {
            if let Some(frame) = table_frame(cx, &tables, c) {
                out.extend(check_frame(&frame));
            }
        }
        out
    }
}

/// The clause of a sentence around a byte offset: cut at ";", ", and", ", but", ", while".
fn clause_of(sentence: &str, at: usize) -> &str {
    const CUTS: &[&str] = &["; ", ", and ", ", but ", ", while ", ", whereas "];
    let at = at.min(sentence.len());
    let before = sentence.get(..at).unwrap_or("");
    let start = CUTS
        .iter()
        .filter_map(|c| before.rfind(c).map(|i| i + c.len()))
        .max()
        .unwrap_or(0);
    let end = CUTS
        .iter()
        .filter_map(|c| sentence.get(at..).and_then(|a| a.find(c)).map(|i| at + i))
        .min()
        .unwrap_or(sentence.len());
    sentence.get(start..end).unwrap_or(sentence)
}

/// "December sales jumped 15.9 percent from the same month of 1999", with the figures in a
/// table: the row the sentence names (else the TOTAL row), the pair of columns a year apart
/// whose header the sentence names ("Dec" for December, "YTD" for the year).
fn table_frame<'a>(cx: &'a Context, tables: &[Table], rel: &'a Claim) -> Option<ChangeFrame<'a>> {
    let sentence = cx.doc.sentence_text(rel.sentence);
    let clause = clause_of(
        sentence,
        rel.span
            .start
            .saturating_sub(cx.doc.sentence_range(rel.sentence).start),
    );
    let words: Vec<String> = clause
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| singular(&w.to_lowercase()))
        .collect();
    let names = |label: &str| {
        label
            .split_whitespace()
            .all(|w| words.contains(&singular(&w.to_lowercase())))
    };
    let period = |prefix: &str| {
        let p = prefix.to_lowercase();
        match p.as_str() {
            "ytd" | "year to date" | "fy" | "full year" | "year" => words
                .iter()
                .any(|w| w == "year" || w == "annual" || w == "yearly"),
            _ => {
                p.len() >= 3
                    && words
                        .iter()
                        .any(|w| w.len() >= 3 && w.starts_with(p.get(..3).unwrap_or("")))
            }
        }
    };
    for t in tables {
        let row = t.rows.iter().find(|(label, _)| names(label)).or_else(|| {
            t.rows
                .iter()
                .find(|(label, _)| label.eq_ignore_ascii_case("total"))
        })?;
        let pairs: Vec<(usize, usize)> = year_pairs(t)
            .into_iter()
            .filter(|(a, _)| {
                let header = t.headers.get(*a).map_or("", String::as_str);
                let prefix: Vec<&str> = header
                    .split_whitespace()
                    .filter(|w| w.parse::<u32>().is_err())
                    .collect();
                period(&prefix.join(" "))
            })
            .collect();
        let [(new_col, old_col)] = pairs.as_slice() else {
            continue;
        };
        let claim_at = |col: usize| {
            let r = row.1.get(col)?;
            cx.claim_at(r.start).filter(|c| c.usable())
        };
        let (Some(new), Some(old)) = (claim_at(*new_col), claim_at(*old_col)) else {
            continue;
        };
        return Some(ChangeFrame {
            relative: Some(rel),
            delta: None,
            old: Some(old),
            new: Some(new),
            new_from_context: false,
            direction: direction_of(sentence),
        });
    }
    None
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
    // "121 percent" for 121.7%: the writer cut the figure instead of rounding it.
    let unit = stated.high - stated.low;
    let truncated = slip.is_none()
        && v == Verdict::Contradicted
        && rel.hedge == crate::interval::Hedge::Exact
        && unit > 0.0
        && ((derived.nominal / unit).floor() * unit - stated.nominal).abs()
            < 1e-9 * stated.nominal.abs().max(1.0);
    if truncated {
        v = Verdict::Borderline;
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
    if truncated {
        explanation.push_str(" The stated figure is the derived one cut short, not rounded.");
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
