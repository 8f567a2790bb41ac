//! The sandbox's persistent state: one SQLite file (WAL) shared safely by every process that
//! opens it. Every request runs in one `BEGIN IMMEDIATE` transaction, so two sandboxes over the
//! same file serialise their writes and never lose or duplicate a refund.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use sha2::{Digest, Sha256};

use crate::console::money::Fen;

pub const DEMO_ACCESS_KEY: &str = "AKSANDBOXDEMO0000001";
pub const DEMO_SECRET_KEY: &str = "sandbox-secret-key-do-not-use";
pub const DEMO_PASSWORD: &str = "demo-password";
pub const MFA_CODE: &str = "246810";

const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS accounts (
    pin TEXT PRIMARY KEY,
    password_sha256 TEXT NOT NULL,
    mfa_code TEXT,
    total_fen INTEGER NOT NULL,
    available_fen INTEGER NOT NULL,
    frozen_fen INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS access_keys (
    access_key TEXT PRIMARY KEY,
    secret_key TEXT NOT NULL,
    pin TEXT NOT NULL,
    session_token TEXT,
    expires_ms INTEGER
);
CREATE TABLE IF NOT EXISTS login_failures (pin TEXT NOT NULL, at_ms INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS login_failures_pin ON login_failures (pin, at_ms);
CREATE TABLE IF NOT EXISTS nonces (
    access_key TEXT NOT NULL,
    nonce TEXT NOT NULL,
    at_ms INTEGER NOT NULL,
    PRIMARY KEY (access_key, nonce)
);
CREATE INDEX IF NOT EXISTS nonces_at ON nonces (at_ms);
CREATE TABLE IF NOT EXISTS orders (
    order_number TEXT PRIMARY KEY,
    pin TEXT NOT NULL,
    region_id TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    resource_name TEXT NOT NULL,
    item_name TEXT NOT NULL,
    app_code TEXT NOT NULL,
    app_name TEXT NOT NULL,
    service_name TEXT NOT NULL,
    charge_mode TEXT NOT NULL,
    order_type TEXT NOT NULL,
    pay_type TEXT NOT NULL,
    status TEXT NOT NULL,
    total_fen INTEGER NOT NULL,
    discount_fen INTEGER NOT NULL,
    money_fen INTEGER NOT NULL,
    balance_fen INTEGER NOT NULL,
    coupon_fen INTEGER NOT NULL,
    payment_channel TEXT NOT NULL,
    payment_number TEXT,
    invoice_issued INTEGER NOT NULL,
    create_ms INTEGER NOT NULL,
    pay_ms INTEGER,
    term_end_ms INTEGER,
    charge_duration INTEGER NOT NULL,
    unit TEXT NOT NULL,
    refund_outcome TEXT
);
CREATE INDEX IF NOT EXISTS orders_listing ON orders (pin, create_ms, order_number);
CREATE INDEX IF NOT EXISTS orders_resource ON orders (pin, resource_id);
CREATE TABLE IF NOT EXISTS attachments (
    attachment_id TEXT PRIMARY KEY,
    pin TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    kind TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    created_ms INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS refunds (
    seq INTEGER PRIMARY KEY,
    refund_id TEXT NOT NULL UNIQUE,
    pin TEXT NOT NULL,
    region_id TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    order_number TEXT NOT NULL,
    amount_fen INTEGER NOT NULL,
    cash_fen INTEGER NOT NULL,
    balance_fen INTEGER NOT NULL,
    coupon_fen INTEGER NOT NULL,
    channel INTEGER NOT NULL,
    area INTEGER NOT NULL,
    reason INTEGER NOT NULL,
    reason_other TEXT,
    contact TEXT,
    attachment_ids TEXT NOT NULL,
    client_token TEXT,
    body_sha256 TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    approve_ms INTEGER NOT NULL,
    finish_ms INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    failure_code TEXT,
    failure_message TEXT,
    canceled_ms INTEGER,
    reminded_ms INTEGER
);
CREATE UNIQUE INDEX IF NOT EXISTS refunds_token ON refunds (pin, client_token)
    WHERE client_token IS NOT NULL;
CREATE INDEX IF NOT EXISTS refunds_order ON refunds (order_number);
CREATE INDEX IF NOT EXISTS refunds_pin ON refunds (pin, seq);
CREATE TABLE IF NOT EXISTS quotes (
    pin TEXT NOT NULL,
    order_number TEXT NOT NULL,
    area INTEGER NOT NULL,
    fee_fen INTEGER NOT NULL,
    quote_json TEXT NOT NULL,
    quoted_ms INTEGER NOT NULL,
    valid_until_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_order ON quotes (pin, order_number);
";

pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// The default place for the sandbox's state: the user's data directory.
pub fn default_state_path() -> PathBuf {
    match directories::ProjectDirs::from("com", "jdc-refund", "jdc-refund") {
        Some(dirs) => dirs.data_dir().join("sandbox.sqlite3"),
        None => PathBuf::from(".jdc-refund-sandbox.sqlite3"),
    }
}

/// Opens (creating and seeding when new) the state at `path`.
pub fn open(path: &Path) -> anyhow::Result<Connection> {
    use anyhow::Context;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| {
            format!(
                "cannot create the sandbox state directory {}",
                dir.display()
            )
        })?;
    }
    let mut conn = Connection::open(path)
        .with_context(|| format!("cannot open the sandbox state {}", path.display()))?;
    conn.busy_timeout(Duration::from_secs(30))?;
    // WAL lets readers and one writer work at once across processes.
    conn.pragma_update(None, "journal_mode", "WAL")
        .with_context(|| format!("{} is not a sandbox state file", path.display()))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.execute_batch(SCHEMA)
        .with_context(|| format!("{} is not a sandbox state file", path.display()))?;
    let seeded: Option<String> = tx
        .query_row("SELECT value FROM meta WHERE key = 'seeded_ms'", [], |r| {
            r.get(0)
        })
        .optional()?;
    if seeded.is_none() {
        seed(&tx, now_ms())?;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('seeded_ms', ?1), ('schema', ?2)",
            params![now_ms().to_string(), SCHEMA_VERSION.to_string()],
        )?;
    }
    tx.commit()?;
    Ok(conn)
}

/// Deletes the state file (and SQLite's side files) so the next open seeds it anew.
pub fn reset(path: &Path) -> std::io::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        match std::fs::remove_file(PathBuf::from(p)) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;
const MONTH: i64 = 30 * DAY;
const YEAR: i64 = 365 * DAY;

/// One seeded order: the case it stands for and its figures.
struct SeedOrder {
    pin: &'static str,
    order_number: String,
    resource_id: String,
    resource_name: &'static str,
    charge_mode: &'static str,
    pay_type: &'static str,
    status: &'static str,
    /// Paid (or created, when unpaid) this long ago.
    age_ms: i64,
    term_ms: i64,
    duration: (i64, &'static str),
    money: i64,
    balance: i64,
    coupon: i64,
    discount: i64,
    channel: &'static str,
    invoice: bool,
    outcome: Option<&'static str>,
    paid: bool,
}

fn order(pin: &'static str, order_number: &str, resource_id: &str) -> SeedOrder {
    SeedOrder {
        pin,
        order_number: order_number.to_string(),
        resource_id: resource_id.to_string(),
        resource_name: "",
        charge_mode: "MONTHLY",
        pay_type: "PRE_PAID",
        status: "PAID",
        age_ms: 2 * DAY,
        term_ms: MONTH,
        duration: (1, "MONTH"),
        money: 10_235,
        balance: 0,
        coupon: 0,
        discount: 0,
        channel: "JD_PAYMENT",
        invoice: false,
        outcome: None,
        paid: true,
    }
}

fn seed_orders() -> Vec<SeedOrder> {
    vec![
        // Paid 2 days ago: a full refund, no reason needed.
        SeedOrder {
            resource_name: "web-server-01",
            money: 8_000,
            balance: 2_235,
            ..order("demo", "212611270000000101", "i-demo0nrsn01")
        },
        // Paid four months into a one-year term: the unused share, pro rata.
        SeedOrder {
            resource_name: "db-primary",
            age_ms: 4 * MONTH,
            term_ms: YEAR,
            duration: (1, "YEAR"),
            money: 100_000,
            balance: 15_000,
            coupon: 5_000,
            discount: 5_000,
            ..order("demo", "212607300000000102", "i-demo0prort2")
        },
        // The invoice was issued: it must be returned with the application.
        SeedOrder {
            resource_name: "build-runner",
            age_ms: DAY,
            money: 29_900,
            invoice: true,
            ..order("demo", "212611260000000103", "i-demo0invc03")
        },
        // Paid offline: the original channel cannot take a refund, the balance can.
        SeedOrder {
            resource_name: "batch-worker",
            age_ms: 3 * DAY,
            money: 45_600,
            channel: "OFFLINE_PAYMENT",
            ..order("demo", "212611240000000104", "i-demo0offl04")
        },
        // Pay as you go: billed by use, nothing to refund.
        SeedOrder {
            resource_name: "autoscale-node",
            charge_mode: "CONFIG",
            pay_type: "POST_PAID",
            age_ms: 6 * DAY,
            money: 1_288,
            duration: (1, "HOUR"),
            term_ms: HOUR,
            ..order("demo", "212611210000000105", "i-demo0post05")
        },
        // The term is over.
        SeedOrder {
            resource_name: "old-staging",
            age_ms: 45 * DAY,
            money: 9_900,
            ..order("demo", "212610130000000106", "i-demo0expd06")
        },
        // Already refunded in full.
        SeedOrder {
            resource_name: "trial-box",
            status: "REFUND_ALL",
            age_ms: 10 * DAY,
            money: 5_000,
            ..order("demo", "212611170000000107", "i-demo0rfnd07")
        },
        // Never paid.
        SeedOrder {
            resource_name: "unpaid-box",
            status: "NO_PAY",
            age_ms: DAY,
            money: 19_900,
            paid: false,
            ..order("demo", "212611260000000108", "i-demo0npay08")
        },
        // The refund's amount changes on recalculation (AMOUNT_MISMATCH), once.
        SeedOrder {
            resource_name: "gpu-lab",
            age_ms: 3 * DAY,
            money: 88_800,
            outcome: Some("AMOUNT_MISMATCH"),
            ..order("demo", "212611240000000109", "i-demo0amis09")
        },
        // A technical failure on the console's side, once.
        SeedOrder {
            resource_name: "cache-node",
            age_ms: 4 * DAY,
            money: 12_000,
            outcome: Some("TECHNICAL_ERROR"),
            ..order("demo", "212611230000000110", "i-demo0tech10")
        },
        // An account in arrears: its refund fails with INSUFFICIENT_BALANCE.
        SeedOrder {
            resource_name: "arrears-server",
            age_ms: 2 * DAY,
            money: 6_600,
            ..order("arrears-demo", "212611250000000201", "i-arrs0srvr01")
        },
        SeedOrder {
            resource_name: "mfa-server",
            age_ms: 2 * DAY,
            money: 7_700,
            ..order("mfa-demo", "212611250000000301", "i-mfa00srvr01")
        },
    ]
}

fn seed(tx: &rusqlite::Transaction<'_>, now: i64) -> rusqlite::Result<()> {
    let password = sha256_hex(DEMO_PASSWORD.as_bytes());
    for (pin, mfa, total, available) in [
        ("demo", None, 8_800, 8_800),
        ("mfa-demo", Some(MFA_CODE), 20_000, 20_000),
        ("arrears-demo", None, 0, -1_250),
    ] {
        tx.execute(
            "INSERT INTO accounts (pin, password_sha256, mfa_code, total_fen, available_fen, frozen_fen)
             VALUES (?1, ?2, ?3, ?4, ?5, 0)",
            params![pin, password, mfa, total, available],
        )?;
    }
    tx.execute(
        "INSERT INTO access_keys (access_key, secret_key, pin) VALUES (?1, ?2, 'demo')",
        params![DEMO_ACCESS_KEY, DEMO_SECRET_KEY],
    )?;
    for o in seed_orders() {
        insert_order(tx, &o, now)?;
    }
    Ok(())
}

fn insert_order(tx: &rusqlite::Transaction<'_>, o: &SeedOrder, now: i64) -> rusqlite::Result<()> {
    let paid_at = now - o.age_ms;
    // Orders are created a few minutes before they are paid.
    let created = paid_at - 7 * MINUTE;
    let actual = o.money + o.balance + o.coupon;
    tx.execute(
        "INSERT INTO orders (order_number, pin, region_id, resource_id, resource_name, item_name,
            app_code, app_name, service_name, charge_mode, order_type, pay_type, status,
            total_fen, discount_fen, money_fen, balance_fen, coupon_fen, payment_channel,
            payment_number, invoice_issued, create_ms, pay_ms, term_end_ms, charge_duration, unit,
            refund_outcome)
         VALUES (?1, ?2, 'cn-north-1', ?3, ?4, ?5, 'vm', '云主机', 'Virtual Machines', ?6, 'NEW', ?7,
            ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
        params![
            o.order_number,
            o.pin,
            o.resource_id,
            o.resource_name,
            format!("g.n2.medium {}", o.resource_name),
            o.charge_mode,
            o.pay_type,
            o.status,
            actual + o.discount,
            o.discount,
            o.money,
            o.balance,
            o.coupon,
            o.channel,
            o.paid.then(|| format!("PAY{}", &o.order_number[6..])),
            o.invoice,
            created,
            o.paid.then_some(paid_at),
            o.paid.then_some(paid_at + o.term_ms),
            o.duration.0,
            o.duration.1,
            o.outcome,
        ],
    )?;
    Ok(())
}

/// Adds `count` refundable orders (paid an hour ago) to `demo`, for load tests.
pub fn seed_extra_orders(conn: &mut Connection, count: u32) -> rusqlite::Result<u32> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let existing: i64 = tx.query_row(
        "SELECT COUNT(*) FROM orders WHERE resource_id LIKE 'i-load%'",
        [],
        |r| r.get(0),
    )?;
    let now = now_ms();
    for i in 0..count as i64 {
        let n = existing + i + 1;
        let o = SeedOrder {
            resource_name: "load-test",
            age_ms: HOUR,
            money: 1_000 + (n % 9_000),
            ..order("demo", &format!("3126{n:014}"), &format!("i-load{n:08}"))
        };
        insert_order(&tx, &o, now)?;
    }
    tx.commit()?;
    Ok(count)
}

/// The seeded orders of every account, for `sandbox info`.
pub fn describe_seed() -> Vec<SeedDescription> {
    seed_orders()
        .into_iter()
        .map(|o| {
            let case = match (o.outcome, o.status, o.pay_type, o.channel, o.invoice) {
                (Some(code), ..) => SeedCase::FailsOnce(code),
                (_, "REFUND_ALL", ..) => SeedCase::Refunded,
                (_, "NO_PAY", ..) => SeedCase::Unpaid,
                (_, _, "POST_PAID", ..) => SeedCase::PostPaid,
                (_, _, _, "OFFLINE_PAYMENT", _) => SeedCase::Offline,
                (_, _, _, _, true) => SeedCase::Invoice,
                _ if o.pin == "arrears-demo" => SeedCase::Arrears,
                _ if o.age_ms > o.term_ms => SeedCase::Expired,
                _ if o.age_ms > 5 * DAY => SeedCase::Prorated,
                _ => SeedCase::Full,
            };
            SeedDescription {
                account: o.pin.to_string(),
                order_number: o.order_number.clone(),
                resource_id: o.resource_id.to_string(),
                case,
                actual_fee: Fen::from_fen(o.money + o.balance + o.coupon),
            }
        })
        .collect()
}

/// One seeded order, for `sandbox info`.
pub struct SeedDescription {
    pub account: String,
    pub order_number: String,
    pub resource_id: String,
    pub case: SeedCase,
    pub actual_fee: Fen,
}

/// What a seeded order is there to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeedCase {
    Full,
    Prorated,
    Invoice,
    Offline,
    PostPaid,
    Expired,
    Refunded,
    Unpaid,
    Arrears,
    /// The first refund fails with this code; a resubmission succeeds.
    FailsOnce(&'static str),
}

impl SeedCase {
    /// The case in English, as `sandbox info --json` gives it.
    pub fn english(self) -> String {
        match self {
            SeedCase::Full => "full refund (within 5 days)".into(),
            SeedCase::Prorated => "prorated refund".into(),
            SeedCase::Invoice => "invoice issued: must be returned".into(),
            SeedCase::Offline => "paid offline: to original fails, to balance works".into(),
            SeedCase::PostPaid => "post-paid, not refundable".into(),
            SeedCase::Expired => "term expired".into(),
            SeedCase::Refunded => "already refunded".into(),
            SeedCase::Unpaid => "unpaid".into(),
            SeedCase::Arrears => "refund fails: INSUFFICIENT_BALANCE".into(),
            SeedCase::FailsOnce(code) => format!("refund fails once with {code}"),
        }
    }
}
