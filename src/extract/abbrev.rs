//! Units an article abbreviates at their first use: "3.1 million barrels a day (mb/d)"
//! defines "mb/d", so a later "2.8 mb/d" is 2.8 million barrels a day. The later
//! claim keeps its text and span as printed; its value takes the defining figure's scale,
//! and its unit, per-unit and noun come from the definition when it has none of its own.
//!
//! A definition is a figure, then a short unit phrase (words and hyphens only, no word
//! that would start another phrase: "in", "at", "by"…), then the abbreviation alone in
//! brackets. A name in brackets after a sentence's words ("the Port Authority (PA)") follows
//! no figure and defines nothing.

use crate::claim::{Claim, Kind};
use crate::document::Document;

/// How far after a figure, in bytes, its unit's abbreviation may stand.
const REACH: usize = 90;

/// Most words a unit phrase has ("million metric tons of carbon dioxide equivalent").
const MAX_WORDS: usize = 7;

/// Words that start another phrase: a phrase holding one is no unit.
const NOT_UNIT: &[&str] = &[
    "in", "at", "by", "from", "to", "with", "for", "on", "and", "or", "the", "was", "were", "is", "are",
    "says", "said",
];

/// What an abbreviation stands for.
struct Definition {
    /// Where the definition ends: only later figures use it.
    at: usize,
    abbr: String,
    scale: f64,
    unit: Option<String>,
    per: Option<String>,
    noun: Option<String>,
}

/// The scale a figure's own words give it ("6,576 million" → 1e6).
fn scale_of(text: &str) -> f64 {
    let t = text.to_ascii_lowercase();
    if t.contains("trillion") {
        1e12
    } else if t.contains("billion") {
        1e9
    } else if t.contains("million") {
        1e6
    } else if t.contains("thousand") {
        1e3
    } else {
        1.0
    }
}

/// A token an abbreviation may be: 2–12 letters, digits or slashes, starting with a letter
/// ("Mt", "kWh", "mb/d", "GtCO2").
fn is_abbreviation(t: &str) -> bool {
    let n = t.chars().count();
    (2..=12).contains(&n)
        && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '/')
        && t.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
}

/// The abbreviation defined right after a figure ending at `end`, if any.
fn defined_after(text: &str, end: usize) -> Option<(String, usize)> {
    let stop = crate::extract::hedge::floor_char_boundary(text, (end + REACH).min(text.len()));
    let after = text.get(end..stop)?;
    let open = after.find('(')?;
    let phrase = after.get(..open)?;
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let plain = phrase
        .chars()
        .all(|c| c.is_alphabetic() || c.is_whitespace() || c == '-');
    if words.is_empty()
        || words.len() > MAX_WORDS
        || !plain
        || words
            .iter()
            .any(|w| NOT_UNIT.contains(&w.to_lowercase().as_str()))
    {
        return None;
    }
    let inside = after.get(open + 1..)?;
    let close = inside.find(')')?;
    let abbr = inside.get(..close)?;
    is_abbreviation(abbr).then(|| (abbr.to_string(), end + open + close + 2))
}

/// The word right after a figure ending at `end`: "mb/d" in "2.8 mb/d in 2019".
fn word_after(text: &str, end: usize) -> Option<&str> {
    let after = text.get(end..)?;
    let rest = after.strip_prefix(' ')?;
    let len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '/'))
        .unwrap_or(rest.len());
    rest.get(..len).filter(|w| !w.is_empty())
}

/// Give later figures written with a defined abbreviation the definition's scale and unit.
pub fn apply(doc: &Document, claims: &mut [Claim]) {
    let text = doc.text.as_str();
    let defs: Vec<Definition> = claims
        .iter()
        .filter(|c| matches!(c.kind, Kind::Count | Kind::Money))
        .filter_map(|c| {
            let (abbr, at) = defined_after(text, c.span.end)?;
            Some(Definition {
                at,
                abbr,
                scale: scale_of(&c.text),
                unit: c.unit.clone(),
                per: c.per.clone(),
                noun: c.noun.clone(),
            })
        })
        .collect();
    if defs.is_empty() {
        return;
    }
    for c in claims.iter_mut() {
        // Only a figure as printed, with no scale word of its own.
        if !matches!(c.kind, Kind::Count | Kind::Money) || c.text.contains(char::is_alphabetic) {
            continue;
        }
        let Some(word) = word_after(text, c.span.end) else {
            continue;
        };
        let Some(d) = defs.iter().find(|d| d.at <= c.span.start && d.abbr == word) else {
            continue;
        };
        c.value = c.value.scale(d.scale);
        if d.unit.is_some() {
            c.unit.clone_from(&d.unit);
            c.noun.clone_from(&d.noun);
            c.unit_inferred = false;
        }
        if c.per.is_none() {
            c.per.clone_from(&d.per);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_phrase_then_its_abbreviation_in_brackets_defines_it() {
        let t = "output of 3.1 million barrels a day (mb/d) last year";
        let end = t.find(" million").map_or(0, |i| i);
        assert_eq!(defined_after(t, end).map(|(a, _)| a), Some("mb/d".to_string()));
        // A name after a clause of other words is no unit.
        let t = "said 40 workers at the Port Authority (PA) walked out";
        assert_eq!(defined_after(t, t.find(" workers").unwrap_or(0)), None);
        let t = "about 300 people, says the Relief Agency (RA)";
        assert_eq!(defined_after(t, t.find(" people").unwrap_or(0)), None);
    }

    #[test]
    fn the_word_after_a_figure() {
        assert_eq!(word_after("2.8 mb/d in 2019", 3), Some("mb/d"));
        assert_eq!(word_after("2.8, up", 3), None);
    }
}
