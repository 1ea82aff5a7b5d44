//! ## What it checks
//! A total stated beside a count and a figure per unit of it: "38 open posts at an average
//! salary of about $72,000 leave roughly $2.7 million unspent", "1.8 million shares at
//! $52.40, a $94 million buyback", "each patient who moves costs about $5,200, so the
//! 1,250-patient drop costs $6.5 million". count × per-unit must match the total.
//! And a rate on a value: "62 cents per $100 of assessed value … for a house valued at
//! $240,000, the bill comes to $1,488 a year" (value × rate ÷ base).
//!
//! ## Why it matters
//! A total computed from a count and a price or an average is checked by one
//! multiplication, and a slip of a digit or a scale word shows at once.
//!
//! ## Example
//! "The company bought back 1.8 million shares at $52.40, a $104 million buyback." →
//! 1.8M × $52.40 = $94.3 million, contradicted.
//!
//! ## Not flagged
//! Totals without a count and a per-unit figure nearby, and per-unit figures of time
//! (those are rate conversions).

use super::Rule;
use crate::claim::{Claim, Kind, Role};
use crate::interval::{Hedge, Verdict};
use crate::relate::frames::{self, Words};
use crate::relate::measure::{NounFit, noun_fit, period_days, stem};
use crate::relate::{Context, Formula, Reading, Relation, is_input, is_plain, value_of};

/// The `product-total` rule.
pub struct ProductTotal;

const ID: &str = "product-total";

/// Words that tie a total to its factors: "for a total of", "a … buyback", "costing".
#[rustfmt::skip]
const TOTAL_WORDS: Words = Words(&[
    "total*", "cost*", "worth", "valued", "value", "leave*", "left", "amount*", "come*", "came",
    "bring*", "brought", "or", "so", "means", "adds", "add", "sum", "altogether", "all", "combined",
]);

impl Rule for ProductTotal {
    fn id(&self) -> &str {
        ID
    }

    fn summary(&self) -> &str {
        "A total must equal the count times the figure per unit it is made of."
    }

    fn examples(&self) -> Vec<(&str, Verdict)> {
        vec![
            (
                "The company bought back 1.8 million shares at $52.40 each, a $104 million buyback.",
                Verdict::Contradicted,
            ),
            (
                "The 38 open posts, at an average salary of about $72,000, leave roughly $2.7 million unspent.",
                Verdict::Consistent,
            ),
            (
                "The council set the rate at 62 cents per $100 of assessed value. For a house valued at $240,000, the bill comes to $1,488 a year.",
                Verdict::Consistent,
            ),
        ]
    }

    fn doc(&self) -> String {
        super::module_doc(include_str!("product_total.rs"))
    }

    /// A product is flagged only when a cue ties the total to its factors and, for a
    /// count, the figure per unit counts what the total counts.
    fn may_flag(&self, r: &Reading) -> bool {
        let e = &r.evidence;
        e.frame >= super::MIN_FRAME_TO_FLAG
            && e.noun_clash == 0.0
            && (r
                .unit
                .as_deref()
                .is_some_and(|u| u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase()))
                || e.noun_same >= 1.0)
    }

    fn propose(&self, cx: &Context) -> Vec<Reading> {
        let mut out = Vec::new();
        let rates = value_rates(cx);
        for (s, c) in cx.claims.iter().enumerate() {
            if is_plain(c) && matches!(c.kind, Kind::Money | Kind::Count) && c.value.nominal > 0.0 {
                propose_for(cx, s, c, &mut out);
            }
            // The amount a rate on a value comes to may be per year ("$1,488 a year").
            let yearly = c.per.as_deref().is_none_or(|p| period_days(p).is_some());
            let amount = is_input(c) && c.role != Role::Change && !c.average && c.per_count.is_none();
            if c.kind == Kind::Money
                && amount
                && yearly
                && c.value.nominal > 0.0
                && rates.binary_search_by_key(&s, |(r, _)| *r).is_err()
            {
                propose_valued(cx, s, c, &rates, &mut out);
            }
        }
        out
    }
}

/// A rate charged per so many dollars of a value, with that base: "$0.85 per $1,000 of
/// taxable value", "62 cents per $100". Other rates of the same sentence and size are
/// the same rate before or after a change ("from 58 cents per $100 … to 62 cents").
fn value_rates(cx: &Context) -> Vec<(usize, f64)> {
    let mut out = Vec::new();
    for (k, c) in cx.claims.iter().enumerate() {
        let Some(b) = cx.claim(k + 1) else { continue };
        let base = b.value.nominal;
        let per = frames::between(cx, k, k + 1)
            .is_some_and(|t| t.len() == 1 && frames::lower(cx, t).next() == Some("per"));
        if !(per && c.kind == Kind::Money && b.kind == Kind::Money && c.unit == b.unit) {
            continue;
        }
        if !(base == 100.0 || base == 1000.0) || c.value.nominal <= 0.0 || c.value.nominal >= base {
            continue;
        }
        // The rate's sentence, within the claims a rule may pair it with.
        for j in cx.near(k, 0) {
            let Some(o) = cx.claim(j) else { continue };
            let alike = o.value.nominal > 0.0
                && o.value.nominal < base
                && (o.value.nominal / c.value.nominal - 1.0).abs() < 1.0;
            let same = o.sentence == c.sentence && o.kind == Kind::Money && o.unit == c.unit;
            if same && alike && j != k + 1 && is_input(o) {
                out.push((j, base));
            }
        }
    }
    // In text order, so that the rates near a figure are found by a binary search; a rate
    // found twice keeps the base it was first found with (the sort is stable).
    out.sort_by_key(|(r, _)| *r);
    out.dedup_by_key(|(r, _)| *r);
    out
}

/// The rates of `rates` (in text order) within two sentences of claim `s`.
fn rates_near<'r>(cx: &Context, s: usize, rates: &'r [(usize, f64)]) -> &'r [(usize, f64)] {
    let Some(c) = cx.claim(s) else { return &[] };
    let sentence = |r: usize| cx.claim(r).map_or(0, |x| x.sentence);
    let lo = rates.partition_point(|(r, _)| sentence(*r) + 2 < c.sentence);
    let hi = rates.partition_point(|(r, _)| sentence(*r) <= c.sentence + 2);
    rates.get(lo..hi.max(lo)).unwrap_or(&[])
}

/// "The council set the rate at 62 cents per $100 of assessed value. For a house valued
/// at $240,000, the bill comes to $1,488 a year": the amount is the value times the rate
/// over its base.
fn propose_valued(cx: &Context, s: usize, c: &Claim, rates: &[(usize, f64)], out: &mut Vec<Reading>) {
    for &(r, base) in rates_near(cx, s, rates) {
        let Some(cr) = cx.claim(r) else { continue };
        if r == s || c.unit != cr.unit {
            continue;
        }
        // The value taxed: a money figure of the stated one's sentence (or the rate's),
        // many times the base and the amount (a rate on a value is a few percent of it
        // at most).
        let values = cx.candidates(s, 2, 4, |k| {
            cx.claim(k).is_some_and(|v| {
                is_plain(v)
                    && v.kind == Kind::Money
                    && v.unit == c.unit
                    && v.value.nominal >= base * 10.0
                    && v.value.nominal >= c.value.nominal * 10.0
                    && (v.sentence == c.sentence || v.sentence == cr.sentence)
            })
        });
        for v in values {
            let Some(cv) = cx.claim(v) else { continue };
            let mut e = cx.base_evidence(s, &[v, r]);
            e.frame = if cx.same_clause(v, s) || cx.sentences_apart(v, s) == 0 {
                0.8
            } else {
                0.5
            };
            e.cue = 1.0;
            let Some(reading) = Reading::new(
                ID,
                Relation::Product,
                s,
                value_of(c),
                vec![(v, "value", value_of(cv)), (r, "rate", value_of(cr))],
                Formula::Product(1.0 / base),
                e,
            ) else {
                continue;
            };
            out.push(reading.with_unit(c.unit.clone()));
        }
    }
}

/// A figure per unit (not per time) that can be multiplied by a count of its units: the
/// noun stem it is per, if known.
fn per_unit(cx: &Context, k: usize, c: &Claim) -> Option<Option<String>> {
    if !is_input(c) || c.role == Role::Change || c.value.nominal <= 0.0 {
        return None;
    }
    if let Some(p) = c.per.as_deref() {
        if period_days(p).is_some() {
            return None;
        }
        return Some(Some(stem(p)));
    }
    // "at $52.40", "an average salary of about $72,000": a price or an average.
    let priced = c.kind == Kind::Money && frames::preceded_by(cx, k, &["at", "for", "costing", "apiece"]);
    (c.average || priced).then_some(None)
}

/// A count of things: whole, unless scaled ("1.8 million shares"); "114.2" is no count.
fn count_for(c: &Claim) -> bool {
    is_plain(c)
        && c.kind == Kind::Count
        && c.value.nominal > 1.0
        && (c.value.nominal.fract() == 0.0 || c.value.nominal >= 1e4)
}

fn propose_for(cx: &Context, s: usize, c: &Claim, out: &mut Vec<Reading>) {
    let units = cx.candidates(s, 2, 8, |k| {
        cx.claim(k).is_some_and(|x| {
            per_unit(cx, k, x).is_some() && x.kind == c.kind && x.value.nominal < c.value.nominal
        })
    });
    if units.is_empty() {
        return;
    }
    let counts = cx.candidates(s, 6, 10, |k| cx.claim(k).is_some_and(count_for));
    // "brought in $4.9 million, up from $4.6 million in 2023, or about $95 for each of
    // …": a value named as the one before a change is no total of the figure
    // per unit beside it, unless that figure is marked as earlier too.
    let old = cx.cues(s).marked_old;
    for &u in &units {
        let Some(cu) = cx.claim(u) else { continue };
        if old && !cx.cues(u).marked_old {
            continue;
        }
        let Some(per) = per_unit(cx, u, cu) else { continue };
        for &n in &counts {
            let Some(cn) = cx.claim(n) else { continue };
            if n == u || cn.value.nominal >= c.value.nominal * 1.5 && c.kind == Kind::Count {
                continue;
            }
            let fit = noun_fit(per.as_deref(), cx.own_noun(n));
            if fit == NounFit::Different {
                continue;
            }
            // A price or an average with no "per" names its units only by the count
            // beside it: that count must name its own noun, in the same clause.
            if per.is_none() && (cx.own_noun(n).is_none() || !cx.same_clause(n, u)) {
                continue;
            }
            let mut e = cx.base_evidence(s, &[u, n]);
            // A total word between the total and either factor ties them.
            let tied = |k: usize| {
                frames::between(cx, k, s)
                    .is_some_and(|b| frames::word_count(b) <= 8 && frames::any_word(cx, b, TOTAL_WORDS))
            };
            let tie = tied(u) || tied(n);
            let tie = tie || appositive(cx, u.max(n), s);
            let one_sentence = cx.sentences_apart(s, u) == 0 && cx.sentences_apart(s, n) == 0;
            e.frame = match (tie, one_sentence) {
                (true, true) => 1.0,
                (true, false) => 0.6,
                (false, true) => 0.4,
                _ => 0.0,
            };
            e.cue = f64::from(u8::from(per.is_some()));
            // The count counts the units; for a count total, the figure per unit counts
            // what the total counts ("21.7 points a game" for "652 points").
            let mut pairs = vec![(per.as_deref(), cx.own_noun(n))];
            if c.kind == Kind::Count {
                pairs.push((cx.own_noun(s), cx.noun(u)));
            }
            crate::relate::Context::noun_evidence(&mut e, &pairs);
            if matches!(cn.hedge, Hedge::LowerBound | Hedge::UpperBound) {
                e.hedge_misfit = 1.0;
            }
            let Some(r) = Reading::new(
                ID,
                Relation::Product,
                s,
                value_of(c),
                vec![(n, "count", value_of(cn)), (u, "per unit", value_of(cu))],
                Formula::Product(1.0),
                e,
            ) else {
                continue;
            };
            out.push(r.with_unit(c.unit.clone()));
        }
    }
}

/// True when the total restates the last factor's phrase right after a comma: "1.8
/// million shares at $52.40 each, a $104 million buyback", "…, or $4.4 million".
fn appositive(cx: &Context, last: usize, s: usize) -> bool {
    if s <= last {
        return false;
    }
    let Some(b) = frames::between(cx, last, s) else {
        return false;
    };
    let words: Vec<&str> = frames::lower(cx, b)
        .filter(|w| !matches!(*w, "each" | "apiece"))
        .collect();
    matches!(
        words.as_slice(),
        [","]
            | [",", "a" | "an" | "or" | "for" | "totaling" | "totalling"]
            | [",", "or", "a" | "an" | "about" | "some"]
    )
}
