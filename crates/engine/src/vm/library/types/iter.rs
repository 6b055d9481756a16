//! Methods of the builtin iterators (and of the awaitables made by
//! native code, which are iterators too).

use super::{m, Table};
use crate::vm::ops::Step;
use crate::vm::value::*;
use crate::vm::Error;

pub static METHODS: Table = Table::new(&[
    m("__next__", |vm, this, _, _| match vm.iter_step(this)? {
        Step::Yield(v) => Ok(v),
        Step::Return(v) => Err(vm.stop_iteration(v)),
    }),
    m("__iter__", |_, this, _, _| Ok(this.clone())),
    m("send", |vm, this, a, _| {
        let v = a.first().cloned().unwrap_or(Value::None);
        if !v.is_none() {
            if let Value::Iter(rc) = this {
                if let IterObj::YieldOnce { yielded: false, .. } = &*rc.borrow() {
                    return Err(
                        vm.type_error("can't send non-None value to a just-started iterator")
                    );
                }
            }
        }
        match vm.iter_step(this)? {
            Step::Yield(v) => Ok(v),
            Step::Return(v) => Err(vm.stop_iteration(v)),
        }
    }),
    m("throw", |vm, this, a, _| {
        let e = a.first().cloned().unwrap_or(Value::None);
        let e = vm.make_raisable(e)?;
        if let Value::Iter(rc) = this {
            let name = iter_name(rc.borrow().type_name());
            *rc.borrow_mut() = IterObj::Exhausted(name);
        }
        Err(Error::Exception(e))
    }),
    m("close", |_, this, _, _| {
        if let Value::Iter(rc) = this {
            let name = iter_name(rc.borrow().type_name());
            *rc.borrow_mut() = IterObj::Exhausted(name);
        }
        Ok(Value::None)
    }),
    m("__await__", |_, this, _, _| Ok(this.clone())),
]);
