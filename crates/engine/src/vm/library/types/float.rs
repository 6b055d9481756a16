//! Methods of `float`.

use super::object;
use super::{m, this, Table};
use crate::ast::BinOp;
use crate::pylib;
use crate::vm::value::*;

pub static METHODS: Table = Table::new(&[
    m("is_integer", |_, this, _, _| {
        let f = this!(this, Value::Float);
        Ok(Value::Bool(f.fract() == 0.0 && f.is_finite()))
    }),
    m("as_integer_ratio", |vm, this, _, _| {
        let f = this!(this, Value::Float);
        if !f.is_finite() {
            return Err(vm.value_error("cannot convert Infinity to integer ratio"));
        }
        let mut num = *f;
        let mut den: i64 = 1;
        while num.fract() != 0.0 && den < (1 << 52) {
            num *= 2.0;
            den *= 2;
        }
        Ok(Value::tuple(vec![Value::Int(num as i64), Value::Int(den)]))
    }),
    m("conjugate", |_, this, _, _| {
        Ok(Value::Float(*this!(this, Value::Float)))
    }),
    m("__add__", object::add),
    m("__sub__", object::sub),
    m("__mul__", object::mul),
    m("__int__", |vm, this, _, _| {
        pylib::numbers::float_to_int(*this!(this, Value::Float))
            .map(Value::from_big)
            .map_err(|e| vm.pyerr(e))
    }),
    m("__float__", |_, this, _, _| {
        Ok(Value::Float(*this!(this, Value::Float)))
    }),
    m("__neg__", |_, this, _, _| {
        Ok(Value::Float(-*this!(this, Value::Float)))
    }),
    m("__abs__", |_, this, _, _| {
        Ok(Value::Float(this!(this, Value::Float).abs()))
    }),
    m("__round__", object::round),
    m("__truediv__", |vm, this, a, _| {
        vm.binary_op(
            this.clone(),
            a.first().cloned().unwrap_or(Value::None),
            BinOp::Div,
        )
    }),
    m("__bool__", object::bool),
]);
