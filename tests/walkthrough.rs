//! The guided walkthrough, driven through the `Prompter` trait with scripted answers against
//! the in-process sandbox: every step, the typo correction, the invoice upload, declining at
//! the confirmation, Ctrl-C, logging in on the spot and the troubleshooter's resubmit offer.

use std::sync::{Arc, Mutex};

use clap::Parser;
use jdc_refund::cli::{Cli, Command};
use jdc_refund::commands::refund::SubmitArgs;
use jdc_refund::context::Context;
use jdc_refund::error::Exit;
use jdc_refund::prompt::{Scripted, ScriptedPrompter, Transcript};
use jdc_refund::walkthrough;
use serde_json::Value;

use Scripted::{Interrupt, No, Pick, Text, Yes};

fn text(t: &str) -> Scripted {
    Text(Some(t.to_string()))
}

fn enter() -> Scripted {
    Text(None)
}

struct Run {
    dir: tempfile::TempDir,
}

impl Run {
    fn new() -> Run {
        Run {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn args(&self, extra: &[&str]) -> Vec<String> {
        let d = self.dir.path();
        let mut args: Vec<String> = vec!["jdc-refund".into(), "--sandbox".into()];
        for (flag, path) in [
            ("--sandbox-state", d.join("s.db")),
            ("--config-dir", d.join("config")),
            ("--state-dir", d.join("state")),
        ] {
            args.push(flag.into());
            args.push(path.display().to_string());
        }
        args.extend(["--sandbox-speed".into(), "200".into()]);
        args.extend(extra.iter().map(|s| s.to_string()));
        args
    }

    /// Runs `refund EXTRA…` through the walkthrough with `answers`.
    fn refund(
        &self,
        extra: &[&str],
        answers: Vec<Scripted>,
    ) -> (Result<Exit, jdc_refund::error::CliError>, Transcript) {
        let mut argv = self.args(&["refund"]);
        argv.extend(extra.iter().map(|s| s.to_string()));
        let cli = Cli::try_parse_from(argv).unwrap();
        let Command::Refund(args) = cli.command else {
            unreachable!()
        };
        let mut ctx = Context::new(cli.global);
        let prompter = ScriptedPrompter::new(answers);
        let transcript: Arc<Mutex<Transcript>> = prompter.transcript.clone();
        ctx.prompter = Box::new(prompter);
        let submit: SubmitArgs = args.submit;
        let result = walkthrough::refund(&mut ctx, submit);
        let t = transcript.lock().unwrap().clone();
        (result, t)
    }

    /// The account's refunds, newest first, as `status --json` reports them.
    fn refunds(&self) -> Vec<Value> {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_jdc-refund"))
            .args(&self.args(&["--json", "status"])[1..])
            .env_remove("CI")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["refunds"].as_array().unwrap().clone()
    }
}

/// The answers for web-server-01 up to the confirmation.
fn happy_path_until_confirm() -> Vec<Scripted> {
    vec![
        Pick("web-server-01".into()),
        Yes,         // read the policy
        text("100"), // a typo: refused on the spot
        enter(),     // the pre-filled quote
        Pick("other".into()),
        text("moving to another region"),
        text("Li Lei"),
        text("12ab"), // not a phone number: asked again
        text("13800000000"),
        enter(), // no email
        Pick("Original".into()),
    ]
}

#[test]
fn the_whole_guide_to_success() {
    let run = Run::new();
    let mut answers = happy_path_until_confirm();
    answers.extend([Yes, Yes]); // submit, watch
    let (result, t) = run.refund(&[], answers);
    assert_eq!(result.unwrap(), Exit::Success);
    let asked = t.asked.join("\n");
    for question in [
        "Which order?",
        "I have read the policy",
        "Refund amount",
        "Reason for the refund",
        "Reason, in your words",
        "Contact name",
        "Contact phone",
        "Contact email",
        "Where should the money go?",
        "Submit this refund?",
        "Watch it until it finishes?",
    ] {
        assert!(asked.contains(question), "{question} not asked:\n{asked}");
    }
    assert!(
        t.rejected
            .iter()
            .any(|r| r.contains("¥100.00") && r.contains("¥102.35")),
        "the typo names both amounts: {:?}",
        t.rejected
    );
    assert!(t.rejected.iter().any(|r| r.contains("12ab")));
    let refunds = run.refunds();
    assert_eq!(refunds.len(), 1);
    assert_eq!(refunds[0]["status"], "SUCCESS");
    assert_eq!(refunds[0]["amount"], "102.35");
}

#[test]
fn declining_at_the_confirmation_submits_nothing() {
    let run = Run::new();
    let mut answers = happy_path_until_confirm();
    answers.push(No);
    let (result, t) = run.refund(&[], answers);
    assert_eq!(result.unwrap(), Exit::Success);
    assert_eq!(t.asked.last().unwrap(), "Submit this refund?");
    assert!(run.refunds().is_empty());
}

#[test]
fn ctrl_c_at_the_amount_submits_nothing() {
    let run = Run::new();
    let (result, _) = run.refund(&[], vec![Pick("web-server-01".into()), Yes, Interrupt]);
    let e = result.unwrap_err();
    assert_eq!(e.exit, Exit::Interrupted);
    assert!(e.message.contains("nothing was submitted"), "{}", e.message);
    assert!(run.refunds().is_empty());
}

#[test]
fn flags_are_not_asked_again() {
    let run = Run::new();
    let (result, t) = run.refund(
        &[
            "--order",
            "212611270000000101",
            "--contact-email",
            "li@example.com",
            "--contact-name",
            "Li",
            "--refund-to",
            "balance",
            "--amount",
            "102.35",
        ],
        vec![Yes, Pick("poor service".into()), enter(), No],
    );
    assert_eq!(result.unwrap(), Exit::Success);
    assert_eq!(
        t.asked,
        [
            "I have read the policy and the quote. Continue?",
            "Reason for the refund",
            "Contact phone (Enter to skip)",
            "Submit this refund?",
        ]
    );
}

#[test]
fn the_invoice_is_asked_for_and_uploaded() {
    let run = Run::new();
    let pdf = run.dir.path().join("invoice.pdf");
    std::fs::write(&pdf, b"%PDF-1.4 test invoice").unwrap();
    let txt = run.dir.path().join("notes.txt");
    std::fs::write(&txt, b"hello").unwrap();
    let answers = vec![
        Pick("build-runner".into()),
        Yes,
        text(&run.dir.path().join("missing.pdf").display().to_string()),
        text(&txt.display().to_string()),
        text(&pdf.display().to_string()),
        No, // no other document
        enter(),
        Pick("no longer wanted".into()),
        enter(),
        text("13800000000"),
        enter(),
        Pick("Original".into()),
        Yes,
        No, // do not watch
    ];
    let (result, t) = run.refund(&[], answers);
    assert_eq!(result.unwrap(), Exit::Success);
    assert!(t.asked.iter().any(|q| q.starts_with("Invoice file")));
    assert!(
        t.rejected.iter().any(|r| r.contains("no such file")),
        "{:?}",
        t.rejected
    );
    assert!(
        t.rejected.iter().any(|r| r.contains("not a PDF")),
        "{:?}",
        t.rejected
    );
    let refunds = run.refunds();
    assert_eq!(
        refunds.len(),
        1,
        "the console accepted it: the invoice was attached"
    );
    assert_eq!(refunds[0]["resourceId"], "i-demo0invc03");
}

#[test]
fn the_troubleshooter_offers_the_balance_and_does_it() {
    let run = Run::new();
    let answers = vec![
        Pick("batch-worker".into()),
        Yes,
        enter(),
        Pick("no longer wanted".into()),
        enter(),
        text("13800000000"),
        enter(),
        Pick("Original".into()),
        Yes, // submit
        Yes, // watch
        Yes, // resubmit to the balance
    ];
    let (result, t) = run.refund(&[], answers);
    assert_eq!(result.unwrap(), Exit::Success);
    assert!(t
        .asked
        .iter()
        .any(|q| q == "Resubmit to your account balance instead?"));
    let refunds = run.refunds();
    assert_eq!(refunds.len(), 2);
    assert_eq!(refunds[0]["status"], "SUCCESS");
    assert_eq!(refunds[0]["refundTo"], "balance");
    assert_eq!(refunds[1]["status"], "FAILED");
    assert_eq!(refunds[1]["failureCode"], "PAYMENT_METHOD_UNSUPPORTED");
}

#[test]
fn an_amount_mismatch_is_resubmitted_with_the_new_quote() {
    let run = Run::new();
    let answers = vec![
        Pick("gpu-lab".into()),
        Yes,
        enter(),
        Pick("no longer wanted".into()),
        enter(),
        enter(),
        text("li@example.com"),
        Pick("Original".into()),
        Yes,
        Yes,
        Yes, // resubmit with the new amount
    ];
    let (result, t) = run.refund(&[], answers);
    assert_eq!(result.unwrap(), Exit::Success);
    assert!(t
        .asked
        .iter()
        .any(|q| q.starts_with("Resubmit with the new amount ¥879.12")));
    let refunds = run.refunds();
    assert_eq!(refunds[0]["amount"], "879.12");
    assert_eq!(refunds[0]["status"], "SUCCESS");
}

#[test]
fn declining_the_offer_ends_with_exit_7() {
    let run = Run::new();
    let answers = vec![
        Pick("cache-node".into()),
        Yes,
        enter(),
        Pick("poor service".into()),
        enter(),
        text("13800000000"),
        enter(),
        Pick("Original".into()),
        Yes,
        Yes,
        No, // do not resubmit
    ];
    let (result, _) = run.refund(&[], answers);
    assert_eq!(result.unwrap(), Exit::RefundFailed);
    assert_eq!(run.refunds()[0]["failureCode"], "TECHNICAL_ERROR");
}

#[test]
fn not_logged_in_offers_to_log_in_on_the_spot() {
    let run = Run::new();
    // A served sandbox reached by --endpoint: no demo key, so the walkthrough must log in.
    let state = run.dir.path().join("served.db");
    let serve = common::ServeProcess::start(&state, &[]);
    let mut argv = run.args(&[]);
    argv.retain(|a| a != "--sandbox");
    argv.extend(["--endpoint".into(), serve.url.clone(), "refund".into()]);
    let cli = Cli::try_parse_from(argv).unwrap();
    let Command::Refund(args) = cli.command else {
        unreachable!()
    };
    let mut ctx = Context::new(cli.global);
    let prompter = ScriptedPrompter::new(vec![
        Yes, // log in now
        text("mfa-demo"),
        text("demo-password"),
        text("246810"), // MFA code, asked because the console wants one
        Pick("mfa-server".into()),
        No, // stop at the policy
    ]);
    let transcript = prompter.transcript.clone();
    ctx.prompter = Box::new(prompter);
    let result = walkthrough::refund(&mut ctx, args.submit);
    assert_eq!(result.unwrap(), Exit::Success);
    let t = transcript.lock().unwrap().clone();
    assert!(
        t.asked.iter().any(|q| q.starts_with("MFA code")),
        "{:?}",
        t.asked
    );
    let credentials =
        std::fs::read_to_string(run.dir.path().join("config/credentials.toml")).unwrap();
    assert!(credentials.contains("mfa-demo"));
}

mod common;

#[test]
fn the_coupon_share_is_offered_when_there_is_one() {
    let run = Run::new();
    let answers = vec![
        Pick("db-primary".into()),
        Yes,
        enter(),
        Pick("no longer wanted".into()),
        enter(),
        text("13800000000"),
        enter(),
        Pick("Original".into()),
        Yes, // the coupon share too
        Yes, // submit
        No,  // do not watch
    ];
    let (result, t) = run.refund(&[], answers);
    assert_eq!(result.unwrap(), Exit::Success);
    assert!(t
        .asked
        .iter()
        .any(|q| q.starts_with("Also refund the coupon share (¥")));
    let refunds = run.refunds();
    assert_eq!(refunds.len(), 1);
    assert_ne!(refunds[0]["split"]["coupon"], "0.00", "{:?}", refunds[0]);
}

#[test]
fn an_offline_payment_preselects_the_balance_and_succeeds() {
    let run = Run::new();
    let answers = vec![
        Pick("batch-worker".into()),
        Yes,
        enter(),
        Pick("no longer wanted".into()),
        enter(),
        text("13800000000"),
        enter(),
        Pick("Account balance".into()),
        Yes,
        Yes,
    ];
    let (result, _) = run.refund(&[], answers);
    assert_eq!(result.unwrap(), Exit::Success);
    let refunds = run.refunds();
    assert_eq!(refunds.len(), 1);
    assert_eq!(refunds[0]["refundTo"], "balance");
    assert_eq!(refunds[0]["status"], "SUCCESS");
}
