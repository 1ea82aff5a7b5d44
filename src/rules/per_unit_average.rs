//! ## What it checks
//! A figure per unit ("each officer handles an average of 7,000 cases", "1,500 cases per
//! judge", "$41.6 million, or 88 cents a share", "61 officers per 10,000 residents",
//! "about $2,100 per resident") against a total and a count of those units the article
//! gives, in the same clause or anywhere before it: total ÷ count (× N for "per N") must
//! fall inside the stated figure's interval.
//!
//! ## Why it matters
//! A per-unit figure is usually computed by the writer or a source; when it is off by a
//! factor, the total, the count or the figure is wrong, or they describe different groups.
//!
//! ## Example
//! "The backlog reached 7.4 million cases. About 6,000 officers work it; each officer
//! handles an average of 7,000 cases." → 7.4M ÷ 6,000 ≈ 1,233, contradicted (5.7×).
//!
//! ## Not flagged
//! Figures per unit of time ("2,000 a day": that is rate conversion), per-unit figures
//! without a total and a count of the right units, and totals that are changes.

use super::{Rule, Wording, wording};
use crate::claim::{Claim, Kind, Role};
use crate::finding::{fmt_num, plural};
use crate::interval::{Hedge, Verdict};
use crate::relate::frames::{self, Words};
use crate::relate::measure::{NounFit, is_share, noun_fit, period_days, same_dimension, same_noun, stem};
use crate::relate::{Context, Evidence, Formula, Reading, Relation, is_input, value_of};

/// The `per-unit-average` rule.
pub struct PerUnitAverage;

const ID: &str = "per-unit-average";

/// Words between a total and its per-unit figure that tie them: "or", "works out to".
#[rustfmt::skip]
const TIES: Words = Words(&[
    "or", "works", "work", "worked", "means", "meaning", "averag*", "each", "apiece", "equal*",
    "equivalent", "amount*", "comes", "came", "that", "which", "per", "about", "roughly", "nearly",
    "some",
]);

impl Rule for PerUnitAverage {
    fn id(&self) -> &str {
        ID
    }

    fn summary(&self) -> &str {
        "A stated figure per unit must equal the total divided by the count of units."
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
            (
                "The company earned $41.6 million, or 88 cents a share, on 47.3 million shares.",
                Verdict::Consistent,
            ),
            (
                "The district will spend $120 million on its 10,000 students, or $18,000 per student.",
                Verdict::Contradicted,
            ),
        ]
    }

    /// An average is flagged only under a cue frame and when its total counts what it
    /// counts: "About 50 inspectors visited 2,000 restaurants, an average of 40 visits
    /// each" names no total of visits, so nothing follows.
    fn may_flag(&self, r: &Reading) -> bool {
        r.evidence.frame >= super::MIN_FRAME_TO_FLAG && r.evidence.noun_clash == 0.0
    }

    fn doc(&self) -> String {
        super::module_doc(include_str!("per_unit_average.rs"))
    }

    fn propose(&self, cx: &Context) -> Vec<Reading> {
        let mut out = crate::relate::readings_for(cx, 1);
        for (s, c) in cx.claims.iter().enumerate() {
            if let Some(per) = per_unit(c) {
                propose_for(cx, s, c, &per, &mut out);
            } else if let Some(scale) = per_column(cx, s) {
                table_row(cx, s, c, scale, &mut out);
            }
        }
        out
    }

    fn word(&self, cx: &Context, r: &Reading) -> Wording {
        let w = wording::generic(cx, r);
        if r.verdict == Verdict::Consistent || r.stated_value.nominal <= r.derived.nominal {
            return w;
        }
        // "It holds only if at most ~1,057 of the 6,000 officers carry these cases."
        let (Some(total), Some(count)) = (
            r.operands.first().and_then(|o| cx.claim(o.claim)),
            r.operands.get(1).and_then(|o| cx.claim(o.claim)),
        ) else {
            return w;
        };
        let scale = match r.formula {
            Formula::Ratio(k) => k,
            _ => 1.0,
        };
        let needed = total.value.high * scale / r.stated_value.low.max(f64::MIN_POSITIVE);
        let noun = count
            .unit
            .as_deref()
            .map(plural)
            .unwrap_or_else(|| "units".into());
        let what = total
            .unit
            .as_deref()
            .filter(|_| total.kind == Kind::Count)
            .map_or("the total".into(), |u| format!("these {}", plural(u)));
        let condition = format!(
            "at most ~{} of the {} {noun} account for {what}, or the total is larger than stated",
            wording::round_like(needed, 0),
            fmt_num(count.value.nominal)
        );
        wording::holds_only_if(w, Some(condition))
    }
}

/// The unit a figure is "per", when it is a figure per unit of something other than time.
fn per_unit(c: &Claim) -> Option<String> {
    if !c.usable() || !matches!(c.kind, Kind::Count | Kind::Money) || c.role == Role::Change {
        return None;
    }
    let per = c.per.as_deref()?;
    if period_days(per).is_some() && c.per_count.is_none() {
        return None;
    }
    Some(stem(per))
}

/// A total: a plain figure of the stated one's dimension (or a rate over the same period,
/// when the stated figure is a rate: "each household uses 9,000 gallons a month" against
/// "300 million gallons a month").
fn total_for(stated: &Claim, c: &Claim) -> bool {
    let per_ok = match stated.rate.as_deref() {
        Some(rate) => {
            c.per.as_deref() == Some(rate)
                || (c.per.is_none() && c.time.as_deref().is_some_and(|t| t.contains(rate)))
        }
        None => c.per.is_none(),
    };
    per_ok && total_like(stated, c)
}

/// What makes a figure a total, whatever it is per: an input of the stated figure's
/// dimension, no average, change, share or rate per so many.
fn total_like(stated: &Claim, c: &Claim) -> bool {
    is_input(c)
        && c.per_count.is_none()
        && !c.average
        && c.role != Role::Change
        && same_dimension(stated, c)
        && !is_share(c)
        && matches!(
            c.hedge,
            Hedge::Exact | Hedge::Approx | Hedge::LowerBound | Hedge::UpperBound
        )
}

/// A total over a period in the stated figure's own sentence, when the stated figure is no
/// rate: "spent $84 million a year, about $1,200 per pupil" divides the year's spending.
fn period_total(cx: &Context, s: usize, stated: &Claim, k: usize, c: &Claim) -> bool {
    stated.rate.is_none()
        && c.per.as_deref().is_some_and(|p| period_days(p).is_some())
        && cx.sentences_apart(s, k) == 0
        && total_like(stated, c)
}

/// A count of units: a plain count, not a bound ("cities of more than 50,000 people" is a
/// threshold, not a population to divide by).
fn count_of(c: &Claim) -> bool {
    is_input(c)
        && c.hedge != Hedge::LowerBound
        && c.kind == Kind::Count
        && c.per.is_none()
        && c.per_count.is_none()
        && !c.average
        && c.role != Role::Change
        && c.value.nominal > 0.0
        && (c.value.nominal.fract() == 0.0 || c.value.nominal >= 1e4)
}

fn propose_for(cx: &Context, s: usize, c: &Claim, per: &str, out: &mut Vec<Reading>) {
    let scale = c.per_count.unwrap_or(1.0);
    // A total is not itself a count of the units ("48 transects" for "42 per transect").
    // A total below the average itself, with one unit or more, is no total of it ("2,300
    // kilograms per acre, against 900 kilograms outside").
    // A count total counts what the average counts: "90,000 parking spaces" is no total of
    // "an average of 30 students".
    let counted = cx.own_noun(s).or(cx.noun(s));
    let total_ok = |k: usize| {
        cx.claim(k).is_some_and(|x| {
            (total_for(c, x) || period_total(cx, s, c, k, x)) && (scale != 1.0 || x.value.high >= c.value.low)
        }) && !(c.kind == Kind::Count && noun_fit(counted, cx.own_noun(k)) == NounFit::Different)
            && !(c.kind == Kind::Count && cx.noun(k).is_some_and(|n| same_noun(n, per)))
    };
    let mut totals = cx.candidates(s, 12, 12, total_ok);
    totals.extend(cx.key.iter().copied().filter(|&k| k != s && total_ok(k)));
    totals.sort_unstable();
    totals.dedup();
    let mut counts = cx.candidates(s, 40, 12, |k| {
        cx.claim(k).is_some_and(|x| {
            count_of(x)
                && matches!(
                    noun_fit(cx.noun(k), Some(per)),
                    NounFit::Same | NounFit::Synonym | NounFit::Unknown
                )
                && (cx.own_noun(k).is_some() || cx.sentences_apart(k, s) <= 3)
        })
    });
    // A key figure that names the units themselves ("its 11,260 students") counts them
    // however far off it is.
    counts.extend(cx.key.iter().copied().filter(|&k| {
        k != s
            && cx.claim(k).is_some_and(count_of)
            && matches!(
                noun_fit(cx.own_noun(k), Some(per)),
                NounFit::Same | NounFit::Synonym
            )
    }));
    counts.sort_unstable();
    counts.dedup();
    for &t in &totals {
        for &n in &counts {
            let (Some(ct), Some(cn)) = (cx.claim(t), cx.claim(n)) else {
                continue;
            };
            if t == n {
                continue;
            }
            let mut e = cx.base_evidence(s, &[t, n]);
            e.frame = frame(cx, s, t, n);
            e.cue = f64::from(u8::from(
                c.average || frames::preceded_by(cx, s, &["each", "per"]),
            ));
            let stated_noun = if c.kind == Kind::Count { cx.noun(s) } else { None };
            crate::relate::Context::noun_evidence(
                &mut e,
                &[
                    (stated_noun, cx.own_noun(t).or(cx.noun(t))),
                    (Some(per), cx.own_noun(n)),
                ],
            );
            if c.kind != Kind::Count {
                // Money per unit: only the divisor's noun speaks.
                crate::relate::Context::noun_evidence(&mut e, &[(Some(per), cx.own_noun(n))]);
            }
            match (cx.fact(t).year, cx.fact(n).year) {
                (Some(a), Some(b)) if a == b => e.time_fit = 1.0,
                (Some(_), Some(_)) => e.time_clash = 1.0,
                _ => {}
            }
            // "35 homicides per 100,000 residents": the rate's base, when it has one.
            let per = c.per.as_deref().unwrap_or("");
            let unit = Some(if scale == 1.0 {
                format!("{} per {per}", c.unit.as_deref().unwrap_or(""))
            } else {
                format!(
                    "{} per {} {}",
                    c.unit.as_deref().unwrap_or(""),
                    fmt_num(scale),
                    plural(per)
                )
            });
            let Some(r) = ratio(s, c, (t, ct), (n, cn), scale, e) else {
                continue;
            };
            let unit = if c.kind == Kind::Money {
                c.unit.clone()
            } else {
                unit
            };
            out.push(r.with_unit(unit));
        }
    }
}

/// How strongly the wording ties the per-unit figure to its total and count: "or X per
/// Y" right after the total, "works out to", the three in one clause.
fn frame(cx: &Context, s: usize, t: usize, n: usize) -> f64 {
    let tie = |a: usize| {
        frames::between(cx, a, s).is_some_and(|b| frames::word_count(b) <= 6 && frames::any_word(cx, b, TIES))
    };
    let one_sentence = cx.sentences_apart(s, t) == 0 && cx.sentences_apart(s, n) == 0;
    let by_words = if (tie(t) || tie(n)) && one_sentence {
        1.0
    } else if tie(t) || tie(n) {
        0.7
    } else if one_sentence {
        0.5
    } else {
        0.0
    };
    // The nouns tie them too: "7,000 cases per officer" against "7.4 million cases" and
    // "6,000 officers" a sentence or two before.
    let per = cx.per_noun(s);
    let count_named = cx
        .own_noun(n)
        .is_some_and(|x| per.as_deref().is_some_and(|p| same_noun(x, p)));
    let total_named = match cx.claim(s).map(|c| c.kind) {
        // The total's own noun, or the noun its sentence carries over ("The backlog of
        // pending claims has reached 7.4 million").
        Some(Kind::Count) => cx
            .own_noun(t)
            .or(cx.noun(t))
            .is_some_and(|x| cx.noun(s).is_some_and(|y| same_noun(x, y))),
        _ => true,
    };
    // The total may be the article's running figure a few paragraphs up.
    let near = cx.sentences_apart(s, t) <= 6 && cx.sentences_apart(s, n) <= 3;
    let by_nouns = if count_named && total_named && near {
        0.8
    } else {
        0.0
    };
    f64::max(by_words, by_nouns)
}

/// The N of a table column headed "Per 1,000", "per capita" (1) or "rate per 100,000".
fn per_column(cx: &Context, s: usize) -> Option<f64> {
    let cell = cx.fact(s).cell?;
    let header = cx
        .doc
        .tables
        .get(cell.table)?
        .headers
        .get(cell.col)?
        .to_lowercase();
    let after = header.split("per").nth(1)?.trim().to_string();
    if after.starts_with("capita") || after.starts_with("head") || after.starts_with("person") {
        return Some(1.0);
    }
    let digits: String = after
        .chars()
        .take_while(|ch| ch.is_ascii_digit() || *ch == ',')
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse::<f64>().ok().filter(|n| *n > 0.0)
}

/// A "per N" cell against every pair of figures of its row: total ÷ count × N.
fn table_row(cx: &Context, s: usize, c: &Claim, scale: f64, out: &mut Vec<Reading>) {
    let Some(cell) = cx.fact(s).cell else { return };
    let row: Vec<usize> = (0..cx.structure.cols(cell.table))
        .filter_map(|col| cx.structure.at(cell.table, cell.row, col))
        .filter(|&k| k != s && cx.claim(k).is_some_and(count_of))
        .collect();
    for &t in &row {
        for &n in &row {
            let (Some(ct), Some(cn)) = (cx.claim(t), cx.claim(n)) else {
                continue;
            };
            if t == n || cn.value.nominal <= 0.0 {
                continue;
            }
            let mut e = cx.base_evidence(s, &[t, n]);
            e.frame = 0.6;
            e.structure = 1.0;
            let Some(r) = ratio(s, c, (t, ct), (n, cn), scale, e) else {
                continue;
            };
            out.push(r);
        }
    }
}

/// The reading total ÷ count × scale of figure `s`.
fn ratio(
    s: usize,
    c: &Claim,
    total: (usize, &Claim),
    count: (usize, &Claim),
    scale: f64,
    e: Evidence,
) -> Option<Reading> {
    Reading::new(
        ID,
        Relation::Ratio,
        s,
        value_of(c),
        vec![
            (total.0, "total", value_of(total.1)),
            (count.0, "count", value_of(count.1)),
        ],
        Formula::Ratio(scale),
        e,
    )
}
