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

use super::{
    Callback, CoroStep, DoneCallback, Drain, EventLoop, ExecutorId, FutState, FutureError, Host,
    Resume, Todo,
};
use crate::ast::Name;
use crate::run::OutputChunk;
use crate::trace::{EventKind, FutureId, TaskId, ThreadId};
use crate::vm::{Class, Error, GenKind, GenStep, Stream, Value, Vm};

/// The asyncio prelude (Python source, compiled on first `import asyncio`).
pub const PRELUDE: &str = include_str!("../library/modules/asyncio.py");

/// `contextlib` (contextmanager, asynccontextmanager, suppress,
/// nullcontext), needed by `async with` lessons.
pub const CONTEXTLIB: &str = include_str!("../library/modules/contextlib.py");

/// File name of the prelude in tracebacks.
pub const PRELUDE_FILE: &str = "<asyncio>";

/// `concurrent.futures` as seen by programs.
const CONCURRENT_FUTURES: &str = "from asyncio import ThreadPoolExecutor\n\
from asyncio import CancelledError\n\
from asyncio import TimeoutError\n\
FIRST_COMPLETED = 'FIRST_COMPLETED'\n\
FIRST_EXCEPTION = 'FIRST_EXCEPTION'\n\
ALL_COMPLETED = 'ALL_COMPLETED'\n";

/// Marker message of the `Error::Limit` that unwinds the program when the
/// loop hangs (the run then ends with [`crate::run::Ending::Hang`]).
pub const HANG: &str = "\u{0}looplab-hang";

/// A task step running at least this many instructions is recorded as
/// blocking the loop (`LoopBlocked` with `BlockReason::Cpu`).
pub const CPU_SLICE_WARNING: u64 = 1_000_000;

/// Payload of Future and Task instances: the id in the core's arena.
pub(crate) struct FutRef(pub FutureId);

/// Everything the natives share.
pub(crate) struct Aio {
    /// The loop core.
    pub lp: EventLoop<Value>,
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
    pub coro_defs: std::collections::HashMap<TaskId, (Rc<str>, u32)>,
    /// The fiber running the main program (when run by a
    /// [`crate::run::Session`]): `run_forever` suspends it and the session
    /// drives the loop at top level, where the VM can pause.
    pub main_fiber: Option<crate::vm::FiberId>,
    /// The VM fiber running each worker thread's current job.
    pub fibers: std::collections::HashMap<ThreadId, crate::vm::FiberId>,
}

pub(crate) type Shared = Rc<RefCell<Aio>>;

impl Aio {
    /// Takes every value the natives share (the loop's, the registered
    /// classes, the loop object), for the VM's teardown at the end of a run.
    pub(crate) fn take_values(&mut self) -> Vec<Value> {
        let mut out = self.lp.take_values();
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
        out
    }
}

impl Aio {
    pub(crate) fn new(record: bool, filename: &str) -> Aio {
        Aio {
            lp: EventLoop::new(record),
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
            coro_defs: std::collections::HashMap::new(),
            main_fiber: None,
        }
    }
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
            Ok(s) => s,
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
    let id = need_fut(vm, fut)?;
    let (state, name, coro, waiter, def) = {
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
        )
    };
    let kind = if name.is_some() { "Task" } else { "Future" };
    let mut out = format!("<{kind} ");
    out.push_str(match state {
        Some(FutState::Pending) | None => "pending",
        Some(FutState::Cancelled) => "cancelled",
        Some(_) => "finished",
    });
    if let Some(name) = &name {
        out.push_str(&format!(" name='{name}'"));
    }
    if let Some(Value::Gen(g)) = &coro {
        let done = !matches!(state, Some(FutState::Pending) | None);
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
            if let Ok(mut st) = sh.try_borrow_mut() {
                // Attribute earlier output (sys.stdout.write...) first.
                let task = st.lp.current_task();
                drain_output(vm, &mut st, task, 0);
            }
            let r = vm.call(&original, args.to_vec(), kwargs.to_vec());
            if let Ok(mut st) = sh.try_borrow_mut() {
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
    } else if ns >= u64::MAX as f64 {
        u64::MAX
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

fn native(vm: &mut Vm, shared: &Shared, name: &str, body: NativeBody) -> Value {
    let sh = shared.clone();
    vm.native_fn(name, move |vm, args, kwargs| body(vm, &sh, args, kwargs))
}

fn build_module(vm: &mut Vm, shared: &Shared) -> Result<Value, Error> {
    let (module, g) = vm.new_module("_looplab");
    let future_methods: Vec<(&str, NativeBody)> = vec![
        ("__init__", fut_init),
        ("result", fut_result),
        ("exception", fut_exception),
        ("done", fut_done),
        ("cancelled", fut_cancelled),
        ("cancel", fut_cancel),
        ("add_done_callback", fut_add_done_callback),
        ("remove_done_callback", fut_remove_done_callback),
        ("set_result", fut_set_result),
        ("set_exception", fut_set_exception),
        ("get_loop", fut_get_loop),
        ("_make_cancelled_error", fut_make_cancelled_error),
        ("__repr__", fut_repr),
    ];
    let mut methods = Vec::new();
    for (name, body) in future_methods {
        methods.push((name, native(vm, shared, name, body)));
    }
    let props: Vec<(&str, NativeBody, Option<NativeBody>)> = vec![
        (
            "_asyncio_future_blocking",
            fut_get_blocking,
            Some(fut_set_blocking),
        ),
        ("_cancel_message", fut_get_cancel_message, None),
        ("_state", fut_get_state, None),
        (
            "_log_destroy_pending",
            fut_get_log_destroy,
            Some(fut_set_log_destroy),
        ),
    ];
    for (name, get, set) in props {
        let fget = native(vm, shared, name, get);
        let fset = match set {
            Some(s) => native(vm, shared, name, s),
            None => Value::None,
        };
        methods.push((name, Value::Property(Rc::new([fget, fset, Value::None]))));
    }
    let future_cls = vm.new_native_class("Future", "_asyncio", None, methods);
    let task_methods: Vec<(&str, NativeBody)> = vec![
        ("__init__", task_init),
        ("get_name", task_get_name),
        ("set_name", task_set_name),
        ("get_coro", task_get_coro),
        ("cancelling", task_cancelling),
        ("uncancel", task_uncancel),
    ];
    let mut methods = Vec::new();
    for (name, body) in task_methods {
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
    let functions: Vec<(&str, NativeBody)> = vec![
        ("register_exceptions", m_register_exceptions),
        ("bind_loop", m_bind_loop),
        ("create_future", m_create_future),
        ("create_task", m_create_task),
        ("current_task", m_current_task),
        ("all_tasks", m_all_tasks),
        ("call_soon", m_call_soon),
        ("call_at", m_call_at),
        ("cancel_handle", m_cancel_handle),
        ("now_ns", m_now_ns),
        ("ns", m_ns),
        ("run_forever", m_run_forever),
        ("stop", m_stop),
        ("add_stop_callback", m_add_stop_callback),
        ("remove_stop_callback", m_remove_stop_callback),
        ("label", m_label),
        ("sleep_future", m_sleep_future),
        ("make_gathering", m_make_gathering),
        ("gather_cancel_requested", m_gather_cancel_requested),
        ("set_log_destroy_pending", m_set_log_destroy_pending),
        ("iscoroutine", m_iscoroutine),
        ("iscoroutinefunction", m_iscoroutinefunction),
        ("isfuture", m_isfuture),
        ("new_executor", m_new_executor),
        ("submit", m_submit),
        ("shutdown_executor", m_shutdown_executor),
        ("drain", m_drain),
        ("clear_loop", m_clear_loop),
        ("report", m_report),
    ];
    for (name, body) in functions {
        let f = native(vm, shared, name, body);
        g.set_str(name, f);
    }
    Ok(module)
}

// ------------------------------------------------------------ Future methods

fn fut_init(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let obj = arg(args, 0);
    if fut_id_of(vm, &obj).is_some() {
        return Ok(Value::None);
    }
    let line = {
        let st = state!(vm, shared);
        user_line(vm, &st.filename)
    };
    let id = state!(vm, shared).lp.create_future("future", line);
    attach_payload(vm, shared, &obj, id)?;
    Ok(Value::None)
}

fn fut_result(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let obj = arg(args, 0);
    let id = need_fut(vm, &obj)?;
    match with_core(vm, shared, |lp, host| lp.result(host, id))? {
        Ok(v) => Ok(v),
        Err(e) => Err(future_error(vm, shared, &obj, e)),
    }
}

fn fut_exception(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let obj = arg(args, 0);
    let id = need_fut(vm, &obj)?;
    match with_core(vm, shared, |lp, host| lp.exception(host, id))? {
        Ok(v) => Ok(v.unwrap_or(Value::None)),
        Err(e) => Err(future_error(vm, shared, &obj, e)),
    }
}

fn fut_done(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let id = need_fut(vm, &arg(args, 0))?;
    Ok(Value::Bool(state!(vm, shared).lp.done(id)))
}

fn fut_cancelled(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let id = need_fut(vm, &arg(args, 0))?;
    Ok(Value::Bool(state!(vm, shared).lp.cancelled(id)))
}

fn fut_cancel(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let id = need_fut(vm, &arg(args, 0))?;
    let msg = args.get(1).cloned().or_else(|| kwarg(kw, "msg"));
    let msg = msg.filter(|m| !m.is_none());
    let done = with_core(vm, shared, |lp, host| lp.cancel(host, id, msg))?;
    Ok(Value::Bool(done))
}

fn fut_add_done_callback(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let id = need_fut(vm, &arg(args, 0))?;
    let func = arg(args, 1);
    with_core(vm, shared, |lp, host| {
        lp.add_done_callback(host, id, DoneCallback::Call(func))
    })?;
    Ok(Value::None)
}

fn fut_remove_done_callback(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let id = need_fut(vm, &arg(args, 0))?;
    let func = arg(args, 1);
    let n = state!(vm, shared)
        .lp
        .remove_done_callback(id, |cb| same_callable(cb, &func));
    Ok(Value::Int(n as i64))
}

fn fut_set_result(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let obj = arg(args, 0);
    let id = need_fut(vm, &obj)?;
    let value = arg(args, 1);
    match with_core(vm, shared, |lp, host| lp.set_result(host, id, value))? {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(future_error(vm, shared, &obj, e)),
    }
}

fn fut_set_exception(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let obj = arg(args, 0);
    let id = need_fut(vm, &obj)?;
    let mut exc = arg(args, 1);
    if let Value::Class(c) = &exc {
        let c = c.clone();
        exc = vm.call(&Value::Class(c), vec![], vec![])?;
    }
    let stop = vm.types.stop_iteration.clone();
    if vm.class_of(&exc).is_subclass(&stop) && Rc::ptr_eq(&vm.class_of(&exc), &stop) {
        return Err(vm.type_error(
            "StopIteration interacts badly with generators and cannot be raised into a Future",
        ));
    }
    match with_core(vm, shared, |lp, host| lp.set_exception(host, id, exc))? {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(future_error(vm, shared, &obj, e)),
    }
}

fn fut_get_loop(
    vm: &mut Vm,
    shared: &Shared,
    _args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    Ok(state!(vm, shared).loop_obj.clone().unwrap_or(Value::None))
}

fn fut_make_cancelled_error(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let id = need_fut(vm, &arg(args, 0))?;
    with_core(vm, shared, |lp, host| lp.make_cancelled_error(host, id))
}

fn fut_repr(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let r = future_repr(vm, shared, &arg(args, 0))?;
    Ok(Value::str(&r))
}

fn fut_get_blocking(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let id = need_fut(vm, &arg(args, 0))?;
    Ok(Value::Bool(state!(vm, shared).lp.blocking(id)))
}

fn fut_set_blocking(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let id = need_fut(vm, &arg(args, 0))?;
    let on = matches!(arg(args, 1), Value::Bool(true));
    state!(vm, shared).lp.set_blocking(id, on);
    Ok(Value::None)
}

fn fut_get_cancel_message(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let id = need_fut(vm, &arg(args, 0))?;
    Ok(state!(vm, shared)
        .lp
        .cancel_message(id)
        .cloned()
        .unwrap_or(Value::None))
}

fn fut_get_state(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let id = need_fut(vm, &arg(args, 0))?;
    let s = match state!(vm, shared).lp.future_state(id) {
        Some(FutState::Pending) | None => "PENDING",
        Some(FutState::Cancelled) => "CANCELLED",
        Some(_) => "FINISHED",
    };
    Ok(Value::str(s))
}

fn fut_get_log_destroy(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let id = need_fut(vm, &arg(args, 0))?;
    let pending = state!(vm, shared)
        .lp
        .destroyed_pending_tasks()
        .contains(&id);
    Ok(Value::Bool(pending))
}

fn fut_set_log_destroy(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let id = need_fut(vm, &arg(args, 0))?;
    let on = matches!(arg(args, 1), Value::Bool(true));
    state!(vm, shared).lp.set_log_destroy_pending(id, on);
    Ok(Value::None)
}

// -------------------------------------------------------------- Task methods

fn coro_name(coro: &Value) -> String {
    match coro {
        Value::Gen(g) => g.qualname.to_string(),
        _ => "coroutine".into(),
    }
}

fn new_task(
    vm: &mut Vm,
    shared: &Shared,
    coro: Value,
    name: Option<String>,
    obj: Option<Value>,
) -> Result<Value, Error> {
    if !matches!(&coro, Value::Gen(_)) {
        let r = safe_repr(vm, &coro, 0);
        return Err(vm.type_error(format!("a coroutine was expected, got {r}")));
    }
    let cname = coro_name(&coro);
    let line = {
        let st = state!(vm, shared);
        user_line(vm, &st.filename)
    };
    let def = match &coro {
        Value::Gen(g) => g
            .frame
            .borrow()
            .as_ref()
            .map(|f| (Rc::from(&*f.code.filename), f.code.firstlineno)),
        _ => None,
    };
    let id = with_core(vm, shared, |lp, host| {
        lp.create_task(host, coro, name, &cname, line)
    })?;
    if let Some(def) = def {
        state!(vm, shared).coro_defs.insert(id, def);
    }
    match obj {
        Some(obj) => {
            attach_payload(vm, shared, &obj, id)?;
            Ok(obj)
        }
        None => make_future_obj(vm, shared, id, true),
    }
}

fn task_init(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let obj = arg(args, 0);
    let coro = args
        .get(1)
        .cloned()
        .or_else(|| kwarg(kw, "coro"))
        .unwrap_or(Value::None);
    let name = match kwarg(kw, "name") {
        Some(Value::None) | None => None,
        Some(v) => Some(vm.str_of(&v)?),
    };
    new_task(vm, shared, coro, name, Some(obj))?;
    Ok(Value::None)
}

fn task_get_name(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let id = need_fut(vm, &arg(args, 0))?;
    let name = state!(vm, shared)
        .lp
        .task_name(id)
        .unwrap_or("")
        .to_string();
    Ok(Value::str(&name))
}

fn task_set_name(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let id = need_fut(vm, &arg(args, 0))?;
    let name = vm.str_of(&arg(args, 1))?;
    state!(vm, shared).lp.set_task_name(id, name);
    Ok(Value::None)
}

fn task_get_coro(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let id = need_fut(vm, &arg(args, 0))?;
    Ok(state!(vm, shared)
        .lp
        .task_coro(id)
        .cloned()
        .unwrap_or(Value::None))
}

fn task_cancelling(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let id = need_fut(vm, &arg(args, 0))?;
    Ok(Value::Int(i64::from(state!(vm, shared).lp.cancelling(id))))
}

fn task_uncancel(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let id = need_fut(vm, &arg(args, 0))?;
    Ok(Value::Int(i64::from(state!(vm, shared).lp.uncancel(id))))
}

// ----------------------------------------------------------- _looplab module

fn m_register_exceptions(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let mut st = state!(vm, shared);
    if let Value::Class(c) = arg(args, 0) {
        st.cancelled_error = Some(c);
    }
    if let Value::Class(c) = arg(args, 1) {
        st.invalid_state_error = Some(c);
    }
    Ok(Value::None)
}

fn m_bind_loop(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    state!(vm, shared).loop_obj = Some(arg(args, 0));
    Ok(Value::None)
}

fn m_create_future(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let label = match arg(args, 0) {
        Value::Str(s) => s.to_string(),
        _ => "future".into(),
    };
    let line = {
        let st = state!(vm, shared);
        user_line(vm, &st.filename)
    };
    let id = state!(vm, shared).lp.create_future(&label, line);
    make_future_obj(vm, shared, id, false)
}

fn m_create_task(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let name = match arg(args, 1) {
        Value::None => None,
        v => Some(vm.str_of(&v)?),
    };
    new_task(vm, shared, arg(args, 0), name, None)
}

fn m_current_task(
    vm: &mut Vm,
    shared: &Shared,
    _args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let st = state!(vm, shared);
    Ok(st
        .lp
        .current_task()
        .and_then(|t| st.lp.future_obj(t).cloned())
        .unwrap_or(Value::None))
}

fn m_all_tasks(
    vm: &mut Vm,
    shared: &Shared,
    _args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let st = state!(vm, shared);
    let tasks: Vec<Value> = st
        .lp
        .pending_tasks()
        .into_iter()
        .filter_map(|t| st.lp.future_obj(t).cloned())
        .collect();
    Ok(Value::list(tasks))
}

fn tuple_items(v: &Value) -> Vec<Value> {
    match v {
        Value::Tuple(t) => t.to_vec(),
        Value::List(l) => l.borrow().clone(),
        Value::None => vec![],
        other => vec![other.clone()],
    }
}

fn m_call_soon(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let func = arg(args, 0);
    let cargs = tuple_items(&arg(args, 1));
    let id = with_core(vm, shared, |lp, host| {
        lp.call_soon(
            host,
            Callback::Call {
                func,
                args: cargs,
                fut: None,
            },
        )
    })?;
    Ok(Value::Int(i64::from(id)))
}

fn m_call_at(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let when = match arg(args, 0) {
        Value::Int(n) => n.max(0) as u64,
        _ => return Err(vm.type_error("call_at: when_ns must be an int")),
    };
    let func = arg(args, 1);
    let cargs = tuple_items(&arg(args, 2));
    let id = with_core(vm, shared, |lp, host| {
        lp.call_at(
            host,
            when,
            Callback::Call {
                func,
                args: cargs,
                fut: None,
            },
        )
    })?;
    Ok(Value::Int(i64::from(id)))
}

fn m_cancel_handle(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    if let Value::Int(id) = arg(args, 0) {
        state!(vm, shared).lp.cancel_handle(id as u32);
    }
    Ok(Value::None)
}

fn m_now_ns(
    vm: &mut Vm,
    shared: &Shared,
    _args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    Ok(Value::Int(state!(vm, shared).lp.now() as i64))
}

fn m_ns(
    vm: &mut Vm,
    _shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let secs = match arg(args, 0) {
        Value::Int(n) => n as f64,
        Value::Bool(b) => f64::from(u8::from(b)),
        Value::Float(x) => x,
        other => {
            let t = vm.type_name(&other);
            return Err(vm.type_error(format!(
                "unsupported operand type(s) for +: 'float' and '{t}'"
            )));
        }
    };
    Ok(Value::Int(ns_of(secs) as i64))
}

fn m_stop(
    vm: &mut Vm,
    shared: &Shared,
    _args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    state!(vm, shared).lp.stop();
    Ok(Value::None)
}

fn m_add_stop_callback(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let id = need_fut(vm, &arg(args, 0))?;
    with_core(vm, shared, |lp, host| {
        lp.add_done_callback(host, id, DoneCallback::StopLoop)
    })?;
    Ok(Value::None)
}

fn m_remove_stop_callback(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let id = need_fut(vm, &arg(args, 0))?;
    state!(vm, shared).lp.remove_stop_callback(id);
    Ok(Value::None)
}

fn m_label(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let id = need_fut(vm, &arg(args, 0))?;
    let label = match arg(args, 1) {
        Value::Str(s) => s.to_string(),
        _ => "future".into(),
    };
    let until = match arg(args, 2) {
        Value::Int(n) => Some(n.max(0) as u64),
        _ => None,
    };
    state!(vm, shared).lp.label_future(id, &label, until);
    Ok(Value::None)
}

/// `sleep_future(delay, result) -> (future, handle id)`: asyncio.sleep's
/// future and timer in one native call (the hot path of most lessons).
fn m_sleep_future(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let secs = match arg(args, 0) {
        Value::Int(n) => n as f64,
        Value::Bool(b) => f64::from(u8::from(b)),
        Value::Float(x) => x,
        other => {
            let t = vm.type_name(&other);
            return Err(vm.type_error(format!(
                "'<=' not supported between instances of '{t}' and 'int'"
            )));
        }
    };
    let value = arg(args, 1);
    let line = {
        let st = state!(vm, shared);
        user_line(vm, &st.filename)
    };
    let (fut, h) = with_core(vm, shared, |lp, host| {
        lp.sleep_future(host, ns_of(secs), value, line)
    })?;
    let obj = make_future_obj(vm, shared, fut, false)?;
    Ok(Value::tuple(vec![obj, Value::Int(i64::from(h))]))
}

fn m_make_gathering(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let id = need_fut(vm, &arg(args, 0))?;
    let mut children = Vec::new();
    for c in tuple_items(&arg(args, 1)) {
        children.push(need_fut(vm, &c)?);
    }
    state!(vm, shared).lp.make_gathering(id, children);
    Ok(Value::None)
}

fn m_gather_cancel_requested(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let id = need_fut(vm, &arg(args, 0))?;
    Ok(Value::Bool(
        state!(vm, shared).lp.gather_cancel_requested(id),
    ))
}

fn m_set_log_destroy_pending(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    fut_set_log_destroy(vm, shared, args, &[])
}

fn m_iscoroutine(
    _vm: &mut Vm,
    _shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let is = matches!(&arg(args, 0), Value::Gen(g) if g.kind == GenKind::Coroutine);
    Ok(Value::Bool(is))
}

/// `asyncio.iscoroutinefunction(f)`: an `async def` function (not an async
/// generator), or a bound method of one.
fn m_iscoroutinefunction(
    _vm: &mut Vm,
    _shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let mut f = arg(args, 0);
    if let Value::Method(m) = &f {
        f = m.1.clone(); // (self, function)
    }
    let is = matches!(&f, Value::Function(func) if func.code.kind == crate::compile::code::CodeKind::Coroutine);
    Ok(Value::Bool(is))
}

fn m_isfuture(
    vm: &mut Vm,
    _shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    Ok(Value::Bool(fut_id_of(vm, &arg(args, 0)).is_some()))
}

fn executor_id(vm: &mut Vm, executor: &Value) -> Result<ExecutorId, Error> {
    let name = vm.intern("_id");
    match vm.getattr(executor, &name)? {
        Value::Int(n) if n >= 0 => Ok(n as ExecutorId),
        _ => Err(
            vm.type_error("an executor made by concurrent.futures.ThreadPoolExecutor was expected")
        ),
    }
}

fn m_new_executor(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let max = match arg(args, 0) {
        Value::Int(n) => n.clamp(1, 1024) as u32,
        _ => super::DEFAULT_MAX_WORKERS,
    };
    let prefix = match arg(args, 1) {
        Value::Str(s) => s.to_string(),
        _ => String::new(),
    };
    let id = state!(vm, shared).lp.new_executor(max, prefix);
    Ok(Value::Int(i64::from(id)))
}

fn m_submit(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let ex = executor_id(vm, &arg(args, 0))?;
    let func = arg(args, 1);
    let fargs = tuple_items(&arg(args, 2));
    let line = {
        let st = state!(vm, shared);
        user_line(vm, &st.filename)
    };
    let fut = state!(vm, shared).lp.create_future("thread job", line);
    let obj = make_future_obj(vm, shared, fut, false)?;
    with_core(vm, shared, |lp, host| {
        lp.submit_job(host, ex, func, fargs, fut)
    })?;
    Ok(obj)
}

fn m_shutdown_executor(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let ex = executor_id(vm, &arg(args, 0))?;
    let fut = need_fut(vm, &arg(args, 1))?;
    state!(vm, shared).lp.shutdown_executor(ex, fut);
    Ok(Value::None)
}

fn m_drain(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let ex = executor_id(vm, &arg(args, 0))?;
    drain_threads(vm, shared, Some(ex))?;
    Ok(Value::None)
}

fn m_clear_loop(
    vm: &mut Vm,
    shared: &Shared,
    _args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    state!(vm, shared).lp.clear();
    Ok(Value::None)
}

fn m_report(
    vm: &mut Vm,
    shared: &Shared,
    args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    let message = vm.str_of(&arg(args, 0))?;
    let exc = arg(args, 1);
    let mut text = message.clone();
    text.push('\n');
    let line = if exc.is_none() {
        0
    } else {
        text.push_str(&vm.format_exception(&exc));
        raised_at(vm, shared, &exc)
    };
    report_stderr(vm, shared, &message, &text, line)?;
    Ok(Value::None)
}

/// Writes a loop warning to stderr and records it in the trace, with the
/// program line it is about (0: none).
pub(crate) fn report_stderr(
    vm: &mut Vm,
    shared: &Shared,
    summary: &str,
    text: &str,
    line: u32,
) -> Result<(), Error> {
    {
        let mut st = state!(vm, shared);
        let task = st.lp.current_task();
        drain_output(vm, &mut st, task, 0);
        st.lp.emit(EventKind::Warning {
            text: summary.to_string(),
            line,
        });
    }
    vm.write(Stream::Stderr, text)?;
    let mut st = state!(vm, shared);
    let task = st.lp.current_task();
    drain_output(vm, &mut st, task, 0);
    Ok(())
}

// -------------------------------------------------------------- the driver

/// `loop.run_forever()`: runs loop iterations until `stop()` takes effect.
fn m_run_forever(
    vm: &mut Vm,
    shared: &Shared,
    _args: &[Value],
    _kw: &[(Name, Value)],
) -> Result<Value, Error> {
    {
        let mut st = state!(vm, shared);
        if st.running {
            drop(st);
            return Err(vm.runtime_error("This event loop is already running"));
        }
        st.running = true;
        let task = st.lp.current_task();
        let line = user_line(vm, &st.filename);
        drain_output(vm, &mut st, task, line);
        if st.main_fiber.is_some() && vm.current_fiber == st.main_fiber {
            // The session runs the loop at top level and resumes the main
            // program (with None) once the loop stops.
            return Err(Error::Suspend(Value::None));
        }
    }
    let r = run_loop(vm, shared);
    if let Ok(mut st) = shared.try_borrow_mut() {
        st.running = false;
    }
    r.map(|()| Value::None)
}

/// The next thing the loop must do (see [`EventLoop::next_action`]).
pub(crate) fn next_todo(vm: &mut Vm, shared: &Shared) -> Result<Todo<Value>, Error> {
    let mut st = state!(vm, shared);
    // Finished futures nothing refers to any more are freed, as in CPython.
    let freed = st
        .lp
        .release_finished(|v| matches!(v, Value::Instance(i) if Rc::strong_count(i) == 1));
    if freed > 0 {
        let lp = &st.lp;
        let live: std::collections::HashSet<TaskId> = st
            .coro_defs
            .keys()
            .copied()
            .filter(|&id| lp.is_task(id))
            .collect();
        st.coro_defs.retain(|id, _| live.contains(id));
    }
    let cancelled = st.cancelled_error.clone();
    let mut host = VmHost { vm, cancelled };
    let todo = st.lp.next_action(&mut host);
    vm.clock_ns = st.lp.now();
    Ok(todo)
}

/// The loop hangs: unwinds the program with the [`HANG`] marker.
pub(crate) fn hang(shared: &Shared) -> Error {
    if let Ok(mut st) = shared.try_borrow_mut() {
        st.hang = true;
    }
    Error::Limit(HANG.into())
}

fn run_loop(vm: &mut Vm, shared: &Shared) -> Result<(), Error> {
    loop {
        match next_todo(vm, shared)? {
            Todo::Step { task, coro, resume } => {
                let before = vm.instructions;
                let r = vm.resume(&coro, vm_resume(resume));
                step_finish(vm, shared, task, &coro, r, before)?;
            }
            Todo::Call { func, args } => {
                let r = vm.call(&func, args, vec![]);
                call_finish(vm, shared, &func, r)?;
            }
            Todo::StartJob {
                thread, func, args, ..
            } => {
                let fiber = thread_begin(vm, shared, thread, Some((func, args)))?;
                let r = vm.fiber_resume(fiber, Value::None);
                thread_finish(vm, shared, thread, r)?;
            }
            Todo::ResumeThread { thread } => {
                let fiber = thread_begin(vm, shared, thread, None)?;
                let r = vm.fiber_resume(fiber, Value::None);
                thread_finish(vm, shared, thread, r)?;
            }
            Todo::Stopped => return Ok(()),
            Todo::Hang => return Err(hang(shared)),
        }
    }
}

/// The VM's resume for a core resume.
pub(crate) fn vm_resume(resume: Resume<Value>) -> crate::vm::Resume {
    match resume {
        Resume::Send(v) => crate::vm::Resume::Send(v),
        Resume::Throw(e) => crate::vm::Resume::Throw(e),
    }
}

/// Ends a callback handle: a raised exception goes to the loop's
/// exception handler ("Exception in callback ..."), as in CPython.
pub(crate) fn call_finish(
    vm: &mut Vm,
    shared: &Shared,
    func: &Value,
    r: Result<Value, Error>,
) -> Result<(), Error> {
    vm.reset_slice();
    match r {
        Ok(_) => {}
        Err(Error::Exception(exc)) => {
            let summary = format!("Exception in callback {}", callable_name(func));
            let mut text = format!("{summary}()\nhandle: <Handle {}()>\n", callable_name(func));
            text.push_str(&vm.format_exception(&exc));
            let line = raised_at(vm, shared, &exc);
            report_stderr(vm, shared, &summary, &text, line)?;
        }
        Err(other) => return Err(other),
    }
    report_never_awaited(vm, shared);
    let mut st = state!(vm, shared);
    drain_output(vm, &mut st, None, 0);
    st.lp.call_done();
    Ok(())
}

/// Ends one `Task.__step`: tells the core what the coroutine did.
/// `before` is the VM's instruction count when the step began.
pub(crate) fn step_finish(
    vm: &mut Vm,
    shared: &Shared,
    task: TaskId,
    coro: &Value,
    r: Result<GenStep, Error>,
    before: u64,
) -> Result<(), Error> {
    let ran = vm.instructions.saturating_sub(before);
    vm.reset_slice();
    let step = match r {
        Ok(GenStep::Yielded(v)) => match fut_id_of(vm, &v) {
            Some(id) => CoroStep::YieldedFuture(id),
            None if v.is_none() => CoroStep::YieldedNone,
            None => CoroStep::YieldedOther(v),
        },
        Ok(GenStep::Returned(v)) => CoroStep::Returned(v),
        Ok(GenStep::Raised(e)) | Err(Error::Exception(e)) => CoroStep::Raised(e),
        Err(e) => return Err(e),
    };
    let line = vm.gen_line(coro).unwrap_or(0);
    report_never_awaited(vm, shared);
    let mut st = state!(vm, shared);
    drain_output(vm, &mut st, Some(task), line);
    if ran >= CPU_SLICE_WARNING {
        // CPU takes no virtual time, but nothing else ran meanwhile.
        st.lp.emit(EventKind::LoopBlocked {
            task: Some(task),
            duration_ns: 0,
            reason: crate::trace::BlockReason::Cpu { instructions: ran },
            line,
        });
    }
    let cancelled = st.cancelled_error.clone();
    let mut host = VmHost { vm, cancelled };
    st.lp.task_step_end(&mut host, task, step, line);
    Ok(())
}

/// Prepares worker `thread` to run: a new fiber for a job (`start`), or
/// its parked fiber. Returns the fiber to resume.
pub(crate) fn thread_begin(
    vm: &mut Vm,
    shared: &Shared,
    thread: ThreadId,
    start: Option<(Value, Vec<Value>)>,
) -> Result<crate::vm::FiberId, Error> {
    let mut st = state!(vm, shared);
    st.current_thread = Some(thread);
    match start {
        Some((func, args)) => {
            let name = st.lp.thread_name(thread);
            let id = vm.fiber_new(func, args, &name);
            st.fibers.insert(thread, id);
            Ok(id)
        }
        None => match st.fibers.get(&thread) {
            Some(id) => Ok(*id),
            None => Err(Error::Internal(format!("no fiber for thread {thread}"))),
        },
    }
}

/// A worker's fiber stopped: it finished its job, raised, or parked.
pub(crate) fn thread_finish(
    vm: &mut Vm,
    shared: &Shared,
    thread: ThreadId,
    r: Result<crate::vm::FiberStep, Error>,
) -> Result<(), Error> {
    let mut st = state!(vm, shared);
    drain_output(vm, &mut st, None, 0);
    st.current_thread = None;
    let cancelled = st.cancelled_error.clone();
    let mut host = VmHost { vm, cancelled };
    match r {
        Ok(crate::vm::FiberStep::Done(v)) => st.lp.job_finished(&mut host, thread, Ok(v)),
        Ok(crate::vm::FiberStep::Raised(e)) => st.lp.job_finished(&mut host, thread, Err(e)),
        Ok(crate::vm::FiberStep::Suspended(_)) => {}
        Err(e) => return Err(e),
    }
    Ok(())
}

/// The main thread blocks until the executor (all when `None`) is idle.
pub(crate) fn drain_threads(
    vm: &mut Vm,
    shared: &Shared,
    executor: Option<ExecutorId>,
) -> Result<(), Error> {
    loop {
        let d = {
            let mut st = state!(vm, shared);
            let d = st.lp.drain_threads(executor);
            vm.clock_ns = st.lp.now();
            d
        };
        match d {
            Drain::Run(Todo::StartJob {
                thread, func, args, ..
            }) => {
                let fiber = thread_begin(vm, shared, thread, Some((func, args)))?;
                let r = vm.fiber_resume(fiber, Value::None);
                thread_finish(vm, shared, thread, r)?;
            }
            Drain::Run(Todo::ResumeThread { thread }) => {
                let fiber = thread_begin(vm, shared, thread, None)?;
                let r = vm.fiber_resume(fiber, Value::None);
                thread_finish(vm, shared, thread, r)?;
            }
            Drain::Run(_) | Drain::Done => return Ok(()),
            Drain::Hang => return Err(hang(shared)),
        }
    }
}

/// The warnings CPython prints when the program ends: coroutines never
/// awaited, task exceptions never retrieved, tasks destroyed while pending.
pub(crate) fn report_exit_warnings(vm: &mut Vm, shared: &Shared, ending: &crate::run::Ending) {
    report_never_awaited(vm, shared);
    // After a hang or a limit the program never reached its end in CPython
    // terms: reporting its tasks as "destroyed" would teach something false.
    if matches!(
        ending,
        crate::run::Ending::Hang | crate::run::Ending::Limit { .. }
    ) {
        return;
    }
    let (unretrieved, pending) = match shared.try_borrow() {
        Ok(st) => {
            let tasks: Vec<(FutureId, Option<Value>)> = st
                .lp
                .unretrieved_exceptions()
                .into_iter()
                .map(|id| (id, st.lp.future_obj(id).cloned()))
                .collect();
            let pending: Vec<Value> = st
                .lp
                .destroyed_pending_tasks()
                .into_iter()
                .filter_map(|id| st.lp.future_obj(id).cloned())
                .collect();
            (tasks, pending)
        }
        Err(_) => return,
    };
    for (id, obj) in unretrieved {
        let Some(obj) = obj else { continue };
        let is_task = shared.try_borrow().is_ok_and(|st| st.lp.is_task(id));
        let what = if is_task { "Task" } else { "Future" };
        let summary = format!("{what} exception was never retrieved");
        let r = future_repr(vm, shared, &obj).unwrap_or_default();
        let exc = match shared
            .try_borrow()
            .ok()
            .and_then(|st| st.lp.future_state(id).cloned())
        {
            Some(FutState::Exception(e)) => Some(e),
            _ => None,
        };
        let mut text = format!("{summary}\nfuture: {r}\n");
        if let Some(e) = exc {
            text.push_str(&vm.format_exception(&e));
        }
        let line = if is_task { task_line(shared, id) } else { 0 };
        let _ = report_stderr(vm, shared, &summary, &text, line);
    }
    for obj in pending {
        let summary = "Task was destroyed but it is pending!".to_string();
        let r = future_repr(vm, shared, &obj).unwrap_or_default();
        let text = format!("{summary}\ntask: {r}\n");
        let line = need_fut(vm, &obj).map_or(0, |id| task_line(shared, id));
        let _ = report_stderr(vm, shared, &summary, &text, line);
    }
}

/// "coroutine 'f' was never awaited" for coroutines dropped unstarted.
pub(crate) fn report_never_awaited(vm: &mut Vm, shared: &Shared) {
    let file = match shared.try_borrow() {
        Ok(st) => st.filename.clone(),
        Err(_) => return,
    };
    for coro in vm.take_never_awaited_at() {
        let summary = format!("coroutine '{}' was never awaited", coro.qualname);
        let text = format!("RuntimeWarning: {summary}\n");
        let line = if coro.filename == file { coro.line } else { 0 };
        let _ = report_stderr(vm, shared, &summary, &text, line);
    }
}
