//! `logout`: forgets the profile's stored credentials.

use crate::context::Context;
use crate::error::{CliResult, Exit};
use crate::t;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, ctx: &mut Context) -> CliResult<Exit> {
    let profile = ctx.profile();
    let mut file = ctx.store.load_credentials()?;
    let removed = file
        .profiles
        .get(&profile)
        .is_some_and(|c| c.sandbox == ctx.global.sandbox);
    if removed {
        file.profiles.remove(&profile);
        ctx.store.save_credentials(&file)?;
        ctx.printer.note(&t!("logout-done", profile = &profile));
    } else {
        ctx.printer
            .note(&t!("logout-not-logged-in", profile = &profile));
    }
    Ok(Exit::Success)
}
