//! Syntax colouring shared by the editor and the player's code panel: the
//! CSS class of each token kind of the engine's own tolerant highlighter,
//! and a program cut into lines of classed segments. Plain Rust, tested
//! natively.

use looplab_engine::parse::highlight::{highlight, TokenClass};

/// The CSS class of a highlighted token.
pub fn token_class(c: TokenClass) -> &'static str {
    match c {
        TokenClass::Keyword => "hl-kw",
        TokenClass::Builtin => "hl-builtin",
        TokenClass::Name => "hl-name",
        TokenClass::String | TokenClass::FString => "hl-str",
        TokenClass::Number => "hl-num",
        TokenClass::Comment => "hl-comment",
        TokenClass::Operator => "hl-op",
        TokenClass::Punctuation => "hl-punct",
        TokenClass::Decorator => "hl-deco",
    }
}

/// A line of highlighted code: (CSS class, text) segments, plain text
/// with no class.
pub type Segments = Vec<(Option<&'static str>, String)>;

/// Splits `source` (its final newlines dropped) into lines of segments. A
/// token spanning lines (a triple-quoted string) is cut at each newline.
pub fn segments_by_line(source: &str) -> Vec<Segments> {
    lines_of_segments(source.trim_end_matches('\n'))
}

/// Splits `source` into lines of segments, one per line of the source
/// (a final newline gives a last, empty line).
pub fn lines_of_segments(source: &str) -> Vec<Segments> {
    let mut lines: Vec<Segments> = vec![Vec::new()];
    let mut push = |class: Option<&'static str>, text: &str| {
        for (k, piece) in text.split('\n').enumerate() {
            if k > 0 {
                lines.push(Vec::new());
            }
            if !piece.is_empty() {
                if let Some(line) = lines.last_mut() {
                    line.push((class, piece.to_string()));
                }
            }
        }
    };
    let mut pos = 0;
    for (span, class) in highlight(source) {
        let (start, end) = (span.start as usize, span.end as usize);
        if start < pos
            || end > source.len()
            || !source.is_char_boundary(start)
            || !source.is_char_boundary(end)
        {
            continue;
        }
        push(None, &source[pos..start]);
        push(Some(token_class(class)), &source[start..end]);
        pos = end;
    }
    push(None, &source[pos..]);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_every_character_and_class_keywords() {
        let src = "async def f():\n    s = '''a\nb'''  # c\n\n";
        let lines = segments_by_line(src);
        let text: Vec<String> = lines
            .iter()
            .map(|l| l.iter().map(|(_, t)| t.as_str()).collect())
            .collect();
        assert_eq!(text, ["async def f():", "    s = '''a", "b'''  # c"]);
        assert_eq!(lines[0][0], (Some("hl-kw"), "async".to_string()));
        assert!(lines[2].contains(&(Some("hl-comment"), "# c".to_string())));
        // The string's two lines both carry its class.
        assert!(lines[1].contains(&(Some("hl-str"), "'''a".to_string())));
        assert!(lines[2].contains(&(Some("hl-str"), "b'''".to_string())));
    }
}
