//! Built-in calls that loop in Python: `sum`, `any`, `all`, `min`, `max`,
//! `sorted`, `list`, `tuple`, `set`, `frozenset`, `dict`, `str.join`,
//! `list.extend`, `in` and the `*` of a call or a list or set display
//! (`f(*it)`, `[*it]`, `{*it}`) over an iterator that runs Python
//! code for each item (a generator, `map`, a class's `__next__`) or may
//! not end (a huge `range`) call the loops of `library/modules/_loops.py`
//! instead of their own.
//!
//! A loop in Rust runs inside one instruction: a live run pauses only
//! between instructions of its outermost run, so `sum(i * i for i in
//! range(10**7))` (a tutorial's CPU-bound example) held the page for
//! seconds, and `sum(range(10**18))` until the step limit, 16 s in the
//! browser (issue #21). The Python loop is a frame like any other: the
//! run pauses between its items, and the CPU model's threads switch in
//! it as CPython's do. Its lines are marked hidden, so tracebacks read as
//! CPython's (no frame for a loop written in C).
//!
//! Over a list, tuple, string, dict or set (its length bounded by the
//! memory limit) and a short range, the builtins keep their own loops.

use super::*;

/// A range at most this long is summed (sorted, …) by the builtin's own
/// loop: it ends within a few milliseconds.
const NATIVE_RANGE_MAX: i64 = 100_000;

/// Whether looping over `v` runs Python code per item or may not end.
fn loops_in_python(v: &Value) -> bool {
    match v {
        Value::Gen(g) => g.kind == GenKind::Generator,
        Value::Iter(_) | Value::Instance(_) => true,
        Value::Range(r) => r.len() > NATIVE_RANGE_MAX,
        _ => false,
    }
}

/// Whether the `*` of a call or a display over `v` should loop in Python:
/// as [`loops_in_python`], but not over an instance (the instruction's own
/// message says when one is not iterable).
pub(super) fn unpacks_in_python(v: &Value) -> bool {
    !matches!(v, Value::Instance(_)) && loops_in_python(v)
}

/// Whether `x in v` should loop in Python: over a generator or a built-in
/// iterator (an instance has its own `__contains__` to ask first, a range
/// answers at once).
pub(super) fn searches_in_python(v: &Value) -> bool {
    matches!(v, Value::Gen(g) if g.kind == GenKind::Generator) || matches!(v, Value::Iter(_))
}

/// Whether every keyword is one of `names`.
fn keywords_among(kw: &[(Name, Value)], names: &[&str]) -> bool {
    kw.iter().all(|(k, _)| names.contains(&&**k))
}

impl Vm {
    /// The loop of `_loops` that stands for calling the builtin function
    /// `name` with these arguments, if it should loop in Python. Calls
    /// whose arguments the builtin rejects are left to it (its message).
    pub(crate) fn python_loop_for_builtin(
        &mut self,
        name: &str,
        args: &[Value],
        kw: &[(Name, Value)],
    ) -> Result<Option<Value>, Error> {
        let Some(first) = args.first() else {
            return Ok(None);
        };
        if !loops_in_python(first) {
            return Ok(None);
        }
        let fits = match name {
            // `sum(it, "")` and the like: the builtin says to use join.
            "sum" => {
                args.len() <= 2
                    && keywords_among(kw, &["start"])
                    && !matches!(
                        args.get(1).or(kw.first().map(|(_, v)| v)),
                        Some(Value::Str(_) | Value::Bytes(_) | Value::ByteArray(_))
                    )
            }
            "any" | "all" => args.len() == 1 && kw.is_empty(),
            "min" | "max" => args.len() == 1 && keywords_among(kw, &["key", "default"]),
            "sorted" => args.len() == 1 && keywords_among(kw, &["key", "reverse"]),
            _ => false,
        };
        if !fits {
            return Ok(None);
        }
        self.python_loop(name).map(Some)
    }

    /// The loop of `_loops` that stands for calling the built-in class `c`
    /// (`list`, `tuple`, `set`) with these arguments, if it should loop in
    /// Python.
    pub(crate) fn python_loop_for_class(
        &mut self,
        c: &Rc<Class>,
        args: &[Value],
        kw: &[(Name, Value)],
    ) -> Result<Option<Value>, Error> {
        if args.len() != 1 || !kw.is_empty() || !loops_in_python(&args[0]) {
            return Ok(None);
        }
        let t = &self.types;
        let name = if Rc::ptr_eq(c, &t.list) {
            "to_list"
        } else if Rc::ptr_eq(c, &t.tuple) {
            "to_tuple"
        } else if Rc::ptr_eq(c, &t.set) {
            "to_set"
        } else if Rc::ptr_eq(c, &t.frozenset) {
            "to_frozenset"
        } else if Rc::ptr_eq(c, &t.dict) && matches!(args[0], Value::Gen(_) | Value::Iter(_)) {
            // (An instance may be a mapping: `dict` reads its keys.)
            "to_dict"
        } else {
            return Ok(None);
        };
        self.python_loop(name).map(Some)
    }

    /// Whether `sep.join(iterable)` (`args`: the separator, then the
    /// arguments) should loop in Python.
    pub(super) fn join_loops_in_python(&self, args: &[Value], kw: &[(Name, Value)]) -> bool {
        args.len() == 2 && kw.is_empty() && loops_in_python(&args[1])
    }

    /// Whether `list.extend(iterable)` (`args`: the list, then the
    /// arguments) should loop in Python.
    pub(super) fn extend_loops_in_python(&self, args: &[Value], kw: &[(Name, Value)]) -> bool {
        args.len() == 2 && kw.is_empty() && loops_in_python(&args[1])
    }

    /// The function `name` of `_loops`.
    pub(super) fn python_loop(&mut self, name: &str) -> Result<Value, Error> {
        let module = self.import("_loops")?;
        let name = self.intern(name);
        self.getattr(&module, &name)
    }
}
