//! What the editor draws under its textarea: one HTML string per line,
//! coloured by the engine's own tolerant highlighter (classes from
//! [`crate::highlight`], shared with the player), and where an error
//! is. Plain Rust, tested natively.

use crate::highlight::lines_of_segments;

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
}

/// The source as one HTML string per line (text escaped, tokens wrapped in
/// `<span class="hl-…">`). A token spanning lines (a triple-quoted string)
/// is cut at each newline so every line stands alone.
pub fn highlighted_lines(source: &str) -> Vec<String> {
    lines_of_segments(source)
        .into_iter()
        .map(|segments| {
            let mut line = String::new();
            for (class, piece) in segments {
                match class {
                    Some(c) => {
                        line.push_str("<span class=\"");
                        line.push_str(c);
                        line.push_str("\">");
                        escape_into(&mut line, &piece);
                        line.push_str("</span>");
                    }
                    None => escape_into(&mut line, &piece),
                }
            }
            line
        })
        .collect()
}

/// An error shown in the editor: where, and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    /// 1-based line.
    pub line: u32,
    /// 1-based column (characters) where the underline starts.
    pub col: u32,
    /// Length of the underline, in characters (at least 1).
    pub len: u32,
    /// The message shown beside the line (`SyntaxError: invalid syntax`).
    pub message: String,
}

/// What a run shows in the editor when the editor is the player's code
/// panel: the line of the step's task, where every other task is parked,
/// and a line the learner asked to see.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunMarks {
    /// The running task's line (1-based).
    pub current: Option<u32>,
    /// Parked tasks: (line, palette index, task name); past
    /// [`PARKS_PER_LINE`] on a line, one badge counts the rest (palette
    /// index [`PARK_MORE`], its text "+N more").
    pub parks: Vec<(u32, usize, String)>,
    /// A line the learner picked in the console.
    pub focused: Option<u32>,
}

/// At most this many parked tasks get a badge of their own on one line:
/// 100,000 tasks waiting on one line drew 100,000 badges at every step.
pub const PARKS_PER_LINE: usize = 4;

/// The palette index of the badge counting a line's other parked tasks.
pub const PARK_MORE: usize = usize::MAX;

/// The parked tasks' badges of a step, at most [`PARKS_PER_LINE`] a line.
#[derive(Default)]
pub struct Parks {
    rows: Vec<(u32, usize, String)>,
    per_line: std::collections::BTreeMap<u32, usize>,
}

impl Parks {
    /// Task `name` (lane colour `colour`) is parked at `line`.
    pub fn add(&mut self, line: u32, colour: usize, name: &str) {
        let n = self.per_line.entry(line).or_default();
        *n += 1;
        if *n <= PARKS_PER_LINE {
            self.rows.push((line, colour, name.to_string()));
        }
    }

    /// `n` more tasks are parked at `line`, counted, not named.
    pub fn count_more(&mut self, line: u32, n: usize) {
        if n > 0 {
            *self.per_line.entry(line).or_default() += n;
        }
    }

    /// The badges: each task's, then one per crowded line counting the
    /// rest (`more`: its text, "+{0} more").
    pub fn finish(mut self, more: &str) -> Vec<(u32, usize, String)> {
        for (line, n) in self.per_line {
            if n > PARKS_PER_LINE {
                let rest = n - PARKS_PER_LINE;
                self.rows
                    .push((line, PARK_MORE, crate::i18n::fill(more, &[&rest])));
            }
        }
        self.rows
    }

    /// The class of a badge.
    pub fn class(colour: usize) -> String {
        if colour == PARK_MORE {
            "park park-more".to_string()
        } else {
            format!("park task-c{}", colour % 8)
        }
    }
}

/// The marker for the syntax error in `source`, if it does not parse.
pub fn syntax_marker(source: &str) -> Option<Marker> {
    let err = looplab_engine::parse::parse_module(source).err()?;
    let span = err.span;
    let line_text = source
        .split('\n')
        .nth(span.line.saturating_sub(1) as usize)
        .unwrap_or("");
    let line_chars = line_text.chars().count() as u32;
    let col = span.col.max(1);
    // The underline covers the error's range when it stays on its line.
    let len = match source.get(span.start as usize..span.end as usize) {
        Some(s) if !s.contains('\n') && !s.is_empty() => s.chars().count() as u32,
        _ => 1,
    };
    let len = len.min(line_chars.saturating_sub(col - 1).max(1));
    Some(Marker {
        line: span.line.max(1),
        col,
        len,
        message: format!("{}: {}", err.kind.name(), err.msg),
    })
}

/// The marker for an uncaught exception: the innermost frame of
/// `filename` in the traceback, underlined from its first non-blank
/// character to the end of the line, with the traceback's last line.
pub fn traceback_marker(source: &str, traceback: &str, filename: &str) -> Option<Marker> {
    let needle = format!("File \"{filename}\", line ");
    let line: u32 = traceback
        .lines()
        .rev()
        .filter_map(|l| {
            let rest = &l[l.find(&needle)? + needle.len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .next()?;
    let message = traceback.trim_end().lines().last()?.trim().to_string();
    let text = source.split('\n').nth(line.checked_sub(1)? as usize)?;
    let indent = text.chars().take_while(|c| c.is_whitespace()).count() as u32;
    let len = (text.trim_end().chars().count() as u32).saturating_sub(indent);
    Some(Marker {
        line,
        col: indent + 1,
        len: len.max(1),
        message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tasks_counted_without_a_name_join_the_lines_count() {
        let mut parks = Parks::default();
        for i in 0..3 {
            parks.add(5, i, &format!("Task-{i}"));
        }
        parks.count_more(5, 0);
        assert_eq!(parks.rows.len(), 3);
        parks.count_more(5, 9_997);
        parks.count_more(8, 2);
        let rows = parks.finish("+{0} more");
        assert_eq!(rows.last(), Some(&(5, PARK_MORE, "+9996 more".to_string())));
        assert!(rows.iter().all(|r| r.0 != 8), "two on a line: no count");
    }

    #[test]
    fn a_crowded_line_gets_four_badges_and_one_counting_the_rest() {
        let mut parks = Parks::default();
        for i in 0..10 {
            parks.add(9, i, &format!("Task-{}", i + 2));
        }
        parks.add(3, 7, "Task-99");
        let rows = parks.finish("+{0} more");
        let on9: Vec<_> = rows.iter().filter(|r| r.0 == 9).collect();
        assert_eq!(on9.len(), PARKS_PER_LINE + 1);
        assert_eq!(on9[0].2, "Task-2");
        assert_eq!(*on9.last().unwrap(), &(9, PARK_MORE, "+6 more".to_string()));
        assert_eq!(
            rows.iter().filter(|r| r.0 == 3).count(),
            1,
            "a quiet line: no count"
        );
        assert_eq!(Parks::class(PARK_MORE), "park park-more");
        assert_eq!(Parks::class(9), "park task-c1");
    }

    #[test]
    fn lines_are_escaped_and_coloured() {
        let lines = highlighted_lines("if a<b:\n    print('<&>')\n");
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("<span class=\"hl-kw\">if</span>"));
        assert!(lines[0].contains("&lt;"));
        assert!(lines[1].contains("<span class=\"hl-str\">'&lt;&amp;&gt;'</span>"));
        assert_eq!(lines[2], "");
        // A string across lines is cut per line.
        let lines = highlighted_lines("x = '''a\nb'''");
        assert!(lines[0].ends_with("<span class=\"hl-str\">'''a</span>"));
        assert_eq!(lines[1], "<span class=\"hl-str\">b'''</span>");
    }

    #[test]
    fn syntax_marker_points_at_the_error() {
        assert_eq!(syntax_marker("x = 1\n"), None);
        // CPython 3.11: `x = (1,` -> line 1, offset 5: '(' was never closed.
        let m = syntax_marker("y = 2\nx = (1,\n").unwrap();
        assert_eq!((m.line, m.col), (2, 5));
        assert_eq!(m.message, "SyntaxError: '(' was never closed");
    }

    #[test]
    fn traceback_marker_takes_the_innermost_frame() {
        let src = "def f():\n    return 1 + None\nf()\n";
        let tb = "Traceback (most recent call last):\n  File \"main.py\", line 3, in <module>\n    f()\n  File \"main.py\", line 2, in f\n    return 1 + None\nTypeError: unsupported operand type(s) for +: 'int' and 'NoneType'\n";
        let m = traceback_marker(src, tb, "main.py").unwrap();
        assert_eq!((m.line, m.col, m.len), (2, 5, 15));
        assert!(m.message.starts_with("TypeError"));
        assert_eq!(traceback_marker(src, "boom", "main.py"), None);
    }
}
