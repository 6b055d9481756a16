//! Reads a lesson bundle: the curriculum in one translated language, as
//! the `lesson-bundles` tool of `crates/lessons` writes it (`bundle.rs`
//! there documents the JSON). Every string is leaked into a `'static`
//! [`LessonData`], like the English lessons compiled in: a bundle is read
//! at most once per language and page.

use super::{LessonData, PredictData, SectionData, SnippetData};
use serde_json::Value;

/// The bundle format this app reads.
const FORMAT: u64 = 1;

/// The lessons of a bundle's `text`, or why it cannot be read.
pub fn read(text: &str) -> Result<&'static [LessonData], String> {
    let v: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    if v["format"].as_u64() != Some(FORMAT) {
        return Err(format!("format {} (this app reads {FORMAT})", v["format"]));
    }
    let lessons = v["lessons"].as_array().ok_or("no lessons")?;
    let lessons = lessons.iter().map(lesson).collect::<Result<Vec<_>, _>>()?;
    Ok(Vec::leak(lessons))
}

fn lesson(v: &Value) -> Result<LessonData, String> {
    let id = text(v, "id")?;
    let at = |e: String| format!("lesson {id}: {e}");
    let snippets: Vec<SnippetData> = array(v, "snippets")
        .map_err(at)?
        .iter()
        .map(|s| {
            Ok(SnippetData {
                name: text(s, "name")?,
                title: text(s, "title")?,
                code: text(s, "code")?,
                variation: flag(s, "variation")?,
                cpu_model: flag(s, "cpu_model")?,
            })
        })
        .collect::<Result<_, String>>()
        .map_err(at)?;
    if !snippets.iter().any(|s| !s.variation) {
        return Err(at("no main snippet".into()));
    }
    let sections = array(v, "sections")
        .map_err(at)?
        .iter()
        .map(|s| match (s["prose"].as_str(), s["snippet"].as_u64()) {
            (Some(html), None) => Ok(SectionData::Prose(leak(html))),
            (None, Some(i)) if (i as usize) < snippets.len() => {
                Ok(SectionData::Snippet(i as usize))
            }
            _ => Err(format!("a section is neither prose nor a snippet: {s}")),
        })
        .collect::<Result<Vec<_>, String>>()
        .map_err(at)?;
    let predicts = array(v, "predicts")
        .map_err(at)?
        .iter()
        .map(|p| {
            Ok(PredictData {
                snippet: text(p, "snippet")?,
                prompt: text(p, "prompt")?,
                explain: text(p, "explain")?,
            })
        })
        .collect::<Result<Vec<_>, String>>()
        .map_err(at)?;
    Ok(LessonData {
        id,
        order: v["order"]
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| at("no order".into()))?,
        part: text(v, "part").map_err(at)?,
        title: text(v, "title").map_err(at)?,
        summary: text(v, "summary").map_err(at)?,
        translated: flag(v, "translated").map_err(at)?,
        sections: Vec::leak(sections),
        snippets: Vec::leak(snippets),
        predicts: Vec::leak(predicts),
    })
}

fn leak(s: &str) -> &'static str {
    String::leak(s.to_string())
}

fn text(v: &Value, key: &str) -> Result<&'static str, String> {
    v[key]
        .as_str()
        .map(leak)
        .ok_or_else(|| format!("no text `{key}`"))
}

fn flag(v: &Value, key: &str) -> Result<bool, String> {
    v[key].as_bool().ok_or_else(|| format!("no flag `{key}`"))
}

fn array<'v>(v: &'v Value, key: &str) -> Result<&'v Vec<Value>, String> {
    v[key].as_array().ok_or_else(|| format!("no list `{key}`"))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use looplab_lessons::bundle::{bundle, TRANSLATIONS};
    use looplab_lessons::{lessons_for, Section, SnippetKind};
    use std::path::Path;

    /// Each language's bundle, read back, is the curriculum
    /// `looplab-lessons` loads for that language, field by field.
    #[test]
    fn a_bundle_reads_back_as_its_lessons() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
        for lang in TRANSLATIONS {
            let read = read(&bundle(&dir, lang).unwrap()).unwrap();
            let source = lessons_for(&dir, lang).unwrap();
            assert_eq!(read.len(), source.len());
            for (r, s) in read.iter().zip(&source) {
                assert_eq!(
                    (r.id, r.order, r.part),
                    (s.id.as_str(), s.order, s.part.as_str())
                );
                assert_eq!((r.title, r.summary), (s.title.as_str(), s.summary.as_str()));
                assert!(r.translated, "{lang}: {} is translated", s.id);
                assert_eq!(r.sections.len(), s.sections.len());
                for (a, b) in r.sections.iter().zip(&s.sections) {
                    match (a, b) {
                        (SectionData::Prose(a), Section::Prose(b)) => assert_eq!(a, b),
                        (SectionData::Snippet(a), Section::Snippet(b)) => assert_eq!(a, b),
                        _ => panic!("{lang}/{}: sections differ", s.id),
                    }
                }
                for (a, b) in r.snippets.iter().zip(&s.snippets) {
                    assert_eq!(
                        (a.name, a.title, a.code),
                        (b.name.as_str(), b.title.as_str(), b.code.as_str())
                    );
                    assert_eq!(a.variation, b.kind == SnippetKind::Variation);
                    assert_eq!(a.cpu_model, b.cpu_model);
                }
                assert_eq!(r.predicts.len(), s.predicts.len());
                for (a, b) in r.predicts.iter().zip(&s.predicts) {
                    assert_eq!(
                        (a.snippet, a.prompt, a.explain),
                        (b.snippet.as_str(), b.prompt.as_str(), b.explain.as_str())
                    );
                }
            }
        }
    }

    #[test]
    fn a_broken_bundle_says_what_is_wrong() {
        assert!(read("<html>").unwrap_err().starts_with("not JSON"));
        assert!(read(r#"{"format": 2, "lessons": []}"#)
            .unwrap_err()
            .contains("format 2"));
        let no_main = r#"{"format": 1, "lessons": [{"id": "x", "snippets": [
            {"name": "a", "title": "", "code": "", "variation": true, "cpu_model": false}]}]}"#;
        assert_eq!(read(no_main).unwrap_err(), "lesson x: no main snippet");
    }
}
