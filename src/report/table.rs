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

/// Every claim of an article, one row each.
pub fn claims_table(doc: &Checked) -> String {
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

/// The summary table from rows.
pub fn summary_of_rows(rows: &[SummaryRow]) -> String {
    let any_dismissed = rows.iter().any(|r| r.dismissed > 0);
    let mut header = vec![
        "article",
        "claims",
        "quantities",
        "rules run",
        "contradicted",
        "borderline",
        "consistent",
    ];
    if any_dismissed {
        header.push("dismissed");
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
    t.to_string()
}
