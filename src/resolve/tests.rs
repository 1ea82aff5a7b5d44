//! Tests of the resolver's decisions.

use super::*;
use crate::interval::Value;
use crate::relate::{Evidence, Formula, Reading, Relation};

fn reading(stated: usize, confidence: f64, verdict: Verdict) -> Reading {
    let mut r = Reading::new(
        "t",
        Relation::Share,
        stated,
        Value::point(30.0),
        vec![(0, "part", Value::point(30.0)), (1, "whole", Value::point(100.0))],
        Formula::Share,
        Evidence::default(),
    )
    .unwrap_or_else(|| panic!("a share of 30 in 100 evaluates"));
    r.confidence = confidence;
    r.verdict = verdict;
    r
}

const T: Thresholds = Thresholds {
    link: 0.2,
    explain: 0.3,
    border: 0.7,
    contradict: 0.8,
};

#[test]
fn a_figure_one_reading_explains_is_never_contradicted_by_another() {
    let hold = reading(2, 0.5, Verdict::Consistent);
    let miss = reading(2, 0.95, Verdict::Contradicted);
    let group = [&miss, &hold];
    assert_eq!(decide(&group, T, false, &|_| true), Some(1));
    // Explained by another rule's reading: the confident miss still cannot flag it.
    let group = [&miss];
    assert_eq!(decide(&group, T, true, &|_| true), None);
}

#[test]
fn a_contradiction_needs_its_threshold() {
    let weak = reading(2, 0.6, Verdict::Contradicted);
    assert_eq!(decide(&[&weak], T, false, &|_| true), None);
    let strong = reading(2, 0.9, Verdict::Contradicted);
    assert_eq!(decide(&[&strong], T, false, &|_| true), Some(0));
    let border = reading(2, 0.75, Verdict::Borderline);
    assert_eq!(decide(&[&border], T, false, &|_| true), Some(0));
}

#[test]
fn a_weak_fit_neither_explains_nor_blocks() {
    let hold = reading(2, 0.25, Verdict::Consistent);
    let miss = reading(2, 0.9, Verdict::Contradicted);
    // Below the explain threshold, the fit does not defend the figure.
    assert_eq!(decide(&[&miss, &hold], T, false, &|_| true), Some(0));
    // Alone, above the link threshold, it makes the figure consistent.
    assert_eq!(decide(&[&hold], T, false, &|_| true), Some(0));
    let faint = reading(2, 0.1, Verdict::Consistent);
    assert_eq!(decide(&[&faint], T, false, &|_| true), None);
}

#[test]
fn a_miss_that_may_flag_is_not_silenced_by_a_weaker_framed_one_ranked_above_it() {
    let mut unframed = reading(2, 0.9, Verdict::Contradicted);
    unframed.evidence.frame = 0.2;
    let mut framed = reading(2, 0.85, Verdict::Contradicted);
    framed.evidence.frame = 0.9;
    let may_flag = |r: &Reading| r.evidence.frame >= MIN_FRAME_TO_FLAG;
    assert_eq!(decide(&[&unframed, &framed], T, false, &may_flag), Some(1));
    // Alone, the unframed miss flags nothing.
    assert_eq!(decide(&[&unframed], T, false, &may_flag), None);
}

/// A sum of three table rows against their total row, with the frame, cue and structure
/// of a column under its total.
fn column_total(parts: [f64; 3], total: f64) -> Reading {
    let mut r = Reading::new(
        "t",
        Relation::Sum,
        3,
        Value::point(total),
        vec![
            (0, "part", Value::point(parts[0])),
            (1, "part", Value::point(parts[1])),
            (2, "part", Value::point(parts[2])),
        ],
        Formula::Sum,
        Evidence {
            frame: 1.0,
            cue: 1.0,
            structure: 1.0,
            ..Evidence::default()
        },
    )
    .unwrap_or_else(|| panic!("a sum of three figures evaluates"));
    r.confidence = 0.1;
    r.verdict = Verdict::Contradicted;
    r
}

#[test]
fn rows_that_add_up_to_more_than_their_total_row_are_spelled_out() {
    // 150 + 85 + 61 = 296 above a total of 286: no table leaves out rows that would
    // explain that, so the weak fitted confidence does not silence it.
    let over = column_total([150.0, 85.0, 61.0], 286.0);
    assert!(spelled_out(&over));
    assert_eq!(decide(&[&over], T, false, &|_| true), Some(0));
    // Short of the total, the rows may be a selection: the fitted confidence decides.
    let short = column_total([140.0, 85.0, 61.0], 296.0);
    assert!(!spelled_out(&short));
    assert_eq!(decide(&[&short], T, false, &|_| true), None);
}

#[test]
fn parts_that_make_another_figure_hold_flag_nothing() {
    let mut sum = column_total([150.0, 85.0, 61.0], 286.0);
    sum.confidence = 0.95;
    assert_eq!(decide(&[&sum], T, false, &|_| true), Some(0));
    sum.evidence.taken = 1.0;
    assert_eq!(decide(&[&sum], T, false, &|_| true), None);
}
