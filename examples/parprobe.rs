use claimcheck::relate::{Context, evidence};
use claimcheck::resolve::{self, Thresholds};
use claimcheck::rules::{BUILTIN, Settings};
use rayon::prelude::*;
#[global_allocator]
static A: mimalloc::MiMalloc = mimalloc::MiMalloc;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let mode = std::env::args().nth(2).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap();
    let t = std::time::Instant::now();
    let doc = claimcheck::Document::new(text);
    let claims = claimcheck::extract::extract(&doc);
    let t1 = t.elapsed();
    let settings = Settings::default();
    let findings = if mode == "par" {
        let cx = Context::new(&doc, &claims);
        let per: Vec<Vec<(usize, claimcheck::relate::Reading)>> = BUILTIN
            .par_iter()
            .enumerate()
            .map(|(k, rule)| rule.propose(&cx).into_iter().map(|r| (k, r)).collect())
            .collect();
        let mut all: Vec<_> = per.into_iter().flatten().collect();
        let t2 = t.elapsed();
        resolve::weigh(&mut all, BUILTIN, &evidence::confidence);
        let f = resolve::resolve(&cx, BUILTIN, all, &settings, Thresholds::default());
        eprintln!("propose done {:.2}s", t2.as_secs_f64());
        f
    } else {
        resolve::run(&doc, &claims, BUILTIN, &settings)
    };
    let h: u64 = findings
        .iter()
        .map(|f| f.message.len() as u64 + f.claims.len() as u64)
        .sum();
    eprintln!(
        "{mode}: extract {:.2}s total {:.2}s findings {} hash {h}",
        t1.as_secs_f64(),
        t.elapsed().as_secs_f64(),
        findings.len()
    );
}
