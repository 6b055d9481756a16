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
//! and grows it while a live run publishes events). [`narrate`] says in one plain-English
//! sentence what a step did.

use std::collections::BTreeMap;

mod timeline;
pub use timeline::Timeline;

use serde::{Deserialize, Serialize};

use crate::trace::{
    format_secs, Action, BlockReason, Event, EventKind, FutureId, HandleId, JobId, Resolution,
    RunEnding, StepOutcome, TaskId, ThreadId,
};

/// The loop's state after some prefix of a trace.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
    pub ready: Vec<ReadyEntry>,
    /// The timer heap, earliest first (ties: scheduling order).
    pub timers: Vec<TimerEntry>,
    /// Every task ever created, by id.
    pub tasks: BTreeMap<TaskId, TaskView>,
    /// Every future ever created (tasks excluded), by id.
    pub futures: BTreeMap<FutureId, FutureView>,
    /// Worker thread lanes, by id.
    pub threads: BTreeMap<ThreadId, ThreadLane>,
    /// Jobs submitted to worker threads, by id.
    pub jobs: BTreeMap<JobId, JobView>,
    /// Everything printed so far, in order.
    pub output: Vec<OutputEntry>,
    /// Warnings so far (CPython's stderr teaching moments).
    pub warnings: Vec<WarningEntry>,
    /// Set once the run is over.
    pub ended: Option<RunEnding>,
}

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

    /// Folds a whole slice of events.
    pub fn fold(events: &[Event]) -> Snapshot {
        let mut s = Snapshot::new();
        for e in events {
            s.apply(e);
        }
        s
    }

    /// Folds one event into the state.
    pub fn apply(&mut self, event: &Event) {
        self.applied += 1;
        self.time_ns = event.time_ns;
        match &event.kind {
            EventKind::FutureCreated { fut, label, .. } => {
                self.futures.insert(
                    *fut,
                    FutureView {
                        label: label.clone(),
                        until_ns: None,
                        resolution: None,
                    },
                );
            }
            EventKind::FutureLabeled {
                fut,
                label,
                until_ns,
            } => {
                let view = self.futures.entry(*fut).or_insert_with(|| FutureView {
                    label: String::new(),
                    until_ns: None,
                    resolution: None,
                });
                view.label = label.clone();
                view.until_ns = *until_ns;
                // Refresh the description of tasks already waiting on it.
                let waiting = self.waiting_on(*fut);
                for t in self.tasks.values_mut() {
                    if t_waits_on(&t.state, *fut) {
                        t.state = TaskState::Waiting {
                            on: waiting.clone(),
                        };
                    }
                }
            }
            EventKind::TaskCreated {
                task,
                name,
                coro,
                parent,
                line,
            } => {
                self.tasks.insert(
                    *task,
                    TaskView {
                        id: *task,
                        name: name.clone(),
                        coro: coro.clone(),
                        parent: *parent,
                        state: TaskState::Created,
                        line: *line,
                        cancel_requested: false,
                        steps: 0,
                    },
                );
            }
            EventKind::TaskRenamed { task, name } => {
                if let Some(t) = self.tasks.get_mut(task) {
                    t.name = name.clone();
                }
            }
            EventKind::HandleScheduled {
                handle,
                action,
                when_ns,
            } => match when_ns {
                None => {
                    self.mark_ready(action);
                    self.ready.push(ReadyEntry {
                        handle: *handle,
                        action: action.clone(),
                        cancelled: false,
                    });
                }
                Some(when) => {
                    let entry = TimerEntry {
                        handle: *handle,
                        when_ns: *when,
                        action: action.clone(),
                        cancelled: false,
                    };
                    let pos = self
                        .timers
                        .partition_point(|t| (t.when_ns, t.handle) <= (*when, *handle));
                    self.timers.insert(pos, entry);
                }
            },
            EventKind::HandleCancelled { handle } => {
                for r in self.ready.iter_mut().filter(|r| r.handle == *handle) {
                    r.cancelled = true;
                }
                for t in self.timers.iter_mut().filter(|t| t.handle == *handle) {
                    t.cancelled = true;
                }
            }
            EventKind::TimerFired { handle } => {
                if let Some(pos) = self.timers.iter().position(|t| t.handle == *handle) {
                    let t = self.timers.remove(pos);
                    self.mark_ready(&t.action);
                    self.ready.push(ReadyEntry {
                        handle: t.handle,
                        action: t.action,
                        cancelled: t.cancelled,
                    });
                }
            }
            EventKind::TimerDiscarded { handle } => {
                self.timers.retain(|t| t.handle != *handle);
            }
            EventKind::ClockAdvanced { to_ns, .. } => {
                self.time_ns = *to_ns;
            }
            EventKind::IterationStarted { iteration, .. } => {
                self.iteration = *iteration;
            }
            EventKind::HandleStarted { handle } => {
                if let Some(pos) = self.ready.iter().position(|r| r.handle == *handle) {
                    let entry = self.ready.remove(pos);
                    self.running = Some(entry);
                }
            }
            EventKind::HandleSkipped { handle } => {
                self.ready.retain(|r| r.handle != *handle);
            }
            EventKind::HandleFinished { .. } => {
                self.running = None;
                self.running_task = None;
            }
            EventKind::TaskStepStarted { task, line, throw } => {
                self.running_task = Some(*task);
                if let Some(t) = self.tasks.get_mut(task) {
                    t.state = TaskState::Running;
                    t.line = *line;
                    t.steps += 1;
                    if throw.is_some() {
                        t.cancel_requested = false;
                    }
                }
            }
            EventKind::TaskStepEnded {
                task,
                line,
                outcome,
            } => {
                let state = match outcome {
                    StepOutcome::Awaiting { fut } => TaskState::Waiting {
                        on: self.waiting_on(*fut),
                    },
                    StepOutcome::BareYield | StepOutcome::BadYield { .. } => TaskState::Ready,
                    StepOutcome::Returned { value } => TaskState::Done {
                        result: value.clone(),
                    },
                    StepOutcome::Raised { exc } => TaskState::Failed { exc: exc.clone() },
                    StepOutcome::Cancelled => TaskState::Cancelled,
                };
                if let Some(t) = self.tasks.get_mut(task) {
                    t.state = state;
                    t.line = *line;
                }
                self.running_task = None;
            }
            EventKind::CancelRequested { fut, .. } => {
                if let Some(t) = self.tasks.get_mut(fut) {
                    if matches!(
                        t.state,
                        TaskState::Created | TaskState::Ready | TaskState::Waiting { .. }
                    ) {
                        t.cancel_requested = true;
                    }
                }
            }
            EventKind::FutureResolved { fut, outcome } => {
                if let Some(f) = self.futures.get_mut(fut) {
                    f.resolution = Some(outcome.clone());
                }
                if let Some(t) = self.tasks.get_mut(fut) {
                    // A task is resolved by its own step (TaskStepEnded);
                    // this also covers a task cancelled before it started.
                    t.state = match outcome {
                        Resolution::Result { value } => TaskState::Done {
                            result: value.clone(),
                        },
                        Resolution::Exception { exc } => TaskState::Failed { exc: exc.clone() },
                        Resolution::Cancelled => TaskState::Cancelled,
                    };
                    t.cancel_requested = false;
                }
            }
            EventKind::Print {
                task,
                thread,
                text,
                line,
                stderr,
            } => {
                self.output.push(OutputEntry {
                    time_ns: event.time_ns,
                    task: *task,
                    thread: *thread,
                    text: text.clone(),
                    stderr: *stderr,
                    line: *line,
                });
                if let Some(t) = task.and_then(|t| self.tasks.get_mut(&t)) {
                    t.line = *line;
                }
            }
            EventKind::LoopBlocked { .. } => {}
            EventKind::JobSubmitted { job, func, fut } => {
                self.jobs.insert(
                    *job,
                    JobView {
                        func: func.clone(),
                        fut: *fut,
                        thread: None,
                        outcome: None,
                    },
                );
            }
            EventKind::JobStarted { job, thread } => {
                if let Some(j) = self.jobs.get_mut(job) {
                    j.thread = Some(*thread);
                }
                let lane = self.threads.entry(*thread).or_insert(ThreadLane {
                    id: *thread,
                    job: None,
                    parked_until: None,
                });
                lane.job = Some(*job);
                lane.parked_until = None;
            }
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
            } => {
                if let Some(j) = self.jobs.get_mut(job) {
                    j.outcome = Some(outcome.clone());
                }
                if let Some(lane) = self.threads.get_mut(thread) {
                    lane.job = None;
                    lane.parked_until = None;
                }
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
        if let Some(t) = self.tasks.get_mut(&task) {
            if !matches!(t.state, TaskState::Created) {
                t.state = TaskState::Ready;
            }
        }
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

fn task_name(task: TaskId, tasks: &BTreeMap<TaskId, TaskView>) -> String {
    tasks
        .get(&task)
        .map(|t| t.name.clone())
        .unwrap_or_else(|| format!("#{task}"))
}

/// "Task-1", "wakeup Task-2", or a callback's name.
fn describe_action(action: &Action, tasks: &BTreeMap<TaskId, TaskView>) -> String {
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
    let mut out = Vec::new();
    let mut start = 0;
    let mut current: Option<HandleId> = None;
    for (i, e) in events.iter().enumerate() {
        match &e.kind {
            EventKind::HandleStarted { handle } => {
                if out.is_empty() && start < i {
                    // Everything before the first handle is the setup step.
                    out.push(Step {
                        start,
                        end: i,
                        kind: StepKind::Setup,
                    });
                    start = i;
                }
                current = Some(*handle);
            }
            EventKind::HandleFinished { handle } => {
                out.push(Step {
                    start,
                    end: i + 1,
                    kind: StepKind::Handle { handle: *handle },
                });
                start = i + 1;
                current = None;
            }
            _ => {}
        }
    }
    if start < events.len() {
        let kind = match current {
            Some(handle) => StepKind::Handle { handle },
            None if out.is_empty() => StepKind::Setup,
            None => StepKind::Teardown,
        };
        out.push(Step {
            start,
            end: events.len(),
            kind,
        });
    }
    out
}

/// One plain-English sentence for a step, given the snapshot before it and
/// its events.
pub fn narrate(before: &Snapshot, events: &[Event]) -> String {
    let mut s = before.clone();
    let mut sentence: Option<String> = None;
    let mut prefix = String::new();
    let mut extra: Vec<String> = Vec::new();
    let mut thrown: Option<String> = None;
    for e in events {
        match &e.kind {
            EventKind::ClockAdvanced { from_ns, to_ns } if prefix.is_empty() => {
                prefix = format!(
                    "Nothing was ready, so the clock jumped from t={} to t={}. ",
                    format_secs(*from_ns),
                    format_secs(*to_ns)
                );
            }
            EventKind::TaskStepStarted {
                throw: Some(exc), ..
            } => {
                thrown = Some(exc.clone());
            }
            EventKind::CancelRequested { fut, by, .. } => {
                if let Some(t) = s.tasks.get(fut) {
                    let who = by
                        .map(|b| display_name(b, &s.tasks))
                        .unwrap_or_else(|| "The program".into());
                    extra.push(format!(
                        "{who} asked to cancel {}: a CancelledError will be thrown into it \
                         where it waits.",
                        display_name(t.id, &s.tasks)
                    ));
                }
            }
            EventKind::FutureResolved { fut, .. } => {
                let woken: Vec<String> = s
                    .tasks
                    .values()
                    .filter(|t| t_waits_on(&t.state, *fut) || waits_on_task(&t.state, *fut))
                    .map(|t| display_name(t.id, &s.tasks))
                    .collect();
                for w in woken {
                    extra.push(format!(
                        "What {w} was waiting for is done: it is scheduled to resume (its wakeup \
                         goes to the back of the ready queue)."
                    ));
                }
            }
            EventKind::TaskStepEnded { task, outcome, .. } => {
                let name = display_name(*task, &s.tasks);
                let resumed = match thrown.take() {
                    Some(exc) => format!("{name} resumed with {exc} thrown in at its await; it "),
                    None => format!("{name} "),
                };
                sentence = Some(match outcome {
                    StepOutcome::Awaiting { fut } => {
                        let on = s.waiting_on(*fut);
                        match on {
                            Waiting::Sleep { until_ns, .. } => format!(
                                "{resumed}awaited asyncio.sleep: it gives up the loop until t={}.",
                                until_ns.map(format_secs).unwrap_or_else(|| "?".into())
                            ),
                            Waiting::Task { task } => format!(
                                "{resumed}awaited {}: it waits until that task is done.",
                                display_name(task, &s.tasks)
                            ),
                            other => format!(
                                "{resumed}awaited {}: it waits until that is done.",
                                s.describe_waiting(&other)
                            ),
                        }
                    }
                    StepOutcome::BareYield => format!(
                        "{resumed}awaited asyncio.sleep(0): it gives up the loop and goes to the \
                         back of the ready queue."
                    ),
                    StepOutcome::Returned { value } => {
                        format!("{resumed}finished and returned {value}.")
                    }
                    StepOutcome::Raised { exc } => format!("{resumed}raised {exc} and is done."),
                    StepOutcome::Cancelled => {
                        format!("{resumed}let CancelledError escape: it is cancelled.")
                    }
                    StepOutcome::BadYield { message } => format!("{resumed}misbehaved: {message}."),
                });
            }
            EventKind::HandleStarted { handle } if sentence.is_none() => {
                if let Some(r) = s.ready.iter().find(|r| r.handle == *handle) {
                    sentence = match &r.action {
                        Action::Callback { func, .. } if func == "_set_result_unless_cancelled" => {
                            Some("A sleep's timer fired.".into())
                        }
                        Action::Callback { func, .. } => {
                            Some(format!("The loop ran the callback {func}."))
                        }
                        Action::JobDone { job, .. } => Some(format!(
                            "The loop received the result of worker job #{job}."
                        )),
                        Action::StopLoop { .. } => Some(
                            "The future run_until_complete waited for is done, so the loop \
                             stops."
                                .into(),
                        ),
                        _ => None,
                    };
                }
            }
            EventKind::RunEnded { ending } if sentence.is_none() => {
                sentence = Some(match ending {
                    RunEnding::Completed => "The program finished.".into(),
                    RunEnding::Uncaught { last_line } => {
                        format!("The program ended with an uncaught exception: {last_line}.")
                    }
                    RunEnding::Hang => "Nothing can ever happen again: the program hangs.".into(),
                    RunEnding::Limit { message, .. } => format!("Stopped: {message}"),
                    RunEnding::SyntaxError { message } => format!("Syntax error: {message}"),
                });
            }
            EventKind::LoopBlocked {
                reason: BlockReason::Sleep,
                duration_ns,
                ..
            } if sentence.is_none() => {
                sentence = Some(format!(
                    "time.sleep blocked the whole loop for {} s: nothing else could run.",
                    format_secs(*duration_ns)
                ));
            }
            EventKind::LoopBlocked {
                reason: BlockReason::Cpu { instructions },
                ..
            } => {
                extra.push(format!(
                    "It ran {instructions} instructions without awaiting: every other task was \
                     frozen meanwhile."
                ));
            }
            _ => {}
        }
        s.apply(e);
    }
    let body = sentence.unwrap_or_else(|| {
        if events.is_empty() {
            String::new()
        } else {
            "The program set things up.".into()
        }
    });
    let mut out = format!("{prefix}{body}");
    for x in extra {
        out.push(' ');
        out.push_str(&x);
    }
    out
}

/// "Task-2 (worker)": the task's name, with its coroutine's when the name
/// is a default one.
fn display_name(task: TaskId, tasks: &BTreeMap<TaskId, TaskView>) -> String {
    match tasks.get(&task) {
        Some(t) if t.name.starts_with("Task-") && !t.coro.is_empty() => {
            let coro = t.coro.rsplit('.').next().unwrap_or(&t.coro);
            format!("{} ({coro})", t.name)
        }
        Some(t) => t.name.clone(),
        None => format!("#{task}"),
    }
}

fn waits_on_task(state: &TaskState, fut: FutureId) -> bool {
    matches!(state, TaskState::Waiting { on: Waiting::Task { task } } if *task == fut)
}

/// How an action is written in a step listing (the notation of
/// `tools/cpython_steps.py`, which records CPython's real behaviour):
/// "step T", "wakeup T", "call f", "cancelled".
pub fn listing_name(entry: &ReadyEntry, tasks: &BTreeMap<TaskId, TaskView>) -> String {
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
}
