//! The `claimcheck` binary: parse arguments, call the library, print, set the exit code
//! (0 nothing at or above --fail-on, 1 something is, 2 usage or input error).

#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod cli;
mod cmd;

/// mimalloc: the checker allocates many small strings per claim, from several threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{CommandFactory, FromArgMatches};
use cli::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    // The matches are kept beside the parsed arguments: `review` reads the order of its
    // flags from them (a --reason belongs to the decision before it).
    let parsed = Cli::command()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m).map(|cli| (cli, m)));
    let (cli, matches) = match parsed {
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
    let result = match cli.command {
        Command::Check(args) => cmd::check::check(args),
        Command::Extract(args) => cmd::check::extract(args),
        Command::Review(args) => cmd::review::review_command(args, matches.subcommand_matches("review")),
        Command::Rules(cmd) => cmd::rules::rules_command(cmd),
    };
    match result {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("claimcheck: {msg}");
            ExitCode::from(2)
        }
    }
}
