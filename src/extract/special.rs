//! Numbers that are not quantities: dates, times, years with a fiscal label, phone
//! numbers, street numbers, page/table/section numbers, "No. 1", ordinals, CSS sizes.
//! They are found first, by regex, become claims of their own kinds, and the spans they
//! cover are never read again as quantities.

use crate::claim::Kind;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A non-quantity figure found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Special {
    /// Byte range of the whole expression ("January 8, 2023").
    pub range: Range<usize>,
    /// Its kind.
    pub kind: Kind,
    /// Its main number (the year, the day, the page).
    pub value: f64,
}

/// Month names and their abbreviations, as a regex group.
pub(crate) const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

static PATTERNS: LazyLock<Vec<(Regex, Kind)>> = LazyLock::new(|| {
    let rows: Vec<(String, Kind)> = vec![
        // CSS and pixel sizes.
        (r"(?-u:\b)\d+(?:\.\d+)?(?:px|em|rem|pt|vh|vw|dpi)(?-u:\b)".into(), Kind::Other),
        // January 8, 2023 / Jan. 8 / Oct. 1st
        (format!(r"(?-u:\b){MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+\d{{4}}(?-u:\b))?"), Kind::Date),
        // 8 January 2023
        (format!(r"(?-u:\b)\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?-u:\b)\.?(?:,?\s+\d{{4}}(?-u:\b))?"), Kind::Date),
        // March 2020
        (format!(r"(?-u:\b){MONTH}\.?,?\s+\d{{4}}(?-u:\b)"), Kind::Date),
        // 1/8/2023, 2023-01-08
        (r"(?-u:\b)\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?-u:\b)".into(), Kind::Date),
        (r"(?-u:\b)\d{4}-\d{2}-\d{2}(?-u:\b)".into(), Kind::Date),
        // 3:30 p.m., 10 a.m., 14:05
        (r"(?i)(?-u:\b)\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am(?-u:\b)|pm(?-u:\b))".into(), Kind::Time),
        (r"(?-u:\b)\d{1,2}:\d{2}(?::\d{2})?(?-u:\b)".into(), Kind::Time),
        // (555) 123-4567, 555-123-4567
        (r"(?:\(\d{3}\)\s?|(?-u:\b)\d{3}[-.])\d{3}[-.]\d{4}(?-u:\b)".into(), Kind::Phone),
        // fiscal year 2024, FY2024, fiscal 2025, 2023-24 season
        (r"(?i)(?-u:\b)(?:fiscal\s+year|financial\s+year|calendar\s+year|fiscal|FY)\s?'?\d{2,4}(?-u:\b)".into(), Kind::Year),
        (r"(?-u:\b)(?:19|20)\d{2}\s?[-–/]\s?(?:(?:19|20)\d{2}|\d{2})(?-u:\b)".into(), Kind::Year),
        (r"(?-u:\b)(?:1[89]|20)\d0s(?-u:\b)".into(), Kind::Year),
        // page 9, pp. 4-5, Table 4, Figure 2
        (r"(?i)(?-u:\b)(?:pages?|pp?\.|table|figure|fig\.|chart|exhibit|appendix)\s+\d+(?:\s?[-–]\s?\d+)?(?-u:\b)".into(), Kind::Page),
        // Section 240, Chapter 11, Route 66, No. 1, #3, 24/7
        (r"(?-u:\b)(?:Section|Sections|Sec\.|Chapter|Article|Title|Route|Highway|Interstate|Room|Flight|Suite|Apt\.|Gate|Terminal|Platform|Channel|Proposition|Prop\.|Measure|Form|Model|Version|Season|Episode|Volume|Vol\.|Issue|Precinct|District|Ward|Rule|Amendment|Item|Level|Grade|Phase|Stage|Lot|Unit|Box|Row|Seat|Tier|Class|Category|Group)\s+\d+[A-Za-z]?(?-u:\b)".into(), Kind::Identifier),
        (r"(?-u:\b)(?:No|Nos|Number|no)\.\s?\d+(?-u:\b)|#\d+(?-u:\b)".into(), Kind::Identifier),
        (r"(?-u:\b)\d{1,2}/7(?-u:\b)|(?-u:\b)9/11(?-u:\b)".into(), Kind::Identifier),
        // [1], [23]: a reference to a source, not a figure.
        (r"\[\d{1,3}\]".into(), Kind::Identifier),
        (r"(?-u:\b)[A-Z]{1,3}-\d+(?-u:\b)".into(), Kind::Identifier),
        // 1600 Pennsylvania Avenue
        (r"(?-u:\b)\d{1,5}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+\s+){1,3}(?:Street|St\.|Avenue|Ave\.?|Road|Rd\.|Boulevard|Blvd\.?|Lane|Drive|Way|Place|Court|Parkway|Square|Terrace)(?-u:\b)".into(), Kind::Address),
        // 3rd, 22nd, 50th
        (r"(?-u:\b)\d+(?:st|nd|rd|th)(?-u:\b)".into(), Kind::Ordinal),
    ];
    rows.into_iter()
        .filter_map(|(p, k)| Regex::new(&p).ok().map(|r| (r, k)))
        .collect()
});

/// All the patterns at once: one pass over the text says which patterns match at all, so
/// the position-finding passes run only for those (in news copy, a handful of the 19).
static ANY: LazyLock<regex::RegexSet> = LazyLock::new(|| {
    regex::RegexSet::new(PATTERNS.iter().map(|(re, _)| re.as_str()))
        // The same patterns compiled one by one above; as a set they compile too.
        .unwrap_or_else(|_| regex::RegexSet::empty())
});

/// Find every non-quantity figure. Earlier patterns win over later ones where they overlap.
pub fn find_special(text: &str) -> Vec<Special> {
    // Ranges taken so far, by start: an overlap check looks at two neighbours only.
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut found: Vec<Special> = Vec::new();
    let matching = ANY.matches(text);
    let all = ANY.is_empty();
    for (i, (re, kind)) in PATTERNS.iter().enumerate() {
        if !all && !matching.matched(i) {
            continue;
        }
        for m in re.find_iter(text) {
            let r = m.range();
            let before = taken
                .range(..r.end)
                .next_back()
                .is_some_and(|(_, &end)| end > r.start);
            if before || inside_number(text, r.start) {
                continue;
            }
            let (range, value) = match kind {
                Kind::Address => {
                    let digits_end = m.as_str().find(|c: char| !c.is_ascii_digit()).unwrap_or(m.len());
                    (r.start..r.start + digits_end, first_number(m.as_str()))
                }
                _ => (r.clone(), main_number(m.as_str(), *kind)),
            };
            taken.insert(range.start, range.end);
            found.push(Special {
                range,
                kind: *kind,
                value,
            });
        }
    }
    found.sort_by_key(|s| s.range.start);
    found
}

/// True when a match starting at `start` begins inside a number: "$4.17 of May" holds
/// no date "62 of March", "1,250 … " no "250".
fn inside_number(text: &str, start: usize) -> bool {
    let b = text.as_bytes();
    let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    start >= 2
        && b.get(start - 1).is_some_and(|&c| c == b'.' || c == b',')
        && digit_at(start - 2)
        && digit_at(start)
}

fn numbers(s: &str) -> impl Iterator<Item = f64> + '_ {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|t| !t.is_empty())
        .filter_map(|t| t.parse().ok())
}

fn first_number(s: &str) -> f64 {
    numbers(s).next().unwrap_or(0.0)
}

fn main_number(s: &str, kind: Kind) -> f64 {
    match kind {
        // A year: the four-digit number if there is one, else the two digits as 20xx.
        Kind::Year => numbers(s)
            .find(|n| *n >= 1000.0)
            .or_else(|| numbers(s).next().map(|n| if n < 100.0 { 2000.0 + n } else { n }))
            .unwrap_or(0.0),
        _ => first_number(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(String, Kind)> {
        find_special(s)
            .into_iter()
            .map(|x| (s[x.range].to_string(), x.kind))
            .collect()
    }

    #[test]
    fn no_date_inside_a_number() {
        // The cents of a price are no day of the month.
        assert_eq!(
            kinds("the $4.17 of May 2023"),
            vec![("May 2023".into(), Kind::Date)]
        );
        assert_eq!(kinds("on 17 of May"), vec![("17 of May".into(), Kind::Date)]);
    }

    #[test]
    fn dates_times_and_labels() {
        assert_eq!(
            kinds("on January 8, 2023, at"),
            vec![("January 8, 2023".into(), Kind::Date)]
        );
        assert_eq!(kinds("since Oct. 1 it"), vec![("Oct. 1".into(), Kind::Date)]);
        assert_eq!(kinds("at 3:30 p.m. on"), vec![("3:30 p.m.".into(), Kind::Time)]);
        assert_eq!(
            kinds("call (555) 123-4567"),
            vec![("(555) 123-4567".into(), Kind::Phone)]
        );
        assert_eq!(
            kinds("in fiscal year 2024"),
            vec![("fiscal year 2024".into(), Kind::Year)]
        );
        assert_eq!(kinds("see page 9"), vec![("page 9".into(), Kind::Page)]);
        assert_eq!(kinds("ranked No. 1"), vec![("No. 1".into(), Kind::Identifier)]);
        assert_eq!(kinds("the 22nd floor"), vec![("22nd".into(), Kind::Ordinal)]);
        assert_eq!(
            kinds("at 1600 Pennsylvania Avenue"),
            vec![("1600".into(), Kind::Address)]
        );
        assert_eq!(kinds("font-size: 12px;"), vec![("12px".into(), Kind::Other)]);
        assert_eq!(kinds("up 7.6% [1]."), vec![("[1]".into(), Kind::Identifier)]);
    }
}
