//! Methods of `range`.

use super::object;
use super::{m, this, tuple, Table};
use crate::vm::value::*;

pub static METHODS: Table = Table::new(&[
    m("index", |vm, this, a, _| {
        tuple::seq_index(vm, &items(this)?, a)
    }),
    m("count", |vm, this, a, _| {
        tuple::seq_count(vm, &items(this)?, a)
    }),
    m("__iter__", object::iter),
    m("__len__", object::len),
    m("__getitem__", object::getitem),
    m("__contains__", object::contains),
    m("__bool__", object::bool),
]);

fn items(this: &Value) -> Result<Vec<Value>, crate::vm::Error> {
    let r = this!(this, Value::Range);
    Ok((0..r.len())
        .map(|k| Value::Int(r.start + k * r.step))
        .collect())
}
