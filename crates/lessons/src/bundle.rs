//! The lesson bundle of a translated language: every lesson of the
//! curriculum in that language as one JSON file the web app fetches when a
//! reader chooses the language, so the translations cost nothing to a
//! reader who does not.
//!
//! The `lesson-bundles` binary of this crate writes `lessons-<lang>.json` for each of [`TRANSLATIONS`] (a Trunk
//! post-build hook puts them in `dist/`), and the app's build script hashes
//! the same text into the address it fetches, so a cached bundle is never
//! stale. The app reads it back in `src/content/bundle.rs`.
//!
//! The format (version [`FORMAT`]):
//!
//! ```text
//! {"format": 1, "lang": "zh-Hant", "lessons": [
//!   {"id", "order", "part", "title", "summary",
//!    "translated": false when the lesson is still English,
//!    "sections": [{"prose": html} | {"snippet": index}],
//!    "snippets": [{"name", "title", "code", "variation", "cpu_model"}],
//!    "predicts": [{"snippet", "prompt", "explain"}]}, …]}
//! ```

use crate::{lessons_for, load_dir, load_translations, Lesson, LessonError, Section, SnippetKind};
use serde_json::{json, Value};
use std::path::Path;

pub use crate::TRANSLATIONS;

/// The bundle format's version, checked by the app.
pub const FORMAT: u64 = 1;

/// The file name of `lang`'s bundle in `dist/`.
pub fn bundle_file_name(lang: &str) -> String {
    format!("lessons-{lang}.json")
}

/// The bundle of `lang` (one of [`TRANSLATIONS`]) made from the lessons in
/// `dir` (the English lessons' folder): each lesson's translation, or the
/// English lesson marked `"translated": false`.
pub fn bundle(dir: &Path, lang: &str) -> Result<String, LessonError> {
    let english = load_dir(dir)?;
    let translated: Vec<String> = load_translations(dir, &english, lang)?
        .into_iter()
        .map(|l| l.id)
        .collect();
    let lessons: Vec<Value> = lessons_for(dir, lang)?
        .iter()
        .map(|l| lesson_json(l, translated.contains(&l.id)))
        .collect();
    let out = json!({ "format": FORMAT, "lang": lang, "lessons": lessons });
    Ok(out.to_string())
}

fn lesson_json(l: &Lesson, translated: bool) -> Value {
    let sections: Vec<Value> = l
        .sections
        .iter()
        .map(|s| match s {
            Section::Prose(html) => json!({ "prose": html }),
            Section::Snippet(i) => json!({ "snippet": i }),
        })
        .collect();
    let snippets: Vec<Value> = l
        .snippets
        .iter()
        .map(|s| {
            json!({
                "name": s.name,
                "title": s.title,
                "code": s.code,
                "variation": s.kind == SnippetKind::Variation,
                "cpu_model": s.cpu_model,
            })
        })
        .collect();
    let predicts: Vec<Value> = l
        .predicts
        .iter()
        .map(|p| json!({ "snippet": p.snippet, "prompt": p.prompt, "explain": p.explain }))
        .collect();
    json!({
        "id": l.id,
        "order": l.order,
        "part": l.part,
        "title": l.title,
        "summary": l.summary,
        "translated": translated,
        "sections": sections,
        "snippets": snippets,
        "predicts": predicts,
    })
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

    fn lessons_dir() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lessons")
    }

    #[test]
    fn a_bundle_holds_each_lesson_in_its_language() {
        let dir = lessons_dir();
        let english = load_dir(&dir).unwrap();
        for lang in TRANSLATIONS {
            let text = bundle(&dir, lang).unwrap();
            let v: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(v["format"], FORMAT);
            assert_eq!(v["lang"], *lang);
            let lessons = v["lessons"].as_array().unwrap();
            assert_eq!(lessons.len(), english.len());
            // The sleep lesson's translated file names its own title.
            let file = std::fs::read_to_string(dir.join(lang).join("03-sleep.md")).unwrap();
            let sleep = lessons.iter().find(|l| l["id"] == "sleep").unwrap();
            let title = sleep["title"].as_str().unwrap();
            assert!(file.contains(&format!("title: {title}")), "{lang}: {title}");
            assert_ne!(title, english[2].title);
            assert_eq!(sleep["translated"], true);
        }
    }
}
