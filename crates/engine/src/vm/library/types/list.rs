//! Methods of `list`.

use super::object;
use super::{m, this, tuple, Kw, Table};
use crate::ast::CmpOp;
use crate::vm::value::*;
use crate::vm::{Error, Vm};

pub static METHODS: Table = Table::new(&[
    m("append", |vm, this, a, _| {
        let l = this!(this, Value::List);
        if a.len() != 1 {
            return Err(vm.type_error(format!(
                "list.append() takes exactly one argument ({} given)",
                a.len()
            )));
        }
        let mut lb = l.borrow_mut();
        if lb.len() >= vm.limits.max_collection_len {
            drop(lb);
            return Err(vm.memory_error());
        }
        lb.push(a[0].clone());
        Ok(Value::None)
    }),
    m("extend", |vm, this, a, _| {
        let l = this!(this, Value::List);
        let items = vm.iterate(a.first().unwrap_or(&Value::empty_tuple()))?;
        let n = l.borrow().len() + items.len();
        vm.check_len(n)?;
        l.borrow_mut().extend(items);
        Ok(Value::None)
    }),
    m("insert", |vm, this, a, _| {
        let l = this!(this, Value::List);
        if a.len() != 2 {
            return Err(vm.type_error(format!("insert expected 2 arguments, got {}", a.len())));
        }
        let i = vm.as_i64(&a[0])?;
        let mut lb = l.borrow_mut();
        let n = lb.len() as i64;
        let idx = if i < 0 { (i + n).max(0) } else { i.min(n) };
        lb.insert(idx as usize, a[1].clone());
        Ok(Value::None)
    }),
    m("pop", |vm, this, a, _| {
        let l = this!(this, Value::List);
        let mut lb = l.borrow_mut();
        if lb.is_empty() {
            drop(lb);
            return Err(vm.index_error("pop from empty list"));
        }
        let i = match a.first() {
            Some(v) => {
                let v = v.clone();
                drop(lb);
                let i = vm.as_i64(&v)?;
                lb = l.borrow_mut();
                i
            }
            None => -1,
        };
        match crate::vm::ops::norm_index(i, lb.len()) {
            Some(i) => Ok(lb.remove(i)),
            None => {
                drop(lb);
                Err(vm.index_error("pop index out of range"))
            }
        }
    }),
    m("remove", |vm, this, a, _| {
        let l = this!(this, Value::List);
        let x = a.first().cloned().unwrap_or(Value::None);
        let items = l.borrow().clone();
        for (i, y) in items.iter().enumerate() {
            if y.is(&x) || vm.eq(y, &x)? {
                l.borrow_mut().remove(i);
                return Ok(Value::None);
            }
        }
        Err(vm.value_error("list.remove(x): x not in list"))
    }),
    m("index", |vm, this, a, _| {
        let items = this!(this, Value::List).borrow().clone();
        match tuple::seq_index(vm, &items, a) {
            Err(Error::Exception(_)) => {
                let r = vm.repr(a.first().unwrap_or(&Value::None))?;
                Err(vm.value_error(format!("{r} is not in list")))
            }
            other => other,
        }
    }),
    m("count", |vm, this, a, _| {
        let items = this!(this, Value::List).borrow().clone();
        tuple::seq_count(vm, &items, a)
    }),
    m("sort", |vm, this, a, kw| {
        if !a.is_empty() {
            return Err(vm.type_error("sort() takes no positional arguments"));
        }
        list_sort(vm, this, kw)?;
        Ok(Value::None)
    }),
    m("reverse", |_, this, _, _| {
        this!(this, Value::List).borrow_mut().reverse();
        Ok(Value::None)
    }),
    m("copy", |_, this, _, _| {
        Ok(Value::list(this!(this, Value::List).borrow().clone()))
    }),
    m("clear", |_, this, _, _| {
        this!(this, Value::List).borrow_mut().clear();
        Ok(Value::None)
    }),
    m("__len__", object::len),
    m("__getitem__", object::getitem),
    m("__setitem__", object::setitem),
    m("__contains__", object::contains),
    m("__iter__", object::iter),
    m("__add__", object::add),
    m("__mul__", object::mul),
    m("__delitem__", object::delitem),
]);

pub(crate) fn list_sort(vm: &mut Vm, l: &Value, kw: Kw) -> Result<(), Error> {
    let Value::List(list) = l else { return Ok(()) };
    let mut key = None;
    let mut reverse = false;
    for (k, v) in kw {
        match &**k {
            "key" => {
                if !v.is_none() {
                    key = Some(v.clone())
                }
            }
            "reverse" => reverse = vm.truthy(v)?,
            other => {
                return Err(vm.type_error(format!(
                    "'{other}' is an invalid keyword argument for sort()"
                )))
            }
        }
    }
    let items = std::mem::take(&mut *list.borrow_mut());
    let keys = match &key {
        Some(f) => {
            let mut keys = Vec::with_capacity(items.len());
            for x in items.iter() {
                match vm.call(f, vec![x.clone()], vec![]) {
                    Ok(k) => keys.push(k),
                    Err(e) => {
                        *list.borrow_mut() = items;
                        return Err(e);
                    }
                }
            }
            Some(keys)
        }
        None => None,
    };
    // CPython sorts in reverse by reversing, sorting stably and reversing
    // again, so equal items keep their order either way.
    let n = items.len();
    let mut order: Vec<usize> = if reverse {
        (0..n).rev().collect()
    } else {
        (0..n).collect()
    };
    let mut err = None;
    let mut scratch = vec![0; n];
    merge_sort(
        vm,
        keys.as_deref().unwrap_or(&items),
        &mut order,
        &mut scratch,
        &mut err,
    );
    if let Some(e) = err {
        *list.borrow_mut() = items;
        return Err(e);
    }
    if reverse {
        order.reverse();
    }
    *list.borrow_mut() = order.iter().map(|&i| items[i].clone()).collect();
    Ok(())
}

fn less(vm: &mut Vm, a: &Value, b: &Value, err: &mut Option<Error>) -> bool {
    if err.is_some() {
        return false;
    }
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => return x < y,
        (Value::Str(x), Value::Str(y)) => return x < y,
        _ => {}
    }
    match vm.compare(a, b, CmpOp::Lt).and_then(|r| vm.truthy(&r)) {
        Ok(r) => r,
        Err(e) => {
            *err = Some(e);
            false
        }
    }
}

/// A stable merge sort by Python's `<` of the positions `order` into
/// `keys`, `scratch` its working room (as long as `order`). Hand-written
/// because the standard library's sorts may panic when the comparison is
/// not a total order, which a class's `__lt__` need not be; positions are
/// sorted rather than values so that no reference count moves while
/// sorting. An error stops the comparing (`less` then answers false).
fn merge_sort(
    vm: &mut Vm,
    keys: &[Value],
    order: &mut [usize],
    scratch: &mut [usize],
    err: &mut Option<Error>,
) {
    let n = order.len();
    if n <= 16 {
        for i in 1..n {
            let mut j = i;
            while j > 0 && less(vm, &keys[order[j]], &keys[order[j - 1]], err) {
                order.swap(j, j - 1);
                j -= 1;
            }
        }
        return;
    }
    let mid = n / 2;
    {
        let (left, right) = order.split_at_mut(mid);
        let (sl, sr) = scratch.split_at_mut(mid);
        merge_sort(vm, keys, left, sl, err);
        merge_sort(vm, keys, right, sr, err);
    }
    // Halves already in order (a sorted or nearly sorted list): no merge.
    if !less(vm, &keys[order[mid]], &keys[order[mid - 1]], err) {
        return;
    }
    scratch[..n].copy_from_slice(order);
    let (left, right) = scratch[..n].split_at(mid);
    let (mut i, mut j) = (0, 0);
    for slot in order.iter_mut() {
        let take_right =
            j < right.len() && (i == left.len() || less(vm, &keys[right[j]], &keys[left[i]], err));
        if take_right {
            *slot = right[j];
            j += 1;
        } else {
            *slot = left[i];
            i += 1;
        }
    }
}
