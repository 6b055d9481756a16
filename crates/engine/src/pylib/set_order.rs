//! A model of CPython 3.11's set hash table (Objects/setobject.c), so the
//! VM can iterate and print sets in exactly CPython's order.
//!
//! The table is open addressing over `mask + 1` slots (8 at first): a key
//! with hash `h` probes slot `h & mask`, then up to `LINEAR_PROBES` (9)
//! following slots, then jumps to `(i * 5 + 1 + perturb) & mask` with
//! `perturb >>= PERTURB_SHIFT` (5). Removal leaves a *dummy*; adds never
//! reuse the last dummy on their probe path. The table grows to the smallest power of two above
//! `used * 4` when `fill * 5 >= mask * 3`. Iteration is slot order.
//!
//! Keys are the VM's values (`K`), compared with `PartialEq` (the VM's
//! equality must agree with Python's `==`, e.g. `1 == 1.0`). The hash is
//! the Python hash (see [`super::hash`]).
//!
//! Set operators: CPython builds their results with specific sequences of
//! these primitives; [`SetOrder::union`], [`SetOrder::intersection`],
//! [`SetOrder::difference`] and [`SetOrder::symmetric_difference`] replay
//! them for set operands. For `set(iterable)` call [`SetOrder::insert`] per
//! item, for `set(a_set)`/`a.copy()` use [`SetOrder::copy`], for
//! `set(a_dict)` use [`SetOrder::update_from_dict`].

/// `LINEAR_PROBES` in setobject.c.
const LINEAR_PROBES: usize = 9;
/// `PERTURB_SHIFT` in setobject.c.
const PERTURB_SHIFT: u32 = 5;
/// `PySet_MINSIZE`: slots in a new table.
const MINSIZE: usize = 8;

/// One table slot (`setentry`).
#[derive(Clone, Debug, PartialEq)]
enum Slot<K> {
    /// Never used (`key == NULL`): ends a probe sequence.
    Unused,
    /// Held a key that was removed (`key == dummy`): probes continue past it.
    Dummy,
    /// Holds a key with its hash.
    Active(i64, K),
}

/// CPython's set table: see the module docs.
#[derive(Clone, Debug)]
pub struct SetOrder<K> {
    /// The slots; length is a power of two (`mask + 1`).
    table: Vec<Slot<K>>,
    /// Active + dummy slots (`so->fill`): drives resizing.
    fill: usize,
    /// Active slots (`so->used`): `len(set)`.
    used: usize,
    /// Where `pop()` starts looking (`so->finger`).
    finger: usize,
}

impl<K: Clone + PartialEq> Default for SetOrder<K> {
    fn default() -> Self {
        SetOrder::new()
    }
}

impl<K: Clone + PartialEq> SetOrder<K> {
    /// An empty set (8 slots).
    pub fn new() -> SetOrder<K> {
        SetOrder {
            table: vec![Slot::Unused; MINSIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// `len(set)`.
    pub fn len(&self) -> usize {
        self.used
    }

    /// `not set`.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// The keys in CPython's iteration order.
    pub fn iter(&self) -> impl Iterator<Item = &K> + '_ {
        self.table.iter().filter_map(|s| match s {
            Slot::Active(_, k) => Some(k),
            _ => None,
        })
    }

    /// The `(hash, key)` pairs in iteration order.
    pub fn entries(&self) -> impl Iterator<Item = (i64, &K)> + '_ {
        self.table.iter().filter_map(|s| match s {
            Slot::Active(h, k) => Some((*h, k)),
            _ => None,
        })
    }

    /// The probe sequence of `hash` over a table of `mask + 1` slots
    /// (CPython's loop: a linear run, then a perturbed jump).
    fn probe(hash: i64, mask: usize) -> impl Iterator<Item = usize> {
        let mut perturb = hash as u64 as usize;
        let mut i = (hash as u64 as usize) & mask;
        let mut j = 0;
        let mut probes = if i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
        std::iter::from_fn(move || {
            let out = i + j;
            if j < probes {
                j += 1;
            } else {
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
                j = 0;
                probes = if i + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
            }
            Some(out)
        })
    }

    /// The slot holding a key equal to `key`, if any (`set_lookkey`).
    fn lookup(&self, hash: i64, key: &K) -> Option<usize> {
        for idx in Self::probe(hash, self.mask()) {
            match &self.table[idx] {
                Slot::Unused => return None,
                Slot::Active(h, k) if *h == hash && k == key => return Some(idx),
                _ => {}
            }
        }
        None
    }

    /// `key in set`.
    pub fn contains(&self, hash: i64, key: &K) -> bool {
        self.lookup(hash, key).is_some()
    }

    /// `set.add(key)` (`set_add_entry`); returns whether it was new. A new
    /// key goes into the last dummy slot met while probing, if any (then
    /// no resize can happen), else into the free slot ending the probe.
    pub fn insert(&mut self, hash: i64, key: K) -> bool {
        let mask = self.mask();
        let mut freeslot = None;
        let mut unused = None;
        for idx in Self::probe(hash, mask) {
            match &self.table[idx] {
                Slot::Unused => {
                    unused = Some(idx);
                    break;
                }
                Slot::Active(h, k) if *h == hash && *k == key => return false,
                // CPython keeps the *last* dummy seen, not the first.
                Slot::Dummy => freeslot = Some(idx),
                _ => {}
            }
        }
        if let Some(idx) = freeslot {
            self.table[idx] = Slot::Active(hash, key);
            self.used += 1;
            return true;
        }
        let Some(idx) = unused else {
            return false;
        };
        self.table[idx] = Slot::Active(hash, key);
        self.fill += 1;
        self.used += 1;
        if self.fill * 5 >= mask * 3 {
            let minused = if self.used > 50_000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.resize(minused);
        }
        true
    }

    /// Places a key known to be absent into a table without dummies
    /// (`set_insert_clean`).
    fn insert_clean(table: &mut [Slot<K>], hash: i64, key: K) {
        let mask = table.len() - 1;
        for idx in Self::probe(hash, mask) {
            if table[idx] == Slot::Unused {
                table[idx] = Slot::Active(hash, key);
                return;
            }
        }
    }

    /// `set_table_resize`: a new table of the smallest power of two above
    /// `minused`, re-inserting the active keys in slot order.
    fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Unused; newsize]);
        for slot in old {
            if let Slot::Active(h, k) = slot {
                Self::insert_clean(&mut self.table, h, k);
            }
        }
        self.fill = self.used;
    }

    /// `set.discard(key)` / `set.remove(key)`; returns whether it was
    /// present (the VM raises `KeyError` for `remove` when not).
    pub fn remove(&mut self, hash: i64, key: &K) -> bool {
        match self.lookup(hash, key) {
            Some(idx) => {
                self.table[idx] = Slot::Dummy;
                self.used -= 1;
                true
            }
            None => false,
        }
    }

    /// `set.pop()`: `None` for an empty set (the VM raises
    /// `KeyError: 'pop from an empty set'`).
    pub fn pop(&mut self) -> Option<(i64, K)> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut idx = self.finger & mask;
        while !matches!(self.table[idx], Slot::Active(..)) {
            idx = if idx >= mask { 0 } else { idx + 1 };
        }
        let slot = std::mem::replace(&mut self.table[idx], Slot::Dummy);
        self.used -= 1;
        self.finger = idx + 1;
        match slot {
            Slot::Active(h, k) => Some((h, k)),
            _ => None,
        }
    }

    /// `set.clear()`.
    pub fn clear(&mut self) {
        self.table = vec![Slot::Unused; MINSIZE];
        self.fill = 0;
        self.used = 0;
    }

    /// `set.update(other_set)` (`set_merge`).
    pub fn update_from_set(&mut self, other: &SetOrder<K>) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.table = other.table.clone();
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for (h, k) in other.entries() {
                Self::insert_clean(&mut self.table, h, k.clone());
            }
            return;
        }
        for (h, k) in other.entries() {
            self.insert(h, k.clone());
        }
    }

    /// `set.update(a_dict)` / `set(a_dict)`: `keys` are the dict's
    /// `(hash, key)` pairs in dict order.
    pub fn update_from_dict(&mut self, keys: &[(i64, K)]) {
        let n = keys.len();
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
        for (h, k) in keys {
            self.insert(*h, k.clone());
        }
    }

    /// `set(a_set)`, `a_set.copy()`, `frozenset(a_set)`.
    pub fn copy(&self) -> SetOrder<K> {
        let mut s = SetOrder::new();
        s.update_from_set(self);
        s
    }

    /// `a | b` for two sets (`set_or`: copy `a`, then merge `b`).
    pub fn union(&self, other: &SetOrder<K>) -> SetOrder<K> {
        let mut s = self.copy();
        s.update_from_set(other);
        s
    }

    /// `a & b` for two sets (`set_intersection`: iterate the smaller set,
    /// keeping *its* keys).
    pub fn intersection(&self, other: &SetOrder<K>) -> SetOrder<K> {
        let (big, small) = if other.len() > self.len() {
            (other, self)
        } else {
            (self, other)
        };
        let mut s = SetOrder::new();
        for (h, k) in small.entries() {
            if big.contains(h, k) {
                s.insert(h, k.clone());
            }
        }
        s
    }

    /// `a - b` for two sets (`set_difference`).
    pub fn difference(&self, other: &SetOrder<K>) -> SetOrder<K> {
        if (self.len() >> 2) > other.len() {
            let mut s = self.copy();
            for (h, k) in other.entries() {
                s.remove(h, k);
            }
            return s;
        }
        let mut s = SetOrder::new();
        for (h, k) in self.entries() {
            if !other.contains(h, k) {
                s.insert(h, k.clone());
            }
        }
        s
    }

    /// `a ^ b` for two sets (`set_symmetric_difference`: copy `b`, then
    /// toggle each key of `a`).
    pub fn symmetric_difference(&self, other: &SetOrder<K>) -> SetOrder<K> {
        let mut s = other.copy();
        for (h, k) in self.entries() {
            if !s.remove(h, k) {
                s.insert(h, k.clone());
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::SetOrder;

    #[test]
    fn small_ints_in_slot_order() {
        // python3: print({3, 1, 2}) -> {1, 2, 3}
        let mut s = SetOrder::new();
        for k in [3_i64, 1, 2] {
            s.insert(k, k);
        }
        assert_eq!(s.iter().copied().collect::<Vec<_>>(), vec![1, 2, 3]);
    }
}
