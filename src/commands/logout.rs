//! `logout`: forgets the profile's stored credentials.

use crate::context::Context;
use crate::error::{CliResult, Exit};

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
        ctx.printer
            .note(&format!("Logged out of profile `{profile}`."));
    } else {
        ctx.printer
            .note(&format!("Profile `{profile}` was not logged in."));
    }
    Ok(Exit::Success)
}
