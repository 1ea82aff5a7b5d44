//! ## What it checks
//! The same measure stated twice, anywhere in the article: a headline or summary figure
//! against the body's ("more than 7 million" and "7.4 million"), a figure in a list
//! against the same figure in the text, a table cell against its mention. Two statements
//! of one measure must agree within their rounding and hedges.
//!
//! ## Why it matters
//! Copy edited in several passes often updates a figure in one place only.
//!
//! ## Example
//! "The district employs 1,012 teachers. … The union says all 1,102 teachers in the
//! district will strike." → the same digits in another order, contradicted.
//!
//! ## Not flagged
//! Figures of different years, different nouns or different subjects, which are
//! different measures that happen to be close.

use super::Rule;
use crate::claim::{Claim, Kind, Role};
use crate::interval::Verdict;
use crate::relate::measure::{Dim, NounFit, dimension, noun_fit};
use crate::relate::{Context, Formula, Reading, Relation, magnitude, value_of};
// Looked up by key, never iterated: a fast hash.
use rustc_hash::FxHashMap as HashMap;

/// The `repeated-figure` rule.
pub struct RepeatedFigure;

const ID: &str = "repeated-figure";

/// How many earlier figures of one size a figure is compared with.
const PER_BUCKET: usize = 10;

impl Rule for RepeatedFigure {
    fn id(&self) -> &str {
        ID
    }

    fn summary(&self) -> &str {
        "The same measure stated twice must agree."
    }

    fn examples(&self) -> Vec<(&str, Verdict)> {
        vec![
            (
                "Backlog tops 7 million cases\n\nThe backlog of pending cases has reached 7.4 million, officials said.",
                Verdict::Consistent,
            ),
            (
                "The district employs 1,012 teachers this year. Class sizes are small. The union says all 1,102 teachers in the district will strike this year.",
                Verdict::Contradicted,
            ),
        ]
    }

    fn doc(&self) -> String {
        super::module_doc(include_str!("repeated_figure.rs"))
    }

    /// Two different figures are one measure stated twice only when they count the same
    /// noun for the same time, and the words say they are the same: a transposition of
    /// digits, the subject words around both, or a headline restating the body.
    fn may_flag(&self, r: &Reading) -> bool {
        let e = &r.evidence;
        // A sentence, a list item or a table row never restates its own figure: two
        // figures there are two measures.
        let apart = e.same_sentence == 0.0 && e.structure == 0.0;
        apart
            && e.noun_same >= 1.0
            && e.time_clash == 0.0
            && (e.cue >= 1.0 || e.subject >= 0.66 || e.headline >= 1.0)
    }

    fn propose(&self, cx: &Context) -> Vec<Reading> {
        let mut out = crate::relate::readings_for(cx, 1);
        // Earlier figures by (dimension, size), so each figure meets a bounded number of
        // candidates: linear in the length of the document.
        let mut index: HashMap<(u8, i32), Vec<usize>> = HashMap::default();
        // And by the digits they print: the same figure printed again is always a
        // candidate, however many figures lie between.
        let mut printed: HashMap<(u8, String), Vec<usize>> = HashMap::default();
        let forms = Printed::new(cx);
        for (s, c) in cx.claims.iter().enumerate() {
            let Some(key) = key(c) else { continue };
            let mut seen: Vec<usize> = Vec::new();
            if let Some(list) = printed.get(&(key.0, forms.digits(s).to_string())) {
                for &a in list.iter().rev().take(3) {
                    seen.push(a);
                    if let Some(r) = reading(cx, &forms, a, s) {
                        out.push(r);
                    }
                }
            }
            for b in [key.1 - 1, key.1, key.1 + 1] {
                let Some(list) = index.get(&(key.0, b)) else {
                    continue;
                };
                for &a in list.iter().rev().take(PER_BUCKET) {
                    if seen.contains(&a) {
                        continue;
                    }
                    if let Some(r) = reading(cx, &forms, a, s) {
                        out.push(r);
                    }
                }
            }
            index.entry(key).or_default().push(s);
            printed
                .entry((key.0, forms.digits(s).to_string()))
                .or_default()
                .push(s);
        }
        out
    }
}

/// Dimension and binary order of magnitude of a figure that can be repeated.
fn key(c: &Claim) -> Option<(u8, i32)> {
    if !c.usable() || matches!(c.role, Role::Projection | Role::PerBase) || c.value.nominal == 0.0 {
        return None;
    }
    let d = match dimension(c)? {
        Dim::Count => 0,
        Dim::Money(_) => 1,
        Dim::Percent => 2,
        Dim::Points => 3,
        Dim::Multiplier => 4,
        Dim::Fraction => 5,
        Dim::Duration => 6,
        Dim::Occasions | Dim::Rank => return None,
    };
    let sign = if c.value.nominal < 0.0 { 100 } else { 0 };
    Some((d, c.value.nominal.abs().log2().floor() as i32 + sign))
}

/// The digits of a figure's text: "$42.9 million" and "42.9 million" write one number.
fn digits(c: &Claim) -> String {
    c.text
        .chars()
        .filter(|ch| ch.is_ascii_digit() || *ch == '.')
        .collect()
}

/// The [`digits`] of every claim of a document and those digits sorted (without the
/// point), worked out once: each figure is compared with dozens of others.
struct Printed {
    digits: Vec<String>,
    sorted: Vec<Vec<u8>>,
}

impl Printed {
    fn new(cx: &Context) -> Self {
        let digits: Vec<String> = cx.claims.iter().map(digits).collect();
        let sorted = digits
            .iter()
            .map(|d| {
                let mut x: Vec<u8> = d.bytes().filter(u8::is_ascii_digit).collect();
                x.sort_unstable();
                x
            })
            .collect();
        Printed { digits, sorted }
    }

    /// The digits claim `i` prints.
    fn digits(&self, i: usize) -> &str {
        self.digits.get(i).map_or("", String::as_str)
    }

    /// True when claims `a` and `b` are written with the same digits in another order
    /// (1,012 and 1,102): a transposition.
    fn transposed(&self, a: usize, b: usize) -> bool {
        let (Some(x), Some(y)) = (self.sorted.get(a), self.sorted.get(b)) else {
            return false;
        };
        x.len() >= 3 && x == y && self.digits(a) != self.digits(b)
    }
}

/// How far apart two figures may be and still be proposed as one measure stated twice:
/// within a third of each other, or a transposition of digits.
const CLOSE: f64 = 1.35;

fn reading(cx: &Context, forms: &Printed, a: usize, s: usize) -> Option<Reading> {
    let (ca, cs) = (cx.claim(a)?, cx.claim(s)?);
    if dimension(ca) != dimension(cs) || ca.per != cs.per || ca.per_count != cs.per_count {
        return None;
    }
    let ratio = (ca.value.nominal / cs.value.nominal).abs();
    if !(forms.transposed(a, s) || ratio.is_finite() && (1.0 / CLOSE..=CLOSE).contains(&ratio)) {
        return None;
    }
    // The same digits printed twice may be a change in one place and a level in another
    // ("1.4%" in a table and in the text); different digits must play one part.
    // A sentence never restates its own figure: two figures there are two measures ("had
    // 30 teams; by 2024 it had 32").
    if cx.sentences_apart(a, s) == 0 && cx.fact(a).cell.is_none() && cx.fact(s).cell.is_none() {
        return None;
    }
    // Nor does a table: two of its cells are two rows or two columns, two measures.
    if let (Some(x), Some(y)) = (cx.fact(a).cell, cx.fact(s).cell) {
        if x.table == y.table {
            return None;
        }
    }
    let printed_alike = forms.digits(a) == forms.digits(s);
    if !printed_alike && ((ca.role == Role::Change) != (cs.role == Role::Change) || ca.average != cs.average)
    {
        return None;
    }
    let mut nouns = noun_fit(cx.own_noun(a), cx.own_noun(s));
    if !ca.modifiers.is_empty()
        && !cs.modifiers.is_empty()
        && !ca.modifiers.iter().any(|m| cs.modifiers.contains(m))
    {
        nouns = NounFit::Different;
    }
    if nouns == NounFit::Different && ca.kind == Kind::Count {
        return None;
    }
    let mut e = cx.base_evidence(s, &[a]);
    let same_digits = printed_alike && ca.unit == cs.unit;
    e.frame = if same_digits && ca.text == cs.text {
        1.0
    } else if same_digits {
        0.8
    } else {
        0.0
    };
    e.cue = if forms.transposed(a, s) {
        1.0
    } else {
        f64::from(u8::from(ca.hedge != cs.hedge)) * 0.5
    };
    Context::noun_evidence(&mut e, &[(cx.own_noun(a), cx.own_noun(s))]);
    if nouns == NounFit::Different {
        e.noun_clash = 1.0;
        e.noun_same = 0.0;
    }
    match (cx.fact(a).year, cx.fact(s).year) {
        (Some(x), Some(y)) if x == y => e.time_fit = 1.0,
        (Some(_), Some(_)) => e.time_clash = 1.0,
        _ => {}
    }
    // "-2.5%" in a change column and "slipped 2.5%" in the text: one size, two signs.
    let (vs, va) = if printed_alike && (ca.value.nominal < 0.0) != (cs.value.nominal < 0.0) {
        (magnitude(value_of(cs)), magnitude(value_of(ca)))
    } else {
        (value_of(cs), value_of(ca))
    };
    let r = Reading::new(
        ID,
        Relation::Repeat,
        s,
        vs,
        vec![(a, "stated before", va)],
        Formula::Same,
        e,
    )?;
    Some(r.with_unit(cs.unit.clone()))
}
