//! Scope analysis (CPython's `symtable.c`): decides, for every name in every
//! scope, whether it is a fast local, a cell, a free variable, a global or a
//! class-namespace name, before code generation.

use std::collections::{HashMap, HashSet};

use crate::ast::*;
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    /// List/set/dict comprehensions and generator expressions (own scope
    /// since Python 3).
    Comprehension,
}

/// How a name is accessed in one scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Local,
    Cell,
    Free,
    GlobalExplicit,
    GlobalImplicit,
    /// Class-body name (namespace dict, then globals/builtins).
    ClassName,
}

#[derive(Debug, Default)]
pub struct Scope {
    pub kind: Option<ScopeKind>,
    pub name: Name,
    pub parent: Option<usize>,
    /// Parameter names in slot order.
    pub params: Vec<Name>,
    /// Names bound in this scope, in first-binding order.
    pub bound: Vec<Name>,
    bound_set: HashSet<Name>,
    pub globals: HashSet<Name>,
    pub nonlocals: HashSet<Name>,
    pub used: Vec<Name>,
    used_set: HashSet<Name>,
    pub is_generator: bool,
    pub is_async: bool,
    /// Contains `await` / `async for` (makes a comprehension async).
    pub has_await: bool,
    /// Final classification of every name seen.
    pub names: HashMap<Name, NameKind>,
    /// Cell variables, in order.
    pub cells: Vec<Name>,
    /// Free variables, in order.
    pub frees: Vec<Name>,
    /// Class scopes: some method needs the implicit `__class__` cell.
    pub needs_class_cell: bool,
}

impl Scope {
    fn bind(&mut self, n: &Name) {
        if self.bound_set.insert(n.clone()) {
            self.bound.push(n.clone());
        }
    }
    fn use_(&mut self, n: &Name) {
        if self.used_set.insert(n.clone()) {
            self.used.push(n.clone());
        }
    }
    pub fn binds(&self, n: &str) -> bool {
        self.bound_set.contains(n)
    }
    fn add_cell(&mut self, n: &Name) {
        if !self.cells.contains(n) {
            self.cells.push(n.clone());
        }
    }
    fn add_free(&mut self, n: &Name) {
        if !self.frees.contains(n) {
            self.frees.push(n.clone());
        }
    }
    pub fn kind(&self) -> ScopeKind {
        self.kind.unwrap_or(ScopeKind::Module)
    }
}

/// A symbol-table error (reported as SyntaxError).
#[derive(Debug, Clone)]
pub struct SymError {
    pub msg: String,
    pub span: Span,
}

/// All scopes of a module; keyed by the address of the AST node that
/// opens them.
#[derive(Debug, Default)]
pub struct SymTable {
    pub scopes: Vec<Scope>,
    pub by_node: HashMap<usize, usize>,
}

pub fn node_key<T>(n: &T) -> usize {
    n as *const T as usize
}

struct Builder {
    st: SymTable,
    cur: usize,
    err: Option<SymError>,
}

pub fn build(module: &Module) -> Result<SymTable, SymError> {
    let mut b = Builder {
        st: SymTable::default(),
        cur: 0,
        err: None,
    };
    b.st.scopes.push(Scope {
        kind: Some(ScopeKind::Module),
        name: "<module>".into(),
        ..Default::default()
    });
    b.st.by_node.insert(node_key(module), 0);
    for s in &module.body {
        b.stmt(s);
    }
    if let Some(e) = b.err {
        return Err(e);
    }
    b.resolve()?;
    Ok(b.st)
}

impl Builder {
    fn scope(&mut self) -> &mut Scope {
        &mut self.st.scopes[self.cur]
    }
    fn error(&mut self, msg: String, span: Span) {
        if self.err.is_none() {
            self.err = Some(SymError { msg, span });
        }
    }
    fn push_scope(&mut self, key: usize, kind: ScopeKind, name: Name) -> usize {
        let id = self.st.scopes.len();
        self.st.scopes.push(Scope {
            kind: Some(kind),
            name,
            parent: Some(self.cur),
            ..Default::default()
        });
        self.st.by_node.insert(key, id);
        let prev = self.cur;
        self.cur = id;
        prev
    }

    fn bind(&mut self, n: &Name, span: Span) {
        let s = &self.st.scopes[self.cur];
        if s.kind() != ScopeKind::Module && s.globals.contains(n) && s.params.contains(n) {
            self.error(format!("name '{n}' is parameter and global"), span);
        }
        self.scope().bind(n);
    }

    fn args(&mut self, a: &Arguments) {
        for arg in a.posonlyargs.iter().chain(&a.args) {
            self.param(&arg.arg, arg.span);
        }
        if let Some(v) = &a.vararg {
            self.param(&v.arg, v.span);
        }
        for arg in &a.kwonlyargs {
            self.param(&arg.arg, arg.span);
        }
        if let Some(v) = &a.kwarg {
            self.param(&v.arg, v.span);
        }
    }
    fn param(&mut self, n: &Name, span: Span) {
        if self.scope().params.contains(n) {
            self.error(
                format!("duplicate argument '{n}' in function definition"),
                span,
            );
        }
        self.scope().params.push(n.clone());
        self.scope().bind(n);
    }

    fn stmts(&mut self, b: &[Stmt]) {
        for s in b {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(d);
                }
                self.defaults(&f.args);
                self.bind(&f.name, s.span);
                let prev = self.push_scope(node_key(&**f), ScopeKind::Function, f.name.clone());
                self.scope().is_async = f.is_async;
                self.args(&f.args);
                self.stmts(&f.body);
                self.cur = prev;
            }
            StmtKind::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(d);
                }
                for b in &c.bases {
                    self.expr(b);
                }
                for k in &c.keywords {
                    self.expr(&k.value);
                }
                self.bind(&c.name, s.span);
                let prev = self.push_scope(node_key(&**c), ScopeKind::Class, c.name.clone());
                self.stmts(&c.body);
                self.cur = prev;
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            StmtKind::Delete(ts) => {
                for t in ts {
                    self.target(t);
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value);
                for t in targets {
                    self.target(t);
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value);
                if let ExprKind::Name(n) = &target.kind {
                    self.scope().use_(n);
                }
                self.target(target);
            }
            StmtKind::AnnAssign { target, value, .. } => {
                if let Some(v) = value {
                    self.expr(v);
                    self.target(target);
                } else if let ExprKind::Name(n) = &target.kind {
                    // A bare annotation still makes the name local.
                    if self.scope().kind() == ScopeKind::Function {
                        self.bind(n, target.span);
                    }
                } else {
                    self.target(target);
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    self.scope().has_await = true;
                }
                self.expr(iter);
                self.target(target);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                if *is_async {
                    self.scope().has_await = true;
                }
                for it in items {
                    self.expr(&it.context_expr);
                    if let Some(t) = &it.optional_vars {
                        self.target(t);
                    }
                }
                self.stmts(body);
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e);
                }
                if let Some(e) = cause {
                    self.expr(e);
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.stmts(body);
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t);
                    }
                    if let Some(n) = &h.name {
                        self.bind(n, h.span);
                    }
                    self.stmts(&h.body);
                }
                self.stmts(orelse);
                self.stmts(finalbody);
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                if let Some(m) = msg {
                    self.expr(m);
                }
            }
            StmtKind::Import(names) => {
                for a in names {
                    let n: Name = match &a.asname {
                        Some(x) => x.clone(),
                        None => a.name.split('.').next().unwrap_or("").into(),
                    };
                    self.bind(&n, a.span);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if &*a.name == "*" {
                        continue;
                    }
                    let n = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.bind(&n, a.span);
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    let sc = &self.st.scopes[self.cur];
                    if sc.used_set.contains(n) || sc.bound_set.contains(n) {
                        let what = if sc.params.contains(n) {
                            format!("name '{n}' is parameter and global")
                        } else if sc.bound_set.contains(n) {
                            format!("name '{n}' is assigned to before global declaration")
                        } else {
                            format!("name '{n}' is used prior to global declaration")
                        };
                        self.error(what, s.span);
                    }
                    self.scope().globals.insert(n.clone());
                }
            }
            StmtKind::Nonlocal(names) => {
                if self.scope().kind() == ScopeKind::Module {
                    self.error(
                        "nonlocal declaration not allowed at module level".into(),
                        s.span,
                    );
                }
                for n in names {
                    let sc = &self.st.scopes[self.cur];
                    if sc.params.contains(n) {
                        self.error(format!("name '{n}' is parameter and nonlocal"), s.span);
                    } else if sc.used_set.contains(n) || sc.bound_set.contains(n) {
                        let what = if sc.bound_set.contains(n) {
                            format!("name '{n}' is assigned to before nonlocal declaration")
                        } else {
                            format!("name '{n}' is used prior to nonlocal declaration")
                        };
                        self.error(what, s.span);
                    }
                    self.scope().nonlocals.insert(n.clone());
                }
            }
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
    }

    fn defaults(&mut self, a: &Arguments) {
        for d in &a.defaults {
            self.expr(d);
        }
        for d in a.kw_defaults.iter().flatten() {
            self.expr(d);
        }
    }

    fn target(&mut self, t: &Expr) {
        match &t.kind {
            ExprKind::Name(n) => self.bind(n, t.span),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.target(i);
                }
            }
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.expr(t),
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v);
                }
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value);
                // PEP 572: a walrus inside a comprehension binds in the
                // enclosing function/module scope.
                let mut id = self.cur;
                let mut chain = Vec::new();
                while self.st.scopes[id].kind() == ScopeKind::Comprehension {
                    chain.push(id);
                    id = self.st.scopes[id].parent.unwrap_or(0);
                }
                if chain.is_empty() {
                    self.bind(target, e.span);
                } else {
                    let outer_kind = self.st.scopes[id].kind();
                    if outer_kind == ScopeKind::Class {
                        self.error(
                            "assignment expression within a comprehension cannot be used in a class body".into(),
                            e.span,
                        );
                    }
                    let outer_global = outer_kind == ScopeKind::Module
                        || self.st.scopes[id].globals.contains(target);
                    self.st.scopes[id].bind(target);
                    for c in chain {
                        if outer_global {
                            self.st.scopes[c].globals.insert(target.clone());
                        } else {
                            self.st.scopes[c].nonlocals.insert(target.clone());
                        }
                        self.st.scopes[c].use_(target);
                    }
                }
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Lambda { args, body } => {
                self.defaults(args);
                let prev = self.push_scope(node_key(e), ScopeKind::Function, "<lambda>".into());
                self.args(args);
                self.expr(body);
                self.cur = prev;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k);
                }
                for v in values {
                    self.expr(v);
                }
            }
            ExprKind::Set(items) | ExprKind::List(items) | ExprKind::Tuple(items) => {
                for i in items {
                    self.expr(i);
                }
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "<listcomp>", generators, &[elt], false)
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "<setcomp>", generators, &[elt], false)
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "<genexpr>", generators, &[elt], true)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, "<dictcomp>", generators, &[key, value], false),
            ExprKind::Await(v) => {
                self.scope().has_await = true;
                self.expr(v);
            }
            ExprKind::Yield(v) => {
                self.yield_here(e.span);
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            ExprKind::YieldFrom(v) => {
                self.yield_here(e.span);
                if self.scope().is_async {
                    self.error("'yield from' inside async function".into(), e.span);
                }
                self.expr(v);
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left);
                for c in comparators {
                    self.expr(c);
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func);
                for a in args {
                    self.expr(a);
                }
                for k in keywords {
                    self.expr(&k.value);
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value);
                if let Some(s) = format_spec {
                    self.expr(s);
                }
            }
            ExprKind::JoinedStr(parts) => {
                for p in parts {
                    self.expr(p);
                }
            }
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, slice } => {
                self.expr(value);
                self.expr(slice);
            }
            ExprKind::Starred(v) => self.expr(v),
            ExprKind::Name(n) => {
                self.scope().use_(n);
                if &**n == "super" {
                    // Zero-argument super() needs the __class__ cell.
                    let cls: Name = "__class__".into();
                    self.scope().use_(&cls);
                }
            }
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x);
                }
            }
        }
    }

    fn yield_here(&mut self, span: Span) {
        match self.scope().kind() {
            ScopeKind::Function => self.scope().is_generator = true,
            ScopeKind::Comprehension => {
                let what = self.scope().name.clone();
                let what = match &*what {
                    "<listcomp>" => "list comprehension",
                    "<setcomp>" => "set comprehension",
                    "<dictcomp>" => "dict comprehension",
                    _ => "generator expression",
                };
                self.error(format!("'yield' inside {what}"), span)
            }
            _ => self.error("'yield' outside function".into(), span),
        }
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        gens: &[Comprehension],
        elts: &[&Expr],
        is_gen: bool,
    ) {
        // The first iterable is evaluated in the enclosing scope.
        if let Some(g) = gens.first() {
            self.expr(&g.iter);
        }
        let prev = self.push_scope(node_key(e), ScopeKind::Comprehension, name.into());
        self.scope().is_generator = is_gen;
        self.param(&".0".into(), e.span);
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter);
            }
            if g.is_async {
                self.scope().has_await = true;
            }
            self.target(&g.target);
            for c in &g.ifs {
                self.expr(c);
            }
        }
        for x in elts {
            self.expr(x);
        }
        self.cur = prev;
    }

    /// Classify every name (CPython's `analyze_name`), creating cells and
    /// free-variable pass-throughs.
    fn resolve(&mut self) -> Result<(), SymError> {
        let n = self.st.scopes.len();
        for id in 0..n {
            let kind = self.st.scopes[id].kind();
            // Every name once, in first-seen order (a set beside the list:
            // a module with 100,000 names must not take quadratic time).
            let mut all: Vec<Name> = Vec::new();
            let mut in_all: HashSet<&Name> = HashSet::new();
            let sc = &self.st.scopes[id];
            for x in sc
                .params
                .iter()
                .chain(&sc.bound)
                .chain(&sc.used)
                .chain(sc.nonlocals.iter())
            {
                if in_all.insert(x) {
                    all.push(x.clone());
                }
            }
            drop(in_all);
            for name in all {
                let sc = &self.st.scopes[id];
                let k = if sc.globals.contains(&name) {
                    NameKind::GlobalExplicit
                } else if sc.nonlocals.contains(&name) {
                    if kind == ScopeKind::Module {
                        NameKind::GlobalImplicit
                    } else {
                        match self.find_binding(id, &name) {
                            Some(def) => {
                                self.mark_free_chain(id, def, &name);
                                NameKind::Free
                            }
                            None => {
                                return Err(SymError {
                                    msg: format!("no binding for nonlocal '{name}' found"),
                                    span: Span::default(),
                                })
                            }
                        }
                    }
                } else if kind == ScopeKind::Module {
                    NameKind::GlobalImplicit
                } else if sc.binds(&name) {
                    if kind == ScopeKind::Class {
                        NameKind::ClassName
                    } else {
                        NameKind::Local
                    }
                } else {
                    match self.find_binding(id, &name) {
                        Some(def) => {
                            self.mark_free_chain(id, def, &name);
                            NameKind::Free
                        }
                        None => {
                            if kind == ScopeKind::Class {
                                NameKind::ClassName
                            } else {
                                NameKind::GlobalImplicit
                            }
                        }
                    }
                };
                let prev = self.st.scopes[id].names.get(&name).copied();
                if prev != Some(NameKind::Cell) {
                    self.st.scopes[id].names.insert(name.clone(), k);
                }
                if k == NameKind::Free {
                    self.st.scopes[id].add_free(&name);
                }
            }
        }
        Ok(())
    }

    /// The nearest enclosing function scope binding `name` (class scopes
    /// are skipped, except that a class binds its implicit `__class__`).
    fn find_binding(&self, id: usize, name: &Name) -> Option<usize> {
        let mut cur = self.st.scopes[id].parent;
        while let Some(p) = cur {
            let sc = &self.st.scopes[p];
            match sc.kind() {
                ScopeKind::Module => return None,
                ScopeKind::Class => {
                    if &**name == "__class__" {
                        return Some(p);
                    }
                }
                _ => {
                    if sc.globals.contains(name) {
                        return None;
                    }
                    if sc.nonlocals.contains(name) || sc.binds(name) {
                        return Some(p);
                    }
                }
            }
            cur = sc.parent;
        }
        None
    }

    fn mark_free_chain(&mut self, from: usize, def: usize, name: &Name) {
        let def_scope = &mut self.st.scopes[def];
        if def_scope.kind() == ScopeKind::Class {
            def_scope.needs_class_cell = true;
            def_scope.add_cell(name);
        } else if def_scope.nonlocals.contains(name) {
            // Already a free variable there; resolved when `def` is visited.
        } else {
            def_scope.add_cell(name);
            def_scope.names.insert(name.clone(), NameKind::Cell);
        }
        let mut cur = self.st.scopes[from].parent;
        while let Some(p) = cur {
            if p == def {
                break;
            }
            self.st.scopes[p].add_free(name);
            if self.st.scopes[p].kind() != ScopeKind::Class {
                self.st.scopes[p]
                    .names
                    .entry(name.clone())
                    .or_insert(NameKind::Free);
            }
            cur = self.st.scopes[p].parent;
        }
    }
}
