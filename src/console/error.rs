//! What can go wrong talking to a console, kept precise enough that a command can say exactly
//! what the console said (its request id, HTTP code, status and message).
//!
//! The console's own words, and the network library's, are English. They stay in the error as
//! they came (`message`, `detail`); what a person reads is said from the catalogues, and a
//! Chinese reader is told what the status or failure means instead of the English words (which
//! `-v` shows, see [`crate::error::foreign`]).

use std::fmt;
use std::time::Duration;

use crate::error::foreign;
use crate::t;

#[derive(Debug)]
pub enum ConsoleError {
    /// The console answered with an error envelope.
    Api {
        http: u16,
        status: String,
        message: String,
        request_id: Option<String>,
        retry_after: Option<Duration>,
    },
    /// No answer could be had. Whether a write took effect is then unknown (see
    /// [`ConsoleError::outcome_unknown`]).
    Unreachable {
        url: String,
        attempts: u32,
        /// What kind of failure, for a reader who does not read the library's words.
        why: NetFailure,
        detail: String,
    },
    /// An answer came, but not one this page describes (HTML, truncated JSON, no envelope...).
    InvalidResponse {
        http: u16,
        request_id: Option<String>,
        why: Unreadable,
        detail: String,
    },
}

/// Why no answer came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetFailure {
    Timeout,
    Connect,
    /// The TLS handshake failed (an unknown or expired certificate, a proxy in the way).
    Tls,
    /// HTTPS could not even be set up (no root certificates).
    Setup,
    BadUrl,
    Other,
}

/// Why an answer could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    TooLarge,
    CutOff,
    Markup,
    Empty,
    NotJson,
    NoEnvelope,
    Neither,
    UnexpectedResult,
}

impl NetFailure {
    /// How the failure is said at the head of the detail (`timed out: ...`), in the reader's
    /// language.
    pub fn head(self) -> String {
        match self {
            NetFailure::Timeout => t!("console-net-timeout"),
            NetFailure::Connect => t!("console-net-connect"),
            NetFailure::Tls => t!("console-net-tls"),
            NetFailure::Setup => t!("console-net-setup"),
            NetFailure::BadUrl => t!("console-net-bad-url"),
            NetFailure::Other => t!("console-net-failed"),
        }
    }
}

impl Unreadable {
    pub fn head(self) -> String {
        match self {
            Unreadable::TooLarge => t!(
                "console-answer-too-large",
                mib = crate::console::MAX_RESPONSE_BYTES / 1024 / 1024
            ),
            Unreadable::CutOff => t!("console-answer-cut-off"),
            Unreadable::Markup => t!("console-answer-markup"),
            Unreadable::Empty => t!("console-answer-empty"),
            Unreadable::NotJson => t!("console-answer-not-json"),
            Unreadable::NoEnvelope => t!("console-answer-no-envelope"),
            Unreadable::Neither => t!("console-answer-neither"),
            Unreadable::UnexpectedResult => t!("console-answer-unexpected"),
        }
    }
}

/// What an error status means, in a few words (the Chinese reader's stand-in for the
/// console's English message).
pub fn status_meaning(status: &str, http: u16) -> String {
    match (status, http) {
        ("INVALID_ARGUMENT", _) | ("", 400) => t!("console-status-invalid-argument"),
        ("PAYLOAD_TOO_LARGE", _) | ("", 413) => t!("console-status-too-large"),
        ("UNAUTHENTICATED", _) | ("", 401) => t!("console-status-unauthenticated"),
        ("MFA_REQUIRED", _) => t!("console-status-mfa-required"),
        ("PERMISSION_DENIED", _) | ("", 403) => t!("console-status-permission-denied"),
        ("NOT_FOUND", _) | ("", 404) => t!("console-status-not-found"),
        ("FAILED_PRECONDITION", _) => t!("console-status-failed-precondition"),
        ("CONFLICT" | "ABORTED" | "ALREADY_EXISTS", _) | ("", 409) => {
            t!("console-status-conflict")
        }
        ("RESOURCE_EXHAUSTED", _) | ("", 429) => t!("console-status-exhausted"),
        ("INTERNAL", _) | ("", 500) => t!("console-status-internal"),
        ("UNAVAILABLE", _) | ("", 503) => t!("console-status-unavailable"),
        _ => t!("console-status-other"),
    }
}

impl fmt::Display for ConsoleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ConsoleError::Api {
                http,
                status,
                message,
                request_id,
                ..
            } => {
                let said = foreign(message, || status_meaning(status, *http));
                let http = http.to_string();
                match request_id {
                    Some(id) => t!(
                        "console-error-api-request",
                        message = said,
                        status = status,
                        http = http,
                        id = id
                    ),
                    None => t!(
                        "console-error-api",
                        message = said,
                        status = status,
                        http = http
                    ),
                }
            }
            ConsoleError::Unreachable {
                url,
                attempts,
                why,
                detail,
            } => t!(
                "console-unreachable",
                url = url,
                attempts = *attempts,
                detail = foreign(detail, || why.head())
            ),
            ConsoleError::InvalidResponse {
                http,
                request_id,
                why,
                detail,
            } => {
                let detail = foreign(detail, || why.head());
                let http = http.to_string();
                match request_id {
                    Some(id) => t!(
                        "console-unreadable-request",
                        http = http,
                        id = id,
                        detail = detail
                    ),
                    None => t!("console-unreadable", http = http, detail = detail),
                }
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ConsoleError {}

impl ConsoleError {
    pub fn status(&self) -> Option<&str> {
        match self {
            ConsoleError::Api { status, .. } => Some(status),
            _ => None,
        }
    }

    pub fn http(&self) -> Option<u16> {
        match self {
            ConsoleError::Api { http, .. } | ConsoleError::InvalidResponse { http, .. } => {
                Some(*http)
            }
            ConsoleError::Unreachable { .. } => None,
        }
    }

    pub fn request_id(&self) -> Option<&str> {
        match self {
            ConsoleError::Api { request_id, .. }
            | ConsoleError::InvalidResponse { request_id, .. } => request_id.as_deref(),
            ConsoleError::Unreachable { .. } => None,
        }
    }

    /// True unless the console definitely did not act: only a 4xx answer (other than 429)
    /// proves that. A write that was retried may have been applied by an earlier attempt whose
    /// answer was lost, so anything else leaves its outcome unknown.
    pub fn outcome_unknown(&self) -> bool {
        !matches!(self, ConsoleError::Api { http, .. } if (400..500).contains(http) && *http != 429)
    }
}
