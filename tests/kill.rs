//! Data safety: a review killed (SIGKILL) at a random point while it writes never leaves a
//! corrupt review file, never loses a decision that finished, and never blocks the next
//! review with its lock.

#![cfg(unix)]

use std::process::{Command, Stdio};
use std::time::Duration;

#[test]
fn killing_reviews_at_random_points_never_corrupts_the_review_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let article = dir.path().join("story.txt");
    std::fs::copy("fixtures/review-desk.txt", &article).unwrap_or_else(|e| panic!("{e}"));
    let review = dir.path().join("story.txt.review.json");
    let bin = assert_cmd::cargo::cargo_bin("claimcheck");
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut completed = 0;
    for i in 0..200 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let id = format!("f{}", 1 + i % 4);
        let reason = format!("pass {i}");
        let mut child = Command::new(&bin)
            .args([
                "review",
                "--no-user-rules",
                &article.display().to_string(),
                "--dismiss",
                &id,
                "--reason",
                &reason,
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{e}"));
        // A review takes about 40 ms here: kill anywhere from start-up to after it ends.
        std::thread::sleep(Duration::from_micros(seed % 60_000));
        let _ = child.kill();
        let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
        if status.success() {
            completed += 1;
        }
        if review.exists() {
            let text = std::fs::read_to_string(&review).unwrap_or_default();
            let parsed: Result<serde_json::Value, _> = serde_json::from_str(&text);
            assert!(parsed.is_ok(), "iteration {i}: corrupt review file:\n{text}");
            if status.success() {
                // A review that finished has its decision on disk.
                assert!(
                    text.contains(&reason),
                    "iteration {i}: a finished decision was lost"
                );
            }
        }
    }
    // After all the killing, a review still goes through.
    let out = Command::new(&bin)
        .args([
            "review",
            "--no-user-rules",
            &article.display().to_string(),
            "--confirm",
            "f1",
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&review).unwrap_or_default();
    assert!(text.contains("\"confirmed\""));
    eprintln!("{completed} of 200 reviews finished before being killed");
}
