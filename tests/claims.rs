//! The shipped rule files in claims/: each compiles, every example gives its verdict, and
//! the report of each file's rules on their own examples is pinned by a snapshot.

use claimcheck::claims_lang::{self, run_examples};
use claimcheck::report::{Checked, Show, human};
use claimcheck::rules::Rule;

#[test]
fn every_rule_file_passes_its_examples() {
    insta::glob!("../claims", "*.toml", |path| {
        let rules = claims_lang::load(path).unwrap_or_else(|e| panic!("{}", e.render(false)));
        assert!(!rules.is_empty(), "{} holds no rules", path.display());
        let dyn_rules: Vec<&dyn Rule> = rules.iter().map(|r| r as &dyn Rule).collect();
        let results = run_examples(&dyn_rules);
        let failed: Vec<String> = results
            .iter()
            .filter(|r| !r.passed())
            .map(|r| {
                format!(
                    "{}: {:?} expected, got {:?}: {}",
                    r.rule, r.expected, r.got, r.text
                )
            })
            .collect();
        assert!(failed.is_empty(), "{}:\n{}", path.display(), failed.join("\n"));
        for rule in &rules {
            let consistent = rule
                .examples()
                .iter()
                .filter(|(_, v)| *v == claimcheck::Verdict::Consistent)
                .count();
            let contradicted = rule
                .examples()
                .iter()
                .filter(|(_, v)| *v == claimcheck::Verdict::Contradicted)
                .count();
            assert!(
                consistent >= 2 && contradicted >= 2,
                "{}: needs 2 consistent and 2 contradicted examples",
                rule.id
            );
        }
        // The report each rule gives on its examples, as a reviewer reads it.
        let mut out = String::new();
        for rule in &rules {
            for (text, _) in rule.examples() {
                let report = claimcheck::check_with(text, &[rule as &dyn Rule]);
                let checked = Checked {
                    path: "example",
                    report: &report,
                };
                out.push_str(&format!("## {text}\n"));
                out.push_str(&human::render(
                    &[checked],
                    Show {
                        consistent: true,
                        unverifiable: true,
                    },
                    false,
                ));
            }
        }
        insta::assert_snapshot!(out);
    });
}

/// Inputs that once crashed a fuzz target (tests/regressions/*): now each gives an error or
/// rules, and renders.
#[test]
fn fuzz_regressions_do_not_panic() {
    for entry in std::fs::read_dir("tests/regressions")
        .into_iter()
        .flatten()
        .flatten()
    {
        let bytes = std::fs::read(entry.path()).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("rule_file") {
            if let Err(e) = claims_lang::parse_file("regression.toml", &text) {
                assert!(!e.render(false).is_empty());
            }
        } else {
            let report = claimcheck::check(&text);
            let docs = [Checked {
                path: "regression",
                report: &report,
            }];
            let _ = human::render(
                &docs,
                Show {
                    consistent: true,
                    unverifiable: true,
                },
                false,
            );
        }
    }
}
