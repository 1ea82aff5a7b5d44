//! ## What it checks
//! Parts stated against their whole in one sentence: a breakdown after a colon ("$12.1
//! billion: $3.6 billion in the first quarter, $3.9 billion in the second and $4.2 billion
//! in the third") must add up to the whole; parts counted out of a group ("of the 500
//! students, 320 were girls and 210 boys") must not exceed it.
//!
//! ## Why it matters
//! A breakdown that does not add up means one of its figures was mistyped or left stale.
//!
//! ## Example
//! "The three lines carried 100,000 riders: 41,000 on the Blue Line, 37,500 on the Red
//! Line and 31,500 on the Green Line." → 110,000, contradicted.
//!
//! ## Not flagged
//! Parts that fall short of a whole counted with "of the" (the rest may be unnamed), parts
//! of another unit, and lists outside the whole's sentence.

use super::linking::same_measure;
use super::{Context, Rule};
use crate::claim::{Claim, Kind, Role};
use crate::extract::hedge::floor_char_boundary;
use crate::finding::{Finding, Severity, fmt_num, fmt_range};
use crate::interval::{Hedge, Value, Verdict, verdict};

/// The `parts-of-whole` rule.
pub struct PartsOfWhole;

impl Rule for PartsOfWhole {
    fn id(&self) -> &str {
        "parts-of-whole"
    }

    fn summary(&self) -> &str {
        "Parts listed against a whole must add up to it, and never exceed it."
    }

    fn examples(&self) -> Vec<(&str, Verdict)> {
        vec![
            (
                "The three lines carried 100,000 riders: 41,000 on the Blue Line, 37,500 on the Red Line and 31,500 on the Green Line.",
                Verdict::Contradicted,
            ),
            (
                "Revenue reached $12.1 billion: $3.6 billion in the first quarter, $3.9 billion in the second and $4.6 billion in the third.",
                Verdict::Consistent,
            ),
            (
                "Of the 500 students, 320 were girls and 210 were boys.",
                Verdict::Contradicted,
            ),
        ]
    }

    fn doc(&self) -> String {
        super::module_doc(include_str!("parts_of_whole.rs"))
    }

    fn check(&self, cx: &Context) -> Vec<Finding> {
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(first) = cx.claims.get(i) {
            let s = first.sentence;
            let j = cx.claims.iter().skip(i).take_while(|c| c.sentence == s).count() + i;
            let sentence: Vec<&Claim> = cx
                .claims
                .get(i..j)
                .unwrap_or(&[])
                .iter()
                .filter(|c| part_like(c))
                .collect();
            out.extend(colon_breakdown(cx, &sentence));
            out.extend(of_the_group(cx, &sentence));
            i = j;
        }
        out
    }
}

fn part_like(c: &Claim) -> bool {
    c.usable()
        && matches!(c.kind, Kind::Count | Kind::Money)
        && matches!(c.role, Role::Value)
        && c.per.is_none()
}

/// "WHOLE …: PART, PART and PART": the whole is the largest figure before the colon that
/// measures what the parts measure.
fn colon_breakdown(cx: &Context, sentence: &[&Claim]) -> Option<Finding> {
    let first = sentence.first()?;
    let range = cx.doc.sentence_range(first.sentence);
    let text = cx.doc.text.get(range.clone())?;
    let colon = range.start + text.find(": ")?;
    let parts: Vec<&Claim> = sentence
        .iter()
        .copied()
        .filter(|c| c.span.start > colon)
        .collect();
    if parts.len() < 2 {
        return None;
    }
    let whole = sentence
        .iter()
        .copied()
        .filter(|c| c.span.end <= colon && parts.iter().all(|p| same_measure(p, c)))
        .filter(|c| parts.iter().all(|p| p.value.nominal < c.value.nominal))
        .max_by(|a, b| a.value.nominal.total_cmp(&b.value.nominal))?;
    let sum = parts.iter().fold(Value::point(0.0), |acc, p| acc.plus(p.value));
    let stated = precise_as_parts(whole, &parts);
    let v = verdict(&stated, &sum, 0.0);
    Some(finding(
        whole,
        stated,
        &parts,
        sum,
        v,
        "the parts listed after the colon",
    ))
}

/// "Of the 500 students, 320 … and 210 …": parts must not exceed the group.
fn of_the_group(cx: &Context, sentence: &[&Claim]) -> Option<Finding> {
    let text = cx.doc.text.as_str();
    let whole = sentence.iter().copied().find(|c| {
        let from = floor_char_boundary(text, c.span.start.saturating_sub(10));
        text.get(from..c.span.start)
            .is_some_and(|b| b.to_lowercase().trim_end().ends_with("of the"))
            && text
                .get(c.span.end..floor_char_boundary(text, c.span.end.saturating_add(60)))
                .is_some_and(|a| {
                    a.trim_start()
                        .split(',')
                        .next()
                        .is_some_and(|w| w.split_whitespace().count() <= 3)
                })
    })?;
    let parts: Vec<&Claim> = sentence
        .iter()
        .copied()
        .filter(|c| {
            c.span.start > whole.span.end && same_measure(c, whole) && c.value.nominal < whole.value.nominal
        })
        .collect();
    if parts.len() < 2 {
        return None;
    }
    let sum = parts.iter().fold(Value::point(0.0), |acc, p| acc.plus(p.value));
    let stated = precise_as_parts(whole, &parts);
    if sum.low <= stated.high && sum.nominal <= stated.nominal {
        // Parts within the group: the rest may simply be unnamed.
        return (sum.nominal == stated.nominal)
            .then(|| finding(whole, stated, &parts, sum, Verdict::Consistent, "the parts"));
    }
    let v = if sum.low > stated.high {
        Verdict::Contradicted
    } else {
        Verdict::Borderline
    };
    Some(finding(whole, stated, &parts, sum, v, "the parts"))
}

/// A whole printed beside a breakdown is as precise as its parts: "100,000 riders: 41,000
/// …, 37,500 … and 21,500 …" means 100,000 to the hundred, not to the hundred thousand.
fn precise_as_parts(whole: &Claim, parts: &[&Claim]) -> Value {
    let unit = |c: &Claim| (c.hedge == Hedge::Exact).then_some(c.value.high - c.value.low);
    let finest = parts.iter().filter_map(|p| unit(p)).fold(f64::INFINITY, f64::min);
    match unit(whole) {
        Some(u) if finest < u => {
            let n = whole.value.nominal;
            Value::new(n, n - finest / 2.0, n + finest / 2.0)
        }
        _ => whole.value,
    }
}

fn finding(whole: &Claim, stated: Value, parts: &[&Claim], sum: Value, v: Verdict, what: &str) -> Finding {
    let terms: Vec<String> = parts.iter().map(|p| fmt_num(p.value.nominal)).collect();
    let ranges: Vec<String> = parts.iter().map(|p| fmt_range(&p.value)).collect();
    let diff = sum.nominal - stated.nominal;
    let message = match v {
        Verdict::Consistent => format!("{what} add up to '{}'", whole.text),
        _ if diff > 0.0 => format!(
            "{what} add up to {}, more than '{}'",
            fmt_num(sum.nominal),
            whole.text
        ),
        _ => format!("{what} add up to {}, not '{}'", fmt_num(sum.nominal), whole.text),
    };
    let explanation = format!(
        "{} = {} ({} = {}); stated whole {} ({}){}",
        terms.join(" + "),
        fmt_num(sum.nominal),
        ranges.join(" + "),
        fmt_range(&sum),
        fmt_num(stated.nominal),
        fmt_range(&stated),
        if v == Verdict::Consistent {
            ".".to_string()
        } else {
            format!("; the difference is {}.", fmt_num(diff.abs()))
        }
    );
    let mut claims: Vec<String> = parts.iter().map(|p| p.id.clone()).collect();
    claims.push(whole.id.clone());
    let mut roles: Vec<String> = parts.iter().map(|_| "part".to_string()).collect();
    roles.push("stated".into());
    Finding {
        id: String::new(),
        rule: "parts-of-whole".into(),
        verdict: v,
        severity: Severity::of(v),
        claims,
        stated,
        derived: sum,
        message,
        explanation,
        factor: None,
        would_hold_if: (v != Verdict::Consistent).then(|| {
            format!(
                "it holds only if the parts were corrected by {} in all, or the whole were {}",
                fmt_num(diff.abs()),
                fmt_num(sum.nominal)
            )
        }),
        roles,
    }
}
