//! Syntax highlighting for the code view and the editor: a tolerant
//! tokenizer that never fails and classifies every non-blank character,
//! even in invalid or half-typed source (unterminated strings, stray
//! characters, unbalanced brackets).

use super::lexer::{is_id_continue, is_id_start};
use super::token::{Kw, OPERATORS_LONGEST_FIRST};
use crate::span::Span;

/// What a highlighted region is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenClass {
    Keyword,
    /// A name of a builtin function, type or exception (`print`, `len`, …).
    Builtin,
    Name,
    String,
    Number,
    Comment,
    Operator,
    /// Brackets, `,`, `:`, `;`, `.` and characters that start no token.
    Punctuation,
    /// `@name` (or `@a.b`) at the start of a line.
    Decorator,
    FString,
}

/// Builtins worth colouring in lessons.
const BUILTINS: &[&str] = &[
    "abs",
    "all",
    "any",
    "ascii",
    "bool",
    "breakpoint",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "hasattr",
    "hash",
    "hex",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "list",
    "map",
    "max",
    "min",
    "next",
    "object",
    "oct",
    "ord",
    "pow",
    "print",
    "property",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "vars",
    "zip",
    "aiter",
    "anext",
    "Exception",
    "BaseException",
    "ValueError",
    "TypeError",
    "KeyError",
    "IndexError",
    "RuntimeError",
    "StopIteration",
    "StopAsyncIteration",
    "ZeroDivisionError",
    "AttributeError",
    "NameError",
    "AssertionError",
    "NotImplementedError",
    "TimeoutError",
    "KeyboardInterrupt",
    "SystemExit",
    "ExceptionGroup",
    "BaseExceptionGroup",
    "GeneratorExit",
    "OSError",
    "LookupError",
    "ArithmeticError",
    "self",
    "cls",
    "NotImplemented",
];

/// Classifies the source for display. Regions are in source order, do not
/// overlap, and together cover every non-whitespace character.
pub fn highlight(source: &str) -> Vec<(Span, TokenClass)> {
    let mut h = Highlighter {
        src: source,
        pos: 0,
        line: 1,
        line_start: 0,
        out: Vec::new(),
    };
    h.run();
    h.out
}

/// State of the tolerant scan.
struct Highlighter<'a> {
    /// The text being highlighted.
    src: &'a str,
    /// Current byte offset.
    pos: usize,
    /// Current 1-based line.
    line: u32,
    /// Byte offset where the current line starts.
    line_start: usize,
    /// Regions found so far.
    out: Vec<(Span, TokenClass)>,
}

impl Highlighter<'_> {
    fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.src[self.pos..].chars().nth(n)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.line_start = self.pos;
        }
        Some(c)
    }

    /// Records `start..pos` (which began on `line` at `col`).
    fn emit(&mut self, start: usize, line: u32, col: u32, class: TokenClass) {
        if self.pos > start {
            self.out
                .push((Span::new(start as u32, self.pos as u32, line, col), class));
        }
    }

    fn col(&self) -> u32 {
        self.src[self.line_start..self.pos].chars().count() as u32 + 1
    }

    fn at_line_start(&self) -> bool {
        self.src[self.line_start..self.pos]
            .chars()
            .all(|c| c == ' ' || c == '\t' || c == '\x0c')
    }

    /// Whether the soft keyword `match`/`case` just scanned (from `start`)
    /// begins a statement header: first on its line, the line ending with
    /// `':'` (no simple statement does). `match = 3` and `match(x)` stay
    /// names.
    fn soft_keyword_at(&self, start: usize) -> bool {
        let before = &self.src[self.line_start..start];
        if !before.chars().all(|c| c == ' ' || c == '\t' || c == '\x0c') {
            return false;
        }
        let rest = &self.src[self.pos..];
        let line = rest.split(['\n', '\r']).next().unwrap_or("");
        let code = line.split('#').next().unwrap_or("").trim_end();
        let next = line.trim_start().chars().next();
        code.ends_with(':') && !matches!(next, Some('=' | '.' | ':' | ',' | ';' | ')' | ']' | '}'))
    }

    fn run(&mut self) {
        while let Some(c) = self.peek() {
            if c.is_whitespace() || c == '\\' && matches!(self.peek_at(1), Some('\n' | '\r')) {
                self.bump();
                continue;
            }
            let start = self.pos;
            let line = self.line;
            let col = self.col();
            if c == '#' {
                while !matches!(self.peek(), None | Some('\n' | '\r')) {
                    self.bump();
                }
                self.emit(start, line, col, TokenClass::Comment);
            } else if c == '@' && self.at_line_start() && self.peek_at(1).is_some_and(is_id_start) {
                self.bump();
                loop {
                    while self.peek().is_some_and(is_id_continue) {
                        self.bump();
                    }
                    if self.peek() == Some('.') && self.peek_at(1).is_some_and(is_id_start) {
                        self.bump();
                    } else {
                        break;
                    }
                }
                self.emit(start, line, col, TokenClass::Decorator);
            } else if is_id_start(c) {
                while self.peek().is_some_and(is_id_continue) {
                    self.bump();
                }
                let word = &self.src[start..self.pos];
                let is_prefix = word.len() <= 2
                    && word
                        .chars()
                        .all(|c| matches!(c.to_ascii_lowercase(), 'r' | 'b' | 'f' | 'u'));
                if is_prefix && matches!(self.peek(), Some('"' | '\'')) {
                    let class = if word.chars().any(|c| c.eq_ignore_ascii_case(&'f')) {
                        TokenClass::FString
                    } else {
                        TokenClass::String
                    };
                    self.string_body();
                    self.emit(start, line, col, class);
                } else {
                    let class = if Kw::lookup(word).is_some()
                        || (matches!(word, "match" | "case") && self.soft_keyword_at(start))
                    {
                        TokenClass::Keyword
                    } else if BUILTINS.contains(&word) {
                        TokenClass::Builtin
                    } else {
                        TokenClass::Name
                    };
                    self.emit(start, line, col, class);
                }
            } else if c.is_ascii_digit()
                || (c == '.' && self.peek_at(1).is_some_and(|d| d.is_ascii_digit()))
            {
                let mut prev = ' ';
                while let Some(d) = self.peek() {
                    let exponent_sign = (d == '+' || d == '-') && matches!(prev, 'e' | 'E');
                    if d.is_ascii_alphanumeric() || d == '_' || d == '.' || exponent_sign {
                        prev = d;
                        self.bump();
                    } else {
                        break;
                    }
                }
                self.emit(start, line, col, TokenClass::Number);
            } else if c == '"' || c == '\'' {
                self.string_body();
                self.emit(start, line, col, TokenClass::String);
            } else {
                let rest = &self.src[self.pos..];
                let text = OPERATORS_LONGEST_FIRST
                    .iter()
                    .find(|(t, _)| rest.starts_with(t))
                    .map(|(t, _)| *t);
                match text {
                    Some(t) => {
                        self.pos += t.len();
                        let class = if matches!(
                            t,
                            "(" | ")" | "[" | "]" | "{" | "}" | "," | ":" | ";" | "."
                        ) {
                            TokenClass::Punctuation
                        } else {
                            TokenClass::Operator
                        };
                        self.emit(start, line, col, class);
                    }
                    None => {
                        self.bump();
                        self.emit(start, line, col, TokenClass::Punctuation);
                    }
                }
            }
        }
    }

    /// Consumes a string from its opening quote to its closing quote, or to
    /// the end of the line (single-quoted) or text (triple-quoted) when it
    /// is unterminated.
    fn string_body(&mut self) {
        let Some(quote) = self.bump() else { return };
        let triple = self.peek() == Some(quote) && self.peek_at(1) == Some(quote);
        if triple {
            self.bump();
            self.bump();
        }
        while let Some(c) = self.peek() {
            if c == '\\' {
                self.bump();
                self.bump();
                continue;
            }
            if !triple && (c == '\n' || c == '\r') {
                return;
            }
            self.bump();
            if c == quote
                && (!triple || (self.peek() == Some(quote) && self.peek_at(1) == Some(quote)))
            {
                if triple {
                    self.bump();
                    self.bump();
                }
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(src: &str) -> Vec<(&str, TokenClass)> {
        highlight(src)
            .into_iter()
            .map(|(s, c)| (&src[s.start as usize..s.end as usize], c))
            .collect()
    }

    #[test]
    fn classifies_a_small_program() {
        use TokenClass::*;
        let got = classes("@dec.x\nasync def f(a):  # hi\n    print(f'{a}', 1.5e-3)\n");
        assert_eq!(
            got,
            vec![
                ("@dec.x", Decorator),
                ("async", Keyword),
                ("def", Keyword),
                ("f", Name),
                ("(", Punctuation),
                ("a", Name),
                (")", Punctuation),
                (":", Punctuation),
                ("# hi", Comment),
                ("print", Builtin),
                ("(", Punctuation),
                ("f'{a}'", FString),
                (",", Punctuation),
                ("1.5e-3", Number),
                (")", Punctuation),
            ]
        );
    }

    #[test]
    fn tolerates_unterminated_strings_and_garbage() {
        use TokenClass::*;
        assert_eq!(
            classes("x = 'abc\ny $ \"\"\"open"),
            vec![
                ("x", Name),
                ("=", Operator),
                ("'abc", String),
                ("y", Name),
                ("$", Punctuation),
                ("\"\"\"open", String)
            ]
        );
        assert_eq!(classes("'\\"), vec![("'\\", String)]);
    }

    #[test]
    fn match_and_case_are_keywords_only_as_statement_headers() {
        let kw = |src: &str, word: &str| {
            classes(src)
                .into_iter()
                .filter(|(w, _)| *w == word)
                .map(|(_, c)| c == TokenClass::Keyword)
                .collect::<Vec<_>>()
        };
        let prog = "match x:  # go\n    case [match, case]:\n        pass\n";
        assert_eq!(kw(prog, "match"), vec![true, false]);
        assert_eq!(kw(prog, "case"), vec![true, false]);
        assert_eq!(
            kw("match = 3\nmatch(x)\ncase.y = 1\n", "match"),
            vec![false, false]
        );
        assert_eq!(kw("case: int = 3\n", "case"), vec![false]);
    }

    #[test]
    fn spans_carry_line_and_char_column() {
        let spans = highlight("é = 1\n  x");
        assert_eq!((spans[1].0.line, spans[1].0.col), (1, 3));
        assert_eq!((spans[3].0.line, spans[3].0.col), (2, 3));
    }
}
