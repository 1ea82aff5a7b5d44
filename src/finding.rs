//! A rule's output: which claims it used, the stated and derived values, the verdict and
//! the arithmetic a reviewer needs to check it.

use crate::interval::{Value, Verdict};
use serde::{Deserialize, Serialize};

/// How loudly a finding is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A contradiction.
    Error,
    /// A borderline result.
    Warning,
    /// A check that passed, or could not be made.
    Info,
}

impl Severity {
    /// The severity that goes with a verdict.
    pub fn of(v: Verdict) -> Self {
        match v {
            Verdict::Contradicted => Severity::Error,
            Verdict::Borderline => Severity::Warning,
            Verdict::Consistent | Verdict::Unverifiable => Severity::Info,
        }
    }
}

/// One checked relation between claims.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// "f1", "f2", … in order of the stated claim.
    pub id: String,
    /// The rule's id ("per-unit-average").
    pub rule: String,
    /// The outcome.
    pub verdict: Verdict,
    /// Follows the verdict.
    pub severity: Severity,
    /// Ids of every claim used, the stated one last.
    pub claims: Vec<String>,
    /// The stated claim's value.
    pub stated: Value,
    /// The value computed from the other claims.
    pub derived: Value,
    /// One line saying what is wrong or right.
    pub message: String,
    /// The arithmetic, with intervals, and for contradictions what would make the claim true.
    pub explanation: String,
    /// Stated ÷ derived, when meaningful.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub factor: Option<f64>,
    /// What would have to be true for the stated claim to hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub would_hold_if: Option<String>,
    /// What each claim contributes, in the order of `claims` ("total", "staff", "stated").
    #[serde(default)]
    pub roles: Vec<String>,
    /// The relation kind of the reading behind it ("ratio", "share", "repeat"…).
    #[serde(default)]
    pub relation: String,
    /// How likely the reading behind it is the one the writer meant (0–1).
    #[serde(default = "certain")]
    pub confidence: f64,
    /// The other readings the resolver weighed for the same stated figure and set aside.
    #[serde(default)]
    pub alternatives: Vec<Alternative>,
}

fn certain() -> f64 {
    1.0
}

/// A reading the resolver set aside: what it would have computed, and how confident it was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alternative {
    /// The rule that proposed it.
    pub rule: String,
    /// Ids of the claims it used, the stated one last.
    pub claims: Vec<String>,
    /// What each claim contributes.
    pub roles: Vec<String>,
    /// The arithmetic over the printed figures.
    pub formula: String,
    /// The value it derives.
    pub derived: Value,
    /// The verdict it would give.
    pub verdict: Verdict,
    /// Its confidence.
    pub confidence: f64,
}

/// Format a number for a reader: thousands separators, no decimals from 1,000 up, two
/// from 1, three below ("1,233", "15.55", "2.04", "0.333").
pub fn fmt_num(x: f64) -> String {
    if !x.is_finite() {
        return "?".into();
    }
    let a = x.abs();
    let decimals = if a >= 1000.0 {
        0
    } else if a >= 1.0 {
        2
    } else {
        3
    };
    let s = fixed(a, decimals);
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), f.trim_end_matches('0').to_string()),
        None => (s.clone(), String::new()),
    };
    let mut grouped = String::new();
    for (n, ch) in int.chars().enumerate() {
        if n > 0 && (int.len() - n) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

/// `a` (not negative) with `decimals` decimals, as `format!("{:.*}")` prints it but
/// without its exact-decimal slow path: below 2^53 after scaling, rounding the scaled
/// value is exact enough for a message.
fn fixed(a: f64, decimals: usize) -> String {
    let scale = 10f64.powi(decimals as i32);
    let scaled = (a * scale).round_ties_even();
    if scaled.is_nan() || scaled >= 9.0e15 {
        return format!("{:.*}", decimals, a);
    }
    let n = scaled as u64;
    if decimals == 0 {
        return n.to_string();
    }
    let unit = 10u64.pow(decimals as u32);
    format!("{}.{:0width$}", n / unit, n % unit, width = decimals)
}

/// "7,350,000–7,450,000", or a single number when the interval is a point.
pub fn fmt_range(v: &Value) -> String {
    let (lo, hi) = (fmt_num(v.low), fmt_num(v.high));
    if lo == hi { lo } else { format!("{lo}–{hi}") }
}

/// A noun in the plural, for messages: "case" → "cases", "person" → "people".
pub fn plural(noun: &str) -> String {
    match noun {
        "" => String::new(),
        "person" => "people".into(),
        "times" | "percent" | "staff" | "personnel" | "police" | "data" => noun.into(),
        n if n.ends_with('y') && !n.ends_with("ay") && !n.ends_with("ey") && !n.ends_with("oy") => {
            format!("{}ies", &n[..n.len() - 1])
        }
        n if n.ends_with('s') || n.ends_with('x') || n.ends_with("ch") || n.ends_with("sh") => {
            format!("{n}es")
        }
        n => format!("{n}s"),
    }
}

/// A value with its unit as a reader writes it: "$8,000", "7,000 cases", "12%".
pub fn with_unit(x: f64, unit: Option<&str>) -> String {
    let n = fmt_compact(x);
    match unit {
        Some("USD") => format!("${n}"),
        Some("GBP") => format!("£{n}"),
        Some("EUR") => format!("€{n}"),
        Some("percent") => format!("{n}%"),
        Some("times") => format!("×{n}"),
        Some(u) if u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase()) => format!("{u} {n}"),
        Some(u) => format!("{n} {}", plural(u)),
        None => n,
    }
}

/// A number as a headline writes it: "18 million", "4.2 billion", "1,233".
pub fn fmt_compact(x: f64) -> String {
    let a = x.abs();
    if a >= 1e9 {
        format!("{} billion", fmt_num(x / 1e9))
    } else if a >= 1e6 {
        format!("{} million", fmt_num(x / 1e6))
    } else {
        fmt_num(x)
    }
}

/// The text with its first character in upper case.
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well() {
        assert_eq!(fmt_num(1233.333), "1,233");
        assert_eq!(fmt_num(7_400_000.0), "7,400,000");
        assert_eq!(fmt_num(2.0), "2");
        assert_eq!(fmt_num(2.0411), "2.04");
        assert_eq!(fmt_num(-1500.0), "-1,500");
        assert_eq!(fmt_num(12.256), "12.26");
        assert_eq!(fmt_num(1.0 / 3.0), "0.333");
        assert_eq!(fmt_range(&Value::new(1.0, 1.0, 1.0)), "1");
        assert_eq!(with_unit(8000.0, Some("USD")), "$8,000");
        assert_eq!(with_unit(18e6, Some("USD")), "$18 million");
        assert_eq!(with_unit(7000.0, Some("case")), "7,000 cases");
        assert_eq!(with_unit(3.0, Some("company")), "3 companies");
    }
}
