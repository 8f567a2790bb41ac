//! The submission journal: every refund submission is written down, durably, before its request
//! goes out, and its outcome after. A submission whose outcome is unknown (a timeout, a crash,
//! Ctrl-C at the wrong moment) is finished later by resending it with the same client token,
//! which the console answers with the first result: a refund is never lost and never doubled.
//!
//! One JSON file per submission under `<state dir>/journal/`, each replaced atomically.

use std::fs::File;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::config::{ensure_private_dir, write_atomic};
use crate::console::types::{RefundBody, StatusRequest};
use crate::console::{Client, ConsoleError, ConsoleTime};
use crate::error::{CliError, CliResult};
use crate::t;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Written before sending; the console may or may not have it.
    Pending,
    /// The console accepted it; `refund_id` is set.
    Submitted,
    /// The console refused it; nothing was created.
    Refused,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub client_token: String,
    /// Which console and key it was sent to (see `Context::console_id`).
    pub console: String,
    pub created_at: String,
    pub updated_at: String,
    pub body: RefundBody,
    pub outcome: Outcome,
    #[serde(default)]
    pub refund_id: Option<String>,
    #[serde(default)]
    pub error: Option<String>,
    /// The console's request id for the accepted submission, to give support.
    #[serde(default)]
    pub request_id: Option<String>,
}

impl Entry {
    pub fn new(console: String, body: RefundBody) -> CliResult<Entry> {
        let token = body
            .client_token
            .clone()
            .ok_or_else(|| CliError::failure(t!("journal-error-no-token")))?;
        let now = ConsoleTime::now().iso();
        Ok(Entry {
            client_token: token,
            console,
            created_at: now.clone(),
            updated_at: now,
            body,
            outcome: Outcome::Pending,
            refund_id: None,
            error: None,
            request_id: None,
        })
    }
}

pub struct Journal {
    dir: PathBuf,
}

/// How one journaled submission ended.
pub enum Submission {
    /// The console created the refund. `unrecorded` is set when the journal could not be
    /// updated afterwards (the entry stays pending; the next run learns the id again).
    Accepted {
        refund_id: String,
        unrecorded: Option<CliError>,
    },
    /// The console refused it: nothing was created.
    Refused {
        error: CliError,
        unrecorded: Option<CliError>,
    },
    /// No answer: the entry stays pending, to be finished by resending with the same key.
    Unknown(ConsoleError),
    /// The key was journaled already (by an earlier or concurrent run); nothing was sent.
    Exists(Box<Entry>),
}

/// What finishing an unknown outcome found.
pub enum Finished {
    Submitted(String),
    Refused(String),
    StillUnknown(String),
}

impl Journal {
    /// The journal under the state directory `state_dir`.
    pub fn at(state_dir: &Path) -> Journal {
        Journal {
            dir: state_dir.join("journal"),
        }
    }

    fn path(&self, token: &str) -> PathBuf {
        // Tokens are checked to be safe file names before they get here.
        self.dir.join(format!("{token}.json"))
    }

    /// Writes the entry durably (synced file, synced directory).
    pub fn record(&self, entry: &Entry) -> CliResult<()> {
        ensure_private_dir(&self.dir)?;
        let bytes = serde_json::to_vec_pretty(entry)
            .map_err(|e| CliError::failure(t!("journal-error-encode", error = e.to_string())))?;
        write_atomic(&self.path(&entry.client_token), &bytes, 0o600)
    }

    pub fn get(&self, token: &str) -> CliResult<Option<Entry>> {
        let path = self.path(token);
        if !path.exists() {
            return Ok(None);
        }
        read_entry(&path).map(Some)
    }

    /// Every entry, oldest first. A damaged file is an error naming it: it may hold an
    /// unfinished submission, so it is never skipped silently.
    pub fn entries(&self) -> CliResult<Vec<Entry>> {
        let read = match std::fs::read_dir(&self.dir) {
            Ok(read) => read,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => {
                return Err(CliError::failure(t!(
                    "journal-error-read-dir",
                    path = self.dir.display().to_string(),
                    error = e.to_string()
                )))
            }
        };
        let mut entries = Vec::new();
        for item in read.flatten() {
            let path = item.path();
            match path.extension().and_then(|e| e.to_str()) {
                Some("json") => entries.push(read_entry(&path)?),
                // A write interrupted by a crash leaves its temporary file; the entry itself
                // is whole (renames are atomic), so an hour-old one is only litter.
                Some("tmp") if is_stale(&item) => {
                    let _ = std::fs::remove_file(&path);
                }
                _ => {}
            }
        }
        entries.sort_by(|a, b| a.created_at.cmp(&b.created_at));
        Ok(entries)
    }

    /// The submission that created `refund_id`, if it was made from this machine.
    pub fn by_refund_id(&self, refund_id: &str) -> CliResult<Option<Entry>> {
        Ok(self
            .entries()?
            .into_iter()
            .find(|e| e.refund_id.as_deref() == Some(refund_id)))
    }

    /// Submits `body` exactly once as far as this journal can see: the entry is locked,
    /// written durably as pending (then `journaled` is called, before anything is sent),
    /// sent with its idempotency key, and its outcome recorded. The one place that order is
    /// kept, for single refunds and batches alike.
    pub fn submit(
        &self,
        client: &Client,
        console: &str,
        body: &RefundBody,
        journaled: impl FnOnce(),
    ) -> CliResult<Submission> {
        let token = body
            .client_token
            .clone()
            .ok_or_else(|| CliError::failure(t!("journal-error-no-key")))?;
        // Held until the outcome is recorded, so no other process resends this submission
        // while it is on its way, and the check below cannot race another writer.
        let _in_flight = self.lock(&token)?;
        if let Some(existing) = self.get(&token)? {
            // An entry is never overwritten: it may be the only record of a refund.
            return Ok(Submission::Exists(Box::new(existing)));
        }
        let mut entry = Entry::new(console.to_string(), body.clone())?;
        self.record(&entry)?;
        journaled();
        let error = match client.submit_refund(body) {
            Ok(r) if r.success && r.data.is_some() => {
                let refund_id = r.data.unwrap_or_default();
                entry.outcome = Outcome::Submitted;
                entry.refund_id = Some(refund_id.clone());
                entry.request_id = client.last_request_id();
                entry.updated_at = ConsoleTime::now().iso();
                let unrecorded = self.record(&entry).err();
                return Ok(Submission::Accepted {
                    refund_id,
                    unrecorded,
                });
            }
            Ok(r) => {
                let message = r.message.unwrap_or_default();
                entry.error = Some(message.clone());
                CliError::new(
                    crate::error::Exit::Refused,
                    t!("journal-not-accepted", reason = &message),
                )
            }
            Err(e) if e.outcome_unknown() => return Ok(Submission::Unknown(e)),
            Err(e) => {
                entry.error = Some(e.to_string());
                CliError::from(e)
            }
        };
        entry.outcome = Outcome::Refused;
        entry.updated_at = ConsoleTime::now().iso();
        let unrecorded = self.record(&entry).err();
        Ok(Submission::Refused { error, unrecorded })
    }

    /// Holds `token`'s submission for this process: while held, no other process resends
    /// it (an advisory lock on `<token>.lock`, released when the file is dropped).
    pub fn lock(&self, token: &str) -> CliResult<File> {
        let file = self.lock_file(token)?;
        file.lock().map_err(|e| {
            CliError::failure(t!("journal-error-lock", key = token, error = e.to_string()))
        })?;
        Ok(file)
    }

    /// The lock when no other process holds it; `None` while another is submitting.
    pub fn try_lock(&self, token: &str) -> CliResult<Option<File>> {
        let file = self.lock_file(token)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(file)),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(e)) => Err(CliError::failure(t!(
                "journal-error-lock",
                key = token,
                error = e.to_string()
            ))),
        }
    }

    fn lock_file(&self, token: &str) -> CliResult<File> {
        ensure_private_dir(&self.dir)?;
        let path = self.dir.join(format!("{token}.lock"));
        std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| {
                CliError::failure(t!(
                    "journal-error-open",
                    path = path.display().to_string(),
                    error = e.to_string()
                ))
            })
    }

    /// Finishes every pending submission made to `console` that no other process is still
    /// sending, resending each with its token. Also returns how many are pending for other
    /// consoles (or keys), which only those can finish.
    pub fn finish_pending(
        &self,
        client: &Client,
        console: &str,
    ) -> CliResult<(Vec<(Entry, Finished)>, usize)> {
        let mut done = Vec::new();
        let mut elsewhere = 0;
        for entry in self.entries()? {
            if entry.outcome != Outcome::Pending {
                continue;
            }
            if entry.console != console {
                elsewhere += 1;
                continue;
            }
            if let Some(finished) = self.finish_one(client, &entry.client_token)? {
                done.push(finished);
            }
        }
        Ok((done, elsewhere))
    }

    /// Resends one pending submission with its token and records what the console said,
    /// unless another process is still sending it or it is no longer pending. What is still
    /// unknown is not written: the entry stays as it was.
    pub fn finish_one(&self, client: &Client, token: &str) -> CliResult<Option<(Entry, Finished)>> {
        let Some(_lock) = self.try_lock(token)? else {
            return Ok(None);
        };
        // Read again under the lock: the owner may have recorded the outcome meanwhile.
        let Some(mut entry) = self.get(token)? else {
            return Ok(None);
        };
        if entry.outcome != Outcome::Pending {
            return Ok(None);
        }
        let finished = finish(client, &entry);
        match &finished {
            Finished::Submitted(id) => {
                entry.outcome = Outcome::Submitted;
                entry.refund_id = Some(id.clone());
                entry.request_id = client.last_request_id();
            }
            Finished::Refused(message) => {
                entry.outcome = Outcome::Refused;
                entry.error = Some(message.clone());
            }
            Finished::StillUnknown(_) => return Ok(Some((entry, finished))),
        }
        entry.updated_at = ConsoleTime::now().iso();
        self.record(&entry)?;
        Ok(Some((entry, finished)))
    }
}

fn is_stale(item: &std::fs::DirEntry) -> bool {
    item.metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > std::time::Duration::from_secs(3600))
}

fn read_entry(path: &Path) -> CliResult<Entry> {
    let text = std::fs::read(path).map_err(|e| {
        CliError::failure(t!(
            "journal-error-read-entry",
            path = path.display().to_string(),
            error = e.to_string()
        ))
    })?;
    serde_json::from_slice(&text).map_err(|e| {
        CliError::failure(t!(
            "journal-error-damaged",
            path = path.display().to_string(),
            error = e.to_string()
        ))
    })
}

/// Resends one pending submission. The console keeps client tokens for at least 24 hours; an
/// older entry is first looked for among the resource's refunds so it cannot be sent twice.
fn finish(client: &Client, entry: &Entry) -> Finished {
    let age_ms = ConsoleTime::parse(&entry.created_at)
        .map(|t| chrono::Utc::now().timestamp_millis() - t.millis())
        .unwrap_or(i64::MAX);
    if age_ms > 23 * 3600 * 1000 {
        let since = ConsoleTime::parse(&entry.created_at).map(|t| t.millis() - 60_000);
        let found = client.refund_status(&StatusRequest {
            resource_id: Some(entry.body.resource_id.clone()),
            page_size: Some(100),
            ..StatusRequest::default()
        });
        match found {
            Ok(page) => {
                if let Some(r) = page.data.iter().find(|r| {
                    r.create_time
                        .is_some_and(|t| since.is_some_and(|s| t.millis() >= s))
                }) {
                    return Finished::Submitted(r.refund_id.clone());
                }
            }
            Err(e) => return Finished::StillUnknown(e.to_string()),
        }
    }
    match client.submit_refund(&entry.body) {
        Ok(result) => match result.data {
            Some(id) if result.success => Finished::Submitted(id),
            _ => Finished::Refused(result.message.unwrap_or_else(|| t!("journal-refused"))),
        },
        Err(e) if !e.outcome_unknown() => Finished::Refused(e.to_string()),
        Err(e) => Finished::StillUnknown(e.to_string()),
    }
}
