//! Finding the claims that talk about the same thing: same kind, same counted noun (or a
//! synonym from a small lexicon of role nouns), compatible time anchors, and nearness in
//! the text. Candidates are filtered by kind and noun before distance is looked at, and
//! searched within a bounded window of sentences, so linking stays near-linear.

use crate::claim::{Claim, Kind, Role};
use crate::extract::context::same_time;
use crate::interval::Hedge;

/// How many sentences away a linked figure may be.
pub const WINDOW: usize = 12;

/// Nouns that name the same sort of thing in news copy; a generic English lexicon.
const SYNONYMS: &[&[&str]] = &[
    &[
        "officer",
        "agent",
        "staffer",
        "employee",
        "worker",
        "personnel",
        "staff",
        "official",
    ],
    &["judge", "magistrate", "justice"],
    &["student", "pupil", "learner"],
    &[
        "resident",
        "person",
        "inhabitant",
        "citizen",
        "people",
        "individual",
    ],
    &["doctor", "physician", "clinician"],
    &["nurse", "caregiver"],
    &["teacher", "educator", "instructor"],
];

/// True when two counted nouns name the same thing.
pub fn same_noun(a: &str, b: &str) -> bool {
    a == b || SYNONYMS.iter().any(|g| g.contains(&a) && g.contains(&b))
}

/// The unit two claims must share to be compared: counted noun for counts, currency for
/// money, "percent" for percentages.
pub fn same_unit(a: &Claim, b: &Claim) -> bool {
    if a.kind != b.kind {
        return false;
    }
    match (a.kind, &a.unit, &b.unit) {
        (Kind::Count, Some(x), Some(y)) => x == y,
        (Kind::Money | Kind::Percent, Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// True when a claim is a plain stated value a rule may use as an input.
pub fn plain_value(c: &Claim) -> bool {
    value_per(c, None)
}

/// A usable, stated value (not a change, not an average) whose per-unit is `per`: `None`
/// for a plain figure, `Some("month")` for a rate such as "300 million gallons a month".
pub fn value_per(c: &Claim, per: Option<&str>) -> bool {
    c.usable() && c.role == Role::Value && c.per.as_deref() == per && c.per_count.is_none() && !c.average
}

/// True when two claims' time anchors do not name different times.
pub fn compatible_time(a: &Claim, b: &Claim) -> bool {
    match (&a.time, &b.time) {
        (Some(x), Some(y)) => same_time(x, y),
        _ => true,
    }
}

/// Sentence distance between two claims.
pub fn distance(a: &Claim, b: &Claim) -> usize {
    a.sentence.abs_diff(b.sentence)
}

/// Unhedged figures before approximate ones, before bounds.
pub fn hedge_rank(c: &Claim) -> u8 {
    match c.hedge {
        Hedge::Exact => 0,
        Hedge::Approx => 1,
        _ => 2,
    }
}

/// A ranking key for candidate inputs: same anchor first, unhedged before bounds, then
/// nearest, earlier before later.
pub fn rank(target: &Claim, c: &Claim) -> (u8, u8, usize, u8) {
    let anchor = match (&target.time, &c.time) {
        (None, None) => 0,
        (Some(x), Some(y)) if same_time(x, y) => 0,
        (Some(_), None) => 1,
        _ => 2,
    };
    let hedge = hedge_rank(c);
    let after = u8::from(c.span.start > target.span.start);
    (anchor, hedge, distance(target, c), after)
}

/// The best candidate among claims satisfying `accept`, within [`WINDOW`] sentences.
pub fn best<'a>(target: &Claim, claims: &'a [Claim], accept: impl Fn(&Claim) -> bool) -> Option<&'a Claim> {
    claims
        .iter()
        .filter(|c| c.id != target.id && distance(target, c) <= WINDOW && accept(c))
        .min_by_key(|c| rank(target, c))
}

/// Content words before a claim in its sentence (up to twelve), cut to four letters:
/// what the figure is about ("December sales jumped" → dece, sale, jump). Two figures
/// whose subjects share words talk about the same thing more likely than not.
pub fn subject_stems(doc: &crate::document::Document, c: &Claim) -> Vec<String> {
    let range = doc.sentence_range(c.sentence);
    let from = range
        .start
        .max(c.span.start.saturating_sub(200))
        .min(c.span.start);
    let from = crate::extract::hedge::floor_char_boundary(&doc.text, from);
    let before = doc.text.get(from..c.span.start).unwrap_or("");
    before
        .split(|ch: char| !ch.is_alphabetic())
        .filter(|w| w.len() > 2 && !crate::extract::context::is_stop(w))
        .rev()
        .take(12)
        .map(|w| w.to_lowercase().chars().take(4).collect())
        .collect()
}

/// How many subject stems two claims share.
pub fn subject_overlap(doc: &crate::document::Document, a: &Claim, b: &Claim) -> usize {
    let sa = subject_stems(doc, a);
    let mut sb = subject_stems(doc, b);
    sb.sort();
    sb.dedup();
    sb.iter().filter(|w| sa.contains(w)).count()
}

/// Same kind, and the same unit where both name one (a bare headline figure matches a
/// counted one).
pub fn same_measure(a: &Claim, b: &Claim) -> bool {
    if a.kind != b.kind {
        return false;
    }
    match (&a.unit, &b.unit) {
        (Some(x), Some(y)) => x == y || (a.kind == Kind::Count && same_noun(x, y)),
        _ => a.kind == Kind::Count,
    }
}
