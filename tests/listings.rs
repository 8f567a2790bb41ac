//! Listings and watching several refunds, end to end: the binary against `jdc-refund sandbox
//! serve` (or the embedded `--sandbox`), with the sandbox's SQLite state as the ground truth.
//!
//! - `orders --all` and `status --all` stream every page as a table, one JSON document or JSON
//!   lines, newest first; a reader of stdout that goes away early ends them with exit 0, and
//!   the reader thread stops fetching.
//! - `status ID1 ID2 …` shows each refund; an unknown id fails the whole call (exit 3).
//! - `status --watch` of several refunds (ids or a batch's report) ends with 0 (all refunded),
//!   7 (one ended otherwise) or 8 (time ran out); a report that is not one is refused before
//!   anything is sent.
//! - JSON is the same in every language.

mod common;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{parse_stats, Home, Run, ServeProcess};
use rusqlite::Connection;
use serde_json::Value;

const DEMO_KEY: &str = "AKSANDBOXDEMO0000001";
const DEMO_SECRET: &str = "sandbox-secret-key-do-not-use";
const PHONE: &str = "13800000000";
/// A refund id no sandbox hands out (its sequence number is far beyond any test's).
const UNKNOWN_REFUND: &str = "RF2026010199999";

fn demo_env() -> [(&'static str, &'static str); 2] {
    [
        ("JDC_ACCESS_KEY", DEMO_KEY),
        ("JDC_SECRET_KEY", DEMO_SECRET),
    ]
}

/// The `n`th order `--seed-orders` adds (from 1).
fn load_order(n: usize) -> String {
    format!("3126{n:014}")
}

/// `--endpoint URL` and `args`, with the demo key pair.
fn served(home: &Home, url: &str, args: &[&str]) -> Run {
    let mut all = vec!["--endpoint", url];
    all.extend_from_slice(args);
    home.run_with(&all, &demo_env(), None)
}

/// `--sandbox` and `args`, with the embedded sandbox moving refunds on at `speed`.
fn embedded(home: &Home, speed: &str, args: &[&str]) -> Run {
    let mut all = vec!["--sandbox"];
    all.extend_from_slice(args);
    home.run_with(&all, &[("JDC_SANDBOX_SPEED", speed)], None)
}

/// The sandbox's state, read directly.
fn ground(state: &Path) -> Connection {
    let conn = Connection::open(state).expect("the sandbox state opens");
    conn.busy_timeout(Duration::from_secs(30))
        .expect("busy timeout");
    conn
}

/// One demo order as the sandbox stores it.
#[derive(Debug, Clone, PartialEq)]
struct StoredOrder {
    number: String,
    resource: String,
    /// Paid in all, `12.34`.
    actual: String,
    create_secs: i64,
}

/// The demo account's orders as the console lists them: newest first, then by number.
fn stored_orders(state: &Path) -> Vec<StoredOrder> {
    let conn = ground(state);
    let mut stmt = conn
        .prepare(
            "SELECT order_number, resource_id, money_fen + balance_fen + coupon_fen, create_ms
             FROM orders WHERE pin = 'demo' ORDER BY create_ms DESC, order_number DESC",
        )
        .expect("query");
    let rows = stmt
        .query_map([], |r| {
            let fen: i64 = r.get(2)?;
            let ms: i64 = r.get(3)?;
            Ok(StoredOrder {
                number: r.get(0)?,
                resource: r.get(1)?,
                actual: format!("{}.{:02}", fen / 100, fen % 100),
                create_secs: ms.div_euclid(1000),
            })
        })
        .expect("orders");
    rows.map(|r| r.expect("order row")).collect()
}

/// The demo account's refund ids, newest first (as `status` lists them).
fn stored_refunds(state: &Path) -> Vec<String> {
    let conn = ground(state);
    let mut stmt = conn
        .prepare("SELECT refund_id FROM refunds WHERE pin = 'demo' ORDER BY seq DESC")
        .expect("query");
    let rows = stmt.query_map([], |r| r.get(0)).expect("refunds");
    rows.map(|r| r.expect("refund row")).collect()
}

/// A table on stdout: asserts its header starts with `first_header`, and returns each row's
/// cells (split on whitespace).
fn table_rows(run: &Run, first_header: &str) -> Vec<Vec<String>> {
    let mut lines = run.stdout.lines();
    let header = lines.next().unwrap_or_default();
    assert!(
        header.starts_with(first_header),
        "no {first_header} table on stdout:{run}"
    );
    lines
        .map(|l| l.split_whitespace().map(str::to_string).collect())
        .collect()
}

/// A refunds table: (refund id, status) per row.
fn refund_rows(run: &Run) -> Vec<(String, String)> {
    table_rows(run, "REFUND")
        .into_iter()
        .map(|cells| {
            assert_eq!(cells.len(), 8, "a refund row has 7 columns: {cells:?}{run}");
            (cells[0].clone(), cells[5].clone())
        })
        .collect()
}

/// Every line of stdout as a JSON object.
fn json_lines(run: &Run) -> Vec<Value> {
    assert!(
        run.stdout.ends_with('\n'),
        "the last line is unfinished:{run}"
    );
    run.stdout
        .lines()
        .map(|l| {
            assert!(!l.is_empty(), "an empty line in JSON lines:{run}");
            let v: Value = serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("not a JSON line ({e}): {l:?}{run}"));
            assert!(v.is_object(), "not an object: {l}");
            v
        })
        .collect()
}

/// `{"<key>": [...], "totalCount": n}`: the array and n.
fn json_listing(run: &Run, key: &str) -> (Vec<Value>, Value) {
    let doc = run.json();
    let object = doc.as_object().expect("a JSON object");
    assert_eq!(
        object.keys().collect::<Vec<_>>(),
        [key, "totalCount"],
        "{run}"
    );
    let items = doc[key].as_array().expect("an array").clone();
    (items, doc["totalCount"].clone())
}

fn str_field<'v>(v: &'v Value, name: &str) -> &'v str {
    v[name]
        .as_str()
        .unwrap_or_else(|| panic!("no string {name} in {v}"))
}

/// Asserts `a` and `b` are the same bytes; on failure shows where they part.
fn same_bytes(a: &str, b: &str, what: &str) {
    if a == b {
        return;
    }
    let at = a
        .bytes()
        .zip(b.bytes())
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    let around = |s: &str| {
        let bytes = &s.as_bytes()[at.saturating_sub(80)..(at + 80).min(s.len())];
        String::from_utf8_lossy(bytes).to_string()
    };
    panic!(
        "{what} differ at byte {at} (lengths {} and {}):\n{:?}\n{:?}",
        a.len(),
        b.len(),
        around(a),
        around(b)
    );
}

/// Lines on stderr that `-v` prints for a request sent to the console.
fn request_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| {
            ["GET /", "POST /", "PUT /", "DELETE /"]
                .iter()
                .any(|m| l.starts_with(m))
        })
        .collect()
}

/// Runs the binary with stdout piped to a reader that takes `lines` lines and then closes its
/// end. Returns the lines read, the exit code and stderr. Fails after 60 s (a hang).
fn read_then_close(
    home: &Home,
    url: &str,
    args: &[&str],
    lines: usize,
) -> (Vec<String>, Option<i32>, String) {
    let mut child = home
        .command()
        .arg("--endpoint")
        .arg(url)
        .args(args)
        .envs(demo_env())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut err = child.stderr.take().expect("stderr");
    let err_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = err.read_to_string(&mut text);
        text
    });
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut read = Vec::new();
    for _ in 0..lines {
        let mut line = String::new();
        out.read_line(&mut line).expect("a line of stdout");
        read.push(line);
    }
    drop(out);
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "jdc-refund {} hung after its reader went away",
                args.join(" ")
            );
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stderr = err_reader.join().unwrap_or_default();
    (read, status.code(), stderr)
}

#[test]
fn orders_all_streams_every_order_in_each_format() {
    const SEEDED: usize = 2_500;
    let home = Home::new();
    let state = home.path("served.sqlite3");
    let serve = ServeProcess::start(&state, &["--seed-orders", "2500", "--speed", "200"]);
    let stored = stored_orders(&state);
    // The load orders and the demo account's own, all within the last 12 months.
    assert!(stored.len() > SEEDED, "{}", stored.len());
    let numbers: Vec<&str> = stored.iter().map(|o| o.number.as_str()).collect();
    let pages = stored.len().div_ceil(100);

    // JSON lines: one order a line, each once, newest first, each with its own figures.
    let jsonl = served(&home, &serve.url, &["-v", "orders", "--all", "-o", "jsonl"]);
    jsonl.success();
    let items = json_lines(&jsonl);
    assert_eq!(items.len(), stored.len(), "one line per order{jsonl}");
    let distinct: BTreeSet<&str> = items.iter().map(|o| str_field(o, "orderNumber")).collect();
    assert_eq!(distinct.len(), stored.len(), "an order listed twice");
    let mut previous = i64::MAX;
    for (item, want) in items.iter().zip(&stored) {
        assert_eq!(str_field(item, "orderNumber"), want.number, "{item}");
        assert_eq!(str_field(item, "resourceId"), want.resource, "{item}");
        assert_eq!(str_field(item, "actualFee"), want.actual, "{item}");
        let created = chrono::DateTime::parse_from_rfc3339(str_field(item, "createTime"))
            .unwrap_or_else(|e| panic!("createTime ({e}): {item}"))
            .timestamp();
        assert_eq!(created, want.create_secs, "{item}");
        assert!(created <= previous, "not newest first at {item}");
        previous = created;
    }
    // Every page asked for once.
    assert_eq!(
        request_lines(&jsonl.stderr).len(),
        pages,
        "{}",
        jsonl.stderr
    );

    // One JSON document: the same orders, and the total.
    let json = served(&home, &serve.url, &["orders", "--all", "--json"]);
    json.success();
    let (orders, total) = json_listing(&json, "orders");
    assert_eq!(total, stored.len() as u64, "totalCount");
    assert_eq!(orders.len() as u64, total.as_u64().unwrap());
    assert_eq!(
        orders, items,
        "the document and the lines list the same orders"
    );

    // The table: a header, then one line per order in the same order.
    let table = served(&home, &serve.url, &["orders", "--all"]);
    table.success();
    let rows = table_rows(&table, "ORDER");
    assert!(
        table.stdout.lines().next().unwrap().contains("CREATED"),
        "{table}"
    );
    assert_eq!(rows.len(), stored.len(), "one line per order");
    let listed: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(listed, numbers);
    for (row, want) in rows.iter().zip(&stored) {
        assert_eq!(row[1], want.resource, "{row:?}");
    }
    assert!(
        !table.stderr.contains("More orders may follow"),
        "everything was shown:{table}"
    );

    // The same document in Chinese: JSON does not change with the language.
    let zh = served(
        &home,
        &serve.url,
        &["--lang", "zh", "orders", "--all", "--json"],
    );
    zh.success();
    let en = served(
        &home,
        &serve.url,
        &["--lang", "en", "orders", "--all", "--json"],
    );
    en.success();
    same_bytes(&zh.stdout, &en.stdout, "orders --all --json in zh and en");
    same_bytes(&en.stdout, &json.stdout, "orders --all --json twice");

    // A reader that goes away after 5 lines: exit 0, no error, and the pages still unread
    // are not all fetched.
    for format in ["table", "jsonl", "json"] {
        let (read, code, stderr) = read_then_close(
            &home,
            &serve.url,
            &["-v", "orders", "--all", "-o", format],
            5,
        );
        assert_eq!(code, Some(0), "orders --all -o {format}: {stderr}");
        assert!(
            !stderr.contains("error"),
            "orders --all -o {format}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        let first = match format {
            "table" => read[1].split_whitespace().next().unwrap().to_string(),
            "jsonl" => {
                let v: Value = serde_json::from_str(&read[0]).expect("a JSON line");
                str_field(&v, "orderNumber").to_string()
            }
            _ => {
                assert_eq!(read[0], "{\n");
                let v: Value = serde_json::from_str(read[2].trim().trim_end_matches(','))
                    .expect("the first order");
                str_field(&v, "orderNumber").to_string()
            }
        };
        assert_eq!(first, numbers[0], "{format}");
        let fetched = request_lines(&stderr).len();
        assert!(
            fetched < pages,
            "-o {format}: all {fetched} pages fetched after the reader went away: {stderr}"
        );
    }
}

/// A batch file of load orders `1..=n`, refunded by order number at their quote.
fn batch_file(home: &Home, n: usize) -> PathBuf {
    let mut text = String::from("order\n");
    for i in 1..=n {
        text.push_str(&load_order(i));
        text.push('\n');
    }
    let path = home.path("batch.csv");
    std::fs::write(&path, text).expect("batch file");
    path
}

/// `refund --batch` of load orders `1..=n` with a report; returns the report's refund ids in
/// row order.
fn refund_batch(home: &Home, url: &str, n: usize, report: &Path) -> Vec<String> {
    let file = batch_file(home, n);
    let file = file.display().to_string();
    let report_arg = report.display().to_string();
    let done = served(
        home,
        url,
        &[
            "refund",
            "--batch",
            &file,
            "--reason",
            "not-wanted",
            "--contact-phone",
            PHONE,
            "--yes",
            "--report",
            &report_arg,
        ],
    );
    done.success();
    report_ids(report)
}

/// The refund ids of a CSV or JSON report, in row order.
fn report_ids(report: &Path) -> Vec<String> {
    if report.extension().and_then(|e| e.to_str()) == Some("json") {
        let rows: Value =
            serde_json::from_slice(&std::fs::read(report).expect("report")).expect("JSON");
        return rows
            .as_array()
            .expect("an array")
            .iter()
            .map(|r| str_field(r, "refundId").to_string())
            .collect();
    }
    let mut reader = csv::Reader::from_path(report).expect("the CSV report");
    let column = reader
        .headers()
        .expect("header")
        .iter()
        .position(|h| h == "refund_id")
        .expect("a refund_id column");
    reader
        .records()
        .map(|r| r.expect("record")[column].to_string())
        .collect()
}

#[test]
fn status_all_and_several_ids_after_a_batch() {
    const ROWS: usize = 250;
    let home = Home::new();
    let state = home.path("served.sqlite3");
    let serve = ServeProcess::start(&state, &["--seed-orders", "250", "--speed", "200"]);
    let csv_report = home.path("report.csv");
    let ids = refund_batch(&home, &serve.url, ROWS, &csv_report);
    assert_eq!(ids.len(), ROWS);
    assert_eq!(
        ids.iter().collect::<BTreeSet<_>>().len(),
        ROWS,
        "a refund id twice in the report"
    );
    let report_arg = csv_report.display().to_string();

    // Watching the batch by its CSV report: every refund ends SUCCESS, one line each.
    let watched = served(
        &home,
        &serve.url,
        &[
            "status",
            "--watch",
            "--batch-report",
            &report_arg,
            "--interval",
            "100ms",
            "--timeout",
            "40s",
        ],
    );
    watched
        .success()
        .stderr_has(&["All 250 refunds succeeded."]);
    let rows = refund_rows(&watched);
    assert_eq!(
        rows.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>(),
        ids,
        "one line per refund of the report, in its order{watched}"
    );
    assert!(
        rows.iter().all(|(_, status)| status == "SUCCESS"),
        "{watched}"
    );

    // The JSON report of the same batch (running it again sends nothing) works the same.
    let json_report = home.path("report.json");
    let again = refund_batch(&home, &serve.url, ROWS, &json_report);
    assert_eq!(again, ids, "the second run reports the same refunds");
    let json_arg = json_report.display().to_string();
    let watched = served(
        &home,
        &serve.url,
        &[
            "--json",
            "status",
            "--watch",
            "--batch-report",
            &json_arg,
            "--interval",
            "100ms",
            "--timeout",
            "40s",
        ],
    );
    watched.success();
    let (refunds, total) = json_listing(&watched, "refunds");
    assert_eq!(total, ROWS as u64);
    assert_eq!(
        refunds
            .iter()
            .map(|r| str_field(r, "refundId").to_string())
            .collect::<Vec<_>>(),
        ids
    );
    assert!(
        refunds.iter().all(|r| r["status"] == "SUCCESS"),
        "{watched}"
    );

    // status --all: every refund, newest first, in each format.
    let stored = stored_refunds(&state);
    assert_eq!(stored.len(), ROWS);
    let json = served(&home, &serve.url, &["-v", "status", "--all", "--json"]);
    json.success();
    let (all, total) = json_listing(&json, "refunds");
    assert_eq!(total, ROWS as u64, "totalCount");
    let listed: Vec<&str> = all.iter().map(|r| str_field(r, "refundId")).collect();
    assert_eq!(listed, stored, "every refund once, newest first");
    assert!(all.iter().all(|r| r["status"] == "SUCCESS"));
    assert_eq!(
        request_lines(&json.stderr).len(),
        ROWS.div_ceil(100),
        "one request per page of 100:{json}"
    );

    let jsonl = served(&home, &serve.url, &["status", "--all", "-o", "jsonl"]);
    jsonl.success();
    let lines = json_lines(&jsonl);
    assert_eq!(lines, all, "the lines and the document agree");

    let table = served(&home, &serve.url, &["status", "--all"]);
    table.success();
    let rows = refund_rows(&table);
    assert_eq!(
        rows.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(),
        stored
    );

    // JSON is the same in every language; the table is not.
    let zh = served(
        &home,
        &serve.url,
        &["--lang", "zh", "status", "--all", "--json"],
    );
    zh.success();
    let en = served(
        &home,
        &serve.url,
        &["--lang", "en", "status", "--all", "--json"],
    );
    en.success();
    same_bytes(&zh.stdout, &en.stdout, "status --all --json in zh and en");
    same_bytes(&en.stdout, &json.stdout, "status --all --json twice");
    let zh_table = served(&home, &serve.url, &["--lang", "zh", "status", "--all"]);
    zh_table.success();
    assert_ne!(zh_table.stdout.lines().next(), table.stdout.lines().next());
    assert_eq!(zh_table.stdout.lines().count(), ROWS + 1);

    // A reader that goes away early.
    let (read, code, stderr) = read_then_close(&home, &serve.url, &["status", "--all"], 5);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
    assert_eq!(read[1].split_whitespace().next(), Some(stored[0].as_str()));

    // Several ids: one line each, in the order given.
    let some = [ids[7].as_str(), ids[0].as_str(), ids[123].as_str()];
    let mut args = vec!["status"];
    args.extend_from_slice(&some);
    let shown = served(&home, &serve.url, &args);
    shown.success();
    let rows = refund_rows(&shown);
    assert_eq!(
        rows,
        some.iter()
            .map(|id| (id.to_string(), "SUCCESS".to_string()))
            .collect::<Vec<_>>(),
        "{shown}"
    );
    let mut args = vec!["--json", "status"];
    args.extend_from_slice(&some);
    let shown = served(&home, &serve.url, &args);
    shown.success();
    let (refunds, total) = json_listing(&shown, "refunds");
    assert_eq!(total, 3);
    assert_eq!(
        refunds
            .iter()
            .map(|r| str_field(r, "refundId"))
            .collect::<Vec<_>>(),
        some
    );
    assert_eq!(str_field(&refunds[1], "orderNumber"), load_order(1));

    // Several ids, many more than the eight asked at a time.
    let mut args = vec!["-o", "jsonl", "status"];
    args.extend(ids[..40].iter().map(String::as_str));
    let shown = served(&home, &serve.url, &args);
    shown.success();
    assert_eq!(
        json_lines(&shown)
            .iter()
            .map(|r| str_field(r, "refundId").to_string())
            .collect::<Vec<_>>(),
        ids[..40]
    );

    // An unknown id among them: exit 3 naming it, nothing on stdout.
    for json in [false, true] {
        let mut args = if json { vec!["--json"] } else { vec![] };
        args.extend_from_slice(&["status", some[0], UNKNOWN_REFUND, some[1]]);
        served(&home, &serve.url, &args)
            .code(3)
            .one_error()
            .stderr_has(&[&format!("refund {UNKNOWN_REFUND} not found")]);
    }

    // Watching the ids themselves (no report), all refunded: exit 0.
    let mut args = vec!["status", "--watch", "--interval", "100ms"];
    args.extend_from_slice(&some);
    let watched = served(&home, &serve.url, &args);
    watched.success().stderr_has(&["All 3 refunds succeeded."]);
    assert_eq!(refund_rows(&watched), rows);

    // A hand-made CSV report: rows without a refund id are skipped, a repeated id is watched
    // once.
    let hand = home.path("hand.csv");
    std::fs::write(
        &hand,
        format!(
            "line,refund_id,status\n2,{},submitted\n3,,invalid\n4,{},submitted\n5,{},submitted\n",
            ids[3], ids[4], ids[3]
        ),
    )
    .expect("hand-made report");
    let hand_arg = hand.display().to_string();
    let watched = served(
        &home,
        &serve.url,
        &[
            "status",
            "--watch",
            "--batch-report",
            &hand_arg,
            "--interval",
            "100ms",
        ],
    );
    watched.success();
    let want = [
        (ids[3].clone(), "SUCCESS".to_string()),
        (ids[4].clone(), "SUCCESS".to_string()),
    ];
    assert_eq!(refund_rows(&watched), want, "{watched}");
    // The same report without --watch shows them once.
    let shown = served(&home, &serve.url, &["status", "--batch-report", &hand_arg]);
    shown.success();
    assert_eq!(refund_rows(&shown), want, "{shown}");
}

/// Submits one refund with the embedded sandbox at `speed`; returns its id (all of stdout).
fn submit(home: &Home, speed: &str, target: &[&str]) -> String {
    let mut args = vec!["refund"];
    args.extend_from_slice(target);
    args.extend_from_slice(&["--reason", "not-wanted", "--contact-phone", PHONE, "--yes"]);
    let run = embedded(home, speed, &args);
    run.success();
    let id = run.stdout.trim().to_string();
    assert!(
        id.starts_with("RF") && run.stdout.lines().count() == 1,
        "stdout should be the refund id alone:{run}"
    );
    id
}

#[test]
fn watching_several_refunds_exits_by_how_they_end() {
    let home = Home::new();
    // At speed 1 a refund waits 10 s for approval and ends 25 s after it was submitted.
    let canceled = submit(&home, "1", &["--order", "212611270000000101"]);
    embedded(&home, "1", &["refund", "cancel", &canceled])
        .success()
        .stdout_has(&[&format!("Refund {canceled} is CANCELED")]);
    let slow_a = submit(&home, "1", &["--resource-id", "i-demo0prort2"]);
    let slow_b = submit(&home, "1", &["--resource-id", "i-demo0amis09"]);
    // At speed 200 a refund ends after about an eighth of a second.
    let refunded = submit(
        &home,
        "200",
        &["--order", "212611240000000104", "--refund-to", "balance"],
    );
    let failed = submit(&home, "200", &["--resource-id", "i-demo0tech10"]);

    // Time runs out with two still open: exit 8, the table as it stands, how many are open.
    let timed_out = embedded(
        &home,
        "1",
        &[
            "status",
            "--watch",
            &slow_a,
            &slow_b,
            "--interval",
            "100ms",
            "--timeout",
            "1s",
        ],
    );
    timed_out
        .code(8)
        .stderr_has(&["2 of 2 refunds are still open after 1s"]);
    let rows = refund_rows(&timed_out);
    assert_eq!(
        rows.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(),
        [slow_a.as_str(), slow_b.as_str()],
        "{timed_out}"
    );
    assert!(
        rows.iter()
            .all(|(_, s)| s == "PENDING_APPROVAL" || s == "PROCESSING"),
        "{timed_out}"
    );

    // One open among finished ones: still a timeout, counting only the open one.
    let timed_out = embedded(
        &home,
        "1",
        &[
            "status",
            "--watch",
            &refunded,
            &slow_a,
            "--interval",
            "100ms",
            "--timeout",
            "1s",
        ],
    );
    timed_out
        .code(8)
        .stderr_has(&["1 of 2 refunds are still open after 1s"]);

    // Everything ends, one of them canceled: exit 7.
    let ended = embedded(
        &home,
        "200",
        &[
            "status",
            "--watch",
            &canceled,
            &refunded,
            "--interval",
            "50ms",
            "--timeout",
            "30s",
        ],
    );
    ended
        .code(7)
        .stderr_has(&["1 of 2 refunds ended without a refund"]);
    assert_eq!(
        refund_rows(&ended),
        [
            (canceled.clone(), "CANCELED".to_string()),
            (refunded.clone(), "SUCCESS".to_string())
        ],
        "{ended}"
    );

    // Everything ends, one of them failed: exit 7; in JSON too.
    let ended = embedded(
        &home,
        "200",
        &[
            "--json",
            "status",
            "--watch",
            &refunded,
            &failed,
            "--interval",
            "50ms",
            "--timeout",
            "30s",
        ],
    );
    ended.code(7);
    let (refunds, total) = json_listing(&ended, "refunds");
    assert_eq!(total, 2);
    let got: Vec<(&str, &str)> = refunds
        .iter()
        .map(|r| (str_field(r, "refundId"), str_field(r, "status")))
        .collect();
    assert_eq!(
        got,
        [(refunded.as_str(), "SUCCESS"), (failed.as_str(), "FAILED")]
    );
    assert_eq!(refunds[1]["failureCode"], "TECHNICAL_ERROR");

    // All refunded: exit 0.
    let done = embedded(
        &home,
        "200",
        &[
            "status",
            "--watch",
            &refunded,
            "--batch-report",
            &write_json_report(&home, &[&refunded]),
            "--interval",
            "50ms",
        ],
    );
    done.success().stderr_has(&["All 1 refunds succeeded."]);
    assert_eq!(
        refund_rows(&done),
        [(refunded.clone(), "SUCCESS".to_string())]
    );
}

/// A JSON report with one submitted row per id; returns its path.
fn write_json_report(home: &Home, ids: &[&str]) -> String {
    let rows: Vec<Value> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| serde_json::json!({"line": i + 2, "refundId": id, "status": "submitted"}))
        .collect();
    let path = home.path("one.json");
    std::fs::write(&path, serde_json::to_string(&rows).unwrap()).expect("report");
    path.display().to_string()
}

#[test]
fn watch_needs_ids_and_a_real_report_before_anything_is_sent() {
    let home = Home::new();
    let state = home.path("served.sqlite3");
    let mut serve = ServeProcess::start(&state, &["--speed", "200"]);
    let write = |name: &str, text: &str| -> String {
        let path = home.path(name);
        std::fs::write(&path, text).expect("file");
        path.display().to_string()
    };
    let cases: Vec<(String, &str)> = vec![
        (
            write("text.csv", "hello there\nthis is not a report\n"),
            "is not a batch report",
        ),
        (
            write(
                "no-column.csv",
                "line,order,status\n2,212611270000000101,submitted\n",
            ),
            "is not a batch report",
        ),
        (
            write("broken.json", "[{\"refundId\": \"RF2026010100001\"\n"),
            "is not a batch report",
        ),
        (
            write(
                "no-ids.csv",
                "line,order,refund_id,status\n2,1,,invalid\n3,2,  ,refused\n",
            ),
            "holds no refund ids",
        ),
        (
            write(
                "no-ids.json",
                "[{\"line\": 2, \"refundId\": null, \"status\": \"invalid\"}, {\"line\": 3}]",
            ),
            "holds no refund ids",
        ),
        (write("empty.json", "[]"), "holds no refund ids"),
    ];
    for (path, says) in &cases {
        for watch in [true, false] {
            let mut args = vec!["-v", "status", "--batch-report", path.as_str()];
            if watch {
                args.push("--watch");
            }
            let refused = served(&home, &serve.url, &args);
            refused
                .code(2)
                .one_error()
                .stderr_has(&[path.as_str(), says]);
            assert!(
                request_lines(&refused.stderr).is_empty(),
                "a request was sent:{refused}"
            );
        }
    }
    // Ids on the command line do not make a bad report acceptable.
    let refused = served(
        &home,
        &serve.url,
        &[
            "-v",
            "status",
            "--watch",
            "RF2026010100001",
            "--batch-report",
            &cases[0].0,
        ],
    );
    refused.code(2).one_error();
    assert!(request_lines(&refused.stderr).is_empty(), "{refused}");

    // --watch with nothing to watch names both ways to say what.
    let nothing = served(&home, &serve.url, &["-v", "status", "--watch"]);
    nothing
        .code(2)
        .one_error()
        .stderr_has(&["REFUND_ID", "--batch-report"]);
    assert!(request_lines(&nothing.stderr).is_empty(), "{nothing}");

    // The console heard nothing of any of it.
    let stats = parse_stats(&serve.stop());
    let requests = stats
        .iter()
        .find(|(name, _)| name == "requests")
        .map(|(_, n)| *n);
    assert_eq!(requests, Some(0), "{stats:?}");
}

/// The same refund id twice on the command line is one refund: it once timed out (exit 8)
/// because only the first copy was ever refreshed.
#[test]
fn watching_the_same_id_twice_ends_when_it_ends() {
    let home = Home::new();
    let id = submit(&home, "200", &["--order", "212611270000000101"]);
    let watched = embedded(
        &home,
        "200",
        &[
            "status",
            "--watch",
            &id,
            &id,
            "--interval",
            "50ms",
            "--timeout",
            "5s",
        ],
    );
    // The same id twice is one refund, watched once to its end.
    watched.success();
    assert_eq!(
        watched
            .stdout
            .matches(&format!("Refund {id}  SUCCESS"))
            .count(),
        1,
        "{watched}"
    );
}
