//! The editing commands of the code editor, as pure functions on a text and
//! a selection (byte offsets), so they are tested natively. The browser
//! gives positions in UTF-16 code units: [`utf16_to_byte`] and
//! [`byte_to_utf16`] convert.

/// One indentation level: Python's customary four spaces.
pub const INDENT: &str = "    ";

/// A text with a selection: what the editor holds, and what an undo entry
/// restores.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditState {
    /// The whole source.
    pub text: String,
    /// Selection start (byte offset, a char boundary).
    pub start: usize,
    /// Selection end (byte offset, >= `start`).
    pub end: usize,
}

impl EditState {
    /// A state with the caret at `at`.
    pub fn caret(text: String, at: usize) -> EditState {
        EditState {
            text,
            start: at,
            end: at,
        }
    }
}

/// The byte offset of UTF-16 offset `u` in `text` (clamped to its end).
pub fn utf16_to_byte(text: &str, u: usize) -> usize {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        if units >= u {
            return i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// The UTF-16 offset of byte offset `b` in `text`.
pub fn byte_to_utf16(text: &str, b: usize) -> usize {
    text[..b.min(text.len())].chars().map(char::len_utf16).sum()
}

/// The byte offset where the line holding `at` starts.
fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// Start offsets of every line the selection touches (a selection ending
/// at the very start of a line does not touch it, as in most editors).
fn touched_lines(text: &str, start: usize, end: usize) -> Vec<usize> {
    let first = line_start(text, start);
    let last_pos = if end > start && text[..end].ends_with('\n') {
        end - 1
    } else {
        end
    };
    let mut out = vec![first];
    let mut i = first;
    while let Some(nl) = text[i..last_pos.max(i)].find('\n') {
        i += nl + 1;
        out.push(i);
    }
    out
}

/// Tab: with a caret (or a selection within one line), replaces the
/// selection by spaces up to the next multiple of four columns; with a
/// selection over several lines, indents each of them by four spaces.
pub fn indent(s: &EditState) -> EditState {
    let lines = touched_lines(&s.text, s.start, s.end);
    if lines.len() == 1 && !s.text[s.start..s.end].contains('\n') {
        let col = s.text[line_start(&s.text, s.start)..s.start]
            .chars()
            .count();
        let pad = " ".repeat(4 - col % 4);
        let mut text = s.text.clone();
        text.replace_range(s.start..s.end, &pad);
        return EditState::caret(text, s.start + pad.len());
    }
    let mut text = s.text.clone();
    for &l in lines.iter().rev() {
        text.insert_str(l, INDENT);
    }
    EditState {
        text,
        start: s.start + INDENT.len(),
        end: s.end + INDENT.len() * lines.len(),
    }
}

/// Shift+Tab: removes up to four leading spaces from every line the
/// selection touches, keeping the selection on the same characters.
pub fn dedent(s: &EditState) -> EditState {
    let lines = touched_lines(&s.text, s.start, s.end);
    let mut text = s.text.clone();
    let (mut start, mut end) = (s.start, s.end);
    for &l in lines.iter().rev() {
        let n = text[l..].bytes().take(4).take_while(|&b| b == b' ').count();
        text.replace_range(l..l + n, "");
        let shift = |p: usize| if p > l { p - (p - l).min(n) } else { p };
        start = shift(start);
        end = shift(end);
    }
    EditState { text, start, end }
}

/// Enter: a new line with the current line's indentation, one level more
/// after a line ending in `:` (a block opener).
pub fn newline(s: &EditState) -> EditState {
    let ls = line_start(&s.text, s.start);
    let before = &s.text[ls..s.start];
    let mut indent: String = before
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let code = before.split('#').next().unwrap_or("").trim_end();
    if code.ends_with(':') {
        indent.push_str(INDENT);
    }
    let insert = format!("\n{indent}");
    let mut text = s.text.clone();
    text.replace_range(s.start..s.end, &insert);
    EditState::caret(text, s.start + insert.len())
}

/// Backspace in a line's leading spaces: deletes back to the previous
/// indentation level. `None` when the ordinary Backspace applies.
pub fn backspace(s: &EditState) -> Option<EditState> {
    if s.start != s.end {
        return None;
    }
    let ls = line_start(&s.text, s.start);
    let before = &s.text[ls..s.start];
    if before.is_empty() || !before.bytes().all(|b| b == b' ') {
        return None;
    }
    let n = match before.len() % 4 {
        0 => 4,
        r => r,
    };
    let mut text = s.text.clone();
    text.replace_range(s.start - n..s.start, "");
    Some(EditState::caret(text, s.start - n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(text: &str, start: usize, end: usize) -> EditState {
        EditState {
            text: text.into(),
            start,
            end,
        }
    }

    #[test]
    fn tab_pads_to_the_next_stop() {
        assert_eq!(indent(&st("ab", 2, 2)), st("ab  ", 4, 4));
        assert_eq!(indent(&st("", 0, 0)), st("    ", 4, 4));
        // A selection inside one line is replaced.
        assert_eq!(indent(&st("xyz", 0, 2)), st("    z", 4, 4));
    }

    #[test]
    fn tab_and_shift_tab_on_several_lines() {
        let s = st("a\n  b\nc\n", 0, 5);
        let i = indent(&s);
        assert_eq!(i, st("    a\n      b\nc\n", 4, 13));
        let d = dedent(&i);
        assert_eq!(d, st("a\n  b\nc\n", 0, 5));
        // Dedent removes at most four spaces and only spaces.
        assert_eq!(dedent(&st("      x", 7, 7)), st("  x", 3, 3));
        assert_eq!(dedent(&st("x", 1, 1)), st("x", 1, 1));
        // A selection ending at the start of a line leaves that line alone.
        assert_eq!(indent(&st("a\nb\n", 0, 2)), st("    a\nb\n", 4, 6));
    }

    #[test]
    fn enter_keeps_indentation_and_opens_blocks() {
        assert_eq!(
            newline(&st("    x = 1", 9, 9)),
            st("    x = 1\n    ", 14, 14)
        );
        let s = newline(&st("async def main():", 17, 17));
        assert_eq!(s.text, "async def main():\n    ");
        // A comment after the colon still opens a block.
        let s = newline(&st("  if x:  # yes", 14, 14));
        assert_eq!(s.text, "  if x:  # yes\n      ");
        // Splitting a line in the middle.
        assert_eq!(newline(&st("  ab", 3, 3)), st("  a\n  b", 6, 6));
    }

    #[test]
    fn backspace_in_indentation_removes_a_level() {
        assert_eq!(backspace(&st("        ", 8, 8)), Some(st("    ", 4, 4)));
        assert_eq!(backspace(&st("      ", 6, 6)), Some(st("    ", 4, 4)));
        assert_eq!(backspace(&st("  x", 3, 3)), None);
        assert_eq!(backspace(&st("x", 0, 1)), None);
    }

    #[test]
    fn utf16_offsets() {
        let t = "a😀b€";
        assert_eq!(utf16_to_byte(t, 0), 0);
        assert_eq!(utf16_to_byte(t, 1), 1);
        assert_eq!(utf16_to_byte(t, 3), 5);
        assert_eq!(utf16_to_byte(t, 5), t.len());
        assert_eq!(utf16_to_byte(t, 99), t.len());
        assert_eq!(byte_to_utf16(t, 5), 3);
        assert_eq!(byte_to_utf16(t, t.len()), 5);
    }
}
