//! The `traceback` module.

use std::rc::Rc;

use crate::vm::library::modules::reg;
use crate::vm::value::*;
use crate::vm::{Error, Vm};

/// Builds the module on first import.
pub(crate) fn make_module(vm: &mut Vm) -> Result<Value, Error> {
    let (m, g) = vm.new_module("traceback");
    reg(vm, &g, "format_exc", |vm, _, _| {
        let text = match vm.current_handled() {
            Some(e) => vm.format_exception(&e),
            None => "NoneType: None\n".to_string(),
        };
        Ok(Value::Str(Rc::from(text)))
    });
    reg(vm, &g, "print_exc", |vm, _, _| {
        let text = match vm.current_handled() {
            Some(e) => vm.format_exception(&e),
            None => "NoneType: None\n".to_string(),
        };
        vm.write(crate::vm::Stream::Stderr, &text)?;
        Ok(Value::None)
    });
    reg(vm, &g, "format_exception", |vm, a, _| {
        let e = a.last().cloned().unwrap_or(Value::None);
        let e = if vm.exc_data(&e).is_some() {
            e
        } else {
            a.first().cloned().unwrap_or(Value::None)
        };
        let text = vm.format_exception(&e);
        let lines: Vec<Value> = text
            .split_inclusive('\n')
            .map(|l| Value::Str(Rc::from(l)))
            .collect();
        Ok(Value::list(lines))
    });
    reg(vm, &g, "print_exception", |vm, a, _| {
        let e = a.last().cloned().unwrap_or(Value::None);
        let e = if vm.exc_data(&e).is_some() {
            e
        } else {
            a.first().cloned().unwrap_or(Value::None)
        };
        let text = vm.format_exception(&e);
        vm.write(crate::vm::Stream::Stderr, &text)?;
        Ok(Value::None)
    });
    reg(vm, &g, "format_exception_only", |vm, a, _| {
        let e = a.last().cloned().unwrap_or(Value::None);
        let line = vm.exception_line(&e);
        Ok(Value::list(vec![Value::Str(Rc::from(format!("{line}\n")))]))
    });
    Ok(m)
}
