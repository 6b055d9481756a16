//! The `builtins` namespace: functions (`print`, `len`, `sorted`, …),
//! built-in type constructors, exception classes, and the methods of
//! generator/coroutine and exception objects.
//!
//! Adding a builtin function = one `("name", body)` row in one of the
//! tables `FUNCTIONS` lists (`OBJECTS`, `ITERATION`, …); `install`
//! registers every row.

use std::cell::RefCell;
use std::rc::Rc;

use crate::ast::Name;
use crate::pylib;
use crate::vm::dict::Dict;
use crate::vm::value::*;
use crate::vm::{Error, Resume, Stream, Vm};

type Kw<'a> = &'a [(Name, Value)];

use crate::vm::library::modules::NativeFnPtr;

fn kwarg<'a>(kw: Kw<'a>, name: &str) -> Option<&'a Value> {
    kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v)
}

pub(crate) fn check_no_kw(vm: &mut Vm, fname: &str, kw: Kw) -> Result<(), Error> {
    if let Some((k, _)) = kw.first() {
        return Err(vm.type_error(format!(
            "{fname}() got an unexpected keyword argument '{k}'"
        )));
    }
    Ok(())
}

pub(crate) fn nargs(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    min: usize,
    max: usize,
) -> Result<(), Error> {
    let n = args.len();
    if n < min || n > max {
        let msg = if min == max {
            if min == 1 {
                format!("{fname}() takes exactly one argument ({n} given)")
            } else {
                format!("{fname} expected {min} arguments, got {n}")
            }
        } else if n < min {
            format!(
                "{fname} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{fname} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

/// The fake address `id()` reports for an instance (16-byte aligned, like
/// CPython's objects).
pub(crate) fn instance_addr(i: &Instance) -> i64 {
    0x7f00_0000_0000 + i.id as i64 * 16
}

/// The builtin functions, every table below in order.
static FUNCTIONS: &[&[(&str, NativeFnPtr)]] = &[
    OBJECTS,
    ITERATION,
    ARITHMETIC,
    INTROSPECTION,
    TEXT,
    NAMESPACES,
];

/// Fills the `builtins` namespace of a new VM.
pub fn install(vm: &mut Vm) {
    for table in FUNCTIONS {
        for &(name, f) in *table {
            let v = vm.native_fn(name, f);
            vm.builtins.set_str(name, v);
        }
    }
    if let Some(Value::Builtin(b)) = vm.builtins.get("len") {
        vm.builtin_len = Some(b);
    }
    install_types(vm);
    install_exception_methods(vm);
}

/// The builtin types and constants (`int`, `range`, `ValueError`, `None`, …).
fn install_types(vm: &mut Vm) {
    let b = vm.builtins.clone();
    // Types
    let t = &vm.types;
    let types: Vec<(&str, Rc<Class>)> = vec![
        ("object", t.object.clone()),
        ("type", t.type_.clone()),
        ("int", t.int.clone()),
        ("bool", t.bool_.clone()),
        ("float", t.float.clone()),
        ("str", t.str_.clone()),
        ("bytes", t.bytes.clone()),
        ("bytearray", t.bytearray.clone()),
        ("list", t.list.clone()),
        ("tuple", t.tuple.clone()),
        ("dict", t.dict.clone()),
        ("set", t.set.clone()),
        ("frozenset", t.frozenset.clone()),
        ("slice", t.slice.clone()),
        ("property", t.property.clone()),
        ("staticmethod", t.staticmethod.clone()),
        ("classmethod", t.classmethod.clone()),
        ("super", t.super_.clone()),
    ];
    for (n, c) in types {
        b.set_str(n, Value::Class(c));
    }
    b.set_str("range", Value::Class(vm.types.range.clone()));
    let range_fn = vm.builtins.get("range");
    if let Some(f) = range_fn {
        vm.types
            .range
            .dict
            .borrow_mut()
            .insert(Rc::from("__new__"), f);
        b.set_str("range", Value::Class(vm.types.range.clone()));
    }
    // The iterator types a program calls: classes (`isinstance(x, map)`),
    // made by the builtin function of the same name.
    for name in ["enumerate", "zip", "map", "filter", "reversed"] {
        let c = vm.types.iterator_class(name);
        if let Some(f) = vm.builtins.get(name) {
            c.dict.borrow_mut().insert(Rc::from("__new__"), f);
        }
        b.set_str(name, Value::Class(c));
    }
    for c in vm.types.exceptions.clone() {
        b.set_str(&c.name, Value::Class(c.clone()));
    }
    b.set_str("EnvironmentError", Value::Class(vm.types.os_error.clone()));
    b.set_str("IOError", Value::Class(vm.types.os_error.clone()));
    b.set_str("None", Value::None);
    b.set_str("True", Value::Bool(true));
    b.set_str("False", Value::Bool(false));
    b.set_str("Ellipsis", Value::Ellipsis);
    b.set_str("NotImplemented", Value::NotImplemented);
    b.set_str("__name__", Value::str("builtins"));
    b.set_str("__debug__", Value::Bool(true));
}

/// `BaseException.__init__` and `BaseExceptionGroup.__new__`/`__init__`.
fn install_exception_methods(vm: &mut Vm) {
    // BaseException.__init__ stores args.
    let init = vm.native_fn("__init__", |vm, a, _| {
        if let Some(d) = a.first().and_then(|s| vm.exc_data(s)) {
            d.borrow_mut().args = a[1..].to_vec();
        }
        Ok(Value::None)
    });
    vm.types
        .base_exception
        .dict
        .borrow_mut()
        .insert(Rc::from("__init__"), init);
    // ExceptionGroup(msg, excs) validation.
    let eg_new = vm.native_fn("__new__", |vm, a, _| {
        let Some(Value::Class(cls)) = a.first() else {
            return Err(vm.type_error("bad ExceptionGroup call"));
        };
        let cls = cls.clone();
        if a.len() != 3 {
            return Err(vm.type_error(format!(
                "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
                a.len() - 1
            )));
        }
        if !matches!(a[1], Value::Str(_)) {
            return Err(
                vm.type_error("argument 1 must be str, not ".to_string() + &vm.type_name(&a[1]))
            );
        }
        let excs = match &a[2] {
            Value::List(_) | Value::Tuple(_) => vm.iterate(&a[2])?,
            _ => return Err(vm.type_error("second argument (exceptions) must be a sequence")),
        };
        if excs.is_empty() {
            return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
        }
        let exc_cls = vm.types.exception.clone();
        let mut all_exc = true;
        for (i, e) in excs.iter().enumerate() {
            if vm.exc_data(e).is_none() {
                return Err(vm.value_error(format!(
                    "Item {i} of second argument (exceptions) is not an exception"
                )));
            }
            if !vm.is_instance_of(e, &exc_cls) {
                all_exc = false;
            }
        }
        let eg = vm.types.exception_group.clone();
        let cls = if Rc::ptr_eq(&cls, &vm.types.base_exception_group) && all_exc {
            eg
        } else {
            cls
        };
        if cls.is_subclass(&vm.types.exception_group.clone()) && !all_exc {
            return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
        Ok(vm.new_instance(&cls, vec![a[1].clone(), a[2].clone()]))
    });
    vm.types
        .base_exception_group
        .dict
        .borrow_mut()
        .insert(Rc::from("__new__"), Value::StaticMethod(Rc::new(eg_new)));
    let eg_init = vm.native_fn("__init__", |_, _, _| Ok(Value::None));
    vm.types
        .base_exception_group
        .dict
        .borrow_mut()
        .insert(Rc::from("__init__"), eg_init);
}

/// Builtin functions: printing, identity and hashing of any object.
static OBJECTS: &[(&str, NativeFnPtr)] = &[
    ("print", bi_print),
    ("len", bi_len),
    ("repr", |vm, a, _| {
        nargs(vm, "repr", a, 1, 1)?;
        Ok(Value::Str(Rc::from(vm.repr(&a[0])?)))
    }),
    ("ascii", |vm, a, _| {
        nargs(vm, "ascii", a, 1, 1)?;
        Ok(Value::Str(Rc::from(vm.ascii(&a[0])?)))
    }),
    ("hash", |vm, a, _| {
        nargs(vm, "hash", a, 1, 1)?;
        Ok(Value::Int(vm.hash(&a[0])?))
    }),
    ("id", |vm, a, _| {
        nargs(vm, "id", a, 1, 1)?;
        Ok(Value::Int(match &a[0] {
            Value::Instance(i) => instance_addr(i),
            other => other.ptr().unwrap_or(0) as i64 & 0xffff_ffff_ffff,
        }))
    }),
    ("abs", |vm, a, _| {
        nargs(vm, "abs", a, 1, 1)?;
        match &a[0] {
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => vm.int_abs(&a[0]),
            Value::Float(f) => Ok(Value::Float(f.abs())),
            other => match vm.lookup_special_bound(other, "__abs__") {
                Some(f) => vm.call(&f, vec![], vec![]),
                None => {
                    let t = vm.type_name(other);
                    Err(vm.type_error(format!("bad operand type for abs(): '{t}'")))
                }
            },
        }
    }),
];

/// Builtin functions: iterables and iterators.
static ITERATION: &[(&str, NativeFnPtr)] = &[
    ("range", bi_range),
    ("enumerate", |vm, a, kw| {
        let start = match (a.get(1), kwarg(kw, "start")) {
            (Some(v), _) | (None, Some(v)) => match v {
                Value::BigInt(_) => v.clone(),
                _ => Value::Int(vm.as_i64(v)?),
            },
            _ => Value::Int(0),
        };
        let Some(x) = a.first() else {
            return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
        };
        let it = vm.get_iter(x)?;
        Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Enumerate(
            it, start,
        )))))
    }),
    ("zip", |vm, a, kw| {
        let strict = matches!(kwarg(kw, "strict"), Some(Value::Bool(true)));
        let mut its = Vec::new();
        for x in a {
            its.push(vm.get_iter(x)?);
        }
        Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Zip(
            its, strict,
        )))))
    }),
    ("map", |vm, a, _| {
        if a.len() < 2 {
            return Err(vm.type_error("map() must have at least two arguments."));
        }
        let mut its = Vec::new();
        for x in &a[1..] {
            its.push(vm.get_iter(x)?);
        }
        Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Map(
            a[0].clone(),
            its,
        )))))
    }),
    ("filter", |vm, a, _| {
        nargs(vm, "filter", a, 2, 2)?;
        let it = vm.get_iter(&a[1])?;
        Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Filter(
            a[0].clone(),
            it,
        )))))
    }),
    ("reversed", |vm, a, _| {
        nargs(vm, "reversed", a, 1, 1)?;
        match &a[0] {
            Value::List(l) => {
                let n = l.borrow().len() as i64;
                Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Reversed(
                    a[0].clone(),
                    n - 1,
                )))))
            }
            Value::Tuple(t) => {
                let n = t.len() as i64;
                Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Reversed(
                    a[0].clone(),
                    n - 1,
                )))))
            }
            Value::Instance(_) if vm.lookup_special_bound(&a[0], "__reversed__").is_some() => {
                let f = vm
                    .lookup_special_bound(&a[0], "__reversed__")
                    .unwrap_or(Value::None);
                vm.call(&f, vec![], vec![])
            }
            Value::Instance(i) => {
                let c = i.class();
                let t = vm.type_name(&a[0]);
                if vm.special_lookup(&c, "__getitem__").is_none() {
                    return Err(vm.type_error(format!("'{t}' object is not reversible")));
                }
                let Some(len) = vm.special_lookup(&c, "__len__") else {
                    return Err(vm.type_error(format!("object of type '{t}' has no len()")));
                };
                let n = vm.call(&len, vec![a[0].clone()], vec![])?;
                let n = vm.as_i64(&n)?;
                if n < 0 {
                    return Err(vm.value_error("__len__() should return >= 0"));
                }
                Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Reversed(
                    a[0].clone(),
                    n - 1,
                )))))
            }
            Value::Str(_) | Value::Bytes(_) | Value::ByteArray(_) | Value::Range(_) => {
                let mut items = vm.iterate(&a[0])?;
                items.reverse();
                let name = match &a[0] {
                    Value::Range(_) => "range_iterator",
                    _ => "reversed",
                };
                Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Seq(
                    items,
                    0,
                    iter_name(name),
                )))))
            }
            Value::DictView(v) => {
                let it = vm.get_iter(&a[0])?;
                let mut items = vm.iterate(&it)?;
                items.reverse();
                let name = match v.1 {
                    ViewKind::Keys => "dict_reversekeyiterator",
                    ViewKind::Values => "dict_reversevalueiterator",
                    ViewKind::Items => "dict_reverseitemiterator",
                };
                Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Seq(
                    items,
                    0,
                    iter_name(name),
                )))))
            }
            Value::Dict(d) => {
                let mut items = d.borrow().keys();
                items.reverse();
                Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Seq(
                    items,
                    0,
                    iter_name("dict_reversekeyiterator"),
                )))))
            }
            other => {
                let t = vm.type_name(other);
                Err(vm.type_error(format!("'{t}' object is not reversible")))
            }
        }
    }),
    ("sorted", |vm, a, kw| {
        nargs(vm, "sorted", a, 1, 1)?;
        let items = vm.iterate(&a[0])?;
        let l = Value::list(items);
        crate::vm::library::types::list::list_sort(vm, &l, kw)?;
        Ok(l)
    }),
    ("min", |vm, a, kw| min_max(vm, a, kw, true)),
    ("max", |vm, a, kw| min_max(vm, a, kw, false)),
    ("sum", |vm, a, kw| {
        nargs(vm, "sum", a, 1, 2)?;
        let mut acc = a
            .get(1)
            .or(kwarg(kw, "start"))
            .cloned()
            .unwrap_or(Value::Int(0));
        if let Value::Str(_) = acc {
            return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
        }
        let it = vm.get_iter(&a[0])?;
        while let Some(x) = vm.next_of(&it)? {
            acc = vm.binary_op(acc, x, crate::ast::BinOp::Add)?;
        }
        Ok(acc)
    }),
    ("any", |vm, a, _| {
        nargs(vm, "any", a, 1, 1)?;
        let it = vm.get_iter(&a[0])?;
        while let Some(x) = vm.next_of(&it)? {
            if vm.truthy(&x)? {
                return Ok(Value::Bool(true));
            }
        }
        Ok(Value::Bool(false))
    }),
    ("all", |vm, a, _| {
        nargs(vm, "all", a, 1, 1)?;
        let it = vm.get_iter(&a[0])?;
        while let Some(x) = vm.next_of(&it)? {
            if !vm.truthy(&x)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    }),
];

/// Builtin functions: arithmetic.
static ARITHMETIC: &[(&str, NativeFnPtr)] = &[
    ("round", bi_round),
    ("divmod", |vm, a, _| {
        nargs(vm, "divmod", a, 2, 2)?;
        let q = vm.binary_op(a[0].clone(), a[1].clone(), crate::ast::BinOp::FloorDiv)?;
        let r = vm.binary_op(a[0].clone(), a[1].clone(), crate::ast::BinOp::Mod)?;
        Ok(Value::tuple(vec![q, r]))
    }),
    ("pow", |vm, a, _| {
        nargs(vm, "pow", a, 2, 3)?;
        if a.len() == 3 {
            if a.iter().all(|v| v.to_big().is_some()) {
                let (x, y, m) = (vm.as_big(&a[0])?, vm.as_big(&a[1])?, vm.as_big(&a[2])?);
                return pylib::bigint::pow_mod(&x, &y, &m)
                    .map(Value::from_big)
                    .map_err(|e| vm.pyerr(e));
            }
            return Err(
                vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
            );
        }
        vm.binary_op(a[0].clone(), a[1].clone(), crate::ast::BinOp::Pow)
    }),
];

/// Builtin functions: types, iteration protocols and attributes.
static INTROSPECTION: &[(&str, NativeFnPtr)] = &[
    ("isinstance", |vm, a, _| {
        nargs(vm, "isinstance", a, 2, 2)?;
        Ok(Value::Bool(isinstance(vm, &a[0], &a[1])?))
    }),
    ("issubclass", |vm, a, _| {
        nargs(vm, "issubclass", a, 2, 2)?;
        let Value::Class(c) = &a[0] else {
            return Err(vm.type_error("issubclass() arg 1 must be a class"));
        };
        let c = c.clone();
        Ok(Value::Bool(class_matches(vm, &c, &a[1])?))
    }),
    ("callable", |vm, a, _| {
        nargs(vm, "callable", a, 1, 1)?;
        Ok(Value::Bool(match &a[0] {
            Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => true,
            Value::Instance(i) => vm.special_lookup(&i.class(), "__call__").is_some(),
            _ => false,
        }))
    }),
    ("iter", |vm, a, _| {
        nargs(vm, "iter", a, 1, 2)?;
        if a.len() == 2 {
            let callable = vm.builtins.get("callable").unwrap_or(Value::None);
            let ok = vm.call(&callable, vec![a[0].clone()], vec![])?;
            if !vm.truthy(&ok)? {
                return Err(vm.type_error("iter(v, w): v must be callable"));
            }
            return Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Callable(
                a[0].clone(),
                a[1].clone(),
            )))));
        }
        vm.get_iter(&a[0])
    }),
    ("next", |vm, a, _| {
        nargs(vm, "next", a, 1, 2)?;
        if !is_iterator(&a[0]) {
            let t = vm.type_name(&a[0]);
            return Err(vm.type_error(format!("'{t}' object is not an iterator")));
        }
        match vm.iter_step(&a[0])? {
            crate::vm::ops::Step::Yield(v) => Ok(v),
            crate::vm::ops::Step::Return(v) => match a.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(vm.stop_iteration(v)),
            },
        }
    }),
    ("aiter", |vm, a, _| {
        nargs(vm, "aiter", a, 1, 1)?;
        vm.get_aiter(&a[0])
    }),
    ("anext", |vm, a, _| {
        nargs(vm, "anext", a, 1, 1)?;
        vm.get_anext(&a[0])
    }),
    ("getattr", |vm, a, _| {
        nargs(vm, "getattr", a, 2, 3)?;
        let Value::Str(n) = &a[1] else {
            return Err(vm.type_error("attribute name must be string"));
        };
        let n = vm.intern(n);
        match vm.getattr(&a[0], &n) {
            Ok(v) => Ok(v),
            Err(Error::Exception(e))
                if a.len() == 3 && vm.is_instance_of(&e, &vm.types.attribute_error.clone()) =>
            {
                Ok(a[2].clone())
            }
            Err(e) => Err(e),
        }
    }),
    ("setattr", |vm, a, _| {
        nargs(vm, "setattr", a, 3, 3)?;
        let Value::Str(n) = &a[1] else {
            return Err(vm.type_error("attribute name must be string"));
        };
        let n = vm.intern(n);
        vm.setattr(&a[0], &n, a[2].clone())?;
        Ok(Value::None)
    }),
    ("delattr", |vm, a, _| {
        nargs(vm, "delattr", a, 2, 2)?;
        let Value::Str(n) = &a[1] else {
            return Err(vm.type_error("attribute name must be string"));
        };
        let n = vm.intern(n);
        vm.delattr(&a[0], &n)?;
        Ok(Value::None)
    }),
    ("hasattr", |vm, a, _| {
        nargs(vm, "hasattr", a, 2, 2)?;
        let Value::Str(n) = &a[1] else {
            return Err(vm.type_error("hasattr(): attribute name must be string"));
        };
        let n = vm.intern(n);
        match vm.getattr(&a[0], &n) {
            Ok(_) => Ok(Value::Bool(true)),
            Err(Error::Exception(e))
                if vm.is_instance_of(&e, &vm.types.attribute_error.clone()) =>
            {
                Ok(Value::Bool(false))
            }
            Err(e) => Err(e),
        }
    }),
];

/// Builtin functions: characters and number formatting.
static TEXT: &[(&str, NativeFnPtr)] = &[
    ("chr", |vm, a, _| {
        nargs(vm, "chr", a, 1, 1)?;
        let i = vm.as_i64(&a[0])?;
        match u32::try_from(i).ok().and_then(char::from_u32) {
            Some(c) => Ok(Value::Str(Rc::from(c.to_string()))),
            None => Err(vm.value_error("chr() arg not in range(0x110000)")),
        }
    }),
    ("ord", |vm, a, _| {
        nargs(vm, "ord", a, 1, 1)?;
        match &a[0] {
            Value::Str(s) => {
                let mut cs = s.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => Ok(Value::Int(c as i64)),
                    _ => Err(vm.type_error(format!(
                        "ord() expected a character, but string of length {} found",
                        s.chars().count()
                    ))),
                }
            }
            other => {
                let t = vm.type_name(other);
                Err(vm.type_error(format!("ord() expected string of length 1, but {t} found")))
            }
        }
    }),
    ("bin", |vm, a, _| {
        nargs(vm, "bin", a, 1, 1)?;
        let i = vm.as_big(&a[0])?;
        Ok(Value::Str(Rc::from(pylib::bigint::to_base(&i, 2))))
    }),
    ("oct", |vm, a, _| {
        nargs(vm, "oct", a, 1, 1)?;
        let i = vm.as_big(&a[0])?;
        Ok(Value::Str(Rc::from(pylib::bigint::to_base(&i, 8))))
    }),
    ("hex", |vm, a, _| {
        nargs(vm, "hex", a, 1, 1)?;
        let i = vm.as_big(&a[0])?;
        Ok(Value::Str(Rc::from(pylib::bigint::to_base(&i, 16))))
    }),
    ("format", |vm, a, _| {
        nargs(vm, "format", a, 1, 2)?;
        let spec = match a.get(1) {
            Some(Value::Str(s)) => s.to_string(),
            _ => String::new(),
        };
        Ok(Value::Str(Rc::from(vm.format(&a[0], &spec)?)))
    }),
];

/// The running frame's local names and values, as `locals()` and `dir()`
/// see them: a module's globals at module level, the bound local
/// variables in a function.
fn current_locals(vm: &Vm) -> Vec<(Name, Value)> {
    let Some(f) = vm.frames.last() else {
        return vec![];
    };
    if f.code.kind == crate::compile::code::CodeKind::Module {
        return f.globals.items();
    }
    f.code
        .varnames
        .iter()
        .zip(f.locals.iter())
        .filter_map(|(n, v)| v.clone().map(|v| (n.clone(), v)))
        .collect()
}

/// Builtin functions: namespaces, and what a browser cannot do (input, open, exit).
static NAMESPACES: &[(&str, NativeFnPtr)] = &[
    ("vars", |vm, a, _| {
        nargs(vm, "vars", a, 1, 1)?;
        let n = vm.intern("__dict__");
        vm.getattr(&a[0], &n)
    }),
    ("dir", |vm, a, _| {
        let mut names: Vec<String> = match a.first() {
            Some(Value::Instance(i)) => {
                let mut v: Vec<String> = i
                    .dict
                    .borrow()
                    .entries
                    .iter()
                    .map(|(k, _)| k.to_string())
                    .collect();
                for c in i.class().mro.borrow().iter() {
                    v.extend(c.dict.borrow().entries.iter().map(|(k, _)| k.to_string()));
                }
                v
            }
            Some(Value::Module(m)) => m
                .globals
                .items()
                .into_iter()
                .map(|(k, _)| k.to_string())
                .collect(),
            Some(Value::Class(c)) => {
                let mut v: Vec<String> = c
                    .mro
                    .borrow()
                    .iter()
                    .flat_map(|c| {
                        c.dict
                            .borrow()
                            .entries
                            .iter()
                            .map(|(k, _)| k.to_string())
                            .collect::<Vec<_>>()
                    })
                    .collect();
                // A builtin type's methods: its method table.
                v.extend(vm.builtin_method_names(c).into_iter().map(String::from));
                v
            }
            // A builtin value's methods: its type's method table.
            Some(other) => {
                let c = vm.class_of(other);
                vm.builtin_method_names(&c)
                    .into_iter()
                    .map(String::from)
                    .collect()
            }
            None => current_locals(vm)
                .into_iter()
                .map(|(k, _)| k.to_string())
                .collect(),
        };
        names.sort();
        names.dedup();
        Ok(Value::list(
            names.into_iter().map(|s| Value::Str(Rc::from(s))).collect(),
        ))
    }),
    ("input", |vm, _, _| {
        let c = vm.types.eof_error.clone();
        Err(vm.new_error(
            &c,
            "input() is not available in Looplab (there is no keyboard input)",
        ))
    }),
    ("open", |vm, a, _| {
        let file = match a.first() {
            Some(f) => vm.repr(f)?,
            None => "''".to_string(),
        };
        let c = vm.types.permission_error.clone();
        Err(vm.new_error(
            &c,
            format!("[Errno 13] Permission denied: {file} (the playground has no files; use io.StringIO for text in memory)"),
        ))
    }),
    ("eval", |vm, _, _| Err(no_code_from_strings(vm, "eval"))),
    ("exec", |vm, _, _| Err(no_code_from_strings(vm, "exec"))),
    ("compile", |vm, _, _| {
        Err(no_code_from_strings(vm, "compile"))
    }),
    ("globals", |vm, _, _| {
        let g = vm.frames.last().map(|f| f.globals.clone());
        let mut d = Dict::new();
        if let Some(g) = g {
            for (k, v) in g.items() {
                vm.dict_set(&mut d, Value::Str(k), v)?;
            }
        }
        Ok(Value::dict(d))
    }),
    ("locals", |vm, _, _| {
        let mut d = Dict::new();
        for (k, v) in current_locals(vm) {
            vm.dict_set(&mut d, Value::Str(k), v)?;
        }
        Ok(Value::dict(d))
    }),
    ("exit", |vm, a, _| {
        let c = vm.types.system_exit.clone();
        Err(vm.new_error_args(&c, a.to_vec()))
    }),
    ("quit", |vm, a, _| {
        let c = vm.types.system_exit.clone();
        Err(vm.new_error_args(&c, a.to_vec()))
    }),
];

fn is_iterator(v: &Value) -> bool {
    match v {
        Value::Iter(_) => true,
        Value::Gen(g) => g.kind == GenKind::Generator,
        Value::Instance(i) => i.class().lookup("__next__").is_some(),
        _ => false,
    }
}

pub(crate) fn class_matches(vm: &mut Vm, c: &Rc<Class>, spec: &Value) -> Result<bool, Error> {
    match spec {
        Value::Class(k) => Ok(c.is_subclass(k)),
        Value::Tuple(t) => {
            for x in t.iter() {
                if class_matches(vm, c, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")),
    }
}

pub(crate) fn isinstance(vm: &mut Vm, v: &Value, spec: &Value) -> Result<bool, Error> {
    let c = vm.class_of(v);
    class_matches(vm, &c, spec)
}

/// `sys.stdout` when a program has replaced it with its own object.
fn replaced_stdout(vm: &Vm) -> Option<Value> {
    let Some(Value::Module(m)) = vm.modules.get("sys") else {
        return None;
    };
    let out = m.globals.get("stdout")?;
    match &out {
        Value::Instance(i) if i.dict.borrow().get("_stream").is_some() => None,
        _ => Some(out),
    }
}

fn bi_print(vm: &mut Vm, args: &[Value], kw: Kw) -> Result<Value, Error> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut stream = Stream::Stdout;
    for (k, v) in kw {
        match (&**k, v) {
            ("sep", Value::Str(s)) => sep = s.to_string(),
            ("sep", Value::None) => {}
            ("end", Value::Str(s)) => end = s.to_string(),
            ("end", Value::None) => {}
            ("sep", other) | ("end", other) => {
                let t = vm.type_name(other);
                return Err(vm.type_error(format!("{k} must be None or a string, not {t}")));
            }
            ("flush", _) => {}
            ("file", Value::None) => {}
            ("file", f) => {
                let is_err = matches!(f, Value::Instance(i) if i.dict.borrow().get("_stream").map(|s| matches!(s, Value::Str(x) if &**x == "stderr")).unwrap_or(false));
                stream = if is_err {
                    Stream::Stderr
                } else {
                    Stream::Stdout
                };
                let is_sys_stream =
                    matches!(f, Value::Instance(i) if i.dict.borrow().get("_stream").is_some());
                if !is_sys_stream {
                    // Any other object with write() (io.StringIO, a file-like class): call it.
                    let mut s = String::new();
                    for (i, a) in args.iter().enumerate() {
                        if i > 0 {
                            s.push_str(&sep);
                        }
                        s.push_str(&vm.str_of(a)?);
                    }
                    s.push_str(&end);
                    vm.call_method(f, "write", vec![Value::Str(Rc::from(s))])?;
                    return Ok(Value::None);
                }
            }
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for print()"))
                )
            }
        }
    }
    let mut s = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            s.push_str(&sep);
        }
        match a {
            Value::Str(x) => s.push_str(x),
            _ => s.push_str(&vm.str_of(a)?),
        }
    }
    s.push_str(&end);
    // `sys.stdout` replaced (contextlib.redirect_stdout): write to it.
    if !kw.iter().any(|(k, _)| &**k == "file") {
        if let Some(target) = replaced_stdout(vm) {
            vm.call_method(&target, "write", vec![Value::Str(Rc::from(s))])?;
            return Ok(Value::None);
        }
    }
    vm.write(stream, &s)?;
    Ok(Value::None)
}

fn bi_len(vm: &mut Vm, a: &[Value], _kw: Kw) -> Result<Value, Error> {
    nargs(vm, "len", a, 1, 1)?;
    let n = match &a[0] {
        Value::Str(s) => {
            if s.is_ascii() {
                s.len()
            } else {
                s.chars().count()
            }
        }
        Value::Bytes(b) => b.len(),
        Value::ByteArray(b) => b.borrow().len(),
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.len(),
        Value::Dict(d) | Value::Set(d) => d.borrow().len(),
        Value::FrozenSet(d) => d.len(),
        Value::Range(r) => r.len() as usize,
        Value::DictView(v) => v.0.borrow().len(),
        Value::Class(c) if vm.class_hook(c, "__class_len__").is_some() => {
            let f = vm.class_hook(c, "__class_len__").unwrap_or(Value::None);
            return vm.call(&f, vec![], vec![]);
        }
        Value::Instance(i) => {
            if let Some(f) = vm.special_lookup(&i.class(), "__len__") {
                let r = vm.call(&f, vec![a[0].clone()], vec![])?;
                return match r {
                    Value::Int(n) if n >= 0 => Ok(Value::Int(n)),
                    Value::Int(_) => Err(vm.value_error("__len__() should return >= 0")),
                    Value::Bool(b) => Ok(Value::Int(b as i64)),
                    other => {
                        let t = vm.type_name(&other);
                        Err(vm.type_error(format!(
                            "'{t}' object cannot be interpreted as an integer"
                        )))
                    }
                };
            }
            let t = vm.type_name(&a[0]);
            return Err(vm.type_error(format!("object of type '{t}' has no len()")));
        }
        other => {
            let t = vm.type_name(other);
            return Err(vm.type_error(format!("object of type '{t}' has no len()")));
        }
    };
    Ok(Value::Int(n as i64))
}

fn bi_range(vm: &mut Vm, a: &[Value], kw: Kw) -> Result<Value, Error> {
    // Called as range(...) or via range.__new__(cls, ...).
    let a: &[Value] = if matches!(a.first(), Some(Value::Class(_))) {
        &a[1..]
    } else {
        a
    };
    check_no_kw(vm, "range", kw)?;
    let mut ints = Vec::new();
    for x in a {
        match x {
            Value::Int(i) => ints.push(*i),
            Value::Bool(b) => ints.push(*b as i64),
            Value::BigInt(_) => {
                return Err(vm.overflow_error(
                    "range() bounds beyond 64 bits are not supported by Looplab yet",
                ))
            }
            Value::Instance(_) => ints.push(vm.index_of(x, "range")?),
            other => {
                let t = vm.type_name(other);
                return Err(
                    vm.type_error(format!("'{t}' object cannot be interpreted as an integer"))
                );
            }
        }
    }
    let (start, stop, step) = match ints.len() {
        1 => (0, ints[0], 1),
        2 => (ints[0], ints[1], 1),
        3 => (ints[0], ints[1], ints[2]),
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("range expected at most 3 arguments, got {n}"))),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(RangeObj { start, stop, step })))
}

fn bi_round(vm: &mut Vm, a: &[Value], kw: Kw) -> Result<Value, Error> {
    let nd = a.get(1).or(kwarg(kw, "ndigits")).cloned();
    let Some(x) = a.first() else {
        return Err(vm.type_error("round() missing required argument 'number' (pos 1)"));
    };
    match (x, nd) {
        (Value::Float(f), None | Some(Value::None)) => pylib::numbers::round_float_to_int(*f)
            .map(Value::from_big)
            .map_err(|e| vm.pyerr(e)),
        (Value::Float(f), Some(n)) => {
            let n = vm.as_i64(&n)?;
            pylib::numbers::round_float(*f, n)
                .map(Value::Float)
                .map_err(|e| vm.pyerr(e))
        }
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), None | Some(Value::None)) => {
            Ok(Value::from_big(vm.as_big(x)?))
        }
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), Some(n)) => {
            let i = vm.as_big(x)?;
            let n = match vm.as_big(&n)? {
                n if n.bits() < 63 => i64::try_from(&n).unwrap_or(0),
                n if n.sign() == pylib::bigint::Sign::Minus => i64::MIN,
                _ => i64::MAX,
            };
            Ok(Value::from_big(pylib::bigint::round(&i, n)))
        }
        (other, nd) => match vm.lookup_special_bound(other, "__round__") {
            Some(f) => vm.call(&f, nd.into_iter().collect(), vec![]),
            None => {
                let t = vm.type_name(other);
                Err(vm.type_error(format!("type {t} doesn't define __round__ method")))
            }
        },
    }
}

fn min_max(vm: &mut Vm, a: &[Value], kw: Kw, is_min: bool) -> Result<Value, Error> {
    let name = if is_min { "min" } else { "max" };
    let key = kwarg(kw, "key").cloned().filter(|k| !k.is_none());
    let default = kwarg(kw, "default").cloned();
    let items = match a.len() {
        0 => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.iterate(&a[0])?,
        _ => a.to_vec(),
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
        };
    }
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) => vm.call(k, vec![best.clone()], vec![])?,
        None => best.clone(),
    };
    for x in items.into_iter().skip(1) {
        let k = match &key {
            Some(kf) => vm.call(kf, vec![x.clone()], vec![])?,
            None => x.clone(),
        };
        let op = if is_min {
            crate::ast::CmpOp::Lt
        } else {
            crate::ast::CmpOp::Gt
        };
        let better = vm.compare(&k, &best_key, op)?;
        if vm.truthy(&better)? {
            best = x;
            best_key = k;
        }
    }
    Ok(best)
}

impl Vm {
    /// Calling a built-in type: `int("3")`, `list(x)`, `dict(a=1)`…
    pub(crate) fn construct_builtin(
        &mut self,
        c: &Rc<Class>,
        args: Vec<Value>,
        kw: Vec<(Name, Value)>,
    ) -> Result<Value, Error> {
        // The commonest constructors by identity first: the `match` on the
        // name below compares the name with each arm's in turn.
        let t = &self.types;
        if [&t.int, &t.str_, &t.float, &t.list, &t.tuple]
            .iter()
            .any(|k| Rc::ptr_eq(c, k))
        {
            return self.construct_value(c, &args, &kw);
        }
        let name = c.name.clone();
        let a = &args[..];
        match &*name {
            "type" => match a.len() {
                1 => Ok(Value::Class(self.class_of(&a[0]))),
                3 => {
                    let bases: Vec<Rc<Class>> = match &a[1] {
                        Value::Tuple(t) => t
                            .iter()
                            .filter_map(|b| {
                                if let Value::Class(c) = b {
                                    Some(c.clone())
                                } else {
                                    None
                                }
                            })
                            .collect(),
                        _ => vec![],
                    };
                    let mut ns = AttrMap::new();
                    if let Value::Dict(d) = &a[2] {
                        for (k, v) in d.borrow().items() {
                            if let Value::Str(s) = k {
                                ns.insert(s, v);
                            }
                        }
                    }
                    let cls = self.new_class(&a[0], bases, ns, &Value::None)?;
                    self.init_subclass(&cls, &Value::None)?;
                    Ok(Value::Class(cls))
                }
                _ => Err(self.type_error("type() takes 1 or 3 arguments")),
            },
            "object" => {
                if !a.is_empty() {
                    return Err(self.type_error("object() takes no arguments"));
                }
                let o = self.types.object.clone();
                Ok(self.new_instance(&o, vec![]))
            }
            "property" => {
                let g = |i: usize, n: &str| {
                    a.get(i)
                        .cloned()
                        .or_else(|| kwarg(&kw, n).cloned())
                        .unwrap_or(Value::None)
                };
                Ok(Value::Property(Rc::new([
                    g(0, "fget"),
                    g(1, "fset"),
                    g(2, "fdel"),
                ])))
            }
            "staticmethod" => {
                nargs(self, "staticmethod", a, 1, 1)?;
                Ok(Value::StaticMethod(Rc::new(a[0].clone())))
            }
            "classmethod" => {
                nargs(self, "classmethod", a, 1, 1)?;
                Ok(Value::ClassMethod(Rc::new(a[0].clone())))
            }
            "super" => {
                if a.len() != 2 {
                    return Err(self.runtime_error("super(): no arguments"));
                }
                let Value::Class(c) = &a[0] else {
                    return Err(self.type_error("super() argument 1 must be a type"));
                };
                Ok(Value::Super(Rc::new((c.clone(), a[1].clone()))))
            }
            "slice" => {
                let (s, e, st) = match a.len() {
                    1 => (Value::None, a[0].clone(), Value::None),
                    2 => (a[0].clone(), a[1].clone(), Value::None),
                    3 => (a[0].clone(), a[1].clone(), a[2].clone()),
                    _ => return Err(self.type_error("slice expected at least 1 argument, got 0")),
                };
                Ok(Value::Slice(Rc::new([s, e, st])))
            }
            "range" => bi_range(self, a, &kw),
            "enumerate" | "zip" | "map" | "filter" | "reversed" => {
                let f = c.dict.borrow().get("__new__").cloned();
                match f {
                    Some(f) => self.call(&f, args, kw),
                    None => Err(self.type_error(format!("cannot create '{name}' instances"))),
                }
            }
            _ => self.construct_value(c, a, &kw),
        }
    }

    /// `int(x=0)`, `int(text, base=10)`.
    fn construct_int(&mut self, a: &[Value], kw: &[(Name, Value)]) -> Result<Value, Error> {
        let base = a.get(1).or(kwarg(kw, "base")).cloned();
        match (a.first(), base) {
            (None, _) => Ok(Value::Int(0)),
            (Some(Value::Str(s)), b) => {
                let base = self.int_base(b)?;
                if let Some(v) = pylib::numbers::small_int_from_str(s, base) {
                    return Ok(Value::Int(v));
                }
                pylib::numbers::int_from_str(s, base)
                    .map(Value::from_big)
                    .map_err(|e| self.pyerr(e))
            }
            (Some(v @ (Value::Bytes(_) | Value::ByteArray(_))), b) => {
                let base = self.int_base(b)?;
                // The error shows the bytes, not their text.
                let text = latin1_text(v);
                match pylib::numbers::int_from_str(&text, base) {
                    Ok(i) => Ok(Value::from_big(i)),
                    Err(e) if e.msg.starts_with("invalid literal") => {
                        let r = self.repr(v)?;
                        Err(self.value_error(format!(
                            "invalid literal for int() with base {base}: {r}"
                        )))
                    }
                    Err(e) => Err(self.pyerr(e)),
                }
            }
            (Some(_), Some(_)) => {
                Err(self.type_error("int() can't convert non-string with explicit base"))
            }
            (Some(Value::Int(i)), None) => Ok(Value::Int(*i)),
            (Some(Value::Bool(b)), None) => Ok(Value::Int(*b as i64)),
            (Some(Value::BigInt(i)), None) => Ok(Value::BigInt(i.clone())),
            (Some(Value::Float(f)), None) => pylib::numbers::float_to_int(*f)
                .map(Value::from_big)
                .map_err(|e| self.pyerr(e)),
            (Some(other), None) => {
                for m in ["__int__", "__index__"] {
                    if let Some(f) = self.lookup_special_bound(other, m) {
                        return self.call(&f, vec![], vec![]);
                    }
                }
                let t = self.type_name(other);
                Err(self.type_error(format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{t}'"
                )))
            }
        }
    }

    /// `int()`'s `base` argument (10 when left out).
    fn int_base(&mut self, base: Option<Value>) -> Result<u32, Error> {
        match base {
            Some(b) => Ok(self.as_i64(&b)? as u32),
            None => Ok(10),
        }
    }

    /// `float(x=0.0)`.
    fn construct_float(&mut self, a: &[Value]) -> Result<Value, Error> {
        match a.first() {
            None => Ok(Value::Float(0.0)),
            Some(Value::Float(f)) => Ok(Value::Float(*f)),
            Some(Value::Int(i)) => Ok(Value::Float(*i as f64)),
            Some(Value::BigInt(i)) => pylib::bigint::to_f64(i)
                .map(Value::Float)
                .map_err(|e| self.pyerr(e)),
            Some(Value::Bool(b)) => Ok(Value::Float(*b as i64 as f64)),
            Some(Value::Str(s)) => pylib::numbers::float_from_str(s)
                .map(Value::Float)
                .map_err(|e| self.pyerr(e)),
            Some(v @ (Value::Bytes(_) | Value::ByteArray(_))) => {
                let text = latin1_text(v);
                match pylib::numbers::float_from_str(&text) {
                    Ok(f) => Ok(Value::Float(f)),
                    Err(_) => {
                        let r = self.repr(v)?;
                        Err(self.value_error(format!("could not convert string to float: {r}")))
                    }
                }
            }
            Some(other) => match self.lookup_special_bound(other, "__float__") {
                Some(f) => self.call(&f, vec![], vec![]),
                None => {
                    let t = self.type_name(other);
                    Err(self.type_error(format!(
                        "float() argument must be a string or a real number, not '{t}'"
                    )))
                }
            },
        }
    }

    /// `str(x='')`, `str(data, encoding, errors)`.
    fn construct_str(&mut self, a: &[Value], kw: &[(Name, Value)]) -> Result<Value, Error> {
        let enc = a.get(1).or(kwarg(kw, "encoding"));
        let errors = a.get(2).or(kwarg(kw, "errors"));
        match (a.first(), enc.is_some() || errors.is_some()) {
            (None, _) => Ok(Value::str("")),
            (Some(v), false) => Ok(Value::Str(Rc::from(self.str_of(v)?))),
            (Some(v), true) => {
                let Some(data) = v.buffer() else {
                    if matches!(v, Value::Str(_)) {
                        return Err(self.type_error("decoding str is not supported"));
                    }
                    let t = self.type_name(v);
                    return Err(self.type_error(format!(
                        "decoding to str: need a bytes-like object, {t} found"
                    )));
                };
                let text = |vm: &mut Vm, v: Option<&Value>, default: &str| match v {
                    None => Ok(default.to_string()),
                    Some(Value::Str(s)) => Ok(s.to_string()),
                    Some(other) => {
                        let t = vm.type_name(other);
                        Err(vm
                            .type_error(format!("str() argument 'encoding' must be str, not {t}")))
                    }
                };
                let enc = text(self, enc, "utf-8")?;
                let errors = text(self, errors, "strict")?;
                pylib::codecs::decode(&data, &enc, &errors)
                    .map(|s| Value::Str(Rc::from(s)))
                    .map_err(|e| self.pyerr(e))
            }
        }
    }

    /// Calling a built-in type of plain values: `int`, `float`, `str`, `bool`,
    /// `list`, `tuple`, `set`, `frozenset`, `dict`, `bytes`.
    fn construct_value(
        &mut self,
        c: &Rc<Class>,
        a: &[Value],
        kw: &[(Name, Value)],
    ) -> Result<Value, Error> {
        let name = c.name.clone();
        match &*name {
            "int" => self.construct_int(a, kw),
            "float" => self.construct_float(a),
            "str" => self.construct_str(a, kw),
            "bool" => match a.first() {
                None => Ok(Value::Bool(false)),
                Some(v) => Ok(Value::Bool(self.truthy(v)?)),
            },
            "list" => match a.first() {
                None => Ok(Value::list(vec![])),
                Some(v) => Ok(Value::list(self.iterate(v)?)),
            },
            "tuple" => match a.first() {
                None => Ok(Value::empty_tuple()),
                Some(Value::Tuple(t)) => Ok(Value::Tuple(t.clone())),
                Some(v) => Ok(Value::tuple(self.iterate(v)?)),
            },
            "set" => {
                let s = self.new_set(vec![])?;
                if let Some(v) = a.first() {
                    self.set_update(&s, v)?;
                }
                Ok(s)
            }
            "frozenset" => {
                if let Some(Value::FrozenSet(f)) = a.first() {
                    return Ok(Value::FrozenSet(f.clone()));
                }
                let s = self.new_set(vec![])?;
                if let Some(v) = a.first() {
                    self.set_update(&s, v)?;
                }
                match s {
                    Value::Set(d) => Ok(Value::FrozenSet(Rc::new(d.borrow().clone()))),
                    other => Ok(other),
                }
            }
            "dict" => {
                let d = Value::dict(Dict::new());
                if let Some(src) = a.first() {
                    crate::vm::library::types::dict::dict_update(self, &d, src)?;
                }
                if let Value::Dict(dd) = &d {
                    for (k, v) in kw {
                        self.dict_insert(dd, Value::Str(k.clone()), v.clone())?;
                    }
                }
                Ok(d)
            }
            "bytes" => {
                if let [Value::Bytes(b)] = a {
                    return Ok(Value::Bytes(b.clone()));
                }
                let b = crate::vm::library::types::bytes::construct(self, "bytes", a, kw)?;
                Ok(Value::Bytes(Rc::from(b)))
            }
            "bytearray" => {
                let b = crate::vm::library::types::bytes::construct(self, "bytearray", a, kw)?;
                Ok(Value::ByteArray(Rc::new(RefCell::new(b))))
            }
            // `types.ModuleType(name, doc=None)`: an empty module.
            "module" => {
                let Some(Value::Str(n)) = a.first() else {
                    return Err(self.type_error(match a.first() {
                        None => {
                            "module.__init__() missing required argument 'name' (pos 1)".to_string()
                        }
                        Some(v) => format!(
                            "module.__init__() argument 'name' must be str, not {}",
                            self.type_name(v)
                        ),
                    }));
                };
                let (m, g) = self.new_module(&n.clone());
                g.set_str("__doc__", a.get(1).cloned().unwrap_or(Value::None));
                Ok(m)
            }
            _ => Err(self.type_error(format!("cannot create '{name}' instances"))),
        }
    }
}

/// `send`/`throw`/`close` (and async generator `asend`/`athrow`/`aclose`)
/// of generator objects.
pub(crate) fn gen_method(
    vm: &mut Vm,
    g: &Value,
    name: &str,
    args: &[Value],
) -> Result<Value, Error> {
    let Value::Gen(gen) = g else {
        return Err(Error::Internal("gen_method on non-generator".into()));
    };
    let map = |vm: &mut Vm,
               r: Result<crate::vm::Completion, Error>,
               async_gen: bool|
     -> Result<Value, Error> {
        match r? {
            crate::vm::Completion::Yielded(v, _) => Ok(v),
            crate::vm::Completion::Returned(v) => {
                if async_gen {
                    let c = vm.types.stop_async_iteration.clone();
                    Err(vm.new_error_args(&c, vec![]))
                } else {
                    Err(vm.stop_iteration(v))
                }
            }
            crate::vm::Completion::Suspended(r) => Err(Error::Suspend(r)),
        }
    };
    match name {
        "__next__" => {
            let r = vm.resume_inner(g, Resume::Send(Value::None));
            map(vm, r, false)
        }
        "send" => {
            let v = args.first().cloned().unwrap_or(Value::None);
            let r = vm.resume_inner(g, Resume::Send(v));
            map(vm, r, false)
        }
        "throw" => {
            let e = throw_arg(vm, args)?;
            let r = vm.resume_inner(g, Resume::Throw(e));
            map(vm, r, false)
        }
        "close" => {
            if gen.state.get() == GenState::Created {
                gen.state.set(GenState::Closed);
                *gen.frame.borrow_mut() = None;
                return Ok(Value::None);
            }
            if gen.state.get() == GenState::Closed {
                return Ok(Value::None);
            }
            let ge = vm.types.generator_exit.clone();
            let exc = vm.new_exception(&ge, vec![]);
            match vm.resume_inner(g, Resume::Throw(exc)) {
                Ok(crate::vm::Completion::Yielded(..)) => {
                    let what = match gen.kind {
                        GenKind::Coroutine => "coroutine ignored GeneratorExit",
                        GenKind::AsyncGenerator => "async generator ignored GeneratorExit",
                        GenKind::Generator => "generator ignored GeneratorExit",
                    };
                    Err(vm.runtime_error(what))
                }
                Ok(_) => Ok(Value::None),
                Err(Error::Exception(e)) => {
                    let si = vm.types.stop_iteration.clone();
                    if vm.is_instance_of(&e, &ge) || vm.is_instance_of(&e, &si) {
                        Ok(Value::None)
                    } else {
                        Err(Error::Exception(e))
                    }
                }
                Err(e) => Err(e),
            }
        }
        "__iter__" | "__aiter__" => Ok(g.clone()),
        "__await__" => Ok(g.clone()),
        "__anext__" | "asend" | "athrow" | "aclose" if !gen.ag_hooks_inited.get() => {
            vm.asyncgen_first_iter(gen)?;
            gen_method(vm, g, name, args)
        }
        "__anext__" | "asend" => {
            let first = if name == "asend" {
                Resume::Send(args.first().cloned().unwrap_or(Value::None))
            } else {
                Resume::Send(Value::None)
            };
            Ok(Value::Iter(Rc::new(RefCell::new(IterObj::ASend {
                gen: gen.clone(),
                first: Some(first),
                closing: false,
            }))))
        }
        "athrow" => {
            let e = throw_arg(vm, args)?;
            Ok(Value::Iter(Rc::new(RefCell::new(IterObj::ASend {
                gen: gen.clone(),
                first: Some(Resume::Throw(e)),
                closing: false,
            }))))
        }
        "aclose" => {
            let ge = vm.types.generator_exit.clone();
            let exc = vm.new_exception(&ge, vec![]);
            if gen.state.get() == GenState::Created {
                // Never started: nothing to run. The closing awaitable of a
                // closed generator completes at once with None (its native
                // stand-in raised StopIteration through `await`, which a
                // coroutine turns into "coroutine raised StopIteration").
                gen.state.set(GenState::Closed);
            }
            Ok(Value::Iter(Rc::new(RefCell::new(IterObj::ASend {
                gen: gen.clone(),
                first: Some(Resume::Throw(exc)),
                closing: true,
            }))))
        }
        _ => Err(vm.attribute_error(format!("no attribute {name}"))),
    }
}

fn throw_arg(vm: &mut Vm, args: &[Value]) -> Result<Value, Error> {
    let Some(e) = args.first() else {
        return Err(vm.type_error("throw expected at least 1 argument, got 0"));
    };
    match e {
        Value::Class(_) => vm.make_raisable(e.clone()),
        Value::Instance(i) if i.exc.is_some() => Ok(e.clone()),
        _ => Err(vm.type_error(
            "exceptions must be classes or instances deriving from BaseException, not ".to_string()
                + &vm.type_name(e),
        )),
    }
}

/// Methods of exception instances (`add_note`, `with_traceback`, `split`…).
pub(crate) fn exc_method(
    vm: &mut Vm,
    e: &Value,
    name: &str,
    args: &[Value],
) -> Result<Value, Error> {
    match name {
        "add_note" => {
            let Some(n @ Value::Str(_)) = args.first() else {
                return Err(vm.type_error("note must be a str"));
            };
            if let Some(d) = vm.exc_data(e) {
                d.borrow_mut().notes.push(n.clone());
            }
            Ok(Value::None)
        }
        "with_traceback" => Ok(e.clone()),
        "split" | "subgroup" => {
            let Some(t) = args.first() else {
                return Err(vm.type_error("split() takes exactly one argument"));
            };
            let t = t.clone();
            let (rest, m) = vm.eg_match(e.clone(), &t)?;
            if name == "subgroup" {
                Ok(m)
            } else {
                Ok(Value::tuple(vec![m, rest]))
            }
        }
        "derive" => {
            let excs = args.first().cloned().unwrap_or(Value::empty_tuple());
            let items = vm.iterate(&excs)?;
            let msg = vm.group_parts(e).map(|p| p.0).unwrap_or(Value::str(""));
            let cls = vm.class_of(e);
            Ok(vm.new_exception(&cls, vec![msg, Value::tuple(items)]))
        }
        _ => Err(vm.attribute_error(format!("no attribute {name}"))),
    }
}

/// `eval`/`exec`/`compile`: the playground runs only the program in the
/// editor (the sandbox section of the README).
fn no_code_from_strings(vm: &mut Vm, name: &str) -> Error {
    let c = vm.types.not_implemented_error.clone();
    vm.new_error(
        &c,
        format!("{name}() is not available in Looplab: the playground runs only the program in the editor, not code built from strings"),
    )
}

/// The text `int()` and `float()` parse from bytes: each byte as the
/// Latin-1 character of that code.
fn latin1_text(v: &Value) -> String {
    v.buffer()
        .unwrap_or_default()
        .iter()
        .map(|&c| c as char)
        .collect()
}
