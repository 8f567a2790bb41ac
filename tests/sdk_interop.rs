//! Interoperability with the OFFICIAL JD Cloud Python SDK.
//!
//! Installs `tests/sdk/requirements.txt` into a virtualenv under the cargo target directory
//! (`sdk-venv`, reused while the requirements file is unchanged), starts
//! `jdc-refund sandbox serve`, and runs `tests/sdk/interop.py` against it: five operations
//! through the SDK's own request classes and signer, plus one tampered request that must be 401.
//!
//! Needs `python3` (override with `JDC_REFUND_TEST_PYTHON`) and PyPI on the first run. It fails,
//! never skips, when the virtualenv cannot be made.

use std::fs::{self, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Output, Stdio};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

mod common;

use serde_json::Value;
use sha2::{Digest, Sha256};

const RESOURCE_ID: &str = "i-demo0nrsn01";
const ORDER_NUMBER: &str = "212611270000000101";
const REFUND_AMOUNT: &str = "102.35";

/// How long to wait for another test process that is installing the same venv.
const LOCK_WAIT: Duration = Duration::from_secs(15 * 60);
/// A lock file older than this is left over from a killed process.
const LOCK_STALE: Duration = Duration::from_secs(20 * 60);
const SCRIPT_TIMEOUT: Duration = Duration::from_secs(180);

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The cargo target directory (the parent of `CARGO_TARGET_TMPDIR`, i.e. `target/`).
fn target_dir() -> PathBuf {
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    tmp.parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| manifest_dir().join("target"))
}

fn venv_python(venv: &Path) -> PathBuf {
    if cfg!(windows) {
        venv.join("Scripts").join("python.exe")
    } else {
        venv.join("bin").join("python")
    }
}

/// The last `max` characters of a command's output, for failure messages.
fn tail(bytes: &[u8], max: usize) -> String {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim_end();
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= max {
        text.to_string()
    } else {
        let rest: String = chars[chars.len() - max..].iter().collect();
        format!("...{rest}")
    }
}

fn describe(what: &str, output: &Output) -> String {
    format!(
        "{what} failed ({}).\n--- stderr (tail) ---\n{}\n--- stdout (tail) ---\n{}",
        output.status,
        tail(&output.stderr, 4000),
        tail(&output.stdout, 2000)
    )
}

/// An exclusive lock file; removed on drop.
struct LockFile {
    path: PathBuf,
}

impl LockFile {
    fn acquire(path: &Path) -> LockFile {
        let started = Instant::now();
        loop {
            match OpenOptions::new().write(true).create_new(true).open(path) {
                Ok(mut f) => {
                    let _ = writeln!(f, "pid {}", std::process::id());
                    return LockFile {
                        path: path.to_path_buf(),
                    };
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let age = fs::metadata(path)
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|t| SystemTime::now().duration_since(t).ok());
                    if age.is_some_and(|a| a > LOCK_STALE) {
                        eprintln!("removing stale lock {}", path.display());
                        let _ = fs::remove_file(path);
                        continue;
                    }
                    if started.elapsed() > LOCK_WAIT {
                        panic!(
                            "gave up after {:?} waiting for {} (another test process installing \
                             the SDK venv?); delete it if no such process is running",
                            LOCK_WAIT,
                            path.display()
                        );
                    }
                    thread::sleep(Duration::from_millis(250));
                }
                Err(e) => panic!("cannot create lock file {}: {e}", path.display()),
            }
        }
    }
}

impl Drop for LockFile {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// Creates or reuses `target/sdk-venv` with the SDK installed; returns its python.
fn ensure_venv() -> PathBuf {
    let requirements = manifest_dir().join("tests/sdk/requirements.txt");
    let req_bytes = fs::read(&requirements)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", requirements.display()));
    let base_python =
        std::env::var("JDC_REFUND_TEST_PYTHON").unwrap_or_else(|_| "python3".to_string());
    let mut hasher = Sha256::new();
    hasher.update(&req_bytes);
    hasher.update(b"\0");
    hasher.update(base_python.as_bytes());
    let wanted = format!("{}\n", hex::encode(hasher.finalize()));

    let target = target_dir();
    fs::create_dir_all(&target)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", target.display()));
    let venv = target.join("sdk-venv");
    let marker = venv.join(".jdc-refund-requirements.sha256");
    let python = venv_python(&venv);
    let is_ready =
        || python.is_file() && fs::read_to_string(&marker).ok().as_deref() == Some(&wanted);
    if is_ready() {
        return python;
    }

    let _lock = LockFile::acquire(&target.join("sdk-venv.lock"));
    if is_ready() {
        return python; // another process finished the install while we waited
    }
    eprintln!(
        "installing the JD Cloud Python SDK into {} (first run, or requirements changed)",
        venv.display()
    );
    if venv.exists() {
        fs::remove_dir_all(&venv)
            .unwrap_or_else(|e| panic!("cannot remove stale venv {}: {e}", venv.display()));
    }
    let created = Command::new(&base_python)
        .arg("-m")
        .arg("venv")
        .arg(&venv)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run `{base_python} -m venv` (set JDC_REFUND_TEST_PYTHON to a Python 3 interpreter): {e}")
        });
    if !created.status.success() {
        panic!(
            "{}",
            describe(
                &format!("`{base_python} -m venv {}`", venv.display()),
                &created
            )
        );
    }
    let installed = Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "--no-input",
            "-r",
        ])
        .arg(&requirements)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {} -m pip: {e}", python.display()));
    if !installed.status.success() {
        panic!(
            "{}",
            describe(
                &format!(
                    "`pip install -r {}` into {}",
                    requirements.display(),
                    venv.display()
                ),
                &installed
            )
        );
    }
    let check = Command::new(&python)
        .args(["-c", "import jdcloud_sdk.core.signer, requests"])
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", python.display()));
    if !check.status.success() {
        panic!(
            "{}",
            describe("importing jdcloud_sdk from the new venv", &check)
        );
    }
    fs::write(&marker, &wanted)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", marker.display()));
    python
}

/// `host:port` from `http://host:port`.
fn endpoint(url: &str) -> &str {
    url.strip_prefix("http://")
        .unwrap_or_else(|| panic!("sandbox URL {url} is not http://"))
}

/// Runs a command to completion with a timeout, collecting its output.
fn run_with_timeout(mut cmd: Command, timeout: Duration) -> Output {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
    let mut out_pipe = child.stdout.take().expect("piped stdout");
    let mut err_pipe = child.stderr.take().expect("piped stderr");
    let out_thread = thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out_pipe.read_to_end(&mut buf);
        buf
    });
    let err_thread = thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err_pipe.read_to_end(&mut buf);
        buf
    });
    let started = Instant::now();
    let status: ExitStatus = loop {
        if let Some(status) = child.try_wait().expect("waiting for the interop script") {
            break status;
        }
        if started.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            let stderr = err_thread.join().unwrap_or_default();
            panic!(
                "{cmd:?} did not finish within {timeout:?}\n--- stderr (tail) ---\n{}",
                tail(&stderr, 4000)
            );
        }
        thread::sleep(Duration::from_millis(50));
    };
    Output {
        status,
        stdout: out_thread.join().unwrap_or_default(),
        stderr: err_thread.join().unwrap_or_default(),
    }
}

/// A JSON string or number as text (order numbers may come either way).
fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn field<'a>(v: &'a Value, path: &str) -> &'a Value {
    v.pointer(path)
        .unwrap_or_else(|| panic!("no {path} in {}", serde_json::to_string_pretty(v).unwrap()))
}

#[test]
fn official_python_sdk_talks_to_the_sandbox() {
    let python = ensure_venv();
    let dir = tempfile::tempdir().expect("temp dir");
    let sandbox = common::ServeProcess::start(&dir.path().join("state.sqlite3"), &[]);

    let script = manifest_dir().join("tests/sdk/interop.py");
    let mut cmd = Command::new(&python);
    cmd.arg(&script)
        .args(["--endpoint", endpoint(&sandbox.url), "--scheme", "http"])
        .args(["--order", ORDER_NUMBER, "--resource-id", RESOURCE_ID])
        .args(["--pin", "demo", "--verbose"])
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONIOENCODING", "utf-8");
    let output = run_with_timeout(cmd, SCRIPT_TIMEOUT);
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        panic!(
            "{}{}",
            describe("interop.py against the sandbox", &output),
            sandbox.stderr_tail()
        );
    }
    let out: Value = serde_json::from_str(stdout.trim()).unwrap_or_else(|e| {
        panic!(
            "interop.py stdout is not JSON ({e}):\n{stdout}\n--- stderr ---\n{}",
            tail(&output.stderr, 4000)
        )
    });
    println!("{}", serde_json::to_string_pretty(&out).unwrap());

    // The SDK's own request classes were used for all five operations.
    let native: Vec<String> = field(&out, "/native")
        .as_array()
        .expect("native is a list")
        .iter()
        .filter_map(text)
        .collect();
    for op in [
        "describeAccountAmount",
        "queryOrders",
        "queryOrder",
        "submitResourceRefund",
        "describeRefundStatus",
    ] {
        assert!(
            native.iter().any(|n| n == op),
            "{op} went through the generic fallback, not the SDK's class: {native:?}"
        );
    }

    // Balance: strings, as the real API.
    assert_eq!(
        field(&out, "/describeAccountAmount/totalAmount"),
        "88.00",
        "balance"
    );
    assert!(field(&out, "/describeAccountAmount/availableAmount").is_string());

    // List orders: the seeded refundable order is listed, every order is demo's.
    let list = field(&out, "/queryOrders/resultList")
        .as_array()
        .expect("resultList is a list");
    assert!(!list.is_empty(), "queryOrders listed nothing");
    assert!(
        list.iter()
            .any(|o| o.get("orderNumber").and_then(text).as_deref() == Some(ORDER_NUMBER)),
        "queryOrders does not list {ORDER_NUMBER}: {list:?}"
    );
    for order in list {
        assert_eq!(order.get("pin"), Some(&Value::from("demo")), "{order}");
    }
    let total = field(&out, "/queryOrders/totalCount").as_u64().unwrap();
    assert!(
        total >= list.len() as u64,
        "totalCount {total} < listed {}",
        list.len()
    );

    // Order detail, asked with includeDetail=True.
    assert_eq!(
        text(field(&out, "/queryOrder/order/orderNumber")).as_deref(),
        Some(ORDER_NUMBER)
    );
    let items = field(&out, "/queryOrder/order/orderItemDetails")
        .as_array()
        .expect("orderItemDetails is a list");
    assert!(
        items
            .iter()
            .any(|i| i.get("itemId").and_then(text).as_deref() == Some(RESOURCE_ID)),
        "order detail has no item {RESOURCE_ID}: {items:?}"
    );

    // Submit (SDK body: every optional field null, regionId included).
    let submit = field(&out, "/submitResourceRefund");
    assert_eq!(submit.get("success"), Some(&Value::Bool(true)), "{submit}");
    let refund_id = submit
        .get("data")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| panic!("submitResourceRefund returned no refund id: {submit}"))
        .to_string();

    // Status: the refund just submitted is there.
    let refunds = field(&out, "/describeRefundStatus/data")
        .as_array()
        .expect("describeRefundStatus data is a list");
    let refund = refunds
        .iter()
        .find(|r| r.get("refundId").and_then(text).as_deref() == Some(refund_id.as_str()))
        .unwrap_or_else(|| panic!("refund {refund_id} not in the status result: {refunds:?}"));
    assert_eq!(
        refund.get("resourceId").and_then(text).as_deref(),
        Some(RESOURCE_ID)
    );
    assert_eq!(
        refund.get("refundAmount").and_then(text).as_deref(),
        Some(REFUND_AMOUNT)
    );
    assert!(
        field(&out, "/describeRefundStatus/pageInfos/totalRecord")
            .as_u64()
            .is_some_and(|n| n >= 1),
        "totalRecord"
    );

    // A body changed after signing is refused.
    assert_eq!(
        field(&out, "/tamperedStatus").as_u64(),
        Some(401),
        "tampered request"
    );
    drop(sandbox);
}
