//! What the tool shows of the console's objects: the stable JSON schema documented in the
//! README (money as two-decimal strings, times ISO 8601 with offset) and the human text.

use serde::Serialize;

use crate::console::types::{
    Order, Quote, RefundApplication, RefundPolicy, SupportChannel, TimelineEntry,
};
use crate::console::{ConsoleTime, Fen};
use crate::printer::{label, pad, widest, Printer, Tone};
use crate::t;

fn iso(t: Option<ConsoleTime>) -> Option<String> {
    t.map(ConsoleTime::iso)
}

/// Where the money goes, in the words of `--refund-to`.
pub fn refund_to(channel: Option<i64>) -> &'static str {
    match channel {
        Some(2) => "balance",
        _ => "original",
    }
}

/// Where the money goes, as a person reads it ("to {this}").
pub fn refund_to_text(channel: Option<i64>) -> String {
    match channel {
        Some(2) => t!("view-to-balance"),
        _ => t!("view-to-original"),
    }
}

/// Text the console wrote (a timeline note, a reason, opening hours), for a person: as it
/// came, unless the reader reads Chinese and the console wrote English words and no Chinese
/// (the sandbox speaks English). Then `None`, and the caller says it in its own words.
pub fn console_text(text: &str) -> Option<&str> {
    let english = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.len() >= 3);
    if crate::i18n::is_zh() && english && !crate::i18n::has_chinese(text, true) {
        None
    } else {
        Some(text)
    }
}

/// A timeline entry's note as the console wrote it, or, when the console wrote it in a
/// language the reader does not read, what the status means in theirs.
pub fn timeline_note(entry: &TimelineEntry, channel: Option<i64>) -> String {
    let Some(note) = entry.note.as_deref().filter(|n| !n.is_empty()) else {
        return String::new();
    };
    if let Some(note) = console_text(note) {
        return note.to_string();
    }
    match entry.status.as_str() {
        "PENDING_APPROVAL" => t!("walk-note-pending"),
        "PROCESSING" => t!("walk-note-processing"),
        "SUCCESS" => t!("walk-note-success", to = refund_to_text(channel)),
        "FAILED" => t!("walk-note-failed"),
        "REJECTED" => t!("walk-note-rejected"),
        "CANCELED" => t!("walk-note-canceled"),
        _ => String::new(),
    }
}

/// Why an order cannot be refunded, in the reader's language: the console's reason, or, when
/// the console said it in another language, what the order itself shows.
pub fn not_refundable_text(reason: Option<&str>, order: Option<&Order>) -> String {
    if let Some(r) = reason.and_then(console_text) {
        return r.to_string();
    }
    if reason.is_none() {
        return t!("view-no-reason");
    }
    let status = order.and_then(|o| o.status.as_deref());
    let pay_type = order.and_then(|o| o.pay_type.as_deref());
    match (status, pay_type) {
        (Some("NO_PAY"), _) => t!("view-why-not-paid"),
        (Some("REFUND_ALL"), _) => t!("view-why-refunded"),
        (Some("CANCELED"), _) => t!("view-why-canceled"),
        (Some("FAILED"), _) => t!("view-why-payment-failed"),
        (_, Some("POST_PAID")) => t!("view-why-post-paid"),
        _ => t!("view-why-other"),
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Split {
    pub cash: Fen,
    pub balance: Fen,
    pub coupon: Fen,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimelineView {
    pub status: String,
    pub time: String,
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundView {
    pub refund_id: String,
    pub order_number: Option<String>,
    pub resource_id: String,
    pub amount: Fen,
    pub status: String,
    pub refund_to: &'static str,
    pub split: Split,
    pub create_time: Option<String>,
    pub update_time: Option<String>,
    pub expected_finish_time: Option<String>,
    pub failure_code: Option<String>,
    pub failure_message: Option<String>,
    pub timeline: Vec<TimelineView>,
}

impl From<&RefundApplication> for RefundView {
    fn from(r: &RefundApplication) -> RefundView {
        let sum = |f: fn(&crate::console::types::RefundItem) -> Fen| {
            Fen::from_fen(r.items.iter().map(|i| f(i).fen()).sum())
        };
        RefundView {
            refund_id: r.refund_id.clone(),
            order_number: r.order_number.clone(),
            resource_id: r.resource_id.clone(),
            amount: r.refund_amount,
            status: r.status.clone(),
            refund_to: refund_to(r.refund_channel),
            split: Split {
                cash: sum(|i| i.cash_refund_fee),
                balance: sum(|i| i.balance_refund_fee),
                coupon: sum(|i| i.coupon_refund_fee),
            },
            create_time: iso(r.create_time),
            update_time: iso(r.update_time),
            expected_finish_time: iso(r.expected_finish_time),
            failure_code: r.failure_code.clone(),
            failure_message: r.failure_message.clone(),
            timeline: r
                .timeline
                .iter()
                .map(|t| TimelineView {
                    status: t.status.clone(),
                    time: t.time.iso(),
                    note: t.note.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuoteView {
    pub resource_id: String,
    pub order_numbers: Vec<String>,
    pub refundable: bool,
    pub policy: Option<String>,
    pub not_refundable_reason: Option<String>,
    pub amount: Fen,
    pub split: Split,
    pub refund_to: &'static str,
    pub requires_invoice_return: bool,
    pub quoted_at: Option<String>,
    pub valid_until: Option<String>,
}

impl QuoteView {
    pub fn new(q: &Quote, channel: Option<i64>) -> QuoteView {
        QuoteView {
            resource_id: q.resource_id.clone(),
            order_numbers: q.order_numbers.clone(),
            refundable: q.refundable,
            policy: q.policy.clone(),
            not_refundable_reason: q.not_refundable_reason.clone(),
            amount: q.fee,
            split: Split {
                cash: q.cash_fee,
                balance: q.balance_fee,
                coupon: q.coupon_fee,
            },
            refund_to: refund_to(channel),
            requires_invoice_return: q.requires_invoice_return,
            quoted_at: iso(q.quoted_at),
            valid_until: iso(q.valid_until),
        }
    }
}

/// The policy's name as `--json` gives it (a stable value: English whatever the language);
/// people read [`policy_text`].
pub fn policy_name(policy: Option<&str>) -> &'static str {
    match policy {
        Some("NO_REASON") => "in full, within 5 days of payment",
        Some("PRORATED") => "the unused share of the term, pro rata",
        Some("NONE") => "no refund",
        _ => "the console's policy",
    }
}

/// The refund policy a quote follows, as a person reads it.
pub fn policy_text(policy: Option<&str>) -> String {
    match policy {
        Some("NO_REASON") => t!("view-policy-no-reason"),
        Some("PRORATED") => t!("view-policy-prorated"),
        Some("NONE") => t!("view-policy-none"),
        _ => t!("view-policy-console"),
    }
}

/// The quote as a person reads it: refundable or not, why, how much, split, to where.
pub fn quote_lines(p: &Printer, q: &Quote, channel: Option<i64>) -> Vec<String> {
    quote_lines_for(p, q, channel, None)
}

/// [`quote_lines`], with the order the quote is for when known (to say why it cannot be
/// refunded when the console said it in another language).
pub fn quote_lines_for(
    p: &Printer,
    q: &Quote,
    channel: Option<i64>,
    order: Option<&Order>,
) -> Vec<String> {
    let mut lines = Vec::new();
    if !q.refundable {
        lines.push(t!(
            "view-quote-not-refundable-line",
            label = p.paint(Tone::Bad, &t!("view-quote-not-refundable")),
            reason = not_refundable_text(q.not_refundable_reason.as_deref(), order)
        ));
        return lines;
    }
    lines.push(t!(
        "view-quote-refundable",
        amount = p.paint(Tone::Bold, &q.fee.with_symbol()),
        policy = policy_text(q.policy.as_deref())
    ));
    let mut parts = vec![t!("view-split-cash", amount = q.cash_fee.with_symbol())];
    parts.push(t!(
        "view-split-balance",
        amount = q.balance_fee.with_symbol()
    ));
    if q.coupon_fee > Fen::ZERO {
        parts.push(t!(
            "view-split-coupons",
            amount = q.coupon_fee.with_symbol()
        ));
    }
    // The labels line up by terminal columns, whatever the language.
    let (split, to) = (t!("view-quote-split"), t!("view-quote-to"));
    let width = widest([split.as_str(), to.as_str()]);
    lines.push(format!(
        "  {}{}",
        label(&split, width),
        parts.join(&t!("view-list-separator"))
    ));
    lines.push(format!(
        "  {}{}",
        label(&to, width),
        refund_to_text(channel)
    ));
    if let Some(until) = q.valid_until {
        lines.push(format!(
            "  {}",
            t!("view-quote-valid-until", time = until.to_string())
        ));
    }
    if q.requires_invoice_return {
        lines.push(format!(
            "  {} {}",
            p.paint(Tone::Warn, &t!("view-quote-note")),
            t!("view-quote-invoice")
        ));
    }
    lines
}

/// A support channel's kind (hotline, chat...) as a person reads it.
pub fn channel_kind(kind: &str) -> String {
    match kind {
        "hotline" => t!("view-channel-hotline"),
        "chat" => t!("view-channel-chat"),
        "email" => t!("view-channel-email"),
        "ticket" => t!("view-channel-ticket"),
        other => other.to_string(),
    }
}

/// Kinds are padded to this many columns at least, so a list lines up.
const KIND_WIDTH: usize = 8;

/// One support channel on a line: kind, address, hours.
pub fn channel_line(c: &SupportChannel) -> String {
    channel_line_in(c, KIND_WIDTH)
}

fn channel_line_in(c: &SupportChannel, width: usize) -> String {
    let hours = c
        .hours
        .as_deref()
        .and_then(console_text)
        .map(|h| t!("view-channel-hours", hours = h))
        .unwrap_or_default();
    format!("{} {}{hours}", pad(&channel_kind(&c.kind), width), c.value)
}

/// The console's support channels, one a line, their kinds lined up.
pub fn channel_lines(channels: &[SupportChannel]) -> Vec<String> {
    let kinds: Vec<String> = channels.iter().map(|c| channel_kind(&c.kind)).collect();
    let width = widest(kinds.iter().map(String::as_str)).max(KIND_WIDTH);
    channels.iter().map(|c| channel_line_in(c, width)).collect()
}

pub fn support_lines(policy: &RefundPolicy) -> Vec<String> {
    channel_lines(&policy.support_channels)
}
