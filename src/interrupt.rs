//! Ctrl-C: exit 130 and say what, if anything, was submitted. A command records what it is
//! doing in its context's [`PhaseCell`]; the handler, installed once per process for the
//! command being run, reads that cell when the signal comes.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use crate::t;

/// What a command has done so far, as far as a refund goes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Phase {
    /// Nothing has been sent that could create a refund.
    #[default]
    Nothing,
    /// A submission is on its way; its outcome is unknown until the console answers.
    /// `prefix` holds the global options a follow-up command needs (`--sandbox `…).
    Submitting {
        client_token: String,
        prefix: String,
    },
    /// The console accepted the refund.
    Submitted { refund_id: String, prefix: String },
    /// Following a refund that was submitted earlier.
    Watching { refund_id: String, prefix: String },
    /// Following several refunds; `resume` is what names them again (`RF1 RF2`, or
    /// `--batch-report FILE`).
    WatchingMany {
        count: usize,
        resume: String,
        prefix: String,
    },
    /// Submitting a batch (`refund --batch`): `submitted` of its `total` refunds are
    /// confirmed; the rest are pending, in flight or not sent yet.
    Batch {
        submitted: usize,
        total: usize,
        prefix: String,
    },
}

pub type PhaseCell = Arc<Mutex<Phase>>;

pub fn get(cell: &PhaseCell) -> Phase {
    cell.lock().map(|p| p.clone()).unwrap_or_default()
}

pub fn set(cell: &PhaseCell, phase: Phase) {
    if let Ok(mut p) = cell.lock() {
        *p = phase;
    }
}

pub fn message(phase: &Phase) -> String {
    match phase {
        Phase::Nothing => t!("interrupt-nothing"),
        Phase::Submitting {
            client_token,
            prefix,
        } => t!("interrupt-submitting", key = client_token, prefix = prefix),
        Phase::Submitted { refund_id, prefix } => {
            t!("interrupt-submitted", refund = refund_id, prefix = prefix)
        }
        Phase::Watching { refund_id, prefix } => {
            t!("interrupt-watching", refund = refund_id, prefix = prefix)
        }
        Phase::WatchingMany {
            count,
            resume,
            prefix,
        } => t!(
            "interrupt-watching-many",
            count = count,
            resume = resume,
            prefix = prefix
        ),
        Phase::Batch {
            submitted,
            total,
            prefix,
        } => t!(
            "interrupt-batch",
            submitted = submitted,
            total = total,
            prefix = prefix
        ),
    }
}

static WATCHED: OnceLock<PhaseCell> = OnceLock::new();
static EXITING: AtomicBool = AtomicBool::new(false);

/// Installs the handler once per process, reporting on `cell`.
pub fn install(cell: PhaseCell) {
    if WATCHED.set(cell).is_err() {
        return;
    }
    let _ = ctrlc::set_handler(|| {
        let phase = WATCHED.get().map(get).unwrap_or_default();
        exit_interrupted(&message(&phase));
    });
}

/// Says `text` and exits 130, once: a prompt that sees Ctrl-C and the signal handler may both
/// get here at the same moment, and only the first speaks.
pub fn exit_interrupted(text: &str) -> ! {
    if EXITING.swap(true, Ordering::SeqCst) {
        loop {
            std::thread::park();
        }
    }
    crate::printer::emergency(text);
    std::process::exit(crate::error::Exit::Interrupted as i32);
}
