//! Operators and protocols (CPython's `abstract.c`): arithmetic with
//! Python's floor semantics, comparisons, truthiness, hashing, iteration,
//! subscripting, and the dunder fallbacks for user classes.

use std::cell::{Cell, RefCell};
use std::cmp::Ordering;
use std::rc::Rc;

use crate::ast::{BinOp, CmpOp};
use crate::pylib;
use crate::vm::dict::{Dict, Lookup};
use crate::vm::value::*;
use crate::vm::{Error, Resume, Vm};

thread_local! {
    /// Levels of [`Vm::nested`] under way on this thread.
    static NATIVE_DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// The deepest native recursion [`Vm::nested`] allows whatever the
/// recursion limit (`sys.setrecursionlimit` may raise it to 5000): each
/// level is a few Rust frames.
const MAX_NATIVE_DEPTH: usize = 1000;

/// CPython's suffix for RecursionError raised while comparing.
const IN_COMPARISON: &str = " in comparison";

/// One step of an iterator protocol.
pub enum Step {
    Yield(Value),
    Return(Value),
}

fn binop_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mult => "*",
        BinOp::MatMult => "@",
        BinOp::Div => "/",
        BinOp::Mod => "%",
        BinOp::Pow => "** or pow()",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::BitAnd => "&",
        BinOp::FloorDiv => "//",
    }
}

fn binop_dunder(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mult => ("__mul__", "__rmul__", "__imul__"),
        BinOp::MatMult => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    }
}

pub fn floor_div(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q.checked_sub(1)
    } else {
        Some(q)
    }
}

pub fn floor_mod(a: i64, b: i64) -> Option<i64> {
    let r = a.checked_rem(b)?;
    if r != 0 && ((r < 0) != (b < 0)) {
        Some(r + b)
    } else {
        Some(r)
    }
}

pub fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    }
}

fn as_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::Float(f) => Some(*f),
        _ => None,
    }
}

/// The work of multiplying numbers of `a` and `b` 64-bit limbs, in
/// instructions (schoolbook below 32 limbs, Karatsuba-like above).
fn mul_cost(a: u64, b: u64) -> u64 {
    let (s, l) = (a.min(b), a.max(b));
    let ops = if s < 32 {
        (s as f64) * (l as f64)
    } else {
        (l as f64 / s as f64) * (s as f64).powf(1.585)
    };
    (ops / 16.0).min(1e18) as u64 + 1
}

/// The order of two numbers at least one of which is a big int: None when
/// they are not both numbers, `Some(None)` when unordered (NaN).
fn big_cmp(a: &Value, b: &Value) -> Option<Option<Ordering>> {
    if let (Some(x), Some(y)) = (a.to_big(), b.to_big()) {
        return Some(Some(x.cmp(&y)));
    }
    Some(match (a, b) {
        (Value::BigInt(x), Value::Float(f)) => pylib::bigint::cmp_float(x, *f),
        (Value::Float(f), Value::BigInt(x)) => {
            pylib::bigint::cmp_float(x, *f).map(Ordering::reverse)
        }
        _ => return None,
    })
}

fn as_int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

impl Vm {
    pub fn binary_op(&mut self, a: Value, b: Value, op: BinOp) -> Result<Value, Error> {
        if let Some(r) = self.builtin_binop(&a, &b, op)? {
            return Ok(r);
        }
        let (l, r, _) = binop_dunder(op);
        if let Some(v) = self.try_dunder_binop(&a, &b, l, r)? {
            return Ok(v);
        }
        let (ta, tb) = (self.type_name(&a), self.type_name(&b));
        if op == BinOp::Add && matches!(a, Value::Str(_)) {
            return Err(self.type_error(format!("can only concatenate str (not \"{tb}\") to str")));
        }
        if op == BinOp::Add && matches!(a, Value::Bytes(_) | Value::ByteArray(_)) {
            return Err(self.type_error(format!("can't concat {tb} to {ta}")));
        }
        if op == BinOp::Add && matches!(a, Value::List(_)) && !matches!(b, Value::List(_)) {
            return Err(
                self.type_error(format!("can only concatenate list (not \"{tb}\") to list"))
            );
        }
        if op == BinOp::Add && matches!(a, Value::Tuple(_)) && !matches!(b, Value::Tuple(_)) {
            return Err(self.type_error(format!(
                "can only concatenate tuple (not \"{tb}\") to tuple"
            )));
        }
        if op == BinOp::Mult
            && (matches!(
                a,
                Value::Str(_)
                    | Value::List(_)
                    | Value::Tuple(_)
                    | Value::Bytes(_)
                    | Value::ByteArray(_)
            ) || matches!(
                b,
                Value::Str(_)
                    | Value::List(_)
                    | Value::Tuple(_)
                    | Value::Bytes(_)
                    | Value::ByteArray(_)
            ))
        {
            let other = if matches!(
                a,
                Value::Str(_)
                    | Value::List(_)
                    | Value::Tuple(_)
                    | Value::Bytes(_)
                    | Value::ByteArray(_)
            ) {
                &tb
            } else {
                &ta
            };
            return Err(self.type_error(format!(
                "can't multiply sequence by non-int of type '{other}'"
            )));
        }
        Err(self.type_error(format!(
            "unsupported operand type(s) for {}: '{ta}' and '{tb}'",
            binop_symbol(op)
        )))
    }

    pub fn inplace_op(&mut self, a: Value, b: Value, op: BinOp) -> Result<Value, Error> {
        match (&a, op) {
            (Value::List(l), BinOp::Add) => {
                let items = self.iterate(&b)?;
                l.borrow_mut().extend(items);
                return Ok(a);
            }
            (Value::ByteArray(x), BinOp::Add) => {
                let Some(y) = b.buffer() else {
                    let t = self.type_name(&b);
                    return Err(self.type_error(format!("can't concat {t} to bytearray")));
                };
                self.check_len(x.borrow().len() + y.len())?;
                x.borrow_mut().extend(y);
                return Ok(a);
            }
            (Value::ByteArray(x), BinOp::Mult) if as_int(&b).is_some() => {
                let n = as_int(&b).unwrap_or(0).max(0) as usize;
                self.check_len(x.borrow().len().saturating_mul(n))?;
                let v = x.borrow().repeat(n);
                *x.borrow_mut() = v;
                return Ok(a);
            }
            (Value::Set(_), BinOp::BitOr) if matches!(b, Value::Set(_) | Value::FrozenSet(_)) => {
                self.set_update(&a, &b)?;
                return Ok(a);
            }
            (Value::Set(_), BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor) => {
                if matches!(b, Value::Set(_) | Value::FrozenSet(_)) {
                    let r = self.binary_op(a.clone(), b, op)?;
                    if let (Value::Set(dst), Value::Set(src)) = (&a, &r) {
                        let new = src.borrow().clone();
                        *dst.borrow_mut() = new;
                    }
                    return Ok(a);
                }
            }
            (Value::Instance(i), _) => {
                let (_, _, iname) = binop_dunder(op);
                if let Some(f) = i.class().lookup(iname) {
                    let r = self.call(&f, vec![a.clone(), b.clone()], vec![])?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
            }
            _ => {}
        }
        if let (Value::Str(x), Value::Str(y), BinOp::Add) = (&a, &b, op) {
            // Amortised string building (`s += x`) when uniquely owned.
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            self.check_len(s.len())?;
            return Ok(Value::Str(Rc::from(s)));
        }
        self.binary_op(a, b, op)
    }

    /// A new collection of `n` elements or string of `n` bytes: the
    /// per-collection cap, then the memory budget (counting `n` bytes,
    /// before the allocation happens).
    pub(crate) fn check_len(&mut self, n: usize) -> Result<(), Error> {
        if n > self.limits.max_collection_len {
            return Err(self.memory_error());
        }
        self.check_memory(n)
    }

    fn try_dunder_binop(
        &mut self,
        a: &Value,
        b: &Value,
        l: &str,
        r: &str,
    ) -> Result<Option<Value>, Error> {
        if let Value::Instance(i) = a {
            if let Some(f) = i.class().lookup(l) {
                let v = self.call(&f, vec![a.clone(), b.clone()], vec![])?;
                if !matches!(v, Value::NotImplemented) {
                    return Ok(Some(v));
                }
            }
        }
        if let Value::Instance(i) = b {
            if let Some(f) = i.class().lookup(r) {
                let v = self.call(&f, vec![b.clone(), a.clone()], vec![])?;
                if !matches!(v, Value::NotImplemented) {
                    return Ok(Some(v));
                }
            }
        }
        Ok(None)
    }

    /// `+`, `*` and `%` with a `bytes` or `bytearray` operand (kept out of
    /// `builtin_binop`, which the arithmetic fast paths reach).
    #[inline(never)]
    fn bytes_binop(&mut self, a: &Value, b: &Value, op: BinOp) -> Result<Option<Value>, Error> {
        use Value::*;
        Ok(Some(match (a, b, op) {
            (Bytes(_) | ByteArray(_), Bytes(_) | ByteArray(_), BinOp::Add) => {
                let (x, y) = (
                    a.buffer().unwrap_or_default(),
                    b.buffer().unwrap_or_default(),
                );
                self.check_len(x.len() + y.len())?;
                let v = [&x[..], &y[..]].concat();
                match a {
                    ByteArray(_) => ByteArray(Rc::new(RefCell::new(v))),
                    _ => Bytes(v.into()),
                }
            }
            (Bytes(_) | ByteArray(_), _, BinOp::Mult)
            | (_, Bytes(_) | ByteArray(_), BinOp::Mult)
                if as_int(a).is_some() || as_int(b).is_some() =>
            {
                let seq = if as_int(a).is_some() { b } else { a };
                let x = seq.buffer().unwrap_or_default();
                let n = as_int(if as_int(a).is_some() { a } else { b }).unwrap_or(0);
                let n = n.max(0) as usize;
                self.check_len(x.len().saturating_mul(n))?;
                match seq {
                    ByteArray(_) => ByteArray(Rc::new(RefCell::new(x.repeat(n)))),
                    _ => Bytes(x.repeat(n).into()),
                }
            }
            (Bytes(_) | ByteArray(_), _, BinOp::Mod) => {
                let fmt = a.buffer().unwrap_or_default();
                let v = self.bytes_percent_format(&fmt, b)?;
                match a {
                    ByteArray(_) => ByteArray(Rc::new(RefCell::new(v))),
                    _ => Bytes(v.into()),
                }
            }
            _ => return Ok(Option::None),
        }))
    }

    fn builtin_binop(&mut self, a: &Value, b: &Value, op: BinOp) -> Result<Option<Value>, Error> {
        use Value::*;
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            return Ok(Some(self.int_binop(x, y, op, a, b)?));
        }
        if matches!(a, BigInt(_)) || matches!(b, BigInt(_)) {
            if let Some(r) = self.big_mixed_binop(a, b, op)? {
                return Ok(Some(r));
            }
        }
        if let (Some(x), Some(y)) = (as_f64(a), as_f64(b)) {
            if matches!(a, Float(_)) || matches!(b, Float(_)) {
                return Ok(Some(self.float_binop(x, y, op)?));
            }
        }
        if op == BinOp::Mult
            && (matches!(a, BigInt(_)) || matches!(b, BigInt(_)))
            && (matches!(a, Str(_) | List(_) | Tuple(_) | Bytes(_) | ByteArray(_))
                || matches!(b, Str(_) | List(_) | Tuple(_) | Bytes(_) | ByteArray(_)))
        {
            let c = self.types.overflow_error.clone();
            return Err(self.new_error(&c, "cannot fit 'int' into an index-sized integer"));
        }
        Ok(Some(match (a, b, op) {
            (Str(x), Str(y), BinOp::Add) => {
                self.check_len(x.len() + y.len())?;
                let mut s = String::with_capacity(x.len() + y.len());
                s.push_str(x);
                s.push_str(y);
                Str(Rc::from(s))
            }
            (Str(x), _, BinOp::Mult) | (_, Str(x), BinOp::Mult)
                if as_int(a).is_some() || as_int(b).is_some() =>
            {
                let n = as_int(if matches!(a, Str(_)) { b } else { a }).unwrap_or(0);
                let n = n.max(0) as usize;
                self.check_len(x.len().saturating_mul(n))?;
                Str(Rc::from(x.repeat(n)))
            }
            (Str(x), _, BinOp::Mod) => {
                let s = self.percent_format(x, b)?;
                Str(Rc::from(s))
            }
            (Bytes(_) | ByteArray(_), _, _) | (_, Bytes(_) | ByteArray(_), _) => {
                return self.bytes_binop(a, b, op)
            }
            (List(x), List(y), BinOp::Add) => {
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                Value::list(v)
            }
            (Tuple(x), Tuple(y), BinOp::Add) => {
                let mut v = x.to_vec();
                v.extend(y.iter().cloned());
                Value::tuple(v)
            }
            (List(x), _, BinOp::Mult) | (_, List(x), BinOp::Mult)
                if as_int(a).is_some() || as_int(b).is_some() =>
            {
                let n = as_int(if matches!(a, List(_)) { b } else { a })
                    .unwrap_or(0)
                    .max(0) as usize;
                let src = x.borrow();
                self.check_len(src.len().saturating_mul(n))?;
                self.check_memory(
                    src.len()
                        .saturating_mul(n)
                        .saturating_mul(std::mem::size_of::<Value>()),
                )?;
                let mut v = Vec::with_capacity(src.len() * n);
                for _ in 0..n {
                    v.extend(src.iter().cloned());
                }
                Value::list(v)
            }
            (Tuple(x), _, BinOp::Mult) | (_, Tuple(x), BinOp::Mult)
                if as_int(a).is_some() || as_int(b).is_some() =>
            {
                let n = as_int(if matches!(a, Tuple(_)) { b } else { a })
                    .unwrap_or(0)
                    .max(0) as usize;
                self.check_len(x.len().saturating_mul(n))?;
                self.check_memory(
                    x.len()
                        .saturating_mul(n)
                        .saturating_mul(std::mem::size_of::<Value>()),
                )?;
                let mut v = Vec::with_capacity(x.len() * n);
                for _ in 0..n {
                    v.extend(x.iter().cloned());
                }
                Value::tuple(v)
            }
            (
                Set(_) | FrozenSet(_),
                Set(_) | FrozenSet(_),
                BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
            ) => {
                let r = self.set_op(a, b, op)?;
                if matches!(a, FrozenSet(_)) {
                    match r {
                        Set(d) => FrozenSet(Rc::new(d.borrow().clone())),
                        other => other,
                    }
                } else {
                    r
                }
            }
            (Dict(x), Dict(y), BinOp::BitOr) => {
                let mut d = x.borrow().clone();
                for (k, v) in y.borrow().items() {
                    self.dict_set(&mut d, k, v)?;
                }
                Value::dict(d)
            }
            _ => return Ok(Option::None),
        }))
    }

    fn int_binop(
        &mut self,
        x: i64,
        y: i64,
        op: BinOp,
        a: &Value,
        b: &Value,
    ) -> Result<Value, Error> {
        let r = match op {
            BinOp::Add => x.checked_add(y),
            BinOp::Sub => x.checked_sub(y),
            BinOp::Mult => x.checked_mul(y),
            BinOp::Div => {
                if y == 0 {
                    return Err(self.zero_division("division by zero"));
                }
                // Beyond 2**53 an i64 is not exact as a float.
                const EXACT: u64 = 1 << 53;
                if x.unsigned_abs() > EXACT || y.unsigned_abs() > EXACT {
                    return self.big_binop(BigInt::from(x), BigInt::from(y), op);
                }
                return Ok(Value::Float(x as f64 / y as f64));
            }
            BinOp::FloorDiv => {
                if y == 0 {
                    return Err(self.zero_division("integer division or modulo by zero"));
                }
                floor_div(x, y)
            }
            BinOp::Mod => {
                if y == 0 {
                    return Err(self.zero_division("integer modulo by zero"));
                }
                floor_mod(x, y)
            }
            BinOp::Pow => {
                if y < 0 {
                    if x == 0 {
                        return Err(self.zero_division("0.0 cannot be raised to a negative power"));
                    }
                    return Ok(Value::Float((x as f64).powf(y as f64)));
                }
                let mut acc: i64 = 1;
                let mut base = x;
                let mut e = y;
                let mut ok = true;
                while e > 0 {
                    if e & 1 == 1 {
                        match acc.checked_mul(base) {
                            Some(v) => acc = v,
                            None => {
                                ok = false;
                                break;
                            }
                        }
                    }
                    e >>= 1;
                    if e > 0 {
                        match base.checked_mul(base) {
                            Some(v) => base = v,
                            None => {
                                ok = false;
                                break;
                            }
                        }
                    }
                }
                if ok {
                    Some(acc)
                } else {
                    None
                }
            }
            BinOp::LShift => {
                if y < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                if y >= 64 {
                    if x == 0 {
                        Some(0)
                    } else {
                        None
                    }
                } else {
                    let r = x.wrapping_shl(y as u32);
                    if (r >> y) == x {
                        Some(r)
                    } else {
                        None
                    }
                }
            }
            BinOp::RShift => {
                if y < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                Some(if y >= 64 {
                    if x < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x >> y
                })
            }
            BinOp::BitAnd => {
                if let (Value::Bool(p), Value::Bool(q)) = (a, b) {
                    return Ok(Value::Bool(*p & *q));
                }
                Some(x & y)
            }
            BinOp::BitOr => {
                if let (Value::Bool(p), Value::Bool(q)) = (a, b) {
                    return Ok(Value::Bool(*p | *q));
                }
                Some(x | y)
            }
            BinOp::BitXor => {
                if let (Value::Bool(p), Value::Bool(q)) = (a, b) {
                    return Ok(Value::Bool(*p ^ *q));
                }
                Some(x ^ y)
            }
            BinOp::MatMult => {
                let (ta, tb) = (self.type_name(a), self.type_name(b));
                return Err(self.type_error(format!(
                    "unsupported operand type(s) for @: '{ta}' and '{tb}'"
                )));
            }
        };
        match r {
            Some(v) => Ok(Value::Int(v)),
            None => self.big_binop(BigInt::from(x), BigInt::from(y), op),
        }
    }

    /// An arithmetic operator with a big int on one side and an int, bool
    /// or float on the other (None: not a number pair).
    #[cold]
    fn big_mixed_binop(&mut self, a: &Value, b: &Value, op: BinOp) -> Result<Option<Value>, Error> {
        if let (Some(x), Some(y)) = (a.to_big(), b.to_big()) {
            return self.big_binop(x, y, op).map(Some);
        }
        let to_f = |vm: &mut Vm, v: &Value| -> Result<Option<f64>, Error> {
            Ok(match v {
                Value::BigInt(i) => Some(pylib::bigint::to_f64(i).map_err(|e| vm.pyerr(e))?),
                Value::Float(f) => Some(*f),
                _ => None,
            })
        };
        if matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)) {
            if let (Some(x), Some(y)) = (to_f(self, a)?, to_f(self, b)?) {
                return self.float_binop(x, y, op).map(Some);
            }
        }
        Ok(None)
    }

    /// Integer arithmetic in arbitrary precision: the cold path taken when
    /// an `i64` operation overflows or an operand is already big. The
    /// result is demoted to `Value::Int` whenever it fits.
    #[cold]
    #[inline(never)]
    pub(crate) fn big_binop(&mut self, x: BigInt, y: BigInt, op: BinOp) -> Result<Value, Error> {
        use num_integer::Integer;
        use num_traits::{Signed, ToPrimitive, Zero};
        let (lx, ly) = (x.bits() / 64 + 1, y.bits() / 64 + 1);
        self.charge(match op {
            BinOp::Mult => mul_cost(lx, ly),
            BinOp::FloorDiv | BinOp::Mod | BinOp::Div => lx.saturating_mul(ly) / 16,
            _ => (lx + ly) / 16,
        })?;
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mult => {
                self.check_memory(((x.bits() + y.bits()) / 8) as usize)?;
                x * y
            }
            BinOp::Div => {
                return pylib::bigint::true_div(&x, &y)
                    .map(Value::Float)
                    .map_err(|e| self.pyerr(e));
            }
            BinOp::FloorDiv | BinOp::Mod => {
                if y.is_zero() {
                    return Err(self.zero_division(if op == BinOp::Mod {
                        "integer modulo by zero"
                    } else {
                        "integer division or modulo by zero"
                    }));
                }
                let (q, m) = x.div_mod_floor(&y);
                if op == BinOp::Mod {
                    m
                } else {
                    q
                }
            }
            BinOp::Pow => {
                if y.is_negative() {
                    if x.is_zero() {
                        return Err(self.zero_division("0.0 cannot be raised to a negative power"));
                    }
                    let fx = pylib::bigint::to_f64(&x).map_err(|e| self.pyerr(e))?;
                    let fy = y.to_f64().unwrap_or(f64::NEG_INFINITY);
                    return pylib::numbers::float_pow(fx, fy)
                        .map(Value::Float)
                        .map_err(|e| self.pyerr(e));
                }
                let mag = x.magnitude();
                if mag.bits() <= 1 {
                    // 0, 1 and -1 to any power.
                    let odd = y.is_odd();
                    return Ok(Value::from_big(if x.is_negative() && !odd {
                        -x
                    } else if y.is_zero() {
                        BigInt::from(1)
                    } else {
                        x
                    }));
                }
                let e = y.to_u64().unwrap_or(u64::MAX);
                let bits = (mag.bits() as f64 - 1.0) * e as f64;
                self.check_memory((bits / 8.0).min(usize::MAX as f64 / 2.0) as usize)?;
                let limbs = (bits / 64.0).min(1e15) as u64 + 1;
                self.charge(mul_cost(limbs, limbs))?;
                let e = u32::try_from(e).map_err(|_| self.memory_error())?;
                num_traits::Pow::pow(x, e)
            }
            BinOp::LShift | BinOp::RShift => {
                if y.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                if x.is_zero() {
                    return Ok(Value::Int(0));
                }
                if op == BinOp::RShift {
                    match y.to_u64() {
                        Some(n) => x >> n,
                        None => BigInt::from(if x.is_negative() { -1 } else { 0 }),
                    }
                } else {
                    let n = y.to_u64().unwrap_or(u64::MAX);
                    self.check_memory((n / 8).min(usize::MAX as u64 / 2) as usize)?;
                    self.charge(n / 64 / 16)?;
                    if n > u32::MAX as u64 * 8 {
                        return Err(self.memory_error());
                    }
                    x << n
                }
            }
            BinOp::BitAnd => x & y,
            BinOp::BitOr => x | y,
            BinOp::BitXor => x ^ y,
            BinOp::MatMult => {
                return Err(self.type_error("unsupported operand type(s) for @: 'int' and 'int'"));
            }
        };
        Ok(Value::from_big(r))
    }

    fn float_binop(&mut self, x: f64, y: f64, op: BinOp) -> Result<Value, Error> {
        Ok(Value::Float(match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mult => x * y,
            BinOp::Div => {
                if y == 0.0 {
                    return Err(self.zero_division("float division by zero"));
                }
                x / y
            }
            BinOp::FloorDiv => {
                if y == 0.0 {
                    return Err(self.zero_division("float floor division by zero"));
                }
                (x - float_mod(x, y)) / y
            }
            BinOp::Mod => {
                if y == 0.0 {
                    return Err(self.zero_division("float modulo"));
                }
                float_mod(x, y)
            }
            BinOp::Pow => {
                if x == 0.0 && y < 0.0 {
                    return Err(self.zero_division("0.0 cannot be raised to a negative power"));
                }
                if x < 0.0 && y.fract() != 0.0 {
                    return Err(self.value_error("math domain error"));
                }
                let r = x.powf(y);
                if r.is_infinite() && x.is_finite() && y.is_finite() {
                    let c = self.types.overflow_error.clone();
                    return Err(self.new_error(&c, "(34, 'Numerical result out of range')"));
                }
                r
            }
            _ => {
                let sym = binop_symbol(op);
                return Err(self.type_error(format!(
                    "unsupported operand type(s) for {sym}: 'float' and 'float'"
                )));
            }
        }))
    }

    fn set_op(&mut self, a: &Value, b: &Value, op: BinOp) -> Result<Value, Error> {
        let so = |v: &Value| -> Option<crate::pylib::set_order::SetOrder<crate::vm::dict::SetKey>> {
            match v {
                Value::Set(d) => d.borrow().order.clone(),
                Value::FrozenSet(d) => d.order.clone(),
                _ => None,
            }
        };
        let (Some(x), Some(y)) = (so(a), so(b)) else {
            // Sets of identity-hashed objects: insertion order.
            let av = self.iterate(a)?;
            let bv = self.iterate(b)?;
            let mut out = Vec::new();
            match op {
                BinOp::BitOr => {
                    out = av;
                    out.extend(bv);
                }
                BinOp::BitAnd => {
                    for x in av {
                        if self.contains(b, &x)? {
                            out.push(x);
                        }
                    }
                }
                BinOp::Sub => {
                    for x in av {
                        if !self.contains(b, &x)? {
                            out.push(x);
                        }
                    }
                }
                _ => {
                    for x in av {
                        if !self.contains(b, &x)? {
                            out.push(x);
                        }
                    }
                    for x in bv {
                        if !self.contains(a, &x)? {
                            out.push(x);
                        }
                    }
                }
            }
            return self.new_set(out);
        };
        let r = match op {
            BinOp::BitOr => x.union(&y),
            BinOp::BitAnd => x.intersection(&y),
            BinOp::Sub => x.difference(&y),
            _ => x.symmetric_difference(&y),
        };
        Ok(Value::Set(Rc::new(RefCell::new(Dict::from_set_order(r)))))
    }

    pub fn unary_neg(&mut self, a: Value) -> Result<Value, Error> {
        match a {
            Value::Int(i) => Ok(match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => Value::from_big(-BigInt::from(i)),
            }),
            Value::BigInt(i) => Ok(Value::from_big(-(*i).clone())),
            Value::Bool(b) => Ok(Value::Int(-(b as i64))),
            Value::Float(f) => Ok(Value::Float(-f)),
            Value::Instance(_) => self.unary_dunder(&a, "__neg__", "-"),
            _ => {
                let t = self.type_name(&a);
                Err(self.type_error(format!("bad operand type for unary -: '{t}'")))
            }
        }
    }
    /// `abs()` of an int or bool of any size.
    pub(crate) fn int_abs(&mut self, a: &Value) -> Result<Value, Error> {
        Ok(match a {
            Value::Int(i) => match i.checked_abs() {
                Some(n) => Value::Int(n),
                None => Value::from_big(-BigInt::from(*i)),
            },
            Value::BigInt(i) => Value::from_big(num_traits::Signed::abs(&**i)),
            other => Value::Int(self.as_i64(other)?.abs()),
        })
    }

    pub fn unary_pos(&mut self, a: Value) -> Result<Value, Error> {
        match a {
            Value::Int(_) | Value::BigInt(_) | Value::Float(_) => Ok(a),
            Value::Bool(b) => Ok(Value::Int(b as i64)),
            Value::Instance(_) => self.unary_dunder(&a, "__pos__", "+"),
            _ => {
                let t = self.type_name(&a);
                Err(self.type_error(format!("bad operand type for unary +: '{t}'")))
            }
        }
    }
    pub fn unary_invert(&mut self, a: Value) -> Result<Value, Error> {
        match a {
            Value::Int(i) => Ok(Value::Int(!i)),
            Value::BigInt(i) => Ok(Value::from_big(!(*i).clone())),
            Value::Bool(b) => Ok(Value::Int(!(b as i64))),
            Value::Instance(_) => self.unary_dunder(&a, "__invert__", "~"),
            _ => {
                let t = self.type_name(&a);
                Err(self.type_error(format!("bad operand type for unary ~: '{t}'")))
            }
        }
    }
    fn unary_dunder(&mut self, a: &Value, name: &str, sym: &str) -> Result<Value, Error> {
        if let Some(f) = self.lookup_special_bound(a, name) {
            return self.call(&f, vec![], vec![]);
        }
        let t = self.type_name(a);
        Err(self.type_error(format!("bad operand type for unary {sym}: '{t}'")))
    }

    pub fn truthy(&mut self, v: &Value) -> Result<bool, Error> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::ByteArray(b) => !b.borrow().is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) | Value::Set(d) => !d.borrow().is_empty(),
            Value::FrozenSet(d) => !d.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::DictView(v) => !v.0.borrow().is_empty(),
            Value::Instance(i) => {
                let cls = i.class();
                if let Some(f) = self.special_lookup(&cls, "__bool__") {
                    let r = self.call(&f, vec![v.clone()], vec![])?;
                    match r {
                        Value::Bool(b) => b,
                        other => {
                            let t = self.type_name(&other);
                            return Err(self
                                .type_error(format!("__bool__ should return bool, returned {t}")));
                        }
                    }
                } else if let Some(f) = self.special_lookup(&cls, "__len__") {
                    let r = self.call(&f, vec![v.clone()], vec![])?;
                    match r {
                        Value::Int(n) => n != 0,
                        Value::Bool(b) => b,
                        _ => true,
                    }
                } else {
                    true
                }
            }
            _ => true,
        })
    }

    /// Runs `f` one level deeper in a native (Rust) recursion over nested
    /// containers: comparing or hashing `[[[...]]]` recurses in Rust once
    /// per level, which must raise RecursionError (as CPython does, at its
    /// recursion limit counting the Python frames below) rather than
    /// overflow the Rust stack (about 1 MiB in the browser). `what` ends
    /// the message (CPython's " in comparison").
    pub(crate) fn nested<T>(
        &mut self,
        what: &str,
        f: impl FnOnce(&mut Vm) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let depth = NATIVE_DEPTH.with(Cell::get);
        let limit = self.limits.max_recursion.min(MAX_NATIVE_DEPTH);
        if depth + self.frames.len() >= limit {
            let c = self.types.recursion_error.clone();
            return Err(self.new_error(&c, format!("maximum recursion depth exceeded{what}")));
        }
        NATIVE_DEPTH.with(|d| d.set(depth + 1));
        let r = f(self);
        NATIVE_DEPTH.with(|d| d.set(depth));
        r
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> Result<bool, Error> {
        if let Some(r) = crate::vm::dict::fast_key_eq(a, b) {
            if !matches!((a, b), (Value::Tuple(_), Value::Tuple(_))) || r {
                return Ok(r);
            }
        }
        let v = self.compare(a, b, CmpOp::Eq)?;
        self.truthy(&v)
    }

    pub fn compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> Result<Value, Error> {
        use Value::*;
        // Numbers
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            return Ok(Bool(cmp_result(x.cmp(&y), op)));
        }
        if matches!(a, BigInt(_)) || matches!(b, BigInt(_)) {
            if let Some(o) = big_cmp(a, b) {
                return Ok(Bool(match o {
                    Some(o) => cmp_result(o, op),
                    Option::None => op == CmpOp::NotEq,
                }));
            }
        }
        if let (Int(i), Float(f)) | (Float(f), Int(i)) = (a, b) {
            // Exact: an i64 beyond 2**53 is not exact as a float.
            let o = pylib::numbers::cmp_int_float(*i, *f);
            let o = if matches!(a, Float(_)) {
                o.map(Ordering::reverse)
            } else {
                o
            };
            return Ok(Bool(match o {
                Some(o) => cmp_result(o, op),
                Option::None => op == CmpOp::NotEq,
            }));
        }
        if let (Some(x), Some(y)) = (as_f64(a), as_f64(b)) {
            let r = match op {
                CmpOp::Eq => x == y,
                CmpOp::NotEq => x != y,
                CmpOp::Lt => x < y,
                CmpOp::LtE => x <= y,
                CmpOp::Gt => x > y,
                _ => x >= y,
            };
            return Ok(Bool(r));
        }
        match (a, b) {
            (Str(x), Str(y)) => return Ok(Bool(cmp_result(x.cmp(y), op))),
            (Bytes(_) | ByteArray(_), Bytes(_) | ByteArray(_)) => {
                let o = a.with_buffer(|x| b.with_buffer(|y| x.cmp(y)));
                if let Some(Some(o)) = o {
                    return Ok(Bool(cmp_result(o, op)));
                }
            }
            (Tuple(x), Tuple(y)) => {
                let (x, y) = (x.clone(), y.clone());
                return self.nested(IN_COMPARISON, |vm| vm.compare_seq(&x, &y, op));
            }
            (List(x), List(y)) => {
                // As CPython: lists of different lengths are unequal without
                // comparing an item (tuples compare items first).
                if matches!(op, CmpOp::Eq | CmpOp::NotEq) && x.borrow().len() != y.borrow().len() {
                    return Ok(Bool(op == CmpOp::NotEq));
                }
                let (x, y) = (x.clone(), y.clone());
                return self.nested(IN_COMPARISON, |vm| vm.compare_lists(&x, &y, op));
            }
            _ => {}
        }
        // User dunders
        let (name, rname) = match op {
            CmpOp::Eq => ("__eq__", "__eq__"),
            CmpOp::NotEq => ("__ne__", "__ne__"),
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::LtE => ("__le__", "__ge__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            _ => ("__ge__", "__le__"),
        };
        if let Instance(i) = a {
            if let Some(f) = i.class().lookup(name) {
                let r = self.call(&f, vec![a.clone(), b.clone()], vec![])?;
                if !matches!(r, NotImplemented) {
                    return Ok(r);
                }
            } else if op == CmpOp::NotEq {
                if let Some(f) = self.special_lookup(&i.class(), "__eq__") {
                    let r = self.call(&f, vec![a.clone(), b.clone()], vec![])?;
                    if !matches!(r, NotImplemented) {
                        let t = self.truthy(&r)?;
                        return Ok(Bool(!t));
                    }
                }
            }
        }
        if let Instance(i) = b {
            if let Some(f) = i.class().lookup(rname) {
                let r = self.call(&f, vec![b.clone(), a.clone()], vec![])?;
                if !matches!(r, NotImplemented) {
                    return Ok(r);
                }
            }
        }
        match op {
            CmpOp::Eq => Ok(Bool(
                self.nested(IN_COMPARISON, |vm| vm.structural_eq(a, b))?,
            )),
            CmpOp::NotEq => Ok(Bool(
                !self.nested(IN_COMPARISON, |vm| vm.structural_eq(a, b))?,
            )),
            _ => {
                let sym = match op {
                    CmpOp::Lt => "<",
                    CmpOp::LtE => "<=",
                    CmpOp::Gt => ">",
                    _ => ">=",
                };
                if let (Set(_) | FrozenSet(_), Set(_) | FrozenSet(_)) = (a, b) {
                    let xs = self.iterate(a)?;
                    let ys = self.iterate(b)?;
                    let sub = self.all_in(&xs, b)?;
                    let sup = self.all_in(&ys, a)?;
                    let r = match op {
                        CmpOp::Lt => sub && xs.len() < ys.len(),
                        CmpOp::LtE => sub,
                        CmpOp::Gt => sup && xs.len() > ys.len(),
                        _ => sup,
                    };
                    return Ok(Bool(r));
                }
                let (ta, tb) = (self.type_name(a), self.type_name(b));
                Err(self.type_error(format!(
                    "'{sym}' not supported between instances of '{ta}' and '{tb}'"
                )))
            }
        }
    }

    fn all_in(&mut self, xs: &[Value], container: &Value) -> Result<bool, Error> {
        for x in xs {
            if !self.contains(container, x)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn compare_seq(&mut self, x: &[Value], y: &[Value], op: CmpOp) -> Result<Value, Error> {
        for (p, q) in x.iter().zip(y.iter()) {
            if p.is(q) {
                continue;
            }
            if !self.eq(p, q)? {
                return match op {
                    CmpOp::Eq => Ok(Value::Bool(false)),
                    CmpOp::NotEq => Ok(Value::Bool(true)),
                    _ => self.compare(p, q, op),
                };
            }
        }
        Ok(Value::Bool(cmp_result(x.len().cmp(&y.len()), op)))
    }

    /// `compare_seq` for lists, read an item at a time as CPython does: an
    /// item's `__eq__` may change either list, so no borrow is held across it.
    fn compare_lists(
        &mut self,
        x: &RefCell<Vec<Value>>,
        y: &RefCell<Vec<Value>>,
        op: CmpOp,
    ) -> Result<Value, Error> {
        let mut i = 0;
        loop {
            let (p, q) = match (x.borrow().get(i), y.borrow().get(i)) {
                (Some(p), Some(q)) => (p.clone(), q.clone()),
                _ => break,
            };
            if !p.is(&q) && !self.eq(&p, &q)? {
                return match op {
                    CmpOp::Eq => Ok(Value::Bool(false)),
                    CmpOp::NotEq => Ok(Value::Bool(true)),
                    _ => self.compare(&p, &q, op),
                };
            }
            i += 1;
        }
        let o = x.borrow().len().cmp(&y.borrow().len());
        Ok(Value::Bool(cmp_result(o, op)))
    }

    fn structural_eq(&mut self, a: &Value, b: &Value) -> Result<bool, Error> {
        use Value::*;
        Ok(match (a, b) {
            (Dict(x), Dict(y)) => {
                if Rc::ptr_eq(x, y) {
                    return Ok(true);
                }
                let xi = x.borrow().items();
                if xi.len() != y.borrow().len() {
                    return Ok(false);
                }
                for (k, v) in xi {
                    match self.dict_get(y, &k)? {
                        Some(w) => {
                            if !self.eq(&v, &w)? {
                                return Ok(false);
                            }
                        }
                        Option::None => return Ok(false),
                    }
                }
                true
            }
            (Set(_) | FrozenSet(_), Set(_) | FrozenSet(_)) => {
                let xs = self.iterate(a)?;
                let ys = self.iterate(b)?;
                xs.len() == ys.len() && self.all_in(&xs, b)?
            }
            (Range(x), Range(y)) => {
                let (lx, ly) = (x.len(), y.len());
                lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)))
            }
            (DictView(x), DictView(y)) if x.1 == y.1 && x.1 != ViewKind::Values => {
                let xs = self.iterate(a)?;
                let ys = self.iterate(b)?;
                let ys_set = self.new_set(ys.clone())?;
                xs.len() == ys.len() && self.all_in(&xs, &ys_set)?
            }
            (Slice(x), Slice(y)) => {
                self.eq(&x[0], &y[0])? && self.eq(&x[1], &y[1])? && self.eq(&x[2], &y[2])?
            }
            _ => a.is(b),
        })
    }

    /// Python `hash()`.
    pub fn hash(&mut self, v: &Value) -> Result<i64, Error> {
        Ok(match v {
            Value::None => 0x5f3759df,
            Value::Bool(b) => *b as i64,
            Value::Int(i) => crate::vm::format::hash_int(*i),
            Value::BigInt(i) => pylib::bigint::hash(i),
            Value::Float(f) => crate::vm::format::hash_float(*f),
            Value::Str(s) => crate::vm::format::hash_str(s),
            Value::Bytes(b) => crate::vm::format::hash_bytes(b),
            Value::Tuple(t) => self.nested("", |vm| {
                let mut h = pylib::hash::TupleHash::new();
                for x in t.iter() {
                    h.add(vm.hash(x)?);
                }
                Ok(h.finish(t.len()))
            })?,
            Value::FrozenSet(d) => self.nested("", |vm| {
                let mut h: i64 = 0;
                for (k, _) in d.iter() {
                    let kh = vm.hash(k)?;
                    h ^= kh.wrapping_mul(0x5851F42D4C957F2D) ^ (kh >> 17);
                }
                Ok(h)
            })?,
            Value::List(_)
            | Value::ByteArray(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::DictView(_)
            | Value::Slice(_) => {
                let t = self.type_name(v);
                return Err(self.type_error(format!("unhashable type: '{t}'")));
            }
            Value::Instance(i) => {
                let cls = i.class();
                match self.special_lookup(&cls, "__hash__") {
                    Some(Value::None) => {
                        let t = self.type_name(v);
                        return Err(self.type_error(format!("unhashable type: '{t}'")));
                    }
                    Some(f) => {
                        let r = self.call(&f, vec![v.clone()], vec![])?;
                        match r {
                            Value::Int(h) => {
                                if h == -1 {
                                    -2
                                } else {
                                    h
                                }
                            }
                            Value::Bool(b) => b as i64,
                            _ => {
                                return Err(
                                    self.type_error("__hash__ method should return an integer")
                                )
                            }
                        }
                    }
                    None => {
                        if self.special_lookup(&cls, "__eq__").is_some() {
                            let t = self.type_name(v);
                            return Err(self.type_error(format!("unhashable type: '{t}'")));
                        }
                        identity_hash(i)
                    }
                }
            }
            other => (other.ptr().unwrap_or(0) as i64) >> 4,
        })
    }

    /// Find `key` in a dict table (running `__eq__` when needed).
    pub(crate) fn dict_find(
        &mut self,
        d: &RefCell<Dict>,
        hash: i64,
        key: &Value,
    ) -> Result<Option<usize>, Error> {
        let look = d.borrow().find(hash, key);
        match look {
            Lookup::Found(i) => Ok(Some(i)),
            Lookup::Missing => Ok(None),
            Lookup::NeedsEq(cands) => {
                for (i, k) in cands {
                    if self.eq(&k, key)? {
                        return Ok(Some(i));
                    }
                }
                Ok(None)
            }
        }
    }

    pub fn dict_get(&mut self, d: &RefCell<Dict>, key: &Value) -> Result<Option<Value>, Error> {
        let h = self.hash(key)?;
        match self.dict_find(d, h, key)? {
            Some(i) => Ok(d.borrow().entry(i).map(|(_, v)| v.clone())),
            None => Ok(None),
        }
    }

    /// Insert into a dict not wrapped in a RefCell (building displays).
    pub fn dict_set(&mut self, d: &mut Dict, key: Value, v: Value) -> Result<(), Error> {
        let h = self.hash(&key)?;
        let cell = RefCell::new(std::mem::take(d));
        let r = self.dict_find(&cell, h, &key);
        *d = cell.into_inner();
        match r? {
            Some(i) => {
                if let Some(slot) = d.value_mut(i) {
                    *slot = v;
                }
            }
            None => {
                if d.len() >= self.limits.max_collection_len {
                    return Err(self.memory_error());
                }
                if d.order.is_some() && identity_hashed(&key) {
                    // CPython orders these by memory address; Looplab (like
                    // its oracle) keeps insertion order for such sets.
                    d.order = None;
                }
                d.push(h, key, v)
            }
        }
        Ok(())
    }

    pub fn dict_insert(&mut self, d: &RefCell<Dict>, key: Value, v: Value) -> Result<(), Error> {
        let h = self.hash(&key)?;
        match self.dict_find(d, h, &key)? {
            Some(i) => {
                if let Some(slot) = d.borrow_mut().value_mut(i) {
                    *slot = v;
                }
            }
            None => {
                if d.borrow().len() >= self.limits.max_collection_len {
                    return Err(self.memory_error());
                }
                let mut db = d.borrow_mut();
                if db.order.is_some() && identity_hashed(&key) {
                    db.order = None;
                }
                db.push(h, key, v)
            }
        }
        Ok(())
    }

    pub fn dict_remove(&mut self, d: &RefCell<Dict>, key: &Value) -> Result<Option<Value>, Error> {
        let h = self.hash(key)?;
        match self.dict_find(d, h, key)? {
            Some(i) => Ok(d.borrow_mut().remove_at(i).map(|(_, v)| v)),
            None => Ok(None),
        }
    }

    pub fn new_set(&mut self, items: Vec<Value>) -> Result<Value, Error> {
        let mut d = Dict::new_set();
        for x in items {
            self.dict_set(&mut d, x, Value::None)?;
        }
        Ok(Value::Set(Rc::new(RefCell::new(d))))
    }

    /// A new set with the contents of set `src` (CPython's `set_merge` into
    /// an empty set when `merge`, else `set.copy()`).
    pub(crate) fn set_copy_of(&mut self, src: &Value, merge: bool) -> Result<Value, Error> {
        let order = match src {
            Value::Set(d) => d.borrow().order.clone(),
            Value::FrozenSet(d) => d.order.clone(),
            _ => None,
        };
        let Some(o) = order else {
            let items = self.iterate(src)?;
            return self.new_set(items);
        };
        let so = if merge {
            let mut n = crate::pylib::set_order::SetOrder::new();
            n.update_from_set(&o);
            n
        } else {
            o.copy()
        };
        Ok(Value::Set(Rc::new(RefCell::new(Dict::from_set_order(so)))))
    }

    /// `s |= other` / `s.update(other)` for a set `s`.
    pub(crate) fn set_update(&mut self, s: &Value, other: &Value) -> Result<(), Error> {
        let Value::Set(d) = s else {
            return Err(Error::Internal("set_update on non-set".into()));
        };
        let other_order = match other {
            Value::Set(o) => o.borrow().order.clone(),
            Value::FrozenSet(o) => o.order.clone(),
            _ => None,
        };
        match other_order {
            Some(oo) => {
                let mut so = d.borrow().order.clone().unwrap_or_default();
                so.update_from_set(&oo);
                *d.borrow_mut() = Dict::from_set_order(so);
            }
            None => {
                if let Value::Dict(src) = other {
                    let keys = src.borrow().hashed_keys();
                    let mut so = d.borrow().order.clone().unwrap_or_default();
                    let ks: Vec<(i64, crate::vm::dict::SetKey)> = keys
                        .into_iter()
                        .map(|(h, k)| (h, crate::vm::dict::SetKey(k)))
                        .collect();
                    so.update_from_dict(&ks);
                    *d.borrow_mut() = Dict::from_set_order(so);
                    return Ok(());
                }
                for x in self.iterate(other)? {
                    self.set_add(s, x)?;
                }
            }
        }
        Ok(())
    }

    pub fn set_add(&mut self, s: &Value, v: Value) -> Result<(), Error> {
        match s {
            Value::Set(d) => self.dict_insert(d, v, Value::None),
            _ => Err(Error::Internal("set_add on non-set".into())),
        }
    }

    pub(crate) fn dict_update_op(
        &mut self,
        d: &Value,
        src: &Value,
        merge: bool,
    ) -> Result<(), Error> {
        let Value::Dict(dst) = d else {
            return Err(Error::Internal("DICT_UPDATE on non-dict".into()));
        };
        let items: Vec<(Value, Value)> = match src {
            Value::Dict(s) => s.borrow().items(),
            Value::Instance(_) if self.lookup_special_bound(src, "keys").is_some() => {
                let keys = self.call_method(src, "keys", vec![])?;
                let mut out = Vec::new();
                for k in self.iterate(&keys)? {
                    let v = self.getitem(src, &k)?;
                    out.push((k, v));
                }
                out
            }
            _ => {
                let t = self.type_name(src);
                return Err(self.type_error(if merge {
                    format!("argument after ** must be a mapping, not {t}")
                } else {
                    format!("'{t}' object is not a mapping")
                }));
            }
        };
        for (k, v) in items {
            if merge && self.dict_get(dst, &k)?.is_some() {
                let ks = self.str_of(&k)?;
                return Err(
                    self.type_error(format!("got multiple values for keyword argument '{ks}'"))
                );
            }
            self.dict_insert(dst, k, v)?;
        }
        Ok(())
    }

    pub fn contains(&mut self, container: &Value, item: &Value) -> Result<bool, Error> {
        if let Value::Class(c) = container {
            if let Some(f) = self.class_hook(c, "__class_contains__") {
                let r = self.call(&f, vec![item.clone()], vec![])?;
                return self.truthy(&r);
            }
        }
        match container {
            Value::Str(s) => match item {
                Value::Str(x) => Ok(s.contains(&**x)),
                _ => {
                    let t = self.type_name(item);
                    Err(self.type_error(format!(
                        "'in <string>' requires string as left operand, not {t}"
                    )))
                }
            },
            Value::List(l) => {
                let items = l.borrow().clone();
                for x in &items {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Bytes(_) | Value::ByteArray(_) => {
                let hay = container.buffer().unwrap_or_default();
                if let Some(needle) = item.buffer() {
                    return Ok(needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle));
                }
                let i = match item {
                    Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                        self.byte_values(std::slice::from_ref(item))?[0]
                    }
                    Value::Instance(_) => self.byte_values(std::slice::from_ref(item))?[0],
                    _ => {
                        let t = self.type_name(item);
                        return Err(
                            self.type_error(format!("a bytes-like object is required, not '{t}'"))
                        );
                    }
                };
                Ok(hay.contains(&i))
            }
            Value::Tuple(t) => {
                for x in t.iter() {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Dict(d) | Value::Set(d) => {
                let h = self.hash(item)?;
                Ok(self.dict_find(d, h, item)?.is_some())
            }
            Value::FrozenSet(d) => {
                let h = self.hash(item)?;
                let cell = RefCell::new((**d).clone());
                Ok(self.dict_find(&cell, h, item)?.is_some())
            }
            Value::DictView(v) if v.1 == ViewKind::Keys => {
                let d = v.0.clone();
                let h = self.hash(item)?;
                Ok(self.dict_find(&d, h, item)?.is_some())
            }
            Value::Range(r) => match as_int(item) {
                Some(i) => Ok(if r.step > 0 {
                    i >= r.start && i < r.stop && (i - r.start) % r.step == 0
                } else {
                    i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0
                }),
                None => Ok(false),
            },
            Value::Instance(i) => {
                if let Some(f) = self.special_lookup(&i.class(), "__contains__") {
                    let r = self.call(&f, vec![container.clone(), item.clone()], vec![])?;
                    return self.truthy(&r);
                }
                let c = i.class();
                if self.special_lookup(&c, "__iter__").is_none()
                    && self.special_lookup(&c, "__getitem__").is_none()
                {
                    let t = self.type_name(container);
                    return Err(self.type_error(format!("argument of type '{t}' is not iterable")));
                }
                self.contains_by_iteration(container, item)
            }
            _ => {
                if matches!(
                    container,
                    Value::Iter(_) | Value::Gen(_) | Value::DictView(_)
                ) {
                    return self.contains_by_iteration(container, item);
                }
                let t = self.type_name(container);
                Err(self.type_error(format!("argument of type '{t}' is not iterable")))
            }
        }
    }

    /// `item in container` by iterating: stops at the first match, so an
    /// iterator is consumed only up to it.
    fn contains_by_iteration(&mut self, container: &Value, item: &Value) -> Result<bool, Error> {
        let it = self.get_iter(container)?;
        while let Some(x) = self.next_of(&it)? {
            if x.is(item) || self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `iter(v)`.
    pub fn get_iter(&mut self, v: &Value) -> Result<Value, Error> {
        let it = match v {
            Value::List(l) => IterObj::List(l.clone(), 0),
            Value::Tuple(t) => IterObj::Tuple(t.clone(), 0),
            Value::Str(s) => IterObj::Str(s.clone(), 0),
            Value::Bytes(b) => IterObj::Bytes(b.clone(), 0),
            Value::ByteArray(b) => IterObj::Bytes(Rc::from(b.borrow().as_slice()), 0),
            Value::Range(r) => IterObj::Range {
                next: r.start,
                stop: r.stop,
                step: r.step,
            },
            Value::Dict(d) => IterObj::Dict {
                dict: d.clone(),
                pos: 0,
                kind: ViewKind::Keys,
                len: d.borrow().len(),
            },
            Value::Set(d) => {
                IterObj::Seq(self.set_order(&d.borrow()), 0, iter_name("set_iterator"))
            }
            Value::FrozenSet(d) => IterObj::Seq(self.set_order(d), 0, iter_name("set_iterator")),
            Value::DictView(dv) => IterObj::Dict {
                dict: dv.0.clone(),
                pos: 0,
                kind: dv.1,
                len: dv.0.borrow().len(),
            },
            Value::Iter(_) | Value::Gen(_) => {
                if let Value::Gen(g) = v {
                    if g.kind != GenKind::Generator {
                        let t = self.type_name(v);
                        return Err(self.type_error(format!("'{t}' object is not iterable")));
                    }
                }
                return Ok(v.clone());
            }
            Value::Class(c) if self.special_lookup(c, "__class_iter__").is_some() => {
                let f = self.class_hook(c, "__class_iter__").unwrap_or(Value::None);
                let r = self.call(&f, vec![], vec![])?;
                return self.get_iter(&r);
            }
            Value::Instance(i) => {
                let cls = i.class();
                if let Some(f) = self.special_lookup(&cls, "__iter__") {
                    let r = self.call(&f, vec![v.clone()], vec![])?;
                    let ok = match &r {
                        Value::Instance(ri) => {
                            self.special_lookup(&ri.class(), "__next__").is_some()
                        }
                        Value::Iter(_) => true,
                        Value::Gen(g) => g.kind == GenKind::Generator,
                        _ => false,
                    };
                    if !ok {
                        let t = self.type_name(&r);
                        return Err(
                            self.type_error(format!("iter() returned non-iterator of type '{t}'"))
                        );
                    }
                    return Ok(r);
                }
                if self.special_lookup(&cls, "__getitem__").is_some() {
                    // The sequence protocol: one index at a time.
                    IterObj::GetItem(v.clone(), 0)
                } else {
                    let t = self.type_name(v);
                    return Err(self.type_error(format!("'{t}' object is not iterable")));
                }
            }
            _ => {
                let t = self.type_name(v);
                return Err(self.type_error(format!("'{t}' object is not iterable")));
            }
        };
        Ok(Value::Iter(Rc::new(RefCell::new(it))))
    }

    /// Next item of a built-in iterator (None = exhausted).
    pub(crate) fn native_next(&mut self, it: &Value) -> Result<Option<Value>, Error> {
        let Value::Iter(rc) = it else {
            return Err(Error::Internal("native_next on non-iterator".into()));
        };
        // Variants that need the VM are taken out of the borrow first.
        let mut b = rc.borrow_mut();
        let r = match &mut *b {
            IterObj::List(l, i) => {
                let l = l.borrow();
                if *i < l.len() {
                    *i += 1;
                    Some(l[*i - 1].clone())
                } else {
                    *i = usize::MAX / 2;
                    None
                }
            }
            IterObj::Tuple(t, i) => {
                if *i < t.len() {
                    *i += 1;
                    Some(t[*i - 1].clone())
                } else {
                    None
                }
            }
            IterObj::Str(s, i) => match s[*i..].chars().next() {
                Some(c) => {
                    *i += c.len_utf8();
                    let mut buf = [0u8; 4];
                    Some(Value::Str(Rc::from(&*c.encode_utf8(&mut buf))))
                }
                None => None,
            },
            IterObj::Bytes(bs, i) => {
                if *i < bs.len() {
                    *i += 1;
                    Some(Value::Int(bs[*i - 1] as i64))
                } else {
                    None
                }
            }
            IterObj::Range { next, stop, step } => {
                if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                    let v = *next;
                    *next = next.saturating_add(*step);
                    Some(Value::Int(v))
                } else {
                    None
                }
            }
            IterObj::Dict {
                dict,
                pos,
                kind,
                len,
            } => {
                let d = dict.borrow();
                if d.len() != *len {
                    drop(d);
                    *len = usize::MAX;
                    drop(b);
                    return Err(self.runtime_error("dictionary changed size during iteration"));
                }
                let mut out = None;
                while *pos < d.slots() {
                    let i = *pos;
                    *pos += 1;
                    if let Some((k, v)) = d.entry(i) {
                        out = Some(match kind {
                            ViewKind::Keys => k.clone(),
                            ViewKind::Values => v.clone(),
                            ViewKind::Items => Value::tuple(vec![k.clone(), v.clone()]),
                        });
                        break;
                    }
                }
                out
            }
            IterObj::Seq(v, i, _) => {
                if *i < v.len() {
                    *i += 1;
                    Some(v[*i - 1].clone())
                } else {
                    None
                }
            }
            IterObj::Reversed(seq, i) if !matches!(seq, Value::Instance(_)) => {
                if *i < 0 {
                    None
                } else {
                    let idx = *i;
                    *i -= 1;
                    match seq {
                        Value::List(l) => l.borrow().get(idx as usize).cloned(),
                        Value::Tuple(t) => t.get(idx as usize).cloned(),
                        _ => None,
                    }
                }
            }
            IterObj::Exhausted(_) => None,
            _ => {
                drop(b);
                return self.complex_next(rc);
            }
        };
        Ok(r)
    }

    /// One step of `zip(*its, strict=...)`: the next tuple, or `None` when
    /// the shortest argument ends (with strict, CPython's length errors).
    fn zip_step(&mut self, its: &[Value], strict: bool) -> Result<Option<Value>, Error> {
        let mut out = Vec::with_capacity(its.len());
        let mut done = false;
        // "argument 1" or "arguments 1-k": the ones before argument k + 1.
        let before = |k: usize| {
            if k == 1 {
                "argument 1".to_string()
            } else {
                format!("arguments 1-{k}")
            }
        };
        for (k, it) in its.iter().enumerate() {
            match self.next_of(it)? {
                Some(v) => out.push(v),
                None => {
                    if strict && k > 0 {
                        return Err(self.value_error(format!(
                            "zip() argument {} is shorter than {}",
                            k + 1,
                            before(k)
                        )));
                    }
                    if strict {
                        for (j, other) in its.iter().enumerate().skip(1) {
                            if self.next_of(other)?.is_some() {
                                return Err(self.value_error(format!(
                                    "zip() argument {} is longer than {}",
                                    j + 1,
                                    before(j)
                                )));
                            }
                        }
                    }
                    done = true;
                    break;
                }
            }
        }
        Ok((!done && !its.is_empty()).then(|| Value::tuple(out)))
    }

    /// Iterators whose step runs Python code (map, filter, zip, …).
    fn complex_next(&mut self, rc: &Rc<RefCell<IterObj>>) -> Result<Option<Value>, Error> {
        let name = iter_name(rc.borrow().type_name());
        let finished = IterObj::Exhausted(name);
        let state = std::mem::replace(&mut *rc.borrow_mut(), IterObj::Exhausted(name));
        let (result, state) = match state {
            IterObj::Enumerate(inner, n) => match self.next_of(&inner)? {
                Some(v) => {
                    let next = match &n {
                        Value::Int(i) if *i < i64::MAX => Value::Int(i + 1),
                        _ => self.binary_op(n.clone(), Value::Int(1), BinOp::Add)?,
                    };
                    (
                        Some(Value::tuple(vec![n, v])),
                        IterObj::Enumerate(inner, next),
                    )
                }
                None => (None, finished),
            },
            IterObj::Zip(its, strict) => match self.zip_step(&its, strict)? {
                Some(v) => (Some(v), IterObj::Zip(its, strict)),
                None => (None, finished),
            },
            IterObj::Map(f, its) => {
                let mut args = Vec::with_capacity(its.len());
                let mut done = false;
                for it in &its {
                    match self.next_of(it)? {
                        Some(v) => args.push(v),
                        None => {
                            done = true;
                            break;
                        }
                    }
                }
                if done {
                    (None, finished)
                } else {
                    let v = self.call(&f, args, vec![])?;
                    (Some(v), IterObj::Map(f, its))
                }
            }
            IterObj::Filter(f, it) => {
                let mut found = None;
                while let Some(v) = self.next_of(&it)? {
                    let keep = if f.is_none() {
                        self.truthy(&v)?
                    } else {
                        let r = self.call(&f, vec![v.clone()], vec![])?;
                        self.truthy(&r)?
                    };
                    if keep {
                        found = Some(v);
                        break;
                    }
                }
                match found {
                    Some(v) => (Some(v), IterObj::Filter(f, it)),
                    None => (None, finished),
                }
            }
            IterObj::Reversed(obj, k) => {
                if k < 0 {
                    (None, finished)
                } else {
                    match self.getitem(&obj, &Value::Int(k)) {
                        Ok(x) => (Some(x), IterObj::Reversed(obj, k - 1)),
                        Err(Error::Exception(e))
                            if self.is_instance_of(&e, &self.types.index_error.clone())
                                || self.is_instance_of(&e, &self.types.stop_iteration.clone()) =>
                        {
                            (None, finished)
                        }
                        Err(e) => {
                            *rc.borrow_mut() = IterObj::Reversed(obj, k);
                            return Err(e);
                        }
                    }
                }
            }
            IterObj::GetItem(obj, k) => match self.getitem(&obj, &Value::Int(k)) {
                Ok(x) => (Some(x), IterObj::GetItem(obj, k + 1)),
                Err(Error::Exception(e))
                    if self.is_instance_of(&e, &self.types.index_error.clone())
                        || self.is_instance_of(&e, &self.types.stop_iteration.clone()) =>
                {
                    (None, finished)
                }
                Err(e) => {
                    *rc.borrow_mut() = IterObj::GetItem(obj, k);
                    return Err(e);
                }
            },
            IterObj::Callable(f, sentinel) => {
                let v = self.call(&f, vec![], vec![])?;
                if self.eq(&v, &sentinel)? {
                    (None, finished)
                } else {
                    (Some(v), IterObj::Callable(f, sentinel))
                }
            }
            IterObj::YieldOnce {
                obj,
                yielded,
                on_done,
            } => {
                if !yielded {
                    (
                        Some(obj.clone()),
                        IterObj::YieldOnce {
                            obj,
                            yielded: true,
                            on_done,
                        },
                    )
                } else {
                    let v = on_done(self, &[obj], &[])?;
                    return Err(self.stop_iteration(v));
                }
            }
            IterObj::ASend {
                gen,
                first,
                closing,
            } => {
                *rc.borrow_mut() = IterObj::ASend {
                    gen,
                    first,
                    closing,
                };
                return Err(self.type_error("'async_generator_asend' object is not an iterator"));
            }
            other => (None, other),
        };
        *rc.borrow_mut() = state;
        Ok(result)
    }

    /// Counts `cost` instructions of native work (big-int arithmetic, in
    /// limb operations / 16, about what an instruction costs), checking
    /// the budgets before the work starts so a huge product stops the run
    /// instead of freezing the page.
    pub(crate) fn charge(&mut self, cost: u64) -> Result<(), Error> {
        self.instructions = self.instructions.saturating_add(cost);
        if self.instructions >= self.next_check {
            self.nesting += 1;
            let r = self.check_budgets();
            self.nesting -= 1;
            r?;
        }
        Ok(())
    }

    /// `next(it)` for any iterator; None when exhausted.
    pub fn next_of(&mut self, it: &Value) -> Result<Option<Value>, Error> {
        // Native loops over an iterator (sum, max, sorted, list, "".join…)
        // count one instruction per item, so the budgets stop
        // `sum(range(10**18))` instead of freezing the page. Never pauses
        // here: the check runs as if nested (pauses need the outer loop).
        self.instructions += 1;
        if self.instructions >= self.next_check {
            self.nesting += 1;
            let r = self.check_budgets();
            self.nesting -= 1;
            r?;
            // A pause due now is taken at the run's next instruction, not
            // 1,000 later: in a loop whose every step passes here at the
            // same phase (`for x in map(abs, range(n))`), every later check
            // would land here too and the run would never pause.
            if self.nesting == 1 && self.fuel_until.is_some_and(|f| self.instructions >= f) {
                self.next_check = self.instructions + 1;
            }
        }
        match self.iter_step(it)? {
            Step::Yield(v) => Ok(Some(v)),
            Step::Return(_) => Ok(None),
        }
    }

    /// One `__next__` step, distinguishing a return value (StopIteration).
    pub(crate) fn iter_step(&mut self, it: &Value) -> Result<Step, Error> {
        match it {
            Value::Iter(rc) => {
                let is_once = matches!(
                    &*rc.borrow(),
                    IterObj::YieldOnce { .. } | IterObj::ASend { .. }
                );
                if is_once {
                    return match self.native_next(it) {
                        Ok(Some(v)) => Ok(Step::Yield(v)),
                        Ok(None) => Ok(Step::Return(Value::None)),
                        Err(e) => self.step_from_error(e),
                    };
                }
                Ok(match self.native_next(it)? {
                    Some(v) => Step::Yield(v),
                    None => Step::Return(Value::None),
                })
            }
            Value::Gen(_) => match self.resume_inner(it, Resume::Send(Value::None)) {
                Ok(crate::vm::Completion::Yielded(v, _)) => Ok(Step::Yield(v)),
                Ok(crate::vm::Completion::Returned(v)) => Ok(Step::Return(v)),
                Ok(crate::vm::Completion::Suspended(_)) => {
                    Err(self.runtime_error("cannot suspend here"))
                }
                Err(e) => self.step_from_error(e),
            },
            _ => {
                let Some(f) = self.lookup_special_bound(it, "__next__") else {
                    let t = self.type_name(it);
                    return Err(self.type_error(format!("'{t}' object is not an iterator")));
                };
                match self.call(&f, vec![], vec![]) {
                    Ok(v) => Ok(Step::Yield(v)),
                    Err(e) => self.step_from_error(e),
                }
            }
        }
    }

    /// Turn a StopIteration error into `Step::Return(value)`.
    pub(crate) fn step_from_error(&mut self, e: Error) -> Result<Step, Error> {
        if let Error::Exception(x) = &e {
            let si = self.types.stop_iteration.clone();
            if self.is_instance_of(x, &si) {
                let v = self
                    .exc_data(x)
                    .and_then(|d| d.borrow().args.first().cloned())
                    .unwrap_or(Value::None);
                return Ok(Step::Return(v));
            }
        }
        Err(e)
    }

    /// Collect all items of an iterable.
    pub fn iterate(&mut self, v: &Value) -> Result<Vec<Value>, Error> {
        match v {
            Value::List(l) => return Ok(l.borrow().clone()),
            Value::Tuple(t) => return Ok(t.to_vec()),
            _ => {}
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next_of(&it)? {
            out.push(x);
            if out.len() > self.limits.max_collection_len {
                return Err(self.memory_error());
            }
            if out.len().is_multiple_of(65536) {
                self.check_memory(0)?;
            }
        }
        Ok(out)
    }

    pub(crate) fn unpack(&mut self, v: &Value, n: usize) -> Result<Vec<Value>, Error> {
        let items = match v {
            Value::Tuple(t) => t.to_vec(),
            Value::List(l) => l.borrow().clone(),
            _ => {
                if !self.is_iterable(v) {
                    let t = self.type_name(v);
                    return Err(self.type_error(format!("cannot unpack non-iterable {t} object")));
                }
                let it = self.get_iter(v)?;
                let mut out = Vec::new();
                while let Some(x) = self.next_of(&it)? {
                    out.push(x);
                    if out.len() > n {
                        return Err(
                            self.value_error(format!("too many values to unpack (expected {n})"))
                        );
                    }
                }
                out
            }
        };
        if items.len() > n {
            return Err(self.value_error(format!("too many values to unpack (expected {n})")));
        }
        if items.len() < n {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            )));
        }
        Ok(items)
    }

    pub(crate) fn unpack_ex(
        &mut self,
        v: &Value,
        before: usize,
        after: usize,
    ) -> Result<Vec<Value>, Error> {
        if !self.is_iterable(v) {
            let t = self.type_name(v);
            return Err(self.type_error(format!("cannot unpack non-iterable {t} object")));
        }
        let items = self.iterate(v)?;
        if items.len() < before + after {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let mut out = Vec::with_capacity(before + after + 1);
        out.extend(items[..before].iter().cloned());
        out.push(Value::list(items[before..items.len() - after].to_vec()));
        out.extend(items[items.len() - after..].iter().cloned());
        Ok(out)
    }

    pub(crate) fn is_iterable(&self, v: &Value) -> bool {
        match v {
            Value::Instance(i) => {
                let c = i.class();
                c.lookup("__iter__").is_some() || c.lookup("__getitem__").is_some()
            }
            Value::List(_)
            | Value::Tuple(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::ByteArray(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::FrozenSet(_)
            | Value::Range(_)
            | Value::Iter(_)
            | Value::DictView(_) => true,
            Value::Gen(g) => g.kind == GenKind::Generator,
            _ => false,
        }
    }

    /// `await x`: the iterator to delegate to.
    pub(crate) fn get_awaitable(&mut self, v: &Value) -> Result<Value, Error> {
        match v {
            Value::Gen(g) if g.kind == GenKind::Coroutine => {
                if g.state.get() == GenState::Closed {
                    return Err(self.runtime_error("cannot reuse already awaited coroutine"));
                }
                Ok(v.clone())
            }
            Value::Iter(rc) if matches!(&*rc.borrow(), IterObj::ASend { .. }) => Ok(v.clone()),
            _ => {
                if let Some(f) = self.lookup_special_bound(v, "__await__") {
                    let r = self.call(&f, vec![], vec![])?;
                    let ok = match &r {
                        Value::Iter(_) => true,
                        Value::Gen(g) => g.kind == GenKind::Generator,
                        Value::Instance(i) => self.special_lookup(&i.class(), "__next__").is_some(),
                        _ => false,
                    };
                    if !ok {
                        let t = self.type_name(&r);
                        return Err(self.type_error(format!(
                            "__await__() returned non-iterator of type '{t}'"
                        )));
                    }
                    return Ok(r);
                }
                let t = self.type_name(v);
                Err(self.type_error(format!("object {t} can't be used in 'await' expression")))
            }
        }
    }

    pub(crate) fn get_aiter(&mut self, v: &Value) -> Result<Value, Error> {
        match v {
            Value::Gen(g) if g.kind == GenKind::AsyncGenerator => Ok(v.clone()),
            _ => match self.lookup_special_bound(v, "__aiter__") {
                Some(f) => self.call(&f, vec![], vec![]),
                None => {
                    let t = self.type_name(v);
                    Err(self.type_error(format!(
                        "'async for' requires an object with __aiter__ method, got {t}"
                    )))
                }
            },
        }
    }

    /// Call the `firstiter` async-generator hook once per generator.
    pub(crate) fn asyncgen_first_iter(&mut self, g: &Rc<GenObj>) -> Result<(), Error> {
        if g.ag_hooks_inited.replace(true) {
            return Ok(());
        }
        if let Some(h) = self.asyncgen_hooks.0.clone() {
            self.call(&h, vec![Value::Gen(g.clone())], vec![])?;
        }
        Ok(())
    }

    pub(crate) fn get_anext(&mut self, it: &Value) -> Result<Value, Error> {
        if let Value::Gen(g) = it {
            if g.kind == GenKind::AsyncGenerator {
                self.asyncgen_first_iter(g)?;
            }
        }
        match it {
            Value::Gen(g) if g.kind == GenKind::AsyncGenerator => {
                Ok(Value::Iter(Rc::new(RefCell::new(IterObj::ASend {
                    gen: g.clone(),
                    first: Some(Resume::Send(Value::None)),
                    closing: false,
                }))))
            }
            _ => match self.lookup_special_bound(it, "__anext__") {
                Some(f) => {
                    let aw = self.call(&f, vec![], vec![])?;
                    self.get_awaitable(&aw)
                }
                None => {
                    let t = self.type_name(it);
                    Err(self.type_error(format!(
                        "'async for' received an object from __aiter__ that does not implement __anext__: {t}"
                    )))
                }
            },
        }
    }

    /// Call a method by name on any object.
    pub fn call_method(
        &mut self,
        obj: &Value,
        name: &str,
        args: Vec<Value>,
    ) -> Result<Value, Error> {
        if !matches!(
            obj,
            Value::Instance(_)
                | Value::Class(_)
                | Value::Module(_)
                | Value::Gen(_)
                | Value::Function(_)
        ) {
            if let Some(v) = self.call_builtin_method(obj, name, &args, &[])? {
                return Ok(v);
            }
        }
        let n = self.intern(name);
        let m = self.getattr(obj, &n)?;
        self.call(&m, args, vec![])
    }

    pub fn getitem(&mut self, obj: &Value, key: &Value) -> Result<Value, Error> {
        match (obj, key) {
            (Value::List(l), _) => {
                if let Value::Slice(s) = key {
                    let items = l.borrow().clone();
                    return Ok(Value::list(self.slice_items(&items, s)?));
                }
                let i = self.index_of(key, "list")?;
                let l = l.borrow();
                match norm_index(i, l.len()) {
                    Some(i) => Ok(l[i].clone()),
                    None => {
                        drop(l);
                        Err(self.index_error("list index out of range"))
                    }
                }
            }
            (Value::Tuple(t), _) => {
                if let Value::Slice(s) = key {
                    return Ok(Value::tuple(self.slice_items(t, s)?));
                }
                let i = self.index_of(key, "tuple")?;
                match norm_index(i, t.len()) {
                    Some(i) => Ok(t[i].clone()),
                    None => Err(self.index_error("tuple index out of range")),
                }
            }
            (Value::Str(s), _) => {
                if let Value::Slice(sl) = key {
                    let chars: Vec<Value> = s
                        .chars()
                        .map(|c| Value::Str(Rc::from(c.to_string())))
                        .collect();
                    let picked = self.slice_items(&chars, sl)?;
                    let mut out = String::new();
                    for p in picked {
                        if let Value::Str(c) = p {
                            out.push_str(&c);
                        }
                    }
                    return Ok(Value::Str(Rc::from(out)));
                }
                let i = self.index_of(key, "string")?;
                let n = if s.is_ascii() {
                    s.len()
                } else {
                    s.chars().count()
                };
                match norm_index(i, n) {
                    Some(i) => {
                        let c = if s.is_ascii() {
                            s[i..i + 1].to_string()
                        } else {
                            s.chars().nth(i).map(|c| c.to_string()).unwrap_or_default()
                        };
                        Ok(Value::Str(Rc::from(c)))
                    }
                    None => Err(self.index_error("string index out of range")),
                }
            }
            (Value::Bytes(_) | Value::ByteArray(_), _) => {
                let b = obj.buffer().unwrap_or_default();
                let array = matches!(obj, Value::ByteArray(_));
                if let Value::Slice(s) = key {
                    let (start, stop, step) = self.slice_indices(s, b.len())?;
                    let bytes: Vec<u8> = slice_positions(start, stop, step).map(|i| b[i]).collect();
                    return Ok(if array {
                        Value::ByteArray(Rc::new(RefCell::new(bytes)))
                    } else {
                        Value::Bytes(Rc::from(bytes))
                    });
                }
                let i = self.index_of(key, if array { "bytearray" } else { "byte" })?;
                match norm_index(i, b.len()) {
                    Some(i) => Ok(Value::Int(b[i] as i64)),
                    None if array => Err(self.index_error("bytearray index out of range")),
                    None => Err(self.index_error("index out of range")),
                }
            }
            (Value::Range(r), _) => {
                if let Value::Slice(_) = key {
                    let items: Vec<Value> = (0..r.len())
                        .map(|k| Value::Int(r.start + k * r.step))
                        .collect();
                    if let Value::Slice(s) = key {
                        return Ok(Value::list(self.slice_items(&items, s)?));
                    }
                }
                let i = self.index_of(key, "range")?;
                match norm_index(i, r.len() as usize) {
                    Some(i) => Ok(Value::Int(r.start + i as i64 * r.step)),
                    None => Err(self.index_error("range object index out of range")),
                }
            }
            (Value::Dict(d), _) => match self.dict_get(d, key)? {
                Some(v) => Ok(v),
                None => Err(self.key_error(key.clone())),
            },
            (Value::Instance(i), _) => {
                if let Some(f) = self.special_lookup(&i.class(), "__getitem__") {
                    return self.call(&f, vec![obj.clone(), key.clone()], vec![]);
                }
                let t = self.type_name(obj);
                Err(self.type_error(format!("'{t}' object is not subscriptable")))
            }
            (Value::Class(c), _) => {
                if let Some(f) = self.special_lookup(c, "__class_getitem__") {
                    return self.call(&f, vec![obj.clone(), key.clone()], vec![]);
                }
                // Generic aliases like list[int] evaluate to the class.
                if c.layout == Layout::Builtin {
                    return Ok(obj.clone());
                }
                Err(self.type_error("'type' object is not subscriptable"))
            }
            _ => {
                let t = self.type_name(obj);
                Err(self.type_error(format!("'{t}' object is not subscriptable")))
            }
        }
    }

    pub(crate) fn index_of(&mut self, key: &Value, what: &str) -> Result<i64, Error> {
        match key {
            Value::Int(i) => Ok(*i),
            Value::BigInt(_) => {
                let c = self.types.index_error.clone();
                Err(self.new_error(&c, "cannot fit 'int' into an index-sized integer"))
            }
            Value::Bool(b) => Ok(*b as i64),
            Value::Instance(i) if self.special_lookup(&i.class(), "__index__").is_some() => {
                let f = self
                    .special_lookup(&i.class(), "__index__")
                    .unwrap_or(Value::None);
                match self.call(&f, vec![key.clone()], vec![])? {
                    Value::Int(i) => Ok(i),
                    _ => Err(self.type_error("__index__ returned non-int")),
                }
            }
            _ => {
                let t = self.type_name(key);
                Err(self.type_error(format!(
                    "{what} indices must be integers or slices, not {t}"
                )))
            }
        }
    }

    /// Resolve a slice against a length: (start, stop, step).
    pub(crate) fn slice_indices(
        &mut self,
        s: &[Value; 3],
        len: usize,
    ) -> Result<(i64, i64, i64), Error> {
        let len = len as i64;
        // Slice bounds beyond 64 bits are clamped, as CPython clamps
        // them to the index-sized range.
        let index = |vm: &mut Vm, v: &Value| match v {
            Value::BigInt(b) if b.sign() == pylib::bigint::Sign::Minus => Ok(-i64::MAX),
            Value::BigInt(_) => Ok(i64::MAX),
            v => vm.index_of(v, "slice"),
        };
        let step = match &s[2] {
            Value::None => 1,
            v => index(self, v)?,
        };
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let (lo, hi) = if step > 0 { (0, len) } else { (-1, len - 1) };
        let conv = |vm: &mut Vm, v: &Value, default: i64| -> Result<i64, Error> {
            match v {
                Value::None => Ok(default),
                v => {
                    let mut i = index(vm, v)?;
                    if i < 0 {
                        i += len;
                        if i < lo {
                            i = lo;
                        }
                    } else if i > hi {
                        i = hi;
                    }
                    Ok(i)
                }
            }
        };
        let start = conv(self, &s[0], if step > 0 { 0 } else { len - 1 })?;
        let stop = conv(self, &s[1], if step > 0 { len } else { -1 })?;
        Ok((start, stop, step))
    }

    pub(crate) fn slice_items(
        &mut self,
        items: &[Value],
        s: &[Value; 3],
    ) -> Result<Vec<Value>, Error> {
        let (start, stop, step) = self.slice_indices(s, items.len())?;
        Ok(slice_positions(start, stop, step)
            .map(|i| items[i].clone())
            .collect())
    }

    pub fn setitem(&mut self, obj: &Value, key: Value, v: Value) -> Result<(), Error> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = &key {
                    let new = self.iterate(&v)?;
                    let len = l.borrow().len();
                    let (start, stop, step) = self.slice_indices(s, len)?;
                    if step == 1 {
                        let stop = stop.max(start);
                        l.borrow_mut().splice(start as usize..stop as usize, new);
                        return Ok(());
                    }
                    let idxs: Vec<usize> = slice_positions(start, stop, step).collect();
                    if idxs.len() != new.len() {
                        return Err(self.value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            new.len(),
                            idxs.len()
                        )));
                    }
                    let mut lb = l.borrow_mut();
                    for (i, x) in idxs.into_iter().zip(new) {
                        lb[i] = x;
                    }
                    return Ok(());
                }
                let i = self.index_of(&key, "list")?;
                let mut lb = l.borrow_mut();
                match norm_index(i, lb.len()) {
                    Some(i) => {
                        lb[i] = v;
                        Ok(())
                    }
                    None => {
                        drop(lb);
                        Err(self.index_error("list assignment index out of range"))
                    }
                }
            }
            Value::Dict(d) => self.dict_insert(d, key, v),
            Value::ByteArray(b) => {
                if let Value::Slice(_) = &key {
                    let new = match v.buffer() {
                        Some(bytes) => bytes,
                        None if as_int(&v).is_some() || matches!(v, Value::BigInt(_)) => {
                            return Err(self.type_error(
                                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                            ))
                        }
                        None => {
                            let items = self.iterate(&v)?;
                            self.byte_values(&items)?
                        }
                    };
                    if let Value::Slice(s) = &key {
                        let len = b.borrow().len();
                        let (start, stop, step) = self.slice_indices(s, len)?;
                        let n = slice_positions(start, stop, step).count();
                        if step != 1 && n != new.len() {
                            return Err(self.value_error(format!(
                                "attempt to assign bytes of size {} to extended slice of size {n}",
                                new.len()
                            )));
                        }
                    }
                    let ints = |x: &[u8]| x.iter().map(|&c| Value::Int(c as i64)).collect();
                    let list = Value::list(ints(&b.borrow()));
                    self.setitem(&list, key, Value::list(ints(&new)))?;
                    let items = self.iterate(&list)?;
                    *b.borrow_mut() = self.byte_values(&items)?;
                    return Ok(());
                }
                let i = self.index_of(&key, "bytearray")?;
                let x = self.byte_values(std::slice::from_ref(&v))?[0];
                let mut bb = b.borrow_mut();
                match norm_index(i, bb.len()) {
                    Some(i) => {
                        bb[i] = x;
                        Ok(())
                    }
                    None => {
                        drop(bb);
                        Err(self.index_error("bytearray index out of range"))
                    }
                }
            }
            Value::Instance(i) => {
                if let Some(f) = self.special_lookup(&i.class(), "__setitem__") {
                    self.call(&f, vec![obj.clone(), key, v], vec![])?;
                    return Ok(());
                }
                let t = self.type_name(obj);
                Err(self.type_error(format!("'{t}' object does not support item assignment")))
            }
            _ => {
                let t = self.type_name(obj);
                Err(self.type_error(format!("'{t}' object does not support item assignment")))
            }
        }
    }

    pub fn delitem(&mut self, obj: &Value, key: &Value) -> Result<(), Error> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = key {
                    let len = l.borrow().len();
                    let (start, stop, step) = self.slice_indices(s, len)?;
                    if step == 1 {
                        // One move of the tail, not one per item removed.
                        let removed: Vec<Value> = if start < stop {
                            l.borrow_mut()
                                .drain(start as usize..stop as usize)
                                .collect()
                        } else {
                            Vec::new()
                        };
                        drop(removed);
                        return Ok(());
                    }
                    let mut idxs: Vec<usize> = slice_positions(start, stop, step).collect();
                    idxs.sort_unstable();
                    let mut lb = l.borrow_mut();
                    for i in idxs.into_iter().rev() {
                        lb.remove(i);
                    }
                    return Ok(());
                }
                let i = self.index_of(key, "list")?;
                let mut lb = l.borrow_mut();
                match norm_index(i, lb.len()) {
                    Some(i) => {
                        lb.remove(i);
                        Ok(())
                    }
                    None => {
                        drop(lb);
                        Err(self.index_error("list assignment index out of range"))
                    }
                }
            }
            Value::Dict(d) => match self.dict_remove(d, key)? {
                Some(_) => Ok(()),
                None => Err(self.key_error(key.clone())),
            },
            Value::ByteArray(b) => {
                if let Value::Slice(_) = key {
                    let list =
                        Value::list(b.borrow().iter().map(|&c| Value::Int(c as i64)).collect());
                    self.delitem(&list, key)?;
                    let items = self.iterate(&list)?;
                    *b.borrow_mut() = self.byte_values(&items)?;
                    return Ok(());
                }
                let i = self.index_of(key, "bytearray")?;
                let mut bb = b.borrow_mut();
                match norm_index(i, bb.len()) {
                    Some(i) => {
                        bb.remove(i);
                        Ok(())
                    }
                    None => {
                        drop(bb);
                        Err(self.index_error("bytearray index out of range"))
                    }
                }
            }
            Value::Instance(i) => {
                if let Some(f) = self.special_lookup(&i.class(), "__delitem__") {
                    self.call(&f, vec![obj.clone(), key.clone()], vec![])?;
                    return Ok(());
                }
                let t = self.type_name(obj);
                Err(self.type_error(format!("'{t}' object does not support item deletion")))
            }
            _ => {
                let t = self.type_name(obj);
                Err(self.type_error(format!("'{t}' object does not support item deletion")))
            }
        }
    }

    /// Ints in `range(0, 256)` as bytes (CPython's errors for anything else).
    pub(crate) fn byte_values(&mut self, items: &[Value]) -> Result<Vec<u8>, Error> {
        let mut out = Vec::with_capacity(items.len());
        for x in items {
            let i = match x {
                Value::BigInt(_) => -1,
                _ => self.as_i64(x)?,
            };
            if !(0..256).contains(&i) {
                return Err(self.value_error("byte must be in range(0, 256)"));
            }
            out.push(i as u8);
        }
        Ok(out)
    }

    /// Iteration order of a set's elements (CPython's table order).
    pub(crate) fn set_order(&self, d: &Dict) -> Vec<Value> {
        crate::vm::format::set_iteration_order(d)
    }
}

/// Hashed by identity (CPython: by address) rather than by value.
/// `object.__hash__` of an instance: CPython's `_Py_HashPointer` of its
/// `id()` (the address rotated right by 4 bits), so `hash(x) == id(x) >> 4`
/// as in CPython. Consecutive objects get distinct hashes (hashing the
/// sequence number shifted right would give 16 objects the same hash and
/// make dict/set lookups of tasks and futures scan colliding buckets).
pub(crate) fn identity_hash(i: &Instance) -> i64 {
    crate::vm::library::builtins::instance_addr(i).rotate_right(4)
}

pub fn identity_hashed(v: &Value) -> bool {
    match v {
        Value::Instance(i) => i.class().lookup("__hash__").is_none(),
        Value::Function(_)
        | Value::Builtin(_)
        | Value::Method(_)
        | Value::Class(_)
        | Value::Gen(_)
        | Value::Iter(_)
        | Value::Module(_) => true,
        _ => false,
    }
}

/// The indices a resolved slice `(start, stop, step)` selects (as from
/// [`Vm::slice_indices`]), in order. Stops instead of overflowing: a step
/// near `i64::MAX` selects only `start` (`"ab"[1::2**63-1]` is `"b"`).
pub fn slice_positions(start: i64, stop: i64, step: i64) -> impl Iterator<Item = usize> {
    let mut next = Some(start);
    std::iter::from_fn(move || {
        let i = next?;
        if (step > 0 && i < stop) || (step < 0 && i > stop) {
            next = i.checked_add(step);
            Some(i as usize)
        } else {
            next = None;
            None
        }
    })
}

pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    if i >= 0 && (i as usize) < len {
        Some(i as usize)
    } else {
        None
    }
}

fn cmp_result(o: Ordering, op: CmpOp) -> bool {
    match op {
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::NotEq => o != Ordering::Equal,
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::LtE => o != Ordering::Greater,
        CmpOp::Gt => o == Ordering::Greater,
        _ => o != Ordering::Less,
    }
}
