//! The checks of `match` statements: names captured count as assignments
//! for the symbol table; CPython's compiler (`compiler_pattern*` in
//! `Python/compile.c`) raises the errors about irrefutable patterns,
//! repeated names, alternatives binding different names, mapping keys and
//! class keyword attributes, reported at the pattern being compiled.

use super::{err, Phase, Usage, Walker};
use crate::ast::{Constant, Expr, ExprKind, MatchCase, Pattern, PatternKind, UnaryOp};
use crate::parse::error::SyntaxError;
use crate::pylib::float_repr::repr_float;
use crate::pylib::strings::repr_str;
use crate::span::Span;

/// CPython's `pattern_context`, as far as the checks need it.
struct Ctx<'a> {
    /// Names captured so far, in capture order.
    stores: Vec<&'a str>,
    allow_irrefutable: bool,
}

/// A mapping key's constant value, for the duplicate-key check (Python
/// equality: `1`, `1.0` and `True` are the same key).
#[derive(PartialEq)]
enum Key<'a> {
    Num(f64),
    Big(&'a crate::pylib::bigint::BigInt),
    NegBig(&'a crate::pylib::bigint::BigInt),
    Str(&'a str),
    Bytes(&'a [u8]),
    None,
    Ellipsis,
}

fn folded_constant(e: &Expr) -> Option<(Key<'_>, String)> {
    match &e.kind {
        ExprKind::Constant(c) => Some(match c {
            Constant::None => (Key::None, "None".into()),
            Constant::Bool(b) => (
                Key::Num(f64::from(u8::from(*b))),
                if *b { "True" } else { "False" }.into(),
            ),
            Constant::Int(i) => (Key::Num(*i as f64), i.to_string()),
            Constant::BigInt(i) => (Key::Big(i), i.to_string()),
            Constant::Float(f) => (Key::Num(*f), repr_float(*f)),
            Constant::Str(s) => (Key::Str(s), repr_str(s)),
            Constant::Bytes(b) => (Key::Bytes(b), bytes_repr(b)),
            Constant::Ellipsis => (Key::Ellipsis, "Ellipsis".into()),
        }),
        ExprKind::UnaryOp {
            op: UnaryOp::USub,
            operand,
        } => match folded_constant(operand)? {
            (Key::Num(n), r) => Some((Key::Num(-n), format!("-{r}"))),
            (Key::Big(n), r) => Some((Key::NegBig(n), format!("-{r}"))),
            _ => None,
        },
        _ => None,
    }
}

fn bytes_repr(b: &[u8]) -> String {
    let mut s = String::from("b'");
    for &c in b {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\'' => s.push_str("\\'"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            b'\t' => s.push_str("\\t"),
            0x20..=0x7e => s.push(c as char),
            _ => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push('\'');
    s
}

/// Whether a value pattern's expression is one CPython's compiler accepts
/// (a constant after folding, or an attribute lookup).
fn is_value_expr(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Attribute { .. }) || folded_constant(e).is_some()
}

impl<'a> Walker<'a> {
    /// `match subject:` and its cases.
    pub(super) fn match_stmt(
        &mut self,
        subject: &'a Expr,
        cases: &'a [MatchCase],
    ) -> Result<(), SyntaxError> {
        self.expr(subject)?;
        for (i, case) in cases.iter().enumerate() {
            let mut ctx = Ctx {
                stores: Vec::new(),
                allow_irrefutable: case.guard.is_some() || i + 1 == cases.len(),
            };
            let mut loc = case.pattern.span;
            self.pattern(&case.pattern, &mut ctx, &mut loc)?;
            if let Some(g) = &case.guard {
                self.expr(g)?;
            }
            self.stmts(&case.body)?;
        }
        Ok(())
    }

    /// `compiler_pattern`: `loc` is where an error is reported (the last
    /// pattern entered, as CPython's compiler location).
    fn pattern(
        &mut self,
        p: &'a Pattern,
        ctx: &mut Ctx<'a>,
        loc: &mut Span,
    ) -> Result<(), SyntaxError> {
        let compiler = self.phase == Phase::Compiler;
        *loc = p.span;
        match &p.kind {
            PatternKind::MatchValue(v) => {
                if compiler && !is_value_expr(v) {
                    return err(
                        "patterns may only match literals and attribute lookups",
                        *loc,
                    );
                }
                self.expr(v)
            }
            PatternKind::MatchSingleton(_) => Ok(()),
            PatternKind::MatchSequence(items) => {
                let stars = items
                    .iter()
                    .filter(|q| matches!(q.kind, PatternKind::MatchStar(_)))
                    .count();
                if compiler && stars > 1 {
                    return err("multiple starred names in sequence pattern", *loc);
                }
                for q in items {
                    self.subpattern(q, ctx, loc)?;
                }
                Ok(())
            }
            PatternKind::MatchStar(name) => {
                if let Some(n) = name {
                    self.store(n, ctx, *loc)?;
                }
                Ok(())
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                let mut seen: Vec<Key<'a>> = Vec::new();
                for k in keys {
                    if compiler {
                        if let Some((key, repr)) = folded_constant(k) {
                            if seen.contains(&key) {
                                return err(
                                    format!("mapping pattern checks duplicate key ({repr})"),
                                    *loc,
                                );
                            }
                            seen.push(key);
                        } else if !matches!(k.kind, ExprKind::Attribute { .. }) {
                            return err(
                                "mapping pattern keys may only match literals and attribute lookups",
                                *loc,
                            );
                        }
                    }
                    self.expr(k)?;
                }
                for q in patterns {
                    self.subpattern(q, ctx, loc)?;
                }
                if let Some(n) = rest {
                    self.store(n, ctx, *loc)?;
                }
                Ok(())
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                if compiler {
                    for (j, a) in kwd_attrs.iter().enumerate() {
                        if kwd_attrs[..j].contains(a) {
                            return err(
                                format!("attribute name repeated in class pattern: {a}"),
                                kwd_patterns[j].span,
                            );
                        }
                    }
                }
                self.expr(cls)?;
                for q in patterns.iter().chain(kwd_patterns) {
                    self.subpattern(q, ctx, loc)?;
                }
                Ok(())
            }
            PatternKind::MatchAs { pattern, name } => {
                match pattern {
                    None if compiler && !ctx.allow_irrefutable => {
                        return match name {
                            Some(n) => err(
                                format!("name capture '{n}' makes remaining patterns unreachable"),
                                *loc,
                            ),
                            None => err("wildcard makes remaining patterns unreachable", *loc),
                        };
                    }
                    None => {}
                    Some(q) => self.pattern(q, ctx, loc)?,
                }
                if let Some(n) = name {
                    self.store(n, ctx, *loc)?;
                }
                Ok(())
            }
            PatternKind::MatchOr(alts) => {
                let mut control: Option<Vec<&'a str>> = None;
                for (i, alt) in alts.iter().enumerate() {
                    let mut inner = Ctx {
                        stores: Vec::new(),
                        allow_irrefutable: i + 1 == alts.len() && ctx.allow_irrefutable,
                    };
                    self.pattern(alt, &mut inner, loc)?;
                    match &control {
                        None => control = Some(inner.stores),
                        Some(c) => {
                            let same = c.len() == inner.stores.len()
                                && c.iter().all(|n| inner.stores.contains(n));
                            if compiler && !same {
                                return err("alternative patterns bind different names", *loc);
                            }
                        }
                    }
                }
                for n in control.unwrap_or_default() {
                    self.store(n, ctx, *loc)?;
                }
                Ok(())
            }
        }
    }

    /// `compiler_pattern_subpattern`: irrefutable patterns are fine inside
    /// sequences, mappings and class patterns.
    fn subpattern(
        &mut self,
        p: &'a Pattern,
        ctx: &mut Ctx<'a>,
        loc: &mut Span,
    ) -> Result<(), SyntaxError> {
        let saved = ctx.allow_irrefutable;
        ctx.allow_irrefutable = true;
        let r = self.pattern(p, ctx, loc);
        ctx.allow_irrefutable = saved;
        r
    }

    /// `pattern_helper_store_name`.
    fn store(&mut self, n: &'a str, ctx: &mut Ctx<'a>, loc: Span) -> Result<(), SyntaxError> {
        if self.phase == Phase::Compiler && ctx.stores.contains(&n) {
            return err(
                format!("multiple assignments to name '{n}' in pattern"),
                loc,
            );
        }
        self.note(n, Usage::Assigned);
        ctx.stores.push(n);
        Ok(())
    }
}

/// The names a pattern captures (for `collect_bindings`).
pub(super) fn pattern_names<'a>(p: &'a Pattern, out: &mut std::collections::HashSet<&'a str>) {
    match &p.kind {
        PatternKind::MatchValue(_) | PatternKind::MatchSingleton(_) => {}
        PatternKind::MatchSequence(items) | PatternKind::MatchOr(items) => {
            for q in items {
                pattern_names(q, out);
            }
        }
        PatternKind::MatchStar(name) => {
            if let Some(n) = name {
                out.insert(n);
            }
        }
        PatternKind::MatchMapping { patterns, rest, .. } => {
            for q in patterns {
                pattern_names(q, out);
            }
            if let Some(n) = rest {
                out.insert(n);
            }
        }
        PatternKind::MatchClass {
            patterns,
            kwd_patterns,
            ..
        } => {
            for q in patterns.iter().chain(kwd_patterns) {
                pattern_names(q, out);
            }
        }
        PatternKind::MatchAs { pattern, name } => {
            if let Some(q) = pattern {
                pattern_names(q, out);
            }
            if let Some(n) = name {
                out.insert(n);
            }
        }
    }
}
