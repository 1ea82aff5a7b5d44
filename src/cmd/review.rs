//! `claimcheck review`: walk an article's flagged findings and record confirm/dismiss
//! decisions beside it, or decide by flags, or list them.
//!
//! It checks the article exactly as `check` does — the same claimcheck.toml (rules enabled
//! and disabled, tolerances), the same user rules, the same `--min-confidence` — so an id
//! that `check` printed names the same finding here. A finding is named by its f-number or
//! by its key (a short hash of its fingerprint, which no other rule can shift), and every
//! decision recorded is echoed with the finding it went to.

use super::{color_of, config_of, output_width, print, selected_rules, user_rules_for};
use crate::cli::ReviewArgs;
use claimcheck::input::{Notice, read_article};
use claimcheck::report::human::{self, Layout};
use claimcheck::report::{Checked, table};
use claimcheck::review::{self, Decision, ReviewFile, Status};
use claimcheck::{Report, Verdict};
use clap::ArgMatches;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// One decision asked for on the command line: the id as typed, what to record, and the
/// reason that follows it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Asked {
    id: String,
    status: Status,
    reason: Option<String>,
}

/// The decisions of `--confirm`, `--dismiss` and `--reason`, in command-line order. A
/// reason belongs to the `--confirm`/`--dismiss` just before it (all of its ids), and only
/// to that one.
fn asked(args: &ReviewArgs, matches: Option<&ArgMatches>) -> Result<Vec<Asked>, String> {
    let Some(m) = matches else {
        // No positions to go by: decisions without reasons, unless there is one decision.
        let mut out: Vec<Asked> = args
            .confirm
            .iter()
            .map(|id| (id, Status::Confirmed))
            .chain(args.dismiss.iter().map(|id| (id, Status::Dismissed)))
            .map(|(id, status)| Asked {
                id: id.clone(),
                status,
                reason: None,
            })
            .collect();
        if let ([one], [reason]) = (out.as_mut_slice(), args.reason.as_slice()) {
            one.reason = Some(reason.clone());
        }
        return Ok(out);
    };
    // (position, ids or reason) of every occurrence.
    enum Event {
        Decide(Vec<String>, Status),
        Reason(String),
    }
    let mut events: Vec<(usize, Event)> = Vec::new();
    for (name, status) in [("confirm", Status::Confirmed), ("dismiss", Status::Dismissed)] {
        let mut indices = m.indices_of(name).into_iter().flatten();
        for occurrence in m.get_occurrences::<String>(name).into_iter().flatten() {
            let ids: Vec<String> = occurrence.cloned().collect();
            let mut at = usize::MAX;
            for _ in &ids {
                at = at.min(indices.next().unwrap_or(usize::MAX));
            }
            events.push((at, Event::Decide(ids, status)));
        }
    }
    let reasons = m.get_many::<String>("reason").into_iter().flatten();
    for (reason, at) in reasons.zip(m.indices_of("reason").into_iter().flatten()) {
        events.push((at, Event::Reason(reason.clone())));
    }
    events.sort_by_key(|(at, _)| *at);
    let mut out: Vec<Asked> = Vec::new();
    // The decisions of the last --confirm/--dismiss, and whether it has its reason.
    let mut last: Option<(std::ops::Range<usize>, bool)> = None;
    for (_, event) in events {
        match event {
            Event::Decide(ids, status) => {
                let start = out.len();
                out.extend(ids.into_iter().map(|id| Asked {
                    id,
                    status,
                    reason: None,
                }));
                last = Some((start..out.len(), false));
            }
            Event::Reason(reason) => match &mut last {
                None => {
                    return Err(format!(
                        "--reason \"{reason}\" follows no decision: put it after the --confirm or --dismiss it explains"
                    ));
                }
                Some((_, true)) => {
                    return Err(format!(
                        "--reason \"{reason}\": the decision before it already has a reason"
                    ));
                }
                Some((range, given)) => {
                    for a in out.get_mut(range.clone()).into_iter().flatten() {
                        a.reason = Some(reason.clone());
                    }
                    *given = true;
                }
            },
        }
    }
    Ok(out)
}

/// True for findings a reviewer decides on: contradicted and borderline ones.
fn flagged(v: Verdict) -> bool {
    matches!(v, Verdict::Contradicted | Verdict::Borderline)
}

/// The finding an id names: its f-number ("f3"), its key ("3f9c1a2"), or a prefix of its
/// key at least four digits long that no other finding's key shares.
fn find(report: &Report, id: &str, path: &str) -> Result<usize, String> {
    let id = id.trim();
    let by_number = report.findings.iter().position(|f| f.id.eq_ignore_ascii_case(id));
    let lower = id.to_ascii_lowercase();
    let mut by_key: Vec<usize> = (0..report.findings.len())
        .filter(|&i| {
            let k = report.key_of(i);
            k == lower || (lower.len() >= 4 && k.starts_with(&lower))
        })
        .collect();
    // Findings that share a fingerprint share their key and take the same decision.
    by_key.dedup_by_key(|i| report.fingerprint_of(*i));
    let fingerprints: std::collections::BTreeSet<Option<String>> =
        by_key.iter().map(|&i| report.fingerprint_of(i)).collect();
    match (by_number, by_key.first()) {
        (Some(n), Some(&k)) if report.fingerprint_of(n) != report.fingerprint_of(k) => Err(format!(
            "'{id}' is both finding {} and the key of {}: use the other's key",
            report.findings.get(n).map_or("", |f| f.id.as_str()),
            report.findings.get(k).map_or("", |f| f.id.as_str())
        )),
        (Some(n), _) => Ok(n),
        (None, Some(&k)) if fingerprints.len() == 1 => Ok(k),
        (None, Some(_)) => Err(format!(
            "'{id}' is the start of several findings' keys in {path}: give more of the key"
        )),
        (None, None) => Err(format!(
            "no finding '{id}' in {path}: run `claimcheck review {path} --list` for the ids and keys"
        )),
    }
}

/// "f3 (3f9c1a2) multiplier-change at 9:88": a finding as a review names it.
fn name(report: &Report, i: usize) -> String {
    let Some(f) = report.findings.get(i) else {
        return String::new();
    };
    let at = f
        .claims
        .last()
        .and_then(|id| claimcheck::claim::by_id(&report.claims, id))
        .map(|c| format!(" at {}:{}", c.span.line, c.span.column))
        .unwrap_or_default();
    format!(
        "{} ({}) {} {}{at}",
        f.id,
        report.key_of(i),
        f.verdict.as_str(),
        f.rule
    )
}

/// `claimcheck review`: list, decide by flags, or walk the unreviewed findings.
pub fn review_command(args: ReviewArgs, matches: Option<&ArgMatches>) -> Result<ExitCode, String> {
    let config = config_of(&args.config)?;
    let user = user_rules_for(&config, &args.user_rules)?;
    let rules = selected_rules(&config, &user)?;
    let mut settings = config.settings();
    settings.min_confidence = args.min_confidence.unwrap_or(0.0);
    if args.file == "-" {
        return Err("review needs an article file: decisions are stored beside it".into());
    }
    if Path::new(&args.file).is_dir() {
        return Err(format!(
            "{}: review takes one article file, not a directory",
            args.file
        ));
    }
    let article = read_article(&args.file).map_err(|e| e.to_string())?;
    if claimcheck::input::looks_binary(article.text.as_bytes()) {
        return Err(format!(
            "{}: looks binary (NUL bytes in its first 8,000 bytes), not an article",
            article.path
        ));
    }
    if article.lossy {
        eprintln!("claimcheck: warning: {}", Notice::Lossy(article.path.clone()));
    }
    let path = args
        .review_file
        .clone()
        .map_or_else(|| review::default_path(Path::new(&article.path)), PathBuf::from);
    let mut report = claimcheck::check_source(&article.text, article.format, &rules, &settings);
    let file = ReviewFile::load(&path).map_err(|e| e.to_string())?;
    report.apply_review(&file);
    let width = output_width();
    let layout = Layout::new(color_of(args.color)).with_width(width);
    let asked = asked(&args, matches)?;
    if !asked.is_empty() {
        if args.list {
            return Err("--list only lists: give --confirm/--dismiss without it".into());
        }
        // Every id is checked before anything is recorded.
        let mut chosen: Vec<(usize, &Asked)> = Vec::new();
        for a in &asked {
            let i = find(&report, &a.id, &article.path)?;
            let Some(f) = report.findings.get(i) else {
                continue;
            };
            if !flagged(f.verdict) {
                return Err(format!(
                    "{} is {}: only contradicted and borderline findings (those `--list` shows) can be confirmed or dismissed; nothing was recorded",
                    name(&report, i),
                    f.verdict.as_str()
                ));
            }
            if let Some((_, other)) = chosen
                .iter()
                .find(|(j, _)| report.fingerprint_of(*j) == report.fingerprint_of(i))
            {
                return Err(format!(
                    "{} is named twice ('{}' and '{}'); nothing was recorded",
                    name(&report, i),
                    other.id,
                    a.id
                ));
            }
            chosen.push((i, a));
        }
        let new: Vec<Decision> = chosen
            .iter()
            .filter_map(|(i, a)| {
                let f = report.findings.get(*i)?;
                Some(Decision {
                    fingerprint: report.fingerprint_of(*i)?,
                    status: a.status,
                    reason: a.reason.clone(),
                    message: f.message.clone(),
                })
            })
            .collect();
        review::record(&path, &new).map_err(|e| e.to_string())?;
        let mut out = String::new();
        for (i, a) in &chosen {
            let f = report.findings.get(*i).map_or("", |f| f.message.as_str());
            let mut line = format!("{} {}: {f}", a.status.as_str(), name(&report, *i));
            if let Some(r) = &a.reason {
                line.push_str(&format!(" — reason: {r}"));
            }
            let wrapped = textwrap::wrap(&line, textwrap::Options::new(width).subsequent_indent("    "));
            for l in wrapped {
                out.push_str(&l);
                out.push('\n');
            }
        }
        out.push_str(&format!(
            "{}: {} decision(s) recorded in {}\n",
            article.path,
            new.len(),
            path.display()
        ));
        print(&out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if !args.reason.is_empty() {
        return Err("--reason goes after the --confirm ID or --dismiss ID it explains".into());
    }
    if args.list {
        let mut t = comfy_table::Table::new();
        t.load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
            .set_header(vec!["id", "key", "verdict", "rule", "line", "review", "message"]);
        let mut any = false;
        for (i, f) in report
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| flagged(f.verdict))
        {
            any = true;
            let status = report.review_of(i).map_or("unreviewed".to_string(), |r| {
                r.reason.as_ref().map_or(r.status.as_str().to_string(), |why| {
                    format!("{} ({why})", r.status.as_str())
                })
            });
            let line = f
                .claims
                .last()
                .and_then(|id| claimcheck::claim::by_id(&report.claims, id))
                .map_or(String::new(), |c| c.span.line.to_string());
            t.add_row(vec![
                f.id.clone(),
                report.key_of(i),
                f.verdict.as_str().into(),
                f.rule.clone(),
                line,
                status,
                f.message.clone(),
            ]);
        }
        if !any {
            print(&format!("{}: no flagged findings\n", article.path))?;
            return Ok(ExitCode::SUCCESS);
        }
        table::fit(&mut t, width);
        print(&format!("{t}\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    // Interactive: one unreviewed finding at a time, answers read line by line from stdin.
    let pending: Vec<usize> = (0..report.findings.len())
        .filter(|&i| {
            report.findings.get(i).is_some_and(|f| flagged(f.verdict)) && report.review_of(i).is_none()
        })
        .collect();
    if pending.is_empty() {
        print(&format!("{}: nothing left to review\n", article.path))?;
        return Ok(ExitCode::SUCCESS);
    }
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut decided = 0;
    for (n, &i) in pending.iter().enumerate() {
        let Some(f) = report.findings.get(i) else { continue };
        let checked = Checked {
            path: &article.path,
            report: &report,
        };
        print(&format!(
            "\n[{}/{}]\n{}",
            n + 1,
            pending.len(),
            human::render_finding_in(&checked, f, layout, false)
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
        let Some(fingerprint) = report.fingerprint_of(i) else {
            continue;
        };
        let decision = Decision {
            fingerprint,
            status,
            reason,
            message: f.message.clone(),
        };
        review::record(&path, &[decision]).map_err(|e| e.to_string())?;
        print(&format!("{} {}\n", status.as_str(), name(&report, i)))?;
        decided += 1;
    }
    print(&format!(
        "\n{decided} decision(s) recorded in {}\n",
        path.display()
    ))?;
    Ok(ExitCode::SUCCESS)
}
