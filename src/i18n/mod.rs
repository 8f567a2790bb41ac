//! Every message a person reads, in their language. The words live in two Fluent catalogues,
//! `en.ftl` and `zh.ftl` (one file per language, compiled into the binary); code names a
//! message by its key through [`t!`](crate::t) and never holds a sentence of its own.
//!
//! The language is chosen once, before the command line is parsed (so even usage errors are
//! said in it): `--lang`, then `JDC_LANG`, then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`;
//! `zh*` means Chinese), else English. JSON, exit codes and flag names never change with it.

use std::ffi::OsString;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentResource, FluentValue};

pub use fluent_bundle::FluentArgs;

/// The English catalogue.
pub const EN: &str = include_str!("en.ftl");
/// The Simplified Chinese catalogue.
pub const ZH: &str = include_str!("zh.ftl");

/// A language the tool speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// 简体中文
    #[value(alias = "zh-CN", alias = "zh_CN", alias = "zh-Hans", alias = "cn")]
    Zh,
    /// English
    #[value(alias = "en-US", alias = "en_US", alias = "en-GB", alias = "en_GB")]
    En,
}

impl Lang {
    /// Reads a `--lang`/`JDC_LANG` value or a locale name such as `zh_CN.UTF-8`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        if tag.is_empty() {
            None
        } else if tag == "zh"
            || tag == "cn"
            || tag.starts_with("zh_")
            || tag.starts_with("zh-")
            || tag.starts_with("zh.")
        {
            Some(Lang::Zh)
        } else {
            Some(Lang::En)
        }
    }

    fn catalogue(self) -> &'static str {
        match self {
            Lang::Zh => ZH,
            Lang::En => EN,
        }
    }

    fn tag(self) -> unic_langid::LanguageIdentifier {
        let tag = match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en-US",
        };
        tag.parse().unwrap_or_default()
    }
}

pub mod names;

static LANG: OnceLock<Lang> = OnceLock::new();

/// The language for this process: `flag`, then the environment (see the module docs).
pub fn detect(flag: Option<&str>, env: impl Fn(&str) -> Option<String>) -> Lang {
    if let Some(lang) = flag.and_then(Lang::from_tag) {
        return lang;
    }
    if let Some(lang) = env("JDC_LANG").as_deref().and_then(Lang::from_tag) {
        return lang;
    }
    // POSIX: the first of these that is set and not empty decides, even when it is `C`.
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(value) = env(var).filter(|v| !v.trim().is_empty()) {
            return Lang::from_tag(&value).unwrap_or(Lang::En);
        }
    }
    Lang::En
}

/// The `--lang` value on a command line, read before clap parses it.
pub fn flag_in(args: &[OsString]) -> Option<String> {
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            return args.next().map(|v| v.into_owned());
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            return Some(value.to_string());
        }
    }
    None
}

/// Chooses the language for the rest of the process (the first call wins).
pub fn init(args: &[OsString]) -> Lang {
    let lang = detect(flag_in(args).as_deref(), |k| std::env::var(k).ok());
    *LANG.get_or_init(|| lang)
}

thread_local! {
    static OVERRIDE: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// The chosen language (English until [`init`] runs, as in unit tests).
pub fn lang() -> Lang {
    OVERRIDE
        .get()
        .or_else(|| LANG.get().copied())
        .unwrap_or(Lang::En)
}

/// Runs `f` with messages in English whatever the user's language: for text that goes into
/// JSON, which is the same in every language.
pub fn in_english<T>(f: impl FnOnce() -> T) -> T {
    let before = OVERRIDE.replace(Some(Lang::En));
    let out = f();
    OVERRIDE.set(before);
    out
}

pub fn is_zh() -> bool {
    lang() == Lang::Zh
}

/// Whether `text` holds Chinese characters (CJK ideographs; with `punctuation`, the CJK
/// symbols and punctuation block too): text from outside the catalogues that a Chinese
/// reader can be shown as it is.
pub fn has_chinese(text: &str, punctuation: bool) -> bool {
    text.chars().any(|c| {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
            || punctuation && ('\u{3000}'..='\u{303f}').contains(&c)
    })
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static ZH_BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static EN_BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let cell = match lang {
        Lang::Zh => &ZH_BUNDLE,
        Lang::En => &EN_BUNDLE,
    };
    cell.get_or_init(|| {
        // A catalogue that does not parse is caught by tests/i18n.rs; what parsed is used.
        let resource = FluentResource::try_new(lang.catalogue().to_string())
            .unwrap_or_else(|(partial, _)| partial);
        let mut bundle = FluentBundle::new_concurrent(vec![lang.tag()]);
        // No Unicode isolation marks around arguments: they show up as junk in terminals.
        bundle.set_use_isolating(false);
        let _ = bundle.add_resource(resource);
        bundle
    })
}

/// The message `key` in the chosen language, with `args` filled in. A key missing from the
/// chosen catalogue falls back to English, then to the key itself (tests keep both complete).
pub fn message(key: &str, args: Option<&FluentArgs>) -> String {
    message_in(lang(), key, args)
}

pub fn message_in(lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
    for lang in [lang, Lang::En] {
        let bundle = bundle(lang);
        if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
    }
    key.to_string()
}

/// A value for a message argument. Counts stay numbers (for plural forms); everything else,
/// money and ids included, is passed as text so nothing is rounded.
pub trait Arg {
    fn value(self) -> FluentValue<'static>;
}

impl Arg for &str {
    fn value(self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

impl Arg for String {
    fn value(self) -> FluentValue<'static> {
        FluentValue::from(self)
    }
}

impl Arg for &String {
    fn value(self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}

macro_rules! count_arg {
    ($($ty:ty),*) => {$(
        impl Arg for $ty {
            fn value(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        }
        impl Arg for &$ty {
            fn value(self) -> FluentValue<'static> {
                FluentValue::from(*self)
            }
        }
    )*};
}
count_arg!(usize, u64, u32, u16, u8, i64, i32);

impl Arg for crate::console::Fen {
    fn value(self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

impl Arg for &crate::console::Fen {
    fn value(self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

/// `t!("key")` or `t!("key", name = value, ...)`: the message in the user's language.
/// Keys are literals so tests/i18n.rs can check every one exists in both catalogues.
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        $crate::i18n::message($key, None)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($name), $crate::i18n::Arg::value($value)); )+
        $crate::i18n::message($key, Some(&args))
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            vars.iter()
                .find(|(name, _)| *name == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_flag_then_jdc_lang_then_the_locale_decide() {
        assert_eq!(detect(Some("zh"), env(&[("JDC_LANG", "en")])), Lang::Zh);
        assert_eq!(
            detect(Some("en"), env(&[("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            detect(None, env(&[("JDC_LANG", "zh"), ("LANG", "C")])),
            Lang::Zh
        );
        assert_eq!(detect(None, env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(detect(None, env(&[("LANG", "zh_TW.UTF-8")])), Lang::Zh);
        assert_eq!(
            detect(None, env(&[("LC_MESSAGES", "zh_CN"), ("LANG", "en_US")])),
            Lang::Zh
        );
        // LC_ALL wins over the rest, even as `C`.
        assert_eq!(
            detect(None, env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            detect(None, env(&[("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")])),
            Lang::Zh
        );
        assert_eq!(detect(None, env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(detect(None, env(&[])), Lang::En);
    }

    #[test]
    fn the_flag_is_found_before_clap_parses() {
        let args = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            flag_in(&args(&["x", "--lang", "zh", "orders"])).as_deref(),
            Some("zh")
        );
        assert_eq!(
            flag_in(&args(&["x", "orders", "--lang=en"])).as_deref(),
            Some("en")
        );
        assert_eq!(flag_in(&args(&["x", "refund", "--", "--lang", "zh"])), None);
    }
}
