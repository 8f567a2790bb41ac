//! `refund --batch FILE`: many refunds from one CSV file. Every row is checked (the same rules
//! as a single refund) and quoted before anything is sent; then the rows are submitted on a few
//! worker threads, each through the journal with its own idempotency key, exactly as a single
//! refund is. A row's key is its `idempotency_key` column or is derived from the file's content
//! and the row's line, so running the same file again after an interruption finishes what was
//! left and never submits a row twice.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use clap::ValueEnum;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::commands::refund::{
    check_local, check_quote, parse_amount, parse_email, parse_phone, parse_token, refund_body,
    resolve_target_with, Ask, Reason, RefundTo, SubmitArgs,
};
use crate::console::types::{Contact, RefundBody};
use crate::console::{Client, Fen};
use crate::context::Context;
use crate::error::{CliError, CliResult, Exit};
use crate::interrupt::{Phase, PhaseCell};
use crate::journal::{Entry, Finished, Journal, Outcome, Submission};
use crate::printer::{Printer, Table, Tone};
use crate::t;

/// The most submissions a batch sends at once.
pub const MAX_CONCURRENCY: u8 = 32;

/// The columns a batch file may have (header names are matched ignoring case, with `-` or a
/// space taken as `_`).
pub const COLUMNS: [&str; 10] = [
    "order",
    "resource_id",
    "amount",
    "reason",
    "reason_text",
    "refund_to",
    "contact_name",
    "contact_phone",
    "contact_email",
    "idempotency_key",
];

#[derive(Debug, Clone, Default, clap::Args)]
pub struct BatchArgs {
    /// Refund every row of a CSV file (`-`: stdin): a header, then `order` or `resource_id`
    /// per row, and optionally amount, reason, reason_text, refund_to, contact_name,
    /// contact_phone, contact_email, idempotency_key; the flags give defaults for empty cells
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub batch: Option<PathBuf>,

    /// With --batch: how many submissions to send at once (1 to 32)
    #[arg(
        long,
        value_name = "N",
        default_value_t = 4,
        value_parser = clap::value_parser!(u8).range(1..=MAX_CONCURRENCY as i64),
        requires = "batch"
    )]
    pub concurrency: u8,

    /// With --batch: report and skip invalid rows instead of stopping before the first submission
    #[arg(long, requires = "batch")]
    pub skip_invalid: bool,

    /// With --batch: write each row's result to FILE (`.csv` or `.json`)
    #[arg(long, value_name = "FILE", requires = "batch", value_hint = clap::ValueHint::FilePath)]
    pub report: Option<PathBuf>,
}

/// What became of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// `--dry-run`: checked and quoted, would be submitted.
    Ready,
    /// Submitted by this run (or an earlier unknown outcome confirmed by it).
    Submitted,
    /// Submitted by an earlier run of the same file; not sent again.
    AlreadySubmitted,
    /// The row failed a check; nothing was sent for it.
    Invalid,
    /// The console did not accept it (now or in an earlier run); nothing was created.
    Refused,
    /// Sent, but the answer was lost: run the same command again to finish it.
    Unknown,
    /// Not sent: the batch stopped before it got to the row.
    NotSent,
}

impl Status {
    /// The status as the report and `--json` spell it (data: never translated).
    fn text(self) -> &'static str {
        match self {
            Status::Ready => "ready",
            Status::Submitted => "submitted",
            Status::AlreadySubmitted => "already-submitted",
            Status::Invalid => "invalid",
            Status::Refused => "refused",
            Status::Unknown => "unknown",
            Status::NotSent => "not-sent",
        }
    }

    /// The status as a person reads it (the table, the per-failure lines).
    fn shown(self) -> String {
        match self {
            Status::Ready => t!("batch-status-ready"),
            Status::Submitted => t!("batch-status-submitted"),
            Status::AlreadySubmitted => t!("batch-status-already-submitted"),
            Status::Invalid => t!("batch-status-invalid"),
            Status::Refused => t!("batch-status-refused"),
            Status::Unknown => t!("batch-status-unknown"),
            Status::NotSent => t!("batch-status-not-sent"),
        }
    }
}

/// One row of the result (stdout with `--json`, and `--report`).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowResult {
    pub line: u64,
    pub order_number: Option<String>,
    pub resource_id: Option<String>,
    pub refund_id: Option<String>,
    pub amount: Option<Fen>,
    pub status: Status,
    pub idempotency_key: Option<String>,
    pub error: Option<String>,
    /// The exit code the row's error calls for.
    #[serde(skip)]
    exit: Exit,
}

impl RowResult {
    fn new(line: u64, status: Status) -> RowResult {
        RowResult {
            line,
            order_number: None,
            resource_id: None,
            refund_id: None,
            amount: None,
            status,
            idempotency_key: None,
            error: None,
            exit: Exit::Success,
        }
    }
}

/// A data row of the file: its line, its target, and its values over the flags' defaults,
/// checked (or what is wrong with them).
struct Row {
    line: u64,
    order: Option<String>,
    resource: Option<String>,
    key: Option<String>,
    plan: CliResult<RowPlan>,
}

/// A row's values, checked: everything a submission needs but the quote.
struct RowPlan {
    args: SubmitArgs,
    reason: Reason,
    reason_text: Option<String>,
    contact: Contact,
    channel: i64,
    area: i64,
    key: String,
}

/// Where a checked row stands before anything is sent.
enum Step {
    Invalid(CliError),
    /// New: to quote, then submit.
    Quote(Box<RowPlan>),
    /// Quoted and ready to send.
    Send(Box<RefundBody>),
    /// Journaled by an earlier run: submitted or refused, reported as it is.
    Done(Box<Entry>),
    /// Journaled by an earlier run whose answer was lost: resent with the same key.
    Finish(Box<Entry>),
}

pub fn run(ctx: &mut Context, batch: BatchArgs, defaults: SubmitArgs) -> CliResult<Exit> {
    let Some(source) = batch.batch.clone() else {
        return Err(CliError::usage(t!("batch-error-file-required")));
    };
    reject_single_flags(&defaults)?;
    let report = batch.report.as_deref().map(report_format).transpose()?;
    if !defaults.dry_run && !defaults.yes && !ctx.interactive() {
        return Err(CliError::usage(t!("batch-error-yes-required")));
    }
    let (name, bytes) = read_source(&source)?;
    let rows = parse_rows(&bytes, &defaults)?;
    if rows.is_empty() {
        return Err(CliError::usage(t!("batch-error-no-rows", file = &name)));
    }

    let workers = usize::from(batch.concurrency).clamp(1, rows.len());
    let clients = (0..workers)
        .map(|_| ctx.client())
        .collect::<CliResult<Vec<_>>>()?;
    let (credentials, _) = ctx.credentials()?;
    let console = ctx.console_id(&credentials)?;
    let journal = ctx.journal();
    let p = ctx.printer.clone();

    // 1. Every row checked and quoted; nothing is sent.
    let mut steps = first_steps(&rows, &journal, &console)?;
    quote_all(&clients, &mut steps, &ctx.command_prefix());
    let mut results: Vec<RowResult> = Vec::with_capacity(rows.len());
    let mut jobs: Vec<(usize, Step)> = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for (row, step) in rows.iter().zip(steps) {
        let step = match resource_of(&step) {
            Some(resource) => match seen.get(&resource) {
                Some(first) => Step::Invalid(CliError::usage(t!(
                    "batch-error-resource-twice",
                    resource = &resource,
                    line = first.to_string()
                ))),
                None => {
                    seen.insert(resource, row.line);
                    step
                }
            },
            None => step,
        };
        let mut result = describe(row, &step);
        match step {
            Step::Invalid(e) => {
                result.status = Status::Invalid;
                result.exit = e.exit;
                result.error = Some(e.message);
                results.push(result);
            }
            Step::Done(entry) => {
                results.push(done_result(result, &entry));
            }
            Step::Quote(_) => unreachable!("every row was quoted"),
            step => {
                jobs.push((results.len(), step));
                results.push(result);
            }
        }
    }
    let invalid: Vec<RowResult> = results
        .iter()
        .filter(|r| r.status == Status::Invalid)
        .cloned()
        .collect();

    if defaults.dry_run {
        for (i, _) in &jobs {
            results[*i].status = Status::Ready;
        }
        let exit = invalid.first().map(|r| r.exit).unwrap_or(Exit::Success);
        print_results(&p, &results)?;
        write_report(report.as_ref(), &results)?;
        let ready = results.iter().filter(|r| r.status == Status::Ready);
        p.note(&t!(
            "batch-dry-run-summary",
            ready = jobs.len(),
            rows = results.len(),
            total = total(ready).with_symbol()
        ));
        return Ok(exit);
    }
    if let Some(first) = invalid.first() {
        if !batch.skip_invalid {
            let stop = stop_error(first, &invalid);
            write_report(report.as_ref(), &invalid)?;
            return Err(stop);
        }
        for r in &invalid {
            p.warn(&t!(
                "batch-warn-skipped",
                line = r.line.to_string(),
                error = r
                    .error
                    .clone()
                    .unwrap_or_else(|| t!("batch-status-invalid"))
            ));
        }
    }

    // 2. Confirmation: --yes, or once on a terminal.
    let sending: Vec<&RowResult> = jobs.iter().map(|(i, _)| &results[*i]).collect();
    if !jobs.is_empty() && !defaults.yes {
        let already = results
            .iter()
            .filter(|r| r.status == Status::AlreadySubmitted)
            .count();
        p.wrapped(
            &t!(
                "batch-about-to-submit",
                count = sending.len(),
                file = &name,
                total = total(sending.iter().copied()).with_symbol(),
                already = if already > 0 {
                    t!("batch-about-already", count = already)
                } else {
                    String::new()
                },
                skipped = if invalid.is_empty() {
                    String::new()
                } else {
                    t!("batch-about-skipped", count = invalid.len())
                }
            ),
            "",
            "  ",
        );
        if !ctx.confirm(&t!("batch-confirm", count = sending.len()))? {
            p.note(&t!("refund-nothing-submitted"));
            return Ok(Exit::Success);
        }
    }

    // 3. The submissions, on `workers` threads.
    let prefix = ctx.command_prefix();
    let done_before = results
        .iter()
        .filter(|r| r.status == Status::AlreadySubmitted)
        .count();
    ctx.set_phase(Phase::Batch {
        submitted: done_before,
        total: done_before + jobs.len(),
        prefix: prefix.clone(),
    });
    let stopped = submit_all(
        &p,
        &clients,
        &journal,
        &console,
        &ctx.phase,
        &mut results,
        jobs,
    );

    // 4. The results.
    print_results(&p, &results)?;
    write_report(report.as_ref(), &results)?;
    summarize(&p, &name, &results, &prefix);
    finish(&results, stopped)
}

/// The single-refund flags that make no sense for a batch, refused with what to do instead.
fn reject_single_flags(args: &SubmitArgs) -> CliResult<()> {
    let problem = if args.order.is_some() || args.resource_id.is_some() {
        Some(t!("batch-error-single-target"))
    } else if args.amount.is_some() {
        Some(t!("batch-error-single-amount"))
    } else if !args.attach.is_empty() {
        Some(t!("batch-error-single-attach"))
    } else if args.idempotency_key.is_some() {
        Some(t!("batch-error-single-key"))
    } else {
        None
    };
    match problem {
        Some(text) => Err(CliError::usage(text)),
        None => Ok(()),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ReportFormat {
    Csv,
    Json,
}

/// `--report FILE`: its format from the extension, checked before anything is sent.
fn report_format(path: &Path) -> CliResult<(PathBuf, ReportFormat)> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let format = match ext.as_deref() {
        Some("csv") => ReportFormat::Csv,
        Some("json") => ReportFormat::Json,
        _ => {
            return Err(CliError::usage(t!(
                "batch-error-report-format",
                file = path.display().to_string()
            )))
        }
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if !parent.is_dir() {
            return Err(CliError::usage(t!(
                "batch-error-report-folder",
                file = path.display().to_string(),
                folder = parent.display().to_string()
            )));
        }
    }
    Ok((path.to_path_buf(), format))
}

/// The file's name (for messages) and bytes; `-` is stdin.
fn read_source(source: &Path) -> CliResult<(String, Vec<u8>)> {
    let mut bytes = Vec::new();
    if source.as_os_str() == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| CliError::usage(t!("batch-error-stdin", error = e.to_string())))?;
        return Ok((t!("batch-stdin-name"), bytes));
    }
    let name = source.display().to_string();
    bytes = std::fs::read(source).map_err(|e| {
        CliError::usage(match e.kind() {
            std::io::ErrorKind::NotFound => t!("batch-error-not-found", file = &name),
            _ => t!(
                "batch-error-unreadable",
                file = &name,
                error = e.to_string()
            ),
        })
    })?;
    Ok((name, bytes))
}

/// `order`, `Resource-ID`, ` resource id ` → the column's name.
fn column_name(header: &str) -> String {
    header.trim().to_ascii_lowercase().replace(['-', ' '], "_")
}

/// The idempotency key a row gets without an `idempotency_key` column: the same file gives the
/// same keys, so running it again resends (never duplicates) what an interrupted run left.
pub fn derived_key(file: &[u8], line: u64) -> String {
    let digest = hex::encode(Sha256::digest(file));
    format!("batch-{}-{line}", &digest[..16])
}

/// The file's rows, each checked on its own (the flags give defaults for empty cells). A
/// problem with the file as a whole (not UTF-8, a bad header) is an error naming line 1.
fn parse_rows(bytes: &[u8], defaults: &SubmitArgs) -> CliResult<Vec<Row>> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        CliError::usage(t!(
            "batch-error-not-utf8",
            byte = e.valid_up_to().to_string()
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| CliError::usage(t!("batch-error-line", line = "1", error = e.to_string())))?
        .clone();
    let mut columns: Vec<&'static str> = Vec::new();
    for header in headers.iter() {
        let name = column_name(header);
        let Some(known) = COLUMNS.iter().find(|c| **c == name) else {
            return Err(CliError::usage(t!(
                "batch-error-unknown-column",
                column = header,
                columns = COLUMNS.join(", ")
            )));
        };
        if columns.contains(known) {
            return Err(CliError::usage(t!(
                "batch-error-column-twice",
                column = *known
            )));
        }
        columns.push(known);
    }
    if !columns.contains(&"order") && !columns.contains(&"resource_id") {
        return Err(CliError::usage(t!(
            "batch-error-no-target-column",
            columns = headers.iter().collect::<Vec<_>>().join(", ")
        )));
    }
    let digest_input = bytes;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            CliError::usage(t!(
                "batch-error-line",
                line = line.to_string(),
                error = e.to_string()
            ))
        })?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        if record.iter().all(str::is_empty) {
            continue;
        }
        let cell = |name: &str| -> Option<String> {
            let i = columns.iter().position(|c| *c == name)?;
            record.get(i).filter(|v| !v.is_empty()).map(str::to_string)
        };
        let order = cell("order");
        let resource = cell("resource_id");
        let key_cell = cell("idempotency_key");
        let plan = if record.len() > columns.len() {
            Err(CliError::usage(t!(
                "batch-error-too-many-values",
                values = record.len(),
                columns = columns.len()
            )))
        } else {
            check_row(&cell, defaults, || derived_key(digest_input, line))
        };
        let key = match &plan {
            Ok(plan) => Some(plan.key.clone()),
            Err(_) => key_cell.filter(|k| parse_token(k).is_ok()),
        };
        rows.push(Row {
            line,
            order,
            resource,
            key,
            plan,
        });
    }
    Ok(rows)
}

/// A row's cells over the flags' defaults, with the single refund's checks and messages.
fn check_row(
    cell: &dyn Fn(&str) -> Option<String>,
    defaults: &SubmitArgs,
    derive_key: impl FnOnce() -> String,
) -> CliResult<RowPlan> {
    let order = cell("order");
    let resource_id = cell("resource_id");
    match (&order, &resource_id) {
        (Some(_), Some(_)) => return Err(CliError::usage(t!("batch-error-order-and-resource"))),
        (None, None) => return Err(CliError::usage(t!("batch-error-target-missing"))),
        _ => {}
    }
    fn parsed<T>(
        cell: &dyn Fn(&str) -> Option<String>,
        name: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> CliResult<Option<T>> {
        cell(name)
            .map(|v| {
                parse(&v)
                    .map_err(|e| CliError::usage(t!("batch-error-cell", column = name, error = e)))
            })
            .transpose()
    }
    let reason = parsed(cell, "reason", |v| {
        Reason::from_str(v, true).map_err(|_| t!("batch-error-reason-invalid", value = v))
    })?;
    let refund_to = parsed(cell, "refund_to", |v| {
        RefundTo::from_str(v, true).map_err(|_| t!("batch-error-refund-to-invalid", value = v))
    })?;
    let amount = parsed(cell, "amount", parse_amount)?;
    let contact_phone = parsed(cell, "contact_phone", parse_phone)?;
    let contact_email = parsed(cell, "contact_email", parse_email)?;
    let key = parsed(cell, "idempotency_key", parse_token)?;
    let args = SubmitArgs {
        order,
        resource_id,
        amount,
        reason: reason.or(defaults.reason),
        reason_text: cell("reason_text").or_else(|| defaults.reason_text.clone()),
        contact_name: cell("contact_name").or_else(|| defaults.contact_name.clone()),
        contact_phone: contact_phone.or_else(|| defaults.contact_phone.clone()),
        contact_email: contact_email.or_else(|| defaults.contact_email.clone()),
        refund_to: refund_to.or(defaults.refund_to),
        include_coupons: defaults.include_coupons,
        yes: true,
        ..SubmitArgs::default()
    };
    let (reason, reason_text, contact) = check_local(&args)?;
    Ok(RowPlan {
        channel: args.refund_to.unwrap_or(RefundTo::Original).channel(),
        area: if args.include_coupons { 2 } else { 1 },
        args,
        reason,
        reason_text,
        contact,
        key: key.unwrap_or_else(derive_key),
    })
}

/// Each row's first step: invalid, journaled by an earlier run (no need to quote), or new. Two
/// rows with one key are refused here; two rows for one resource once quoted.
fn first_steps(rows: &[Row], journal: &Journal, console: &str) -> CliResult<Vec<Step>> {
    let mut keys: HashMap<String, u64> = HashMap::new();
    let mut steps = Vec::with_capacity(rows.len());
    for row in rows {
        let plan = match &row.plan {
            Err(e) => {
                steps.push(Step::Invalid(CliError::new(e.exit, e.message.clone())));
                continue;
            }
            Ok(plan) => plan,
        };
        if let Some(first) = keys.get(&plan.key) {
            steps.push(Step::Invalid(CliError::usage(t!(
                "batch-error-key-twice",
                key = &plan.key,
                line = first.to_string()
            ))));
            continue;
        }
        keys.insert(plan.key.clone(), row.line);
        let step = match journal.get(&plan.key)? {
            None => Step::Quote(Box::new(RowPlan {
                args: plan.args.clone(),
                reason: plan.reason,
                reason_text: plan.reason_text.clone(),
                contact: plan.contact.clone(),
                channel: plan.channel,
                area: plan.area,
                key: plan.key.clone(),
            })),
            Some(entry) => match same_request(plan, &entry, console) {
                Err(e) => Step::Invalid(e),
                Ok(()) if entry.outcome == Outcome::Pending => Step::Finish(Box::new(entry)),
                Ok(()) => Step::Done(Box::new(entry)),
            },
        };
        steps.push(step);
    }
    Ok(steps)
}

/// A journaled key is only ever used again for the same request to the same console: a row
/// that differs (other flags, another console) is refused before anything is sent.
fn same_request(plan: &RowPlan, entry: &Entry, console: &str) -> CliResult<()> {
    let b = &entry.body;
    let target = match (&plan.args.order, &plan.args.resource_id) {
        (Some(order), _) => b.order_number.as_deref() == Some(order.as_str()),
        (None, Some(resource)) => &b.resource_id == resource,
        (None, None) => false,
    };
    let same = target
        && b.same_terms(
            Some(plan.reason.code()),
            plan.channel,
            &plan.contact.phone,
            &plan.contact.email,
        )
        && plan.args.amount.is_none_or(|a| b.refund_amount == Some(a));
    if !same {
        return Err(CliError::usage(match b.refund_amount {
            Some(amount) => t!(
                "batch-error-key-reused-amount",
                key = &entry.client_token,
                resource = &b.resource_id,
                amount = amount
            ),
            None => t!(
                "batch-error-key-reused",
                key = &entry.client_token,
                resource = &b.resource_id
            ),
        }));
    }
    // The console and region; the access key may change (a new login) for the same account.
    let place = |id: &str| id.rsplit_once('|').map(|(p, _)| p.to_string());
    if place(&entry.console) != place(console) {
        return Err(CliError::usage(t!(
            "batch-error-other-console",
            key = &entry.client_token,
            console = place(&entry.console).unwrap_or_default()
        )));
    }
    Ok(())
}

/// The resource a step is about, once known.
fn resource_of(step: &Step) -> Option<String> {
    match step {
        Step::Send(body) => Some(body.resource_id.clone()),
        Step::Done(entry) | Step::Finish(entry) => Some(entry.body.resource_id.clone()),
        Step::Invalid(_) | Step::Quote(_) => None,
    }
}

/// The result's columns as far as the row and its step tell them.
fn describe(row: &Row, step: &Step) -> RowResult {
    let mut r = RowResult::new(row.line, Status::NotSent);
    r.order_number = row.order.clone();
    r.resource_id = row.resource.clone();
    r.idempotency_key = row.key.clone();
    let body = match step {
        Step::Send(body) => Some(body.as_ref()),
        Step::Done(entry) | Step::Finish(entry) => Some(&entry.body),
        _ => None,
    };
    if let Some(b) = body {
        r.resource_id = Some(b.resource_id.clone());
        r.order_number = b.order_number.clone().or(r.order_number);
        r.amount = b.refund_amount;
        r.idempotency_key = b.client_token.clone();
    }
    r
}

/// A row an earlier run finished: reported as the journal has it, never sent again.
fn done_result(mut r: RowResult, entry: &Entry) -> RowResult {
    match entry.outcome {
        Outcome::Submitted => {
            r.status = Status::AlreadySubmitted;
            r.refund_id = entry.refund_id.clone();
        }
        _ => {
            r.status = Status::Refused;
            r.exit = Exit::Refused;
            r.error = Some(t!(
                "batch-refused-earlier",
                reason = entry
                    .error
                    .clone()
                    .unwrap_or_else(|| t!("refund-no-reason-given"))
            ));
        }
    }
    r
}

/// Quotes every new row on the worker threads: resolves its order, fetches the quote and
/// checks it (not refundable, a different amount, an invoice to return), and builds the body
/// that will be sent.
fn quote_all(clients: &[Client], steps: &mut [Step], prefix: &str) {
    let todo: Vec<usize> = steps
        .iter()
        .enumerate()
        .filter(|(_, s)| matches!(s, Step::Quote(_)))
        .map(|(i, _)| i)
        .collect();
    if todo.is_empty() {
        return;
    }
    let plans: Vec<Box<RowPlan>> = todo
        .iter()
        .map(
            |i| match std::mem::replace(&mut steps[*i], Step::Invalid(CliError::failure(""))) {
                Step::Quote(plan) => plan,
                _ => unreachable!("filtered above"),
            },
        )
        .collect();
    let bar = crate::printer::counter(plans.len() as u64, &t!("batch-progress-checking"));
    let stop = AtomicBool::new(false);
    let quoted = pool(clients, &plans, &stop, |client, plan| {
        let step = match quote_row(client, plan, prefix) {
            Ok(body) => Step::Send(Box::new(body)),
            Err(e) => Step::Invalid(e),
        };
        bar.inc(1);
        step
    });
    bar.finish_and_clear();
    for (i, step) in todo.into_iter().zip(quoted) {
        steps[i] =
            step.unwrap_or_else(|| Step::Invalid(CliError::failure(t!("batch-not-checked"))));
    }
}

fn quote_row(client: &Client, plan: &RowPlan, prefix: &str) -> CliResult<RefundBody> {
    let (resource_id, order_number) = resolve_target_with(client, &plan.args, prefix)?;
    let quote = client.refund_quote(
        &resource_id,
        Some(plan.channel as u8),
        Some(plan.area as u8),
    )?;
    // In a batch the amount comes from the row's `amount` cell, not a flag: said so here,
    // before check_quote would name `--amount`.
    match plan.args.amount {
        Some(amount) if quote.refundable && amount != quote.fee => {
            return Err(CliError::usage(t!(
                "batch-error-amount-differs",
                amount = amount,
                quote = quote.fee,
                resource = &quote.resource_id
            )));
        }
        _ => check_quote(&quote, plan.args.amount)?,
    }
    if quote.requires_invoice_return {
        return Err(CliError::usage(t!(
            "batch-error-invoice",
            resource = &resource_id
        )));
    }
    Ok(refund_body(
        &quote,
        (resource_id, order_number),
        &Ask {
            reason: plan.reason,
            reason_text: &plan.reason_text,
            contact: &plan.contact,
            channel: plan.channel,
            area: plan.area,
        },
        &plan.key,
        Vec::new(),
    ))
}

/// Runs `work` on every job, on one thread per client; a job's result is `None` when `stop`
/// was set before it started.
fn pool<J: Sync, R: Send>(
    clients: &[Client],
    jobs: &[J],
    stop: &AtomicBool,
    work: impl Fn(&Client, &J) -> R + Sync,
) -> Vec<Option<R>> {
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<R>>> = jobs.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for client in clients.iter().take(jobs.len().max(1)) {
            let (next, results, work) = (&next, &results, &work);
            scope.spawn(move || loop {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(job) = jobs.get(i) else { break };
                let result = work(client, job);
                if let Ok(mut slot) = results[i].lock() {
                    *slot = Some(result);
                }
            });
        }
    });
    results
        .into_iter()
        .map(|m| m.into_inner().ok().flatten())
        .collect()
}

/// What one submission came to, and an error that stops the batch (the journal cannot be
/// written, the credentials were refused).
struct Sent {
    status: Status,
    refund_id: Option<String>,
    error: Option<CliError>,
    stop: Option<CliError>,
}

impl Sent {
    fn ok(status: Status, refund_id: Option<String>) -> Sent {
        Sent {
            status,
            refund_id,
            error: None,
            stop: None,
        }
    }

    fn failed(status: Status, error: CliError) -> Sent {
        Sent {
            status,
            refund_id: None,
            error: Some(error),
            stop: None,
        }
    }

    fn stopped(error: CliError) -> Sent {
        Sent {
            status: Status::NotSent,
            refund_id: None,
            error: Some(CliError::new(error.exit, error.message.clone())),
            stop: Some(error),
        }
    }
}

/// Sends every job on the worker threads, with a progress bar and a line per failure. Fills
/// in the results; returns what stopped the batch early, if anything did.
fn submit_all(
    p: &Printer,
    clients: &[Client],
    journal: &Journal,
    console: &str,
    phase: &PhaseCell,
    results: &mut [RowResult],
    jobs: Vec<(usize, Step)>,
) -> Option<CliError> {
    if jobs.is_empty() {
        return None;
    }
    let bar = crate::printer::counter(jobs.len() as u64, &t!("batch-progress-submitting"));
    let stop = AtomicBool::new(false);
    let first_stop: Mutex<Option<CliError>> = Mutex::new(None);
    let rows: Vec<usize> = jobs.iter().map(|(i, _)| *i).collect();
    let jobs: Vec<(u64, Step)> = jobs
        .into_iter()
        .map(|(i, step)| (results[i].line, step))
        .collect();
    let sent = pool(clients, &jobs, &stop, |client, (line, step)| {
        let sent = match step {
            Step::Send(body) => send_new(journal, client, console, body),
            Step::Finish(entry) => finish_earlier(journal, client, &entry.client_token),
            _ => Sent::stopped(CliError::failure(t!("batch-nothing-to-send"))),
        };
        bar.inc(1);
        match sent.status {
            Status::Submitted => {
                if let Ok(mut ph) = phase.lock() {
                    if let Phase::Batch { submitted, .. } = &mut *ph {
                        *submitted += 1;
                    }
                }
            }
            Status::AlreadySubmitted => {}
            status => {
                let why = sent
                    .error
                    .as_ref()
                    .map(|e| e.message.as_str())
                    .unwrap_or("");
                bar.suspend(|| {
                    p.warn(&t!(
                        "batch-warn-row-failed",
                        line = line.to_string(),
                        status = status.shown(),
                        error = why
                    ))
                });
            }
        }
        if let Some(e) = &sent.stop {
            stop.store(true, Ordering::SeqCst);
            if let Ok(mut first) = first_stop.lock() {
                first.get_or_insert_with(|| CliError::new(e.exit, e.message.clone()));
            }
        }
        sent
    });
    bar.finish_and_clear();
    let stopped = first_stop.into_inner().ok().flatten();
    for (i, sent) in rows.into_iter().zip(sent) {
        let r = &mut results[i];
        match sent {
            Some(sent) => {
                r.status = sent.status;
                if sent.refund_id.is_some() {
                    r.refund_id = sent.refund_id;
                }
                if let Some(e) = sent.error {
                    r.exit = e.exit;
                    r.error = Some(e.message);
                }
            }
            None => {
                r.status = Status::NotSent;
                r.exit = Exit::Failure;
                r.error = Some(t!(
                    "batch-not-sent-stopped",
                    error = stopped
                        .as_ref()
                        .map(|e| e.message.clone())
                        .unwrap_or_default()
                ));
            }
        }
    }
    stopped
}

/// One new submission, as `submit_plan` makes it: the journal entry written (and locked)
/// before the request goes out, the outcome after.
fn send_new(journal: &Journal, client: &Client, console: &str, body: &RefundBody) -> Sent {
    let token = body.client_token.clone().unwrap_or_default();
    match journal.submit(client, console, body, || {}) {
        Err(e) => Sent::stopped(e),
        // Another process running the same file got here first.
        Ok(Submission::Exists(existing)) => match existing.outcome {
            Outcome::Pending => finish_earlier(journal, client, &token),
            _ => from_entry(&existing),
        },
        Ok(Submission::Accepted {
            refund_id,
            unrecorded,
        }) => Sent {
            // Created; if it could not be recorded, the next run resends and learns the id.
            stop: unrecorded,
            ..Sent::ok(Status::Submitted, Some(refund_id))
        },
        Ok(Submission::Refused { error, unrecorded }) => {
            let stop = match unrecorded {
                Some(e) => Some(e),
                // Refused credentials refuse every row alike: stop rather than burn them all.
                None if error.exit == Exit::Auth => {
                    Some(CliError::new(error.exit, error.message.clone()))
                }
                None => None,
            };
            Sent {
                stop,
                ..Sent::failed(Status::Refused, error)
            }
        }
        // Left pending in the journal: the next run of the same file finishes it.
        Ok(Submission::Unknown(e)) => Sent::failed(
            Status::Unknown,
            CliError {
                exit: Exit::Unreachable,
                request_id: e.request_id().map(str::to_string),
                message: t!(
                    "batch-error-outcome-unknown",
                    error = e.to_string(),
                    key = &token
                ),
            },
        ),
    }
}

/// Resends a submission whose answer an earlier run lost, with its key: the console answers
/// with the first result, so this never creates a second refund.
fn finish_earlier(journal: &Journal, client: &Client, token: &str) -> Sent {
    match journal.finish_one(client, token) {
        Err(e) => Sent::stopped(e),
        Ok(Some((_, Finished::Submitted(id)))) => Sent::ok(Status::Submitted, Some(id)),
        Ok(Some((_, Finished::Refused(why)))) => Sent::failed(
            Status::Refused,
            CliError::new(Exit::Refused, t!("journal-not-accepted", reason = why)),
        ),
        Ok(Some((_, Finished::StillUnknown(why)))) => Sent::failed(
            Status::Unknown,
            CliError::new(
                Exit::Unreachable,
                t!("batch-error-still-unknown", error = why, key = token),
            ),
        ),
        // Another process holds it, or finished it meanwhile.
        Ok(None) => match journal.get(token) {
            Err(e) => Sent::stopped(e),
            Ok(Some(entry)) if entry.outcome != Outcome::Pending => from_entry(&entry),
            Ok(_) => Sent::failed(
                Status::Unknown,
                CliError::new(Exit::Unreachable, t!("batch-error-in-flight", key = token)),
            ),
        },
    }
}

fn from_entry(entry: &Entry) -> Sent {
    match entry.outcome {
        Outcome::Submitted => Sent::ok(Status::AlreadySubmitted, entry.refund_id.clone()),
        Outcome::Refused => Sent::failed(
            Status::Refused,
            CliError::new(
                Exit::Refused,
                t!(
                    "journal-not-accepted",
                    reason = entry
                        .error
                        .clone()
                        .unwrap_or_else(|| t!("refund-no-reason-given"))
                ),
            ),
        ),
        Outcome::Pending => Sent::failed(
            Status::Unknown,
            CliError::new(Exit::Unreachable, t!("batch-outcome-unknown")),
        ),
    }
}

fn total<'a>(rows: impl Iterator<Item = &'a RowResult>) -> Fen {
    Fen::from_fen(rows.filter_map(|r| r.amount).map(Fen::fen).sum())
}

/// `lines 3, 9, 12`, at most ten of them.
fn line_list(rows: &[&RowResult]) -> String {
    let lines: Vec<String> = rows.iter().take(10).map(|r| r.line.to_string()).collect();
    let lines = lines.join(&t!("batch-lines-separator"));
    if rows.len() > 10 {
        t!("batch-lines-many", lines = lines, count = rows.len())
    } else {
        t!("batch-lines", count = rows.len(), lines = lines)
    }
}

/// The error that stops a batch with invalid rows before anything is sent: the first one's,
/// with its exit code.
fn stop_error(first: &RowResult, invalid: &[RowResult]) -> CliError {
    let more = if invalid.len() > 1 {
        t!(
            "batch-more-invalid",
            count = invalid.len() - 1,
            lines = line_list(&invalid[1..].iter().collect::<Vec<_>>())
        )
    } else {
        String::new()
    };
    let message = t!(
        "batch-error-invalid-stop",
        line = first.line.to_string(),
        error = first
            .error
            .clone()
            .unwrap_or_else(|| t!("batch-status-invalid")),
        more = more
    );
    CliError::new(first.exit, message)
}

fn print_results(p: &Printer, results: &[RowResult]) -> CliResult<()> {
    if p.is_json() {
        p.json(results)?;
        return Ok(());
    }
    let headers = [
        t!("batch-col-line"),
        t!("batch-col-order"),
        t!("batch-col-resource"),
        t!("batch-col-refund"),
        t!("batch-col-amount"),
        t!("batch-col-status"),
        t!("batch-col-error"),
    ];
    let mut table = Table::new(headers);
    let dash = || "-".to_string();
    let rows: Vec<(Vec<String>, Tone)> = results
        .iter()
        .map(|r| {
            let tone = match r.status {
                Status::Invalid | Status::Refused | Status::NotSent => Tone::Bad,
                Status::Unknown => Tone::Warn,
                _ => Tone::Plain,
            };
            (
                vec![
                    r.line.to_string(),
                    r.order_number.clone().unwrap_or_else(dash),
                    r.resource_id.clone().unwrap_or_else(dash),
                    r.refund_id.clone().unwrap_or_else(dash),
                    r.amount.map(|a| a.to_string()).unwrap_or_else(dash),
                    r.status.shown(),
                    r.error
                        .as_deref()
                        .map(|e| {
                            e.chars()
                                .map(|c| if c.is_control() { ' ' } else { c })
                                .collect()
                        })
                        .unwrap_or_default(),
                ],
                tone,
            )
        })
        .collect();
    table.print(p, &rows)?;
    Ok(())
}

/// `--report FILE`: every row's result, as CSV or as a JSON array.
fn write_report(report: Option<&(PathBuf, ReportFormat)>, results: &[RowResult]) -> CliResult<()> {
    let Some((path, format)) = report else {
        return Ok(());
    };
    let failed = |e: &dyn std::fmt::Display| {
        CliError::failure(t!(
            "batch-error-report-write",
            file = path.display().to_string(),
            error = e.to_string()
        ))
    };
    let bytes = match format {
        ReportFormat::Json => {
            let mut bytes = serde_json::to_vec_pretty(results).map_err(|e| failed(&e))?;
            bytes.push(b'\n');
            bytes
        }
        ReportFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record([
                "line",
                "order",
                "resource_id",
                "refund_id",
                "amount",
                "status",
                "idempotency_key",
                "error",
            ])
            .map_err(|e| failed(&e))?;
            for r in results {
                let text = |v: &Option<String>| v.clone().unwrap_or_default();
                w.write_record([
                    r.line.to_string(),
                    text(&r.order_number),
                    text(&r.resource_id),
                    text(&r.refund_id),
                    r.amount.map(|a| a.to_string()).unwrap_or_default(),
                    r.status.text().to_string(),
                    text(&r.idempotency_key),
                    text(&r.error),
                ])
                .map_err(|e| failed(&e))?;
            }
            w.into_inner().map_err(|e| failed(&e))?
        }
    };
    std::fs::write(path, bytes).map_err(|e| failed(&e))
}

fn summarize(p: &Printer, name: &str, results: &[RowResult], prefix: &str) {
    let count = |s: Status| results.iter().filter(|r| r.status == s).count();
    let mut parts = Vec::new();
    for status in [
        Status::Submitted,
        Status::AlreadySubmitted,
        Status::Invalid,
        Status::Refused,
        Status::Unknown,
        Status::NotSent,
    ] {
        let n = count(status);
        if n > 0 {
            parts.push(match status {
                Status::Submitted => t!("batch-count-submitted", count = n),
                Status::AlreadySubmitted => t!("batch-count-already-submitted", count = n),
                Status::Invalid => t!("batch-count-invalid", count = n),
                Status::Refused => t!("batch-count-refused", count = n),
                Status::Unknown => t!("batch-count-unknown", count = n),
                _ => t!("batch-count-not-sent", count = n),
            });
        }
    }
    let refunded = results
        .iter()
        .filter(|r| matches!(r.status, Status::Submitted | Status::AlreadySubmitted));
    let refunded: Vec<&RowResult> = refunded.collect();
    let follow = !refunded.is_empty();
    let rows = results.len();
    let parts = parts.join(&t!("batch-parts-separator"));
    let total = total(refunded.into_iter()).with_symbol();
    let summary = if follow {
        t!(
            "batch-summary-follow",
            file = name,
            rows = rows,
            parts = parts,
            total = total,
            prefix = prefix
        )
    } else {
        t!(
            "batch-summary",
            file = name,
            rows = rows,
            parts = parts,
            total = total
        )
    };
    p.wrapped(&summary, "", "  ");
}

/// The exit code: unknown outcomes (6: run it again), refusals (5), skipped rows (2), else 0.
fn finish(results: &[RowResult], stopped: Option<CliError>) -> CliResult<Exit> {
    let with =
        |s: Status| -> Vec<&RowResult> { results.iter().filter(|r| r.status == s).collect() };
    let (unknown, not_sent) = (with(Status::Unknown), with(Status::NotSent));
    if let Some(mut e) = stopped {
        e.message = t!(
            "batch-error-stopped",
            error = &e.message,
            not_sent = not_sent.len(),
            unknown = unknown.len()
        );
        return Err(e);
    }
    if !unknown.is_empty() {
        return Err(CliError::new(
            Exit::Unreachable,
            t!(
                "batch-error-unknown",
                count = unknown.len(),
                lines = line_list(&unknown)
            ),
        ));
    }
    let refused = with(Status::Refused);
    if !refused.is_empty() {
        return Err(CliError::new(
            Exit::Refused,
            t!(
                "batch-error-refused",
                count = refused.len(),
                lines = line_list(&refused)
            ),
        ));
    }
    let invalid = with(Status::Invalid);
    if !invalid.is_empty() {
        return Err(CliError::usage(t!(
            "batch-error-invalid-skipped",
            count = invalid.len(),
            lines = line_list(&invalid)
        )));
    }
    Ok(Exit::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, defaults: &SubmitArgs) -> CliResult<Vec<Row>> {
        parse_rows(text.as_bytes(), defaults)
    }

    fn defaults() -> SubmitArgs {
        SubmitArgs {
            reason: Some(Reason::NotWanted),
            contact_phone: Some("13800000000".into()),
            ..SubmitArgs::default()
        }
    }

    #[test]
    fn headers_are_matched_loosely_and_checked() {
        let r = rows(
            "\u{feff}Order, Contact-Email\n1,li@example.com\n",
            &defaults(),
        )
        .unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].line, 2);
        let plan = r[0].plan.as_ref().unwrap();
        assert_eq!(plan.contact.email.as_deref(), Some("li@example.com"));
        assert_eq!(plan.contact.phone.as_deref(), Some("13800000000"));
        let e = rows("order,colour\n1,red\n", &defaults()).err().unwrap();
        assert!(
            e.message.starts_with("line 1: unknown column `colour`"),
            "{e}"
        );
        let e = rows("amount\n1\n", &defaults()).err().unwrap();
        assert!(e.message.contains("`order` or a `resource_id`"), "{e}");
        let e = rows("order,ORDER\n1,2\n", &defaults()).err().unwrap();
        assert!(e.message.contains("appears twice"), "{e}");
    }

    #[test]
    fn rows_are_checked_like_single_refunds() {
        let text = "order,resource_id,amount,reason,contact_phone\n\
                    1,,12.345,,\n\
                    ,,,,\n\
                    1,i-x,,,\n\
                    ,,,,\n\
                    2,,,,call me\n\
                    3,,,other,\n\
                    4,,10,poor-service,\n";
        let r = rows(text, &defaults()).unwrap();
        let errors: Vec<(u64, String)> = r
            .iter()
            .map(|r| {
                (
                    r.line,
                    r.plan
                        .as_ref()
                        .err()
                        .map(|e| e.message.clone())
                        .unwrap_or_default(),
                )
            })
            .collect();
        assert!(
            errors[0]
                .1
                .starts_with("amount: `12.345` has more than two decimals"),
            "{errors:?}"
        );
        assert_eq!(errors[1].0, 4);
        assert!(errors[1].1.contains("not both"), "{errors:?}");
        assert!(
            errors[2]
                .1
                .starts_with("contact_phone: `call me` is not a phone number"),
            "{errors:?}"
        );
        assert!(errors[3].1.contains("--reason-text"), "{errors:?}");
        assert_eq!(errors[4].1, "");
        let plan = r[4].plan.as_ref().unwrap();
        assert_eq!(plan.reason, Reason::PoorService);
        assert_eq!(plan.args.amount, Some(Fen::from_fen(1000)));
        assert_eq!(plan.key, derived_key(text.as_bytes(), 8));
    }

    #[test]
    fn keys_are_derived_from_the_file_and_line() {
        let a = derived_key(b"order\n1\n", 2);
        assert_eq!(a, derived_key(b"order\n1\n", 2));
        assert_ne!(a, derived_key(b"order\n1\n", 3));
        assert_ne!(a, derived_key(b"order\n2\n", 2));
        assert!(parse_token(&a).is_ok(), "{a}");
        let r = rows(
            "order,idempotency_key\n1,my-key-1\n2,bad key\n",
            &defaults(),
        )
        .unwrap();
        assert_eq!(r[0].plan.as_ref().unwrap().key, "my-key-1");
        assert!(r[1]
            .plan
            .as_ref()
            .err()
            .unwrap()
            .message
            .starts_with("idempotency_key:"));
    }
}
