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
use crate::printer::Tone;
use crate::prompt::Choice;
use crate::troubleshoot::{diagnose, render, Suggest};
use crate::views::{policy_name, quote_lines, refund_to_text};

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

fn stage(ctx: &Context, zh: &str, en: &str) {
    let p = &ctx.printer;
    p.note("");
    p.note(&p.paint(Tone::Bold, &format!("━━ {zh} · {en} ━━")));
}

fn step(ctx: &Context, n: &str, zh: &str, en: &str) {
    let p = &ctx.printer;
    p.note(&p.paint(Tone::Bold, &format!("{n}. {zh} — {en}")));
}

fn say(ctx: &Context, text: &str) {
    ctx.printer.wrapped(text, "   ", "   ");
}

pub fn refund(ctx: &mut Context, args: SubmitArgs) -> CliResult<Exit> {
    stage(ctx, "准备工作", "Preparation");
    step(ctx, "1", "登录京东云控制台", "Log in");
    ensure_logged_in(ctx)?;
    let client = ctx.client()?;
    finish_pending(ctx, &client)?;

    step(ctx, "2", "确认订单信息", "Confirm the order");
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

    step(ctx, "3", "了解退款政策", "Read the refund policy");
    let mut area = if args.include_coupons { 2 } else { 1 };
    let first_channel = args.refund_to.unwrap_or(RefundTo::Original).channel();
    let mut quote = client.refund_quote(&resource_id, Some(first_channel as u8), Some(area))?;
    let policy = client.refund_policy()?;
    let chinese = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .is_some_and(|v| v.starts_with("zh"));
    let text = match (&policy.text_zh, chinese) {
        (Some(zh), true) => zh.clone(),
        _ => policy.text.clone(),
    };
    say(ctx, &format!("Policy {}: {text}", policy.version));
    for line in quote_lines(&ctx.printer, &quote, Some(first_channel)) {
        ctx.printer.wrapped(&line, "   ", "       ");
    }
    if !quote.refundable {
        return Err(CliError::new(
            Exit::Refused,
            format!(
                "resource {resource_id} is not refundable: {}",
                quote
                    .not_refundable_reason
                    .as_deref()
                    .unwrap_or("no reason given")
            ),
        ));
    }
    if !ctx.ask(|p| p.confirm("I have read the policy and the quote. Continue?", true))? {
        ctx.printer.note("Nothing was submitted.");
        return Ok(Exit::Success);
    }

    step(ctx, "4", "准备相关资料", "Prepare documents");
    let mut documents = args
        .attach
        .iter()
        .map(|p| read_document(p))
        .collect::<CliResult<Vec<_>>>()?;
    let attach_kind = if quote.requires_invoice_return && documents.is_empty() {
        say(
            ctx,
            "The invoice for this order was issued, so it must be returned with the application.",
        );
        loop {
            let path = ctx.ask(|p| {
                p.input(
                    "Invoice file (PDF, PNG or JPEG; at most 5 MiB)",
                    None,
                    &|t: &str| check_document(std::path::Path::new(t.trim())).map(|_| ()),
                )
            })?;
            documents.push(read_document(std::path::Path::new(path.trim()))?);
            if !ctx.ask(|p| p.confirm("Add another document?", false))? {
                break;
            }
        }
        AttachKind::Invoice
    } else {
        if documents.is_empty() {
            say(ctx, "No documents are needed for this order.");
        } else {
            say(
                ctx,
                &format!(
                    "{} document(s) will be sent with the application.",
                    documents.len()
                ),
            );
        }
        args.attach_kind
    };

    step(ctx, "5", "联系客服咨询", "Ask support when unsure");
    say(ctx, "Unsure about anything? Ask JD Cloud support:");
    for c in &policy.support_channels {
        say(ctx, &format!("  {}", crate::views::channel_line(c)));
    }

    stage(ctx, "提交退款申请", "Submit the application");
    step(ctx, "6", "进入退款页面", "Open the refund page");
    say(
        ctx,
        &format!(
            "Refunding order {} (resource {resource_id}).",
            order_number
                .clone()
                .or_else(|| quote.order_numbers.first().cloned())
                .unwrap_or_else(|| "?".into())
        ),
    );

    step(ctx, "7", "填写退款信息", "Fill in the refund");
    let fee = quote.fee;
    let mut amount = match args.amount {
        Some(a) => a,
        None => {
            let text = ctx.ask(|p| {
                p.input(
                    "Refund amount (yuan)",
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
            p.input("Reason, in your words", None, &|t: &str| {
                if t.trim().is_empty() {
                    Err("say why in a few words".into())
                } else {
                    Ok(())
                }
            })
        })?),
        (None, _) => None,
    };
    let name = match &args.contact_name {
        Some(n) => Some(n.clone()),
        None => Some(ctx.ask(|p| p.input("Contact name (Enter to skip)", None, &|_| Ok(())))?)
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
                say(
                    ctx,
                    "This order was paid offline, and offline payments can only be refunded to the account balance.",
                );
            }
            let choices = [
                Choice {
                    label: "Original payment method (原路退回)".into(),
                },
                Choice {
                    label: "Account balance (退至账户余额)".into(),
                },
            ];
            let default = usize::from(offline);
            match ctx.ask(|p| p.select("Where should the money go?", &choices, default))? {
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
                    &format!(
                        "Also refund the coupon share ({})?",
                        with.coupon_fee.with_symbol()
                    ),
                    false,
                )
            })?
        {
            area = 2;
            amount = with.fee;
            say(
                ctx,
                &format!("The refund is now {}.", with.fee.with_symbol()),
            );
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

    step(ctx, "8", "确认信息的准确性后提交", "Check, then submit");
    let contact_text = [
        contact.name.clone(),
        contact.phone.clone(),
        contact.email.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    for line in [
        format!(
            "Order:       {}",
            order_number
                .clone()
                .or_else(|| quote.order_numbers.first().cloned())
                .unwrap_or_default()
        ),
        format!(
            "Resource:    {resource_id}{}",
            resource_name
                .as_deref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default()
        ),
        format!(
            "Amount:      {} ({})",
            quote.fee.with_symbol(),
            policy_name(quote.policy.as_deref())
        ),
        format!("To:          {}", refund_to_text(Some(channel))),
        format!(
            "Reason:      {}{}",
            reason_label(reason),
            reason_text
                .as_deref()
                .map(|t| format!(": {t}"))
                .unwrap_or_default()
        ),
        format!("Contact:     {contact_text}"),
        format!(
            "Documents:   {}",
            if documents.is_empty() {
                "none".to_string()
            } else {
                documents
                    .iter()
                    .map(|d| d.name.clone())
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        ),
    ] {
        ctx.printer.wrapped(&line, "   ", "                ");
    }
    if !ctx.ask(|p| p.confirm("Submit this refund?", false))? {
        ctx.printer.note("Nothing was submitted.");
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

    stage(ctx, "等待审核结果", "Wait for the review");
    step(ctx, "9", "生成退款申请记录", "The application is recorded");
    ctx.printer.line(&refund_id)?;
    say(
        ctx,
        &format!(
            "Refund {refund_id}: {} to {}, pending approval.",
            quote.fee.with_symbol(),
            refund_to_text(Some(channel))
        ),
    );
    step(ctx, "10", "查询状态", "Check its status");
    if !ctx.ask(|p| p.confirm("Watch it until it finishes?", true))? {
        say(
            ctx,
            &format!(
                "Check it any time with `jdc-refund {}status {refund_id}`.",
                ctx.command_prefix()
            ),
        );
        return Ok(Exit::Success);
    }
    step(ctx, "11", "等待处理", "Wait while it is processed");
    follow(ctx, &client, refund_id)
}

fn amount_matches(text: &str, fee: Fen) -> Result<(), String> {
    let amount: Fen = text
        .parse()
        .map_err(|e: crate::console::money::MoneyError| e.to_string())?;
    if amount == fee {
        Ok(())
    } else {
        Err(format!(
            "{} differs from the quote {}: check for a typo",
            amount.with_symbol(),
            fee.with_symbol()
        ))
    }
}

fn reason_label(r: Reason) -> &'static str {
    match r {
        Reason::NotWanted => "不想要了 no longer wanted",
        Reason::UnmetNeeds => "不满足需求 does not meet my needs",
        Reason::PoorOperation => "操作体验差 poor operation experience",
        Reason::PoorService => "服务差 poor service",
        Reason::Other => "其他 other",
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
            label: reason_label(*r).into(),
        })
        .collect();
    let i = ctx.ask(|p| p.select("Reason for the refund", &choices, 0))?;
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
        phone = Some(ctx.ask(|p| {
            p.input(
                "Contact phone (Enter to skip)",
                None,
                &optional(parse_phone),
            )
        })?)
        .filter(|p| !p.is_empty());
    }
    if email.is_none() {
        let required = phone.is_none();
        let prompt = if required {
            "Contact email (a phone or an email is needed)"
        } else {
            "Contact email (Enter to skip)"
        };
        let check = move |t: &str| {
            if t.trim().is_empty() {
                if required {
                    Err("a phone or an email is needed, so support can reach you".to_string())
                } else {
                    Ok(())
                }
            } else {
                parse_email(t).map(|_| ())
            }
        };
        email = Some(ctx.ask(|p| p.input(prompt, None, &check))?).filter(|e| !e.is_empty());
    }
    Ok((phone, email))
}

/// Step 1: signed in already, or offered to sign in right here.
fn ensure_logged_in(ctx: &mut Context) -> CliResult<()> {
    match ctx.credentials() {
        Ok((_, source)) => {
            let who = match source {
                crate::context::CredentialSource::Environment => {
                    "the key in JDC_ACCESS_KEY".to_string()
                }
                crate::context::CredentialSource::Profile(c) => c
                    .account
                    .unwrap_or_else(|| crate::config::mask(&c.access_key)),
                crate::context::CredentialSource::SandboxDemo => "demo (sandbox)".to_string(),
            };
            say(ctx, &format!("Signed in as {who}."));
            Ok(())
        }
        Err(e) if e.exit == Exit::Auth => {
            say(ctx, &e.message);
            if !ctx.ask(|p| p.confirm("Log in now?", true))? {
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
    let spinner = ctx.printer.spinner("Looking at your orders…");
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
            others.push((o, "names no resource".into()));
            continue;
        };
        spinner.set_message(format!("Checking order {}…", o.order_number));
        match client.refund_quote(&resource, None, None) {
            Ok(q) if q.refundable => refundable.push((o, q)),
            Ok(q) => others.push((
                o,
                q.not_refundable_reason
                    .unwrap_or_else(|| "not refundable".into()),
            )),
            Err(e) => others.push((o, e.to_string())),
        }
    }
    spinner.finish_and_clear();
    let p = ctx.printer.clone();
    if !others.is_empty() {
        p.note("   Not refundable:");
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
            "none of your orders from the last 12 months can be refunded",
        ));
    }
    let choices: Vec<Choice> = refundable
        .iter()
        .map(|(o, q)| Choice {
            label: format!(
                "{}  {:<14} {:>9}  {}",
                o.order_number,
                o.resource_name.as_deref().unwrap_or(""),
                q.fee.with_symbol(),
                match q.policy.as_deref() {
                    Some("NO_REASON") => "full refund",
                    Some("PRORATED") => "prorated",
                    _ => "",
                }
            ),
        })
        .collect();
    p.note("   Refundable (type to search, Enter to choose):");
    let i = ctx.ask(|p| p.select("Which order?", &choices, 0))?;
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
                    "   Done: {} refunded to {}.",
                    refund.refund_amount.with_symbol(),
                    refund_to_text(refund.refund_channel)
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
        if d.problem == "slow progress"
            && ctx.ask(|p| p.confirm("Send a reminder to the console?", true))?
        {
            let r = client.remind_refund(&refund.refund_id)?;
            say(ctx, &format!("Reminder sent at {}.", r.reminded_at));
        }
        return Ok(None);
    }
    let (question, changes) = match refund.failure_code.as_deref() {
        Some("PAYMENT_METHOD_UNSUPPORTED") => (
            "Resubmit to your account balance instead?".to_string(),
            SubmitArgs {
                refund_to: Some(RefundTo::Balance),
                ..SubmitArgs::default()
            },
        ),
        Some("AMOUNT_MISMATCH") => match d.new_quote {
            Some(fee) => (
                format!("Resubmit with the new amount {}?", fee.with_symbol()),
                SubmitArgs {
                    amount: Some(fee),
                    ..SubmitArgs::default()
                },
            ),
            None => return Ok(None),
        },
        Some("INSUFFICIENT_BALANCE") => (
            "Resubmit now (after topping up the balance)?".to_string(),
            SubmitArgs::default(),
        ),
        _ => ("Resubmit it?".to_string(), SubmitArgs::default()),
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
        &format!(
            "Refund {id}: {} to {}, pending approval.",
            fee.with_symbol(),
            refund_to_text(Some(channel))
        ),
    );
    Ok(Some(id))
}

/// Polls until the refund ends, showing a spinner and each change; offers one reminder if it
/// runs past its expected finish time.
fn watch(ctx: &mut Context, client: &Client, refund_id: &str) -> CliResult<RefundApplication> {
    let p = ctx.printer.clone();
    let spinner = p.spinner("asking the console…");
    let mut last = String::new();
    let mut reminded = false;
    let started = Instant::now();
    loop {
        let refund = client.refund(refund_id)?;
        if refund.status != last {
            let note = refund
                .timeline
                .last()
                .and_then(|t| t.note.clone())
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
                    p.paint(Tone::Bold, &refund.status)
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
        spinner.set_message(match refund.expected_finish_time {
            Some(t) => format!(
                "{} · expected by {t} · {}s",
                refund.status,
                started.elapsed().as_secs()
            ),
            None => refund.status.clone(),
        });
        let stalled = expected.is_some_and(|e| ConsoleTime::now().millis() > e + 60_000);
        if stalled && !reminded {
            reminded = true;
            let ask = spinner.suspend(|| {
                say(ctx, "This is taking longer than expected (support may be busy, or the console under maintenance).");
                ctx.prompter.confirm("Send a reminder to the console?", true)
            });
            if ctx.answered(ask)? {
                let r = client.remind_refund(refund_id)?;
                spinner.suspend(|| say(ctx, &format!("Reminder sent at {}.", r.reminded_at)));
            }
        }
        std::thread::sleep(Duration::from_millis(1000));
    }
}
