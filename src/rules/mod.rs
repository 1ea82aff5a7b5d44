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
use crate::interval::{Hedge, Value, Verdict};

/// How many claims before and after a claim a rule may pair it with.
pub const MAX_NEIGHBOURS: usize = 60;

/// What a rule sees: the document and its claims.
pub struct Context<'a> {
    /// The article.
    pub doc: &'a Document,
    /// Its claims, in text order.
    pub claims: &'a [Claim],
}

impl<'a> Context<'a> {
    /// The claims within `window` sentences of a claim, and at most [`MAX_NEIGHBOURS`]
    /// claims away from it on either side, found by binary search: claims are in text
    /// order, so their sentence numbers never decrease. Every rule looks for partners
    /// through this, which keeps pairing linear in the length of a document, however long
    /// its sentences.
    pub fn near(&self, c: &Claim, window: usize) -> &'a [Claim] {
        let lo = c.sentence.saturating_sub(window);
        let hi = c.sentence.saturating_add(window);
        let at = self.claims.partition_point(|o| o.span.start < c.span.start);
        let a = self
            .claims
            .partition_point(|o| o.sentence < lo)
            .max(at.saturating_sub(MAX_NEIGHBOURS));
        let b = self
            .claims
            .partition_point(|o| o.sentence <= hi)
            .min(at.saturating_add(MAX_NEIGHBOURS + 1));
        self.claims.get(a..b.max(a)).unwrap_or(&[])
    }

    /// The claim that starts at a byte offset, if any.
    pub fn claim_at(&self, start: usize) -> Option<&'a Claim> {
        let i = self.claims.partition_point(|c| c.span.start < start);
        self.claims.get(i).filter(|c| c.span.start == start)
    }
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

/// Extra slack a user allows before a figure counts as wrong: a fraction of the stated
/// value (0.05 = ±5%), for every rule or for one rule by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    /// Slack for every rule.
    pub tolerance: f64,
    /// Slack for particular rules, by id; wins over `tolerance`.
    pub tolerances: std::collections::BTreeMap<String, f64>,
}

impl Settings {
    /// The slack for a rule.
    pub fn tolerance_for(&self, rule: &str) -> f64 {
        self.tolerances.get(rule).copied().unwrap_or(self.tolerance)
    }

    /// Soften a flagged finding that the allowed slack reconciles: its stated value,
    /// widened by the slack, meets the derived one. The explanation says so.
    fn apply(&self, f: &mut Finding) {
        let t = self.tolerance_for(&f.rule);
        if t.is_nan() || t <= 0.0 || !matches!(f.verdict, Verdict::Contradicted | Verdict::Borderline) {
            return;
        }
        let v = crate::interval::verdict(&f.stated, &f.derived, t);
        if v < f.verdict {
            f.explanation.push_str(&format!(
                " Within the configured tolerance of ±{}%: {} rather than {}.",
                crate::finding::fmt_num(t * 100.0),
                v.as_str(),
                f.verdict.as_str()
            ));
            f.verdict = v;
            f.severity = crate::finding::Severity::of(v);
        }
    }
}

/// Run rules over a document's claims; findings are numbered f1, f2, … in order of
/// their stated claim.
pub fn run(doc: &Document, claims: &[Claim], rules: &[&dyn Rule]) -> Vec<Finding> {
    run_with(doc, claims, rules, &Settings::default())
}

/// Like [`run`], with user settings (tolerances).
pub fn run_with(doc: &Document, claims: &[Claim], rules: &[&dyn Rule], settings: &Settings) -> Vec<Finding> {
    let cx = Context { doc, claims };
    let mut findings: Vec<Finding> = rules.iter().flat_map(|r| r.check(&cx)).collect();
    for f in &mut findings {
        settings.apply(f);
    }
    let index: std::collections::HashMap<&str, usize> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let position = |f: &Finding| {
        f.claims
            .last()
            .and_then(|id| index.get(id.as_str()).copied())
            .unwrap_or(usize::MAX)
    };
    findings.sort_by_cached_key(|f| (position(f), f.rule.clone()));
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
