//! Bad command lines and damaged files, one table row each: every row runs the binary in its
//! own home (sandbox state, config, journal) with `CI=1`, so nothing is ever asked, and checks
//! the exit code, that stderr has exactly one `error:` line naming the problem, that stdout is
//! empty, that nothing panicked, and, for `refund` rows, that no refund was created.
//!
//! Every row is run and every failure is reported together at the end. To run one row, set
//! `BAD_INPUT_ROW` to (part of) its name.
//!
//! Placeholders in arguments, environment values and needles: `{home}` (the row's home
//! directory), `{id}` (the refund id the row's setup commands printed last), `{port}` (a port
//! on 127.0.0.1 that another socket holds while the row runs).

mod common;

use std::net::TcpListener;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use common::{run_command, Home, Run};

const FULL_ORDER: &str = "212611270000000101";
const INVOICE_ORDER: &str = "212611260000000103";
const ARREARS_ORDER: &str = "212611250000000201";
const TECHNICAL: &str = "i-demo0tech10";
const DEMO_KEY: &str = "AKSANDBOXDEMO0000001";
const DEMO_SECRET: &str = "sandbox-secret-key-do-not-use";

/// A complete scripted submission for the full-refund order: a row adds one bad value.
const SUBMIT: &[&str] = &[
    "--sandbox",
    "refund",
    "--order",
    FULL_ORDER,
    "--reason",
    "not-wanted",
    "--contact-phone",
    "13800000000",
    "--yes",
];

/// The same for the order whose invoice must be returned.
const SUBMIT_INVOICE: &[&str] = &[
    "--sandbox",
    "refund",
    "--order",
    INVOICE_ORDER,
    "--reason",
    "not-wanted",
    "--contact-phone",
    "13800000000",
    "--yes",
];

/// A complete submission but for the contact: a row adds one bad contact.
const SUBMIT_NO_CONTACT: &[&str] = &[
    "--sandbox",
    "refund",
    "--order",
    FULL_ORDER,
    "--reason",
    "not-wanted",
    "--yes",
];

/// A complete submission but for the target: a row adds `--order` or `--resource-id`.
const SUBMIT_TO: &[&str] = &[
    "--sandbox",
    "refund",
    "--reason",
    "not-wanted",
    "--contact-phone",
    "13800000000",
    "--yes",
];

/// A batch of the file `{home}/b.csv`, with defaults for reason and contact.
const BATCH: &[&str] = &[
    "--sandbox",
    "refund",
    "--reason",
    "not-wanted",
    "--contact-phone",
    "13800000000",
    "--yes",
    "--batch",
];

/// `--sandbox refund` without a target, reason or contact.
const REFUND: &[&str] = &["--sandbox", "refund"];

/// Credentials for a non-sandbox console, so `--endpoint` is what fails.
const ENV_KEYS: &[(&str, &str)] = &[
    ("JDC_ACCESS_KEY", DEMO_KEY),
    ("JDC_SECRET_KEY", DEMO_SECRET),
];

/// At normal speed a refund stays pending for about 10 s.
const SLOW: &[(&str, &str)] = &[("JDC_SANDBOX_SPEED", "1")];

const SANDBOX_CREDENTIALS: &str = "[profiles.default]\n\
    access-key = \"AKSANDBOXDEMO0000001\"\n\
    secret-key = \"sandbox-secret-key-do-not-use\"\n\
    sandbox = true\n";

const EXPIRED_CREDENTIALS: &str = "[profiles.default]\n\
    account = \"demo\"\n\
    access-key = \"STSDEMO000000000001\"\n\
    secret-key = \"temporary-secret\"\n\
    session-token = \"token\"\n\
    expiration = \"2020-01-01T08:00:00+08:00\"\n\
    sandbox = true\n";

const WRONG_SECRET_CREDENTIALS: &str = "[profiles.default]\n\
    access-key = \"AKSANDBOXDEMO0000001\"\n\
    secret-key = \"not-the-secret\"\n\
    sandbox = true\n";

const MINIMAL_PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";

// ---- the table's vocabulary ----

/// What to put in the home before the row runs.
#[derive(Clone, Copy)]
enum Content {
    Text(&'static str, u32),
    Bytes(&'static [u8]),
    /// `head`, then zeros up to `len` bytes.
    Sized(&'static [u8], u64),
    Dir,
}

#[derive(Clone, Copy)]
struct Put {
    /// Relative to the home directory; `config/…` and `state/…` are the tool's own.
    path: &'static str,
    content: Content,
}

const fn text(path: &'static str, text: &'static str) -> Put {
    Put {
        path,
        content: Content::Text(text, 0o600),
    }
}

const fn text_mode(path: &'static str, text: &'static str, mode: u32) -> Put {
    Put {
        path,
        content: Content::Text(text, mode),
    }
}

const fn bytes(path: &'static str, bytes: &'static [u8]) -> Put {
    Put {
        path,
        content: Content::Bytes(bytes),
    }
}

const fn sized(path: &'static str, head: &'static [u8], len: u64) -> Put {
    Put {
        path,
        content: Content::Sized(head, len),
    }
}

const fn dir(path: &'static str) -> Put {
    Put {
        path,
        content: Content::Dir,
    }
}

/// One bad command line: what to run, in which home, and what it must say.
#[derive(Clone, Copy)]
struct Row {
    name: &'static str,
    /// Arguments put before `args` (a complete submission, say).
    prefix: &'static [&'static str],
    args: &'static [&'static str],
    stdin: Option<&'static str>,
    env: &'static [(&'static str, &'static str)],
    files: &'static [Put],
    /// Commands run first, each of which must succeed.
    setup: &'static [&'static [&'static str]],
    code: i32,
    /// What the `error:` line must contain.
    needles: &'static [&'static str],
    /// A clap usage error: the `error:` line is followed by usage and tip lines.
    usage: bool,
    /// Text clap must show on a `tip:` line (a suggestion), when not empty.
    tip: &'static str,
    /// Text stderr must not contain (a secret, misleading advice).
    absent: &'static [&'static str],
}

/// A usage error clap reports (exit 2).
const fn usage(
    name: &'static str,
    args: &'static [&'static str],
    needles: &'static [&'static str],
) -> Row {
    Row {
        name,
        prefix: &[],
        args,
        stdin: None,
        env: &[],
        files: &[],
        setup: &[],
        code: 2,
        needles,
        usage: true,
        tip: "",
        absent: &[],
    }
}

/// An error the tool itself reports: exactly one line on stderr.
const fn fails(
    name: &'static str,
    args: &'static [&'static str],
    code: i32,
    needles: &'static [&'static str],
) -> Row {
    Row {
        usage: false,
        code,
        ..usage(name, args, needles)
    }
}

impl Row {
    const fn after(mut self, prefix: &'static [&'static str]) -> Row {
        self.prefix = prefix;
        self
    }

    const fn absent(mut self, absent: &'static [&'static str]) -> Row {
        self.absent = absent;
        self
    }

    const fn tip(mut self, tip: &'static str) -> Row {
        self.tip = tip;
        self
    }

    const fn stdin(mut self, stdin: &'static str) -> Row {
        self.stdin = Some(stdin);
        self
    }

    const fn env(mut self, env: &'static [(&'static str, &'static str)]) -> Row {
        self.env = env;
        self
    }

    const fn files(mut self, files: &'static [Put]) -> Row {
        self.files = files;
        self
    }

    const fn setup(mut self, setup: &'static [&'static [&'static str]]) -> Row {
        self.setup = setup;
        self
    }

    fn all_args(&self) -> impl Iterator<Item = &'static str> {
        self.prefix.iter().chain(self.args).copied()
    }

    /// Whether it is a `refund` command line that might submit: those are checked to have
    /// created no refund.
    fn could_submit(&self) -> bool {
        self.all_args().any(|a| a == "refund") && self.all_args().any(|a| a == "--sandbox")
    }
}

/// Waits until refund `{id}` has ended (setup).
const WATCH_ID: &[&str] = &[
    "--sandbox",
    "status",
    "{id}",
    "--watch",
    "--interval",
    "50ms",
    "--timeout",
    "20s",
];

// ---- the table ----

const ROWS: &[Row] = &[
    // -- global options --
    usage(
        "--output xml",
        &["--output", "xml", "orders"],
        &["'xml'", "--output"],
    ),
    usage(
        "--output empty",
        &["--output", "", "orders"],
        &["--output", "a value is required"],
    ),
    usage(
        "--output typo on a dry run",
        &[
            "--sandbox",
            "--output",
            "jsno",
            "refund",
            "--order",
            FULL_ORDER,
            "--dry-run",
        ],
        &["'jsno'", "--output"],
    ),
    usage(
        "--region unknown",
        &["--sandbox", "--region", "mars", "orders"],
        &["'mars'", "--region"],
    ),
    usage(
        "--color unknown",
        &["--color", "sometimes", "orders"],
        &["'sometimes'", "--color"],
    ),
    usage(
        "--request-timeout zero",
        &["--sandbox", "--request-timeout", "0s", "orders"],
        &["'0s'", "--request-timeout", "longer than zero"],
    ),
    usage(
        "--request-timeout not a duration",
        &["--sandbox", "--request-timeout", "abc", "orders"],
        &["'abc'", "--request-timeout", "5s"],
    ),
    usage(
        "--connect-timeout negative",
        &["--sandbox", "--connect-timeout=-5s", "orders"],
        &["'-5s'", "--connect-timeout"],
    ),
    usage(
        "JDC_SANDBOX not a boolean",
        &["orders"],
        &["'maybe'", "--sandbox"],
    )
    .env(&[("JDC_SANDBOX", "maybe")]),
    usage(
        "JDC_SANDBOX_SPEED zero",
        &["--sandbox", "orders"],
        &["'0'", "sandbox-speed", "positive"],
    )
    .env(&[("JDC_SANDBOX_SPEED", "0")]),
    usage(
        "--sandbox with --endpoint",
        &[
            "--sandbox",
            "--endpoint",
            "https://console.example.com",
            "orders",
        ],
        &["--sandbox", "--endpoint", "cannot be used with"],
    ),
    usage("misspelt global flag", &["--jsno", "orders"], &["'--jsno'"]).tip("--json"),
    // -- --endpoint --
    fails(
        "--endpoint ftp scheme",
        &["--endpoint", "ftp://console.example.com", "orders"],
        2,
        &[
            "--endpoint",
            "ftp://console.example.com",
            "scheme `ftp`",
            "https://",
        ],
    )
    .env(ENV_KEYS),
    fails(
        "--endpoint without a scheme",
        &["--endpoint", "localhost:8080", "orders"],
        2,
        &["--endpoint", "`localhost:8080`", "https://"],
    )
    .env(ENV_KEYS),
    fails(
        "--endpoint not a URL",
        &["--endpoint", "console example", "orders"],
        2,
        &["--endpoint", "`console example`", "not a URL"],
    )
    .env(ENV_KEYS),
    fails(
        "--endpoint without a host",
        &["--endpoint", "https://", "orders"],
        2,
        &["--endpoint", "`https://`", "empty host"],
    )
    .env(ENV_KEYS),
    fails(
        "--endpoint with a port out of range",
        &["--endpoint", "https://console.example.com:99999", "orders"],
        2,
        &["--endpoint", "console.example.com:99999", "port"],
    )
    .env(ENV_KEYS),
    fails(
        "--endpoint plain http to a host name",
        &["--endpoint", "http://console.example.com", "orders"],
        2,
        &[
            "--endpoint",
            "http://console.example.com",
            "plain http",
            "https",
        ],
    )
    .env(ENV_KEYS),
    fails(
        "--endpoint plain http to a look-alike of localhost",
        &["--endpoint", "http://localhost.example.com", "orders"],
        2,
        &["http://localhost.example.com", "plain http"],
    )
    .env(ENV_KEYS),
    fails(
        "JDC_ENDPOINT with an unknown scheme",
        &["orders"],
        2,
        &["gopher://console.example.com", "scheme `gopher`"],
    )
    .env(&[
        ("JDC_ACCESS_KEY", DEMO_KEY),
        ("JDC_SECRET_KEY", DEMO_SECRET),
        ("JDC_ENDPOINT", "gopher://console.example.com"),
    ]),
    fails(
        "--endpoint where nothing listens",
        &[
            "--endpoint",
            "http://127.0.0.1:1",
            "--connect-timeout",
            "500ms",
            "orders",
        ],
        6,
        &["could not reach the console", "127.0.0.1:1", "--endpoint"],
    )
    .env(ENV_KEYS),
    // -- credentials from the environment and profiles --
    fails(
        "JDC_ACCESS_KEY without JDC_SECRET_KEY",
        &["orders"],
        4,
        &["JDC_ACCESS_KEY is set but JDC_SECRET_KEY is not"],
    )
    .env(&[("JDC_ACCESS_KEY", DEMO_KEY)]),
    fails(
        "not logged in",
        &["orders"],
        4,
        &["not logged in", "jdc-refund login", "--sandbox"],
    ),
    // -- orders --
    usage(
        "orders --status unknown",
        &["--sandbox", "orders", "--status", "PAYED"],
        &["'PAYED'", "--status"],
    )
    .tip("PAID"),
    usage(
        "orders --pay-type unknown",
        &["--sandbox", "orders", "--pay-type", "PREPAID"],
        &["'PREPAID'", "--pay-type"],
    )
    .tip("PRE_PAID"),
    usage(
        "orders --charge-mode unknown",
        &["--sandbox", "orders", "--charge-mode", "YEARLY"],
        &["'YEARLY'", "--charge-mode"],
    ),
    usage(
        "orders --since a word",
        &["--sandbox", "orders", "--since", "yesterday"],
        &["--since", "`yesterday` is not a date"],
    ),
    usage(
        "orders --since February 30",
        &["--sandbox", "orders", "--since", "2026-02-30"],
        &["--since", "`2026-02-30` is not a date"],
    ),
    usage(
        "orders --until day first",
        &["--sandbox", "orders", "--until", "31/01/2026"],
        &["--until", "`31/01/2026` is not a date"],
    ),
    fails(
        "orders --since after --until",
        &[
            "--sandbox",
            "orders",
            "--since",
            "2026-06-01",
            "--until",
            "2026-01-01",
        ],
        2,
        &["--since is after --until"],
    ),
    usage(
        "orders --page 0",
        &["--sandbox", "orders", "--page", "0"],
        &["'0'", "--page"],
    ),
    usage(
        "orders --page-size 101",
        &["--sandbox", "orders", "--page-size", "101"],
        &["'101'", "--page-size", "1..=100"],
    ),
    usage(
        "orders --all with --page",
        &["--sandbox", "orders", "--all", "--page", "2"],
        &["--all", "--page", "cannot be used with"],
    ),
    fails(
        "orders show unknown order",
        &["--sandbox", "orders", "show", "212600000000009999"],
        3,
        &["order 212600000000009999 not found"],
    ),
    fails(
        "orders show another account's order",
        &["--sandbox", "orders", "show", ARREARS_ORDER],
        3,
        &["order 212611250000000201 not found"],
    ),
    fails(
        "orders show without a number",
        &["--sandbox", "orders", "show"],
        2,
        &["orders show needs an ORDER"],
    ),
    // -- refund: amounts --
    usage(
        "amount with three decimals",
        &["--amount", "102.351"],
        &["--amount", "`102.351` has more than two decimals"],
    )
    .after(SUBMIT),
    usage(
        "amount in exponent notation",
        &["--amount", "1e2"],
        &["--amount", "`1e2` is not an amount"],
    )
    .after(SUBMIT),
    usage(
        "amount negative",
        &["--amount", "-5"],
        &["--amount", "`-5` is negative"],
    )
    .after(SUBMIT),
    usage(
        "amount zero",
        &["--amount", "0"],
        &["--amount", "'0'", "more than zero"],
    )
    .after(SUBMIT),
    usage(
        "amount a word",
        &["--amount", "abc"],
        &["--amount", "`abc` is not an amount"],
    )
    .after(SUBMIT),
    usage(
        "amount with a thousands separator",
        &["--amount", "1,000.00"],
        &["--amount", "`1,000.00` is not an amount"],
    )
    .after(SUBMIT),
    usage(
        "amount only a currency sign",
        &["--amount", "¥"],
        &["--amount", "'¥'", "is not an amount"],
    )
    .after(SUBMIT),
    usage(
        "amount empty",
        &["--amount", ""],
        &["--amount", "''", "is not an amount"],
    )
    .after(SUBMIT),
    usage(
        "amount blank",
        &["--amount", " "],
        &["--amount", "' '", "is not an amount"],
    )
    .after(SUBMIT),
    usage(
        "amount two decimal points",
        &["--amount", "1.2.3"],
        &["--amount", "`1.2.3` is not an amount"],
    )
    .after(SUBMIT),
    usage(
        "amount in hex",
        &["--amount", "0x10"],
        &["--amount", "`0x10` is not an amount"],
    )
    .after(SUBMIT),
    usage(
        "amount NaN",
        &["--amount", "NaN"],
        &["--amount", "`NaN` is not an amount"],
    )
    .after(SUBMIT),
    usage(
        "amount inf",
        &["--amount", "inf"],
        &["--amount", "`inf` is not an amount"],
    )
    .after(SUBMIT),
    usage(
        "amount too large",
        &["--amount", "99999999999999999999"],
        &["--amount", "`99999999999999999999` is too large"],
    )
    .after(SUBMIT),
    usage(
        "amount in full-width digits",
        &["--amount", "１０２.３５"],
        &["--amount", "`１０２.３５` is not an amount"],
    )
    .after(SUBMIT),
    fails(
        "amount differs from the quote",
        &["--amount", "100.00"],
        2,
        &["--amount 100.00", "quote 102.35", "i-demo0nrsn01"],
    )
    .after(SUBMIT),
    fails(
        "amount one fen off the quote",
        &["--amount", "102.34"],
        2,
        &["--amount 102.34", "quote 102.35"],
    )
    .after(SUBMIT),
    // -- refund: reason, contact, confirmation, target --
    usage(
        "reason unknown",
        &[
            "--sandbox",
            "refund",
            "--order",
            FULL_ORDER,
            "--reason",
            "cheap",
            "--contact-phone",
            "13800000000",
            "--yes",
        ],
        &["'cheap'", "--reason"],
    ),
    fails(
        "reason missing",
        &[
            "--order",
            FULL_ORDER,
            "--contact-phone",
            "13800000000",
            "--yes",
        ],
        2,
        &["--reason is required", "not-wanted"],
    )
    .after(REFUND),
    fails(
        "reason other without text",
        &[
            "--order",
            FULL_ORDER,
            "--reason",
            "other",
            "--contact-phone",
            "13800000000",
            "--yes",
        ],
        2,
        &["--reason-text is required with --reason other"],
    )
    .after(REFUND),
    fails(
        "reason other with blank text",
        &[
            "--order",
            FULL_ORDER,
            "--reason",
            "other",
            "--reason-text",
            "   ",
            "--contact-phone",
            "13800000000",
            "--yes",
        ],
        2,
        &["--reason-text is required"],
    )
    .after(REFUND),
    usage(
        "refund-to unknown",
        &["--refund-to", "bank"],
        &["'bank'", "--refund-to"],
    )
    .after(SUBMIT),
    usage(
        "phone a word",
        &["--contact-phone", "call me"],
        &["--contact-phone", "`call me` is not a phone number"],
    )
    .after(SUBMIT_NO_CONTACT),
    usage(
        "phone too short",
        &["--contact-phone", "12345"],
        &["--contact-phone", "`12345` is not a phone number"],
    )
    .after(SUBMIT_NO_CONTACT),
    usage(
        "phone too long",
        &["--contact-phone", "123456789012345678901"],
        &[
            "--contact-phone",
            "`123456789012345678901` is not a phone number",
        ],
    )
    .after(SUBMIT_NO_CONTACT),
    usage(
        "email without a dot in the domain",
        &["--contact-email", "li@example"],
        &["--contact-email", "`li@example` is not an email address"],
    )
    .after(SUBMIT_NO_CONTACT),
    usage(
        "email empty",
        &["--contact-email", ""],
        &["--contact-email", "`` is not an email address"],
    )
    .after(SUBMIT_NO_CONTACT),
    usage(
        "email with a space",
        &["--contact-email", "li lei@example.com"],
        &[
            "--contact-email",
            "`li lei@example.com` is not an email address",
        ],
    )
    .after(SUBMIT_NO_CONTACT),
    fails(
        "contact missing",
        &[
            "--order",
            FULL_ORDER,
            "--reason",
            "not-wanted",
            "--contact-name",
            "Li Lei",
            "--yes",
        ],
        2,
        &["--contact-phone or --contact-email is required"],
    )
    .after(REFUND),
    fails(
        "--yes missing",
        &[
            "--order",
            FULL_ORDER,
            "--reason",
            "not-wanted",
            "--contact-phone",
            "13800000000",
        ],
        2,
        &["--yes is required", "--dry-run"],
    )
    .after(REFUND),
    fails(
        "target missing",
        &[
            "--reason",
            "not-wanted",
            "--contact-phone",
            "13800000000",
            "--yes",
        ],
        2,
        &["--order or --resource-id is required"],
    )
    .after(REFUND),
    usage(
        "both targets",
        &["--resource-id", "i-demo0nrsn01"],
        &["--order", "--resource-id", "cannot be used with"],
    )
    .after(SUBMIT),
    fails(
        "unknown order",
        &["--order", "212600000000009999"],
        3,
        &["order 212600000000009999 not found", "orders` lists yours"],
    )
    .after(SUBMIT_TO),
    fails(
        "another account's order",
        &["--order", ARREARS_ORDER],
        3,
        &["order 212611250000000201 not found"],
    )
    .after(SUBMIT_TO),
    fails(
        "unknown resource",
        &["--resource-id", "i-nosuchbox"],
        3,
        &["i-nosuchbox", "not found"],
    )
    .after(SUBMIT_TO),
    fails(
        "not refundable: post-paid",
        &["--resource-id", "i-demo0post05"],
        5,
        &["i-demo0post05 is not refundable", "post-paid"],
    )
    .after(SUBMIT_TO),
    fails(
        "not refundable: expired",
        &["--resource-id", "i-demo0expd06"],
        5,
        &["i-demo0expd06 is not refundable", "expired"],
    )
    .after(SUBMIT_TO),
    fails(
        "not refundable: already refunded",
        &["--resource-id", "i-demo0rfnd07"],
        5,
        &["i-demo0rfnd07 is not refundable", "already been refunded"],
    )
    .after(SUBMIT_TO),
    fails(
        "not refundable: unpaid",
        &["--resource-id", "i-demo0npay08"],
        5,
        &["i-demo0npay08 is not refundable", "not been paid"],
    )
    .after(SUBMIT_TO),
    // -- refund: attachments --
    fails(
        "invoice required but not attached",
        &[],
        2,
        &["invoice", "must be returned", "--attach"],
    )
    .after(SUBMIT_INVOICE),
    fails(
        "attach a missing file",
        &["--attach", "{home}/no-such-invoice.pdf"],
        2,
        &["--attach {home}/no-such-invoice.pdf", "no such file"],
    )
    .after(SUBMIT_INVOICE),
    fails(
        "attach a directory",
        &["--attach", "{home}/scans"],
        2,
        &["--attach {home}/scans", "not a file"],
    )
    .after(SUBMIT_INVOICE)
    .files(&[dir("scans")]),
    fails(
        "attach a text file",
        &["--attach", "{home}/invoice.txt"],
        2,
        &["--attach {home}/invoice.txt", "not a PDF, PNG or JPEG"],
    )
    .after(SUBMIT_INVOICE)
    .files(&[text("invoice.txt", "Invoice no. 42\n")]),
    fails(
        "attach a GIF",
        &["--attach", "{home}/invoice.gif"],
        2,
        &["--attach {home}/invoice.gif", "not a PDF, PNG or JPEG"],
    )
    .after(SUBMIT_INVOICE)
    .files(&[bytes("invoice.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;")]),
    fails(
        "attach over 5 MiB",
        &["--attach", "{home}/scan.pdf"],
        2,
        &["--attach {home}/scan.pdf", "over the 5 MiB limit"],
    )
    .after(SUBMIT_INVOICE)
    .files(&[sized("scan.pdf", b"%PDF-1.4\n", 5 * 1024 * 1024 + 1)]),
    usage(
        "attach-kind misspelt",
        &["--attach", "{home}/invoice.pdf", "--attach-kind", "invioce"],
        &["'invioce'", "--attach-kind"],
    )
    .after(SUBMIT_INVOICE)
    .tip("invoice")
    .files(&[bytes("invoice.pdf", MINIMAL_PDF)]),
    // -- refund: idempotency keys --
    usage(
        "idempotency key of 65 characters",
        &[
            "--idempotency-key",
            "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk",
        ],
        &["--idempotency-key", "1 to 64 characters"],
    )
    .after(SUBMIT),
    usage(
        "idempotency key with a space and a slash",
        &["--idempotency-key", "my key/1"],
        &["--idempotency-key", "'my key/1'", "1 to 64 characters"],
    )
    .after(SUBMIT),
    usage(
        "idempotency key empty",
        &["--idempotency-key", ""],
        &["--idempotency-key", "''", "1 to 64"],
    )
    .after(SUBMIT),
    usage(
        "idempotency key a path",
        &["--idempotency-key", "../etc/passwd"],
        &["--idempotency-key", "'../etc/passwd'", "1 to 64"],
    )
    .after(SUBMIT),
    fails(
        "idempotency key reused for another request",
        &["--idempotency-key", "shared-key"],
        2,
        &["shared-key", "already used for a different request"],
    )
    .after(SUBMIT)
    .setup(&[&[
        "--sandbox",
        "refund",
        "--resource-id",
        TECHNICAL,
        "--reason",
        "not-wanted",
        "--contact-phone",
        "13800000000",
        "--idempotency-key",
        "shared-key",
        "--yes",
    ]]),
    // -- refund cancel, remind, resubmit --
    fails(
        "cancel an unknown refund",
        &["--sandbox", "refund", "cancel", "RF2026010100099"],
        3,
        &["RF2026010100099", "not found"],
    ),
    fails(
        "remind an unknown refund",
        &["--sandbox", "refund", "remind", "RF2026010100099"],
        3,
        &["RF2026010100099", "not found"],
    ),
    fails(
        "resubmit an unknown refund",
        &[
            "--sandbox",
            "refund",
            "resubmit",
            "RF2026010100099",
            "--yes",
        ],
        3,
        &["RF2026010100099", "not found"],
    ),
    fails(
        "resubmit with --order",
        &[
            "--sandbox",
            "refund",
            "resubmit",
            "RF2026010100099",
            "--order",
            FULL_ORDER,
            "--yes",
        ],
        2,
        &["resubmit keeps the refund's resource"],
    ),
    fails(
        "resubmit without --yes",
        &["--sandbox", "refund", "resubmit", "RF2026010100099"],
        2,
        &["--yes is required to resubmit"],
    ),
    usage(
        "cancel without an id",
        &["--sandbox", "refund", "cancel"],
        &["required arguments were not provided", "<REFUND_ID>"],
    ),
    usage(
        "refund subcommand misspelt",
        &["--sandbox", "refund", "cancle", "RF2026010100099"],
        &["'cancle'"],
    )
    .tip("cancel"),
    fails(
        "resubmit a successful refund",
        &["--sandbox", "refund", "resubmit", "{id}", "--yes"],
        5,
        &["{id}", "already succeeded"],
    )
    .setup(&[SUBMIT, WATCH_ID]),
    fails(
        "cancel a successful refund",
        &["--sandbox", "refund", "cancel", "{id}"],
        5,
        &["{id}", "SUCCESS", "PENDING_APPROVAL"],
    )
    .setup(&[SUBMIT, WATCH_ID]),
    fails(
        "remind twice within a day",
        &["--sandbox", "refund", "remind", "{id}"],
        5,
        &["{id}", "already reminded"],
    )
    .env(SLOW)
    .setup(&[SUBMIT, &["--sandbox", "refund", "remind", "{id}"]]),
    // -- status --
    usage(
        "status --status unknown",
        &["--sandbox", "status", "--status", "DONE"],
        &["'DONE'", "--status"],
    ),
    fails(
        "status of an unknown refund",
        &["--sandbox", "status", "RF2026010100099"],
        3,
        &["refund RF2026010100099 not found", "status` lists yours"],
    ),
    fails(
        "watch an unknown refund",
        &[
            "--sandbox",
            "status",
            "RF2026010100099",
            "--watch",
            "--interval",
            "50ms",
        ],
        3,
        &["refund RF2026010100099 not found"],
    ),
    usage(
        "watch without an id",
        &["--sandbox", "status", "--watch"],
        &["--watch needs", "REFUND_ID", "--batch-report"],
    ),
    usage(
        "watch --interval a word",
        &[
            "--sandbox",
            "status",
            "RF2026010100001",
            "--watch",
            "--interval",
            "fast",
        ],
        &["'fast'", "--interval"],
    ),
    usage(
        "watch --interval zero",
        &[
            "--sandbox",
            "status",
            "RF2026010100001",
            "--watch",
            "--interval",
            "0s",
        ],
        &["'0s'", "--interval", "longer than zero"],
    ),
    usage(
        "watch --timeout zero",
        &[
            "--sandbox",
            "status",
            "RF2026010100001",
            "--watch",
            "--timeout",
            "0",
        ],
        &["'0'", "--timeout", "longer than zero"],
    ),
    usage(
        "watch --timeout without a unit",
        &[
            "--sandbox",
            "status",
            "RF2026010100001",
            "--watch",
            "--timeout",
            "5",
        ],
        &["'5'", "--timeout", "time unit needed"],
    ),
    // -- login --
    fails(
        "login without a method",
        &["--sandbox", "login"],
        2,
        &["say how to sign in", "--account", "--access-key-id"],
    ),
    fails(
        "login --password-stdin with empty stdin",
        &[
            "--sandbox",
            "login",
            "--account",
            "demo",
            "--password-stdin",
        ],
        2,
        &["--password-stdin", "stdin was empty"],
    )
    .stdin(""),
    fails(
        "login without a password anywhere",
        &["--sandbox", "login", "--account", "demo"],
        2,
        &["password is needed", "--password-stdin", "JDC_PASSWORD"],
    )
    .env(&[("JDC_PASSWORD", "")]),
    fails(
        "login with a wrong password",
        &[
            "--sandbox",
            "login",
            "--account",
            "demo",
            "--password-stdin",
        ],
        4,
        &["wrong account or password"],
    )
    .stdin("not-the-password\n"),
    fails(
        "login to an MFA account without a code",
        &[
            "--sandbox",
            "login",
            "--account",
            "mfa-demo",
            "--password-stdin",
        ],
        4,
        &["mfa-demo", "MFA", "--mfa-code"],
    )
    .stdin("demo-password\n"),
    fails(
        "login with a wrong MFA code",
        &[
            "--sandbox",
            "login",
            "--account",
            "mfa-demo",
            "--password-stdin",
            "--mfa-code",
            "111111",
        ],
        4,
        &["wrong MFA code"],
    )
    .stdin("demo-password\n"),
    usage(
        "login --session too short",
        &[
            "--sandbox",
            "login",
            "--account",
            "demo",
            "--password-stdin",
            "--session",
            "5m",
        ],
        &["'5m'", "--session", "between 15m and 12h"],
    )
    .stdin("demo-password\n"),
    usage(
        "login --session too long",
        &[
            "--sandbox",
            "login",
            "--account",
            "demo",
            "--password-stdin",
            "--session",
            "13h",
        ],
        &["'13h'", "--session", "between 15m and 12h"],
    )
    .stdin("demo-password\n"),
    fails(
        "login with a key and a wrong secret",
        &[
            "--sandbox",
            "login",
            "--access-key-id",
            DEMO_KEY,
            "--secret-key-stdin",
        ],
        4,
        &["not saved", "signature does not match"],
    )
    .stdin("wrong-secret\n"),
    fails(
        "login with a key but no secret",
        &["--sandbox", "login", "--access-key-id", DEMO_KEY],
        2,
        &["secret key is needed", "--secret-key-stdin"],
    ),
    usage(
        "login --account with --access-key-id",
        &[
            "--sandbox",
            "login",
            "--account",
            "demo",
            "--access-key-id",
            DEMO_KEY,
        ],
        &["--account", "--access-key-id", "cannot be used with"],
    ),
    usage(
        "login --password-stdin without --account",
        &["--sandbox", "login", "--password-stdin"],
        &["required arguments were not provided", "--account"],
    ),
    // -- sandbox serve --
    usage(
        "faults without a value",
        &["sandbox", "serve", "--faults", "latency"],
        &["--faults", "fault `latency` needs a value"],
    ),
    usage(
        "faults latency not a duration",
        &["sandbox", "serve", "--faults", "latency=fast"],
        &["--faults", "`latency=fast`", "200ms"],
    ),
    usage(
        "faults probability above 1",
        &["sandbox", "serve", "--faults", "500=2"],
        &["--faults", "`500=2`: expected a probability from 0 to 1"],
    ),
    usage(
        "faults probability NaN",
        &["sandbox", "serve", "--faults", "429=NaN"],
        &["--faults", "`429=NaN`: expected a probability from 0 to 1"],
    ),
    usage(
        "faults stall-for not a duration",
        &[
            "sandbox",
            "serve",
            "--faults",
            "stall=0.5,stall-for=forever",
        ],
        &["--faults", "`stall-for=forever`"],
    ),
    usage(
        "faults retry-after fractional",
        &["sandbox", "serve", "--faults", "retry-after=1.5"],
        &["--faults", "`retry-after=1.5`: expected whole seconds"],
    ),
    usage(
        "faults unknown kind",
        &["sandbox", "serve", "--faults", "boom=1"],
        &["--faults", "unknown fault `boom`", "latency"],
    ),
    usage(
        "faults separated by semicolons",
        &["sandbox", "serve", "--faults", "latency=50ms;503=0.2"],
        &["--faults", "`latency=50ms;503=0.2`"],
    ),
    usage(
        "serve --speed zero",
        &["sandbox", "serve", "--speed", "0"],
        &["'0'", "--speed", "positive number"],
    ),
    usage(
        "serve --speed negative",
        &["sandbox", "serve", "--speed=-1"],
        &["'-1'", "--speed", "positive number"],
    ),
    usage(
        "serve --speed a word",
        &["sandbox", "serve", "--speed", "fast"],
        &["'fast'", "--speed", "positive number"],
    ),
    usage(
        "serve --port out of range",
        &["sandbox", "serve", "--port", "70000"],
        &["'70000'", "--port"],
    ),
    fails(
        "serve on a port in use",
        &[
            "sandbox",
            "serve",
            "--port",
            "{port}",
            "--state",
            "{home}/served.sqlite3",
        ],
        1,
        &["cannot start the sandbox", "127.0.0.1:{port}", "in use"],
    ),
    fails(
        "serve a state that is not a database",
        &["sandbox", "serve", "--state", "{home}/garbage.sqlite3"],
        1,
        &["{home}/garbage.sqlite3 is not a sandbox state file"],
    )
    .files(&[text("garbage.sqlite3", "this is not SQLite\n")]),
    fails(
        "sandbox state not a database",
        &["--sandbox", "orders"],
        1,
        &["{home}/state.sqlite3 is not a sandbox state file"],
    )
    .files(&[text("state.sqlite3", "this is not SQLite\n")]),
    // -- completions, subcommands --
    usage(
        "completions for an unknown shell",
        &["completions", "tcsh"],
        &["'tcsh'", "<SHELL>"],
    )
    .tip("zsh"),
    usage("no subcommand", &[], &["requires a subcommand"]),
    usage(
        "unknown subcommand",
        &["frobnicate"],
        &["unrecognized subcommand 'frobnicate'"],
    ),
    usage(
        "misspelt subcommand",
        &["--sandbox", "ordres"],
        &["unrecognized subcommand 'ordres'"],
    )
    .tip("orders"),
    // -- config.toml --
    fails(
        "config.toml garbage",
        &["--sandbox", "orders"],
        1,
        &["{home}/config/config.toml is damaged", "line 1, column 9"],
    )
    .files(&[text("config/config.toml", "garbage ][\n")]),
    fails(
        "config.toml truncated",
        &["--sandbox", "orders"],
        1,
        &["{home}/config/config.toml is damaged", "line 2"],
    )
    .files(&[text(
        "config/config.toml",
        "[profiles.default]\nregion = \"cn-nor",
    )]),
    fails(
        "config.toml not UTF-8",
        &["--sandbox", "support"],
        1,
        &["{home}/config/config.toml is damaged", "not UTF-8"],
    )
    .files(&[bytes("config/config.toml", b"\xff\xfe\x00garbage\x80\x81")]),
    // -- credentials.toml --
    fails(
        "credentials.toml garbage",
        &["--sandbox", "orders"],
        1,
        &[
            "{home}/config/credentials.toml is damaged",
            "line 1, column 9",
        ],
    )
    .files(&[text("config/credentials.toml", "garbage ][\n")]),
    fails(
        "credentials.toml truncated",
        &["--sandbox", "status"],
        1,
        &["{home}/config/credentials.toml is damaged", "line 2"],
    )
    .files(&[text(
        "config/credentials.toml",
        "[profiles.default]\naccess-key = \"AKSAND",
    )]),
    fails(
        "credentials.toml not UTF-8",
        &["--sandbox", "orders"],
        1,
        &["{home}/config/credentials.toml is damaged", "not UTF-8"],
    )
    .files(&[bytes(
        "config/credentials.toml",
        b"\xff\xfe\x00garbage\x80\x81",
    )]),
    fails(
        "credentials.toml with an expired session",
        &["--sandbox", "orders"],
        4,
        &["session expired at 2020-01-01 08:00", "login"],
    )
    .files(&[text("config/credentials.toml", EXPIRED_CREDENTIALS)]),
    fails(
        "credentials.toml readable by others",
        &["--sandbox", "orders"],
        4,
        &[
            "{home}/config/credentials.toml is readable by others",
            "mode 644",
            "chmod 600",
        ],
    )
    .files(&[text_mode(
        "config/credentials.toml",
        SANDBOX_CREDENTIALS,
        0o644,
    )]),
    fails(
        "credentials.toml with a wrong secret",
        &["--sandbox", "orders"],
        4,
        &["signature does not match", "secret key"],
    )
    .files(&[text("config/credentials.toml", WRONG_SECRET_CREDENTIALS)]),
    // -- the journal --
    fails(
        "journal entry garbage",
        &["--sandbox", "status"],
        1,
        &[
            "journal entry {home}/state/journal/k1.json is damaged",
            "mv {home}/state/journal/k1.json",
        ],
    )
    .files(&[text("state/journal/k1.json", "garbage{")]),
    fails(
        "journal entry of the wrong shape, refund",
        &[],
        1,
        &[
            "journal entry {home}/state/journal/k1.json is damaged",
            "missing field `console`",
        ],
    )
    .after(SUBMIT)
    .files(&[text("state/journal/k1.json", "{\"clientToken\":\"k1\"}")]),
    fails(
        "journal entry with an unknown outcome",
        &["--order", FULL_ORDER, "--dry-run"],
        1,
        &[
            "journal entry {home}/state/journal/k1.json is damaged",
            "unknown variant `lost`",
        ],
    )
    .after(REFUND)
    .files(&[text(
        "state/journal/k1.json",
        "{\"clientToken\":\"k1\",\"console\":\"x\",\"createdAt\":\"x\",\"updatedAt\":\"x\",\
         \"body\":{\"resourceId\":\"i-demo0nrsn01\"},\"outcome\":\"lost\"}",
    )]),
    // Fixed from the known-bugs table:
    // The TOML error's description is cut off: only "TOML parse error at line 2, column 10"
    // is shown, not "invalid type: integer `5`, expected a string".
    fails(
        "config.toml with a number for the region",
        &["--sandbox", "orders"],
        1,
        &["{home}/config/config.toml", "expected a string"],
    )
    .files(&[text(
        "config/config.toml",
        "[profiles.default]\nregion = 5\n",
    )]),
    fails(
        "credentials.toml without a secret key",
        &["--sandbox", "orders"],
        1,
        &["{home}/config/credentials.toml", "secret-key"],
    )
    .files(&[text(
        "config/credentials.toml",
        "[profiles.default]\naccess-key = \"AKSANDBOXDEMO0000001\"\nsandbox = true\n",
    )]),
    // An expiration that cannot be read is taken as "never expires", and the command runs.
    fails(
        "credentials.toml with an unreadable expiration",
        &["--sandbox", "orders"],
        4,
        &["expiration", "yesterday"],
    )
    .files(&[text(
        "config/credentials.toml",
        "[profiles.default]\naccess-key = \"AKSANDBOXDEMO0000001\"\n\
         secret-key = \"sandbox-secret-key-do-not-use\"\nsandbox = true\n\
         expiration = \"yesterday\"\n",
    )]),
    // A misspelt key is silently ignored, so the profile's region is not the one written.
    fails(
        "config.toml with a misspelt key",
        &["--sandbox", "orders"],
        1,
        &["{home}/config/config.toml", "regoin"],
    )
    .files(&[text(
        "config/config.toml",
        "[profiles.default]\nregoin = \"cn-east-2\"\n",
    )]),
    // The message blames `--endpoint`, which was not given.
    fails(
        "config.toml with an ftp endpoint",
        &["orders"],
        2,
        &["{home}/config/config.toml", "ftp://console.example.com"],
    )
    .env(ENV_KEYS)
    .files(&[text(
        "config/config.toml",
        "[profiles.default]\nendpoint = \"ftp://console.example.com\"\n",
    )]),
    // Not checked locally: the console is asked, and its answer does not name the file.
    fails(
        "config.toml with an unknown region",
        &["--sandbox", "orders"],
        2,
        &["{home}/config/config.toml", "mars"],
    )
    .files(&[text(
        "config/config.toml",
        "[profiles.default]\nregion = \"mars\"\n",
    )]),
    // Empty values reach the console: "order  not found in this account".
    usage(
        "order number empty",
        &[
            "--sandbox",
            "refund",
            "--reason",
            "not-wanted",
            "--yes",
            "--order",
            "",
        ],
        &["--order"],
    ),
    usage(
        "refund id empty",
        &["--sandbox", "refund", "cancel", ""],
        &["<REFUND_ID>"],
    ),
    usage(
        "profile name empty",
        &["--profile", "", "orders"],
        &["--profile"],
    ),
    // "add --attach invoice.pdf", though a file was attached: as a contract.
    fails(
        "invoice attached as a contract",
        &[
            "--attach",
            "{home}/invoice.pdf",
            "--attach-kind",
            "contract",
        ],
        2,
        &["--attach-kind"],
    )
    .after(SUBMIT_INVOICE)
    .files(&[bytes("invoice.pdf", MINIMAL_PDF)]),
    // "not a PDF, PNG or JPEG file": true, but the problem is that it is empty.
    fails(
        "attach an empty file",
        &["--attach", "{home}/scan.pdf"],
        2,
        &["--attach {home}/scan.pdf", "empty"],
    )
    .after(SUBMIT_INVOICE)
    .files(&[text("scan.pdf", "")]),
    // Sent to the console, which says "wrong MFA code".
    usage(
        "MFA code not six digits",
        &[
            "--sandbox",
            "login",
            "--account",
            "mfa-demo",
            "--password-stdin",
            "--mfa-code",
            "abc",
        ],
        &["--mfa-code", "'abc'"],
    )
    .stdin("demo-password\n"),
    // The advice drops `--sandbox`: `jdc-refund orders` would list JD Cloud's orders.
    fails(
        "not-found advice keeps --sandbox",
        &["--sandbox", "orders", "show", "212600000000009999"],
        3,
        &["`jdc-refund --sandbox orders`"],
    ),
    // "run `jdc-refund login` (or try `--sandbox`)", to someone running `--sandbox login`.
    fails(
        "failed sandbox login advice",
        &[
            "--sandbox",
            "login",
            "--account",
            "demo",
            "--password-stdin",
        ],
        4,
        &["wrong account or password"],
    )
    .stdin("not-the-password\n")
    .absent(&["or try `--sandbox`"]),
    // The endpoint is echoed whole, password included (and CI logs keep stderr).
    fails(
        "endpoint credentials are not echoed",
        &["orders"],
        2,
        &["user name or password"],
    )
    .env(&[
        ("JDC_ACCESS_KEY", DEMO_KEY),
        ("JDC_SECRET_KEY", DEMO_SECRET),
        ("JDC_ENDPOINT", "http://li:hunter2@console.example.com"),
    ])
    .absent(&["hunter2"]),
    // CSV rows of `refund --batch`.
    fails(
        "batch: no target column",
        &["{home}/b.csv"],
        2,
        &["line 1", "`order` or a `resource_id` column"],
    )
    .after(BATCH)
    .files(&[text("b.csv", "reason\nnot-wanted\n")]),
    fails(
        "batch: both targets in a row",
        &["{home}/b.csv"],
        2,
        &["line 2", "not both"],
    )
    .after(BATCH)
    .files(&[text(
        "b.csv",
        "order,resource_id\n212611270000000101,i-demo0nrsn01\n",
    )]),
    fails("batch: only a header", &["{home}/b.csv"], 2, &["no rows"])
        .after(BATCH)
        .files(&[text("b.csv", "order\n")]),
    fails(
        "batch: an amount with three decimals",
        &["{home}/b.csv"],
        2,
        &["line 2", "102.351", "two decimals"],
    )
    .after(BATCH)
    .files(&[text("b.csv", "order,amount\n212611270000000101,102.351\n")]),
    fails(
        "batch: an amount other than the quote",
        &["{home}/b.csv"],
        2,
        &["line 2", "100.00", "102.35"],
    )
    .after(BATCH)
    .files(&[text("b.csv", "order,amount\n212611270000000101,100\n")]),
    fails(
        "batch: an unknown reason",
        &["{home}/b.csv"],
        2,
        &["line 2", "hungry"],
    )
    .after(BATCH)
    .files(&[text("b.csv", "order,reason\n212611270000000101,hungry\n")]),
    fails(
        "batch: reason other without text",
        &["{home}/b.csv"],
        2,
        &["line 2", "--reason-text"],
    )
    .after(BATCH)
    .files(&[text("b.csv", "order,reason\n212611270000000101,other\n")]),
    fails(
        "batch: a bad phone",
        &["{home}/b.csv"],
        2,
        &["line 2", "call-me"],
    )
    .after(BATCH)
    .files(&[text(
        "b.csv",
        "order,contact_phone\n212611270000000101,call-me\n",
    )]),
    fails(
        "batch: a bad email",
        &["{home}/b.csv"],
        2,
        &["line 2", "li@"],
    )
    .after(BATCH)
    .files(&[text(
        "b.csv",
        "order,contact_email\n212611270000000101,li@\n",
    )]),
    fails(
        "batch: an unknown refund_to",
        &["{home}/b.csv"],
        2,
        &["line 2", "wallet"],
    )
    .after(BATCH)
    .files(&[text(
        "b.csv",
        "order,refund_to\n212611270000000101,wallet\n",
    )]),
    fails(
        "batch: an unknown order",
        &["{home}/b.csv"],
        3,
        &["line 2", "212600000000009999 not found"],
    )
    .after(BATCH)
    .files(&[text("b.csv", "order\n212600000000009999\n")]),
    fails(
        "batch: a post-paid order",
        &["{home}/b.csv"],
        5,
        &["line 2", "not refundable"],
    )
    .after(BATCH)
    .files(&[text("b.csv", "order\n212611210000000105\n")]),
    fails(
        "batch: the same order twice",
        &["{home}/b.csv"],
        2,
        &["line 3", "also on line 2"],
    )
    .after(BATCH)
    .files(&[text(
        "b.csv",
        "order\n212611270000000101\n212611270000000101\n",
    )]),
    fails(
        "batch: an invoice to return",
        &["{home}/b.csv"],
        2,
        &["line 2", "invoice"],
    )
    .after(BATCH)
    .files(&[text("b.csv", "order\n212611260000000103\n")]),
    fails(
        "batch: a bad idempotency key",
        &["{home}/b.csv"],
        2,
        &["line 2", "idempotency_key"],
    )
    .after(BATCH)
    .files(&[text(
        "b.csv",
        "order,idempotency_key\n212611270000000101,bad key!\n",
    )]),
    fails(
        "batch: an unknown column",
        &["{home}/b.csv"],
        2,
        &["line 1", "colour"],
    )
    .after(BATCH)
    .files(&[text("b.csv", "order,colour\n212611270000000101,red\n")]),
    fails(
        "batch: a later bad row stops the earlier good ones",
        &["{home}/b.csv"],
        3,
        &["line 4", "not-an-order"],
    )
    .after(BATCH)
    .files(&[text(
        "b.csv",
        "order\n212611270000000101\n212611240000000109\nnot-an-order\n",
    )]),
    fails(
        "batch: a missing file",
        &["{home}/missing.csv"],
        2,
        &["missing.csv", "no such file"],
    )
    .after(BATCH),
];

// ---- running a row ----

fn substitute(text: &str, home: &Path, id: &str, port: &str) -> String {
    text.replace("{home}", &home.display().to_string())
        .replace("{id}", id)
        .replace("{port}", port)
}

fn put(home: &Path, file: &Put) -> std::io::Result<()> {
    use std::io::Write;
    let path = home.join(file.path);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
        set_mode(parent, 0o700)?;
    }
    match file.content {
        Content::Text(text, mode) => {
            std::fs::write(&path, text)?;
            set_mode(&path, mode)?;
        }
        Content::Bytes(bytes) => {
            std::fs::write(&path, bytes)?;
            set_mode(&path, 0o600)?;
        }
        Content::Sized(head, len) => {
            let mut f = std::fs::File::create(&path)?;
            f.write_all(head)?;
            f.set_len(len)?;
        }
        Content::Dir => std::fs::create_dir_all(&path)?,
    }
    Ok(())
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_: &Path, _: u32) -> std::io::Result<()> {
    Ok(())
}

/// The binary in `home` with `args`, the row's environment and `CI=1`.
fn run_in(home: &Home, args: &[String], env: &[(&str, String)], stdin: Option<&str>) -> Run {
    let mut cmd = home.command();
    cmd.env_remove("JDC_PASSWORD").env("CI", "1").args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    run_command(cmd, args.to_vec(), stdin.unwrap_or(""))
}

/// How many refunds the demo account has in this home's sandbox, read with a config and
/// journal of their own (the row's may be damaged on purpose).
fn refund_count(home: &Home) -> Result<usize, String> {
    if !home.sandbox_state().exists() {
        return Ok(0);
    }
    let clean = home.path("refund-count");
    let env = [
        (
            "JDC_REFUND_CONFIG_DIR",
            clean.join("config").display().to_string(),
        ),
        (
            "JDC_REFUND_STATE_DIR",
            clean.join("state").display().to_string(),
        ),
    ];
    let args = ["--sandbox", "status", "--json", "--page-size", "100"].map(String::from);
    let run = run_in(home, &args, &env, None);
    if run.code != 0 {
        return Err(format!("could not list the refunds:{run}"));
    }
    let v: serde_json::Value = serde_json::from_str(&run.stdout)
        .map_err(|e| format!("status --json is not JSON ({e}):{run}"))?;
    v["refunds"]
        .as_array()
        .map(Vec::len)
        .ok_or_else(|| format!("no refunds array:{run}"))
}

/// The error message: the `error:` line, and for a clap usage error the indented lines that
/// continue it (`  <REFUND_ID>`, `  [possible values: …]`), but not its tips or usage.
fn error_message(stderr: &str, line: &str, usage: bool) -> String {
    if !usage {
        return line.to_string();
    }
    let mut message = String::new();
    for l in stderr
        .lines()
        .skip_while(|l| !l.starts_with("error:"))
        .take_while(|l| !l.trim().is_empty())
    {
        message.push_str(l);
        message.push('\n');
    }
    message
}

/// Runs one row; the problems found, if any, as one text.
fn check(row: &Row) -> Result<(), String> {
    let home = Home::new();
    let root = home.dir.path().to_path_buf();
    for file in row.files {
        put(&root, file).map_err(|e| format!("cannot write {}: {e}", file.path))?;
    }
    // A port someone else holds, for as long as the row runs.
    let listener = if row.all_args().any(|a| a.contains("{port}")) {
        Some(TcpListener::bind("127.0.0.1:0").map_err(|e| format!("cannot bind: {e}"))?)
    } else {
        None
    };
    let port = listener
        .as_ref()
        .and_then(|l| l.local_addr().ok())
        .map(|a| a.port().to_string())
        .unwrap_or_default();
    let mut id = String::new();
    let env_for = |id: &str| -> Vec<(&str, String)> {
        row.env
            .iter()
            .map(|(k, v)| (*k, substitute(v, &root, id, &port)))
            .collect()
    };
    for command in row.setup {
        let args: Vec<String> = command
            .iter()
            .map(|a| substitute(a, &root, &id, &port))
            .collect();
        let run = run_in(&home, &args, &env_for(&id), None);
        if run.code != 0 {
            return Err(format!("setup failed:{run}"));
        }
        if let Some(printed) = run.stdout.lines().next().filter(|l| l.starts_with("RF")) {
            id = printed.trim().to_string();
        }
    }
    let before = if row.could_submit() && !row.setup.is_empty() {
        Some(refund_count(&home)?)
    } else {
        None
    };

    let args: Vec<String> = row
        .all_args()
        .map(|a| substitute(a, &root, &id, &port))
        .collect();
    let run = run_in(&home, &args, &env_for(&id), row.stdin);
    drop(listener);

    let mut problems = Vec::new();
    if run.code != row.code {
        problems.push(format!("exit {} (expected {})", run.code, row.code));
    }
    if !run.stdout.is_empty() {
        problems.push("stdout is not empty".to_string());
    }
    for sign in ["panicked", "RUST_BACKTRACE", "stack backtrace"] {
        if run.stderr.contains(sign) {
            problems.push(format!("stderr shows a panic ({sign:?})"));
        }
    }
    let lines: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect();
    let errors: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("error:"))
        .collect();
    match errors.as_slice() {
        [line] => {
            let message = error_message(&run.stderr, line, row.usage);
            for needle in row.needles {
                let needle = substitute(needle, &root, &id, &port);
                if !message.contains(&needle) {
                    problems.push(format!("the error line lacks {needle:?}"));
                }
            }
        }
        _ => problems.push(format!(
            "{} `error:` lines on stderr (expected exactly one)",
            errors.len()
        )),
    }
    if row.usage {
        if lines.first().is_some_and(|l| !l.starts_with("error:")) {
            problems.push("stderr does not start with the `error:` line".to_string());
        }
    } else if lines.len() != 1 {
        problems.push(format!(
            "{} lines on stderr (expected the `error:` line alone)",
            lines.len()
        ));
    }
    for text in row.absent {
        if run.stderr.contains(text) {
            problems.push(format!("stderr shows {text:?}"));
        }
    }
    if !row.tip.is_empty()
        && !lines
            .iter()
            .any(|l| l.trim_start().starts_with("tip:") && l.contains(row.tip))
    {
        problems.push(format!("no `tip:` line suggesting {:?}", row.tip));
    }
    if row.could_submit() {
        let after = refund_count(&home)?;
        let expected = before.unwrap_or(0);
        if after != expected {
            problems.push(format!(
                "{} refund(s) created (the row must submit nothing)",
                after - expected.min(after)
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}{run}", problems.join("; ")))
    }
}

/// Runs `rows` (those `BAD_INPUT_ROW` names, when set) on a few threads: how many ran, and
/// every failure with its transcript.
fn run_rows(rows: &[Row]) -> (usize, Vec<String>) {
    let filter = std::env::var("BAD_INPUT_ROW").ok();
    let rows: Vec<&Row> = rows
        .iter()
        .filter(|r| filter.as_deref().is_none_or(|f| r.name.contains(f)))
        .collect();
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(2, 4);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(row) = rows.get(i) else { break };
                let started = Instant::now();
                let outcome = std::panic::catch_unwind(|| check(row)).unwrap_or_else(|panic| {
                    let why = panic
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_else(|| "a panic".into());
                    Err(format!("the check itself failed: {why}"))
                });
                if let Err(why) = outcome {
                    failures.lock().unwrap().push(format!(
                        "[{}] ({:.1?}) {why}",
                        row.name,
                        started.elapsed()
                    ));
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    (rows.len(), failures)
}

/// Asserts every row of `rows` passes, listing all the failures at once.
fn assert_rows(rows: &[Row]) {
    let started = Instant::now();
    let (ran, failures) = run_rows(rows);
    assert!(
        failures.is_empty(),
        "{} of {ran} rows failed (in {:.1?}):\n\n{}",
        failures.len(),
        started.elapsed(),
        failures.join("\n\n")
    );
}

#[test]
fn the_table_is_large_and_its_names_are_unique() {
    assert!(ROWS.len() >= 100, "only {} rows", ROWS.len());
    let mut names: Vec<&str> = ROWS.iter().map(|r| r.name).collect();
    names.sort_unstable();
    for pair in names.windows(2) {
        assert_ne!(pair[0], pair[1], "two rows are named {:?}", pair[0]);
    }
    for row in ROWS.iter() {
        assert!(
            !row.needles.is_empty(),
            "row {:?} names no problem to look for",
            row.name
        );
    }
}

#[test]
fn every_bad_input_fails_with_its_exit_code_naming_the_problem() {
    assert_rows(ROWS);
}
