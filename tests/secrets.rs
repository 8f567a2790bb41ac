//! Canary secrets: distinctive passwords, secret keys and session tokens are pushed through
//! every command (with `-v` and with `--json`) against a `sandbox serve` process, and must never
//! come out again: not on stdout or stderr, not in the journal, not in any config file other
//! than `credentials.toml`, not in a panic message, neither plain nor base64-encoded.
//!
//! Also: the credentials file is private (0600 in a 0700 directory) and refused when it is
//! not; secrets cannot be given as plain argv flags; the sandbox console listens on 127.0.0.1
//! only.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{Home, Run, ServeProcess};

const PW_CANARY: &str = "CANARY-PW-7f3a9";
const SK_CANARY: &str = "CANARY-SK-91bd2";
const TOKEN_CANARY: &str = "CANARY-TOKEN-c04e7";

const DEMO_KEY: &str = "AKSANDBOXDEMO0000001";
const PASSWORD: &str = "demo-password";
const FULL_ORDER: &str = "212611270000000101";
const PRORATED: &str = "i-demo0prort2";
const EXPIRED: &str = "i-demo0expd06";
const TECHNICAL: &str = "i-demo0tech10";

// ---- canaries ----

/// One secret and every form in which it could leak: as is, and base64 (standard and URL-safe)
/// at each of the three byte alignments it could have inside a longer encoded string.
struct Canary {
    name: &'static str,
    forms: Vec<String>,
}

impl Canary {
    fn new(name: &'static str, secret: &str) -> Canary {
        use base64::Engine;
        let mut forms = vec![secret.to_string()];
        let bytes = secret.as_bytes();
        for engine in [
            &base64::engine::general_purpose::STANDARD,
            &base64::engine::general_purpose::URL_SAFE,
        ] {
            for shift in 0..3usize {
                let mut input = vec![0u8; shift];
                input.extend_from_slice(bytes);
                let encoded = engine.encode(&input);
                // Characters that mix in the zero prefix, or the end's padding, are not the
                // secret's own: keep only those made of its bits alone.
                let skip = (shift * 8).div_ceil(6);
                let whole = (input.len() * 8) / 6;
                let core: String = encoded.chars().take(whole).skip(skip).collect();
                if core.len() >= 8 && !forms.contains(&core) {
                    forms.push(core);
                }
            }
        }
        Canary { name, forms }
    }

    /// The first form of this secret found in `text`.
    fn found_in(&self, text: &str) -> Option<&str> {
        self.forms
            .iter()
            .find(|f| text.contains(f.as_str()))
            .map(String::as_str)
    }
}

fn assert_clean(canaries: &[Canary], what: &str, text: &str) {
    for canary in canaries {
        if let Some(form) = canary.found_in(text) {
            panic!("{} leaked into {what} (as `{form}`):\n{text}", canary.name);
        }
    }
}

fn assert_run_clean(canaries: &[Canary], run: &Run) {
    assert!(
        !run.stderr.contains("panicked") && !run.stdout.contains("panicked"),
        "it panicked:{run}"
    );
    for canary in canaries {
        if let Some(form) = canary.found_in(&run.stdout) {
            panic!("{} leaked on stdout (as `{form}`):{run}", canary.name);
        }
        if let Some(form) = canary.found_in(&run.stderr) {
            panic!("{} leaked on stderr (as `{form}`):{run}", canary.name);
        }
    }
}

/// Every file under `dir`, recursively.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(read) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in read.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// No journal file, and no config file but `credentials.toml`, holds a canary.
fn assert_files_clean(home: &Home, canaries: &[Canary]) {
    for file in files_under(&home.state_dir()) {
        let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap_or_default()).to_string();
        assert_clean(canaries, &file.display().to_string(), &text);
    }
    for file in files_under(&home.config_dir()) {
        if file == home.credentials_path() {
            continue;
        }
        let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap_or_default()).to_string();
        assert_clean(canaries, &file.display().to_string(), &text);
    }
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// The stored profile's `(secret-key, session-token)`.
fn stored_session(home: &Home) -> (String, String) {
    let text = std::fs::read_to_string(home.credentials_path()).expect("credentials.toml");
    let file: toml::Table = toml::from_str(&text).expect("credentials.toml is TOML");
    let profile = &file["profiles"]["default"];
    (
        profile["secret-key"]
            .as_str()
            .expect("secret-key")
            .to_string(),
        profile["session-token"]
            .as_str()
            .expect("session-token")
            .to_string(),
    )
}

/// Rewrites the stored session's expiration (keeping the file's mode).
fn set_expiration(home: &Home, when: &str) {
    let path = home.credentials_path();
    let text = std::fs::read_to_string(&path).expect("credentials.toml");
    let mut file: toml::Table = toml::from_str(&text).expect("TOML");
    let profile = file
        .get_mut("profiles")
        .and_then(|p| p.get_mut("default"))
        .and_then(|p| p.as_table_mut())
        .expect("profiles.default");
    profile.insert("expiration".into(), toml::Value::String(when.into()));
    std::fs::write(&path, toml::to_string(&file).expect("encode")).expect("write");
}

// ---- the tour ----

/// Runs `args` against the serve process (`--endpoint URL` first), with `stdin` and `env`,
/// checks the exit code is one of `codes` and that no canary came out.
struct Tour<'a> {
    home: &'a Home,
    url: String,
    canaries: Vec<Canary>,
    runs: usize,
}

impl Tour<'_> {
    fn run_full(
        &mut self,
        args: &[&str],
        env: &[(&str, &str)],
        stdin: Option<&str>,
        codes: &[i32],
    ) -> Run {
        let mut all = vec!["--endpoint", self.url.as_str()];
        all.extend_from_slice(args);
        let run = self.home.run_with(&all, env, stdin);
        self.runs += 1;
        assert_run_clean(&self.canaries, &run);
        assert!(codes.contains(&run.code), "exit not in {codes:?}:{run}");
        run
    }

    fn run(&mut self, args: &[&str], codes: &[i32]) -> Run {
        self.run_full(args, &[], None, codes)
    }

    /// The command with `-v`, then with `--json`, then with both.
    fn each_way(&mut self, args: &[&str], codes: &[i32]) -> Vec<Run> {
        let mut runs = Vec::new();
        for flags in [&["-v"][..], &["--json"][..], &["-vv", "--json"][..]] {
            let mut all = flags.to_vec();
            all.extend_from_slice(args);
            runs.push(self.run(&all, codes));
        }
        runs
    }
}

#[test]
fn canary_secrets_never_come_out() {
    let home = Home::new();
    let serve = ServeProcess::start(&home.path("serve.sqlite3"), &["--speed", "200"]);
    let mut tour = Tour {
        home: &home,
        url: serve.url.clone(),
        canaries: vec![
            Canary::new("the password canary", PW_CANARY),
            Canary::new("the secret key canary", SK_CANARY),
            Canary::new("the session token canary", TOKEN_CANARY),
        ],
        runs: 0,
    };

    // A wrong password (the canary) for a real account: refused, and never echoed. Three
    // tries, under the sandbox's lockout of five.
    let login_pw = ["login", "--account", "demo", "--password-stdin"];
    for flags in [&["-v"][..], &["--json"][..], &["-v", "--json"][..]] {
        let mut args = flags.to_vec();
        args.extend_from_slice(&login_pw);
        let run = tour.run_full(&args, &[], Some(&format!("{PW_CANARY}\n")), &[4]);
        assert!(run.stderr.contains("error:"), "{run}");
    }

    // A wrong secret key (the canary) for the demo key id: checked, refused, not saved.
    let login_key = ["login", "--access-key-id", DEMO_KEY, "--secret-key-stdin"];
    for flags in [&["-v"][..], &["--json"][..]] {
        let mut args = flags.to_vec();
        args.extend_from_slice(&login_key);
        let run = tour.run_full(&args, &[], Some(&format!("{SK_CANARY}\n")), &[4]);
        assert!(run.stderr.contains("not saved"), "{run}");
    }
    if let Ok(text) = std::fs::read_to_string(home.credentials_path()) {
        assert_clean(&tour.canaries, "credentials.toml", &text);
    }

    // Canaries through the environment: a wrong secret key and a session token.
    tour.run_full(
        &["-v", "orders"],
        &[
            ("JDC_ACCESS_KEY", DEMO_KEY),
            ("JDC_SECRET_KEY", SK_CANARY),
            ("JDC_SESSION_TOKEN", TOKEN_CANARY),
        ],
        None,
        &[4],
    );
    tour.run_full(
        &["--json", "login", "--status"],
        &[
            ("JDC_ACCESS_KEY", DEMO_KEY),
            ("JDC_SECRET_KEY", SK_CANARY),
            ("JDC_SESSION_TOKEN", TOKEN_CANARY),
        ],
        None,
        &[0],
    );

    // A real login: its session token and temporary secret become canaries too (and the
    // password, though public, must not be echoed either).
    tour.run_full(
        &["-v", "login", "--account", "demo", "--password-stdin"],
        &[],
        Some(&format!("{PASSWORD}\n")),
        &[0],
    );
    let (secret, token) = stored_session(&home);
    assert!(secret.len() >= 16 && token.len() >= 16, "a real session");
    tour.canaries
        .push(Canary::new("the stored temporary secret key", &secret));
    tour.canaries
        .push(Canary::new("the stored session token", &token));
    tour.canaries.push(Canary::new("the password", PASSWORD));
    #[cfg(unix)]
    {
        assert_eq!(mode(&home.credentials_path()), 0o600, "credentials.toml");
        assert_eq!(mode(&home.config_dir()), 0o700, "the config directory");
    }

    tour.each_way(&["login", "--status"], &[0]);
    tour.each_way(&["orders"], &[0]);
    tour.each_way(&["orders", "show", FULL_ORDER], &[0]);
    tour.each_way(&["refund", "--order", FULL_ORDER, "--dry-run"], &[0]);
    let submitted = tour.run(
        &[
            "-v",
            "refund",
            "--order",
            FULL_ORDER,
            "--reason",
            "not-wanted",
            "--contact-phone",
            "13800000000",
            "--yes",
        ],
        &[0],
    );
    let refund_id = submitted.stdout.trim().to_string();
    assert!(refund_id.starts_with("RF"), "{submitted}");
    // The same order again: the console refuses (a refund is already under way).
    tour.each_way(
        &[
            "refund",
            "--order",
            FULL_ORDER,
            "--reason",
            "not-wanted",
            "--contact-phone",
            "13800000000",
            "--yes",
        ],
        &[5],
    );
    // Failing refunds: not refundable (console), an amount other than the quote (local).
    tour.each_way(
        &[
            "refund",
            "--resource-id",
            EXPIRED,
            "--reason",
            "not-wanted",
            "--contact-phone",
            "13800000000",
            "--yes",
        ],
        &[5],
    );
    tour.each_way(
        &[
            "refund",
            "--resource-id",
            PRORATED,
            "--amount",
            "1.00",
            "--reason",
            "not-wanted",
            "--contact-phone",
            "13800000000",
            "--yes",
        ],
        &[2],
    );
    // One that the console fails later: the troubleshooter shows ids, never secrets.
    let technical = tour.run(
        &[
            "--json",
            "refund",
            "--resource-id",
            TECHNICAL,
            "--reason",
            "not-wanted",
            "--contact-phone",
            "13800000000",
            "--yes",
        ],
        &[0],
    );
    let technical_id = technical.json()["refundId"]
        .as_str()
        .unwrap_or_else(|| panic!("no refundId:{technical}"))
        .to_string();
    tour.run(
        &[
            "-v",
            "status",
            &technical_id,
            "--watch",
            "--interval",
            "50ms",
            "--timeout",
            "20s",
        ],
        &[7],
    );
    tour.each_way(&["status", &technical_id], &[0]);
    tour.each_way(&["status"], &[0]);
    tour.each_way(&["status", &refund_id], &[0]);
    tour.run(&["-v", "refund", "remind", &refund_id], &[0, 5]);
    tour.run(&["-v", "refund", "cancel", &refund_id], &[0, 5]);
    tour.each_way(&["status", "RF2099010100001"], &[3]);
    tour.run(&["-v", "support"], &[0]);

    // An expired session: every command says so (exit 4), still without a secret.
    set_expiration(&home, "2020-01-01T00:00:00+08:00");
    for args in [
        &["orders"][..],
        &["status"][..],
        &["login", "--status"][..],
        &["refund", "--order", FULL_ORDER, "--dry-run"][..],
    ] {
        for run in tour.each_way(args, &[4]) {
            assert!(run.stderr.contains("expired"), "{run}");
        }
    }

    // Others can read the credentials: refused, with the chmod that fixes it.
    #[cfg(unix)]
    for loose in [0o644, 0o640, 0o604] {
        set_mode(&home.credentials_path(), loose);
        for flags in [&["-v"][..], &["--json"][..]] {
            let mut args = flags.to_vec();
            args.extend_from_slice(&["orders"]);
            let run = tour.run(&args, &[4]);
            assert!(run.stderr.contains("chmod 600"), "mode {loose:o}:{run}");
        }
        set_mode(&home.credentials_path(), 0o600);
    }

    tour.run(&["-v", "logout"], &[0]);
    assert_files_clean(&home, &tour.canaries);
    let journal = files_under(&home.journal_dir());
    assert!(
        journal
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "json")),
        "the submissions were journalled (so the journal was checked): {journal:?}"
    );
    let serve_log = std::fs::read_to_string(&serve.stderr_path).unwrap_or_default();
    assert_clean(&tour.canaries[..3], "the sandbox's stderr", &serve_log);
    assert!(tour.runs > 50, "{} runs", tour.runs);
}

#[test]
fn the_canaries_cover_base64() {
    use base64::Engine;
    let canary = Canary::new("x", SK_CANARY);
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    for prefix in ["", "a", "ab", "abc"] {
        let wrapped = b64(format!("{prefix}{SK_CANARY}:tail").as_bytes());
        assert!(
            canary.found_in(&wrapped).is_some(),
            "prefix {prefix:?}: {wrapped}"
        );
    }
    assert!(canary.found_in(&b64(b"something else entirely")).is_none());
}

// ---- secrets are never flags ----

#[test]
fn a_password_flag_does_not_exist() {
    let home = Home::new();
    let canaries = [Canary::new("the password canary", PW_CANARY)];
    for args in [
        &["login", "--account", "demo", "--password", PW_CANARY][..],
        &[
            "login",
            "--account",
            "demo",
            &format!("--password={PW_CANARY}"),
        ][..],
        &["--sandbox", "login", "--password", PW_CANARY][..],
    ] {
        let run = home.run(args);
        run.code(2);
        assert!(
            run.stderr.contains("unexpected argument '--password")
                || run.stderr.contains("unexpected argument"),
            "{run}"
        );
        assert_run_clean(&canaries, &run);
        assert!(!home.credentials_path().exists(), "{run}");
    }
}

#[test]
fn a_secret_key_flag_does_not_exist() {
    let home = Home::new();
    let canaries = [Canary::new("the secret key canary", SK_CANARY)];
    for args in [
        &[
            "login",
            "--access-key-id",
            DEMO_KEY,
            "--secret-key",
            SK_CANARY,
        ][..],
        &[
            "login",
            "--access-key-id",
            DEMO_KEY,
            &format!("--secret-key={SK_CANARY}"),
        ][..],
        &["--sandbox", "login", "--secret-key", SK_CANARY][..],
    ] {
        let run = home.run(args);
        run.code(2);
        assert!(run.stderr.contains("unexpected argument"), "{run}");
        assert_run_clean(&canaries, &run);
        assert!(!home.credentials_path().exists(), "{run}");
    }
}

// ---- private files ----

#[cfg(unix)]
#[test]
fn credentials_are_private_and_loose_ones_are_refused() {
    let home = Home::new();
    home.run_with(
        &[
            "--sandbox",
            "login",
            "--account",
            "demo",
            "--password-stdin",
        ],
        &[],
        Some(&format!("{PASSWORD}\n")),
    )
    .success();
    assert_eq!(mode(&home.credentials_path()), 0o600);
    assert_eq!(mode(&home.config_dir()), 0o700);
    let before = std::fs::read(home.credentials_path()).unwrap();

    set_mode(&home.credentials_path(), 0o644);
    for args in [
        &["--sandbox", "orders"][..],
        &["--sandbox", "login", "--status"][..],
        &["--sandbox", "logout"][..],
    ] {
        let run = home.run(args);
        run.code(4).one_error();
        assert!(
            run.stderr.contains("chmod 600")
                && run
                    .stderr
                    .contains(&home.credentials_path().display().to_string()),
            "{run}"
        );
    }
    assert_eq!(
        mode(&home.credentials_path()),
        0o644,
        "the tool does not silently fix (or hide) it"
    );
    assert_eq!(
        std::fs::read(home.credentials_path()).unwrap(),
        before,
        "nor rewrite it"
    );
    set_mode(&home.credentials_path(), 0o600);
    home.run(&["--sandbox", "login", "--status"]).success();
}

#[cfg(unix)]
#[test]
fn a_login_over_a_loose_directory_makes_it_private() {
    let home = Home::new();
    std::fs::create_dir_all(home.config_dir()).unwrap();
    set_mode(&home.config_dir(), 0o755);
    home.run_with(
        &[
            "--sandbox",
            "login",
            "--account",
            "demo",
            "--password-stdin",
        ],
        &[],
        Some(&format!("{PASSWORD}\n")),
    )
    .success();
    assert_eq!(mode(&home.config_dir()), 0o700);
    assert_eq!(mode(&home.credentials_path()), 0o600);
}

// ---- the sandbox is local ----

/// This machine's non-loopback addresses: `hostname -I`, else the address a UDP socket would
/// route from.
fn non_loopback_addresses() -> Vec<std::net::IpAddr> {
    let mut out = Vec::new();
    if let Ok(o) = std::process::Command::new("hostname").arg("-I").output() {
        for word in String::from_utf8_lossy(&o.stdout).split_whitespace() {
            if let Ok(ip) = word.parse::<std::net::IpAddr>() {
                out.push(ip);
            }
        }
    }
    if out.is_empty() {
        if let Ok(socket) = std::net::UdpSocket::bind("0.0.0.0:0") {
            if socket.connect("192.0.2.1:9").is_ok() {
                if let Ok(addr) = socket.local_addr() {
                    out.push(addr.ip());
                }
            }
        }
    }
    out.retain(|ip| !ip.is_loopback() && !ip.is_unspecified());
    out
}

#[test]
fn sandbox_serve_listens_on_loopback_only() {
    let home = Home::new();
    let serve = ServeProcess::start(&home.path("serve.sqlite3"), &[]);
    let url = reqwest::Url::parse(&serve.url).expect("a URL");
    assert_eq!(url.host_str(), Some("127.0.0.1"), "{}", serve.url);
    let port = url.port().expect("a port");
    // It does answer on loopback.
    std::net::TcpStream::connect(("127.0.0.1", port)).expect("loopback connects");
    let addresses = non_loopback_addresses();
    if addresses.is_empty() {
        eprintln!(
            "skipping the non-loopback half: this machine has no non-loopback address (`hostname -I` and a routed UDP socket found none)"
        );
        return;
    }
    for ip in addresses {
        let addr = std::net::SocketAddr::new(ip, port);
        let result = std::net::TcpStream::connect_timeout(&addr, Duration::from_secs(2));
        assert!(
            result.is_err(),
            "sandbox serve on port {port} is reachable at {addr}: it must listen on 127.0.0.1 only"
        );
    }
}
