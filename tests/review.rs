//! Reviewing: the interactive loop driven through stdin, decisions by flags, their effect on
//! `check`, fingerprints that survive edits, corrupt files, atomic and concurrent writes.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn claimcheck() -> Command {
    let mut c = Command::cargo_bin("claimcheck").unwrap_or_else(|e| panic!("binary not built: {e}"));
    c.env("NO_COLOR", "1");
    c
}

/// A copy of the review-desk fixture, which has four flagged findings, in a fresh folder.
fn desk_article() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("story.txt");
    std::fs::copy("fixtures/review-desk.txt", &path).unwrap_or_else(|e| panic!("{e}"));
    (dir, path)
}

/// A copy of the caseload fixture in a fresh folder: (folder, article path).
fn article() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("story.txt");
    std::fs::copy("fixtures/caseload.txt", &path).unwrap_or_else(|e| panic!("{e}"));
    (dir, path)
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

fn findings(path: &Path) -> serde_json::Value {
    let out = claimcheck()
        .args(["check", "--no-user-rules", "--format", "json", &s(path)])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    v["documents"][0]["findings"].clone()
}

fn review_of(path: &Path, rule: &str) -> serde_json::Value {
    let f = findings(path);
    let found = f
        .as_array()
        .and_then(|a| a.iter().find(|x| x["rule"] == rule))
        .cloned();
    found.map(|x| x["review"].clone()).unwrap_or_default()
}

#[test]
fn interactive_review_is_remembered_and_changes_check() {
    let (_dir, path) = desk_article();
    let out = claimcheck()
        .args(["review", "--no-user-rules", &s(&path)])
        .write_stdin("c\nd\nthe start figure is a rounded estimate\n")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 decision(s) recorded"));
    assert_eq!(review_of(&path, "product-total")["status"], "confirmed");
    assert_eq!(review_of(&path, "rate-conversion")["status"], "dismissed");
    assert_eq!(
        review_of(&path, "rate-conversion")["reason"],
        "the start figure is a rounded estimate"
    );
    // The human report hides the dismissed finding, counts it, and marks the confirmed one.
    // (Wide enough that the summary's column headings are not hyphenated.)
    let out = claimcheck()
        .env("COLUMNS", "200")
        .args(["check", "--no-user-rules", &s(&path)])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("confirmed by review"), "{text}");
    assert!(!text.contains("rate-conversion"), "{text}");
    assert!(text.contains("dismissed"), "{text}");
    assert_eq!(
        out.status.code(),
        Some(1),
        "a confirmed contradiction still fails the run"
    );
    // --no-review shows everything again.
    let out = claimcheck()
        .args(["check", "--no-user-rules", "--no-review", &s(&path)])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("rate-conversion"));
}

#[test]
fn quitting_and_skipping_record_nothing() {
    let (_dir, path) = article();
    let out = claimcheck()
        .args(["review", "--no-user-rules", &s(&path)])
        .write_stdin("s\nq\n")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 decision(s)"));
    let out = claimcheck()
        .args(["review", "--no-user-rules", &s(&path)])
        .write_stdin("")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    assert!(review_of(&path, "per-unit-average").is_null());
}

#[test]
fn dismissed_findings_do_not_fail_the_run() {
    let (_dir, path) = article();
    let out = claimcheck()
        .args(["review", "--no-user-rules", &s(&path), "--list"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let list = String::from_utf8_lossy(&out.stdout);
    let id = list
        .lines()
        .find(|l| l.contains("per-unit-average"))
        .and_then(|l| l.split(['│', '┆']).nth(1))
        .map(|x| x.trim().to_string())
        .unwrap_or_default();
    assert!(id.starts_with('f'), "{list}");
    let out = claimcheck()
        .args([
            "review",
            "--no-user-rules",
            &s(&path),
            "--dismiss",
            &id,
            "--reason",
            "different groups",
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = claimcheck()
        .args(["check", "--no-user-rules", &s(&path)])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "only a dismissed contradiction is left"
    );
}

#[test]
fn decisions_survive_edits_elsewhere_and_lapse_when_a_figure_changes() {
    let (_dir, path) = article();
    claimcheck()
        .args(["review", "--no-user-rules", &s(&path)])
        .write_stdin("c\nc\n")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let edited = text.replacen(
        "\n\n",
        "\n\nA new paragraph with 12 new figures was added here by an editor.\n\n",
        1,
    );
    std::fs::write(&path, &edited).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(review_of(&path, "per-unit-average")["status"], "confirmed");
    std::fs::write(
        &path,
        edited.replace("an average of 7,000 claims", "an average of 7,500 claims"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        review_of(&path, "per-unit-average").is_null(),
        "a changed figure makes the finding unreviewed"
    );
}

#[test]
fn a_corrupt_review_file_is_named_and_left_untouched() {
    let (_dir, path) = article();
    let review = PathBuf::from(format!("{}.review.json", s(&path)));
    std::fs::write(&review, "{\"version\": 1, \"decisions\": [ oops").unwrap_or_else(|e| panic!("{e}"));
    let out = claimcheck()
        .args(["check", "--no-user-rules", &s(&path)])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("story.txt.review.json: not a valid review file"),
        "{err}"
    );
    let out = claimcheck()
        .args(["review", "--no-user-rules", &s(&path)])
        .write_stdin("c\n")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&review).unwrap_or_default(),
        "{\"version\": 1, \"decisions\": [ oops"
    );
}

#[test]
fn concurrent_reviews_keep_every_decision_and_leave_no_temporary_files() {
    let (dir, path) = desk_article();
    let ids = ["f1", "f2", "f3", "f4"];
    let children: Vec<std::process::Child> = ids
        .iter()
        .map(|id| {
            std::process::Command::new(assert_cmd::cargo::cargo_bin("claimcheck"))
                .args(["review", "--no-user-rules", &s(&path), "--confirm", id])
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap_or_else(|e| panic!("{e}"))
        })
        .collect();
    for mut c in children {
        let _ = c.wait();
    }
    let review = std::fs::read_to_string(format!("{}.review.json", s(&path))).unwrap_or_default();
    let v: serde_json::Value = serde_json::from_str(&review).unwrap_or_default();
    assert_eq!(v["decisions"].as_array().map(Vec::len), Some(4), "{review}");
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.ends_with(".lock"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// The flagged findings `check` reports for an article run from `dir`: (f-number, key,
/// rule), in order.
fn flagged_in(dir: &Path, args: &[&str]) -> Vec<(String, String, String)> {
    let out = claimcheck()
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    v["documents"][0]["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["verdict"] == "contradicted" || f["verdict"] == "borderline")
        .map(|f| {
            let get = |k: &str| f[k].as_str().unwrap_or_default().to_string();
            (get("id"), get("key"), get("rule"))
        })
        .collect()
}

/// The decisions of a review file: (fingerprint, status, reason).
fn decisions(path: &Path) -> Vec<(String, String, Option<String>)> {
    let file = std::fs::read_to_string(path).unwrap_or_default();
    let v: serde_json::Value = serde_json::from_str(&file).unwrap_or_default();
    v["decisions"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| {
            (
                d["fingerprint"].as_str().unwrap_or_default().to_string(),
                d["status"].as_str().unwrap_or_default().to_string(),
                d["reason"].as_str().map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn review_reads_the_configuration_check_reads_and_names_what_it_recorded() {
    let (dir, _path) = desk_article();
    let d = dir.path();
    let all = flagged_in(d, &["--no-user-rules", "story.txt"]);
    std::fs::write(
        d.join("claimcheck.toml"),
        "[rules]\ndisable = [\"product-total\"]\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let fewer = flagged_in(d, &["--no-user-rules", "story.txt"]);
    assert!(
        fewer.iter().all(|(_, _, rule)| rule != "product-total"),
        "{fewer:?}"
    );
    // The rate-conversion finding, by the f-number `check` shows under this configuration.
    let Some((id, key, _)) = fewer.iter().find(|(_, _, r)| r == "rate-conversion").cloned() else {
        panic!("no rate-conversion finding: {fewer:?}")
    };
    // Its key is the same whichever rules run.
    assert!(
        all.iter().any(|(_, k, r)| *k == key && r == "rate-conversion"),
        "{all:?} {key}"
    );
    let out = claimcheck()
        .current_dir(d)
        .args(["review", "--no-user-rules", "story.txt", "--dismiss", &id])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The decision is echoed with the finding it went to.
    assert!(
        stdout.contains(&format!("dismissed {id} ({key}) contradicted rate-conversion")),
        "{stdout}"
    );
    let recorded = decisions(&d.join("story.txt.review.json"));
    assert_eq!(recorded.len(), 1, "{recorded:?}");
    assert!(recorded[0].0.starts_with("rate-conversion|"), "{recorded:?}");
    // And `check`, under the same configuration, no longer shows it.
    let out = claimcheck()
        .current_dir(d)
        .env("COLUMNS", "100")
        .args(["check", "--no-user-rules", "story.txt"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let human = String::from_utf8_lossy(&out.stdout);
    assert!(!human.contains(&format!("({key})")), "{human}");
}

#[test]
fn review_takes_config_as_check_does() {
    let (dir, _path) = desk_article();
    let d = dir.path();
    let config = d.join("strict.toml");
    std::fs::write(&config, "[rules]\nenable = [\"share-of-total\"]\n").unwrap_or_else(|e| panic!("{e}"));
    let c = config.display().to_string();
    let shown = flagged_in(d, &["--no-user-rules", "--config", &c, "story.txt"]);
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].2, "share-of-total");
    let out = claimcheck()
        .current_dir(d)
        .args([
            "review",
            "--no-user-rules",
            "--config",
            &c,
            "story.txt",
            "--confirm",
            &shown[0].0,
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recorded = decisions(&d.join("story.txt.review.json"));
    assert_eq!(recorded.len(), 1);
    assert!(recorded[0].0.starts_with("share-of-total|"), "{recorded:?}");
    // A broken value in that file stops review as it stops check, naming its line.
    std::fs::write(&config, "[check]\nformat = \"pdf\"\n").unwrap_or_else(|e| panic!("{e}"));
    let out = claimcheck()
        .current_dir(d)
        .args(["review", "--no-user-rules", "--config", &c, "story.txt", "--list"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("strict.toml: line 2: format = \"pdf\""), "{err}");
}

#[test]
fn a_reason_belongs_to_the_decision_before_it() {
    let (dir, _path) = desk_article();
    let d = dir.path();
    let shown = flagged_in(d, &["--no-user-rules", "story.txt"]);
    assert!(shown.len() >= 3, "{shown:?}");
    let (a, b, c) = (&shown[0], &shown[1], &shown[2]);
    let out = claimcheck()
        .current_dir(d)
        .args(["review", "--no-user-rules", "story.txt"])
        .args([
            "--dismiss",
            &a.0,
            "--reason",
            "a year apart",
            "--confirm",
            &b.1,
            "--dismiss",
            &c.0,
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recorded = decisions(&d.join("story.txt.review.json"));
    let reason_of = |rule: &str, status: &str| {
        recorded
            .iter()
            .find(|(fp, s, _)| fp.starts_with(&format!("{rule}|")) && s == status)
            .map(|(_, _, r)| r.clone())
    };
    assert_eq!(recorded.len(), 3, "{recorded:?}");
    assert_eq!(
        reason_of(&a.2, "dismissed"),
        Some(Some("a year apart".to_string()))
    );
    assert_eq!(reason_of(&b.2, "confirmed"), Some(None), "{recorded:?}");
    // A reason with no decision before it, or a second one, is refused and records nothing.
    std::fs::remove_file(d.join("story.txt.review.json")).unwrap_or_else(|e| panic!("{e}"));
    for args in [
        vec!["--reason", "why", "--dismiss", a.0.as_str()],
        vec!["--dismiss", a.0.as_str(), "--reason", "one", "--reason", "two"],
    ] {
        let out = claimcheck()
            .current_dir(d)
            .args(["review", "--no-user-rules", "story.txt"])
            .args(&args)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--reason"));
        assert!(!d.join("story.txt.review.json").exists(), "{args:?}");
    }
}

#[test]
fn a_finding_list_does_not_show_cannot_be_decided() {
    let (dir, _path) = desk_article();
    let d = dir.path();
    // Without product-total, the desk article's "$200 per cardholder" is a consistent average.
    std::fs::write(
        d.join("claimcheck.toml"),
        "[rules]\ndisable = [\"product-total\"]\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = claimcheck()
        .current_dir(d)
        .args(["check", "--no-user-rules", "--format", "json", "story.txt"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let findings = v["documents"][0]["findings"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let Some(consistent) = findings.iter().find(|f| f["verdict"] == "consistent") else {
        panic!("the desk article has a consistent finding: {findings:?}")
    };
    let flagged = findings
        .iter()
        .find(|f| f["verdict"] == "contradicted")
        .map(|f| f["id"].as_str().unwrap_or_default().to_string())
        .unwrap_or_default();
    for id in [
        consistent["id"].as_str().unwrap_or_default(),
        consistent["key"].as_str().unwrap_or_default(),
    ] {
        let out = claimcheck()
            .current_dir(d)
            .args([
                "review",
                "--no-user-rules",
                "story.txt",
                "--confirm",
                &flagged,
                "--dismiss",
                id,
            ])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.status.code(), Some(2), "{id}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("is consistent") && err.contains("nothing was recorded"),
            "{err}"
        );
        // Not even the valid decision given with it.
        assert!(!d.join("story.txt.review.json").exists());
    }
}
