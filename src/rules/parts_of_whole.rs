//! ## What it checks
//! Parts that add up to a whole: a breakdown in a clause ("64 dead: 29 in the north, 21 in
//! the east and 11 in the west"), in brackets ("47 (29 resignations, 14 retirements, 4
//! terminations)"), in a bullet list, in a table column with a total row, or two figures
//! said to make a third ("with the $51 million paid earlier, dividends came to $101
//! million"). The parts must sum to the whole.
//!
//! ## Why it matters
//! A breakdown that does not add up means a part is missing, a part is wrong, or the
//! total is.
//!
//! ## Example
//! "Floods killed 64 people across three provinces. The dead included 29 in North Tarn,
//! 21 in Eskel and 11 in Varo." → 29 + 21 + 11 = 61, contradicted.
//!
//! ## Not flagged
//! Figures that merely sit side by side, and parts of different units.

use super::Rule;
use crate::claim::{Claim, Kind, Role};
use crate::interval::{Hedge, Value, Verdict};
use crate::relate::frames::{self, Words};
use crate::relate::measure::{Dim, dimension};
use crate::relate::{Context, Evidence, Formula, Reading, Relation, is_plain};
use crate::table::is_total_label;

/// The `parts-of-whole` rule.
pub struct PartsOfWhole;

const ID: &str = "parts-of-whole";

/// Words that say figures make up a whole.
const SUM_WORDS: Words = Words(&[
    "total*",
    "combined",
    "together",
    "altogether",
    "all",
    "sum",
    "including",
    "included",
    "includ*",
    "comprising",
    "compris*",
    "made",
    "broke",
    "breakdown",
    "split",
    "divided",
    "consist*",
    "bringing",
    "brought",
    "came",
    "come",
    "plus",
    "with",
    "cumulative",
    "overall",
    "both",
    "which",
    "whom",
    "aggregate",
]);

/// The most parts one reading adds.
const MAX_PARTS: usize = 12;

impl Rule for PartsOfWhole {
    fn id(&self) -> &str {
        ID
    }

    fn summary(&self) -> &str {
        "Parts must add up to the whole they are said to make."
    }

    fn examples(&self) -> Vec<(&str, Verdict)> {
        vec![
            (
                "Floods killed 64 people across three provinces. The dead included 29 in North Tarn, 21 in Eskel and 11 in Varo.",
                Verdict::Contradicted,
            ),
            (
                "Separations: 47 (29 resignations, 14 retirements, 4 terminations).",
                Verdict::Consistent,
            ),
            (
                "The budget is $3.5 billion: $1.2 billion for police, $1.45 billion for schools and $600 million for everything else.",
                Verdict::Contradicted,
            ),
        ]
    }

    fn doc(&self) -> String {
        super::module_doc(include_str!("parts_of_whole.rs"))
    }

    fn propose(&self, cx: &Context) -> Vec<Reading> {
        let mut out = Vec::new();
        for (s, c) in cx.claims.iter().enumerate() {
            if whole(c) {
                propose_for(cx, s, c, &mut out);
            }
        }
        out
    }
}

fn whole(c: &Claim) -> bool {
    is_plain(c)
        && c.value.nominal > 0.0
        && matches!(c.kind, Kind::Count | Kind::Money | Kind::Percent | Kind::Fraction)
}

/// Parts must be of the whole's dimension (a fraction whole takes percentage parts).
fn part_of(t: &Claim, p: &Claim) -> bool {
    let dims = match (dimension(t), dimension(p)) {
        (Some(Dim::Fraction), Some(Dim::Percent)) => true,
        (Some(a), Some(b)) => a == b && a != Dim::Fraction,
        _ => false,
    };
    dims && (is_plain(p) || p.role == Role::Part)
        && p.value.nominal >= 0.0
        && p.value.nominal <= t.value.high.max(t.value.nominal) * 1.02
}

fn stated_of(t: &Claim) -> Value {
    if t.kind == Kind::Fraction {
        t.value.scale(100.0)
    } else {
        t.value
    }
}

fn propose_for(cx: &Context, s: usize, c: &Claim, out: &mut Vec<Reading>) {
    let mut groups: Vec<(Vec<usize>, f64)> = Vec::new();
    table_parts(cx, s, &mut groups);
    list_parts(cx, s, c, &mut groups);
    run_parts(cx, s, c, &mut groups);
    pair_parts(cx, s, c, &mut groups);
    let mut seen = std::collections::HashSet::new();
    for (mut parts, frame) in groups {
        parts.sort_unstable();
        parts.dedup();
        parts.retain(|&p| p != s);
        if parts.len() < 2 || parts.len() > MAX_PARTS || !seen.insert(parts.clone()) {
            continue;
        }
        if !parts.iter().all(|&p| cx.claim(p).is_some_and(|x| part_of(c, x))) {
            continue;
        }
        let mut e = cx.base_evidence(s, &parts);
        e.frame = frame;
        e.cue = f64::from(u8::from(total_cue(cx, s)));
        let noun = cx.own_noun(s);
        let pairs: Vec<(Option<&str>, Option<&str>)> =
            parts.iter().map(|&p| (noun, cx.own_noun(p))).collect();
        Context::noun_evidence(&mut e, &pairs);
        times(cx, s, &parts, &mut e);
        let operands = parts
            .iter()
            .filter_map(|&p| cx.claim(p).map(|x| (p, "part", x.value)))
            .collect();
        let Some(r) = Reading::new(ID, Relation::Sum, s, stated_of(c), operands, Formula::Sum, e) else {
            continue;
        };
        out.push(r.with_unit(c.unit.clone()));
    }
}

/// Parts named for other years than the whole's do not add up to it.
fn times(cx: &Context, s: usize, parts: &[usize], e: &mut Evidence) {
    let sy = cx.fact(s).year;
    let years: Vec<Option<u16>> = parts.iter().map(|&p| cx.fact(p).year).collect();
    if let Some(y) = sy {
        if years.iter().any(|p| p.is_some_and(|py| py != y)) {
            e.time_clash = 1.0;
        } else if years.iter().all(|p| *p == Some(y)) {
            e.time_fit = 1.0;
        }
    }
}

/// "a total of 64", "64 in all", "combined 64": the whole is named as one.
fn total_cue(cx: &Context, s: usize) -> bool {
    let before = frames::before_cue(cx, s);
    let after = frames::after(cx, s);
    frames::words(cx, before).rev().take(4).any(|w| SUM_WORDS.has(w))
        || frames::words(cx, after).take(3).any(|w| SUM_WORDS.has(w))
}

/// A table column under a total row: every other row's cell in the column, and the
/// rows just above the total up to the previous total.
fn table_parts(cx: &Context, s: usize, groups: &mut Vec<(Vec<usize>, f64)>) {
    let Some(cell) = cx.fact(s).cell else { return };
    let Some(table) = cx.doc.tables.get(cell.table) else {
        return;
    };
    let is_total = |r: usize| table.rows.get(r).is_some_and(|row| is_total_label(&row.label));
    if !is_total(cell.row) {
        return;
    }
    let column = |rows: &mut dyn Iterator<Item = usize>| -> Vec<usize> {
        rows.filter_map(|r| cx.structure.at(cell.table, r, cell.col))
            .collect()
    };
    let others = column(&mut (0..table.rows.len()).filter(|&r| r != cell.row && !is_total(r)));
    groups.push((others, 1.0));
    let above_start = (0..cell.row).rev().find(|&r| is_total(r)).map_or(0, |r| r + 1);
    let above = column(&mut (above_start..cell.row));
    groups.push((above, 1.0));
}

/// A bullet list right after the whole (or around it, when the whole is an item that
/// says "total"): the first figure of each item, and each run of consecutive items.
fn list_parts(cx: &Context, s: usize, c: &Claim, groups: &mut Vec<(Vec<usize>, f64)>) {
    let whole_line = cx.fact(s).line;
    let own = cx.fact(s).item;
    for (l, list) in cx.structure.lists.iter().enumerate() {
        let Some(first) = list.items.first() else { continue };
        let first_line = cx.doc.line_col(first.start).0.saturating_sub(1);
        let before_list = whole_line < first_line && first_line - whole_line <= 4;
        let inside = own.is_some_and(|(ol, _)| ol == l) && total_cue(cx, s);
        if !before_list && !inside {
            continue;
        }
        let mut figures: Vec<usize> = Vec::new();
        for item in &list.items {
            let a = cx
                .claims
                .partition_point(|x| crate::Report::text_span(x).start < item.start);
            let b = cx
                .claims
                .partition_point(|x| crate::Report::text_span(x).start < item.end);
            if let Some(k) = (a..b).find(|&k| k != s && cx.claim(k).is_some_and(|x| part_of(c, x))) {
                figures.push(k);
            }
        }
        let frame = if inside { 0.7 } else { 0.9 };
        groups.push((figures.clone(), frame));
        for i in 0..figures.len() {
            for j in i + 2..=figures.len().min(i + MAX_PARTS) {
                if let Some(run) = figures.get(i..j) {
                    groups.push((run.to_vec(), frame * 0.8));
                }
            }
        }
    }
}

/// Runs of figures of the whole's dimension set out one after another in its sentence or
/// the next ("29 in North Tarn, 21 in Eskel and 11 in Varo"; "(29 resignations, 14
/// retirements, 4 terminations)").
fn run_parts(cx: &Context, s: usize, c: &Claim, groups: &mut Vec<(Vec<usize>, f64)>) {
    let near = cx.near(s, 1);
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, groups: &mut Vec<(Vec<usize>, f64)>| {
        if run.len() >= 2 {
            let frame = if run.iter().any(|&p| cx.sentences_apart(p, s) == 0) {
                0.8
            } else {
                0.6
            };
            groups.push((run.clone(), frame));
            if run.len() >= 3 {
                // The whole itself may open or close the run ("47 (29, 14, 4)").
                groups.push((run.iter().copied().filter(|&p| p != s).collect(), frame));
            }
        }
        run.clear();
    };
    for k in near {
        let Some(x) = cx.claim(k) else { continue };
        if k == s || !part_of(c, x) {
            if k != s {
                flush(&mut run, groups);
            }
            continue;
        }
        if let Some(&prev) = run.last() {
            let close = frames::between(cx, prev, k).is_some_and(|b| {
                let words = frames::word_count(b);
                let listy =
                    frames::lower(cx, b).any(|w| matches!(w, "," | "and" | ";" | "(" | "plus" | "or"));
                words <= 8 && listy
            });
            if !close {
                flush(&mut run, groups);
            }
        }
        run.push(k);
    }
    flush(&mut run, groups);
}

/// Two figures near the whole that may make it: "with the $51 million paid earlier,
/// dividends came to $101 million"; "7,500 Coast Guard members and 6,500 troops".
fn pair_parts(cx: &Context, s: usize, c: &Claim, groups: &mut Vec<(Vec<usize>, f64)>) {
    let cands = cx.candidates(s, 2, 10, |k| {
        cx.claim(k).is_some_and(|x| {
            part_of(c, x) && x.value.nominal < c.value.nominal && !matches!(x.hedge, Hedge::Range)
        })
    });
    for (i, &a) in cands.iter().enumerate() {
        for &b in cands.iter().skip(i + 1) {
            let joined = frames::between(cx, a, b).is_some_and(|t| {
                frames::word_count(t) <= 10
                    && frames::lower(cx, t).any(|w| matches!(w, "and" | "plus" | "," | "with"))
            });
            let frame = if joined && (cx.same_clause(a, s) || cx.same_clause(b, s)) {
                0.5
            } else if joined {
                0.3
            } else {
                0.1
            };
            groups.push((vec![a, b], frame));
        }
    }
}
