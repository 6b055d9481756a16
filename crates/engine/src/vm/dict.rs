//! An insertion-ordered hash table keyed by Python values (the storage of
//! `dict`, `set` and `frozenset`).
//!
//! Hashes are Python hashes computed by the VM (they may call `__hash__`),
//! so the table is given the hash; key equality that needs Python code
//! (`__eq__`) is resolved by the caller through [`Dict::find`]'s candidate
//! list, keeping `RefCell` borrows short.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::pylib::set_order::SetOrder;
use crate::vm::value::Value;

/// A set element as seen by the CPython set-table model (equality without
/// Python code: identity or built-in value equality).
#[derive(Clone, Debug)]
pub struct SetKey(pub Value);

impl PartialEq for SetKey {
    fn eq(&self, o: &SetKey) -> bool {
        self.0.is(&o.0) || fast_key_eq(&self.0, &o.0).unwrap_or(false)
    }
}

/// Hasher for already-mixed Python hashes.
#[derive(Default)]
pub struct MixHasher(u64);

impl Hasher for MixHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ *b as u64).wrapping_mul(0x100000001b3);
        }
    }
    fn write_i64(&mut self, i: i64) {
        let x = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = x ^ (x >> 29);
    }
}

type Index = HashMap<i64, Bucket, BuildHasherDefault<MixHasher>>;

#[derive(Clone, Debug)]
enum Bucket {
    One(u32),
    Many(Vec<u32>),
}

/// Result of a lookup that could not be decided without calling `__eq__`.
pub enum Lookup {
    Found(usize),
    Missing,
    /// Candidate (entry index, key) pairs needing a Python `==`.
    NeedsEq(Vec<(usize, Value)>),
}

#[derive(Clone, Default)]
pub struct Dict {
    /// (hash, key, value); `None` marks a deleted slot.
    entries: Vec<Option<(i64, Value, Value)>>,
    index: Index,
    len: usize,
    /// For sets: a model of CPython's set table, giving iteration order.
    pub order: Option<SetOrder<SetKey>>,
}

/// Equality of keys that needs no Python code, or None when `__eq__` must run.
pub fn fast_key_eq(a: &Value, b: &Value) -> Option<bool> {
    use Value::*;
    Some(match (a, b) {
        (Str(x), Str(y)) => x == y,
        (Int(x), Int(y)) => x == y,
        (BigInt(x), BigInt(y)) => x == y,
        (BigInt(_), Int(_) | Bool(_)) | (Int(_) | Bool(_), BigInt(_)) => false,
        (BigInt(x), Float(y)) | (Float(y), BigInt(x)) => {
            crate::pylib::bigint::cmp_float(x, *y) == Some(std::cmp::Ordering::Equal)
        }
        (Int(x), Float(y)) | (Float(y), Int(x)) => {
            crate::pylib::numbers::cmp_int_float(*x, *y) == Some(std::cmp::Ordering::Equal)
        }
        (Float(x), Float(y)) => x == y,
        (Bool(x), Bool(y)) => x == y,
        (Bool(x), Int(y)) | (Int(y), Bool(x)) => (*x as i64) == *y,
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => (*x as i64 as f64) == *y,
        (None, None) => true,
        (Tuple(x), Tuple(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            for (p, q) in x.iter().zip(y.iter()) {
                if p.is(q) {
                    continue;
                }
                if !fast_key_eq(p, q)? {
                    return Some(false);
                }
            }
            true
        }
        (Instance(x), Instance(y)) => {
            if std::rc::Rc::ptr_eq(x, y) {
                return Some(true);
            }
            if x.class().lookup("__eq__").is_some() || y.class().lookup("__eq__").is_some() {
                return Option::None;
            }
            false
        }
        (Instance(x), _) | (_, Instance(x)) => {
            if x.class().lookup("__eq__").is_some() {
                return Option::None;
            }
            false
        }
        (Bytes(x), Bytes(y)) => x == y,
        (Bytes(_) | ByteArray(_), Bytes(_) | ByteArray(_)) => {
            return a.with_buffer(|x| b.with_buffer(|y| x == y)).flatten()
        }
        _ => {
            if a.is(b) {
                return Some(true);
            }
            // Containers compare structurally (the VM does it).
            if matches!(
                (a, b),
                (List(_), List(_))
                    | (Dict(_), Dict(_))
                    | (Set(_) | FrozenSet(_), Set(_) | FrozenSet(_))
                    | (Range(_), Range(_))
                    | (Slice(_), Slice(_))
                    | (DictView(_), DictView(_))
            ) {
                return Option::None;
            }
            false
        }
    })
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }
    /// An empty table for a `set`/`frozenset` (tracks CPython's order).
    pub fn new_set() -> Dict {
        Dict {
            order: Some(SetOrder::new()),
            ..Dict::default()
        }
    }
    /// A set table whose order model is `so` (from a set operation).
    pub fn from_set_order(so: SetOrder<SetKey>) -> Dict {
        let mut d = Dict::default();
        let pairs: Vec<(i64, Value)> = so.entries().map(|(h, k)| (h, k.0.clone())).collect();
        for (h, k) in pairs {
            d.push(h, k, Value::None);
        }
        d.order = Some(so);
        d
    }
    /// Elements in CPython's iteration order (sets) or insertion order.
    pub fn ordered_keys(&self) -> Vec<Value> {
        match &self.order {
            Some(o) => o.iter().map(|k| k.0.clone()).collect(),
            None => self.keys(),
        }
    }
    /// The first `n` keys of [`Dict::ordered_keys`] (a preview reads no
    /// more than it can show).
    pub fn ordered_keys_up_to(&self, n: usize) -> Vec<Value> {
        match &self.order {
            Some(o) => o.iter().take(n).map(|k| k.0.clone()).collect(),
            None => self.iter().take(n).map(|(k, _)| k.clone()).collect(),
        }
    }
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn find(&self, hash: i64, key: &Value) -> Lookup {
        let Some(b) = self.index.get(&hash) else {
            return Lookup::Missing;
        };
        let idxs: &[u32] = match b {
            Bucket::One(i) => std::slice::from_ref(i),
            Bucket::Many(v) => v,
        };
        let mut slow = Vec::new();
        for &i in idxs {
            if let Some((_, k, _)) = &self.entries[i as usize] {
                if k.is(key) {
                    return Lookup::Found(i as usize);
                }
                match fast_key_eq(k, key) {
                    Some(true) => return Lookup::Found(i as usize),
                    Some(false) => {}
                    None => slow.push((i as usize, k.clone())),
                }
            }
        }
        if slow.is_empty() {
            Lookup::Missing
        } else {
            Lookup::NeedsEq(slow)
        }
    }

    /// Insert a new entry (caller checked the key is absent).
    pub fn push(&mut self, hash: i64, key: Value, value: Value) {
        let i = self.entries.len() as u32;
        if let Some(o) = &mut self.order {
            o.insert(hash, SetKey(key.clone()));
        }
        self.entries.push(Some((hash, key, value)));
        self.len += 1;
        match self.index.get_mut(&hash) {
            None => {
                self.index.insert(hash, Bucket::One(i));
            }
            Some(b) => match b {
                Bucket::One(j) => *b = Bucket::Many(vec![*j, i]),
                Bucket::Many(v) => v.push(i),
            },
        }
    }

    pub fn entry(&self, i: usize) -> Option<(&Value, &Value)> {
        self.entries.get(i)?.as_ref().map(|(_, k, v)| (k, v))
    }
    pub fn value_mut(&mut self, i: usize) -> Option<&mut Value> {
        self.entries.get_mut(i)?.as_mut().map(|(_, _, v)| v)
    }
    pub fn hash_at(&self, i: usize) -> Option<i64> {
        self.entries.get(i)?.as_ref().map(|(h, _, _)| *h)
    }

    /// Remove entry `i`, returning (key, value).
    pub fn remove_at(&mut self, i: usize) -> Option<(Value, Value)> {
        let (h, k, v) = self.entries.get_mut(i)?.take()?;
        self.len -= 1;
        if let Some(o) = &mut self.order {
            o.remove(h, &SetKey(k.clone()));
        }
        if let Some(b) = self.index.get_mut(&h) {
            match b {
                Bucket::One(_) => {
                    self.index.remove(&h);
                }
                Bucket::Many(vs) => {
                    vs.retain(|&j| j as usize != i);
                    if vs.len() == 1 {
                        *b = Bucket::One(vs[0]);
                    }
                }
            }
        }
        if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        Some((k, v))
    }

    fn compact(&mut self) {
        let old = std::mem::take(&mut self.entries);
        let order = self.order.take();
        self.index.clear();
        self.len = 0;
        for (h, k, v) in old.into_iter().flatten() {
            self.push(h, k, v);
        }
        self.order = order;
    }

    /// Slot capacity for iteration by position (`entry(i)` may be None).
    pub fn slots(&self) -> usize {
        self.entries.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries
            .iter()
            .filter_map(|e| e.as_ref().map(|(_, k, v)| (k, v)))
    }
    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(k, _)| k.clone()).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|(_, v)| v.clone()).collect()
    }
    pub fn hashed_keys(&self) -> Vec<(i64, Value)> {
        self.entries
            .iter()
            .filter_map(|e| e.as_ref().map(|(h, k, _)| (*h, k.clone())))
            .collect()
    }
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.len = 0;
        if let Some(o) = &mut self.order {
            o.clear();
        }
    }
    /// Remove and return the last entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let i = self.entries.iter().rposition(|e| e.is_some())?;
        self.remove_at(i)
    }
    /// Remove and return the first entry (`set.pop` order approximation).
    pub fn pop_first(&mut self) -> Option<(Value, Value)> {
        let i = self.entries.iter().position(|e| e.is_some())?;
        self.remove_at(i)
    }
}
