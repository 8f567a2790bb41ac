//! What can go wrong talking to a console, kept precise enough that a command can say exactly
//! what the console said (its request id, HTTP code, status and message).

use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum ConsoleError {
    /// The console answered with an error envelope.
    #[error("{message} ({status}, HTTP {http}{})", request_suffix(.request_id))]
    Api {
        http: u16,
        status: String,
        message: String,
        request_id: Option<String>,
        retry_after: Option<Duration>,
    },
    /// No answer could be had. Whether a write took effect is then unknown (see
    /// [`ConsoleError::outcome_unknown`]).
    #[error("could not reach the console at {url} after {attempts} attempt{}: {detail}", if *.attempts == 1 { "" } else { "s" })]
    Unreachable {
        url: String,
        attempts: u32,
        detail: String,
    },
    /// An answer came, but not one this page describes (HTML, truncated JSON, no envelope...).
    #[error("the console's answer (HTTP {http}{}) could not be read: {detail}", request_suffix(.request_id))]
    InvalidResponse {
        http: u16,
        request_id: Option<String>,
        detail: String,
    },
}

fn request_suffix(request_id: &Option<String>) -> String {
    match request_id {
        Some(id) => format!(", request id {id}"),
        None => String::new(),
    }
}

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
