//! The composite number grammar: a numeral or number words with what binds to them —
//! currency, percent, multiplier suffixes, ranges — parsed forward from a candidate
//! position the scanner found.
//!
//! ```text
//! quantity   := multiplier_word
//!             | currency numeral range_tail?
//!             | numeral range_tail? suffix?
//!             | word_number suffix?
//! range_tail := space? ('-' | '–' | '—') space? currency? numeral | space "to" space currency? numeral
//! suffix     := percent | money_word | times | fold | 'x'
//! ```

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
}

impl Parsed {
    /// A plain figure read from `len` bytes: no range, currency, unit or scale yet.
    fn plain(len: usize, kind: Kind, value: f64, unit: f64) -> Parsed {
        Parsed {
            len,
            kind,
            value,
            unit,
            high: None,
            currency: None,
            fixed_unit: None,
            bare_integer: None,
            multiplier_word: false,
            scale: None,
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
    ("$", "USD"),
    ("£", "GBP"),
    ("€", "EUR"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("$A", "AUD"),
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

/// Currency words after a figure.
const CURRENCY_WORDS: &[(&str, &str, Option<&str>)] = &[
    ("dollars", "USD", None),
    ("dollar", "USD", None),
    ("euros", "EUR", None),
    ("euro", "EUR", None),
    ("yen", "JPY", None),
    ("cents", "USD", Some("cent")),
    ("cent", "USD", Some("cent")),
    ("pence", "GBP", Some("penny")),
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

// multiplier_word := "doubled" | "tripled" | … | word_number? ("fold" | "-fold")
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

// money_word := space ("dollars" | "euros" | "cents" | …)
fn money_word(i: &str) -> IResult<&str, (&'static str, Option<&'static str>)> {
    let (r, _) = space(i)?;
    if !r.starts_with(|c: char| c.is_alphabetic()) {
        return fail(i);
    }
    for (w, code, unit) in CURRENCY_WORDS {
        if let Ok((r2, _)) = word(w)(r) {
            return Ok((r2, (*code, *unit)));
        }
    }
    fail(i)
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
        return Some(Parsed {
            fixed_unit: Some("times"),
            multiplier_word: true,
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
    if let Some(p) = vague_plural(i) {
        return Some(p);
    }
    if let Ok((r, w)) = word_number(i) {
        let kind = if w.fraction { Kind::Fraction } else { Kind::Count };
        let p = Parsed::plain(consumed(i, r), kind, w.value, w.unit);
        if w.fraction {
            return Some(p);
        }
        return Some(with_suffix(i, p));
    }
    None
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

// vague_plural := VAGUE-phrase space "of"
fn vague_plural(i: &str) -> Option<Parsed> {
    VAGUE.iter().find_map(|(phrase, low, high)| {
        let mut rest = i;
        for (n, w) in phrase.split(' ').enumerate() {
            if n > 0 {
                rest = space(rest).ok()?.0;
            }
            rest = word(w)(rest).ok()?.0;
        }
        // Only "… of": "thousands of people", not "the thousands".
        let (_, _) = space(rest).and_then(|(r, _)| word("of")(r)).ok()?;
        Some(Parsed {
            high: Some((*high, *high)),
            ..Parsed::plain(consumed(i, rest), Kind::Count, *low, *low)
        })
    })
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
    if hi.scaled && p.unit >= 1.0 && p.value.abs() < hi.value.abs() / 10.0 {
        low *= hi.scale;
        low_unit *= hi.scale;
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
    p.high = Some((hi.value, rounding_unit(&hi.digits, hi.scale)));
    p.len = consumed(start, r);
    p.bare_integer = None;
    p
}

fn with_suffix(start: &str, mut p: Parsed) -> Parsed {
    let rest = start.get(p.len..).unwrap_or("");
    if let Ok((r, unit)) = percent(rest) {
        // Percentages are read to their last printed digit: "20%" is 19.5–20.5.
        if p.scale.is_none() && p.unit > 1.0 {
            p.unit = 1.0;
        }
        p.kind = Kind::Percent;
        p.fixed_unit = Some(unit);
        p.len = consumed(start, r);
        p.bare_integer = None;
    } else if let (Kind::Count, Ok((r, (code, unit)))) = (p.kind, money_word(rest)) {
        p.kind = Kind::Money;
        p.currency = Some(code);
        p.fixed_unit = unit;
        p.len = consumed(start, r);
        p.bare_integer = None;
    } else if let Ok((r, _)) = alt((times, fold))(rest) {
        if p.high.is_none() {
            p.kind = Kind::Multiplier;
            p.fixed_unit = Some("times");
            p.len = consumed(start, r);
            p.bare_integer = None;
        }
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
