//! Markdown to text, layout kept: the parser (pulldown-cmark) names the byte ranges that
//! are prose; everything else (heading marks, emphasis, link targets, code blocks, HTML,
//! table pipes) becomes spaces, so every offset, line and column is the file's own.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The prose of a Markdown article, each character at its byte offset in the file.
pub fn to_text(source: &str) -> String {
    let mut keep = vec![false; source.len()];
    let mut in_code_block = 0usize;
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code_block += 1,
            Event::End(TagEnd::CodeBlock) => in_code_block = in_code_block.saturating_sub(1),
            Event::Text(_) | Event::Code(_) if in_code_block == 0 => {
                if let Some(flags) = keep.get_mut(range) {
                    flags.iter_mut().for_each(|k| *k = true);
                }
            }
            _ => {}
        }
    }
    let mut out = String::with_capacity(source.len());
    for (i, c) in source.char_indices() {
        if c == '\n' || c == '\r' || keep.get(i).copied().unwrap_or(false) {
            out.push(c);
        } else {
            // One space per byte keeps every later offset where it was.
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_spaces_and_offsets_stay() {
        let md = "# Budget: $4.2 billion\n\nThe city spent **$1.1 billion**, see [the 2023 report](https://x.org/2023/99).\n\n```\nlet x = 42;\n```\n";
        let text = to_text(md);
        assert_eq!(text.len(), md.len());
        assert_eq!(text.lines().count(), md.lines().count());
        assert!(text.starts_with("  Budget: $4.2 billion\n"));
        assert!(text.contains("spent   $1.1 billion  , see  the 2023 report"));
        assert!(!text.contains("99"), "link targets are not prose");
        assert!(!text.contains("42"), "code blocks are not prose");
        let at = md.find("$1.1").unwrap_or(0);
        assert_eq!(text.get(at..at + 4), Some("$1.1"));
    }

    #[test]
    fn tables_keep_their_cells_apart() {
        let md = "| Year | Cases |\n|---|---|\n| 2023 | 1,200 |\n";
        let text = to_text(md);
        assert!(text.contains("  2023   1,200  "), "{text:?}");
    }

    #[test]
    fn multibyte_markup_keeps_byte_offsets() {
        let md = "> “Quote” 5 ½\n";
        assert_eq!(to_text(md).len(), md.len());
    }
}
