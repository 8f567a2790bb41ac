//! What the tool shows of the console's objects: the stable JSON schema documented in the
//! README (money as two-decimal strings, times ISO 8601 with offset) and the human text.

use serde::Serialize;

use crate::console::types::{Quote, RefundApplication, RefundPolicy, SupportChannel};
use crate::console::{ConsoleTime, Fen};
use crate::printer::{Printer, Tone};

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

pub fn refund_to_text(channel: Option<i64>) -> &'static str {
    match channel {
        Some(2) => "your account balance",
        _ => "the original payment method",
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

pub fn policy_name(policy: Option<&str>) -> &'static str {
    match policy {
        Some("NO_REASON") => "in full, within 5 days of payment",
        Some("PRORATED") => "the unused share of the term, pro rata",
        Some("NONE") => "no refund",
        _ => "the console's policy",
    }
}

/// The quote as a person reads it: refundable or not, why, how much, split, to where.
pub fn quote_lines(p: &Printer, q: &Quote, channel: Option<i64>) -> Vec<String> {
    let mut lines = Vec::new();
    if !q.refundable {
        lines.push(format!(
            "{} {}",
            p.paint(Tone::Bad, "Not refundable:"),
            q.not_refundable_reason
                .as_deref()
                .unwrap_or("no reason given")
        ));
        return lines;
    }
    lines.push(format!(
        "Refundable: {} ({})",
        p.paint(Tone::Bold, &q.fee.with_symbol()),
        policy_name(q.policy.as_deref())
    ));
    let mut parts = vec![format!("cash {}", q.cash_fee.with_symbol())];
    parts.push(format!("balance {}", q.balance_fee.with_symbol()));
    if q.coupon_fee > Fen::ZERO {
        parts.push(format!("coupons {}", q.coupon_fee.with_symbol()));
    }
    lines.push(format!("  split: {}", parts.join(", ")));
    lines.push(format!("  to:    {}", refund_to_text(channel)));
    if let Some(until) = q.valid_until {
        lines.push(format!("  valid until {until} (China time, UTC+8)"));
    }
    if q.requires_invoice_return {
        lines.push(format!(
            "  {} the invoice was issued and must be returned with the application",
            p.paint(Tone::Warn, "note:")
        ));
    }
    lines
}

pub fn channel_line(c: &SupportChannel) -> String {
    let hours = c
        .hours
        .as_deref()
        .map(|h| format!(" ({h})"))
        .unwrap_or_default();
    format!("{:<8} {}{hours}", c.kind, c.value)
}

pub fn support_lines(policy: &RefundPolicy) -> Vec<String> {
    policy.support_channels.iter().map(channel_line).collect()
}
