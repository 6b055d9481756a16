//! The trace: everything the event loop did, as one flat list of events.
//!
//! A run of a Looplab program produces a [`Trace`]. The UI never re-runs a
//! program: it folds a prefix of the trace into a
//! [`Snapshot`](crate::snapshot::Snapshot) to show the loop's state at any
//! step. So the trace is *self-contained*: values appear as strings (their
//! reprs), tasks, futures, handles, jobs and thread lanes as small integers,
//! and every event carries its sequence number and the virtual time.
//!
//! Vocabulary (mirrors CPython 3.11 `Lib/asyncio`):
//! - a *handle* is one callback scheduled on the loop (`events.Handle` /
//!   `events.TimerHandle`), either in the ready queue (`call_soon`) or in the
//!   timer heap (`call_later` / `call_at`);
//! - a *task step* is one run of `Task.__step`: the task's coroutine is
//!   resumed and runs until it suspends at an `await` (or finishes);
//! - a *future* is an `asyncio.Future`; tasks are futures too, and share the
//!   same id space ([`TaskId`] and [`FutureId`] are both ids in it);
//! - a *job* is a function submitted to a worker thread (`to_thread`,
//!   `run_in_executor`), run on a *thread lane*.
//!
//! The format is versioned by [`TRACE_VERSION`]; bump it whenever an event
//! changes shape. Serialised with serde; enums are tagged with `"type"` so
//! the JSON reads naturally (`{"type":"ClockAdvanced","from_ns":0,...}`).

use serde::{Deserialize, Serialize};

/// Version of the trace format. Bumped whenever [`EventKind`] changes shape.
pub const TRACE_VERSION: u32 = 8;

/// Id of a task. Tasks are futures, so this is the task's [`FutureId`].
pub type TaskId = u32;
/// Id of a future (or of a task: same id space), from 1, in creation order.
pub type FutureId = u32;
/// Id of a scheduled callback (`Handle`/`TimerHandle`), from 1, in
/// scheduling order. Never reused within a run.
pub type HandleId = u32;
/// Id of a job submitted to a worker thread, from 1, in submission order.
pub type JobId = u32;
/// Id of a worker thread lane, from 1, in the order threads were started.
pub type ThreadId = u32;

/// A complete (or partial, while a run is live) trace.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Trace {
    /// [`TRACE_VERSION`] of the producer, so a stored trace can be rejected
    /// by an incompatible reader.
    pub version: u32,
    /// The events, in the order they happened (`events[i].seq == i`).
    pub events: Vec<Event>,
    /// Set when recording stopped early because the trace reached its
    /// size limit ([`Recorder::max_events`]); the run itself went on.
    #[serde(default)]
    pub truncated: bool,
}

impl Trace {
    /// An empty trace of the current version.
    pub fn new() -> Trace {
        Trace {
            version: TRACE_VERSION,
            events: Vec::new(),
            truncated: false,
        }
    }
}

/// One thing that happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Position in the trace (0-based, dense): lets a UI refer to an event
    /// stably, e.g. in a URL.
    pub seq: u32,
    /// Virtual time, in nanoseconds since the program started, at which the
    /// event happened.
    pub time_ns: u64,
    /// What happened.
    pub kind: EventKind,
}

/// What happened. Variants are named after what they mirror in CPython.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum EventKind {
    /// A future was created (`loop.create_future()`), with what it stands
    /// for, so that a task awaiting it can be described ("sleep until
    /// t=1.000", "lock", "queue.get"...).
    FutureCreated {
        /// The new future.
        fut: FutureId,
        /// What the future stands for: "future" for a plain one, or a label
        /// given by the asyncio layer: "sleep", "gather", "lock",
        /// "event.wait", "queue.get", "queue.put", "condition.wait",
        /// "semaphore", "shield", "thread job", "wait", "timeout"...
        label: String,
        /// Line of the program that caused the creation (0 if unknown).
        line: u32,
    },
    /// A future's label changed after creation (e.g. `asyncio.sleep`
    /// learns its deadline once the timer is armed).
    FutureLabeled {
        /// The future.
        fut: FutureId,
        /// New label (see [`EventKind::FutureCreated::label`]).
        label: String,
        /// For a "sleep", the virtual time at which it will be woken.
        until_ns: Option<u64>,
    },
    /// A task was created (`asyncio.create_task`, `ensure_future`,
    /// `gather` of coroutines, `TaskGroup.create_task`, `asyncio.run`...).
    /// Its first step is scheduled right after (a `HandleScheduled`).
    TaskCreated {
        /// The new task.
        task: TaskId,
        /// `task.get_name()`: "Task-1" or the `name=` given.
        name: String,
        /// The coroutine's name (`main`, `worker`...), for display.
        coro: String,
        /// The task that was running when this one was created, if any.
        parent: Option<TaskId>,
        /// Line of the program where it was created (0 if unknown).
        line: u32,
    },
    /// `task.set_name(name)` (also done by `create_task(name=...)` right
    /// after creating a default-named task, as in CPython).
    TaskRenamed {
        /// The task.
        task: TaskId,
        /// Its new name.
        name: String,
    },
    /// A callback was scheduled: appended to the ready queue (`when_ns` is
    /// `None`, `call_soon`) or pushed on the timer heap (`call_later` /
    /// `call_at`, `when_ns` is the deadline).
    HandleScheduled {
        /// The new handle.
        handle: HandleId,
        /// What running the handle will do.
        action: Action,
        /// `None`: ready queue. `Some(t)`: timer heap, due at virtual time t.
        when_ns: Option<u64>,
    },
    /// `handle.cancel()`: the handle stays where it is but will be skipped
    /// (timers are discarded when they reach the head of the heap).
    HandleCancelled {
        /// The cancelled handle.
        handle: HandleId,
    },
    /// A due timer moved from the timer heap to the back of the ready queue
    /// (in `_run_once`, after polling).
    TimerFired {
        /// The timer's handle.
        handle: HandleId,
    },
    /// A cancelled timer was dropped from the head of the timer heap.
    TimerDiscarded {
        /// The timer's handle.
        handle: HandleId,
    },
    /// Nothing was ready, so the virtual clock jumped to the next deadline
    /// (CPython would block in `select(timeout)`); also emitted when the
    /// loop's thread calls `time.sleep` (see [`EventKind::LoopBlocked`]).
    /// (With the CPU model, computing moves the clock too, silently: the
    /// events after it carry the later time.)
    ClockAdvanced {
        /// Time before.
        from_ns: u64,
        /// Time after.
        to_ns: u64,
    },
    /// `_run_once` began running the handles that were ready: exactly
    /// `ntodo` of them (handles scheduled meanwhile wait for the next
    /// iteration).
    IterationStarted {
        /// 1-based count of loop iterations in this run.
        iteration: u32,
        /// How many handles this iteration will pop (cancelled ones are
        /// popped and skipped).
        ntodo: u32,
    },
    /// A handle was popped from the ready queue and starts running. This
    /// begins a *step* (see [`crate::snapshot`]).
    HandleStarted {
        /// The handle.
        handle: HandleId,
    },
    /// A cancelled handle was popped from the ready queue and skipped.
    HandleSkipped {
        /// The handle.
        handle: HandleId,
    },
    /// The running handle returned. This ends a step.
    HandleFinished {
        /// The handle.
        handle: HandleId,
    },
    /// `Task.__step` resumed a task's coroutine.
    TaskStepStarted {
        /// The task.
        task: TaskId,
        /// Line where the coroutine resumes (the `await` it was suspended at,
        /// or the `def` line on its first step).
        line: u32,
        /// `None`: `coro.send(None)`. `Some(repr)`: `coro.throw(exc)`, with
        /// the exception thrown in (e.g. `CancelledError()`).
        throw: Option<String>,
    },
    /// The task's coroutine gave control back to the loop.
    TaskStepEnded {
        /// The task.
        task: TaskId,
        /// Line where it suspended or finished.
        line: u32,
        /// Why it stopped.
        outcome: StepOutcome,
    },
    /// Somebody asked for a task or future to be cancelled (`cancel(msg)`).
    CancelRequested {
        /// The task or future.
        fut: FutureId,
        /// `repr(msg)` if a message was given.
        msg: Option<String>,
        /// The task that asked (if any).
        by: Option<TaskId>,
    },
    /// A future (or task) became done.
    FutureResolved {
        /// The future.
        fut: FutureId,
        /// How.
        outcome: Resolution,
    },
    /// Something was printed (by a task, a callback, a worker thread or the
    /// main program).
    Print {
        /// The task running at the time, if any.
        task: Option<TaskId>,
        /// The worker thread that printed, if not the loop's thread.
        thread: Option<ThreadId>,
        /// The text written (may contain or lack newlines).
        text: String,
        /// Line of the `print` call (0 if unknown).
        line: u32,
        /// Written to stderr rather than stdout.
        stderr: bool,
    },
    /// The loop's thread was blocked: nothing else could run meanwhile.
    LoopBlocked {
        /// The task that blocked the loop, if any.
        task: Option<TaskId>,
        /// Virtual time lost (0 for a CPU-bound slice: CPU takes no virtual
        /// time in Looplab, but it still freezes every other task).
        duration_ns: u64,
        /// Why.
        reason: BlockReason,
        /// Line responsible.
        line: u32,
    },
    /// A function was submitted to a worker thread pool.
    JobSubmitted {
        /// The new job.
        job: JobId,
        /// The function's name, for display.
        func: String,
        /// The asyncio future that will get the job's result.
        fut: FutureId,
    },
    /// A worker thread started running a job.
    JobStarted {
        /// The job.
        job: JobId,
        /// The worker thread lane.
        thread: ThreadId,
    },
    /// A worker thread called `time.sleep`: only that thread is parked.
    ThreadParked {
        /// The thread lane.
        thread: ThreadId,
        /// Virtual time at which it wakes up.
        until_ns: u64,
    },
    /// A parked worker thread woke up and continues its job.
    ThreadResumed {
        /// The thread lane.
        thread: ThreadId,
    },
    /// A program thread (`threading.Thread`, a thread pool's thread used
    /// directly) was started: it is ready to run. (Version 2.)
    ProgramThreadStarted {
        /// Its index (0 is the main thread), in start order.
        thread: u32,
        /// Its name (`Thread-1 (f)`, `ThreadPoolExecutor-0_0`).
        name: String,
        /// Its process (0 is the main process; see `ProcessStarted`).
        /// (Version 3.)
        process: u32,
    },
    /// A process (`multiprocessing.Process`, a pool's worker) was started;
    /// its main thread follows as a `ProgramThreadStarted` with this
    /// `process`. (Version 3.)
    ProcessStarted {
        /// Its index (0 is the main process, never announced), in start
        /// order.
        process: u32,
        /// Its name (`Process-1`, `SpawnPoolWorker-2`).
        name: String,
    },
    /// A process ended (its threads are done). (Version 3.)
    ProcessExited {
        /// The process.
        process: u32,
        /// Its exit code (0, 1 after an uncaught exception, `sys.exit`'s).
        exitcode: i64,
    },
    /// The running program thread blocked (a lock, `join`, an event, a
    /// queue, a future, `time.sleep`, its loop's select).
    ProgramThreadBlocked {
        /// The thread.
        thread: u32,
        /// When a timed wait ends, if it is one.
        until_ns: Option<u64>,
        /// What it waits for, read off the blocking call (`None`: not
        /// known, or a trace recorded before version 5).
        #[serde(default)]
        reason: Option<WaitReason>,
    },
    /// A program thread runs (again): the scheduler picked it.
    ProgramThreadRuns {
        /// The thread.
        thread: u32,
    },
    /// A program thread finished.
    ProgramThreadEnded {
        /// The thread.
        thread: u32,
    },
    /// CPU model only (`Limits::cpu_model`): who holds a process's GIL and
    /// how busy the cores are, each time that changes. (Version 3.)
    CpuState {
        /// The process (0: the main process).
        process: u32,
        /// The program thread holding its GIL (`None`: no thread of it
        /// runs Python: all wait).
        gil: Option<u32>,
        /// Cores computing now.
        busy_cores: u32,
        /// Cores in all.
        cores: u32,
    },
    /// A job finished on its worker thread (its future is resolved later,
    /// from the loop, by a `call_soon_threadsafe` callback).
    JobFinished {
        /// The job.
        job: JobId,
        /// The thread lane.
        thread: ThreadId,
        /// Result repr or exception repr.
        outcome: Resolution,
    },
    /// A warning CPython would print to stderr ("coroutine 'f' was never
    /// awaited", "Task exception was never retrieved", "Task was destroyed
    /// but it is pending!"). Teaching moments.
    Warning {
        /// The warning's first line, as CPython prints it.
        text: String,
        /// The program line it is about, 0 if none: where a never-awaited
        /// coroutine was created, the `def` of a task whose exception was
        /// never retrieved, where a task destroyed while pending was
        /// parked (CPython's `defined at` / `running at`). Absent in
        /// traces recorded before it existed (read as 0).
        #[serde(default)]
        line: u32,
    },
    /// The run is over. Always the last event of a finished run.
    RunEnded {
        /// How it ended.
        ending: RunEnding,
    },
    /// A task's frames and their local variables, recorded only when the
    /// run asks for them (`Limits::inspect_frames`), at two moments:
    ///
    /// - when the task suspends (at an `await` of a pending future, or a
    ///   bare yield): its await chain, from the task's root coroutine
    ///   down to the innermost one, ending with the library call it waits
    ///   in (`sleep`); right before that step's
    ///   [`EventKind::TaskStepEnded`]. Since version 4.
    /// - in a run that also records lines (`Limits::record_lines`), right
    ///   before each [`EventKind::Line`] of the task (before its
    ///   [`EventKind::Globals`], if any), when they differ from the ones
    ///   last recorded for it: its running call stack, from the root
    ///   coroutine through the coroutines it awaits and the plain
    ///   functions it called down to the frame about to run that line,
    ///   with the values as they are before the line runs (so a line
    ///   step, which shows the fold up to and including its line event,
    ///   shows every variable the previous lines set). A plain function's
    ///   frame reads as a coroutine's: its `__qualname__`, the line it
    ///   runs (an outer frame: its call in progress), its locals. Only at
    ///   the first `Limits::max_line_frames` line events
    ///   ([`EventKind::LineFramesCapped`] then). Since version 8.
    TaskFrames {
        /// The task.
        task: TaskId,
        /// Its coroutine frames, outermost (the task's own coroutine) first.
        frames: Vec<FrameInfo>,
    },
    /// The program's module globals changed since they were last recorded:
    /// all of them now (see `Vm::main_globals` for which names count),
    /// recorded only when the run asks for frames
    /// (`Limits::inspect_frames`): right after a suspension's
    /// [`EventKind::TaskFrames`] (since version 7), and in a run that also
    /// records lines, right before a [`EventKind::Line`] (since version 8;
    /// any line: module-level code, a task's, a thread's).
    Globals {
        /// The globals, in the module's assignment order; a task or
        /// future's [`LocalVar::fut`] is set as a local's is.
        vars: Vec<LocalVar>,
    },
    /// The running task (or worker thread, or the main program outside
    /// any task) is about to run a line of the program: CPython's
    /// `sys.settrace` "line" event, reported when a frame starts a new line
    /// or jumps back to one (a loop's next round); a coroutine resuming
    /// after an `await` does not report that line again. Lines of library
    /// modules are not reported. Recorded only when the run asks for it
    /// (`Limits::record_lines`), at most `Limits::max_line_events` of them
    /// ([`EventKind::LinesCapped`] then). Since version 6. With frames
    /// recorded too, what changed before the line runs comes right before
    /// it ([`EventKind::TaskFrames`] of its task, then
    /// [`EventKind::Globals`]); a line outside any task (module-level
    /// code, a thread) records the globals only. Since version 8.
    Line {
        /// The task running, if any.
        task: Option<TaskId>,
        /// The worker thread running, if not the loop's thread.
        thread: Option<ThreadId>,
        /// The line, in the program.
        line: u32,
    },
    /// Line events stop here: the run recorded as many as
    /// `Limits::max_line_events` allows ([`lines_capped_message`]). Since
    /// version 6.
    LinesCapped {
        /// The limit reached.
        limit: usize,
    },
    /// Line events stop recording frames and globals here: the run
    /// recorded them at as many line events as `Limits::max_line_frames`
    /// allows ([`line_frames_capped_message`]); from here on
    /// [`EventKind::TaskFrames`] and [`EventKind::Globals`] come at
    /// suspensions only, as in a run that records no lines. Since
    /// version 8.
    LineFramesCapped {
        /// The limit reached.
        limit: usize,
    },
}

/// What a viewer says where line events stop recording frames
/// ([`EventKind::LineFramesCapped`]).
pub fn line_frames_capped_message(limit: usize) -> String {
    format!(
        "From here on, variables are recorded only when a task suspends, not at every line: the run executed more than {limit} lines of the program, the most at which it records them (raise it with `looplab run --record-lines --inspect-frames --max-line-frames N`, or `Limits::max_line_frames`)."
    )
}

/// What a viewer says where line events stop ([`EventKind::LinesCapped`]).
pub fn lines_capped_message(limit: usize) -> String {
    format!(
        "Line steps stop here: the run executed more than {limit} lines of the program, the most it records one by one (the line-recording limit; raise it with `looplab run --record-lines --max-lines N`, or `Limits::max_line_events`)."
    )
}

/// Why a program thread is blocked ([`EventKind::ProgramThreadBlocked`]):
/// the blocking call of the library it waits in, as the program called it
/// (the outermost one: `Queue.get`, not the `Condition.wait` and
/// `Lock.acquire` inside it). Since version 5.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum WaitReason {
    /// `time.sleep` (until the event's `until_ns`).
    Sleep,
    /// `Thread.join()`: waits for program thread `thread` to end.
    Join {
        /// The thread joined (`None`: not known).
        thread: Option<u32>,
    },
    /// `Thread.start()`: waits for the new thread to begin running.
    Start,
    /// `Lock.acquire()` (or `with lock:`) of a lock another thread holds.
    Lock {
        /// The thread holding it, when known.
        holder: Option<u32>,
    },
    /// `RLock.acquire()` of a reentrant lock another thread holds.
    RLock {
        /// The thread holding it, when known.
        holder: Option<u32>,
    },
    /// `Condition.wait()` / `wait_for()`: waits for a `notify()`.
    Condition,
    /// `Semaphore.acquire()`: waits for a `release()`.
    Semaphore,
    /// `Event.wait()`: waits for `set()`.
    Event,
    /// `Barrier.wait()`: waits for the other parties.
    Barrier,
    /// A `threading.Timer` waits for its interval (or `cancel()`).
    Timer,
    /// `Queue.get()`: waits for an item.
    QueueGet,
    /// `Queue.put()` on a full queue: waits for room.
    QueuePut,
    /// `Queue.join()`: waits until every item is marked done.
    QueueJoin,
    /// A pool's worker (a `ThreadPoolExecutor`'s thread, a
    /// `multiprocessing.Pool`'s process) waits for work.
    PoolWork,
    /// `concurrent.futures.Future.result()` / `exception()`.
    FutureResult,
    /// `concurrent.futures.wait()` / `as_completed()`.
    FuturesWait,
    /// The thread runs an event loop, which waits in its select for a
    /// timer or a `call_soon_threadsafe()`.
    EventLoop,
    /// Another blocking call of the library, by name (`Process.join`,
    /// `Pool.map`).
    Call {
        /// Its name, as the program calls it.
        name: String,
    },
}

/// One frame of a suspended task's await chain ([`EventKind::TaskFrames`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FrameInfo {
    /// The coroutine's (or generator's) `__qualname__`: `main`, `worker`,
    /// `sleep`, `Queue.get`...
    pub name: String,
    /// The line it is suspended at, in its own file.
    pub line: u32,
    /// Set for a frame of a library module (`asyncio.sleep`): its line is
    /// not the program's and its locals are not recorded.
    pub library: bool,
    /// Its bound local variables, in CPython's `f_locals` order.
    pub locals: Vec<LocalVar>,
}

/// One local variable of a [`FrameInfo`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocalVar {
    /// The variable's name.
    pub name: String,
    /// `repr()` of its value, cut at [`REPR_WIDTH`] characters with an
    /// ellipsis; a value whose `repr` would run the program's code (a
    /// class's own `__repr__`) reads `<Name object>`.
    pub repr: String,
    /// Set when the value is a task or future: its id, so a viewer can
    /// show it as the lane it is.
    pub fut: Option<FutureId>,
}

/// Width, in characters, at which a [`LocalVar::repr`] is cut.
pub const REPR_WIDTH: usize = 80;

/// What running a handle will do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Action {
    /// `Task.__step`: resume the task's coroutine (with an exception thrown
    /// in if `throw` is set, e.g. a `CancelledError`).
    TaskStep {
        /// The task.
        task: TaskId,
        /// `repr` of the exception to throw in, if any.
        throw: Option<String>,
    },
    /// `Task.__wakeup`: the future the task awaited is done; the task will
    /// be stepped right away (within the same handle).
    TaskWakeup {
        /// The task.
        task: TaskId,
        /// The future it was waiting for.
        fut: FutureId,
    },
    /// Any other callback: `call_soon(f, ...)`, a future's done callback
    /// (`fut` is set), asyncio's internal callbacks (the sleep timer's
    /// `_set_result_unless_cancelled`, gather's `_done_callback`...).
    Callback {
        /// Display name of the callback (`_set_result_unless_cancelled`,
        /// `on_done`...).
        func: String,
        /// For a done callback, the future whose completion scheduled it.
        fut: Option<FutureId>,
    },
    /// A worker job finished: copy its outcome into its asyncio future
    /// (CPython's `_chain_future` `_set_state` via `call_soon_threadsafe`).
    JobDone {
        /// The job.
        job: JobId,
        /// Its asyncio future.
        fut: FutureId,
    },
    /// `loop.stop()` requested by `run_until_complete`'s done callback.
    StopLoop {
        /// The future `run_until_complete` was waiting for.
        fut: FutureId,
    },
}

/// Why a task step ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum StepOutcome {
    /// The coroutine awaited a pending future (or task): it sleeps until
    /// that future is done (`fut_waiter`).
    Awaiting {
        /// The awaited future or task.
        fut: FutureId,
    },
    /// A bare yield (`await asyncio.sleep(0)`): the task goes straight to
    /// the back of the ready queue.
    BareYield,
    /// The coroutine returned: the task is done with this result.
    Returned {
        /// `repr` of the return value.
        value: String,
    },
    /// An exception escaped the coroutine: the task is done with it.
    Raised {
        /// `repr` of the exception (`ValueError('boom')`).
        exc: String,
    },
    /// `CancelledError` escaped the coroutine: the task is cancelled.
    Cancelled,
    /// The coroutine yielded something invalid; a `RuntimeError` will be
    /// thrown into it on its next step (CPython's "Task got bad yield").
    BadYield {
        /// The error message.
        message: String,
    },
}

/// How a future (or job) ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Resolution {
    /// `set_result`: `repr` of the result.
    Result {
        /// `repr` of the value.
        value: String,
    },
    /// `set_exception`: `repr` of the exception.
    Exception {
        /// `repr` of the exception.
        exc: String,
    },
    /// `cancel()` (for a task: its coroutine let `CancelledError` escape).
    Cancelled,
}

/// Why the loop's thread was blocked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum BlockReason {
    /// A blocking `time.sleep(x)` on the loop's thread.
    Sleep,
    /// A long CPU-bound slice (a task that ran many instructions without
    /// awaiting).
    Cpu {
        /// Instructions executed in the slice.
        instructions: u64,
    },
}

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum RunEnding {
    /// The program finished normally.
    Completed,
    /// An exception escaped the program.
    Uncaught {
        /// The last traceback line (`ValueError: boom`).
        last_line: String,
    },
    /// `SystemExit` ended the program with this exit status.
    Exited {
        /// 0 for `sys.exit()`, the integer given, 1 for a message.
        status: i32,
    },
    /// Nothing could ever happen again: no ready handle, no timer, no
    /// running or parked worker thread, yet the awaited future is pending.
    Hang,
    /// A resource limit stopped the run.
    Limit {
        /// Which limit (e.g. "instructions").
        which: String,
        /// A message explaining it and how to raise it.
        message: String,
    },
    /// The program did not parse.
    SyntaxError {
        /// The message (`invalid syntax`...), with line and column.
        message: String,
    },
}

/// Appends events with dense sequence numbers. Owned by the event loop core;
/// the glue adds its own events (prints, warnings...) through it.
#[derive(Clone, Debug, Default)]
pub struct Recorder {
    /// The trace built so far.
    pub trace: Trace,
    /// When false, events are dropped (benchmarks, or runs that only need
    /// the output).
    pub enabled: bool,
    /// Recording stops (and the trace is marked truncated) after this many
    /// events, so a long-running program cannot exhaust memory.
    pub max_events: usize,
    /// Where to report the bytes of the event list (`capacity *
    /// size_of::<Event>()`) whenever it grows: the trace has its own cap
    /// (`max_events`), so the VM's memory budget leaves it out.
    pub heap_meter: Option<std::rc::Rc<std::cell::Cell<usize>>>,
}

/// Default for [`Recorder::max_events`].
pub const DEFAULT_MAX_EVENTS: usize = 2_000_000;

/// Length from which [`reserve_ahead`] reserves a list's whole room.
pub const RESERVE_AHEAD_FROM: usize = 1 << 18;

/// Before adding `extra` items to `v`, a list that grows with the trace
/// and will hold at most `cap` items: while short it grows as usual
/// (doubling); once it has [`RESERVE_AHEAD_FROM`] items or more and no room
/// for `extra` more, it reserves room for `cap` (or `len + extra` if more)
/// at once. A doubling copies the whole list, and in the browser one
/// copy of a list of 2 million events (128 MB, plus touching the new pages)
/// held the page for 100–150 ms; reserving ahead makes the last copy one of
/// 262,144 items. The room reserved is address space until written (the
/// browser and the OS back a page of memory when it is first touched).
pub fn reserve_ahead<T>(v: &mut Vec<T>, extra: usize, cap: usize) {
    let need = v.len().saturating_add(extra);
    if need > v.capacity() && v.len() >= RESERVE_AHEAD_FROM {
        v.reserve_exact(cap.max(need) - v.len());
    }
}

impl Recorder {
    /// A recorder that records (`enabled`) or discards everything.
    pub fn new(enabled: bool) -> Recorder {
        Recorder {
            trace: Trace::new(),
            enabled,
            max_events: DEFAULT_MAX_EVENTS,
            heap_meter: None,
        }
    }

    /// Records `kind` at virtual time `time_ns`.
    pub fn push(&mut self, time_ns: u64, kind: EventKind) {
        if !self.enabled {
            return;
        }
        // How the run ended is recorded whatever the size: a truncated
        // trace still tells the player why the program stopped.
        let ending = matches!(kind, EventKind::RunEnded { .. });
        if self.trace.events.len() >= self.max_events && !ending {
            self.trace.truncated = true;
            return;
        }
        let seq = self.trace.events.len() as u32;
        let capacity = self.trace.events.capacity();
        reserve_ahead(&mut self.trace.events, 1, self.max_events.saturating_add(1));
        self.trace.events.push(Event { seq, time_ns, kind });
        if self.trace.events.capacity() != capacity {
            if let Some(m) = &self.heap_meter {
                m.set(self.trace.events.capacity() * std::mem::size_of::<Event>());
            }
        }
    }

    /// Whether events pushed now are kept (reprs for them are worth
    /// building): enabled, and not yet at the size limit.
    pub fn recording(&self) -> bool {
        self.enabled && !self.trace.truncated
    }

    /// Number of events recorded.
    pub fn len(&self) -> usize {
        self.trace.events.len()
    }

    /// True when nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.trace.events.is_empty()
    }
}

/// Formats virtual nanoseconds as seconds with millisecond precision,
/// rounded half-up: `1_500_000_000` -> `"1.500"` (the `--timed` format).
pub fn format_secs(ns: u64) -> String {
    let ms = (ns + 500_000) / 1_000_000;
    format!("{}.{:03}", ms / 1000, ms % 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_secs_rounds_half_up_to_the_millisecond() {
        assert_eq!(format_secs(0), "0.000");
        assert_eq!(format_secs(1_500_000_000), "1.500");
        assert_eq!(format_secs(499_999), "0.000");
        assert_eq!(format_secs(500_000), "0.001");
        assert_eq!(format_secs(12_345_678_901), "12.346");
    }

    #[test]
    fn events_serialise_to_tagged_json_and_back() {
        let mut rec = Recorder::new(true);
        rec.push(
            0,
            EventKind::ClockAdvanced {
                from_ns: 0,
                to_ns: 5,
            },
        );
        rec.push(
            5,
            EventKind::TaskStepEnded {
                task: 1,
                line: 3,
                outcome: StepOutcome::Awaiting { fut: 2 },
            },
        );
        let json = serde_json::to_string(&rec.trace).unwrap();
        assert!(json.contains(r#""type":"ClockAdvanced""#), "{json}");
        assert!(json.contains(r#""type":"Awaiting""#), "{json}");
        let back: Trace = serde_json::from_str(&json).unwrap();
        assert_eq!(back, rec.trace);
        assert_eq!(back.events[1].seq, 1);
    }

    #[test]
    fn recorder_stops_at_its_limit() {
        let mut rec = Recorder::new(true);
        rec.max_events = 2;
        for _ in 0..5 {
            rec.push(
                0,
                EventKind::ClockAdvanced {
                    from_ns: 0,
                    to_ns: 5,
                },
            );
        }
        assert_eq!(rec.len(), 2);
        assert!(rec.trace.truncated);
        // The ending is recorded all the same.
        rec.push(
            0,
            EventKind::RunEnded {
                ending: RunEnding::Hang,
            },
        );
        assert_eq!(rec.len(), 3);
        assert!(matches!(
            rec.trace.events[2].kind,
            EventKind::RunEnded { .. }
        ));
    }

    #[test]
    fn disabled_recorder_records_nothing() {
        let mut rec = Recorder::new(false);
        rec.push(
            0,
            EventKind::ClockAdvanced {
                from_ns: 0,
                to_ns: 5,
            },
        );
        assert!(rec.is_empty());
    }

    #[test]
    fn a_long_list_reserves_its_whole_room_once() {
        let cap = 3 * RESERVE_AHEAD_FROM;
        let mut v: Vec<u8> = Vec::new();
        let mut moves = 0;
        let mut last = v.capacity();
        for i in 0..cap {
            reserve_ahead(&mut v, 1, cap);
            v.push(i as u8);
            if v.capacity() != last {
                moves += 1;
                last = v.capacity();
            }
            // Short, it grows as usual; long, it has room for the cap.
            if i >= RESERVE_AHEAD_FROM {
                assert_eq!(v.capacity(), cap, "after {i} items");
            }
        }
        // Doubling up to 2^18 (a few steps), then one reservation.
        assert!(moves <= 20, "{moves} reallocations");
        // Past the cap (the run's end event), it still grows.
        reserve_ahead(&mut v, 5, cap);
        assert!(v.capacity() >= cap + 5);
    }
}
