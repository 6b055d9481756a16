//! Methods of `set` and `frozenset` (one table each; `frozenset` has the
//! ones that do not change the set).

use std::cell::RefCell;
use std::rc::Rc;

use super::object;
use super::{m, this, Table};
use crate::ast::{BinOp, CmpOp};
use crate::vm::value::*;
use crate::vm::{Error, Vm};

pub static SET_METHODS: Table = Table::new(&[
    m("add", |vm, this, a, _| {
        vm.set_add(this, a.first().cloned().unwrap_or(Value::None))?;
        Ok(Value::None)
    }),
    m("discard", |vm, this, a, _| {
        let d = this!(this, Value::Set);
        let x = a.first().cloned().unwrap_or(Value::None);
        vm.dict_remove(d, &x)?;
        Ok(Value::None)
    }),
    m("remove", |vm, this, a, _| {
        let d = this!(this, Value::Set);
        let x = a.first().cloned().unwrap_or(Value::None);
        if vm.dict_remove(d, &x)?.is_none() {
            return Err(vm.key_error(x));
        }
        Ok(Value::None)
    }),
    m("pop", |vm, this, _, _| {
        let d = this!(this, Value::Set);
        let order = vm.set_order(&d.borrow());
        match order.first() {
            Some(x) => {
                vm.dict_remove(d, x)?;
                Ok(x.clone())
            }
            None => {
                let c = vm.types.key_error.clone();
                Err(vm.new_error(&c, "pop from an empty set"))
            }
        }
    }),
    m("union", |vm, this, a, _| op(vm, this, a, BinOp::BitOr)),
    m("intersection", |vm, this, a, _| {
        op(vm, this, a, BinOp::BitAnd)
    }),
    m("difference", |vm, this, a, _| op(vm, this, a, BinOp::Sub)),
    m("symmetric_difference", |vm, this, a, _| {
        op(vm, this, a, BinOp::BitXor)
    }),
    m("issubset", |vm, this, a, _| issubset(vm, this, a)),
    m("issuperset", |vm, this, a, _| issuperset(vm, this, a)),
    m("isdisjoint", |vm, this, a, _| isdisjoint(vm, this, a)),
    m("update", |vm, this, a, _| {
        for x in a {
            vm.set_update(this, x)?;
        }
        Ok(Value::None)
    }),
    m("copy", |vm, this, _, _| vm.set_copy_of(this, false)),
    m("clear", |_, this, _, _| {
        this!(this, Value::Set).borrow_mut().clear();
        Ok(Value::None)
    }),
    m("intersection_update", |vm, this, a, _| {
        update(vm, this, a, BinOp::BitAnd)
    }),
    m("difference_update", |vm, this, a, _| {
        update(vm, this, a, BinOp::Sub)
    }),
    m("symmetric_difference_update", |vm, this, a, _| {
        update(vm, this, a, BinOp::BitXor)
    }),
    m("__len__", object::len),
    m("__contains__", object::contains),
    m("__iter__", object::iter),
    m("__sub__", object::sub),
]);

pub static FROZENSET_METHODS: Table = Table::new(&[
    m("union", |vm, this, a, _| op(vm, this, a, BinOp::BitOr)),
    m("intersection", |vm, this, a, _| {
        op(vm, this, a, BinOp::BitAnd)
    }),
    m("difference", |vm, this, a, _| op(vm, this, a, BinOp::Sub)),
    m("symmetric_difference", |vm, this, a, _| {
        op(vm, this, a, BinOp::BitXor)
    }),
    m("issubset", |vm, this, a, _| issubset(vm, this, a)),
    m("issuperset", |vm, this, a, _| issuperset(vm, this, a)),
    m("isdisjoint", |vm, this, a, _| isdisjoint(vm, this, a)),
    m("copy", |_, this, _, _| Ok(this.clone())),
    m("__len__", object::len),
    m("__contains__", object::contains),
    m("__iter__", object::iter),
    m("__sub__", object::sub),
]);

/// An argument as a set (any iterable is accepted, as by CPython's methods).
fn as_set(vm: &mut Vm, v: &Value) -> Result<Value, Error> {
    match v {
        Value::Set(_) | Value::FrozenSet(_) => Ok(v.clone()),
        other => {
            let items = vm.iterate(other)?;
            vm.new_set(items)
        }
    }
}

/// A mutable copy of the receiver combined with every argument by `bop`.
fn combine(vm: &mut Vm, this: &Value, args: &[Value], bop: BinOp) -> Result<Value, Error> {
    let mut acc = match this {
        Value::FrozenSet(d) => Value::Set(Rc::new(RefCell::new((**d).clone()))),
        Value::Set(d) => Value::Set(Rc::new(RefCell::new(d.borrow().clone()))),
        _ => return Err(Error::Internal("set op".into())),
    };
    for a in args {
        let other = as_set(vm, a)?;
        acc = vm.binary_op(acc, other, bop)?;
    }
    Ok(acc)
}

/// `union` & co: a new set of the receiver's type.
fn op(vm: &mut Vm, this: &Value, args: &[Value], bop: BinOp) -> Result<Value, Error> {
    let r = combine(vm, this, args, bop)?;
    Ok(match (this, r) {
        (Value::FrozenSet(_), Value::Set(d)) => Value::FrozenSet(Rc::new(d.borrow().clone())),
        (_, r) => r,
    })
}

/// `intersection_update` & co: the receiver's contents replaced.
fn update(vm: &mut Vm, this: &Value, args: &[Value], bop: BinOp) -> Result<Value, Error> {
    let d = this!(this, Value::Set);
    if let Value::Set(r) = combine(vm, this, args, bop)? {
        let new = r.borrow().clone();
        *d.borrow_mut() = new;
    }
    Ok(Value::None)
}

fn issubset(vm: &mut Vm, this: &Value, a: &[Value]) -> Result<Value, Error> {
    let other = as_set(vm, a.first().unwrap_or(&Value::empty_tuple()))?;
    vm.compare(this, &other, CmpOp::LtE)
}

fn issuperset(vm: &mut Vm, this: &Value, a: &[Value]) -> Result<Value, Error> {
    let other = as_set(vm, a.first().unwrap_or(&Value::empty_tuple()))?;
    vm.compare(this, &other, CmpOp::GtE)
}

fn isdisjoint(vm: &mut Vm, this: &Value, a: &[Value]) -> Result<Value, Error> {
    let other = as_set(vm, a.first().unwrap_or(&Value::empty_tuple()))?;
    let mine = vm.iterate(this)?;
    for x in mine {
        if vm.contains(&other, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
