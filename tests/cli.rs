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

/// `check --format json` of `text` with [`RULE`] loaded: exit status and the JSON.
fn check_with_rule(text: &str) -> (Option<i32>, serde_json::Value) {
    let dir = rule_dir(RULE);
    let path = dir.path().display().to_string();
    let out = claimcheck()
        .args(["check", "--format", "json", "--rules", &path, "-"])
        .write_stdin(text)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code(),
        serde_json::from_slice(&out.stdout).unwrap_or_default(),
    )
}

#[test]
fn user_rules_run_in_check_and_appear_in_json() {
    let (code, v) = check_with_rule("Officials said 120% of the budget went to schools.");
    assert_eq!(code, Some(1));
    assert_eq!(v["documents"][0]["findings"][0]["rule"], "share-under-100");
    assert_eq!(v["documents"][0]["findings"][0]["verdict"], "contradicted");
}

#[test]
fn a_bound_a_user_rule_checks_does_not_hide_a_built_in_error() {
    // "share <= 100" holds for 38 percent, but says nothing of where 38 comes from: the
    // built-in share of 1,600 in 5,000 (32%) still flags it.
    let (code, v) =
        check_with_rule("The college admitted 1,600 of the 5,000 applicants, or 38 percent of applicants.");
    let findings = v["documents"][0]["findings"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let rule_verdict = |rule: &str| {
        findings
            .iter()
            .find(|f| f["rule"] == rule)
            .map(|f| f["verdict"].clone())
    };
    assert_eq!(
        rule_verdict("share-of-total"),
        Some("contradicted".into()),
        "{findings:?}"
    );
    assert_eq!(
        rule_verdict("share-under-100"),
        Some("consistent".into()),
        "{findings:?}"
    );
    assert_eq!(code, Some(1));
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

/// Every example line of every `--help` ("  claimcheck …", "  cat … | claimcheck …"),
/// its trailing comment cut.
fn help_examples() -> Vec<String> {
    let mut out = Vec::new();
    for sub in [
        &[][..],
        &["check"],
        &["review"],
        &["extract"],
        &["rules", "list"],
        &["rules", "explain"],
        &["rules", "test"],
    ] {
        let help = claimcheck()
            .args(sub)
            .arg("--help")
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        for line in String::from_utf8_lossy(&help.stdout).lines() {
            let l = line.trim();
            let example =
                l.starts_with("claimcheck ") || (l.starts_with("cat ") && l.contains("| claimcheck"));
            if line.starts_with("  ") && !line.starts_with("   ") && example {
                let cmd = l.split(" # ").next().unwrap_or(l).trim().to_string();
                if !out.contains(&cmd) {
                    out.push(cmd);
                }
            }
        }
    }
    out
}

#[test]
fn help_examples_work_when_run() {
    // A folder laid out as the examples assume: the repository's fixtures and rules, an
    // article story.txt (the review-desk fixture, whose keys the review example names),
    // folders of articles, a JSON Lines corpus and shard.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let d = dir.path();
    let copy_dir = |from: &str, to: &std::path::Path| {
        for entry in walk(std::path::Path::new(from)) {
            let rel = entry.strip_prefix(from).unwrap_or(&entry);
            let target = to.join(rel);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
            }
            std::fs::copy(&entry, &target).unwrap_or_else(|e| panic!("{e}"));
        }
    };
    copy_dir("fixtures", &d.join("fixtures"));
    copy_dir("claims", &d.join("claims"));
    let put = |name: &str, from: &str| {
        let target = d.join(name);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
        }
        std::fs::copy(from, target).unwrap_or_else(|e| panic!("{e}"));
    };
    put("story.txt", "fixtures/review-desk.txt");
    for folder in ["articles", "stories", "site"] {
        put(&format!("{folder}/caseload.txt"), "fixtures/caseload.txt");
    }
    put("news/2026/clinics.md", "fixtures/batch/desk/clinics.md");
    let corpus = concat!(
        r#"{"id": "a", "text": "The district will spend $120 million on its 10,000 students, or $18,000 per student."}"#,
        "\n",
        r#"{"id": "b", "text": "There were 12 cases.", "format": "text"}"#,
        "\n"
    );
    for name in ["corpus.jsonl", "shard.jsonl"] {
        std::fs::write(d.join(name), corpus).unwrap_or_else(|e| panic!("{e}"));
    }
    let bin = assert_cmd::cargo::cargo_bin("claimcheck");
    let bin_dir = bin.parent().map(std::path::Path::to_path_buf).unwrap_or_default();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let examples = help_examples();
    assert!(examples.len() >= 15, "too few examples found: {examples:?}");
    for example in &examples {
        if example.contains("| jq")
            && std::process::Command::new("jq")
                .arg("--version")
                .output()
                .is_err()
        {
            eprintln!("skipped (no jq on the PATH): {example}");
            continue;
        }
        let out = std::process::Command::new("bash")
            .args(["-o", "pipefail", "-c", example])
            .current_dir(d)
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let err = String::from_utf8_lossy(&out.stderr);
        // 1 is a finding at or above --fail-on, which several examples are there to show.
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "`{example}` exited {:?}: {err}",
            out.status.code()
        );
        assert!(!err.contains("error"), "`{example}`: {err}");
    }
}

/// Every file below a folder.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn help_points_to_documents_the_repository_has() {
    for sub in [&[][..], &["check"]] {
        let out = claimcheck()
            .args(sub)
            .arg("--help")
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(!help.contains("DESIGN.md"), "{help}");
    }
}

#[test]
fn rules_and_no_user_rules_are_refused_together_as_help_says() {
    for cmd in ["check", "review"] {
        let out = claimcheck()
            .args([
                cmd,
                "--rules",
                "claims",
                "--no-user-rules",
                "fixtures/caseload.txt",
            ])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("'--rules <DIR>' cannot be used with '--no-user-rules'"),
            "{err}"
        );
        let help = claimcheck()
            .args([cmd, "--help"])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let help = String::from_utf8_lossy(&help.stdout);
        assert!(
            help.contains("Cannot be combined with --no-user-rules"),
            "{cmd}: {help}"
        );
        assert!(help.contains("Cannot be combined with --rules"), "{cmd}: {help}");
    }
}

#[test]
fn a_user_rule_may_not_take_a_built_in_id() {
    let dir = rule_dir(&RULE.replace("share-under-100", "per-unit-average"));
    let rules = dir.path().display().to_string();
    for args in [
        vec!["check", "--rules", &rules, "fixtures/caseload.txt"],
        vec!["rules", "list", "--rules", &rules],
        vec!["rules", "test", &rules],
    ] {
        let out = claimcheck()
            .args(&args)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("rules.toml:2:6") && err.contains("'per-unit-average' is a built-in rule's"),
            "{args:?}: {err}"
        );
    }
}

/// A rule file whose contradictions are reported as warnings, and an article that breaks it.
const QUIET_RULE: &str = r#"[[rule]]
id = "votes-within-cast"
description = "Votes for and against cannot exceed the votes cast."
within = "same sentence"
select.cast = { noun = "vote|ballot", after = "cast|counted" }
select.yes = { noun = "vote", after = "favor|favour|yes|support" }
select.no = { noun = "vote", after = "against|opposed" }
expect = "cast >= yes + no"
severity = "warning"
examples.consistent = ["Of 1,012 votes cast, 540 votes were in favor and 410 votes were against."]
examples.contradicted = ["Of 1,012 votes cast, 640 votes were in favor and 410 votes were against."]
"#;

#[test]
fn severity_warning_is_a_warning_in_every_output_and_the_exit_status() {
    let dir = rule_dir(QUIET_RULE);
    let rules = dir.path().display().to_string();
    let article = dir.path().join("vote.txt");
    std::fs::write(
        &article,
        "Referendum count\n\nOf 1,012 votes cast, 640 votes were in favor and 410 votes were against.\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let a = article.display().to_string();
    let run = |format: &str, extra: &[&str]| {
        let out = claimcheck()
            .env("NO_COLOR", "1")
            .args(["check", "--rules", &rules, "--format", format])
            .args(extra)
            .arg(&a)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).to_string(),
        )
    };
    let (code, json) = run("json", &[]);
    assert!(
        json.contains("\"verdict\": \"contradicted\"") && json.contains("\"severity\": \"warning\""),
        "{json}"
    );
    assert_eq!(code, Some(0), "a warning does not fail the run by default");
    let (code, human) = run("human", &[]);
    assert_eq!(code, Some(0));
    assert!(
        human.contains("\nWarning: '1,012'") && !human.contains("Error:"),
        "{human}"
    );
    let (_, github) = run("github", &[]);
    assert!(
        github.starts_with("::warning ") && !github.contains("::error"),
        "{github}"
    );
    let (_, sarif) = run("sarif", &[]);
    assert!(
        sarif.contains("\"level\": \"warning\"") && !sarif.contains("\"level\": \"error\""),
        "{sarif}"
    );
    let (code, _) = run("human", &["--fail-on", "borderline"]);
    assert_eq!(code, Some(1), "--fail-on borderline fails on warnings");
}

#[test]
fn an_input_with_no_readable_article_exits_2_naming_it() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let d = dir.path();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    std::fs::create_dir(d.join("scans")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(d.join("photo.txt"), png).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(d.join("scans/a.txt"), png).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(d.join("scans/b.md"), png).unwrap_or_else(|e| panic!("{e}"));
    for (input, why) in [
        ("photo.txt", "photo.txt: looks binary"),
        (
            "scans",
            "scans: no readable article: the 2 file(s) it names look binary",
        ),
        ("scans/*", "scans/*: no readable article"),
    ] {
        for format in ["human", "json", "jsonl"] {
            let out = claimcheck()
                .current_dir(d)
                .args(["check", "--no-user-rules", "--format", format, input])
                .output()
                .unwrap_or_else(|e| panic!("{e}"));
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{input} {format}: {err}");
            assert!(err.contains(why), "{input} {format}: {err}");
        }
    }
    // A binary file beside a readable article is skipped with a warning; the run goes on.
    std::fs::write(d.join("scans/story.txt"), "There were 12 cases.").unwrap_or_else(|e| panic!("{e}"));
    let out = claimcheck()
        .current_dir(d)
        .args(["check", "--no-user-rules", "scans"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("scans/a.txt: looks binary"));
}

#[test]
fn a_glob_skips_what_a_directory_walk_skips() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let d = dir.path();
    std::fs::create_dir_all(d.join("desk/drafts")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(d.join("desk/.gitignore"), "drafts/\nscratch.txt\n").unwrap_or_else(|e| panic!("{e}"));
    for f in ["a.txt", "scratch.txt", "drafts/d.txt", ".hidden.txt"] {
        std::fs::write(d.join("desk").join(f), "There were 12 cases.").unwrap_or_else(|e| panic!("{e}"));
    }
    let paths = |args: &[&str]| {
        let out = claimcheck()
            .current_dir(d)
            .args(["extract", "--format", "jsonl"])
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let mut p: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .map(|v| {
                v["path"]
                    .as_str()
                    .unwrap_or_default()
                    .trim_start_matches("desk/")
                    .to_string()
            })
            .collect();
        p.sort();
        (
            out.status.code(),
            p,
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    let (_, walked, _) = paths(&["desk"]);
    assert_eq!(walked, ["a.txt"]);
    for pattern in ["desk/*.txt", "desk/**/*.txt", "desk/*"] {
        assert_eq!(paths(&[pattern]).1, walked, "{pattern}");
    }
    let (_, all, _) = paths(&["--no-ignore", "desk/**/*.txt"]);
    assert_eq!(all, [".hidden.txt", "a.txt", "drafts/d.txt", "scratch.txt"]);
    assert_eq!(paths(&["--no-ignore", "desk"]).1, all);
    // A pattern whose every match is skipped says so, and how to read them.
    let (code, none, err) = paths(&["desk/scratch*"]);
    assert_eq!((code, none.len()), (Some(2), 0), "{err}");
    assert!(
        err.contains("only files that .gitignore") && err.contains("--no-ignore"),
        "{err}"
    );
}

#[test]
fn html_colours_a_claim_by_the_worst_finding_it_takes_part_in() {
    // The headline's "7.4 million" only agrees with a body figure (a repeat), but that
    // body figure is the total of a contradicted average.
    let out = claimcheck()
        .args([
            "check",
            "--no-user-rules",
            "--format",
            "html",
            "fixtures/caseload.txt",
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let page = String::from_utf8_lossy(&out.stdout);
    let mark = |id: &str| {
        page.split("<mark ")
            .find(|m| m.contains(&format!("id=\"d0-{id}\"")))
            .map(|m| m.split('>').next().unwrap_or_default().to_string())
            .unwrap_or_default()
    };
    assert!(mark("c1").contains("class=\"contradicted\""), "{}", mark("c1"));
    assert!(mark("c3").contains("class=\"contradicted\""), "{}", mark("c3"));
}

/// The first finding's explanation for an article given on standard input.
fn explanation_of(article: &str) -> String {
    let out = claimcheck()
        .args(["check", "--no-user-rules", "--format", "json", "-"])
        .write_stdin(article)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    v["documents"][0]["findings"][0]["explanation"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn what_if_wording_reads_right() {
    // A fall: the formula a reader sees gives the figure it prints, and the value before
    // that would make "fell 15%" hold is 68 ÷ 0.85, at the inputs' precision.
    let fall = explanation_of("Exports fell 15% from $80.5 million to $68 million.\n");
    assert!(
        fall.starts_with("(80,500,000 − 68,000,000) ÷ 80,500,000 × 100 = 15.53"),
        "{fall}"
    );
    assert!(fall.contains("the value before were about 80,000,000."), "{fall}");
    let rise = explanation_of("Freight rose 15% to 22.75 million tons, from 21.3 million tons.\n");
    assert!(
        rise.starts_with("(22,750,000 − 21,300,000) ÷ 21,300,000 × 100"),
        "{rise}"
    );
    assert!(rise.contains("the value before were about 19,800,000."), "{rise}");
    // An average of money: "account for the total", never "carry these money".
    let money =
        explanation_of("The $2.4 billion budget serves 300,000 residents, or about $12,000 per resident.\n");
    assert!(money.contains("residents account for the total"), "{money}");
    for wrong in ["these money", "these USD", "  "] {
        assert!(!money.contains(wrong), "{money}");
    }
}

#[test]
fn a_figure_broken_over_two_lines_is_quoted_on_one() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let article = dir.path().join("wrapped.md");
    std::fs::write(
        &article,
        "Backlog\n\nThe backlog has reached 7.4 million claims. The agency employs about 6,000 examiners, and each examiner carries an average of\n7,000 claims.\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = claimcheck()
        .env("COLUMNS", "100")
        .args(["check", "--no-user-rules", "--color", "never"])
        .arg(&article)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let human = String::from_utf8_lossy(&out.stdout);
    assert!(
        human.contains("Error: 'an average of 7,000' does not follow"),
        "{human}"
    );
    assert!(
        human.contains("stated: an average of 7,000 claims per examiner"),
        "{human}"
    );
    assert!(
        !human.contains("  an average") && !human.contains("of  7,000"),
        "{human}"
    );
}
