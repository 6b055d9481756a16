//! The loop core glued onto the VM: the native module `_looplab` (Future
//! and Task classes, loop primitives), the `asyncio` prelude, the `time`
//! hooks, and the driver that runs `loop.run_forever()`.
//!
//! The core ([`EventLoop<Value>`]) lives in an `Rc<RefCell<Aio>>` shared by
//! every native. A native never keeps the `RefCell` borrowed while Python
//! code runs (natives may be re-entered from that code); a native that finds
//! it borrowed raises a RuntimeError instead of panicking.

use std::cell::RefCell;
use std::rc::Rc;

use super::events::Leftovers;
use super::{
    Callback, CoroStep, DoneCallback, Drain, EventLoop, ExecutorId, FutState, FutureError, Host,
    Resume, Todo,
};
use crate::ast::Name;
use crate::outcome::{Ending, OutputChunk};
use crate::trace::{EventKind, FutureId, TaskId, ThreadId};
use crate::vm::{Class, Error, GenKind, GenStep, Stream, Value, Vm};

/// The asyncio prelude (Python source, compiled on first `import asyncio`).
pub const PRELUDE: &str = include_str!("../vm/library/modules/asyncio.py");

/// `contextlib` (contextmanager, asynccontextmanager, suppress,
/// nullcontext), needed by `async with` lessons.
pub const CONTEXTLIB: &str = include_str!("../vm/library/modules/contextlib.py");

/// File name of the prelude in tracebacks.
pub const PRELUDE_FILE: &str = "<asyncio>";

/// `concurrent.futures` as seen by programs.
const CONCURRENT_FUTURES: &str = "from asyncio import ThreadPoolExecutor\n\
from _cfutures import (Future, Error, CancelledError, TimeoutError, InvalidStateError,\n\
    BrokenExecutor, wait, as_completed, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED,\n\
    ProcessPoolExecutor)\n";

/// The request with which a program thread's fiber suspends when it blocks
/// (`run_forever` suspends the main fiber with `None`).
pub const THREAD_BLOCK: Value = Value::Bool(true); // matched as `Value::Bool(true)` in `run.rs`

/// Whether the VM runs the current program thread's own fiber (not a task
/// step or callback run by the loop, nor a nested call).
pub(crate) fn on_program_thread(vm: &Vm, st: &Aio) -> bool {
    let fiber = match st.prog.current {
        0 => st.main_fiber,
        t => st.prog.threads.get(t).and_then(|t| t.fiber),
    };
    fiber.is_some() && vm.current_fiber == fiber
}

/// Puts the module table of program thread `tid`'s process in the VM
/// (called whenever the scheduler picks a thread to run).
pub(crate) fn enter_thread(vm: &mut Vm, st: &mut Aio, tid: usize) {
    let p = st.prog.threads.get(tid).map_or(0, |t| t.process);
    crate::aio::processes::switch(&mut vm.modules, &mut st.procs, p);
}

/// Marker message of the `Error::Limit` that unwinds the program when the
/// loop hangs (the run then ends with [`crate::run::Ending::Hang`]).
pub const HANG: &str = "\u{0}looplab-hang";

/// A task step running at least this many instructions is recorded as
/// blocking the loop (`LoopBlocked` with `BlockReason::Cpu`).
pub const CPU_SLICE_WARNING: u64 = 1_000_000;

/// Payload of Future and Task instances: the id in the core's arena.
pub(crate) struct FutRef(pub FutureId);

/// Something kept per task, hashed the fast way: a run may make 100,000
/// tasks, and each time such a map doubled, rehashing every entry with the
/// standard (SipHash) hasher showed as a long task of the page.
pub(crate) type ByTask<T> =
    std::collections::HashMap<TaskId, T, std::hash::BuildHasherDefault<crate::vm::FxHasher>>;

/// Everything the natives share.
pub(crate) struct Aio {
    /// The loop core.
    pub lp: EventLoop<Value>,
    /// What the loop held when the run ended ([`Aio::end_loop`]), for the
    /// teardown to take a piece at a time.
    pub ended: Option<Leftovers<Value>>,
    /// `_looplab.Future`.
    pub future_cls: Option<Rc<Class>>,
    /// `_looplab.Task`.
    pub task_cls: Option<Rc<Class>>,
    /// `asyncio.CancelledError`, registered by the prelude.
    pub cancelled_error: Option<Rc<Class>>,
    /// `asyncio.InvalidStateError`, registered by the prelude.
    pub invalid_state_error: Option<Rc<Class>>,
    /// The prelude's loop object (`Future.get_loop()`).
    pub loop_obj: Option<Value>,
    /// The worker thread running now (`None`: the loop's thread).
    pub current_thread: Option<ThreadId>,
    /// Set when the loop found it can never make progress.
    pub hang: bool,
    /// Output so far, attributed to tasks and threads.
    pub output: Vec<OutputChunk>,
    /// How much of `vm.output` was attributed: (chunk index, byte offset).
    out_cursor: (usize, usize),
    /// File name of the user's program (to find "the user's line").
    pub filename: Rc<str>,
    /// Inside `run_forever` (re-entry is a RuntimeError).
    pub running: bool,
    /// Where each task's coroutine function is defined (file, line), for
    /// `repr(task)` once the coroutine is finished.
    pub coro_defs: ByTask<(Rc<str>, u32)>,
    /// The never-awaited warnings already printed, by (message, line):
    /// CPython's warnings filter prints each once per location.
    pub warned: std::collections::HashSet<(String, u32)>,
    /// The fiber running the main program (when run by a
    /// [`crate::run::Session`]): `run_forever` suspends it and the session
    /// drives the loop at top level, where the VM can pause.
    pub main_fiber: Option<crate::vm::FiberId>,
    /// The VM fiber running each worker thread's current job.
    pub fibers: std::collections::HashMap<ThreadId, crate::vm::FiberId>,
    /// Program threads (`threading.Thread`) and their scheduler.
    pub prog: crate::aio::program_threads::ProgramThreads,
    /// The program thread whose event loop waits in its select (other
    /// threads run meanwhile; `call_soon_threadsafe` wakes it).
    pub loop_thread: Option<crate::aio::program_threads::Tid>,
    /// The CPU model, if on (see [`crate::aio::cpu`]).
    pub cpu_model: Option<crate::vm::CpuModel>,
    /// CPU model: the cores the processes share.
    pub cores: crate::aio::cpu::Cores,
    /// CPU model: the GIL holder last recorded (`CpuState`) for each
    /// process (index = process; absent or `None`: none recorded yet), and
    /// the busy cores last recorded.
    gil_recorded: Vec<Option<Option<u32>>>,
    busy_recorded: u32,
    /// Processes (`multiprocessing`) and their module tables.
    pub procs: crate::aio::processes::Processes,
    /// The program's source (a child process re-runs it as `__mp_main__`).
    pub source: Rc<str>,
    /// Record each suspending task's await chain (`Limits::inspect_frames`).
    pub inspect_frames: bool,
    /// Line events recorded so far (`Limits::record_lines`).
    pub lines_recorded: usize,
    /// The module globals last recorded (`EventKind::Globals`).
    pub globals_recorded: Vec<crate::trace::LocalVar>,
    /// Each live task's frames as last recorded (`EventKind::TaskFrames`),
    /// so a line event records them again only when they changed; kept
    /// only while lines are recorded (`record_lines`), and a task's entry
    /// goes when it finishes (a run may make 100,000 tasks).
    pub frames_recorded: ByTask<Vec<crate::trace::FrameInfo>>,
    /// Lines are recorded (`record_lines` installed the hook).
    pub lines_on: bool,
    /// Line events that recorded frames and globals so far (at most
    /// `Limits::max_line_frames`; then only suspensions do).
    pub line_frames_recorded: usize,
}

pub(crate) type Shared = Rc<RefCell<Aio>>;

impl Aio {
    /// Takes every value the natives share (the loop's, the registered
    /// classes, the loop object), for the VM's teardown at the end of a run.
    pub(crate) fn take_values(&mut self) -> Vec<Value> {
        let mut out = Vec::new();
        let mut rest = self.take_leftovers(&mut out);
        rest.take_some(&mut out, usize::MAX);
        out
    }

    /// [`Aio::take_values`] in pieces: the few values outside the
    /// loop go to `out`, the loop's many come from the leftovers returned.
    pub(crate) fn take_leftovers(&mut self, out: &mut Vec<Value>) -> Leftovers<Value> {
        let mut rest = self.lp.leftovers();
        if let Some(ended) = self.ended.take() {
            rest.append(ended);
        }
        for c in [
            self.future_cls.take(),
            self.task_cls.take(),
            self.cancelled_error.take(),
            self.invalid_state_error.take(),
        ]
        .into_iter()
        .flatten()
        {
            out.push(Value::Class(c));
        }
        out.extend(self.loop_obj.take());
        self.procs.take_values(out);
        rest
    }
}

impl Aio {
    /// The run is over: a fresh loop takes the old one's place, and what
    /// the old one held waits for the teardown (dropped here, the futures
    /// of a run of 90,000 tasks were one task of 0.2 s).
    pub(crate) fn end_loop(&mut self) {
        let mut old = std::mem::replace(&mut self.lp, EventLoop::new(false));
        let rest = old.leftovers();
        match &mut self.ended {
            Some(ended) => ended.append(rest),
            None => self.ended = Some(rest),
        }
    }

    pub(crate) fn new(record: bool, filename: &str) -> Aio {
        Aio {
            lp: EventLoop::new(record),
            ended: None,
            future_cls: None,
            task_cls: None,
            cancelled_error: None,
            invalid_state_error: None,
            loop_obj: None,
            current_thread: None,
            hang: false,
            output: Vec::new(),
            out_cursor: (0, 0),
            filename: Rc::from(filename),
            running: false,
            fibers: std::collections::HashMap::new(),
            coro_defs: ByTask::default(),
            warned: std::collections::HashSet::new(),
            main_fiber: None,
            prog: Default::default(),
            loop_thread: None,
            cpu_model: None,
            cores: crate::aio::cpu::Cores::new(1),
            gil_recorded: Vec::new(),
            busy_recorded: 0,
            procs: Default::default(),
            source: Rc::from(""),
            inspect_frames: false,
            lines_recorded: 0,
            globals_recorded: Vec::new(),
            frames_recorded: ByTask::default(),
            lines_on: false,
            line_frames_recorded: 0,
        }
    }

    /// Turns the CPU model on (before the run starts).
    pub(crate) fn set_cpu_model(&mut self, model: Option<crate::vm::CpuModel>) {
        self.cpu_model = model;
        if let Some(m) = model {
            self.cores = crate::aio::cpu::Cores::new(m.cores);
        }
    }

    /// CPU model: `holder` runs Python now (`None`: every thread waits).
    /// Each process holding a ready or running thread is runnable (it
    /// computes on a core), and its GIL is held by that thread (the running
    /// one, or else its first ready one): the cores learn which processes
    /// are runnable, and a `CpuState` is recorded for every process whose
    /// GIL holder changed (and for `holder`'s process if only the busy
    /// cores changed).
    pub(crate) fn note_gil(&mut self, holder: Option<crate::aio::program_threads::Tid>) {
        if self.cpu_model.is_none() {
            return;
        }
        let process_of = |st: &Aio, t: usize| st.prog.threads.get(t).map_or(0, |t| t.process);
        let mut holders: Vec<Option<u32>> = vec![None; self.cores.processes()];
        for t in holder.into_iter().chain(self.prog.ready()) {
            let p = process_of(self, t);
            if let Some(slot) = holders.get_mut(p) {
                slot.get_or_insert(t as u32);
            }
        }
        let now = self.lp.now();
        for (p, h) in holders.iter().enumerate() {
            self.cores.set_runnable(p, h.is_some(), now);
        }
        let busy = self.cores.busy();
        let cores = self.cores.cores();
        let own = holder.map_or(0, |t| process_of(self, t));
        if self.gil_recorded.len() < holders.len() {
            self.gil_recorded.resize(holders.len(), None);
        }
        let mut emitted = false;
        for (p, gil) in holders.into_iter().enumerate() {
            let before = self.gil_recorded[p];
            // A child never recorded that is not running has nothing to say.
            if before == Some(gil) || (p != 0 && before.is_none() && gil.is_none()) {
                continue;
            }
            self.gil_recorded[p] = Some(gil);
            emitted = true;
            self.lp.emit(EventKind::CpuState {
                process: p as u32,
                gil,
                busy_cores: busy,
                cores,
            });
        }
        if !emitted && busy != self.busy_recorded {
            self.lp.emit(EventKind::CpuState {
                process: own as u32,
                gil: self.gil_recorded.get(own).copied().flatten().flatten(),
                busy_cores: busy,
                cores,
            });
        }
        self.busy_recorded = busy;
    }

    /// CPU model: the next program thread to run (see
    /// [`ProgramThreads::next`](crate::aio::program_threads::ProgramThreads::next)).
    /// Processes compute in parallel, so among the ready threads the first
    /// one of the process whose clock is furthest behind runs (ties: the
    /// one ready first); each process's GIL keeps the FIFO order among its
    /// own threads. Without the model: the FIFO.
    pub(crate) fn next_thread(&mut self) -> crate::aio::program_threads::Next {
        use crate::aio::program_threads::Next;
        let now = self.lp.now();
        if self.cpu_model.is_some() && self.cores.processes() > 1 {
            let lagging = self
                .prog
                .ready_processes()
                .into_iter()
                .min_by_key(|&p| self.cores.clock(p));
            if let Some(tid) = lagging.and_then(|p| self.prog.run_ready_of(p)) {
                return Next::Run { tid, now };
            }
        }
        self.prog.next(now)
    }
}

/// CPU model: adds the computing the VM did since last time to the clock
/// of the running thread's process (stretched if processes share cores),
/// and so to the loop's clock (see [`crate::aio::cpu`]). Nothing without
/// the model.
pub(crate) fn pull_cpu(vm: &mut Vm, st: &mut Aio) {
    if st.cpu_model.is_none() {
        return;
    }
    let cpu = vm.take_cpu_ns();
    if cpu == 0 {
        return;
    }
    charge_cpu(vm, st, cpu);
}

/// CPU model: the running thread's process computed `cpu` ns. Its own
/// clock advances (stretched if processes share cores); the loop's clock,
/// which every process's events are stamped with, is the furthest any
/// process has reached. A process alone on the cores computes from the
/// loop's clock (it can only have been behind it by waiting); one among
/// others keeps its own clock, so processes computing at once advance
/// side by side instead of one after the other.
pub(crate) fn charge_cpu(vm: &mut Vm, st: &mut Aio, cpu: u64) {
    let process = st
        .prog
        .threads
        .get(st.prog.current)
        .map_or(0, |t| t.process);
    let now = st.lp.now();
    if st.cores.runnable_others(process) == 0 {
        st.cores.wait_until(process, now);
    }
    st.cores.charge(process, cpu);
    let reached = st.cores.clock(process);
    if reached > now {
        st.lp.compute_for(reached - now);
    }
    vm.clock_ns = st.lp.now();
}

/// [`Shared::try_borrow_mut`] with the clock caught up ([`pull_cpu`]).
pub(crate) fn borrow_pulled<'a>(
    vm: &mut Vm,
    shared: &'a Shared,
) -> Option<std::cell::RefMut<'a, Aio>> {
    let mut st = shared.try_borrow_mut().ok()?;
    pull_cpu(vm, &mut st);
    Some(st)
}

/// The core's view of the VM (see [`Host`]).
struct VmHost<'a> {
    vm: &'a mut Vm,
    cancelled: Option<Rc<Class>>,
}

impl Host<Value> for VmHost<'_> {
    fn cancelled_error(&mut self, msg: Option<&Value>) -> Value {
        let args: Vec<Value> = msg.cloned().into_iter().collect();
        match self.cancelled.clone() {
            Some(c) => self.vm.new_exception(&c, args),
            None => {
                let c = self.vm.types.runtime_error.clone();
                self.vm.new_exception(&c, args)
            }
        }
    }
    fn set_context(&mut self, exc: &Value, context: &Value) {
        if let Some(d) = self.vm.exc_data(exc) {
            d.borrow_mut().context = Some(context.clone());
        }
    }
    fn runtime_error(&mut self, message: &str) -> Value {
        let c = self.vm.types.runtime_error.clone();
        self.vm.new_exception(&c, vec![Value::str(message)])
    }
    fn is_cancelled_error(&self, exc: &Value) -> bool {
        self.cancelled
            .as_ref()
            .is_some_and(|c| self.vm.is_instance_of(exc, c))
    }
    fn is_exit(&self, exc: &Value) -> bool {
        self.vm.is_system_exit(exc)
    }
    fn none(&self) -> Value {
        Value::None
    }
    fn repr(&mut self, v: &Value) -> String {
        safe_repr(self.vm, v, 0)
    }
    fn callable_name(&mut self, f: &Value) -> String {
        callable_name(f)
    }
    fn coro_line(&mut self, coro: &Value) -> u32 {
        self.vm.gen_line(coro).unwrap_or(0)
    }
}

/// A repr for the trace that never runs user code: user objects appear as
/// `<Name object>`, exceptions as `Name('arg')`.
pub(crate) fn safe_repr(vm: &mut Vm, v: &Value, depth: usize) -> String {
    if depth > 3 {
        return "...".into();
    }
    match v {
        Value::None
        | Value::Bool(_)
        | Value::Int(_)
        | Value::Float(_)
        | Value::Str(_)
        | Value::Ellipsis => vm.repr(v).unwrap_or_else(|_| "?".into()),
        Value::List(items) => {
            let items = items.borrow().clone();
            let parts: Vec<String> = items
                .iter()
                .take(20)
                .map(|x| safe_repr(vm, x, depth + 1))
                .collect();
            let more = if items.len() > 20 { ", ..." } else { "" };
            format!("[{}{more}]", parts.join(", "))
        }
        Value::Tuple(items) => {
            let parts: Vec<String> = items
                .iter()
                .take(20)
                .map(|x| safe_repr(vm, x, depth + 1))
                .collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Value::Instance(inst) => {
            let cls = inst.class();
            if let Some(exc) = &inst.exc {
                let args = exc.borrow().args.clone();
                let parts: Vec<String> = args.iter().map(|x| safe_repr(vm, x, depth + 1)).collect();
                return format!("{}({})", cls.name, parts.join(", "));
            }
            if let Some(id) = fut_id_of(vm, v) {
                return format!("<{} #{id}>", cls.name);
            }
            format!("<{} object>", cls.name)
        }
        Value::Function(f) => format!("<function {}>", f.qualname.borrow()),
        Value::Gen(g) => format!("<coroutine {}>", g.qualname),
        other => format!("<{}>", other.kind_name()),
    }
}

/// Records a line event (`EventKind::Line`) for every line of the
/// program the run starts, at most `max` of them (`Limits::record_lines`;
/// the VM side is `vm/lines.rs`). Lines of library modules are skipped.
///
/// When the run also records frames (`Limits::inspect_frames`), each of
/// the first `max_frames` line events is preceded by what changed since
/// last recorded: the running task's frames as they are before the line
/// runs (`EventKind::TaskFrames`, see [`line_frames`]) and the module's
/// globals (`EventKind::Globals`). A line outside any task (module-level
/// code, a plain function it calls, a program or worker thread) records
/// the globals only. Past `max_frames`, frames are recorded at
/// suspensions only (`EventKind::LineFramesCapped` says where).
pub(crate) fn record_lines(vm: &mut Vm, shared: &Shared, max: usize, max_frames: usize) {
    if let Ok(mut st) = shared.try_borrow_mut() {
        st.lines_on = true;
    }
    let sh = shared.clone();
    vm.line_hook = Some(Rc::new(move |vm: &mut Vm, file: &str, line: u32| {
        let (task, thread, inspect) = {
            let Ok(mut st) = sh.try_borrow_mut() else {
                return true;
            };
            if *file != *st.filename {
                return true;
            }
            if !st.lp.recorder.recording() {
                return false;
            }
            if st.lines_recorded >= max {
                st.lp.emit(EventKind::LinesCapped { limit: max });
                return false;
            }
            st.lines_recorded += 1;
            let mut inspect = st.inspect_frames;
            if inspect {
                if st.line_frames_recorded >= max_frames {
                    if st.line_frames_recorded == max_frames {
                        st.line_frames_recorded += 1;
                        st.lp
                            .emit(EventKind::LineFramesCapped { limit: max_frames });
                    }
                    inspect = false;
                } else {
                    st.line_frames_recorded += 1;
                }
            }
            (st.lp.current_task(), st.current_thread, inspect)
        };
        if inspect {
            if let Some(task) = task {
                line_frames(vm, &sh, task, line);
            }
            if let Some(vars) = changed_globals(vm, &sh) {
                if let Ok(mut st) = sh.try_borrow_mut() {
                    st.lp.emit(EventKind::Globals { vars });
                }
            }
        }
        if let Ok(mut st) = sh.try_borrow_mut() {
            st.lp.emit(EventKind::Line { task, thread, line });
        }
        true
    }));
    vm.recompute_check();
}

/// At a line event of `task` (about to run `line`): records the task's
/// frames as they are now (`EventKind::TaskFrames`) when they differ from
/// the ones last recorded for it. They are the running call stack
/// (`Vm::running_stack`): the task's root coroutine, the coroutines it
/// awaits and the plain functions it called, down to the frame running
/// the line, outermost first. A plain function's frame reads as a
/// coroutine's (its `__qualname__`, the line it runs, its locals); a
/// library module's frame in between (a library function calling back
/// into the program) keeps its name and line but not its locals, as at a
/// suspension. Runs no Python code.
fn line_frames(vm: &mut Vm, shared: &Shared, task: TaskId, line: u32) {
    let (coro, file) = {
        let Ok(st) = shared.try_borrow() else { return };
        let Some(coro) = st.lp.task_coro(task).cloned() else {
            return;
        };
        (coro, st.filename.clone())
    };
    let stack = vm.running_stack(&coro, line);
    if stack.is_empty() {
        return;
    }
    let frames: Vec<crate::trace::FrameInfo> = stack
        .into_iter()
        .map(|f| frame_info(vm, f, &file))
        .collect();
    let Ok(mut st) = shared.try_borrow_mut() else {
        return;
    };
    if st.frames_recorded.get(&task) == Some(&frames) {
        return;
    }
    st.frames_recorded.insert(task, frames.clone());
    st.lp.emit(EventKind::TaskFrames { task, frames });
}

/// One frame for the trace: a program frame with its locals' reprs, a
/// library frame without them.
fn frame_info(
    vm: &mut Vm,
    f: crate::vm::inspect::FrameView,
    file: &str,
) -> crate::trace::FrameInfo {
    let library = *f.file != *file;
    let mut locals = Vec::new();
    if !library {
        for (name, v) in &f.locals {
            let repr = vm.preview_repr(v, crate::trace::REPR_WIDTH);
            let fut = fut_id_of(vm, v);
            locals.push(crate::trace::LocalVar {
                name: name.clone(),
                repr,
                fut,
            });
        }
    }
    crate::trace::FrameInfo {
        name: f.name,
        line: f.line,
        library,
        locals,
    }
}

/// The await chain of a task's suspended coroutine, for the trace
/// (`EventKind::TaskFrames`); `None` unless the run records frames. Runs
/// no Python code (`Vm::preview_repr`). The chain ends at the first frame
/// of a library module, the call the program made (`sleep`,
/// `Queue.get`), kept with its name and line but not its locals; what
/// that call awaits inside the library is the future the trace already
/// names (`TaskStepEnded`), so its helpers (`_future_await`, whose names
/// start with `_`) are left out.
pub(crate) fn task_frames(
    vm: &mut Vm,
    shared: &Shared,
    coro: &Value,
) -> Option<Vec<crate::trace::FrameInfo>> {
    let file = {
        let st = shared.try_borrow().ok()?;
        if !st.inspect_frames || !st.lp.recorder.recording() {
            return None;
        }
        st.filename.clone()
    };
    let chain = vm.await_chain(coro);
    let mut frames = Vec::with_capacity(chain.len());
    for f in chain {
        let library = *f.file != *file;
        if library && f.name.starts_with('_') {
            break;
        }
        frames.push(frame_info(vm, f, &file));
        if library {
            break;
        }
    }
    Some(frames)
}

/// The program's module globals, for the trace (`EventKind::Globals`):
/// `Some` when they differ from the ones last recorded (and then they are
/// the ones recorded), `None` when they do not or the run records no
/// frames. Runs no Python code.
pub(crate) fn changed_globals(vm: &mut Vm, shared: &Shared) -> Option<Vec<crate::trace::LocalVar>> {
    {
        let st = shared.try_borrow().ok()?;
        if !st.inspect_frames || !st.lp.recorder.recording() {
            return None;
        }
    }
    let vars: Vec<_> = vm
        .main_globals()
        .into_iter()
        .map(|(name, v)| crate::trace::LocalVar {
            repr: vm.preview_repr(&v, crate::trace::REPR_WIDTH),
            fut: fut_id_of(vm, &v),
            name,
        })
        .collect();
    let mut st = shared.try_borrow_mut().ok()?;
    if st.globals_recorded == vars {
        return None;
    }
    st.globals_recorded = vars.clone();
    Some(vars)
}

/// A callable's name (`__name__`), for the trace.
pub(crate) fn callable_name(f: &Value) -> String {
    match f {
        Value::Function(func) => func.name.borrow().to_string(),
        Value::Builtin(b) => b.name.to_string(),
        Value::Method(m) => callable_name(&m.1),
        Value::Class(c) => c.name.to_string(),
        other => other.kind_name().to_string(),
    }
}

/// `a == b` for callbacks (remove_done_callback): identity, or equal bound
/// methods (same function, same receiver).
fn same_callable(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Function(x), Value::Function(y)) => Rc::ptr_eq(x, y),
        (Value::Builtin(x), Value::Builtin(y)) => Rc::ptr_eq(x, y),
        (Value::Method(x), Value::Method(y)) => {
            same_callable(&x.1, &y.1) && same_object(&x.0, &y.0)
        }
        (Value::Instance(x), Value::Instance(y)) => Rc::ptr_eq(x, y),
        (Value::Class(x), Value::Class(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

fn same_object(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Instance(x), Value::Instance(y)) => Rc::ptr_eq(x, y),
        _ => same_callable(a, b),
    }
}

/// The future id of a Future/Task instance.
pub(crate) fn fut_id_of(vm: &Vm, v: &Value) -> Option<FutureId> {
    vm.native_payload::<FutRef, _>(v, |p| p.0)
}

/// The line of the program where `exc` was raised (its innermost
/// traceback entry in the program's file), 0 if none.
fn raised_at(vm: &Vm, shared: &Shared, exc: &Value) -> u32 {
    let Ok(file) = shared.try_borrow().map(|st| st.filename.clone()) else {
        return 0;
    };
    vm.exc_data(exc)
        .and_then(|d| {
            d.borrow()
                .traceback
                .iter()
                .rev()
                .find(|tb| tb.code.filename == file)
                .map(|tb| tb.line)
        })
        .unwrap_or(0)
}

/// The program line a task's warning is about: its coroutine's `def`
/// (CPython's repr of the task says `defined at` by then); 0 when that is
/// not in the program's file.
fn task_line(shared: &Shared, task: FutureId) -> u32 {
    let Ok(st) = shared.try_borrow() else {
        return 0;
    };
    st.coro_defs
        .get(&task)
        .filter(|(file, _)| *file == st.filename)
        .map_or(0, |(_, line)| *line)
}

/// The line of the innermost frame running the user's program.
pub(crate) fn user_line(vm: &Vm, filename: &str) -> u32 {
    vm.frames
        .iter()
        .rev()
        .find(|f| &*f.code.filename == filename)
        .map(|f| f.line())
        .unwrap_or(0)
}

/// Borrows the shared state or raises RuntimeError (never panics).
macro_rules! state {
    ($vm:expr, $shared:expr) => {
        match $shared.try_borrow_mut() {
            Ok(mut s) => {
                // CPU model: the loop's clock catches up with the computing.
                pull_cpu($vm, &mut s);
                s
            }
            Err(_) => {
                return Err($vm
                    .runtime_error("Looplab: asyncio was re-entered while the event loop was busy"))
            }
        }
    };
}

fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).cloned().unwrap_or(Value::None)
}

fn kwarg(kwargs: &[(Name, Value)], name: &str) -> Option<Value> {
    kwargs
        .iter()
        .find(|(k, _)| &**k == name)
        .map(|(_, v)| v.clone())
}

/// Runs `f` with the core and a host; no Python code runs meanwhile.
fn with_core<R>(
    vm: &mut Vm,
    shared: &Shared,
    f: impl FnOnce(&mut EventLoop<Value>, &mut VmHost<'_>) -> R,
) -> Result<R, Error> {
    let mut st = state!(vm, shared);
    let cancelled = st.cancelled_error.clone();
    let mut host = VmHost { vm, cancelled };
    let r = f(&mut st.lp, &mut host);
    Ok(r)
}

/// The future id of `v`, or TypeError.
fn need_fut(vm: &mut Vm, v: &Value) -> Result<FutureId, Error> {
    match fut_id_of(vm, v) {
        Some(id) => Ok(id),
        None => Err(vm.type_error("a Future or Task was expected")),
    }
}

/// Turns a core [`FutureError`] into a Python exception.
fn future_error(vm: &mut Vm, shared: &Shared, fut: &Value, e: FutureError<Value>) -> Error {
    match e {
        FutureError::Raise(exc) => Error::Exception(exc),
        FutureError::InvalidState(msg) => {
            let cls = shared
                .try_borrow()
                .ok()
                .and_then(|s| s.invalid_state_error.clone());
            let _ = fut;
            match cls {
                Some(c) => vm.new_error(&c, msg),
                None => vm.runtime_error(msg),
            }
        }
        FutureError::Unknown => vm.runtime_error("Looplab: unknown future"),
    }
}

/// `repr(fut)` like CPython's (`<Future pending>`, `<Task finished
/// name='Task-1' coro=<main() done, defined at <lesson>:3> result=None>`).
fn future_repr(vm: &mut Vm, shared: &Shared, fut: &Value) -> Result<String, Error> {
    future_repr_as(vm, shared, fut, false)
}

/// [`future_repr`]; `coro_closed`: the task's coroutine is shown as CPython
/// shows it once the interpreter has closed it at exit (`done, defined at`).
pub(crate) fn future_repr_as(
    vm: &mut Vm,
    shared: &Shared,
    fut: &Value,
    coro_closed: bool,
) -> Result<String, Error> {
    let id = need_fut(vm, fut)?;
    let (state, name, coro, waiter, def, cancelling) = {
        let st = match shared.try_borrow() {
            Ok(s) => s,
            Err(_) => return Ok("<Future>".into()),
        };
        (
            st.lp.future_state(id).cloned(),
            st.lp.task_name(id).map(str::to_string),
            st.lp.task_coro(id).cloned(),
            st.lp.fut_waiter(id),
            st.coro_defs.get(&id).cloned(),
            st.lp.cancelling(id) > 0,
        )
    };
    let kind = if name.is_some() { "Task" } else { "Future" };
    let mut out = format!("<{kind} ");
    out.push_str(match state {
        // A task asked to cancel that has not finished yet (3.11).
        Some(FutState::Pending) | None if cancelling && name.is_some() => "cancelling",
        Some(FutState::Pending) | None => "pending",
        Some(FutState::Cancelled) => "cancelled",
        Some(_) => "finished",
    });
    if let Some(name) = &name {
        out.push_str(&format!(" name='{name}'"));
    }
    if let Some(Value::Gen(g)) = &coro {
        let done = coro_closed || !matches!(state, Some(FutState::Pending) | None);
        let file = g
            .frame
            .borrow()
            .as_ref()
            .map(|f| (f.code.filename.to_string(), f.code.firstlineno))
            .or_else(|| def.map(|(f, l)| (f.to_string(), l)));
        let line = vm.gen_line(coro.as_ref().unwrap_or(&Value::None));
        match (done, file, line) {
            (false, Some((file, _)), Some(line)) => out.push_str(&format!(
                " coro=<{}() running at {file}:{line}>",
                g.qualname
            )),
            (_, Some((file, first)), _) => out.push_str(&format!(
                " coro=<{}() done, defined at {file}:{first}>",
                g.qualname
            )),
            _ => out.push_str(&format!(" coro=<{}()>", g.qualname)),
        }
    }
    match state {
        Some(FutState::Result(v)) => {
            let r = vm.repr(&v)?;
            out.push_str(&format!(" result={r}"));
        }
        Some(FutState::Exception(e)) => {
            let r = vm.repr(&e)?;
            out.push_str(&format!(" exception={r}"));
        }
        _ => {}
    }
    if let Some(w) = waiter {
        let _ = w;
        out.push_str(" wait_for=<Future pending cb=[Task.task_wakeup()]>");
    }
    out.push('>');
    Ok(out)
}

/// Creates the Python object for future `id` (a Task instance for tasks).
fn make_future_obj(vm: &mut Vm, shared: &Shared, id: FutureId, task: bool) -> Result<Value, Error> {
    let cls = {
        let st = state!(vm, shared);
        if task {
            st.task_cls.clone()
        } else {
            st.future_cls.clone()
        }
    };
    let Some(cls) = cls else {
        return Err(vm.runtime_error("Looplab: asyncio classes are not ready"));
    };
    let obj = vm.new_native_instance(&cls, Box::new(FutRef(id)));
    state!(vm, shared).lp.set_future_obj(id, obj.clone());
    Ok(obj)
}

/// Attaches a fresh core future to an instance built by calling the class
/// (`asyncio.Future()`, or a Python subclass of it).
fn attach_payload(vm: &mut Vm, shared: &Shared, obj: &Value, id: FutureId) -> Result<(), Error> {
    match obj {
        Value::Instance(inst) => {
            *inst.native.borrow_mut() = Some(Box::new(FutRef(id)));
            state!(vm, shared).lp.set_future_obj(id, obj.clone());
            Ok(())
        }
        _ => Err(vm.type_error("Future.__init__ needs an instance")),
    }
}

/// Moves what the VM printed since last time into the attributed output and
/// the trace.
pub(crate) fn drain_output(vm: &mut Vm, st: &mut Aio, task: Option<TaskId>, line: u32) {
    let thread = st.current_thread;
    let (mut ci, mut off) = st.out_cursor;
    while ci < vm.output.len() {
        let chunk = &vm.output[ci];
        if off < chunk.text.len() {
            let text = chunk.text[off..].to_string();
            let stderr = chunk.stream == Stream::Stderr;
            let time_ns = chunk.clock_ns;
            st.lp.recorder.push(
                time_ns,
                EventKind::Print {
                    task,
                    thread,
                    text: text.clone(),
                    line,
                    stderr,
                },
            );
            st.output.push(OutputChunk {
                time_ns,
                text,
                stderr,
                task,
                thread,
                line,
            });
            off = chunk.text.len();
        }
        if ci + 1 < vm.output.len() {
            ci += 1;
            off = 0;
        } else {
            break;
        }
    }
    st.out_cursor = (ci, off);
}

/// Registers `_looplab`, `asyncio`, `concurrent.futures` and the time hook.
pub(crate) fn install(vm: &mut Vm, shared: &Shared) {
    if let Ok(mut st) = shared.try_borrow_mut() {
        st.lp.recorder.heap_meter = Some(vm.mem_excluded.clone());
    }
    vm.add_source_module("asyncio", PRELUDE, PRELUDE_FILE);
    // The package `concurrent` exposes its submodule `futures` as an
    // attribute (as after CPython's `import concurrent.futures`).
    vm.add_native_module("concurrent", |vm| {
        let (m, g) = vm.new_module("concurrent");
        let futures = vm.import("concurrent.futures")?;
        g.set_str("futures", futures);
        Ok(m)
    });
    vm.add_source_module("contextlib", CONTEXTLIB, "<contextlib>");
    vm.add_source_module(
        "concurrent.futures",
        CONCURRENT_FUTURES,
        "<concurrent.futures>",
    );
    let sh = shared.clone();
    vm.add_native_module("_looplab", move |vm| build_module(vm, &sh));
    let sh = shared.clone();
    vm.sleep_hook = Some(Rc::new(move |vm: &mut Vm, secs: f64| {
        time_sleep(vm, &sh, secs)
    }));
    // `print` wrapped so that each output chunk is attributed to the line
    // of the `print` call and to the running task or thread.
    if let Some(original) = vm.builtins.get("print") {
        let sh = shared.clone();
        let wrapper = vm.native_fn("print", move |vm, args, kwargs| {
            let line = match sh.try_borrow() {
                Ok(st) => user_line(vm, &st.filename),
                Err(_) => 0,
            };
            if let Some(mut st) = borrow_pulled(vm, &sh) {
                // Attribute earlier output (sys.stdout.write...) first.
                let task = st.lp.current_task();
                drain_output(vm, &mut st, task, 0);
            }
            let r = vm.call(&original, args.to_vec(), kwargs.to_vec());
            if let Some(mut st) = borrow_pulled(vm, &sh) {
                let task = st.lp.current_task();
                drain_output(vm, &mut st, task, line);
            }
            r
        });
        vm.builtins.set_str("print", wrapper);
    }
}

/// Seconds to integer nanoseconds: round half-even of x * 1e9 (the
/// oracle's `ns_of`).
pub(crate) fn ns_of(secs: f64) -> u64 {
    let ns = (secs * 1e9).round_ties_even();
    if ns.is_nan() || ns <= 0.0 {
        0
    } else if ns >= crate::aio::events::CLOCK_MAX as f64 {
        crate::aio::events::CLOCK_MAX
    } else {
        ns as u64
    }
}

/// `time.sleep(x)`: on the loop's thread the whole program blocks and the
/// clock advances; in a worker thread only that worker parks.
fn time_sleep(vm: &mut Vm, shared: &Shared, secs: f64) -> Result<Value, Error> {
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    let ns = ns_of(secs);
    let mut st = state!(vm, shared);
    match st.current_thread {
        Some(thread) => {
            st.lp.park_thread(thread, ns);
            Err(Error::Suspend(Value::None))
        }
        None if st.prog.started() => {
            let until = st.lp.now().saturating_add(ns);
            let task = st.lp.current_task();
            let line = user_line(vm, &st.filename);
            drain_output(vm, &mut st, task, line);
            drop(st);
            block_program_thread(
                vm,
                shared,
                Some(until),
                Some(crate::trace::WaitReason::Sleep),
            )
        }
        None => {
            let task = st.lp.current_task();
            let line = user_line(vm, &st.filename);
            drain_output(vm, &mut st, task, line);
            st.lp.block(ns, line);
            vm.clock_ns = st.lp.now();
            Ok(Value::None)
        }
    }
}

type NativeBody = fn(&mut Vm, &Shared, &[Value], &[(Name, Value)]) -> Result<Value, Error>;

/// Where a native of `_looplab` goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// A method of `_asyncio.Future`.
    Future,
    /// The getter of a `Future` property.
    FutureGet,
    /// The setter of the `Future` property of the same name.
    FutureSet,
    /// A method of `_asyncio.Task`.
    Task,
    /// A function of the module.
    Module,
}

/// Defines the natives of `_looplab`, one `Slot "python_name" => fn
/// rust_name(vm, shared, args, kwargs) { body }` each, and the table
/// [`build_module`] installs them from (`natives::NATIVES`, in order).
macro_rules! natives {
    ($(
        $(#[$attr:meta])*
        $slot:ident $py:literal => fn $name:ident($vm:ident, $shared:ident, $args:ident, $kw:ident) $body:block
    )*) => {
        $(
            $(#[$attr])*
            fn $name(
                $vm: &mut Vm,
                $shared: &Shared,
                $args: &[Value],
                $kw: &[(Name, Value)],
            ) -> Result<Value, Error> $body
        )*

        /// Every native: where it goes, its Python name, its body.
        pub(super) const NATIVES: &[(Slot, &str, NativeBody)] = &[$((Slot::$slot, $py, $name)),*];
    };
}

mod driver;
mod natives;
mod why;
pub(crate) use why::wait_reason;

pub(crate) use driver::*;

fn native(vm: &mut Vm, shared: &Shared, name: &str, body: NativeBody) -> Value {
    let sh = shared.clone();
    vm.native_fn(name, move |vm, args, kwargs| body(vm, &sh, args, kwargs))
}

/// The natives of one slot, in table order.
fn natives_of(slot: Slot) -> impl Iterator<Item = (&'static str, NativeBody)> {
    natives::NATIVES
        .iter()
        .filter(move |(s, _, _)| *s == slot)
        .map(|&(_, name, body)| (name, body))
}

fn build_module(vm: &mut Vm, shared: &Shared) -> Result<Value, Error> {
    let (module, g) = vm.new_module("_looplab");
    let mut methods = Vec::new();
    for (name, body) in natives_of(Slot::Future) {
        methods.push((name, native(vm, shared, name, body)));
    }
    for (name, get) in natives_of(Slot::FutureGet) {
        let fget = native(vm, shared, name, get);
        let fset = match natives_of(Slot::FutureSet).find(|(n, _)| *n == name) {
            Some((_, set)) => native(vm, shared, name, set),
            None => Value::None,
        };
        methods.push((name, Value::Property(Rc::new([fget, fset, Value::None]))));
    }
    let future_cls = vm.new_native_class("Future", "_asyncio", None, methods);
    let mut methods = Vec::new();
    for (name, body) in natives_of(Slot::Task) {
        methods.push((name, native(vm, shared, name, body)));
    }
    let task_cls = vm.new_native_class("Task", "_asyncio", Some(future_cls.clone()), methods);
    {
        let mut st = state!(vm, shared);
        st.future_cls = Some(future_cls.clone());
        st.task_cls = Some(task_cls.clone());
    }
    g.set_str("Future", Value::Class(future_cls));
    g.set_str("Task", Value::Class(task_cls));
    for (name, body) in natives_of(Slot::Module) {
        let f = native(vm, shared, name, body);
        g.set_str(name, f);
    }
    Ok(module)
}

/// The running program thread blocks (see [`crate::aio::program_threads`]).
/// Called directly from bytecode, its fiber suspends and the session runs
/// the next thread. Called inside a native call (`list(executor.map(...))`,
/// `sorted(f.result() for f in fs)`), the fiber cannot suspend: the other
/// threads run here, nested, until this one is woken. Returns what the
/// blocking call returns (`True` woken, `False` timed out, `None` for a
/// sleep). `reason` says what it waits for (`WaitReason::Sleep`: in
/// `time.sleep`).
pub(crate) fn block_program_thread(
    vm: &mut Vm,
    shared: &Shared,
    until: Option<u64>,
    reason: Option<crate::trace::WaitReason>,
) -> Result<Value, Error> {
    let sleeping = reason == Some(crate::trace::WaitReason::Sleep);
    let (me, direct) = {
        let mut st = state!(vm, shared);
        st.prog.block(until, sleeping);
        let thread = st.prog.current as u32;
        st.lp.emit(EventKind::ProgramThreadBlocked {
            thread,
            until_ns: until,
            reason,
        });
        (
            st.prog.current,
            vm.nesting <= 1 && on_program_thread(vm, &st),
        )
    };
    if direct {
        return Err(Error::Suspend(THREAD_BLOCK));
    }
    state!(vm, shared).prog.nested.push(me);
    let fuel = vm.fuel_until.take();
    let r = run_nested_threads(vm, shared, me);
    vm.fuel_until = fuel;
    state!(vm, shared).prog.nested.pop();
    r
}

fn run_nested_threads(vm: &mut Vm, shared: &Shared, me: usize) -> Result<Value, Error> {
    use crate::aio::program_threads::Next;
    loop {
        let (tid, send, fiber) = {
            let mut st = state!(vm, shared);
            let Next::Run { tid, now } = st.next_thread() else {
                drop(st);
                return Err(hang(shared));
            };
            if now > st.lp.now() {
                st.note_gil(None);
            }
            st.lp.advance_to(now);
            vm.clock_ns = st.lp.now();
            enter_thread(vm, &mut st, tid);
            st.lp
                .emit(EventKind::ProgramThreadRuns { thread: tid as u32 });
            st.note_gil(Some(tid));
            vm.gil_clear();
            let t = &st.prog.threads[tid];
            let send = if t.sleeping {
                Value::None
            } else {
                Value::Bool(t.result)
            };
            if tid == me {
                let fiber = match me {
                    0 => st.main_fiber,
                    t => st.prog.threads[t].fiber,
                };
                if let Some(f) = fiber {
                    vm.gil_arm(f);
                }
                return Ok(send);
            }
            if st.prog.nested.contains(&tid) {
                drop(st);
                return Err(vm.runtime_error(
                    "Looplab: two threads are blocked inside builtin calls (such as list() \
                     or sorted() over a generator that waits); the second one cannot be \
                     resumed before the first: not supported yet (#15)",
                ));
            }
            (tid, send, st.prog.threads[tid].fiber)
        };
        let Some(fiber) = fiber else {
            return Err(Error::Internal(format!("no fiber for thread {tid}")));
        };
        vm.reset_slice();
        vm.gil_arm(fiber);
        match vm.fiber_resume(fiber, send) {
            // CPU model: its switch interval is used up at a switch point:
            // the others ready run first (nested, it always goes round).
            Err(Error::Paused) if vm.take_switch_due() => {
                let mut st = state!(vm, shared);
                let now = st.lp.now();
                st.prog.wake_expired(now);
                st.prog.yield_now();
            }
            Ok(crate::vm::FiberStep::Suspended(Value::Bool(true))) => {}
            Ok(crate::vm::FiberStep::Done(_)) => {
                let mut st = state!(vm, shared);
                st.prog.finish();
                st.lp
                    .emit(EventKind::ProgramThreadEnded { thread: tid as u32 });
            }
            Ok(crate::vm::FiberStep::Suspended(_)) => {
                return Err(vm.runtime_error(
                    "Looplab: an event loop in a threading.Thread is not supported yet (#15)",
                ))
            }
            Ok(crate::vm::FiberStep::Raised(e)) => return Err(Error::Exception(e)),
            Err(e) => return Err(e),
        }
        state!(vm, shared).prog.current = me;
    }
}
