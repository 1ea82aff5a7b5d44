//! Tables: the claims of an article (`claimcheck extract`) and the summary that closes
//! the human report.

use super::Checked;
use crate::finding::fmt_range;
use crate::interval::Verdict;
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

fn new_table(header: Vec<&str>) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header);
    t
}

/// Every claim of an article, one row each, as wide as its cells make it.
pub fn claims_table(doc: &Checked) -> String {
    claims_table_fitted(doc, None)
}

/// Every claim of an article, one row each, its cells wrapped to fit `width` columns.
pub fn claims_table_in(doc: &Checked, width: usize) -> String {
    claims_table_fitted(doc, Some(width))
}

fn claims_table_fitted(doc: &Checked, width: Option<usize>) -> String {
    let mut t = new_table(vec![
        "id", "line:col", "text", "kind", "value", "hedge", "unit", "per", "time",
    ]);
    for c in &doc.report.claims {
        let unit = match (&c.unit, c.unit_inferred) {
            (Some(u), true) => format!("{u} (inferred)"),
            (Some(u), false) => u.clone(),
            (None, _) => String::new(),
        };
        let kind = if c.debris {
            format!("{} (debris)", c.kind.as_str())
        } else {
            c.kind.as_str().to_string()
        };
        t.add_row(vec![
            c.id.clone(),
            format!("{}:{}", c.span.line, c.span.column),
            c.text.replace('\n', " "),
            kind,
            if c.kind.enters_arithmetic() {
                fmt_range(&c.value)
            } else {
                String::new()
            },
            serde_json::to_value(c.hedge)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            unit,
            c.per.clone().unwrap_or_default(),
            c.time.clone().unwrap_or_default(),
        ]);
    }
    if let Some(w) = width {
        fit(&mut t, w);
        // Short cells keep their width (id, place, kind, value, hedge); the words wrap.
        for i in [0, 1, 3, 4, 5] {
            if let Some(c) = t.column_mut(i) {
                c.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
            }
        }
    }
    format!("{}\n{t}\n", doc.path)
}

/// One article's line of the summary table: kept instead of its report when a batch
/// streams, so the table costs a few numbers per article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRow {
    /// The article.
    pub path: String,
    /// Claims found.
    pub claims: usize,
    /// Claims that can enter arithmetic.
    pub quantities: usize,
    /// Rules run.
    pub rules_run: usize,
    /// Findings by verdict, dismissed ones apart: contradicted, borderline, consistent.
    pub contradicted: usize,
    /// Borderline findings not dismissed.
    pub borderline: usize,
    /// Consistent findings not dismissed.
    pub consistent: usize,
    /// Findings a reviewer dismissed.
    pub dismissed: usize,
}

impl SummaryRow {
    /// The row of one article.
    pub fn of(d: &Checked) -> SummaryRow {
        let r = d.report;
        // Dismissed findings are counted apart, not under their verdict.
        let count = |v: Verdict| {
            r.findings
                .iter()
                .enumerate()
                .filter(|(i, f)| f.verdict == v && !r.dismissed(*i))
                .count()
        };
        SummaryRow {
            path: d.path.to_string(),
            claims: r.claims.len(),
            quantities: r.claims.iter().filter(|c| c.usable()).count(),
            rules_run: r.rules_run.len(),
            contradicted: count(Verdict::Contradicted),
            borderline: count(Verdict::Borderline),
            consistent: count(Verdict::Consistent),
            dismissed: (0..r.findings.len()).filter(|i| r.dismissed(*i)).count(),
        }
    }
}

/// Claims found, rules run and findings by verdict, one row per article.
pub fn summary_table(docs: &[Checked]) -> String {
    summary_of_rows(&docs.iter().map(SummaryRow::of).collect::<Vec<_>>())
}

/// The summary table from rows, [`super::human::DEFAULT_WIDTH`] columns wide at most.
pub fn summary_of_rows(rows: &[SummaryRow]) -> String {
    summary_of_rows_in(rows, super::human::DEFAULT_WIDTH)
}

/// The summary table from rows, at most `width` columns wide: when the headers in full
/// make it too wide, they break where a reader expects ("contra-/dicted"); when even that
/// is too wide, each article gets a line of its own instead. With no rows (nothing was
/// checked) it is empty.
pub fn summary_of_rows_in(rows: &[SummaryRow], width: usize) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let any_dismissed = rows.iter().any(|r| r.dismissed > 0);
    let build = |header: Vec<&str>| {
        let mut header = header;
        if !any_dismissed {
            header.pop();
        }
        let mut t = new_table(header);
        for r in rows {
            let mut row = vec![
                r.path.clone(),
                r.claims.to_string(),
                r.quantities.to_string(),
                r.rules_run.to_string(),
                r.contradicted.to_string(),
                r.borderline.to_string(),
                r.consistent.to_string(),
            ];
            if any_dismissed {
                row.push(r.dismissed.to_string());
            }
            t.add_row(row);
        }
        t
    };
    let full = build(vec![
        "article",
        "claims",
        "quantities",
        "rules run",
        "contradicted",
        "borderline",
        "consistent",
        "dismissed",
    ])
    .to_string();
    if full.lines().all(|l| l.chars().count() <= width) {
        return full;
    }
    let compact = build(vec![
        "article",
        "claims",
        "quanti-\nties",
        "rules\nrun",
        "contra-\ndicted",
        "border-\nline",
        "consis-\ntent",
        "dis-\nmissed",
    ])
    .to_string();
    if compact.lines().all(|l| l.chars().count() <= width) {
        return compact;
    }
    let mut out = Vec::new();
    for r in rows {
        let mut line = format!(
            "{}: {} claims, {} quantities, {} rules run; {} contradicted, {} borderline, {} consistent",
            r.path, r.claims, r.quantities, r.rules_run, r.contradicted, r.borderline, r.consistent
        );
        if any_dismissed {
            line.push_str(&format!(", {} dismissed", r.dismissed));
        }
        let options = textwrap::Options::new(width.max(1)).subsequent_indent("    ");
        out.extend(textwrap::wrap(&line, options).into_iter().map(|l| l.into_owned()));
    }
    out.join("\n")
}

/// Let a table wrap its cells to stay within `width` columns.
pub fn fit(t: &mut Table, width: usize) {
    t.set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(width).unwrap_or(u16::MAX));
}
