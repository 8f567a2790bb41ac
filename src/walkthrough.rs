//! The guided refund: `refund` on a terminal with values missing walks a person through the
//! guide's three stages (Preparation → Submit → Wait), each step numbered as in GUIDE.md.
//! Values given by flag are not asked again. Every question goes through the `Prompter` in
//! the context, so the whole conversation can be scripted in tests.

use std::time::{Duration, Instant};

use crate::commands::refund::{
    check_document, check_local, check_quote, finish_pending, read_document, resolve_target_with,
    resubmit_to, submit_plan, AttachKind, Plan, Reason, RefundTo, ResubmitArgs, SubmitArgs,
};
use crate::console::types::{is_final_status, Order, QueryVo, Quote, RefundApplication};
use crate::console::{Client, ConsoleTime, Fen};
use crate::context::Context;
use crate::error::{CliError, CliResult, Exit};
use crate::i18n::names;
use crate::printer::{pad, widest, Tone};
use crate::prompt::Choice;
use crate::t;
use crate::troubleshoot::{diagnose, render, Suggest};
use crate::views::{not_refundable_text, policy_text, quote_lines_for, refund_to_text};

/// Lines are wrapped to this width, so the walkthrough reads at 80 columns.
const WIDTH: usize = 78;
/// At most this many recent orders are offered (each needs a quote).
const MAX_ORDERS: usize = 50;

/// Whether `refund` needs the walkthrough: some value only a person can give is missing.
pub fn needed(args: &SubmitArgs) -> bool {
    args.order.is_none() && args.resource_id.is_none()
        || args.reason.is_none()
        || args.contact_phone.is_none() && args.contact_email.is_none()
        || args.reason == Some(Reason::Other) && args.reason_text.is_none()
}

/// A stage of the guide (准备工作, 提交退款申请, 等待审核结果), in the reader's language.
fn stage(ctx: &Context, name: &str) {
    let p = &ctx.printer;
    p.note("");
    p.note(&p.paint(Tone::Bold, &format!("━━ {name} ━━")));
}

/// A step of the guide, numbered as in GUIDE.md, in the reader's language.
fn step(ctx: &Context, n: &str, name: &str) {
    let p = &ctx.printer;
    p.note(&p.paint(Tone::Bold, &format!("{n}. {name}")));
}

fn say(ctx: &Context, text: &str) {
    ctx.printer.wrapped(text, "   ", "   ");
}

pub fn refund(ctx: &mut Context, args: SubmitArgs) -> CliResult<Exit> {
    stage(ctx, &t!("walk-stage-prepare"));
    step(ctx, "1", &t!("walk-step-login"));
    ensure_logged_in(ctx)?;
    let client = ctx.client()?;
    finish_pending(ctx, &client)?;

    step(ctx, "2", &t!("walk-step-order"));
    let (resource_id, order_number) = if args.order.is_some() || args.resource_id.is_some() {
        resolve_target_with(&client, &args, &ctx.command_prefix())?
    } else {
        pick_order(ctx, &client)?
    };
    // The order's detail, for its name and how it was paid (a resource id alone names the
    // order through the quote).
    let detail = match &order_number {
        Some(n) => client.query_order(n).ok(),
        None => None,
    };
    let resource_name = detail.as_ref().and_then(|d| d.order.resource_name.clone());

    step(ctx, "3", &t!("walk-step-policy"));
    let mut area = if args.include_coupons { 2 } else { 1 };
    let first_channel = args.refund_to.unwrap_or(RefundTo::Original).channel();
    let mut quote = client.refund_quote(&resource_id, Some(first_channel as u8), Some(area))?;
    let policy = client.refund_policy()?;
    // The console gives the policy in both languages; an empty Chinese text falls back.
    let text = match &policy.text_zh {
        Some(zh) if crate::i18n::is_zh() && !zh.trim().is_empty() => zh.clone(),
        _ => policy.text.clone(),
    };
    say(
        ctx,
        &t!("walk-policy", version = &policy.version, text = text),
    );
    let order = detail.as_ref().map(|d| &d.order);
    for line in quote_lines_for(&ctx.printer, &quote, Some(first_channel), order) {
        ctx.printer.wrapped(&line, "   ", "       ");
    }
    if !quote.refundable {
        return Err(CliError::new(
            Exit::Refused,
            t!(
                "walk-not-refundable",
                resource = &resource_id,
                reason = not_refundable_text(quote.not_refundable_reason.as_deref(), order)
            ),
        ));
    }
    if !ctx.ask(|p| p.confirm(&t!("walk-ask-policy-read"), true))? {
        ctx.printer.note(&t!("walk-nothing-submitted"));
        return Ok(Exit::Success);
    }

    step(ctx, "4", &t!("walk-step-documents"));
    let mut documents = args
        .attach
        .iter()
        .map(|p| read_document(p))
        .collect::<CliResult<Vec<_>>>()?;
    let attach_kind = if quote.requires_invoice_return && documents.is_empty() {
        say(ctx, &t!("walk-invoice-needed"));
        loop {
            let path = ctx.ask(|p| {
                p.input(&t!("walk-ask-invoice-file"), None, &|t: &str| {
                    check_document(std::path::Path::new(t.trim())).map(|_| ())
                })
            })?;
            documents.push(read_document(std::path::Path::new(path.trim()))?);
            if !ctx.ask(|p| p.confirm(&t!("walk-ask-another-document"), false))? {
                break;
            }
        }
        AttachKind::Invoice
    } else {
        if documents.is_empty() {
            say(ctx, &t!("walk-no-documents"));
        } else {
            say(ctx, &t!("walk-documents-sent", count = documents.len()));
        }
        args.attach_kind
    };

    step(ctx, "5", &t!("walk-step-support"));
    say(ctx, &t!("walk-support-intro"));
    for line in crate::views::channel_lines(&policy.support_channels) {
        say(ctx, &format!("  {line}"));
    }

    stage(ctx, &t!("walk-stage-submit"));
    step(ctx, "6", &t!("walk-step-open"));
    say(
        ctx,
        &t!(
            "walk-refunding-order",
            order = order_number
                .clone()
                .or_else(|| quote.order_numbers.first().cloned())
                .unwrap_or_else(|| "?".into()),
            resource = &resource_id
        ),
    );

    step(ctx, "7", &t!("walk-step-fill"));
    let fee = quote.fee;
    let mut amount = match args.amount {
        Some(a) => a,
        None => {
            let text = ctx.ask(|p| {
                p.input(
                    &t!("walk-ask-amount"),
                    Some(&fee.to_string()),
                    &|t: &str| amount_matches(t, fee),
                )
            })?;
            text.parse::<Fen>()
                .map_err(|e| CliError::usage(e.to_string()))?
        }
    };
    let reason = match args.reason {
        Some(r) => r,
        None => ask_reason(ctx)?,
    };
    let reason_text = match (&args.reason_text, reason) {
        (Some(t), _) => Some(t.clone()),
        (None, Reason::Other) => Some(ctx.ask(|p| {
            p.input(&t!("walk-ask-reason-text"), None, &|t: &str| {
                if t.trim().is_empty() {
                    Err(t!("walk-reason-text-empty"))
                } else {
                    Ok(())
                }
            })
        })?),
        (None, _) => None,
    };
    let name = match &args.contact_name {
        Some(n) => Some(n.clone()),
        None => Some(ctx.ask(|p| p.input(&t!("walk-ask-contact-name"), None, &|_| Ok(())))?)
            .filter(|n| !n.is_empty()),
    };
    let (phone, email) = ask_contact(ctx, &args)?;
    let refund_to = match args.refund_to {
        Some(r) => r,
        None => {
            // An offline payment can only go back to the balance: say so and pre-select it.
            let offline = detail
                .as_ref()
                .and_then(|d| d.payment_channel.as_deref())
                .is_some_and(|c| c == "OFFLINE_PAYMENT");
            if offline {
                say(ctx, &t!("walk-offline-balance-only"));
            }
            let choices = [
                Choice {
                    label: t!("walk-choice-original"),
                },
                Choice {
                    label: t!("walk-choice-balance"),
                },
            ];
            let default = usize::from(offline);
            match ctx.ask(|p| p.select(&t!("walk-ask-refund-to"), &choices, default))? {
                1 => RefundTo::Balance,
                _ => RefundTo::Original,
            }
        }
    };
    let channel = refund_to.channel();
    if area == 1 && args.amount.is_none() {
        // Coupons come back only when asked for: ask when there is a coupon share.
        let with = client.refund_quote(&resource_id, Some(channel as u8), Some(2))?;
        if with.coupon_fee > Fen::ZERO
            && ctx.ask(|p| {
                p.confirm(
                    &t!("walk-ask-coupons", amount = with.coupon_fee.with_symbol()),
                    false,
                )
            })?
        {
            area = 2;
            amount = with.fee;
            say(ctx, &t!("walk-refund-now", amount = with.fee.with_symbol()));
        }
    }
    if channel != first_channel || area == 2 {
        quote = client.refund_quote(&resource_id, Some(channel as u8), Some(area))?;
    }
    let checked = SubmitArgs {
        reason: Some(reason),
        reason_text: reason_text.clone(),
        contact_name: name,
        contact_phone: phone,
        contact_email: email,
        ..SubmitArgs::default()
    };
    let (reason, reason_text, contact) = check_local(&checked)?;
    check_quote(&quote, Some(amount))?;

    step(ctx, "8", &t!("walk-step-check"));
    let contact_text = [
        contact.name.clone(),
        contact.phone.clone(),
        contact.email.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(&t!("walk-list-separator"));
    let order_shown = order_number
        .clone()
        .or_else(|| quote.order_numbers.first().cloned())
        .unwrap_or_default();
    let resource_shown = match resource_name.as_deref() {
        Some(n) => t!(
            "walk-summary-resource-named",
            resource = &resource_id,
            name = n
        ),
        None => resource_id.clone(),
    };
    let reason_shown = match reason_text.as_deref() {
        Some(text) => t!(
            "walk-summary-reason-text",
            reason = reason_label(reason),
            text = text
        ),
        None => reason_label(reason),
    };
    let documents_shown = if documents.is_empty() {
        t!("walk-summary-no-documents")
    } else {
        documents
            .iter()
            .map(|d| d.name.clone())
            .collect::<Vec<_>>()
            .join(&t!("walk-list-separator"))
    };
    let summary = [
        (t!("walk-summary-order"), order_shown),
        (t!("walk-summary-resource"), resource_shown),
        (
            t!("walk-summary-amount"),
            t!(
                "walk-summary-amount-value",
                amount = quote.fee.with_symbol(),
                policy = policy_text(quote.policy.as_deref())
            ),
        ),
        (t!("walk-summary-to"), refund_to_text(Some(channel))),
        (t!("walk-summary-reason"), reason_shown),
        (t!("walk-summary-contact"), contact_text),
        (t!("walk-summary-documents"), documents_shown),
    ];
    // Values line up three columns after the widest label, in terminal columns (a Chinese
    // label is twice as wide as its characters).
    let width = widest(summary.iter().map(|(label, _)| label.as_str())) + 3;
    let rest = " ".repeat(3 + width);
    for (label, value) in &summary {
        ctx.printer
            .wrapped(&format!("{}{value}", pad(label, width)), "   ", &rest);
    }
    if !ctx.ask(|p| p.confirm(&t!("walk-ask-submit"), false))? {
        ctx.printer.note(&t!("walk-nothing-submitted"));
        return Ok(Exit::Success);
    }
    let plan = Plan {
        resource_id: resource_id.clone(),
        order_number,
        reason,
        reason_text,
        contact,
        channel,
        area: i64::from(area),
        amount: Some(amount),
        documents,
        attach_kind,
        attachment_ids: Vec::new(),
        token: args
            .idempotency_key
            .clone()
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
        confirmed: true,
    };
    let Some(refund_id) = submit_plan(ctx, &client, plan, &quote)? else {
        return Ok(Exit::Success);
    };

    stage(ctx, &t!("walk-stage-wait"));
    step(ctx, "9", &t!("walk-step-recorded"));
    ctx.printer.line(&refund_id)?;
    say(
        ctx,
        &t!(
            "walk-refund-pending",
            refund = &refund_id,
            amount = quote.fee.with_symbol(),
            to = refund_to_text(Some(channel))
        ),
    );
    step(ctx, "10", &t!("walk-step-status"));
    if !ctx.ask(|p| p.confirm(&t!("walk-ask-watch"), true))? {
        say(
            ctx,
            &t!(
                "walk-check-later",
                command = format!("jdc-refund {}status {refund_id}", ctx.command_prefix())
            ),
        );
        return Ok(Exit::Success);
    }
    step(ctx, "11", &t!("walk-step-processing"));
    follow(ctx, &client, refund_id)
}

fn amount_matches(text: &str, fee: Fen) -> Result<(), String> {
    let amount: Fen = text
        .parse()
        .map_err(|e: crate::console::money::MoneyError| e.to_string())?;
    if amount == fee {
        Ok(())
    } else {
        Err(t!(
            "walk-amount-differs",
            amount = amount.with_symbol(),
            quote = fee.with_symbol()
        ))
    }
}

fn reason_label(r: Reason) -> String {
    match r {
        Reason::NotWanted => t!("walk-reason-not-wanted"),
        Reason::UnmetNeeds => t!("walk-reason-unmet-needs"),
        Reason::PoorOperation => t!("walk-reason-poor-operation"),
        Reason::PoorService => t!("walk-reason-poor-service"),
        Reason::Other => t!("walk-reason-other"),
    }
}

fn ask_reason(ctx: &mut Context) -> CliResult<Reason> {
    let reasons = [
        Reason::NotWanted,
        Reason::UnmetNeeds,
        Reason::PoorOperation,
        Reason::PoorService,
        Reason::Other,
    ];
    let choices: Vec<Choice> = reasons
        .iter()
        .map(|r| Choice {
            label: reason_label(*r),
        })
        .collect();
    let i = ctx.ask(|p| p.select(&t!("walk-ask-reason"), &choices, 0))?;
    Ok(reasons[i.min(reasons.len() - 1)])
}

fn ask_contact(
    ctx: &mut Context,
    args: &SubmitArgs,
) -> CliResult<(Option<String>, Option<String>)> {
    use crate::commands::refund::{parse_email, parse_phone};
    let optional = |parse: fn(&str) -> Result<String, String>| {
        move |t: &str| {
            if t.trim().is_empty() {
                Ok(())
            } else {
                parse(t).map(|_| ())
            }
        }
    };
    let mut phone = args.contact_phone.clone();
    let mut email = args.contact_email.clone();
    if phone.is_none() {
        phone = Some(
            ctx.ask(|p| p.input(&t!("walk-ask-contact-phone"), None, &optional(parse_phone)))?,
        )
        .filter(|p| !p.is_empty());
    }
    if email.is_none() {
        let required = phone.is_none();
        let prompt = if required {
            t!("walk-ask-contact-email-required")
        } else {
            t!("walk-ask-contact-email")
        };
        let check = move |t: &str| {
            if t.trim().is_empty() {
                if required {
                    Err(t!("walk-contact-needed"))
                } else {
                    Ok(())
                }
            } else {
                parse_email(t).map(|_| ())
            }
        };
        email = Some(ctx.ask(|p| p.input(&prompt, None, &check))?).filter(|e| !e.is_empty());
    }
    Ok((phone, email))
}

/// Step 1: signed in already, or offered to sign in right here.
fn ensure_logged_in(ctx: &mut Context) -> CliResult<()> {
    match ctx.credentials() {
        Ok((_, source)) => {
            let who = match source {
                crate::context::CredentialSource::Environment => t!("walk-who-environment"),
                crate::context::CredentialSource::Profile(c) => c
                    .account
                    .unwrap_or_else(|| crate::config::mask(&c.access_key)),
                crate::context::CredentialSource::SandboxDemo => t!("walk-who-sandbox-demo"),
            };
            say(ctx, &t!("walk-signed-in", who = who));
            Ok(())
        }
        Err(e) if e.exit == Exit::Auth => {
            say(ctx, &e.message);
            if !ctx.ask(|p| p.confirm(&t!("walk-ask-log-in"), true))? {
                return Err(e);
            }
            crate::commands::login::prompt_password_login(ctx)?;
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// Step 2: the account's recent orders, refundable ones to pick from, the others shown dimmed
/// with the console's reason.
fn pick_order(ctx: &mut Context, client: &Client) -> CliResult<(String, Option<String>)> {
    let now = ConsoleTime::now().millis();
    let mut orders: Vec<Order> = Vec::new();
    let mut page = 1;
    let spinner = ctx.printer.spinner(&t!("walk-looking-at-orders"));
    loop {
        let result = client.query_orders(&QueryVo {
            start_time: Some(now - 365 * 24 * 3600 * 1000),
            end_time: Some(now),
            page_number: Some(page),
            page_size: Some(100),
            ..QueryVo::default()
        })?;
        let done = result.result_list.is_empty() || u64::from(page) >= result.total_page;
        orders.extend(result.result_list);
        if done || orders.len() >= MAX_ORDERS {
            break;
        }
        page += 1;
    }
    orders.truncate(MAX_ORDERS);
    let mut refundable: Vec<(Order, Quote)> = Vec::new();
    let mut others: Vec<(Order, String)> = Vec::new();
    for o in orders {
        let Some(resource) = o.resource_id.clone() else {
            others.push((o, t!("walk-order-no-resource")));
            continue;
        };
        spinner.set_message(t!("walk-checking-order", order = &o.order_number));
        match client.refund_quote(&resource, None, None) {
            Ok(q) if q.refundable => refundable.push((o, q)),
            Ok(q) => {
                let why = match q.not_refundable_reason.as_deref() {
                    None => t!("walk-order-not-refundable"),
                    reason => not_refundable_text(reason, Some(&o)),
                };
                others.push((o, why));
            }
            Err(e) => others.push((o, e.to_string())),
        }
    }
    spinner.finish_and_clear();
    let p = ctx.printer.clone();
    if !others.is_empty() {
        p.note(&format!("   {}", t!("walk-orders-not-refundable")));
        for (o, why) in &others {
            p.note(&p.paint(
                Tone::Dim,
                &format!(
                    "   ✗ {}  {}",
                    o.order_number,
                    o.resource_name.as_deref().unwrap_or("")
                ),
            ));
            let options = textwrap::Options::new(WIDTH)
                .initial_indent("       ")
                .subsequent_indent("       ");
            for line in textwrap::wrap(why, options) {
                p.note(&p.paint(Tone::Dim, &line));
            }
        }
    }
    if refundable.is_empty() {
        return Err(CliError::new(
            Exit::Refused,
            t!("walk-no-refundable-orders"),
        ));
    }
    // Resource names may be Chinese: pad them by terminal columns.
    let name_width = widest(
        refundable
            .iter()
            .map(|(o, _)| o.resource_name.as_deref().unwrap_or("")),
    )
    .max(14);
    let choices: Vec<Choice> = refundable
        .iter()
        .map(|(o, q)| Choice {
            label: format!(
                "{}  {} {:>9}  {}",
                o.order_number,
                pad(o.resource_name.as_deref().unwrap_or(""), name_width),
                q.fee.with_symbol(),
                match q.policy.as_deref() {
                    Some("NO_REASON") => t!("walk-order-full-refund"),
                    Some("PRORATED") => t!("walk-order-prorated"),
                    _ => String::new(),
                }
            ),
        })
        .collect();
    p.note(&format!("   {}", t!("walk-orders-refundable")));
    let i = ctx.ask(|p| p.select(&t!("walk-ask-order"), &choices, 0))?;
    let (order, quote) = &refundable[i.min(refundable.len() - 1)];
    Ok((quote.resource_id.clone(), Some(order.order_number.clone())))
}

/// Steps 10–11: a spinner and each status change until the refund ends; on a failure or a
/// stall, the troubleshooter's fix offered as a question and done when accepted.
pub fn follow(ctx: &mut Context, client: &Client, mut refund_id: String) -> CliResult<Exit> {
    loop {
        let refund = watch(ctx, client, &refund_id)?;
        if refund.status == "SUCCESS" {
            ctx.printer.note(&ctx.printer.paint(
                Tone::Good,
                &format!(
                    "   {}",
                    t!(
                        "walk-done",
                        amount = refund.refund_amount.with_symbol(),
                        to = refund_to_text(refund.refund_channel)
                    )
                ),
            ));
            return Ok(Exit::Success);
        }
        let prefix = ctx.command_prefix();
        let Some(d) = diagnose(
            client,
            &refund,
            &Suggest { prefix: &prefix },
            ctx.support_request_id(&refund.refund_id, client),
        ) else {
            return Ok(Exit::RefundFailed);
        };
        // The guide's last section: what went wrong and how to fix it.
        stage(ctx, &t!("walk-stage-problems"));
        for line in render(&ctx.printer, &d) {
            let indent = 3 + line.len() - line.trim_start().len();
            ctx.printer.wrapped(
                line.trim_start(),
                &" ".repeat(indent),
                &" ".repeat(indent + 4),
            );
        }
        match offer_fix(ctx, client, &refund, &d)? {
            Some(id) => refund_id = id,
            None => return Ok(Exit::RefundFailed),
        }
    }
}

/// The troubleshooter's fix as a question, done when accepted: resubmit to the balance, with
/// the new amount, or again. The new refund's id when one was made.
pub fn offer_fix(
    ctx: &mut Context,
    client: &Client,
    refund: &RefundApplication,
    d: &crate::troubleshoot::Diagnosis,
) -> CliResult<Option<String>> {
    if d.superseded_by.is_some() {
        return Ok(None);
    }
    if !matches!(refund.status.as_str(), "FAILED" | "REJECTED") {
        // A stall: the reminder is the fix.
        if d.problem == "slow progress" && ctx.ask(|p| p.confirm(&t!("walk-ask-remind"), true))? {
            let r = client.remind_refund(&refund.refund_id)?;
            say(
                ctx,
                &t!("walk-reminder-sent", time = r.reminded_at.to_string()),
            );
        }
        return Ok(None);
    }
    let (question, changes) = match refund.failure_code.as_deref() {
        Some("PAYMENT_METHOD_UNSUPPORTED") => (
            t!("walk-ask-resubmit-balance"),
            SubmitArgs {
                refund_to: Some(RefundTo::Balance),
                ..SubmitArgs::default()
            },
        ),
        Some("AMOUNT_MISMATCH") => match d.new_quote {
            Some(fee) => (
                t!("walk-ask-resubmit-amount", amount = fee.with_symbol()),
                SubmitArgs {
                    amount: Some(fee),
                    ..SubmitArgs::default()
                },
            ),
            None => return Ok(None),
        },
        Some("INSUFFICIENT_BALANCE") => (t!("walk-ask-resubmit-topped-up"), SubmitArgs::default()),
        _ => (t!("walk-ask-resubmit"), SubmitArgs::default()),
    };
    if !ctx.ask(|p| p.confirm(&question, false))? {
        return Ok(None);
    }
    let args = ResubmitArgs {
        refund_id: refund.refund_id.clone(),
        changes: SubmitArgs {
            yes: true,
            ..changes
        },
    };
    let Some((id, fee, channel)) = resubmit_to(ctx, client, args)? else {
        return Ok(None);
    };
    ctx.printer.line(&id)?;
    say(
        ctx,
        &t!(
            "walk-refund-pending",
            refund = &id,
            amount = fee.with_symbol(),
            to = refund_to_text(Some(channel))
        ),
    );
    Ok(Some(id))
}

/// Polls until the refund ends, showing a spinner and each change; offers one reminder if it
/// runs past its expected finish time.
fn watch(ctx: &mut Context, client: &Client, refund_id: &str) -> CliResult<RefundApplication> {
    let p = ctx.printer.clone();
    let spinner = p.spinner(&t!("walk-asking-console"));
    let mut last = String::new();
    let mut reminded = false;
    let started = Instant::now();
    loop {
        let refund = client.refund(refund_id)?;
        if refund.status != last {
            let note = refund
                .timeline
                .last()
                .map(|t| crate::views::timeline_note(t, refund.refund_channel))
                .unwrap_or_default();
            spinner.suspend(|| {
                p.note(&format!(
                    "   {}  {}",
                    refund
                        .timeline
                        .last()
                        .map(|t| t.time)
                        .unwrap_or_else(ConsoleTime::now)
                        .0
                        .format("%H:%M:%S"),
                    p.paint(Tone::Bold, &names::refund_status(&refund.status))
                ));
                if !note.is_empty() {
                    p.wrapped(&note, "             ", "             ");
                }
            });
            last = refund.status.clone();
        }
        if is_final_status(&refund.status) {
            spinner.finish_and_clear();
            return Ok(refund);
        }
        let expected = refund.expected_finish_time.map(|t| t.millis());
        let status = names::refund_status(&refund.status);
        spinner.set_message(match refund.expected_finish_time {
            Some(t) => t!(
                "walk-watch-progress",
                status = status,
                expected = t.to_string(),
                seconds = started.elapsed().as_secs().to_string()
            ),
            None => status,
        });
        let stalled = expected.is_some_and(|e| ConsoleTime::now().millis() > e + 60_000);
        if stalled && !reminded {
            reminded = true;
            let ask = spinner.suspend(|| {
                say(ctx, &t!("walk-taking-longer"));
                ctx.prompter.confirm(&t!("walk-ask-remind"), true)
            });
            if ctx.answered(ask)? {
                let r = client.remind_refund(refund_id)?;
                spinner.suspend(|| {
                    say(
                        ctx,
                        &t!("walk-reminder-sent", time = r.reminded_at.to_string()),
                    )
                });
            }
        }
        std::thread::sleep(Duration::from_millis(1000));
    }
}
