//! ## What it checks
//! A relative change ("rose 15% to 2,300", "a 2.3 percent drop", "fell by a third from
//! 90,000 to 60,000", "up 12 percentage points") against the values before and after it,
//! in its sentence, the sentences around it or its table row, or against the absolute
//! change beside it ("up 21,600, or 1.7%"). Percentage points are kept apart from percent,
//! and the direction the sentence states counts. A gap and its percentage against a
//! benchmark the text leaves out ("took in $412.0 million, $18.6 million (4.3%) below its
//! plan") are checked against the benchmark the level and the gap imply (here $430.6
//! million).
//!
//! ## Why it matters
//! Percent changes are computed by hand more often than any other figure, and the classic
//! slips are easy to make: dividing by the new value instead of the old, reporting points
//! as percent, measuring the change from the wrong end.
//!
//! ## Example
//! "Ridership rose 15% last year, from 2.14 million to 2.58 million trips." → 2.58 ÷ 2.14
//! − 1 = 20.6%, contradicted.
//!
//! ## Not flagged
//! Changes whose before and after values cannot be told apart from other figures with
//! confidence, and changes between figures of different units.

use super::{Rule, Wording, wording};
use crate::claim::{Claim, Kind, Role};
use crate::finding::fmt_num;
use crate::interval::{Value, Verdict};
use crate::relate::frames::{self, change_evidence};
use crate::relate::measure::{Dim, NounFit, dimension, noun_fit, same_dimension};
use crate::relate::{Context, Direction, Formula, Reading, Relation, is_plain, sharpen_pair, value_of};
use crate::relate::{level, restated};

/// The `percent-change` rule.
pub struct PercentChange;

const ID: &str = "percent-change";

impl Rule for PercentChange {
    fn id(&self) -> &str {
        ID
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
            (
                "Sales fell 15% to $18.2 million from $21.4 million.",
                Verdict::Consistent,
            ),
            (
                "The county collected fees of $612 million, up 9% from $540 million a year earlier.",
                Verdict::Contradicted,
            ),
            (
                "The district reported enrollment of 11,330, down 6% from 12,050 in 2022.",
                Verdict::Consistent,
            ),
            (
                "The library lent 412,000 books last year, up 4% from 380,000 in 2023.",
                Verdict::Contradicted,
            ),
            (
                "The port handled 4,120 ships in 2024, compared with 4,480 in 2023, a 12% drop.",
                Verdict::Contradicted,
            ),
            (
                "Club membership went from 40,000 in 2015 to 50,000 in 2025, a gain of 10,000, or 20%.",
                Verdict::Contradicted,
            ),
            (
                "The plant now employs 1,200 workers, 20% more than the 1,000 it had in 2020.",
                Verdict::Consistent,
            ),
            (
                "The club signed 30 players, a third more than the 25 it signed last season.",
                Verdict::Contradicted,
            ),
            (
                "The water utility billed $412.0 million, leaving it $18.6 million (4.3%) below its plan.",
                Verdict::Consistent,
            ),
            (
                "Ticket sales came to $414.0 million, $24.0 million (5.8%) short of the budget.",
                Verdict::Contradicted,
            ),
        ]
    }

    fn doc(&self) -> String {
        super::module_doc(include_str!("percent_change.rs"))
    }

    /// Only a figure plainly stated as a change, with a frame saying which figures it
    /// runs between, may be flagged.
    fn may_flag(&self, r: &Reading) -> bool {
        // Both ends named ("from 2.14 million to 2.58 million"; a start named and an end
        // marked), a table row or column of one measure at two times, or the change's own
        // amount beside it.
        r.evidence.frame >= 0.85 && r.evidence.cue >= 1.0
    }

    fn propose(&self, cx: &Context) -> Vec<Reading> {
        let mut out = crate::relate::readings_for(cx, 2);
        for (s, c) in cx.claims.iter().enumerate() {
            if stated_change(cx, s, c) {
                propose_for(cx, s, c, &mut out);
            }
            if c.kind == Kind::Percent && c.usable() {
                gap_readings(cx, s, c, &mut out);
            }
        }
        out
    }

    fn word(&self, cx: &Context, r: &Reading) -> Wording {
        let w = wording::generic(cx, r);
        if r.verdict == Verdict::Consistent || r.relation != Relation::PercentChange {
            return w;
        }
        // What the value before would have to be for the stated change to hold.
        let after = r
            .operands
            .iter()
            .find(|o| o.role == "after")
            .and_then(|o| cx.claim(o.claim));
        let before = r
            .operands
            .iter()
            .find(|o| o.role == "before")
            .and_then(|o| cx.claim(o.claim));
        // "$24.0 million (5.8%) short of the budget": a gap measured against a benchmark,
        // which the stated share of it fixes.
        let gap = r
            .operands
            .iter()
            .find(|o| o.role == "gap")
            .and_then(|o| cx.claim(o.claim));
        if let (Formula::Share, Some(d)) = (r.formula, gap) {
            let s = r.stated_value.nominal.abs() / 100.0;
            let condition = (s > 0.0).then(|| {
                format!(
                    "the value it is measured from were about {}",
                    wording::round_like(d.value.nominal.abs() / s, decimals(&d.text))
                )
            });
            return wording::holds_only_if(w, condition);
        }
        let condition = after.map(|b| {
            let s = r.stated_value.nominal.abs() / 100.0;
            // A fall's derived value is positive ("fell 15%": before − after), so the
            // direction is the formula's, or the figures' own order.
            let rising = match r.formula {
                Formula::PercentChange(Direction::Up) => true,
                Formula::PercentChange(Direction::Down) => false,
                _ => before.is_none_or(|a| b.value.nominal >= a.value.nominal),
            };
            let needed = b.value.nominal / (1.0 + if rising { s } else { -s });
            format!(
                "the value before were about {}",
                wording::round_like(needed, decimals(&b.text))
            )
        });
        wording::holds_only_if(w, condition)
    }
}

/// Decimals a figure is printed with.
fn decimals(text: &str) -> usize {
    text.split_once('.')
        .map_or(0, |(_, f)| f.chars().take_while(char::is_ascii_digit).count())
}

/// The header of a claim's table column, lower case.
fn column_header(cx: &Context, s: usize) -> Option<String> {
    let cell = cx.fact(s).cell?;
    cx.doc
        .tables
        .get(cell.table)
        .and_then(|t| t.headers.get(cell.col))
        .map(|h| h.to_lowercase())
}

/// True for a column of changes: "Change", "PCT CHG", "% chng", "%".
fn change_header(h: &str) -> bool {
    h.contains("chang") || h.contains("chg") || h.contains("chng") || h == "%"
}

/// A bare figure in a percent-change column ("PCT CHG … 19.9"): a percentage, printed
/// without its sign as wire tables do.
fn table_percent(cx: &Context, s: usize, c: &Claim) -> bool {
    c.kind == Kind::Count
        && c.usable()
        && column_header(cx, s).is_some_and(|h| {
            change_header(&h) && (h.contains("pct") || h.contains('%') || h.contains("percent"))
        })
}

/// A percentage or fraction that states a change: its role says so, or its clause has a
/// word of change, or it is signed, or it sits in a change column of a table.
fn stated_change(cx: &Context, s: usize, c: &Claim) -> bool {
    if table_percent(cx, s, c) {
        return true;
    }
    if !c.usable() || !matches!(c.kind, Kind::Percent | Kind::Fraction) {
        return false;
    }
    if matches!(c.role, Role::Projection | Role::PerBase) {
        return false;
    }
    let signed = c.text.starts_with(['+', '-', '−']);
    let in_change_column = column_header(cx, s).is_some_and(|h| change_header(&h))
        || cx.fact(s).cell.is_some_and(|cell| {
            cx.doc
                .tables
                .get(cell.table)
                .and_then(|t| t.rows.get(cell.row))
                .is_some_and(|r| r.label.to_lowercase().contains("chang"))
        });
    if in_change_column || signed {
        return true;
    }
    // "or 10.8% of the workforce" is a share; "dipping to 4%", "from 3%" are levels; "6%
    // a year" is a rate: none is the size of one change.
    let share = frames::followed_by(cx, s, &["of"]);
    // "is 27.6% above the $282,000", "was 20% more than in 2020": a difference named by
    // the comparison after it, whatever comes before.
    let compared = frames::followed_by(cx, s, &["above", "below"])
        || frames::words(cx, frames::after(cx, s))
            .take(2)
            .collect::<Vec<_>>()
            .as_slice()
            .split_first()
            .is_some_and(|(w, rest)| frames::COMPARATIVE.has(w) && rest == ["than"]);
    let level = frames::preceded_by(cx, s, &["to", "from", "at", "of", "was", "is", "be", "stood at"])
        && c.role != Role::Change
        && !compared;
    let rate = c.per.is_some()
        || frames::followed_by(
            cx,
            s,
            &[
                "a year",
                "per year",
                "a month",
                "per month",
                "annually",
                "per annum",
                "each year",
                "every year",
            ],
        );
    if share || level || rate {
        return false;
    }
    // A change is stated by its role ("rose 5%", "a 5% increase") or by a word of change
    // right beside it ("5% higher", "down 5%"); a percentage further off in a clause
    // about change is more often a level ("growth was 1.1% in 2004, up from 0.3% in 2003
    // and 0.4% in 2002").
    c.role == Role::Change || change_beside(cx, s) || frames::direction(cx, s) != Direction::Unknown
}

/// True when the words plainly state the figure as a change: its role, a change word
/// right beside it, or a change column. Only such a figure may be flagged.
fn plainly_change(cx: &Context, s: usize, c: &Claim) -> bool {
    let change_row = cx.fact(s).cell.is_some_and(|cell| {
        cx.doc
            .tables
            .get(cell.table)
            .and_then(|t| t.rows.get(cell.row))
            .is_some_and(|r| r.label.to_lowercase().contains("chang"))
    });
    c.role == Role::Change
        || change_beside(cx, s)
        || c.text.starts_with(['+', '-', '−'])
        || column_header(cx, s).is_some_and(|h| change_header(&h))
        || change_row
        || restates_change(cx, s)
}

/// "a fall of 6 percentage points, or 22%", "up $20 million, or 4%": a figure right after
/// "or" that follows a stated change restates that change in other units.
fn restates_change(cx: &Context, s: usize) -> bool {
    let Some(k) = s.checked_sub(1) else {
        return false;
    };
    let joined = frames::between(cx, k, s).is_some_and(|t| {
        let l: Vec<&str> = frames::lower(cx, t).collect();
        matches!(l.as_slice(), [",", "or"] | ["or"])
    });
    joined
        && cx
            .claim(k)
            .is_some_and(|c| c.role == Role::Change || change_beside(cx, k))
}

/// A word of change right before or after the figure: "up 5%", "5% lower", "cut 5%".
fn change_beside(cx: &Context, s: usize) -> bool {
    let before: Vec<&str> = frames::words(cx, frames::before_cue(cx, s))
        .rev()
        .take(2)
        .collect();
    let after: Vec<&str> = frames::words(cx, frames::after(cx, s)).take(1).collect();
    let is_change = |w: &&str| frames::UP.has(w) || frames::DOWN.has(w);
    before.iter().any(is_change) || after.iter().any(is_change)
}

/// A figure that can be the value before or after a change: a plain value, or a value
/// per unit ("$1,585 a month"), which pairs only with one per the same unit.
fn endpoint(c: &Claim) -> bool {
    crate::relate::is_level(c) && matches!(c.kind, Kind::Count | Kind::Money | Kind::Percent)
}

/// The stated change as a percentage, and the direction it is read in.
fn stated_value(cx: &Context, s: usize, c: &Claim) -> (Value, Direction) {
    let v = if c.kind == Kind::Fraction {
        c.value.scale(100.0)
    } else {
        c.value
    };
    if c.value.nominal < 0.0 || c.text.starts_with('+') {
        // A signed figure carries its own direction: compare signed values.
        return (v, Direction::Up);
    }
    (v, frames::direction(cx, s))
}

fn propose_for(cx: &Context, s: usize, c: &Claim, out: &mut Vec<Reading>) {
    let plain = plainly_change(cx, s, c);
    let (stated, d) = stated_value(cx, s, c);
    let points = c.unit.as_deref() == Some("percentage point");
    // A change in a table runs between cells of its row (or column); in prose, between
    // figures around it.
    let mut ends = if cx.fact(s).cell.is_some() {
        table_ends(cx, s)
    } else {
        cx.candidates(s, 2, 14, |k| {
            cx.claim(k).is_some_and(endpoint) && !frames::names_difference(cx, k)
        })
    };
    ends.sort_unstable();
    ends.dedup();
    // "In 2019 the median rent was $1,242; rents have risen 31% since then": the start
    // named, the end the article's level of the measure (`relate::level`).
    let anchored = level::anchored(cx, s, &ends);
    for (a, b) in level::pairs(&ends, &anchored) {
        let (Some(ca), Some(cb)) = (cx.claim(a), cx.claim(b)) else {
            continue;
        };
        // A value per unit pairs with one per the same unit, or with one that names none
        // ("$1,242" in one sentence, "$1,585 a month" in another).
        let per_ok = ca.per == cb.per || ca.per.is_none() || cb.per.is_none();
        // Two ends printed alike ("£1.4bn expected … the £1.4bn of last month") are
        // two mentions of one level, not a change between them.
        if a == b
            || ca.value.nominal == cb.value.nominal
            || !same_dimension(ca, cb)
            || ca.value.nominal == 0.0
            || !per_ok
        {
            continue;
        }
        let mut e = change_evidence(cx, s, a, b, d);
        table_evidence(cx, s, a, b, &mut e);
        e.cue = if plain { 1.0 } else { 0.25 };
        level::apply(cx, s, &anchored, a, b, &mut e);
        out.extend(change_reading(cx, s, (stated, d, points), a, b, e));
    }
    // "Net income was $3.3 billion, compared with $3.0 billion a year earlier. … Profit
    // rose 12%": ends stated as a framed pair in another sentence (`relate::restated`).
    if cx.fact(s).cell.is_none() {
        let found = restated::pairs(cx, s, |k| {
            cx.claim(k).is_some_and(endpoint) && !frames::names_difference(cx, k)
        });
        let with_subject = found.iter().filter(|p| p.2).count();
        for (a, b, shared) in found {
            let mut e = change_evidence(cx, s, a, b, d);
            e.frame = if shared && with_subject == 1 {
                RESTATED_FRAME
            } else if shared {
                RESTATED_FRAME / 2.0
            } else {
                0.1
            };
            e.cue = if plain { 1.0 } else { 0.25 };
            out.extend(change_reading(cx, s, (stated, d, points), a, b, e));
        }
    }
    deltas_readings(cx, s, (stated, d, plain), &ends, out);
}

/// How strongly the words tie a change to the one framed pair elsewhere that shares its
/// subject: named as a change, but in another sentence.
const RESTATED_FRAME: f64 = 0.6;

/// The reading of stated change `s` (its value, direction and whether it is in points)
/// between ends `a` (before) and `b` (after), with evidence `e`; `None` where the pair
/// cannot be its ends.
fn change_reading(
    cx: &Context,
    s: usize,
    (stated, d, points): (Value, Direction, bool),
    a: usize,
    b: usize,
    mut e: crate::relate::Evidence,
) -> Option<Reading> {
    let (ca, cb) = (cx.claim(a)?, cx.claim(b)?);
    // Between two percentages the change is usually in points: read it as a percent
    // change only when the words say which is before and which after.
    if dimension(ca) == Some(Dim::Percent) && e.frame < 1.0 && e.structure < 1.0 {
        return None;
    }
    // Ends far apart in size are rarely one quantity at two times, unless the words name
    // both ("to $8.31 million from $7.96 billion").
    let ratio = (ca.value.nominal / cb.value.nominal)
        .abs()
        .max((cb.value.nominal / ca.value.nominal).abs());
    if !(ratio <= 10.0 || e.frame >= 1.0) {
        e.frame = e.frame.min(0.3);
    }
    let (va, vb) = sharpen_pair(ca, cb);
    let both_percent = dimension(ca) == Some(Dim::Percent);
    let (relation, formula) = if points || (both_percent && points_wording(cx, s)) {
        (Relation::PointChange, Formula::Difference(d))
    } else {
        (Relation::PercentChange, Formula::PercentChange(d))
    };
    let r = Reading::new(
        ID,
        relation,
        s,
        stated,
        vec![(a, "before", va), (b, "after", vb)],
        formula,
        e,
    )?;
    let slip = slip(&stated, va.nominal, vb.nominal, both_percent && !points);
    Some(
        r.with_slip(slip)
            .with_unit(Some(if points { "percentage point" } else { "percent" }.into())),
    )
}

/// "up 21,600, or 1.7%": readings of stated change `s` (its value, direction and whether
/// it is plainly a change) against the amount of the change beside it and one of `ends`.
fn deltas_readings(
    cx: &Context,
    s: usize,
    (stated, d, plain): (Value, Direction, bool),
    ends: &[usize],
    out: &mut Vec<Reading>,
) {
    // "up 21,600, or 1.7%": the change against the value before, or the value after less it.
    let deltas: Vec<usize> = cx
        .candidates(s, 0, 6, |k| {
            cx.claim(k).is_some_and(|x| {
                x.usable() && x.role == Role::Change && matches!(x.kind, Kind::Count | Kind::Money)
            })
        })
        .into_iter()
        .filter(|&k| {
            cx.same_clause(k, s) || frames::between(cx, k, s).is_some_and(|t| frames::word_count(t) <= 3)
        })
        .collect();
    for &dl in &deltas {
        for &x in ends {
            let (Some(cd), Some(cxv)) = (cx.claim(dl), cx.claim(x)) else {
                continue;
            };
            if !same_dimension(cd, cxv) || cxv.value.nominal.abs() <= cd.value.nominal.abs() {
                continue;
            }
            // "added 95 judges, a 25% increase": the change runs on a level of its own noun,
            // never one that counts something else ("310,000 cases").
            if noun_fit(cx.own_noun(dl), cx.own_noun(x)) == NounFit::Different {
                continue;
            }
            let mut e = cx.base_evidence(s, &[dl, x]);
            // The amount of the change right beside the percentage names both.
            e.frame = 0.9;
            e.cue = if plain { 1.0 } else { 0.25 };
            crate::relate::Context::noun_evidence(&mut e, &[(cx.own_noun(dl), cx.own_noun(x))]);
            let before =
                frames::preceded_by(cx, x, frames::FROM) || frames::followed_by(cx, x, frames::EARLIER);
            let base = if before {
                value_of(cxv)
            } else {
                let signed = if d == Direction::Down {
                    cd.value.scale(-1.0)
                } else {
                    value_of(cd)
                };
                cxv.value.minus(signed)
            };
            let role = if before { "before" } else { "after" };
            // The change as a share of the value after it: the classic slip.
            let slip = if before {
                None
            } else {
                share_slip(
                    &stated,
                    cd.value.nominal,
                    cxv.value.nominal,
                    ("the change", "the new value", "not of the old one"),
                )
            };
            let Some(r) = Reading::new(
                ID,
                Relation::PercentChange,
                s,
                magnitude_of(stated),
                vec![(dl, "change", value_of(cd)), (x, role, base)],
                Formula::Share,
                e,
            ) else {
                continue;
            };
            out.push(r.with_slip(slip).with_unit(Some("percent".into())));
        }
    }
}

/// "billed $412.0 million, leaving it $18.6 million (4.3%) below its plan": a gap
/// and its percentage against a benchmark the text leaves out, which is the level beside
/// them less the gap (above) or plus it (below). The level is the nearest larger figure of
/// the gap's measure before the pair in its sentence, itself tied to no percentage.
fn gap_readings(cx: &Context, s: usize, c: &Claim, out: &mut Vec<Reading>) {
    let Some((g, above)) = frames::gap(cx, s) else {
        return;
    };
    let Some(cg) = cx.claim(g) else { return };
    let first = g.min(s);
    let level = (0..first).rev().take(8).find(|&k| {
        cx.sentences_apart(k, first) == 0
            && cx.claim(k).is_some_and(|x| {
                is_plain(x) && same_dimension(x, cg) && x.value.nominal > cg.value.nominal.abs()
            })
            && !cx
                .claim(k + 1)
                .is_some_and(|n| n.kind == Kind::Percent && frames::gap(cx, k + 1).is_some())
    });
    let Some(l) = level else { return };
    let Some(cl) = cx.claim(l) else { return };
    let mut e = cx.base_evidence(s, &[g, l]);
    // The words tie the gap to its percentage and say on which side of the benchmark the
    // level lies; the level is the nearest figure of the measure, surer in the pair's clause.
    e.frame = if cx.same_clause(l, g) { 0.9 } else { 0.7 };
    e.cue = 1.0;
    crate::relate::Context::noun_evidence(&mut e, &[(cx.own_noun(g), cx.own_noun(l))]);
    let gap = magnitude_of(value_of(cg));
    let benchmark = if above {
        value_of(cl).minus(gap)
    } else {
        value_of(cl).minus(gap.scale(-1.0))
    };
    let stated = magnitude_of(c.value);
    // The gap as a share of the level instead of the benchmark: the classic slip.
    let slip = share_slip(
        &stated,
        cg.value.nominal,
        cl.value.nominal,
        ("the gap", "the level", "not of the benchmark it is measured from"),
    );
    if let Some(r) = Reading::new(
        ID,
        Relation::PercentChange,
        s,
        stated,
        vec![(g, "gap", gap), (l, "level", benchmark)],
        Formula::Share,
        e,
    ) {
        out.push(r.with_slip(slip).with_unit(Some("percent".into())));
    }
}

/// The classic slip of dividing by the wrong base: the stated percentage is `part` as a
/// share of `base` (the new value, the level) rather than of the base the relation needs.
/// `(what, of, instead)` name the part, that base and the right one for the message.
fn share_slip(
    stated: &Value,
    part: f64,
    base: f64,
    (what, of, instead): (&str, &str, &str),
) -> Option<String> {
    if base == 0.0 {
        return None;
    }
    let share = (part / base * 100.0).abs();
    stated.contains(share).then(|| {
        format!(
            "the stated figure is {what} as a share of {of} ({} ÷ {} = {}%), {instead}: a classic slip.",
            fmt_num(part.abs()),
            fmt_num(base),
            fmt_num(share)
        )
    })
}

fn magnitude_of(v: Value) -> Value {
    crate::relate::magnitude(v)
}

/// "rose 3 points", "percentage points", "basis points" in the stated figure's clause.
fn points_wording(cx: &Context, s: usize) -> bool {
    let (_, after) = frames::clause(cx, s);
    frames::words(cx, after)
        .take(3)
        .any(|w| w == "points" || w == "point")
}

/// The other figures of the stated figure's table row (a change column beside its
/// values) or column (a "% change" row under its values).
fn table_ends(cx: &Context, s: usize) -> Vec<usize> {
    let Some(cell) = cx.fact(s).cell else {
        return Vec::new();
    };
    // A "% change" row runs down its column; a change column along its row.
    let change_row = cx
        .doc
        .tables
        .get(cell.table)
        .and_then(|t| t.rows.get(cell.row))
        .is_some_and(|r| r.label.to_lowercase().contains("chang"));
    let mut out = Vec::new();
    if change_row {
        for row in 0..cx.structure.rows(cell.table) {
            if let Some(k) = cx.structure.at(cell.table, row, cell.col).filter(|&k| k != s) {
                out.push(k);
            }
        }
    } else {
        for col in 0..cx.structure.cols(cell.table) {
            if let Some(k) = cx.structure.at(cell.table, cell.row, col).filter(|&k| k != s) {
                out.push(k);
            }
        }
    }
    out.retain(|&k| {
        cx.claim(k)
            .is_some_and(|c| endpoint(c) && !table_percent(cx, k, c))
    });
    out
}

/// Table evidence: ends in the stated figure's row or column, ordered by the years their
/// headers or labels name.
fn table_evidence(cx: &Context, s: usize, a: usize, b: usize, e: &mut crate::relate::Evidence) {
    let (Some(cs), Some(ca), Some(cb)) = (cx.fact(s).cell, cx.fact(a).cell, cx.fact(b).cell) else {
        return;
    };
    if cs.table != ca.table || cs.table != cb.table {
        return;
    }
    let table = cx.doc.tables.get(cs.table);
    let year_of = |text: Option<&String>| text.and_then(|t| header_year(t));
    let in_row = ca.row == cs.row && cb.row == cs.row;
    let in_col = ca.col == cs.col && cb.col == cs.col;
    let years = if in_row {
        let h = |c: usize| year_of(table.and_then(|t| t.headers.get(c)));
        (h(ca.col), h(cb.col))
    } else if in_col {
        let l = |r: usize| year_of(table.and_then(|t| t.rows.get(r)).map(|r| &r.label));
        (l(ca.row), l(cb.row))
    } else {
        return;
    };
    e.structure = 1.0;
    e.frame = e.frame.max(0.6);
    match years {
        (Some(x), Some(y)) if x < y => {
            e.time_fit = 1.0;
            e.frame = 1.0;
        }
        (Some(x), Some(y)) if x > y => e.time_clash = 1.0,
        _ => {
            // Without years, the columns need not be one measure at two times (acres
            // beside bushels): no frame, only the table.
            e.frame = 0.0;
            e.structure = 0.5;
            let ordered = if in_row { ca.col < cb.col } else { ca.row < cb.row };
            if !ordered {
                e.time_clash = 0.5;
            }
        }
    }
}

/// The year a header or label names: "FY2025" → 2025, "Aug-12" → 2012, "2003" → 2003,
/// "PRV YEAR" → a year before "YR-TO-DATE" (0 against 1).
fn header_year(h: &str) -> Option<u16> {
    let lower = h.to_lowercase();
    if lower.contains("prv")
        || lower.contains("prior")
        || lower.contains("previous")
        || lower.contains("last")
    {
        return Some(1);
    }
    if lower.contains("to-date")
        || lower.contains("to date")
        || lower.contains("ytd")
        || lower.contains("current")
    {
        return Some(2);
    }
    let digits: String = h.chars().filter(char::is_ascii_digit).collect();
    match digits.len() {
        4 => digits.parse().ok().filter(|y| (1900..=2100).contains(y)),
        2 if h.contains('-') || h.contains('\'') => digits.parse::<u16>().ok().map(|y| 2000 + y),
        6 if h.contains('-') => digits.get(..4).and_then(|d| d.parse().ok()),
        _ => None,
    }
}

/// The classic slips a stated relative change can match exactly.
fn slip(stated: &Value, old: f64, new: f64, shares: bool) -> Option<String> {
    let change = new - old;
    if new != 0.0 {
        let of_new = (change / new * 100.0).abs();
        if stated.contains(of_new) {
            return Some(format!(
                "the stated figure is the change as a share of the new value ({} ÷ {} = {}%), not of the old one: a classic slip.",
                fmt_num(change.abs()),
                fmt_num(new),
                fmt_num(of_new)
            ));
        }
    }
    if shares && stated.contains(change.abs()) {
        return Some(format!(
            "the stated figure is the difference in percentage points ({}), reported as percent: a classic slip.",
            fmt_num(change.abs())
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_years() {
        assert_eq!(header_year("FY2025"), Some(2025));
        assert_eq!(header_year("Aug-12"), Some(2012));
        assert_eq!(header_year("PRV YEAR"), Some(1));
        assert_eq!(header_year("Mode"), None);
    }
}
