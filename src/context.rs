//! What every command is handed: the printer and a way to get a console client built from the
//! global options (starting the embedded sandbox when `--sandbox` asks for it).

use std::sync::Arc;

use reqwest::Url;

use crate::cli::GlobalArgs;
use crate::console::types::DEFAULT_REGION;
use crate::console::{Client, ClientConfig, Credentials, Endpoint, RequestLog};
use crate::error::{CliError, CliResult, Exit};
use crate::printer::Printer;
use crate::sandbox::{self, RunningSandbox, SandboxOptions};

pub struct Context {
    pub printer: Arc<Printer>,
    pub global: GlobalArgs,
    sandbox: Option<RunningSandbox>,
}

impl Context {
    pub fn new(global: GlobalArgs) -> Context {
        let printer = Arc::new(Printer::new(global.output(), global.color, global.verbose));
        Context {
            printer,
            global,
            sandbox: None,
        }
    }

    pub fn region(&self) -> String {
        self.global
            .region
            .clone()
            .unwrap_or_else(|| DEFAULT_REGION.to_string())
    }

    /// A client for the console the options name. With `--sandbox`, the sandbox is started
    /// in-process on `127.0.0.1:0` over its persistent state and reached over real HTTP.
    pub fn client(&mut self) -> CliResult<Client> {
        let (endpoint, credentials) = if self.global.sandbox {
            let url = self.start_sandbox()?;
            (
                Endpoint::Base(url),
                Some(Credentials {
                    access_key: sandbox::store::DEMO_ACCESS_KEY.into(),
                    secret_key: sandbox::store::DEMO_SECRET_KEY.into(),
                    session_token: None,
                }),
            )
        } else {
            let endpoint = match &self.global.endpoint {
                Some(text) => Endpoint::Base(parse_endpoint(text)?),
                None => Endpoint::JdCloud,
            };
            (endpoint, credentials_from_env()?)
        };
        let Some(credentials) = credentials else {
            return Err(CliError::new(
                Exit::Auth,
                "not logged in: set JDC_ACCESS_KEY and JDC_SECRET_KEY, or try the offline sandbox with `--sandbox`",
            ));
        };
        let mut config = ClientConfig::new(endpoint, self.region());
        config.credentials = Some(credentials);
        config.connect_timeout = self.global.connect_timeout;
        config.timeout = self.global.timeout;
        if self.printer.verbose() > 0 {
            let printer = self.printer.clone();
            config.observer = Some(Arc::new(move |log: &RequestLog| {
                printer.debug(&describe_request(log));
            }));
        }
        Client::new(config).map_err(CliError::from)
    }

    fn start_sandbox(&mut self) -> CliResult<Url> {
        if self.sandbox.is_none() {
            let mut options = SandboxOptions::new(sandbox::store::default_state_path());
            if let Some(speed) = std::env::var("JDC_SANDBOX_SPEED")
                .ok()
                .filter(|s| !s.is_empty())
            {
                options.speed = speed
                    .parse::<f64>()
                    .ok()
                    .filter(|s| s.is_finite() && *s > 0.0)
                    .ok_or_else(|| {
                        CliError::usage(format!(
                            "JDC_SANDBOX_SPEED=`{speed}` is not a positive number (e.g. 1, 10)"
                        ))
                    })?;
            }
            let running = RunningSandbox::start(&options)
                .map_err(|e| CliError::failure(format!("cannot start the sandbox: {e:#}")))?;
            self.printer.debug(&format!(
                "sandbox console on {} (state {})",
                running.url(),
                options.state.display()
            ));
            self.sandbox = Some(running);
        }
        let url = self.sandbox.as_ref().map(|s| s.url()).unwrap_or_default();
        Url::parse(&url).map_err(|e| CliError::failure(format!("sandbox URL: {e}")))
    }
}

/// `--endpoint`: an absolute http(s) URL; plain http only to this machine.
pub fn parse_endpoint(text: &str) -> CliResult<Url> {
    let url = Url::parse(text).map_err(|e| {
        CliError::usage(format!(
            "--endpoint `{text}` is not a URL ({e}); use e.g. https://console.example.com"
        ))
    })?;
    match url.scheme() {
        "https" => Ok(url),
        "http" => {
            let loopback = match url.host() {
                Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
                Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
                Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
                None => false,
            };
            if loopback {
                Ok(url)
            } else {
                Err(CliError::usage(format!(
                    "--endpoint `{text}` uses plain http to another machine, which would expose your keys; use https"
                )))
            }
        }
        other => Err(CliError::usage(format!(
            "--endpoint `{text}` has scheme `{other}`; use https:// (or http:// to this machine)"
        ))),
    }
}

fn credentials_from_env() -> CliResult<Option<Credentials>> {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    match (var("JDC_ACCESS_KEY"), var("JDC_SECRET_KEY")) {
        (Some(access_key), Some(secret_key)) => Ok(Some(Credentials {
            access_key,
            secret_key,
            session_token: var("JDC_SESSION_TOKEN"),
        })),
        (None, None) => Ok(None),
        (Some(_), None) => Err(CliError::new(
            Exit::Auth,
            "JDC_ACCESS_KEY is set but JDC_SECRET_KEY is not: set both",
        )),
        (None, Some(_)) => Err(CliError::new(
            Exit::Auth,
            "JDC_SECRET_KEY is set but JDC_ACCESS_KEY is not: set both",
        )),
    }
}

/// `POST /v1/... 200 35ms req sbx-...` — nothing secret is ever in a log line.
fn describe_request(log: &RequestLog) -> String {
    let status = match (log.status, &log.error) {
        (Some(code), _) => code.to_string(),
        (None, Some(e)) => format!("failed ({e})"),
        (None, None) => "failed".into(),
    };
    let retry = if log.attempt > 1 {
        format!(" (attempt {})", log.attempt)
    } else {
        String::new()
    };
    format!(
        "{} {} {status} {}ms{}{retry}",
        log.method,
        log.path,
        log.elapsed.as_millis(),
        log.request_id
            .as_deref()
            .map(|id| format!(" request-id {id}"))
            .unwrap_or_default()
    )
}
