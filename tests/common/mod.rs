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
