//! ## What it checks
//! The same rate stated over two periods: "2,000 a day … 60,000 a month … 1 million a
//! year", or a yearly total restated per month ("grew by about 210,000 last year, or
//! roughly 17,500 a month"). Converted with 7 days a week, 365/12 days a month and 365
//! days a year, the figures must agree.
//!
//! ## Why it matters
//! Rate conversions are mental arithmetic, and an off-by-a-factor slip (a week for a month)
//! is easy to miss.
//!
//! ## Example
//! "The plant treats 2,000 tonnes a day, or 600,000 tonnes a month." → 60,833 a month,
//! contradicted.
//!
//! ## Not flagged
//! Rates of different nouns, or more than two sentences apart.

use super::linking::{distance, same_measure};
use super::{Context, Rule};
use crate::claim::{Claim, Kind, Role};
use crate::extract::hedge::floor_char_boundary;
use crate::finding::{Finding, Severity, fmt_num, fmt_range};
use crate::interval::{Verdict, verdict};

/// Days in each period.
const PERIODS: &[(&str, f64)] = &[
    ("day", 1.0),
    ("week", 7.0),
    ("month", 365.0 / 12.0),
    ("quarter", 365.0 / 4.0),
    ("year", 365.0),
];

/// The `rate-conversion` rule.
pub struct RateConversion;

impl Rule for RateConversion {
    fn id(&self) -> &str {
        "rate-conversion"
    }

    fn summary(&self) -> &str {
        "One rate stated over two periods (a day, a month, a year) must convert."
    }

    fn examples(&self) -> Vec<(&str, Verdict)> {
        vec![
            (
                "The plant treats 2,000 tonnes a day, or 600,000 tonnes a month.",
                Verdict::Contradicted,
            ),
            (
                "The plant treats 2,000 tonnes a day, or about 60,000 tonnes a month.",
                Verdict::Consistent,
            ),
        ]
    }

    fn doc(&self) -> String {
        super::module_doc(include_str!("rate_conversion.rs"))
    }

    fn check(&self, cx: &Context) -> Vec<Finding> {
        cx.claims.iter().filter_map(|b| check_one(cx, b)).collect()
    }
}

/// Days in a period named by a per-unit ("month" → 30.4), or `None` for other per-units.
pub fn days(per: &str) -> Option<f64> {
    PERIODS.iter().find(|(p, _)| *p == per).map(|(_, d)| *d)
}

fn rate_like(c: &Claim) -> bool {
    c.usable()
        && matches!(c.kind, Kind::Count | Kind::Money)
        && c.role != Role::PerBase
        && c.per_count.is_none()
}

/// The period of a figure: its per-unit, or "year" for a figure of the sentence's past
/// year set in apposition to a rate ("210,000 last year, or 17,500 a month").
fn period_of(cx: &Context, a: &Claim, b: &Claim) -> Option<f64> {
    if let Some(p) = a.per.as_deref() {
        return days(p);
    }
    let text = cx.doc.text.as_str();
    let between = text.get(a.span.end..b.span.start)?;
    // "210,000, or roughly 17,500 a month", "24,000 students last year, or 2,000 a month"
    let apposition = between.contains(", or")
        && between.split_whitespace().count() <= 8
        && !between.chars().any(|c| c.is_ascii_digit());
    let yearly = a
        .time
        .as_deref()
        .is_some_and(|t| t.to_lowercase().contains("year"))
        || cx.doc.sentence_text(a.sentence).to_lowercase().contains("a year");
    let from = floor_char_boundary(text, a.span.start.saturating_sub(60));
    let context_year = text
        .get(from..a.span.start)
        .is_some_and(|t| t.to_lowercase().contains("year"));
    (apposition && (yearly || context_year)).then_some(365.0)
}

fn check_one(cx: &Context, b: &Claim) -> Option<Finding> {
    let b_days = days(b.per.as_deref()?)?;
    if !rate_like(b) {
        return None;
    }
    // The nearest earlier figure of the same measure with another period.
    let (a, a_days) = cx
        .near(b, 2)
        .iter()
        .filter(|a| a.span.end <= b.span.start && distance(a, b) <= 2 && rate_like(a) && a.kind == b.kind)
        .filter(|a| same_measure(a, b) || a.unit.is_none() || b.unit.is_none())
        .filter_map(|a| period_of(cx, a, b).map(|d| (a, d)))
        .rfind(|(_, d)| (*d - b_days).abs() > 1e-9)?;
    let derived = a.value.scale(b_days / a_days);
    let v = verdict(&b.value, &derived, 0.0);
    let period = b.per.clone().unwrap_or_default();
    let from_period = PERIODS
        .iter()
        .find(|(_, d)| (*d - a_days).abs() < 1e-9)
        .map_or("period", |(p, _)| p);
    let message = match v {
        Verdict::Consistent => format!("'{}' a {period} matches '{}' a {from_period}", b.text, a.text),
        _ => format!(
            "'{}' a {period} but '{}' a {from_period} is {} a {period}",
            b.text,
            a.text,
            fmt_num(derived.nominal)
        ),
    };
    let explanation = format!(
        "{} a {from_period} × {} days ÷ {} days = {} a {period} ({}); stated {} ({}).",
        fmt_num(a.value.nominal),
        fmt_num(b_days),
        fmt_num(a_days),
        fmt_num(derived.nominal),
        fmt_range(&derived),
        fmt_num(b.value.nominal),
        fmt_range(&b.value)
    );
    Some(Finding {
        id: String::new(),
        rule: "rate-conversion".into(),
        verdict: v,
        severity: Severity::of(v),
        claims: vec![a.id.clone(), b.id.clone()],
        stated: b.value,
        derived,
        message,
        explanation,
        factor: Some(b.value.nominal / derived.nominal),
        would_hold_if: (v != Verdict::Consistent).then(|| {
            format!(
                "it holds only if the {from_period}ly figure were about {}",
                fmt_num(b.value.nominal * a_days / b_days)
            )
        }),
        roles: vec!["rate".into(), "stated".into()],
    })
}
