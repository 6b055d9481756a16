//! Looplab's `tracemalloc`: a global allocator that counts, per thread, the
//! heap bytes currently allocated and the peak, the way CPython's
//! `tracemalloc` counts traced memory (`get_traced_memory()` is
//! `(current, peak)`).
//!
//! The engine (`looplab-engine`, which forbids unsafe code) installs
//! [`TraceMalloc`] as the global allocator and reads [`traced_bytes`] to
//! enforce its memory budget (`Limits::max_memory_bytes`): every allocation
//! adds its size and every deallocation subtracts it, so memory a program
//! frees is credited back exactly, with no bookkeeping in the interpreter's
//! hot paths. The counters are per thread because a run lives on one thread
//! (values are `Rc`), and so that parallel test threads never see each
//! other's allocations. Sizes are the requested `Layout` sizes, not the
//! allocator's rounded blocks.
//!
//! This is the only unsafe code Looplab has: delegating to the system
//! allocator requires implementing the unsafe `GlobalAlloc` trait.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// The counting allocator: the system allocator plus two per-thread counters.
pub struct TraceMalloc;

thread_local! {
    /// Bytes allocated and not yet freed by this thread (negative only if
    /// the thread frees memory another thread allocated).
    static TRACED: Cell<isize> = const { Cell::new(0) };
    /// The highest `TRACED` since the thread started or the last
    /// [`reset_peak`].
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

/// Adds `delta` to this thread's counter (never allocates: the thread
/// locals are const-initialised and have no destructor).
#[inline]
fn count(delta: isize) {
    let _ = TRACED.try_with(|t| {
        let now = t.get().wrapping_add(delta);
        t.set(now);
        if delta > 0 {
            let _ = PEAK.try_with(|p| {
                if now > p.get() {
                    p.set(now)
                }
            });
        }
    });
}

// SAFETY: every method forwards to `System` with the caller's arguments
// unchanged, so `System`'s guarantees carry over; the counting touches
// only thread-local integers and never allocates.
unsafe impl GlobalAlloc for TraceMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as `GlobalAlloc::alloc`.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as `GlobalAlloc::alloc_zeroed`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as `GlobalAlloc::dealloc`.
        unsafe { System.dealloc(ptr, layout) };
        count(-(layout.size() as isize));
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: same contract as `GlobalAlloc::realloc`.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            count(new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// Heap bytes this thread holds now (`tracemalloc.get_traced_memory()[0]`).
/// Always 0 when [`TraceMalloc`] is not the global allocator.
pub fn traced_bytes() -> isize {
    TRACED.try_with(Cell::get).unwrap_or(0)
}

/// The most heap bytes this thread has held since it started or the last
/// [`reset_peak`] (`tracemalloc.get_traced_memory()[1]`).
pub fn peak_bytes() -> isize {
    PEAK.try_with(Cell::get).unwrap_or(0)
}

/// Restarts the peak from the current figure (`tracemalloc.reset_peak()`).
pub fn reset_peak() {
    let now = traced_bytes();
    let _ = PEAK.try_with(|p| p.set(now));
}

/// Whether [`TraceMalloc`] is this program's global allocator (an
/// allocation moves the counter).
pub fn is_installed() -> bool {
    let before = traced_bytes();
    let probe = std::hint::black_box(vec![0u8; 64]);
    let moved = traced_bytes() != before;
    drop(probe);
    moved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[global_allocator]
    static A: TraceMalloc = TraceMalloc;

    #[test]
    fn counts_allocations_and_frees_per_thread() {
        assert!(is_installed());
        let before = traced_bytes();
        let v: Vec<u64> = Vec::with_capacity(1000);
        assert_eq!(traced_bytes() - before, 8000);
        let mut v = std::hint::black_box(v);
        v.reserve_exact(2000);
        assert_eq!(traced_bytes() - before, 16000);
        reset_peak();
        drop(v);
        assert_eq!(traced_bytes(), before);
        assert!(peak_bytes() >= before + 16000);
        // Another thread's allocations are not ours (the spawn itself
        // allocates a little here and may free it there: hence the slack).
        let here = traced_bytes();
        let held = std::thread::spawn(|| {
            let start = traced_bytes();
            let big = std::hint::black_box(vec![1u8; 1 << 20]);
            let mine = traced_bytes() - start;
            drop(big);
            mine
        })
        .join()
        .unwrap();
        assert!(held >= 1 << 20, "{held}");
        assert!((traced_bytes() - here).abs() < 64 * 1024);
    }
}
