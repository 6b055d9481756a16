//! The `match` statement and its patterns: one method per rule of CPython
//! 3.11's grammar (`match_stmt`, `case_block`, `patterns`, `or_pattern`,
//! `closed_pattern`, …) with the `invalid_*` rules that give CPython's
//! messages. `match`, `case` and `_` are soft keywords: the lexer gives
//! them as names and these rules recognise them by position.

use super::{block_after, PResult, Parser};
use crate::ast::{
    Constant, Expr, ExprKind, MatchCase, Name, Pattern, PatternKind, Stmt, StmtKind, UnaryOp,
};
use crate::parse::error::SyntaxError;
use crate::parse::token::{Kw, Op, TokenKind};
use crate::span::Span;

fn pat(kind: PatternKind, span: Span) -> Pattern {
    Pattern { kind, span }
}

impl Parser<'_> {
    fn at_soft(&self, word: &str) -> bool {
        matches!(self.kind(), TokenKind::Name(n) if &**n == word)
    }

    /// `match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+
    /// DEDENT`, with `invalid_match_stmt`.
    pub(super) fn match_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance().span;
        let subject = self.subject_expr()?;
        if matches!(self.kind(), TokenKind::Newline) {
            return Err(SyntaxError::new("expected ':'", self.span()));
        }
        self.expect_op(Op::Colon)?;
        if !matches!(self.kind(), TokenKind::Newline) {
            return Err(self.invalid_syntax());
        }
        self.advance();
        if !matches!(self.kind(), TokenKind::Indent) {
            return Err(SyntaxError::indentation(
                block_after("'match' statement", start.line),
                self.span(),
            ));
        }
        self.advance();
        let mut cases = Vec::new();
        loop {
            if !self.at_soft("case") {
                return Err(self.invalid_syntax());
            }
            cases.push(self.case_block()?);
            if matches!(self.kind(), TokenKind::Dedent | TokenKind::EndMarker) {
                break;
            }
        }
        if matches!(self.kind(), TokenKind::Dedent) {
            self.advance();
        }
        Ok(Stmt {
            kind: StmtKind::Match { subject, cases },
            span: self.finish(start),
        })
    }

    /// `subject_expr: star_named_expression ',' star_named_expressions? |
    /// named_expression`
    pub(super) fn subject_expr(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.star_named_expression()?;
        if !self.at_op(Op::Comma) {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.invalid_syntax());
            }
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::Colon) || matches!(self.kind(), TokenKind::Newline) {
                break;
            }
            items.push(self.star_named_expression()?);
        }
        Ok(Expr {
            kind: ExprKind::Tuple(items),
            span: self.finish(start),
        })
    }

    /// `case_block: "case" patterns guard? ':' block`, with
    /// `invalid_case_block`.
    fn case_block(&mut self) -> PResult<MatchCase> {
        let line = self.advance().span.line;
        let pattern = self.nested(|p| p.patterns())?;
        let guard = if self.eat_kw(Kw::If) {
            Some(self.named_expression()?)
        } else {
            None
        };
        if matches!(self.kind(), TokenKind::Newline) {
            return Err(SyntaxError::new("expected ':'", self.span()));
        }
        self.expect_op(Op::Colon)?;
        let body = self.block("'case' statement", line)?;
        Ok(MatchCase {
            pattern,
            guard,
            body,
        })
    }

    /// `patterns: open_sequence_pattern | pattern`
    fn patterns(&mut self) -> PResult<Pattern> {
        let start = self.span();
        let first = self.maybe_star_pattern()?;
        if !self.at_op(Op::Comma) {
            if matches!(first.kind, PatternKind::MatchStar(_)) {
                return Err(self.invalid_syntax());
            }
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::Colon) || self.at_kw(Kw::If) {
                break;
            }
            items.push(self.maybe_star_pattern()?);
        }
        Ok(pat(PatternKind::MatchSequence(items), self.finish(start)))
    }

    /// `maybe_star_pattern: star_pattern | pattern`
    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if self.at_op(Op::Star) {
            self.star_pattern()
        } else {
            self.pattern()
        }
    }

    /// `star_pattern: '*' pattern_capture_target | '*' wildcard_pattern`
    fn star_pattern(&mut self) -> PResult<Pattern> {
        let start = self.advance().span;
        let name = if self.at_soft("_") {
            self.advance();
            None
        } else {
            Some(self.pattern_capture_target()?)
        };
        Ok(pat(PatternKind::MatchStar(name), self.finish(start)))
    }

    /// `pattern: as_pattern | or_pattern`, with `invalid_as_pattern`.
    fn pattern(&mut self) -> PResult<Pattern> {
        let start = self.span();
        let p = self.nested(|p| p.or_pattern())?;
        if !self.eat_kw(Kw::As) {
            return Ok(p);
        }
        if self.at_soft("_") {
            return Err(SyntaxError::new("cannot use '_' as a target", self.span()));
        }
        if !matches!(self.kind(), TokenKind::Name(_)) {
            let (pos, prev_end) = (self.pos, self.prev_end);
            let furthest = self.furthest.get();
            if let Ok(e) = self.expression() {
                return Err(SyntaxError::new("invalid pattern target", e.span));
            }
            self.reset(pos, prev_end);
            self.furthest.set(furthest);
            return Err(self.invalid_syntax());
        }
        let name = self.pattern_capture_target()?;
        Ok(pat(
            PatternKind::MatchAs {
                pattern: Some(Box::new(p)),
                name: Some(name),
            },
            self.finish(start),
        ))
    }

    /// `or_pattern: '|'.closed_pattern+`
    fn or_pattern(&mut self) -> PResult<Pattern> {
        let start = self.span();
        let first = self.closed_pattern()?;
        if !self.at_op(Op::Pipe) {
            return Ok(first);
        }
        let mut alts = vec![first];
        while self.eat_op(Op::Pipe) {
            alts.push(self.closed_pattern()?);
        }
        Ok(pat(PatternKind::MatchOr(alts), self.finish(start)))
    }

    /// `closed_pattern: literal_pattern | capture_pattern |
    /// wildcard_pattern | value_pattern | group_pattern | sequence_pattern
    /// | mapping_pattern | class_pattern`
    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let start = self.span();
        match self.kind() {
            TokenKind::Int(_)
            | TokenKind::BigInt(_)
            | TokenKind::Float(_)
            | TokenKind::Op(Op::Minus) => {
                let e = self.signed_number()?;
                Ok(pat(PatternKind::MatchValue(e), self.finish(start)))
            }
            TokenKind::Str(_) | TokenKind::Bytes(_) | TokenKind::FString(_) => {
                let e = self.strings()?;
                Ok(pat(PatternKind::MatchValue(e), self.finish(start)))
            }
            TokenKind::Kw(kw @ (Kw::None | Kw::True | Kw::False)) => {
                let c = match kw {
                    Kw::None => Constant::None,
                    Kw::True => Constant::Bool(true),
                    _ => Constant::Bool(false),
                };
                self.advance();
                Ok(pat(PatternKind::MatchSingleton(c), self.finish(start)))
            }
            TokenKind::Name(n) if &**n == "_" => {
                // `wildcard_pattern` wins over `value_pattern` and
                // `class_pattern` (PEG ordered choice).
                self.advance();
                Ok(pat(
                    PatternKind::MatchAs {
                        pattern: None,
                        name: None,
                    },
                    self.finish(start),
                ))
            }
            TokenKind::Name(_) => {
                let (cls, dotted) = self.name_or_attr()?;
                if self.at_op(Op::LPar) {
                    return self.class_pattern(cls, start);
                }
                if dotted {
                    return Ok(pat(PatternKind::MatchValue(cls), self.finish(start)));
                }
                if self.at_op(Op::Eq) {
                    return Err(self.invalid_syntax());
                }
                let ExprKind::Name(name) = cls.kind else {
                    return Err(self.invalid_syntax());
                };
                Ok(pat(
                    PatternKind::MatchAs {
                        pattern: None,
                        name: Some(name),
                    },
                    self.finish(start),
                ))
            }
            TokenKind::Op(Op::LPar) => self.group_or_sequence_pattern(),
            TokenKind::Op(Op::LSqb) => {
                self.advance();
                let items = self.maybe_sequence_pattern(Op::RSqb)?;
                self.expect_op(Op::RSqb)?;
                Ok(pat(PatternKind::MatchSequence(items), self.finish(start)))
            }
            TokenKind::Op(Op::LBrace) => self.mapping_pattern(),
            _ => Err(self.invalid_syntax()),
        }
    }

    /// `signed_number` (and `complex_number`, whose imaginary part is
    /// outside Looplab's subset): `NUMBER | '-' NUMBER`.
    fn signed_number(&mut self) -> PResult<Expr> {
        let start = self.span();
        let neg = self.eat_op(Op::Minus);
        let num_span = self.span();
        let c = match self.kind() {
            TokenKind::Int(i) => Constant::Int(*i),
            TokenKind::BigInt(i) => Constant::BigInt(i.clone()),
            TokenKind::Float(f) => Constant::Float(*f),
            _ => return Err(self.invalid_syntax()),
        };
        self.advance();
        let mut e = Expr {
            kind: ExprKind::Constant(c),
            span: self.finish(num_span),
        };
        if neg {
            e = Expr {
                kind: ExprKind::UnaryOp {
                    op: UnaryOp::USub,
                    operand: Box::new(e),
                },
                span: self.finish(start),
            };
        }
        if self.at_op(Op::Plus) || self.at_op(Op::Minus) {
            // `real_number ('+' | '-') imaginary_number`: Looplab has no
            // imaginary literals, so the right side is never one.
            self.advance();
            let span = self.span();
            if matches!(
                self.kind(),
                TokenKind::Int(_) | TokenKind::BigInt(_) | TokenKind::Float(_)
            ) {
                self.advance();
                return Err(SyntaxError::new(
                    "imaginary number required in complex literal",
                    self.finish(span),
                ));
            }
            return Err(self.invalid_syntax());
        }
        Ok(e)
    }

    /// `name_or_attr: attr | NAME`; also says whether it was dotted.
    fn name_or_attr(&mut self) -> PResult<(Expr, bool)> {
        let start = self.span();
        let (n, span) = self.name()?;
        let mut e = Expr {
            kind: ExprKind::Name(n),
            span,
        };
        let mut dotted = false;
        while self.eat_op(Op::Dot) {
            let (attr, _) = self.name()?;
            e = Expr {
                kind: ExprKind::Attribute {
                    value: Box::new(e),
                    attr,
                },
                span: self.finish(start),
            };
            dotted = true;
        }
        Ok((e, dotted))
    }

    /// `pattern_capture_target: !"_" NAME !('.' | '(' | '=')`
    fn pattern_capture_target(&mut self) -> PResult<Name> {
        if self.at_soft("_") {
            return Err(self.invalid_syntax());
        }
        let (n, _) = self.name()?;
        if self.at_op(Op::Dot) || self.at_op(Op::LPar) || self.at_op(Op::Eq) {
            return Err(self.invalid_syntax());
        }
        Ok(n)
    }

    /// `group_pattern: '(' pattern ')'` and `sequence_pattern: '('
    /// open_sequence_pattern? ')'`.
    fn group_or_sequence_pattern(&mut self) -> PResult<Pattern> {
        let start = self.advance().span;
        if self.eat_op(Op::RPar) {
            return Ok(pat(
                PatternKind::MatchSequence(Vec::new()),
                self.finish(start),
            ));
        }
        let first = self.maybe_star_pattern()?;
        if self.at_op(Op::RPar) && !matches!(first.kind, PatternKind::MatchStar(_)) {
            self.advance();
            return Ok(first);
        }
        if !self.eat_op(Op::Comma) {
            return Err(self.invalid_syntax());
        }
        let mut items = vec![first];
        items.extend(self.maybe_sequence_pattern(Op::RPar)?);
        self.expect_op(Op::RPar)?;
        Ok(pat(PatternKind::MatchSequence(items), self.finish(start)))
    }

    /// `maybe_sequence_pattern: ','.maybe_star_pattern+ ','?` (possibly
    /// empty), up to `closer`.
    fn maybe_sequence_pattern(&mut self, closer: Op) -> PResult<Vec<Pattern>> {
        let mut items = Vec::new();
        while !self.at_op(closer) {
            items.push(self.maybe_star_pattern()?);
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        Ok(items)
    }

    /// `mapping_pattern: '{' [items_pattern] [double_star_pattern] '}'`
    fn mapping_pattern(&mut self) -> PResult<Pattern> {
        let start = self.advance().span;
        let (mut keys, mut patterns, mut rest) = (Vec::new(), Vec::new(), None);
        while !self.at_op(Op::RBrace) {
            if self.eat_op(Op::StarStar) {
                rest = Some(self.pattern_capture_target()?);
                self.eat_op(Op::Comma);
                break;
            }
            keys.push(self.mapping_key()?);
            self.expect_op(Op::Colon)?;
            patterns.push(self.pattern()?);
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        self.expect_op(Op::RBrace)?;
        Ok(pat(
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            },
            self.finish(start),
        ))
    }

    /// `key_value_pattern`'s key: `literal_expr | attr`.
    fn mapping_key(&mut self) -> PResult<Expr> {
        let start = self.span();
        match self.kind() {
            TokenKind::Int(_)
            | TokenKind::BigInt(_)
            | TokenKind::Float(_)
            | TokenKind::Op(Op::Minus) => self.signed_number(),
            TokenKind::Str(_) | TokenKind::Bytes(_) | TokenKind::FString(_) => self.strings(),
            TokenKind::Kw(kw @ (Kw::None | Kw::True | Kw::False)) => {
                let c = match kw {
                    Kw::None => Constant::None,
                    Kw::True => Constant::Bool(true),
                    _ => Constant::Bool(false),
                };
                self.advance();
                Ok(Expr {
                    kind: ExprKind::Constant(c),
                    span: self.finish(start),
                })
            }
            TokenKind::Name(_) => {
                let (e, dotted) = self.name_or_attr()?;
                if !dotted {
                    return Err(self.invalid_syntax());
                }
                Ok(e)
            }
            _ => Err(self.invalid_syntax()),
        }
    }

    /// `class_pattern: name_or_attr '(' [positional_patterns]
    /// [keyword_patterns] ')'`, with `invalid_class_pattern`.
    fn class_pattern(&mut self, cls: Expr, start: Span) -> PResult<Pattern> {
        self.advance();
        let (mut patterns, mut kwd_attrs, mut kwd_patterns) = (Vec::new(), Vec::new(), Vec::new());
        let mut misplaced: Option<Span> = None;
        while !self.at_op(Op::RPar) {
            let is_kw = matches!(self.kind(), TokenKind::Name(_))
                && *self.peek_kind(1) == TokenKind::Op(Op::Eq);
            if is_kw {
                let (n, _) = self.name()?;
                self.advance();
                kwd_attrs.push(n);
                kwd_patterns.push(self.pattern()?);
            } else {
                let p = self.pattern()?;
                if !kwd_attrs.is_empty() {
                    let first = misplaced.unwrap_or(p.span);
                    misplaced = Some(Span::new(first.start, p.span.end, first.line, first.col));
                }
                patterns.push(p);
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if let Some(span) = misplaced {
            return Err(SyntaxError::new(
                "positional patterns follow keyword patterns",
                span,
            ));
        }
        self.expect_op(Op::RPar)?;
        Ok(pat(
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            },
            self.finish(start),
        ))
    }
}
