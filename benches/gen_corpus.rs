//! Write a benchmark input: the synthetic corpus (JSON Lines, or one plain-text file per
//! article), or one of the inputs of real text that `benches/inputs.rs` builds from the
//! files under `../shared`.
//!
//! ```text
//! cargo run --release --example gen_corpus -- 100 > /tmp/corpus.jsonl                  # synthetic, 100 MB
//! cargo run --release --example gen_corpus -- 5 --dir /tmp/articles                     # 5 MB of .txt
//! cargo run --release --example gen_corpus -- 30 --kind dev-jsonl > dev.jsonl          # dev articles, 30 MB
//! cargo run --release --example gen_corpus -- 400 --kind seed > seed400.txt            # seed article ×400
//! cargo run --release --example gen_corpus -- 0.25 --kind one-line > line.txt          # on one line, 0.25 MB
//! cargo run --release --example gen_corpus -- 64 --kind multi-line > article.txt       # one 64 MB article
//! cargo run --release --example gen_corpus -- 4000 --kind lines > lines.txt            # 4,000 sentences, a line each
//! cargo run --release --example gen_corpus -- 4000 --kind paragraph > paragraph.txt    # the same as one line
//! cargo run --release --example gen_corpus -- 1000000 --kind list > list.txt           # 1,000,000 figures
//! ```
//!
//! Exit status 3, with the reason on standard error, when an input needs `../shared` and
//! it is missing (`CLAIMCHECK_SHARED` names another place).

mod corpus;
mod inputs;

use std::io::Write;
use std::process::ExitCode;

const KINDS: &str = "synthetic, dev-jsonl, seed, one-line, multi-line, lines, paragraph, list";

fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a String> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("gen_corpus SIZE [--kind {KINDS}] [--seed N] [--dir DIR]");
        return ExitCode::SUCCESS;
    }
    let size: f64 = args.first().and_then(|a| a.parse().ok()).unwrap_or(100.0);
    let kind = flag(&args, "--kind").map_or("synthetic", String::as_str);
    let megabytes = (size * 1_048_576.0) as usize;
    let count = size as usize;
    if kind == "synthetic" || kind == "list" {
        return finish(write_local(kind, &args, megabytes, count));
    }
    let shared = match inputs::shared() {
        Ok(s) => s,
        Err(reason) => {
            eprintln!("gen_corpus: skipped: {reason}");
            return ExitCode::from(3);
        }
    };
    let text = inputs::dev_articles(&shared).and_then(|articles| {
        Ok(match kind {
            "dev-jsonl" => inputs::dev_jsonl(&articles, megabytes),
            "seed" => inputs::repeated(&inputs::seed_article(&shared)?, count),
            "one-line" => inputs::one_line(&articles, megabytes),
            "multi-line" => inputs::multi_line(&articles, megabytes),
            "lines" => inputs::sentences(&articles, count).join("\n") + "\n",
            "paragraph" => inputs::sentences(&articles, count).join(" ") + "\n",
            other => return Err(format!("unknown --kind {other}: one of {KINDS}")),
        })
    });
    match text {
        Ok(t) => finish(write_out(&t)),
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            ExitCode::from(2)
        }
    }
}

fn finish(r: std::io::Result<()>) -> ExitCode {
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            ExitCode::from(2)
        }
    }
}

fn write_out(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    eprintln!("{} bytes", text.len());
    Ok(())
}

/// The inputs that need no shared text: the synthetic corpus and the figure list.
fn write_local(kind: &str, args: &[String], megabytes: usize, count: usize) -> std::io::Result<()> {
    if kind == "list" {
        return write_out(&inputs::figure_list(count));
    }
    let seed: u64 = flag(args, "--seed").and_then(|s| s.parse().ok()).unwrap_or(7);
    let articles = corpus::corpus(megabytes, seed);
    match flag(args, "--dir") {
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
