//! HTML to text: parse the page with a real HTML parser (html5ever, through scraper), keep
//! the visible prose, lay it out as the plain-text reader expects (the title as the
//! headline, one block per line, table cells apart, white space collapsed as a browser
//! would) and map every piece back to its bytes in the file.
//!
//! The parser gives text nodes without positions, so each one is found again in the
//! file: from where the previous node ended, markup (tags, comments) is skipped and the
//! node's characters are matched against the raw bytes, entities decoded on the way.
//! Nodes are in file order, so the search moves forward only and the whole page costs
//! one pass; a node that cannot be found (text the parser made up) is placed at the
//! last position found.

use super::SourceMap;
use scraper::{Html, Node};

/// Elements whose text is never prose: code, styling, navigation, captions, forms.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "figcaption",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "svg",
    "math",
    "iframe",
    "object",
    "canvas",
    "audio",
    "video",
];

/// True for an element whose text is not prose: by its name or by its class or id.
fn is_skipped(e: &scraper::node::Element) -> bool {
    SKIPPED.contains(&e.name()) || is_boilerplate(e)
}

/// Words in a class or id that mark page furniture rather than the story: share bars,
/// newsletter boxes, related links, comment counts, ads, cookie notices.
const BOILERPLATE_NAMES: &[&str] = &[
    "share",
    "sharing",
    "social",
    "newsletter",
    "related",
    "recirc",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "sponsor",
    "cookie",
    "consent",
    "subscribe",
    "paywall",
    "comments",
    "breadcrumb",
    "sidebar",
];

/// True for an element whose class or id names page furniture ("share-bar", "related").
/// The page's own containers, whose classes describe the whole page ("has-sidebar"), are
/// never furniture.
fn is_boilerplate(e: &scraper::node::Element) -> bool {
    if matches!(e.name(), "html" | "body" | "main" | "article") {
        return false;
    }
    let names = e.attr("class").into_iter().chain(e.attr("id"));
    names
        .flat_map(|v| v.split(|c: char| !c.is_ascii_alphanumeric()))
        .any(|w| BOILERPLATE_NAMES.iter().any(|b| w.eq_ignore_ascii_case(b)))
}

/// Elements that start a new block (a new line of text).
const BLOCKS: &[&str] = &[
    "title",
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "caption",
    "section",
    "article",
    "main",
    "header",
    "blockquote",
    "pre",
    "hr",
    "br",
    "figure",
    "address",
    "details",
    "summary",
    "body",
];

/// Elements whose text html5ever keeps raw, entities and all.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// A text node found in the file: where it ends, and each character with the offset and
/// length of the bytes it came from.
type Located = (usize, Vec<(char, usize, usize)>);

/// How far past the previous node the search for a node's text may go.
const SEARCH_WINDOW: usize = 1 << 20;

/// The prose of an HTML page and the map back to the page's bytes.
pub fn to_text(source: &str) -> (String, SourceMap) {
    let page = Html::parse_document(source);
    let mut out = Layout {
        text: String::with_capacity(source.len() / 2),
        map: SourceMap::new(source.len()),
        pending: Break::None,
        space: None,
    };
    let mut cursor = 0usize;
    let mut skipping = 0usize;
    let mut preformatted = 0usize;
    for edge in page.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if is_skipped(e) {
                        skipping += 1;
                    }
                    if name == "pre" {
                        preformatted += 1;
                    }
                    if BLOCKS.contains(&name) {
                        out.request(if name == "br" {
                            Break::Line
                        } else {
                            Break::Paragraph
                        });
                    }
                }
                Node::Text(t) => {
                    let parent = node
                        .parent()
                        .and_then(|p| p.value().as_element().map(|e| e.name().to_string()))
                        .unwrap_or_default();
                    let raw = RAW_TEXT.contains(&parent.as_str());
                    let chars = match locate(source, cursor, &t.text, raw) {
                        Some((end, chars)) => {
                            cursor = end;
                            chars
                        }
                        None => t.text.chars().map(|c| (c, cursor, 0)).collect(),
                    };
                    if skipping == 0 {
                        out.add(&chars, preformatted > 0);
                    }
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Some(e) = node.value().as_element() {
                    let name = e.name();
                    if is_skipped(e) {
                        skipping = skipping.saturating_sub(1);
                    }
                    if name == "pre" {
                        preformatted = preformatted.saturating_sub(1);
                    }
                    match name {
                        "td" | "th" => out.request(Break::Cell),
                        _ if BLOCKS.contains(&name) => out.request(Break::Paragraph),
                        _ => {}
                    }
                }
            }
        }
    }
    (out.text, out.map)
}

/// What separates the next text from the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    None,
    /// A gap between table cells: wide enough for the plain-text table reader.
    Cell,
    /// A line break.
    Line,
    /// A blank line.
    Paragraph,
}

/// The text being laid out and its map.
struct Layout {
    text: String,
    map: SourceMap,
    pending: Break,
    /// White space seen since the last character written: one space, written only if
    /// more text follows without a break.
    space: Option<(usize, usize)>,
}

impl Layout {
    fn request(&mut self, b: Break) {
        self.pending = self.pending.max(b);
    }

    /// Append a text node's characters, each with its (offset, length) in the file.
    fn add(&mut self, chars: &[(char, usize, usize)], preformatted: bool) {
        for &(c, orig, orig_len) in chars {
            if c.is_whitespace() && !preformatted {
                if !self.text.is_empty() && self.pending == Break::None && self.space.is_none() {
                    self.space = Some((orig, orig_len));
                }
                continue;
            }
            if self.pending != Break::None {
                if !self.text.is_empty() {
                    let gap = match self.pending {
                        Break::Cell => "   ",
                        Break::Line => "\n",
                        _ => "\n\n",
                    };
                    self.text.push_str(gap);
                }
                self.pending = Break::None;
                self.space = None;
            } else if let Some((o, l)) = self.space.take() {
                self.put(' ', o, l);
            }
            self.put(c, orig, orig_len);
        }
    }

    fn put(&mut self, c: char, orig: usize, orig_len: usize) {
        let at = self.text.len();
        self.text.push(c);
        self.map.push(at, c.len_utf8(), orig, orig_len);
    }
}

/// Find a text node in the file at or after `from`: its characters with the offset and
/// length of the bytes each came from, and where it ends.
fn locate(source: &str, from: usize, text: &str, raw: bool) -> Option<Located> {
    let mut p = skip_markup(source, from);
    let limit = from.saturating_add(SEARCH_WINDOW);
    while p < source.len() && p <= limit {
        if let Some(found) = match_at(source, p, text, raw) {
            return Some(found);
        }
        let step = source.get(p..)?.chars().next()?.len_utf8();
        p = skip_markup(source, p + step);
    }
    None
}

/// Skip tags, comments and declarations starting at `p`.
fn skip_markup(source: &str, mut p: usize) -> usize {
    let bytes = source.as_bytes();
    while bytes.get(p) == Some(&b'<') {
        let next = bytes.get(p + 1).copied().unwrap_or(0);
        let end = if source.get(p..).is_some_and(|s| s.starts_with("<!--")) {
            source
                .get(p + 4..)
                .and_then(|s| s.find("-->"))
                .map(|i| p + 4 + i + 3)
        } else if next == b'!' || next == b'?' {
            source.get(p..).and_then(|s| s.find('>')).map(|i| p + i + 1)
        } else if next.is_ascii_alphabetic() || next == b'/' {
            tag_end(bytes, p)
        } else {
            return p;
        };
        p = end.unwrap_or(source.len());
    }
    p
}

/// The offset past a tag starting at `p`, quoted attribute values skipped whole.
fn tag_end(bytes: &[u8], p: usize) -> Option<usize> {
    let mut quote = None;
    for (i, &b) in bytes.get(p..)?.iter().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return Some(p + i + 1),
            None => {}
        }
    }
    None
}

/// Match a text node's characters against the file at `p`.
fn match_at(source: &str, p: usize, text: &str, raw: bool) -> Option<Located> {
    let mut out = Vec::with_capacity(text.len());
    let mut q = p;
    let mut want = text.chars().peekable();
    while let Some(&c) = want.peek() {
        let rest = source.get(q..)?;
        let here = rest.chars().next()?;
        if here == '\r' {
            // The parser reads CR LF and a lone CR as LF.
            let len = if rest.starts_with("\r\n") { 2 } else { 1 };
            if c != '\n' {
                return None;
            }
            out.push(('\n', q, len));
            want.next();
            q += len;
            continue;
        }
        if here == '&' && !raw {
            if let Some((decoded, len)) = entity(rest) {
                for d in decoded.chars() {
                    if want.next() != Some(d) {
                        return None;
                    }
                    out.push((d, q, len));
                }
                q += len;
                continue;
            }
        }
        if here != c {
            return None;
        }
        out.push((c, q, here.len_utf8()));
        want.next();
        q += here.len_utf8();
    }
    Some((q, out))
}

/// The character reference at the start of `s` ("&amp;", "&#36;", "&#x20AC;"): what it
/// stands for and its length in bytes.
fn entity(s: &str) -> Option<(String, usize)> {
    let body = s.get(1..)?;
    let len = body
        .char_indices()
        .take(40)
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '#'))
        .map_or(body.len().min(40), |(i, _)| i);
    let semi = body.get(len..).is_some_and(|r| r.starts_with(';'));
    let candidate = s.get(..1 + len + usize::from(semi))?;
    let decoded = html_escape::decode_html_entities(candidate);
    (decoded != candidate).then(|| (decoded.into_owned(), candidate.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn original<'a>(source: &'a str, text: &str, map: &SourceMap, needle: &str) -> &'a str {
        let t = text.find(needle).unwrap_or(0);
        source.get(map.start(t)..map.end(t + needle.len())).unwrap_or("")
    }

    #[test]
    fn prose_is_kept_and_boilerplate_dropped() {
        let page = "<html><head><title>Backlog hits 7.4 million</title><style>p{margin:0 3px}</style></head>\n<body><nav>Home | 2024 | Sports</nav>\n<p>The backlog\n   has reached <b>7.4 million</b> cases.</p><script>var x = 5;</script>\n<figure><img src=a.jpg><figcaption>Photo 2019</figcaption></figure><p>There are about 6,000 officers.</p></body></html>";
        let (text, map) = to_text(page);
        assert_eq!(
            text,
            "Backlog hits 7.4 million\n\nThe backlog has reached 7.4 million cases.\n\nThere are about 6,000 officers."
        );
        assert_eq!(
            original(page, &text, &map, "7.4 million cases"),
            "7.4 million</b> cases"
        );
        assert_eq!(original(page, &text, &map, "about 6,000"), "about 6,000");
    }

    #[test]
    fn page_furniture_is_dropped_by_class_or_id() {
        let page = "<body class=\"single has-sidebar ad-free\"><div id=\"share\">Share 1.2k</div><div class=\"story-body\"><p>Rates rose 12%.</p></div><div class=\"related-links promo\">5 things</div><section class=\"ad\">50% off</section>";
        let (text, _) = to_text(page);
        assert_eq!(text, "Rates rose 12%.");
    }

    #[test]
    fn entities_map_to_their_source_bytes() {
        let page = "<p>Costs rose to &#36;5&nbsp;million at AT&amp;T &mdash; 12%.</p>";
        let (text, map) = to_text(page);
        assert_eq!(text, "Costs rose to $5 million at AT&T \u{2014} 12%.");
        assert_eq!(original(page, &text, &map, "$5 million"), "&#36;5&nbsp;million");
        assert_eq!(original(page, &text, &map, "12%"), "12%");
    }

    #[test]
    fn table_cells_are_set_apart_and_rows_on_lines() {
        let page = "<table><tr><th>Region</th><th>2023</th><th>2024</th></tr><tr><td>North</td><td>1,200</td><td>1,500</td></tr></table>";
        let (text, _) = to_text(page);
        assert_eq!(text, "Region   2023   2024\n\nNorth   1,200   1,500");
    }

    #[test]
    fn attributes_and_comments_are_not_text() {
        let page = "<p title=\"5 > 4\">Five<!-- 99 --> is 5.</p>";
        let (text, map) = to_text(page);
        assert_eq!(text, "Five is 5.");
        assert_eq!(original(page, &text, &map, "5."), "5.");
        assert_eq!(
            map.start(text.find("is").unwrap_or(0)),
            page.find("is").unwrap_or(0)
        );
    }

    #[test]
    fn broken_html_still_gives_text() {
        for page in [
            "<p>unclosed <b>bold 5",
            "<<<>>>&&&;;;",
            "",
            "<p>a &#xFFFFFFFF; b</p>",
            "\r\n<p>x\r\ny 7</p>",
        ] {
            let (text, map) = to_text(page);
            for (i, _) in text.char_indices() {
                assert!(map.start(i) <= page.len());
                assert!(map.end(i + 1) <= page.len());
            }
        }
    }
}
