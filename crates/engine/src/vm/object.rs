//! The object model (CPython's `typeobject.c`/`object.c`): types of values,
//! attribute lookup with descriptors (methods, properties, class/static
//! methods), class creation with a C3 MRO, instantiation, and the API for
//! native classes.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use crate::ast::Name;
use crate::vm::frame::Link;
use crate::vm::interp::Invoked;
use crate::vm::type_cache::Key;
use crate::vm::types::class_id;
use crate::vm::value::*;
use crate::vm::{Error, Vm};

impl Vm {
    /// `type(v)`.
    pub fn class_of(&self, v: &Value) -> Rc<Class> {
        let t = &self.types;
        match v {
            Value::None => t.none_type.clone(),
            Value::Bool(_) => t.bool_.clone(),
            Value::Int(_) | Value::BigInt(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Str(_) => t.str_.clone(),
            Value::Bytes(_) => t.bytes.clone(),
            Value::ByteArray(_) => t.bytearray.clone(),
            Value::List(_) => t.list.clone(),
            Value::Tuple(_) => t.tuple.clone(),
            Value::Dict(_) => t.dict.clone(),
            Value::Set(_) => t.set.clone(),
            Value::FrozenSet(_) => t.frozenset.clone(),
            Value::Range(_) => t.range.clone(),
            Value::Slice(_) => t.slice.clone(),
            Value::Function(_) => t.function.clone(),
            Value::Builtin(_) => t.builtin_function.clone(),
            Value::Method(_) => t.method.clone(),
            Value::Class(_) => t.type_.clone(),
            Value::Instance(i) => i.class(),
            Value::Gen(g) => match g.kind {
                GenKind::Generator => t.generator.clone(),
                GenKind::Coroutine => t.coroutine.clone(),
                GenKind::AsyncGenerator => t.async_generator.clone(),
            },
            Value::Iter(it) => t.iterator_class(it.borrow().type_name()),
            Value::Module(_) => t.module.clone(),
            Value::DictView(d) => match d.1 {
                ViewKind::Keys => t.dict_keys.clone(),
                ViewKind::Values => t.dict_values.clone(),
                ViewKind::Items => t.dict_items.clone(),
            },
            Value::Property(_) => t.property.clone(),
            Value::StaticMethod(_) => t.staticmethod.clone(),
            Value::ClassMethod(_) => t.classmethod.clone(),
            Value::Super(_) => t.super_.clone(),
            Value::Ellipsis => t.ellipsis.clone(),
            Value::NotImplemented => t.not_implemented_type.clone(),
        }
    }

    /// `type(v).__name__`.
    pub fn type_name(&self, v: &Value) -> String {
        match v {
            Value::Iter(it) => it.borrow().type_name().to_string(),
            _ => self.class_of(v).name.to_string(),
        }
    }

    /// Bind a class attribute found by lookup to `obj` (descriptor protocol).
    fn bind(&mut self, attr: Value, obj: &Value, cls: &Rc<Class>) -> Result<Value, Error> {
        Ok(match attr {
            Value::Function(_) => Value::Method(Rc::new((obj.clone(), attr))),
            Value::Builtin(ref b) if b.bound.is_none() => {
                Value::Method(Rc::new((obj.clone(), attr)))
            }
            Value::ClassMethod(f) => {
                Value::Method(Rc::new((Value::Class(cls.clone()), (*f).clone())))
            }
            Value::StaticMethod(f) => (*f).clone(),
            Value::Property(p) => {
                if p[0].is_none() {
                    return Err(self.attribute_error("property has no getter"));
                }
                self.call(&p[0], vec![obj.clone()], vec![])?
            }
            // A descriptor written in Python (`functools.cached_property`):
            // `__get__(instance, owner)`.
            Value::Instance(ref d) => match self.special_lookup(&d.class(), "__get__") {
                Some(get) => self.call(
                    &get,
                    vec![attr.clone(), obj.clone(), Value::Class(cls.clone())],
                    vec![],
                )?,
                None => attr,
            },
            other => other,
        })
    }

    /// A special method bound to `obj` (looked up on its type), if any.
    pub fn lookup_special_bound(&mut self, obj: &Value, name: &str) -> Option<Value> {
        match obj {
            Value::Instance(i) => {
                let cls = i.class();
                let f = cls.lookup(name)?;
                self.bind(f, obj, &cls).ok()
            }
            _ => {
                let n = self.intern(name);
                self.getattr(obj, &n).ok()
            }
        }
    }

    /// `cls.lookup(name)` answered through the type cache (the names of
    /// code objects are interned, so repeated lookups hit).
    pub(crate) fn type_lookup(&mut self, cls: &Class, name: &Name) -> Option<Value> {
        self.type_cache.lookup(cls, Key::Name(name))
    }

    /// `cls.lookup(name)` for a special method named by a literal, through
    /// the type cache.
    pub(crate) fn special_lookup(&mut self, cls: &Class, name: &'static str) -> Option<Value> {
        self.type_cache.lookup(cls, Key::Static(name))
    }

    pub fn getattr(&mut self, obj: &Value, name: &Name) -> Result<Value, Error> {
        match obj {
            Value::Instance(inst) => {
                let cattr = self.type_lookup(&inst.class.borrow(), name);
                // Properties and data descriptors (a class attribute whose
                // type has `__set__`) win over the instance's dict.
                let data_descriptor = match &cattr {
                    Some(Value::Property(_)) => true,
                    Some(Value::Instance(d)) => {
                        self.special_lookup(&d.class(), "__set__").is_some()
                    }
                    _ => false,
                };
                if !data_descriptor {
                    if let Some(v) = inst.dict.borrow().get(name) {
                        return Ok(v.clone());
                    }
                }
                let cls = inst.class();
                if let Some(Value::Property(_)) = &cattr {
                    return self.bind(cattr.unwrap_or(Value::None), obj, &cls);
                }
                if let Some(a) = cattr {
                    return self.bind(a, obj, &cls);
                }
                if let Some(v) = self.special_instance_attr(obj, inst, name)? {
                    return Ok(v);
                }
                if let Some(ga) = self.special_lookup(&cls, "__getattr__") {
                    return self.call(&ga, vec![obj.clone(), Value::Str(name.clone())], vec![]);
                }
                Err(self
                    .attribute_error(format!("'{}' object has no attribute '{}'", cls.name, name)))
            }
            Value::Class(c) => self.class_getattr(obj, c, name),
            Value::Module(m) => match m.globals.get(name) {
                Some(v) => Ok(v),
                None => {
                    if &**name == "__dict__" {
                        let mut d = crate::vm::dict::Dict::new();
                        for (k, v) in m.globals.items() {
                            self.dict_set(&mut d, Value::Str(k), v)?;
                        }
                        return Ok(Value::dict(d));
                    }
                    Err(self.attribute_error(format!(
                        "module '{}' has no attribute '{}'",
                        m.name, name
                    )))
                }
            },
            Value::Function(f) => self.function_getattr(f, name),
            Value::Method(m) => match &**name {
                "__self__" => Ok(m.0.clone()),
                "__func__" => Ok(m.1.clone()),
                _ => self.getattr(&m.1.clone(), name),
            },
            Value::Builtin(b) => match &**name {
                "__name__" | "__qualname__" => Ok(Value::Str(b.name.clone())),
                "__self__" => Ok(b.bound.clone().unwrap_or(Value::None)),
                "__doc__" => Ok(Value::None),
                "__module__" if b.bound.is_none() => Ok(Value::str("builtins")),
                "__module__" => Ok(Value::None),
                _ => Err(self.attribute_error(format!(
                    "'builtin_function_or_method' object has no attribute '{name}'"
                ))),
            },
            Value::Super(s) => self.super_getattr(s, name),
            Value::Gen(g) => self.gen_getattr(obj, g, name),
            Value::Property(p) => self.property_getattr(p, name),
            Value::StaticMethod(f) | Value::ClassMethod(f) => match &**name {
                "__func__" => Ok((**f).clone()),
                _ => self.getattr(&(**f).clone(), name),
            },
            _ => self.builtin_value_getattr(obj, name),
        }
    }

    /// `getattr` on the other builtin values (numbers, ranges, slices,
    /// containers): their data attributes and bound builtin methods.
    fn builtin_value_getattr(&mut self, obj: &Value, name: &Name) -> Result<Value, Error> {
        // Numbers' real/imag etc.
        match (obj, &**name) {
            (Value::Int(_) | Value::Bool(_), "real" | "numerator") => {
                return Ok(Value::Int(self.as_i64(obj)?))
            }
            (Value::Int(_) | Value::Bool(_), "imag") => return Ok(Value::Int(0)),
            (Value::Int(_) | Value::Bool(_), "denominator") => return Ok(Value::Int(1)),
            (Value::Float(f), "real") => return Ok(Value::Float(*f)),
            (Value::Float(_), "imag") => return Ok(Value::Float(0.0)),
            (Value::Range(r), "start") => return Ok(Value::Int(r.start)),
            (Value::Range(r), "stop") => return Ok(Value::Int(r.stop)),
            (Value::Range(r), "step") => return Ok(Value::Int(r.step)),
            (Value::Slice(s), "start") => return Ok(s[0].clone()),
            (Value::Slice(s), "stop") => return Ok(s[1].clone()),
            (Value::Slice(s), "step") => return Ok(s[2].clone()),
            (_, "__class__") => return Ok(Value::Class(self.class_of(obj))),
            _ => {}
        }
        let cls = self.class_of(obj);
        if self.builtin_has_method(&cls, name) {
            let n = name.clone();
            let owner = cls.name.clone();
            return Ok(Value::Builtin(Rc::new(Builtin {
                name: n.clone(),
                func: Rc::new(move |vm: &mut Vm, args: &[Value], kw: &[(Name, Value)]| {
                    match vm.call_builtin_method(&args[0], &n, &args[1..], kw)? {
                        Some(v) => Ok(v),
                        None => Err(vm.attribute_error(format!("no method {n}"))),
                    }
                }),
                bound: Some(obj.clone()),
                owner: Some(owner),
            })));
        }
        let t = self.type_name(obj);
        Err(self.attribute_error(format!("'{t}' object has no attribute '{name}'")))
    }

    /// `getattr` on a property (`fget`, `setter`…).
    fn property_getattr(&mut self, p: &Rc<[Value; 3]>, name: &Name) -> Result<Value, Error> {
        match &**name {
            "fget" => Ok(p[0].clone()),
            "fset" => Ok(p[1].clone()),
            "fdel" => Ok(p[2].clone()),
            "setter" | "getter" | "deleter" => {
                let p = p.clone();
                let which = match &**name {
                    "getter" => 0,
                    "setter" => 1,
                    _ => 2,
                };
                Ok(self.native_fn(name, move |_vm, args, _| {
                    let mut np = [p[0].clone(), p[1].clone(), p[2].clone()];
                    np[which] = args.first().cloned().unwrap_or(Value::None);
                    Ok(Value::Property(Rc::new(np)))
                }))
            }
            _ => Err(self.attribute_error(format!("'property' object has no attribute '{name}'"))),
        }
    }

    /// `getattr` on a generator, coroutine or async generator.
    fn gen_getattr(&mut self, obj: &Value, g: &Rc<GenObj>, name: &Name) -> Result<Value, Error> {
        let g2 = g.clone();
        match &**name {
            "__name__" => Ok(Value::Str(g.name.clone())),
            "__qualname__" => Ok(Value::Str(g.qualname.clone())),
            "send" | "throw" | "close" | "__next__" | "asend" | "athrow" | "aclose"
            | "__anext__" | "__aiter__" | "__iter__" | "__await__" => {
                let n = name.clone();
                let gv = Value::Gen(g2);
                Ok(Value::Builtin(Rc::new(Builtin {
                    name: n.clone(),
                    func: Rc::new(move |vm: &mut Vm, args: &[Value], _kw: &[(Name, Value)]| {
                        crate::vm::library::builtins::gen_method(vm, &args[0], &n, &args[1..])
                    }),
                    bound: Some(gv),
                    owner: None,
                })))
            }
            "cr_running" | "gi_running" => Ok(Value::Bool(g.state.get() == GenState::Running)),
            "cr_frame" | "gi_frame" => Ok(if g.state.get() == GenState::Closed {
                Value::None
            } else {
                Value::Bool(true)
            }),
            _ => {
                let t = self.type_name(obj);
                Err(self.attribute_error(format!("'{t}' object has no attribute '{name}'")))
            }
        }
    }

    /// `getattr` on `super()`: the MRO after the starting class.
    fn super_getattr(&mut self, s: &(Rc<Class>, Value), name: &Name) -> Result<Value, Error> {
        let (start, target) = (s.0.clone(), s.1.clone());
        let cls = match &target {
            Value::Class(c) => c.clone(),
            other => self.class_of(other),
        };
        let mro = cls.mro.borrow().clone();
        let pos = mro
            .iter()
            .position(|c| Rc::ptr_eq(c, &start))
            .map(|p| p + 1)
            .unwrap_or(mro.len());
        for c in &mro[pos..] {
            let found = c.dict.borrow().get(name).cloned();
            if let Some(a) = found {
                return match (&target, a) {
                    (Value::Class(_), Value::Function(f)) => Ok(Value::Function(f)),
                    (Value::Class(_), Value::ClassMethod(f)) => {
                        Ok(Value::Method(Rc::new((target.clone(), (*f).clone()))))
                    }
                    (_, a) => self.bind(a, &target, &cls),
                };
            }
        }
        // object.__init__ and friends.
        if let Some(v) = self.object_method(name, &target) {
            return Ok(v);
        }
        Err(self.attribute_error(format!("'super' object has no attribute '{name}'")))
    }

    /// A function's `__code__`: a `code` object with the attributes
    /// learners print (`co_name`, `co_varnames`, `co_argcount`, …).
    fn code_object(&mut self, code: &crate::compile::code::Code) -> Result<Value, Error> {
        let cls = self.types.code.clone();
        let obj = self.new_instance(&cls, vec![]);
        let names = |v: &[Name]| Value::tuple(v.iter().map(|n| Value::Str(n.clone())).collect());
        let nlocals = code.varnames.len() as i64;
        let attrs = [
            ("co_name", Value::Str(code.name.clone())),
            ("co_qualname", Value::Str(code.qualname.clone())),
            ("co_varnames", names(&code.varnames)),
            ("co_cellvars", names(&code.cellvars)),
            ("co_freevars", names(&code.freevars)),
            ("co_argcount", Value::Int(code.argcount as i64)),
            (
                "co_posonlyargcount",
                Value::Int(code.posonlyargcount as i64),
            ),
            ("co_kwonlyargcount", Value::Int(code.kwonlyargcount as i64)),
            ("co_nlocals", Value::Int(nlocals)),
            ("co_firstlineno", Value::Int(code.firstlineno as i64)),
        ];
        if let Value::Instance(i) = &obj {
            let mut d = i.dict.borrow_mut();
            for (k, v) in attrs {
                d.insert(Rc::from(k), v);
            }
        }
        Ok(obj)
    }

    /// `getattr` on a Python function.
    fn function_getattr(&mut self, f: &Function, name: &Name) -> Result<Value, Error> {
        match &**name {
            "__name__" => return Ok(Value::Str(f.name.borrow().clone())),
            "__qualname__" => return Ok(Value::Str(f.qualname.borrow().clone())),
            // Both settable (functools.wraps copies them): a set value wins.
            "__module__" | "__doc__" if f.dict.borrow().get(name).is_some() => {}
            "__module__" => return Ok(f.globals.get("__name__").unwrap_or(Value::None)),
            "__doc__" => return Ok(f.code.doc.clone().map(Value::Str).unwrap_or(Value::None)),
            "__defaults__" => {
                return Ok(if f.defaults.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.defaults.clone())
                })
            }
            "__kwdefaults__" => {
                if f.kwdefaults.is_empty() {
                    return Ok(Value::None);
                }
                let mut d = crate::vm::dict::Dict::new();
                for (k, v) in &f.kwdefaults {
                    self.dict_set(&mut d, Value::Str(k.clone()), v.clone())?;
                }
                return Ok(Value::dict(d));
            }
            "__annotations__" if f.dict.borrow().get(name).is_none() => {
                // Made on first access, then kept (as CPython does).
                let d = Value::dict(crate::vm::dict::Dict::new());
                f.dict.borrow_mut().insert(name.clone(), d.clone());
                return Ok(d);
            }
            "__code__" => return self.code_object(&f.code),
            "__dict__" => {
                let mut d = crate::vm::dict::Dict::new();
                for (k, v) in f.dict.borrow().entries.clone() {
                    self.dict_set(&mut d, Value::Str(k), v)?;
                }
                return Ok(Value::dict(d));
            }
            _ => {}
        }
        if let Some(v) = f.dict.borrow().get(name) {
            return Ok(v.clone());
        }
        Err(self.attribute_error(format!("'function' object has no attribute '{name}'")))
    }

    /// `getattr` on a class (`C.x`, `C.__mro__`, `str.upper`).
    fn class_getattr(&mut self, obj: &Value, c: &Rc<Class>, name: &Name) -> Result<Value, Error> {
        if &**name == "__annotations__" && c.layout == Layout::Object {
            // The class's own, made on first access and then kept (CPython
            // 3.10+ never inherits a base's).
            let own = c.dict.borrow().get(name).cloned();
            return Ok(match own {
                Some(d) => d,
                None => {
                    let d = Value::dict(crate::vm::dict::Dict::new());
                    c.dict.borrow_mut().insert(name.clone(), d.clone());
                    d
                }
            });
        }
        if let Some(a) = self.type_lookup(c, name) {
            return Ok(match a {
                Value::ClassMethod(f) => Value::Method(Rc::new((obj.clone(), (*f).clone()))),
                Value::StaticMethod(f) => (*f).clone(),
                other => other,
            });
        }
        match &**name {
            "__name__" => return Ok(Value::Str(c.name.clone())),
            "__qualname__" => return Ok(Value::Str(c.qualname.clone())),
            "__module__" => return Ok(Value::Str(c.module.clone())),
            "__mro__" => {
                return Ok(Value::tuple(
                    c.mro
                        .borrow()
                        .iter()
                        .map(|k| Value::Class(k.clone()))
                        .collect(),
                ))
            }
            "__bases__" => {
                let b: Vec<Value> = if c.bases.is_empty() && &*c.name != "object" {
                    vec![Value::Class(self.types.object.clone())]
                } else {
                    c.bases.iter().map(|k| Value::Class(k.clone())).collect()
                };
                return Ok(Value::tuple(b));
            }
            "__base__" => {
                return Ok(c
                    .bases
                    .first()
                    .map(|b| Value::Class(b.clone()))
                    .unwrap_or(Value::None))
            }
            "__doc__" => return Ok(Value::None),
            "__dict__" => {
                let mut d = crate::vm::dict::Dict::new();
                for (k, v) in c.dict.borrow().entries.clone() {
                    self.dict_set(&mut d, Value::Str(k), v)?;
                }
                return Ok(Value::dict(d));
            }
            _ => {}
        }
        if let Some(v) = self.object_unbound(name) {
            return Ok(v);
        }
        if Rc::ptr_eq(c, &self.types.int) && &**name == "from_bytes" {
            return Ok(self.native_fn("from_bytes", |vm, args, kw| {
                match vm.call_builtin_method(&Value::Int(0), "from_bytes", args, kw)? {
                    Some(v) => Ok(v),
                    None => Ok(Value::Int(0)),
                }
            }));
        }
        let str_maketrans = Rc::ptr_eq(c, &self.types.str_) && &**name == "maketrans";
        if str_maketrans
            || (Rc::ptr_eq(c, &self.types.bytes) || Rc::ptr_eq(c, &self.types.bytearray))
                && (&**name == "fromhex" || &**name == "maketrans")
        {
            let empty = if str_maketrans {
                Value::str("")
            } else if Rc::ptr_eq(c, &self.types.bytes) {
                Value::Bytes(Rc::from(Vec::new()))
            } else {
                Value::ByteArray(Rc::new(RefCell::new(Vec::new())))
            };
            let method = name.clone();
            return Ok(self.native_fn(name, move |vm, args, kw| {
                match vm.call_builtin_method(&empty, &method, args, kw)? {
                    Some(v) => Ok(v),
                    None => Ok(Value::None),
                }
            }));
        }
        if Rc::ptr_eq(c, &self.types.dict) && &**name == "fromkeys" {
            return Ok(self.native_fn("fromkeys", |vm, args, kw| {
                let d = Value::dict(crate::vm::dict::Dict::new());
                match vm.call_builtin_method(&d, "fromkeys", args, kw)? {
                    Some(v) => Ok(v),
                    None => Ok(d),
                }
            }));
        }
        // Methods of builtin types accessed on the class (str.upper).
        if c.layout == Layout::Builtin && self.builtin_has_method(c, name) {
            let n = name.clone();
            let f = move |vm: &mut Vm,
                          args: &[Value],
                          kw: &[(Name, Value)]|
                  -> Result<Value, Error> {
                let Some((first, rest)) = args.split_first() else {
                    return Err(vm.type_error(format!("unbound method {n}() needs an argument")));
                };
                match vm.call_builtin_method(first, &n, rest, kw)? {
                    Some(v) => Ok(v),
                    None => Err(vm.attribute_error(format!("no method {n}"))),
                }
            };
            return Ok(self.native_fn(name, f));
        }
        Err(self.attribute_error(format!(
            "type object '{}' has no attribute '{}'",
            c.name, name
        )))
    }

    /// An int argument of any size (`__index__` honoured).
    pub(crate) fn as_big(&mut self, v: &Value) -> Result<BigInt, Error> {
        if let Some(b) = v.to_big() {
            return Ok(b);
        }
        if let Value::Instance(_) = v {
            if let Some(f) = self.lookup_special_bound(v, "__index__") {
                let r = self.call(&f, vec![], vec![])?;
                if let Some(b) = r.to_big() {
                    return Ok(b);
                }
            }
        }
        let t = self.type_name(v);
        Err(self.type_error(format!("'{t}' object cannot be interpreted as an integer")))
    }

    pub(crate) fn as_i64(&mut self, v: &Value) -> Result<i64, Error> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(_) => {
                let c = self.types.overflow_error.clone();
                Err(self.new_error(&c, "Python int too large to convert to C ssize_t"))
            }
            _ => {
                let t = self.type_name(v);
                Err(self.type_error(format!("'{t}' object cannot be interpreted as an integer")))
            }
        }
    }

    /// `object.__setattr__` and friends looked up on a class (unbound:
    /// the instance is the first argument).
    fn object_unbound(&mut self, name: &str) -> Option<Value> {
        Some(match name {
            "__setattr__" => self.native_fn("__setattr__", |vm, a, _| {
                match (a.first(), a.get(1), a.get(2)) {
                    (Some(Value::Instance(i)), Some(Value::Str(n)), Some(v)) => {
                        i.dict.borrow_mut().insert(n.clone(), v.clone());
                        Ok(Value::None)
                    }
                    (Some(o), Some(Value::Str(n)), Some(v)) => {
                        let n = n.clone();
                        vm.setattr(o, &n, v.clone())?;
                        Ok(Value::None)
                    }
                    _ => Err(vm.type_error("expected 3 arguments, got fewer")),
                }
            }),
            "__delattr__" => {
                self.native_fn("__delattr__", |vm, a, _| match (a.first(), a.get(1)) {
                    (Some(o), Some(Value::Str(n))) => {
                        let n = n.clone();
                        vm.delattr_plain(o, &n)?;
                        Ok(Value::None)
                    }
                    _ => Err(vm.type_error("expected 2 arguments")),
                })
            }
            "__getattribute__" => {
                self.native_fn("__getattribute__", |vm, a, _| match (a.first(), a.get(1)) {
                    (Some(Value::Instance(i)), Some(Value::Str(n)))
                        if i.dict.borrow().contains(n) =>
                    {
                        Ok(i.dict.borrow().get(n).cloned().unwrap_or(Value::None))
                    }
                    (Some(o), Some(Value::Str(n))) => {
                        let n = n.clone();
                        vm.getattr(o, &n)
                    }
                    _ => Err(vm.type_error("expected 2 arguments")),
                })
            }
            "__init__" | "__init_subclass__" => self.native_fn(name, |_, _, _| Ok(Value::None)),
            "__new__" => self.native_fn("__new__", |vm, a, _| match a.first() {
                Some(Value::Class(c)) => {
                    let c = c.clone();
                    Ok(vm.new_instance(&c, a[1..].to_vec()))
                }
                _ => Err(vm.type_error("object.__new__(X): X is not a type object")),
            }),
            "__repr__" | "__str__" => self.native_fn(name, |vm, a, _| match a.first() {
                Some(Value::Instance(i)) => {
                    let cls = i.class();
                    let m = if &*cls.module == "builtins" {
                        String::new()
                    } else {
                        format!("{}.", cls.module)
                    };
                    Ok(Value::Str(Rc::from(format!(
                        "<{m}{} object at {}>",
                        cls.qualname,
                        crate::vm::format::fake_addr(i.id)
                    ))))
                }
                Some(o) => Ok(Value::Str(Rc::from(vm.repr(o)?))),
                None => Err(vm.type_error("descriptor needs an argument")),
            }),
            _ => return None,
        })
    }

    /// `object.__init__`, `object.__new__`… reached through `super()`.
    fn object_method(&mut self, name: &str, target: &Value) -> Option<Value> {
        let t = target.clone();
        match name {
            "__init__" => {
                let is_exc = matches!(&t, Value::Instance(i) if i.exc.is_some());
                Some(self.native_fn("__init__", move |vm, args, _| {
                    if is_exc {
                        if let Some(d) = vm.exc_data(&t) {
                            d.borrow_mut().args = args.to_vec();
                        }
                    }
                    Ok(Value::None)
                }))
            }
            "__new__" => Some(
                self.native_fn("__new__", move |vm, args, _| match args.first() {
                    Some(Value::Class(c)) => {
                        let c = c.clone();
                        Ok(vm.new_instance(&c, args[1..].to_vec()))
                    }
                    _ => Err(vm.type_error("object.__new__(X): X is not a type object")),
                }),
            ),
            "__repr__" | "__str__" => Some(self.native_fn(name, move |vm, _, _| {
                let s = match &t {
                    Value::Instance(i) => {
                        let cls = i.class();
                        format!(
                            "<{}.{} object at {}>",
                            cls.module,
                            cls.qualname,
                            crate::vm::format::fake_addr(i.id)
                        )
                    }
                    other => vm.repr(other)?,
                };
                Ok(Value::Str(Rc::from(s)))
            })),
            "__eq__" => Some(self.native_fn("__eq__", move |_vm, args, _| {
                Ok(match args.first() {
                    Some(o) if o.is(&t) => Value::Bool(true),
                    _ => Value::NotImplemented,
                })
            })),
            "__hash__" => Some(self.native_fn("__hash__", move |_vm, _, _| {
                Ok(Value::Int(match &t {
                    Value::Instance(i) => crate::vm::ops::identity_hash(i),
                    other => other.ptr().unwrap_or(0) as i64 >> 4,
                }))
            })),
            "__setattr__" => Some(self.native_fn("__setattr__", move |vm, args, _| {
                if let (Some(Value::Str(n)), Some(v)) = (args.first(), args.get(1)) {
                    if let Value::Instance(i) = &t {
                        i.dict.borrow_mut().insert(n.clone(), v.clone());
                        return Ok(Value::None);
                    }
                }
                Err(vm.type_error("bad __setattr__ call"))
            })),
            "__getattribute__" => {
                Some(
                    self.native_fn("__getattribute__", move |vm, args, _| match args.first() {
                        Some(Value::Str(n)) => {
                            if let Value::Instance(i) = &t {
                                if let Some(v) = i.dict.borrow().get(n) {
                                    return Ok(v.clone());
                                }
                            }
                            let n = n.clone();
                            vm.getattr(&t, &n)
                        }
                        _ => Err(vm.type_error("attribute name must be string")),
                    }),
                )
            }
            "__init_subclass__" => Some(self.native_fn(name, |_, _, _| Ok(Value::None))),
            _ => None,
        }
    }

    fn special_instance_attr(
        &mut self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: &str,
    ) -> Result<Option<Value>, Error> {
        if name == "__class__" {
            return Ok(Some(Value::Class(inst.class())));
        }
        if name == "__dict__" {
            let mut d = crate::vm::dict::Dict::new();
            for (k, v) in inst.dict.borrow().entries.clone() {
                self.dict_set(&mut d, Value::Str(k), v)?;
            }
            return Ok(Some(Value::dict(d)));
        }
        if let Some(d) = &inst.exc {
            let d = d.borrow();
            let v = match name {
                "args" => Value::tuple(d.args.clone()),
                "__cause__" => d.cause.clone().unwrap_or(Value::None),
                "__context__" => d.context.clone().unwrap_or(Value::None),
                "__suppress_context__" => Value::Bool(d.suppress_context),
                "__traceback__" => {
                    if d.traceback.is_empty() {
                        Value::None
                    } else {
                        Value::Str(Rc::from("<traceback>"))
                    }
                }
                "__notes__" => {
                    if d.notes.is_empty() {
                        drop(d);
                        return Err(self.attribute_error(format!(
                            "'{}' object has no attribute '__notes__'",
                            inst.class().name
                        )));
                    }
                    Value::list(d.notes.clone())
                }
                // SystemExit.code: the one argument, None for none, else the args.
                "code" if self.is_instance_of(obj, &self.types.system_exit.clone()) => {
                    match d.args.len() {
                        0 => Value::None,
                        1 => d.args[0].clone(),
                        _ => Value::tuple(d.args.clone()),
                    }
                }
                "message" if self.is_instance_of(obj, &self.types.base_exception_group.clone()) => {
                    d.args.first().cloned().unwrap_or(Value::str(""))
                }
                "exceptions"
                    if self.is_instance_of(obj, &self.types.base_exception_group.clone()) =>
                {
                    match d.args.get(1) {
                        Some(Value::List(l)) => Value::tuple(l.borrow().clone()),
                        Some(v) => v.clone(),
                        None => Value::empty_tuple(),
                    }
                }
                "value" if self.is_instance_of(obj, &self.types.stop_iteration.clone()) => {
                    d.args.first().cloned().unwrap_or(Value::None)
                }
                "add_note" | "with_traceback" | "split" | "subgroup" | "derive" => {
                    drop(d);
                    let n: Name = Rc::from(name);
                    let me = obj.clone();
                    return Ok(Some(Value::Builtin(Rc::new(Builtin {
                        name: n.clone(),
                        func: Rc::new(move |vm: &mut Vm, args: &[Value], _kw: &[(Name, Value)]| {
                            crate::vm::library::builtins::exc_method(vm, &me, &n, &args[1..])
                        }),
                        bound: Some(obj.clone()),
                        owner: None,
                    }))));
                }
                _ => return Ok(None),
            };
            return Ok(Some(v));
        }
        Ok(None)
    }

    pub fn setattr(&mut self, obj: &Value, name: &Name, v: Value) -> Result<(), Error> {
        match obj {
            Value::Instance(inst) => {
                let (prop, custom_setattr) = {
                    let cls = inst.class.borrow();
                    let prop = self.type_lookup(&cls, name);
                    let custom = self.special_lookup(&cls, "__setattr__");
                    (prop, custom)
                };
                // The common case: a plain attribute of a plain object.
                if custom_setattr.is_none()
                    && inst.exc.is_none()
                    && !matches!(prop, Some(Value::Property(_) | Value::Instance(_)))
                {
                    inst.dict.borrow_mut().insert(name.clone(), v);
                    return Ok(());
                }
                let cls = inst.class();
                // A data descriptor written in Python: `__set__(instance, value)`.
                if let Some(Value::Instance(d)) = &prop {
                    if let Some(set) = self.special_lookup(&d.class(), "__set__") {
                        let desc = Value::Instance(d.clone());
                        self.call(&set, vec![desc, obj.clone(), v], vec![])?;
                        return Ok(());
                    }
                    if custom_setattr.is_none() && inst.exc.is_none() {
                        inst.dict.borrow_mut().insert(name.clone(), v);
                        return Ok(());
                    }
                }
                if let Some(Value::Property(p)) = prop {
                    if p[1].is_none() {
                        return Err(self.attribute_error(format!(
                            "property '{name}' of '{}' object has no setter",
                            cls.name
                        )));
                    }
                    self.call(&p[1].clone(), vec![obj.clone(), v], vec![])?;
                    return Ok(());
                }
                if let Some(sa) = custom_setattr {
                    self.call(&sa, vec![obj.clone(), Value::Str(name.clone()), v], vec![])?;
                    return Ok(());
                }
                if let Some(d) = &inst.exc {
                    let mut d = d.borrow_mut();
                    match &**name {
                        "__cause__" => {
                            d.cause = if v.is_none() { None } else { Some(v) };
                            d.suppress_context = true;
                            return Ok(());
                        }
                        "__context__" => {
                            d.context = if v.is_none() { None } else { Some(v) };
                            return Ok(());
                        }
                        "__suppress_context__" => {
                            d.suppress_context = matches!(v, Value::Bool(true));
                            return Ok(());
                        }
                        "args" => {
                            if let Value::Tuple(t) = &v {
                                d.args = t.to_vec();
                            }
                            return Ok(());
                        }
                        _ => {}
                    }
                }
                inst.dict.borrow_mut().insert(name.clone(), v);
                Ok(())
            }
            Value::Class(c) => {
                if c.layout == Layout::Builtin {
                    return Err(self.type_error(format!(
                        "cannot set '{name}' attribute of immutable type '{}'",
                        c.name
                    )));
                }
                c.dict.borrow_mut().insert(name.clone(), v);
                self.type_cache.invalidate();
                Ok(())
            }
            Value::Function(f) => {
                match &**name {
                    "__name__" => {
                        if let Value::Str(s) = v {
                            *f.name.borrow_mut() = s;
                        }
                    }
                    "__qualname__" => {
                        if let Value::Str(s) = v {
                            *f.qualname.borrow_mut() = s;
                        }
                    }
                    _ => f.dict.borrow_mut().insert(name.clone(), v),
                }
                Ok(())
            }
            Value::Module(m) => {
                m.globals.set(name, v);
                Ok(())
            }
            _ => {
                let t = self.type_name(obj);
                if self.builtin_has_method(&self.class_of(obj), name) {
                    return Err(self
                        .attribute_error(format!("'{t}' object attribute '{name}' is read-only")));
                }
                Err(self.attribute_error(format!("'{t}' object has no attribute '{name}'")))
            }
        }
    }

    pub fn delattr(&mut self, obj: &Value, name: &Name) -> Result<(), Error> {
        if let Value::Instance(inst) = obj {
            // A class's own __delattr__ (e.g. a frozen dataclass) runs first.
            let custom = self.special_lookup(&inst.class(), "__delattr__");
            if let Some(f) = custom {
                self.call(&f, vec![obj.clone(), Value::Str(name.clone())], vec![])?;
                return Ok(());
            }
        }
        self.delattr_plain(obj, name)
    }

    /// `del obj.name` without the class's `__delattr__` (`object.__delattr__`).
    pub fn delattr_plain(&mut self, obj: &Value, name: &Name) -> Result<(), Error> {
        match obj {
            Value::Instance(inst) => {
                if let Some(Value::Property(p)) = inst.class().lookup(name) {
                    if !p[2].is_none() {
                        self.call(&p[2].clone(), vec![obj.clone()], vec![])?;
                        return Ok(());
                    }
                }
                if inst.dict.borrow_mut().remove(name).is_none() {
                    let cn = inst.class().name.clone();
                    return Err(
                        self.attribute_error(format!("'{cn}' object has no attribute '{name}'"))
                    );
                }
                Ok(())
            }
            Value::Class(c) => {
                self.type_cache.invalidate();
                if c.dict.borrow_mut().remove(name).is_none() {
                    return Err(self.attribute_error(format!(
                        "type object '{}' has no attribute '{name}'",
                        c.name
                    )));
                }
                Ok(())
            }
            Value::Function(f) => {
                f.dict.borrow_mut().remove(name);
                Ok(())
            }
            Value::Module(m) => {
                m.globals.remove(name);
                Ok(())
            }
            _ => {
                let t = self.type_name(obj);
                Err(self.attribute_error(format!("'{t}' object has no attribute '{name}'")))
            }
        }
    }

    /// Create a class (`class` statement / `type(name, bases, dict)`).
    pub fn new_class(
        &mut self,
        name: &Value,
        bases: Vec<Rc<Class>>,
        ns: AttrMap,
        _kwargs: &Value,
    ) -> Result<Rc<Class>, Error> {
        let name: Name = match name {
            Value::Str(s) => s.clone(),
            _ => return Err(self.type_error("type.__new__() argument 1 must be str")),
        };
        let bases = if bases.is_empty() {
            vec![self.types.object.clone()]
        } else {
            bases
        };
        let mut layout = Layout::Object;
        for b in &bases {
            match b.layout {
                Layout::Exception => layout = Layout::Exception,
                Layout::Builtin => {
                    return Err(self.type_error(format!(
                        "Looplab does not support subclassing the built-in type '{}'",
                        b.name
                    )))
                }
                Layout::Object => {}
            }
        }
        let mro_tail = match c3_merge(&bases) {
            Some(m) => m,
            None => {
                let names: Vec<String> = bases.iter().map(|b| b.name.to_string()).collect();
                return Err(self.type_error(format!(
                    "Cannot create a consistent method resolution order (MRO) for bases {}",
                    names.join(", ")
                )));
            }
        };
        let module: Name = match ns.get("__module__") {
            Some(Value::Str(s)) => s.clone(),
            _ => Rc::from("__main__"),
        };
        let qualname: Name = match ns.get("__qualname__") {
            Some(Value::Str(s)) => s.clone(),
            _ => name.clone(),
        };
        let mut ns = ns;
        ns.remove("__qualname__");
        // Implicit staticmethod for __new__, classmethod for __init_subclass__.
        if let Some(f @ Value::Function(_)) = ns.get("__new__").cloned() {
            ns.insert(Rc::from("__new__"), Value::StaticMethod(Rc::new(f)));
        }
        // A class defining __eq__ without __hash__ is unhashable.
        if ns.contains("__eq__") && !ns.contains("__hash__") {
            ns.insert(Rc::from("__hash__"), Value::None);
        }
        let c = Rc::new(Class {
            name,
            qualname,
            module,
            bases,
            mro: RefCell::new(Vec::new()),
            dict: RefCell::new(ns),
            layout,
            id: class_id(),
        });
        let mut mro = vec![c.clone()];
        mro.extend(mro_tail);
        *c.mro.borrow_mut() = mro;
        // __set_name__ hooks (in definition order); `init_subclass` runs
        // __init_subclass__ once the caller has the class.
        let hooks: Vec<(Name, Value)> = c
            .dict
            .borrow()
            .entries
            .iter()
            .filter(|(_, v)| matches!(v, Value::Instance(_)))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (attr, v) in hooks {
            if let Value::Instance(d) = &v {
                if let Some(hook) = self.special_lookup(&d.class(), "__set_name__") {
                    self.call(
                        &hook,
                        vec![v.clone(), Value::Class(c.clone()), Value::Str(attr)],
                        vec![],
                    )?;
                }
            }
        }
        Ok(c)
    }

    /// Runs the nearest base's `__init_subclass__` (implicitly a
    /// classmethod, as in CPython) for a class just created, with the
    /// class statement's keywords.
    pub(crate) fn init_subclass(&mut self, cls: &Rc<Class>, kwargs: &Value) -> Result<(), Error> {
        let mro = cls.mro.borrow().clone();
        let found = mro
            .iter()
            .skip(1)
            .find_map(|k| k.dict.borrow().get("__init_subclass__").cloned());
        let Some(f) = found else {
            return Ok(());
        };
        let f = match f {
            Value::ClassMethod(inner) => (*inner).clone(),
            other => other,
        };
        let mut kw = Vec::new();
        if let Value::Dict(d) = kwargs {
            for (k, v) in d.borrow().items() {
                if let Value::Str(s) = k {
                    if &*s != "metaclass" {
                        kw.push((s, v));
                    }
                }
            }
        }
        self.call(&f, vec![Value::Class(cls.clone())], kw)?;
        Ok(())
    }

    /// A class-level stand-in for a metaclass method (`__class_iter__`,
    /// `__class_len__`, `__class_contains__`, `__class_repr__`), bound to
    /// `cls`, if the class defines one (`enum` uses them; Looplab has no
    /// metaclasses yet).
    pub(crate) fn class_hook(&mut self, cls: &Rc<Class>, name: &'static str) -> Option<Value> {
        let f = self.special_lookup(cls, name)?;
        let f = match f {
            Value::ClassMethod(inner) => (*inner).clone(),
            other => other,
        };
        Some(Value::Method(Rc::new((Value::Class(cls.clone()), f))))
    }

    /// A bare instance of `cls` (no `__init__` call).
    pub fn new_instance(&mut self, cls: &Rc<Class>, args: Vec<Value>) -> Value {
        let id = self.fresh_id();
        let is_exc = cls.layout == Layout::Exception;
        let v = Value::Instance(Rc::new(Instance {
            class: RefCell::new(cls.clone()),
            dict: RefCell::new(AttrMap::new()),
            exc: if is_exc {
                Some(RefCell::new(ExcData {
                    args,
                    ..Default::default()
                }))
            } else {
                None
            },
            native: RefCell::new(None),
            id,
        }));
        self.tracked.instance(&v);
        v
    }

    /// Calling a class: `__new__` then `__init__`.
    pub(crate) fn instantiate(
        &mut self,
        c: &Rc<Class>,
        mut args: Vec<Value>,
        kw: Vec<(Name, Value)>,
        link: Link,
    ) -> Result<Invoked, Error> {
        if c.layout == Layout::Builtin {
            if let Some(f) = self.python_loop_for_class(c, &args, &kw)? {
                // (`list(generator)`: see `interp/python_loops.rs`.)
                return self.invoke(&f, args, kw, link);
            }
            return Ok(Invoked::Value(self.construct_builtin(c, args, kw)?));
        }
        let inst = match self.special_lookup(c, "__new__") {
            Some(newf) => {
                let mut a = vec![Value::Class(c.clone())];
                a.extend(args.iter().cloned());
                let inst = self.call(&newf, a, kw.clone())?;
                if !self.is_instance_of(&inst, c) {
                    return Ok(Invoked::Value(inst));
                }
                inst
            }
            None => self.new_instance(c, args.clone()),
        };
        match self.special_lookup(c, "__init__") {
            Some(Value::Function(f)) => {
                args.insert(0, inst.clone());
                // A generator or coroutine `__init__` returns its generator
                // object at once (then the TypeError below): no frame to push.
                let plain = f.code.kind == crate::compile::code::CodeKind::Function;
                if matches!(link, Link::Entry) || !plain {
                    let r = self.call(&Value::Function(f), args, kw)?;
                    if !r.is_none() {
                        let tn = self.type_name(&r);
                        return Err(
                            self.type_error(format!("__init__() should return None, not '{tn}'"))
                        );
                    }
                    Ok(Invoked::Value(inst))
                } else {
                    let mut frame = self.make_frame(&f, args, kw)?;
                    frame.link = Link::Init(inst);
                    self.push_frame(frame)?;
                    Ok(Invoked::Pushed)
                }
            }
            Some(other) => {
                args.insert(0, inst.clone());
                self.call(&other, args, kw)?;
                Ok(Invoked::Value(inst))
            }
            None => {
                if c.layout == Layout::Exception {
                    if !kw.is_empty() {
                        return Err(
                            self.type_error(format!("{}() takes no keyword arguments", c.name))
                        );
                    }
                    return Ok(Invoked::Value(inst));
                }
                if (!args.is_empty() || !kw.is_empty())
                    && self.special_lookup(c, "__new__").is_none()
                {
                    return Err(self.type_error(format!("{}() takes no arguments", c.name)));
                }
                Ok(Invoked::Value(inst))
            }
        }
    }

    // -----------------------------------------------------------------
    // Native classes (for the event-loop glue)

    /// Create a class implemented in Rust. `methods` become its namespace
    /// (native functions receive `self` as `args[0]`).
    pub fn new_native_class(
        &mut self,
        name: &str,
        module: &str,
        base: Option<Rc<Class>>,
        methods: Vec<(&str, Value)>,
    ) -> Rc<Class> {
        let base = base.unwrap_or_else(|| self.types.object.clone());
        let layout = if base.layout == Layout::Exception {
            Layout::Exception
        } else {
            Layout::Object
        };
        let mut ns = AttrMap::new();
        for (k, v) in methods {
            let k = self.intern(k);
            ns.insert(k, v);
        }
        let c = Rc::new(Class {
            name: Rc::from(name),
            qualname: Rc::from(name),
            module: Rc::from(module),
            bases: vec![base.clone()],
            mro: RefCell::new(Vec::new()),
            dict: RefCell::new(ns),
            layout,
            id: class_id(),
        });
        let mut mro = vec![c.clone()];
        mro.extend(base.mro.borrow().iter().cloned());
        *c.mro.borrow_mut() = mro;
        c
    }

    /// An instance of a native class carrying a Rust payload.
    pub fn new_native_instance(&mut self, cls: &Rc<Class>, payload: Box<dyn Any>) -> Value {
        let v = self.new_instance(cls, vec![]);
        if let Value::Instance(i) = &v {
            *i.native.borrow_mut() = Some(payload);
        }
        v
    }

    /// Borrow the payload of a native instance as `T`.
    pub fn native_payload<T: 'static, R>(
        &self,
        v: &Value,
        f: impl FnOnce(&mut T) -> R,
    ) -> Option<R> {
        let Value::Instance(i) = v else { return None };
        let mut b = i.native.borrow_mut();
        let p = b.as_mut()?.downcast_mut::<T>()?;
        Some(f(p))
    }

    /// An iterator that yields `obj` once, then returns `on_done(obj)`
    /// (raising StopIteration with it) — the shape of `Future.__await__`.
    pub fn yield_once_iter(
        &mut self,
        obj: Value,
        on_done: impl Fn(&mut Vm, &[Value], &[(Name, Value)]) -> Result<Value, Error> + 'static,
    ) -> Value {
        Value::Iter(Rc::new(RefCell::new(IterObj::YieldOnce {
            obj,
            yielded: false,
            on_done: Rc::new(on_done),
        })))
    }
}

/// C3 linearisation of the bases' MROs (without the new class itself).
fn c3_merge(bases: &[Rc<Class>]) -> Option<Vec<Rc<Class>>> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases.iter().map(|b| b.mro.borrow().clone()).collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let mut cand = None;
        for s in &seqs {
            let head = &s[0];
            let in_tail = seqs
                .iter()
                .any(|t| t[1..].iter().any(|x| Rc::ptr_eq(x, head)));
            if !in_tail {
                cand = Some(head.clone());
                break;
            }
        }
        let c = cand?;
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}
