//! What surrounds a figure: the counted noun and its modifiers ("6,000 deportation
//! officers"), the per-unit ("per agent", "each … agent", "a day"), the time anchor
//! ("since Oct. 1", "when he took office"), the part it plays ("increased by 1 million"
//! is a change), and, for a bare figure, the noun inferred from its sentence or the one
//! before ("backlog of … cases has reached 7.4 million").

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

use crate::claim::Role;
use crate::pattern::Dual;

fn re(p: &str) -> Regex {
    crate::pattern::compile(p)
}

/// Words that end a noun phrase after a figure.
const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "to",
    "with",
    "without",
    "since",
    "and",
    "or",
    "but",
    "than",
    "as",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "this",
    "these",
    "those",
    "it",
    "its",
    "their",
    "his",
    "her",
    "they",
    "he",
    "she",
    "we",
    "you",
    "i",
    "per",
    "each",
    "every",
    "more",
    "less",
    "fewer",
    "over",
    "under",
    "about",
    "around",
    "after",
    "before",
    "during",
    "until",
    "while",
    "when",
    "where",
    "last",
    "next",
    "so",
    "if",
    "then",
    "also",
    "only",
    "just",
    "nearly",
    "almost",
    "not",
    "no",
    "all",
    "some",
    "any",
    "other",
    "such",
    "into",
    "through",
    "across",
    "between",
    "among",
    "against",
    "up",
    "down",
    "out",
    "off",
    "or",
    "nor",
    "yet",
    "because",
    "though",
    "although",
    "now",
    "still",
    "already",
    "ago",
    "earlier",
    "later",
    "then",
    "there",
    "here",
    "according",
    "including",
    "compared",
    "versus",
    "vs",
    "like",
    "respectively",
    "apiece",
    "cannot",
    "can't",
    "won't",
    "don't",
    "didn't",
    "each",
    "total",
    "overall",
    "altogether",
    // Verbs in -s that follow a plural noun and would read as one ("residents works out").
    "works",
    "costs",
    "means",
    "needs",
    "gets",
    "takes",
    "makes",
    "comes",
    "goes",
    "runs",
    "pays",
    "says",
    "shows",
    "gives",
    "stands",
    "remains",
    "seems",
    "looks",
    "totals",
    "amounts",
    "equals",
    "includes",
    "represents",
    "accounts",
];

/// Where the `pluralizer` crate's singular is wrong for the nouns news counts (or for
/// words that are no nouns at all): "data" stays "data" (not "datum"), "species" stays
/// "species", "basis" is singular. Tested in `singular_forms`.
const SINGULAR_EXCEPTIONS: &[(&str, &str)] = &[
    ("data", "data"),
    ("species", "species"),
    ("basis", "basis"),
    ("means", "means"),
    ("us", "us"),
    ("as", "as"),
    ("physics", "physics"),
    ("economics", "economics"),
    ("politics", "politics"),
    ("athletics", "athletics"),
    ("headquarters", "headquarters"),
];

/// Plurals the crate leaves unchanged because they are their own singular: a count of them
/// ("300 police", "40 staff") still counts a plural.
const INVARIANT_PLURALS: &[&str] = &[
    "people",
    "police",
    "staff",
    "personnel",
    "data",
    "cattle",
    "sheep",
    "fish",
    "deer",
    "aircraft",
    "series",
    "species",
    "offspring",
    "livestock",
];

/// Words in "s" that are no plural nouns, whatever the crate makes of them.
const NOT_PLURAL: &[&str] = &[
    "us",
    "its",
    "this",
    "his",
    "hers",
    "was",
    "has",
    "is",
    "as",
    "yes",
    "thus",
    "plus",
    "minus",
    "basis",
    "news",
    "across",
    "always",
    "nationwide",
    "perhaps",
    "whereas",
    "besides",
    "sometimes",
    "nevertheless",
    "overseas",
    "afterwards",
    "towards",
    "upwards",
    "downwards",
    "backwards",
    "forwards",
    "indoors",
    "outdoors",
    "nowadays",
];

/// Time words that can follow "a"/"an" as a per-unit ("2,000 a day").
const TIME_UNITS: &[&str] = &[
    "second", "minute", "hour", "day", "night", "week", "month", "quarter", "year", "decade", "season",
    "game", "share", "head", "person", "student", "resident",
];

/// True when "each" follows a figure's noun and ends the clause: "an average of 40 cases
/// each", "$2,000 each." — the per-unit is then a plural noun counted earlier.
pub fn each_after(text: &str, pos: usize) -> bool {
    let rest = text.get(pos..).unwrap_or("");
    let head = super::hedge::head_lower(rest.trim_start(), 12);
    head.strip_prefix("each").is_some_and(|t| {
        t.is_empty()
            || t.starts_with(|c: char| !c.is_alphanumeric() && c != ' ')
            || t.starts_with(" year")
            || t.starts_with(" month")
            || t.starts_with(" week")
            || t.starts_with(" day")
    })
}

/// True for the periods of a time rate ("a year", "per day").
pub fn is_time_unit(word: &str) -> bool {
    matches!(
        word,
        "second"
            | "minute"
            | "hour"
            | "day"
            | "night"
            | "week"
            | "month"
            | "quarter"
            | "year"
            | "decade"
            | "season"
    )
}

/// Singular form of a counted noun, lower case: the `pluralizer` crate's, but for the few
/// words in `SINGULAR_EXCEPTIONS`.
pub fn singular(word: &str) -> String {
    let w = word.to_lowercase();
    if let Some((_, s)) = SINGULAR_EXCEPTIONS.iter().find(|(p, _)| *p == w) {
        return (*s).to_string();
    }
    if NOT_PLURAL.contains(&w.as_str()) || w.chars().count() < 3 {
        return w;
    }
    // The crate runs a regex set per word; articles repeat their nouns, so each thread
    // keeps the answers it has computed (bounded: cleared when it grows large).
    thread_local! {
        static SINGULARS: std::cell::RefCell<rustc_hash::FxHashMap<String, String>> =
            std::cell::RefCell::new(rustc_hash::FxHashMap::default());
    }
    let cached = SINGULARS.with(|c| c.try_borrow().ok().and_then(|m| m.get(&w).cloned()));
    if let Some(s) = cached {
        return s;
    }
    let s = pluralizer::pluralize(&w, 1, false);
    SINGULARS.with(|c| {
        if let Ok(mut m) = c.try_borrow_mut() {
            if m.len() > 4096 {
                m.clear();
            }
            m.insert(w, s.clone());
        }
    });
    s
}

/// True for a plural noun ("tons", "people"), as the grammar uses it to read "1.2m tons".
pub fn is_plural_noun(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c.is_lowercase()) && is_plural(word) && !is_stop(word)
}

/// True for a possessive ("city's", "state’s").
fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

/// True for a plural noun: one the crate singularises ("cases", "women"), or one that is
/// its own singular ("police"). Possessives and the words of `NOT_PLURAL` are not.
fn is_plural(word: &str) -> bool {
    let w = lower(word);
    if is_possessive(&w) || w.len() < 3 || !w.chars().all(|c| c.is_alphabetic() || c == '-') {
        return false;
    }
    if INVARIANT_PLURALS.contains(&w.as_ref()) {
        return true;
    }
    if NOT_PLURAL.contains(&w.as_ref()) || SINGULAR_EXCEPTIONS.iter().any(|(p, _)| *p == w) {
        return false;
    }
    singular(&w) != w
}

/// Past participles and place adverbs end a noun run: "2,000 appealed", "40 nationwide".
fn is_verb_form(word: &str) -> bool {
    let w = lower(word);
    (w.len() > 4 && w.ends_with("ed"))
        || w == "nationwide"
        || w == "statewide"
        || w == "worldwide"
        || IRREGULAR_PAST.contains(&w.as_ref())
}

/// Past tenses without "-ed" that follow a counted noun: "each branch lent …", "$5 million
/// spent on …".
const IRREGULAR_PAST: &[&str] = &[
    "lent", "spent", "drew", "made", "took", "saw", "paid", "sold", "got", "gave", "won", "lost", "ran",
    "bought", "brought", "caught", "held", "kept", "left", "led", "met", "sent", "shot", "stood", "told",
    "wrote", "grew", "fell", "rose", "built", "dealt", "felt", "found", "heard", "meant", "taught",
];

/// True for function words that end a noun phrase.
pub fn is_stop(word: &str) -> bool {
    STOP_SET.contains(lower(word).as_ref())
}

/// The stop words, for lookups by hash (FxHash: short keys, asked for every word of every
/// figure's surroundings).
static STOP_SET: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| STOP.iter().copied().collect());

/// A word in lower case, copied only when it has capitals.
fn lower(word: &str) -> std::borrow::Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// The word right after `rest`'s leading space or hyphen (`WORD_AFTER`), with its byte
/// range in `rest`; found with `find`, which is much cheaper than `captures`.
fn word_after(rest: &str) -> Option<(&str, std::ops::Range<usize>)> {
    let m = WORD_AFTER.find(rest)?;
    let word = m.as_str().trim_start_matches([' ', '\t', '\u{a0}', '-']);
    let start = m.end() - word.len();
    Some((word, start..m.end()))
}

/// The counted noun after a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct NounPhrase {
    /// The head noun, singular, lower case.
    pub noun: String,
    /// Words before the head noun.
    pub modifiers: Vec<String>,
    /// Byte offset just after the head noun.
    pub end: usize,
}

static WORD_AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:[ \t\u{a0}]+|-)[A-Za-z][A-Za-z’'-]*"));

/// The noun phrase right after a figure ending at `end`: up to four words, stopping at a
/// function word or punctuation. The head is the last plural of the run ("claims
/// examiners" → examiner, "deportation officers nationwide" → officer); with no plural,
/// the last of the first two words ("operating budget"), or the first word after "one".
pub fn noun_after(text: &str, end: usize) -> Option<NounPhrase> {
    noun_phrase(text, end, false)
}

/// `noun_after` for a figure that starts at `start`: a figure that opens its clause ("…,
/// four posted increases") is its subject, and an "-ed" word after it is its verb, unless
/// that word is one news uses as an adjective ("Some 40 injured workers").
pub fn noun_after_figure(text: &str, start: usize, end: usize) -> Option<NounPhrase> {
    noun_phrase(text, end, opens_clause(text, start))
}

/// True when the text before `start` ends a clause: nothing, a stop mark or a conjunction.
fn opens_clause(text: &str, start: usize) -> bool {
    let from = super::hedge::floor_char_boundary(text, start.saturating_sub(12));
    let before = text.get(from..start).unwrap_or("").trim_end();
    if before.is_empty() || before.ends_with(['.', '!', '?', ';', ':', ',', '(', '"', '“', '—', '–']) {
        return true;
    }
    let last = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    [
        "and", "but", "while", "or", "where", "when", "whereas", "although", "though", "because",
    ]
    .contains(&last.as_str())
}

/// Participles news uses as adjectives before a counted noun, even where the figure opens
/// its clause.
const ADJECTIVAL_PARTICIPLES: &[&str] = &[
    "registered",
    "enrolled",
    "licensed",
    "injured",
    "wounded",
    "armed",
    "trained",
    "unemployed",
    "uninsured",
    "displaced",
    "infected",
    "vaccinated",
    "confirmed",
    "sworn",
    "elected",
    "unfilled",
];

/// True for a participle that may stand before a noun: "enrolled", "stolen", "paid".
fn is_participle(word: &str) -> bool {
    let w = lower(word);
    (w.len() > 4 && (w.ends_with("ed") || w.ends_with("en")))
        || ["paid", "unpaid", "sold", "unsold", "built", "held"].contains(&w.as_ref())
}

fn noun_phrase(text: &str, end: usize, subject: bool) -> Option<NounPhrase> {
    // "5-cent", "3-pointers": a word hyphenated to the figure is its unit.
    if let Some(c) = text
        .get(end..)
        .filter(|t| t.starts_with('-'))
        .and_then(word_after)
    {
        let (word, range) = c;
        let w = word.split('-').next().unwrap_or("");
        return Some(NounPhrase {
            noun: singular(w),
            modifiers: Vec::new(),
            end: end + range.start + w.len(),
        });
    }
    let mut words: Vec<(String, usize)> = Vec::new();
    let mut pos = end;
    while words.len() < 4 {
        let rest = text.get(pos..)?;
        let Some((word, m)) = word_after(rest) else {
            break;
        };
        let w = word.trim_end_matches(['’', '\'', '-']);
        // "10,000 fewer units", "150 more judges": the comparative qualifies the noun.
        let comparative = words.is_empty()
            && pos == end
            && ["fewer", "more", "less", "additional", "extra"].contains(&w.to_lowercase().as_str());
        if comparative {
            pos += m.end;
            continue;
        }
        if is_stop(w) {
            break;
        }
        // "84 mm set in 2011", "40 kg bags": a unit written apart from the digits is the
        // figure's unit, and the words after it are not its counted noun.
        if words.is_empty() && super::units::spaced_unit(w) {
            return Some(NounPhrase {
                noun: w.to_string(),
                modifiers: Vec::new(),
                end: pos + m.end,
            });
        }
        // "1,200 enrolled students", "46,000 registered voters": a participle before a
        // plural noun modifies it; "2,000 appealed", "Six towns reported losses" and "…, four
        // posted increases" reach the verb.
        let after_participle = words.last().is_some_and(|(p, _)| is_verb_form(p));
        if is_verb_form(w) {
            let modifier = is_participle(w)
                && !words.iter().any(|(x, _)| is_plural(x))
                && (!subject || ADJECTIVAL_PARTICIPLES.contains(&lower(w).as_ref()))
                && participle_before_noun(text, pos + m.end);
            if !modifier {
                break;
            }
        }
        // "budget serves 300,000", "residents works out": a word in -s after a noun, before a
        // figure, a determiner or a particle, is the verb.
        if !words.is_empty() && !after_participle && is_plural(w) {
            let next = text.get(pos + m.end..).unwrap_or("").trim_start();
            let next_word = next
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_lowercase();
            let verbish = next.starts_with(|c: char| c.is_ascii_digit() || c == '$')
                || [
                    "the", "a", "an", "its", "their", "his", "her", "our", "out", "up", "about", "nearly",
                ]
                .contains(&next_word.as_str());
            if verbish {
                break;
            }
        }
        words.push((w.to_string(), pos + m.start + w.len()));
        pos += m.end;
    }
    let singular_figure = {
        let from = super::hedge::floor_char_boundary(text, end.saturating_sub(4));
        let t = text.get(from..end).unwrap_or("").to_lowercase();
        t.ends_with("one") || t.ends_with(" 1") || t.ends_with(" a") || (from == 0 && t == "1")
    };
    let head_at = if singular_figure {
        0
    } else {
        match words.iter().rposition(|(w, _)| is_plural(w)) {
            Some(i) => i,
            None => words.len().min(2).checked_sub(1)?,
        }
    };
    let (head, head_end) = words.get(head_at)?.clone();
    let modifiers = words.iter().take(head_at).map(|(w, _)| w.clone()).collect();
    Some(NounPhrase {
        noun: singular(&head),
        modifiers,
        end: head_end,
    })
}

/// True when the word after `pos` is a plural noun that a participle before it modifies:
/// lower case, and not a possessive ("topped analysts' estimates" is a verb and its object).
fn participle_before_noun(text: &str, pos: usize) -> bool {
    // "240 staffed surgical beds", "900 registered Democratic voters": up to two modifiers may
    // stand between the participle and its noun.
    let mut pos = pos;
    for _ in 0..3 {
        let Some((next, range)) = text.get(pos..).and_then(word_after) else {
            return false;
        };
        if next.ends_with(['’', '\'']) || next.ends_with("'s") || next.ends_with("’s") {
            return false;
        }
        let next = next.trim_end_matches('-');
        if is_stop(next) || is_verb_form(next) {
            return false;
        }
        if next.starts_with(char::is_lowercase) && is_plural(next) {
            return true;
        }
        pos += range.end;
    }
    false
}

/// True when the word before `pos` is an article or demonstrative: "a double", "the
/// triple" are nouns.
pub fn determiner_before(text: &str, pos: usize) -> bool {
    let from = super::hedge::floor_char_boundary(text, pos.saturating_sub(8));
    let before = text.get(from..pos).unwrap_or("").trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    ["a", "an", "the", "this", "that"].contains(&word.as_str())
}

/// Words before a bare "double" / "triple" that make it a verb or a multiplier: "expected
/// to double", "could more than double", "will nearly triple".
const MULTIPLIER_LEAD: &[&str] = &[
    "to", "will", "would", "could", "can", "may", "might", "should", "must", "shall", "than", "nearly",
    "almost", "roughly", "about", "did", "does", "do", "not", "and", "or", "then", "also", "more", "least",
];

/// True when a bare "double" / "triple" at `pos..end` is a noun: it ends a clause after a
/// word that is no verb, modal or hedge ("he completed the indoor-outdoor double."), or an
/// article stands within three words before it with no such word between ("a rare sprint
/// double in the 100m"). "Expected to double.", "could more than double in size", "the
/// bill will nearly triple" stay multipliers.
pub fn noun_multiplier(text: &str, pos: usize, end: usize) -> bool {
    let from = super::hedge::floor_char_boundary(text, pos.saturating_sub(48));
    let before: Vec<String> = text
        .get(from..pos)
        .unwrap_or("")
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let lead = |w: &str| MULTIPLIER_LEAD.contains(&w) || w.ends_with("ly");
    let after = text.get(end..).unwrap_or("").trim_start();
    let at_end = after.is_empty() || after.starts_with(['.', ',', ';', ':', ')', '"', '”', '!', '?']);
    if at_end && before.last().is_some_and(|w| !lead(w)) {
        return true;
    }
    for w in before.iter().rev().take(3) {
        if lead(w) {
            return false;
        }
        if matches!(w.as_str(), "a" | "an" | "the" | "his" | "her" | "their" | "its") {
            return true;
        }
    }
    false
}

static OF_WHOLE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^\s+of\s+(?:the\s+|its\s+|their\s+|all\s+|these\s+|those\s+|his\s+|her\s+|our\s+|some\s+)?")
});

/// "2.4 million of the 9.6 million rides": where the whole starts after a part's figure
/// ending at `end` (the byte offset after "of the").
pub fn of_whole_after(text: &str, end: usize) -> Option<usize> {
    let to = super::hedge::floor_char_boundary(text, end.saturating_add(24));
    let m = OF_WHOLE.find(text.get(end..to)?)?;
    Some(end + m.end())
}

/// "120 of the students", "3 of its 10 judges": the plural noun of the whole after a part's
/// figure, within three words of the "of", before any verb, name or punctuation.
pub fn of_noun_after(text: &str, end: usize) -> Option<String> {
    let at = of_whole_after(text, end)?;
    let to = super::hedge::floor_char_boundary(text, at.saturating_add(60));
    for token in text.get(at..to)?.split_whitespace().take(3) {
        let w = token.trim_matches(|c: char| !c.is_alphanumeric());
        let figure = !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.');
        if !figure {
            if w.is_empty() || is_stop(w) || is_verb_form(w) || !w.starts_with(char::is_lowercase) {
                return None;
            }
            if is_plural(w) {
                return Some(singular(w));
            }
        }
        if token.ends_with(|c: char| !c.is_alphanumeric()) {
            return None;
        }
    }
    None
}

static PER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^[ \t]*(per|for\s+(?:each|every)|each|every|a|an)\s+(?:(\d[\d,]*\d|\d)[ \t]*)?([A-Za-z][A-Za-z-]*)?((?:\s+[a-z][a-z-]*){0,2})",
    )
});

/// The head of a short noun run after "per": "per overtime hour" → hour, "per sworn
/// officer" → officer; the run ends at a function word or a verb form.
fn head_noun<'a>(first: &'a str, more: &'a str) -> &'a str {
    /// Words that end a noun run after "per" without being its head.
    const ENDS: &[&str] = &[
        "inside",
        "outside",
        "across",
        "within",
        "during",
        "among",
        "throughout",
        "around",
        "above",
        "below",
        "under",
        "over",
        "near",
        "between",
        "behind",
        "beyond",
        "after",
        "before",
        "since",
        "until",
        "against",
        "along",
        "toward",
        "towards",
        "per",
        "via",
        "versus",
        "plus",
        "minus",
        "each",
        "every",
        "instead",
        "nationwide",
        "statewide",
        "worldwide",
        "overall",
        "annually",
        "alone",
        "only",
        "last",
        "next",
        "this",
        "that",
        "now",
        "then",
        "today",
        "year",
        "month",
        "week",
        "day",
    ];
    let mut head = first;
    for w in more.split_whitespace() {
        let l = w.to_lowercase();
        if is_stop(&l)
            || is_verb_form(&l)
            || ENDS.contains(&l.as_str())
            || TIME_UNITS.contains(&singular(&head.to_lowercase()).as_str())
        {
            break;
        }
        head = w;
    }
    head
}

/// The period of an adverb right after a figure: "$354 annually" → year, "monthly" →
/// month.
pub fn period_adverb_after(text: &str, end: usize) -> Option<&'static str> {
    let rest = text.get(end..)?;
    let word: String = rest
        .trim_start_matches([' ', '\t'])
        .chars()
        .take_while(|ch| ch.is_ascii_alphabetic())
        .take(12)
        .collect::<String>()
        .to_ascii_lowercase();
    // "12 monthly payments": an adjective before a noun, not the period of a rate.
    let after_word = rest
        .trim_start_matches([' ', '\t'])
        .get(word.len()..)
        .unwrap_or("");
    let next: String = after_word
        .strip_prefix([' ', '\t'])
        .unwrap_or("")
        .chars()
        .take_while(|ch| ch.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    const FOLLOWERS: &[&str] = &[
        "", "or", "and", "in", "for", "to", "from", "by", "since", "on", "at", "over", "last", "this",
        "next", "until", "through", "while", "but", "as", "compared", "against", "versus", "with",
    ];
    if !FOLLOWERS.contains(&next.as_str()) {
        return None;
    }
    match word.as_str() {
        "annually" | "yearly" => Some("year"),
        "monthly" => Some("month"),
        "weekly" => Some("week"),
        "daily" | "nightly" => Some("day"),
        "hourly" => Some("hour"),
        "quarterly" => Some("quarter"),
        _ => None,
    }
}

/// The per-unit right after a noun: "per agent", "per 10,000 residents", "a day", "per capita".
pub fn per_after(text: &str, pos: usize) -> Option<(String, Option<f64>)> {
    let rest = text.get(pos..)?;
    let c = PER_AFTER.captures(rest)?;
    let connector = c.get(1)?.as_str().to_lowercase();
    // "$95 for each of the city's 52,000 households": the per-unit is the noun of the
    // whole named after "of".
    if matches!(connector.as_str(), "each" | "every") || connector.starts_with("for") {
        if let Some(noun) = c
            .get(0)
            .and_then(|m| rest.get(m.start()..))
            .and_then(each_of_noun)
        {
            return Some((noun, None));
        }
    }
    let count = c
        .get(2)
        .and_then(|m| m.as_str().replace(',', "").parse::<f64>().ok());
    // "27.4 per 100,000, above …": a rate per so many people, the noun left out; so is
    // "5.4 per 10,000 regionwide" (an adverb of place, no noun).
    let noun_follows = c.get(3).is_some_and(|w| {
        let separated = c
            .get(2)
            .is_some_and(|n| rest.get(n.end()..w.start()).is_some_and(|g| !g.trim().is_empty()));
        let word = w.as_str().to_lowercase();
        let adverb = word.len() > 5 && word.ends_with("wide")
            || matches!(word.as_str(), "overall" | "nationally" | "elsewhere" | "locally");
        !is_stop(&word) && !adverb && !separated
    });
    if connector == "per" && count.is_some() && !noun_follows {
        return Some(("person".into(), count));
    }
    // "a year earlier", "a month ago" name a time, not a rate.
    let after = super::hedge::head_lower(rest.get(c.get(3)?.end()..).unwrap_or("").trim_start(), 24);
    if [
        "earlier", "ago", "before", "later", "after", "prior", "since", "on", "from",
    ]
    .iter()
    .any(|w| after.split(|ch: char| !ch.is_alphanumeric()).next() == Some(w))
    {
        return None;
    }
    let first = c.get(3)?.as_str();
    let more = if connector == "per" || connector.starts_with("for") {
        c.get(4).map_or("", |m| m.as_str())
    } else {
        ""
    };
    let word = head_noun(first, more).to_lowercase();
    if word == "capita" {
        return Some(("person".into(), None));
    }
    if is_stop(&word) {
        return None;
    }
    let noun = singular(&word);
    if (connector == "a" || connector == "an") && (count.is_some() || !TIME_UNITS.contains(&noun.as_str())) {
        return None;
    }
    Some((noun, count))
}

/// A period after the noun's "of" phrase: "52,000 litres of milk a day", "9,000 gallons
/// of water a month". Only a time is read there: "tons of steel per worker" has
/// no worker of the figure's own.
pub fn period_after_of_phrase(text: &str, pos: usize) -> Option<(String, Option<f64>)> {
    let rest = text.get(pos..)?;
    let after_of = rest.strip_prefix(" of ")?;
    let word_len = after_of
        .find(|ch: char| !ch.is_alphabetic())
        .unwrap_or(after_of.len());
    if word_len == 0 || is_stop(&after_of[..word_len].to_lowercase()) {
        return None;
    }
    let at = pos + " of ".len() + word_len;
    per_after(text, at).filter(|(unit, count)| count.is_none() && is_time_unit(unit))
}

/// True when the text before a figure ends with a form of "raise" and no "by": "raised
/// $2.1 million" (funds collected), not "raised fees by $20".
pub fn raised_funds(before: &str) -> bool {
    before.split_whitespace().next_back().is_some_and(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "raise" | "raised" | "raises" | "raising"
        )
    }) && before.ends_with(|c: char| c.is_whitespace())
}

/// The plural noun of "each of the city's 52,000 households" (after the connector):
/// "of", then determiners, possessives and a figure, then the noun, in the singular.
fn each_of_noun(rest: &str) -> Option<String> {
    let mut words = rest.split_whitespace();
    let first = words.next()?.to_ascii_lowercase();
    if first == "for" {
        words.next()?;
    }
    if !words.next()?.eq_ignore_ascii_case("of") {
        return None;
    }
    for w in words.take(5) {
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        let lw = w.to_lowercase();
        let possessive = is_possessive(&lw) || lw.ends_with("s'");
        let figure = w.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') && !w.is_empty();
        if matches!(
            lw.as_str(),
            "the" | "its" | "their" | "our" | "his" | "her" | "all"
        ) || possessive
            || figure
        {
            continue;
        }
        return is_plural_noun(&lw).then(|| singular(&lw));
    }
    None
}

static EACH_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(?:(?-u:\b)([a-z]+)\s+)?(?-u:\b)(?:each|every)\s+((?:of\s+the\s+)?(?:[\w’'-]+\s+){0,4})")
});

/// A distributive noun earlier in the sentence: "each assigned ICE agent is responsible for
/// … 7,000 cases" gives "agent". The noun is the first plain lower-case word after
/// "each", skipping participles ("assigned"), names and acronyms.
pub fn each_before(sentence_before: &str) -> Option<String> {
    let c = EACH_BEFORE.captures_iter(sentence_before).last()?;
    // "6,000 officers each handle …": the noun stands before "each".
    if let Some(prev) = c.get(1).map(|m| m.as_str()).filter(|w| is_plural_noun(w)) {
        return Some(singular(prev));
    }
    let words = c.get(2)?.as_str();
    let mut run: Vec<&str> = Vec::new();
    for w in words.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() || (run.is_empty() && (w.eq_ignore_ascii_case("of") || w.eq_ignore_ascii_case("the")))
        {
            continue;
        }
        if w.chars().all(|c| c.is_ascii_digit() || c == ',') {
            continue;
        }
        // "for each of the city's 52,000 households": a possessive determines the figure's
        // noun, it is no distributive noun of its own.
        if is_possessive(w) {
            continue;
        }
        if is_stop(w) || (!run.is_empty() && is_verb_form(w)) {
            break;
        }
        if run.is_empty() && is_verb_form(w) {
            continue;
        }
        if is_plural(w) {
            // "each of the 735 judges" names the noun in the plural; "each agent handles"
            // reaches a verb.
            if run.is_empty() {
                return Some(singular(w));
            }
            break;
        }
        run.push(w);
    }
    run.last().map(|w| singular(w))
}

use super::special::MONTH;

static ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?ix)
        (?-u:\b)(?:since|as\s+of|until|through)\s+(?:{MONTH}\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{4}}|[^,;.!?\n]{{1,60}})
        | (?-u:\b)when\s+[^,;.!?\n]{{1,60}}
        | (?-u:\b)(?:in|during|for|by|at\s+the\s+end\s+of|at\s+the\s+start\s+of|by\s+the\s+end\s+of)\s+(?:the\s+)?(?:(?:last|this|next|previous|current|same|past|first|second|third|fourth)\s+)?(?:fiscal\s+|calendar\s+)?(?:year|quarter|month|week|decade)(?-u:\b)(?:\s+\d{{4}})?
        | (?-u:\b)(?:in|during|by|as\s+of|for)\s+(?:fiscal\s+(?:year\s+)?|FY\s?)?(?:\d{{4}}|{MONTH}\.?(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?)(?-u:\b)
        | (?-u:\b)(?:last|this|next)\s+(?:year|month|week|quarter|decade|fiscal\s+year)(?-u:\b)
        | (?-u:\b)(?:a|one|two|three|four|five|\d+)\s+(?:years?|months?|weeks?|decades?)\s+(?:ago|earlier|before)(?-u:\b)
        | (?-u:\b)(?:now|today|currently)(?-u:\b)"
    ))
});

static ANCHOR_CUT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\s+(?:and|but|while|which|who|where|because|so|to|is|are|was|were|has|have|had)\s.*$")
});

/// Time anchors of a sentence: (byte range in the document, text).
pub type Anchors = Vec<(Range<usize>, String)>;

/// Find the time anchors of a sentence.
pub fn anchors(text: &str, sentence: Range<usize>) -> Anchors {
    let Some(s) = text.get(sentence.clone()) else {
        return Vec::new();
    };
    let mut out: Vec<(Range<usize>, String)> = Vec::new();
    for m in ANCHOR.find_iter(s) {
        let mut t = m.as_str().to_string();
        if t.to_lowercase().starts_with("since") {
            if let Some(cut) = ANCHOR_CUT.find(&t) {
                t.truncate(cut.start());
            }
        }
        let t = t.trim_end().to_string();
        let start = sentence.start + m.start();
        // "since 2015, when it stood at …": the when-clause names the same time.
        if let Some(prev) = out.last_mut() {
            let gap = s.get(prev.0.end - sentence.start..m.start()).unwrap_or("x");
            if t.to_lowercase().starts_with("when") && gap.trim_matches([',', ' ']).is_empty() {
                // Keep the words before the first figure: "when it stood at".
                let t = t
                    .split(|c: char| c.is_ascii_digit() || "$£€".contains(c))
                    .next()
                    .unwrap_or("")
                    .trim_end();
                let t = t.trim_end_matches(|c: char| !c.is_alphanumeric()).to_string();
                prev.1 = format!("{}, {}", prev.1, t);
                prev.0.end = start + m.len();
                continue;
            }
        }
        out.push((start..start + t.len(), t));
    }
    out
}

/// Words of an anchor that identify a time, for linking claims that share one.
pub fn anchor_key(anchor: &str) -> (Vec<String>, Vec<String>) {
    const SKIP: &[&str] = &[
        "since", "when", "in", "on", "at", "by", "the", "a", "an", "of", "he", "she", "they", "it", "we",
        "i", "his", "her", "their", "its", "was", "were", "is", "are", "as", "and", "for", "to", "from",
        "during", "until", "through", "end", "start",
    ];
    let mut numbers = Vec::new();
    let mut words = Vec::new();
    for t in anchor
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        if t.chars().all(|c| c.is_ascii_digit()) {
            numbers.push(t.to_string());
        } else if !SKIP.contains(&t.to_lowercase().as_str()) {
            words.push(t.to_lowercase());
        }
    }
    (numbers, words)
}

/// True when two anchors name the same time: a shared year or date, or two shared words,
/// or the same single word.
pub fn same_time(a: &str, b: &str) -> bool {
    let (an, aw) = anchor_key(a);
    let (bn, bw) = anchor_key(b);
    if an.iter().any(|n| n.len() == 4 && bn.contains(n)) {
        return true;
    }
    let shared = aw.iter().filter(|w| bw.contains(w)).count();
    let numbers_agree = an.is_empty() || bn.is_empty() || an.iter().any(|n| bn.contains(n));
    numbers_agree && (shared >= 2 || (shared == 1 && (aw.len() == 1 || bw.len() == 1)))
}

static CHANGE_BEFORE: LazyLock<Dual> = LazyLock::new(|| {
    Dual::new(
        r"(?i)(?:(?-u:\b)(?:increas|decreas|ris|rose|fell|fall|grew|grow|drop|declin|climb|jump|surg|soar|plung|shr[iu]nk|expand|gain|los|cut|reduc|boost|rais|lower|swell|balloon|widen|narrow|improv|slip|slid|dip|sank|sink|tumbl|spik|hike|trim|slash|advanc|retreat)\w*\s+(?:by\s+)?|(?-u:\b)(?:increase|decrease|rise|drop|decline|gain|jump|fall|cut|reduction|growth|loss)\s+of\s+|(?-u:\b)(?:up|down)\s+|(?-u:\b)(?:added|adding|gained|lost|shed)\s+(?:a\s+net\s+|another\s+)?)$",
    )
});

/// The one alternative of a change cue with a stretch of words in it ("raised its forecast
/// by "), apart from [`CHANGE_BEFORE`]: the stretch makes a large automaton, so it is
/// searched only where [`BY_BEFORE`] (which every match of it ends with) matches.
static CHANGE_BY_BEFORE: LazyLock<Dual> = LazyLock::new(|| {
    Dual::new(
        r"(?i)(?:(?-u:\b)(?:increas|decreas|rais|lower|cut|reduc|boost|hik|trim|slash)\w*(?-u:\b)[^.;:!?\d]{0,40}(?-u:\b)by\s+)$",
    )
});

/// The end every match of [`CHANGE_BY_BEFORE`] has.
static BY_BEFORE: LazyLock<Dual> = LazyLock::new(|| Dual::new(r"(?i)(?-u:\b)by\s+$"));

/// The end every match of [`PROJECTION_BEFORE`] has: its stretch of words makes a large
/// automaton, searched only where this small one matches.
static PROJECTION_END: LazyLock<Dual> =
    LazyLock::new(|| Dual::new(r"(?i)(?-u:\b)(?:reach|hit|top|exceed|surpass|to|be)\s+$"));

static PROJECTION_BEFORE: LazyLock<Dual> = LazyLock::new(|| {
    Dual::new(
        r"(?i)(?-u:\b)(?:on\s+(?:track|pace|course)|expected|projected|forecast|set|likely|poised|could|would|will|may|might|aims?|plans?|hopes?|seeks?|targets?)(?-u:\b)[^.;!?]{0,30}?(?-u:\b)(?:reach|hit|top|exceed|surpass|grow\s+to|rise\s+to|climb\s+to|fall\s+to|drop\s+to|be)\s+$",
    )
});

static CHANGE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:\s*(?:increase|decrease|rise|drop|decline|gain|jump|fall|cut|reduction|growth|loss|hike|dip|slide|surge|climb|improvement|boost|raise|reduction)(?-u:\b)|\s+(?:fewer|more|less|lower|higher)(?-u:\b))",
    )
});

/// True when the words right after a figure make it the size of a change: "a 2.3 percent
/// drop", "10,000 fewer units", "a third less than".
pub fn change_after(text: &str, end: usize) -> bool {
    let to = super::hedge::floor_char_boundary(text, end.saturating_add(40));
    text.get(end..to).is_some_and(|t| {
        CHANGE_AFTER.is_match(t) && !super::hedge::head_lower(t.trim_start(), 12).starts_with("more than")
    })
}

/// "makes up 26 percent", "adds up to": "up" that is part of a verb, not a rise.
static PHRASAL_UP: LazyLock<Dual> = LazyLock::new(|| {
    Dual::new(
        r"(?i)(?-u:\b)(?:make|makes|made|making|add|adds|added|adding|sum|sums|summed|take|takes|took|taking|end|ends|ended|set|sets|pick|picks|picked|show|shows|showed|turn|turns|turned|step|steps|stepped|break|breaks|broke|shut|shuts|cut|cuts|sign|signs|signed|line|lines|lined|back|backs|backed)\s+(?:up|down)\s+$",
    )
});

static PER_BEFORE: LazyLock<Dual> = LazyLock::new(|| Dual::new(r"(?i)(?-u:\b)(?:per|for\s+every)\s+$"));

/// True when the text before a figure ends with a change cue: [`CHANGE_BEFORE`] or
/// [`CHANGE_BY_BEFORE`], one pattern split in two.
fn change_before(before: &str) -> bool {
    CHANGE_BEFORE.is_match(before) || (BY_BEFORE.is_match(before) && CHANGE_BY_BEFORE.is_match(before))
}

/// The part a figure starting at `start` plays, read from the words before it.
pub fn role_before(text: &str, start: usize) -> Role {
    let from = super::hedge::floor_char_boundary(text, start.saturating_sub(50));
    let before = text.get(from..start).unwrap_or("");
    if PER_BEFORE.is_match(before) {
        Role::PerBase
    } else if PROJECTION_END.is_match(before) && PROJECTION_BEFORE.is_match(before) {
        Role::Projection
    } else if change_before(before) && !PHRASAL_UP.is_match(before) {
        Role::Change
    } else {
        Role::Value
    }
}

static OF_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)of\s+(?:the\s+|its\s+|their\s+|all\s+|these\s+|those\s+|such\s+)?((?:[\w’'-]+\s+){0,2}[\w’'-]+)",
    )
});

static PLACE_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:city|town|county|state|country|nation|population|district|region|community|village|metropolis|suburb|island|province)\s+of\s+(?:about\s+|some\s+|roughly\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|around\s+)?$",
    )
});

/// "a city of about 630,000": a place of N counts its residents.
pub fn place_population(before: &str) -> Option<String> {
    PLACE_OF.is_match(before).then(|| "resident".to_string())
}

/// A counted noun named with "of" in a stretch of text ("backlog of detention cases"):
/// the first plural among the three words after the last "of" that has one.
pub fn of_noun(stretch: &str) -> Option<String> {
    OF_NOUN
        .captures_iter(stretch)
        .filter_map(|c| {
            let words = c.get(1)?.as_str();
            words
                .split_whitespace()
                .take_while(|w| !is_stop(w))
                .find(|w| is_plural(w))
                .map(singular)
        })
        .last()
}

static PER_BEFORE_FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)per\s+([a-z][a-z-]*)((?:\s+[a-z][a-z-]*){0,2})\s+(?:was|is|were|are|stood\s+at|fell\s+to|rose\s+to|dropped\s+to|climbed\s+to|grew\s+to|reached|came\s+to|averaged|of|at|to|hit)\s+$",
    )
});

/// The per-unit named before a figure: "the upkeep cost per mile rose to $3.40" → mile.
pub fn per_before(sentence_before: &str) -> Option<String> {
    let c = PER_BEFORE_FIGURE.captures(sentence_before)?;
    let first = c.get(1)?.as_str();
    let more = c.get(2).map_or("", |m| m.as_str());
    let word = head_noun(first, more).to_lowercase();
    if is_stop(&word) {
        return None;
    }
    if word == "capita" {
        return Some("person".into());
    }
    Some(singular(&word))
}

static SUBJECT_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)([a-z][a-z-]+)\s+(?:(?:have|has|had)\s+)?(?:dropped|fell|rose|climbed|grew|jumped|slipped|increased|decreased|declined|reached|totaled|totalled|numbered|stood|came|were|was|are|is|hit|topped|surged|dipped|shrank)(?:\s+(?:to|at|by))?\s+$",
    )
});

/// The plural subject of the verb right before a bare figure: "Closed sales dropped to
/// 1,606" → sale, "Admissions climbed to 412" → admission. Singular subjects
/// ("enrollment fell to") name no counted noun.
pub fn subject_noun(before: &str) -> Option<String> {
    let c = SUBJECT_VERB.captures(before)?;
    let w = c.get(1)?.as_str();
    let lower = w.to_lowercase();
    (is_plural_noun(&lower) && !is_stop(&lower)).then(|| singular(&lower))
}

/// True for a verb or adverb of change right before a figure ("rose", "down", "cut").
pub fn is_change_word(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "rose",
        "rise",
        "rises",
        "risen",
        "up",
        "fell",
        "fall",
        "falls",
        "down",
        "grew",
        "grow",
        "gained",
        "lost",
        "increased",
        "decreased",
        "declined",
        "dropped",
        "climbed",
        "jumped",
        "slipped",
        "cut",
        "by",
        "added",
        "shed",
        "surged",
        "plunged",
        "soared",
        "dipped",
        "edged",
        "eased",
        "sank",
        "slid",
        "tumbled",
        "raised",
        "lowered",
        "boosted",
        "trimmed",
        "improved",
        "widened",
        "narrowed",
    ];
    WORDS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_after_figures() {
        let t = "about 6,000 deportation officers nationwide";
        let n = noun_after(t, t.find(" deportation").unwrap_or(0));
        assert_eq!(n.as_ref().map(|n| n.noun.as_str()), Some("officer"));
        assert_eq!(n.map(|n| n.modifiers), Some(vec!["deportation".to_string()]));
        let t = "7.4 million and is on track";
        assert_eq!(noun_after(t, 11), None);
        let t = "12 companies";
        assert_eq!(noun_after(t, 2).map(|n| n.noun), Some("company".into()));
        let t = "10,000 fewer units in 2014";
        assert_eq!(noun_after(t, 6).map(|n| n.noun), Some("unit".into()));
        let t = "5-cent increase";
        assert_eq!(noun_after(t, 1).map(|n| n.noun), Some("cent".into()));
    }

    #[test]
    fn participles_before_nouns_are_modifiers() {
        for (t, noun, modifier) in [
            ("300 sworn officers", "officer", "sworn"),
            ("1,200 enrolled students", "student", "enrolled"),
            ("46,000 registered voters", "voter", "registered"),
            ("240 staffed surgical beds", "bed", "staffed"),
            ("2,400 licensed child care centers", "center", "licensed"),
        ] {
            let end = t.find(' ').unwrap_or(0);
            let n = noun_after(t, end);
            assert_eq!(n.as_ref().map(|n| n.noun.as_str()), Some(noun), "{t}");
            let first = n.and_then(|n| n.modifiers.first().cloned());
            assert_eq!(first.as_deref(), Some(modifier), "{t}");
        }
        // A participle with no noun after it ends the phrase.
        assert_eq!(noun_after("2,000 appealed last year", 5), None);
        // A participle after a plural noun, or after a figure that opens its clause, is
        // the verb.
        let t = "Six towns reported losses";
        assert_eq!(noun_after(t, 3).map(|n| n.noun), Some("town".into()));
        let t = "Of the cities, four posted increases.";
        let at = t.find("four").unwrap_or(0);
        assert_eq!(noun_after_figure(t, at, at + 4), None);
        let t = "They handle 900 returned packages an hour.";
        let at = t.find("900").unwrap_or(0);
        assert_eq!(
            noun_after_figure(t, at, at + 3).map(|n| n.noun),
            Some("package".into())
        );
        let t = "and 9 of the 15 topped forecasters' estimates";
        let at = t.find("15").unwrap_or(0);
        assert_eq!(noun_after_figure(t, at, at + 2), None);
    }

    #[test]
    fn singular_forms() {
        for (plural, one) in [
            ("cases", "case"),
            ("people", "person"),
            ("women", "woman"),
            ("buses", "bus"),
            ("taxes", "tax"),
            ("counties", "county"),
            ("analyses", "analysis"),
            ("lives", "life"),
            ("businesses", "business"),
            ("viruses", "virus"),
            ("police", "police"),
            ("staff", "staff"),
            // Where the crate is wrong for news nouns: `SINGULAR_EXCEPTIONS`.
            ("data", "data"),
            ("species", "species"),
            ("basis", "basis"),
            ("headquarters", "headquarters"),
        ] {
            assert_eq!(singular(plural), one, "{plural}");
        }
        for w in ["officers", "people", "police", "cities", "children"] {
            assert!(is_plural(w), "{w}");
        }
        for w in [
            "bus",
            "census",
            "status",
            "basis",
            "news",
            "always",
            "its",
            "class",
            "officer's",
        ] {
            assert!(!is_plural(w), "{w}");
        }
    }

    #[test]
    fn the_whole_names_the_part() {
        let t = "carried 2.4 million of the 9.6 million rides";
        let end = t.find(" of").unwrap_or(0);
        assert_eq!(of_whole_after(t, end), t.find("9.6"));
        assert_eq!(of_noun_after("120 of the students", 3), Some("student".into()));
        assert_eq!(of_noun_after("3 of its 10 judges", 1), Some("judge".into()));
        assert_eq!(of_noun_after("3 of them", 1), None);
        assert_eq!(
            of_noun_after("9 of the 15 topped forecasters' estimates", 1),
            None
        );
        assert_eq!(of_noun_after("41 of 150)  Dayton, Ohio", 2), None);
    }

    #[test]
    fn per_units() {
        assert_eq!(per_after(" per agent", 0), Some(("agent".into(), None)));
        assert_eq!(per_after(" a day", 0), Some(("day".into(), None)));
        assert_eq!(
            per_after(" per 10,000 residents", 0),
            Some(("resident".into(), Some(10000.0)))
        );
        assert_eq!(per_after(" a new record", 0), None);
        assert_eq!(per_after(" a year earlier", 0), None);
        assert_eq!(
            period_after_of_phrase(" of oil a day", 0),
            Some(("day".into(), None))
        );
        assert_eq!(period_after_of_phrase(" of steel per worker", 0), None);
        assert_eq!(period_after_of_phrase(" of the year", 0), None);
        assert_eq!(period_adverb_after("$354 annually, or", 4), Some("year"));
        assert_eq!(period_adverb_after("40 cases weekly", 2), None);
        assert_eq!(period_adverb_after("12 monthly payments", 2), None);
        assert_eq!(period_adverb_after("2,000 weekly.", 5), Some("week"));
        assert_eq!(
            each_before("As a result, each assigned ICE agent is responsible for managing an average of "),
            Some("agent".into())
        );
        assert_eq!(
            each_before("On average, each nurse cared for "),
            Some("nurse".into())
        );
        assert_eq!(
            each_before("Each of the 735 judges handled "),
            Some("judge".into())
        );
    }

    #[test]
    fn anchors_link_by_shared_time() {
        assert!(same_time(
            "since President Biden took office in 2021",
            "When he took office"
        ));
        assert!(same_time("since 2015", "in 2015"));
        assert!(!same_time("since Oct. 1", "since 2021"));
        let t = "The number has increased by more than 1 million since Oct. 1 and has more than doubled since President Biden took office in 2021.";
        let a = anchors(t, 0..t.len());
        let texts: Vec<&str> = a.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(
            texts,
            vec!["since Oct. 1", "since President Biden took office in 2021"]
        );
    }

    #[test]
    fn roles() {
        assert_eq!(role_before("has increased by ", 17), Role::Change);
        assert_eq!(role_before("officers per ", 13), Role::PerBase);
        assert_eq!(role_before("has reached ", 12), Role::Value);
        assert_eq!(role_before("revenue makes up ", 17), Role::Value);
        assert_eq!(role_before("revenue was up ", 15), Role::Change);
        assert_eq!(role_before("is on pace to hit ", 18), Role::Projection);
    }

    #[test]
    fn split_patterns_match_as_one() {
        // CHANGE_BEFORE and CHANGE_BY_BEFORE are one pattern split in two, and
        // BY_BEFORE / PROJECTION_END are ends every match of theirs has.
        let joined = crate::pattern::compile(&format!(
            "(?i)(?:{}|{})$",
            CHANGE_BEFORE
                .as_str()
                .trim_start_matches("(?i)(?:")
                .trim_end_matches(")$"),
            CHANGE_BY_BEFORE
                .as_str()
                .trim_start_matches("(?i)(?:")
                .trim_end_matches(")$"),
        ));
        for t in [
            "has increased by ",
            "raised its forecast for the year by ",
            "cut spending on roads by\u{a0}",
            "Cut The Budget By ",
            "was up ",
            "an increase of ",
            "shed another ",
            "by ",
            "stood at ",
            "is expected to reach ",
            "will grow to ",
            "plans to be ",
            "increased by 5",
        ] {
            assert_eq!(change_before(t), joined.is_match(t), "{t}");
            if CHANGE_BY_BEFORE.is_match(t) {
                assert!(BY_BEFORE.is_match(t), "{t}");
            }
            if PROJECTION_BEFORE.is_match(t) {
                assert!(PROJECTION_END.is_match(t), "{t}");
            }
        }
    }
}
