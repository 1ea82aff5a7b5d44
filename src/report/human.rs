//! The report an editor reads in a terminal: one section per finding — its f-number and
//! key (what `review --dismiss` takes), verdict, rule, severity and message; then each
//! article line it rests on, once, with the claims underlined and labelled; then the
//! arithmetic — and a summary table at the end.
//!
//! Every line fits the width it is given (the terminal's, or 100 columns): an article line
//! longer than that shows a window around its figures, elided with "…" on either side, and
//! messages and notes are wrapped. Widths are display columns (`unicode-width`), so wide
//! characters and combining marks line up too.

use super::{Checked, Show, table};
use crate::claim::Claim;
use crate::finding::{Finding, Severity};
use anstyle::{AnsiColor, Style};
use unicode_width::UnicodeWidthChar;

/// The width a report is laid out for when nothing says otherwise.
pub const DEFAULT_WIDTH: usize = 100;

/// The narrowest width a report is laid out for, whatever the terminal says.
pub const MIN_WIDTH: usize = 40;

/// How a report is laid out: colour or not, and how many columns it may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// ANSI colours.
    pub color: bool,
    /// The widest line, in display columns (at least [`MIN_WIDTH`]).
    pub width: usize,
}

impl Layout {
    /// A layout of [`DEFAULT_WIDTH`] columns.
    pub fn new(color: bool) -> Self {
        Layout {
            color,
            width: DEFAULT_WIDTH,
        }
    }

    /// The same layout at another width.
    pub fn with_width(self, width: usize) -> Self {
        Layout {
            width: width.max(MIN_WIDTH),
            ..self
        }
    }
}

/// Render the human report of several articles, [`DEFAULT_WIDTH`] columns wide.
pub fn render(docs: &[Checked], show: Show, color: bool) -> String {
    render_in(docs, show, Layout::new(color))
}

/// Render the human report of several articles in a layout.
pub fn render_in(docs: &[Checked], show: Show, layout: Layout) -> String {
    let mut out = String::new();
    for d in docs {
        out.push_str(&render_document_in(d, show, layout));
    }
    let rows: Vec<table::SummaryRow> = docs.iter().map(table::SummaryRow::of).collect();
    out.push_str(&table::summary_of_rows_in(&rows, layout.width));
    out.push('\n');
    out
}

/// The part of the human report about one article (everything but the summary table),
/// [`DEFAULT_WIDTH`] columns wide.
pub fn render_document(d: &Checked, show: Show, color: bool) -> String {
    render_document_in(d, show, Layout::new(color))
}

/// The part of the human report about one article, in a layout.
pub fn render_document_in(d: &Checked, show: Show, layout: Layout) -> String {
    let mut out = String::new();
    let shown: Vec<(usize, &Finding)> = d
        .report
        .findings
        .iter()
        .enumerate()
        .filter(|(i, f)| show.shows(f.verdict) && !d.report.dismissed(*i))
        .collect();
    if shown.is_empty() {
        let line = format!("{}: no discrepancies found", d.path);
        for l in wrap(&line, layout.width, "", "    ") {
            out.push_str(&l);
            out.push('\n');
        }
        out.push('\n');
    }
    for (i, f) in shown {
        let confirmed = d
            .report
            .review_of(i)
            .is_some_and(|r| r.status == crate::review::Status::Confirmed);
        out.push_str(&render_finding_in(d, f, layout, confirmed));
        out.push('\n');
    }
    out
}

/// One finding as a section, [`DEFAULT_WIDTH`] columns wide; `confirmed` marks a
/// reviewer-confirmed one.
pub fn render_finding(d: &Checked, f: &Finding, color: bool, confirmed: bool) -> String {
    render_finding_in(d, f, Layout::new(color), confirmed)
}

/// The word a severity is reported with.
pub fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Info => "Info",
    }
}

fn severity_style(s: Severity) -> Style {
    let color = match s {
        Severity::Error => AnsiColor::Red,
        Severity::Warning => AnsiColor::Yellow,
        Severity::Info => AnsiColor::Blue,
    };
    Style::new().fg_color(Some(color.into())).bold()
}

fn frame_style() -> Style {
    Style::new().fg_color(Some(AnsiColor::BrightBlack.into()))
}

fn operand_style() -> Style {
    Style::new().fg_color(Some(AnsiColor::Cyan.into()))
}

fn paint(s: &str, style: Style, color: bool) -> String {
    if color && !s.is_empty() {
        format!("{style}{s}{style:#}")
    } else {
        s.to_string()
    }
}

/// Display width of a string.
fn text_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Words wrapped to `width` columns, the first line after `first`, the others after
/// `rest`; a word longer than a line is broken.
fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let options = textwrap::Options::new(width.max(1))
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(true);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
}

/// A string cut to at most `max` columns, with "…" where it was cut.
fn truncate(s: &str, max: usize) -> String {
    if text_width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = char_width(c);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// The same string's tail cut to at most `max` columns, with "…" in front.
fn truncate_left(s: &str, max: usize) -> String {
    if text_width(s) <= max {
        return s.to_string();
    }
    let mut tail: Vec<char> = Vec::new();
    let mut w = 0;
    for c in s.chars().rev() {
        let cw = char_width(c);
        if w + cw + 1 > max {
            break;
        }
        tail.push(c);
        w += cw;
    }
    std::iter::once('…').chain(tail.into_iter().rev()).collect()
}

/// Whitespace runs (line breaks of the article included) as single spaces.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a claim is labelled with: "count: about 6,000 examiners", "stated: $12,000 per
/// resident".
fn label_of(f: &Finding, i: usize, c: &Claim) -> String {
    let role = f.roles.get(i).map_or("", String::as_str);
    let noun = match c.kind {
        crate::claim::Kind::Count => c.unit.as_deref().map(crate::finding::plural).unwrap_or_default(),
        _ => String::new(),
    };
    let per = match (c.per.as_deref(), c.per_count) {
        (Some(p), Some(n)) if n > 1.0 => {
            format!("per {} {}", crate::finding::fmt_num(n), crate::finding::plural(p))
        }
        (Some(p), _) => format!("per {p}"),
        (None, _) => String::new(),
    };
    let what = [squash(&c.text), noun, per]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if role.is_empty() {
        what
    } else {
        format!("{role}: {what}")
    }
}

/// One cell of a drawn row.
#[derive(Clone, Copy)]
enum Cell {
    Blank,
    Char(char, Option<Style>),
    /// The second column of a wide character.
    Cont,
}

/// A row drawn column by column.
struct Grid(Vec<Cell>);

impl Grid {
    fn new() -> Self {
        Grid(Vec::new())
    }

    fn put(&mut self, col: usize, c: char, style: Option<Style>) {
        let w = char_width(c).max(1);
        if self.0.len() < col + w {
            self.0.resize(col + w, Cell::Blank);
        }
        if let Some(cell) = self.0.get_mut(col) {
            *cell = Cell::Char(c, style);
        }
        for k in 1..w {
            if let Some(cell) = self.0.get_mut(col + k) {
                *cell = Cell::Cont;
            }
        }
    }

    fn put_str(&mut self, col: usize, s: &str, style: Option<Style>) {
        let mut at = col;
        for c in s.chars() {
            self.put(at, c, style);
            at += char_width(c).max(1);
        }
    }

    fn render(&self, color: bool) -> String {
        let mut out = String::new();
        let mut run = String::new();
        let mut run_style: Option<Style> = None;
        let flush = |out: &mut String, run: &mut String, style: Option<Style>| {
            match style {
                Some(s) => out.push_str(&paint(run, s, color)),
                None => out.push_str(run),
            }
            run.clear();
        };
        for cell in &self.0 {
            let (c, style) = match *cell {
                Cell::Blank => (' ', None),
                Cell::Char(c, s) => (c, s),
                Cell::Cont => continue,
            };
            if style != run_style {
                flush(&mut out, &mut run, run_style);
                run_style = style;
            }
            run.push(c);
        }
        flush(&mut out, &mut run, run_style);
        out.trim_end().to_string()
    }
}

/// A claim to underline in an article line: character positions in the line's text.
struct Mark {
    start: usize,
    end: usize,
    label: String,
    style: Style,
}

/// The part of an article line around some claims: its characters (tabs and control
/// characters made spaces) and whether the text goes on beyond either end.
struct LineText {
    number: usize,
    chars: Vec<char>,
    widths: Vec<usize>,
    more_left: bool,
    more_right: bool,
}

impl LineText {
    fn width_of(&self, from: usize, to: usize) -> usize {
        self.widths
            .get(from..to.min(self.widths.len()))
            .map_or(0, |w| w.iter().sum())
    }
}

/// How far before and after its claims a line is read for a window: a line of any length
/// costs the same.
const LOOK: usize = 4096;

/// The text of the line holding `[start, end)` (byte offsets), at most [`LOOK`] bytes
/// either side of them.
fn line_around(text: &str, number: usize, start: usize, end: usize) -> Option<(LineText, usize)> {
    let floor = crate::extract::hedge::floor_char_boundary;
    let start = floor(text, start.min(text.len()));
    let end = floor(text, end.min(text.len())).max(start);
    let from = floor(text, start.saturating_sub(LOOK));
    let before = text.get(from..start)?;
    let (line_start, more_left) = match before.rfind('\n') {
        Some(i) => (from + i + 1, false),
        None => (from, from > 0),
    };
    let to = floor(text, end.saturating_add(LOOK).min(text.len()));
    let after = text.get(end..to)?;
    let (line_end, more_right) = match after.find('\n') {
        Some(i) => (end + i, false),
        None => (to, to < text.len()),
    };
    let mut chars: Vec<char> = text
        .get(line_start..line_end)?
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if !more_right && text.get(line_end.saturating_sub(1)..line_end) == Some("\r") {
        chars.pop();
    }
    let widths = chars.iter().map(|c| char_width(*c)).collect();
    Some((
        LineText {
            number,
            chars,
            widths,
            more_left,
            more_right,
        },
        line_start,
    ))
}

/// The room a label needs beside its mark for a window to be worth keeping it in.
fn needed(label: &str, avail: usize) -> usize {
    text_width(label).min(avail / 2)
}

/// Group a line's marks (sorted by start) into windows that each fit `avail` columns
/// with their labels.
fn clusters(line: &LineText, marks: Vec<Mark>, avail: usize) -> Vec<Vec<Mark>> {
    let mut out: Vec<Vec<Mark>> = Vec::new();
    for m in marks {
        let fits = out.last().is_some_and(|cluster| {
            let Some(first) = cluster.first() else {
                return false;
            };
            let ws = first.start;
            let ell = usize::from(ws > 0 || line.more_left);
            let cover = ell + line.width_of(ws, m.end.max(ws)) + 1;
            cover <= avail
                && cluster
                    .iter()
                    .chain(std::iter::once(&m))
                    .all(|x| ell + line.width_of(ws, x.start) + 3 + needed(&x.label, avail) <= avail)
        });
        match out.last_mut() {
            Some(cluster) if fits => cluster.push(m),
            _ => out.push(vec![m]),
        }
    }
    out
}

/// The window of a line shown for a cluster of marks: `[ws, we)` in characters.
fn window(line: &LineText, marks: &[Mark], avail: usize) -> (usize, usize) {
    let n = line.chars.len();
    let cs = marks.first().map_or(0, |m| m.start).min(n);
    let ce = marks.iter().map(|m| m.end).max().unwrap_or(cs).clamp(cs, n);
    let labels_fit = |ws: usize| {
        let ell = usize::from(ws > 0 || line.more_left);
        marks
            .iter()
            .all(|m| ell + line.width_of(ws, m.start) + 3 + needed(&m.label, avail) <= avail)
    };
    let whole = line.width_of(0, n) + usize::from(line.more_left) + usize::from(line.more_right);
    if whole <= avail && labels_fit(0) {
        return (0, n);
    }
    let core = line.width_of(cs, ce);
    if core + 2 >= avail {
        // The claims alone are wider than the line: show from the first one, cut.
        let mut we = cs;
        while we < n && line.width_of(cs, we + 1) + 2 <= avail {
            we += 1;
        }
        return (cs, we.max((cs + 1).min(n)));
    }
    // Room for context on both sides, a third of it before the claims, as far as the
    // labels let it be.
    let room = avail - 2 - core;
    let mut ws = cs;
    while ws > 0 && line.width_of(ws - 1, cs) <= room / 3 && labels_fit(ws - 1) {
        ws -= 1;
    }
    let mut we = ce;
    while we < n && line.width_of(ws, we + 1) + 2 <= avail {
        we += 1;
    }
    // At the end of the line: what is left goes before the claims.
    let right_ell = usize::from(we < n || line.more_right);
    while ws > 0 && line.width_of(ws - 1, we) + 1 + right_ell <= avail && labels_fit(ws - 1) {
        ws -= 1;
    }
    // Start and end on word boundaries where one is near.
    if ws > 0 {
        if let Some(k) = (ws..cs.min(ws + 12)).find(|&k| line.chars.get(k) == Some(&' ')) {
            ws = k + 1;
        }
    }
    if we < n {
        if let Some(k) = (ce.max(we.saturating_sub(12))..we)
            .rev()
            .find(|&k| line.chars.get(k) == Some(&' '))
        {
            we = k;
        }
    }
    (ws, we)
}

/// The rows of one excerpt (text, underlines, labels), each at most `avail` columns.
fn excerpt_rows(line: &LineText, marks: &[Mark], avail: usize, color: bool) -> Vec<String> {
    let (ws, we) = window(line, marks, avail);
    let left_ell = ws > 0 || line.more_left;
    let right_ell = we < line.chars.len() || line.more_right;
    let ell = usize::from(left_ell);
    let mut text = Grid::new();
    let mut col = 0;
    if left_ell {
        text.put(0, '…', Some(frame_style()));
        col = 1;
    }
    for k in ws..we {
        if let Some(&c) = line.chars.get(k) {
            text.put(col, c, None);
            col += line.widths.get(k).copied().unwrap_or(0);
        }
    }
    if right_ell {
        text.put(col, '…', Some(frame_style()));
    }
    let mut rows = vec![text.render(color)];
    // Anchor column and underline width of each mark inside the window.
    let placed: Vec<(usize, usize, &Mark)> = marks
        .iter()
        .map(|m| {
            let s = m.start.clamp(ws, we);
            let e = m.end.clamp(s, we);
            let anchor = ell + line.width_of(ws, s);
            (anchor, line.width_of(s, e).max(1), m)
        })
        .collect();
    let mut under = Grid::new();
    for (anchor, w, m) in &placed {
        for k in 0..*w {
            under.put(anchor + k, if k == 0 { '┬' } else { '─' }, Some(m.style));
        }
    }
    rows.push(under.render(color));
    // Labels, the rightmost first, each under a bar that leaves the ones to its left open.
    let mut order: Vec<usize> = (0..placed.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(placed.get(i).map_or(0, |p| p.0)));
    for (n, &i) in order.iter().enumerate() {
        let Some((anchor, _, m)) = placed.get(i) else {
            continue;
        };
        let mut row = Grid::new();
        for &j in order.iter().skip(n + 1) {
            if let Some((a, _, other)) = placed.get(j) {
                if a < anchor {
                    row.put(*a, '│', Some(other.style));
                }
            }
        }
        row.put_str(*anchor, "╰─ ", Some(m.style));
        let label = truncate(&m.label, avail.saturating_sub(anchor + 3).max(1));
        row.put_str(anchor + 3, &label, None);
        rows.push(row.render(color));
    }
    rows
}

/// One finding as a section, laid out; `confirmed` marks a reviewer-confirmed one.
pub fn render_finding_in(d: &Checked, f: &Finding, layout: Layout, confirmed: bool) -> String {
    let width = layout.width.max(MIN_WIDTH);
    let color = layout.color;
    let text = d.report.source_text();
    let key = crate::review::key(&crate::review::fingerprint(f, &d.report.claims));
    let claims: Vec<(usize, &Claim)> = f
        .claims
        .iter()
        .enumerate()
        .filter_map(|(i, id)| crate::claim::by_id(&d.report.claims, id).map(|c| (i, c)))
        .collect();
    let stated_index = f.claims.len().saturating_sub(1);
    let mut out = String::new();
    // Who it is: f-number and key, verdict and rule, confidence.
    let head = format!(
        "{} ({key}) {} {}, confidence {:.2}{}",
        f.id,
        f.verdict.as_str(),
        f.rule,
        f.confidence,
        if confirmed { ", confirmed by review" } else { "" }
    );
    for (n, l) in wrap(&head, width, "", "    ").into_iter().enumerate() {
        if n == 0 {
            let rest = l.get(f.id.len()..).unwrap_or("");
            out.push_str(&paint(&f.id, Style::new().bold(), color));
            out.push_str(rest);
        } else {
            out.push_str(&l);
        }
        out.push('\n');
    }
    // What is wrong: severity and message.
    let word = severity_word(f.severity);
    let prefix = format!("{word}: ");
    for (n, l) in wrap(&f.message, width, &prefix, &" ".repeat(prefix.len()))
        .into_iter()
        .enumerate()
    {
        if n == 0 {
            out.push_str(&paint(word, severity_style(f.severity), color));
            out.push_str(l.get(word.len()..).unwrap_or(""));
        } else {
            out.push_str(&l);
        }
        out.push('\n');
    }
    // The lines it rests on, each once, in order.
    let mut lines: Vec<usize> = claims.iter().map(|(_, c)| c.span.line).collect();
    lines.sort_unstable();
    lines.dedup();
    let number_width = lines.last().map_or(1, |n| n.to_string().len());
    let gutter = number_width + 3;
    let avail = width.saturating_sub(gutter).max(MIN_WIDTH / 2);
    let frame = |s: &str| paint(s, frame_style(), color);
    let blank = format!("{} │", " ".repeat(number_width));
    if let Some((_, stated)) = claims.last() {
        let loc = format!("{}:{}:{}", d.path, stated.span.line, stated.span.column);
        let opening = format!("{}╭─[ ", " ".repeat(number_width + 1));
        let loc = truncate_left(&loc, width.saturating_sub(text_width(&opening) + 2));
        out.push_str(&frame(&opening));
        out.push_str(&loc);
        out.push_str(&frame(" ]"));
        out.push('\n');
        out.push_str(&frame(&blank));
        out.push('\n');
    }
    let mut first_excerpt = true;
    for number in &lines {
        let on_line: Vec<&(usize, &Claim)> = claims.iter().filter(|(_, c)| c.span.line == *number).collect();
        let start = on_line.iter().map(|(_, c)| c.span.start).min().unwrap_or(0);
        let end = on_line.iter().map(|(_, c)| c.span.end).max().unwrap_or(start);
        let Some((line, line_start)) = line_around(text, *number, start, end) else {
            continue;
        };
        let prefix = text.get(line_start..).unwrap_or("");
        let char_at = |byte: usize| {
            prefix
                .get(..byte.saturating_sub(line_start).min(prefix.len()))
                .map_or(0, |p| p.chars().count())
        };
        let mut marks: Vec<Mark> = on_line
            .iter()
            .map(|(i, c)| {
                let s = char_at(c.span.start);
                let e = char_at(c.span.end).max(s + 1).min(line.chars.len().max(s + 1));
                Mark {
                    start: s,
                    end: e,
                    label: label_of(f, *i, c),
                    style: if *i == stated_index {
                        severity_style(f.severity)
                    } else {
                        operand_style()
                    },
                }
            })
            .collect();
        marks.sort_by_key(|m| m.start);
        for cluster in clusters(&line, marks, avail) {
            if !first_excerpt {
                out.push_str(&frame(&blank));
                out.push('\n');
            }
            first_excerpt = false;
            for (k, row) in excerpt_rows(&line, &cluster, avail, color)
                .into_iter()
                .enumerate()
            {
                let g = if k == 0 {
                    format!("{:>number_width$} │", line.number)
                } else {
                    blank.clone()
                };
                out.push_str(&frame(&g));
                if !row.is_empty() {
                    out.push(' ');
                    out.push_str(&row);
                }
                out.push('\n');
            }
        }
    }
    // The arithmetic.
    out.push_str(&frame(&blank));
    out.push('\n');
    for l in wrap(&f.explanation, avail, "Note: ", "      ") {
        out.push_str(&frame(&blank));
        out.push(' ');
        match l.strip_prefix("Note:") {
            Some(rest) => {
                out.push_str(&paint("Note:", Style::new().bold(), color));
                out.push_str(rest);
            }
            None => out.push_str(&l),
        }
        out.push('\n');
    }
    out.push_str(&frame(&format!("{}╯", "─".repeat(number_width + 1))));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(s: &str) -> LineText {
        let chars: Vec<char> = s.chars().collect();
        let widths = chars.iter().map(|c| char_width(*c)).collect();
        LineText {
            number: 1,
            chars,
            widths,
            more_left: false,
            more_right: false,
        }
    }

    fn mark(s: &str, what: &str, label: &str) -> Mark {
        let start = s.find(what).map_or(0, |b| s[..b].chars().count());
        Mark {
            start,
            end: start + what.chars().count(),
            label: label.into(),
            style: Style::new(),
        }
    }

    #[test]
    fn a_short_line_is_shown_whole() {
        let s = "The fund paid 120 grants.";
        let rows = excerpt_rows(&line(s), &[mark(s, "120 grants", "count: 120 grants")], 80, false);
        assert_eq!(rows[0], s);
        assert_eq!(rows[1], "              ┬─────────");
        assert_eq!(rows[2], "              ╰─ count: 120 grants");
    }

    #[test]
    fn a_long_line_shows_a_window_around_its_figure() {
        let s = format!(
            "{} the fund paid 120 grants {}",
            "word ".repeat(60),
            "more ".repeat(60)
        );
        let rows = excerpt_rows(
            &line(&s),
            &[mark(&s, "120 grants", "count: 120 grants")],
            60,
            false,
        );
        assert!(rows[0].starts_with('…') && rows[0].ends_with('…'), "{}", rows[0]);
        assert!(rows[0].contains("120 grants"));
        for r in &rows {
            assert!(text_width(r) <= 60, "{r}");
        }
    }

    #[test]
    fn far_apart_figures_get_a_window_each_and_near_ones_share_one() {
        let s = format!(
            "A total of 400 beds {} and 12 wards {}",
            "filler ".repeat(30),
            "tail ".repeat(5)
        );
        let marks = vec![
            mark(&s, "400 beds", "total: 400 beds"),
            mark(&s, "12 wards", "count: 12 wards"),
        ];
        assert_eq!(clusters(&line(&s), marks, 70).len(), 2);
        let s = "A total of 400 beds in 12 wards.";
        let marks = vec![
            mark(s, "400 beds", "total: 400 beds"),
            mark(s, "12 wards", "count: 12 wards"),
        ];
        let groups = clusters(&line(s), marks, 70);
        assert_eq!(groups.len(), 1);
        let rows = excerpt_rows(&line(s), &groups[0], 70, false);
        assert_eq!(rows.len(), 4, "{rows:#?}");
        assert!(rows[2].contains("╰─ count: 12 wards") && rows[2].contains('│'));
        assert!(rows[3].contains("╰─ total: 400 beds"));
    }

    #[test]
    fn wide_characters_are_counted_by_columns() {
        let s = format!("{}総額は 120 grants です", "字".repeat(50));
        let rows = excerpt_rows(
            &line(&s),
            &[mark(&s, "120 grants", "count: 120 grants")],
            50,
            false,
        );
        for r in &rows {
            assert!(text_width(r) <= 50, "{r}");
        }
        let text_col = text_width(&rows[0][..rows[0].find("120").unwrap_or(0)]);
        let under_col = text_width(&rows[1][..rows[1].find('┬').unwrap_or(0)]);
        assert_eq!(text_col, under_col);
    }

    #[test]
    fn truncation_keeps_the_width() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate_left("path/to/file.txt:1:2", 10), "…e.txt:1:2");
    }
}
