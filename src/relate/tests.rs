//! Tests of readings: formulas, intervals and verdicts.

use super::*;

fn v(n: f64, lo: f64, hi: f64) -> Value {
    Value::new(n, lo, hi)
}

#[test]
fn formulas_evaluate_over_intervals() {
    let total = v(7_400_000.0, 7_350_000.0, 7_450_000.0);
    let staff = v(6000.0, 5500.0, 6500.0);
    let d = Formula::Ratio(1.0)
        .eval(&[total, staff])
        .unwrap_or(Value::point(0.0));
    assert!((d.nominal - 1233.33).abs() < 0.01);
    assert!(d.low < 1140.0 && d.high > 1350.0);
    let pc = Formula::PercentChange(Direction::Up)
        .eval(&[Value::point(100.0), Value::point(120.0)])
        .unwrap_or(Value::point(0.0));
    assert!((pc.nominal - 20.0).abs() < 1e-9);
    let down = Formula::PercentChange(Direction::Down)
        .eval(&[Value::point(120.0), Value::point(90.0)])
        .unwrap_or(Value::point(0.0));
    assert!((down.nominal - 25.0).abs() < 1e-9);
    assert!(Formula::Ratio(1.0).eval(&[total, Value::point(0.0)]).is_none());
}

#[test]
fn borderline_is_a_miss_within_rounding_not_an_extreme_reading() {
    // "$120 million for 10,000 students, or $18,000 per student": contradicted, though
    // "10,000" read as 5,000–15,000 would let the intervals touch.
    let r = Reading::new(
        "t",
        Relation::Ratio,
        2,
        v(18_000.0, 17_500.0, 18_500.0),
        vec![
            (0, "total", v(120e6, 115e6, 125e6)),
            (1, "count", v(10_000.0, 5_000.0, 15_000.0)),
        ],
        Formula::Ratio(1.0),
        Evidence::default(),
    );
    assert_eq!(r.map(|r| r.judge(0.0)), Some(Verdict::Contradicted));
    // 7.4 ÷ 3.7 for "more than doubled": the edge of the hedge.
    let mut stated = v(2.0, 2.0, 3.0);
    stated.low_open = true;
    let r = Reading::new(
        "t",
        Relation::Multiplier,
        2,
        stated,
        vec![
            (0, "before", v(3.7e6, 3.65e6, 3.7e6)),
            (1, "after", v(7.4e6, 7.35e6, 7.45e6)),
        ],
        Formula::Multiplier,
        Evidence::default(),
    );
    assert_eq!(r.map(|r| r.judge(0.0)), Some(Verdict::Borderline));
}

#[test]
fn repeats_compare_both_ways() {
    let mut bound = v(7e6, 7e6, 8e6);
    bound.low_open = true;
    let r = Reading::new(
        "t",
        Relation::Repeat,
        1,
        v(7.4e6, 7.35e6, 7.45e6),
        vec![(0, "stated before", bound)],
        Formula::Same,
        Evidence::default(),
    );
    assert_eq!(r.map(|r| r.judge(0.0)), Some(Verdict::Consistent));
    let r = Reading::new(
        "t",
        Relation::Repeat,
        1,
        Value::point(1012.0),
        vec![(0, "stated before", Value::point(1102.0))],
        Formula::Same,
        Evidence::default(),
    );
    assert_eq!(r.map(|r| r.judge(0.0)), Some(Verdict::Contradicted));
}

#[test]
fn capped_rounding_never_exceeds_five_percent() {
    let c = capped(v(10_000.0, 5_000.0, 15_000.0));
    assert_eq!((c.low, c.high), (9_500.0, 10_500.0));
    let c = capped(v(7.4e6, 7.35e6, 7.45e6));
    assert_eq!((c.low, c.high), (7.35e6, 7.45e6));
}

#[test]
fn more_than_fifty_percent_holds_for_fifty_four() {
    let mut stated = v(50.0, 50.0, 60.0);
    stated.low_open = true;
    let mut old = v(10200.0, 10200.0, 10250.0);
    old.low_open = true;
    let r = Reading::new(
        "t",
        Relation::PercentChange,
        2,
        stated,
        vec![(0, "before", old), (1, "after", v(15700.0, 15229.0, 16171.0))],
        Formula::PercentChange(Direction::Up),
        Evidence::default(),
    );
    let r = r.unwrap_or_else(|| panic!("evaluates"));
    assert!((r.derived.nominal - 53.92).abs() < 0.01, "{:?}", r.derived);
    assert_eq!(
        r.judge(0.0),
        Verdict::Consistent,
        "{:?} {:?}",
        r.stated_value,
        r.derived
    );
}

#[test]
fn close_miss_is_high_only_for_a_figure_just_off() {
    use super::evidence::close_miss;
    assert_eq!(close_miss(100.0, 100.0), 0.0);
    assert!((close_miss(101.0, 100.0) - 0.896).abs() < 0.01);
    assert!((close_miss(105.0, 100.0) - 0.488).abs() < 0.01);
    assert_eq!(close_miss(111.0, 100.0), 0.0);
    assert_eq!(close_miss(50.0, 100.0), 0.0);
    assert_eq!(close_miss(-100.0, 100.0), 0.0);
    assert_eq!(close_miss(f64::NAN, 100.0), 0.0);
}
