//! Figures whose words say they are not quantities, or not the quantity the grammar read:
//!
//! - idioms: "one of the best", "one of them", "number one", and the pronoun "one" ("the old
//!   one", "each one");
//! - number words inside a capitalised name: "Formula One", "the Big Ten", "the Group of
//!   Seven", "the Three Gorges Dam" (a capitalised number word after a word of its line is
//!   a name, not a count);
//! - sports scores and records: "a 1-1 draw", "won 3-2", "beat them 88-61", "a 24-8 record";
//! - decades and ages: "the 70s", "the ’90s" (years), "in his 40s" (an age, not a count);
//! - "N times" and "twice" counting occasions ("raised rates five times", "won the title
//!   three times") rather than multiplying ("three times the size", "twice as many");
//! - "two quarters ahead", "three quarters of play": periods, not the fraction 3/4.
//!
//! Each check reads a few words around the figure and nothing else.

use crate::claim::Kind;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

use super::context::{is_plural_noun, is_stop};

fn re(p: &str) -> Regex {
    crate::pattern::compile(p)
}

/// Up to `n` words before `pos` on its line, nearest first, lower case; stops at a sentence
/// or clause mark (. ! ? ; : and quotes, brackets, dashes), which a name never crosses.
fn words_before(text: &str, pos: usize, n: usize) -> Vec<String> {
    let from = super::hedge::floor_char_boundary(text, pos.saturating_sub(60));
    let window = text.get(from..pos).unwrap_or("");
    let window = window
        .rfind(['.', '!', '?', ';', ':', '\n', '"', '“', '”', '(', ')', '—', '–'])
        .map_or(window, |i| window.get(i + 1..).unwrap_or(""));
    window
        .split_whitespace()
        .rev()
        .take(n)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .to_lowercase()
        })
        .collect()
}

/// The word right after `pos` (skipping spaces), as written.
fn word_after(text: &str, pos: usize) -> &str {
    let rest = text
        .get(pos..)
        .unwrap_or("")
        .trim_start_matches([' ', '\t', '\u{a0}']);
    let len = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .unwrap_or(rest.len());
    rest.get(..len).unwrap_or("")
}

/// Nouns that number what follows them, as "Section 240" does: "Section Ten", "Game Seven".
const LABELS: &[&str] = &[
    "section",
    "chapter",
    "part",
    "game",
    "round",
    "stage",
    "phase",
    "article",
    "title",
    "volume",
    "book",
    "act",
    "scene",
    "episode",
    "season",
    "level",
    "grade",
    "district",
    "ward",
    "precinct",
    "proposition",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "each", "every", "which", "another", "any", "no",
];

/// Small number words: a "one of the" followed by one of these counts ("one of the three").
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "thirty", "forty", "fifty", "hundred", "dozen",
];

static ONE_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s+of\s+(the|those|these|its|their|his|her|our|my|your|them|us|you|whom|which)(?-u:\b)((?:\s+[\w’'-]+){0,2})",
    )
});

/// The kind of a figure written in words when it is not a count: "number one" is an
/// identifier; "one of the best", the pronoun "one" and a number word inside a capitalised
/// name are other. `start..end` is the figure itself, hedge words excluded.
pub fn word_figure_kind(text: &str, start: usize, end: usize) -> Option<Kind> {
    let figure = text.get(start..end)?;
    if !figure.starts_with(char::is_alphabetic) {
        return None;
    }
    let before = words_before(text, start, 2);
    let single_word = !figure.contains(char::is_whitespace);
    if single_word
        && before
            .first()
            .is_some_and(|w| w == "number" || LABELS.contains(&w.as_str()))
    {
        return Some(Kind::Identifier);
    }
    if figure.eq_ignore_ascii_case("one") && (one_of_idiom(text, end) || pronoun_one(text, end, &before)) {
        return Some(Kind::Other);
    }
    in_name(text, start, figure).then_some(Kind::Other)
}

/// True when a fraction word names a period: "the first half", "a strong second
/// quarter". `start..end` is the figure itself.
pub fn ordinal_period(text: &str, start: usize, end: usize) -> bool {
    /// Words before "half" or "quarter" that make it a part of a year or a game.
    const ORDINALS: &[&str] = &[
        "first", "second", "third", "fourth", "final", "last", "latter", "back", "front",
    ];
    let Some(figure) = text.get(start..end) else {
        return false;
    };
    (figure.eq_ignore_ascii_case("half") || figure.eq_ignore_ascii_case("quarter"))
        && words_before(text, start, 1)
            .first()
            .is_some_and(|w| ORDINALS.contains(&w.as_str()))
}

/// "one of the best", "one of them": not a count, unless a number follows ("one of the
/// three schools", "one of its 12 districts").
fn one_of_idiom(text: &str, end: usize) -> bool {
    let to = super::hedge::floor_char_boundary(text, end.saturating_add(60));
    let Some(c) = text.get(end..to).and_then(|t| ONE_OF.captures(t)) else {
        return false;
    };
    let next = c.get(2).map_or("", |m| m.as_str());
    !next.split_whitespace().any(|w| {
        w.starts_with(|ch: char| ch.is_ascii_digit()) || NUMBER_WORDS.contains(&w.to_lowercase().as_str())
    })
}

/// The pronoun "one": after a determiner, or a determiner and one word ("each one", "no
/// one", "the old one", "a new one"), and not joined to a noun by a hyphen ("a one-year
/// delay") nor followed by a noun ("the one school").
fn pronoun_one(text: &str, end: usize, before: &[String]) -> bool {
    if text.get(end..).is_some_and(|t| t.starts_with('-')) {
        return false;
    }
    let det = |w: Option<&String>| w.is_some_and(|w| DETERMINERS.contains(&w.as_str()));
    let after_det = det(before.first())
        || (det(before.get(1))
            && before
                .first()
                .is_some_and(|w| w.chars().all(char::is_alphabetic) && !NUMBER_WORDS.contains(&w.as_str())));
    if !after_det {
        return false;
    }
    let next = word_after(text, end);
    next.is_empty() || is_stop(next) || next.eq_ignore_ascii_case("of")
}

/// A capitalised number word after a word of its line is part of a name: "Formula One",
/// "Sky One", "the Big Ten", "the Group of Seven", "the Three Gorges Dam". Not at the start
/// of a sentence, line or quotation ("Thirty-nine people were hurt"), and not in a
/// title-case headline ("Storm Kills Three In Florida").
fn in_name(text: &str, start: usize, figure: &str) -> bool {
    let first = figure.split(char::is_whitespace).next().unwrap_or("");
    let mut chars = first.chars();
    let titlecase = chars.next().is_some_and(char::is_uppercase)
        && first
            .split('-')
            .flat_map(|part| part.chars().skip(1))
            .all(|c| c.is_lowercase());
    if !titlecase {
        return false;
    }
    let prev = text
        .get(..start)
        .unwrap_or("")
        .trim_end_matches([' ', '\t', '\u{a0}'])
        .chars()
        .next_back();
    if !prev.is_some_and(char::is_alphabetic) {
        return false;
    }
    !title_case_line(text, start)
}

/// True when the line holding the word at `pos` is set in title case, as headlines are:
/// at least four in five of its other words of four letters or more (its first word and
/// this one aside) capitalised, and at least two such words.
fn title_case_line(text: &str, pos: usize) -> bool {
    let line_start = text.get(..pos).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
    let line_end = text
        .get(pos..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| pos + i);
    let line = text.get(line_start..line_end).unwrap_or("");
    let at = pos - line_start;
    let (mut long, mut capitalised) = (0, 0);
    for (i, (here, w)) in alphabetic_words(line).enumerate() {
        if w.chars().count() < 4 || here == at || i == 0 {
            continue;
        }
        long += 1;
        capitalised += usize::from(w.starts_with(char::is_uppercase));
    }
    long >= 2 && capitalised * 5 >= long * 4
}

/// The runs of letters of a text, with their byte offsets.
fn alphabetic_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rest = text.get(pos..)?;
        let skip = rest.find(char::is_alphabetic)?;
        let start = pos + skip;
        let word_len = text
            .get(start..)?
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(text.len() - start);
        pos = start + word_len;
        text.get(start..pos).map(|w| (start, w))
    })
}

static SCORE: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d{1,3})[-–](\d{1,3})(?-u:\b)"));

/// Verbs and nouns before a pair of figures that make it a score or a record.
const SCORE_BEFORE: &[&str] = &[
    "won",
    "win",
    "wins",
    "winning",
    "lost",
    "lose",
    "loses",
    "losing",
    "beat",
    "beats",
    "beating",
    "beaten",
    "defeated",
    "defeat",
    "defeats",
    "defeating",
    "downed",
    "edged",
    "edges",
    "edging",
    "routed",
    "tied",
    "ties",
    "tying",
    "drew",
    "draw",
    "drawn",
    "trailed",
    "trailing",
    "trail",
    "trails",
    "led",
    "lead",
    "leads",
    "leading",
    "blanked",
    "swept",
    "thrashed",
    "crushed",
    "outscored",
    "finished",
    "finishes",
    "finish",
    "went",
    "record",
    "score",
    "scored",
    "rallied",
];

static SCORE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:draws?|ties?|wins?|victory|victories|loss|losses|defeats?|records?|leads?|deficit|advantage|margin|decision|vote|verdict|ruling|scoreline|triumph|rout|shutout|overall|aggregate|on\s+aggregate|in\s+(?:the\s+)?(?:series|conference|league|division|final|standings|overtime)|(?:series|conference|league|division)\s+(?:lead|record|mark|play)|down|at\s+(?:home|halftime|half-time|the\s+half|the\s+break)|on\s+the\s+(?:road|season|year))(?-u:\b)",
    )
});

/// A sports score or record at `start` ("3-2", "88–61"): the two figures' ranges and
/// values, when the pair is equal ("a 1-1 draw"), is set in brackets after a name ("Pine
/// Ridge (11-20)"), or a result word stands before it ("won 3-2", "beat them 88-61") or
/// after it ("a 24-8 record", "a 2-3 loss").
pub fn score_pair(text: &str, start: usize) -> Option<[(Range<usize>, f64); 2]> {
    let rest = text.get(start..)?;
    let c = SCORE.captures(rest)?;
    let (a, b) = (c.get(1)?, c.get(2)?);
    let after = rest.get(b.end()..).unwrap_or("");
    // "3-4%", "3-4 million", "1-2.5", "9-11-2001": not a score.
    if after.starts_with(['%', '.', ',', '-', '/', '–'])
        && after.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
        || after.starts_with('%')
    {
        return None;
    }
    let next = word_after(text, start + b.end()).to_lowercase();
    // "2-3 to 4-5 inches", "1-2 or 3": figures joined to more figures.
    let joined = ["to", "and", "or"].contains(&next.as_str())
        && after
            .trim_start()
            .get(next.len()..)
            .is_some_and(|t| t.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    if joined
        || super::numeral::SCALE_WORDS
            .iter()
            .any(|(w, _)| next.starts_with(w))
        || ["percent", "per", "pct", "times", "fold"].contains(&next.as_str())
    {
        return None;
    }
    // "went 11-22 from the floor": made and attempted.
    if next == "from" || next == "for" {
        return None;
    }
    let (x, y): (f64, f64) = (a.as_str().parse().ok()?, b.as_str().parse().ok()?);
    // "2-2" in a box score is made and attempted: a pair set apart by runs of spaces is a
    // table cell, and an equal pair there is no draw.
    let in_table = after.starts_with("  ") || text.get(..start).is_some_and(|t| t.ends_with("  "));
    let bracketed = text.get(..start).is_some_and(|t| t.ends_with('(')) && after.starts_with(')');
    let cue_after = SCORE_AFTER.is_match(after);
    let cue_before = words_before(text, start, 4)
        .iter()
        .any(|w| SCORE_BEFORE.contains(&w.as_str()))
        && !is_plural_noun(&next);
    if (x == y && !in_table) || bracketed || cue_after || cue_before {
        Some([
            (start + a.start()..start + a.end(), x),
            (start + b.start()..start + b.end(), y),
        ])
    } else {
        None
    }
}

static DECADE: LazyLock<Regex> = LazyLock::new(|| re(r"^([1-9]0)s(?-u:\b)"));

/// A decade or an age written as a two-digit plural at `start`: "the 70s", "the ’90s",
/// "the early 80s" are years (1970…); "in his 40s", "her late 30s" are ages (other). The
/// range includes a leading apostrophe.
pub fn decade_at(text: &str, start: usize) -> Option<(Range<usize>, Kind, f64)> {
    let rest = text.get(start..)?;
    let c = DECADE.captures(rest)?;
    let n: f64 = c.get(1)?.as_str().parse().ok()?;
    let end = start + c.get(0)?.end();
    let apostrophe = ['\'', '’']
        .iter()
        .find(|a| text.get(..start).is_some_and(|t| t.ends_with(**a)))
        .map(|a| a.len_utf8());
    let from = start - apostrophe.unwrap_or(0);
    let before = words_before(text, from, 2);
    let possessive = |w: Option<&String>| {
        w.is_some_and(|w| ["his", "her", "their", "my", "your", "our", "its"].contains(&w.as_str()))
    };
    let stage = |w: Option<&String>| w.is_some_and(|w| ["early", "mid", "late"].contains(&w.as_str()));
    if possessive(before.first()) || (stage(before.first()) && possessive(before.get(1))) {
        return Some((from..end, Kind::Other, n));
    }
    if apostrophe.is_some() || before.first().is_some_and(|w| w == "the") || stage(before.first()) {
        return Some((from..end, Kind::Year, 1900.0 + n));
    }
    None
}

/// Comparatives and what a multiplier multiplies: after "N times" or "twice" they make it
/// a multiplier ("three times the size", "twice as many", "three times higher").
const MULTIPLIED: &[&str] = &[
    "the", "that", "those", "these", "this", "its", "their", "his", "her", "our", "your", "my", "what",
    "more", "less", "fewer", "over", "higher", "lower", "larger", "bigger", "greater", "smaller", "faster",
    "slower", "longer", "shorter", "wider", "heavier", "stronger", "cheaper", "richer", "deadlier", "worse",
    "better", "likelier", "costlier", "pricier", "above", "below",
];

/// Copulas before a multiplier: "is three times", "were twice".
const COPULAS: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "being", "becomes", "became", "remains", "remained",
];

/// True when "N times" or "twice" at `start..end` counts occasions ("raised rates five times
/// last year", "won the title three times", "scored twice") rather than multiplying:
/// nothing after it is multiplied or compared, no copula stands before it
/// (`phrase_start` is where its hedge begins), and it is a whole number.
pub fn counts_occasions(text: &str, phrase_start: usize, end: usize, value: f64) -> bool {
    if value.fract() != 0.0 {
        return false;
    }
    let next = word_after(text, end).to_lowercase();
    if MULTIPLIED.contains(&next.as_str()) {
        return false;
    }
    let after_next = {
        let rest = text.get(end..).unwrap_or("").trim_start();
        let skip = rest.len() - rest.trim_start_matches(|c: char| c.is_alphabetic()).len();
        word_after(text, end + (text.len() - end - rest.len()) + skip)
    };
    // "twice as many", "three times as likely"; not "scored twice as United won".
    if next == "as" && after_next.starts_with(char::is_lowercase) {
        return false;
    }
    // "three times last year's level"
    if ["last", "next", "this"].contains(&next.as_str())
        && after_next.ends_with(['s'])
        && after_next.contains(['\'', '’'])
    {
        return false;
    }
    !words_before(text, phrase_start, 1)
        .first()
        .is_some_and(|w| COPULAS.contains(&w.as_str()))
}

static QUARTER_PERIOD_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s+(?:ahead|ago|later|earlier|before|running|straight|in\s+a\s+row|into|of\s+(?:play|action|football|basketball|hockey|growth|decline|contraction|expansion|losses|gains|profits?|earnings|the\s+(?:game|season|match|contest|year|fiscal\s+year)|this\s+year|last\s+year|fiscal|\d{4}))(?-u:\b)",
    )
});

/// Words before "N quarters" that make them periods: "the past two quarters", "for three
/// quarters".
const QUARTER_PERIOD_BEFORE: &[&str] = &[
    "past",
    "last",
    "next",
    "first",
    "previous",
    "final",
    "recent",
    "for",
    "in",
    "over",
    "within",
    "after",
    "during",
    "remaining",
    "opening",
    "consecutive",
    "straight",
];

/// True when "two quarters", "three quarters" (`start..end`, words and a space) are
/// periods ("two quarters ahead", "three quarters of play", "the past three quarters")
/// rather than a fraction ("three quarters of voters").
pub fn quarters_are_periods(text: &str, start: usize, end: usize) -> bool {
    let Some(figure) = text.get(start..end) else {
        return false;
    };
    let lower = figure.to_lowercase();
    if !lower.ends_with(" quarters") || lower.contains('-') {
        return false;
    }
    let to = super::hedge::floor_char_boundary(text, end.saturating_add(40));
    text.get(end..to)
        .is_some_and(|t| QUARTER_PERIOD_AFTER.is_match(t))
        || words_before(text, start, 1)
            .first()
            .is_some_and(|w| QUARTER_PERIOD_BEFORE.contains(&w.as_str()))
}

/// True for a vague plural without "of" that stands as a quantity: at the start of a
/// sentence or followed by a verb ("Hundreds are in hospital", "thousands more marched"),
/// never inside brackets ("(millions of trips)" labels a table).
pub fn bare_vague_stands(text: &str, start: usize, end: usize) -> bool {
    let before = text
        .get(..start)
        .unwrap_or("")
        .trim_end_matches([' ', '\t', '\u{a0}']);
    if before.ends_with('(') {
        return false;
    }
    let opens = before.is_empty() || before.ends_with(['.', '!', '?', '\n', '"', '“', ':']);
    let next = word_after(text, end).to_lowercase();
    let verb = [
        "are", "were", "have", "had", "has", "will", "would", "could", "may", "might", "more", "remain",
        "remained",
    ]
    .contains(&next.as_str())
        || (next.len() > 4 && next.ends_with("ed"));
    let starts_upper = text
        .get(start..)
        .is_some_and(|t| t.starts_with(char::is_uppercase));
    (opens && starts_upper && !next.eq_ignore_ascii_case("of")) || verb
}

/// True when a vague plural with "of" labels a table or its unit: "(millions of trips)",
/// "(in thousands of dollars)".
pub fn labels_a_unit(text: &str, start: usize) -> bool {
    let before = text
        .get(..start)
        .unwrap_or("")
        .trim_end_matches([' ', '\t', '\u{a0}']);
    before.ends_with('(') || before.to_lowercase().ends_with("(in")
}

static MODEL_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:\s*(?:and|or|&|,)\s*\d+)*[ -]?series(?-u:\b)"));

/// True when a bare number names a model or a range of products: "the 3 and 4 series",
/// "a 7-Series".
pub fn names_a_model(text: &str, end: usize) -> bool {
    text.get(end..).is_some_and(|rest| MODEL_AFTER.is_match(rest))
}

#[cfg(test)]
mod model_tests {
    use super::*;

    #[test]
    fn numbers_before_series_are_names() {
        let t = "sales of the 3 and 4 series rose 16%, and the 7-Series fell.";
        let three = t.find('3').unwrap_or(0);
        assert!(names_a_model(t, three + 1));
        let seven = t.find('7').unwrap_or(0);
        assert!(names_a_model(t, seven + 1));
        assert!(!names_a_model("It rose 16% in 3 years.", 10));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(text: &str, figure: &str) -> Option<Kind> {
        let start = text.find(figure).unwrap_or(0);
        word_figure_kind(text, start, start + figure.len())
    }

    #[test]
    fn ordinal_halves_and_quarters_are_periods() {
        let at = |text: &str, figure: &str| {
            let start = text.find(figure).unwrap_or(0);
            ordinal_period(text, start, start + figure.len())
        };
        assert!(at("Revenue for the first half reached $8.4 billion.", "half"));
        assert!(at("Sales rose in the second quarter.", "quarter"));
        assert!(!at("Half of the voters stayed home.", "Half"));
        assert!(!at("A quarter of the budget went to schools.", "quarter"));
    }

    #[test]
    fn idioms_and_pronouns() {
        assert_eq!(
            kind_of("He is one of the best players.", "one"),
            Some(Kind::Other)
        );
        assert_eq!(kind_of("One of them left early.", "One"), Some(Kind::Other));
        assert_eq!(
            kind_of("It ranks number one in the league.", "one"),
            Some(Kind::Identifier)
        );
        assert_eq!(kind_of("The new one is larger.", "one"), Some(Kind::Other));
        assert_eq!(kind_of("No one was hurt.", "one"), Some(Kind::Other));
        // Counts stay counts.
        assert_eq!(kind_of("It closed one of its three depots.", "one"), None);
        assert_eq!(kind_of("She was one of the 12 jurors.", "one"), None);
        assert_eq!(kind_of("It is one of four sites.", "one"), None);
        assert_eq!(kind_of("They asked for a one-year delay.", "one"), None);
        assert_eq!(kind_of("Only one bridge stayed open.", "one"), None);
    }

    #[test]
    fn number_words_inside_names() {
        assert_eq!(
            kind_of("The Three Gorges reservoir rose.", "Three"),
            Some(Kind::Other)
        );
        assert_eq!(
            kind_of("It aired on Sky One last night.", "One"),
            Some(Kind::Other)
        );
        assert_eq!(kind_of("Two Formula One teams left.", "One"), Some(Kind::Other));
        assert_eq!(kind_of("The Big Ten voted on Monday.", "Ten"), Some(Kind::Other));
        assert_eq!(
            kind_of("Leaders of the Group of Seven met.", "Seven"),
            Some(Kind::Other)
        );
        // A capitalised number word that opens a sentence is a count.
        assert_eq!(
            kind_of("It rained. Thirty-nine roads closed.", "Thirty-nine"),
            None
        );
        assert_eq!(kind_of("“Seven of us stayed,” he said.", "Seven"), None);
        // Title-case headlines capitalise every word.
        assert_eq!(kind_of("Storm Floods Three Towns Along Coast", "Three"), None);
        assert_eq!(
            kind_of("Section Ten: Historical Perspective", "Ten"),
            Some(Kind::Identifier)
        );
        assert_eq!(
            kind_of("Officials at the Three Gorges Dam said on Tuesday.", "Three"),
            Some(Kind::Other)
        );
    }

    fn score(text: &str) -> Option<(f64, f64)> {
        let start = text.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
        score_pair(text, start).map(|[(_, a), (_, b)]| (a, b))
    }

    #[test]
    fn scores_and_records() {
        assert_eq!(score("It ended in a 1-1 draw."), Some((1.0, 1.0)));
        assert_eq!(score("They won 3-2 on Sunday."), Some((3.0, 2.0)));
        assert_eq!(score("We beat them 88-61 at home."), Some((88.0, 61.0)));
        assert_eq!(score("The team has a 24-8 record."), Some((24.0, 8.0)));
        assert_eq!(score("They lost 2-3 to the visitors."), Some((2.0, 3.0)));
        assert_eq!(score("Westfield (11-20) lost again."), Some((11.0, 20.0)));
        // Ranges are not scores.
        assert_eq!(score("It takes 3-4 weeks."), None);
        assert_eq!(score("They won 3-4 million votes."), None);
        assert_eq!(score("Rates rose 2-3% in spring."), None);
        assert_eq!(score("They went 2-3 days without water."), None);
        assert_eq!(score("She went 11-22 from the floor."), None);
        assert_eq!(score("Ruiz        3-8     2-2      3"), None);
    }

    #[test]
    fn decades_and_ages() {
        let at = |t: &str| {
            let s = t.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
            decade_at(t, s).map(|(r, k, v)| (t[r].to_string(), k, v))
        };
        assert_eq!(
            at("Music of the 70s returned."),
            Some(("70s".into(), Kind::Year, 1970.0))
        );
        assert_eq!(
            at("Back in the ’90s it grew."),
            Some(("’90s".into(), Kind::Year, 1990.0))
        );
        assert_eq!(
            at("She is in her 40s now."),
            Some(("40s".into(), Kind::Other, 40.0))
        );
        assert_eq!(
            at("He is in his early 30s."),
            Some(("30s".into(), Kind::Other, 30.0))
        );
        assert_eq!(at("It took 50s to load."), None);
    }

    #[test]
    fn occasions_and_multipliers() {
        let occ = |t: &str, f: &str| {
            let s = t.find(f).unwrap_or(0);
            counts_occasions(t, s, s + f.len(), 3.0)
        };
        assert!(occ("The bank raised rates three times last year.", "three times"));
        assert!(occ("She won the title three times.", "three times"));
        assert!(occ("He scored twice as United won.", "twice"));
        assert!(!occ("The plant is three times the size.", "three times"));
        assert!(!occ("There were three times as many cases.", "three times"));
        assert!(!occ("Prices rose three times faster.", "three times"));
        assert!(!occ("Output is three times.", "three times"));
        assert!(!occ("Sales were three times last year's.", "three times"));
        assert!(!counts_occasions("It grew 2.5 times.", 8, 17, 2.5));
    }

    #[test]
    fn quarters_as_periods() {
        let q = |t: &str, f: &str| {
            let s = t.find(f).unwrap_or(0);
            quarters_are_periods(t, s, s + f.len())
        };
        assert!(q("They are two quarters ahead of plan.", "two quarters"));
        assert!(q("He sat out three quarters of play.", "three quarters"));
        assert!(q("Sales fell for the past three quarters.", "three quarters"));
        assert!(!q("Three quarters of voters agreed.", "Three quarters"));
        assert!(!q("It spent three-quarters of the budget.", "three-quarters"));
    }
}
