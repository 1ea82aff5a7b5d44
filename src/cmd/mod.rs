//! The subcommands, one file each, and what they share: the configuration, which rules run
//! (the same for `check`, `review` and `rules`, so that they number findings alike), colour
//! and width choice, printing that treats a closed pipe as the end.

pub mod check;
pub mod review;
pub mod rules;

use crate::cli::{CheckFormat, ColorChoice, ConfigArgs, FailOn, UserRuleArgs};
use claimcheck::claims_lang::{self, UserRule};
use claimcheck::config::Config;
use claimcheck::report::human;
use claimcheck::rules::{BUILTIN, Rule};
use clap::ValueEnum;
use std::io::{IsTerminal, Write};
use std::path::Path;

/// The configuration the flags point to: `--config`, else the nearest claimcheck.toml.
pub fn config_of(args: &ConfigArgs) -> Result<Config, String> {
    if args.no_config {
        return Ok(Config::default());
    }
    let path = match &args.config {
        Some(p) => Some(std::path::PathBuf::from(p)),
        None => std::env::current_dir().ok().and_then(|d| Config::find(&d)),
    };
    let config = match path {
        Some(p) => Config::load(&p).map_err(|e| e.to_string())?,
        None => Config::default(),
    };
    // Every command checks the [check] values, not only `check`: a wrong one is found
    // whichever command reads the file first.
    from_config::<CheckFormat>(&config, "format", config.check.format.as_ref())?;
    from_config::<FailOn>(&config, "fail-on", config.check.fail_on.as_ref())?;
    Ok(config)
}

/// A value from the configuration, checked against the flag's choices; a wrong one is
/// an error naming its line.
pub fn from_config<T: ValueEnum>(
    config: &Config,
    key: &str,
    value: Option<&toml::Spanned<String>>,
) -> Result<Option<T>, String> {
    let Some(spanned) = value else { return Ok(None) };
    let v = spanned.get_ref();
    T::from_str(v, true).map(Some).map_err(|_| {
        let names: Vec<String> = T::value_variants()
            .iter()
            .filter_map(|x| x.to_possible_value().map(|p| p.get_name().to_string()))
            .collect();
        format!(
            "{}: line {}: {key} = \"{v}\" is not one of {}",
            config.name(),
            config.line_of(spanned.span()),
            names.join(", ")
        )
    })
}

/// The user rules that run: none with `--no-user-rules`; those of `--rules`; else those of
/// `[rules] dirs` in the configuration; else those of ./claims when it exists.
pub fn user_rules_for(config: &Config, args: &UserRuleArgs) -> Result<Vec<UserRule>, String> {
    if args.no_user_rules {
        return Ok(Vec::new());
    }
    match (&args.rules, config.rule_dirs()) {
        (None, Some(dirs)) => {
            let named = config.rules.dirs.iter().flatten();
            if let Some((d, resolved)) = named.zip(&dirs).find(|(_, r)| !Path::new(r).exists()) {
                // The key's line: where the missing entry is written, else line 1.
                let line = config
                    .text
                    .find(&format!("\"{d}\""))
                    .map_or(1, |at| config.line_of(at..at));
                return Err(format!(
                    "{}: line {line}: dirs: \"{d}\" ({resolved}): no such rule file or directory",
                    config.name()
                ));
            }
            user_rules_in(&dirs)
        }
        (flag, _) => user_rules(flag.as_deref()),
    }
}

/// User rules from `--rules`, else from ./claims when it exists. A broken rule file is an
/// input error: its message names file:line:column and shows the line.
pub fn user_rules(path: Option<&str>) -> Result<Vec<UserRule>, String> {
    match path {
        Some(p) => user_rules_in(&[p.to_string()]),
        None if Path::new("claims").is_dir() => user_rules_in(&["claims".to_string()]),
        None => Ok(Vec::new()),
    }
}

/// User rules from several rule files or directories; an id used twice among them, or
/// one that a built-in rule has, is an error located in its file.
pub fn user_rules_in(paths: &[String]) -> Result<Vec<UserRule>, String> {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for p in paths {
        if !Path::new(p).exists() {
            return Err(format!("{p}: no such rule file or directory"));
        }
    }
    let paths: Vec<&Path> = paths.iter().map(Path::new).collect();
    claims_lang::load_all(&paths).map_err(|e| e.render(color).trim_end().to_string())
}

/// The built-in rules followed by the user rules.
pub fn all_rules(user: &[UserRule]) -> Vec<&dyn Rule> {
    let mut rules: Vec<&dyn Rule> = BUILTIN.to_vec();
    rules.extend(user.iter().map(|r| r as &dyn Rule));
    rules
}

/// The rules that run: the built-in and user rules the configuration's `enable` and
/// `disable` keep.
pub fn selected_rules<'a>(config: &Config, user: &'a [UserRule]) -> Result<Vec<&'a dyn Rule>, String> {
    let every = all_rules(user);
    let ids: Vec<&str> = every.iter().map(|r| r.id()).collect();
    let keep = config
        .select(&ids)
        .map_err(|e| format!("{}: {e}", config.name()))?;
    Ok(every
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(r, _)| *r)
        .collect())
}

/// Whether to colour output for a choice and the terminal.
pub fn color_of(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    }
}

/// The width human output is laid out for: `COLUMNS` when set, else the terminal's when
/// standard output is one, else [`human::DEFAULT_WIDTH`]; never below [`human::MIN_WIDTH`].
pub fn output_width() -> usize {
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0);
    let from_terminal = || {
        std::io::stdout()
            .is_terminal()
            .then(terminal_size::terminal_size)
            .flatten()
            .map(|(w, _)| usize::from(w.0))
            .filter(|&w| w > 0)
    };
    from_env
        .or_else(from_terminal)
        .unwrap_or(human::DEFAULT_WIDTH)
        .max(human::MIN_WIDTH)
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
