//! The sandbox console's behaviour: routing, signature verification and every operation of
//! CONSOLE-API.md over the SQLite state. Plain synchronous code, independent of the HTTP
//! server around it, so each rule reads in one place.

use std::sync::Mutex;

use base64::Engine;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

use super::store::{now_ms, sha256_hex};
use crate::console::money::{Fen, SignedFen};
use crate::console::signing::{self, Authorization};
use crate::console::time::ConsoleTime;
use crate::console::types::*;

const MINUTE_MS: i64 = 60_000;
const DAY_MS: i64 = 24 * 60 * MINUTE_MS;
/// How far `x-jdcloud-date` may be from the console's clock, and how long a nonce is remembered.
const CLOCK_SKEW_MS: i64 = 15 * MINUTE_MS;
const LOCKOUT_FAILURES: i64 = 5;
const LOCKOUT_WINDOW_MS: i64 = 15 * MINUTE_MS;
const QUOTE_VALID_MS: i64 = 15 * MINUTE_MS;
const MAX_ATTACHMENT_BYTES: usize = 5 * 1024 * 1024;
/// At normal speed a refund waits this long for approval, then this long in processing.
const APPROVAL_MS: f64 = 10_000.0;
const PROCESSING_MS: f64 = 15_000.0;

/// One HTTP request as it arrived.
#[derive(Debug, Clone)]
pub struct RawRequest {
    pub method: String,
    /// The path as on the request line, still percent-encoded.
    pub path: String,
    pub query: String,
    /// Lower-case names.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl RawRequest {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The answer to send, and whether a new refund was stored (fault injection can drop the
/// connection right after that).
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub request_id: String,
    pub retry_after: Option<u64>,
    pub body: Vec<u8>,
    pub stored_refund: bool,
}

impl Reply {
    pub fn error(error: ApiError) -> Reply {
        let request_id = new_request_id();
        let body = serde_json::to_vec(&json!({
            "requestId": request_id,
            "error": {"code": error.code, "status": error.status, "message": error.message},
        }))
        .unwrap_or_default();
        Reply {
            status: error.code,
            request_id,
            retry_after: error.retry_after,
            body,
            stored_refund: false,
        }
    }

    fn ok(result: Value, stored_refund: bool) -> Reply {
        let request_id = new_request_id();
        let body = serde_json::to_vec(&json!({"requestId": request_id, "result": result}))
            .unwrap_or_default();
        Reply {
            status: 200,
            request_id,
            retry_after: None,
            body,
            stored_refund,
        }
    }
}

fn new_request_id() -> String {
    format!("sbx-{}", uuid::Uuid::new_v4().simple())
}

#[derive(Debug, Clone)]
pub struct ApiError {
    pub code: u16,
    pub status: &'static str,
    pub message: String,
    pub retry_after: Option<u64>,
}

impl ApiError {
    fn new(code: u16, status: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            status,
            message: message.into(),
            retry_after: None,
        }
    }
    pub fn invalid(m: impl Into<String>) -> ApiError {
        ApiError::new(400, "INVALID_ARGUMENT", m)
    }
    fn unauthenticated(m: impl Into<String>) -> ApiError {
        ApiError::new(401, "UNAUTHENTICATED", m)
    }
    fn not_found(m: impl Into<String>) -> ApiError {
        ApiError::new(404, "NOT_FOUND", m)
    }
    fn precondition(m: impl Into<String>) -> ApiError {
        ApiError::new(409, "FAILED_PRECONDITION", m)
    }
    pub fn too_large(m: impl Into<String>) -> ApiError {
        ApiError::new(413, "PAYLOAD_TOO_LARGE", m)
    }
    pub fn exhausted(m: impl Into<String>, retry_after: u64) -> ApiError {
        ApiError {
            retry_after: Some(retry_after.max(1)),
            ..ApiError::new(429, "RESOURCE_EXHAUSTED", m)
        }
    }
    pub fn unavailable(m: impl Into<String>, retry_after: u64) -> ApiError {
        ApiError {
            retry_after: Some(retry_after),
            ..ApiError::new(503, "UNAVAILABLE", m)
        }
    }
    pub fn internal(m: impl Into<String>) -> ApiError {
        ApiError::new(500, "INTERNAL", m)
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> ApiError {
        ApiError::internal(format!("sandbox state error: {e}"))
    }
}

type ApiResult<T> = Result<T, ApiError>;

/// The sandbox console over one state file.
pub struct Console {
    conn: Mutex<Connection>,
    speed: f64,
    /// The last order listing's numbers, so paging through it costs one slice per page.
    listing: Mutex<Option<Listing>>,
}

/// An ordered listing of order numbers for one account and filter, valid while no other
/// connection has committed (orders change only by seeding, at start or elsewhere).
struct Listing {
    key: String,
    data_version: i64,
    numbers: std::sync::Arc<Vec<String>>,
}

/// Which operation a request names, with its path parameters.
enum Route {
    Login,
    Balance,
    Orders,
    Order(String),
    Policy,
    Quote,
    Upload,
    Submit,
    Status,
    Cancel(String),
    Remind(String),
}

impl Route {
    fn service(&self) -> &'static str {
        match self {
            Route::Login => "sts",
            Route::Balance => "asset",
            Route::Orders | Route::Order(_) => "order",
            _ => "refund",
        }
    }
}

fn route(method: &str, path: &str) -> ApiResult<(Route, Option<String>)> {
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let segments: Vec<&str> = decoded.trim_matches('/').split('/').collect();
    let unknown = || ApiError::not_found(format!("no operation {method} {decoded}"));
    if let ["v1", "sessionToken:login"] = segments.as_slice() {
        return match method {
            "POST" => Ok((Route::Login, None)),
            _ => Err(unknown()),
        };
    }
    let (version, region, rest) = match segments.as_slice() {
        [v, "regions", region, rest @ ..] if !rest.is_empty() => (*v, *region, rest),
        _ => return Err(unknown()),
    };
    let r = match (method, version, rest) {
        ("GET", "v1", ["assets:describeAccountAmount"]) => Route::Balance,
        ("POST", "v2", ["orders"]) => Route::Orders,
        ("GET", "v2", ["order", number]) => Route::Order(number.to_string()),
        ("GET", "v1", ["refund:policy"]) => Route::Policy,
        ("POST", "v1", ["refund:quote"]) => Route::Quote,
        ("POST", "v1", ["refund:uploadAttachment"]) => Route::Upload,
        ("POST", "v1", ["refund:resource"]) => Route::Submit,
        ("POST", "v1", ["refund:status"]) => Route::Status,
        ("POST", "v1", ["refund", action]) => match action.rsplit_once(':') {
            Some((id, "cancel")) => Route::Cancel(id.to_string()),
            Some((id, "urge")) => Route::Remind(id.to_string()),
            _ => return Err(unknown()),
        },
        _ => return Err(unknown()),
    };
    Ok((r, Some(region.to_string())))
}

/// Parses a JSON body; `null` fields read as absent, unknown fields are ignored.
fn body<T: DeserializeOwned>(req: &RawRequest) -> ApiResult<T> {
    let bytes = if req.body.is_empty() {
        b"{}".as_slice()
    } else {
        &req.body
    };
    serde_json::from_slice(bytes)
        .map_err(|e| ApiError::invalid(format!("invalid request body: {e}")))
}

fn check_body_region(req: &RawRequest, region: &str) -> ApiResult<()> {
    if req.body.is_empty() {
        return Ok(());
    }
    let value: Value = body(req)?;
    match value.get("regionId") {
        None | Some(Value::Null) => Ok(()),
        Some(Value::String(r)) if r == region => Ok(()),
        Some(other) => Err(ApiError::invalid(format!(
            "regionId {other} in the body differs from the path's region `{region}`"
        ))),
    }
}

fn to_value<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

fn time(ms: i64) -> ConsoleTime {
    ConsoleTime::from_millis(ms)
}

impl Console {
    pub fn new(conn: Connection, speed: f64) -> Console {
        Console {
            conn: Mutex::new(conn),
            listing: Mutex::new(None),
            speed: if speed.is_finite() && speed > 0.0 {
                speed
            } else {
                1.0
            },
        }
    }

    pub fn handle(&self, req: &RawRequest) -> Reply {
        match self.try_handle(req) {
            Ok(reply) => reply,
            Err(e) => Reply::error(e),
        }
    }

    fn try_handle(&self, req: &RawRequest) -> ApiResult<Reply> {
        let (route, region) = route(&req.method, &req.path)?;
        let mut conn = self
            .conn
            .lock()
            .map_err(|_| ApiError::internal("sandbox state lock poisoned"))?;
        let mut tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let now = now_ms();
        let Some(region) = region else {
            // Login: failures are committed too, for the lockout.
            let outcome = self.login(&tx, req, now);
            tx.commit()?;
            return outcome.map(|v| Reply::ok(v, false));
        };
        if !REGIONS.contains(&region.as_str()) {
            return Err(ApiError::invalid(format!(
                "unknown region `{region}` (known: {})",
                REGIONS.join(", ")
            )));
        }
        // A refused signature writes nothing (the transaction rolls back on return).
        let pin = self.authenticate(&tx, req, route.service(), &region, now)?;
        // The operation runs in a savepoint so that its failure keeps the nonce used.
        let outcome = {
            let sp = tx.savepoint()?;
            let outcome = check_body_region(req, &region).and_then(|()| {
                let ctx = Ctx {
                    tx: &sp,
                    pin: &pin,
                    region: &region,
                    now,
                };
                self.operate(&ctx, &route, req)
            });
            if outcome.is_ok() {
                sp.commit()?;
            }
            outcome
        };
        tx.commit()?;
        outcome.map(|(value, stored)| Reply::ok(value, stored))
    }

    fn operate(&self, ctx: &Ctx<'_>, route: &Route, req: &RawRequest) -> ApiResult<(Value, bool)> {
        let plain = |v: ApiResult<Value>| v.map(|v| (v, false));
        match route {
            Route::Login => unreachable!("login is handled before authentication"),
            Route::Balance => plain(balance(ctx)),
            Route::Orders => plain(list_orders(ctx, body(req)?, &self.listing)),
            Route::Order(number) => plain(order_detail(ctx, number, &req.query)),
            Route::Policy => Ok((to_value(&policy()), false)),
            Route::Quote => plain(quote_op(ctx, body(req)?)),
            Route::Upload => plain(upload(ctx, body(req)?)),
            Route::Submit => self.submit(ctx, req),
            Route::Status => plain(status(ctx, body(req)?)),
            Route::Cancel(id) => plain(cancel(ctx, id)),
            Route::Remind(id) => plain(remind(ctx, id)),
        }
    }

    // ---- authentication ----

    fn authenticate(
        &self,
        tx: &Connection,
        req: &RawRequest,
        service: &str,
        region: &str,
        now: i64,
    ) -> ApiResult<String> {
        let header = req.header("authorization").ok_or_else(|| {
            ApiError::unauthenticated(
                "missing Authorization header: sign the request with JDCLOUD3-HMAC-SHA256",
            )
        })?;
        let auth = Authorization::parse(header).map_err(ApiError::unauthenticated)?;
        let key: Option<(String, String, Option<String>, Option<i64>)> = tx
            .query_row(
                "SELECT secret_key, pin, session_token, expires_ms FROM access_keys WHERE access_key = ?1",
                params![auth.access_key],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((secret, pin, session_token, expires_ms)) = key else {
            return Err(ApiError::unauthenticated(format!(
                "unknown access key {}",
                auth.access_key
            )));
        };
        if auth.terminator != auth.algorithm.terminator() {
            return Err(ApiError::unauthenticated(format!(
                "the credential scope ends in `{}`, expected `{}`",
                auth.terminator,
                auth.algorithm.terminator()
            )));
        }
        if auth.service != service {
            return Err(ApiError::unauthenticated(format!(
                "the credential scope names service `{}`, but this request is for `{service}`",
                auth.service
            )));
        }
        if auth.region != region {
            return Err(ApiError::unauthenticated(format!(
                "the credential scope names region `{}`, but this request is for `{region}`",
                auth.region
            )));
        }
        let date = req
            .header("x-jdcloud-date")
            .ok_or_else(|| ApiError::unauthenticated("missing x-jdcloud-date header"))?;
        let signed_at = chrono::NaiveDateTime::parse_from_str(date, "%Y%m%dT%H%M%SZ")
            .map_err(|_| {
                ApiError::unauthenticated(format!(
                    "x-jdcloud-date `{date}` is not yyyyMMddTHHmmssZ"
                ))
            })?
            .and_utc()
            .timestamp_millis();
        let skew = (now - signed_at).abs();
        if skew > CLOCK_SKEW_MS {
            return Err(ApiError::unauthenticated(format!(
                "x-jdcloud-date is {} minutes from the console's clock (at most 15 allowed): check the system clock",
                skew / MINUTE_MS
            )));
        }
        if !date.starts_with(&auth.day) {
            return Err(ApiError::unauthenticated(format!(
                "the credential scope's date {} does not match x-jdcloud-date {date}",
                auth.day
            )));
        }
        let mut signed_headers = Vec::new();
        for name in &auth.signed_headers {
            let value = req.header(name).ok_or_else(|| {
                ApiError::unauthenticated(format!(
                    "signed header `{name}` is missing from the request"
                ))
            })?;
            signed_headers.push((name.clone(), value.to_string()));
        }
        let query = signing::canonical_query(&req.query);
        let string_to_sign = |keep_colon: bool| {
            let canonical = signing::canonical_request(
                &req.method,
                &signing::canonical_uri(&req.path, keep_colon),
                &query,
                &signed_headers,
                &req.body,
            );
            let scope = signing::scope(auth.algorithm, date, region, service);
            signing::string_to_sign(auth.algorithm, date, &scope, &canonical)
        };
        let key = signing::signing_key(auth.algorithm, &secret, &auth.day, region, service);
        let valid = [false, true].into_iter().any(|keep_colon| {
            signing::signatures_equal(
                &signing::signature(&key, &string_to_sign(keep_colon)),
                &auth.signature,
            )
        });
        if !valid {
            return Err(ApiError::unauthenticated(
                "the request signature does not match: check the secret key, and that nothing changed the request after signing",
            ));
        }
        let nonce = req
            .header("x-jdcloud-nonce")
            .ok_or_else(|| ApiError::unauthenticated("missing x-jdcloud-nonce header"))?;
        tx.execute(
            "DELETE FROM nonces WHERE at_ms < ?1",
            params![now - CLOCK_SKEW_MS],
        )?;
        let fresh = tx.execute(
            "INSERT OR IGNORE INTO nonces (access_key, nonce, at_ms) VALUES (?1, ?2, ?3)",
            params![auth.access_key, nonce, now],
        )?;
        if fresh == 0 {
            return Err(ApiError::unauthenticated(format!(
                "nonce {nonce} was already used within 15 minutes (a replayed request?)"
            )));
        }
        if let Some(token) = session_token {
            let sent = req.header("x-jdcloud-security-token").ok_or_else(|| {
                ApiError::unauthenticated(
                    "missing x-jdcloud-security-token for temporary credentials",
                )
            })?;
            let decoded = base64::engine::general_purpose::STANDARD
                .decode(sent.trim())
                .ok()
                .and_then(|b| String::from_utf8(b).ok());
            if decoded.as_deref() != Some(token.as_str()) {
                return Err(ApiError::unauthenticated("invalid session token"));
            }
            if let Some(expires) = expires_ms.filter(|e| *e <= now) {
                return Err(ApiError::unauthenticated(format!(
                    "the session expired at {}",
                    time(expires).wire()
                )));
            }
        }
        Ok(pin)
    }

    // ---- login ----

    fn login(&self, tx: &Connection, req: &RawRequest, now: i64) -> ApiResult<Value> {
        let request: LoginRequest = body(req)?;
        let failures: Vec<i64> = {
            let mut stmt = tx.prepare(
                "SELECT at_ms FROM login_failures WHERE pin = ?1 AND at_ms > ?2 ORDER BY at_ms",
            )?;
            let rows = stmt.query_map(params![request.account, now - LOCKOUT_WINDOW_MS], |r| {
                r.get(0)
            })?;
            rows.collect::<Result<_, _>>()?
        };
        if failures.len() as i64 >= LOCKOUT_FAILURES {
            let unlock = failures[failures.len() - LOCKOUT_FAILURES as usize] + LOCKOUT_WINDOW_MS;
            let wait = ((unlock - now) / 1000).max(1) as u64;
            return Err(ApiError::exhausted(
                format!(
                    "too many failed logins for `{}`: try again after {}",
                    request.account,
                    time(unlock).wire()
                ),
                wait,
            ));
        }
        let account: Option<(String, Option<String>)> = tx
            .query_row(
                "SELECT password_sha256, mfa_code FROM accounts WHERE pin = ?1",
                params![request.account],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let fail = |message: &str| -> ApiResult<Value> {
            tx.execute(
                "INSERT INTO login_failures (pin, at_ms) VALUES (?1, ?2)",
                params![request.account, now],
            )?;
            Err(ApiError::unauthenticated(message))
        };
        let Some((password_hash, mfa)) = account else {
            return fail("wrong account or password");
        };
        if !signing::signatures_equal(&sha256_hex(request.password.as_bytes()), &password_hash) {
            return fail("wrong account or password");
        }
        if let Some(expected) = mfa {
            match request.mfa_code.as_deref().map(str::trim) {
                None | Some("") => return Err(ApiError::new(
                    401,
                    "MFA_REQUIRED",
                    "this account has MFA enabled: send the 6-digit code from its authenticator",
                )),
                Some(code) if code != expected => return fail("wrong MFA code"),
                Some(_) => {}
            }
        }
        let duration = i64::from(request.duration_seconds.unwrap_or(3600));
        if !(900..=43_200).contains(&duration) {
            return Err(ApiError::invalid(
                "durationSeconds must be between 900 and 43200",
            ));
        }
        tx.execute(
            "DELETE FROM login_failures WHERE pin = ?1",
            params![request.account],
        )?;
        let expires = now + duration * 1000;
        let credentials = SessionCredentials {
            access_key: format!(
                "TMP{}",
                uuid::Uuid::new_v4().simple().to_string().to_uppercase()[..17].to_owned()
            ),
            secret_key: uuid::Uuid::new_v4().simple().to_string(),
            session_token: format!(
                "{}{}",
                uuid::Uuid::new_v4().simple(),
                uuid::Uuid::new_v4().simple()
            ),
            // The wire format has whole seconds; round down so the client never thinks the
            // session lasts longer than it does.
            expiration: time(expires - expires % 1000),
        };
        tx.execute(
            "INSERT INTO access_keys (access_key, secret_key, pin, session_token, expires_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![credentials.access_key, credentials.secret_key, request.account, credentials.session_token, expires],
        )?;
        Ok(to_value(&LoginResult {
            pin: request.account,
            credentials,
        }))
    }

    // ---- submit ----

    fn submit(&self, ctx: &Ctx<'_>, req: &RawRequest) -> ApiResult<(Value, bool)> {
        let raw: Value = body(req)?;
        let request: SubmitRefundRequest = serde_json::from_value(raw.clone())
            .map_err(|e| ApiError::invalid(format!("invalid request body: {e}")))?;
        let b = request.json_body;
        let body_sha = sha256_hex(canonical_json(&raw).as_bytes());

        if let Some(token) = &b.client_token {
            if token.is_empty() || token.chars().count() > 64 {
                return Err(ApiError::invalid("clientToken must be 1 to 64 characters"));
            }
            let previous: Option<(String, String)> = ctx
                .tx
                .query_row(
                    "SELECT refund_id, body_sha256 FROM refunds WHERE pin = ?1 AND client_token = ?2",
                    params![ctx.pin, token],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            if let Some((refund_id, previous_sha)) = previous {
                if previous_sha != body_sha {
                    return Err(ApiError::new(
                        409,
                        "CONFLICT",
                        format!("clientToken `{token}` was already used for refund {refund_id} with a different request"),
                    ));
                }
                let finish: i64 = ctx.tx.query_row(
                    "SELECT finish_ms FROM refunds WHERE refund_id = ?1",
                    params![refund_id],
                    |r| r.get(0),
                )?;
                return Ok((submit_result(&refund_id, finish), false));
            }
        }

        if b.resource_id.trim().is_empty() {
            return Err(ApiError::invalid("resourceId is required"));
        }
        let reason = b.refund_reason.unwrap_or(0);
        if !(0..=4).contains(&reason) {
            return Err(ApiError::invalid(format!(
                "refundReason {reason} is not one of 0 (not wanted), 1 (does not meet needs), 2 (poor operation experience), 3 (poor service), 4 (other)"
            )));
        }
        let reason_other = b
            .refund_reason_other
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        if reason == 4 && reason_other.is_none() {
            return Err(ApiError::invalid(
                "refundReason 4 (other) needs refundReasonOther",
            ));
        }
        let channel = b.refund_channel.unwrap_or(1);
        if !(1..=2).contains(&channel) {
            return Err(ApiError::invalid(
                "refundChannel must be 1 (original method) or 2 (account balance)",
            ));
        }
        let area = b.refund_area.unwrap_or(1);
        if !(1..=2).contains(&area) {
            return Err(ApiError::invalid(
                "refundArea must be 1 (cash only) or 2 (including coupons)",
            ));
        }
        if let Some(contact) = &b.contact {
            let has = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.trim().is_empty());
            if !has(&contact.phone) && !has(&contact.email) {
                return Err(ApiError::invalid("contact needs a phone or an email"));
            }
        }
        let order = OrderRow::for_resource(ctx, &b.resource_id)?;
        if let Some(number) = &b.order_number {
            if number != &order.order_number {
                return Err(ApiError::invalid(format!(
                    "order {number} is not the order of resource {}",
                    b.resource_id
                )));
            }
        }
        let quote = compute_quote(ctx, &order, channel, area)?;
        if !quote.refundable {
            return Err(ApiError::precondition(format!(
                "resource {} is not refundable: {}",
                b.resource_id,
                quote.not_refundable_reason.clone().unwrap_or_default()
            )));
        }
        let split = match b.refund_amount {
            None => quote.clone(),
            Some(amount) if amount == quote.fee => quote.clone(),
            Some(amount) => issued_quote(ctx, &order, area, amount)?.ok_or_else(|| {
                ApiError::precondition(format!(
                    "refund amount {amount} differs from the quote {} for resource {}",
                    quote.fee, b.resource_id
                ))
            })?,
        };
        let attachment_ids = b.attachment_ids.clone().unwrap_or_default();
        let mut has_invoice = false;
        for id in &attachment_ids {
            let kind: Option<String> = ctx
                .tx
                .query_row(
                    "SELECT kind FROM attachments WHERE attachment_id = ?1 AND pin = ?2",
                    params![id, ctx.pin],
                    |r| r.get(0),
                )
                .optional()?;
            match kind {
                None => return Err(ApiError::invalid(format!("attachment {id} not found"))),
                Some(k) => has_invoice |= k == "INVOICE",
            }
        }
        if quote.requires_invoice_return && !has_invoice {
            return Err(ApiError::invalid(
                "the invoice for this order was issued and must be returned: upload it (kind INVOICE) and list it in attachmentIds",
            ));
        }

        let (outcome, failure_code, failure_message) =
            self.decide_outcome(ctx, &order, channel, split.fee)?;
        let seq: i64 =
            ctx.tx
                .query_row("SELECT COALESCE(MAX(seq), 0) + 1 FROM refunds", [], |r| {
                    r.get(0)
                })?;
        let refund_id = format!("RF{}{seq:05}", time(ctx.now).0.format("%Y%m%d"));
        let approve = ctx.now + (APPROVAL_MS / self.speed).round() as i64;
        let finish = approve + (PROCESSING_MS / self.speed).round() as i64;
        ctx.tx.execute(
            "INSERT INTO refunds (seq, refund_id, pin, region_id, resource_id, order_number, amount_fen,
                cash_fen, balance_fen, coupon_fen, channel, area, reason, reason_other, contact,
                attachment_ids, client_token, body_sha256, created_ms, approve_ms, finish_ms, outcome,
                failure_code, failure_message)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                ?19, ?20, ?21, ?22, ?23, ?24)",
            params![
                seq,
                refund_id,
                ctx.pin,
                ctx.region,
                b.resource_id,
                order.order_number,
                split.fee.fen(),
                split.cash_fee.fen(),
                split.balance_fee.fen(),
                split.coupon_fee.fen(),
                channel,
                area,
                reason,
                reason_other,
                b.contact.as_ref().map(|c| to_value(c).to_string()),
                to_value(&attachment_ids).to_string(),
                b.client_token,
                body_sha,
                ctx.now,
                approve,
                finish,
                outcome,
                failure_code,
                failure_message,
            ],
        )?;
        Ok((submit_result(&refund_id, finish), true))
    }

    /// Decided when the refund is stored, revealed when it finishes.
    fn decide_outcome(
        &self,
        ctx: &Ctx<'_>,
        order: &OrderRow,
        channel: i64,
        fee: Fen,
    ) -> ApiResult<(&'static str, Option<&'static str>, Option<String>)> {
        let available: i64 = ctx.tx.query_row(
            "SELECT available_fen FROM accounts WHERE pin = ?1",
            params![ctx.pin],
            |r| r.get(0),
        )?;
        if available < 0 {
            return Ok((
                "FAILED",
                Some("INSUFFICIENT_BALANCE"),
                Some(format!(
                    "the account is in arrears (available balance {}): top up at least {} and submit again",
                    Fen::from_fen(available),
                    Fen::from_fen(-available)
                )),
            ));
        }
        if order.payment_channel == "OFFLINE_PAYMENT" && channel == 1 {
            return Ok((
                "FAILED",
                Some("PAYMENT_METHOD_UNSUPPORTED"),
                Some("the order was paid offline, and that channel cannot take refunds: submit again with the account balance as destination".into()),
            ));
        }
        if let Some(code) = order.refund_outcome.as_deref() {
            let already: i64 = ctx.tx.query_row(
                "SELECT COUNT(*) FROM refunds WHERE order_number = ?1 AND failure_code = ?2",
                params![order.order_number, code],
                |r| r.get(0),
            )?;
            if already == 0 {
                return Ok(match code {
                    "AMOUNT_MISMATCH" => (
                        "FAILED",
                        Some("AMOUNT_MISMATCH"),
                        Some(format!(
                            "the refund was recalculated at {} (applied for {}): quote again and submit the new amount",
                            recalculated(fee),
                            fee
                        )),
                    ),
                    _ => (
                        "FAILED",
                        Some("TECHNICAL_ERROR"),
                        Some("the payment system could not complete the refund; contact support with the refund id".into()),
                    ),
                });
            }
        }
        Ok(("SUCCESS", None, None))
    }
}

/// The sandbox's recalculation for the AMOUNT_MISMATCH case: one percent less.
fn recalculated(fee: Fen) -> Fen {
    fee.prorate(99, 100)
}

fn submit_result(refund_id: &str, finish_ms: i64) -> Value {
    to_value(&SubmitResult {
        success: true,
        code: Some(200),
        data: Some(refund_id.to_string()),
        message: Some(format!(
            "refund application {refund_id} submitted; expected to finish by {}",
            time(finish_ms).wire()
        )),
    })
}

/// Keys sorted, nulls dropped: two bodies that mean the same hash the same.
fn canonical_json(value: &Value) -> String {
    fn clean(v: &Value) -> Value {
        match v {
            Value::Object(map) => Value::Object(
                map.iter()
                    .filter(|(_, v)| !v.is_null())
                    .map(|(k, v)| (k.clone(), clean(v)))
                    .collect(),
            ),
            Value::Array(items) => Value::Array(items.iter().map(clean).collect()),
            other => other.clone(),
        }
    }
    clean(value).to_string()
}

struct Ctx<'a> {
    tx: &'a Connection,
    pin: &'a str,
    region: &'a str,
    now: i64,
}

// ---- orders ----

struct OrderRow {
    order_number: String,
    pin: String,
    region_id: String,
    resource_id: String,
    resource_name: String,
    item_name: String,
    app_code: String,
    app_name: String,
    service_name: String,
    charge_mode: String,
    order_type: String,
    pay_type: String,
    status: String,
    total: Fen,
    discount: Fen,
    money: Fen,
    balance: Fen,
    coupon: Fen,
    payment_channel: String,
    payment_number: Option<String>,
    invoice_issued: bool,
    create_ms: i64,
    pay_ms: Option<i64>,
    term_end_ms: Option<i64>,
    charge_duration: i64,
    unit: String,
    refund_outcome: Option<String>,
}

/// The order's status as of now: a refund that has succeeded makes it `REFUND_ALL`.
macro_rules! order_status {
    () => {
        "CASE WHEN EXISTS (SELECT 1 FROM refunds r WHERE r.order_number = o.order_number
            AND r.outcome = 'SUCCESS' AND r.canceled_ms IS NULL AND r.finish_ms <= :now)
            THEN 'REFUND_ALL' ELSE o.status END"
    };
}

const ORDER_STATUS: &str = order_status!();

const ORDER_SELECT: &str = concat!(
    "SELECT o.order_number, o.pin, o.region_id, o.resource_id, o.resource_name,
    o.item_name, o.app_code, o.app_name, o.service_name, o.charge_mode, o.order_type, o.pay_type, ",
    order_status!(),
    ", o.total_fen, o.discount_fen, o.money_fen, o.balance_fen, o.coupon_fen, o.payment_channel,
    o.payment_number, o.invoice_issued, o.create_ms, o.pay_ms, o.term_end_ms, o.charge_duration,
    o.unit, o.refund_outcome FROM orders o"
);

impl OrderRow {
    fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<OrderRow> {
        Ok(OrderRow {
            order_number: r.get(0)?,
            pin: r.get(1)?,
            region_id: r.get(2)?,
            resource_id: r.get(3)?,
            resource_name: r.get(4)?,
            item_name: r.get(5)?,
            app_code: r.get(6)?,
            app_name: r.get(7)?,
            service_name: r.get(8)?,
            charge_mode: r.get(9)?,
            order_type: r.get(10)?,
            pay_type: r.get(11)?,
            status: r.get(12)?,
            total: Fen::from_fen(r.get(13)?),
            discount: Fen::from_fen(r.get(14)?),
            money: Fen::from_fen(r.get(15)?),
            balance: Fen::from_fen(r.get(16)?),
            coupon: Fen::from_fen(r.get(17)?),
            payment_channel: r.get(18)?,
            payment_number: r.get(19)?,
            invoice_issued: r.get(20)?,
            create_ms: r.get(21)?,
            pay_ms: r.get(22)?,
            term_end_ms: r.get(23)?,
            charge_duration: r.get(24)?,
            unit: r.get(25)?,
            refund_outcome: r.get(26)?,
        })
    }

    fn load(ctx: &Ctx<'_>, filter: &str, arg: &str) -> ApiResult<Vec<OrderRow>> {
        let sql = format!("{ORDER_SELECT} WHERE o.pin = :pin {filter} ORDER BY o.create_ms DESC, o.order_number DESC");
        let mut stmt = ctx.tx.prepare_cached(&sql)?;
        let mut named: Vec<(&str, &dyn rusqlite::ToSql)> =
            vec![(":now", &ctx.now), (":pin", &ctx.pin)];
        if !filter.is_empty() {
            named.push((":arg", &arg));
        }
        let rows = stmt.query_map(named.as_slice(), OrderRow::from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn by_number(ctx: &Ctx<'_>, number: &str) -> ApiResult<OrderRow> {
        // Another account's order is "not found": never reveal that it exists.
        OrderRow::load(ctx, "AND o.order_number = :arg", number)?
            .into_iter()
            .next()
            .ok_or_else(|| ApiError::not_found(format!("order {number} not found")))
    }

    /// The newest order of a resource (a renewal supersedes the purchase).
    fn for_resource(ctx: &Ctx<'_>, resource_id: &str) -> ApiResult<OrderRow> {
        OrderRow::load(ctx, "AND o.resource_id = :arg", resource_id)?
            .into_iter()
            .next()
            .ok_or_else(|| ApiError::not_found(format!("resource {resource_id} not found")))
    }

    fn actual(&self) -> Fen {
        Fen::from_fen(self.money.fen() + self.balance.fen() + self.coupon.fen())
    }

    fn to_order(&self) -> Order {
        Order {
            order_number: self.order_number.clone(),
            pin: Some(self.pin.clone()),
            app_code: Some(self.app_code.clone()),
            app_name: Some(self.app_name.clone()),
            service_name: Some(self.service_name.clone()),
            charge_mode: Some(self.charge_mode.clone()),
            order_type: Some(self.order_type.clone()),
            pay_type: Some(self.pay_type.clone()),
            status: Some(self.status.clone()),
            total_fee: self.total,
            discount_fee: self.discount,
            actual_fee: self.actual(),
            create_time: Some(time(self.create_ms)),
            pay_time: self.pay_ms.map(time),
            payment_number: self.payment_number.clone(),
            resource_id: Some(self.resource_id.clone()),
            resource_name: Some(self.resource_name.clone()),
            region_id: Some(self.region_id.clone()),
        }
    }
}

fn json_number(fen: Fen) -> Value {
    fen.to_short_text()
        .parse::<serde_json::Number>()
        .map(Value::Number)
        .unwrap_or(Value::Null)
}

fn balance(ctx: &Ctx<'_>) -> ApiResult<Value> {
    let (total, available, frozen): (i64, i64, i64) = ctx.tx.query_row(
        "SELECT total_fen, available_fen, frozen_fen FROM accounts WHERE pin = ?1",
        params![ctx.pin],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let s = |v: i64| SignedFen(Fen::from_fen(v));
    Ok(to_value(&AccountAmount {
        total_amount: s(total),
        available_amount: s(available),
        frozen_amount: s(frozen),
        enable_withdraw_amount: s(available.max(0)),
        withdrawing_amount: s(0),
    }))
}

fn list_orders(
    ctx: &Ctx<'_>,
    request: QueryOrdersRequest,
    listing: &Mutex<Option<Listing>>,
) -> ApiResult<Value> {
    let q = request.query_vo;
    let page_size = i64::from(q.page_size.unwrap_or(10));
    if !(1..=100).contains(&page_size) {
        return Err(ApiError::invalid("pageSize must be between 1 and 100"));
    }
    let page = i64::from(q.page_number.unwrap_or(1).max(1));
    let (start, end) = match (q.start_time, q.end_time) {
        (None, None) => (ctx.now - 30 * DAY_MS, ctx.now),
        (Some(s), None) => (s, ctx.now.max(s)),
        (None, Some(e)) => (e - 30 * DAY_MS, e),
        (Some(s), Some(e)) => (s, e),
    };
    if end < start {
        return Err(ApiError::invalid("endTime is before startTime"));
    }
    if end - start > 366 * DAY_MS {
        return Err(ApiError::invalid(
            "startTime and endTime may span at most 366 days",
        ));
    }
    // Filtered and ordered in SQL over the (pin, create_ms, order_number) index.
    let filter = format!(
        "o.pin = :pin AND o.create_ms BETWEEN :start AND :end
         AND (:app IS NULL OR o.app_code = :app) AND (:svc IS NULL OR o.app_code = :svc)
         AND (:charge IS NULL OR o.charge_mode = :charge) AND (:pay IS NULL OR o.pay_type = :pay)
         AND (:otype IS NULL OR o.order_type = :otype) AND (:res IS NULL OR o.resource_id = :res)
         AND (:status IS NULL OR {ORDER_STATUS} = :status)"
    );
    let params: Vec<(&str, &dyn rusqlite::ToSql)> = vec![
        (":pin", &ctx.pin),
        (":now", &ctx.now),
        (":start", &start),
        (":end", &end),
        (":app", &q.app_code),
        (":svc", &q.service_code),
        (":charge", &q.charge_mode),
        (":pay", &q.pay_type),
        (":otype", &q.order_type),
        (":res", &q.resource_id),
        (":status", &q.status),
    ];
    // The listing's order numbers, newest first. Without a status filter (status moves with
    // the clock) it is kept between requests, so paging through 100,000 orders reads each
    // page's rows only, not the whole listing again.
    let key = format!(
        "{}|{start}|{end}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}",
        ctx.pin, q.app_code, q.service_code, q.charge_mode, q.pay_type, q.order_type, q.resource_id
    );
    let data_version: i64 = ctx.tx.query_row("PRAGMA data_version", [], |r| r.get(0))?;
    let cached = match (&q.status, listing.lock()) {
        (None, Ok(slot)) => slot
            .as_ref()
            .filter(|l| l.key == key && l.data_version == data_version)
            .map(|l| l.numbers.clone()),
        _ => None,
    };
    let all = match cached {
        Some(numbers) => numbers,
        None => {
            let numbers: Vec<String> = ctx
                .tx
                .prepare_cached(&format!(
                    "SELECT o.order_number FROM orders o WHERE {filter}
                     ORDER BY o.create_ms DESC, o.order_number DESC"
                ))?
                .query_map(params.as_slice(), |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            let numbers = std::sync::Arc::new(numbers);
            if q.status.is_none() {
                if let Ok(mut slot) = listing.lock() {
                    *slot = Some(Listing {
                        key,
                        data_version,
                        numbers: numbers.clone(),
                    });
                }
            }
            numbers
        }
    };
    let total = all.len() as i64;
    let offset = ((page - 1) * page_size) as usize;
    let numbers: Vec<&String> = all.iter().skip(offset).take(page_size as usize).collect();
    let list: Vec<Order> = numbers
        .into_iter()
        .map(|n| OrderRow::by_number(ctx, n).map(|o| o.to_order()))
        .collect::<ApiResult<_>>()?;
    Ok(to_value(&OrderPage {
        result_list: list,
        total_count: total as u64,
        total_page: ((total + page_size - 1) / page_size) as u64,
    }))
}

fn query_flag(query: &str, name: &str) -> bool {
    query.split('&').any(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, "true"));
        k == name && v.eq_ignore_ascii_case("true")
    })
}

fn order_detail(ctx: &Ctx<'_>, number: &str, query: &str) -> ApiResult<Value> {
    let o = OrderRow::by_number(ctx, number)?;
    let refunded: i64 = ctx.tx.query_row(
        "SELECT COALESCE(SUM(amount_fen), 0) FROM refunds WHERE order_number = ?1
         AND outcome = 'SUCCESS' AND canceled_ms IS NULL AND finish_ms <= ?2",
        params![o.order_number, ctx.now],
        |r| r.get(0),
    )?;
    let mut detail = to_value(&o.to_order());
    let Value::Object(map) = &mut detail else {
        return Err(ApiError::internal("order did not serialize to an object"));
    };
    let paid = Fen::from_fen(o.money.fen() + o.balance.fen());
    map.insert("paidFee".into(), json_number(paid));
    map.insert("balancePay".into(), json_number(o.balance));
    map.insert("moneyPay".into(), json_number(o.money));
    map.insert("favorableFee".into(), json_number(o.coupon));
    map.insert("refundFee".into(), json_number(Fen::from_fen(refunded)));
    map.insert("paymentChannel".into(), json!(o.payment_channel));
    map.insert("invoiceIssued".into(), json!(o.invoice_issued));
    if query_flag(query, "includeDetail") {
        let item_status = match (o.status.as_str(), o.term_end_ms) {
            ("REFUND_ALL", _) => "REFUNDED",
            (_, Some(end)) if end <= ctx.now => "EXPIRED",
            (_, Some(_)) => "RUNNING",
            _ => "PENDING",
        };
        let item = OrderItem {
            item_id: o.resource_id.clone(),
            item_name: Some(o.item_name.clone()),
            status: Some(item_status.into()),
            charge_duration: Some(o.charge_duration),
            unit: Some(o.unit.clone()),
            expire_date_after: o.term_end_ms.map(time),
            actual_fee: o.actual(),
        };
        map.insert("orderItemDetails".into(), json!([to_value(&item)]));
    }
    Ok(json!({ "order": detail }))
}

// ---- policy and quote ----

pub fn policy() -> RefundPolicy {
    RefundPolicy {
        version: "2026-10".into(),
        text: "Prepaid (monthly or yearly) cloud servers may be refunded in full within 5 days of payment, without giving a reason. After that, the unused share of the term is refunded pro rata by the minute, rounded down to the fen. Post-paid (pay-as-you-go) resources, expired resources, unpaid orders and orders already refunded or being refunded cannot be refunded. Coupons are refunded only when you ask for them. If the order's invoice has been issued, it must be returned with the application. Refunds go back to the original payment method, or to your account balance if you choose; offline payments can only be refunded to the balance.".into(),
        text_zh: Some("包年包月云主机自付款起 5 天内可无理由全额退款；超过 5 天按剩余时长按分钟折算退款，精确到分并向下取整。按配置计费（后付费）资源、已过期资源、未支付订单及已退款或退款中的订单不可退款。代金券仅在申请时选择退回才会退还。如订单已开具发票，需随申请退回发票。退款默认原路退回，也可选择退至账户余额；线下支付仅可退至账户余额。".into()),
        support_channels: vec![
            SupportChannel { kind: "hotline".into(), value: "400-615-1212".into(), hours: Some("24/7".into()) },
            SupportChannel { kind: "chat".into(), value: "https://www.jdcloud.com/cn/support".into(), hours: Some("24/7".into()) },
            SupportChannel { kind: "email".into(), value: "support@jdcloud.com".into(), hours: Some("reply within 1 business day".into()) },
            SupportChannel { kind: "ticket".into(), value: "https://console.jdcloud.com/ticket".into(), hours: Some("24/7".into()) },
        ],
    }
}

fn not_refundable(ctx: &Ctx<'_>, o: &OrderRow) -> ApiResult<Option<String>> {
    if o.pay_ms.is_none() || o.status == "NO_PAY" {
        return Ok(Some(
            "the order has not been paid, so there is nothing to refund".into(),
        ));
    }
    match o.status.as_str() {
        "REFUND_ALL" => return Ok(Some("the order has already been refunded in full".into())),
        "CANCELED" | "FAILED" => {
            return Ok(Some(format!("the order is {}", o.status.to_lowercase())))
        }
        _ => {}
    }
    let open: Option<String> = ctx
        .tx
        .query_row(
            "SELECT refund_id FROM refunds WHERE pin = ?1 AND resource_id = ?2
             AND canceled_ms IS NULL AND finish_ms > ?3 ORDER BY seq DESC LIMIT 1",
            params![ctx.pin, o.resource_id, ctx.now],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = open {
        return Ok(Some(format!("refund {id} for this resource is still being processed (an open refund already exists)")));
    }
    if o.pay_type == "POST_PAID" {
        return Ok(Some("post-paid (pay-as-you-go) resources are billed by use and cannot be refunded; release the resource to stop charges".into()));
    }
    if let Some(end) = o.term_end_ms.filter(|end| *end <= ctx.now) {
        return Ok(Some(format!(
            "the service term ended on {}; expired resources cannot be refunded",
            time(end).wire()
        )));
    }
    Ok(None)
}

fn compute_quote(ctx: &Ctx<'_>, o: &OrderRow, _channel: i64, area: i64) -> ApiResult<Quote> {
    let reason = not_refundable(ctx, o)?;
    let mut quote = Quote {
        resource_id: o.resource_id.clone(),
        order_numbers: vec![o.order_number.clone()],
        refundable: reason.is_none(),
        policy: Some("NONE".into()),
        not_refundable_reason: reason,
        fee: Fen::ZERO,
        cash_fee: Fen::ZERO,
        balance_fee: Fen::ZERO,
        coupon_fee: Fen::ZERO,
        requires_invoice_return: false,
        quoted_at: Some(time(ctx.now)),
        valid_until: Some(time(ctx.now + QUOTE_VALID_MS)),
    };
    if !quote.refundable {
        return Ok(quote);
    }
    let (Some(paid), Some(end)) = (o.pay_ms, o.term_end_ms) else {
        return Ok(quote);
    };
    let (used, total) = if ctx.now - paid <= 5 * DAY_MS {
        quote.policy = Some("NO_REASON".into());
        (1, 1)
    } else {
        quote.policy = Some("PRORATED".into());
        ((end - ctx.now) / MINUTE_MS, (end - paid) / MINUTE_MS)
    };
    quote.cash_fee = o.money.prorate(used, total);
    quote.balance_fee = o.balance.prorate(used, total);
    quote.coupon_fee = if area == 2 {
        o.coupon.prorate(used, total)
    } else {
        Fen::ZERO
    };
    // After an AMOUNT_MISMATCH failure the console's recalculated figure stands.
    let mismatched: i64 = ctx.tx.query_row(
        "SELECT COUNT(*) FROM refunds WHERE order_number = ?1 AND failure_code = 'AMOUNT_MISMATCH' AND finish_ms <= ?2",
        params![o.order_number, ctx.now],
        |r| r.get(0),
    )?;
    let gross = sum(&[quote.cash_fee, quote.balance_fee, quote.coupon_fee]);
    if mismatched > 0 {
        let cut = Fen::from_fen(gross.fen() - recalculated(gross).fen());
        quote.cash_fee = Fen::from_fen((quote.cash_fee.fen() - cut.fen()).max(0));
    }
    quote.fee = sum(&[quote.cash_fee, quote.balance_fee, quote.coupon_fee]);
    quote.requires_invoice_return = o.invoice_issued;
    Ok(quote)
}

fn sum(parts: &[Fen]) -> Fen {
    Fen::from_fen(parts.iter().map(|f| f.fen()).sum())
}

fn quote_op(ctx: &Ctx<'_>, request: QuoteRequest) -> ApiResult<Value> {
    let o = OrderRow::for_resource(ctx, &request.resource_id)?;
    let channel = i64::from(request.refund_channel.unwrap_or(1));
    let area = i64::from(request.refund_area.unwrap_or(1));
    if !(1..=2).contains(&channel) || !(1..=2).contains(&area) {
        return Err(ApiError::invalid(
            "refundChannel and refundArea must be 1 or 2",
        ));
    }
    let quote = compute_quote(ctx, &o, channel, area)?;
    if quote.refundable {
        // Remembered so that a submission within its validity gets exactly this amount.
        ctx.tx.execute(
            "DELETE FROM quotes WHERE valid_until_ms < ?1",
            params![ctx.now],
        )?;
        ctx.tx.execute(
            "INSERT INTO quotes (pin, order_number, area, fee_fen, quote_json, quoted_ms, valid_until_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![ctx.pin, o.order_number, area, quote.fee.fen(), to_value(&quote).to_string(), ctx.now, ctx.now + QUOTE_VALID_MS],
        )?;
    }
    Ok(to_value(&quote))
}

/// A quote this console issued for the order, still valid, for exactly `amount`.
fn issued_quote(ctx: &Ctx<'_>, o: &OrderRow, area: i64, amount: Fen) -> ApiResult<Option<Quote>> {
    let last_mismatch: Option<i64> = ctx.tx.query_row(
        "SELECT MAX(finish_ms) FROM refunds WHERE order_number = ?1 AND failure_code = 'AMOUNT_MISMATCH' AND finish_ms <= ?2",
        params![o.order_number, ctx.now],
        |r| r.get(0),
    )?;
    let text: Option<String> = ctx
        .tx
        .query_row(
            "SELECT quote_json FROM quotes WHERE pin = ?1 AND order_number = ?2 AND area = ?3
             AND fee_fen = ?4 AND valid_until_ms >= ?5 AND quoted_ms > ?6 ORDER BY quoted_ms DESC LIMIT 1",
            params![ctx.pin, o.order_number, area, amount.fen(), ctx.now, last_mismatch.unwrap_or(i64::MIN)],
            |r| r.get(0),
        )
        .optional()?;
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
}

// ---- attachments ----

fn upload(ctx: &Ctx<'_>, request: UploadRequest) -> ApiResult<Value> {
    if !["application/pdf", "image/png", "image/jpeg"].contains(&request.content_type.as_str()) {
        return Err(ApiError::invalid(format!(
            "contentType `{}` is not accepted (application/pdf, image/png, image/jpeg)",
            request.content_type
        )));
    }
    if !["INVOICE", "CONTRACT", "OTHER"].contains(&request.kind.as_str()) {
        return Err(ApiError::invalid(format!(
            "kind `{}` is not one of INVOICE, CONTRACT, OTHER",
            request.kind
        )));
    }
    if request.file_name.trim().is_empty() {
        return Err(ApiError::invalid("fileName is required"));
    }
    let content = base64::engine::general_purpose::STANDARD
        .decode(request.content_base64.trim())
        .map_err(|e| ApiError::invalid(format!("contentBase64 is not base64: {e}")))?;
    if content.len() > MAX_ATTACHMENT_BYTES {
        return Err(ApiError::too_large(format!(
            "the document is {} bytes; at most 5 MiB ({MAX_ATTACHMENT_BYTES} bytes) is accepted",
            content.len()
        )));
    }
    let id = format!("att-{}", uuid::Uuid::new_v4().simple());
    let sha = sha256_hex(&content);
    ctx.tx.execute(
        "INSERT INTO attachments (attachment_id, pin, file_name, content_type, kind, sha256, size, content, created_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![id, ctx.pin, request.file_name, request.content_type, request.kind, sha, content.len() as i64, content, ctx.now],
    )?;
    Ok(to_value(&Attachment {
        attachment_id: id,
        sha256: sha,
        size: content.len() as u64,
    }))
}

// ---- refunds ----

struct RefundRow {
    seq: i64,
    refund_id: String,
    pin: String,
    resource_id: String,
    order_number: String,
    amount: Fen,
    cash: Fen,
    balance: Fen,
    coupon: Fen,
    channel: i64,
    created_ms: i64,
    approve_ms: i64,
    finish_ms: i64,
    outcome: String,
    failure_code: Option<String>,
    failure_message: Option<String>,
    canceled_ms: Option<i64>,
    reminded_ms: Option<i64>,
}

const REFUND_SELECT: &str = "SELECT seq, refund_id, pin, resource_id, order_number, amount_fen,
    cash_fen, balance_fen, coupon_fen, channel, created_ms, approve_ms, finish_ms, outcome,
    failure_code, failure_message, canceled_ms, reminded_ms FROM refunds";

impl RefundRow {
    fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RefundRow> {
        Ok(RefundRow {
            seq: r.get(0)?,
            refund_id: r.get(1)?,
            pin: r.get(2)?,
            resource_id: r.get(3)?,
            order_number: r.get(4)?,
            amount: Fen::from_fen(r.get(5)?),
            cash: Fen::from_fen(r.get(6)?),
            balance: Fen::from_fen(r.get(7)?),
            coupon: Fen::from_fen(r.get(8)?),
            channel: r.get(9)?,
            created_ms: r.get(10)?,
            approve_ms: r.get(11)?,
            finish_ms: r.get(12)?,
            outcome: r.get(13)?,
            failure_code: r.get(14)?,
            failure_message: r.get(15)?,
            canceled_ms: r.get(16)?,
            reminded_ms: r.get(17)?,
        })
    }

    fn by_id(ctx: &Ctx<'_>, refund_id: &str) -> ApiResult<RefundRow> {
        let sql = format!("{REFUND_SELECT} WHERE pin = ?1 AND refund_id = ?2");
        ctx.tx
            .query_row(&sql, params![ctx.pin, refund_id], RefundRow::from_row)
            .optional()?
            .ok_or_else(|| ApiError::not_found(format!("refund {refund_id} not found")))
    }

    /// The status as of `now`: refunds move on by the clock.
    fn status(&self, now: i64) -> &str {
        if self.canceled_ms.is_some() {
            "CANCELED"
        } else if now < self.approve_ms {
            "PENDING_APPROVAL"
        } else if now < self.finish_ms {
            "PROCESSING"
        } else {
            &self.outcome
        }
    }

    fn to_application(&self, now: i64) -> RefundApplication {
        let status = self.status(now).to_string();
        let mut timeline = vec![TimelineEntry {
            status: "PENDING_APPROVAL".into(),
            time: time(self.created_ms),
            note: Some("application received, waiting for review".into()),
        }];
        if let Some(canceled) = self.canceled_ms {
            timeline.push(TimelineEntry {
                status: "CANCELED".into(),
                time: time(canceled),
                note: Some("canceled by the applicant".into()),
            });
        } else {
            if now >= self.approve_ms {
                timeline.push(TimelineEntry {
                    status: "PROCESSING".into(),
                    time: time(self.approve_ms),
                    note: Some("approved; the money is on its way".into()),
                });
            }
            if now >= self.finish_ms {
                let note = match (self.outcome.as_str(), self.channel) {
                    ("SUCCESS", 2) => "refunded to the account balance".to_string(),
                    ("SUCCESS", _) => "refunded to the original payment method".to_string(),
                    _ => self.failure_message.clone().unwrap_or_default(),
                };
                timeline.push(TimelineEntry {
                    status: self.outcome.clone(),
                    time: time(self.finish_ms),
                    note: Some(note),
                });
            }
        }
        let failed = status == "FAILED";
        RefundApplication {
            id: Some(self.seq),
            pin: Some(self.pin.clone()),
            refund_id: self.refund_id.clone(),
            resource_id: self.resource_id.clone(),
            refund_amount: self.amount,
            update_time: timeline.last().map(|t| t.time),
            status,
            create_time: Some(time(self.created_ms)),
            order_number: Some(self.order_number.clone()),
            refund_channel: Some(self.channel),
            expected_finish_time: Some(time(self.finish_ms)),
            failure_code: if failed {
                self.failure_code.clone()
            } else {
                None
            },
            failure_message: if failed {
                self.failure_message.clone()
            } else {
                None
            },
            timeline,
            items: vec![RefundItem {
                order_number: self.order_number.clone(),
                cash_refund_fee: self.cash,
                balance_refund_fee: self.balance,
                coupon_refund_fee: self.coupon,
                refund_fee: self.amount,
            }],
        }
    }
}

fn status(ctx: &Ctx<'_>, request: StatusRequest) -> ApiResult<Value> {
    if let Some(pin) = request.pin.as_deref().filter(|p| *p != ctx.pin) {
        return Err(ApiError::new(
            403,
            "PERMISSION_DENIED",
            format!("pin `{pin}` does not match the credentials"),
        ));
    }
    let page_size = request.page_size.unwrap_or(20);
    if !(1..=100).contains(&page_size) {
        return Err(ApiError::invalid("pageSize must be between 1 and 100"));
    }
    let page = request.page_number.unwrap_or(1).max(1);
    let sql = format!("{REFUND_SELECT} WHERE pin = ?1 ORDER BY seq DESC");
    let mut stmt = ctx.tx.prepare_cached(&sql)?;
    let rows: Vec<RefundRow> = stmt
        .query_map(params![ctx.pin], RefundRow::from_row)?
        .collect::<Result<_, _>>()?;
    let matching: Vec<&RefundRow> = rows
        .iter()
        .filter(|r| {
            request
                .refund_id
                .as_ref()
                .is_none_or(|id| *id == r.refund_id)
        })
        .filter(|r| {
            request
                .resource_id
                .as_ref()
                .is_none_or(|id| *id == r.resource_id)
        })
        .filter(|r| {
            request
                .status
                .as_ref()
                .is_none_or(|s| s == r.status(ctx.now))
        })
        .collect();
    let data: Vec<RefundApplication> = matching
        .iter()
        .skip(((page - 1) * page_size) as usize)
        .take(page_size as usize)
        .map(|r| r.to_application(ctx.now))
        .collect();
    Ok(to_value(&RefundPage {
        page_infos: PageInfo {
            current_page: page,
            page_size,
            total_record: matching.len() as u64,
        },
        data,
    }))
}

fn cancel(ctx: &Ctx<'_>, refund_id: &str) -> ApiResult<Value> {
    let r = RefundRow::by_id(ctx, refund_id)?;
    let current = r.status(ctx.now);
    if current != "PENDING_APPROVAL" {
        return Err(ApiError::precondition(format!(
            "refund {refund_id} is {current}; only a refund still PENDING_APPROVAL can be canceled"
        )));
    }
    ctx.tx.execute(
        "UPDATE refunds SET canceled_ms = ?1 WHERE refund_id = ?2",
        params![ctx.now, refund_id],
    )?;
    let r = RefundRow::by_id(ctx, refund_id)?;
    Ok(to_value(&r.to_application(ctx.now)))
}

fn remind(ctx: &Ctx<'_>, refund_id: &str) -> ApiResult<Value> {
    let r = RefundRow::by_id(ctx, refund_id)?;
    let current = r.status(ctx.now);
    if !matches!(current, "PENDING_APPROVAL" | "PROCESSING") {
        return Err(ApiError::precondition(format!(
            "refund {refund_id} is {current}; reminders are for refunds still in progress"
        )));
    }
    if let Some(last) = r.reminded_ms.filter(|t| ctx.now - t < DAY_MS) {
        let next = last + DAY_MS;
        return Err(ApiError::exhausted(
            format!(
                "refund {refund_id} was already reminded at {}; the next reminder is possible after {}",
                time(last).wire(),
                time(next).wire()
            ),
            ((next - ctx.now) / 1000) as u64,
        ));
    }
    ctx.tx.execute(
        "UPDATE refunds SET reminded_ms = ?1 WHERE refund_id = ?2",
        params![ctx.now, refund_id],
    )?;
    Ok(to_value(&RemindResult {
        refund_id: refund_id.to_string(),
        reminded_at: time(ctx.now),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_every_operation() {
        let cases = [
            ("POST", "/v1/sessionToken:login", "sts"),
            (
                "GET",
                "/v1/regions/cn-north-1/assets:describeAccountAmount",
                "asset",
            ),
            ("POST", "/v2/regions/cn-north-1/orders", "order"),
            ("GET", "/v2/regions/cn-north-1/order/123", "order"),
            ("GET", "/v1/regions/cn-north-1/refund:policy", "refund"),
            ("POST", "/v1/regions/cn-north-1/refund%3Aquote", "refund"),
            (
                "POST",
                "/v1/regions/cn-north-1/refund:uploadAttachment",
                "refund",
            ),
            ("POST", "/v1/regions/cn-north-1/refund:resource", "refund"),
            ("POST", "/v1/regions/cn-north-1/refund:status", "refund"),
            ("POST", "/v1/regions/cn-north-1/refund/RF1:cancel", "refund"),
            ("POST", "/v1/regions/cn-north-1/refund/RF1%3Aurge", "refund"),
        ];
        for (method, path, service) in cases {
            let (route, _) = route(method, path).unwrap_or_else(|_| panic!("{path}"));
            assert_eq!(route.service(), service, "{path}");
        }
        assert!(route("GET", "/v2/regions/cn-north-1/orders").is_err());
        assert!(route("POST", "/v1/regions/cn-north-1/refund/RF1:delete").is_err());
    }

    #[test]
    fn canonical_json_ignores_nulls_and_order() {
        let a: Value = serde_json::from_str(r#"{"b": 1, "a": {"y": null, "x": 2}}"#).unwrap();
        let b: Value = serde_json::from_str(r#"{"a": {"x": 2}, "b": 1, "c": null}"#).unwrap();
        assert_eq!(canonical_json(&a), canonical_json(&b));
    }
}
