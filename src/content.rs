//! The lessons, compiled in by `build.rs` from `lessons/*.md`.

/// One lesson as the app needs it. All text is `'static`: it lives in the
/// wasm's data section, nothing is parsed at start-up.
#[derive(Debug)]
pub struct LessonData {
    pub id: &'static str,
    pub order: u32,
    pub title: &'static str,
    pub summary: &'static str,
    /// Prose (pre-rendered HTML) and snippets in reading order.
    pub sections: &'static [SectionData],
    pub snippets: &'static [SnippetData],
    pub predict: Option<PredictData>,
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
}

#[derive(Debug)]
pub struct PredictData {
    pub snippet: &'static str,
    pub prompt: &'static str,
    pub explain: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/lessons.rs"));

/// Looks a lesson up by its URL id.
pub fn lesson(id: &str) -> Option<&'static LessonData> {
    LESSONS.iter().find(|l| l.id == id)
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
}
