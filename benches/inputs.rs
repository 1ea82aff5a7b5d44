//! Benchmark inputs of real text, built on the fly from the files under `../shared` (the
//! development articles `eval/cases/*.txt` and the seed article `seed/*.txt`), which are
//! never copied into the repository: the development articles repeated as JSON Lines, the
//! seed article ×400 as one document, the development articles as one line, 4,000 of
//! their sentences as one paragraph and as 4,000 lines, and a list of figures (which
//! needs no shared text).
//!
//! `../shared` is found beside the repository, or where `CLAIMCHECK_SHARED` says; when it
//! is missing, [`shared`] says why and the benchmarks that need it are skipped.
//! `cargo run --release --example gen_corpus -- --help` writes any of these to a file.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The shared directory, or why there is none.
pub fn shared() -> Result<PathBuf, String> {
    let dir = match std::env::var_os("CLAIMCHECK_SHARED") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    };
    if dir.join("eval/cases").is_dir() && dir.join("seed").is_dir() {
        Ok(dir)
    } else {
        Err(format!(
            "{} has no eval/cases and seed directories (set CLAIMCHECK_SHARED to the shared directory)",
            dir.display()
        ))
    }
}

/// The `.txt` files of a directory, in name order, as (file name, text).
fn texts(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let name = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.push((name, text));
    }
    if out.is_empty() {
        return Err(format!("{}: no .txt files", dir.display()));
    }
    Ok(out)
}

/// The development articles (`eval/cases/*.txt`), in name order.
pub fn dev_articles(shared: &Path) -> Result<Vec<(String, String)>, String> {
    texts(&shared.join("eval/cases"))
}

/// The seed article (the first `seed/*.txt`).
pub fn seed_article(shared: &Path) -> Result<String, String> {
    Ok(texts(&shared.join("seed"))?
        .into_iter()
        .next()
        .map(|(_, t)| t)
        .unwrap_or_default())
}

/// The development articles repeated until the records hold at least `bytes` of text, as
/// JSON Lines: `{"id": "<case>#<round>", "text": …}`.
pub fn dev_jsonl(articles: &[(String, String)], bytes: usize) -> String {
    let mut out = String::new();
    let mut text_bytes = 0;
    for round in 0.. {
        for (name, text) in articles {
            let line = serde_json::json!({"id": format!("{name}#{round}"), "text": text});
            out.push_str(&line.to_string());
            out.push('\n');
            text_bytes += text.len();
        }
        if text_bytes >= bytes || articles.is_empty() {
            break;
        }
    }
    out
}

/// `text` repeated `times` times as one document, a blank line between the copies.
pub fn repeated(text: &str, times: usize) -> String {
    let one = text.trim_end();
    let mut out = String::with_capacity((one.len() + 2) * times);
    for k in 0..times {
        if k > 0 {
            out.push_str("\n\n");
        }
        out.push_str(one);
    }
    out.push('\n');
    out
}

/// The development articles one after another, a blank line between them, repeated to
/// at least `bytes`: one long article of many lines and paragraphs.
pub fn multi_line(articles: &[(String, String)], bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + (1 << 16));
    while out.len() < bytes && !articles.is_empty() {
        for (_, text) in articles {
            out.push_str(text.trim_end());
            out.push_str("\n\n");
        }
    }
    out
}

/// The development articles with every line break (and run of them) a space, repeated
/// and cut at the first sentence end past `bytes`: one article on one line.
pub fn one_line(articles: &[(String, String)], bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + (1 << 16));
    'fill: while !articles.is_empty() {
        for (_, text) in articles {
            for piece in text.split_whitespace() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(piece);
                if out.len() >= bytes && out.ends_with('.') {
                    break 'fill;
                }
            }
        }
    }
    out.push('\n');
    out
}

/// The first `n` sentences of the development articles (repeated when they hold fewer),
/// as claimcheck's own segmentation finds them, each on one line of its own.
pub fn sentences(articles: &[(String, String)], n: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(n);
    while out.len() < n && !articles.is_empty() {
        for (_, text) in articles {
            let doc = claimcheck::Document::new(text.as_str());
            for range in &doc.sentences {
                let s = text.get(range.clone()).unwrap_or_default();
                let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
                if !s.is_empty() && out.len() < n {
                    out.push(s);
                }
            }
        }
    }
    out
}

/// A list of `figures` figures, two to a line: `- Item 123: 4,567 units`.
pub fn figure_list(figures: usize) -> String {
    let mut out = String::with_capacity(figures * 14);
    let mut rng = fastrand::Rng::with_seed(12);
    for i in 1..=figures.div_ceil(2) {
        let v = rng.u32(1_000..10_000);
        out.push_str(&format!("- Item {i}: {},{:03} units\n", v / 1000, v % 1000));
    }
    out
}
