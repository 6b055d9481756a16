//! f-string parsing, after CPython 3.11's `Parser/string_parser.c`: the
//! lexer hands over the raw text between the quotes; this splits it into
//! literal parts and `{…}` fields, and parses each field's expression with a
//! sub-parser over a fragment of the original source, so spans point into
//! the program as written.

use super::error::SyntaxError;
use super::lexer::{decode_str_escapes, normalize_newlines, tokenize_fragment};
use super::parser::{PResult, Parser};
use super::token::{FStringToken, Kw, TokenKind};
use crate::ast::{Constant, Expr, ExprKind};
use crate::span::Span;

/// A cursor over the f-string's raw text.
struct Cursor {
    /// Current byte offset into the source.
    pos: usize,
    /// End of the f-string's content (its closing quote).
    end: usize,
    /// Line of `pos`.
    line: u32,
    /// 1-based character column of `pos`.
    col: u32,
}

impl Cursor {
    fn peek(&self, src: &str) -> Option<char> {
        src[self.pos..self.end].chars().next()
    }

    fn peek2(&self, src: &str) -> Option<char> {
        src[self.pos..self.end].chars().nth(1)
    }

    fn bump(&mut self, src: &str) -> Option<char> {
        let c = self.peek(src)?;
        self.pos += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn span(&self) -> Span {
        Span::new(self.pos as u32, self.pos as u32 + 1, self.line, self.col)
    }
}

/// An error of the f-string scanner. CPython reports these at the token
/// after the string literals; the caller (`strings`) fills that in, so the
/// span here is a placeholder.
fn fstring_error(msg: &str, _at: Span) -> SyntaxError {
    SyntaxError::new(format!("f-string: {msg}"), Span::default())
}

impl Parser<'_> {
    /// Parses one f-string token, appending its parts to `parts`; literal
    /// text accumulates in `literal` so that adjacent literals (also across
    /// concatenated string tokens) merge into one constant, as in CPython.
    pub(super) fn fstring(
        &mut self,
        f: &FStringToken,
        tok_span: Span,
        parts: &mut Vec<Expr>,
        literal: &mut String,
    ) -> PResult<()> {
        let mut cur = Cursor {
            pos: f.content_start as usize,
            end: f.content_end as usize,
            line: f.content_line,
            col: f.content_col,
        };
        self.fstring_body(&mut cur, f.raw, tok_span, parts, literal, None)?;
        Ok(())
    }

    /// Literal text and fields up to the end of the f-string, or (inside a
    /// format spec of a field at depth `spec_of`) up to the `}` closing the
    /// field, which is left unconsumed.
    fn fstring_body(
        &mut self,
        cur: &mut Cursor,
        raw: bool,
        tok_span: Span,
        parts: &mut Vec<Expr>,
        literal: &mut String,
        spec_of: Option<u32>,
    ) -> PResult<()> {
        let src = self.src;
        let mut chunk = String::new();
        while let Some(c) = cur.peek(src) {
            match c {
                '{' if spec_of.is_none() && cur.peek2(src) == Some('{') => {
                    chunk.push('{');
                    cur.bump(src);
                    cur.bump(src);
                }
                '}' if spec_of.is_none() && cur.peek2(src) == Some('}') => {
                    chunk.push('}');
                    cur.bump(src);
                    cur.bump(src);
                }
                '}' if spec_of.is_some() => break,
                '}' => {
                    return Err(fstring_error("single '}' is not allowed", cur.span()));
                }
                '{' => {
                    if let Some(depth) = spec_of {
                        if depth >= 1 {
                            return Err(fstring_error("expressions nested too deeply", cur.span()));
                        }
                    }
                    Self::flush_literal(&mut chunk, raw, literal, tok_span)?;
                    let depth = spec_of.map_or(0, |d| d + 1);
                    self.fstring_field(cur, raw, tok_span, parts, literal, depth)?;
                }
                '\\' if !raw => {
                    chunk.push('\\');
                    cur.bump(src);
                    if let Some(next) = cur.bump(src) {
                        chunk.push(next);
                        if next == 'N' && cur.peek(src) == Some('{') {
                            while let Some(n) = cur.bump(src) {
                                chunk.push(n);
                                if n == '}' {
                                    break;
                                }
                            }
                        }
                    }
                }
                _ => {
                    chunk.push(c);
                    cur.bump(src);
                }
            }
        }
        Self::flush_literal(&mut chunk, raw, literal, tok_span)
    }

    fn flush_literal(
        chunk: &mut String,
        raw: bool,
        literal: &mut String,
        tok_span: Span,
    ) -> PResult<()> {
        if chunk.is_empty() {
            return Ok(());
        }
        let text = if raw {
            normalize_newlines(chunk)
        } else {
            decode_str_escapes(chunk).map_err(|msg| SyntaxError::new(msg, tok_span))?
        };
        literal.push_str(&text);
        chunk.clear();
        Ok(())
    }

    /// One `{expression[=][!conversion][:format_spec]}` field, starting at
    /// its `{`: each part is scanned by the function named after it.
    fn fstring_field(
        &mut self,
        cur: &mut Cursor,
        raw: bool,
        tok_span: Span,
        parts: &mut Vec<Expr>,
        literal: &mut String,
        depth: u32,
    ) -> PResult<()> {
        let src = self.src;
        cur.bump(src); // '{'
        let expr_start = cur.pos;
        let (expr_line, expr_col) = (cur.line, cur.col);
        let self_doc = find_expression_end(src, cur, tok_span)?;
        let expr_end = cur.pos;
        if src[expr_start..expr_end].trim().is_empty() {
            return Err(fstring_error("empty expression not allowed", cur.span()));
        }
        let value = self.fstring_expression(expr_start, expr_end, expr_line, expr_col)?;
        if self_doc {
            cur.bump(src); // '='
            while matches!(cur.peek(src), Some(' ' | '\t' | '\n' | '\r' | '\x0c')) {
                cur.bump(src);
            }
            literal.push_str(&normalize_newlines(&src[expr_start..cur.pos]));
        }
        let mut conversion = fstring_conversion(src, cur)?;
        let format_spec = self.fstring_format_spec(cur, raw, tok_span, depth)?;
        if cur.peek(src) != Some('}') {
            return Err(fstring_error("expecting '}'", tok_span));
        }
        cur.bump(src);
        if self_doc && conversion.is_none() && format_spec.is_none() {
            conversion = Some('r');
        }
        if !literal.is_empty() {
            parts.push(Expr {
                kind: ExprKind::Constant(Constant::Str(std::mem::take(literal))),
                span: tok_span,
            });
        }
        parts.push(Expr {
            kind: ExprKind::FormattedValue {
                value: Box::new(value),
                conversion,
                format_spec,
            },
            span: tok_span,
        });
        Ok(())
    }

    /// The `:format_spec` of a field at `depth`, if `cur` is on its `:`: a
    /// nested f-string body up to (not including) the field's `}`.
    fn fstring_format_spec(
        &mut self,
        cur: &mut Cursor,
        raw: bool,
        tok_span: Span,
        depth: u32,
    ) -> PResult<Option<Box<Expr>>> {
        if cur.peek(self.src) != Some(':') {
            return Ok(None);
        }
        cur.bump(self.src);
        let mut spec_parts = Vec::new();
        let mut spec_literal = String::new();
        self.fstring_body(
            cur,
            raw,
            tok_span,
            &mut spec_parts,
            &mut spec_literal,
            Some(depth),
        )?;
        if !spec_literal.is_empty() {
            spec_parts.push(Expr {
                kind: ExprKind::Constant(Constant::Str(spec_literal)),
                span: tok_span,
            });
        }
        Ok(Some(Box::new(Expr {
            kind: ExprKind::JoinedStr(spec_parts),
            span: tok_span,
        })))
    }

    /// Parses `src[start..end]` as the expression of an f-string field
    /// (`yield_expr | star_expressions`, as CPython 3.11 does by compiling
    /// it in parentheses).
    fn fstring_expression(
        &mut self,
        start: usize,
        end: usize,
        line: u32,
        col: u32,
    ) -> PResult<Expr> {
        let lexed = tokenize_fragment(self.src, start, end, line, col);
        if let Some(err) = lexed.error {
            return Err(SyntaxError {
                msg: format!("f-string: {}", err.msg),
                ..err
            });
        }
        let mut sub = Parser::new(self.src, lexed.tokens);
        sub.fstring_depth = self.fstring_depth + 1;
        sub.depth = self.depth;
        let result = if *sub.kind() == TokenKind::Kw(Kw::Yield) {
            sub.yield_expr()
        } else {
            sub.star_expressions()
        };
        let result = result.and_then(|e| {
            if *sub.kind() == TokenKind::EndMarker {
                Ok(e)
            } else {
                Err(sub.invalid_syntax())
            }
        });
        result.map_err(|err| SyntaxError {
            msg: if err.msg.starts_with("f-string") {
                err.msg
            } else {
                format!("f-string: {}", err.msg)
            },
            ..err
        })
    }
}

/// Moves `cur` to the end of a field's expression (CPython's
/// `fstring_find_expr`): the `}`, `!`, `:` or `=` that ends it outside any
/// brackets and quotes. Returns whether it is a self-documenting `=`.
fn find_expression_end(src: &str, cur: &mut Cursor, tok_span: Span) -> PResult<bool> {
    let mut nesting: Vec<char> = Vec::new();
    let mut quote: Option<(char, bool)> = None;
    let mut self_doc = false;
    loop {
        let Some(c) = cur.peek(src) else {
            return Err(fstring_error("expecting '}'", tok_span));
        };
        if let Some((q, triple)) = quote {
            if c == '\\' {
                return Err(fstring_error(
                    "expression part cannot include a backslash",
                    cur.span(),
                ));
            }
            if c == q {
                if !triple {
                    quote = None;
                } else if src[cur.pos..cur.end].starts_with(&q.to_string().repeat(3)) {
                    cur.bump(src);
                    cur.bump(src);
                    quote = None;
                }
            }
            cur.bump(src);
            continue;
        }
        match c {
            '\\' => {
                return Err(fstring_error(
                    "expression part cannot include a backslash",
                    cur.span(),
                ));
            }
            '#' => {
                return Err(fstring_error(
                    "expression part cannot include '#'",
                    cur.span(),
                ));
            }
            '\'' | '"' => {
                let triple = src[cur.pos..cur.end].starts_with(&c.to_string().repeat(3));
                if triple {
                    cur.bump(src);
                    cur.bump(src);
                }
                quote = Some((c, triple));
            }
            '(' | '[' | '{' => nesting.push(c),
            ')' | ']' | '}' => {
                if nesting.is_empty() {
                    if c == '}' {
                        break;
                    }
                    return Err(fstring_error(&format!("unmatched '{c}'"), cur.span()));
                }
                nesting.pop();
            }
            '!' if nesting.is_empty() && cur.peek2(src) != Some('=') => break,
            ':' if nesting.is_empty() => break,
            '=' | '!' | '<' | '>' if cur.peek2(src) == Some('=') => {
                cur.bump(src);
            }
            '=' if nesting.is_empty() => {
                self_doc = true;
                break;
            }
            _ => {}
        }
        cur.bump(src);
    }
    if quote.is_some() {
        return Err(fstring_error("unterminated string", tok_span));
    }
    Ok(self_doc)
}

/// The `!s` / `!r` / `!a` of a field, if `cur` is on its `!`.
fn fstring_conversion(src: &str, cur: &mut Cursor) -> PResult<Option<char>> {
    if cur.peek(src) != Some('!') {
        return Ok(None);
    }
    cur.bump(src);
    let conversion = match cur.peek(src) {
        Some(c @ ('s' | 'r' | 'a')) => {
            cur.bump(src);
            c
        }
        _ => {
            return Err(fstring_error(
                "invalid conversion character: expected 's', 'r', or 'a'",
                cur.span(),
            ))
        }
    };
    if !matches!(cur.peek(src), Some(':' | '}')) {
        return Err(fstring_error("expecting '}'", cur.span()));
    }
    Ok(Some(conversion))
}
