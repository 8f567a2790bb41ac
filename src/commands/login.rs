//! `login`: the guide's step 1. Signs in with account and password (temporary credentials from
//! the console) or saves an AccessKey pair after checking it works; `--status` tells who is
//! signed in. Secrets are read from stdin, never from argv.

use std::io::Read;

use serde_json::json;

use crate::config::{mask, StoredCredentials};
use crate::console::types::LoginRequest;
use crate::console::Credentials;
use crate::context::{Context, CredentialSource};
use crate::error::{io_reason, CliError, CliResult, During, Exit};
use crate::printer::{pad, widest};
use crate::prompt::Choice;
use crate::t;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Account (pin) to sign in with; the password is read from stdin
    #[arg(long, conflicts_with_all = ["access_key_id", "status"], value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub account: Option<String>,

    /// Read the password from stdin (one line)
    #[arg(long, requires = "account")]
    pub password_stdin: bool,

    /// The 6-digit MFA code, for accounts with MFA enabled
    #[arg(long, requires = "account", value_name = "CODE", value_parser = parse_mfa_code)]
    pub mfa_code: Option<String>,

    /// How long the session lasts (15m to 12h)
    #[arg(long, requires = "account", value_name = "DURATION", value_parser = parse_session)]
    pub session: Option<u32>,

    /// Save an AccessKey pair instead; the secret key is read from stdin
    #[arg(long, value_name = "KEY", conflicts_with = "status", value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub access_key_id: Option<String>,

    /// Read the secret key from stdin (one line)
    #[arg(long, requires = "access_key_id")]
    pub secret_key_stdin: bool,

    /// Show who is signed in, with which profile and until when
    #[arg(long)]
    pub status: bool,
}

fn parse_mfa_code(text: &str) -> Result<String, String> {
    let t = text.trim();
    if t.len() == 6 && t.chars().all(|c| c.is_ascii_digit()) {
        Ok(t.to_string())
    } else {
        Err(t!("login-mfa-code-invalid"))
    }
}

fn parse_session(text: &str) -> Result<u32, String> {
    let d = crate::cli::parse_duration(text)?;
    let secs = d.as_secs();
    if (900..=43_200).contains(&secs) {
        Ok(secs as u32)
    } else {
        Err(t!("login-session-out-of-range"))
    }
}

/// Which secret is asked for.
#[derive(Debug, Clone, Copy)]
enum Secret {
    Password,
    SecretKey,
}

impl Secret {
    /// Its name inside a sentence.
    fn name(self) -> String {
        match self {
            Secret::Password => t!("login-what-password"),
            Secret::SecretKey => t!("login-what-secret-key"),
        }
    }

    /// Its name as a prompt.
    fn prompt(self) -> String {
        match self {
            Secret::Password => t!("login-prompt-password"),
            Secret::SecretKey => t!("login-prompt-secret-key"),
        }
    }
}

/// A secret from stdin (when `flag` was given), the environment, or a hidden prompt; never
/// from an argument, where shell history and `ps` would keep it.
fn secret(
    ctx: &mut Context,
    from_stdin: bool,
    what: Secret,
    flag: &str,
    env: &str,
) -> CliResult<String> {
    if from_stdin {
        return secret_from_stdin(what, flag);
    }
    if let Some(value) = std::env::var(env).ok().filter(|v| !v.is_empty()) {
        return Ok(value);
    }
    if ctx.interactive() {
        let prompt = what.prompt();
        return ctx.ask(|p| p.password(&prompt));
    }
    Err(CliError::usage(t!(
        "login-secret-needed",
        what = what.name(),
        flag = flag,
        env = env
    )))
}

/// One line from stdin, without its line ending.
fn secret_from_stdin(what: Secret, flag: &str) -> CliResult<String> {
    let mut text = String::new();
    std::io::stdin()
        .take(64 * 1024)
        .read_to_string(&mut text)
        .map_err(|e| {
            CliError::usage(t!(
                "login-stdin-unreadable",
                what = what.name(),
                flag = flag,
                error = io_reason(&e)
            ))
        })?;
    let secret = text.lines().next().unwrap_or("").to_string();
    if secret.is_empty() {
        return Err(CliError::usage(t!(
            "login-stdin-empty",
            what = what.name(),
            flag = flag
        )));
    }
    Ok(secret)
}

pub fn run(args: Args, ctx: &mut Context) -> CliResult<Exit> {
    if args.status {
        return status(ctx);
    }
    if let Some(account) = &args.account {
        let password = secret(
            ctx,
            args.password_stdin,
            Secret::Password,
            "--password-stdin",
            "JDC_PASSWORD",
        )?;
        return login_with_password(ctx, account, &password, args.mfa_code, args.session);
    }
    if let Some(key) = &args.access_key_id {
        let secret = secret(
            ctx,
            args.secret_key_stdin,
            Secret::SecretKey,
            "--secret-key-stdin",
            "JDC_SECRET_KEY",
        )?;
        return login_with_key(ctx, key, &secret);
    }
    if ctx.interactive() {
        return interactive(ctx);
    }
    Err(CliError::usage(t!("login-say-how")))
}

/// `login` on a terminal with no flags: asks how, then account, password (hidden) and an MFA
/// code when the console asks for one.
pub fn interactive(ctx: &mut Context) -> CliResult<Exit> {
    let choices = [
        Choice {
            label: t!("login-choice-password"),
        },
        Choice {
            label: t!("login-choice-key"),
        },
    ];
    let question = t!("login-how");
    let how = ctx.ask(|p| p.select(&question, &choices, 0))?;
    if how == 1 {
        let key_prompt = t!("login-prompt-access-key");
        let key = ctx.ask(|p| p.input(&key_prompt, None, &not_empty))?;
        let secret_prompt = Secret::SecretKey.prompt();
        let secret = ctx.ask(|p| p.password(&secret_prompt))?;
        return login_with_key(ctx, &key, &secret);
    }
    prompt_password_login(ctx)
}

fn not_empty(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        Err(t!("login-required"))
    } else {
        Ok(())
    }
}

/// Account, password and (when asked) MFA code, with up to three tries.
pub fn prompt_password_login(ctx: &mut Context) -> CliResult<Exit> {
    let client = ctx.client_with(None)?;
    let mut tries = 0;
    loop {
        tries += 1;
        let account_prompt = t!("login-prompt-account");
        let account = ctx.ask(|p| p.input(&account_prompt, None, &not_empty))?;
        let password_prompt = Secret::Password.prompt();
        let password = ctx.ask(|p| p.password(&password_prompt))?;
        let mut mfa_code = None;
        loop {
            let result = client.login(&LoginRequest {
                account: account.clone(),
                password: password.clone(),
                mfa_code: mfa_code.clone(),
                duration_seconds: None,
            });
            match result {
                Ok(r) => return save(ctx, stored_session(r, ctx.global.sandbox)),
                Err(e) if e.status() == Some("MFA_REQUIRED") && mfa_code.is_none() => {
                    ctx.printer.note(&t!("login-mfa-enabled"));
                    let code_prompt = t!("login-prompt-mfa-code");
                    let code = ctx.ask(|p| {
                        p.input(&code_prompt, None, &|t: &str| {
                            if t.trim().len() == 6 && t.trim().chars().all(|c| c.is_ascii_digit()) {
                                Ok(())
                            } else {
                                Err(t!("login-mfa-code-digits"))
                            }
                        })
                    })?;
                    mfa_code = Some(code);
                }
                Err(e) if e.http() == Some(401) && tries < 3 => {
                    ctx.printer
                        .warn(&t!("login-try-again", error = e.to_string()));
                    break;
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
}

fn stored_session(result: crate::console::types::LoginResult, sandbox: bool) -> StoredCredentials {
    let c = result.credentials;
    StoredCredentials {
        account: Some(result.pin),
        access_key: c.access_key,
        secret_key: c.secret_key,
        session_token: Some(c.session_token),
        expiration: Some(c.expiration.iso()),
        sandbox,
    }
}

pub fn login_with_password(
    ctx: &mut Context,
    account: &str,
    password: &str,
    mfa_code: Option<String>,
    session: Option<u32>,
) -> CliResult<Exit> {
    let client = ctx.client_with(None)?;
    let result = client.login(&LoginRequest {
        account: account.to_string(),
        password: password.to_string(),
        mfa_code: mfa_code.clone(),
        duration_seconds: session,
    });
    let result = match result {
        Ok(r) => r,
        Err(e) if e.status() == Some("MFA_REQUIRED") && mfa_code.is_none() => {
            return Err(CliError::new(
                Exit::Auth,
                t!("login-mfa-needed", account = account),
            ))
        }
        Err(e) => {
            // The generic advice ("run `jdc-refund login`") would send the user in a circle.
            return Err(CliError::from_console(
                e,
                During::PasswordLogin {
                    mfa_code: mfa_code.is_some(),
                },
            ));
        }
    };
    let sandbox = ctx.global.sandbox;
    save(ctx, stored_session(result, sandbox))
}

pub fn login_with_key(ctx: &mut Context, key: &str, secret: &str) -> CliResult<Exit> {
    let credentials = Credentials {
        access_key: key.to_string(),
        secret_key: secret.to_string(),
        session_token: None,
    };
    let client = ctx.client_with(Some(credentials))?;
    // Checked before it is saved: a key that does not work is never stored.
    client
        .describe_account_amount()
        .map_err(|e| CliError::from_console(e, During::KeyLogin))?;
    save(
        ctx,
        StoredCredentials {
            account: None,
            access_key: key.to_string(),
            secret_key: secret.to_string(),
            session_token: None,
            expiration: None,
            sandbox: ctx.global.sandbox,
        },
    )
}

fn save(ctx: &mut Context, stored: StoredCredentials) -> CliResult<Exit> {
    let profile = ctx.profile();
    let mut file = ctx.store.load_credentials()?;
    file.profiles.insert(profile.clone(), stored.clone());
    ctx.store.save_credentials(&file)?;
    // An explicit endpoint or region becomes the profile's default.
    if !ctx.global.sandbox && (ctx.global.endpoint.is_some() || ctx.global.region.is_some()) {
        let mut config = ctx.store.load_config()?;
        let entry = config.profiles.entry(profile.clone()).or_default();
        if let Some(e) = &ctx.global.endpoint {
            entry.endpoint = Some(e.clone());
        }
        if let Some(r) = &ctx.global.region {
            entry.region = Some(r.clone());
        }
        ctx.store.save_config(&config)?;
    }
    let who = stored
        .account
        .clone()
        .unwrap_or_else(|| mask(&stored.access_key));
    if ctx.printer.is_json() {
        ctx.printer.json(&describe(&profile, &stored, "profile"))?;
    } else {
        let note = match stored.expires_at() {
            Some(until) => t!(
                "login-done-until",
                who = who,
                profile = &profile,
                until = until.to_string()
            ),
            None => t!("login-done", who = who, profile = &profile),
        };
        ctx.printer.note(&note);
    }
    Ok(Exit::Success)
}

fn describe(profile: &str, stored: &StoredCredentials, source: &str) -> serde_json::Value {
    json!({
        "profile": profile,
        "account": stored.account,
        "accessKey": mask(&stored.access_key),
        "expiration": stored.expires_at().map(|t| t.iso()),
        "expired": stored.is_expired(),
        "sandbox": stored.sandbox,
        "source": source,
    })
}

fn status(ctx: &mut Context) -> CliResult<Exit> {
    let profile = ctx.profile();
    let (credentials, source) = ctx.credentials()?;
    let (stored, source_name, from) = match source {
        CredentialSource::Environment => (
            StoredCredentials {
                account: None,
                access_key: credentials.access_key.clone(),
                secret_key: String::new(),
                session_token: credentials.session_token.clone(),
                expiration: None,
                sandbox: false,
            },
            "environment",
            t!("login-from-environment"),
        ),
        CredentialSource::Profile(stored) => (stored, "profile", t!("login-from-profile")),
        CredentialSource::SandboxDemo => (
            StoredCredentials {
                account: Some("demo".into()),
                access_key: credentials.access_key.clone(),
                secret_key: String::new(),
                session_token: None,
                expiration: None,
                sandbox: true,
            },
            "sandbox demo key",
            t!("login-from-sandbox"),
        ),
    };
    if ctx.printer.is_json() {
        ctx.printer
            .json(&describe(&profile, &stored, source_name))?;
        return Ok(Exit::Success);
    }
    let rows = [
        (
            t!("login-label-account"),
            stored
                .account
                .clone()
                .unwrap_or_else(|| t!("login-account-unknown")),
        ),
        (t!("login-label-profile"), profile),
        (t!("login-label-key"), mask(&stored.access_key)),
        (t!("login-label-from"), from),
        (
            t!("login-label-expires"),
            stored
                .expires_at()
                .map(|t| t.to_string())
                .unwrap_or_else(|| t!("login-expires-never")),
        ),
    ];
    // Labels line up by terminal columns: Chinese labels are two columns a character.
    let width = widest(rows.iter().map(|(label, _)| label.as_str())) + 2;
    for (label, value) in &rows {
        ctx.printer.line(&format!("{}{value}", pad(label, width)))?;
    }
    Ok(Exit::Success)
}
