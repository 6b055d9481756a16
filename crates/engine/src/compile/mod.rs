//! The compiler: AST -> [`Code`] objects (CPython's `compile.c`).
//!
//! A symbol-table pass ([`symtable`]) classifies names first; code
//! generation then emits stack-machine instructions with fast-local slots,
//! pooled constants and per-instruction spans. `try`/`finally` bodies are
//! duplicated at `return`/`break`/`continue` exits, as CPython does.

pub mod code;
mod patterns;
pub mod serial;
pub mod symtable;

use std::cell::{Cell, OnceCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::ast::*;
use crate::span::Span;
use code::{Code, CodeKind, Const, Op};
use symtable::{NameKind, ScopeKind, SymTable};

/// A compile-time error, reported to the user as `SyntaxError`.
#[derive(Clone, Debug, PartialEq)]
pub struct CompileError {
    pub msg: String,
    pub span: Span,
}

/// String interner shared by all compilations of a VM so attribute and
/// global names compare by pointer.
#[derive(Default)]
pub struct Interner {
    set: HashSet<Rc<str>>,
}

impl Interner {
    pub fn intern(&mut self, s: &str) -> Rc<str> {
        if let Some(r) = self.set.get(s) {
            return r.clone();
        }
        let r: Rc<str> = Rc::from(s);
        self.set.insert(r.clone());
        r
    }
}

/// Binary operator codes used by `Op::Binary`/`Op::Inplace`.
pub fn binop_code(op: BinOp) -> u8 {
    op as u8
}

pub fn binop_from_code(c: u8) -> BinOp {
    use BinOp::*;
    [
        Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv,
    ]
    .get(c as usize)
    .copied()
    .unwrap_or(Add)
}

pub fn cmpop_from_code(c: u8) -> CmpOp {
    use CmpOp::*;
    [Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn]
        .get(c as usize)
        .copied()
        .unwrap_or(Eq)
}

/// Constant-pool dedup key.
#[derive(Hash, PartialEq, Eq)]
enum ConstKey {
    None,
    Bool(bool),
    Int(i64),
    Float(u64),
    Str(Rc<str>),
    Other(usize),
}

/// Frame-block kinds tracked at compile time so `break`/`continue`/
/// `return` can unwind them (CPython's `fblockinfo`).
#[derive(Clone)]
enum FBlock {
    Loop {
        continue_target: usize,
        breaks: Vec<usize>,
        /// `for` loops keep their iterator on the stack.
        has_iter: bool,
    },
    TryExcept,
    /// `try` with a `finally`: the body to inline on early exit.
    Finally(Rc<Vec<Stmt>>),
    /// Inside an `except` clause (the handled exception must be popped).
    HandlerCleanup(Option<Name>),
    /// Inside the exceptional path of a `finally` (exception on stack).
    FinallyHandler,
    With {
        is_async: bool,
    },
    /// `except*` handler bodies: three bookkeeping values on the stack.
    StarHandler,
}

struct Unit {
    scope: usize,
    kind: CodeKind,
    name: Name,
    qualname: Name,
    ops: Vec<Op>,
    spans: Vec<Span>,
    consts: Vec<Const>,
    const_map: HashMap<ConstKey, u32>,
    names: Vec<Name>,
    name_map: HashMap<Name, u32>,
    varnames: Vec<Name>,
    var_map: HashMap<Name, u32>,
    cellvars: Vec<Name>,
    freevars: Vec<Name>,
    codes: Vec<Rc<Code>>,
    fblocks: Vec<FBlock>,
    span: Span,
    firstlineno: u32,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    varargs: bool,
    varkeywords: bool,
    doc: Option<Name>,
}

/// The docstring of a body, if its first statement is a string literal.
fn docstring(body: &[Stmt]) -> Option<&str> {
    match &body.first()?.kind {
        StmtKind::Expr(Expr {
            kind: ExprKind::Constant(Constant::Str(s)),
            ..
        }) => Some(s),
        _ => None,
    }
}

pub struct Compiler<'a> {
    st: SymTable,
    filename: Name,
    source: Rc<str>,
    interner: &'a mut Interner,
    units: Vec<Unit>,
    /// `from __future__ import annotations`: annotations stay strings.
    future_annotations: bool,
}

type CResult<T = ()> = Result<T, CompileError>;

/// Compile a parsed module.
pub fn compile_module(
    module: &Module,
    filename: &str,
    source: Rc<str>,
    interner: &mut Interner,
) -> CResult<Rc<Code>> {
    let st = symtable::build(module).map_err(|e| CompileError {
        msg: e.msg,
        span: e.span,
    })?;
    let filename = interner.intern(filename);
    let future_annotations = module.body.iter().any(|s| {
        matches!(&s.kind, StmtKind::ImportFrom { module: Some(m), names, .. }
            if &**m == "__future__" && names.iter().any(|a| &*a.name == "annotations"))
    });
    let mut c = Compiler {
        st,
        filename,
        source,
        interner,
        units: Vec::new(),
        future_annotations,
    };
    let name = c.interner.intern("<module>");
    c.enter(0, CodeKind::Module, name.clone(), name, 1);
    let body = &module.body;
    if let Some(d) = docstring(body) {
        let d = c.interner.intern(d);
        c.load_const(Const::Str(d));
        let di = c.name_index("__doc__");
        c.emit(Op::StoreGlobal(di));
    }
    c.setup_annotations(body);
    c.stmts(body)?;
    let end = body.last().map(|s| s.span).unwrap_or_default();
    c.set_span(end);
    c.load_const(Const::None);
    c.emit(Op::ReturnValue);
    Ok(c.leave())
}

fn err<T>(msg: impl Into<String>, span: Span) -> CResult<T> {
    Err(CompileError {
        msg: msg.into(),
        span,
    })
}

impl<'a> Compiler<'a> {
    fn u(&mut self) -> &mut Unit {
        self.units.last_mut().expect("compiler unit")
    }
    fn ur(&self) -> &Unit {
        self.units.last().expect("compiler unit")
    }

    fn enter(&mut self, scope: usize, kind: CodeKind, name: Name, qualname: Name, line: u32) {
        let sc = &self.st.scopes[scope];
        let mut u = Unit {
            scope,
            kind,
            name,
            qualname,
            ops: Vec::new(),
            spans: Vec::new(),
            consts: Vec::new(),
            const_map: HashMap::new(),
            names: Vec::new(),
            name_map: HashMap::new(),
            varnames: Vec::new(),
            var_map: HashMap::new(),
            cellvars: sc.cells.clone(),
            freevars: sc.frees.clone(),
            codes: Vec::new(),
            fblocks: Vec::new(),
            span: Span::default(),
            firstlineno: line,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            varargs: false,
            varkeywords: false,
            doc: None,
        };
        if sc.kind() == ScopeKind::Class && sc.needs_class_cell {
            let cc: Name = "__class__".into();
            if !u.cellvars.contains(&cc) {
                u.cellvars.push(cc);
            }
        }
        for p in sc.params.clone() {
            let i = u.varnames.len() as u32;
            u.var_map.insert(p.clone(), i);
            u.varnames.push(p);
        }
        self.units.push(u);
    }

    fn leave(&mut self) -> Rc<Code> {
        let u = self.units.pop().expect("compiler unit");
        let cell_params = u
            .cellvars
            .iter()
            .enumerate()
            .filter_map(|(ci, n)| u.var_map.get(n).map(|&li| (ci as u32, li)))
            .collect();
        // Where each free var comes from in the enclosing unit.
        let closure_from = match self.units.last() {
            Some(parent) => u
                .freevars
                .iter()
                .map(|n| {
                    if let Some(i) = parent.cellvars.iter().position(|c| c == n) {
                        i as u32
                    } else {
                        let j = parent.freevars.iter().position(|c| c == n).unwrap_or(0);
                        (parent.cellvars.len() + j) as u32
                    }
                })
                .collect(),
            None => Vec::new(),
        };
        let global_cache = (0..u.names.len()).map(|_| Cell::new(u32::MAX)).collect();
        let builtin_cache = (0..u.names.len()).map(|_| Cell::new(u32::MAX)).collect();
        let attr_hints = (0..u.names.len()).map(|_| Cell::new(0)).collect();
        Rc::new(Code {
            name: u.name,
            qualname: u.qualname,
            kind: u.kind,
            ops: u.ops,
            spans: u.spans,
            consts: u.consts,
            codes: u.codes,
            names: u.names,
            varnames: u.varnames,
            cellvars: u.cellvars,
            freevars: u.freevars,
            closure_from,
            cell_params,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            varargs: u.varargs,
            varkeywords: u.varkeywords,
            uncharged: &*self.filename == code::UNCHARGED_FILE,
            filename: self.filename.clone(),
            source: self.source.clone(),
            firstlineno: u.firstlineno,
            doc: u.doc,
            global_cache,
            builtin_cache,
            attr_hints,
            runtime_consts: OnceCell::new(),
        })
    }

    fn set_span(&mut self, s: Span) {
        self.u().span = s;
    }

    fn emit(&mut self, op: Op) -> usize {
        let u = self.u();
        u.ops.push(op);
        let sp = u.span;
        u.spans.push(sp);
        u.ops.len() - 1
    }

    fn here(&self) -> usize {
        self.ur().ops.len()
    }

    /// Point the jump at `at` to `target`.
    fn patch(&mut self, at: usize, target: usize) {
        let t = target as u32;
        let op = &mut self.u().ops[at];
        *op = match *op {
            Op::Jump(_) => Op::Jump(t),
            Op::PopJumpIfFalse(_) => Op::PopJumpIfFalse(t),
            Op::PopJumpIfTrue(_) => Op::PopJumpIfTrue(t),
            Op::JumpIfFalseOrPop(_) => Op::JumpIfFalseOrPop(t),
            Op::JumpIfTrueOrPop(_) => Op::JumpIfTrueOrPop(t),
            Op::ForIter(_) => Op::ForIter(t),
            Op::SetupFinally(_) => Op::SetupFinally(t),
            Op::SetupWith(_) => Op::SetupWith(t),
            other => other,
        };
    }
    fn patch_here(&mut self, at: usize) {
        let h = self.here();
        self.patch(at, h);
    }

    fn const_index(&mut self, v: Const) -> u32 {
        let key = match &v {
            Const::None => ConstKey::None,
            Const::Bool(b) => ConstKey::Bool(*b),
            Const::Int(i) => ConstKey::Int(*i),
            Const::Float(f) => ConstKey::Float(f.to_bits()),
            Const::Str(s) => ConstKey::Str(s.clone()),
            _ => ConstKey::Other(self.ur().consts.len()),
        };
        if let Some(&i) = self.ur().const_map.get(&key) {
            return i;
        }
        let u = self.u();
        let i = u.consts.len() as u32;
        u.consts.push(v);
        u.const_map.insert(key, i);
        i
    }
    fn load_const(&mut self, v: Const) {
        let i = self.const_index(v);
        self.emit(Op::LoadConst(i));
    }
    fn name_index(&mut self, n: &str) -> u32 {
        let n = self.interner.intern(n);
        if let Some(&i) = self.ur().name_map.get(&n) {
            return i;
        }
        let u = self.u();
        let i = u.names.len() as u32;
        u.names.push(n.clone());
        u.name_map.insert(n, i);
        i
    }
    fn var_index(&mut self, n: &Name) -> u32 {
        if let Some(&i) = self.ur().var_map.get(n) {
            return i;
        }
        let n = self.interner.intern(n);
        let u = self.u();
        let i = u.varnames.len() as u32;
        u.varnames.push(n.clone());
        u.var_map.insert(n, i);
        i
    }
    fn deref_index(&self, n: &str) -> u32 {
        let u = self.ur();
        if let Some(i) = u.cellvars.iter().position(|c| &**c == n) {
            return i as u32;
        }
        let j = u.freevars.iter().position(|c| &**c == n).unwrap_or(0);
        (u.cellvars.len() + j) as u32
    }

    fn scope_kind(&self) -> ScopeKind {
        self.st.scopes[self.ur().scope].kind()
    }

    fn name_kind(&self, n: &str) -> NameKind {
        let sc = &self.st.scopes[self.ur().scope];
        if let Some(k) = sc.names.get(n) {
            if sc.kind() == ScopeKind::Class && *k == NameKind::Free && sc.binds(n) {
                return NameKind::ClassName;
            }
            return *k;
        }
        match sc.kind() {
            ScopeKind::Class => NameKind::ClassName,
            ScopeKind::Module => NameKind::GlobalImplicit,
            _ => {
                if sc.binds(n) {
                    NameKind::Local
                } else {
                    NameKind::GlobalImplicit
                }
            }
        }
    }

    fn load_name(&mut self, n: &Name) {
        match self.name_kind(n) {
            NameKind::Local => {
                let i = self.var_index(n);
                self.emit(Op::LoadFast(i));
            }
            NameKind::Cell | NameKind::Free => {
                let i = self.deref_index(n);
                if self.scope_kind() == ScopeKind::Class {
                    self.emit(Op::LoadClassDeref(i));
                } else {
                    self.emit(Op::LoadDeref(i));
                }
            }
            NameKind::GlobalExplicit | NameKind::GlobalImplicit => {
                let i = self.name_index(n);
                self.emit(Op::LoadGlobal(i));
            }
            NameKind::ClassName => {
                let i = self.name_index(n);
                self.emit(Op::LoadName(i));
            }
        }
    }

    fn store_name(&mut self, n: &Name) -> CResult {
        match self.name_kind(n) {
            NameKind::Local => {
                let i = self.var_index(n);
                self.emit(Op::StoreFast(i));
            }
            NameKind::Cell | NameKind::Free => {
                if self.scope_kind() == ScopeKind::Class {
                    let i = self.name_index(n);
                    self.emit(Op::StoreName(i));
                } else {
                    let i = self.deref_index(n);
                    self.emit(Op::StoreDeref(i));
                }
            }
            NameKind::GlobalExplicit | NameKind::GlobalImplicit => {
                let i = self.name_index(n);
                self.emit(Op::StoreGlobal(i));
            }
            NameKind::ClassName => {
                let i = self.name_index(n);
                self.emit(Op::StoreName(i));
            }
        }
        Ok(())
    }

    fn delete_name(&mut self, n: &Name) -> CResult {
        match self.name_kind(n) {
            NameKind::Local => {
                let i = self.var_index(n);
                self.emit(Op::DeleteFast(i));
            }
            NameKind::Cell | NameKind::Free => {
                let i = self.deref_index(n);
                self.emit(Op::DeleteDeref(i));
            }
            NameKind::GlobalExplicit | NameKind::GlobalImplicit => {
                let i = self.name_index(n);
                self.emit(Op::DeleteGlobal(i));
            }
            NameKind::ClassName => {
                let i = self.name_index(n);
                self.emit(Op::DeleteName(i));
            }
        }
        Ok(())
    }

    fn in_function(&self) -> bool {
        matches!(
            self.ur().kind,
            CodeKind::Function
                | CodeKind::Generator
                | CodeKind::Coroutine
                | CodeKind::AsyncGenerator
        )
    }

    // ---------------------------------------------------------------
    // Statements

    fn stmts(&mut self, body: &[Stmt]) -> CResult {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> CResult {
        self.set_span(s.span);
        match &s.kind {
            StmtKind::Expr(e) => {
                self.expr(e)?;
                self.emit(Op::Pop);
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::Dup);
                    }
                    self.store_target(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign {
                target,
                value,
                annotation,
            } => self.ann_assign(target, value, annotation)?,
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete_target(t)?;
                }
            }
            StmtKind::Pass => {
                self.emit(Op::Nop);
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                let j = self.emit(Op::PopJumpIfFalse(0));
                self.stmts(body)?;
                if orelse.is_empty() {
                    self.patch_here(j);
                } else {
                    let end = self.emit(Op::Jump(0));
                    self.patch_here(j);
                    self.stmts(orelse)?;
                    self.patch_here(end);
                }
            }
            StmtKind::While { test, body, orelse } => self.while_loop(s, test, body, orelse)?,
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => self.for_loop(s, target, iter, body, orelse, *is_async)?,
            StmtKind::Break => self.break_stmt(s)?,
            StmtKind::Continue => self.continue_stmt(s)?,
            StmtKind::Match { subject, cases } => self.match_stmt(s, subject, cases)?,
            StmtKind::Return(v) => self.return_stmt(s, v)?,
            StmtKind::FunctionDef(f) => self.function_def(s, f)?,
            StmtKind::ClassDef(c) => self.class_def(s, c)?,
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_span(s.span);
                self.emit(Op::Raise(n));
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => {
                if finalbody.is_empty() {
                    self.try_except(s, body, handlers, orelse, *is_star)?;
                } else {
                    self.try_finally(s, body, handlers, orelse, finalbody, *is_star)?;
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                let j = self.emit(Op::PopJumpIfTrue(0));
                self.set_span(s.span);
                self.emit(Op::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.set_span(s.span);
                    self.emit(Op::Call(1));
                }
                self.emit(Op::Raise(1));
                self.patch_here(j);
            }
            StmtKind::Import(names) => self.import(s, names)?,
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.import_from(s, module, names, *level)?,
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                if *is_async
                    && self.ur().kind != CodeKind::Coroutine
                    && self.ur().kind != CodeKind::AsyncGenerator
                {
                    return err("'async with' outside async function", s.span);
                }
                self.with(s, items, body, *is_async)?;
            }
        }
        Ok(())
    }

    /// `from module import names`.
    fn import_from(
        &mut self,
        s: &Stmt,
        module: &Option<Name>,
        names: &[Alias],
        level: u32,
    ) -> CResult {
        // A relative import keeps its dots: the VM raises CPython's
        // ImportError for it at run time (a program is never in a package).
        let dots = ".".repeat(level as usize);
        let m: Name = format!("{dots}{}", module.as_deref().unwrap_or("")).into();
        let mi = self.name_index(&m);
        self.emit(Op::ImportName(mi));
        for a in names {
            self.set_span(s.span);
            if &*a.name == "*" {
                if self.scope_kind() != ScopeKind::Module {
                    return err("import * only allowed at module level", s.span);
                }
                self.emit(Op::Dup);
                self.emit(Op::ImportStar);
                continue;
            }
            let ni = self.name_index(&a.name);
            self.emit(Op::ImportFrom(ni));
            let bind = a.asname.clone().unwrap_or_else(|| a.name.clone());
            self.store_name(&bind)?;
        }
        self.emit(Op::Pop);
        Ok(())
    }

    /// `import a.b [as c], …`.
    fn import(&mut self, s: &Stmt, names: &[Alias]) -> CResult {
        for a in names {
            // CPython reports import errors at the whole statement.
            self.set_span(s.span);
            let i = self.name_index(&a.name);
            self.emit(Op::ImportName(i));
            match &a.asname {
                Some(asname) => {
                    // `import a.b as c` binds the submodule, which is what
                    // ImportName of a dotted name gives.
                    self.store_name(asname)?;
                }
                None => {
                    let first: Name = self.interner.intern(a.name.split('.').next().unwrap_or(""));
                    if a.name.contains('.') {
                        // Bind the top-level package.
                        self.emit(Op::Pop);
                        let fi = self.name_index(&first);
                        self.emit(Op::ImportName(fi));
                    }
                    self.store_name(&first)?;
                }
            }
        }
        Ok(())
    }

    /// `return [value]`.
    fn return_stmt(&mut self, s: &Stmt, v: &Option<Expr>) -> CResult {
        if !self.in_function() {
            return err("'return' outside function", s.span);
        }
        if v.is_some() && self.ur().kind == CodeKind::AsyncGenerator {
            return err("'return' with value in async generator", s.span);
        }
        match v {
            Some(v) => self.expr(v)?,
            None => self.load_const(Const::None),
        }
        self.unwind_fblocks(0, true)?;
        self.set_span(s.span);
        self.emit(Op::ReturnValue);
        Ok(())
    }

    /// The index of the innermost loop's block, if inside a loop.
    fn innermost_loop(&self) -> Option<usize> {
        self.ur()
            .fblocks
            .iter()
            .rposition(|f| matches!(f, FBlock::Loop { .. }))
    }

    /// `continue`: back to the innermost loop's test (through any `finally`).
    fn continue_stmt(&mut self, s: &Stmt) -> CResult {
        let Some(pos) = self.innermost_loop() else {
            return err("'continue' not properly in loop", s.span);
        };
        self.unwind_fblocks(pos + 1, false)?;
        if let FBlock::Loop {
            continue_target, ..
        } = self.ur().fblocks[pos]
        {
            self.emit(Op::Jump(continue_target as u32));
        }
        Ok(())
    }

    /// `break`: leaves the innermost loop (through any `finally`).
    fn break_stmt(&mut self, s: &Stmt) -> CResult {
        let Some(pos) = self.innermost_loop() else {
            return err("'break' outside loop", s.span);
        };
        self.unwind_fblocks(pos + 1, false)?;
        let has_iter = matches!(self.ur().fblocks[pos], FBlock::Loop { has_iter: true, .. });
        if has_iter {
            self.emit(Op::Pop);
        }
        let j = self.emit(Op::Jump(0));
        if let FBlock::Loop { breaks, .. } = &mut self.u().fblocks[pos] {
            breaks.push(j);
        }
        Ok(())
    }

    /// `for` and `async for` loops.
    fn for_loop(
        &mut self,
        s: &Stmt,
        target: &Expr,
        iter: &Expr,
        body: &[Stmt],
        orelse: &[Stmt],
        is_async: bool,
    ) -> CResult {
        if is_async {
            self.async_for(s, target, iter, body, orelse)?;
        } else {
            self.expr(iter)?;
            self.set_span(s.span);
            self.emit(Op::GetIter);
            let start = self.here();
            let fi = self.emit(Op::ForIter(0));
            self.store_target(target)?;
            self.loop_rest(s, start, fi, true, body, orelse)?;
        }
        Ok(())
    }

    /// The rest of a loop whose head starts at `start` and leaves the loop
    /// at instruction `exit`: the body inside a loop block (where `break`
    /// and `continue` find their targets; `has_iter` when an iterator sits
    /// on the stack), the jump back, then `else`, then the `break`s' landing.
    fn loop_rest(
        &mut self,
        s: &Stmt,
        start: usize,
        exit: usize,
        has_iter: bool,
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> CResult {
        self.u().fblocks.push(FBlock::Loop {
            continue_target: start,
            breaks: Vec::new(),
            has_iter,
        });
        self.stmts(body)?;
        self.set_span(s.span);
        self.emit(Op::Jump(start as u32));
        let fb = self.u().fblocks.pop();
        self.patch_here(exit);
        self.stmts(orelse)?;
        if let Some(FBlock::Loop { breaks, .. }) = fb {
            for b in breaks {
                self.patch_here(b);
            }
        }
        Ok(())
    }

    /// `while test: body else: orelse`.
    fn while_loop(&mut self, s: &Stmt, test: &Expr, body: &[Stmt], orelse: &[Stmt]) -> CResult {
        let start = self.here();
        self.expr(test)?;
        let exit = self.emit(Op::PopJumpIfFalse(0));
        self.loop_rest(s, start, exit, false, body, orelse)
    }

    /// `x: T` and `x: T = v`.
    fn ann_assign(&mut self, target: &Expr, value: &Option<Expr>, annotation: &Expr) -> CResult {
        if let Some(v) = value {
            self.expr(v)?;
            self.store_target(target)?;
        }
        // Class and module bodies record `name: annotation` in
        // `__annotations__` (dataclasses read it).
        if let ExprKind::Name(n) = &target.kind {
            if matches!(self.ur().kind, CodeKind::Class | CodeKind::Module) {
                self.annotate(n, annotation)?;
            }
        }
        if value.is_some() {
        } else {
            match &target.kind {
                ExprKind::Name(_) => {}
                ExprKind::Attribute { value, .. } => {
                    self.expr(value)?;
                    self.emit(Op::Pop);
                }
                ExprKind::Subscript { value, slice } => {
                    self.expr(value)?;
                    self.emit(Op::Pop);
                    self.expr(slice)?;
                    self.emit(Op::Pop);
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Emit the cleanup of frame blocks above `down_to` (for break/continue/
    /// return). With `preserve_tos`, the value on top (return value) is kept.
    fn unwind_fblocks(&mut self, down_to: usize, preserve_tos: bool) -> CResult {
        let saved = self.ur().fblocks.clone();
        let mut i = saved.len();
        while i > down_to {
            i -= 1;
            let fb = saved[i].clone();
            match fb {
                FBlock::Loop { has_iter, .. } => {
                    if has_iter && preserve_tos {
                        self.emit(Op::Swap(2));
                        self.emit(Op::Pop);
                    }
                }
                FBlock::TryExcept => {
                    self.emit(Op::PopBlock);
                }
                FBlock::Finally(body) => {
                    self.emit(Op::PopBlock);
                    // Compile the finally body with the blocks below it only.
                    let all = std::mem::replace(&mut self.u().fblocks, saved[..i].to_vec());
                    let r = self.stmts(&body);
                    self.u().fblocks = all;
                    r?;
                }
                FBlock::HandlerCleanup(name) => {
                    self.emit(Op::PopExcept);
                    if let Some(n) = name {
                        self.load_const(Const::None);
                        self.store_name(&n)?;
                        self.delete_name(&n)?;
                    }
                }
                FBlock::FinallyHandler => {
                    // Drop the in-flight exception.
                    if preserve_tos {
                        self.emit(Op::Swap(2));
                    }
                    self.emit(Op::Pop);
                    self.emit(Op::PopExcept);
                }
                FBlock::StarHandler => {
                    // Stack: orig, raised_list, rest (+ handler cleanup).
                    self.emit(Op::PopBlock);
                    for _ in 0..3 {
                        if preserve_tos {
                            self.emit(Op::Swap(2));
                        }
                        self.emit(Op::Pop);
                    }
                    self.emit(Op::PopExcept);
                }
                FBlock::With { is_async } => {
                    self.emit(Op::PopBlock);
                    if preserve_tos {
                        self.emit(Op::Swap(2));
                    }
                    // exit(None, None, None)
                    self.load_const(Const::None);
                    self.emit(Op::Dup);
                    self.emit(Op::Dup);
                    self.emit(Op::Call(3));
                    if is_async {
                        self.await_tos();
                    }
                    self.emit(Op::Pop);
                }
            }
        }
        Ok(())
    }

    fn await_tos(&mut self) {
        self.emit(Op::GetAwaitable);
        self.load_const(Const::None);
        self.emit(Op::YieldFrom);
    }

    fn try_except(
        &mut self,
        s: &Stmt,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
        is_star: bool,
    ) -> CResult {
        let setup = self.emit(Op::SetupFinally(0));
        self.u().fblocks.push(FBlock::TryExcept);
        self.stmts(body)?;
        self.u().fblocks.pop();
        self.emit(Op::PopBlock);
        self.stmts(orelse)?;
        let end = self.emit(Op::Jump(0));
        self.patch_here(setup);
        // Stack: [exc]; a handler-cleanup block is active.
        if is_star {
            self.star_handlers(s, handlers)?;
        } else {
            let mut ends = vec![end];
            for (k, h) in handlers.iter().enumerate() {
                self.set_span(h.span);
                let mut next = None;
                match &h.typ {
                    Some(t) => {
                        self.expr(t)?;
                        self.set_span(h.span);
                        self.emit(Op::CheckExcMatch);
                        next = Some(self.emit(Op::PopJumpIfFalse(0)));
                    }
                    None => {
                        if k + 1 != handlers.len() {
                            return err("default 'except:' must be last", h.span);
                        }
                    }
                }
                match &h.name {
                    Some(n) => self.store_name(n)?,
                    None => {
                        self.emit(Op::Pop);
                    }
                }
                self.u()
                    .fblocks
                    .push(FBlock::HandlerCleanup(h.name.clone()));
                self.stmts(&h.body)?;
                self.u().fblocks.pop();
                self.emit(Op::PopExcept);
                if let Some(n) = &h.name {
                    self.load_const(Const::None);
                    self.store_name(n)?;
                    self.delete_name(n)?;
                }
                ends.push(self.emit(Op::Jump(0)));
                if let Some(nx) = next {
                    self.patch_here(nx);
                }
            }
            self.emit(Op::Reraise);
            for e in ends {
                self.patch_here(e);
            }
            return Ok(());
        }
        self.patch_here(end);
        Ok(())
    }

    fn star_handlers(&mut self, _s: &Stmt, handlers: &[ExceptHandler]) -> CResult {
        // [orig] -> [orig, raised_list, rest]
        self.emit(Op::BuildList(0));
        self.emit(Op::Copy(2));
        for h in handlers {
            self.set_span(h.span);
            let Some(t) = &h.typ else {
                return err("expected one or more exception types", h.span);
            };
            self.expr(t)?;
            self.set_span(h.span);
            self.emit(Op::CheckEgMatch);
            // [orig, list, rest, match]
            self.emit(Op::Dup);
            self.load_const(Const::None);
            self.emit(Op::Is(false));
            let no_match = self.emit(Op::PopJumpIfTrue(0));
            match &h.name {
                Some(n) => self.store_name(n)?,
                None => {
                    self.emit(Op::Pop);
                }
            }
            let setup = self.emit(Op::SetupFinally(0));
            self.u().fblocks.push(FBlock::StarHandler);
            self.stmts(&h.body)?;
            self.u().fblocks.pop();
            self.emit(Op::PopBlock);
            let done = self.emit(Op::Jump(0));
            self.patch_here(setup);
            // [orig, list, rest, exc2] -> append exc2 to list
            self.emit(Op::ListAppend(2));
            self.emit(Op::PopExcept);
            let done2 = self.emit(Op::Jump(0));
            self.patch_here(no_match);
            self.emit(Op::Pop);
            let nx = self.here();
            self.patch(done, nx);
            self.patch(done2, nx);
        }
        self.emit(Op::PrepReraiseStar);
        self.emit(Op::Dup);
        self.load_const(Const::None);
        self.emit(Op::Is(false));
        let j = self.emit(Op::PopJumpIfTrue(0));
        self.emit(Op::Reraise);
        self.patch_here(j);
        self.emit(Op::Pop);
        self.emit(Op::PopExcept);
        Ok(())
    }

    fn try_finally(
        &mut self,
        s: &Stmt,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
        is_star: bool,
    ) -> CResult {
        let setup = self.emit(Op::SetupFinally(0));
        let fin = Rc::new(finalbody.to_vec());
        self.u().fblocks.push(FBlock::Finally(fin));
        if handlers.is_empty() {
            self.stmts(body)?;
        } else {
            self.try_except(s, body, handlers, orelse, is_star)?;
        }
        self.u().fblocks.pop();
        self.emit(Op::PopBlock);
        self.stmts(finalbody)?;
        let end = self.emit(Op::Jump(0));
        self.patch_here(setup);
        self.u().fblocks.push(FBlock::FinallyHandler);
        self.stmts(finalbody)?;
        self.u().fblocks.pop();
        self.emit(Op::Reraise);
        self.patch_here(end);
        Ok(())
    }

    fn with(&mut self, s: &Stmt, items: &[WithItem], body: &[Stmt], is_async: bool) -> CResult {
        let Some((first, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        self.expr(&first.context_expr)?;
        self.set_span(s.span);
        self.emit(Op::BeforeWith(is_async));
        self.emit(Op::Call(0));
        if is_async {
            self.await_tos();
        }
        let setup = self.emit(Op::SetupWith(0));
        match &first.optional_vars {
            Some(t) => self.store_target(t)?,
            None => {
                self.emit(Op::Pop);
            }
        }
        self.u().fblocks.push(FBlock::With { is_async });
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.with(s, rest, body, is_async)?;
        }
        self.u().fblocks.pop();
        self.set_span(s.span);
        self.emit(Op::PopBlock);
        self.load_const(Const::None);
        self.emit(Op::Dup);
        self.emit(Op::Dup);
        self.emit(Op::Call(3));
        if is_async {
            self.await_tos();
        }
        self.emit(Op::Pop);
        let end = self.emit(Op::Jump(0));
        // Exceptional path: [exit, exc]
        self.patch_here(setup);
        self.emit(Op::Copy(2));
        self.emit(Op::Copy(2));
        self.emit(Op::ExcTriple);
        self.emit(Op::Call(3));
        if is_async {
            self.await_tos();
        }
        let suppress = self.emit(Op::PopJumpIfTrue(0));
        self.emit(Op::Reraise);
        self.patch_here(suppress);
        self.emit(Op::Pop);
        self.emit(Op::PopExcept);
        self.emit(Op::Pop);
        self.patch_here(end);
        Ok(())
    }

    fn async_for(
        &mut self,
        s: &Stmt,
        target: &Expr,
        iter: &Expr,
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> CResult {
        if self.ur().kind != CodeKind::Coroutine && self.ur().kind != CodeKind::AsyncGenerator {
            return err("'async for' outside async function", s.span);
        }
        self.expr(iter)?;
        self.set_span(s.span);
        self.emit(Op::GetAIter);
        let start = self.here();
        let setup = self.emit(Op::SetupFinally(0));
        self.emit(Op::GetANext);
        self.load_const(Const::None);
        self.emit(Op::YieldFrom);
        self.emit(Op::PopBlock);
        self.store_target(target)?;
        self.u().fblocks.push(FBlock::Loop {
            continue_target: start,
            breaks: Vec::new(),
            has_iter: true,
        });
        self.stmts(body)?;
        self.set_span(s.span);
        self.emit(Op::Jump(start as u32));
        let fb = self.u().fblocks.pop();
        self.patch_here(setup);
        self.emit(Op::EndAsyncFor);
        self.stmts(orelse)?;
        if let Some(FBlock::Loop { breaks, .. }) = fb {
            for b in breaks {
                self.patch_here(b);
            }
        }
        Ok(())
    }

    /// `__annotations__[name] = annotation` (a string under
    /// `from __future__ import annotations`).
    fn annotate(&mut self, name: &Name, annotation: &Expr) -> CResult {
        self.annotation_value(annotation)?;
        let ai = self.name_index("__annotations__");
        if self.ur().kind == CodeKind::Class {
            self.emit(Op::LoadName(ai));
        } else {
            self.emit(Op::LoadGlobal(ai));
        }
        let n = self.interner.intern(name);
        self.load_const(Const::Str(n));
        self.emit(Op::StoreSubscr);
        Ok(())
    }

    /// Create an empty `__annotations__` if the body annotates names.
    fn setup_annotations(&mut self, body: &[Stmt]) {
        let any = body.iter().any(|s| {
            matches!(&s.kind, StmtKind::AnnAssign { target, .. } if matches!(target.kind, ExprKind::Name(_)))
        });
        if any {
            self.emit(Op::BuildMap(0));
            let ai = self.name_index("__annotations__");
            if self.ur().kind == CodeKind::Class {
                self.emit(Op::StoreName(ai));
            } else {
                self.emit(Op::StoreGlobal(ai));
            }
        }
    }

    fn aug_assign(&mut self, target: &Expr, op: BinOp, value: &Expr) -> CResult {
        let code = binop_code(op);
        match &target.kind {
            ExprKind::Name(n) => {
                self.load_name(n);
                self.expr(value)?;
                self.set_span(target.span.to(value.span));
                self.emit(Op::Inplace(code));
                self.store_name(n)?;
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Op::Dup);
                let i = self.name_index(attr);
                self.emit(Op::LoadAttr(i));
                self.expr(value)?;
                self.set_span(target.span.to(value.span));
                self.emit(Op::Inplace(code));
                self.emit(Op::Swap(2));
                self.emit(Op::StoreAttr(i));
            }
            ExprKind::Subscript { value: obj, slice } => {
                self.expr(obj)?;
                self.expr(slice)?;
                self.emit(Op::Copy(2));
                self.emit(Op::Copy(2));
                self.emit(Op::Subscr);
                self.expr(value)?;
                self.set_span(target.span.to(value.span));
                self.emit(Op::Inplace(code));
                // [obj, key, result] -> StoreSubscr wants [value, obj, key]
                self.emit(Op::Rot(3));
                self.emit(Op::StoreSubscr);
            }
            _ => {
                return err(
                    "'expression' is an illegal expression for augmented assignment",
                    target.span,
                )
            }
        }
        Ok(())
    }

    /// Store TOS into an assignment target.
    fn store_target(&mut self, t: &Expr) -> CResult {
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n)?,
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                self.set_span(t.span);
                let i = self.name_index(attr);
                self.emit(Op::StoreAttr(i));
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.set_span(t.span);
                self.emit(Op::StoreSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                self.set_span(t.span);
                let star = items
                    .iter()
                    .position(|e| matches!(e.kind, ExprKind::Starred(_)));
                match star {
                    Some(si) => {
                        if items
                            .iter()
                            .filter(|e| matches!(e.kind, ExprKind::Starred(_)))
                            .count()
                            > 1
                        {
                            return err("multiple starred expressions in assignment", t.span);
                        }
                        self.emit(Op::UnpackEx {
                            before: si as u32,
                            after: (items.len() - si - 1) as u32,
                        });
                    }
                    None => {
                        self.emit(Op::UnpackSequence(items.len() as u32));
                    }
                }
                for it in items {
                    match &it.kind {
                        ExprKind::Starred(inner) => self.store_target(inner)?,
                        _ => self.store_target(it)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return err(
                    "starred assignment target must be in a list or tuple",
                    t.span,
                )
            }
            _ => return err(format!("cannot assign to {}", describe(t)), t.span),
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &Expr) -> CResult {
        self.set_span(t.span);
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(n)?,
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                self.set_span(t.span);
                let i = self.name_index(attr);
                self.emit(Op::DeleteAttr(i));
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.set_span(t.span);
                self.emit(Op::DeleteSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete_target(i)?;
                }
            }
            _ => return err(format!("cannot delete {}", describe(t)), t.span),
        }
        Ok(())
    }

    fn qualname_for(&self, name: &str) -> Name {
        let u = self.ur();
        match u.kind {
            CodeKind::Module => name.into(),
            CodeKind::Class => format!("{}.{}", u.qualname, name).into(),
            _ => format!("{}.<locals>.{}", u.qualname, name).into(),
        }
    }

    /// An annotation's value: the expression, or its source text under
    /// `from __future__ import annotations`.
    fn annotation_value(&mut self, annotation: &Expr) -> CResult {
        if self.future_annotations {
            let text = self
                .source
                .get(annotation.span.start as usize..annotation.span.end as usize)
                .unwrap_or("")
                .to_string();
            let t = self.interner.intern(&text);
            self.load_const(Const::Str(t));
            Ok(())
        } else {
            self.expr(annotation)
        }
    }

    /// Push defaults/kwdefaults (and the annotations dict when any
    /// parameter or the return is annotated) and emit MakeFunction for
    /// `code`.
    fn make_function(
        &mut self,
        args: &Arguments,
        code: Rc<Code>,
        returns: Option<&Expr>,
    ) -> CResult {
        let mut flags = 0u8;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple(args.defaults.len() as u32));
            flags |= 1;
        }
        let kw: Vec<(&Arg, &Expr)> = args
            .kwonlyargs
            .iter()
            .zip(&args.kw_defaults)
            .filter_map(|(a, d)| d.as_ref().map(|d| (a, d)))
            .collect();
        if !kw.is_empty() {
            for (a, d) in &kw {
                let n = self.interner.intern(&a.arg);
                self.load_const(Const::Str(n));
                self.expr(d)?;
            }
            self.emit(Op::BuildMap(kw.len() as u32));
            flags |= 2;
        }
        // CPython's order: positional, then positional-only, then the rest.
        let annotated: Vec<&Arg> = args
            .args
            .iter()
            .chain(&args.posonlyargs)
            .chain(&args.vararg)
            .chain(&args.kwonlyargs)
            .chain(&args.kwarg)
            .filter(|a| a.annotation.is_some())
            .collect();
        if !annotated.is_empty() || returns.is_some() {
            for a in &annotated {
                let n = self.interner.intern(&a.arg);
                self.load_const(Const::Str(n));
                if let Some(e) = &a.annotation {
                    self.annotation_value(e)?;
                }
            }
            if let Some(r) = returns {
                let n = self.interner.intern("return");
                self.load_const(Const::Str(n));
                self.annotation_value(r)?;
            }
            self.emit(Op::BuildMap(
                annotated.len() as u32 + returns.is_some() as u32,
            ));
            flags |= 4;
        }
        let ci = self.u().codes.len() as u32;
        self.u().codes.push(code);
        self.emit(Op::MakeFunction { code: ci, flags });
        Ok(())
    }

    fn function_def(&mut self, s: &Stmt, f: &FunctionDef) -> CResult {
        for d in &f.decorator_list {
            self.expr(d)?;
        }
        self.set_span(s.span);
        let key = symtable::node_key(f);
        let Some(&scope) = self.st.by_node.get(&key) else {
            return err("internal compiler error: missing scope", s.span);
        };
        let sc = &self.st.scopes[scope];
        let kind = match (f.is_async, sc.is_generator) {
            (false, false) => CodeKind::Function,
            (false, true) => CodeKind::Generator,
            (true, false) => CodeKind::Coroutine,
            (true, true) => CodeKind::AsyncGenerator,
        };
        let qual = self.qualname_for(&f.name);
        let name = self.interner.intern(&f.name);
        self.enter(scope, kind, name, qual, s.span.line);
        self.set_args(&f.args);
        if let Some(d) = docstring(&f.body) {
            let d = self.interner.intern(d);
            self.u().doc = Some(d);
        }
        self.stmts(&f.body)?;
        let end = f.body.last().map(|s| s.span).unwrap_or(s.span);
        self.set_span(end);
        self.load_const(Const::None);
        self.emit(Op::ReturnValue);
        let code = self.leave();
        self.set_span(s.span);
        self.make_function(&f.args, code, f.returns.as_ref())?;
        for _ in &f.decorator_list {
            self.emit(Op::Call(1));
        }
        self.store_name(&f.name)?;
        Ok(())
    }

    fn set_args(&mut self, a: &Arguments) {
        let u = self.u();
        u.posonlyargcount = a.posonlyargs.len() as u32;
        u.argcount = (a.posonlyargs.len() + a.args.len()) as u32;
        u.kwonlyargcount = a.kwonlyargs.len() as u32;
        u.varargs = a.vararg.is_some();
        u.varkeywords = a.kwarg.is_some();
        // Slot order must be: positional, kw-only, *args, **kwargs.
        let mut order: Vec<Name> = Vec::new();
        for x in a.posonlyargs.iter().chain(&a.args).chain(&a.kwonlyargs) {
            order.push(x.arg.clone());
        }
        if let Some(v) = &a.vararg {
            order.push(v.arg.clone());
        }
        if let Some(v) = &a.kwarg {
            order.push(v.arg.clone());
        }
        u.varnames = order.clone();
        u.var_map = order
            .into_iter()
            .enumerate()
            .map(|(i, n)| (n, i as u32))
            .collect();
    }

    fn class_def(&mut self, s: &Stmt, c: &ClassDef) -> CResult {
        for d in &c.decorator_list {
            self.expr(d)?;
        }
        self.set_span(s.span);
        let key = symtable::node_key(c);
        let Some(&scope) = self.st.by_node.get(&key) else {
            return err("internal compiler error: missing scope", s.span);
        };
        let qual = self.qualname_for(&c.name);
        let name = self.interner.intern(&c.name);
        self.enter(scope, CodeKind::Class, name.clone(), qual, s.span.line);
        if let Some(d) = docstring(&c.body) {
            let d = self.interner.intern(d);
            self.load_const(Const::Str(d));
            let di = self.name_index("__doc__");
            self.emit(Op::StoreName(di));
        }
        self.setup_annotations(&c.body);
        self.stmts(&c.body)?;
        self.set_span(s.span);
        self.emit(Op::LoadLocals);
        self.emit(Op::ReturnValue);
        let code = self.leave();
        self.set_span(s.span);
        let ci = self.u().codes.len() as u32;
        self.u().codes.push(code);
        self.emit(Op::MakeFunction { code: ci, flags: 0 });
        self.load_const(Const::Str(name));
        for b in &c.bases {
            self.expr(b)?;
        }
        self.emit(Op::BuildTuple(c.bases.len() as u32));
        for k in &c.keywords {
            match &k.arg {
                Some(n) => {
                    let n = self.interner.intern(n);
                    self.load_const(Const::Str(n));
                    self.expr(&k.value)?;
                }
                None => return err("class keyword ** unpacking is not supported", k.span),
            }
        }
        self.emit(Op::BuildMap(c.keywords.len() as u32));
        self.set_span(s.span);
        self.emit(Op::BuildClass);
        for _ in &c.decorator_list {
            self.emit(Op::Call(1));
        }
        self.store_name(&c.name)?;
        Ok(())
    }

    // ---------------------------------------------------------------
    // Expressions

    fn expr(&mut self, e: &Expr) -> CResult {
        self.set_span(e.span);
        match &e.kind {
            ExprKind::Constant(c) => {
                let c = match c {
                    Constant::None => Const::None,
                    Constant::Bool(b) => Const::Bool(*b),
                    Constant::Int(i) => Const::Int(*i),
                    Constant::BigInt(i) => Const::BigInt(i.clone()),
                    Constant::Float(f) => Const::Float(*f),
                    Constant::Str(s) => Const::Str(self.interner.intern(s)),
                    Constant::Bytes(b) => Const::Bytes(Rc::from(b.as_slice())),
                    Constant::Ellipsis => Const::Ellipsis,
                };
                self.load_const(c);
            }
            ExprKind::Name(n) => self.load_name(n),
            ExprKind::BoolOp { op, values } => self.bool_op(op, values)?,
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Op::Dup);
                self.store_name(target)?;
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.set_span(e.span);
                self.emit(Op::Binary(binop_code(*op)));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.set_span(e.span);
                self.emit(match op {
                    UnaryOp::Not => Op::UnaryNot,
                    UnaryOp::USub => Op::UnaryNeg,
                    UnaryOp::UAdd => Op::UnaryPos,
                    UnaryOp::Invert => Op::UnaryInvert,
                });
            }
            ExprKind::Lambda { args, body } => self.lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                let j = self.emit(Op::PopJumpIfFalse(0));
                self.expr(body)?;
                let end = self.emit(Op::Jump(0));
                self.patch_here(j);
                self.expr(orelse)?;
                self.patch_here(end);
            }
            ExprKind::Dict { keys, values } => self.dict_display(keys, values)?,
            ExprKind::List(items) => self.sequence(items, 0, e.span)?,
            ExprKind::Tuple(items) => self.sequence(items, 1, e.span)?,
            ExprKind::Set(items) => self.sequence(items, 2, e.span)?,
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "<listcomp>", generators, &[elt], 0)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "<setcomp>", generators, &[elt], 2)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, "<dictcomp>", generators, &[key, value], 3)?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "<genexpr>", generators, &[elt], 1)?
            }
            ExprKind::Await(v) => {
                let k = self.ur().kind;
                let sc_async = self.st.scopes[self.ur().scope].kind() == ScopeKind::Comprehension;
                if k != CodeKind::Coroutine && k != CodeKind::AsyncGenerator && !sc_async {
                    return err("'await' outside async function", e.span);
                }
                self.expr(v)?;
                self.set_span(e.span);
                self.await_tos();
            }
            ExprKind::Yield(v) => {
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Const::None),
                }
                self.set_span(e.span);
                self.emit(Op::YieldValue);
            }
            ExprKind::YieldFrom(v) => {
                self.expr(v)?;
                self.set_span(e.span);
                self.emit(Op::GetYieldFromIter);
                self.load_const(Const::None);
                self.emit(Op::YieldFrom);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(e, left, ops, comparators)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(e, func, args, keywords)?,
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => self.formatted_value(e, value, conversion, format_spec)?,
            ExprKind::JoinedStr(parts) => {
                for p in parts {
                    self.expr(p)?;
                }
                self.set_span(e.span);
                if parts.len() != 1 || !matches!(parts[0].kind, ExprKind::Constant(_)) {
                    self.emit(Op::BuildString(parts.len() as u32));
                }
            }
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                self.set_span(e.span);
                let i = self.name_index(attr);
                self.emit(Op::LoadAttr(i));
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.set_span(e.span);
                self.emit(Op::Subscr);
            }
            ExprKind::Starred(_) => return err("can't use starred expression here", e.span),
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper] {
                    match x {
                        Some(x) => self.expr(x)?,
                        None => self.load_const(Const::None),
                    }
                }
                match step {
                    Some(x) => {
                        self.expr(x)?;
                        self.emit(Op::BuildSlice(3));
                    }
                    None => {
                        self.emit(Op::BuildSlice(2));
                    }
                }
            }
        }
        Ok(())
    }

    /// One `{value!r:spec}` field of an f-string.
    fn formatted_value(
        &mut self,
        e: &Expr,
        value: &Expr,
        conversion: &Option<char>,
        format_spec: &Option<Box<Expr>>,
    ) -> CResult {
        self.expr(value)?;
        let mut flags = match conversion {
            None => 0,
            Some('s') => 1,
            Some('r') => 2,
            Some('a') => 3,
            Some(_) => 0,
        };
        if let Some(spec) = format_spec {
            self.expr(spec)?;
            flags |= 8;
        }
        self.set_span(e.span);
        self.emit(Op::FormatValue(flags));
        Ok(())
    }

    /// A comparison, chained ones with short-circuit jumps.
    fn compare(&mut self, e: &Expr, left: &Expr, ops: &[CmpOp], comparators: &[Expr]) -> CResult {
        self.expr(left)?;
        if ops.len() == 1 {
            self.expr(&comparators[0])?;
            self.set_span(e.span);
            self.cmp_op(ops[0]);
        } else {
            let mut cleanups = Vec::new();
            for (i, (op, c)) in ops.iter().zip(comparators).enumerate() {
                self.expr(c)?;
                self.set_span(e.span);
                if i + 1 < ops.len() {
                    self.emit(Op::Swap(2));
                    self.emit(Op::Copy(2));
                    self.cmp_op(*op);
                    cleanups.push(self.emit(Op::JumpIfFalseOrPop(0)));
                } else {
                    self.cmp_op(*op);
                }
            }
            let end = self.emit(Op::Jump(0));
            for c in cleanups {
                self.patch_here(c);
            }
            self.emit(Op::Swap(2));
            self.emit(Op::Pop);
            self.patch_here(end);
        }
        Ok(())
    }

    /// A dict display, with `**` unpacking.
    fn dict_display(&mut self, keys: &[Option<Expr>], values: &[Expr]) -> CResult {
        let mut pending = 0u32;
        let mut built = false;
        for (k, v) in keys.iter().zip(values) {
            match k {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    pending += 1;
                }
                None => {
                    if !built || pending > 0 {
                        self.emit(Op::BuildMap(pending));
                        if built {
                            self.emit(Op::DictUpdate(1));
                        }
                        built = true;
                        pending = 0;
                    }
                    self.expr(v)?;
                    self.emit(Op::DictUpdate(1));
                }
            }
        }
        if !built || pending > 0 {
            self.emit(Op::BuildMap(pending));
            if built {
                self.emit(Op::DictUpdate(1));
            }
        }
        Ok(())
    }

    /// `lambda args: body`.
    fn lambda(&mut self, e: &Expr, args: &Arguments, body: &Expr) -> CResult {
        let key = symtable::node_key(e);
        let Some(&scope) = self.st.by_node.get(&key) else {
            return err("internal compiler error: missing scope", e.span);
        };
        let kind = if self.st.scopes[scope].is_generator {
            CodeKind::Generator
        } else {
            CodeKind::Function
        };
        let qual = self.qualname_for("<lambda>");
        let name = self.interner.intern("<lambda>");
        self.enter(scope, kind, name, qual, e.span.line);
        self.set_args(args);
        self.expr(body)?;
        self.emit(Op::ReturnValue);
        let code = self.leave();
        self.set_span(e.span);
        self.make_function(args, code, None)?;
        Ok(())
    }

    /// `a and b`, `a or b`: short-circuit jumps.
    fn bool_op(&mut self, op: &BoolOp, values: &[Expr]) -> CResult {
        let mut jumps = Vec::new();
        for (i, v) in values.iter().enumerate() {
            self.expr(v)?;
            if i + 1 < values.len() {
                let j = match op {
                    BoolOp::And => self.emit(Op::JumpIfFalseOrPop(0)),
                    BoolOp::Or => self.emit(Op::JumpIfTrueOrPop(0)),
                };
                jumps.push(j);
            }
        }
        for j in jumps {
            self.patch_here(j);
        }
        Ok(())
    }

    fn cmp_op(&mut self, op: CmpOp) {
        match op {
            CmpOp::Is => self.emit(Op::Is(false)),
            CmpOp::IsNot => self.emit(Op::Is(true)),
            CmpOp::In => self.emit(Op::Contains(false)),
            CmpOp::NotIn => self.emit(Op::Contains(true)),
            _ => self.emit(Op::Compare(op as u8)),
        };
    }

    /// List (0), tuple (1) or set (2) display, with `*` unpacking (an
    /// error while unpacking points at the whole display, as CPython's).
    fn sequence(&mut self, items: &[Expr], kind: u8, span: Span) -> CResult {
        let has_star = items.iter().any(|e| matches!(e.kind, ExprKind::Starred(_)));
        if kind == 2 && items.len() >= 3 {
            let consts: Option<Vec<Const>> = items
                .iter()
                .map(|e| match &e.kind {
                    ExprKind::Constant(Constant::Int(i)) => Some(Const::Int(*i)),
                    ExprKind::Constant(Constant::BigInt(i)) => Some(Const::BigInt(i.clone())),
                    ExprKind::Constant(Constant::Str(s)) => {
                        Some(Const::Str(self.interner.intern(s)))
                    }
                    ExprKind::Constant(Constant::Float(f)) => Some(Const::Float(*f)),
                    ExprKind::Constant(Constant::Bool(b)) => Some(Const::Bool(*b)),
                    ExprKind::Constant(Constant::None) => Some(Const::None),
                    _ => None,
                })
                .collect();
            if let Some(consts) = consts {
                let i = self.const_index(Const::tuple(consts));
                self.emit(Op::BuildConstSet(i));
                return Ok(());
            }
        }
        if !has_star {
            for i in items {
                self.expr(i)?;
            }
            let n = items.len() as u32;
            self.emit(match kind {
                0 => Op::BuildList(n),
                1 => Op::BuildTuple(n),
                _ => Op::BuildSet(n),
            });
            return Ok(());
        }
        if kind == 2 {
            self.emit(Op::BuildSet(0));
        } else {
            self.emit(Op::BuildList(0));
        }
        for i in items {
            match &i.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.set_span(span);
                    self.emit(if kind == 2 {
                        Op::SetUpdate(1)
                    } else {
                        Op::ListExtend(1)
                    });
                }
                _ => {
                    self.expr(i)?;
                    self.emit(if kind == 2 {
                        Op::SetAdd(1)
                    } else {
                        Op::ListAppend(1)
                    });
                }
            }
        }
        if kind == 1 {
            self.emit(Op::ListToTuple);
        }
        Ok(())
    }

    fn call(&mut self, e: &Expr, func: &Expr, args: &[Expr], keywords: &[Keyword]) -> CResult {
        let starred = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none());
        // Zero-argument super() -> super(__class__, <first argument>).
        if let ExprKind::Name(n) = &func.kind {
            if &**n == "super" && args.is_empty() && keywords.is_empty() && self.in_function() {
                let u = self.ur();
                let first = u.varnames.first().cloned();
                let has_class = u.freevars.iter().any(|f| &**f == "__class__");
                if let (Some(first), true) = (first, has_class) {
                    if u.argcount > 0 || u.varargs {
                        self.load_name(n);
                        let ci = self.deref_index("__class__");
                        self.emit(Op::LoadDeref(ci));
                        let fi = self.var_index(&first);
                        let is_cell = self.ur().cellvars.contains(&first);
                        if is_cell {
                            let di = self.deref_index(&first);
                            self.emit(Op::LoadDeref(di));
                        } else {
                            self.emit(Op::LoadFast(fi));
                        }
                        self.set_span(e.span);
                        self.emit(Op::Call(2));
                        return Ok(());
                    }
                }
            }
        }
        if !starred {
            if let ExprKind::Attribute { value, attr } = &func.kind {
                self.expr(value)?;
                for a in args {
                    self.expr(a)?;
                }
                let ni = self.name_index(attr);
                if keywords.is_empty() {
                    self.set_span(e.span);
                    self.emit(Op::CallMethod {
                        name: ni,
                        argc: args.len() as u32,
                    });
                } else {
                    self.kw_names(keywords)?;
                    self.set_span(e.span);
                    self.emit(Op::CallMethodKw {
                        name: ni,
                        argc: (args.len() + keywords.len()) as u32,
                    });
                }
                return Ok(());
            }
        }
        self.expr(func)?;
        if !starred {
            for a in args {
                self.expr(a)?;
            }
            self.set_span(e.span);
            if keywords.is_empty() {
                self.emit(Op::Call(args.len() as u32));
            } else {
                self.kw_names(keywords)?;
                self.set_span(e.span);
                self.emit(Op::CallKw((args.len() + keywords.len()) as u32));
            }
            return Ok(());
        }
        // General form: build a tuple and a dict.
        self.emit(Op::BuildList(0));
        for a in args {
            match &a.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    // (An error while unpacking points at the call.)
                    self.set_span(e.span);
                    self.emit(Op::ListExtend(1));
                }
                _ => {
                    self.expr(a)?;
                    self.emit(Op::ListAppend(1));
                }
            }
        }
        self.emit(Op::ListToTuple);
        let has_kw = !keywords.is_empty();
        if has_kw {
            self.emit(Op::BuildMap(0));
            for k in keywords {
                match &k.arg {
                    Some(n) => {
                        let n = self.interner.intern(n);
                        self.load_const(Const::Str(n));
                        self.expr(&k.value)?;
                        self.emit(Op::BuildMap(1));
                        self.emit(Op::DictMerge(1));
                    }
                    None => {
                        self.expr(&k.value)?;
                        self.emit(Op::DictMerge(1));
                    }
                }
            }
        }
        self.set_span(e.span);
        self.emit(Op::CallEx(has_kw));
        Ok(())
    }

    /// Push keyword values then the tuple of their names.
    fn kw_names(&mut self, keywords: &[Keyword]) -> CResult {
        let mut names = Vec::new();
        for k in keywords {
            let Some(n) = &k.arg else {
                return err("internal: ** in simple call", k.span);
            };
            if names
                .iter()
                .any(|x: &Const| matches!(x, Const::Str(s) if **s == **n))
            {
                return err(format!("keyword argument repeated: {n}"), k.span);
            }
            self.expr(&k.value)?;
            names.push(Const::Str(self.interner.intern(n)));
        }
        self.load_const(Const::tuple(names));
        Ok(())
    }

    /// Comprehensions: kind 0 list, 1 generator, 2 set, 3 dict.
    fn comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        gens: &[Comprehension],
        elts: &[&Expr],
        kind: u8,
    ) -> CResult {
        let key = symtable::node_key(e);
        let Some(&scope) = self.st.by_node.get(&key) else {
            return err("internal compiler error: missing scope", e.span);
        };
        let is_async = self.st.scopes[scope].has_await;
        let code_kind = match (kind, is_async) {
            (1, false) => CodeKind::Generator,
            (1, true) => CodeKind::AsyncGenerator,
            (_, true) => CodeKind::Coroutine,
            _ => CodeKind::Function,
        };
        if is_async && kind != 1 {
            let k = self.ur().kind;
            let outer_comp = self.st.scopes[self.ur().scope].kind() == ScopeKind::Comprehension;
            if k != CodeKind::Coroutine && k != CodeKind::AsyncGenerator && !outer_comp {
                return err(
                    "asynchronous comprehension outside of an asynchronous function",
                    e.span,
                );
            }
        }
        let Some(first) = gens.first() else {
            return err("comprehension without generators", e.span);
        };
        let qual = self.qualname_for(name);
        let iname = self.interner.intern(name);
        self.enter(scope, code_kind, iname, qual, e.span.line);
        {
            let u = self.u();
            u.argcount = 1;
        }
        match kind {
            0 => {
                self.emit(Op::BuildList(0));
            }
            2 => {
                self.emit(Op::BuildSet(0));
            }
            3 => {
                self.emit(Op::BuildMap(0));
            }
            _ => {}
        }
        self.comp_loop(gens, 0, elts, kind)?;
        if kind == 1 {
            self.load_const(Const::None);
        }
        self.emit(Op::ReturnValue);
        let code = self.leave();
        self.set_span(e.span);
        let ci = self.u().codes.len() as u32;
        self.u().codes.push(code);
        self.emit(Op::MakeFunction { code: ci, flags: 0 });
        self.expr(&first.iter)?;
        self.set_span(e.span);
        self.emit(if first.is_async {
            Op::GetAIter
        } else {
            Op::GetIter
        });
        self.emit(Op::Call(1));
        if is_async && kind != 1 {
            self.await_tos();
        }
        Ok(())
    }

    fn comp_loop(&mut self, gens: &[Comprehension], i: usize, elts: &[&Expr], kind: u8) -> CResult {
        let g = &gens[i];
        if i == 0 {
            let z = self.var_index(&".0".into());
            self.emit(Op::LoadFast(z));
        } else {
            self.expr(&g.iter)?;
            self.emit(if g.is_async {
                Op::GetAIter
            } else {
                Op::GetIter
            });
        }
        let start = self.here();
        let (exit, setup) = if g.is_async {
            let setup = self.emit(Op::SetupFinally(0));
            self.emit(Op::GetANext);
            self.load_const(Const::None);
            self.emit(Op::YieldFrom);
            self.emit(Op::PopBlock);
            (None, Some(setup))
        } else {
            (Some(self.emit(Op::ForIter(0))), None)
        };
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.expr(cond)?;
            self.emit(Op::PopJumpIfFalse(start as u32));
        }
        if i + 1 < gens.len() {
            self.comp_loop(gens, i + 1, elts, kind)?;
        } else {
            let depth = (gens.len() + 1) as u32;
            match kind {
                0 => {
                    self.expr(elts[0])?;
                    self.emit(Op::ListAppend(depth));
                }
                2 => {
                    self.expr(elts[0])?;
                    self.emit(Op::SetAdd(depth));
                }
                3 => {
                    self.expr(elts[0])?;
                    self.expr(elts[1])?;
                    self.emit(Op::MapAdd(depth));
                }
                _ => {
                    self.expr(elts[0])?;
                    self.emit(Op::YieldValue);
                    self.emit(Op::Pop);
                }
            }
        }
        self.emit(Op::Jump(start as u32));
        if let Some(x) = exit {
            self.patch_here(x);
        }
        if let Some(s) = setup {
            self.patch_here(s);
            self.emit(Op::EndAsyncFor);
        }
        Ok(())
    }
}

fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Call { .. } => "function call",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::Bool(true)) => "True",
        ExprKind::Constant(Constant::Bool(false)) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::BoolOp { .. } => "expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::NamedExpr { .. } => "named expression",
        _ => "expression",
    }
}
