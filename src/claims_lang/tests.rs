use super::*;
use crate::interval::Verdict;

const GOOD: &str = r#"
[[rule]]
id = "per-officer-caseload"
description = "A caseload per officer must follow from the backlog and the staff."
select.total   = { noun = "case", per = "none" }
select.staff   = { noun = "officer|agent" }
select.average = { noun = "case", per = "officer|agent" }
expect = "average ~= total / staff within 10%"
examples.contradicted = ["The backlog reached 7.4 million cases; 6,000 officers each handle an average of 7,000 cases."]
examples.consistent   = ["The backlog reached 600,000 cases; 6,000 officers each handle an average of 100 cases."]
"#;

fn message(text: &str) -> String {
    match parse_file("claims/x.toml", text) {
        Ok(_) => String::new(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_rule_file_compiles_and_its_examples_hold() {
    let rules = parse_file("claims/x.toml", GOOD).unwrap_or_default();
    assert_eq!(rules.len(), 1);
    for rule in &rules {
        for (text, expected) in rule.examples() {
            let report = crate::check_with(text, &[rule as &dyn Rule]);
            let got: Vec<Verdict> = report.findings.iter().map(|f| f.verdict).collect();
            assert!(
                got.contains(&expected),
                "{text}: expected {expected:?}, got {got:?}"
            );
        }
    }
}

#[test]
fn unknown_selector_field_is_named_with_its_position() {
    let bad = GOOD.replace(
        r#"select.staff   = { noun = "officer|agent" }"#,
        r#"select.staff   = { nuon = "officer|agent" }"#,
    );
    let m = message(&bad);
    assert!(m.starts_with("claims/x.toml:6:"), "{m}");
    assert!(m.contains("unknown field `nuon`"), "{m}");
}

#[test]
fn unbalanced_quote_is_a_syntax_error_with_its_line() {
    let bad = GOOD.replace(r#"description = "A caseload"#, r#"description = A caseload"#);
    let m = message(&bad);
    assert!(m.starts_with("claims/x.toml:4:"), "{m}");
}

#[test]
fn duplicate_ids_and_missing_examples_are_errors() {
    let twice = format!("{GOOD}\n{GOOD}");
    assert!(message(&twice).contains("used twice"), "{}", message(&twice));
    let bare: String = GOOD
        .lines()
        .filter(|l| !l.starts_with("examples"))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(message(&bare).contains("has no examples"), "{}", message(&bare));
}

#[test]
fn expression_errors_point_into_the_expect_string() {
    let bad = GOOD.replace(
        "average ~= total / staff within 10%",
        "average ~= total / (staff within 10%",
    );
    let m = message(&bad);
    assert!(m.starts_with("claims/x.toml:8:37:"), "{m}");
    assert!(m.contains("')'"), "{m}");
    let unknown = GOOD.replace("average ~= total / staff", "average ~= total / staf");
    let m = message(&unknown);
    assert!(m.contains("'staf' is not selected"), "{m}");
    let col = m.split(':').nth(2).unwrap_or("");
    assert_eq!(col, "30", "{m}");
}

#[test]
fn bad_selector_values_are_explained() {
    let bad = GOOD.replace(
        r#"{ noun = "case", per = "none" }"#,
        r#"{ noun = "case", kind = "dollars" }"#,
    );
    assert!(
        message(&bad).contains("unknown kind 'dollars'"),
        "{}",
        message(&bad)
    );
}

#[test]
fn words_relations_work_like_symbols() {
    let words = GOOD.replace(
        "average ~= total / staff within 10%",
        "average is about total divided by staff within 10%",
    );
    let rules = parse_file("claims/x.toml", &words).unwrap_or_default();
    let Some(rule) = rules.first() else {
        panic!("did not compile")
    };
    let report = crate::check_with(
        "The backlog reached 7.4 million cases; 6,000 officers each handle an average of 7,000 cases.",
        &[rule as &dyn Rule],
    );
    assert_eq!(
        report.findings.first().map(|f| f.verdict),
        Some(Verdict::Contradicted)
    );
}
