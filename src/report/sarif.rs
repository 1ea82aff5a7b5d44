//! SARIF 2.1.0 (serde-sarif types), so GitHub code scanning and other SARIF viewers show
//! flagged findings on the article's lines: one result per contradicted or borderline
//! finding, at the level of its severity (a contradiction is an error, a borderline
//! finding a warning, unless the rule says otherwise), at its stated claim, with the other claims it used as
//! related locations, a partial fingerprint that survives edits elsewhere in the article
//! (the review fingerprint) and, for findings a reviewer dismissed, an external
//! suppression carrying the reason.
//!
//! Columns are counted in characters (`columnKind: unicodeCodePoints`), as in every other
//! claimcheck output.

use super::Checked;
use super::json::Indented;
use crate::claim::Claim;
use crate::finding::Finding;
use crate::interval::Verdict;
use crate::review::Status;
use crate::rules::Rule;
use serde_sarif::sarif;
use std::io::{self, Write};

/// The results of one document (rendered apart, in parallel, then gathered by [`render`]).
pub fn results(d: &Checked, rules: &[&dyn Rule]) -> Vec<sarif::Result> {
    d.report
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| matches!(f.verdict, Verdict::Contradicted | Verdict::Borderline))
        .filter_map(|(i, f)| result(d, i, f, rules))
        .collect()
}

fn result(d: &Checked, index: usize, f: &Finding, rules: &[&dyn Rule]) -> Option<sarif::Result> {
    let claims: Vec<&Claim> = f
        .claims
        .iter()
        .filter_map(|id| crate::claim::by_id(&d.report.claims, id))
        .collect();
    let (stated, others) = claims.split_last()?;
    // The finding's own severity: a rule may report its contradictions as warnings.
    let level = match f.severity {
        crate::finding::Severity::Error => sarif::ResultLevel::Error,
        crate::finding::Severity::Warning => sarif::ResultLevel::Warning,
        crate::finding::Severity::Info => sarif::ResultLevel::Note,
    };
    let text = format!("{} {}", f.message, f.explanation);
    let mut fingerprints = std::collections::BTreeMap::new();
    fingerprints.insert(
        "claimcheck/v1".to_string(),
        crate::review::fingerprint(f, &d.report.claims),
    );
    let related: Vec<sarif::Location> = others
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let mut l = location(d.path, d.report, c);
            l.id = Some(k as i64);
            l.message = Some(sarif::Message::from(&format!("{} (\"{}\")", role(f, k), c.text)));
            l
        })
        .collect();
    let mut r = sarif::Result::builder()
        .rule_id(f.rule.clone())
        .level(level)
        .message(&text)
        .locations(vec![location(d.path, d.report, stated)])
        .partial_fingerprints(fingerprints)
        .build();
    r.rule_index = rules.iter().position(|x| x.id() == f.rule).map(|i| i as i64);
    if !related.is_empty() {
        r.related_locations = Some(related);
    }
    if let Some(review) = d
        .report
        .review_of(index)
        .filter(|r| r.status == Status::Dismissed)
    {
        let mut s = sarif::Suppression::builder()
            .kind(serde_json::json!("external"))
            .build();
        s.justification = review.reason.clone();
        r.suppressions = Some(vec![s]);
    }
    Some(r)
}

fn role(f: &Finding, k: usize) -> String {
    f.roles.get(k).cloned().unwrap_or_else(|| "uses".into())
}

/// Where a claim is: the file and the region of its text.
fn location(path: &str, report: &crate::Report, c: &Claim) -> sarif::Location {
    let mut region = sarif::Region::builder()
        .start_line(c.span.line as i64)
        .start_column(c.span.column as i64)
        .byte_offset(c.span.start as i64)
        .byte_length(c.span.end.saturating_sub(c.span.start) as i64)
        .build();
    let (end_line, end_column) = report.end_of(c);
    region.end_line = Some(end_line as i64);
    region.end_column = Some(end_column as i64);
    sarif::Location::builder()
        .physical_location(
            sarif::PhysicalLocation::builder()
                .artifact_location(sarif::ArtifactLocation::builder().uri(uri(path)).build())
                .region(region)
                .build(),
        )
        .build()
}

/// A relative URI reference for a path: forward slashes, reserved characters escaped.
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '\\' => out.push('/'),
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '.' | '_' | '~' | '/' | ':' => out.push(c),
            _ => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
        }
    }
    out
}

/// The whole SARIF log: one run of claimcheck with every rule described and the results
/// of every document.
pub fn render(results: Vec<sarif::Result>, rules: &[&dyn Rule]) -> String {
    let mut run = sarif::Run::builder().tool(driver(rules)).results(results).build();
    run.column_kind = Some(serde_json::json!("unicodeCodePoints"));
    let log = sarif::Sarif::builder()
        .schema(sarif::SCHEMA_URL)
        .version(serde_json::json!("2.1.0"))
        .runs(vec![run])
        .build();
    // Serializing plain structs of strings and integers cannot fail.
    serde_json::to_string_pretty(&log).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// claimcheck with every rule described.
fn driver(rules: &[&dyn Rule]) -> sarif::ToolComponent {
    let descriptors: Vec<sarif::ReportingDescriptor> = rules
        .iter()
        .map(|r| {
            let mut d = sarif::ReportingDescriptor::builder()
                .id(r.id().to_string())
                .short_description(&r.summary().to_string())
                .build();
            d.full_description = Some(sarif::MultiformatMessageString::from(&r.doc()));
            d
        })
        .collect();
    sarif::ToolComponent::builder()
        .name("claimcheck")
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .rules(descriptors)
        .build()
}

/// The SARIF log written as results come: the log without results is cut where its
/// results array is, its head written before the first result, each result written as
/// its document finishes, the tail after the last. The bytes are those of [`render`]
/// over all the results, and memory holds one document's results, not the batch's.
pub struct Stream {
    /// The log up to and including the results array's `[`, and from its `]` to the end;
    /// `None` if the log could not be cut (the serde-sarif layout changed: a unit test
    /// pins it), when results are kept and rendered at the end as a whole.
    cut: Option<(String, String)>,
    /// Whether the head was written.
    started: bool,
    /// Results written so far.
    written: usize,
    /// Results kept when the log could not be cut.
    kept: Vec<sarif::Result>,
}

/// The results array of the run, as [`render`] prints it when there are none: a key of
/// the run object (three levels deep), which no string in the log can imitate (quotes in
/// strings are escaped).
const EMPTY_RESULTS: &str = "\n      \"results\": []";

/// Where a result sits: in the results array of the run in `runs`.
const RESULT_INDENT: &str = "        ";

impl Stream {
    /// The stream of a log describing `rules`.
    pub fn new(rules: &[&dyn Rule]) -> Self {
        let empty = render(Vec::new(), rules);
        let cut = empty.find(EMPTY_RESULTS).map(|at| {
            let (head, tail) = empty.split_at(at + EMPTY_RESULTS.len() - 1);
            (head.to_string(), tail.to_string())
        });
        Stream {
            cut,
            started: false,
            written: 0,
            kept: Vec::new(),
        }
    }

    fn start<W: Write>(&mut self, out: &mut W) -> io::Result<()> {
        if let Some((head, _)) = &self.cut {
            if !self.started {
                out.write_all(head.as_bytes())?;
                self.started = true;
            }
        }
        Ok(())
    }

    /// Write the results of one document.
    pub fn write<W: Write>(&mut self, out: &mut W, results: Vec<sarif::Result>) -> io::Result<()> {
        if self.cut.is_none() {
            self.kept.extend(results);
            return Ok(());
        }
        self.start(out)?;
        for r in &results {
            out.write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
            serde_json::to_writer_pretty(Indented::new(&mut *out, RESULT_INDENT), r)?;
            self.written += 1;
        }
        Ok(())
    }

    /// Write the rest of the log (and its head, when nothing was written yet).
    pub fn finish<W: Write>(mut self, out: &mut W, rules: &[&dyn Rule]) -> io::Result<()> {
        self.start(out)?;
        match &self.cut {
            Some((_, tail)) => {
                if self.written > 0 {
                    out.write_all(b"\n      ")?;
                }
                out.write_all(tail.as_bytes())
            }
            None => out.write_all(render(std::mem::take(&mut self.kept), rules).as_bytes()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("fixtures/caseload.txt"), "fixtures/caseload.txt");
        assert_eq!(uri("a dir\\50% off.html"), "a%20dir/50%25%20off.html");
        assert_eq!(uri("é.md"), "%C3%A9.md");
    }

    fn result(message: &str) -> sarif::Result {
        sarif::Result::builder()
            .rule_id("per-unit-average")
            .level(sarif::ResultLevel::Error)
            .message(&format!("{message}\nline \"two\""))
            .build()
    }

    #[test]
    fn a_streamed_log_is_the_rendered_log() {
        let rules = crate::rules::BUILTIN;
        for n in [0, 1, 3] {
            let results: Vec<sarif::Result> = (0..n).map(|k| result(&format!("r{k}"))).collect();
            let mut out = Vec::new();
            let mut stream = Stream::new(rules);
            assert!(stream.cut.is_some(), "the log has no empty results array to cut");
            // One document with the first result, one with none, one with the rest.
            let mut rest = results.clone();
            let first: Vec<sarif::Result> = rest.drain(..rest.len().min(1)).collect();
            for part in [first, Vec::new(), rest] {
                stream.write(&mut out, part).unwrap_or_else(|e| panic!("{e}"));
            }
            stream.finish(&mut out, rules).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                String::from_utf8_lossy(&out),
                render(results, rules),
                "{n} results"
            );
        }
    }
}
