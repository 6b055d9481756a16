//! Recursive-descent parser over the token stream, one method per rule of
//! CPython 3.11's PEG grammar (`Grammar/python.gram`), with the grammar's
//! `invalid_*` rules folded in where they produce CPython's specific
//! messages ("expected ':'", "Perhaps you forgot a comma?", …).

use super::error::SyntaxError;
use super::lexer;
use super::token::{Kw, Op, Token, TokenKind};
use crate::ast::{
    Alias, Arg, Arguments, BinOp, BoolOp, ClassDef, CmpOp, Comprehension, Constant, ExceptHandler,
    Expr, ExprKind, FunctionDef, Keyword, Module, Name, Stmt, StmtKind, UnaryOp, WithItem,
};
use crate::span::Span;
use std::cell::Cell;

pub(super) type PResult<T> = Result<T, SyntaxError>;

/// Parser state (CPython's `Parser` struct in `pegen.h`).
pub struct Parser<'a> {
    /// The full source text, for f-string fields.
    pub(super) src: &'a str,
    /// All tokens; the last one is `ENDMARKER` or `EofInBrackets`, and the
    /// parser never moves past it.
    pub(super) tokens: Vec<Token>,
    /// Index of the current token (CPython's `p->mark`).
    pub(super) pos: usize,
    /// Index of the furthest token reached (CPython's `p->fill - 1`); an
    /// unclosed bracket is blamed when this lies on a later line.
    pub(super) furthest: Cell<usize>,
    /// End byte offset of the last consumed token other than
    /// NEWLINE/INDENT/DEDENT: where the node being built ends.
    pub(super) prev_end: u32,
    /// Nesting of f-strings inside format specs (CPython allows 2 levels).
    pub(super) fstring_depth: u32,
    /// Current nesting of recursive rules, bounded by [`MAX_NESTING`] so
    /// that hostile input cannot overflow the stack.
    pub(super) depth: u32,
}

/// How deeply expressions may nest (parentheses, unary operators, lambdas,
/// conditional expressions). CPython allows more but its limits are about
/// its own stack; Looplab must also fit the browser's.
pub const MAX_NESTING: u32 = 50;

/// How long a chain building a left-deep tree (`a.b.c…`, `f()()…`,
/// `a + b + …`) may be.
pub const MAX_CHAIN: usize = 1000;

/// What kind of target an expression is checked as (CPython's
/// `TARGETS_TYPE`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum TargetsType {
    Star,
    Del,
    /// A `for` target re-parsed as an expression: `a in b` is a Compare
    /// whose left side is the target.
    For,
}

/// A statement that opens a block, for "expected an indented block after …".
fn block_after(what: &str, line: u32) -> String {
    format!("expected an indented block after {what} on line {line}")
}

/// Whether a token can start an expression (used by the "Perhaps you forgot
/// a comma?" and legacy `print` checks, as CPython's second pass does).
fn starts_expression(kind: &TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Name(_)
            | TokenKind::Int(_)
            | TokenKind::BigInt(_)
            | TokenKind::Float(_)
            | TokenKind::Str(_)
            | TokenKind::Bytes(_)
            | TokenKind::FString(_)
            | TokenKind::Kw(Kw::None | Kw::True | Kw::False | Kw::Not | Kw::Lambda | Kw::Await)
            | TokenKind::Op(
                Op::LPar | Op::LSqb | Op::LBrace | Op::Minus | Op::Plus | Op::Tilde | Op::Ellipsis
            )
    )
}

fn is_string_token(kind: &TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Str(_) | TokenKind::Bytes(_) | TokenKind::FString(_)
    )
}

/// Gives an f-string part, and the parts of its format spec, `span`.
fn relocate_fstring_part(part: &mut Expr, span: Span) {
    part.span = span;
    if let ExprKind::FormattedValue {
        format_spec: Some(spec),
        ..
    } = &mut part.kind
    {
        spec.span = span;
        if let ExprKind::JoinedStr(parts) = &mut spec.kind {
            for p in parts {
                relocate_fstring_part(p, span);
            }
        }
    }
}

/// Whether the parser stopped at an INDENT or DEDENT token; CPython reports
/// that without looking further into the file.
fn is_unexpected_indentation(err: &SyntaxError) -> bool {
    err.msg == "unexpected indent" || err.msg == "unexpected unindent"
}

/// The augmented-assignment operators (`augassign`).
fn augassign_op(kind: &TokenKind) -> Option<BinOp> {
    let TokenKind::Op(op) = kind else { return None };
    Some(match op {
        Op::PlusEq => BinOp::Add,
        Op::MinusEq => BinOp::Sub,
        Op::StarEq => BinOp::Mult,
        Op::AtEq => BinOp::MatMult,
        Op::SlashEq => BinOp::Div,
        Op::PercentEq => BinOp::Mod,
        Op::AmpEq => BinOp::BitAnd,
        Op::PipeEq => BinOp::BitOr,
        Op::CaretEq => BinOp::BitXor,
        Op::ShlEq => BinOp::LShift,
        Op::ShrEq => BinOp::RShift,
        Op::StarStarEq => BinOp::Pow,
        Op::SlashSlashEq => BinOp::FloorDiv,
        _ => return None,
    })
}

/// How CPython names an expression in error messages
/// (`_PyPegen_get_expr_name`).
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant(c) => match c {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The first sub-expression that cannot be a target
/// (`_PyPegen_get_invalid_target`).
fn invalid_target(e: &Expr, ty: TargetsType) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Starred(inner) => match ty {
            TargetsType::Del => Some(e),
            TargetsType::Star | TargetsType::For => invalid_target(inner, ty),
        },
        ExprKind::Compare { left, ops, .. } if ty == TargetsType::For => {
            if ops.first() == Some(&CmpOp::In) {
                invalid_target(left, ty)
            } else {
                None
            }
        }
        ExprKind::Tuple(elts) | ExprKind::List(elts) => {
            elts.iter().find_map(|x| invalid_target(x, ty))
        }
        _ => Some(e),
    }
}

/// Whether a tuple expression was written without parentheses (its span
/// starts where its first element starts).
fn is_bare_tuple(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Tuple(elts) => elts
            .first()
            .is_some_and(|first| first.span.start == e.span.start),
        _ => false,
    }
}

/// Whether `e` is what CPython's `bitwise_or` rule can produce (an operand
/// below comparisons), used to mirror `invalid_named_expression`.
fn is_bitwise_or_level(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp {
                op: UnaryOp::Not,
                ..
            }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::Starred(_)
    )
}

impl<'a> Parser<'a> {
    /// Tokenizes and parses `source`, applying CPython's rules for which of
    /// several errors wins.
    pub fn parse_source(source: &'a str) -> PResult<Module> {
        // CPython refuses a NUL anywhere before tokenizing (compile() of a
        // string says "source code string").
        if let Some(i) = source.find('\0') {
            let line_start = source[..i].rfind('\n').map_or(0, |n| n + 1);
            let line = 1 + source[..i].matches('\n').count() as u32;
            let col = 1 + source[line_start..i].chars().count() as u32;
            let span = crate::span::Span::new(i as u32, i as u32 + 1, line, col);
            return Err(SyntaxError::new(
                "source code string cannot contain null bytes",
                span,
            ));
        }
        let lexed = lexer::tokenize(source);
        let mut parser = Parser::new(source, lexed.tokens);
        let err = match parser.file() {
            Ok(module) => return Ok(module),
            Err(err) => err,
        };
        let last = parser.tokens.len() - 1;
        let furthest = &parser.tokens[parser.furthest.get().max(parser.pos).min(last)];
        if let Some(lex_err) = lexed.error {
            // The parser fetched the token where the tokenizer failed.
            if furthest.kind == TokenKind::LexError {
                return Err(lex_err);
            }
            // CPython re-tokenizes the rest of the file after a parser
            // error: an error the tokenizer raises there wins, except over
            // "unexpected indent" (`_PyPegen_set_syntax_error`).
            if !lexed.error_is_soft && !is_unexpected_indentation(&err) {
                return Err(lex_err);
            }
            return Err(err);
        }
        if let Some((open, span)) = lexed.unclosed {
            if furthest.kind == TokenKind::EofInBrackets
                || (furthest.span.line > span.line && !is_unexpected_indentation(&err))
            {
                return Err(SyntaxError::new(format!("'{open}' was never closed"), span));
            }
        }
        Err(err)
    }

    /// A parser over `tokens`, which must end with `ENDMARKER` or
    /// `EofInBrackets` (an empty list is treated as an empty module).
    pub(super) fn new(src: &'a str, mut tokens: Vec<Token>) -> Parser<'a> {
        if tokens.is_empty() {
            tokens.push(Token {
                kind: TokenKind::EndMarker,
                span: Span::new(0, 0, 1, 1),
                level: 0,
            });
        }
        Parser {
            src,
            tokens,
            pos: 0,
            furthest: Cell::new(0),
            prev_end: 0,
            fstring_depth: 0,
            depth: 0,
        }
    }

    // ----- token helpers -------------------------------------------------

    /// Notes that token `i` has been looked at (CPython fetches it).
    fn touch(&self, i: usize) {
        if i > self.furthest.get() {
            self.furthest.set(i);
        }
    }

    pub(super) fn tok(&self) -> &Token {
        self.touch(self.pos);
        &self.tokens[self.pos]
    }

    pub(super) fn kind(&self) -> &TokenKind {
        self.touch(self.pos);
        &self.tokens[self.pos].kind
    }

    fn peek_kind(&self, n: usize) -> &TokenKind {
        let i = (self.pos + n).min(self.tokens.len() - 1);
        self.touch(i);
        &self.tokens[i].kind
    }

    pub(super) fn span(&self) -> Span {
        self.tokens[self.pos].span
    }

    /// Consumes the current token (never moving past the last one) and
    /// returns it.
    pub(super) fn advance(&mut self) -> &Token {
        let i = self.pos;
        let tok = &self.tokens[i];
        if !matches!(
            tok.kind,
            TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::EndMarker
        ) {
            self.prev_end = tok.span.end;
        }
        if self.pos + 1 < self.tokens.len() {
            self.pos += 1;
        }
        self.touch(self.pos);
        &self.tokens[i]
    }

    /// Restores a position saved before a speculative parse.
    fn reset(&mut self, pos: usize, prev_end: u32) {
        self.pos = pos;
        self.prev_end = prev_end;
    }

    pub(super) fn at_op(&self, op: Op) -> bool {
        *self.kind() == TokenKind::Op(op)
    }

    fn at_kw(&self, kw: Kw) -> bool {
        *self.kind() == TokenKind::Kw(kw)
    }

    pub(super) fn eat_op(&mut self, op: Op) -> bool {
        if self.at_op(op) {
            self.advance();
            true
        } else {
            false
        }
    }

    fn eat_kw(&mut self, kw: Kw) -> bool {
        if self.at_kw(kw) {
            self.advance();
            true
        } else {
            false
        }
    }

    pub(super) fn expect_op(&mut self, op: Op) -> PResult<Span> {
        if self.at_op(op) {
            Ok(self.advance().span)
        } else {
            Err(self.invalid_syntax())
        }
    }

    fn expect_kw(&mut self, kw: Kw) -> PResult<Span> {
        if self.at_kw(kw) {
            Ok(self.advance().span)
        } else {
            Err(self.invalid_syntax())
        }
    }

    /// `':'` closing a compound statement header, with CPython's message.
    /// `':'` closing a header where CPython's grammar has `&&':'` (`def`,
    /// `try`, `else`, `finally`): anything else is "expected ':'".
    fn expect_colon_forced(&mut self) -> PResult<()> {
        if self.eat_op(Op::Colon) {
            Ok(())
        } else {
            Err(SyntaxError::new("expected ':'", self.span()))
        }
    }

    /// `':'` closing a header whose `invalid_*` rule only matches a missing
    /// colon at the end of the line (`if`, `while`, `for`, `with`, `class`,
    /// `except`).
    fn expect_colon(&mut self) -> PResult<()> {
        if self.eat_op(Op::Colon) {
            Ok(())
        } else if matches!(self.kind(), TokenKind::Newline) {
            Err(SyntaxError::new("expected ':'", self.span()))
        } else {
            Err(self.invalid_syntax())
        }
    }

    fn name(&mut self) -> PResult<(Name, Span)> {
        if let TokenKind::Name(n) = self.kind() {
            let n = n.clone();
            let span = self.advance().span;
            Ok((n, span))
        } else {
            Err(self.invalid_syntax())
        }
    }

    /// The generic error at the current token (CPython's
    /// `_PyPegen_set_syntax_error`).
    pub(super) fn invalid_syntax(&self) -> SyntaxError {
        let tok = self.tok();
        match tok.kind {
            TokenKind::Indent => SyntaxError::indentation("unexpected indent", tok.span),
            TokenKind::Dedent => SyntaxError::indentation("unexpected unindent", tok.span),
            _ => SyntaxError::new("invalid syntax", tok.span),
        }
    }

    /// The span from `start` to the end of the last consumed token.
    pub(super) fn finish(&self, start: Span) -> Span {
        Span::new(
            start.start,
            self.prev_end.max(start.end),
            start.line,
            start.col,
        )
    }

    fn expr(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }

    /// Enters a recursive rule; fails once nesting exceeds [`MAX_NESTING`].
    pub(super) fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(self.too_deep());
        }
        Ok(())
    }

    fn too_deep(&self) -> SyntaxError {
        SyntaxError::new("too many nested expressions for Looplab", self.span())
    }

    /// Runs `rule` inside [`Parser::enter`].
    fn nested<T>(&mut self, rule: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        self.enter()?;
        let r = rule(self);
        self.depth -= 1;
        r
    }

    // ----- statements ----------------------------------------------------

    /// `file: [statements] ENDMARKER`
    fn file(&mut self) -> PResult<Module> {
        let mut body = Vec::new();
        while !matches!(self.kind(), TokenKind::EndMarker) {
            self.statement(&mut body)?;
        }
        Ok(Module { body })
    }

    /// `statement: compound_stmt | simple_stmts`
    /// (Block nesting is bounded by the lexer's `MAXINDENT`.)
    fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        match self.kind() {
            TokenKind::Kw(
                Kw::Def | Kw::If | Kw::Class | Kw::With | Kw::For | Kw::Try | Kw::While,
            )
            | TokenKind::Op(Op::At) => {
                let stmt = self.compound_stmt()?;
                out.push(stmt);
                Ok(())
            }
            TokenKind::Kw(Kw::Async)
                if matches!(
                    self.peek_kind(1),
                    TokenKind::Kw(Kw::Def | Kw::For | Kw::With)
                ) =>
            {
                let stmt = self.compound_stmt()?;
                out.push(stmt);
                Ok(())
            }
            TokenKind::Indent => Err(self.invalid_syntax()),
            TokenKind::Name(n) if &**n == "match" && self.line_ends_with_colon() => {
                let stmt = self.match_stmt()?;
                out.push(stmt);
                Ok(())
            }
            TokenKind::Name(n) if &**n == "match" => self.match_or_simple_stmts(out),
            TokenKind::Name(n) if &**n == "type" => {
                let soft = n.clone();
                let start = self.span();
                let (pos, prev_end) = (self.pos, self.prev_end);
                match self.simple_stmts(out) {
                    Ok(()) => Ok(()),
                    Err(err) => {
                        let furthest = self.furthest.get();
                        self.reset(pos, prev_end);
                        let unsupported = matches!(self.peek_kind(1), TokenKind::Name(_));
                        self.furthest.set(furthest);
                        if unsupported {
                            Err(SyntaxError::new(
                                format!("`{soft}` statements are not supported in Looplab yet"),
                                start,
                            ))
                        } else {
                            Err(err)
                        }
                    }
                }
            }
            _ => self.simple_stmts(out),
        }
    }

    /// A line starting with the soft keyword `match` that does not end with
    /// `':'`: a simple statement (`match = 3`, `match(x)`), or
    /// `invalid_match_stmt`'s "expected ':'" for `match subject NEWLINE`.
    fn match_or_simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let (pos, prev_end) = (self.pos, self.prev_end);
        let err = match self.simple_stmts(out) {
            Ok(()) => return Ok(()),
            Err(err) => err,
        };
        let furthest = self.furthest.get();
        self.reset(pos, prev_end);
        self.advance();
        let missing_colon =
            self.subject_expr().is_ok() && matches!(self.kind(), TokenKind::Newline);
        let span = self.span();
        self.reset(pos, prev_end);
        self.furthest.set(furthest);
        if missing_colon {
            return Err(SyntaxError::new("expected ':'", span));
        }
        Err(err)
    }

    /// Whether the logical line starting at the current token ends with
    /// `':'` (how a `match` statement header looks).
    fn line_ends_with_colon(&self) -> bool {
        let mut i = self.pos;
        while i + 1 < self.tokens.len() {
            if matches!(
                self.tokens[i + 1].kind,
                TokenKind::Newline | TokenKind::EndMarker
            ) {
                return self.tokens[i].kind == TokenKind::Op(Op::Colon);
            }
            i += 1;
        }
        false
    }

    /// `simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE`
    fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let stmt = self.simple_stmt()?;
            out.push(stmt);
            if self.eat_op(Op::Semi) {
                if matches!(self.kind(), TokenKind::Newline) {
                    break;
                }
                continue;
            }
            break;
        }
        if matches!(self.kind(), TokenKind::Newline) {
            self.advance();
            return Ok(());
        }
        Err(self.invalid_syntax())
    }

    /// `invalid_legacy_expression`: `print x` / `exec x`.
    #[inline(never)]
    fn invalid_legacy_expression(&mut self, n: Name, a: Span) -> PResult<()> {
        let (pos, prev_end) = (self.pos, self.prev_end);
        let b = self.star_expressions();
        let span = self.finish(a);
        self.reset(pos, prev_end);
        match b {
            Ok(_) => Err(SyntaxError::new(
                format!("Missing parentheses in call to '{n}'. Did you mean {n}(...)?"),
                span,
            )),
            Err(_) => Ok(()),
        }
    }

    /// `simple_stmt`: one small statement.
    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let start = self.span();
        let kw = match self.kind() {
            TokenKind::Kw(kw) => Some(*kw),
            _ => None,
        };
        let kind = match kw.map(TokenKind::Kw).unwrap_or(TokenKind::EndMarker) {
            TokenKind::Kw(Kw::Return) => {
                self.advance();
                let value = if self.at_simple_stmt_end() {
                    None
                } else {
                    Some(self.star_expressions()?)
                };
                StmtKind::Return(value)
            }
            TokenKind::Kw(Kw::Import) => self.import_name()?,
            TokenKind::Kw(Kw::From) => self.import_from()?,
            TokenKind::Kw(Kw::Raise) => {
                self.advance();
                if self.at_simple_stmt_end() {
                    StmtKind::Raise {
                        exc: None,
                        cause: None,
                    }
                } else {
                    let exc = self.expression()?;
                    let cause = if self.eat_kw(Kw::From) {
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    StmtKind::Raise {
                        exc: Some(exc),
                        cause,
                    }
                }
            }
            TokenKind::Kw(Kw::Pass) => {
                self.advance();
                StmtKind::Pass
            }
            TokenKind::Kw(Kw::Break) => {
                self.advance();
                StmtKind::Break
            }
            TokenKind::Kw(Kw::Continue) => {
                self.advance();
                StmtKind::Continue
            }
            TokenKind::Kw(Kw::Del) => {
                self.advance();
                self.del_stmt()?
            }
            TokenKind::Kw(Kw::Assert) => {
                self.advance();
                let test = self.expression()?;
                let msg = if self.eat_op(Op::Comma) {
                    Some(self.expression()?)
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            TokenKind::Kw(kw @ (Kw::Global | Kw::Nonlocal)) => {
                self.advance();
                let mut names = vec![self.name()?.0];
                while self.eat_op(Op::Comma) {
                    names.push(self.name()?.0);
                }
                if kw == Kw::Global {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                }
            }
            _ => self.assignment_or_expression()?,
        };
        Ok(Stmt {
            kind,
            span: self.finish(start),
        })
    }

    fn at_simple_stmt_end(&self) -> bool {
        matches!(
            self.kind(),
            TokenKind::Newline | TokenKind::Op(Op::Semi) | TokenKind::EndMarker
        )
    }

    /// `del_stmt: 'del' del_targets &(';' | NEWLINE)`
    fn del_stmt(&mut self) -> PResult<StmtKind> {
        let targets = self.star_expressions()?;
        let bare = is_bare_tuple(&targets);
        let targets = match targets.kind {
            ExprKind::Tuple(elts) if bare => elts,
            kind => vec![Self::expr(kind, targets.span)],
        };
        for t in &targets {
            if let Some(bad) = invalid_target(t, TargetsType::Del) {
                return Err(SyntaxError::new(
                    format!("cannot delete {}", expr_name(bad)),
                    bad.span,
                ));
            }
        }
        Ok(StmtKind::Delete(targets))
    }

    /// `assignment | star_expressions`: expression statements, `=` chains,
    /// augmented and annotated assignments.
    fn assignment_or_expression(&mut self) -> PResult<StmtKind> {
        let first = if self.at_kw(Kw::Yield) {
            self.yield_expr()?
        } else {
            self.star_expressions()?
        };
        if self.at_op(Op::Colon) {
            return self.annotated_rhs(first);
        }
        if let Some(op) = augassign_op(self.kind()) {
            self.advance();
            // CPython's invalid_assignment needs the right-hand side to parse
            // before it blames the target.
            let value = if self.at_kw(Kw::Yield) {
                self.yield_expr()?
            } else {
                self.star_expressions()?
            };
            if !matches!(
                first.kind,
                ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
            ) {
                return Err(SyntaxError::new(
                    format!(
                        "'{}' is an illegal expression for augmented assignment",
                        expr_name(&first)
                    ),
                    first.span,
                ));
            }
            return Ok(StmtKind::AugAssign {
                target: first,
                op,
                value,
            });
        }
        if !self.at_op(Op::Eq) {
            return Ok(StmtKind::Expr(first));
        }
        let mut targets = vec![first];
        let value = loop {
            self.advance(); // '='
            let value = if self.at_kw(Kw::Yield) {
                self.yield_expr()
            } else {
                self.star_expressions()
            };
            // `(star_targets '=')* a=star_expressions '='` blames an invalid
            // target even when nothing valid follows the `=`.
            let value = match value {
                Ok(v) => v,
                Err(err) => {
                    for t in &targets {
                        if let Some(bad) = invalid_target(t, TargetsType::Star) {
                            return Err(Self::cannot_assign(bad));
                        }
                    }
                    return Err(err);
                }
            };
            if self.at_op(Op::Eq) {
                targets.push(value);
            } else {
                break value;
            }
        };
        self.check_assign_targets(&targets, &value)?;
        Ok(StmtKind::Assign { targets, value })
    }

    /// `invalid_assignment` and `invalid_named_expression` for `=` chains.
    #[inline(never)]
    fn check_assign_targets(&self, targets: &[Expr], value: &Expr) -> PResult<()> {
        // `f() = 1` (one `=`, simple right-hand side): CPython's
        // invalid_named_expression suggests `==`.
        if targets.len() == 1 {
            let t = &targets[0];
            let last = match &t.kind {
                ExprKind::Tuple(elts) if is_bare_tuple(t) => elts.last().unwrap_or(t),
                _ => t,
            };
            let excluded = matches!(
                last.kind,
                ExprKind::List(_)
                    | ExprKind::Tuple(_)
                    | ExprKind::GeneratorExp { .. }
                    | ExprKind::Constant(Constant::None | Constant::Bool(_))
            );
            let value_simple = is_bitwise_or_level(value) && !is_bare_tuple(value)
                || matches!(value.kind, ExprKind::Tuple(_));
            if !excluded
                && value_simple
                && is_bitwise_or_level(last)
                && invalid_target(last, TargetsType::Star).is_some()
            {
                return Err(SyntaxError::new(
                    format!(
                        "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                        expr_name(last)
                    ),
                    last.span,
                ));
            }
        }
        for t in targets {
            if let ExprKind::Starred(_) = t.kind {
                return Err(SyntaxError::new(
                    "starred assignment target must be in a list or tuple",
                    t.span,
                ));
            }
            if let Some(bad) = invalid_target(t, TargetsType::Star) {
                return Err(Self::cannot_assign(bad));
            }
        }
        Ok(())
    }

    /// "cannot assign to …" for an invalid assignment target.
    fn cannot_assign(bad: &Expr) -> SyntaxError {
        if matches!(bad.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
            return SyntaxError::new("assignment to yield expression not possible", bad.span);
        }
        SyntaxError::new(format!("cannot assign to {}", expr_name(bad)), bad.span)
    }

    /// The rest of `target ':' expression ['=' annotated_rhs]`.
    fn annotated_rhs(&mut self, target: Expr) -> PResult<StmtKind> {
        self.advance(); // ':'
                        // CPython's invalid_ann_assign_target rules need the annotation.
        let annotation = self.expression()?;
        match &target.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
            ExprKind::Tuple(_) => {
                return Err(SyntaxError::new(
                    "only single target (not tuple) can be annotated",
                    target.span,
                ))
            }
            ExprKind::List(_) => {
                return Err(SyntaxError::new(
                    "only single target (not list) can be annotated",
                    target.span,
                ))
            }
            _ => {
                return Err(SyntaxError::new(
                    "illegal target for annotation",
                    target.span,
                ))
            }
        }
        let value = if self.eat_op(Op::Eq) {
            Some(if self.at_kw(Kw::Yield) {
                self.yield_expr()?
            } else {
                self.star_expressions()?
            })
        } else {
            None
        };
        Ok(StmtKind::AnnAssign {
            target,
            annotation,
            value,
        })
    }

    /// `import_name: 'import' dotted_as_names`
    fn import_name(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut names = Vec::new();
        loop {
            let start = self.span();
            let name = self.dotted_name()?;
            let asname = if self.eat_kw(Kw::As) {
                Some(self.name()?.0)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                span: self.finish(start),
            });
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        Ok(StmtKind::Import(names))
    }

    /// `dotted_name: dotted_name '.' NAME | NAME`
    fn dotted_name(&mut self) -> PResult<Name> {
        let mut text = self.name()?.0.to_string();
        while self.at_op(Op::Dot) && matches!(self.peek_kind(1), TokenKind::Name(_)) {
            self.advance();
            text.push('.');
            text.push_str(&self.name()?.0);
        }
        Ok(text.into())
    }

    /// `import_from: 'from' ('.' | '...')* dotted_name 'import' targets |
    /// 'from' ('.' | '...')+ 'import' targets`
    fn import_from(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut level = 0;
        loop {
            if self.eat_op(Op::Dot) {
                level += 1;
            } else if self.eat_op(Op::Ellipsis) {
                level += 3;
            } else {
                break;
            }
        }
        let module = if level == 0 || matches!(self.kind(), TokenKind::Name(_)) {
            Some(self.dotted_name()?)
        } else {
            None
        };
        self.expect_kw(Kw::Import)?;
        if self.at_op(Op::Star) {
            return Err(SyntaxError::new(
                "`from ... import *` is not supported in Looplab",
                self.span(),
            ));
        }
        let parenthesized = self.eat_op(Op::LPar);
        let mut names = Vec::new();
        loop {
            let start = self.span();
            let (name, _) = self.name()?;
            let asname = if self.eat_kw(Kw::As) {
                Some(self.name()?.0)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                span: self.finish(start),
            });
            if !self.at_op(Op::Comma) {
                break;
            }
            let comma = self.advance().span;
            if parenthesized && self.at_op(Op::RPar) {
                break;
            }
            if !parenthesized && matches!(self.kind(), TokenKind::Newline | TokenKind::Op(Op::Semi))
            {
                return Err(SyntaxError::new(
                    "trailing comma not allowed without surrounding parentheses",
                    comma,
                ));
            }
        }
        if parenthesized {
            self.expect_op(Op::RPar)?;
        }
        Ok(StmtKind::ImportFrom {
            module,
            names,
            level,
        })
    }

    /// `compound_stmt`
    fn compound_stmt(&mut self) -> PResult<Stmt> {
        match self.kind() {
            TokenKind::Op(Op::At) => {
                let mut decorators = Vec::new();
                while self.eat_op(Op::At) {
                    decorators.push(self.named_expression()?);
                    if !matches!(self.kind(), TokenKind::Newline) {
                        return Err(self.invalid_syntax());
                    }
                    self.advance();
                }
                match self.kind() {
                    TokenKind::Kw(Kw::Def) => self.function_def(decorators),
                    TokenKind::Kw(Kw::Async)
                        if matches!(self.peek_kind(1), TokenKind::Kw(Kw::Def)) =>
                    {
                        self.function_def(decorators)
                    }
                    TokenKind::Kw(Kw::Class) => self.class_def(decorators),
                    _ => Err(self.invalid_syntax()),
                }
            }
            TokenKind::Kw(Kw::Def) => self.function_def(Vec::new()),
            TokenKind::Kw(Kw::Class) => self.class_def(Vec::new()),
            TokenKind::Kw(Kw::If) => self.if_stmt(),
            TokenKind::Kw(Kw::While) => self.while_stmt(),
            TokenKind::Kw(Kw::Try) => self.try_stmt(),
            TokenKind::Kw(Kw::For) => self.for_stmt(),
            TokenKind::Kw(Kw::With) => self.with_stmt(),
            TokenKind::Kw(Kw::Async) => match self.peek_kind(1) {
                TokenKind::Kw(Kw::Def) => self.function_def(Vec::new()),
                TokenKind::Kw(Kw::For) => self.for_stmt(),
                _ => self.with_stmt(),
            },
            _ => Err(self.invalid_syntax()),
        }
    }

    /// `block: NEWLINE INDENT statements DEDENT | simple_stmts`, with
    /// `invalid_block`'s "expected an indented block after …".
    fn block(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if matches!(self.kind(), TokenKind::Newline) {
            self.advance();
            if !matches!(self.kind(), TokenKind::Indent) {
                // At end of input this is where the last newline is.
                let span = self.span();
                return Err(SyntaxError::indentation(block_after(what, line), span));
            }
            self.advance();
            while !matches!(self.kind(), TokenKind::Dedent | TokenKind::EndMarker) {
                self.statement(&mut body)?;
            }
            if matches!(self.kind(), TokenKind::Dedent) {
                self.advance();
            }
        } else {
            self.simple_stmts(&mut body)?;
        }
        Ok(body)
    }

    /// `function_def_raw: ['async'] 'def' NAME '(' [params] ')' ['->'
    /// expression] ':' block`
    fn function_def(&mut self, decorator_list: Vec<Expr>) -> PResult<Stmt> {
        let start = self.span();
        let is_async = self.eat_kw(Kw::Async);
        self.expect_kw(Kw::Def)?;
        let (name, _) = self.name()?;
        if !self.eat_op(Op::LPar) {
            return Err(SyntaxError::new("expected '('", self.span()));
        }
        let args = self.parameters(Op::RPar, true)?;
        self.expect_op(Op::RPar)?;
        let returns = if self.eat_op(Op::Arrow) {
            Some(self.expression()?)
        } else {
            None
        };
        self.expect_colon_forced()?;
        let body = self.block("function definition", start.line)?;
        Ok(Stmt {
            kind: StmtKind::FunctionDef(Box::new(FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                is_async,
            })),
            span: self.finish(start),
        })
    }

    /// `params` (and `lambda_params` when `annotations` is false), up to but
    /// not including `closer`.
    fn parameters(&mut self, closer: Op, annotations: bool) -> PResult<Arguments> {
        let mut args = Arguments::default();
        let mut seen_slash = false;
        let mut star: Option<Span> = None;
        let mut seen_kwarg = false;
        while !self.at_op(closer) {
            if self.at_op(Op::LPar) {
                return Err(self.invalid_parenthesized_parameters(annotations));
            }
            if seen_kwarg {
                return Err(SyntaxError::new(
                    "arguments cannot follow var-keyword argument",
                    self.span(),
                ));
            }
            if self.at_op(Op::Slash) {
                let span = self.span();
                if star.is_some() {
                    return Err(SyntaxError::new("/ must be ahead of *", span));
                }
                if seen_slash {
                    return Err(SyntaxError::new("/ may appear only once", span));
                }
                if args.args.is_empty() {
                    return Err(self.invalid_syntax());
                }
                self.advance();
                seen_slash = true;
                args.posonlyargs = std::mem::take(&mut args.args);
            } else if self.at_op(Op::Star) {
                let span = self.span();
                if star.is_some() {
                    return Err(SyntaxError::new("* argument may appear only once", span));
                }
                self.advance();
                star = Some(span);
                if !(self.at_op(Op::Comma) || self.at_op(closer)) {
                    let arg = self.param(annotations)?;
                    if self.at_op(Op::Eq) {
                        return Err(SyntaxError::new(
                            "var-positional argument cannot have default value",
                            self.span(),
                        ));
                    }
                    args.vararg = Some(arg);
                }
            } else if self.at_op(Op::StarStar) {
                self.advance();
                let arg = self.param(annotations)?;
                if self.at_op(Op::Eq) {
                    return Err(SyntaxError::new(
                        "var-keyword argument cannot have default value",
                        self.span(),
                    ));
                }
                args.kwarg = Some(arg);
                seen_kwarg = true;
            } else {
                let arg = self.param(annotations)?;
                let default = if self.at_op(Op::Eq) {
                    let eq = self.advance().span;
                    if self.at_op(Op::Comma) || self.at_op(closer) {
                        return Err(SyntaxError::new("expected default value expression", eq));
                    }
                    Some(self.expression()?)
                } else {
                    None
                };
                if star.is_some() {
                    args.kwonlyargs.push(arg);
                    args.kw_defaults.push(default);
                } else {
                    match default {
                        Some(d) => args.defaults.push(d),
                        None if !args.defaults.is_empty() => {
                            return Err(SyntaxError::new(
                                "non-default argument follows default argument",
                                arg.span,
                            ))
                        }
                        None => {}
                    }
                    args.args.push(arg);
                }
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if let Some(span) = star {
            if args.vararg.is_none() && args.kwonlyargs.is_empty() {
                return Err(SyntaxError::new("named arguments must follow bare *", span));
            }
        }
        Ok(args)
    }

    /// `invalid_parameters`: `def f((a, b)):` (Python 2 tuple parameters).
    #[inline(never)]
    fn invalid_parenthesized_parameters(&mut self, def: bool) -> SyntaxError {
        let open = self.span();
        let mut i = self.pos + 1;
        let mut names = 0;
        loop {
            match &self.tokens[i.min(self.tokens.len() - 1)].kind {
                TokenKind::Name(_)
                    if names == 0
                        || matches!(self.tokens[i - 1].kind, TokenKind::Op(Op::Comma)) =>
                {
                    names += 1
                }
                TokenKind::Op(Op::Comma) if names > 0 => {}
                TokenKind::Op(Op::RPar) if names > 0 => break,
                _ => return self.invalid_syntax(),
            }
            i += 1;
        }
        let close = self.tokens[i].span;
        let what = if def { "Function" } else { "Lambda expression" };
        SyntaxError::new(
            format!("{what} parameters cannot be parenthesized"),
            Span::new(open.start, close.end, open.line, open.col),
        )
    }

    /// `param: NAME annotation?`
    fn param(&mut self, annotations: bool) -> PResult<Arg> {
        let (arg, start) = self.name()?;
        let annotation = if annotations && self.eat_op(Op::Colon) {
            Some(self.expression()?)
        } else {
            None
        };
        Ok(Arg {
            arg,
            annotation,
            span: self.finish(start),
        })
    }

    /// `class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block`
    fn class_def(&mut self, decorator_list: Vec<Expr>) -> PResult<Stmt> {
        let start = self.advance().span;
        let (name, _) = self.name()?;
        let (bases, keywords) = if self.eat_op(Op::LPar) {
            let (args, keywords) = self.arguments(None)?;
            self.expect_op(Op::RPar)?;
            (args, keywords)
        } else {
            (Vec::new(), Vec::new())
        };
        self.expect_colon()?;
        let body = self.block("class definition", start.line)?;
        Ok(Stmt {
            kind: StmtKind::ClassDef(Box::new(ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            })),
            span: self.finish(start),
        })
    }

    /// `if_stmt` / `elif_stmt`: `elif` becomes a nested `If` in `orelse`.
    fn if_stmt(&mut self) -> PResult<Stmt> {
        let tok = self.advance();
        let start = tok.span;
        let what = if matches!(tok.kind, TokenKind::Kw(Kw::Elif)) {
            "'elif' statement"
        } else {
            "'if' statement"
        };
        let test = self.named_expression()?;
        self.expect_colon()?;
        let body = self.block(what, start.line)?;
        let orelse = if self.at_kw(Kw::Elif) {
            vec![self.if_stmt()?]
        } else {
            self.else_block()?
        };
        Ok(Stmt {
            kind: StmtKind::If { test, body, orelse },
            span: self.finish(start),
        })
    }

    /// `else_block: 'else' ':' block` (or nothing).
    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if self.at_kw(Kw::Else) {
            let line = self.advance().span.line;
            self.expect_colon_forced()?;
            self.block("'else' statement", line)
        } else {
            Ok(Vec::new())
        }
    }

    /// `while_stmt: 'while' named_expression ':' block [else_block]`
    fn while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance().span;
        let test = self.named_expression()?;
        self.expect_colon()?;
        let body = self.block("'while' statement", start.line)?;
        let orelse = self.else_block()?;
        Ok(Stmt {
            kind: StmtKind::While { test, body, orelse },
            span: self.finish(start),
        })
    }

    /// `for_stmt: ['async'] 'for' star_targets 'in' star_expressions ':'
    /// block [else_block]`
    fn for_stmt(&mut self) -> PResult<Stmt> {
        let start = self.span();
        let is_async = self.eat_kw(Kw::Async);
        self.expect_kw(Kw::For)?;
        let target = self.for_targets()?;
        let iter = self.star_expressions()?;
        self.expect_colon()?;
        let body = self.block("'for' statement", start.line)?;
        let orelse = self.else_block()?;
        Ok(Stmt {
            kind: StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            },
            span: self.finish(start),
        })
    }

    /// `star_targets 'in'` of a `for` loop or comprehension, with
    /// `invalid_for_target`: when that fails, CPython re-parses the targets
    /// as `star_expressions` (which may find a missing comma) and blames
    /// the first invalid target.
    #[inline(never)]
    fn for_targets(&mut self) -> PResult<Expr> {
        let (pos, prev_end) = (self.pos, self.prev_end);
        let parsed = self.star_targets();
        if let Ok(t) = &parsed {
            if self.at_kw(Kw::In) && invalid_target(t, TargetsType::Star).is_none() {
                if let ExprKind::Starred(_) = t.kind {
                    return Err(SyntaxError::new(
                        "starred assignment target must be in a list or tuple",
                        t.span,
                    ));
                }
                self.advance();
                return parsed;
            }
        }
        let (fail_pos, fail_end) = (self.pos, self.prev_end);
        self.reset(pos, prev_end);
        let e = self.star_expressions()?;
        if let Some(bad) = invalid_target(&e, TargetsType::For) {
            return Err(Self::cannot_assign(bad));
        }
        self.reset(fail_pos, fail_end);
        match parsed {
            Err(err) => Err(err),
            Ok(_) => Err(self.invalid_syntax()),
        }
    }

    /// `star_targets` as far as the next `in`.
    fn star_targets(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.star_target()?;
        let target = if self.at_op(Op::Comma) {
            let mut elts = vec![first];
            while self.eat_op(Op::Comma) {
                if self.at_kw(Kw::In) || self.at_op(Op::Eq) {
                    break;
                }
                elts.push(self.star_target()?);
            }
            Self::expr(ExprKind::Tuple(elts), self.finish(start))
        } else {
            first
        };
        Ok(target)
    }

    /// `star_target: '*' star_target | target_with_star_atom`
    fn star_target(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let start = self.advance().span;
            let inner = self.nested(Self::star_target)?;
            return Ok(Self::expr(
                ExprKind::Starred(Box::new(inner)),
                self.finish(start),
            ));
        }
        self.bitwise_or()
    }

    /// `with_stmt`, both the parenthesized and the plain form.
    fn with_stmt(&mut self) -> PResult<Stmt> {
        let start = self.span();
        let is_async = self.eat_kw(Kw::Async);
        self.expect_kw(Kw::With)?;
        let mut items = None;
        if self.at_op(Op::LPar) {
            let (pos, prev_end) = (self.pos, self.prev_end);
            self.advance();
            match self.with_items(true) {
                Ok(list)
                    if self.at_op(Op::RPar)
                        && matches!(self.peek_kind(1), TokenKind::Op(Op::Colon)) =>
                {
                    self.advance();
                    items = Some(list);
                }
                _ => self.reset(pos, prev_end),
            }
        }
        let items = match items {
            Some(items) => items,
            None => self.with_items(false)?,
        };
        self.expect_colon()?;
        let body = self.block("'with' statement", start.line)?;
        Ok(Stmt {
            kind: StmtKind::With {
                items,
                body,
                is_async,
            },
            span: self.finish(start),
        })
    }

    /// `','.with_item+` (a trailing comma only inside parentheses).
    fn with_items(&mut self, parenthesized: bool) -> PResult<Vec<WithItem>> {
        let mut items = Vec::new();
        loop {
            let context_expr = self.expression()?;
            let optional_vars = if self.eat_kw(Kw::As) {
                let target = self.star_target()?;
                // `invalid_with_item` only applies before `,` `)` `:`.
                let newline = matches!(self.kind(), TokenKind::Newline);
                if !(self.at_op(Op::Comma)
                    || self.at_op(Op::RPar)
                    || self.at_op(Op::Colon)
                    || newline)
                {
                    return Err(self.invalid_syntax());
                }
                if let Some(bad) = invalid_target(&target, TargetsType::Star) {
                    return Err(Self::cannot_assign(bad));
                }
                Some(target)
            } else {
                None
            };
            items.push(WithItem {
                context_expr,
                optional_vars,
            });
            if !self.eat_op(Op::Comma) {
                break;
            }
            if parenthesized && self.at_op(Op::RPar) {
                break;
            }
        }
        Ok(items)
    }

    /// `try_stmt` with `except_block`s or `except_star_block`s.
    fn try_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance().span;
        self.expect_colon_forced()?;
        let body = self.block("'try' statement", start.line)?;
        let mut handlers = Vec::new();
        let mut star_kind: Option<bool> = None;
        while self.at_kw(Kw::Except) {
            let hstart = self.advance().span;
            let is_star = self.eat_op(Op::Star);
            let (typ, name) = if self.at_op(Op::Colon) && !is_star {
                (None, None)
            } else {
                let typ = self.expression()?;
                if self.at_op(Op::Comma) {
                    let mut end = typ.clone();
                    while self.eat_op(Op::Comma) {
                        end = self.expression()?;
                    }
                    return Err(SyntaxError::new(
                        "multiple exception types must be parenthesized",
                        typ.span.to(end.span),
                    ));
                }
                let name = if self.eat_kw(Kw::As) {
                    Some(self.name()?.0)
                } else {
                    None
                };
                (Some(typ), name)
            };
            self.expect_colon()?;
            // `invalid_try_stmt` matches only a complete handler header.
            if star_kind.is_some_and(|prev| prev != is_star) {
                // `except*` is blamed from `except` through `*`.
                let span = if is_star {
                    Span::new(hstart.start, hstart.end + 1, hstart.line, hstart.col)
                } else {
                    hstart
                };
                return Err(SyntaxError::new(
                    "cannot have both 'except' and 'except*' on the same 'try'",
                    span,
                ));
            }
            star_kind = Some(is_star);
            let what = if is_star {
                "'except*' statement"
            } else {
                "'except' statement"
            };
            let hbody = self.block(what, hstart.line)?;
            handlers.push(ExceptHandler {
                typ,
                name,
                body: hbody,
                span: self.finish(hstart),
            });
        }
        if handlers.is_empty() && !self.at_kw(Kw::Finally) {
            return Err(SyntaxError::new(
                "expected 'except' or 'finally' block",
                self.span(),
            ));
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.else_block()?
        };
        let finalbody = if self.at_kw(Kw::Finally) {
            let line = self.advance().span.line;
            self.expect_colon_forced()?;
            self.block("'finally' statement", line)?
        } else {
            Vec::new()
        };
        Ok(Stmt {
            kind: StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star: star_kind == Some(true),
            },
            span: self.finish(start),
        })
    }

    // ----- expressions ---------------------------------------------------

    /// `star_expressions: star_expression (',' star_expression)* [',']`
    pub(super) fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.star_expression()?;
        if !self.at_op(Op::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if !(starts_expression(self.kind()) || self.at_op(Op::Star)) {
                break;
            }
            elts.push(self.star_expression()?);
        }
        Ok(Self::expr(ExprKind::Tuple(elts), self.finish(start)))
    }

    /// `star_expression: '*' bitwise_or | expression`
    fn star_expression(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let start = self.advance().span;
            let value = self.bitwise_or()?;
            return Ok(Self::expr(
                ExprKind::Starred(Box::new(value)),
                self.finish(start),
            ));
        }
        self.expression()
    }

    /// `star_named_expression: '*' bitwise_or | named_expression`
    fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let start = self.advance().span;
            let value = self.bitwise_or()?;
            return Ok(Self::expr(
                ExprKind::Starred(Box::new(value)),
                self.finish(start),
            ));
        }
        self.named_expression()
    }

    /// `named_expression: NAME ':=' expression | expression !':='`
    pub(super) fn named_expression(&mut self) -> PResult<Expr> {
        if let TokenKind::Name(n) = self.kind() {
            if *self.peek_kind(1) == TokenKind::Op(Op::ColonEq) {
                let target = n.clone();
                let start = self.advance().span;
                self.advance();
                let value = self.expression()?;
                return Ok(Self::expr(
                    ExprKind::NamedExpr {
                        target,
                        value: Box::new(value),
                    },
                    self.finish(start),
                ));
            }
        }
        let e = self.expression()?;
        if self.at_op(Op::ColonEq) {
            // `invalid_named_expression`: `a=expression ':=' expression`.
            let (pos, prev_end) = (self.pos, self.prev_end);
            self.advance();
            let rhs = self.expression();
            self.reset(pos, prev_end);
            if rhs.is_ok() {
                return Err(SyntaxError::new(
                    format!("cannot use assignment expressions with {}", expr_name(&e)),
                    e.span,
                ));
            }
            return Err(self.invalid_syntax());
        }
        if self.at_op(Op::Eq) {
            self.invalid_named_expression(&e)?;
        }
        Ok(e)
    }

    /// `invalid_named_expression`: `if x = 1:` and `if f() = 1:`.
    #[inline(never)]
    fn invalid_named_expression(&mut self, a: &Expr) -> PResult<()> {
        if !is_bitwise_or_level(a) {
            return Ok(());
        }
        let (pos, prev_end) = (self.pos, self.prev_end);
        self.advance();
        let b = self.bitwise_or();
        let follows_eq = self.at_op(Op::Eq) || self.at_op(Op::ColonEq);
        let b_end = self.prev_end;
        self.reset(pos, prev_end);
        if b.is_err() || follows_eq {
            return Ok(());
        }
        match &a.kind {
            ExprKind::Name(_) => Err(SyntaxError::new(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                Span::new(a.span.start, b_end, a.span.line, a.span.col),
            )),
            ExprKind::List(_)
            | ExprKind::Tuple(_)
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Constant(Constant::None | Constant::Bool(_)) => Ok(()),
            _ => Err(SyntaxError::new(
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    expr_name(a)
                ),
                a.span,
            )),
        }
    }

    /// `expression: disjunction 'if' disjunction 'else' expression |
    /// disjunction | lambdef`, with `invalid_expression`.
    pub(super) fn expression(&mut self) -> PResult<Expr> {
        self.nested(Self::expression_inner)
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        if self.at_kw(Kw::Lambda) {
            return self.lambdef();
        }
        let start = self.span();
        let body = self.disjunction()?;
        if self.at_kw(Kw::If) {
            self.advance();
            let test = self.disjunction()?;
            if !self.eat_kw(Kw::Else) {
                return Err(SyntaxError::new(
                    "expected 'else' after 'if' expression",
                    Span::new(start.start, self.prev_end, start.line, start.col),
                ));
            }
            let orelse = self.expression()?;
            return Ok(Self::expr(
                ExprKind::IfExp {
                    test: Box::new(test),
                    body: Box::new(body),
                    orelse: Box::new(orelse),
                },
                self.finish(start),
            ));
        }
        if starts_expression(self.kind()) {
            self.invalid_expression(&body)?;
        }
        Ok(body)
    }

    /// `invalid_expression`: two expressions in a row inside brackets are
    /// "invalid syntax. Perhaps you forgot a comma?".
    #[inline(never)]
    fn invalid_expression(&mut self, a: &Expr) -> PResult<()> {
        if let ExprKind::Name(n) = &a.kind {
            let soft = matches!(&**n, "match" | "case" | "_" | "type");
            let single_token = self.pos > 0 && self.tokens[self.pos - 1].span.start == a.span.start;
            if single_token && (&**n == "print" || &**n == "exec") {
                return self.invalid_legacy_expression(n.clone(), a.span);
            }
            if single_token && (soft || is_string_token(self.kind())) {
                return Ok(());
            }
        }
        // Tokens fetched while trying stay fetched (CPython's `p->fill`).
        let (pos, prev_end) = (self.pos, self.prev_end);
        let b = self.expression_without_invalid();
        let last_level = self.tokens[self.pos.saturating_sub(1)].level;
        let end = self.prev_end;
        self.reset(pos, prev_end);
        if b.is_ok() && last_level > 0 {
            return Err(SyntaxError::new(
                "invalid syntax. Perhaps you forgot a comma?",
                Span::new(a.span.start, end, a.span.line, a.span.col),
            ));
        }
        Ok(())
    }

    /// `expression` without the `invalid_expression` check (so that the
    /// check does not recurse along a run of expressions).
    #[inline(never)]
    fn expression_without_invalid(&mut self) -> PResult<Expr> {
        if self.at_kw(Kw::Lambda) {
            return self.lambdef();
        }
        let start = self.span();
        let body = self.disjunction()?;
        if self.eat_kw(Kw::If) {
            let test = self.disjunction()?;
            self.expect_kw(Kw::Else)?;
            let orelse = self.expression_without_invalid()?;
            return Ok(Self::expr(
                ExprKind::IfExp {
                    test: Box::new(test),
                    body: Box::new(body),
                    orelse: Box::new(orelse),
                },
                self.finish(start),
            ));
        }
        Ok(body)
    }

    /// `yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]`
    #[inline(never)]
    pub(super) fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.advance().span;
        if self.eat_kw(Kw::From) {
            let value = self.expression()?;
            return Ok(Self::expr(
                ExprKind::YieldFrom(Box::new(value)),
                self.finish(start),
            ));
        }
        let value = if starts_expression(self.kind()) || self.at_op(Op::Star) {
            Some(Box::new(self.star_expressions()?))
        } else {
            None
        };
        Ok(Self::expr(ExprKind::Yield(value), self.finish(start)))
    }

    /// `lambdef: 'lambda' [lambda_params] ':' expression`
    #[inline(never)]
    fn lambdef(&mut self) -> PResult<Expr> {
        let start = self.advance().span;
        let args = self.parameters(Op::Colon, false)?;
        self.expect_op(Op::Colon)?;
        let body = self.expression()?;
        Ok(Self::expr(
            ExprKind::Lambda {
                args: Box::new(args),
                body: Box::new(body),
            },
            self.finish(start),
        ))
    }

    /// `disjunction: conjunction ('or' conjunction)+ | conjunction`
    fn disjunction(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.conjunction()?;
        if !self.at_kw(Kw::Or) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_kw(Kw::Or) {
            values.push(self.conjunction()?);
        }
        Ok(Self::expr(
            ExprKind::BoolOp {
                op: BoolOp::Or,
                values,
            },
            self.finish(start),
        ))
    }

    /// `conjunction: inversion ('and' inversion)+ | inversion`
    fn conjunction(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.inversion()?;
        if !self.at_kw(Kw::And) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_kw(Kw::And) {
            values.push(self.inversion()?);
        }
        Ok(Self::expr(
            ExprKind::BoolOp {
                op: BoolOp::And,
                values,
            },
            self.finish(start),
        ))
    }

    /// `inversion: 'not' inversion | comparison`
    fn inversion(&mut self) -> PResult<Expr> {
        if self.at_kw(Kw::Not) {
            let start = self.advance().span;
            let operand = self.nested(Self::inversion)?;
            return Ok(Self::expr(
                ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    operand: Box::new(operand),
                },
                self.finish(start),
            ));
        }
        self.comparison()
    }

    /// The comparison operator at the current token, and how many tokens
    /// it spans (`not in`, `is not`).
    fn compare_op(&self) -> Option<(CmpOp, usize)> {
        Some(match self.kind() {
            TokenKind::Op(Op::EqEq) => (CmpOp::Eq, 1),
            TokenKind::Op(Op::NotEq) => (CmpOp::NotEq, 1),
            TokenKind::Op(Op::Lt) => (CmpOp::Lt, 1),
            TokenKind::Op(Op::LtEq) => (CmpOp::LtE, 1),
            TokenKind::Op(Op::Gt) => (CmpOp::Gt, 1),
            TokenKind::Op(Op::GtEq) => (CmpOp::GtE, 1),
            TokenKind::Kw(Kw::In) => (CmpOp::In, 1),
            TokenKind::Kw(Kw::Not) if *self.peek_kind(1) == TokenKind::Kw(Kw::In) => {
                (CmpOp::NotIn, 2)
            }
            TokenKind::Kw(Kw::Is) if *self.peek_kind(1) == TokenKind::Kw(Kw::Not) => {
                (CmpOp::IsNot, 2)
            }
            TokenKind::Kw(Kw::Is) => (CmpOp::Is, 1),
            _ => return None,
        })
    }

    /// `comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or`
    fn comparison(&mut self) -> PResult<Expr> {
        let start = self.span();
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some((op, n)) = self.compare_op() {
            for _ in 0..n {
                self.advance();
            }
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        Ok(Self::expr(
            ExprKind::Compare {
                left: Box::new(left),
                ops,
                comparators,
            },
            self.finish(start),
        ))
    }

    /// The binary operator at the current token and its precedence, from
    /// `bitwise_or` (0) to `term` (5).
    fn binop(&self) -> Option<(BinOp, u8)> {
        let TokenKind::Op(op) = self.kind() else {
            return None;
        };
        Some(match op {
            Op::Pipe => (BinOp::BitOr, 0),
            Op::Caret => (BinOp::BitXor, 1),
            Op::Amp => (BinOp::BitAnd, 2),
            Op::Shl => (BinOp::LShift, 3),
            Op::Shr => (BinOp::RShift, 3),
            Op::Plus => (BinOp::Add, 4),
            Op::Minus => (BinOp::Sub, 4),
            Op::Star => (BinOp::Mult, 5),
            Op::Slash => (BinOp::Div, 5),
            Op::SlashSlash => (BinOp::FloorDiv, 5),
            Op::Percent => (BinOp::Mod, 5),
            Op::At => (BinOp::MatMult, 5),
            _ => return None,
        })
    }

    /// The left-associative levels `bitwise_or` … `term` by precedence
    /// climbing (one stack frame per operand instead of one per level, so
    /// that deep nesting stays cheap on the browser's stack).
    fn binary_level(&mut self, min_prec: u8) -> PResult<Expr> {
        let start = self.span();
        let mut left = self.factor()?;
        let mut chain = 0;
        while let Some((op, prec)) = self.binop() {
            if prec < min_prec {
                break;
            }
            chain += 1;
            if chain > MAX_CHAIN {
                return Err(self.too_deep());
            }
            self.advance();
            let right = self.binary_level(prec + 1)?;
            left = Self::expr(
                ExprKind::BinOp {
                    left: Box::new(left),
                    op,
                    right: Box::new(right),
                },
                self.finish(start),
            );
        }
        Ok(left)
    }

    /// `bitwise_or` (and through it `bitwise_xor`, `bitwise_and`,
    /// `shift_expr`, `sum`, `term`).
    pub(super) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary_level(0)
    }

    /// `factor: '+' factor | '-' factor | '~' factor | power`
    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.kind() {
            TokenKind::Op(Op::Plus) => UnaryOp::UAdd,
            TokenKind::Op(Op::Minus) => UnaryOp::USub,
            TokenKind::Op(Op::Tilde) => UnaryOp::Invert,
            _ => return self.power(),
        };
        let start = self.advance().span;
        let operand = self.nested(Self::factor)?;
        Ok(Self::expr(
            ExprKind::UnaryOp {
                op,
                operand: Box::new(operand),
            },
            self.finish(start),
        ))
    }

    /// `power: await_primary '**' factor | await_primary` (right-assoc,
    /// binding tighter than a unary minus on its left).
    fn power(&mut self) -> PResult<Expr> {
        let start = self.span();
        let base = self.await_primary()?;
        if !self.eat_op(Op::StarStar) {
            return Ok(base);
        }
        let exp = self.nested(Self::factor)?;
        Ok(Self::expr(
            ExprKind::BinOp {
                left: Box::new(base),
                op: BinOp::Pow,
                right: Box::new(exp),
            },
            self.finish(start),
        ))
    }

    /// `await_primary: 'await' primary | primary`
    fn await_primary(&mut self) -> PResult<Expr> {
        if self.at_kw(Kw::Await) {
            let start = self.advance().span;
            let value = self.primary()?;
            return Ok(Self::expr(
                ExprKind::Await(Box::new(value)),
                self.finish(start),
            ));
        }
        self.primary()
    }

    /// `primary: primary '.' NAME | primary genexp | primary '(' arguments
    /// ')' | primary '[' slices ']' | atom`
    fn primary(&mut self) -> PResult<Expr> {
        let start = self.span();
        let mut e = self.atom()?;
        let mut chain = 0;
        loop {
            chain += 1;
            if chain > MAX_CHAIN {
                return Err(self.too_deep());
            }
            match self.kind() {
                TokenKind::Op(Op::Dot) => {
                    self.advance();
                    let (attr, _) = self.name()?;
                    e = Self::expr(
                        ExprKind::Attribute {
                            value: Box::new(e),
                            attr,
                        },
                        self.finish(start),
                    );
                }
                TokenKind::Op(Op::LPar) => {
                    let open = self.advance().span;
                    let (args, keywords) = self.arguments(Some(open))?;
                    self.expect_op(Op::RPar)?;
                    e = Self::expr(
                        ExprKind::Call {
                            func: Box::new(e),
                            args,
                            keywords,
                        },
                        self.finish(start),
                    );
                }
                TokenKind::Op(Op::LSqb) => {
                    self.advance();
                    let slice = self.slices()?;
                    self.expect_op(Op::RSqb)?;
                    e = Self::expr(
                        ExprKind::Subscript {
                            value: Box::new(e),
                            slice: Box::new(slice),
                        },
                        self.finish(start),
                    );
                }
                _ => return Ok(e),
            }
        }
    }

    /// `arguments` of a call or class header, up to the closing `)`.
    /// `call_open` is the call's `(` (a lone generator argument's span
    /// includes the call parentheses, as in CPython).
    #[inline(never)]
    fn arguments(&mut self, call_open: Option<Span>) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut seen_double_star = false;
        while !self.at_op(Op::RPar) {
            let start = self.span();
            if self.at_op(Op::Star) {
                self.advance();
                let value = self.expression()?;
                if seen_double_star {
                    return Err(SyntaxError::new(
                        "iterable argument unpacking follows keyword argument unpacking",
                        self.finish(start),
                    ));
                }
                args.push(Self::expr(
                    ExprKind::Starred(Box::new(value)),
                    self.finish(start),
                ));
            } else if self.at_op(Op::StarStar) {
                self.advance();
                let value = self.expression()?;
                seen_double_star = true;
                keywords.push(Keyword {
                    arg: None,
                    value,
                    span: self.finish(start),
                });
            } else if matches!(self.kind(), TokenKind::Name(_))
                && *self.peek_kind(1) == TokenKind::Op(Op::Eq)
            {
                let (arg, _) = self.name()?;
                self.advance();
                let value = self.expression()?;
                keywords.push(Keyword {
                    arg: Some(arg),
                    value,
                    span: self.finish(start),
                });
            } else {
                let e = self.named_expression_in_call()?;
                if self.at_op(Op::Eq) {
                    self.advance();
                    let value = self.expression()?;
                    let span = Span::new(start.start, self.prev_end, start.line, start.col);
                    let msg = match &e.kind {
                        ExprKind::Constant(Constant::None | Constant::Bool(_)) => {
                            format!("cannot assign to {}", expr_name(&e))
                        }
                        _ => "expression cannot contain assignment, perhaps you meant \"==\"?"
                            .to_string(),
                    };
                    let _ = value;
                    return Err(SyntaxError::new(msg, span));
                }
                let e = if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
                    let generators = self.for_if_clauses()?;
                    let only = args.is_empty() && keywords.is_empty() && self.at_op(Op::RPar);
                    let span = match call_open {
                        Some(open) if only => {
                            Span::new(open.start, self.span().end, open.line, open.col)
                        }
                        _ => self.finish(start),
                    };
                    let g = Self::expr(
                        ExprKind::GeneratorExp {
                            elt: Box::new(e),
                            generators,
                        },
                        span,
                    );
                    if !only {
                        // `invalid_arguments`: after other arguments, or
                        // followed by a comma.
                        let first = args.is_empty() && keywords.is_empty();
                        if first && !self.at_op(Op::Comma) {
                            return Err(self.invalid_syntax());
                        }
                        return Err(SyntaxError::new(
                            "Generator expression must be parenthesized",
                            self.finish(start),
                        ));
                    }
                    g
                } else {
                    e
                };
                if !keywords.is_empty() {
                    let msg = if seen_double_star {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    };
                    // Reported at the furthest token (`RAISE_SYNTAX_ERROR`).
                    return Err(SyntaxError::new(msg, self.span()));
                }
                args.push(e);
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        Ok((args, keywords))
    }

    /// `(assignment_expression | expression !':=') !'='` in a call.
    fn named_expression_in_call(&mut self) -> PResult<Expr> {
        if let TokenKind::Name(_) = self.kind() {
            if *self.peek_kind(1) == TokenKind::Op(Op::ColonEq) {
                return self.named_expression();
            }
        }
        self.expression()
    }

    /// `slices: slice !',' | ','.(slice | starred_expression)+ [',']`
    #[inline(never)]
    fn slices(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.slice()?;
        if !self.at_op(Op::Comma) {
            // `d[*t]` is the tuple `d[(*t,)]` (3.11's `slices` rule).
            if let ExprKind::Starred(_) = first.kind {
                return Ok(Self::expr(ExprKind::Tuple(vec![first]), self.finish(start)));
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RSqb) {
                break;
            }
            elts.push(self.slice()?);
        }
        Ok(Self::expr(ExprKind::Tuple(elts), self.finish(start)))
    }

    /// `slice: [expression] ':' [expression] [':' [expression]] |
    /// named_expression` (plus `'*' bitwise_or` in a tuple of slices).
    fn slice(&mut self) -> PResult<Expr> {
        let start = self.span();
        if self.at_op(Op::Star) {
            return self.star_named_expression();
        }
        let lower = if self.at_op(Op::Colon) {
            None
        } else {
            let e = self.named_expression()?;
            if !self.at_op(Op::Colon) {
                return Ok(e);
            }
            Some(Box::new(e))
        };
        self.expect_op(Op::Colon)?;
        let slice_end = |p: &Self| p.at_op(Op::Colon) || p.at_op(Op::Comma) || p.at_op(Op::RSqb);
        let upper = if slice_end(self) {
            None
        } else {
            Some(Box::new(self.expression()?))
        };
        let step = if self.eat_op(Op::Colon) {
            if self.at_op(Op::Comma) || self.at_op(Op::RSqb) {
                None
            } else {
                Some(Box::new(self.expression()?))
            }
        } else {
            None
        };
        Ok(Self::expr(
            ExprKind::Slice { lower, upper, step },
            self.finish(start),
        ))
    }

    /// `atom`
    fn atom(&mut self) -> PResult<Expr> {
        let start = self.span();
        let kind = match self.kind() {
            TokenKind::Name(n) => {
                let n = n.clone();
                self.advance();
                ExprKind::Name(n)
            }
            TokenKind::Kw(Kw::True) => {
                self.advance();
                ExprKind::Constant(Constant::Bool(true))
            }
            TokenKind::Kw(Kw::False) => {
                self.advance();
                ExprKind::Constant(Constant::Bool(false))
            }
            TokenKind::Kw(Kw::None) => {
                self.advance();
                ExprKind::Constant(Constant::None)
            }
            &TokenKind::Int(i) => {
                self.advance();
                ExprKind::Constant(Constant::Int(i))
            }
            TokenKind::BigInt(i) => {
                let c = Constant::BigInt(i.clone());
                self.advance();
                ExprKind::Constant(c)
            }
            &TokenKind::Float(f) => {
                self.advance();
                ExprKind::Constant(Constant::Float(f))
            }
            TokenKind::Op(Op::Ellipsis) => {
                self.advance();
                ExprKind::Constant(Constant::Ellipsis)
            }
            TokenKind::Str(_) | TokenKind::Bytes(_) | TokenKind::FString(_) => {
                return self.strings()
            }
            TokenKind::Op(Op::LPar) => return self.tuple_group_or_genexp(),
            TokenKind::Op(Op::LSqb) => return self.list_or_listcomp(),
            TokenKind::Op(Op::LBrace) => return self.dict_or_set(),
            _ => return Err(self.invalid_syntax()),
        };
        Ok(Self::expr(kind, self.finish(start)))
    }

    /// `tuple | group | genexp`
    fn tuple_group_or_genexp(&mut self) -> PResult<Expr> {
        let start = self.advance().span;
        if self.eat_op(Op::RPar) {
            return Ok(Self::expr(ExprKind::Tuple(Vec::new()), self.finish(start)));
        }
        if self.at_kw(Kw::Yield) {
            let e = self.yield_expr()?;
            self.expect_op(Op::RPar)?;
            return Ok(e);
        }
        let first = self.star_named_expression()?;
        if (self.at_kw(Kw::For) || self.at_kw(Kw::Async))
            && !matches!(first.kind, ExprKind::Starred(_))
        {
            let generators = self.for_if_clauses()?;
            self.expect_op(Op::RPar)?;
            return Ok(Self::expr(
                ExprKind::GeneratorExp {
                    elt: Box::new(first),
                    generators,
                },
                self.finish(start),
            ));
        }
        if self.eat_op(Op::RPar) {
            return Ok(first);
        }
        if !self.at_op(Op::Comma) {
            return Err(self.invalid_syntax());
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RPar) {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        self.expect_op(Op::RPar)?;
        Ok(Self::expr(ExprKind::Tuple(elts), self.finish(start)))
    }

    /// `list | listcomp`
    #[inline(never)]
    fn list_or_listcomp(&mut self) -> PResult<Expr> {
        let start = self.advance().span;
        if self.eat_op(Op::RSqb) {
            return Ok(Self::expr(ExprKind::List(Vec::new()), self.finish(start)));
        }
        let first = self.star_named_expression()?;
        self.elements_or_comprehension(start, first, Op::RSqb, ExprKind::List, |elt, generators| {
            ExprKind::ListComp { elt, generators }
        })
    }

    /// The rest of a list or set display after its first element `first`:
    /// a comprehension when `for`/`async for` follows (and `first` is not
    /// starred), else more comma-separated elements, up to `close`.
    fn elements_or_comprehension(
        &mut self,
        start: Span,
        first: Expr,
        close: Op,
        display: fn(Vec<Expr>) -> ExprKind,
        comprehension: fn(Box<Expr>, Vec<Comprehension>) -> ExprKind,
    ) -> PResult<Expr> {
        if (self.at_kw(Kw::For) || self.at_kw(Kw::Async))
            && !matches!(first.kind, ExprKind::Starred(_))
        {
            let generators = self.for_if_clauses()?;
            self.expect_op(close)?;
            let kind = comprehension(Box::new(first), generators);
            return Ok(Self::expr(kind, self.finish(start)));
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(close) {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        self.expect_op(close)?;
        Ok(Self::expr(display(elts), self.finish(start)))
    }

    /// `dict | set | dictcomp | setcomp`
    #[inline(never)]
    fn dict_or_set(&mut self) -> PResult<Expr> {
        let start = self.advance().span;
        if self.eat_op(Op::RBrace) {
            return Ok(Self::expr(
                ExprKind::Dict {
                    keys: Vec::new(),
                    values: Vec::new(),
                },
                self.finish(start),
            ));
        }
        if self.at_op(Op::StarStar) {
            return self.dict_items(start, Vec::new(), Vec::new());
        }
        let first = self.star_named_expression()?;
        if self.at_op(Op::Colon) && !matches!(first.kind, ExprKind::Starred(_)) {
            self.advance();
            let value = self.expression()?;
            if self.at_kw(Kw::For) || self.at_kw(Kw::Async) {
                let generators = self.for_if_clauses()?;
                self.expect_op(Op::RBrace)?;
                return Ok(Self::expr(
                    ExprKind::DictComp {
                        key: Box::new(first),
                        value: Box::new(value),
                        generators,
                    },
                    self.finish(start),
                ));
            }
            return self.dict_items(start, vec![Some(first)], vec![value]);
        }
        self.elements_or_comprehension(
            start,
            first,
            Op::RBrace,
            ExprKind::Set,
            |elt, generators| ExprKind::SetComp { elt, generators },
        )
    }

    /// The rest of a dict display after its first item(s).
    #[inline(never)]
    fn dict_items(
        &mut self,
        start: Span,
        mut keys: Vec<Option<Expr>>,
        mut values: Vec<Expr>,
    ) -> PResult<Expr> {
        if keys.is_empty() {
            self.double_starred_kvpair(&mut keys, &mut values)?;
        }
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RBrace) {
                break;
            }
            self.double_starred_kvpair(&mut keys, &mut values)?;
        }
        self.expect_op(Op::RBrace)?;
        Ok(Self::expr(
            ExprKind::Dict { keys, values },
            self.finish(start),
        ))
    }

    /// `double_starred_kvpair: '**' bitwise_or | expression ':' expression`
    #[inline(never)]
    fn double_starred_kvpair(
        &mut self,
        keys: &mut Vec<Option<Expr>>,
        values: &mut Vec<Expr>,
    ) -> PResult<()> {
        if self.eat_op(Op::StarStar) {
            keys.push(None);
            values.push(self.bitwise_or()?);
            return Ok(());
        }
        let key = self.expression()?;
        if !self.at_op(Op::Colon) {
            if self.at_op(Op::RBrace) || self.at_op(Op::Comma) {
                return Err(SyntaxError::new(
                    "':' expected after dictionary key",
                    key.span,
                ));
            }
            return Err(self.invalid_syntax());
        }
        self.advance();
        if self.at_op(Op::RBrace) || self.at_op(Op::Comma) {
            return Err(SyntaxError::new(
                "expression expected after dictionary key and ':'",
                self.tokens[self.pos - 1].span,
            ));
        }
        keys.push(Some(key));
        values.push(self.expression()?);
        Ok(())
    }

    /// `for_if_clauses: (['async'] 'for' star_targets 'in' disjunction
    /// ('if' disjunction)*)+`
    #[inline(never)]
    fn for_if_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut generators = Vec::new();
        while self.at_kw(Kw::For)
            || (self.at_kw(Kw::Async) && *self.peek_kind(1) == TokenKind::Kw(Kw::For))
        {
            let is_async = self.eat_kw(Kw::Async);
            self.advance();
            let target = self.for_targets()?;
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_kw(Kw::If) {
                ifs.push(self.disjunction()?);
            }
            generators.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        if generators.is_empty() {
            return Err(self.invalid_syntax());
        }
        Ok(generators)
    }

    /// `strings: STRING+`: adjacent literals concatenate; any f-string part
    /// makes the whole a `JoinedStr`.
    #[inline(never)]
    fn strings(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.pos;
        while is_string_token(self.kind()) {
            self.advance();
        }
        // CPython reports errors inside the literals at the token after them.
        let after = self.span();
        let mut parts: Vec<Expr> = Vec::new();
        let mut literal = String::new();
        let mut bytes: Option<Vec<u8>> = None;
        let mut saw_str = false;
        let mut saw_fstring = false;
        let mixed = || SyntaxError::new("cannot mix bytes and nonbytes literals", after);
        for i in first..self.pos {
            let tok = &self.tokens[i];
            match &tok.kind {
                TokenKind::Bytes(b) => {
                    if saw_str {
                        return Err(mixed());
                    }
                    bytes.get_or_insert_with(Vec::new).extend_from_slice(b);
                }
                TokenKind::Str(s) => {
                    if bytes.is_some() {
                        return Err(mixed());
                    }
                    saw_str = true;
                    literal.push_str(s);
                }
                TokenKind::FString(f) => {
                    if bytes.is_some() {
                        return Err(mixed());
                    }
                    saw_str = true;
                    saw_fstring = true;
                    let (f, tok_span) = (f.clone(), tok.span);
                    self.fstring(&f, tok_span, &mut parts, &mut literal)
                        .map_err(|mut err| {
                            if err.span == Span::default() {
                                err.span = after;
                            }
                            err
                        })?;
                }
                _ => {}
            }
        }
        let span = self.finish(start);
        if let Some(b) = bytes {
            return Ok(Self::expr(ExprKind::Constant(Constant::Bytes(b)), span));
        }
        if !saw_fstring {
            return Ok(Self::expr(ExprKind::Constant(Constant::Str(literal)), span));
        }
        if !literal.is_empty() {
            parts.push(Self::expr(ExprKind::Constant(Constant::Str(literal)), span));
        }
        // CPython 3.11 gives every part of a concatenated f-string (and its
        // format specs) the location of the whole literal.
        for part in &mut parts {
            relocate_fstring_part(part, span);
        }
        Ok(Self::expr(ExprKind::JoinedStr(parts), span))
    }
}

mod patterns;
#[cfg(test)]
mod tests;
