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
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout (exit 0) and usage errors to stderr (2),
            // in English; a Chinese reader gets the common usage errors in Chinese.
            match i18n::is_zh()
                .then(|| usage_error_in_chinese(&e, &args))
                .flatten()
            {
                Some((message, command)) => {
                    let printer = printer::Printer::new(Default::default(), Default::default(), 0);
                    printer.error(&message);
                    printer.note(&t!("err-usage-help", command = command));
                }
                None => {
                    let _ = e.print();
                }
            }
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
            message = t!("err-with-request-id", message = message, id = id);
        }
    }
    ctx.printer.error(&message);
    // What the console (or the system) said in English, behind a Chinese message.
    if ctx.printer.verbose() > 0 {
        for words in error::foreign_words() {
            ctx.printer.debug(&t!("err-foreign-words", words = words));
        }
    }
    e.exit as i32
}

/// A clap usage error said in Chinese, with the command whose `--help` shows the usage; `None`
/// for help, version and the kinds not covered (clap's English is printed then).
fn usage_error_in_chinese(
    e: &clap::Error,
    args: &[std::ffi::OsString],
) -> Option<(String, String)> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let list = |kind| match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    // `--region <REGION>` is named by its flag alone.
    let flag = |arg: String| {
        arg.split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string()
    };
    let join = |values: Vec<String>| {
        values
            .into_iter()
            .map(flag)
            .collect::<Vec<_>>()
            .join(&t!("err-usage-list-separator"))
    };
    let arg = text(ContextKind::InvalidArg).map(flag);
    let value = text(ContextKind::InvalidValue);
    let mut message = match e.kind() {
        ErrorKind::InvalidValue => {
            let (arg, value) = (arg?, value?);
            let valid = list(ContextKind::ValidValue);
            match (value.is_empty(), valid.is_empty()) {
                (true, true) => t!("err-usage-value-missing", arg = arg),
                (true, false) => t!(
                    "err-usage-value-missing-one-of",
                    arg = arg,
                    values = join(valid)
                ),
                (false, true) => t!("err-usage-invalid-value", arg = arg, value = value),
                (false, false) => t!(
                    "err-usage-invalid-value-one-of",
                    arg = arg,
                    value = value,
                    values = join(valid)
                ),
            }
        }
        ErrorKind::ValueValidation => {
            let (arg, value) = (arg?, value?);
            // A value parser's reason is shown when it is said in Chinese (ours are); the
            // standard library's (`invalid digit found in string`) is English, and left out.
            let reason = std::error::Error::source(e)
                .map(|why| why.to_string())
                .filter(|why| i18n::has_chinese(why, false));
            match reason {
                Some(why) => t!(
                    "err-usage-invalid-value-because",
                    arg = arg,
                    value = value,
                    reason = why
                ),
                None => t!("err-usage-invalid-value", arg = arg, value = value),
            }
        }
        ErrorKind::UnknownArgument => t!("err-usage-unknown-argument", arg = arg?),
        ErrorKind::InvalidSubcommand => {
            t!(
                "err-usage-unknown-command",
                command = text(ContextKind::InvalidSubcommand)?
            )
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = list(ContextKind::InvalidArg);
            if missing.is_empty() {
                return None;
            }
            t!("err-usage-missing", args = join(missing))
        }
        ErrorKind::MissingSubcommand => t!(
            "err-usage-missing-command",
            command = text(ContextKind::InvalidSubcommand)?,
            commands = join(list(ContextKind::ValidSubcommand))
        ),
        ErrorKind::ArgumentConflict => {
            let arg = arg?;
            let prior = list(ContextKind::PriorArg);
            if prior.is_empty() || prior == [arg.clone()] {
                t!("err-usage-repeated", arg = arg)
            } else {
                t!("err-usage-conflict", arg = arg, others = join(prior))
            }
        }
        ErrorKind::NoEquals => t!("err-usage-no-equals", arg = arg?),
        ErrorKind::TooManyValues => t!("err-usage-too-many", arg = arg?, value = value?),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let number = |kind| match e.get(kind) {
                Some(ContextValue::Number(n)) => Some(*n as i64),
                _ => None,
            };
            let expected = number(ContextKind::ExpectedNumValues)
                .or_else(|| number(ContextKind::MinValues))?;
            let given = number(ContextKind::ActualNumValues)?;
            t!(
                "err-usage-value-count",
                arg = arg?,
                expected = expected,
                given = given
            )
        }
        _ => return None,
    };
    let suggestion = text(ContextKind::SuggestedArg)
        .or_else(|| text(ContextKind::SuggestedValue))
        .or_else(|| list(ContextKind::SuggestedSubcommand).into_iter().next());
    if let Some(suggestion) = suggestion {
        message.push_str(&t!("err-usage-did-you-mean", suggestion = suggestion));
    }
    Some((message, command_in(args)))
}

/// The command a command line names (`jdc-refund sandbox serve`), for pointing at its
/// `--help`: its words that are subcommand names, in order.
fn command_in(args: &[std::ffi::OsString]) -> String {
    use clap::CommandFactory;
    let mut command = Cli::command();
    let mut words = vec!["jdc-refund".to_string()];
    for arg in args.iter().skip(1) {
        let arg = arg.to_string_lossy();
        if arg == "--" {
            break;
        }
        let Some(sub) = command.find_subcommand(arg.as_ref()).cloned() else {
            continue;
        };
        words.push(sub.get_name().to_string());
        command = sub;
    }
    words.join(" ")
}
