//! The scripted commands end to end, as a user types them: `refund` (dry run, submit, cancel,
//! remind, resubmit), `status` (list, show, watch, troubleshooter), `login`/`logout`, each
//! seeded order's journey from quote to a finished refund, bad input, secrets, JSON, and the
//! journal that finishes a submission whose outcome was lost.
//!
//! Every test has its own home (sandbox state, config, journal) and the sandbox runs refunds
//! at 200x speed, so a refund ends about a tenth of a second after it is submitted.

mod common;

use common::{FaultProxy, Home, Run, ServeProcess};
use serde_json::Value;

const FULL_ORDER: &str = "212611270000000101";
const FULL: &str = "i-demo0nrsn01";
const PRORATED: &str = "i-demo0prort2";
const INVOICE_ORDER: &str = "212611260000000103";
const OFFLINE_ORDER: &str = "212611240000000104";
const POST_PAID: &str = "i-demo0post05";
const EXPIRED: &str = "i-demo0expd06";
const REFUNDED: &str = "i-demo0rfnd07";
const UNPAID: &str = "i-demo0npay08";
const MISMATCH: &str = "i-demo0amis09";
const TECHNICAL: &str = "i-demo0tech10";
const ARREARS_ORDER: &str = "212611250000000201";

const DEMO_KEY: &str = "AKSANDBOXDEMO0000001";
const DEMO_SECRET: &str = "sandbox-secret-key-do-not-use";
const PASSWORD: &str = "demo-password";

// ---- helpers ----

/// `--sandbox` and `args`.
fn sandbox(home: &Home, args: &[&str]) -> Run {
    let mut all = vec!["--sandbox"];
    all.extend_from_slice(args);
    home.run(&all)
}

/// A complete scripted submission for `target` (`--order N` or `--resource-id ID`), plus `extra`.
fn refund_args<'a>(target: &[&'a str], extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["--sandbox", "refund"];
    args.extend_from_slice(target);
    args.extend_from_slice(&[
        "--reason",
        "not-wanted",
        "--contact-phone",
        "13800000000",
        "--yes",
    ]);
    args.extend_from_slice(extra);
    args
}

/// Submits and returns the refund id, which is all that is on stdout.
fn submit(home: &Home, target: &[&str], extra: &[&str]) -> String {
    let run = home.run(&refund_args(target, extra));
    run.success();
    let id = run.stdout.trim().to_string();
    assert!(
        run.stdout.lines().count() == 1 && is_refund_id(&id),
        "stdout should be the refund id alone:{run}"
    );
    id
}

fn is_refund_id(id: &str) -> bool {
    id.len() > 2 && id.starts_with("RF") && id[2..].chars().all(|c| c.is_ascii_digit())
}

/// `status ID --watch` until the refund ends.
fn watch(home: &Home, id: &str) -> Run {
    sandbox(
        home,
        &[
            "status",
            id,
            "--watch",
            "--interval",
            "50ms",
            "--timeout",
            "20s",
        ],
    )
}

/// The command on the troubleshooter's `fix:` line, split into words.
fn fix_command(run: &Run) -> Vec<String> {
    let line = run
        .stdout
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("fix: "))
        .unwrap_or_else(|| panic!("no `fix:` line:{run}"));
    line.split_whitespace().map(str::to_string).collect()
}

/// Runs a printed command with the binary in place of its leading `jdc-refund`.
fn run_printed(home: &Home, command: &[String], extra: &[&str]) -> Run {
    assert_eq!(
        command.first().map(String::as_str),
        Some("jdc-refund"),
        "{command:?}"
    );
    let mut args: Vec<&str> = command[1..].iter().map(String::as_str).collect();
    args.extend_from_slice(extra);
    home.run(&args)
}

/// Every refund of the demo account, newest first.
fn refunds(home: &Home) -> Vec<Value> {
    let run = sandbox(home, &["status", "--json"]);
    run.success();
    run.json()["refunds"]
        .as_array()
        .unwrap_or_else(|| panic!("no refunds array:{run}"))
        .clone()
}

fn assert_nothing_submitted(home: &Home) {
    let all = refunds(home);
    assert!(
        all.is_empty(),
        "nothing should have been submitted: {all:#?}"
    );
}

fn login_arrears(home: &Home) {
    home.run_with(
        &[
            "--sandbox",
            "login",
            "--account",
            "arrears-demo",
            "--password-stdin",
        ],
        &[],
        Some("demo-password\n"),
    )
    .success();
}

/// A small PDF: what the console accepts as an invoice.
fn pdf(home: &Home, name: &str) -> String {
    let path = home.path(name);
    std::fs::write(
        &path,
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    )
    .unwrap();
    path.display().to_string()
}

/// `"102.35"`, `"-12.50"`: a string with exactly two decimals.
fn is_money(v: &Value) -> bool {
    let Some(s) = v.as_str() else { return false };
    let s = s.strip_prefix('-').unwrap_or(s);
    match s.split_once('.') {
        Some((yuan, fen)) => {
            !yuan.is_empty()
                && yuan.chars().all(|c| c.is_ascii_digit())
                && fen.len() == 2
                && fen.chars().all(|c| c.is_ascii_digit())
        }
        None => false,
    }
}

/// `"2026-11-27T10:00:00+08:00"`.
fn is_china_time(v: &Value) -> bool {
    let Some(s) = v.as_str() else { return false };
    let b = s.as_bytes();
    s.len() == 25
        && s.ends_with("+08:00")
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && s[..19]
            .chars()
            .enumerate()
            .all(|(i, c)| [4, 7, 10, 13, 16].contains(&i) || c.is_ascii_digit())
}

const MONEY_KEYS: [&str; 10] = [
    "amount",
    "totalFee",
    "discountFee",
    "actualFee",
    "cash",
    "balance",
    "coupon",
    "availableBalance",
    "shortfall",
    "newQuote",
];

fn is_time_key(key: &str) -> bool {
    key == "time" || key == "validUntil" || key.ends_with("Time") || key.ends_with("At")
}

/// Walks the JSON: every money field is a two-decimal string and every time ISO 8601 with
/// +08:00 (or null). Returns how many of each it saw.
fn check_formats(v: &Value, path: &str, counts: &mut (usize, usize)) {
    match v {
        Value::Object(map) => {
            for (k, val) in map {
                let here = format!("{path}.{k}");
                if MONEY_KEYS.contains(&k.as_str()) && !val.is_object() {
                    assert!(
                        val.is_null() || is_money(val),
                        "{here} = {val} is not money"
                    );
                    counts.0 += usize::from(!val.is_null());
                } else if is_time_key(k) {
                    assert!(
                        val.is_null() || is_china_time(val),
                        "{here} = {val} is not an ISO time with +08:00"
                    );
                    counts.1 += usize::from(!val.is_null());
                }
                check_formats(val, &here, counts);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check_formats(item, &format!("{path}[{i}]"), counts);
            }
        }
        _ => {}
    }
}

fn assert_formats(v: &Value) {
    let mut counts = (0, 0);
    check_formats(v, "$", &mut counts);
    assert!(counts.0 > 0, "no money field seen in {v:#}");
    assert!(counts.1 > 0, "no time field seen in {v:#}");
}

const REFUND_FIELDS: [&str; 13] = [
    "refundId",
    "orderNumber",
    "resourceId",
    "amount",
    "status",
    "refundTo",
    "split",
    "createTime",
    "updateTime",
    "expectedFinishTime",
    "failureCode",
    "failureMessage",
    "timeline",
];

fn assert_refund_fields(r: &Value) {
    for key in REFUND_FIELDS {
        assert!(r.get(key).is_some(), "refund lacks {key}: {r:#}");
    }
    for key in ["cash", "balance", "coupon"] {
        assert!(is_money(&r["split"][key]), "split.{key}: {r:#}");
    }
    assert!(!r["timeline"].as_array().unwrap().is_empty(), "{r:#}");
}

// ---- each seeded order's journey, by flags ----

#[test]
fn journey_full_refund_from_quote_to_success() {
    let home = Home::new();
    sandbox(&home, &["refund", "--order", FULL_ORDER, "--dry-run"])
        .success()
        .stdout_has(&["Refundable: ¥102.35", "within 5 days", "Refund policy"])
        .stderr_has(&["nothing was submitted"]);
    assert_nothing_submitted(&home);

    let id = submit(&home, &["--order", FULL_ORDER], &[]);
    let watched = watch(&home, &id);
    watched
        .success()
        .stdout_has(&[&format!("Refund {id}  SUCCESS"), "¥102.35"]);
    assert!(!watched.stdout.contains("Troubleshooter"), "{watched}");

    let orders = sandbox(&home, &["orders", "--resource-id", FULL, "--json"]);
    assert_eq!(orders.success().json()["orders"][0]["status"], "REFUND_ALL");
    sandbox(&home, &["status"])
        .success()
        .stdout_has(&[&id, FULL_ORDER, "102.35", "SUCCESS"]);
}

#[test]
fn journey_prorated_refund_with_the_quoted_amount_in_json() {
    let home = Home::new();
    let quote = sandbox(
        &home,
        &["refund", "--resource-id", PRORATED, "--dry-run", "--json"],
    );
    let quote = quote.success().json();
    assert_eq!(quote["quote"]["policy"], "PRORATED");
    let amount = quote["quote"]["amount"].as_str().unwrap().to_string();
    let yuan: f64 = amount.parse().unwrap();
    assert!(
        yuan > 0.0 && yuan < 1150.0,
        "less than the 1150.00 paid: {amount}"
    );

    let run = home.run(&refund_args(
        &["--resource-id", PRORATED],
        &["--amount", &amount, "--json"],
    ));
    let application = run.success().json();
    assert_refund_fields(&application);
    assert_eq!(application["amount"], amount.as_str());
    assert_eq!(application["resourceId"], PRORATED);
    assert_eq!(application["status"], "PENDING_APPROVAL");
    let id = application["refundId"].as_str().unwrap();
    watch(&home, id)
        .success()
        .stdout_has(&["SUCCESS", &format!("¥{amount}")]);
}

#[test]
fn journey_invoice_must_be_attached_then_succeeds() {
    let home = Home::new();
    sandbox(&home, &["refund", "--order", INVOICE_ORDER, "--dry-run"])
        .success()
        .stdout_has(&["invoice", "--attach"]);
    home.run(&refund_args(&["--order", INVOICE_ORDER], &[]))
        .code(2)
        .one_error()
        .stderr_has(&["invoice", "--attach"]);
    assert_nothing_submitted(&home);

    let invoice = pdf(&home, "invoice.pdf");
    let id = submit(&home, &["--order", INVOICE_ORDER], &["--attach", &invoice]);
    watch(&home, &id)
        .success()
        .stdout_has(&["SUCCESS", "¥299.00"]);
}

#[test]
fn journey_offline_payment_fails_then_the_fix_refunds_to_balance() {
    let home = Home::new();
    sandbox(&home, &["refund", "--order", OFFLINE_ORDER, "--dry-run"])
        .success()
        .stdout_has(&["¥456.00"]);
    let id = submit(&home, &["--order", OFFLINE_ORDER], &[]);
    watch(&home, &id)
        .code(7)
        .stdout_has(&["FAILED", "PAYMENT_METHOD_UNSUPPORTED"]);

    let shown = sandbox(&home, &["status", &id]);
    shown.success().stdout_has(&[
        "Troubleshooter: refund failed (PAYMENT_METHOD_UNSUPPORTED)",
        "account balance",
    ]);
    let fix = fix_command(&shown);
    assert_eq!(
        fix.join(" "),
        format!("jdc-refund --sandbox refund resubmit {id} --refund-to balance"),
        "{shown}"
    );
    // Scripted, as step 8 of the guide says: --yes confirms without a terminal. (At a
    // terminal the command as printed asks first: `the_printed_fix_command_asks_...`.)
    let resubmitted = run_printed(&home, &fix, &["--yes"]);
    resubmitted.success().stderr_has(&["account balance"]);
    let new_id = resubmitted.stdout.trim().to_string();
    assert!(is_refund_id(&new_id) && new_id != id, "{resubmitted}");
    watch(&home, &new_id)
        .success()
        .stdout_has(&["SUCCESS", "¥456.00", "account balance"]);
    let all = refunds(&home);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[0]["refundTo"], "balance");
}

#[test]
fn journey_amount_mismatch_fails_then_the_fix_submits_the_new_quote() {
    let home = Home::new();
    let id = submit(&home, &["--resource-id", MISMATCH], &["--amount", "888.00"]);
    watch(&home, &id)
        .code(7)
        .stdout_has(&["FAILED", "AMOUNT_MISMATCH"]);

    let shown = sandbox(&home, &["status", &id]);
    shown.success().stdout_has(&[
        "Troubleshooter: amount mismatch (AMOUNT_MISMATCH)",
        "new quote: ¥879.12",
    ]);
    let fix = fix_command(&shown);
    assert_eq!(
        fix.join(" "),
        format!("jdc-refund --sandbox refund resubmit {id} --amount 879.12")
    );
    let resubmitted = run_printed(&home, &fix, &["--yes"]);
    resubmitted.success();
    let new_id = resubmitted.stdout.trim().to_string();
    watch(&home, &new_id)
        .success()
        .stdout_has(&["SUCCESS", "¥879.12"]);
}

#[test]
fn journey_technical_error_shows_refund_id_request_id_and_support() {
    let home = Home::new();
    let id = submit(&home, &["--resource-id", TECHNICAL], &[]);
    watch(&home, &id)
        .code(7)
        .stdout_has(&["FAILED", "TECHNICAL_ERROR"]);

    let shown = sandbox(&home, &["status", &id]);
    shown.success().stdout_has(&[
        "Troubleshooter: refund failed (TECHNICAL_ERROR)",
        &format!("for support: refund id {id}, request id sbx-"),
        "400-615-1212",
        "support@jdcloud.com",
        "https://www.jdcloud.com/cn/support",
    ]);
    let json = sandbox(&home, &["status", &id, "--json"]);
    let t = &json.success().json()["troubleshooter"];
    assert_eq!(t["refundId"], id.as_str());
    assert!(
        t["requestId"].as_str().unwrap().starts_with("sbx-"),
        "{t:#}"
    );
    assert!(t["support"].as_array().unwrap().len() >= 3, "{t:#}");

    // Once support agrees, the printed command submits it again; the second attempt works.
    let fix = fix_command(&shown);
    assert_eq!(
        fix.join(" "),
        format!("jdc-refund --sandbox refund resubmit {id}")
    );
    let resubmitted = run_printed(&home, &fix, &["--yes"]);
    watch(&home, resubmitted.success().stdout.trim()).success();
}

#[test]
fn journey_insufficient_balance_shows_balance_and_shortfall() {
    let home = Home::new();
    login_arrears(&home);
    let id = submit(&home, &["--order", ARREARS_ORDER], &[]);
    watch(&home, &id)
        .code(7)
        .stdout_has(&["FAILED", "INSUFFICIENT_BALANCE"]);

    sandbox(&home, &["status", &id]).success().stdout_has(&[
        "Troubleshooter: refund failed (INSUFFICIENT_BALANCE)",
        "available balance: -¥12.50, shortfall ¥12.50",
        "top up at least ¥12.50",
    ]);
    let json = sandbox(&home, &["status", &id, "--json"]);
    let t = &json.success().json()["troubleshooter"];
    assert_eq!(t["availableBalance"], "-12.50");
    assert_eq!(t["shortfall"], "12.50");
}

fn assert_not_refundable(resource: &str, reason: &str) {
    let home = Home::new();
    sandbox(&home, &["refund", "--resource-id", resource, "--dry-run"])
        .code(5)
        .stdout_has(&["Not refundable:", reason])
        .stderr_has(&["not refundable", reason]);
    home.run(&refund_args(&["--resource-id", resource], &[]))
        .code(5)
        .one_error()
        .stderr_has(&[resource, "not refundable", reason]);
    assert_nothing_submitted(&home);
}

#[test]
fn a_post_paid_server_is_not_refundable() {
    assert_not_refundable(POST_PAID, "post-paid");
}

#[test]
fn an_expired_server_is_not_refundable() {
    assert_not_refundable(EXPIRED, "service term ended");
}

#[test]
fn an_already_refunded_server_is_not_refundable() {
    assert_not_refundable(REFUNDED, "already been refunded");
}

#[test]
fn an_unpaid_order_is_not_refundable() {
    assert_not_refundable(UNPAID, "not been paid");
}

/// The troubleshooter's `fix:` command, exactly as printed, at a terminal: it asks before it
/// submits (default No), and `y` submits the corrected refund.
#[cfg(unix)]
#[test]
fn the_printed_fix_command_asks_at_a_terminal_and_submits() {
    let home = Home::new();
    let id = submit(&home, &["--order", OFFLINE_ORDER], &[]);
    watch(&home, &id).code(7);
    let shown = sandbox(&home, &["status", &id]);
    let fix = fix_command(shown.success());
    let mut cmd = home.command();
    cmd.args(&fix[1..]).env_remove("CI").env("TERM", "xterm");
    let mut session = rexpect::session::spawn_command(cmd, Some(20_000)).expect("pty");
    session
        .exp_string("Submit this refund?")
        .expect("asks before submitting");
    session.send_line("y").expect("answer");
    session.flush().expect("answer sent");
    let (_, new_id) = session.exp_regex("RF[0-9]+").expect("the new refund id");
    session.exp_eof().expect("exits");
    let status = format!("{:?}", session.process().wait().expect("exit status"));
    assert!(
        status.starts_with("Exited(") && status.ends_with(", 0)"),
        "{status}"
    );
    assert_ne!(new_id, id);
    watch(&home, &new_id)
        .success()
        .stdout_has(&["SUCCESS", "account balance"]);
}

#[test]
fn the_fix_command_names_the_console_the_refund_is_on() {
    let home = Home::new();
    let serve = ServeProcess::start(&home.path("served.sqlite3"), &["--speed", "200"]);
    let run = home.run_with(
        &[
            "refund",
            "--endpoint",
            &serve.url,
            "--order",
            OFFLINE_ORDER,
            "--reason",
            "not-wanted",
            "--contact-phone",
            "13800000000",
            "--yes",
        ],
        &demo_env(),
        None,
    );
    let id = run.success().stdout.trim().to_string();
    home.run_with(
        &[
            "status",
            &id,
            "--endpoint",
            &serve.url,
            "--watch",
            "--interval",
            "50ms",
        ],
        &demo_env(),
        None,
    )
    .code(7);
    let shown = home.run_with(
        &["status", &id, "--endpoint", &serve.url],
        &demo_env(),
        None,
    );
    let fix = fix_command(shown.success());
    assert!(
        fix.windows(2)
            .any(|w| w[0] == "--endpoint" && w[1] == serve.url),
        "{fix:?}"
    );
    let resubmitted = home.run_with(
        &fix[1..]
            .iter()
            .map(String::as_str)
            .chain(["--yes"])
            .collect::<Vec<_>>(),
        &demo_env(),
        None,
    );
    resubmitted.success();
}

// ---- bad input: exit code, the problem named, nothing sent ----

/// A submission for the full-refund order with `args` changed, expected to fail locally.
fn refused_locally(args: &[&str], code: i32, needles: &[&str]) {
    let home = Home::new();
    home.run(args).code(code).one_error().stderr_has(needles);
    assert_nothing_submitted(&home);
}

fn full_refund_with<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    refund_args(&["--order", FULL_ORDER], extra)
}

#[test]
fn an_amount_with_three_decimals_is_refused() {
    refused_locally(
        &full_refund_with(&["--amount", "102.351"]),
        2,
        &["102.351", "more than two decimals"],
    );
}

#[test]
fn an_amount_that_is_not_a_number_is_refused() {
    refused_locally(
        &full_refund_with(&["--amount", "abc"]),
        2,
        &["--amount", "`abc` is not an amount"],
    );
}

#[test]
fn a_negative_amount_is_refused() {
    refused_locally(
        &full_refund_with(&["--amount=-5"]),
        2,
        &["--amount", "-5", "negative"],
    );
}

#[test]
fn an_amount_in_exponent_notation_is_refused() {
    refused_locally(
        &full_refund_with(&["--amount", "1e2"]),
        2,
        &["--amount", "`1e2` is not an amount"],
    );
}

#[test]
fn a_zero_amount_is_refused() {
    refused_locally(
        &full_refund_with(&["--amount", "0"]),
        2,
        &["--amount", "more than zero"],
    );
}

#[test]
fn an_amount_other_than_the_quote_is_refused_naming_both() {
    let home = Home::new();
    let run = home.run(&{
        let mut a = full_refund_with(&["--amount", "100.00"]);
        a.insert(0, "-v");
        a
    });
    run.code(2)
        .stderr_has(&["--amount 100.00", "quote 102.35", "typo"]);
    assert!(
        !run.stderr.contains("refund:resource"),
        "nothing submitted:{run}"
    );
    assert_nothing_submitted(&home);
}

#[test]
fn an_unknown_order_is_not_found() {
    refused_locally(
        &refund_args(&["--order", "212600000000009999"], &[]),
        3,
        &[
            "order 212600000000009999 not found",
            "jdc-refund --sandbox orders",
        ],
    );
}

#[test]
fn an_unknown_resource_is_not_found() {
    refused_locally(
        &refund_args(&["--resource-id", "i-nosuchbox"], &[]),
        3,
        &["i-nosuchbox", "not found"],
    );
}

#[test]
fn an_unknown_reason_is_refused_listing_the_reasons() {
    refused_locally(
        &[
            "--sandbox",
            "refund",
            "--order",
            FULL_ORDER,
            "--reason",
            "too-expensive",
            "--contact-phone",
            "13800000000",
            "--yes",
        ],
        2,
        &["too-expensive", "--reason", "not-wanted", "other"],
    );
}

#[test]
fn reason_other_needs_reason_text() {
    refused_locally(
        &[
            "--sandbox",
            "refund",
            "--order",
            FULL_ORDER,
            "--reason",
            "other",
            "--contact-phone",
            "13800000000",
            "--yes",
        ],
        2,
        &["--reason-text", "--reason other"],
    );
}

#[test]
fn reason_other_with_blank_text_needs_reason_text() {
    refused_locally(
        &[
            "--sandbox",
            "refund",
            "--order",
            FULL_ORDER,
            "--reason",
            "other",
            "--reason-text",
            "   ",
            "--contact-phone",
            "13800000000",
            "--yes",
        ],
        2,
        &["--reason-text"],
    );
}

#[test]
fn a_missing_reason_is_refused() {
    refused_locally(
        &[
            "--sandbox",
            "refund",
            "--order",
            FULL_ORDER,
            "--contact-phone",
            "13800000000",
            "--yes",
        ],
        2,
        &["--reason is required"],
    );
}

#[test]
fn a_missing_contact_is_refused() {
    refused_locally(
        &[
            "--sandbox",
            "refund",
            "--order",
            FULL_ORDER,
            "--reason",
            "not-wanted",
            "--contact-name",
            "Li Lei",
            "--yes",
        ],
        2,
        &["--contact-phone or --contact-email is required"],
    );
}

/// A submission for the full-refund order with the given contact flags.
fn with_contact<'a>(contact: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "--sandbox",
        "refund",
        "--order",
        FULL_ORDER,
        "--reason",
        "not-wanted",
        "--yes",
    ];
    args.extend_from_slice(contact);
    args
}

#[test]
fn a_bad_phone_is_refused() {
    refused_locally(
        &with_contact(&["--contact-phone", "call me"]),
        2,
        &["--contact-phone", "`call me` is not a phone number"],
    );
}

#[test]
fn a_too_short_phone_is_refused() {
    refused_locally(
        &with_contact(&["--contact-phone", "12345"]),
        2,
        &["--contact-phone", "`12345` is not a phone number"],
    );
}

#[test]
fn a_bad_email_is_refused() {
    refused_locally(
        &with_contact(&["--contact-email", "li@example"]),
        2,
        &["--contact-email", "`li@example` is not an email address"],
    );
}

#[test]
fn submitting_without_yes_is_refused() {
    refused_locally(
        &[
            "--sandbox",
            "refund",
            "--order",
            FULL_ORDER,
            "--reason",
            "not-wanted",
            "--contact-phone",
            "13800000000",
        ],
        2,
        &["--yes is required", "--dry-run"],
    );
}

#[test]
fn a_refund_needs_an_order_or_a_resource() {
    refused_locally(
        &[
            "--sandbox",
            "refund",
            "--reason",
            "not-wanted",
            "--contact-phone",
            "13800000000",
            "--yes",
        ],
        2,
        &["--order or --resource-id is required"],
    );
}

#[test]
fn order_and_resource_together_are_refused() {
    refused_locally(
        &refund_args(&["--order", FULL_ORDER, "--resource-id", FULL], &[]),
        2,
        &["--order", "cannot be used with", "--resource-id"],
    );
}

#[test]
fn attaching_a_missing_file_is_refused() {
    let home = Home::new();
    let missing = home.path("no-such-invoice.pdf").display().to_string();
    home.run(&refund_args(
        &["--order", INVOICE_ORDER],
        &["--attach", &missing],
    ))
    .code(2)
    .one_error()
    .stderr_has(&["--attach", "no-such-invoice.pdf", "no such file"]);
    assert_nothing_submitted(&home);
}

#[test]
fn attaching_a_file_that_is_not_pdf_png_or_jpeg_is_refused() {
    let home = Home::new();
    let text = home.path("invoice.txt");
    std::fs::write(&text, "Invoice no. 42\n").unwrap();
    home.run(&refund_args(
        &["--order", INVOICE_ORDER],
        &["--attach", &text.display().to_string()],
    ))
    .code(2)
    .one_error()
    .stderr_has(&["--attach", "invoice.txt", "not a PDF, PNG or JPEG"]);
    assert_nothing_submitted(&home);
}

#[test]
fn attaching_more_than_5_mib_is_refused() {
    let home = Home::new();
    let big = home.path("scan.pdf");
    let file = std::fs::File::create(&big).unwrap();
    {
        use std::io::Write;
        (&file).write_all(b"%PDF-1.4\n").unwrap();
    }
    file.set_len(5 * 1024 * 1024 + 1).unwrap();
    home.run(&refund_args(
        &["--order", INVOICE_ORDER],
        &["--attach", &big.display().to_string()],
    ))
    .code(2)
    .one_error()
    .stderr_has(&["--attach", "scan.pdf", "over the 5 MiB limit"]);
    assert_nothing_submitted(&home);
}

#[test]
fn attaching_exactly_5_mib_is_accepted() {
    let home = Home::new();
    let big = home.path("scan.pdf");
    let file = std::fs::File::create(&big).unwrap();
    {
        use std::io::Write;
        (&file).write_all(b"%PDF-1.4\n").unwrap();
    }
    file.set_len(5 * 1024 * 1024).unwrap();
    let id = submit(
        &home,
        &["--order", INVOICE_ORDER],
        &["--attach", &big.display().to_string()],
    );
    assert_eq!(refunds(&home)[0]["refundId"], id.as_str());
}

#[test]
fn an_output_format_typo_is_refused() {
    refused_locally(
        &[
            "--sandbox",
            "--output",
            "jsno",
            "refund",
            "--order",
            FULL_ORDER,
            "--dry-run",
        ],
        2,
        &["jsno", "--output", "json"],
    );
}

#[test]
fn an_idempotency_key_with_bad_characters_is_refused() {
    refused_locally(
        &full_refund_with(&["--idempotency-key", "my key/1"]),
        2,
        &["--idempotency-key", "my key/1", "1 to 64 characters"],
    );
}

#[test]
fn an_idempotency_key_longer_than_64_is_refused() {
    let long = "k".repeat(65);
    refused_locally(
        &full_refund_with(&["--idempotency-key", &long]),
        2,
        &["--idempotency-key", "1 to 64 characters"],
    );
}

#[test]
fn an_expired_session_says_when_it_expired() {
    let home = Home::new();
    home.run_with(
        &[
            "--sandbox",
            "login",
            "--account",
            "demo",
            "--password-stdin",
        ],
        &[],
        Some("demo-password\n"),
    )
    .success();
    let path = home.credentials_path();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("expiration = "), "{text}");
    let expired: String = text
        .lines()
        .map(|l| {
            if l.starts_with("expiration = ") {
                "expiration = \"2020-01-01T08:00:00+08:00\"".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&path, expired).unwrap();
    sandbox(&home, &["orders"])
        .code(4)
        .one_error()
        .stderr_has(&["session expired at 2020-01-01 08:00", "login"]);
    home.run(&refund_args(&["--order", FULL_ORDER], &[]))
        .code(4)
        .stderr_has(&["session expired at"]);
}

#[test]
fn status_of_an_unknown_refund_is_not_found() {
    let home = Home::new();
    sandbox(&home, &["status", "RF2026010100099"])
        .code(3)
        .one_error()
        .stderr_has(&[
            "refund RF2026010100099 not found",
            "jdc-refund --sandbox status",
        ]);
}

#[test]
fn watching_an_unknown_refund_is_not_found() {
    let home = Home::new();
    sandbox(
        &home,
        &["status", "RF2026010100099", "--watch", "--interval", "50ms"],
    )
    .code(3)
    .stderr_has(&["refund RF2026010100099 not found"]);
}

#[test]
fn canceling_after_approval_is_refused() {
    let home = Home::new();
    let id = submit(&home, &["--order", FULL_ORDER], &[]);
    watch(&home, &id).success();
    sandbox(&home, &["refund", "cancel", &id])
        .code(5)
        .one_error()
        .stderr_has(&[&id, "SUCCESS", "only a refund still PENDING_APPROVAL"]);
}

#[test]
fn canceling_while_pending_works() {
    let home = Home::new();
    let slow = [("JDC_SANDBOX_SPEED", "1")];
    let run = home.run_with(&refund_args(&["--order", FULL_ORDER], &[]), &slow, None);
    let id = run.success().stdout.trim().to_string();
    home.run_with(&["--sandbox", "refund", "cancel", &id], &slow, None)
        .success()
        .stdout_has(&[&format!("Refund {id} is CANCELED")]);
}

#[test]
fn canceling_an_unknown_refund_is_not_found() {
    let home = Home::new();
    sandbox(&home, &["refund", "cancel", "RF2026010100099"])
        .code(3)
        .stderr_has(&["RF2026010100099", "not found"]);
}

#[test]
fn a_second_reminder_within_a_day_is_refused() {
    let home = Home::new();
    // At normal speed the refund stays pending for 10 s: long enough to remind twice.
    let slow = [("JDC_SANDBOX_SPEED", "1")];
    let run = home.run_with(&refund_args(&["--order", FULL_ORDER], &[]), &slow, None);
    let id = run.success().stdout.trim().to_string();
    home.run_with(&["--sandbox", "refund", "remind", &id], &slow, None)
        .success()
        .stdout_has(&[&format!("Reminder sent for refund {id}")]);
    home.run_with(&["--sandbox", "refund", "remind", &id], &slow, None)
        .code(5)
        .one_error()
        .stderr_has(&[&id, "already reminded", "next reminder"]);
}

#[test]
fn watch_needs_a_refund_id() {
    let home = Home::new();
    sandbox(&home, &["status", "--watch"])
        .code(2)
        .stderr_has(&["REFUND_ID"]);
}

#[test]
fn a_bad_watch_interval_is_refused() {
    let home = Home::new();
    sandbox(
        &home,
        &["status", "RF2026010100001", "--watch", "--interval", "fast"],
    )
    .code(2)
    .stderr_has(&["--interval", "fast"]);
}

#[test]
fn a_zero_watch_interval_is_refused() {
    let home = Home::new();
    sandbox(
        &home,
        &["status", "RF2026010100001", "--watch", "--interval", "0s"],
    )
    .code(2)
    .stderr_has(&["--interval", "longer than zero"]);
}

#[test]
fn an_unknown_status_filter_is_refused() {
    let home = Home::new();
    sandbox(&home, &["status", "--status", "DONE"])
        .code(2)
        .stderr_has(&["DONE", "--status", "PENDING_APPROVAL"]);
}

#[test]
fn a_watch_that_times_out_exits_8() {
    let home = Home::new();
    let slow = [("JDC_SANDBOX_SPEED", "1")];
    let run = home.run_with(&refund_args(&["--order", FULL_ORDER], &[]), &slow, None);
    let id = run.success().stdout.trim().to_string();
    home.run_with(
        &[
            "--sandbox",
            "status",
            &id,
            "--watch",
            "--interval",
            "50ms",
            "--timeout",
            "300ms",
        ],
        &slow,
        None,
    )
    .code(8)
    .stderr_has(&[&id, "still PENDING_APPROVAL", "--watch"]);
}

#[test]
fn a_watch_timeout_names_the_time_waited() {
    let home = Home::new();
    let slow = [("JDC_SANDBOX_SPEED", "1")];
    let run = home.run_with(&refund_args(&["--order", FULL_ORDER], &[]), &slow, None);
    let id = run.success().stdout.trim().to_string();
    home.run_with(
        &[
            "--sandbox",
            "status",
            &id,
            "--watch",
            "--interval",
            "50ms",
            "--timeout",
            "300ms",
        ],
        &slow,
        None,
    )
    .code(8)
    .stderr_has(&["after 300ms"]);
}

#[test]
fn the_per_request_timeout_does_not_end_a_watch() {
    let home = Home::new();
    // Refunds end about half a second after submission.
    let speed = [("JDC_SANDBOX_SPEED", "50")];
    let run = home.run_with(&refund_args(&["--order", FULL_ORDER], &[]), &speed, None);
    let id = run.success().stdout.trim().to_string();
    home.run_with(
        &[
            "--sandbox",
            "--request-timeout",
            "200ms",
            "status",
            &id,
            "--watch",
            "--interval",
            "50ms",
        ],
        &speed,
        None,
    )
    .success()
    .stdout_has(&["SUCCESS"]);
}

#[test]
fn resubmit_keeps_the_resource() {
    let home = Home::new();
    let id = submit(&home, &["--resource-id", TECHNICAL], &[]);
    sandbox(
        &home,
        &["refund", "resubmit", &id, "--order", FULL_ORDER, "--yes"],
    )
    .code(2)
    .one_error()
    .stderr_has(&["resubmit keeps the refund's resource"]);
}

#[test]
fn resubmitting_a_successful_refund_is_refused() {
    let home = Home::new();
    let id = submit(&home, &["--order", FULL_ORDER], &[]);
    watch(&home, &id).success();
    sandbox(&home, &["refund", "resubmit", &id, "--yes"])
        .code(5)
        .one_error()
        .stderr_has(&[&id, "already succeeded"]);
    assert_eq!(refunds(&home).len(), 1);
}

#[test]
fn login_without_password_stdin_is_refused() {
    let home = Home::new();
    sandbox(&home, &["login", "--account", "demo"])
        .code(2)
        .one_error()
        .stderr_has(&["--password-stdin", "never pass it as an argument"]);
    assert!(!home.credentials_path().exists());
}

#[test]
fn login_with_empty_stdin_is_refused() {
    let home = Home::new();
    home.run_with(
        &[
            "--sandbox",
            "login",
            "--account",
            "demo",
            "--password-stdin",
        ],
        &[],
        Some(""),
    )
    .code(2)
    .one_error()
    .stderr_has(&["--password-stdin", "stdin was empty"]);
    assert!(!home.credentials_path().exists());
}

#[test]
fn login_with_a_wrong_password_is_refused() {
    let home = Home::new();
    home.run_with(
        &[
            "--sandbox",
            "login",
            "--account",
            "demo",
            "--password-stdin",
        ],
        &[],
        Some("not-the-password\n"),
    )
    .code(4)
    .one_error()
    .stderr_has(&["wrong account or password"]);
    assert!(!home.credentials_path().exists());
}

#[test]
fn login_to_an_mfa_account_without_a_code_names_mfa_code() {
    let home = Home::new();
    home.run_with(
        &[
            "--sandbox",
            "login",
            "--account",
            "mfa-demo",
            "--password-stdin",
        ],
        &[],
        Some("demo-password\n"),
    )
    .code(4)
    .one_error()
    .stderr_has(&["mfa-demo", "MFA", "--mfa-code"]);
    assert!(!home.credentials_path().exists());
}

#[test]
fn login_to_an_mfa_account_with_a_wrong_code_is_refused() {
    let home = Home::new();
    home.run_with(
        &[
            "--sandbox",
            "login",
            "--account",
            "mfa-demo",
            "--password-stdin",
            "--mfa-code",
            "111111",
        ],
        &[],
        Some("demo-password\n"),
    )
    .code(4)
    .stderr_has(&["MFA code"]);
    assert!(!home.credentials_path().exists());
}

#[test]
fn login_to_an_mfa_account_with_the_code_works() {
    let home = Home::new();
    home.run_with(
        &[
            "--sandbox",
            "login",
            "--account",
            "mfa-demo",
            "--password-stdin",
            "--mfa-code",
            "246810",
        ],
        &[],
        Some("demo-password\n"),
    )
    .success()
    .stderr_has(&["Logged in as mfa-demo"]);
    sandbox(&home, &["orders"])
        .success()
        .stdout_has(&["i-mfa00srvr01"]);
}

#[test]
fn an_access_key_with_a_wrong_secret_is_not_saved() {
    let home = Home::new();
    home.run_with(
        &[
            "--sandbox",
            "login",
            "--access-key-id",
            DEMO_KEY,
            "--secret-key-stdin",
        ],
        &[],
        Some("wrong-secret\n"),
    )
    .code(4)
    .one_error()
    .stderr_has(&["not saved", "signature"]);
    assert!(
        !home.credentials_path().exists(),
        "credentials.toml must not be written"
    );
}

#[test]
fn an_access_key_without_secret_key_stdin_is_refused() {
    let home = Home::new();
    sandbox(&home, &["login", "--access-key-id", DEMO_KEY])
        .code(2)
        .stderr_has(&["--secret-key-stdin"]);
    assert!(!home.credentials_path().exists());
}

#[test]
fn login_without_a_method_says_how() {
    let home = Home::new();
    sandbox(&home, &["login"]).code(2).stderr_has(&[
        "--account",
        "--password-stdin",
        "--access-key-id",
    ]);
}

#[test]
fn plain_http_to_another_machine_is_refused() {
    let home = Home::new();
    home.run_with(
        &["status", "--endpoint", "http://console.example.com"],
        &[
            ("JDC_ACCESS_KEY", DEMO_KEY),
            ("JDC_SECRET_KEY", DEMO_SECRET),
        ],
        None,
    )
    .code(2)
    .one_error()
    .stderr_has(&["http://console.example.com", "plain http", "https"]);
}

#[test]
fn an_endpoint_that_is_not_a_url_is_refused() {
    let home = Home::new();
    home.run_with(
        &["orders", "--endpoint", "console example"],
        &[
            ("JDC_ACCESS_KEY", DEMO_KEY),
            ("JDC_SECRET_KEY", DEMO_SECRET),
        ],
        None,
    )
    .code(2)
    .stderr_has(&["--endpoint", "not a URL"]);
}

// ---- secrets ----

/// The secrets of the stored session: access key, secret key, session token.
fn stored_secrets(home: &Home) -> (String, String, Option<String>) {
    let text = std::fs::read_to_string(home.credentials_path()).unwrap();
    let file: toml::Value = toml::from_str(&text).unwrap();
    let p = &file["profiles"]["default"];
    (
        p["access-key"].as_str().unwrap().to_string(),
        p["secret-key"].as_str().unwrap().to_string(),
        p.get("session-token")
            .and_then(|t| t.as_str())
            .map(str::to_string),
    )
}

fn assert_no_secret(run: &Run, secrets: &[&str]) {
    for secret in secrets {
        assert!(
            !run.stdout.contains(secret) && !run.stderr.contains(secret),
            "a secret ({} chars) leaked:{run}",
            secret.len()
        );
    }
}

#[test]
fn verbose_password_login_and_use_leak_no_secret() {
    let home = Home::new();
    let login = home.run_with(
        &[
            "--sandbox",
            "-v",
            "login",
            "--account",
            "demo",
            "--password-stdin",
        ],
        &[],
        Some("demo-password\n"),
    );
    login
        .success()
        .stderr_has(&["POST /v1/sessionToken:login 200"]);
    let (_, secret, token) = stored_secrets(&home);
    let token = token.expect("a session token");
    use base64::Engine;
    let token_b64 = base64::engine::general_purpose::STANDARD.encode(&token);
    let secrets = [
        PASSWORD,
        secret.as_str(),
        token.as_str(),
        token_b64.as_str(),
    ];
    assert_no_secret(&login, &secrets);
    for args in [
        &["--sandbox", "-v", "orders"][..],
        &[
            "--sandbox",
            "-v",
            "refund",
            "--order",
            FULL_ORDER,
            "--dry-run",
        ],
    ] {
        let run = home.run(args);
        run.success().stderr_has(&["request-id sbx-"]);
        assert_no_secret(&run, &secrets);
    }
    for args in [
        &["--sandbox", "-v", "login", "--status"][..],
        &["--sandbox", "-v", "--json", "login", "--status"],
    ] {
        let run = home.run(args);
        run.success();
        assert_no_secret(&run, &secrets);
    }
}

#[test]
fn verbose_failed_login_leaks_no_password() {
    let home = Home::new();
    let run = home.run_with(
        &[
            "--sandbox",
            "-v",
            "login",
            "--account",
            "demo",
            "--password-stdin",
        ],
        &[],
        Some("s3cret-guess-1\n"),
    );
    run.code(4).stderr_has(&["401"]);
    assert_no_secret(&run, &["s3cret-guess-1"]);
}

#[test]
fn verbose_access_key_login_leaks_no_secret() {
    let home = Home::new();
    let login = home.run_with(
        &[
            "--sandbox",
            "-v",
            "login",
            "--access-key-id",
            DEMO_KEY,
            "--secret-key-stdin",
        ],
        &[],
        Some(&format!("{DEMO_SECRET}\n")),
    );
    login
        .success()
        .stderr_has(&["describeAccountAmount 200", "Logged in as AKSA…0001"]);
    assert_no_secret(&login, &[DEMO_SECRET]);
    let status = sandbox(&home, &["-v", "status"]);
    status.success();
    assert_no_secret(&status, &[DEMO_SECRET]);
}

// ---- credential files ----

#[cfg(unix)]
#[test]
fn credentials_are_private_after_login() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new();
    home.run_with(
        &[
            "--sandbox",
            "login",
            "--account",
            "demo",
            "--password-stdin",
        ],
        &[],
        Some("demo-password\n"),
    )
    .success();
    let file = std::fs::metadata(home.credentials_path()).unwrap();
    assert_eq!(file.permissions().mode() & 0o777, 0o600);
    let dir = std::fs::metadata(home.config_dir()).unwrap();
    assert_eq!(dir.permissions().mode() & 0o777, 0o700);
    let leftovers: Vec<_> = std::fs::read_dir(home.config_dir())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "only credentials.toml, no temp files: {leftovers:?}"
    );
}

#[test]
fn login_status_masks_the_session_key() {
    let home = Home::new();
    home.run_with(
        &[
            "--sandbox",
            "login",
            "--account",
            "demo",
            "--password-stdin",
        ],
        &[],
        Some("demo-password\n"),
    )
    .success();
    let (key, secret, token) = stored_secrets(&home);
    let masked = format!("{}…{}", &key[..4], &key[key.len() - 4..]);
    let status = sandbox(&home, &["login", "--status"]);
    status
        .success()
        .stdout_has(&["Account:  demo", &format!("Key:      {masked}"), "Expires:"]);
    assert_no_secret(
        &status,
        &[key.as_str(), secret.as_str(), token.as_deref().unwrap()],
    );
    let json = sandbox(&home, &["login", "--status", "--json"]);
    let v = json.success().json();
    assert_eq!(v["accessKey"], masked.as_str());
    assert_eq!(v["account"], "demo");
    assert_eq!(v["expired"], false);
    assert!(is_china_time(&v["expiration"]), "{v:#}");
}

#[test]
fn login_status_masks_an_access_key() {
    let home = Home::new();
    home.run_with(
        &[
            "--sandbox",
            "login",
            "--access-key-id",
            DEMO_KEY,
            "--secret-key-stdin",
        ],
        &[],
        Some(&format!("{DEMO_SECRET}\n")),
    )
    .success();
    let status = sandbox(&home, &["login", "--status"]);
    status
        .success()
        .stdout_has(&["Key:      AKSA…0001", "never"]);
    assert_no_secret(&status, &[DEMO_KEY, DEMO_SECRET]);
}

#[test]
fn logout_forgets_the_credentials() {
    let home = Home::new();
    home.run_with(
        &[
            "--sandbox",
            "login",
            "--account",
            "demo",
            "--password-stdin",
        ],
        &[],
        Some("demo-password\n"),
    )
    .success();
    let (key, secret, token) = stored_secrets(&home);
    sandbox(&home, &["logout"])
        .success()
        .stderr_has(&["Logged out of profile `default`"]);
    let left = std::fs::read_to_string(home.credentials_path()).unwrap_or_default();
    for secret in [key.as_str(), secret.as_str(), token.as_deref().unwrap()] {
        assert!(!left.contains(secret), "still stored: {left}");
    }
    sandbox(&home, &["login", "--status"])
        .success()
        .stdout_has(&["From:     sandbox demo key"]);
    sandbox(&home, &["logout"])
        .success()
        .stderr_has(&["was not logged in"]);
}

// ---- JSON output ----

#[test]
fn orders_json_has_the_documented_fields() {
    let home = Home::new();
    let v = sandbox(&home, &["orders", "--json"]).success().json();
    assert_formats(&v);
    assert_eq!(v["totalCount"], 10);
    let orders = v["orders"].as_array().unwrap();
    assert_eq!(orders.len(), 10);
    for o in orders {
        for key in [
            "orderNumber",
            "resourceId",
            "resourceName",
            "product",
            "regionId",
            "chargeMode",
            "orderType",
            "payType",
            "status",
            "totalFee",
            "discountFee",
            "actualFee",
            "createTime",
            "payTime",
        ] {
            assert!(o.get(key).is_some(), "order lacks {key}: {o:#}");
        }
    }
    let full = orders.iter().find(|o| o["resourceId"] == FULL).unwrap();
    assert_eq!(full["orderNumber"], FULL_ORDER);
    assert_eq!(full["actualFee"], "102.35");
    assert_eq!(full["product"], "Virtual Machines");
}

#[test]
fn dry_run_json_has_the_quote_and_the_policy() {
    let home = Home::new();
    let v = sandbox(
        &home,
        &["refund", "--order", FULL_ORDER, "--dry-run", "--json"],
    )
    .success()
    .json();
    assert_formats(&v);
    assert_eq!(v["submitted"], false);
    let q = &v["quote"];
    assert_eq!(q["resourceId"], FULL);
    assert_eq!(q["orderNumbers"][0], FULL_ORDER);
    assert_eq!(q["refundable"], true);
    assert_eq!(q["policy"], "NO_REASON");
    assert_eq!(q["amount"], "102.35");
    assert_eq!(q["split"]["cash"], "80.00");
    assert_eq!(q["split"]["balance"], "22.35");
    assert_eq!(q["refundTo"], "original");
    assert_eq!(q["requiresInvoiceReturn"], false);
    assert!(q["notRefundableReason"].is_null());
    assert!(is_china_time(&q["validUntil"]));
    assert!(v["policy"]["version"].is_string());
    assert!(v["policy"]["text"].as_str().unwrap().contains("5 days"));
    assert_nothing_submitted(&home);
}

#[test]
fn dry_run_json_of_a_not_refundable_order_says_why_and_exits_5() {
    let home = Home::new();
    let run = sandbox(
        &home,
        &["refund", "--resource-id", UNPAID, "--dry-run", "--json"],
    );
    let v = run.code(5).json();
    assert_eq!(v["quote"]["refundable"], false);
    assert!(v["quote"]["notRefundableReason"]
        .as_str()
        .unwrap()
        .contains("not been paid"));
    assert_eq!(v["quote"]["amount"], "0.00");
    run.stderr_has(&["not refundable"]);
}

#[test]
fn refund_json_is_the_whole_application() {
    let home = Home::new();
    let run = home.run(&refund_args(&["--order", FULL_ORDER], &["--json"]));
    let v = run.success().json();
    assert_formats(&v);
    assert_refund_fields(&v);
    assert!(is_refund_id(v["refundId"].as_str().unwrap()));
    assert_eq!(v["orderNumber"], FULL_ORDER);
    assert_eq!(v["resourceId"], FULL);
    assert_eq!(v["amount"], "102.35");
    assert_eq!(v["status"], "PENDING_APPROVAL");
    assert_eq!(v["refundTo"], "original");
    assert!(v["failureCode"].is_null());
    assert_eq!(v["timeline"][0]["status"], "PENDING_APPROVAL");
}

#[test]
fn status_json_lists_the_refunds() {
    let home = Home::new();
    let first = submit(&home, &["--order", FULL_ORDER], &[]);
    let second = submit(&home, &["--resource-id", TECHNICAL], &[]);
    let v = sandbox(&home, &["status", "--json"]).success().json();
    assert_formats(&v);
    assert_eq!(v["totalCount"], 2);
    let list = v["refunds"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["refundId"], second.as_str(), "newest first");
    assert_eq!(list[1]["refundId"], first.as_str());
    for r in list {
        assert_refund_fields(r);
    }
    let only = sandbox(&home, &["status", "--json", "--resource-id", FULL])
        .success()
        .json();
    assert_eq!(only["refunds"].as_array().unwrap().len(), 1);
}

#[test]
fn status_id_json_has_the_refund_and_the_troubleshooter() {
    let home = Home::new();
    let ok = submit(&home, &["--order", FULL_ORDER], &[]);
    watch(&home, &ok).success();
    let v = sandbox(&home, &["status", &ok, "--json"]).success().json();
    assert_formats(&v);
    assert_refund_fields(&v["refund"]);
    assert_eq!(v["refund"]["status"], "SUCCESS");
    assert!(v.get("troubleshooter").is_some() && v["troubleshooter"].is_null());

    let failed = submit(&home, &["--order", OFFLINE_ORDER], &[]);
    watch(&home, &failed).code(7);
    let v = sandbox(&home, &["status", &failed, "--json"])
        .success()
        .json();
    assert_formats(&v);
    assert_eq!(v["refund"]["failureCode"], "PAYMENT_METHOD_UNSUPPORTED");
    let t = &v["troubleshooter"];
    for key in [
        "problem",
        "failureCode",
        "message",
        "causes",
        "remedies",
        "fixCommand",
        "availableBalance",
        "shortfall",
        "newQuote",
        "refundId",
        "requestId",
        "support",
    ] {
        assert!(t.get(key).is_some(), "troubleshooter lacks {key}: {t:#}");
    }
    assert_eq!(t["problem"], "refund failed");
    assert_eq!(
        t["fixCommand"],
        format!("jdc-refund --sandbox refund resubmit {failed} --refund-to balance").as_str()
    );
}

#[test]
fn cancel_and_remind_json() {
    let home = Home::new();
    let slow = [("JDC_SANDBOX_SPEED", "1")];
    let run = home.run_with(&refund_args(&["--order", FULL_ORDER], &[]), &slow, None);
    let id = run.success().stdout.trim().to_string();
    let reminded = home.run_with(
        &["--sandbox", "--json", "refund", "remind", &id],
        &slow,
        None,
    );
    let v = reminded.success().json();
    assert_eq!(v["refundId"], id.as_str());
    assert!(is_china_time(&v["remindedAt"]), "{v:#}");
    let canceled = home.run_with(
        &["--sandbox", "--json", "refund", "cancel", &id],
        &slow,
        None,
    );
    let v = canceled.success().json();
    assert_formats(&v);
    assert_refund_fields(&v);
    assert_eq!(v["status"], "CANCELED");
}

#[test]
fn support_json_lists_the_channels() {
    let home = Home::new();
    let v = sandbox(&home, &["support", "--json"]).success().json();
    let channels = v.as_array().unwrap();
    let kinds: Vec<&str> = channels
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    for kind in ["hotline", "chat", "email"] {
        assert!(kinds.contains(&kind), "{v:#}");
    }
    assert!(channels.iter().all(|c| c["value"].is_string()));
}

// ---- the journal: a lost answer never loses or doubles a refund ----

fn demo_env() -> [(&'static str, &'static str); 2] {
    [
        ("JDC_ACCESS_KEY", DEMO_KEY),
        ("JDC_SECRET_KEY", DEMO_SECRET),
    ]
}

/// The demo account's refunds for one resource on a served console.
fn served_refunds(home: &Home, url: &str, resource: &str) -> Vec<Value> {
    let run = home.run_with(
        &[
            "status",
            "--json",
            "--resource-id",
            resource,
            "--endpoint",
            url,
        ],
        &demo_env(),
        None,
    );
    run.success().json()["refunds"].as_array().unwrap().clone()
}

#[test]
fn a_dropped_answer_is_recovered_with_the_same_key() {
    let home = Home::new();
    let serve = ServeProcess::start(
        &home.path("served.sqlite3"),
        &["--faults", "drop=1", "--speed", "200"],
    );
    let run = home.run_with(
        &[
            "-v",
            "refund",
            "--endpoint",
            &serve.url,
            "--resource-id",
            FULL,
            "--reason",
            "not-wanted",
            "--contact-phone",
            "13800000000",
            "--yes",
        ],
        &demo_env(),
        None,
    );
    run.success()
        .stderr_has(&["refund:resource 200", "(attempt 2)"]);
    let id = run.stdout.trim();
    let all = served_refunds(&home, &serve.url, FULL);
    assert_eq!(all.len(), 1, "exactly one refund: {all:#?}");
    assert_eq!(all[0]["refundId"], id);
}

#[test]
fn an_unknown_outcome_is_finished_by_the_next_status_without_a_second_refund() {
    let home = Home::new();
    let state = home.path("served.sqlite3");
    let first = ServeProcess::start(&state, &["--speed", "200"]);
    // Every answer to a submission is lost, retries included: the outcome is unknown.
    let proxy = FaultProxy::start(&first.url);
    let lost = home.run_with(
        &[
            "refund",
            "--endpoint",
            &proxy.url,
            "--resource-id",
            FULL,
            "--reason",
            "not-wanted",
            "--contact-phone",
            "13800000000",
            "--idempotency-key",
            "nightly-run-7",
            "--yes",
        ],
        &demo_env(),
        None,
    );
    assert!(lost.stdout.is_empty(), "no refund id:{lost}");
    lost.code(6).stderr_has(&[
        "error: could not reach the console",
        "may or may not have been created",
        "status` to find out",
        "nightly-run-7",
    ]);
    assert_eq!(proxy.submissions(), 3, "sent three times, one key");

    // The console restarts (same state, new port) and the answers come through again.
    drop(first);
    let second = ServeProcess::start(&state, &["--speed", "200"]);
    proxy.set_upstream(&second.url);
    proxy.set_drop_submissions(false);

    // Asked through another URL, it is another console: the entry is reported, not replayed.
    let elsewhere = home.run_with(&["status", "--endpoint", &second.url], &demo_env(), None);
    elsewhere
        .success()
        .stderr_has(&["another console", "still unconfirmed"]);
    assert!(
        !elsewhere.stderr.contains("Finished an earlier submission"),
        "{elsewhere}"
    );

    let status = home.run_with(&["status", "--endpoint", &proxy.url], &demo_env(), None);
    status.success().stderr_has(&[
        "Finished an earlier submission (key nightly-run-7): refund RF",
        FULL,
    ]);
    let all = served_refunds(&home, &second.url, FULL);
    assert_eq!(all.len(), 1, "exactly one refund: {all:#?}");
    let id = all[0]["refundId"].as_str().unwrap();
    status.stderr_has(&[&format!("refund {id} for {FULL}")]);
    status.stdout_has(&[id]);

    // Finished once: the next run has nothing left to finish.
    let again = home.run_with(&["status", "--endpoint", &proxy.url], &demo_env(), None);
    assert!(
        !again.success().stderr.contains("earlier submission"),
        "{again}"
    );
    let direct = home.run_with(&["status", "--endpoint", &second.url], &demo_env(), None);
    assert!(!direct.success().stderr.contains("unconfirmed"), "{direct}");
    assert_eq!(served_refunds(&home, &second.url, FULL).len(), 1);
}

#[test]
fn rerunning_with_the_same_idempotency_key_returns_the_same_refund() {
    let home = Home::new();
    let slow = [("JDC_SANDBOX_SPEED", "1")];
    let args = refund_args(
        &["--order", FULL_ORDER],
        &["--idempotency-key", "nightly-run-8"],
    );
    let first = home.run_with(&args, &slow, None);
    let id = first.success().stdout.trim().to_string();
    let again = home.run_with(&args, &slow, None);
    again.success();
    assert_eq!(again.stdout.trim(), id, "{again}");
    assert_eq!(refunds(&home).len(), 1);
}

#[test]
fn reusing_an_idempotency_key_keeps_the_first_submission_on_record() {
    let home = Home::new();
    let first = sandbox(
        &home,
        &[
            "refund",
            "--resource-id",
            TECHNICAL,
            "--reason",
            "other",
            "--reason-text",
            "moved to another region",
            "--contact-email",
            "li@example.com",
            "--idempotency-key",
            "shared-key",
            "--yes",
        ],
    );
    let id = first.success().stdout.trim().to_string();
    watch(&home, &id).code(7);
    // The same key for a different refund: refused before anything is sent, naming the key.
    home.run(&refund_args(
        &["--order", FULL_ORDER],
        &["--idempotency-key", "shared-key"],
    ))
    .code(2)
    .stderr_has(&["shared-key"]);
    // The first submission's details are still known here, so it can be resubmitted as is.
    let resubmitted = sandbox(&home, &["refund", "resubmit", &id, "--yes"]);
    resubmitted.success();
    watch(&home, resubmitted.stdout.trim()).success();
}
