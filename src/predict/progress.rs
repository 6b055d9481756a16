//! The lesson progress (which lessons were completed), kept in
//! `localStorage` (nothing is kept when storage is blocked).

use super::lines::parse_done;
use crate::browser;

/// The `localStorage` key holding the completed lesson ids, comma-separated.
pub const DONE_KEY: &str = "looplab.done";

/// The completed lesson ids (empty when storage is blocked).
pub fn done_ids() -> Vec<String> {
    browser::storage_get(DONE_KEY)
        .map(|s| parse_done(&s))
        .unwrap_or_default()
}

/// Whether the lesson was completed.
pub fn is_done(id: &str) -> bool {
    done_ids().iter().any(|d| d == id)
}

/// Remembers that the lesson was completed (nothing when storage is blocked).
pub fn mark_done(id: &str) {
    let mut ids = done_ids();
    if !ids.iter().any(|d| d == id) {
        ids.push(id.to_string());
        browser::storage_set(DONE_KEY, &ids.join(","));
    }
}
