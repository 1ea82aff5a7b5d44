//! Hedge phrases before a figure ("about", "more than", "just under", "an average of")
//! and what each one means, as one table.

use crate::interval::{Hedge, HedgeReach};
use regex::Regex;
use std::sync::LazyLock;

/// What a hedge phrase says about the figure after it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HedgeWord {
    /// The phrase, lower case, single-spaced.
    pub phrase: &'static str,
    /// Its family.
    pub hedge: Hedge,
    /// How far it reaches (see `interval::HEDGE_TABLE`).
    pub reach: HedgeReach,
    /// True for "an average of" and its kin: the figure is an average.
    pub average: bool,
}

const fn h(phrase: &'static str, hedge: Hedge, reach: HedgeReach) -> HedgeWord {
    HedgeWord {
        phrase,
        hedge,
        reach,
        average: false,
    }
}

const fn avg(phrase: &'static str) -> HedgeWord {
    HedgeWord {
        phrase,
        hedge: Hedge::Exact,
        reach: HedgeReach::Full,
        average: true,
    }
}

use Hedge::{Approx, LowerBound, UpperBound};
use HedgeReach::{Close, Full, Inclusive};

/// Every hedge phrase the extractor knows. Longer phrases win over their prefixes.
pub const HEDGE_WORDS: &[HedgeWord] = &[
    h("about", Approx, Full),
    h("around", Approx, Full),
    h("roughly", Approx, Full),
    h("approximately", Approx, Full),
    h("approx.", Approx, Full),
    h("some", Approx, Full),
    h("an estimated", Approx, Full),
    h("estimated", Approx, Full),
    h("close to", Approx, Full),
    h("circa", Approx, Full),
    h("~", Approx, Full),
    h("nearly", UpperBound, Full),
    h("almost", UpperBound, Full),
    h("not quite", UpperBound, Full),
    h("just under", UpperBound, Close),
    h("just below", UpperBound, Close),
    h("just shy of", UpperBound, Close),
    h("fewer than", UpperBound, Full),
    h("less than", UpperBound, Full),
    h("under", UpperBound, Full),
    h("below", UpperBound, Full),
    h("up to", UpperBound, Inclusive),
    h("as many as", UpperBound, Inclusive),
    h("as much as", UpperBound, Inclusive),
    h("no more than", UpperBound, Inclusive),
    h("at most", UpperBound, Inclusive),
    h("more than", LowerBound, Full),
    h("over", LowerBound, Full),
    h("above", LowerBound, Full),
    h("upwards of", LowerBound, Full),
    h("in excess of", LowerBound, Full),
    h("tops", LowerBound, Full),
    h("topped", LowerBound, Full),
    h("exceeds", LowerBound, Full),
    h("exceeded", LowerBound, Full),
    h("surpassed", LowerBound, Full),
    h("just over", LowerBound, Close),
    h("just above", LowerBound, Close),
    h("at least", LowerBound, Inclusive),
    h("no fewer than", LowerBound, Inclusive),
    h("no less than", LowerBound, Inclusive),
    avg("an average of"),
    avg("on average"),
    avg("average of"),
    avg("averaging"),
    avg("averaged"),
];

static HEDGE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let mut phrases: Vec<&str> = HEDGE_WORDS.iter().map(|w| w.phrase).collect();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let alts: Vec<String> = phrases
        .iter()
        .map(|p| regex::escape(p).replace(' ', r"\s+"))
        .collect();
    let pattern = format!(r"(?i)(?:^|[^\w])((?:{})),?\s*$", alts.join("|"));
    crate::pattern::compile(&pattern)
});

/// The hedge phrase that ends right before `pos` in `text`, if any: its table row and the
/// byte offset where it starts.
pub fn hedge_before(text: &str, pos: usize) -> Option<(HedgeWord, usize)> {
    let start = floor_char_boundary(text, pos.saturating_sub(40));
    let window = text.get(start..pos)?;
    let caps = HEDGE_BEFORE.captures(window)?;
    let m = caps.get(1)?;
    let found = normalise(m.as_str());
    let row = HEDGE_WORDS.iter().find(|w| w.phrase == found)?;
    // "~" must touch the number; words need a space.
    if row.phrase != "~" && window.get(m.end()..).is_some_and(|s| s.is_empty()) {
        return None;
    }
    Some((*row, start + m.start()))
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The first `n` bytes (at most, on a character boundary) of a text, in lower case: for
/// looking ahead a few words without copying the rest of the article.
pub fn head_lower(text: &str, n: usize) -> String {
    text.get(..floor_char_boundary(text, n))
        .unwrap_or("")
        .to_lowercase()
}

/// The largest char boundary at or before `i`.
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(s: &str) -> Option<&'static str> {
        let pos = s.find('#').unwrap_or(s.len());
        hedge_before(s, pos).map(|(w, _)| w.phrase)
    }

    #[test]
    fn longest_phrase_wins() {
        assert_eq!(find("it has just under #"), Some("just under"));
        assert_eq!(find("there are under #"), Some("under"));
        assert_eq!(find("has more than #"), Some("more than"));
        assert_eq!(find("managing an average of #"), Some("an average of"));
        assert_eq!(find("the agency has only about #"), Some("about"));
        assert_eq!(find("a wonder #"), None);
        assert_eq!(find("moreover #"), None);
    }
}
