//! The `claimcheck` binary: parse arguments, call the library, print, set the exit code
//! (0 nothing at or above --fail-on, 1 something is, 2 usage or input error).

#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod cli;

use claimcheck::claims_lang::{self, UserRule};
use claimcheck::input::{Article, read_articles};
use claimcheck::report::{Checked, Show, html, human, json, markdown, table};
use claimcheck::review::{self, Decision, ReviewFile, Status};
use claimcheck::rules::{BUILTIN, Rule};
use claimcheck::{Report, Verdict};
use clap::Parser;
use cli::{
    CheckFormat, Cli, ColorChoice, Command, ExtractFormat, FailOn, ReviewArgs, RulesCommand, ShowWhat,
};
use std::io::BufRead;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
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
            let mut reports: Vec<Report> = articles
                .iter()
                .map(|a| claimcheck::check_with(&a.text, &rules))
                .collect();
            if !args.no_review {
                for (a, r) in articles.iter().zip(reports.iter_mut()) {
                    if a.path != "-" {
                        let file = ReviewFile::load(&review::default_path(Path::new(&a.path)))
                            .map_err(|e| e.to_string())?;
                        r.apply_review(&file);
                    }
                }
            }
            let docs = pair(&articles, &reports);
            let all = args.show.contains(&ShowWhat::All);
            let show = Show {
                consistent: all || args.show.contains(&ShowWhat::Consistent),
                unverifiable: all || args.show.contains(&ShowWhat::Unverifiable),
            };
            let out = match args.format {
                CheckFormat::Json => json::render(&docs, true) + "\n",
                CheckFormat::Markdown => markdown::render(&docs, show),
                CheckFormat::Html => html::render(&docs, show),
                CheckFormat::Human => human::render(&docs, show, color_of(args.color)),
            };
            print(&out)?;
            let threshold = match args.fail_on {
                FailOn::Contradicted => Some(Verdict::Contradicted),
                FailOn::Borderline => Some(Verdict::Borderline),
                FailOn::Never => None,
            };
            // Findings a reviewer dismissed never fail a run.
            let failed = threshold.is_some_and(|t| {
                reports.iter().any(|r| {
                    r.findings.iter().enumerate().any(|(i, f)| {
                        matches!(f.verdict, Verdict::Contradicted | Verdict::Borderline)
                            && f.verdict >= t
                            && !r.dismissed(i)
                    })
                })
            });
            Ok(if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Review(args) => review_command(args),
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

/// Whether to colour output for a choice and the terminal.
fn color_of(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    }
}

/// `claimcheck review`: list, decide by flags, or walk the unreviewed findings.
fn review_command(args: ReviewArgs) -> Result<ExitCode, String> {
    let user = if args.no_user_rules {
        Vec::new()
    } else {
        user_rules(args.rules.as_deref())?
    };
    let rules = all_rules(&user);
    let articles = load(std::slice::from_ref(&args.file))?;
    let [article] = articles.as_slice() else {
        return Err(format!(
            "{}: review takes one article file, not a directory",
            args.file
        ));
    };
    if article.path == "-" {
        return Err("review needs an article file: decisions are stored beside it".into());
    }
    let path = args
        .review_file
        .clone()
        .map_or_else(|| review::default_path(Path::new(&article.path)), PathBuf::from);
    let mut report = claimcheck::check_with(&article.text, &rules);
    let file = ReviewFile::load(&path).map_err(|e| e.to_string())?;
    report.apply_review(&file);
    let flagged = |i: usize| {
        report
            .findings
            .get(i)
            .is_some_and(|f| matches!(f.verdict, Verdict::Contradicted | Verdict::Borderline))
    };
    let decision = |i: usize, status: Status, reason: Option<String>| {
        report.findings.get(i).map(|f| Decision {
            fingerprint: review::fingerprint(f, &report.claims),
            status,
            reason,
            message: f.message.clone(),
        })
    };
    let index_of = |id: &str| {
        report
            .findings
            .iter()
            .position(|f| f.id.eq_ignore_ascii_case(id))
            .ok_or_else(|| {
                format!(
                    "no finding '{id}' in {}: run `claimcheck review {} --list`",
                    article.path, article.path
                )
            })
    };
    if !args.confirm.is_empty() || !args.dismiss.is_empty() {
        let mut new = Vec::new();
        for id in &args.confirm {
            new.extend(decision(index_of(id)?, Status::Confirmed, args.reason.clone()));
        }
        for id in &args.dismiss {
            new.extend(decision(index_of(id)?, Status::Dismissed, args.reason.clone()));
        }
        review::record(&path, &new).map_err(|e| e.to_string())?;
        print(&format!(
            "{}: {} decision(s) recorded in {}\n",
            article.path,
            new.len(),
            path.display()
        ))?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.list {
        let mut t = comfy_table::Table::new();
        t.load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
            .set_header(vec!["id", "verdict", "rule", "review", "message"]);
        for (i, f) in report.findings.iter().enumerate().filter(|(i, _)| flagged(*i)) {
            let status = report.review_of(i).map_or("unreviewed".to_string(), |r| {
                r.reason.as_ref().map_or(r.status.as_str().to_string(), |why| {
                    format!("{} ({why})", r.status.as_str())
                })
            });
            t.add_row(vec![
                f.id.clone(),
                f.verdict.as_str().into(),
                f.rule.clone(),
                status,
                f.message.clone(),
            ]);
        }
        print(&format!("{t}\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    // Interactive: one unreviewed finding at a time, answers read line by line from stdin.
    let pending: Vec<usize> = (0..report.findings.len())
        .filter(|i| flagged(*i) && report.review_of(*i).is_none())
        .collect();
    if pending.is_empty() {
        print(&format!("{}: nothing left to review\n", article.path))?;
        return Ok(ExitCode::SUCCESS);
    }
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let color = color_of(args.color);
    let mut decided = 0;
    for (n, &i) in pending.iter().enumerate() {
        let Some(f) = report.findings.get(i) else { continue };
        let checked = Checked {
            path: &article.path,
            report: &report,
        };
        print(&format!(
            "\n[{}/{}] {}\n{}",
            n + 1,
            pending.len(),
            f.id,
            human::render_finding(&checked, f, color, false)
        ))?;
        let answer = loop {
            print("[c]onfirm  [d]ismiss  [s]kip  [q]uit > ")?;
            let Some(Ok(line)) = lines.next() else { break 'q' };
            match line.trim().to_lowercase().chars().next() {
                Some(c @ ('c' | 'd' | 's' | 'q')) => break c,
                _ => print("please answer c, d, s or q\n")?,
            }
        };
        let status = match answer {
            'c' => Status::Confirmed,
            'd' => Status::Dismissed,
            's' => continue,
            _ => break,
        };
        let reason = if status == Status::Dismissed {
            print("reason (optional, Enter to skip) > ")?;
            lines
                .next()
                .and_then(Result::ok)
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty())
        } else {
            None
        };
        review::record(
            &path,
            &decision(i, status, reason).into_iter().collect::<Vec<_>>(),
        )
        .map_err(|e| e.to_string())?;
        decided += 1;
    }
    print(&format!(
        "\n{decided} decision(s) recorded in {}\n",
        path.display()
    ))?;
    Ok(ExitCode::SUCCESS)
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
