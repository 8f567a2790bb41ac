//! Profiles on disk: `config.toml` (region, endpoint) and `credentials.toml` (keys, session
//! tokens), in the config directory (`$JDC_REFUND_CONFIG_DIR`, else the platform's). The
//! directory is 0700, the credentials file 0600, and both are replaced atomically, so a crash
//! never leaves a half-written or world-readable secret behind.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::console::ConsoleTime;
use crate::error::{foreign, io_reason, CliError, CliResult};
use crate::t;

pub const DEFAULT_PROFILE: &str = "default";

/// The platform's config directory (`--config-dir` / `$JDC_REFUND_CONFIG_DIR` override it).
pub fn default_config_dir() -> PathBuf {
    match directories::ProjectDirs::from("com", "jdc-refund", "jdc-refund") {
        Some(dirs) => dirs.config_dir().to_path_buf(),
        None => PathBuf::from(".jdc-refund"),
    }
}

/// Where local state (the submission journal) lives by default: the platform's data
/// directory (`--state-dir` / `$JDC_REFUND_STATE_DIR` override it).
pub fn default_state_dir() -> PathBuf {
    match directories::ProjectDirs::from("com", "jdc-refund", "jdc-refund") {
        Some(dirs) => dirs.data_dir().to_path_buf(),
        None => PathBuf::from(".jdc-refund-state"),
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct ProfileConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ConfigFile {
    #[serde(default)]
    pub profiles: BTreeMap<String, ProfileConfig>,
}

/// Stored credentials of one profile.
#[derive(Clone, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct StoredCredentials {
    /// The account they belong to, when known (login by password).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    pub access_key: String,
    pub secret_key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_token: Option<String>,
    /// When temporary credentials expire (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration: Option<String>,
    /// Obtained from the sandbox console (used only with `--sandbox`).
    #[serde(default)]
    pub sandbox: bool,
}

impl std::fmt::Debug for StoredCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoredCredentials")
            .field("account", &self.account)
            .field("access_key", &mask(&self.access_key))
            .field("expiration", &self.expiration)
            .field("sandbox", &self.sandbox)
            .finish_non_exhaustive()
    }
}

impl StoredCredentials {
    pub fn expires_at(&self) -> Option<ConsoleTime> {
        self.expiration.as_deref().and_then(ConsoleTime::parse)
    }

    pub fn is_expired(&self) -> bool {
        self.expires_at()
            .is_some_and(|t| t.millis() <= chrono::Utc::now().timestamp_millis())
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CredentialsFile {
    #[serde(default)]
    pub profiles: BTreeMap<String, StoredCredentials>,
}

/// `AKSA…0001`: enough to recognise a key, not enough to use it.
pub fn mask(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    if chars.len() <= 8 {
        return "…".to_string();
    }
    let head: String = chars[..4].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}…{tail}")
}

pub struct Store {
    dir: PathBuf,
}

impl Store {
    pub fn at(dir: PathBuf) -> Store {
        Store { dir }
    }

    pub fn config_path(&self) -> PathBuf {
        self.dir.join("config.toml")
    }

    pub fn credentials_path(&self) -> PathBuf {
        self.dir.join("credentials.toml")
    }

    pub fn load_config(&self) -> CliResult<ConfigFile> {
        load(&self.config_path())
    }

    /// The stored credentials; refused, as ssh refuses keys, when others can read the file.
    pub fn load_credentials(&self) -> CliResult<CredentialsFile> {
        let path = self.credentials_path();
        #[cfg(unix)]
        if let Ok(meta) = std::fs::metadata(&path) {
            use std::os::unix::fs::PermissionsExt;
            let mode = meta.permissions().mode() & 0o777;
            if mode & 0o077 != 0 {
                return Err(CliError::new(
                    crate::error::Exit::Auth,
                    t!(
                        "config-credentials-readable",
                        path = path.display().to_string(),
                        mode = format!("{mode:o}")
                    ),
                ));
            }
        }
        load(&path)
    }

    pub fn save_config(&self, config: &ConfigFile) -> CliResult<()> {
        self.save(&self.config_path(), config, 0o600)
    }

    pub fn save_credentials(&self, credentials: &CredentialsFile) -> CliResult<()> {
        self.save(&self.credentials_path(), credentials, 0o600)
    }

    fn save<T: Serialize>(&self, path: &Path, value: &T, mode: u32) -> CliResult<()> {
        let text = toml::to_string_pretty(value).map_err(|e| {
            CliError::failure(t!(
                "config-cannot-encode",
                path = path.display().to_string(),
                error = e.to_string()
            ))
        })?;
        ensure_private_dir(&self.dir)?;
        write_atomic(path, text.as_bytes(), mode)
    }
}

fn load<T: for<'de> Deserialize<'de> + Default>(path: &Path) -> CliResult<T> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(T::default()),
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            return Err(CliError::failure(t!(
                "config-cannot-read-permissions",
                path = path.display().to_string(),
                error = io_reason(&e)
            )))
        }
        Err(e) => {
            return Err(CliError::failure(t!(
                "config-cannot-read",
                path = path.display().to_string(),
                error = io_reason(&e)
            )))
        }
    };
    let shown = path.display().to_string();
    let text = String::from_utf8(bytes)
        .map_err(|_| CliError::failure(t!("config-damaged-not-utf8", path = &shown)))?;
    toml::from_str(&text).map_err(|e| {
        // The parser's words are English: a Chinese reader gets the place, and the words
        // with -v.
        let problem = foreign(e.message().trim(), || t!("config-toml-invalid"));
        let message = match e.span() {
            Some(span) => {
                let before = &text[..span.start.min(text.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
                t!(
                    "config-damaged-at",
                    path = &shown,
                    problem = problem,
                    line = line,
                    column = column
                )
            }
            None => t!("config-damaged", path = &shown, problem = problem),
        };
        CliError::failure(message)
    })
}

/// Creates `dir` (and parents) and makes it 0700.
pub fn ensure_private_dir(dir: &Path) -> CliResult<()> {
    let shown = dir.display().to_string();
    std::fs::create_dir_all(dir).map_err(|e| {
        CliError::failure(t!(
            "config-cannot-create",
            path = &shown,
            error = io_reason(&e)
        ))
    })?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).map_err(|e| {
            CliError::failure(t!(
                "config-cannot-restrict",
                path = &shown,
                error = io_reason(&e)
            ))
        })?;
    }
    Ok(())
}

/// Writes `path` by way of a temporary file in the same directory (mode `mode` from the start),
/// synced, then renamed over it: readers see the old or the new file, never a mix.
pub fn write_atomic(path: &Path, bytes: &[u8], mode: u32) -> CliResult<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let fail = |e: std::io::Error| {
        CliError::failure(t!(
            "config-cannot-write",
            path = path.display().to_string(),
            error = io_reason(&e)
        ))
    };
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("file"),
        uuid::Uuid::new_v4().simple()
    ));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(mode);
    }
    #[cfg(not(unix))]
    let _ = mode;
    let result = (|| {
        let mut file = options.open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)?;
        // The rename itself is durable only once the directory is synced.
        #[cfg(unix)]
        std::fs::File::open(dir)?.sync_all()?;
        Ok(())
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_keys() {
        assert_eq!(mask("AKSANDBOXDEMO0000001"), "AKSA…0001");
        assert_eq!(mask("short"), "…");
    }

    #[cfg(unix)]
    #[test]
    fn writes_private_files_atomically() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("cfg");
        ensure_private_dir(&sub).unwrap();
        let path = sub.join("credentials.toml");
        write_atomic(&path, b"a = 1\n", 0o600).unwrap();
        write_atomic(&path, b"a = 2\n", 0o600).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a = 2\n");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let dir_mode = std::fs::metadata(&sub).unwrap().permissions().mode() & 0o777;
        assert_eq!(dir_mode, 0o700);
        assert_eq!(
            std::fs::read_dir(&sub).unwrap().count(),
            1,
            "no temp file left"
        );
    }
}
