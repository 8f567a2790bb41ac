//! jdc-refund: refund a JD Cloud server from the command line.
//!
//! `run` parses the command line, hands the chosen command a [`context::Context`] and turns
//! its outcome into a documented exit code. Everything a command prints goes through
//! [`printer::Printer`].

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod cli;
pub mod commands;
pub mod config;
pub mod console;
pub mod context;
pub mod error;
pub mod i18n;
pub mod interrupt;
pub mod journal;
pub mod printer;
pub mod prompt;
pub mod sandbox;
pub mod troubleshoot;
pub mod views;
pub mod walkthrough;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::context::Context;
use crate::error::{CliError, Exit};

/// Runs the command line and returns the process exit code.
pub fn run() -> i32 {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    i18n::init(&args);
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout (exit 0) and usage errors to stderr (2).
            let _ = e.print();
            return e.exit_code();
        }
    };
    let mut ctx = Context::new(cli.global.clone());
    // `sandbox serve` handles Ctrl-C itself, as the normal way to stop it.
    if !matches!(cli.command, Command::Sandbox(_)) {
        interrupt::install(ctx.phase.clone());
    }
    let outcome = match cli.command {
        Command::Login(args) => commands::login::run(args, &mut ctx),
        Command::Logout(args) => commands::logout::run(args, &mut ctx),
        Command::Orders(args) => commands::orders::run(args, &mut ctx),
        Command::Refund(args) => commands::refund::run(*args, &mut ctx),
        Command::Status(args) => commands::status::run(args, &mut ctx),
        Command::Support(args) => commands::support::run(args, &mut ctx),
        Command::Sandbox(args) => commands::sandbox::run(args, &mut ctx),
        Command::Completions(args) => commands::completions::run(args, &mut ctx),
    };
    match outcome {
        Ok(exit) => exit as i32,
        Err(e) => report(&ctx, e),
    }
}

fn report(ctx: &Context, e: CliError) -> i32 {
    if e.is_broken_pipe() {
        return Exit::Success as i32;
    }
    if e.exit == Exit::Interrupted {
        interrupt::exit_interrupted(&e.message);
    }
    let mut message = e.message.clone();
    if let Some(id) = &e.request_id {
        if !message.contains(id.as_str()) {
            message.push_str(&format!(" (request id {id})"));
        }
    }
    ctx.printer.error(&message);
    e.exit as i32
}
