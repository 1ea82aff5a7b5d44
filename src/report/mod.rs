//! Output formats. One data model (a [`crate::Report`] per article), one file per format:
//!
//! * [`human`]: findings with the article lines they rest on, claims underlined, the
//!   arithmetic, then a summary table;
//! * [`table`]: the claims of an article as a table (`claimcheck extract`);
//! * [`json`]: the JSON contract of DESIGN.md, for scripts, CI and the evaluation;
//! * [`markdown`]: a checklist for a ticket;
//! * [`html`]: one self-contained page with the claims highlighted by verdict;
//! * [`json`] again, one document per line, for corpora (JSON Lines);
//! * [`sarif`]: SARIF 2.1.0 for code-scanning viewers;
//! * [`github`]: GitHub Actions annotations.

pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod markdown;
pub mod sarif;
pub mod table;

use crate::Report;
use crate::interval::Verdict;

/// One article's report with the path it was read from.
pub struct Checked<'a> {
    /// The path as given on the command line.
    pub path: &'a str,
    /// What claimcheck found.
    pub report: &'a Report,
}

/// Which verdicts the human report shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Show {
    /// Show consistent findings too.
    pub consistent: bool,
    /// Show unverifiable findings too.
    pub unverifiable: bool,
}

impl Show {
    /// True when a finding of this verdict is shown.
    pub fn shows(&self, v: Verdict) -> bool {
        match v {
            Verdict::Contradicted | Verdict::Borderline => true,
            Verdict::Consistent => self.consistent,
            Verdict::Unverifiable => self.unverifiable,
        }
    }
}
