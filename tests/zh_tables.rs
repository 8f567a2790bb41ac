//! Tables in Chinese: cells of double-width characters (resource names, statuses, headers)
//! keep every column lined up, measured in terminal columns as a person sees them.

mod common;

use common::Home;
use unicode_width::UnicodeWidthStr;

/// The terminal column at which each cell starts: a cell starts after a run of two or more
/// spaces (cells hold at most single spaces).
fn column_starts(line: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut spaces = 0;
    let mut col = 0;
    for c in line.chars() {
        if c == ' ' {
            spaces += 1;
        } else {
            if spaces >= 2 {
                starts.push(col);
            }
            spaces = 0;
        }
        col += c.to_string().width();
    }
    starts
}

/// Every line's cells start where the header's do (a last cell may be empty and so missing).
fn assert_lined_up(table: &str) {
    let lines: Vec<&str> = table.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(lines.len() >= 2, "not a table:\n{table}");
    let header = column_starts(lines[0]);
    for line in &lines[1..] {
        let starts = column_starts(line);
        assert!(
            header.starts_with(&starts) && starts.len() + 1 >= header.len(),
            "columns do not line up (header at {header:?}, this line at {starts:?}):\n{table}"
        );
    }
}

fn rename(home: &Home, resource: &str, name: &str) {
    let db = rusqlite::Connection::open(home.sandbox_state()).expect("sandbox state opens");
    let n = db
        .execute(
            "UPDATE orders SET resource_name = ?1 WHERE resource_id = ?2",
            rusqlite::params![name, resource],
        )
        .expect("rename");
    assert!(n > 0, "no order of {resource}");
}

#[test]
fn the_orders_table_lines_up_with_chinese_names_and_statuses() {
    let home = Home::new();
    // The first run creates the sandbox state; then two servers get Chinese names.
    home.run(&["--sandbox", "orders"]).code(0);
    rename(&home, "i-demo0nrsn01", "网站服务器");
    rename(&home, "i-demo0prort2", "主数据库（生产）");
    let zh = [("LANG", "zh_CN.UTF-8")];
    let run = home.run_with(&["--sandbox", "orders"], &zh, None);
    run.code(0).stdout_has(&[
        "订单号",
        "网站服务器",
        "主数据库（生产）",
        "已支付",
        "已全额退款",
        "包年包月",
    ]);
    assert_lined_up(&run.stdout);
    // The same data in English lines up too, and the Chinese names stay as they are.
    let en = home.run(&["--sandbox", "orders"]);
    en.code(0).stdout_has(&["网站服务器", "PAID"]);
}

#[test]
fn the_refunds_table_lines_up_with_chinese_statuses() {
    let home = Home::new();
    let zh = [("JDC_LANG", "zh")];
    home.run_with(
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
        &zh,
        None,
    )
    .code(0);
    let run = home.run_with(&["--sandbox", "status"], &zh, None);
    run.code(0).stdout_has(&["退款单号", "状态"]);
    assert_lined_up(&run.stdout);
    assert!(
        ["待审核", "处理中", "退款成功"]
            .iter()
            .any(|s| run.stdout.contains(s)),
        "no Chinese status:\n{}",
        run.stdout
    );
}

#[test]
fn the_check_itself_catches_a_misaligned_table() {
    // Padding by characters instead of columns: the check must notice.
    let table = format!(
        "{:<12}{}\n{:<12}{}\n{:<12}{}\n",
        "名称", "状态", "网站服务器", "已支付", "db", "PAID"
    );
    let caught = std::panic::catch_unwind(|| assert_lined_up(&table));
    assert!(caught.is_err(), "a char-padded table passed:\n{table}");
}
