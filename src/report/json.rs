//! The JSON output contract (DESIGN.md): `{"version": 1, "documents": [{"path",
//! "claims", "findings"}]}`. Serialize-only types; fields are added, never renamed.

use super::Checked;
use crate::claim::Claim;
use crate::finding::Finding;
use crate::review::Status;
use serde::Serialize;

/// The version of the JSON contract.
pub const VERSION: u32 = 1;

/// A finding with its review decision, when there is one.
#[derive(Serialize)]
struct FindingOut<'a> {
    #[serde(flatten)]
    finding: &'a Finding,
    /// A short hash of the review fingerprint: names the finding like `id`, but does not
    /// shift when rules are enabled or disabled (`review --dismiss KEY`).
    key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    review: Option<ReviewOut<'a>>,
}

#[derive(Serialize)]
struct ReviewOut<'a> {
    status: Status,
    reason: Option<&'a str>,
}

#[derive(Serialize)]
struct DocumentOut<'a> {
    path: &'a str,
    claims: &'a [Claim],
    #[serde(skip_serializing_if = "Option::is_none")]
    findings: Option<Vec<FindingOut<'a>>>,
    rules_run: &'a [String],
}

/// The JSON object of one document.
fn document<'a>(d: &Checked<'a>, with_findings: bool) -> DocumentOut<'a> {
    DocumentOut {
        path: d.path,
        claims: &d.report.claims,
        findings: with_findings.then(|| {
            d.report
                .findings
                .iter()
                .enumerate()
                .map(|(i, f)| FindingOut {
                    finding: f,
                    key: d.report.key_of(i),
                    review: d.report.review_of(i).map(|r| ReviewOut {
                        status: r.status,
                        reason: r.reason.as_deref(),
                    }),
                })
                .collect()
        }),
        rules_run: if with_findings { &d.report.rules_run } else { &[] },
    }
}

/// Serialize plain structs of strings and finite-or-null numbers, which cannot fail.
fn to_string<T: Serialize>(value: &T, pretty: bool) -> String {
    let out = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    out.unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// One document's object as it sits in the `documents` array of [`render`], indented to
/// its place: fragments rendered apart (in parallel) and joined by [`wrap`] give exactly
/// what [`render`] prints.
pub fn render_document(d: &Checked, with_findings: bool) -> String {
    let pretty = to_string(&document(d, with_findings), true);
    let mut out = String::with_capacity(pretty.len() + pretty.len() / 8);
    for (i, line) in pretty.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str("    ");
        out.push_str(line);
    }
    out
}

/// The opening of the JSON object, before the first document.
pub fn head(any_documents: bool) -> String {
    format!(
        "{{\n  \"version\": {VERSION},\n  \"documents\": [{}",
        if any_documents { "\n" } else { "" }
    )
}

/// What goes between two documents.
pub const SEPARATOR: &str = ",\n";

/// The closing of the JSON object, after the last document.
pub fn tail(any_documents: bool) -> &'static str {
    if any_documents { "\n  ]\n}" } else { "]\n}" }
}

/// Join rendered documents into the one JSON object of the contract.
pub fn wrap(fragments: &[String]) -> String {
    let any = !fragments.is_empty();
    format!("{}{}{}", head(any), fragments.join(SEPARATOR), tail(any))
}

/// Render reports as one JSON object; `with_findings` is false for `extract`.
pub fn render(docs: &[Checked], with_findings: bool) -> String {
    let fragments: Vec<String> = docs.iter().map(|d| render_document(d, with_findings)).collect();
    wrap(&fragments)
}

/// One document as one line of JSON Lines: the document object of the contract with the
/// contract's `version` in it, so each line stands alone.
pub fn render_line(d: &Checked, with_findings: bool) -> String {
    #[derive(Serialize)]
    struct Line<'a> {
        version: u32,
        #[serde(flatten)]
        document: DocumentOut<'a>,
    }
    to_string(
        &Line {
            version: VERSION,
            document: document(d, with_findings),
        },
        false,
    )
}
