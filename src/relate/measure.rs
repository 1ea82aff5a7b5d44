//! Are two figures measures of the same sort of thing? Dimension (a count, money in one
//! currency, a percentage, points, a multiplier, a fraction), the counted noun compared
//! through its stem and a small lexicon of role synonyms, and the year a figure is
//! anchored to. Rules use these to decide which figures may stand in one relation; the
//! evidence layer turns the degree of agreement into features.

use crate::claim::{Claim, Kind};
use rust_stemmers::{Algorithm, Stemmer};
use std::sync::LazyLock;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// The Porter (Snowball English) stem of a lower-case word: "officers" → "offic".
///
/// Each thread remembers the stems it has computed (at most [`STEMS_KEPT`] words, then it
/// starts over): the facts of every figure stem the words around it, and an article, like
/// a corpus of articles, uses the same words again and again.
pub fn stem(word: &str) -> String {
    STEMS.with(|cell| {
        let mut stems = cell.borrow_mut();
        if let Some(s) = stems.get(word) {
            return s.clone();
        }
        let w = word.trim_end_matches("'s");
        let s = STEMMER.stem(w).into_owned();
        if stems.len() >= STEMS_KEPT {
            stems.clear();
        }
        stems.insert(word.to_string(), s.clone());
        s
    })
}

/// How many words a thread's stem memory holds.
const STEMS_KEPT: usize = 1 << 16;

thread_local! {
    static STEMS: std::cell::RefCell<rustc_hash::FxHashMap<String, String>> = Default::default();
}

/// Nouns that name the same sort of thing in news copy: a generic English lexicon of role
/// and population nouns, compared by stem.
const SYNONYMS: &[&[&str]] = &[
    &["officer", "agent", "deputy", "trooper", "inspector", "examiner"],
    &["employee", "worker", "staffer", "personnel", "staff", "workforce"],
    &["judge", "magistrate", "justice"],
    &["student", "pupil", "learner", "kid", "child", "enrollment"],
    &[
        "resident",
        "person",
        "people",
        "inhabitant",
        "citizen",
        "individual",
        "population",
    ],
    &["doctor", "physician", "clinician"],
    &["nurse", "caregiver"],
    &["teacher", "educator", "instructor"],
    &["trip", "ride", "boarding", "rider", "passenger", "journey"],
    &["home", "house", "household", "dwelling", "unit", "homeowner"],
    &["job", "position", "post"],
    &["vehicle", "car", "unit"],
    &["visit", "visitor", "arrival", "tourist", "traveller", "traveler"],
    &["death", "dead", "fatality", "victim", "killed"],
    &["vote", "ballot"],
    &["case", "claim", "file"],
];

static SYNONYM_STEMS: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    SYNONYMS
        .iter()
        .map(|g| g.iter().map(|w| stem(w)).collect())
        .collect()
});

/// How well two counted nouns agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NounFit {
    /// The same stem.
    Same,
    /// Synonyms in the lexicon.
    Synonym,
    /// One side names no noun, or only an inferred one.
    Unknown,
    /// Two different nouns.
    Different,
}

/// Nouns for kinds of people: a count of them is a count of people ("1,800 shoppers …
/// two-thirds, or 1,200 people").
const PEOPLE: &[&str] = &[
    "consumer",
    "customer",
    "voter",
    "respondent",
    "worker",
    "patient",
    "adult",
    "child",
    "student",
    "resident",
    "employee",
    "member",
    "participant",
    "shopper",
    "visitor",
    "passenger",
    "driver",
    "user",
    "subscriber",
    "applicant",
    "victim",
    "survivor",
    "citizen",
    "parent",
    "teen",
    "teenager",
    "youth",
    "man",
    "woman",
    "men",
    "women",
    "household",
    "family",
    "household",
    "taxpayer",
    "homeowner",
    "renter",
    "tenant",
    "buyer",
    "seller",
    "reader",
    "viewer",
    "fan",
    "player",
    "officer",
    "teacher",
    "doctor",
    "nurse",
];

/// The generic nouns for people.
const PERSON: &[&str] = &["person", "people", "individual", "persons"];

static PEOPLE_STEMS: LazyLock<(Vec<String>, Vec<String>)> = LazyLock::new(|| {
    (
        PEOPLE.iter().map(|w| stem(w)).collect(),
        PERSON.iter().map(|w| stem(w)).collect(),
    )
});

/// The stems of the synonym groups, each with the groups it is in (bit i for group i),
/// and the stems of [`PEOPLE`] and [`PERSON`], for [`noun_fit`] to look words up rather
/// than scan the lists (it compares the nouns of every reading). `None` when there are
/// more groups than bits; then the lists are scanned.
struct NounIndex {
    groups: rustc_hash::FxHashMap<String, u64>,
    people: rustc_hash::FxHashSet<String>,
    person: rustc_hash::FxHashSet<String>,
}

static NOUN_INDEX: LazyLock<Option<NounIndex>> = LazyLock::new(|| {
    if SYNONYM_STEMS.len() > 64 {
        return None;
    }
    let mut groups: rustc_hash::FxHashMap<String, u64> = rustc_hash::FxHashMap::default();
    for (i, g) in SYNONYM_STEMS.iter().enumerate() {
        for w in g {
            *groups.entry(w.clone()).or_default() |= 1u64 << i;
        }
    }
    let (people, person) = &*PEOPLE_STEMS;
    Some(NounIndex {
        groups,
        people: people.iter().cloned().collect(),
        person: person.iter().cloned().collect(),
    })
});

/// Compare two noun stems.
pub fn noun_fit(a: Option<&str>, b: Option<&str>) -> NounFit {
    match (a, b) {
        (Some(x), Some(y)) if x == y => NounFit::Same,
        (Some(x), Some(y)) => {
            let synonyms = match &*NOUN_INDEX {
                Some(ix) => {
                    let groups = |w: &str| ix.groups.get(w).copied().unwrap_or(0);
                    groups(x) & groups(y) != 0
                        || (ix.person.contains(x) && ix.people.contains(y))
                        || (ix.person.contains(y) && ix.people.contains(x))
                }
                None => {
                    let (people, person) = &*PEOPLE_STEMS;
                    let generic = |w: &str| person.iter().any(|p| p == w);
                    let kind_of_people = |w: &str| people.iter().any(|p| p == w);
                    SYNONYM_STEMS
                        .iter()
                        .any(|g| g.iter().any(|s| s == x) && g.iter().any(|s| s == y))
                        || (generic(x) && kind_of_people(y))
                        || (generic(y) && kind_of_people(x))
                }
            };
            if synonyms {
                NounFit::Synonym
            } else {
                NounFit::Different
            }
        }
        _ => NounFit::Unknown,
    }
}

/// True when two noun stems name the same sort of thing.
pub fn same_noun(a: &str, b: &str) -> bool {
    matches!(noun_fit(Some(a), Some(b)), NounFit::Same | NounFit::Synonym)
}

/// What a figure measures, for deciding which figures may be added, compared or divided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dim<'a> {
    /// A number of things.
    Count,
    /// Money in a currency.
    Money(&'a str),
    /// A percentage.
    Percent,
    /// Percentage points.
    Points,
    /// "doubled", "three times".
    Multiplier,
    /// "a third", "one in five".
    Fraction,
    /// A span of time: "29 years", "two quarters", "a decade" (a count of a time unit).
    Duration,
    /// A count of occasions: "five times last year".
    Occasions,
    /// Places in a ranking: "rising nine places", "up three spots".
    Rank,
}

/// Units that count places in a ranking.
const RANKS: &[&str] = &["place", "position", "spot", "notch", "rung", "rank", "slot"];

/// Time units a duration counts.
const DURATIONS: &[&str] = &[
    "second",
    "minute",
    "hour",
    "day",
    "night",
    "week",
    "fortnight",
    "month",
    "quarter",
    "year",
    "decade",
    "century",
    "season",
];

/// The dimension of a usable claim.
pub fn dimension(c: &Claim) -> Option<Dim<'_>> {
    Some(match c.kind {
        Kind::Count if c.unit.as_deref() == Some("time") => Dim::Occasions,
        Kind::Count if c.unit.as_deref().is_some_and(|u| RANKS.contains(&u)) => Dim::Rank,
        Kind::Count if c.unit.as_deref().is_some_and(|u| DURATIONS.contains(&u)) && !c.unit_inferred => {
            Dim::Duration
        }
        Kind::Count => Dim::Count,
        Kind::Money => Dim::Money(c.unit.as_deref().unwrap_or("USD")),
        Kind::Percent if c.unit.as_deref() == Some("percentage point") => Dim::Points,
        Kind::Percent => Dim::Percent,
        Kind::Multiplier => Dim::Multiplier,
        Kind::Fraction => Dim::Fraction,
        _ => return None,
    })
}

/// True for a share: a percentage or a fraction.
pub fn is_share(c: &Claim) -> bool {
    matches!(dimension(c), Some(Dim::Percent | Dim::Fraction))
}

/// True when two claims have one dimension (counts with counts, dollars with dollars).
pub fn same_dimension(a: &Claim, b: &Claim) -> bool {
    match (dimension(a), dimension(b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// Periods a rate can be stated over, with their length in days.
pub const PERIODS: &[(&str, f64)] = &[
    ("day", 1.0),
    ("night", 1.0),
    ("week", 7.0),
    ("fortnight", 14.0),
    ("month", 365.25 / 12.0),
    ("quarter", 365.25 / 4.0),
    ("year", 365.25),
    ("decade", 3652.5),
];

/// Length in days of a period word ("month" → 30.44), when it is one.
pub fn period_days(word: &str) -> Option<f64> {
    PERIODS.iter().find(|(p, _)| *p == word).map(|(_, d)| *d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_join_inflections() {
        assert_eq!(stem("officers"), stem("officer"));
        assert_eq!(stem("cities"), stem("city"));
        assert_eq!(stem("district's"), stem("district"));
    }

    #[test]
    fn nouns_agree_through_synonyms() {
        let (a, b) = (stem("agents"), stem("officer"));
        assert_eq!(noun_fit(Some(&a), Some(&b)), NounFit::Synonym);
        assert_eq!(
            noun_fit(Some(&stem("trips")), Some(&stem("rides"))),
            NounFit::Synonym
        );
        assert_eq!(
            noun_fit(Some(&stem("cases")), Some(&stem("judges"))),
            NounFit::Different
        );
        assert_eq!(noun_fit(None, Some("x")), NounFit::Unknown);
    }

    #[test]
    fn periods_have_lengths() {
        assert_eq!(period_days("week"), Some(7.0));
        assert!(period_days("officer").is_none());
    }
}
