//! Python tokenization, after CPython's `Parser/tokenizer.c`: INDENT/DEDENT
//! from an indentation stack (tabs to multiples of 8, checked against a
//! tab-size-1 "alternate" stack for `TabError`), implicit line joining inside
//! brackets, backslash continuations, comments, string and number literals.
//!
//! The lexer runs eagerly over the whole source and stops at the first error
//! CPython's tokenizer would raise. CPython re-tokenizes the rest of the file
//! whenever the parser fails, so such an error always wins over a parser
//! error; [`Lexed::error`] carries it for the parser to report.

use super::error::{SyntaxError, SyntaxErrorKind};
use super::token::{FStringToken, Kw, Op, Token, TokenKind, OPERATORS_LONGEST_FIRST};
use crate::ast::Name;
use crate::span::Span;

/// CPython's tab size for the indentation stack.
const TABSIZE: u32 = 8;

/// CPython's `MAXLEVEL`: how deeply brackets may nest.
const MAXLEVEL: usize = 200;

/// CPython's `MAXINDENT`: how many indentation levels there may be.
const MAXINDENT: usize = 100;

/// The lexer's output.
#[derive(Debug)]
pub struct Lexed {
    /// Tokens up to the first error (or to `ENDMARKER`).
    pub tokens: Vec<Token>,
    /// The first error CPython's tokenizer raises, if any. The token list
    /// then ends with a [`TokenKind::LexError`] at that point.
    pub error: Option<SyntaxError>,
    /// Whether `error` is one CPython's tokenizer only signals to the
    /// parser (indentation errors, a bad line continuation) rather than
    /// raising it at once: such an error is reported only if the parser
    /// gets that far, while a raised one also overrides a parser error
    /// found earlier in the file.
    pub error_is_soft: bool,
    /// The innermost bracket still open at end of input (CPython's
    /// `parenstack` top), for "'(' was never closed".
    pub unclosed: Option<(char, Span)>,
}

/// Tokenizes a whole module.
pub fn tokenize(source: &str) -> Lexed {
    // A UTF-8 byte-order mark (editors on Windows add one) is skipped, as
    // CPython does; spans stay offsets into `source`.
    let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lexer = Lexer::new(source, start, source.len(), 1, 1, false);
    lexer.run();
    lexer.finish()
}

/// Tokenizes the expression part of an f-string field: `source[start..end]`
/// as if inside brackets (newlines are insignificant), spans pointing into
/// `source`. Ends with `ENDMARKER`.
pub fn tokenize_fragment(source: &str, start: usize, end: usize, line: u32, col: u32) -> Lexed {
    let mut lexer = Lexer::new(source, start, end, line, col, true);
    lexer.run();
    lexer.finish()
}

/// Tokenizer state (CPython's `struct tok_state`).
struct Lexer<'a> {
    /// The full source; spans are byte offsets into it.
    src: &'a str,
    /// Current byte offset.
    pos: usize,
    /// Where lexing stops (the end of the source, or of an f-string field).
    end: usize,
    /// Current 1-based line.
    line: u32,
    /// Byte offset of the start of the current line.
    line_start: usize,
    /// Column of `line_start` (1 except for fragments starting mid-line).
    line_start_col: u32,
    /// Cache for character-column computation: (byte offset, column).
    col_cache: (usize, u32),
    /// CPython's `indstack`: indentation columns with tabs to 8.
    indents: Vec<u32>,
    /// CPython's `altindstack`: the same with tabs counted as 1.
    alt_indents: Vec<u32>,
    /// Open brackets with their spans (CPython's `parenstack`).
    brackets: Vec<(char, Span)>,
    /// True at the start of a logical line, before indentation is measured.
    at_line_start: bool,
    /// Lexing an f-string field: no indentation, no NEWLINE.
    fragment: bool,
    /// Tokens so far.
    tokens: Vec<Token>,
    /// The first error.
    error: Option<SyntaxError>,
    /// See [`Lexed::error_is_soft`].
    error_is_soft: bool,
    /// The innermost unclosed bracket at end of input.
    unclosed: Option<(char, Span)>,
    /// Interned identifiers: every occurrence of a name shares one `Rc`.
    names: std::collections::HashMap<String, Name>,
}

/// Whether `c` may start an identifier (XID_Start or `_`).
pub fn is_id_start(c: char) -> bool {
    c == '_' || c.is_ascii_alphabetic() || (!c.is_ascii() && unicode_ident::is_xid_start(c))
}

/// Whether `c` may continue an identifier (XID_Continue).
pub fn is_id_continue(c: char) -> bool {
    c == '_' || c.is_ascii_alphanumeric() || (!c.is_ascii() && unicode_ident::is_xid_continue(c))
}

/// The single-character NFKC mappings of identifier characters that
/// Looplab applies (CPython normalizes identifiers with full NFKC): the
/// fullwidth forms (`ｗｉｄｔｈ`), the mathematical alphanumerics (`𝔘`), the
/// micro sign and a few letter-like symbols. Runs of `(first code point,
/// length, first target)`, generated from CPython 3.11's `unicodedata`.
const NFKC_RUNS: &[(u32, u32, u32)] = &[
    (0xB5, 1, 0x3BC),
    (0x17F, 1, 0x73),
    (0x2126, 1, 0x3A9),
    (0x212A, 1, 0x4B),
    (0x212B, 1, 0xC5),
    (0xFF10, 10, 0x30),
    (0xFF21, 26, 0x41),
    (0xFF3F, 1, 0x5F),
    (0xFF41, 26, 0x61),
    (0x1D400, 26, 0x41),
    (0x1D41A, 26, 0x61),
    (0x1D434, 26, 0x41),
    (0x1D44E, 7, 0x61),
    (0x1D456, 18, 0x69),
    (0x1D468, 26, 0x41),
    (0x1D482, 26, 0x61),
    (0x1D49C, 1, 0x41),
    (0x1D49E, 2, 0x43),
    (0x1D4A2, 1, 0x47),
    (0x1D4A5, 2, 0x4A),
    (0x1D4A9, 4, 0x4E),
    (0x1D4AE, 8, 0x53),
    (0x1D4B6, 4, 0x61),
    (0x1D4BB, 1, 0x66),
    (0x1D4BD, 7, 0x68),
    (0x1D4C5, 11, 0x70),
    (0x1D4D0, 26, 0x41),
    (0x1D4EA, 26, 0x61),
    (0x1D504, 2, 0x41),
    (0x1D507, 4, 0x44),
    (0x1D50D, 8, 0x4A),
    (0x1D516, 7, 0x53),
    (0x1D51E, 26, 0x61),
    (0x1D538, 2, 0x41),
    (0x1D53B, 4, 0x44),
    (0x1D540, 5, 0x49),
    (0x1D546, 1, 0x4F),
    (0x1D54A, 7, 0x53),
    (0x1D552, 26, 0x61),
    (0x1D56C, 26, 0x41),
    (0x1D586, 26, 0x61),
    (0x1D5A0, 26, 0x41),
    (0x1D5BA, 26, 0x61),
    (0x1D5D4, 26, 0x41),
    (0x1D5EE, 26, 0x61),
    (0x1D608, 26, 0x41),
    (0x1D622, 26, 0x61),
    (0x1D63C, 26, 0x41),
    (0x1D656, 26, 0x61),
    (0x1D670, 26, 0x41),
    (0x1D68A, 26, 0x61),
    (0x1D6A4, 1, 0x131),
    (0x1D6A5, 1, 0x237),
    (0x1D6A8, 17, 0x391),
    (0x1D6B9, 1, 0x398),
    (0x1D6BA, 7, 0x3A3),
    (0x1D6C2, 25, 0x3B1),
    (0x1D6DC, 1, 0x3B5),
    (0x1D6DD, 1, 0x3B8),
    (0x1D6DE, 1, 0x3BA),
    (0x1D6DF, 1, 0x3C6),
    (0x1D6E0, 1, 0x3C1),
    (0x1D6E1, 1, 0x3C0),
    (0x1D6E2, 17, 0x391),
    (0x1D6F3, 1, 0x398),
    (0x1D6F4, 7, 0x3A3),
    (0x1D6FC, 25, 0x3B1),
    (0x1D716, 1, 0x3B5),
    (0x1D717, 1, 0x3B8),
    (0x1D718, 1, 0x3BA),
    (0x1D719, 1, 0x3C6),
    (0x1D71A, 1, 0x3C1),
    (0x1D71B, 1, 0x3C0),
    (0x1D71C, 17, 0x391),
    (0x1D72D, 1, 0x398),
    (0x1D72E, 7, 0x3A3),
    (0x1D736, 25, 0x3B1),
    (0x1D750, 1, 0x3B5),
    (0x1D751, 1, 0x3B8),
    (0x1D752, 1, 0x3BA),
    (0x1D753, 1, 0x3C6),
    (0x1D754, 1, 0x3C1),
    (0x1D755, 1, 0x3C0),
    (0x1D756, 17, 0x391),
    (0x1D767, 1, 0x398),
    (0x1D768, 7, 0x3A3),
    (0x1D770, 25, 0x3B1),
    (0x1D78A, 1, 0x3B5),
    (0x1D78B, 1, 0x3B8),
    (0x1D78C, 1, 0x3BA),
    (0x1D78D, 1, 0x3C6),
    (0x1D78E, 1, 0x3C1),
    (0x1D78F, 1, 0x3C0),
    (0x1D790, 17, 0x391),
    (0x1D7A1, 1, 0x398),
    (0x1D7A2, 7, 0x3A3),
    (0x1D7AA, 25, 0x3B1),
    (0x1D7C4, 1, 0x3B5),
    (0x1D7C5, 1, 0x3B8),
    (0x1D7C6, 1, 0x3BA),
    (0x1D7C7, 1, 0x3C6),
    (0x1D7C8, 1, 0x3C1),
    (0x1D7C9, 1, 0x3C0),
    (0x1D7CA, 2, 0x3DC),
    (0x1D7CE, 10, 0x30),
    (0x1D7D8, 10, 0x30),
    (0x1D7E2, 10, 0x30),
    (0x1D7EC, 10, 0x30),
    (0x1D7F6, 10, 0x30),
];

/// Normalizes an identifier (see [`NFKC_RUNS`]).
fn normalize_identifier(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() {
        return word.into();
    }
    word.chars()
        .map(|c| {
            let cp = c as u32;
            let i = NFKC_RUNS.partition_point(|&(first, _, _)| first <= cp);
            match i.checked_sub(1).map(|i| NFKC_RUNS[i]) {
                Some((first, len, target)) if cp < first + len => {
                    char::from_u32(target + (cp - first)).unwrap_or(c)
                }
                _ => c,
            }
        })
        .collect::<String>()
        .into()
}

#[cfg(test)]
#[test]
fn nfkc_runs_are_sorted() {
    assert!(NFKC_RUNS.windows(2).all(|w| w[0].0 + w[0].1 <= w[1].0));
}

impl<'a> Lexer<'a> {
    fn new(src: &'a str, start: usize, end: usize, line: u32, col: u32, fragment: bool) -> Self {
        Lexer {
            src,
            pos: start,
            end,
            line,
            line_start: start,
            line_start_col: col,
            col_cache: (start, col),
            indents: vec![0],
            alt_indents: vec![0],
            brackets: Vec::new(),
            at_line_start: !fragment,
            fragment,
            tokens: Vec::new(),
            error: None,
            error_is_soft: false,
            unclosed: None,
            names: std::collections::HashMap::new(),
        }
    }

    fn finish(mut self) -> Lexed {
        if let Some(err) = &self.error {
            let span = err.span;
            self.push(TokenKind::LexError, span);
        }
        Lexed {
            tokens: self.tokens,
            error: self.error,
            error_is_soft: self.error_is_soft,
            unclosed: self.unclosed,
        }
    }

    /// Records an error CPython's tokenizer only signals (see
    /// [`Lexed::error_is_soft`]).
    fn fail_soft(&mut self, err: SyntaxError) {
        if self.error.is_none() {
            self.error = Some(err);
            self.error_is_soft = true;
        }
    }

    fn peek(&self) -> Option<char> {
        self.src[self.pos..self.end].chars().next()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.src[self.pos..self.end].chars().nth(n)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// The 1-based character column of byte offset `pos` on the current line.
    fn col_at(&mut self, pos: usize) -> u32 {
        let (cpos, ccol) = self.col_cache;
        let col = if cpos >= self.line_start && cpos <= pos {
            ccol + self.src[cpos..pos].chars().count() as u32
        } else {
            self.line_start_col + self.src[self.line_start..pos].chars().count() as u32
        };
        self.col_cache = (pos, col);
        col
    }

    fn span_from(&mut self, start: usize) -> Span {
        let col = self.col_at(start);
        Span::new(start as u32, self.pos as u32, self.line, col)
    }

    /// Starts a new line after consuming a newline character.
    fn new_line(&mut self) {
        self.line += 1;
        self.line_start = self.pos;
        self.line_start_col = 1;
        self.col_cache = (self.pos, 1);
    }

    fn push(&mut self, kind: TokenKind, span: Span) {
        self.tokens.push(Token {
            kind,
            span,
            level: self.brackets.len() as u32 + u32::from(self.fragment),
        });
    }

    fn fail(&mut self, msg: impl Into<String>, span: Span) {
        if self.error.is_none() {
            self.error = Some(SyntaxError::new(msg, span));
        }
    }

    /// Consumes a newline sequence (`\n`, `\r\n` or `\r`) if there is one.
    fn eat_newline(&mut self) -> bool {
        match self.peek() {
            Some('\n') => {
                self.pos += 1;
                self.new_line();
                true
            }
            Some('\r') => {
                self.pos += 1;
                if self.peek() == Some('\n') {
                    self.pos += 1;
                }
                self.new_line();
                true
            }
            _ => false,
        }
    }

    fn run(&mut self) {
        while self.error.is_none() {
            if self.at_line_start {
                self.at_line_start = false;
                if !self.indentation() {
                    continue;
                }
                if self.error.is_some() {
                    return;
                }
            }
            // Skip blanks between tokens.
            while let Some(' ' | '\t' | '\x0c') = self.peek() {
                self.pos += 1;
            }
            let start = self.pos;
            let Some(c) = self.peek() else {
                self.end_of_input();
                return;
            };
            match c {
                '#' => self.skip_comment(),
                '\n' | '\r' => {
                    let nl_span = Span::new(
                        start as u32,
                        start as u32 + 1,
                        self.line,
                        self.col_at(start),
                    );
                    self.eat_newline();
                    if self.brackets.is_empty() && !self.fragment {
                        self.push(TokenKind::Newline, nl_span);
                        self.at_line_start = true;
                    }
                }
                '\\' => {
                    self.pos += 1;
                    if !self.eat_newline() {
                        if self.peek().is_none() {
                            let span = self.span_from(start);
                            self.fail("unexpected EOF while parsing", span);
                        } else {
                            let span = self.span_from(self.pos);
                            self.fail(
                                "unexpected character after line continuation character",
                                span,
                            );
                        }
                    }
                }
                c if is_id_start(c) => self.name_or_string(),
                '0'..='9' => self.number(),
                '.' if matches!(self.peek_at(1), Some('0'..='9')) => self.number(),
                '"' | '\'' => self.string(start, start, StrPrefix::default()),
                _ => self.operator(c),
            }
        }
    }

    /// Measures the indentation of a new logical line and emits
    /// INDENT/DEDENT (CPython's `tok_get` "Get indentation level" block).
    /// Returns false when the line was blank and has been skipped.
    fn indentation(&mut self) -> bool {
        let mut col = 0u32;
        let mut altcol = 0u32;
        let mut cont: Option<(u32, u32)> = None;
        loop {
            match self.peek() {
                Some(' ') => {
                    col += 1;
                    altcol += 1;
                }
                Some('\t') => {
                    col = (col / TABSIZE + 1) * TABSIZE;
                    altcol += 1;
                }
                Some('\x0c') => {
                    col = 0;
                    altcol = 0;
                }
                Some('\\') if matches!(self.peek_at(1), Some('\n' | '\r')) => {
                    // Indentation cannot be split over lines with a
                    // backslash: the first one after some whitespace fixes
                    // the level (CPython's `cont_line_col`).
                    if cont.is_none() && col != 0 {
                        cont = Some((col, altcol));
                    }
                    self.pos += 1;
                    self.eat_newline();
                    continue;
                }
                _ => break,
            }
            self.pos += 1;
        }
        if let Some((c, a)) = cont {
            col = c;
            altcol = a;
        }
        match self.peek() {
            Some('#') => {
                self.skip_comment();
                if !self.eat_newline() {
                    self.at_line_start = true;
                    return false;
                }
                self.at_line_start = true;
                return false;
            }
            Some('\n' | '\r') => {
                self.eat_newline();
                self.at_line_start = true;
                return false;
            }
            None => return true,
            _ => {}
        }
        let top = *self.indents.last().unwrap_or(&0);
        let alt_top = *self.alt_indents.last().unwrap_or(&0);
        let indent_chars = (self.pos - self.line_start) as u32;
        if col == top {
            if altcol != alt_top {
                self.tab_error();
            }
        } else if col > top {
            if altcol <= alt_top {
                self.tab_error();
                return true;
            }
            if self.indents.len() >= MAXINDENT {
                let span = Span::new(
                    self.pos as u32,
                    self.pos as u32,
                    self.line,
                    indent_chars + 1,
                );
                self.fail_soft(SyntaxError::indentation(
                    "too many levels of indentation",
                    span,
                ));
                return true;
            }
            self.indents.push(col);
            self.alt_indents.push(altcol);
            let start = self.pos.saturating_sub(1).max(self.line_start);
            let span = Span::new(
                start as u32,
                self.pos as u32,
                self.line,
                indent_chars.max(1),
            );
            self.push(TokenKind::Indent, span);
        } else {
            while self.indents.len() > 1 && col < *self.indents.last().unwrap_or(&0) {
                self.indents.pop();
                self.alt_indents.pop();
                let span = Span::new(
                    self.pos as u32,
                    self.pos as u32,
                    self.line,
                    indent_chars + 1,
                );
                self.push(TokenKind::Dedent, span);
            }
            if col != *self.indents.last().unwrap_or(&0) {
                // CPython reports the end of the line it has just read.
                let rest = &self.src[self.pos..self.end];
                let line_len = rest.find(['\n', '\r']).unwrap_or(rest.len());
                let col = indent_chars + rest[..line_len].chars().count() as u32 + 1;
                let span = Span::new(self.pos as u32, self.pos as u32, self.line, col);
                self.fail_soft(SyntaxError::indentation(
                    "unindent does not match any outer indentation level",
                    span,
                ));
            } else if altcol != *self.alt_indents.last().unwrap_or(&0) {
                self.tab_error();
            }
        }
        true
    }

    fn tab_error(&mut self) {
        let span = Span::new(self.line_start as u32, self.line_start as u32, self.line, 1);
        self.fail_soft(SyntaxError {
            kind: SyntaxErrorKind::TabError,
            msg: "inconsistent use of tabs and spaces in indentation".into(),
            span,
        });
    }

    fn skip_comment(&mut self) {
        while let Some(c) = self.peek() {
            if c == '\n' || c == '\r' {
                break;
            }
            self.bump();
        }
    }

    fn end_of_input(&mut self) {
        // CPython places end-of-input tokens at the last newline character.
        let before = &self.src[..self.pos];
        let eof = if !self.fragment
            && self.line > 1
            && (before.ends_with('\n') || before.ends_with('\r'))
        {
            let nl = self.pos - 1 - usize::from(before.ends_with("\r\n"));
            let start = before[..nl].rfind(['\n', '\r']).map_or(0, |i| i + 1);
            let col = before[start..nl].chars().count() as u32 + 1;
            Span::new(nl as u32, nl as u32 + 1, self.line - 1, col)
        } else {
            Span::new(
                self.pos as u32,
                self.pos as u32,
                self.line,
                self.col_at(self.pos),
            )
        };
        if let Some(&(open, span)) = self.brackets.last() {
            if !self.fragment {
                self.unclosed = Some((open, span));
                self.push(TokenKind::EofInBrackets, eof);
                return;
            }
        }
        if !self.fragment {
            let needs_newline = matches!(
                self.tokens.last(),
                Some(t) if !matches!(t.kind, TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent)
            );
            if needs_newline {
                self.push(TokenKind::Newline, eof);
            }
            while self.indents.len() > 1 {
                self.indents.pop();
                self.push(TokenKind::Dedent, eof);
            }
        }
        self.push(TokenKind::EndMarker, eof);
    }

    fn name_or_string(&mut self) {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if !is_id_continue(c) {
                break;
            }
            self.bump();
        }
        let word = &self.src[start..self.pos];
        if matches!(self.peek(), Some('"' | '\'')) {
            if let Some(prefix) = StrPrefix::parse(word) {
                let quote_pos = self.pos;
                self.string(start, quote_pos, prefix);
                return;
            }
        }
        let span = self.span_from(start);
        let word = normalize_identifier(word);
        let kind = match Kw::lookup(&word) {
            Some(kw) => TokenKind::Kw(kw),
            None => match self.names.get(word.as_ref()) {
                Some(name) => TokenKind::Name(name.clone()),
                None => {
                    let name: Name = word.as_ref().into();
                    self.names.insert(word.into_owned(), name.clone());
                    TokenKind::Name(name)
                }
            },
        };
        self.push(kind, span);
    }

    fn operator(&mut self, c: char) {
        let start = self.pos;
        let rest = &self.src[self.pos..self.end];
        let Some(&(text, op)) = OPERATORS_LONGEST_FIRST
            .iter()
            .find(|(t, _)| rest.starts_with(t))
        else {
            self.bump();
            let span = self.span_from(start);
            if c.is_ascii_graphic() {
                // `$`, `?`, `` ` ``, a lone `!`: an ERRORTOKEN.
                self.push(TokenKind::ErrorToken, span);
            } else if c.is_control() || c == '\u{a0}' || (c.is_whitespace() && !c.is_ascii()) {
                self.fail(
                    format!("invalid non-printable character U+{:04X}", c as u32),
                    span,
                );
            } else {
                self.fail(
                    format!("invalid character '{c}' (U+{:04X})", c as u32),
                    span,
                );
            }
            return;
        };
        self.pos += text.len();
        let span = self.span_from(start);
        match op {
            Op::LPar | Op::LSqb | Op::LBrace => {
                let open = text.chars().next().unwrap_or('(');
                if self.brackets.len() >= MAXLEVEL {
                    self.fail("too many nested parentheses", span);
                    return;
                }
                self.brackets.push((open, span));
            }
            Op::RPar | Op::RSqb | Op::RBrace => {
                let close = text.chars().next().unwrap_or(')');
                match self.brackets.pop() {
                    None => {
                        self.fail(format!("unmatched '{close}'"), span);
                        return;
                    }
                    Some((open, open_span)) => {
                        let expected = match open {
                            '(' => ')',
                            '[' => ']',
                            _ => '}',
                        };
                        if expected != close {
                            let msg = if open_span.line != span.line {
                                format!(
                                    "closing parenthesis '{close}' does not match opening parenthesis '{open}' on line {}",
                                    open_span.line
                                )
                            } else {
                                format!("closing parenthesis '{close}' does not match opening parenthesis '{open}'")
                            };
                            self.fail(msg, span);
                            return;
                        }
                    }
                }
            }
            _ => {}
        }
        self.push(TokenKind::Op(op), span);
    }

    /// Scans a run of digits of `radix` with single underscores between
    /// them. Returns false on a misplaced underscore.
    fn digits(&mut self, radix: u32) -> bool {
        loop {
            match self.peek() {
                Some(c) if c.is_digit(radix) => {
                    self.pos += 1;
                }
                Some('_') => {
                    if matches!(self.peek_at(1), Some(c) if c.is_digit(radix)) {
                        self.pos += 1;
                    } else {
                        self.pos += 1;
                        return false;
                    }
                }
                _ => return true,
            }
        }
    }

    fn number(&mut self) {
        let start = self.pos;
        let first = self.peek();
        let second = self.peek_at(1);
        if first == Some('0') {
            let radix = match second {
                Some('x' | 'X') => Some((16, "hexadecimal")),
                Some('o' | 'O') => Some((8, "octal")),
                Some('b' | 'B') => Some((2, "binary")),
                _ => None,
            };
            if let Some((radix, name)) = radix {
                self.pos += 2;
                if self.peek() == Some('_') {
                    self.pos += 1;
                }
                let digits_start = self.pos;
                let ok = self.digits(radix);
                if !ok || self.pos == digits_start {
                    // CPython: a digit of the wrong base gets its own message.
                    if let Some(c) = self.peek().filter(|c| c.is_ascii_digit()) {
                        let span = self.span_from(self.pos);
                        self.fail(format!("invalid digit '{c}' in {name} literal"), span);
                    } else {
                        let span = self.span_from(self.pos.saturating_sub(1));
                        self.fail(format!("invalid {name} literal"), span);
                    }
                    return;
                }
                if let Some(c) = self.peek().filter(|c| c.is_ascii_digit()) {
                    let span = self.span_from(self.pos);
                    self.fail(format!("invalid digit '{c}' in {name} literal"), span);
                    return;
                }
                if !self.verify_end_of_number(start, name) {
                    return;
                }
                let text: String = self.src[digits_start..self.pos]
                    .chars()
                    .filter(|&c| c != '_')
                    .collect();
                let span = self.span_from(start);
                self.push_int(&text, radix, span);
                return;
            }
        }
        // Decimal integer or float.
        let mut is_float = false;
        if first != Some('.') && !self.digits(10) {
            let span = self.span_from(self.pos - 1);
            self.fail("invalid decimal literal", span);
            return;
        }
        let int_end = self.pos;
        if self.peek() == Some('.') {
            is_float = true;
            self.pos += 1;
            if matches!(self.peek(), Some('0'..='9')) && !self.digits(10) {
                let span = self.span_from(self.pos - 1);
                self.fail("invalid decimal literal", span);
                return;
            }
        }
        if matches!(self.peek(), Some('e' | 'E')) {
            let save = self.pos;
            self.pos += 1;
            if matches!(self.peek(), Some('+' | '-')) {
                self.pos += 1;
            }
            if matches!(self.peek(), Some('0'..='9')) {
                is_float = true;
                if !self.digits(10) {
                    let span = self.span_from(self.pos - 1);
                    self.fail("invalid decimal literal", span);
                    return;
                }
            } else if self.src[save + 1..self.pos].is_empty() {
                // `1else`: the `e` starts the next token.
                self.pos = save;
            } else {
                let span = self.span_from(start);
                self.fail("invalid decimal literal", span);
                return;
            }
        }
        if matches!(self.peek(), Some('j' | 'J')) {
            self.pos += 1;
            let span = self.span_from(start);
            self.fail("complex numbers are not supported in Looplab yet", span);
            return;
        }
        if !self.verify_end_of_number(start, "decimal") {
            return;
        }
        let text: String = self.src[start..self.pos]
            .chars()
            .filter(|&c| c != '_')
            .collect();
        let span = self.span_from(start);
        if is_float {
            match text.parse::<f64>() {
                Ok(v) => self.push(TokenKind::Float(v), span),
                Err(_) => self.fail("invalid decimal literal", span),
            }
            return;
        }
        let int_text = &self.src[start..int_end];
        if int_text.starts_with('0') && int_text.chars().any(|c| c.is_ascii_digit() && c != '0') {
            let span = Span::new(
                start as u32,
                start as u32 + 1,
                self.line,
                self.col_at(start),
            );
            self.fail(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                span,
            );
            return;
        }
        self.push_int(&text, 10, span);
    }

    /// An int literal's token: `Int` when it fits in an `i64`, else
    /// `BigInt`; a decimal literal beyond 4300 digits is CPython's
    /// SyntaxError.
    fn push_int(&mut self, text: &str, radix: u32, span: Span) {
        if let Ok(v) = i64::from_str_radix(text, radix) {
            return self.push(TokenKind::Int(v), span);
        }
        match crate::pylib::bigint::parse_digits(text, radix, false) {
            Ok(v) => self.push(TokenKind::BigInt(std::rc::Rc::new(v)), span),
            Err(e) => {
                let msg = format!(
                    "{} - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                    e.msg
                );
                self.fail(&msg, span)
            }
        }
    }

    /// CPython's `verify_end_of_number`: a number directly followed by a
    /// name is an error unless the name is one of the keywords that may
    /// follow (`1if x else y` is legal, with a warning).
    fn verify_end_of_number(&mut self, start: usize, kind: &str) -> bool {
        let Some(c) = self.peek() else { return true };
        if !is_id_continue(c) {
            return true;
        }
        let rest = &self.src[self.pos..self.end];
        let allowed = ["and", "else", "for", "if", "in", "is", "not", "or"];
        if allowed.iter().any(|kw| rest.starts_with(kw)) {
            return true;
        }
        let span = if kind == "decimal" {
            self.span_from(start)
        } else {
            self.span_from(self.pos)
        };
        self.fail(format!("invalid {kind} literal"), span);
        false
    }

    /// Scans a string literal whose prefix starts at `start` and whose
    /// opening quote is at `quote_pos`.
    fn string(&mut self, start: usize, quote_pos: usize, prefix: StrPrefix) {
        self.pos = quote_pos;
        let start_line = self.line;
        let start_col = self.col_at(start);
        let start_line_start = self.line_start;
        let quote = self.bump().unwrap_or('"');
        let triple = self.peek() == Some(quote) && self.peek_at(1) == Some(quote);
        if triple {
            self.pos += 2;
        }
        let content_start = self.pos;
        let content_line = self.line;
        let content_col = self.col_at(content_start);
        let content_end;
        loop {
            let Some(c) = self.peek() else {
                let detected = if self.src[..self.pos].ends_with('\n') && self.line > start_line {
                    self.line - 1
                } else {
                    self.line
                };
                let what = if triple {
                    "triple-quoted string"
                } else {
                    "string"
                };
                let span = Span::new(start as u32, start as u32, start_line, start_col);
                self.fail(
                    format!("unterminated {what} literal (detected at line {detected})"),
                    span,
                );
                return;
            };
            if c == '\n' || c == '\r' {
                if !triple {
                    let span = Span::new(start as u32, start as u32, start_line, start_col);
                    let line = self.line;
                    self.fail(
                        format!("unterminated string literal (detected at line {line})"),
                        span,
                    );
                    return;
                }
                self.eat_newline();
                continue;
            }
            if c == '\\' {
                self.pos += 1;
                if !self.eat_newline() {
                    self.bump();
                }
                continue;
            }
            if c == quote {
                if !triple {
                    content_end = self.pos;
                    self.pos += 1;
                    break;
                }
                if self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote) {
                    content_end = self.pos;
                    self.pos += 3;
                    break;
                }
            }
            self.bump();
        }
        // The token's span starts on the first line of the literal.
        let end_line = self.line;
        let span = Span::new(start as u32, self.pos as u32, start_line, start_col);
        let _ = (start_line_start, end_line);
        let content = &self.src[content_start..content_end];
        if prefix.f {
            let tok = FStringToken {
                raw: prefix.r,
                content_start: content_start as u32,
                content_end: content_end as u32,
                content_line,
                content_col,
            };
            self.push(TokenKind::FString(tok), span);
            return;
        }
        if prefix.b {
            if !content.is_ascii() {
                self.fail("bytes can only contain ASCII literal characters", span);
                return;
            }
            let value = if prefix.r {
                normalize_newlines(content).into_bytes()
            } else {
                match decode_bytes_escapes(content) {
                    Ok(v) => v,
                    Err(msg) => {
                        self.fail(msg, span);
                        return;
                    }
                }
            };
            self.push(TokenKind::Bytes(value), span);
            return;
        }
        let value = if prefix.r {
            normalize_newlines(content)
        } else {
            match decode_str_escapes(content) {
                Ok(v) => v,
                Err(msg) => {
                    self.fail(msg, span);
                    return;
                }
            }
        };
        self.push(TokenKind::Str(value), span);
    }
}

/// The prefix letters of a string literal.
#[derive(Clone, Copy, Debug, Default)]
struct StrPrefix {
    /// `r`: raw.
    r: bool,
    /// `b`: bytes.
    b: bool,
    /// `f`: f-string.
    f: bool,
}

impl StrPrefix {
    /// Recognizes a legal prefix (`r u b br rb f fr rf`, any case).
    fn parse(word: &str) -> Option<StrPrefix> {
        if word.len() > 2 {
            return None;
        }
        let mut p = StrPrefix::default();
        let mut u = false;
        for c in word.chars() {
            let flag = match c.to_ascii_lowercase() {
                'r' => &mut p.r,
                'b' => &mut p.b,
                'f' => &mut p.f,
                'u' => &mut u,
                _ => return None,
            };
            if *flag {
                return None;
            }
            *flag = true;
        }
        let ok = if u { word.len() == 1 } else { !(p.b && p.f) };
        ok.then_some(p)
    }
}

/// `\r\n` and `\r` read as `\n`, as CPython's source reader does.
pub fn normalize_newlines(s: &str) -> String {
    if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.to_string()
    }
}

fn unicode_error(start: usize, end: usize, what: &str) -> String {
    format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{end}: {what}")
}

/// Reads exactly `n` hex digits at the start of `s`.
fn hex_digits(s: &str, n: usize) -> Option<u32> {
    let digits = s.get(..n)?;
    if digits.chars().all(|c| c.is_ascii_hexdigit()) {
        u32::from_str_radix(digits, 16).ok()
    } else {
        None
    }
}

/// Decodes the escapes of a non-raw str literal (CPython's
/// `_PyUnicode_DecodeUnicodeEscapeInternal`); unknown escapes keep their
/// backslash.
pub fn decode_str_escapes(content: &str) -> Result<String, String> {
    let mut out = String::with_capacity(content.len());
    let mut rest = content;
    while let Some(i) = rest.find(['\\', '\r']) {
        out.push_str(&rest[..i]);
        let at = content.len() - rest.len() + i;
        if rest.as_bytes()[i] == b'\r' {
            out.push('\n');
            rest = rest[i + 1..].strip_prefix('\n').unwrap_or(&rest[i + 1..]);
            continue;
        }
        let after = &rest[i + 1..];
        let Some(c) = after.chars().next() else {
            return Err(unicode_error(at, at, "\\ at end of string"));
        };
        let mut consumed = c.len_utf8();
        match c {
            '\n' => {}
            '\r' => {
                if after[1..].starts_with('\n') {
                    consumed = 2;
                }
            }
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let n = after
                    .chars()
                    .take(3)
                    .take_while(|c| ('0'..='7').contains(c))
                    .count();
                let v = u32::from_str_radix(&after[..n], 8).unwrap_or(0);
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
                consumed = n;
            }
            'x' | 'u' | 'U' => {
                let (n, name) = match c {
                    'x' => (2, "truncated \\xXX escape"),
                    'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let Some(v) = hex_digits(&after[1..], n) else {
                    let avail = after[1..]
                        .chars()
                        .take(n)
                        .take_while(|c| c.is_ascii_hexdigit())
                        .count();
                    return Err(unicode_error(at, at + avail + 1, name));
                };
                match char::from_u32(v) {
                    Some(ch) => out.push(ch),
                    None if v > 0x10ffff => {
                        return Err(unicode_error(at, at + n + 1, "illegal Unicode character"));
                    }
                    None => return Err("surrogate characters are not supported in Looplab".into()),
                }
                consumed = 1 + n;
            }
            'N' => {
                let malformed = || unicode_error(at, at + 1, "malformed \\N character escape");
                let Some(body) = after[1..].strip_prefix('{') else {
                    return Err(malformed());
                };
                let Some(close) = body.find('}') else {
                    return Err(malformed());
                };
                let name = &body[..close];
                match super::unicode_names::lookup(name) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(format!(
                            "\\N{{{name}}}: Looplab only knows common character names; \
                             write the character itself or a \\u escape"
                        ))
                    }
                }
                consumed = 1 + 1 + close + 1;
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
        rest = &after[consumed..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Decodes the escapes of a non-raw bytes literal (ASCII content).
pub fn decode_bytes_escapes(content: &str) -> Result<Vec<u8>, String> {
    let bytes = content.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\r' {
            out.push(b'\n');
            i += if bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            continue;
        }
        if b != b'\\' {
            out.push(b);
            i += 1;
            continue;
        }
        let Some(&c) = bytes.get(i + 1) else {
            return Err("(value error) Trailing \\ in string".into());
        };
        i += 2;
        match c {
            b'\n' => {}
            b'\r' => {
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = u32::from(c - b'0');
                let mut n = 1;
                while n < 3 {
                    match bytes.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            i += 1;
                            n += 1;
                        }
                        _ => break,
                    }
                }
                out.push((v & 0xff) as u8);
            }
            b'x' => {
                let Some(v) = content.get(i..).and_then(|s| hex_digits(s, 2)) else {
                    return Err(format!(
                        "(value error) invalid \\x escape at position {}",
                        i - 2
                    ));
                };
                out.push(v as u8);
                i += 2;
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<TokenKind> {
        let lexed = tokenize(src);
        assert!(lexed.error.is_none(), "{:?}", lexed.error);
        lexed.tokens.into_iter().map(|t| t.kind).collect()
    }

    fn err(src: &str) -> SyntaxError {
        tokenize(src).error.expect("expected a tokenizer error")
    }

    #[test]
    fn indentation_produces_indent_and_dedent() {
        use TokenKind::*;
        let k = kinds("if x:\n    y\n\n  # c\nz\n");
        assert_eq!(
            k,
            vec![
                Kw(super::Kw::If),
                Name("x".into()),
                Op(super::Op::Colon),
                Newline,
                Indent,
                Name("y".into()),
                Newline,
                Dedent,
                Name("z".into()),
                Newline,
                EndMarker
            ]
        );
    }

    #[test]
    fn brackets_join_lines_and_backslash_continues() {
        use TokenKind::*;
        let k = kinds("x = (1,\n  2)\ny = 1 + \\\n 2");
        let newlines = k.iter().filter(|k| **k == Newline).count();
        assert_eq!(newlines, 2);
        assert!(!k.contains(&Indent));
    }

    #[test]
    fn numbers() {
        use TokenKind::*;
        assert_eq!(
            kinds("1_000 0x_ff 0o17 0b101 1.5 .5 1e3 1.e2 0 00")[..10],
            [
                Int(1000),
                Int(255),
                Int(15),
                Int(5),
                Float(1.5),
                Float(0.5),
                Float(1000.0),
                Float(100.0),
                Int(0),
                Int(0)
            ]
        );
        assert!(tokenize("x = 99999999999999999999").error.is_none());
        assert!(err(&format!("x = {}", "9".repeat(4301)))
            .msg
            .starts_with("Exceeds the limit (4300 digits)"));
        assert_eq!(
            err("x = 1j").msg,
            "complex numbers are not supported in Looplab yet"
        );
        assert_eq!(err("x = 1_").msg, "invalid decimal literal");
        assert_eq!(err("x = 0b2").msg, "invalid digit '2' in binary literal");
        assert!(err("x = 0777").msg.starts_with("leading zeros"));
        assert!(tokenize("1if x else y").error.is_none());
    }

    #[test]
    fn strings_decode_escapes_and_prefixes() {
        use TokenKind::*;
        let k = kinds(
            r#"'a\n\t\\\'\x41\u00e9\101' r'\n' b'\x00a' rb'\d' """x
y""" u'z'"#,
        );
        assert_eq!(
            k[..6],
            [
                Str("a\n\t\\'Aé\x41".into()),
                Str("\\n".into()),
                Bytes(vec![0, b'a']),
                Bytes(b"\\d".to_vec()),
                Str("x\ny".into()),
                Str("z".into())
            ]
        );
        assert!(matches!(kinds("f'{x}'")[0], FString(_)));
    }

    #[test]
    fn string_errors() {
        let e = err("x = 'abc\n");
        assert_eq!(e.msg, "unterminated string literal (detected at line 1)");
        assert_eq!((e.span.line, e.span.col), (1, 5));
        let e = err("x = \"\"\"abc\n\n");
        assert_eq!(
            e.msg,
            "unterminated triple-quoted string literal (detected at line 2)"
        );
        assert_eq!(
            err("b'\u{e9}'").msg,
            "bytes can only contain ASCII literal characters"
        );
    }

    #[test]
    fn indentation_errors() {
        let e = err("if x:\n    a\n  b\n");
        assert_eq!(e.kind, SyntaxErrorKind::IndentationError);
        assert_eq!((e.span.line, e.span.col), (3, 4));
        let e = err("if x:\n  pass\n else:\n  pass\n");
        assert_eq!((e.span.line, e.span.col), (3, 7));
        let e = err("if x:\n\tpass\n        y\n");
        assert_eq!(e.kind, SyntaxErrorKind::TabError);
    }

    #[test]
    fn bracket_errors() {
        assert_eq!(err("x = )").msg, "unmatched ')'");
        assert_eq!(
            err("(]").msg,
            "closing parenthesis ']' does not match opening parenthesis '('"
        );
        let lexed = tokenize("x = (1 +\n");
        assert!(lexed.error.is_none());
        assert_eq!(lexed.unclosed.map(|(c, s)| (c, s.col)), Some(('(', 5)));
        assert_eq!(
            err("x = \u{20ac}").msg,
            "invalid character '\u{20ac}' (U+20AC)"
        );
    }
}
