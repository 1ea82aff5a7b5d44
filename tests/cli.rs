//! The command line as a user meets it: exit codes, formats and error messages.

use assert_cmd::Command;

fn claimcheck() -> Command {
    Command::cargo_bin("claimcheck").unwrap_or_else(|e| panic!("binary not built: {e}"))
}

#[test]
fn contradicted_article_exits_1() {
    let out = claimcheck()
        .args(["check", "--color", "never", "fixtures/caseload.txt"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("contradicted per-unit-average"));
    assert!(stdout.contains("1,233"));
}

#[test]
fn consistent_article_exits_0() {
    let out = claimcheck()
        .args(["check", "fixtures/court-backlog.txt"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("no discrepancies found"));
}

#[test]
fn fail_on_controls_the_exit_code() {
    let never = claimcheck()
        .args(["check", "--fail-on", "never", "fixtures/caseload.txt"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(never.status.code(), Some(0));
    let text = "Ridership reached 7.4 million trips this year. It has more than doubled since 2019, when riders took 3.7 million trips.";
    let border = claimcheck()
        .args(["check", "--fail-on", "borderline", "-"])
        .write_stdin(text)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(border.status.code(), Some(1));
    let default = claimcheck()
        .args(["check", "-"])
        .write_stdin(text)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(default.status.code(), Some(0));
}

#[test]
fn json_follows_the_contract() {
    let out = claimcheck()
        .args(["check", "--format", "json", "fixtures/caseload.txt"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(v["version"], 1);
    let doc = &v["documents"][0];
    assert_eq!(doc["path"], "fixtures/caseload.txt");
    let c = &doc["claims"][0];
    for key in [
        "id", "text", "kind", "span", "value", "hedge", "unit", "per", "time",
    ] {
        assert!(c.get(key).is_some(), "claim lacks {key}");
    }
    for key in ["start", "end", "line", "column"] {
        assert!(c["span"].get(key).is_some(), "span lacks {key}");
    }
    let f = &doc["findings"][0];
    for key in [
        "id",
        "rule",
        "verdict",
        "severity",
        "claims",
        "stated",
        "derived",
        "message",
        "explanation",
    ] {
        assert!(f.get(key).is_some(), "finding lacks {key}");
    }
}

#[test]
fn extract_json_has_claims_only() {
    let out = claimcheck()
        .args(["extract", "--format", "json", "fixtures/number-forms.txt"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert!(
        v["documents"][0]["claims"]
            .as_array()
            .is_some_and(|a| a.len() > 30)
    );
    assert!(v["documents"][0].get("findings").is_none());
}

#[test]
fn missing_file_is_a_one_line_error() {
    let out = claimcheck()
        .args(["check", "no/such/file.txt"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim(),
        "claimcheck: no/such/file.txt: no such file or directory"
    );
}

#[test]
fn directory_without_articles_is_an_error() {
    let out = claimcheck()
        .args(["check", "src/rules"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("directory holds no articles"));
}

#[test]
fn directory_of_articles_is_read() {
    let out = claimcheck()
        .args(["check", "--format", "json", "fixtures"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert!(v["documents"].as_array().is_some_and(|d| d.len() >= 8));
}

#[test]
fn usage_errors_exit_2() {
    let out = claimcheck()
        .args(["check"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let out = claimcheck()
        .args(["check", "--format", "xml", "fixtures/caseload.txt"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn invalid_utf8_and_empty_input_get_reports() {
    let out = claimcheck()
        .args(["check", "-"])
        .write_stdin(vec![0xff, 0xfe, b'1', b'2', b' ', b'c', b'a', b't', b's'])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8"));
    let out = claimcheck()
        .args(["check", "-"])
        .write_stdin("")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn help_explains_flags_with_examples() {
    let out = claimcheck()
        .args(["check", "--help"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let help = String::from_utf8_lossy(&out.stdout);
    for needle in ["--format", "--show", "--fail-on", "Examples:"] {
        assert!(help.contains(needle), "help lacks {needle}");
    }
}

fn rule_dir(body: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("rules.toml"), body).unwrap_or_else(|e| panic!("{e}"));
    dir
}

const RULE: &str = r#"[[rule]]
id = "share-under-100"
description = "A percentage of a total cannot exceed 100 percent."
select.share = { kind = "percent", after = "of" }
expect = "share <= 100"
examples.consistent = ["Turnout reached 64 percent of voters.", "About 38% of the budget goes to schools."]
examples.contradicted = ["Turnout reached 104 percent of voters.", "Officials said 120% of the budget went to schools."]
"#;

#[test]
fn rules_test_passes_on_the_shipped_claims() {
    let out = claimcheck()
        .args(["rules", "test"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains(" 0 failed"));
}

#[test]
fn a_broken_example_fails_the_run_and_is_named() {
    let dir = rule_dir(&RULE.replace("Turnout reached 104 percent", "Turnout reached 94 percent"));
    let path = dir.path().display().to_string();
    let out = claimcheck()
        .args(["rules", "test", &path])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("FAIL") && stdout.contains("Turnout reached 94"),
        "{stdout}"
    );
}

#[test]
fn a_malformed_rule_file_is_located() {
    let dir = rule_dir(&RULE.replace("select.share = { kind", "select.share = { knd"));
    let path = dir.path().display().to_string();
    let out = claimcheck()
        .args(["check", "--rules", &path, "fixtures/caseload.txt"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("rules.toml:4:"), "{err}");
    assert!(err.contains("unknown field `knd`"), "{err}");
}

#[test]
fn user_rules_run_in_check_and_appear_in_json() {
    let dir = rule_dir(RULE);
    let path = dir.path().display().to_string();
    let out = claimcheck()
        .args(["check", "--format", "json", "--rules", &path, "-"])
        .write_stdin("Officials said 120% of the budget went to schools.")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(v["documents"][0]["findings"][0]["rule"], "share-under-100");
    assert_eq!(v["documents"][0]["findings"][0]["verdict"], "contradicted");
}

#[test]
fn rules_list_and_explain() {
    let out = claimcheck()
        .args(["rules", "list"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("per-unit-average") && stdout.contains("homicide-rate"),
        "{stdout}"
    );
    let out = claimcheck()
        .args(["rules", "explain", "percent-change"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("## What it checks") && stdout.contains("Examples:"),
        "{stdout}"
    );
    let out = claimcheck()
        .args(["rules", "explain", "no-such-rule"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
}
