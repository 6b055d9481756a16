//! Syntax errors, shaped and rendered like CPython 3.11's.

use crate::span::Span;
use std::fmt;

/// Which Python exception class the error is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorKind {
    /// The Python class name, as printed before the message.
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}

/// A compile-time error with the location CPython would report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// The exception class (`SyntaxError`, `IndentationError`, `TabError`).
    pub kind: SyntaxErrorKind,
    /// The message, worded as CPython 3.11 words it.
    pub msg: String,
    /// Where the error is: `line`/`col` are CPython's `lineno`/`offset`;
    /// `end` (a byte offset) gives the caret range when it is on the same
    /// line, otherwise a single caret is drawn.
    pub span: Span,
}

impl SyntaxError {
    pub fn new(msg: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.into(),
            span,
        }
    }

    pub fn indentation(msg: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError {
            kind: SyntaxErrorKind::IndentationError,
            msg: msg.into(),
            span,
        }
    }

    /// The 1-based end column (CPython's `end_offset`) on whatever line the
    /// error's range ends (Python 3.11's traceback uses it even when that
    /// is a later line), or `None` for a zero-width range.
    pub fn end_col(&self, source: &str) -> Option<u32> {
        let start = self.span.start as usize;
        let end = self.span.end as usize;
        if end <= start || end > source.len() || !source.is_char_boundary(end) {
            return None;
        }
        let before = &source[..end];
        let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
        Some(before[line_start..].chars().count() as u32 + 1)
    }

    /// Formats the error the way CPython 3.11 prints an uncaught
    /// `SyntaxError` (see `traceback.TracebackException._format_syntax_error`).
    pub fn render(&self, source: &str, filename: &str) -> String {
        let mut out = format!("  File \"{}\", line {}\n", filename, self.span.line);
        if let Some(text) = source
            .split('\n')
            .nth(self.span.line.saturating_sub(1) as usize)
        {
            // (The lexer skips a byte-order mark; columns count after it.)
            let text = match self.span.line {
                1 => text.strip_prefix('\u{feff}').unwrap_or(text),
                _ => text,
            };
            let rtext = text.trim_end_matches(['\n', '\r']);
            let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
            let spaces = (rtext.chars().count() - ltext.chars().count()) as i64;
            out.push_str("    ");
            out.push_str(ltext);
            out.push('\n');
            let offset = self.span.col as i64;
            let mut end_offset = self.end_col(source).map_or(offset, |e| e as i64);
            if end_offset <= offset {
                end_offset = offset + 1;
            }
            let colno = offset - 1 - spaces;
            let end_colno = end_offset - 1 - spaces;
            if colno >= 0 {
                out.push_str("    ");
                for c in ltext.chars().take(colno as usize) {
                    out.push(if c.is_whitespace() { c } else { ' ' });
                }
                for _ in colno..end_colno {
                    out.push('^');
                }
                out.push('\n');
            }
        }
        out.push_str(self.kind.name());
        out.push_str(": ");
        out.push_str(&self.msg);
        out.push('\n');
        out
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} (line {}, column {})",
            self.kind.name(),
            self.msg,
            self.span.line,
            self.span.col
        )
    }
}

impl std::error::Error for SyntaxError {}
