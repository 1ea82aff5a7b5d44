//! ## What it checks
//! A stated average per unit ("each agent handles an average of 7,000 cases", "1,500
//! cases per judge") against the total and the count the article gives elsewhere:
//! total ÷ count must fall inside the stated average's interval.
//!
//! ## Why it matters
//! A per-unit figure is usually computed by the writer or a source; when it is off by a
//! factor, the total, the count or the average is wrong, or they describe different groups.
//!
//! ## Example
//! "The backlog reached 7.4 million cases. About 6,000 officers work it; each officer
//! handles an average of 7,000 cases." → 7.4M ÷ 6,000 ≈ 1,233, contradicted (5.7×).
//!
//! ## Not flagged
//! Averages per unit of time ("2,000 a day": that is rate conversion), averages with no
//! total or no count of the same units nearby, and totals that are changes ("rose by").

use super::linking::{
    WINDOW, best, compatible_time, distance, plain_value, rank, same_noun, same_unit, value_per,
};
use super::{Context, Rule};
use crate::claim::{Claim, Kind};
use crate::finding::{Finding, Severity, capitalize, fmt_num, fmt_range, plural, with_unit};
use crate::interval::{Hedge, Verdict, verdict};

/// Per-units that are spans of time, handled by rate rules instead.
const TIME_UNITS: &[&str] = &[
    "second", "minute", "hour", "day", "night", "week", "month", "quarter", "year", "decade",
];

/// The `per-unit-average` rule.
pub struct PerUnitAverage;

impl Rule for PerUnitAverage {
    fn id(&self) -> &str {
        "per-unit-average"
    }

    fn summary(&self) -> &str {
        "A stated average per unit must equal the total divided by the count of units."
    }

    fn examples(&self) -> Vec<(&str, Verdict)> {
        vec![
            (
                "The backlog reached 7.4 million cases. About 6,000 officers work it; each officer handles an average of 7,000 cases.",
                Verdict::Contradicted,
            ),
            (
                "The courts had 1.1 million pending cases and 735 judges, or roughly 1,500 cases per judge.",
                Verdict::Consistent,
            ),
        ]
    }

    fn doc(&self) -> String {
        super::module_doc(include_str!("per_unit_average.rs"))
    }

    fn check(&self, cx: &Context) -> Vec<Finding> {
        cx.claims.iter().filter_map(|a| check_one(cx, a)).collect()
    }
}

fn check_one(cx: &Context, avg: &Claim) -> Option<Finding> {
    let per = avg.per.as_deref()?;
    if !avg.usable() || !matches!(avg.kind, Kind::Count | Kind::Money) || TIME_UNITS.contains(&per) {
        return None;
    }
    // Inputs must be figures, not thresholds: "cities of more than 50,000 people" names a
    // class of cities, not a population to divide by.
    let measured = |c: &Claim| matches!(c.hedge, Hedge::Exact | Hedge::Approx);
    let figure = |c: &Claim| plain_value(c) && measured(c);
    // "each household uses 9,000 gallons a month": the total is a rate over the same period
    // ("300 million gallons a month").
    // A plain total then counts only when its time anchor names that period ("42 million
    // riders last year" for "95,000 riders a year"), never a total over another period.
    let total_figure = |c: &Claim| match avg.rate.as_deref() {
        None => figure(c),
        Some(rate) => {
            let rate_total = value_per(c, Some(rate)) && measured(c);
            let period_total =
                figure(c) && c.time.as_deref().is_some_and(|t| t.to_lowercase().contains(rate));
            rate_total || period_total
        }
    };
    let total = best_total(avg, cx.near(avg, WINDOW), |c| {
        total_figure(c)
            && same_unit(c, avg)
            && c.value.nominal > avg.value.nominal
            // An average tied to a time ("for 2012") needs a total tied to that time.
            && (c.sentence == avg.sentence || avg.time.is_none() || c.time.is_some())
            && compatible_time(c, avg)
    })?;
    // The count the average is "per" is named close by the average or the total: within
    // two sentences ("3,982 officers … to police a city of about 630,000").
    let staff = best(avg, cx.near(avg, WINDOW), |c| {
        figure(c)
            && c.kind == Kind::Count
            && (distance(c, avg) <= 2 || distance(c, total) <= 1)
            && c.unit.as_deref().is_some_and(|u| same_noun(u, per))
    })?;
    let base = avg.per_count.unwrap_or(1.0);
    let derived = total.value.checked_div(staff.value)?.scale(base);
    let v = verdict(&avg.value, &derived, 0.0);
    let unit = avg.unit.clone().unwrap_or_default();
    let period = avg.rate.as_deref().map(|r| format!(" a {r}")).unwrap_or_default();
    let per_label = match avg.per_count {
        Some(n) => format!("per {} {}{period}", fmt_num(n), plural(per)),
        None => format!("per {per}{period}"),
    };
    let things = if avg.kind == Kind::Money {
        "money".to_string()
    } else {
        plural(&unit)
    };
    let staff_noun = staff.unit.clone().unwrap_or_default();
    let factor = avg.value.nominal / derived.nominal;
    let arithmetic = format!(
        "{} ÷ {}{} = {} {per_label} ({} ÷ {}{} = {})",
        fmt_num(total.value.nominal),
        fmt_num(staff.value.nominal),
        if base != 1.0 {
            format!(" × {}", fmt_num(base))
        } else {
            String::new()
        },
        with_unit(derived.nominal, avg.unit.as_deref()),
        fmt_range(&total.value),
        fmt_range(&staff.value),
        if base != 1.0 {
            format!(" × {}", fmt_num(base))
        } else {
            String::new()
        },
        fmt_range(&derived),
    );
    // A number of people or things is whole once it is more than a handful.
    let needed_staff = total.value.nominal / avg.value.nominal * base;
    let needed_staff = if needed_staff >= 10.0 {
        needed_staff.round()
    } else {
        needed_staff
    };
    let would_hold_if = (v != Verdict::Consistent).then(|| {
        if avg.value.nominal > derived.nominal {
            format!(
                "it holds only if at most ~{} of the {} {} carry these {things}",
                fmt_num(needed_staff),
                fmt_num(staff.value.nominal),
                plural(&staff_noun)
            )
        } else {
            format!(
                "it holds only if there were about {} {}, or a total of about {}",
                fmt_num(needed_staff),
                plural(&staff_noun),
                with_unit(
                    avg.value.nominal * staff.value.nominal / base,
                    avg.unit.as_deref()
                )
            )
        }
    });
    let comparison = describe(v, factor);
    let message = format!(
        "stated {} {per_label} {comparison} the {} that '{}' ÷ '{}' gives",
        with_unit(avg.value.nominal, avg.unit.as_deref()),
        fmt_num(derived.nominal),
        total.text,
        staff.text
    );
    let mut explanation = format!(
        "{arithmetic}; stated {} ({}).",
        fmt_num(avg.value.nominal),
        fmt_range(&avg.value)
    );
    if let Some(w) = &would_hold_if {
        explanation.push_str(&format!(" {}.", capitalize(w)));
    }
    Some(Finding {
        id: String::new(),
        rule: "per-unit-average".into(),
        verdict: v,
        severity: Severity::of(v),
        claims: vec![total.id.clone(), staff.id.clone(), avg.id.clone()],
        stated: avg.value,
        derived,
        message,
        explanation,
        factor: Some(factor),
        would_hold_if,
        roles: vec!["total".into(), "count".into(), "stated".into()],
    })
}

/// The total an average divides: a figure of the same unit and time in the average's own
/// sentence ("$610 million, or $1.27 a share"), else the largest within the window, since
/// the parts of a total are smaller than it.
fn best_total<'a>(avg: &Claim, claims: &'a [Claim], accept: impl Fn(&Claim) -> bool) -> Option<&'a Claim> {
    claims
        .iter()
        .filter(|c| c.id != avg.id && distance(avg, c) <= WINDOW && accept(c))
        .min_by(|a, b| {
            let (ra, rb) = (rank(avg, a), rank(avg, b));
            let (sa, sb) = (a.sentence != avg.sentence, b.sentence != avg.sentence);
            ra.0.cmp(&rb.0)
                .then(sa.cmp(&sb))
                .then(b.value.nominal.total_cmp(&a.value.nominal))
                .then(ra.cmp(&rb))
        })
}

/// How a stated value compares with a derived one, as the words before "the <derived>":
/// "matches", "is 5.7×", "is 3× smaller than".
fn describe(v: Verdict, factor: f64) -> String {
    match v {
        Verdict::Consistent => "matches".into(),
        Verdict::Borderline => "is close to, but not within the rounding of,".into(),
        _ if factor >= 1.0 => format!("is {}×", fmt_num(factor)),
        _ => format!("is {}× smaller than", fmt_num(1.0 / factor)),
    }
}
