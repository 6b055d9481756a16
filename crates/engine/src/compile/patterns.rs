//! `match` statements (CPython 3.11's `compiler_match` and
//! `compiler_pattern*`, same stack discipline).
//!
//! A pattern consumes the subject on top of the stack. Values captured by
//! names stay on the stack, rotated underneath the items still being
//! matched (`on_top`), and are stored only once the whole pattern has
//! matched (before the guard). A failed test jumps to a `fail_pop` label
//! that pops whatever the pattern left on the stack so far (captures and
//! items on top), so every case starts with only the subject there.

use super::code::{Const, Op};
use super::{binop_code, err, CResult, Compiler};
use crate::ast::{BinOp, CmpOp, Constant, Expr, MatchCase, Name, Pattern, PatternKind, Stmt};

/// CPython's `pattern_context`.
struct Pc {
    /// Captured names; `stores[0]`'s value is the highest on the stack.
    stores: Vec<Name>,
    allow_irrefutable: bool,
    /// Jumps to patch, by how many stack items their target must pop.
    fail_pop: Vec<Vec<usize>>,
    /// Items on the stack above the captures that are not the subject.
    on_top: usize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(
        p.kind,
        PatternKind::MatchAs {
            pattern: None,
            name: None
        }
    )
}

fn is_wildcard_star(p: &Pattern) -> bool {
    matches!(p.kind, PatternKind::MatchStar(None))
}

impl Compiler<'_> {
    /// `match subject: case …`.
    pub(super) fn match_stmt(&mut self, s: &Stmt, subject: &Expr, cases: &[MatchCase]) -> CResult {
        self.expr(subject)?;
        let mut end_jumps = Vec::new();
        for (i, case) in cases.iter().enumerate() {
            let last = i + 1 == cases.len();
            let mut pc = Pc {
                stores: Vec::new(),
                allow_irrefutable: case.guard.is_some() || last,
                fail_pop: Vec::new(),
                on_top: 0,
            };
            self.set_span(case.pattern.span);
            if !last {
                self.emit(Op::Copy(1));
            }
            self.pattern(&case.pattern, &mut pc)?;
            for n in &pc.stores {
                self.store_name(n)?;
            }
            if let Some(g) = &case.guard {
                self.expr(g)?;
                self.set_span(g.span);
                let j = self.emit(Op::PopJumpIfFalse(0));
                if pc.fail_pop.is_empty() {
                    pc.fail_pop.push(Vec::new());
                }
                pc.fail_pop[0].push(j);
            }
            if !last {
                self.set_span(case.pattern.span);
                self.emit(Op::Pop);
            }
            self.stmts(&case.body)?;
            self.set_span(s.span);
            end_jumps.push(self.emit(Op::Jump(0)));
            self.emit_fail_pops(&mut pc);
        }
        for j in end_jumps {
            self.patch_here(j);
        }
        Ok(())
    }

    /// Emits `op` (a jump) to the label popping everything the pattern
    /// has left on the stack.
    fn jump_to_fail_pop(&mut self, pc: &mut Pc, op: Op) {
        let pops = pc.on_top + pc.stores.len();
        if pc.fail_pop.len() <= pops {
            pc.fail_pop.resize(pops + 1, Vec::new());
        }
        let j = self.emit(op);
        pc.fail_pop[pops].push(j);
    }

    /// Places the `fail_pop` labels: each pops one item and falls into
    /// the next, down to the one popping nothing.
    fn emit_fail_pops(&mut self, pc: &mut Pc) {
        let labels = std::mem::take(&mut pc.fail_pop);
        for (n, jumps) in labels.iter().enumerate().rev() {
            for &j in jumps {
                self.patch_here(j);
            }
            if n > 0 {
                self.emit(Op::Pop);
            }
        }
    }

    /// TOS moves down `count` places (CPython's `pattern_helper_rotate`).
    fn rotate(&mut self, count: usize) {
        if count > 1 {
            self.emit(Op::Rot(count as u32));
        }
    }

    /// Keeps the value on TOS for `name` (or pops it for `_`).
    fn store_capture(&mut self, name: &Option<Name>, pc: &mut Pc, p: &Pattern) -> CResult {
        let Some(n) = name else {
            self.emit(Op::Pop);
            return Ok(());
        };
        if pc.stores.contains(n) {
            return err(
                format!("multiple assignments to name '{n}' in pattern"),
                p.span,
            );
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(n.clone());
        Ok(())
    }

    /// A pattern inside a sequence, mapping or class pattern, where
    /// irrefutable patterns are allowed.
    fn subpattern(&mut self, p: &Pattern, pc: &mut Pc) -> CResult {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        let r = self.pattern(p, pc);
        pc.allow_irrefutable = saved;
        r
    }

    fn pattern(&mut self, p: &Pattern, pc: &mut Pc) -> CResult {
        self.set_span(p.span);
        match &p.kind {
            PatternKind::MatchValue(v) => {
                self.expr(v)?;
                self.set_span(p.span);
                self.cmp_op(CmpOp::Eq);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
            }
            PatternKind::MatchSingleton(c) => {
                self.load_const(match c {
                    Constant::Bool(b) => Const::Bool(*b),
                    _ => Const::None,
                });
                self.emit(Op::Is(false));
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
            }
            PatternKind::MatchStar(name) => self.store_capture(name, pc, p)?,
            PatternKind::MatchAs { pattern, name } => match pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return match name {
                            Some(n) => err(
                                format!("name capture '{n}' makes remaining patterns unreachable"),
                                p.span,
                            ),
                            None => err("wildcard makes remaining patterns unreachable", p.span),
                        };
                    }
                    self.store_capture(name, pc, p)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Op::Copy(1));
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.set_span(p.span);
                    self.store_capture(name, pc, p)?;
                }
            },
            PatternKind::MatchSequence(items) => self.sequence_pattern(p, items, pc)?,
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => self.mapping_pattern(p, keys, patterns, rest, pc)?,
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => self.class_pattern(p, cls, patterns, kwd_attrs, kwd_patterns, pc)?,
            PatternKind::MatchOr(alts) => self.or_pattern(p, alts, pc)?,
        }
        Ok(())
    }

    /// Pushes `len(TOS)`, compares it with `n` and fails unless `op` holds.
    fn check_len(&mut self, n: usize, op: CmpOp, pc: &mut Pc) {
        self.emit(Op::GetLen);
        self.load_const(Const::Int(n as i64));
        self.cmp_op(op);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
    }

    fn sequence_pattern(&mut self, p: &Pattern, items: &[Pattern], pc: &mut Pc) -> CResult {
        let size = items.len();
        let mut star = None;
        for (i, q) in items.iter().enumerate() {
            if matches!(q.kind, PatternKind::MatchStar(_)) {
                if star.is_some() {
                    return err("multiple starred names in sequence pattern", p.span);
                }
                star = Some(i);
            }
        }
        let only_wildcard = items.iter().all(|q| is_wildcard(q) || is_wildcard_star(q));
        let star_wildcard = star.is_some_and(|i| is_wildcard_star(&items[i]));
        pc.on_top += 1;
        self.emit(Op::MatchSequence);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
        match star {
            None => self.check_len(size, CmpOp::Eq, pc),
            Some(_) if size > 1 => self.check_len(size - 1, CmpOp::GtE, pc),
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Op::Pop);
        } else if let (true, Some(star)) = (star_wildcard, star) {
            // Subscript the items needed instead of unpacking all of them.
            pc.on_top += 1;
            for (i, q) in items.iter().enumerate() {
                if i == star || is_wildcard(q) {
                    continue;
                }
                self.set_span(p.span);
                self.emit(Op::Copy(1));
                if i < star {
                    self.load_const(Const::Int(i as i64));
                } else {
                    self.emit(Op::GetLen);
                    self.load_const(Const::Int((size - i) as i64));
                    self.emit(Op::Binary(binop_code(BinOp::Sub)));
                }
                self.emit(Op::Subscr);
                self.subpattern(q, pc)?;
            }
            pc.on_top -= 1;
            self.set_span(p.span);
            self.emit(Op::Pop);
        } else {
            match star {
                None => self.emit(Op::UnpackSequence(size as u32)),
                Some(i) => self.emit(Op::UnpackEx {
                    before: i as u32,
                    after: (size - i - 1) as u32,
                }),
            };
            pc.on_top += size;
            for q in items {
                pc.on_top -= 1;
                self.subpattern(q, pc)?;
            }
        }
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        p: &Pattern,
        keys: &[Expr],
        patterns: &[Pattern],
        rest: &Option<Name>,
        pc: &mut Pc,
    ) -> CResult {
        let size = keys.len();
        pc.on_top += 1;
        self.emit(Op::MatchMapping);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.emit(Op::Pop);
            return Ok(());
        }
        if size > 0 {
            self.check_len(size, CmpOp::GtE, pc);
        }
        for k in keys {
            self.expr(k)?;
        }
        self.set_span(p.span);
        self.emit(Op::BuildTuple(size as u32));
        self.emit(Op::MatchKeys);
        // The subject, the keys and the values (or None) are on the stack.
        pc.on_top += 2;
        self.emit(Op::Copy(1));
        self.load_const(Const::None);
        self.emit(Op::Is(true));
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
        self.emit(Op::UnpackSequence(size as u32));
        pc.on_top += size;
        pc.on_top -= 1;
        for q in patterns {
            pc.on_top -= 1;
            self.subpattern(q, pc)?;
        }
        pc.on_top -= 2;
        self.set_span(p.span);
        if rest.is_some() {
            // rest = dict(subject); del rest[key] for each key.
            self.emit(Op::BuildMap(0));
            self.emit(Op::Swap(3));
            self.emit(Op::DictUpdate(2));
            self.emit(Op::UnpackSequence(size as u32));
            let mut left = size;
            while left > 0 {
                self.emit(Op::Copy(1 + left as u32));
                left -= 1;
                self.emit(Op::Swap(2));
                self.emit(Op::DeleteSubscr);
            }
            self.store_capture(rest, pc, p)?;
        } else {
            self.emit(Op::Pop);
            self.emit(Op::Pop);
        }
        Ok(())
    }

    fn class_pattern(
        &mut self,
        p: &Pattern,
        cls: &Expr,
        patterns: &[Pattern],
        kwd_attrs: &[Name],
        kwd_patterns: &[Pattern],
        pc: &mut Pc,
    ) -> CResult {
        for (j, a) in kwd_attrs.iter().enumerate() {
            if kwd_attrs[..j].contains(a) {
                return err(
                    format!("attribute name repeated in class pattern: {a}"),
                    kwd_patterns[j].span,
                );
            }
        }
        self.expr(cls)?;
        self.set_span(p.span);
        let names = kwd_attrs.iter().map(|a| Const::Str(a.clone())).collect();
        self.load_const(Const::tuple(names));
        self.emit(Op::MatchClass(patterns.len() as u32));
        self.emit(Op::Copy(1));
        self.load_const(Const::None);
        self.emit(Op::Is(true));
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse(0));
        let n = patterns.len() + kwd_patterns.len();
        self.emit(Op::UnpackSequence(n as u32));
        pc.on_top += n;
        pc.on_top -= 1;
        for q in patterns.iter().chain(kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(q) {
                self.emit(Op::Pop);
                continue;
            }
            self.subpattern(q, pc)?;
        }
        Ok(())
    }

    fn or_pattern(&mut self, p: &Pattern, alts: &[Pattern], pc: &mut Pc) -> CResult {
        let outer_stores = std::mem::take(&mut pc.stores);
        let outer_fail_pop = std::mem::take(&mut pc.fail_pop);
        let outer_on_top = pc.on_top;
        let outer_allow = pc.allow_irrefutable;
        let mut control: Option<Vec<Name>> = None;
        let mut end_jumps = Vec::new();
        for (i, alt) in alts.iter().enumerate() {
            pc.stores = Vec::new();
            pc.allow_irrefutable = i + 1 == alts.len() && outer_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.set_span(alt.span);
            self.emit(Op::Copy(1));
            self.pattern(alt, pc)?;
            // Matched: put the captures in the order of the first
            // alternative (depth d holds control[d - 1]).
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(c) => {
                    let mut cur = pc.stores.clone();
                    if cur.len() != c.len() || !c.iter().all(|n| cur.contains(n)) {
                        return err("alternative patterns bind different names", alt.span);
                    }
                    for d in 1..=c.len() {
                        let e = 1 + cur.iter().position(|n| *n == c[d - 1]).unwrap_or(d - 1);
                        if e != d {
                            if d == 1 {
                                self.emit(Op::Swap(e as u32));
                            } else {
                                self.emit(Op::Swap(d as u32));
                                self.emit(Op::Swap(e as u32));
                                self.emit(Op::Swap(d as u32));
                            }
                            cur.swap(d - 1, e - 1);
                        }
                    }
                }
            }
            end_jumps.push(self.emit(Op::Jump(0)));
            self.emit_fail_pops(pc);
        }
        pc.stores = outer_stores;
        pc.fail_pop = outer_fail_pop;
        pc.on_top = outer_on_top;
        pc.allow_irrefutable = outer_allow;
        // No alternative matched: pop the subject and fail.
        self.set_span(p.span);
        self.emit(Op::Pop);
        self.jump_to_fail_pop(pc, Op::Jump(0));
        for j in end_jumps {
            self.patch_here(j);
        }
        let control = control.unwrap_or_default();
        let rots = control.len() + 1 + pc.on_top + pc.stores.len();
        for n in control {
            self.rotate(rots);
            if pc.stores.contains(&n) {
                return err(
                    format!("multiple assignments to name '{n}' in pattern"),
                    p.span,
                );
            }
            pc.stores.push(n);
        }
        // Pop the copy of the subject.
        self.emit(Op::Pop);
        Ok(())
    }
}
