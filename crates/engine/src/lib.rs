//! Looplab's engine: a Python-subset interpreter plus an event loop that
//! mirrors CPython's `asyncio`, on a virtual clock, producing a trace.
//!
//! Architecture invariant: this crate is pure Rust. It never depends on a
//! web crate and never reads the real clock; the same input always yields the
//! same trace, natively and in the browser.
#![forbid(unsafe_code)]

/// Every program linking the engine (the app, the CLI, the tests) counts its
/// heap per thread: the memory budget (`Limits::max_memory_bytes`) reads the
/// count. The allocator's unsafe code lives in `looplab-tracemalloc`.
#[global_allocator]
static TRACEMALLOC: looplab_tracemalloc::TraceMalloc = looplab_tracemalloc::TraceMalloc;

pub mod aio;
pub mod ast;
pub mod compile;
pub mod outcome;
pub mod parse;
pub mod pylib;
pub mod run;
pub mod snapshot;
pub mod span;
pub mod trace;
pub mod vm;
