//! Exit codes and the one error type commands return. Every failure a user can cause or meet
//! maps to a documented code and a one-line message that says what to do.

use std::fmt;
use std::sync::Mutex;

use crate::console::{ConsoleError, NetFailure};
use crate::i18n;
use crate::t;

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
        CliError::failure(t!("err-write-output", error = io_reason(&e)))
    }
}

/// What the user was doing when the console said no, when that changes what to tell them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum During {
    /// Any command but `login`.
    Command,
    /// Signing in with account and password ("run `jdc-refund login`" would send them in a
    /// circle).
    PasswordLogin { mfa_code: bool },
    /// Checking an AccessKey pair before saving it.
    KeyLogin,
}

/// What a console error means to the user, each with its own advice (in Chinese; in English
/// the console's own words are shown, with advice only for the exit code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Said {
    InvalidArgument,
    TooLarge,
    Unauthenticated,
    MfaRequired,
    NotFound,
    Busy,
    Unavailable,
    Internal,
    Wait,
    PermissionDenied,
    FailedPrecondition,
    Conflict,
    Refused,
}

fn exit_for(e: &ConsoleError) -> Exit {
    match e {
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
    }
}

/// Refines the exit code's group by the status (then the HTTP code), so every message is
/// said under the exit code it already has.
fn said(exit: Exit, status: &str, http: u16) -> Said {
    match exit {
        Exit::Auth if status == "MFA_REQUIRED" => Said::MfaRequired,
        Exit::Auth => Said::Unauthenticated,
        Exit::NotFound => Said::NotFound,
        Exit::Usage if status == "PAYLOAD_TOO_LARGE" => Said::TooLarge,
        Exit::Usage if status != "INVALID_ARGUMENT" && http == 413 => Said::TooLarge,
        Exit::Usage => Said::InvalidArgument,
        Exit::Unreachable => match (status, http) {
            ("UNAVAILABLE", _) => Said::Unavailable,
            ("RESOURCE_EXHAUSTED", _) => Said::Busy,
            ("INTERNAL", _) => Said::Internal,
            (_, 503) => Said::Unavailable,
            (_, 429) => Said::Busy,
            _ => Said::Internal,
        },
        _ => match (status, http) {
            ("RESOURCE_EXHAUSTED", _) | (_, 429) => Said::Wait,
            ("PERMISSION_DENIED", _) => Said::PermissionDenied,
            ("FAILED_PRECONDITION", _) => Said::FailedPrecondition,
            ("CONFLICT" | "ABORTED" | "ALREADY_EXISTS", _) => Said::Conflict,
            (_, 403) => Said::PermissionDenied,
            _ => Said::Refused,
        },
    }
}

impl CliError {
    /// The console's error as the user should read it: what happened and what to do, with its
    /// documented exit code and request id.
    ///
    /// English shows the console's own words (`the console said: ...`). Those words are
    /// English, so a Chinese reader is told instead, in Chinese, what the status means and
    /// what to do, with the status code for support; the words themselves are shown with `-v`
    /// (see [`foreign`]), and the request id is added by `lib::report`. A Chinese error line
    /// thus stays all Chinese, and nothing that support needs is lost.
    pub fn from_console(e: ConsoleError, during: During) -> CliError {
        let exit = exit_for(&e);
        let request_id = e.request_id().map(str::to_string);
        let message = match &e {
            ConsoleError::Api {
                http,
                status,
                message,
                retry_after,
                ..
            } => {
                let said = said(exit, status, *http);
                let detail = if i18n::is_zh() {
                    keep_foreign(message);
                    let code = if status.is_empty() {
                        http.to_string()
                    } else {
                        status.clone()
                    };
                    match (said, retry_after) {
                        (Said::Wait, Some(wait)) => {
                            t!("err-code-wait", code = code, seconds = wait.as_secs())
                        }
                        _ => code,
                    }
                } else {
                    e.to_string()
                };
                match (during, exit) {
                    (During::PasswordLogin { mfa_code: true }, Exit::Auth) => {
                        t!("err-login-rejected-mfa", detail = detail)
                    }
                    (During::PasswordLogin { .. }, Exit::Auth) => {
                        t!("err-login-rejected", detail = detail)
                    }
                    (During::KeyLogin, Exit::Auth) => t!(
                        "err-key-not-saved",
                        reason = t!("err-key-rejected", detail = detail)
                    ),
                    (During::KeyLogin, _) => {
                        t!("err-key-not-saved", reason = console_said(said, detail))
                    }
                    _ => console_said(said, detail),
                }
            }
            ConsoleError::Unreachable { why, .. } => {
                let error = e.to_string();
                let message = match why {
                    NetFailure::Timeout => t!("err-unreachable-timeout", error = error),
                    NetFailure::Tls => t!("err-unreachable-tls", error = error),
                    _ => t!("err-unreachable", error = error),
                };
                match during {
                    During::KeyLogin => t!("err-key-not-saved", reason = message),
                    _ => message,
                }
            }
            ConsoleError::InvalidResponse { .. } => {
                let message = t!("err-unreadable", error = e.to_string());
                match during {
                    During::KeyLogin => t!("err-key-not-saved", reason = message),
                    _ => message,
                }
            }
        };
        CliError {
            exit,
            request_id,
            message,
        }
    }
}

fn console_said(said: Said, detail: String) -> String {
    match said {
        Said::InvalidArgument => t!("err-console-invalid-argument", detail = detail),
        Said::TooLarge => t!("err-console-too-large", detail = detail),
        Said::Unauthenticated => t!("err-console-unauthenticated", detail = detail),
        Said::MfaRequired => t!("err-console-mfa-required", detail = detail),
        Said::NotFound => t!("err-console-not-found", detail = detail),
        Said::Busy => t!("err-console-busy", detail = detail),
        Said::Unavailable => t!("err-console-unavailable", detail = detail),
        Said::Internal => t!("err-console-internal", detail = detail),
        Said::Wait => t!("err-console-wait", detail = detail),
        Said::PermissionDenied => t!("err-console-permission-denied", detail = detail),
        Said::FailedPrecondition => t!("err-console-failed-precondition", detail = detail),
        Said::Conflict => t!("err-console-conflict", detail = detail),
        Said::Refused => t!("err-console-refused", detail = detail),
    }
}

impl From<ConsoleError> for CliError {
    fn from(e: ConsoleError) -> CliError {
        CliError::from_console(e, During::Command)
    }
}

/// Words from outside the catalogues (a console's messages, the system's and libraries' error
/// texts) kept for `-v`, most recent last.
static FOREIGN: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Words from outside the catalogues are English. An English reader gets `words` as they are;
/// a Chinese reader gets `in_their_language()` instead, and the English words are kept so
/// that `-v` can still show them ([`foreign_words`]).
pub fn foreign(words: &str, in_their_language: impl FnOnce() -> String) -> String {
    if i18n::is_zh() {
        keep_foreign(words);
        in_their_language()
    } else {
        words.to_string()
    }
}

fn keep_foreign(words: &str) {
    let words = words.trim();
    if words.is_empty() {
        return;
    }
    if let Ok(mut kept) = FOREIGN.lock() {
        if !kept.iter().any(|w| w == words) {
            if kept.len() >= 8 {
                kept.remove(0);
            }
            kept.push(words.to_string());
        }
    }
}

/// The English words [`foreign`] replaced so far (for `-v`).
pub fn foreign_words() -> Vec<String> {
    FOREIGN.lock().map(|k| k.clone()).unwrap_or_default()
}

/// Why a file operation failed: the system's words in English, what they mean in Chinese.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    foreign(&e.to_string(), || match e.kind() {
        ErrorKind::NotFound => t!("err-io-not-found"),
        ErrorKind::PermissionDenied => t!("err-io-permission-denied"),
        ErrorKind::AlreadyExists => t!("err-io-already-exists"),
        ErrorKind::StorageFull => t!("err-io-storage-full"),
        ErrorKind::ReadOnlyFilesystem => t!("err-io-read-only"),
        ErrorKind::IsADirectory => t!("err-io-is-a-directory"),
        ErrorKind::NotADirectory => t!("err-io-not-a-directory"),
        ErrorKind::InvalidData => t!("err-io-invalid-data"),
        ErrorKind::TimedOut => t!("err-io-timed-out"),
        _ => match e.raw_os_error() {
            Some(code) => t!("err-io-os", code = code),
            None => t!("err-io-other"),
        },
    })
}

pub type CliResult<T> = Result<T, CliError>;
