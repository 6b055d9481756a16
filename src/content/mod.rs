//! The lessons: the English ones compiled in by `build.rs` from
//! `lessons/*.md`, and each translated language's read from its bundle
//! ([`bundle`], fetched by [`load`] when a reader chooses the language), so
//! a reader pays only for the language they read.
//!
//! Pages ask for the lessons of the page's language ([`lessons`],
//! [`lesson`], [`parts`]); until that language's bundle has arrived (or if
//! it cannot), those are the English ones.

mod bundle;
pub mod load;

use crate::i18n::{self, Lang};
use std::cell::RefCell;

/// One lesson as the app needs it. All text is `'static`: it lives in the
/// wasm's data section, nothing is parsed at start-up.
#[derive(Debug)]
pub struct LessonData {
    pub id: &'static str,
    pub order: u32,
    /// The part of the curriculum it belongs to ("Basics", "Coordinating
    /// tasks", …): the index shows one heading per part. Lessons of one part
    /// are consecutive (checked by `looplab-lessons`).
    pub part: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    /// Prose (pre-rendered HTML) and snippets in reading order.
    pub sections: &'static [SectionData],
    pub snippets: &'static [SnippetData],
    /// The predict-then-run exercises, each shown after the snippet it
    /// names (one per snippet at most).
    pub predicts: &'static [PredictData],
    /// False for a lesson a translated bundle holds in English because it
    /// is not translated yet (the page says so); true for every other.
    pub translated: bool,
}

#[derive(Debug)]
pub enum SectionData {
    /// HTML rendered at build time by pulldown-cmark from the lesson's own
    /// Markdown (trusted content from the repository, never user input).
    Prose(&'static str),
    /// Index into [`LessonData::snippets`].
    Snippet(usize),
}

#[derive(Debug)]
pub struct SnippetData {
    pub name: &'static str,
    pub title: &'static str,
    pub code: &'static str,
    /// A "try this" variation rather than a main snippet.
    pub variation: bool,
    /// Starts with the "computing takes time" model on (```` ```python cpu ````).
    pub cpu_model: bool,
}

#[derive(Debug)]
pub struct PredictData {
    pub snippet: &'static str,
    pub prompt: &'static str,
    pub explain: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/lessons.rs"));

thread_local! {
    /// Each translated language whose bundle has been read.
    static LOADED: RefCell<Vec<(Lang, &'static [LessonData])>> = const { RefCell::new(Vec::new()) };
}

/// The lessons in `lang`: its bundle's once read, else the English ones.
pub fn lessons_in(lang: Lang) -> &'static [LessonData] {
    if lang == Lang::En {
        return LESSONS;
    }
    LOADED.with(|l| {
        l.borrow()
            .iter()
            .find(|(k, _)| *k == lang)
            .map_or(LESSONS, |(_, lessons)| *lessons)
    })
}

/// The lessons in the page's language ([`i18n::current`]).
pub fn lessons() -> &'static [LessonData] {
    lessons_in(i18n::current())
}

/// True once `lang`'s lessons are there (always for English).
pub fn has_lessons(lang: Lang) -> bool {
    lang == Lang::En || LOADED.with(|l| l.borrow().iter().any(|(k, _)| *k == lang))
}

/// Reads `lang`'s bundle `text` and keeps its lessons for the page's life.
pub fn install(lang: Lang, text: &str) -> Result<(), String> {
    if has_lessons(lang) {
        return Ok(());
    }
    let lessons = bundle::read(text)?;
    LOADED.with(|l| l.borrow_mut().push((lang, lessons)));
    Ok(())
}

/// The lessons grouped by part, in curriculum order: (part, its lessons).
pub fn parts() -> Vec<(&'static str, &'static [LessonData])> {
    let lessons = lessons();
    let mut out: Vec<(&'static str, &'static [LessonData])> = Vec::new();
    let mut start = 0;
    for i in 1..=lessons.len() {
        if i == lessons.len() || lessons[i].part != lessons[start].part {
            out.push((lessons[start].part, &lessons[start..i]));
            start = i;
        }
    }
    out
}

/// Looks a lesson up by its URL id, in the page's language.
pub fn lesson(id: &str) -> Option<&'static LessonData> {
    lessons().iter().find(|l| l.id == id)
}

impl LessonData {
    /// The snippet the player opens with: the first one that is not a variation.
    pub fn main_snippet(&self) -> &'static SnippetData {
        self.snippets
            .iter()
            .find(|s| !s.variation)
            .unwrap_or(&self.snippets[0])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lessons_are_compiled_in_order() {
        assert!(LESSONS.len() >= 3);
        assert!(LESSONS.windows(2).all(|w| w[0].order < w[1].order));
        for id in ["sleep", "gather", "cancel"] {
            let l = lesson(id).unwrap_or_else(|| panic!("lesson {id} missing"));
            assert!(!l.main_snippet().variation);
            assert!(l.main_snippet().code.contains("asyncio"));
        }
        assert!(lesson("nope").is_none());
    }

    #[test]
    fn parts_cover_every_lesson_once_in_order() {
        let parts = parts();
        let flat: Vec<&str> = parts
            .iter()
            .flat_map(|(_, ls)| ls.iter().map(|l| l.id))
            .collect();
        let all: Vec<&str> = LESSONS.iter().map(|l| l.id).collect();
        assert_eq!(flat, all);
        assert_eq!(parts[0].0, "Basics");
        assert!(parts
            .iter()
            .any(|(p, ls)| *p == "Coordinating tasks" && ls.iter().any(|l| l.id == "taskgroup")));
        assert!(parts.iter().any(|(p, ls)| *p == "Threads and processes"
            && ls.iter().any(|l| l.id == "threads")
            && ls.iter().any(|l| l.id == "loop-in-thread")));
        let names: Vec<&str> = parts.iter().map(|(p, _)| *p).collect();
        let mut unique = names.clone();
        unique.dedup();
        assert_eq!(names, unique, "each part is one run of lessons");
    }
}
