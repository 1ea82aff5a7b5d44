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
