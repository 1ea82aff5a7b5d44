//! The relation language of rule files, parsed with nom.
//!
//! ```text
//! relation   := expr comparator expr tolerance?
//! comparator := "~=" | "≈" | "is about" | "=" | "==" | "is" | "equals"
//!             | "<=" | "≤" | "is at most" | ">=" | "≥" | "is at least"
//!             | "<" | "is less than" | ">" | "is more than"
//! tolerance  := "within" number "%"?
//! expr       := term (("+" | "-" | "plus" | "minus") term)*
//! term       := factor (("*" | "/" | "×" | "÷" | "times" | "divided by") factor)*
//! factor     := number | name | "(" expr ")" | "-" factor
//! number     := digits ("," digits)* ("." digits)? "%"?
//! name       := letter (letter | digit | "_")*
//! ```
//!
//! Names are the selectors of the rule (`average`, `total`, `staff`); the left side must be
//! one name: the stated figure the relation checks.

use nom::{
    IResult,
    branch::alt,
    bytes::complete::{tag, tag_no_case, take_while, take_while1},
    character::complete::{char, multispace0, satisfy},
    combinator::{opt, recognize},
    multi::many0,
    sequence::{pair, preceded, tuple},
};
use std::ops::Range;

/// An arithmetic expression over named figures.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A constant.
    Num(f64),
    /// A selected figure, with its byte range in the relation text.
    Var(String, Range<usize>),
    /// Negation.
    Neg(Box<Expr>),
    /// A binary operation.
    Bin(Op, Box<Expr>, Box<Expr>),
}

/// Arithmetic operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// +
    Add,
    /// −
    Sub,
    /// ×
    Mul,
    /// ÷
    Div,
}

/// How the stated figure must compare with the derived one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    /// Equal within rounding (and the tolerance).
    About,
    /// Equal within rounding.
    Equal,
    /// At most.
    AtMost,
    /// At least.
    AtLeast,
    /// Strictly less.
    Less,
    /// Strictly more.
    More,
}

/// A slack allowed by `within`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tolerance {
    /// A fraction of the stated value: "within 10%" is 0.1.
    Relative(f64),
    /// An absolute amount: "within 0.5".
    Absolute(f64),
}

/// A parsed relation.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// The stated figure's name and its range in the text.
    pub stated: (String, Range<usize>),
    /// The comparison.
    pub cmp: Cmp,
    /// What the stated figure is compared with.
    pub derived: Expr,
    /// The slack, if any.
    pub tolerance: Option<Tolerance>,
}

/// Why a relation did not parse: where, and what was expected there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Byte offset into the relation text.
    pub offset: usize,
    /// What is wrong and what was expected.
    pub message: String,
}

type Res<'a, T> = IResult<&'a str, T>;

fn ws(i: &str) -> Res<'_, &str> {
    multispace0(i)
}

// number := digits ("," digits)* ("." digits)? "%"?
fn number(i: &str) -> Res<'_, f64> {
    let (r, text) = recognize(tuple((
        take_while1(|c: char| c.is_ascii_digit()),
        many0(preceded(char(','), take_while1(|c: char| c.is_ascii_digit()))),
        opt(preceded(char('.'), take_while1(|c: char| c.is_ascii_digit()))),
    )))(i)?;
    let (r, pct) = opt(char('%'))(r)?;
    let v: f64 = text.replace(',', "").parse().unwrap_or(f64::NAN);
    Ok((r, if pct.is_some() { v / 100.0 } else { v }))
}

/// Words that are part of the language and cannot name a figure.
const KEYWORDS: &[&str] = &[
    "is", "about", "at", "most", "least", "less", "more", "than", "equals", "within", "plus", "minus",
    "times", "divided", "by",
];

// name := letter (letter | digit | "_")*
fn name(i: &str) -> Res<'_, &str> {
    let (r, n) = recognize(pair(
        satisfy(|c| c.is_alphabetic()),
        take_while(|c: char| c.is_alphanumeric() || c == '_'),
    ))(i)?;
    if KEYWORDS.contains(&n.to_lowercase().as_str()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        )));
    }
    Ok((r, n))
}

struct Parser<'s> {
    full: &'s str,
}

impl<'s> Parser<'s> {
    fn offset(&self, rest: &str) -> usize {
        self.full.len() - rest.len()
    }

    fn fail<T>(&self, rest: &str, message: &str) -> Result<T, ParseError> {
        Err(ParseError {
            offset: self.offset(rest),
            message: message.to_string(),
        })
    }

    // factor := number | name | "(" expr ")" | "-" factor
    fn factor<'a>(&self, i: &'a str) -> Result<(&'a str, Expr), ParseError> {
        let (i, _) = ws(i).unwrap_or((i, ""));
        if let Ok((r, v)) = number(i) {
            return Ok((r, Expr::Num(v)));
        }
        if let Ok((r, n)) = name(i) {
            let start = self.offset(i);
            return Ok((r, Expr::Var(n.to_string(), start..start + n.len())));
        }
        if let Ok((r, _)) = char::<_, nom::error::Error<&str>>('(')(i) {
            let (r, e) = self.expr(r)?;
            let (r, _) = ws(r).unwrap_or((r, ""));
            return match char::<_, nom::error::Error<&str>>(')')(r) {
                Ok((r, _)) => Ok((r, e)),
                Err(_) => self.fail(r, "unbalanced parenthesis: expected ')'"),
            };
        }
        if let Ok((r, _)) = alt((tag::<_, _, nom::error::Error<&str>>("-"), tag("−")))(i) {
            let (r, e) = self.factor(r)?;
            return Ok((r, Expr::Neg(Box::new(e))));
        }
        self.fail(i, "expected the name of a selected figure, a number or '('")
    }

    // term := factor (("*" | "/" | "×" | "÷" | "times" | "divided by") factor)*
    fn term<'a>(&self, i: &'a str) -> Result<(&'a str, Expr), ParseError> {
        let (mut i, mut left) = self.factor(i)?;
        loop {
            let (r, _) = ws(i).unwrap_or((i, ""));
            let op = alt((
                |x| tag("*")(x).map(|(r, _)| (r, Op::Mul)),
                |x| tag("×")(x).map(|(r, _)| (r, Op::Mul)),
                |x| tag("/")(x).map(|(r, _)| (r, Op::Div)),
                |x| tag("÷")(x).map(|(r, _)| (r, Op::Div)),
                |x| keyword("times")(x).map(|(r, _)| (r, Op::Mul)),
                |x| tuple((keyword("divided"), ws, keyword("by")))(x).map(|(r, _)| (r, Op::Div)),
            ))(r);
            let Ok((r, op)) = op else { return Ok((i, left)) };
            let (r, right) = self.factor(r)?;
            left = Expr::Bin(op, Box::new(left), Box::new(right));
            i = r;
        }
    }

    // expr := term (("+" | "-" | "plus" | "minus") term)*
    fn expr<'a>(&self, i: &'a str) -> Result<(&'a str, Expr), ParseError> {
        let (mut i, mut left) = self.term(i)?;
        loop {
            let (r, _) = ws(i).unwrap_or((i, ""));
            let op = alt((
                |x| tag("+")(x).map(|(r, _)| (r, Op::Add)),
                |x| tag("-")(x).map(|(r, _)| (r, Op::Sub)),
                |x| tag("−")(x).map(|(r, _)| (r, Op::Sub)),
                |x| keyword("plus")(x).map(|(r, _)| (r, Op::Add)),
                |x| keyword("minus")(x).map(|(r, _)| (r, Op::Sub)),
            ))(r);
            let Ok((r, op)) = op else { return Ok((i, left)) };
            let (r, right) = self.term(r)?;
            left = Expr::Bin(op, Box::new(left), Box::new(right));
            i = r;
        }
    }
}

/// A whole word, case-insensitive.
fn keyword<'a>(w: &'static str) -> impl FnMut(&'a str) -> Res<'a, &'a str> {
    move |i: &'a str| {
        let (r, k) = tag_no_case(w)(i)?;
        if r.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
            return Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Tag,
            )));
        }
        Ok((r, k))
    }
}

// comparator, longest spellings first
fn comparator(i: &str) -> Res<'_, Cmp> {
    let words =
        |a: &'static str, b: &'static str| move |x| tuple((keyword(a), ws, keyword(b)))(x).map(|(r, _)| r);
    let three = |a: &'static str, b: &'static str, c: &'static str| {
        move |x| tuple((keyword(a), ws, keyword(b), ws, keyword(c)))(x).map(|(r, _)| r)
    };
    alt((
        |x| tag("~=")(x).map(|(r, _)| (r, Cmp::About)),
        |x| tag("≈")(x).map(|(r, _)| (r, Cmp::About)),
        |x| tag("<=")(x).map(|(r, _)| (r, Cmp::AtMost)),
        |x| tag("≤")(x).map(|(r, _)| (r, Cmp::AtMost)),
        |x| tag(">=")(x).map(|(r, _)| (r, Cmp::AtLeast)),
        |x| tag("≥")(x).map(|(r, _)| (r, Cmp::AtLeast)),
        |x| tag("==")(x).map(|(r, _)| (r, Cmp::Equal)),
        |x| tag("=")(x).map(|(r, _)| (r, Cmp::Equal)),
        |x| tag("<")(x).map(|(r, _)| (r, Cmp::Less)),
        |x| tag(">")(x).map(|(r, _)| (r, Cmp::More)),
        |x| three("is", "at", "most")(x).map(|r| (r, Cmp::AtMost)),
        |x| three("is", "at", "least")(x).map(|r| (r, Cmp::AtLeast)),
        |x| three("is", "less", "than")(x).map(|r| (r, Cmp::Less)),
        |x| three("is", "more", "than")(x).map(|r| (r, Cmp::More)),
        |x| words("is", "about")(x).map(|r| (r, Cmp::About)),
        |x| keyword("equals")(x).map(|(r, _)| (r, Cmp::Equal)),
        |x| keyword("is")(x).map(|(r, _)| (r, Cmp::Equal)),
    ))(i)
}

/// Parse a relation: `average ~= total / staff within 10%`.
pub fn parse_relation(text: &str) -> Result<Relation, ParseError> {
    let p = Parser { full: text };
    let (i, _) = ws(text).unwrap_or((text, ""));
    let Ok((r, stated)) = name(i) else {
        return p.fail(
            i,
            "a relation starts with the name of the stated figure, e.g. 'average ~= total / staff'",
        );
    };
    let start = p.offset(i);
    let stated = (stated.to_string(), start..start + stated.len());
    let (r, _) = ws(r).unwrap_or((r, ""));
    let Ok((r, cmp)) = comparator(r) else {
        return p.fail(
            r,
            "expected a comparison: '~=' (is about), '=', '<=' (is at most), '>=' (is at least), '<' or '>'",
        );
    };
    let (r, derived) = p.expr(r)?;
    let (r, _) = ws(r).unwrap_or((r, ""));
    let (r, tolerance) = match keyword("within")(r) {
        Ok((r2, _)) => {
            let (r2, _) = ws(r2).unwrap_or((r2, ""));
            let digits: Res<'_, &str> = recognize(pair(
                take_while1(|c: char| c.is_ascii_digit()),
                opt(preceded(char('.'), take_while1(|c: char| c.is_ascii_digit()))),
            ))(r2);
            let Ok((r3, d)) = digits else {
                return p.fail(r2, "expected a number after 'within', e.g. 'within 10%'");
            };
            let v: f64 = d.parse().unwrap_or(0.0);
            match char::<_, nom::error::Error<&str>>('%')(r3) {
                Ok((r4, _)) => (r4, Some(Tolerance::Relative(v / 100.0))),
                Err(_) => (r3, Some(Tolerance::Absolute(v))),
            }
        }
        Err(_) => (r, None),
    };
    let (r, _) = ws(r).unwrap_or((r, ""));
    if !r.is_empty() {
        return p.fail(
            r,
            "unexpected text: expected an operator (+ - * /), 'within N%', or the end of the relation",
        );
    }
    Ok(Relation {
        stated,
        cmp,
        derived,
        tolerance,
    })
}

impl Expr {
    /// Every figure name used, with its range in the relation text.
    pub fn names(&self) -> Vec<(String, Range<usize>)> {
        match self {
            Expr::Num(_) => Vec::new(),
            Expr::Var(n, r) => vec![(n.clone(), r.clone())],
            Expr::Neg(e) => e.names(),
            Expr::Bin(_, a, b) => {
                let mut v = a.names();
                v.extend(b.names());
                v
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_and_words_parse_alike() {
        let a = parse_relation("average ~= total / staff within 10%");
        let b = parse_relation("average is about total divided by staff within 10%");
        assert!(a.is_ok());
        let (a, b) = (
            a.map(|r| (r.cmp, r.derived, r.tolerance)),
            b.map(|r| (r.cmp, r.derived, r.tolerance)),
        );
        assert_eq!(a.as_ref().map(|x| x.0), Ok(Cmp::About));
        assert_eq!(a.as_ref().map(|x| x.2), Ok(Some(Tolerance::Relative(0.1))));
        // Same shape, names at other offsets: compare the operator structure only.
        let shape = |e: &Expr| format!("{:?}", e).replace(|c: char| c.is_ascii_digit(), "");
        assert_eq!(a.map(|x| shape(&x.1)), b.map(|x| shape(&x.1)));
    }

    #[test]
    fn precedence_and_parentheses() {
        let r = parse_relation("growth = (end - start) / start * 100").map(|r| r.derived);
        let Ok(Expr::Bin(Op::Mul, left, _)) = r else {
            panic!("expected a product, got {r:?}")
        };
        assert!(matches!(*left, Expr::Bin(Op::Div, ..)));
        assert!(parse_relation("share <= 100").is_ok());
        assert!(parse_relation("rate ~= count / population * 100,000 within 5%").is_ok());
        assert!(parse_relation("parts is at most total").is_ok());
    }

    #[test]
    fn errors_say_where_and_what() {
        let e = parse_relation("average ~= (total / staff");
        assert_eq!(e.as_ref().map_err(|e| e.offset), Err(25));
        assert!(e.is_err_and(|e| e.message.contains("')'")));
        let e = parse_relation("average total");
        assert!(e.is_err_and(|e| e.offset == 8 && e.message.contains("comparison")));
        let e = parse_relation("average ~= total / ");
        assert!(e.is_err_and(|e| e.message.contains("name of a selected figure")));
        let e = parse_relation("10 = total");
        assert!(e.is_err_and(|e| e.offset == 0));
        let e = parse_relation("a = b within ten");
        assert!(e.is_err_and(|e| e.message.contains("after 'within'")));
    }
}
