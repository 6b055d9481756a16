//! `_weakref`: the weak references under `weakref` (written in Python,
//! `weakref.py`). Looplab's objects are reference-counted, so a weak
//! reference is an honest `std::rc::Weak`: it dies with the last strong
//! reference. Only instances of classes can be referred to weakly (as in
//! CPython, where lists, dicts, ints and strings cannot either).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use crate::vm::library::builtins::nargs;
use crate::vm::library::modules::reg;
use crate::vm::value::*;
use crate::vm::{Error, Vm};

struct Table {
    next: i64,
    refs: HashMap<i64, Weak<Instance>>,
}

thread_local! {
    /// Weak references by key (the key is what `weakref.ref` keeps).
    static REFS: RefCell<Table> = RefCell::new(Table { next: 1, refs: HashMap::new() });
}

/// Builds the module on first import.
pub(crate) fn make_module(vm: &mut Vm) -> Result<Value, Error> {
    let (m, g) = vm.new_module("_weakref");
    // new(obj) -> key
    reg(vm, &g, "new", |vm, a, _| {
        nargs(vm, "new", a, 1, 1)?;
        let Value::Instance(inst) = &a[0] else {
            let t = vm.type_name(&a[0]);
            return Err(vm.type_error(format!("cannot create weak reference to '{t}' object")));
        };
        let w = Rc::downgrade(inst);
        let key = REFS.with(|t| {
            let mut t = t.borrow_mut();
            if t.refs.len() >= 1024 {
                t.refs.retain(|_, w| w.strong_count() > 0);
            }
            let k = t.next;
            t.next += 1;
            t.refs.insert(k, w);
            k
        });
        Ok(Value::Int(key))
    });
    // get(key) -> the object, or None once it has died
    reg(vm, &g, "get", |vm, a, _| {
        nargs(vm, "get", a, 1, 1)?;
        let Value::Int(k) = a[0] else {
            return Ok(Value::None);
        };
        let obj = REFS.with(|t| t.borrow().refs.get(&k).and_then(|w| w.upgrade()));
        Ok(obj.map_or(Value::None, Value::Instance))
    });
    Ok(m)
}
