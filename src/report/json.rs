//! The JSON output contract (DESIGN.md): `{"version": 1, "documents": [{"path",
//! "claims", "findings"}]}`. Serialize-only types; fields are added, never renamed.

use super::Checked;
use crate::claim::Claim;
use crate::finding::Finding;
use crate::review::Status;
use serde::Serialize;

/// The version of the JSON contract.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    documents: Vec<DocumentOut<'a>>,
}

/// A finding with its review decision, when there is one.
#[derive(Serialize)]
struct FindingOut<'a> {
    #[serde(flatten)]
    finding: &'a Finding,
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

/// Render reports as one JSON object; `with_findings` is false for `extract`.
pub fn render(docs: &[Checked], with_findings: bool) -> String {
    let out = Output {
        version: VERSION,
        documents: docs
            .iter()
            .map(|d| DocumentOut {
                path: d.path,
                claims: &d.report.claims,
                findings: with_findings.then(|| {
                    d.report
                        .findings
                        .iter()
                        .enumerate()
                        .map(|(i, f)| FindingOut {
                            finding: f,
                            review: d.report.review_of(i).map(|r| ReviewOut {
                                status: r.status,
                                reason: r.reason.as_deref(),
                            }),
                        })
                        .collect()
                }),
                rules_run: if with_findings { &d.report.rules_run } else { &[] },
            })
            .collect(),
    };
    // Serializing plain structs of strings and finite-or-null numbers cannot fail.
    serde_json::to_string_pretty(&out).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
