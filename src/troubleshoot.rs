//! The guide's "common problems" section as code: for a refund that failed or stalls, name the
//! cause the console reports, the guide's remedies, and the exact command that would fix it.

use serde::{Serialize, Serializer};

use crate::console::types::{RefundApplication, SupportChannel};
use crate::console::{Client, ConsoleTime, Fen};
use crate::i18n::names;
use crate::printer::{Printer, Tone};
use crate::t;
use crate::views::console_text;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnosis {
    /// `refund failed`, `slow progress` or `amount mismatch`, as the guide names them.
    pub problem: &'static str,
    pub failure_code: Option<String>,
    pub message: Option<String>,
    pub causes: Vec<Cause>,
    pub remedies: Vec<Remedy>,
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

/// A cause the guide names (常见问题), as the console's failure shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cause {
    /// 账户余额不足
    LowBalance,
    /// 支付方式不支持退款
    PaymentMethodUnsupported,
    /// 系统计算出现偏差
    Recalculated,
    /// 其他技术性问题
    Technical,
    /// 客服繁忙
    SupportBusy,
    /// 系统维护
    Maintenance,
}

/// A remedy the guide gives, with what the console told us (amounts, ids, the command).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Remedy {
    /// Top up (at least the shortfall, when known).
    TopUp { shortfall: Option<Fen> },
    /// Submit again with the command shown below.
    SubmitAgain,
    /// Have the money refunded to the account balance.
    ToBalance,
    /// Check the new quote and submit again with it.
    NewQuote(Fen),
    /// Quote again and submit the new amount.
    QuoteAgain,
    /// Give support the refund id (and the request id).
    ContactSupport {
        refund_id: String,
        request_id: Option<String>,
    },
    /// Once support agrees, submit again with the command shown below.
    SubmitAgainOnceAgreed,
    /// Send a reminder with this command.
    Remind { command: String },
    /// Keep the contact phone or email right.
    CheckContact,
    /// Call the hotline when nothing moves.
    CallHotline,
    /// Nothing to do: a later refund already followed this one up.
    Superseded { refund_id: String, status: String },
}

impl Cause {
    /// As a person reads it, in their language.
    pub fn text(&self) -> String {
        match self {
            Cause::LowBalance => t!("trouble-cause-low-balance"),
            Cause::PaymentMethodUnsupported => t!("trouble-cause-payment-method"),
            Cause::Recalculated => t!("trouble-cause-recalculated"),
            Cause::Technical => t!("trouble-cause-technical"),
            Cause::SupportBusy => t!("trouble-cause-support-busy"),
            Cause::Maintenance => t!("trouble-cause-maintenance"),
        }
    }

    /// As `--json` gives it: the documented English text, whatever the language.
    fn json(&self) -> String {
        match self {
            Cause::LowBalance => "账户余额不足: the account balance is too low (in arrears)",
            Cause::PaymentMethodUnsupported => {
                "支付方式不支持退款: the original payment method cannot take refunds"
            }
            Cause::Recalculated => {
                "系统计算出现偏差: the console recalculated the amount after submission"
            }
            Cause::Technical => "其他技术性问题: a problem on the console's side",
            Cause::SupportBusy => "客服繁忙: support is busy",
            Cause::Maintenance => "系统维护: maintenance on the console's side",
        }
        .to_string()
    }
}

impl Remedy {
    /// As a person reads it, in their language.
    pub fn text(&self) -> String {
        match self {
            Remedy::TopUp { shortfall: Some(s) } => {
                t!("trouble-remedy-top-up-at-least", amount = s.with_symbol())
            }
            Remedy::TopUp { shortfall: None } => t!("trouble-remedy-top-up"),
            Remedy::SubmitAgain => t!("trouble-remedy-submit-again"),
            Remedy::ToBalance => t!("trouble-remedy-to-balance"),
            Remedy::NewQuote(fee) => t!("trouble-remedy-new-quote", amount = fee.with_symbol()),
            Remedy::QuoteAgain => t!("trouble-remedy-quote-again"),
            Remedy::ContactSupport {
                refund_id,
                request_id: Some(r),
            } => t!(
                "trouble-remedy-contact-support-request",
                refund = refund_id,
                request = r
            ),
            Remedy::ContactSupport {
                refund_id,
                request_id: None,
            } => t!("trouble-remedy-contact-support", refund = refund_id),
            Remedy::SubmitAgainOnceAgreed => t!("trouble-remedy-once-agreed"),
            Remedy::Remind { command } => t!("trouble-remedy-remind", command = command),
            Remedy::CheckContact => t!("trouble-remedy-check-contact"),
            Remedy::CallHotline => t!("trouble-remedy-hotline"),
            Remedy::Superseded { refund_id, status } => t!(
                "trouble-remedy-superseded",
                refund = refund_id,
                status = names::refund_status(status)
            ),
        }
    }

    /// As `--json` gives it: the documented English text, whatever the language.
    fn json(&self) -> String {
        match self {
            Remedy::TopUp { shortfall } => format!(
                "{} so the balance is no longer negative",
                shortfall
                    .map(|s| format!("top up at least {}", s.with_symbol()))
                    .unwrap_or_else(|| "top up the account".into())
            ),
            Remedy::SubmitAgain => "then submit again (the command below)".into(),
            Remedy::ToBalance => {
                "尝试更换支付方式: have the money refunded to your account balance".into()
            }
            Remedy::NewQuote(fee) => format!(
                "check the new quote ({}) and submit again with it",
                fee.with_symbol()
            ),
            Remedy::QuoteAgain => "quote again and submit the new amount".into(),
            Remedy::ContactSupport {
                refund_id,
                request_id,
            } => format!(
                "contact support with refund id {refund_id}{}",
                request_id
                    .as_deref()
                    .map(|r| format!(" and request id {r}"))
                    .unwrap_or_default()
            ),
            Remedy::SubmitAgainOnceAgreed => {
                "or, once support agrees, submit again (the command below)".into()
            }
            Remedy::Remind { command } => format!("send a reminder: {command}"),
            Remedy::CheckContact => {
                "make sure your contact phone or email is right, so support can reach you".into()
            }
            Remedy::CallHotline => "if nothing moves for long, call the hotline below".into(),
            Remedy::Superseded { refund_id, status } => {
                format!("nothing left to do: refund {refund_id} ({status}) already followed it up")
            }
        }
    }
}

impl Serialize for Cause {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.json())
    }
}

impl Serialize for Remedy {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.json())
    }
}

/// The problem's name as a person reads it (the JSON keeps `problem` as it is).
pub fn problem_text(problem: &str) -> String {
    match problem {
        "refund failed" => t!("trouble-problem-failed"),
        "slow progress" => t!("trouble-problem-slow"),
        "amount mismatch" => t!("trouble-problem-mismatch"),
        other => other.to_string(),
    }
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
            d.causes.push(Cause::LowBalance);
            if let Ok(balance) = client.describe_account_amount() {
                let available = balance.available_amount.0;
                d.available_balance = Some(available);
                if available.is_negative() {
                    d.shortfall = Some(Fen::from_fen(-available.fen()));
                }
            }
            d.remedies.push(Remedy::TopUp {
                shortfall: d.shortfall,
            });
            d.fix_command = Some(suggest.command(&format!("refund resubmit {id}")));
            d.remedies.push(Remedy::SubmitAgain);
        }
        ("FAILED", Some("PAYMENT_METHOD_UNSUPPORTED")) => {
            d.causes.push(Cause::PaymentMethodUnsupported);
            d.remedies.push(Remedy::ToBalance);
            d.fix_command =
                Some(suggest.command(&format!("refund resubmit {id} --refund-to balance")));
        }
        ("FAILED", Some("AMOUNT_MISMATCH")) => {
            d.problem = "amount mismatch";
            d.causes.push(Cause::Recalculated);
            if let Ok(q) = client.refund_quote(&refund.resource_id, None, None) {
                if q.refundable {
                    d.new_quote = Some(q.fee);
                    d.fix_command =
                        Some(suggest.command(&format!("refund resubmit {id} --amount {}", q.fee)));
                }
            }
            d.remedies.push(match d.new_quote {
                Some(fee) => Remedy::NewQuote(fee),
                None => Remedy::QuoteAgain,
            });
        }
        ("FAILED", _) | ("REJECTED", _) => {
            d.causes.push(Cause::Technical);
            d.remedies.push(Remedy::ContactSupport {
                refund_id: id.clone(),
                request_id: d.request_id.clone(),
            });
            d.fix_command = Some(suggest.command(&format!("refund resubmit {id}")));
            d.remedies.push(Remedy::SubmitAgainOnceAgreed);
        }
        _ if stalled => {
            d.problem = "slow progress";
            d.failure_code = None;
            d.causes.push(Cause::SupportBusy);
            d.causes.push(Cause::Maintenance);
            d.remedies.push(Remedy::Remind {
                command: suggest.command(&format!("refund remind {id}")),
            });
            d.remedies.push(Remedy::CheckContact);
            d.remedies.push(Remedy::CallHotline);
            d.fix_command = Some(suggest.command(&format!("refund remind {id}")));
        }
        _ => return None,
    }
    if matches!(refund.status.as_str(), "FAILED" | "REJECTED") {
        if let Some(newer) = later_refund(client, refund) {
            d.remedies = vec![Remedy::Superseded {
                refund_id: newer.refund_id.clone(),
                status: newer.status.clone(),
            }];
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

/// The diagnosis as a person reads it, one line per entry (indented with spaces; the caller
/// wraps them).
pub fn render(p: &Printer, d: &Diagnosis) -> Vec<String> {
    let problem = problem_text(d.problem);
    let heading = match d.failure_code.as_deref() {
        Some(code) => t!("trouble-heading-code", problem = problem, code = code),
        None => t!("trouble-heading", problem = problem),
    };
    let mut lines = vec![p.paint(Tone::Warn, &heading)];
    // What the console said, unless it said it in a language the reader does not read (the
    // cause below says it in theirs).
    if let Some(m) = d.message.as_deref().and_then(console_text) {
        lines.push(format!("  {}", t!("trouble-console-says", message = m)));
    }
    if let Some(b) = d.available_balance {
        let line = match d.shortfall {
            Some(s) => t!(
                "trouble-balance-shortfall",
                balance = b.with_symbol(),
                shortfall = s.with_symbol()
            ),
            None => t!("trouble-balance", balance = b.with_symbol()),
        };
        lines.push(format!("  {line}"));
    }
    if let Some(q) = d.new_quote {
        lines.push(format!(
            "  {}",
            t!("trouble-new-quote", amount = q.with_symbol())
        ));
    }
    lines.push(format!("  {}", t!("trouble-likely-cause")));
    lines.extend(d.causes.iter().map(|c| format!("    - {}", c.text())));
    lines.push(format!("  {}", t!("trouble-what-to-do")));
    lines.extend(d.remedies.iter().map(|r| format!("    - {}", r.text())));
    if let Some(cmd) = &d.fix_command {
        lines.push(format!(
            "  {}",
            t!("trouble-fix", command = p.paint(Tone::Bold, cmd))
        ));
    }
    let ids = match &d.request_id {
        Some(r) => t!(
            "trouble-for-support-request",
            refund = &d.refund_id,
            request = r
        ),
        None => t!("trouble-for-support", refund = &d.refund_id),
    };
    lines.push(format!("  {ids}"));
    for line in crate::views::channel_lines(&d.support) {
        lines.push(format!("    {line}"));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_cause_and_remedy() -> (Vec<Cause>, Vec<Remedy>) {
        let causes = vec![
            Cause::LowBalance,
            Cause::PaymentMethodUnsupported,
            Cause::Recalculated,
            Cause::Technical,
            Cause::SupportBusy,
            Cause::Maintenance,
        ];
        let remedies = vec![
            Remedy::TopUp {
                shortfall: Some(Fen::from_fen(1250)),
            },
            Remedy::TopUp { shortfall: None },
            Remedy::SubmitAgain,
            Remedy::ToBalance,
            Remedy::NewQuote(Fen::from_fen(87912)),
            Remedy::QuoteAgain,
            Remedy::ContactSupport {
                refund_id: "RF1".into(),
                request_id: Some("sbx-1".into()),
            },
            Remedy::ContactSupport {
                refund_id: "RF1".into(),
                request_id: None,
            },
            Remedy::SubmitAgainOnceAgreed,
            Remedy::Remind {
                command: "jdc-refund refund remind RF1".into(),
            },
            Remedy::CheckContact,
            Remedy::CallHotline,
            Remedy::Superseded {
                refund_id: "RF2".into(),
                status: "SUCCESS".into(),
            },
        ];
        (causes, remedies)
    }

    /// `--json` is a contract: its causes and remedies are the documented English text, and
    /// an English reader sees exactly what a script reads.
    #[test]
    fn json_keeps_the_english_text_an_english_reader_sees() {
        let (causes, remedies) = every_cause_and_remedy();
        for c in &causes {
            assert_eq!(serde_json::to_value(c).unwrap(), c.text().as_str());
        }
        for r in &remedies {
            assert_eq!(serde_json::to_value(r).unwrap(), r.text().as_str());
        }
        assert_eq!(
            serde_json::to_value(&remedies[0]).unwrap(),
            "top up at least ¥12.50 so the balance is no longer negative"
        );
    }
}
