//! `claimcheck review`: walk an article's flagged findings and record confirm/dismiss
//! decisions beside it, or decide by flags, or list them.

use super::{all_rules, color_of, print, user_rules};
use crate::cli::ReviewArgs;
use claimcheck::Verdict;
use claimcheck::input::{Notice, read_article};
use claimcheck::report::{Checked, human};
use claimcheck::review::{self, Decision, ReviewFile, Status};
use claimcheck::rules::Settings;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `claimcheck review`: list, decide by flags, or walk the unreviewed findings.
pub fn review_command(args: ReviewArgs) -> Result<ExitCode, String> {
    let user = if args.no_user_rules {
        Vec::new()
    } else {
        user_rules(args.rules.as_deref())?
    };
    let rules = all_rules(&user);
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
    if article.lossy {
        eprintln!("claimcheck: warning: {}", Notice::Lossy(article.path.clone()));
    }
    let path = args
        .review_file
        .clone()
        .map_or_else(|| review::default_path(Path::new(&article.path)), PathBuf::from);
    let mut report = claimcheck::check_source(&article.text, article.format, &rules, &Settings::default());
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
