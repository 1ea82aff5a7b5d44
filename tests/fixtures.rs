//! Snapshots of every report over every article in fixtures/: the claims table, the
//! human report (findings of every verdict, no colour) and the JSON output.

use claimcheck::report::{Checked, Show, human, json, table};
use std::path::Path;

/// The fixture's path as a user would type it from the repository root.
fn path_of(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    match s.find("fixtures/") {
        Some(i) => s.get(i..).unwrap_or_default().to_string(),
        None => s,
    }
}

#[test]
fn extract_tables() {
    insta::glob!("../fixtures", "**/*.txt", |p| {
        let text = std::fs::read_to_string(p).unwrap_or_default();
        let report = claimcheck::check_with(&text, &[]);
        let path = path_of(p);
        insta::assert_snapshot!(table::claims_table(&Checked {
            path: &path,
            report: &report
        }));
    });
}

#[test]
fn check_human() {
    insta::glob!("../fixtures", "**/*.txt", |p| {
        let text = std::fs::read_to_string(p).unwrap_or_default();
        let report = claimcheck::check(&text);
        let path = path_of(p);
        let show = Show {
            consistent: true,
            unverifiable: true,
        };
        insta::assert_snapshot!(human::render(
            &[Checked {
                path: &path,
                report: &report
            }],
            show,
            false
        ));
    });
}

#[test]
fn check_json() {
    insta::glob!("../fixtures", "**/*.txt", |p| {
        let text = std::fs::read_to_string(p).unwrap_or_default();
        let report = claimcheck::check(&text);
        let path = path_of(p);
        insta::assert_snapshot!(json::render(
            &[Checked {
                path: &path,
                report: &report
            }],
            true
        ));
    });
}

#[test]
fn check_markdown() {
    insta::glob!("../fixtures", "**/*.txt", |p| {
        let text = std::fs::read_to_string(p).unwrap_or_default();
        let report = claimcheck::check(&text);
        let path = path_of(p);
        let show = Show {
            consistent: false,
            unverifiable: false,
        };
        insta::assert_snapshot!(claimcheck::report::markdown::render(
            &[Checked {
                path: &path,
                report: &report
            }],
            show
        ));
    });
}

#[test]
fn check_html() {
    insta::glob!("../fixtures", "*.txt", |p| {
        let text = std::fs::read_to_string(p).unwrap_or_default();
        let report = claimcheck::check(&text);
        let path = path_of(p);
        let show = Show {
            consistent: true,
            unverifiable: false,
        };
        insta::assert_snapshot!(claimcheck::report::html::render(
            &[Checked {
                path: &path,
                report: &report
            }],
            show
        ));
    });
}
