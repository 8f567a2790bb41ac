//! The request and result types of every operation in CONSOLE-API.md, field for field.
//!
//! Enumerations the console owns (statuses, charge modes, channels) stay strings: a console may
//! send values this build does not know, and the tool must still show them. Both the client and
//! the sandbox use these types, so the two cannot drift apart.

use serde::{Deserialize, Serialize};

use super::money::{as_json_number, Fen, SignedFen};
use super::time::ConsoleTime;

pub const REGIONS: [&str; 4] = ["cn-north-1", "cn-east-1", "cn-east-2", "cn-south-1"];
pub const DEFAULT_REGION: &str = "cn-north-1";

/// The response envelope: `{"requestId", "result"}` or `{"requestId", "error"}`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Envelope<T> {
    #[serde(default)]
    pub request_id: Option<String>,
    #[serde(default = "none", skip_serializing_if = "Option::is_none")]
    pub result: Option<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorBody>,
}

fn none<T>() -> Option<T> {
    None
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ErrorBody {
    pub code: u16,
    pub status: String,
    pub message: String,
}

// ---- Log in (ext) ----

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LoginRequest {
    pub account: String,
    pub password: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mfa_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_seconds: Option<u32>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LoginResult {
    pub pin: String,
    pub credentials: SessionCredentials,
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionCredentials {
    pub access_key: String,
    pub secret_key: String,
    pub session_token: String,
    pub expiration: ConsoleTime,
}

impl std::fmt::Debug for SessionCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionCredentials")
            .field("access_key", &self.access_key)
            .field("expiration", &self.expiration)
            .finish_non_exhaustive()
    }
}

// ---- Account balance (real) ----

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountAmount {
    pub total_amount: SignedFen,
    pub available_amount: SignedFen,
    #[serde(default)]
    pub frozen_amount: SignedFen,
    #[serde(default)]
    pub enable_withdraw_amount: SignedFen,
    #[serde(default)]
    pub withdrawing_amount: SignedFen,
}

// ---- Orders (real) ----

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QueryOrdersRequest {
    pub region_id: String,
    pub query_vo: QueryVo,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QueryVo {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charge_mode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pay_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_type: Option<String>,
    /// Unix milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_number: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_id: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderPage {
    #[serde(default)]
    pub result_list: Vec<Order>,
    #[serde(default)]
    pub total_count: u64,
    #[serde(default)]
    pub total_page: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    pub order_number: String,
    #[serde(default)]
    pub pin: Option<String>,
    #[serde(default)]
    pub app_code: Option<String>,
    #[serde(default)]
    pub app_name: Option<String>,
    #[serde(default)]
    pub service_name: Option<String>,
    #[serde(default)]
    pub charge_mode: Option<String>,
    #[serde(default)]
    pub order_type: Option<String>,
    #[serde(default)]
    pub pay_type: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(serialize_with = "as_json_number")]
    pub total_fee: Fen,
    #[serde(serialize_with = "as_json_number")]
    pub discount_fee: Fen,
    #[serde(serialize_with = "as_json_number")]
    pub actual_fee: Fen,
    #[serde(default)]
    pub create_time: Option<ConsoleTime>,
    #[serde(default)]
    pub pay_time: Option<ConsoleTime>,
    #[serde(default)]
    pub payment_number: Option<String>,
    #[serde(default)]
    pub resource_id: Option<String>,
    #[serde(default)]
    pub resource_name: Option<String>,
    #[serde(default)]
    pub region_id: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderDetailResult {
    pub order: OrderDetail,
}

/// Every [`Order`] field plus the payment split and the resource items. Sent by the sandbox as
/// one flat object (see `sandbox::api`), read here through `flatten`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderDetail {
    #[serde(flatten)]
    pub order: Order,
    #[serde(default)]
    pub paid_fee: Fen,
    #[serde(default)]
    pub balance_pay: Fen,
    #[serde(default)]
    pub money_pay: Fen,
    #[serde(default)]
    pub favorable_fee: Fen,
    #[serde(default)]
    pub refund_fee: Fen,
    #[serde(default)]
    pub payment_channel: Option<String>,
    #[serde(default)]
    pub invoice_issued: Option<bool>,
    #[serde(default)]
    pub order_item_details: Vec<OrderItem>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderItem {
    pub item_id: String,
    #[serde(default)]
    pub item_name: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub charge_duration: Option<i64>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub expire_date_after: Option<ConsoleTime>,
    #[serde(serialize_with = "as_json_number", default)]
    pub actual_fee: Fen,
}

// ---- Policy and quote (ext) ----

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundPolicy {
    pub version: String,
    pub text: String,
    #[serde(default)]
    pub text_zh: Option<String>,
    #[serde(default)]
    pub support_channels: Vec<SupportChannel>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SupportChannel {
    pub kind: String,
    pub value: String,
    #[serde(default)]
    pub hours: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuoteRequest {
    pub region_id: String,
    pub resource_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_channel: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_area: Option<u8>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    pub resource_id: String,
    #[serde(default)]
    pub order_numbers: Vec<String>,
    pub refundable: bool,
    #[serde(default)]
    pub policy: Option<String>,
    #[serde(default)]
    pub not_refundable_reason: Option<String>,
    pub fee: Fen,
    #[serde(default)]
    pub cash_fee: Fen,
    #[serde(default)]
    pub balance_fee: Fen,
    #[serde(default)]
    pub coupon_fee: Fen,
    #[serde(default)]
    pub requires_invoice_return: bool,
    #[serde(default)]
    pub quoted_at: Option<ConsoleTime>,
    #[serde(default)]
    pub valid_until: Option<ConsoleTime>,
}

// ---- Attachments (ext) ----

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UploadRequest {
    pub region_id: String,
    pub file_name: String,
    pub content_type: String,
    pub content_base64: String,
    pub kind: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Attachment {
    pub attachment_id: String,
    pub sha256: String,
    pub size: u64,
}

// ---- Submit (real + ext) ----

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubmitRefundRequest {
    pub region_id: String,
    pub json_body: RefundBody,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundBody {
    pub resource_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_type: Option<i64>,
    /// 1 the original payment method, 2 the account balance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_channel: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_way: Option<i64>,
    /// 0 not wanted, 1 does not meet needs, 2 poor operation, 3 poor service, 4 other.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_reason: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_reason_other: Option<String>,
    /// 1 cash only, 2 all including coupons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_area: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_amount: Option<Fen>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_ids: Option<Vec<String>>,
}

impl RefundBody {
    /// Whether this body asks on the same terms: reason, destination, contact phone and
    /// e-mail (what a reused idempotency key must not change).
    pub fn same_terms(
        &self,
        reason: Option<i64>,
        channel: i64,
        phone: &Option<String>,
        email: &Option<String>,
    ) -> bool {
        let contact = self.contact.as_ref();
        self.refund_reason == reason
            && self.refund_channel == Some(channel)
            && contact.and_then(|c| c.phone.as_ref()) == phone.as_ref()
            && contact.and_then(|c| c.email.as_ref()) == email.as_ref()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// The real API's result shape: `data` is the refund id.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SubmitResult {
    pub success: bool,
    #[serde(default)]
    pub code: Option<i64>,
    #[serde(default)]
    pub data: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
}

// ---- Status (real + ext) ----

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusRequest {
    pub region_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_number: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u32>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundPage {
    pub page_infos: PageInfo,
    #[serde(default)]
    pub data: Vec<RefundApplication>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageInfo {
    pub current_page: u32,
    pub page_size: u32,
    pub total_record: u64,
}

/// A refund application as the console reports it (`Refund` on the API page).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundApplication {
    #[serde(default)]
    pub id: Option<i64>,
    #[serde(default)]
    pub pin: Option<String>,
    pub refund_id: String,
    pub resource_id: String,
    pub refund_amount: Fen,
    pub status: String,
    #[serde(default)]
    pub create_time: Option<ConsoleTime>,
    #[serde(default)]
    pub update_time: Option<ConsoleTime>,
    #[serde(default)]
    pub order_number: Option<String>,
    #[serde(default)]
    pub refund_channel: Option<i64>,
    #[serde(default)]
    pub expected_finish_time: Option<ConsoleTime>,
    #[serde(default)]
    pub failure_code: Option<String>,
    #[serde(default)]
    pub failure_message: Option<String>,
    #[serde(default)]
    pub timeline: Vec<TimelineEntry>,
    #[serde(default)]
    pub items: Vec<RefundItem>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub status: String,
    pub time: ConsoleTime,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundItem {
    pub order_number: String,
    #[serde(default)]
    pub cash_refund_fee: Fen,
    #[serde(default)]
    pub balance_refund_fee: Fen,
    #[serde(default)]
    pub coupon_refund_fee: Fen,
    #[serde(default)]
    pub refund_fee: Fen,
}

// ---- Cancel, remind (ext) ----

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RegionBody {
    pub region_id: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RemindResult {
    pub refund_id: String,
    pub reminded_at: ConsoleTime,
}

/// The refund statuses a refund can end in.
pub fn is_final_status(status: &str) -> bool {
    matches!(status, "SUCCESS" | "FAILED" | "REJECTED" | "CANCELED")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_detail_reads_numbers_through_flatten() {
        let json = r#"{"order": {"orderNumber": "1", "totalFee": 102.3, "discountFee": 0,
            "actualFee": "102.30", "paidFee": 102.3, "balancePay": 2.3, "moneyPay": 100,
            "favorableFee": 0, "refundFee": 0, "createTime": "2026-11-27 10:00:00",
            "orderItemDetails": [{"itemId": "i-1", "actualFee": 102.3}], "unknown": null}}"#;
        let detail: OrderDetailResult = serde_json::from_str(json).unwrap();
        assert_eq!(detail.order.order.total_fee, Fen::from_fen(10230));
        assert_eq!(detail.order.balance_pay, Fen::from_fen(230));
        assert_eq!(detail.order.order_item_details[0].actual_fee.fen(), 10230);
    }

    #[test]
    fn error_envelope_reads() {
        let json = r#"{"requestId": "r1", "error": {"code": 404, "status": "NOT_FOUND", "message": "no"}}"#;
        let env: Envelope<OrderPage> = serde_json::from_str(json).unwrap();
        assert!(env.result.is_none());
        assert_eq!(env.error.unwrap().status, "NOT_FOUND");
    }
}
