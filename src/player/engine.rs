//! The one place the player calls the engine to run a program.

use super::cpu_choice::CpuChoice;
use super::live::{next_fuel, LiveRun, Progress, INITIAL_FUEL};
use looplab_engine::run::{self, Limits, RunOutcome, Session};
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
/// `scale` times over (memory at most [`MAX_MEMORY_BYTES`]), on the clock
/// `cpu` chooses.
pub fn limits(scale: u64, cpu: CpuChoice) -> Limits {
    let scale = scale.clamp(1, MAX_LIMIT_SCALE);
    let d = Limits::default();
    Limits {
        max_slice_instructions: d.max_slice_instructions.saturating_mul(scale),
        max_instructions: d.max_instructions.saturating_mul(scale),
        max_memory_bytes: d
            .max_memory_bytes
            .saturating_mul(scale as usize)
            .min(MAX_MEMORY_BYTES.max(d.max_memory_bytes)),
        cpu_model: cpu.engine_model(),
        // The frames panel shows each task's await chain and variables.
        inspect_frames: true,
        // Stepping by line (the `step-mode` select) steps through these.
        record_lines: true,
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

    fn events_since(&self, from: usize, max: usize) -> Vec<Event> {
        self.0.events_since_at_most(from, max)
    }

    fn needs_library(&self) -> bool {
        self.0.outcome().and_then(needs_library).is_some()
    }

    fn release(&mut self, budget: u64) -> bool {
        self.0
            .release(usize::try_from(budget).unwrap_or(usize::MAX))
    }
}

thread_local! {
    /// A run has started on this page (see [`run_started`]).
    static RUN_STARTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A run started (or a trace is being prepared): the drawing's warm-up
/// (`warm_up`) is not needed any more, its showings compile the same
/// code.
pub fn run_started() {
    RUN_STARTED.with(|r| r.set(true));
}

/// Whether a run has started on this page.
pub fn a_run_started() -> bool {
    RUN_STARTED.with(std::cell::Cell::get)
}

/// The engine's part of the page's warm-up (`warm_up`): runs `source`
/// once in slices, like a live run, so the asyncio prelude it imports is
/// compiled one piece per task and cached for every later run, and the
/// browser has compiled the interpreter's hot paths too. Every slice waits
/// for the page to be idle ([`Turn::Idle`]): a Run pressed meanwhile, its
/// slices and the first rendering of its output never queue behind it
/// (issue #19).
pub async fn warm_up_engine(source: &str) -> Option<RunOutcome> {
    run_sliced_once(source, 1, CpuChoice::default(), &|| true, Turn::Idle).await
}

/// The last part of the warm-up: the rest of the compiled-in library
/// modules (`threading`, `multiprocessing`, …), for the runs that import
/// them, one piece per idle task. A Run pressed meanwhile compiles only
/// what its program imports (see [`compile_library`]), sharing the pieces
/// already compiled.
pub async fn warm_up_library() {
    compile_library_in(None, &|| true, Turn::Idle).await;
}

/// When a piece of engine work takes its turn on the page's one thread.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Turn {
    /// After the page's pending work (a run, a `#step=` link, a Run
    /// pressed): [`yield_to_page`](crate::browser::yield_to_page).
    Page,
    /// Only when the page is idle (the warm-up): after every run's slices.
    Idle,
}

/// How long a warm-up slice waits for the page to be idle at most, ms: a
/// page that never idles (a live busy loop) still warms up, slowly.
const IDLE_TIMEOUT_MS: u32 = 1_000;

async fn wait_turn(turn: Turn) {
    match turn {
        Turn::Page => crate::browser::yield_to_page().await,
        Turn::Idle => crate::browser::when_idle(IDLE_TIMEOUT_MS).await,
    }
}

/// Where the bundle of the library modules not compiled into the wasm is
/// (`looplab_engine::run::LAZY_MODULES`, written into `dist/` by
/// `scripts/library_bundle.py`, Trunk's post-build hook). The version,
/// a hash of the modules' sources made by `build.rs`, changes the address
/// whenever they change, so a cached copy is never stale.
const LIBRARY_URL: &str = concat!("library.txt?v=", env!("LOOPLAB_LIBRARY_VERSION"));

/// How long the bundle may take before a run that needs it gives up.
const LIBRARY_TIMEOUT_MS: i32 = 20_000;

thread_local! {
    /// The bundle's download once started: a promise of its text that
    /// every run needing it awaits. A failed download is forgotten, so
    /// the next run tries again.
    static DOWNLOAD: std::cell::RefCell<Option<js_sys::Promise>> =
        const { std::cell::RefCell::new(None) };
}

/// Starts downloading the library bundle (the page calls this once it
/// has painted), so that a program importing `json` or `random` seldom
/// waits for it.
pub fn prefetch_library() {
    wasm_bindgen_futures::spawn_local(async {
        let _ = load_library().await;
    });
}

/// Makes every library module importable: downloads the bundle (once,
/// shared by every caller) and installs it. The error says why the
/// download failed.
pub async fn load_library() -> Result<(), String> {
    if run::library_installed() {
        return Ok(());
    }
    let promise = DOWNLOAD.with(|d| {
        d.borrow_mut()
            .get_or_insert_with(|| {
                wasm_bindgen_futures::future_to_promise(async {
                    crate::browser::fetch_text(LIBRARY_URL, LIBRARY_TIMEOUT_MS)
                        .await
                        .map(|text| wasm_bindgen::JsValue::from_str(&text))
                        .map_err(|e| wasm_bindgen::JsValue::from_str(&e))
                })
            })
            .clone()
    });
    let result = match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(text) if run::library_installed() => {
            let _ = text;
            Ok(())
        }
        Ok(text) => run::install_library(&text.as_string().unwrap_or_default()),
        Err(e) => Err(e.as_string().unwrap_or_default()),
    };
    if let Err(e) = &result {
        DOWNLOAD.with(|d| d.borrow_mut().take());
        web_sys::console::warn_1(&format!("Looplab: the library modules did not load: {e}").into());
    }
    result
}

/// The module a finished run could not import because the library bundle
/// had not arrived (the run ends with the "library" limit).
pub fn needs_library(outcome: &RunOutcome) -> Option<&str> {
    match &outcome.ending {
        run::Ending::Limit { which, message } if which == "library" => {
            run::not_loaded_module(message)
        }
        _ => None,
    }
}

/// Runs `source` to its end without waiting virtual time (what the
/// player steps through when the learner steps before pressing Run, or a
/// `#step=N` link opens), in slices of about [`SLICE_MS`](super::live::SLICE_MS)
/// with the page's other work in between, so that even `while True: pass`
/// never holds the page. The trace is the one a one-shot
/// `run::run_program` gives: the session only pauses at instruction
/// boundaries and never looks at the real clock. `None` when `alive` (asked
/// before every slice) turns false: Stop, an edit, the player gone.
///
/// A program importing a library module before the bundle has arrived
/// runs again once it is installed (runs are deterministic); if the
/// download fails, the outcome is the run that says so.
pub async fn run_sliced(
    source: &str,
    scale: u64,
    cpu: CpuChoice,
    alive: impl Fn() -> bool,
) -> Option<RunOutcome> {
    loop {
        let outcome = run_sliced_once(source, scale, cpu, &alive, Turn::Page).await?;
        if needs_library(&outcome).is_none() || load_library().await.is_err() {
            return Some(outcome);
        }
    }
}

async fn run_sliced_once(
    source: &str,
    scale: u64,
    cpu: CpuChoice,
    alive: &impl Fn() -> bool,
    turn: Turn,
) -> Option<RunOutcome> {
    if !compile_library_in(Some(source), alive, turn).await {
        return None;
    }
    let mut session = Session::new(source, FILENAME, &limits(scale, cpu));
    let mut fuel = INITIAL_FUEL;
    loop {
        wait_turn(turn).await;
        if !alive() {
            return None;
        }
        let t0 = crate::browser::now_ms();
        if session.advance(fuel) == run::Progress::Finished {
            break;
        }
        fuel = next_fuel(fuel, crate::browser::now_ms() - t0);
    }
    Some(session.into_outcome())
}

/// Compiles the library modules `source` imports (every compiled-in one
/// for `None`) one piece per task, unless the warm-up (or an earlier run)
/// did: a slice of fuel that reaches `import asyncio` would compile every
/// piece its few instructions reach, and the first compile also pays for
/// the browser compiling the parser and compiler on first call. Every run
/// calls this before its first slice; a module it misses (imported in a
/// way the scan does not see) is compiled when imported. Always waits for
/// a task of its own first (the caller is often a click handler or the
/// page's first render). False when `alive` turned false.
pub async fn compile_library(source: Option<&str>, alive: &impl Fn() -> bool) -> bool {
    compile_library_in(source, alive, Turn::Page).await
}

async fn compile_library_in(source: Option<&str>, alive: &impl Fn() -> bool, turn: Turn) -> bool {
    let mut prep = match source {
        Some(source) => run::Warmup::for_program(source),
        None => run::Warmup::new(),
    };
    loop {
        wait_turn(turn).await;
        if !alive() {
            return false;
        }
        // Pieces until a slice's time is used: a piece loaded from the
        // compiled library takes well under a millisecond, and a yield per
        // piece let the warm-up's pieces (compiled from source) run between
        // every two of a waiting run's.
        let t0 = crate::browser::now_ms();
        while crate::browser::now_ms() - t0 < COMPILE_SLICE_MS {
            if !prep.step() {
                return true;
            }
        }
    }
}

/// How long one slice of compiling the library may take, ms (a long task
/// is one over 50).
const COMPILE_SLICE_MS: f64 = 12.0;

/// Starts a pausable run of `source`.
pub fn start_live(source: &str, scale: u64, cpu: CpuChoice) -> Result<Box<dyn LiveRun>, String> {
    Ok(Box::new(SessionRun(Session::new(
        source,
        FILENAME,
        &limits(scale, cpu),
    ))))
}

/// The engine benchmark's hook (`tools/bench-web.mjs`, issue #19): on a
/// page opened with `?bench`, `window.looplabBench(source)` runs `source`
/// to its end untraced, in one go (the benchmark's page does nothing
/// else), as the native benchmark runs it (`tools/bench.py`: `looplab
/// run` with its instruction budgets raised, no trace, no line or frame
/// recording), once the library has arrived and what it imports is
/// compiled, and resolves to `[milliseconds, stdout, completed]`: the run
/// alone, timed by the page's clock.
pub fn install_bench_hook() {
    use wasm_bindgen::prelude::*;
    let hook = Closure::<dyn Fn(String) -> js_sys::Promise>::new(|source: String| {
        wasm_bindgen_futures::future_to_promise(async move {
            load_library().await.map_err(|e| JsValue::from_str(&e))?;
            compile_library(Some(&source), &|| true).await;
            let t0 = crate::browser::now_ms();
            // (The budgets `tools/bench.py` gives the native runs.)
            let limits = Limits {
                max_slice_instructions: 5_000_000_000,
                max_instructions: 50_000_000_000,
                ..Limits::default()
            };
            let outcome = run::run_program_untraced(&source, FILENAME, &limits);
            let ms = crate::browser::now_ms() - t0;
            let out: String = outcome
                .output
                .iter()
                .filter(|o| !o.stderr)
                .map(|o| o.text.as_str())
                .collect();
            let completed = matches!(outcome.ending, run::Ending::Completed);
            Ok(js_sys::Array::of3(&ms.into(), &out.into(), &completed.into()).into())
        })
    });
    if let Some(w) = web_sys::window() {
        let _ = js_sys::Reflect::set(&w, &JsValue::from_str("looplabBench"), hook.as_ref());
    }
    hook.forget();
}
