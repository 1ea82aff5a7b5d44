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

/// Claims found, rules run and findings by verdict, one row per article.
pub fn summary_table(docs: &[Checked]) -> String {
    let dismissed = |d: &Checked| {
        (0..d.report.findings.len())
            .filter(|i| d.report.dismissed(*i))
            .count()
    };
    let any_dismissed = docs.iter().any(|d| dismissed(d) > 0);
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
    for d in docs {
        // Dismissed findings are counted apart, not under their verdict.
        let count = |v: Verdict| {
            d.report
                .findings
                .iter()
                .enumerate()
                .filter(|(i, f)| f.verdict == v && !d.report.dismissed(*i))
                .count()
                .to_string()
        };
        let mut row = vec![
            d.path.to_string(),
            d.report.claims.len().to_string(),
            d.report.claims.iter().filter(|c| c.usable()).count().to_string(),
            d.report.rules_run.len().to_string(),
            count(Verdict::Contradicted),
            count(Verdict::Borderline),
            count(Verdict::Consistent),
        ];
        if any_dismissed {
            row.push(dismissed(d).to_string());
        }
        t.add_row(row);
    }
    t.to_string()
}
