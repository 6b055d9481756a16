//! Running a Looplab program: the engine's top-level API.
//!
//! [`run_program`] runs a whole program at once; [`Session`] runs the same
//! program in slices (the browser yields to the page between slices and
//! waits real time across virtual-time gaps). Both produce the same
//! [`Trace`] and output. [`format_timed`] renders an outcome in the
//! `--timed` format of the conformance suite (see `tools/oracle.py`).

use crate::aio::program_threads::Next;
use std::cell::RefCell;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::aio::glue::{self, Aio, Shared, HANG};
use crate::aio::Todo;
/// What a run produced and how it ended (defined below the event loop,
/// which writes them; re-exported here, the public API).
pub use crate::outcome::{Ending, OutputChunk};
use crate::trace::{format_secs, EventKind, RunEnding, TaskId, ThreadId, Trace};
use crate::vm::{Error, FiberId, FiberStep, GenStep, Stream, Value, Vm};

pub use crate::vm::library::modules::{
    forget_library, install_library, library_bundle, library_installed, not_loaded_module,
    LAZY_MODULES,
};
/// Resource budgets of a run (the VM's).
pub use crate::vm::{CpuModel, LimitKind, Limits, PS_PER_INSTRUCTION};

/// Everything a run produced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunOutcome {
    /// What the event loop did.
    pub trace: Trace,
    /// Everything written, in order.
    pub output: Vec<OutputChunk>,
    /// How the run ended.
    pub ending: Ending,
}

/// Runs a whole program and returns everything it produced.
pub fn run_program(source: &str, filename: &str, limits: &Limits) -> RunOutcome {
    Session::new(source, filename, limits).into_outcome()
}

/// Like [`run_program`] without recording a trace (benchmarks, CLI).
pub fn run_program_untraced(source: &str, filename: &str, limits: &Limits) -> RunOutcome {
    Session::with_trace(source, filename, limits, false).into_outcome()
}

/// The engine's one-time start-up, in steps short enough for a page's
/// main thread: the library modules written in Python (above all the
/// asyncio prelude) are parsed and compiled one piece per [`Warmup::step`]
/// and cached for every later run in this thread. Without it the first
/// run compiles them (all at once if instant, in one go per piece if
/// live).
pub struct Warmup {
    /// An interpreter with every library module registered; it never runs
    /// a program.
    vm: Vm,
    /// The loop state its natives are bound to (kept alive with it).
    _shared: Shared,
    /// The modules to compile (every library module written in Python
    /// when `None`).
    only: Option<Vec<Rc<str>>>,
}

impl Warmup {
    /// Prepares the start-up (nothing is compiled yet).
    pub fn new() -> Warmup {
        let mut vm = Vm::new(Limits::default());
        let shared: Shared = Rc::new(RefCell::new(Aio::new(false, "<warm-up>")));
        glue::install(&mut vm, &shared);
        Warmup {
            vm,
            _shared: shared,
            only: None,
        }
    }

    /// Prepares the start-up of a run of `source`: only the library
    /// modules it imports (see [`Vm::library_imports`]), so that a first
    /// run of `import asyncio` does not wait for `threading` or
    /// `multiprocessing` to compile.
    pub fn for_program(source: &str) -> Warmup {
        let mut warm = Warmup::new();
        warm.only = Some(warm.vm.library_imports(source));
        warm
    }

    /// Compiles one more piece (a few milliseconds of work); false once
    /// everything is compiled.
    pub fn step(&mut self) -> bool {
        let more = match &self.only {
            Some(names) => self.vm.prepare_library_piece_of(names),
            None => self.vm.prepare_library_piece(),
        };
        matches!(more, Ok(true))
    }
}

impl Default for Warmup {
    fn default() -> Warmup {
        Warmup::new()
    }
}

/// What [`Session::advance`] says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// More work is ready: call `advance` again (after yielding to the page).
    Ready,
    /// Nothing to do before virtual time `ns`: a live player waits for the
    /// real time that corresponds, then calls `advance` again.
    WaitUntil(u64),
    /// The run is over; see [`Session::outcome`].
    Finished,
}

/// A run that can be driven in slices: the browser calls
/// [`Session::advance`] with a budget of instructions, yields to the page,
/// and calls again. The main program runs on a VM fiber; when it enters
/// `loop.run_forever()` (e.g. through `asyncio.run`) the fiber suspends and
/// the session runs the loop's handles at top level, where the VM can
/// pause at any instruction boundary. Live and instant runs give identical
/// traces: everything depends on the virtual clock only.
pub struct Session {
    /// The interpreter.
    vm: Vm,
    /// The loop and the natives' state.
    shared: Shared,
    /// Where the run is.
    stage: Stage,
    /// The program text (for syntax-error classification).
    source: String,
    /// Set once finished.
    outcome: Option<RunOutcome>,
    /// Returned by `trace()` while the live trace is borrowed elsewhere.
    empty: Trace,
    /// A loop action fetched right after a clock jump, kept for the next
    /// `advance` (which first returned [`Progress::WaitUntil`]).
    pending: Option<Todo<Value>>,
    /// Report clock jumps with [`Progress::WaitUntil`] (live mode).
    pub live: bool,
    /// The clock jump to report.
    wait_until: Option<u64>,
    /// How the main program ended, while `threading._shutdown` joins the
    /// threads still alive.
    main_result: Option<Result<(), Error>>,
    /// The freeing of the run's objects, once started
    /// ([`Session::release`], which also stops a run not over); done when
    /// `Some(None)`.
    teardown: Option<Option<crate::vm::teardown::Teardown>>,
    /// What the loop held, handed to the teardown under way a piece at a
    /// time (its futures are as many as the run's tasks and futures).
    leftovers: Option<crate::aio::events::Leftovers<crate::vm::Value>>,
    /// The loop's notes per task (frames recorded, coroutine definitions),
    /// dropped a budget at a time after the teardown.
    notes: Option<PerTask>,
}

/// What the loop noted per task, as many entries as the run's tasks.
struct PerTask {
    frames: std::collections::hash_map::IntoIter<TaskId, Vec<crate::trace::FrameInfo>>,
    coros: std::collections::hash_map::IntoIter<TaskId, (Rc<str>, u32)>,
}

/// Where a [`Session`] is.
enum Stage {
    /// Resume the running program thread's fiber (the main program's at
    /// start) with `send`: the result of the `run_forever`, `thread_block`
    /// or `time.sleep` call it is suspended in.
    Main {
        /// What that call returns.
        send: Value,
    },
    /// The running program thread blocked: the scheduler picks the next.
    Sched,
    /// The main program waits in `run_forever`: run the loop.
    Loop,
    /// A task step paused by fuel: continue it.
    Step {
        /// The task being stepped.
        task: TaskId,
        /// Its coroutine.
        coro: Value,
        /// Instruction count when the step began.
        before: u64,
    },
    /// A callback paused by fuel: continue it.
    Call {
        /// The callback.
        func: Value,
        /// Its arguments (named by "Exception in callback f(1)").
        args: Vec<Value>,
    },
    /// A worker thread paused by fuel: continue its fiber.
    Thread {
        /// The thread lane.
        thread: ThreadId,
        /// Its fiber.
        fiber: FiberId,
    },
    /// Finished.
    Done,
}

/// What one move of the session did.
enum Control {
    /// Go on.
    Continue,
    /// Fuel ran out: return to the caller.
    Pause,
    /// The run is over.
    Finish(Result<(), Error>),
}

/// The main program as a function of no arguments (its module code), so
/// that it can run on a fiber.
fn main_function(vm: &mut Vm, source: &str, filename: &str) -> Result<Value, Error> {
    let code = vm.compile(source, filename)?;
    let g = vm.script_globals("__main__", filename);
    let name = vm.intern("__main__");
    vm.modules.insert(
        name.clone(),
        Value::Module(Rc::new(crate::vm::Module {
            name: name.clone(),
            globals: g.clone(),
        })),
    );
    Ok(vm.module_function(code, g))
}

impl Session {
    /// Prepares a run (nothing runs yet).
    pub fn new(source: &str, filename: &str, limits: &Limits) -> Session {
        Session::with_trace(source, filename, limits, true)
    }

    fn with_trace(source: &str, filename: &str, limits: &Limits, record: bool) -> Session {
        let mut vm = Vm::new(limits.clone());
        let shared: Shared = Rc::new(RefCell::new(Aio::new(record, filename)));
        shared.borrow_mut().source = Rc::from(source);
        glue::install(&mut vm, &shared);
        if limits.record_lines && record {
            glue::record_lines(
                &mut vm,
                &shared,
                limits.max_line_events,
                limits.max_line_frames,
            );
        }
        if let Ok(mut st) = shared.try_borrow_mut() {
            st.set_cpu_model(limits.cpu_model);
            st.inspect_frames = limits.inspect_frames;
            // The main thread holds the main process's GIL.
            st.note_gil(Some(0));
        }
        let mut session = Session {
            vm,
            shared,
            stage: Stage::Main { send: Value::None },
            main_result: None,
            teardown: None,
            leftovers: None,
            notes: None,
            source: source.to_string(),
            outcome: None,
            empty: Trace::new(),
            pending: None,
            live: false,
            wait_until: None,
        };
        match main_function(&mut session.vm, source, filename) {
            Ok(f) => {
                let fiber = session.vm.fiber_new(f, vec![], "MainThread");
                if let Ok(mut st) = session.shared.try_borrow_mut() {
                    st.main_fiber = Some(fiber);
                }
            }
            Err(e) => session.finish(Err(e)),
        }
        // Between slices the thread belongs to the embedder: what it
        // allocates does not count against the run's memory budget.
        session.vm.memory_pause();
        session
    }

    /// Runs for about `fuel` instructions (at least one), then returns.
    pub fn advance(&mut self, fuel: u64) -> Progress {
        if self.outcome.is_some() || self.teardown.is_some() {
            return Progress::Finished;
        }
        self.vm.memory_resume();
        let progress = self.advance_counted(fuel);
        self.vm.memory_pause();
        progress
    }

    /// [`Session::advance`] while the memory budget counts.
    fn advance_counted(&mut self, fuel: u64) -> Progress {
        self.vm.set_fuel(Some(fuel));
        loop {
            match self.step() {
                Control::Continue => {
                    if let Some(t) = self.wait_until.take() {
                        self.vm.set_fuel(None);
                        return Progress::WaitUntil(t);
                    }
                }
                Control::Pause => {
                    self.vm.set_fuel(None);
                    return Progress::Ready;
                }
                Control::Finish(r) => {
                    self.vm.set_fuel(None);
                    self.finish(r);
                    return Progress::Finished;
                }
            }
        }
    }

    /// One move: resume whatever the stage says.
    fn step(&mut self) -> Control {
        match std::mem::replace(&mut self.stage, Stage::Done) {
            Stage::Done => Control::Finish(Ok(())),
            Stage::Main { send } => self.resume_program_thread(send),
            Stage::Sched => self.schedule(),
            Stage::Loop => {
                let todo = match self.pending.take() {
                    Some(todo) => Ok(todo),
                    None => {
                        self.pull_cpu();
                        let before = self.now();
                        let todo = glue::next_todo_with(&mut self.vm, &self.shared, true);
                        let after = self.now();
                        if self.live && after > before {
                            if let Ok(todo) = todo {
                                // Show the jump first; run the action next time.
                                self.pending = Some(todo);
                                self.wait_until = Some(after);
                                self.stage = Stage::Loop;
                                return Control::Continue;
                            }
                        }
                        todo
                    }
                };
                self.run_todo(todo)
            }
            Stage::Step { task, coro, before } => {
                let r = self.vm.resume_paused();
                self.after_step(task, coro, before, r)
            }
            Stage::Call { func, args } => {
                let r = match self.vm.resume_paused() {
                    Ok(GenStep::Returned(v)) | Ok(GenStep::Yielded(v)) => Ok(v),
                    Ok(GenStep::Raised(e)) => Err(Error::Exception(e)),
                    Err(e) => Err(e),
                };
                self.after_call(func, args, r)
            }
            Stage::Thread { thread, fiber } => {
                let r = self.vm.fiber_resume(fiber, Value::None);
                self.after_thread(thread, fiber, r)
            }
        }
    }

    /// Runs one loop action.
    fn run_todo(&mut self, todo: Result<Todo<Value>, Error>) -> Control {
        match todo {
            Err(e) => Control::Finish(Err(e)),
            Ok(Todo::Step { task, coro, resume }) => {
                let before = self.vm.instructions;
                let r = self.vm.resume(&coro, glue::vm_resume(resume));
                self.after_step(task, coro, before, r)
            }
            Ok(Todo::Call { func, args }) => {
                let r = self.vm.call(&func, args.clone(), vec![]);
                self.after_call(func, args, r)
            }
            Ok(Todo::StartJob {
                thread, func, args, ..
            }) => self.start_thread(thread, Some((func, args))),
            Ok(Todo::ResumeThread { thread }) => self.start_thread(thread, None),
            Ok(Todo::Stopped) => {
                if let Ok(mut st) = self.shared.try_borrow_mut() {
                    st.running = false;
                }
                self.stage = Stage::Main { send: Value::None };
                Control::Continue
            }
            Ok(Todo::Hang) => Control::Finish(Err(glue::hang(&self.shared))),
            Ok(Todo::WaitThreads { until }) => {
                if let Ok(mut st) = self.shared.try_borrow_mut() {
                    st.prog.block(until, false);
                    let thread = st.prog.current;
                    st.loop_thread = Some(thread);
                    st.lp.emit(EventKind::ProgramThreadBlocked {
                        thread: thread as u32,
                        until_ns: until,
                        reason: Some(crate::trace::WaitReason::EventLoop),
                    });
                }
                self.stage = Stage::Sched;
                Control::Continue
            }
        }
    }

    /// Resumes the running program thread (see [`Stage::Main`]).
    fn resume_program_thread(&mut self, send: Value) -> Control {
        let (tid, fiber) = match self.shared.try_borrow_mut() {
            Ok(mut st) => {
                let tid = st.prog.current;
                if st.loop_thread == Some(tid) {
                    // Its loop waited in select: the loop goes on.
                    st.loop_thread = None;
                    self.stage = Stage::Loop;
                    return Control::Continue;
                }
                if tid == 0 {
                    st.running = false;
                }
                let fiber = match tid {
                    0 => st.main_fiber,
                    t => st.prog.threads.get(t).and_then(|t| t.fiber),
                };
                (tid, fiber)
            }
            Err(_) => (0, None),
        };
        let Some(fiber) = fiber else {
            return Control::Finish(Err(Error::Internal("no fiber for the thread".into())));
        };
        self.vm.gil_arm(fiber);
        match self.vm.fiber_resume(fiber, send) {
            Err(Error::Paused) if self.vm.take_switch_due() => self.gil_switch(),
            Err(Error::Paused) => {
                self.stage = Stage::Main { send: Value::None };
                Control::Pause
            }
            Ok(FiberStep::Suspended(Value::Bool(true))) => {
                self.stage = Stage::Sched;
                Control::Continue
            }
            Ok(FiberStep::Suspended(_)) => {
                // `run_forever`: this thread runs the loop.
                self.stage = Stage::Loop;
                Control::Continue
            }
            Ok(FiberStep::Done(_)) if tid == 0 => self.main_ended(Ok(())),
            Ok(FiberStep::Raised(e)) if tid == 0 => self.main_ended(Err(Error::Exception(e))),
            Ok(FiberStep::Done(_)) => {
                if let Ok(mut st) = self.shared.try_borrow_mut() {
                    st.prog.finish();
                    st.lp
                        .emit(EventKind::ProgramThreadEnded { thread: tid as u32 });
                }
                self.stage = Stage::Sched;
                Control::Continue
            }
            Ok(FiberStep::Raised(e)) => Control::Finish(Err(Error::Exception(e))),
            Err(e) => Control::Finish(Err(e)),
        }
    }

    /// The main program's code ended (`r`): as CPython does at exit, the
    /// main thread then joins every non-daemon thread
    /// (`threading._shutdown`) before the run ends.
    fn main_ended(&mut self, r: Result<(), Error>) -> Control {
        if let Some(first) = self.main_result.take() {
            // `_shutdown` itself ended: the run ends as the program did.
            return Control::Finish(first.and(r));
        }
        let alive = self
            .shared
            .try_borrow()
            .is_ok_and(|st| st.prog.others_alive());
        let shutdown = if alive {
            self.vm.modules.get("threading").and_then(|m| match m {
                Value::Module(m) => m.globals.get("_shutdown"),
                _ => None,
            })
        } else {
            None
        };
        let Some(shutdown) = shutdown else {
            return Control::Finish(r);
        };
        let fiber = self.vm.fiber_new(shutdown, vec![], "MainThread");
        if let Ok(mut st) = self.shared.try_borrow_mut() {
            st.main_fiber = Some(fiber);
        }
        self.main_result = Some(r);
        self.stage = Stage::Main { send: Value::None };
        Control::Continue
    }

    /// The running program thread blocked or ended: run the next one,
    /// moving the clock if none is ready.
    fn schedule(&mut self) -> Control {
        self.pull_cpu();
        let before = self.now();
        self.vm.gil_clear();
        let next = match glue::borrow_pulled(&mut self.vm, &self.shared) {
            Some(mut st) => {
                let next = st.next_thread();
                match next {
                    Next::Run { tid, now } => {
                        if now > st.lp.now() {
                            // Every thread waits: the cores idle meanwhile.
                            st.note_gil(None);
                        }
                        st.lp.advance_to(now);
                        glue::enter_thread(&mut self.vm, &mut st, tid);
                        st.lp
                            .emit(EventKind::ProgramThreadRuns { thread: tid as u32 });
                        st.note_gil(Some(tid));
                        let t = &st.prog.threads[tid];
                        Some(if t.sleeping {
                            Value::None
                        } else {
                            Value::Bool(t.result)
                        })
                    }
                    Next::Hang => None,
                }
            }
            None => None,
        };
        self.vm.clock_ns = self.now();
        match next {
            Some(send) => {
                let after = self.now();
                if self.live && after > before {
                    self.wait_until = Some(after);
                }
                self.stage = Stage::Main { send };
                Control::Continue
            }
            None => Control::Finish(Err(glue::hang(&self.shared))),
        }
    }

    /// CPU model: the running thread used up its switch interval and
    /// reached a switch point (a call or a backward jump): the timed waits
    /// that ended become ready, and if any thread is ready the running one
    /// hands the GIL over (it goes to the back of the ready FIFO).
    fn gil_switch(&mut self) -> Control {
        let switch = match glue::borrow_pulled(&mut self.vm, &self.shared) {
            Some(mut st) => {
                let now = st.lp.now();
                st.prog.wake_expired(now);
                if st.prog.any_ready() {
                    st.prog.yield_now();
                    true
                } else {
                    false
                }
            }
            None => false,
        };
        self.stage = if switch {
            Stage::Sched
        } else {
            Stage::Main { send: Value::None }
        };
        Control::Continue
    }

    /// CPU model: the loop's clock catches up with the computing done
    /// (so that a live run's clock jumps are waits, not computing).
    fn pull_cpu(&mut self) {
        drop(glue::borrow_pulled(&mut self.vm, &self.shared));
    }

    /// The virtual clock.
    fn now(&self) -> u64 {
        self.shared.try_borrow().map(|st| st.lp.now()).unwrap_or(0)
    }

    fn after_step(
        &mut self,
        task: TaskId,
        coro: Value,
        before: u64,
        r: Result<GenStep, Error>,
    ) -> Control {
        if let Err(Error::Paused) = r {
            self.stage = Stage::Step { task, coro, before };
            return Control::Pause;
        }
        match glue::step_finish(&mut self.vm, &self.shared, task, &coro, r, before) {
            Ok(()) => {
                self.stage = Stage::Loop;
                Control::Continue
            }
            // SystemExit left the loop: `run_forever` raises it in the
            // program thread that runs the loop.
            Err(Error::Exception(e)) if self.vm.is_system_exit(&e) => {
                if let Ok(mut st) = self.shared.try_borrow_mut() {
                    st.running = false;
                }
                self.stage = Stage::Main { send: e };
                Control::Continue
            }
            Err(e) => Control::Finish(Err(e)),
        }
    }

    fn after_call(&mut self, func: Value, args: Vec<Value>, r: Result<Value, Error>) -> Control {
        if let Err(Error::Paused) = r {
            self.stage = Stage::Call { func, args };
            return Control::Pause;
        }
        match glue::call_finish(&mut self.vm, &self.shared, &func, &args, r) {
            Ok(()) => {
                self.stage = Stage::Loop;
                Control::Continue
            }
            Err(e) => Control::Finish(Err(e)),
        }
    }

    fn start_thread(&mut self, thread: ThreadId, start: Option<(Value, Vec<Value>)>) -> Control {
        match glue::thread_begin(&mut self.vm, &self.shared, thread, start) {
            Ok(fiber) => {
                let r = self.vm.fiber_resume(fiber, Value::None);
                self.after_thread(thread, fiber, r)
            }
            Err(e) => Control::Finish(Err(e)),
        }
    }

    fn after_thread(
        &mut self,
        thread: ThreadId,
        fiber: FiberId,
        r: Result<FiberStep, Error>,
    ) -> Control {
        if let Err(Error::Paused) = r {
            self.stage = Stage::Thread { thread, fiber };
            return Control::Pause;
        }
        match glue::thread_finish(&mut self.vm, &self.shared, thread, r) {
            Ok(()) => {
                self.stage = Stage::Loop;
                Control::Continue
            }
            Err(e) => Control::Finish(Err(e)),
        }
    }

    /// Ends the run: joins worker threads, writes warnings, records the
    /// ending.
    fn finish(&mut self, r: Result<(), Error>) {
        self.stage = Stage::Done;
        if self.outcome.is_none() {
            let outcome = conclude(&mut self.vm, &self.shared, &self.source, r);
            self.outcome = Some(outcome);
        }
    }

    /// The trace so far (complete once finished).
    pub fn trace(&self) -> &Trace {
        if let Some(o) = &self.outcome {
            return &o.trace;
        }
        &self.empty
    }

    /// A copy of the trace recorded so far (while the run goes on).
    pub fn trace_so_far(&self) -> Trace {
        match &self.outcome {
            Some(o) => o.trace.clone(),
            None => self
                .shared
                .try_borrow()
                .map(|st| st.lp.recorder.trace.clone())
                .unwrap_or_default(),
        }
    }

    /// The events recorded since the first `from` (for a live view that
    /// appends new events as the run goes).
    pub fn events_since(&self, from: usize) -> Vec<crate::trace::Event> {
        self.events_since_at_most(from, usize::MAX)
    }

    /// At most `max` of the events recorded since the first `from`: a view
    /// in a page fetches them in pieces, as one slice of a run can record
    /// 100,000 (copied at once, a task of tens of ms).
    pub fn events_since_at_most(&self, from: usize, max: usize) -> Vec<crate::trace::Event> {
        let window = |events: &[crate::trace::Event]| {
            let rest = events.get(from..).unwrap_or(&[]);
            rest[..rest.len().min(max)].to_vec()
        };
        match &self.outcome {
            Some(o) => window(&o.trace.events),
            None => self
                .shared
                .try_borrow()
                .map(|st| window(&st.lp.recorder.trace.events))
                .unwrap_or_default(),
        }
    }

    /// The outcome, once finished.
    pub fn outcome(&self) -> Option<&RunOutcome> {
        self.outcome.as_ref()
    }

    /// The outcome (running the program to its end first if needed).
    pub fn into_outcome(mut self) -> RunOutcome {
        while self.advance(u64::MAX / 4) != Progress::Finished {}
        self.outcome.take().unwrap_or_else(|| RunOutcome {
            trace: Trace::new(),
            output: Vec::new(),
            ending: Ending::Limit {
                which: "internal".into(),
                message: "a bug in Looplab: the run ended without an outcome".into(),
            },
        })
    }
}

impl Session {
    /// Frees the run's objects in pieces of at most `budget` values each
    /// call (the app calls it between frames: a run of 90,000 tasks took
    /// over a second to free at once), then its recorded trace; true once
    /// all are free. A run not over yet is stopped for good by the first
    /// call (the app's Stop): it never advances again. Dropping the session
    /// frees what is left.
    pub fn release(&mut self, budget: usize) -> bool {
        if self.teardown.is_none() {
            let mut roots = Vec::new();
            if let Ok(mut st) = self.shared.try_borrow_mut() {
                self.leftovers = Some(st.take_leftovers(&mut roots));
                self.notes = Some(PerTask {
                    frames: std::mem::take(&mut st.frames_recorded).into_iter(),
                    coros: std::mem::take(&mut st.coro_defs).into_iter(),
                });
            }
            self.stage_roots(&mut roots);
            self.teardown = Some(Some(self.vm.teardown_begin(roots)));
        }
        if let Some(Some(t)) = self.teardown.as_mut() {
            let mut more = false;
            if let Some(rest) = &mut self.leftovers {
                let mut roots = Vec::new();
                more = !rest.take_some(&mut roots, budget);
                t.add_roots(roots);
                if !more {
                    self.leftovers = None;
                }
            }
            if !self.vm.teardown_some(t, budget) || more {
                return false;
            }
            self.teardown = Some(None);
        }
        if let Some(notes) = &mut self.notes {
            for _ in 0..budget {
                if notes.frames.next().is_none() && notes.coros.next().is_none() {
                    self.notes = None;
                    break;
                }
            }
            if self.notes.is_some() {
                return false;
            }
        }
        // Last, the recorded trace (a viewer keeps its own copy): its
        // million events hold as many strings, a task of 0.3 s to drop.
        if let Some(o) = &mut self.outcome {
            return truncate_some(&mut o.trace.events, budget);
        }
        match self.shared.try_borrow_mut() {
            Ok(mut st) => truncate_some(&mut st.lp.recorder.trace.events, budget),
            Err(_) => true,
        }
    }

    /// Every value the loop and the session hold, for the teardown.
    fn roots(&mut self) -> Vec<crate::vm::Value> {
        let mut roots = match self.shared.try_borrow_mut() {
            Ok(mut st) => st.take_values(),
            Err(_) => Vec::new(),
        };
        self.stage_roots(&mut roots);
        roots
    }

    /// The values the session's own stage holds (the step or call under
    /// way), for the teardown.
    fn stage_roots(&mut self, roots: &mut Vec<crate::vm::Value>) {
        match self.pending.take() {
            Some(Todo::Step { coro, resume, .. }) => {
                roots.push(coro);
                let (crate::aio::Resume::Send(v) | crate::aio::Resume::Throw(v)) = resume;
                roots.push(v);
            }
            Some(Todo::Call { func, args }) | Some(Todo::StartJob { func, args, .. }) => {
                roots.push(func);
                roots.extend(args);
            }
            _ => {}
        }
        match std::mem::replace(&mut self.stage, Stage::Done) {
            Stage::Step { coro, .. } => roots.push(coro),
            Stage::Call { func, args } => {
                roots.push(func);
                roots.extend(args);
            }
            _ => {}
        }
    }
}

/// Drops at most `budget` items off the end of `v`; true once it is empty.
fn truncate_some<T>(v: &mut Vec<T>, budget: usize) -> bool {
    v.truncate(v.len().saturating_sub(budget));
    if v.is_empty() {
        *v = Vec::new();
    }
    v.is_empty()
}

impl Drop for Session {
    /// Frees everything the run made, finished or not (the app drops a
    /// session when the learner presses Stop or runs again): the loop's
    /// values and the VM's are emptied together, breaking every cycle (or
    /// what a [`Session::release`] under way has left).
    fn drop(&mut self) {
        match self.teardown.take() {
            Some(Some(mut t)) => {
                if let Some(mut rest) = self.leftovers.take() {
                    let mut roots = Vec::new();
                    rest.take_some(&mut roots, usize::MAX);
                    t.add_roots(roots);
                }
                while !self.vm.teardown_some(&mut t, usize::MAX) {}
            }
            Some(None) => {}
            None => {
                let roots = self.roots();
                self.vm.teardown(roots);
            }
        }
    }
}

/// The class name of an exception value, if it is one.
fn exception_class_name(vm: &Vm, e: &crate::vm::Value) -> Option<String> {
    vm.exc_data(e)?;
    Some(vm.class_of(e).name.to_string())
}

/// CPython's exception line (`traceback.format_exception_only`'s first
/// line): `Type: message`, the type qualified by its module unless it is a
/// builtin or `__main__` (for an ExceptionGroup: the group's own line; for
/// a SyntaxError: the rendered last line).
fn exception_line(vm: &mut Vm, exc: &crate::vm::Value, rendered: &str) -> String {
    let cls = vm.class_of(exc);
    let name = cls.qualname.to_string();
    if matches!(
        name.as_str(),
        "SyntaxError" | "IndentationError" | "TabError"
    ) {
        return rendered.lines().last().unwrap_or("").to_string();
    }
    let module = match cls.dict.borrow().get("__module__") {
        Some(crate::vm::Value::Str(s)) => s.to_string(),
        _ => cls.module.to_string(),
    };
    let qual = if module.is_empty() || module == "builtins" || module == "__main__" {
        name
    } else {
        format!("{module}.{name}")
    };
    match vm.str_of(exc) {
        Ok(msg) if !msg.is_empty() => format!("{qual}: {msg}"),
        _ => qual,
    }
}

/// Ends a run whose main program returned `r`: joins worker threads (as
/// CPython does at exit, except after a hang), writes the traceback and
/// the exit warnings, records `RunEnded`, and collects the outcome.
fn conclude(vm: &mut Vm, shared: &Shared, source: &str, r: Result<(), Error>) -> RunOutcome {
    // CPython joins worker threads at exit (the oracle drains them too),
    // except after a hang, which stops everything at once.
    let r = match r {
        Err(Error::Limit(m)) if m == HANG => Err(Error::Limit(m)),
        other => {
            let drained = glue::drain_threads(vm, shared, None);
            other.and(drained)
        }
    };
    let ending = match r {
        Ok(()) => Ending::Completed,
        Err(Error::Limit(m)) if m == HANG => Ending::Hang,
        Err(Error::Limit(message)) => Ending::Limit {
            which: limit_name(&message),
            message,
        },
        // The memory budget's MemoryError, uncaught: a limit, like the
        // instruction budgets (the message says how to raise it).
        Err(Error::Exception(exc)) if vm.is_memory_limit_error(&exc) => Ending::Limit {
            which: "memory".into(),
            message: vm.str_of(&exc).unwrap_or_default(),
        },
        Err(Error::Exception(exc)) if vm.is_system_exit(&exc) => system_exit(vm, &exc),
        Err(Error::Exception(exc)) => {
            // Coroutines a frame of the traceback still held are freed at
            // interpreter exit in CPython, after the traceback is printed
            // ("sys:1"); those dropped before are reported before it.
            let held: Vec<(crate::ast::Name, u32)> = vm
                .exc_data(&exc)
                .map(|d| {
                    let d = d.borrow();
                    d.traceback
                        .iter()
                        .map(|e| (e.code.filename.clone(), e.line))
                        .collect()
                })
                .unwrap_or_default();
            let (at_exit, before): (Vec<_>, Vec<_>) = vm
                .take_never_awaited_at()
                .into_iter()
                .partition(|c| held.contains(&(c.filename.clone(), c.line)));
            glue::report_unawaited(vm, shared, before, false);
            let rendered = vm.format_exception(&exc);
            let last_line = exception_line(vm, &exc, &rendered);
            let _ = vm.write(Stream::Stderr, &rendered);
            glue::report_unawaited(vm, shared, at_exit, true);
            let syntax = matches!(
                exception_class_name(vm, &exc).as_deref(),
                Some("SyntaxError" | "IndentationError" | "TabError")
            ) && !source.is_empty()
                && vm
                    .exc_data(&exc)
                    .is_some_and(|d| d.borrow().traceback.is_empty());
            if syntax {
                Ending::SyntaxError {
                    last_line,
                    rendered,
                }
            } else {
                Ending::Uncaught {
                    last_line,
                    traceback: rendered,
                }
            }
        }
        Err(Error::Internal(m)) => Ending::Limit {
            which: "internal".into(),
            message: format!("a bug in Looplab stopped the run: {m}"),
        },
        Err(Error::Paused) | Err(Error::Suspend(_)) => Ending::Limit {
            which: "internal".into(),
            message: "a bug in Looplab stopped the run: unexpected suspension".into(),
        },
    };
    glue::report_exit_warnings(vm, shared, &ending);
    let mut st = match shared.try_borrow_mut() {
        Ok(st) => st,
        Err(_) => {
            return RunOutcome {
                trace: Trace::new(),
                output: Vec::new(),
                ending,
            }
        }
    };
    glue::drain_output(vm, &mut st, None, 0);
    let run_ending = match &ending {
        Ending::Completed => RunEnding::Completed,
        Ending::Exited { status } => RunEnding::Exited { status: *status },
        Ending::Uncaught { last_line, .. } => RunEnding::Uncaught {
            last_line: last_line.clone(),
        },
        Ending::Hang => RunEnding::Hang,
        Ending::Limit { which, message } => RunEnding::Limit {
            which: which.clone(),
            message: message.clone(),
        },
        Ending::SyntaxError { last_line, .. } => RunEnding::SyntaxError {
            message: last_line.clone(),
        },
    };
    st.lp.emit(EventKind::RunEnded { ending: run_ending });
    let trace = st.lp.take_trace();
    let output = std::mem::take(&mut st.output);
    // The loop's values go to the teardown (which breaks their cycles).
    st.end_loop();
    drop(st);
    RunOutcome {
        trace,
        output,
        ending,
    }
}

/// A short name for the limit a message is about.
/// How `SystemExit` ends the program, as CPython's interpreter does at exit:
/// `code` None is status 0, an integer is that status, anything else is
/// printed to stderr and gives status 1.
fn system_exit(vm: &mut Vm, exc: &Value) -> Ending {
    let name = vm.intern("code");
    let code = vm.getattr(exc, &name).unwrap_or(Value::None);
    let status = match code {
        Value::None => 0,
        Value::Bool(b) => b as i32,
        Value::Int(n) => n as i32,
        other => {
            let text = vm.str_of(&other).unwrap_or_default();
            let _ = vm.write(Stream::Stderr, &format!("{text}\n"));
            1
        }
    };
    Ending::Exited { status }
}

fn limit_name(message: &str) -> String {
    if not_loaded_module(message).is_some() {
        return "library".into();
    }
    LimitKind::of_message(message)
        .map_or("limit", LimitKind::name)
        .into()
}

/// `text` with every address (`0x` and one or more lowercase hex digits, as
/// in `<A object at 0x7f3a…>`) replaced by `0x...`: addresses differ
/// between CPython and the engine, so every comparison of the two outputs
/// masks them first (as `tools/bench.py` does).
pub fn mask_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i + 2]);
        rest = &rest[i + 2..];
        let hex = rest
            .bytes()
            .take_while(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
            .count();
        if hex > 0 {
            out.push_str("...");
        }
        rest = &rest[hex..];
    }
    out.push_str(rest);
    out
}

/// Renders `outcome` the way `tools/oracle.py --timed` renders CPython's
/// run: each stdout line prefixed `[t=S.mmm] ` (the virtual time of its
/// first character, rounded half-up to the millisecond), a final newline
/// if missing, then `!! uncaught` + the exception line, `!! hang`, or
/// `!! limit: message`.
pub fn format_timed(outcome: &RunOutcome) -> String {
    let mut out = String::new();
    let mut at_line_start = true;
    for chunk in outcome.output.iter().filter(|c| !c.stderr) {
        for piece in chunk.text.split_inclusive('\n') {
            if at_line_start {
                out.push_str("[t=");
                out.push_str(&format_secs(chunk.time_ns));
                out.push_str("] ");
            }
            out.push_str(piece);
            at_line_start = piece.ends_with('\n');
        }
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    match &outcome.ending {
        // The oracle's format has no marker for SystemExit (CPython is silent).
        Ending::Completed | Ending::Exited { .. } => {}
        Ending::Uncaught { last_line, .. }
        | Ending::SyntaxError {
            last_line,
            rendered: _,
        } => {
            out.push_str("!! uncaught\n");
            out.push_str(last_line);
            out.push('\n');
        }
        Ending::Hang => out.push_str("!! hang\n"),
        Ending::Limit { message, .. } => {
            out.push_str("!! limit: ");
            out.push_str(message);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(time_ns: u64, text: &str) -> OutputChunk {
        OutputChunk {
            time_ns,
            text: text.into(),
            stderr: false,
            task: None,
            thread: None,
            line: 0,
        }
    }

    fn printed(outcome: &RunOutcome) -> String {
        outcome.output.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn a_module_not_loaded_yet_ends_the_run_until_the_library_is_installed() {
        let bundle = library_bundle().expect("compiled in natively");
        // As in the web app before its bundle arrives.
        forget_library();
        assert!(!library_installed());
        let program = "print('start')\ntry:\n    import json\nexcept ImportError:\n    print('caught')\nprint(json.dumps([1]))\n";
        let outcome = run_program(program, "main.py", &Limits::default());
        let Ending::Limit { which, message } = &outcome.ending else {
            panic!("{:?}", outcome.ending);
        };
        assert_eq!(which, "library");
        assert_eq!(not_loaded_module(message), Some("json"), "{message}");
        assert!(message.contains("'json' could not be loaded"), "{message}");
        // Not catchable: the embedder runs the program again once loaded.
        assert_eq!(printed(&outcome), "start\n");
        // The processes lessons' modules are compiled in: a process pool
        // (which imports multiprocessing and os when used) needs no bundle.
        let outcome = run_program(
            "from concurrent.futures import ProcessPoolExecutor\nProcessPoolExecutor(2)\n",
            "main.py",
            &Limits::default(),
        );
        assert!(
            matches!(outcome.ending, Ending::Completed),
            "{:?}",
            outcome.ending
        );
        // A bundle is checked before it is installed.
        assert!(install_library("print(1)").is_err());
        let renamed = bundle.replace("\0json\n", "\0jsonx\n");
        assert_eq!(
            install_library(&renamed),
            Err("the library bundle holds an unknown module 'jsonx'".into())
        );
        let short = &bundle[..bundle.find("\0json\n").unwrap()];
        assert!(install_library(short).is_err());
        assert!(!library_installed());
        install_library(&bundle).unwrap();
        let outcome = run_program(program, "main.py", &Limits::default());
        assert_eq!(outcome.ending, Ending::Completed);
        assert_eq!(printed(&outcome), "start\n[1]\n");
    }

    #[test]
    fn what_a_first_run_imports_is_compiled_in() {
        // The web app's first run never waits for the library bundle: the
        // modules the lessons import, and everything they import when
        // used, are compiled into every build.
        forget_library();
        let program = "import asyncio, sys, time, threading, queue, contextlib, collections\nimport concurrent.futures\nasync def main():\n    async with asyncio.timeout(1):\n        await asyncio.to_thread(time.sleep, 0.1)\n    with concurrent.futures.ThreadPoolExecutor(2) as ex:\n        print(list(ex.map(abs, [-1, -2])))\n    q = queue.Queue()\n    q.put(1)\n    print(q.get(), time.strftime('%Y', time.gmtime(0)), sys.version_info[0])\nasyncio.run(main())\n";
        let outcome = run_program(program, "main.py", &Limits::default());
        assert_eq!(outcome.ending, Ending::Completed, "{}", printed(&outcome));
        assert_eq!(printed(&outcome), "[1, 2]\n1 1970 3\n");
    }

    #[test]
    fn a_run_compiles_first_only_the_library_it_imports() {
        // A run of `import asyncio` compiles asyncio only; the rest is
        // left for later.
        let mut first = Warmup::for_program("import asyncio\n");
        let mut asyncio_pieces = 0;
        while first.step() {
            asyncio_pieces += 1;
        }
        assert!(
            asyncio_pieces > 5,
            "asyncio is compiled in pieces ({asyncio_pieces})"
        );
        let mut rest = Warmup::new();
        let mut rest_pieces = 0;
        while rest.step() {
            rest_pieces += 1;
        }
        assert!(
            rest_pieces > 5,
            "threading, multiprocessing, … were left ({rest_pieces})"
        );
        assert!(!Warmup::for_program("import asyncio\n").step());
    }

    #[test]
    fn the_asyncio_import_runs_under_fuel() {
        // The prelude's module body is hundreds of statements: a live run
        // pauses inside it like anywhere else (the import is a frame on
        // the main program's fiber, not a nested run to completion).
        let mut warm = Warmup::new();
        let mut pieces = 0;
        while warm.step() {
            pieces += 1;
        }
        assert!(pieces > 5, "the library is compiled in pieces ({pieces})");
        assert!(!warm.step(), "and only once");
        let mut session = Session::new(
            "import asyncio\nprint(asyncio.sleep)\n",
            "main.py",
            &Limits::default(),
        );
        let mut pauses = 0;
        while session.advance(10) == Progress::Ready {
            pauses += 1;
        }
        // (The program itself is a dozen instructions.)
        assert!(pauses > 50, "paused {pauses} times");
        let outcome = session.into_outcome();
        assert_eq!(outcome.ending, Ending::Completed);
        let out: String = outcome.output.iter().map(|c| c.text.as_str()).collect();
        assert!(out.starts_with("<function sleep"), "{out}");
    }

    #[test]
    fn the_smallest_fuel_still_makes_progress() {
        // Each advance runs at least one instruction: a driver that hands
        // out fuel one instruction at a time reaches the end, and the
        // output equals an uninterrupted run's.
        let src = "import asyncio\nasync def f(n):\n    await asyncio.sleep(0)\n    print(n)\nasync def main():\n    await asyncio.gather(f(1), f(2))\nasyncio.run(main())\n";
        let whole = run_program(src, "main.py", &Limits::default());
        let mut session = Session::new(src, "main.py", &Limits::default());
        let mut advances = 0u64;
        while session.advance(1) != Progress::Finished {
            advances += 1;
            assert!(advances < 10_000_000, "no progress with fuel 1");
        }
        let outcome = session.into_outcome();
        assert_eq!(outcome.ending, Ending::Completed);
        let text = |o: &RunOutcome| o.output.iter().map(|c| c.text.clone()).collect::<String>();
        assert_eq!(text(&outcome), text(&whole));
        assert_eq!(text(&outcome), "1\n2\n");
    }

    #[test]
    fn timed_format_follows_the_oracle_spec() {
        // The spec (tools/oracle.py header): a line is stamped with the time
        // of its first character; a last line without "\n" gets one; the
        // markers follow, unprefixed.
        let outcome = RunOutcome {
            trace: Trace::new(),
            output: vec![
                chunk(0, "a"),
                chunk(1_000_000_000, "b\nc"),
                OutputChunk {
                    stderr: true,
                    ..chunk(1_000_000_000, "warning\n")
                },
                chunk(2_500_000_000, "d"),
            ],
            ending: Ending::Uncaught {
                last_line: "ValueError: boom".into(),
                traceback: String::new(),
            },
        };
        assert_eq!(
            format_timed(&outcome),
            "[t=0.000] ab\n[t=1.000] cd\n!! uncaught\nValueError: boom\n"
        );
        let hang = RunOutcome {
            trace: Trace::new(),
            output: vec![],
            ending: Ending::Hang,
        };
        assert_eq!(format_timed(&hang), "!! hang\n");
    }
}
