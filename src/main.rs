//! The `claimcheck` binary: parse arguments, call the library, print, set the exit code
//! (0 nothing at or above --fail-on, 1 something is, 2 usage or input error).

mod cli;

use claimcheck::input::{Article, read_articles};
use claimcheck::report::{Checked, Show, human, json, table};
use claimcheck::{Report, Verdict};
use clap::Parser;
use cli::{CheckFormat, Cli, ColorChoice, Command, ExtractFormat, FailOn, ShowWhat};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("claimcheck: {msg}");
            ExitCode::from(2)
        }
    }
}

fn load(files: &[String]) -> Result<Vec<Article>, String> {
    let mut articles = Vec::new();
    for f in files {
        let mut got = read_articles(f).map_err(|e| e.to_string())?;
        for a in &got {
            if a.lossy {
                eprintln!(
                    "claimcheck: warning: {}: not valid UTF-8; invalid bytes were replaced",
                    a.path
                );
            }
        }
        articles.append(&mut got);
    }
    Ok(articles)
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Command::Check(args) => {
            let articles = load(&args.files)?;
            let reports: Vec<Report> = articles.iter().map(|a| claimcheck::check(&a.text)).collect();
            let docs = pair(&articles, &reports);
            let out = match args.format {
                CheckFormat::Json => json::render(&docs, true) + "\n",
                CheckFormat::Human => {
                    let all = args.show.contains(&ShowWhat::All);
                    let show = Show {
                        consistent: all || args.show.contains(&ShowWhat::Consistent),
                        unverifiable: all || args.show.contains(&ShowWhat::Unverifiable),
                    };
                    let color = match args.color {
                        ColorChoice::Always => true,
                        ColorChoice::Never => false,
                        ColorChoice::Auto => {
                            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
                        }
                    };
                    human::render(&docs, show, color)
                }
            };
            print(&out)?;
            let threshold = match args.fail_on {
                FailOn::Contradicted => Some(Verdict::Contradicted),
                FailOn::Borderline => Some(Verdict::Borderline),
                FailOn::Never => None,
            };
            let failed = threshold.is_some_and(|t| {
                reports.iter().flat_map(|r| &r.findings).any(|f| {
                    matches!(f.verdict, Verdict::Contradicted | Verdict::Borderline) && f.verdict >= t
                })
            });
            Ok(if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Extract(args) => {
            let articles = load(&args.files)?;
            let reports: Vec<Report> = articles
                .iter()
                .map(|a| claimcheck::check_with(&a.text, &[]))
                .collect();
            let docs = pair(&articles, &reports);
            let out = match args.format {
                ExtractFormat::Json => json::render(&docs, false) + "\n",
                ExtractFormat::Table => docs
                    .iter()
                    .map(table::claims_table)
                    .collect::<Vec<_>>()
                    .join("\n"),
            };
            print(&out)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Each article's path beside its report, as the printers take them.
fn pair<'a>(articles: &'a [Article], reports: &'a [Report]) -> Vec<Checked<'a>> {
    articles
        .iter()
        .zip(reports)
        .map(|(a, r)| Checked {
            path: &a.path,
            report: r,
        })
        .collect()
}

/// Print to standard output; a closed pipe (`| head`) is not an error.
fn print(s: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write output: {e}")),
    }
}
