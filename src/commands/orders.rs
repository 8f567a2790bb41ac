//! `orders`: the guide's step 2, "confirm the order information". Lists the account's orders
//! over the last 12 months (the console itself only looks back 30 days by default), splitting
//! longer ranges into windows the console accepts and streaming pages as they arrive.

use chrono::{NaiveDate, TimeZone};
use serde::Serialize;
use serde_json::json;

use crate::console::pages::read_ahead;
use crate::console::time::china;
use crate::console::types::{Order, OrderDetail, OrderPage, QueryVo};
use crate::console::{ConsoleTime, Fen};
use crate::context::Context;
use crate::error::{CliError, CliResult, Exit};
use crate::i18n::names;
use crate::printer::{pad, Listing, Printer, Tone};
use crate::t;
use crate::views::{policy_name, quote_lines_for, QuoteView};

pub const ORDER_STATUSES: [&str; 7] = [
    "PAID",
    "FAILED",
    "NO_PAY",
    "DEALING",
    "CANCELED",
    "REFUND_PART",
    "REFUND_ALL",
];
pub const PAY_TYPES: [&str; 2] = ["PRE_PAID", "POST_PAID"];
pub const CHARGE_MODES: [&str; 4] = ["CONFIG", "FLOW", "MONTHLY", "ONCE"];

const DAY_MS: i64 = 24 * 3600 * 1000;
/// The console accepts at most 366 days per query.
const WINDOW_MS: i64 = 366 * DAY_MS;
/// Without `--since`, look back this far.
const DEFAULT_LOOKBACK_MS: i64 = 365 * DAY_MS;

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub action: Option<Action>,

    #[command(flatten)]
    pub list: ListArgs,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// One order in full: payment split, resources, refund quote and policy
    Show {
        /// The order number (on a terminal, omit it to pick one)
        #[arg(value_parser = clap::builder::NonEmptyStringValueParser::new())]
        order: Option<String>,
    },
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only orders with this status
    #[arg(long, value_parser = ORDER_STATUSES, ignore_case = true)]
    pub status: Option<String>,

    /// Only prepaid or post-paid orders
    #[arg(long, value_parser = PAY_TYPES, ignore_case = true)]
    pub pay_type: Option<String>,

    /// Only orders with this charge mode
    #[arg(long, value_parser = CHARGE_MODES, ignore_case = true)]
    pub charge_mode: Option<String>,

    /// Only orders of this resource (e.g. i-demo0nrsn01)
    #[arg(long, value_name = "ID")]
    pub resource_id: Option<String>,

    /// Orders created on or after: a date (2026-01-31), a time (RFC 3339) or an age (90d) [default: 12 months ago]
    #[arg(long, value_name = "WHEN", value_parser = parse_when)]
    pub since: Option<i64>,

    /// Orders created on or before (same forms as --since) [default: now]
    #[arg(long, value_name = "WHEN", value_parser = parse_when)]
    pub until: Option<i64>,

    /// Page number, from 1
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    pub page: u32,

    /// Orders per page (1 to 100)
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub page_size: u32,

    /// Every page, streamed as it arrives
    #[arg(long, conflicts_with = "page")]
    pub all: bool,
}

/// `2026-01-31` (midnight, China time), an RFC 3339 time, or an age such as `90d`.
pub fn parse_when(text: &str) -> Result<i64, String> {
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        let invalid = || t!("orders-bad-date", text = text);
        let midnight = date.and_hms_opt(0, 0, 0).ok_or_else(invalid)?;
        return china()
            .from_local_datetime(&midnight)
            .single()
            .map(|t| t.timestamp_millis())
            .ok_or_else(invalid);
    }
    if let Some(t) = ConsoleTime::parse(text) {
        return Ok(t.millis());
    }
    if let Ok(age) = humantime::parse_duration(text) {
        return Ok(chrono::Utc::now().timestamp_millis() - age.as_millis() as i64);
    }
    Err(t!("orders-bad-when", text = text))
}

/// One order as the tool shows it in JSON: the documented, stable schema.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderView {
    pub order_number: String,
    pub resource_id: Option<String>,
    pub resource_name: Option<String>,
    pub product: Option<String>,
    pub region_id: Option<String>,
    pub charge_mode: Option<String>,
    pub order_type: Option<String>,
    pub pay_type: Option<String>,
    pub status: Option<String>,
    pub total_fee: Fen,
    pub discount_fee: Fen,
    pub actual_fee: Fen,
    pub create_time: Option<String>,
    pub pay_time: Option<String>,
}

impl From<&Order> for OrderView {
    fn from(o: &Order) -> OrderView {
        OrderView {
            order_number: o.order_number.clone(),
            resource_id: o.resource_id.clone(),
            resource_name: o.resource_name.clone(),
            product: product(o),
            region_id: o.region_id.clone(),
            charge_mode: o.charge_mode.clone(),
            order_type: o.order_type.clone(),
            pay_type: o.pay_type.clone(),
            status: o.status.clone(),
            total_fee: o.total_fee,
            discount_fee: o.discount_fee,
            actual_fee: o.actual_fee,
            create_time: o.create_time.map(ConsoleTime::iso),
            pay_time: o.pay_time.map(ConsoleTime::iso),
        }
    }
}

/// A charge duration's unit (`MONTH`...), as a person says it.
fn unit(code: Option<&str>) -> String {
    match code {
        Some("HOUR") => t!("orders-unit-hour"),
        Some("DAY") => t!("orders-unit-day"),
        Some("MONTH") => t!("orders-unit-month"),
        Some("YEAR") => t!("orders-unit-year"),
        other => other.unwrap_or("").to_string(),
    }
}

fn product(o: &Order) -> Option<String> {
    o.service_name.clone().or_else(|| o.app_name.clone())
}

pub fn run(args: Args, ctx: &mut Context) -> CliResult<Exit> {
    match args.action {
        Some(Action::Show { order: Some(order) }) => show(ctx, &order),
        Some(Action::Show { order: None }) if ctx.interactive() => {
            let order = pick(ctx)?;
            show(ctx, &order)
        }
        Some(Action::Show { order: None }) => Err(CliError::usage(t!(
            "orders-show-needs-order",
            prefix = ctx.command_prefix()
        ))),
        None => list(args.list, ctx),
    }
}

/// On a terminal: one of the last 12 months' orders, picked by the person.
fn pick(ctx: &mut Context) -> CliResult<String> {
    let client = ctx.client()?;
    let now = chrono::Utc::now().timestamp_millis();
    let page = client.query_orders(&QueryVo {
        start_time: Some(now - DEFAULT_LOOKBACK_MS),
        end_time: Some(now),
        page_size: Some(100),
        ..QueryVo::default()
    })?;
    if page.result_list.is_empty() {
        return Err(CliError::new(Exit::NotFound, t!("orders-none-in-year")));
    }
    let choices: Vec<crate::prompt::Choice> = page
        .result_list
        .iter()
        .map(|o| crate::prompt::Choice {
            label: format!(
                "{}  {} {:>10}  {}",
                o.order_number,
                pad(o.resource_name.as_deref().unwrap_or(""), 14),
                o.actual_fee.with_symbol(),
                o.status
                    .as_deref()
                    .map(names::order_status)
                    .unwrap_or_default()
            ),
        })
        .collect();
    let i = ctx.ask(|p| p.select(&t!("orders-pick"), &choices, 0))?;
    Ok(page.result_list[i.min(page.result_list.len() - 1)]
        .order_number
        .clone())
}

/// One order's detail; "not found" says where to find the user's orders.
pub fn query_order(
    client: &crate::console::Client,
    number: &str,
    prefix: &str,
) -> CliResult<OrderDetail> {
    client.query_order(number).map_err(|e| {
        CliError::or_not_found(e, || {
            t!("orders-not-found", number = number, prefix = prefix)
        })
    })
}

/// The detail of one order: what the guide's step 2 looks at, with step 3's quote.
fn show(ctx: &mut Context, number: &str) -> CliResult<Exit> {
    let client = ctx.client()?;
    let detail = query_order(&client, number, &ctx.command_prefix())?;
    let o = &detail.order;
    let resource = o
        .resource_id
        .clone()
        .or_else(|| detail.order_item_details.first().map(|i| i.item_id.clone()));
    let quote = match &resource {
        Some(r) => Some(client.refund_quote(r, None, None)?),
        None => None,
    };
    let p = ctx.printer.clone();
    if p.is_json() {
        let items: Vec<_> = detail
            .order_item_details
            .iter()
            .map(|i| {
                json!({
                    "resourceId": i.item_id,
                    "name": i.item_name,
                    "status": i.status,
                    "chargeDuration": i.charge_duration,
                    "unit": i.unit,
                    "expireTime": i.expire_date_after.map(ConsoleTime::iso),
                    "actualFee": i.actual_fee,
                })
            })
            .collect();
        let mut order = serde_json::to_value(OrderView::from(o))
            .map_err(|e| CliError::failure(e.to_string()))?;
        if let Some(map) = order.as_object_mut() {
            map.insert("paidFee".into(), json!(detail.paid_fee));
            map.insert("moneyPay".into(), json!(detail.money_pay));
            map.insert("balancePay".into(), json!(detail.balance_pay));
            map.insert("couponFee".into(), json!(detail.favorable_fee));
            map.insert("refundFee".into(), json!(detail.refund_fee));
            map.insert("paymentChannel".into(), json!(detail.payment_channel));
            map.insert("invoiceIssued".into(), json!(detail.invoice_issued));
            map.insert("items".into(), json!(items));
        }
        p.json(&json!({
            "order": order,
            "quote": quote.as_ref().map(|q| QuoteView::new(q, None)),
            "policy": quote.as_ref().map(|q| json!({
                "policy": q.policy,
                "name": policy_name(q.policy.as_deref()),
            })),
        }))?;
        return Ok(Exit::Success);
    }
    let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    let name = |v: &Option<String>, f: fn(&str) -> String| v.as_deref().map_or("-".into(), f);
    p.line(&t!(
        "orders-show-title",
        number = &o.order_number,
        status = p.paint(Tone::Bold, &name(&o.status, names::order_status))
    ))?;
    p.line(&format!(
        "  {}",
        t!(
            "orders-show-what",
            product = names::product(o.app_code.as_deref(), product(o).as_deref()),
            name = dash(&o.resource_name),
            region = dash(&o.region_id),
            charge = name(&o.charge_mode, names::charge_mode),
            pay = name(&o.pay_type, names::pay_type),
            kind = name(&o.order_type, names::order_type)
        )
    ))?;
    let created = o.create_time.map_or("-".into(), |t| t.to_string());
    let when = match o.pay_time {
        Some(paid) => t!(
            "orders-show-when",
            created = created,
            paid = paid.to_string()
        ),
        None => t!("orders-show-when-unpaid", created = created),
    };
    p.line(&format!("  {when}"))?;
    p.line(&format!(
        "  {}",
        t!(
            "orders-show-money",
            total = o.total_fee.with_symbol(),
            discount = o.discount_fee.with_symbol(),
            paid = o.actual_fee.with_symbol(),
            cash = detail.money_pay.with_symbol(),
            balance = detail.balance_pay.with_symbol(),
            coupons = detail.favorable_fee.with_symbol(),
            channel = name(&detail.payment_channel, names::payment_channel)
        )
    ))?;
    if detail.refund_fee > Fen::ZERO {
        let refunded = detail.refund_fee.with_symbol();
        p.line(&format!(
            "  {}",
            t!("orders-show-refunded", amount = refunded)
        ))?;
    }
    if detail.invoice_issued == Some(true) {
        p.line(&format!("  {}", t!("orders-show-invoice")))?;
    }
    p.line(&format!("  {}", t!("orders-show-resources")))?;
    for i in &detail.order_item_details {
        let until = i.expire_date_after.map_or("-".into(), |t| t.to_string());
        p.line(&format!(
            "    {}  {}  {}  {}",
            i.item_id,
            i.item_name.as_deref().unwrap_or(""),
            i.status
                .as_deref()
                .map(names::item_status)
                .unwrap_or_default(),
            t!(
                "orders-show-term",
                duration = i.charge_duration.map(|d| d.to_string()).unwrap_or_default(),
                unit = unit(i.unit.as_deref()),
                until = until
            )
        ))?;
    }
    if let Some(q) = &quote {
        p.line("")?;
        for line in quote_lines_for(&p, q, None, Some(o)) {
            p.line(&line)?;
        }
        if q.refundable {
            p.note(&t!(
                "orders-apply-hint",
                prefix = ctx.command_prefix(),
                number = &o.order_number
            ));
        }
    }
    Ok(Exit::Success)
}

fn list(args: ListArgs, ctx: &mut Context) -> CliResult<Exit> {
    let now = chrono::Utc::now().timestamp_millis();
    let until = args.until.unwrap_or(now);
    let since = args.since.unwrap_or(until - DEFAULT_LOOKBACK_MS);
    if since > until {
        return Err(CliError::usage(t!("orders-since-after-until")));
    }
    let client = ctx.client()?;
    let filter = QueryVo {
        charge_mode: args.charge_mode.as_deref().map(str::to_uppercase),
        pay_type: args.pay_type.as_deref().map(str::to_uppercase),
        status: args.status.as_deref().map(str::to_uppercase),
        resource_id: args.resource_id.clone(),
        ..QueryVo::default()
    };
    let printer = ctx.printer.clone();
    let mut out = Output::new(&printer);
    let windows = windows(since, until);
    if !args.all && windows.len() == 1 {
        // The common case: the console pages for us.
        let (start, end) = windows[0];
        let page = client.query_orders(&QueryVo {
            start_time: Some(start),
            end_time: Some(end),
            page_number: Some(args.page),
            page_size: Some(args.page_size),
            ..filter
        })?;
        out.orders(&page.result_list)?;
        let before = u64::from(args.page - 1) * u64::from(args.page_size);
        out.finish(
            before + page.result_list.len() as u64,
            Some(page.total_count),
            args.page,
        )?;
        return Ok(Exit::Success);
    }
    // Several windows, or every page: stream window by window, page by page, the next pages
    // fetched while this one prints.
    let (skip, take) = if args.all {
        (0, u64::MAX)
    } else {
        (
            u64::from(args.page - 1) * u64::from(args.page_size),
            u64::from(args.page_size),
        )
    };
    let mut windows = windows.into_iter();
    let mut window = windows.next();
    let mut number = 1;
    let next = || -> CliResult<Option<(bool, OrderPage)>> {
        let Some((start, end)) = window else {
            return Ok(None);
        };
        let page = client.query_orders(&QueryVo {
            start_time: Some(start),
            end_time: Some(end),
            page_number: Some(number),
            page_size: Some(100),
            ..filter.clone()
        })?;
        let first = number == 1;
        if page.result_list.is_empty() || u64::from(number) >= page.total_page {
            window = windows.next();
            number = 1;
        } else {
            number += 1;
        }
        Ok(Some((first, page)))
    };
    let (mut seen, mut shown, mut total) = (0u64, 0u64, 0u64);
    read_ahead(next, |(first, page)| {
        if first {
            total += page.total_count;
        }
        let from = skip.saturating_sub(seen).min(page.result_list.len() as u64) as usize;
        let wanted = &page.result_list[from..];
        let wanted = &wanted[..wanted.len().min((take - shown) as usize)];
        seen += page.result_list.len() as u64;
        shown += wanted.len() as u64;
        out.orders(wanted)?;
        Ok(shown < take)
    })?;
    let total = if args.all { Some(total) } else { None };
    out.finish(skip + shown, total, args.page)?;
    Ok(Exit::Success)
}

/// `[since, until]` cut into windows of at most 366 days, newest first (orders come newest
/// first, so the stream stays in order).
pub fn windows(since: i64, until: i64) -> Vec<(i64, i64)> {
    let mut out = Vec::new();
    let mut end = until;
    loop {
        let start = (end - WINDOW_MS + 1).max(since);
        out.push((start, end));
        if start <= since {
            return out;
        }
        end = start - 1;
    }
}

/// The orders table (or JSON), written as pages arrive.
struct Output<'p> {
    printer: &'p Printer,
    listing: Listing<'p>,
}

impl<'p> Output<'p> {
    fn new(printer: &'p Printer) -> Output<'p> {
        let headers = [
            t!("orders-col-order"),
            t!("orders-col-resource"),
            t!("orders-col-name"),
            t!("orders-col-product"),
            t!("orders-col-charge"),
            t!("orders-col-pay-type"),
            t!("orders-col-paid"),
            t!("orders-col-status"),
            t!("orders-col-created"),
        ];
        Output {
            printer,
            listing: Listing::new(printer, "orders", headers),
        }
    }

    fn orders(&mut self, orders: &[Order]) -> CliResult<()> {
        self.listing.page(
            orders,
            |o: &Order| OrderView::from(o),
            |o: &Order| {
                let tone = match o.status.as_deref() {
                    Some("PAID") => Tone::Plain,
                    _ => Tone::Dim,
                };
                let name = |v: &Option<String>, f: fn(&str) -> String| {
                    v.as_deref().map(f).unwrap_or_default()
                };
                let cells = vec![
                    o.order_number.clone(),
                    o.resource_id.clone().unwrap_or_default(),
                    o.resource_name.clone().unwrap_or_default(),
                    names::product(o.app_code.as_deref(), product(o).as_deref()),
                    name(&o.charge_mode, names::charge_mode),
                    name(&o.pay_type, names::pay_type),
                    o.actual_fee.to_string(),
                    name(&o.status, names::order_status),
                    o.create_time
                        .map(|t| t.0.format("%Y-%m-%d").to_string())
                        .unwrap_or_default(),
                ];
                (cells, tone)
            },
        )?;
        Ok(())
    }

    /// Closes the output. `through` is the position of the last order shown; `total` the
    /// number of matching orders, when known.
    fn finish(&mut self, through: u64, total: Option<u64>, page: u32) -> CliResult<()> {
        self.listing.finish(total)?;
        if self.printer.is_json() {
            return Ok(());
        }
        if self.listing.count() == 0 {
            self.printer.note(&t!("orders-none-match"));
        } else if total.is_none_or(|t| through < t) {
            self.printer
                .note(&t!("orders-more-follow", page = (page + 1).to_string()));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_cover_the_range_newest_first() {
        let day = DAY_MS;
        assert_eq!(windows(0, 10 * day), vec![(0, 10 * day)]);
        let w = windows(0, 800 * day);
        assert_eq!(w.len(), 3);
        assert_eq!(w[0].1, 800 * day);
        assert_eq!(w.last().unwrap().0, 0);
        for pair in w.windows(2) {
            assert_eq!(pair[1].1 + 1, pair[0].0, "contiguous");
        }
        for (s, e) in w {
            assert!(e - s < WINDOW_MS);
        }
    }

    #[test]
    fn when_accepts_dates_times_and_ages() {
        assert_eq!(
            parse_when("2026-11-27").unwrap(),
            ConsoleTime::parse("2026-11-27 00:00:00").unwrap().millis()
        );
        assert!(parse_when("2026-11-27T10:00:00+08:00").is_ok());
        let ago = parse_when("90d").unwrap();
        assert!(ago < chrono::Utc::now().timestamp_millis() - 89 * DAY_MS);
        assert!(parse_when("last tuesday").is_err());
    }
}
