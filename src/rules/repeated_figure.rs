//! ## What it checks
//! A figure in the headline or standfirst against the body's statement of the same
//! quantity: the two must agree, hedges honoured ("more than 7 million" and "7.4 million"
//! agree; "nearly 7 million" and "7.4 million" do not).
//!
//! ## Why it matters
//! Headlines are written last and edited separately: a figure changed in the body and not
//! in the headline is a common correction.
//!
//! ## Example
//! Headline "Revenue jumps 14%", body "revenue … up 12%" → contradicted.
//!
//! ## Not flagged
//! Body figures of another kind, unit, role (a change against a level) or time; and, when
//! no body figure agrees, any headline figure whose restatement is not clearly one body
//! figure (the one sharing most subject words, at least two).

use super::linking::{compatible_time, same_measure, subject_overlap};
use super::{Context, Rule};
use crate::claim::{Claim, Kind, Role};
use crate::finding::{Finding, Severity, fmt_range};
use crate::interval::{Value, Verdict};
use regex::Regex;
use std::sync::LazyLock;

/// The `repeated-figure` rule.
pub struct RepeatedFigure;

/// The longest sentence that can be a headline or standfirst.
const MAX_HEADLINE_BYTES: usize = 400;

static DATELINE: LazyLock<Regex> =
    LazyLock::new(|| crate::pattern::compile(r"^\s*[A-Z][A-Z]{2,}[A-Za-z .,'’]{0,40}?(?:—|--|–)"));

impl Rule for RepeatedFigure {
    fn id(&self) -> &str {
        "repeated-figure"
    }

    fn summary(&self) -> &str {
        "A figure in the headline must agree with the body's statement of it."
    }

    fn examples(&self) -> Vec<(&str, Verdict)> {
        vec![
            (
                "Harbor Freight revenue jumps 14% on holiday demand\n\nHarbor Freight said on Monday that quarterly revenue rose 12% to $2.1 billion.",
                Verdict::Contradicted,
            ),
            (
                "Court backlog tops 1.1 million cases\n\nThe court backlog held 1.1 million pending cases at the end of March.",
                Verdict::Consistent,
            ),
        ]
    }

    fn doc(&self) -> String {
        super::module_doc(include_str!("repeated_figure.rs"))
    }

    fn check(&self, cx: &Context) -> Vec<Finding> {
        let zone = headline_sentences(cx);
        cx.claims
            .iter()
            .filter(|h| zone.contains(&h.sentence))
            .filter_map(|h| check_one(cx, h, &zone))
            .collect()
    }
}

/// The headline zone: the sentences of the first paragraph of prose, and the second
/// paragraph too when it is a one-sentence standfirst (no dateline, more paragraphs after).
fn headline_sentences(cx: &Context) -> Vec<usize> {
    let doc = cx.doc;
    let prose = |s: usize| !doc.is_debris(&doc.sentence_range(s)) && !doc.sentence_text(s).trim().is_empty();
    let mut paragraphs: Vec<(usize, Vec<usize>)> = Vec::new();
    for s in (0..doc.sentences.len()).filter(|&s| prose(s)) {
        let p = doc.paragraph_of(s);
        if let Some((_, v)) = paragraphs.last_mut().filter(|(q, _)| *q == p) {
            v.push(s);
        } else if paragraphs.len() >= 3 {
            break;
        } else {
            paragraphs.push((p, vec![s]));
        }
    }
    // A headline or standfirst is short: a long first paragraph is body text.
    let mut zone = paragraphs.first().map(|(_, v)| v.clone()).unwrap_or_default();
    zone.retain(|&s| doc.sentence_range(s).len() <= MAX_HEADLINE_BYTES);
    if let (Some((_, second)), true) = (paragraphs.get(1), paragraphs.len() > 2) {
        if let [only] = second.as_slice() {
            if !DATELINE.is_match(doc.sentence_text(*only)) {
                zone.push(*only);
            }
        }
    }
    zone
}

fn repeatable(c: &Claim) -> bool {
    c.usable()
        && matches!(c.kind, Kind::Count | Kind::Money | Kind::Percent)
        && matches!(c.role, Role::Value | Role::Change)
        && !c.average
}

/// Two statements of one quantity agree when their intervals share more than an end
/// point: "12%" (11.5–12.5) and "11%" (10.5–11.5) are different figures.
fn agree(a: &Value, b: &Value) -> bool {
    a.low < b.high && b.low < a.high
        || (a.low == a.high && b.contains(a.low))
        || (b.low == b.high && a.contains(b.low))
}

fn check_one(cx: &Context, h: &Claim, zone: &[usize]) -> Option<Finding> {
    if !repeatable(h) {
        return None;
    }
    let candidates: Vec<(&Claim, usize)> = cx
        .claims
        .iter()
        .filter(|b| {
            !zone.contains(&b.sentence)
                && repeatable(b)
                && same_measure(b, h)
                && b.role == h.role
                && b.per == h.per
                && compatible_time(b, h)
        })
        .map(|b| (b, subject_overlap(cx.doc, h, b)))
        .collect();
    // A count restated needs its noun named on both sides, or a shared subject.
    let related = |b: &Claim, overlap: usize| {
        overlap >= 2
            || (h.kind == Kind::Count && h.unit.is_some() && b.unit == h.unit && overlap >= 1)
            || (h.kind == Kind::Count
                && h.unit.is_some()
                && b.unit == h.unit
                && !h.unit_inferred
                && !b.unit_inferred)
    };
    let agreeing = candidates
        .iter()
        .filter(|(b, o)| agree(&b.value, &h.value) && related(b, *o))
        .max_by_key(|(b, o)| (*o, std::cmp::Reverse(b.span.start)));
    if let Some((b, _)) = agreeing {
        return Some(finding(h, b, Verdict::Consistent));
    }
    let best = candidates.iter().map(|(_, o)| *o).max()?;
    let top: Vec<&(&Claim, usize)> = candidates.iter().filter(|(_, o)| *o == best).collect();
    match top.as_slice() {
        [(b, o)] if *o >= 2 => Some(finding(h, b, Verdict::Contradicted)),
        _ => None,
    }
}

fn finding(h: &Claim, b: &Claim, v: Verdict) -> Finding {
    let message = match v {
        Verdict::Consistent => format!("'{}' (headline) agrees with '{}' (body)", h.text, b.text),
        _ => format!("'{}' (headline) does not agree with '{}' (body)", h.text, b.text),
    };
    let explanation = format!(
        "Headline '{}' allows {}; body '{}' allows {}{}",
        h.text,
        fmt_range(&h.value),
        b.text,
        fmt_range(&b.value),
        if v == Verdict::Consistent {
            ": the ranges meet."
        } else {
            ": no value satisfies both."
        }
    );
    Finding {
        id: String::new(),
        rule: "repeated-figure".into(),
        verdict: v,
        severity: Severity::of(v),
        claims: vec![h.id.clone(), b.id.clone()],
        stated: b.value,
        derived: h.value,
        message,
        explanation,
        factor: None,
        would_hold_if: (v != Verdict::Consistent).then(|| {
            format!(
                "it holds only if one of the two is corrected to match the other ({})",
                b.text
            )
        }),
        roles: vec!["headline".into(), "stated".into()],
    }
}
