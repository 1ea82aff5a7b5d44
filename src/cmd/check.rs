//! `claimcheck check` and `claimcheck extract` over any number of articles: settings from
//! flags over claimcheck.toml over defaults, inputs expanded and streamed through the
//! parallel batch, each article rendered in its worker, output written in input order.

use super::{color_of, config_of, from_config, output_width, selected_rules, user_rules_for};
use crate::cli::{CheckArgs, CheckFormat, ExtractArgs, ExtractFormat, FailOn, InputArgs, ShowWhat};
use claimcheck::batch::{self, Limits};
use claimcheck::config::Config;
use claimcheck::input::{Article, Articles, InputFormat, Notice, Source, Walk, expand_named};
use claimcheck::report::human::Layout;
use claimcheck::report::table::SummaryRow;
use claimcheck::report::{Checked, Show, github, html, human, json, markdown, sarif, table};
use claimcheck::review::{self, ReviewFile};
use claimcheck::rules::{Rule, Settings};
use claimcheck::{Report, Severity, Verdict};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

/// Why a batch stopped early.
enum Halt {
    /// Standard output was closed (`| head`): stop quietly.
    Pipe,
    /// An error to report, exit status 2.
    Error(String),
}

/// Set the worker count, once per process.
fn set_jobs(jobs: Option<usize>) -> Result<(), String> {
    if let Some(n) = jobs {
        if n == 0 {
            return Err("--jobs must be at least 1".into());
        }
        // Only fails when a pool was already built, which this process never does first.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n).build_global();
    }
    Ok(())
}

/// A progress bar on standard error for batches, when it is a terminal.
fn progress(sources: &[Source], format: InputFormat) -> ProgressBar {
    let jsonl = sources.iter().any(|s| format.reads_records(s));
    if !std::io::stderr().is_terminal() || (sources.len() < 2 && !jsonl) {
        return ProgressBar::hidden();
    }
    let bar = if jsonl {
        ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {human_pos} articles checked ({elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        )
    } else {
        ProgressBar::new(sources.len() as u64).with_style(
            ProgressStyle::with_template("{bar:40} {human_pos}/{human_len} articles (eta {eta})")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        )
    };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar
}

/// What a worker hands back for one article.
struct Done {
    path: String,
    lossy: bool,
    /// Text to write as is (human, json, jsonl, github, extract table).
    text: String,
    /// SARIF results, gathered into one log at the end.
    sarif: Vec<serde_sarif::sarif::Result>,
    /// The summary table's row (human).
    row: Option<SummaryRow>,
    /// The whole report, for formats that render all articles at once (markdown, html).
    kept: Option<(String, Report)>,
    /// A report too large to render into one string (json, jsonl): the calling thread
    /// writes it straight to the output, claim by claim.
    streamed: Option<(String, Report)>,
    /// A finding at or above --fail-on that no reviewer dismissed.
    failed: bool,
}

/// Where rendered articles go, in input order.
struct Output {
    out: std::io::BufWriter<std::io::StdoutLock<'static>>,
    format: Format,
    documents: usize,
    rows: Vec<SummaryRow>,
    /// SARIF results, written as each document finishes.
    sarif: Option<sarif::Stream>,
    kept: Vec<(String, Report)>,
}

/// Every output format of `check` and `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Check(CheckFormat),
    Extract(ExtractFormat),
}

impl Format {
    /// The one JSON object of the contract.
    fn is_json(self) -> bool {
        matches!(
            self,
            Format::Check(CheckFormat::Json) | Format::Extract(ExtractFormat::Json)
        )
    }

    /// JSON Lines.
    fn is_jsonl(self) -> bool {
        matches!(
            self,
            Format::Check(CheckFormat::Jsonl) | Format::Extract(ExtractFormat::Jsonl)
        )
    }
}

/// A write error as a reason to stop: a closed pipe quietly, anything else loudly.
fn halt(e: &std::io::Error) -> Halt {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Halt::Pipe
    } else {
        Halt::Error(format!("cannot write output: {e}"))
    }
}

/// Reports with more claims and findings than this are not rendered into a string by
/// their worker (about 750 bytes of pretty JSON each) but written straight to the output.
const STREAM_ABOVE: usize = 2_000;

impl Output {
    fn write(&mut self, s: &str) -> Result<(), Halt> {
        self.out.write_all(s.as_bytes()).map_err(|e| halt(&e))
    }

    /// Write a report too large to render into one string.
    fn stream(&mut self, path: &str, report: &Report) -> Result<(), Halt> {
        let d = Checked { path, report };
        let with_findings = matches!(self.format, Format::Check(_));
        if self.format.is_jsonl() {
            json::write_line(&mut self.out, &d, with_findings)
                .and_then(|()| self.out.write_all(b"\n"))
                .map_err(|e| halt(&e))
        } else {
            json::write_document(&mut self.out, &d, with_findings).map_err(|e| halt(&e))
        }
    }

    fn add(&mut self, done: Done) -> Result<(), Halt> {
        if self.format.is_json() {
            let opening = if self.documents == 0 {
                json::head(true)
            } else {
                json::SEPARATOR.to_string()
            };
            self.write(&opening)?;
        }
        self.documents += 1;
        self.write(&done.text)?;
        if let Some((path, report)) = &done.streamed {
            self.stream(path, report)?;
        }
        if let Some(stream) = &mut self.sarif {
            stream.write(&mut self.out, done.sarif).map_err(|e| halt(&e))?;
        }
        self.rows.extend(done.row);
        self.kept.extend(done.kept);
        Ok(())
    }

    /// An input that was not checked: in JSON Lines, a line saying so, so that output
    /// lines still match input records one for one.
    fn skipped(&mut self, notice: &Notice) -> Result<(), Halt> {
        if !self.format.is_jsonl() {
            return Ok(());
        }
        #[derive(serde::Serialize)]
        struct Skipped {
            version: u32,
            path: String,
            error: String,
        }
        let line = serde_json::to_string(&Skipped {
            version: json::VERSION,
            path: notice.path(),
            error: notice.to_string(),
        })
        .unwrap_or_default();
        self.write(&format!("{line}\n"))
    }

    fn finish(mut self, rules: &[&dyn Rule], show: Show, width: usize) -> Result<(), Halt> {
        let tail = match self.format {
            f if f.is_json() => {
                let mut t = String::new();
                if self.documents == 0 {
                    t.push_str(&json::head(false));
                }
                t.push_str(json::tail(self.documents > 0));
                t.push('\n');
                t
            }
            Format::Check(CheckFormat::Human) if self.rows.is_empty() => String::new(),
            Format::Check(CheckFormat::Human) => {
                format!("{}\n", table::summary_of_rows_in(&self.rows, width))
            }
            Format::Check(CheckFormat::Sarif) => {
                if let Some(stream) = self.sarif.take() {
                    stream.finish(&mut self.out, rules).map_err(|e| halt(&e))?;
                }
                "\n".to_string()
            }
            Format::Check(f @ (CheckFormat::Markdown | CheckFormat::Html)) => {
                let kept = std::mem::take(&mut self.kept);
                let checked: Vec<Checked> = kept
                    .iter()
                    .map(|(path, report)| Checked { path, report })
                    .collect();
                if f == CheckFormat::Markdown {
                    markdown::render(&checked, show)
                } else {
                    html::render(&checked, show)
                }
            }
            _ => String::new(),
        };
        self.write(&tail)?;
        match self.out.flush() {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(Halt::Error(format!("cannot write output: {e}")))
            }
            _ => Ok(()),
        }
    }
}

/// Settings shared by every worker.
struct Job<'a> {
    rules: &'a [&'a dyn Rule],
    settings: Settings,
    format: Format,
    show: Show,
    layout: Layout,
    review: bool,
    /// The least severity of a flagged finding that fails the run.
    fail_on: Option<Severity>,
}

/// Severities in order, the loudest last.
fn loudness(s: Severity) -> u8 {
    match s {
        Severity::Info => 0,
        Severity::Warning => 1,
        Severity::Error => 2,
    }
}

impl Job<'_> {
    /// Check and render one article.
    fn run(&self, a: Article) -> Result<Done, String> {
        let mut report = claimcheck::check_source(&a.text, a.format, self.rules, &self.settings);
        if self.review && a.is_file {
            let file =
                ReviewFile::load(&review::default_path(Path::new(&a.path))).map_err(|e| e.to_string())?;
            report.apply_review(&file);
        }
        // The finding's own severity decides, not its verdict: a rule may report its
        // contradictions as warnings.
        let failed = self.fail_on.is_some_and(|t| {
            report.findings.iter().enumerate().any(|(i, f)| {
                matches!(f.verdict, Verdict::Contradicted | Verdict::Borderline)
                    && loudness(f.severity) >= loudness(t)
                    && !report.dismissed(i)
            })
        });
        let mut done = Done {
            path: a.path.clone(),
            lossy: a.lossy,
            text: String::new(),
            sarif: Vec::new(),
            row: None,
            kept: None,
            streamed: None,
            failed,
        };
        if (self.format.is_json() || self.format.is_jsonl())
            && report.claims.len() + report.findings.len() > STREAM_ABOVE
        {
            // JSON reads only the claims and findings: the article's text, tokens and
            // layout are dropped before the report waits for its turn to be written.
            report.document = claimcheck::Document::new(String::new());
            report.source = None;
            done.streamed = Some((a.path, report));
            return Ok(done);
        }
        let d = Checked {
            path: &a.path,
            report: &report,
        };
        match self.format {
            Format::Check(CheckFormat::Human) => {
                done.text = human::render_document_in(&d, self.show, self.layout);
                done.row = Some(SummaryRow::of(&d));
            }
            Format::Check(CheckFormat::Json) => done.text = json::render_document(&d, true),
            Format::Check(CheckFormat::Jsonl) => done.text = json::render_line(&d, true) + "\n",
            Format::Check(CheckFormat::Github) => done.text = github::render_document(&d),
            Format::Check(CheckFormat::Sarif) => done.sarif = sarif::results(&d, self.rules),
            Format::Check(CheckFormat::Markdown | CheckFormat::Html) => {
                done.kept = Some((a.path, report));
            }
            Format::Extract(ExtractFormat::Json) => done.text = json::render_document(&d, false),
            Format::Extract(ExtractFormat::Jsonl) => done.text = json::render_line(&d, false) + "\n",
            Format::Extract(ExtractFormat::Table) => {
                done.text = table::claims_table_in(&d, self.layout.width) + "\n";
            }
        }
        Ok(done)
    }
}

/// Run a batch: expand inputs, check in parallel, write in order. Exit status 1 when a
/// finding fails the run, 2 when an input could not be read.
fn run_batch(input: &InputArgs, config: &Config, job: &Job) -> Result<ExitCode, String> {
    set_jobs(input.jobs)?;
    let format = input
        .input_format
        .map(InputFormat::from)
        .or(config.check.input_format)
        .unwrap_or_default();
    let named = expand_named(
        &input.files,
        Walk {
            no_ignore: input.no_ignore,
        },
    )
    .map_err(|e| e.to_string())?;
    // Which walked input (directory or pattern) each file came from: a binary file there
    // is skipped, but an input that yields no readable article at all is an input error;
    // a binary file named on its own is one at once.
    let mut origin: HashMap<String, usize> = HashMap::new();
    let mut readable = vec![0usize; named.len()];
    let mut binary = vec![0usize; named.len()];
    for (i, n) in named.iter().enumerate() {
        for s in &n.sources {
            if let Source::File(p) = s {
                if !n.listed {
                    origin.entry(p.display().to_string()).or_insert(i);
                }
                if format.reads_records(s) {
                    // Records are named by their ids, not the file: count the file as read.
                    if let Some(r) = readable.get_mut(i) {
                        *r += 1;
                    }
                }
            }
        }
    }
    let sources: Vec<Source> = named.iter().flat_map(|n| n.sources.clone()).collect();
    let bar = progress(&sources, format);
    let mut output = Output {
        out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock()),
        format: job.format,
        documents: 0,
        rows: Vec::new(),
        sarif: (job.format == Format::Check(CheckFormat::Sarif)).then(|| sarif::Stream::new(job.rules)),
        kept: Vec::new(),
    };
    let mut failed = false;
    let mut unread = 0usize;
    let warn = |bar: &ProgressBar, n: &Notice| bar.suspend(|| eprintln!("claimcheck: warning: {n}"));
    let result = batch::ordered(
        Articles::new(sources, format),
        Limits::default(),
        |a| job.run(a),
        |item| {
            bar.inc(1);
            match item {
                Err(notice) => {
                    warn(&bar, &notice);
                    match (&notice, origin.get(&notice.path())) {
                        (Notice::Binary(_), Some(&i)) => {
                            if let Some(b) = binary.get_mut(i) {
                                *b += 1;
                            }
                        }
                        (Notice::Binary(_), None) => unread += 1,
                        _ if notice.is_failure() => unread += 1,
                        _ => {}
                    }
                    output.skipped(&notice)
                }
                Ok(Err(message)) => Err(Halt::Error(message)),
                Ok(Ok(done)) => {
                    if let Some(r) = origin.get(&done.path).and_then(|&i| readable.get_mut(i)) {
                        *r += 1;
                    }
                    if done.lossy {
                        warn(&bar, &Notice::Lossy(done.path.clone()));
                    }
                    failed |= done.failed;
                    output.add(done)
                }
            }
        },
    );
    bar.finish_and_clear();
    let result = result.and_then(|()| output.finish(job.rules, job.show, job.layout.width));
    match result {
        Ok(()) | Err(Halt::Pipe) => {}
        Err(Halt::Error(message)) => return Err(message),
    }
    for (i, n) in named.iter().enumerate() {
        let skipped = binary.get(i).copied().unwrap_or(0);
        if !n.listed && skipped > 0 && readable.get(i).copied().unwrap_or(0) == 0 {
            eprintln!(
                "claimcheck: {}: no readable article: the {skipped} file(s) it names look binary",
                n.input
            );
            unread += 1;
        }
    }
    Ok(if unread > 0 {
        eprintln!("claimcheck: {unread} input(s) could not be read (see warnings above)");
        ExitCode::from(2)
    } else if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `claimcheck check`.
pub fn check(args: CheckArgs) -> Result<ExitCode, String> {
    let config = config_of(&args.input.config)?;
    let format = args
        .format
        .or(from_config(&config, "format", config.check.format.as_ref())?)
        .unwrap_or(CheckFormat::Human);
    let fail_on = args
        .fail_on
        .or(from_config(&config, "fail-on", config.check.fail_on.as_ref())?)
        .unwrap_or(FailOn::Contradicted);
    let user = user_rules_for(&config, &args.user_rules)?;
    let rules = selected_rules(&config, &user)?;
    let all = args.show.contains(&ShowWhat::All);
    let mut settings = config.settings();
    settings.min_confidence = args.min_confidence.unwrap_or(0.0);
    let job = Job {
        rules: &rules,
        settings,
        format: Format::Check(format),
        show: Show {
            consistent: all || args.show.contains(&ShowWhat::Consistent),
            unverifiable: all || args.show.contains(&ShowWhat::Unverifiable),
        },
        layout: Layout::new(color_of(args.color)).with_width(output_width()),
        review: !args.no_review,
        fail_on: match fail_on {
            FailOn::Contradicted => Some(Severity::Error),
            FailOn::Borderline => Some(Severity::Warning),
            FailOn::Never => None,
        },
    };
    run_batch(&args.input, &config, &job)
}

/// `claimcheck extract`.
pub fn extract(args: ExtractArgs) -> Result<ExitCode, String> {
    let config = config_of(&args.input.config)?;
    let job = Job {
        rules: &[],
        settings: Settings::default(),
        format: Format::Extract(args.format),
        show: Show::default(),
        layout: Layout::new(false).with_width(output_width()),
        review: false,
        fail_on: None,
    };
    run_batch(&args.input, &config, &job)
}
