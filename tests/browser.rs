//! The HTML report in a real browser: headless Chromium loads the page and the DOM it
//! builds holds the highlighted claims and the findings.
//!
//! Needs Chromium (`apt-get install chromium` on Debian; `chromium`, `chromium-browser` or
//! `google-chrome` on the PATH). Where there is none the test is reported as ignored, with
//! the reason, in `cargo test`'s own output — unless CLAIMCHECK_REQUIRE_BROWSER is set, as
//! .ci/run sets it, and then it fails. This file runs its own harness (libtest-mimic) so
//! that the test can decide at run time to be ignored; a second test runs the harness
//! with no browser on the PATH and checks that it says so.

use libtest_mimic::{Arguments, Completion, Failed, Trial};
use std::process::Command;

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

fn html_report_renders_in_headless_chromium() -> Result<Completion, Failed> {
    let Some(browser) = chromium() else {
        if std::env::var_os("CLAIMCHECK_REQUIRE_BROWSER").is_some() {
            return Err("CLAIMCHECK_REQUIRE_BROWSER is set but no chromium was found".into());
        }
        return Ok(Completion::ignored_with(
            "needs Chromium: apt-get install chromium, or put chromium on the PATH",
        ));
    };
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let page = dir.path().join("report.html");
    // The shipped user rules (./claims) flag this article's figures whatever the built-in
    // rules make of it.
    let out = assert_cmd::Command::cargo_bin("claimcheck")
        .map_err(|e| e.to_string())?
        .args([
            "check",
            "--format",
            "html",
            "--show",
            "consistent",
            "fixtures/town-ledger.txt",
        ])
        .output()
        .map_err(|e| e.to_string())?;
    std::fs::write(&page, &out.stdout).map_err(|e| e.to_string())?;
    let profile = dir.path().join("profile");
    let dom = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            &format!("--user-data-dir={}", profile.display()),
            "--dump-dom",
            &format!("file://{}", page.display()),
        ])
        .output()
        .map_err(|e| e.to_string())?;
    let dom = String::from_utf8_lossy(&dom.stdout);
    let expect = |what: &str, why: &str| -> Result<(), Failed> {
        if dom.contains(what) {
            Ok(())
        } else {
            Err(format!("{why}: no {what} in\n{dom}").into())
        }
    };
    expect(
        "<mark class=\"contradicted\"",
        "no contradicted claim highlighted",
    )?;
    expect(">104 percent</mark>", "the stated claim is not highlighted")?;
    expect("class=\"finding contradicted\"", "the finding is not listed")?;
    expect("<code class=\"key\">", "the finding's key is not shown")?;
    Ok(Completion::Completed)
}

/// Where there is no Chromium, the browser test says it was ignored and why, in the
/// output a user reads: this harness run again with a PATH that holds no browser.
fn without_chromium_the_browser_test_is_ignored_with_its_reason() -> Result<(), Failed> {
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let empty = tempfile::tempdir().map_err(|e| e.to_string())?;
    let out = Command::new(me)
        .args(["--exact", "html_report_renders_in_headless_chromium"])
        .env("PATH", empty.path())
        .env_remove("CLAIMCHECK_REQUIRE_BROWSER")
        .output()
        .map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let said = "html_report_renders_in_headless_chromium ... ignored (needs Chromium";
    if out.status.success() && stdout.contains(said) && stdout.contains("1 ignored") {
        Ok(())
    } else {
        Err(format!(
            "expected '{said}' and success, got {:?}:\n{stdout}",
            out.status.code()
        )
        .into())
    }
}

fn main() -> std::process::ExitCode {
    let args = Arguments::from_args();
    let tests = vec![
        Trial::ignorable_test(
            "html_report_renders_in_headless_chromium",
            html_report_renders_in_headless_chromium,
        ),
        Trial::test(
            "without_chromium_the_browser_test_is_ignored_with_its_reason",
            without_chromium_the_browser_test_is_ignored_with_its_reason,
        ),
    ];
    libtest_mimic::run(&args, tests).exit_code()
}
