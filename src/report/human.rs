//! The report an editor reads: each finding with the article lines it rests on, the
//! claims underlined (ariadne), the arithmetic and what would make the claim true; then a
//! summary table.

use super::{Checked, Show, table};
use crate::finding::Finding;
use crate::interval::Verdict;
use ariadne::{Config, IndexType, Label, Report, ReportKind, Source};

/// Render the human report of several articles.
pub fn render(docs: &[Checked], show: Show, color: bool) -> String {
    let mut out = String::new();
    for d in docs {
        out.push_str(&render_document(d, show, color));
    }
    out.push_str(&table::summary_table(docs));
    out.push('\n');
    out
}

/// The part of the human report about one article (everything but the summary table).
pub fn render_document(d: &Checked, show: Show, color: bool) -> String {
    let mut out = String::new();
    let mut cache: SourceCache = (d.path.to_string(), Source::from(d.report.source_text()));
    let shown: Vec<(usize, &Finding)> = d
        .report
        .findings
        .iter()
        .enumerate()
        .filter(|(i, f)| show.shows(f.verdict) && !d.report.dismissed(*i))
        .collect();
    if shown.is_empty() {
        out.push_str(&format!("{}: no discrepancies found\n\n", d.path));
    }
    for (i, f) in shown {
        let confirmed = d
            .report
            .review_of(i)
            .is_some_and(|r| r.status == crate::review::Status::Confirmed);
        out.push_str(&render_finding_in(d, f, color, confirmed, &mut cache));
        out.push('\n');
    }
    out
}

/// Article lines longer than this (in bytes) get no inline label messages.
const LONG_LINE: usize = 110;

/// True when the line holding a byte offset is longer than `limit` bytes; looks no further
/// than `limit` bytes either way, so it costs the same on a line of any length.
fn line_longer_than(text: &str, offset: usize, limit: usize) -> bool {
    let from = crate::extract::hedge::floor_char_boundary(text, offset.saturating_sub(limit));
    let to = crate::extract::hedge::floor_char_boundary(text, offset.saturating_add(limit));
    let before = text.get(from..offset).unwrap_or("");
    let after = text.get(offset..to).unwrap_or("");
    let start = before
        .rfind('\n')
        .map_or(if from == 0 { Some(0) } else { None }, |i| Some(from + i + 1));
    let end = after
        .find('\n')
        .map_or(if to >= text.len() { Some(text.len()) } else { None }, |i| {
            Some(offset + i)
        });
    match (start, end) {
        (Some(s), Some(e)) => e.saturating_sub(s) > limit,
        _ => true,
    }
}

/// One finding as an annotated excerpt; `confirmed` marks a reviewer-confirmed one.
pub fn render_finding(d: &Checked, f: &Finding, color: bool, confirmed: bool) -> String {
    let mut cache = (d.path.to_string(), Source::from(d.report.source_text()));
    render_finding_in(d, f, color, confirmed, &mut cache)
}

/// The article's text as ariadne reads it, built once per article: building it indexes
/// every line, so a report with many findings must not build it for each.
pub type SourceCache<'t> = (String, Source<&'t str>);

/// Like [`render_finding`], with the article's source already built.
pub fn render_finding_in(
    d: &Checked,
    f: &Finding,
    color: bool,
    confirmed: bool,
    cache: &mut SourceCache,
) -> String {
    let text = d.report.source_text();
    let path = d.path.to_string();
    let kind = match f.verdict {
        Verdict::Contradicted => ReportKind::Error,
        Verdict::Borderline => ReportKind::Warning,
        _ => ReportKind::Advice,
    };
    let claims: Vec<_> = f
        .claims
        .iter()
        .filter_map(|id| crate::claim::by_id(&d.report.claims, id))
        .collect();
    let Some(stated) = claims.last() else {
        return String::new();
    };
    let valid = |s: usize, e: usize| s <= e && e <= text.len();
    let mut builder = Report::build(kind, (path.clone(), stated.span.start..stated.span.end))
        .with_config(
            Config::default()
                .with_color(color)
                .with_index_type(IndexType::Byte)
                .with_label_attach(ariadne::LabelAttach::Start),
        )
        .with_code(format!(
            "{} {} {}, confidence {:.2}{}",
            f.id,
            f.verdict.as_str(),
            f.rule,
            f.confidence,
            if confirmed { ", confirmed by review" } else { "" }
        ))
        .with_message(&f.message);
    // Long article lines make ariadne draw label arrows across the whole line; there the
    // claims are only underlined and named in a "uses" note instead.
    let mut uses = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        if !valid(c.span.start, c.span.end) {
            continue;
        }
        let role = f.roles.get(i).map_or("", String::as_str);
        let mut what = match c.kind {
            crate::claim::Kind::Count => c.unit.as_deref().map(crate::finding::plural).unwrap_or_default(),
            _ => String::new(),
        };
        if let Some(p) = &c.per {
            what = format!("{what} per {p}");
        }
        let label = format!("{role}: {} {what}", c.text).trim_end().to_string();
        let long_line = line_longer_than(text, c.span.start, LONG_LINE);
        let mut l = Label::new((path.clone(), c.span.start..c.span.end)).with_order(i as i32);
        if !long_line {
            l = l.with_message(label);
        } else {
            l = l.with_message(role);
            uses.push(format!("{label} ({}:{})", c.span.line, c.span.column));
        }
        builder = builder.with_label(l);
    }
    if !uses.is_empty() {
        builder = builder.with_help(format!("uses {}", uses.join("; ")));
    }
    builder = builder.with_note(&f.explanation);
    let mut buf = Vec::new();
    let written = builder.finish().write(&mut *cache, &mut buf);
    match written {
        Ok(()) => String::from_utf8_lossy(&buf).into_owned(),
        Err(_) => format!(
            "{}: {} {}: {}\n  {}\n",
            path,
            f.verdict.as_str(),
            f.rule,
            f.message,
            f.explanation
        ),
    }
}
