//! An article's text with what every stage needs to find its way in it: line and column
//! of a byte offset, paragraph and sentence boundaries, the stretches that are web
//! debris (CSS, app prompts, photo captions) rather than article prose, its tokens
//! (`crate::tokens`) and its plain-text tables (`crate::table`).

use crate::table::Table;
use crate::tokens::Tokens;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The text of one article and its layout.
#[derive(Debug, Clone)]
pub struct Document {
    /// The text as read.
    pub text: String,
    lines: LineIndex,
    /// Byte ranges of sentences, in order; every byte of prose lies in exactly one.
    pub sentences: Vec<Range<usize>>,
    /// Paragraph index of each sentence.
    pub sentence_paragraph: Vec<usize>,
    /// Byte ranges that are web debris, in order of their start.
    pub debris: Vec<Range<usize>>,
    /// The farthest end of `debris[..=i]`, for each `i`: [`Document::is_debris`] finds
    /// the ranges starting before a figure by binary search instead of trying them all.
    debris_reach: Vec<usize>,
    /// The text read once into tokens, with sentence and clause indices.
    pub tokens: Tokens,
    /// Plain-text tables.
    pub tables: Vec<Table>,
}

/// Where the lines of a text start, for line and column numbers of byte offsets.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// (byte offset, characters before it) about every CHECKPOINT bytes, so that a column
    /// on a long line is counted from the nearest checkpoint, not from the line's start.
    checkpoints: Vec<(usize, usize)>,
}

impl LineIndex {
    /// Index a text.
    pub fn new(text: &str) -> Self {
        let mut checkpoints = vec![(0, 0)];
        let mut next = CHECKPOINT;
        for (chars, (i, _)) in text.char_indices().enumerate() {
            if i >= next {
                checkpoints.push((i, chars));
                next = i + CHECKPOINT;
            }
        }
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            line_starts,
            checkpoints,
        }
    }

    /// 1-based line and character column of a byte offset of the indexed `text`.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line(offset);
        let start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let col = match text.get(start..offset) {
            // Near its line's start (most figures of most articles): count from there.
            Some(s) if s.len() <= CHECKPOINT => s.chars().count(),
            _ => self
                .char_index(text, offset)
                .saturating_sub(self.char_index(text, start)),
        };
        (line, col + 1)
    }

    /// 1-based line number of a byte offset, without its column.
    pub fn line(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset).max(1)
    }

    /// Characters before a byte offset, counted from the nearest checkpoint.
    fn char_index(&self, text: &str, offset: usize) -> usize {
        let k = self.checkpoints.partition_point(|&(b, _)| b <= offset).max(1);
        let (b, c) = self.checkpoints.get(k - 1).copied().unwrap_or((0, 0));
        c + text.get(b..offset).map_or(0, |s| s.chars().count())
    }
}

/// Bytes between column checkpoints.
const CHECKPOINT: usize = 256;

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr", "mrs", "ms",
    "dr", "st", "no", "vs", "u.s", "u.k", "inc", "corp", "co", "ltd", "gov", "sen", "rep", "gen", "lt",
    "col", "jr", "sr", "ft", "mt", "ave", "blvd", "rd", "approx", "est", "fig", "p", "pp", "e.g", "i.e",
    "etc", "a.m", "p.m", "d.c",
];

static SENTENCE_END: LazyLock<Regex> =
    // A full stop, question or exclamation mark, optional closing quote or bracket, then space.
    LazyLock::new(|| crate::pattern::compile(r#"[.!?]["'”’)\]]*\s+"#));

static CSS_RULE: LazyLock<Regex> =
    LazyLock::new(|| crate::pattern::compile(r"(?m)^[^\n{}]*\{[^{}]*[:;][^{}]*\}[ \t]*$"));

static DEBRIS_LINE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"(?mi)^[ \t]*(?:click here(?-u:\b)|tap here(?-u:\b)|download the(?-u:\b)|get the latest(?-u:\b)|subscribe(?-u:\b)|sign up(?-u:\b)|follow us(?-u:\b)|share this(?-u:\b)|advertisement(?-u:\b)|read more(?-u:\b)|related:|watch:|listen:|comments?\s*\(?\d|\d[\d.,]*[kKmM]?\s+(?:shares|comments|views|likes)(?-u:\b)).*$",
    )
});

static CAPTION_LINE: LazyLock<Regex> = LazyLock::new(|| {
    // A line ending in a parenthesised photo credit: "(AP Photo/Jane Doe)", "(Getty Images)".
    crate::pattern::compile(
        r"(?mi)^.*\((?:[^()\n]*(?-u:\b)(?:photo|photos|getty|images?|credit|courtesy|file|reuters|afp|ap)(?-u:\b)[^()\n]*)\)[ \t]*$",
    )
});

/// The three debris patterns as one set, in the order [`Document::new`] runs them.
static DEBRIS_ANY: LazyLock<regex::RegexSet> = LazyLock::new(|| {
    regex::RegexSet::new([CSS_RULE.as_str(), DEBRIS_LINE.as_str(), CAPTION_LINE.as_str()])
        // The same patterns compile one by one above, so they compile as a set.
        .unwrap_or_else(|_| regex::RegexSet::empty())
});

impl Document {
    /// Lay out a text.
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let lines = LineIndex::new(&text);
        let (sentences, sentence_paragraph) = segment(&text);
        let mut debris: Vec<Range<usize>> = Vec::new();
        // One pass says which debris patterns occur at all (in most articles, none).
        let present = DEBRIS_ANY.matches(&text);
        for (i, re) in [&*CSS_RULE, &*DEBRIS_LINE, &*CAPTION_LINE]
            .into_iter()
            .enumerate()
        {
            if present.matched(i) || DEBRIS_ANY.is_empty() {
                debris.extend(re.find_iter(&text).map(|m| m.range()));
            }
        }
        debris.sort_by_key(|r| r.start);
        let debris_reach = debris
            .iter()
            .scan(0, |reach, r| {
                *reach = r.end.max(*reach);
                Some(*reach)
            })
            .collect();
        let tokens = Tokens::new(&text, &sentences);
        let tables = crate::table::tables(&text);
        Document {
            text,
            lines,
            sentences,
            sentence_paragraph,
            debris,
            debris_reach,
            tokens,
            tables,
        }
    }

    /// 1-based line and character column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(&self.text, offset)
    }

    /// 1-based line number of a byte offset: `line_col(offset).0` without counting the
    /// column's characters.
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines.line(offset)
    }

    /// Index of the sentence holding a byte offset.
    pub fn sentence_of(&self, offset: usize) -> usize {
        self.sentences
            .partition_point(|r| r.end <= offset)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// Paragraph index of a sentence.
    pub fn paragraph_of(&self, sentence: usize) -> usize {
        self.sentence_paragraph.get(sentence).copied().unwrap_or(0)
    }

    /// The byte range of a sentence (empty when out of range).
    pub fn sentence_range(&self, sentence: usize) -> Range<usize> {
        self.sentences.get(sentence).cloned().unwrap_or(0..0)
    }

    /// The text of a sentence.
    pub fn sentence_text(&self, sentence: usize) -> &str {
        self.text.get(self.sentence_range(sentence)).unwrap_or("")
    }

    /// True when a byte range lies inside web debris (surrounding white space aside).
    pub fn is_debris(&self, range: &Range<usize>) -> bool {
        let text = self.slice(range.clone());
        let start = range.start + (text.len() - text.trim_start().len());
        let end = range.end - (text.len() - text.trim_end().len());
        if self.debris_reach.len() != self.debris.len() {
            // Debris set by hand after `new`: try every range.
            return self.debris.iter().any(|d| d.start <= start && end <= d.end);
        }
        // The ranges that start at or before `start` are a prefix; one of them covers
        // `end` exactly when the farthest end among them does.
        let n = self.debris.partition_point(|d| d.start <= start);
        n.checked_sub(1)
            .and_then(|i| self.debris_reach.get(i))
            .is_some_and(|&reach| end <= reach)
    }

    /// Text of a byte range, or "" when the range does not fall on character boundaries.
    pub fn slice(&self, range: Range<usize>) -> &str {
        self.text.get(range).unwrap_or("")
    }
}

/// Split a text into sentences, never across a blank line or a line break that ends a
/// heading-like line (no final punctuation), and record each sentence's paragraph.
fn segment(text: &str) -> (Vec<Range<usize>>, Vec<usize>) {
    let mut sentences = Vec::new();
    let mut paragraphs = Vec::new();
    let mut paragraph = 0;
    let mut pos = 0;
    for block in text.split_inclusive('\n') {
        let block_start = pos;
        pos += block.len();
        let line = block.trim_end();
        if line.trim().is_empty() {
            paragraph += 1;
            continue;
        }
        let mut start = block_start;
        for m in SENTENCE_END.find_iter(line) {
            let before = &line[..m.start()];
            let last_word = before
                .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
                .next()
                .unwrap_or("")
                .to_lowercase();
            let is_initial = last_word.chars().count() == 1 && last_word.chars().all(|c| c.is_alphabetic());
            let next_lower = line[m.end()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
            if ABBREVIATIONS.contains(&last_word.trim_end_matches('.')) || is_initial || next_lower {
                continue;
            }
            let end = block_start + m.end();
            sentences.push(start..end);
            paragraphs.push(paragraph);
            start = end;
        }
        let end = block_start + block.len();
        if start < end {
            sentences.push(start..end);
            paragraphs.push(paragraph);
        }
        // Each non-empty line of a text with single line breaks is its own paragraph.
        paragraph += 1;
    }
    if sentences.is_empty() {
        sentences.push(0..text.len());
        paragraphs.push(0);
    }
    (sentences, paragraphs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let d = Document::new("ab\n€ 12 x\n");
        assert_eq!(d.line_col(0), (1, 1));
        assert_eq!(d.line_col(3), (2, 1));
        let at = d.text.find("12").unwrap_or(0);
        assert_eq!(d.line_col(at), (2, 3));
    }

    #[test]
    fn columns_near_and_far_from_the_line_start_agree_with_counting() {
        let long = "é 1 ".repeat(300);
        let text = format!("short €5\n{long}\n\nx {long}");
        let d = Document::new(text.as_str());
        for (offset, _) in text.char_indices() {
            let line = text.get(..offset).map_or(0, |s| s.matches('\n').count()) + 1;
            let start = text
                .get(..offset)
                .and_then(|s| s.rfind('\n'))
                .map_or(0, |i| i + 1);
            let column = text.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
            assert_eq!(d.line_col(offset), (line, column), "at {offset}");
            assert_eq!(d.line_of(offset), line);
        }
    }

    #[test]
    fn sentences_ignore_abbreviations() {
        let d = Document::new("It rose since Oct. 1 to 7.4 million. Then it fell.\n\nNew paragraph here.");
        assert_eq!(d.sentences.len(), 3);
        assert_eq!(d.sentence_text(0), "It rose since Oct. 1 to 7.4 million. ");
        assert_eq!(d.paragraph_of(2), 2);
    }

    #[test]
    fn debris_is_found() {
        let d = Document::new(
            ".x{ display: none; }\nClick here to get the app with 3 features\nA man walks. (AP Photo/Jo Doe)\nReal prose with 5 cases.",
        );
        assert!(d.is_debris(&(4..8)));
        let click = d.text.find("3 features").unwrap_or(0);
        assert!(d.is_debris(&(click..click + 1)));
        let prose = d.text.find("5 cases").unwrap_or(0);
        assert!(!d.is_debris(&(prose..prose + 1)));
    }
}
