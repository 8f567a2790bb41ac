//! The console's codes (statuses, charge modes, payment channels...) as a person reads them.
//! English shows the code itself, as the console and `--json` spell it, so what a user reads
//! is what a script greps; Chinese shows the console's own Chinese name. Unknown codes are
//! shown as they came.

use crate::t;

/// A refund's status: 待审核, 处理中, 退款成功...
pub fn refund_status(code: &str) -> String {
    match code {
        "PENDING_APPROVAL" => t!("name-refund-pending-approval"),
        "PROCESSING" => t!("name-refund-processing"),
        "SUCCESS" => t!("name-refund-success"),
        "FAILED" => t!("name-refund-failed"),
        "REJECTED" => t!("name-refund-rejected"),
        "CANCELED" => t!("name-refund-canceled"),
        other => other.to_string(),
    }
}

/// An order's status: 已支付, 未支付, 已全额退款...
pub fn order_status(code: &str) -> String {
    match code {
        "PAID" => t!("name-order-paid"),
        "FAILED" => t!("name-order-failed"),
        "NO_PAY" => t!("name-order-no-pay"),
        "DEALING" => t!("name-order-dealing"),
        "CANCELED" => t!("name-order-canceled"),
        "REFUND_PART" => t!("name-order-refund-part"),
        "REFUND_ALL" => t!("name-order-refund-all"),
        other => other.to_string(),
    }
}

/// A resource's state within an order (`orderItemDetails[].status`).
pub fn item_status(code: &str) -> String {
    match code {
        "RUNNING" => t!("name-item-running"),
        "EXPIRED" => t!("name-item-expired"),
        "REFUNDED" => t!("name-item-refunded"),
        "PENDING" => t!("name-item-pending"),
        other => other.to_string(),
    }
}

pub fn charge_mode(code: &str) -> String {
    match code {
        "CONFIG" => t!("name-charge-config"),
        "FLOW" => t!("name-charge-flow"),
        "MONTHLY" => t!("name-charge-monthly"),
        "ONCE" => t!("name-charge-once"),
        other => other.to_string(),
    }
}

pub fn pay_type(code: &str) -> String {
    match code {
        "PRE_PAID" => t!("name-pay-pre-paid"),
        "POST_PAID" => t!("name-pay-post-paid"),
        other => other.to_string(),
    }
}

pub fn order_type(code: &str) -> String {
    match code {
        "NEW" => t!("name-order-type-new"),
        "RENEW" => t!("name-order-type-renew"),
        "RESIZE_FORMULA" => t!("name-order-type-resize"),
        "TEMP_UPGRADE" => t!("name-order-type-temp-upgrade"),
        other => other.to_string(),
    }
}

pub fn payment_channel(code: &str) -> String {
    match code {
        "BALANCE_PAYMENT" => t!("name-payment-balance"),
        "ENTERPRISE_BANK_PAYMENT" => t!("name-payment-enterprise-bank"),
        "PERSONAL_BANK_PAYMENT" => t!("name-payment-personal-bank"),
        "JD_PAYMENT" => t!("name-payment-jd"),
        "WENXIN_PAYMENT" => t!("name-payment-wechat"),
        "OFFLINE_PAYMENT" => t!("name-payment-offline"),
        other => other.to_string(),
    }
}

/// The product: the console's English service name, or 云主机 for a Chinese reader.
pub fn product(app_code: Option<&str>, english: Option<&str>) -> String {
    match (crate::i18n::is_zh(), app_code) {
        (true, Some("vm")) => t!("name-product-vm"),
        _ => english.or(app_code).unwrap_or("-").to_string(),
    }
}
