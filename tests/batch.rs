//! `refund --batch FILE`, end to end: the binary against `jdc-refund sandbox serve` (its
//! `--seed-orders` load orders), with the sandbox's SQLite state read as the ground truth.
//!
//! - A batch refunds each row once, fills empty cells from the flags, reports per row (table,
//!   JSON, `--report` as CSV or JSON), and running it again sends nothing.
//! - Any invalid row stops the batch before the first submission, naming its line, unless
//!   `--skip-invalid`.
//! - Interrupted (Ctrl-C, SIGKILL) or under network faults, running the same command again
//!   finishes it: exactly one refund per row.

mod common;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{Home, Run, ServeProcess};
use rusqlite::{params, Connection};
use serde_json::Value;

const DEMO_KEY: &str = "AKSANDBOXDEMO0000001";
const DEMO_SECRET: &str = "sandbox-secret-key-do-not-use";
const PHONE: &str = "13800000000";

fn demo_env() -> [(&'static str, &'static str); 2] {
    [
        ("JDC_ACCESS_KEY", DEMO_KEY),
        ("JDC_SECRET_KEY", DEMO_SECRET),
    ]
}

/// The `n`th order `--seed-orders` adds (from 1): its order number, resource and quote.
fn load_order(n: usize) -> String {
    format!("3126{n:014}")
}

fn load_resource(n: usize) -> String {
    format!("i-load{n:08}")
}

fn load_quote(n: usize) -> String {
    let fen = 1_000 + (n % 9_000);
    format!("{}.{:02}", fen / 100, fen % 100)
}

/// `refund --endpoint URL --batch FILE` and `extra`.
fn batch_args(url: &str, file: &Path, extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = ["refund", "--endpoint", url, "--batch"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    args.push(file.display().to_string());
    args.extend(extra.iter().map(|s| s.to_string()));
    args
}

fn run(home: &Home, args: &[String]) -> Run {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    home.run_with(&args, &demo_env(), None)
}

/// A batch file: the header, then one line per row.
fn write_file(home: &Home, name: &str, header: &str, rows: &[String]) -> std::path::PathBuf {
    let path = home.path(name);
    let mut text = format!("{header}\n");
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    std::fs::write(&path, text).expect("batch file");
    path
}

/// Orders `from..=to`: odd ones by order number with their quote as the amount, even ones by
/// resource id without an amount.
fn load_rows(from: usize, to: usize) -> Vec<String> {
    (from..=to)
        .map(|n| {
            if n % 2 == 1 {
                format!("{},,{}", load_order(n), load_quote(n))
            } else {
                format!(",{},", load_resource(n))
            }
        })
        .collect()
}

const LOAD_HEADER: &str = "order,resource_id,amount";

#[derive(Debug, Clone)]
struct StoredRefund {
    refund_id: String,
    amount_fen: i64,
    client_token: Option<String>,
    reason: i64,
    channel: i64,
    contact: Option<String>,
}

/// The sandbox's own state: what was really refunded.
struct Ground {
    conn: Connection,
}

impl Ground {
    fn open(state: &Path) -> Ground {
        let conn = Connection::open(state).expect("the sandbox state opens");
        conn.busy_timeout(Duration::from_secs(30))
            .expect("busy timeout");
        Ground { conn }
    }

    /// Every refund, by resource.
    fn refunds(&self) -> BTreeMap<String, Vec<StoredRefund>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT resource_id, refund_id, amount_fen, client_token, reason, channel, contact
                 FROM refunds ORDER BY seq",
            )
            .expect("query");
        let mut by_resource: BTreeMap<String, Vec<StoredRefund>> = BTreeMap::new();
        let rows = stmt
            .query_map(params![], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    StoredRefund {
                        refund_id: r.get(1)?,
                        amount_fen: r.get(2)?,
                        client_token: r.get(3)?,
                        reason: r.get(4)?,
                        channel: r.get(5)?,
                        contact: r.get(6)?,
                    },
                ))
            })
            .expect("refunds");
        for row in rows {
            let (resource, refund) = row.expect("refund row");
            by_resource.entry(resource).or_default().push(refund);
        }
        by_resource
    }

    /// Asserts exactly one refund for each of orders `1..=n` (and none for any other), each for
    /// its quote; returns them by resource.
    fn one_refund_each(&self, n: usize, context: &str) -> BTreeMap<String, StoredRefund> {
        let all = self.refunds();
        let mut one = BTreeMap::new();
        for i in 1..=n {
            let resource = load_resource(i);
            let refunds = all.get(&resource).cloned().unwrap_or_default();
            assert_eq!(
                refunds.len(),
                1,
                "{resource} should have exactly one refund: {refunds:#?}{context}"
            );
            let fen = 1_000 + (i % 9_000) as i64;
            assert_eq!(refunds[0].amount_fen, fen, "{resource}{context}");
            one.insert(resource, refunds[0].clone());
        }
        assert_eq!(
            all.len(),
            n,
            "refunds for resources outside the batch: {:?}{context}",
            all.keys().collect::<Vec<_>>()
        );
        one
    }

    fn count(&self) -> usize {
        self.refunds().values().map(Vec::len).sum()
    }
}

/// The results table on stdout: (line, status, refund id) per row.
fn table(run: &Run) -> Vec<(u64, String, String)> {
    let mut lines = run.stdout.lines();
    let header = lines.next().unwrap_or_default();
    assert!(header.starts_with("LINE"), "no table on stdout:{run}");
    lines
        .map(|l| {
            let cells: Vec<&str> = l.split_whitespace().collect();
            (
                cells[0].parse().expect("line number"),
                cells[5].to_string(),
                cells[3].to_string(),
            )
        })
        .collect()
}

fn assert_journal_settled(home: &Home) {
    for f in home.journal_files() {
        assert!(f.entry.is_ok(), "{} unreadable", f.path.display());
        assert_ne!(
            f.outcome(),
            Some("pending"),
            "{} left pending",
            f.path.display()
        );
    }
}

#[test]
fn a_batch_refunds_each_row_once_and_reports_it() {
    let home = Home::new();
    let state = home.path("served.sqlite3");
    let serve = ServeProcess::start(&state, &["--seed-orders", "40"]);
    let file = write_file(&home, "twenty.csv", LOAD_HEADER, &load_rows(1, 20));
    let csv_report = home.path("report.csv");
    let flags = [
        "--reason",
        "not-wanted",
        "--contact-phone",
        PHONE,
        "--yes",
        "--report",
    ];
    let mut args = batch_args(&serve.url, &file, &flags);
    args.push(csv_report.display().to_string());
    let first = run(&home, &args);
    first.success();
    let rows = table(&first);
    assert_eq!(rows.len(), 20, "{first}");
    assert!(
        rows.iter().all(|(_, status, _)| status == "submitted"),
        "{first}"
    );
    let ground = Ground::open(&state);
    let stored = ground.one_refund_each(20, &first.to_string());

    // The CSV report: one row per line of the file, with the console's refund id.
    let mut reader = csv::Reader::from_path(&csv_report).expect("the CSV report");
    assert_eq!(
        reader.headers().expect("header").iter().collect::<Vec<_>>(),
        [
            "line",
            "order",
            "resource_id",
            "refund_id",
            "amount",
            "status",
            "idempotency_key",
            "error"
        ]
    );
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    assert_eq!(records.len(), 20);
    for (i, record) in records.iter().enumerate() {
        let n = i + 1;
        let resource = load_resource(n);
        assert_eq!(&record[0], (n + 1).to_string().as_str(), "{record:?}");
        assert_eq!(&record[1], load_order(n), "{record:?}");
        assert_eq!(&record[2], resource, "{record:?}");
        assert_eq!(&record[3], stored[&resource].refund_id, "{record:?}");
        assert_eq!(&record[4], load_quote(n), "{record:?}");
        assert_eq!(&record[5], "submitted", "{record:?}");
        assert_eq!(
            Some(&record[6]),
            stored[&resource].client_token.as_deref(),
            "{record:?}"
        );
        assert!(record[6].starts_with("batch-"), "{record:?}");
        assert_eq!(&record[7], "", "{record:?}");
    }
    assert_journal_settled(&home);

    // The same command again (JSON this time) sends nothing and reports the same refunds.
    let json_report = home.path("report.json");
    let mut args = batch_args(&serve.url, &file, &flags);
    args.push(json_report.display().to_string());
    args.push("--json".into());
    let again = run(&home, &args);
    again.success();
    let printed = again.json();
    let written: Value =
        serde_json::from_slice(&std::fs::read(&json_report).expect("the JSON report"))
            .expect("the report is JSON");
    assert_eq!(printed, written, "stdout and the report agree");
    let items = printed.as_array().expect("an array of rows");
    assert_eq!(items.len(), 20);
    for (i, item) in items.iter().enumerate() {
        let n = i + 1;
        let resource = load_resource(n);
        assert_eq!(item["line"], (n + 1) as u64, "{item}");
        assert_eq!(item["orderNumber"], load_order(n).as_str(), "{item}");
        assert_eq!(item["resourceId"], resource.as_str(), "{item}");
        assert_eq!(
            item["refundId"],
            stored[&resource].refund_id.as_str(),
            "{item}"
        );
        assert_eq!(item["amount"], load_quote(n).as_str(), "{item}");
        assert_eq!(item["status"], "already-submitted", "{item}");
        assert_eq!(item["error"], Value::Null, "{item}");
    }
    ground.one_refund_each(20, &again.to_string());
}

#[test]
fn flags_fill_empty_cells_and_cells_win() {
    let home = Home::new();
    let state = home.path("served.sqlite3");
    let serve = ServeProcess::start(&state, &["--seed-orders", "4"]);
    let text =
        "resource_id,reason,reason_text,refund_to,contact_name,contact_phone,contact_email\n\
                i-load00000001,,,,,,\n\
                i-load00000002,poor-service,,original,Li Lei,,li@example.com\n\
                i-load00000003,other,too slow,,,+86 139 0000 0000,\n\
                i-load00000004,,,,,,han@example.com\n";
    // From stdin, with defaults for the empty cells.
    let args = [
        "refund",
        "--endpoint",
        &serve.url,
        "--batch",
        "-",
        "--reason",
        "unmet-needs",
        "--contact-phone",
        PHONE,
        "--refund-to",
        "balance",
        "--yes",
    ];
    let done = home.run_with(&args, &demo_env(), Some(text));
    done.success();
    let stored = Ground::open(&state).one_refund_each(4, &done.to_string());
    let contact = |n: usize| -> Value {
        serde_json::from_str(
            stored[&load_resource(n)]
                .contact
                .as_deref()
                .unwrap_or("null"),
        )
        .expect("contact JSON")
    };
    let r = |n: usize| &stored[&load_resource(n)];
    // 1: every value from the flags.
    assert_eq!((r(1).reason, r(1).channel), (1, 2));
    assert_eq!(contact(1), serde_json::json!({"phone": PHONE}));
    // 2: the row's reason, channel, name and email; the flag's phone.
    assert_eq!((r(2).reason, r(2).channel), (3, 1));
    assert_eq!(
        contact(2),
        serde_json::json!({"name": "Li Lei", "phone": PHONE, "email": "li@example.com"})
    );
    // 3: the row's reason with its text, and its phone.
    assert_eq!((r(3).reason, r(3).channel), (4, 2));
    assert_eq!(
        contact(3),
        serde_json::json!({"phone": "+86 139 0000 0000"})
    );
    // 4: the row's email besides the flag's phone.
    assert_eq!(
        contact(4),
        serde_json::json!({"phone": PHONE, "email": "han@example.com"})
    );
}

#[test]
fn an_invalid_row_stops_the_batch_before_any_submission() {
    let home = Home::new();
    let state = home.path("served.sqlite3");
    let serve = ServeProcess::start(&state, &["--seed-orders", "10"]);
    let header = "order,resource_id,amount,contact_phone";
    // (the bad row, its exit code, what the error says); it goes on line 5, after 3 good rows.
    let cases: [(String, i32, &str); 6] = [
        (
            format!("{},,12.345,", load_order(4)),
            2,
            "amount: `12.345` has more than two decimals",
        ),
        (
            format!("{},,1.00,", load_order(4)),
            2,
            "differs from the console's quote",
        ),
        ("999999999,,,".to_string(), 3, "order 999999999 not found"),
        (
            ",i-demo0post05,,".to_string(),
            5,
            "resource i-demo0post05 is not refundable",
        ),
        (
            format!(",{},,call me", load_resource(4)),
            2,
            "contact_phone: `call me` is not a phone number",
        ),
        (
            format!(",{},,", load_resource(1)),
            2,
            "resource i-load00000001 is also on line 2",
        ),
    ];
    for (bad, code, says) in &cases {
        let mut rows = load_rows(1, 3);
        rows.push(bad.clone());
        rows.extend(load_rows(5, 7));
        let file = write_file(&home, "bad.csv", header, &rows);
        let args = batch_args(
            &serve.url,
            &file,
            &["--reason", "not-wanted", "--contact-phone", PHONE, "--yes"],
        );
        let stopped = run(&home, &args);
        stopped.code(*code).one_error().stderr_has(&[
            "error: line 5: ",
            says,
            "Nothing was submitted",
        ]);
        assert_eq!(
            Ground::open(&state).count(),
            0,
            "something was sent:{stopped}"
        );
        assert!(home.journal_files().is_empty(), "journaled:{stopped}");
    }
}

#[test]
fn skip_invalid_submits_the_other_rows() {
    let home = Home::new();
    let state = home.path("served.sqlite3");
    let serve = ServeProcess::start(&state, &["--seed-orders", "8"]);
    let mut rows = load_rows(1, 3);
    rows.push(",i-demo0expd06,".into()); // line 5: the term is over
    rows.extend(load_rows(4, 6));
    rows.push(format!("{},,abc", load_order(7))); // line 9: not an amount
    let file = write_file(&home, "some-bad.csv", LOAD_HEADER, &rows);
    let report = home.path("skipped.json");
    let mut args = batch_args(
        &serve.url,
        &file,
        &[
            "--reason",
            "not-wanted",
            "--contact-phone",
            PHONE,
            "--yes",
            "--skip-invalid",
            "--report",
        ],
    );
    args.push(report.display().to_string());
    let done = run(&home, &args);
    done.code(2).stderr_has(&[
        "warning: line 5: ",
        "warning: line 9: ",
        "2 invalid row(s) skipped",
    ]);
    Ground::open(&state).one_refund_each(6, &done.to_string());
    let results: Value =
        serde_json::from_slice(&std::fs::read(&report).expect("report")).expect("JSON");
    let status: Vec<(u64, &str)> = results
        .as_array()
        .expect("array")
        .iter()
        .map(|r| (r["line"].as_u64().unwrap(), r["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        status,
        [
            (2, "submitted"),
            (3, "submitted"),
            (4, "submitted"),
            (5, "invalid"),
            (6, "submitted"),
            (7, "submitted"),
            (8, "submitted"),
            (9, "invalid"),
        ],
        "{done}"
    );
    assert!(results[3]["error"]
        .as_str()
        .unwrap()
        .contains("not refundable"));
    assert!(results[7]["error"]
        .as_str()
        .unwrap()
        .starts_with("amount: `abc`"));
}

/// Starts the batch in the background.
fn spawn(home: &Home, args: &[String]) -> Child {
    home.command()
        .args(args)
        .envs(demo_env())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts")
}

/// Waits until the journal holds at least `n` entries (the batch is submitting), at most 20 s.
fn wait_for_journal(home: &Home, n: usize, child: &mut Child) {
    let started = Instant::now();
    while home.journal_files().len() < n {
        if let Some(status) = child.try_wait().expect("try_wait") {
            panic!("the batch ended ({status}) before {n} submissions were journaled");
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "fewer than {n} submissions journaled after 20 s"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Sends `signal` and returns the exit code and stderr.
fn stop(child: &mut Child, signal: &str) -> (Option<i32>, String) {
    let sent = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success(), "kill {signal} failed");
    let status = child.wait().expect("wait");
    let mut err = String::new();
    let _ = child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err);
    (status.code(), err)
}

#[test]
fn an_interrupted_batch_finishes_on_the_next_run_without_doubles() {
    const ROWS: usize = 30;
    let home = Home::new();
    let state = home.path("served.sqlite3");
    let serve = ServeProcess::start(&state, &["--seed-orders", "30", "--faults", "latency=50ms"]);
    let file = write_file(&home, "thirty.csv", LOAD_HEADER, &load_rows(1, ROWS));
    let report = home.path("report.json");
    let mut args = batch_args(
        &serve.url,
        &file,
        &[
            "--reason",
            "not-wanted",
            "--contact-phone",
            PHONE,
            "--yes",
            "--concurrency",
            "2",
            "--report",
        ],
    );
    args.push(report.display().to_string());

    // Ctrl-C after a few submissions: exit 130, saying how far it got and what to do.
    let mut child = spawn(&home, &args);
    wait_for_journal(&home, 4, &mut child);
    let (code, stderr) = stop(&mut child, "-INT");
    assert_eq!(code, Some(130), "{stderr}");
    assert!(
        stderr.contains("of the batch's 30 refunds are submitted")
            && stderr.contains("run the same command again"),
        "{stderr}"
    );
    let after_interrupt = home.journal_files().len();
    assert!(after_interrupt < ROWS, "the batch had finished already");

    // Then SIGKILL a few submissions later.
    let mut child = spawn(&home, &args);
    wait_for_journal(&home, after_interrupt + 4, &mut child);
    let (code, _) = stop(&mut child, "-KILL");
    assert_eq!(code, None, "killed by a signal");
    let after_kill = home.journal_files().len();
    assert!(after_kill < ROWS, "the batch had finished already");
    std::thread::sleep(Duration::from_millis(200)); // requests on the wire land

    // The same command finishes it: one refund per row, nothing twice.
    let done = run(&home, &args);
    done.success();
    let stored = Ground::open(&state).one_refund_each(ROWS, &done.to_string());
    let results: Value =
        serde_json::from_slice(&std::fs::read(&report).expect("report")).expect("JSON");
    let mut by_status: BTreeMap<String, usize> = BTreeMap::new();
    for (i, r) in results.as_array().expect("array").iter().enumerate() {
        let resource = load_resource(i + 1);
        assert_eq!(
            r["refundId"],
            stored[&resource].refund_id.as_str(),
            "{r}{done}"
        );
        *by_status
            .entry(r["status"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    let already = by_status.get("already-submitted").copied().unwrap_or(0);
    let submitted = by_status.get("submitted").copied().unwrap_or(0);
    assert_eq!(already + submitted, ROWS, "{by_status:?}{done}");
    assert!(
        already >= 4,
        "earlier runs' refunds not sent again: {by_status:?}{done}"
    );
    assert!(submitted >= ROWS - after_kill, "{by_status:?}{done}");
    assert_journal_settled(&home);
    assert_eq!(home.journal_files().len(), ROWS);
}

#[test]
fn a_batch_under_network_faults_refunds_each_row_once_after_at_most_one_rerun() {
    const ROWS: usize = 20;
    let home = Home::new();
    let state = home.path("served.sqlite3");
    let mut serve = ServeProcess::start(
        &state,
        &[
            "--seed-orders",
            "20",
            "--faults",
            "503=0.1,drop=0.2,retry-after=0",
        ],
    );
    let file = write_file(&home, "faults.csv", LOAD_HEADER, &load_rows(1, ROWS));
    let args = batch_args(
        &serve.url,
        &file,
        &["--reason", "not-wanted", "--contact-phone", PHONE, "--yes"],
    );
    let first = run(&home, &args);
    let last = if first.code == 0 {
        first
    } else {
        // An unknown outcome (6), or a quote that could not be had before anything was sent.
        assert_eq!(first.code, 6, "{first}");
        assert!(
            first.stderr.contains("run the same command again")
                || first.stderr.contains("Nothing was submitted"),
            "{first}"
        );
        run(&home, &args)
    };
    last.success();
    Ground::open(&state).one_refund_each(ROWS, &last.to_string());
    assert_journal_settled(&home);
    let stats = serve.stop();
    println!("BATCH UNDER FAULTS: {stats}");
}

#[test]
fn lost_answers_are_finished_by_running_the_same_command_again() {
    const ROWS: usize = 5;
    let home = Home::new();
    let state = home.path("served.sqlite3");
    let serve = ServeProcess::start(&state, &["--seed-orders", "5"]);
    // Every submission reaches the console, and every answer is lost.
    let proxy = common::FaultProxy::start(&serve.url);
    let file = write_file(&home, "lost.csv", LOAD_HEADER, &load_rows(1, ROWS));
    let args = batch_args(
        &proxy.url,
        &file,
        &["--reason", "not-wanted", "--contact-phone", PHONE, "--yes"],
    );
    let lost = run(&home, &args);
    lost.code(6).stderr_has(&[
        "warning: line 2: unknown: ",
        "5 refund(s) have an unknown outcome (lines 2, 3, 4, 5, 6); run the same command again",
    ]);
    assert!(
        table(&lost)
            .iter()
            .all(|(_, status, _)| status == "unknown"),
        "{lost}"
    );
    let stored = Ground::open(&state).one_refund_each(ROWS, &lost.to_string());
    assert!(home
        .journal_files()
        .iter()
        .all(|f| f.outcome() == Some("pending")));

    proxy.set_drop_submissions(false);
    let sent_before = proxy.submissions();
    let done = run(&home, &args);
    done.success();
    // Each pending row resent once, with its key, and answered with the first refund.
    assert_eq!(proxy.submissions() - sent_before, ROWS as u32, "{done}");
    for (line, status, refund_id) in table(&done) {
        let resource = load_resource(line as usize - 1);
        assert_eq!(status, "submitted", "{done}");
        assert_eq!(refund_id, stored[&resource].refund_id, "{done}");
    }
    Ground::open(&state).one_refund_each(ROWS, &done.to_string());
    assert_journal_settled(&home);
}

#[test]
fn flags_that_make_no_sense_for_a_batch_are_refused() {
    let home = Home::new();
    let file = write_file(
        &home,
        "one.csv",
        "order",
        &["212611270000000101".to_string()],
    );
    let file = file.display().to_string();
    let base = [
        "--sandbox",
        "refund",
        "--batch",
        &file,
        "--reason",
        "not-wanted",
        "--contact-phone",
        PHONE,
    ];
    let cases: [(&[&str], &str); 8] = [
        (&["--yes", "--concurrency", "0"], "0 is not in 1..=32"),
        (&["--yes", "--concurrency", "33"], "33 is not in 1..=32"),
        (
            &["--yes", "--amount", "102.35"],
            "--amount cannot be a default for a batch",
        ),
        (
            &["--yes", "--order", "212611270000000101"],
            "--order and --resource-id name one refund",
        ),
        (
            &["--yes", "--idempotency-key", "k1"],
            "use the file's `idempotency_key` column",
        ),
        (
            &["--yes", "--report", "out.txt"],
            "name a .csv or a .json file",
        ),
        (
            &[],
            "--yes is required to submit a batch without a terminal",
        ),
        (
            &["--yes", "--skip-invalid", "--report", "/no/such/dir/r.csv"],
            "does not exist",
        ),
    ];
    for (extra, says) in cases {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        home.run(&args).code(2).stderr_has(&[says]);
    }
    // The batch flags need --batch.
    home.run(&[
        "--sandbox",
        "refund",
        "--order",
        "212611270000000101",
        "--concurrency",
        "2",
    ])
    .code(2)
    .stderr_has(&["--batch"]);
    // A bad header names line 1; a missing file its path.
    let bad = write_file(
        &home,
        "bad-header.csv",
        "order,colour",
        &["1,red".to_string()],
    );
    let bad = bad.display().to_string();
    home.run(&["--sandbox", "refund", "--batch", &bad, "--yes"])
        .code(2)
        .one_error()
        .stderr_has(&["line 1: unknown column `colour`"]);
    home.run(&["--sandbox", "refund", "--batch", "missing.csv", "--yes"])
        .code(2)
        .one_error()
        .stderr_has(&["--batch missing.csv: no such file"]);
    assert!(home.journal_files().is_empty());
}
