//! Methods of `bytes` and `bytearray`: one set of bodies over the bytes of
//! either (a `bytearray` receiver gets `bytearray` results, as in CPython),
//! plus the mutators only `bytearray` has.

use std::cell::RefCell;
use std::rc::Rc;

use super::object;
use super::{kw_or, m, opt_int, s, this, Kw, Table};
use crate::pylib;
use crate::vm::value::*;
use crate::vm::{Error, Vm};

/// The rows `bytes` and `bytearray` share, then `$extra`.
macro_rules! shared_rows {
    ($($extra:expr),* $(,)?) => {
        &[
            m("decode", decode),
            m("hex", hex),
            m("fromhex", fromhex),
            m("count", |vm, this, a, _| {
                search(vm, this, a, "count", |h, n| Some(count(h, n)))
            }),
            m("find", |vm, this, a, _| search(vm, this, a, "find", |h, n| find(h, n))),
            m("rfind", |vm, this, a, _| search(vm, this, a, "rfind", |h, n| rfind(h, n))),
            m("index", |vm, this, a, _| search(vm, this, a, "index", |h, n| find(h, n))),
            m("rindex", |vm, this, a, _| search(vm, this, a, "rindex", |h, n| rfind(h, n))),
            m("startswith", |vm, this, a, _| affix(vm, this, a, "startswith")),
            m("endswith", |vm, this, a, _| affix(vm, this, a, "endswith")),
            m("join", join),
            m("split", |vm, this, a, kw| split(vm, this, a, kw, false)),
            m("rsplit", |vm, this, a, kw| split(vm, this, a, kw, true)),
            m("strip", |vm, this, a, _| strip(vm, this, a, true, true)),
            m("lstrip", |vm, this, a, _| strip(vm, this, a, true, false)),
            m("rstrip", |vm, this, a, _| strip(vm, this, a, false, true)),
            m("replace", replace),
            m("upper", |_, this, _, _| map(this, |b| b.to_ascii_uppercase())),
            m("lower", |_, this, _, _| map(this, |b| b.to_ascii_lowercase())),
            m("swapcase", |_, this, _, _| map(this, swapcase)),
            m("capitalize", |_, this, _, _| map(this, capitalize)),
            m("title", |_, this, _, _| map(this, title)),
            m("isalnum", |_, this, _, _| is(this, |b| b.is_ascii_alphanumeric())),
            m("isalpha", |_, this, _, _| is(this, |b| b.is_ascii_alphabetic())),
            m("isdigit", |_, this, _, _| is(this, |b| b.is_ascii_digit())),
            m("isspace", |_, this, _, _| is(this, is_space)),
            m("isascii", |_, this, _, _| {
                Ok(Value::Bool(buf(this).iter().all(|b| b.is_ascii())))
            }),
            m("islower", |_, this, _, _| cased(this, false)),
            m("isupper", |_, this, _, _| cased(this, true)),
            m("istitle", |_, this, _, _| Ok(Value::Bool(istitle(&buf(this))))),
            m("partition", |vm, this, a, _| partition(vm, this, a, false)),
            m("rpartition", |vm, this, a, _| partition(vm, this, a, true)),
            m("removeprefix", |vm, this, a, _| {
                let (b, p) = (buf(this), arg_bytes(vm, a.first())?);
                let r = b.strip_prefix(&p[..]).unwrap_or(&b);
                Ok(like(this, r.to_vec()))
            }),
            m("removesuffix", |vm, this, a, _| {
                let (b, p) = (buf(this), arg_bytes(vm, a.first())?);
                let r = b.strip_suffix(&p[..]).unwrap_or(&b);
                Ok(like(this, r.to_vec()))
            }),
            m("center", |vm, this, a, _| pad(vm, this, a, "center")),
            m("ljust", |vm, this, a, _| pad(vm, this, a, "ljust")),
            m("rjust", |vm, this, a, _| pad(vm, this, a, "rjust")),
            m("zfill", zfill),
            m("splitlines", splitlines),
            m("expandtabs", expandtabs),
            m("maketrans", maketrans),
            m("translate", translate),
            m("__len__", object::len),
            m("__getitem__", object::getitem),
            m("__contains__", object::contains),
            m("__add__", object::add),
            m("__mul__", object::mul),
            m("__iter__", object::iter),
            $($extra,)*
        ]
    };
}

pub static METHODS: Table = Table::new(shared_rows!());

pub static BYTEARRAY_METHODS: Table = Table::new(shared_rows!(
    m("append", |vm, this, a, _| {
        let b = this!(this, Value::ByteArray);
        one_arg(vm, a, "append")?;
        let x = vm.byte_values(&a[..1])?[0];
        vm.check_len(b.borrow().len() + 1)?;
        b.borrow_mut().push(x);
        Ok(Value::None)
    }),
    m("extend", |vm, this, a, _| {
        let b = this!(this, Value::ByteArray);
        one_arg(vm, a, "extend")?;
        let new = match a[0].buffer() {
            Some(x) => x,
            None => {
                if matches!(a[0], Value::Str(_)) {
                    return Err(vm.type_error("expected iterable of integers; got: 'str'"));
                }
                let items = vm.iterate(&a[0])?;
                vm.byte_values(&items)?
            }
        };
        vm.check_len(b.borrow().len() + new.len())?;
        b.borrow_mut().extend(new);
        Ok(Value::None)
    }),
    m("insert", |vm, this, a, _| {
        let b = this!(this, Value::ByteArray);
        if a.len() != 2 {
            return Err(vm.type_error(format!("insert expected 2 arguments, got {}", a.len())));
        }
        let i = vm.as_i64(&a[0])?;
        let x = vm.byte_values(&a[1..2])?[0];
        let mut bb = b.borrow_mut();
        let n = bb.len() as i64;
        let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
        bb.insert(i as usize, x);
        Ok(Value::None)
    }),
    m("pop", |vm, this, a, _| {
        let b = this!(this, Value::ByteArray);
        let i = opt_int(vm, a.first())?.unwrap_or(-1);
        let n = b.borrow().len();
        if n == 0 {
            return Err(vm.index_error("pop from empty bytearray"));
        }
        match crate::vm::ops::norm_index(i, n) {
            Some(i) => Ok(Value::Int(b.borrow_mut().remove(i) as i64)),
            None => Err(vm.index_error("pop index out of range")),
        }
    }),
    m("remove", |vm, this, a, _| {
        let b = this!(this, Value::ByteArray);
        one_arg(vm, a, "remove")?;
        let x = vm.byte_values(&a[..1])?[0];
        let pos = b.borrow().iter().position(|&c| c == x);
        match pos {
            Some(p) => {
                b.borrow_mut().remove(p);
                Ok(Value::None)
            }
            None => Err(vm.value_error("value not found in bytearray")),
        }
    }),
    m("reverse", |_, this, _, _| {
        this!(this, Value::ByteArray).borrow_mut().reverse();
        Ok(Value::None)
    }),
    m("clear", |_, this, _, _| {
        this!(this, Value::ByteArray).borrow_mut().clear();
        Ok(Value::None)
    }),
    m("copy", |_, this, _, _| Ok(like(this, buf(this)))),
    m("__setitem__", object::setitem),
    m("__delitem__", object::delitem),
));

/// The receiver's bytes (a copy for a `bytearray`).
fn buf(this: &Value) -> Vec<u8> {
    this.buffer().unwrap_or_default()
}

/// A result of the receiver's type.
fn like(this: &Value, v: Vec<u8>) -> Value {
    match this {
        Value::ByteArray(_) => Value::ByteArray(Rc::new(RefCell::new(v))),
        _ => Value::Bytes(Rc::from(v)),
    }
}

fn one_arg(vm: &mut Vm, a: &[Value], name: &str) -> Result<(), Error> {
    if a.len() != 1 {
        return Err(vm.type_error(format!(
            "bytearray.{name}() takes exactly one argument ({} given)",
            a.len()
        )));
    }
    Ok(())
}

/// A bytes-like argument (CPython's error for anything else).
fn arg_bytes(vm: &mut Vm, v: Option<&Value>) -> Result<Vec<u8>, Error> {
    let v = v.unwrap_or(&Value::None);
    match v.buffer() {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

fn map(this: &Value, f: impl Fn(&[u8]) -> Vec<u8>) -> Result<Value, Error> {
    Ok(like(this, f(&buf(this))))
}

fn is(this: &Value, f: impl Fn(u8) -> bool) -> Result<Value, Error> {
    let b = buf(this);
    Ok(Value::Bool(!b.is_empty() && b.iter().all(|&c| f(c))))
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// `islower`/`isupper`: some cased byte, none of the other case.
fn cased(this: &Value, upper: bool) -> Result<Value, Error> {
    let b = buf(this);
    let (has, bad) = if upper {
        (
            b.iter().any(u8::is_ascii_uppercase),
            b.iter().any(u8::is_ascii_lowercase),
        )
    } else {
        (
            b.iter().any(u8::is_ascii_lowercase),
            b.iter().any(u8::is_ascii_uppercase),
        )
    };
    Ok(Value::Bool(has && !bad))
}

fn swapcase(b: &[u8]) -> Vec<u8> {
    b.iter()
        .map(|&c| {
            if c.is_ascii_lowercase() {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

fn capitalize(b: &[u8]) -> Vec<u8> {
    b.iter()
        .enumerate()
        .map(|(i, &c)| {
            if i == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

fn title(b: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    b.iter()
        .map(|&c| {
            let r = if prev_cased {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            };
            prev_cased = c.is_ascii_alphabetic();
            r
        })
        .collect()
}

fn istitle(b: &[u8]) -> bool {
    let (mut prev_cased, mut any) = (false, false);
    for &c in b {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            any = true;
        } else if c.is_ascii_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            any = true;
        } else {
            prev_cased = false;
        }
    }
    any
}

fn find(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.is_empty() {
        return Some(0);
    }
    h.windows(n.len()).position(|w| w == n)
}

fn rfind(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.is_empty() {
        return Some(h.len());
    }
    h.windows(n.len()).rposition(|w| w == n)
}

fn count(h: &[u8], n: &[u8]) -> usize {
    if n.is_empty() {
        return h.len() + 1;
    }
    let (mut i, mut c) = (0, 0);
    while let Some(p) = find(&h[i..], n) {
        c += 1;
        i += p + n.len();
    }
    c
}

/// `start`/`end` arguments as slice bounds; `None` when the range is
/// empty in CPython's sense (`start` beyond the end or past `end`).
fn bounds(
    vm: &mut Vm,
    a: &[Value],
    from: usize,
    len: usize,
) -> Result<Option<(usize, usize)>, Error> {
    let adjust = |i: i64| -> i64 {
        if i < 0 {
            (i + len as i64).max(0)
        } else {
            i
        }
    };
    let start = opt_int(vm, a.get(from))?.map(adjust).unwrap_or(0);
    let end = opt_int(vm, a.get(from + 1))?
        .map(adjust)
        .unwrap_or(len as i64)
        .min(len as i64);
    if start > len as i64 || start > end {
        return Ok(None);
    }
    Ok(Some((start as usize, end as usize)))
}

/// `count`/`find`/`index` and their right-hand twins: `sub` is bytes-like
/// or an int in `range(256)`.
fn search(
    vm: &mut Vm,
    this: &Value,
    a: &[Value],
    name: &str,
    f: fn(&[u8], &[u8]) -> Option<usize>,
) -> Result<Value, Error> {
    let b = buf(this);
    let Some(sub) = a.first() else {
        return Err(vm.type_error(format!("{name}() takes at least 1 argument (0 given)")));
    };
    let needle = match sub.buffer() {
        Some(n) => n,
        None if matches!(sub, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => {
            vec![vm.byte_values(std::slice::from_ref(sub))?[0]]
        }
        None => {
            let t = vm.type_name(sub);
            return Err(vm.type_error(format!(
                "argument should be integer or bytes-like object, not '{t}'"
            )));
        }
    };
    let range = bounds(vm, a, 1, b.len())?;
    let found = range.and_then(|(start, end)| f(&b[start..end], &needle));
    if name == "count" {
        return Ok(Value::Int(found.unwrap_or(0) as i64));
    }
    let start = range.map_or(0, |r| r.0);
    match found {
        Some(p) => Ok(Value::Int((start + p) as i64)),
        None if name.ends_with("index") => Err(vm.value_error("subsection not found")),
        None => Ok(Value::Int(-1)),
    }
}

fn affix(vm: &mut Vm, this: &Value, a: &[Value], name: &str) -> Result<Value, Error> {
    let b = buf(this);
    let Some(what) = a.first() else {
        return Err(vm.type_error(format!("{name}() takes at least 1 argument (0 given)")));
    };
    let cands: Vec<Value> = match what {
        Value::Tuple(t) => t.to_vec(),
        v => vec![v.clone()],
    };
    let range = bounds(vm, a, 1, b.len())?;
    for c in &cands {
        let Some(p) = c.buffer() else {
            let t = vm.type_name(c);
            let msg = if matches!(what, Value::Tuple(_)) {
                format!("a bytes-like object is required, not '{t}'")
            } else {
                format!("{name} first arg must be bytes or a tuple of bytes, not {t}")
            };
            return Err(vm.type_error(msg));
        };
        let Some((start, end)) = range else {
            continue;
        };
        let part = &b[start..end];
        let hit = if name == "startswith" {
            part.starts_with(&p)
        } else {
            part.ends_with(&p)
        };
        if hit {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn join(vm: &mut Vm, this: &Value, a: &[Value], _: Kw) -> Result<Value, Error> {
    let sep = buf(this);
    let Some(it) = a.first() else {
        return Err(vm.type_error("join() takes exactly one argument (0 given)"));
    };
    let items = vm.iterate(it)?;
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match x.with_buffer(|b| out.extend_from_slice(b)) {
            Some(()) => {}
            None => {
                let t = vm.type_name(x);
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {t} found"
                )));
            }
        }
        vm.check_len(out.len())?;
    }
    Ok(like(this, out))
}

fn split(vm: &mut Vm, this: &Value, a: &[Value], kw: Kw, right: bool) -> Result<Value, Error> {
    let b = buf(this);
    let sep = match kw_or(a, 0, kw, "sep") {
        None | Some(Value::None) => None,
        Some(v) => Some(arg_bytes(vm, Some(v))?),
    };
    let max = opt_int(vm, kw_or(a, 1, kw, "maxsplit"))?.unwrap_or(-1);
    let max = if max < 0 { usize::MAX } else { max as usize };
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        Some(sep) => {
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            let mut rest: &[u8] = &b;
            while parts.len() < max {
                let p = if right {
                    rfind(rest, &sep)
                } else {
                    find(rest, &sep)
                };
                let Some(p) = p else { break };
                if right {
                    parts.push(rest[p + sep.len()..].to_vec());
                    rest = &rest[..p];
                } else {
                    parts.push(rest[..p].to_vec());
                    rest = &rest[p + sep.len()..];
                }
            }
            parts.push(rest.to_vec());
        }
        None => {
            let mut rest: &[u8] = &b;
            loop {
                rest = if right {
                    let n = rest.iter().rev().take_while(|&&c| is_space(c)).count();
                    &rest[..rest.len() - n]
                } else {
                    let n = rest.iter().take_while(|&&c| is_space(c)).count();
                    &rest[n..]
                };
                if rest.is_empty() {
                    break;
                }
                if parts.len() == max {
                    parts.push(rest.to_vec());
                    break;
                }
                if right {
                    let n = rest.iter().rev().take_while(|&&c| !is_space(c)).count();
                    parts.push(rest[rest.len() - n..].to_vec());
                    rest = &rest[..rest.len() - n];
                } else {
                    let n = rest.iter().take_while(|&&c| !is_space(c)).count();
                    parts.push(rest[..n].to_vec());
                    rest = &rest[n..];
                }
            }
        }
    }
    if right {
        parts.reverse();
    }
    Ok(Value::list(
        parts.into_iter().map(|p| like(this, p)).collect(),
    ))
}

fn strip(vm: &mut Vm, this: &Value, a: &[Value], left: bool, right: bool) -> Result<Value, Error> {
    let b = buf(this);
    let chars = match a.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(arg_bytes(vm, Some(v))?),
    };
    let strip_it = |c: &u8| match &chars {
        None => is_space(*c),
        Some(set) => set.contains(c),
    };
    let mut s: &[u8] = &b;
    if left {
        let n = s.iter().take_while(|c| strip_it(c)).count();
        s = &s[n..];
    }
    if right {
        let n = s.iter().rev().take_while(|c| strip_it(c)).count();
        s = &s[..s.len() - n];
    }
    Ok(like(this, s.to_vec()))
}

fn replace(vm: &mut Vm, this: &Value, a: &[Value], kw: Kw) -> Result<Value, Error> {
    let b = buf(this);
    if a.len() < 2 {
        return Err(vm.type_error(format!(
            "replace expected at least 2 arguments, got {}",
            a.len()
        )));
    }
    let old = arg_bytes(vm, a.first())?;
    let new = arg_bytes(vm, a.get(1))?;
    // A negative count means all of them.
    let mut left = match opt_int(vm, kw_or(a, 2, kw, "count"))? {
        Some(n) if n >= 0 => n,
        _ => i64::MAX,
    };
    let mut out = Vec::with_capacity(b.len());
    if old.is_empty() {
        for (i, &c) in b.iter().enumerate() {
            if left != 0 {
                out.extend_from_slice(&new);
                left -= 1;
            }
            out.push(c);
            if i + 1 == b.len() && left != 0 {
                out.extend_from_slice(&new);
            }
        }
        if b.is_empty() && left != 0 {
            out.extend_from_slice(&new);
        }
    } else {
        let mut rest: &[u8] = &b;
        while left != 0 {
            let Some(p) = find(rest, &old) else { break };
            out.extend_from_slice(&rest[..p]);
            out.extend_from_slice(&new);
            rest = &rest[p + old.len()..];
            left -= 1;
        }
        out.extend_from_slice(rest);
    }
    vm.check_len(out.len())?;
    Ok(like(this, out))
}

fn partition(vm: &mut Vm, this: &Value, a: &[Value], right: bool) -> Result<Value, Error> {
    let b = buf(this);
    let sep = arg_bytes(vm, a.first())?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let p = if right {
        rfind(&b, &sep)
    } else {
        find(&b, &sep)
    };
    let parts = match p {
        Some(p) => [b[..p].to_vec(), sep.clone(), b[p + sep.len()..].to_vec()],
        None if right => [Vec::new(), Vec::new(), b.clone()],
        None => [b.clone(), Vec::new(), Vec::new()],
    };
    Ok(Value::tuple(
        parts.into_iter().map(|p| like(this, p)).collect(),
    ))
}

fn pad(vm: &mut Vm, this: &Value, a: &[Value], how: &str) -> Result<Value, Error> {
    let b = buf(this);
    let Some(w) = a.first() else {
        return Err(vm.type_error(format!("{how} expected at least 1 argument, got 0")));
    };
    let w = vm.as_i64(w)?.max(0) as usize;
    let fill = match a.get(1) {
        None => b' ',
        Some(v) => match v.buffer() {
            Some(f) if f.len() == 1 => f[0],
            _ => {
                let t = vm.type_name(v);
                return Err(vm.type_error(format!(
                    "{how}() argument 2 must be a byte string of length 1, not {t}"
                )));
            }
        },
    };
    if w <= b.len() {
        return Ok(like(this, b));
    }
    vm.check_len(w)?;
    let total = w - b.len();
    let left = match how {
        "ljust" => 0,
        "rjust" => total,
        // CPython's centring: the odd byte goes left when the width is odd.
        _ => total / 2 + (total & w & 1),
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&b);
    out.resize(w, fill);
    Ok(like(this, out))
}

fn zfill(vm: &mut Vm, this: &Value, a: &[Value], _: Kw) -> Result<Value, Error> {
    let b = buf(this);
    let w = vm.as_i64(a.first().unwrap_or(&Value::Int(0)))?.max(0) as usize;
    if w <= b.len() {
        return Ok(like(this, b));
    }
    vm.check_len(w)?;
    let sign = matches!(b.first(), Some(b'+' | b'-')) as usize;
    let mut out = b[..sign].to_vec();
    out.extend(std::iter::repeat_n(b'0', w - b.len()));
    out.extend_from_slice(&b[sign..]);
    Ok(like(this, out))
}

fn splitlines(vm: &mut Vm, this: &Value, a: &[Value], kw: Kw) -> Result<Value, Error> {
    let b = buf(this);
    let keep = match kw_or(a, 0, kw, "keepends") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut parts = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
            i += 1;
        }
        let mut eol = i;
        if i < b.len() {
            eol = if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                i + 2
            } else {
                i + 1
            };
        }
        parts.push(like(this, b[start..if keep { eol } else { i }].to_vec()));
        i = eol;
    }
    Ok(Value::list(parts))
}

fn expandtabs(vm: &mut Vm, this: &Value, a: &[Value], kw: Kw) -> Result<Value, Error> {
    let b = buf(this);
    let size = opt_int(vm, kw_or(a, 0, kw, "tabsize"))?.unwrap_or(8);
    let mut out = Vec::new();
    let mut col = 0i64;
    for &c in &b {
        match c {
            b'\t' => {
                if size > 0 {
                    let n = size - col % size;
                    vm.check_len(out.len() + n as usize)?;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(like(this, out))
}

/// `bytes.maketrans(frm, to)`: the 256-byte table mapping each byte of
/// `frm` to the byte of `to` at the same place (always `bytes`).
fn maketrans(vm: &mut Vm, _: &Value, a: &[Value], _: Kw) -> Result<Value, Error> {
    if a.len() != 2 {
        return Err(vm.type_error(format!("maketrans expected 2 arguments, got {}", a.len())));
    }
    let frm = arg_bytes(vm, a.first())?;
    let to = arg_bytes(vm, a.get(1))?;
    if frm.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in frm.iter().zip(&to) {
        table[*f as usize] = *t;
    }
    Ok(Value::Bytes(Rc::from(table)))
}

/// `b.translate(table, delete=b"")`: drop the bytes of `delete`, map the
/// others through `table` (None: unchanged).
fn translate(vm: &mut Vm, this: &Value, a: &[Value], kw: Kw) -> Result<Value, Error> {
    let b = buf(this);
    let table = match kw_or(a, 0, kw, "table") {
        None | Some(Value::None) => None,
        Some(v) => Some(arg_bytes(vm, Some(v))?),
    };
    if table.as_ref().is_some_and(|t| t.len() != 256) {
        return Err(vm.value_error("translation table must be 256 characters long"));
    }
    let delete = match kw_or(a, 1, kw, "delete") {
        None => Vec::new(),
        Some(v) => arg_bytes(vm, Some(v))?,
    };
    let out = b
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    Ok(like(this, out))
}

fn decode(vm: &mut Vm, this: &Value, a: &[Value], kw: Kw) -> Result<Value, Error> {
    let b = buf(this);
    let text = |vm: &mut Vm, v: Option<&Value>, what: &str, default: &'static str| match v {
        None => Ok(Rc::from(default)),
        Some(Value::Str(x)) => Ok(x.clone()),
        Some(v) => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("decode() argument '{what}' must be str, not {t}")))
        }
    };
    let enc = text(vm, kw_or(a, 0, kw, "encoding"), "encoding", "utf-8")?;
    let errors = text(vm, kw_or(a, 1, kw, "errors"), "errors", "strict")?;
    pylib::codecs::decode(&b, &enc, &errors)
        .map(s)
        .map_err(|e| vm.pyerr(e))
}

fn hex(vm: &mut Vm, this: &Value, a: &[Value], kw: Kw) -> Result<Value, Error> {
    let b = buf(this);
    let digits: Vec<String> = b.iter().map(|x| format!("{x:02x}")).collect();
    let sep = match kw_or(a, 0, kw, "sep") {
        None => return Ok(s(digits.concat())),
        Some(Value::Str(x)) if x.chars().count() == 1 => x.to_string(),
        Some(v) if v.buffer().is_some_and(|x| x.len() == 1) => {
            (v.buffer().unwrap_or_default()[0] as char).to_string()
        }
        Some(Value::Str(_) | Value::Bytes(_) | Value::ByteArray(_)) => {
            return Err(vm.value_error("sep must be length 1."))
        }
        Some(v) => {
            let t = vm.type_name(v);
            return Err(vm.type_error(format!("sep must be str or bytes, not {t}")));
        }
    };
    let per = opt_int(vm, kw_or(a, 1, kw, "bytes_per_sep"))?.unwrap_or(1);
    if per == 0 || digits.is_empty() {
        return Ok(s(digits.concat()));
    }
    let n = per.unsigned_abs() as usize;
    let groups: Vec<String> = if per > 0 {
        // Groups counted from the right.
        let first = match digits.len() % n {
            0 => n,
            r => r,
        };
        let mut g = vec![digits[..first].concat()];
        g.extend(digits[first..].chunks(n).map(|c| c.concat()));
        g
    } else {
        digits.chunks(n).map(|c| c.concat()).collect()
    };
    Ok(s(groups.join(&sep)))
}

fn fromhex(vm: &mut Vm, this: &Value, a: &[Value], _: Kw) -> Result<Value, Error> {
    let text = match a.first() {
        Some(Value::Str(x)) => x.clone(),
        Some(v) => {
            let t = vm.type_name(v);
            return Err(vm.type_error(format!("fromhex() argument must be str, not {t}")));
        }
        None => return Err(vm.type_error("fromhex() takes exactly one argument (0 given)")),
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let bad = |vm: &mut Vm, i: usize| {
        vm.value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {i}"
        ))
    };
    loop {
        while i < chars.len() && chars[i].is_ascii() && is_space(chars[i] as u8) {
            i += 1;
        }
        if i >= chars.len() {
            break;
        }
        let Some(hi) = chars[i].to_digit(16) else {
            return Err(bad(vm, i));
        };
        let Some(lo) = chars.get(i + 1).and_then(|c| c.to_digit(16)) else {
            return Err(bad(vm, i + 1));
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(like(this, out))
}

/// `bytes(...)` and `bytearray(...)`: the bytes a constructor call makes.
pub(crate) fn construct(vm: &mut Vm, name: &str, a: &[Value], kw: Kw) -> Result<Vec<u8>, Error> {
    let src = kw_or(a, 0, kw, "source");
    let enc = kw_or(a, 1, kw, "encoding");
    let errors = kw_or(a, 2, kw, "errors");
    if a.len() > 3 {
        return Err(vm.type_error(format!(
            "{name}() takes at most 3 arguments ({} given)",
            a.len()
        )));
    }
    match (src, enc) {
        (Some(Value::Str(text)), Some(e)) => {
            let e = match e {
                Value::Str(e) => e.clone(),
                v => {
                    let t = vm.type_name(v);
                    return Err(
                        vm.type_error(format!("{name}() argument 'encoding' must be str, not {t}"))
                    );
                }
            };
            let errs = match errors {
                Some(Value::Str(x)) => x.clone(),
                _ => Rc::from("strict"),
            };
            pylib::codecs::encode(text, &e, &errs).map_err(|e| vm.pyerr(e))
        }
        (Some(Value::Str(_)), None) => Err(vm.type_error("string argument without an encoding")),
        (_, Some(_)) => Err(vm.type_error("encoding without a string argument")),
        (None, None) if errors.is_some() => Err(vm.type_error("errors without a string argument")),
        (None, None) => Ok(Vec::new()),
        (Some(v), None) => {
            if let Some(b) = v.buffer() {
                return Ok(b);
            }
            match v {
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                    let n = vm.as_i64(v)?;
                    if n < 0 {
                        return Err(vm.value_error("negative count"));
                    }
                    vm.check_len(n as usize)?;
                    return Ok(vec![0; n as usize]);
                }
                Value::Instance(_) => {
                    if let Some(f) = vm.lookup_special_bound(v, "__bytes__") {
                        let r = vm.call(&f, vec![], vec![])?;
                        return match r.buffer() {
                            Some(b) => Ok(b),
                            None => {
                                let t = vm.type_name(&r);
                                Err(vm
                                    .type_error(format!("__bytes__ returned non-bytes (type {t})")))
                            }
                        };
                    }
                    if let Some(f) = vm.lookup_special_bound(v, "__index__") {
                        let n = vm.call(&f, vec![], vec![])?;
                        return construct(vm, name, &[n], &[]);
                    }
                }
                _ => {}
            }
            let iterable = vm.get_iter(v);
            let it = match iterable {
                Ok(it) => it,
                Err(_) => {
                    let t = vm.type_name(v);
                    return Err(vm.type_error(format!("cannot convert '{t}' object to {name}")));
                }
            };
            let items = vm.iterate(&it)?;
            let mut out = Vec::with_capacity(items.len());
            for x in &items {
                let out_of_range = match x {
                    Value::Int(i) => !(0..256).contains(i),
                    Value::BigInt(_) => true,
                    _ => false,
                };
                if out_of_range && name == "bytes" {
                    return Err(vm.value_error("bytes must be in range(0, 256)"));
                }
                out.push(vm.byte_values(std::slice::from_ref(x))?[0]);
            }
            Ok(out)
        }
    }
}
