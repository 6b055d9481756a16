//! Methods of `dict`.

use std::rc::Rc;

use super::object;
use super::{m, this, Table};
use crate::vm::dict::Dict;
use crate::vm::value::*;
use crate::vm::{Error, Vm};

pub static METHODS: Table = Table::new(&[
    m("get", |vm, this, a, _| {
        let d = this!(this, Value::Dict);
        let Some(k) = a.first() else {
            return Err(vm.type_error("get expected at least 1 argument, got 0"));
        };
        Ok(match vm.dict_get(d, k)? {
            Some(v) => v,
            None => a.get(1).cloned().unwrap_or(Value::None),
        })
    }),
    m("keys", |_, this, _, _| view(this, ViewKind::Keys)),
    m("values", |_, this, _, _| view(this, ViewKind::Values)),
    m("items", |_, this, _, _| view(this, ViewKind::Items)),
    m("pop", |vm, this, a, _| {
        let d = this!(this, Value::Dict);
        let Some(k) = a.first() else {
            return Err(vm.type_error("pop expected at least 1 argument, got 0"));
        };
        match vm.dict_remove(d, k)? {
            Some(v) => Ok(v),
            None => match a.get(1) {
                Some(dflt) => Ok(dflt.clone()),
                None => Err(vm.key_error(k.clone())),
            },
        }
    }),
    m("popitem", |vm, this, _, _| {
        let r = this!(this, Value::Dict).borrow_mut().pop_last();
        match r {
            Some((k, v)) => Ok(Value::tuple(vec![k, v])),
            None => {
                let c = vm.types.key_error.clone();
                Err(vm.new_error(&c, "popitem(): dictionary is empty"))
            }
        }
    }),
    m("setdefault", |vm, this, a, _| {
        let d = this!(this, Value::Dict);
        let Some(k) = a.first() else {
            return Err(vm.type_error("setdefault expected at least 1 argument, got 0"));
        };
        match vm.dict_get(d, k)? {
            Some(v) => Ok(v),
            None => {
                let dflt = a.get(1).cloned().unwrap_or(Value::None);
                vm.dict_insert(d, k.clone(), dflt.clone())?;
                Ok(dflt)
            }
        }
    }),
    m("update", |vm, this, a, kw| {
        let d = this!(this, Value::Dict);
        if let Some(src) = a.first() {
            dict_update(vm, this, src)?;
        }
        for (k, v) in kw {
            vm.dict_insert(d, Value::Str(k.clone()), v.clone())?;
        }
        Ok(Value::None)
    }),
    m("copy", |_, this, _, _| {
        Ok(Value::dict(this!(this, Value::Dict).borrow().clone()))
    }),
    m("clear", |_, this, _, _| {
        this!(this, Value::Dict).borrow_mut().clear();
        Ok(Value::None)
    }),
    m("fromkeys", |vm, _, a, _| {
        let keys = vm.iterate(a.first().unwrap_or(&Value::empty_tuple()))?;
        let v = a.get(1).cloned().unwrap_or(Value::None);
        let mut nd = Dict::new();
        for k in keys {
            vm.dict_set(&mut nd, k, v.clone())?;
        }
        Ok(Value::dict(nd))
    }),
    m("__len__", object::len),
    m("__getitem__", object::getitem),
    m("__setitem__", object::setitem),
    m("__contains__", object::contains),
    m("__iter__", object::iter),
    m("__delitem__", object::delitem),
]);

fn view(this: &Value, kind: ViewKind) -> Result<Value, Error> {
    let d = this!(this, Value::Dict);
    Ok(Value::DictView(Rc::new((d.clone(), kind))))
}

pub(crate) fn dict_update(vm: &mut Vm, d: &Value, src: &Value) -> Result<(), Error> {
    let Value::Dict(dst) = d else { return Ok(()) };
    match src {
        Value::Dict(s) => {
            let items = s.borrow().items();
            for (k, v) in items {
                vm.dict_insert(dst, k, v)?;
            }
        }
        Value::Instance(_) if vm.lookup_special_bound(src, "keys").is_some() => {
            vm.dict_update_op(d, src, false)?;
        }
        _ => {
            let items = vm.iterate(src)?;
            for (i, it) in items.into_iter().enumerate() {
                let pair = match &it {
                    Value::Tuple(t) => t.to_vec(),
                    Value::List(l) => l.borrow().clone(),
                    other => {
                        if vm.is_iterable(other) {
                            vm.iterate(other)?
                        } else {
                            return Err(vm.type_error(format!(
                                "cannot convert dictionary update sequence element #{i} to a sequence"
                            )));
                        }
                    }
                };
                if pair.len() != 2 {
                    return Err(vm.value_error(format!(
                        "dictionary update sequence element #{i} has length {}; 2 is required",
                        pair.len()
                    )));
                }
                vm.dict_insert(dst, pair[0].clone(), pair[1].clone())?;
            }
        }
    }
    Ok(())
}
