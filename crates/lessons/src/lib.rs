//! Reads Looplab's lesson files (`lessons/NN-id.md`) at build time.
//!
//! A lesson is Markdown with a front-matter header; fenced code blocks whose
//! info string starts with `python` are runnable snippets, and a fenced
//! `predict` block describes the predict-then-run exercise. The format is
//! documented for authors in `lessons/README.md`.
//!
//! This crate runs in the app's build script (so no Markdown parser ships in
//! the wasm) and in native tests (which run every snippet through the engine
//! and compare with CPython's output). It never panics on bad input: every
//! problem is a [`LessonError`] naming the file and line.

use pulldown_cmark::{html, CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use std::fmt;
use std::path::{Path, PathBuf};

pub mod bundle;
mod translations;
pub use translations::{
    check_structure, check_translations, code_difference, lessons_for, load_translations,
    NOT_YET_TRANSLATED, TRANSLATIONS,
};

/// The part of a lesson whose front matter names none.
pub const DEFAULT_PART: &str = "Basics";

/// One lesson, fully parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct Lesson {
    /// Stable identifier used in URLs (`/?lesson=sleep`, `/?embed=sleep`).
    pub id: String,
    /// Position in the curriculum, from the `NN-` prefix of the file name.
    pub order: u32,
    pub title: String,
    /// One sentence shown in the lesson index.
    pub summary: String,
    /// The part of the curriculum the index lists the lesson under
    /// (front-matter `part:`, optional; [`DEFAULT_PART`] when absent).
    pub part: String,
    /// The body in reading order: prose and snippets interleaved.
    pub sections: Vec<Section>,
    /// The runnable snippets, in order of appearance; `sections` refer to
    /// them by index. The first snippet of kind `Main` is the one the player
    /// opens with.
    pub snippets: Vec<Snippet>,
    /// The predict-then-run exercises, in order of appearance; each names
    /// a different snippet and is shown right after it.
    pub predicts: Vec<Predict>,
    /// The file the lesson came from (for messages).
    pub source_path: PathBuf,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Section {
    /// Prose already rendered to HTML by pulldown-cmark.
    Prose(String),
    /// Index into [`Lesson::snippets`].
    Snippet(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnippetKind {
    /// A program the lesson runs in the player.
    Main,
    /// A "try this" change of a main snippet, loaded with one click.
    Variation,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Snippet {
    /// Unique within the lesson; names the expected-output file
    /// `lessons/expected/<lesson>/<name>.out`.
    pub name: String,
    pub kind: SnippetKind,
    /// Shown above the code ("Three tasks take turns", "Remove one await").
    pub title: String,
    pub code: String,
    /// 1-based line of the opening fence in the lesson file.
    pub line: usize,
    /// The flag `cpu` (```` ```python cpu ````): run with the engine's
    /// "computing takes time" model (`Limits::cpu_model`, 4 cores), so its
    /// expected output is the model's, not CPython's on the oracle's clock.
    pub cpu_model: bool,
}

/// The predict-then-run exercise: the learner orders the output lines of a
/// snippet before running it. The correct answer is never written in the
/// lesson: it is the snippet's real output, so it cannot drift from CPython.
#[derive(Clone, Debug, PartialEq)]
pub struct Predict {
    /// The snippet whose output is predicted.
    pub snippet: String,
    /// The question shown to the learner.
    pub prompt: String,
    /// Shown after a wrong prediction, to explain the real order.
    pub explain: String,
    /// 1-based line of the block's opening fence in the lesson file.
    pub line: usize,
}

/// A problem in a lesson file, with its location.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonError {
    pub path: PathBuf,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LessonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
    }
}

impl std::error::Error for LessonError {}

/// Reads every `NN-id.md` file in `dir`, sorted by their number.
pub fn load_dir(dir: &Path) -> Result<Vec<Lesson>, LessonError> {
    let err = |message: String| LessonError {
        path: dir.to_path_buf(),
        line: 0,
        message,
    };
    let entries = std::fs::read_dir(dir).map_err(|e| err(format!("cannot read: {e}")))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "md")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.as_bytes().first().is_some_and(u8::is_ascii_digit))
        })
        .collect();
    paths.sort();
    let mut lessons = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).map_err(|e| LessonError {
            path: path.clone(),
            line: 0,
            message: format!("cannot read: {e}"),
        })?;
        lessons.push(parse_lesson(&path, &text)?);
    }
    check_unique(&lessons)?;
    Ok(lessons)
}

fn check_unique(lessons: &[Lesson]) -> Result<(), LessonError> {
    for (i, a) in lessons.iter().enumerate() {
        for b in &lessons[..i] {
            if a.id == b.id || a.order == b.order {
                return Err(LessonError {
                    path: a.source_path.clone(),
                    line: 1,
                    message: format!(
                        "lesson id or number clashes with {}",
                        b.source_path.display()
                    ),
                });
            }
        }
    }
    Ok(())
}

/// Parses one lesson file. `path` is used for the order prefix and messages.
pub fn parse_lesson(path: &Path, text: &str) -> Result<Lesson, LessonError> {
    let fail = |line: usize, message: String| LessonError {
        path: path.to_path_buf(),
        line,
        message,
    };
    let file_name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let (num, stem_id) = file_name
        .split_once('-')
        .ok_or_else(|| fail(1, "file name must look like `03-sleep.md`".into()))?;
    let order: u32 = num
        .parse()
        .map_err(|_| fail(1, format!("`{num}` is not a lesson number")))?;

    let (front, body, body_line) = split_front_matter(text).map_err(|(l, m)| fail(l, m))?;
    let mut id = None;
    let mut title = None;
    let mut summary = None;
    let mut part = None;
    for (line_no, key, value) in &front {
        let slot = match key.as_str() {
            "id" => &mut id,
            "title" => &mut title,
            "summary" => &mut summary,
            "part" => &mut part,
            other => {
                return Err(fail(
                    *line_no,
                    format!("unknown front-matter key `{other}`"),
                ))
            }
        };
        if slot.is_some() {
            return Err(fail(*line_no, format!("`{key}` is given twice")));
        }
        if key == "part" && value.is_empty() {
            return Err(fail(*line_no, "`part:` needs a name".into()));
        }
        *slot = Some(value.clone());
    }
    let id = id.ok_or_else(|| fail(1, "front matter needs `id:`".into()))?;
    if id != stem_id {
        return Err(fail(
            1,
            format!("id `{id}` must match the file name (`{num}-{id}.md`)"),
        ));
    }
    if id.is_empty()
        || !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(fail(
            1,
            format!("id `{id}` must be lowercase letters, digits and dashes"),
        ));
    }
    let title = title.ok_or_else(|| fail(1, "front matter needs `title:`".into()))?;
    let summary = summary.ok_or_else(|| fail(1, "front matter needs `summary:`".into()))?;
    let part = part.unwrap_or_else(|| DEFAULT_PART.to_string());

    let mut lesson = Lesson {
        id,
        order,
        title,
        summary,
        part,
        sections: Vec::new(),
        snippets: Vec::new(),
        predicts: Vec::new(),
        source_path: path.to_path_buf(),
    };
    parse_body(&mut lesson, body, body_line).map_err(|(l, m)| fail(l, m))?;
    if !lesson.snippets.iter().any(|s| s.kind == SnippetKind::Main) {
        return Err(fail(
            body_line,
            "a lesson needs at least one ```python snippet".into(),
        ));
    }
    for (i, p) in lesson.predicts.iter().enumerate() {
        if !lesson.snippets.iter().any(|s| s.name == p.snippet) {
            return Err(fail(
                p.line,
                format!(
                    "the predict block names snippet `{}`, which does not exist",
                    p.snippet
                ),
            ));
        }
        if let Some(first) = lesson.predicts[..i].iter().find(|q| q.snippet == p.snippet) {
            return Err(fail(
                p.line,
                format!(
                    "snippet `{}` already has a predict block (line {}): one exercise per snippet",
                    p.snippet, first.line
                ),
            ));
        }
    }
    Ok(lesson)
}

type FrontMatter = Vec<(usize, String, String)>;

/// Splits `---\nkey: value\n---\nbody`. Returns the pairs (with their line
/// numbers), the body, and the 1-based line on which the body starts.
fn split_front_matter(text: &str) -> Result<(FrontMatter, &str, usize), (usize, String)> {
    let mut lines = text.split_inclusive('\n');
    match lines.next() {
        Some(first) if first.trim_end() == "---" => {}
        _ => {
            return Err((
                1,
                "a lesson must start with a `---` front-matter line".into(),
            ))
        }
    }
    let mut pairs = Vec::new();
    let mut offset = text.find('\n').map_or(text.len(), |i| i + 1);
    for (i, line) in lines.enumerate() {
        let line_no = i + 2;
        offset += line.len();
        let trimmed = line.trim_end();
        if trimmed == "---" {
            return Ok((pairs, &text[offset..], line_no + 1));
        }
        if trimmed.is_empty() {
            continue;
        }
        let (key, value) = trimmed
            .split_once(':')
            .ok_or_else(|| (line_no, format!("expected `key: value`, found `{trimmed}`")))?;
        pairs.push((line_no, key.trim().to_string(), value.trim().to_string()));
    }
    Err((1, "the front matter is never closed with `---`".into()))
}

/// Parsed info string of a fenced block: ```` ```python variation title="…" name=x ````.
struct Fence {
    lang: String,
    flags: Vec<String>,
    attrs: Vec<(String, String)>,
}

fn parse_fence(info: &str) -> Result<Fence, String> {
    let mut rest = info.trim();
    let mut words: Vec<String> = Vec::new();
    let mut attrs = Vec::new();
    while !rest.is_empty() {
        let end = rest.find([' ', '=']).unwrap_or(rest.len());
        let word = &rest[..end];
        rest = &rest[end..];
        if let Some(after_eq) = rest.strip_prefix('=') {
            let (value, after) = if let Some(quoted) = after_eq.strip_prefix('"') {
                let close = quoted
                    .find('"')
                    .ok_or_else(|| format!("unclosed quote in `{info}`"))?;
                (&quoted[..close], &quoted[close + 1..])
            } else {
                let close = after_eq.find(' ').unwrap_or(after_eq.len());
                (&after_eq[..close], &after_eq[close..])
            };
            attrs.push((word.to_string(), value.to_string()));
            rest = after;
        } else {
            words.push(word.to_string());
        }
        rest = rest.trim_start();
    }
    let lang = if words.is_empty() {
        String::new()
    } else {
        words.remove(0)
    };
    Ok(Fence {
        lang,
        flags: words,
        attrs,
    })
}

fn parse_body(lesson: &mut Lesson, body: &str, body_line: usize) -> Result<(), (usize, String)> {
    let line_of = |offset: usize| body_line + body[..offset].matches('\n').count();
    let mut prose: Vec<Event> = Vec::new();
    let mut in_block: Option<(Fence, usize, String)> = None;
    let flush = |prose: &mut Vec<Event>, sections: &mut Vec<Section>| {
        if !prose.is_empty() {
            let mut out = String::new();
            html::push_html(&mut out, prose.drain(..));
            sections.push(Section::Prose(out));
        }
    };
    // An HTML block being read: its events, kept until its end shows whether
    // it is an author's note (`<!-- … -->`, dropped) or HTML to keep.
    let mut html_block: Option<Vec<Event>> = None;
    for (event, range) in Parser::new_ext(body, Options::ENABLE_TABLES).into_offset_iter() {
        if let Some(held) = &mut html_block {
            let ended = matches!(event, Event::End(TagEnd::HtmlBlock));
            held.push(event);
            if ended {
                let held = html_block.take().expect("inside an HTML block");
                if !is_comment_block(&held) {
                    prose.extend(held);
                }
            }
            continue;
        }
        match (&mut in_block, event) {
            (None, Event::Start(Tag::HtmlBlock)) => {
                html_block = Some(vec![Event::Start(Tag::HtmlBlock)])
            }
            (None, Event::InlineHtml(h)) if is_comment(&h) => {}
            (None, Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))) => {
                let line = line_of(range.start);
                let fence = parse_fence(&info).map_err(|m| (line, m))?;
                if fence.lang == "python" || fence.lang == "predict" {
                    in_block = Some((fence, line, String::new()));
                } else {
                    prose.push(Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))));
                }
            }
            (Some((_, _, text)), Event::Text(t)) => text.push_str(&t),
            (Some(_), Event::End(TagEnd::CodeBlock)) => {
                let (fence, line, text) = in_block.take().expect("inside a block");
                if fence.lang == "predict" {
                    lesson.predicts.push(parse_predict(&text, line)?);
                    continue;
                }
                flush(&mut prose, &mut lesson.sections);
                let snippet = make_snippet(lesson, fence, line, text)?;
                lesson
                    .sections
                    .push(Section::Snippet(lesson.snippets.len()));
                lesson.snippets.push(snippet);
            }
            (Some(_), other) => {
                return Err((
                    line_of(range.start),
                    format!("unexpected {other:?} in a code block"),
                ))
            }
            (None, event) => prose.push(event),
        }
    }
    if let Some(held) = html_block {
        if !is_comment_block(&held) {
            prose.extend(held);
        }
    }
    flush(&mut prose, &mut lesson.sections);
    Ok(())
}

/// `<!-- … -->`: a note for the lesson's authors (such as where the player
/// shows a claim), never rendered into the page.
fn is_comment(html: &str) -> bool {
    let t = html.trim();
    t.starts_with("<!--") && t.ends_with("-->")
}

/// An HTML block made of nothing but one comment.
fn is_comment_block(events: &[Event]) -> bool {
    let text: String = events
        .iter()
        .filter_map(|e| match e {
            Event::Html(h) => Some(h.as_ref()),
            _ => None,
        })
        .collect();
    is_comment(&text) && text.trim().matches("-->").count() == 1
}

fn make_snippet(
    lesson: &Lesson,
    fence: Fence,
    line: usize,
    code: String,
) -> Result<Snippet, (usize, String)> {
    let mut kind = SnippetKind::Main;
    let mut cpu_model = false;
    for flag in &fence.flags {
        match flag.as_str() {
            "variation" => kind = SnippetKind::Variation,
            "cpu" => cpu_model = true,
            other => return Err((line, format!("unknown snippet flag `{other}`"))),
        }
    }
    let mut name = None;
    let mut title = None;
    for (key, value) in fence.attrs {
        match key.as_str() {
            "name" => name = Some(value),
            "title" => title = Some(value),
            other => return Err((line, format!("unknown snippet attribute `{other}`"))),
        }
    }
    let name = name.ok_or_else(|| {
        (
            line,
            "a snippet needs name=… (used for its expected output)".to_string(),
        )
    })?;
    if !name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err((
            line,
            format!("snippet name `{name}` must be lowercase letters, digits and dashes"),
        ));
    }
    if lesson.snippets.iter().any(|s| s.name == name) {
        return Err((line, format!("snippet name `{name}` is used twice")));
    }
    let title = title.ok_or_else(|| (line, "a snippet needs title=\"…\"".to_string()))?;
    if code.trim().is_empty() {
        return Err((line, "the snippet is empty".into()));
    }
    Ok(Snippet {
        name,
        kind,
        title,
        code,
        line,
        cpu_model,
    })
}

fn parse_predict(text: &str, line: usize) -> Result<Predict, (usize, String)> {
    let mut snippet = None;
    let mut prompt = None;
    let mut explain = None;
    for (i, raw) in text.lines().enumerate() {
        let here = line + 1 + i;
        if raw.trim().is_empty() {
            continue;
        }
        let (key, value) = raw
            .split_once(':')
            .ok_or_else(|| (here, format!("expected `key: value`, found `{raw}`")))?;
        let slot = match key.trim() {
            "snippet" => &mut snippet,
            "prompt" => &mut prompt,
            "explain" => &mut explain,
            other => return Err((here, format!("unknown predict key `{other}`"))),
        };
        *slot = Some(value.trim().to_string());
    }
    let need = |v: Option<String>, k: &str| {
        v.ok_or_else(|| (line, format!("the predict block needs `{k}:`")))
    };
    Ok(Predict {
        snippet: need(snippet, "snippet")?,
        prompt: need(prompt, "prompt")?,
        explain: need(explain, "explain")?,
        line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "---\nid: sleep\ntitle: Taking turns\nsummary: One idea.\n---\n\nSome *prose*.\n\n```python name=main title=\"Three tasks\"\nprint(1)\n```\n\nMore.\n\n```python variation name=no-await title=\"Remove one await\"\nprint(2)\n```\n\n```predict\nsnippet: main\nprompt: In which order?\nexplain: Because.\n```\n";

    fn parse(text: &str) -> Result<Lesson, LessonError> {
        parse_lesson(Path::new("lessons/03-sleep.md"), text)
    }

    #[test]
    fn parses_a_complete_lesson() {
        let l = parse(GOOD).unwrap();
        assert_eq!((l.id.as_str(), l.order), ("sleep", 3));
        assert_eq!(l.snippets.len(), 2);
        assert_eq!(l.snippets[0].code, "print(1)\n");
        assert_eq!(l.snippets[0].line, 9);
        assert_eq!(l.snippets[1].kind, SnippetKind::Variation);
        assert_eq!(l.snippets[1].title, "Remove one await");
        assert!(matches!(&l.sections[0], Section::Prose(h) if h.contains("<em>prose</em>")));
        assert_eq!(l.sections[1], Section::Snippet(0));
        assert_eq!(l.predicts.len(), 1);
        assert_eq!(l.predicts[0].snippet, "main");
        assert_eq!(l.predicts[0].line, 19);
        assert_eq!(l.part, DEFAULT_PART, "no `part:` means the default part");
        assert!(!l.snippets[0].cpu_model && !l.snippets[1].cpu_model);
    }

    #[test]
    fn the_cpu_flag_asks_for_the_cpu_model() {
        let l = parse(&GOOD.replace("```python variation ", "```python variation cpu ")).unwrap();
        assert!(!l.snippets[0].cpu_model);
        assert!(l.snippets[1].cpu_model);
        assert_eq!(l.snippets[1].kind, SnippetKind::Variation);
        let e =
            parse(&GOOD.replace("```python variation ", "```python variation cpus ")).unwrap_err();
        assert_eq!(e.message, "unknown snippet flag `cpus`");
    }

    #[test]
    fn the_part_comes_from_the_front_matter() {
        let with_part = GOOD.replace("summary:", "part: Coordinating tasks\nsummary:");
        assert_eq!(parse(&with_part).unwrap().part, "Coordinating tasks");

        let e = parse(&GOOD.replace("summary:", "part:\nsummary:")).unwrap_err();
        assert_eq!((e.line, e.message.as_str()), (4, "`part:` needs a name"));

        let twice = GOOD.replace("summary:", "part: A\npart: B\nsummary:");
        assert_eq!(parse(&twice).unwrap_err().line, 5);
    }

    #[test]
    fn errors_name_the_line() {
        let bad = GOOD.replace("name=no-await ", "");
        let e = parse(&bad).unwrap_err();
        assert_eq!(e.line, 15, "{e}");
        assert!(e.message.contains("name="), "{e}");
        assert!(e.to_string().starts_with("lessons/03-sleep.md:15: "));

        let e = parse(&GOOD.replace("summary", "sumary")).unwrap_err();
        assert_eq!(
            (e.line, e.message.as_str()),
            (4, "unknown front-matter key `sumary`")
        );

        let e = parse(&GOOD.replace("snippet: main", "snippet: nope")).unwrap_err();
        assert!(e.message.contains("`nope`"), "{e}");
        assert_eq!(e.line, 19, "the predict block's line: {e}");
        assert!(e.to_string().starts_with("lessons/03-sleep.md:19: "));

        let e = parse(&GOOD.replace("id: sleep", "id: gather")).unwrap_err();
        assert!(e.message.contains("must match the file name"), "{e}");

        let e = parse("no front matter").unwrap_err();
        assert_eq!(e.line, 1);
    }

    /// GOOD with a second exercise, on the variation, before the first one.
    fn two_predicts() -> String {
        GOOD.replace(
            "print(2)\n```\n",
            "print(2)\n```\n\n```predict\nsnippet: no-await\nprompt: And now?\nexplain: Still because.\n```\n",
        )
    }

    #[test]
    fn a_lesson_may_have_several_predict_blocks() {
        let l = parse(&two_predicts()).unwrap();
        let got: Vec<(&str, &str, usize)> = l
            .predicts
            .iter()
            .map(|p| (p.snippet.as_str(), p.prompt.as_str(), p.line))
            .collect();
        assert_eq!(
            got,
            [
                ("no-await", "And now?", 19),
                ("main", "In which order?", 25)
            ]
        );
        // The blocks are not prose: the lesson still alternates prose,
        // snippet, prose, snippet.
        assert_eq!(l.sections.len(), 4);
        assert_eq!(l.sections[3], Section::Snippet(1));
    }

    #[test]
    fn each_predict_block_is_checked_at_its_line() {
        let e = parse(&two_predicts().replace("snippet: no-await", "snippet: gone")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "lessons/03-sleep.md:19: the predict block names snippet `gone`, which does not exist"
        );
        let e = parse(&two_predicts().replace("snippet: no-await", "snippet: main")).unwrap_err();
        assert_eq!(e.line, 25, "the second block on `main`: {e}");
        assert!(
            e.message.contains("already has a predict block (line 19)"),
            "{e}"
        );
        let e = parse(&two_predicts().replace("prompt: And now?\n", "")).unwrap_err();
        assert_eq!(
            (e.line, e.message.as_str()),
            (19, "the predict block needs `prompt:`")
        );
        let e = parse(&two_predicts().replace("prompt: And now?", "promt: And now?")).unwrap_err();
        assert_eq!(
            (e.line, e.message.as_str()),
            (21, "unknown predict key `promt`")
        );
    }

    #[test]
    fn other_code_blocks_stay_prose() {
        let text = GOOD.replace("Some *prose*.", "```text\nliteral\n```");
        let l = parse(&text).unwrap();
        assert!(matches!(&l.sections[0], Section::Prose(h) if h.contains("literal")));
    }

    #[test]
    fn authors_notes_are_not_rendered() {
        let text = GOOD.replace(
            "Some *prose*.",
            "Some *prose*.\n<!-- shown: snippet main,\n#step=3 -->\n\nA claim <!-- inline note --> here.\n\n<div>kept</div>",
        );
        let l = parse(&text).unwrap();
        let Section::Prose(html) = &l.sections[0] else {
            panic!("prose first")
        };
        assert!(html.contains("<em>prose</em>"), "{html}");
        assert!(html.contains("A claim  here."), "{html}");
        assert!(html.contains("<div>kept</div>"), "{html}");
        assert!(!html.contains("shown") && !html.contains("note"), "{html}");
        // The snippet after the notes keeps its line number.
        assert_eq!(l.snippets[0].line, 15);
    }

    /// Each part is one run of consecutive lessons.
    fn assert_parts_are_runs(lessons: &[Lesson], lang: &str) {
        let mut finished: Vec<&str> = Vec::new();
        for w in lessons.windows(2) {
            if w[0].part != w[1].part {
                finished.push(&w[0].part);
                assert!(
                    !finished.contains(&w[1].part.as_str()),
                    "{lang} {}: part `{}` already ended before this lesson",
                    w[1].id,
                    w[1].part
                );
            }
        }
    }

    #[test]
    fn the_repository_lessons_parse() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lessons");
        let lessons = load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
        assert!(lessons.len() >= 3);
        for w in lessons.windows(2) {
            assert!(w[0].order < w[1].order);
        }
        // Each part is one run of consecutive lessons, so the index can list
        // the parts in curriculum order without reordering lessons.
        assert_parts_are_runs(&lessons, "en");
        // The authors' notes (`<!-- shown: … -->`) never reach the page.
        for lesson in &lessons {
            for section in &lesson.sections {
                if let Section::Prose(html) = section {
                    assert!(!html.contains("<!--"), "{}: {html}", lesson.id);
                }
            }
        }
    }

    #[test]
    fn the_repository_translations_match_the_english() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lessons");
        let english = load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
        // What the build script checks: every lesson translated or listed
        // as not yet translated, each translation shaped like its lesson.
        check_translations(&dir, &english).unwrap_or_else(|e| panic!("{e}"));
        // Every folder of lessons/ but `expected` is a language the crate
        // checks, so none is left unchecked.
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            if path.is_dir() && name != "expected" {
                assert!(
                    TRANSLATIONS.contains(&name.as_str()),
                    "lessons/{name}/ is not in TRANSLATIONS"
                );
            }
        }
        for lang in TRANSLATIONS {
            let all = lessons_for(&dir, lang).unwrap_or_else(|e| panic!("{e}"));
            let ids: Vec<&str> = all.iter().map(|l| l.id.as_str()).collect();
            let en_ids: Vec<&str> = english.iter().map(|l| l.id.as_str()).collect();
            assert_eq!(ids, en_ids, "{lang}: the same curriculum");
            // A part's name is translated the same way in each of its
            // lessons, and two parts never share a translated name.
            let translated = load_translations(&dir, &english, lang).unwrap();
            let mut names: Vec<(&str, &str)> = Vec::new();
            for t in &translated {
                let en = english.iter().find(|e| e.id == t.id).unwrap();
                let pair = (en.part.as_str(), t.part.as_str());
                for (a, b) in &names {
                    assert!(
                        (*a == pair.0) == (*b == pair.1),
                        "{lang} {}: part `{}` for `{}`, but `{b}` for `{a}` elsewhere",
                        t.id,
                        pair.1,
                        pair.0
                    );
                }
                names.push(pair);
            }
        }
    }
}
