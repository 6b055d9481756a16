//! Looplab's engine: a Python-subset interpreter plus an event loop that
//! mirrors CPython's `asyncio`, on a virtual clock, producing a trace.
//!
//! Architecture invariant: this crate is pure Rust. It never depends on a
//! web crate and never reads the real clock; the same input always yields the
//! same trace, natively and in the browser.
#![forbid(unsafe_code)]

pub mod aio;
pub mod ast;
pub mod compile;
pub mod parse;
pub mod pylib;
pub mod run;
pub mod snapshot;
pub mod span;
pub mod trace;
pub mod vm;
