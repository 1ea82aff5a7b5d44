//! `claimcheck rules`: list, explain and test the built-in rules and rule files.

use super::{all_rules, print, user_rules};
use crate::cli::RulesCommand;
use claimcheck::claims_lang;
use std::process::ExitCode;

/// `claimcheck rules list|explain|test`.
pub fn rules_command(cmd: RulesCommand) -> Result<ExitCode, String> {
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
