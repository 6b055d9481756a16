//! Reads a lesson bundle: the curriculum in one translated language, as
//! the `lesson-bundles` tool of `crates/lessons` writes it (`bundle.rs`
//! there documents the format: NUL-ended text fields). Every string is
//! leaked into a `'static` [`LessonData`], like the English lessons
//! compiled in: a bundle is read at most once per language and page.

use super::{LessonData, PredictData, SectionData, SnippetData};

/// The bundle format this app reads.
const FORMAT: &str = "1";

/// The lessons of a bundle's `text`, or why it cannot be read.
pub fn read(text: &str) -> Result<&'static [LessonData], String> {
    let (head, body) = text.split_once('\n').ok_or("no header line")?;
    match head.split(' ').collect::<Vec<_>>()[..] {
        ["looplab-lessons", FORMAT, _] => {}
        ["looplab-lessons", format, _] => {
            return Err(format!("format {format} (this app reads {FORMAT})"))
        }
        _ => return Err("not a lesson bundle".into()),
    }
    let mut fields = Fields(body.split('\0'));
    let mut lessons = Vec::new();
    loop {
        match fields.0.next() {
            Some("L") => lessons.push(lesson(&mut fields)?),
            Some("") | None => break,
            Some(other) => return Err(format!("a lesson starts with {other:.20?}")),
        }
    }
    Ok(Vec::leak(lessons))
}

/// The fields of a bundle, in order.
struct Fields<'t>(std::str::Split<'t, char>);

impl Fields<'_> {
    fn text(&mut self, what: &str) -> Result<&'static str, String> {
        self.0
            .next()
            .map(|s| &*String::leak(s.to_string()))
            .ok_or_else(|| format!("the bundle ends before {what}"))
    }

    fn number(&mut self, what: &str) -> Result<usize, String> {
        let field = self
            .0
            .next()
            .ok_or_else(|| format!("the bundle ends before {what}"))?;
        field
            .parse()
            .map_err(|_| format!("{what} is not a number: {field:.20?}"))
    }

    fn flag(&mut self, what: &str) -> Result<bool, String> {
        match self.0.next() {
            Some("1") => Ok(true),
            Some("0") => Ok(false),
            _ => Err(format!("{what} is not 0 or 1")),
        }
    }
}

fn lesson(f: &mut Fields) -> Result<LessonData, String> {
    let id = f.text("an id")?;
    let at = |e: String| format!("lesson {id}: {e}");
    let order = f.number("its order").map_err(at)?;
    let part = f.text("its part").map_err(at)?;
    let title = f.text("its title").map_err(at)?;
    let summary = f.text("its summary").map_err(at)?;
    let translated = f.flag("translated").map_err(at)?;
    let sections = (0..f.number("the section count").map_err(at)?)
        .map(|_| {
            let s = f.text("a section")?;
            match (
                s.strip_prefix('P'),
                s.strip_prefix('S').map(str::parse::<usize>),
            ) {
                (Some(html), _) => Ok(SectionData::Prose(html)),
                (_, Some(Ok(i))) => Ok(SectionData::Snippet(i)),
                _ => Err(format!(
                    "a section is neither prose nor a snippet: {s:.20?}"
                )),
            }
        })
        .collect::<Result<Vec<_>, String>>()
        .map_err(at)?;
    let snippets = (0..f.number("the snippet count").map_err(at)?)
        .map(|_| {
            Ok(SnippetData {
                name: f.text("a snippet's name")?,
                title: f.text("a snippet's title")?,
                code: f.text("a snippet's code")?,
                variation: f.flag("variation")?,
                cpu_model: f.flag("cpu model")?,
            })
        })
        .collect::<Result<Vec<_>, String>>()
        .map_err(at)?;
    let predicts = (0..f.number("the predict count").map_err(at)?)
        .map(|_| {
            Ok(PredictData {
                snippet: f.text("a predict's snippet")?,
                prompt: f.text("a predict's prompt")?,
                explain: f.text("a predict's explanation")?,
            })
        })
        .collect::<Result<Vec<_>, String>>()
        .map_err(at)?;
    if !snippets.iter().any(|s| !s.variation) {
        return Err(at("no main snippet".into()));
    }
    if sections
        .iter()
        .any(|s| matches!(s, SectionData::Snippet(i) if *i >= snippets.len()))
    {
        return Err(at("a section names a snippet it does not have".into()));
    }
    Ok(LessonData {
        id,
        order: u32::try_from(order).map_err(|_| at("its order is too large".into()))?,
        part,
        title,
        summary,
        translated,
        sections: Vec::leak(sections),
        snippets: Vec::leak(snippets),
        predicts: Vec::leak(predicts),
    })
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
        assert_eq!(read("<html>").unwrap_err(), "no header line");
        assert_eq!(read("<html>\n").unwrap_err(), "not a lesson bundle");
        assert!(read("looplab-lessons 2 zh-Hant\n")
            .unwrap_err()
            .contains("format 2"));
        // A bundle of one lesson "x" whose fields after its header are `rest`.
        let lesson = |rest: &[&str]| {
            let head = ["L", "x", "1", "p", "t", "s", "1"];
            let fields: Vec<&str> = head.iter().chain(rest).copied().collect();
            format!("looplab-lessons 1 x\n{}\0", fields.join("\0"))
        };
        let no_main = lesson(&["0", "1", "a", "t", "c", "1", "0", "0"]);
        assert_eq!(read(&no_main).unwrap_err(), "lesson x: no main snippet");
        let short = lesson(&["0", "1", "a"]);
        assert_eq!(
            read(&short).unwrap_err(),
            "lesson x: the bundle ends before a snippet's code"
        );
        let fine = lesson(&["1", "S0", "1", "a", "t", "c", "0", "0", "0"]);
        assert_eq!(read(&fine).unwrap()[0].snippets[0].code, "c");
    }
}
