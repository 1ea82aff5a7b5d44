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
    for &a in &ends {
        for &b in &ends {
            let (Some(ca), Some(cb)) = (cx.claim(a), cx.claim(b)) else {
                continue;
            };
            if a == b || !same_dimension(ca, cb) || ca.value.nominal <= 0.0 {
                continue;
            }
            let mut e = change_evidence(cx, s, a, b, d);
            // "three times the $2 billion": the base right after the multiplier.
            if frames::between(cx, s, a).is_some_and(|t| frames::word_count(t) <= 2)
                && cx.fact(a).tokens.start > cx.fact(s).tokens.start
            {
                e.frame = e.frame.max(0.9);
            }
            // "since 2021 … when she took office in 2021 … 3.7 million": a shared year.
            let sy = cx.fact(s).year;
            if sy.is_some() && cx.fact(a).year == sy && cx.sentences_apart(a, s) <= 1 {
                e.time_fit = 1.0;
                e.frame = e.frame.max(0.6);
            }
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
}
