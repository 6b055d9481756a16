//! Differential test of Looplab's parser against CPython.
//!
//! Every `.py` under `tests/syntax/` and `tests/conformance/` is given to
//! CPython (`tools/cpython_ast.py`: `compile()` for accept/reject,
//! `ast.parse` for the tree; one `python3` process for the whole corpus) and
//! to `parse_module`. They must agree on accept/reject; for rejects the
//! reported line must match; for accepts the trees must have the same shape
//! (node types, identifiers and constants). Programs CPython accepts but
//! Looplab rejects on purpose (messages mentioning "Looplab") are counted
//! separately. Column and message agreement are reported as figures.

use looplab_engine::ast::*;
use looplab_engine::parse::parse_module;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn quote(s: &str, out: &mut String) {
    out.push('"');
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() || " _.,:;!?+-*/=<>()[]{}@#$%^&|~'`".contains(ch) {
            out.push(ch);
        } else {
            let _ = write!(out, "\\u{{{:x}}}", ch as u32);
        }
    }
    out.push('"');
}

/// Writes the s-expression of Looplab's AST in the format of
/// `tools/cpython_ast.py`, and collects statement and expression positions
/// in the same order as it does.
struct Sx<'a>(String, Positions<'a>);

/// Positions as "line:col-line:col" (1-based, character columns).
struct Positions<'a> {
    src: &'a str,
    stmts: Vec<String>,
    exprs: Vec<String>,
}

impl Positions<'_> {
    fn of(&self, span: looplab_engine::span::Span) -> String {
        let end = (span.end as usize).min(self.src.len());
        let before = &self.src[..end];
        let end_line = 1 + before.matches('\n').count() + before.matches('\r').count()
            - before.matches("\r\n").count();
        let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let end_col = before[line_start..].chars().count() + 1;
        format!("{}:{}-{}:{}", span.line, span.col, end_line, end_col)
    }
}

impl Sx<'_> {
    fn open(&mut self, name: &str) {
        self.0.push('(');
        self.0.push_str(name);
    }
    fn close(&mut self) {
        self.0.push(')');
    }
    fn sp(&mut self) {
        self.0.push(' ');
    }
    fn atom(&mut self, s: &str) {
        self.sp();
        self.0.push_str(s);
    }
    fn name(&mut self, s: &str) {
        self.sp();
        quote(s, &mut self.0);
    }
    fn opt_name(&mut self, s: &Option<Name>) {
        match s {
            Some(n) => self.name(n),
            None => self.atom("_"),
        }
    }
    fn op(&mut self, op: &dyn std::fmt::Debug) {
        let _ = write!(self.0, " ({op:?})");
    }
    fn list<T>(&mut self, items: &[T], mut f: impl FnMut(&mut Self, &T)) {
        self.0.push_str(" [");
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.0.push(' ');
            }
            let len = self.0.len();
            f(self, item);
            // Items write a leading space; drop it inside lists.
            if self.0[len..].starts_with(' ') {
                self.0.remove(len);
            }
        }
        self.0.push(']');
    }
    fn stmts(&mut self, body: &[Stmt]) {
        self.list(body, |s, st| s.stmt(st));
    }
    fn exprs(&mut self, es: &[Expr]) {
        self.list(es, |s, e| s.expr(e));
    }
    fn opt_expr(&mut self, e: &Option<Expr>) {
        match e {
            Some(e) => self.expr(e),
            None => self.atom("_"),
        }
    }
    fn opt_box(&mut self, e: &Option<Box<Expr>>) {
        match e {
            Some(e) => self.expr(e),
            None => self.atom("_"),
        }
    }
    fn arg(&mut self, a: &Arg) {
        self.sp();
        self.open("arg");
        self.name(&a.arg);
        self.opt_expr(&a.annotation);
        self.close();
    }
    fn opt_arg(&mut self, a: &Option<Arg>) {
        match a {
            Some(a) => self.arg(a),
            None => self.atom("_"),
        }
    }
    fn arguments(&mut self, a: &Arguments) {
        self.sp();
        self.open("arguments");
        self.list(&a.posonlyargs, |s, x| s.arg(x));
        self.list(&a.args, |s, x| s.arg(x));
        self.opt_arg(&a.vararg);
        self.list(&a.kwonlyargs, |s, x| s.arg(x));
        self.list(&a.kw_defaults, |s, x| s.opt_expr(x));
        self.opt_arg(&a.kwarg);
        self.exprs(&a.defaults);
        self.close();
    }
    fn keywords(&mut self, ks: &[Keyword]) {
        self.list(ks, |s, k| {
            s.sp();
            s.open("keyword");
            s.opt_name(&k.arg);
            s.expr(&k.value);
            s.close();
        });
    }
    fn generators(&mut self, gs: &[Comprehension]) {
        self.list(gs, |s, g| {
            s.sp();
            s.open("comprehension");
            s.expr(&g.target);
            s.expr(&g.iter);
            s.exprs(&g.ifs);
            s.atom(if g.is_async { "1" } else { "0" });
            s.close();
        });
    }
    fn aliases(&mut self, names: &[Alias]) {
        self.list(names, |s, a| {
            s.sp();
            s.open("alias");
            s.name(&a.name);
            s.opt_name(&a.asname);
            s.close();
        });
    }

    /// One arm per statement kind, printed as `ast.dump` names it: a table
    /// (kept as one match so a new kind fails to compile here).
    fn stmt(&mut self, st: &Stmt) {
        let pos = self.1.of(st.span);
        self.1.stmts.push(pos);
        self.sp();
        match &st.kind {
            StmtKind::FunctionDef(f) => {
                self.open(if f.is_async {
                    "AsyncFunctionDef"
                } else {
                    "FunctionDef"
                });
                self.name(&f.name);
                self.arguments(&f.args);
                self.stmts(&f.body);
                self.exprs(&f.decorator_list);
                self.opt_expr(&f.returns);
            }
            StmtKind::ClassDef(c) => {
                self.open("ClassDef");
                self.name(&c.name);
                self.exprs(&c.bases);
                self.keywords(&c.keywords);
                self.stmts(&c.body);
                self.exprs(&c.decorator_list);
            }
            StmtKind::Return(v) => {
                self.open("Return");
                self.opt_expr(v);
            }
            StmtKind::Delete(ts) => {
                self.open("Delete");
                self.exprs(ts);
            }
            StmtKind::Assign { targets, value } => {
                self.open("Assign");
                self.exprs(targets);
                self.expr(value);
            }
            StmtKind::AugAssign { target, op, value } => {
                self.open("AugAssign");
                self.expr(target);
                self.op(op);
                self.expr(value);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                self.open("AnnAssign");
                self.expr(target);
                self.expr(annotation);
                self.opt_expr(value);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                self.open(if *is_async { "AsyncFor" } else { "For" });
                self.expr(target);
                self.expr(iter);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::While { test, body, orelse } => {
                self.open("While");
                self.expr(test);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::If { test, body, orelse } => {
                self.open("If");
                self.expr(test);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                self.open(if *is_async { "AsyncWith" } else { "With" });
                self.list(items, |s, i| {
                    s.sp();
                    s.open("withitem");
                    s.expr(&i.context_expr);
                    s.opt_expr(&i.optional_vars);
                    s.close();
                });
                self.stmts(body);
            }
            StmtKind::Raise { exc, cause } => {
                self.open("Raise");
                self.opt_expr(exc);
                self.opt_expr(cause);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => {
                self.open(if *is_star { "TryStar" } else { "Try" });
                self.stmts(body);
                self.list(handlers, |s, h| {
                    s.sp();
                    s.open("ExceptHandler");
                    s.opt_expr(&h.typ);
                    s.opt_name(&h.name);
                    s.stmts(&h.body);
                    s.close();
                });
                self.stmts(orelse);
                self.stmts(finalbody);
            }
            StmtKind::Assert { test, msg } => {
                self.open("Assert");
                self.expr(test);
                self.opt_expr(msg);
            }
            StmtKind::Import(names) => {
                self.open("Import");
                self.aliases(names);
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                self.open("ImportFrom");
                self.opt_name(module);
                self.aliases(names);
                self.atom(&level.to_string());
            }
            StmtKind::Global(names) => {
                self.open("Global");
                self.list(names, |s, n| s.name(n));
            }
            StmtKind::Nonlocal(names) => {
                self.open("Nonlocal");
                self.list(names, |s, n| s.name(n));
            }
            StmtKind::Expr(e) => {
                self.open("Expr");
                self.expr(e);
            }
            StmtKind::Pass => self.open("Pass"),
            StmtKind::Break => self.open("Break"),
            StmtKind::Continue => self.open("Continue"),
            StmtKind::Match { subject, cases } => {
                self.open("Match");
                self.expr(subject);
                self.list(cases, |s, c| {
                    s.sp();
                    s.open("match_case");
                    s.pattern(&c.pattern);
                    s.opt_expr(&c.guard);
                    s.stmts(&c.body);
                    s.close();
                });
            }
        }
        self.close();
    }

    fn patterns(&mut self, ps: &[Pattern]) {
        self.list(ps, |s, p| s.pattern(p));
    }

    fn names(&mut self, ns: &[Name]) {
        self.list(ns, |s, n| s.name(n));
    }

    fn pattern(&mut self, p: &Pattern) {
        self.sp();
        match &p.kind {
            PatternKind::MatchValue(v) => {
                self.open("MatchValue");
                self.expr(v);
            }
            PatternKind::MatchSingleton(c) => {
                self.open("MatchSingleton");
                self.atom(match c {
                    Constant::None => "_",
                    Constant::Bool(true) => "True",
                    _ => "False",
                });
            }
            PatternKind::MatchSequence(items) => {
                self.open("MatchSequence");
                self.patterns(items);
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.open("MatchMapping");
                self.exprs(keys);
                self.patterns(patterns);
                self.opt_name(rest);
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                self.open("MatchClass");
                self.expr(cls);
                self.patterns(patterns);
                self.names(kwd_attrs);
                self.patterns(kwd_patterns);
            }
            PatternKind::MatchStar(name) => {
                self.open("MatchStar");
                self.opt_name(name);
            }
            PatternKind::MatchAs { pattern, name } => {
                self.open("MatchAs");
                match pattern {
                    Some(q) => self.pattern(q),
                    None => self.atom("_"),
                }
                self.opt_name(name);
            }
            PatternKind::MatchOr(alts) => {
                self.open("MatchOr");
                self.patterns(alts);
            }
        }
        self.close();
    }

    /// One arm per expression kind, printed as `ast.dump` names it: a table
    /// (kept as one match so a new kind fails to compile here).
    fn expr(&mut self, e: &Expr) {
        let pos = self.1.of(e.span);
        self.1.exprs.push(pos);
        self.sp();
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                self.open("BoolOp");
                self.op(op);
                self.exprs(values);
            }
            ExprKind::NamedExpr { target, value } => {
                self.open("NamedExpr");
                self.sp();
                self.open("Name");
                self.name(target);
                self.close();
                self.expr(value);
            }
            ExprKind::BinOp { left, op, right } => {
                self.open("BinOp");
                self.expr(left);
                self.op(op);
                self.expr(right);
            }
            ExprKind::UnaryOp { op, operand } => {
                self.open("UnaryOp");
                self.op(op);
                self.expr(operand);
            }
            ExprKind::Lambda { args, body } => {
                self.open("Lambda");
                self.arguments(args);
                self.expr(body);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.open("IfExp");
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Dict { keys, values } => {
                self.open("Dict");
                self.list(keys, |s, k| s.opt_expr(k));
                self.exprs(values);
            }
            ExprKind::Set(elts) => {
                self.open("Set");
                self.exprs(elts);
            }
            ExprKind::ListComp { elt, generators } => {
                self.open("ListComp");
                self.expr(elt);
                self.generators(generators);
            }
            ExprKind::SetComp { elt, generators } => {
                self.open("SetComp");
                self.expr(elt);
                self.generators(generators);
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.open("DictComp");
                self.expr(key);
                self.expr(value);
                self.generators(generators);
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.open("GeneratorExp");
                self.expr(elt);
                self.generators(generators);
            }
            ExprKind::Await(v) => {
                self.open("Await");
                self.expr(v);
            }
            ExprKind::Yield(v) => {
                self.open("Yield");
                self.opt_box(v);
            }
            ExprKind::YieldFrom(v) => {
                self.open("YieldFrom");
                self.expr(v);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.open("Compare");
                self.expr(left);
                self.list(ops, |s, o| s.op(o));
                self.exprs(comparators);
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.open("Call");
                self.expr(func);
                self.exprs(args);
                self.keywords(keywords);
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.open("FormattedValue");
                self.expr(value);
                self.atom(&conversion.map_or(-1, |c| c as i64).to_string());
                self.opt_box(format_spec);
            }
            ExprKind::JoinedStr(parts) => {
                self.open("JoinedStr");
                self.exprs(parts);
            }
            ExprKind::Constant(c) => {
                self.open("Constant");
                match c {
                    Constant::None => self.atom("_"),
                    Constant::Bool(b) => self.atom(if *b { "True" } else { "False" }),
                    Constant::Int(i) => self.atom(&i.to_string()),
                    Constant::BigInt(i) => self.atom(&i.to_string()),
                    Constant::Float(f) => self.atom(&format!("f{}", f.to_bits())),
                    Constant::Str(s) => self.name(s),
                    Constant::Bytes(b) => {
                        let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
                        self.atom(&format!("b{hex}"));
                    }
                    Constant::Ellipsis => self.atom("..."),
                }
            }
            ExprKind::Attribute { value, attr } => {
                self.open("Attribute");
                self.expr(value);
                self.name(attr);
            }
            ExprKind::Subscript { value, slice } => {
                self.open("Subscript");
                self.expr(value);
                self.expr(slice);
            }
            ExprKind::Starred(v) => {
                self.open("Starred");
                self.expr(v);
            }
            ExprKind::Name(n) => {
                self.open("Name");
                self.name(n);
            }
            ExprKind::List(elts) => {
                self.open("List");
                self.exprs(elts);
            }
            ExprKind::Tuple(elts) => {
                self.open("Tuple");
                self.exprs(elts);
            }
            ExprKind::Slice { lower, upper, step } => {
                self.open("Slice");
                self.opt_box(lower);
                self.opt_box(upper);
                self.opt_box(step);
            }
        }
        self.close();
    }
}

/// The s-expression of a module and the positions of its statements and
/// expressions.
fn sexp<'a>(m: &Module, src: &'a str) -> (String, Positions<'a>) {
    let mut s = Sx(
        String::new(),
        Positions {
            src,
            stmts: Vec::new(),
            exprs: Vec::new(),
        },
    );
    s.open("Module");
    s.stmts(&m.body);
    s.close();
    (s.0, s.1)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

/// CPython's verdict on one program (see `tools/cpython_ast.py`).
#[derive(serde::Deserialize)]
struct Oracle {
    ok: bool,
    /// The tree's s-expression (None when too deep for the dumper).
    #[serde(default)]
    sexp: Option<String>,
    /// How Python prints the error (`traceback.format_exception_only`).
    #[serde(default)]
    rendered: String,
    /// Statement positions in s-expression order.
    #[serde(default)]
    stmt_pos: Vec<String>,
    /// Expression positions in s-expression order.
    #[serde(default)]
    expr_pos: Vec<String>,
    #[serde(default)]
    msg: String,
    #[serde(default)]
    lineno: u32,
    #[serde(default)]
    offset: i64,
}

/// Runs CPython over all sources at once.
fn cpython_verdicts(sources: &[(String, String)]) -> Vec<Oracle> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let input: Vec<serde_json::Value> = sources
        .iter()
        .map(|(name, source)| serde_json::json!({"name": name, "source": source}))
        .collect();
    let mut child = Command::new("python3")
        .arg(root.join("tools/cpython_ast.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 must be installed for the differential test");
    let mut stdin = child.stdin.take().expect("stdin");
    let payload = serde_json::to_vec(&input).expect("json");
    let writer = std::thread::spawn(move || stdin.write_all(&payload));
    let output = child.wait_with_output().expect("python3 output");
    writer
        .join()
        .expect("writer thread")
        .expect("write to python3");
    assert!(output.status.success(), "cpython_ast.py failed");
    serde_json::from_slice(&output.stdout).expect("cpython_ast.py output")
}

#[test]
fn parser_agrees_with_cpython() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    collect(&root.join("tests/syntax"), &mut files);
    collect(&root.join("tests/conformance"), &mut files);
    compare(root, files);
}

/// The same comparison over any directory of Python files (for instance
/// CPython's own standard library):
/// `LOOPLAB_PY_CORPUS=/usr/lib/python3.11 cargo test --test differential -- --ignored --nocapture`
#[test]
#[ignore]
fn parser_agrees_with_cpython_on_external_corpus() {
    let Ok(dir) = std::env::var("LOOPLAB_PY_CORPUS") else {
        panic!("set LOOPLAB_PY_CORPUS to a directory of .py files");
    };
    let mut files = Vec::new();
    collect(Path::new(&dir), &mut files);
    compare(Path::new(&dir), files);
}

fn compare(root: &Path, mut files: Vec<PathBuf>) {
    files.sort();
    assert!(!files.is_empty(), "no corpus found");
    let sources: Vec<(String, String)> = files
        .iter()
        .map(|p| {
            let name = p.strip_prefix(root).unwrap_or(p).display().to_string();
            let source = std::fs::read_to_string(p).unwrap_or_default();
            (name, source)
        })
        .collect();
    let verdicts = cpython_verdicts(&sources);
    assert_eq!(verdicts.len(), sources.len());

    let mut failures = Vec::new();
    let (mut accepted, mut rejected, mut subset, mut col_ok, mut msg_ok) = (0, 0, 0, 0, 0);
    let mut render_ok = 0;
    let mut col_misses = Vec::new();
    let (mut stmts_total, mut stmts_same, mut exprs_total, mut exprs_same) = (0, 0, 0, 0);
    let mut expr_misses = Vec::new();
    for ((name, source), oracle) in sources.iter().zip(&verdicts) {
        match (parse_module(source), oracle.ok) {
            (Ok(module), true) => {
                accepted += 1;
                let (ours, pos) = sexp(&module, source);
                if let Some(theirs) = oracle.sexp.as_ref().filter(|s| **s != ours) {
                    failures.push(format!(
                        "{name}: AST differs\n  ours:    {ours}\n  cpython: {theirs}"
                    ));
                } else if oracle.sexp.is_some() {
                    stmts_total += pos.stmts.len();
                    for (i, (a, b)) in pos.stmts.iter().zip(&oracle.stmt_pos).enumerate() {
                        if a == b {
                            stmts_same += 1;
                        } else {
                            failures.push(format!("{name}: statement {i} at {a}, CPython {b}"));
                        }
                    }
                    exprs_total += pos.exprs.len();
                    for (a, b) in pos.exprs.iter().zip(&oracle.expr_pos) {
                        if a == b {
                            exprs_same += 1;
                        } else if expr_misses.len() < 40 {
                            expr_misses.push(format!("{name}: expression at {a}, CPython {b}"));
                        }
                    }
                }
            }
            (Err(e), false) => {
                rejected += 1;
                if e.span.line != oracle.lineno {
                    failures.push(format!(
                        "{name}: error line {} != CPython's {} (ours: {:?}, CPython: {:?})",
                        e.span.line, oracle.lineno, e.msg, oracle.msg
                    ));
                }
                if i64::from(e.span.col) == oracle.offset {
                    col_ok += 1;
                } else {
                    col_misses.push(format!("{name}: col {} vs {}", e.span.col, oracle.offset));
                }
                if e.msg == oracle.msg {
                    msg_ok += 1;
                } else {
                    col_misses.push(format!("{name}: msg {:?} vs {:?}", e.msg, oracle.msg));
                }
                let rendered = e.render(source, "<lesson>");
                if rendered == oracle.rendered {
                    render_ok += 1;
                } else {
                    col_misses.push(format!(
                        "{name}: rendered\n{rendered}  vs CPython\n{}",
                        oracle.rendered
                    ));
                }
            }
            (Err(e), true) if e.msg.contains("Looplab") => {
                subset += 1;
                if std::env::var("LOOPLAB_VERBOSE").is_ok() {
                    println!(
                        "  {name}: subset: {} at {}:{}",
                        e.msg, e.span.line, e.span.col
                    );
                }
            }
            (Err(e), true) => failures.push(format!(
                "{name}: we reject ({} at {}:{}) but CPython accepts",
                e.msg, e.span.line, e.span.col
            )),
            (Ok(_), false) => failures.push(format!(
                "{name}: we accept but CPython rejects: {} (line {})",
                oracle.msg, oracle.lineno
            )),
        }
    }
    println!(
        "differential: {} programs, {accepted} accepted with equal ASTs, {rejected} rejected \
         ({col_ok} with CPython's column, {msg_ok} with CPython's message), {subset} outside \
         Looplab's subset",
        sources.len()
    );
    println!("rendered exactly as Python prints them: {render_ok} of {rejected} errors");
    println!(
        "positions: {stmts_same}/{stmts_total} statements and {exprs_same}/{exprs_total} \
         expressions start and end where CPython's do"
    );
    for m in col_misses.iter().chain(&expr_misses) {
        println!("  {m}");
    }
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A small deterministic PRNG (xorshift64*), so the token soup is the same
/// on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces of Python, most of them tokens, some of them likely to provoke
/// the tokenizer (unterminated strings, bad numbers, tabs).
const SOUP: &[&str] = &[
    "x",
    "y",
    "f",
    "print",
    "match",
    "type",
    "_",
    "1",
    "0",
    "2.5",
    "1e3",
    "0x1f",
    "'s'",
    "\"t\"",
    "f'{x}'",
    "f'{x!r:>{y}}'",
    "b'b'",
    "'''doc'''",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    ";",
    ".",
    "=",
    "==",
    "!=",
    "<",
    ">",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "@",
    "|",
    "&",
    "^",
    "~",
    "->",
    ":=",
    "+=",
    "...",
    "if",
    "else",
    "elif",
    "while",
    "for",
    "in",
    "not",
    "and",
    "or",
    "is",
    "def",
    "async",
    "await",
    "return",
    "yield",
    "from",
    "import",
    "class",
    "lambda",
    "try",
    "except",
    "finally",
    "with",
    "as",
    "pass",
    "break",
    "continue",
    "del",
    "global",
    "nonlocal",
    "raise",
    "assert",
    "None",
    "True",
    "False",
    "\n",
    "\n",
    "\n",
    "\n    ",
    "\n        ",
    "\n\t",
    " ",
    " ",
    " ",
    "#c",
    "\\\n",
    "'open",
    "1_",
    "09",
    "$",
    "?",
];

fn soup(rng: &mut Rng) -> String {
    let len = 1 + rng.below(25);
    let mut s = String::new();
    for _ in 0..len {
        s.push_str(SOUP[rng.below(SOUP.len())]);
        if rng.below(3) > 0 {
            s.push(' ');
        }
    }
    s
}

#[test]
fn token_soup_never_panics() {
    let mut rng = Rng(0x5eed);
    for _ in 0..20_000 {
        let src = soup(&mut rng);
        if let Err(e) = parse_module(&src) {
            let rendered = e.render(&src, "<lesson>");
            assert!(rendered.contains(e.kind.name()));
        }
        check_highlight_covers(&src);
    }
}

/// `highlight` regions are ordered, disjoint, on char boundaries, and cover
/// every non-whitespace character (backslash continuations aside).
fn check_highlight_covers(src: &str) {
    let spans = looplab_engine::parse::highlight::highlight(src);
    let mut covered = vec![false; src.len()];
    let mut prev_end = 0;
    for (span, _) in &spans {
        let (a, b) = (span.start as usize, span.end as usize);
        assert!(
            prev_end <= a && a < b && b <= src.len(),
            "{src:?}: {span:?}"
        );
        assert!(src.is_char_boundary(a) && src.is_char_boundary(b));
        covered[a..b].iter_mut().for_each(|c| *c = true);
        prev_end = b;
    }
    for (i, c) in src.char_indices() {
        let continuation = c == '\\' && matches!(src[i + 1..].chars().next(), Some('\n' | '\r'));
        if !c.is_whitespace() && !continuation {
            assert!(covered[i], "{src:?}: {c:?} at {i} not highlighted");
        }
    }
}

#[test]
fn highlight_covers_the_corpus_and_half_typed_programs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    collect(&root.join("tests/syntax"), &mut files);
    for path in files {
        let src = std::fs::read_to_string(&path).unwrap_or_default();
        check_highlight_covers(&src);
        // Every prefix, as if typed character by character.
        for (i, _) in src.char_indices().step_by(7) {
            check_highlight_covers(&src[..i]);
        }
    }
}

/// Random token soup through CPython and Looplab: accept/reject must agree
/// (except for Looplab's own subset errors); error-line agreement is
/// reported as a figure.
#[test]
fn token_soup_agrees_with_cpython_on_accept_reject() {
    let mut rng = Rng(0xc0ffee);
    let sources: Vec<(String, String)> = (0..3000)
        .map(|i| (format!("soup{i}"), soup(&mut rng)))
        .collect();
    let verdicts = cpython_verdicts(&sources);
    let (mut agree, mut lines, mut cols, mut msgs, mut rejects) = (0, 0, 0, 0, 0);
    let mut disagreements = Vec::new();
    let mut line_misses = Vec::new();
    for ((_, src), oracle) in sources.iter().zip(&verdicts) {
        match (parse_module(src), oracle.ok) {
            (Ok(_), true) => agree += 1,
            (Err(e), true) if e.msg.contains("Looplab") => agree += 1,
            (Err(e), false) => {
                agree += 1;
                rejects += 1;
                if e.span.line == oracle.lineno {
                    lines += 1;
                } else {
                    line_misses.push(format!(
                        "{src:?}: ours {} line {} / CPython {} line {}",
                        e.msg, e.span.line, oracle.msg, oracle.lineno
                    ));
                }
                if i64::from(e.span.col) == oracle.offset {
                    cols += 1;
                }
                if e.msg == oracle.msg {
                    msgs += 1;
                }
            }
            (ours, _) => disagreements.push(format!(
                "{src:?}: ours {:?} / CPython {:?}",
                ours.err().map(|e| e.msg),
                oracle.msg
            )),
        }
    }
    println!(
        "token soup: {} programs, {agree} agree on accept/reject; of {rejects} rejected by both: \
         {lines} same line, {cols} same column, {msgs} same message",
        sources.len()
    );
    if std::env::var("LOOPLAB_VERBOSE").is_ok() {
        for m in &line_misses {
            println!("  {m}");
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Prints how long a 2,000-line program takes to parse, and twice that
/// size (a quadratic step would show as more than double). A figure, not an
/// assertion.
#[test]
fn parse_speed_2000_lines() {
    let unit = "async def worker_NAME(queue, delay=0.5, *, retries=3):\n    \"\"\"Docstring.\"\"\"\n    for attempt in range(retries):\n        item = await queue.get()\n        if item is None or attempt > 2:\n            break\n        print(f\"{item!r:>10} {attempt + 1}\", [x * 2 for x in range(3)])\n    return {\"done\": True, 'n': -2 ** 2}\n\n";
    let mut src = String::new();
    let mut i = 0;
    while src.lines().count() < 2000 {
        src.push_str(&unit.replace("NAME", &i.to_string()));
        i += 1;
    }
    let lines = src.lines().count();
    parse_module(&src).expect("parses");
    let start = std::time::Instant::now();
    let runs = 5;
    for _ in 0..runs {
        parse_module(&src).expect("parses");
    }
    let per_parse = start.elapsed() / runs;
    // And twice the size takes about twice the time (no quadratic step).
    let double = src.repeat(2);
    let start = std::time::Instant::now();
    parse_module(&double).expect("parses");
    let per_double = start.elapsed();
    let start = std::time::Instant::now();
    for _ in 0..runs {
        let _ = looplab_engine::parse::lexer::tokenize(&src);
    }
    println!("lexing alone: {:?}", start.elapsed() / runs);
    println!(
        "parse speed: {lines} lines in {per_parse:?}; {} lines in {per_double:?}",
        lines * 2
    );
    // Figures only: timings depend on the machine's load, so asserting
    // them would make a flaky test (DEVELOPERS.md: benchmarks print figures).
}

/// Realistic mistakes: every valid corpus program with one token deleted,
/// duplicated or followed by a random token. Accept/reject must agree with
/// CPython; the error line must agree for at least 97% of the programs both
/// reject (the figures are printed).
#[test]
fn mutated_programs_agree_with_cpython() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    collect(&root.join("tests/syntax"), &mut files);
    collect(&root.join("tests/conformance"), &mut files);
    files.sort();
    let mut rng = Rng(0xbad5eed);
    let mut sources = Vec::new();
    for path in &files {
        let Ok(src) = std::fs::read_to_string(path) else {
            continue;
        };
        if parse_module(&src).is_err() {
            continue;
        }
        let spans = looplab_engine::parse::highlight::highlight(&src);
        if spans.is_empty() {
            continue;
        }
        for _ in 0..std::env::var("LOOPLAB_MUTANTS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(12)
        {
            let (span, _) = spans[rng.below(spans.len())];
            let (a, b) = (span.start as usize, span.end as usize);
            let mutant = match rng.below(3) {
                0 => format!("{}{}", &src[..a], &src[b..]),
                1 => format!("{}{} {}", &src[..b], &src[a..b], &src[b..]),
                _ => format!(
                    "{} {} {}",
                    &src[..b],
                    SOUP[rng.below(SOUP.len())],
                    &src[b..]
                ),
            };
            sources.push((path.display().to_string(), mutant));
        }
    }
    let verdicts = cpython_verdicts(&sources);
    let (mut rejects, mut lines, mut cols, mut msgs, mut renders) = (0, 0, 0, 0, 0);
    let mut disagreements = Vec::new();
    let mut line_misses = Vec::new();
    for ((_, src), oracle) in sources.iter().zip(&verdicts) {
        match (parse_module(src), oracle.ok) {
            (Ok(_), true) => {}
            (Err(e), true) if e.msg.contains("Looplab") => {}
            (Err(e), false) => {
                rejects += 1;
                if e.span.line == oracle.lineno {
                    lines += 1;
                } else {
                    line_misses.push(format!(
                        "{src:?}\n    ours {} at {}:{} / CPython {} at {}:{}",
                        e.msg, e.span.line, e.span.col, oracle.msg, oracle.lineno, oracle.offset
                    ));
                }
                if i64::from(e.span.col) == oracle.offset {
                    cols += 1;
                }
                if e.render(src, "<lesson>") == oracle.rendered {
                    renders += 1;
                }
                if e.msg == oracle.msg {
                    msgs += 1;
                } else {
                    let text = src.lines().nth(e.span.line.saturating_sub(1) as usize);
                    line_misses.push(format!(
                        "message: ours {:?} / CPython {:?} | {:?}",
                        e.msg,
                        oracle.msg,
                        text.unwrap_or("")
                    ));
                }
            }
            (ours, _) => disagreements.push(format!(
                "{src:?}\n    ours {:?} / CPython {:?} line {}",
                ours.err().map(|e| (e.msg, e.span.line)),
                oracle.msg,
                oracle.lineno
            )),
        }
    }
    println!(
        "mutants: {} programs; of {rejects} rejected by both: {lines} same line, {cols} same column, \
         {msgs} same message, {renders} rendered identically",
        sources.len()
    );
    if std::env::var("LOOPLAB_VERBOSE").is_ok() {
        for m in &line_misses {
            println!("  {m}");
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} accept/reject disagreements:\n{}",
        disagreements.len(),
        disagreements
            .iter()
            .take(30)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        lines * 100 >= rejects * 97,
        "only {lines} of {rejects} error lines agree"
    );
}
