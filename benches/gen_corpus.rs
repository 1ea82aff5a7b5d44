//! Write a synthetic corpus for benchmarks, as JSON Lines (`{"id", "text"}` per line) or
//! as one plain-text file per article.
//!
//! ```text
//! cargo run --release --example gen_corpus -- 100 > /tmp/corpus.jsonl       # 100 MB
//! cargo run --release --example gen_corpus -- 5 --dir /tmp/articles          # 5 MB of .txt
//! ```

mod corpus;

use std::io::Write;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let megabytes: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(100);
    let seed: u64 = args
        .iter()
        .position(|a| a == "--seed")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(7);
    let dir = args
        .iter()
        .position(|a| a == "--dir")
        .and_then(|i| args.get(i + 1));
    let articles = corpus::corpus(megabytes << 20, seed);
    match dir {
        Some(d) => {
            std::fs::create_dir_all(d)?;
            for (i, a) in articles.iter().enumerate() {
                std::fs::write(format!("{d}/article-{i:06}.txt"), a)?;
            }
        }
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for (i, a) in articles.iter().enumerate() {
                let line = serde_json::json!({"id": format!("synthetic-{i:06}"), "text": a});
                writeln!(out, "{line}")?;
            }
            out.flush()?;
        }
    }
    eprintln!(
        "{} articles, {} bytes",
        articles.len(),
        articles.iter().map(String::len).sum::<usize>()
    );
    Ok(())
}
