//! The fitted-weights file is what the fitting command writes: regenerating it from the
//! development corpus reproduces `src/relate/weights.rs` (up to layout). Skipped, with the
//! reason printed, where the corpus (`../shared/eval/cases`) is absent.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The `fit_weights` example binary, which `cargo test` builds beside the test binaries.
fn fit_binary() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    // target/<profile>/deps/weights-… → target/<profile>/examples/fit_weights
    let profile_dir = exe.parent()?.parent()?;
    let bin = profile_dir
        .join("examples")
        .join(format!("fit_weights{}", std::env::consts::EXE_SUFFIX));
    bin.exists().then_some(bin)
}

#[test]
fn regenerating_the_weights_reproduces_the_file() {
    let cases = Path::new("../shared/eval/cases");
    if !cases.is_dir() {
        eprintln!(
            "skipped: {} is absent, so the weights cannot be refitted here",
            cases.display()
        );
        return;
    }
    let Some(bin) = fit_binary() else {
        panic!(
            "the fit_weights example was not built (cargo test builds examples; was it run with --tests only?)"
        );
    };
    let out = std::env::temp_dir().join(format!("claimcheck-weights-{}.rs", std::process::id()));
    let status = Command::new(&bin)
        .arg(cases)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}", bin.display()));
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let fresh = std::fs::read_to_string(&out).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    let _ = std::fs::remove_file(&out);
    let kept = std::fs::read_to_string("src/relate/weights.rs").unwrap_or_default();
    // `cargo fmt` may reflow the generated arrays: compare the tokens, not the layout.
    let tokens = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        tokens(&fresh) == tokens(&kept),
        "src/relate/weights.rs is stale: regenerate it with `cargo run --release --example fit_weights -- ../shared/eval/cases`"
    );
}
