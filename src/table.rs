//! Plain-text tables in an article: rows of a label and figures set apart by runs of
//! spaces, as wire copy and reports print results, budgets and box scores.
//!
//! ```text
//! Passengers by route (millions of trips)
//!
//! Route           FY2022   FY2023   Change
//! Harbor line      12.64    13.50    +6.8%
//! Total            15.69    16.70    +6.4%
//! ```
//!
//! Columns are found by where their figures sit on the line (figures are right-aligned
//! in most tables, so cells of one column overlap), not by counting cells, so a row with
//! a blank or missing cell ("All routes   16.70") keeps its figures in the right column.
//! A header line above the rows names the columns; a caption above it may give the scale
//! of every figure ("millions of trips"), which the extractor applies.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// One row: its label and, per column, the byte range of its figure (`None` when blank).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The row label ("Local bus", "1981", "TOTAL").
    pub label: String,
    /// One entry per column of the table.
    pub cells: Vec<Option<Range<usize>>>,
}

/// One table.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Column headers, one per column ("" when the header line names none).
    pub headers: Vec<String>,
    /// The rows, in order.
    pub rows: Vec<Row>,
    /// The scale its caption or header gives its figures (1e6 for "millions of trips").
    pub scale: f64,
    /// Byte range from the first row to the end of the last.
    pub range: Range<usize>,
}

static CELL_GAP: LazyLock<Regex> = LazyLock::new(|| crate::pattern::compile(r" {2,}|\t+| *\| *"));
static NUMBER_CELL: LazyLock<Regex> =
    LazyLock::new(|| crate::pattern::compile(r"^[-−+]?[$£€]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)%?$"));
static SCALE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"(?i)(?:\(|\bin\s+|\$\s*|\bunits?:\s*)(thousands?|millions?|billions?)(?-u:\b)|(?-u:\b)(thousands|millions|billions)\s+of(?-u:\b)",
    )
});

/// A cell of a line: its text, byte range in the document and character columns.
#[derive(Debug, Clone)]
struct LineCell {
    text: String,
    bytes: Range<usize>,
    cols: Range<usize>,
}

fn is_blank_marker(t: &str) -> bool {
    matches!(t, "-" | "—" | "–" | "n/a" | "N/A" | "NA" | "..." | "…")
}

fn is_number(t: &str) -> bool {
    NUMBER_CELL.is_match(t)
}

/// A year written as four digits, 1900–2100: a date, not a figure.
pub fn is_year(t: &str) -> bool {
    t.len() == 4 && t.parse::<u16>().is_ok_and(|y| (1900..=2100).contains(&y))
}

/// Cells of one line.
fn cells(line: &str, offset: usize) -> Vec<LineCell> {
    let mut out = Vec::new();
    let mut last = 0;
    let mut push = |a: usize, b: usize| {
        let raw = line.get(a..b).unwrap_or("");
        let lead = raw.len() - raw.trim_start().len();
        let text = raw.trim();
        if text.is_empty() {
            return;
        }
        let col = line.get(..a + lead).map_or(0, |p| p.chars().count());
        out.push(LineCell {
            text: text.to_string(),
            bytes: offset + a + lead..offset + a + lead + text.len(),
            cols: col..col + text.chars().count(),
        });
    };
    for gap in CELL_GAP.find_iter(line) {
        push(last, gap.start());
        last = gap.end();
    }
    push(last, line.len());
    out
}

/// A row line: a label, then cells whose last is a figure and of which at least half
/// are figures (or blanks).
fn as_row(cells: &[LineCell]) -> Option<(String, Vec<LineCell>)> {
    let (label, rest) = cells.split_first()?;
    if rest.is_empty() {
        return None;
    }
    let label_ok = !is_number(&label.text) || is_year(&label.text);
    let last_ok = rest
        .last()
        .is_some_and(|c| is_number(&c.text) || is_blank_marker(&c.text));
    let numeric = rest
        .iter()
        .filter(|c| is_number(&c.text) || is_blank_marker(&c.text))
        .count();
    if !label_ok || !last_ok || numeric * 2 < rest.len() || label.text.chars().count() > 48 {
        return None;
    }
    let figures = rest.iter().filter(|c| is_number(&c.text)).cloned().collect();
    Some((label.text.clone(), figures))
}

/// Every table of a text: two or more consecutive row lines.
pub fn tables(text: &str) -> Vec<Table> {
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut offset = 0;
    for l in text.split_inclusive('\n') {
        lines.push((offset, l.trim_end_matches(['\n', '\r'])));
        offset += l.len();
    }
    let rows: Vec<Option<(String, Vec<LineCell>)>> = lines
        .iter()
        .map(|(o, l)| {
            if l.len() > 400 || !CELL_GAP.is_match(l) {
                None
            } else {
                as_row(&cells(l, *o))
            }
        })
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if rows.get(i).is_none_or(Option::is_none) {
            i += 1;
            continue;
        }
        let mut j = i;
        while rows.get(j).is_some_and(Option::is_some) {
            j += 1;
        }
        // A first line whose figures are only years, beside words ("City  1-yr change
        // 2015  2014"), is the header, not a row.
        let header_like = lines.get(i).is_some_and(|(o, l)| {
            let c = cells(l, *o);
            let rest = c.get(1..).unwrap_or(&[]);
            let figures: Vec<&LineCell> = rest.iter().filter(|x| is_number(&x.text)).collect();
            !figures.is_empty()
                && figures.iter().all(|x| is_year(&x.text))
                && (figures.len() < rest.len() || i + 1 < j)
        });
        let first = if header_like && j - i >= 3 { i + 1 } else { i };
        if j - first >= 2 {
            let block: Vec<&(String, Vec<LineCell>)> =
                rows.get(first..j).unwrap_or(&[]).iter().flatten().collect();
            out.push(build(&lines, first, j, &block));
        }
        i = j.max(i + 1);
    }
    out
}

/// Group a block of row lines into columns and name them.
fn build(lines: &[(usize, &str)], first: usize, end: usize, block: &[&(String, Vec<LineCell>)]) -> Table {
    // Columns: character ranges of figures that overlap, merged left to right.
    let mut spans: Vec<Range<usize>> = block
        .iter()
        .flat_map(|(_, c)| c.iter().map(|x| x.cols.clone()))
        .collect();
    spans.sort_by_key(|r| r.start);
    let mut columns: Vec<Range<usize>> = Vec::new();
    for s in spans {
        match columns.last_mut() {
            Some(c) if s.start < c.end => c.end = c.end.max(s.end),
            _ => columns.push(s),
        }
    }
    let column_of = |cols: &Range<usize>| {
        columns
            .iter()
            .position(|c| cols.start < c.end && c.start < cols.end)
    };
    let rows = block
        .iter()
        .map(|(label, figures)| {
            let mut cells = vec![None; columns.len()];
            for f in figures {
                if let Some(slot) = column_of(&f.cols).and_then(|k| cells.get_mut(k)) {
                    *slot = Some(f.bytes.clone());
                }
            }
            Row {
                label: label.clone(),
                cells,
            }
        })
        .collect();
    // The header: the line just above the rows, its cells placed by overlap.
    let mut headers = vec![String::new(); columns.len()];
    let mut scale_text = String::new();
    if let Some((o, l)) = first.checked_sub(1).and_then(|h| lines.get(h)) {
        if !l.trim().is_empty() {
            for c in cells(l, *o) {
                let best = columns
                    .iter()
                    .enumerate()
                    .filter(|(_, col)| c.cols.start < col.end + 2 && col.start < c.cols.end + 2)
                    .min_by_key(|(_, col)| col.end.abs_diff(c.cols.end))
                    .map(|(k, _)| k);
                if let Some(h) = best.and_then(|k| headers.get_mut(k)) {
                    if h.is_empty() {
                        *h = c.text.clone();
                    }
                }
            }
            scale_text.push_str(l);
        }
    }
    // The caption: up to two non-empty lines above the header (across one blank line).
    for k in (first.saturating_sub(4)..first.saturating_sub(1)).rev() {
        if let Some((_, l)) = lines.get(k) {
            scale_text.push(' ');
            scale_text.push_str(l);
        }
    }
    let scale = SCALE
        .captures(&scale_text)
        .and_then(|c| c.get(1).or_else(|| c.get(2)))
        .map_or(1.0, |m| {
            match m.as_str().to_ascii_lowercase().trim_end_matches('s') {
                "thousand" => 1e3,
                "million" => 1e6,
                _ => 1e9,
            }
        });
    let start = lines.get(first).map_or(0, |(o, _)| *o);
    let stop = lines
        .get(end.saturating_sub(1))
        .map_or(start, |(o, l)| o + l.len());
    Table {
        headers,
        rows,
        scale,
        range: start..stop,
    }
}

/// True for a row label that names a total ("Total", "TOTAL", "All routes", "Overall").
pub fn is_total_label(label: &str) -> bool {
    let l = label.to_lowercase();
    let first = l.split_whitespace().next().unwrap_or("");
    // A "Net …" row ("Net income", "Net domestic migration") is a balance of inflows and
    // outflows, or one item among others: no sum of the rows above it.
    matches!(first, "total" | "totals" | "all" | "overall" | "combined" | "sum") || l.ends_with(" total")
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
            .and_then(|r| r.cells.first())
            .cloned()
            .flatten()
            .unwrap_or(0..0);
        assert_eq!(&T[cell], "19,933");
        assert!(is_total_label("TOTAL"));
        assert!(is_total_label("Net total"));
        assert!(!is_total_label("Net income"));
        assert!(!is_total_label("Net transfers in"));
        assert_eq!(t.scale, 1.0);
    }

    #[test]
    fn short_rows_keep_their_columns_and_captions_give_the_scale() {
        let text = "Output (millions of tons)\nCrop      Acres   Tons\nCorn      1,200   35.5\nWheat       800   12.1\nAll     2,000\n";
        let t = tables(text);
        let Some(t) = t.first() else {
            panic!("no table in {text:?}")
        };
        assert_eq!(t.headers, vec!["Acres", "Tons"]);
        assert_eq!(t.rows.len(), 3);
        assert_eq!(
            t.rows.get(2).map(|r| r.cells.get(1).cloned().flatten()),
            Some(None)
        );
        assert_eq!(t.scale, 1e6);
    }

    #[test]
    fn a_singular_scale_in_the_header_scales_the_cells() {
        let text = "Grain stocks\nSeason   Stocks (Million Tonnes per Year)\n2019     4.25\n2020     4.80\n2021     5.10\n";
        let t = tables(text);
        let Some(t) = t.first() else {
            panic!("no table in {text:?}")
        };
        assert_eq!(t.scale, 1e6);
        let text = "Visitors by gate ($ thousand)\nGate     Fees    Sales\nNorth    12.5    40.2\nSouth     9.8    31.7\n";
        assert_eq!(tables(text).first().map(|t| t.scale), Some(1e3));
    }

    #[test]
    fn cells_split_by_bars_are_a_table() {
        let text = "Season | Stocks (Million Tonnes per Year)\n2019 | 4.25\n2020 | 4.80\n2021 | 5.10\n";
        let t = tables(text);
        let Some(t) = t.first() else {
            panic!("no table in {text:?}")
        };
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.scale, 1e6);
        assert_eq!(t.rows.first().map(|r| r.label.as_str()), Some("2019"));
    }

    #[test]
    fn year_labels_and_blank_cells() {
        let text = "Year   Pop      Calls\n1981   106,100  2,822\n2003   143,910  -\n";
        let t = tables(text);
        assert_eq!(t.first().map(|t| t.rows.len()), Some(2));
        assert_eq!(
            t.first().map(|t| t.rows.get(1).map(|r| r.label.clone())),
            Some(Some("2003".into()))
        );
    }

    #[test]
    fn prose_is_not_a_table() {
        assert!(tables("It rose  12  and  14 percent.\nThen  3  and  4.").is_empty());
    }
}
