//! Evidence for a reading: what the text and the arithmetic say about whether the writer
//! meant it, as named features, and the fitted confidence they add up to.
//!
//! Every feature is a number in [0, 1] (or a small count scaled into it). Rules fill in
//! the text features when they propose a reading; the resolver fills in the arithmetic
//! ones, because it computes the verdict. [`confidence`] is a logistic model over the
//! features with one weight vector per rule, fitted on the development corpus by
//! `cargo run --release --example fit_weights` and written to [`super::weights`].
//!
//! | feature | meaning |
//! |---|---|
//! | `frame` | an explicit cue frame ties the stated figure to its operands ("or $1,400 per resident", "from A to B", "X of the Y", "accounted for", "in all"); rules set its strength |
//! | `cue` | a weaker cue: a relation word in the stated figure's clause, or the figures side by side |
//! | `same_clause` | share of operands in the stated figure's clause |
//! | `same_sentence` | share of operands in its sentence |
//! | `distance` | farthest operand, in sentences: ln(1 + d) / ln(64) |
//! | `paragraphs` | farthest operand, in paragraphs: ln(1 + p) / ln(16) |
//! | `structure` | the figures sit in one table (row or column) or one list |
//! | `noun_same` | share of operands whose counted noun agrees with the stated figure's (stem or synonym) |
//! | `noun_unknown` | share of operands where one side names no noun or only an inferred one |
//! | `noun_clash` | share of operands naming a different noun |
//! | `subject` | subject words shared by the stated figure and its operands (0, 1/3, 2/3, 1) |
//! | `time_fit` | years named agree where the relation needs one time, or differ where it needs two |
//! | `time_clash` | years named contradict what the relation needs |
//! | `hedge_misfit` | an operand is a bound or threshold where a measured figure is needed |
//! | `direction_clash` | the sentence says the change went the other way from the operands' order |
//! | `headline` | the stated figure or an operand sits in the headline |
//! | `fits` | the figure holds under this reading (set by the resolver) |
//! | `near_miss` | it misses only within rounding (set by the resolver) |
//! | `slip` | the stated figure reproduces a classic slip exactly (set by the resolver) |
//! | `rivals` | other readings the same rule proposed for this figure: ln(1 + n) / ln(64) |
//! | `clause_subject` | subject words of the stated figure's own clause found in its operands' clauses (0–1) |
//! | `intervening` | figures of the stated one's dimension between it and its nearest operand: ln(1 + n) / ln(16) |
//! | `taken` | the same operands make another figure of the same rule hold (set by the resolver) |
//! | `closer` | the same operands have another figure of the same rule nearer to them (set by the resolver) |
//! | `outframed` | readings of the same rule and figure with a stronger cue frame: ln(1 + n) / ln(16) (set by the resolver) |
//! | `frame_ties` | readings of the same rule and figure with as strong a cue frame: ln(1 + n) / ln(16) (set by the resolver) |
//! | `level` | a change whose sentence names only its start is read to the article's first statement of the level (`relate::level`): 1; to a later one: 0.5 |
//! | `miss_size` | how far the stated figure is from what the reading derives, when it misses: \|ln(stated ÷ derived)\| ÷ ln 10, capped at 1 (1 when their signs differ); 0 when it holds (set by the resolver) |
//! | `close_miss` | how close a missing figure comes to what the reading derives: 1 − \|ln(stated ÷ derived)\| ÷ ln 1.1, floored at 0 (a figure 10% off or more scores 0); 0 when it holds (set by the resolver). A slip of one digit or a near transposition sits close; a figure about something else usually does not |

use serde::Serialize;

/// The features of one reading (see the module documentation).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Evidence {
    /// Explicit cue frame, 0–1.
    pub frame: f64,
    /// Weaker cue, 0–1.
    pub cue: f64,
    /// Share of operands in the stated figure's clause.
    pub same_clause: f64,
    /// Share of operands in its sentence.
    pub same_sentence: f64,
    /// Farthest operand in sentences, log-scaled.
    pub distance: f64,
    /// Farthest operand in paragraphs, log-scaled.
    pub paragraphs: f64,
    /// The figures share a table or list.
    pub structure: f64,
    /// Share of operands whose noun agrees.
    pub noun_same: f64,
    /// Share of operands with an unknown noun.
    pub noun_unknown: f64,
    /// Share of operands with a different noun.
    pub noun_clash: f64,
    /// Shared subject words, 0–1.
    pub subject: f64,
    /// Years agree with what the relation needs.
    pub time_fit: f64,
    /// Years contradict what the relation needs.
    pub time_clash: f64,
    /// An operand is a bound where a measured figure is needed.
    pub hedge_misfit: f64,
    /// The stated direction contradicts the operands' order.
    pub direction_clash: f64,
    /// A figure of the reading sits in the headline.
    pub headline: f64,
    /// The figure holds under this reading.
    pub fits: f64,
    /// It misses only within rounding.
    pub near_miss: f64,
    /// A classic slip reproduces the stated figure.
    pub slip: f64,
    /// Rival readings, log-scaled.
    pub rivals: f64,
    /// Clause subject words shared with the operands' clauses.
    pub clause_subject: f64,
    /// Figures of the same dimension in between, log-scaled.
    pub intervening: f64,
    /// The operands make another figure of the same rule hold.
    pub taken: f64,
    /// Another figure of the same rule sits nearer the same operands.
    pub closer: f64,
    /// Rival readings with a stronger frame, log-scaled.
    pub outframed: f64,
    /// Rival readings with as strong a frame, log-scaled.
    pub frame_ties: f64,
    /// The change's end is the article's level of the measure (1 for its first statement).
    pub level: f64,
    /// How far a missing figure is from the derived value, log-scaled (0 when it holds).
    pub miss_size: f64,
    /// How close a missing figure comes to the derived value (0 when it holds).
    pub close_miss: f64,
}

/// How many features there are.
pub const N_FEATURES: usize = 29;

/// Feature names, in the order of [`Evidence::vector`] and of the weights.
pub const NAMES: [&str; N_FEATURES] = [
    "frame",
    "cue",
    "same_clause",
    "same_sentence",
    "distance",
    "paragraphs",
    "structure",
    "noun_same",
    "noun_unknown",
    "noun_clash",
    "subject",
    "time_fit",
    "time_clash",
    "hedge_misfit",
    "direction_clash",
    "headline",
    "fits",
    "near_miss",
    "slip",
    "rivals",
    "clause_subject",
    "intervening",
    "taken",
    "closer",
    "outframed",
    "frame_ties",
    "level",
    "miss_size",
    "close_miss",
];

impl Evidence {
    /// The features as a vector, in the order of [`NAMES`].
    pub fn vector(&self) -> [f64; N_FEATURES] {
        [
            self.frame,
            self.cue,
            self.same_clause,
            self.same_sentence,
            self.distance,
            self.paragraphs,
            self.structure,
            self.noun_same,
            self.noun_unknown,
            self.noun_clash,
            self.subject,
            self.time_fit,
            self.time_clash,
            self.hedge_misfit,
            self.direction_clash,
            self.headline,
            self.fits,
            self.near_miss,
            self.slip,
            self.rivals,
            self.clause_subject,
            self.intervening,
            self.taken,
            self.closer,
            self.outframed,
            self.frame_ties,
            self.level,
            self.miss_size,
            self.close_miss,
        ]
    }
}

/// |ln(stated ÷ derived)|, when both are finite, non-zero and of one sign.
fn log_gap(stated: f64, derived: f64) -> Option<f64> {
    let comparable = stated != 0.0
        && derived != 0.0
        && (stated < 0.0) == (derived < 0.0)
        && stated.is_finite()
        && derived.is_finite();
    comparable.then(|| (stated / derived).ln().abs())
}

/// How far `stated` is from `derived`, as [`Evidence::miss_size`] measures it: a
/// figure a tenth off scores 0.04, one twice the derived value 0.30, one ten times it 1.
pub fn miss_size(stated: f64, derived: f64) -> f64 {
    if stated == derived {
        return 0.0;
    }
    log_gap(stated, derived).map_or(1.0, |g| (g / std::f64::consts::LN_10).min(1.0))
}

/// How close `stated` comes to `derived`, as [`Evidence::close_miss`] measures it: a
/// figure 1% off scores 0.90, one 5% off 0.49, one 10% off or more 0.
pub fn close_miss(stated: f64, derived: f64) -> f64 {
    if stated == derived {
        return 0.0;
    }
    log_gap(stated, derived).map_or(0.0, |g| (1.0 - g / 1.1f64.ln()).max(0.0))
}

/// ln(1 + n) / ln(base), capped at 1: counts and distances on one scale.
pub fn log_scaled(n: usize, base: f64) -> f64 {
    // The two bases the features use, for small counts: read from tables computed with
    // this very expression (every reading asks for several).
    let table = if base == 16.0 {
        Some(&*LOG16)
    } else if base == 64.0 {
        Some(&*LOG64)
    } else {
        None
    };
    match table.and_then(|t| t.get(n)) {
        Some(x) => *x,
        None => scaled(n, base),
    }
}

fn scaled(n: usize, base: f64) -> f64 {
    ((1.0 + n as f64).ln() / base.ln()).min(1.0)
}

/// How many counts the tables of [`log_scaled`] hold.
const LOG_TABLE: usize = 256;

static LOG16: std::sync::LazyLock<Vec<f64>> =
    std::sync::LazyLock::new(|| (0..LOG_TABLE).map(|n| scaled(n, 16.0)).collect());
static LOG64: std::sync::LazyLock<Vec<f64>> =
    std::sync::LazyLock::new(|| (0..LOG_TABLE).map(|n| scaled(n, 64.0)).collect());

/// The confidence of a reading proposed by `rule`: the logistic model of its weights for
/// readings that make the figure hold, or for readings that do not (the default weights
/// for a rule without its own, such as a user rule). Two models, because what makes a
/// reading credible differs: a reading that holds is credible on little textual evidence
/// (published figures are right far more often than wrong), one that does not needs a
/// strong cue before it may call a figure wrong.
pub fn confidence(rule: &str, e: &Evidence) -> f64 {
    confidence_by(super::weights::for_rule(rule), e)
}

/// The confidence of a reading under given weights.
pub fn confidence_by(w: &super::weights::RuleWeights, e: &Evidence) -> f64 {
    let m = if e.fits > 0.5 { &w.holds } else { &w.misses };
    let x = e.vector();
    let z: f64 = m.intercept + m.weights.iter().zip(x.iter()).map(|(a, b)| a * b).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_the_vector() {
        assert_eq!(NAMES.len(), Evidence::default().vector().len());
    }

    #[test]
    fn more_evidence_means_more_confidence() {
        let weak = Evidence::default();
        let strong = Evidence {
            frame: 1.0,
            same_clause: 1.0,
            same_sentence: 1.0,
            noun_same: 1.0,
            fits: 1.0,
            ..Evidence::default()
        };
        for rule in ["percent-change", "per-unit-average", "user-rule"] {
            assert!(confidence(rule, &strong) > confidence(rule, &weak), "{rule}");
        }
    }

    #[test]
    fn log_tables_are_the_expression() {
        for base in [16.0, 64.0, 10.0] {
            for n in 0..600 {
                assert_eq!(
                    log_scaled(n, base).to_bits(),
                    scaled(n, base).to_bits(),
                    "{n} {base}"
                );
            }
        }
    }

    #[test]
    fn log_scale_is_bounded() {
        assert_eq!(log_scaled(0, 64.0), 0.0);
        assert_eq!(log_scaled(10_000, 64.0), 1.0);
    }
}
