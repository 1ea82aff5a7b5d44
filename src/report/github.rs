//! GitHub Actions workflow commands: one `::error` or `::warning` line (by the finding's
//! severity: a contradiction is an error unless its rule says `severity = "warning"`) per
//! flagged finding that no reviewer dismissed, at the stated claim's line and column, so
//! the finding shows on the article in a pull request.

use super::Checked;
use crate::finding::Severity;
use crate::interval::Verdict;

/// The annotation lines of one document.
pub fn render_document(d: &Checked) -> String {
    let mut out = String::new();
    for (i, f) in d.report.findings.iter().enumerate() {
        if !matches!(f.verdict, Verdict::Contradicted | Verdict::Borderline) {
            continue;
        }
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        if d.report.dismissed(i) {
            continue;
        }
        let Some(stated) = f
            .claims
            .last()
            .and_then(|id| crate::claim::by_id(&d.report.claims, id))
        else {
            continue;
        };
        let mut props = format!(
            "file={},line={},col={}",
            property(d.path),
            stated.span.line,
            stated.span.column
        );
        let (end_line, end_column) = d.report.end_of(stated);
        props.push_str(&format!(",endLine={end_line},endColumn={end_column}"));
        props.push_str(&format!(
            ",title={}",
            property(&format!(
                "claimcheck {} {}: {} ({})",
                f.id,
                d.report.key_of(i),
                f.verdict.as_str(),
                f.rule
            ))
        ));
        out.push_str(&format!(
            "::{level} {props}::{}\n",
            data(&format!("{}\n{}", f.message, f.explanation))
        ));
    }
    out
}

/// Escape a command's message.
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escape a command property's value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_point_at_the_stated_claim() {
        let report = crate::check(
            "There are 6,000 officers and 7.4 million cases.\nEach officer handles an average of 7,000 cases.\n",
        );
        let out = render_document(&Checked {
            path: "news/a, b.txt",
            report: &report,
        });
        assert!(
            out.starts_with("::error file=news/a%2C b.txt,line=2,col="),
            "{out}"
        );
        assert!(out.contains("%3A contradicted (per-unit-average)::"), "{out}");
        assert_eq!(out.lines().count(), 1, "one line per finding: {out}");
    }
}
