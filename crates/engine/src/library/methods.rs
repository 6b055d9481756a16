//! Methods of the built-in types (`str`, `list`, `dict`, `set`, `tuple`,
//! `int`, `float`), dispatched by name without allocating bound methods.

use std::cell::RefCell;
use std::rc::Rc;

use crate::ast::{BinOp, CmpOp, Name};
use crate::pylib;
use crate::vm::dict::Dict;
use crate::vm::value::*;
use crate::vm::{Error, Vm};

type Kw<'a> = &'a [(Name, Value)];

const STR_METHODS: &[&str] = &[
    "join",
    "split",
    "rsplit",
    "strip",
    "lstrip",
    "rstrip",
    "upper",
    "lower",
    "title",
    "capitalize",
    "replace",
    "startswith",
    "endswith",
    "find",
    "rfind",
    "index",
    "rindex",
    "count",
    "format",
    "center",
    "ljust",
    "rjust",
    "zfill",
    "isdigit",
    "isalpha",
    "isalnum",
    "isspace",
    "isupper",
    "islower",
    "isdecimal",
    "isnumeric",
    "istitle",
    "isidentifier",
    "splitlines",
    "partition",
    "rpartition",
    "encode",
    "swapcase",
    "casefold",
    "removeprefix",
    "removesuffix",
    "expandtabs",
    "isprintable",
    "isascii",
    "__len__",
    "__contains__",
    "__getitem__",
    "__add__",
    "__mul__",
    "__eq__",
    "__lt__",
    "__hash__",
    "__str__",
    "__repr__",
    "__iter__",
    "format_map",
];
const LIST_METHODS: &[&str] = &[
    "append",
    "extend",
    "insert",
    "pop",
    "remove",
    "index",
    "count",
    "sort",
    "reverse",
    "copy",
    "clear",
    "__len__",
    "__getitem__",
    "__setitem__",
    "__contains__",
    "__iter__",
    "__add__",
    "__eq__",
    "__repr__",
];
const DICT_METHODS: &[&str] = &[
    "get",
    "keys",
    "values",
    "items",
    "pop",
    "popitem",
    "setdefault",
    "update",
    "copy",
    "clear",
    "fromkeys",
    "__len__",
    "__getitem__",
    "__setitem__",
    "__contains__",
    "__iter__",
    "__eq__",
    "__repr__",
    "__delitem__",
];
const SET_METHODS: &[&str] = &[
    "add",
    "discard",
    "remove",
    "pop",
    "union",
    "intersection",
    "difference",
    "symmetric_difference",
    "issubset",
    "issuperset",
    "isdisjoint",
    "update",
    "copy",
    "clear",
    "intersection_update",
    "difference_update",
    "symmetric_difference_update",
    "__len__",
    "__contains__",
    "__iter__",
];
const TUPLE_METHODS: &[&str] = &[
    "index",
    "count",
    "__len__",
    "__getitem__",
    "__contains__",
    "__iter__",
    "__eq__",
    "__hash__",
    "__repr__",
];
const INT_METHODS: &[&str] = &[
    "bit_length",
    "to_bytes",
    "conjugate",
    "is_integer",
    "__add__",
    "__sub__",
    "__mul__",
    "__eq__",
    "__hash__",
    "__repr__",
    "__str__",
    "__index__",
    "__int__",
    "__float__",
    "__bool__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__neg__",
    "__abs__",
];
const FLOAT_METHODS: &[&str] = &[
    "is_integer",
    "as_integer_ratio",
    "conjugate",
    "hex",
    "__add__",
    "__sub__",
    "__mul__",
    "__eq__",
    "__hash__",
    "__repr__",
    "__str__",
    "__int__",
    "__float__",
    "__round__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__neg__",
    "__abs__",
    "__truediv__",
];
const ITER_METHODS: &[&str] = &[
    "__next__",
    "__iter__",
    "send",
    "throw",
    "close",
    "__await__",
];
const BYTES_METHODS: &[&str] = &["decode", "hex", "__len__", "__getitem__"];

impl Vm {
    pub(crate) fn builtin_has_method(&self, cls: &Rc<Class>, name: &str) -> bool {
        let t = &self.types;
        let list: &[&str] = if Rc::ptr_eq(cls, &t.str_) {
            STR_METHODS
        } else if Rc::ptr_eq(cls, &t.list) {
            LIST_METHODS
        } else if Rc::ptr_eq(cls, &t.dict) {
            DICT_METHODS
        } else if Rc::ptr_eq(cls, &t.set) || Rc::ptr_eq(cls, &t.frozenset) {
            SET_METHODS
        } else if Rc::ptr_eq(cls, &t.tuple) {
            TUPLE_METHODS
        } else if Rc::ptr_eq(cls, &t.int) || Rc::ptr_eq(cls, &t.bool_) {
            INT_METHODS
        } else if Rc::ptr_eq(cls, &t.float) {
            FLOAT_METHODS
        } else if Rc::ptr_eq(cls, &t.iterator) {
            ITER_METHODS
        } else if Rc::ptr_eq(cls, &t.bytes) {
            BYTES_METHODS
        } else if Rc::ptr_eq(cls, &t.dict_keys)
            || Rc::ptr_eq(cls, &t.dict_values)
            || Rc::ptr_eq(cls, &t.dict_items)
        {
            &["__iter__", "__len__", "isdisjoint"]
        } else if Rc::ptr_eq(cls, &t.range) {
            &["index", "count", "__iter__", "__len__"]
        } else {
            &[]
        };
        list.contains(&name)
    }

    /// Call method `name` of a built-in value. `Ok(None)`: no such method
    /// (the caller falls back to generic attribute lookup).
    pub fn call_builtin_method(
        &mut self,
        obj: &Value,
        name: &str,
        args: &[Value],
        kw: Kw,
    ) -> Result<Option<Value>, Error> {
        let specific = match obj {
            Value::Str(s) => str_method(self, s, name, args, kw),
            Value::List(l) => list_method(self, obj, l, name, args, kw),
            Value::Dict(d) => dict_method(self, obj, d, name, args, kw),
            Value::Set(_) | Value::FrozenSet(_) => set_method(self, obj, name, args),
            Value::Tuple(t) => seq_method(self, t, name, args),
            Value::Range(r) => {
                let items: Vec<Value> = (0..r.len())
                    .map(|k| Value::Int(r.start + k * r.step))
                    .collect();
                seq_method(self, &items, name, args)
            }
            Value::Int(_) | Value::Bool(_) => {
                let i = self.as_i64(obj)?;
                Ok(match name {
                    "bit_length" => Some(Value::Int(64 - i.unsigned_abs().leading_zeros() as i64)),
                    "conjugate" | "__int__" | "__index__" => Some(Value::Int(i)),
                    "__float__" => Some(Value::Float(i as f64)),
                    "__bool__" => Some(Value::Bool(i != 0)),
                    "is_integer" => Some(Value::Bool(true)),
                    "__neg__" => Some(self.unary_neg(obj.clone())?),
                    "__abs__" => Some(Value::Int(i.abs())),
                    _ => None,
                })
            }
            Value::Float(f) => Ok(match name {
                "is_integer" => Some(Value::Bool(f.fract() == 0.0 && f.is_finite())),
                "conjugate" | "__float__" => Some(Value::Float(*f)),
                "__int__" => Some(
                    pylib::numbers::float_to_int(*f)
                        .map(Value::Int)
                        .map_err(|e| self.pyerr(e))?,
                ),
                "__neg__" => Some(Value::Float(-f)),
                "__abs__" => Some(Value::Float(f.abs())),
                "__truediv__" => Some(self.binary_op(
                    obj.clone(),
                    args.first().cloned().unwrap_or(Value::None),
                    BinOp::Div,
                )?),
                "as_integer_ratio" => {
                    if !f.is_finite() {
                        return Err(self.value_error("cannot convert Infinity to integer ratio"));
                    }
                    let mut num = *f;
                    let mut den: i64 = 1;
                    while num.fract() != 0.0 && den < (1 << 52) {
                        num *= 2.0;
                        den *= 2;
                    }
                    Some(Value::tuple(vec![Value::Int(num as i64), Value::Int(den)]))
                }
                _ => None,
            }),
            Value::Iter(_) => Ok(match name {
                "__next__" => match self.iter_step(obj)? {
                    crate::vm::ops::Step::Yield(v) => Some(v),
                    crate::vm::ops::Step::Return(v) => return Err(self.stop_iteration(v)),
                },
                "__iter__" | "__await__" => Some(obj.clone()),
                "send" => {
                    let v = args.first().cloned().unwrap_or(Value::None);
                    if !v.is_none() {
                        if let Value::Iter(rc) = obj {
                            if let IterObj::YieldOnce { yielded: false, .. } = &*rc.borrow() {
                                return Err(self.type_error(
                                    "can't send non-None value to a just-started iterator",
                                ));
                            }
                        }
                    }
                    match self.iter_step(obj)? {
                        crate::vm::ops::Step::Yield(v) => Some(v),
                        crate::vm::ops::Step::Return(v) => return Err(self.stop_iteration(v)),
                    }
                }
                "throw" => {
                    let e = args.first().cloned().unwrap_or(Value::None);
                    let e = self.make_raisable(e)?;
                    if let Value::Iter(rc) = obj {
                        *rc.borrow_mut() = IterObj::Exhausted;
                    }
                    return Err(Error::Exception(e));
                }
                "close" => {
                    if let Value::Iter(rc) = obj {
                        *rc.borrow_mut() = IterObj::Exhausted;
                    }
                    Some(Value::None)
                }
                _ => None,
            }),
            Value::Bytes(b) => Ok(match name {
                "decode" => Some(Value::Str(Rc::from(String::from_utf8_lossy(b).to_string()))),
                "hex" => Some(Value::Str(Rc::from(
                    b.iter().map(|x| format!("{x:02x}")).collect::<String>(),
                ))),
                _ => None,
            }),
            Value::DictView(dv) => Ok(match name {
                "isdisjoint" => {
                    let mine = self.iterate(obj)?;
                    let other = args.first().cloned().unwrap_or(Value::None);
                    let mut r = true;
                    for x in mine {
                        if self.contains(&other, &x)? {
                            r = false;
                        }
                    }
                    let _ = dv;
                    Some(Value::Bool(r))
                }
                _ => None,
            }),
            _ => Ok(None),
        };
        if let Some(v) = specific? {
            return Ok(Some(v));
        }
        if !name.starts_with("__") {
            return Ok(None);
        }
        // Common dunders shared by every type.
        match name {
            "__repr__" if args.is_empty() => {
                return Ok(Some(Value::Str(Rc::from(self.repr(obj)?))))
            }
            "__str__" if args.is_empty() => {
                return Ok(Some(Value::Str(Rc::from(self.str_of(obj)?))))
            }
            "__eq__" if args.len() == 1 => {
                return Ok(Some(self.compare(obj, &args[0], CmpOp::Eq)?))
            }
            "__lt__" if args.len() == 1 => {
                return Ok(Some(self.compare(obj, &args[0], CmpOp::Lt)?))
            }
            "__le__" if args.len() == 1 => {
                return Ok(Some(self.compare(obj, &args[0], CmpOp::LtE)?))
            }
            "__gt__" if args.len() == 1 => {
                return Ok(Some(self.compare(obj, &args[0], CmpOp::Gt)?))
            }
            "__ge__" if args.len() == 1 => {
                return Ok(Some(self.compare(obj, &args[0], CmpOp::GtE)?))
            }
            "__hash__" if args.is_empty() => return Ok(Some(Value::Int(self.hash(obj)?))),
            "__len__" if args.is_empty() && !matches!(obj, Value::Instance(_)) => {
                let f = self.builtins.get("len").unwrap_or(Value::None);
                return Ok(Some(self.call(&f, vec![obj.clone()], vec![])?));
            }
            "__contains__" if args.len() == 1 => {
                return Ok(Some(Value::Bool(self.contains(obj, &args[0])?)))
            }
            "__getitem__" if args.len() == 1 => return Ok(Some(self.getitem(obj, &args[0])?)),
            "__setitem__" if args.len() == 2 => {
                self.setitem(obj, args[0].clone(), args[1].clone())?;
                return Ok(Some(Value::None));
            }
            "__iter__" if args.is_empty() && !matches!(obj, Value::Iter(_)) => {
                return Ok(Some(self.get_iter(obj)?))
            }
            "__add__" if args.len() == 1 => {
                return Ok(Some(self.binary_op(
                    obj.clone(),
                    args[0].clone(),
                    BinOp::Add,
                )?))
            }
            "__sub__" if args.len() == 1 => {
                return Ok(Some(self.binary_op(
                    obj.clone(),
                    args[0].clone(),
                    BinOp::Sub,
                )?))
            }
            "__mul__" if args.len() == 1 => {
                return Ok(Some(self.binary_op(
                    obj.clone(),
                    args[0].clone(),
                    BinOp::Mult,
                )?))
            }
            _ => {}
        }
        Ok(None)
    }
}

fn arg_str<'a>(vm: &mut Vm, a: Option<&'a Value>, what: &str) -> Result<Option<&'a str>, Error> {
    match a {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s)),
        Some(other) => {
            let t = vm.type_name(other);
            Err(vm.type_error(format!("{what} arg must be None or str, not {t}")))
        }
    }
}

fn req_str<'a>(vm: &mut Vm, a: Option<&'a Value>, fname: &str) -> Result<&'a str, Error> {
    match a {
        Some(Value::Str(s)) => Ok(s),
        Some(other) => {
            let t = vm.type_name(other);
            Err(vm.type_error(format!("must be str, not {t}")))
        }
        None => Err(vm.type_error(format!("{fname}() takes at least 1 argument (0 given)"))),
    }
}

fn opt_int(vm: &mut Vm, a: Option<&Value>) -> Result<Option<i64>, Error> {
    match a {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(vm.as_i64(v)?)),
    }
}

fn kw_or<'a>(args: &'a [Value], i: usize, kw: Kw<'a>, name: &str) -> Option<&'a Value> {
    args.get(i)
        .or_else(|| kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v))
}

fn s(v: String) -> Value {
    Value::Str(Rc::from(v))
}

fn strs(v: Vec<String>) -> Value {
    Value::list(v.into_iter().map(s).collect())
}

fn str_method(
    vm: &mut Vm,
    st: &Rc<str>,
    name: &str,
    args: &[Value],
    kw: Kw,
) -> Result<Option<Value>, Error> {
    let p = |vm: &mut Vm, r: Result<String, pylib::PyErrMsg>| r.map(s).map_err(|e| vm.pyerr(e));
    Ok(Some(match name {
        "join" => {
            let Some(it) = args.first() else {
                return Err(vm.type_error("str.join() takes exactly one argument (0 given)"));
            };
            let items = vm.iterate(it)?;
            let mut out = String::new();
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(st);
                }
                match x {
                    Value::Str(y) => out.push_str(y),
                    other => {
                        let t = vm.type_name(other);
                        return Err(vm.type_error(format!(
                            "sequence item {i}: expected str instance, {t} found"
                        )));
                    }
                }
                vm.check_len(out.len())?;
            }
            s(out)
        }
        "split" | "rsplit" => {
            let sep = arg_str(vm, kw_or(args, 0, kw, "sep"), "must be str or None")?;
            let maxsplit = opt_int(vm, kw_or(args, 1, kw, "maxsplit"))?.unwrap_or(-1);
            let r = if name == "split" {
                pylib::strings::split(st, sep, maxsplit)
            } else {
                pylib::strings::rsplit(st, sep, maxsplit)
            };
            strs(r.map_err(|e| vm.pyerr(e))?)
        }
        "strip" | "lstrip" | "rstrip" => {
            let chars = arg_str(vm, args.first(), name)?;
            s(match name {
                "strip" => pylib::strings::strip(st, chars),
                "lstrip" => pylib::strings::lstrip(st, chars),
                _ => pylib::strings::rstrip(st, chars),
            })
        }
        "upper" => s(pylib::strings::upper(st)),
        "lower" => s(pylib::strings::lower(st)),
        "casefold" => s(pylib::strings::casefold(st)),
        "title" => s(pylib::strings::title(st)),
        "capitalize" => s(pylib::strings::capitalize(st)),
        "swapcase" => s(pylib::strings::swapcase(st)),
        "replace" => {
            let old = req_str(vm, args.first(), "replace")?;
            let new = req_str(vm, args.get(1), "replace")?;
            let count = opt_int(vm, kw_or(args, 2, kw, "count"))?.unwrap_or(-1);
            let r = pylib::strings::replace(st, old, new, count);
            vm.check_len(r.len())?;
            s(r)
        }
        "startswith" | "endswith" => {
            let start = opt_int(vm, args.get(1))?;
            let end = opt_int(vm, args.get(2))?;
            let f = if name == "startswith" {
                pylib::strings::startswith
            } else {
                pylib::strings::endswith
            };
            match args.first() {
                Some(Value::Str(x)) => Value::Bool(f(st, x, start, end)),
                Some(Value::Tuple(t)) => {
                    let mut r = false;
                    for x in t.iter() {
                        if let Value::Str(x) = x {
                            if f(st, x, start, end) {
                                r = true;
                            }
                        }
                    }
                    Value::Bool(r)
                }
                Some(other) => {
                    let t = vm.type_name(other);
                    return Err(vm.type_error(format!(
                        "{name} first arg must be str or a tuple of str, not {t}"
                    )));
                }
                None => {
                    return Err(
                        vm.type_error(format!("{name}() takes at least 1 argument (0 given)"))
                    )
                }
            }
        }
        "find" | "rfind" | "index" | "rindex" | "count" => {
            let sub = req_str(vm, args.first(), name)?;
            let start = opt_int(vm, args.get(1))?;
            let end = opt_int(vm, args.get(2))?;
            match name {
                "find" => Value::Int(pylib::strings::find(st, sub, start, end)),
                "rfind" => Value::Int(pylib::strings::rfind(st, sub, start, end)),
                "count" => Value::Int(pylib::strings::count(st, sub, start, end)),
                "index" => {
                    Value::Int(pylib::strings::index(st, sub, start, end).map_err(|e| vm.pyerr(e))?)
                }
                _ => Value::Int(
                    pylib::strings::rindex(st, sub, start, end).map_err(|e| vm.pyerr(e))?,
                ),
            }
        }
        "format" => s(str_format(vm, st, args, kw)?),
        "format_map" => {
            let m = args.first().cloned().unwrap_or(Value::None);
            let mut kws = Vec::new();
            if let Value::Dict(d) = &m {
                for (k, v) in d.borrow().items() {
                    if let Value::Str(k) = k {
                        kws.push((k, v));
                    }
                }
            }
            s(str_format(vm, st, &[], &kws)?)
        }
        "center" | "ljust" | "rjust" => {
            let w = vm.as_i64(args.first().unwrap_or(&Value::Int(0)))?;
            let fill = match args.get(1) {
                Some(Value::Str(f)) if f.chars().count() == 1 => f.chars().next().unwrap_or(' '),
                Some(_) => {
                    return Err(
                        vm.type_error("The fill character must be exactly one character long")
                    )
                }
                None => ' ',
            };
            let r = match name {
                "center" => pylib::strings::center(st, w, fill),
                "ljust" => pylib::strings::ljust(st, w, fill),
                _ => pylib::strings::rjust(st, w, fill),
            };
            p(vm, r)?
        }
        "zfill" => {
            let w = vm.as_i64(args.first().unwrap_or(&Value::Int(0)))?;
            let r = pylib::strings::zfill(st, w);
            p(vm, r)?
        }
        "expandtabs" => {
            let w = opt_int(vm, args.first())?.unwrap_or(8);
            let r = pylib::strings::expandtabs(st, w);
            p(vm, r)?
        }
        "isdigit" => Value::Bool(pylib::strings::isdigit(st)),
        "isdecimal" => Value::Bool(pylib::strings::isdecimal(st)),
        "isnumeric" => Value::Bool(pylib::strings::isnumeric(st)),
        "isalpha" => Value::Bool(pylib::strings::isalpha(st)),
        "isalnum" => Value::Bool(pylib::strings::isalnum(st)),
        "isspace" => Value::Bool(pylib::strings::isspace(st)),
        "isupper" => Value::Bool(pylib::strings::isupper(st)),
        "islower" => Value::Bool(pylib::strings::islower(st)),
        "istitle" => Value::Bool(pylib::strings::istitle(st)),
        "isprintable" => Value::Bool(pylib::strings::isprintable(st)),
        "isascii" => Value::Bool(st.is_ascii()),
        "isidentifier" => Value::Bool(
            st.chars()
                .next()
                .map(|c| c == '_' || c.is_alphabetic())
                .unwrap_or(false)
                && st.chars().all(|c| c == '_' || c.is_alphanumeric()),
        ),
        "splitlines" => {
            let keep = match kw_or(args, 0, kw, "keepends") {
                Some(v) => vm.truthy(v)?,
                None => false,
            };
            strs(pylib::strings::splitlines(st, keep))
        }
        "partition" | "rpartition" => {
            let sep = req_str(vm, args.first(), name)?;
            let r = if name == "partition" {
                pylib::strings::partition(st, sep)
            } else {
                pylib::strings::rpartition(st, sep)
            };
            let (a, b, c) = r.map_err(|e| vm.pyerr(e))?;
            Value::tuple(vec![s(a), s(b), s(c)])
        }
        "removeprefix" => {
            let pre = req_str(vm, args.first(), name)?;
            s(st.strip_prefix(pre).unwrap_or(st).to_string())
        }
        "removesuffix" => {
            let suf = req_str(vm, args.first(), name)?;
            s(st.strip_suffix(suf).unwrap_or(st).to_string())
        }
        "encode" => Value::Bytes(Rc::from(st.as_bytes().to_vec())),
        _ => return Ok(None),
    }))
}

/// `str.format`: fields `{}`, `{0}`, `{name}`, `{x.attr}`, `{x[0]}`,
/// conversions `!r`/`!s`/`!a` and specs (with nested fields).
pub(crate) fn str_format(vm: &mut Vm, fmt: &str, args: &[Value], kw: Kw) -> Result<String, Error> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut auto = 0usize;
    let mut manual = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            // Find matching close brace (allowing one nesting level in spec).
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() && depth > 0 {
                match chars[j] {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                if depth > 0 {
                    j += 1;
                }
            }
            if j >= chars.len() {
                return Err(vm.value_error("expected '}' before end of string"));
            }
            let field: String = chars[i + 1..j].iter().collect();
            i = j + 1;
            // Split field_name[!conv][:spec]
            let (name_conv, spec) = match field.find(':') {
                Some(p) => (field[..p].to_string(), field[p + 1..].to_string()),
                None => (field.clone(), String::new()),
            };
            let (fname, conv) = match name_conv.find('!') {
                Some(p) => (
                    name_conv[..p].to_string(),
                    Some(name_conv[p + 1..].to_string()),
                ),
                None => (name_conv, None),
            };
            // Resolve the base name.
            let end = fname.find(['.', '[']).unwrap_or(fname.len());
            let base = &fname[..end];
            let mut v = if base.is_empty() {
                if manual {
                    return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering"));
                }
                let v = args.get(auto).cloned();
                auto += 1;
                match v {
                    Some(v) => v,
                    None => {
                        return Err(vm.index_error(format!(
                            "Replacement index {} out of range for positional args tuple",
                            auto - 1
                        )))
                    }
                }
            } else if let Ok(n) = base.parse::<usize>() {
                manual = true;
                match args.get(n) {
                    Some(v) => v.clone(),
                    None => {
                        return Err(vm.index_error(format!(
                            "Replacement index {n} out of range for positional args tuple"
                        )))
                    }
                }
            } else {
                match kw.iter().find(|(k, _)| &**k == base) {
                    Some((_, v)) => v.clone(),
                    None => return Err(vm.key_error(Value::str(base))),
                }
            };
            // Attribute / index chain.
            let mut rest = &fname[end..];
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix('.') {
                    let e = r.find(['.', '[']).unwrap_or(r.len());
                    let an = vm.intern(&r[..e]);
                    v = vm.getattr(&v, &an)?;
                    rest = &r[e..];
                } else if let Some(r) = rest.strip_prefix('[') {
                    let e = r.find(']').unwrap_or(r.len());
                    let key = &r[..e];
                    let k = match key.parse::<i64>() {
                        Ok(n) => Value::Int(n),
                        Err(_) => Value::str(key),
                    };
                    v = vm.getitem(&v, &k)?;
                    rest = r.get(e + 1..).unwrap_or("");
                } else {
                    break;
                }
            }
            let v = match conv.as_deref() {
                Some("r") => Value::Str(Rc::from(vm.repr(&v)?)),
                Some("s") => Value::Str(Rc::from(vm.str_of(&v)?)),
                Some("a") => Value::Str(Rc::from(vm.ascii(&v)?)),
                Some(other) => {
                    return Err(vm.value_error(format!("Unknown conversion specifier {other}")))
                }
                None => v,
            };
            let spec = if spec.contains('{') {
                str_format(vm, &spec, args, kw)?
            } else {
                spec
            };
            out.push_str(&vm.format(&v, &spec)?);
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

fn seq_method(
    vm: &mut Vm,
    items: &[Value],
    name: &str,
    args: &[Value],
) -> Result<Option<Value>, Error> {
    Ok(Some(match name {
        "count" => {
            let x = args.first().cloned().unwrap_or(Value::None);
            let mut n = 0;
            for y in items {
                if y.is(&x) || vm.eq(y, &x)? {
                    n += 1;
                }
            }
            Value::Int(n)
        }
        "index" => {
            let x = args.first().cloned().unwrap_or(Value::None);
            let start = opt_int(vm, args.get(1))?.unwrap_or(0);
            let end = opt_int(vm, args.get(2))?.unwrap_or(items.len() as i64);
            let len = items.len() as i64;
            let norm = |i: i64| if i < 0 { (i + len).max(0) } else { i.min(len) };
            for (k, y) in items
                .iter()
                .enumerate()
                .take(norm(end) as usize)
                .skip(norm(start) as usize)
            {
                if y.is(&x) || vm.eq(y, &x)? {
                    return Ok(Some(Value::Int(k as i64)));
                }
            }
            return Err(vm.value_error("tuple.index(x): x not in tuple"));
        }
        _ => return Ok(None),
    }))
}

pub(crate) fn list_sort(vm: &mut Vm, l: &Value, kw: Kw) -> Result<(), Error> {
    let Value::List(list) = l else { return Ok(()) };
    let mut key = None;
    let mut reverse = false;
    for (k, v) in kw {
        match &**k {
            "key" => {
                if !v.is_none() {
                    key = Some(v.clone())
                }
            }
            "reverse" => reverse = vm.truthy(v)?,
            other => {
                return Err(vm.type_error(format!(
                    "'{other}' is an invalid keyword argument for sort()"
                )))
            }
        }
    }
    let items = std::mem::take(&mut *list.borrow_mut());
    let mut keyed: Vec<(Value, Value)> = Vec::with_capacity(items.len());
    for x in items.iter() {
        let k = match &key {
            Some(f) => match vm.call(f, vec![x.clone()], vec![]) {
                Ok(k) => k,
                Err(e) => {
                    *list.borrow_mut() = items;
                    return Err(e);
                }
            },
            None => x.clone(),
        };
        keyed.push((k, x.clone()));
    }
    if reverse {
        keyed.reverse();
    }
    // Stable merge sort using Python's `<`, propagating errors.
    let mut err = None;
    merge_sort(vm, &mut keyed, &mut err);
    if let Some(e) = err {
        *list.borrow_mut() = items;
        return Err(e);
    }
    if reverse {
        keyed.reverse();
    }
    *list.borrow_mut() = keyed.into_iter().map(|(_, v)| v).collect();
    Ok(())
}

fn less(vm: &mut Vm, a: &Value, b: &Value, err: &mut Option<Error>) -> bool {
    if err.is_some() {
        return false;
    }
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => return x < y,
        (Value::Str(x), Value::Str(y)) => return x < y,
        _ => {}
    }
    match vm.compare(a, b, CmpOp::Lt).and_then(|r| vm.truthy(&r)) {
        Ok(r) => r,
        Err(e) => {
            *err = Some(e);
            false
        }
    }
}

fn merge_sort(vm: &mut Vm, v: &mut Vec<(Value, Value)>, err: &mut Option<Error>) {
    let n = v.len();
    if n <= 1 {
        return;
    }
    if n <= 16 {
        // Insertion sort (stable).
        for i in 1..n {
            let mut j = i;
            while j > 0 && less(vm, &v[j].0, &v[j - 1].0, err) {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return;
    }
    let mut right = v.split_off(n / 2);
    merge_sort(vm, v, err);
    merge_sort(vm, &mut right, err);
    let left = std::mem::take(v);
    let mut out = Vec::with_capacity(n);
    let mut li = left.into_iter().peekable();
    let mut ri = right.into_iter().peekable();
    loop {
        match (li.peek(), ri.peek()) {
            (Some(a), Some(b)) => {
                if less(vm, &b.0, &a.0, err) {
                    out.extend(ri.next());
                } else {
                    out.extend(li.next());
                }
            }
            (Some(_), None) => out.extend(li.next()),
            (None, Some(_)) => out.extend(ri.next()),
            (None, None) => break,
        }
    }
    *v = out;
}

fn list_method(
    vm: &mut Vm,
    obj: &Value,
    l: &Rc<RefCell<Vec<Value>>>,
    name: &str,
    args: &[Value],
    kw: Kw,
) -> Result<Option<Value>, Error> {
    Ok(Some(match name {
        "append" => {
            if args.len() != 1 {
                return Err(vm.type_error(format!(
                    "list.append() takes exactly one argument ({} given)",
                    args.len()
                )));
            }
            let mut lb = l.borrow_mut();
            if lb.len() >= vm.limits.max_collection_len {
                drop(lb);
                return Err(vm.memory_error());
            }
            lb.push(args[0].clone());
            Value::None
        }
        "extend" => {
            let items = vm.iterate(args.first().unwrap_or(&Value::empty_tuple()))?;
            let n = l.borrow().len() + items.len();
            vm.check_len(n)?;
            l.borrow_mut().extend(items);
            Value::None
        }
        "insert" => {
            if args.len() != 2 {
                return Err(
                    vm.type_error(format!("insert expected 2 arguments, got {}", args.len()))
                );
            }
            let i = vm.as_i64(&args[0])?;
            let mut lb = l.borrow_mut();
            let n = lb.len() as i64;
            let idx = if i < 0 { (i + n).max(0) } else { i.min(n) };
            lb.insert(idx as usize, args[1].clone());
            Value::None
        }
        "pop" => {
            let mut lb = l.borrow_mut();
            if lb.is_empty() {
                drop(lb);
                return Err(vm.index_error("pop from empty list"));
            }
            let i = match args.first() {
                Some(v) => {
                    let v = v.clone();
                    drop(lb);
                    let i = vm.as_i64(&v)?;
                    lb = l.borrow_mut();
                    i
                }
                None => -1,
            };
            match crate::vm::ops::norm_index(i, lb.len()) {
                Some(i) => lb.remove(i),
                None => {
                    drop(lb);
                    return Err(vm.index_error("pop index out of range"));
                }
            }
        }
        "remove" => {
            let x = args.first().cloned().unwrap_or(Value::None);
            let items = l.borrow().clone();
            for (i, y) in items.iter().enumerate() {
                if y.is(&x) || vm.eq(y, &x)? {
                    l.borrow_mut().remove(i);
                    return Ok(Some(Value::None));
                }
            }
            return Err(vm.value_error("list.remove(x): x not in list"));
        }
        "index" => {
            let items = l.borrow().clone();
            return match seq_method(vm, &items, "index", args) {
                Err(Error::Exception(_)) => {
                    let r = vm.repr(args.first().unwrap_or(&Value::None))?;
                    Err(vm.value_error(format!("{r} is not in list")))
                }
                other => other,
            };
        }
        "count" => {
            let items = l.borrow().clone();
            return seq_method(vm, &items, "count", args);
        }
        "sort" => {
            if !args.is_empty() {
                return Err(vm.type_error("sort() takes no positional arguments"));
            }
            list_sort(vm, obj, kw)?;
            Value::None
        }
        "reverse" => {
            l.borrow_mut().reverse();
            Value::None
        }
        "copy" => Value::list(l.borrow().clone()),
        "clear" => {
            l.borrow_mut().clear();
            Value::None
        }
        _ => return Ok(None),
    }))
}

pub(crate) fn dict_update(vm: &mut Vm, d: &Value, src: &Value) -> Result<(), Error> {
    let Value::Dict(dst) = d else { return Ok(()) };
    match src {
        Value::Dict(s) => {
            let items = s.borrow().items();
            for (k, v) in items {
                vm.dict_insert(dst, k, v)?;
            }
        }
        Value::Instance(_) if vm.lookup_special_bound(src, "keys").is_some() => {
            vm.dict_update_op(d, src, false)?;
        }
        _ => {
            let items = vm.iterate(src)?;
            for (i, it) in items.into_iter().enumerate() {
                let pair = match &it {
                    Value::Tuple(t) => t.to_vec(),
                    Value::List(l) => l.borrow().clone(),
                    other => {
                        if vm.is_iterable(other) {
                            vm.iterate(other)?
                        } else {
                            return Err(vm.type_error(format!(
                                "cannot convert dictionary update sequence element #{i} to a sequence"
                            )));
                        }
                    }
                };
                if pair.len() != 2 {
                    return Err(vm.value_error(format!(
                        "dictionary update sequence element #{i} has length {}; 2 is required",
                        pair.len()
                    )));
                }
                vm.dict_insert(dst, pair[0].clone(), pair[1].clone())?;
            }
        }
    }
    Ok(())
}

fn dict_method(
    vm: &mut Vm,
    obj: &Value,
    d: &Rc<RefCell<Dict>>,
    name: &str,
    args: &[Value],
    kw: Kw,
) -> Result<Option<Value>, Error> {
    Ok(Some(match name {
        "get" => {
            let Some(k) = args.first() else {
                return Err(vm.type_error("get expected at least 1 argument, got 0"));
            };
            match vm.dict_get(d, k)? {
                Some(v) => v,
                None => args.get(1).cloned().unwrap_or(Value::None),
            }
        }
        "keys" => Value::DictView(Rc::new((d.clone(), ViewKind::Keys))),
        "values" => Value::DictView(Rc::new((d.clone(), ViewKind::Values))),
        "items" => Value::DictView(Rc::new((d.clone(), ViewKind::Items))),
        "pop" => {
            let Some(k) = args.first() else {
                return Err(vm.type_error("pop expected at least 1 argument, got 0"));
            };
            match vm.dict_remove(d, k)? {
                Some(v) => v,
                None => match args.get(1) {
                    Some(dflt) => dflt.clone(),
                    None => return Err(vm.key_error(k.clone())),
                },
            }
        }
        "popitem" => {
            let r = d.borrow_mut().pop_last();
            match r {
                Some((k, v)) => Value::tuple(vec![k, v]),
                None => {
                    let c = vm.types.key_error.clone();
                    return Err(vm.new_error(&c, "popitem(): dictionary is empty"));
                }
            }
        }
        "setdefault" => {
            let Some(k) = args.first() else {
                return Err(vm.type_error("setdefault expected at least 1 argument, got 0"));
            };
            match vm.dict_get(d, k)? {
                Some(v) => v,
                None => {
                    let dflt = args.get(1).cloned().unwrap_or(Value::None);
                    vm.dict_insert(d, k.clone(), dflt.clone())?;
                    dflt
                }
            }
        }
        "update" => {
            if let Some(src) = args.first() {
                dict_update(vm, obj, src)?;
            }
            for (k, v) in kw {
                vm.dict_insert(d, Value::Str(k.clone()), v.clone())?;
            }
            Value::None
        }
        "copy" => Value::dict(d.borrow().clone()),
        "clear" => {
            d.borrow_mut().clear();
            Value::None
        }
        "fromkeys" => {
            let keys = vm.iterate(args.first().unwrap_or(&Value::empty_tuple()))?;
            let v = args.get(1).cloned().unwrap_or(Value::None);
            let mut nd = Dict::new();
            for k in keys {
                vm.dict_set(&mut nd, k, v.clone())?;
            }
            Value::dict(nd)
        }
        "__delitem__" => {
            vm.delitem(obj, args.first().unwrap_or(&Value::None))?;
            Value::None
        }
        _ => return Ok(None),
    }))
}

fn set_method(
    vm: &mut Vm,
    obj: &Value,
    name: &str,
    args: &[Value],
) -> Result<Option<Value>, Error> {
    let frozen = matches!(obj, Value::FrozenSet(_));
    let refreeze = |v: Value| -> Value {
        if frozen {
            match v {
                Value::Set(d) => Value::FrozenSet(Rc::new(d.borrow().clone())),
                o => o,
            }
        } else {
            v
        }
    };
    let as_set = |vm: &mut Vm, v: &Value| -> Result<Value, Error> {
        match v {
            Value::Set(_) | Value::FrozenSet(_) => Ok(v.clone()),
            other => {
                let items = vm.iterate(other)?;
                vm.new_set(items)
            }
        }
    };
    let op = |vm: &mut Vm, bop: BinOp| -> Result<Value, Error> {
        let mut acc = match obj {
            Value::FrozenSet(d) => Value::Set(Rc::new(RefCell::new((**d).clone()))),
            Value::Set(d) => Value::Set(Rc::new(RefCell::new(d.borrow().clone()))),
            _ => return Err(Error::Internal("set op".into())),
        };
        for a in args {
            let other = as_set(vm, a)?;
            acc = vm.binary_op(acc, other, bop)?;
        }
        Ok(acc)
    };
    Ok(Some(match name {
        "add" => {
            if frozen {
                return Ok(None);
            }
            vm.set_add(obj, args.first().cloned().unwrap_or(Value::None))?;
            Value::None
        }
        "discard" | "remove" => {
            let Value::Set(d) = obj else { return Ok(None) };
            let x = args.first().cloned().unwrap_or(Value::None);
            if vm.dict_remove(d, &x)?.is_none() && name == "remove" {
                return Err(vm.key_error(x));
            }
            Value::None
        }
        "pop" => {
            let Value::Set(d) = obj else { return Ok(None) };
            let order = vm.set_order(&d.borrow());
            match order.first() {
                Some(x) => {
                    vm.dict_remove(d, x)?;
                    x.clone()
                }
                None => {
                    let c = vm.types.key_error.clone();
                    return Err(vm.new_error(&c, "pop from an empty set"));
                }
            }
        }
        "union" => refreeze(op(vm, BinOp::BitOr)?),
        "intersection" => refreeze(op(vm, BinOp::BitAnd)?),
        "difference" => refreeze(op(vm, BinOp::Sub)?),
        "symmetric_difference" => refreeze(op(vm, BinOp::BitXor)?),
        "update" => {
            if frozen {
                return Ok(None);
            }
            for x in args {
                vm.set_update(obj, x)?;
            }
            Value::None
        }
        "intersection_update" | "difference_update" | "symmetric_difference_update" => {
            let Value::Set(d) = obj else { return Ok(None) };
            let bop = match name {
                "update" => BinOp::BitOr,
                "intersection_update" => BinOp::BitAnd,
                "difference_update" => BinOp::Sub,
                _ => BinOp::BitXor,
            };
            if let Value::Set(r) = op(vm, bop)? {
                let new = r.borrow().clone();
                *d.borrow_mut() = new;
            }
            Value::None
        }
        "issubset" | "issuperset" | "isdisjoint" => {
            let other = as_set(vm, args.first().unwrap_or(&Value::empty_tuple()))?;
            match name {
                "issubset" => vm.compare(obj, &other, CmpOp::LtE)?,
                "issuperset" => vm.compare(obj, &other, CmpOp::GtE)?,
                _ => {
                    let mine = vm.iterate(obj)?;
                    let mut r = true;
                    for x in mine {
                        if vm.contains(&other, &x)? {
                            r = false;
                            break;
                        }
                    }
                    Value::Bool(r)
                }
            }
        }
        "copy" => match obj {
            Value::Set(_) => vm.set_copy_of(obj, false)?,
            other => other.clone(),
        },
        "clear" => {
            if let Value::Set(d) = obj {
                d.borrow_mut().clear();
            }
            Value::None
        }
        _ => return Ok(None),
    }))
}
