//! Throughput of the library (criterion), single-threaded, each input against a floor:
//! the time the `regex` crate alone takes to find every digit run (`\d+`) in the same text.
//!
//! ```text
//! cargo bench --bench throughput                 # every group
//! cargo bench --bench throughput -- one-line     # one group
//! python3 benches/measure.py --floor             # check ÷ floor for each group, from the results
//! ```
//!
//! Groups (throughput in bytes of article text per second):
//!
//! * `synthetic`: the synthetic articles of `benches/corpus.rs` (4 MiB), as text and as
//!   HTML pages (`check-html`);
//! * `dev`: the development articles (`../shared/eval/cases/*.txt`), each a document,
//!   repeated to `CLAIMCHECK_BENCH_MB` MiB (default 1);
//! * `seed-x400`: the seed article ×400 as one document;
//! * `one-line/<size>MiB`: the development articles on one line, 0.25, 0.5, 1 and 2 MiB;
//! * `layout/lines` and `layout/paragraph`: 4,000 of their sentences, one per line and
//!   as one paragraph on one line.
//!
//! The groups of real text are built from `../shared` (or `CLAIMCHECK_SHARED`) by
//! `benches/inputs.rs`; when it is missing they are skipped, with the reason printed.

mod corpus;
mod inputs;

/// The allocator the `claimcheck` binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use claimcheck::markup::Format;
use claimcheck::rules::{BUILTIN, Settings};
use criterion::{
    BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main, measurement::WallTime,
};
use std::hint::black_box;

/// Bytes of synthetic text per benchmark iteration: large enough that per-article costs
/// average out.
const SAMPLE_BYTES: usize = 4 << 20;

fn digits() -> regex::Regex {
    regex::Regex::new(r"\d+").unwrap_or_else(|e| panic!("{e}"))
}

/// `floor`, `extract` and `check` over documents, in one group.
fn documents(g: &mut BenchmarkGroup<WallTime>, docs: &[String]) {
    let digits = digits();
    g.throughput(Throughput::Bytes(
        docs.iter().map(String::len).sum::<usize>() as u64
    ));
    g.bench_function("floor", |b| {
        b.iter(|| {
            docs.iter()
                .map(|a| digits.find_iter(black_box(a)).count())
                .sum::<usize>()
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            docs.iter()
                .map(|a| claimcheck::extract(black_box(a)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("check", |b| {
        b.iter(|| {
            docs.iter()
                .map(|a| claimcheck::check(black_box(a)).findings.len())
                .sum::<usize>()
        })
    });
}

fn synthetic(c: &mut Criterion) {
    let articles = corpus::corpus(SAMPLE_BYTES, 11);
    let pages: Vec<String> = articles
        .iter()
        .map(|a| {
            let body: String = a
                .split("\n\n")
                .filter(|p| !p.is_empty())
                .map(|p| format!("<p>{p}</p>\n"))
                .collect();
            format!(
                "<html><head><title>t</title><script>var x = 1;</script></head><body>{body}</body></html>"
            )
        })
        .collect();
    let page_bytes: usize = pages.iter().map(String::len).sum();
    let mut g = c.benchmark_group("synthetic");
    g.sample_size(10);
    documents(&mut g, &articles);
    g.throughput(Throughput::Bytes(page_bytes as u64));
    g.bench_function("check-html", |b| {
        b.iter(|| {
            pages
                .iter()
                .map(|p| {
                    claimcheck::check_source(black_box(p), Format::Html, BUILTIN, &Settings::default())
                        .findings
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

fn real_text(c: &mut Criterion) {
    let shared = match inputs::shared() {
        Ok(s) => s,
        Err(reason) => {
            println!("throughput: skipping dev, seed-x400, one-line and layout: {reason}");
            return;
        }
    };
    let (articles, seed) = match (inputs::dev_articles(&shared), inputs::seed_article(&shared)) {
        (Ok(a), Ok(s)) => (a, s),
        (Err(e), _) | (_, Err(e)) => {
            println!("throughput: skipping dev, seed-x400, one-line and layout: {e}");
            return;
        }
    };
    let megabytes: f64 = std::env::var("CLAIMCHECK_BENCH_MB")
        .ok()
        .and_then(|m| m.parse().ok())
        .unwrap_or(1.0);
    let target = (megabytes * 1_048_576.0) as usize;
    let mut dev: Vec<String> = Vec::new();
    while dev.iter().map(String::len).sum::<usize>() < target {
        dev.extend(articles.iter().map(|(_, t)| t.clone()));
    }

    let mut g = c.benchmark_group("dev");
    g.sample_size(10);
    documents(&mut g, &dev);
    g.finish();

    let mut g = c.benchmark_group("seed-x400");
    g.sample_size(10);
    documents(&mut g, &[inputs::repeated(&seed, 400)]);
    g.finish();

    for size in ["0.25", "0.5", "1", "2"] {
        let bytes = (size.parse::<f64>().unwrap_or(1.0) * 1_048_576.0) as usize;
        let mut g = c.benchmark_group(format!("one-line/{size}MiB"));
        g.sample_size(10);
        documents(&mut g, &[inputs::one_line(&articles, bytes)]);
        g.finish();
    }

    let sentences = inputs::sentences(&articles, 4000);
    for (name, joint) in [("lines", "\n"), ("paragraph", " ")] {
        let mut g = c.benchmark_group(format!("layout/{name}"));
        g.sample_size(10);
        documents(&mut g, &[sentences.join(joint) + "\n"]);
        g.finish();
    }
}

criterion_group!(benches, synthetic, real_text);
criterion_main!(benches);
