//! The binary in Chinese, end to end: logging in (and failing to), `login --status`, clap's
//! usage errors, an unreachable console, a console that refuses, `sandbox info`, and which of
//! `--lang`, `JDC_LANG` and the locale wins.
//!
//! Each case runs the same command in English too and asserts the same exit code: the
//! language changes the words, never the outcome. Chinese stderr is checked for English left
//! behind: after taking out what stays as it is in every language (ids, flags, commands, URLs,
//! paths, amounts, request ids, status codes), no ASCII word of four letters or more may
//! remain.

mod common;

use common::{Home, Run};
use unicode_width::UnicodeWidthStr;

const ZH: &[(&str, &str)] = &[("LANG", "zh_CN.UTF-8")];
const PASSWORD: &str = "demo-password";
const ENV_KEYS: &[(&str, &str)] = &[
    ("JDC_ACCESS_KEY", "AKSANDBOXDEMO0000001"),
    ("JDC_SECRET_KEY", "sandbox-secret-key-do-not-use"),
];

/// Runs `args` in Chinese and in English (each in its own home, prepared by `setup`), asserts
/// both exit with `code`, and returns the Chinese run.
fn both(args: &[&str], env: &[(&str, &str)], stdin: Option<&str>, code: i32) -> Run {
    both_after(|_| {}, args, env, stdin, code)
}

fn both_after(
    setup: impl Fn(&Home),
    args: &[&str],
    env: &[(&str, &str)],
    stdin: Option<&str>,
    code: i32,
) -> Run {
    let english = Home::new();
    setup(&english);
    english.run_with(args, env, stdin).code(code);
    let chinese = Home::new();
    setup(&chinese);
    let mut zh_env = env.to_vec();
    zh_env.extend_from_slice(ZH);
    let run = chinese.run_with(args, &zh_env, stdin);
    run.code(code);
    run
}

/// The English words left in `text` once what every language keeps as it is has been taken
/// out: `known` (account names and the like), `code spans`, URLs, paths, flags, commands,
/// anything with a digit (ids, amounts, request ids, times), UPPER_CASE codes and
/// `name=value` pairs.
fn english_words(text: &str, known: &[&str]) -> Vec<String> {
    let mut text = text.to_string();
    for k in known {
        text = text.replace(k, " ");
    }
    // `...` spans: commands and values as typed.
    let mut plain = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            plain.push_str(part);
        }
        plain.push(' ');
    }
    let mut words = Vec::new();
    // Tokens: runs of ASCII that is not white space (anything else separates them).
    for token in plain.split(|c: char| !c.is_ascii() || c.is_ascii_whitespace()) {
        let keep_as_is = token.is_empty()
            || token.contains("://")
            || token.starts_with(['/', '-', '~', '.', '<'])
            || token.starts_with("jdc-refund")
            || token.chars().any(|c| c.is_ascii_digit())
            || token.contains(['_', '='])
            || !token.chars().any(|c| c.is_ascii_lowercase());
        if keep_as_is {
            continue;
        }
        for word in token.split(|c: char| !c.is_ascii_alphabetic()) {
            if word.len() >= 4 {
                words.push(word.to_string());
            }
        }
    }
    words
}

/// Asserts `text` (a stream of `run`) says nothing in English.
fn assert_chinese(run: &Run, text: &str, known: &[&str]) {
    let words = english_words(text, known);
    assert!(words.is_empty(), "English words {words:?} left in:{run}");
    assert!(
        text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "no Chinese at all in:{run}"
    );
}

/// One Chinese error line (`错误：...`), nothing on stdout, no English.
fn assert_chinese_error(run: &Run, known: &[&str]) {
    assert!(run.stdout.is_empty(), "stdout should be empty:{run}");
    assert!(
        run.stderr.trim_start().starts_with("错误："),
        "stderr should start with `错误：`:{run}"
    );
    assert_chinese(run, &run.stderr, known);
}

fn login(home: &Home, account: &str, env: &[(&str, &str)]) -> Run {
    home.run_with(
        &[
            "--sandbox",
            "login",
            "--account",
            account,
            "--password-stdin",
        ],
        env,
        Some(&format!("{PASSWORD}\n")),
    )
}

#[test]
fn the_checker_finds_english_and_lets_ids_flags_and_codes_through() {
    let said = "错误： 账号或密码不正确（UNAUTHENTICATED）：请运行 `jdc-refund login` 或加 \
        --sandbox（请求 ID：sbx-0a1b2c）http://127.0.0.1:1/v1 /tmp/x/credentials.toml ¥102.35 \
        requests=3 i-demo0nrsn01";
    assert_eq!(english_words(said, &[]), Vec::<String>::new());
    assert_eq!(
        english_words("错误： the console said: wrong password", &[]),
        ["console", "said", "wrong", "password"]
    );
    assert_eq!(english_words("已登录：demo", &[]), ["demo"]);
    assert!(english_words("已登录：demo", &["demo"]).is_empty());
}

// ---- login ----

#[test]
fn login_succeeds_in_chinese() {
    let args = [
        "--sandbox",
        "login",
        "--account",
        "demo",
        "--password-stdin",
    ];
    let run = both(&args, &[], Some("demo-password\n"), 0);
    assert!(run.stderr.contains("已登录：demo"), "{run}");
    assert!(run.stderr.contains("会话有效期至"), "{run}");
    assert_chinese(&run, &run.stderr, &["demo"]);
}

#[test]
fn a_wrong_password_is_said_in_chinese_with_the_request_id() {
    let args = [
        "--sandbox",
        "login",
        "--account",
        "demo",
        "--password-stdin",
    ];
    let run = both(&args, &[], Some("not-the-password\n"), 4);
    assert_chinese_error(&run, &["demo"]);
    assert!(run.stderr.contains("账号或密码不正确"), "{run}");
    assert!(run.stderr.contains("请求 ID：sbx-"), "{run}");
}

#[test]
fn the_console_s_own_words_are_shown_with_v() {
    let home = Home::new();
    let run = home.run_with(
        &[
            "--sandbox",
            "-v",
            "login",
            "--account",
            "demo",
            "--password-stdin",
        ],
        ZH,
        Some("not-the-password\n"),
    );
    run.code(4);
    assert!(
        run.stderr.contains("原文：wrong account or password"),
        "-v shows what the console said:{run}"
    );
    let error = run
        .stderr
        .lines()
        .find(|l| l.starts_with("错误："))
        .unwrap_or_else(|| panic!("no error line:{run}"));
    assert_chinese(&run, error, &[]);
}

#[test]
fn an_mfa_account_without_a_code_is_told_which_flag_to_add() {
    let args = [
        "--sandbox",
        "login",
        "--account",
        "mfa-demo",
        "--password-stdin",
    ];
    let run = both(&args, &[], Some("demo-password\n"), 4);
    assert_chinese_error(&run, &["mfa-demo"]);
    assert!(run.stderr.contains("--mfa-code"), "{run}");
    assert!(run.stderr.contains("MFA"), "{run}");
}

#[test]
fn a_wrong_mfa_code_is_said_in_chinese() {
    let args = [
        "--sandbox",
        "login",
        "--account",
        "mfa-demo",
        "--password-stdin",
        "--mfa-code",
        "111111",
    ];
    let run = both(&args, &[], Some("demo-password\n"), 4);
    assert_chinese_error(&run, &["mfa-demo"]);
    assert!(run.stderr.contains("验证码不正确"), "{run}");
}

#[test]
fn a_wrong_secret_key_is_not_saved() {
    let args = [
        "--sandbox",
        "login",
        "--access-key-id",
        "AKSANDBOXDEMO0000001",
        "--secret-key-stdin",
    ];
    let run = both(&args, &[], Some("wrong-secret\n"), 4);
    assert_chinese_error(&run, &[]);
    assert!(run.stderr.contains("访问密钥对未保存"), "{run}");
}

#[test]
fn login_status_lines_up_chinese_labels_by_terminal_columns() {
    let home = Home::new();
    login(&home, "demo", ZH).success();
    let run = home.run_with(&["--sandbox", "login", "--status"], ZH, None);
    run.success();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{run}");
    for label in ["账号：", "配置：", "密钥：", "来源：", "有效期至："] {
        assert!(
            lines.iter().any(|l| l.starts_with(label)),
            "no `{label}` line:{run}"
        );
    }
    // Where each value starts, in terminal columns: the same on every line.
    let columns: Vec<usize> = lines
        .iter()
        .map(|l| {
            let value = l.rfind("： ").map(|i| i + "： ".len()).unwrap_or(0);
            let value = value + l[value..].len() - l[value..].trim_start().len();
            l[..value].width()
        })
        .collect();
    assert!(
        columns.iter().all(|c| *c == columns[0]),
        "values start at columns {columns:?}:{run}"
    );
    assert!(run.stdout.contains("demo"), "{run}");
    assert_chinese(&run, &run.stdout, &["demo", "default"]);
    // English is unchanged.
    let en = home.run(&["--sandbox", "login", "--status"]);
    en.success();
    assert!(en.stdout.contains("Account:  demo"), "{en}");
}

#[test]
fn not_logged_in_is_said_in_chinese() {
    let run = both(&["login", "--status"], &[], None, 4);
    assert_chinese_error(&run, &["default"]);
    assert!(run.stderr.contains("尚未登录"), "{run}");
    assert!(run.stderr.contains("jdc-refund login"), "{run}");
}

// ---- clap's usage errors ----

#[test]
fn an_unknown_flag_is_said_in_chinese_with_exit_2() {
    let run = both(&["--sandbox", "orders", "--bogus"], &[], None, 2);
    assert_chinese_error(&run, &[]);
    assert!(run.stderr.contains("--bogus"), "{run}");
    assert!(run.stderr.contains("jdc-refund orders --help"), "{run}");
}

#[test]
fn a_misspelt_flag_gets_a_suggestion() {
    let run = both(
        &["--sandbox", "--regoin", "cn-north-1", "orders"],
        &[],
        None,
        2,
    );
    assert_chinese_error(&run, &[]);
    assert!(run.stderr.contains("--regoin"), "{run}");
    assert!(run.stderr.contains("--region"), "{run}");
}

#[test]
fn a_bad_region_names_the_flag_and_the_regions() {
    let run = both(&["--sandbox", "--region", "mars", "orders"], &[], None, 2);
    assert_chinese_error(&run, &[]);
    for needle in ["--region", "`mars`", "cn-north-1", "cn-east-2", "可选值"] {
        assert!(run.stderr.contains(needle), "lacks {needle:?}:{run}");
    }
}

#[test]
fn our_value_parsers_say_why_in_chinese() {
    let run = both(
        &["--sandbox", "login", "--account", "demo", "--session", "5m"],
        &[],
        Some("demo-password\n"),
        2,
    );
    assert_chinese_error(&run, &["demo"]);
    assert!(run.stderr.contains("--session"), "{run}");
    assert!(run.stderr.contains("15m"), "{run}");
}

#[test]
fn a_missing_value_and_an_unknown_command_are_said_in_chinese() {
    let run = both(&["login", "--account"], &[], None, 2);
    assert_chinese_error(&run, &[]);
    assert!(run.stderr.contains("jdc-refund login --help"), "{run}");
    let run = both(&["ordrs"], &[], None, 2);
    assert_chinese_error(&run, &["ordrs", "orders"]);
    let run = both(
        &["login", "--account", "a", "--access-key-id", "b"],
        &[],
        None,
        2,
    );
    assert_chinese_error(&run, &[]);
}

#[test]
fn help_and_version_stay_clap_s_english() {
    let home = Home::new();
    let help = home.run_with(&["login", "--help"], ZH, None);
    help.success();
    assert!(help.stdout.contains("Usage:"), "{help}");
    let version = home.run_with(&["--version"], ZH, None);
    version.success();
    assert!(version.stdout.starts_with("jdc-refund "), "{version}");
}

// ---- the console ----

#[test]
fn an_unreachable_console_is_said_in_chinese_with_exit_6() {
    let run = both(
        &[
            "--endpoint",
            "http://127.0.0.1:1",
            "--connect-timeout",
            "500ms",
            "orders",
        ],
        ENV_KEYS,
        None,
        6,
    );
    assert_chinese_error(&run, &[]);
    for needle in ["无法连接控制台", "127.0.0.1:1", "--endpoint", "已尝试 3 次"] {
        assert!(run.stderr.contains(needle), "lacks {needle:?}:{run}");
    }
}

#[test]
fn a_console_refusal_is_said_in_chinese_with_exit_5() {
    // A refund canceled once cannot be canceled again: the console says FAILED_PRECONDITION.
    let slow = [("JDC_SANDBOX_SPEED", "1")];
    let canceled = |home: &Home| {
        let submit = home.run_with(
            &[
                "--sandbox",
                "refund",
                "--order",
                "212611270000000101",
                "--reason",
                "not-wanted",
                "--contact-phone",
                "13800000000",
                "--yes",
            ],
            &slow,
            None,
        );
        submit.success();
        let id = submit.stdout.trim().to_string();
        home.run_with(&["--sandbox", "refund", "cancel", &id], &slow, None)
            .success();
        std::fs::write(home.path("refund-id"), id).unwrap();
    };
    let english = Home::new();
    canceled(&english);
    let id = std::fs::read_to_string(english.path("refund-id")).unwrap();
    english
        .run_with(&["--sandbox", "refund", "cancel", &id], &slow, None)
        .code(5);
    let chinese = Home::new();
    canceled(&chinese);
    let id = std::fs::read_to_string(chinese.path("refund-id")).unwrap();
    let mut env = slow.to_vec();
    env.extend_from_slice(ZH);
    let run = chinese.run_with(&["--sandbox", "refund", "cancel", &id], &env, None);
    run.code(5);
    assert_chinese_error(&run, &[]);
    for needle in [
        "当前状态不允许",
        "FAILED_PRECONDITION",
        "请求 ID：sbx-",
        "-v",
    ] {
        assert!(run.stderr.contains(needle), "lacks {needle:?}:{run}");
    }
}

#[test]
fn not_found_is_said_in_chinese_with_exit_3() {
    let run = both(
        &["--sandbox", "refund", "cancel", "RF2026010100099"],
        &[],
        None,
        3,
    );
    assert_chinese_error(&run, &[]);
    assert!(run.stderr.contains("找不到"), "{run}");
}

// ---- sandbox ----

#[test]
fn sandbox_info_is_in_chinese() {
    let run = both(&["sandbox", "info"], &[], None, 0);
    for needle in [
        "状态文件：",
        "密钥对：",
        "AKSANDBOXDEMO0000001",
        "mfa-demo",
        "MFA 验证码 246810",
        "订单号",
        "212611270000000101",
        "INSUFFICIENT_BALANCE",
    ] {
        assert!(run.stdout.contains(needle), "lacks {needle:?}:{run}");
    }
    let known = [
        "sandbox-secret-key-do-not-use",
        "demo-password",
        "arrears-demo",
        "mfa-demo",
        "demo",
    ];
    assert_chinese(&run, &run.stdout, &known);
    // The labels line up by terminal columns.
    let columns: Vec<usize> = run
        .stdout
        .lines()
        .take(3)
        .map(|l| {
            let value = l.find("： ").map(|i| i + "： ".len()).unwrap_or(0);
            let value = value + l[value..].len() - l[value..].trim_start().len();
            l[..value].width()
        })
        .collect();
    assert!(
        columns.iter().all(|c| *c == columns[0]),
        "values start at columns {columns:?}:{run}"
    );
}

// ---- which language ----

#[test]
fn the_lang_flag_beats_the_locale() {
    let home = Home::new();
    let run = home.run_with(&["--lang", "en", "login", "--status"], ZH, None);
    run.code(4).one_error().stderr_has(&["not logged in"]);
}

#[test]
fn jdc_lang_beats_the_locale() {
    let home = Home::new();
    let run = home.run_with(
        &["login", "--status"],
        &[("JDC_LANG", "zh"), ("LANG", "en_US.UTF-8")],
        None,
    );
    run.code(4);
    assert_chinese_error(&run, &["default"]);
}

#[test]
fn lc_all_beats_lang() {
    let home = Home::new();
    let run = home.run_with(
        &["login", "--status"],
        &[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")],
        None,
    );
    run.code(4).one_error().stderr_has(&["not logged in"]);
}

#[test]
fn the_lang_flag_also_says_usage_errors_in_chinese() {
    let home = Home::new();
    let run = home.run_with(&["--lang", "zh", "orders", "--bogus"], &[], None);
    run.code(2);
    assert_chinese_error(&run, &[]);
}
