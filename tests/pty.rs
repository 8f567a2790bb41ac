//! The guided `refund` on a real pseudo-terminal (80×50): dialoguer's questions on stderr,
//! answered with typed keys, as a person would.
//!
//! Notes on driving dialoguer through a pty:
//! - `console` puts the terminal in raw mode only while it reads one key, and restores the
//!   (cooked, echo-off) mode in between. Keys that arrive in between wait in the line
//!   discipline, which is harmless for printable keys, Enter and Ctrl-C (SIGINT either way),
//!   but the cooked mode would swallow DEL (`\x7f`, the VERASE character) when nothing is
//!   buffered. So backspace is sent as Ctrl-H (`\x08`), which console also reads as
//!   Backspace and the line discipline passes through untouched.
//! - rexpect hands over each byte as a `char`, so UTF-8 output (`¥`, `✔`, Chinese) is
//!   matched by re-encoding the needle the same way; transcripts are decoded back.
//! - Set `JDC_PTY_TRANSCRIPTS=DIR` to keep each test's raw terminal output in DIR.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::Command;

use rexpect::error::Error as PtyError;
use rexpect::process::WaitStatus;
use rexpect::session::PtySession;
use serde_json::Value;

/// Per expectation; a whole walkthrough takes a few seconds.
const TIMEOUT_MS: u64 = 20_000;

const WEB_SERVER: &str = "212611270000000101";
const INVOICE_ORDER: &str = "212611260000000103";
const OFFLINE_ORDER: &str = "212611240000000104";

/// Backspace, as Ctrl-H (see the module notes).
const BACKSPACE: &str = "\x08";
const ENTER: &str = "\r";

/// One user's machine: sandbox state, config and journal in a temporary directory.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The environment of a person at a terminal: nothing inherited that could point the
    /// binary elsewhere or switch prompting off (`CI=true` is set on CI). English (`C.UTF-8`).
    fn environment(&self, cmd: &mut Command) {
        for var in [
            "CI",
            "JDC_NO_PROMPT",
            "JDC_ACCESS_KEY",
            "JDC_SECRET_KEY",
            "JDC_SESSION_TOKEN",
            "JDC_ENDPOINT",
            "JDC_SANDBOX",
            "JDC_REGION",
            "JDC_PROFILE",
            "CLICOLOR",
            "CLICOLOR_FORCE",
            "COLUMNS",
            "LINES",
            "LC_ALL",
            "LC_MESSAGES",
            "JDC_LANG",
            "XDG_CONFIG_HOME",
            "XDG_DATA_HOME",
        ] {
            cmd.env_remove(var);
        }
        cmd.env("JDC_SANDBOX_STATE", self.path("s.db"))
            .env("JDC_REFUND_CONFIG_DIR", self.path("c"))
            .env("JDC_REFUND_STATE_DIR", self.path("st"))
            .env("JDC_SANDBOX_SPEED", "100")
            .env("HOME", self.dir.path())
            .env("LANG", "C.UTF-8")
            .env("NO_COLOR", "1")
            .env("TERM", "xterm");
    }

    /// `jdc-refund ARGS` on a fresh 80×50 pseudo-terminal (stdin, stdout and stderr), in
    /// English.
    fn spawn(&self, args: &[&str]) -> Term {
        self.spawn_in("C.UTF-8", args)
    }

    /// `jdc-refund ARGS` on a fresh 80×50 pseudo-terminal with `LANG=locale`, as a person
    /// whose system speaks that language.
    fn spawn_in(&self, locale: &str, args: &[&str]) -> Term {
        // A new pty is 0×0: size it, then become the binary (same pid, so its exit status
        // is what rexpect waits for).
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg("stty rows 50 cols 80 && exec \"$0\" \"$@\"")
            .arg(env!("CARGO_BIN_EXE_jdc-refund"))
            .args(args);
        self.environment(&mut cmd);
        cmd.env("LANG", locale);
        let session = rexpect::session::spawn_command(cmd, Some(TIMEOUT_MS)).expect("pty spawns");
        Term {
            session,
            seen: Vec::new(),
            name: args.join(" "),
        }
    }

    /// `jdc-refund --sandbox status --json`, without a terminal: the refunds, newest first.
    fn refunds(&self) -> Vec<Value> {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_jdc-refund"));
        cmd.args(["--sandbox", "status", "--json"]);
        self.environment(&mut cmd);
        let out = cmd
            .stdin(std::process::Stdio::null())
            .output()
            .expect("status runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success(),
            "status --json failed ({}):\n{stdout}\n{stderr}",
            out.status
        );
        let v: Value = serde_json::from_str(&stdout)
            .unwrap_or_else(|e| panic!("status --json is not JSON ({e}):\n{stdout}\n{stderr}"));
        v["refunds"]
            .as_array()
            .unwrap_or_else(|| panic!("no refunds array:\n{stdout}"))
            .clone()
    }

    /// A small PDF to attach.
    fn invoice(&self) -> PathBuf {
        let path = self.path("invoice.pdf");
        std::fs::write(&path, b"%PDF-1.4\n% a test invoice\n%%EOF\n").expect("write invoice");
        path
    }
}

/// The terminal side of a running binary; everything read so far is kept for assertions.
struct Term {
    session: PtySession,
    seen: Vec<u8>,
    name: String,
}

/// rexpect turns each output byte into a `char`: back to the bytes.
fn raw(s: &str) -> Vec<u8> {
    s.chars().map(|c| c as u32 as u8).collect()
}

/// A needle in rexpect's byte-per-char form.
fn as_bytes_str(s: &str) -> String {
    s.bytes().map(char::from).collect()
}

/// Whether the cursor is hidden at the end of `output` (a hide with no show after it).
fn cursor_hidden(output: &[u8]) -> bool {
    let last = |needle: &[u8]| output.windows(needle.len()).rposition(|w| w == needle);
    match (last(b"\x1b[?25l"), last(b"\x1b[?25h")) {
        (Some(hide), Some(show)) => hide > show,
        (Some(_), None) => true,
        _ => false,
    }
}

impl Term {
    fn transcript(&self) -> String {
        String::from_utf8_lossy(&self.seen).to_string()
    }

    /// Waits for `needle`; returns the output up to and including it.
    fn expect(&mut self, needle: &str) -> String {
        match self.session.exp_string(&as_bytes_str(needle)) {
            Ok(before) => {
                let mut chunk = raw(&before);
                chunk.extend_from_slice(needle.as_bytes());
                self.seen.extend_from_slice(&chunk);
                String::from_utf8_lossy(&chunk).to_string()
            }
            Err(e) => self.fail(&format!("waiting for {needle:?}"), e),
        }
    }

    fn fail(&mut self, what: &str, e: PtyError) -> ! {
        let why = match &e {
            PtyError::Timeout { got, .. } => {
                self.seen.extend_from_slice(&raw(got));
                format!("nothing matched within {TIMEOUT_MS} ms")
            }
            PtyError::EOF { got, .. } => {
                self.seen.extend_from_slice(&raw(got));
                "the program ended".to_string()
            }
            other => other.to_string(),
        };
        self.keep();
        panic!(
            "jdc-refund {}: {what}: {why}\n--- terminal so far ---\n{}\n--- end ---",
            self.name,
            self.transcript()
        );
    }

    /// Types `keys` (all at once: console reads them one by one).
    fn keys(&mut self, keys: &str) {
        self.session.send(keys).expect("send keys");
        self.session.flush().expect("flush keys");
    }

    /// Waits for the question, then types the answer.
    fn answer(&mut self, question: &str, keys: &str) {
        self.expect(question);
        self.keys(keys);
    }

    /// Reads to the end; returns the rest of the output and the exit code.
    fn finish(&mut self) -> (String, i32) {
        let rest = match self.session.exp_eof() {
            Ok(rest) => raw(&rest),
            Err(e) => self.fail("waiting for the end", e),
        };
        self.seen.extend_from_slice(&rest);
        self.keep();
        let status = self.session.process().wait().expect("wait for the binary");
        let code = match status {
            WaitStatus::Exited(_, code) => code,
            WaitStatus::Signaled(_, signal, _) => 128 + signal as i32,
            other => panic!("unexpected wait status {other:?}"),
        };
        (String::from_utf8_lossy(&rest).to_string(), code)
    }

    /// Asserts the exit code, that nothing panicked, and that the cursor is left visible.
    fn exits_with(&mut self, expected: i32) -> String {
        let (rest, code) = self.finish();
        assert_eq!(
            code,
            expected,
            "jdc-refund {}: wrong exit code\n--- terminal ---\n{}\n--- end ---",
            self.name,
            self.transcript()
        );
        assert!(
            !self.transcript().contains("panicked"),
            "it panicked:\n{}",
            self.transcript()
        );
        assert!(
            !cursor_hidden(&self.seen),
            "the cursor is left hidden:\n{}",
            self.transcript()
        );
        rest
    }

    /// With `JDC_PTY_TRANSCRIPTS=DIR`, writes the raw output to DIR/<test>.raw.
    fn keep(&self) {
        let Some(dir) = std::env::var_os("JDC_PTY_TRANSCRIPTS") else {
            return;
        };
        let test = std::thread::current()
            .name()
            .unwrap_or("unnamed")
            .replace("::", "-");
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(Path::new(&dir).join(format!("{test}.raw")), &self.seen);
    }

    /// Step 2: types `filter` into the order search and takes the first match, which must
    /// be `order`.
    fn pick_order(&mut self, filter: &str, order: &str) {
        self.expect("Signed in as demo (sandbox).");
        self.answer("Which order?", filter);
        self.keys(ENTER);
        self.expect(&format!("Which order? · {order}"));
    }

    /// Step 3: reads the policy and goes on (Enter: the default is yes).
    fn accept_policy(&mut self) {
        self.answer("I have read the policy and the quote. Continue?", ENTER);
    }

    /// Step 7 after the amount: the first reason, a name and phone, no email, and where the
    /// money goes (`refund_to` keys, e.g. Enter for the original payment method).
    fn fill_in_after_amount(&mut self, refund_to: &str) {
        self.answer("Reason for the refund", ENTER);
        self.expect("Reason for the refund · 不想要了 no longer wanted");
        self.answer("Contact name", "Li Lei\r");
        self.answer("Contact phone (Enter to skip)", "13800000000\r");
        self.answer("Contact email (Enter to skip)", ENTER);
        self.answer("Where should the money go?", refund_to);
    }

    /// Step 8: submits; returns the refund id printed at step 9.
    fn submit(&mut self) -> String {
        self.answer("Submit this refund?", "y\r");
        self.expect("The application is recorded");
        let id = self.refund_id();
        self.expect("pending");
        id
    }

    /// The next `RF…` id in the output.
    fn refund_id(&mut self) -> String {
        match self.session.exp_regex(r"RF[0-9]+") {
            Ok((before, id)) => {
                self.seen.extend_from_slice(&raw(&before));
                self.seen.extend_from_slice(id.as_bytes());
                id
            }
            Err(e) => self.fail("waiting for a refund id", e),
        }
    }
}

fn only_refund(home: &Home) -> Value {
    let refunds = home.refunds();
    assert_eq!(refunds.len(), 1, "one refund expected: {refunds:#?}");
    refunds[0].clone()
}

#[test]
fn walkthrough_refunds_the_web_server() {
    let home = Home::new();
    let mut t = home.spawn(&["--sandbox", "refund"]);
    // Headers in one language: the English ones only.
    t.expect("━━ Preparation ━━");
    t.expect("1. Log in\r\n");
    t.pick_order("web-server", WEB_SERVER);
    t.accept_policy();
    t.expect("No documents are needed for this order.");
    t.expect(&format!("Refunding order {WEB_SERVER}"));
    // The amount is pre-filled with the quote: Enter takes it.
    t.answer("Refund amount (yuan)", ENTER);
    t.expect("Refund amount (yuan) · 102.35");
    t.fill_in_after_amount(ENTER);
    t.expect("Where should the money go? · Original payment method");
    t.expect("Amount:      ¥102.35");
    t.expect("Contact:     Li Lei, 13800000000");
    let id = t.submit();
    t.answer("Watch it until it finishes?", ENTER);
    t.expect("SUCCESS");
    t.expect("Done: ¥102.35 refunded to the original payment method.");
    t.exits_with(0);
    let screen = t.transcript();
    for header in [
        "2. Confirm the order\r\n",
        "8. Check, then submit\r\n",
        "━━ Submit the application ━━",
        "━━ Wait for the review ━━",
    ] {
        assert!(screen.contains(header), "no {header:?}:\n{screen}");
    }
    for chinese in ["准备工作", "确认订单信息", "提交退款申请", "等待审核结果"]
    {
        assert!(
            !screen.contains(chinese),
            "an English header carries {chinese}:\n{screen}"
        );
    }

    let refund = only_refund(&home);
    assert_eq!(refund["refundId"], id.as_str(), "{refund:#?}");
    assert_eq!(refund["status"], "SUCCESS", "{refund:#?}");
    assert_eq!(refund["orderNumber"], WEB_SERVER, "{refund:#?}");
    assert_eq!(refund["refundTo"], "original", "{refund:#?}");
}

/// The screen without terminal escapes (colours, cursor moves, hide/show) and carriage returns.
fn plain_text(screen: &str) -> String {
    let mut out = String::new();
    let mut chars = screen.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => match chars.next() {
                // CSI: parameters, then one final byte in @..~.
                Some('[') => {
                    for c in chars.by_ref() {
                        if ('@'..='~').contains(&c) {
                            break;
                        }
                    }
                }
                // OSC: up to BEL or ESC \.
                Some(']') => {
                    while let Some(c) = chars.next() {
                        if c == '\x07' || c == '\x1b' && chars.next_if_eq(&'\\').is_some() {
                            break;
                        }
                    }
                }
                _ => {}
            },
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// The English left on a screen: every ASCII word of four letters or more once what is not
/// language is taken out — terminal escapes, commands (`jdc-refund …` up to the closing
/// backtick or the end of the line), URLs and e-mail addresses, flags (`--yes`), and any
/// token holding a digit or a hyphen (ids, amounts, times, keys, and the sandbox's resource
/// names such as web-server-01 or i-demo0nrsn01). A token is a run of printable ASCII, so
/// Chinese text and full-width punctuation separate tokens.
fn english_words(screen: &str) -> Vec<String> {
    let mut words = Vec::new();
    for line in plain_text(screen).lines() {
        let mut line = line.to_string();
        while let Some(at) = line.find("jdc-refund") {
            let end = line[at..].find('`').map_or(line.len(), |i| at + i);
            line.replace_range(at..end, " ");
        }
        for token in line.split(|c: char| !c.is_ascii_graphic()) {
            if token.contains("://")
                || token.contains('@')
                || token.starts_with("--")
                || token.contains(|c: char| c.is_ascii_digit() || c == '-')
            {
                continue;
            }
            words.extend(
                token
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .filter(|w| w.len() >= 4)
                    .map(str::to_string),
            );
        }
    }
    words
}

#[test]
fn english_words_spares_ids_amounts_commands_and_resource_names() {
    let screen = "\x1b[1m━━ 准备工作 ━━\x1b[0m\r\n   订单 212611270000000101（资源 i-demo0nrsn01，web-server-01）\r\n   ¥102.35 RF2026112800001 可随时运行 `jdc-refund --sandbox status RF1` 查询\r\n   热线电话 400-615-1212（24/7） https://www.jdcloud.com/cn/support support@jdcloud.com --yes UTC+8\r\n";
    assert_eq!(english_words(screen), Vec::<String>::new());
    assert_eq!(
        english_words("已登录：demo (sandbox)。\r\n? Which order? › 是"),
        ["demo", "sandbox", "Which", "order"]
    );
}

/// The whole walkthrough for a person whose system speaks Chinese (`LANG=zh_CN.UTF-8`), on
/// an 80-column terminal, from signing in to a refund submitted and done: the guide's own
/// words for stages and steps, and no English on the screen.
#[test]
fn the_whole_walkthrough_in_chinese_shows_no_english() {
    let home = Home::new();
    let mut t = home.spawn_in("zh_CN.UTF-8", &["--sandbox", "refund"]);
    t.expect("━━ 准备工作 ━━");
    t.expect("1. 登录京东云控制台\r\n");
    t.expect("已登录：沙箱演示账号。");
    t.expect("2. 确认订单信息\r\n");
    t.expect("不可退款的订单：");
    t.answer("选择订单", "web-server");
    t.keys(ENTER);
    t.expect(&format!("选择订单 · {WEB_SERVER}"));
    t.expect("3. 了解退款政策\r\n");
    // The console's policy in Chinese (its textZh), then the quote.
    t.expect("退款政策（2026-10）：包年包月云主机");
    t.expect("可退款：¥102.35（付款后 5 天内无理由全额退款）");
    t.answer("已了解退款政策和报价，是否继续？", ENTER);
    t.expect("已了解退款政策和报价，是否继续？ · 是");
    t.expect("4. 准备相关资料\r\n");
    t.expect("该订单无需提供相关资料。");
    t.expect("5. 联系客服咨询\r\n");
    t.expect("热线电话 400-615-1212");
    t.expect("━━ 提交退款申请 ━━");
    t.expect("6. 进入退款页面\r\n");
    t.expect(&format!("正在为订单 {WEB_SERVER}"));
    t.expect("7. 填写退款信息\r\n");
    t.answer("退款金额（元）", ENTER);
    t.expect("退款金额（元） · 102.35");
    t.answer("退款原因", ENTER);
    t.expect("退款原因 · 不想要了");
    t.answer("联系人姓名（按回车跳过）", "李雷\r");
    t.answer("联系电话（按回车跳过）", "13800000000\r");
    t.answer("联系邮箱（按回车跳过）", ENTER);
    t.answer("退款去向", ENTER);
    t.expect("退款去向 · 原路退回");
    t.expect("8. 确认信息的准确性后提交\r\n");
    // The summary's values line up by terminal columns: a Chinese label is twice as wide as
    // its characters.
    t.expect("   订单号：     212611270000000101");
    t.expect("   资源：       i-demo0nrsn01（web-server-01）");
    t.expect("   退款金额：   ¥102.35（付款后 5 天内无理由全额退款）");
    t.expect("   退款去向：   原支付方式");
    t.expect("   退款原因：   不想要了");
    t.expect("   联系方式：   李雷、13800000000");
    t.expect("   相关资料：   无");
    t.answer("确认提交退款申请？", "y\r");
    t.expect("确认提交退款申请？ · 是");
    t.expect("━━ 等待审核结果 ━━");
    t.expect("9. 生成退款申请记录\r\n");
    let id = t.refund_id();
    t.expect("：¥102.35 退至原支付方式，待审核。");
    t.expect("10. 查询申请状态\r\n");
    t.answer("是否持续查看，直到处理完成？", ENTER);
    t.expect("11. 等待处理\r\n");
    t.expect("退款成功");
    t.expect("完成：¥102.35 已退至原支付方式。");
    t.exits_with(0);

    let screen = t.transcript();
    assert!(
        !screen.contains(" — "),
        "a bilingual header is left:\n{screen}"
    );
    let english = english_words(&plain_text(&screen));
    assert!(
        english.is_empty(),
        "English on a Chinese screen: {english:?}\n--- terminal ---\n{}",
        plain_text(&screen)
    );

    let refund = only_refund(&home);
    assert_eq!(refund["refundId"], id.as_str(), "{refund:#?}");
    assert_eq!(refund["status"], "SUCCESS", "{refund:#?}");
    assert_eq!(refund["orderNumber"], WEB_SERVER, "{refund:#?}");
}

/// Walks to the amount question and presses Ctrl-C there. Returns the terminal (ended) and
/// the output after Ctrl-C.
fn ctrl_c_at_the_amount(home: &Home) -> (Term, String) {
    let mut t = home.spawn(&["--sandbox", "refund"]);
    t.pick_order("web-server", WEB_SERVER);
    t.accept_policy();
    t.expect("Refund amount (yuan)");
    t.expect("102.35");
    let hidden = cursor_hidden(&t.seen);
    t.session.send_control('c').expect("send Ctrl-C");
    let rest = t.exits_with(130);
    assert!(
        rest.contains("nothing was submitted"),
        "Ctrl-C should say nothing was submitted:\n{}",
        t.transcript()
    );
    assert!(
        !rest.contains("Reason for the refund"),
        "no question after Ctrl-C:\n{}",
        t.transcript()
    );
    // dialoguer's Input leaves the cursor visible; should it hide it, Ctrl-C must show it.
    if hidden {
        assert!(
            rest.contains("\x1b[?25h"),
            "the cursor was hidden at Ctrl-C and is not shown again:\n{}",
            t.transcript()
        );
    }
    (t, rest)
}

#[test]
fn ctrl_c_at_the_amount_submits_nothing_and_exits_130() {
    let home = Home::new();
    ctrl_c_at_the_amount(&home);
    let refunds = home.refunds();
    assert!(refunds.is_empty(), "nothing was submitted: {refunds:#?}");
}

#[test]
fn ctrl_c_says_once_that_nothing_was_submitted() {
    // The race is between two threads of the binary: run it a dozen times.
    for _ in 0..12 {
        let home = Home::new();
        let (t, rest) = ctrl_c_at_the_amount(&home);
        assert_eq!(
            rest.matches("nothing was submitted").count(),
            1,
            "said once:\n{}",
            t.transcript()
        );
        assert!(
            !rest.contains("error: \r\n") && !rest.trim_end().ends_with("error:"),
            "a cut line:\n{}",
            t.transcript()
        );
    }
}

#[test]
fn ctrl_c_at_the_order_list_shows_the_cursor_again() {
    let home = Home::new();
    let mut t = home.spawn(&["--sandbox", "refund"]);
    t.expect("Which order?");
    t.expect("web-server-01");
    // FuzzySelect hides the cursor while the list is up.
    assert!(
        cursor_hidden(&t.seen),
        "the order list should hide the cursor:\n{}",
        t.transcript()
    );
    t.session.send_control('c').expect("send Ctrl-C");
    let rest = t.exits_with(130);
    assert!(
        rest.contains("\x1b[?25h"),
        "Ctrl-C should show the cursor again:\n{}",
        t.transcript()
    );
    assert!(
        rest.contains("nothing was submitted"),
        "Ctrl-C should say nothing was submitted:\n{}",
        t.transcript()
    );
    let refunds = home.refunds();
    assert!(refunds.is_empty(), "nothing was submitted: {refunds:#?}");
}

#[test]
fn the_invoice_order_asks_for_the_invoice_file() {
    let home = Home::new();
    let invoice = home.invoice();
    let mut t = home.spawn(&["--sandbox", "refund"]);
    t.pick_order("build-runner", INVOICE_ORDER);
    t.accept_policy();
    t.expect("The invoice for this order was issued, so it must be returned");
    // A wrong path is refused on the spot and the question asked again.
    let missing = home.path("no-such-invoice.pdf");
    t.answer(
        "Invoice file (PDF, PNG or JPEG; at most 5 MiB)",
        &format!("{}\r", missing.display()),
    );
    t.expect("no such file");
    t.answer(
        "Invoice file (PDF, PNG or JPEG; at most 5 MiB)",
        &format!("{}\r", invoice.display()),
    );
    t.answer("Add another document?", ENTER);
    t.expect("Add another document? · no");
    t.expect(&format!("Refunding order {INVOICE_ORDER}"));
    t.answer("Refund amount (yuan)", ENTER);
    t.fill_in_after_amount(ENTER);
    t.expect("Documents:   invoice.pdf");
    let id = t.submit();
    t.answer("Watch it until it finishes?", ENTER);
    t.expect("Done: ¥299.00 refunded to the original payment method.");
    t.exits_with(0);

    let refund = only_refund(&home);
    assert_eq!(refund["refundId"], id.as_str(), "{refund:#?}");
    assert_eq!(refund["orderNumber"], INVOICE_ORDER, "{refund:#?}");
    assert_eq!(refund["status"], "SUCCESS", "{refund:#?}");
}

#[test]
fn an_offline_payment_is_resubmitted_to_the_balance() {
    let home = Home::new();
    let mut t = home.spawn(&["--sandbox", "refund"]);
    t.pick_order("batch-worker", OFFLINE_ORDER);
    t.accept_policy();
    t.answer("Refund amount (yuan)", ENTER);
    // The balance is pre-selected for an offline payment; choose the original channel to
    // see the failure and the troubleshooter's offer.
    t.answer("Reason for the refund", ENTER);
    t.answer("Contact name", "Li Lei\r");
    t.answer("Contact phone (Enter to skip)", "13800000000\r");
    t.answer("Contact email (Enter to skip)", ENTER);
    t.expect("paid offline");
    t.answer("Where should the money go?", "Original\r");
    t.expect("Where should the money go? · Original payment method");
    let first = t.submit();
    t.answer("Watch it until it finishes?", ENTER);
    t.expect("FAILED");
    t.expect("PAYMENT_METHOD_UNSUPPORTED");
    t.answer("Resubmit to your account balance instead?", "y\r");
    let second = t.refund_id();
    assert_ne!(first, second, "a new refund:\n{}", t.transcript());
    t.expect("to your account balance, pending approval");
    t.expect("Done: ¥456.00 refunded to your account balance.");
    t.exits_with(0);

    let refunds = home.refunds();
    assert_eq!(refunds.len(), 2, "two refunds expected: {refunds:#?}");
    let (newest, older) = (&refunds[0], &refunds[1]);
    assert_eq!(newest["refundId"], second.as_str(), "{refunds:#?}");
    assert_eq!(newest["status"], "SUCCESS", "{refunds:#?}");
    assert_eq!(newest["refundTo"], "balance", "{refunds:#?}");
    assert_eq!(older["refundId"], first.as_str(), "{refunds:#?}");
    assert_eq!(older["status"], "FAILED", "{refunds:#?}");
    assert_eq!(older["refundTo"], "original", "{refunds:#?}");
    assert_eq!(
        older["failureCode"], "PAYMENT_METHOD_UNSUPPORTED",
        "{refunds:#?}"
    );
}

#[test]
fn a_typo_in_the_amount_is_refused_on_the_spot() {
    let home = Home::new();
    let mut t = home.spawn(&["--sandbox", "refund"]);
    t.pick_order("web-server", WEB_SERVER);
    t.accept_policy();
    t.expect("Refund amount (yuan)");
    t.expect("102.35");
    // Erase the pre-filled quote (more backspaces than characters) and type 100.
    t.keys(&BACKSPACE.repeat(10));
    t.keys("100\r");
    t.expect("differs from the quote");
    t.expect("¥102.35");
    // Asked again.
    t.expect("Refund amount (yuan)");
    t.keys(&BACKSPACE.repeat(10));
    t.keys("102.35\r");
    t.expect("Refund amount (yuan) · 102.35");
    t.fill_in_after_amount(ENTER);
    // The default is No: Enter declines.
    t.answer("Submit this refund?", ENTER);
    t.expect("Submit this refund? · no");
    let rest = t.exits_with(0);
    assert!(
        rest.contains("Nothing was submitted."),
        "declining should say so:\n{}",
        t.transcript()
    );
    let refunds = home.refunds();
    assert!(refunds.is_empty(), "nothing was submitted: {refunds:#?}");
}
