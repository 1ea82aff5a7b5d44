//! Print every reading the rules propose for an article, with its verdict, confidence and
//! evidence: what the resolver weighed. For developing rules.
//!
//! ```sh
//! cargo run --release --example readings -- FILE [RULE] [WORD]
//! ```

use claimcheck::document::Document;
use claimcheck::relate::{Context, evidence};
use claimcheck::resolve;
use claimcheck::rules::BUILTIN;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: readings FILE [RULE] [WORD]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let rule = args.get(1).filter(|r| *r != "-");
    let word = args.get(2);
    let doc = Document::new(text);
    if std::env::var_os("TABLES").is_some() {
        for t in &doc.tables {
            println!("table scale={} headers={:?}", t.scale, t.headers);
            for r in &t.rows {
                let cells: Vec<&str> = r
                    .cells
                    .iter()
                    .map(|c| c.as_ref().map_or("-", |c| doc.slice(c.clone())))
                    .collect();
                println!("  {:20} {:?}", r.label, cells);
            }
        }
    }
    let claims = claimcheck::extract::extract(&doc);
    for c in &claims {
        if word.is_none_or(|w| c.text.contains(w.as_str())) {
            println!(
                "{} {:?} {:?} {:?} unit={:?} per={:?} role={:?} hedge={:?} s{}",
                c.id, c.text, c.kind, c.value.nominal, c.unit, c.per, c.role, c.hedge, c.sentence
            );
        }
    }
    let cx = Context::new(&doc, &claims);
    let mut all = resolve::propose(&cx, BUILTIN);
    resolve::weigh(&mut all, BUILTIN, &evidence::confidence);
    all.sort_by(|a, b| b.1.confidence.total_cmp(&a.1.confidence));
    for (_, r) in &all {
        if rule.is_some_and(|x| *x != r.rule) {
            continue;
        }
        let texts: Vec<String> = r
            .claim_indices()
            .into_iter()
            .filter_map(|i| claims.get(i).map(|c| c.text.clone()))
            .collect();
        if word.is_some_and(|w| !texts.iter().any(|t| t.contains(w.as_str()))) {
            continue;
        }
        let ev: Vec<String> = r
            .evidence
            .vector()
            .iter()
            .zip(evidence::NAMES.iter())
            .filter(|(v, _)| **v != 0.0)
            .map(|(v, n)| format!("{n}={v:.2}"))
            .collect();
        println!(
            "{:.3} {:12} {} {:?} = {} | {}",
            r.confidence,
            r.verdict.as_str(),
            r.rule,
            texts,
            r.arithmetic(&cx),
            ev.join(" ")
        );
    }
}
