//! `claimcheck rules`: list, explain and test the built-in rules and rule files.

use super::{all_rules, config_of, output_width, print, selected_rules, user_rules_for, user_rules_in};
use crate::cli::{RulesArgs, RulesCommand, UserRuleArgs};
use claimcheck::claims_lang::{self, UserRule};
use claimcheck::rules::Rule;
use std::process::ExitCode;

/// The user rules `check` would run with these flags: `--rules`, else `[rules] dirs` in
/// claimcheck.toml, else ./claims.
///
/// The configuration is checked as `check` checks it (a rule id in `enable`, `disable` or
/// `[rules.tolerances]` that no rule has is an error here too).
fn user_rules_of(args: &RulesArgs) -> Result<Vec<UserRule>, String> {
    let config = config_of(&args.config)?;
    let user = user_rules_for(
        &config,
        &UserRuleArgs {
            rules: args.rules.clone(),
            no_user_rules: false,
        },
    )?;
    selected_rules(&config, &user)?;
    Ok(user)
}

/// `claimcheck rules list|explain|test`.
pub fn rules_command(cmd: RulesCommand) -> Result<ExitCode, String> {
    match cmd {
        RulesCommand::List(args) => {
            let user = user_rules_of(&args)?;
            let mut t = comfy_table::Table::new();
            t.load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
                .set_header(vec!["id", "from", "checks"]);
            for r in all_rules(&user) {
                t.add_row(vec![r.id().to_string(), r.origin(), r.summary().to_string()]);
            }
            claimcheck::report::table::fit(&mut t, output_width());
            print(&format!("{t}\n"))?;
            Ok(ExitCode::SUCCESS)
        }
        RulesCommand::Explain { id, args } => {
            let user = user_rules_of(&args)?;
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
            // With paths, the rules of those files only; else every rule that `check` runs.
            let (user, with_builtin): (Vec<UserRule>, bool) = if paths.is_empty() {
                let config = config_of(&crate::cli::ConfigArgs {
                    config: None,
                    no_config: false,
                })?;
                let user = user_rules_for(
                    &config,
                    &UserRuleArgs {
                        rules: None,
                        no_user_rules: false,
                    },
                )?;
                (user, true)
            } else {
                (user_rules_in(&paths)?, false)
            };
            let tested: Vec<&dyn Rule> = if with_builtin {
                all_rules(&user)
            } else {
                user.iter().map(|r| r as &dyn Rule).collect()
            };
            let results = claims_lang::run_examples(&tested);
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
            claimcheck::report::table::fit(&mut t, output_width());
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
