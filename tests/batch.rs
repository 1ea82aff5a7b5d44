//! Whole archives through the command line: mixed directories (.txt, .md, .html, with a
//! .gitignore), globs, JSON Lines corpora on disk and on stdin, the jsonl / sarif / github
//! outputs, claimcheck.toml, skipped binary files, and output in input order.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn claimcheck() -> Command {
    let mut c = Command::cargo_bin("claimcheck").unwrap_or_else(|e| panic!("binary not built: {e}"));
    c.env("NO_COLOR", "1");
    c
}

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = claimcheck().args(args).output().unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}): {s}"))
}

/// Decode what the HTML fixture uses between a claim's bytes: tags, entities, line breaks.
fn visible(raw: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in raw.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&#36;", "$")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_mixed_directory_points_into_the_original_files() {
    let (code, stdout, stderr) = run(&[
        "check",
        "--no-user-rules",
        "--format",
        "json",
        "fixtures/batch/desk",
    ]);
    assert_eq!(code, Some(1), "{stderr}");
    let v = json(&stdout);
    let docs = v["documents"].as_array().cloned().unwrap_or_default();
    let paths: Vec<&str> = docs.iter().filter_map(|d| d["path"].as_str()).collect();
    // Sorted, recursive, and drafts/ is ignored by the directory's .gitignore.
    assert_eq!(
        paths,
        [
            "fixtures/batch/desk/clinics.md",
            "fixtures/batch/desk/harbor.txt",
            "fixtures/batch/desk/transit.html"
        ]
    );
    let mut checked = 0;
    for d in &docs {
        let path = d["path"].as_str().unwrap_or_default();
        let source = std::fs::read_to_string(path).unwrap_or_default();
        let lines: Vec<&str> = source.split('\n').collect();
        for c in d["claims"].as_array().into_iter().flatten() {
            let text = c["text"].as_str().unwrap_or_default();
            let (start, end) = (
                c["span"]["start"].as_u64().unwrap_or(0) as usize,
                c["span"]["end"].as_u64().unwrap_or(0) as usize,
            );
            let raw = source
                .get(start..end)
                .unwrap_or_else(|| panic!("{path}: bad span {start}..{end}"));
            // The bytes the span names are the claim, once markup is read.
            assert_eq!(visible(raw), text, "{path}: {raw:?}");
            // Line and column name the same place as the byte offset.
            let line = c["span"]["line"].as_u64().unwrap_or(0) as usize;
            let column = c["span"]["column"].as_u64().unwrap_or(0) as usize;
            let line_text = lines.get(line - 1).copied().unwrap_or_default();
            let at: String = line_text.chars().skip(column - 1).collect();
            assert!(
                at.starts_with(raw.split('\n').next().unwrap_or_default()),
                "{path}:{line}:{column} does not start {raw:?}: {at:?}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 25, "only {checked} claims checked");
    // The contradictions of the HTML page and the Markdown article are found.
    let verdicts: Vec<(String, String)> = docs
        .iter()
        .flat_map(|d| {
            d["findings"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(move |f| {
                    (
                        d["path"].as_str().unwrap_or_default().to_string(),
                        format!(
                            "{} {}",
                            f["rule"].as_str().unwrap_or(""),
                            f["verdict"].as_str().unwrap_or("")
                        ),
                    )
                })
        })
        .collect();
    assert!(verdicts.contains(&(
        "fixtures/batch/desk/transit.html".into(),
        "per-unit-average contradicted".into()
    )));
    assert!(verdicts.contains(&(
        "fixtures/batch/desk/clinics.md".into(),
        "percent-change contradicted".into()
    )));
}

#[test]
fn html_boilerplate_is_not_read() {
    let (_, stdout, _) = run(&["extract", "--format", "json", "fixtures/batch/desk/transit.html"]);
    let v = json(&stdout);
    let texts: Vec<&str> = v["documents"][0]["claims"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["text"].as_str())
        .collect();
    // Script (2024, 3), style (12px, 300px), nav (14), caption (3 million, 2023), footer (2025, 1).
    for boilerplate in ["2025", "3 million", "12", "300", "14", "1"] {
        assert!(
            !texts.contains(&boilerplate),
            "{boilerplate} read from boilerplate: {texts:?}"
        );
    }
    assert_eq!(texts.first(), Some(&"42 million"), "the title is the headline");
}

#[test]
fn ignored_files_are_read_with_no_ignore() {
    let (_, stdout, _) = run(&[
        "extract",
        "--format",
        "jsonl",
        "--no-ignore",
        "fixtures/batch/desk",
    ]);
    assert_eq!(stdout.lines().count(), 4);
    assert!(stdout.contains("drafts/unpublished.txt"));
}

#[test]
fn glob_patterns_are_expanded() {
    let (code, stdout, stderr) = run(&["extract", "--format", "jsonl", "fixtures/batch/*/*.{md,html}"]);
    // The glob crate has no braces: that pattern matches nothing and says so.
    assert_eq!(code, Some(2));
    assert!(stderr.contains("pattern matches no file"), "{stderr}");
    assert!(stdout.is_empty());
    let (code, stdout, _) = run(&["extract", "--format", "jsonl", "fixtures/batch/**/*.md"]);
    assert_eq!(code, Some(0));
    assert_eq!(stdout.lines().count(), 1);
    assert!(stdout.contains("clinics.md"));
}

#[test]
fn a_jsonl_corpus_streams_one_line_per_record() {
    let (code, stdout, stderr) = run(&[
        "check",
        "--no-user-rules",
        "--format",
        "jsonl",
        "fixtures/batch/corpus.jsonl",
    ]);
    // One record is not JSON: a warning naming its line, the rest checked, exit status 2.
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("fixtures/batch/corpus.jsonl:5:"), "{stderr}");
    let lines: Vec<Value> = stdout.lines().map(json).collect();
    // One output line per input record, the bad one included, in order.
    let ids: Vec<&str> = lines.iter().filter_map(|d| d["path"].as_str()).collect();
    assert_eq!(
        ids,
        [
            "wire-001",
            "wire-002",
            "3",
            "fixtures/batch/corpus.jsonl:5",
            "wire-004",
            "wire-005"
        ]
    );
    assert!(
        lines[3]["error"]
            .as_str()
            .is_some_and(|e| e.contains("not a JSON object"))
    );
    let docs: Vec<Value> = lines.into_iter().filter(|d| d["error"].is_null()).collect();
    assert!(docs.iter().all(|d| d["version"] == 1));
    let flagged: Vec<&str> = docs
        .iter()
        .filter(|d| {
            d["findings"]
                .as_array()
                .is_some_and(|f| f.iter().any(|f| f["verdict"] == "contradicted"))
        })
        .filter_map(|d| d["path"].as_str())
        .collect();
    assert_eq!(flagged, ["wire-002"]);
    // The HTML record is read as HTML: its title is not a claim, its span is in the record.
    let wire4 = &docs[3]["claims"][0];
    assert_eq!(wire4["text"], "$10 million");
    assert!(wire4["text_span"].is_object());
}

#[test]
fn jsonl_on_stdin() {
    let out = claimcheck()
        .args(["check", "--no-user-rules", "--input", "jsonl", "--format", "jsonl", "-"])
        .write_stdin("{\"id\": \"a\", \"text\": \"Exports tripled to $9 billion from $2 billion.\"}\n{\"id\": \"b\", \"text\": \"Nothing.\"}\n")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 2);
    assert!(
        out.stderr.is_empty(),
        "no progress bar or noise when stderr is not a terminal"
    );
}

#[test]
fn output_keeps_input_order_in_parallel() {
    let mut corpus = String::new();
    for i in 0..400 {
        // Sizes vary so that workers finish out of order.
        let filler = "The council met again. ".repeat(i % 37 * 20);
        corpus.push_str(&format!(
            "{{\"id\": \"doc-{i}\", \"text\": \"{filler}About 50 officers handled 2,000 cases, an average of {} cases each.\"}}\n",
            if i % 5 == 0 { 400 } else { 40 }
        ));
    }
    let out = claimcheck()
        .args([
            "check",
            "--no-user-rules",
            "-j",
            "2",
            "--input",
            "jsonl",
            "--format",
            "jsonl",
            "-",
        ])
        .write_stdin(corpus)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let docs: Vec<Value> = stdout.lines().map(json).collect();
    assert_eq!(docs.len(), 400);
    for (i, d) in docs.iter().enumerate() {
        assert_eq!(d["path"], format!("doc-{i}"));
        let contradicted = d["findings"]
            .as_array()
            .is_some_and(|f| f.iter().any(|f| f["verdict"] == "contradicted"));
        assert_eq!(contradicted, i % 5 == 0, "doc-{i}");
    }
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let (code, stdout, stderr) = run(&[
        "check",
        "--no-user-rules",
        "--format",
        "sarif",
        "fixtures/batch/desk",
        "fixtures/caseload.txt",
    ]);
    assert_eq!(code, Some(1), "{stderr}");
    let log = json(&stdout);
    let schema_text = std::fs::read_to_string("tests/schemas/sarif-schema-2.1.0.json")
        .unwrap_or_else(|e| panic!("schema: {e}"));
    let schema = json(&schema_text);
    let validator = jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("schema: {e}"));
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // A mutated log must fail, or the validation above proves nothing.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(!validator.is_valid(&broken));
    let results = log["runs"][0]["results"].as_array().cloned().unwrap_or_default();
    let html = results
        .iter()
        .find(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                == "fixtures/batch/desk/transit.html"
        })
        .unwrap_or_else(|| panic!("no result for the HTML page"));
    assert_eq!(html["ruleId"], "per-unit-average");
    assert_eq!(
        html["locations"][0]["physicalLocation"]["region"]["startLine"],
        15
    );
    assert!(
        log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .is_some_and(|r| r.len() == claimcheck::rules::BUILTIN.len())
    );
}

#[test]
fn github_annotations() {
    let (code, stdout, _) = run(&[
        "check",
        "--no-user-rules",
        "--format",
        "github",
        "fixtures/batch/desk",
    ]);
    assert_eq!(code, Some(1));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("::error file=fixtures/batch/desk/clinics.md,line=6,col=87,"))
    );
    assert!(
        lines.iter().any(
            |l| l.starts_with("::error file=fixtures/batch/desk/transit.html,line=15,col=61,endLine=16,")
        )
    );
}

#[test]
fn fail_on_never_and_borderline() {
    let (code, _, _) = run(&[
        "check",
        "--no-user-rules",
        "--fail-on",
        "never",
        "fixtures/batch/desk",
    ]);
    assert_eq!(code, Some(0));
    let (code, _, _) = run(&[
        "check",
        "--no-user-rules",
        "--fail-on",
        "borderline",
        "fixtures/batch/desk/harbor.txt",
    ]);
    assert_eq!(code, Some(0));
}

#[test]
fn binary_and_invalid_utf8_files_are_named() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let d = dir.path();
    let write =
        |name: &str, bytes: &[u8]| std::fs::write(d.join(name), bytes).unwrap_or_else(|e| panic!("{e}"));
    write("a.txt", b"There were 12 cases.");
    write("b.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write("c.md", b"About 40 \xff\xfe cases.");
    let (code, stdout, stderr) = run(&["extract", "--format", "jsonl", &d.display().to_string()]);
    assert_eq!(code, Some(0), "a skipped binary file is not an error: {stderr}");
    // Every input has its line: the binary one says it was skipped.
    assert_eq!(stdout.lines().count(), 3);
    assert!(
        stdout
            .lines()
            .nth(1)
            .is_some_and(|l| l.contains("\"error\"") && l.contains("looks binary"))
    );
    assert!(stderr.contains("b.html: looks binary"), "{stderr}");
    assert!(stderr.contains("c.md: not valid UTF-8"), "{stderr}");
}

fn with_config(config: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("claimcheck.toml"), config).unwrap_or_else(|e| panic!("{e}"));
    let sub = dir.path().join("stories");
    std::fs::create_dir(&sub).unwrap_or_else(|e| panic!("{e}"));
    let article = Path::new("fixtures/caseload.txt");
    std::fs::copy(article, sub.join("caseload.txt")).unwrap_or_else(|e| panic!("{e}"));
    (dir, sub)
}

#[test]
fn claimcheck_toml_sets_defaults_found_from_a_subdirectory() {
    let (_dir, sub) = with_config(
        "[check]\nformat = \"jsonl\"\nfail-on = \"never\"\n\n[rules]\ndisable = [\"repeated-figure\"]\n",
    );
    let out = claimcheck()
        .current_dir(&sub)
        .args(["check", "caseload.txt"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0), "fail-on = never");
    let doc = json(String::from_utf8_lossy(&out.stdout).trim());
    let rules = doc["rules_run"].as_array().cloned().unwrap_or_default();
    assert_eq!(rules.len(), claimcheck::rules::BUILTIN.len() - 1);
    assert!(!rules.contains(&Value::from("repeated-figure")));
    // Flags win over the file.
    let out = claimcheck()
        .current_dir(&sub)
        .args([
            "check",
            "--format",
            "json",
            "--fail-on",
            "contradicted",
            "caseload.txt",
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    assert!(json(&String::from_utf8_lossy(&out.stdout))["documents"].is_array());
}

#[test]
fn tolerance_in_claimcheck_toml_softens_verdicts() {
    let article = "Exports rose to $105 million from $100 million, an increase of 7%.\n";
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("a.txt"), article).unwrap_or_else(|e| panic!("{e}"));
    let verdict = |config: &str| {
        std::fs::write(dir.path().join("claimcheck.toml"), config).unwrap_or_else(|e| panic!("{e}"));
        let out = claimcheck()
            .current_dir(dir.path())
            .args(["check", "--format", "json", "a.txt"])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let v = json(&String::from_utf8_lossy(&out.stdout));
        v["documents"][0]["findings"][0]["verdict"]
            .as_str()
            .unwrap_or("none")
            .to_string()
    };
    assert_eq!(verdict(""), "contradicted");
    assert_eq!(
        verdict("[rules.tolerances]\npercent-change = 0.5\n"),
        "consistent"
    );
    assert_eq!(verdict("[rules]\ntolerance = 0.001\n"), "contradicted");
}

#[test]
fn claimcheck_toml_errors_name_the_key() {
    // Each error names the file, the line and the value; every command that reads the
    // file finds it.
    for (config, expected) in [
        ("[check]\nformats = \"json\"\n", "line 2: unknown field `formats`"),
        (
            "[check]\nformat = \"pdf\"\n",
            "line 2: format = \"pdf\" is not one of human, json",
        ),
        (
            "# defaults\n[check]\nfail-on = \"always\"\n",
            "line 3: fail-on = \"always\" is not one of",
        ),
        (
            "[rules]\ndisable = [\"per-unit-averages\"]\n",
            "line 2: disable: no rule 'per-unit-averages'",
        ),
        (
            "[rules]\n\ntolerance = 7\n",
            "line 3: tolerance = 7 is out of range",
        ),
        ("[rules]\ntolerance = -1\n", "from 0 to 1"),
        (
            "[rules.tolerances]\npercent-change = 1.5\n",
            "line 2: [rules.tolerances] percent-change = 1.5 is out of range",
        ),
        ("[rules]\ndirs = [\"nowhere\"]\n", "line 2: dirs: \"nowhere\""),
    ] {
        let (_dir, sub) = with_config(config);
        for args in [
            &["check", "caseload.txt"][..],
            &["review", "caseload.txt", "--list"],
            &["rules", "list"],
        ] {
            let out = claimcheck()
                .current_dir(&sub)
                .args(args)
                .output()
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(out.status.code(), Some(2), "{config} {args:?}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains("claimcheck.toml: ") && err.contains(expected),
                "{config} {args:?}: {err}"
            );
            assert!(!err.contains("tolerance for"), "{err}");
        }
    }
    // --no-config ignores a broken file.
    let (_dir, sub) = with_config("[check]\nformats = 1\n");
    let out = claimcheck()
        .current_dir(&sub)
        .args(["check", "--no-config", "--fail-on", "never", "caseload.txt"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
}
