//! The level a change reached, when its sentence names only where it started.
//!
//! News copy states a measure's level first, in the headline or the lede, and its history
//! later: "Median rent reached $1,600 a month this year … In 2019 the median rent was
//! $1,250; rents have risen 28% since then", "Jail population hits 2,400 … The jail
//! population has doubled since 2016, when it stood at about 1,150". The change's own sentence
//! names its start and no end; the end is the article's level of that measure.
//!
//! [`start_only`] says when a figure is such a start; [`levels`] lists the figures of the
//! headline and lede, and the key figures (`Context::key`), that may be the level, in
//! text order. The first of them is the article's own statement of the level; later ones
//! are other places, groups or times more often than not, and rules weigh them lower.
//! Change rules take the pairs to weigh from [`pairs`] and set each pair's evidence with
//! [`apply`].

use super::Context;
use super::frames;
use super::measure::{NounFit, noun_fit, same_dimension};
use crate::interval::Hedge;

/// Is claim `a` the named start of the change stated by claim `s`, with no figure of its
/// measure beside them that could be the end?
///
/// A start is named in the change's sentence ("from", "compared with", "above the",
/// "when it stood at"), or is the figure before a change "since then" in its sentence
/// ("In 2019 the rent was $1,250; rents have risen 28% since then"), or opens the next
/// sentence with "when" after a change "since" a time ("… has more than doubled since he
/// took office. When he took office, the number was 3.7 million").
pub fn start_only(cx: &Context, s: usize, a: usize) -> bool {
    let (Some(cs), Some(ca)) = (cx.claim(s), cx.claim(a)) else {
        return false;
    };
    let after_s: Vec<&str> = frames::words(cx, frames::after(cx, s)).take(6).collect();
    let since = after_s.contains(&"since");
    let named = if ca.sentence == cs.sentence {
        frames::preceded_by(cx, a, START)
            || frames::marked_earlier(cx, a)
            || (a < s && after_s.first() == Some(&"since") && after_s.get(1) == Some(&"then"))
    } else {
        ca.sentence == cs.sentence + 1 && since && starts_with_when(cx, a)
    };
    if !named {
        return false;
    }
    // Nothing else of the start's kind in the sentences read (a count beside a count,
    // money beside money, naming no other noun) that is not itself named a start: no end
    // is named.
    let (lo, hi) = (cs.sentence.min(ca.sentence), cs.sentence.max(ca.sentence));
    !cx.near(s, 1).any(|k| {
        k != a
            && k != s
            && cx.claim(k).is_some_and(|x| {
                (lo..=hi).contains(&x.sentence)
                    && x.usable()
                    && x.role != crate::claim::Role::Change
                    && x.kind == ca.kind
                    && noun_fit(cx.noun(k), cx.noun(a)) != NounFit::Different
                    && !frames::preceded_by(cx, k, START)
            })
    })
}

/// Words right before a figure that name it the start of a change in its sentence.
const START: &[&str] = &[
    "from",
    "compared with",
    "compared to",
    "above",
    "below",
    "up from",
    "down from",
];

/// True when claim `a`'s sentence opens with "when" ("When he took office, …").
fn starts_with_when(cx: &Context, a: usize) -> bool {
    frames::words(cx, frames::before(cx, a)).next() == Some("when")
}

/// The figures of the headline and lede, the key figures, and those of the sentence just
/// before the change's (in its paragraph or list), that may be the level
/// reached by the change stated by `s` from start `a` ([`start_only`]), in text order: of the start's measure, outside the sentences of
/// `s` and `a`, not themselves a start, a bound or the start's own value, naming no
/// other noun, and dated no earlier than the start.
pub fn levels(cx: &Context, s: usize, a: usize) -> Vec<usize> {
    let (Some(cs), Some(ca)) = (cx.claim(s), cx.claim(a)) else {
        return Vec::new();
    };
    let lede = cx
        .claims
        .iter()
        .take_while(|x| x.sentence < LEDE_SENTENCES)
        .count();
    // The sentence right before the change's, in its paragraph or list, may state the
    // level too ("… in a workforce of 52,400. The workforce grew 3.1% from 50,800").
    let before = cs.sentence.checked_sub(1);
    let item = cx.fact(s).item.map(|(list, _)| list);
    let previous = cx.near(s, 1).filter(|&k| {
        cx.claim(k).is_some_and(|x| {
            Some(x.sentence) == before
                && (x.paragraph == cs.paragraph
                    || (item.is_some() && cx.fact(k).item.map(|(l, _)| l) == item))
        })
    });
    let mut out: Vec<usize> = (0..lede).chain(cx.key.iter().copied()).chain(previous).collect();
    out.sort_unstable();
    out.dedup();
    out.retain(|&k| {
        let Some(x) = cx.claim(k) else { return false };
        if !super::is_input(x) || x.role == crate::claim::Role::Change || !same_dimension(x, ca) {
            return false;
        }
        let cues = cx.cues(k);
        let dated_before = matches!((cx.fact(k).year, cx.fact(a).year), (Some(y), Some(ya)) if y < ya);
        x.sentence != cs.sentence
            && x.sentence != ca.sentence
            && k != s
            && !cues.marked_old
            && !cues.old_strong
            && matches!(x.hedge, Hedge::Exact | Hedge::Approx)
            && x.value.nominal != ca.value.nominal
            && !x.average
            && x.per_count.is_none()
            && (x.per == ca.per || (ca.per.is_none() && period(x.per.as_deref())))
            && (0.1..=10.0).contains(&(x.value.nominal / ca.value.nominal))
            && same_subject(cx, s, k)
            && noun_fit(cx.noun(k), cx.noun(a)) != NounFit::Different
            && !dated_before
    });
    out
}

/// True when the change's subject words are the level's: a subject stem of `s` is one of
/// level `k`'s, or of another mention of the level's value in the headline or lede
/// ("Jail population hits 2,400" above "the jail held 2,400 inmates").
/// "The tram line has more than doubled" is not the network's 21.4 million trips.
fn same_subject(cx: &Context, s: usize, k: usize) -> bool {
    let Some(v) = cx.claim(k).map(|x| x.value.nominal) else {
        return false;
    };
    cx.shared_subject(s, k) > 0
        || cx
            .claims
            .iter()
            .enumerate()
            .take_while(|(_, x)| x.sentence < LEDE_SENTENCES)
            .any(|(j, x)| j != k && x.value.nominal == v && cx.shared_subject(s, j) > 0)
}

/// True for a period ("$1,585 a month" is the rent of "$1,242").
fn period(per: Option<&str>) -> bool {
    per.is_some_and(|p| super::measure::PERIODS.iter().any(|(name, _)| *name == p))
}

/// The headline and the lede: the sentences before this one.
const LEDE_SENTENCES: usize = 3;

/// How strongly the words tie a change to the first level [`levels`] lists.
pub const FIRST_LEVEL_FRAME: f64 = 0.85;

/// How strongly they tie it to a later one.
pub const LATER_LEVEL_FRAME: f64 = 0.3;

/// For stated change `s` and its candidate ends: every (start, level, frame) where the
/// start is one of `ends` named alone ([`start_only`]) and the level is one of its
/// [`levels`], the first with [`FIRST_LEVEL_FRAME`], later ones with [`LATER_LEVEL_FRAME`].
pub fn anchored(cx: &Context, s: usize, ends: &[usize]) -> Vec<(usize, usize, f64)> {
    let mut out = Vec::new();
    for &a in ends {
        if start_only(cx, s, a) {
            for (n, b) in levels(cx, s, a).into_iter().enumerate() {
                let frame = if n == 0 {
                    FIRST_LEVEL_FRAME
                } else {
                    LATER_LEVEL_FRAME
                };
                out.push((a, b, frame));
            }
        }
    }
    out
}

/// Set the evidence of the reading of change `s` between `a` and `b` where [`anchored`]
/// gives the pair a level: its frame at least the level's, the `level` feature (1 for the
/// first level, 0.5 for a later one), and reach measured to the start ([`reach_to_start`]).
/// Pairs without a level are left as they are.
pub fn apply(
    cx: &Context,
    s: usize,
    anchored: &[(usize, usize, f64)],
    a: usize,
    b: usize,
    e: &mut super::Evidence,
) {
    let Some(f) = anchored_frame(anchored, a, b) else {
        return;
    };
    e.frame = e.frame.max(f);
    e.level = if f >= FIRST_LEVEL_FRAME { 1.0 } else { 0.5 };
    reach_to_start(cx, s, a, e);
}

/// Set the reach of a reading from start `a` to a level: the level is the article's own
/// statement of the measure, so where it stands is no evidence for or against it; reach
/// (clause, sentence, distance, paragraphs, figures between) is measured to the start.
fn reach_to_start(cx: &Context, s: usize, a: usize, e: &mut super::Evidence) {
    let near = cx.base_evidence(s, &[a]);
    e.same_clause = near.same_clause;
    e.same_sentence = near.same_sentence;
    e.distance = near.distance;
    e.paragraphs = near.paragraphs;
    e.intervening = near.intervening;
}

/// The pairs of ends a change rule weighs: every ordered pair of `ends`, then the
/// anchored pairs ([`anchored`]) whose level is not among them.
pub fn pairs(ends: &[usize], anchored: &[(usize, usize, f64)]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = ends
        .iter()
        .flat_map(|&a| ends.iter().map(move |&b| (a, b)))
        .collect();
    out.extend(
        anchored
            .iter()
            .filter(|(_, b, _)| !ends.contains(b))
            .map(|&(a, b, _)| (a, b)),
    );
    out
}

/// The frame [`anchored`] gives the pair (`a`, `b`), if any.
fn anchored_frame(anchored: &[(usize, usize, f64)], a: usize, b: usize) -> Option<f64> {
    anchored
        .iter()
        .find(|(x, y, _)| *x == a && *y == b)
        .map(|(_, _, f)| *f)
}
