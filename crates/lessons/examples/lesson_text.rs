//! Prints the text a language's lessons put in the app (titles, summaries,
//! parts, prose HTML, snippet titles and code, predict prompts and
//! explanations), to measure what a translation would add to the download:
//!
//!     cargo run -q -p looplab-lessons --example lesson_text -- zh-Hant | wc -c
//!     cargo run -q -p looplab-lessons --example lesson_text -- zh-Hant | gzip -9 | wc -c
//!
//! `en` prints the English lessons that have a translation in every
//! language, so the figures compare like with like.

use looplab_lessons::{load_dir, load_translations, Lesson, Section, TRANSLATIONS};
use std::path::Path;

fn main() {
    let lang = std::env::args().nth(1).unwrap_or_else(|| "en".into());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lessons");
    let english = load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let load = |l: &str| load_translations(&dir, &english, l).unwrap_or_else(|e| panic!("{e}"));
    let lessons: Vec<Lesson> = if lang == "en" {
        let translated: Vec<Vec<Lesson>> = TRANSLATIONS.iter().map(|l| load(l)).collect();
        english
            .iter()
            .filter(|e| translated.iter().all(|t| t.iter().any(|l| l.id == e.id)))
            .cloned()
            .collect()
    } else {
        load(&lang)
    };
    let mut out = String::new();
    for l in &lessons {
        for s in [&l.title, &l.summary, &l.part] {
            out.push_str(s);
        }
        for s in &l.sections {
            if let Section::Prose(html) = s {
                out.push_str(html);
            }
        }
        for s in &l.snippets {
            out.push_str(&s.title);
            out.push_str(&s.code);
        }
        for p in &l.predicts {
            out.push_str(&p.prompt);
            out.push_str(&p.explain);
        }
    }
    print!("{out}");
    eprintln!("{lang}: {} lessons", lessons.len());
}
