//! Methods of `int` (and `bool`, its subclass), for ints of any size.

use super::object;
use super::{m, Table};
use crate::pylib;
use crate::vm::value::*;
use crate::vm::{Error, Vm};

pub static METHODS: Table = Table::new(&[
    m("bit_length", |vm, this, _, _| {
        let i = vm.as_big(this)?;
        Ok(Value::Int(i.bits() as i64))
    }),
    m("bit_count", |vm, this, _, _| {
        let i = vm.as_big(this)?;
        let ones: u64 = i
            .magnitude()
            .iter_u64_digits()
            .map(|d| u64::from(d.count_ones()))
            .sum();
        Ok(Value::Int(ones as i64))
    }),
    m("to_bytes", |vm, this, a, kw| {
        let i = vm.as_big(this)?;
        let arg = |n: usize, name: &str| {
            a.get(n)
                .or_else(|| kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v))
                .cloned()
        };
        let length = match arg(0, "length") {
            Some(v) => vm.as_i64(&v)?,
            None => 1,
        };
        if length < 0 {
            return Err(vm.value_error("length argument must be non-negative"));
        }
        let little = byteorder(vm, arg(1, "byteorder"))?;
        let signed = match kw.iter().find(|(k, _)| &**k == "signed") {
            Some((_, v)) => vm.truthy(v)?,
            None => false,
        };
        vm.check_len(length as usize)?;
        pylib::bigint::to_bytes(&i, length as usize, little, signed)
            .map(|b| Value::Bytes(b.into()))
            .map_err(|e| vm.pyerr(e))
    }),
    m("from_bytes", |vm, _, a, kw| {
        let arg = |n: usize, name: &str| {
            a.get(n)
                .or_else(|| kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v))
                .cloned()
        };
        let bytes: Vec<u8> = match arg(0, "bytes") {
            Some(Value::Bytes(b)) => b.to_vec(),
            Some(other) => {
                let items = vm.iterate(&other)?;
                let mut out = Vec::with_capacity(items.len());
                for x in items {
                    match x {
                        Value::Int(n) if (0..256).contains(&n) => out.push(n as u8),
                        Value::Int(_) => {
                            return Err(vm.value_error("bytes must be in range(0, 256)"))
                        }
                        other => {
                            let t = vm.type_name(&other);
                            return Err(vm.type_error(format!(
                                "'{t}' object cannot be interpreted as an integer"
                            )));
                        }
                    }
                }
                out
            }
            None => {
                return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"))
            }
        };
        let little = byteorder(vm, arg(1, "byteorder"))?;
        let signed = match kw.iter().find(|(k, _)| &**k == "signed") {
            Some((_, v)) => vm.truthy(v)?,
            None => false,
        };
        Ok(Value::from_big(pylib::bigint::from_bytes(
            &bytes, little, signed,
        )))
    }),
    m("conjugate", same),
    m("is_integer", |_, _, _, _| Ok(Value::Bool(true))),
    m("__add__", object::add),
    m("__sub__", object::sub),
    m("__mul__", object::mul),
    m("__index__", same),
    m("__int__", same),
    m("__float__", |vm, this, _, _| match this {
        Value::BigInt(i) => pylib::bigint::to_f64(i)
            .map(Value::Float)
            .map_err(|e| vm.pyerr(e)),
        _ => Ok(Value::Float(vm.as_i64(this)? as f64)),
    }),
    m("__bool__", |vm, this, _, _| {
        vm.truthy(this).map(Value::Bool)
    }),
    m("__neg__", |vm, this, _, _| vm.unary_neg(this.clone())),
    m("__truediv__", object::truediv),
    m("__round__", object::round),
    m("as_integer_ratio", |vm, this, _, _| {
        let i = same(vm, this, &[], &[])?;
        Ok(Value::tuple(vec![i, Value::Int(1)]))
    }),
    m("__abs__", |vm, this, _, _| vm.int_abs(this)),
]);

/// `byteorder`: "little" or "big" (the default since 3.11).
fn byteorder(vm: &mut Vm, v: Option<Value>) -> Result<bool, Error> {
    match v {
        None => Ok(false),
        Some(Value::Str(s)) if &*s == "little" => Ok(true),
        Some(Value::Str(s)) if &*s == "big" => Ok(false),
        Some(Value::Str(_)) => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        Some(other) => {
            let t = vm.type_name(&other);
            Err(vm.type_error(format!(
                "to_bytes() argument 'byteorder' must be str, not {t}"
            )))
        }
    }
}

/// The value as a plain `int` (`True.conjugate()` is `1`).
fn same(vm: &mut Vm, this: &Value, _: &[Value], _: super::Kw) -> Result<Value, Error> {
    match this {
        Value::BigInt(_) => Ok(this.clone()),
        _ => Ok(Value::Int(vm.as_i64(this)?)),
    }
}
