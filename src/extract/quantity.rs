//! The composite number grammar: a numeral or number words with what binds to them —
//! currency, percent, multiplier suffixes, ranges — parsed forward from a candidate
//! position the scanner found.
//!
//! ```text
//! quantity   := multiplier_word
//!             | currency numeral range_tail?
//!             | numeral range_tail? suffix?
//!             | duration_word
//!             | vague_plural
//!             | word_number suffix?
//! range_tail := space? ('-' | '–' | '—') space? currency? numeral | space "to" space currency? numeral
//! suffix     := percent | money_word | "-cent" | times | fold | 'x' | space "decade" 's'?
//! ```
//!
//! Money in cents is money in its currency's base unit: "67 cents" is USD 0.67.

use super::numeral::{Numeral, is_word_char, numeral, space, word, word_end};
use super::words::word_number;
use crate::claim::Kind;
use crate::interval::rounding_unit;
use nom::{
    IResult,
    branch::alt,
    bytes::complete::{tag, tag_no_case},
    combinator::opt,
    error::{Error, ErrorKind},
};

/// What the grammar read at one position.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// Bytes consumed.
    pub len: usize,
    /// What sort of figure.
    pub kind: Kind,
    /// The value as printed (the low end for a range).
    pub value: f64,
    /// Its rounding unit.
    pub unit: f64,
    /// The place of its last non-zero digit, which a bound reaches to ("more than 50
    /// percent" reaches 60 though "50 percent" is read to the unit).
    pub step: f64,
    /// The high end of a range and its rounding unit.
    pub high: Option<(f64, f64)>,
    /// ISO code of the currency, for money.
    pub currency: Option<&'static str>,
    /// The unit the grammar itself fixed: "percent", "percentage point", "cent", "times".
    pub fixed_unit: Option<&'static str>,
    /// For a bare integer numeral ("2021"): its digits, to tell years from counts.
    pub bare_integer: Option<String>,
    /// True for a multiplier written as a verb ("doubled") or a word ("twice").
    pub multiplier_word: bool,
    /// The scale word's multiplier when one was written ("million" → 1e6).
    pub scale: Option<f64>,
    /// True for "N times", "twice", "thrice": a multiplier, or a count of occasions ("won
    /// the title three times") that the words around it tell apart.
    pub occasions: bool,
    /// True for a vague plural without "of" ("Hundreds were hurt"): a quantity only where
    /// its place in the sentence says so.
    pub bare_vague: bool,
}

impl Parsed {
    /// A plain figure read from `len` bytes: no range, currency, unit or scale yet.
    fn plain(len: usize, kind: Kind, value: f64, unit: f64) -> Parsed {
        Parsed {
            len,
            kind,
            value,
            unit,
            step: unit,
            high: None,
            currency: None,
            fixed_unit: None,
            bare_integer: None,
            multiplier_word: false,
            scale: None,
            occasions: false,
            bare_vague: false,
        }
    }
}

fn fail<T>(i: &str) -> IResult<&str, T> {
    Err(nom::Err::Error(Error::new(i, ErrorKind::Tag)))
}

/// Currency prefixes, longest first.
const CURRENCY_PREFIX: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("$US", "USD"),
    ("NT$", "TWD"),
    ("S$", "SGD"),
    ("R$", "BRL"),
    ("RM", "MYR"),
    ("NZ$", "NZD"),
    ("HK$", "HKD"),
    ("C$", "CAD"),
    ("A$", "AUD"),
    ("$A", "AUD"),
    ("$", "USD"),
    ("£", "GBP"),
    ("€", "EUR"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("AUD", "AUD"),
    ("CAD", "CAD"),
    ("INR", "INR"),
    ("JPY", "JPY"),
    ("CHF", "CHF"),
    ("CNY", "CNY"),
];

/// Currency words after a figure: the word, its ISO code, the unit recorded when it is not
/// the currency itself, and the factor to the currency's base unit ("cents" → 0.01 USD).
const CURRENCY_WORDS: &[(&str, &str, Option<&str>, f64)] = &[
    ("dollars", "USD", None, 1.0),
    ("dollar", "USD", None, 1.0),
    ("euros", "EUR", None, 1.0),
    ("euro", "EUR", None, 1.0),
    ("yen", "JPY", None, 1.0),
    ("rupees", "INR", None, 1.0),
    ("rupee", "INR", None, 1.0),
    ("cents", "USD", None, 0.01),
    ("cent", "USD", None, 0.01),
    ("pence", "GBP", Some("penny"), 1.0),
];

/// Multiplier words and the factor each one states.
pub const MULTIPLIER_WORDS: &[(&str, f64)] = &[
    ("doubled", 2.0),
    ("doubling", 2.0),
    ("doubles", 2.0),
    ("tripled", 3.0),
    ("tripling", 3.0),
    ("triples", 3.0),
    ("trebled", 3.0),
    ("quadrupled", 4.0),
    ("quadrupling", 4.0),
    ("quintupled", 5.0),
    ("halved", 0.5),
    ("halving", 0.5),
    ("twice", 2.0),
    ("thrice", 3.0),
    ("twofold", 2.0),
    ("threefold", 3.0),
    ("fourfold", 4.0),
    ("fivefold", 5.0),
    ("sixfold", 6.0),
    ("sevenfold", 7.0),
    ("eightfold", 8.0),
    ("ninefold", 9.0),
    ("tenfold", 10.0),
    ("hundredfold", 100.0),
];

// currency := one of CURRENCY_PREFIX, the three-letter codes followed by a space
fn currency(i: &str) -> IResult<&str, &'static str> {
    for (p, code) in CURRENCY_PREFIX {
        if let Ok((r, _)) = tag::<_, _, Error<&str>>(*p)(i) {
            // A three-letter code takes a space or touches the digits: "USD 10", "USD10m".
            if p.len() == 3 && p.chars().all(|c| c.is_ascii_uppercase()) {
                let (r2, _) = opt(space)(r)?;
                if !r2.starts_with(|c: char| c.is_ascii_digit()) {
                    return fail(i);
                }
                return Ok((r2, code));
            }
            let (r2, _) = opt(space)(r)?;
            return Ok((r2, code));
        }
    }
    fail(i)
}

/// "double", "triple", "quadruple": a multiplier only before what they multiply or at the
/// end of a clause ("nearly triple the 2019 level", "expected to double by 2030"), not as an
/// adjective ("double standard", "triple crown"). A determiner before them ("a double") is
/// checked by the caller.
const BARE_MULTIPLIERS: &[(&str, f64)] = &[("double", 2.0), ("triple", 3.0), ("quadruple", 4.0)];

/// Words after "double"/"triple" that make it a multiplier.
const MULTIPLIED: &[&str] = &[
    "the", "that", "those", "these", "this", "its", "their", "his", "her", "our", "your", "what", "in",
    "over", "since", "from", "by", "to", "last", "previous", "earlier",
];

// multiplier_word := "doubled" | "tripled" | … | ("double" | "triple" | "quadruple") &(MULTIPLIED | punctuation)
fn multiplier_word(i: &str) -> IResult<&str, (f64, f64)> {
    // Every word of the table starts with a letter; most candidates start with a digit.
    if !i.starts_with(|c: char| c.is_alphabetic()) {
        return fail(i);
    }
    for (w, f) in MULTIPLIER_WORDS {
        if let Ok((r, _)) = word(w)(i) {
            return Ok((r, (*f, 1.0)));
        }
    }
    for (w, f) in BARE_MULTIPLIERS {
        if let Ok((r, _)) = word(w)(i) {
            let at_end = r.is_empty() || r.starts_with(['.', ',', ';', ':', ')', '"', '”']);
            let before = space(r).ok().is_some_and(|(r2, _)| {
                let next: String = r2
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect::<String>()
                    .to_lowercase();
                MULTIPLIED.contains(&next.as_str())
            });
            if at_end || before {
                return Ok((r, (*f, 1.0)));
            }
        }
    }
    fail(i)
}

// percent := space? '%' | space ("percent" | "per cent" | "pct") | space "percentage point" 's'?
fn percent(i: &str) -> IResult<&str, &'static str> {
    if let Ok((r, _)) = opt(space)(i).and_then(|(r, _)| tag::<_, _, Error<&str>>("%")(r)) {
        return Ok((r, "percent"));
    }
    let (r, _) = space(i)?;
    if let Ok((r2, _)) = alt((
        word("percentage points"),
        word("percentage point"),
        word("percentage-points"),
    ))(r)
    {
        return Ok((r2, "percentage point"));
    }
    if let Ok((r2, _)) = alt((word("percent"), word("per cent"), word("pct"), word("percentage")))(r) {
        return Ok((r2, "percent"));
    }
    fail(i)
}

/// A currency word: its code, the unit recorded when not the currency, the factor.
type MoneyWord = (&'static str, Option<&'static str>, f64);

// money_word := space ("dollars" | "euros" | "cents" | …) | "-cent"
fn money_word(i: &str) -> IResult<&str, MoneyWord> {
    // "a 25-cent fare", "a 12-cent-a-share dividend"
    if let Ok((r, _)) = tag::<_, _, Error<&str>>("-")(i).and_then(|(r, _)| word("cent")(r)) {
        return Ok((r, ("USD", None, 0.01)));
    }
    let (r, _) = space(i)?;
    if !r.starts_with(|c: char| c.is_alphabetic()) {
        return fail(i);
    }
    for (w, code, unit, factor) in CURRENCY_WORDS {
        if let Ok((r2, _)) = word(w)(r) {
            return Ok((r2, (*code, *unit, *factor)));
        }
    }
    fail(i)
}

// decades := space ("decades" | "decade")   — "two decades" is 20 years
fn decades(i: &str) -> IResult<&str, ()> {
    let (r, _) = space(i)?;
    let (r, _) = alt((word("decades"), word("decade")))(r)?;
    Ok((r, ()))
}

// times := space "times" — not "three times a week", which counts occasions
fn times(i: &str) -> IResult<&str, ()> {
    let (r, _) = space(i)?;
    let (r, _) = word("times")(r)?;
    let frequency = space(r).and_then(|(r2, _)| {
        alt((
            word("a"),
            word("an"),
            word("per"),
            word("each"),
            word("every"),
            word("in"),
        ))(r2)
    });
    if frequency.is_ok() {
        return fail(i);
    }
    Ok((r, ()))
}

// fold := '-'? "fold" | 'x' (touching the digits)
fn fold(i: &str) -> IResult<&str, ()> {
    if let Ok((r, _)) = opt(tag("-"))(i).and_then(|(r, _)| word("fold")(r)) {
        return Ok((r, ()));
    }
    let (r, _) = tag_no_case("x")(i)?;
    let (r, _) = word_end(r)?;
    Ok((r, ()))
}

// range_tail := space? ('-' | '–' | '—') space? currency? numeral | space "to" space currency? numeral
fn range_tail(money: bool) -> impl FnMut(&str) -> IResult<&str, Numeral> {
    move |i: &str| {
        let dash = opt(space)(i)
            .and_then(|(r, _)| alt((tag("-"), tag("–"), tag("—")))(r))
            .and_then(|(r, _)| opt(space)(r));
        let r = match dash {
            Ok((r, _)) => r,
            Err(_) => {
                space(i)
                    .and_then(|(r, _)| word("to")(r))
                    .and_then(|(r, _)| space(r))?
                    .0
            }
        };
        let (r, _) = opt(currency)(r)?;
        let (r, n) = numeral(money)(r)?;
        if r.starts_with(|c: char| c.is_ascii_digit()) {
            return fail(i);
        }
        Ok((r, n))
    }
}

fn consumed(start: &str, rest: &str) -> usize {
    start.len() - rest.len()
}

/// Parse a quantity at the start of `i`. `allow_to_range` is false after "from", where
/// "from 300 to 400" is a change and not a range.
pub fn quantity(i: &str, allow_to_range: bool) -> Option<Parsed> {
    if let Ok((r, (f, unit))) = multiplier_word(i) {
        let occasions = word("twice")(i).is_ok() || word("thrice")(i).is_ok();
        return Some(Parsed {
            fixed_unit: Some("times"),
            multiplier_word: true,
            occasions,
            ..Parsed::plain(consumed(i, r), Kind::Multiplier, f, unit)
        });
    }
    if let Ok((r, code)) = currency(i) {
        let (r, n) = numeral(true)(r).ok()?;
        let mut p = from_numeral(i, r, &n, Kind::Money);
        p.currency = Some(code);
        p.bare_integer = None;
        return Some(with_range(i, p, true, allow_to_range));
    }
    if let Some(p) = digit_fraction(i) {
        return Some(p);
    }
    if let Ok((r, n)) = numeral(false)(i) {
        let p = from_numeral(i, r, &n, Kind::Count);
        let p = with_range(i, p, false, allow_to_range);
        return Some(with_suffix(i, p));
    }
    if let Some(p) = duration_word(i) {
        return Some(p);
    }
    if let Some(p) = several(i).or_else(|| digit_count(i)) {
        return Some(p);
    }
    if let Some(p) = vague_plural(i) {
        return Some(p);
    }
    if let Ok((r, w)) = word_number(i) {
        let kind = if w.fraction { Kind::Fraction } else { Kind::Count };
        let p = Parsed::plain(consumed(i, r), kind, w.value, w.unit);
        let p = with_word_range(i, p, allow_to_range);
        if w.fraction {
            // "a quarter-cent sales tax": a fraction of a cent is money.
            if let Ok((r2, (code, _, factor))) = money_word(r) {
                return Some(Parsed {
                    currency: Some(code),
                    ..Parsed::plain(consumed(i, r2), Kind::Money, w.value * factor, w.unit * factor)
                });
            }
            return Some(p);
        }
        return Some(with_suffix(i, p));
    }
    None
}

// several := ("several" | "a" space "few") space ("hundred" | "thousand" | "million" | "billion")
/// "several hundred" is 300–900, "a few thousand" 2,000–5,000: a range of the scale.
fn several(i: &str) -> Option<Parsed> {
    if !i.starts_with(['s', 'S', 'a', 'A']) {
        return None;
    }
    let (r, (low, high)) = word("several")(i)
        .map(|(r, _)| (r, (3.0, 9.0)))
        .or_else(|_| {
            word("a")(i)
                .and_then(|(r, _)| space(r))
                .and_then(|(r, _)| word("few")(r))
                .map(|(r, _)| (r, (2.0, 5.0)))
        })
        .ok()?;
    let (r, _) = space(r).ok()?;
    let (r, scale) = ["hundred", "thousand", "million", "billion"]
        .iter()
        .zip([1e2, 1e3, 1e6, 1e9])
        .find_map(|(w, s)| word(w)(r).ok().map(|(r2, _)| (r2, s)))?;
    Some(Parsed {
        high: Some((high * scale, scale)),
        ..Parsed::plain(consumed(i, r), Kind::Count, low * scale, scale)
    })
}

// digit_count := ("single" | "double" | "triple") ('-' | space) "digit" 's'?
/// "double-digit gains" is 10–99, "triple digits" 100–999, "single-digit" 1–9; followed by
/// "percent"/"percentage", a percentage.
fn digit_count(i: &str) -> Option<Parsed> {
    if !i.starts_with(['s', 'S', 'd', 'D', 't', 'T']) {
        return None;
    }
    let (r, (low, high)) = [
        ("single", (1.0, 9.0)),
        ("double", (10.0, 99.0)),
        ("triple", (100.0, 999.0)),
    ]
    .iter()
    .find_map(|(w, range)| word(w)(i).ok().map(|(r, _)| (r, *range)))?;
    let (r, _) = alt((tag("-"), space))(r).ok()?;
    let (r, _) = alt((word("digits"), word("digit")))(r).ok()?;
    let percent = space(r)
        .and_then(|(r2, _)| alt((word("percent"), word("percentage"), word("per cent")))(r2))
        .is_ok();
    Some(Parsed {
        high: Some((high, 1.0)),
        fixed_unit: percent.then_some("percent"),
        ..Parsed::plain(
            consumed(i, r),
            if percent { Kind::Percent } else { Kind::Count },
            low,
            1.0,
        )
    })
}

// duration_word := ("a" space)? "decade" "-long"? | "decades" "-long"?
/// A decade is ten years: "a decade", "the past decade", "decade-long"; "decades" is a vague
/// 20–90 years. The unit is the year, so durations link with "10 years", not with counts.
fn duration_word(i: &str) -> Option<Parsed> {
    if !i.starts_with(['a', 'A', 'd', 'D']) {
        return None;
    }
    let long = |r: &str| -> usize {
        tag::<_, _, Error<&str>>("-")(r)
            .and_then(|(r2, _)| word("long")(r2))
            .map_or(0, |(r2, _)| r.len() - r2.len())
    };
    let after_a = word("a")(i).and_then(|(r, _)| space(r)).map_or(i, |(r, _)| r);
    if let Ok((r, _)) = word("decade")(after_a) {
        let len = consumed(i, r) + long(r);
        return Some(Parsed {
            fixed_unit: Some("year"),
            ..Parsed::plain(len, Kind::Count, 10.0, 1.0)
        });
    }
    let (r, _) = word("decades")(i).ok()?;
    Some(Parsed {
        fixed_unit: Some("year"),
        high: Some((90.0, 10.0)),
        ..Parsed::plain(consumed(i, r) + long(r), Kind::Count, 20.0, 10.0)
    })
}

// digit_fraction := d+ ('/' | '⁄') d+   — "1/16 of a pint", "3/4 cup"; the denominator is
// the larger, so "24/7" and dates never match.
fn digit_fraction(i: &str) -> Option<Parsed> {
    let (r, num) = nom::character::complete::digit1::<_, Error<&str>>(i).ok()?;
    let (r, _) = alt((tag::<_, _, Error<&str>>("/"), tag("⁄")))(r).ok()?;
    let (r, den) = nom::character::complete::digit1::<_, Error<&str>>(r).ok()?;
    if r.starts_with(|c: char| c.is_ascii_digit() || c == '/') {
        return None;
    }
    let (n, d): (f64, f64) = (num.parse().ok()?, den.parse().ok()?);
    if !(n >= 1.0 && d > n && d <= 1000.0) {
        return None;
    }
    Some(Parsed::plain(consumed(i, r), Kind::Fraction, n / d, 0.0))
}

/// Vague plurals and the ranges they name: "dozens of" 12–120, "hundreds of" 100–1,000,
/// "tens of thousands of" 10,000–100,000, "millions of" 1–10 million.
const VAGUE: &[(&str, f64, f64)] = &[
    ("tens of thousands", 1e4, 1e5),
    ("hundreds of thousands", 1e5, 1e6),
    ("tens of millions", 1e7, 1e8),
    ("hundreds of millions", 1e8, 1e9),
    ("tens of billions", 1e10, 1e11),
    ("hundreds of billions", 1e11, 1e12),
    ("dozens", 12.0, 120.0),
    ("hundreds", 1e2, 1e3),
    ("thousands", 1e3, 1e4),
    ("millions", 1e6, 1e7),
    ("billions", 1e9, 1e10),
];

// vague_plural := VAGUE-phrase (space "of")?
/// "Thousands of people"; without "of" ("Hundreds were hurt", "the thousands") the caller
/// decides from the sentence (`bare_vague`).
fn vague_plural(i: &str) -> Option<Parsed> {
    VAGUE.iter().find_map(|(phrase, low, high)| {
        let mut rest = i;
        for (n, w) in phrase.split(' ').enumerate() {
            if n > 0 {
                rest = space(rest).ok()?.0;
            }
            rest = word(w)(rest).ok()?.0;
        }
        let of = space(rest).and_then(|(r, _)| word("of")(r)).is_ok();
        Some(Parsed {
            high: Some((*high, *high)),
            bare_vague: !of,
            ..Parsed::plain(consumed(i, rest), Kind::Count, *low, *low)
        })
    })
}

/// True when `i` starts with a vague plural: "millions of trips", "hundreds".
pub fn is_vague(i: &str) -> bool {
    i.starts_with(char::is_alphabetic) && vague_plural(i).is_some()
}

/// True when `i` starts with "double", "triple" or "quadruple" as a word.
pub fn is_bare_multiplier(i: &str) -> bool {
    BARE_MULTIPLIERS.iter().any(|(w, _)| word(w)(i).is_ok())
}

fn from_numeral(start: &str, rest: &str, n: &Numeral, kind: Kind) -> Parsed {
    let bare = !n.grouped && !n.scaled && !n.digits.contains('.') && !start.starts_with(['-', '−', '+']);
    Parsed {
        bare_integer: bare.then(|| n.digits.clone()),
        scale: n.scaled.then_some(n.scale),
        ..Parsed::plain(
            consumed(start, rest),
            kind,
            n.value,
            rounding_unit(&n.digits, n.scale),
        )
    }
}

fn with_range(start: &str, mut p: Parsed, money: bool, allow_to_range: bool) -> Parsed {
    let rest = start.get(p.len..).unwrap_or("");
    let Ok((r, hi)) = range_tail(money)(rest) else {
        return p;
    };
    let by_to = !rest.trim_start().starts_with(['-', '–', '—']);
    if by_to && !allow_to_range {
        return p;
    }
    // "12-16 from the field": made and attempted, two counts, not a range.
    if !by_to
        && super::hedge::head_lower(r.trim_start(), 8).starts_with("from ")
        && !rest.starts_with(char::is_whitespace)
    {
        return p;
    }
    let mut low = p.value;
    let mut low_unit = p.unit;
    // "3-4 million": the second figure's scale applies to the first.
    let mut shared_scale = None;
    if hi.scaled && p.unit >= 1.0 && p.value.abs() < hi.value.abs() / 10.0 {
        low *= hi.scale;
        low_unit *= hi.scale;
        shared_scale = Some(hi.scale);
    }
    if low.partial_cmp(&hi.value) != Some(std::cmp::Ordering::Less) {
        return p;
    }
    // "by $43.6 billion to $419.2 billion" is a change and a new level, not a range: a
    // range written with "to" spans at most a factor of five.
    if by_to && low > 0.0 && hi.value / low > 5.0 {
        return p;
    }
    p.value = low;
    p.unit = low_unit;
    p.scale = p.scale.or(shared_scale);
    p.high = Some((hi.value, rounding_unit(&hi.digits, hi.scale)));
    p.len = consumed(start, r);
    p.bare_integer = None;
    p
}

// word_range := space "to" space (word_number | numeral)   — "four to five thousand"
/// A range whose ends are written in words: "four to five thousand" is 4,000–5,000, "seven
/// to 10" is 7–10. The second figure's scale applies to the first, as in "3-4 million".
fn with_word_range(start: &str, mut p: Parsed, allow_to_range: bool) -> Parsed {
    if !allow_to_range || p.kind != Kind::Count {
        return p;
    }
    let rest = start.get(p.len..).unwrap_or("");
    let Ok((r, _)) = space(rest)
        .and_then(|(r, _)| word("to")(r))
        .and_then(|(r, _)| space(r))
    else {
        return p;
    };
    let (r, hi, hi_unit, hi_scale) = if let Ok((r2, w)) = word_number(r) {
        if w.fraction {
            return p;
        }
        (r2, w.value, w.unit, if w.unit >= 1000.0 { w.unit } else { 1.0 })
    } else if let Ok((r2, n)) = numeral(false)(r) {
        (r2, n.value, rounding_unit(&n.digits, n.scale), n.scale)
    } else {
        return p;
    };
    // "two to three times": a multiplier after a count, not a range of counts.
    if times(r).is_ok() || fold(r).is_ok() {
        return p;
    }
    let (mut low, mut low_unit) = (p.value, p.unit);
    if hi_scale > 1.0 && low < hi / hi_scale * 10.0 {
        low *= hi_scale;
        low_unit *= hi_scale;
    }
    if !(low < hi && hi / low.max(f64::MIN_POSITIVE) <= 5.0) {
        return p;
    }
    p.value = low;
    p.unit = low_unit;
    p.high = Some((hi, hi_unit));
    p.scale = (hi_scale > 1.0).then_some(hi_scale);
    p.len = consumed(start, r);
    p
}

fn with_suffix(start: &str, mut p: Parsed) -> Parsed {
    let rest = start.get(p.len..).unwrap_or("");
    if let Ok((r, unit)) = percent(rest) {
        // Percentages are read to their last printed digit: "20%" is 19.5–20.5.
        p.step = p.unit;
        if p.scale.is_none() && p.unit > 1.0 {
            p.unit = 1.0;
        }
        p.kind = Kind::Percent;
        p.fixed_unit = Some(unit);
        p.len = consumed(start, r);
        p.bare_integer = None;
    } else if let (Kind::Count, Ok((r, (code, unit, factor)))) = (p.kind, money_word(rest)) {
        p.kind = Kind::Money;
        p.currency = Some(code);
        p.fixed_unit = unit;
        p.value *= factor;
        p.unit *= factor;
        p.high = p.high.map(|(h, u)| (h * factor, u * factor));
        p.len = consumed(start, r);
        p.bare_integer = None;
    } else if let Ok((r, _)) = times(rest) {
        if p.high.is_none() {
            p.kind = Kind::Multiplier;
            p.fixed_unit = Some("times");
            p.occasions = true;
            p.len = consumed(start, r);
            p.bare_integer = None;
        }
    } else if let Ok((r, _)) = fold(rest) {
        if p.high.is_none() {
            p.kind = Kind::Multiplier;
            p.fixed_unit = Some("times");
            p.len = consumed(start, r);
            p.bare_integer = None;
        }
    } else if let (Kind::Count, Ok((r, _))) = (p.kind, decades(rest)) {
        p.value *= 10.0;
        p.unit *= 10.0;
        p.high = p.high.map(|(h, u)| (h * 10.0, u * 10.0));
        p.fixed_unit = Some("year");
        p.len = consumed(start, r);
        p.bare_integer = None;
    }
    p
}

/// True when the parsed text is glued to a following word character ("3D", "12px"),
/// which makes it a label rather than a figure.
pub fn glued_to_word(text: &str, end: usize) -> bool {
    text.get(end..)
        .and_then(|s| s.chars().next())
        .is_some_and(is_word_char)
}
