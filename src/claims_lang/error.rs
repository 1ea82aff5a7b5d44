//! Errors in rule files: where (file, byte range → line and column), what is wrong and
//! what was expected; rendered with the offending line underlined.

use ariadne::{Config, IndexType, Label, Report, ReportKind, Source};
use std::fmt;
use std::ops::Range;

/// A problem in a rule file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleFileError {
    /// The file's path as given.
    pub path: String,
    /// The file's text (empty when it could not be read).
    pub text: String,
    /// Byte range of the offending text.
    pub span: Range<usize>,
    /// What is wrong and what was expected.
    pub message: String,
}

impl RuleFileError {
    /// 1-based line and character column of the error's start.
    pub fn line_col(&self) -> (usize, usize) {
        let start = self.span.start.min(self.text.len());
        let before = self.text.get(..start).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, col)
    }

    /// "file:line:column: message", then the line with the span underlined.
    pub fn render(&self, color: bool) -> String {
        let (line, col) = self.line_col();
        let mut out = format!("{}:{}:{}: {}\n", self.path, line, col, self.message);
        if self.text.is_empty() {
            return out;
        }
        // Spans come from the TOML reader and the relation parser; put both ends on character
        // boundaries so that no byte offset inside a character reaches the renderer.
        let floor = |mut i: usize| {
            i = i.min(self.text.len());
            while i > 0 && !self.text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let ceil = |mut i: usize| {
            i = i.min(self.text.len());
            while i < self.text.len() && !self.text.is_char_boundary(i) {
                i += 1;
            }
            i
        };
        let start = floor(self.span.start);
        let end = ceil(self.span.end.max(start));
        let mut buf = Vec::new();
        let report = Report::build(ReportKind::Error, (self.path.clone(), start..end))
            .with_config(
                Config::default()
                    .with_color(color)
                    .with_index_type(IndexType::Byte),
            )
            .with_message(&self.message)
            .with_label(Label::new((self.path.clone(), start..end.max(start))).with_message("here"))
            .finish();
        if report
            .write((self.path.clone(), Source::from(self.text.as_str())), &mut buf)
            .is_ok()
        {
            out.push_str(&String::from_utf8_lossy(&buf));
        }
        out
    }
}

impl fmt::Display for RuleFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (line, col) = self.line_col();
        write!(f, "{}:{}:{}: {}", self.path, line, col, self.message)
    }
}

impl std::error::Error for RuleFileError {}
