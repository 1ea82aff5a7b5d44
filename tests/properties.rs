//! Properties that must hold for every input, checked with proptest: interval arithmetic
//! bounds every point choice, verdicts only soften as tolerance grows, numbers written any
//! supported way read back, spans lie on character boundaries and cover their text, and the
//! JSON output round-trips.

use claimcheck::interval::{Value, Verdict, verdict};
use proptest::prelude::*;

fn interval() -> impl Strategy<Value = Value> {
    (-1e6f64..1e6, 0f64..1e4).prop_map(|(n, w)| Value::new(n, n - w, n + w))
}

fn positive_interval() -> impl Strategy<Value = Value> {
    (1f64..1e6, 0f64..0.5).prop_map(|(n, f)| Value::new(n, n * (1.0 - f), n * (1.0 + f)))
}

fn inside(v: &Value, x: f64) -> bool {
    let slack = 1e-9 * x.abs().max(1.0);
    x >= v.low - slack && x <= v.high + slack
}

proptest! {
    #[test]
    fn arithmetic_contains_every_point_choice(a in interval(), b in positive_interval(), ta in 0f64..=1.0, tb in 0f64..=1.0) {
        let x = a.low + ta * (a.high - a.low);
        let y = b.low + tb * (b.high - b.low);
        prop_assert!(inside(&a.plus(b), x + y));
        prop_assert!(inside(&a.minus(b), x - y));
        prop_assert!(inside(&a.times(b), x * y));
        let q = a.checked_div(b);
        prop_assert!(q.is_some());
        if let Some(q) = q {
            prop_assert!(inside(&q, x / y));
        }
    }

    #[test]
    fn verdicts_only_soften_as_tolerance_grows(s in interval(), d in interval(), t1 in 0f64..0.5, t2 in 0f64..0.5) {
        let (lo, hi) = if t1 <= t2 { (t1, t2) } else { (t2, t1) };
        let severity = |v: Verdict| match v { Verdict::Consistent => 0, Verdict::Borderline => 1, _ => 2 };
        prop_assert!(severity(verdict(&s, &d, hi)) <= severity(verdict(&s, &d, lo)));
    }

    #[test]
    fn numbers_read_back_however_they_are_written(n in 1u64..999_999_999, style in 0usize..4) {
        let grouped = {
            let digits = n.to_string();
            let mut out = String::new();
            for (i, ch) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    out.push(match style { 1 => '\u{a0}', 2 => '\u{2009}', _ => ',' });
                }
                out.push(ch);
            }
            out
        };
        let text = match style {
            3 => format!("The fund holds ${grouped} in reserve."),
            _ => format!("The agency counted {grouped} cases last week."),
        };
        let claims = claimcheck::extract(&text);
        let found = claims.iter().find(|c| c.text.contains(&grouped));
        prop_assert!(found.is_some(), "{text}: {:?}", claims.iter().map(|c| &c.text).collect::<Vec<_>>());
        if let Some(c) = found {
            prop_assert!((c.value.nominal - n as f64).abs() < 1e-6, "{text}: {}", c.value.nominal);
        }
    }

    #[test]
    fn spans_lie_on_char_boundaries_and_cover_their_text(text in "\\PC{0,200}") {
        for c in claimcheck::extract(&text) {
            prop_assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
            prop_assert_eq!(text.get(c.span.start..c.span.end), Some(c.text.as_str()));
        }
    }

    #[test]
    fn json_round_trips(words in proptest::collection::vec("[a-z]{1,8}|[0-9]{1,7}|[0-9]{1,3},[0-9]{3}|\\$[0-9]{1,4}|[0-9]{1,2}%", 0..40)) {
        let text = words.join(" ");
        let report = claimcheck::check(&text);
        for c in &report.claims {
            let json = serde_json::to_string(c).unwrap_or_default();
            let back: Option<claimcheck::Claim> = serde_json::from_str(&json).ok();
            prop_assert_eq!(back.as_ref(), Some(c));
        }
        for f in &report.findings {
            let json = serde_json::to_string(f).unwrap_or_default();
            let back: Option<claimcheck::Finding> = serde_json::from_str(&json).ok();
            prop_assert_eq!(back.as_ref(), Some(f));
        }
    }
}
