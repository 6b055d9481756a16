//! Methods of the dict views (`dict_keys`, `dict_values`, `dict_items`).

use super::object;
use super::{m, Table};
use crate::vm::value::*;

pub static METHODS: Table = Table::new(&[
    m("__iter__", object::iter),
    m("__len__", object::len),
    m("__contains__", object::contains),
    m("isdisjoint", |vm, this, a, _| {
        let mine = vm.iterate(this)?;
        let other = a.first().cloned().unwrap_or(Value::None);
        let mut r = true;
        for x in mine {
            if vm.contains(&other, &x)? {
                r = false;
            }
        }
        Ok(Value::Bool(r))
    }),
]);
