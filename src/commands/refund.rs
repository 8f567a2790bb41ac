//! `refund`: the guide's stages 1 and 2, "preparation" and "submit the application". Resolves
//! the order, shows the quote and policy (`--dry-run` stops there), checks every value before
//! anything is sent, records the submission in the journal, then submits it with an
//! idempotency key. `cancel`, `remind` and `resubmit` act on an existing refund.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::json;

use crate::console::types::{Contact, Quote, RefundBody};
use crate::console::{Client, Fen};
use crate::context::Context;
use crate::error::{CliError, CliResult, Exit};
use crate::interrupt::Phase;
use crate::journal::{Entry, Finished, Outcome, Submission};
use crate::t;
use crate::views::{quote_lines, refund_to_text, QuoteView, RefundView};

pub const MAX_ATTACHMENT_BYTES: u64 = 5 * 1024 * 1024;

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub action: Option<Action>,

    #[command(flatten)]
    pub submit: SubmitArgs,

    #[command(flatten)]
    pub batch: crate::commands::batch::BatchArgs,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Cancel a refund that is still pending approval
    Cancel {
        /// The refund id (RF…)
        #[arg(value_parser = clap::builder::NonEmptyStringValueParser::new())]
        refund_id: String,
    },
    /// Remind (urge) the console about a refund in progress; once per 24 hours
    Remind {
        /// The refund id (RF…)
        #[arg(value_parser = clap::builder::NonEmptyStringValueParser::new())]
        refund_id: String,
    },
    /// Correct and submit again: cancel if still pending, quote anew, submit a new refund
    Resubmit(Box<ResubmitArgs>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Reason {
    /// 不想要了: no longer wanted
    NotWanted,
    /// 不满足需求: does not meet my needs
    UnmetNeeds,
    /// 操作体验差: poor operation experience
    PoorOperation,
    /// 服务差: poor service
    PoorService,
    /// 其他: something else (needs --reason-text)
    Other,
}

impl Reason {
    pub fn code(self) -> i64 {
        match self {
            Reason::NotWanted => 0,
            Reason::UnmetNeeds => 1,
            Reason::PoorOperation => 2,
            Reason::PoorService => 3,
            Reason::Other => 4,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RefundTo {
    /// Back to the payment method the order was paid with
    Original,
    /// To the JD Cloud account balance
    Balance,
}

impl RefundTo {
    pub fn channel(self) -> i64 {
        match self {
            RefundTo::Original => 1,
            RefundTo::Balance => 2,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum AttachKind {
    #[default]
    Invoice,
    Contract,
    Other,
}

impl AttachKind {
    fn wire(self) -> &'static str {
        match self {
            AttachKind::Invoice => "INVOICE",
            AttachKind::Contract => "CONTRACT",
            AttachKind::Other => "OTHER",
        }
    }
}

#[derive(Debug, Clone, Default, clap::Args)]
pub struct SubmitArgs {
    /// The order to refund (its number, as `orders` lists it)
    #[arg(long, value_name = "ORDER", conflicts_with = "resource_id", value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub order: Option<String>,

    /// Or the resource to refund (e.g. i-demo0nrsn01)
    #[arg(long, value_name = "ID", value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub resource_id: Option<String>,

    /// The amount you expect, in yuan (e.g. 102.35); refused unless it equals the quote [default: the quote]
    #[arg(long, value_name = "YUAN", value_parser = parse_amount, allow_hyphen_values = true)]
    pub amount: Option<Fen>,

    /// Why you want the refund
    #[arg(long, value_enum)]
    pub reason: Option<Reason>,

    /// Your words, required with --reason other
    #[arg(long, value_name = "TEXT")]
    pub reason_text: Option<String>,

    /// Contact name
    #[arg(long, value_name = "NAME")]
    pub contact_name: Option<String>,

    /// Contact phone (a phone or an email is required)
    #[arg(long, value_name = "PHONE", value_parser = parse_phone)]
    pub contact_phone: Option<String>,

    /// Contact email (a phone or an email is required)
    #[arg(long, value_name = "EMAIL", value_parser = parse_email)]
    pub contact_email: Option<String>,

    /// Where the money goes [default: original]
    #[arg(long, value_enum)]
    pub refund_to: Option<RefundTo>,

    /// Also refund the coupon share (refundArea 2)
    #[arg(long)]
    pub include_coupons: bool,

    /// A document to send with the application: PDF, PNG or JPEG, at most 5 MiB (repeatable)
    #[arg(long = "attach", value_name = "FILE")]
    pub attach: Vec<PathBuf>,

    /// What the attached documents are
    #[arg(long, value_enum, default_value_t = AttachKind::Invoice)]
    pub attach_kind: AttachKind,

    /// Idempotency key: the same key with the same request never makes a second refund [default: a new UUID, printed]
    #[arg(long, value_name = "KEY", value_parser = parse_token)]
    pub idempotency_key: Option<String>,

    /// Show the quote and the policy, then stop; nothing is submitted
    #[arg(long)]
    pub dry_run: bool,

    /// Submit without asking (required without a terminal)
    #[arg(long, short = 'y')]
    pub yes: bool,
}

#[derive(Debug, clap::Args)]
pub struct ResubmitArgs {
    /// The refund to correct and submit again (RF…)
    #[arg(value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub refund_id: String,

    #[command(flatten)]
    pub changes: SubmitArgs,
}

pub fn parse_amount(text: &str) -> Result<Fen, String> {
    let fen: Fen = text.parse().map_err(|e| format!("{e}"))?;
    if fen == Fen::ZERO {
        return Err(t!("refund-amount-zero"));
    }
    Ok(fen)
}

pub fn parse_phone(text: &str) -> Result<String, String> {
    let t = text.trim();
    let digits = t.chars().filter(char::is_ascii_digit).count();
    let allowed = t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | ' ' | '(' | ')'));
    if allowed && (6..=20).contains(&digits) && !t.contains("++") {
        Ok(t.to_string())
    } else {
        Err(t!("refund-phone-invalid", value = text))
    }
}

pub fn parse_email(text: &str) -> Result<String, String> {
    let t = text.trim();
    let ok = match t.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !t.contains(char::is_whitespace)
                && !domain.contains('@')
        }
        None => false,
    };
    if ok {
        Ok(t.to_string())
    } else {
        Err(t!("refund-email-invalid", value = text))
    }
}

pub fn parse_token(text: &str) -> Result<String, String> {
    let ok = (1..=64).contains(&text.len())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(text.to_string())
    } else {
        Err(t!("refund-key-invalid"))
    }
}

pub fn run(args: Args, ctx: &mut Context) -> CliResult<Exit> {
    match args.action {
        Some(Action::Cancel { refund_id }) => cancel(ctx, &refund_id),
        Some(Action::Remind { refund_id }) => remind(ctx, &refund_id),
        Some(Action::Resubmit(a)) => resubmit(ctx, *a),
        None if args.batch.batch.is_some() => {
            crate::commands::batch::run(ctx, args.batch, args.submit)
        }
        None => submit(ctx, args.submit),
    }
}

/// A document read and checked, ready to upload.
pub(crate) struct Document {
    pub name: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

/// `--attach FILE`: the document, or the problem with it naming the flag.
pub(crate) fn read_document(path: &Path) -> CliResult<Document> {
    check_document(path).map_err(|why| {
        CliError::usage(t!(
            "refund-attach-problem",
            file = path.display().to_string(),
            problem = why
        ))
    })
}

/// Reads and checks a document: an existing file, PDF, PNG or JPEG by its content, at most
/// 5 MiB. The problem, in a few words, when it is not.
pub(crate) fn check_document(path: &Path) -> Result<Document, String> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => t!("refund-attach-not-found"),
        _ => t!("refund-attach-unreadable", error = e.to_string()),
    })?;
    if !meta.is_file() {
        return Err(t!("refund-attach-not-a-file"));
    }
    if meta.len() == 0 {
        return Err(t!("refund-attach-empty"));
    }
    if meta.len() > MAX_ATTACHMENT_BYTES {
        return Err(t!(
            "refund-attach-too-big",
            size = format!("{:.1}", meta.len() as f64 / 1024.0 / 1024.0)
        ));
    }
    let bytes =
        std::fs::read(path).map_err(|e| t!("refund-attach-unreadable", error = e.to_string()))?;
    let content_type = if bytes.starts_with(b"%PDF") {
        "application/pdf"
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        "image/png"
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "image/jpeg"
    } else {
        return Err(t!("refund-attach-wrong-type"));
    };
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("document")
        .to_string();
    Ok(Document {
        name,
        content_type,
        bytes,
    })
}

/// What a refund asks for, as the submission body carries it.
pub(crate) struct Ask<'a> {
    pub reason: Reason,
    pub reason_text: &'a Option<String>,
    pub contact: &'a Contact,
    pub channel: i64,
    pub area: i64,
}

/// The body of a submission for `target` (resource, order) at the quoted amount: the one
/// place single refunds and batches build it.
pub(crate) fn refund_body(
    quote: &Quote,
    target: (String, Option<String>),
    ask: &Ask<'_>,
    token: &str,
    attachment_ids: Vec<String>,
) -> RefundBody {
    let (resource_id, order_number) = target;
    RefundBody {
        resource_id,
        refund_type: Some(1),
        refund_channel: Some(ask.channel),
        refund_way: Some(2),
        refund_reason: Some(ask.reason.code()),
        refund_reason_other: ask.reason_text.clone(),
        refund_area: Some(ask.area),
        client_token: Some(token.to_string()),
        order_number: order_number.or_else(|| quote.order_numbers.first().cloned()),
        // The amount the user saw: if the console's figure moved, it refuses rather than
        // refunding something else.
        refund_amount: Some(quote.fee),
        contact: Some(ask.contact.clone()),
        attachment_ids: (!attachment_ids.is_empty()).then_some(attachment_ids),
    }
}

/// What the user asked for, checked; everything a submission needs but the quote.
pub(crate) struct Plan {
    pub resource_id: String,
    pub order_number: Option<String>,
    pub reason: Reason,
    pub reason_text: Option<String>,
    pub contact: Contact,
    pub channel: i64,
    pub area: i64,
    pub amount: Option<Fen>,
    pub documents: Vec<Document>,
    pub attach_kind: AttachKind,
    pub attachment_ids: Vec<String>,
    pub token: String,
    /// `--yes`: submit without asking.
    pub confirmed: bool,
}

/// The checks that need no console: run before anything is sent.
pub(crate) fn check_local(args: &SubmitArgs) -> CliResult<(Reason, Option<String>, Contact)> {
    let reason = args
        .reason
        .ok_or_else(|| CliError::usage(t!("refund-error-reason-missing")))?;
    let reason_text = args
        .reason_text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    if reason == Reason::Other && reason_text.is_none() {
        return Err(CliError::usage(t!("refund-error-reason-text-missing")));
    }
    if args.contact_phone.is_none() && args.contact_email.is_none() {
        return Err(CliError::usage(t!("refund-error-contact-missing")));
    }
    Ok((
        reason,
        reason_text,
        Contact {
            name: args
                .contact_name
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_string),
            phone: args.contact_phone.clone(),
            email: args.contact_email.clone(),
        },
    ))
}

fn submit(ctx: &mut Context, args: SubmitArgs) -> CliResult<Exit> {
    if !args.dry_run && ctx.interactive() && crate::walkthrough::needed(&args) {
        return crate::walkthrough::refund(ctx, args);
    }
    if args.order.is_none() && args.resource_id.is_none() {
        return Err(CliError::usage(t!("refund-error-target-missing")));
    }
    let checked = if args.dry_run {
        None
    } else {
        let checked = check_local(&args)?;
        if !args.yes && !ctx.interactive() {
            return Err(CliError::usage(t!("refund-error-yes-required-dry-run")));
        }
        Some(checked)
    };
    let documents = args
        .attach
        .iter()
        .map(|p| read_document(p))
        .collect::<CliResult<Vec<_>>>()?;

    let client = ctx.client()?;
    finish_pending(ctx, &client)?;
    let (resource_id, order_number) = resolve_target_with(&client, &args, &ctx.command_prefix())?;
    if let (Some(key), false) = (&args.idempotency_key, args.dry_run) {
        if let Some(entry) = ctx.journal().get(key)? {
            return repeat(ctx, &client, entry, &resource_id, &args);
        }
    }
    let channel = args.refund_to.unwrap_or(RefundTo::Original).channel();
    let area = if args.include_coupons { 2 } else { 1 };
    let quote = client.refund_quote(&resource_id, Some(channel as u8), Some(area as u8))?;

    if args.dry_run {
        return dry_run(ctx, &client, &quote, channel, args.amount);
    }
    let Some((reason, reason_text, contact)) = checked else {
        unreachable!("checked above unless dry run");
    };
    let plan = Plan {
        resource_id,
        order_number,
        reason,
        reason_text,
        contact,
        channel,
        area,
        amount: args.amount,
        documents,
        attach_kind: args.attach_kind,
        attachment_ids: Vec::new(),
        token: args
            .idempotency_key
            .clone()
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
        confirmed: args.yes,
    };
    send(ctx, &client, plan, &quote)
}

/// The same `--idempotency-key` again: the same request gets the first answer (never a
/// second refund); a different request is refused before anything is sent.
fn repeat(
    ctx: &mut Context,
    client: &Client,
    entry: Entry,
    resource_id: &str,
    args: &SubmitArgs,
) -> CliResult<Exit> {
    let b = &entry.body;
    let same = b.resource_id == resource_id
        && b.same_terms(
            args.reason.map(Reason::code),
            args.refund_to.unwrap_or(RefundTo::Original).channel(),
            &args.contact_phone,
            &args.contact_email,
        );
    if !same {
        return Err(CliError::usage(match entry.refund_id.as_deref() {
            Some(id) => t!(
                "refund-error-key-reused-refund",
                key = &entry.client_token,
                resource = &b.resource_id,
                refund = id
            ),
            None => t!(
                "refund-error-key-reused",
                key = &entry.client_token,
                resource = &b.resource_id
            ),
        }));
    }
    let fee = b.refund_amount.unwrap_or_default();
    let channel = b.refund_channel.unwrap_or(1);
    match entry.outcome {
        Outcome::Submitted => {
            let id = entry.refund_id.clone().unwrap_or_default();
            ctx.printer.note(&t!(
                "refund-note-already-submitted",
                key = &entry.client_token,
                refund = &id
            ));
            report_submitted(ctx, client, &id, fee, channel)?;
            Ok(Exit::Success)
        }
        Outcome::Refused => Err(CliError::new(
            Exit::Refused,
            t!(
                "refund-error-refused-earlier",
                key = &entry.client_token,
                reason = entry
                    .error
                    .clone()
                    .unwrap_or_else(|| t!("refund-no-reason-recorded"))
            ),
        )),
        Outcome::Pending => match ctx.journal().finish_one(client, &entry.client_token)? {
            None => Err(CliError::new(
                Exit::Unreachable,
                t!(
                    "refund-error-in-flight",
                    key = &entry.client_token,
                    prefix = ctx.command_prefix()
                ),
            )),
            Some((_, Finished::Submitted(id))) => {
                report_submitted(ctx, client, &id, fee, channel)?;
                Ok(Exit::Success)
            }
            Some((_, Finished::Refused(why))) => Err(CliError::new(
                Exit::Refused,
                t!("journal-not-accepted", reason = why),
            )),
            Some((e, Finished::StillUnknown(why))) => Err(CliError::new(
                Exit::Unreachable,
                t!(
                    "refund-error-still-unknown",
                    error = why,
                    key = &e.client_token,
                    prefix = ctx.command_prefix()
                ),
            )),
        },
    }
}

/// `--order` or `--resource-id` to the resource and its order.
/// `prefix` holds the global options (`--sandbox `…) a suggested command needs.
pub(crate) fn resolve_target_with(
    client: &Client,
    args: &SubmitArgs,
    prefix: &str,
) -> CliResult<(String, Option<String>)> {
    if let Some(resource) = &args.resource_id {
        return Ok((resource.clone(), None));
    }
    let number = args.order.clone().unwrap_or_default();
    let detail = crate::commands::orders::query_order(client, &number, prefix)?;
    let resource = detail
        .order
        .resource_id
        .clone()
        .or_else(|| detail.order_item_details.first().map(|i| i.item_id.clone()))
        .ok_or_else(|| {
            CliError::new(
                Exit::Refused,
                t!("refund-error-order-no-resource", order = &number),
            )
        })?;
    Ok((resource, Some(number)))
}

/// The quote against what the user expects: not refundable is the console's refusal (5), a
/// different amount is the user's typo or a changed quote (2), named both ways.
pub(crate) fn check_quote(quote: &Quote, amount: Option<Fen>) -> CliResult<()> {
    if !quote.refundable {
        return Err(CliError::new(
            Exit::Refused,
            t!(
                "refund-error-not-refundable",
                resource = &quote.resource_id,
                reason = match quote.not_refundable_reason.as_deref() {
                    Some(why) => crate::views::not_refundable_text(Some(why), None),
                    None => t!("refund-no-reason-given"),
                }
            ),
        ));
    }
    if let Some(amount) = amount {
        if amount != quote.fee {
            return Err(CliError::usage(t!(
                "refund-error-amount-differs",
                amount = amount,
                quote = quote.fee,
                resource = &quote.resource_id
            )));
        }
    }
    Ok(())
}

fn dry_run(
    ctx: &mut Context,
    client: &Client,
    quote: &Quote,
    channel: i64,
    amount: Option<Fen>,
) -> CliResult<Exit> {
    let policy = client.refund_policy()?;
    let p = ctx.printer.clone();
    if p.is_json() {
        p.json(&json!({
            "quote": QuoteView::new(quote, Some(channel)),
            "policy": {"version": policy.version, "text": policy.text, "textZh": policy.text_zh},
            "submitted": false,
        }))?;
    } else {
        p.line(&t!(
            "refund-dry-run-target",
            resource = &quote.resource_id,
            order = quote.order_numbers.join(", ")
        ))?;
        for line in quote_lines(&p, quote, Some(channel)) {
            p.line(&line)?;
        }
        if quote.requires_invoice_return {
            p.line(&format!("  {}", t!("refund-dry-run-attach-invoice")))?;
        }
        p.line("")?;
        p.line(&t!("refund-dry-run-policy", version = &policy.version))?;
        // The console's own words: a Chinese reader gets its Chinese text alone, when it
        // has one; an English reader both, as before.
        match (&policy.text_zh, crate::i18n::is_zh()) {
            (Some(zh), true) => p.line(&format!("  {zh}"))?,
            (zh, _) => {
                p.line(&format!("  {}", policy.text))?;
                if let Some(zh) = zh {
                    p.line(&format!("  {zh}"))?;
                }
            }
        }
        p.note(&t!("refund-dry-run-nothing-submitted"));
    }
    // A dry run still reports what a real run would refuse.
    check_quote(quote, amount)?;
    Ok(Exit::Success)
}

/// Finishes earlier submissions whose outcome is unknown, telling the user what happened.
pub fn finish_pending(ctx: &mut Context, client: &Client) -> CliResult<()> {
    let (credentials, _) = ctx.credentials()?;
    let console = ctx.console_id(&credentials)?;
    let (finished, elsewhere) = ctx.journal().finish_pending(client, &console)?;
    if elsewhere > 0 {
        ctx.printer
            .warn(&t!("refund-warn-pending-elsewhere", count = elsewhere));
    }
    for (entry, finished) in finished {
        match finished {
            Finished::Submitted(id) => ctx.printer.note(&t!(
                "refund-note-finished-earlier",
                key = &entry.client_token,
                refund = id,
                resource = &entry.body.resource_id
            )),
            Finished::Refused(why) => ctx.printer.note(&t!(
                "refund-note-earlier-refused",
                key = &entry.client_token,
                resource = &entry.body.resource_id,
                reason = why
            )),
            Finished::StillUnknown(why) => ctx.printer.warn(&t!(
                "refund-warn-earlier-unknown",
                key = &entry.client_token,
                resource = &entry.body.resource_id,
                error = why
            )),
        }
    }
    Ok(())
}

/// Checks the quote, uploads the documents, journals and submits. Prints the refund id.
/// Submits and reports the refund id (stdout), or says nothing was submitted.
fn send(ctx: &mut Context, client: &Client, plan: Plan, quote: &Quote) -> CliResult<Exit> {
    let channel = plan.channel;
    if let Some(refund_id) = submit_plan(ctx, client, plan, quote)? {
        report_submitted(ctx, client, &refund_id, quote.fee, channel)?;
    }
    Ok(Exit::Success)
}

/// Prints the new refund's id on stdout (JSON: the whole application) and how to follow it.
pub(crate) fn report_submitted(
    ctx: &mut Context,
    client: &Client,
    refund_id: &str,
    fee: Fen,
    channel: i64,
) -> CliResult<()> {
    let p = ctx.printer.clone();
    if p.is_json() {
        let application = client.refund(refund_id)?;
        p.json(&RefundView::from(&application))?;
    } else {
        p.line(refund_id)?;
        p.wrapped(
            &t!(
                "refund-submitted",
                refund = refund_id,
                amount = fee.with_symbol(),
                to = refund_to_text(Some(channel)),
                prefix = ctx.command_prefix()
            ),
            "",
            "  ",
        );
    }
    Ok(())
}

/// Checks the quote, confirms unless already confirmed, uploads the documents (with a
/// progress bar on a terminal), journals and submits. The new refund's id, or `None` when
/// the person declined.
pub(crate) fn submit_plan(
    ctx: &mut Context,
    client: &Client,
    mut plan: Plan,
    quote: &Quote,
) -> CliResult<Option<String>> {
    check_quote(quote, plan.amount)?;
    let kind = plan.attach_kind.wire();
    let has_invoice = plan.attach_kind == AttachKind::Invoice
        && (!plan.documents.is_empty() || !plan.attachment_ids.is_empty());
    if quote.requires_invoice_return && !has_invoice {
        let attached = !plan.documents.is_empty() || !plan.attachment_ids.is_empty();
        return Err(CliError::usage(if attached {
            t!("refund-error-invoice-kind")
        } else {
            t!("refund-error-invoice-missing")
        }));
    }
    let p = ctx.printer.clone();
    let amount = quote.fee.with_symbol();
    let to = refund_to_text(Some(plan.channel));
    if !plan.confirmed {
        if !ctx.interactive() {
            return Err(CliError::usage(t!("refund-error-yes-required")));
        }
        // The sentence first, then a short question: a prompt wider than the terminal
        // would be redrawn badly.
        p.wrapped(
            &t!(
                "refund-about-to-submit",
                amount = &amount,
                resource = &quote.resource_id,
                to = &to
            ),
            "",
            "  ",
        );
        if !ctx.confirm(&t!("refund-confirm"))? {
            p.note(&t!("refund-nothing-submitted"));
            return Ok(None);
        }
    }
    p.wrapped(
        &t!(
            "refund-submitting",
            amount = &amount,
            resource = &quote.resource_id,
            to = &to,
            key = &plan.token
        ),
        "",
        "  ",
    );
    let documents = std::mem::take(&mut plan.documents);
    let total: u64 = documents.iter().map(|d| d.bytes.len() as u64).sum();
    let bar = if documents.is_empty() {
        indicatif::ProgressBar::hidden()
    } else {
        p.progress(total, &t!("refund-progress-uploading"))
    };
    for doc in documents {
        bar.set_message(doc.name.clone());
        let uploaded = client.upload_attachment(&doc.name, doc.content_type, &doc.bytes, kind)?;
        bar.inc(doc.bytes.len() as u64);
        bar.suspend(|| {
            p.note(&t!(
                "refund-uploaded",
                file = &doc.name,
                size = uploaded.size.to_string(),
                digest = &uploaded.sha256[..12.min(uploaded.sha256.len())]
            ))
        });
        plan.attachment_ids.push(uploaded.attachment_id);
    }
    bar.finish_and_clear();
    let body = refund_body(
        quote,
        (plan.resource_id.clone(), plan.order_number.clone()),
        &Ask {
            reason: plan.reason,
            reason_text: &plan.reason_text,
            contact: &plan.contact,
            channel: plan.channel,
            area: plan.area,
        },
        &plan.token,
        plan.attachment_ids.clone(),
    );
    let (credentials, _) = ctx.credentials()?;
    let console = ctx.console_id(&credentials)?;
    let prefix = ctx.command_prefix();
    let phase = ctx.phase.clone();
    let submitting = Phase::Submitting {
        client_token: plan.token.clone(),
        prefix: prefix.clone(),
    };
    let journaled = || crate::interrupt::set(&phase, submitting);
    match ctx.journal().submit(client, &console, &body, journaled)? {
        Submission::Exists(existing) => Err(CliError::usage(t!(
            "refund-error-key-used",
            key = &plan.token,
            refund = existing
                .refund_id
                .clone()
                .unwrap_or_else(|| t!("refund-unconfirmed"))
        ))),
        Submission::Accepted {
            refund_id,
            unrecorded,
        } => {
            if let Some(e) = unrecorded {
                p.warn(&t!(
                    "refund-warn-unrecorded",
                    refund = &refund_id,
                    error = e.to_string(),
                    prefix = &prefix
                ));
            }
            ctx.set_phase(Phase::Submitted {
                refund_id: refund_id.clone(),
                prefix,
            });
            Ok(Some(refund_id))
        }
        Submission::Refused { error, unrecorded } => {
            ctx.set_phase(Phase::Nothing);
            Err(unrecorded.unwrap_or(error))
        }
        // Left pending in the journal: the next `refund` or `status` finishes it.
        Submission::Unknown(e) => Err(CliError {
            exit: Exit::Unreachable,
            request_id: e.request_id().map(str::to_string),
            message: t!(
                "refund-error-outcome-unknown",
                error = e.to_string(),
                prefix = &prefix,
                key = &plan.token
            ),
        }),
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Reminded {
    refund_id: String,
    reminded_at: String,
}

fn cancel(ctx: &mut Context, refund_id: &str) -> CliResult<Exit> {
    let client = ctx.client()?;
    let refund = client.cancel_refund(refund_id)?;
    if ctx.printer.is_json() {
        ctx.printer.json(&RefundView::from(&refund))?;
    } else {
        ctx.printer.line(&t!(
            "refund-canceled",
            refund = &refund.refund_id,
            status = crate::i18n::names::refund_status(&refund.status)
        ))?;
    }
    Ok(Exit::Success)
}

fn remind(ctx: &mut Context, refund_id: &str) -> CliResult<Exit> {
    let client = ctx.client()?;
    let reminded = client.remind_refund(refund_id)?;
    if ctx.printer.is_json() {
        ctx.printer.json(&Reminded {
            refund_id: reminded.refund_id,
            reminded_at: reminded.reminded_at.iso(),
        })?;
    } else {
        ctx.printer.line(&t!(
            "refund-reminded",
            refund = &reminded.refund_id,
            time = reminded.reminded_at.to_string()
        ))?;
    }
    Ok(Exit::Success)
}

/// The guide's "correct and resubmit" and "try another payment method".
fn resubmit(ctx: &mut Context, args: ResubmitArgs) -> CliResult<Exit> {
    let client = ctx.client()?;
    if let Some((refund_id, fee, channel)) = resubmit_to(ctx, &client, args)? {
        report_submitted(ctx, &client, &refund_id, fee, channel)?;
    }
    Ok(Exit::Success)
}

/// Cancels (if pending), quotes anew and submits again. The new refund's id, amount and
/// channel, or `None` when the person declined.
pub(crate) fn resubmit_to(
    ctx: &mut Context,
    client: &Client,
    args: ResubmitArgs,
) -> CliResult<Option<(String, Fen, i64)>> {
    let changes = args.changes;
    if changes.order.is_some() || changes.resource_id.is_some() {
        return Err(CliError::usage(t!("refund-error-resubmit-target")));
    }
    if !changes.yes && !ctx.interactive() {
        return Err(CliError::usage(t!("refund-error-resubmit-yes")));
    }
    let documents = changes
        .attach
        .iter()
        .map(|p| read_document(p))
        .collect::<CliResult<Vec<_>>>()?;
    finish_pending(ctx, client)?;
    let old = client.refund(&args.refund_id)?;
    let previous = ctx.journal().by_refund_id(&old.refund_id)?.map(|e| e.body);
    match old.status.as_str() {
        "SUCCESS" => {
            return Err(CliError::new(
                Exit::Refused,
                t!("refund-error-resubmit-succeeded", refund = &old.refund_id),
            ))
        }
        "PROCESSING" => {
            return Err(CliError::new(
                Exit::Refused,
                t!(
                    "refund-error-resubmit-processing",
                    refund = &old.refund_id,
                    prefix = ctx.command_prefix()
                ),
            ))
        }
        _ => {}
    }
    // What the earlier submission said, where this machine made it; the flags change it.
    let base = SubmitArgs {
        reason: changes.reason.or_else(|| {
            previous
                .as_ref()
                .and_then(|b| b.refund_reason)
                .and_then(reason_from_code)
        }),
        reason_text: changes.reason_text.clone().or_else(|| {
            previous
                .as_ref()
                .and_then(|b| b.refund_reason_other.clone())
        }),
        contact_name: changes.contact_name.clone().or_else(|| {
            previous
                .as_ref()
                .and_then(|b| b.contact.as_ref()?.name.clone())
        }),
        contact_phone: changes.contact_phone.clone().or_else(|| {
            previous
                .as_ref()
                .and_then(|b| b.contact.as_ref()?.phone.clone())
        }),
        contact_email: changes.contact_email.clone().or_else(|| {
            previous
                .as_ref()
                .and_then(|b| b.contact.as_ref()?.email.clone())
        }),
        ..changes.clone()
    };
    let (reason, reason_text, contact) = check_local(&base).map_err(|mut e| {
        if previous.is_none() {
            e.message = t!(
                "refund-error-not-from-here",
                error = &e.message,
                refund = &old.refund_id
            );
        }
        e
    })?;
    let channel = changes
        .refund_to
        .map(RefundTo::channel)
        .or(old.refund_channel)
        .unwrap_or(1);
    let area = if changes.include_coupons {
        2
    } else {
        previous.as_ref().and_then(|b| b.refund_area).unwrap_or(1)
    };
    if old.status == "PENDING_APPROVAL" {
        client.cancel_refund(&old.refund_id)?;
        ctx.printer
            .note(&t!("refund-note-canceled-pending", refund = &old.refund_id));
    }
    let quote = client.refund_quote(&old.resource_id, Some(channel as u8), Some(area as u8))?;
    let plan = Plan {
        resource_id: old.resource_id.clone(),
        order_number: old.order_number.clone(),
        reason,
        reason_text,
        contact,
        channel,
        area,
        amount: changes.amount,
        documents,
        attach_kind: changes.attach_kind,
        attachment_ids: if changes.attach.is_empty() {
            previous
                .as_ref()
                .and_then(|b| b.attachment_ids.clone())
                .unwrap_or_default()
        } else {
            Vec::new()
        },
        token: changes
            .idempotency_key
            .clone()
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
        confirmed: changes.yes,
    };
    let channel = plan.channel;
    Ok(submit_plan(ctx, client, plan, &quote)?.map(|id| (id, quote.fee, channel)))
}

fn reason_from_code(code: i64) -> Option<Reason> {
    Some(match code {
        0 => Reason::NotWanted,
        1 => Reason::UnmetNeeds,
        2 => Reason::PoorOperation,
        3 => Reason::PoorService,
        4 => Reason::Other,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_contacts_and_keys() {
        assert!(parse_phone("+86 138 0000 0000").is_ok());
        assert!(parse_phone("13800000000").is_ok());
        assert!(parse_phone("12345").is_err());
        assert!(parse_phone("call me").is_err());
        assert!(parse_email("li@example.com").is_ok());
        assert!(parse_email("li@example").is_err());
        assert!(parse_email("li example.com").is_err());
        assert!(parse_token("abc-123_x.y").is_ok());
        assert!(parse_token("").is_err());
        assert!(parse_token(&"x".repeat(65)).is_err());
        assert!(parse_token("../etc").is_err());
        assert!(parse_amount("0").is_err());
        assert!(parse_amount("102.351").is_err());
        assert_eq!(parse_amount("¥102.35").unwrap(), Fen::from_fen(10_235));
    }
}
