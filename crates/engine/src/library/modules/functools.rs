//! The `functools` module (`partial`, `reduce`, `wraps`).


use crate::library::builtins::nargs;
use crate::library::modules::reg;
use crate::vm::value::*;
use crate::vm::{Error, Vm};

/// Builds the module on first import.
pub(crate) fn make_module(vm: &mut Vm) -> Result<Value, Error> {
    let (m, g) = vm.new_module("functools");
    reg(vm, &g, "partial", |vm, a, kw| {
        let Some(f) = a.first().cloned() else {
            return Err(vm.type_error("partial() missing required argument 'func'"));
        };
        let pre: Vec<Value> = a[1..].to_vec();
        let prekw: Vec<(crate::ast::Name, Value)> = kw.to_vec();
        Ok(vm.native_fn("partial", move |vm, args, kw2| {
            let mut all = pre.clone();
            all.extend(args.iter().cloned());
            let mut k = prekw.clone();
            for (n, v) in kw2 {
                k.retain(|(x, _)| x != n);
                k.push((n.clone(), v.clone()));
            }
            vm.call(&f, all, k)
        }))
    });
    reg(vm, &g, "reduce", |vm, a, _| {
        nargs(vm, "reduce", a, 2, 3)?;
        let items = vm.iterate(&a[1])?;
        let mut it = items.into_iter();
        let mut acc = match a.get(2) {
            Some(v) => v.clone(),
            None => match it.next() {
                Some(v) => v,
                None => {
                    return Err(
                        vm.type_error("reduce() of empty iterable with no initial value")
                    )
                }
            },
        };
        for x in it {
            acc = vm.call(&a[0], vec![acc, x], vec![])?;
        }
        Ok(acc)
    });
    reg(vm, &g, "wraps", |vm, a, _| {
        let wrapped = a.first().cloned().unwrap_or(Value::None);
        Ok(vm.native_fn("wraps", move |vm, args, _| {
            let f = args.first().cloned().unwrap_or(Value::None);
            for attr in ["__name__", "__qualname__"] {
                let n = vm.intern(attr);
                if let Ok(v) = vm.getattr(&wrapped, &n) {
                    let _ = vm.setattr(&f, &n, v);
                }
            }
            Ok(f)
        }))
    });
    Ok(m)
}
