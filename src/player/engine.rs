//! The one place the player calls the engine to run a program.
//!
//! The engine's runnable API (`looplab_engine::run::run_program` and the
//! pausable `run::Session`) is being glued to the VM on other branches;
//! until it lands, both entry points report that the interpreter is not
//! available, and the player shows that message instead of a trace.
//! Wiring it is local to this file: `start_live` wraps a `Session` in a
//! [`LiveRun`], `run_instant` returns `run_program(..).trace.events`.

use super::live::LiveRun;
use looplab_engine::trace::Event;

/// The file name programs run under (tracebacks show it).
pub const FILENAME: &str = "main.py";

const NOT_YET: &str = "The interpreter is not wired into this build yet: \
                       the player can show a trace but cannot run programs.";

/// Starts a pausable run of `source`.
pub fn start_live(source: &str) -> Result<Box<dyn LiveRun>, String> {
    let _ = source;
    Err(NOT_YET.into())
}

/// Runs `source` to the end at once (virtual time, no waiting).
pub fn run_instant(source: &str) -> Result<Vec<Event>, String> {
    let _ = source;
    Err(NOT_YET.into())
}
