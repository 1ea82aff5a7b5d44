//! The rules engine: the registry of built-in rules, the context they read, and the
//! runner that numbers their findings.
//!
//! Every built-in rule is one file with a doc comment that is its documentation (what it
//! checks, why it matters, an example, what is not flagged), an id in kebab-case, and
//! examples that run as tests.

pub mod linking;
pub mod multiplier_change;
pub mod per_unit_average;

use crate::claim::Claim;
use crate::document::Document;
use crate::finding::Finding;

/// What a rule sees: the document and its claims.
pub struct Context<'a> {
    /// The article.
    pub doc: &'a Document,
    /// Its claims, in text order.
    pub claims: &'a [Claim],
}

/// A built-in consistency rule.
pub trait Rule: Sync {
    /// Kebab-case id, stable across versions.
    fn id(&self) -> &'static str;
    /// One line saying what it checks.
    fn summary(&self) -> &'static str;
    /// Examples: (text, expected verdict of the finding on the text's last stated claim).
    fn examples(&self) -> &'static [(&'static str, crate::interval::Verdict)];
    /// Check a document; findings get ids later.
    fn check(&self, cx: &Context) -> Vec<Finding>;
}

/// The built-in rules, one line each.
pub static BUILTIN: &[&dyn Rule] = &[
    &per_unit_average::PerUnitAverage,
    &multiplier_change::MultiplierChange,
];

/// Run rules over a document's claims; findings are numbered f1, f2, … in order of
/// their stated claim.
pub fn run(doc: &Document, claims: &[Claim], rules: &[&dyn Rule]) -> Vec<Finding> {
    let cx = Context { doc, claims };
    let mut findings: Vec<Finding> = rules.iter().flat_map(|r| r.check(&cx)).collect();
    let position = |f: &Finding| {
        f.claims
            .last()
            .and_then(|id| claims.iter().position(|c| &c.id == id))
            .unwrap_or(usize::MAX)
    };
    findings.sort_by_key(|f| (position(f), f.rule.clone()));
    for (i, f) in findings.iter_mut().enumerate() {
        f.id = format!("f{}", i + 1);
    }
    findings
}
