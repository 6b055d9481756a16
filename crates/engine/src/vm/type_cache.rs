//! The class attribute lookup cache (CPython's method cache in
//! `typeobject.c`, consulted by `_PyType_Lookup`).
//!
//! Looking a name up on a class walks its MRO and searches each class
//! namespace; for `self.x` on an instance that search usually fails all the
//! way up before the instance `__dict__` is tried. The cache remembers the
//! outcome (found value or absence) per (class, name) in a two-way
//! set-associative table. Names are the interned `Name`s of code objects or string
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

impl Key<'_> {
    fn addr(&self) -> usize {
        match self {
            Key::Name(n) => n.as_ptr() as usize,
            Key::Static(s) => s.as_ptr() as usize,
        }
    }
    fn as_str(&self) -> &str {
        match self {
            Key::Name(n) => n,
            Key::Static(s) => s,
        }
    }
    /// What a slot keeps alive so the address stays unique (literals
    /// live forever).
    fn keep(&self) -> Option<Name> {
        match self {
            Key::Name(n) => Some((*n).clone()),
            Key::Static(_) => None,
        }
    }
}

/// One remembered lookup.
struct Slot {
    /// `Class::id` of the class looked up on (0: empty slot; class ids
    /// start far above 0).
    class_id: u64,
    /// Address and length of the name looked up (what a probe compares).
    addr: usize,
    len: usize,
    /// The epoch the lookup was made in.
    epoch: u64,
    /// The name itself, keeping `addr` valid while the slot holds it.
    _name: Option<Name>,
    /// What `Class::lookup` returned.
    found: Option<Value>,
}

/// The cache (one per VM).
#[derive(Default)]
pub(crate) struct TypeCache {
    /// Slots in sets of two, allocated on first use; a set holds the last
    /// two lookups that hashed to it.
    slots: Vec<Slot>,
    /// Bumped by every change to an existing class's namespace or MRO.
    epoch: u64,
}

impl TypeCache {
    /// `cls.lookup(name)`, answered from the cache when possible.
    #[inline]
    pub(crate) fn lookup(&mut self, cls: &Class, name: Key<'_>) -> Option<Value> {
        self.peek(cls, name).cloned()
    }

    /// `lookup` without cloning the value found (for checks of what a
    /// class has under a name).
    #[inline(always)]
    pub(crate) fn peek(&mut self, cls: &Class, name: Key<'_>) -> Option<&Value> {
        let addr = name.addr();
        let len = name.as_str().len();
        let h = (cls.id ^ (addr as u64 >> 3)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        // Two-way set associative: the pair of slots starting at `i`.
        // Names are keyed by address, so which lookups share a set varies
        // from run to run (ASLR); with one slot per set, two hot lookups
        // sharing it evicted each other on every use in some runs.
        let i = (h >> 54) as usize & (SLOTS - 2);
        let epoch = self.epoch;
        let hit =
            |s: &Slot| s.class_id == cls.id && s.addr == addr && s.len == len && s.epoch == epoch;
        let j = if self.slots.get(i).is_some_and(hit) {
            i
        } else if self.slots.get(i + 1).is_some_and(hit) {
            i + 1
        } else {
            self.fill(i, cls, name)
        };
        self.slots[j].found.as_ref()
    }

    /// A miss: look `name` up on `cls` and remember it in the set at `i`
    /// (the newest lookup first, the previous first moves to the second
    /// slot); returns the slot.
    #[cold]
    #[inline(never)]
    fn fill(&mut self, i: usize, cls: &Class, name: Key<'_>) -> usize {
        if self.slots.is_empty() {
            self.slots.resize_with(SLOTS, || Slot {
                class_id: 0,
                addr: 0,
                len: 0,
                epoch: 0,
                _name: None,
                found: None,
            });
        }
        if self.slots[i].class_id != 0 && self.slots[i].epoch == self.epoch {
            self.slots.swap(i, i + 1);
        }
        self.slots[i] = Slot {
            class_id: cls.id,
            addr: name.addr(),
            len: name.as_str().len(),
            epoch: self.epoch,
            _name: name.keep(),
            found: cls.lookup(name.as_str()),
        };
        i
    }

    /// A class namespace or MRO changed: forget every lookup.
    pub(crate) fn invalidate(&mut self) {
        self.epoch += 1;
    }
}
