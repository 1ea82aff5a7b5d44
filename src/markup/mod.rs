//! Articles that are not plain text: Markdown and HTML become the plain text the rules
//! read, with a map that takes every offset of that text back to the original file, so
//! reports point at the lines an editor opens.
//!
//! Markdown keeps its layout: markup is blanked with spaces, so offsets, lines and
//! columns are those of the file and no map is needed. HTML is parsed (html5ever, through
//! scraper); its visible text is laid out as paragraphs and table rows, and a
//! [`SourceMap`] records where each piece came from.

pub mod html;
pub mod markdown;

use serde::{Deserialize, Serialize};
use std::path::Path;

/// How an article's bytes are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text, read as is.
    #[default]
    Text,
    /// Markdown (CommonMark with tables).
    Markdown,
    /// An HTML page.
    Html,
}

impl Format {
    /// The format a file name's extension says (plain text when it says nothing known).
    pub fn from_path(path: &Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        match ext.as_str() {
            "md" | "markdown" | "mdown" | "mkd" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            _ => Format::Text,
        }
    }

    /// The lower-case name used on the command line and in config files.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

/// The text the rules read, and how to find its offsets in the original.
#[derive(Debug, Clone)]
pub struct Converted {
    /// The article as plain text.
    pub text: String,
    /// Where the text's pieces sit in the original; `None` when offsets are the same.
    pub map: Option<SourceMap>,
}

/// Turn an article into the text the rules read.
pub fn convert(source: &str, format: Format) -> Converted {
    match format {
        Format::Text => Converted {
            text: source.to_string(),
            map: None,
        },
        Format::Markdown => Converted {
            text: markdown::to_text(source),
            map: None,
        },
        Format::Html => {
            let (text, map) = html::to_text(source);
            Converted { text, map: Some(map) }
        }
    }
}

/// One run of the converted text and the bytes of the original it came from. In a plain
/// run both have the same length and map byte for byte; a run that decodes something
/// (an entity such as `&amp;`, a CR LF) maps as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    text: usize,
    text_len: usize,
    orig: usize,
    orig_len: usize,
}

/// A map from byte offsets of converted text to byte offsets of the original file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    segments: Vec<Segment>,
    original_len: usize,
}

impl SourceMap {
    /// An empty map for an original of `original_len` bytes.
    pub fn new(original_len: usize) -> Self {
        SourceMap {
            segments: Vec::new(),
            original_len,
        }
    }

    /// Record that `text_len` bytes at `text` came from `orig_len` bytes at `orig`; runs
    /// are pushed in text order. Plain runs that continue the last one are merged.
    pub fn push(&mut self, text: usize, text_len: usize, orig: usize, orig_len: usize) {
        if text_len == 0 {
            return;
        }
        if let Some(last) = self.segments.last_mut() {
            let plain = last.text_len == last.orig_len && text_len == orig_len;
            if plain && last.text + last.text_len == text && last.orig + last.orig_len == orig {
                last.text_len += text_len;
                last.orig_len += orig_len;
                return;
            }
        }
        self.segments.push(Segment {
            text,
            text_len,
            orig,
            orig_len,
        });
    }

    /// The original offset of the byte at text offset `t` (the start of a span).
    pub fn start(&self, t: usize) -> usize {
        let i = self.segments.partition_point(|s| s.text + s.text_len <= t);
        match self.segments.get(i) {
            Some(s) if s.text <= t => {
                if s.text_len == s.orig_len {
                    s.orig + (t - s.text)
                } else {
                    s.orig
                }
            }
            // Text the converter added (a paragraph break): the next original byte.
            Some(s) => s.orig,
            None => self.original_len,
        }
    }

    /// The original offset just past the byte before text offset `t` (the end of a span).
    pub fn end(&self, t: usize) -> usize {
        let i = self.segments.partition_point(|s| s.text + s.text_len < t);
        match self.segments.get(i) {
            Some(s) if s.text < t => {
                if s.text_len == s.orig_len {
                    s.orig + (t - s.text)
                } else {
                    s.orig + s.orig_len
                }
            }
            _ => match i.checked_sub(1).and_then(|j| self.segments.get(j)) {
                Some(prev) => prev.orig + prev.orig_len,
                None => 0,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_runs_map_byte_for_byte_and_decoded_runs_as_a_whole() {
        // Original: "<p>AT&amp;T 5</p>" → text "AT&T 5".
        let mut m = SourceMap::new(17);
        m.push(0, 2, 3, 2); // "AT"
        m.push(2, 1, 5, 5); // "&" from "&amp;"
        m.push(3, 2, 10, 2); // "T "
        m.push(5, 1, 12, 1); // "5" merges with "T "
        assert_eq!(m.segments.len(), 3);
        assert_eq!(m.start(0), 3);
        assert_eq!(m.start(2), 5);
        assert_eq!(m.end(3), 10);
        assert_eq!(m.start(5), 12);
        assert_eq!(m.end(6), 13);
        assert_eq!(m.start(99), 17);
    }

    #[test]
    fn added_text_maps_to_the_next_original_byte() {
        let mut m = SourceMap::new(40);
        m.push(0, 4, 10, 4);
        m.push(6, 3, 30, 3); // text 4..6 was a paragraph break the converter added
        assert_eq!(m.start(4), 30);
        assert_eq!(m.end(5), 14);
    }

    #[test]
    fn formats_follow_extensions() {
        assert_eq!(Format::from_path(Path::new("a/b.HTML")), Format::Html);
        assert_eq!(Format::from_path(Path::new("b.md")), Format::Markdown);
        assert_eq!(Format::from_path(Path::new("b.txt")), Format::Text);
        assert_eq!(Format::from_path(Path::new("README")), Format::Text);
    }
}
