//! The console client against the sandbox console, over real HTTP on 127.0.0.1:0: every
//! operation, the signature rules, idempotency and the refund rules of CONSOLE-API.md.

mod common;

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

use common::*;
use jdc_refund::console::signing::Algorithm;
use jdc_refund::console::types::*;
use jdc_refund::console::{ConsoleError, Credentials, Fen};

const FULL: &str = "i-demo0nrsn01"; // paid 2 days ago: 102.35 in full
const PRORATED: &str = "i-demo0prort2";
const INVOICE: &str = "i-demo0invc03";
const OFFLINE: &str = "i-demo0offl04";
const MISMATCH: &str = "i-demo0amis09";
const TECHNICAL: &str = "i-demo0tech10";

fn body(resource: &str) -> RefundBody {
    RefundBody {
        resource_id: resource.into(),
        refund_type: Some(1),
        refund_channel: Some(1),
        refund_way: Some(2),
        refund_reason: Some(0),
        refund_reason_other: None,
        refund_area: Some(1),
        client_token: None,
        order_number: None,
        refund_amount: None,
        contact: Some(Contact {
            name: Some("Li Lei".into()),
            phone: Some("13800000000".into()),
            email: None,
        }),
        attachment_ids: None,
    }
}

fn api_status(e: &ConsoleError) -> (u16, String, String) {
    match e {
        ConsoleError::Api {
            http,
            status,
            message,
            ..
        } => (*http, status.clone(), message.clone()),
        other => panic!("expected a console error, got {other:?}"),
    }
}

fn wait_for_status(
    client: &jdc_refund::console::Client,
    id: &str,
    want: &str,
) -> RefundApplication {
    for _ in 0..2000 {
        let refund = client.refund(id).expect("status");
        if refund.status == want {
            return refund;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("refund {id} never reached {want}");
}

#[test]
fn every_read_operation_succeeds() {
    let sandbox = Sandbox::start();
    let client = sandbox.client();

    let balance = client.describe_account_amount().unwrap();
    assert_eq!(balance.total_amount.0, Fen::from_fen(8_800));

    let page = client
        .query_orders(&QueryVo {
            start_time: Some(chrono::Utc::now().timestamp_millis() - 365 * 86_400_000),
            page_size: Some(100),
            ..QueryVo::default()
        })
        .unwrap();
    assert_eq!(page.total_count, 10, "demo's seeded orders");
    assert!(page
        .result_list
        .windows(2)
        .all(|w| w[0].create_time >= w[1].create_time));
    // Without a range the console looks back 30 days only.
    let recent = client.query_orders(&QueryVo::default()).unwrap();
    assert_eq!(recent.total_count, 8);
    assert_eq!(recent.result_list.len(), 8);
    assert_eq!(recent.total_page, 1);

    let detail = client.query_order("212611270000000101").unwrap();
    assert_eq!(detail.order.actual_fee, Fen::from_fen(10_235));
    assert_eq!(detail.money_pay, Fen::from_fen(8_000));
    assert_eq!(detail.balance_pay, Fen::from_fen(2_235));
    assert_eq!(detail.order_item_details.len(), 1);
    assert_eq!(detail.order_item_details[0].item_id, FULL);

    let policy = client.refund_policy().unwrap();
    assert!(policy.text.contains("5 days"));
    assert!(policy.support_channels.iter().any(|c| c.kind == "hotline"));

    let quote = client.refund_quote(FULL, None, None).unwrap();
    assert!(quote.refundable);
    assert_eq!(quote.policy.as_deref(), Some("NO_REASON"));
    assert_eq!(quote.fee, Fen::from_fen(10_235));
    assert_eq!(quote.cash_fee, Fen::from_fen(8_000));
    assert_eq!(quote.balance_fee, Fen::from_fen(2_235));
    assert!(!quote.requires_invoice_return);

    let prorated = client.refund_quote(PRORATED, None, Some(1)).unwrap();
    assert_eq!(prorated.policy.as_deref(), Some("PRORATED"));
    assert!(prorated.fee < Fen::from_fen(115_000) && prorated.fee > Fen::from_fen(50_000));
    assert_eq!(prorated.coupon_fee, Fen::ZERO);
    let with_coupons = client.refund_quote(PRORATED, None, Some(2)).unwrap();
    assert!(with_coupons.coupon_fee > Fen::ZERO);
    assert_eq!(
        with_coupons.fee.fen(),
        with_coupons.cash_fee.fen()
            + with_coupons.balance_fee.fen()
            + with_coupons.coupon_fee.fen()
    );
}

#[test]
fn each_unrefundable_order_says_why() {
    let sandbox = Sandbox::start();
    let client = sandbox.client();
    for (resource, why) in [
        ("i-demo0post05", "post-paid"),
        ("i-demo0expd06", "term ended"),
        ("i-demo0rfnd07", "already been refunded"),
        ("i-demo0npay08", "not been paid"),
    ] {
        let quote = client.refund_quote(resource, None, None).unwrap();
        assert!(!quote.refundable, "{resource}");
        assert_eq!(quote.fee, Fen::ZERO);
        let reason = quote.not_refundable_reason.unwrap_or_default();
        assert!(reason.contains(why), "{resource}: {reason}");
        let e = client.submit_refund(&body(resource)).unwrap_err();
        let (http, status, message) = api_status(&e);
        assert_eq!((http, status.as_str()), (409, "FAILED_PRECONDITION"));
        assert!(message.contains(why), "{message}");
    }
}

#[test]
fn submit_status_remind_cancel() {
    let sandbox = Sandbox::start();
    let client = sandbox.client();
    let result = client.submit_refund(&body(FULL)).unwrap();
    assert!(result.success);
    let id = result.data.unwrap();
    assert!(id.starts_with("RF"), "{id}");

    let refund = client.refund(&id).unwrap();
    assert_eq!(refund.status, "PENDING_APPROVAL");
    assert_eq!(refund.refund_amount, Fen::from_fen(10_235));
    assert_eq!(refund.items[0].cash_refund_fee, Fen::from_fen(8_000));
    assert_eq!(refund.timeline.len(), 1);

    // An open refund blocks a second one for the same resource.
    let e = client.submit_refund(&body(FULL)).unwrap_err();
    let (http, _, message) = api_status(&e);
    assert_eq!(http, 409);
    assert!(message.contains("open refund"), "{message}");

    let reminded = client.remind_refund(&id).unwrap();
    assert_eq!(reminded.refund_id, id);
    let e = client.remind_refund(&id).unwrap_err();
    let (http, status, _) = api_status(&e);
    assert_eq!((http, status.as_str()), (429, "RESOURCE_EXHAUSTED"));
    match e {
        ConsoleError::Api { retry_after, .. } => {
            assert!(retry_after.unwrap() > Duration::from_secs(3600))
        }
        _ => unreachable!(),
    }

    let canceled = client.cancel_refund(&id).unwrap();
    assert_eq!(canceled.status, "CANCELED");
    // Canceled: the resource can be refunded again.
    assert!(client.refund_quote(FULL, None, None).unwrap().refundable);

    let all = client.refund_status(&StatusRequest::default()).unwrap();
    assert_eq!(all.page_infos.total_record, 1);
    let e = client.refund("RF000").unwrap_err();
    assert_eq!(api_status(&e).0, 404);
}

#[test]
fn a_refund_moves_on_by_the_clock_to_success() {
    let sandbox = Sandbox::with(fast());
    let client = sandbox.client();
    let id = client.submit_refund(&body(FULL)).unwrap().data.unwrap();
    let done = wait_for_status(&client, &id, "SUCCESS");
    let statuses: Vec<&str> = done.timeline.iter().map(|t| t.status.as_str()).collect();
    assert_eq!(statuses, ["PENDING_APPROVAL", "PROCESSING", "SUCCESS"]);
    let order = client.query_order("212611270000000101").unwrap();
    assert_eq!(order.order.status.as_deref(), Some("REFUND_ALL"));
    assert_eq!(order.refund_fee, Fen::from_fen(10_235));
    let quote = client.refund_quote(FULL, None, None).unwrap();
    assert!(!quote.refundable);
}

#[test]
fn cancel_after_approval_is_refused() {
    // Slow enough that the PROCESSING stage is seen.
    let sandbox = Sandbox::with(|o| o.speed = 50.0);
    let client = sandbox.client();
    let id = client.submit_refund(&body(FULL)).unwrap().data.unwrap();
    wait_for_status(&client, &id, "PROCESSING");
    let (http, status, message) = api_status(&client.cancel_refund(&id).unwrap_err());
    assert_eq!((http, status.as_str()), (409, "FAILED_PRECONDITION"));
    assert!(message.contains("PENDING_APPROVAL"), "{message}");
}

#[test]
fn failure_codes_of_the_seeded_cases() {
    let sandbox = Sandbox::with(fast());
    let client = sandbox.client();

    // Paid offline: to the original channel fails, to the balance succeeds.
    let id = client.submit_refund(&body(OFFLINE)).unwrap().data.unwrap();
    let failed = wait_for_status(&client, &id, "FAILED");
    assert_eq!(
        failed.failure_code.as_deref(),
        Some("PAYMENT_METHOD_UNSUPPORTED")
    );
    let to_balance = RefundBody {
        refund_channel: Some(2),
        ..body(OFFLINE)
    };
    let id = client.submit_refund(&to_balance).unwrap().data.unwrap();
    wait_for_status(&client, &id, "SUCCESS");

    // The amount changes on recalculation once; the new quote then succeeds.
    let before = client.refund_quote(MISMATCH, None, None).unwrap().fee;
    let id = client.submit_refund(&body(MISMATCH)).unwrap().data.unwrap();
    let failed = wait_for_status(&client, &id, "FAILED");
    assert_eq!(failed.failure_code.as_deref(), Some("AMOUNT_MISMATCH"));
    let after = client.refund_quote(MISMATCH, None, None).unwrap().fee;
    assert!(after < before, "{after} < {before}");
    assert!(failed.failure_message.unwrap().contains(&after.to_string()));
    let again = RefundBody {
        refund_amount: Some(after),
        ..body(MISMATCH)
    };
    let id = client.submit_refund(&again).unwrap().data.unwrap();
    assert_eq!(
        wait_for_status(&client, &id, "SUCCESS").refund_amount,
        after
    );

    let id = client
        .submit_refund(&body(TECHNICAL))
        .unwrap()
        .data
        .unwrap();
    let failed = wait_for_status(&client, &id, "FAILED");
    assert_eq!(failed.failure_code.as_deref(), Some("TECHNICAL_ERROR"));

    // The account in arrears.
    let login = client
        .login(&LoginRequest {
            account: "arrears-demo".into(),
            password: "demo-password".into(),
            mfa_code: None,
            duration_seconds: None,
        })
        .unwrap();
    let arrears = sandbox.client_as(Some(Credentials {
        access_key: login.credentials.access_key,
        secret_key: login.credentials.secret_key,
        session_token: Some(login.credentials.session_token),
    }));
    let balance = arrears.describe_account_amount().unwrap();
    assert!(balance.available_amount.0.is_negative());
    let id = arrears
        .submit_refund(&body("i-arrs0srvr01"))
        .unwrap()
        .data
        .unwrap();
    let failed = wait_for_status(&arrears, &id, "FAILED");
    assert_eq!(failed.failure_code.as_deref(), Some("INSUFFICIENT_BALANCE"));
    assert!(failed.failure_message.unwrap().contains("12.50"));
}

#[test]
fn client_token_makes_a_submission_idempotent() {
    let sandbox = Sandbox::start();
    let client = sandbox.client();
    let mut b = body(FULL);
    b.client_token = Some("token-1".into());
    let first = client.submit_refund(&b).unwrap().data.unwrap();
    let second = client.submit_refund(&b).unwrap().data.unwrap();
    assert_eq!(first, second);
    let all = client.refund_status(&StatusRequest::default()).unwrap();
    assert_eq!(all.page_infos.total_record, 1);

    b.refund_reason = Some(3);
    let (http, status, message) = api_status(&client.submit_refund(&b).unwrap_err());
    assert_eq!((http, status.as_str()), (409, "CONFLICT"));
    assert!(message.contains(&first), "{message}");
}

#[test]
fn an_amount_other_than_the_quote_is_refused_naming_both() {
    let sandbox = Sandbox::start();
    let client = sandbox.client();
    let mut b = body(FULL);
    b.refund_amount = Some(Fen::from_fen(10_000));
    let (http, status, message) = api_status(&client.submit_refund(&b).unwrap_err());
    assert_eq!((http, status.as_str()), (409, "FAILED_PRECONDITION"));
    assert!(
        message.contains("100.00") && message.contains("102.35"),
        "{message}"
    );
    b.refund_amount = Some(Fen::from_fen(10_235));
    assert!(client.submit_refund(&b).is_ok());
}

#[test]
fn the_invoice_must_be_returned_when_issued() {
    let sandbox = Sandbox::start();
    let client = sandbox.client();
    assert!(
        client
            .refund_quote(INVOICE, None, None)
            .unwrap()
            .requires_invoice_return
    );
    let (http, status, message) = api_status(&client.submit_refund(&body(INVOICE)).unwrap_err());
    assert_eq!((http, status.as_str()), (400, "INVALID_ARGUMENT"));
    assert!(message.contains("invoice"), "{message}");

    let pdf = b"%PDF-1.4 invoice";
    let other = client
        .upload_attachment("contract.pdf", "application/pdf", pdf, "CONTRACT")
        .unwrap();
    let mut b = body(INVOICE);
    b.attachment_ids = Some(vec![other.attachment_id]);
    assert_eq!(api_status(&client.submit_refund(&b).unwrap_err()).0, 400);

    let invoice = client
        .upload_attachment("invoice.pdf", "application/pdf", pdf, "INVOICE")
        .unwrap();
    assert_eq!(invoice.size, pdf.len() as u64);
    assert_eq!(invoice.sha256, jdc_refund::sandbox::store::sha256_hex(pdf));
    b.attachment_ids = Some(vec![invoice.attachment_id]);
    assert!(client.submit_refund(&b).is_ok());

    let e = client
        .upload_attachment("x.gif", "image/gif", pdf, "INVOICE")
        .unwrap_err();
    assert_eq!(api_status(&e).0, 400);
    let big = vec![0u8; 5 * 1024 * 1024 + 1];
    let e = client
        .upload_attachment("big.pdf", "application/pdf", &big, "INVOICE")
        .unwrap_err();
    assert_eq!(api_status(&e).1, "PAYLOAD_TOO_LARGE");
}

#[test]
fn submission_rules() {
    let sandbox = Sandbox::start();
    let client = sandbox.client();
    let mut b = body(FULL);
    b.refund_reason = Some(4);
    let (http, _, message) = api_status(&client.submit_refund(&b).unwrap_err());
    assert_eq!(http, 400);
    assert!(message.contains("refundReasonOther"));
    b.refund_reason = Some(9);
    assert_eq!(api_status(&client.submit_refund(&b).unwrap_err()).0, 400);
    let mut b = body(FULL);
    b.contact = Some(Contact {
        name: Some("n".into()),
        phone: None,
        email: None,
    });
    assert_eq!(api_status(&client.submit_refund(&b).unwrap_err()).0, 400);
    let mut b = body(FULL);
    b.client_token = Some("x".repeat(65));
    assert_eq!(api_status(&client.submit_refund(&b).unwrap_err()).0, 400);
    assert_eq!(
        api_status(&client.submit_refund(&body("i-nope")).unwrap_err()).0,
        404
    );
    // An SDK-style request without any ext field is valid.
    let minimal = RefundBody {
        resource_id: FULL.into(),
        refund_type: Some(1),
        refund_channel: Some(1),
        refund_way: Some(2),
        refund_reason: Some(0),
        refund_reason_other: None,
        refund_area: None,
        client_token: None,
        order_number: None,
        refund_amount: None,
        contact: None,
        attachment_ids: None,
    };
    assert!(client.submit_refund(&minimal).is_ok());
}

#[test]
fn another_accounts_order_is_not_found() {
    let sandbox = Sandbox::start();
    let client = sandbox.client();
    let (http, status, _) = api_status(&client.query_order("212611250000000301").unwrap_err());
    assert_eq!((http, status.as_str()), (404, "NOT_FOUND"));
    assert_eq!(
        api_status(
            &client
                .refund_quote("i-mfa00srvr01", None, None)
                .unwrap_err()
        )
        .0,
        404
    );
}

#[test]
fn login_with_mfa_and_lockout() {
    let sandbox = Sandbox::start();
    let client = sandbox.client_as(None);
    let login = |account: &str, password: &str, mfa: Option<&str>| {
        client.login(&LoginRequest {
            account: account.into(),
            password: password.into(),
            mfa_code: mfa.map(str::to_string),
            duration_seconds: None,
        })
    };
    let ok = login("demo", "demo-password", None).unwrap();
    assert_eq!(ok.pin, "demo");
    let temp = sandbox.client_as(Some(Credentials {
        access_key: ok.credentials.access_key.clone(),
        secret_key: ok.credentials.secret_key.clone(),
        session_token: Some(ok.credentials.session_token.clone()),
    }));
    assert!(temp.describe_account_amount().is_ok());
    // The same temporary key without its session token is refused.
    let no_token = sandbox.client_as(Some(Credentials {
        access_key: ok.credentials.access_key.clone(),
        secret_key: ok.credentials.secret_key.clone(),
        session_token: None,
    }));
    let (http, _, message) = api_status(&no_token.describe_account_amount().unwrap_err());
    assert_eq!(http, 401);
    assert!(message.contains("security-token"), "{message}");

    let (http, status, _) = api_status(&login("mfa-demo", "demo-password", None).unwrap_err());
    assert_eq!((http, status.as_str()), (401, "MFA_REQUIRED"));
    assert!(login("mfa-demo", "demo-password", Some("246810")).is_ok());

    for _ in 0..5 {
        let (http, status, _) = api_status(&login("demo", "wrong", None).unwrap_err());
        assert_eq!((http, status.as_str()), (401, "UNAUTHENTICATED"));
    }
    let e = login("demo", "demo-password", None).unwrap_err();
    let (http, _, message) = api_status(&e);
    assert_eq!(http, 429);
    assert!(message.contains("try again after"), "{message}");
    match e {
        ConsoleError::Api { retry_after, .. } => assert!(retry_after.is_some()),
        _ => unreachable!(),
    }
}

#[test]
fn an_expired_session_is_refused() {
    let sandbox = Sandbox::start();
    let ok = sandbox
        .client_as(None)
        .login(&LoginRequest {
            account: "demo".into(),
            password: "demo-password".into(),
            mfa_code: None,
            duration_seconds: Some(900),
        })
        .unwrap();
    let conn = rusqlite::Connection::open(sandbox.state()).unwrap();
    conn.busy_timeout(Duration::from_secs(5)).unwrap();
    conn.execute(
        "UPDATE access_keys SET expires_ms = 0 WHERE access_key = ?1",
        [&ok.credentials.access_key],
    )
    .unwrap();
    let client = sandbox.client_as(Some(Credentials {
        access_key: ok.credentials.access_key,
        secret_key: ok.credentials.secret_key,
        session_token: Some(ok.credentials.session_token),
    }));
    let (http, _, message) = api_status(&client.describe_account_amount().unwrap_err());
    assert_eq!(http, 401);
    assert!(message.contains("expired"), "{message}");
}

const BALANCE: &str = "/v1/regions/cn-north-1/assets:describeAccountAmount";
const ORDERS: &str = "/v2/regions/cn-north-1/orders";

#[test]
fn signatures_are_verified() {
    let sandbox = Sandbox::start();
    let url = sandbox.url();
    let ok = Raw::get(BALANCE, "asset");
    assert_eq!(ok.send(&url).0, 200);

    let wrong_secret = Raw {
        secret_key: "not-the-secret",
        ..Raw::get(BALANCE, "asset")
    };
    let (status, json) = wrong_secret.send(&url);
    assert_eq!(status, 401);
    assert!(json["error"]["message"]
        .as_str()
        .unwrap()
        .contains("signature"));

    let unknown = Raw {
        access_key: "AKUNKNOWN",
        ..Raw::get(BALANCE, "asset")
    };
    let (status, json) = unknown.send(&url);
    assert_eq!(status, 401);
    assert!(json["error"]["message"]
        .as_str()
        .unwrap()
        .contains("unknown access key"));

    let skewed = Raw {
        date: chrono::Utc::now() - chrono::Duration::minutes(20),
        ..Raw::get(BALANCE, "asset")
    };
    let (status, json) = skewed.send(&url);
    assert_eq!(status, 401);
    assert!(json["error"]["message"].as_str().unwrap().contains("clock"));

    let wrong_service = Raw::get(BALANCE, "order");
    let (status, json) = wrong_service.send(&url);
    assert_eq!(status, 401);
    assert!(json["error"]["message"]
        .as_str()
        .unwrap()
        .contains("service"));

    let wrong_region = Raw {
        region: "cn-east-1",
        ..Raw::get(BALANCE, "asset")
    };
    assert_eq!(wrong_region.send(&url).0, 401);

    let tampered = Raw {
        tamper: true,
        ..Raw::post(
            ORDERS,
            "order",
            r#"{"regionId":"cn-north-1","queryVo":{"pageSize":10}}"#,
        )
    };
    assert_eq!(tampered.send(&url).0, 401);
}

#[test]
fn a_replayed_nonce_is_refused() {
    let sandbox = Sandbox::start();
    let url = sandbox.url();
    let request = Raw::get(BALANCE, "asset");
    assert_eq!(request.send(&url).0, 200);
    let (status, json) = request.send(&url);
    assert_eq!(status, 401);
    assert!(json["error"]["message"].as_str().unwrap().contains("nonce"));
}

#[test]
fn other_signers_are_accepted() {
    let sandbox = Sandbox::start();
    let url = sandbox.url();
    // As the Python SDK: only content-type and host signed.
    let sdk = Raw {
        signed: &["content-type", "host"],
        ..Raw::post(
            "/v1/regions/cn-north-1/refund:status",
            "refund",
            r#"{"regionId": "cn-north-1", "pin": "demo", "refundId": null, "pageNumber": 1, "pageSize": 20}"#,
        )
    };
    assert_eq!(sdk.send(&url).0, 200);
    // `:` left as it is in the signed URI.
    let literal = Raw {
        keep_colon_in_signature: true,
        ..Raw::get("/v1/regions/cn-north-1/refund:policy", "refund")
    };
    assert_eq!(literal.send(&url).0, 200);
    // JDCLOUD2.
    let v2 = Raw {
        algorithm: Algorithm::V2,
        ..Raw::get(BALANCE, "asset")
    };
    assert_eq!(v2.send(&url).0, 200);
    // Booleans in any case.
    let detail = Raw {
        query: "includeDetail=True",
        ..Raw::get("/v2/regions/cn-north-1/order/212611270000000101", "order")
    };
    let (status, json) = detail.send(&url);
    assert_eq!(status, 200);
    assert_eq!(
        json["result"]["order"]["orderItemDetails"][0]["itemId"],
        FULL
    );
    // Fees are JSON numbers on the order API, as the real one sends them.
    assert!(json["result"]["order"]["actualFee"].is_number());
}

#[test]
fn a_body_region_must_match_the_path() {
    let sandbox = Sandbox::start();
    let request = Raw::post(ORDERS, "order", r#"{"regionId":"cn-east-1","queryVo":{}}"#);
    let (status, json) = request.send(&sandbox.url());
    assert_eq!(status, 400);
    assert_eq!(json["error"]["status"], "INVALID_ARGUMENT");
}

#[test]
fn state_survives_a_restart() {
    let mut sandbox = Sandbox::start();
    let id = sandbox
        .client()
        .submit_refund(&body(FULL))
        .unwrap()
        .data
        .unwrap();
    sandbox.restart();
    let refund = sandbox.client().refund(&id).unwrap();
    assert_eq!(refund.refund_amount, Fen::from_fen(10_235));
    assert_eq!(
        sandbox
            .client()
            .refund_status(&StatusRequest::default())
            .unwrap()
            .page_infos
            .total_record,
        1
    );
}

#[test]
fn reads_are_retried_on_503_and_writes_without_a_token_are_not() {
    let sandbox = Sandbox::with(|o| o.faults = faults("503=1,retry-after=0"));
    let attempts = Arc::new(AtomicU32::new(0));
    let counter = attempts.clone();
    let mut config = jdc_refund::console::ClientConfig::new(
        jdc_refund::console::Endpoint::Base(reqwest::Url::parse(&sandbox.url()).unwrap()),
        "cn-north-1",
    );
    config.credentials = Some(demo_credentials());
    config.max_backoff = Duration::from_millis(20);
    config.observer = Some(Arc::new(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
    }));
    let client = jdc_refund::console::Client::new(config).unwrap();
    let e = client.describe_account_amount().unwrap_err();
    assert_eq!(api_status(&e).0, 503);
    assert_eq!(attempts.swap(0, Ordering::SeqCst), 3);
    assert!(client.submit_refund(&body(FULL)).is_err());
    assert_eq!(
        attempts.swap(0, Ordering::SeqCst),
        1,
        "no token: never resent"
    );
    let mut b = body(FULL);
    b.client_token = Some("t".into());
    assert!(client.submit_refund(&b).is_err());
    assert_eq!(attempts.load(Ordering::SeqCst), 3, "with a token: retried");
}

#[test]
fn a_dropped_answer_is_recovered_by_the_token_without_a_second_refund() {
    let sandbox = Sandbox::with(|o| o.faults = faults("drop=1"));
    let client = sandbox.client();
    let mut b = body(FULL);
    b.client_token = Some("dropped-once".into());
    // The first attempt is stored and its answer dropped; the retry gets the same refund.
    let id = client.submit_refund(&b).unwrap().data.unwrap();
    let all = client.refund_status(&StatusRequest::default()).unwrap();
    assert_eq!(all.page_infos.total_record, 1);
    assert_eq!(all.data[0].refund_id, id);
}

#[test]
fn two_processes_over_one_state_lose_and_duplicate_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.sqlite3");
    // Create and seed once so both processes see the same extra orders.
    let first = ServeProcess::start(&state, &["--seed-orders", "16"]);
    let second = ServeProcess::start(&state, &[]);
    let resources: Vec<String> = (1..=16).map(|n| format!("i-load{n:08}")).collect();
    let handles: Vec<_> = [first.url.clone(), second.url.clone()]
        .into_iter()
        .enumerate()
        .map(|(which, url)| {
            let resources = resources.clone();
            std::thread::spawn(move || {
                let client = client_for(&url, Some(demo_credentials()));
                let mut ids = Vec::new();
                let mut refused = 0;
                // Each process submits its own half, and both race for every resource too.
                for (i, resource) in resources.iter().enumerate() {
                    let mut b = body(resource);
                    b.client_token = Some(format!("p{which}-{i}"));
                    match client.submit_refund(&b) {
                        Ok(r) => ids.push((resource.clone(), r.data.unwrap())),
                        Err(e) => {
                            assert!(e.to_string().contains("open refund"), "{e}");
                            refused += 1;
                        }
                    }
                }
                (ids, refused)
            })
        })
        .collect();
    let results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let mut refunded: Vec<String> = results
        .iter()
        .flat_map(|(ids, _)| ids.iter().map(|(r, _)| r.clone()))
        .collect();
    refunded.sort();
    let total_refused: usize = results.iter().map(|(_, r)| *r).sum();
    assert_eq!(refunded, resources, "every resource refunded exactly once");
    assert_eq!(total_refused, 16, "the loser of each race was told why");
    let client = client_for(&first.url, Some(demo_credentials()));
    let all = client
        .refund_status(&StatusRequest {
            page_size: Some(100),
            ..StatusRequest::default()
        })
        .unwrap();
    assert_eq!(all.page_infos.total_record, 16);
    let mut ids: Vec<&str> = all.data.iter().map(|r| r.refund_id.as_str()).collect();
    ids.dedup();
    assert_eq!(ids.len(), 16, "refund ids are unique");
}

#[test]
fn a_listing_sees_orders_another_process_added() {
    let sandbox = Sandbox::start();
    let client = sandbox.client();
    let year = QueryVo {
        start_time: Some(chrono::Utc::now().timestamp_millis() - 365 * 86_400_000),
        page_size: Some(3),
        ..QueryVo::default()
    };
    let first = client.query_orders(&year).unwrap();
    assert_eq!(first.total_count, 10);
    let second_page = client
        .query_orders(&QueryVo {
            page_number: Some(2),
            ..year.clone()
        })
        .unwrap();
    assert_ne!(
        first.result_list[0].order_number,
        second_page.result_list[0].order_number
    );
    // Another connection (as another process would) adds orders: the listing follows.
    let mut conn = rusqlite::Connection::open(sandbox.state()).unwrap();
    conn.busy_timeout(Duration::from_secs(5)).unwrap();
    jdc_refund::sandbox::store::seed_extra_orders(&mut conn, 5).unwrap();
    let after = client.query_orders(&year).unwrap();
    assert_eq!(after.total_count, 15);
}
