//! The rules: one file per relation kind, each proposing every reading it can defend for
//! the figures of a document (`crate::relate::Reading`), with the evidence the text
//! gives. A rule never decides and never imports another rule; the resolver
//! (`crate::resolve`) weighs the readings of every rule and gives each stated figure one
//! verdict, and the rule then words the finding.
//!
//! Every built-in rule is one file with a doc comment that is its documentation (what it
//! checks, why it matters, an example, what is not flagged), an id in kebab-case, and
//! examples that run as tests.

pub mod absolute_change;
pub mod compound_change;
pub mod multiplier_change;
pub mod parts_of_whole;
pub mod per_unit_average;
pub mod percent_change;
pub mod product_total;
pub mod rate_conversion;
pub mod repeated_figure;
pub mod share_of_total;
pub mod superlative_order;
pub mod wording;

use crate::finding::Severity;
use crate::interval::Verdict;
use crate::relate::{Context, Reading};
pub use wording::Wording;

/// A consistency rule: built in, or read from a rule file.
pub trait Rule: Sync {
    /// Kebab-case id, stable across versions.
    fn id(&self) -> &str;
    /// One line saying what it checks.
    fn summary(&self) -> &str;
    /// Examples: a text and the verdict the rule must give on it.
    fn examples(&self) -> Vec<(&str, Verdict)>;
    /// Its documentation: what it checks, why it matters, an example, what is not flagged.
    fn doc(&self) -> String;
    /// Where it comes from: "built-in", or the rule file's path.
    fn origin(&self) -> String {
        "built-in".into()
    }
    /// Every reading the rule can defend in a document, with its evidence.
    fn propose(&self, cx: &Context) -> Vec<Reading>;
    /// The words of a finding made from one of its readings, once the resolver has set
    /// its verdict.
    fn word(&self, cx: &Context, r: &Reading) -> Wording {
        wording::generic(cx, r)
    }
    /// How loudly a verdict of this rule is reported.
    fn severity(&self, v: Verdict) -> Severity {
        Severity::of(v)
    }
    /// True when the rule's readings need no weighing: its selectors pick the figures
    /// (user rules), so each reading has confidence 1.
    fn decisive(&self) -> bool {
        false
    }
    /// True when a reading of this rule under which its figure does not hold has the
    /// evidence to flag the figure at all, whatever its confidence: by default, an
    /// explicit cue frame tying the figures together. Without one the tool cannot tell
    /// which figures the number follows from, and says nothing.
    fn may_flag(&self, r: &Reading) -> bool {
        self.decisive() || r.evidence.frame >= MIN_FRAME_TO_FLAG
    }
}

/// The weakest cue frame a reading needs before it may flag a figure (see
/// [`Rule::may_flag`]).
pub const MIN_FRAME_TO_FLAG: f64 = 0.5;

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
    &product_total::ProductTotal,
    &share_of_total::ShareOfTotal,
    &percent_change::PercentChange,
    &absolute_change::AbsoluteChange,
    &multiplier_change::MultiplierChange,
    &parts_of_whole::PartsOfWhole,
    &rate_conversion::RateConversion,
    &repeated_figure::RepeatedFigure,
    &superlative_order::SuperlativeOrder,
    &compound_change::CompoundChange,
];

/// Extra slack a user allows before a figure counts as wrong: a fraction of the stated
/// value (0.05 = ±5%), for every rule or for one rule by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    /// Slack for every rule.
    pub tolerance: f64,
    /// Slack for particular rules, by id; wins over `tolerance`.
    pub tolerances: std::collections::BTreeMap<String, f64>,
    /// Findings below this confidence are left out of the report.
    pub min_confidence: f64,
}

impl Settings {
    /// The slack for a rule.
    pub fn tolerance_for(&self, rule: &str) -> f64 {
        let t = self.tolerances.get(rule).copied().unwrap_or(self.tolerance);
        if t.is_finite() && t > 0.0 { t } else { 0.0 }
    }
}
