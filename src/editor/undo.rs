//! The editor's undo history. Setting a textarea's value programmatically
//! (Tab, Enter, Reset) wipes the browser's own undo, so the editor keeps
//! its own: states before each change, typing runs coalesced into one step.

use super::edit::EditState;

/// At most this many undo steps are kept (the oldest are dropped).
const MAX_STEPS: usize = 300;

/// What kind of change is recorded: consecutive typing merges into one
/// undo step; everything else is a step of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    /// Typing characters (not a newline).
    Typing,
    /// Deleting with Backspace/Delete.
    Deleting,
    /// Anything else (paste, Tab, Enter, Reset...).
    Other,
}

/// Undo and redo stacks of whole states.
#[derive(Debug, Default)]
pub struct History {
    /// States to go back to, newest last.
    undo: Vec<EditState>,
    /// States undone, to redo, newest last.
    redo: Vec<EditState>,
    /// The kind of the last recorded change (to merge typing runs).
    last: Option<ChangeKind>,
}

impl History {
    /// Records `before`, the state before a change of `kind`. A change of
    /// the same kind as the previous one (typing after typing) merges into
    /// its step. Any new change clears the redo stack.
    pub fn record(&mut self, before: &EditState, kind: ChangeKind) {
        self.redo.clear();
        if kind != ChangeKind::Other && self.last == Some(kind) && !self.undo.is_empty() {
            return;
        }
        self.last = Some(kind);
        self.undo.push(before.clone());
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
    }

    /// Ends the current typing run (the caret moved, or time passed).
    pub fn seal(&mut self) {
        self.last = None;
    }

    /// The state to show after an undo from `current`, if any.
    pub fn undo(&mut self, current: &EditState) -> Option<EditState> {
        let prev = self.undo.pop()?;
        self.redo.push(current.clone());
        self.last = None;
        Some(prev)
    }

    /// The state to show after a redo from `current`, if any.
    pub fn redo(&mut self, current: &EditState) -> Option<EditState> {
        let next = self.redo.pop()?;
        self.undo.push(current.clone());
        self.last = None;
        Some(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(t: &str) -> EditState {
        EditState::caret(t.into(), t.len())
    }

    #[test]
    fn typing_merges_and_undo_redo_walk_back_and_forth() {
        let mut h = History::default();
        h.record(&s(""), ChangeKind::Typing);
        h.record(&s("a"), ChangeKind::Typing);
        h.record(&s("ab"), ChangeKind::Other); // Enter
        h.record(&s("ab\n"), ChangeKind::Typing);
        let cur = s("ab\nc");
        let u1 = h.undo(&cur).unwrap();
        assert_eq!(u1.text, "ab\n");
        let u2 = h.undo(&u1).unwrap();
        assert_eq!(u2.text, "ab");
        let u3 = h.undo(&u2).unwrap();
        assert_eq!(u3.text, "");
        assert!(h.undo(&u3).is_none());
        let r = h.redo(&u3).unwrap();
        assert_eq!(r.text, "ab");
        // A new change drops what could be redone.
        h.record(&r, ChangeKind::Other);
        assert!(h.redo(&s("x")).is_none());
    }

    #[test]
    fn sealing_splits_typing_runs() {
        let mut h = History::default();
        h.record(&s(""), ChangeKind::Typing);
        h.seal();
        h.record(&s("a"), ChangeKind::Typing);
        assert_eq!(h.undo(&s("ab")).unwrap().text, "a");
    }
}
