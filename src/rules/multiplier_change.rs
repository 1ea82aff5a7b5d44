//! ## What it checks
//! "doubled", "more than doubled", "tripled", "halved", "N-fold", "three times the $2
//! billion", "rose sevenfold, from 2,100 to 11,000" against the values it runs between:
//! after ÷ before must match the multiplier. The values may sit in the sentences around
//! it ("has more than doubled since 2021. When she took office, the number was just under
//! 3.7 million").
//!
//! ## Why it matters
//! Multipliers round hard ("doubled" for 1.8×) and are often computed against the wrong
//! base year.
//!
//! ## Example
//! "Enrollment tripled, from 2,100 students to 4,800." → 4,800 ÷ 2,100 = 2.29,
//! contradicted.
//!
//! ## Not flagged
//! Counts of events ("raised rates five times last year"), and multipliers without two
//! values of one unit around them.

use super::Rule;
use crate::claim::{Claim, Kind};
use crate::interval::Verdict;
use crate::relate::frames::{self, change_evidence};
use crate::relate::level;
use crate::relate::measure::same_dimension;
use crate::relate::{Context, Direction, Formula, Reading, Relation, is_plain, sharpen_pair, value_of};

/// The `multiplier-change` rule.
pub struct MultiplierChange;

const ID: &str = "multiplier-change";

impl Rule for MultiplierChange {
    fn id(&self) -> &str {
        ID
    }

    fn summary(&self) -> &str {
        "A multiplier (doubled, tripled, N times) must match the values it links."
    }

    fn examples(&self) -> Vec<(&str, Verdict)> {
        vec![
            (
                "The number of pending claims has more than doubled since 2021. When she took office in 2021, the number of claims was just under 3.7 million; it has now reached 7.4 million.",
                Verdict::Borderline,
            ),
            (
                "Enrollment tripled, from 2,100 students to 4,800.",
                Verdict::Contradicted,
            ),
            (
                "Revenue reached $9 billion, three times the $3 billion of 2015.",
                Verdict::Consistent,
            ),
            (
                "The shelter took in 2,900 dogs last year, nearly triple the 1,400 it took in two years earlier.",
                Verdict::Contradicted,
            ),
            (
                "The 3,000 members are nearly triple the 1,050 of 2015.",
                Verdict::Consistent,
            ),
            (
                "The league has 40 referees, twice as many as the 16 it had in 2018.",
                Verdict::Contradicted,
            ),
        ]
    }

    fn doc(&self) -> String {
        super::module_doc(include_str!("multiplier_change.rs"))
    }

    fn propose(&self, cx: &Context) -> Vec<Reading> {
        let mut out = Vec::new();
        for (s, c) in cx.claims.iter().enumerate() {
            if c.usable() && c.kind == Kind::Multiplier && !events(cx, s) {
                propose_for(cx, s, c, &mut out);
            }
        }
        out
    }
}

/// "five times last year", "three times this season": a count of events, not a ratio.
fn events(cx: &Context, s: usize) -> bool {
    frames::followed_by(
        cx,
        s,
        &[
            "last", "this", "in", "since", "a", "per", "each", "so", "before", "already", "over", ".", ",",
            "during",
        ],
    ) && !frames::followed_by(
        cx,
        s,
        &[
            "as", "the", "that", "more", "higher", "larger", "bigger", "its", "their",
        ],
    ) && !frames::before(cx, s).last().is_some_and(|t| {
        let w = cx.doc.tokens.lower(t);
        matches!(w, "has" | "have" | "had" | "nearly" | "almost" | "more")
    }) && cx
        .claim(s)
        .is_some_and(|c| c.text.to_lowercase().contains("times"))
}

/// Is claim `a` the base of multiplier `s`: right after it, with at most a determiner or
/// "as many as" between ("three times the $2 billion", "twice as many as the 16")?
fn base_after(cx: &Context, s: usize, a: usize) -> bool {
    if cx.fact(a).tokens.start <= cx.fact(s).tokens.start || a != s + 1 {
        return false;
    }
    let Some(between) = frames::between(cx, s, a) else {
        return false;
    };
    let w: Vec<&str> = frames::words(cx, between).collect();
    let rest = match w.as_slice() {
        [
            "as",
            "many" | "much" | "large" | "high" | "big" | "great",
            "as",
            rest @ ..,
        ] => rest,
        rest => rest,
    };
    rest.len() <= 2
}

/// Is claim `b` the figure just before multiplier `s` in its sentence, tied to it by a
/// comma or a copula and no other figure of its measure ("moved 95,000 crates over
/// the four winter weeks, nearly triple the …", "the 3,150 arrivals are nearly
/// triple the …")?
fn apposed_before(cx: &Context, s: usize, b: usize) -> bool {
    if b >= s || cx.sentences_apart(b, s) != 0 {
        return false;
    }
    let Some(cb) = cx.claim(b) else { return false };
    if (b + 1..s).any(|k| cx.claim(k).is_none_or(|x| same_dimension(x, cb))) {
        return false;
    }
    frames::between(cx, b, s).is_some_and(|t| {
        let l: Vec<&str> = frames::lower(cx, t).collect();
        let commas = l.iter().filter(|w| **w == ",").count();
        // The tie is the last comma or copula; after it, at most two hedge words.
        let tie = l
            .iter()
            .rposition(|w| matches!(*w, "," | "is" | "are" | "was" | "were" | "been"));
        let copula = tie.is_some_and(|p| l.get(p) != Some(&","));
        tie.is_some_and(|p| t.get(p + 1..).is_some_and(|r| frames::word_count(r) <= 2))
            && (commas == 1 || (copula && commas == 0))
            && frames::word_count(t) <= 10
            && !l.iter().any(|w| matches!(*w, "and" | "but" | "while" | "or"))
    })
}

fn propose_for(cx: &Context, s: usize, c: &Claim, out: &mut Vec<Reading>) {
    let d = if c.value.nominal < 1.0 {
        Direction::Down
    } else {
        Direction::Up
    };
    let ends = cx.candidates(s, 3, 14, |k| {
        cx.claim(k)
            .is_some_and(|x| is_plain(x) && matches!(x.kind, Kind::Count | Kind::Money | Kind::Percent))
            && !frames::names_difference(cx, k)
    });
    // "has quadrupled since 2015, when it stood at about 460,000": the start named, the end
    // the article's level of the measure (`relate::level`).
    let anchored = level::anchored(cx, s, &ends);
    for (a, b) in level::pairs(&ends, &anchored) {
        let (Some(ca), Some(cb)) = (cx.claim(a), cx.claim(b)) else {
            continue;
        };
        // Two ends printed alike ("£1.4bn expected … the £1.4bn of last month") are
        // two mentions of one level, not a change between them.
        if a == b
            || ca.value.nominal == cb.value.nominal
            || !same_dimension(ca, cb)
            || ca.value.nominal <= 0.0
        {
            continue;
        }
        let mut e = change_evidence(cx, s, a, b, d);
        // "three times the $2 billion", "twice as many as the 16": the base right after
        // the multiplier; and when the figure just before the multiplier, in its
        // sentence, is set beside it by a comma ("95,000 crates, nearly triple the
        // 208,000"), that figure is what the base was multiplied to.
        if base_after(cx, s, a) {
            e.frame = e.frame.max(0.9);
            if apposed_before(cx, s, b) {
                e.frame = 1.0;
            }
        }
        // "since 2021 … when she took office in 2021 … 3.7 million": a shared year.
        let sy = cx.fact(s).year;
        if sy.is_some() && cx.fact(a).year == sy && cx.sentences_apart(a, s) <= 1 {
            e.time_fit = 1.0;
            e.frame = e.frame.max(0.6);
        }
        level::apply(cx, s, &anchored, a, b, &mut e);
        let (va, vb) = sharpen_pair(ca, cb);
        let Some(r) = Reading::new(
            ID,
            Relation::Multiplier,
            s,
            value_of(c),
            vec![(a, "before", va), (b, "after", vb)],
            Formula::Multiplier,
            e,
        ) else {
            continue;
        };
        out.push(r.with_unit(Some("times".into())));
    }
}
