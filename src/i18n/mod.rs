//! The app's languages and its user-visible strings.
//!
//! Every string the app itself writes lives in one table per language:
//! [`Ui`] is a struct of `&'static str` fields and each language is one
//! `static` of it (`en.rs`, `zh_hant.rs`, `zh_hans.rs`), so a key missing
//! from a language is a compile error. A plain table rather than an i18n
//! crate: no dependency, no runtime parsing, and its bytes are only the
//! strings themselves (docs/performance.md has the figures).
//!
//! Strings with values use numbered holes, `{0}`, `{1}`…, filled by
//! [`fill`], so a language may order them as it needs.
//!
//! The language of the page is a per-thread cell ([`current`], [`ui`]):
//! the app sets it before it renders and renders every page again when
//! it changes, so components read it once, untracked.

mod en;
pub mod limits;
pub mod narration;
mod strings;
mod zh_hans;
mod zh_hant;

use std::cell::Cell;

pub use strings::Ui;

/// A language the app speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    /// 繁體中文, as written in Taiwan.
    ZhHant,
    /// 简体中文, as written in mainland China.
    ZhHans,
}

impl Lang {
    /// Every language, in the menu's order.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::ZhHant, Lang::ZhHans];

    /// The BCP 47 tag: the `?lang=` value, `<html lang>`, the lessons'
    /// folder name.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhHant => "zh-Hant",
            Lang::ZhHans => "zh-Hans",
        }
    }

    /// The language's name in itself (the menu's labels).
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhHant => "繁體中文",
            Lang::ZhHans => "简体中文",
        }
    }

    /// Reads a `?lang=` value (case-insensitive; regional tags accepted:
    /// `zh-TW` is `zh-Hant`).
    pub fn from_code(code: &str) -> Option<Lang> {
        let lower = code.trim().to_ascii_lowercase().replace('_', "-");
        if lower == "en" || lower.starts_with("en-") {
            return Some(Lang::En);
        }
        if lower != "zh" && !lower.starts_with("zh-") {
            return None;
        }
        let traditional = ["hant", "tw", "hk", "mo"];
        let simplified = ["hans", "cn", "sg", "my"];
        for part in lower.split('-').skip(1) {
            if traditional.contains(&part) {
                return Some(Lang::ZhHant);
            }
            if simplified.contains(&part) {
                return Some(Lang::ZhHans);
            }
        }
        // Plain `zh` (and a `zh-…` naming no script or region we know).
        Some(Lang::ZhHans)
    }

    /// The table of this language's strings.
    pub fn ui(self) -> &'static Ui {
        match self {
            Lang::En => &en::UI,
            Lang::ZhHant => &zh_hant::UI,
            Lang::ZhHans => &zh_hans::UI,
        }
    }
}

/// The language for a first visit: the first of the browser's preferred
/// languages (`navigator.languages`, most preferred first) that the app
/// speaks; English when none is.
pub fn negotiate<S: AsRef<str>>(preferred: &[S]) -> Lang {
    preferred
        .iter()
        .find_map(|p| Lang::from_code(p.as_ref()))
        .unwrap_or(Lang::En)
}

/// The page's language: the URL's `lang=`, else the one stored, else the
/// browser's preference.
pub fn choose<S: AsRef<str>>(url: Option<&str>, stored: Option<&str>, preferred: &[S]) -> Lang {
    url.and_then(Lang::from_code)
        .or_else(|| stored.and_then(Lang::from_code))
        .unwrap_or_else(|| negotiate(preferred))
}

/// The `lang=` value of a query string (`?lesson=x&lang=zh-Hant`).
pub fn lang_in_search(search: &str) -> Option<Lang> {
    let query = search.strip_prefix('?').unwrap_or(search);
    query
        .split('&')
        .filter_map(|p| p.strip_prefix("lang="))
        .find_map(Lang::from_code)
}

/// `search` (a route's query, `""` for the index) with `lang=` set to
/// `lang`, or removed for English: the URLs the app writes carry the
/// language the reader chose.
pub fn with_lang(search: &str, lang: Lang) -> String {
    let query = search.strip_prefix('?').unwrap_or(search);
    let mut parts: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && *p != "lang" && !p.starts_with("lang="))
        .collect();
    let tag = format!("lang={}", lang.code());
    if lang != Lang::En {
        parts.push(&tag);
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The page's language.
pub fn current() -> Lang {
    CURRENT.with(Cell::get)
}

/// Sets the page's language (the app root does, then renders again).
pub fn set_current(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// The strings of the page's language.
pub fn ui() -> &'static Ui {
    current().ui()
}

/// `template` with `{0}`, `{1}`… replaced by `args` in turn.
pub fn fill(template: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}');
        let index = close.and_then(|c| after[..c].parse::<usize>().ok());
        match (close, index.and_then(|i| args.get(i))) {
            (Some(c), Some(arg)) => {
                out.push_str(&arg.to_string());
                rest = &after[c + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_language_tags() {
        assert_eq!(Lang::from_code("en"), Some(Lang::En));
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("zh-Hant"), Some(Lang::ZhHant));
        assert_eq!(Lang::from_code("zh-hant"), Some(Lang::ZhHant));
        assert_eq!(Lang::from_code("zh-Hans"), Some(Lang::ZhHans));
        assert_eq!(Lang::from_code("zh-Hant-TW"), Some(Lang::ZhHant));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code(""), None);
        assert_eq!(Lang::from_code("zhx"), None);
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
    }

    #[test]
    fn negotiates_the_browser_preference() {
        for tag in ["zh-TW", "zh-HK", "zh-MO", "zh_TW"] {
            assert_eq!(negotiate(&[tag]), Lang::ZhHant, "{tag}");
        }
        for tag in ["zh-CN", "zh-SG", "zh", "ZH"] {
            assert_eq!(negotiate(&[tag]), Lang::ZhHans, "{tag}");
        }
        assert_eq!(negotiate(&["fr-FR", "zh-TW", "en"]), Lang::ZhHant);
        assert_eq!(negotiate(&["fr-FR", "de"]), Lang::En);
        assert_eq!(negotiate::<&str>(&[]), Lang::En);
        assert_eq!(negotiate(&["en-US", "zh-CN"]), Lang::En);
    }

    #[test]
    fn the_url_wins_over_storage_over_the_browser() {
        let zh = ["zh-TW"];
        assert_eq!(choose(Some("zh-Hans"), Some("en"), &zh), Lang::ZhHans);
        assert_eq!(choose(None, Some("en"), &zh), Lang::En);
        assert_eq!(choose(None, None, &zh), Lang::ZhHant);
        assert_eq!(choose(Some("xx"), None, &zh), Lang::ZhHant);
        assert_eq!(choose::<&str>(None, None, &[]), Lang::En);
    }

    #[test]
    fn reads_and_writes_lang_in_urls() {
        assert_eq!(lang_in_search("?lesson=a&lang=zh-Hant"), Some(Lang::ZhHant));
        assert_eq!(lang_in_search("lang=en"), Some(Lang::En));
        assert_eq!(lang_in_search("?lesson=a"), None);
        assert_eq!(
            with_lang("?lesson=a", Lang::ZhHans),
            "?lesson=a&lang=zh-Hans"
        );
        assert_eq!(with_lang("", Lang::ZhHant), "?lang=zh-Hant");
        assert_eq!(with_lang("?play", Lang::En), "?play");
        assert_eq!(with_lang("?lang=zh-Hant", Lang::En), "");
        assert_eq!(
            with_lang("?embed=a&lang=en&theme=dark", Lang::ZhHant),
            "?embed=a&theme=dark&lang=zh-Hant"
        );
    }

    /// Each table's `key: "text",` lines, from its source.
    fn rows(source: &str) -> Vec<(String, String)> {
        source
            .lines()
            .filter_map(|l| {
                let (key, text) = l.trim().split_once(": \"")?;
                let key = key.trim();
                key.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                    .then(|| (key.to_string(), text.trim_end_matches("\",").to_string()))
            })
            .collect()
    }

    fn holes(text: &str) -> Vec<String> {
        let mut h: Vec<String> = (0..6)
            .map(|i| format!("{{{i}}}"))
            .filter(|hole| text.contains(hole.as_str()))
            .collect();
        h.sort();
        h
    }

    #[test]
    fn every_language_has_every_key_with_the_same_holes() {
        let en = rows(include_str!("en.rs"));
        assert!(en.len() > 150, "the English table is read ({})", en.len());
        for (name, source) in [
            ("zh_hant", include_str!("zh_hant.rs")),
            ("zh_hans", include_str!("zh_hans.rs")),
        ] {
            let other = rows(source);
            assert_eq!(
                other.iter().map(|r| &r.0).collect::<Vec<_>>(),
                en.iter().map(|r| &r.0).collect::<Vec<_>>(),
                "{name}: the same keys in the same order"
            );
            for ((key, en_text), (_, text)) in en.iter().zip(&other) {
                assert_eq!(holes(en_text), holes(text), "{name}.{key}: the same holes");
                assert!(!text.is_empty(), "{name}.{key} is empty");
                if en_text.chars().filter(|c| c.is_ascii_alphabetic()).count() > 12 {
                    assert_ne!(en_text, text, "{name}.{key} is not translated");
                }
            }
        }
    }

    #[test]
    fn every_example_has_a_title_in_every_chinese_table() {
        use crate::editor::examples::{EXAMPLES, FROM_LESSONS};
        let ids = EXAMPLES
            .iter()
            .map(|e| e.0)
            .chain(FROM_LESSONS.iter().map(|e| e.0));
        for id in ids {
            for lang in [Lang::ZhHant, Lang::ZhHans] {
                assert!(
                    lang.ui().example_titles.iter().any(|(i, _)| *i == id),
                    "{lang:?} has no title for example {id}"
                );
            }
        }
    }

    #[test]
    fn fills_numbered_holes() {
        assert_eq!(fill("{1} of {0}", &[&3, &"a"]), "a of 3");
        assert_eq!(fill("t={0} s", &[&1.5]), "t=1.5 s");
        assert_eq!(fill("{x} {5} {", &[&1]), "{x} {5} {");
    }
}
