//! Throughput on news-like text (criterion), single-threaded, against a floor: the time
//! the `regex` crate alone takes to find every digit run in the same text.
//!
//! ```text
//! cargo bench --bench throughput
//! ```
//!
//! Groups: `floor/digit-runs`, `extract` (claims only), `check` (claims and every built-in
//! rule), `check-html` (the same articles as HTML pages). Throughput is reported in bytes
//! of article text per second.

mod corpus;

/// The allocator the `claimcheck` binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use claimcheck::markup::Format;
use claimcheck::rules::{BUILTIN, Settings};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

/// Bytes of text per benchmark iteration: large enough that per-article costs average out.
const SAMPLE_BYTES: usize = 4 << 20;

fn bench(c: &mut Criterion) {
    let articles = corpus::corpus(SAMPLE_BYTES, 11);
    let bytes: usize = articles.iter().map(String::len).sum();
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
    let digits = regex::Regex::new(r"\d+").unwrap_or_else(|e| panic!("{e}"));

    let mut g = c.benchmark_group("throughput");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("floor/digit-runs", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| digits.find_iter(black_box(a)).count())
                .sum::<usize>()
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| claimcheck::extract(black_box(a)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("check", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| claimcheck::check(black_box(a)).findings.len())
                .sum::<usize>()
        })
    });
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

criterion_group!(benches, bench);
criterion_main!(benches);
