//! claimcheck: fact-check the numbers inside an article against each other.
//!
//! ```
//! let report = claimcheck::check(
//!     "The backlog reached 7.4 million cases. About 6,000 officers work it; \
//!      each officer handles an average of 7,000 cases.",
//! );
//! let f = &report.findings[0];
//! assert_eq!(f.rule, "per-unit-average");
//! assert_eq!(f.verdict, claimcheck::Verdict::Contradicted);
//! assert!((f.derived.nominal - 1233.3).abs() < 1.0);
//! ```
//!
//! The pipeline is `document → extract → relate → rules → resolve → report`; each stage
//! is a module with one job and plain data between stages, and imports only the stages
//! before it:
//!
//! * [`document`]: the text with lines, sentences, paragraphs, web debris, [`tokens`] and
//!   plain-text [`table`]s;
//! * [`extract`]: the number grammar (nom) and the scanner (regex) → [`Claim`]s;
//! * [`interval`]: values as intervals, hedge widths, arithmetic and verdicts;
//! * [`relate`]: readings (every way a figure could follow from others), their evidence
//!   and fitted confidence;
//! * [`rules`]: one file per relation kind, proposing readings and wording findings;
//! * [`resolve`]: one verdict per stated figure → [`Finding`]s;
//! * [`claims_lang`]: user rules from `claims/*.toml`, with their relation language;
//! * [`report`]: human, table and JSON output.
#![deny(missing_docs)]
// No panics in library code: no unwrap, no expect, no panic!, no unchecked indexing. The
// one justified exception is `pattern::compile`, for patterns that are source code.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]
// Nested `if let` guards read step by step like the grammar they follow; folding them
// into let-chains would not make them clearer.
#![allow(clippy::collapsible_if)]

pub mod batch;
pub mod claim;
pub mod claims_lang;
pub mod config;
pub mod document;
pub mod extract;
pub mod finding;
pub mod input;
pub mod interval;
pub mod markup;
pub mod pattern;
pub mod relate;
pub mod report;
pub mod resolve;
pub mod review;
pub mod rules;
pub mod table;
pub mod tokens;

pub use claim::{Claim, Kind, Role, Span};
pub use document::Document;
pub use finding::{Finding, Severity};
pub use interval::{Hedge, Value, Verdict};

/// Everything claimcheck found in one article.
#[derive(Debug, Clone)]
pub struct Report {
    /// The article as laid out for the rules.
    pub document: Document,
    /// The file as read, when the rules read text converted from it (HTML); claim spans
    /// point into this, their `text_span`s into `document`.
    pub source: Option<String>,
    /// Every numerical claim, in text order.
    pub claims: Vec<Claim>,
    /// Every checked relation, of every verdict.
    pub findings: Vec<Finding>,
    /// Ids of the rules that ran.
    pub rules_run: Vec<String>,
    /// The remembered review decision of each finding (same order as `findings`).
    pub reviews: Vec<Option<review::Decision>>,
}

impl Report {
    /// Attach the decisions of a review file to the findings they fingerprint.
    pub fn apply_review(&mut self, file: &review::ReviewFile) {
        if file.decisions.is_empty() {
            self.reviews = vec![None; self.findings.len()];
            return;
        }
        self.reviews = self
            .findings
            .iter()
            .map(|f| file.get(&review::fingerprint(f, &self.claims)).cloned())
            .collect();
    }

    /// The review decision of a finding, by index.
    pub fn review_of(&self, index: usize) -> Option<&review::Decision> {
        self.reviews.get(index).and_then(Option::as_ref)
    }

    /// A finding's fingerprint ([`review::fingerprint`]), by index.
    pub fn fingerprint_of(&self, index: usize) -> Option<String> {
        self.findings
            .get(index)
            .map(|f| review::fingerprint(f, &self.claims))
    }

    /// A finding's key, by index: a short hash of its fingerprint that, unlike its
    /// f-number, does not change when other rules are enabled or disabled
    /// ([`review::key`]).
    pub fn key_of(&self, index: usize) -> String {
        self.fingerprint_of(index)
            .map(|fp| review::key(&fp))
            .unwrap_or_default()
    }

    /// True when a finding was dismissed by a reviewer.
    pub fn dismissed(&self, index: usize) -> bool {
        self.review_of(index)
            .is_some_and(|d| d.status == review::Status::Dismissed)
    }
}

/// Check an article written in a markup format with the given rules: the rules read its
/// prose, and claim spans point into `source` itself.
pub fn check_source(
    source: &str,
    format: markup::Format,
    rules: &[&dyn rules::Rule],
    settings: &rules::Settings,
) -> Report {
    let converted = markup::convert(source, format);
    // The converted text moves into the document: one copy of the article, not two.
    let mut report = check_document(Document::new(converted.text), rules, settings);
    if let Some(map) = converted.map {
        let lines = document::LineIndex::new(source);
        for c in &mut report.claims {
            let start = map.start(c.span.start);
            let end = map.end(c.span.end).max(start);
            let (line, column) = lines.line_col(source, start);
            c.text_span = Some(c.span);
            c.span = Span {
                start,
                end,
                line,
                column,
            };
        }
        report.source = Some(source.to_string());
    }
    report
}

impl Report {
    /// The text that claim spans point into: the file as read.
    pub fn source_text(&self) -> &str {
        self.source.as_deref().unwrap_or(&self.document.text)
    }

    /// The 1-based line and character column just past the end of a claim in the file
    /// (a claim in HTML can run over a line break of the file).
    pub fn end_of(&self, claim: &Claim) -> (usize, usize) {
        let s = claim.span;
        let covered = self.source_text().get(s.start..s.end).unwrap_or(&claim.text);
        match covered.rfind('\n') {
            Some(i) => (
                s.line + covered.matches('\n').count(),
                covered.get(i + 1..).map_or(0, |t| t.chars().count()) + 1,
            ),
            None => (s.line, s.column + covered.chars().count()),
        }
    }

    /// Where a claim is in the text the rules read (`document.text`).
    pub fn text_span(claim: &Claim) -> Span {
        claim.text_span.unwrap_or(claim.span)
    }
}

/// Extract the numerical claims of an article.
pub fn extract(text: &str) -> Vec<Claim> {
    extract::extract(&Document::new(text))
}

/// Extract an article's claims and check them with every built-in rule.
pub fn check(text: &str) -> Report {
    check_with(text, rules::BUILTIN)
}

/// Extract an article's claims and check them with the given rules.
pub fn check_with(text: &str, rules: &[&dyn rules::Rule]) -> Report {
    check_document(Document::new(text), rules, &rules::Settings::default())
}

fn check_document(document: Document, rules: &[&dyn rules::Rule], settings: &rules::Settings) -> Report {
    let claims = extract::extract(&document);
    // Without rules there is nothing to relate (`extract`): skip reading every claim's facts.
    let findings = if rules.is_empty() {
        Vec::new()
    } else {
        resolve::run(&document, &claims, rules, settings)
    };
    let rules_run = rules.iter().map(|r| r.id().to_string()).collect();
    let reviews = vec![None; findings.len()];
    Report {
        reviews,
        source: None,
        document,
        claims,
        findings,
        rules_run,
    }
}
