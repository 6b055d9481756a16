//! The one place the player calls the engine to run a program.

use super::live::{LiveRun, Progress};
use looplab_engine::run::{self, Limits, Session};
use looplab_engine::trace::Event;

/// The file name programs run under (tracebacks show it).
pub const FILENAME: &str = "main.py";

/// A live run: the engine's pausable [`Session`].
struct SessionRun(Session);

impl LiveRun for SessionRun {
    fn advance(&mut self, fuel: u64) -> Progress {
        match self.0.advance(fuel) {
            run::Progress::Ready => Progress::Ready,
            run::Progress::WaitUntil(ns) => Progress::WaitUntil(ns),
            run::Progress::Finished => Progress::Finished,
        }
    }

    fn events(&self) -> &[Event] {
        &self.0.trace().events
    }
}

/// Runs a tiny program so the engine compiles and caches its library
/// modules (the asyncio prelude) before the learner presses Run.
pub fn warm_up() {
    let _ = run::run_program("import asyncio\n", FILENAME, &Limits::default());
}

/// Starts a pausable run of `source`.
pub fn start_live(source: &str) -> Result<Box<dyn LiveRun>, String> {
    Ok(Box::new(SessionRun(Session::new(
        source,
        FILENAME,
        &Limits::default(),
    ))))
}

/// Runs `source` to the end at once (virtual time, no waiting).
pub fn run_instant(source: &str) -> Result<Vec<Event>, String> {
    Ok(run::run_program(source, FILENAME, &Limits::default())
        .trace
        .events)
}
