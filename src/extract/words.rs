//! Numbers written as words: "seven", "twenty-three", "one hundred and five",
//! "a dozen", "half a million", "a million", "two and a half", "a quarter-million", and
//! fractions: "a quarter", "three-quarters", "two-thirds", "a third", "one in five",
//! "one out of three".

use super::numeral::{SCALE_WORDS, space, word, word_end};
use nom::{
    IResult,
    branch::alt,
    bytes::complete::tag,
    combinator::opt,
    error::{Error, ErrorKind},
};

const UNITS: &[(&str, u64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

const TENS: &[(&str, u64)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Denominator words, singular and plural.
const DENOMINATORS: &[(&str, f64)] = &[
    ("halves", 2.0),
    ("half", 2.0),
    ("thirds", 3.0),
    ("third", 3.0),
    ("quarters", 4.0),
    ("quarter", 4.0),
    ("fourths", 4.0),
    ("fourth", 4.0),
    ("fifths", 5.0),
    ("fifth", 5.0),
    ("sixths", 6.0),
    ("sixth", 6.0),
    ("sevenths", 7.0),
    ("seventh", 7.0),
    ("eighths", 8.0),
    ("eighth", 8.0),
    ("ninths", 9.0),
    ("ninth", 9.0),
    ("tenths", 10.0),
    ("tenth", 10.0),
];

fn fail<T>(i: &str) -> IResult<&str, T> {
    Err(nom::Err::Error(Error::new(i, ErrorKind::Tag)))
}

fn from_table<'a>(table: &'static [(&'static str, u64)], i: &'a str) -> IResult<&'a str, u64> {
    for (w, v) in table {
        if let Ok((r, _)) = word(w)(i) {
            return Ok((r, *v));
        }
    }
    fail(i)
}

// below_hundred := tens (('-' | space) unit)? | unit
fn below_hundred(i: &str) -> IResult<&str, u64> {
    if let Ok((r, t)) = from_table(TENS, i) {
        let joined = alt((tag("-"), space))(r).and_then(|(r2, _)| from_table(UNITS, r2));
        return match joined {
            Ok((r2, u)) if (1..10).contains(&u) => Ok((r2, t + u)),
            _ => Ok((r, t)),
        };
    }
    from_table(UNITS, i)
}

// below_thousand := (below_hundred | "a") space "hundred" (space ("and" space)? below_hundred)? | below_hundred
fn below_thousand(i: &str) -> IResult<&str, u64> {
    let head = alt((
        below_hundred,
        |i| word("a")(i).map(|(r, _)| (r, 1)),
        |i| word("another")(i).map(|(r, _)| (r, 1)),
    ))(i);
    let Ok((r, h)) = head else { return fail(i) };
    if let Ok((r2, _)) = space(r).and_then(|(r2, _)| word("hundred")(r2)) {
        let tail = space(r2)
            .and_then(|(r3, _)| opt(|x| word("and")(x).and_then(|(x2, _)| space(x2)))(r3))
            .and_then(|(r3, _)| below_hundred(r3));
        return match tail {
            Ok((r3, t)) => Ok((r3, h * 100 + t)),
            Err(_) => Ok((r2, h * 100)),
        };
    }
    // "a" alone is a number only before a scale word: `cardinal` checks that.
    Ok((r, h))
}

/// A whole number in words, with the rounding unit its wording implies.
#[derive(Debug, Clone, PartialEq)]
pub struct WordNumber {
    /// Its value.
    pub value: f64,
    /// The rounding unit: 1 for "twenty-three", 1,000,000 for "a million".
    pub unit: f64,
    /// True for a fraction ("two-thirds"), false for a whole number.
    pub fraction: bool,
}

// cardinal := below_thousand (space scale_word (space ("and" space)? below_thousand)?)*
//           | "a" space "dozen" | below_hundred space "dozen"
//           | "half" space "a" space scale_word
fn cardinal(i: &str) -> IResult<&str, WordNumber> {
    if let Ok((r, _)) = word("half")(i)
        .and_then(|(r, _)| space(r))
        .and_then(|(r, _)| word("a")(r))
    {
        if let Ok((r2, s)) = scale_after(r) {
            return Ok((
                r2,
                WordNumber {
                    value: 0.5 * s,
                    unit: 0.1 * s,
                    fraction: false,
                },
            ));
        }
        // "half a dozen"
        if let Ok((r2, _)) = space(r).and_then(|(r2, _)| word("dozen")(r2)) {
            return Ok((
                r2,
                WordNumber {
                    value: 6.0,
                    unit: 1.0,
                    fraction: false,
                },
            ));
        }
    }
    let starts_with_a = word("a")(i).is_ok() || word("another")(i).is_ok();
    let (mut rest, first) = below_thousand(i)?;
    if !starts_with_a {
        if let Ok((r, (frac, unit))) = and_fraction(rest) {
            let value = first as f64 + frac;
            // "two and a half million": the scale applies to the whole mixed number.
            return Ok(match scale_after(r) {
                Ok((r2, s)) => (
                    r2,
                    WordNumber {
                        value: value * s,
                        unit: unit * s,
                        fraction: false,
                    },
                ),
                Err(_) => (
                    r,
                    WordNumber {
                        value,
                        unit,
                        fraction: false,
                    },
                ),
            });
        }
    }
    if let Ok((r, _)) = space(rest).and_then(|(r, _)| word("dozen")(r)) {
        return Ok((
            r,
            WordNumber {
                value: first as f64 * 12.0,
                unit: 1.0,
                fraction: false,
            },
        ));
    }
    let mut total = 0.0;
    let mut current = first as f64;
    let mut smallest_scale = 1.0;
    let mut saw_scale = false;
    let mut saw_hundred = first >= 100;
    while let Ok((r, s)) = scale_after(rest) {
        total += current * s;
        current = 0.0;
        smallest_scale = s;
        saw_scale = true;
        rest = r;
        let next = space(rest)
            .and_then(|(r2, _)| opt(|x| word("and")(x).and_then(|(x2, _)| space(x2)))(r2))
            .and_then(|(r2, _)| below_thousand(r2));
        match next {
            Ok((r2, n)) if word("a")(rest.trim_start()).is_err() => {
                current = n as f64;
                saw_hundred |= n >= 100;
                rest = r2;
            }
            _ => break,
        }
    }
    if starts_with_a && !saw_scale && first == 1 {
        return fail(i);
    }
    let value = total + current;
    let unit = if current > 0.0 || !saw_scale {
        if saw_hundred && current.rem_euclid(100.0) == 0.0 {
            100.0
        } else {
            1.0
        }
    } else {
        smallest_scale
    };
    Ok((
        rest,
        WordNumber {
            value,
            unit,
            fraction: false,
        },
    ))
}

// and_fraction := space "and" space ("a" | "one") space ("half" | "quarter") | space "and" space "three" space "quarters"
/// The fraction of a mixed number ("and a half"), with the rounding unit it implies.
fn and_fraction(i: &str) -> IResult<&str, (f64, f64)> {
    let (r, _) = space(i)?;
    let (r, _) = word("and")(r)?;
    let (r, _) = space(r)?;
    if let Ok((r2, _)) = word("three")(r) {
        let (r3, _) = space(r2)?;
        let (r3, _) = word("quarters")(r3)?;
        return Ok((r3, (0.75, 0.05)));
    }
    let (r, _) = alt((word("a"), word("one")))(r)?;
    let (r, _) = space(r)?;
    if let Ok((r2, _)) = word("half")(r) {
        return Ok((r2, (0.5, 0.1)));
    }
    let (r2, _) = word("quarter")(r)?;
    Ok((r2, (0.25, 0.05)))
}

fn scale_after(i: &str) -> IResult<&str, f64> {
    let (r, _) = space(i)?;
    for (w, v) in SCALE_WORDS.iter().filter(|(w, _)| *w != "hundred") {
        if let Ok((r2, _)) = word(w)(r) {
            return Ok((r2, *v));
        }
    }
    fail(i)
}

// fraction := numerator ('-' | space) denominator | numerator space ("in" | "out of") space cardinal
// numerator := "a" | below_hundred
fn fraction(i: &str) -> IResult<&str, WordNumber> {
    let (r, num) = alt((|x| word("a")(x).map(|(r, _)| (r, 1u64)), below_hundred))(i)?;
    if let Ok((r2, _)) = alt((tag("-"), space))(r) {
        for (w, d) in DENOMINATORS {
            if let Ok((r3, _)) = word(w)(r2) {
                // "a half" is a fraction, "one fourth" too; "the fourth" never reaches here.
                if num == 0 {
                    break;
                }
                return Ok((r3, fraction_of(num as f64 / d)));
            }
        }
    }
    if num >= 1 {
        let out_of = |x| {
            word("out")(x)
                .and_then(|(x2, _)| space(x2))
                .and_then(|(x2, _)| word("of")(x2))
        };
        if let Ok((r2, _)) = space(r)
            .and_then(|(r2, _)| alt((word("in"), out_of))(r2))
            .and_then(|(r2, _)| space(r2))
        {
            if let Ok((r3, den)) = below_thousand(r2) {
                if den > num {
                    let _ = word_end(r3)?;
                    return Ok((r3, fraction_of(num as f64 / den as f64)));
                }
            }
        }
    }
    fail(i)
}

/// A fraction's value; fractions in words are read ±10% ("a third" is 0.30–0.37).
fn fraction_of(v: f64) -> WordNumber {
    WordNumber {
        value: v,
        unit: 0.2 * v,
        fraction: true,
    }
}

// half := "half" (not followed by "a" scale)   — "nearly half of them"
fn bare_half(i: &str) -> IResult<&str, WordNumber> {
    let (r, _) = word("half")(i)?;
    Ok((
        r,
        WordNumber {
            value: 0.5,
            unit: 0.1,
            fraction: true,
        },
    ))
}

// bare_quarter := "quarter"   — only before a scale word: "quarter million"
fn bare_quarter(i: &str) -> IResult<&str, WordNumber> {
    let (r, _) = word("quarter")(i)?;
    Ok((r, fraction_of(0.25)))
}

// fraction_scale := (fraction | "half" | "quarter") ('-' | space) ("thousand" | "million" | "billion" | "trillion")
/// A fraction of a scale word: "a quarter-million", "three quarters billion", "half million".
/// Read ±10%, as "half a million" is.
fn fraction_scale(i: &str) -> IResult<&str, WordNumber> {
    let (r, f) = alt((fraction, bare_half, bare_quarter))(i)?;
    let (r, _) = alt((tag("-"), space))(r)?;
    for (w, s) in SCALE_WORDS.iter().filter(|(w, _)| *w != "hundred") {
        if let Ok((r2, _)) = word(w)(r) {
            return Ok((
                r2,
                WordNumber {
                    value: f.value * s,
                    unit: 0.2 * f.value * s,
                    fraction: false,
                },
            ));
        }
    }
    fail(i)
}

/// A number or fraction written in words.
pub fn word_number(i: &str) -> IResult<&str, WordNumber> {
    alt((fraction_scale, fraction, cardinal, bare_half))(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Option<(f64, String)> {
        word_number(s).ok().map(|(r, w)| (w.value, r.to_string()))
    }

    #[test]
    fn cardinals() {
        assert_eq!(v("seven cases"), Some((7.0, " cases".into())));
        assert_eq!(v("twenty-three"), Some((23.0, "".into())));
        assert_eq!(v("twenty three"), Some((23.0, "".into())));
        assert_eq!(v("one hundred and five"), Some((105.0, "".into())));
        assert_eq!(v("a dozen eggs"), Some((12.0, " eggs".into())));
        assert_eq!(v("half a million"), Some((500_000.0, "".into())));
        assert_eq!(v("a million people"), Some((1e6, " people".into())));
        assert_eq!(
            v("two million three hundred thousand"),
            Some((2_300_000.0, "".into()))
        );
        assert_eq!(v("seventeen"), Some((17.0, "".into())));
        assert_eq!(v("a"), None);
        assert_eq!(v("an apple"), None);
        assert_eq!(v("someone"), None);
    }

    #[test]
    fn mixed_numbers_and_fractions_of_a_scale() {
        assert_eq!(v("two and a half times"), Some((2.5, " times".into())));
        assert_eq!(v("one and a half times"), Some((1.5, " times".into())));
        assert_eq!(v("five and a quarter"), Some((5.25, "".into())));
        assert_eq!(v("two and a half million"), Some((2_500_000.0, "".into())));
        assert_eq!(
            v("a quarter-million dollars"),
            Some((250_000.0, " dollars".into()))
        );
        assert_eq!(v("a quarter million"), Some((250_000.0, "".into())));
        assert_eq!(v("quarter million"), Some((250_000.0, "".into())));
        assert_eq!(v("three quarters billion"), Some((750_000_000.0, "".into())));
        assert_eq!(v("a half-million"), Some((500_000.0, "".into())));
        // "and" joining two figures is not a mixed number.
        assert_eq!(v("two and three"), Some((2.0, " and three".into())));
        // "a quarter" alone stays a fraction; "quarter" alone is nothing.
        assert_eq!(v("a quarter of"), Some((0.25, " of".into())));
        assert_eq!(v("quarter"), None);
        assert_eq!(v("half a dozen eggs"), Some((6.0, " eggs".into())));
        assert_eq!(v("another thousand homes"), Some((1000.0, " homes".into())));
        assert_eq!(v("another"), None);
    }

    #[test]
    fn fractions() {
        let third = v("a third").map(|(x, _)| x).unwrap_or(0.0);
        assert!((third - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(v("a quarter"), Some((0.25, "".into())));
        assert_eq!(v("three-quarters"), Some((0.75, "".into())));
        let tt = v("two-thirds of").map(|(x, _)| x).unwrap_or(0.0);
        assert!((tt - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(v("one in five"), Some((0.2, "".into())));
        let third = v("one out of three adults").map(|(x, _)| x).unwrap_or(0.0);
        assert!((third - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(v("half of them"), Some((0.5, " of them".into())));
    }
}
