//! Every built-in rule's examples come out with the verdict they state, and the seed-like
//! fixture gives the foundation's two findings.

use claimcheck::rules::BUILTIN;
use claimcheck::{Verdict, check};

#[test]
fn builtin_rule_examples() {
    let mut wrong = Vec::new();
    for rule in BUILTIN {
        assert!(!rule.examples().is_empty(), "{} has no examples", rule.id());
        for (text, expected) in rule.examples() {
            let report = check(text);
            let got: Vec<Verdict> = report
                .findings
                .iter()
                .filter(|f| f.rule == rule.id())
                .map(|f| f.verdict)
                .collect();
            if got != vec![expected] {
                wrong.push(format!(
                    "{}: expected {expected:?}, got {got:?}: {text}",
                    rule.id()
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "examples that do not come out as stated:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn caseload_fixture_flags_the_average() {
    let text = std::fs::read_to_string("fixtures/caseload.txt").unwrap_or_default();
    let report = check(&text);
    let avg = report.findings.iter().find(|f| f.rule == "per-unit-average");
    assert_eq!(avg.map(|f| f.verdict), Some(Verdict::Contradicted));
    assert!(avg.is_some_and(|f| (f.derived.nominal - 1233.33).abs() < 1.0));
    assert!(avg.is_some_and(|f| {
        f.would_hold_if
            .as_deref()
            .is_some_and(|w| w.contains("of the 6,000 examiners"))
    }));
    // "more than doubled" since "just under 3.7 million": 7.4 ÷ 3.7 is 2, and the figures
    // sit two sentences apart with no from/to wording; never a contradiction.
    let mult = report.findings.iter().find(|f| f.rule == "multiplier-change");
    assert!(mult.is_none_or(|f| f.verdict != Verdict::Contradicted));
    // The lede's "more than 7 million" is never reported against "7.4 million".
    let lede = report
        .claims
        .iter()
        .find(|c| c.text == "more than 7 million")
        .map(|c| c.id.clone());
    assert!(lede.is_some());
    assert!(
        !report.findings.iter().any(
            |f| f.verdict != Verdict::Consistent && lede.as_ref().is_some_and(|id| f.claims.contains(id))
        )
    );
}

#[test]
fn every_finding_lists_its_stated_claim_last() {
    for entry in std::fs::read_dir("fixtures").into_iter().flatten().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        let report = check(&text);
        for f in &report.findings {
            let last = f
                .claims
                .last()
                .and_then(|id| report.claims.iter().find(|c| &c.id == id));
            assert!(
                // A fraction is stated as a percentage ("one in five" as 20).
                last.is_some_and(|c| {
                    (c.value.nominal - f.stated.nominal).abs() < 1e-9
                        || (c.value.nominal * 100.0 - f.stated.nominal).abs() < 1e-6
                }),
                "{}: {}",
                entry.path().display(),
                f.id
            );
        }
    }
}

#[test]
fn builtin_rule_reports_on_their_examples() {
    use claimcheck::report::{Checked, Show, human};
    for rule in BUILTIN {
        let mut out = String::new();
        for (text, _) in rule.examples() {
            let report = claimcheck::check_with(text, &[*rule]);
            out.push_str(&format!("## {text}\n"));
            let show = Show {
                consistent: true,
                unverifiable: true,
            };
            out.push_str(&human::render(
                &[Checked {
                    path: "example",
                    report: &report,
                }],
                show,
                false,
            ));
        }
        insta::assert_snapshot!(format!("builtin_{}", rule.id()), out);
    }
}
