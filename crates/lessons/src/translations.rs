//! Translated lessons: `lessons/<lang>/NN-id.md`, one sibling file per
//! English lesson, checked against the English lesson's structure.
//!
//! A translation has the English lesson's file name, front-matter keys,
//! snippets (same names, kinds and order, with code that differs only in
//! comments and string literals), predict blocks (on the same snippets, in
//! the same order) and the same
//! interleaving of prose and snippets. Everything else — prose, titles,
//! summaries, the part's name, predict prompts and explanations, snippet
//! titles, comments and printed strings — is the translator's.
//!
//! Every English lesson must have a translation in every language, except
//! the ids listed in `lessons/<lang>/not-yet-translated.txt` (one id a line,
//! `#` starts a comment). That list only shrinks: an id listed there whose
//! translation exists is an error too. Expected outputs of translated
//! snippets live in `lessons/<lang>/expected/<id>/<name>.out`, written by
//! `tools/regen-lessons` from CPython like the English ones.

use crate::{parse_lesson, split_front_matter, Lesson, LessonError, Section, Snippet, SnippetKind};
use std::path::{Path, PathBuf};

/// The languages lessons are translated into, as BCP 47 tags; each is a
/// folder of `lessons/`. English, the language lessons are written in, is
/// not listed.
pub const TRANSLATIONS: &[&str] = &["zh-Hant", "zh-Hans"];

/// The file in a language's folder that lists the lessons not translated yet.
pub const NOT_YET_TRANSLATED: &str = "not-yet-translated.txt";

/// The curriculum in `lang` (`"en"` or one of [`TRANSLATIONS`]): each
/// lesson's translation, or the English lesson where it is not translated
/// yet. `dir` is the English lessons' folder. Any malformed or structurally
/// different translation is an error.
pub fn lessons_for(dir: &Path, lang: &str) -> Result<Vec<Lesson>, LessonError> {
    let english = crate::load_dir(dir)?;
    if lang == "en" {
        return Ok(english);
    }
    let translated = load_translations(dir, &english, lang)?;
    Ok(english
        .into_iter()
        .map(|en| {
            translated
                .iter()
                .find(|t| t.id == en.id)
                .cloned()
                .unwrap_or(en)
        })
        .collect())
}

/// Checks every language's translations against the English `lessons`
/// (loaded from `dir`); the build script runs it so a broken translation
/// fails the build.
pub fn check_translations(dir: &Path, english: &[Lesson]) -> Result<(), LessonError> {
    for lang in TRANSLATIONS {
        load_translations(dir, english, lang)?;
    }
    Ok(())
}

/// The translated lessons of `lang` (only those that exist), each checked
/// against its English lesson; a lesson neither translated nor listed in
/// `not-yet-translated.txt` is an error.
pub fn load_translations(
    dir: &Path,
    english: &[Lesson],
    lang: &str,
) -> Result<Vec<Lesson>, LessonError> {
    let lang_dir = dir.join(lang);
    let pending = read_pending(&lang_dir, english)?;
    let mut out = Vec::new();
    for en in english {
        let Some(file_name) = en.source_path.file_name() else {
            continue;
        };
        let path = lang_dir.join(file_name);
        let listed = pending.iter().find(|(_, id)| *id == en.id);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(_) if listed.is_some() => continue,
            Err(e) => {
                return Err(LessonError {
                    path,
                    line: 0,
                    message: format!(
                        "missing translation of {} ({e}); translate it or list `{}` in {}",
                        en.source_path.display(),
                        en.id,
                        lang_dir.join(NOT_YET_TRANSLATED).display()
                    ),
                })
            }
        };
        if let Some((line, _)) = listed {
            return Err(LessonError {
                path: lang_dir.join(NOT_YET_TRANSLATED),
                line: *line,
                message: format!(
                    "`{}` is translated ({}): remove it from this list",
                    en.id,
                    path.display()
                ),
            });
        }
        let lesson = parse_lesson(&path, &text)?;
        check_structure(en, &lesson, &text)?;
        out.push(lesson);
    }
    // A file that translates no English lesson.
    if let Ok(entries) = std::fs::read_dir(&lang_dir) {
        let mut stray: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .filter(|p| {
                !english
                    .iter()
                    .any(|en| en.source_path.file_name() == p.file_name())
            })
            .collect();
        stray.sort();
        if let Some(path) = stray.into_iter().next() {
            return Err(LessonError {
                path,
                line: 1,
                message: "no English lesson has this file name".into(),
            });
        }
    }
    Ok(out)
}

/// `(line, id)` of each lesson listed in `not-yet-translated.txt`.
fn read_pending(lang_dir: &Path, english: &[Lesson]) -> Result<Vec<(usize, String)>, LessonError> {
    let path = lang_dir.join(NOT_YET_TRANSLATED);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let id = raw.split('#').next().unwrap_or("").trim();
        if id.is_empty() {
            continue;
        }
        if !english.iter().any(|en| en.id == id) {
            return Err(LessonError {
                path: path.clone(),
                line: i + 1,
                message: format!("no lesson has the id `{id}`"),
            });
        }
        out.push((i + 1, id.to_string()));
    }
    Ok(out)
}

/// The structural equality of a translation `tr` (whose file text is
/// `text`) with its English lesson `en`: the same front-matter keys, the
/// same snippets (name, kind, flags, code beyond comments and strings), the
/// same predict blocks, and prose and snippets alternating the same way.
pub fn check_structure(en: &Lesson, tr: &Lesson, text: &str) -> Result<(), LessonError> {
    let fail = |line: usize, message: String| LessonError {
        path: tr.source_path.clone(),
        line,
        message,
    };
    let last_line = text.lines().count().max(1);
    same_front_matter_keys(en, text)
        .map_err(|m| fail(1, m))
        .and_then(|()| same_snippets(en, tr, last_line).map_err(|(l, m)| fail(l, m)))
        .and_then(|()| same_predicts(en, tr, last_line).map_err(|(l, m)| fail(l, m)))
        .and_then(|()| same_shape(en, tr, last_line).map_err(|(l, m)| fail(l, m)))
}

/// A structural difference: the translation's line and the message.
type Difference = (usize, String);

/// The translation (file text `text`) has the English lesson's front-matter
/// keys, in any order.
fn same_front_matter_keys(en: &Lesson, text: &str) -> Result<(), String> {
    let en_text = std::fs::read_to_string(&en.source_path).unwrap_or_default();
    let keys = |t: &str| -> Vec<String> {
        split_front_matter(t)
            .map(|(front, _, _)| front.into_iter().map(|(_, k, _)| k).collect())
            .unwrap_or_default()
    };
    let (mut en_keys, mut tr_keys) = (keys(&en_text), keys(text));
    en_keys.sort();
    tr_keys.sort();
    if en_keys == tr_keys {
        return Ok(());
    }
    Err(format!(
        "front-matter keys [{}] differ from the English lesson's [{}]",
        tr_keys.join(", "),
        en_keys.join(", ")
    ))
}

/// The same snippets in the same order, each with the English name, kind,
/// `cpu` flag and code (beyond comments and strings).
fn same_snippets(en: &Lesson, tr: &Lesson, last_line: usize) -> Result<(), Difference> {
    for (i, en_s) in en.snippets.iter().enumerate() {
        let Some(tr_s) = tr.snippets.get(i) else {
            return Err((
                last_line,
                format!(
                    "snippet `{}` (English line {}) is missing: a translation has the same snippets in the same order",
                    en_s.name, en_s.line
                ),
            ));
        };
        same_snippet(i, en_s, tr_s)?;
    }
    match tr.snippets.get(en.snippets.len()) {
        Some(extra) => Err((
            extra.line,
            format!("snippet `{}` is not in the English lesson", extra.name),
        )),
        None => Ok(()),
    }
}

/// Snippet number `i` of the translation, `tr_s`, matches the English `en_s`.
fn same_snippet(i: usize, en_s: &Snippet, tr_s: &Snippet) -> Result<(), Difference> {
    if tr_s.name != en_s.name {
        return Err((
            tr_s.line,
            format!(
                "snippet #{} is `{}`, the English lesson's is `{}`",
                i + 1,
                tr_s.name,
                en_s.name
            ),
        ));
    }
    if tr_s.kind != en_s.kind {
        let what = |k: SnippetKind| match k {
            SnippetKind::Main => "a main snippet",
            SnippetKind::Variation => "a variation",
        };
        return Err((
            tr_s.line,
            format!(
                "snippet `{}` is {}, in English {}",
                tr_s.name,
                what(tr_s.kind),
                what(en_s.kind)
            ),
        ));
    }
    if tr_s.cpu_model != en_s.cpu_model {
        let flag = |on: bool| if on { "has" } else { "lacks" };
        return Err((
            tr_s.line,
            format!(
                "snippet `{}` {} the `cpu` flag, the English one {} it",
                tr_s.name,
                flag(tr_s.cpu_model),
                flag(en_s.cpu_model)
            ),
        ));
    }
    if let Some((line, en_line, tr_line)) = code_difference(&en_s.code, &tr_s.code) {
        return Err((
            tr_s.line + line,
            format!(
                "snippet `{}` differs from the English code beyond comments and strings: `{}` (English: `{}`)",
                tr_s.name, tr_line, en_line
            ),
        ));
    }
    Ok(())
}

/// The same exercises, on the same snippets, in the same order.
fn same_predicts(en: &Lesson, tr: &Lesson, last_line: usize) -> Result<(), Difference> {
    for (i, en_p) in en.predicts.iter().enumerate() {
        match tr.predicts.get(i) {
            None => {
                return Err((
                    tr.predicts.last().map_or(last_line, |p| p.line),
                    format!(
                        "the predict block on `{}` (English line {}) is missing: a translation has the same predict blocks in the same order",
                        en_p.snippet, en_p.line
                    ),
                ))
            }
            Some(tr_p) if tr_p.snippet != en_p.snippet => {
                return Err((
                    tr_p.line,
                    format!(
                        "predict block #{} names `{}`, the English one `{}`",
                        i + 1,
                        tr_p.snippet,
                        en_p.snippet
                    ),
                ))
            }
            Some(_) => {}
        }
    }
    match tr.predicts.get(en.predicts.len()) {
        Some(extra) => Err((
            extra.line,
            format!(
                "the English lesson has no predict block on `{}` (it has {})",
                extra.snippet,
                en.predicts.len()
            ),
        )),
        None => Ok(()),
    }
}

/// Prose and snippets alternate as in the English lesson.
fn same_shape(en: &Lesson, tr: &Lesson, last_line: usize) -> Result<(), Difference> {
    let shape = |l: &Lesson| -> Vec<Option<usize>> {
        let mut out: Vec<Option<usize>> = Vec::new();
        for s in &l.sections {
            match s {
                Section::Prose(_) => {
                    if out.last() != Some(&None) {
                        out.push(None)
                    }
                }
                Section::Snippet(i) => out.push(Some(*i)),
            }
        }
        out
    };
    let (en_shape, tr_shape) = (shape(en), shape(tr));
    if en_shape == tr_shape {
        return Ok(());
    }
    let at = en_shape
        .iter()
        .zip(&tr_shape)
        .position(|(a, b)| a != b)
        .unwrap_or(en_shape.len().min(tr_shape.len()));
    // The snippet at or after the first difference, for the line.
    let line = tr_shape[at.min(tr_shape.len().saturating_sub(1))..]
        .iter()
        .flatten()
        .next()
        .and_then(|i| tr.snippets.get(*i))
        .map_or(last_line, |s| s.line);
    Err((
        line,
        "prose and snippets alternate differently from the English lesson (prose where the English has none, or none where it has some)".into(),
    ))
}

/// The first line (0-based within the code, counted in the translation,
/// with both lines shown) where two snippets differ once comments and the
/// text of string literals are set aside. An f-string's replacement fields
/// are code and must match.
pub fn code_difference(english: &str, translated: &str) -> Option<(usize, String, String)> {
    let a = skeleton(english);
    let b = skeleton(translated);
    for i in 0..a.len().max(b.len()) {
        match (a.get(i), b.get(i)) {
            (Some((_, x)), Some((n, y))) if x == y => {}
            (x, y) => {
                let line = y.map_or_else(|| b.last().map_or(1, |(n, _)| n + 1), |(n, _)| *n);
                let shown =
                    |l: Option<&(usize, String)>| l.map_or(String::new(), |(_, s)| s.clone());
                return Some((line, shown(x), shown(y)));
            }
        }
    }
    None
}

/// The code's lines with comments dropped, each string literal replaced by
/// `"…"` (keeping an f-string's `{fields}`), trailing spaces trimmed and
/// empty lines left out; each with its 1-based line number.
fn skeleton(code: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = code.chars().collect();
    let mut lines: Vec<(usize, String)> = Vec::new();
    let mut cur = String::new();
    let mut line = 1;
    let mut start_line = 1;
    let mut i = 0;
    let push = |lines: &mut Vec<(usize, String)>, cur: &mut String, at: usize| {
        let t = cur.trim_end();
        if !t.trim().is_empty() {
            lines.push((at, t.to_string()));
        }
        cur.clear();
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            push(&mut lines, &mut cur, start_line);
            line += 1;
            start_line = line;
            i += 1;
            continue;
        }
        if c == '#' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '"' || c == '\'' {
            // The prefix letters (f, r, b, u) are already in `cur`.
            let prefix: String = cur
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect::<String>()
                .to_ascii_lowercase();
            let is_f = prefix.contains('f') && prefix.len() <= 2;
            let triple = i + 2 < chars.len() && chars[i + 1] == c && chars[i + 2] == c;
            let q = if triple { 3 } else { 1 };
            i += q;
            cur.push_str("\"…");
            // An f-string's fields, compared as a sorted list: a translation
            // may put them in another order, not change them.
            let mut fields: Vec<String> = Vec::new();
            let mut depth = 0usize;
            while i < chars.len() {
                let d = chars[i];
                if depth == 0 {
                    // Even a raw string's backslash keeps the next quote in.
                    if d == '\\' {
                        i += 2;
                        continue;
                    }
                    if d == c
                        && (!triple
                            || (i + 2 < chars.len() && chars[i + 1] == c && chars[i + 2] == c))
                    {
                        i += q;
                        break;
                    }
                    if d == '\n' {
                        line += 1;
                        if !triple {
                            break;
                        }
                    }
                    if is_f && d == '{' {
                        if chars.get(i + 1) == Some(&'{') {
                            i += 2;
                            continue;
                        }
                        depth = 1;
                        fields.push(String::from("{"));
                        i += 1;
                        continue;
                    }
                    i += 1;
                } else {
                    match d {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        '\n' => line += 1,
                        _ => {}
                    }
                    if let Some(f) = fields.last_mut() {
                        f.push(d);
                    }
                    i += 1;
                }
            }
            fields.sort();
            cur.push_str(&fields.concat());
            cur.push('"');
            continue;
        }
        cur.push(c);
        i += 1;
    }
    push(&mut lines, &mut cur, start_line);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = "---\nid: sleep\ntitle: Taking turns\nsummary: One idea.\n---\n\nSome prose.\n\n```python name=main title=\"Three tasks\"\nx = 1  # one\nprint(f\"got {x:>3} items\", 'b')\n```\n\nMore.\n\n```python variation name=no-await title=\"Remove one await\"\nprint(2)\n```\n\n```predict\nsnippet: main\nprompt: In which order?\nexplain: Because.\n```\n";

    const ZH: &str = "---\nid: sleep\ntitle: 輪流\nsummary: 一個概念。\n---\n\n一些文字。\n\n```python name=main title=\"三個任務\"\n# 說明\nx = 1  # 一\nprint(f\"拿到 {x:>3} 個\", '乙')\n```\n\n更多。\n\n```python variation name=no-await title=\"拿掉一個 await\"\nprint(2)\n```\n\n```predict\nsnippet: main\nprompt: 順序是？\nexplain: 因為。\n```\n";

    fn lesson(path: &str, text: &str) -> Lesson {
        parse_lesson(Path::new(path), text).unwrap()
    }

    /// `check_structure` of `zh` against `EN`, written to a file first (the
    /// front-matter keys are read from the English file).
    fn check(zh: &str) -> Result<(), LessonError> {
        check_against(EN, "one", zh)
    }

    /// `check_structure` of `zh` against the English `en` (written to a
    /// file of its own, named by `tag`, as tests run in parallel).
    fn check_against(en: &str, tag: &str, zh: &str) -> Result<(), LessonError> {
        let dir =
            std::env::temp_dir().join(format!("looplab-lessons-{}-{tag}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("03-sleep.md");
        std::fs::write(&p, en).unwrap();
        let en = lesson(p.to_str().unwrap(), en);
        let tr = parse_lesson(Path::new("lessons/zh-Hant/03-sleep.md"), zh)?;
        check_structure(&en, &tr, zh)
    }

    #[test]
    fn a_faithful_translation_passes() {
        check(ZH).unwrap();
    }

    #[test]
    fn structural_differences_name_the_line() {
        let e = check(&ZH.replace("name=no-await", "name=no-wait")).unwrap_err();
        assert_eq!(e.line, 17, "{e}");
        assert!(e.message.contains("`no-wait`"), "{e}");

        let e = check(&ZH.replace("summary:", "part: 基礎\nsummary:")).unwrap_err();
        assert_eq!(e.line, 1, "{e}");
        assert!(e.message.contains("front-matter keys"), "{e}");

        let e = check(&ZH.replace("python variation", "python")).unwrap_err();
        assert_eq!(e.line, 17, "{e}");
        assert!(e.message.contains("a main snippet"), "{e}");

        let e = check(&ZH.replace("python variation", "python variation cpu")).unwrap_err();
        assert_eq!(e.line, 17, "{e}");
        assert!(e.message.contains("`cpu` flag"), "{e}");

        let e = check(&ZH.replace("x = 1  #", "x = 2  #")).unwrap_err();
        assert_eq!(e.line, 11, "{e}");
        assert!(e.message.contains("x = 2"), "{e}");

        // An f-string's fields are code.
        let e = check(&ZH.replace("{x:>3}", "{x:>4}")).unwrap_err();
        assert_eq!(e.line, 12, "{e}");

        let e = check(&ZH.replace("snippet: main", "snippet: no-await")).unwrap_err();
        assert_eq!(e.line, 21, "{e}");

        let no_predict = ZH.split("```predict").next().unwrap().to_string();
        let e = check(&no_predict).unwrap_err();
        assert!(e.message.contains("predict"), "{e}");

        let e = check(&ZH.replace("\n更多。\n", "\n")).unwrap_err();
        assert!(e.message.contains("alternate"), "{e}");
        assert_eq!(e.line, 16, "{e}");

        let extra = ZH.replace(
            "```predict",
            "```python variation name=extra title=\"x\"\nprint(3)\n```\n\n```predict",
        );
        let e = check(&extra).unwrap_err();
        assert!(e.message.contains("`extra`"), "{e}");
    }

    /// A second predict block, on the variation, after it.
    fn with_second_predict(text: &str, prompt: &str) -> String {
        text.replacen(
            "print(2)\n```\n",
            &format!("print(2)\n```\n\n```predict\nsnippet: no-await\nprompt: {prompt}\nexplain: x\n```\n"),
            1,
        )
    }

    #[test]
    fn several_predict_blocks_must_match_in_order() {
        let en = with_second_predict(EN, "And now?");
        let zh = with_second_predict(ZH, "那現在呢？");
        check_against(&en, "several-ok", &zh).unwrap();

        // The translation lacks the second exercise: named, at the line of
        // the last block it has.
        let first_only = zh.split("\n```predict\nsnippet: main").next().unwrap();
        let e = check_against(&en, "several-missing", first_only).unwrap_err();
        assert_eq!(e.line, 21, "{e}");
        assert!(e.message.contains("predict block on `main`"), "{e}");

        // Both exercises, in the other order.
        let swapped = zh
            .replace("snippet: no-await", "snippet: TMP")
            .replace("snippet: main", "snippet: no-await")
            .replace("snippet: TMP", "snippet: main");
        let e = check_against(&en, "several-swapped", &swapped).unwrap_err();
        assert_eq!(e.line, 21, "{e}");
        assert!(
            e.message
                .contains("predict block #1 names `main`, the English one `no-await`"),
            "{e}"
        );

        // One more exercise than the English.
        let en_first_only = en.split("\n```predict\nsnippet: main").next().unwrap();
        let e = check_against(en_first_only, "several-extra", &zh).unwrap_err();
        assert_eq!(e.line, 27, "{e}");
        assert!(e.message.contains("no predict block on `main`"), "{e}");
    }

    #[test]
    fn strings_and_comments_may_change() {
        assert_eq!(
            code_difference("print('a')  # x\n", "# 註解\nprint(\"乙\")\n"),
            None
        );
        assert_eq!(
            code_difference("s = \"\"\"a\nb\"\"\"\nx = 1\n", "s = '''甲'''\nx = 1\n"),
            None
        );
        assert_eq!(code_difference("print('a\\'b')\n", "print('乙')\n"), None);
        assert_eq!(
            code_difference("print(f'{{a}} {b!r}')\n", "print(f'{b!r} {{甲}}')\n"),
            None
        );
        let (line, en, zh) = code_difference("a = 1\nb = 2\n", "a = 1\n\nb = 3\n").unwrap();
        assert_eq!((line, en.as_str(), zh.as_str()), (3, "b = 2", "b = 3"));
        assert!(code_difference("print(f'{a}')\n", "print(f'{b}')\n").is_some());
        assert!(code_difference("x = 1\n", "x = 1\ny = 2\n").is_some());
    }
}
