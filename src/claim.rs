//! The data model of one numerical claim: what the extractor produces and the rules read.

use crate::interval::{Hedge, Value};
use serde::{Deserialize, Serialize};

/// Where a claim sits in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first byte, into the text as read.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

/// What sort of figure a claim is. Only [`Kind::enters_arithmetic`] kinds feed rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A number of things: "6,000 officers".
    Count,
    /// An amount of money: "$3.5 billion".
    Money,
    /// A percentage or percentage points: "12%".
    Percent,
    /// A multiplier: "doubled", "three times".
    Multiplier,
    /// A fraction: "a third", "one in five".
    Fraction,
    /// A calendar year: "2021", "fiscal year 2024".
    Year,
    /// A calendar date: "Oct. 1", "January 8, 2023".
    Date,
    /// A time of day: "3:30 p.m.".
    Time,
    /// An ordinal: "3rd".
    Ordinal,
    /// A phone number.
    Phone,
    /// A street number.
    Address,
    /// A page, table, section or chapter number.
    Page,
    /// A label that happens to be numeric: "No. 1", "#3", "24/7".
    Identifier,
    /// Anything else that is numeric but not a quantity (CSS sizes, debris).
    Other,
}

impl Kind {
    /// True for the kinds that may take part in arithmetic.
    pub fn enters_arithmetic(self) -> bool {
        matches!(
            self,
            Kind::Count | Kind::Money | Kind::Percent | Kind::Multiplier | Kind::Fraction
        )
    }

    /// The lower-case name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Multiplier => "multiplier",
            Kind::Fraction => "fraction",
            Kind::Year => "year",
            Kind::Date => "date",
            Kind::Time => "time",
            Kind::Ordinal => "ordinal",
            Kind::Phone => "phone",
            Kind::Address => "address",
            Kind::Page => "page",
            Kind::Identifier => "identifier",
            Kind::Other => "other",
        }
    }
}

/// The part a figure plays in its sentence, when that is more than "a value".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A plain value: "has reached 7.4 million".
    Value,
    /// The size of a change: "increased by more than 1 million".
    Change,
    /// The base of a rate: the "10,000" of "61 per 10,000 residents".
    PerBase,
    /// A figure counted from a larger one: the "3" of "3 of the 10 judges".
    Part,
    /// A forecast or target, not a value reached: "on track to reach 8 million".
    Projection,
}

/// One numeric expression with everything a rule needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable id within its document: "c1", "c2", … in text order.
    pub id: String,
    /// The exact surface text, hedge words included.
    pub text: String,
    /// What sort of figure it is.
    pub kind: Kind,
    /// Where it is in the file as read.
    pub span: Span,
    /// Where it is in the text the rules read, when that is not the file itself (HTML):
    /// offsets, line and column of the extracted prose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_span: Option<Span>,
    /// Its value as an interval.
    pub value: Value,
    /// How it is hedged.
    pub hedge: Hedge,
    /// The counted noun, singular ("officer"), a currency code for money ("USD"),
    /// "percent" or "percentage point" for percentages, "times" for multipliers.
    pub unit: Option<String>,
    /// Per-unit: "agent" for "per agent" / "each agent", "day" for "a day".
    pub per: Option<String>,
    /// The time anchor: "since Oct. 1", "when he took office".
    pub time: Option<String>,
    /// The counted noun for money and percentages ("budget"), and for counts the same as `unit`.
    #[serde(default)]
    pub noun: Option<String>,
    /// Words before the counted noun ("deportation").
    #[serde(default)]
    pub modifiers: Vec<String>,
    /// True when the noun was not next to the figure but inferred from its sentence or the one before.
    #[serde(default)]
    pub unit_inferred: bool,
    /// The period of a rate whose per-unit is something else: "each household uses 9,000
    /// gallons a month" → per "household", rate "month".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<String>,
    /// The number that `per` counts, when it is not one ("per 10,000 residents" → 10000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_count: Option<f64>,
    /// True for "an average of", "on average".
    #[serde(default)]
    pub average: bool,
    /// The part the figure plays in its sentence.
    pub role: Role,
    /// True when the figure sits in web debris (CSS, app prompts, captions) and must not feed a rule.
    #[serde(default)]
    pub debris: bool,
    /// 0-based sentence index in the document.
    pub sentence: usize,
    /// 0-based paragraph index in the document.
    pub paragraph: usize,
}

/// The claim with an id among claims numbered c1, c2, … in order: found by its number,
/// so looking up every claim of every finding stays linear.
pub fn by_id<'a>(claims: &'a [Claim], id: &str) -> Option<&'a Claim> {
    let direct = id
        .strip_prefix('c')
        .and_then(|n| n.parse::<usize>().ok())
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| claims.get(i))
        .filter(|c| c.id == id);
    direct.or_else(|| claims.iter().find(|c| c.id == id))
}

impl Claim {
    /// True when rules may use this claim.
    pub fn usable(&self) -> bool {
        self.kind.enters_arithmetic() && !self.debris && self.value.is_finite()
    }
}
