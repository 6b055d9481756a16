//! The one place the player calls the engine to run a program.

use super::live::{LiveRun, Progress};
use looplab_engine::run::{self, Limits, Session};
use looplab_engine::trace::Event;

/// The file name programs run under (tracebacks show it).
pub const FILENAME: &str = "main.py";

/// The largest multiple of [`limits`] a learner can raise the limits to.
pub const MAX_LIMIT_SCALE: u64 = 100;

/// The budgets of a run in the browser, `scale` times the defaults: a
/// task may run 20 million instructions without awaiting (an endless loop
/// is stopped in about a second), 500 million in all.
pub fn limits(scale: u64) -> Limits {
    let scale = scale.clamp(1, MAX_LIMIT_SCALE);
    Limits {
        max_slice_instructions: 20_000_000 * scale,
        max_instructions: 500_000_000 * scale,
        ..Limits::default()
    }
}

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

/// Starts a pausable run of `source`.
pub fn start_live(source: &str, scale: u64) -> Result<Box<dyn LiveRun>, String> {
    Ok(Box::new(SessionRun(Session::new(
        source,
        FILENAME,
        &limits(scale),
    ))))
}

/// Runs `source` to the end at once (virtual time, no waiting).
pub fn run_instant(source: &str, scale: u64) -> Result<Vec<Event>, String> {
    Ok(run::run_program(source, FILENAME, &limits(scale))
        .trace
        .events)
}
