//! `sandbox`: run the sandbox console as a server, reset its state, or describe it.

use std::path::PathBuf;

use serde_json::json;

use crate::context::Context;
use crate::error::{io_reason, CliError, CliResult, Exit};
use crate::printer::{pad, widest, Table, Tone};
use crate::sandbox::store::{
    self, SeedCase, DEMO_ACCESS_KEY, DEMO_PASSWORD, DEMO_SECRET_KEY, MFA_CODE,
};
use crate::sandbox::{Faults, RunningSandbox, SandboxOptions};
use crate::t;

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
            let shown = path.display().to_string();
            store::reset(&path).map_err(|e| {
                CliError::failure(t!(
                    "sandbox-reset-failed",
                    path = &shown,
                    error = io_reason(&e)
                ))
            })?;
            ctx.printer.note(&t!("sandbox-reset-done", path = &shown));
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
    let running = RunningSandbox::start(&options).map_err(crate::context::sandbox_failed)?;
    // The first line of stdout, so scripts can read the port: a fixed text, in every
    // language, like JSON.
    ctx.printer
        .line(&format!("listening on {}", running.url()))?;
    ctx.printer.note(&t!(
        "sandbox-serving",
        state = options.state.display().to_string(),
        key = DEMO_ACCESS_KEY
    ));
    if options.faults.is_active() {
        ctx.printer.warn(&t!(
            "sandbox-faults",
            faults = format!("{:?}", options.faults)
        ));
    }
    stop.wait();
    // The counters stay `name=count` pairs in every language, for scripts.
    ctx.printer
        .note(&t!("sandbox-stopped", stats = running.stats.summary()));
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
        let fail =
            |e: std::io::Error| CliError::failure(t!("sandbox-no-signals", error = io_reason(&e)));
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
            "orders": seeded.iter().map(|o| json!({
                "account": o.account, "orderNumber": o.order_number,
                "case": format!("{} ({})", o.resource_id, o.case.english()),
                "actualFee": o.actual_fee,
            })).collect::<Vec<_>>(),
        }))?;
        return Ok(Exit::Success);
    }
    let state = path.display().to_string();
    let rows = [
        (
            t!("sandbox-label-state"),
            if path.exists() {
                state
            } else {
                t!("sandbox-state-not-created", path = state)
            },
        ),
        (
            t!("sandbox-label-key-pair"),
            t!(
                "sandbox-key-pair",
                key = DEMO_ACCESS_KEY,
                secret = DEMO_SECRET_KEY
            ),
        ),
        (
            t!("sandbox-label-accounts"),
            t!("sandbox-accounts-password", password = DEMO_PASSWORD),
        ),
    ];
    // Labels line up by terminal columns: Chinese labels are two columns a character.
    let width = widest(rows.iter().map(|(label, _)| label.as_str())) + 2;
    for (label, value) in &rows {
        printer.line(&format!("{}{value}", pad(label, width)))?;
    }
    for (pin, _) in accounts {
        printer.line(&format!("  {pin:<13} {}", account_note(pin)))?;
    }
    printer.line("")?;
    let headers = [
        t!("sandbox-col-account"),
        t!("sandbox-col-order"),
        t!("sandbox-col-resource"),
        t!("sandbox-col-paid"),
    ];
    let mut table = Table::new(headers);
    let rows: Vec<(Vec<String>, Tone)> = seeded
        .into_iter()
        .map(|o| {
            let case = t!(
                "sandbox-resource-case",
                resource = &o.resource_id,
                case = case_text(o.case)
            );
            (
                vec![o.account, o.order_number, case, o.actual_fee.to_string()],
                Tone::Plain,
            )
        })
        .collect();
    table.print(&printer, &rows)?;
    Ok(Exit::Success)
}

/// What each demo account is for, in the reader's language (JSON keeps the English note).
fn account_note(pin: &str) -> String {
    match pin {
        "demo" => t!("sandbox-account-demo"),
        "mfa-demo" => t!("sandbox-account-mfa", code = MFA_CODE),
        "arrears-demo" => t!("sandbox-account-arrears"),
        other => other.to_string(),
    }
}

/// What a seeded order shows, in the reader's language.
fn case_text(case: SeedCase) -> String {
    match case {
        SeedCase::Refunded => t!("sandbox-case-refunded"),
        SeedCase::Unpaid => t!("sandbox-case-unpaid"),
        SeedCase::PostPaid => t!("sandbox-case-post-paid"),
        SeedCase::Offline => t!("sandbox-case-offline"),
        SeedCase::Invoice => t!("sandbox-case-invoice"),
        SeedCase::Arrears => t!("sandbox-case-arrears"),
        SeedCase::Expired => t!("sandbox-case-expired"),
        SeedCase::Prorated => t!("sandbox-case-prorated"),
        SeedCase::Full => t!("sandbox-case-full"),
        SeedCase::FailsOnce(code) => t!("sandbox-case-fails-once", code = code),
    }
}
