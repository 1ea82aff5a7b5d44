//! The article read once into tokens: words, numbers and punctuation with byte spans,
//! the sentence and clause each belongs to, and lower-cased forms computed once.
//!
//! Every stage after the document looks at token windows ("the three words before this
//! figure", "the words between these two figures") instead of re-scanning the text with
//! fresh regexes around each figure, as spaCy's `Doc` is shared by every pipeline stage.
//! Building the tokens is one linear pass over the text; looking a byte offset up is a
//! binary search.

use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner apostrophes ("district's", "don't").
    Word,
    /// Digits, with inner separators ("7.4", "1,273,885").
    Number,
    /// Any other character that is not white space, one per token.
    Punct,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of its first byte.
    pub start: u32,
    /// Byte offset one past its last byte.
    pub end: u32,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// 0-based sentence index.
    pub sentence: u32,
    /// 0-based clause index, counted over the whole document: a clause ends at a
    /// semicolon, colon, dash, bracket (but for a short gloss such as "(86.1%)"), or a
    /// comma before a conjunction ("…, and", "…, but", "…, while"), and at every
    /// sentence end.
    pub clause: u32,
    /// Line breaks in the white space before it (0, 1, or 2 for a blank line or more).
    pub breaks: u8,
    lower: (u32, u32),
}

/// The tokens of a text.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    tokens: Vec<Token>,
    /// Every token's lower-case form, one after the other.
    lower: String,
}

/// Words that open a subordinate clause, which ends at its first comma.
const SUBORDINATORS: &[&str] = &[
    "although", "though", "while", "whereas", "if", "when", "as", "because", "since", "after", "before",
    "unless", "despite", "until", "once",
];

/// Subordinators that open a clause wherever they stand (unlike "as", "since", "if").
const MID_SUBORDINATORS: &[&str] = &["although", "though", "whereas", "unless", "despite"];

/// Words after a comma that open a new clause.
const CLAUSE_WORDS: &[&str] = &[
    "and",
    "but",
    "while",
    "whilst",
    "whereas",
    "although",
    "though",
    "which",
    "who",
    "yet",
    "so",
    "even",
    "as",
    "when",
    "because",
    "despite",
    "unless",
    "meanwhile",
];

fn is_word_char(c: char) -> bool {
    c.is_alphabetic()
}

impl Tokens {
    /// Tokenise a text whose sentences are `sentences` (byte ranges in order).
    pub fn new(text: &str, sentences: &[Range<usize>]) -> Self {
        let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5);
        let mut lower = String::with_capacity(text.len());
        let mut sentence = 0usize;
        let mut clause = 0u32;
        let mut breaks = 0u8;
        let mut it = text.char_indices().peekable();
        let mut pending_comma = false;
        // A clause opened by a subordinator ("Although only two of 12 were British, …")
        // ends at its first comma.
        let mut clause_start = true;
        let mut subordinate = false;
        let mut gloss = false;
        while let Some((i, c)) = it.next() {
            if c.is_whitespace() {
                if c == '\n' {
                    breaks = breaks.saturating_add(1).min(2);
                }
                continue;
            }
            let start = i;
            let mut end = i + c.len_utf8();
            let kind = if is_word_char(c) {
                while let Some(&(j, d)) = it.peek() {
                    let joins = (d == '\'' || d == '’')
                        && text
                            .get(j + d.len_utf8()..)
                            .is_some_and(|r| r.starts_with(is_word_char));
                    if is_word_char(d) || joins {
                        end = j + d.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                }
                TokenKind::Word
            } else if c.is_ascii_digit() {
                while let Some(&(j, d)) = it.peek() {
                    let joins = (d == ',' || d == '.')
                        && text
                            .get(j + 1..)
                            .is_some_and(|r| r.starts_with(|x: char| x.is_ascii_digit()));
                    if d.is_ascii_digit() || joins {
                        end = j + d.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                }
                TokenKind::Number
            } else {
                TokenKind::Punct
            };
            while sentences.get(sentence).is_some_and(|r| r.end <= start) {
                sentence += 1;
                clause += 1;
                pending_comma = false;
                clause_start = true;
                subordinate = false;
            }
            let word = text.get(start..end).unwrap_or("");
            let l0 = lower.len();
            if word.is_ascii() {
                lower.extend(word.chars().map(|ch| ch.to_ascii_lowercase()));
            } else {
                lower.extend(word.chars().flat_map(char::to_lowercase).map(|ch| match ch {
                    '’' => '\'',
                    other => other,
                }));
            }
            let lw = lower.get(l0..).unwrap_or("");
            let clause_before = clause;
            if kind == TokenKind::Word && pending_comma && CLAUSE_WORDS.contains(&lw) {
                clause += 1;
            } else if kind == TokenKind::Word && lw == "because" {
                // "…, mostly because …": a reason opens a clause of its own.
                clause += 1;
            }
            if kind == TokenKind::Word && (clause_start || clause != clause_before) {
                subordinate = SUBORDINATORS.contains(&lw);
            } else if kind == TokenKind::Word && MID_SUBORDINATORS.contains(&lw) {
                // "… told reporters that although only two of 12 were British, …"
                subordinate = true;
            }
            clause_start = false;
            pending_comma = false;
            // A short bracketed gloss of the words before it ("… 2,460 beds (86.1%)",
            // "(a third)") stays in their clause; a longer aside is a clause of its own.
            let opens = kind == TokenKind::Punct && matches!(c, '(' | '[');
            if opens {
                let inner = text
                    .get(end..)
                    .and_then(|r| r.find([')', ']']).and_then(|n| r.get(..n)));
                gloss = inner.is_some_and(|g| g.len() <= 12 && !g.contains([',', ';', '(', '[']));
                if !gloss {
                    clause += 1;
                }
            }
            tokens.push(Token {
                start: start as u32,
                end: end as u32,
                kind,
                sentence: sentence as u32,
                clause,
                breaks,
                lower: (l0 as u32, lower.len() as u32),
            });
            breaks = 0;
            if kind == TokenKind::Punct {
                match c {
                    ')' | ']' if gloss => gloss = false,
                    ';' | ':' | '—' | '–' | ')' | ']' => {
                        clause += 1;
                        clause_start = true;
                        subordinate = false;
                    }
                    ',' if subordinate => {
                        clause += 1;
                        clause_start = true;
                        subordinate = false;
                    }
                    ',' => pending_comma = true,
                    _ => {}
                }
            }
        }
        Tokens { tokens, lower }
    }

    /// Every token, in text order.
    pub fn all(&self) -> &[Token] {
        &self.tokens
    }

    /// How many tokens there are.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// True when the text has no tokens.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The token at an index.
    pub fn get(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }

    /// The lower-case form of a token ("’" read as "'").
    pub fn lower(&self, t: &Token) -> &str {
        self.lower
            .get(t.lower.0 as usize..t.lower.1 as usize)
            .unwrap_or("")
    }

    /// The lower-case form of the token at an index, or "" past either end.
    pub fn lower_at(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| self.lower(t))
    }

    /// Index of the first token that ends after `offset` (the token holding it, or the
    /// next one).
    pub fn at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| (t.end as usize) <= offset)
    }

    /// Token indices covering a byte range: the first token ending after `start` up to
    /// the last token starting before `end`.
    pub fn covering(&self, range: Range<usize>) -> Range<usize> {
        let a = self.at(range.start);
        let b = self.tokens.partition_point(|t| (t.start as usize) < range.end);
        a..b.max(a)
    }

    /// The lower-case words (not numbers or punctuation) of a token range.
    pub fn words(&self, range: Range<usize>) -> impl Iterator<Item = &str> + '_ {
        self.tokens
            .get(range)
            .unwrap_or(&[])
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| self.lower(t))
    }

    /// True when the lower-case tokens just before index `i` are `phrase` (words split on
    /// spaces): `ends_with(i, "compared with")`.
    pub fn before_is(&self, i: usize, phrase: &str) -> bool {
        let words: Vec<&str> = phrase.split(' ').collect();
        let n = words.len();
        if n > i {
            return false;
        }
        words
            .iter()
            .enumerate()
            .all(|(k, w)| self.lower_at(i - n + k) == *w)
    }

    /// True when the lower-case tokens from index `i` on are `phrase`.
    pub fn after_is(&self, i: usize, phrase: &str) -> bool {
        phrase
            .split(' ')
            .enumerate()
            .all(|(k, w)| self.lower_at(i + k) == w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Tokens {
        Tokens::new(text, std::slice::from_ref(&(0..text.len())))
    }

    #[test]
    fn words_numbers_and_punctuation() {
        let t = toks("The district’s 1,273,885 cases rose 7.4% (about).");
        let lower: Vec<&str> = t.all().iter().map(|x| t.lower(x)).collect();
        assert_eq!(
            lower,
            [
                "the",
                "district's",
                "1,273,885",
                "cases",
                "rose",
                "7.4",
                "%",
                "(",
                "about",
                ")",
                "."
            ]
        );
        assert_eq!(t.get(2).map(|x| x.kind), Some(TokenKind::Number));
        assert_eq!(t.get(6).map(|x| x.kind), Some(TokenKind::Punct));
    }

    #[test]
    fn a_trailing_separator_is_not_part_of_a_number() {
        let t = toks("It cost 1,200, then 3.");
        let lower: Vec<&str> = t.all().iter().map(|x| t.lower(x)).collect();
        assert_eq!(lower, ["it", "cost", "1,200", ",", "then", "3", "."]);
    }

    #[test]
    fn clauses_break_at_semicolons_and_conjunctions() {
        let t = toks("Sales rose 5%, to 300; costs fell, and profit rose, nearly 2%.");
        let clause_of = |w: &str| t.all().iter().find(|x| t.lower(x) == w).map(|x| x.clause);
        assert_eq!(clause_of("sales"), clause_of("300"));
        assert_ne!(clause_of("300"), clause_of("costs"));
        assert_ne!(clause_of("costs"), clause_of("profit"));
        assert_eq!(clause_of("profit"), clause_of("nearly"));
    }

    #[test]
    fn sentences_and_line_breaks_are_recorded() {
        let text = "One fell.\n\nTwo rose.";
        let t = Tokens::new(text, &[0..11, 11..text.len()]);
        let two = t.at(text.find("Two").unwrap_or(0));
        assert_eq!(t.get(two).map(|x| (x.sentence, x.breaks)), Some((1, 2)));
        assert!(t.before_is(two, "fell ."));
        assert!(t.after_is(two, "two rose"));
        assert_eq!(t.covering(0..3), 0..1);
    }
}

#[cfg(test)]
mod subordinate_tests {
    use super::*;

    #[test]
    fn a_subordinate_clause_ends_at_its_comma() {
        let text = "Although only two of 12 were British, about a quarter of the staff were.";
        let t = Tokens::new(text, std::slice::from_ref(&(0..text.len())));
        let clause_of = |w: &str| t.all().iter().find(|x| t.lower(x) == w).map(|x| x.clause);
        assert_ne!(clause_of("12"), clause_of("quarter"));
        assert_eq!(clause_of("two"), clause_of("12"));
    }
}
