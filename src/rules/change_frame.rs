//! Change frames: the figures one sentence gives about one change — the relative change
//! ("rose 15%", "a 2.3 percent drop", "fell by a third"), the absolute change ("up $30
//! million", "10,000 fewer"), the value before ("from 2.14 million", "compared with
//! 5,863", "than the $72 million") and the value after ("to 2.58 million", "totaling
//! 56,112", or the sentence's other figure of the same unit). `percent-change` and
//! `absolute-change` read these frames; building them once keeps the two rules agreeing
//! on which figure is which.

use super::linking::{distance, same_measure};
use super::{Context, sharpen_pair};
use crate::claim::{Claim, Kind, Role};
use crate::extract::hedge::floor_char_boundary;
use crate::interval::Value;
use regex::Regex;
use std::sync::LazyLock;

/// Which way a sentence says the quantity moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// rose, up, increase, jumped…
    Up,
    /// fell, down, decrease, fewer…
    Down,
    /// The sentence does not say.
    Unknown,
}

/// The figures of one change.
#[derive(Debug, Clone)]
pub struct ChangeFrame<'a> {
    /// The stated relative change: a percent, points, or a fraction ("a third").
    pub relative: Option<&'a Claim>,
    /// The stated absolute change.
    pub delta: Option<&'a Claim>,
    /// The value before the change.
    pub old: Option<&'a Claim>,
    /// The value after the change.
    pub new: Option<&'a Claim>,
    /// True when `new` was taken from an earlier sentence ("added 95 judges" after "735 judges").
    pub new_from_context: bool,
    /// Which way the sentence says it moved.
    pub direction: Direction,
}

static DOWN_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"(?i)(?-u:\b)(?:fell|fall|falls|falling|down|decreas\w*|declin\w*|drop\w*|dropp\w*|fewer|less|lower|lost|loss|cut|cuts|reduc\w*|shr[iu]nk\w*|slipp\w*|slip|slid\w*|dip\w*|sank|tumbl\w*|plung\w*|halv\w*)(?-u:\b)",
    )
});

static OLD_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"(?i)(?:(?-u:\b)from(?:\s+(?:the|its|their|an?))?|(?-u:\b)compared\s+(?:with|to)|(?-u:\b)than(?:\s+(?:the|in|its|their))?|(?-u:\b)over\s+(?:the\s+|this\s+year's\s+|last\s+year's\s+|a\s+year\s+earlier\s+)?|(?-u:\b)up\s+from|(?-u:\b)down\s+from)\s*$",
    )
});

static NEW_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"(?i)(?:(?-u:\b)to|(?-u:\b)reached|(?-u:\b)reaching|(?-u:\b)total(?:l?ing|l?ed)?|(?-u:\b)now|(?-u:\b)at)\s*$")
});

fn words_before<'a>(text: &'a str, c: &Claim, n: usize) -> &'a str {
    let from = floor_char_boundary(text, c.span.start.saturating_sub(n));
    text.get(from..c.span.start).unwrap_or("")
}

/// A figure that can be the value before or after a change.
fn endpoint(c: &Claim) -> bool {
    c.usable()
        && matches!(c.kind, Kind::Count | Kind::Money | Kind::Percent)
        && matches!(c.role, Role::Value)
        && c.per.is_none()
}

/// The change frames of a document, one per sentence that states a change with at least
/// two of its figures.
pub fn frames<'a>(cx: &'a Context) -> Vec<ChangeFrame<'a>> {
    let text = cx.doc.text.as_str();
    let mut out = Vec::new();
    let mut i = 0;
    let claims = cx.claims;
    while i < claims.len() {
        let sentence = claims.get(i).map_or(0, |c| c.sentence);
        let mut j = i;
        while claims.get(j).is_some_and(|c| c.sentence == sentence) {
            j += 1;
        }
        let in_sentence: Vec<&Claim> = claims
            .get(i..j)
            .unwrap_or(&[])
            .iter()
            .filter(|c| !c.debris)
            .collect();
        i = j;
        if let Some(f) = frame_of(cx, text, &in_sentence) {
            out.push(f);
        }
    }
    out
}

fn frame_of<'a>(cx: &'a Context, text: &str, in_sentence: &[&'a Claim]) -> Option<ChangeFrame<'a>> {
    let relative = in_sentence
        .iter()
        .copied()
        .find(|c| c.usable() && c.role == Role::Change && matches!(c.kind, Kind::Percent | Kind::Fraction));
    let delta = in_sentence
        .iter()
        .copied()
        .find(|c| c.usable() && c.role == Role::Change && matches!(c.kind, Kind::Count | Kind::Money));
    if relative.is_none() && delta.is_none() {
        return None;
    }
    let measure = delta;
    let candidates: Vec<&Claim> = in_sentence
        .iter()
        .copied()
        .filter(|c| endpoint(c) && measure.is_none_or(|d| same_measure(c, d)))
        .filter(|c| relative.is_none_or(|r| r.id != c.id))
        .collect();
    let old = candidates
        .iter()
        .copied()
        .find(|c| OLD_MARKER.is_match(words_before(text, c, 30)));
    let others: Vec<&Claim> = candidates
        .iter()
        .copied()
        .filter(|c| old.is_none_or(|o| o.id != c.id && same_measure(c, o)))
        .collect();
    let new = others
        .iter()
        .copied()
        .find(|c| NEW_MARKER.is_match(words_before(text, c, 12)))
        .or_else(|| match (old, delta) {
            // The sentence's other figure of the same measure, the closest in size.
            (Some(o), _) => others
                .iter()
                .copied()
                .min_by(|a, b| log_gap(a, o).total_cmp(&log_gap(b, o))),
            // "$150 million for debt service, up $30 million": the figure the change follows.
            (None, Some(d)) => others.iter().copied().rfind(|c| c.span.start < d.span.start),
            (None, None) => None,
        });
    let (new, new_from_context) = match (new, old, delta) {
        (None, None, Some(d)) if d.kind == Kind::Count => (earlier_total(cx, d), true),
        (n, _, _) => (n, false),
    };
    let sentence_text = in_sentence
        .first()
        .map(|c| cx.doc.sentence_text(c.sentence))
        .unwrap_or("");
    let direction = if DOWN_WORDS.is_match(sentence_text) {
        Direction::Down
    } else {
        Direction::Up
    };
    let usable = [relative.is_some(), delta.is_some(), old.is_some(), new.is_some()]
        .iter()
        .filter(|b| **b)
        .count();
    (usable >= 3 || (relative.is_some() && old.is_some() && new.is_some())).then_some(ChangeFrame {
        relative,
        delta,
        old,
        new,
        new_from_context,
        direction,
    })
}

fn log_gap(a: &Claim, b: &Claim) -> f64 {
    let r = (a.value.nominal / b.value.nominal).abs();
    if r.is_finite() && r > 0.0 {
        r.ln().abs()
    } else {
        f64::INFINITY
    }
}

/// Which way a sentence says a quantity moved.
pub fn direction_of(sentence: &str) -> Direction {
    if DOWN_WORDS.is_match(sentence) {
        Direction::Down
    } else {
        Direction::Up
    }
}

/// "The courts added 95 judges": the total the change added to, stated shortly before
/// with the same counted noun.
fn earlier_total<'a>(cx: &'a Context, delta: &Claim) -> Option<&'a Claim> {
    let noun = delta.unit.as_deref()?;
    if delta.unit_inferred {
        return None;
    }
    cx.near(delta, 3)
        .iter()
        .filter(|c| {
            endpoint(c)
                && c.span.start < delta.span.start
                && distance(c, delta) <= 3
                && !c.unit_inferred
                && c.unit.as_deref() == Some(noun)
                && c.value.nominal > delta.value.nominal
        })
        .max_by_key(|c| c.span.start)
}

/// Before and after values of a frame, as intervals, with the finer precision of the two
/// applied to both ("$170 million" beside "$188 million" is precise to the million).
/// Missing ends are computed from the absolute change when there is one.
pub fn endpoints(f: &ChangeFrame) -> Option<(Value, Value)> {
    let sign = if f.direction == Direction::Down { -1.0 } else { 1.0 };
    match (f.old, f.new, f.delta) {
        (Some(o), Some(n), _) => Some(sharpen_pair(o, n)),
        (None, Some(n), Some(d)) => Some((n.value.minus(d.value.scale(sign)), n.value)),
        (Some(o), None, Some(d)) => Some((o.value, o.value.plus(d.value.scale(sign)))),
        _ => None,
    }
}
