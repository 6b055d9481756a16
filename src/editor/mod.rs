//! The code editor: a real `<textarea>` (so typing, selection, screen
//! readers and IME work as usual) laid transparently over the same text
//! coloured by the engine's own highlighter, with line numbers, Python
//! indentation keys, its own undo history and errors drawn where they are.
//! A few kilobytes of our own code; no editor library.
//!
//! - [`edit`]: the editing commands (Tab, Shift+Tab, Enter, Backspace);
//! - [`undo`]: the undo/redo history;
//! - [`render`]: highlighted lines and error markers;
//! - [`textarea`]: the [`Editor`] component (the textarea over the
//!   highlighted lines).

pub mod edit;
pub mod examples;
pub mod render;
pub mod textarea;
pub mod undo;

pub use render::Marker;
pub use textarea::Editor;

/// The `localStorage` key of the learner's edit of snippet `snippet` of
/// lesson `lesson`.
pub fn storage_key(lesson: &str, snippet: &str) -> String {
    format!("looplab.edit.{lesson}.{snippet}")
}
