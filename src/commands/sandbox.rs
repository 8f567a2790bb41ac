//! `sandbox`: run the sandbox console as a server, reset its state, or describe it.

use std::path::PathBuf;

use serde_json::json;

use crate::context::Context;
use crate::error::{CliError, CliResult, Exit};
use crate::printer::{Table, Tone};
use crate::sandbox::store::{self, DEMO_ACCESS_KEY, DEMO_PASSWORD, DEMO_SECRET_KEY, MFA_CODE};
use crate::sandbox::{Faults, RunningSandbox, SandboxOptions};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: SandboxCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum SandboxCommand {
    /// Serve the sandbox console over HTTP until Ctrl-C
    Serve(ServeArgs),
    /// Delete the sandbox's state; the next start seeds it anew
    Reset(StateArg),
    /// Show the state path, accounts, key pair and seeded orders
    Info(StateArg),
}

#[derive(Debug, clap::Args)]
pub struct StateArg {
    /// State file [default: sandbox.sqlite3 in the user's data directory, or $JDC_SANDBOX_STATE]
    #[arg(long, value_name = "PATH")]
    pub state: Option<PathBuf>,
}

impl StateArg {
    fn path(&self, ctx: &Context) -> PathBuf {
        self.state.clone().unwrap_or_else(|| ctx.sandbox_state())
    }
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Port on 127.0.0.1 (0 picks a free one)
    #[arg(long, default_value_t = 0)]
    pub port: u16,

    #[command(flatten)]
    pub state: StateArg,

    /// How much faster than normal refunds move on (a refund normally ends in about 25 s)
    #[arg(long, default_value_t = 1.0, value_parser = crate::cli::parse_speed)]
    pub speed: f64,

    /// Inject faults, e.g. `latency=50ms,503=0.2,429=0.1,drop=0.5,stall=0.1,stall-for=5s`
    #[arg(long, value_name = "SPEC", value_parser = Faults::parse)]
    pub faults: Option<Faults>,

    /// Add this many refundable orders to the demo account (for load tests)
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub seed_orders: u32,
}

pub fn run(args: Args, ctx: &mut Context) -> CliResult<Exit> {
    match args.command {
        SandboxCommand::Serve(a) => serve(a, ctx),
        SandboxCommand::Reset(a) => {
            let path = a.path(ctx);
            store::reset(&path)
                .map_err(|e| CliError::failure(format!("cannot delete {}: {e}", path.display())))?;
            ctx.printer.note(&format!(
                "Sandbox state {} reset; it is seeded again on next use.",
                path.display()
            ));
            Ok(Exit::Success)
        }
        SandboxCommand::Info(a) => info(a, ctx),
    }
}

fn serve(args: ServeArgs, ctx: &mut Context) -> CliResult<Exit> {
    let options = SandboxOptions {
        state: args.state.path(ctx),
        port: args.port,
        speed: args.speed,
        faults: args.faults.unwrap_or_default(),
        seed_orders: args.seed_orders,
    };
    let stop = StopSignal::listen()?;
    let running = RunningSandbox::start(&options)
        .map_err(|e| CliError::failure(format!("cannot start the sandbox: {e:#}")))?;
    // The first line of stdout, so scripts can read the port.
    ctx.printer
        .line(&format!("listening on {}", running.url()))?;
    ctx.printer.note(&format!(
        "state {}; access key {DEMO_ACCESS_KEY}; Ctrl-C to stop",
        options.state.display()
    ));
    if options.faults.is_active() {
        ctx.printer
            .warn(&format!("injecting faults: {:?}", options.faults));
    }
    stop.wait();
    ctx.printer
        .note(&format!("sandbox stopped: {}", running.stats.summary()));
    drop(running);
    Ok(Exit::Interrupted)
}

/// Ctrl-C (or SIGTERM), listened for from the moment this is made: a signal that arrives
/// right after the URL is printed must stop the server, not kill it.
struct StopSignal {
    runtime: tokio::runtime::Runtime,
    #[cfg(unix)]
    signals: (tokio::signal::unix::Signal, tokio::signal::unix::Signal),
}

impl StopSignal {
    fn listen() -> CliResult<StopSignal> {
        let fail = |e: std::io::Error| CliError::failure(format!("cannot listen for Ctrl-C: {e}"));
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(fail)?;
        #[cfg(unix)]
        let signals = {
            use tokio::signal::unix::{signal, SignalKind};
            let _guard = runtime.enter();
            (
                signal(SignalKind::interrupt()).map_err(fail)?,
                signal(SignalKind::terminate()).map_err(fail)?,
            )
        };
        Ok(StopSignal {
            runtime,
            #[cfg(unix)]
            signals,
        })
    }

    fn wait(mut self) {
        #[cfg(unix)]
        {
            let (interrupt, terminate) = &mut self.signals;
            self.runtime.block_on(async {
                tokio::select! {
                    _ = interrupt.recv() => {}
                    _ = terminate.recv() => {}
                }
            });
        }
        #[cfg(not(unix))]
        {
            let _ = self.runtime.block_on(tokio::signal::ctrl_c());
        }
    }
}

fn info(args: StateArg, ctx: &mut Context) -> CliResult<Exit> {
    let path = args.path(ctx);
    let seeded = store::describe_seed();
    let accounts = [
        ("demo", "no MFA; owns the static key pair"),
        ("mfa-demo", "MFA code 246810"),
        ("arrears-demo", "available balance below zero"),
    ];
    let printer = ctx.printer.clone();
    if printer.is_json() {
        printer.json(&json!({
            "state": path.display().to_string(),
            "stateExists": path.exists(),
            "accounts": accounts.iter().map(|(pin, note)| json!({
                "account": pin, "password": DEMO_PASSWORD, "note": note,
                "mfaCode": (*pin == "mfa-demo").then_some(MFA_CODE),
            })).collect::<Vec<_>>(),
            "accessKey": DEMO_ACCESS_KEY,
            "secretKey": DEMO_SECRET_KEY,
            "orders": seeded.iter().map(|(pin, number, case, fee)| json!({
                "account": pin, "orderNumber": number, "case": case, "actualFee": fee,
            })).collect::<Vec<_>>(),
        }))?;
        return Ok(Exit::Success);
    }
    let exists = if path.exists() {
        ""
    } else {
        " (not created yet)"
    };
    printer.line(&format!("State:     {}{exists}", path.display()))?;
    printer.line(&format!(
        "Key pair:  {DEMO_ACCESS_KEY} / {DEMO_SECRET_KEY} (public demo key, account demo)"
    ))?;
    printer.line("Accounts:  (password for each: demo-password)")?;
    for (pin, note) in accounts {
        printer.line(&format!("  {pin:<13} {note}"))?;
    }
    printer.line("")?;
    let mut table = Table::new(&["ACCOUNT", "ORDER", "RESOURCE (CASE)", "PAID"]);
    let rows: Vec<(Vec<String>, Tone)> = seeded
        .into_iter()
        .map(|(pin, number, case, fee)| (vec![pin, number, case, fee.to_string()], Tone::Plain))
        .collect();
    table.print(&printer, &rows)?;
    Ok(Exit::Success)
}
