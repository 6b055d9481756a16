//! The `sys` module.

use std::rc::Rc;

use crate::library::modules::reg;
use crate::vm::value::*;
use crate::vm::{Error, Vm};

/// Builds the module on first import.
pub(crate) fn make_module(vm: &mut Vm) -> Result<Value, Error> {
    let (m, g) = vm.new_module("sys");
    g.set_str("version", Value::str("3.11.7 (Looplab)"));
    g.set_str("platform", Value::str("looplab"));
    g.set_str("maxsize", Value::Int(i64::MAX));
    g.set_str(
        "version_info",
        Value::tuple(vec![
            Value::Int(3),
            Value::Int(11),
            Value::Int(7),
            Value::str("final"),
            Value::Int(0),
        ]),
    );
    for (name, stream) in [("stdout", "stdout"), ("stderr", "stderr")] {
        let cls = vm.stream_class();
        let s = vm.new_instance(&cls, vec![]);
        if let Value::Instance(i) = &s {
            i.dict
                .borrow_mut()
                .insert(Rc::from("_stream"), Value::str(stream));
        }
        g.set_str(name, s);
    }
    reg(vm, &g, "get_int_max_str_digits", |vm, a, _| {
        crate::library::builtins::nargs(vm, "get_int_max_str_digits", a, 0, 0)?;
        Ok(Value::Int(crate::pylib::bigint::max_str_digits() as i64))
    });
    reg(vm, &g, "set_int_max_str_digits", |vm, a, kw| {
        let n = match (a.first(), kw.first()) {
            (Some(v), _) => v.clone(),
            (None, Some((k, v))) if &**k == "maxdigits" => v.clone(),
            _ => {
                return Err(vm.type_error(
                    "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)",
                ))
            }
        };
        let n = vm.as_i64(&n)?;
        crate::pylib::bigint::set_max_str_digits(n).map_err(|e| vm.pyerr(e))?;
        Ok(Value::None)
    });
    reg(vm, &g, "set_asyncgen_hooks", |vm, a, kw| {
        let mut hooks = vm.asyncgen_hooks.clone();
        if let Some(f) = a.first() {
            hooks.0 = Some(f.clone()).filter(|v| !v.is_none());
        }
        if let Some(f) = a.get(1) {
            hooks.1 = Some(f.clone()).filter(|v| !v.is_none());
        }
        for (k, v) in kw {
            let v = Some(v.clone()).filter(|v| !v.is_none());
            match &**k {
                "firstiter" => hooks.0 = v,
                "finalizer" => hooks.1 = v,
                _ => {}
            }
        }
        vm.asyncgen_hooks = hooks;
        Ok(Value::None)
    });
    reg(vm, &g, "get_asyncgen_hooks", |vm, _, _| {
        let (a, b) = vm.asyncgen_hooks.clone();
        Ok(Value::tuple(vec![
            a.unwrap_or(Value::None),
            b.unwrap_or(Value::None),
        ]))
    });
    reg(vm, &g, "getrecursionlimit", |vm, _, _| {
        Ok(Value::Int(vm.limits.max_recursion as i64))
    });
    reg(vm, &g, "setrecursionlimit", |vm, a, _| {
        let n = vm.as_i64(a.first().unwrap_or(&Value::Int(1000)))?;
        vm.limits.max_recursion = n.clamp(10, 5000) as usize;
        Ok(Value::None)
    });
    reg(vm, &g, "exit", |vm, a, _| {
        let c = vm.types.system_exit.clone();
        Err(vm.new_error_args(&c, a.to_vec()))
    });
    Ok(m)
}

impl Vm {
    fn stream_class(&mut self) -> Rc<Class> {
        let write = self.native_fn("write", |vm, a, _| {
            let is_err = matches!(&a[0], Value::Instance(i) if matches!(i.dict.borrow().get("_stream"), Some(Value::Str(s)) if &**s == "stderr"));
            let text = match a.get(1) {
                Some(Value::Str(s)) => s.to_string(),
                Some(other) => {
                    let t = vm.type_name(other);
                    return Err(vm.type_error(format!("write() argument must be str, not {t}")));
                }
                None => return Err(vm.type_error("write() takes exactly one argument (0 given)")),
            };
            let n = text.chars().count();
            vm.write(if is_err { crate::vm::Stream::Stderr } else { crate::vm::Stream::Stdout }, &text)?;
            Ok(Value::Int(n as i64))
        });
        let flush = self.native_fn("flush", |_, _, _| Ok(Value::None));
        self.helper_class(
            " TextIO",
            "TextIOWrapper",
            "io",
            vec![("write", write), ("flush", flush)],
        )
    }
}
