//! The rules engine: the registry of built-in rules, the context they read, and the
//! runner that numbers their findings.
//!
//! Every built-in rule is one file with a doc comment that is its documentation (what it
//! checks, why it matters, an example, what is not flagged), an id in kebab-case, and
//! examples that run as tests.

pub mod absolute_change;
pub mod change_frame;
pub mod linking;
pub mod multiplier_change;
pub mod parts_of_whole;
pub mod per_unit_average;
pub mod percent_change;
pub mod rate_conversion;
pub mod repeated_figure;
pub mod share_of_total;
pub mod superlative_order;

use crate::claim::Claim;
use crate::document::Document;
use crate::finding::Finding;
use crate::interval::{Hedge, Value};

/// What a rule sees: the document and its claims.
pub struct Context<'a> {
    /// The article.
    pub doc: &'a Document,
    /// Its claims, in text order.
    pub claims: &'a [Claim],
}

/// A consistency rule: built in, or read from a rule file.
pub trait Rule: Sync {
    /// Kebab-case id, stable across versions.
    fn id(&self) -> &str;
    /// One line saying what it checks.
    fn summary(&self) -> &str;
    /// Examples: a text and the verdict the rule must give on it.
    fn examples(&self) -> Vec<(&str, crate::interval::Verdict)>;
    /// Its documentation: what it checks, why it matters, an example, what is not flagged.
    fn doc(&self) -> String;
    /// Where it comes from: "built-in", or the rule file's path.
    fn origin(&self) -> String {
        "built-in".into()
    }
    /// Check a document; findings get ids later.
    fn check(&self, cx: &Context) -> Vec<Finding>;
}

/// The `//!` documentation at the top of a source file, as plain text.
pub fn module_doc(source: &str) -> String {
    source
        .lines()
        .take_while(|l| l.starts_with("//!"))
        .map(|l| {
            l.trim_start_matches("//!")
                .strip_prefix(' ')
                .unwrap_or(l.trim_start_matches("//!"))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The built-in rules, one line each.
pub static BUILTIN: &[&dyn Rule] = &[
    &per_unit_average::PerUnitAverage,
    &multiplier_change::MultiplierChange,
    &percent_change::PercentChange,
    &absolute_change::AbsoluteChange,
    &repeated_figure::RepeatedFigure,
    &parts_of_whole::PartsOfWhole,
    &share_of_total::ShareOfTotal,
    &rate_conversion::RateConversion,
    &superlative_order::SuperlativeOrder,
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

/// Two figures compared in one relation, each given the finer precision of the pair when
/// both are unhedged and of the same order of magnitude: "$170 million" beside "$188
/// million" is precise to the million.
pub fn sharpen_pair(a: &Claim, b: &Claim) -> (Value, Value) {
    let unit_of = |c: &Claim| (c.hedge == Hedge::Exact).then_some(c.value.high - c.value.low);
    let (ua, ub) = (unit_of(a), unit_of(b));
    let ratio = (a.value.nominal / b.value.nominal).abs();
    let comparable = ratio.is_finite() && (0.1..=10.0).contains(&ratio);
    match (ua, ub) {
        (Some(x), Some(y)) if comparable && x != y => {
            let u = x.min(y);
            let tight = |v: Value| Value::new(v.nominal, v.nominal - u / 2.0, v.nominal + u / 2.0);
            (tight(a.value), tight(b.value))
        }
        _ => (a.value, b.value),
    }
}
