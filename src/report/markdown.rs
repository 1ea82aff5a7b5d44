//! A Markdown checklist a desk can paste into a ticket: one box per finding to act on,
//! with the arithmetic; reviewed findings are ticked, dismissed ones struck through. Each
//! names its f-number and key, either of which `claimcheck review --confirm/--dismiss`
//! takes.

use super::{Checked, Show};
use crate::interval::Verdict;
use crate::review::Status;

/// Render the Markdown report of several articles.
pub fn render(docs: &[Checked], show: Show) -> String {
    let mut out = String::new();
    for d in docs {
        out.push_str(&format!("## {}\n\n", d.path));
        let mut any = false;
        for (i, f) in d.report.findings.iter().enumerate() {
            if !show.shows(f.verdict) {
                continue;
            }
            any = true;
            let line = f
                .claims
                .last()
                .and_then(|id| crate::claim::by_id(&d.report.claims, id))
                .map_or(0, |c| c.span.line);
            let badge = match f.verdict {
                Verdict::Contradicted => "**contradicted**",
                Verdict::Borderline => "*borderline*",
                Verdict::Consistent => "consistent",
                Verdict::Unverifiable => "unverifiable",
            };
            let review = d.report.review_of(i);
            let (box_, open, close) = match review.map(|r| r.status) {
                Some(Status::Confirmed) => ("[x]", "", " — confirmed"),
                Some(Status::Dismissed) => ("[x]", "~~", "~~ — dismissed"),
                None => ("[ ]", "", ""),
            };
            out.push_str(&format!(
                "- {box_} {open}{badge} `{}` (`{}`) `{}` (line {line}, confidence {:.2}): {}{close}\n",
                f.id,
                d.report.key_of(i),
                f.rule,
                f.confidence,
                escape(&f.message)
            ));
            if let Some(reason) = review.and_then(|r| r.reason.as_deref()) {
                out.push_str(&format!("  - reason: {}\n", escape(reason)));
            }
            out.push_str(&format!("  - {}\n", escape(&f.explanation)));
        }
        if !any {
            out.push_str("No discrepancies found.\n");
        }
        out.push('\n');
    }
    out
}

/// Escape the characters Markdown would read as formatting.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
