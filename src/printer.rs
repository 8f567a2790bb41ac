//! The one place that writes to the terminal. Results (tables, JSON) go to stdout; notes,
//! warnings, progress and `-v` lines go to stderr. Commands never print on their own.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{self, IsTerminal, Write};

use anstyle::{AnsiColor, Style};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

/// A last message from a signal handler: restores the cursor a prompt or spinner may have
/// hidden, then prints on stderr.
pub fn emergency(text: &str) {
    let mut err = io::stderr().lock();
    if io::stderr().is_terminal() {
        let _ = write!(err, "\x1b[?25h\r\n");
    }
    let _ = writeln!(err, "{text}");
    let _ = err.flush();
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum OutputFormat {
    #[default]
    Table,
    /// One JSON document
    Json,
    /// One compact JSON object per line: listings stream an order (or refund) a line
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

pub struct Printer {
    pub format: OutputFormat,
    color: bool,
    verbose: u8,
}

/// Decides colour the way most tools do: `--color`, then `NO_COLOR`, `CLICOLOR_FORCE`,
/// `CLICOLOR=0`, then whether the stream is a terminal.
fn use_color(choice: ColorChoice, is_terminal: bool) -> bool {
    let env = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if env("NO_COLOR").is_some() {
                false
            } else if env("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
                true
            } else if env("CLICOLOR").is_some_and(|v| v == "0") {
                false
            } else {
                is_terminal
            }
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub enum Tone {
    Plain,
    Bold,
    Dim,
    Good,
    Bad,
    Warn,
}

impl Printer {
    pub fn new(format: OutputFormat, color: ColorChoice, verbose: u8) -> Printer {
        Printer {
            format,
            color: use_color(color, io::stdout().is_terminal()),
            verbose,
        }
    }

    /// JSON of either kind: no tables, no prompts' chatter on stdout.
    pub fn is_json(&self) -> bool {
        matches!(self.format, OutputFormat::Json | OutputFormat::Jsonl)
    }

    pub fn is_jsonl(&self) -> bool {
        self.format == OutputFormat::Jsonl
    }

    pub fn paint(&self, tone: Tone, text: &str) -> String {
        if !self.color {
            return text.to_string();
        }
        let style = match tone {
            Tone::Plain => return text.to_string(),
            Tone::Bold => Style::new().bold(),
            Tone::Dim => Style::new().dimmed(),
            Tone::Good => AnsiColor::Green.on_default(),
            Tone::Bad => AnsiColor::Red.on_default().bold(),
            Tone::Warn => AnsiColor::Yellow.on_default(),
        };
        format!("{style}{text}{style:#}")
    }

    /// One line of result on stdout.
    pub fn line(&self, text: &str) -> io::Result<()> {
        let mut out = io::stdout().lock();
        writeln!(out, "{text}")?;
        out.flush()
    }

    /// One line of result on stdout; on a terminal, wrapped to 78 columns under its own
    /// indent (plus four), as [`Printer::wrapped`] does for notes. Piped, it stays one line.
    pub fn line_wrapped(&self, text: &str) -> io::Result<()> {
        if !io::stdout().is_terminal() {
            return self.line(text);
        }
        let indent = &text[..text.len() - text.trim_start().len()];
        let mut out = String::new();
        for line in wrap(text.trim_start(), indent, &format!("{indent}    ")) {
            out.push_str(&line);
            out.push('\n');
        }
        self.raw(&out)
    }

    /// A result as JSON on stdout: pretty, or on one line with `--output jsonl`.
    pub fn json<T: Serialize + ?Sized>(&self, value: &T) -> io::Result<()> {
        let mut out = io::stdout().lock();
        if self.is_jsonl() {
            serde_json::to_writer(&mut out, value).map_err(io::Error::other)?;
        } else {
            serde_json::to_writer_pretty(&mut out, value).map_err(io::Error::other)?;
        }
        writeln!(out)?;
        out.flush()
    }

    /// Raw text on stdout, for streamed JSON.
    pub fn raw(&self, text: &str) -> io::Result<()> {
        let mut out = io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()
    }

    /// A note for the person at the terminal (stderr).
    pub fn note(&self, text: &str) {
        eprintln!("{text}");
    }

    /// A note wrapped to 78 columns with a hanging indent; words (commands, ids) are never
    /// split.
    pub fn wrapped(&self, text: &str, first: &str, rest: &str) {
        for line in wrap(text, first, rest) {
            eprintln!("{line}");
        }
    }

    pub fn warn(&self, text: &str) {
        eprintln!(
            "{}",
            self.prefixed(Tone::Warn, &crate::t!("printer-warning"), text)
        );
    }

    /// One line, whatever the text holds: control characters (from a console, a file name)
    /// cannot break it or reach the terminal.
    pub fn error(&self, text: &str) {
        let text: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        eprintln!(
            "{}",
            self.prefixed(Tone::Bad, &crate::t!("printer-error"), &text)
        );
    }

    /// A `-v` line (stderr).
    pub fn debug(&self, text: &str) {
        if self.verbose > 0 {
            eprintln!("{}", self.paint_err(Tone::Dim, text));
        }
    }

    /// A progress bar on stderr; drawn only on a terminal, so it never mixes into output.
    pub fn progress(&self, len: u64, message: &str) -> indicatif::ProgressBar {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(len),
            indicatif::ProgressDrawTarget::stderr(),
        );
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("  {msg:20!} [{bar:30}] {bytes}/{total_bytes}")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(message.to_string());
        bar
    }

    /// A spinner on stderr (terminal only).
    pub fn spinner(&self, message: &str) -> indicatif::ProgressBar {
        let bar =
            indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
        if let Ok(style) = indicatif::ProgressStyle::with_template("  {spinner} {msg}") {
            bar.set_style(style);
        }
        bar.set_message(message.to_string());
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        bar
    }

    pub fn verbose(&self) -> u8 {
        self.verbose
    }

    /// `error: text`, or `错误：text`: a full-width colon carries its own space.
    fn prefixed(&self, tone: Tone, prefix: &str, text: &str) -> String {
        let gap = if prefix.ends_with('：') { "" } else { " " };
        format!("{}{gap}{text}", self.paint_err(tone, prefix))
    }

    fn paint_err(&self, tone: Tone, text: &str) -> String {
        // stderr may be a terminal while stdout is piped; colour follows the same choice.
        self.paint(tone, text)
    }
}

/// `text` wrapped to 78 columns (a Chinese character counts two) with a hanging indent.
/// Words (ids) are never split, and neither is a command a person may copy: `jdc-refund …`
/// up to a closing backtick or the end of the text moves to the next line whole, even when it
/// is longer than the line.
fn wrap(text: &str, first: &str, rest: &str) -> Vec<String> {
    const GLUE: char = '\u{a0}'; // no-break space: no line break inside a command
    let mut glued = String::with_capacity(text.len());
    let mut tail = text;
    while let Some(at) = tail.find("jdc-refund ") {
        glued.push_str(&tail[..at]);
        let command = &tail[at..];
        let end = command.find('`').unwrap_or(command.len());
        glued.extend(
            command[..end]
                .chars()
                .map(|c| if c == ' ' { GLUE } else { c }),
        );
        tail = &command[end..];
    }
    glued.push_str(tail);
    let options = textwrap::Options::new(78)
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(&glued, options)
        .into_iter()
        .map(|line| line.replace(GLUE, " "))
        .collect()
}

/// A table whose rows may arrive page by page: widths are fixed by the first batch (and the
/// headers), so memory stays bounded however many rows follow.
pub struct Table {
    headers: Vec<String>,
    widths: Vec<usize>,
    started: bool,
}

impl Table {
    pub fn new(headers: impl IntoIterator<Item = String>) -> Table {
        let headers: Vec<String> = headers.into_iter().collect();
        Table {
            widths: headers.iter().map(|h| h.width()).collect(),
            headers,
            started: false,
        }
    }

    pub fn started(&self) -> bool {
        self.started
    }

    /// Prints `rows`, preceded by the header the first time, in one write. Each row is
    /// `(cells, tone)`.
    pub fn print(&mut self, printer: &Printer, rows: &[(Vec<String>, Tone)]) -> io::Result<()> {
        let mut text = String::new();
        if !self.started {
            for (cells, _) in rows {
                for (w, cell) in self.widths.iter_mut().zip(cells) {
                    *w = (*w).max(cell.width());
                }
            }
            text.push_str(&printer.paint(Tone::Bold, &self.render(&self.headers)));
            text.push('\n');
            self.started = true;
        }
        for (cells, tone) in rows {
            text.push_str(&printer.paint(*tone, &self.render(cells)));
            text.push('\n');
        }
        printer.raw(&text)
    }

    fn render(&self, cells: &[String]) -> String {
        let last = cells.len().saturating_sub(1);
        let mut line = String::new();
        for (i, cell) in cells.iter().enumerate() {
            line.push_str(cell);
            if i < last {
                let pad = self
                    .widths
                    .get(i)
                    .copied()
                    .unwrap_or(0)
                    .saturating_sub(cell.width());
                line.push_str(&" ".repeat(pad + 2));
            }
        }
        line
    }
}

/// A progress bar counting things done (refunds submitted, refunds finished), with rate
/// and time left, on stderr; drawn only on a terminal.
pub fn counter(len: u64, message: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(len),
        indicatif::ProgressDrawTarget::stderr(),
    );
    let template = format!(
        "  {{msg:10}} [{{bar:30}}] {{pos}}/{{len}}  {{rate}}  {} {{eta}}",
        crate::t!("printer-eta")
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(&template) {
        let rate = |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{:.1}/s", state.per_sec());
        };
        bar.set_style(style.with_key("rate", rate).progress_chars("=> "));
    }
    bar.set_message(message.to_string());
    bar
}

/// A listing written page by page as it arrives, in the chosen format: a table, one JSON
/// document `{"<key>": [...], "totalCount": n}`, or one JSON object per line. Only the page at
/// hand is held, so memory stays flat however long the listing.
pub struct Listing<'p> {
    printer: &'p Printer,
    key: &'static str,
    table: Table,
    count: u64,
}

impl<'p> Listing<'p> {
    pub fn new(
        printer: &'p Printer,
        key: &'static str,
        headers: impl IntoIterator<Item = String>,
    ) -> Listing<'p> {
        Listing {
            printer,
            key,
            table: Table::new(headers),
            count: 0,
        }
    }

    /// Writes one page: `json` gives an item's JSON, `row` its table cells.
    pub fn page<T, V: Serialize>(
        &mut self,
        items: &[T],
        json: impl Fn(&T) -> V,
        row: impl Fn(&T) -> (Vec<String>, Tone),
    ) -> io::Result<()> {
        if items.is_empty() {
            return Ok(());
        }
        if !self.printer.is_json() {
            let rows: Vec<_> = items.iter().map(row).collect();
            self.count += items.len() as u64;
            return self.table.print(self.printer, &rows);
        }
        let mut text = String::new();
        for item in items {
            let one = serde_json::to_string(&json(item)).map_err(io::Error::other)?;
            if self.printer.is_jsonl() {
                text.push_str(&one);
                text.push('\n');
            } else {
                text.push_str(if self.count == 0 {
                    "{\n  \""
                } else {
                    ",\n    "
                });
                if self.count == 0 {
                    text.push_str(self.key);
                    text.push_str("\": [\n    ");
                }
                text.push_str(&one);
            }
            self.count += 1;
        }
        self.printer.raw(&text)
    }

    /// How many items were written.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Closes a JSON document, with `total` (the number of matches, when known).
    pub fn finish(&mut self, total: Option<u64>) -> io::Result<()> {
        if self.printer.format != OutputFormat::Json {
            return Ok(());
        }
        let head = if self.count > 0 {
            "\n  ]".to_string()
        } else {
            format!("{{\n  \"{}\": []", self.key)
        };
        let total = total.map_or("null".to_string(), |t| t.to_string());
        self.printer
            .raw(&format!("{head},\n  \"totalCount\": {total}\n}}\n"))
    }
}

/// `text` padded with spaces to `width` terminal columns (Chinese characters count two), for
/// lining up labels outside a [`Table`]. Longer text is returned as it is.
pub fn pad(text: &str, width: usize) -> String {
    let mut padded = text.to_string();
    padded.push_str(&" ".repeat(width.saturating_sub(text.width())));
    padded
}

/// A label padded to `width` columns, then the gap before its value: a space after `split:`,
/// none after `退款构成：`, whose full-width colon carries its own.
pub fn label(text: &str, width: usize) -> String {
    let gap = if text.ends_with('：') { "" } else { " " };
    format!("{}{gap}", pad(text, width))
}

/// The widest of `texts` in terminal columns.
pub fn widest<'a>(texts: impl IntoIterator<Item = &'a str>) -> usize {
    texts.into_iter().map(|t| t.width()).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_is_never_split_when_a_line_wraps() {
        let command = "jdc-refund --sandbox refund resubmit RF2026112800001 --amount 879.12";
        let lines = wrap(&format!("修复命令：{command}"), "     ", "         ");
        assert_eq!(
            lines,
            vec!["     修复命令：".to_string(), format!("         {command}")]
        );
        // Quoted in prose: the command is whole on one line, the prose around it wraps.
        let text = format!(
            "退款申请 RF2026112800001 已提交：¥102.35 退至原支付方式，等待审核结果。可用 `{}` 跟踪进度。",
            "jdc-refund --sandbox status RF2026112800001 --watch"
        );
        let lines = wrap(&text, "", "  ");
        assert!(
            lines
                .iter()
                .any(|l| l.contains("`jdc-refund --sandbox status RF2026112800001 --watch`")),
            "{lines:#?}"
        );
        assert!(lines.iter().all(|l| l.width() <= 78), "{lines:#?}");
        // Prose without a command wraps at spaces as before, and no no-break space is left.
        let lines = wrap(&"word ".repeat(30), "", "");
        assert!(
            lines.len() > 1
                && lines
                    .iter()
                    .all(|l| l.width() <= 78 && !l.contains('\u{a0}'))
        );
    }
}
