//! Deterministic worker threads: `loop.run_in_executor` and
//! `asyncio.to_thread`, over `concurrent.futures.ThreadPoolExecutor`.
//!
//! The model (the oracle follows the same one):
//! - a submitted job starts when the current loop iteration ends (in the
//!   next `_run_once`'s "select" phase), on the lowest-numbered idle thread
//!   of its executor, or on a new thread if the executor has fewer than
//!   `max_workers`, else it waits in the executor's FIFO queue;
//! - a job runs without interleaving with the loop until it finishes or
//!   calls `time.sleep(x)`, which parks only that thread until the clock
//!   reaches now + x; CPU work takes no virtual time;
//! - when nothing is ready, the clock jumps to the earliest timer or thread
//!   wake-up; a thread due at the same instant as a timer runs first;
//! - a finished job's result reaches its asyncio future through a
//!   `call_soon_threadsafe` callback (`_chain_future`'s `_set_state`), so
//!   the awaiting task wakes one iteration later, as in CPython;
//! - the default executor has 8 workers (CPython 3.11: `min(32, cpu + 4)`,
//!   machine-dependent; Looplab fixes 8 so runs are reproducible).

use std::collections::VecDeque;

use super::events::{Callback, EventLoop, Todo};
use super::Host;
use crate::trace::{EventKind, FutureId, JobId, Resolution, ThreadId};

/// Workers of the default executor.
pub const DEFAULT_MAX_WORKERS: u32 = 8;

/// Id of an executor (0 is the loop's default executor).
pub type ExecutorId = u32;

/// A `ThreadPoolExecutor`.
#[derive(Debug)]
struct Executor {
    /// `thread_name_prefix` (threads are named `{prefix}_{index}`).
    prefix: String,
    /// `max_workers`.
    max_workers: u32,
    /// Its threads, in start order.
    threads: Vec<ThreadId>,
    /// Jobs waiting for a free thread (`_work_queue`).
    queue: VecDeque<JobId>,
    /// `shutdown_default_executor` waits on this future until every job of
    /// the executor is done.
    shutdown_waiter: Option<FutureId>,
}

/// A worker thread.
#[derive(Debug)]
struct Thread {
    /// The job it runs.
    job: Option<JobId>,
    /// Parked in `time.sleep` until then; `park_seq` orders equal wakes.
    parked_until: Option<u64>,
    /// Order in which threads were parked (ties of equal deadlines).
    park_seq: u64,
    /// Index within its executor (thread names: `asyncio_0`,
    /// `ThreadPoolExecutor-0_1`...).
    index: u32,
    /// Its executor.
    executor: ExecutorId,
}

/// A submitted job.
#[derive(Debug)]
struct Job<V> {
    /// The function and its arguments; taken when the job starts.
    call: Option<(V, Vec<V>)>,
    /// The asyncio future that gets the outcome.
    fut: FutureId,
    /// `Ok(result)` / `Err(exception)` once finished.
    outcome: Option<Result<V, V>>,
    /// Set once started (a started job cannot be cancelled any more).
    started: bool,
}

/// Every executor, thread and job of a loop.
#[derive(Debug)]
pub struct Threads<V> {
    /// Executors; index = [`ExecutorId`]; 0 is the default one.
    executors: Vec<Executor>,
    /// Worker threads; index = thread id - 1.
    threads: Vec<Thread>,
    /// Jobs; index = job id - 1.
    jobs: Vec<Job<V>>,
    /// Jobs submitted since the last select, in submission order (the
    /// oracle's `Sim.pending`).
    pending: VecDeque<(ExecutorId, JobId)>,
    /// A worker that just finished a job and must take the next queued job
    /// of its executor at once, before anything else runs.
    continue_on: Option<ThreadId>,
    /// Counter giving each park a sequence number (ties of equal wakes).
    park_counter: u64,
}

impl<V> Threads<V> {
    /// The futures jobs and executors refer to by id.
    pub(crate) fn referenced_futures(&self) -> impl Iterator<Item = FutureId> + '_ {
        let jobs = self.jobs.iter().map(|j| j.fut);
        jobs.chain(self.executors.iter().filter_map(|e| e.shutdown_waiter))
    }

    /// Takes every value the jobs hold (for the end of a run).
    pub(crate) fn take_values(&mut self, out: &mut Vec<V>) {
        for job in std::mem::take(&mut self.jobs) {
            if let Some((f, args)) = job.call {
                out.push(f);
                out.extend(args);
            }
            match job.outcome {
                Some(Ok(v)) | Some(Err(v)) => out.push(v),
                None => {}
            }
        }
    }
}

impl<V: Clone> Threads<V> {
    pub(crate) fn new() -> Threads<V> {
        Threads {
            executors: vec![Executor {
                prefix: "asyncio".into(),
                max_workers: DEFAULT_MAX_WORKERS,
                threads: Vec::new(),
                queue: VecDeque::new(),
                shutdown_waiter: None,
            }],
            threads: Vec::new(),
            jobs: Vec::new(),
            pending: VecDeque::new(),
            continue_on: None,
            park_counter: 0,
        }
    }

    fn thread(&mut self, id: ThreadId) -> Option<&mut Thread> {
        self.threads.get_mut((id as usize).wrapping_sub(1))
    }

    pub(crate) fn job_future(&self, job: JobId) -> FutureId {
        self.jobs
            .get((job as usize).wrapping_sub(1))
            .map_or(0, |j| j.fut)
    }

    /// Hands `job` to `thread`: the `StartJob` todo, or `None` if the job
    /// was cancelled before it started.
    fn start_on(&mut self, job: JobId, thread: ThreadId) -> Option<Todo<V>> {
        let j = self.jobs.get_mut((job as usize).wrapping_sub(1))?;
        let (func, args) = j.call.take()?;
        j.started = true;
        if let Some(t) = self.thread(thread) {
            t.job = Some(job);
        }
        Some(Todo::StartJob {
            job,
            thread,
            func,
            args,
        })
    }

    /// The finished worker's next queued job, if any.
    fn continuation(&mut self) -> Option<Todo<V>> {
        while let Some(thread) = self.continue_on {
            let e = self.threads[thread as usize - 1].executor as usize;
            match self.executors[e].queue.pop_front() {
                Some(job) => {
                    if let Some(todo) = self.start_on(job, thread) {
                        // The worker is busy again; it continues once more
                        // only after this job finishes.
                        self.continue_on = None;
                        return Some(todo);
                    }
                }
                None => self.continue_on = None,
            }
        }
        None
    }

    /// Pops the parked worker due first (by wake-up time, then park order).
    fn due_thread(&mut self, now: u64) -> Option<ThreadId> {
        let (_, _, i) = self
            .threads
            .iter()
            .enumerate()
            .filter_map(|(i, t)| match t.parked_until {
                Some(until) if until <= now => Some((until, t.park_seq, i)),
                _ => None,
            })
            .min()?;
        self.threads[i].parked_until = None;
        Some(i as ThreadId + 1)
    }

    /// The lowest-numbered idle worker of executor `e`, or a new one if it
    /// has fewer than `max_workers`.
    fn idle_worker(&mut self, e: usize) -> Option<ThreadId> {
        let idle = self.executors[e]
            .threads
            .iter()
            .copied()
            .find(|&t| self.threads[t as usize - 1].job.is_none());
        if idle.is_some() {
            return idle;
        }
        if (self.executors[e].threads.len() as u32) < self.executors[e].max_workers {
            let index = self.executors[e].threads.len() as u32;
            self.threads.push(Thread {
                job: None,
                parked_until: None,
                park_seq: 0,
                index,
                executor: e as ExecutorId,
            });
            let id = self.threads.len() as ThreadId;
            self.executors[e].threads.push(id);
            return Some(id);
        }
        None
    }

    /// Starts the next pending job (queueing those whose executor is full).
    fn start_pending(&mut self) -> Option<Todo<V>> {
        while let Some((e, job)) = self.pending.pop_front() {
            if self.jobs[job as usize - 1].call.is_none() {
                continue; // cancelled before it started
            }
            match self.idle_worker(e as usize) {
                Some(thread) => {
                    if let Some(todo) = self.start_on(job, thread) {
                        return Some(todo);
                    }
                }
                None => self.executors[e as usize].queue.push_back(job),
            }
        }
        None
    }

    /// Earliest wake-up of a parked thread.
    pub(crate) fn next_wake(&self) -> Option<u64> {
        self.threads.iter().filter_map(|t| t.parked_until).min()
    }

    /// A `shutdown_default_executor` future whose executor has no job
    /// left.
    pub(crate) fn take_finished_shutdown(&mut self) -> Option<FutureId> {
        for e in 0..self.executors.len() {
            if self.executors[e].shutdown_waiter.is_some() && self.executor_idle(e as ExecutorId) {
                return self.executors[e].shutdown_waiter.take();
            }
        }
        None
    }

    fn executor_idle(&self, e: ExecutorId) -> bool {
        let Some(ex) = self.executors.get(e as usize) else {
            return true;
        };
        ex.queue.is_empty()
            && !self.pending.iter().any(|&(pe, _)| pe == e)
            && ex
                .threads
                .iter()
                .all(|&t| self.threads[t as usize - 1].job.is_none())
    }
}

/// What [`EventLoop::drain_threads`] says.
#[derive(Debug)]
pub enum Drain<V> {
    /// Run this ([`Todo::StartJob`] or [`Todo::ResumeThread`]) and call
    /// again.
    Run(Todo<V>),
    /// The executor (or every executor) is idle.
    Done,
    /// A job can never finish (only possible when waiting for one executor
    /// whose job waits on something that cannot happen).
    Hang,
}

impl<V: Clone> EventLoop<V> {
    /// `ThreadPoolExecutor(max_workers=n, thread_name_prefix=prefix)`
    /// (executor 0, made with the loop, is a default-like one with prefix
    /// `asyncio`).
    pub fn new_executor(&mut self, max_workers: u32, prefix: String) -> ExecutorId {
        self.threads.executors.push(Executor {
            prefix,
            max_workers: max_workers.max(1),
            threads: Vec::new(),
            queue: VecDeque::new(),
            shutdown_waiter: None,
        });
        (self.threads.executors.len() - 1) as ExecutorId
    }

    /// `executor.submit(func, *args)` wrapped in asyncio future `fut`
    /// (`run_in_executor`). The job starts when this iteration ends.
    pub fn submit_job(
        &mut self,
        host: &mut impl Host<V>,
        executor: ExecutorId,
        func: V,
        args: Vec<V>,
        fut: FutureId,
    ) -> JobId {
        let name = if self.recorder.recording() {
            host.callable_name(&func)
        } else {
            String::new()
        };
        let executor = if (executor as usize) < self.threads.executors.len() {
            executor
        } else {
            0
        };
        self.threads.jobs.push(Job {
            call: Some((func, args)),
            fut,
            outcome: None,
            started: false,
        });
        let job = self.threads.jobs.len() as JobId;
        self.threads.pending.push_back((executor, job));
        // wrap_future -> _chain_future: destination.add_done_callback(
        // _call_check_cancel), before anyone awaits the future.
        self.add_done_callback(host, fut, super::DoneCallback::CheckCancel(job));
        self.emit(EventKind::JobSubmitted {
            job,
            func: name,
            fut,
        });
        job
    }

    /// The asyncio future of a job was cancelled: a job that has not
    /// started is dropped (`concurrent.futures.Future.cancel` succeeds only
    /// while pending).
    pub fn cancel_job(&mut self, job: JobId) -> bool {
        match self.threads.jobs.get_mut((job as usize).wrapping_sub(1)) {
            Some(j) if !j.started => {
                j.call = None;
                true
            }
            _ => false,
        }
    }

    /// A worker called `time.sleep(ns)`: park it until now + ns. The host
    /// suspends its fiber and resumes it on [`Todo::ResumeThread`].
    pub fn park_thread(&mut self, thread: ThreadId, ns: u64) {
        let until = self.now.saturating_add(ns).min(super::events::CLOCK_MAX);
        self.threads.park_counter += 1;
        let seq = self.threads.park_counter;
        if let Some(t) = self.threads.thread(thread) {
            t.parked_until = Some(until);
            t.park_seq = seq;
        }
        self.emit(EventKind::ThreadParked {
            thread,
            until_ns: until,
        });
    }

    /// A worker's job returned (`Ok`) or raised (`Err`). Its outcome reaches
    /// the asyncio future through a `call_soon_threadsafe` callback.
    pub fn job_finished(
        &mut self,
        host: &mut impl Host<V>,
        thread: ThreadId,
        outcome: Result<V, V>,
    ) {
        let Some(job) = self.threads.thread(thread).and_then(|t| t.job.take()) else {
            return;
        };
        if self.recorder.recording() {
            let res = match &outcome {
                Ok(v) => Resolution::Result {
                    value: host.repr(v),
                },
                Err(e) => Resolution::Exception { exc: host.repr(e) },
            };
            self.emit(EventKind::JobFinished {
                job,
                thread,
                outcome: res,
            });
        }
        if let Some(j) = self.threads.jobs.get_mut(job as usize - 1) {
            j.outcome = Some(outcome);
        }
        self.threads.continue_on = Some(thread);
        self.call_soon(host, Callback::JobDone { job });
    }

    /// `_set_state`: copy a job's outcome into its future unless cancelled.
    pub(crate) fn job_done(&mut self, host: &mut impl Host<V>, job: JobId) {
        let Some(j) = self.threads.jobs.get_mut((job as usize).wrapping_sub(1)) else {
            return;
        };
        let fut = j.fut;
        let outcome = j.outcome.take();
        if self.cancelled(fut) {
            return;
        }
        match outcome {
            Some(Ok(v)) => {
                let _ = self.set_result(host, fut, v);
            }
            Some(Err(e)) => {
                let _ = self.set_exception(host, fut, e);
            }
            None => {}
        }
    }

    /// `loop.shutdown_default_executor()` (and `executor.shutdown(wait=True)`
    /// from a coroutine's point of view): `fut` gets `None` once every job
    /// of `executor` is done.
    pub fn shutdown_executor(&mut self, executor: ExecutorId, fut: FutureId) {
        if let Some(e) = self.threads.executors.get_mut(executor as usize) {
            e.shutdown_waiter = Some(fut);
        }
    }

    /// The thread's name (`threading.current_thread().name`):
    /// `{thread_name_prefix}_{index}` (`asyncio_0` for the loop's default
    /// executor, `ThreadPoolExecutor-0_1`...), `MainThread` otherwise.
    pub fn thread_name(&self, thread: ThreadId) -> String {
        match self.threads.threads.get((thread as usize).wrapping_sub(1)) {
            Some(t) => {
                let prefix = &self.threads.executors[t.executor as usize].prefix;
                format!("{prefix}_{}", t.index)
            }
            None => "MainThread".into(),
        }
    }

    /// Next worker todo during "select": the continuation of a worker that
    /// just finished a job, else (when `due`) a parked worker whose wake-up
    /// came.
    pub(crate) fn thread_todo(&mut self, due: bool) -> Option<Todo<V>> {
        let todo = match self.threads.continuation() {
            Some(todo) => Some(todo),
            None if due => self
                .threads
                .due_thread(self.now)
                .map(|thread| Todo::ResumeThread { thread }),
            None => None,
        };
        self.trace_thread_todo(&todo);
        todo
    }

    /// Starts the next job submitted since the previous select.
    pub(crate) fn start_pending_job(&mut self) -> Option<Todo<V>> {
        let todo = self.threads.start_pending();
        self.trace_thread_todo(&todo);
        todo
    }

    fn trace_thread_todo(&mut self, todo: &Option<Todo<V>>) {
        match todo {
            Some(Todo::ResumeThread { thread }) => {
                self.emit(EventKind::ThreadResumed { thread: *thread })
            }
            Some(Todo::StartJob { job, thread, .. }) => self.emit(EventKind::JobStarted {
                job: *job,
                thread: *thread,
            }),
            _ => {}
        }
    }

    /// The main thread blocks until `executor` (every executor when `None`)
    /// is idle: `executor.shutdown(wait=True)` outside the loop, or the end
    /// of the program (CPython joins worker threads at exit). Pending jobs
    /// start, then the clock jumps from wake-up to wake-up.
    pub fn drain_threads(&mut self, executor: Option<ExecutorId>) -> Drain<V> {
        loop {
            if let Some(todo) = self.thread_todo(false) {
                return Drain::Run(todo);
            }
            if let Some(todo) = self.start_pending_job() {
                return Drain::Run(todo);
            }
            if let Some(todo) = self.thread_todo(true) {
                return Drain::Run(todo);
            }
            if let Some(e) = executor {
                if self.threads.executor_idle(e) {
                    return Drain::Done;
                }
            }
            match self.threads.next_wake() {
                Some(w) => self.advance_to(w),
                None if executor.is_none() => return Drain::Done,
                None => return Drain::Hang,
            }
        }
    }

    /// Whether any job is queued, running or parked (the run cannot be
    /// called a hang while one is).
    pub fn threads_busy(&self) -> bool {
        (0..self.threads.executors.len()).any(|e| !self.threads.executor_idle(e as ExecutorId))
    }
}
