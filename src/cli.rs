//! The command line, as clap derives it: global options and one subcommand per guide stage.

use std::time::Duration;

use clap::builder::BoolishValueParser;
use clap::{Args, Parser, Subcommand};

use crate::commands;
use crate::console::types::REGIONS;
use crate::error::EXIT_CODES_HELP;
use crate::printer::{ColorChoice, OutputFormat};

#[derive(Debug, Parser)]
#[command(
    name = "jdc-refund",
    version,
    about = "Refund a JD Cloud server: from \"I want my money back\" to a finished refund.\n京东云服务器退款：从申请到退款成功，一步一步完成。 中文界面：--lang zh",
    long_about = "Refund a JD Cloud server: from \"I want my money back\" to a finished refund.\n\
        京东云服务器退款：从申请到退款成功，一步一步完成。 中文界面：--lang zh 或 LANG=zh_CN.UTF-8\n\n\
        On a terminal, `jdc-refund refund` walks you through JD Cloud's refund guide step by step \
        (log in, pick the order, read the policy and quote, fill in, confirm, watch); every \
        question has a flag, so scripts do the same with `--yes` and `--json`.\n\n\
        Try it offline first: `jdc-refund --sandbox refund` runs against a built-in sandbox console.",
    after_help = EXIT_CODES_HELP,
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Use the built-in sandbox console (offline, persistent state, demo account)
    #[arg(long, global = true, env = "JDC_SANDBOX", conflicts_with = "endpoint", value_parser = BoolishValueParser::new())]
    pub sandbox: bool,

    /// Profile whose region, endpoint and credentials to use
    #[arg(long, global = true, env = "JDC_PROFILE", value_name = "NAME", value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub profile: Option<String>,

    /// Console base URL (default: JD Cloud's https://{service}.jdcloud-api.com)
    #[arg(long, global = true, env = "JDC_ENDPOINT", value_name = "URL")]
    pub endpoint: Option<String>,

    /// Region of the console
    #[arg(long, global = true, env = "JDC_REGION", value_parser = REGIONS)]
    pub region: Option<String>,

    /// Output format
    #[arg(long, short = 'o', global = true, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,

    /// Shorthand for `--output json`
    #[arg(long, global = true)]
    pub json: bool,

    /// Never prompt; fail at once when a value is missing
    #[arg(long, global = true, env = "JDC_NO_PROMPT", value_parser = BoolishValueParser::new())]
    pub no_input: bool,

    /// When to use colour
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Language of messages, 界面语言 (default: JDC_LANG, then LC_ALL/LC_MESSAGES/LANG; zh_* is Chinese)
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<crate::i18n::Lang>,

    /// Print one line per request to stderr (method, path, status, time, request id)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// Give up connecting after this long
    #[arg(long, global = true, value_name = "DURATION", default_value = "10s", value_parser = parse_duration)]
    pub connect_timeout: Duration,

    /// Configuration directory (profiles, credentials)
    #[arg(
        long,
        global = true,
        hide = true,
        env = "JDC_REFUND_CONFIG_DIR",
        value_name = "DIR"
    )]
    pub config_dir: Option<std::path::PathBuf>,

    /// Local state directory (the submission journal)
    #[arg(
        long,
        global = true,
        hide = true,
        env = "JDC_REFUND_STATE_DIR",
        value_name = "DIR"
    )]
    pub state_dir: Option<std::path::PathBuf>,

    /// The embedded sandbox's state file
    #[arg(
        long,
        global = true,
        hide = true,
        env = "JDC_SANDBOX_STATE",
        value_name = "PATH"
    )]
    pub sandbox_state: Option<std::path::PathBuf>,

    /// How much faster the embedded sandbox moves refunds on
    #[arg(long, global = true, hide = true, env = "JDC_SANDBOX_SPEED", value_name = "N", value_parser = parse_speed)]
    pub sandbox_speed: Option<f64>,

    /// Give up on one request (one attempt) after this long
    #[arg(long, global = true, value_name = "DURATION", default_value = "30s", value_parser = parse_duration)]
    pub request_timeout: Duration,
}

impl GlobalArgs {
    pub fn output(&self) -> OutputFormat {
        if self.json {
            OutputFormat::Json
        } else {
            self.output
        }
    }
}

pub fn parse_speed(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(s) if s.is_finite() && s > 0.0 => Ok(s),
        _ => Err(crate::t!("cli-bad-speed", text = text)),
    }
}

pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let d = humantime::parse_duration(text)
        .map_err(|e| crate::t!("cli-bad-duration", text = text, reason = e.to_string()))?;
    if d.is_zero() {
        return Err(crate::t!("cli-zero-duration"));
    }
    Ok(d)
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Sign in: account and password, or an AccessKey pair (step 1 of the guide) · 登录京东云控制台
    Login(commands::login::Args),
    /// Forget the profile's stored credentials · 退出登录
    Logout(commands::logout::Args),
    /// List your orders, or show one with its refund quote (steps 2 and 3) · 确认订单信息
    Orders(commands::orders::Args),
    /// Apply for a refund, or cancel, remind or resubmit one (steps 3 to 8) · 提交退款申请
    Refund(Box<commands::refund::Args>),
    /// List refund applications, show one, or watch it until it ends (steps 9 to 11) · 等待审核结果
    Status(commands::status::Args),
    /// The console's support channels (step 5) · 联系客服咨询
    Support(commands::support::Args),
    /// Run or manage the sandbox console · 沙箱控制台
    Sandbox(commands::sandbox::Args),
    /// Print the shell completion script (bash, zsh, fish, powershell, elvish) · 命令补全
    Completions(commands::completions::Args),
}
