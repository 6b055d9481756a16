//! Methods of `str`.

use std::rc::Rc;

use super::object;
use super::{kw_or, m, opt_int, s, this, Kw, Table};
use crate::pylib;
use crate::vm::value::*;
use crate::vm::{Error, Vm};

pub static METHODS: Table = Table::new(&[
    m("join", |vm, this, a, _| {
        let st = this!(this, Value::Str);
        let Some(it) = a.first() else {
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
        Ok(s(out))
    }),
    m("split", |vm, this, a, kw| split(vm, this, a, kw, false)),
    m("rsplit", |vm, this, a, kw| split(vm, this, a, kw, true)),
    m("strip", |vm, this, a, _| {
        strip(vm, this, a, "strip", pylib::strings::strip)
    }),
    m("lstrip", |vm, this, a, _| {
        strip(vm, this, a, "lstrip", pylib::strings::lstrip)
    }),
    m("rstrip", |vm, this, a, _| {
        strip(vm, this, a, "rstrip", pylib::strings::rstrip)
    }),
    m("upper", |_, this, _, _| {
        Ok(s(pylib::strings::upper(this!(this, Value::Str))))
    }),
    m("lower", |_, this, _, _| {
        Ok(s(pylib::strings::lower(this!(this, Value::Str))))
    }),
    m("title", |_, this, _, _| {
        Ok(s(pylib::strings::title(this!(this, Value::Str))))
    }),
    m("capitalize", |_, this, _, _| {
        Ok(s(pylib::strings::capitalize(this!(this, Value::Str))))
    }),
    m("replace", |vm, this, a, kw| {
        let st = this!(this, Value::Str);
        let old = req_str(vm, a.first(), "replace")?;
        let new = req_str(vm, a.get(1), "replace")?;
        let count = opt_int(vm, kw_or(a, 2, kw, "count"))?.unwrap_or(-1);
        let r = pylib::strings::replace(st, old, new, count);
        vm.check_len(r.len())?;
        Ok(s(r))
    }),
    m("startswith", |vm, this, a, _| {
        starts_ends(vm, this, a, "startswith", pylib::strings::startswith)
    }),
    m("endswith", |vm, this, a, _| {
        starts_ends(vm, this, a, "endswith", pylib::strings::endswith)
    }),
    m("find", |vm, this, a, _| {
        search(vm, this, a, "find", |st, sub, b, e| {
            Ok(pylib::strings::find(st, sub, b, e))
        })
    }),
    m("rfind", |vm, this, a, _| {
        search(vm, this, a, "rfind", |st, sub, b, e| {
            Ok(pylib::strings::rfind(st, sub, b, e))
        })
    }),
    m("index", |vm, this, a, _| {
        search(vm, this, a, "index", pylib::strings::index)
    }),
    m("rindex", |vm, this, a, _| {
        search(vm, this, a, "rindex", pylib::strings::rindex)
    }),
    m("count", |vm, this, a, _| {
        search(vm, this, a, "count", |st, sub, b, e| {
            Ok(pylib::strings::count(st, sub, b, e))
        })
    }),
    m("format", |vm, this, a, kw| {
        Ok(s(str_format(vm, this!(this, Value::Str), a, kw)?))
    }),
    m("center", |vm, this, a, _| {
        pad(vm, this, a, pylib::strings::center)
    }),
    m("ljust", |vm, this, a, _| {
        pad(vm, this, a, pylib::strings::ljust)
    }),
    m("rjust", |vm, this, a, _| {
        pad(vm, this, a, pylib::strings::rjust)
    }),
    m("zfill", |vm, this, a, _| {
        let st = this!(this, Value::Str);
        let w = vm.as_i64(a.first().unwrap_or(&Value::Int(0)))?;
        let r = pylib::strings::zfill(st, w);
        r.map(s).map_err(|e| vm.pyerr(e))
    }),
    m("isdigit", |_, this, _, _| is(this, pylib::strings::isdigit)),
    m("isalpha", |_, this, _, _| is(this, pylib::strings::isalpha)),
    m("isalnum", |_, this, _, _| is(this, pylib::strings::isalnum)),
    m("isspace", |_, this, _, _| is(this, pylib::strings::isspace)),
    m("isupper", |_, this, _, _| is(this, pylib::strings::isupper)),
    m("islower", |_, this, _, _| is(this, pylib::strings::islower)),
    m("maketrans", maketrans),
    m("translate", translate),
    m("isdecimal", |_, this, _, _| {
        is(this, pylib::strings::isdecimal)
    }),
    m("isnumeric", |_, this, _, _| {
        is(this, pylib::strings::isnumeric)
    }),
    m("istitle", |_, this, _, _| is(this, pylib::strings::istitle)),
    m("isidentifier", |_, this, _, _| {
        is(this, |st| {
            st.chars()
                .next()
                .map(|c| c == '_' || c.is_alphabetic())
                .unwrap_or(false)
                && st.chars().all(|c| c == '_' || c.is_alphanumeric())
        })
    }),
    m("splitlines", |vm, this, a, kw| {
        let st = this!(this, Value::Str);
        let keep = match kw_or(a, 0, kw, "keepends") {
            Some(v) => vm.truthy(v)?,
            None => false,
        };
        Ok(strs(pylib::strings::splitlines(st, keep)))
    }),
    m("partition", |vm, this, a, _| {
        partition(vm, this, a, "partition", pylib::strings::partition)
    }),
    m("rpartition", |vm, this, a, _| {
        partition(vm, this, a, "rpartition", pylib::strings::rpartition)
    }),
    m("encode", |vm, this, a, kw| {
        let st = this!(this, Value::Str);
        let mut text = |i: usize, what: &str, default: &'static str| match kw_or(a, i, kw, what) {
            None => Ok(Rc::from(default)),
            Some(Value::Str(x)) => Ok(x.clone()),
            Some(v) => {
                let t = vm.type_name(v);
                Err(vm.type_error(format!("encode() argument '{what}' must be str, not {t}")))
            }
        };
        let enc: Rc<str> = text(0, "encoding", "utf-8")?;
        let errors: Rc<str> = text(1, "errors", "strict")?;
        pylib::codecs::encode(st, &enc, &errors)
            .map(|b| Value::Bytes(Rc::from(b)))
            .map_err(|e| vm.pyerr(e))
    }),
    m("swapcase", |_, this, _, _| {
        Ok(s(pylib::strings::swapcase(this!(this, Value::Str))))
    }),
    m("casefold", |_, this, _, _| {
        Ok(s(pylib::strings::casefold(this!(this, Value::Str))))
    }),
    m("removeprefix", |vm, this, a, _| {
        let st = this!(this, Value::Str);
        let pre = req_str(vm, a.first(), "removeprefix")?;
        Ok(s(st.strip_prefix(pre).unwrap_or(st).to_string()))
    }),
    m("removesuffix", |vm, this, a, _| {
        let st = this!(this, Value::Str);
        let suf = req_str(vm, a.first(), "removesuffix")?;
        Ok(s(st.strip_suffix(suf).unwrap_or(st).to_string()))
    }),
    m("expandtabs", |vm, this, a, _| {
        let st = this!(this, Value::Str);
        let w = opt_int(vm, a.first())?.unwrap_or(8);
        let r = pylib::strings::expandtabs(st, w);
        r.map(s).map_err(|e| vm.pyerr(e))
    }),
    m("isprintable", |_, this, _, _| {
        is(this, pylib::strings::isprintable)
    }),
    m("isascii", |_, this, _, _| is(this, |st| st.is_ascii())),
    m("format_map", |vm, this, a, _| {
        let st = this!(this, Value::Str);
        let map = a.first().cloned().unwrap_or(Value::None);
        let mut kws = Vec::new();
        if let Value::Dict(d) = &map {
            for (k, v) in d.borrow().items() {
                if let Value::Str(k) = k {
                    kws.push((k, v));
                }
            }
        }
        Ok(s(str_format(vm, st, &[], &kws)?))
    }),
    m("__len__", object::len),
    m("__contains__", object::contains),
    m("__getitem__", object::getitem),
    m("__add__", object::add),
    m("__mul__", object::mul),
    m("__iter__", object::iter),
]);

/// `find` & co: (string, sub, start, end).
type SearchFn = fn(&str, &str, Option<i64>, Option<i64>) -> Result<i64, pylib::PyErrMsg>;

/// `partition` & co: (string, separator).
type PartitionFn = fn(&str, &str) -> Result<(String, String, String), pylib::PyErrMsg>;

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

fn strs(v: Vec<String>) -> Value {
    Value::list(v.into_iter().map(s).collect())
}

fn is(this: &Value, f: fn(&str) -> bool) -> Result<Value, Error> {
    Ok(Value::Bool(f(this!(this, Value::Str))))
}

/// `split` / `rsplit`.
fn split(vm: &mut Vm, this: &Value, a: &[Value], kw: Kw, right: bool) -> Result<Value, Error> {
    let st = this!(this, Value::Str);
    let sep = arg_str(vm, kw_or(a, 0, kw, "sep"), "must be str or None")?;
    let maxsplit = opt_int(vm, kw_or(a, 1, kw, "maxsplit"))?.unwrap_or(-1);
    let r = if right {
        pylib::strings::rsplit(st, sep, maxsplit)
    } else {
        pylib::strings::split(st, sep, maxsplit)
    };
    let parts = r.map_err(|e| vm.pyerr(e))?;
    Ok(Value::list(
        parts.into_iter().map(|p| Value::Str(Rc::from(p))).collect(),
    ))
}

/// `strip` / `lstrip` / `rstrip`.
fn strip(
    vm: &mut Vm,
    this: &Value,
    a: &[Value],
    name: &str,
    f: fn(&str, Option<&str>) -> String,
) -> Result<Value, Error> {
    let st = this!(this, Value::Str);
    let chars = arg_str(vm, a.first(), name)?;
    Ok(s(f(st, chars)))
}

/// `startswith` / `endswith`.
fn starts_ends(
    vm: &mut Vm,
    this: &Value,
    a: &[Value],
    name: &str,
    f: fn(&str, &str, Option<i64>, Option<i64>) -> bool,
) -> Result<Value, Error> {
    let st = this!(this, Value::Str);
    let start = opt_int(vm, a.get(1))?;
    let end = opt_int(vm, a.get(2))?;
    match a.first() {
        Some(Value::Str(x)) => Ok(Value::Bool(f(st, x, start, end))),
        Some(Value::Tuple(t)) => {
            let mut r = false;
            for x in t.iter() {
                if let Value::Str(x) = x {
                    if f(st, x, start, end) {
                        r = true;
                    }
                }
            }
            Ok(Value::Bool(r))
        }
        Some(other) => {
            let t = vm.type_name(other);
            Err(vm.type_error(format!(
                "{name} first arg must be str or a tuple of str, not {t}"
            )))
        }
        None => Err(vm.type_error(format!("{name}() takes at least 1 argument (0 given)"))),
    }
}

/// `find` / `rfind` / `index` / `rindex` / `count`.
fn search(vm: &mut Vm, this: &Value, a: &[Value], name: &str, f: SearchFn) -> Result<Value, Error> {
    let st = this!(this, Value::Str);
    let sub = req_str(vm, a.first(), name)?;
    let start = opt_int(vm, a.get(1))?;
    let end = opt_int(vm, a.get(2))?;
    f(st, sub, start, end)
        .map(Value::Int)
        .map_err(|e| vm.pyerr(e))
}

/// `center` / `ljust` / `rjust`.
fn pad(
    vm: &mut Vm,
    this: &Value,
    a: &[Value],
    f: fn(&str, i64, char) -> Result<String, pylib::PyErrMsg>,
) -> Result<Value, Error> {
    let st = this!(this, Value::Str);
    let w = vm.as_i64(a.first().unwrap_or(&Value::Int(0)))?;
    let fill = match a.get(1) {
        Some(Value::Str(f)) if f.chars().count() == 1 => f.chars().next().unwrap_or(' '),
        Some(_) => {
            return Err(vm.type_error("The fill character must be exactly one character long"))
        }
        None => ' ',
    };
    f(st, w, fill).map(s).map_err(|e| vm.pyerr(e))
}

/// `partition` / `rpartition`.
fn partition(
    vm: &mut Vm,
    this: &Value,
    a: &[Value],
    name: &str,
    f: PartitionFn,
) -> Result<Value, Error> {
    let st = this!(this, Value::Str);
    let sep = req_str(vm, a.first(), name)?;
    let (x, y, z) = f(st, sep).map_err(|e| vm.pyerr(e))?;
    Ok(Value::tuple(vec![s(x), s(y), s(z)]))
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

/// `str.maketrans(x[, y[, z]])`: the dict `translate` reads — from one
/// dict (characters or ordinals to anything), or from two equal-length
/// strings (each character to the one at the same place) plus the
/// characters of `z` mapped to None.
fn maketrans(vm: &mut Vm, _: &Value, a: &[Value], _: Kw) -> Result<Value, Error> {
    if a.is_empty() || a.len() > 3 {
        let (most, n) = if a.is_empty() {
            ("least 1 argument", 0)
        } else {
            ("most 3 arguments", a.len())
        };
        return Err(vm.type_error(format!("maketrans expected at {most}, got {n}")));
    }
    let out = std::cell::RefCell::new(crate::vm::dict::Dict::new());
    if a.len() == 1 {
        let Value::Dict(d) = &a[0] else {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        let items = d.borrow().items();
        for (k, v) in items {
            let key = match &k {
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => k.clone(),
                Value::Str(c) if c.chars().count() == 1 => Value::Int(first_ord(c)),
                Value::Str(_) => {
                    return Err(vm.value_error("string keys in translate table must be of length 1"))
                }
                _ => {
                    return Err(vm.type_error("keys in translate table must be strings or integers"))
                }
            };
            vm.dict_insert(&out, key, v)?;
        }
        return Ok(Value::Dict(Rc::new(out)));
    }
    let Value::Str(x) = &a[0] else {
        return Err(vm.type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    let text = |vm: &mut Vm, i: usize| match &a[i] {
        Value::Str(t) => Ok(t.clone()),
        other => {
            let t = vm.type_name(other);
            Err(vm.type_error(format!(
                "maketrans() argument {} must be str, not {t}",
                i + 1
            )))
        }
    };
    let y = text(vm, 1)?;
    let z = if a.len() == 3 {
        Some(text(vm, 2)?)
    } else {
        None
    };
    if x.chars().count() != y.chars().count() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (f, t) in x.chars().zip(y.chars()) {
        vm.dict_insert(&out, Value::Int(f as i64), Value::Int(t as i64))?;
    }
    for c in z.iter().flat_map(|z| z.chars()) {
        vm.dict_insert(&out, Value::Int(c as i64), Value::None)?;
    }
    Ok(Value::Dict(Rc::new(out)))
}

fn first_ord(c: &str) -> i64 {
    c.chars().next().map_or(0, |c| c as i64)
}

/// `s.translate(table)`: each character looked up by its ordinal in
/// `table` (any object with `__getitem__`): a LookupError keeps it, None
/// drops it, an int or a string replaces it.
fn translate(vm: &mut Vm, this: &Value, a: &[Value], _: Kw) -> Result<Value, Error> {
    let st = this!(this, Value::Str);
    let [table] = a else {
        return Err(vm.type_error(format!(
            "str.translate() takes exactly one argument ({} given)",
            a.len()
        )));
    };
    let lookup_error = vm.types.lookup_error.clone();
    let mut out = String::with_capacity(st.len());
    for c in st.chars() {
        match vm.getitem(table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(Value::Str(r)) => out.push_str(&r),
            Ok(Value::Int(n)) => match u32::try_from(n).ok().and_then(char::from_u32) {
                Some(r) => out.push(r),
                None => return Err(vm.value_error("character mapping must be in range(0x110000)")),
            },
            Ok(Value::BigInt(_)) => {
                return Err(vm.value_error("character mapping must be in range(0x110000)"))
            }
            Ok(_) => {
                return Err(vm.type_error("character mapping must return integer, None or str"))
            }
            Err(Error::Exception(e)) if vm.is_instance_of(&e, &lookup_error) => out.push(c),
            Err(e) => return Err(e),
        }
        vm.check_len(out.len())?;
    }
    Ok(s(out))
}
