//! ## What it checks
//! One quantity stated over two periods: "2,000 a day … 60,000 a month", "210,000 last
//! year, or 17,500 a month", "approximately $354 annually, or about $29.50 monthly". The
//! figures must convert into each other (a year is 365.25 days, a month a twelfth of it,
//! a week seven days).
//!
//! ## Why it matters
//! Converting a rate by hand invites slips of a factor (52 weeks, 12 months, 365 days).
//!
//! ## Example
//! "The plant treats 2,000 tons a day, or about 90,000 tons a month." → 2,000 × 30.4 =
//! 60,875, contradicted.
//!
//! A total and a rate over a stated length of time ("85 calls a day, or 2,550 over the
//! 30-day month", "a two-year grant of $1.8 million, about $900,000 a year") must agree with
//! rate × length.
//!
//! A total whose period goes unnamed, restated at once as a rate ("96,000 overtime hours,
//! about 1,850 hours a week"), is read as a year's total: that reading may explain the
//! rate, never flag it.
//!
//! ## Not flagged
//! Figures whose periods are not named, and figures of different units.

use super::Rule;
use crate::claim::Kind;
use crate::interval::Verdict;
use crate::relate::frames;
use crate::relate::measure::{NounFit, noun_fit, period_days, same_dimension};
use crate::relate::{Context, Formula, Reading, Relation, is_input, value_of};

/// The `rate-conversion` rule.
pub struct RateConversion;

const ID: &str = "rate-conversion";

impl Rule for RateConversion {
    fn id(&self) -> &str {
        ID
    }

    fn summary(&self) -> &str {
        "A figure stated per day, week, month or year must convert into the same figure per other periods."
    }

    fn examples(&self) -> Vec<(&str, Verdict)> {
        vec![
            (
                "The plant treats 2,000 tons a day, or about 90,000 tons a month.",
                Verdict::Contradicted,
            ),
            (
                "The typical charge would climb by approximately $354 annually, or about $29.50 monthly.",
                Verdict::Consistent,
            ),
            (
                "The ferry carried 3,200 riders a day during the summer season, or about 1.5 million a year if that held.",
                Verdict::Contradicted,
            ),
            (
                "The mill shipped 1,150 tonnes a week through the winter months, or about 60,000 tonnes a year.",
                Verdict::Consistent,
            ),
            (
                "Rent on the depot is $42,500 a month, or $610,000 for the year.",
                Verdict::Contradicted,
            ),
            (
                "- Calls to the hotline: 94,900, or about 260 a day.",
                Verdict::Consistent,
            ),
            (
                "The quarry shipped 410 tonnes a week, or 5,900 tonnes over the 13-week quarter.",
                Verdict::Contradicted,
            ),
            (
                "The two-year grant of $1.8 million pays the lab about $900,000 a year.",
                Verdict::Consistent,
            ),
        ]
    }

    fn doc(&self) -> String {
        super::module_doc(include_str!("rate_conversion.rs"))
    }

    fn propose(&self, cx: &Context) -> Vec<Reading> {
        let mut out = Vec::new();
        for d in 0..cx.claims.len() {
            over_duration(cx, d, &mut out);
        }
        for (s, c) in cx.claims.iter().enumerate() {
            if !is_input(c) || !matches!(c.kind, Kind::Count | Kind::Money) {
                continue;
            }
            let Some(ps) = period_of(cx, s) else { continue };
            yearly_total(cx, s, ps, &mut out);
            for a in cx.candidates(s, 2, 10, |k| {
                cx.claim(k).is_some_and(|x| is_input(x) && same_dimension(x, c))
            }) {
                let Some(pa) = period_of(cx, a) else { continue };
                let (Some(ds), Some(da)) = (period_days(ps), period_days(pa)) else {
                    continue;
                };
                if ds == da {
                    continue;
                }
                let Some(ca) = cx.claim(a) else { continue };
                let fit = noun_fit(cx.own_noun(s), cx.own_noun(a));
                if fit == NounFit::Different {
                    continue;
                }
                let mut e = cx.base_evidence(s, &[a]);
                // "2,000 a day, or about 60,000 a month", "which works out to": one figure
                // restated over another period. Two exact prices side by side ("£4.99 a
                // month or £50 a year") are two offers, not a conversion.
                // A restatement after ", or" may follow a longer phrase of the first
                // figure ("6,400 visitors a day in the spring, or about 2.3
                // million a year").
                let between: Vec<&str> = frames::between(cx, a, s)
                    .filter(|b| {
                        let n = frames::word_count(b);
                        n <= 6 || (n <= 11 && comma_or(cx, b))
                    })
                    .map(|b| frames::lower(cx, b).collect())
                    .unwrap_or_default();
                let equivalence = between.iter().any(|w| {
                    matches!(
                        *w,
                        "equivalent"
                            | "works"
                            | "amounts"
                            | "means"
                            | "roughly"
                            | "about"
                            | "nearly"
                            | "almost"
                            | "some"
                    )
                });
                let hedged =
                    c.hedge != crate::interval::Hedge::Exact || ca.hedge != crate::interval::Hedge::Exact;
                let or = between.contains(&"or") || between.contains(&"(");
                // "$2.4 million a month, or $26 million for the year": the comma sets
                // the second figure off as the first restated; two offers are listed
                // without it ("£4.99 a month or £50 a year").
                let set_off = between.windows(2).any(|w| w == [",", "or"]);
                e.frame = if or && (equivalence || hedged || set_off || c.kind == Kind::Count) {
                    1.0
                } else if equivalence {
                    0.5
                } else if or {
                    // Two offers may explain each other but never flag each other.
                    0.3
                } else {
                    0.2
                };
                e.cue = f64::from(u8::from(c.per.is_some() && ca.per.is_some()));
                Context::noun_evidence(&mut e, &[(cx.own_noun(s), cx.own_noun(a))]);
                let Some(r) = Reading::new(
                    ID,
                    Relation::Rate,
                    s,
                    value_of(c),
                    vec![(a, "rate", value_of(ca))],
                    Formula::Scale(ds / da),
                    e,
                ) else {
                    continue;
                };
                out.push(r.with_unit(c.unit.clone()));
            }
        }
        out
    }
}

/// The period a figure is stated over: its per-unit when that is a time ("a day"), else
/// an adverb after it ("annually", "monthly"), else its time anchor ("last year").
/// "Crews logged 96,000 overtime hours, about 1,850 hours a week", "calls: 94,900, or
/// about 260 a day": a total whose period goes unnamed, restated right after it as a
/// rate per day, week or month. Read as a year's total, which a report of yearly figures
/// usually gives, the reading may explain the rate; with the period a guess, it never flags
/// it, and a rate the year does not give is left alone.
fn yearly_total(cx: &Context, s: usize, ps: &str, out: &mut Vec<Reading>) {
    let Some(ds) = period_days(ps).filter(|d| *d < 365.0) else {
        return;
    };
    let Some(c) = cx.claim(s) else { return };
    let Some(a) = s.checked_sub(1) else { return };
    let Some(ca) = cx.claim(a) else { return };
    if !is_input(ca) || ca.per.is_some() || !same_dimension(ca, c) || period_of(cx, a).is_some() {
        return;
    }
    let tied = frames::between(cx, a, s).is_some_and(|b| {
        let l: Vec<&str> = frames::lower(cx, b).collect();
        frames::word_count(b) <= 4
            && (l.contains(&",") || l.contains(&"or"))
            && !l.iter().any(|w| matches!(*w, "and" | "but" | "while"))
    });
    if !tied || noun_fit(cx.own_noun(s), cx.own_noun(a)) == NounFit::Different {
        return;
    }
    let mut e = cx.base_evidence(s, &[a]);
    e.frame = 0.3;
    Context::noun_evidence(&mut e, &[(cx.own_noun(s), cx.own_noun(a))]);
    let Some(r) = Reading::new(
        ID,
        Relation::Rate,
        s,
        value_of(c),
        vec![(a, "total", value_of(ca))],
        Formula::Scale(ds / 365.25),
        e,
    ) else {
        return;
    };
    if crate::interval::verdict(&r.stated_value, &r.derived, 0.0) == Verdict::Consistent {
        out.push(
            r.with_unit(c.unit.clone())
                .note("The total is read as a year's: the article names no period for it."),
        );
    }
}

/// The days of the unit of a stated length of time written as a compound ("13-week period", "a
/// five-year study", "the 92-day season"): the figure with its unit and a hyphen.
fn duration_days(cx: &Context, d: usize) -> Option<f64> {
    let c = cx.claim(d)?;
    if c.kind != Kind::Count || c.per.is_some() || c.value.nominal < 2.0 || c.value.nominal.fract() != 0.0 {
        return None;
    }
    let days = period_days(c.unit.as_deref()?)?;
    let end = crate::Report::text_span(c).end;
    cx.doc.text.get(end..)?.starts_with('-').then_some(days)
}

/// A total and a rate over a stated length of time: "85 calls a day, or 2,550 over the
/// 30-day month", "a two-year grant of $1.8 million, about $900,000 a year", "58,000
/// visitors over the 61-day festival, about 950 a day". The later of the two figures is
/// the one stated from the others: total = rate × length, or rate = total ÷ length, with
/// the periods converted.
fn over_duration(cx: &Context, d: usize, out: &mut Vec<Reading>) {
    let Some(unit) = duration_days(cx, d) else { return };
    let Some(cd) = cx.claim(d) else { return };
    let length = unit * cd.value.nominal;
    // Figures of the length's sentence, or of the two before it.
    let near = cx.candidates(d, 2, 8, |k| {
        k != d
            && (k < d || cx.sentences_apart(k, d) == 0)
            && cx.claim(k).is_some_and(|x| {
                is_input(x) && x.value.nominal > 0.0 && matches!(x.kind, Kind::Count | Kind::Money)
            })
    });
    for &r in &near {
        let Some(cr) = cx.claim(r) else { continue };
        let Some(per) = period_of(cx, r).and_then(period_days) else {
            continue;
        };
        if cr.per.is_none() || cr.per_count.is_some() || per >= length {
            continue;
        }
        for &t in &near {
            let Some(ct) = cx.claim(t) else { continue };
            if t == r || ct.per.is_some() || period_of(cx, t).is_some() || !same_dimension(ct, cr) {
                continue;
            }
            // The total is the larger.
            if ct.value.nominal <= cr.value.nominal {
                continue;
            }
            if noun_fit(cx.own_noun(t), cx.own_noun(r)) == NounFit::Different {
                continue;
            }
            let (s, other, role) = if t > r { (t, r, "rate") } else { (r, t, "total") };
            // The figure restated from the others shares the length's sentence ("or
            // 2,550 over the 30-day month"); the other may come up to two sentences
            // before it.
            if cx.sentences_apart(s, d) > 0 {
                continue;
            }
            let Some(cs) = cx.claim(s) else { continue };
            let Some(co) = cx.claim(other) else { continue };
            let mut e = cx.base_evidence(s, &[other, d]);
            let one_sentence = cx.sentences_apart(t, r) == 0 && cx.sentences_apart(t, d) == 0;
            e.frame = if one_sentence { 1.0 } else { 0.6 };
            e.cue = 1.0;
            Context::noun_evidence(&mut e, &[(cx.own_noun(t), cx.own_noun(r))]);
            let formula = if s == t {
                Formula::Product(unit / per)
            } else {
                Formula::Ratio(per / unit)
            };
            let Some(reading) = Reading::new(
                ID,
                Relation::Rate,
                s,
                value_of(cs),
                vec![(other, role, value_of(co)), (d, "length", value_of(cd))],
                formula,
                e,
            ) else {
                continue;
            };
            out.push(reading.with_unit(cs.unit.clone()));
        }
    }
}

fn period_of(cx: &Context, i: usize) -> Option<&'static str> {
    let c = cx.claim(i)?;
    if let Some(p) = c.per.as_deref() {
        return crate::relate::measure::PERIODS
            .iter()
            .find(|(name, _)| *name == p)
            .map(|(name, _)| *name);
    }
    let after: Vec<&str> = frames::words(cx, frames::after(cx, i)).take(3).collect();
    let adverb = |w: &str| match w {
        "annually" | "yearly" | "annual" => Some("year"),
        "monthly" => Some("month"),
        "weekly" => Some("week"),
        "daily" | "nightly" => Some("day"),
        _ => None,
    };
    if let Some(p) = after.iter().find_map(|w| adverb(w)) {
        return Some(p);
    }
    let before: Vec<&str> = frames::words(cx, frames::before(cx, i)).rev().take(3).collect();
    if let Some(p) = before.iter().find_map(|w| adverb(w)) {
        return Some(p);
    }
    let time = c.time.as_deref()?.to_lowercase();
    [
        "last year",
        "this year",
        "a year",
        "per year",
        "the year",
        "over the year",
    ]
    .iter()
    .any(|t| time.contains(t))
    .then_some("year")
}

/// True when the words between two figures end in ", or" and at most two hedge words
/// ("…, or about"), with no other comma before it.
fn comma_or(cx: &Context, between: &[crate::tokens::Token]) -> bool {
    let l: Vec<&str> = frames::lower(cx, between).collect();
    let Some(or) = l.iter().rposition(|w| *w == "or") else {
        return false;
    };
    or >= 1
        && l.get(or - 1) == Some(&",")
        && l.iter().filter(|w| **w == ",").count() == 1
        && l.len() - or <= 3
}
