//! The snapshot fold: the event loop's state at any point of a trace.
//!
//! [`Snapshot::apply`] folds one [`Event`] into the state; folding a trace
//! prefix gives what the UI shows at that point: the running task, the ready
//! queue in order, the waiting tasks and what each waits for, the timers,
//! the worker thread lanes, finished tasks, the clock, the current line of
//! every task and the output so far. The fold is a pure function of the
//! events: the UI never re-runs a program.
//!
//! A *step* is one loop handle run: one task slice between two awaits, or
//! one callback. [`steps`] cuts a trace into steps (event index ranges) and
//! [`Timeline`] (in `snapshot/timeline.rs`) keeps a checkpoint every N
//! events so that seeking anywhere in a 10,000-event trace is cheap; it is
//! the one model of a run cut into steps (the app's player builds on it,
//! and grows it while a live run publishes events). [`narrate`] (in
//! `snapshot/narrate.rs`) says what a step did, as [`Phrase`]s a viewer
//! words in its language ([`english`] is the engine's own wording).

use std::collections::BTreeMap;

mod chain;
mod narrate;
mod timeline;
pub use narrate::{
    english, narrate, task_label, thread_wait, Canceller, Phrase, TaskDid, ThreadWait, Who,
};
pub use timeline::Timeline;

use serde::{Deserialize, Serialize};

use crate::trace::{
    format_secs, Action, Event, EventKind, FrameInfo, FutureId, HandleId, JobId, Resolution,
    RunEnding, StepOutcome, TaskId, ThreadId,
};

/// The loop's state after some prefix of a trace.
///
/// The collections that grow with a run (tasks, futures, timers, the ready
/// queue) are persistent ones (`imbl`): a copy shares them, so copying a
/// state of 90,000 tasks costs what a copy of 9 does, and a copy then
/// changed pays only for the nodes it changes. The player copies the state
/// shown (the step, the step before it, the narration's) several times a
/// second during a live run: with plain maps each copy was the whole run
/// (issue #21).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    /// How many events were folded in (the snapshot is "after event
    /// `applied - 1`").
    pub applied: usize,
    /// The virtual clock, in nanoseconds.
    pub time_ns: u64,
    /// Loop iterations begun so far (`_run_once` calls that ran handles).
    pub iteration: u32,
    /// The handle being run right now, if any.
    pub running: Option<ReadyEntry>,
    /// The task being stepped right now, if any.
    pub running_task: Option<TaskId>,
    /// The ready queue, front first: what will run next, in order.
    pub ready: std::collections::VecDeque<ReadyEntry>,
    /// The timer heap, by (deadline, handle): earliest first, ties in
    /// scheduling order.
    pub timers: imbl::OrdMap<(u64, HandleId), TimerEntry>,
    /// Every task ever created, by id.
    pub tasks: Tasks,
    /// Every future ever created (tasks excluded), by id.
    pub futures: imbl::OrdMap<FutureId, FutureView>,
    /// Worker thread lanes, by id.
    pub threads: BTreeMap<ThreadId, ThreadLane>,
    /// Program threads' names (`threading.Thread`s, pools' threads), by
    /// index (0, the main thread, is not listed).
    pub program_threads: BTreeMap<u32, String>,
    /// Jobs submitted to worker threads, by id.
    pub jobs: BTreeMap<JobId, JobView>,
    /// Everything printed so far, in order.
    pub output: Vec<OutputEntry>,
    /// Warnings so far (CPython's stderr teaching moments).
    pub warnings: Vec<WarningEntry>,
    /// Set once the run is over.
    pub ended: Option<RunEnding>,
    /// CPU model only: the program thread holding each process's GIL
    /// (`None`: no thread of it runs), by process.
    pub gil: BTreeMap<u32, Option<u32>>,
    /// CPU model only: (cores computing, cores in all); (0, 0) without
    /// the model.
    pub cores: (u32, u32),
    /// The line run last and the task that ran it (`EventKind::Line`; only
    /// in runs that record lines).
    pub line: Option<(Option<TaskId>, u32)>,
    /// The program's module globals as last recorded (`EventKind::Globals`;
    /// only in runs that record frames).
    pub globals: Vec<crate::trace::LocalVar>,
    /// Set once line events stopped at their limit (`EventKind::LinesCapped`):
    /// the limit.
    pub lines_capped: Option<usize>,
    /// Set once line events stopped recording frames and globals
    /// (`EventKind::LineFramesCapped`): the limit. From there on a task's
    /// variables are the ones of its last suspension.
    pub line_frames_capped: Option<usize>,
    /// What makes folding linear in a long trace (derived from the events,
    /// never compared).
    index: FoldIndex,
}

/// Lookups the fold keeps beside the state so that no event costs time
/// in proportion to every task or timer (a program starting a task per
/// step has ~100,000 of each: issue #21).
#[derive(Clone, Debug, Default)]
struct FoldIndex {
    /// Futures some task has awaited (a label given to any other future
    /// refreshes no task: no scan of every task).
    awaited: imbl::OrdSet<FutureId>,
    /// Each timer's deadline, by handle (its place in `timers` is found by
    /// a binary search).
    timer_when: imbl::OrdMap<HandleId, u64>,
    /// The tasks that are done (returned, failed or cancelled), and how
    /// many wait: what the loop panel lists without looking at every task.
    finished: imbl::OrdSet<TaskId>,
    waiting: usize,
    /// The tasks parked at an `await` of their own, by (line, id), and how
    /// many at each line: the code panel's badges without a look at every
    /// task.
    parked: imbl::OrdSet<(u32, TaskId)>,
    parked_at: imbl::OrdMap<u32, u64>,
    /// (awaited, waiter) for every task waiting on another task directly:
    /// await chains without a look at every task.
    awaiting: imbl::OrdSet<(TaskId, TaskId)>,
    /// When asked for ([`Snapshot::note_changed_tasks`]): the tasks whose
    /// state was set since [`Snapshot::take_changed_tasks`].
    changed: Option<Vec<TaskId>>,
}

/// What the index files a task under, from its state, line and steps.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct TaskKeys {
    waiting: bool,
    finished: bool,
    parked: Option<u32>,
    awaits: Option<TaskId>,
}

impl TaskKeys {
    fn of(t: &TaskView) -> TaskKeys {
        TaskKeys {
            waiting: matches!(t.state, TaskState::Waiting { .. }),
            finished: t.state.is_finished(),
            parked: t.parked_line(),
            awaits: match t.state {
                TaskState::Waiting {
                    on: Waiting::Task { task },
                } => Some(task),
                _ => None,
            },
        }
    }
}

impl FoldIndex {
    /// Task `id` went from `old` to `new`: files it anew.
    #[inline(never)]
    fn refile(&mut self, id: TaskId, old: TaskKeys, new: TaskKeys) {
        self.waiting -= usize::from(old.waiting);
        self.waiting += usize::from(new.waiting);
        if new.finished != old.finished {
            if new.finished {
                self.finished.insert(id);
            } else {
                self.finished.remove(&id);
            }
        }
        if new.parked != old.parked {
            if let Some(line) = old.parked {
                self.parked.remove(&(line, id));
                match self.parked_at.get_mut(&line) {
                    Some(n) if *n > 1 => *n -= 1,
                    _ => {
                        self.parked_at.remove(&line);
                    }
                }
            }
            if let Some(line) = new.parked {
                self.parked.insert((line, id));
                *self.parked_at.entry(line).or_default() += 1;
            }
        }
        if new.awaits != old.awaits {
            if let Some(w) = old.awaits {
                self.awaiting.remove(&(w, id));
            }
            if let Some(w) = new.awaits {
                self.awaiting.insert((w, id));
            }
        }
    }
}

impl TaskView {
    /// The line it is parked at, when it is parked at an `await` of its
    /// own: it waits, or it is ready to go on after one (it has run a
    /// step: a task never run has no line inside it yet).
    pub fn parked_line(&self) -> Option<u32> {
        let parked = match self.state {
            TaskState::Waiting { .. } => true,
            TaskState::Ready => self.steps > 0,
            _ => false,
        };
        (parked && self.line > 0).then_some(self.line)
    }
}

impl TaskState {
    /// Done with a result, an exception, or cancelled.
    pub fn is_finished(&self) -> bool {
        matches!(
            self,
            TaskState::Done { .. } | TaskState::Failed { .. } | TaskState::Cancelled
        )
    }
}

impl PartialEq for FoldIndex {
    /// Derived data: two folds of one trace are equal whatever it holds.
    fn eq(&self, _: &FoldIndex) -> bool {
        true
    }
}

/// Every task of a run, by id (a persistent map: see [`Snapshot`]).
pub type Tasks = imbl::OrdMap<TaskId, TaskView>;

/// A warning, as the console shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WarningEntry {
    /// The warning's first line ("coroutine 'f' was never awaited").
    pub text: String,
    /// The program line it is about (0: none).
    pub line: u32,
}

/// One entry of the ready queue (or the running handle).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReadyEntry {
    /// The handle.
    pub handle: HandleId,
    /// What it will do.
    pub action: Action,
    /// Set when `handle.cancel()` was called: it will be skipped.
    pub cancelled: bool,
}

/// One pending timer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimerEntry {
    /// The timer's handle.
    pub handle: HandleId,
    /// Deadline (virtual ns).
    pub when_ns: u64,
    /// What it will do once due.
    pub action: Action,
    /// Set when cancelled (it stays in the heap until it reaches the head).
    pub cancelled: bool,
}

/// What the UI knows about a task.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TaskView {
    /// The task's id.
    pub id: TaskId,
    /// `get_name()`.
    pub name: String,
    /// Its coroutine's name.
    pub coro: String,
    /// The task that created it.
    pub parent: Option<TaskId>,
    /// Where it is in its life.
    pub state: TaskState,
    /// The line it is at: where it was created, then where it last resumed
    /// or suspended (what the player highlights).
    pub line: u32,
    /// Set once a cancellation was requested and not yet delivered.
    pub cancel_requested: bool,
    /// Number of steps run so far.
    pub steps: u32,
    /// Its await chain when it last suspended, outermost frame first, with
    /// each frame's locals (only in runs that record frames:
    /// `Limits::inspect_frames`); empty before its first suspension and
    /// once it is done.
    #[serde(default)]
    pub frames: Vec<FrameInfo>,
    /// The line it ran last (`EventKind::Line`; only in runs that record
    /// lines: `Limits::record_lines`): where it is paused while it waits.
    #[serde(default)]
    pub line_ran: Option<u32>,
}

/// A task's state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum TaskState {
    /// Created; its first step is scheduled but has not run yet.
    Created,
    /// Its step is in the ready queue (after a bare yield or a wakeup).
    Ready,
    /// It is being stepped right now.
    Running,
    /// Suspended at an `await`.
    Waiting {
        /// What it waits for.
        on: Waiting,
    },
    /// Done with a result.
    Done {
        /// `repr` of the result.
        result: String,
    },
    /// Done with an exception.
    Failed {
        /// `repr` of the exception.
        exc: String,
    },
    /// Cancelled.
    Cancelled,
}

/// What a waiting task waits for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Waiting {
    /// `asyncio.sleep`: until the given time.
    Sleep {
        /// The sleep's future.
        fut: FutureId,
        /// Wake-up time (virtual ns), when known.
        until_ns: Option<u64>,
    },
    /// Another task.
    Task {
        /// The awaited task.
        task: TaskId,
    },
    /// A future, with its label ("future", "lock", "queue.get", "gather",
    /// "event.wait", "thread job"...).
    Future {
        /// The future.
        fut: FutureId,
        /// Its label.
        label: String,
    },
}

/// What the UI knows about a plain future.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FutureView {
    /// Label ("future", "sleep", "lock"...).
    pub label: String,
    /// For sleeps: the wake-up time.
    pub until_ns: Option<u64>,
    /// `None` while pending.
    pub resolution: Option<Resolution>,
}

/// A worker thread lane.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThreadLane {
    /// The lane's id.
    pub id: ThreadId,
    /// The job it runs, if any.
    pub job: Option<JobId>,
    /// Parked in `time.sleep` until this time.
    pub parked_until: Option<u64>,
}

/// A job submitted to a worker thread.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JobView {
    /// The function's name.
    pub func: String,
    /// The future that gets its result.
    pub fut: FutureId,
    /// The lane running it (once started).
    pub thread: Option<ThreadId>,
    /// Set once finished.
    pub outcome: Option<Resolution>,
}

/// One chunk of output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutputEntry {
    /// When it was written.
    pub time_ns: u64,
    /// The task that wrote it.
    pub task: Option<TaskId>,
    /// The worker thread that wrote it.
    pub thread: Option<ThreadId>,
    /// The text.
    pub text: String,
    /// Written to stderr.
    pub stderr: bool,
    /// The line of the `print`.
    pub line: u32,
}

impl Snapshot {
    /// The empty state before the first event.
    pub fn new() -> Snapshot {
        Snapshot::default()
    }

    /// From now on, note every task whose state is set (created, run,
    /// waiting, ready, done), for a viewer that follows states step by
    /// step without looking at every task ([`Snapshot::take_changed_tasks`]).
    pub fn note_changed_tasks(&mut self) {
        self.index.changed.get_or_insert_with(Vec::new);
    }

    /// The tasks whose state was set since the last call (in order, with
    /// repeats), if [`Snapshot::note_changed_tasks`] was called.
    pub fn take_changed_tasks(&mut self) -> Vec<TaskId> {
        self.index
            .changed
            .as_mut()
            .map(std::mem::take)
            .unwrap_or_default()
    }

    fn changed(&mut self, task: TaskId) {
        if let Some(c) = &mut self.index.changed {
            c.push(task);
        }
    }

    /// Changes task `id` (when it exists) by `edit`: every change to a
    /// task's state, line or steps goes through here, so the index files
    /// it anew.
    fn edit_task(&mut self, id: TaskId, edit: impl FnOnce(&mut TaskView)) {
        let Some(t) = self.tasks.get_mut(&id) else {
            return;
        };
        let old = TaskKeys::of(t);
        edit(t);
        let new = TaskKeys::of(t);
        if new != old {
            self.index.refile(id, old, new);
        }
    }

    /// The lines tasks are parked at ([`TaskView::parked_line`]), in
    /// order, with how many at each.
    pub fn parked_lines(&self) -> impl Iterator<Item = (u32, usize)> + '_ {
        self.index
            .parked_at
            .iter()
            .map(|(&line, &n)| (line, n as usize))
    }

    /// The tasks parked at `line`, by id.
    pub fn parked_at(&self, line: u32) -> impl Iterator<Item = &TaskView> + '_ {
        self.index
            .parked
            .range((line, 0)..=(line, TaskId::MAX))
            .filter_map(|(_, id)| self.tasks.get(id))
    }

    /// The first task (by id) waiting on task `task` directly.
    pub fn first_awaiter(&self, task: TaskId) -> Option<TaskId> {
        self.index
            .awaiting
            .range((task, 0)..=(task, TaskId::MAX))
            .next()
            .map(|&(_, waiter)| waiter)
    }

    /// How many tasks wait (on a sleep, a future, another task).
    pub fn waiting_count(&self) -> usize {
        self.index.waiting
    }

    /// The tasks that are done (returned, failed or cancelled), by id.
    pub fn finished_tasks(&self) -> impl Iterator<Item = &TaskView> {
        self.index
            .finished
            .iter()
            .filter_map(|id| self.tasks.get(id))
    }

    /// How many tasks are done.
    pub fn finished_count(&self) -> usize {
        self.index.finished.len()
    }

    /// How many tasks, futures, timers and ready handles the state holds
    /// (what copying it costs, roughly).
    pub fn size(&self) -> usize {
        self.tasks.len() + self.futures.len() + self.timers.len() + self.ready.len()
    }

    /// Folds a whole slice of events.
    pub fn fold(events: &[Event]) -> Snapshot {
        let mut s = Snapshot::new();
        for e in events {
            s.apply(e);
        }
        s
    }

    /// Folds one event into the state: the clock and count here, the rest
    /// in one function per kind of event (grouped below by what they
    /// touch: futures, tasks, the ready queue and timers, worker threads,
    /// output). Each borrows from the event and clones only what the state
    /// keeps, so folding stays as cheap as one `match`.
    pub fn apply(&mut self, event: &Event) {
        self.applied += 1;
        self.time_ns = event.time_ns;
        match &event.kind {
            EventKind::FutureCreated { fut, label, .. } => self.future_created(*fut, label),
            EventKind::FutureLabeled {
                fut,
                label,
                until_ns,
            } => self.future_labeled(*fut, label, *until_ns),
            EventKind::FutureResolved { fut, outcome } => self.future_resolved(*fut, outcome),
            EventKind::TaskCreated {
                task,
                name,
                coro,
                parent,
                line,
            } => self.task_created(*task, name, coro, *parent, *line),
            EventKind::TaskRenamed { task, name } => {
                if let Some(t) = self.tasks.get_mut(task) {
                    t.name = name.clone();
                }
            }
            EventKind::TaskStepStarted { task, line, throw } => {
                self.task_step_started(*task, *line, throw.is_some())
            }
            EventKind::TaskStepEnded {
                task,
                line,
                outcome,
            } => self.task_step_ended(*task, *line, outcome),
            EventKind::CancelRequested { fut, .. } => self.cancel_requested(*fut),
            EventKind::HandleScheduled {
                handle,
                action,
                when_ns,
            } => self.handle_scheduled(*handle, action, *when_ns),
            EventKind::HandleCancelled { handle } => self.handle_cancelled(*handle),
            EventKind::TimerFired { handle } => self.timer_fired(*handle),
            EventKind::TimerDiscarded { handle } => {
                if let Some(key) = self.timer_key(*handle) {
                    self.timers.remove(&key);
                }
                self.index.timer_when.remove(handle);
            }
            EventKind::ClockAdvanced { to_ns, .. } => self.time_ns = *to_ns,
            EventKind::IterationStarted { iteration, .. } => self.iteration = *iteration,
            EventKind::HandleStarted { handle } => self.handle_started(*handle),
            EventKind::HandleSkipped { handle } => {
                if let Some(pos) = self.ready.iter().position(|r| r.handle == *handle) {
                    self.ready.remove(pos);
                }
            }
            EventKind::HandleFinished { .. } => {
                self.running = None;
                self.running_task = None;
            }
            EventKind::JobSubmitted { job, func, fut } => self.job_submitted(*job, func, *fut),
            EventKind::JobStarted { job, thread } => self.job_started(*job, *thread),
            EventKind::ThreadParked { thread, until_ns } => {
                if let Some(lane) = self.threads.get_mut(thread) {
                    lane.parked_until = Some(*until_ns);
                }
            }
            EventKind::ThreadResumed { thread } => {
                if let Some(lane) = self.threads.get_mut(thread) {
                    lane.parked_until = None;
                }
            }
            EventKind::JobFinished {
                job,
                thread,
                outcome,
            } => self.job_finished(*job, *thread, outcome),
            EventKind::ProgramThreadStarted { thread, name, .. } => {
                self.program_threads.insert(*thread, name.clone());
            }
            // The player draws program threads' lanes from the events.
            EventKind::ProgramThreadBlocked { .. }
            | EventKind::ProgramThreadRuns { .. }
            | EventKind::ProgramThreadEnded { .. }
            | EventKind::ProcessStarted { .. }
            | EventKind::ProcessExited { .. } => {}
            EventKind::Print {
                task,
                thread,
                text,
                line,
                stderr,
            } => self.print(event.time_ns, *task, *thread, text, *line, *stderr),
            EventKind::LoopBlocked { .. } => {}
            EventKind::CpuState {
                process,
                gil,
                busy_cores,
                cores,
            } => {
                self.gil.insert(*process, *gil);
                self.cores = (*busy_cores, *cores);
            }
            EventKind::Warning { text, line } => self.warnings.push(WarningEntry {
                text: text.clone(),
                line: *line,
            }),
            EventKind::RunEnded { ending } => {
                self.ended = Some(ending.clone());
                self.running = None;
                self.running_task = None;
            }
            EventKind::TaskFrames { task, frames } => {
                if let Some(t) = self.tasks.get_mut(task) {
                    t.frames = frames.clone();
                }
            }
            EventKind::Line { task, line, .. } => {
                self.line = Some((*task, *line));
                if let Some(t) = task.and_then(|task| self.tasks.get_mut(&task)) {
                    t.line_ran = Some(*line);
                }
            }
            EventKind::LinesCapped { limit } => self.lines_capped = Some(*limit),
            EventKind::LineFramesCapped { limit } => self.line_frames_capped = Some(*limit),
            EventKind::Globals { vars } => self.globals = vars.clone(),
        }
    }

    // Futures.

    fn future_created(&mut self, fut: FutureId, label: &str) {
        self.futures.insert(
            fut,
            FutureView {
                label: label.to_owned(),
                until_ns: None,
                resolution: None,
            },
        );
    }

    /// A future gets its teaching label (and a sleep its deadline) after
    /// creation; tasks already waiting on it show the new description.
    fn future_labeled(&mut self, fut: FutureId, label: &str, until_ns: Option<u64>) {
        let view = self.futures.entry(fut).or_insert_with(|| FutureView {
            label: String::new(),
            until_ns: None,
            resolution: None,
        });
        view.label = label.to_owned();
        view.until_ns = until_ns;
        // Refresh the description of tasks already waiting on it.
        if !self.index.awaited.contains(&fut) {
            return;
        }
        let waiting = self.waiting_on(fut);
        // Found by reading, changed one by one: a mutable pass over every
        // task would copy every shared node of the map.
        let waiters: Vec<TaskId> = self
            .tasks
            .iter()
            .filter(|(_, t)| t_waits_on(&t.state, fut))
            .map(|(id, _)| *id)
            .collect();
        for id in waiters {
            self.edit_task(id, |t| {
                t.state = TaskState::Waiting {
                    on: waiting.clone(),
                }
            });
        }
    }

    /// A future (or a task: tasks are futures) got its result.
    fn future_resolved(&mut self, fut: FutureId, outcome: &Resolution) {
        if let Some(f) = self.futures.get_mut(&fut) {
            f.resolution = Some(outcome.clone());
        }
        if self.tasks.contains_key(&fut) {
            self.changed(fut);
        }
        // A task is resolved by its own step (TaskStepEnded); this also
        // covers a task cancelled before it started.
        self.edit_task(fut, |t| {
            t.state = match outcome {
                Resolution::Result { value } => TaskState::Done {
                    result: value.clone(),
                },
                Resolution::Exception { exc } => TaskState::Failed { exc: exc.clone() },
                Resolution::Cancelled => TaskState::Cancelled,
            };
            t.cancel_requested = false;
        });
    }

    // Tasks.

    fn task_created(
        &mut self,
        task: TaskId,
        name: &str,
        coro: &str,
        parent: Option<TaskId>,
        line: u32,
    ) {
        self.changed(task);
        let old = self.tasks.insert(
            task,
            TaskView {
                id: task,
                name: name.to_owned(),
                coro: coro.to_owned(),
                parent,
                state: TaskState::Created,
                line,
                cancel_requested: false,
                steps: 0,
                frames: Vec::new(),
                line_ran: None,
            },
        );
        // (A new task is filed under nothing; one made again with a known
        // id, which a hand-made trace can do, leaves its old filing.)
        if let Some(old) = old {
            self.index
                .refile(task, TaskKeys::of(&old), TaskKeys::default());
        }
    }

    /// A task step begins; an exception thrown in (a cancellation being
    /// delivered) uses up the pending cancel request.
    fn task_step_started(&mut self, task: TaskId, line: u32, thrown: bool) {
        self.running_task = Some(task);
        self.changed(task);
        self.edit_task(task, |t| {
            t.state = TaskState::Running;
            t.line = line;
            t.steps += 1;
            if thrown {
                t.cancel_requested = false;
            }
        });
    }

    /// A task step ends: the task now waits, is ready again, or is done.
    fn task_step_ended(&mut self, task: TaskId, line: u32, outcome: &StepOutcome) {
        let state = match outcome {
            StepOutcome::Awaiting { fut } => {
                self.index.awaited.insert(*fut);
                TaskState::Waiting {
                    on: self.waiting_on(*fut),
                }
            }
            StepOutcome::BareYield | StepOutcome::BadYield { .. } => TaskState::Ready,
            StepOutcome::Returned { value } => TaskState::Done {
                result: value.clone(),
            },
            StepOutcome::Raised { exc } => TaskState::Failed { exc: exc.clone() },
            StepOutcome::Cancelled => TaskState::Cancelled,
        };
        self.changed(task);
        self.edit_task(task, |t| {
            if !matches!(state, TaskState::Waiting { .. } | TaskState::Ready) {
                t.frames.clear();
            }
            t.state = state;
            t.line = line;
        });
        self.running_task = None;
    }

    /// `cancel()` on a task that has not finished flags it until the
    /// CancelledError is thrown in.
    fn cancel_requested(&mut self, fut: FutureId) {
        if let Some(t) = self.tasks.get_mut(&fut) {
            if matches!(
                t.state,
                TaskState::Created | TaskState::Ready | TaskState::Waiting { .. }
            ) {
                t.cancel_requested = true;
            }
        }
    }

    // The ready queue and the timer heap.

    /// `call_soon` appends to the ready queue; `call_at` inserts into the
    /// timer heap, kept sorted by (deadline, scheduling order).
    fn handle_scheduled(&mut self, handle: HandleId, action: &Action, when_ns: Option<u64>) {
        match when_ns {
            None => {
                self.mark_ready(action);
                self.ready.push_back(ReadyEntry {
                    handle,
                    action: action.clone(),
                    cancelled: false,
                });
            }
            Some(when) => {
                let entry = TimerEntry {
                    handle,
                    when_ns: when,
                    action: action.clone(),
                    cancelled: false,
                };
                self.timers.insert((when, handle), entry);
                self.index.timer_when.insert(handle, when);
            }
        }
    }

    /// A cancelled handle stays in place (the loop skips it later).
    fn handle_cancelled(&mut self, handle: HandleId) {
        if let Some(t) = self.timer_key(handle).and_then(|k| self.timers.get_mut(&k)) {
            t.cancelled = true;
            return;
        }
        if let Some(pos) = self.ready.iter().position(|r| r.handle == handle) {
            self.ready[pos].cancelled = true;
        }
    }

    /// A due timer moves from the heap to the back of the ready queue.
    fn timer_fired(&mut self, handle: HandleId) {
        if let Some(t) = self.timer_key(handle).and_then(|k| self.timers.remove(&k)) {
            self.index.timer_when.remove(&handle);
            self.mark_ready(&t.action);
            self.ready.push_back(ReadyEntry {
                handle: t.handle,
                action: t.action,
                cancelled: t.cancelled,
            });
        }
    }

    /// Timer `handle`'s key in `timers`: by its deadline, or a scan when
    /// the fold did not see it scheduled.
    fn timer_key(&self, handle: HandleId) -> Option<(u64, HandleId)> {
        if let Some(&when) = self.index.timer_when.get(&handle) {
            if self.timers.contains_key(&(when, handle)) {
                return Some((when, handle));
            }
        }
        self.timers.keys().find(|(_, h)| *h == handle).copied()
    }

    /// The loop pops a handle off the ready queue and runs it.
    fn handle_started(&mut self, handle: HandleId) {
        if let Some(pos) = self.ready.iter().position(|r| r.handle == handle) {
            self.running = self.ready.remove(pos);
        }
    }

    // Worker threads.

    fn job_submitted(&mut self, job: JobId, func: &str, fut: FutureId) {
        self.jobs.insert(
            job,
            JobView {
                func: func.to_owned(),
                fut,
                thread: None,
                outcome: None,
            },
        );
    }

    /// A worker thread picks up a job (its lane appears on first use).
    fn job_started(&mut self, job: JobId, thread: ThreadId) {
        if let Some(j) = self.jobs.get_mut(&job) {
            j.thread = Some(thread);
        }
        let lane = self.threads.entry(thread).or_insert(ThreadLane {
            id: thread,
            job: None,
            parked_until: None,
        });
        lane.job = Some(job);
        lane.parked_until = None;
    }

    fn job_finished(&mut self, job: JobId, thread: ThreadId, outcome: &Resolution) {
        if let Some(j) = self.jobs.get_mut(&job) {
            j.outcome = Some(outcome.clone());
        }
        if let Some(lane) = self.threads.get_mut(&thread) {
            lane.job = None;
            lane.parked_until = None;
        }
    }

    // Output.

    /// A print is recorded, and moves its task's current line.
    fn print(
        &mut self,
        time_ns: u64,
        task: Option<TaskId>,
        thread: Option<ThreadId>,
        text: &str,
        line: u32,
        stderr: bool,
    ) {
        self.output.push(OutputEntry {
            time_ns,
            task,
            thread,
            text: text.to_owned(),
            stderr,
            line,
        });
        if let Some(task) = task {
            self.edit_task(task, |t| t.line = line);
        }
    }

    /// What a task awaiting `fut` waits for.
    fn waiting_on(&self, fut: FutureId) -> Waiting {
        if self.tasks.contains_key(&fut) {
            return Waiting::Task { task: fut };
        }
        match self.futures.get(&fut) {
            Some(f) if f.label == "sleep" => Waiting::Sleep {
                fut,
                until_ns: f.until_ns,
            },
            Some(f) => Waiting::Future {
                fut,
                label: f.label.clone(),
            },
            None => Waiting::Future {
                fut,
                label: "future".to_string(),
            },
        }
    }

    /// A task step entering the ready queue makes its task "ready".
    fn mark_ready(&mut self, action: &Action) {
        let task = match action {
            Action::TaskStep { task, .. } | Action::TaskWakeup { task, .. } => *task,
            _ => return,
        };
        self.changed(task);
        self.edit_task(task, |t| {
            if !matches!(t.state, TaskState::Created) {
                t.state = TaskState::Ready;
            }
        });
    }

    /// The stdout text printed so far.
    pub fn stdout(&self) -> String {
        self.output
            .iter()
            .filter(|o| !o.stderr)
            .map(|o| o.text.as_str())
            .collect()
    }

    /// Names of the tasks whose step is in the ready queue, front first
    /// (callbacks appear as their function name).
    pub fn ready_names(&self) -> Vec<String> {
        self.ready
            .iter()
            .map(|r| describe_action(&r.action, &self.tasks))
            .collect()
    }

    /// A short human description of what `task` is doing or waiting for
    /// ("sleep until t=1.000", "task B", "lock"...).
    pub fn task_status(&self, task: TaskId) -> String {
        let Some(t) = self.tasks.get(&task) else {
            return String::new();
        };
        match &t.state {
            TaskState::Created => "created, not started".into(),
            TaskState::Ready => "ready".into(),
            TaskState::Running => "running".into(),
            TaskState::Waiting { on } => self.describe_waiting(on),
            TaskState::Done { result } => format!("done: {result}"),
            TaskState::Failed { exc } => format!("failed: {exc}"),
            TaskState::Cancelled => "cancelled".into(),
        }
    }

    /// A program thread's name (`MainThread` for 0, as its lane says).
    pub fn thread_name(&self, thread: u32) -> String {
        match self.program_threads.get(&thread) {
            Some(name) => name.clone(),
            None if thread == 0 => "MainThread".into(),
            None => format!("thread {thread}"),
        }
    }

    /// "sleep until t=1.000", "task B", "future #3", "lock", "queue.get"...
    pub fn describe_waiting(&self, on: &Waiting) -> String {
        match on {
            Waiting::Sleep {
                until_ns: Some(t), ..
            } => format!("sleep until t={}", format_secs(*t)),
            Waiting::Sleep { until_ns: None, .. } => "sleep".into(),
            Waiting::Task { task } => format!("task {}", task_name(*task, &self.tasks)),
            Waiting::Future { fut, label } if label == "future" => format!("future #{fut}"),
            Waiting::Future { label, .. } => label.clone(),
        }
    }
}

fn t_waits_on(state: &TaskState, fut: FutureId) -> bool {
    match state {
        TaskState::Waiting {
            on: Waiting::Future { fut: f, .. } | Waiting::Sleep { fut: f, .. },
        } => *f == fut,
        _ => false,
    }
}

fn task_name(task: TaskId, tasks: &Tasks) -> String {
    tasks
        .get(&task)
        .map(|t| t.name.clone())
        .unwrap_or_else(|| format!("#{task}"))
}

/// "Task-1", "wakeup Task-2", or a callback's name.
fn describe_action(action: &Action, tasks: &Tasks) -> String {
    match action {
        Action::TaskStep { task, .. } | Action::TaskWakeup { task, .. } => task_name(*task, tasks),
        Action::Callback { func, .. } => func.clone(),
        Action::JobDone { job, .. } => format!("job #{job} done"),
        Action::StopLoop { .. } => "stop loop".into(),
    }
}

/// What kind of step this is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum StepKind {
    /// Events before the loop ran its first handle (module-level code,
    /// `asyncio.run` creating the main task).
    Setup,
    /// One handle run.
    Handle {
        /// The handle.
        handle: HandleId,
    },
    /// Events after the last handle (the run's end).
    Teardown,
    /// Before the loop's first handle: a program thread's turn, from the
    /// moment the thread scheduler picks it until it picks another (a
    /// program of threads, without an event loop, is a step per turn).
    Thread {
        /// The thread's index (0 is the main thread).
        thread: u32,
    },
}

/// One step: a range of event indexes `[start, end)`. Steps partition the
/// trace: a handle's step begins right after the previous step and ends
/// with its `HandleFinished` (so the loop housekeeping before it, clock
/// jumps and timers firing, belongs to it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// First event index.
    pub start: usize,
    /// One past the last event index.
    pub end: usize,
    /// What the step is.
    pub kind: StepKind,
}

/// Cuts a trace into steps.
pub fn steps(events: &[Event]) -> Vec<Step> {
    let mut cutter = StepCutter::default();
    let mut out = Vec::new();
    cutter.feed(events, &mut out);
    out.extend(cutter.partial(events.len()));
    out
}

/// Cuts a growing trace into steps, resuming where it stopped: a step once
/// complete never changes, so feeding the events as they arrive costs
/// their number, not the trace's ([`steps`] is one feed of everything).
#[derive(Clone, Debug)]
pub struct StepCutter {
    /// Events scanned so far.
    scanned: usize,
    /// First event of the step in progress.
    start: usize,
    /// The handle running, if one is.
    current: Option<HandleId>,
    /// A handle has started (the loop's steps are never cut further).
    seen_handle: bool,
    /// Before the first handle: the setup, then one step per program
    /// thread's turn.
    before_loop: StepKind,
    /// Before the loop: the running thread blocked or ended.
    idle: bool,
    /// Before the loop: where the clock first jumped after the running
    /// thread blocked; the jump opens the next thread's step (as a clock
    /// jump opens a handle's step), so a turn ends at its thread's block.
    jump_at: Option<usize>,
}

impl Default for StepCutter {
    fn default() -> StepCutter {
        StepCutter {
            scanned: 0,
            start: 0,
            current: None,
            seen_handle: false,
            before_loop: StepKind::Setup,
            idle: false,
            jump_at: None,
        }
    }
}

impl StepCutter {
    /// Scans `events[self.scanned..]` (`events` is the whole trace so
    /// far) and appends the steps completed in it to `out`.
    pub fn feed(&mut self, events: &[Event], out: &mut Vec<Step>) {
        for (i, e) in events.iter().enumerate().skip(self.scanned) {
            match &e.kind {
                EventKind::ProgramThreadBlocked { .. } | EventKind::ProgramThreadEnded { .. }
                    if !self.seen_handle =>
                {
                    self.idle = true;
                }
                EventKind::ClockAdvanced { .. }
                    if !self.seen_handle && self.idle && self.jump_at.is_none() =>
                {
                    self.jump_at = Some(i);
                }
                EventKind::ProgramThreadRuns { thread } if !self.seen_handle => {
                    let cut = self.jump_at.take().unwrap_or(i).max(self.start);
                    self.idle = false;
                    if self.start < cut {
                        out.push(Step {
                            start: self.start,
                            end: cut,
                            kind: self.before_loop.clone(),
                        });
                        self.start = cut;
                    }
                    self.before_loop = StepKind::Thread { thread: *thread };
                }
                EventKind::HandleStarted { handle } => {
                    if !self.seen_handle && self.start < i {
                        // Everything before the first handle is the setup
                        // step (or the last thread's turn).
                        out.push(Step {
                            start: self.start,
                            end: i,
                            kind: self.before_loop.clone(),
                        });
                        self.start = i;
                    }
                    self.seen_handle = true;
                    self.current = Some(*handle);
                }
                EventKind::HandleFinished { handle } => {
                    out.push(Step {
                        start: self.start,
                        end: i + 1,
                        kind: StepKind::Handle { handle: *handle },
                    });
                    self.start = i + 1;
                    self.current = None;
                }
                _ => {}
            }
        }
        self.scanned = self.scanned.max(events.len());
    }

    /// The step in progress over a trace of `len` events, if it has any
    /// event (it grows, or ends, as more events come).
    pub fn partial(&self, len: usize) -> Option<Step> {
        (self.start < len).then(|| Step {
            start: self.start,
            end: len,
            kind: match self.current {
                Some(handle) => StepKind::Handle { handle },
                None if !self.seen_handle => self.before_loop.clone(),
                None => StepKind::Teardown,
            },
        })
    }
}

/// How an action is written in a step listing (the notation of
/// `tools/cpython_steps.py`, which records CPython's real behaviour):
/// "step T", "wakeup T", "call f", "cancelled".
pub fn listing_name(entry: &ReadyEntry, tasks: &Tasks) -> String {
    if entry.cancelled {
        return "cancelled".into();
    }
    match &entry.action {
        Action::TaskStep { task, .. } => format!("step {}", task_name(*task, tasks)),
        Action::TaskWakeup { task, .. } => format!("wakeup {}", task_name(*task, tasks)),
        Action::Callback { func, .. } => format!("call {func}"),
        Action::StopLoop { .. } => "call _run_until_complete_cb".into(),
        Action::JobDone { .. } => "call _set_state".into(),
    }
}

/// The step listing of a trace, one line per handle run, in the format of
/// `tools/cpython_steps.py`:
/// `<iteration> <ms> <what runs> | <ready queue after popping it>`.
/// Tests compare it with CPython's to check interleavings and the ready
/// queue the snapshot fold reconstructs.
pub fn step_listing(events: &[Event]) -> Vec<String> {
    let mut s = Snapshot::new();
    let mut lines = Vec::new();
    for e in events {
        s.apply(e);
        if let EventKind::HandleStarted { .. } = e.kind {
            lines.extend(listing_line(&s));
        }
    }
    lines
}

/// The line of [`step_listing`] for a snapshot taken right after a
/// `HandleStarted` event (`None` when no handle is running).
pub fn listing_line(s: &Snapshot) -> Option<String> {
    let running = s.running.as_ref()?;
    let ready: Vec<String> = s.ready.iter().map(|r| listing_name(r, &s.tasks)).collect();
    Some(format!(
        "{} {} {} | {}",
        s.iteration,
        (s.time_ns + 500_000) / 1_000_000,
        listing_name(running, &s.tasks),
        ready.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::{Recorder, Trace};

    fn sample() -> Trace {
        let mut r = Recorder::new(true);
        r.push(
            0,
            EventKind::TaskCreated {
                task: 1,
                name: "A".into(),
                coro: "a".into(),
                parent: None,
                line: 1,
            },
        );
        r.push(
            0,
            EventKind::HandleScheduled {
                handle: 1,
                action: Action::TaskStep {
                    task: 1,
                    throw: None,
                },
                when_ns: None,
            },
        );
        r.push(
            0,
            EventKind::IterationStarted {
                iteration: 1,
                ntodo: 1,
            },
        );
        r.push(0, EventKind::HandleStarted { handle: 1 });
        r.push(
            0,
            EventKind::TaskStepStarted {
                task: 1,
                line: 1,
                throw: None,
            },
        );
        r.push(
            0,
            EventKind::FutureCreated {
                fut: 2,
                label: "sleep".into(),
                line: 2,
            },
        );
        r.push(
            0,
            EventKind::FutureLabeled {
                fut: 2,
                label: "sleep".into(),
                until_ns: Some(1_000_000_000),
            },
        );
        r.push(
            0,
            EventKind::TaskStepEnded {
                task: 1,
                line: 2,
                outcome: StepOutcome::Awaiting { fut: 2 },
            },
        );
        r.push(0, EventKind::HandleFinished { handle: 1 });
        r.push(
            0,
            EventKind::RunEnded {
                ending: RunEnding::Completed,
            },
        );
        r.trace
    }

    #[test]
    fn steps_partition_the_trace() {
        let t = sample();
        let st = steps(&t.events);
        assert_eq!(st.len(), 3);
        assert_eq!(st[0].kind, StepKind::Setup);
        assert_eq!(st[1].kind, StepKind::Handle { handle: 1 });
        assert_eq!(st[2].kind, StepKind::Teardown);
        assert_eq!(st[0].start, 0);
        assert_eq!(st[2].end, t.events.len());
        for w in st.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
    }

    #[test]
    fn fold_tracks_waiting_reason_and_checkpoints_agree() {
        let t = sample();
        let tl = Timeline::new(t.clone(), 3);
        for n in 0..=t.events.len() {
            assert_eq!(tl.at_event(n), Snapshot::fold(&t.events[..n]));
        }
        let s = tl.after_step(1);
        assert_eq!(s.task_status(1), "sleep until t=1.000");
        assert!(tl.narrate(1).contains("until t=1.000"), "{}", tl.narrate(1));
        let before = tl.before_step(1);
        assert_eq!(before.ready_names(), vec!["A".to_string()]);
    }

    #[test]
    fn fold_tracks_the_gil_holder_and_the_cores() {
        let mut r = Recorder::new(true);
        let cpu = |gil, busy_cores| EventKind::CpuState {
            process: 0,
            gil,
            busy_cores,
            cores: 4,
        };
        r.push(0, cpu(Some(0), 1));
        r.push(5, cpu(Some(2), 1));
        r.push(9, cpu(None, 0));
        let t = r.trace;
        assert_eq!(Snapshot::fold(&t.events[..0]).cores, (0, 0));
        let s = Snapshot::fold(&t.events[..2]);
        assert_eq!((s.gil.get(&0), s.cores), (Some(&Some(2)), (1, 4)));
        let s = Snapshot::fold(&t.events);
        assert_eq!((s.gil.get(&0), s.cores), (Some(&None), (0, 4)));
        let tl = Timeline::new(t.clone(), 2);
        for n in 0..=t.events.len() {
            assert_eq!(tl.at_event(n), Snapshot::fold(&t.events[..n]));
        }
    }
}
