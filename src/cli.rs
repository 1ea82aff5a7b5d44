//! The command line: clap definitions, whose doc comments are the `--help` text.

use clap::{Parser, Subcommand, ValueEnum};

/// Fact-check the numbers inside an article against each other.
///
/// claimcheck extracts every numerical claim of an article (values as intervals, with
/// their hedges, counted nouns, per-units and time anchors) and checks that the figures
/// agree: averages against totals, multipliers against start and end values.
#[derive(Debug, Parser)]
#[command(
    name = "claimcheck",
    version,
    after_help = "Examples:\n  claimcheck check fixtures/caseload.txt\n  claimcheck check --format json articles/ > report.json\n  claimcheck check --input jsonl --format jsonl corpus.jsonl > findings.jsonl\n  claimcheck extract fixtures/caseload.txt\n  cat story.txt | claimcheck check -\n\nExit status: 0 nothing at or above --fail-on, 1 something is, 2 usage or input error."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check articles and report discrepancies between their figures.
    #[command(
        after_help = "Examples:\n  claimcheck check story.txt\n  claimcheck check --show consistent story.txt   # what was checked and passed, too\n  claimcheck check --format json stories/        # every .txt/.md/.html file in stories/\n  claimcheck check --fail-on borderline story.txt  # exit 1 on borderline findings too\n  claimcheck check --format sarif site/ > claimcheck.sarif  # for GitHub code scanning\n  claimcheck check --format github 'news/**/*.md'   # annotations in a workflow\n  claimcheck check --input jsonl --format jsonl - < shard.jsonl > out.jsonl\n\nDefaults come from the nearest claimcheck.toml (see README, Configuration)."
    )]
    Check(CheckArgs),
    /// Review flagged findings: confirm or dismiss them, remembered across runs.
    #[command(
        after_help = "Examples:\n  claimcheck review story.txt                     # walk each unreviewed finding: c/d/s/q\n  claimcheck review story.txt --list\n  claimcheck review story.txt --confirm f1 --dismiss 8538f18 --reason \"figures are for different years\"\n\nA finding is named by its f-number (f1) or by its key (8538f18), both shown by `check` and\n`--list`; the key stays the same when rules are enabled or disabled. A --reason belongs to\nthe --confirm/--dismiss just before it. `review` reads claimcheck.toml and the user rules as\n`check` does, so both number the findings alike. Decisions are stored in STORY.review.json\nbeside the article (or --review-file); `check` then hides dismissed findings."
    )]
    Review(ReviewArgs),
    /// List, explain and test consistency rules (built-in and from rule files).
    #[command(subcommand)]
    Rules(RulesCommand),
    /// List the numerical claims of articles.
    #[command(
        after_help = "Examples:\n  claimcheck extract story.txt\n  claimcheck extract --format json story.txt | jq '.documents[0].claims[].text'"
    )]
    Extract(ExtractArgs),
}

/// Where articles come from (`check` and `extract`).
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Articles: files, directories (read recursively), glob patterns ("news/**/*.html",
    /// quoted), or "-" for standard input. Directories and patterns skip what .gitignore,
    /// .ignore and hidden-file rules skip (see --no-ignore); a file named on its own is read.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<String>,
    /// How to read inputs: by extension (.html/.htm HTML, .md Markdown, .jsonl JSON Lines,
    /// anything else plain text), or all as one format. "jsonl" reads one
    /// {"id": …, "text": …} object per line (optional "format": "html"|"markdown"|"text").
    #[arg(long, visible_alias = "input", value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormatArg>,
    /// Also read files that .gitignore, .ignore or hidden-file rules would skip.
    #[arg(long)]
    pub no_ignore: bool,
    /// Check this many articles at once (default: one per CPU core).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    #[command(flatten)]
    pub config: ConfigArgs,
}

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format (default: human, or [check] format in claimcheck.toml): "human" for a
    /// reviewer (fitted to $COLUMNS, else the terminal, else 100 columns), "json" for
    /// scripts (README, "JSON output"), "jsonl" one document per line
    /// for corpora, "markdown" for a ticket, "html" for a page with the claims
    /// highlighted, "sarif" for code scanning, "github" for Actions annotations.
    #[arg(long, value_enum)]
    pub format: Option<CheckFormat>,
    /// Also show findings of these verdicts in the human report (JSON always lists all).
    /// Example: --show consistent
    #[arg(long, value_enum, value_delimiter = ',')]
    pub show: Vec<ShowWhat>,
    /// Exit with status 1 when a flagged finding at or above this is left undismissed
    /// (default: contradicted, or [check] fail-on in claimcheck.toml): "contradicted" fails
    /// on findings of severity error (contradictions, unless their rule file says
    /// severity = "warning"), "borderline" on severity warning too.
    /// Example: --fail-on borderline
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Colour in the human report.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(flatten)]
    pub user_rules: UserRuleArgs,
    /// Ignore review files: show every finding as if none had been reviewed.
    #[arg(long)]
    pub no_review: bool,
    /// Leave out findings whose confidence (0–1, how likely the reading behind the finding
    /// is the one the writer meant) is below this. Every finding carries its confidence;
    /// a contradiction is only ever reported above the resolver's own threshold.
    /// Example: --min-confidence 0.5
    #[arg(long, value_name = "X", value_parser = confidence_value)]
    pub min_confidence: Option<f64>,
}

/// A confidence between 0 and 1.
fn confidence_value(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        Ok(x) => Err(format!("{x} is not a confidence: give a number from 0 to 1")),
        Err(_) => Err(format!(
            "'{s}' is not a number: give a confidence from 0 to 1, such as 0.5"
        )),
    }
}

/// The `rules` subcommands.
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// List every rule with its id, origin and description.
    #[command(after_help = "Example:\n  claimcheck rules list --rules claims/")]
    List(RulesArgs),
    /// Show a rule's documentation and examples.
    #[command(
        after_help = "Examples:\n  claimcheck rules explain per-unit-average\n  claimcheck rules explain homicide-rate --rules claims/"
    )]
    Explain {
        /// The rule's id.
        id: String,
        #[command(flatten)]
        args: RulesArgs,
    },
    /// Run rules' examples and print a pass/fail table (exit 1 on any failure).
    #[command(
        after_help = "Examples:\n  claimcheck rules test                                   # built-in rules and ./claims\n  claimcheck rules test claims/budget-per-resident.toml   # that file's rules only"
    )]
    Test {
        /// Test only the rules of these rule files or directories of them (default: every
        /// built-in rule and the user rules of ./claims, or of [rules] dirs in claimcheck.toml).
        #[arg(value_name = "PATH")]
        paths: Vec<String>,
    },
}

/// Where user rules come from (`rules list` and `rules explain`).
#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// A rule file or a directory of *.toml rule files (default: [rules] dirs in
    /// claimcheck.toml, else ./claims if present).
    #[arg(long, value_name = "DIR")]
    pub rules: Option<String>,
    #[command(flatten)]
    pub config: ConfigArgs,
}

/// Which claimcheck.toml is read.
#[derive(Debug, clap::Args)]
pub struct ConfigArgs {
    /// Read defaults from this configuration file instead of the nearest claimcheck.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<String>,
    /// Ignore claimcheck.toml files.
    #[arg(long)]
    pub no_config: bool,
}

/// Which user rules run with the built-in ones (`check` and `review`).
#[derive(Debug, clap::Args)]
pub struct UserRuleArgs {
    /// User rules: a rule file or a directory of *.toml rule files (default: [rules] dirs
    /// in claimcheck.toml, else ./claims if present). Cannot be combined with
    /// --no-user-rules. Example: --rules claims/
    #[arg(long, value_name = "DIR")]
    pub rules: Option<String>,
    /// Run the built-in rules only, even when ./claims or [rules] dirs exist. Cannot be
    /// combined with --rules.
    #[arg(long, conflicts_with = "rules")]
    pub no_user_rules: bool,
}

/// Arguments of `review`.
#[derive(Debug, clap::Args)]
pub struct ReviewArgs {
    /// The article whose findings to review.
    #[arg(value_name = "FILE")]
    pub file: String,
    /// Where decisions are stored (default: FILE.review.json).
    #[arg(long, value_name = "PATH")]
    pub review_file: Option<String>,
    /// List the flagged findings with their review status, and stop.
    #[arg(long)]
    pub list: bool,
    /// Confirm these findings, by f-number or key (from `check` or --list), without asking.
    /// Example: --confirm f2
    #[arg(long, value_name = "ID", num_args = 1.., value_delimiter = ',', action = clap::ArgAction::Append)]
    pub confirm: Vec<String>,
    /// Dismiss these findings as false alarms, by f-number or key, without asking.
    /// Example: --dismiss 8538f18
    #[arg(long, value_name = "ID", num_args = 1.., value_delimiter = ',', action = clap::ArgAction::Append)]
    pub dismiss: Vec<String>,
    /// Why: stored with the --confirm or --dismiss just before it (and only with that one).
    /// Example: --dismiss f1 --reason "the figures are a year apart"
    #[arg(long, value_name = "TEXT", action = clap::ArgAction::Append)]
    pub reason: Vec<String>,
    #[command(flatten)]
    pub user_rules: UserRuleArgs,
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Leave out findings whose confidence is below this, as `check --min-confidence` does.
    #[arg(long, value_name = "X", value_parser = confidence_value)]
    pub min_confidence: Option<f64>,
    /// Colour in the excerpts.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// Arguments of `extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format: "table" for reading, "json" for scripts, "jsonl" one document per line.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Table)]
    pub format: ExtractFormat,
}

/// Formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Findings with the lines they rest on, then a summary table.
    Human,
    /// One JSON object (README, "JSON output").
    Json,
    /// A Markdown checklist to paste into a ticket.
    Markdown,
    /// One self-contained HTML page with the claims highlighted.
    Html,
    /// One JSON document object per line, streamed as articles are checked.
    Jsonl,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow annotations (::error / ::warning lines).
    Github,
}

/// Formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// A table of claims.
    Table,
    /// One JSON object with the claims only.
    Json,
    /// One JSON document object per line.
    Jsonl,
}

/// Input formats on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    /// By file extension.
    Auto,
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// HTML.
    Html,
    /// JSON Lines records.
    Jsonl,
}

impl From<InputFormatArg> for claimcheck::input::InputFormat {
    fn from(f: InputFormatArg) -> Self {
        use claimcheck::input::InputFormat as F;
        match f {
            InputFormatArg::Auto => F::Auto,
            InputFormatArg::Text => F::Text,
            InputFormatArg::Markdown => F::Markdown,
            InputFormatArg::Html => F::Html,
            InputFormatArg::Jsonl => F::Jsonl,
        }
    }
}

/// Extra verdicts to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowWhat {
    /// Relations that were checked and agree.
    Consistent,
    /// Relations that could not be checked.
    Unverifiable,
    /// Everything.
    All,
}

/// The verdict at which `check` exits 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Only contradicted findings fail the run.
    Contradicted,
    /// Borderline and contradicted findings fail the run.
    Borderline,
    /// Never exit 1 because of findings.
    Never,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When standard output is a terminal and NO_COLOR is unset.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}
