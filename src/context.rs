//! What every command is handed: the printer, the global options, and the console client they
//! describe. Resolves flags > environment > the profile's files, and starts the embedded
//! sandbox when `--sandbox` asks for it.

use std::sync::Arc;

use reqwest::Url;

use crate::cli::GlobalArgs;
use crate::config::{self, StoredCredentials};
use crate::console::types::{DEFAULT_REGION, REGIONS};
use crate::console::{Client, ClientConfig, Credentials, Endpoint, RequestLog};
use crate::error::{foreign, CliError, CliResult, Exit};
use crate::interrupt::{self, PhaseCell};
use crate::journal::Journal;
use crate::printer::Printer;
use crate::prompt::{Answer, PromptError, Prompter, Terminal};
use crate::sandbox::{self, RunningSandbox, SandboxOptions};
use crate::t;

pub struct Context {
    pub printer: Arc<Printer>,
    /// Who answers questions: the terminal, or a script in tests.
    pub prompter: Box<dyn Prompter>,
    /// What has been submitted so far, for Ctrl-C.
    pub phase: PhaseCell,
    pub global: GlobalArgs,
    pub store: config::Store,
    sandbox: Option<RunningSandbox>,
}

/// Where the credentials in use came from, for `login --status`.
#[derive(Debug, Clone)]
pub enum CredentialSource {
    Environment,
    Profile(StoredCredentials),
    SandboxDemo,
}

impl Context {
    pub fn new(global: GlobalArgs) -> Context {
        let printer = Arc::new(Printer::new(global.output(), global.color, global.verbose));
        let store = config::Store::at(
            global
                .config_dir
                .clone()
                .unwrap_or_else(config::default_config_dir),
        );
        Context {
            printer,
            prompter: Box::new(Terminal::default()),
            phase: PhaseCell::default(),
            global,
            store,
            sandbox: None,
        }
    }

    pub fn journal(&self) -> Journal {
        let dir = self
            .global
            .state_dir
            .clone()
            .unwrap_or_else(config::default_state_dir);
        Journal::at(&dir)
    }

    /// The embedded sandbox's state file.
    pub fn sandbox_state(&self) -> std::path::PathBuf {
        self.global
            .sandbox_state
            .clone()
            .unwrap_or_else(sandbox::store::default_state_path)
    }

    pub fn profile(&self) -> String {
        self.global
            .profile
            .clone()
            .unwrap_or_else(|| config::DEFAULT_PROFILE.to_string())
    }

    fn profile_config(&self) -> CliResult<config::ProfileConfig> {
        Ok(self
            .store
            .load_config()?
            .profiles
            .remove(&self.profile())
            .unwrap_or_default())
    }

    pub fn region(&self) -> CliResult<String> {
        if let Some(region) = &self.global.region {
            return Ok(region.clone());
        }
        match self.profile_config()?.region {
            None => Ok(DEFAULT_REGION.to_string()),
            Some(r) if REGIONS.contains(&r.as_str()) => Ok(r),
            Some(r) => Err(CliError::usage(t!(
                "ctx-bad-region",
                region = r,
                path = self.store.config_path().display().to_string(),
                profile = self.profile(),
                regions = REGIONS.join(&t!("err-usage-list-separator"))
            ))),
        }
    }

    /// The console the options name: the embedded sandbox, `--endpoint`, the profile's
    /// endpoint, or JD Cloud itself.
    pub fn endpoint(&mut self) -> CliResult<Endpoint> {
        if self.global.sandbox {
            return Ok(Endpoint::Base(self.start_sandbox()?));
        }
        if let Some(text) = &self.global.endpoint {
            return Ok(Endpoint::Base(parse_endpoint(text, "--endpoint")?));
        }
        match self.profile_config()?.endpoint {
            Some(text) => {
                let source = t!(
                    "ctx-endpoint-in-profile",
                    path = self.store.config_path().display().to_string(),
                    profile = self.profile()
                );
                Ok(Endpoint::Base(parse_endpoint(&text, &source)?))
            }
            None => Ok(Endpoint::JdCloud),
        }
    }

    /// A stable name for the console in use, so local records are only ever replayed against
    /// the console (and account) they were made for.
    pub fn console_id(&mut self, credentials: &Credentials) -> CliResult<String> {
        let console = if self.global.sandbox {
            format!("sandbox:{}", self.sandbox_state().display())
        } else {
            self.endpoint()?.describe()
        };
        Ok(format!(
            "{console}|{}|{}",
            self.region()?,
            credentials.access_key
        ))
    }

    /// The stored credentials of this profile that fit the console in use (sandbox or not).
    pub fn stored_credentials(&self) -> CliResult<Option<StoredCredentials>> {
        let stored = self
            .store
            .load_credentials()?
            .profiles
            .remove(&self.profile());
        Ok(stored.filter(|c| c.sandbox == self.global.sandbox))
    }

    /// The credentials to sign with, and where they came from.
    pub fn credentials(&self) -> CliResult<(Credentials, CredentialSource)> {
        if !self.global.sandbox {
            if let Some(c) = credentials_from_env()? {
                return Ok((c, CredentialSource::Environment));
            }
        }
        match self.stored_credentials()? {
            Some(stored) => {
                if let (Some(text), None) = (&stored.expiration, stored.expires_at()) {
                    return Err(CliError::new(
                        Exit::Auth,
                        t!(
                            "ctx-expiration-unreadable",
                            expiration = text,
                            path = self.store.credentials_path().display().to_string(),
                            prefix = self.command_prefix()
                        ),
                    ));
                }
                if stored.is_expired() {
                    let at = stored
                        .expires_at()
                        .map(|t| t.to_string())
                        .unwrap_or_default();
                    return Err(CliError::new(
                        Exit::Auth,
                        t!(
                            "ctx-session-expired",
                            at = at,
                            prefix = self.command_prefix()
                        ),
                    ));
                }
                let c = Credentials {
                    access_key: stored.access_key.clone(),
                    secret_key: stored.secret_key.clone(),
                    session_token: stored.session_token.clone(),
                };
                Ok((c, CredentialSource::Profile(stored)))
            }
            None if self.global.sandbox => Ok((
                Credentials {
                    access_key: sandbox::store::DEMO_ACCESS_KEY.into(),
                    secret_key: sandbox::store::DEMO_SECRET_KEY.into(),
                    session_token: None,
                },
                CredentialSource::SandboxDemo,
            )),
            None => Err(CliError::new(
                Exit::Auth,
                t!("ctx-not-logged-in", profile = self.profile()),
            )),
        }
    }

    /// The request id to give support about a refund: the submission's, when it was made
    /// from this machine, else the latest answer's.
    pub fn support_request_id(&self, refund_id: &str, client: &Client) -> Option<String> {
        self.journal()
            .by_refund_id(refund_id)
            .ok()
            .flatten()
            .and_then(|e| e.request_id)
            .or_else(|| client.last_request_id())
    }

    /// Whether a person can be asked: stdin and stdout are terminals and nothing disables
    /// prompting (`--no-input`, `JDC_NO_PROMPT`, `CI`).
    pub fn interactive(&self) -> bool {
        use std::io::IsTerminal;
        let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false" && v != "0");
        !self.global.no_input
            && !ci
            && std::io::stdin().is_terminal()
            && std::io::stdout().is_terminal()
    }

    /// Asks a yes/no question that defaults to No.
    pub fn confirm(&mut self, question: &str) -> CliResult<bool> {
        if !self.interactive() {
            return Ok(false);
        }
        self.ask(|p| p.confirm(question, false))
    }

    /// Asks through the prompter; Ctrl-C becomes exit 130 saying what, if anything, was
    /// submitted.
    pub fn ask<T>(
        &mut self,
        question: impl FnOnce(&mut dyn Prompter) -> Answer<T>,
    ) -> CliResult<T> {
        let answer = question(self.prompter.as_mut());
        self.answered(answer)
    }

    /// A prompt's answer, or the error to exit with.
    pub fn answered<T>(&self, answer: Answer<T>) -> CliResult<T> {
        answer.map_err(|e| match e {
            PromptError::Interrupted => CliError::new(
                Exit::Interrupted,
                interrupt::message(&interrupt::get(&self.phase)),
            ),
            PromptError::Io(e) => CliError::failure(t!(
                "ctx-cannot-ask",
                error = foreign(&e, || t!("err-io-other"))
            )),
        })
    }

    pub fn set_phase(&self, phase: interrupt::Phase) {
        interrupt::set(&self.phase, phase);
    }

    /// The global options a suggested command needs to reach the same console with the same
    /// credentials (`--sandbox `, `--endpoint URL --profile P `…), each followed by a space.
    pub fn command_prefix(&self) -> String {
        let g = &self.global;
        let mut out = String::new();
        if g.sandbox {
            out.push_str("--sandbox ");
        }
        if let Some(e) = &g.endpoint {
            out.push_str(&format!("--endpoint {e} "));
        }
        if let Some(p) = &g.profile {
            out.push_str(&format!("--profile {p} "));
        }
        if let Some(r) = &g.region {
            out.push_str(&format!("--region {r} "));
        }
        out
    }

    /// A signed client for the console and credentials the options name.
    pub fn client(&mut self) -> CliResult<Client> {
        let (credentials, _) = self.credentials()?;
        self.client_with(Some(credentials))
    }

    /// A client with the given credentials (none: only for logging in).
    pub fn client_with(&mut self, credentials: Option<Credentials>) -> CliResult<Client> {
        let endpoint = self.endpoint()?;
        let mut config = ClientConfig::new(endpoint, self.region()?);
        config.credentials = credentials;
        config.connect_timeout = self.global.connect_timeout;
        config.timeout = self.global.request_timeout;
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
            let mut options = SandboxOptions::new(self.sandbox_state());
            if let Some(speed) = self.global.sandbox_speed {
                options.speed = speed;
            }
            let running = RunningSandbox::start(&options).map_err(sandbox_failed)?;
            self.printer.debug(&t!(
                "ctx-sandbox-started",
                url = running.url(),
                state = options.state.display().to_string()
            ));
            self.sandbox = Some(running);
        }
        let url = self.sandbox.as_ref().map(|s| s.url()).unwrap_or_default();
        Url::parse(&url)
            .map_err(|e| CliError::failure(t!("ctx-sandbox-url", error = e.to_string())))
    }
}

/// The sandbox could not start. Its causes (`{e:#}`) are English; a Chinese reader is told the
/// outermost one when it is said in Chinese (the sandbox's own), and the rest with `-v`.
pub fn sandbox_failed(e: anyhow::Error) -> CliError {
    let chain = format!("{e:#}");
    let reason = foreign(&chain, || {
        let top = e.to_string();
        if crate::i18n::has_chinese(&top, false) {
            top
        } else {
            t!("ctx-sandbox-state-unusable")
        }
    });
    CliError::failure(t!("ctx-sandbox-failed", error = reason))
}

/// An endpoint (from `source`: the flag, its variable or a profile): an absolute http(s) URL,
/// plain http only to this machine, and no password inside it (it would be printed).
pub fn parse_endpoint(text: &str, source: &str) -> CliResult<Url> {
    let url = Url::parse(text).map_err(|e| {
        let error = foreign(&e.to_string(), || t!("ctx-url-malformed"));
        CliError::usage(if !text.contains("://") {
            t!(
                "ctx-endpoint-not-url-no-scheme",
                source = source,
                text = text,
                error = error
            )
        } else {
            t!(
                "ctx-endpoint-not-url",
                source = source,
                text = text,
                error = error
            )
        })
    })?;
    if !url.username().is_empty() || url.password().is_some() {
        // Said without the URL, which holds the secret.
        return Err(CliError::usage(t!(
            "ctx-endpoint-has-password",
            source = source
        )));
    }
    let original = text;
    let text = url.as_str().trim_end_matches('/');
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
                Err(CliError::usage(t!(
                    "ctx-endpoint-plain-http",
                    source = source,
                    text = text
                )))
            }
        }
        _ if !original.contains("://") => Err(CliError::usage(t!(
            "ctx-endpoint-no-scheme",
            source = source,
            text = original
        ))),
        other => Err(CliError::usage(t!(
            "ctx-endpoint-bad-scheme",
            source = source,
            text = text,
            scheme = other
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
            t!(
                "ctx-env-half-set",
                set = "JDC_ACCESS_KEY",
                unset = "JDC_SECRET_KEY"
            ),
        )),
        (None, Some(_)) => Err(CliError::new(
            Exit::Auth,
            t!(
                "ctx-env-half-set",
                set = "JDC_SECRET_KEY",
                unset = "JDC_ACCESS_KEY"
            ),
        )),
    }
}

/// `POST /v1/... 200 35ms request-id sbx-...`: nothing secret is ever in a log line.
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
