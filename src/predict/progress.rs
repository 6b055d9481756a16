//! The lesson progress (which exercises and lessons were completed), kept
//! in `localStorage` (nothing is kept when storage is blocked).

use super::lines::{exercise_done, parse_done, with_exercise_done};
use crate::browser;

/// The `localStorage` key holding the completed lesson ids and exercises
/// (`lesson/snippet`), comma-separated. A lesson id is added once every
/// exercise of the lesson is done.
pub const DONE_KEY: &str = "looplab.done";

/// The completed lesson ids and exercises (empty when storage is blocked).
pub fn done_ids() -> Vec<String> {
    browser::storage_get(DONE_KEY)
        .map(|s| parse_done(&s))
        .unwrap_or_default()
}

/// Whether the lesson's exercise on `snippet` was done (or the whole lesson).
pub fn is_exercise_done(lesson: &str, snippet: &str) -> bool {
    exercise_done(&done_ids(), lesson, snippet)
}

/// Remembers that the exercise on `snippet` was done, and the lesson once
/// every exercise of it (on the snippets `all`) is (nothing when storage
/// is blocked). Returns whether the lesson is completed now.
pub fn mark_exercise_done(lesson: &str, snippet: &str, all: &[&str]) -> bool {
    let before = done_ids();
    let after = with_exercise_done(&before, lesson, snippet, all);
    if after != before {
        browser::storage_set(DONE_KEY, &after.join(","));
    }
    after.iter().any(|d| d == lesson)
}
