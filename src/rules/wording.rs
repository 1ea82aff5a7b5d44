//! The words of a finding: one message line and the arithmetic a reviewer needs. Every
//! rule can use the generic wording here and add its own sentences; none words another
//! rule's findings.

use crate::finding::{capitalize, fmt_num, fmt_range, with_unit};
use crate::interval::{Value, Verdict};
use crate::relate::{Context, Reading};

/// What a finding says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Wording {
    /// One line saying what is wrong or right.
    pub message: String,
    /// The arithmetic, with intervals.
    pub explanation: String,
    /// What would have to be true for the stated claim to hold.
    pub would_hold_if: Option<String>,
}

/// A claim's text, quoted.
pub fn quoted(cx: &Context, i: usize) -> String {
    // A figure broken over two lines of the article is quoted on one, single-spaced.
    cx.claim(i).map_or("?".into(), |c| {
        format!("'{}'", c.text.split_whitespace().collect::<Vec<_>>().join(" "))
    })
}

/// The operands' texts, quoted, joined by commas and "and".
pub fn operand_list(cx: &Context, r: &Reading) -> String {
    let q: Vec<String> = r.operands.iter().map(|o| quoted(cx, o.claim)).collect();
    match q.as_slice() {
        [] => "the figures".into(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The derived value with its unit ("1,233 cases per officer", "20.6%").
pub fn derived_text(r: &Reading) -> String {
    with_unit(r.derived.nominal, r.unit.as_deref())
}

/// How far apart the stated and derived figures are: "5.68×" for a factor of 1.5 or more
/// either way, else the difference.
pub fn gap(stated: &Value, derived: &Value, unit: Option<&str>) -> String {
    let (s, d) = (stated.nominal, derived.nominal);
    // Multiples differ by a ratio, which "×0.93 higher" does not say: name the stated one.
    if unit == Some("times") {
        return format!("not {}", with_unit(s, unit));
    }
    let factor = s / d;
    if factor.is_finite() && d != 0.0 && (factor.abs() >= 1.5 || (factor != 0.0 && factor.abs() <= 1.0 / 1.5))
    {
        if factor.abs() >= 1.0 {
            format!("{}× the derived figure", fmt_num(factor))
        } else {
            format!(
                "{}× the derived figure (it is {}× the stated one)",
                fmt_num(factor),
                fmt_num(1.0 / factor)
            )
        }
    } else {
        let diff = s - d;
        let sign = if diff >= 0.0 { "higher" } else { "lower" };
        // Two percentages differ by percentage points, not by a percent.
        let unit = match unit {
            Some("percent") => Some("percentage point"),
            u => u,
        };
        format!("the stated figure is {} {sign}", with_unit(diff.abs(), unit))
    }
}

/// Which ends of an interval are excluded, for a reader: "more than doubled" is 2–3 with
/// ×2 itself left out, which is why exactly ×2 is only borderline.
fn excluded(v: &crate::interval::Value) -> &'static str {
    match (v.low_open && v.low < v.high, v.high_open && v.low < v.high) {
        (true, true) => ", both ends excluded",
        (true, false) => ", the low end excluded",
        (false, true) => ", the high end excluded",
        (false, false) => "",
    }
}

/// The generic wording: the formula over the figures as printed, its value as an
/// interval, the stated interval, and any slip or note the reading carries.
pub fn generic(cx: &Context, r: &Reading) -> Wording {
    let stated = quoted(cx, r.stated);
    let arith = r.arithmetic(cx);
    let derived = derived_text(r);
    let message = match r.verdict {
        Verdict::Consistent => format!(
            "{stated} agrees with {}: {arith} = {derived}",
            operand_list(cx, r)
        ),
        Verdict::Borderline => format!(
            "{stated} is just off what {} give: {arith} = {derived}",
            operand_list(cx, r)
        ),
        _ => format!(
            "{stated} does not follow from {}: {arith} = {derived}, {}",
            operand_list(cx, r),
            gap(&r.stated_value, &r.derived, r.unit.as_deref())
        ),
    };
    let mut explanation = format!(
        "{arith} = {} (with rounding and hedges: {}); stated {} ({}{}).",
        fmt_num(r.derived.nominal),
        fmt_range(&r.derived),
        fmt_num(r.stated_value.nominal),
        fmt_range(&r.stated_value),
        excluded(&r.stated_value)
    );
    if let Some(s) = &r.slip {
        explanation.push(' ');
        explanation.push_str(&capitalize(s));
    }
    for n in &r.notes {
        explanation.push(' ');
        explanation.push_str(&capitalize(n));
    }
    // A near miss: say what would have to give, the rounding of the figures as printed
    // ("7.4 million" may stand for a little more), not a start value the article states.
    if r.verdict == Verdict::Borderline && r.slip.is_none() {
        let (toward, reach) = if r.derived.nominal <= r.stated_value.low {
            ("up to", r.derived.high)
        } else {
            ("down to", r.derived.low)
        };
        explanation.push_str(&format!(
            " It holds only if the figures are rounded: read at the ends of their rounding they give {toward} {}.",
            fmt_num(reach)
        ));
    }
    Wording {
        message,
        explanation,
        would_hold_if: None,
    }
}

/// Append "It holds only if …" to a wording, when there is something to say.
pub fn holds_only_if(mut w: Wording, condition: Option<String>) -> Wording {
    if let Some(c) = condition {
        w.explanation.push_str(&format!(" It holds only if {c}."));
        w.would_hold_if = Some(format!("it holds only if {c}"));
    }
    w
}

/// A number rounded to about the precision of the figures it came from: three
/// significant digits, never more decimals than `decimals`.
pub fn round_like(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "?".into();
    }
    let a = x.abs();
    if a == 0.0 {
        return "0".into();
    }
    let digits = a.log10().floor() as i32 + 1;
    let keep = (3 - digits).max(0) as usize;
    let keep = keep.min(decimals);
    let step = 10f64.powi(digits - 3).max(10f64.powi(-(decimals as i32)));
    let rounded = (x / step).round() * step;
    let s = fmt_num(rounded);
    if keep == 0 {
        s.split('.').next().unwrap_or(&s).to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_if_figures_are_rounded_like_their_inputs() {
        assert_eq!(round_like(19_782_609.0, 0), "19,800,000");
        assert_eq!(round_like(1056.9, 0), "1,060");
        assert_eq!(round_like(2.0411, 2), "2.04");
    }

    #[test]
    fn gaps_are_factors_or_differences() {
        let s = Value::point(7000.0);
        let d = Value::point(1233.0);
        assert!(gap(&s, &d, None).starts_with("5.68×"));
        assert_eq!(
            gap(&Value::point(64.0), &Value::point(61.0), Some("death")),
            "the stated figure is 3 deaths higher"
        );
    }
}
