//! ## What it checks
//! A percent change said to follow from others: two successive changes of one quantity
//! ("fell 14% from 2014 to 2019 and another 11.7% since, 25.7% in all") compound, they do
//! not add.
//!
//! ## Why it matters
//! Adding percentages instead of compounding them is a classic slip.
//!
//! ## Example
//! "Enrollment fell 14.0% from 2014 to 2019 and 11.7% since, a drop of 25.7% in all." →
//! (1 − 0.14)(1 − 0.117) − 1 = −24.1%; 25.7% is the two added, contradicted.
//!
//! ## Not flagged
//! Changes with no words tying them together ("in all", "over the period", "combined"),
//! changes that are not one after another ("another", "then", "again", "since", two
//! periods named), and changes of different things.

use super::Rule;
use crate::claim::{Claim, Role};
use crate::finding::fmt_num;
use crate::interval::{Value, Verdict};
use crate::relate::frames::{self, Words};
use crate::relate::measure::{Dim, dimension};
use crate::relate::{Context, Direction, Formula, Reading, Relation};

/// The `compound-change` rule.
pub struct CompoundChange;

const ID: &str = "compound-change";

/// Words that say a change is the total of changes before it.
#[rustfmt::skip]
const OVERALL: Words = Words(&[
    "overall", "total", "combined", "cumulative", "cumulatively", "together", "altogether",
]);

/// Spans a change "over the …" can run across.
#[rustfmt::skip]
const SPANS: Words = Words(&["period", "decade", "span", "years", "months", "quarters", "stretch"]);

/// Words that make a change the next of a series ("and another 11.7%", "then 5%").
#[rustfmt::skip]
const NEXT: Words = Words(&["another", "then", "again", "further", "additional", "since", "next", "later"]);

impl Rule for CompoundChange {
    fn id(&self) -> &str {
        ID
    }

    fn summary(&self) -> &str {
        "Successive percent changes of one quantity compound, they do not add."
    }

    fn examples(&self) -> Vec<(&str, Verdict)> {
        vec![
            (
                "Enrollment fell 14.0% from 2014 to 2019 and another 11.7% since, a drop of 25.7% in all.",
                Verdict::Contradicted,
            ),
            (
                "Sales rose 10% in 2023 and 10% again in 2024, a combined increase of 21%.",
                Verdict::Consistent,
            ),
        ]
    }

    fn doc(&self) -> String {
        super::module_doc(include_str!("compound_change.rs"))
    }

    fn propose(&self, cx: &Context) -> Vec<Reading> {
        let mut out = Vec::new();
        for (s, c) in cx.claims.iter().enumerate() {
            if change(cx, s, c) {
                propose_for(cx, s, c, &mut out);
            }
        }
        out
    }
}

/// A percentage that states a change.
fn change(cx: &Context, s: usize, c: &Claim) -> bool {
    c.usable()
        && dimension(c) == Some(Dim::Percent)
        && !matches!(c.role, Role::Projection | Role::PerBase)
        && (c.role == Role::Change || frames::direction(cx, s) != Direction::Unknown)
}

/// The change as a signed percentage: negative when its clause says it fell.
fn signed(cx: &Context, s: usize, c: &Claim) -> Value {
    let down = frames::direction(cx, s) == Direction::Down && c.value.nominal > 0.0;
    if down { c.value.scale(-1.0) } else { c.value }
}

fn cue(cx: &Context, s: usize, set: Words) -> bool {
    let (before, after) = frames::clause(cx, s);
    frames::words(cx, before).rev().take(6).any(|w| set.has(w))
        || frames::words(cx, after).take(4).any(|w| set.has(w))
}

/// "in all", "over the decade", "across the two years": the change spans the others.
fn spans_all(cx: &Context, s: usize) -> bool {
    let (_, after) = frames::clause(cx, s);
    let w: Vec<&str> = frames::words(cx, after).take(5).collect();
    let in_all = w.windows(2).any(|p| p == ["in", "all"]);
    let over = w
        .iter()
        .position(|x| *x == "over" || *x == "across")
        .is_some_and(|i| w.iter().skip(i + 1).take(3).any(|x| SPANS.has(x)));
    in_all || over || cue(cx, s, OVERALL)
}

fn propose_for(cx: &Context, s: usize, c: &Claim, out: &mut Vec<Reading>) {
    if !spans_all(cx, s) {
        return;
    }
    let earlier: Vec<usize> = cx
        .candidates(s, 1, 6, |k| {
            k < s && cx.claim(k).is_some_and(|x| change(cx, k, x))
        })
        .into_iter()
        .collect();
    let stated = signed(cx, s, c);
    for (i, &a) in earlier.iter().enumerate() {
        for &b in earlier.iter().skip(i + 1) {
            let (first, second) = if a < b { (a, b) } else { (b, a) };
            let (Some(ca), Some(cb)) = (cx.claim(first), cx.claim(second)) else {
                continue;
            };
            // Changes of one quantity, one after another: not two different things.
            if crate::relate::measure::noun_fit(cx.own_noun(first), cx.own_noun(second))
                == crate::relate::measure::NounFit::Different
            {
                continue;
            }
            let successive = cue(cx, second, NEXT)
                || matches!((cx.fact(first).year, cx.fact(second).year), (Some(x), Some(y)) if x != y);
            let apart = frames::between(cx, first, second).is_some_and(|t| frames::word_count(t) <= 12);
            if !successive {
                continue;
            }
            let (va, vb) = (signed(cx, first, ca), signed(cx, second, cb));
            let mut e = cx.base_evidence(s, &[first, second]);
            e.frame = if apart && cx.sentences_apart(first, s) == 0 {
                1.0
            } else {
                0.6
            };
            e.cue = 1.0;
            Context::noun_evidence(&mut e, &[(cx.own_noun(first), cx.own_noun(second))]);
            let Some(r) = Reading::new(
                ID,
                Relation::Compound,
                s,
                stated,
                vec![(first, "change", va), (second, "change", vb)],
                Formula::Compound,
                e,
            ) else {
                continue;
            };
            let added = va.nominal + vb.nominal;
            let exact =
                (added.abs() - c.value.nominal.abs()).abs() <= 0.5 * (c.value.high - c.value.low) + 1e-9;
            let slip = exact.then(|| {
                format!(
                    "the stated figure is the two changes added ({}%), not compounded: a classic slip.",
                    fmt_num(added.abs())
                )
            });
            out.push(r.with_slip(slip).with_unit(Some("percent".into())));
        }
    }
}
