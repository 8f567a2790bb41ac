//! The binary as a user runs it: `--sandbox orders`, `sandbox serve/info/reset`, bad input.

mod common;

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};

use assert_cmd::Command as Cmd;
use predicates::prelude::*;
use serde_json::Value;

/// The binary with its own sandbox state and config, and no credentials from the environment.
fn jdc(dir: &tempfile::TempDir) -> Cmd {
    let mut cmd = Cmd::new(common::bin());
    cmd.env("JDC_SANDBOX_STATE", dir.path().join("state.sqlite3"))
        .env("JDC_REFUND_CONFIG_DIR", dir.path().join("config"))
        .env("HOME", dir.path())
        .env_remove("JDC_ACCESS_KEY")
        .env_remove("JDC_SECRET_KEY")
        .env_remove("JDC_SESSION_TOKEN")
        .env_remove("JDC_ENDPOINT")
        .env_remove("JDC_SANDBOX")
        .env_remove("JDC_REGION")
        .env("NO_COLOR", "1");
    cmd
}

#[test]
fn sandbox_orders_lists_the_seeded_orders() {
    let dir = tempfile::tempdir().unwrap();
    let out = jdc(&dir).args(["--sandbox", "orders"]).assert().success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("ORDER"), "{stdout}");
    assert_eq!(
        lines.len(),
        11,
        "a header and the 10 seeded orders:\n{stdout}"
    );
    for case in [
        "i-demo0nrsn01",
        "i-demo0prort2",
        "i-demo0expd06",
        "REFUND_ALL",
        "NO_PAY",
        "POST_PAID",
    ] {
        assert!(stdout.contains(case), "{case} missing:\n{stdout}");
    }
    assert!(stdout.contains("102.35"));
}

#[test]
fn sandbox_env_var_works_like_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    jdc(&dir)
        .env("JDC_SANDBOX", "1")
        .arg("orders")
        .assert()
        .success()
        .stdout(predicate::str::contains("i-demo0nrsn01"));
}

#[test]
fn json_output_follows_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    for flags in [&["--output", "json"][..], &["--json"][..]] {
        let out = jdc(&dir)
            .arg("--sandbox")
            .arg("orders")
            .args(flags)
            .assert()
            .success();
        let json: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        assert_eq!(json["totalCount"], 10);
        let orders = json["orders"].as_array().unwrap();
        assert_eq!(orders.len(), 10);
        let first = orders
            .iter()
            .find(|o| o["resourceId"] == "i-demo0nrsn01")
            .unwrap();
        assert_eq!(
            first["actualFee"], "102.35",
            "money is a string with two decimals"
        );
        let created = first["createTime"].as_str().unwrap();
        assert!(
            created.ends_with("+08:00") && created.contains('T'),
            "{created}"
        );
        for key in [
            "orderNumber",
            "status",
            "payType",
            "chargeMode",
            "totalFee",
            "discountFee",
        ] {
            assert!(first.get(key).is_some(), "{key}");
        }
    }
}

#[test]
fn filters_and_pages() {
    let dir = tempfile::tempdir().unwrap();
    let json = |args: &[&str]| -> Value {
        let out = jdc(&dir)
            .args(["--sandbox", "--json", "orders"])
            .args(args)
            .assert()
            .success();
        serde_json::from_slice(&out.get_output().stdout).unwrap()
    };
    assert_eq!(json(&["--status", "paid"])["totalCount"], 8);
    assert_eq!(json(&["--pay-type", "POST_PAID"])["totalCount"], 1);
    assert_eq!(
        json(&["--resource-id", "i-demo0prort2"])["orders"][0]["resourceName"],
        "db-primary"
    );
    assert_eq!(json(&["--since", "30d"])["totalCount"], 8);
    let page2 = json(&["--page", "2", "--page-size", "3"]);
    assert_eq!(page2["orders"].as_array().unwrap().len(), 3);
    assert_eq!(json(&["--all"])["orders"].as_array().unwrap().len(), 10);
    // A range longer than the console's 366 days is split into windows.
    let long = json(&["--since", "2024-01-01", "--all"]);
    assert_eq!(long["orders"].as_array().unwrap().len(), 10);
    let long_page = json(&["--since", "2024-01-01", "--page-size", "4", "--page", "3"]);
    assert_eq!(long_page["orders"].as_array().unwrap().len(), 2);
}

#[test]
fn bad_input_is_one_line_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    for (args, needle) in [
        (&["--sandbox", "orders", "--status", "paidd"][..], "paidd"),
        (&["--sandbox", "orders", "--page-size", "500"][..], "500"),
        (&["--sandbox", "orders", "--page", "0"][..], "0"),
        (
            &["--sandbox", "orders", "--since", "yesterday-ish"][..],
            "yesterday-ish",
        ),
        (&["--sandbox", "--output", "jsn", "orders"][..], "jsn"),
        (&["--sandbox", "--region", "mars-1", "orders"][..], "mars-1"),
        (
            &["--sandbox", "--request-timeout", "0s", "orders"][..],
            "0s",
        ),
        (&["orders", "--endpoint", "http://example.com"][..], "https"),
        (&["orders", "--endpoint", "ftp://127.0.0.1"][..], "ftp"),
        (&["sandbox", "serve", "--faults", "boom=1"][..], "boom"),
        (&["sandbox", "serve", "--speed", "-1"][..], "-1"),
        (
            &[
                "--sandbox",
                "orders",
                "--since",
                "2026-11-01",
                "--until",
                "2026-10-01",
            ][..],
            "--since",
        ),
    ] {
        let out = jdc(&dir)
            .args(args)
            .env("JDC_ACCESS_KEY", "ak")
            .env("JDC_SECRET_KEY", "sk")
            .assert()
            .code(2);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(
            out.get_output().stdout.is_empty(),
            "{args:?}: nothing on stdout"
        );
    }
}

#[test]
fn without_credentials_it_says_how_to_log_in() {
    let dir = tempfile::tempdir().unwrap();
    jdc(&dir).arg("orders").assert().code(4).stderr(
        predicate::str::contains("--sandbox").and(predicate::str::contains("JDC_ACCESS_KEY")),
    );
}

#[test]
fn an_unreachable_console_is_exit_6() {
    let dir = tempfile::tempdir().unwrap();
    // A port nothing listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    jdc(&dir)
        .args([
            "orders",
            "--endpoint",
            &format!("http://127.0.0.1:{port}"),
            "--connect-timeout",
            "1s",
        ])
        .env("JDC_ACCESS_KEY", "ak")
        .env("JDC_SECRET_KEY", "sk")
        .assert()
        .code(6)
        .stderr(predicate::str::contains("3 attempts"));
}

#[test]
fn a_wrong_key_against_a_served_sandbox_is_exit_4() {
    let dir = tempfile::tempdir().unwrap();
    let serve = common::ServeProcess::start(&dir.path().join("served.sqlite3"), &[]);
    jdc(&dir)
        .args(["orders", "--endpoint", &serve.url])
        .env("JDC_ACCESS_KEY", "AKSANDBOXDEMO0000001")
        .env("JDC_SECRET_KEY", "wrong")
        .assert()
        .code(4)
        .stderr(predicate::str::contains("signature"));
    jdc(&dir)
        .args(["orders", "--endpoint", &serve.url])
        .env("JDC_ACCESS_KEY", "AKSANDBOXDEMO0000001")
        .env("JDC_SECRET_KEY", "sandbox-secret-key-do-not-use")
        .assert()
        .success()
        .stdout(predicate::str::contains("i-demo0nrsn01"));
}

#[test]
fn verbose_logs_requests_without_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let out = jdc(&dir)
        .args(["--sandbox", "-v", "orders"])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains("POST /v2/regions/cn-north-1/orders 200"),
        "{stderr}"
    );
    assert!(stderr.contains("request-id sbx-"), "{stderr}");
    assert!(!stderr.contains("sandbox-secret-key-do-not-use"));
}

#[test]
fn a_broken_pipe_is_success() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(common::bin())
        .args(["--sandbox", "orders", "--all"])
        .env("JDC_SANDBOX_STATE", dir.path().join("state.sqlite3"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one line, then hang up, as `| head -1` does.
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    drop(stdout);
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(status.success(), "{status:?} {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn sandbox_info_and_reset() {
    let dir = tempfile::tempdir().unwrap();
    let info = jdc(&dir).args(["sandbox", "info"]).assert().success();
    let text = String::from_utf8_lossy(&info.get_output().stdout).to_string();
    for needle in [
        "AKSANDBOXDEMO0000001",
        "mfa-demo",
        "arrears-demo",
        "212611270000000101",
        "INSUFFICIENT_BALANCE",
    ] {
        assert!(text.contains(needle), "{needle}: {text}");
    }
    jdc(&dir).args(["--sandbox", "orders"]).assert().success();
    assert!(dir.path().join("state.sqlite3").exists());
    jdc(&dir).args(["sandbox", "reset"]).assert().success();
    assert!(!dir.path().join("state.sqlite3").exists());
    let json = jdc(&dir)
        .args(["sandbox", "info", "--json"])
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&json.get_output().stdout).unwrap();
    assert_eq!(v["accessKey"], "AKSANDBOXDEMO0000001");
    assert_eq!(v["orders"].as_array().unwrap().len(), 12);
}

#[test]
fn help_lists_exit_codes_and_version_works() {
    let dir = tempfile::tempdir().unwrap();
    jdc(&dir)
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Exit codes").and(predicate::str::contains("130")));
    jdc(&dir)
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("jdc-refund "));
}

#[test]
fn serve_prints_the_url_first_and_stops_on_interrupt() {
    let dir = tempfile::tempdir().unwrap();
    let mut serve = common::ServeProcess::start(&dir.path().join("s.sqlite3"), &["--speed", "10"]);
    assert!(serve.url.starts_with("http://127.0.0.1:"));
    let pid = serve.child.id();
    let status = Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = serve.child.wait().unwrap();
    assert_eq!(exit.code(), Some(130));
}

#[cfg(unix)]
#[test]
fn credentials_readable_by_others_are_refused_with_the_fix() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    jdc(&dir)
        .args([
            "--sandbox",
            "login",
            "--account",
            "demo",
            "--password-stdin",
        ])
        .write_stdin("demo-password\n")
        .assert()
        .success();
    let path = dir.path().join("config/credentials.toml");
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    jdc(&dir)
        .args(["--sandbox", "login", "--status"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("chmod 600"));
}

#[test]
fn the_password_can_come_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    jdc(&dir)
        .args(["--sandbox", "login", "--account", "demo"])
        .env("JDC_PASSWORD", "demo-password")
        .assert()
        .success()
        .stderr(predicate::str::contains("Logged in as demo"));
}
