//! Exit codes and the one error type commands return. Every failure a user can cause or meet
//! maps to a documented code and a one-line message that says what to do.

use std::fmt;

use crate::console::ConsoleError;

/// The documented exit codes (README, `--help`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Success = 0,
    /// Something unexpected: a bug, a broken console answer, a local file that cannot be read.
    Failure = 1,
    /// Bad usage or input.
    Usage = 2,
    NotFound = 3,
    /// Not logged in, or the session expired.
    Auth = 4,
    /// The console refused: a precondition, a conflict, not refundable.
    Refused = 5,
    /// The console could not be reached after retries.
    Unreachable = 6,
    /// A watched refund ended unsuccessfully.
    RefundFailed = 7,
    /// Watching timed out.
    WatchTimeout = 8,
    Interrupted = 130,
}

pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0    success (a broken pipe, as in `| head`, is success too)
  1    unexpected error (a console answer that cannot be read, a local file problem)
  2    bad usage or input
  3    not found
  4    not logged in, or the session expired
  5    the console refused (precondition, conflict, not refundable)
  6    the console could not be reached after retries
  7    a watched refund ended unsuccessfully
  8    watching a refund timed out
  130  interrupted (Ctrl-C)";

#[derive(Debug)]
pub struct CliError {
    pub exit: Exit,
    pub message: String,
    /// A console error's request id, for support.
    pub request_id: Option<String>,
}

impl CliError {
    pub fn new(exit: Exit, message: impl Into<String>) -> CliError {
        CliError {
            exit,
            message: message.into(),
            request_id: None,
        }
    }

    pub fn usage(message: impl Into<String>) -> CliError {
        CliError::new(Exit::Usage, message)
    }

    pub fn failure(message: impl Into<String>) -> CliError {
        CliError::new(Exit::Failure, message)
    }

    /// The console's error, said as `message` when it is "not found" (exit 3).
    pub fn or_not_found(e: ConsoleError, message: impl FnOnce() -> String) -> CliError {
        let mut err = CliError::from(e);
        if err.exit == Exit::NotFound {
            err.message = message();
        }
        err
    }

    /// A broken pipe on stdout: the reader went away, which is not an error.
    pub fn is_broken_pipe(&self) -> bool {
        self.exit == Exit::Success
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CliError {}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> CliError {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return CliError::new(Exit::Success, "");
        }
        CliError::failure(format!("cannot write output: {e}"))
    }
}

impl From<ConsoleError> for CliError {
    fn from(e: ConsoleError) -> CliError {
        let exit = match &e {
            // A long wait asked for (a reminder already sent today, a login lockout) is the
            // console's answer, not a passing overload.
            ConsoleError::Api {
                http: 429,
                retry_after: Some(wait),
                ..
            } if *wait > crate::console::MAX_RETRY_AFTER => Exit::Refused,
            ConsoleError::Api { http, status, .. } => match (status.as_str(), http) {
                ("UNAUTHENTICATED" | "MFA_REQUIRED", _) | (_, 401) => Exit::Auth,
                ("NOT_FOUND", _) | (_, 404) => Exit::NotFound,
                ("INVALID_ARGUMENT" | "PAYLOAD_TOO_LARGE", _) | (_, 400 | 413) => Exit::Usage,
                // Busy or rate-limited through every retry: transient, like a network failure.
                ("UNAVAILABLE" | "RESOURCE_EXHAUSTED", _) | (_, 503 | 429) => Exit::Unreachable,
                (_, 409 | 403) => Exit::Refused,
                (_, 500..) => Exit::Unreachable,
                _ => Exit::Refused,
            },
            ConsoleError::Unreachable { .. } => Exit::Unreachable,
            ConsoleError::InvalidResponse { .. } => Exit::Failure,
        };
        let mut message = match &e {
            ConsoleError::Api { .. } => format!("the console said: {e}"),
            _ => e.to_string(),
        };
        match exit {
            Exit::Auth => message.push_str("; run `jdc-refund login` (or try `--sandbox`)"),
            Exit::Unreachable => {
                message.push_str("; check the network and `--endpoint`, then try again")
            }
            _ => {}
        }
        if let ConsoleError::Unreachable { .. } = e {
            message = format!("{e}; check the network and `--endpoint`, then try again");
        }
        CliError {
            exit,
            request_id: e.request_id().map(str::to_string),
            message,
        }
    }
}

pub type CliResult<T> = Result<T, CliError>;
