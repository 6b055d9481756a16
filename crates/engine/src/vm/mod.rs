//! The virtual machine: values, heap frames, the interpreter loop,
//! built-ins, exceptions and tracebacks.
//!
//! Pipeline: `parse::parse_module` -> `compile::compile_module` (symbol
//! table, then stack-machine [`crate::compile::code::Code`] with fast
//! locals, pooled constants and one source span per instruction) -> this
//! VM. Python-to-Python calls push heap [`Frame`]s on an explicit stack
//! (never Rust recursion), so recursion depth 1000 works in wasm and
//! execution can stop at any instruction boundary.
//!
//! # Public API (for the event-loop glue and the conformance harness)
//!
//! * [`run_script`] runs a language-only program and returns its output and
//!   rendered traceback ([`ScriptResult`]).
//! * [`Vm::new`] builds an interpreter with [`Limits`]; [`Vm::exec_main`]
//!   compiles and runs source as `__main__`; [`Vm::compile`] and
//!   [`Vm::exec_source`] run source in any namespace.
//! * [`Vm::call`] calls any Python callable from Rust (re-entrant: built-ins
//!   such as `sorted(key=…)` and dunder dispatch use it too). A call made
//!   from Rust while Python code runs ("nested") always runs to completion.
//! * [`Vm::resume`] is `coro.send(v)` / `coro.throw(e)` for generators and
//!   coroutines, returning [`GenStep`] (`Yielded`/`Returned`/`Raised`;
//!   other [`Error`]s are limits, pauses or bugs). `await x` is
//!   `yield from x.__await__()`: a value yielded by the innermost awaitable
//!   travels up the chain of awaiting coroutines to the resumer (no Rust
//!   recursion: the delegating frames are pushed on the frame stack); a
//!   throw goes to the innermost awaitable first. [`Vm::resume_async_gen`]
//!   drives an async generator's frame and tells a `yield` apart from an
//!   await passing through. Python-level `send`/`throw`/`close`,
//!   `__anext__`/`asend`/`athrow`/`aclose` exist on the objects too.
//! * Coroutines record whether they were ever started; a coroutine dropped
//!   before starting is logged and [`Vm::take_never_awaited`] returns the
//!   qualified names (the glue prints "coroutine 'f' was never awaited").
//!   Generators and coroutines dropped while suspended inside a `try` are
//!   closed at the next instruction (their `finally` runs), like CPython's
//!   garbage collection; async generators are left to the loop.
//! * Async generator hooks: `sys.set_asyncgen_hooks(firstiter=…,
//!   finalizer=…)` (also [`Vm::asyncgen_hooks`]): `firstiter` is called
//!   with each async generator on its first `__anext__`/`asend`/`athrow`/
//!   `aclose`, which is what `loop.shutdown_asyncgens()` needs.
//! * Native code: [`Vm::native_fn`] wraps a Rust closure taking `&mut Vm`
//!   (positional args, then keyword args); [`Vm::new_native_class`]
//!   creates a class whose methods are natives (they get `self` as
//!   `args[0]`) and [`Vm::new_native_instance`] an instance carrying a Rust
//!   payload ([`Vm::native_payload`] borrows it). A native class is
//!   awaitable when it defines `__await__` returning an iterator, e.g.
//!   [`Vm::yield_once_iter`], which yields the object once then returns
//!   what a callback produces (CPython's `Future.__await__`). Exceptions:
//!   [`Vm::new_exception`], [`Vm::new_error`], the `Types` table
//!   ([`Vm::types`]) holds every built-in class; new exception classes are
//!   `new_native_class(name, module, Some(base), methods)`.
//! * Modules: [`Vm::add_native_module`] registers a module built in Rust;
//!   [`Vm::add_source_module`] registers a module written in Python that is
//!   compiled and executed on first import (and cached in [`Vm::modules`]).
//!   An `import` statement runs such a module's body as frames on the
//!   current stack (so fuel can pause it); [`Vm::import`], from Rust, runs
//!   it to completion. Their code is compiled in pieces, cached per thread;
//!   [`Vm::prepare_library_piece`] compiles one piece ahead of time.
//!   The registry (`library::modules`) lists them all: native ones
//!   (`time`, `math`, `_random`, `sys`, `threading`, …) and ones written
//!   in Python (`random`, `functools`, `os`, `datetime`, …).
//! * Budgets: [`Limits`] (total instructions, instructions per slice since
//!   the last suspension, recursion depth, collection sizes, output bytes,
//!   heap bytes held: [`Vm::memory_in_use`], counted by
//!   `looplab-tracemalloc`).
//!   [`Vm::reset_slice`] restarts the per-slice count (the glue calls it
//!   when a task suspends); `Vm::resume` from the outermost level resets
//!   it too. Instruction budgets end the run with `Error::Limit(message)`
//!   naming the setting; recursion and memory are Python exceptions
//!   (`RecursionError`, `MemoryError`) as in CPython.
//! * Teardown: [`Vm::teardown`] (run when the VM is dropped) empties every
//!   object the run made so reference cycles are freed.
//! * Pausing: [`Vm::set_fuel`]; when it runs out at an instruction boundary
//!   in the outermost run (not inside a nested Rust call), the operation
//!   returns `Err(Error::Paused)` with all state kept; call
//!   [`Vm::resume_paused`] (after `set_fuel` again) to continue the same
//!   operation; its result is the operation's (`Returned` for a call).
//! * Worker "threads": [`Vm::fiber_new`] / [`Vm::fiber_resume`] run a callable
//!   on a separate frame stack. A native function may return
//!   `Err(Error::Suspend(request))` (for example `time.sleep` in a worker,
//!   through the [`Vm::sleep_hook`]); the fiber then reports
//!   [`FiberStep::Suspended`] and continues when resumed with the value the
//!   native call should return. `Vm::current_fiber` is the fiber running
//!   (`threading.current_thread().name` is the name given to `fiber_new`).
//!   Suspending inside a nested Rust call raises a clear RuntimeError.
//! * Clock and output: `time`/`datetime` read [`Vm::now_ns`] (time.time()
//!   = 1704067200 + clock seconds): [`Vm::clock_ns`] plus, with the CPU
//!   model ([`Limits::cpu_model`]), the computing not yet added to it
//!   ([`Vm::take_cpu_ns`]); `time.sleep` advances it unless a
//!   [`Vm::sleep_hook`] is installed. With the CPU model the VM also
//!   pauses the GIL holder's fiber at a switch point once its switch
//!   interval is used up ([`Vm::gil_arm`], [`Vm::take_switch_due`]). Output goes to [`Vm::output`] as
//!   [`OutputChunk`]s stamped with the clock; the glue drains it.
//! * Lines: every instruction keeps its source span; [`Vm::gen_line`]
//!   reports the line a suspended coroutine will resume at and
//!   [`Vm::current_line`] the line executing now.
//! * Tracebacks: [`Vm::format_exception`] renders an exception exactly like
//!   CPython 3.11 (3.11's `~~^^` location markers, `__cause__`/`__context__`
//!   chains, exception-group trees); [`Vm::exception_line`] is the last
//!   line (`ValueError: boom`); [`Vm::render_error`] also covers limits
//!   and internal errors ("a bug in Looplab", never a panic).

pub mod dict;
pub mod exc;
pub mod fiber;
pub mod format;
pub mod frame;
pub mod inspect;
pub mod interp;
pub mod library;
pub mod lines;
pub mod object;
pub mod ops;
pub mod teardown;
pub(crate) mod type_cache;
pub mod types;
pub mod value;

#[cfg(test)]
mod tests;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::ast::Name;
use crate::compile::code::Code;
use crate::compile::Interner;
pub use frame::Frame;
pub use types::Types;
pub use value::*;

/// Resource budgets. Exceeding one ends the run with a clear message
/// (memory and recursion are catchable Python exceptions, as in CPython).
#[derive(Clone, Debug)]
pub struct Limits {
    /// Total instructions for the whole run.
    pub max_instructions: u64,
    /// Instructions since the current task last suspended ("blocking the
    /// event loop"); reset by `Vm::reset_slice`.
    pub max_slice_instructions: u64,
    /// Python frames on the stack (CPython's default recursion limit).
    pub max_recursion: usize,
    /// Elements in one list/dict/set/tuple, characters in one string.
    pub max_collection_len: usize,
    /// Total bytes written to stdout/stderr.
    pub max_output_bytes: usize,
    /// Heap bytes the run may hold at once (its Python objects, frames,
    /// tasks, and the interpreter's own structures such as the trace), as
    /// counted by `looplab-tracemalloc`. Exceeding it raises `MemoryError`
    /// in the program (catchable, as in CPython); memory the program frees
    /// is credited back, so only what is live counts.
    pub max_memory_bytes: usize,
    /// The opt-in "computing takes time" model (`None`, the default: the
    /// virtual clock advances only by waiting, as on the oracle's clock).
    /// Not a budget, but a run option carried with them.
    pub cpu_model: Option<CpuModel>,
    /// Record each task's await chain and local variables whenever it
    /// suspends (`EventKind::TaskFrames`), and the module's globals
    /// (`EventKind::Globals`), for a viewer that shows them; with
    /// `record_lines` too, also before each line event, when they changed
    /// (see `max_line_frames`). Off by default: nothing is looked at or
    /// recorded then. Not a budget, but a run option carried with them.
    pub inspect_frames: bool,
    /// Record every line of the program the run executes, and which task
    /// ran it (`EventKind::Line`), for stepping line by line. Off by
    /// default, and then it costs nothing: the interpreter looks at lines
    /// only while a line hook is installed (see `vm/lines.rs`). Not a
    /// budget, but a run option carried with them.
    pub record_lines: bool,
    /// Line events recorded at most (`EventKind::LinesCapped` then, and
    /// the run goes on without them).
    pub max_line_events: usize,
    /// With both `record_lines` and `inspect_frames`: the line events at
    /// which the running task's frames and the module's globals are
    /// recorded (when they changed) at most; past them frames are recorded
    /// at suspensions only (`EventKind::LineFramesCapped` says where).
    pub max_line_frames: usize,
}

/// Default for [`Limits::max_line_events`].
pub const DEFAULT_MAX_LINE_EVENTS: usize = 100_000;

/// Default for [`Limits::max_line_frames`].
pub const DEFAULT_MAX_LINE_FRAMES: usize = 10_000;

/// The opt-in "computing takes time" model (`looplab run --cpu-model
/// [--cores N]`): every executed instruction costs
/// [`PS_PER_INSTRUCTION`] of virtual time, one GIL per process hands over
/// every `sys.getswitchinterval()` of virtual CPU at CPython 3.11's
/// eval-breaker points, and processes share `cores` virtual cores. The
/// whole model is described in `crate::aio::cpu`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CpuModel {
    /// Virtual cores the processes share (at least 1).
    pub cores: u32,
}

impl Default for CpuModel {
    /// Four cores, as the "typical laptop".
    fn default() -> CpuModel {
        CpuModel { cores: 4 }
    }
}

/// What one instruction costs in the CPU model, in picoseconds (see
/// `crate::aio::cpu` for how the figure was chosen).
pub const PS_PER_INSTRUCTION: u64 = 12_000;

/// CPython's default switch interval (`sys.getswitchinterval()`), 5 ms.
pub const DEFAULT_SWITCH_INTERVAL_NS: u64 = 5_000_000;

/// Where the running thread must offer the GIL (CPU model only): once the
/// instruction counter reaches `at`, at the next eval-breaker point of
/// fiber `fiber`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GilMark {
    /// Instruction count from which the switch is due.
    pub at: u64,
    /// The program thread's fiber that holds the GIL.
    pub fiber: FiberId,
}

/// What an event-loop handle's own work (scheduling, the trace, waking
/// the task) counts for in the instruction budgets: measured natively,
/// 200,000 rounds of `await asyncio.sleep(0)` (one handle and about 30
/// instructions each) take 0.21 s, as long as about 170 instructions of a
/// plain loop each; so a program spinning through the loop reaches a limit
/// about as soon as a busy loop does.
pub const HANDLE_COST: u64 = 170;

/// The limits a run can hit, as a learner reads their names; each limit
/// message ends with "(the … limit)" naming one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LimitKind {
    /// `Limits::max_instructions`.
    Instructions,
    /// `Limits::max_slice_instructions`, also bounding instructions run
    /// while the virtual clock stands still.
    Step,
    /// `Limits::max_memory_bytes`.
    Memory,
    /// `Limits::max_output_bytes`.
    Output,
}

impl LimitKind {
    /// Every kind.
    pub const ALL: [LimitKind; 4] = [
        LimitKind::Instructions,
        LimitKind::Step,
        LimitKind::Memory,
        LimitKind::Output,
    ];

    /// The limit's name in messages and the app ("the step limit").
    pub fn name(self) -> &'static str {
        match self {
            LimitKind::Instructions => "instruction",
            LimitKind::Step => "step",
            LimitKind::Memory => "memory",
            LimitKind::Output => "output",
        }
    }

    /// "the step limit": how a message names it (its last words).
    pub fn phrase(self) -> String {
        format!("the {} limit", self.name())
    }

    /// The command-line option that raises it.
    pub fn cli_option(self) -> &'static str {
        match self {
            LimitKind::Instructions => "--max-instructions N",
            LimitKind::Step => "--max-slice N",
            LimitKind::Memory => "--max-memory BYTES",
            LimitKind::Output => "--max-output BYTES",
        }
    }

    /// The kind a limit message names, if any.
    pub fn of_message(message: &str) -> Option<LimitKind> {
        LimitKind::ALL
            .into_iter()
            .find(|k| message.ends_with(&format!("({})", k.phrase())))
    }
}

impl Default for Limits {
    fn default() -> Limits {
        // The slice budget decides how long `while True: pass` runs before
        // the "blocking the event loop" message: 2e8 instructions is a few
        // seconds in the browser and ample for teaching code (tens of
        // millions per slice). Heavier programs (the benchmarks) raise it:
        // `looplab run --max-slice N`.
        Limits {
            max_instructions: 2_000_000_000,
            max_slice_instructions: 200_000_000,
            max_recursion: 1000,
            max_collection_len: 50_000_000,
            max_output_bytes: 8 * 1024 * 1024,
            // Far above teaching code (a million-element list of small ints
            // is ~16 MiB) and well within what a browser tab can hold.
            max_memory_bytes: 256 * 1024 * 1024,
            cpu_model: None,
            inspect_frames: false,
            record_lines: false,
            max_line_events: DEFAULT_MAX_LINE_EVENTS,
            max_line_frames: DEFAULT_MAX_LINE_FRAMES,
        }
    }
}

/// Why a VM operation did not produce a value.
#[derive(Clone, Debug)]
pub enum Error {
    /// A Python exception (an instance of a BaseException subclass).
    Exception(Value),
    /// A budget was exceeded; the message names the limit.
    Limit(String),
    /// A bug in Looplab (never the user's fault).
    Internal(String),
    /// Fuel ran out; state is kept, continue with `Vm::resume_paused`.
    Paused,
    /// A native function asks to suspend the current fiber with this
    /// request value (only meaningful inside `fiber_resume`).
    Suspend(Value),
}

/// Result of resuming a generator or coroutine.
#[derive(Clone, Debug)]
pub enum GenStep {
    Yielded(Value),
    Returned(Value),
    Raised(Value),
}

/// How to resume a generator/coroutine.
#[derive(Clone, Debug)]
pub enum Resume {
    Send(Value),
    Throw(Value),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// A piece of output with the virtual time it was written.
#[derive(Clone, Debug)]
pub struct OutputChunk {
    pub stream: Stream,
    pub text: String,
    pub clock_ns: u64,
}

/// Result of running a fiber until it stops.
#[derive(Clone, Debug)]
pub enum FiberStep {
    /// The callable returned.
    Done(Value),
    /// The callable raised.
    Raised(Value),
    /// A native call suspended the fiber with this request.
    Suspended(Value),
}

pub type FiberId = usize;

/// A separate execution context (a worker "thread").
pub(crate) struct Fiber {
    /// Saved frame stack while not running.
    #[allow(clippy::vec_box)] // see `Vm::frames`
    pub frames: Vec<Box<Frame>>,
    /// Not started yet: the callable and its arguments.
    pub start: Option<(Value, Vec<Value>)>,
    /// Suspended inside a native call made directly by bytecode (the
    /// resume value is pushed as that call's result), or, with no frames,
    /// the fiber was a lone native call (the resume value is the result).
    pub suspended: bool,
    pub done: bool,
}

/// Internal result of running the frame stack down to an entry frame.
#[derive(Clone, Debug)]
pub(crate) enum Completion {
    Returned(Value),
    /// Yielded value; `true` when it came from a `yield` in an async
    /// generator (as opposed to an await passing through).
    Yielded(Value, bool),
    Suspended(Value),
}

type SleepHook = Rc<dyn Fn(&mut Vm, f64) -> Result<Value, Error>>;
type ModuleInit = Rc<dyn Fn(&mut Vm) -> Result<Value, Error>>;

/// The interpreter.
pub struct Vm {
    pub limits: Limits,
    /// Built-in classes.
    pub types: Types,
    /// The current frame stack (of the running fiber). Boxed: a frame
    /// moves by pointer when a generator suspends or resumes and when it is
    /// recycled (`frame_pool`), instead of copying its ~200 bytes.
    #[allow(clippy::vec_box)]
    pub(crate) frames: Vec<Box<Frame>>,
    /// The `builtins` namespace.
    pub builtins: Rc<Globals>,
    /// Imported modules by name (`sys.modules`).
    pub modules: HashMap<Name, Value>,
    /// Native module constructors, run on first import.
    native_modules: HashMap<Name, ModuleInit>,
    /// Python-source modules: (source, filename), compiled on first import.
    source_modules: HashMap<Name, (Rc<str>, Name)>,
    pub(crate) interner: Interner,
    /// Everything printed, in order.
    pub output: Vec<OutputChunk>,
    output_bytes: usize,
    /// The virtual clock in nanoseconds (read by `time`/`datetime`).
    pub clock_ns: u64,
    /// `time.sleep(x)`: by default advances the clock; the glue may install
    /// a hook that suspends the current worker fiber instead.
    pub sleep_hook: Option<SleepHook>,
    /// Told of every line of the program the run starts
    /// (`Limits::record_lines`; see `vm/lines.rs`).
    pub line_hook: Option<lines::LineHook>,
    /// Instructions executed in total.
    pub instructions: u64,
    /// Instructions at the start of the current slice.
    slice_start: u64,
    /// Charged instructions (see `handle_charge`) when the virtual clock
    /// was last seen to move: tasks
    /// that hand the loop to each other forever (`while True: await
    /// asyncio.sleep(0)`) never exceed a slice, but the clock stands still,
    /// so this bounds them by the same step budget.
    still_since: u64,
    /// The clock reading `still_since` belongs to.
    clock_seen: u64,
    /// What the event-loop handles run so far count for in the total
    /// budget ([`HANDLE_COST`] each), kept apart from `instructions` so
    /// that the budget checks keep their own rhythm (charging the counter
    /// itself made every check fall on a handle's first instruction, so a
    /// `MemoryError` always hit a fresh task, never the loop making them).
    handle_charge: u64,
    /// Instructions run in the built-ins' loops written in Python
    /// (`Code::uncharged`): left out of the charged count (the CPU model's
    /// clock, the budgets) as their loops in Rust were.
    pub(crate) uncharged: u64,
    /// Next instruction count at which budgets are checked.
    next_check: u64,
    /// CPU model: the virtual time of the charged instructions already
    /// added to the clock (see [`Vm::take_cpu_ns`]).
    cpu_synced_ns: u64,
    /// `sys.getswitchinterval()` in nanoseconds.
    pub switch_interval_ns: u64,
    /// CPU model: when the thread holding the GIL must offer it.
    pub(crate) gil: Option<GilMark>,
    /// CPU model: the state of the generator that varies each switch
    /// interval (see [`Vm::gil_arm`]).
    gil_jitter: u64,
    /// CPU model: the last `Error::Paused` was a GIL switch point, not
    /// the fuel running out (read by [`Vm::take_switch_due`]).
    switch_due: bool,
    /// Instruction count at which the memory budget is next checked: an
    /// absolute mark moved only by a memory check (never by `reset_slice`,
    /// which runs at every task step: re-arming it there let a program
    /// that awaits often never be checked at all).
    next_memory_check: u64,
    /// Instruction count at which to pause (None = never pause).
    pub(crate) fuel_until: Option<u64>,
    /// Depth of nested `run` loops (1 = outermost).
    pub(crate) nesting: usize,
    /// Id counter for fake addresses.
    next_id: u64,
    /// Unstarted coroutines dropped so far.
    pub(crate) never_awaited: Rc<RefCell<Vec<NeverAwaited>>>,
    /// The error being raised is a re-raise (no new traceback entry).
    pub(crate) reraise: bool,
    /// Containers being repr'd (to print `[...]` for cycles).
    pub(crate) repr_stack: Vec<usize>,
    /// The Mersenne Twister behind `random`.
    pub(crate) rng: crate::vm::library::modules::Rng,
    /// `sys.set_asyncgen_hooks(firstiter, finalizer)`: called with an async
    /// generator when it is first iterated (CPython's asyncgen hooks).
    pub asyncgen_hooks: (Option<Value>, Option<Value>),
    /// Dropped suspended generators to close (see `FinalizeQueue`).
    pub(crate) finalize_queue: Rc<FinalizeQueue>,
    pub(crate) fibers: Vec<Fiber>,
    /// Thread names of fibers (`threading.current_thread().name`).
    pub(crate) fiber_names: Vec<String>,
    /// Index of the fiber currently running, if any.
    pub(crate) current_fiber: Option<FiberId>,
    /// The memory budget's zero: the thread's `traced_bytes` reading at
    /// which the run held nothing. Moved by `memory_resume` so that what
    /// the embedder allocates between slices does not count.
    mem_base: isize,
    /// What the run held when `memory_pause` was called (restored by
    /// `memory_resume`).
    mem_held: usize,
    /// Extra allowance after a budget `MemoryError`, so that the handler
    /// catching it can run (and free memory); back to 0 once usage is
    /// under the limit again.
    mem_grace: usize,
    /// The message of the `MemoryError`s the budget raises (one shared
    /// string: an exception carrying it that escapes the program ends the
    /// run as a limit, `Ending::Limit`, not as an exception).
    mem_message: Option<Rc<str>>,
    /// Every instance and closure cell made (weakly): the objects through
    /// which a program can make a cycle that nothing reachable refers to
    /// any more (CPython's cycle collector frees those; here the teardown
    /// empties them). See `teardown::Tracked`.
    pub(crate) tracked: teardown::Tracked,
    /// Heap bytes that belong to the run but have a budget of their own
    /// (the trace's event list, capped by `Recorder::max_events`): left
    /// out of the memory budget.
    pub mem_excluded: Rc<std::cell::Cell<usize>>,
    /// Remembered class attribute lookups (CPython's method cache).
    pub(crate) type_cache: type_cache::TypeCache,
    /// The builtin `len` (CALL's fast path recognises it by identity).
    pub(crate) builtin_len: Option<Rc<Builtin>>,
    /// Buffers of finished frames, reused by the next calls.
    pub(crate) frame_pool: frame::FramePool,
}

/// Instructions between two checks of the memory budget (at instruction
/// boundaries; big allocations are checked before they happen too).
const MEMORY_CHECK_EVERY: u64 = 4096;

impl Vm {
    pub fn new(limits: Limits) -> Vm {
        let _ =
            crate::pylib::bigint::set_max_str_digits(crate::pylib::bigint::MAX_STR_DIGITS as i64);
        let mem_base = looplab_tracemalloc::traced_bytes();
        let types = Types::new();
        let mut vm = Vm {
            limits,
            types,
            frames: Vec::new(),
            builtins: Rc::new(Globals::default()),
            modules: HashMap::new(),
            native_modules: HashMap::new(),
            source_modules: HashMap::new(),
            interner: Interner::default(),
            output: Vec::new(),
            output_bytes: 0,
            clock_ns: 0,
            sleep_hook: None,
            line_hook: None,
            instructions: 0,
            slice_start: 0,
            still_since: 0,
            clock_seen: 0,
            handle_charge: 0,
            uncharged: 0,
            next_check: 0,
            cpu_synced_ns: 0,
            switch_interval_ns: DEFAULT_SWITCH_INTERVAL_NS,
            gil: None,
            gil_jitter: 0x9E37_79B9_7F4A_7C15,
            switch_due: false,
            next_memory_check: MEMORY_CHECK_EVERY,
            fuel_until: None,
            nesting: 0,
            next_id: 1,
            never_awaited: Rc::new(RefCell::new(Vec::new())),
            reraise: false,
            repr_stack: Vec::new(),
            rng: crate::vm::library::modules::Rng::default(),
            asyncgen_hooks: (None, None),
            finalize_queue: Rc::new(FinalizeQueue::default()),
            fibers: Vec::new(),
            fiber_names: Vec::new(),
            current_fiber: None,
            mem_base,
            mem_held: 0,
            mem_grace: 0,
            mem_message: None,
            tracked: teardown::Tracked::default(),
            mem_excluded: Rc::new(std::cell::Cell::new(0)),
            type_cache: type_cache::TypeCache::default(),
            builtin_len: None,
            frame_pool: frame::FramePool::default(),
        };
        crate::vm::library::install(&mut vm);
        vm.recompute_check();
        vm
    }

    pub fn intern(&mut self, s: &str) -> Name {
        self.interner.intern(s)
    }

    pub(crate) fn fresh_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    /// An event-loop handle (a task step or a callback) has ended: restarts
    /// the slice budget and charges the handle's own work to the budgets.
    pub fn handle_done(&mut self) {
        self.handle_charge = self.handle_charge.saturating_add(HANDLE_COST);
        self.reset_slice();
    }

    /// Instructions counted against the total budget: those run plus the
    /// handles' charge.
    pub(crate) fn charged_instructions(&self) -> u64 {
        self.instructions
            .saturating_add(self.handle_charge)
            .saturating_sub(self.uncharged)
    }

    /// Restart the per-slice instruction budget (call when a task suspends).
    pub fn reset_slice(&mut self) {
        self.slice_start = self.instructions;
        self.recompute_check();
    }

    pub(crate) fn recompute_check(&mut self) {
        // The total and the standstill budgets count charged instructions:
        // their marks move back by the handles' charge.
        let charged_mark = |mark: u64| {
            mark.saturating_sub(self.handle_charge)
                .saturating_add(self.uncharged)
                .max(self.instructions + 1)
        };
        let step = self.limits.max_slice_instructions.max(1);
        let mut next = charged_mark(self.limits.max_instructions.max(1));
        next = next.min(self.slice_start.saturating_add(step));
        next = next.min(charged_mark(self.still_since.saturating_add(step)));
        if let Some(f) = self.fuel_until {
            next = next.min(f);
        }
        if let Some(g) = self.gil {
            next = next.min(g.at.max(self.instructions + 1));
        }
        next = next.min(self.next_memory_check);
        if self.line_hook.is_some() {
            // Recording lines: look at every instruction (`note_line`).
            next = self.instructions + 1;
        }
        self.next_check = next;
    }

    /// The periodic memory check, when the instruction counter has reached
    /// `next_memory_check` (which it then moves `MEMORY_CHECK_EVERY` on).
    pub(crate) fn periodic_memory_check(&mut self) -> Result<(), Error> {
        if self.instructions < self.next_memory_check {
            return Ok(());
        }
        self.next_memory_check = self.instructions.saturating_add(MEMORY_CHECK_EVERY);
        self.check_memory(0)
    }

    /// Whether the CPU model is on.
    pub fn cpu_on(&self) -> bool {
        self.limits.cpu_model.is_some()
    }

    /// CPU model: the virtual time every charged instruction so far costs.
    fn cpu_total_ns(&self) -> u64 {
        if !self.cpu_on() {
            return 0;
        }
        let ps = u128::from(self.charged_instructions()) * u128::from(PS_PER_INSTRUCTION);
        u64::try_from(ps / 1000).unwrap_or(u64::MAX)
    }

    /// The virtual clock as the program sees it now: `clock_ns` plus, in
    /// the CPU model, the computing done since the glue last moved the
    /// loop's clock ([`Vm::take_cpu_ns`]).
    pub fn now_ns(&self) -> u64 {
        self.clock_ns
            .saturating_add(self.cpu_total_ns().saturating_sub(self.cpu_synced_ns))
    }

    /// CPU model: the computing time not yet added to the loop's clock
    /// (0 with the model off); the caller adds it.
    pub fn take_cpu_ns(&mut self) -> u64 {
        let total = self.cpu_total_ns();
        let d = total.saturating_sub(self.cpu_synced_ns);
        self.cpu_synced_ns = total;
        d
    }

    /// Instructions in one switch interval (at least 1).
    fn switch_interval_instructions(&self) -> u64 {
        let ps = u128::from(self.switch_interval_ns) * 1000;
        u64::try_from(ps / u128::from(PS_PER_INSTRUCTION))
            .unwrap_or(u64::MAX)
            .max(1)
    }

    /// CPU model: program thread `fiber` holds the GIL from now; it
    /// offers it after one switch interval (kept if it already held it:
    /// a fuel pause does not restart its interval).
    ///
    /// Each interval is lengthened by a pseudo-random amount (up to a
    /// quarter, from a generator with a fixed seed, so runs stay
    /// reproducible). In CPython the switch request comes from the waiting
    /// thread's timer, whose phase against the running loop varies; an
    /// exact interval would always land on the same instruction of a loop
    /// body, and a race would show or hide by the loop's length alone.
    pub fn gil_arm(&mut self, fiber: FiberId) {
        if !self.cpu_on() || self.gil.is_some_and(|g| g.fiber == fiber) {
            return;
        }
        // xorshift64
        let mut x = self.gil_jitter;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.gil_jitter = x;
        let interval = self.switch_interval_instructions();
        let jitter = x % (interval / 4 + 1);
        self.gil = Some(GilMark {
            at: self
                .instructions
                .saturating_add(interval)
                .saturating_add(jitter),
            fiber,
        });
        self.recompute_check();
    }

    /// CPU model: no thread holds a GIL mark (the next [`Vm::gil_arm`]
    /// starts a fresh interval).
    pub fn gil_clear(&mut self) {
        if self.gil.take().is_some() {
            self.recompute_check();
        }
    }

    /// Whether the last `Error::Paused` was a GIL switch point (and
    /// forgets it).
    pub fn take_switch_due(&mut self) -> bool {
        std::mem::take(&mut self.switch_due)
    }

    /// CPU model, at a budget check once the GIL mark is reached: pause
    /// for a switch if the next instruction is one of CPython 3.11's
    /// eval-breaker points (a call or a backward jump) in the outermost
    /// run of the GIL holder's fiber.
    pub(crate) fn gil_switch_point(&mut self) -> bool {
        let Some(g) = self.gil else { return false };
        if self.instructions < g.at {
            return false;
        }
        if self.current_fiber != Some(g.fiber) {
            // Another fiber runs (a task step, a loop worker): the holder
            // gets a fresh interval when it runs again.
            self.gil = None;
            return false;
        }
        if self.nesting != 1 {
            // Inside a native call that calls Python: look again later.
            self.gil = Some(GilMark {
                at: self.instructions.saturating_add(1000),
                ..g
            });
            return false;
        }
        let breaker = self
            .frames
            .last()
            .is_some_and(|fr| match fr.code.ops.get(fr.pc) {
                Some(
                    crate::compile::code::Op::Call(_)
                    | crate::compile::code::Op::CallKw(_)
                    | crate::compile::code::Op::CallEx(_)
                    | crate::compile::code::Op::CallMethod { .. }
                    | crate::compile::code::Op::CallMethodKw { .. },
                ) => true,
                Some(crate::compile::code::Op::Jump(t)) => (*t as usize) <= fr.pc,
                _ => false,
            });
        if breaker {
            self.gil = None;
            self.switch_due = true;
        }
        breaker
    }

    /// Set the pause fuel: run at least one and at most `fuel`
    /// instructions, then `Error::Paused`. The budget check runs once the
    /// counter has been bumped for the next instruction (and undoes the bump
    /// when it pauses), so the pause point is one past the last instruction
    /// allowed: with `fuel_until = instructions + fuel` a fuel of 1 would
    /// pause before every instruction and never make progress.
    pub fn set_fuel(&mut self, fuel: Option<u64>) {
        self.fuel_until =
            fuel.map(|f| self.instructions.saturating_add(f.max(1)).saturating_add(1));
        self.recompute_check();
    }

    /// Heap bytes the run holds now (everything allocated on this thread
    /// since `Vm::new` and not freed, minus what was allocated between
    /// `memory_pause` and `memory_resume`, minus `mem_excluded`).
    pub fn memory_in_use(&self) -> usize {
        let used = looplab_tracemalloc::traced_bytes() - self.mem_base;
        (used - self.mem_excluded.get() as isize).max(0) as usize
    }

    /// Stops counting (the embedder takes over the thread between slices).
    pub fn memory_pause(&mut self) {
        self.mem_held = self.memory_in_use();
    }

    /// Counts again from what was held at `memory_pause`.
    pub fn memory_resume(&mut self) {
        self.mem_base = looplab_tracemalloc::traced_bytes() - self.mem_held as isize;
    }

    /// The memory budget: raises `MemoryError` when the run holds, or is
    /// about to allocate (`extra` bytes), more than
    /// `Limits::max_memory_bytes`.
    pub(crate) fn check_memory(&mut self, extra: usize) -> Result<(), Error> {
        let limit = self.limits.max_memory_bytes;
        let used = self.memory_in_use().saturating_add(extra);
        if used <= limit {
            self.mem_grace = 0;
            return Ok(());
        }
        if used <= limit.saturating_add(self.mem_grace) {
            return Ok(());
        }
        // Room for the handler that catches it: an eighth of the budget.
        self.mem_grace = used - limit + (limit / 8).max(1 << 20);
        let message = self
            .mem_message
            .get_or_insert_with(|| {
                Rc::from(format!(
                    "the program holds more than {} of memory ({})",
                    format_bytes(limit),
                    LimitKind::Memory.phrase()
                ))
            })
            .clone();
        let c = self.types.memory_error.clone();
        Err(self.new_error_args(&c, vec![Value::Str(message)]))
    }

    /// Whether `exc` is a `MemoryError` the memory budget raised.
    pub fn is_memory_limit_error(&self, exc: &Value) -> bool {
        let Some(message) = &self.mem_message else {
            return false;
        };
        let Some(data) = self.exc_data(exc) else {
            return false;
        };
        let data = data.borrow();
        matches!(data.args.first(), Some(Value::Str(s)) if Rc::ptr_eq(s, message))
            && self.class_of(exc).is_subclass(&self.types.memory_error)
    }

    /// Qualified names of coroutines dropped without ever being started,
    /// since the last call.
    pub fn take_never_awaited(&mut self) -> Vec<String> {
        self.take_never_awaited_at()
            .into_iter()
            .map(|n| n.qualname.to_string())
            .collect()
    }

    /// The coroutines dropped without ever being started since the last
    /// call, with where they were created.
    pub fn take_never_awaited_at(&mut self) -> Vec<NeverAwaited> {
        self.never_awaited.borrow_mut().drain(..).collect()
    }

    /// Write text to stdout/stderr (print and sys.stdout.write).
    pub fn write(&mut self, stream: Stream, text: &str) -> Result<(), Error> {
        self.output_bytes += text.len();
        if self.output_bytes > self.limits.max_output_bytes {
            return Err(Error::Limit(format!(
                "the program printed more than {} ({})",
                format_bytes(self.limits.max_output_bytes),
                LimitKind::Output.phrase()
            )));
        }
        let clock_ns = self.now_ns();
        if let Some(last) = self.output.last_mut() {
            if last.stream == stream && last.clock_ns == clock_ns {
                last.text.push_str(text);
                return Ok(());
            }
        }
        self.output.push(OutputChunk {
            stream,
            text: text.to_string(),
            clock_ns,
        });
        Ok(())
    }

    /// Everything written to stdout so far, concatenated.
    pub fn stdout_text(&self) -> String {
        self.output
            .iter()
            .filter(|c| c.stream == Stream::Stdout)
            .map(|c| c.text.as_str())
            .collect()
    }

    /// Register a native module built on first import.
    pub fn add_native_module(
        &mut self,
        name: &str,
        init: impl Fn(&mut Vm) -> Result<Value, Error> + 'static,
    ) {
        let n = self.intern(name);
        self.native_modules.insert(n, Rc::new(init));
    }

    /// Register a module written in Python, compiled on first import.
    pub fn add_source_module(&mut self, name: &str, source: &str, filename: &str) {
        let n = self.intern(name);
        let f = self.intern(filename);
        self.source_modules.insert(n, (Rc::from(source), f));
    }

    /// Registers `name` on its first import if it is one of the library
    /// modules loaded on demand (`library::modules::LAZY_MODULES`); one
    /// not loaded yet ends the run with the "library" limit, which tells
    /// the embedder to load the library and run again.
    fn register_lazy(&mut self, name: &Name) -> Result<(), Error> {
        if self.source_modules.contains_key(name) || self.native_modules.contains_key(name) {
            return Ok(());
        }
        match crate::vm::library::modules::lazy_source(name) {
            None => Ok(()),
            Some(Ok(source)) => {
                let file = self.intern(&format!("<{name}>"));
                self.source_modules.insert(name.clone(), (source, file));
                Ok(())
            }
            Some(Err(message)) => Err(Error::Limit(message)),
        }
    }

    /// A new empty module object (for native modules).
    pub fn new_module(&mut self, name: &str) -> (Value, Rc<Globals>) {
        let g = Rc::new(Globals::default());
        g.set_str("__name__", Value::str(name));
        let m = Value::Module(Rc::new(Module {
            name: self.intern(name),
            globals: g.clone(),
        }));
        (m, g)
    }

    /// Wrap a Rust closure as a Python callable.
    pub fn native_fn(
        &mut self,
        name: &str,
        f: impl Fn(&mut Vm, &[Value], &[(Name, Value)]) -> Result<Value, Error> + 'static,
    ) -> Value {
        Value::Builtin(Rc::new(Builtin {
            name: self.intern(name),
            func: Rc::new(f),
            bound: None,
            owner: None,
        }))
    }

    /// Import (or fetch the cached) module `name`, from Rust: a module
    /// written in Python runs to completion before this returns.
    pub fn import(&mut self, name: &str) -> Result<Value, Error> {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        let key = self.intern(name);
        self.register_lazy(&key)?;
        if let Some(init) = self.native_modules.get(&key).cloned() {
            let m = init(self)?;
            self.modules.insert(key, m.clone());
            return Ok(m);
        }
        if let Some((src, file)) = self.source_modules.get(&key).cloned() {
            let (m, g) = self.new_module(name);
            self.modules.insert(key.clone(), m.clone());
            if let Err(e) = self.exec_library_module(&src, &file, g) {
                self.modules.remove(&key);
                return Err(e);
            }
            return Ok(m);
        }
        let mut msg = format!("No module named '{name}'");
        if let Some(hint) = crate::vm::library::modules::unavailable_hint(name) {
            msg.push_str(". ");
            msg.push_str(hint);
        }
        Err(self.new_error(&self.types.module_not_found_error.clone(), msg))
    }

    /// `import name` in bytecode. A module written in Python is put in
    /// `sys.modules` and its body pushed as frames on the current stack
    /// ([`frame::Link::Import`]): it runs under the importer's fuel, so a
    /// live run pauses inside a long module body like anywhere else, and
    /// the module is pushed when the body returns. Returns `None` then;
    /// `Some(module)` when the module was ready at once.
    pub(crate) fn import_in_frame(&mut self, name: &str) -> Result<Option<Value>, Error> {
        if name.starts_with('.') {
            return Err(self.new_error(
                &self.types.import_error.clone(),
                "attempted relative import with no known parent package",
            ));
        }
        if let Some(m) = self.modules.get(name) {
            return Ok(Some(m.clone()));
        }
        let key = self.intern(name);
        self.register_lazy(&key)?;
        let Some((src, file)) = self.source_modules.get(&key).cloned() else {
            return self.import(name).map(Some);
        };
        let (m, g) = self.new_module(name);
        self.modules.insert(key.clone(), m.clone());
        let pushed = self.library_code(&src, &file).and_then(|mut pieces| {
            pieces.reverse();
            match pieces.pop() {
                Some(first) => {
                    let mut frame = self.frame_pool.frame(first, g);
                    frame.link = frame::Link::Import {
                        module: m.clone(),
                        rest: pieces,
                    };
                    self.push_frame(frame).map(|()| true)
                }
                None => Ok(false),
            }
        });
        match pushed {
            Ok(true) => Ok(None),
            Ok(false) => Ok(Some(m)),
            Err(e) => {
                self.modules.remove(&key);
                Err(e)
            }
        }
    }

    /// Runs a library module written in Python (the asyncio prelude,
    /// `collections`, …) to completion, its pieces one after the other.
    fn exec_library_module(
        &mut self,
        source: &str,
        filename: &str,
        globals: Rc<Globals>,
    ) -> Result<Value, Error> {
        for code in self.library_code(source, filename)? {
            let mut frame = self.frame_pool.frame(code, globals.clone());
            frame.link = frame::Link::Entry;
            self.push_frame(frame)?;
            match self.run()? {
                Completion::Returned(_) => {}
                _ => return Err(Error::Internal("module code yielded".into())),
            }
        }
        Ok(Value::None)
    }

    /// The compiled pieces of a library module (see [`library_pieces`]),
    /// fresh copies for this run. Parsing and compiling them is most of a
    /// run's start-up, so the code is kept per thread and shared by every
    /// later run (each gets a fresh copy, see `Code::fresh_copy`).
    fn library_code(&mut self, source: &str, filename: &str) -> Result<Vec<Rc<Code>>, Error> {
        while self.compile_library_piece(source, filename)? {}
        LIBRARY_CODE.with(|c| {
            let cache = c.borrow();
            let entry = cache
                .get(filename)
                .ok_or_else(|| Error::Internal("library code not cached".into()))?;
            entry
                .code
                .iter()
                .map(|code| match code {
                    Some(code) => Ok(Rc::new(code.fresh_copy())),
                    None => Err(Error::Internal("library piece not compiled".into())),
                })
                .collect()
        })
    }

    /// Compiles the next piece of a library module not compiled yet in
    /// this thread, or loads it from the compiled form made at build time
    /// (`library::precompiled`); `Ok(false)` when every piece is. A piece
    /// that does not compile on its own (a cut in the wrong place) makes
    /// the whole module one piece.
    fn compile_library_piece(&mut self, source: &str, filename: &str) -> Result<bool, Error> {
        let todo = LIBRARY_CODE.with(|c| {
            let mut cache = c.borrow_mut();
            let entry = cache
                .entry(filename.to_string())
                .or_insert_with(|| LibraryCode::of(source, filename));
            if &*entry.source != source {
                *entry = LibraryCode::of(source, filename);
            }
            let k = entry.code.iter().position(Option::is_none)?;
            let form = entry
                .form
                .as_ref()
                .and_then(|f| Some((f.strings, *f.pieces.get(k)?)));
            Some((k, entry.pieces[k].clone(), form, entry.pieces.len()))
        });
        let Some((k, piece, form, count)) = todo else {
            return Ok(false);
        };
        let loaded = form.and_then(|(strings, (_, _, body))| {
            let names = self.library_names(filename, strings)?;
            let text: Rc<str> = Rc::from(piece.as_str());
            crate::compile::serial::read_piece(body, &names, &text).ok()
        });
        let was_loaded = loaded.is_some();
        let compiled = match loaded {
            Some(code) => Ok(code),
            None => self.compile(&piece, filename),
        };
        match compiled {
            Ok(code) => {
                // Code read from its compiled form has empty caches already.
                let pristine = if was_loaded {
                    crate::vm::library::precompiled::count_loaded();
                    code
                } else {
                    Rc::new(code.fresh_copy())
                };
                LIBRARY_CODE.with(|c| {
                    if let Some(entry) = c.borrow_mut().get_mut(filename) {
                        entry.code[k] = Some(pristine);
                    }
                });
                Ok(true)
            }
            Err(_) if count > 1 => {
                LIBRARY_CODE.with(|c| {
                    c.borrow_mut().insert(
                        filename.to_string(),
                        LibraryCode::new(source, vec![source.to_string()], None),
                    )
                });
                Ok(true)
            }
            Err(e) => Err(e),
        }
    }

    /// The string table of the compiled form of library module
    /// `filename` (`strings`, its bytes), read once per thread.
    fn library_names(&mut self, filename: &str, strings: &[u8]) -> Option<Rc<[Name]>> {
        let cached = LIBRARY_CODE.with(|c| c.borrow().get(filename)?.names.clone());
        if cached.is_some() {
            return cached;
        }
        let interner = &mut self.interner;
        let names: Rc<[Name]> =
            crate::compile::serial::read_strings(strings, &mut |s| interner.intern(s))
                .ok()?
                .into();
        LIBRARY_CODE.with(|c| {
            if let Some(entry) = c.borrow_mut().get_mut(filename) {
                entry.names = Some(names.clone());
            }
        });
        Some(names)
    }

    /// The engine's one-time start-up in small steps: compiles one more
    /// piece of the library modules registered with
    /// [`Vm::add_source_module`] (each piece takes a few milliseconds),
    /// `Ok(false)` once all are compiled for this thread. A page calls it
    /// from successive tasks so that no task is long.
    pub fn prepare_library_piece(&mut self) -> Result<bool, Error> {
        let mut names: Vec<Name> = self.source_modules.keys().cloned().collect();
        names.sort();
        self.prepare_library_piece_of(&names)
    }

    /// Like [`Vm::prepare_library_piece`] for the modules `names` only
    /// (in that order; a name that is not a library module written in
    /// Python is skipped).
    pub fn prepare_library_piece_of(&mut self, names: &[Name]) -> Result<bool, Error> {
        for name in names {
            let Some((src, file)) = self.source_modules.get(name).cloned() else {
                continue;
            };
            if self.compile_library_piece(&src, &file)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// The library modules written in Python that `source` imports, and
    /// those they import in turn at their top level: what a run of
    /// `source` compiles first. Read from the text of `import` and
    /// `from … import` statements (a module imported another way, or
    /// inside a library function, is compiled when it is imported).
    /// Modules of the downloaded library that are installed count too.
    pub fn library_imports(&mut self, source: &str) -> Vec<Name> {
        let mut found: Vec<Name> = Vec::new();
        let mut todo: Vec<String> = imported_names(source, false);
        while let Some(name) = todo.pop() {
            let key = self.intern(&name);
            if found.contains(&key) || self.register_lazy(&key).is_err() {
                continue;
            }
            if let Some((src, _)) = self.source_modules.get(&key) {
                todo.extend(imported_names(src, true));
                found.push(key);
            }
        }
        found
    }

    /// Compile `source` and run it in namespace `globals`.
    pub fn exec_source(
        &mut self,
        source: &str,
        filename: &str,
        globals: Rc<Globals>,
    ) -> Result<Value, Error> {
        let code = self.compile(source, filename)?;
        let mut frame = Box::new(Frame::new(code, globals));
        frame.link = frame::Link::Entry;
        self.push_frame(frame)?;
        match self.run()? {
            Completion::Returned(v) => Ok(v),
            _ => Err(Error::Internal("module code yielded".into())),
        }
    }

    /// Parse and compile; syntax errors become SyntaxError exceptions.
    pub fn compile(
        &mut self,
        source: &str,
        filename: &str,
    ) -> Result<Rc<crate::compile::code::Code>, Error> {
        let module = match crate::parse::parse_module(source) {
            Ok(m) => m,
            Err(e) => {
                let kind = format!("{:?}", e.kind);
                return Err(self.syntax_error(&kind, &e.msg, e.span, source, filename));
            }
        };
        let src: Rc<str> = Rc::from(source);
        crate::compile::compile_module(&module, filename, src, &mut self.interner)
            .map_err(|e| self.syntax_error("SyntaxError", &e.msg, e.span, source, filename))
    }

    /// A module's code as a function of no arguments running in `globals`
    /// (so that it can run on a fiber, or be called).
    pub fn module_function(&mut self, code: Rc<Code>, globals: Rc<Globals>) -> Value {
        let id = self.fresh_id();
        Value::Function(Rc::new(Function {
            name: RefCell::new(code.name.clone()),
            qualname: RefCell::new(code.qualname.clone()),
            code,
            globals,
            defaults: Vec::new(),
            kwdefaults: Vec::new(),
            closure: Vec::new(),
            dict: RefCell::new(AttrMap::new()),
            id,
        }))
    }

    /// The globals of a program run as a script (`__main__`, or
    /// `__mp_main__` in a spawned child process), holding what CPython's
    /// runner puts there, in its order, so `dir()` and `globals()` at
    /// module level read as CPython's.
    pub(crate) fn script_globals(&mut self, name: &str, filename: &str) -> Rc<Globals> {
        let g = Rc::new(Globals::default());
        g.set_str("__name__", Value::str(name));
        for key in ["__doc__", "__package__", "__loader__", "__spec__"] {
            g.set_str(key, Value::None);
        }
        g.set_str("__file__", Value::str(filename));
        // The builtins module (which, as in the oracle's sandbox, `import
        // builtins` does not give).
        let builtins = Value::Module(Rc::new(Module {
            name: self.intern("builtins"),
            globals: self.builtins.clone(),
        }));
        g.set_str("__builtins__", builtins);
        g
    }

    /// Run `source` as the `__main__` module.
    pub fn exec_main(&mut self, source: &str, filename: &str) -> Result<Rc<Globals>, Error> {
        let g = self.script_globals("__main__", filename);
        let m = Value::Module(Rc::new(Module {
            name: self.intern("__main__"),
            globals: g.clone(),
        }));
        let key = self.intern("__main__");
        self.modules.insert(key, m);
        self.exec_source(source, filename, g.clone())?;
        Ok(g)
    }
}

use crate::compile::serial::ModuleForm;

/// A library module's code, cached per thread (see `Vm::library_code`).
struct LibraryCode {
    /// The source it was compiled from (a different source recompiles).
    source: Rc<str>,
    /// The source cut into pieces (see [`library_cuts`]).
    pieces: Vec<String>,
    /// Its compiled form made at build time, when there is one for this
    /// source (see `library::precompiled`), and the form's string table
    /// once read.
    form: Option<ModuleForm<'static>>,
    names: Option<Rc<[Name]>>,
    /// Each piece's pristine compiled code, once compiled.
    code: Vec<Option<Rc<Code>>>,
}

impl LibraryCode {
    fn new(source: &str, pieces: Vec<String>, form: Option<ModuleForm<'static>>) -> LibraryCode {
        LibraryCode {
            source: Rc::from(source),
            code: vec![None; pieces.len()],
            pieces,
            form,
            names: None,
        }
    }

    /// The pieces of library module `filename`: cut as its compiled form
    /// was, with the form's bytes, when the form matches `source`.
    fn of(source: &str, filename: &str) -> LibraryCode {
        match crate::vm::library::precompiled::form_of(filename, source) {
            Some(form) => {
                let cuts: Vec<(u32, u32)> = form
                    .pieces
                    .iter()
                    .map(|&(first, end, _)| (first, end))
                    .collect();
                let pieces = pieces_of_lines(source, &cuts);
                LibraryCode::new(source, pieces, Some(form))
            }
            None => LibraryCode::new(source, library_pieces_of(source), None),
        }
    }
}

thread_local! {
    static LIBRARY_CODE: RefCell<HashMap<String, LibraryCode>> = RefCell::new(HashMap::new());
}

/// The modules named by the `import` and `from … import` statements of
/// `source` (a dotted name with its parents first), read line by line;
/// `top_level_only` skips indented lines (imports inside functions).
fn imported_names(source: &str, top_level_only: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |dotted: &str| {
        let dotted = dotted.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '_'));
        for (i, c) in dotted.char_indices().chain([(dotted.len(), '.')]) {
            if c == '.' && i > 0 && !out.iter().any(|n| n == &dotted[..i]) {
                out.push(dotted[..i].to_string());
            }
        }
    };
    for line in source.lines() {
        if top_level_only && line.starts_with(char::is_whitespace) {
            continue;
        }
        for stmt in line.split(';') {
            let stmt = stmt.trim_start();
            if let Some(rest) = stmt.strip_prefix("import ") {
                for part in rest.split(',') {
                    if let Some(name) = part.split_whitespace().next() {
                        add(name);
                    }
                }
            } else if let Some(rest) = stmt.strip_prefix("from ") {
                if let Some(name) = rest.split_whitespace().next() {
                    add(name);
                }
            }
        }
    }
    out
}

/// A library module's pieces are about this many lines long.
const LIBRARY_PIECE_LINES: usize = 100;

/// Where a library module's source is cut into pieces of consecutive
/// top-level statements, each compiled on its own (compiling all of the
/// asyncio prelude at once would hold a browser's main thread for tens of
/// milliseconds): each piece's first line and end line (0-based, end
/// excluded). Cuts fall before a line that starts a top-level `def`,
/// `class` or decorator, once a piece has [`LIBRARY_PIECE_LINES`] lines.
/// Module-level code behaves the same cut or whole: every name is a
/// global of the one module namespace the pieces run in.
#[doc(hidden)]
pub fn library_cuts(source: &str) -> Vec<(u32, u32)> {
    let starts_statement = |line: &str| {
        ["def ", "async def ", "class ", "@"]
            .iter()
            .any(|p| line.starts_with(p))
    };
    let lines: Vec<&str> = source.split_inclusive('\n').collect();
    let mut cuts = vec![0];
    for (i, line) in lines.iter().enumerate().skip(1) {
        let after_decorator = lines[i - 1].starts_with('@');
        if i - cuts[cuts.len() - 1] >= LIBRARY_PIECE_LINES
            && starts_statement(line)
            && !after_decorator
        {
            cuts.push(i);
        }
    }
    cuts.push(lines.len());
    cuts.windows(2)
        .map(|w| (w[0] as u32, w[1] as u32))
        .collect()
}

/// The source of the piece of `source` made of lines `first..end`
/// (0-based, end excluded), padded with `first` blank lines so that its
/// line numbers are the file's.
#[doc(hidden)]
pub fn piece_source(source: &str, first: u32, end: u32) -> String {
    pieces_of_lines(source, &[(first, end)])
        .pop()
        .unwrap_or_default()
}

/// The pieces of `source` made of the lines `cuts` (see [`piece_source`]).
fn pieces_of_lines(source: &str, cuts: &[(u32, u32)]) -> Vec<String> {
    let mut starts: Vec<usize> = vec![0];
    starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
    if starts.last() != Some(&source.len()) {
        starts.push(source.len());
    }
    let at = |line: u32| starts.get(line as usize).copied().unwrap_or(source.len());
    cuts.iter()
        .map(|&(first, end)| {
            let text = source.get(at(first)..at(end.max(first))).unwrap_or("");
            let mut piece = String::with_capacity(first as usize + text.len());
            piece.extend(std::iter::repeat_n('\n', first as usize));
            piece.push_str(text);
            piece
        })
        .collect()
}

/// A library module's source cut into pieces (see [`library_cuts`]).
#[doc(hidden)]
pub fn library_pieces_of(source: &str) -> Vec<String> {
    pieces_of_lines(source, &library_cuts(source))
}

impl Drop for Vm {
    fn drop(&mut self) {
        // Break every reference cycle so the run's objects are freed.
        self.teardown(Vec::new());
    }
}

/// `256 MiB`, `1.5 KiB`, `100 bytes`: a budget in words.
/// `n` with its digits grouped by commas (`2,000,000`), for limit messages.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub fn format_bytes(n: usize) -> String {
    const KIB: usize = 1024;
    const MIB: usize = 1024 * KIB;
    const GIB: usize = 1024 * MIB;
    for (unit, name) in [(GIB, "GiB"), (MIB, "MiB"), (KIB, "KiB")] {
        if n >= unit {
            return if n.is_multiple_of(unit) {
                format!("{} {name}", n / unit)
            } else {
                format!("{:.1} {name}", n as f64 / unit as f64)
            };
        }
    }
    format!("{n} bytes")
}

/// Output of [`run_script`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScriptResult {
    pub stdout: String,
    /// The rendered traceback (or syntax error / limit message).
    pub error: Option<String>,
    /// Last line of the error, e.g. `ValueError: boom`.
    pub last_line: Option<String>,
}

/// Run a language-only program (no event loop) and collect its output.
pub fn run_script(source: &str, filename: &str, limits: &Limits) -> ScriptResult {
    let mut vm = Vm::new(limits.clone());
    let r = vm.exec_main(source, filename);
    let mut res = ScriptResult {
        stdout: vm.stdout_text(),
        ..Default::default()
    };
    if let Err(e) = r {
        // sys.exit(): no traceback; a message (non-int code) goes to stderr.
        if let Error::Exception(x) = &e {
            let se = vm.types.system_exit.clone();
            if vm.is_instance_of(x, &se) {
                let code = vm
                    .exc_data(x)
                    .and_then(|d| d.borrow().args.first().cloned());
                match code {
                    None | Some(Value::None) | Some(Value::Int(_)) | Some(Value::Bool(_)) => {}
                    Some(other) => {
                        let msg = vm.str_of(&other).unwrap_or_default();
                        res.error = Some(format!("{msg}\n"));
                        res.last_line = Some(msg);
                    }
                }
                return res;
            }
        }
        let text = vm.render_error(&e);
        res.last_line = text.lines().last().map(|s| s.to_string());
        res.error = Some(text);
    }
    res
}
