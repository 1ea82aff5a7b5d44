//! The HTML report in a real browser: headless Chromium loads the page and the DOM it
//! builds holds the highlighted claims and the findings. Skipped (with a note) where no
//! Chromium is installed, unless CLAIMCHECK_REQUIRE_BROWSER is set, as .ci/run sets it.

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

#[test]
fn html_report_renders_in_headless_chromium() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CLAIMCHECK_REQUIRE_BROWSER").is_none(),
            "CLAIMCHECK_REQUIRE_BROWSER is set but no chromium was found"
        );
        eprintln!("skipped: no chromium on this machine");
        return;
    };
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let page = dir.path().join("report.html");
    let out = assert_cmd::Command::cargo_bin("claimcheck")
        .unwrap_or_else(|e| panic!("{e}"))
        .args([
            "check",
            "--no-user-rules",
            "--format",
            "html",
            "--show",
            "consistent",
            "fixtures/caseload.txt",
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&page, &out.stdout).unwrap_or_else(|e| panic!("{e}"));
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
        .unwrap_or_else(|e| panic!("{e}"));
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(
        dom.contains("<mark class=\"contradicted\""),
        "no contradicted claim highlighted:\n{dom}"
    );
    assert!(
        dom.contains(">an average of 7,000</mark>"),
        "the stated claim is not highlighted"
    );
    assert!(
        dom.contains("<mark class=\"borderline\""),
        "no borderline claim highlighted"
    );
    assert!(
        dom.contains("class=\"finding contradicted\""),
        "the finding is not listed"
    );
}
