//! `status`: the guide's stage 3, "wait for the review". Lists refund applications, shows one
//! with its timeline, money split and (for a failure or a stall) the troubleshooter, and
//! `--watch`es one until it ends. Unfinished submissions in the journal are finished first.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::json;

use crate::console::pages::read_ahead;
use crate::console::types::{is_final_status, RefundApplication, RefundPage, StatusRequest};
use crate::console::Client;
use crate::context::Context;
use crate::error::{CliError, CliResult, Exit};
use crate::i18n::names;
use crate::printer::{pad, widest, Listing, Printer, Tone};
use crate::t;
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
    /// Refund ids (RF…) to show or, with --watch, follow; without any, refunds are listed
    #[arg(value_name = "REFUND_ID", value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub refund_ids: Vec<String>,

    /// The refunds of a batch: its report (`refund --batch … --report FILE`, CSV or JSON)
    #[arg(long, value_name = "FILE")]
    pub batch_report: Option<PathBuf>,

    /// Only refunds with this status
    #[arg(long, value_parser = REFUND_STATUSES, ignore_case = true, conflicts_with_all = ["refund_ids", "batch_report"])]
    pub status: Option<String>,

    /// Only refunds of this order
    #[arg(long, value_name = "ORDER", conflicts_with_all = ["refund_ids", "batch_report"])]
    pub order: Option<String>,

    /// Only refunds of this resource
    #[arg(long, value_name = "ID", conflicts_with_all = ["refund_ids", "batch_report"])]
    pub resource_id: Option<String>,

    /// Page number, from 1
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    pub page: u32,

    /// Refunds per page (1 to 100)
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub page_size: u32,

    /// Every page, streamed as it arrives
    #[arg(long, conflicts_with_all = ["page", "refund_ids", "batch_report"])]
    pub all: bool,

    /// Follow the refunds until they end; the exit code says how they ended (0 all refunded,
    /// 7 one ended unsuccessfully, 8 on timeout)
    #[arg(long)]
    pub watch: bool,

    /// How often to ask while watching
    #[arg(long, value_name = "DURATION", default_value = "5s", value_parser = crate::cli::parse_duration)]
    pub interval: Duration,

    /// Stop watching after this long
    #[arg(long, value_name = "DURATION", default_value = "30m", value_parser = crate::cli::parse_duration)]
    pub timeout: Duration,
}

pub fn run(args: Args, ctx: &mut Context) -> CliResult<Exit> {
    let mut ids = args.refund_ids.clone();
    if let Some(path) = &args.batch_report {
        // Read before anything is sent: a bad file fails at once.
        ids.extend(batch_report_ids(path)?);
    }
    // Each refund once, in the order given.
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(id.clone()));
    if args.watch && ids.is_empty() {
        return Err(CliError::usage(t!("status-watch-needs-ids")));
    }
    let client = ctx.client()?;
    crate::commands::refund::finish_pending(ctx, &client)?;
    if args.watch {
        let prefix = ctx.command_prefix();
        ctx.set_phase(match (&args.batch_report, ids.as_slice()) {
            (None, [id]) => crate::interrupt::Phase::Watching {
                refund_id: id.clone(),
                prefix,
            },
            (report, _) => {
                let mut resume = args.refund_ids.join(" ");
                if let Some(path) = report {
                    let quoted = shell_quote(&path.display().to_string());
                    resume = format!("{resume} --batch-report {quoted}");
                }
                crate::interrupt::Phase::WatchingMany {
                    count: ids.len(),
                    resume: resume.trim().to_string(),
                    prefix,
                }
            }
        });
    }
    let interactive = ctx.interactive() && !ctx.printer.is_json();
    match ids.as_slice() {
        [] if args.all => list_all(ctx, &client, &args),
        [] => list(ctx, &client, &args),
        [id] if args.batch_report.is_none() => {
            if args.watch && interactive {
                return crate::walkthrough::follow(ctx, &client, id.clone());
            }
            if args.watch {
                return watch(ctx, &client, id, args.interval, args.timeout);
            }
            let refund = client
                .refund(id)
                .map_err(|e| not_found(e, id, &ctx.command_prefix()))?;
            if interactive {
                return offer(ctx, &client, &refund);
            }
            show(ctx, &client, &refund)?;
            Ok(Exit::Success)
        }
        _ if args.watch => watch_many(ctx, &client, &ids, args.interval, args.timeout),
        _ => {
            let refunds = fetch_all(ctx, &client, &ids)?;
            print_refunds(&ctx.printer, &refunds, refunds.len() as u64)?;
            Ok(Exit::Success)
        }
    }
}

/// `path` as one shell word.
fn shell_quote(path: &str) -> String {
    if path
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+=:,".contains(c))
    {
        path.to_string()
    } else {
        format!("'{}'", path.replace('\'', "'\\''"))
    }
}

fn not_found(e: crate::console::ConsoleError, id: &str, prefix: &str) -> CliError {
    CliError::or_not_found(e, || t!("status-not-found", id = id, prefix = prefix))
}

/// The refund ids in a batch's report (`refund --batch --report`): a JSON array of rows with
/// `refundId`, or CSV with a `refund_id` column. Rows without one (refused, invalid) are
/// skipped; a report with none at all is an error.
pub fn batch_report_ids(path: &Path) -> CliResult<Vec<String>> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        CliError::usage(t!(
            "status-report-unreadable",
            path = &shown,
            error = crate::error::io_reason(&e)
        ))
    })?;
    let bad = || CliError::usage(t!("status-report-bad", path = &shown));
    let mut ids: Vec<String> = Vec::new();
    if text.trim_start().starts_with('[') {
        let rows: Vec<serde_json::Value> = serde_json::from_str(&text).map_err(|_| bad())?;
        for row in rows {
            if let Some(id) = row.get("refundId").and_then(|v| v.as_str()) {
                ids.push(id.to_string());
            }
        }
    } else {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let column = reader
            .headers()
            .map_err(|_| bad())?
            .iter()
            .position(|h| h.trim() == "refund_id")
            .ok_or_else(bad)?;
        for record in reader.records() {
            let record = record.map_err(|_| bad())?;
            if let Some(id) = record.get(column) {
                ids.push(id.trim().to_string());
            }
        }
    }
    ids.retain(|id| !id.is_empty());
    if ids.is_empty() {
        return Err(CliError::usage(t!("status-report-empty", path = &shown)));
    }
    Ok(ids)
}

fn request(args: &Args, resource: Option<String>, page: u32, size: u32) -> StatusRequest {
    StatusRequest {
        resource_id: resource,
        status: args.status.as_deref().map(str::to_uppercase),
        page_number: Some(page),
        page_size: Some(size),
        ..StatusRequest::default()
    }
}

/// `--order` is matched by its resource (the console filters by resource), then by number.
fn resource_filter(ctx: &Context, client: &Client, args: &Args) -> CliResult<Option<String>> {
    let mut resource = args.resource_id.clone();
    if let Some(order) = &args.order {
        let detail = crate::commands::orders::query_order(client, order, &ctx.command_prefix())?;
        resource = detail.order.resource_id.clone().or(resource);
    }
    Ok(resource)
}

fn of_order(args: &Args, r: &RefundApplication) -> bool {
    args.order.is_none() || r.order_number.is_none() || r.order_number == args.order
}

fn headers() -> Vec<String> {
    vec![
        t!("status-col-refund"),
        t!("status-col-order"),
        t!("status-col-resource"),
        t!("status-col-amount"),
        t!("status-col-to"),
        t!("status-col-status"),
        t!("status-col-created"),
    ]
}

fn row(r: &RefundApplication) -> (Vec<String>, Tone) {
    (
        vec![
            r.refund_id.clone(),
            r.order_number.clone().unwrap_or_default(),
            r.resource_id.clone(),
            r.refund_amount.to_string(),
            refund_to_name(r.refund_channel),
            names::refund_status(&r.status),
            r.create_time.map(|t| t.to_string()).unwrap_or_default(),
        ],
        status_tone(&r.status),
    )
}

/// `--refund-to`'s word for a refund's channel, as a person reads it.
fn refund_to_name(channel: Option<i64>) -> String {
    match refund_to(channel) {
        "balance" => t!("status-to-balance"),
        _ => t!("status-to-original"),
    }
}

/// Refunds as a table, or `{"refunds": [...], "totalCount": total}`, or JSON lines.
fn print_refunds(p: &Printer, refunds: &[RefundApplication], total: u64) -> CliResult<()> {
    let mut listing = Listing::new(p, "refunds", headers());
    listing.page(refunds, |r| RefundView::from(r), row)?;
    listing.finish(Some(total))?;
    Ok(())
}

fn list(ctx: &mut Context, client: &Client, args: &Args) -> CliResult<Exit> {
    let resource = resource_filter(ctx, client, args)?;
    let page = client.refund_status(&request(args, resource, args.page, args.page_size))?;
    let refunds: Vec<RefundApplication> = page
        .data
        .iter()
        .filter(|r| of_order(args, r))
        .cloned()
        .collect();
    let p = ctx.printer.clone();
    if refunds.is_empty() && !p.is_json() {
        p.note(&t!("status-none-match"));
        return Ok(Exit::Success);
    }
    print_refunds(&p, &refunds, page.page_infos.total_record)?;
    if p.is_json() {
        return Ok(Exit::Success);
    }
    if ctx.interactive() {
        let mut choices: Vec<crate::prompt::Choice> = refunds
            .iter()
            .map(|r| crate::prompt::Choice {
                label: format!(
                    "{}  {}  {}",
                    r.refund_id,
                    r.refund_amount.with_symbol(),
                    names::refund_status(&r.status)
                ),
            })
            .collect();
        choices.push(crate::prompt::Choice {
            label: t!("status-pick-done"),
        });
        let i = ctx.ask(|p| p.select(&t!("status-pick"), &choices, 0))?;
        if let Some(r) = refunds.get(i) {
            p.line("")?;
            return offer(ctx, client, r);
        }
        return Ok(Exit::Success);
    }
    let shown = u64::from(args.page - 1) * u64::from(args.page_size) + page.data.len() as u64;
    if shown < page.page_infos.total_record {
        p.note(&t!(
            "status-showing",
            shown = shown,
            total = page.page_infos.total_record,
            next = (args.page + 1).to_string()
        ));
    }
    Ok(Exit::Success)
}

/// `status --all`: every page, the next ones fetched while this one prints.
fn list_all(ctx: &mut Context, client: &Client, args: &Args) -> CliResult<Exit> {
    let resource = resource_filter(ctx, client, args)?;
    let p = ctx.printer.clone();
    let mut listing = Listing::new(&p, "refunds", headers());
    let mut number = 1;
    let mut done = false;
    let mut total = None;
    let next = || -> CliResult<Option<RefundPage>> {
        if done {
            return Ok(None);
        }
        let page = client.refund_status(&request(args, resource.clone(), number, 100))?;
        done = page.data.is_empty() || u64::from(number) * 100 >= page.page_infos.total_record;
        number += 1;
        Ok(Some(page))
    };
    read_ahead(next, |page| {
        total.get_or_insert(page.page_infos.total_record);
        let refunds: Vec<RefundApplication> = page
            .data
            .into_iter()
            .filter(|r| of_order(args, r))
            .collect();
        listing.page(&refunds, |r| RefundView::from(r), row)?;
        Ok(true)
    })?;
    listing.finish(total)?;
    if listing.count() == 0 && !p.is_json() {
        p.note(&t!("status-none-match"));
    }
    Ok(Exit::Success)
}

/// Each of `ids`, asked eight at a time; a missing one fails the whole call (exit 3).
fn fetch_all(ctx: &Context, client: &Client, ids: &[String]) -> CliResult<Vec<RefundApplication>> {
    let prefix = ctx.command_prefix();
    let chunk = ids.len().div_ceil(8).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = ids
            .chunks(chunk)
            .map(|part| {
                let prefix = &prefix;
                scope.spawn(move || {
                    part.iter()
                        .map(|id| client.refund(id).map_err(|e| not_found(e, id, prefix)))
                        .collect::<CliResult<Vec<_>>>()
                })
            })
            .collect();
        let mut all = Vec::with_capacity(ids.len());
        for worker in workers {
            let part = worker
                .join()
                .map_err(|_| CliError::failure(t!("status-worker-failed")))??;
            all.extend(part);
        }
        Ok(all)
    })
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
    let p = ctx.printer.clone();
    let request_id = ctx.support_request_id(&refund.refund_id, client);
    let diagnose = || diagnose(client, refund, &Suggest { prefix: &prefix }, request_id);
    if p.is_json() {
        // JSON is the same in every language.
        let diagnosis = crate::i18n::in_english(diagnose);
        p.json(&json!({
            "refund": RefundView::from(refund),
            "troubleshooter": diagnosis,
        }))?;
        return Ok(diagnosis);
    }
    let diagnosis = diagnose();
    let view = RefundView::from(refund);
    p.line(&t!(
        "status-show-title",
        id = &refund.refund_id,
        status = p.paint(
            status_tone(&refund.status),
            &names::refund_status(&refund.status)
        )
    ))?;
    p.line(&format!(
        "  {}",
        t!(
            "status-show-what",
            order = refund.order_number.as_deref().unwrap_or("?"),
            resource = &refund.resource_id
        )
    ))?;
    p.line(&format!(
        "  {}",
        t!(
            "status-show-money",
            amount = refund.refund_amount.with_symbol(),
            to = refund_to_text(refund.refund_channel),
            cash = view.split.cash.with_symbol(),
            balance = view.split.balance.with_symbol(),
            coupons = view.split.coupon.with_symbol()
        )
    ))?;
    if let (Some(expected), false) = (refund.expected_finish_time, is_final_status(&refund.status))
    {
        let expected = expected.to_string();
        p.line(&format!(
            "  {}",
            t!("status-show-expected", time = expected)
        ))?;
    }
    p.line(&format!("  {}", t!("status-show-timeline")))?;
    let names: Vec<String> = refund
        .timeline
        .iter()
        .map(|t| names::refund_status(&t.status))
        .collect();
    let width = widest(names.iter().map(String::as_str)).max(16);
    for (t, name) in refund.timeline.iter().zip(&names) {
        p.line(&format!(
            "    {}  {} {}",
            t.time,
            pad(name, width),
            crate::views::timeline_note(t, refund.refund_channel)
        ))?;
    }
    if let Some(d) = &diagnosis {
        p.line("")?;
        for line in render(&p, d) {
            p.line_wrapped(&line)?;
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
            p.note(&announce(&p, &refund, false));
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
                t!(
                    "status-watch-timeout",
                    id = id,
                    status = names::refund_status(&refund.status),
                    after = humantime::format_duration(timeout).to_string(),
                    prefix = ctx.command_prefix()
                ),
            ));
        }
        std::thread::sleep(interval.min(timeout - elapsed));
    }
}

/// `status --watch` of several refunds (ids, or a batch's report): a line on stderr whenever
/// one changes, a progress bar on a terminal, then one line per refund on stdout. Exit 0 when
/// every one was refunded, 7 when one ended otherwise, 8 when time ran out first.
fn watch_many(
    ctx: &mut Context,
    client: &Client,
    ids: &[String],
    interval: Duration,
    timeout: Duration,
) -> CliResult<Exit> {
    let started = Instant::now();
    let p = ctx.printer.clone();
    let bar = crate::printer::counter(ids.len() as u64, &t!("status-watch-progress"));
    let mut refunds = fetch_all(ctx, client, ids)?;
    let mut last: Vec<Option<String>> = vec![None; ids.len()];
    loop {
        for (refund, last) in refunds.iter().zip(last.iter_mut()) {
            if last.as_deref() != Some(refund.status.as_str()) {
                bar.suspend(|| p.note(&announce(&p, refund, true)));
                *last = Some(refund.status.clone());
            }
        }
        let finished = refunds
            .iter()
            .filter(|r| is_final_status(&r.status))
            .count();
        bar.set_position(finished as u64);
        let elapsed = started.elapsed();
        if finished == refunds.len() || elapsed >= timeout {
            bar.finish_and_clear();
            print_refunds(&p, &refunds, refunds.len() as u64)?;
            if finished < refunds.len() {
                return Err(CliError::new(
                    Exit::WatchTimeout,
                    t!(
                        "status-watch-many-timeout",
                        open = refunds.len() - finished,
                        count = refunds.len(),
                        after = humantime::format_duration(timeout).to_string()
                    ),
                ));
            }
            let failed = refunds.iter().filter(|r| r.status != "SUCCESS").count();
            if failed > 0 {
                p.warn(&t!(
                    "status-watch-many-failed",
                    failed = failed,
                    count = refunds.len()
                ));
                return Ok(Exit::RefundFailed);
            }
            p.note(&t!("status-watch-many-done", count = refunds.len()));
            return Ok(Exit::Success);
        }
        std::thread::sleep(interval.min(timeout - elapsed));
        let open: Vec<String> = refunds
            .iter()
            .filter(|r| !is_final_status(&r.status))
            .map(|r| r.refund_id.clone())
            .collect();
        for fresh in fetch_all(ctx, client, &open)? {
            if let Some(r) = refunds.iter_mut().find(|r| r.refund_id == fresh.refund_id) {
                *r = fresh;
            }
        }
    }
}

/// `10:42:07  PROCESSING  note`, with the refund id first when several are watched.
fn announce(p: &Printer, refund: &RefundApplication, with_id: bool) -> String {
    let note = refund
        .timeline
        .last()
        .map(|t| crate::views::timeline_note(t, refund.refund_channel))
        .unwrap_or_default();
    let now = crate::console::ConsoleTime::now();
    let id = if with_id {
        format!("{}  ", refund.refund_id)
    } else {
        String::new()
    };
    format!(
        "{}  {id}{}  {}",
        now.0.format("%H:%M:%S"),
        p.paint(
            status_tone(&refund.status),
            &pad(&names::refund_status(&refund.status), 16)
        ),
        note
    )
}
