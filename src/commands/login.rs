//! `login`: the guide's step 1. Signs in with account and password (temporary credentials from
//! the console) or saves an AccessKey pair after checking it works; `--status` tells who is
//! signed in. Secrets are read from stdin, never from argv.

use std::io::Read;

use serde_json::json;

use crate::config::{mask, StoredCredentials};
use crate::console::types::LoginRequest;
use crate::console::Credentials;
use crate::context::{Context, CredentialSource};
use crate::error::{CliError, CliResult, Exit};
use crate::prompt::Choice;

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
        Err("the MFA code is the 6 digits your authenticator shows".into())
    }
}

fn parse_session(text: &str) -> Result<u32, String> {
    let d = crate::cli::parse_duration(text)?;
    let secs = d.as_secs();
    if (900..=43_200).contains(&secs) {
        Ok(secs as u32)
    } else {
        Err("must be between 15m and 12h".into())
    }
}

/// A secret from stdin (when `flag` was given), the environment, or a hidden prompt; never
/// from an argument, where shell history and `ps` would keep it.
fn secret(
    ctx: &mut Context,
    from_stdin: bool,
    what: &str,
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
        let prompt = format!("{}{}", what[..1].to_uppercase(), &what[1..]);
        return ctx.ask(|p| p.password(&prompt));
    }
    Err(CliError::usage(format!(
        "the {what} is needed: pipe it in with {flag}, or set {env} (never pass it as an argument)"
    )))
}

/// One line from stdin, without its line ending.
fn secret_from_stdin(what: &str, flag: &str) -> CliResult<String> {
    let mut text = String::new();
    std::io::stdin()
        .take(64 * 1024)
        .read_to_string(&mut text)
        .map_err(|e| CliError::usage(format!("cannot read the {what} from stdin ({flag}): {e}")))?;
    let secret = text.lines().next().unwrap_or("").to_string();
    if secret.is_empty() {
        return Err(CliError::usage(format!(
            "{flag} was given but stdin was empty: pipe the {what} in, e.g. `printf %s \"$PW\" | jdc-refund login ... {flag}`"
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
            "password",
            "--password-stdin",
            "JDC_PASSWORD",
        )?;
        return login_with_password(ctx, account, &password, args.mfa_code, args.session);
    }
    if let Some(key) = &args.access_key_id {
        let secret = secret(
            ctx,
            args.secret_key_stdin,
            "secret key",
            "--secret-key-stdin",
            "JDC_SECRET_KEY",
        )?;
        return login_with_key(ctx, key, &secret);
    }
    if ctx.interactive() {
        return interactive(ctx);
    }
    Err(CliError::usage(
        "say how to sign in: --account NAME --password-stdin [--mfa-code CODE], or --access-key-id KEY --secret-key-stdin",
    ))
}

/// `login` on a terminal with no flags: asks how, then account, password (hidden) and an MFA
/// code when the console asks for one.
pub fn interactive(ctx: &mut Context) -> CliResult<Exit> {
    let choices = [
        Choice {
            label: "Account and password".into(),
        },
        Choice {
            label: "AccessKey pair".into(),
        },
    ];
    let how = ctx.ask(|p| p.select("How do you sign in?", &choices, 0))?;
    if how == 1 {
        let key = ctx.ask(|p| p.input("AccessKey ID", None, &not_empty))?;
        let secret = ctx.ask(|p| p.password("Secret key"))?;
        return login_with_key(ctx, &key, &secret);
    }
    prompt_password_login(ctx)
}

fn not_empty(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        Err("required".into())
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
        let account = ctx.ask(|p| p.input("Account", None, &not_empty))?;
        let password = ctx.ask(|p| p.password("Password"))?;
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
                    ctx.printer.note("This account has MFA enabled.");
                    let code = ctx.ask(|p| {
                        p.input("MFA code (6 digits)", None, &|t: &str| {
                            if t.trim().len() == 6 && t.trim().chars().all(|c| c.is_ascii_digit()) {
                                Ok(())
                            } else {
                                Err("enter the 6 digits from your authenticator".into())
                            }
                        })
                    })?;
                    mfa_code = Some(code);
                }
                Err(e) if e.http() == Some(401) && tries < 3 => {
                    ctx.printer.warn(&format!("{e}; try again"));
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
                format!("account `{account}` has MFA enabled: add --mfa-code CODE with the 6-digit code from its authenticator"),
            ))
        }
        Err(e) => {
            // The generic advice ("run `jdc-refund login`") would send the user in a circle.
            let mut err = CliError::from(e);
            if err.exit == Exit::Auth {
                err.message = err
                    .message
                    .split("; run `jdc-refund login`")
                    .next()
                    .unwrap_or_default()
                    .to_string();
                err.message.push_str("; check the account and password");
            }
            return Err(err);
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
    client.describe_account_amount().map_err(|e| {
        let mut e = CliError::from(e);
        e.message = format!("the key pair was not saved: {}", e.message);
        e
    })?;
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
    let until = stored
        .expires_at()
        .map(|t| format!(", session expires at {t}"))
        .unwrap_or_default();
    if ctx.printer.is_json() {
        ctx.printer.json(&describe(&profile, &stored, "profile"))?;
    } else {
        ctx.printer
            .note(&format!("Logged in as {who} (profile `{profile}`{until})."));
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
    let (stored, source_name) = match source {
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
        ),
        CredentialSource::Profile(stored) => (stored, "profile"),
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
        ),
    };
    if ctx.printer.is_json() {
        ctx.printer
            .json(&describe(&profile, &stored, source_name))?;
        return Ok(Exit::Success);
    }
    let p = &ctx.printer;
    p.line(&format!(
        "Account:  {}",
        stored
            .account
            .as_deref()
            .unwrap_or("(unknown: signed in with an AccessKey)")
    ))?;
    p.line(&format!("Profile:  {profile}"))?;
    p.line(&format!("Key:      {}", mask(&stored.access_key)))?;
    p.line(&format!("From:     {source_name}"))?;
    p.line(&format!(
        "Expires:  {}",
        stored
            .expires_at()
            .map(|t| t.to_string())
            .unwrap_or_else(|| "never (a permanent key pair)".into())
    ))?;
    Ok(Exit::Success)
}
