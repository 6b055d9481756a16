//! The lesson bundle of a translated language: every lesson of the
//! curriculum in that language as one file the web app fetches when a
//! reader chooses the language, so the translations cost nothing to a
//! reader who does not.
//!
//! The `lesson-bundles` binary of this crate writes `lessons-<lang>.txt`
//! for each of [`TRANSLATIONS`] (a Trunk post-build hook puts them in
//! `dist/`), and the app's build script hashes the same text into the
//! address it fetches, so a cached bundle is never stale. The app reads it
//! back in `src/content/bundle.rs`.
//!
//! The format (version [`FORMAT`]) is plain text, so that reading it adds
//! next to nothing to the wasm (a JSON parser measured +19 KiB gzip): the
//! line `looplab-lessons <FORMAT> <lang>`, then fields, each ended by a NUL
//! (no field holds one). Per lesson: `L`, id, order, part, title, summary,
//! translated (`1`, or `0` for a lesson still in English); the number of
//! sections, each `P<html>` (prose) or `S<index>` (a snippet); the number
//! of snippets, each name, title, code, variation (`0`/`1`), cpu model
//! (`0`/`1`); the number of predict blocks, each snippet, prompt, explain.

use crate::{lessons_for, load_dir, load_translations, Lesson, LessonError, Section, SnippetKind};
use std::path::Path;

pub use crate::TRANSLATIONS;

/// The bundle format's version, checked by the app.
pub const FORMAT: u32 = 1;

/// The file name of `lang`'s bundle in `dist/`.
pub fn bundle_file_name(lang: &str) -> String {
    format!("lessons-{lang}.txt")
}

/// The bundle of `lang` (one of [`TRANSLATIONS`]) made from the lessons in
/// `dir` (the English lessons' folder): each lesson's translation, or the
/// English lesson marked as not translated.
pub fn bundle(dir: &Path, lang: &str) -> Result<String, LessonError> {
    let english = load_dir(dir)?;
    let translated: Vec<String> = load_translations(dir, &english, lang)?
        .into_iter()
        .map(|l| l.id)
        .collect();
    let mut out = format!("looplab-lessons {FORMAT} {lang}\n");
    for l in lessons_for(dir, lang)? {
        write_lesson(&mut out, &l, translated.contains(&l.id))?;
    }
    Ok(out)
}

fn write_lesson(out: &mut String, l: &Lesson, translated: bool) -> Result<(), LessonError> {
    let mut fields: Vec<String> = vec![
        "L".into(),
        l.id.clone(),
        l.order.to_string(),
        l.part.clone(),
        l.title.clone(),
        l.summary.clone(),
        flag(translated),
        l.sections.len().to_string(),
    ];
    fields.extend(l.sections.iter().map(|s| match s {
        Section::Prose(html) => format!("P{html}"),
        Section::Snippet(i) => format!("S{i}"),
    }));
    fields.push(l.snippets.len().to_string());
    for s in &l.snippets {
        fields.extend([
            s.name.clone(),
            s.title.clone(),
            s.code.clone(),
            flag(s.kind == SnippetKind::Variation),
            flag(s.cpu_model),
        ]);
    }
    fields.push(l.predicts.len().to_string());
    for p in &l.predicts {
        fields.extend([p.snippet.clone(), p.prompt.clone(), p.explain.clone()]);
    }
    for f in fields {
        if f.contains('\0') {
            return Err(LessonError {
                path: l.source_path.clone(),
                line: 0,
                message: "the lesson holds a NUL character".into(),
            });
        }
        out.push_str(&f);
        out.push('\0');
    }
    Ok(())
}

fn flag(on: bool) -> String {
    if on { "1" } else { "0" }.into()
}

/// A 64-bit FNV-1a hash of every language's bundle: the version in the
/// address the app fetches them at.
pub fn bundles_version(dir: &Path) -> Result<u64, LessonError> {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for lang in TRANSLATIONS {
        for b in bundle(dir, lang)?.bytes() {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    Ok(hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundle_holds_each_lesson_in_its_language() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lessons");
        let english = load_dir(&dir).unwrap();
        for lang in TRANSLATIONS {
            let text = bundle(&dir, lang).unwrap();
            let (head, body) = text.split_once('\n').unwrap();
            assert_eq!(head, format!("looplab-lessons {FORMAT} {lang}"));
            let fields: Vec<&str> = body.split('\0').collect();
            assert_eq!(fields.iter().filter(|f| **f == "L").count(), english.len());
            // The sleep lesson: its translated file's title, translated.
            let file = std::fs::read_to_string(dir.join(lang).join("03-sleep.md")).unwrap();
            let at = fields.iter().position(|f| *f == "sleep").unwrap();
            assert_eq!(fields[at - 1], "L");
            let title = fields[at + 3];
            assert!(
                file.contains(&format!("title: {title}\n")),
                "{lang}: {title}"
            );
            assert_ne!(title, english[2].title);
            assert_eq!(fields[at + 5], "1");
        }
    }
}
