//! The layout a figure sits in beyond its sentence: the headline, bullet lists and
//! plain-text tables. Parts of a whole are often a list's items or a table's column, and
//! a headline figure is a repeat of a body figure; rules find those operands here.

use crate::claim::Claim;
use crate::document::Document;
// Keyed by claim index and only looked up: a fast hash, not a DoS-resistant one.
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// Where a figure sits in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// Index of the table in the document.
    pub table: usize,
    /// Row index.
    pub row: usize,
    /// Column index.
    pub col: usize,
}

/// A bullet list: consecutive lines that open with a bullet or a number and a stop.
#[derive(Debug, Clone)]
pub struct List {
    /// Byte range of each item (one line each).
    pub items: Vec<Range<usize>>,
}

/// Headline, lists and tables, with the claims found in them.
#[derive(Debug, Clone, Default)]
pub struct Structure {
    /// 0-based line of the headline, when the article opens with one: the first line with
    /// text that is not debris, ends without a full stop and is short.
    pub headline_line: Option<usize>,
    /// Bullet lists.
    pub lists: Vec<List>,
    /// Claim indices in each table: `grid[table][row][col]`.
    pub grid: Vec<Vec<Vec<Option<usize>>>>,
    cells: HashMap<usize, Cell>,
    items: HashMap<usize, (usize, usize)>,
}

/// The marks that open a bullet list's item.
pub const BULLETS: [char; 6] = ['-', '•', '*', '·', '–', '▪'];

fn bullet(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with(BULLETS) {
        return t.chars().nth(1).is_some_and(char::is_whitespace);
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    digits > 0
        && digits <= 2
        && t.get(digits..)
            .is_some_and(|r| r.starts_with(". ") || r.starts_with(") "))
}

impl Structure {
    /// Find the structure of a document and place its claims in it.
    pub fn new(doc: &Document, claims: &[Claim]) -> Self {
        let text = doc.text.as_str();
        let mut headline_line = None;
        let mut lists: Vec<List> = Vec::new();
        let mut open = false;
        let mut offset = 0;
        for (n, raw) in text.split_inclusive('\n').enumerate() {
            let line = raw.trim_end();
            let range = offset..offset + line.len();
            offset += raw.len();
            if headline_line.is_none() && !line.trim().is_empty() && !doc.is_debris(&range) {
                let short = line.chars().count() <= 160;
                let titled = !line.trim_end().ends_with(['.', ':']);
                // A list's first item is no headline ("- Ana Ortiz: 14,210 votes").
                let headline = short && titled && !bullet(line);
                headline_line = Some(if headline { n } else { usize::MAX });
            }
            if bullet(line) {
                if !open {
                    lists.push(List { items: Vec::new() });
                    open = true;
                }
                if let Some(l) = lists.last_mut() {
                    l.items.push(range);
                }
            } else if !line.trim().is_empty() {
                open = false;
            }
        }
        let headline_line = headline_line.filter(|l| *l != usize::MAX);
        let starts: Vec<usize> = claims.iter().map(|c| crate::Report::text_span(c).start).collect();
        let index_at = |start: usize| {
            let i = starts.partition_point(|s| *s < start);
            (starts.get(i) == Some(&start)).then_some(i)
        };
        let mut cells = HashMap::default();
        let mut grid = Vec::new();
        for (t, table) in doc.tables.iter().enumerate() {
            let mut rows = Vec::new();
            for (r, row) in table.rows.iter().enumerate() {
                let mut cols = Vec::new();
                for (k, cell) in row.cells.iter().enumerate() {
                    let claim = cell.as_ref().and_then(|c| index_at(c.start));
                    if let Some(i) = claim {
                        cells.insert(
                            i,
                            Cell {
                                table: t,
                                row: r,
                                col: k,
                            },
                        );
                    }
                    cols.push(claim);
                }
                rows.push(cols);
            }
            grid.push(rows);
        }
        let mut items = HashMap::default();
        for (l, list) in lists.iter().enumerate() {
            for (k, item) in list.items.iter().enumerate() {
                let a = starts.partition_point(|s| *s < item.start);
                let b = starts.partition_point(|s| *s < item.end);
                for i in a..b {
                    items.insert(i, (l, k));
                }
            }
        }
        Structure {
            headline_line,
            lists,
            grid,
            cells,
            items,
        }
    }

    /// The table cell of claim `i`.
    pub fn cell_of(&self, i: usize) -> Option<Cell> {
        self.cells.get(&i).copied()
    }

    /// The (list, item) of claim `i`.
    pub fn item_of(&self, i: usize) -> Option<(usize, usize)> {
        self.items.get(&i).copied()
    }

    /// The claim in a table cell.
    pub fn at(&self, table: usize, row: usize, col: usize) -> Option<usize> {
        self.grid.get(table)?.get(row)?.get(col).copied().flatten()
    }

    /// Rows of a table.
    pub fn rows(&self, table: usize) -> usize {
        self.grid.get(table).map_or(0, Vec::len)
    }

    /// Columns of a table.
    pub fn cols(&self, table: usize) -> usize {
        self.grid
            .get(table)
            .and_then(|t| t.iter().map(Vec::len).max())
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    #[test]
    fn bullets_are_list_items() {
        assert!(bullet("- Vacancies: 51"));
        assert!(bullet("  • Roughly $2,350,000 more"));
        assert!(bullet("2. Night shifts are short"));
        assert!(!bullet("-9 officers"));
        assert!(!bullet("2024 was a year"));
    }

    #[test]
    fn a_list_that_opens_the_text_has_no_headline() {
        let headline = |text: &str| {
            let doc = Document::new(text);
            Structure::new(&doc, &[]).headline_line
        };
        assert_eq!(headline("- Ortiz: 14,210 votes\n- Banks: 12,950 votes\n"), None);
        assert_eq!(
            headline("Ortiz wins the seat\n\n- Ortiz: 14,210 votes\n"),
            Some(0)
        );
    }
}
