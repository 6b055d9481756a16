//! Looking inside suspended coroutines without running any Python code: a
//! task's await chain (its coroutine frames from the root down to the
//! innermost `await`) and each frame's local variables, as the player's
//! "frames" panel shows them (issue #17).
//!
//! Nothing here runs the program's code, so inspecting never changes what a
//! run does: a value whose `repr()` would run Python code (a class's own
//! `__repr__`, an enum's class repr) is shown in the default
//! `<Name object>` form instead; every other value's repr is CPython's,
//! cut at a width with an ellipsis.

use std::rc::Rc;

use crate::compile::code::Op;
use crate::vm::value::{dict_view_contents, GenObj, GenState, IterObj, Value};
use crate::vm::{Frame, Vm};

/// Frames followed down one chain at most (a deeper chain is cut there;
/// the recursion limit keeps real chains far shorter in teaching code).
pub const MAX_CHAIN: usize = 64;

/// Local variables reported per frame at most.
pub const MAX_LOCALS: usize = 64;

/// One frame of an await chain, outermost first.
#[derive(Clone, Debug)]
pub struct FrameView {
    /// The coroutine's (or generator's) `__qualname__`.
    pub name: String,
    /// The file of its code (the program's, or a library module's).
    pub file: Rc<str>,
    /// The line it is suspended at (its `def` line before it started).
    pub line: u32,
    /// Its bound local variables in CPython's `f_locals` order: fast locals
    /// (parameters first), then cells and free variables not among them.
    pub locals: Vec<(String, Value)>,
}

impl Vm {
    /// The await chain of the suspended coroutine `coro`: its frame, then
    /// the coroutine (or generator, or async generator) it awaits, and so
    /// on down to the innermost one. Empty when `coro` is not a suspended
    /// or new generator-like object (running, finished, or not one).
    pub fn await_chain(&self, coro: &Value) -> Vec<FrameView> {
        let mut out = Vec::new();
        let Value::Gen(g) = coro else { return out };
        let mut cur: Rc<GenObj> = g.clone();
        while out.len() < MAX_CHAIN {
            let next = {
                let fb = cur.frame.borrow();
                let Some(f) = fb.as_ref() else { break };
                out.push(frame_view(&cur, f));
                // Suspended inside `await`/`yield from`: the receiver is on
                // top of the value stack and the frame waits at YieldFrom.
                if cur.state.get() == GenState::Created
                    || !matches!(f.code.ops.get(f.pc), Some(Op::YieldFrom))
                {
                    None
                } else {
                    match f.stack.last() {
                        Some(Value::Gen(inner)) => Some(inner.clone()),
                        Some(Value::Iter(it)) => match &*it.borrow() {
                            IterObj::ASend { gen, .. } => Some(gen.clone()),
                            _ => None,
                        },
                        _ => None,
                    }
                }
            };
            match next {
                Some(n) => cur = n,
                None => break,
            }
        }
        out
    }

    /// The running call stack of the task whose root coroutine is `root`,
    /// at a line event (`Limits::record_lines` with
    /// `Limits::inspect_frames`): the frames on the running fiber's stack
    /// from `root`'s frame up to the one about to run a line, outermost
    /// first. Coroutines it awaits and plain functions it called alike: a
    /// plain function's frame is named by its code's `__qualname__`, a
    /// coroutine's (or generator's) by the object's; each frame's line is
    /// the one it runs (for the outer ones, the call or `await` in
    /// progress); `top_line` is the innermost frame's (the line event's).
    /// Empty when `root` is not running on this stack (a program thread's
    /// own loop, a nested run the walk cannot see).
    pub fn running_stack(&self, root: &Value, top_line: u32) -> Vec<FrameView> {
        let Value::Gen(root) = root else {
            return Vec::new();
        };
        let Some(base) = self
            .frames
            .iter()
            .rposition(|f| f.gen.as_ref().is_some_and(|g| Rc::ptr_eq(g, root)))
        else {
            return Vec::new();
        };
        let top = self.frames.len() - 1;
        let start = base.max((top + 1).saturating_sub(MAX_CHAIN));
        self.frames[start..]
            .iter()
            .enumerate()
            .filter_map(|(i, f)| {
                let name = match &f.gen {
                    Some(g) => g.qualname.to_string(),
                    None => f.code.qualname.to_string(),
                };
                let line = if start + i == top {
                    top_line
                } else {
                    let code = &f.code;
                    code.line_at(f.pc.saturating_sub(1).min(code.ops.len().saturating_sub(1)))
                };
                // (A library loop CPython runs in C, `sum(generator)`'s:
                // no frame there.)
                if crate::vm::exc::is_hidden_frame(&f.code, line) {
                    return None;
                }
                Some(FrameView {
                    name,
                    file: f.code.filename.clone(),
                    line,
                    locals: frame_locals(f),
                })
            })
            .collect()
    }

    /// The program's module globals a viewer shows, in assignment order:
    /// the names the program bound to data. Left out: dunders (`__name__`,
    /// `__file__`, ...), modules (`import asyncio`), and functions, classes
    /// and builtins (`def main`, `class Job`, `from asyncio import sleep`),
    /// which are the program's text rather than its state. At most
    /// [`MAX_LOCALS`] of them.
    pub fn main_globals(&self) -> Vec<(String, Value)> {
        let Some(Value::Module(m)) = self.modules.get("__main__") else {
            return Vec::new();
        };
        let slots = m.globals.slots.borrow();
        slots
            .iter()
            .filter_map(|(name, v)| Some((name, v.as_ref()?)))
            .filter(|(name, v)| {
                let dunder = name.starts_with("__") && name.ends_with("__");
                let code = matches!(
                    v,
                    Value::Module(_) | Value::Function(_) | Value::Class(_) | Value::Builtin(_)
                );
                !dunder && !code
            })
            .take(MAX_LOCALS)
            .map(|(name, v)| (name.to_string(), v.clone()))
            .collect()
    }

    /// `repr(v)` as CPython gives it (an address written `0x?`, as the
    /// oracle masks CPython's), cut to `width` characters (the last one
    /// then an ellipsis), computed without running Python code (see the
    /// module's documentation).
    pub fn preview_repr(&mut self, v: &Value, width: usize) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        // Enough bytes to hold `width` characters and see that there are
        // more; the cut below counts characters.
        let budget = width.saturating_mul(4).saturating_add(8);
        // (Addresses read `0x?`: a trace is the same however the run was
        // sliced.)
        crate::vm::format::with_addresses_hidden(|| {
            self.preview_into(v, budget, &mut out, &mut seen)
        });
        cut(out, width)
    }

    fn preview_into(&mut self, v: &Value, budget: usize, out: &mut String, seen: &mut Vec<usize>) {
        // Each container level writes a character before its items, so
        // past a quarter of the budget's depth (the preview's width) the
        // rest is cut anyway; stopping there keeps the cycle check over
        // `seen` short: a list nested 20,000 deep cost 80 µs a line event
        // in the browser (issue #21).
        if out.len() > budget || seen.len() > budget / 4 {
            return;
        }
        match v {
            // The common cases, written in place (no string per item).
            Value::Int(i) => {
                use std::fmt::Write;
                let _ = write!(out, "{i}");
            }
            Value::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
            Value::None => out.push_str("None"),
            Value::List(l) => self.preview_list(l, budget, out, seen),
            Value::Tuple(t) => {
                out.push('(');
                self.preview_items(t, budget, out, seen);
                if t.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Value::Dict(d) => self.preview_dict(d, budget, out, seen),
            Value::Set(d) => {
                let items = d.borrow().ordered_keys_up_to(shown(budget));
                if items.is_empty() {
                    out.push_str("set()");
                } else {
                    out.push('{');
                    self.preview_items(&items, budget, out, seen);
                    out.push('}');
                }
            }
            Value::FrozenSet(d) => {
                let items = d.ordered_keys_up_to(shown(budget));
                if items.is_empty() {
                    out.push_str("frozenset()");
                } else {
                    out.push_str("frozenset({");
                    self.preview_items(&items, budget, out, seen);
                    out.push_str("})");
                }
            }
            Value::DictView(dv) => {
                let (name, items) = dict_view_contents(dv);
                out.push_str(name);
                out.push_str("([");
                self.preview_items(&items, budget, out, seen);
                out.push_str("])");
            }
            Value::Slice(s) => {
                out.push_str("slice(");
                self.preview_items(&s[..], budget, out, seen);
                out.push(')');
            }
            Value::Method(m) => {
                let fname = match &m.1 {
                    Value::Function(f) => f.qualname.borrow().to_string(),
                    Value::Builtin(b) => b.name.to_string(),
                    _ => "?".to_string(),
                };
                out.push_str("<bound method ");
                out.push_str(&fname);
                out.push_str(" of ");
                self.preview_into(&m.0.clone(), budget, out, seen);
                out.push('>');
            }
            Value::StaticMethod(f) | Value::ClassMethod(f) => {
                let what = if matches!(v, Value::StaticMethod(_)) {
                    "staticmethod"
                } else {
                    "classmethod"
                };
                out.push('<');
                out.push_str(what);
                out.push('(');
                self.preview_into(&f.as_ref().clone(), budget, out, seen);
                out.push_str(")>");
            }
            Value::Class(c) => {
                // An enum's class repr is Python code: the default form.
                if &*c.module == "builtins" {
                    out.push_str(&format!("<class '{}'>", c.qualname));
                } else {
                    out.push_str(&format!("<class '{}.{}'>", c.module, c.qualname));
                }
            }
            Value::Instance(i) => self.preview_instance(v, i, budget, out, seen),
            // Every other kind's repr is native and runs no Python code.
            other => match self.repr(other) {
                Ok(s) => out.push_str(&s),
                Err(_) => out.push_str(&format!("<{} object>", other.kind_name())),
            },
        }
    }

    /// A list's preview (`[...]` when it holds itself).
    fn preview_list(
        &mut self,
        l: &Rc<std::cell::RefCell<Vec<Value>>>,
        budget: usize,
        out: &mut String,
        seen: &mut Vec<usize>,
    ) {
        let p = Rc::as_ptr(l) as usize;
        if seen.contains(&p) {
            out.push_str("[...]");
            return;
        }
        // Only the items the budget can show (`shown`): this runs
        // at every line event, and a list may hold millions.
        let items: Vec<Value> = l.borrow().iter().take(shown(budget)).cloned().collect();
        seen.push(p);
        out.push('[');
        self.preview_items(&items, budget, out, seen);
        out.push(']');
        seen.pop();
    }

    /// A dict's preview (`{...}` when it holds itself).
    fn preview_dict(
        &mut self,
        d: &Rc<std::cell::RefCell<crate::vm::dict::Dict>>,
        budget: usize,
        out: &mut String,
        seen: &mut Vec<usize>,
    ) {
        let p = Rc::as_ptr(d) as usize;
        if seen.contains(&p) {
            out.push_str("{...}");
            return;
        }
        let items: Vec<(Value, Value)> = d
            .borrow()
            .iter()
            .take(shown(budget))
            .map(|(k, x)| (k.clone(), x.clone()))
            .collect();
        seen.push(p);
        out.push('{');
        for (i, (k, x)) in items.iter().enumerate() {
            if out.len() > budget {
                break;
            }
            if i > 0 {
                out.push_str(", ");
            }
            self.preview_into(k, budget, out, seen);
            out.push_str(": ");
            self.preview_into(x, budget, out, seen);
        }
        out.push('}');
        seen.pop();
    }

    /// An instance's preview: its class's native `__repr__`, an
    /// exception's `Name(args)`, or `<Name object>` when its `__repr__` is
    /// written in Python (not run).
    fn preview_instance(
        &mut self,
        v: &Value,
        i: &Rc<crate::vm::value::Instance>,
        budget: usize,
        out: &mut String,
        seen: &mut Vec<usize>,
    ) {
        let cls = i.class();
        match self.special_lookup(&cls, "__repr__") {
            // A native `__repr__` runs no Python code.
            Some(Value::Builtin(_)) => match self.repr(v) {
                Ok(s) => out.push_str(&s),
                Err(_) => out.push_str(&format!("<{} object>", cls.name)),
            },
            // One written in Python is not run.
            Some(_) => out.push_str(&format!("<{} object>", cls.name)),
            None => match &i.exc {
                Some(d) => {
                    let args = d.borrow().args.clone();
                    out.push_str(&cls.name);
                    out.push('(');
                    self.preview_items(&args, budget, out, seen);
                    out.push(')');
                }
                None => match self.repr(v) {
                    Ok(s) => out.push_str(&s),
                    Err(_) => out.push_str(&format!("<{} object>", cls.name)),
                },
            },
        }
    }

    fn preview_items(
        &mut self,
        items: &[Value],
        budget: usize,
        out: &mut String,
        seen: &mut Vec<usize>,
    ) {
        for (i, x) in items.iter().enumerate() {
            if out.len() > budget {
                return;
            }
            if i > 0 {
                out.push_str(", ");
            }
            self.preview_into(x, budget, out, seen);
        }
    }
}

/// One frame's view.
fn frame_view(g: &GenObj, f: &Frame) -> FrameView {
    let code = &f.code;
    let line = if g.state.get() == GenState::Created {
        code.firstlineno
    } else {
        code.line_at(f.pc.saturating_sub(1).min(code.ops.len().saturating_sub(1)))
    };
    FrameView {
        name: g.qualname.to_string(),
        file: code.filename.clone(),
        line,
        locals: frame_locals(f),
    }
}

/// A frame's bound local variables, in CPython's `f_locals` order.
fn frame_locals(f: &Frame) -> Vec<(String, Value)> {
    let code = &f.code;
    let mut locals: Vec<(String, Value)> = Vec::new();
    for (name, slot) in code.varnames.iter().zip(f.locals.iter()) {
        if let Some(v) = slot {
            locals.push((name.to_string(), v.clone()));
        }
    }
    let cell_names = code.cellvars.iter().chain(code.freevars.iter());
    for (name, cell) in cell_names.zip(f.cells.iter()) {
        if locals.iter().any(|(n, _)| **n == **name) {
            continue;
        }
        if let Some(v) = cell.borrow().as_ref() {
            locals.push((name.to_string(), v.clone()));
        }
    }
    locals.truncate(MAX_LOCALS);
    locals
}

/// How many items of a collection a preview within `budget` bytes can
/// reach: each item's repr takes at least one byte and a ", " separator,
/// so more items than this always run past the budget (and then past the
/// cut, which is narrower: see `preview_repr`).
fn shown(budget: usize) -> usize {
    budget / 3 + 2
}

/// `s` cut to `width` characters: the last kept one is an ellipsis when
/// anything was cut.
fn cut(s: String, width: usize) -> String {
    if s.chars().count() <= width {
        return s;
    }
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}
