//! Questions to a person, behind a trait: the terminal (dialoguer, on stderr) in real use,
//! scripted answers in tests. Flows never touch the terminal directly.

use std::collections::VecDeque;

use std::fmt;

use dialoguer::theme::{ColorfulTheme, Theme};

use crate::t;

/// Why a question got no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptError {
    /// Ctrl-C or Esc.
    Interrupted,
    Io(String),
}

pub type Answer<T> = Result<T, PromptError>;

/// One entry of a selection list.
#[derive(Debug, Clone)]
pub struct Choice {
    pub label: String,
}

/// Checks a typed answer; `Err` is shown and the question asked again.
pub type Validator<'a> = &'a dyn Fn(&str) -> Result<(), String>;

pub trait Prompter {
    /// A line of text, pre-filled with `default` when given.
    fn input(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        validate: Validator<'_>,
    ) -> Answer<String>;
    /// Hidden input.
    fn password(&mut self, prompt: &str) -> Answer<String>;
    /// One of `items` (fuzzy-searchable on a terminal); returns its index.
    fn select(&mut self, prompt: &str, items: &[Choice], default: usize) -> Answer<usize>;
    fn confirm(&mut self, prompt: &str, default: bool) -> Answer<bool>;
}

/// The real terminal: dialoguer on stderr.
#[derive(Default)]
pub struct Terminal {
    theme: ColorfulTheme,
    confirm: ConfirmTheme,
}

/// dialoguer's colourful theme with the yes/no question in the reader's language: the hint
/// and the answer say 是/否 to a Chinese reader (the keys stay `y` and `n`, which is what
/// dialoguer reads).
#[derive(Default)]
struct ConfirmTheme(ColorfulTheme);

impl ConfirmTheme {
    fn answer(yes: bool) -> String {
        if yes {
            t!("prompt-yes")
        } else {
            t!("prompt-no")
        }
    }
}

impl Theme for ConfirmTheme {
    fn format_prompt(&self, f: &mut dyn fmt::Write, prompt: &str) -> fmt::Result {
        self.0.format_prompt(f, prompt)
    }

    fn format_error(&self, f: &mut dyn fmt::Write, err: &str) -> fmt::Result {
        self.0.format_error(f, err)
    }

    fn format_confirm_prompt(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        default: Option<bool>,
    ) -> fmt::Result {
        let theme = &self.0;
        if !prompt.is_empty() {
            write!(
                f,
                "{} {} ",
                &theme.prompt_prefix,
                theme.prompt_style.apply_to(prompt)
            )?;
        }
        let hint = theme.hint_style.apply_to(t!("prompt-yes-no-hint"));
        match default {
            None => write!(f, "{hint} {}", &theme.prompt_suffix),
            Some(d) => write!(
                f,
                "{hint} {} {}",
                &theme.prompt_suffix,
                theme.defaults_style.apply_to(Self::answer(d))
            ),
        }
    }

    fn format_confirm_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        selection: Option<bool>,
    ) -> fmt::Result {
        let theme = &self.0;
        if !prompt.is_empty() {
            write!(
                f,
                "{} {} ",
                &theme.success_prefix,
                theme.prompt_style.apply_to(prompt)
            )?;
        }
        match selection {
            Some(yes) => write!(
                f,
                "{} {}",
                &theme.success_suffix,
                theme.values_style.apply_to(Self::answer(yes))
            ),
            None => write!(f, "{}", &theme.success_suffix),
        }
    }
}

fn map_err(e: dialoguer::Error) -> PromptError {
    let dialoguer::Error::IO(io) = e;
    // Whatever happened, leave the cursor visible.
    let _ = dialoguer::console::Term::stderr().show_cursor();
    if io.kind() == std::io::ErrorKind::Interrupted {
        PromptError::Interrupted
    } else {
        PromptError::Io(io.to_string())
    }
}

impl Prompter for Terminal {
    fn input(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        validate: Validator<'_>,
    ) -> Answer<String> {
        let mut input = dialoguer::Input::<String>::with_theme(&self.theme)
            .with_prompt(prompt)
            .allow_empty(true)
            .validate_with(|text: &String| validate(text));
        if let Some(d) = default {
            input = input.with_initial_text(d);
        }
        input
            .interact_text()
            .map(|s| s.trim().to_string())
            .map_err(map_err)
    }

    fn password(&mut self, prompt: &str) -> Answer<String> {
        dialoguer::Password::with_theme(&self.theme)
            .with_prompt(prompt)
            .interact()
            .map_err(map_err)
    }

    fn select(&mut self, prompt: &str, items: &[Choice], default: usize) -> Answer<usize> {
        let labels: Vec<&str> = items.iter().map(|c| c.label.as_str()).collect();
        dialoguer::FuzzySelect::with_theme(&self.theme)
            .with_prompt(prompt)
            .items(&labels)
            .default(default)
            .max_length(12)
            .interact_opt()
            .map_err(map_err)?
            .ok_or(PromptError::Interrupted)
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> Answer<bool> {
        dialoguer::Confirm::with_theme(&self.confirm)
            .with_prompt(prompt)
            .default(default)
            .show_default(true)
            .wait_for_newline(true)
            .interact_opt()
            .map_err(map_err)?
            .ok_or(PromptError::Interrupted)
    }
}

/// A scripted answer, for tests.
#[derive(Debug, Clone)]
pub enum Scripted {
    /// Text for `input` or `password`; `None` accepts the default.
    Text(Option<String>),
    /// The label (or a unique part of it) to pick in `select`.
    Pick(String),
    Yes,
    No,
    /// Ctrl-C at this question.
    Interrupt,
}

/// What a scripted conversation asked, and which answers were rejected and why.
#[derive(Debug, Default, Clone)]
pub struct Transcript {
    pub asked: Vec<String>,
    pub rejected: Vec<String>,
}

/// Answers questions from a script and records the conversation in a [`Transcript`] the test
/// keeps a handle to.
#[derive(Debug, Default)]
pub struct ScriptedPrompter {
    pub answers: VecDeque<Scripted>,
    pub transcript: std::sync::Arc<std::sync::Mutex<Transcript>>,
}

impl ScriptedPrompter {
    pub fn new(answers: impl IntoIterator<Item = Scripted>) -> ScriptedPrompter {
        ScriptedPrompter {
            answers: answers.into_iter().collect(),
            ..ScriptedPrompter::default()
        }
    }

    fn record(&self, f: impl FnOnce(&mut Transcript)) {
        if let Ok(mut t) = self.transcript.lock() {
            f(&mut t);
        }
    }

    fn next(&mut self, prompt: &str) -> Answer<Scripted> {
        self.record(|t| t.asked.push(prompt.to_string()));
        match self.answers.pop_front() {
            Some(Scripted::Interrupt) => Err(PromptError::Interrupted),
            Some(a) => Ok(a),
            None => Err(PromptError::Io(format!(
                "no scripted answer for `{prompt}`"
            ))),
        }
    }
}

impl Prompter for ScriptedPrompter {
    fn input(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        validate: Validator<'_>,
    ) -> Answer<String> {
        // Like the terminal: a rejected answer is reported and the question asked again.
        loop {
            let text = match self.next(prompt)? {
                Scripted::Text(Some(t)) => t,
                Scripted::Text(None) => default.unwrap_or_default().to_string(),
                other => {
                    return Err(PromptError::Io(format!(
                        "`{prompt}` wants text, got {other:?}"
                    )))
                }
            };
            match validate(&text) {
                Ok(()) => return Ok(text.trim().to_string()),
                Err(e) => self.record(|t| t.rejected.push(e)),
            }
        }
    }

    fn password(&mut self, prompt: &str) -> Answer<String> {
        match self.next(prompt)? {
            Scripted::Text(Some(t)) => Ok(t),
            other => Err(PromptError::Io(format!(
                "`{prompt}` wants a password, got {other:?}"
            ))),
        }
    }

    fn select(&mut self, prompt: &str, items: &[Choice], _default: usize) -> Answer<usize> {
        match self.next(prompt)? {
            Scripted::Pick(want) => items
                .iter()
                .position(|c| c.label.contains(&want))
                .ok_or_else(|| PromptError::Io(format!("`{want}` is not offered by `{prompt}`"))),
            other => Err(PromptError::Io(format!(
                "`{prompt}` wants a pick, got {other:?}"
            ))),
        }
    }

    fn confirm(&mut self, prompt: &str, _default: bool) -> Answer<bool> {
        match self.next(prompt)? {
            Scripted::Yes => Ok(true),
            Scripted::No => Ok(false),
            other => Err(PromptError::Io(format!(
                "`{prompt}` wants yes or no, got {other:?}"
            ))),
        }
    }
}
