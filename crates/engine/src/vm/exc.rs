//! Exceptions: creating them, chaining (`__cause__`/`__context__`),
//! `except*` splitting of exception groups, and rendering tracebacks the
//! way CPython prints them.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use crate::span::Span;
use crate::vm::value::*;
use crate::vm::{Error, Vm};

/// How many times in a row a traceback prints the same line before
/// collapsing the rest into "[Previous line repeated N more times]"
/// (CPython's cutoff).
const TB_REPEAT_CUTOFF: usize = 3;

/// The most chained exceptions (`__cause__`/`__context__`) a traceback
/// prints, newest kept (CPython prints them all).
const MAX_CHAIN: usize = 100;

impl Vm {
    /// A new exception instance of class `cls` with `args`.
    pub fn new_exception(&mut self, cls: &Rc<Class>, args: Vec<Value>) -> Value {
        let id = self.fresh_id();
        Value::Instance(Rc::new(Instance {
            class: RefCell::new(cls.clone()),
            dict: RefCell::new(AttrMap::new()),
            exc: Some(RefCell::new(ExcData {
                args,
                ..Default::default()
            })),
            native: RefCell::new(None),
            id,
        }))
    }

    /// `Error` for raising `cls(msg)`.
    pub fn new_error(&mut self, cls: &Rc<Class>, msg: impl Into<String>) -> Error {
        let msg: String = msg.into();
        let e = self.new_exception(cls, vec![Value::Str(Rc::from(msg))]);
        self.attach_context(&e);
        Error::Exception(e)
    }

    pub fn new_error_args(&mut self, cls: &Rc<Class>, args: Vec<Value>) -> Error {
        let e = self.new_exception(cls, args);
        self.attach_context(&e);
        Error::Exception(e)
    }

    pub fn type_error(&mut self, msg: impl Into<String>) -> Error {
        let c = self.types.type_error.clone();
        self.new_error(&c, msg)
    }
    pub fn value_error(&mut self, msg: impl Into<String>) -> Error {
        let c = self.types.value_error.clone();
        self.new_error(&c, msg)
    }
    pub fn index_error(&mut self, msg: impl Into<String>) -> Error {
        let c = self.types.index_error.clone();
        self.new_error(&c, msg)
    }
    pub fn runtime_error(&mut self, msg: impl Into<String>) -> Error {
        let c = self.types.runtime_error.clone();
        self.new_error(&c, msg)
    }
    pub fn attribute_error(&mut self, msg: impl Into<String>) -> Error {
        let c = self.types.attribute_error.clone();
        self.new_error(&c, msg)
    }
    pub fn overflow_error(&mut self, msg: &str) -> Error {
        let c = self.types.overflow_error.clone();
        self.new_error(&c, msg)
    }
    pub fn zero_division(&mut self, msg: &str) -> Error {
        let c = self.types.zero_division_error.clone();
        self.new_error(&c, msg)
    }
    pub fn key_error(&mut self, key: Value) -> Error {
        let c = self.types.key_error.clone();
        self.new_error_args(&c, vec![key])
    }
    pub fn memory_error(&mut self) -> Error {
        let c = self.types.memory_error.clone();
        self.new_error_args(&c, vec![])
    }
    pub fn stop_iteration(&mut self, v: Value) -> Error {
        let c = self.types.stop_iteration.clone();
        let args = if v.is_none() { vec![] } else { vec![v] };
        self.new_error_args(&c, args)
    }

    /// Whether `exc` is a `SystemExit` (or a subclass's) instance: the
    /// exception that ends a program quietly with an exit status.
    pub fn is_system_exit(&self, exc: &Value) -> bool {
        self.exc_data(exc).is_some() && self.class_of(exc).is_subclass(&self.types.system_exit)
    }

    pub fn exc_data<'a>(&self, v: &'a Value) -> Option<&'a RefCell<ExcData>> {
        match v {
            Value::Instance(i) => i.exc.as_ref(),
            _ => None,
        }
    }

    pub fn is_instance_of(&self, v: &Value, cls: &Rc<Class>) -> bool {
        self.class_of(v).is_subclass(cls)
    }

    /// Set `__context__` of a newly raised exception to the exception being
    /// handled (unless that would create a cycle).
    pub(crate) fn attach_context(&mut self, exc: &Value) {
        let Some(cur) = self.current_handled() else {
            return;
        };
        if cur.is(exc) {
            return;
        }
        let Some(d) = self.exc_data(exc) else { return };
        if d.borrow().context.is_some() {
            return;
        }
        // Avoid cycles: if exc is already in cur's context chain, cut it.
        let mut c = Some(cur.clone());
        let mut guard = 0;
        while let Some(x) = c {
            guard += 1;
            if guard > 100 {
                break;
            }
            let next = self.exc_data(&x).and_then(|d| d.borrow().context.clone());
            if let Some(n) = &next {
                if n.is(exc) {
                    if let Some(xd) = self.exc_data(&x) {
                        xd.borrow_mut().context = None;
                    }
                    break;
                }
            }
            c = next;
        }
        d.borrow_mut().context = Some(cur);
    }

    pub(crate) fn set_context(&mut self, exc: &Value, ctx: Option<Value>) {
        if let Some(d) = self.exc_data(exc) {
            d.borrow_mut().context = ctx;
        }
    }

    pub(crate) fn set_cause(&mut self, exc: &Value, cause: Option<Value>, suppress: bool) {
        if let Some(d) = self.exc_data(exc) {
            let mut d = d.borrow_mut();
            d.cause = cause;
            d.suppress_context = suppress;
        }
    }

    /// `raise X`: X may be an exception class (instantiated) or instance.
    pub(crate) fn make_raisable(&mut self, v: Value) -> Result<Value, Error> {
        let be = self.types.base_exception.clone();
        match &v {
            Value::Class(c) if c.is_subclass(&be) => self.call(&v, vec![], vec![]),
            Value::Instance(i) if i.exc.is_some() => Ok(v),
            _ => Err(self.type_error("exceptions must derive from BaseException")),
        }
    }

    pub(crate) fn make_raisable_cause(&mut self, v: Value) -> Result<Value, Error> {
        let be = self.types.base_exception.clone();
        match &v {
            Value::Class(c) if c.is_subclass(&be) => self.call(&v, vec![], vec![]),
            Value::Instance(i) if i.exc.is_some() => Ok(v),
            _ => Err(self.type_error("exception causes must derive from BaseException")),
        }
    }

    /// `except T:` matching (T a class or tuple of classes).
    pub(crate) fn exception_matches(&mut self, exc: &Value, typ: &Value) -> Result<bool, Error> {
        let be = self.types.base_exception.clone();
        match typ {
            Value::Class(c) => {
                if !c.is_subclass(&be) {
                    return Err(self.type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ));
                }
                Ok(self.is_instance_of(exc, c))
            }
            Value::Tuple(t) => {
                for x in t.iter() {
                    if self.exception_matches(exc, x)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    fn is_group(&self, v: &Value) -> bool {
        let g = self.types.base_exception_group.clone();
        self.is_instance_of(v, &g)
    }

    /// The (message, exceptions) of an exception group.
    pub(crate) fn group_parts(&self, v: &Value) -> Option<(Value, Vec<Value>)> {
        let d = self.exc_data(v)?;
        let d = d.borrow();
        let msg = d.args.first().cloned().unwrap_or(Value::str(""));
        let excs = match d.args.get(1) {
            Some(Value::Tuple(t)) => t.to_vec(),
            Some(Value::List(l)) => l.borrow().clone(),
            _ => Vec::new(),
        };
        Some((msg, excs))
    }

    /// A new group like `template` (same class and message) with `excs`.
    fn derive_group(&mut self, template: &Value, excs: Vec<Value>) -> Value {
        let (msg, _) = self
            .group_parts(template)
            .unwrap_or((Value::str(""), vec![]));
        let cls = self.class_of(template);
        let g = self.new_exception(&cls, vec![msg, Value::tuple(excs)]);
        if let (Some(src), Some(dst)) = (self.exc_data(template), self.exc_data(&g)) {
            let s = src.borrow();
            let mut d = dst.borrow_mut();
            d.traceback = s.traceback.clone();
            d.cause = s.cause.clone();
            d.context = s.context.clone();
            d.notes = s.notes.clone();
        }
        g
    }

    /// Split `exc` by a predicate into (matching, rest), as
    /// `BaseExceptionGroup.split` does.
    fn split_group(
        &mut self,
        exc: &Value,
        typ: &Value,
    ) -> Result<(Option<Value>, Option<Value>), Error> {
        if self.exception_matches(exc, typ)? {
            return Ok((Some(exc.clone()), None));
        }
        if !self.is_group(exc) {
            return Ok((None, Some(exc.clone())));
        }
        let (_, excs) = self.group_parts(exc).unwrap_or((Value::None, vec![]));
        let mut m = Vec::new();
        let mut r = Vec::new();
        for e in excs {
            let (a, b) = self.split_group(&e, typ)?;
            if let Some(a) = a {
                m.push(a);
            }
            if let Some(b) = b {
                r.push(b);
            }
        }
        let m = if m.is_empty() {
            None
        } else {
            Some(self.derive_group(exc, m))
        };
        let r = if r.is_empty() {
            None
        } else {
            Some(self.derive_group(exc, r))
        };
        Ok((m, r))
    }

    /// `except* T`: `rest` is what is left to match.
    pub(crate) fn eg_match(&mut self, rest: Value, typ: &Value) -> Result<(Value, Value), Error> {
        if rest.is_none() {
            return Ok((Value::None, Value::None));
        }
        if let Value::Class(c) = typ {
            if c.is_subclass(&self.types.base_exception_group.clone()) {
                return Err(self.type_error(
                    "catching ExceptionGroup with except* is not allowed. Use except instead.",
                ));
            }
        }
        if !self.is_group(&rest) {
            // A naked exception is matched as if wrapped in a group.
            if self.exception_matches(&rest, typ)? {
                let eg = self.types.exception_group.clone();
                let beg = self.types.base_exception_group.clone();
                let exc_cls = self.types.exception.clone();
                let cls = if self.is_instance_of(&rest, &exc_cls) {
                    eg
                } else {
                    beg
                };
                let g = self
                    .new_exception(&cls, vec![Value::str(""), Value::tuple(vec![rest.clone()])]);
                if let (Some(s), Some(d)) = (self.exc_data(&rest), self.exc_data(&g)) {
                    d.borrow_mut().traceback = s.borrow().traceback.clone();
                }
                return Ok((Value::None, g));
            }
            return Ok((rest, Value::None));
        }
        let (m, r) = self.split_group(&rest, typ)?;
        Ok((r.unwrap_or(Value::None), m.unwrap_or(Value::None)))
    }

    /// What to re-raise after `except*` handlers ran.
    pub(crate) fn prep_reraise_star(
        &mut self,
        orig: Value,
        raised: Value,
        rest: Value,
    ) -> Result<Value, Error> {
        let raised: Vec<Value> = match &raised {
            Value::List(l) => l.borrow().clone(),
            _ => vec![],
        };
        if raised.is_empty() {
            return Ok(rest);
        }
        let mut all = Vec::new();
        if !rest.is_none() {
            all.push(rest);
        }
        all.extend(raised);
        if all.len() == 1 {
            return Ok(all.pop().unwrap_or(Value::None));
        }
        let _ = orig;
        let eg = self.types.exception_group.clone();
        Ok(self.new_exception(&eg, vec![Value::str(""), Value::tuple(all)]))
    }

    /// A SyntaxError (or IndentationError…) with location info.
    pub(crate) fn syntax_error(
        &mut self,
        kind: &str,
        msg: &str,
        span: Span,
        source: &str,
        filename: &str,
    ) -> Error {
        let cls = self
            .types
            .exceptions
            .iter()
            .find(|c| &*c.name == kind)
            .cloned()
            .unwrap_or_else(|| self.types.syntax_error.clone());
        let e = self.new_exception(&cls, vec![Value::str(msg)]);
        if let Value::Instance(i) = &e {
            let text = source
                .lines()
                .nth(span.line.saturating_sub(1) as usize)
                .unwrap_or("");
            let mut d = i.dict.borrow_mut();
            d.insert(Rc::from("filename"), Value::str(filename));
            d.insert(Rc::from("lineno"), Value::Int(span.line as i64));
            d.insert(Rc::from("offset"), Value::Int(span.col as i64));
            d.insert(Rc::from("text"), Value::str(text));
            d.insert(Rc::from("msg"), Value::str(msg));
            let end_col = if span.end > span.start {
                let s = span.start as usize;
                let e = (span.end as usize).min(source.len());
                let piece = source.get(s..e).unwrap_or("");
                if piece.contains('\n') {
                    span.col as i64
                } else {
                    span.col as i64 + piece.chars().count() as i64
                }
            } else {
                span.col as i64
            };
            d.insert(Rc::from("end_offset"), Value::Int(end_col));
        }
        Error::Exception(e)
    }

    /// Render any VM error for the user.
    pub fn render_error(&mut self, e: &Error) -> String {
        match e {
            Error::Exception(x) => self.format_exception(x),
            Error::Limit(m) => format!("LimitExceeded: {m}\n"),
            Error::Internal(m) => {
                format!("InternalError: {m} (this is a bug in Looplab, not in your program)\n")
            }
            Error::Paused => {
                "InternalError: paused outside a resumable run (bug in Looplab)\n".into()
            }
            Error::Suspend(_) => {
                "RuntimeError: a worker-thread suspension escaped (bug in Looplab)\n".into()
            }
        }
    }

    /// CPython-style traceback text for an exception, with its chain.
    pub fn format_exception(&mut self, exc: &Value) -> String {
        let mut out = String::new();
        let mut seen = HashSet::new();
        self.format_chain(exc, &mut out, &mut seen, "");
        out
    }

    fn format_chain(
        &mut self,
        exc: &Value,
        out: &mut String,
        seen: &mut HashSet<usize>,
        indent: &str,
    ) {
        // The chain (oldest printed first), walked in a loop: a chain of
        // 100,000 `raise … from …` must not recurse in Rust.
        let mut chain: Vec<(Value, &str)> = Vec::new();
        let mut cur = Some((exc.clone(), ""));
        while let Some((exc, joint)) = cur.take() {
            if let Some(p) = exc.ptr() {
                seen.insert(p);
            }
            let (cause, context, suppress) = match self.exc_data(&exc) {
                Some(d) => {
                    let d = d.borrow();
                    (d.cause.clone(), d.context.clone(), d.suppress_context)
                }
                None => (None, None, false),
            };
            let unseen = |c: &Value| !c.ptr().is_some_and(|p| seen.contains(&p));
            if let Some(c) = cause {
                if unseen(&c) {
                    cur = Some((
                        c,
                        "The above exception was the direct cause of the following exception:",
                    ));
                }
            } else if let (Some(c), false) = (context, suppress) {
                if unseen(&c) {
                    cur = Some((
                        c,
                        "During handling of the above exception, another exception occurred:",
                    ));
                }
            }
            chain.push((exc, joint));
        }
        // A learner cannot read thousands of chained tracebacks (and they
        // would exceed the output limit, hiding even the last one): the
        // oldest beyond MAX_CHAIN are summed up in one line.
        if chain.len() > MAX_CHAIN {
            let hidden = chain.len() - MAX_CHAIN;
            chain.truncate(MAX_CHAIN);
            out.push_str(&format!(
                "{indent}[{hidden} earlier exceptions of this chain not shown]\n{indent}\n"
            ));
        }
        // `joint` of each entry sits between the entry and the one after it.
        let mut joint_below = "";
        for (exc, joint) in chain.into_iter().rev() {
            if !joint_below.is_empty() {
                out.push_str(&format!("{indent}\n{indent}{joint_below}\n{indent}\n"));
            }
            self.format_single(&exc, out, indent, seen);
            joint_below = joint;
        }
    }

    fn format_single(
        &mut self,
        exc: &Value,
        out: &mut String,
        indent: &str,
        seen: &mut HashSet<usize>,
    ) {
        let is_group = self.is_group(exc);
        let tb = self
            .exc_data(exc)
            .map(|d| d.borrow().traceback.clone())
            .unwrap_or_default();
        if !tb.is_empty() {
            if is_group {
                out.push_str(&format!(
                    "{indent}  + Exception Group Traceback (most recent call last):\n"
                ));
            } else {
                out.push_str(&format!("{indent}Traceback (most recent call last):\n"));
            }
            let pre = if is_group {
                format!("{indent}  | ")
            } else {
                indent.to_string()
            };
            format_frames(&tb, out, &pre);
        }
        let pre = if is_group && !tb.is_empty() {
            format!("{indent}  | ")
        } else {
            indent.to_string()
        };
        // SyntaxError location block.
        let se = self.types.syntax_error.clone();
        if self.is_instance_of(exc, &se) {
            if let Value::Instance(i) = exc {
                let d = i.dict.borrow();
                let file = d.get("filename").cloned();
                let line = d.get("lineno").cloned();
                let text = d.get("text").cloned();
                let off = d.get("offset").cloned();
                let end = d.get("end_offset").cloned();
                drop(d);
                if let (Some(Value::Str(f)), Some(Value::Int(l))) = (file, line) {
                    out.push_str(&format!("{pre}  File \"{f}\", line {l}\n"));
                    if let Some(Value::Str(t)) = text {
                        let stripped = t.trim_start();
                        let lead = t.chars().count() - stripped.chars().count();
                        let stripped = stripped.trim_end();
                        if !stripped.is_empty() {
                            out.push_str(&format!("{pre}    {stripped}\n"));
                            if let Some(Value::Int(o)) = off {
                                let col = (o as usize).saturating_sub(1).saturating_sub(lead);
                                let endc = match end {
                                    Some(Value::Int(e)) if e > o => (e - o) as usize,
                                    _ => 1,
                                };
                                let width = endc
                                    .max(1)
                                    .min(stripped.chars().count().saturating_sub(col).max(1));
                                out.push_str(&format!(
                                    "{pre}    {}{}\n",
                                    " ".repeat(col),
                                    "^".repeat(width)
                                ));
                            }
                        }
                    }
                }
            }
        }
        let line = self.exception_line(exc);
        for l in line.lines() {
            out.push_str(&format!("{pre}{l}\n"));
        }
        if line.is_empty() {
            out.push_str(&format!("{pre}\n"));
        }
        let notes = self
            .exc_data(exc)
            .map(|d| d.borrow().notes.clone())
            .unwrap_or_default();
        for n in notes {
            let s = match &n {
                Value::Str(s) => s.to_string(),
                other => self.repr(other).unwrap_or_default(),
            };
            out.push_str(&format!("{pre}{s}\n"));
        }
        if is_group {
            let (_, excs) = self.group_parts(exc).unwrap_or((Value::None, vec![]));
            let n = excs.len();
            for (k, e) in excs.iter().enumerate() {
                let head = if k == 0 { "+-" } else { "  " };
                out.push_str(&format!(
                    "{indent}  {head}+---------------- {} ----------------\n",
                    k + 1
                ));
                let sub_indent = format!("{indent}    | ");
                let mut sub = String::new();
                self.format_chain(e, &mut sub, seen, "");
                for l in sub.lines() {
                    out.push_str(&format!("{sub_indent}{l}\n"));
                }
                if k + 1 == n {
                    out.push_str(&format!(
                        "{indent}    +------------------------------------\n"
                    ));
                }
            }
        }
    }

    /// `ValueError: boom` — the last line of a traceback.
    pub fn exception_line(&mut self, exc: &Value) -> String {
        let cls = self.class_of(exc);
        // `__module__` set after the class statement lives in its namespace.
        let own = cls.dict.borrow().get("__module__").cloned();
        let module = match own {
            Some(Value::Str(m)) => m,
            _ => cls.module.clone(),
        };
        let name = if &*module == "builtins" || &*module == "__main__" {
            cls.qualname.to_string()
        } else {
            format!("{}.{}", module, cls.qualname)
        };
        let se = self.types.syntax_error.clone();
        let msg = if self.is_instance_of(exc, &se) {
            match exc {
                Value::Instance(i) => match i.dict.borrow().get("msg") {
                    Some(Value::Str(s)) => s.to_string(),
                    _ => self.str_of(exc).unwrap_or_default(),
                },
                _ => String::new(),
            }
        } else {
            match self.str_of(exc) {
                Ok(s) => s,
                Err(_) => "<exception str() failed>".into(),
            }
        };
        if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        }
    }
}

/// The frames of a traceback, each prefixed with `pre`, as CPython prints
/// them.
fn format_frames(tb: &[TbEntry], out: &mut String, pre: &str) {
    // Library frames are shown as CPython shows its own (see
    // `StdlibFrame`); frames CPython runs in C are left out.
    let frames: Vec<(&TbEntry, StdlibFrame)> = tb
        .iter()
        .filter_map(|e| match StdlibFrame::of(e) {
            StdlibFrame::Hidden => None,
            f => Some((e, f)),
        })
        .collect();
    // CPython prints the same line (file, line, function) at most
    // three times in a row, then "[Previous line repeated N more
    // times]" (RecursionError tracebacks stay short).
    let mut repeats = 0usize;
    for (k, (e, shown)) in frames.iter().enumerate() {
        let same = |a: &TbEntry, b: &TbEntry| {
            a.line == b.line && a.code.filename == b.code.filename && a.code.name == b.code.name
        };
        repeats = match k.checked_sub(1).map(|j| same(frames[j].0, e)) {
            Some(true) => repeats + 1,
            _ => 1,
        };
        let run_ends = frames.get(k + 1).is_none_or(|n| !same(e, n.0));
        if repeats > TB_REPEAT_CUTOFF {
            if run_ends {
                let n = repeats - TB_REPEAT_CUTOFF;
                let s = if n > 1 { "s" } else { "" };
                out.push_str(&format!(
                    "{pre}  [Previous line repeated {n} more time{s}]\n"
                ));
            }
            continue;
        }
        match shown {
            StdlibFrame::As { path, line } => out.push_str(&format!(
                "{pre}  File \"<stdlib>/{path}\", line {line}, in {}\n",
                e.code.name
            )),
            _ => out.push_str(&format!(
                "{pre}  File \"{}\", line {}, in {}\n",
                e.code.filename, e.line, e.code.name
            )),
        }
        if let Some(l) = source_line(e) {
            let t = l.trim();
            if !t.is_empty() {
                out.push_str(&format!("{pre}    {t}\n"));
                if let Some(c) = caret_line(&e.code.source, l, e.span) {
                    out.push_str(&format!("{pre}    {c}\n"));
                }
            }
        }
    }
}

/// Marks a line of a library module written in Python (`library/modules`)
/// with where CPython's own library has the same step, so that tracebacks
/// read as CPython prints them: `#@ asyncio/tasks.py:502` at the end of the
/// line, or `#@ hidden` for a step CPython runs in C (its frame is left
/// out, as C functions have none).
const FRAME_MARK: &str = "  #@ ";

/// How a traceback shows one frame.
enum StdlibFrame<'a> {
    /// As it is: the program's own file, or an unmarked library line.
    AsIs,
    /// As CPython's file `<stdlib>/{path}` at `line`.
    As { path: &'a str, line: u32 },
    /// Not at all.
    Hidden,
}

/// The frame mark of line `line` (1-based) of `source`, if it has one.
fn frame_mark(source: &str, line: u32) -> Option<&str> {
    let text = source.lines().nth(line.saturating_sub(1) as usize)?;
    let at = text.find(FRAME_MARK)?;
    Some(text[at + FRAME_MARK.len()..].trim())
}

/// Whether a frame at line `line` of `code` is one CPython has no frame
/// for (a library line marked `#@ hidden`): tracebacks and the frames a
/// task shows leave it out.
pub(crate) fn is_hidden_frame(code: &crate::compile::code::Code, line: u32) -> bool {
    frame_mark(&code.source, line) == Some("hidden")
}

impl<'a> StdlibFrame<'a> {
    fn of(e: &'a TbEntry) -> Self {
        let Some(mark) = frame_mark(&e.code.source, e.line) else {
            return StdlibFrame::AsIs;
        };
        if mark == "hidden" {
            return StdlibFrame::Hidden;
        }
        match mark.rsplit_once(':').map(|(p, n)| (p, n.parse())) {
            Some((path, Ok(line))) => StdlibFrame::As { path, line },
            _ => StdlibFrame::AsIs,
        }
    }
}

/// The source line of a traceback entry, without its frame mark.
fn source_line(e: &TbEntry) -> Option<&str> {
    let l = e
        .code
        .source
        .lines()
        .nth(e.line.saturating_sub(1) as usize)?;
    Some(match l.find(FRAME_MARK) {
        Some(at) => &l[..at],
        None => l,
    })
}

/// CPython 3.11's error-location markers under a traceback source line
/// (`~~^^^^`), or None when the location spans the whole line.
fn caret_line(source: &str, line: &str, span: Span) -> Option<String> {
    if span.end <= span.start {
        return None;
    }
    // Byte offset of `line` within `source`.
    let line_start = (line.as_ptr() as usize).checked_sub(source.as_ptr() as usize)?;
    let (s, e) = (span.start as usize, span.end as usize);
    if s < line_start || s > line_start + line.len() {
        return None;
    }
    let chars = |b: usize| line.get(..b).map(|x| x.chars().count());
    let start = chars(s - line_start)?;
    let line_trimmed_end = line.trim_end();
    let multi_line = e > line_start + line.len();
    let (end, anchors) = if multi_line {
        (line_trimmed_end.chars().count(), None)
    } else {
        let end = chars(e - line_start)?;
        let segment = line.get(s - line_start..e - line_start)?;
        (
            end,
            anchors_of(segment).map(|(l, r)| (start + l, start + r)),
        )
    };
    let indent = line.chars().count() - line.trim_start().chars().count();
    let stripped_len = line_trimmed_end.chars().count().saturating_sub(indent);
    if end.saturating_sub(start) == stripped_len && anchors.is_none() {
        return None;
    }
    let mut out = String::new();
    for pos in indent + 1..=end {
        let c = if pos <= start {
            ' '
        } else if let Some((l, r)) = anchors {
            if l < pos && pos <= r {
                '^'
            } else {
                '~'
            }
        } else {
            '^'
        };
        out.push(c);
    }
    Some(out)
}

/// (left, right) character anchors of a binary operator or subscript in
/// `segment` (CPython's `extract_anchors_from_expr`).
fn anchors_of(segment: &str) -> Option<(usize, usize)> {
    use crate::ast::{ExprKind, StmtKind};
    let m = crate::parse::parse_module(segment).ok()?;
    if m.body.len() != 1 {
        return None;
    }
    let StmtKind::Expr(e) = &m.body[0].kind else {
        return None;
    };
    let ch = |b: u32| segment.get(..b as usize).map(|x| x.chars().count());
    match &e.kind {
        ExprKind::BinOp { left, right, .. } => {
            let (a, b) = (left.span.end as usize, right.span.start as usize);
            let bytes = segment.as_bytes();
            let mut i = a;
            while i < b {
                if !bytes[i].is_ascii_whitespace() {
                    let mut r = i + 1;
                    if i + 1 < b && !bytes[i + 1].is_ascii_whitespace() {
                        r += 1;
                    }
                    return Some((ch(i as u32)?, ch(r as u32)?));
                }
                i += 1;
            }
            None
        }
        ExprKind::Subscript { value, slice } => {
            Some((ch(value.span.end)?, ch(slice.span.end)? + 1))
        }
        _ => None,
    }
}
