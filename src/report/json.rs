//! The JSON output contract (DESIGN.md): `{"version": 1, "documents": [{"path",
//! "claims", "findings"}]}`. Serialize-only types; fields are added, never renamed.

use super::Checked;
use crate::claim::Claim;
use crate::finding::Finding;
use crate::review::Status;
use serde::Serialize;
use std::io::{self, Write};

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

/// The findings of a document with their review decisions, serialised one at a time
/// (no list of them is built first).
struct FindingsOut<'a>(&'a crate::Report);

impl Serialize for FindingsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let report = self.0;
        serializer.collect_seq(report.findings.iter().enumerate().map(|(i, f)| FindingOut {
            key: report.key_of(i),
            finding: f,
            review: report.review_of(i).map(|r| ReviewOut {
                status: r.status,
                reason: r.reason.as_deref(),
            }),
        }))
    }
}

#[derive(Serialize)]
struct DocumentOut<'a> {
    path: &'a str,
    claims: &'a [Claim],
    #[serde(skip_serializing_if = "Option::is_none")]
    findings: Option<FindingsOut<'a>>,
    rules_run: &'a [String],
}

/// The JSON object of one document.
fn document<'a>(d: &Checked<'a>, with_findings: bool) -> DocumentOut<'a> {
    DocumentOut {
        path: d.path,
        claims: &d.report.claims,
        findings: with_findings.then_some(FindingsOut(d.report)),
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

/// A writer that puts `indent` before the first line and after every line break: pretty
/// JSON (which has no raw line breaks inside strings) written through it sits at its
/// place in an enclosing object, byte for byte what indenting the finished text gives.
pub struct Indented<W: Write> {
    inner: W,
    indent: &'static [u8],
    at_line_start: bool,
}

impl<W: Write> Indented<W> {
    /// Indent what is written to `inner` by `indent`.
    pub fn new(inner: W, indent: &'static str) -> Self {
        Indented {
            inner,
            indent: indent.as_bytes(),
            at_line_start: true,
        }
    }
}

impl<W: Write> Write for Indented<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut rest = buf;
        while !rest.is_empty() {
            if self.at_line_start {
                self.inner.write_all(self.indent)?;
                self.at_line_start = false;
            }
            match rest.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    let (line, after) = rest.split_at(i + 1);
                    self.inner.write_all(line)?;
                    self.at_line_start = true;
                    rest = after;
                }
                None => {
                    self.inner.write_all(rest)?;
                    rest = &[];
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Write one document's object as it sits in the `documents` array of [`render`],
/// indented to its place, straight to `out`: claims and findings are serialised one at a
/// time, so a document of a million claims never exists as one string. The bytes are
/// those of [`render_document`].
pub fn write_document<W: Write>(out: W, d: &Checked, with_findings: bool) -> io::Result<()> {
    serde_json::to_writer_pretty(Indented::new(out, DOCUMENT_INDENT), &document(d, with_findings))
        .map_err(io::Error::from)
}

/// Where a document object sits: inside `documents`, inside the top-level object.
const DOCUMENT_INDENT: &str = "    ";

/// Write one document as one line of JSON Lines (without the line break) straight to
/// `out`; the bytes are those of [`render_line`].
pub fn write_line<W: Write>(out: W, d: &Checked, with_findings: bool) -> io::Result<()> {
    serde_json::to_writer(
        out,
        &Line {
            version: VERSION,
            document: document(d, with_findings),
        },
    )
    .map_err(io::Error::from)
}

/// One document's object as it sits in the `documents` array of [`render`], indented to
/// its place: fragments rendered apart (in parallel) and joined by [`wrap`] give exactly
/// what [`render`] prints.
pub fn render_document(d: &Checked, with_findings: bool) -> String {
    let mut out = Vec::new();
    match write_document(&mut out, d, with_findings) {
        // Serde writes valid UTF-8 and an in-memory buffer cannot fail.
        Ok(()) => {
            String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
        }
        Err(e) => format!("{DOCUMENT_INDENT}{{\"error\": \"{e}\"}}"),
    }
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

/// A document object with the contract's `version` in it, so each line stands alone.
#[derive(Serialize)]
struct Line<'a> {
    version: u32,
    #[serde(flatten)]
    document: DocumentOut<'a>,
}

/// One document as one line of JSON Lines: the document object of the contract with the
/// contract's `version` in it, so each line stands alone.
pub fn render_line(d: &Checked, with_findings: bool) -> String {
    to_string(
        &Line {
            version: VERSION,
            document: document(d, with_findings),
        },
        false,
    )
}
