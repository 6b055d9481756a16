//! Methods of `tuple`, and `count`/`index` of every sequence.

use super::object;
use super::{m, opt_int, this, Table};
use crate::vm::value::*;
use crate::vm::{Error, Vm};

pub static METHODS: Table = Table::new(&[
    m("index", |vm, this, a, _| {
        seq_index(vm, this!(this, Value::Tuple), a)
    }),
    m("count", |vm, this, a, _| {
        seq_count(vm, this!(this, Value::Tuple), a)
    }),
    m("__len__", object::len),
    m("__getitem__", object::getitem),
    m("__contains__", object::contains),
    m("__iter__", object::iter),
    m("__add__", object::add),
    m("__mul__", object::mul),
]);

/// `seq.count(x)`.
pub(crate) fn seq_count(vm: &mut Vm, items: &[Value], a: &[Value]) -> Result<Value, Error> {
    let x = a.first().cloned().unwrap_or(Value::None);
    let mut n = 0;
    for y in items {
        if y.is(&x) || vm.eq(y, &x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

/// `seq.index(x[, start[, end]])`.
pub(crate) fn seq_index(vm: &mut Vm, items: &[Value], a: &[Value]) -> Result<Value, Error> {
    let x = a.first().cloned().unwrap_or(Value::None);
    let start = opt_int(vm, a.get(1))?.unwrap_or(0);
    let end = opt_int(vm, a.get(2))?.unwrap_or(items.len() as i64);
    let len = items.len() as i64;
    let norm = |i: i64| if i < 0 { (i + len).max(0) } else { i.min(len) };
    for (k, y) in items
        .iter()
        .enumerate()
        .take(norm(end) as usize)
        .skip(norm(start) as usize)
    {
        if y.is(&x) || vm.eq(y, &x)? {
            return Ok(Value::Int(k as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}
