//! The sandbox console: a real HTTP server (hyper) implementing the whole of CONSOLE-API.md over
//! persistent SQLite state, so the tool runs offline and every test talks HTTP.
//!
//! `api` holds the console's rules, `store` the state, `faults` the injected failures; this
//! module only moves bytes between sockets and `api::Console`.

pub mod api;
pub mod faults;
pub mod store;

use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::thread::JoinHandle;

use anyhow::Context;
use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;

use api::{ApiError, Console, RawRequest, Reply};
pub use faults::{FaultStats, Faults};

/// Request bodies beyond this are refused (a 5 MiB document is ~6.7 MiB in base64).
const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct SandboxOptions {
    pub state: PathBuf,
    pub port: u16,
    pub speed: f64,
    pub faults: Faults,
    pub seed_orders: u32,
}

impl SandboxOptions {
    pub fn new(state: PathBuf) -> SandboxOptions {
        SandboxOptions {
            state,
            port: 0,
            speed: 1.0,
            faults: Faults::default(),
            seed_orders: 0,
        }
    }
}

/// A sandbox serving on a background thread until dropped.
pub struct RunningSandbox {
    pub addr: SocketAddr,
    pub stats: Arc<FaultStats>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl RunningSandbox {
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Opens the state, binds `127.0.0.1:port` and serves on a background thread. Returns once
    /// the port is listening, so a request sent right after cannot be refused.
    pub fn start(options: &SandboxOptions) -> anyhow::Result<RunningSandbox> {
        let mut conn = store::open(&options.state)?;
        if options.seed_orders > 0 {
            store::seed_extra_orders(&mut conn, options.seed_orders)
                .with_context(|| crate::t!("sandbox-cannot-seed"))?;
        }
        let console = Arc::new(Console::new(conn, options.speed));
        let listener = TcpListener::bind(("127.0.0.1", options.port))
            .with_context(|| crate::t!("sandbox-cannot-listen", port = options.port.to_string()))?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let faults = Arc::new(options.faults.clone());
        let stats = Arc::new(FaultStats::default());
        let served = stats.clone();
        let (tx, rx) = tokio::sync::oneshot::channel();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("sandbox")
            .enable_all()
            .build()
            .with_context(|| crate::t!("sandbox-cannot-start-runtime"))?;
        let thread = std::thread::Builder::new()
            .name("sandbox".into())
            .spawn(move || {
                runtime.block_on(async move {
                    if let Ok(listener) = tokio::net::TcpListener::from_std(listener) {
                        tokio::select! {
                            _ = accept_loop(listener, console, faults, served) => {}
                            _ = rx => {}
                        }
                    }
                });
                runtime.shutdown_background();
            })?;
        Ok(RunningSandbox {
            addr,
            stats,
            shutdown: Some(tx),
            thread: Some(thread),
        })
    }
}

impl Drop for RunningSandbox {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

async fn accept_loop(
    listener: tokio::net::TcpListener,
    console: Arc<Console>,
    faults: Arc<Faults>,
    stats: Arc<FaultStats>,
) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let console = console.clone();
        let faults = faults.clone();
        let stats = stats.clone();
        tokio::spawn(async move {
            let service =
                service_fn(move |req| handle(req, console.clone(), faults.clone(), stats.clone()));
            // A connection ending badly (a client gone, a dropped fault) is not our error.
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// Returned by the service to make hyper close the connection without an answer.
#[derive(Debug)]
struct DropConnection;

impl std::fmt::Display for DropConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped by fault injection")
    }
}

impl std::error::Error for DropConnection {}

async fn handle(
    req: Request<Incoming>,
    console: Arc<Console>,
    faults: Arc<Faults>,
    stats: Arc<FaultStats>,
) -> Result<Response<Full<Bytes>>, DropConnection> {
    FaultStats::add(&stats.requests);
    let (parts, body) = req.into_parts();
    let body = match Limited::new(body, MAX_BODY_BYTES).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(e) if e.is::<http_body_util::LengthLimitError>() => {
            return Ok(respond(Reply::error(ApiError::too_large(format!(
                "request bodies are limited to {} MiB",
                MAX_BODY_BYTES / 1024 / 1024
            )))));
        }
        Err(_) => return Err(DropConnection),
    };
    let raw = RawRequest {
        method: parts.method.as_str().to_string(),
        path: parts.uri.path().to_string(),
        query: parts.uri.query().unwrap_or("").to_string(),
        headers: parts
            .headers
            .iter()
            .filter_map(|(n, v)| {
                Some((
                    n.as_str().to_ascii_lowercase(),
                    v.to_str().ok()?.to_string(),
                ))
            })
            .collect(),
        body: body.to_vec(),
    };
    let is_login = raw.path.ends_with("sessionToken:login");
    if !is_login {
        if let faults::Before::Answer { code } = faults.before() {
            FaultStats::add(match code {
                429 => &stats.error_429,
                503 => &stats.error_503,
                _ => &stats.error_500,
            });
            tokio::time::sleep(faults.latency).await;
            let error = match code {
                429 => ApiError::exhausted("injected fault: too many requests", faults.retry_after),
                503 => ApiError::unavailable(
                    "injected fault: the console is unavailable",
                    faults.retry_after,
                ),
                _ => ApiError::internal("injected fault: internal error"),
            };
            return Ok(respond(Reply::error(error)));
        }
    }
    let reply = tokio::task::spawn_blocking(move || console.handle(&raw))
        .await
        .unwrap_or_else(|_| Reply::error(ApiError::internal("the sandbox failed on this request")));
    if reply.stored_refund {
        FaultStats::add(&stats.refunds_stored);
    }
    if reply.stored_refund && faults.drop_after_store() {
        FaultStats::add(&stats.dropped);
        return Err(DropConnection);
    }
    if !is_login && faults.stall() {
        FaultStats::add(&stats.stalled);
        tokio::time::sleep(faults.stall_for).await;
        return Err(DropConnection);
    }
    tokio::time::sleep(faults.latency).await;
    Ok(respond(reply))
}

fn respond(reply: Reply) -> Response<Full<Bytes>> {
    let mut builder = Response::builder()
        .status(reply.status)
        .header("content-type", "application/json")
        .header("x-jdcloud-request-id", reply.request_id.as_str());
    if let Some(seconds) = reply.retry_after {
        builder = builder.header("retry-after", seconds.to_string());
    }
    builder
        .body(Full::new(Bytes::from(reply.body)))
        .unwrap_or_else(|_| Response::new(Full::new(Bytes::new())))
}
