//! The human report fits the terminal: every line at most `COLUMNS` display columns (100
//! when unset and standard output is no terminal), long article lines shown as windows
//! around their figures, pinned by a snapshot on a fixture of the project's own. The seed
//! article, whose text is not the project's to commit, is checked at run time by
//! tests/seed.rs.

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

#[test]
fn the_claims_table_fits_columns_too() {
    for columns in ["100", "90"] {
        let out = Command::cargo_bin("claimcheck")
            .unwrap_or_else(|e| panic!("binary not built: {e}"))
            .env("COLUMNS", columns)
            .args(["extract", "fixtures/caseload.txt"])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let text = String::from_utf8_lossy(&out.stdout);
        let width: usize = columns.parse().unwrap_or(100);
        let wide = too_wide(&text, width);
        assert!(wide.is_empty(), "COLUMNS={columns}:\n{}", wide.join("\n"));
        // Values are not broken across lines.
        assert!(text.contains("7,350,000–7,450,000"), "{text}");
    }
}
