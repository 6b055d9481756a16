//! The one place the player calls the engine to run a program.

use super::live::{next_fuel, LiveRun, Progress, INITIAL_FUEL};
use looplab_engine::run::{self, Limits, Session};
use looplab_engine::trace::Event;

/// The file name programs run under (tracebacks show it).
pub const FILENAME: &str = "main.py";

/// The largest multiple of the default limits a learner can raise them to.
pub const MAX_LIMIT_SCALE: u64 = 10;

/// The most memory a raised limit allows a run: 32-bit WebAssembly can
/// address 4 GiB at most, and the page needs room too.
pub const MAX_MEMORY_BYTES: usize = 2 * 1024 * 1024 * 1024;

/// The budgets of a run: the engine's defaults (a task may run 200 million
/// instructions without awaiting, 2 billion in all, and hold 256 MiB),
/// `scale` times over (memory at most [`MAX_MEMORY_BYTES`]).
pub fn limits(scale: u64) -> Limits {
    let scale = scale.clamp(1, MAX_LIMIT_SCALE);
    let d = Limits::default();
    Limits {
        max_slice_instructions: d.max_slice_instructions.saturating_mul(scale),
        max_instructions: d.max_instructions.saturating_mul(scale),
        max_memory_bytes: d
            .max_memory_bytes
            .saturating_mul(scale as usize)
            .min(MAX_MEMORY_BYTES.max(d.max_memory_bytes)),
        ..d
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

/// The engine's one-time start-up, before the learner presses Run, in
/// tasks short enough never to hold the page (each well under the 50 ms
/// of a "long task"): the library modules (the asyncio prelude) are
/// compiled one piece per task and cached for every later run, then
/// `import asyncio` runs once in slices, like a live run, so the browser
/// has compiled the interpreter's hot paths too.
pub async fn warm_up() {
    use gloo_timers::future::TimeoutFuture;
    let mut prep = run::Warmup::new();
    while prep.step() {
        TimeoutFuture::new(0).await;
    }
    let mut session = Session::new("import asyncio\n", FILENAME, &Limits::default());
    let mut fuel = INITIAL_FUEL;
    loop {
        let t0 = super::now_ms();
        if session.advance(fuel) == run::Progress::Finished {
            break;
        }
        fuel = next_fuel(fuel, super::now_ms() - t0);
        TimeoutFuture::new(0).await;
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
