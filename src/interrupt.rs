//! Ctrl-C: exit 130 and say what, if anything, was submitted. Commands tell this module what
//! they are doing; the handler reads it when the signal comes.

use std::sync::Mutex;

/// What a command has done so far, as far as a refund goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    /// Nothing has been sent that could create a refund.
    Nothing,
    /// A submission is on its way; its outcome is unknown until the console answers.
    Submitting { client_token: String },
    /// The console accepted the refund.
    Submitted { refund_id: String },
}

static PHASE: Mutex<Phase> = Mutex::new(Phase::Nothing);

pub fn set(phase: Phase) {
    if let Ok(mut p) = PHASE.lock() {
        *p = phase;
    }
}

pub fn current() -> Phase {
    PHASE.lock().map(|p| p.clone()).unwrap_or(Phase::Nothing)
}

pub fn message(phase: &Phase) -> String {
    match phase {
        Phase::Nothing => "interrupted: nothing was submitted".into(),
        Phase::Submitting { client_token } => format!(
            "interrupted while submitting (idempotency key {client_token}): the outcome is unknown; run `jdc-refund status` to finish it, which never creates a second refund"
        ),
        Phase::Submitted { refund_id } => format!(
            "interrupted: refund {refund_id} was submitted; follow it with `jdc-refund status {refund_id} --watch`"
        ),
    }
}

/// Installs the handler once per process.
pub fn install() {
    let _ = ctrlc::set_handler(|| {
        let phase = PHASE.lock().map(|p| p.clone()).unwrap_or(Phase::Nothing);
        crate::printer::emergency(&message(&phase));
        std::process::exit(crate::error::Exit::Interrupted as i32);
    });
}
