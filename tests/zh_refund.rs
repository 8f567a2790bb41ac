//! `refund` in Chinese, end to end: a user with `LANG=zh_CN.UTF-8` (or `JDC_LANG=zh`) who
//! refunds by flags, previews with `--dry-run`, gets a flag wrong, and runs a batch with bad
//! rows reads the guide's words (提交退款申请, 退款金额, 等待审核结果...) and no English, while
//! `--json`, `--report` and the exit codes are exactly what an English user gets.

mod common;

use common::{Home, Run, ServeProcess};
use serde_json::Value;

const FULL_ORDER: &str = "212611270000000101";
const FULL: &str = "i-demo0nrsn01";
const TECHNICAL: &str = "i-demo0tech10";
const PHONE: &str = "13800000000";

const DEMO_KEY: &str = "AKSANDBOXDEMO0000001";
const DEMO_SECRET: &str = "sandbox-secret-key-do-not-use";

#[derive(Clone, Copy, PartialEq)]
enum Lang {
    Zh,
    En,
}

/// The environment that picks the language. The common kit already sets `LANG=C.UTF-8`.
fn lang_env(lang: Lang) -> Vec<(&'static str, &'static str)> {
    match lang {
        Lang::Zh => vec![("LANG", "zh_CN.UTF-8")],
        Lang::En => vec![],
    }
}

fn run(home: &Home, lang: Lang, args: &[&str]) -> Run {
    home.run_with(args, &lang_env(lang), None)
}

/// `--sandbox refund` plus `args`.
fn refund(home: &Home, lang: Lang, args: &[&str]) -> Run {
    let mut all = vec!["--sandbox", "refund"];
    all.extend_from_slice(args);
    run(home, lang, &all)
}

/// Logs in to the sandbox with the password on stdin, as a script would.
fn login(home: &Home, lang: Lang) {
    home.run_with(
        &[
            "--sandbox",
            "login",
            "--account",
            "demo",
            "--password-stdin",
        ],
        &lang_env(lang),
        Some("demo-password\n"),
    )
    .success();
}

/// The English words left in `text` once everything that stays Latin in Chinese output is
/// taken out: text in backticks (commands and values a user types), flags and the value after
/// one, anything with a digit (ids, amounts, times, keys), file paths and file names,
/// `jdc-refund`, and all-capital codes (PDF, FILE). Words of three letters or fewer (MiB, sha)
/// are units and codes too.
fn english_words(text: &str) -> Vec<String> {
    let mut plain = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            plain.push_str(part);
            plain.push(' ');
        }
    }
    let mut words = Vec::new();
    let mut after_flag = false;
    for token in plain.split_whitespace() {
        let flag_value = std::mem::replace(&mut after_flag, false);
        let pieces: Vec<&str> = token
            .split(|c: char| !c.is_ascii())
            .filter(|p| !p.is_empty())
            .collect();
        for (i, piece) in pieces.iter().enumerate() {
            let whole = *piece == token;
            if (flag_value && i == 0 && token.starts_with(*piece)) || piece.starts_with('-') {
                // A flag (`--reason`), its value (`--reason other`), or a `-` table cell.
                after_flag = whole && piece.starts_with("--");
                continue;
            }
            let bare = piece.trim_end_matches(['.', ',', ':', ';', ')']);
            if bare.contains(|c: char| c.is_ascii_digit() || c == '/' || c == '@' || c == '.')
                || bare == "jdc-refund"
            {
                continue;
            }
            for word in bare.split(|c: char| !c.is_ascii_alphabetic()) {
                if word.len() >= 4 && !word.chars().all(|c| c.is_ascii_uppercase()) {
                    words.push(word.to_string());
                }
            }
        }
    }
    words
}

fn assert_no_english(what: &str, text: &str, run: &Run) {
    let words = english_words(text);
    assert!(
        words.is_empty(),
        "English words {words:?} in {what}:\n{text}\n--- the run:{run}"
    );
}

/// An error in Chinese: one `错误：` line on stderr, nothing on stdout. The message, without
/// its label.
fn one_error_zh(run: &Run) -> &str {
    assert!(run.stdout.is_empty(), "stdout should be empty:{run}");
    let message = run
        .stderr
        .trim()
        .strip_prefix("错误：")
        .unwrap_or_else(|| panic!("stderr should start with `错误：`:{run}"));
    assert!(!message.contains('\n'), "one line:{run}");
    message
}

fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The JSON with what differs between two runs taken out: refund ids and times, and, when
/// `messages` is set, the text of `error` (the same sentence a person reads on stderr, in
/// their language; whether there is one still has to match).
fn masked(v: &Value, messages: bool) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let v = match (k.as_str(), v) {
                        ("refundId", Value::String(_)) => Value::from("<refund id>"),
                        ("error", Value::String(_)) if messages => Value::from("<message>"),
                        _ => masked(v, messages),
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(|v| masked(v, messages)).collect()),
        Value::String(s) if looks_like_time(s) => Value::from("<time>"),
        other => other.clone(),
    }
}

/// `2026-11-28T01:32:23+08:00`.
fn looks_like_time(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 19 && b[4] == b'-' && b[7] == b'-' && b[10] == b'T' && b[13] == b':'
}

/// The same command in Chinese and in English (each in its own home): the same exit code.
fn both(args: &[&str]) -> (Run, Run) {
    let (zh_home, en_home) = (Home::new(), Home::new());
    let zh = refund(&zh_home, Lang::Zh, args);
    let en = refund(&en_home, Lang::En, args);
    assert_eq!(zh.code, en.code, "exit codes differ:{zh}{en}");
    (zh, en)
}

#[test]
fn the_english_word_check_catches_english_and_passes_what_stays_latin() {
    assert_eq!(
        english_words("error: the amount is wrong"),
        ["error", "amount", "wrong"]
    );
    assert!(english_words(
        "退款申请 RF2026112800001 已提交：¥102.35 退至原支付方式。可用 `jdc-refund --sandbox status RF1 --watch` 跟踪"
    )
    .is_empty());
    assert!(english_words("使用 --reason other 时必须提供 --reason-text：请说明").is_empty());
    assert!(english_words("缺少 --batch FILE（批量文件） /tmp/a/b.csv：共 invoice.pdf").is_empty());
    assert_eq!(english_words("资源 i-demo0nrsn01 is gone"), ["gone"]);
}

#[test]
fn a_scripted_refund_in_chinese_reads_chinese_and_its_json_is_the_english_json() {
    let zh = Home::new();
    let en = Home::new();
    login(&zh, Lang::Zh);
    login(&en, Lang::En);

    // 了解退款政策: the preview, then nothing submitted.
    let dry = refund(&zh, Lang::Zh, &["--order", FULL_ORDER, "--dry-run"]);
    dry.success()
        .stdout_has(&[
            &format!("资源 {FULL}（订单号 {FULL_ORDER}）"),
            "退款政策（",
            "包年包月云主机",
        ])
        .stderr_has(&["预览结束：未提交任何退款申请。"]);
    // The console's policy in its Chinese words alone.
    assert!(!dry.stdout.contains("Prepaid"), "{dry}");
    assert_no_english("stderr", &dry.stderr, &dry);
    assert_no_english("stdout", &dry.stdout, &dry);

    let en_dry = refund(&en, Lang::En, &["--order", FULL_ORDER, "--dry-run"]);
    assert_eq!(dry.code, en_dry.code);
    en_dry
        .stdout_has(&["Refund policy", "Prepaid"])
        .stderr_has(&["Dry run: nothing was submitted."]);

    // The same preview as JSON: the same keys and values in both languages.
    let args = ["--order", FULL_ORDER, "--dry-run", "--json"];
    let (zh_json, en_json) = (refund(&zh, Lang::Zh, &args), refund(&en, Lang::En, &args));
    assert_eq!(zh_json.code, en_json.code);
    assert_eq!(
        masked(&zh_json.success().json(), false),
        masked(&en_json.success().json(), false)
    );
    assert!(zh_json.stderr.is_empty(), "{zh_json}");

    // 提交退款申请 with --json: the application, as in English.
    let args = [
        "--order",
        FULL_ORDER,
        "--reason",
        "not-wanted",
        "--contact-phone",
        PHONE,
        "--yes",
        "--json",
    ];
    let (zh_json, en_json) = (refund(&zh, Lang::Zh, &args), refund(&en, Lang::En, &args));
    assert_eq!(zh_json.code, en_json.code);
    let zh_application = zh_json.success().json();
    assert_eq!(zh_application["status"], "PENDING_APPROVAL");
    assert_eq!(
        masked(&zh_application, false),
        masked(&en_json.success().json(), false)
    );

    // And by flags, as text: the id alone on stdout, the guide's words on stderr.
    let args = [
        "--resource-id",
        TECHNICAL,
        "--reason",
        "poor-service",
        "--contact-phone",
        PHONE,
        "--yes",
    ];
    let (zh_run, en_run) = (refund(&zh, Lang::Zh, &args), refund(&en, Lang::En, &args));
    assert_eq!(zh_run.code, en_run.code);
    zh_run.success().stderr_has(&[
        "正在提交退款申请：",
        &format!("资源 {TECHNICAL}"),
        "退款金额 ¥120.00",
        "退至原支付方式",
        "幂等键",
        "等待审核结果",
    ]);
    let id = zh_run.stdout.trim();
    assert!(
        id.starts_with("RF") && zh_run.stdout.lines().count() == 1,
        "{zh_run}"
    );
    assert_no_english("stderr", &zh_run.stderr, &zh_run);
    en_run.stderr_has(&["Submitting a refund of ¥120.00", "pending approval"]);
}

#[test]
fn remind_and_cancel_say_it_in_chinese() {
    let home = Home::new();
    // At normal speed the refund stays pending for 10 s: long enough to remind and cancel.
    let env = [("LANG", "zh_CN.UTF-8"), ("JDC_SANDBOX_SPEED", "1")];
    let sandbox = |args: &[&str]| {
        let mut all = vec!["--sandbox", "refund"];
        all.extend_from_slice(args);
        home.run_with(&all, &env, None)
    };
    let submitted = sandbox(&[
        "--order",
        FULL_ORDER,
        "--reason",
        "not-wanted",
        "--contact-phone",
        PHONE,
        "--yes",
    ]);
    let id = submitted.success().stdout.trim().to_string();
    let reminded = sandbox(&["remind", &id]);
    reminded.success().stdout_has(&["发送催办提醒", &id]);
    assert_no_english("stdout", &reminded.stdout, &reminded);
    let canceled = sandbox(&["cancel", &id]);
    canceled
        .success()
        .stdout_has(&[&format!("退款申请 {id} 当前状态：已撤销。")]);
    assert_no_english("stdout", &canceled.stdout, &canceled);
}

#[test]
fn jdc_lang_picks_chinese_too() {
    let home = Home::new();
    let run = home.run_with(
        &["--sandbox", "refund", "--order", FULL_ORDER, "--dry-run"],
        &[("JDC_LANG", "zh")],
        None,
    );
    run.success().stderr_has(&["未提交任何退款申请"]);
}

#[test]
fn bad_input_in_chinese_names_the_flag_and_exits_as_in_english() {
    let contact = ["--contact-phone", PHONE];
    let cases: Vec<(Vec<&str>, &[&str], &str)> = vec![
        // No --reason, no terminal to ask at.
        (
            [&["--order", FULL_ORDER][..], &contact, &["--yes"]].concat(),
            &["缺少 --reason（退款原因）", "`not-wanted`（不想要了）"],
            "--reason is required",
        ),
        (
            vec!["--order", FULL_ORDER, "--reason", "other", "--yes"],
            &["--reason other", "--reason-text"],
            "--reason-text is required",
        ),
        (
            vec!["--order", FULL_ORDER, "--reason", "not-wanted", "--yes"],
            &["缺少联系方式", "--contact-phone", "--contact-email"],
            "--contact-phone or --contact-email is required",
        ),
        (
            [
                &["--order", FULL_ORDER, "--reason", "not-wanted"][..],
                &contact,
            ]
            .concat(),
            &["须加 --yes", "--dry-run"],
            "--yes is required",
        ),
        (
            [&["--reason", "not-wanted"][..], &contact, &["--yes"]].concat(),
            &["缺少 --order（订单号）"],
            "--order or --resource-id is required",
        ),
        (
            [
                &["--order", FULL_ORDER, "--reason", "not-wanted"][..],
                &contact,
                &["--yes", "--amount", "99.00"],
            ]
            .concat(),
            &["--amount 99.00", "报价 102.35", "不符"],
            "differs from the console's quote",
        ),
        (
            [
                &["--order", FULL_ORDER, "--reason", "not-wanted"][..],
                &contact,
                &["--yes", "--attach", "/no/such/invoice.pdf"],
            ]
            .concat(),
            &["--attach /no/such/invoice.pdf：文件不存在"],
            "no such file",
        ),
    ];
    for (args, chinese, english) in cases {
        let (zh, en) = both(&args);
        zh.code(2).stderr_has(chinese);
        en.code(2).one_error().stderr_has(&[english]);
        let message = one_error_zh(&zh);
        assert!(has_chinese(message), "{zh}");
        assert_no_english("stderr", message, &zh);
    }
}

/// A batch file in `home`: a good row, a phone that is not one, a row naming both an order
/// and a resource.
fn bad_batch(home: &Home) -> String {
    let path = home.path("batch.csv");
    std::fs::write(
        &path,
        format!(
            "order,resource_id,contact_phone\n{FULL_ORDER},,\n,{TECHNICAL},call me\n{FULL_ORDER},{FULL},\n"
        ),
    )
    .unwrap();
    path.display().to_string()
}

fn batch(home: &Home, lang: Lang, extra: &[&str]) -> Run {
    let file = bad_batch(home);
    let mut args = vec![
        "--sandbox",
        "refund",
        "--batch",
        &file,
        "--reason",
        "not-wanted",
        "--contact-phone",
        PHONE,
    ];
    args.extend_from_slice(extra);
    run(home, lang, &args)
}

#[test]
fn a_batch_with_bad_rows_names_their_lines_in_chinese() {
    let (zh, en) = (Home::new(), Home::new());

    // Stopped before anything is sent, naming the first bad line and the others.
    let stopped = batch(&zh, Lang::Zh, &["--yes"]);
    let en_stopped = batch(&en, Lang::En, &["--yes"]);
    assert_eq!(stopped.code, en_stopped.code);
    one_error_zh(&stopped);
    stopped.code(2).stderr_has(&[
        "第 3 行：`contact_phone` 列：`call me` 不是有效的电话号码",
        "另有 1 行无效：第 4 行",
        "未提交任何退款申请",
        "--skip-invalid",
    ]);
    assert_no_english("stderr", &stopped.stderr, &stopped);
    en_stopped.stderr_has(&["line 3: contact_phone: `call me` is not a phone number"]);

    // The preview: a table with Chinese headers and statuses.
    let dry = batch(&zh, Lang::Zh, &["--dry-run"]);
    let en_dry = batch(&en, Lang::En, &["--dry-run"]);
    assert_eq!(dry.code, en_dry.code);
    dry.code(2)
        .stdout_has(&["行号", "订单号", "退款金额", "状态", "可提交", "无效"])
        .stderr_has(&[
            "预览结束：未提交任何退款申请。共 3 行，其中 1 行可提交，退款金额合计 ¥102.35。",
        ]);
    assert_no_english("stdout", &dry.stdout, &dry);
    assert_no_english("stderr", &dry.stderr, &dry);

    // --json and --report are data: the same in both languages but for the sentences.
    let report_zh = zh.path("report.csv").display().to_string();
    let report_en = en.path("report.csv").display().to_string();
    let json = batch(
        &zh,
        Lang::Zh,
        &["--dry-run", "--json", "--report", &report_zh],
    );
    let en_json = batch(
        &en,
        Lang::En,
        &["--dry-run", "--json", "--report", &report_en],
    );
    assert_eq!(json.code, en_json.code);
    let rows = json.json();
    assert_eq!(masked(&rows, true), masked(&en_json.json(), true));
    assert_eq!(rows[0]["status"], "ready");
    assert_eq!(rows[1]["status"], "invalid");
    assert!(has_chinese(rows[1]["error"].as_str().unwrap()), "{json}");
    let report = std::fs::read_to_string(&report_zh).unwrap();
    let en_report = std::fs::read_to_string(&report_en).unwrap();
    assert_eq!(
        report.lines().next(),
        Some("line,order,resource_id,refund_id,amount,status,idempotency_key,error")
    );
    assert_eq!(report.lines().next(), en_report.lines().next());
    let statuses = |text: &str| -> Vec<String> {
        text.lines()
            .skip(1)
            .map(|l| l.split(',').nth(5).unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(statuses(&report), ["ready", "invalid", "invalid"]);
    assert_eq!(statuses(&report), statuses(&en_report));

    // --skip-invalid: the good row is submitted, the others named, exit 2 as in English.
    let done = batch(&zh, Lang::Zh, &["--yes", "--skip-invalid"]);
    let en_done = batch(&en, Lang::En, &["--yes", "--skip-invalid"]);
    assert_eq!(done.code, en_done.code);
    done.code(2)
        .stdout_has(&["已提交", FULL_ORDER])
        .stderr_has(&[
            "第 3 行：",
            "（已跳过）",
            // (the summary is wrapped at 78 columns, so in two pieces)
            "共 3 行，已提交 1 行，无效并已跳过 2 行；",
            "退款金额合计 ¥102.35。",
            "已跳过 2 行无效数据（第 3、4 行）；其余各行已提交",
        ]);
    assert_no_english("stdout", &done.stdout, &done);
    assert_no_english("stderr", &done.stderr, &done);
    en_done.stderr_has(&["2 invalid row(s) skipped (lines 3, 4)"]);
}

#[test]
fn an_interrupted_batch_says_how_far_it_got_in_chinese() {
    const ROWS: usize = 30;
    let home = Home::new();
    let state = home.path("served.sqlite3");
    let serve = ServeProcess::start(&state, &["--seed-orders", "30", "--faults", "latency=50ms"]);
    let file = home.path("thirty.csv");
    let mut text = String::from("resource_id\n");
    for n in 1..=ROWS {
        text.push_str(&format!("i-load{n:08}\n"));
    }
    std::fs::write(&file, text).unwrap();
    let file = file.display().to_string();
    let mut child = home
        .command()
        .args([
            "refund",
            "--endpoint",
            &serve.url,
            "--batch",
            &file,
            "--reason",
            "not-wanted",
            "--contact-phone",
            PHONE,
            "--yes",
            "--concurrency",
            "2",
        ])
        .envs([
            ("JDC_ACCESS_KEY", DEMO_KEY),
            ("JDC_SECRET_KEY", DEMO_SECRET),
            ("LANG", "zh_CN.UTF-8"),
        ])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary starts");
    // A few submissions journaled: the batch is under way, the handler installed.
    let started = std::time::Instant::now();
    while home.journal_files().len() < 4 {
        assert!(
            child.try_wait().expect("try_wait").is_none(),
            "the batch ended early"
        );
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "fewer than 4 submissions after 20 s"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let status = child.wait().expect("wait");
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().expect("stderr"), &mut stderr)
        .expect("stderr");
    assert_eq!(status.code(), Some(130), "{stderr}");
    assert!(
        stderr.contains("已中断：本批 30 笔退款中已提交")
            && stderr.contains("请再次运行同一条命令"),
        "{stderr}"
    );
    let words = english_words(&stderr);
    assert!(words.is_empty(), "English words {words:?} in:\n{stderr}");
}

#[test]
fn a_failed_refund_shows_the_guides_common_problems_in_chinese() {
    let home = Home::new();
    let submitted = refund(
        &home,
        Lang::Zh,
        &[
            "--order",
            "212611240000000109",
            "--reason",
            "not-wanted",
            "--contact-phone",
            PHONE,
            "--yes",
        ],
    );
    let id = submitted.success().stdout.trim().to_string();
    // The sandbox recalculates this order's amount after submission: AMOUNT_MISMATCH.
    let watched = run(
        &home,
        Lang::Zh,
        &["--sandbox", "status", &id, "--watch", "--interval", "100ms"],
    );
    watched.code(7).stdout_has(&[
        "退款失败",
        "常见问题：退款金额不符（AMOUNT_MISMATCH）",
        "可能原因：",
        "解决方法：",
        &format!("refund resubmit {id} --amount 879.12"),
    ]);
    // The fix command is typed as it is; every other line is Chinese.
    let prose: Vec<&str> = watched
        .stdout
        .lines()
        .filter(|l| !l.contains("jdc-refund "))
        .collect();
    assert_no_english("stdout", &prose.join("\n"), &watched);
    assert_no_english("stderr", &watched.stderr, &watched);
    // The same refund in English: the same exit code, the troubleshooter's own words.
    let en = run(&home, Lang::En, &["--sandbox", "status", &id]);
    en.success()
        .stdout_has(&["Troubleshooter", "AMOUNT_MISMATCH", "--amount 879.12"]);
}
