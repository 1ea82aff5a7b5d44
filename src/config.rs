//! `claimcheck.toml`: a project's defaults (output format, failing verdict, input format,
//! rule directories, which rules run, tolerances), found in the working directory or the
//! nearest parent. Unknown keys, values out of range and rule ids that no rule has are
//! errors that name the key and its line.
//!
//! ```toml
//! [check]
//! format = "github"          # human, json, jsonl, markdown, html, sarif, github
//! fail-on = "borderline"     # contradicted, borderline, never
//! input-format = "auto"      # auto, text, markdown, html, jsonl
//!
//! [rules]
//! dirs = ["claims"]          # rule files, relative to this file
//! disable = ["superlative-order"]
//! tolerance = 0.02           # ±2% of the stated value for every rule
//!
//! [rules.tolerances]
//! per-unit-average = 0.05
//! ```

use crate::input::InputFormat;
use crate::rules::Settings;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The file name looked for.
pub const FILE_NAME: &str = "claimcheck.toml";

/// A parsed configuration file.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Defaults of `claimcheck check`.
    #[serde(default)]
    pub check: CheckConfig,
    /// Which rules run, and how strictly.
    #[serde(default)]
    pub rules: RulesConfig,
    /// Where the file was read from (set after reading).
    #[serde(skip)]
    pub path: Option<PathBuf>,
    /// The text it was read from, to name the line of a value found wrong later.
    #[serde(skip)]
    pub text: String,
}

/// The `[check]` table.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CheckConfig {
    /// Default output format (checked against the command's formats when it runs).
    pub format: Option<Spanned<String>>,
    /// Default failing verdict.
    pub fail_on: Option<Spanned<String>>,
    /// Default input format.
    pub input_format: Option<InputFormat>,
}

/// The `[rules]` table.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RulesConfig {
    /// Rule files or directories of them, relative to the configuration file.
    pub dirs: Option<Vec<String>>,
    /// When given, only these rules run.
    pub enable: Option<Vec<Spanned<String>>>,
    /// Rules that do not run.
    #[serde(default)]
    pub disable: Vec<Spanned<String>>,
    /// Slack for every rule, a fraction of the stated value.
    pub tolerance: Option<Spanned<f64>>,
    /// Slack per rule id.
    #[serde(default)]
    pub tolerances: BTreeMap<String, Spanned<f64>>,
}

/// Why a configuration could not be used.
#[derive(Debug)]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// What is wrong, with the line when the TOML parser knows it.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// The configuration file in `dir` or its nearest parent that has one.
    pub fn find(dir: &Path) -> Option<PathBuf> {
        dir.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.is_file())
    }

    /// Read and check a configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let err = |message: String| ConfigError {
            path: path.to_path_buf(),
            message,
        };
        let text = std::fs::read_to_string(path).map_err(|e| err(format!("cannot read: {e}")))?;
        let mut config = Config::parse(&text).map_err(err)?;
        config.path = Some(path.to_path_buf());
        Ok(config)
    }

    /// Parse configuration text; the error names the line and the offending key.
    pub fn parse(text: &str) -> Result<Config, String> {
        let mut config: Config = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text.get(..s.start).map_or(1, |t| t.matches('\n').count() + 1));
            let message = e.message().trim().to_string();
            match line {
                Some(l) => format!("line {l}: {message}"),
                None => message,
            }
        })?;
        config.text = text.to_string();
        let mut tolerances: Vec<(String, &Spanned<f64>)> = config
            .rules
            .tolerances
            .iter()
            .map(|(k, v)| (format!("[rules.tolerances] {k}"), v))
            .collect();
        if let Some(t) = &config.rules.tolerance {
            tolerances.insert(0, ("tolerance".to_string(), t));
        }
        for (key, t) in tolerances {
            let v = *t.get_ref();
            if !(0.0..1.0).contains(&v) {
                return Err(format!(
                    "line {}: {key} = {v} is out of range: give a fraction of the stated value from 0 to 1 (0.05 = ±5%)",
                    config.line_of(t.span())
                ));
            }
        }
        Ok(config)
    }

    /// The 1-based line of a byte span of the file's text.
    pub fn line_of(&self, span: std::ops::Range<usize>) -> usize {
        self.text
            .get(..span.start)
            .map_or(1, |t| t.matches('\n').count() + 1)
    }

    /// The file's name for messages ("claimcheck.toml" when none was read).
    pub fn name(&self) -> String {
        self.path
            .as_ref()
            .map_or_else(|| FILE_NAME.to_string(), |p| p.display().to_string())
    }

    /// The rule directories, resolved against the configuration file's directory.
    pub fn rule_dirs(&self) -> Option<Vec<String>> {
        let base = self
            .path
            .as_deref()
            .and_then(Path::parent)
            .unwrap_or(Path::new(""));
        self.rules
            .dirs
            .as_ref()
            .map(|dirs| dirs.iter().map(|d| base.join(d).display().to_string()).collect())
    }

    /// The tolerance settings for the rules engine.
    pub fn settings(&self) -> Settings {
        Settings {
            tolerance: self.rules.tolerance.as_ref().map_or(0.0, |t| *t.get_ref()),
            tolerances: self
                .rules
                .tolerances
                .iter()
                .map(|(k, v)| (k.clone(), *v.get_ref()))
                .collect(),
            min_confidence: 0.0,
        }
    }

    /// Keep the rules this configuration enables; an id it names that no rule has is an
    /// error naming its line (a typo would otherwise silently run everything).
    pub fn select<R: AsRef<str>>(&self, ids: &[R]) -> Result<Vec<bool>, String> {
        let known = |id: &str| ids.iter().any(|r| r.as_ref() == id);
        let named = self
            .rules
            .enable
            .iter()
            .flatten()
            .map(|s| (s.get_ref().as_str(), s.span(), "enable"))
            .chain(
                self.rules
                    .disable
                    .iter()
                    .map(|s| (s.get_ref().as_str(), s.span(), "disable")),
            )
            .chain(
                self.rules
                    .tolerances
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.span(), "[rules.tolerances]")),
            );
        for (id, span, key) in named {
            if !known(id) {
                return Err(format!(
                    "line {}: {key}: no rule '{id}' (see `claimcheck rules list`)",
                    self.line_of(span)
                ));
            }
        }
        let enabled = |id: &str| {
            self.rules
                .enable
                .as_ref()
                .is_none_or(|e| e.iter().any(|x| x.get_ref() == id))
        };
        Ok(ids
            .iter()
            .map(|r| {
                let id = r.as_ref();
                enabled(id) && !self.rules.disable.iter().any(|x| x.get_ref() == id)
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_file_parses() {
        let c = Config::parse(
            "[check]\nformat = \"sarif\"\nfail-on = \"borderline\"\ninput-format = \"jsonl\"\n[rules]\ndirs = [\"claims\"]\ndisable = [\"repeated-figure\"]\ntolerance = 0.02\n[rules.tolerances]\nper-unit-average = 0.05\n",
        );
        let c = c.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            c.check.format.as_ref().map(|f| f.get_ref().as_str()),
            Some("sarif")
        );
        assert_eq!(c.check.input_format, Some(InputFormat::Jsonl));
        assert_eq!(c.settings().tolerance_for("per-unit-average"), 0.05);
        assert_eq!(c.settings().tolerance_for("percent-change"), 0.02);
        assert_eq!(
            c.select(&["per-unit-average", "repeated-figure"]),
            Ok(vec![true, false])
        );
    }

    #[test]
    fn unknown_keys_are_named_with_their_line() {
        let e = Config::parse("[check]\nformat = \"json\"\nfail_on = \"never\"\n")
            .err()
            .unwrap_or_default();
        assert!(e.contains("line 3") && e.contains("fail_on"), "{e}");
        let e = Config::parse("[rule]\n").err().unwrap_or_default();
        assert!(e.contains("rule"), "{e}");
    }

    #[test]
    fn bad_values_are_explained() {
        let e = Config::parse("[check]\nformat = \"json\"\n[rules]\ntolerance = 7\n")
            .err()
            .unwrap_or_default();
        assert_eq!(
            e,
            "line 4: tolerance = 7 is out of range: give a fraction of the stated value from 0 to 1 (0.05 = ±5%)"
        );
        let e = Config::parse("[rules.tolerances]\npercent-change = 0.01\nper-unit-average = 2\n")
            .err()
            .unwrap_or_default();
        assert!(
            e.starts_with("line 3: [rules.tolerances] per-unit-average = 2 is out of range"),
            "{e}"
        );
        let c = Config::parse("[rules]\ndisable = [\n  \"per-unit-average\",\n  \"no-such-rule\",\n]\n")
            .unwrap_or_default();
        assert_eq!(
            c.select(&["per-unit-average"]),
            Err("line 4: disable: no rule 'no-such-rule' (see `claimcheck rules list`)".to_string())
        );
    }
}
