//! ## What it checks
//! An absolute change or gap ("up $23 million from $170 million", "a loss of 1,250
//! pupils", "10,000 fewer", "a gap of 3.4 points", "a natural decrease of 355") against
//! the two values it lies between: after − before (or the larger less the smaller, for a
//! gap) must match it, in the direction the sentence states. A gap said to put a level
//! above or below a bound ("averaged $4.12 a gallon, 31 cents below the $4.53 of a year
//! earlier", "6.8 feet above the warning level of 17.5 feet") must be the level less the
//! bound.
//!
//! ## Why it matters
//! A change and its endpoints are often typed separately; one of the three is then wrong.
//!
//! ## Example
//! "The budget rose $23 million to $188 million from $170 million." → 188 − 170 = 18,
//! contradicted.
//!
//! ## Not flagged
//! Changes whose endpoints are not among the figures around them, and figures of
//! different units.

use super::Rule;
use crate::claim::{Claim, Kind, Role};
use crate::interval::Verdict;
use crate::relate::frames::{self, Words, change_evidence};
use crate::relate::measure::{Dim, NounFit, dimension, noun_fit, same_dimension};
use crate::relate::{Context, Direction, Formula, MAX_CANDIDATES, Reading, Relation, sharpen_pair, value_of};

/// The `absolute-change` rule.
pub struct AbsoluteChange;

const ID: &str = "absolute-change";

/// Words that make a figure the gap between two others.
#[rustfmt::skip]
const GAP: Words = Words(&[
    "gap", "difference", "margin", "spread", "shortfall", "surplus", "deficit", "natural",
    "lead", "edge", "outnumbered", "ahead", "behind",
]);

impl Rule for AbsoluteChange {
    fn id(&self) -> &str {
        ID
    }

    fn summary(&self) -> &str {
        "An absolute change must equal the difference of the values it runs between."
    }

    fn examples(&self) -> Vec<(&str, Verdict)> {
        vec![
            (
                "Debt service costs $188 million this year, up $23 million from $170 million.",
                Verdict::Contradicted,
            ),
            (
                "Debt service costs $188 million this year, up $18 million from $170 million.",
                Verdict::Consistent,
            ),
            (
                "Deaths outnumbered births, 2,874 to 2,519, a natural decrease of 355.",
                Verdict::Consistent,
            ),
            (
                "Reyes won by 2,400 votes, taking 31,250 to the challenger's 29,150.",
                Verdict::Contradicted,
            ),
            (
                "The levy passed with 12,480 votes in favour and 9,870 against; supporters won by 2,610 votes.",
                Verdict::Consistent,
            ),
            (
                "- Ana Ortiz: 14,210 votes\n- Sam Banks: 12,950 votes\n- Total: 27,160 votes\n- Ortiz won by 1,260 votes.",
                Verdict::Consistent,
            ),
            (
                "The lake peaked at 24.3 feet, 6.8 feet above the warning level of 17.5 feet.",
                Verdict::Consistent,
            ),
            (
                "Diesel averaged $4.12 a gallon in May, 31 cents below the $4.53 of a year earlier.",
                Verdict::Contradicted,
            ),
        ]
    }

    fn doc(&self) -> String {
        super::module_doc(include_str!("absolute_change.rs"))
    }

    fn propose(&self, cx: &Context) -> Vec<Reading> {
        let mut out = crate::relate::readings_for(cx, 1);
        for (s, c) in cx.claims.iter().enumerate() {
            if stated_delta(cx, s, c) {
                propose_for(cx, s, c, &mut out);
            }
            if amount(c) {
                compared_gap(cx, s, c, &mut out);
            }
        }
        out
    }
}

/// Words right after a gap that put the level above the bound that follows ("4 tonnes
/// above the 2022 average of 61", "$2,140 more than the $50,160").
#[rustfmt::skip]
const ABOVE: Words = Words(&[
    "above", "ahead", "more", "higher", "greater", "larger", "bigger", "longer", "older", "faster",
    "heavier", "warmer", "taller",
]);
/// And below it ("31 cents below the $4.53", "3.1 inches short of the 28.4-inch average").
#[rustfmt::skip]
const BELOW: Words = Words(&[
    "below", "under", "behind", "short", "less", "lower", "fewer", "smaller", "shorter", "younger",
    "slower", "cheaper", "lighter", "cooler",
]);

/// The side words of comparison right after claim `k` (past its own noun) put something
/// on: "4 tonnes above" → above, "$2,140 more than" → above, "31 cents below" → below.
fn comparison_after(cx: &Context, k: usize) -> Option<bool> {
    // Past the figure's own noun ("4 tonnes above", "0.3 percentage points below"), up
    // to the next figure.
    let words: Vec<&str> = frames::after(cx, k)
        .iter()
        .take_while(|t| t.kind != crate::tokens::TokenKind::Number)
        .filter(|t| t.kind == crate::tokens::TokenKind::Word)
        .take(4)
        .map(|t| cx.doc.tokens.lower(t))
        .collect();
    let own = words
        .iter()
        .take(2)
        .take_while(|w| !ABOVE.has(w) && !BELOW.has(w) && !crate::extract::context::is_stop(w))
        .count();
    match words.get(own..).unwrap_or(&[]) {
        [w, "than", ..] if frames::COMPARATIVE.has(w) => Some(ABOVE.has(w)),
        [w, ..] if ABOVE.has(w) && !frames::COMPARATIVE.has(w) || *w == "above" => Some(true),
        [w, ..] if BELOW.has(w) && !frames::COMPARATIVE.has(w) || *w == "below" => Some(false),
        _ => None,
    }
}

/// "Diesel averaged $4.12 a gallon, 31 cents below the $4.53 of a year earlier": a gap (`s`) said
/// to put a level before it in its sentence above or below the bound right after the words
/// of comparison. The gap must be the level less the bound (or the bound less the level).
fn compared_gap(cx: &Context, s: usize, c: &Claim, out: &mut Vec<Reading>) {
    let Some(above) = comparison_after(cx, s) else {
        return;
    };
    let year = |k: usize| cx.claim(k).is_some_and(|x| x.kind == Kind::Year);
    // The bound: the next figure of the sentence (years are words here: "the 2022 average
    // of 61"), with no pause between.
    let Some(b) = (s + 1..cx.claims.len()).take(4).find(|&k| !year(k)) else {
        return;
    };
    let Some(between) = frames::between(cx, s, b) else {
        return;
    };
    // "… more than last year and $2,140 more than …": a bound right after the words, not
    // past a pause or another clause.
    let pause = frames::lower(cx, between).any(|t| {
        matches!(
            t,
            "," | ";" | ":" | "(" | "—" | "–" | "and" | "or" | "but" | "while"
        )
    });
    if pause || frames::word_count(between) > 8 {
        return;
    }
    // The gap measures what the bound does (points between percentages).
    let Some(cb) = cx.claim(b) else { return };
    let points_of_percent = dimension(c) == Some(Dim::Points) && dimension(cb) == Some(Dim::Percent);
    if !(same_dimension(c, cb) || points_of_percent) {
        return;
    }
    // The level: the nearest figure before the gap in its sentence, of the bound's measure,
    // that is no gap itself ("$380 more than last year and $2,140 more than the $50,160").
    let level = (0..s)
        .rev()
        .take(6)
        .filter(|&k| !year(k))
        .take_while(|&k| cx.sentences_apart(k, s) == 0)
        .find(|&k| {
            // A level may be an average or a value per unit ("averaged $3.41 a gallon"),
            // set against a bound per the same unit or per none.
            comparison_after(cx, k).is_none()
                && cx.claim(k).is_some_and(|x| {
                    crate::relate::is_input(x)
                        && x.role != Role::Change
                        && matches!(x.kind, Kind::Count | Kind::Money | Kind::Percent)
                        && same_dimension(x, cb)
                        && (cb.per.is_none() || cb.per == x.per)
                        && (c.per.is_none() || c.per == x.per)
                })
        });
    let Some(a) = level else { return };
    let Some(ca) = cx.claim(a) else { return };
    let mut e = cx.base_evidence(s, &[b, a]);
    // The words name the gap, the bound and the side; the level is the figure they are said of.
    e.frame = if cx.same_clause(a, s) { 0.9 } else { 0.8 };
    e.cue = 1.0;
    Context::noun_evidence(&mut e, &[(cx.own_noun(a), cx.own_noun(b))]);
    let d = if above { Direction::Up } else { Direction::Down };
    let (vb, va) = sharpen_pair(cb, ca);
    if let Some(r) = Reading::new(
        ID,
        Relation::AbsoluteChange,
        s,
        value_of(c),
        vec![(b, "bound", vb), (a, "level", va)],
        Formula::Difference(d),
        e,
    ) {
        out.push(r.with_unit(c.unit.clone()));
    }
}

/// A word of gap just before the figure ("a gap of 355", "a margin of 1,625"), or a
/// contest won or lost "by" it ("won by 1,625 votes", "beat the incumbent by 212").
fn gap_word(cx: &Context, s: usize) -> bool {
    let (before, _) = frames::clause(cx, s);
    let words: Vec<&str> = frames::words(cx, before).rev().take(5).collect();
    // "a net decrease of 355", "net 355": "net" names a gap only beside the figure or a
    // word of change; "net addresses in 35 countries" is no gap.
    let net = words
        .iter()
        .take(4)
        .enumerate()
        .any(|(i, w)| *w == "net" && (i == 0 || words.get(i - 1).is_some_and(|n| NET_CHANGE.has(n))));
    // "ahead"/"behind" name a gap beside the figure ("behind by 4", "ahead 3-1"), not as
    // words of place a few words back ("held from behind and two others …").
    let placed = |i: usize, w: &str| {
        !matches!(w, "ahead" | "behind") || i == 0 || (i == 1 && words.first() == Some(&"by"))
    };
    net || words
        .iter()
        .take(4)
        .enumerate()
        .any(|(i, w)| GAP.has(w) && placed(i, w))
        || (words.first() == Some(&"by") && words.iter().skip(1).take(4).any(|w| CONTEST.has(w)))
        || separates(cx, s)
}

/// "only 38 votes separated the leading pair", "44 votes apart": the figure is the distance
/// between two rivals, named after it.
fn separates(cx: &Context, s: usize) -> bool {
    let (_, after) = frames::clause(cx, s);
    frames::words(cx, after)
        .take(3)
        .any(|w| matches!(w, "separated" | "separate" | "separates" | "separating" | "apart"))
}

/// A gap that is the margin of a contest: won or lost "by" it ("won by 1,625 votes",
/// "finished ahead by 6.5 points"), or separating two rivals.
fn contest(cx: &Context, s: usize) -> bool {
    let (before, _) = frames::clause(cx, s);
    let words: Vec<&str> = frames::words(cx, before).rev().take(6).collect();
    let by = words.iter().position(|w| *w == "by");
    let won_by = by.is_some_and(|b| {
        words
            .iter()
            .skip(b + 1)
            .take(3)
            .any(|w| CONTEST.has(w) || *w == "ahead")
    });
    won_by || separates(cx, s)
}

/// The two leading figures among the margin's rivals: the nearest group (the margin's own
/// list, a table column, a sentence) holding two or more figures of its dimension and
/// noun, totals left out; larger first. "Ruiz: 9,840 votes / Adams: 8,215 votes / Total:
/// 18,055 votes / Ruiz won by 1,625 votes" → 9,840 and 8,215.
fn leaders(cx: &Context, s: usize, c: &Claim) -> Option<(usize, usize)> {
    // A margin in points runs between percentages.
    let points = dimension(c) == Some(Dim::Points);
    let rivals = cx.candidates(s, 8, MAX_CANDIDATES, |k| {
        cx.claim(k).is_some_and(|x| {
            endpoint(x)
                && (same_dimension(x, c) || (points && dimension(x) == Some(Dim::Percent)))
                && x.per == c.per
                && noun_fit(cx.own_noun(s), cx.own_noun(k)) != NounFit::Different
                && !cx.on_total_line(k)
        })
    });
    // Groups in the order their nearest member comes; a group naming the margin's subject
    // ("Ruiz won by …" → "Ruiz: 9,840 votes") before any other.
    let group = |k: usize| -> (u8, usize, usize) {
        let f = cx.fact(k);
        if let Some(cell) = f.cell {
            (0, cell.table, cell.col)
        } else if let Some((list, _)) = f.item {
            (1, list, 0)
        } else {
            (2, cx.claim(k).map_or(0, |x| x.sentence), 0)
        }
    };
    let mut groups: Vec<((u8, usize, usize), Vec<usize>)> = Vec::new();
    for &k in &rivals {
        let g = group(k);
        match groups.iter_mut().find(|(key, _)| *key == g) {
            Some((_, members)) => members.push(k),
            None => groups.push((g, vec![k])),
        }
    }
    groups.retain(|(_, m)| m.len() >= 2);
    let named = groups
        .iter()
        .position(|(_, m)| m.iter().any(|&k| cx.shared_subject(s, k) > 0));
    let (_, mut members) = groups.into_iter().nth(named.unwrap_or(0))?;
    members.sort_by(|&a, &b| {
        let v = |i: usize| cx.claim(i).map_or(0.0, |x| x.value.nominal);
        v(b).total_cmp(&v(a))
    });
    Some((*members.first()?, *members.get(1)?))
}

/// Words after "net" that make it a gap: "net loss of", "net migration of".
const NET_CHANGE: Words = Words(&[
    "gain*",
    "loss*",
    "increase*",
    "decrease*",
    "change*",
    "migration",
    "outflow*",
    "inflow*",
    "addition*",
    "growth",
    "decline*",
    "drop*",
]);

/// Verbs of a contest whose margin follows "by".
#[rustfmt::skip]
const CONTEST: Words = Words(&[
    "won", "win", "wins", "winning", "beat", "beats", "beating", "lost", "lose", "loses", "losing",
    "trailed", "trails", "trailing", "led", "leads", "leading", "outpolled", "defeated",
]);

/// A count, an amount or points that can be a change or a gap.
fn amount(c: &Claim) -> bool {
    c.usable()
        && !matches!(c.role, Role::Projection | Role::PerBase)
        && (matches!(c.kind, Kind::Count | Kind::Money) || dimension(c) == Some(Dim::Points))
}

/// A count, an amount or points that state a change or a gap.
fn stated_delta(cx: &Context, s: usize, c: &Claim) -> bool {
    let points = dimension(c) == Some(Dim::Points);
    amount(c)
        && (c.role == Role::Change
            || gap_word(cx, s)
            || (points && frames::direction(cx, s) != Direction::Unknown))
}

fn endpoint(c: &Claim) -> bool {
    crate::relate::is_level(c) && matches!(c.kind, Kind::Count | Kind::Money | Kind::Percent)
}

fn propose_for(cx: &Context, s: usize, c: &Claim, out: &mut Vec<Reading>) {
    let gap = gap_word(cx, s);
    let d = if gap {
        Direction::Unknown
    } else {
        frames::direction(cx, s)
    };
    let points = dimension(c) == Some(Dim::Points);
    // The margin of a contest runs between its two leaders, however far their list is.
    let leaders = if gap && contest(cx, s) {
        leaders(cx, s, c)
    } else {
        None
    };
    let mut ends = cx.candidates(s, 3, 14, |k| {
        !frames::names_difference(cx, k)
            && cx.claim(k).is_some_and(|x| {
                endpoint(x)
                    && (same_dimension(x, c) || (points && dimension(x) == Some(Dim::Percent)))
                    && (x.value.nominal.abs() >= c.value.nominal.abs() * 0.5 || x.value.nominal == 0.0)
            })
    });
    if let Some((first, second)) = leaders {
        for k in [first, second] {
            if !ends.contains(&k) {
                ends.push(k);
            }
        }
    }
    for &a in &ends {
        for &b in &ends {
            let (Some(ca), Some(cb)) = (cx.claim(a), cx.claim(b)) else {
                continue;
            };
            // Two ends printed alike ("£1.4bn expected … the £1.4bn of last month") are
            // two mentions of one level, not a change between them.
            if a == b || ca.value.nominal == cb.value.nominal || !same_dimension(ca, cb) {
                continue;
            }
            if gap && ca.value.nominal < cb.value.nominal {
                // A gap is the larger less the smaller: one order is enough.
                continue;
            }
            let mut e = change_evidence(cx, s, a, b, d);
            if gap {
                e.frame = e.frame.max(if cx.same_clause(a, s) || cx.same_clause(b, s) {
                    0.8
                } else {
                    0.4
                });
                e.direction_clash = 0.0;
                if leaders == Some((a, b)) {
                    e.frame = e.frame.max(0.9);
                }
            }
            let (va, vb) = sharpen_pair(ca, cb);
            let Some(r) = Reading::new(
                ID,
                Relation::AbsoluteChange,
                s,
                value_of(c),
                vec![(a, "before", va), (b, "after", vb)],
                Formula::Difference(d),
                e,
            ) else {
                continue;
            };
            out.push(r.with_unit(c.unit.clone()));
        }
    }
}
