//! The console client: one typed method per operation of CONSOLE-API.md, signed requests over
//! blocking HTTP (rustls), timeouts, and retries that never repeat a write that could act twice.
//!
//! It knows nothing about terminals, profiles or the sandbox: give it an endpoint, a region and
//! credentials and it works against any server that implements the page.

pub mod error;
pub mod money;
pub mod pages;
pub mod signing;
pub mod time;
pub mod types;

use std::io::Read;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rand::Rng;
use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::{Method, Url};
use serde::de::DeserializeOwned;
use serde::Serialize;

pub use error::{ConsoleError, NetFailure, Unreadable};
pub use money::{Fen, SignedFen};
use signing::{sign, Algorithm, SignInput};
pub use time::ConsoleTime;
use types::*;

/// At most this many attempts for a request that may be retried.
pub const MAX_ATTEMPTS: u32 = 3;
/// A console answer larger than this is refused rather than read into memory.
pub const MAX_RESPONSE_BYTES: u64 = 16 * 1024 * 1024;
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// A `Retry-After` longer than this is not waited for: the error says how long to wait.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(10);

/// Where requests go: one base URL for every path (the sandbox, `--endpoint`), or the real
/// cloud's `https://{service}.jdcloud-api.com` hosts.
#[derive(Debug, Clone)]
pub enum Endpoint {
    Base(Url),
    JdCloud,
}

impl Endpoint {
    fn url(&self, service: &str, path: &str) -> Result<Url, ConsoleError> {
        let base = match self {
            Endpoint::Base(url) => url.clone(),
            Endpoint::JdCloud => Url::parse(&format!("https://{service}.jdcloud-api.com"))
                .map_err(|e| invalid_url(service, e))?,
        };
        let base_path = base.path().trim_end_matches('/').to_string();
        let mut url = base;
        url.set_path(&format!("{base_path}{path}"));
        Ok(url)
    }

    pub fn describe(&self) -> String {
        match self {
            Endpoint::Base(url) => url.as_str().trim_end_matches('/').to_string(),
            Endpoint::JdCloud => "https://{service}.jdcloud-api.com".to_string(),
        }
    }
}

fn invalid_url(what: &str, e: impl std::fmt::Display) -> ConsoleError {
    ConsoleError::Unreachable {
        url: what.to_string(),
        attempts: 0,
        why: NetFailure::BadUrl,
        detail: format!("{}: {e}", NetFailure::BadUrl.head()),
    }
}

/// An AccessKey pair, with a session token when the pair is temporary (from login).
#[derive(Clone)]
pub struct Credentials {
    pub access_key: String,
    pub secret_key: String,
    pub session_token: Option<String>,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key", &self.access_key)
            .field("secret_key", &"<redacted>")
            .field(
                "session_token",
                &self.session_token.as_ref().map(|_| "<redacted>"),
            )
            .finish()
    }
}

/// One line of `-v`: what was sent and what came back. Holds no secret.
#[derive(Debug, Clone)]
pub struct RequestLog {
    pub method: String,
    pub path: String,
    pub attempt: u32,
    pub status: Option<u16>,
    pub elapsed: Duration,
    pub request_id: Option<String>,
    pub error: Option<String>,
}

pub type RequestObserver = Arc<dyn Fn(&RequestLog) + Send + Sync>;

#[derive(Clone)]
pub struct ClientConfig {
    pub endpoint: Endpoint,
    pub region: String,
    pub credentials: Option<Credentials>,
    pub connect_timeout: Duration,
    pub timeout: Duration,
    pub max_attempts: u32,
    /// The longest a single backoff sleep may be (tests shorten it).
    pub max_backoff: Duration,
    pub observer: Option<RequestObserver>,
}

impl ClientConfig {
    pub fn new(endpoint: Endpoint, region: impl Into<String>) -> ClientConfig {
        ClientConfig {
            endpoint,
            region: region.into(),
            credentials: None,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            timeout: DEFAULT_TIMEOUT,
            max_attempts: MAX_ATTEMPTS,
            max_backoff: Duration::from_secs(8),
            observer: None,
        }
    }
}

/// Whether a failed attempt may be sent again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Retry {
    /// Reads, and submissions carrying a `clientToken` (the console deduplicates them).
    Safe,
    /// Anything that could act twice.
    Never,
}

struct Call<'a> {
    method: Method,
    service: &'static str,
    path: String,
    query: &'a str,
    body: Option<Vec<u8>>,
    signed: bool,
    retry: Retry,
}

pub struct Client {
    http: reqwest::blocking::Client,
    config: ClientConfig,
    /// The request id of the last answer, to give support.
    last_request_id: std::sync::Mutex<Option<String>>,
}

/// rustls needs a process-wide crypto provider; ring builds fastest here.
pub fn install_crypto_provider() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // Err only means another provider was installed first, which is just as good.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

impl Client {
    pub fn new(config: ClientConfig) -> Result<Client, ConsoleError> {
        install_crypto_provider();
        let mut builder = reqwest::blocking::Client::builder()
            .connect_timeout(config.connect_timeout)
            .timeout(config.timeout)
            .user_agent(concat!("jdc-refund/", env!("CARGO_PKG_VERSION")));
        if matches!(&config.endpoint, Endpoint::Base(url) if url.scheme() == "http") {
            // Plain http (the sandbox, only ever on this machine) needs no TLS: skip loading
            // the system's root certificates, a few milliseconds of every command.
            builder = builder.tls_certs_only(Vec::<reqwest::Certificate>::new());
        }
        let http = builder.build().map_err(|e| ConsoleError::Unreachable {
            url: config.endpoint.describe(),
            attempts: 0,
            why: NetFailure::Setup,
            detail: crate::t!("console-net-setup-detail", cause = error_chain(&e).1),
        })?;
        Ok(Client {
            http,
            config,
            last_request_id: std::sync::Mutex::new(None),
        })
    }

    /// The console's request id for the last answer received.
    pub fn last_request_id(&self) -> Option<String> {
        self.last_request_id.lock().ok().and_then(|id| id.clone())
    }

    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    pub fn region(&self) -> &str {
        &self.config.region
    }

    fn region_path(&self, version: &str, rest: &str) -> String {
        format!("/{version}/regions/{}/{rest}", self.config.region)
    }

    // ---- operations ----

    pub fn login(&self, request: &LoginRequest) -> Result<LoginResult, ConsoleError> {
        self.execute(Call {
            method: Method::POST,
            service: "sts",
            path: "/v1/sessionToken:login".into(),
            query: "",
            body: Some(to_body(request)),
            signed: false,
            retry: Retry::Never,
        })
    }

    pub fn describe_account_amount(&self) -> Result<AccountAmount, ConsoleError> {
        self.execute(Call {
            method: Method::GET,
            service: "asset",
            path: self.region_path("v1", "assets:describeAccountAmount"),
            query: "",
            body: None,
            signed: true,
            retry: Retry::Safe,
        })
    }

    pub fn query_orders(&self, query: &QueryVo) -> Result<OrderPage, ConsoleError> {
        let body = QueryOrdersRequest {
            region_id: self.config.region.clone(),
            query_vo: query.clone(),
        };
        self.execute(Call {
            method: Method::POST,
            service: "order",
            path: self.region_path("v2", "orders"),
            query: "",
            body: Some(to_body(&body)),
            signed: true,
            retry: Retry::Safe,
        })
    }

    pub fn query_order(&self, order_number: &str) -> Result<OrderDetail, ConsoleError> {
        let path = self.region_path("v2", &format!("order/{}", path_segment(order_number)));
        let result: OrderDetailResult = self.execute(Call {
            method: Method::GET,
            service: "order",
            path,
            query: "includeDetail=true",
            body: None,
            signed: true,
            retry: Retry::Safe,
        })?;
        Ok(result.order)
    }

    pub fn refund_policy(&self) -> Result<RefundPolicy, ConsoleError> {
        self.execute(Call {
            method: Method::GET,
            service: "refund",
            path: self.region_path("v1", "refund:policy"),
            query: "",
            body: None,
            signed: true,
            retry: Retry::Safe,
        })
    }

    pub fn refund_quote(
        &self,
        resource_id: &str,
        refund_channel: Option<u8>,
        refund_area: Option<u8>,
    ) -> Result<Quote, ConsoleError> {
        let body = QuoteRequest {
            region_id: self.config.region.clone(),
            resource_id: resource_id.to_string(),
            refund_channel,
            refund_area,
        };
        self.execute(Call {
            method: Method::POST,
            service: "refund",
            path: self.region_path("v1", "refund:quote"),
            query: "",
            body: Some(to_body(&body)),
            signed: true,
            retry: Retry::Safe,
        })
    }

    pub fn upload_attachment(
        &self,
        file_name: &str,
        content_type: &str,
        content: &[u8],
        kind: &str,
    ) -> Result<Attachment, ConsoleError> {
        use base64::Engine;
        let body = UploadRequest {
            region_id: self.config.region.clone(),
            file_name: file_name.to_string(),
            content_type: content_type.to_string(),
            content_base64: base64::engine::general_purpose::STANDARD.encode(content),
            kind: kind.to_string(),
        };
        self.execute(Call {
            method: Method::POST,
            service: "refund",
            path: self.region_path("v1", "refund:uploadAttachment"),
            query: "",
            body: Some(to_body(&body)),
            signed: true,
            retry: Retry::Never,
        })
    }

    /// Submits a refund. Retried only when the body carries a `clientToken`, which the console
    /// uses to answer a repeat with the first result instead of a second refund.
    pub fn submit_refund(&self, body: &RefundBody) -> Result<SubmitResult, ConsoleError> {
        let request = SubmitRefundRequest {
            region_id: self.config.region.clone(),
            json_body: body.clone(),
        };
        let retry = if body.client_token.is_some() {
            Retry::Safe
        } else {
            Retry::Never
        };
        self.execute(Call {
            method: Method::POST,
            service: "refund",
            path: self.region_path("v1", "refund:resource"),
            query: "",
            body: Some(to_body(&request)),
            signed: true,
            retry,
        })
    }

    pub fn refund_status(&self, query: &StatusRequest) -> Result<RefundPage, ConsoleError> {
        let mut body = query.clone();
        body.region_id = self.config.region.clone();
        self.execute(Call {
            method: Method::POST,
            service: "refund",
            path: self.region_path("v1", "refund:status"),
            query: "",
            body: Some(to_body(&body)),
            signed: true,
            retry: Retry::Safe,
        })
    }

    /// One refund by id, or `NOT_FOUND`.
    pub fn refund(&self, refund_id: &str) -> Result<RefundApplication, ConsoleError> {
        let page = self.refund_status(&StatusRequest {
            refund_id: Some(refund_id.to_string()),
            ..StatusRequest::default()
        })?;
        page.data
            .into_iter()
            .find(|r| r.refund_id == refund_id)
            .ok_or_else(|| ConsoleError::Api {
                http: 404,
                status: "NOT_FOUND".into(),
                message: format!("refund {refund_id} not found"),
                request_id: None,
                retry_after: None,
            })
    }

    pub fn cancel_refund(&self, refund_id: &str) -> Result<RefundApplication, ConsoleError> {
        self.refund_action(refund_id, "cancel")
    }

    pub fn remind_refund(&self, refund_id: &str) -> Result<RemindResult, ConsoleError> {
        self.refund_action(refund_id, "urge")
    }

    fn refund_action<T: DeserializeOwned>(
        &self,
        refund_id: &str,
        action: &str,
    ) -> Result<T, ConsoleError> {
        let body = RegionBody {
            region_id: self.config.region.clone(),
        };
        self.execute(Call {
            method: Method::POST,
            service: "refund",
            path: self.region_path(
                "v1",
                &format!("refund/{}:{action}", path_segment(refund_id)),
            ),
            query: "",
            body: Some(to_body(&body)),
            signed: true,
            retry: Retry::Never,
        })
    }

    // ---- transport ----

    fn execute<T: DeserializeOwned>(&self, call: Call<'_>) -> Result<T, ConsoleError> {
        let mut url = self.config.endpoint.url(call.service, &call.path)?;
        if !call.query.is_empty() {
            url.set_query(Some(call.query));
        }
        let display_url = url.as_str().to_string();
        let max_attempts = match call.retry {
            Retry::Safe => self.config.max_attempts.max(1),
            Retry::Never => 1,
        };
        let mut attempt = 0;
        loop {
            attempt += 1;
            let started = Instant::now();
            let outcome = self.attempt(&call, &url);
            let (status, request_id, error) = match &outcome {
                Ok(answer) => (Some(answer.http), answer.request_id.clone(), None),
                Err(e) => (None, None, Some(e.to_string())),
            };
            if request_id.is_some() {
                if let Ok(mut last) = self.last_request_id.lock() {
                    last.clone_from(&request_id);
                }
            }
            if let Some(observer) = &self.config.observer {
                observer(&RequestLog {
                    method: call.method.to_string(),
                    path: call.path.clone(),
                    attempt,
                    status,
                    elapsed: started.elapsed(),
                    request_id,
                    error,
                });
            }
            let last = attempt >= max_attempts;
            match outcome {
                Err(e) => {
                    if last {
                        let (why, detail) = error_chain(&e);
                        return Err(ConsoleError::Unreachable {
                            url: display_url,
                            attempts: attempt,
                            why,
                            detail,
                        });
                    }
                    std::thread::sleep(self.backoff(attempt, None));
                }
                Ok(answer) => {
                    // A console asking for a long wait is told to the user, not slept through.
                    let patient = answer
                        .retry_after
                        .is_none_or(|wait| wait <= MAX_RETRY_AFTER);
                    let retryable = matches!(answer.http, 429 | 503) && patient;
                    if retryable && !last {
                        std::thread::sleep(self.backoff(attempt, answer.retry_after));
                        continue;
                    }
                    return answer.into_result();
                }
            }
        }
    }

    /// Exponential backoff with full jitter, or the console's `Retry-After` when longer.
    fn backoff(&self, attempt: u32, retry_after: Option<Duration>) -> Duration {
        let ceiling = Duration::from_millis(250 * 2u64.pow(attempt.min(10)));
        let ceiling = ceiling.min(self.config.max_backoff);
        let jittered = rand::rng().random_range(ceiling / 2..=ceiling);
        match retry_after {
            Some(wait) => wait.min(Duration::from_secs(60)).max(jittered),
            None => jittered,
        }
    }

    fn attempt(&self, call: &Call<'_>, url: &Url) -> Result<Answer, reqwest::Error> {
        let body = call.body.clone().unwrap_or_default();
        let mut headers = HeaderMap::new();
        headers.insert(
            reqwest::header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        if call.signed {
            if let Some(credentials) = &self.config.credentials {
                for (name, value) in self.sign(call, url, credentials, &body) {
                    if let (Ok(name), Ok(value)) = (
                        reqwest::header::HeaderName::from_bytes(name.as_bytes()),
                        HeaderValue::from_str(&value),
                    ) {
                        headers.insert(name, value);
                    }
                }
            }
        }
        let mut request = self.http.request(call.method.clone(), url.clone());
        request = request.headers(headers);
        if call.body.is_some() {
            request = request.body(body);
        }
        let response = request.send()?;
        let http = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let request_id = header("x-jdcloud-request-id");
        let retry_after = header("retry-after")
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        let mut bytes = Vec::new();
        let mut limited = response.take(MAX_RESPONSE_BYTES + 1);
        let read_error = match limited.read_to_end(&mut bytes) {
            Ok(_) => None,
            // A timeout or a dropped connection while reading the body is a transport
            // failure like any other: retried when safe, reported as unreachable.
            Err(e) => match e
                .into_inner()
                .map(|inner| inner.downcast::<reqwest::Error>())
            {
                Some(Ok(transport)) => return Err(*transport),
                Some(Err(other)) => Some(other.to_string()),
                None => Some(crate::t!("console-answer-ended-early")),
            },
        };
        let too_large = bytes.len() as u64 > MAX_RESPONSE_BYTES;
        Ok(Answer {
            http,
            request_id,
            retry_after,
            bytes,
            too_large,
            read_error,
        })
    }

    /// The headers that sign one attempt: a fresh date and nonce every time.
    fn sign(
        &self,
        call: &Call<'_>,
        url: &Url,
        credentials: &Credentials,
        body: &[u8],
    ) -> Vec<(String, String)> {
        let host = match url.port() {
            Some(port) => format!("{}:{port}", url.host_str().unwrap_or_default()),
            None => url.host_str().unwrap_or_default().to_string(),
        };
        let date = chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
        let nonce = uuid::Uuid::new_v4().to_string();
        let signed_headers = vec![
            ("content-type".to_string(), "application/json".to_string()),
            ("host".to_string(), host),
            ("x-jdcloud-date".to_string(), date.clone()),
            ("x-jdcloud-nonce".to_string(), nonce.clone()),
        ];
        let signed = sign(&SignInput {
            algorithm: Algorithm::V3,
            access_key: &credentials.access_key,
            secret_key: &credentials.secret_key,
            region: &self.config.region,
            service: call.service,
            method: call.method.as_str(),
            path: url.path(),
            query: url.query().unwrap_or(""),
            date: &date,
            headers: &signed_headers,
            body,
        });
        let mut out = vec![
            ("x-jdcloud-date".to_string(), date),
            ("x-jdcloud-nonce".to_string(), nonce),
            ("authorization".to_string(), signed.authorization),
        ];
        if let Some(token) = &credentials.session_token {
            use base64::Engine;
            out.push((
                "x-jdcloud-security-token".to_string(),
                base64::engine::general_purpose::STANDARD.encode(token),
            ));
        }
        out
    }
}

struct Answer {
    http: u16,
    request_id: Option<String>,
    retry_after: Option<Duration>,
    bytes: Vec<u8>,
    too_large: bool,
    read_error: Option<String>,
}

impl Answer {
    fn into_result<T: DeserializeOwned>(self) -> Result<T, ConsoleError> {
        let invalid = |why: Unreadable, detail: String| ConsoleError::InvalidResponse {
            http: self.http,
            request_id: self.request_id.clone(),
            why,
            detail,
        };
        if self.too_large {
            return Err(invalid(Unreadable::TooLarge, Unreadable::TooLarge.head()));
        }
        if let Some(e) = &self.read_error {
            let why = Unreadable::CutOff;
            return Err(invalid(why, format!("{}: {e}", why.head())));
        }
        decode(self.http, self.request_id, self.retry_after, &self.bytes)
    }
}

/// A console answer's body to its result or the console's error: the envelope, the error
/// status, then the result's type. Never panics, whatever the bytes (it is fuzzed).
pub fn decode<T: DeserializeOwned>(
    http: u16,
    header_request_id: Option<String>,
    retry_after: Option<Duration>,
    bytes: &[u8],
) -> Result<T, ConsoleError> {
    let envelope: Envelope<serde_json::Value> = match serde_json::from_slice(bytes) {
        Ok(envelope) => envelope,
        Err(e) => {
            let (why, detail) = describe_garbage(bytes, &e);
            return Err(ConsoleError::InvalidResponse {
                http,
                request_id: header_request_id,
                why,
                detail,
            });
        }
    };
    let request_id = envelope
        .request_id
        .or(header_request_id)
        .map(|r| printable(&r));
    if let Some(error) = envelope.error {
        let mut message = printable(&error.message);
        if let Some(wait) = retry_after.filter(|w| *w > MAX_RETRY_AFTER) {
            let wait = crate::t!("console-wait", seconds = wait.as_secs());
            message.push_str(&format!(" ({wait})"));
        }
        return Err(ConsoleError::Api {
            http: if error.code != 0 { error.code } else { http },
            status: printable(&error.status),
            message,
            request_id,
            retry_after,
        });
    }
    if !(200..300).contains(&http) {
        return Err(ConsoleError::InvalidResponse {
            http,
            request_id,
            why: Unreadable::NoEnvelope,
            detail: Unreadable::NoEnvelope.head(),
        });
    }
    let Some(result) = envelope.result else {
        return Err(ConsoleError::InvalidResponse {
            http,
            request_id,
            why: Unreadable::Neither,
            detail: Unreadable::Neither.head(),
        });
    };
    serde_json::from_value(result).map_err(|e| ConsoleError::InvalidResponse {
        http,
        request_id,
        why: Unreadable::UnexpectedResult,
        detail: format!("{}: {e}", Unreadable::UnexpectedResult.head()),
    })
}

/// What kind of failure, and the error with its causes, `a: b: c`, without repeating the URL
/// reqwest puts in each.
fn error_chain(e: &reqwest::Error) -> (NetFailure, String) {
    let kind = if e.is_timeout() {
        NetFailure::Timeout
    } else if e.is_connect() {
        NetFailure::Connect
    } else {
        NetFailure::Other
    };
    let mut parts = vec![kind.head()];
    let mut tls = false;
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        tls |= is_tls(s);
        let text = s.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = s.source();
    }
    let why = if tls { NetFailure::Tls } else { kind };
    (why, parts.join(": "))
}

/// Whether a cause is rustls refusing the handshake (an io::Error hides its inner error from
/// `source()`, so look inside it too).
fn is_tls(e: &(dyn std::error::Error + 'static)) -> bool {
    e.downcast_ref::<rustls::Error>().is_some()
        || e.downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
            .is_some_and(|inner| inner.downcast_ref::<rustls::Error>().is_some())
}

/// The console's words made safe for a terminal: control characters (newlines that would
/// forge another line, escape sequences) become spaces.
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn describe_garbage(bytes: &[u8], e: &serde_json::Error) -> (Unreadable, String) {
    let start = printable(&String::from_utf8_lossy(&bytes[..bytes.len().min(60)]));
    let start = start.split_whitespace().collect::<Vec<_>>().join(" ");
    if start.trim_start().starts_with('<') {
        let why = Unreadable::Markup;
        (why, format!("{} (`{start}`…)", why.head()))
    } else if bytes.is_empty() {
        (Unreadable::Empty, Unreadable::Empty.head())
    } else {
        let why = Unreadable::NotJson;
        (why, format!("{} ({e})", why.head()))
    }
}

fn to_body<T: Serialize>(value: &T) -> Vec<u8> {
    // Serializing these plain structs to a Vec cannot fail.
    serde_json::to_vec(value).unwrap_or_default()
}

/// Percent-encodes a user-given id so it stays one path segment.
fn path_segment(id: &str) -> String {
    percent_encoding::utf8_percent_encode(id, percent_encoding::NON_ALPHANUMERIC).to_string()
}
