//! The methods every builtin type has, as every Python type inherits them
//! from `object` (`METHODS`), and the bodies of the protocol methods
//! several types share (`__len__`, `__getitem__`, `__add__`, …), which
//! those types list in their own tables.

use std::rc::Rc;

use super::{expect_args, m, Kw, Table};
use crate::ast::{BinOp, CmpOp};
use crate::vm::value::*;
use crate::vm::{Error, Vm};

pub static METHODS: Table = Table::new(&[
    m("__repr__", |vm, this, a, _| {
        expect_args(vm, a, 0)?;
        Ok(Value::Str(Rc::from(vm.repr(this)?)))
    }),
    m("__str__", |vm, this, a, _| {
        expect_args(vm, a, 0)?;
        Ok(Value::Str(Rc::from(vm.str_of(this)?)))
    }),
    m("__eq__", |vm, this, a, _| compare(vm, this, a, CmpOp::Eq)),
    m("__lt__", |vm, this, a, _| compare(vm, this, a, CmpOp::Lt)),
    m("__le__", |vm, this, a, _| compare(vm, this, a, CmpOp::LtE)),
    m("__gt__", |vm, this, a, _| compare(vm, this, a, CmpOp::Gt)),
    m("__ge__", |vm, this, a, _| compare(vm, this, a, CmpOp::GtE)),
    m("__hash__", |vm, this, a, _| {
        expect_args(vm, a, 0)?;
        Ok(Value::Int(vm.hash(this)?))
    }),
]);

fn compare(vm: &mut Vm, this: &Value, a: &[Value], op: CmpOp) -> Result<Value, Error> {
    expect_args(vm, a, 1)?;
    vm.compare(this, &a[0], op)
}

fn binary(vm: &mut Vm, this: &Value, a: &[Value], op: BinOp) -> Result<Value, Error> {
    expect_args(vm, a, 1)?;
    vm.binary_op(this.clone(), a[0].clone(), op)
}

/// `x.__len__()`: `len(x)`.
pub fn len(vm: &mut Vm, this: &Value, a: &[Value], _: Kw) -> Result<Value, Error> {
    expect_args(vm, a, 0)?;
    let f = vm.builtins.get("len").unwrap_or(Value::None);
    vm.call(&f, vec![this.clone()], vec![])
}

/// `x.__contains__(y)`: `y in x`.
pub fn contains(vm: &mut Vm, this: &Value, a: &[Value], _: Kw) -> Result<Value, Error> {
    expect_args(vm, a, 1)?;
    Ok(Value::Bool(vm.contains(this, &a[0])?))
}

/// `x.__getitem__(k)`: `x[k]`.
pub fn getitem(vm: &mut Vm, this: &Value, a: &[Value], _: Kw) -> Result<Value, Error> {
    expect_args(vm, a, 1)?;
    vm.getitem(this, &a[0])
}

/// `x.__setitem__(k, v)`: `x[k] = v`.
pub fn setitem(vm: &mut Vm, this: &Value, a: &[Value], _: Kw) -> Result<Value, Error> {
    expect_args(vm, a, 2)?;
    vm.setitem(this, a[0].clone(), a[1].clone())?;
    Ok(Value::None)
}

/// `x.__delitem__(k)`: `del x[k]`.
pub fn delitem(vm: &mut Vm, this: &Value, a: &[Value], _: Kw) -> Result<Value, Error> {
    expect_args(vm, a, 1)?;
    vm.delitem(this, &a[0])?;
    Ok(Value::None)
}

/// `x.__round__(…)`: `round(x, …)`.
pub fn round(vm: &mut Vm, this: &Value, a: &[Value], _: Kw) -> Result<Value, Error> {
    let f = vm.builtins.get("round").unwrap_or(Value::None);
    let mut args = vec![this.clone()];
    args.extend(a.iter().cloned());
    vm.call(&f, args, vec![])
}

/// `x.__truediv__(y)`: `x / y`.
pub fn truediv(vm: &mut Vm, this: &Value, a: &[Value], _: Kw) -> Result<Value, Error> {
    binary(vm, this, a, BinOp::Div)
}

/// `x.__bool__()`: `bool(x)`.
pub fn bool(vm: &mut Vm, this: &Value, a: &[Value], _: Kw) -> Result<Value, Error> {
    expect_args(vm, a, 0)?;
    Ok(Value::Bool(vm.truthy(this)?))
}

/// `x.__iter__()`: `iter(x)`.
pub fn iter(vm: &mut Vm, this: &Value, a: &[Value], _: Kw) -> Result<Value, Error> {
    expect_args(vm, a, 0)?;
    vm.get_iter(this)
}

/// `x.__add__(y)`: `x + y`.
pub fn add(vm: &mut Vm, this: &Value, a: &[Value], _: Kw) -> Result<Value, Error> {
    binary(vm, this, a, BinOp::Add)
}

/// `x.__sub__(y)`: `x - y`.
pub fn sub(vm: &mut Vm, this: &Value, a: &[Value], _: Kw) -> Result<Value, Error> {
    binary(vm, this, a, BinOp::Sub)
}

/// `x.__mul__(y)`: `x * y`.
pub fn mul(vm: &mut Vm, this: &Value, a: &[Value], _: Kw) -> Result<Value, Error> {
    binary(vm, this, a, BinOp::Mult)
}
