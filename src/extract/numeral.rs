//! Digit numerals and scale words: "6,000", "7 400 000" (NBSP or thin space), "−3.5",
//! ".75", "7.4 million", "104million", "4 hundred million", "2.91 crore", "52.68 lakh",
//! "1.2bn", "12k", "7.4M".
//!
//! One nom function per production; each returns the value and the digits as printed,
//! from which the rounding unit follows (see `interval::rounding_unit`).

use nom::{
    IResult,
    branch::alt,
    bytes::complete::{tag, tag_no_case, take_while_m_n, take_while1},
    character::complete::{char, satisfy},
    combinator::{not, opt, peek, recognize},
    multi::many1,
    sequence::{pair, preceded, terminated},
};

/// A numeral as printed.
#[derive(Debug, Clone, PartialEq)]
pub struct Numeral {
    /// Its value, scale applied.
    pub value: f64,
    /// The digits without separators or sign ("7.4", "6000").
    pub digits: String,
    /// The scale-word multiplier (1 when there is none).
    pub scale: f64,
    /// True when written with thousands separators.
    pub grouped: bool,
    /// True when a scale word or suffix followed.
    pub scaled: bool,
}

/// Characters that separate thousands: comma, no-break space, thin space, narrow no-break space.
fn is_group_separator(c: char) -> bool {
    matches!(c, ',' | '\u{a0}' | '\u{2009}' | '\u{202f}')
}

/// True for a character that may continue a word or number.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Succeeds, consuming nothing, when the input does not continue a word.
pub fn word_end(i: &str) -> IResult<&str, ()> {
    not(peek(satisfy(is_word_char)))(i)
}

/// A case-insensitive whole word.
pub fn word<'a>(w: &'static str) -> impl FnMut(&'a str) -> IResult<&'a str, &'a str> {
    let mut parser = terminated(tag_no_case(w), word_end);
    let first = w.as_bytes().first().copied();
    move |i: &'a str| {
        // Most tries fail on the first letter: test it as bytes before nom compares the
        // whole word case-insensitively, character by character.
        match (first, i.as_bytes().first()) {
            (Some(a), Some(b)) if a.is_ascii_alphabetic() && !a.eq_ignore_ascii_case(b) => Err(
                nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)),
            ),
            _ => parser(i),
        }
    }
}

/// One or more spaces of any Unicode kind, but not a line break.
pub fn space(i: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_whitespace() && c != '\n' && c != '\r')(i)
}

// sign := '-' | '−' | '+'
fn sign(i: &str) -> IResult<&str, f64> {
    alt((
        nom::combinator::value(-1.0, alt((tag("-"), tag("−")))),
        nom::combinator::value(1.0, tag("+")),
    ))(i)
}

fn digit(i: &str) -> IResult<&str, char> {
    satisfy(|c| c.is_ascii_digit())(i)
}

// grouped := d{1,3} (sep d{3})+   — and no digit right after the last group
fn grouped(i: &str) -> IResult<&str, &str> {
    terminated(
        recognize(pair(
            take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
            many1(preceded(
                satisfy(is_group_separator),
                take_while_m_n(3, 3, |c: char| c.is_ascii_digit()),
            )),
        )),
        not(peek(digit)),
    )(i)
}

fn plain_digits(i: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_ascii_digit())(i)
}

// fraction_part := '.' d+
fn fraction_part(i: &str) -> IResult<&str, &str> {
    preceded(char('.'), take_while1(|c: char| c.is_ascii_digit()))(i)
}

// unsigned := grouped fraction_part? | d+ fraction_part? | fraction_part
fn unsigned(i: &str) -> IResult<&str, (String, bool)> {
    if let Ok((rest, int)) = grouped(i) {
        let (rest, frac) = opt(fraction_part)(rest)?;
        let digits: String = int.chars().filter(|c| c.is_ascii_digit()).collect();
        return Ok((rest, (join(&digits, frac), true)));
    }
    if let Ok((rest, int)) = plain_digits(i) {
        let (rest, frac) = opt(fraction_part)(rest)?;
        return Ok((rest, (join(int, frac), false)));
    }
    let (rest, frac) = fraction_part(i)?;
    Ok((rest, (format!("0.{frac}"), false)))
}

fn join(int: &str, frac: Option<&str>) -> String {
    match frac {
        Some(f) => format!("{int}.{f}"),
        None => int.to_string(),
    }
}

/// Scale words, spelled out, with the Indian "lakh" (100,000) and "crore" (10,000,000).
pub const SCALE_WORDS: &[(&str, f64)] = &[
    ("trillion", 1e12),
    ("billion", 1e9),
    ("million", 1e6),
    ("crores", 1e7),
    ("crore", 1e7),
    ("lakhs", 1e5),
    ("lakh", 1e5),
    ("thousand", 1e3),
    ("hundred", 1e2),
];

/// One spelled-out scale word, after a space or touching the digits ("104million").
fn one_scale_word(i: &str) -> IResult<&str, f64> {
    let (rest, _) = opt(space)(i)?;
    for (w, v) in SCALE_WORDS {
        if let Ok((r, _)) = word(w)(rest) {
            return Ok((r, *v));
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Tag,
    )))
}

/// A spelled-out scale word, and larger ones stacked on it: "million", "hundred million",
/// "lakh crore".
// scale_word := space? scale (space scale')*   — each later scale larger than the one before
pub fn scale_word(i: &str) -> IResult<&str, f64> {
    let (mut rest, mut scale) = one_scale_word(i)?;
    let mut last = scale;
    while let Ok((r, s)) = preceded(space, one_scale_word)(rest) {
        if s <= last {
            break;
        }
        scale *= s;
        last = s;
        rest = r;
    }
    Ok((rest, scale))
}

// scale_suffix := space? ("tn" | "bn" | "bln" | "mn" | "mln")  |  ("M" | "B" | "k" | "K" | "m" | "b")
// The one-letter forms must touch the digits; "m" and "b" count only next to a currency
// ("£40m"), since "40m" alone is more often metres.
fn scale_suffix(money: bool) -> impl FnMut(&str) -> IResult<&str, f64> {
    move |i: &str| {
        let (after_space, _) = opt(space)(i)?;
        for (w, v) in [
            ("tn", 1e12),
            ("bn", 1e9),
            ("bln", 1e9),
            ("mn", 1e6),
            ("mln", 1e6),
            ("mil", 1e6),
        ] {
            if let Ok((r, _)) = word(w)(after_space) {
                return Ok((r, v));
            }
        }
        let one: IResult<&str, char> = terminated(
            satisfy(|c| matches!(c, 'M' | 'B' | 'k' | 'K' | 'm' | 'b')),
            word_end,
        )(i);
        match one {
            Ok((r, 'M')) => Ok((r, 1e6)),
            Ok((r, 'B')) => Ok((r, 1e9)),
            Ok((r, 'k' | 'K')) => Ok((r, 1e3)),
            Ok((r, 'm')) if money => Ok((r, 1e6)),
            Ok((r, 'b')) if money => Ok((r, 1e9)),
            _ => Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Tag,
            ))),
        }
    }
}

// numeral := sign? unsigned (scale_word | scale_suffix)?
/// A digit numeral with optional sign and scale; `money` allows the "m"/"b" suffixes.
pub fn numeral(money: bool) -> impl FnMut(&str) -> IResult<&str, Numeral> {
    move |i: &str| {
        let (i, sgn) = opt(sign)(i)?;
        let (i, (digits, grouped)) = unsigned(i)?;
        let (i, scale) = match alt((scale_word, scale_suffix(money)))(i) {
            Ok((r, s)) => (r, Some(s)),
            Err(_) => (i, None),
        };
        let base: f64 = digits.parse().unwrap_or(f64::NAN);
        let value = sgn.unwrap_or(1.0) * base * scale.unwrap_or(1.0);
        Ok((
            i,
            Numeral {
                value,
                digits,
                scale: scale.unwrap_or(1.0),
                grouped,
                scaled: scale.is_some(),
            },
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn val(s: &str) -> (f64, &str) {
        match numeral(true)(s) {
            Ok((rest, n)) => (n.value, rest),
            Err(_) => (f64::NAN, s),
        }
    }

    #[test]
    fn numerals_and_remainders() {
        assert_eq!(val("6,000 officers"), (6000.0, " officers"));
        assert_eq!(val("7\u{a0}400\u{a0}000 x"), (7_400_000.0, " x"));
        assert_eq!(val("7\u{2009}400\u{2009}000"), (7_400_000.0, ""));
        assert_eq!(val("7.4 million cases"), (7_400_000.0, " cases"));
        assert_eq!(val("1.2bn."), (1.2e9, "."));
        assert_eq!(val("12k"), (12_000.0, ""));
        assert_eq!(val("7.4M"), (7_400_000.0, ""));
        assert_eq!(val("−3.5"), (-3.5, ""));
        assert_eq!(val(".75"), (0.75, ""));
        assert_eq!(val("40m"), (40e6, ""));
        assert_eq!(val("1,234.5"), (1234.5, ""));
        assert_eq!(val("104million in"), (104e6, " in"));
        assert_eq!(val("4 hundred million people"), (4e8, " people"));
        assert_eq!(val("2.91 crore cases"), (29_100_000.0, " cases"));
        assert_eq!(val("52.68 lakh"), (5_268_000.0, ""));
        assert_eq!(val("3 lakh crore"), (3e12, ""));
        assert_eq!(val("2.5K each"), (2500.0, " each"));
    }

    #[test]
    fn scale_words_end_at_a_word_boundary() {
        // "5 millionaires", "40 hundredths": not scale words.
        assert_eq!(val("5 millionaires"), (5.0, " millionaires"));
        assert_eq!(val("12 thousandths"), (12.0, " thousandths"));
        // A smaller scale after a larger one is not stacked: "2 million hundred" stops.
        assert_eq!(val("2 million hundred"), (2e6, " hundred"));
    }

    #[test]
    fn bad_groups_fall_back_to_plain_digits() {
        // "12,34" is not a thousands group: only "12" is the numeral.
        assert_eq!(val("12,34"), (12.0, ",34"));
        assert!(numeral(false)("40m").map(|(r, _)| r == "m").unwrap_or(false));
        assert!(numeral(false)("abc").is_err());
    }
}
