//! The seed article (`../shared/seed`, the shared data beside the clone; its text is not
//! the project's to commit) read at run time: its human report, every finding shown, fits
//! 100 columns with COLUMNS=100 and with COLUMNS unset, and 72 with COLUMNS=72, one
//! section per finding. Where the shared data is absent the test is reported as ignored,
//! with the reason, in `cargo test`'s own output: this file runs its own harness
//! (libtest-mimic) so that the test can decide at run time to be ignored.

use libtest_mimic::{Arguments, Completion, Failed, Trial};
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;

/// The seed article, when the shared data is there.
fn seed_article() -> Option<PathBuf> {
    std::fs::read_dir(Path::new("../shared/seed"))
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "txt"))
}

fn the_seed_report_fits_its_columns() -> Result<Completion, Failed> {
    let Some(article) = seed_article() else {
        return Ok(Completion::ignored_with(
            "needs the seed article in ../shared/seed (the shared data beside the clone)",
        ));
    };
    for (columns, width) in [(Some("100"), 100), (None, 100), (Some("72"), 72)] {
        let mut cmd = assert_cmd::Command::cargo_bin("claimcheck").map_err(|e| e.to_string())?;
        cmd.env("NO_COLOR", "1").env_remove("COLUMNS");
        if let Some(c) = columns {
            cmd.env("COLUMNS", c);
        }
        let out = cmd
            .args(["check", "--no-user-rules", "--show", "all", "--fail-on", "never"])
            .arg(&article)
            .output()
            .map_err(|e| e.to_string())?;
        let text = String::from_utf8_lossy(&out.stdout);
        if out.status.code() != Some(0) {
            return Err(format!(
                "exit {:?}: {}",
                out.status.code(),
                String::from_utf8_lossy(&out.stderr)
            )
            .into());
        }
        if !text.contains("╭─[") {
            return Err(format!("the seed report shows no finding:\n{text}").into());
        }
        let wide: Vec<String> = text
            .lines()
            .filter(|l| l.width() > width)
            .map(|l| format!("{} columns: {l}", l.width()))
            .collect();
        if !wide.is_empty() {
            return Err(format!("COLUMNS={columns:?}, lines over {width}:\n{}", wide.join("\n")).into());
        }
        // One section per finding: no section opens a second header.
        if let Some(s) = text.split("\n\n").find(|s| s.matches("╭─[").count() > 1) {
            return Err(format!("two headers in one section:\n{s}").into());
        }
    }
    Ok(Completion::Completed)
}

fn main() -> std::process::ExitCode {
    let args = Arguments::from_args();
    let tests = vec![Trial::ignorable_test(
        "the_seed_report_fits_its_columns",
        the_seed_report_fits_its_columns,
    )];
    libtest_mimic::run(&args, tests).exit_code()
}
