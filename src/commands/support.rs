//! `support`: the guide's step 5, "ask support when unsure": the console's support channels.

use crate::context::Context;
use crate::error::{CliResult, Exit};
use crate::views::support_lines;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, ctx: &mut Context) -> CliResult<Exit> {
    let client = ctx.client()?;
    let policy = client.refund_policy()?;
    if ctx.printer.is_json() {
        ctx.printer.json(&policy.support_channels)?;
        return Ok(Exit::Success);
    }
    for line in support_lines(&policy) {
        ctx.printer.line(&line)?;
    }
    Ok(Exit::Success)
}
