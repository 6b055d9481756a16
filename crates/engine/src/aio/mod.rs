//! The event loop core: a sans-IO mirror of CPython 3.11's asyncio.
//!
//! [`EventLoop<V>`] is a plain data structure, generic over the
//! interpreter's value type `V`, that never calls back into the interpreter.
//! Its operations mutate state and say what the caller (the *host*, i.e. the
//! VM glue, or a mock in tests) must do next:
//!
//! ```text
//! loop {
//!     match event_loop.next_action(&mut host) {
//!         Todo::Step { task, coro, resume } => {
//!             // coro.send(None) / coro.throw(exc), then:
//!             event_loop.task_step_end(&mut host, task, outcome, line);
//!         }
//!         Todo::Call { func, args } => { /* func(*args) */ event_loop.call_done(); }
//!         Todo::StartJob { job, thread, func, args } => {
//!             // run func(*args) on a fiber for `thread`; it either finishes
//!             // (event_loop.job_finished) or calls time.sleep
//!             // (event_loop.park_thread) and is resumed later.
//!         }
//!         Todo::ResumeThread { thread } => { /* resume that fiber */ }
//!         Todo::Stopped => break,          // loop.stop() took effect
//!         Todo::Hang => { /* nothing can ever happen again */ }
//!     }
//! }
//! ```
//!
//! Module map (one stage each, named after CPython's files):
//! - [`events`]: handles, the ready deque, the timer heap, the virtual
//!   clock, `call_soon`/`call_later`/`call_at`, `_run_once` as a state
//!   machine ([`EventLoop::next_action`]);
//! - [`futures`]: `Future`'s state machine (`set_result`, `cancel`, done
//!   callbacks always scheduled with `call_soon`);
//! - [`tasks`]: `Task.__step` / `__wakeup` / `cancel` with `must_cancel`
//!   and `fut_waiter`, `cancelling`/`uncancel`, and `_GatheringFuture.cancel`;
//! - [`program_threads`]: the scheduler of program threads
//!   (`threading.Thread`, the main thread);
//! - [`cpu`]: the opt-in "computing takes time" model (instruction cost,
//!   one GIL per process, processes sharing cores);
//! - [`threads`]: deterministic worker threads (`run_in_executor`,
//!   `to_thread`), following the model in `tools/oracle.py`'s header;
//! - [`processes`]: `multiprocessing`'s processes, each a group of program
//!   threads with its own module table (a labelled model);
//! - [`glue`]: the core glued onto the VM: the native module `_looplab`
//!   (Future/Task classes, loop primitives), the `asyncio` prelude
//!   (`vm/library/modules/asyncio.py`, CPython's Lib/asyncio rewritten over
//!   `_looplab`), `contextlib`, `concurrent.futures`, the `time.sleep` hook
//!   and the driver behind `loop.run_forever()`.
//!
//! Orders CPython leaves to memory addresses (sets of tasks) follow
//! creation/argument order, as the oracle fixes them. Known gaps:
//! `shutdown_asyncgens` does not close async generators (the VM has no
//! first-iteration hook yet). Output written by `print` is attributed to
//! the `print` line (the builtin is wrapped); other writes to the line
//! where the task suspended.
//!
//! Futures and tasks live in one arena and are named by [`FutureId`]
//! (a task's id is its future id); Python-level objects are thin handles
//! holding the id. The arena is never compacted during a run (ids stay
//! valid for the Python objects that hold them).

pub mod cpu;
pub mod events;
pub mod futures;
pub mod glue;
mod handles;
pub mod processes;
pub mod program_threads;
pub mod tasks;
pub mod threads;

pub use events::{Callback, EventLoop, Todo};
pub use futures::{DoneCallback, FutState, FutureError};
pub use tasks::{CoroStep, Resume};
pub use threads::{Drain, ExecutorId, DEFAULT_MAX_WORKERS};

pub use crate::trace::{FutureId, HandleId, JobId, TaskId, ThreadId};

/// What the core needs from the interpreter without running any Python
/// code: building a few exception values and describing values for the
/// trace. (Everything that runs Python code is returned as a [`Todo`].)
pub trait Host<V> {
    /// A new `asyncio.CancelledError(msg)` (no arguments when `msg` is
    /// `None`).
    fn cancelled_error(&mut self, msg: Option<&V>) -> V;
    /// Sets `exc.__context__ = context` (CPython chains the CancelledError
    /// raised by a cancelled future to the one that cancelled it).
    fn set_context(&mut self, exc: &V, context: &V);
    /// A new `RuntimeError(message)`.
    fn runtime_error(&mut self, message: &str) -> V;
    /// `isinstance(exc, asyncio.CancelledError)`.
    fn is_cancelled_error(&self, exc: &V) -> bool;
    /// `isinstance(exc, (SystemExit, KeyboardInterrupt))`: exceptions that
    /// leave the loop at once instead of stopping it.
    fn is_exit(&self, _exc: &V) -> bool {
        false
    }
    /// `None`.
    fn none(&self) -> V;
    /// A repr for the trace. Must not run user code (a user `__repr__`
    /// may be replaced by the default `<X object>` form).
    fn repr(&mut self, v: &V) -> String;
    /// A callable's display name for the trace (`on_done`,
    /// `_set_result_unless_cancelled`).
    fn callable_name(&mut self, f: &V) -> String;
    /// The line a suspended (or not yet started) coroutine will resume at.
    fn coro_line(&mut self, coro: &V) -> u32;
}

#[cfg(test)]
mod tests;
