//! Shared test kit: a sandbox on `127.0.0.1:0` with its own state, clients for it, and raw
//! signed requests for the cases a well-behaved client never produces.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use jdc_refund::console::signing::{self, Algorithm, SignInput};
use jdc_refund::console::{Client, ClientConfig, Credentials, Endpoint};
use jdc_refund::sandbox::store::{DEMO_ACCESS_KEY, DEMO_SECRET_KEY};
use jdc_refund::sandbox::{Faults, RunningSandbox, SandboxOptions};
use serde_json::Value;

pub struct Sandbox {
    pub dir: tempfile::TempDir,
    pub running: Option<RunningSandbox>,
    pub options: SandboxOptions,
}

impl Sandbox {
    pub fn start() -> Sandbox {
        Sandbox::with(|_| {})
    }

    pub fn with(configure: impl FnOnce(&mut SandboxOptions)) -> Sandbox {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut options = SandboxOptions::new(dir.path().join("state.sqlite3"));
        configure(&mut options);
        let running = RunningSandbox::start(&options).expect("sandbox starts");
        Sandbox {
            dir,
            running: Some(running),
            options,
        }
    }

    pub fn url(&self) -> String {
        self.running.as_ref().expect("running").url()
    }

    pub fn state(&self) -> &Path {
        &self.options.state
    }

    /// Stops and starts again over the same state.
    pub fn restart(&mut self) {
        self.running = None;
        self.running = Some(RunningSandbox::start(&self.options).expect("sandbox restarts"));
    }

    pub fn client(&self) -> Client {
        self.client_as(Some(demo_credentials()))
    }

    pub fn client_as(&self, credentials: Option<Credentials>) -> Client {
        client_for(&self.url(), credentials)
    }
}

pub fn demo_credentials() -> Credentials {
    Credentials {
        access_key: DEMO_ACCESS_KEY.into(),
        secret_key: DEMO_SECRET_KEY.into(),
        session_token: None,
    }
}

pub fn client_for(url: &str, credentials: Option<Credentials>) -> Client {
    let mut config = ClientConfig::new(
        Endpoint::Base(reqwest::Url::parse(url).expect("url")),
        "cn-north-1",
    );
    config.credentials = credentials;
    config.max_backoff = Duration::from_millis(50);
    config.timeout = Duration::from_secs(10);
    Client::new(config).expect("client")
}

pub fn fast() -> impl FnOnce(&mut SandboxOptions) {
    |o: &mut SandboxOptions| o.speed = 1000.0
}

pub fn faults(spec: &str) -> Faults {
    Faults::parse(spec).expect("fault spec")
}

/// Options for a hand-signed request.
pub struct Raw<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub query: &'a str,
    pub body: &'a str,
    pub service: &'a str,
    pub region: &'a str,
    pub access_key: &'a str,
    pub secret_key: &'a str,
    pub algorithm: Algorithm,
    pub date: chrono::DateTime<chrono::Utc>,
    pub nonce: String,
    /// Which headers to sign, besides what is always sent.
    pub signed: &'a [&'a str],
    /// Sign the path with `:` left as it is (as some signers do).
    pub keep_colon_in_signature: bool,
    /// Change the body after signing.
    pub tamper: bool,
}

impl<'a> Raw<'a> {
    pub fn get(path: &'a str, service: &'a str) -> Raw<'a> {
        Raw {
            method: "GET",
            path,
            query: "",
            body: "",
            service,
            region: "cn-north-1",
            access_key: DEMO_ACCESS_KEY,
            secret_key: DEMO_SECRET_KEY,
            algorithm: Algorithm::V3,
            date: chrono::Utc::now(),
            nonce: uuid::Uuid::new_v4().to_string(),
            signed: &["content-type", "host", "x-jdcloud-date", "x-jdcloud-nonce"],
            keep_colon_in_signature: false,
            tamper: false,
        }
    }

    pub fn post(path: &'a str, service: &'a str, body: &'a str) -> Raw<'a> {
        Raw {
            method: "POST",
            body,
            ..Raw::get(path, service)
        }
    }

    /// Sends it; returns the HTTP status and the JSON body.
    pub fn send(&self, base: &str) -> (u16, Value) {
        let url = reqwest::Url::parse(&format!("{base}{}", self.path)).expect("url");
        let host = format!(
            "{}:{}",
            url.host_str().unwrap(),
            url.port_or_known_default().unwrap()
        );
        let date = self.date.format("%Y%m%dT%H%M%SZ").to_string();
        let all = [
            ("content-type", "application/json".to_string()),
            ("host", host),
            ("x-jdcloud-date", date.clone()),
            ("x-jdcloud-nonce", self.nonce.clone()),
        ];
        let headers: Vec<(String, String)> = all
            .iter()
            .filter(|(n, _)| self.signed.contains(n))
            .map(|(n, v)| (n.to_string(), v.clone()))
            .collect();
        let signed = signing::sign(&SignInput {
            algorithm: self.algorithm,
            access_key: self.access_key,
            secret_key: self.secret_key,
            region: self.region,
            service: self.service,
            method: self.method,
            path: self.path,
            query: self.query,
            date: &date,
            headers: &headers,
            body: self.body.as_bytes(),
        });
        let mut authorization = signed.authorization;
        if self.keep_colon_in_signature {
            // Recompute over the literal-colon canonical URI.
            let canonical = signing::canonical_request(
                self.method,
                &signing::canonical_uri(self.path, true),
                &signing::canonical_query(self.query),
                &headers,
                self.body.as_bytes(),
            );
            let scope = signing::scope(self.algorithm, &date, self.region, self.service);
            let sts = signing::string_to_sign(self.algorithm, &date, &scope, &canonical);
            let key = signing::signing_key(
                self.algorithm,
                self.secret_key,
                &date[..8],
                self.region,
                self.service,
            );
            let sig = signing::signature(&key, &sts);
            authorization = format!(
                "{} Credential={}/{scope}, SignedHeaders={}, Signature={sig}",
                self.algorithm.name(),
                self.access_key,
                headers
                    .iter()
                    .map(|(n, _)| n.as_str())
                    .collect::<Vec<_>>()
                    .join(";")
            );
        }
        let mut full = url.clone();
        if !self.query.is_empty() {
            full.set_query(Some(self.query));
        }
        let body = if self.tamper {
            let mut b = self.body.as_bytes().to_vec();
            if let Some(last) = b.iter().rposition(|c| c.is_ascii_digit()) {
                b[last] = if b[last] == b'9' { b'8' } else { b[last] + 1 };
            } else {
                b.push(b' ');
            }
            b
        } else {
            self.body.as_bytes().to_vec()
        };
        jdc_refund::console::install_crypto_provider();
        let client = reqwest::blocking::Client::new();
        let response = client
            .request(self.method.parse().unwrap(), full)
            .header("content-type", "application/json")
            .header("x-jdcloud-date", &date)
            .header("x-jdcloud-nonce", &self.nonce)
            .header("authorization", authorization)
            .body(body)
            .send()
            .expect("request sent");
        let status = response.status().as_u16();
        let json: Value = response.json().unwrap_or(Value::Null);
        (status, json)
    }
}

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_jdc-refund"))
}

/// A `jdc-refund sandbox serve` process, killed when dropped. Its stderr goes to a file beside
/// the state, shown when the server misbehaves.
pub struct ServeProcess {
    pub child: Child,
    pub url: String,
    pub stderr_path: PathBuf,
}

impl ServeProcess {
    pub fn start(state: &Path, extra: &[&str]) -> ServeProcess {
        let stderr_path = state.with_extension(format!("{}.stderr", std::process::id()));
        let stderr = std::fs::File::create(&stderr_path).expect("stderr file");
        let mut child = Command::new(bin())
            .args(["sandbox", "serve", "--port", "0", "--state"])
            .arg(state)
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::from(stderr))
            .spawn()
            .expect("sandbox serve starts");
        let stdout = child.stdout.take().expect("stdout");
        let mut serve = ServeProcess {
            child,
            url: String::new(),
            stderr_path,
        };
        // Read the first line on a thread, so a hung server cannot hang the test, then keep
        // draining stdout so the server never blocks on a full pipe.
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut first = String::new();
            let _ = tx.send(reader.read_line(&mut first).map(|_| first));
            let _ = std::io::copy(&mut reader, &mut std::io::sink());
        });
        let line = match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(Ok(line)) => line,
            other => panic!(
                "sandbox serve printed no first line ({other:?}){}",
                serve.stderr_tail()
            ),
        };
        serve.url = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}{}", serve.stderr_tail()))
            .to_string();
        serve
    }

    pub fn stderr_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.stderr_path).unwrap_or_default();
        let start = text.len().saturating_sub(3000);
        let start = (start..text.len())
            .find(|i| text.is_char_boundary(*i))
            .unwrap_or(0);
        format!("\n--- sandbox stderr (tail) ---\n{}", &text[start..])
    }
}

impl Drop for ServeProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

// ---- The binary as a user runs it (tests/commands.rs) ----

/// One user's machine for the binary: its own sandbox state, config (profiles, credentials)
/// and journal in a temporary directory, refunds that end in about a tenth of a second, no
/// colour, and nothing from the caller's environment that could point it elsewhere.
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Default for Home {
    fn default() -> Home {
        Home::new()
    }
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The embedded (`--sandbox`) console's state.
    pub fn sandbox_state(&self) -> PathBuf {
        self.path("state.sqlite3")
    }

    pub fn config_dir(&self) -> PathBuf {
        self.path("config")
    }

    pub fn credentials_path(&self) -> PathBuf {
        self.config_dir().join("credentials.toml")
    }

    pub fn state_dir(&self) -> PathBuf {
        self.path("state")
    }

    pub fn journal_dir(&self) -> PathBuf {
        self.state_dir().join("journal")
    }

    /// The binary with this home's environment.
    pub fn command(&self) -> Command {
        let mut cmd = Command::new(bin());
        for var in [
            "JDC_ACCESS_KEY",
            "JDC_SECRET_KEY",
            "JDC_SESSION_TOKEN",
            "JDC_ENDPOINT",
            "JDC_SANDBOX",
            "JDC_REGION",
            "JDC_PROFILE",
            "JDC_NO_PROMPT",
            "CLICOLOR_FORCE",
            "XDG_CONFIG_HOME",
            "XDG_DATA_HOME",
            "JDC_LANG",
            "LC_ALL",
            "LC_MESSAGES",
        ] {
            cmd.env_remove(var);
        }
        cmd.env("JDC_SANDBOX_STATE", self.sandbox_state())
            .env("JDC_REFUND_CONFIG_DIR", self.config_dir())
            .env("JDC_REFUND_STATE_DIR", self.state_dir())
            .env("JDC_SANDBOX_SPEED", "200")
            .env("HOME", self.dir.path())
            .env("LANG", "C.UTF-8")
            .env("NO_COLOR", "1");
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[], None)
    }

    /// Runs with extra environment variables and, when given, `stdin` piped in (else stdin
    /// is empty). Gives up (and fails the test) after 60 seconds.
    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)], stdin: Option<&str>) -> Run {
        let mut cmd = self.command();
        cmd.args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        run_command(
            cmd,
            args.iter().map(|a| a.to_string()).collect(),
            stdin.unwrap_or(""),
        )
    }
}

/// Spawns `cmd`, feeds it `stdin`, collects both streams, and waits at most 60 seconds.
pub fn run_command(mut cmd: Command, args: Vec<String>, stdin: &str) -> Run {
    use std::io::{Read, Write};
    let started = std::time::Instant::now();
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut input = child.stdin.take().expect("stdin");
    let stdin = stdin.as_bytes().to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err.read_to_end(&mut buf);
        buf
    });
    let status = loop {
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
    let _ = feeder.join();
    let stdout = String::from_utf8_lossy(&out_reader.join().unwrap_or_default()).to_string();
    let stderr = String::from_utf8_lossy(&err_reader.join().unwrap_or_default()).to_string();
    Run {
        args,
        code: status.code().unwrap_or(-1),
        stdout,
        stderr,
        elapsed: started.elapsed(),
    }
}

/// What one run of the binary did. Displays as a transcript, for assertion messages.
pub struct Run {
    pub args: Vec<String>,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "\n$ jdc-refund {}", self.args.join(" "))?;
        writeln!(f, "--- stdout ---\n{}", self.stdout)?;
        writeln!(f, "--- stderr ---\n{}", self.stderr)?;
        write!(f, "--- exit {} after {:?} ---", self.code, self.elapsed)
    }
}

impl Run {
    /// Asserts the exit code.
    pub fn code(&self, expected: i32) -> &Run {
        assert_eq!(self.code, expected, "wrong exit code:{self}");
        assert!(!self.stderr.contains("panicked"), "it panicked:{self}");
        self
    }

    pub fn success(&self) -> &Run {
        self.code(0)
    }

    /// Asserts stderr contains each needle.
    pub fn stderr_has(&self, needles: &[&str]) -> &Run {
        for needle in needles {
            assert!(
                self.stderr.contains(needle),
                "stderr lacks {needle:?}:{self}"
            );
        }
        self
    }

    pub fn stdout_has(&self, needles: &[&str]) -> &Run {
        for needle in needles {
            assert!(
                self.stdout.contains(needle),
                "stdout lacks {needle:?}:{self}"
            );
        }
        self
    }

    /// An error is one `error: ...` line on stderr, and nothing on stdout.
    pub fn one_error(&self) -> &Run {
        assert!(self.stdout.is_empty(), "stdout should be empty:{self}");
        assert!(
            self.stderr.trim_start().starts_with("error:"),
            "stderr should start with `error:`:{self}"
        );
        self
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):{self}"))
    }
}

/// A man in the middle between the binary and a console: forwards every request, but while
/// `drop_submissions` is set, a refund submission (`refund:resource`) is forwarded, its answer
/// read, and then the connection is closed without answering, so the client can never learn
/// the outcome. The upstream can be changed (a console restarted on another port) while the
/// proxy's own URL, which the client knows, stays the same.
pub struct FaultProxy {
    pub url: String,
    upstream: std::sync::Arc<std::sync::Mutex<String>>,
    drop_submissions: std::sync::Arc<std::sync::atomic::AtomicBool>,
    submissions: std::sync::Arc<std::sync::atomic::AtomicU32>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    addr: std::net::SocketAddr,
}

impl FaultProxy {
    /// `upstream`: `http://127.0.0.1:PORT`.
    pub fn start(upstream: &str) -> FaultProxy {
        use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
        use std::sync::{Arc, Mutex};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("proxy binds");
        let addr = listener.local_addr().expect("proxy address");
        let proxy = FaultProxy {
            url: format!("http://{addr}"),
            upstream: Arc::new(Mutex::new(upstream.to_string())),
            drop_submissions: Arc::new(AtomicBool::new(true)),
            submissions: Arc::new(AtomicU32::new(0)),
            stop: Arc::new(AtomicBool::new(false)),
            addr,
        };
        let upstream = proxy.upstream.clone();
        let drop_submissions = proxy.drop_submissions.clone();
        let submissions = proxy.submissions.clone();
        let stop = proxy.stop.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let upstream = upstream.clone();
                let drop_submissions = drop_submissions.clone();
                let submissions = submissions.clone();
                std::thread::spawn(move || {
                    let _ = proxy_connection(stream, &upstream, &drop_submissions, &submissions);
                });
            }
        });
        proxy
    }

    pub fn set_upstream(&self, url: &str) {
        *self.upstream.lock().expect("upstream") = url.to_string();
    }

    pub fn set_drop_submissions(&self, on: bool) {
        self.drop_submissions
            .store(on, std::sync::atomic::Ordering::SeqCst);
    }

    /// How many refund submissions reached the upstream console.
    pub fn submissions(&self) -> u32 {
        self.submissions.load(std::sync::atomic::Ordering::SeqCst)
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        // Wake the accept loop so it sees `stop`.
        let _ = std::net::TcpStream::connect(self.addr);
    }
}

/// One HTTP/1.1 message: the head (up to and including the blank line) and the body, framed
/// by `content-length`.
fn read_message(reader: &mut impl BufRead) -> std::io::Result<Option<Vec<u8>>> {
    let mut message = Vec::new();
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap_or(0);
            }
        }
        message.extend_from_slice(line.as_bytes());
        if line == "\r\n" || line == "\n" {
            break;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    message.extend_from_slice(&body);
    Ok(Some(message))
}

fn proxy_connection(
    client: std::net::TcpStream,
    upstream: &std::sync::Mutex<String>,
    drop_submissions: &std::sync::atomic::AtomicBool,
    submissions: &std::sync::atomic::AtomicU32,
) -> std::io::Result<()> {
    use std::io::Write;
    use std::sync::atomic::Ordering;
    let mut writer = client.try_clone()?;
    let mut reader = BufReader::new(client);
    while let Some(request) = read_message(&mut reader)? {
        let request_line = String::from_utf8_lossy(&request[..request.len().min(200)])
            .lines()
            .next()
            .unwrap_or_default()
            .to_string();
        let is_submission =
            request_line.contains("refund:resource") || request_line.contains("refund%3Aresource");
        let target = upstream.lock().expect("upstream").clone();
        let host = target.trim_start_matches("http://").trim_end_matches('/');
        let mut up = std::net::TcpStream::connect(host)?;
        up.write_all(&request)?;
        let response = read_message(&mut BufReader::new(up))?.unwrap_or_default();
        if is_submission {
            submissions.fetch_add(1, Ordering::SeqCst);
            if drop_submissions.load(Ordering::SeqCst) {
                // Stored upstream; the client never hears about it.
                let _ = writer.shutdown(std::net::Shutdown::Both);
                return Ok(());
            }
        }
        writer.write_all(&response)?;
        writer.flush()?;
    }
    Ok(())
}

// ---- Fault, crash and race tests (tests/faults.rs) ----

impl ServeProcess {
    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.url
            .rsplit(':')
            .next()
            .and_then(|p| p.trim_end_matches('/').parse().ok())
            .unwrap_or_else(|| panic!("no port in {}", self.url))
    }

    /// Stops it as Ctrl-C would (SIGTERM), waits for it (at most 30 s) and returns the
    /// `sandbox stopped: requests=… refunds-stored=… 500=… …` line it printed on stderr.
    pub fn stop(&mut self) -> String {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("kill runs");
        assert!(sent.success(), "kill -TERM {pid} failed");
        let started = std::time::Instant::now();
        while self.child.try_wait().expect("wait").is_none() {
            if started.elapsed() > Duration::from_secs(30) {
                panic!(
                    "sandbox serve did not stop within 30 s of SIGTERM{}",
                    self.stderr_tail()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let text = std::fs::read_to_string(&self.stderr_path).unwrap_or_default();
        text.lines()
            .find_map(|l| l.strip_prefix("sandbox stopped: "))
            .map(str::to_string)
            .unwrap_or_else(|| panic!("no `sandbox stopped:` line{}", self.stderr_tail()))
    }
}

/// `requests=12 refunds-stored=5 …` as (name, count) pairs, in order.
pub fn parse_stats(line: &str) -> Vec<(String, u64)> {
    line.split_whitespace()
        .filter_map(|pair| {
            let (name, value) = pair.split_once('=')?;
            Some((name.to_string(), value.parse().ok()?))
        })
        .collect()
}

/// One file of the submission journal: its path and its JSON, or why it could not be read.
pub struct JournalFile {
    pub path: PathBuf,
    pub entry: Result<Value, String>,
}

impl JournalFile {
    /// `pending`, `submitted` or `refused`; `None` when unreadable.
    pub fn outcome(&self) -> Option<&str> {
        self.entry.as_ref().ok()?["outcome"].as_str()
    }

    pub fn client_token(&self) -> Option<&str> {
        self.entry.as_ref().ok()?["clientToken"].as_str()
    }

    pub fn refund_id(&self) -> Option<&str> {
        self.entry.as_ref().ok()?["refundId"].as_str()
    }
}

impl Home {
    /// Every `*.json` file of the journal, read as the tool would.
    pub fn journal_files(&self) -> Vec<JournalFile> {
        let Ok(read) = std::fs::read_dir(self.journal_dir()) else {
            return Vec::new();
        };
        let mut files: Vec<JournalFile> = read
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("json"))
            .map(|path| {
                let entry = std::fs::read(&path)
                    .map_err(|e| e.to_string())
                    .and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()));
                JournalFile { path, entry }
            })
            .collect();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }

    /// The journal entry of one idempotency key, if there is a file for it.
    pub fn journal_entry(&self, key: &str) -> Option<JournalFile> {
        let path = self.journal_dir().join(format!("{key}.json"));
        path.exists().then(|| {
            let entry = std::fs::read(&path)
                .map_err(|e| e.to_string())
                .and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()));
            JournalFile { path, entry }
        })
    }

    /// Files in the journal directory that are not entries (temporary files a killed write
    /// left behind).
    pub fn journal_leftovers(&self) -> Vec<PathBuf> {
        let Ok(read) = std::fs::read_dir(self.journal_dir()) else {
            return Vec::new();
        };
        read.flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().and_then(|e| e.to_str()) != Some("json"))
            .collect()
    }
}
