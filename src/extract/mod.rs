//! The extractor: from an article's text to its numerical claims.
//!
//! 1. [`special`] finds, by regex, the numbers that are not quantities (dates, times,
//!    phone, page and section numbers, ordinals…) and reserves their spans.
//! 2. A regex scanner finds every other position where a figure may start (a digit, a
//!    currency sign, a number word, a multiplier verb).
//! 3. The nom grammar in [`quantity`] parses the figure forward from there; [`hedge`]
//!    reads the hedge phrase before it.
//!    [`idiom`] sets apart what reads as a number but is not a quantity ("one of the
//!    best", "Formula One", "won 3-2", "the 70s") or not a multiplier ("won it three
//!    times").
//! 4. [`context`] fills in the counted noun, per-unit, time anchor and role; figures of a
//!    plain-text table take its caption's scale ("(millions of trips)"), and figures
//!    written with a unit the article abbreviated ("3.1 million barrels a day (mb/d)")
//!    take that unit's scale ([`abbrev`]).

pub mod abbrev;
pub mod context;
pub mod hedge;
pub mod idiom;
pub mod numeral;
pub mod quantity;
pub mod special;
pub mod tables;
pub mod units;
pub mod words;

use crate::claim::{Claim, Kind, Role, Span};
use crate::document::Document;
use crate::interval::{Hedge, HedgeReach, Value};
use quantity::{Parsed, glued_to_word, quantity};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"(?i)(?:US|NZ|HK|NT|C|A|S|R)?\$(?:US)?|[£€¥₹]|(?-u:\b)(?:USD|EUR|GBP|AUD|CAD|INR|JPY|CHF|CNY)\s?\d|(?-u:\b)RM\d|[-−+]?\.?\d|(?-u:\b)(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|dozens|hundreds|thousands|millions|billions|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|half|quarter[-\s]+(?:thousand|million|billion|trillion)|decades?|several\s+(?:hundred|thousand|million|billion)|a\s+few\s+(?:hundred|thousand|million|billion)|another\s+(?:hundred|thousand|million|billion)|single[-\s]digits?|a\s+(?:dozen|hundred|thousand|million|billion|trillion|third|quarter|half|fifth|sixth|seventh|eighth|ninth|tenth|decade)|doubl\w+|tripl\w+|trebled|quadrupl\w+|quintupled|halv\w+|twice|thrice|\w+fold)(?-u:\b)",
    )
});

/// A figure found by the grammar before its context is read.
struct Found {
    range: Range<usize>,
    core_start: usize,
    kind: Kind,
    value: Value,
    hedge: Hedge,
    average: bool,
    fixed_unit: Option<String>,
    currency: Option<&'static str>,
}

impl Found {
    /// A figure that is not a quantity, at its printed value.
    fn other(range: Range<usize>, kind: Kind, value: f64) -> Found {
        Found {
            core_start: range.start,
            range,
            kind,
            value: Value::point(value),
            hedge: Hedge::Exact,
            average: false,
            fixed_unit: None,
            currency: None,
        }
    }
}

/// Extract every numerical claim of a document, in text order, with ids c1, c2, ….
pub fn extract(doc: &Document) -> Vec<Claim> {
    let text = doc.text.as_str();
    let specials = special::find_special(text);
    let taken: Vec<Range<usize>> = specials.iter().map(|s| s.range.clone()).collect();
    let mut found: Vec<Found> = specials
        .iter()
        .map(|s| Found {
            range: s.range.clone(),
            core_start: s.range.start,
            kind: s.kind,
            value: Value::point(s.value),
            hedge: Hedge::Exact,
            average: false,
            fixed_unit: None,
            currency: None,
        })
        .collect();
    let mut next_free = 0;
    for m in CANDIDATE.find_iter(text) {
        let start = m.start();
        if start < next_free || overlaps_special(&taken, start, start + 1) {
            continue;
        }
        // "minus-130": the hyphen joins the word "minus" to the figure.
        let after_minus =
            m.as_str().starts_with('-') && tail(text, start, 8).to_ascii_lowercase().ends_with("minus");
        // "124-118", "12-16 from the field": the second figure of a pair joined by a dash
        // that was not read as a range.
        let pair_second = m.as_str().starts_with('-')
            && start == next_free
            && start > 0
            && text
                .get(start + 1..)
                .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()));
        // "sub-300 sq m", "sub-7 nanometer": below the figure.
        let after_sub = m.as_str().starts_with('-') && sub_prefix(text, start + 1);
        let start = if after_minus || pair_second || after_sub {
            start + 1
        } else {
            start
        };
        if !after_minus && !pair_second && !after_sub && !starts_cleanly(text, start) {
            continue;
        }
        if let Some(pair) = idiom::score_pair(text, start) {
            // "won 3-2", "a 1-1 draw": both figures of a score are other.
            if pair
                .iter()
                .all(|(r, _)| !overlaps_special(&taken, r.start, r.end))
            {
                for (range, value) in pair {
                    next_free = range.end;
                    found.push(Found::other(range, Kind::Other, value));
                }
                continue;
            }
        }
        if let Some((range, kind, value)) = idiom::decade_at(text, start) {
            next_free = range.end;
            found.push(Found::other(range, kind, value));
            continue;
        }
        let Some(mut f) = read_figure(text, start) else {
            continue;
        };
        if overlaps_special(&taken, f.core_start, f.range.end) {
            continue;
        }
        if pair_second && found.last().is_some_and(|prev| prev.kind == Kind::Other) {
            // The second figure of a score is a score too.
            f.kind = Kind::Other;
        }
        next_free = f.range.end;
        found.push(f);
    }
    found.sort_by_key(|f| f.range.start);
    let mut claims: Vec<Claim> = found.into_iter().map(|f| to_claim(doc, f)).collect();
    tables::apply_scales(doc, &mut claims);
    for (i, c) in claims.iter_mut().enumerate() {
        c.id = format!("c{}", i + 1);
    }
    label_lists(doc, &mut claims);
    annotate(doc, &mut claims);
    // After the context pass, which would read the abbreviation as the figure's noun.
    abbrev::apply(doc, &mut claims);
    claims
}

/// How far back, in bytes, the context of a figure is read.
const LOOK_BACK: usize = 400;

/// The text of a sentence before `end`, at most LOOK_BACK bytes of it.
fn sentence_tail(text: &str, sentence_start: usize, end: usize) -> &str {
    let from = sentence_start.max(end.saturating_sub(LOOK_BACK)).min(end);
    let from = hedge::floor_char_boundary(text, from);
    text.get(from..end).unwrap_or("")
}

/// The last `n` bytes (at most) of the text before `end`, on a character boundary: what
/// the grammar looks back at, so that looking back never costs more than `n`.
fn tail(text: &str, end: usize, n: usize) -> &str {
    let start = hedge::floor_char_boundary(text, end.saturating_sub(n));
    text.get(start..end).unwrap_or("")
}

/// True when a byte range overlaps one of the special (non-quantity) figures, which are
/// sorted and disjoint: a binary search, so scanning stays linear in the text.
fn overlaps_special(specials: &[Range<usize>], start: usize, end: usize) -> bool {
    let i = specials.partition_point(|r| r.end <= start);
    specials.get(i).is_some_and(|r| r.start < end)
}

/// True when "sub-" joins a figure at `start` ("sub-300 sq m"): an upper bound.
fn sub_prefix(text: &str, start: usize) -> bool {
    let before = tail(text, start, 5);
    before.len() >= 4
        && before
            .get(before.len() - 4..)
            .is_some_and(|t| t.eq_ignore_ascii_case("sub-"))
        && !before
            .get(..before.len() - 4)
            .is_some_and(|t| t.ends_with(char::is_alphanumeric))
}

/// A figure may start here only if it does not continue a word or another number
/// ("COVID-19", "B52", the "5" of "3.5").
fn starts_cleanly(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let mut rev = before.chars().rev();
    match rev.next() {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '.' || c == ',' || c == '_' => {
            // "$" and "£" may follow a letter-free context only; a digit after a letter is a label.
            false
        }
        Some('-' | '/') => !rev.next().is_some_and(|c| c.is_alphanumeric()),
        Some(_) => true,
    }
}

fn read_figure(text: &str, start: usize) -> Option<Found> {
    let rest = text.get(start..)?;
    let hedge_found = hedge::hedge_before(text, start);
    let before = text
        .get(hedge::floor_char_boundary(text, start.saturating_sub(12))..start)
        .unwrap_or("");
    let after_from = before.trim_end().to_lowercase().ends_with("from");
    let between = before.trim_end().to_lowercase().ends_with("between");
    let mut p: Parsed = quantity(rest, !after_from)?;
    let mut end = start + p.len;
    if after_from {
        share_scale_of_to(text, end, &mut p);
    }
    if p.bare_vague && !idiom::bare_vague_stands(text, start, end) {
        return None;
    }
    if second_decimal_point(text, start, end) {
        // "3.817.69", "1.2.3": a garbled figure or a version, not one quantity.
        return None;
    }
    if !p.bare_vague && quantity::is_vague(rest) && idiom::labels_a_unit(text, start) {
        // "(millions of trips)": a table's unit, not a figure.
        return None;
    }
    if p.multiplier_word
        && quantity::is_bare_multiplier(rest)
        && (context::determiner_before(text, start) || context::noun_multiplier(text, start, end))
    {
        // "a double", "the triple", "the indoor-outdoor double.": nouns, not multipliers.
        return None;
    }
    if p.kind != Kind::Multiplier && glued_to_word(text, end) {
        let (unit, len) = units::glued_unit(text.get(end..).unwrap_or(""))?;
        if p.kind != Kind::Count || p.fixed_unit.is_some() {
            return None;
        }
        let next_word = text.get(end + len..).unwrap_or("").trim_start();
        let million = unit.symbol == "m"
            && (p.value.fract() != 0.0
                || next_word
                    .split(|c: char| !c.is_alphabetic())
                    .next()
                    .is_some_and(context::is_plural_noun));
        if million {
            p.value *= 1e6;
            p.unit *= 1e6;
        } else {
            p.kind = unit.kind;
            p.fixed_unit = Some(unit.unit);
            if unit.kind == Kind::Money {
                p.currency = Some("GBP");
            }
        }
        p.bare_integer = None;
        end += len;
    }
    // "a forecast of 3% to 3.5%", "2.5-3%": a range of percentages, unless a change leads
    // to the second ("rose 0.5% to 3.5%", "from 3% to 3.5%").
    let changed = before
        .split_whitespace()
        .last()
        .is_some_and(|w| context::is_change_word(&w.to_lowercase()));
    if p.kind == Kind::Percent && p.high.is_none() && !after_from && !changed {
        if let Some((hi, len)) = percent_range_tail(text.get(end..).unwrap_or("")) {
            if hi > p.value {
                p.high = Some((hi, p.unit));
                end += len;
            }
        }
    }
    // "between 300 and 400"
    if between && p.high.is_none() {
        if let Some(tail) = text.get(end..) {
            let trimmed = tail.trim_start();
            if let Some(after_and) = trimmed.strip_prefix("and ") {
                let offset = tail.len() - after_and.len();
                if let Some(q) = quantity(after_and.trim_start(), false) {
                    let lead = after_and.len() - after_and.trim_start().len();
                    // "between 2.5 and 3 million": the second figure's scale applies to the first.
                    if let (None, Some(scale)) = (p.scale, q.scale) {
                        if p.value < q.value / scale * 10.0 {
                            p.value *= scale;
                            p.unit *= scale;
                        }
                    }
                    if q.value > p.value && !glued_to_word(text, end + offset + lead + q.len) {
                        if q.kind != Kind::Count && p.kind == Kind::Count {
                            p.kind = q.kind;
                            p.fixed_unit = q.fixed_unit;
                            p.currency = q.currency;
                        }
                        p.high = Some((q.value, q.unit));
                        end += offset + lead + q.len;
                    }
                }
            }
        }
    }
    let (mut range_start, mut hedge, mut reach, mut average) = (start, Hedge::Exact, HedgeReach::Full, false);
    if between && p.high.is_some() {
        let window = tail(text, start, 12);
        let at = window.rfind("between").max(window.rfind("Between"));
        range_start = at.map_or(start, |i| start - window.len() + i);
    } else if let Some((w, at)) = hedge_found {
        range_start = at;
        hedge = w.hedge;
        reach = w.reach;
        average = w.average;
    } else if sub_prefix(text, start) {
        range_start = start - 4;
        hedge = Hedge::UpperBound;
    }
    // "an average salary of about $72,000", "the average toll was $3.15": an average
    // named by its noun.
    if !average {
        average = AVERAGE_NOUN_OF.is_match(tail(text, range_start, 48));
    }
    // "minus-5 yards", "minus 387 Fahrenheit"
    {
        let window = tail(text, range_start, 12);
        let window_start = range_start - window.len();
        let lower = window.to_ascii_lowercase();
        if let Some(cut) = ["minus-", "minus "]
            .iter()
            .find_map(|m| lower.strip_suffix(m).map(|r| r.len()))
        {
            if lower
                .get(..cut)
                .is_none_or(|r| !r.ends_with(|c: char| c.is_alphanumeric()))
            {
                range_start = window_start + cut;
                p.value = -p.value;
                p.high = p.high.map(|(h, u)| (-h, u));
                if let Some((h, u)) = p.high {
                    p.high = Some((p.value, u));
                    p.value = h;
                }
            }
        }
    }
    if p.kind == Kind::Fraction && text.get(end..).is_some_and(|t| t.starts_with('-')) {
        // "half-staff", "a third-party": a compound word, not a fraction.
        return None;
    }
    if p.kind == Kind::Fraction && idiom::ordinal_period(text, start, end) {
        // "the first half", "the second quarter": a period, not a fraction.
        return None;
    }
    if p.kind == Kind::Money && constant_dollars(text, start, end) {
        // "measured in 2021 dollars": the base year of a price index.
        p.kind = Kind::Year;
    }
    let word_kind = (p.kind == Kind::Count && p.currency.is_none() && p.fixed_unit.is_none())
        .then(|| idiom::word_figure_kind(text, start, end))
        .flatten();
    let kind = if years_named(text, &p, range_start) {
        Some(Kind::Year)
    } else if p.bare_integer.is_some() && idiom::names_a_model(text, end) {
        Some(Kind::Identifier)
    } else if word_kind.is_some() {
        word_kind
    } else if hedge_found.is_some() {
        classify_bare_integer(text, &p, end).filter(|k| *k == Kind::Year)
    } else {
        classify_bare_integer(text, &p, end).or_else(|| label_after_name(text, &p, start, end))
    }
    .unwrap_or(p.kind);
    let kind = if kind == Kind::Multiplier
        && p.occasions
        && idiom::counts_occasions(text, range_start, end, p.value)
    {
        // "won the title three times": a count of occasions.
        p.kind = Kind::Count;
        p.multiplier_word = false;
        p.fixed_unit = Some("time");
        p.unit = p.unit.min(1.0);
        Kind::Count
    } else if kind == Kind::Fraction && idiom::quarters_are_periods(text, start, end) {
        // "two quarters ahead": periods.
        p.kind = Kind::Count;
        p.value *= 4.0;
        p.unit = 1.0;
        p.fixed_unit = Some("quarter");
        Kind::Count
    } else {
        kind
    };
    let value = if let Some((hi, _)) = p.high {
        // A range's ends are the figures as printed: "between 300 and 400" is 300–400.
        hedge = Hedge::Range;
        Value::new((p.value + hi) / 2.0, p.value, hi)
    } else if p.multiplier_word || p.kind == Kind::Multiplier {
        multiplier_value(p.value, p.unit, p.multiplier_word, hedge, reach)
    } else {
        // A bound reaches to the next round step of the figure as printed.
        let reach_unit = if matches!(hedge, Hedge::LowerBound | Hedge::UpperBound) {
            p.unit.max(p.step)
        } else {
            p.unit
        };
        Value::hedged(p.value, reach_unit, hedge, reach)
    };
    Some(Found {
        range: range_start..end,
        core_start: start,
        kind,
        value,
        hedge,
        average,
        fixed_unit: p.fixed_unit.map(str::to_string),
        currency: p.currency,
    })
}

/// "from $10 to $15 billion", "from 5 to 7 million": the scale of the figure after "to"
/// applies to the figure after "from" when that is written without one and is of the same
/// order as the second figure's digits.
fn share_scale_of_to(text: &str, end: usize, p: &mut Parsed) {
    if p.scale.is_some() || !matches!(p.kind, Kind::Count | Kind::Money) || p.value <= 0.0 {
        return;
    }
    let after = text.get(end..).unwrap_or("");
    let Some(to) = after
        .strip_prefix(' ')
        .and_then(|t| t.strip_prefix("to "))
        .map(str::trim_start)
    else {
        return;
    };
    let Some(q) = quantity(to, false) else { return };
    if let Some(scale) = q.scale {
        if q.kind == p.kind && q.currency == p.currency && p.value < q.value / scale * 10.0 {
            p.value *= scale;
            p.unit *= scale;
            p.scale = Some(scale);
            p.bare_integer = None;
        }
    }
}

/// "in 2021 dollars", "in constant 1990 dollars": a year naming the value of money.
fn constant_dollars(text: &str, start: usize, end: usize) -> bool {
    let printed = text.get(start..end).unwrap_or("");
    let Some(year) = printed
        .strip_suffix(" dollars")
        .filter(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()))
        .and_then(|y| y.parse::<u32>().ok())
    else {
        return false;
    };
    let before = tail(text, start, 24).trim_end().to_ascii_lowercase();
    (1900..=2100).contains(&year)
        && [
            "in",
            "constant",
            "real",
            "inflation-adjusted",
            "today's",
            "current",
        ]
        .iter()
        .any(|w| {
            before
                .strip_suffix(w)
                .is_some_and(|rest| !rest.ends_with(|c: char| c.is_alphanumeric()))
        })
}

/// Multipliers are approximate: ±5% ("doubled" is 1.9–2.1), or half the rounding unit of
/// a figure when that is wider ("2.5 times" is 2.375–2.625); bounds reach to the next whole
/// multiple ("more than doubled" is 2–3), or for a fractional figure to its next step
/// ("nearly 2.5 times" is 2.4–2.5). "Nearly" a whole multiple is within a tenth below it
/// ("nearly triple" is 2.7–3, "just under double" 1.9–2): 2.07 is not nearly triple.
fn multiplier_value(v: f64, unit: f64, word: bool, hedge: Hedge, reach: HedgeReach) -> Value {
    match hedge {
        Hedge::Exact | Hedge::Approx => {
            let w = if word || unit >= 1.0 {
                0.05 * v
            } else {
                (0.05 * v).max(unit / 2.0)
            };
            Value::new(v, v - w, v + w)
        }
        // "nearly 2.5 times", "more than one and a half times": bounds reach to the next
        // step of the figure's own precision (2.4–2.5, 1.5–1.6), not to the next whole.
        _ if v.fract() != 0.0 && unit > 0.0 && unit < 1.0 => Value::hedged(v, unit, hedge, reach),
        Hedge::UpperBound if v >= 2.0 && reach != HedgeReach::Inclusive => {
            let below = if reach == HedgeReach::Close { 0.05 } else { 0.1 };
            Value {
                high_open: true,
                ..Value::new(v, v * (1.0 - below), v)
            }
        }
        _ => Value::hedged(v, unit.max(if v >= 1.0 { 1.0 } else { 0.5 }), hedge, reach),
    }
}

/// True when the figure at `start..end` has a decimal point and another point and digit
/// follow it ("3.817" of "3.817.69").
fn second_decimal_point(text: &str, start: usize, end: usize) -> bool {
    let fig = text.get(start..end).unwrap_or("");
    let after = text.get(end..).unwrap_or("").as_bytes();
    fig.contains('.') && after.first() == Some(&b'.') && after.get(1).is_some_and(u8::is_ascii_digit)
}

/// A bare four-digit integer from 1800 to 2100 is a year unless a plural noun follows
/// ("in 2021" vs "2000 officers").
fn classify_bare_integer(text: &str, p: &Parsed, end: usize) -> Option<Kind> {
    let digits = p.bare_integer.as_ref()?;
    // "0401", "007": a code, not a count ("04" in a table is a padded count).
    if digits.len() >= 3 && digits.starts_with('0') {
        return Some(Kind::Identifier);
    }
    // "2-0 down", "124-118": a score, not a range (its second figure is smaller).
    let after = text.get(end..).unwrap_or("");
    if let Some(next) = after.strip_prefix('-') {
        let digits: String = next.chars().take_while(char::is_ascii_digit).collect();
        if digits.parse::<f64>().is_ok_and(|second| second < p.value) {
            return Some(Kind::Other);
        }
    }
    if digits.len() != 4 || !(1800.0..=2100.0).contains(&p.value) {
        return None;
    }
    // Four digits from 1950 to 2035 are a year in news copy ("2018 sales"); counts that
    // large are written with a separator ("2,000 officers").
    if (1950.0..=2035.0).contains(&p.value) {
        return Some(Kind::Year);
    }
    let followed_by_noun = context::noun_after(text, end).is_some_and(|n| {
        n.modifiers.is_empty() && text.get(end..n.end).is_some_and(|s| s.trim_end().ends_with('s'))
    });
    (!followed_by_noun).then_some(Kind::Year)
}

/// "A.D. 1000", "between 1600 and 1900": years, though written as bare numbers.
fn years_named(text: &str, p: &Parsed, start: usize) -> bool {
    let era = text.get(..start).is_some_and(|b| {
        let b = b.trim_end();
        ["A.D.", "AD", "B.C.", "BC", "C.E.", "CE", "B.C.E.", "BCE"]
            .iter()
            .any(|e| b.ends_with(e))
    });
    let plain = p.kind == Kind::Count && p.fixed_unit.is_none() && p.scale.is_none() && p.currency.is_none();
    let year_like = |v: f64| v.fract() == 0.0 && (1000.0..=2100.0).contains(&v);
    let year_range = p.high.is_some_and(|(h, _)| year_like(h)) && year_like(p.value);
    plain && (era || year_range) && p.value.fract() == 0.0
}

/// A bare number right after a name is part of the name: "S&P 500", "Big 12", "iPhone 11
/// Pro", "Game 2", "Apple Watch 5". Not when the name opens the sentence ("Nearly 40") or a
/// plural noun follows ("Tuesday 40 people").
fn label_after_name(text: &str, p: &Parsed, start: usize, end: usize) -> Option<Kind> {
    p.bare_integer.as_ref()?;
    let before = text.get(..start)?;
    let trimmed = before.strip_suffix(' ')?;
    let word_start = trimmed.rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1);
    let word = trimmed.get(word_start..)?;
    let named = word.chars().next().is_some_and(|c| c.is_uppercase())
        || (word.len() > 1
            && word.chars().any(|c| c.is_uppercase())
            && word.chars().all(|c| c.is_alphanumeric() || c == '&'));
    let before_word = trimmed.get(..word_start).unwrap_or("").trim_end();
    let opens_sentence =
        before_word.is_empty() || before_word.ends_with(['.', '!', '?', ':', '"', '“', '\n']);
    let counted = context::noun_after(text, end).is_some_and(|n| {
        text.get(end..n.end).is_some_and(|s| {
            s.split_whitespace()
                .last()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase) && w.ends_with('s'))
        })
    });
    // "Vacancies: 51": a label and its figure, not a name; "With 275": a capitalised
    // function word, not a name.
    let ends_as_name = word.ends_with(|c: char| c.is_alphanumeric()) && !context::is_stop(word);
    (named && !opens_sentence && !counted && ends_as_name).then_some(Kind::Identifier)
}

fn to_claim(doc: &Document, f: Found) -> Claim {
    let (line, column) = doc.line_col(f.range.start);
    let sentence = doc.sentence_of(f.range.start);
    let unit = match (f.kind, &f.fixed_unit, f.currency) {
        (_, Some(u), _) => Some(u.clone()),
        (Kind::Money, None, Some(code)) => Some(code.to_string()),
        (Kind::Percent, None, _) => Some("percent".to_string()),
        (Kind::Fraction, None, _) => Some("fraction".to_string()),
        _ => None,
    };
    Claim {
        id: String::new(),
        text: doc.slice(f.range.clone()).to_string(),
        kind: f.kind,
        span: Span {
            start: f.range.start,
            end: f.range.end,
            line,
            column,
        },
        text_span: None,
        value: f.value,
        hedge: f.hedge,
        unit,
        per: None,
        time: None,
        noun: None,
        modifiers: Vec::new(),
        unit_inferred: false,
        per_count: None,
        rate: None,
        average: f.average,
        role: Role::Value,
        debris: doc.is_debris(&f.range),
        sentence,
        paragraph: doc.paragraph_of(sentence),
    }
}

/// The per-unit of "… 40 cases each": the nearest plural count before the claim in its
/// sentence, of another noun ("About 50 officers handled 2,000 cases, an average of 40
/// cases each" → officer).
fn distributed_over(claims: &[Claim], i: usize) -> Option<(String, Option<f64>)> {
    let c = claims.get(i)?;
    claims
        .get(..i)?
        .iter()
        .rev()
        .take_while(|o| o.sentence == c.sentence)
        .find(|o| o.kind == Kind::Count && o.value.nominal > 1.0 && o.unit.is_some() && o.unit != c.unit)
        .and_then(|o| o.unit.clone())
        .map(|u| (u, None))
}

/// The per-unit of the nearest earlier rate of claim `i`'s paragraph that is per as many
/// (`count`) of something named: "2.7 per 10,000 homes … 5.4 per 10,000" → home.
fn elided_per(claims: &[Claim], i: usize, count: f64) -> Option<String> {
    let c = claims.get(i)?;
    claims
        .get(..i)?
        .iter()
        .rev()
        .take_while(|o| o.paragraph == c.paragraph && c.sentence.saturating_sub(o.sentence) <= 2)
        .find(|o| o.per_count == Some(count))
        .and_then(|o| o.per.clone())
        .filter(|p| p != "person")
}

/// Read each claim's context: noun, per-unit, anchor, role, and inferred nouns.
fn annotate(doc: &Document, claims: &mut [Claim]) {
    let text = doc.text.as_str();
    for i in 0..claims.len() {
        let Some(c) = claims.get(i) else { continue };
        if !c.kind.enters_arithmetic() {
            continue;
        }
        let (start, end, sentence) = (c.span.start, c.span.end, c.sentence);
        let core_start = start
            + c.text
                .find(|ch: char| ch.is_ascii_digit() || "$£€¥₹".contains(ch))
                .unwrap_or(0);
        let mut role = context::role_before(text, start.min(core_start));
        // "the campaign raised $2.1 million", "would raise $3.6 million a year": money
        // raised is collected, not a change ("raised fees by $20" is one).
        if role == Role::Change
            && claims.get(i).is_some_and(|c| c.kind == Kind::Money)
            && context::raised_funds(tail(text, start.min(core_start), 16))
        {
            role = Role::Value;
        }
        if role == Role::Value && context::change_after(text, end) {
            role = Role::Change;
        }
        // "$354 annually", "40 cases weekly": the adverb is the rate's period, no noun.
        let period = context::period_adverb_after(text, end);
        let noun = if period.is_some() {
            None
        } else {
            context::noun_after_figure(text, start, end)
        };
        let per_from = noun.as_ref().map_or(end, |n| n.end);
        let sentence_range = doc.sentence_range(sentence);
        // Context reads at most LOOK_BACK bytes back, so a sentence of any length costs the same.
        let before_in_sentence = sentence_tail(text, sentence_range.start, start);
        let mut per = period
            .map(|p| (p.to_string(), None))
            .or_else(|| context::per_after(text, per_from))
            .or_else(|| context::period_after_of_phrase(text, per_from));
        let Some(c) = claims.get_mut(i) else { continue };
        c.role = if c.role == Role::Value { role } else { c.role };
        if let Some(n) = &noun {
            // A duration or a count of occasions keeps its unit ("a decade-long survey" is
            // 10 years, "three times" counts times).
            let keeps_unit = c
                .unit
                .as_deref()
                .is_some_and(|u| u == "time" || context::is_time_unit(u));
            if c.kind == Kind::Count && !keeps_unit {
                c.unit = Some(n.noun.clone());
            }
            c.noun = if c.kind == Kind::Count && keeps_unit {
                c.unit.clone()
            } else {
                Some(n.noun.clone())
            };
            c.modifiers = n.modifiers.clone();
        }
        // "Each bus carries 95,000 riders a year": the distributive noun is the per-unit
        // that links to a count of buses; the time rate only says over what period.
        let time_rate = per
            .as_ref()
            .is_some_and(|(p, n)| n.is_none() && context::is_time_unit(p));
        let mut rate = None;
        if (per.is_none() || time_rate) && matches!(c.kind, Kind::Count | Kind::Money) {
            if let Some(each) = context::each_before(before_in_sentence) {
                if c.unit.as_deref() != Some(each.as_str()) && !context::is_time_unit(&each) {
                    rate = per.take().filter(|_| time_rate).map(|(p, _)| p);
                    per = Some((each, None));
                }
            }
        }
        let amount = matches!(c.kind, Kind::Count | Kind::Money);
        if per.is_none() && amount && context::each_after(text, per_from) {
            per = distributed_over(claims, i);
        }
        // "the average toll paid per crossing was $3.15": the per-unit before the figure.
        if per.is_none() && amount {
            per = context::per_before(before_in_sentence).map(|p| (p, None));
        }
        // "2.7 per 10,000 homes, below the regional 5.4 per 10,000": a rate whose
        // noun is left out counts what the last rate per as many named.
        if let Some((p, Some(n))) = &per {
            if p == "person" {
                if let Some(named) = elided_per(claims, i, *n) {
                    per = Some((named, Some(*n)));
                }
            }
        }
        let Some(c) = claims.get_mut(i) else { continue };
        if let Some((p, n)) = per {
            c.per = Some(p);
            c.per_count = n;
        }
        c.rate = rate;
    }
    // Time anchors: the first anchor after the claim and before the next claim of the
    // sentence, else one that encloses it, else the nearest one before it. The anchors of a
    // sentence are computed once.
    let mut cached: Option<(usize, context::Anchors)> = None;
    for i in 0..claims.len() {
        let Some(c) = claims.get(i) else { continue };
        if !c.kind.enters_arithmetic() {
            continue;
        }
        if cached.as_ref().is_none_or(|(s, _)| *s != c.sentence) {
            cached = Some((c.sentence, context::anchors(text, doc.sentence_range(c.sentence))));
        }
        let anchors: &[(Range<usize>, String)] = cached.as_ref().map_or(&[], |(_, a)| a.as_slice());
        // Neighbours in the same sentence only: claims are in text order.
        let next_start = claims
            .iter()
            .skip(i + 1)
            .take_while(|o| o.sentence == c.sentence)
            .find(|o| o.kind.enters_arithmetic())
            .map_or(usize::MAX, |o| o.span.start);
        let prev_end = claims
            .iter()
            .take(i)
            .rev()
            .take_while(|o| o.sentence == c.sentence)
            .find(|o| o.kind.enters_arithmetic())
            .map_or(0, |o| o.span.end);
        let (s, e) = (c.span.start, c.span.end);
        let after = anchors.iter().find(|(r, _)| r.start >= e && r.start < next_start);
        let enclosing = anchors.iter().find(|(r, _)| r.start < s && r.end > s);
        let before = anchors
            .iter()
            .rev()
            .find(|(r, _)| r.end <= s && r.start >= prev_end.min(s));
        let before_any = anchors.iter().rev().find(|(r, _)| r.end <= s);
        let chosen = enclosing
            .or(after)
            .or(before)
            .or(before_any)
            .map(|(_, t)| t.clone());
        if let Some(c) = claims.get_mut(i) {
            c.time = chosen;
        }
    }
    infer_nouns(doc, claims);
    points_of_percent(claims);
}

/// True for the unit of a duration or a count of occasions ("year", "time"): never the
/// noun of another figure.
fn is_period(unit: &str) -> bool {
    unit == "time" || context::is_time_unit(unit)
}

/// "Key Stages 1, 3 and 4", "Games 2 and 5": the numbers listed after a label are labels
/// too, not only the first.
fn label_lists(doc: &Document, claims: &mut [Claim]) {
    for i in 1..claims.len() {
        let (Some(prev), Some(c)) = (claims.get(i - 1), claims.get(i)) else {
            continue;
        };
        let bare = !c.text.is_empty() && c.text.chars().all(|ch| ch.is_ascii_digit());
        let between = doc.slice(prev.span.end..c.span.start);
        let joined = matches!(between.trim(), "," | "and" | "or" | "&" | ", and" | ", or");
        if prev.kind == Kind::Identifier
            && c.kind == Kind::Count
            && bare
            && joined
            && prev.sentence == c.sentence
        {
            if let Some(c) = claims.get_mut(i) {
                c.kind = Kind::Identifier;
            }
        }
    }
}

/// Give a bare count the noun of its sentence ("the number of cases … was 3.7 million"),
/// else of the sentence before, else of the nearest counted figure before it.
/// "a gap of 3.4 points", "up 1.3 points" beside percentages: percentage points, not a
/// count of points ("basis points" are hundredths of one). Sports points stand in
/// sentences without a percentage, or are no change of one. A sentence may also follow
/// the percentages it compares ("… the other clinic saw 54.7%. We came out ahead by 6.5
/// points"): a fractional number of points, with no per-unit, right after a sentence of
/// its paragraph with a percentage is a gap between them; whole points there ("won by 12
/// points", after a shooting percentage) stay points.
fn points_of_percent(claims: &mut [Claim]) {
    let percent = |c: &Claim| c.kind == Kind::Percent && c.unit.as_deref() == Some("percent");
    let mut i = 0;
    // The sentence and paragraph of the last sentence that held a percentage.
    let mut last_percent: Option<(usize, usize)> = None;
    while i < claims.len() {
        let (sentence, paragraph) = claims.get(i).map_or((0, 0), |c| (c.sentence, c.paragraph));
        let mut j = i;
        while claims.get(j).is_some_and(|c| c.sentence == sentence) {
            j += 1;
        }
        let has_percent = claims.get(i..j).is_some_and(|s| s.iter().any(percent));
        let follows = last_percent == Some((sentence.wrapping_sub(1), paragraph));
        for c in claims.get_mut(i..j).into_iter().flatten() {
            let unit = c.unit.as_deref();
            let basis = unit == Some("basis point");
            if c.kind != Kind::Count || c.unit_inferred || !(unit == Some("point") || basis) {
                continue;
            }
            let fractional = c.value.nominal.fract() != 0.0 && c.per.is_none();
            if has_percent || (follows && fractional) {
                let factor = if basis { 0.01 } else { 1.0 };
                c.kind = Kind::Percent;
                c.unit = Some("percentage point".into());
                c.value = c.value.scale(factor);
            }
        }
        if has_percent {
            last_percent = Some((sentence, paragraph));
        }
        i = j.max(i + 1);
    }
}

fn infer_nouns(doc: &Document, claims: &mut [Claim]) {
    let text = doc.text.as_str();
    for i in 0..claims.len() {
        let Some(c) = claims.get(i) else { continue };
        if c.kind != Kind::Count || c.unit.is_some() || c.role == Role::PerBase {
            continue;
        }
        let range = doc.sentence_range(c.sentence);
        let before = sentence_tail(text, range.start, c.span.start);
        // "2.4 million of the 9.6 million rides": the whole names the part's noun.
        let whole = context::of_whole_after(text, c.span.end).and_then(|at| {
            claims
                .get(i + 1)
                .filter(|o| o.span.start == at && o.kind == Kind::Count && !o.unit_inferred)
                .and_then(|o| o.unit.clone())
                .filter(|u| !is_period(u))
                .or_else(|| context::of_noun_after(text, c.span.end))
        });
        // "a population of 48,200", "a town of about 9,000": the figure's own words
        // say it counts residents; that is no noun borrowed from elsewhere.
        let place_noun = if whole.is_none() {
            context::place_population(before)
        } else {
            None
        };
        let place = place_noun.is_some();
        let mut noun = whole
            .or(place_noun)
            .or_else(|| context::of_noun(before))
            .or_else(|| context::subject_noun(before));
        if noun.is_none() && c.sentence > 0 {
            let previous = doc.sentence_text(c.sentence - 1);
            noun = context::of_noun(tail(previous, previous.len(), LOOK_BACK));
        }
        if noun.is_none() && c.per.is_none() && c.role == Role::Value {
            let sentence = c.sentence;
            noun = claims
                .iter()
                .take(i)
                .rev()
                .take_while(|o| o.sentence + 1 >= sentence)
                .take(20)
                .find(|o| {
                    o.kind == Kind::Count
                        && !o.unit_inferred
                        && o.unit.as_deref().is_some_and(|u| !is_period(u))
                        && o.role != Role::PerBase
                })
                .and_then(|o| o.unit.clone());
        }
        if let (Some(n), Some(c)) = (noun, claims.get_mut(i)) {
            c.unit = Some(n.clone());
            c.noun = Some(n);
            c.unit_inferred = !place;
        }
    }
}

#[cfg(test)]
mod tests;

static PERCENT_RANGE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"(?i)^\s*(?:to|-|–)\s*(\d+(?:\.\d+)?)\s*(?:%|percent(?-u:\b)|per\s+cent(?-u:\b))",
    )
});

/// " to 3.5%" after a percentage: the high end of a range and the bytes it takes.
fn percent_range_tail(after: &str) -> Option<(f64, usize)> {
    let c = PERCENT_RANGE_TAIL.captures(after)?;
    let hi = c.get(1)?.as_str().parse::<f64>().ok()?;
    Some((hi, c.get(0)?.end()))
}

/// "average salary of", "the average fare was": an average named by its noun, right
/// before a figure.
static AVERAGE_NOUN_OF: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"(?i)(?-u:\b)average(?:\s+[a-z]+){1,2}\s+(?:of|was|is|were|are|stood\s+at|at)\s+$",
    )
});
