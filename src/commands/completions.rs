//! `completions`: the shell completion script for bash, zsh, fish, PowerShell or elvish,
//! generated from the same CLI definition as `--help` and the man pages.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::context::Context;
use crate::error::{CliError, CliResult, Exit};
use crate::t;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The completion script for `shell`.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "jdc-refund", &mut out);
    out
}

/// The committed file name for `shell`'s script.
pub fn file_name(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => "jdc-refund.bash",
        Shell::Zsh => "_jdc-refund",
        Shell::Fish => "jdc-refund.fish",
        Shell::PowerShell => "_jdc-refund.ps1",
        Shell::Elvish => "jdc-refund.elv",
        _ => "jdc-refund.completion",
    }
}

pub const SHELLS: [Shell; 5] = [
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::PowerShell,
    Shell::Elvish,
];

pub fn run(args: Args, ctx: &mut Context) -> CliResult<Exit> {
    let text = String::from_utf8(script(args.shell))
        .map_err(|e| CliError::failure(t!("completions-not-utf8", error = e.to_string())))?;
    ctx.printer.raw(&text)?;
    Ok(Exit::Success)
}

/// Every man page: `jdc-refund.1` and one per subcommand (`jdc-refund-orders.1`, …).
pub fn man_pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let cmd = Cli::command();
    let mut pages = Vec::new();
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut out)?;
    pages.push(("jdc-refund.1".to_string(), out));
    for sub in cmd.get_subcommands() {
        if sub.is_hide_set() || sub.get_name() == "help" {
            continue;
        }
        let name = format!("jdc-refund-{}", sub.get_name());
        let sub = sub
            .clone()
            .name(name.clone())
            .bin_name(name.replace('-', " "));
        let mut out = Vec::new();
        clap_mangen::Man::new(sub).render(&mut out)?;
        pages.push((format!("{name}.1"), out));
    }
    Ok(pages)
}
