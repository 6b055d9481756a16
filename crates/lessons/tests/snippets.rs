//! Every snippet of every lesson, run through the engine, prints exactly what
//! CPython printed for it: `lessons/expected/<id>/<name>.out`, written only by
//! `tools/regen-lessons` (real CPython 3.11 on the virtual clock).

use looplab_engine::run::{format_timed, mask_addresses, run_program, Limits};
use looplab_lessons::load_dir;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn every_lesson_snippet_matches_cpython() {
    let lessons = load_dir(&repo().join("lessons")).unwrap_or_else(|e| panic!("{e}"));
    let mut checked = 0;
    let mut failures = Vec::new();
    for lesson in &lessons {
        for snippet in &lesson.snippets {
            let expected_path = repo()
                .join("lessons/expected")
                .join(&lesson.id)
                .join(format!("{}.out", snippet.name));
            let expected = std::fs::read_to_string(&expected_path).unwrap_or_else(|e| {
                panic!(
                    "{}: {e} (run tools/regen-lessons to produce it from CPython)",
                    expected_path.display()
                )
            });
            let outcome = run_program(&snippet.code, "<lesson>", &Limits::default());
            let got = format_timed(&outcome);
            checked += 1;
            if mask_addresses(&got) != mask_addresses(&expected) {
                failures.push(format!(
                    "{}/{}:\n--- CPython\n{expected}+++ engine\n{got}",
                    lesson.id, snippet.name
                ));
            }
        }
    }
    println!(
        "lesson snippets: {}/{checked} match CPython",
        checked - failures.len()
    );
    assert!(checked >= 24, "only {checked} snippets found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
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
