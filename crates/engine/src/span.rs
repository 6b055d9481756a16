//! Source positions. A [`Span`] is small and `Copy` so every token, AST node
//! and compiled instruction can carry one; it is how the player knows the
//! current line of every suspended task.

use serde::{Deserialize, Serialize};

/// A region of the source text.
///
/// `start`/`end` are byte offsets (half-open) into the source; `line` and
/// `col` describe `start` and are both 1-based, with `col` counted in
/// characters (not bytes), the way CPython reports `SyntaxError.offset`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
    pub line: u32,
    pub col: u32,
}

impl Span {
    pub fn new(start: u32, end: u32, line: u32, col: u32) -> Span {
        Span {
            start,
            end,
            line,
            col,
        }
    }

    /// The smallest span covering both `self` and `other` (keeps `self`'s
    /// line/column when it starts first).
    pub fn to(self, other: Span) -> Span {
        let (first, _) = if self.start <= other.start {
            (self, other)
        } else {
            (other, self)
        };
        Span {
            start: first.start,
            end: self.end.max(other.end),
            line: first.line,
            col: first.col,
        }
    }
}
