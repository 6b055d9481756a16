//! Every snippet of every lesson, run through the engine, prints exactly what
//! CPython printed for it: `lessons/expected/<id>/<name>.out` (stdout) and
//! `.err` (stderr, absent when empty), written only by `tools/regen-lessons`
//! (real CPython 3.11 on the virtual clock). A snippet flagged `cpu` runs
//! with the engine's CPU model (`Limits::cpu_model`, 4 cores): CPython has no
//! such clock, so its expected output is the model's, written by
//! `tools/regen-lessons` through `looplab run --cpu-model --timed` and
//! reviewed against CPython's real timings (noted in the lesson's source).

use looplab_engine::run::{format_timed, mask_addresses, run_program, CpuModel, Limits};
use looplab_lessons::{load_dir, load_translations, TRANSLATIONS};
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The budgets a snippet runs with: the defaults, plus the CPU model (4
/// cores, as the player's toggle) for a snippet flagged `cpu`.
fn limits_of(snippet: &looplab_lessons::Snippet) -> Limits {
    Limits {
        cpu_model: snippet.cpu_model.then(CpuModel::default),
        ..Limits::default()
    }
}

/// Runs every snippet of `lessons` and compares with `<expected>/<id>/<name>.out`
/// (and `.err`); returns how many snippets were checked.
fn check_snippets(
    lessons: &[looplab_lessons::Lesson],
    expected: &Path,
    failures: &mut Vec<String>,
) -> usize {
    let mut checked = 0;
    for lesson in lessons {
        for snippet in &lesson.snippets {
            let expected_path = expected
                .join(&lesson.id)
                .join(format!("{}.out", snippet.name));
            let expected = std::fs::read_to_string(&expected_path).unwrap_or_else(|e| {
                panic!(
                    "{}: {e} (run tools/regen-lessons to produce it from CPython)",
                    expected_path.display()
                )
            });
            // stderr (warnings, tracebacks) is CPython's too: `<name>.err`,
            // absent when CPython printed nothing there.
            let expected_err =
                std::fs::read_to_string(expected_path.with_extension("err")).unwrap_or_default();
            let outcome = run_program(&snippet.code, "<lesson>", &limits_of(snippet));
            let got = format_timed(&outcome);
            let got_err: String = outcome
                .output
                .iter()
                .filter(|c| c.stderr)
                .map(|c| c.text.as_str())
                .collect();
            checked += 1;
            let shown = lesson.source_path.display();
            if mask_addresses(&got) != mask_addresses(&expected) {
                failures.push(format!(
                    "{shown} ({}):\n--- CPython\n{expected}+++ engine\n{got}",
                    snippet.name
                ));
            }
            if mask_addresses(&got_err) != mask_addresses(&expected_err) {
                failures.push(format!(
                    "{shown} ({}, stderr):\n--- CPython\n{expected_err}+++ engine\n{got_err}",
                    snippet.name
                ));
            }
        }
    }
    checked
}

#[test]
fn every_lesson_snippet_matches_cpython() {
    let lessons = load_dir(&repo().join("lessons")).unwrap_or_else(|e| panic!("{e}"));
    let mut failures = Vec::new();
    let checked = check_snippets(&lessons, &repo().join("lessons/expected"), &mut failures);
    println!(
        "lesson snippets: {}/{checked} match CPython",
        checked - failures.len()
    );
    assert!(checked >= 24, "only {checked} snippets found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The translations' snippets (lessons/<lang>/) print what CPython printed
/// for them: `lessons/<lang>/expected/<id>/<name>.out`.
#[test]
fn every_translated_snippet_matches_cpython() {
    let dir = repo().join("lessons");
    let english = load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let mut failures = Vec::new();
    for lang in TRANSLATIONS {
        let lessons = load_translations(&dir, &english, lang).unwrap_or_else(|e| panic!("{e}"));
        let checked = check_snippets(&lessons, &dir.join(lang).join("expected"), &mut failures);
        println!("{lang}: {} lessons, {checked} snippets", lessons.len());
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The web app's wasm leaves most library modules out (they arrive after
/// the first paint, `LAZY_MODULES`): a lesson's first run must never wait
/// for them, so no snippet imports one, even indirectly.
#[test]
fn lesson_snippets_need_no_downloaded_module() {
    use looplab_engine::run::{forget_library, not_loaded_module, Ending};
    forget_library();
    let lessons = load_dir(&repo().join("lessons")).unwrap_or_else(|e| panic!("{e}"));
    let mut waits = Vec::new();
    for lesson in &lessons {
        for snippet in &lesson.snippets {
            let outcome = run_program(&snippet.code, "<lesson>", &Limits::default());
            if let Ending::Limit { message, .. } = &outcome.ending {
                if let Some(module) = not_loaded_module(message) {
                    waits.push(format!("{}/{} imports '{module}'", lesson.id, snippet.name));
                }
            }
        }
    }
    assert!(
        waits.is_empty(),
        "lessons importing a module the web app downloads later (move it from \
         lazy_python_modules! to python_modules! in crates/engine/src/vm/library/modules.rs \
         if lessons need it):\n{}",
        waits.join("\n")
    );
}

#[test]
fn expected_outputs_are_what_cpython_prints() {
    if std::env::var_os("LOOPLAB_SKIP_ORACLE").is_some() {
        return;
    }
    let out = Command::new("python3")
        .arg(repo().join("tools/regen-lessons"))
        .arg("--check")
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "tools/regen-lessons --check failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// One `#step=N` of an author's note, with the time it claims, if any.
#[derive(Debug)]
struct NotedStep {
    snippet: String,
    step: usize,
    /// `#step=N (T s…)`: the virtual time the note says step N ends at.
    time_ns: Option<u64>,
}

/// The steps named by the `<!-- shown: snippet NAME, #step=N (T s): … -->`
/// notes of a lesson file (lessons/README.md). A note may name several
/// snippets, each from its `snippet NAME,` on.
fn noted_steps(text: &str) -> Vec<NotedStep> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("<!-- shown:") {
        let after = &rest[start..];
        let end = after.find("-->").unwrap_or(after.len());
        let note = &after[..end];
        rest = &after[end..];
        for part in note.split("snippet ").skip(1) {
            let Some((name, claims)) = part.split_once(',') else {
                continue;
            };
            let mut claims = claims;
            while let Some(at) = claims.find("#step=") {
                claims = &claims[at + "#step=".len()..];
                let digits: String = claims.chars().take_while(char::is_ascii_digit).collect();
                let Ok(step) = digits.parse() else { continue };
                claims = &claims[digits.len()..];
                // An optional ` (T s` right after the step number.
                let time_ns = claims.strip_prefix(" (").and_then(|t| {
                    let num: String = t
                        .chars()
                        .take_while(|c| c.is_ascii_digit() || *c == '.')
                        .collect();
                    let secs: f64 = t[num.len()..]
                        .starts_with(" s")
                        .then(|| num.parse().ok())??;
                    Some((secs * 1e9).round() as u64)
                });
                out.push(NotedStep {
                    snippet: name.trim().to_string(),
                    step,
                    time_ns,
                });
            }
        }
    }
    out
}

#[test]
fn notes_parse_steps_and_times() {
    let text = "x\n<!-- shown: snippet main, #step=2 and #step=3 (1.5 s): a;\n #step=7 (2 s, not 10 s) -->\n\
                <!-- not shown: #step=9 -->\n<!-- shown: snippet a-b, #step=0: setup; snippet c, #step=12 (0.5 s) -->";
    let got: Vec<(String, usize, Option<u64>)> = noted_steps(text)
        .into_iter()
        .map(|n| (n.snippet, n.step, n.time_ns))
        .collect();
    let want = [
        ("main", 2, None),
        ("main", 3, Some(1_500_000_000)),
        ("main", 7, Some(2_000_000_000)),
        ("a-b", 0, None),
        ("c", 12, Some(500_000_000)),
    ];
    let want: Vec<(String, usize, Option<u64>)> = want
        .iter()
        .map(|(s, n, t)| (s.to_string(), *n, *t))
        .collect();
    assert_eq!(got, want);
}

/// Every step an author's note points at exists in the engine's run of that
/// snippet, cut as the player cuts it, and ends at the virtual time the note
/// says. (What the note says happens there is for a reader to check; this
/// catches notes left behind when a snippet or the engine changes.)
#[test]
fn step_notes_point_at_real_steps() {
    use looplab_engine::snapshot::{steps, Snapshot};
    let lessons = load_dir(&repo().join("lessons")).unwrap_or_else(|e| panic!("{e}"));
    let mut checked = 0;
    let mut failures = Vec::new();
    for lesson in &lessons {
        let text = std::fs::read_to_string(&lesson.source_path).expect("lesson readable");
        let notes = noted_steps(&text);
        for snippet in &lesson.snippets {
            let mine: Vec<&NotedStep> =
                notes.iter().filter(|n| n.snippet == snippet.name).collect();
            if mine.is_empty() {
                continue;
            }
            let outcome = run_program(&snippet.code, "<lesson>", &limits_of(snippet));
            let events = &outcome.trace.events;
            let cut = steps(events);
            for note in mine {
                checked += 1;
                let Some(step) = cut.get(note.step) else {
                    failures.push(format!(
                        "{}/{}: #step={} but the run has {} steps",
                        lesson.id,
                        snippet.name,
                        note.step,
                        cut.len()
                    ));
                    continue;
                };
                if let Some(want) = note.time_ns {
                    let got = Snapshot::fold(&events[..step.end]).time_ns;
                    if got != want {
                        failures.push(format!(
                            "{}/{}: #step={} ends at {} s, the note says {} s",
                            lesson.id,
                            snippet.name,
                            note.step,
                            got as f64 / 1e9,
                            want as f64 / 1e9
                        ));
                    }
                }
            }
        }
        for note in &notes {
            if !lesson.snippets.iter().any(|s| s.name == note.snippet) {
                failures.push(format!(
                    "{}: a note names no snippet `{}`",
                    lesson.id, note.snippet
                ));
            }
        }
    }
    println!("step notes: {checked} checked");
    assert!(checked >= 100, "only {checked} noted steps found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
