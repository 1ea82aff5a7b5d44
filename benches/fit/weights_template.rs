/// One logistic model: a constant and one weight per feature, in the order of
/// `evidence::NAMES`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Model {
    /// The constant term.
    pub intercept: f64,
    /// One weight per feature.
    pub weights: [f64; super::evidence::N_FEATURES],
}

/// The confidence models of one rule: one for readings under which the stated figure
/// holds, one for readings under which it does not.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RuleWeights {
    /// Rule id.
    pub rule: &'static str,
    /// For readings that make the figure hold.
    pub holds: Model,
    /// For readings that do not.
    pub misses: Model,
}

/// Weights for rules without their own (user rules): a hand-set prior, not fitted.
pub const DEFAULT: RuleWeights = RuleWeights {
    rule: "*",
    holds: Model {
        intercept: -1.0,
        weights: [
            3.0, 1.0, 1.0, 1.0, -1.0, -0.5, 1.0, 1.0, 0.0, -3.0, 1.0, 0.5, -2.0, -2.0, -3.0, 0.0, 0.0, 0.0, 0.0, -0.5, 1.0,
            -0.5, -1.0, -1.0, -1.0, -0.5, 0.0, 0.0, 0.0,
        ],
    },
    misses: Model {
        intercept: -3.0,
        weights: [
            3.0, 1.0, 1.0, 1.0, -1.0, -0.5, 1.0, 1.0, 0.0, -3.0, 1.0, 0.5, -2.0, -2.0, -3.0, 0.0, 0.0, 0.5, 2.0, -0.5, 1.0,
            -0.5, -2.0, -2.0, -2.0, -1.0, 0.0, 0.0, 0.0,
        ],
    },
};

// @@WEIGHTS@@

/// The weights of a rule.
pub fn for_rule(rule: &str) -> &'static RuleWeights {
    WEIGHTS.iter().find(|w| w.rule == rule).unwrap_or(&DEFAULT)
}
