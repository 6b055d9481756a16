//! The `threading` module (thread identity; threads themselves are run
//! by the event-loop glue).

use std::rc::Rc;

use crate::library::modules::reg;
use crate::vm::value::*;
use crate::vm::{Error, Vm};

/// Builds the module on first import.
pub(crate) fn make_module(vm: &mut Vm) -> Result<Value, Error> {
    let (m, g) = vm.new_module("threading");
    reg(vm, &g, "get_ident", |vm, _, _| {
        Ok(Value::Int(match vm.current_fiber {
            Some(f) => 0x7000_0000 + f as i64 + 1,
            None => 0x7000_0000,
        }))
    });
    reg(vm, &g, "current_thread", |vm, _, _| {
        let name = match vm.current_fiber {
            Some(f) => vm
                .fiber_names
                .get(f)
                .cloned()
                .unwrap_or_else(|| format!("asyncio_{f}")),
            None => "MainThread".to_string(),
        };
        let cls = vm.thread_class();
        let t = vm.new_instance(&cls, vec![]);
        if let Value::Instance(i) = &t {
            i.dict
                .borrow_mut()
                .insert(Rc::from("name"), Value::Str(Rc::from(name)));
        }
        Ok(t)
    });
    reg(vm, &g, "main_thread", |vm, _, _| {
        let cls = vm.thread_class();
        let t = vm.new_instance(&cls, vec![]);
        if let Value::Instance(i) = &t {
            i.dict
                .borrow_mut()
                .insert(Rc::from("name"), Value::str("MainThread"));
        }
        Ok(t)
    });
    reg(vm, &g, "active_count", |vm, _, _| {
        Ok(Value::Int(
            1 + vm.fibers.iter().filter(|f| !f.done).count() as i64,
        ))
    });
    Ok(m)
}

impl Vm {
    pub(crate) fn thread_class(&mut self) -> Rc<Class> {
        let repr = self.native_fn("__repr__", |vm, a, _| {
            let n = vm.intern("name");
            let name = vm.getattr(&a[0], &n)?;
            let s = vm.str_of(&name)?;
            Ok(Value::Str(Rc::from(format!("<_MainThread({s}, started)>"))))
        });
        self.helper_class(" Thread", "Thread", "threading", vec![("__repr__", repr)])
    }
}
