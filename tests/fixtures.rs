//! Snapshots of every report over every article in fixtures/ (plain text, Markdown and
//! HTML): the claims table, the human report (findings of every verdict, no colour), the
//! JSON, Markdown, HTML, SARIF and GitHub outputs.

use claimcheck::Report;
use claimcheck::markup::Format;
use claimcheck::report::{Checked, Show, github, human, json, sarif, table};
use claimcheck::rules::{BUILTIN, Rule, Settings};
use std::path::Path;

/// Every article of fixtures/, whatever its format.
const ARTICLES: &str = "**/*.{txt,md,html}";

/// Check a fixture as the CLI would: its format from its extension.
fn check_file(p: &Path, rules: &[&dyn Rule]) -> Report {
    let text = std::fs::read_to_string(p).unwrap_or_default();
    claimcheck::check_source(&text, Format::from_path(p), rules, &Settings::default())
}

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
    insta::glob!("../fixtures", ARTICLES, |p| {
        let report = check_file(p, &[]);
        let path = path_of(p);
        insta::assert_snapshot!(table::claims_table(&Checked {
            path: &path,
            report: &report
        }));
    });
}

#[test]
fn check_human() {
    insta::glob!("../fixtures", ARTICLES, |p| {
        let report = check_file(p, BUILTIN);
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
    insta::glob!("../fixtures", ARTICLES, |p| {
        let report = check_file(p, BUILTIN);
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
    insta::glob!("../fixtures", ARTICLES, |p| {
        let report = check_file(p, BUILTIN);
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
        let report = check_file(p, BUILTIN);
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

#[test]
fn check_sarif() {
    insta::glob!("../fixtures", ARTICLES, |p| {
        let report = check_file(p, BUILTIN);
        let path = path_of(p);
        let results = sarif::results(
            &Checked {
                path: &path,
                report: &report,
            },
            BUILTIN,
        );
        insta::assert_json_snapshot!(results);
    });
}

#[test]
fn check_github() {
    insta::glob!("../fixtures", ARTICLES, |p| {
        let report = check_file(p, BUILTIN);
        let path = path_of(p);
        insta::assert_snapshot!(github::render_document(&Checked {
            path: &path,
            report: &report,
        }));
    });
}
