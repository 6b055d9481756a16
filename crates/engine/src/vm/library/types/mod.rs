//! Methods of the builtin types, one file per type (`str.rs`, `list.rs`,
//! …). Each file exports its table `METHODS`: one [`Method`] row per
//! method, its name next to its body. That one table is what method calls
//! (`x.upper()`), attribute lookup (`x.upper`, `str.upper`), `hasattr`,
//! `dir()` and the "read-only attribute" check all read, so a method
//! cannot be callable without being listed or listed without being
//! callable. Every type also has the methods of [`object::METHODS`]
//! (`__repr__`, `__eq__`, …), as every Python type inherits `object`'s.
//!
//! Adding a method = one row in its type's table. Adding a type = one file
//! plus one arm in [`methods_of_value`] and one in `Vm::builtin_methods`.

pub mod bytes;
pub mod dict;
pub mod dict_view;
pub mod float;
pub mod int;
pub mod iter;
pub mod list;
pub mod object;
pub mod range;
pub mod set;
pub mod str;
pub mod tuple;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;
use std::sync::OnceLock;

use crate::ast::Name;
use crate::vm::value::*;
use crate::vm::{Error, Vm};

/// Keyword arguments of a call.
pub type Kw<'a> = &'a [(Name, Value)];

/// A method's body: `(vm, self, positional args, keyword args)`. `self` is
/// always a value of the type whose table holds the row.
pub type MethodFn = fn(&mut Vm, &Value, &[Value], Kw) -> Result<Value, Error>;

/// One row of a type's method table.
pub struct Method {
    pub name: &'static str,
    pub call: MethodFn,
}

/// A table row: `m("upper", |vm, this, args, kw| …)`.
pub const fn m(name: &'static str, call: MethodFn) -> Method {
    Method { name, call }
}

/// A type's method table: its rows, and an index by name built on first
/// use (a method call looks its name up in a hash map, not row by row).
pub struct Table {
    pub rows: &'static [Method],
    index: OnceLock<HashMap<&'static str, MethodFn, BuildHasherDefault<NameHasher>>>,
}

impl Table {
    pub const fn new(rows: &'static [Method]) -> Table {
        Table {
            rows,
            index: OnceLock::new(),
        }
    }

    /// The body of method `name`.
    #[inline]
    pub fn find(&self, name: &str) -> Option<MethodFn> {
        self.index
            .get_or_init(|| self.rows.iter().map(|r| (r.name, r.call)).collect())
            .get(name)
            .copied()
    }
}

/// A fast hash for short method names (the multiply-rotate scheme of the
/// Rust compiler's own "Fx" hash).
#[derive(Default)]
pub struct NameHasher(u64);

impl Hasher for NameHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.add(b as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

impl NameHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// The method table of a value's type; `None` for the values whose type
/// has none (they still have [`object::METHODS`]).
#[inline]
pub fn methods_of_value(v: &Value) -> Option<&'static Table> {
    Some(match v {
        Value::Str(_) => &str::METHODS,
        Value::List(_) => &list::METHODS,
        Value::Dict(_) => &dict::METHODS,
        Value::Set(_) => &set::SET_METHODS,
        Value::FrozenSet(_) => &set::FROZENSET_METHODS,
        Value::Tuple(_) => &tuple::METHODS,
        Value::Range(_) => &range::METHODS,
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => &int::METHODS,
        Value::Float(_) => &float::METHODS,
        Value::Iter(_) => &iter::METHODS,
        Value::Bytes(_) => &bytes::METHODS,
        Value::ByteArray(_) => &bytes::BYTEARRAY_METHODS,
        Value::DictView(_) => &dict_view::METHODS,
        _ => return None,
    })
}

/// The receiver as the variant its table is for (dispatch guarantees it;
/// anything else is a bug reported as an internal error, not a panic).
macro_rules! this {
    ($this:expr, $variant:path) => {
        match $this {
            $variant(x) => x,
            _ => {
                return Err($crate::vm::Error::Internal(
                    "method table of the wrong type".into(),
                ))
            }
        }
    };
}
pub(crate) use this;

impl Vm {
    /// The method table of builtin type `cls` (the exact class).
    pub(crate) fn builtin_methods(&self, cls: &Rc<Class>) -> Option<&'static Table> {
        let t = &self.types;
        let is = |c: &Rc<Class>| Rc::ptr_eq(cls, c);
        Some(if is(&t.str_) {
            &str::METHODS
        } else if is(&t.list) {
            &list::METHODS
        } else if is(&t.dict) {
            &dict::METHODS
        } else if is(&t.set) {
            &set::SET_METHODS
        } else if is(&t.frozenset) {
            &set::FROZENSET_METHODS
        } else if is(&t.tuple) {
            &tuple::METHODS
        } else if is(&t.int) || is(&t.bool_) {
            &int::METHODS
        } else if is(&t.float) {
            &float::METHODS
        } else if is(&t.iterator) || t.iterators.iter().any(is) {
            &iter::METHODS
        } else if is(&t.bytes) {
            &bytes::METHODS
        } else if is(&t.bytearray) {
            &bytes::BYTEARRAY_METHODS
        } else if is(&t.dict_keys) || is(&t.dict_values) || is(&t.dict_items) {
            &dict_view::METHODS
        } else if is(&t.range) {
            &range::METHODS
        } else {
            return None;
        })
    }

    /// Whether builtin type `cls` has method `name` (its table or
    /// `object`'s).
    pub(crate) fn builtin_has_method(&self, cls: &Rc<Class>, name: &str) -> bool {
        match self.builtin_methods(cls) {
            Some(table) => table
                .find(name)
                .or_else(|| object::METHODS.find(name))
                .is_some(),
            None => false,
        }
    }

    /// The names of the methods of builtin type `cls` (its table and
    /// `object`'s), unsorted; empty for other classes.
    pub(crate) fn builtin_method_names(&self, cls: &Rc<Class>) -> Vec<&'static str> {
        match self.builtin_methods(cls) {
            Some(table) => table
                .rows
                .iter()
                .chain(object::METHODS.rows)
                .map(|r| r.name)
                .collect(),
            None => vec![],
        }
    }

    /// Call method `name` of a built-in value. `Ok(None)`: no such method
    /// (the caller falls back to generic attribute lookup).
    #[inline]
    pub fn call_builtin_method(
        &mut self,
        obj: &Value,
        name: &str,
        args: &[Value],
        kw: Kw,
    ) -> Result<Option<Value>, Error> {
        let f = match methods_of_value(obj).and_then(|t| t.find(name)) {
            Some(f) => f,
            None => match object::METHODS.find(name) {
                Some(f) => f,
                None => return Ok(None),
            },
        };
        f(self, obj, args, kw).map(Some)
    }
}

/// `TypeError` for a method called with the wrong number of arguments
/// (CPython's wording for the slot wrappers: `expected 1 argument, got 0`).
pub(crate) fn expect_args(vm: &mut Vm, args: &[Value], n: usize) -> Result<(), Error> {
    if args.len() == n {
        return Ok(());
    }
    let s = if n == 1 { "" } else { "s" };
    Err(vm.type_error(format!("expected {n} argument{s}, got {}", args.len())))
}

/// A `str` value.
pub(crate) fn s(v: String) -> Value {
    Value::Str(Rc::from(v))
}

/// Optional int argument (`None` or missing: `None`).
pub(crate) fn opt_int(vm: &mut Vm, a: Option<&Value>) -> Result<Option<i64>, Error> {
    match a {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(vm.as_i64(v)?)),
    }
}

/// Positional argument `i`, or keyword argument `name`.
pub(crate) fn kw_or<'a>(args: &'a [Value], i: usize, kw: Kw<'a>, name: &str) -> Option<&'a Value> {
    args.get(i)
        .or_else(|| kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v))
}

#[cfg(test)]
mod tests;
