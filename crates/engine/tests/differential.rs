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
/// `tools/cpython_ast.py`.
struct Sx(String);

impl Sx {
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

    fn stmt(&mut self, st: &Stmt) {
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
        }
        self.close();
    }

    fn expr(&mut self, e: &Expr) {
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

fn sexp(m: &Module) -> String {
    let mut s = Sx(String::new());
    s.open("Module");
    s.stmts(&m.body);
    s.close();
    s.0
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
    #[serde(default)]
    sexp: String,
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
    files.sort();
    assert!(!files.is_empty(), "no corpus found");
    let sources: Vec<(String, String)> = files
        .iter()
        .map(|p| {
            let name = p.strip_prefix(root).unwrap_or(p).display().to_string();
            let source = std::fs::read_to_string(p).expect("read corpus file");
            (name, source)
        })
        .collect();
    let verdicts = cpython_verdicts(&sources);
    assert_eq!(verdicts.len(), sources.len());

    let mut failures = Vec::new();
    let (mut accepted, mut rejected, mut subset, mut col_ok, mut msg_ok) = (0, 0, 0, 0, 0);
    let mut col_misses = Vec::new();
    for ((name, source), oracle) in sources.iter().zip(&verdicts) {
        match (parse_module(source), oracle.ok) {
            (Ok(module), true) => {
                accepted += 1;
                let ours = sexp(&module);
                if ours != oracle.sexp {
                    failures.push(format!(
                        "{name}: AST differs\n  ours:    {ours}\n  cpython: {}",
                        oracle.sexp
                    ));
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
            }
            (Err(e), true) if e.msg.contains("Looplab") => subset += 1,
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
    for m in &col_misses {
        println!("  {m}");
    }
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
