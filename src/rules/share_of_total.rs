//! ## What it checks
//! A share ("30%", "a third of", "one in five", "nearly half") against a part and a whole
//! the article gives: "120 of 400, or 30%", "$104 million … 26 percent of the city's $392
//! million budget", "21,700 rent their homes, or 45.0%". part ÷ whole must match the share.
//! The whole may be stated earlier in the article (a population, a budget), named by the
//! share's "of" phrase or the part's ("210 of the clinic's patients, or 35%"), or stand in
//! brackets after it ("12% of the operating budget ($70.0 million)"), the part then being
//! an earlier figure of the share's subject.
//!
//! ## Why it matters
//! Shares are computed from two printed figures; a share that does not follow from them
//! means one of the three is wrong, or the share is of a different whole.
//!
//! ## Example
//! "Property tax brings in $104 million, or 36 percent of the city's $392 million budget."
//! → 26.5%, contradicted.
//!
//! ## Not flagged
//! Shares without a part and a whole of one unit nearby, and changes ("up 12%").

use super::Rule;
use crate::claim::{Claim, Kind, Role};
use crate::interval::Verdict;
use crate::relate::frames::{self, Words};
use crate::relate::measure::{Dim, dimension, same_dimension};
use crate::relate::{Context, Formula, Reading, Relation, is_plain, sharpen_pair};

/// The `share-of-total` rule.
pub struct ShareOfTotal;

const ID: &str = "share-of-total";

/// Verbs and nouns that say a figure is a share of another.
#[rustfmt::skip]
const SHARE_WORDS: Words = Words(&[
    "account*", "made", "make*", "represent*", "comprise*", "constitut*", "share", "portion",
    "proportion", "percent", "percentage", "fraction", "majority", "minority", "half", "third",
    "quarter", "covered", "covers", "cover", "equal*", "amount*",
]);

impl Rule for ShareOfTotal {
    fn id(&self) -> &str {
        ID
    }

    fn summary(&self) -> &str {
        "A share must equal its part divided by its whole."
    }

    fn examples(&self) -> Vec<(&str, Verdict)> {
        vec![
            (
                "The clinic saw 120 of its 400 patients at home, or 30%.",
                Verdict::Consistent,
            ),
            (
                "Property tax brings in $104 million, or 36 percent of the city's $392 million budget.",
                Verdict::Contradicted,
            ),
            (
                "Of the town's 48,200 households, 21,700 rent their homes, or 45.0%.",
                Verdict::Consistent,
            ),
            (
                "The clinic saw 600 patients in March. Seniors made up 210 of the clinic's patients, or 35%.",
                Verdict::Consistent,
            ),
            (
                "Fuel spending reached $8.4 million last year. Fuel now equals 12% of the operating budget ($70.0 million).",
                Verdict::Consistent,
            ),
        ]
    }

    fn doc(&self) -> String {
        super::module_doc(include_str!("share_of_total.rs"))
    }

    /// A share is flagged only against a part in its own clause (or tied to it by "or",
    /// brackets, "X of Y"), with a frame naming part or whole.
    fn may_flag(&self, r: &Reading) -> bool {
        // No other share between it and its figures: "9 of the 16, or 56 percent, versus
        // a rate of 41%" gives the 9 of 16 to the 56 percent.
        r.evidence.frame >= super::MIN_FRAME_TO_FLAG
            && r.evidence.same_clause >= 0.5
            && r.evidence.intervening == 0.0
    }

    fn propose(&self, cx: &Context) -> Vec<Reading> {
        let mut out = crate::relate::readings_for(cx, 3);
        let cues = WholeCues::new(cx);
        for (s, c) in cx.claims.iter().enumerate() {
            // "a third larger than", "20% more than": a difference, not a share.
            let compared = frames::words(cx, frames::after(cx, s))
                .next()
                .is_some_and(|w| frames::COMPARATIVE.has(w));
            // "$24.0 million (5.8%) short of the budget": a gap, no share.
            if stated_share(c) && !compared && frames::gap(cx, s).is_none() {
                propose_for(cx, s, c, &cues, &mut out);
            }
        }
        out
    }
}

/// A percentage or a fraction that is not a change.
fn stated_share(c: &Claim) -> bool {
    c.usable()
        && matches!(dimension(c), Some(Dim::Percent | Dim::Fraction))
        && !matches!(c.role, Role::Change | Role::Projection | Role::PerBase)
}

fn operand(c: &Claim) -> bool {
    is_plain(c) && matches!(c.kind, Kind::Count | Kind::Money)
}

/// Is claim `w` introduced as a whole: "of the 400", "of its $392 million budget",
/// "out of 2,000", "among 8,000"?
fn whole_cue(cx: &Context, w: usize) -> bool {
    frames::preceded_by(
        cx,
        w,
        &[
            "of",
            "out of",
            "among",
            "of all",
            "survey of",
            "total of",
            "totaled",
            "totalled",
            "totaling",
            "total",
        ],
    )
}

/// [`whole_cue`] of each claim, read the first time it is asked for: every share within
/// 40 sentences asks about the same candidate wholes.
struct WholeCues<'c> {
    cx: &'c Context<'c>,
    cues: Vec<std::cell::OnceCell<bool>>,
}

impl<'c> WholeCues<'c> {
    fn new(cx: &'c Context<'c>) -> Self {
        WholeCues {
            cx,
            cues: (0..cx.claims.len()).map(|_| std::cell::OnceCell::new()).collect(),
        }
    }

    fn get(&self, w: usize) -> bool {
        match self.cues.get(w) {
            Some(cell) => *cell.get_or_init(|| whole_cue(self.cx, w)),
            None => whole_cue(self.cx, w),
        }
    }
}

/// Is share `s` tied to part `p` by "or" or by a share verb ("accounted for 30%")?
fn share_frame(cx: &Context, s: usize, p: usize) -> f64 {
    let Some(between) = frames::between(cx, s, p) else {
        return 0.0;
    };
    let words: Vec<&str> = frames::lower(cx, between).collect();
    let close = frames::word_count(between) <= 6;
    let or = words.contains(&"or") && close;
    let paren = words.first() == Some(&"(") || words.last() == Some(&"(");
    let verb = frames::any_word(cx, between, SHARE_WORDS);
    // "a quarter of those loans, 310 mortgages": the part set beside the share's noun phrase.
    // "a third, about 1,900": the part set right after the share, with nothing but a comma.
    let apposed = p > s
        && words.last() == Some(&",")
        && (words.first() == Some(&"of") || (words.len() == 1 && p == s + 1))
        && close;
    if or || paren || apposed {
        1.0
    } else if verb && close {
        0.8
    } else if close {
        0.4
    } else {
        0.1
    }
}

fn propose_for(cx: &Context, s: usize, c: &Claim, cues: &WholeCues, out: &mut Vec<Reading>) {
    let stated = if c.kind == Kind::Fraction {
        c.value.scale(100.0)
    } else {
        c.value
    };
    let mut near = cx.candidates(s, 2, 14, |k| cx.claim(k).is_some_and(operand));
    // Wholes may be stated farther off: a population, a budget, a total, a key figure.
    let mut wholes = near.clone();
    wholes.extend(cx.candidates(s, 40, 8, |k| {
        cx.claim(k).is_some_and(|x| operand(x) && cues.get(k)) || cx.fact(k).headline
    }));
    let key = cx
        .key
        .iter()
        .copied()
        .filter(|&k| k != s && cx.claim(k).is_some_and(operand));
    wholes.extend(key.clone());
    // A share in a list or table is a share of the total line of that list or table
    // ("Total: 4,180 … Transit 612 (14.6%)").
    let (list, table) = (cx.fact(s).item.map(|(l, _)| l), cx.fact(s).cell.map(|c| c.table));
    if list.is_some() || table.is_some() {
        wholes.extend(cx.candidates(s, 40, 4, |k| {
            let f = cx.fact(k);
            let same = (list.is_some() && f.item.map(|(l, _)| l) == list)
                || (table.is_some() && f.cell.map(|c| c.table) == table);
            same && cx.claim(k).is_some_and(operand) && cx.on_total_line(k)
        }));
    }
    // "30% of national fares": an earlier figure the noun names ("fares grew 4% to
    // $2.6 billion", "3.1 million boardings") is a whole, however far back.
    // "Seniors made up 210 of the clinic's patients, or 35%": the part tied to the
    // share names the whole after its own "of".
    let of_at = if frames::followed_by(cx, s, &["of"]) {
        Some(s)
    } else {
        near.iter()
            .copied()
            .filter(|&p| p < s && cx.sentences_apart(p, s) == 0 && whole_after(cx, p).is_none())
            .find(|&p| share_frame(cx, s, p) >= 1.0 && frames::followed_by(cx, p, &["of"]))
    };
    let of_head = of_at.and_then(|k| of_head(cx, k));
    let named = |k: usize| of_head.as_deref().is_some_and(|n| k < s && names_whole(cx, k, n));
    if of_head.is_some() {
        wholes.extend(cx.candidates(s, 40, 4, |k| cx.claim(k).is_some_and(operand) && named(k)));
    }
    wholes.sort_unstable();
    wholes.dedup();
    // A part may be a key figure too ("its 4,300 pupils … about 64 percent full").
    near.extend(key);
    near.sort_unstable();
    near.dedup();
    let of_after = frames::followed_by(cx, s, &["of"]);
    // A figure tied to the share ("21,700 rent, or 45.0%", "310 mortgages (a quarter)") is its
    // part, and then no other figure is; so is the first figure of "205 of 240".
    let of_pairs: Vec<(usize, usize)> = near
        .iter()
        .copied()
        .filter(|&p| cx.sentences_apart(p, s) == 0)
        .filter_map(|p| whole_after(cx, p).map(|w| (p, w)))
        .collect();
    // A tie holds over no other share and at most one other figure of the part's measure,
    // its whole ("830 of 1,900 (43.7%), 150 of 480 (31.3%)": the 830 is not tied to
    // the 31.3%; "1,540 patients filled the 1,800 beds (85.6%)" is).
    let adjacent = |p: usize| {
        let Some(cp) = cx.claim(p) else { return false };
        let inside = p.min(s) + 1..p.max(s);
        let shares = inside
            .clone()
            .filter(|&k| cx.claim(k).is_some_and(stated_share))
            .count();
        let figures = inside
            .filter(|&k| cx.claim(k).is_some_and(|x| operand(x) && same_dimension(x, cp)))
            .count();
        shares == 0 && figures <= 1
    };
    // "205 of 240 beds were occupied, or 85%": the tied figure is the whole of an "X of
    // Y" pair, and the part is the X.
    // "equals 12% of the operating budget ($70.0 million)": the figure in brackets after the
    // share's "of" phrase is its whole, not its part.
    let bracketed = near
        .iter()
        .copied()
        .find(|&w| w > s && cx.sentences_apart(w, s) == 0 && bracketed_whole(cx, s, w));
    let mut tied: Vec<usize> = near
        .iter()
        .copied()
        .filter(|&p| Some(p) != bracketed)
        .filter(|&p| cx.sentences_apart(p, s) == 0 && share_frame(cx, s, p) >= 1.0)
        .map(|p| of_pairs.iter().find(|(_, w)| *w == p).map_or(p, |(q, _)| *q))
        .filter(|&p| adjacent(p))
        .collect();
    tied.sort_unstable();
    tied.dedup();
    let parts = if !tied.is_empty() {
        tied
    } else if !of_pairs.is_empty() {
        of_pairs.iter().map(|(p, _)| *p).collect()
    } else if let Some(w) = bracketed {
        // "Fuel now equals 12% of the operating budget ($70.0 million)": the part is an
        // earlier figure of the share's subject ("fuel spending reached $8.4 million").
        let mut parts: Vec<usize> = near.iter().copied().filter(|&p| p != w).collect();
        let from = c.paragraph.saturating_sub(4);
        parts.extend(cx.candidates(s, 4, 3, |k| {
            k < s
                && cx.claim(k).is_some_and(|x| operand(x) && x.paragraph >= from)
                && cx.shared_subject(s, k) >= 1
        }));
        parts.sort_unstable();
        parts.dedup();
        parts
    } else {
        near.clone()
    };
    let of_noun = of_at.and_then(|k| of_noun(cx, k));
    let anaphoric_of = of_pronoun(cx, s);
    let over_100 = stated.nominal > 100.0;
    for &p in &parts {
        // The part's frame depends on the part alone: read once for every whole.
        let part_frame = std::cell::OnceCell::new();
        for &w in &wholes {
            let (Some(cp), Some(cw)) = (cx.claim(p), cx.claim(w)) else {
                continue;
            };
            if p == w || !same_dimension(cp, cw) || cw.value.nominal <= 0.0 {
                continue;
            }
            // A part is no larger than its whole, unless the share says so.
            if !over_100 && cp.value.low > cw.value.high {
                continue;
            }
            let mut e = cx.base_evidence(s, &[p, w]);
            let part_frame = *part_frame.get_or_init(|| share_frame(cx, s, p));
            let whole_frame = if cues.get(w) || Some(w) == bracketed {
                1.0
            } else if (anaphoric_of && anaphoric_whole(cx, s, w)) || named(w) {
                0.8
            } else {
                0.0
            };
            // "120 of 400", "205 of 240 beds": the part right before "of" and the whole.
            let x_of_y = of_pairs.contains(&(p, w));
            // A part with its own "of Y" has no other whole by cue words alone.
            let own_whole = of_pairs.iter().any(|(q, _)| *q == p);
            // The share must be tied to the pair too ("205 of 240, or 85%", "150 of 480
            // (31.3%)"): "7 out of 19 agencies, including cuts of 8.4%" is no share of it.
            let share_tied = part_frame.max(share_frame(cx, s, w)) >= 0.8;
            e.frame = if x_of_y && share_tied {
                1.0
            } else if x_of_y || own_whole {
                (0.6 * part_frame + 0.4 * whole_frame).min(0.6)
            } else {
                0.6 * part_frame + 0.4 * whole_frame
            };
            e.cue = if of_after { 1.0 } else { 0.0 };
            // The part's noun against the whole's, and the share's "of" noun when it has
            // one (on the stack: one pair or two per reading).
            let pairs = [(cx.noun(p), cx.own_noun(w)), (of_noun.as_deref(), cx.noun(w))];
            let n_pairs = 1 + usize::from(of_noun.is_some());
            crate::relate::Context::noun_evidence(&mut e, pairs.get(..n_pairs).unwrap_or(&[]));
            match (cx.fact(p).year, cx.fact(w).year) {
                (Some(a), Some(b)) if a == b => e.time_fit = 1.0,
                (Some(_), Some(_)) => e.time_clash = 1.0,
                _ => {}
            }
            let (vp, vw) = sharpen_pair(cp, cw);
            let Some(r) = Reading::new(
                ID,
                Relation::Share,
                s,
                stated,
                vec![(p, "part", vp), (w, "whole", vw)],
                Formula::Share,
                e,
            ) else {
                continue;
            };
            out.push(r.with_unit(Some("percent".into())));
        }
    }
}

/// "25% of it", "a third of those sales", "half of the total": the share names its whole
/// by a pronoun or demonstrative, not by a figure.
fn of_pronoun(cx: &Context, s: usize) -> bool {
    let w: Vec<&str> = frames::words(cx, frames::after(cx, s)).take(3).collect();
    matches!(
        w.as_slice(),
        ["of", "it" | "that" | "this" | "them" | "those" | "these", ..] | ["of", "the", "total" | "sum", ..]
    )
}

/// A whole such a share points back to ([`of_pronoun`]): a figure of the sentence before
/// the share's, not named as an earlier value ("dropped to 930 from 1,100 … a quarter of
/// those loans": 930, not 1,100).
fn anaphoric_whole(cx: &Context, s: usize, w: usize) -> bool {
    w < s && cx.sentences_apart(w, s) == 1 && !cx.cues(w).marked_old
}

/// The whole of "205 of 240", "120 of its 400 patients", "6,300 of the 9,800": the
/// figure right after "of" (and a determiner) after the part.
fn whole_after(cx: &Context, p: usize) -> Option<usize> {
    let w = p + 1;
    let between = frames::between(cx, p, w)?;
    let l: Vec<&str> = frames::lower(cx, between).collect();
    let ok = matches!(
        l.as_slice(),
        ["of"] | ["of", _] | ["out", "of"] | ["out", "of", _]
    ) && l
        .get(1)
        .is_none_or(|d| matches!(*d, "of" | "the" | "its" | "their" | "all" | "his" | "her" | "our"));
    (ok && cx.claim(w).is_some_and(operand)).then_some(w)
}

/// The noun a share is "of": "30% of the district's students" → student. Determiners,
/// possessives and pronouns are skipped; none when a figure comes first.
fn of_noun(cx: &Context, s: usize) -> Option<String> {
    let after = frames::after(cx, s);
    if !frames::starts_with(cx, after, "of") {
        return None;
    }
    for t in after.iter().skip(1).take(5) {
        if t.kind != crate::tokens::TokenKind::Word {
            return None;
        }
        let w = cx.doc.tokens.lower(t);
        const SKIP: &[&str] = &[
            "the", "a", "an", "its", "their", "all", "these", "those", "this", "that", "his", "her", "our",
            "your", "them", "us", "who", "which",
        ];
        if SKIP.contains(&w) || w.ends_with("'s") {
            continue;
        }
        return Some(crate::relate::measure::stem(w));
    }
    None
}

/// True when claim `k` is a figure of the noun stem `n`: its counted noun, or a word of
/// its subject right before it ("national fares grew 4% to $2.6 billion").
fn names_whole(cx: &Context, k: usize, n: &str) -> bool {
    let f = cx.fact(k);
    f.noun.as_deref() == Some(n) || f.subject.iter().take(4).any(|w| w == n)
}

/// The head noun of the phrase after a share's "of" ("30% of national fares" →
/// fare; "half of the city's road budget in 2020" → budget): within six tokens after
/// "of", past any leading stop words and possessives, the last word before the next stop
/// word, possessive or punctuation, as a stem.
fn of_head(cx: &Context, s: usize) -> Option<String> {
    let after = frames::after(cx, s);
    if !frames::starts_with(cx, after, "of") {
        return None;
    }
    let mut head = None;
    for t in after.iter().skip(1).take(6) {
        let w = cx.doc.tokens.lower(t);
        if t.kind != crate::tokens::TokenKind::Word {
            break;
        }
        if crate::extract::context::is_stop(w) || w.ends_with("'s") {
            if head.is_some() {
                break;
            }
            continue;
        }
        head = Some(w);
    }
    head.map(crate::relate::measure::stem)
}

/// "12% of the operating budget ($70.0 million)": figure `w` stands in brackets right after
/// share `s`'s "of" phrase (at most six words), naming the whole that phrase names.
fn bracketed_whole(cx: &Context, s: usize, w: usize) -> bool {
    let Some(between) = frames::between(cx, s, w) else {
        return false;
    };
    let words: Vec<&str> = frames::lower(cx, between).collect();
    words.first() == Some(&"of")
        && words.last() == Some(&"(")
        && words.len() <= 8
        && words
            .iter()
            .filter(|w| matches!(**w, "," | ";" | "(" | ")"))
            .count()
            == 1
}
