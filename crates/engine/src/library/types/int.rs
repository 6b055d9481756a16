//! Methods of `int` (and `bool`, its subclass).

use super::object;
use super::{m, Table};
use crate::vm::value::*;
use crate::vm::{Error, Vm};

pub static METHODS: Table = Table::new(&[
    m("bit_length", |vm, this, _, _| {
        let i = vm.as_i64(this)?;
        Ok(Value::Int(64 - i.unsigned_abs().leading_zeros() as i64))
    }),
    m("conjugate", same),
    m("is_integer", |_, _, _, _| Ok(Value::Bool(true))),
    m("__add__", object::add),
    m("__sub__", object::sub),
    m("__mul__", object::mul),
    m("__index__", same),
    m("__int__", same),
    m("__float__", |vm, this, _, _| {
        Ok(Value::Float(vm.as_i64(this)? as f64))
    }),
    m("__bool__", |vm, this, _, _| {
        Ok(Value::Bool(vm.as_i64(this)? != 0))
    }),
    m("__neg__", |vm, this, _, _| vm.unary_neg(this.clone())),
    m("__truediv__", object::truediv),
    m("__round__", object::round),
    m("as_integer_ratio", |vm, this, _, _| {
        let i = vm.as_i64(this)?;
        Ok(Value::tuple(vec![Value::Int(i), Value::Int(1)]))
    }),
    m("__abs__", |vm, this, _, _| {
        let i = vm.as_i64(this)?;
        i.checked_abs()
            .map(Value::Int)
            .ok_or_else(|| vm.overflow_error())
    }),
]);

/// The value as a plain `int` (`True.conjugate()` is `1`).
fn same(vm: &mut Vm, this: &Value, _: &[Value], _: super::Kw) -> Result<Value, Error> {
    Ok(Value::Int(vm.as_i64(this)?))
}
