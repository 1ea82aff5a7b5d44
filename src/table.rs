//! Plain-text tables in an article: a header line over rows of a label and numbers set
//! apart by runs of spaces, as wire copy prints sales and results tables.
//!
//! ```text
//!                  Dec 2000   Dec 1999   YTD 2000   YTD 1999
//! CARS               10,885     11,623    168,754    188,927
//! TOTAL              19,933     17,205    255,526    243,708
//! ```
//!
//! Rules use a table to find the figures a sentence talks about ("December sales jumped
//! 15.9 percent from the same month of 1999" → the TOTAL row, Dec 2000 against Dec 1999).

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// One table: its column headers and its rows, each cell a byte range into the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Column headers, one per numeric column.
    pub headers: Vec<String>,
    /// Rows: the label and, per column, the byte range of its figure.
    pub rows: Vec<(String, Vec<Range<usize>>)>,
}

static CELL_GAP: LazyLock<Regex> = LazyLock::new(|| crate::pattern::compile(r"\s{2,}|\t+"));
static NUMBER_CELL: LazyLock<Regex> =
    LazyLock::new(|| crate::pattern::compile(r"^[-−]?[$£€]?\d[\d,]*(?:\.\d+)?%?$"));

/// Cells of one line: (text, byte range in the document).
fn cells(line: &str, offset: usize) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut last = 0;
    for gap in CELL_GAP.find_iter(line) {
        if gap.start() > last {
            out.push((
                line[last..gap.start()].to_string(),
                offset + last..offset + gap.start(),
            ));
        }
        last = gap.end();
    }
    if last < line.len() {
        out.push((line[last..].to_string(), offset + last..offset + line.len()));
    }
    out
}

/// A row: a label, then two or more number cells.
fn as_row(line: &str, offset: usize) -> Option<(String, Vec<Range<usize>>)> {
    let c = cells(line, offset);
    let (label, numbers) = c.split_first()?;
    if numbers.len() < 2 || !numbers.iter().all(|(t, _)| NUMBER_CELL.is_match(t.trim())) {
        return None;
    }
    if NUMBER_CELL.is_match(label.0.trim()) || !line.starts_with(|ch: char| !ch.is_whitespace()) {
        return None;
    }
    Some((
        label.0.trim().to_string(),
        numbers.iter().map(|(_, r)| r.clone()).collect(),
    ))
}

/// Every table of a text: two or more consecutive rows with the same number of columns
/// under a header line with as many headers.
pub fn tables(text: &str) -> Vec<Table> {
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut offset = 0;
    for l in text.split_inclusive('\n') {
        lines.push((offset, l.trim_end_matches(['\n', '\r'])));
        offset += l.len();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some((off, line)) = lines.get(i).copied() else {
            break;
        };
        let Some(first) = as_row(line, off) else {
            i += 1;
            continue;
        };
        let width = first.1.len();
        let mut rows = vec![first];
        let mut j = i + 1;
        while let Some(row) = lines
            .get(j)
            .and_then(|(o, l)| as_row(l, *o))
            .filter(|r| r.1.len() == width)
        {
            rows.push(row);
            j += 1;
        }
        let header = i
            .checked_sub(1)
            .and_then(|h| lines.get(h))
            .map(|(o, l)| {
                cells(l, *o)
                    .into_iter()
                    .map(|(t, _)| t.trim().to_string())
                    .collect::<Vec<_>>()
            })
            .filter(|h| h.len() == width);
        if let (true, Some(headers)) = (rows.len() >= 2, header) {
            out.push(Table { headers, rows });
        }
        i = j;
    }
    out
}

/// Pairs of columns (newer, older) whose headers differ only in their year, the newer one
/// year later: ("Dec 2000", "Dec 1999").
pub fn year_pairs(t: &Table) -> Vec<(usize, usize)> {
    let split = |h: &str| -> Option<(String, u32)> {
        let year: u32 = h
            .split_whitespace()
            .find_map(|w| w.parse().ok().filter(|y| (1900..2100).contains(y)))?;
        let rest: Vec<&str> = h
            .split_whitespace()
            .filter(|w| w.parse::<u32>().is_err())
            .collect();
        Some((rest.join(" ").to_lowercase(), year))
    };
    let parsed: Vec<Option<(String, u32)>> = t.headers.iter().map(|h| split(h)).collect();
    let mut out = Vec::new();
    for (a, pa) in parsed.iter().enumerate() {
        for (b, pb) in parsed.iter().enumerate() {
            if let (Some((na, ya)), Some((nb, yb))) = (pa, pb) {
                if na == nb && *ya == yb + 1 {
                    out.push((a, b));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "Sales\n                 Dec 2000   Dec 1999   YTD 2000   YTD 1999\nCARS               10,885     11,623    168,754    188,927\nTOTAL              19,933     17,205    255,526    243,708\n\nProse follows.";

    #[test]
    fn reads_headers_rows_and_cells() {
        let t = tables(T);
        assert_eq!(t.len(), 1);
        let Some(t) = t.first() else { return };
        assert_eq!(t.headers, vec!["Dec 2000", "Dec 1999", "YTD 2000", "YTD 1999"]);
        assert_eq!(t.rows.len(), 2);
        let cell = t
            .rows
            .get(1)
            .and_then(|(_, c)| c.first())
            .cloned()
            .unwrap_or(0..0);
        assert_eq!(&T[cell], "19,933");
        assert_eq!(year_pairs(t), vec![(0, 1), (2, 3)]);
    }

    #[test]
    fn prose_is_not_a_table() {
        assert!(tables("It rose  12  and  14 percent.\nThen  3  and  4.").is_empty());
    }
}
