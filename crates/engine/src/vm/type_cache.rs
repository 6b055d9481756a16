//! The class attribute lookup cache (CPython's method cache in
//! `typeobject.c`, consulted by `_PyType_Lookup`).
//!
//! Looking a name up on a class walks its MRO and searches each class
//! namespace; for `self.x` on an instance that search usually fails all the
//! way up before the instance `__dict__` is tried. The cache remembers the
//! outcome (found value or absence) per (class, name) in a direct-mapped
//! table. Names are the interned `Name`s of code objects or string
//! literals of the VM (special methods), so a slot matches by pointer: the
//! slot keeps its `Name` alive and literals live forever, so an address
//! cannot be reused by another string while a slot holds it. The same name
//! at another address is only a miss.
//!
//! Invalidation: CPython gives every type a version tag and invalidates a
//! type and its subclasses when it changes. Here a single epoch counts every
//! change to a class namespace or MRO after creation (`Vm::setattr`/
//! `Vm::delattr` on a class); slots from an older epoch are misses. Class
//! mutation after definition is rare, so the coarse epoch costs little.
//! New classes need no invalidation: class ids are never reused.

use crate::ast::Name;
use crate::vm::value::{Class, Value};

/// Number of slots (a power of two). CPython uses 4096 for a whole
/// interpreter with many modules; teaching programs touch far fewer
/// (class, name) pairs.
const SLOTS: usize = 1024;

/// A name to look up, identified by its address.
pub(crate) enum Key<'a> {
    /// A name from a code object (interned).
    Name(&'a Name),
    /// A special-method name written in the VM's source.
    Static(&'static str),
}

/// A remembered name: kept alive by the slot so its address stays unique.
enum SlotName {
    Name(Name),
    Static(&'static str),
}

impl SlotName {
    fn addr(&self) -> (usize, usize) {
        match self {
            SlotName::Name(n) => (n.as_ptr() as usize, n.len()),
            SlotName::Static(s) => (s.as_ptr() as usize, s.len()),
        }
    }
}

impl Key<'_> {
    fn addr(&self) -> (usize, usize) {
        match self {
            Key::Name(n) => (n.as_ptr() as usize, n.len()),
            Key::Static(s) => (s.as_ptr() as usize, s.len()),
        }
    }
    fn as_str(&self) -> &str {
        match self {
            Key::Name(n) => n,
            Key::Static(s) => s,
        }
    }
    fn to_slot(&self) -> SlotName {
        match self {
            Key::Name(n) => SlotName::Name((*n).clone()),
            Key::Static(s) => SlotName::Static(s),
        }
    }
}

/// One remembered lookup.
struct Slot {
    /// `Class::id` of the class looked up on.
    class_id: u64,
    /// The name looked up (compared by address).
    name: SlotName,
    /// The epoch the lookup was made in.
    epoch: u64,
    /// What `Class::lookup` returned.
    found: Option<Value>,
}

/// The cache (one per VM).
#[derive(Default)]
pub(crate) struct TypeCache {
    /// Direct-mapped slots, allocated on first use; a slot holds the last
    /// lookup that hashed to it.
    slots: Vec<Option<Slot>>,
    /// Bumped by every change to an existing class's namespace or MRO.
    epoch: u64,
}

impl TypeCache {
    /// `cls.lookup(name)`, answered from the cache when possible.
    #[inline]
    pub(crate) fn lookup(&mut self, cls: &Class, name: Key<'_>) -> Option<Value> {
        if self.slots.is_empty() {
            self.slots.resize_with(SLOTS, || None);
        }
        let addr = name.addr();
        let h = (cls.id ^ (addr.0 as u64 >> 3)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let i = (h >> 54) as usize & (SLOTS - 1);
        if let Some(s) = &self.slots[i] {
            if s.class_id == cls.id && s.epoch == self.epoch && s.name.addr() == addr {
                return s.found.clone();
            }
        }
        let found = cls.lookup(name.as_str());
        self.slots[i] = Some(Slot {
            class_id: cls.id,
            name: name.to_slot(),
            epoch: self.epoch,
            found: found.clone(),
        });
        found
    }

    /// A class namespace or MRO changed: forget every lookup.
    pub(crate) fn invalidate(&mut self) {
        self.epoch += 1;
    }
}
