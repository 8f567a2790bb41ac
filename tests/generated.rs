//! The committed shell completions (`completions/`) and man pages (`man/`) are what the CLI
//! definition generates, they load in bash and zsh, and the man pages render cleanly.
//!
//! Regenerate after changing the CLI: `JDC_REFUND_REGENERATE=1 cargo test --test generated`.

use std::path::{Path, PathBuf};
use std::process::Command;

use jdc_refund::commands::completions::{file_name, man_pages, script, SHELLS};

const REGENERATE: &str = "JDC_REFUND_REGENERATE=1 cargo test --test generated";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn regenerating() -> bool {
    std::env::var_os("JDC_REFUND_REGENERATE").is_some_and(|v| v == "1")
}

/// Writes the file when regenerating; otherwise checks it is up to date.
fn check(path: &Path, expected: &[u8]) {
    if regenerating() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, expected).unwrap();
        return;
    }
    let committed = std::fs::read(path).unwrap_or_default();
    assert!(
        committed == expected,
        "{} is stale or missing: regenerate it with `{REGENERATE}` and commit the result",
        path.display()
    );
}

#[test]
fn completions_are_current() {
    for shell in SHELLS {
        check(
            &root().join("completions").join(file_name(shell)),
            &script(shell),
        );
    }
}

#[test]
fn man_pages_are_current() {
    let pages = man_pages().unwrap();
    assert!(pages.len() >= 8, "one page per subcommand");
    for (name, bytes) in &pages {
        check(&root().join("man").join(name), bytes);
    }
    if !regenerating() {
        // No page is left over from a subcommand that no longer exists.
        for entry in std::fs::read_dir(root().join("man")).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            assert!(
                pages.iter().any(|(n, _)| *n == name),
                "man/{name} is not generated any more: delete it"
            );
        }
    }
}

#[test]
fn completion_offers_enumerated_values() {
    let bash = String::from_utf8(script(clap_complete::Shell::Bash)).unwrap();
    for value in [
        "not-wanted",
        "poor-service",
        "original",
        "balance",
        "json",
        "PENDING_APPROVAL",
        "REFUND_ALL",
        "cn-east-2",
        "powershell",
    ] {
        assert!(bash.contains(value), "{value} is not completed");
    }
}

fn run(program: &str, args: &[&str]) -> std::process::Output {
    Command::new(program)
        .args(args)
        .current_dir(root())
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run {program} (is it installed? .ci/run installs it): {e}")
        })
}

#[test]
fn bash_loads_the_completion() {
    let out = run(
        "bash",
        &[
            "-c",
            "source completions/jdc-refund.bash && complete -p jdc-refund",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && stderr.is_empty(), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("jdc-refund"));
}

#[test]
fn zsh_loads_the_completion() {
    let out = run(
        "zsh",
        &[
            "-f",
            "-c",
            "autoload -U compinit; compinit -u; source completions/_jdc-refund && whence -w _jdc-refund",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && stderr.is_empty(), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("function"));
}

#[test]
fn man_pages_render_without_warnings() {
    for entry in std::fs::read_dir(root().join("man")).unwrap() {
        let path = entry.unwrap().path();
        let out = Command::new("man")
            .args(["--warnings", "-l"])
            .arg(&path)
            .env("MANPAGER", "cat")
            .env("MANWIDTH", "80")
            .output()
            .expect("man is installed (.ci/run installs man-db)");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && stderr.trim().is_empty(),
            "{}: {stderr}",
            path.display()
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("jdc-refund"));
    }
}
