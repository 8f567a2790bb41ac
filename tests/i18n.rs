//! The message catalogues: both parse, hold the same keys with the same arguments, and every
//! key the code names (`t!("key", arg = ...)`) exists with exactly the arguments it is given.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

const EN: &str = include_str!("../src/i18n/en.ftl");
const ZH: &str = include_str!("../src/i18n/zh.ftl");

type Catalogue = BTreeMap<String, BTreeSet<String>>;

fn variables_in_pattern(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            variables_in_expression(expression, out);
        }
    }
}

fn variables_in_expression(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Select { selector, variants } => {
            variables_in_inline(selector, out);
            for v in variants {
                variables_in_pattern(&v.value, out);
            }
        }
        Expression::Inline(inline) => variables_in_inline(inline, out),
    }
}

fn variables_in_inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => variables_in_expression(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                variables_in_inline(a, out);
            }
            for a in &arguments.named {
                variables_in_inline(&a.value, out);
            }
        }
        _ => {}
    }
}

/// Key → the `$arguments` its message uses.
fn catalogue(name: &str, source: &'static str) -> Catalogue {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{name} does not parse: {errors:#?}"),
    };
    let mut keys = Catalogue::new();
    for entry in &resource.body {
        match entry {
            Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                let value = m
                    .value
                    .as_ref()
                    .unwrap_or_else(|| panic!("{name}: `{}` has no text", m.id.name));
                variables_in_pattern(value, &mut vars);
                let fresh = keys.insert(m.id.name.to_string(), vars).is_none();
                assert!(fresh, "{name}: `{}` is defined twice", m.id.name);
            }
            Entry::Junk { content } => panic!("{name}: cannot read {content:?}"),
            _ => {}
        }
    }
    keys
}

/// Every `t!("key", name = value, ...)` in `src/`: key → argument names, per call site.
fn uses_in_code() -> Vec<(String, String, BTreeSet<String>)> {
    let mut uses = Vec::new();
    let mut files = Vec::new();
    collect_rs(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut files,
    );
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut from = 0;
        while let Some(found) = text[from..].find("t!(") {
            let at = from + found;
            from = at + 3;
            // `t!(` but not `print!(`, `assert!(`...: the char before must not be part of a name.
            let before = text[..at].chars().last();
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let in_comment = text[line_start..at].trim_start().starts_with("//");
            if in_comment || before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = &text[from..];
            let (call, top) = call_text(rest);
            let trimmed = call.trim_start();
            let Some(key) = trimmed.strip_prefix('"').and_then(|s| s.split('"').next()) else {
                panic!("{}: t!( without a literal key: {call}", file.display());
            };
            uses.push((
                format!("{}", file.display()),
                key.to_string(),
                argument_names(&top),
            ));
        }
    }
    uses
}

fn collect_rs(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_rs(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The text up to the `)` closing the macro call, and what of it stands outside string
/// literals and nested brackets (where the `, name = value` arguments are).
fn call_text(s: &str) -> (&str, String) {
    let mut depth = 0i32;
    let mut in_str = false;
    let mut escaped = false;
    let mut top = String::new();
    for (i, c) in s.char_indices() {
        if in_str {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => return (&s[..i], top),
            ')' | ']' | '}' => depth -= 1,
            _ if depth == 0 => top.push(c),
            _ => {}
        }
    }
    (s, top)
}

/// `name` of each `, name = value` in a call's top-level text.
fn argument_names(top: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for part in top.split(',').skip(1) {
        if let Some((name, _)) = part.split_once('=') {
            let name = name.trim();
            if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                names.insert(name.to_string());
            }
        }
    }
    names
}

#[test]
fn both_catalogues_hold_the_same_keys() {
    let en = catalogue("en.ftl", EN);
    let zh = catalogue("zh.ftl", ZH);
    let only_en: Vec<_> = en.keys().filter(|k| !zh.contains_key(*k)).collect();
    let only_zh: Vec<_> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "in en.ftl but not zh.ftl: {only_en:?}");
    assert!(only_zh.is_empty(), "in zh.ftl but not en.ftl: {only_zh:?}");
}

/// Each catalogue's message uses only arguments the code gives (else the reader would see
/// `{$name}`), and every argument the code gives is used by at least one language (one may
/// leave out what it cannot say, such as an operating system's English reason).
#[test]
fn every_key_the_code_uses_exists_with_the_arguments_it_is_given() {
    let en = catalogue("en.ftl", EN);
    let zh = catalogue("zh.ftl", ZH);
    let uses = uses_in_code();
    assert!(uses.len() > 100, "found only {} t!() calls", uses.len());
    let mut problems = Vec::new();
    for (file, key, args) in &uses {
        let (Some(en_vars), Some(zh_vars)) = (en.get(key), zh.get(key)) else {
            problems.push(format!("{file}: `{key}` is missing from a catalogue"));
            continue;
        };
        for (name, vars) in [("en", en_vars), ("zh", zh_vars)] {
            let unknown: Vec<_> = vars.difference(args).collect();
            if !unknown.is_empty() {
                problems.push(format!(
                    "{file}: `{key}` in {name}.ftl uses {unknown:?}, which the code does not give"
                ));
            }
        }
        let used: BTreeSet<String> = en_vars.union(zh_vars).cloned().collect();
        let idle: Vec<_> = args.difference(&used).collect();
        if !idle.is_empty() {
            problems.push(format!(
                "{file}: `{key}` is given {idle:?}, which no language uses"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_key_in_the_catalogues_is_used() {
    let en = catalogue("en.ftl", EN);
    let used: BTreeSet<String> = uses_in_code().into_iter().map(|(_, k, _)| k).collect();
    let unused: Vec<_> = en.keys().filter(|k| !used.contains(*k)).collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");
}

#[test]
fn the_chinese_catalogue_is_chinese() {
    // A value with letters but no Chinese is almost always an untranslated English line.
    // Words that stay Latin in Chinese text (ids, flags, units, names) are allowed.
    let resource = fluent_syntax::parser::parse(ZH).unwrap_or_else(|(r, _)| r);
    let mut english = Vec::new();
    for entry in &resource.body {
        if let Entry::Message(m) = entry {
            let mut text = String::new();
            if let Some(p) = &m.value {
                for e in &p.elements {
                    if let PatternElement::TextElement { value } = e {
                        text.push_str(value);
                    }
                }
            }
            let has_chinese = text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            let words = text
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() > 3)
                .count();
            if !has_chinese && words > 1 {
                english.push(m.id.name.to_string());
            }
        }
    }
    assert!(
        english.is_empty(),
        "zh.ftl messages with no Chinese: {english:?}"
    );
}
