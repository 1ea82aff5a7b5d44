//! The human report fits the terminal: every line at most `COLUMNS` display columns (100
//! when unset and standard output is no terminal), long article lines shown as windows
//! around their figures. Checked on the seed article at run time (its text is not the
//! project's to commit) and pinned by a snapshot on a fixture of the project's own.

use assert_cmd::Command;
use std::path::Path;
use unicode_width::UnicodeWidthStr;

/// The human report of an article, with every finding shown, laid out for `columns`;
/// `rules` says which user rules run.
fn report(path: &Path, columns: Option<&str>, rules: &[&str]) -> String {
    let mut cmd = Command::cargo_bin("claimcheck").unwrap_or_else(|e| panic!("binary not built: {e}"));
    cmd.env("NO_COLOR", "1").env_remove("COLUMNS");
    if let Some(c) = columns {
        cmd.env("COLUMNS", c);
    }
    let out = cmd
        .args(["check", "--show", "all", "--fail-on", "never"])
        .args(rules)
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The lines wider than `width` columns.
fn too_wide(report: &str, width: usize) -> Vec<String> {
    report
        .lines()
        .filter(|l| l.width() > width)
        .map(|l| format!("{} columns: {l}", l.width()))
        .collect()
}

#[test]
fn the_seed_report_fits_100_columns() {
    let seed = Path::new("../shared/seed");
    let Some(article) = std::fs::read_dir(seed).ok().and_then(|d| {
        d.flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|x| x == "txt"))
    }) else {
        println!(
            "skipped: no seed article in {} (the shared data is not beside this clone)",
            seed.display()
        );
        return;
    };
    for (columns, width) in [(Some("100"), 100), (None, 100), (Some("72"), 72)] {
        let text = report(&article, columns, &["--no-user-rules"]);
        assert!(text.contains("╭─["), "the seed report shows no finding:\n{text}");
        let wide = too_wide(&text, width);
        assert!(wide.is_empty(), "COLUMNS={columns:?}:\n{}", wide.join("\n"));
        // One section per finding: no header is opened twice within one.
        for section in text.split("\n\n") {
            assert!(section.matches("╭─[").count() <= 1, "{section}");
        }
    }
}

#[test]
fn a_report_at_100_columns() {
    // town-ledger has article lines of 400 columns, and figures the shipped rules flag.
    let text = report(
        Path::new("fixtures/town-ledger.txt"),
        Some("100"),
        &["--rules", "claims"],
    );
    let wide = too_wide(&text, 100);
    assert!(wide.is_empty(), "{}", wide.join("\n"));
    assert!(text.contains('…'), "long lines are shown as windows");
    insta::assert_snapshot!(text);
}
