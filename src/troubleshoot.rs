//! The guide's "common problems" section as code: for a refund that failed or stalls, name the
//! cause the console reports, the guide's remedies, and the exact command that would fix it.

use serde::Serialize;

use crate::console::types::{RefundApplication, SupportChannel};
use crate::console::{Client, ConsoleTime, Fen};
use crate::printer::{Printer, Tone};

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnosis {
    /// `refund failed`, `slow progress` or `amount mismatch`, as the guide names them.
    pub problem: &'static str,
    pub failure_code: Option<String>,
    pub message: Option<String>,
    pub causes: Vec<String>,
    pub remedies: Vec<String>,
    /// The one command that would fix it, when there is one.
    pub fix_command: Option<String>,
    /// For `INSUFFICIENT_BALANCE`: the available balance and how much is missing.
    pub available_balance: Option<Fen>,
    pub shortfall: Option<Fen>,
    /// For `AMOUNT_MISMATCH`: what the console quotes now.
    pub new_quote: Option<Fen>,
    pub refund_id: String,
    pub request_id: Option<String>,
    pub support: Vec<SupportChannel>,
    /// A later refund of the same resource that already followed this one up.
    pub superseded_by: Option<String>,
}

/// `jdc-refund [--sandbox ]`: the prefix of every command we suggest.
pub struct Suggest<'a> {
    pub prefix: &'a str,
}

impl Suggest<'_> {
    fn command(&self, rest: &str) -> String {
        format!("jdc-refund {}{rest}", self.prefix)
    }
}

/// A diagnosis for `refund`, or `None` when nothing is wrong. Asks the console for what it
/// needs (balance, a fresh quote, the support channels); what it cannot get it leaves out.
pub fn diagnose(
    client: &Client,
    refund: &RefundApplication,
    suggest: &Suggest<'_>,
    request_id: Option<String>,
) -> Option<Diagnosis> {
    let id = &refund.refund_id;
    let stalled = matches!(refund.status.as_str(), "PENDING_APPROVAL" | "PROCESSING")
        && refund
            .expected_finish_time
            .is_some_and(|t| t.millis() < ConsoleTime::now().millis());
    let support = client
        .refund_policy()
        .map(|p| p.support_channels)
        .unwrap_or_default();
    let mut d = Diagnosis {
        problem: "refund failed",
        failure_code: refund.failure_code.clone(),
        message: refund.failure_message.clone(),
        causes: Vec::new(),
        remedies: Vec::new(),
        fix_command: None,
        available_balance: None,
        shortfall: None,
        new_quote: None,
        refund_id: id.clone(),
        request_id,
        support,
        superseded_by: None,
    };
    match (refund.status.as_str(), refund.failure_code.as_deref()) {
        ("FAILED", Some("INSUFFICIENT_BALANCE")) => {
            d.causes
                .push("账户余额不足: the account balance is too low (in arrears)".into());
            if let Ok(balance) = client.describe_account_amount() {
                let available = balance.available_amount.0;
                d.available_balance = Some(available);
                if available.is_negative() {
                    d.shortfall = Some(Fen::from_fen(-available.fen()));
                }
            }
            let top_up = d
                .shortfall
                .map(|s| format!("top up at least {}", s.with_symbol()))
                .unwrap_or_else(|| "top up the account".into());
            d.remedies
                .push(format!("{top_up} so the balance is no longer negative"));
            d.fix_command = Some(suggest.command(&format!("refund resubmit {id}")));
            d.remedies
                .push("then submit again (the command below)".into());
        }
        ("FAILED", Some("PAYMENT_METHOD_UNSUPPORTED")) => {
            d.causes
                .push("支付方式不支持退款: the original payment method cannot take refunds".into());
            d.remedies
                .push("尝试更换支付方式: have the money refunded to your account balance".into());
            d.fix_command =
                Some(suggest.command(&format!("refund resubmit {id} --refund-to balance")));
        }
        ("FAILED", Some("AMOUNT_MISMATCH")) => {
            d.problem = "amount mismatch";
            d.causes.push(
                "系统计算出现偏差: the console recalculated the amount after submission".into(),
            );
            if let Ok(q) = client.refund_quote(&refund.resource_id, None, None) {
                if q.refundable {
                    d.new_quote = Some(q.fee);
                    d.fix_command =
                        Some(suggest.command(&format!("refund resubmit {id} --amount {}", q.fee)));
                }
            }
            d.remedies.push(match d.new_quote {
                Some(fee) => format!(
                    "check the new quote ({}) and submit again with it",
                    fee.with_symbol()
                ),
                None => "quote again and submit the new amount".into(),
            });
        }
        ("FAILED", _) | ("REJECTED", _) => {
            d.causes
                .push("其他技术性问题: a problem on the console's side".into());
            d.remedies.push(format!(
                "contact support with refund id {id}{}",
                d.request_id
                    .as_deref()
                    .map(|r| format!(" and request id {r}"))
                    .unwrap_or_default()
            ));
            d.fix_command = Some(suggest.command(&format!("refund resubmit {id}")));
            d.remedies
                .push("or, once support agrees, submit again (the command below)".into());
        }
        _ if stalled => {
            d.problem = "slow progress";
            d.failure_code = None;
            d.causes.push("客服繁忙: support is busy".into());
            d.causes
                .push("系统维护: maintenance on the console's side".into());
            d.remedies.push(format!(
                "send a reminder: {}",
                suggest.command(&format!("refund remind {id}"))
            ));
            d.remedies.push(
                "make sure your contact phone or email is right, so support can reach you".into(),
            );
            d.remedies
                .push("if nothing moves for long, call the hotline below".into());
            d.fix_command = Some(suggest.command(&format!("refund remind {id}")));
        }
        _ => return None,
    }
    if matches!(refund.status.as_str(), "FAILED" | "REJECTED") {
        if let Some(newer) = later_refund(client, refund) {
            d.remedies = vec![format!(
                "nothing left to do: refund {} ({}) already followed it up",
                newer.refund_id, newer.status
            )];
            d.fix_command = None;
            d.superseded_by = Some(newer.refund_id);
        }
    }
    Some(d)
}

/// A refund of the same resource made after `refund` that is still going or succeeded.
fn later_refund(client: &Client, refund: &RefundApplication) -> Option<RefundApplication> {
    let page = client
        .refund_status(&crate::console::types::StatusRequest {
            resource_id: Some(refund.resource_id.clone()),
            page_size: Some(100),
            ..Default::default()
        })
        .ok()?;
    page.data.into_iter().find(|r| {
        r.refund_id != refund.refund_id
            && r.create_time >= refund.create_time
            && matches!(
                r.status.as_str(),
                "PENDING_APPROVAL" | "PROCESSING" | "SUCCESS"
            )
    })
}

pub fn render(p: &Printer, d: &Diagnosis) -> Vec<String> {
    let mut lines = vec![p.paint(
        Tone::Warn,
        &format!(
            "Troubleshooter: {}{}",
            d.problem,
            d.failure_code
                .as_deref()
                .map(|c| format!(" ({c})"))
                .unwrap_or_default()
        ),
    )];
    if let Some(m) = &d.message {
        lines.push(format!("  console says: {m}"));
    }
    if let Some(b) = d.available_balance {
        lines.push(format!(
            "  available balance: {}{}",
            b.with_symbol(),
            d.shortfall
                .map(|s| format!(", shortfall {}", s.with_symbol()))
                .unwrap_or_default()
        ));
    }
    if let Some(q) = d.new_quote {
        lines.push(format!("  new quote: {}", q.with_symbol()));
    }
    lines.push("  likely cause:".into());
    lines.extend(d.causes.iter().map(|c| format!("    - {c}")));
    lines.push("  what to do:".into());
    lines.extend(d.remedies.iter().map(|r| format!("    - {r}")));
    if let Some(cmd) = &d.fix_command {
        lines.push(format!("  fix: {}", p.paint(Tone::Bold, cmd)));
    }
    let ids = match &d.request_id {
        Some(r) => format!("refund id {}, request id {r}", d.refund_id),
        None => format!("refund id {}", d.refund_id),
    };
    lines.push(format!("  for support: {ids}"));
    for c in &d.support {
        lines.push(format!("    {}", crate::views::channel_line(c)));
    }
    lines
}
