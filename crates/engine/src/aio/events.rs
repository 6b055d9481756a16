//! Handles, the ready deque, the timer heap and the virtual clock: what
//! CPython's `events.py` (`Handle`, `TimerHandle`) and `base_events.py`
//! (`call_soon`, `call_later`, `call_at`, `_run_once`, `run_forever`,
//! `stop`) do, as a state machine that returns what the host must run.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

use super::futures::FutureData;
use super::handles::Handles;
use super::threads::Threads;
use super::Host;
use crate::trace::{self, EventKind, FutureId, HandleId, JobId, Recorder, TaskId, ThreadId};

/// The end of virtual time, in nanoseconds (about 146 years): the clock
/// saturates here and never wraps. A deadline this late never comes
/// (`asyncio.sleep(float("inf"))` waits forever, as in CPython), and
/// `now + delay` of two clock values still fits an `i64`, so the prelude's
/// arithmetic on them in Python ints cannot overflow.
pub const CLOCK_MAX: u64 = i64::MAX as u64 / 2;

/// What a handle does when it runs.
#[derive(Clone, Debug)]
pub enum Callback<V> {
    /// `Task.__step(exc)`.
    TaskStep {
        /// The task to step.
        task: TaskId,
        /// The exception to throw in, if any.
        exc: Option<V>,
    },
    /// `Task.__wakeup(fut)`: `fut` is done; step the task with its outcome.
    TaskWakeup {
        /// The task to wake.
        task: TaskId,
        /// The future it awaited.
        fut: FutureId,
    },
    /// `func(*args)`: `call_soon(func, *args)` or a done callback
    /// `func(fut)` (then `fut` says which future completed).
    Call {
        /// The callable.
        func: V,
        /// Its arguments.
        args: Vec<V>,
        /// For a done callback: the completed future (trace only).
        fut: Option<FutureId>,
    },
    /// `asyncio.sleep`'s timer: `futures._set_result_unless_cancelled(fut,
    /// value)`, run inside the core.
    SetResultUnlessCancelled {
        /// The sleep's future.
        fut: FutureId,
        /// `sleep(delay, result)`'s result.
        value: V,
    },
    /// `run_until_complete`'s `_run_until_complete_cb`: stop the loop.
    StopLoop {
        /// The future run_until_complete waits for.
        fut: FutureId,
    },
    /// `_chain_future`'s `_set_state`: copy a finished job's outcome into
    /// its asyncio future (from `call_soon_threadsafe`).
    JobDone {
        /// The job.
        job: JobId,
    },
    /// `_chain_future`'s `_call_check_cancel`: the job's future is done;
    /// if it was cancelled, the job is cancelled too (unless started).
    JobCheckCancel {
        /// The job.
        job: JobId,
        /// Its future.
        fut: FutureId,
    },
    /// `shutdown_default_executor`'s thread finished joining the pool:
    /// `future.set_result(None)` (from `call_soon_threadsafe`).
    ExecutorShutDown {
        /// The future `shutdown_default_executor` awaits.
        fut: FutureId,
    },
}

/// What the host must do next (returned by [`EventLoop::next_action`]).
#[derive(Debug)]
pub enum Todo<V> {
    /// Resume `coro` (`send(None)` or `throw(exc)`) as `task`'s step, then
    /// report with [`EventLoop::task_step_end`].
    Step {
        /// The task being stepped (it is now `current_task`).
        task: TaskId,
        /// Its coroutine.
        coro: V,
        /// How to resume it.
        resume: super::Resume<V>,
    },
    /// Call `func(*args)`, then report with [`EventLoop::call_done`]. If it
    /// raises, CPython logs "Exception in callback ..." and goes on.
    Call {
        /// The callable.
        func: V,
        /// Its arguments.
        args: Vec<V>,
    },
    /// Start `func(*args)` on worker thread `thread` (a new fiber). Report
    /// [`EventLoop::job_finished`] or [`EventLoop::park_thread`].
    StartJob {
        /// The job.
        job: JobId,
        /// The worker lane running it.
        thread: ThreadId,
        /// The function.
        func: V,
        /// Its arguments.
        args: Vec<V>,
    },
    /// Resume worker `thread`, parked in `time.sleep`, whose deadline came.
    ResumeThread {
        /// The worker lane.
        thread: ThreadId,
    },
    /// `loop.stop()` took effect at the end of an iteration: `run_forever`
    /// returns.
    Stopped,
    /// (Only with [`EventLoop::threads_wait`].) The select must wait until
    /// `until` (`None`: for ever): the loop's thread blocks there and other
    /// program threads run; a `call_soon_threadsafe` or `until` wakes it.
    /// Ask again afterwards.
    WaitThreads {
        /// The earliest timer or worker wake-up.
        until: Option<u64>,
    },
    /// Nothing is ready, no timer is pending and no worker thread can run:
    /// nothing can ever happen again.
    Hang,
}

/// A scheduled callback (`events.Handle` / `events.TimerHandle`).
#[derive(Debug)]
pub(crate) struct HandleData<V> {
    /// What it runs; `None` once cancelled (CPython drops the callback and
    /// its arguments on cancel).
    pub(crate) callback: Option<Callback<V>>,
    /// Set by `cancel()`: the loop skips it.
    pub(crate) cancelled: bool,
    /// Deadline for a timer; `None` for a ready-queue handle.
    pub(crate) when: Option<u64>,
}

/// Where `_run_once` is.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Phase {
    /// About to begin an iteration (drop cancelled timers at the heap head).
    Begin,
    /// "select", part 1: resume parked workers that are due.
    SelectDue,
    /// "select", part 2: start the jobs submitted since the previous select.
    SelectStart,
    /// "select", part 3: unless the timeout is 0, wait: jump the clock to
    /// the next timer or worker wake-up, running due workers, until
    /// something is ready or a timer is due.
    SelectWait,
    /// Inside the wait of part 3: resume the workers due after a jump.
    SelectWaitDue,
    /// Running the `left` remaining handles of this iteration.
    Run { left: u32 },
}

/// The event loop core. See the [module docs](super).
pub struct EventLoop<V> {
    /// The virtual clock, in nanoseconds since the program started.
    pub(crate) now: u64,
    /// Program threads exist: a select that must wait returns
    /// [`Todo::WaitThreads`] instead of moving the clock itself.
    pub threads_wait: bool,
    /// CPU model only: (the program thread running this loop, cores): a
    /// select that waits records that thread's GIL as free and the cores
    /// idle meanwhile (`CpuState` before and after the jump).
    pub cpu_marks: Option<(u32, u32)>,
    /// The ready deque (`_ready`).
    pub(crate) ready: VecDeque<HandleId>,
    /// The timer heap (`_scheduled`), ordered by (deadline, handle id); the
    /// handle id is the creation sequence, so equal deadlines keep
    /// scheduling order (the oracle patches CPython's heap the same way).
    timers: BinaryHeap<Reverse<(u64, HandleId)>>,
    /// Live handles by id (removed once run or discarded).
    pub(crate) handles: Handles<V>,
    /// Last handle id given out.
    last_handle: HandleId,
    /// The future/task arena; index = id - 1. `None` once freed by
    /// [`EventLoop::release_finished`] (ids never move).
    pub(crate) futures: Vec<Option<Box<FutureData<V>>>>,
    /// The task being stepped (`_current_tasks[loop]`).
    pub(crate) current_task: Option<TaskId>,
    /// Counter for default task names (`Task-1`, `Task-2`...), like
    /// CPython's module-level `_task_name_counter`.
    pub(crate) task_name_counter: u32,
    /// Set by `stop()`: `run_forever` returns after the current iteration.
    stopping: bool,
    /// The select timeout of this iteration is 0 (something was ready or
    /// the loop was stopping when it began).
    select_zero: bool,
    /// Where `_run_once` is.
    phase: Phase,
    /// Iterations begun so far (for the trace).
    iteration: u32,
    /// The handle being run (trace: `HandleFinished`).
    pub(crate) running_handle: Option<HandleId>,
    /// Arena length at which [`EventLoop::release_finished`] next looks
    /// for finished futures to free.
    release_at: usize,
    /// Futures finished since [`EventLoop::release_finished`] last looked:
    /// with none, it has nothing new to free and does not look (a look
    /// visits every future and handle: 90,000 tasks sleeping made one a
    /// long task of the page, freeing nothing).
    pub(crate) finished_since_release: usize,
    /// Worker threads and executors.
    pub(crate) threads: Threads<V>,
    /// Futures given an exception since the host last looked: it reports
    /// "exception was never retrieved" as soon as nobody but the loop holds
    /// one whose exception is still unretrieved ([`EventLoop::take_log_candidates`]).
    pub(crate) log_candidates: Vec<FutureId>,
    /// The trace being recorded.
    pub recorder: Recorder,
}

impl<V> Callback<V> {
    /// The values the callback holds.
    fn into_values(self, out: &mut Vec<V>) {
        match self {
            Callback::TaskStep { exc: Some(v), .. } => out.push(v),
            Callback::Call { func, args, .. } => {
                out.push(func);
                out.extend(args);
            }
            Callback::SetResultUnlessCancelled { value, .. } => out.push(value),
            _ => {}
        }
    }
}

impl<V> EventLoop<V> {
    /// Frees what finished futures and tasks hold (their Python object,
    /// result or exception, coroutine) once nothing can use them any more,
    /// as CPython frees a done future when its last reference goes: the
    /// future is done, its exception (if any) was retrieved, no handle,
    /// task, gather, job or executor refers to its id, and `unshared` says
    /// nobody but the loop holds its object. The slot stays (ids never
    /// move), only its values go. Runs when the arena has doubled since the
    /// last time, so the cost is amortised over the futures made, and only
    /// if a future finished since then (a done future that could not be
    /// freed then, as something still held it, waits for the next look).
    pub(crate) fn release_finished(&mut self, unshared: impl Fn(&V) -> bool) -> usize {
        if self.futures.len() < self.release_at || self.finished_since_release == 0 {
            return 0;
        }
        self.finished_since_release = 0;
        let mut total = 0;
        // Freeing a gather's outer future frees its children's ids: repeat
        // until nothing more is freed.
        loop {
            // Marks by id (ids are 1..=futures.len()): a set of ids hashed
            // here cost more than the rest of a gather of 2,000 tasks' loop.
            let mut used = vec![false; self.futures.len() + 1];
            let mut mark = |id: FutureId| {
                if let Some(m) = used.get_mut(id as usize) {
                    *m = true;
                }
            };
            for h in self.handles.values() {
                match &h.callback {
                    Some(Callback::TaskStep { task, .. }) => {
                        mark(*task);
                    }
                    Some(Callback::TaskWakeup { task, fut }) => {
                        mark(*task);
                        mark(*fut);
                    }
                    Some(Callback::JobCheckCancel { fut, .. }) => {
                        mark(*fut);
                    }
                    Some(Callback::Call { fut: Some(f), .. })
                    | Some(Callback::SetResultUnlessCancelled { fut: f, .. })
                    | Some(Callback::StopLoop { fut: f })
                    | Some(Callback::ExecutorShutDown { fut: f }) => {
                        mark(*f);
                    }
                    _ => {}
                }
            }
            for f in self.futures.iter().flatten() {
                for cb in &f.callbacks {
                    if let super::DoneCallback::Wakeup(t) = cb {
                        mark(*t);
                    }
                }
                if let Some(w) = f.task.as_ref().and_then(|t| t.fut_waiter) {
                    mark(w);
                }
                if let Some(children) = &f.gather_children {
                    children.iter().copied().for_each(&mut mark);
                }
            }
            self.current_task.into_iter().for_each(&mut mark);
            self.threads.referenced_futures().for_each(&mut mark);
            let mut live = 0;
            let mut freed = 0;
            for (i, slot) in self.futures.iter_mut().enumerate() {
                let id = (i + 1) as FutureId;
                let Some(f) = slot else { continue };
                let done = !matches!(f.state, super::FutState::Pending);
                let free = done
                    && !f.log_traceback
                    && f.callbacks.is_empty()
                    && !used[id as usize]
                    && f.obj.as_ref().is_some_and(&unshared);
                if free {
                    *slot = None;
                    freed += 1;
                } else {
                    live += 1;
                }
            }
            total += freed;
            if freed == 0 {
                self.release_at = self.futures.len() + live.max(1024);
                return total;
            }
        }
    }

    /// Moves everything the loop holds (futures' objects, results and
    /// callbacks, tasks' coroutines, handles, jobs) out of it, for the VM's
    /// teardown to break the cycles they are part of, a few values at a
    /// time ([`Leftovers::take_some`]): freeing the futures of a run of
    /// 90,000 tasks at once was a task of 0.2 s.
    pub fn leftovers(&mut self) -> Leftovers<V> {
        let mut values = Vec::new();
        self.threads.take_values(&mut values);
        Leftovers {
            futures: std::mem::take(&mut self.futures),
            handles: vec![std::mem::take(&mut self.handles)],
            values,
        }
    }
}

/// What an emptied loop held (see [`EventLoop::leftovers`]).
pub struct Leftovers<V> {
    /// Futures and tasks (freed slots are `None`).
    futures: Vec<Option<Box<crate::aio::futures::FutureData<V>>>>,
    /// Handles not run (taken out as the budget allows).
    handles: Vec<Handles<V>>,
    /// Worker jobs' values.
    values: Vec<V>,
}

impl<V> Leftovers<V> {
    /// Adds what `other` holds.
    pub fn append(&mut self, mut other: Leftovers<V>) {
        self.futures.append(&mut other.futures);
        self.handles.append(&mut other.handles);
        self.values.append(&mut other.values);
    }

    /// Moves the values of at most `budget` futures or handles into `out`
    /// (and frees what held them); true once nothing is left.
    pub fn take_some(&mut self, out: &mut Vec<V>, budget: usize) -> bool {
        out.append(&mut self.values);
        for _ in 0..budget {
            if let Some(f) = self.futures.pop() {
                if let Some(f) = f {
                    future_values(*f, out);
                }
            } else if let Some(handles) = self.handles.last_mut() {
                match handles.pop() {
                    Some(h) => {
                        if let Some(cb) = h.callback {
                            cb.into_values(out);
                        }
                    }
                    None => drop(self.handles.pop()),
                }
            } else {
                return true;
            }
        }
        self.futures.is_empty() && self.handles.is_empty()
    }
}

/// A future's values: its result or exception, done callbacks, cancel
/// message, its object, a task's coroutine.
fn future_values<V>(f: crate::aio::futures::FutureData<V>, out: &mut Vec<V>) {
    match f.state {
        super::FutState::Result(v) | super::FutState::Exception(v) => out.push(v),
        _ => {}
    }
    for cb in f.callbacks {
        if let super::DoneCallback::Call(v) = cb {
            out.push(v);
        }
    }
    out.extend(f.cancel_message);
    out.extend(f.cancelled_exc);
    out.extend(f.obj);
    if let Some(t) = f.task {
        out.push(t.coro);
    }
}

impl<V: Clone> EventLoop<V> {
    /// A new loop at virtual time 0; `record` turns the trace on.
    pub fn new(record: bool) -> EventLoop<V> {
        EventLoop {
            now: 0,
            threads_wait: false,
            cpu_marks: None,
            ready: VecDeque::new(),
            timers: BinaryHeap::new(),
            handles: Handles::default(),
            last_handle: 0,
            futures: Vec::new(),
            current_task: None,
            task_name_counter: 0,
            stopping: false,
            select_zero: false,
            phase: Phase::Begin,
            iteration: 0,
            running_handle: None,
            log_candidates: Vec::new(),
            release_at: 1024,
            finished_since_release: 0,
            threads: Threads::new(),
            recorder: Recorder::new(record),
        }
    }

    /// `loop.time()` in nanoseconds.
    pub fn now(&self) -> u64 {
        self.now
    }

    /// Records a trace event at the current time.
    pub fn emit(&mut self, kind: EventKind) {
        self.recorder.push(self.now, kind);
    }

    /// The task being stepped, if any (`asyncio.current_task()`).
    pub fn current_task(&self) -> Option<TaskId> {
        self.current_task
    }

    /// Describes a callback for the trace.
    fn trace_action(&mut self, host: &mut impl Host<V>, cb: &Callback<V>) -> trace::Action {
        match cb {
            Callback::TaskStep { task, exc } => trace::Action::TaskStep {
                task: *task,
                throw: exc.as_ref().map(|e| host.repr(e)),
            },
            Callback::TaskWakeup { task, fut } => trace::Action::TaskWakeup {
                task: *task,
                fut: *fut,
            },
            Callback::Call { func, fut, .. } => trace::Action::Callback {
                func: host.callable_name(func),
                fut: *fut,
            },
            Callback::StopLoop { fut } => trace::Action::StopLoop { fut: *fut },
            Callback::SetResultUnlessCancelled { .. } => trace::Action::Callback {
                func: "_set_result_unless_cancelled".into(),
                fut: None,
            },
            Callback::JobDone { job } => trace::Action::JobDone {
                job: *job,
                fut: self.threads.job_future(*job),
            },
            Callback::JobCheckCancel { fut, .. } => trace::Action::Callback {
                func: "_call_check_cancel".into(),
                fut: Some(*fut),
            },
            Callback::ExecutorShutDown { fut } => trace::Action::Callback {
                func: "set_result".into(),
                fut: Some(*fut),
            },
        }
    }

    fn new_handle(
        &mut self,
        host: &mut impl Host<V>,
        cb: Callback<V>,
        when: Option<u64>,
    ) -> HandleId {
        self.last_handle += 1;
        let id = self.last_handle;
        if self.recorder.recording() {
            let action = self.trace_action(host, &cb);
            self.emit(EventKind::HandleScheduled {
                handle: id,
                action,
                when_ns: when,
            });
        }
        self.handles.insert(
            id,
            HandleData {
                callback: Some(cb),
                cancelled: false,
                when,
            },
        );
        id
    }

    /// `loop.call_soon(callback)`: append to the ready deque.
    pub fn call_soon(&mut self, host: &mut impl Host<V>, cb: Callback<V>) -> HandleId {
        let id = self.new_handle(host, cb, None);
        self.ready.push_back(id);
        id
    }

    /// `loop.call_at(when, callback)`: push on the timer heap. A deadline
    /// at or past [`CLOCK_MAX`] never comes.
    pub fn call_at(&mut self, host: &mut impl Host<V>, when: u64, cb: Callback<V>) -> HandleId {
        let when = when.min(CLOCK_MAX);
        let id = self.new_handle(host, cb, Some(when));
        self.timers.push(Reverse((when, id)));
        id
    }

    /// `loop.call_later(delay, callback)` = `call_at(now + delay)`.
    pub fn call_later(
        &mut self,
        host: &mut impl Host<V>,
        delay_ns: u64,
        cb: Callback<V>,
    ) -> HandleId {
        let when = self.now.saturating_add(delay_ns);
        self.call_at(host, when, cb)
    }

    /// `handle.cancel()`. Harmless on a handle that already ran.
    pub fn cancel_handle(&mut self, id: HandleId) {
        if let Some(h) = self.handles.get_mut(&id) {
            if !h.cancelled {
                h.cancelled = true;
                h.callback = None;
                self.emit(EventKind::HandleCancelled { handle: id });
            }
        }
    }

    /// `loop.stop()`: `run_forever` returns at the end of this iteration.
    pub fn stop(&mut self) {
        self.stopping = true;
    }

    /// `loop.is_running()` cannot be told by the core (the host knows
    /// whether it is inside `run_forever`); this says whether an iteration
    /// is under way.
    pub fn in_iteration(&self) -> bool {
        self.phase != Phase::Begin
    }

    /// Blocks the loop's thread: a blocking `time.sleep(ns)` called by the
    /// program outside worker threads. The clock advances; nothing else runs.
    pub fn block(&mut self, ns: u64, line: u32) {
        let from = self.now;
        let task = self.current_task;
        self.emit(EventKind::LoopBlocked {
            task,
            duration_ns: ns,
            reason: trace::BlockReason::Sleep,
            line,
        });
        self.now = self.now.saturating_add(ns).min(CLOCK_MAX);
        self.emit(EventKind::ClockAdvanced {
            from_ns: from,
            to_ns: self.now,
        });
    }

    /// CPU model: the clock moves on by `ns` of computing. No
    /// `ClockAdvanced` (that event is a wait): the events that follow
    /// carry the later time.
    pub(crate) fn compute_for(&mut self, ns: u64) {
        self.now = self.now.saturating_add(ns).min(CLOCK_MAX);
    }

    pub(crate) fn advance_to(&mut self, t: u64) {
        if t > self.now {
            let from = self.now;
            self.now = t;
            self.emit(EventKind::ClockAdvanced {
                from_ns: from,
                to_ns: t,
            });
        }
    }

    /// Next live timer deadline, after dropping cancelled heads.
    fn next_timer(&mut self) -> Option<u64> {
        while let Some(Reverse((when, id))) = self.timers.peek().copied() {
            let cancelled = self.handles.get(&id).map(|h| h.cancelled).unwrap_or(true);
            if cancelled {
                self.timers.pop();
                self.handles.remove(&id);
                self.emit(EventKind::TimerDiscarded { handle: id });
            } else {
                return Some(when);
            }
        }
        None
    }

    /// Drives `_run_once`: returns the next thing the host must do.
    ///
    /// One iteration: drop cancelled timers at the heap head; "select": run
    /// due worker threads, and if nothing is ready jump the clock to the
    /// earliest timer or thread wake-up (a thread due at the same instant as
    /// a timer runs first); move due timers to the ready deque; then run
    /// exactly the handles that were ready at that point. After the
    /// iteration, a pending `stop()` returns [`Todo::Stopped`].
    pub fn next_action(&mut self, host: &mut impl Host<V>) -> Todo<V> {
        loop {
            match self.phase {
                Phase::Begin => {
                    self.next_timer();
                    self.select_zero = !self.ready.is_empty() || self.stopping;
                    self.phase = Phase::SelectDue;
                }
                Phase::SelectDue | Phase::SelectWaitDue => {
                    if let Some(todo) = self.thread_todo(true) {
                        return todo;
                    }
                    if let Some(fut) = self.threads.take_finished_shutdown() {
                        self.call_soon(host, Callback::ExecutorShutDown { fut });
                    }
                    self.phase = if self.phase == Phase::SelectDue {
                        Phase::SelectStart
                    } else {
                        Phase::SelectWait
                    };
                }
                Phase::SelectStart => {
                    if let Some(todo) = self.thread_todo(false) {
                        return todo;
                    }
                    if let Some(todo) = self.start_pending_job() {
                        return todo;
                    }
                    if let Some(fut) = self.threads.take_finished_shutdown() {
                        self.call_soon(host, Callback::ExecutorShutDown { fut });
                    }
                    self.phase = Phase::SelectWait;
                }
                Phase::SelectWait => {
                    if !self.select_zero && self.ready.is_empty() {
                        let timer = self.next_timer();
                        if timer.is_none_or(|t| t > self.now) {
                            // The end of time never comes: waiting only for
                            // it is waiting forever.
                            let timer = timer.filter(|&t| t < CLOCK_MAX);
                            let wake = self.threads.next_wake().filter(|&w| w < CLOCK_MAX);
                            let next = match (timer, wake) {
                                (Some(t), Some(w)) => Some(t.min(w)),
                                (Some(t), None) => Some(t),
                                (None, Some(w)) => Some(w),
                                (None, None) => None,
                            };
                            if self.threads_wait {
                                self.phase = Phase::SelectWaitDue;
                                return Todo::WaitThreads { until: next };
                            }
                            let Some(next) = next else {
                                return Todo::Hang;
                            };
                            let cpu = |gil: Option<u32>, cores: u32| EventKind::CpuState {
                                process: 0,
                                gil,
                                busy_cores: u32::from(gil.is_some()),
                                cores,
                            };
                            if let Some((_, cores)) = self.cpu_marks.filter(|_| next > self.now) {
                                self.emit(cpu(None, cores));
                            }
                            let waited = next > self.now;
                            self.advance_to(next);
                            if let Some((thread, cores)) = self.cpu_marks.filter(|_| waited) {
                                self.emit(cpu(Some(thread), cores));
                            }
                            self.phase = Phase::SelectWaitDue;
                            continue;
                        }
                    }
                    // Move due timers (deadline <= now) to the ready deque.
                    while let Some(Reverse((when, id))) = self.timers.peek().copied() {
                        if when > self.now {
                            break;
                        }
                        self.timers.pop();
                        self.ready.push_back(id);
                        self.emit(EventKind::TimerFired { handle: id });
                    }
                    let ntodo = self.ready.len() as u32;
                    self.iteration += 1;
                    self.emit(EventKind::IterationStarted {
                        iteration: self.iteration,
                        ntodo,
                    });
                    self.phase = Phase::Run { left: ntodo };
                }
                Phase::Run { left: 0 } => {
                    self.phase = Phase::Begin;
                    if self.stopping {
                        self.stopping = false;
                        return Todo::Stopped;
                    }
                }
                Phase::Run { left } => {
                    self.phase = Phase::Run { left: left - 1 };
                    let Some(id) = self.ready.pop_front() else {
                        continue;
                    };
                    let cb = match self.handles.remove(&id) {
                        Some(HandleData {
                            callback: Some(cb),
                            cancelled: false,
                            ..
                        }) => cb,
                        _ => {
                            self.emit(EventKind::HandleSkipped { handle: id });
                            continue;
                        }
                    };
                    self.emit(EventKind::HandleStarted { handle: id });
                    self.running_handle = Some(id);
                    if let Some(todo) = self.run_callback(host, cb) {
                        return todo;
                    }
                    self.finish_handle();
                }
            }
        }
    }

    /// Runs an internal callback, or turns it into a [`Todo`] for the host.
    fn run_callback(&mut self, host: &mut impl Host<V>, cb: Callback<V>) -> Option<Todo<V>> {
        match cb {
            Callback::TaskStep { task, exc } => self.task_step_begin(host, task, exc),
            Callback::TaskWakeup { task, fut } => self.task_wakeup(host, task, fut),
            Callback::Call { func, args, .. } => Some(Todo::Call { func, args }),
            Callback::StopLoop { fut } => {
                // `_run_until_complete_cb`: a future that ended in
                // SystemExit has already left `run_forever` (its exception
                // went up from the task's step); stopping now would stop the
                // next run of the loop instead.
                let exited = matches!(
                    self.future_state(fut),
                    Some(crate::aio::FutState::Exception(e)) if host.is_exit(e)
                );
                if !exited {
                    self.stopping = true;
                }
                None
            }
            Callback::SetResultUnlessCancelled { fut, value } => {
                if !self.cancelled(fut) {
                    let _ = self.set_result(host, fut, value);
                }
                None
            }
            Callback::JobDone { job } => {
                self.job_done(host, job);
                None
            }
            Callback::JobCheckCancel { job, fut } => {
                if self.cancelled(fut) {
                    self.cancel_job(job);
                }
                None
            }
            Callback::ExecutorShutDown { fut } => {
                let none = host.none();
                // The awaiting side may have been cancelled meanwhile.
                let _ = self.set_result(host, fut, none);
                None
            }
        }
    }

    /// The host finished a [`Todo::Call`].
    pub fn call_done(&mut self) {
        self.finish_handle();
    }

    pub(crate) fn finish_handle(&mut self) {
        if let Some(handle) = self.running_handle.take() {
            self.emit(EventKind::HandleFinished { handle });
        }
    }

    /// Whether handle `id` was cancelled (`None` once it ran or was
    /// discarded).
    pub fn handle_cancelled(&self, id: HandleId) -> Option<bool> {
        self.handles.get(&id).map(|h| h.cancelled)
    }

    /// The core of `asyncio.sleep(delay, result)` for `delay > 0`: a future
    /// labelled "sleep" and a timer that sets its result unless it was
    /// cancelled (`call_later(delay, _set_result_unless_cancelled, ...)`).
    /// Returns the future and the timer handle (cancelled by sleep's
    /// `finally`).
    pub fn sleep_future(
        &mut self,
        host: &mut impl Host<V>,
        delay_ns: u64,
        value: V,
        line: u32,
    ) -> (FutureId, HandleId) {
        let fut = self.create_future("sleep", line);
        let h = self.call_later(
            host,
            delay_ns,
            Callback::SetResultUnlessCancelled { fut, value },
        );
        let when = self.handle_when(h);
        self.label_future(fut, "sleep", when);
        (fut, h)
    }

    /// `timer_handle.when()` in nanoseconds (`None` for a ready-queue
    /// handle, or once it ran).
    pub fn handle_when(&self, id: HandleId) -> Option<u64> {
        self.handles.get(&id).and_then(|h| h.when)
    }

    /// Number of handles in the ready deque.
    pub fn ready_len(&self) -> usize {
        self.ready.len()
    }

    /// Number of timers in the heap (including cancelled ones not yet
    /// discarded).
    pub fn timers_len(&self) -> usize {
        self.timers.len()
    }

    /// `loop.close()`: drops every ready handle and timer.
    pub fn clear(&mut self) {
        while let Some(id) = self.ready.pop_front() {
            self.handles.remove(&id);
            self.emit(EventKind::HandleSkipped { handle: id });
        }
        while let Some(Reverse((_, id))) = self.timers.pop() {
            self.handles.remove(&id);
            self.emit(EventKind::TimerDiscarded { handle: id });
        }
        self.phase = Phase::Begin;
        self.stopping = false;
    }

    /// Takes the trace recorded so far, leaving an empty one.
    pub fn take_trace(&mut self) -> trace::Trace {
        std::mem::take(&mut self.recorder.trace)
    }
}
