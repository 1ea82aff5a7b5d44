//! The subcommands, one file each, and what they share: rule loading, colour choice,
//! printing that treats a closed pipe as the end.

pub mod check;
pub mod review;
pub mod rules;

use crate::cli::ColorChoice;
use claimcheck::claims_lang::{self, UserRule};
use claimcheck::rules::{BUILTIN, Rule};
use std::io::{IsTerminal, Write};

/// User rules from `--rules`, else from ./claims when it exists. A broken rule file is an
/// input error: its message names file:line:column and shows the line.
pub fn user_rules(path: Option<&str>) -> Result<Vec<UserRule>, String> {
    match path {
        Some(p) => user_rules_in(&[p.to_string()]),
        None if std::path::Path::new("claims").is_dir() => user_rules_in(&["claims".to_string()]),
        None => Ok(Vec::new()),
    }
}

/// User rules from several rule files or directories.
pub fn user_rules_in(paths: &[String]) -> Result<Vec<UserRule>, String> {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut rules = Vec::new();
    for p in paths {
        let path = std::path::Path::new(p);
        if !path.exists() {
            return Err(format!("{p}: no such rule file or directory"));
        }
        rules.extend(claims_lang::load(path).map_err(|e| e.render(color).trim_end().to_string())?);
    }
    Ok(rules)
}

/// The built-in rules followed by the user rules.
pub fn all_rules(user: &[UserRule]) -> Vec<&dyn Rule> {
    let mut rules: Vec<&dyn Rule> = BUILTIN.to_vec();
    rules.extend(user.iter().map(|r| r as &dyn Rule));
    rules
}

/// Whether to colour output for a choice and the terminal.
pub fn color_of(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    }
}

/// Print to standard output; a closed pipe (`| head`) is not an error.
pub fn print(s: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write output: {e}")),
    }
}
