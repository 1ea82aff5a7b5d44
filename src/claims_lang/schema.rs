//! The shape of a rule file, read with serde from TOML. Unknown fields are errors, so a
//! misspelt selector is reported, not ignored.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// A rule file: one or more `[[rule]]` tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// The rules, in file order.
    #[serde(default)]
    pub rule: Vec<Spanned<RuleDef>>,
}

/// One rule as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDef {
    /// Kebab-case id, unique across all loaded rules.
    pub id: Spanned<String>,
    /// One line saying what the rule checks.
    pub description: String,
    /// "error" (default) or "warning": how loudly a contradiction is reported.
    #[serde(default)]
    pub severity: Option<Spanned<String>>,
    /// How close the figures must be: "same sentence", "same paragraph", or "N sentences"
    /// (default "3 sentences").
    #[serde(default)]
    pub within: Option<Spanned<String>>,
    /// The figures the rule uses, by name.
    pub select: BTreeMap<String, Spanned<Selector>>,
    /// The relation they must satisfy: "average ~= total / staff within 10%".
    pub expect: Spanned<String>,
    /// Texts that must come out with each verdict.
    #[serde(default)]
    pub examples: Examples,
}

/// Example texts by the verdict they must produce.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// Texts whose figures satisfy the relation.
    #[serde(default)]
    pub consistent: Vec<String>,
    /// Texts whose figures break it.
    #[serde(default)]
    pub contradicted: Vec<String>,
    /// Texts whose figures break it only within rounding.
    #[serde(default)]
    pub borderline: Vec<String>,
}

/// Which claims a name stands for. Every field is optional; all given ones must hold.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Selector {
    /// The counted noun: words separated by "|" ("officer|agent"), or a regex between
    /// slashes ("/officers?/"). Plural or singular, as you like.
    #[serde(default, alias = "unit")]
    pub noun: Option<String>,
    /// The per-unit: "none", or words ("resident|person").
    #[serde(default)]
    pub per: Option<String>,
    /// The number the per-unit counts: 100000 for "per 100,000 residents".
    #[serde(default)]
    pub per_count: Option<f64>,
    /// The kind: count, money, percent, multiplier, fraction (several with "|").
    #[serde(default)]
    pub kind: Option<String>,
    /// The hedge: exact, approx, lower_bound, upper_bound, range (several with "|").
    #[serde(default)]
    pub hedge: Option<String>,
    /// The time anchor: "none", "any", or words one of which it must contain ("2021|2022").
    #[serde(default)]
    pub time: Option<String>,
    /// The part the figure plays: "value" (a level) or "change" ("rose by …").
    #[serde(default)]
    pub role: Option<String>,
    /// Words one of which must stand just before the figure ("from|of").
    #[serde(default)]
    pub before: Option<String>,
    /// Words one of which must follow soon after the figure ("killed|dead").
    #[serde(default)]
    pub after: Option<String>,
    /// `true`: the noun must be the figure's own ("85 victims"), not one inferred from the
    /// words around it ("of the 23 victims, 17 were men").
    #[serde(default)]
    pub own_noun: Option<bool>,
}
