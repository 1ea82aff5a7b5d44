//! Fit the resolver's weights and thresholds on the annotated development corpus.
//!
//! ```sh
//! cargo run --release --example fit_weights -- ../shared/eval/cases           # fit on both folds, write src/relate/weights.rs
//! cargo run --release --example fit_weights -- ../shared/eval/cases --fold 1  # fit on fold 1, score fold 2 (writes nothing)
//! ```
//!
//! One logistic model per rule (linfa), over the evidence features of every reading the
//! rules propose; a reading is a positive example when it is one of the article's
//! annotated relations. The thresholds are then chosen so that "contradicted" findings
//! are right at least 95% of the time and flags at least 85%, flagging as many errors as
//! possible.

#[path = "fit/mod.rs"]
mod fit;

use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir = PathBuf::from("../shared/eval/cases");
    let mut fold: Option<u8> = None;
    let mut out = PathBuf::from("src/relate/weights.rs");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--fold" => fold = it.next().and_then(|f| f.parse().ok()),
            "--out" => out = it.next().map(PathBuf::from).unwrap_or(out),
            "-h" | "--help" => {
                eprintln!("usage: fit_weights [CASES_DIR] [--fold 1|2] [--out FILE]");
                return;
            }
            other => dir = PathBuf::from(other),
        }
    }
    let cases = fit::load(&dir);
    if cases.is_empty() {
        eprintln!("no annotated cases in {}", dir.display());
        std::process::exit(2);
    }
    let mut prepared = fit::prepare(&cases);
    let mut samples = fit::samples(&cases, &prepared, fold);
    fit::add_examples(&mut samples);
    for ((rule, holds), (_, ys)) in &samples {
        let pos = ys.iter().filter(|y| **y).count();
        let outcome = if *holds { "holding" } else { "missing" };
        eprintln!("{rule:20} {outcome}: {:6} readings, {pos:4} annotated", ys.len());
    }
    if let Some(path) = std::env::var_os("FIT_DUMP") {
        // Every sample as CSV (rule, holds, annotated, features), for analysis.
        let mut csv = format!(
            "rule,holds,annotated,{}\n",
            claimcheck::relate::evidence::NAMES.join(",")
        );
        for ((rule, holds), (xs, ys)) in &samples {
            for (x, y) in xs.iter().zip(ys) {
                let f: Vec<String> = x.iter().map(|v| format!("{v:.3}")).collect();
                csv.push_str(&format!("{rule},{holds},{y},{}\n", f.join(",")));
            }
        }
        if let Err(e) = std::fs::write(&path, csv) {
            eprintln!("cannot write {}: {e}", std::path::Path::new(&path).display());
        }
    }
    let verbose = std::env::var_os("FIT_VERBOSE").is_some();
    for (k, (n, c)) in fit::coverage(&cases, &prepared, fold, verbose) {
        eprintln!("coverage {k:16} {n:4}  proposed {:.2}", c as f64 / n as f64);
    }
    let weights = fit::fit(&samples);
    if verbose {
        for w in &weights {
            for (name, m) in [("holds", &w.holds), ("misses", &w.misses)] {
                let terms: Vec<String> = m
                    .weights
                    .iter()
                    .zip(claimcheck::relate::evidence::NAMES.iter())
                    .filter(|(x, _)| x.abs() >= 0.3)
                    .map(|(x, n)| format!("{n}={x:+.1}"))
                    .collect();
                eprintln!("{:20} {name:6} b={:+.2} {}", w.rule, m.intercept, terms.join(" "));
            }
        }
    }
    let (mut t, mut m) = fit::choose(&cases, &mut prepared, &weights, fold);
    if let Ok(v) = std::env::var("FIT_T") {
        let x: Vec<f64> = v.split(',').filter_map(|p| p.parse().ok()).collect();
        if let [link, explain, border, contradict] = x.as_slice() {
            t = claimcheck::resolve::Thresholds {
                link: *link,
                explain: *explain,
                border: *border,
                contradict: *contradict,
            };
            m = fit::score(&cases, &mut prepared, &weights, t, fold);
        }
    }
    eprintln!(
        "thresholds: link {:.3}, explain {:.3}, border {:.3}, contradict {:.3}",
        t.link, t.explain, t.border, t.contradict
    );
    match fold {
        Some(f) => {
            let other = 3 - f;
            eprintln!("fold {f} (fitted): {}", m.line());
            if let Some(n) = std::env::var("FIT_TOP").ok().and_then(|n| n.parse().ok()) {
                fit::top_misses(&cases, &mut prepared, &weights, Some(f), n);
            }
            if let Ok(kind) = std::env::var("FIT_MISSES") {
                let kind = (!kind.is_empty()).then_some(kind.as_str());
                fit::explain_misses(&cases, &mut prepared, &weights, t, Some(f), kind);
            }
            if let Ok(kind) = std::env::var("FIT_MISSES_OTHER") {
                let kind = (!kind.is_empty()).then_some(kind.as_str());
                fit::explain_misses(&cases, &mut prepared, &weights, t, Some(other), kind);
            }
            if let Ok(kind) = std::env::var("FIT_FOUND") {
                let kind = (!kind.is_empty()).then_some(kind.as_str());
                fit::found_status(&cases, &mut prepared, &weights, t, Some(f), kind);
            }
            if std::env::var_os("FIT_ERRORS").is_some() {
                fit::error_status(&cases, &mut prepared, &weights, t, Some(f));
            }
            if std::env::var_os("FIT_FALSE").is_some() {
                fit::false_flags(&cases, &mut prepared, &weights, t, Some(f));
                fit::false_flags(&cases, &mut prepared, &weights, t, Some(other));
            }
            let o = fit::score(&cases, &mut prepared, &weights, t, Some(other));
            eprintln!("fold {other} (held out): {}", o.line());
            for (k, (n, found, right)) in &o.by_kind {
                let (e, fl) = o.flagged_by_kind.get(k).copied().unwrap_or((0, 0));
                eprintln!(
                    "    {k:16} {n:4}  found {:.2}  right {:.2}  errors {e:3} flagged {fl:3}",
                    *found as f64 / *n as f64,
                    *right as f64 / *n as f64
                );
            }
            for (k, (e, fl)) in &m.flagged_by_kind {
                eprintln!("    fitted fold: {k:16} errors {e:3} flagged {fl:3}");
            }
        }
        None => {
            for f in [1, 2] {
                let m = fit::score(&cases, &mut prepared, &weights, t, Some(f));
                eprintln!("fold {f}: {}", m.line());
                for (k, (n, found, right)) in &m.by_kind {
                    let (e, fl) = m.flagged_by_kind.get(k).copied().unwrap_or((0, 0));
                    eprintln!(
                        "    {k:16} {n:4}  found {:.2}  right {:.2}  errors {e:3} flagged {fl:3}",
                        *found as f64 / *n as f64,
                        *right as f64 / *n as f64
                    );
                }
            }
            let note = format!("Fitted on {} annotated articles (both folds).", cases.len());
            let text = fit::render(&weights, t, &note);
            if let Err(e) = std::fs::write(&out, text) {
                eprintln!("cannot write {}: {e}", out.display());
                std::process::exit(2);
            }
            eprintln!("wrote {}", out.display());
        }
    }
}
