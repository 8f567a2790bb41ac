//! `status`: the guide's stage 3, "wait for the review". Lists refund applications, shows one
//! with its timeline, money split and (for a failure or a stall) the troubleshooter, and
//! `--watch`es one until it ends. Unfinished submissions in the journal are finished first.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::console::types::{is_final_status, RefundApplication, StatusRequest};
use crate::console::Client;
use crate::context::Context;
use crate::error::{CliError, CliResult, Exit};
use crate::printer::{Printer, Table, Tone};
use crate::troubleshoot::{diagnose, render, Suggest};
use crate::views::{refund_to, refund_to_text, RefundView};

pub const REFUND_STATUSES: [&str; 6] = [
    "PENDING_APPROVAL",
    "PROCESSING",
    "SUCCESS",
    "FAILED",
    "REJECTED",
    "CANCELED",
];

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A refund id (RF…) to show; without one, refunds are listed
    #[arg(value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub refund_id: Option<String>,

    /// Only refunds with this status
    #[arg(long, value_parser = REFUND_STATUSES, ignore_case = true, conflicts_with = "refund_id")]
    pub status: Option<String>,

    /// Only refunds of this order
    #[arg(long, value_name = "ORDER", conflicts_with = "refund_id")]
    pub order: Option<String>,

    /// Only refunds of this resource
    #[arg(long, value_name = "ID", conflicts_with = "refund_id")]
    pub resource_id: Option<String>,

    /// Page number, from 1
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    pub page: u32,

    /// Refunds per page (1 to 100)
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub page_size: u32,

    /// Follow the refund until it ends; the exit code says how it ended (0, 7, or 8 on timeout)
    #[arg(long, requires = "refund_id")]
    pub watch: bool,

    /// How often to ask while watching
    #[arg(long, value_name = "DURATION", default_value = "5s", value_parser = crate::cli::parse_duration)]
    pub interval: Duration,

    /// Stop watching after this long
    #[arg(long, value_name = "DURATION", default_value = "30m", value_parser = crate::cli::parse_duration)]
    pub timeout: Duration,
}

pub fn run(args: Args, ctx: &mut Context) -> CliResult<Exit> {
    let client = ctx.client()?;
    crate::commands::refund::finish_pending(ctx, &client)?;
    if let (Some(id), true) = (&args.refund_id, args.watch) {
        ctx.set_phase(crate::interrupt::Phase::Watching {
            refund_id: id.clone(),
            prefix: ctx.command_prefix(),
        });
    }
    match &args.refund_id {
        None => list(ctx, &client, &args),
        Some(id) if args.watch && ctx.interactive() && !ctx.printer.is_json() => {
            crate::walkthrough::follow(ctx, &client, id.clone())
        }
        Some(id) if args.watch => watch(ctx, &client, id, args.interval, args.timeout),
        Some(id) => {
            let refund = client
                .refund(id)
                .map_err(|e| not_found(e, id, &ctx.command_prefix()))?;
            if ctx.interactive() && !ctx.printer.is_json() {
                return offer(ctx, &client, &refund);
            }
            show(ctx, &client, &refund)?;
            Ok(Exit::Success)
        }
    }
}

fn not_found(e: crate::console::ConsoleError, id: &str, prefix: &str) -> CliError {
    CliError::or_not_found(e, || {
        format!("refund {id} not found in this account; `jdc-refund {prefix}status` lists yours")
    })
}

fn list(ctx: &mut Context, client: &Client, args: &Args) -> CliResult<Exit> {
    let mut resource = args.resource_id.clone();
    if let Some(order) = &args.order {
        let detail = crate::commands::orders::query_order(client, order, &ctx.command_prefix())?;
        resource = detail.order.resource_id.clone().or(resource);
    }
    let page = client.refund_status(&StatusRequest {
        resource_id: resource,
        status: args.status.as_deref().map(str::to_uppercase),
        page_number: Some(args.page),
        page_size: Some(args.page_size),
        ..StatusRequest::default()
    })?;
    let refunds: Vec<&RefundApplication> = page
        .data
        .iter()
        .filter(|r| {
            args.order.is_none() || r.order_number.is_none() || r.order_number == args.order
        })
        .collect();
    let p = ctx.printer.clone();
    if p.is_json() {
        let views: Vec<RefundView> = refunds.iter().map(|r| RefundView::from(*r)).collect();
        p.json(&json!({"refunds": views, "totalCount": page.page_infos.total_record}))?;
        return Ok(Exit::Success);
    }
    if refunds.is_empty() {
        p.note("No refunds match.");
        return Ok(Exit::Success);
    }
    let mut table = Table::new(&[
        "REFUND", "ORDER", "RESOURCE", "AMOUNT", "TO", "STATUS", "CREATED",
    ]);
    let rows: Vec<(Vec<String>, Tone)> = refunds
        .iter()
        .map(|r| {
            (
                vec![
                    r.refund_id.clone(),
                    r.order_number.clone().unwrap_or_default(),
                    r.resource_id.clone(),
                    r.refund_amount.to_string(),
                    refund_to(r.refund_channel).to_string(),
                    r.status.clone(),
                    r.create_time.map(|t| t.to_string()).unwrap_or_default(),
                ],
                status_tone(&r.status),
            )
        })
        .collect();
    table.print(&p, &rows)?;
    if ctx.interactive() {
        let mut choices: Vec<crate::prompt::Choice> = refunds
            .iter()
            .map(|r| crate::prompt::Choice {
                label: format!(
                    "{}  {}  {}",
                    r.refund_id,
                    r.refund_amount.with_symbol(),
                    r.status
                ),
            })
            .collect();
        choices.push(crate::prompt::Choice {
            label: "(done)".into(),
        });
        let i = ctx.ask(|p| p.select("Show one?", &choices, 0))?;
        if let Some(r) = refunds.get(i) {
            let refund = (*r).clone();
            p.line("")?;
            return offer(ctx, client, &refund);
        }
        return Ok(Exit::Success);
    }
    let shown = u64::from(args.page - 1) * u64::from(args.page_size) + page.data.len() as u64;
    if shown < page.page_infos.total_record {
        p.note(&format!(
            "Showing {shown} of {}; use --page {} for more.",
            page.page_infos.total_record,
            args.page + 1
        ));
    }
    Ok(Exit::Success)
}

fn status_tone(status: &str) -> Tone {
    match status {
        "SUCCESS" => Tone::Good,
        "FAILED" | "REJECTED" => Tone::Bad,
        "CANCELED" => Tone::Dim,
        _ => Tone::Plain,
    }
}

/// On a terminal: the refund, then the troubleshooter's fix offered as a question; an
/// accepted resubmission is followed to its end.
fn offer(ctx: &mut Context, client: &Client, refund: &RefundApplication) -> CliResult<Exit> {
    let Some(diagnosis) = show(ctx, client, refund)? else {
        return Ok(Exit::Success);
    };
    match crate::walkthrough::offer_fix(ctx, client, refund, &diagnosis)? {
        Some(new_id) => crate::walkthrough::follow(ctx, client, new_id),
        None => Ok(Exit::Success),
    }
}

/// One refund in full: the timeline, the split and, when something is wrong, the troubleshooter
/// (returned too, so a caller on a terminal can offer its fix).
pub fn show(
    ctx: &mut Context,
    client: &Client,
    refund: &RefundApplication,
) -> CliResult<Option<crate::troubleshoot::Diagnosis>> {
    let prefix = ctx.command_prefix();
    let diagnosis = diagnose(
        client,
        refund,
        &Suggest { prefix: &prefix },
        ctx.support_request_id(&refund.refund_id, client),
    );
    let p = ctx.printer.clone();
    if p.is_json() {
        p.json(&json!({
            "refund": RefundView::from(refund),
            "troubleshooter": diagnosis,
        }))?;
        return Ok(diagnosis);
    }
    let view = RefundView::from(refund);
    p.line(&format!(
        "Refund {}  {}",
        refund.refund_id,
        p.paint(status_tone(&refund.status), &refund.status)
    ))?;
    p.line(&format!(
        "  order {}, resource {}",
        refund.order_number.as_deref().unwrap_or("?"),
        refund.resource_id
    ))?;
    p.line(&format!(
        "  amount {} to {} (cash {}, balance {}, coupons {})",
        refund.refund_amount.with_symbol(),
        refund_to_text(refund.refund_channel),
        view.split.cash.with_symbol(),
        view.split.balance.with_symbol(),
        view.split.coupon.with_symbol()
    ))?;
    if let (Some(expected), false) = (refund.expected_finish_time, is_final_status(&refund.status))
    {
        p.line(&format!("  expected to finish by {expected}"))?;
    }
    p.line("  timeline:")?;
    for t in &refund.timeline {
        p.line(&format!(
            "    {}  {:<16} {}",
            t.time,
            t.status,
            t.note.as_deref().unwrap_or("")
        ))?;
    }
    if let Some(d) = &diagnosis {
        p.line("")?;
        for line in render(&p, d) {
            p.line(&line)?;
        }
    }
    Ok(diagnosis)
}

fn watch(
    ctx: &mut Context,
    client: &Client,
    id: &str,
    interval: Duration,
    timeout: Duration,
) -> CliResult<Exit> {
    let started = Instant::now();
    let p = ctx.printer.clone();
    let mut last: Option<String> = None;
    loop {
        let refund = client
            .refund(id)
            .map_err(|e| not_found(e, id, &ctx.command_prefix()))?;
        if last.as_deref() != Some(refund.status.as_str()) {
            announce(&p, &refund);
            last = Some(refund.status.clone());
        }
        if is_final_status(&refund.status) {
            show(ctx, client, &refund)?;
            return Ok(if refund.status == "SUCCESS" {
                Exit::Success
            } else {
                Exit::RefundFailed
            });
        }
        let elapsed = started.elapsed();
        if elapsed >= timeout {
            show(ctx, client, &refund)?;
            return Err(CliError::new(
                Exit::WatchTimeout,
                format!(
                    "refund {id} is still {} after {}; check again with `jdc-refund {}status {id} --watch`",
                    refund.status,
                    humantime::format_duration(timeout),
                    ctx.command_prefix()
                ),
            ));
        }
        std::thread::sleep(interval.min(timeout - elapsed));
    }
}

fn announce(p: &Printer, refund: &RefundApplication) {
    let note = refund
        .timeline
        .last()
        .and_then(|t| t.note.clone())
        .unwrap_or_default();
    let now = crate::console::ConsoleTime::now();
    p.note(&format!(
        "{}  {}  {}",
        now.0.format("%H:%M:%S"),
        p.paint(
            status_tone(&refund.status),
            &format!("{:<16}", refund.status)
        ),
        note
    ));
}
