//! The loop's live handles, by id.
//!
//! Handle ids are given out in sequence and each handle lives until it
//! runs or is discarded, so the handles are kept in chunks of consecutive
//! ids: a lookup is an index, and growing never moves the handles already
//! there. (A hash map rehashed every live handle at once each time it
//! doubled: with 90,000 timers alive, a task of its own in the browser.) A
//! chunk is freed once every one of its handles is gone, so a long-lived
//! timer keeps its own chunk alive, not the ones after it.

use std::collections::VecDeque;

use super::events::HandleData;
use crate::trace::HandleId;

/// Ids per chunk.
const CHUNK: usize = 256;

/// Live handles by id (see the module docs).
pub(crate) struct Handles<V> {
    /// `chunks[k]` holds ids `first + k * CHUNK ..`; `None` once all of its
    /// handles are gone.
    chunks: VecDeque<Option<Box<Chunk<V>>>>,
    /// The first id of `chunks[0]`.
    first: HandleId,
    /// One past the highest id inserted (ids below it are never inserted
    /// again, so a chunk wholly below it can go once empty).
    next: HandleId,
}

struct Chunk<V> {
    slots: Box<[Option<HandleData<V>>]>,
    /// Slots holding a handle.
    live: usize,
}

impl<V> Default for Handles<V> {
    fn default() -> Handles<V> {
        Handles {
            chunks: VecDeque::new(),
            first: 0,
            next: 0,
        }
    }
}

impl<V> Handles<V> {
    /// Adds handle `id`, which must be above every id added before.
    pub(crate) fn insert(&mut self, id: HandleId, h: HandleData<V>) {
        debug_assert!(id >= self.next, "handle ids are given out in order");
        if self.chunks.is_empty() {
            self.first = id - id % CHUNK as HandleId;
        }
        self.next = id + 1;
        let (k, slot) = self.place(id);
        while self.chunks.len() <= k {
            self.chunks.push_back(None);
        }
        let chunk = self.chunks[k].get_or_insert_with(|| {
            Box::new(Chunk {
                slots: (0..CHUNK).map(|_| None).collect(),
                live: 0,
            })
        });
        if chunk.slots[slot].replace(h).is_none() {
            chunk.live += 1;
        }
    }

    /// Handle `id`, if it is live.
    pub(crate) fn get(&self, id: &HandleId) -> Option<&HandleData<V>> {
        let (k, slot) = self.find(*id)?;
        self.chunks[k].as_ref()?.slots[slot].as_ref()
    }

    /// Handle `id`, if it is live, to change.
    pub(crate) fn get_mut(&mut self, id: &HandleId) -> Option<&mut HandleData<V>> {
        let (k, slot) = self.find(*id)?;
        self.chunks[k].as_mut()?.slots[slot].as_mut()
    }

    /// Takes handle `id` out, if it is live.
    pub(crate) fn remove(&mut self, id: &HandleId) -> Option<HandleData<V>> {
        let (k, slot) = self.find(*id)?;
        let chunk = self.chunks[k].as_mut()?;
        let h = chunk.slots[slot].take()?;
        chunk.live -= 1;
        if chunk.live == 0 {
            self.chunks[k] = None;
            // Chunks whose ids were all given out and are all gone.
            while matches!(self.chunks.front(), Some(None))
                && self.first + CHUNK as HandleId <= self.next
            {
                self.chunks.pop_front();
                self.first += CHUNK as HandleId;
            }
        }
        Some(h)
    }

    /// Takes some live handle out (the last, by id); `None` once empty.
    pub(crate) fn pop(&mut self) -> Option<HandleData<V>> {
        while let Some(back) = self.chunks.back_mut() {
            if let Some(chunk) = back {
                if let Some(h) = chunk.slots.iter_mut().rev().find_map(Option::take) {
                    chunk.live -= 1;
                    return Some(h);
                }
            }
            self.chunks.pop_back();
        }
        None
    }

    /// The live handles, by id.
    pub(crate) fn values(&self) -> impl Iterator<Item = &HandleData<V>> {
        self.chunks
            .iter()
            .flatten()
            .flat_map(|c| c.slots.iter().flatten())
    }

    /// (chunk index, slot) of `id`, if it falls in a chunk kept.
    fn find(&self, id: HandleId) -> Option<(usize, usize)> {
        if id < self.first {
            return None;
        }
        let (k, slot) = self.place(id);
        (k < self.chunks.len()).then_some((k, slot))
    }

    fn place(&self, id: HandleId) -> (usize, usize) {
        let off = (id - self.first) as usize;
        (off / CHUNK, off % CHUNK)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn handle(when: u64) -> HandleData<u32> {
        HandleData {
            callback: None,
            cancelled: false,
            when: Some(when),
        }
    }

    /// Against a map, through inserts in order and removals in any order,
    /// with long-lived handles among short-lived ones.
    #[test]
    fn handles_behave_as_a_map_by_id() {
        let mut ours = Handles::default();
        let mut map = std::collections::BTreeMap::new();
        let mut seed = 7u64;
        let mut rand = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as u32
        };
        for id in 1..20_000u32 {
            ours.insert(id, handle(u64::from(id)));
            map.insert(id, u64::from(id));
            // Most go soon, one in 50 stays for long.
            for _ in 0..(rand() % 3) {
                let back = rand() % 300;
                let victim = id.saturating_sub(back);
                if victim % 50 == 0 && rand() % 100 != 0 {
                    continue;
                }
                assert_eq!(
                    ours.remove(&victim).map(|h| h.when),
                    map.remove(&victim).map(Some)
                );
            }
            assert_eq!(ours.values().count(), map.len());
            let probe = rand() % (id + 2);
            assert_eq!(
                ours.get(&probe).map(|h| h.when),
                map.get(&probe).map(|w| Some(*w))
            );
        }
        let all: Vec<_> = ours.values().map(|h| h.when.unwrap()).collect();
        let expected: Vec<_> = map.values().copied().collect();
        assert_eq!(all, expected);
        // Chunks emptied are let go: far fewer are kept than ids given out.
        assert!(
            ours.chunks.iter().flatten().count() <= map.len(),
            "{}",
            ours.chunks.len()
        );
        let mut popped = 0;
        while ours.pop().is_some() {
            popped += 1;
        }
        assert_eq!(popped, map.len());
        assert_eq!(ours.values().count(), 0);
        assert!(ours.get(&1).is_none());
    }
}
