//! ## What it checks
//! Parts that add up to a whole: a breakdown in a clause ("58 dead: 26 in the north, 19 in
//! the east and 11 in the west"), in brackets ("52 (31 resignations, 15 retirements, 6
//! dismissals)"), in a bullet list, in a table column with a total row, or two figures
//! said to make a third ("with the $38 million paid earlier, dividends came to $90
//! million"). The parts must sum to the whole.
//!
//! ## Why it matters
//! A breakdown that does not add up means a part is missing, a part is wrong, or the
//! total is.
//!
//! ## Example
//! "Storms killed 58 people: 26 in the hills, 19 on the coast and 11 in the capital." →
//! 26 + 19 + 11 = 56, contradicted. A breakdown after a colon that takes the rest of the sentence
//! is the one wording that flags by itself; a run in another sentence ("The dead
//! included …") may be partial, and flags only when the fitted evidence is strong.
//!
//! ## Not flagged
//! Figures that merely sit side by side, and parts of different units. A round whole
//! stated plainly ("100,000 trips" against parts adding to 110,000) is read with its
//! full rounding (50,000–150,000) and is not flagged: capping it as the inputs are
//! capped cost flag precision on the development corpus (0.88 → 0.79 on fold 2).

use super::Rule;
use crate::claim::{Claim, Kind, Role};
use crate::interval::{Hedge, Value, Verdict};
use crate::relate::frames::{self, Words};
use crate::relate::measure::Dim;
use crate::relate::{Context, Evidence, Formula, Reading, Relation, is_plain, value_of};
use crate::table::is_total_label;
use crate::tokens::{Token, TokenKind};

/// The `parts-of-whole` rule.
pub struct PartsOfWhole;

const ID: &str = "parts-of-whole";

/// Words that say figures make up a whole.
#[rustfmt::skip]
const SUM_WORDS: Words = Words(&[
    "total*", "combined", "together", "altogether", "all", "sum", "including", "included", "includ*",
    "comprising", "compris*", "made", "broke", "breakdown", "split", "divided", "consist*", "bringing",
    "brought", "came", "come", "plus", "with", "cumulative", "overall", "both", "which", "whom",
    "aggregate",
]);

/// The most parts one reading adds.
const MAX_PARTS: usize = 12;

/// How many claims away from a whole a run of its parts may start or end.
const RUN_REACH: usize = 40;

/// How many figures of the right size a whole looks at for the second of two parts.
const FIT_LOOKS: usize = 64;

/// How many claims away from a whole the second of two fitting parts may be.
const FIT_REACH: usize = 80;

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
                "Storms killed 58 people: 26 in the hills, 19 on the coast and 11 in the capital.",
                Verdict::Contradicted,
            ),
            (
                "Departures: 52 (31 resignations, 15 retirements, 6 dismissals).",
                Verdict::Consistent,
            ),
            (
                "The budget is $3.5 billion: $1.2 billion for police, $1.45 billion for schools and $600 million for everything else.",
                Verdict::Contradicted,
            ),
            (
                "Of the 412 arrests, 198 were for theft, 121 for assault and the remaining 93 for other offences.",
                Verdict::Consistent,
            ),
        ]
    }

    fn doc(&self) -> String {
        super::module_doc(include_str!("parts_of_whole.rs"))
    }

    fn propose(&self, cx: &Context) -> Vec<Reading> {
        let runs = runs(cx);
        let index = ValueIndex::new(cx);
        let mut out = crate::relate::readings_for(cx, 4);
        let mut scratch = Scratch::default();
        for (s, c) in cx.claims.iter().enumerate() {
            if whole(c) {
                propose_for(cx, s, c, &runs, &index, &mut scratch, &mut out);
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

/// Claim `k` may be a part of claim `s`: of the whole's dimension (a fraction whole takes
/// percentage parts), and no larger than it.
fn part_of(cx: &Context, s: usize, k: usize) -> bool {
    let (Some(t), Some(p)) = (cx.claim(s), cx.claim(k)) else {
        return false;
    };
    let dims = match (cx.dim(s), cx.dim(k)) {
        (Some(Dim::Fraction), Some(Dim::Percent)) => true,
        (Some(a), Some(b)) => a == b && a != Dim::Fraction,
        _ => false,
    };
    // A vague figure ("double-digit", "hundreds") is no part to add.
    let vague = p.value.high - p.value.low > 0.5 * p.value.nominal.abs().max(1.0) && p.hedge == Hedge::Range;
    // A part inside the whole's rounding ("two" against "7.4 million") changes nothing
    // the whole can show: adding it checks nothing. (A zero in a table column is a part.)
    let immaterial = p.value.nominal > 0.0 && p.value.nominal < 0.5 * (t.value.high - t.value.low);
    // "8% are undecided (24% of independents among them)": a percentage of a base it names
    // is a share of that group, not a part of a whole that names none.
    let percent = |c: &Claim| c.kind == Kind::Percent;
    let own_base = percent(p) && frames::followed_by(cx, k, &["of"]) && !frames::followed_by(cx, s, &["of"]);
    dims && !vague
        && !immaterial
        && !own_base
        && (cx.plain(k) || p.role == Role::Part)
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

/// The candidate groups of one whole and the part sets already read, kept from whole to
/// whole so that their room is allocated once per document.
#[derive(Default)]
struct Scratch {
    groups: Vec<(Vec<usize>, f64)>,
    seen: rustc_hash::FxHashSet<Vec<usize>>,
}

fn propose_for(
    cx: &Context,
    s: usize,
    c: &Claim,
    runs: &[Run],
    index: &ValueIndex,
    scratch: &mut Scratch,
    out: &mut Vec<Reading>,
) {
    let Scratch { groups, seen } = scratch;
    groups.clear();
    table_parts(cx, s, groups);
    list_parts(cx, s, groups);
    run_parts(cx, s, c, runs, groups);
    pair_parts(cx, s, c, groups);
    fitting_pairs(cx, s, c, index, groups);
    if groups.is_empty() {
        return;
    }
    seen.clear();
    // Read once for every group: they depend on the whole alone.
    let cue = f64::from(u8::from(total_cue(cx, s)));
    let noun = cx.own_noun(s);
    for (mut parts, frame) in groups.drain(..) {
        parts.sort_unstable();
        parts.dedup();
        parts.retain(|&p| p != s);
        // A set of parts is read once, the first time it comes (whether or not it is a
        // set of parts of this whole: that depends on the parts and the whole alone).
        if parts.len() < 2 || parts.len() > MAX_PARTS || seen.contains(&parts) {
            continue;
        }
        if !parts.iter().all(|&p| part_of(cx, s, p))
            || mixes_ends(cx, s, &parts)
            || ends_of_one_change(cx, &parts)
            || bracketed_siblings(cx, s, &parts)
        {
            seen.insert(parts);
            continue;
        }
        let mut e = cx.base_evidence(s, &parts);
        e.frame = frame;
        e.cue = cue;
        let mut pairs: [(Option<&str>, Option<&str>); MAX_PARTS] = [(None, None); MAX_PARTS];
        for (pair, &p) in pairs.iter_mut().zip(parts.iter()) {
            *pair = (noun, cx.own_noun(p));
        }
        Context::noun_evidence(&mut e, pairs.get(..parts.len()).unwrap_or(&[]));
        times(cx, s, &parts, &mut e);
        let operands = parts
            .iter()
            .filter_map(|&p| cx.claim(p).map(|x| (p, "part", value_of(x))))
            .collect();
        let reading = Reading::new(ID, Relation::Sum, s, stated_of(c), operands, Formula::Sum, e);
        seen.insert(parts);
        let Some(r) = reading else {
            continue;
        };
        out.push(r.with_unit(c.unit.clone()));
    }
}

/// True when the whole and its parts hold ends of two different changes ("rose from 5.2
/// to 6.1 … fell from 148.0 to 139.4"): figures of different series at different
/// moments, no parts of one whole. An end is a figure after "from" with one after "to"
/// right beside it, or the other way round; "up from 398 … came from 14 new stores" names
/// no two changes.
fn mixes_ends(cx: &Context, s: usize, parts: &[usize]) -> bool {
    let marks = |k: usize| {
        let c = cx.cues(k);
        (c.from, c.to || c.reached)
    };
    let partners = |a: usize, b: usize| {
        let ((fa, ta), (fb, tb)) = (marks(a), marks(b));
        a.abs_diff(b) == 1 && cx.sentences_apart(a, b) == 0 && ((fa && tb) || (ta && fb))
    };
    let partner = |k: usize| {
        [k.wrapping_sub(1), k + 1]
            .into_iter()
            .find(|&j| j != usize::MAX && partners(k, j))
    };
    let ends: Vec<(usize, usize)> = std::iter::once(s)
        .chain(parts.iter().copied())
        .filter_map(|k| partner(k).map(|p| (k, p)))
        .collect();
    ends.iter()
        .any(|&(a, pa)| ends.iter().any(|&(b, _)| b != a && b != pa))
}

/// True when the whole and every part are bracketed glosses of one sentence, the whole
/// first: "a new school ($132 million), repairs ($61 million) and upgrades ($25
/// million)" lists three items, no total and its parts.
fn bracketed_siblings(cx: &Context, s: usize, parts: &[usize]) -> bool {
    glossed(cx, s)
        && parts
            .iter()
            .all(|&p| s < p && cx.sentences_apart(s, p) == 0 && glossed(cx, p))
}

/// True when two of the parts are the two ends of one change: "$640 million, up 9% from
/// $587 million" is one series at two moments, no two parts of a whole.
fn ends_of_one_change(cx: &Context, parts: &[usize]) -> bool {
    parts.iter().any(|&p| {
        cx.cues(p).marked_old
            && parts
                .iter()
                .any(|&q| q < p && p - q <= 2 && cx.sentences_apart(q, p) == 0)
    })
}

/// Parts named for other years than the whole's do not add up to it.
fn times(cx: &Context, s: usize, parts: &[usize], e: &mut Evidence) {
    let sy = cx.fact(s).year;
    let years = || parts.iter().map(|&p| cx.fact(p).year);
    if let Some(y) = sy {
        if years().any(|p| p.is_some_and(|py| py != y)) {
            e.time_clash = 1.0;
        } else if years().all(|p| p == Some(y)) {
            e.time_fit = 1.0;
        }
    }
}

/// "a total of 58", "58 in all", "combined 58": the whole is named as one.
fn total_cue(cx: &Context, s: usize) -> bool {
    let before = frames::before_cue(cx, s);
    let after = frames::after(cx, s);
    sum_words(cx, before).rev().take(4).any(|w| SUM_WORDS.has(w))
        || sum_words(cx, after).take(3).any(|w| SUM_WORDS.has(w))
}

/// The words of `toks` that may say "sum": a word hyphenated to the next ("all-funds
/// budget", "with-profits fund") is part of a compound, no word of its own.
fn sum_words<'a>(cx: &'a Context, toks: &'a [Token]) -> impl DoubleEndedIterator<Item = &'a str> + 'a {
    toks.iter().enumerate().filter_map(move |(i, t)| {
        let hyphenated = toks.get(i + 1).is_some_and(|h| {
            h.start == t.end
                && cx.doc.tokens.lower(h) == "-"
                && toks.get(i + 2).is_some_and(|n| n.start == h.end)
        });
        (t.kind == TokenKind::Word && !hyphenated).then(|| cx.doc.tokens.lower(t))
    })
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
    // Every other row only when this is the table's one total row: a table of several
    // totals ("Total vans", "Total buses", "Rural total") sums a section under each.
    if (0..table.rows.len()).filter(|&r| is_total(r)).count() == 1 {
        let others = column(&mut (0..table.rows.len()).filter(|&r| r != cell.row));
        groups.push((others, 1.0));
    }
    let above_start = (0..cell.row).rev().find(|&r| is_total(r)).map_or(0, |r| r + 1);
    let above = column(&mut (above_start..cell.row));
    groups.push((above, 1.0));
}

/// A bullet list right after the whole (or around it, when the whole is an item that
/// says "total"): the first figure of each item, and each run of consecutive items.
fn list_parts(cx: &Context, s: usize, groups: &mut Vec<(Vec<usize>, f64)>) {
    let whole_line = cx.fact(s).line;
    let own = cx.fact(s).item;
    // "- Together the three lines account for the full $1.71 million": the list's own
    // total line, named by a word of sum anywhere before it in its item.
    let summing = || {
        total_cue(cx, s)
            || sum_words(cx, frames::before_cue(cx, s))
                .rev()
                .take(8)
                .any(|w| SUM_WORDS.has(w))
    };
    let lists = &cx.structure.lists;
    // Lists are in document order: only the whole's own list and those starting after
    // it are looked at, so a document of many lists costs no more per whole.
    let at = cx.claim(s).map_or(0, |c| crate::Report::text_span(c).start);
    let after = lists.partition_point(|l| l.items.first().is_none_or(|f| f.start < at));
    let own_list = own.map(|(ol, _)| ol).filter(|&ol| ol < after);
    let near = own_list.into_iter().chain(after..lists.len());
    for l in near {
        let Some(list) = lists.get(l) else { continue };
        let Some(first) = list.items.first() else { continue };
        let first_line = cx.doc.line_of(first.start).saturating_sub(1);
        if first_line > whole_line + 4 {
            break;
        }
        let before_list = whole_line < first_line && first_line - whole_line <= 4;
        let inside = own.is_some_and(|(ol, _)| ol == l) && summing();
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
            if let Some(k) = (a..b).find(|&k| k != s && part_of(cx, s, k)) {
                figures.push(k);
            }
        }
        // A total that counts the items ("the three lines") names its parts.
        let counted = names_count(cx, s, figures.len());
        // The list's own total line ("- Total levy: $43.8 million") sums its
        // items as a table's total row sums its column.
        let total_line = inside && cx.on_total_line(s);
        let frame = if counted || total_line {
            1.0
        } else if inside {
            0.7
        } else {
            0.9
        };
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

/// A run of figures of one dimension set out one after another ("26 in the hills, 19 on
/// the coast and 11 in the capital"; "(31 resignations, 15 retirements, 6 dismissals)"), with
/// whether the words before it announce a breakdown ("included", "of the total", ":").
struct Run {
    parts: Vec<usize>,
    sentence: usize,
    announced: bool,
}

/// Words before a run that announce it as the parts of something named before.
const ANNOUNCE: Words = Words(&[
    "included",
    "including",
    "include",
    "includes",
    "comprising",
    "comprised",
    "among",
    "breakdown",
    "broke",
    "broken",
    "split",
    "divided",
    "of",
    "total",
    "which",
    "whom",
    "them",
    "these",
    "those",
    "following",
    "follows",
]);

/// Every run in the document.
fn runs(cx: &Context) -> Vec<Run> {
    let mut out = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, out: &mut Vec<Run>| {
        if run.len() >= 2 {
            let first = run.first().copied().unwrap_or(0);
            let before = frames::before(cx, first);
            let lead: Vec<&str> = frames::lower(cx, before).rev().take(8).collect();
            let announced =
                lead.contains(&":") || lead.contains(&"(") || lead.iter().any(|w| ANNOUNCE.has(w));
            out.push(Run {
                parts: run.clone(),
                sentence: cx.claim(first).map_or(0, |c| c.sentence),
                announced,
            });
        }
        run.clear();
    };
    for (k, x) in cx.claims.iter().enumerate() {
        if !is_plain(x) || !matches!(x.kind, Kind::Count | Kind::Money | Kind::Percent) {
            continue;
        }
        if let Some(&prev) = run.last() {
            let same = cx
                .claim(prev)
                .is_some_and(|p| cx.dim(prev) == cx.dim(k) && p.sentence == x.sentence);
            let close = same
                && frames::between(cx, prev, k).is_some_and(|b| {
                    let words = frames::word_count(b);
                    let listy =
                        frames::lower(cx, b).any(|w| matches!(w, "," | "and" | ";" | "(" | "plus" | "or"));
                    words <= 8 && listy
                });
            if !close {
                flush(&mut run, &mut out);
            }
        }
        run.push(k);
    }
    flush(&mut run, &mut out);
    out
}

/// Runs the whole may be the total of: in its sentence or the next (the whole itself may
/// open or close the run, "52 (31, 15, 6)"); announced runs up to a dozen sentences on.
fn run_parts(cx: &Context, s: usize, c: &Claim, runs: &[Run], groups: &mut Vec<(Vec<usize>, f64)>) {
    // Runs are in document order and disjoint: only those within RUN_REACH claims of the
    // whole are looked at, so one endless sentence costs no more than many short ones.
    let from = runs.partition_point(|r| r.parts.last().is_some_and(|&l| l + RUN_REACH < s));
    let near = runs
        .get(from..)
        .unwrap_or(&[])
        .iter()
        .take_while(|r| r.parts.first().is_some_and(|&f| f <= s + RUN_REACH));
    for run in near {
        let apart = run.sentence.abs_diff(c.sentence);
        let after = run.sentence >= c.sentence;
        let frame = if apart == 0 {
            if colon_breakdown(cx, s, &run.parts) {
                1.0
            } else if run.announced {
                0.9
            } else {
                0.7
            }
        } else if apart == 1 && after {
            if run.announced { 0.9 } else { 0.5 }
        } else if after && apart <= 12 && run.announced {
            0.6
        } else if apart <= 12 {
            0.1
        } else {
            continue;
        };
        // A figure of the run is a total of the rest only when it opens the run and the
        // rest follow in brackets or after a colon ("52 (31, 15, 6)", "58: 26, 19, 11").
        if run.parts.contains(&s) {
            // "Of the 412 arrests, 198 were for theft, 121 …": a whole opening its
            // sentence after "Of" is the total of the run it opens.
            let of_opening = frames::before_cue(cx, s)
                .iter()
                .map(|t| cx.doc.tokens.lower(t))
                .collect::<Vec<_>>()
                .as_slice()
                == ["of"];
            // The bracket or colon must open the breakdown itself: "$286,000 (up from
            // $262,000), with $1,400 in tax" brackets a change, no parts.
            let breakdown_follows = run.parts.get(1).is_some_and(|&next| {
                !cx.cues(next).marked_old
                    && frames::between(cx, s, next).is_some_and(|b| frames::word_count(b) <= 1)
            });
            let opens = run.parts.first() == Some(&s)
                && (of_opening
                    || (breakdown_follows
                        && frames::after(cx, s)
                            .first()
                            .is_some_and(|t| matches!(cx.doc.tokens.lower(t), "(" | ":" | "—" | "–"))));
            if !opens {
                continue;
            }
        }
        let parts: Vec<usize> = run
            .parts
            .iter()
            .copied()
            .filter(|&p| p != s && part_of(cx, s, p))
            .collect();
        if parts.len() >= 2 {
            // "killed 52 people in four districts … The dead included 19 in Alder, 14 in
            // …": a whole that counts its parts, as many as the run holds.
            let counted = apart <= 1 && after && names_part_count(cx, s, parts.len());
            groups.push((parts, if counted { 1.0 } else { frame }));
        }
    }
}

/// True when figure `k` is a bracketed gloss: "(" right before it, ")" right after.
fn glossed(cx: &Context, k: usize) -> bool {
    let lower = |t: Option<&Token>| t.map(|t| cx.doc.tokens.lower(t));
    lower(frames::before_cue(cx, k).last()) == Some("(") && lower(frames::after(cx, k).first()) == Some(")")
}

/// True when the sentence of whole `s` counts `n` groups of it: "52 people in four
/// districts", "across three provinces" (a count right after "in", "across", "among",
/// "from" or "over").
fn names_part_count(cx: &Context, s: usize, n: usize) -> bool {
    cx.near(s, 0).any(|k| {
        k != s
            && cx
                .claim(k)
                .is_some_and(|x| x.kind == Kind::Count && x.value.nominal == n as f64)
            && frames::preceded_by(cx, k, &["in", "across", "among", "from", "over", "in all"])
    })
}

/// True when the clause of whole `s` counts `n` things before it: "Together the three
/// lines account for the full $1.71 million", "the four funds hold $1.2 billion".
fn names_count(cx: &Context, s: usize, n: usize) -> bool {
    n >= 2
        && s.checked_sub(1).is_some_and(|k| {
            cx.same_clause(k, s)
                && cx
                    .claim(k)
                    .is_some_and(|x| x.kind == Kind::Count && x.value.nominal == n as f64)
                && frames::words(cx, frames::before(cx, k))
                    .next_back()
                    .is_some_and(|w| matches!(w, "the" | "all" | "these" | "those"))
        })
}

/// Plain figures by dimension and value, for finding the two parts whose sum is a whole.
struct ValueIndex {
    by_value: Vec<(f64, usize)>,
}

impl ValueIndex {
    fn new(cx: &Context) -> Self {
        let mut by_value: Vec<(f64, usize)> = cx
            .claims
            .iter()
            .enumerate()
            .filter(|(_, c)| is_plain(c) && matches!(c.kind, Kind::Count | Kind::Money | Kind::Percent))
            .map(|(i, c)| (c.value.nominal, i))
            .collect();
        by_value.sort_by(|a, b| a.0.total_cmp(&b.0));
        ValueIndex { by_value }
    }

    /// Indices of figures with a value in `[lo, hi]`.
    fn between(&self, lo: f64, hi: f64) -> impl Iterator<Item = usize> + '_ {
        let a = self.by_value.partition_point(|(v, _)| *v < lo);
        self.by_value
            .get(a..)
            .unwrap_or(&[])
            .iter()
            .take_while(move |(v, _)| *v <= hi)
            .map(|(_, i)| *i)
    }
}

/// Two figures of the whole's passage whose sum is the whole within rounding, however far
/// apart they sit ("$184 million for January–March" … "$457 million for the quarter" …
/// "$641 million for the six months").
fn fitting_pairs(cx: &Context, s: usize, c: &Claim, index: &ValueIndex, groups: &mut Vec<(Vec<usize>, f64)>) {
    // The cheap test first (both are pure).
    let firsts = cx.candidates(s, 8, 16, |k| {
        cx.claim(k).is_some_and(|x| x.value.nominal < c.value.nominal) && part_of(cx, s, k)
    });
    for &a in &firsts {
        let Some(ca) = cx.claim(a) else { continue };
        let rest = c.value.nominal - ca.value.nominal;
        let tol = (c.value.high - c.value.low) / 2.0
            + (ca.value.high - ca.value.low) / 2.0
            + 1e-9 * c.value.nominal.abs();
        // Bounded per whole: at most FIT_LOOKS figures of the right size are looked at,
        // and only those within FIT_REACH claims, however often the value recurs.
        let mut seconds: Vec<usize> = index
            .between(rest - tol, rest + tol)
            .take(FIT_LOOKS)
            .filter(|&b| b != a && b != s && b.abs_diff(s) <= FIT_REACH && cx.sentences_apart(b, s) <= 15)
            .filter(|&b| part_of(cx, s, b))
            .collect();
        // The nearest two: a value that recurs gives one pair, not one per copy.
        seconds.sort_by_key(|&b| b.abs_diff(s));
        for &b in seconds.iter().take(2) {
            groups.push((vec![a, b], 0.0));
        }
    }
}

/// Two figures near the whole that may make it: "with the $38 million paid earlier,
/// dividends came to $90 million"; "4,200 reservists and 3,100 regular soldiers".
fn pair_parts(cx: &Context, s: usize, c: &Claim, groups: &mut Vec<(Vec<usize>, f64)>) {
    // The cheap test first (both are pure).
    let cands = cx.candidates(s, 3, 12, |k| {
        cx.claim(k)
            .is_some_and(|x| x.value.nominal < c.value.nominal && !matches!(x.hedge, Hedge::Range))
            && part_of(cx, s, k)
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
            } else if cx.sentences_apart(a, s) <= 1 && cx.sentences_apart(b, s) <= 1 {
                0.1
            } else {
                // Two figures nothing joins, away from the whole: no reading worth weighing.
                continue;
            };
            groups.push((vec![a, b], frame));
        }
    }
}

/// True when the whole opens a breakdown that takes the rest of its sentence: "The budget
/// is $3.5 billion: $1.2 billion for police, … and $600 million for everything else." A
/// colon right after the whole's phrase, and no figure after the run in the sentence.
fn colon_breakdown(cx: &Context, s: usize, parts: &[usize]) -> bool {
    // The run may open with the whole itself ("52 (31, 15, 6)").
    let parts = parts.strip_prefix(&[s]).unwrap_or(parts);
    let (Some(&first), Some(&last)) = (parts.first(), parts.last()) else {
        return false;
    };
    if first <= s {
        return false;
    }
    let colon = frames::between(cx, s, first)
        .is_some_and(|b| frames::word_count(b) <= 3 && frames::lower(cx, b).any(|w| w == ":"));
    let ends = cx
        .claim(last + 1)
        .is_none_or(|_| cx.sentences_apart(last, last + 1) > 0);
    colon && ends
}
