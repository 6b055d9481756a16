//! The errors CPython raises after parsing, on a well-formed tree: first
//! those of its symbol-table pass (`Python/symtable.c`: duplicate
//! arguments, misplaced `global`/`nonlocal`, `yield` in a comprehension),
//! then those of its compiler (`Python/compile.c`: `'return' outside
//! function`, `'await' outside async function`, `'break' outside loop`, …).
//! `compile()` reports them; `ast.parse()` does not.

use super::error::SyntaxError;
use crate::ast::{
    Alias, Arguments, ClassDef, Comprehension, ExceptHandler, Expr, ExprKind, FunctionDef, Keyword,
    Module, Name, Stmt, StmtKind, WithItem,
};
use crate::span::Span;
use std::collections::{HashMap, HashSet};

mod patterns;

/// Runs the symbol-table checks over the whole module, then the compiler
/// checks, and reports the first error, as CPython does.
pub fn check_module(module: &Module) -> Result<(), SyntaxError> {
    let future_line = future_features(module)?;
    let mut symtable = Walker::new(Phase::Symtable);
    symtable.stmts(&module.body)?;
    if let Some(err) = symtable.deferred.take() {
        return Err(err);
    }
    let mut compiler = Walker::new(Phase::Compiler);
    compiler.future_line = future_line;
    compiler.stmts(&module.body)
}

/// The features `from __future__ import` knows (CPython's `future.c`).
const FUTURE_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// A `from __future__ import` (CPython's `future.c` and compiler look at the
/// module name only: `from . __future__ import x` counts too).
fn is_future_import(s: &Stmt) -> bool {
    matches!(&s.kind, StmtKind::ImportFrom { module: Some(m), .. } if &**m == "__future__")
}

/// CPython's `_PyFuture_FromAST`: checks the `from __future__` imports at
/// the top of the module (after an optional docstring) and returns the
/// line of the last one (0 if none).
fn future_features(module: &Module) -> Result<u32, SyntaxError> {
    let mut last_line = 0;
    let mut done = false;
    let mut prev_line = 0;
    for (i, s) in module.body.iter().enumerate() {
        // Statements sharing a line (`;`) with the header still count.
        if done && s.span.line > prev_line {
            break;
        }
        prev_line = s.span.line;
        if let StmtKind::ImportFrom { names, .. } = &s.kind {
            if is_future_import(s) {
                if done {
                    return Err(SyntaxError::new(
                        "from __future__ imports must occur at the beginning of the file",
                        s.span,
                    ));
                }
                for alias in names {
                    // CPython gives these a start but no end.
                    let at = Span::new(s.span.start, s.span.start, s.span.line, s.span.col);
                    if &*alias.name == "braces" {
                        return Err(SyntaxError::new("not a chance", at));
                    }
                    if !FUTURE_FEATURES.contains(&&*alias.name) {
                        return Err(SyntaxError::new(
                            format!("future feature {} is not defined", alias.name),
                            at,
                        ));
                    }
                }
                last_line = s.span.line;
                continue;
            }
        }
        let docstring = i == 0
            && matches!(
                &s.kind,
                StmtKind::Expr(Expr {
                    kind: ExprKind::Constant(crate::ast::Constant::Str(_)),
                    ..
                })
            );
        if !docstring {
            done = true;
        }
    }
    Ok(last_line)
}

/// Which of CPython's passes is being mirrored.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Symtable,
    Compiler,
}

/// The kind of comprehension, for "'yield' inside list comprehension".
#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

impl CompKind {
    fn describe(self) -> &'static str {
        match self {
            CompKind::List => "list comprehension",
            CompKind::Set => "set comprehension",
            CompKind::Dict => "dict comprehension",
            CompKind::Generator => "generator expression",
        }
    }
}

/// A scope (CPython's symbol-table block).
#[derive(Clone, Copy, PartialEq, Eq)]
enum ScopeKind {
    Module,
    Class,
    /// `def` or `async def`.
    Function {
        is_async: bool,
    },
    Lambda,
    Comprehension(CompKind),
}

/// How a name has been met in a scope so far (CPython's `DEF_PARAM`,
/// `DEF_LOCAL`, `USE` flags), for the `global`/`nonlocal` ordering errors.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Usage {
    Param = 1,
    Assigned = 2,
    Used = 4,
}

/// Per-scope state of the walk.
struct Scope<'a> {
    /// What the scope is.
    kind: ScopeKind,
    /// Names met so far and how, as a set of [`Usage`] bits (for "used
    /// prior to global declaration").
    seen: HashMap<&'a str, u8>,
    /// Names bound anywhere in the scope (for resolving `nonlocal`).
    bound: HashSet<&'a str>,
    /// Names declared `global` in the scope.
    globals: HashSet<&'a str>,
    /// Whether this function body contains `yield` (for "'return' with
    /// value in async generator").
    is_generator: bool,
    /// Inside a loop body (not counting nested scopes).
    in_loop: bool,
}

/// The traversal shared by both phases.
struct Walker<'a> {
    /// Which checks run.
    phase: Phase,
    /// Innermost scope last.
    scopes: Vec<Scope<'a>>,
    /// A symbol-table error found at analysis time ("no binding for
    /// nonlocal"), reported only if the building walk found none.
    deferred: Option<SyntaxError>,
    /// Line of the last `from __future__` import of the module's header;
    /// later ones are errors.
    future_line: u32,
}

fn err(msg: impl Into<String>, span: Span) -> Result<(), SyntaxError> {
    Err(SyntaxError::new(msg, span))
}

impl<'a> Walker<'a> {
    fn new(phase: Phase) -> Self {
        Walker {
            phase,
            scopes: vec![Scope::new(ScopeKind::Module, false)],
            deferred: None,
            future_line: 0,
        }
    }

    fn scope(&mut self) -> &mut Scope<'a> {
        let n = self.scopes.len() - 1;
        &mut self.scopes[n]
    }

    fn kind(&self) -> ScopeKind {
        self.scopes[self.scopes.len() - 1].kind
    }

    fn note(&mut self, name: &'a str, usage: Usage) {
        *self.scope().seen.entry(name).or_insert(0) |= usage as u8;
    }

    fn stmts(&mut self, body: &'a [Stmt]) -> Result<(), SyntaxError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn loop_body(&mut self, body: &'a [Stmt]) -> Result<(), SyntaxError> {
        let saved = self.scope().in_loop;
        self.scope().in_loop = true;
        let r = self.stmts(body);
        self.scope().in_loop = saved;
        r
    }

    /// One statement: a dispatcher whose longer arms are the functions
    /// below, one per statement kind that carries a check of its own.
    fn stmt(&mut self, s: &'a Stmt) -> Result<(), SyntaxError> {
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function_def(f)?,
            StmtKind::ClassDef(c) => self.class_def(c)?,
            StmtKind::Return(value) => self.return_stmt(value.as_ref(), s.span)?,
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                for t in targets {
                    self.target(t)?;
                }
                self.expr_starred_here(value)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.target(target)?;
                self.expr_starred_here(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                self.target(target)?;
                self.expr(annotation)?;
                if let Some(v) = value {
                    self.expr_starred_here(v)?;
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                self.async_outside("'async for' outside async function", *is_async, s.span)?;
                self.target(target)?;
                self.expr_starred_here(iter)?;
                self.loop_body(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.loop_body(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => self.with_stmt(items, body, *is_async, s.span)?,
            StmtKind::Raise { exc, cause } => {
                for e in [exc, cause].into_iter().flatten() {
                    self.expr(e)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => self.try_stmt(body, handlers, orelse, finalbody)?,
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import(aliases) | StmtKind::ImportFrom { names: aliases, .. } => {
                self.import_stmt(s, aliases)?
            }
            StmtKind::Global(names) => self.global_stmt(names, s.span)?,
            StmtKind::Nonlocal(names) => self.nonlocal_stmt(names, s.span)?,
            StmtKind::Expr(e) => self.expr_starred_here(e)?,
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases)?,
            StmtKind::Pass => {}
            StmtKind::Break => self.loop_jump("'break' outside loop", s.span)?,
            StmtKind::Continue => self.loop_jump("'continue' not properly in loop", s.span)?,
        }
        Ok(())
    }

    /// `def` / `async def`: decorators, defaults and annotations belong to
    /// the enclosing scope, the body to a new one.
    fn function_def(&mut self, f: &'a FunctionDef) -> Result<(), SyntaxError> {
        self.exprs(&f.decorator_list)?;
        self.arguments_outer(&f.args)?;
        if let Some(r) = &f.returns {
            self.expr(r)?;
        }
        self.note(&f.name, Usage::Assigned);
        self.function_scope(
            ScopeKind::Function {
                is_async: f.is_async,
            },
            &f.args,
            |w| w.stmts(&f.body),
            &f.body,
        )
    }

    /// `class`: decorators, bases and keywords belong to the enclosing
    /// scope, the body to a class scope.
    fn class_def(&mut self, c: &'a ClassDef) -> Result<(), SyntaxError> {
        self.exprs(&c.decorator_list)?;
        self.elements(&c.bases)?;
        for k in &c.keywords {
            self.expr(&k.value)?;
        }
        self.note(&c.name, Usage::Assigned);
        let mut scope = Scope::new(ScopeKind::Class, false);
        collect_bindings(&c.body, &mut scope.bound);
        self.scopes.push(scope);
        let r = self.stmts(&c.body);
        self.scopes.pop();
        r
    }

    /// `return [value]`: only in a function, and without a value in an
    /// async generator (compiler checks).
    fn return_stmt(&mut self, value: Option<&'a Expr>, span: Span) -> Result<(), SyntaxError> {
        let compiler = self.phase == Phase::Compiler;
        if compiler && !matches!(self.kind(), ScopeKind::Function { .. }) {
            return err("'return' outside function", span);
        }
        if let Some(v) = value {
            if compiler
                && self.kind() == (ScopeKind::Function { is_async: true })
                && self.scope().is_generator
            {
                return err("'return' with value in async generator", span);
            }
            self.expr_starred_here(v)?;
        }
        Ok(())
    }

    /// The compiler's "'async for/with' outside async function".
    fn async_outside(&self, msg: &str, is_async: bool, span: Span) -> Result<(), SyntaxError> {
        if self.phase == Phase::Compiler && is_async && !self.in_async_function() {
            return err(msg, span);
        }
        Ok(())
    }

    /// `[async] with item, …: body`.
    fn with_stmt(
        &mut self,
        items: &'a [WithItem],
        body: &'a [Stmt],
        is_async: bool,
        span: Span,
    ) -> Result<(), SyntaxError> {
        self.async_outside("'async with' outside async function", is_async, span)?;
        for item in items {
            self.expr(&item.context_expr)?;
            if let Some(v) = &item.optional_vars {
                self.target(v)?;
            }
        }
        self.stmts(body)
    }

    /// `try` / `except [type [as name]]` / `else` / `finally`.
    fn try_stmt(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> Result<(), SyntaxError> {
        self.stmts(body)?;
        for h in handlers {
            if let Some(t) = &h.typ {
                self.expr(t)?;
            }
            if let Some(n) = &h.name {
                self.note(n, Usage::Assigned);
            }
            self.stmts(&h.body)?;
        }
        self.stmts(orelse)?;
        self.stmts(finalbody)
    }

    /// `import a.b as c` / `from m import x`: binds the alias, or the first
    /// dotted component; a `from __future__` import after the module's
    /// header is a compiler error.
    fn import_stmt(&mut self, s: &Stmt, aliases: &'a [Alias]) -> Result<(), SyntaxError> {
        if self.phase == Phase::Compiler && is_future_import(s) && s.span.line > self.future_line {
            return err(
                "from __future__ imports must occur at the beginning of the file",
                s.span,
            );
        }
        for a in aliases {
            let bound = match &a.asname {
                Some(n) => &**n,
                None => a.name.split('.').next().unwrap_or(&a.name),
            };
            self.note(bound, Usage::Assigned);
        }
        Ok(())
    }

    /// `global x, …` (symbol-table checks).
    fn global_stmt(&mut self, names: &'a [Name], span: Span) -> Result<(), SyntaxError> {
        if self.phase == Phase::Compiler {
            return Ok(());
        }
        for n in names {
            self.check_declaration(n, "global", span)?;
            self.scope().globals.insert(n);
        }
        Ok(())
    }

    /// `nonlocal x, …` (symbol-table checks); a name with no enclosing
    /// binding is reported only after the whole walk, as CPython does.
    fn nonlocal_stmt(&mut self, names: &'a [Name], span: Span) -> Result<(), SyntaxError> {
        if self.phase == Phase::Compiler {
            return Ok(());
        }
        if self.kind() == ScopeKind::Module {
            return err("nonlocal declaration not allowed at module level", span);
        }
        for n in names {
            self.check_declaration(n, "nonlocal", span)?;
            if self.deferred.is_none() && !self.nonlocal_resolves(n) {
                self.deferred = Some(SyntaxError::new(
                    format!("no binding for nonlocal '{n}' found"),
                    span,
                ));
            }
        }
        Ok(())
    }

    /// `break` / `continue` outside a loop body (compiler check).
    fn loop_jump(&mut self, msg: &str, span: Span) -> Result<(), SyntaxError> {
        if self.phase == Phase::Compiler && !self.scope().in_loop {
            return err(msg, span);
        }
        Ok(())
    }

    /// `global x` / `nonlocal x` after `x` was already met in the scope.
    fn check_declaration(&mut self, name: &str, what: &str, span: Span) -> Result<(), SyntaxError> {
        let flags = self.scope().seen.get(name).copied().unwrap_or(0);
        // The same priority as CPython's symtable_visit_stmt.
        if flags & Usage::Param as u8 != 0 {
            err(format!("name '{name}' is parameter and {what}"), span)
        } else if flags & Usage::Used as u8 != 0 {
            err(
                format!("name '{name}' is used prior to {what} declaration"),
                span,
            )
        } else if flags != 0 {
            err(
                format!("name '{name}' is assigned to before {what} declaration"),
                span,
            )
        } else {
            Ok(())
        }
    }

    /// Whether an enclosing function binds `name` (CPython's
    /// `analyze_name` for a `nonlocal` declaration).
    fn nonlocal_resolves(&self, name: &str) -> bool {
        let n = self.scopes.len();
        // Methods see the implicit `__class__` cell of their class.
        if name == "__class__" && self.scopes.iter().any(|s| s.kind == ScopeKind::Class) {
            return true;
        }
        for scope in self.scopes[..n - 1].iter().rev() {
            match scope.kind {
                ScopeKind::Module => return false,
                ScopeKind::Class => continue,
                _ => {
                    if scope.globals.contains(name) {
                        return false;
                    }
                    if scope.bound.contains(name) {
                        return true;
                    }
                }
            }
        }
        false
    }

    fn in_async_function(&self) -> bool {
        self.kind() == (ScopeKind::Function { is_async: true })
    }

    /// Defaults and annotations are evaluated in the enclosing scope.
    fn arguments_outer(&mut self, args: &'a Arguments) -> Result<(), SyntaxError> {
        self.exprs(&args.defaults)?;
        for d in args.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.vararg)
            .chain(&args.kwonlyargs)
            .chain(&args.kwarg);
        for a in all {
            if let Some(ann) = &a.annotation {
                self.expr(ann)?;
            }
        }
        Ok(())
    }

    /// Enters a function-like scope with its parameters bound.
    fn function_scope(
        &mut self,
        kind: ScopeKind,
        args: &'a Arguments,
        inner: impl FnOnce(&mut Self) -> Result<(), SyntaxError>,
        body: &'a [Stmt],
    ) -> Result<(), SyntaxError> {
        let mut scope = Scope::new(kind, contains_yield_stmts(body));
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.vararg)
            .chain(&args.kwonlyargs)
            .chain(&args.kwarg);
        for a in all {
            if scope.seen.contains_key(&*a.arg) && self.phase == Phase::Symtable {
                return err(
                    format!("duplicate argument '{}' in function definition", a.arg),
                    a.span,
                );
            }
            scope.seen.insert(&a.arg, Usage::Param as u8);
            scope.bound.insert(&a.arg);
        }
        collect_bindings(body, &mut scope.bound);
        self.scopes.push(scope);
        let r = inner(self);
        self.scopes.pop();
        r
    }

    fn exprs(&mut self, es: &'a [Expr]) -> Result<(), SyntaxError> {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    /// An assignment or deletion target.
    fn target(&mut self, t: &'a Expr) -> Result<(), SyntaxError> {
        match &t.kind {
            ExprKind::Name(n) => {
                self.note(n, Usage::Assigned);
                Ok(())
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                let starred: Vec<&Expr> = elts
                    .iter()
                    .filter(|e| matches!(e.kind, ExprKind::Starred(_)))
                    .collect();
                if self.phase == Phase::Compiler && starred.len() > 1 {
                    return err("multiple starred expressions in assignment", t.span);
                }
                for e in elts {
                    match &e.kind {
                        ExprKind::Starred(inner) => self.target(inner)?,
                        _ => self.target(e)?,
                    }
                }
                Ok(())
            }
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.expr(t),
        }
    }

    /// A value where a bare `*x` is not allowed (CPython's compiler:
    /// "can't use starred expression here").
    fn expr_starred_here(&mut self, e: &'a Expr) -> Result<(), SyntaxError> {
        if let ExprKind::Starred(inner) = &e.kind {
            if self.phase == Phase::Compiler {
                self.expr(inner)?;
                return err("can't use starred expression here", e.span);
            }
        }
        self.expr(e)
    }

    /// Elements of a display or call, where `*x` is allowed.
    fn elements(&mut self, es: &'a [Expr]) -> Result<(), SyntaxError> {
        for e in es {
            match &e.kind {
                ExprKind::Starred(inner) => self.expr(inner)?,
                _ => self.expr(e)?,
            }
        }
        Ok(())
    }

    fn expr(&mut self, e: &'a Expr) -> Result<(), SyntaxError> {
        let compiler = self.phase == Phase::Compiler;
        match &e.kind {
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.note(target, Usage::Assigned);
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.arguments_outer(args)?;
                self.function_scope(ScopeKind::Lambda, args, |w| w.expr(body), &[])?;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k)?;
                }
                self.exprs(values)?;
            }
            ExprKind::Set(elts) | ExprKind::List(elts) | ExprKind::Tuple(elts) => {
                self.elements(elts)?
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, CompKind::List, &[elt], generators)?;
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, CompKind::Set, &[elt], generators)?;
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, CompKind::Generator, &[elt], generators)?;
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.comprehension(e, CompKind::Dict, &[key, value], generators)?;
            }
            ExprKind::Await(value) => self.await_expr(value, e.span)?,
            ExprKind::Yield(value) => {
                self.yield_here(e, false)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            ExprKind::YieldFrom(value) => {
                self.yield_here(e, true)?;
                self.expr(value)?;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords)?,
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                if let Some(spec) = format_spec {
                    self.expr(spec)?;
                }
            }
            ExprKind::JoinedStr(parts) => self.exprs(parts)?,
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                match &slice.kind {
                    ExprKind::Tuple(elts) => self.elements(elts)?,
                    _ => self.expr(slice)?,
                }
            }
            ExprKind::Starred(inner) => {
                if compiler {
                    return err("can't use starred expression here", e.span);
                }
                self.expr(inner)?;
            }
            ExprKind::Name(n) => self.note(n, Usage::Used),
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                }
            }
        }
        Ok(())
    }

    /// `await value`: the compiler rejects it at module or class level and
    /// in a plain `def` or a lambda.
    fn await_expr(&mut self, value: &'a Expr, span: Span) -> Result<(), SyntaxError> {
        if self.phase == Phase::Compiler {
            match self.kind() {
                ScopeKind::Module | ScopeKind::Class => {
                    return err("'await' outside function", span)
                }
                ScopeKind::Function { is_async: false } | ScopeKind::Lambda => {
                    return err("'await' outside async function", span)
                }
                _ => {}
            }
        }
        self.expr(value)
    }

    /// `func(args, name=value, …)`: a keyword given twice is a compiler
    /// error.
    fn call(
        &mut self,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> Result<(), SyntaxError> {
        self.expr(func)?;
        self.elements(args)?;
        let mut names = HashSet::new();
        for k in keywords {
            if let Some(name) = &k.arg {
                if self.phase == Phase::Compiler && !names.insert(&**name) {
                    return err(format!("keyword argument repeated: {name}"), k.span);
                }
            }
            self.expr(&k.value)?;
        }
        Ok(())
    }

    fn yield_here(&mut self, e: &Expr, from: bool) -> Result<(), SyntaxError> {
        match (self.phase, self.kind()) {
            (Phase::Symtable, ScopeKind::Comprehension(kind)) => {
                err(format!("'yield' inside {}", kind.describe()), e.span)
            }
            (Phase::Compiler, ScopeKind::Module | ScopeKind::Class) => {
                err("'yield' outside function", e.span)
            }
            (Phase::Compiler, ScopeKind::Function { is_async: true }) if from => {
                err("'yield from' inside async function", e.span)
            }
            _ => Ok(()),
        }
    }

    /// A comprehension: the first iterable is evaluated outside, the rest
    /// in the comprehension's own scope.
    fn comprehension(
        &mut self,
        e: &'a Expr,
        kind: CompKind,
        elts: &[&'a Expr],
        generators: &'a [Comprehension],
    ) -> Result<(), SyntaxError> {
        let Some(first) = generators.first() else {
            return Ok(());
        };
        if self.phase == Phase::Compiler && kind != CompKind::Generator {
            let is_async =
                generators.iter().any(|g| g.is_async) || comprehension_awaits(elts, generators);
            let enclosing_ok = matches!(
                self.kind(),
                ScopeKind::Function { is_async: true } | ScopeKind::Comprehension(_)
            );
            if is_async && !enclosing_ok {
                return err(
                    "asynchronous comprehension outside of an asynchronous function",
                    e.span,
                );
            }
        }
        self.expr(&first.iter)?;
        self.scopes
            .push(Scope::new(ScopeKind::Comprehension(kind), false));
        let r = (|| {
            for (i, g) in generators.iter().enumerate() {
                if i > 0 {
                    self.expr(&g.iter)?;
                }
                self.target(&g.target)?;
                self.exprs(&g.ifs)?;
            }
            for elt in elts {
                self.expr(elt)?;
            }
            Ok(())
        })();
        self.scopes.pop();
        r
    }
}

impl<'a> Scope<'a> {
    fn new(kind: ScopeKind, is_generator: bool) -> Self {
        Scope {
            kind,
            seen: HashMap::new(),
            bound: HashSet::new(),
            globals: HashSet::new(),
            is_generator,
            in_loop: false,
        }
    }
}

/// Whether a comprehension awaits in its own scope (which makes it
/// asynchronous); nested list/set/dict comprehensions count, generator
/// expressions and lambdas do not.
fn comprehension_awaits(elts: &[&Expr], generators: &[Comprehension]) -> bool {
    let mut found = false;
    let mut check = |e: &Expr| {
        found |= expr_any(e, &mut |x| matches!(x.kind, ExprKind::Await(_)));
    };
    for e in elts {
        check(e);
    }
    for (i, g) in generators.iter().enumerate() {
        if i > 0 {
            check(&g.iter);
        }
        for c in &g.ifs {
            check(c);
        }
    }
    found
}

/// Whether `pred` holds for `e` or a sub-expression in the same scope
/// (not looking into lambdas or generator expressions).
fn expr_any(e: &Expr, pred: &mut dyn FnMut(&Expr) -> bool) -> bool {
    if pred(e) {
        return true;
    }
    let mut any = |x: &Expr| expr_any(x, pred);
    match &e.kind {
        ExprKind::BoolOp { values, .. } => values.iter().any(any),
        ExprKind::NamedExpr { value, .. } => any(value),
        ExprKind::BinOp { left, right, .. } => any(left) || any(right),
        ExprKind::UnaryOp { operand, .. } => any(operand),
        ExprKind::Lambda { .. } | ExprKind::GeneratorExp { .. } => false,
        ExprKind::IfExp { test, body, orelse } => any(test) || any(body) || any(orelse),
        ExprKind::Dict { keys, values } => {
            keys.iter().flatten().any(&mut any) || values.iter().any(any)
        }
        ExprKind::Set(v) | ExprKind::List(v) | ExprKind::Tuple(v) | ExprKind::JoinedStr(v) => {
            v.iter().any(any)
        }
        ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
            any(elt) || generators_any(generators, &mut any)
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => any(key) || any(value) || generators_any(generators, &mut any),
        ExprKind::Await(v) | ExprKind::YieldFrom(v) | ExprKind::Starred(v) => any(v),
        ExprKind::Yield(v) => v.as_deref().is_some_and(any),
        ExprKind::Compare {
            left, comparators, ..
        } => any(left) || comparators.iter().any(any),
        ExprKind::Call {
            func,
            args,
            keywords,
        } => any(func) || args.iter().any(&mut any) || keywords.iter().any(|k| any(&k.value)),
        ExprKind::FormattedValue {
            value, format_spec, ..
        } => any(value) || format_spec.as_deref().is_some_and(any),
        ExprKind::Attribute { value, .. } => any(value),
        ExprKind::Subscript { value, slice } => any(value) || any(slice),
        ExprKind::Slice { lower, upper, step } => {
            [lower, upper, step].into_iter().flatten().any(|x| any(x))
        }
        ExprKind::Constant(_) | ExprKind::Name(_) => false,
    }
}

fn generators_any(generators: &[Comprehension], any: &mut dyn FnMut(&Expr) -> bool) -> bool {
    generators
        .iter()
        .any(|g| any(&g.target) || any(&g.iter) || g.ifs.iter().any(&mut *any))
}

/// Calls `f` on every expression of `body` in the same scope (not inside
/// nested functions or classes).
fn stmt_exprs(body: &[Stmt], f: &mut dyn FnMut(&Expr) -> bool) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::FunctionDef(d) => {
            d.decorator_list.iter().any(&mut *f) || d.args.defaults.iter().any(&mut *f)
        }
        StmtKind::ClassDef(c) => {
            c.decorator_list.iter().any(&mut *f) || c.bases.iter().any(&mut *f)
        }
        StmtKind::Return(v) => v.as_ref().is_some_and(&mut *f),
        StmtKind::Delete(ts) => ts.iter().any(&mut *f),
        StmtKind::Assign { targets, value } => targets.iter().any(&mut *f) || f(value),
        StmtKind::AugAssign { target, value, .. } => f(target) || f(value),
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        } => f(target) || f(annotation) || value.as_ref().is_some_and(&mut *f),
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            ..
        } => f(target) || f(iter) || stmt_exprs(body, f) || stmt_exprs(orelse, f),
        StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
            f(test) || stmt_exprs(body, f) || stmt_exprs(orelse, f)
        }
        StmtKind::With { items, body, .. } => {
            items
                .iter()
                .any(|i| f(&i.context_expr) || i.optional_vars.as_ref().is_some_and(&mut *f))
                || stmt_exprs(body, f)
        }
        StmtKind::Raise { exc, cause } => {
            exc.as_ref().is_some_and(&mut *f) || cause.as_ref().is_some_and(&mut *f)
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            stmt_exprs(body, f)
                || handlers
                    .iter()
                    .any(|h| h.typ.as_ref().is_some_and(&mut *f) || stmt_exprs(&h.body, f))
                || stmt_exprs(orelse, f)
                || stmt_exprs(finalbody, f)
        }
        StmtKind::Assert { test, msg } => f(test) || msg.as_ref().is_some_and(&mut *f),
        StmtKind::Expr(e) => f(e),
        _ => false,
    })
}

/// Whether a function body yields (making it a generator).
fn contains_yield_stmts(body: &[Stmt]) -> bool {
    stmt_exprs(body, &mut |e| {
        expr_any(e, &mut |x| {
            matches!(x.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_))
        })
    })
}

/// Adds the names a scope binds (assignments, loop and `with` targets,
/// imports, `def`/`class` names, `except … as`, walrus) to `out`.
fn collect_bindings<'a>(body: &'a [Stmt], out: &mut HashSet<&'a str>) {
    fn target<'a>(t: &'a Expr, out: &mut HashSet<&'a str>) {
        match &t.kind {
            ExprKind::Name(n) => {
                out.insert(n);
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                for e in elts {
                    target(e, out);
                }
            }
            ExprKind::Starred(inner) => target(inner, out),
            _ => {}
        }
    }
    for s in body {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                out.insert(&f.name);
            }
            StmtKind::ClassDef(c) => {
                out.insert(&c.name);
            }
            StmtKind::Assign { targets, .. } => {
                for t in targets {
                    target(t, out);
                }
            }
            StmtKind::AugAssign { target: t, .. } | StmtKind::AnnAssign { target: t, .. } => {
                target(t, out)
            }
            StmtKind::Delete(ts) => {
                for t in ts {
                    target(t, out);
                }
            }
            StmtKind::For {
                target: t,
                body,
                orelse,
                ..
            } => {
                target(t, out);
                collect_bindings(body, out);
                collect_bindings(orelse, out);
            }
            StmtKind::While { body, orelse, .. } | StmtKind::If { body, orelse, .. } => {
                collect_bindings(body, out);
                collect_bindings(orelse, out);
            }
            StmtKind::With { items, body, .. } => {
                for i in items {
                    if let Some(v) = &i.optional_vars {
                        target(v, out);
                    }
                }
                collect_bindings(body, out);
            }
            StmtKind::Match { cases, .. } => {
                for c in cases {
                    patterns::pattern_names(&c.pattern, out);
                    collect_bindings(&c.body, out);
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                collect_bindings(body, out);
                for h in handlers {
                    if let Some(n) = &h.name {
                        out.insert(n);
                    }
                    collect_bindings(&h.body, out);
                }
                collect_bindings(orelse, out);
                collect_bindings(finalbody, out);
            }
            StmtKind::Import(aliases) | StmtKind::ImportFrom { names: aliases, .. } => {
                for a in aliases {
                    match &a.asname {
                        Some(n) => {
                            out.insert(n);
                        }
                        None => {
                            out.insert(a.name.split('.').next().unwrap_or(&a.name));
                        }
                    }
                }
            }
            _ => {}
        }
    }
}
