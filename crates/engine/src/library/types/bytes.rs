//! Methods of `bytes`.

use std::rc::Rc;

use super::object;
use super::{m, this, Table};
use crate::vm::value::*;

pub static METHODS: Table = Table::new(&[
    m("decode", |_, this, _, _| {
        let b = this!(this, Value::Bytes);
        Ok(Value::Str(Rc::from(String::from_utf8_lossy(b).to_string())))
    }),
    m("hex", |_, this, _, _| {
        let b = this!(this, Value::Bytes);
        Ok(Value::Str(Rc::from(
            b.iter().map(|x| format!("{x:02x}")).collect::<String>(),
        )))
    }),
    m("__len__", object::len),
    m("__getitem__", object::getitem),
]);
