use super::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn rounding_unit_follows_last_non_zero_digit() {
    assert!(close(rounding_unit("7.4", 1e6), 100_000.0));
    assert!(close(rounding_unit("6000", 1.0), 1000.0));
    assert!(close(rounding_unit("1273885", 1.0), 1.0));
    assert!(close(rounding_unit("150", 1e6), 10e6));
    assert!(close(rounding_unit("12.50", 1.0), 0.1));
    assert!(close(rounding_unit("0", 1.0), 1.0));
    assert!(close(rounding_unit("7", 1e6), 1e6));
}

#[test]
fn hedge_table_matches_design_examples() {
    let v = Value::hedged(7.4e6, 1e5, Hedge::Exact, HedgeReach::Full);
    assert!(close(v.low, 7.35e6) && close(v.high, 7.45e6));
    let v = Value::hedged(6000.0, 1000.0, Hedge::Approx, HedgeReach::Full);
    assert!(close(v.low, 5500.0) && close(v.high, 6500.0));
    let v = Value::hedged(460_000.0, 10_000.0, Hedge::Approx, HedgeReach::Full);
    assert!(close(v.low, 446_200.0) && close(v.high, 473_800.0));
    let v = Value::hedged(7e6, 1e6, Hedge::LowerBound, HedgeReach::Full);
    assert!(close(v.low, 7e6) && close(v.high, 8e6) && v.low_open && !v.high_open);
    let v = Value::hedged(3.7e6, 1e5, Hedge::UpperBound, HedgeReach::Close);
    assert!(close(v.low, 3.65e6) && close(v.high, 3.7e6) && v.high_open);
    let v = Value::hedged(20_000.0, 10_000.0, Hedge::LowerBound, HedgeReach::Inclusive);
    assert!(!v.low_open && v.contains(20_000.0));
    assert_eq!(HEDGE_TABLE.len(), 9);
}

#[test]
fn arithmetic_bounds_every_point_choice() {
    let t = Value::new(7.4e6, 7.35e6, 7.45e6);
    let s = Value::new(6000.0, 5500.0, 6500.0);
    let q = t.checked_div(s).unwrap_or(Value::point(f64::NAN));
    assert!(close(q.nominal, 1_233.333_333));
    assert!(close(q.low, 7.35e6 / 6500.0));
    assert!(close(q.high, 7.45e6 / 5500.0));
    let d = t.minus(s);
    assert!(close(d.low, 7.35e6 - 6500.0) && close(d.high, 7.45e6 - 5500.0));
    let m = Value::new(-2.0, -3.0, -1.0).times(Value::new(2.0, 1.0, 4.0));
    assert!(close(m.low, -12.0) && close(m.high, -1.0));
    let a = Value::new(1.0, 0.5, 1.5).plus(Value::new(2.0, 1.5, 2.5));
    assert!(close(a.low, 2.0) && close(a.high, 4.0));
}

#[test]
fn division_by_an_interval_touching_zero_is_refused() {
    assert!(
        Value::point(5.0)
            .checked_div(Value::new(1.0, -1.0, 2.0))
            .is_none()
    );
    assert!(Value::point(5.0).checked_div(Value::point(0.0)).is_none());
}

#[test]
fn verdicts_follow_the_policy() {
    let stated = Value::new(7000.0, 6500.0, 7500.0);
    let derived = Value::new(1233.0, 1131.0, 1355.0);
    assert_eq!(verdict(&stated, &derived, 0.0), Verdict::Contradicted);
    // More than doubled, figures give exactly 2.00: only at the edge of the hedge.
    let more_than_double = Value::hedged(2.0, 1.0, Hedge::LowerBound, HedgeReach::Full);
    let ratio = Value::new(7.4 / 3.7, 1.99, 2.04);
    assert_eq!(verdict(&more_than_double, &ratio, 0.0), Verdict::Borderline);
    let ratio = Value::new(2.1, 2.05, 2.15);
    assert_eq!(verdict(&more_than_double, &ratio, 0.0), Verdict::Consistent);
    // Outside as printed but overlapping with rounding: borderline.
    let stated = Value::new(15.0, 14.5, 15.5);
    let derived = Value::new(15.7, 15.2, 16.2);
    assert_eq!(verdict(&stated, &derived, 0.0), Verdict::Borderline);
    // A tolerance can only make a verdict milder.
    let stated = Value::new(100.0, 99.5, 100.5);
    let derived = Value::new(108.0, 108.0, 108.0);
    assert_eq!(verdict(&stated, &derived, 0.0), Verdict::Contradicted);
    assert_eq!(verdict(&stated, &derived, 0.1), Verdict::Consistent);
}

#[test]
fn infinities_and_nans_never_reach_a_verdict() {
    let huge = Value::new(1e300, 1e300, 1e300);
    let overflow = huge.times(huge);
    assert!(!overflow.is_finite());
    assert_eq!(verdict(&Value::point(5.0), &overflow, 0.0), Verdict::Unverifiable);
    assert_eq!(
        verdict(&Value::point(f64::NAN), &Value::point(1.0), 0.0),
        Verdict::Unverifiable
    );
    assert_eq!(
        verdict(&Value::point(1.0), &Value::point(1.0), f64::INFINITY),
        Verdict::Unverifiable
    );
}
