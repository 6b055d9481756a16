//! Text conversions: `repr`, `str`, `format`, `%`-formatting and hashing
//! of values, delegating the CPython-exact algorithms to `pylib`.

use std::rc::Rc;

use crate::pylib;
use crate::pylib::format_spec::FormatValue;
use crate::pylib::percent_format::{FmtArg, PercentArgs};
use crate::vm::dict::Dict;
use crate::vm::value::*;
use crate::vm::{Error, Vm};

pub fn hash_int(i: i64) -> i64 {
    pylib::hash::hash_int(i)
}
pub fn hash_float(f: f64) -> i64 {
    pylib::hash::hash_float(f)
}
pub fn hash_str(s: &str) -> i64 {
    pylib::hash::hash_str(s)
}
pub fn hash_bytes(b: &[u8]) -> i64 {
    pylib::hash::hash_bytes(b)
}

/// Elements of a set in CPython's iteration order.
pub fn set_iteration_order(d: &Dict) -> Vec<Value> {
    d.ordered_keys()
}

pub fn float_repr(f: f64) -> String {
    pylib::float_repr::repr_float(f)
}

thread_local! {
    /// Set while a viewer's preview is written (`Vm::preview_repr`): an
    /// address there reads `0x?`, as the oracle masks CPython's. A trace
    /// must not depend on where the allocator put an object: the same
    /// program run in slices, or run again, allocates elsewhere.
    static ADDRESSES_HIDDEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The address a repr shows for object `id` (`0x7f…`; `0x?` inside
/// [`with_addresses_hidden`]).
pub fn fake_addr(id: u64) -> String {
    if ADDRESSES_HIDDEN.with(std::cell::Cell::get) {
        return "0x?".to_string();
    }
    format!("0x7f{:010x}", id.wrapping_mul(16))
}

/// Runs `f` with every repr's address written `0x?` (see `fake_addr`).
pub(crate) fn with_addresses_hidden<T>(f: impl FnOnce() -> T) -> T {
    let before = ADDRESSES_HIDDEN.with(|h| h.replace(true));
    let out = f();
    ADDRESSES_HIDDEN.with(|h| h.set(before));
    out
}

impl Vm {
    /// Turn a pylib error into a Python exception.
    pub(crate) fn pyerr(&mut self, e: pylib::PyErrMsg) -> Error {
        let cls = self
            .types
            .exceptions
            .iter()
            .find(|c| &*c.name == e.exc_type)
            .cloned()
            .unwrap_or_else(|| self.types.value_error.clone());
        if e.exc_type == "MemoryError" {
            return self.memory_error();
        }
        self.new_error(&cls, e.msg)
    }

    pub fn repr(&mut self, v: &Value) -> Result<String, Error> {
        if self.repr_stack.len() > 300 {
            let c = self.types.recursion_error.clone();
            return Err(self.new_error(
                &c,
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        Ok(match v {
            Value::None => "None".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(i) => {
                return pylib::bigint::to_decimal(i).map_err(|e| self.pyerr(e));
            }
            Value::Float(f) => float_repr(*f),
            Value::Str(s) => pylib::strings::repr_str(s),
            Value::Bytes(b) => bytes_repr(b),
            Value::ByteArray(b) => format!("bytearray({})", bytes_repr_impl(&b.borrow(), true)),
            Value::List(_) | Value::Tuple(_) | Value::Set(_) | Value::FrozenSet(_) => {
                self.sequence_repr(v)?
            }
            Value::Dict(d) => self.dict_repr(d)?,
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => {
                let a = self.repr(&s[0])?;
                let b = self.repr(&s[1])?;
                let c = self.repr(&s[2])?;
                format!("slice({a}, {b}, {c})")
            }
            Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => {
                return self.callable_repr(v);
            }
            Value::Instance(i) => self.instance_repr(v, i)?,
            Value::Gen(g) => {
                let what = match g.kind {
                    GenKind::Generator => "generator",
                    GenKind::Coroutine => "coroutine",
                    GenKind::AsyncGenerator => "async_generator",
                };
                format!("<{what} object {} at {}>", g.qualname, fake_addr(g.id))
            }
            Value::Iter(it) => self.iter_repr(it)?,
            // Modules have no files here: the program is `<module
            // '__main__'>`, the library's modules (Rust or Python-written
            // alike) read as built-in ones (CPython names a file path that
            // means nothing in a browser).
            Value::Module(m) if &*m.name == "__main__" => format!("<module '{}'>", m.name),
            Value::Module(m) => format!("<module '{}' (built-in)>", m.name),
            Value::DictView(dv) => {
                let (name, items) = dict_view_contents(dv);
                format!("{name}([{}])", self.join_reprs(&items)?)
            }
            Value::Property(_) => format!(
                "<property object at {}>",
                fake_addr(v.ptr().unwrap_or(0) as u64)
            ),
            Value::StaticMethod(f) => format!("<staticmethod({})>", self.repr(f)?),
            Value::ClassMethod(f) => format!("<classmethod({})>", self.repr(f)?),
            Value::Super(s) => format!(
                "<super: <class '{}'>, <{} object>>",
                s.0.name,
                self.type_name(&s.1)
            ),
            Value::Ellipsis => "Ellipsis".into(),
            Value::NotImplemented => "NotImplemented".into(),
        })
    }

    /// `repr` of a list, tuple, set or frozenset (recursion guarded by
    /// `repr_stack`, as CPython's `Py_ReprEnter`).
    fn sequence_repr(&mut self, v: &Value) -> Result<String, Error> {
        Ok(match v {
            Value::List(l) => {
                let p = Rc::as_ptr(l) as usize;
                if self.repr_stack.contains(&p) {
                    return Ok("[...]".into());
                }
                let items = l.borrow().clone();
                self.repr_stack.push(p);
                let r = self.join_reprs(&items);
                self.repr_stack.pop();
                format!("[{}]", r?)
            }
            Value::Tuple(t) => {
                self.repr_stack.push(0);
                let r = self.join_reprs(t);
                self.repr_stack.pop();
                let r = r?;
                if t.len() == 1 {
                    format!("({r},)")
                } else {
                    format!("({r})")
                }
            }
            Value::Set(d) => {
                let items = set_iteration_order(&d.borrow());
                if items.is_empty() {
                    "set()".into()
                } else {
                    format!("{{{}}}", self.join_reprs(&items)?)
                }
            }
            Value::FrozenSet(d) => {
                let items = set_iteration_order(d);
                if items.is_empty() {
                    "frozenset()".into()
                } else {
                    format!("frozenset({{{}}})", self.join_reprs(&items)?)
                }
            }
            _ => unreachable!("sequence_repr of a non-sequence"),
        })
    }

    /// `repr` of a function, builtin, bound method or class (a class may
    /// customise it through its metaclass's `__repr__`).
    fn callable_repr(&mut self, v: &Value) -> Result<String, Error> {
        Ok(match v {
            Value::Function(f) => {
                format!("<function {} at {}>", f.qualname.borrow(), fake_addr(f.id))
            }
            Value::Builtin(b) => match &b.bound {
                Some(obj) if !matches!(obj, Value::Module(_)) => {
                    let tn = self.type_name(obj);
                    let addr = fake_addr(obj.ptr().unwrap_or(0) as u64);
                    format!("<built-in method {} of {tn} object at {addr}>", b.name)
                }
                _ => format!("<built-in function {}>", b.name),
            },
            Value::Method(m) => {
                let fname = match &m.1 {
                    Value::Function(f) => f.qualname.borrow().to_string(),
                    Value::Builtin(b) => b.name.to_string(),
                    other => self.repr(other)?,
                };
                let obj = self.repr(&m.0)?;
                format!("<bound method {fname} of {obj}>")
            }
            Value::Class(c) => {
                if let Some(f) = self.class_hook(c, "__class_repr__") {
                    let r = self.call(&f, vec![], vec![])?;
                    return match r {
                        Value::Str(s) => Ok(s.to_string()),
                        other => {
                            let t = self.type_name(&other);
                            Err(self.type_error(format!("__repr__ returned non-string (type {t})")))
                        }
                    };
                }
                if &*c.module == "builtins" {
                    format!("<class '{}'>", c.qualname)
                } else {
                    format!("<class '{}.{}'>", c.module, c.qualname)
                }
            }
            _ => unreachable!("callable_repr of a non-callable"),
        })
    }

    /// `repr` of a builtin iterator (`<list_iterator object at …>`).
    fn iter_repr(&mut self, it: &Rc<std::cell::RefCell<IterObj>>) -> Result<String, Error> {
        let name = it.borrow().type_name();
        Ok(format!(
            "<{name} object at {}>",
            fake_addr(Rc::as_ptr(it) as u64)
        ))
    }

    /// `repr` of an instance: its `__repr__`, an exception's args, or the default `<module.Class object at …>`.
    fn instance_repr(&mut self, v: &Value, i: &Rc<Instance>) -> Result<String, Error> {
        let cls = i.class();
        if let Some(f) = self.special_lookup(&cls, "__repr__") {
            let r = self.call(&f, vec![v.clone()], vec![])?;
            return match r {
                Value::Str(s) => Ok(s.to_string()),
                other => {
                    let t = self.type_name(&other);
                    Err(self.type_error(format!("__repr__ returned non-string (type {t})")))
                }
            };
        }
        if let Some(d) = &i.exc {
            let args = d.borrow().args.clone();
            let name = cls.name.clone();
            if args.len() == 1 {
                return Ok(format!("{name}({})", self.repr(&args[0])?));
            }
            return Ok(format!("{name}({})", self.join_reprs(&args)?));
        }
        let modname = if &*cls.module == "builtins" {
            String::new()
        } else {
            format!("{}.", cls.module)
        };
        Ok(format!(
            "<{modname}{} object at {}>",
            cls.qualname,
            fake_addr(i.id)
        ))
    }

    /// `repr` of a dict (`{...}` when it contains itself).
    fn dict_repr(&mut self, d: &Rc<std::cell::RefCell<Dict>>) -> Result<String, Error> {
        let p = Rc::as_ptr(d) as usize;
        if self.repr_stack.contains(&p) {
            return Ok("{...}".into());
        }
        let items = d.borrow().items();
        self.repr_stack.push(p);
        let mut parts = Vec::with_capacity(items.len());
        let mut res = Ok(());
        for (k, x) in &items {
            match (self.repr(k), self.repr(x)) {
                (Ok(a), Ok(b)) => parts.push(format!("{a}: {b}")),
                (Err(e), _) | (_, Err(e)) => {
                    res = Err(e);
                    break;
                }
            }
        }
        self.repr_stack.pop();
        res?;
        Ok(format!("{{{}}}", parts.join(", ")))
    }

    fn join_reprs(&mut self, items: &[Value]) -> Result<String, Error> {
        let mut out = String::new();
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr(x)?);
        }
        Ok(out)
    }

    pub fn ascii(&mut self, v: &Value) -> Result<String, Error> {
        let r = self.repr(v)?;
        Ok(r.chars()
            .map(|c| {
                if c.is_ascii() {
                    c.to_string()
                } else if (c as u32) < 0x100 {
                    format!("\\x{:02x}", c as u32)
                } else if (c as u32) < 0x10000 {
                    format!("\\u{:04x}", c as u32)
                } else {
                    format!("\\U{:08x}", c as u32)
                }
            })
            .collect())
    }

    /// Python `str(v)`.
    pub fn str_of(&mut self, v: &Value) -> Result<String, Error> {
        match v {
            Value::Str(s) => Ok(s.to_string()),
            Value::Instance(i) => {
                let cls = i.class();
                if let Some(f) = self.special_lookup(&cls, "__str__") {
                    let r = self.call(&f, vec![v.clone()], vec![])?;
                    return match r {
                        Value::Str(s) => Ok(s.to_string()),
                        other => {
                            let t = self.type_name(&other);
                            Err(self.type_error(format!("__str__ returned non-string (type {t})")))
                        }
                    };
                }
                if let Some(d) = &i.exc {
                    let args = d.borrow().args.clone();
                    let ke = self.types.key_error.clone();
                    if self.is_instance_of(v, &self.types.base_exception_group.clone()) {
                        let msg = match args.first() {
                            Some(Value::Str(s)) => s.to_string(),
                            _ => String::new(),
                        };
                        let n = match args.get(1) {
                            Some(Value::Tuple(t)) => t.len(),
                            Some(Value::List(l)) => l.borrow().len(),
                            _ => 0,
                        };
                        return Ok(format!(
                            "{msg} ({n} sub-exception{})",
                            if n == 1 { "" } else { "s" }
                        ));
                    }
                    return match args.len() {
                        0 => Ok(String::new()),
                        1 => {
                            if cls.is_subclass(&ke) {
                                self.repr(&args[0])
                            } else {
                                self.str_of(&args[0])
                            }
                        }
                        _ => self.repr(&Value::tuple(args)),
                    };
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> Result<String, Error> {
        let r = match v {
            Value::Int(i) => pylib::format_spec::format_value(FormatValue::Int(*i), spec),
            Value::BigInt(i) => pylib::format_spec::format_value(FormatValue::BigInt(i), spec),
            Value::Bool(b) => pylib::format_spec::format_value(FormatValue::Bool(*b), spec),
            Value::Float(f) => pylib::format_spec::format_value(FormatValue::Float(*f), spec),
            Value::Str(s) => pylib::format_spec::format_value(FormatValue::Str(s), spec),
            Value::Instance(i) if self.special_lookup(&i.class(), "__format__").is_some() => {
                let f = self
                    .special_lookup(&i.class(), "__format__")
                    .unwrap_or(Value::None);
                let r = self.call(&f, vec![v.clone(), Value::str(spec)], vec![])?;
                return match r {
                    Value::Str(s) => Ok(s.to_string()),
                    _ => Err(self.type_error("__format__ must return a str")),
                };
            }
            _ => {
                if spec.is_empty() {
                    return self.str_of(v);
                }
                let t = self.type_name(v);
                return Err(self.type_error(format!(
                    "unsupported format string passed to {t}.__format__"
                )));
            }
        };
        r.map_err(|e| self.pyerr(e))
    }

    fn fmt_arg(&mut self, v: &Value) -> Result<FmtArg, Error> {
        Ok(match v {
            Value::Int(i) => FmtArg::Int(*i),
            Value::BigInt(i) => FmtArg::Big((**i).clone()),
            Value::Bool(b) => FmtArg::Bool(*b),
            Value::Float(f) => FmtArg::Float(*f),
            Value::Str(s) => FmtArg::Str(s.to_string()),
            other => FmtArg::Other {
                type_name: self.type_name(other),
                str_: self.str_of(other)?,
                repr: self.repr(other)?,
            },
        })
    }

    pub(crate) fn percent_format(&mut self, fmt: &str, args: &Value) -> Result<String, Error> {
        let r = match args {
            Value::Tuple(t) => {
                let mut fa = Vec::with_capacity(t.len());
                for x in t.iter() {
                    fa.push(self.fmt_arg(x)?);
                }
                pylib::percent_format::percent_format(fmt, PercentArgs::Tuple(&fa))
            }
            Value::Dict(d) => {
                let whole = self.fmt_arg(args)?;
                // Pre-resolve string keys.
                let mut table = Vec::new();
                for (k, v) in d.borrow().items() {
                    if let Value::Str(s) = &k {
                        table.push((s.to_string(), v));
                    }
                }
                let mut resolved = Vec::new();
                for (k, v) in table {
                    let a = self.fmt_arg(&v)?;
                    resolved.push((k, a));
                }
                let lookup = move |key: &str| -> Result<FmtArg, pylib::PyErrMsg> {
                    resolved
                        .iter()
                        .find(|(k, _)| k == key)
                        .map(|(_, a)| a.clone())
                        .ok_or_else(|| {
                            pylib::PyErrMsg::new("KeyError", pylib::strings::repr_str(key))
                        })
                };
                pylib::percent_format::percent_format(
                    fmt,
                    PercentArgs::Mapping {
                        whole: &whole,
                        lookup: &lookup,
                    },
                )
            }
            other => {
                let a = self.fmt_arg(other)?;
                pylib::percent_format::percent_format(fmt, PercentArgs::One(&a))
            }
        };
        r.map_err(|e| {
            if e.exc_type == "KeyError" {
                let k = e.msg.trim_matches('\'').to_string();
                self.key_error(Value::Str(Rc::from(k)))
            } else {
                self.pyerr(e)
            }
        })
    }

    /// `bytes % args` (PEP 461): `%s`/`%b` take bytes-like objects (or
    /// `__bytes__`), `%r`/`%a` give `ascii()`, `%c` one byte; the numeric
    /// conversions are `str`'s, one conversion at a time.
    pub(crate) fn bytes_percent_format(
        &mut self,
        fmt: &[u8],
        args: &Value,
    ) -> Result<Vec<u8>, Error> {
        let tuple: Option<Vec<Value>> = match args {
            Value::Tuple(t) => Some(t.to_vec()),
            _ => None,
        };
        let mapping = matches!(args, Value::Dict(_) | Value::Instance(_))
            .then(|| args.clone())
            .filter(|_| {
                !matches!(args, Value::Instance(_))
                    || self.lookup_special_bound(args, "__getitem__").is_some()
            });
        let (mut next, total) = match &tuple {
            Some(t) => (0usize, t.len()),
            None => (0, 1),
        };
        let mut take = |vm: &mut Vm| -> Result<Value, Error> {
            if next >= total {
                return Err(vm.type_error("not enough arguments for format string"));
            }
            next += 1;
            Ok(match &tuple {
                Some(t) => t[next - 1].clone(),
                None => args.clone(),
            })
        };
        let mut out = Vec::with_capacity(fmt.len());
        let mut used_key = false;
        let mut i = 0;
        while i < fmt.len() {
            if fmt[i] != b'%' {
                out.push(fmt[i]);
                i += 1;
                continue;
            }
            i += 1;
            let mut keyed = None;
            if fmt.get(i) == Some(&b'(') {
                let Some(m) = mapping.clone() else {
                    return Err(self.type_error("format requires a mapping"));
                };
                let (start, mut depth) = (i + 1, 1);
                i += 1;
                while i < fmt.len() && depth > 0 {
                    match fmt[i] {
                        b'(' => depth += 1,
                        b')' => depth -= 1,
                        _ => {}
                    }
                    i += 1;
                }
                if depth > 0 {
                    return Err(self.value_error("incomplete format key"));
                }
                let key = Value::Bytes(Rc::from(&fmt[start..i - 1]));
                keyed = Some(self.getitem(&m, &key)?);
                used_key = true;
            }
            let mut spec = String::from("%");
            while let Some(&c @ (b'-' | b'+' | b' ' | b'#' | b'0')) = fmt.get(i) {
                spec.push(c as char);
                i += 1;
            }
            let mut number =
                |vm: &mut Vm, i: &mut usize, spec: &mut String| -> Result<Option<i64>, Error> {
                    if fmt.get(*i) == Some(&b'*') {
                        *i += 1;
                        let v = take(vm)?;
                        let n = match v {
                            Value::Int(n) => n,
                            _ => return Err(vm.type_error("* wants int")),
                        };
                        spec.push_str(&n.to_string());
                        return Ok(Some(n));
                    }
                    let start = *i;
                    while fmt.get(*i).is_some_and(u8::is_ascii_digit) {
                        *i += 1;
                    }
                    let digits = std::str::from_utf8(&fmt[start..*i]).unwrap_or("");
                    spec.push_str(digits);
                    Ok(digits.parse().ok())
                };
            let width = number(self, &mut i, &mut spec)?;
            let mut prec = None;
            if fmt.get(i) == Some(&b'.') {
                i += 1;
                spec.push('.');
                prec = Some(number(self, &mut i, &mut spec)?.unwrap_or(0));
            }
            while matches!(fmt.get(i), Some(b'h' | b'l' | b'L')) {
                i += 1;
            }
            let Some(&conv) = fmt.get(i) else {
                return Err(self.value_error("incomplete format"));
            };
            i += 1;
            if conv == b'%' {
                out.push(b'%');
                continue;
            }
            let arg = match keyed {
                Some(v) => v,
                None => take(self)?,
            };
            let piece: Vec<u8> = match conv {
                b's' | b'b' | b'r' | b'a' | b'c' => {
                    let left = spec.contains('-') || width.is_some_and(|w| w < 0);
                    self.bytes_percent_text(conv, &arg, width, prec, left)?
                }
                b'd' | b'i' | b'u' | b'o' | b'x' | b'X' | b'e' | b'E' | b'f' | b'F' | b'g'
                | b'G' => {
                    spec.push(conv as char);
                    self.percent_format(&spec, &Value::tuple(vec![arg]))?
                        .into_bytes()
                }
                other => {
                    let shown = if other.is_ascii_graphic() || other == b' ' {
                        other as char
                    } else {
                        '?'
                    };
                    return Err(self.value_error(format!(
                        "unsupported format character '{shown}' (0x{other:x}) at index {}",
                        i - 1
                    )));
                }
            };
            self.check_len(out.len() + piece.len())?;
            out.extend(piece);
        }
        let all_used = match &tuple {
            Some(t) => next >= t.len(),
            None => next == 1 || mapping.is_some() || used_key,
        };
        if !all_used {
            return Err(self.type_error("not all arguments converted during bytes formatting"));
        }
        Ok(out)
    }

    /// One `%s`/`%b`/`%r`/`%a`/`%c` piece of bytes `%`-formatting: the
    /// argument's bytes, cut to the precision and padded to the width.
    fn bytes_percent_text(
        &mut self,
        conv: u8,
        arg: &Value,
        width: Option<i64>,
        prec: Option<i64>,
        left: bool,
    ) -> Result<Vec<u8>, Error> {
        let mut body = match conv {
            b'r' | b'a' => self.ascii(arg)?.into_bytes(),
            b'c' => match (arg, arg.buffer()) {
                (_, Some(b)) if b.len() == 1 => b,
                (Value::Int(n), _) if (0..256).contains(n) => vec![*n as u8],
                (Value::Int(_), _) => {
                    let c = self.types.overflow_error.clone();
                    return Err(self.new_error(&c, "%c arg not in range(256)"));
                }
                _ => {
                    return Err(
                        self.type_error("%c requires an integer in range(256) or a single byte")
                    )
                }
            },
            _ => match arg.buffer() {
                Some(b) => b,
                None => match self.lookup_special_bound(arg, "__bytes__") {
                    Some(f) => {
                        let r = self.call(&f, vec![], vec![])?;
                        r.buffer().unwrap_or_default()
                    }
                    None => {
                        let t = self.type_name(arg);
                        return Err(self.type_error(format!(
                            "%b requires a bytes-like object, or an object that implements __bytes__, not '{t}'"
                        )));
                    }
                },
            },
        };
        if let (Some(p), false) = (prec, conv == b'c') {
            body.truncate(p.max(0) as usize);
        }
        let w = width.unwrap_or(0).unsigned_abs() as usize;
        if body.len() < w {
            let padding = vec![b' '; w - body.len()];
            if left {
                body.extend(padding);
            } else {
                body.splice(0..0, padding);
            }
        }
        Ok(body)
    }
}

fn bytes_repr(b: &[u8]) -> String {
    bytes_repr_impl(b, false)
}

/// `repr(bytes)`; a bytearray's (`escape_single`) escapes `'` even inside
/// double quotes, as CPython's does.
fn bytes_repr_impl(b: &[u8], escape_single: bool) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut s = String::from("b");
    s.push(quote);
    for &c in b {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            b'\t' => s.push_str("\\t"),
            c if c as char == quote || (escape_single && c == b'\'') => {
                s.push('\\');
                s.push(c as char);
            }
            0x20..=0x7e => s.push(c as char),
            _ => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push(quote);
    s
}
