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

/// The minus sign numbers are printed with (U+2212), not the hyphen: "−1,500".
pub const MINUS: char = '\u{2212}';

/// Format a number for a reader: thousands separators, no decimals from 1,000 up, two
/// from 1, three below ("1,233", "15.55", "2.04", "0.333"); negatives with the true minus
/// sign ("−1,500").
pub fn fmt_num(x: f64) -> String {
    fmt_decimals(x, reader_decimals(x.abs()))
}

/// The decimals [`fmt_num`] prints for a magnitude.
fn reader_decimals(a: f64) -> usize {
    if a >= 1000.0 {
        0
    } else if a >= 1.0 {
        2
    } else {
        3
    }
}

/// `x` with at most `decimals` decimals (trailing zeros dropped), thousands separators
/// and the true minus sign; "?" when it is not a number.
fn fmt_decimals(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "?".into();
    }
    let s = fixed(x.abs(), decimals);
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, f.trim_end_matches('0')),
        None => (s.as_str(), ""),
    };
    // One string, sized for the sign, the separators and the fraction: every figure of
    // every finding is formatted here.
    let mut out = String::with_capacity(s.len() + int.len() / 3 + MINUS.len_utf8());
    if x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push(MINUS);
    }
    for (n, ch) in int.chars().enumerate() {
        if n > 0 && (int.len() - n) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// `a` (not negative) with `decimals` decimals, as `format!("{:.*}")` prints it but
/// without its exact-decimal slow path: below 2^53 after scaling, rounding the scaled
/// value is exact enough for a message.
fn fixed(a: f64, decimals: usize) -> String {
    let scale = 10f64.powi(decimals as i32);
    let scaled = (a * scale).round();
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

/// The two ends of an interval as a reader reads them: to the precision its magnitude
/// needs (none from 1,000 up, one decimal from 10, two from 1, three below), with more
/// where rounding to that would move an end by more than a tenth of the interval's width
/// ("15.45–15.55", not "15.5–15.6").
fn range_ends(v: &Value) -> (String, String) {
    let m = v.low.abs().max(v.high.abs());
    let mut d: usize = if m >= 1000.0 {
        0
    } else if m >= 10.0 {
        1
    } else {
        reader_decimals(m)
    };
    let span = (v.high - v.low).abs();
    while d < 6 && span > 0.0 && 0.5 * 10f64.powi(-(d as i32)) > span / 10.0 {
        d += 1;
    }
    (fmt_decimals(v.low, d), fmt_decimals(v.high, d))
}

/// Join two ends: an en dash between positive ones ("7,350,000–7,450,000"), "to" once
/// either is negative ("−15.5 to −14.5"), where a dash would read as a minus.
fn join_ends(v: &Value, lo: String, hi: String) -> String {
    if lo == hi {
        lo
    } else if v.low < 0.0 || v.high < 0.0 {
        format!("{lo} to {hi}")
    } else {
        format!("{lo}–{hi}")
    }
}

/// "7,350,000–7,450,000", "−15.5 to −14.5", or a single number when the interval is a
/// point.
pub fn fmt_range(v: &Value) -> String {
    let (lo, hi) = range_ends(v);
    join_ends(v, lo, hi)
}

/// An interval with its unit: "14.5%–15.5%", "−15.5% to −14.5%", "$1,131–$1,355",
/// "1,131–1,355 cases".
pub fn fmt_range_unit(v: &Value, unit: Option<&str>) -> String {
    let (lo, hi) = range_ends(v);
    let wrap = |n: String| -> String {
        let (sign, digits) = match n.strip_prefix(MINUS) {
            Some(rest) => (MINUS.to_string(), rest.to_string()),
            None => (String::new(), n),
        };
        match unit {
            Some("percent") => format!("{sign}{digits}%"),
            Some(u) => match currency_symbol(u) {
                Some(c) => format!("{sign}{c}{digits}"),
                None => format!("{sign}{digits}"),
            },
            None => format!("{sign}{digits}"),
        }
    };
    let same = lo == hi;
    let joined = if same {
        wrap(lo)
    } else {
        join_ends(v, wrap(lo), wrap(hi))
    };
    match unit {
        Some("percent") | None => joined,
        Some(u) if currency_symbol(u).is_some() => joined,
        Some("times") => format!("×{joined}"),
        Some(u) if is_currency_code(u) => format!("{u} {joined}"),
        Some(u) => format!("{joined} {}", plural(u)),
    }
}

/// The symbol written before an amount in a currency, for the ones that have one.
fn currency_symbol(unit: &str) -> Option<char> {
    match unit {
        "USD" => Some('$'),
        "GBP" => Some('£'),
        "EUR" => Some('€'),
        _ => None,
    }
}

/// A three-letter upper-case code ("JPY"), written before the amount.
fn is_currency_code(unit: &str) -> bool {
    unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase())
}

/// A noun in the plural, for messages: "case" → "cases", "person" → "people".
pub fn plural(noun: &str) -> String {
    match noun {
        "" => String::new(),
        "person" => "people".into(),
        "times" | "percent" | "staff" | "personnel" | "police" | "data" => noun.into(),
        // A unit symbol ("mm", "kg", "mph", "kWh") has no plural: a short word without
        // a vowel is an abbreviation.
        n if n.len() <= 4 && !n.chars().any(|c| "aeiouyAEIOUY".contains(c)) => n.into(),
        // English plurals, irregular ones included ("foot" → "feet", "child" → "children").
        n => pluralizer::pluralize(n, 2, false),
    }
}

/// A value with its unit as a reader writes it: "$8,000", "7,000 cases", "12%", "−$5".
pub fn with_unit(x: f64, unit: Option<&str>) -> String {
    let n = fmt_compact(x);
    let (sign, n) = match n.strip_prefix(MINUS) {
        Some(rest) => (MINUS.to_string(), rest.to_string()),
        None => (String::new(), n),
    };
    match unit {
        Some("percent") => format!("{sign}{n}%"),
        Some("times") => format!("×{sign}{n}"),
        Some(u) => match currency_symbol(u) {
            Some(c) => format!("{sign}{c}{n}"),
            None if is_currency_code(u) => format!("{u} {sign}{n}"),
            // "1,233 claims per examiner": the counted noun takes the plural, not the unit.
            None => match u.split_once(" per ") {
                Some((head, per)) if !head.is_empty() => format!("{sign}{n} {} per {per}", plural(head)),
                _ => format!("{sign}{n} {}", plural(u)),
            },
        },
        None => format!("{sign}{n}"),
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
    fn units_keep_their_symbol_and_nouns_take_plurals() {
        assert_eq!(plural("mm"), "mm");
        assert_eq!(plural("kWh"), "kWh");
        assert_eq!(plural("case"), "cases");
        assert_eq!(plural("city"), "cities");
        assert_eq!(plural("box"), "boxes");
        assert_eq!(plural("person"), "people");
    }

    #[test]
    fn numbers_read_well() {
        assert_eq!(fmt_num(1233.333), "1,233");
        assert_eq!(fmt_num(7_400_000.0), "7,400,000");
        assert_eq!(fmt_num(2.0), "2");
        assert_eq!(fmt_num(2.0411), "2.04");
        assert_eq!(fmt_num(-1500.0), "\u{2212}1,500");
        assert_eq!(fmt_num(-0.0001), "0");
        assert_eq!(fmt_num(12.256), "12.26");
        assert_eq!(fmt_num(1.0 / 3.0), "0.333");
        assert_eq!(fmt_range(&Value::new(1.0, 1.0, 1.0)), "1");
        assert_eq!(with_unit(8000.0, Some("USD")), "$8,000");
        assert_eq!(with_unit(18e6, Some("USD")), "$18 million");
        assert_eq!(with_unit(7000.0, Some("case")), "7,000 cases");
        assert_eq!(with_unit(3.0, Some("company")), "3 companies");
        assert_eq!(with_unit(-5.0, Some("USD")), "\u{2212}$5");
        assert_eq!(with_unit(-2.5, Some("percent")), "\u{2212}2.5%");
    }

    #[test]
    fn ranges_read_well() {
        let v = |lo: f64, hi: f64| Value::new((lo + hi) / 2.0, lo, hi);
        // Negative ends: "to", the true minus sign, a reader's precision.
        assert_eq!(fmt_range(&v(-15.4612, -14.4537)), "\u{2212}15.5 to \u{2212}14.5");
        assert_eq!(
            fmt_range_unit(&v(-15.4612, -14.4537), Some("percent")),
            "\u{2212}15.5% to \u{2212}14.5%"
        );
        assert_eq!(fmt_range(&v(-3.2, 4.5)), "\u{2212}3.2 to 4.5");
        // Positive ends keep the en dash.
        assert_eq!(fmt_range(&v(7_350_000.0, 7_450_000.0)), "7,350,000–7,450,000");
        assert_eq!(fmt_range(&v(1130.8, 1354.5)), "1,131–1,355");
        assert_eq!(fmt_range(&v(1.99, 2.04)), "1.99–2.04");
        assert_eq!(fmt_range(&v(30.0, 36.667)), "30–36.7");
        // More decimals where fewer would move an end by much of the width.
        assert_eq!(fmt_range(&v(15.04, 15.06)), "15.04–15.06");
        assert_eq!(fmt_range(&v(-15.55, -15.45)), "\u{2212}15.55 to \u{2212}15.45");
        assert_eq!(fmt_range(&v(145.0, 155.0)), "145–155");
        assert_eq!(fmt_range_unit(&v(14.5, 15.5), Some("percent")), "14.5%–15.5%");
        assert_eq!(fmt_range_unit(&v(1130.8, 1354.5), Some("USD")), "$1,131–$1,355");
        assert_eq!(fmt_range_unit(&v(-20.0, 10.0), Some("USD")), "\u{2212}$20 to $10");
        assert_eq!(
            fmt_range_unit(&v(1130.8, 1354.5), Some("case")),
            "1,131–1,355 cases"
        );
        assert_eq!(fmt_range_unit(&v(2.0, 2.0), Some("case")), "2 cases");
        for s in [
            fmt_range(&v(-15.5, -14.5)),
            fmt_range_unit(&v(-1.0, 2.0), Some("percent")),
        ] {
            assert!(!s.contains("–-") && !s.contains('-'), "{s}");
        }
    }
}
