//! The `claimcheck` binary: parse arguments, call the library, print, set the exit code
//! (0 nothing at or above --fail-on, 1 something is, 2 usage or input error).

mod cli;

use claimcheck::claims_lang::{self, UserRule};
use claimcheck::input::{Article, read_articles};
use claimcheck::report::{Checked, Show, human, json, table};
use claimcheck::rules::{BUILTIN, Rule};
use claimcheck::{Report, Verdict};
use clap::Parser;
use cli::{CheckFormat, Cli, ColorChoice, Command, ExtractFormat, FailOn, RulesCommand, ShowWhat};
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
            let user = if args.no_user_rules {
                Vec::new()
            } else {
                user_rules(args.rules.as_deref())?
            };
            let rules = all_rules(&user);
            let articles = load(&args.files)?;
            let reports: Vec<Report> = articles
                .iter()
                .map(|a| claimcheck::check_with(&a.text, &rules))
                .collect();
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
        Command::Rules(cmd) => rules_command(cmd),
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

/// User rules from `--rules`, else from ./claims when it exists. A broken rule file is an
/// input error: its message names file:line:column and shows the line.
fn user_rules(path: Option<&str>) -> Result<Vec<UserRule>, String> {
    let path = match path {
        Some(p) => std::path::PathBuf::from(p),
        None if std::path::Path::new("claims").is_dir() => std::path::PathBuf::from("claims"),
        None => return Ok(Vec::new()),
    };
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    claims_lang::load(&path).map_err(|e| e.render(color).trim_end().to_string())
}

/// The built-in rules followed by the user rules.
fn all_rules(user: &[UserRule]) -> Vec<&dyn Rule> {
    let mut rules: Vec<&dyn Rule> = BUILTIN.to_vec();
    rules.extend(user.iter().map(|r| r as &dyn Rule));
    rules
}

fn rules_command(cmd: RulesCommand) -> Result<ExitCode, String> {
    match cmd {
        RulesCommand::List(args) => {
            let user = user_rules(args.rules.as_deref())?;
            let mut t = comfy_table::Table::new();
            t.load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
                .set_header(vec!["id", "from", "checks"]);
            for r in all_rules(&user) {
                t.add_row(vec![r.id().to_string(), r.origin(), r.summary().to_string()]);
            }
            print(&format!("{t}\n"))?;
            Ok(ExitCode::SUCCESS)
        }
        RulesCommand::Explain { id, args } => {
            let user = user_rules(args.rules.as_deref())?;
            let rules = all_rules(&user);
            let Some(rule) = rules.iter().find(|r| r.id() == id) else {
                let ids: Vec<&str> = rules.iter().map(|r| r.id()).collect();
                return Err(format!("no rule '{id}': known rules are {}", ids.join(", ")));
            };
            let mut out = format!(
                "{} ({})\n\n{}\n\nExamples:\n",
                rule.id(),
                rule.origin(),
                rule.doc()
            );
            for (text, v) in rule.examples() {
                out.push_str(&format!("  [{}] {text}\n", v.as_str()));
            }
            print(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        RulesCommand::Test { paths } => {
            let mut user = Vec::new();
            if paths.is_empty() {
                user = user_rules(None)?;
            }
            for p in &paths {
                user.extend(user_rules(Some(p))?);
            }
            let results = claims_lang::run_examples(&all_rules(&user));
            let mut t = comfy_table::Table::new();
            t.load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
                .set_header(vec!["rule", "from", "example", "expected", "got", "result"]);
            for r in &results {
                let got: Vec<&str> = r.got.iter().map(|v| v.as_str()).collect();
                let flat = r.text.replace('\n', " ⏎ ");
                let text: String = if flat.chars().count() > 60 {
                    flat.chars().take(57).collect::<String>() + "..."
                } else {
                    flat
                };
                t.add_row(vec![
                    r.rule.clone(),
                    r.origin.clone(),
                    text,
                    r.expected.as_str().to_string(),
                    if got.is_empty() {
                        "no finding".to_string()
                    } else {
                        got.join(", ")
                    },
                    if r.passed() {
                        "pass".to_string()
                    } else {
                        "FAIL".to_string()
                    },
                ]);
            }
            let failed = results.iter().filter(|r| !r.passed()).count();
            print(&format!(
                "{t}\n{} passed, {} failed\n",
                results.len() - failed,
                failed
            ))?;
            Ok(if failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
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
