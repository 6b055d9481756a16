//! [`narrate`]: what a step did, as data ([`Phrase`]s, one per sentence)
//! that a viewer words in its reader's language; [`Phrase::english`] is
//! the engine's own English wording (the CLI's, the tests').
//!
//! The narration walks the step's events over a copy of the snapshot
//! before it (so names and what each task waits on are as the step saw
//! them) and collects three parts: a prefix when the step began with a
//! clock jump, the main sentence (the task step's outcome, or else the
//! callback run, the run's end or a blocking sleep), and extra sentences
//! for side effects (cancel requests, wakeups, CPU hogging, program
//! threads).
//!
//! Program threads (`threading.Thread`, a loop run by a worker thread) can
//! move the clock several times in one step and run each other meanwhile:
//! the prefix then spans the first jump's start to the last one's end, and
//! the threads started, switched and ended get their own sentences.
//!
//! The phrases carry names (tasks, threads, callbacks), times in virtual
//! nanoseconds, counts and CPython's own texts (exception lines, reprs),
//! never words: the engine stays language-neutral, and a translation of
//! the narration is a table of templates, one per variant.

use std::collections::BTreeMap;
use std::fmt;

use super::{t_waits_on, Snapshot, TaskState, Tasks, Waiting};
use crate::trace::{
    format_secs, Action, BlockReason, Event, EventKind, FutureId, HandleId, RunEnding, StepOutcome,
    TaskId, WaitReason,
};

/// What a step did, one [`Phrase`] per sentence, given the snapshot
/// before it and its events (none for a step without events).
pub fn narrate(before: Snapshot, events: &[Event]) -> Vec<Phrase> {
    let mut s = before;
    let mut n = Narration::default();
    for e in events {
        n.note(&s, &e.kind);
        s.apply(e);
    }
    n.finish(events.is_empty())
}

/// The English narration of a step: its phrases' sentences, separated by
/// a space.
pub fn english(phrases: &[Phrase]) -> String {
    let words: Vec<String> = phrases.iter().map(Phrase::english).collect();
    words.join(" ")
}

/// One sentence of a step's narration, as data.
#[derive(Clone, Debug, PartialEq)]
pub enum Phrase {
    /// "Nothing was ready, so the clock jumped from t=1.000 to t=2.000."
    ClockJumped { from_ns: u64, to_ns: u64 },
    /// Program threads took turns in the step: "The clock moved from t=…
    /// to t=…, jumping ahead whenever every thread was waiting."
    ClockMoved { from_ns: u64, to_ns: u64 },
    /// A step with events but nothing else worth a sentence: "The program
    /// set things up."
    Setup,
    /// A task step's outcome. `task` is its display name ("Task-2
    /// (worker)"); `thrown`, the exception thrown in at its await.
    Task {
        task: String,
        thrown: Option<String>,
        did: TaskDid,
    },
    /// "A sleep's timer fired."
    SleepTimerFired,
    /// `_call_set_state`: the outcome of `task` copied into the
    /// `concurrent.futures.Future` of `run_coroutine_threadsafe`.
    CopiedOutcome { task: String },
    /// A TaskGroup's `_on_task_done` for a task that failed with `exc`.
    GroupTaskFailed { task: String, exc: String },
    /// A TaskGroup's `_on_task_done` for a task that is done otherwise.
    GroupTaskDone { task: String },
    /// "The loop ran the callback {func}."
    Callback { func: String },
    /// "The loop received the result of worker job #{job}."
    JobDone { job: u32 },
    /// The future `run_until_complete` waited for is done.
    LoopStops,
    /// How the run ended.
    Ended { ending: RunEnding },
    /// `time.sleep` in a coroutine blocked the loop for `ns`.
    TimeSleepBlocked { ns: u64 },
    /// The step computed for `ns` of virtual time (the CPU model).
    Computed { ns: u64, instructions: u64 },
    /// The step ran this many instructions without awaiting.
    RanInstructions { instructions: u64 },
    /// `by` asked to cancel `task`.
    CancelAsked { by: Canceller, task: String },
    /// What `task` waited for is done: it is scheduled to resume.
    Woke { task: String },
    /// A callback created these tasks ("Task-1 (fetch)").
    Created { tasks: Vec<String> },
    /// A thread's turn: it ran to its end.
    TurnEnded { who: Who },
    /// A thread's turn: it ran until it blocked (`why`; `None` when the
    /// step did not see it block: a thread whose event loop goes on with
    /// its handles in the next steps).
    TurnBlocked { who: Who, why: Option<ThreadWait> },
    /// "The program started Thread-1 (work) and Thread-2 (work)."
    ThreadsStarted { names: Vec<String> },
    /// Threads started in the step ran one at a time.
    ThreadsTookTurns,
    /// One other thread ran in the step before the last, until it
    /// blocked (`why`).
    AlsoRanBlocked { who: Who, why: ThreadWait },
    /// Other threads ran in the step before the last, each until it
    /// blocked.
    AlsoRan { who: Vec<Who> },
    /// "Thread-1 (work) ended."
    ThreadEnded { name: String },
    /// A thread whose name the step did not see ended.
    AThreadEnded,
    /// "3 threads ended."
    ThreadsEnded { count: usize },
}

/// What a task step came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TaskDid {
    /// It awaited `asyncio.sleep` (until this time, when known).
    AwaitedSleep { until_ns: Option<u64> },
    /// It awaited another task (its display name).
    AwaitedTask { task: String },
    /// It awaited a plain future ("future #3").
    AwaitedFuture { fut: FutureId },
    /// It awaited a future the library labels ("lock", "queue.get",
    /// "gather"…).
    Awaited { label: String },
    /// `asyncio.sleep(0)`: a bare yield.
    Yielded,
    /// It returned (the value's repr).
    Returned { value: String },
    /// It raised (the exception's line).
    Raised { exc: String },
    /// CancelledError escaped it.
    Cancelled,
    /// It yielded something a task cannot (CPython's message).
    Misbehaved { message: String },
}

/// Who asked to cancel a task.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Canceller {
    /// A task (its display name).
    Task(String),
    /// A TaskGroup's done callback.
    TaskGroup,
    /// Code outside any task (a callback, the program).
    Program,
}

/// A program thread a sentence names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Who {
    /// The main thread.
    MainThread,
    /// A thread by its name (`Thread-1 (work)`).
    Named(String),
    /// A thread the step knows only by index ("thread 3").
    Index(u32),
    /// A thread the step did not name ("another thread").
    Another,
}

impl Who {
    /// "the main thread", a name, "thread 3", "another thread".
    pub fn english(&self) -> String {
        match self {
            Who::MainThread => "the main thread".into(),
            Who::Named(name) => name.clone(),
            Who::Index(t) => format!("thread {t}"),
            Who::Another => "another thread".into(),
        }
    }
}

/// Why a blocked program thread does not run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreadWait {
    /// What it waits in (`None`: not known).
    pub reason: Option<WaitReason>,
    /// When its timed wait ends (a sleep, a timeout).
    pub until_ns: Option<u64>,
    /// The name of the thread its reason names (the one it joins, the
    /// lock's holder), resolved when the wait was seen.
    pub other: Option<String>,
}

impl ThreadWait {
    /// The wait, naming the thread its reason names with `name`.
    pub fn new(
        reason: Option<&WaitReason>,
        until_ns: Option<u64>,
        name: &dyn Fn(u32) -> String,
    ) -> ThreadWait {
        let other = match reason {
            Some(WaitReason::Join { thread: Some(t) })
            | Some(WaitReason::Lock { holder: Some(t) })
            | Some(WaitReason::RLock { holder: Some(t) }) => Some(name(*t)),
            _ => None,
        };
        ThreadWait {
            reason: reason.cloned(),
            until_ns,
            other,
        }
    }

    /// As a phrase that follows "it is": "sleeping until t=1.500",
    /// "blocked in join(Thread-2)", "waiting for the Lock held by
    /// Thread-3".
    pub fn english(&self) -> String {
        let until = self.until_ns.map(format_secs);
        let other = self.other.as_deref();
        let what = match (&self.reason, other) {
            (Some(WaitReason::Sleep), _) => {
                return format!("sleeping until t={}", until.as_deref().unwrap_or("?"));
            }
            (Some(WaitReason::Timer), _) => {
                return match until {
                    Some(t) => format!("waiting for its Timer to fire at t={t} (unless cancelled)"),
                    None => "waiting for its Timer to fire".into(),
                };
            }
            (Some(WaitReason::EventLoop), _) => {
                return match until {
                    Some(t) => format!(
                        "running an event loop that waits for its next timer (t={t}) or a \
                         call_soon_threadsafe()"
                    ),
                    None => "running an event loop that waits for a call_soon_threadsafe()".into(),
                };
            }
            (Some(WaitReason::Join { .. }), Some(t)) => format!("blocked in join({t})"),
            (Some(WaitReason::Join { .. }), None) => "blocked in join()".into(),
            (Some(WaitReason::Start), _) => "waiting in start() for the new thread to begin".into(),
            (Some(WaitReason::Lock { .. }), Some(h)) => format!("waiting for the Lock held by {h}"),
            (Some(WaitReason::Lock { .. }), None) => "waiting for a Lock".into(),
            (Some(WaitReason::RLock { .. }), Some(h)) => {
                format!("waiting for the RLock held by {h}")
            }
            (Some(WaitReason::RLock { .. }), None) => "waiting for an RLock".into(),
            (Some(WaitReason::Condition), _) => "waiting in Condition.wait() for a notify()".into(),
            (Some(WaitReason::Semaphore), _) => "waiting for a Semaphore to be released".into(),
            (Some(WaitReason::Event), _) => "waiting for an Event to be set".into(),
            (Some(WaitReason::Barrier), _) => "waiting at a Barrier for the other threads".into(),
            (Some(WaitReason::QueueGet), _) => "waiting in Queue.get() for an item".into(),
            (Some(WaitReason::QueuePut), _) => {
                "waiting in Queue.put() for room in the queue".into()
            }
            (Some(WaitReason::QueueJoin), _) => {
                "waiting in Queue.join() until every item is marked done".into()
            }
            (Some(WaitReason::PoolWork), _) => "waiting for work from its pool".into(),
            (Some(WaitReason::FutureResult), _) => {
                "waiting in Future.result() for its result".into()
            }
            (Some(WaitReason::FuturesWait), _) => {
                "waiting in wait() or as_completed() for futures to finish".into()
            }
            (Some(WaitReason::Call { name }), _) => format!("blocked in {name}()"),
            (None, _) => "blocked until another thread wakes it".into(),
        };
        match until {
            Some(t) => format!("{what} (at most until t={t})"),
            None => what,
        }
    }
}

/// Why a blocked program thread does not run, in English (see
/// [`ThreadWait::english`]). `until_ns` is when its timed wait ends (a
/// sleep, a timeout); `name` names a thread by index.
pub fn thread_wait(
    reason: Option<&WaitReason>,
    until_ns: Option<u64>,
    name: &dyn Fn(u32) -> String,
) -> String {
    ThreadWait::new(reason, until_ns, name).english()
}

impl Phrase {
    /// The sentence in English.
    pub fn english(&self) -> String {
        match self {
            Phrase::ClockJumped { from_ns, to_ns } => format!(
                "Nothing was ready, so the clock jumped from t={} to t={}.",
                format_secs(*from_ns),
                format_secs(*to_ns)
            ),
            Phrase::ClockMoved { from_ns, to_ns } => format!(
                "The clock moved from t={} to t={}, jumping ahead whenever every thread was waiting.",
                format_secs(*from_ns),
                format_secs(*to_ns)
            ),
            Phrase::Setup => "The program set things up.".into(),
            Phrase::Task { task, thrown, did } => {
                let resumed = match thrown {
                    Some(exc) => format!("{task} resumed with {exc} thrown in at its await; it "),
                    None => format!("{task} "),
                };
                format!("{resumed}{}", did.english())
            }
            Phrase::SleepTimerFired => "A sleep's timer fired.".into(),
            Phrase::CopiedOutcome { task } => format!(
                "The loop copied the outcome of {task} into the concurrent.futures.Future that \
                 run_coroutine_threadsafe returned (_call_set_state): a thread waiting on its \
                 result() can go on."
            ),
            Phrase::GroupTaskFailed { task, exc } => format!(
                "{task} failed with {exc}: the TaskGroup's callback (_on_task_done) cancels \
                 the group's other tasks and the task waiting in `async with`."
            ),
            Phrase::GroupTaskDone { task } => {
                format!("The TaskGroup's callback (_on_task_done) noted that {task} is done.")
            }
            Phrase::Callback { func } => format!("The loop ran the callback {func}."),
            Phrase::JobDone { job } => {
                format!("The loop received the result of worker job #{job}.")
            }
            Phrase::LoopStops => {
                "The future run_until_complete waited for is done, so the loop stops.".into()
            }
            Phrase::Ended { ending } => run_ending(ending),
            Phrase::TimeSleepBlocked { ns } => format!(
                "time.sleep blocked the whole loop for {} s: nothing else could run.",
                format_secs(*ns)
            ),
            Phrase::Computed { ns, instructions } => format!(
                "It computed for {} s ({instructions} instructions) without awaiting: \
                 every other task was frozen meanwhile, and its timers fire late.",
                format_secs(*ns)
            ),
            Phrase::RanInstructions { instructions } => format!(
                "It ran {instructions} instructions without awaiting: every other task was \
                 frozen meanwhile."
            ),
            Phrase::CancelAsked { by, task } => {
                let who = match by {
                    Canceller::Task(name) => name.as_str(),
                    Canceller::TaskGroup => "The task group",
                    Canceller::Program => "The program",
                };
                format!(
                    "{who} asked to cancel {task}: a CancelledError will be thrown into it where \
                     it waits."
                )
            }
            Phrase::Woke { task } => format!(
                "What {task} was waiting for is done: it is scheduled to resume (its wakeup goes \
                 to the back of the ready queue)."
            ),
            Phrase::Created { tasks } => format!("It created {}.", and_list(tasks)),
            Phrase::TurnEnded { who } => format!("{} ran to its end.", capitalized(who.english())),
            Phrase::TurnBlocked { who, why: Some(why) } => format!(
                "{} ran until it blocked: it is {}.",
                capitalized(who.english()),
                why.english()
            ),
            Phrase::TurnBlocked { who, why: None } => {
                format!("{} ran.", capitalized(who.english()))
            }
            Phrase::ThreadsStarted { names } => {
                format!("The program started {}.", and_list(names))
            }
            Phrase::ThreadsTookTurns => {
                "Threads ran one at a time, each until it blocked (in a sleep, a lock, a join, a \
                 queue or a result())."
                    .into()
            }
            Phrase::AlsoRanBlocked { who, why } => format!(
                "{} also ran in this step, until it blocked: it is {}.",
                capitalized(who.english()),
                why.english()
            ),
            Phrase::AlsoRan { who } => {
                let names: Vec<String> = who.iter().map(Who::english).collect();
                format!(
                    "{} also ran in this step, until {} blocked.",
                    capitalized(and_list(&names)),
                    if names.len() == 1 { "it" } else { "each" }
                )
            }
            Phrase::ThreadEnded { name } => format!("{name} ended."),
            Phrase::AThreadEnded => "A thread ended.".into(),
            Phrase::ThreadsEnded { count } => format!("{count} threads ended."),
        }
    }
}

impl TaskDid {
    /// What the task did, after its name ("awaited asyncio.sleep: …").
    pub fn english(&self) -> String {
        match self {
            TaskDid::AwaitedSleep { until_ns } => format!(
                "awaited asyncio.sleep: it gives up the loop until t={}.",
                until_ns.map(format_secs).unwrap_or_else(|| "?".into())
            ),
            TaskDid::AwaitedTask { task } => {
                format!("awaited {task}: it waits until that task is done.")
            }
            TaskDid::AwaitedFuture { fut } => {
                format!("awaited future #{fut}: it waits until that is done.")
            }
            TaskDid::Awaited { label } => format!("awaited {label}: it waits until that is done."),
            TaskDid::Yielded => "awaited asyncio.sleep(0): it gives up the loop and goes to the \
                                 back of the ready queue."
                .into(),
            TaskDid::Returned { value } => format!("finished and returned {value}."),
            TaskDid::Raised { exc } => format!("raised {exc} and is done."),
            TaskDid::Cancelled => "let CancelledError escape: it is cancelled.".into(),
            TaskDid::Misbehaved { message } => format!("misbehaved: {message}."),
        }
    }
}

impl fmt::Display for Phrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}

/// `s` with its first letter upper-cased (an English sentence's start).
fn capitalized(mut s: String) -> String {
    if let Some(first) = s.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    s
}

/// The parts of a step's narration, gathered event by event.
#[derive(Default)]
struct Narration {
    /// The clock's jumps in this step: the first one's start, the last
    /// one's end ("Nothing was ready, so the clock jumped …").
    jump: Option<(u64, u64)>,
    /// The main sentence; the first event that words one wins, except a
    /// task step's outcome, which always does.
    sentence: Option<Phrase>,
    /// The main sentence says how the run ended.
    ending: bool,
    /// The main sentence is a plain callback's run.
    callback: bool,
    /// The step runs a TaskGroup's `_on_task_done` (its cancellations are
    /// the group's).
    group_callback: bool,
    /// Sentences about side effects, in event order.
    extra: Vec<Phrase>,
    /// The exception thrown into the task this step resumes, if any.
    thrown: Option<String>,
    /// Tasks created in this step: "Task-1 (fetch)".
    created: Vec<String>,
    /// Program threads started in this step, by index: their names.
    started: BTreeMap<u32, String>,
    /// Program threads that ran in this step (the scheduler picked them),
    /// in the order they first ran.
    ran: Vec<u32>,
    /// Program threads that ended in this step.
    ended: Vec<u32>,
    /// The program thread the step began with (a thread's turn), as the
    /// snapshot before it knew it.
    turn: Option<(u32, Who)>,
    /// Program threads that blocked in this step, by index: why, the last
    /// time.
    blocked: BTreeMap<u32, ThreadWait>,
}

impl Narration {
    /// Notes one event, seen against the state `s` just before it.
    fn note(&mut self, s: &Snapshot, kind: &EventKind) {
        match kind {
            EventKind::ClockAdvanced { from_ns, to_ns } => {
                let from = self.jump.map_or(*from_ns, |(from, _)| from);
                self.jump = Some((from, *to_ns));
            }
            EventKind::TaskCreated { name, coro, .. } => {
                self.created.push(task_label(name, coro));
            }
            EventKind::ProgramThreadStarted { thread, name, .. } => {
                self.started.insert(*thread, name.clone());
            }
            EventKind::ProgramThreadRuns { thread } => {
                if self.ran.is_empty() && self.sentence.is_none() {
                    let who = match (thread, s.program_threads.get(thread)) {
                        (0, _) => Who::MainThread,
                        (_, Some(name)) => Who::Named(name.clone()),
                        _ => Who::Index(*thread),
                    };
                    self.turn = Some((*thread, who));
                }
                self.ran.retain(|t| t != thread);
                self.ran.push(*thread);
            }
            EventKind::ProgramThreadEnded { thread } => {
                self.ended.push(*thread);
            }
            EventKind::ProgramThreadBlocked {
                thread,
                until_ns,
                reason,
            } => {
                let why = ThreadWait::new(reason.as_ref(), *until_ns, &|t| s.thread_name(t));
                self.blocked.insert(*thread, why);
            }
            EventKind::TaskStepStarted {
                throw: Some(exc), ..
            } => {
                self.thrown = Some(exc.clone());
            }
            EventKind::CancelRequested { fut, by, .. } => {
                // From a TaskGroup's done callback: the group cancels.
                let group = by.is_none() && self.group_callback;
                self.extra.extend(cancel_request(s, *fut, *by, group));
            }
            EventKind::FutureResolved { fut, .. } => {
                self.extra.extend(wakeups(s, *fut));
            }
            EventKind::TaskStepEnded { task, outcome, .. } => {
                let thrown = self.thrown.take();
                self.sentence = Some(task_step(s, *task, thrown, outcome));
            }
            EventKind::HandleStarted { handle } if self.sentence.is_none() => {
                self.group_callback = s.ready.iter().any(|r| {
                    r.handle == *handle
                        && matches!(&r.action, Action::Callback { func, .. } if func == "_on_task_done")
                });
                self.sentence = handle_run(s, *handle);
                self.callback = s
                    .ready
                    .iter()
                    .any(|r| r.handle == *handle && matches!(r.action, Action::Callback { .. }));
            }
            EventKind::RunEnded { ending } if self.sentence.is_none() => {
                self.sentence = Some(Phrase::Ended {
                    ending: ending.clone(),
                });
                self.ending = true;
            }
            EventKind::LoopBlocked {
                reason: BlockReason::Sleep,
                duration_ns,
                ..
            } if self.sentence.is_none() => {
                self.sentence = Some(Phrase::TimeSleepBlocked { ns: *duration_ns });
            }
            // With the CPU model the computing took virtual time too.
            EventKind::LoopBlocked {
                reason: BlockReason::Cpu { instructions },
                duration_ns,
                ..
            } if *duration_ns > 0 => {
                self.extra.push(Phrase::Computed {
                    ns: *duration_ns,
                    instructions: *instructions,
                });
            }
            EventKind::LoopBlocked {
                reason: BlockReason::Cpu { instructions },
                ..
            } => {
                self.extra.push(Phrase::RanInstructions {
                    instructions: *instructions,
                });
            }
            _ => {}
        }
    }

    /// The narration: prefix, main sentence (a step with events but none
    /// worth a sentence is setup), then the extra sentences; what program
    /// threads did comes before the run's end, after anything else.
    fn finish(self, no_events: bool) -> Vec<Phrase> {
        // Two threads or more ran in turn in this step.
        let switched = self.ran.len() > 1;
        let prefix = self.jump.map(|(from_ns, to_ns)| {
            if switched {
                Phrase::ClockMoved { from_ns, to_ns }
            } else {
                Phrase::ClockJumped { from_ns, to_ns }
            }
        });
        let turn = match (&self.sentence, &self.turn) {
            // A thread's turn: it ran until it blocked (or ended).
            (None, Some((tid, who))) if self.ran.len() == 1 => Some(if self.ended.contains(tid) {
                Phrase::TurnEnded { who: who.clone() }
            } else {
                Phrase::TurnBlocked {
                    who: who.clone(),
                    why: self.blocked.get(tid).cloned(),
                }
            }),
            _ => None,
        };
        let turn_told = turn.as_ref().and(self.turn.as_ref().map(|(t, _)| *t));
        // The main thread's first turn is the setup step: it may end in a
        // block too (`start()` lets the new thread run first).
        let setup_block = match (&self.sentence, &turn, self.blocked.get(&0)) {
            (None, None, Some(why)) => Some(Phrase::TurnBlocked {
                who: Who::MainThread,
                why: Some(why.clone()),
            }),
            _ => None,
        };
        let body = self
            .sentence
            .or(turn)
            .or_else(|| (!no_events).then_some(Phrase::Setup));
        let mut extra = self.extra;
        if self.callback && !self.created.is_empty() {
            extra.push(Phrase::Created {
                tasks: self.created.clone(),
            });
        }
        // A turn's sentence already says its thread ended.
        let ended: Vec<u32> = match (&turn_told, self.ended.as_slice()) {
            (Some(t), [e]) if t == e => Vec::new(),
            _ => self.ended.clone(),
        };
        let mut threads = program_threads(&self.started, &self.ran, &ended, &self.blocked);
        threads.extend(setup_block);
        let mut out: Vec<Phrase> = prefix.into_iter().collect();
        if self.ending {
            out.extend(threads);
            out.extend(body);
            out.extend(extra);
        } else {
            out.extend(body);
            out.extend(extra);
            out.extend(threads);
        }
        out
    }
}

/// What program threads did in a step: which started, that they took
/// turns (or which others ran before the one that ends the step, last in
/// `ran`), how many ended.
fn program_threads(
    started: &BTreeMap<u32, String>,
    ran: &[u32],
    ended: &[u32],
    blocked: &BTreeMap<u32, ThreadWait>,
) -> Vec<Phrase> {
    let mut out = Vec::new();
    if !started.is_empty() {
        out.push(Phrase::ThreadsStarted {
            names: started.values().cloned().collect(),
        });
    }
    if ran.len() > 1 && !started.is_empty() {
        out.push(Phrase::ThreadsTookTurns);
    } else if let [others @ .., _] = ran {
        if !others.is_empty() {
            let who: Vec<Who> = others
                .iter()
                .map(|t| match (t, started.get(t)) {
                    (0, _) => Who::MainThread,
                    (_, Some(name)) => Who::Named(name.clone()),
                    _ => Who::Another,
                })
                .collect();
            out.push(
                match (&who[..], others.first().and_then(|t| blocked.get(t))) {
                    ([one], Some(why)) => Phrase::AlsoRanBlocked {
                        who: one.clone(),
                        why: why.clone(),
                    },
                    _ => Phrase::AlsoRan { who },
                },
            );
        }
    }
    match ended {
        [] => {}
        [one] => out.push(match started.get(one) {
            Some(name) => Phrase::ThreadEnded { name: name.clone() },
            None => Phrase::AThreadEnded,
        }),
        many => out.push(Phrase::ThreadsEnded { count: many.len() }),
    }
    out
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// How a sentence names a task: "Task-1 (fetch)" for a default task
/// name, else the name.
pub fn task_label(name: &str, coro: &str) -> String {
    if name.starts_with("Task-") && !coro.is_empty() {
        let coro = coro.rsplit('.').next().unwrap_or(coro);
        format!("{name} ({coro})")
    } else {
        name.to_string()
    }
}

/// "X asked to cancel Y …", when `fut` is a task (`group`: a TaskGroup's
/// callback asked).
fn cancel_request(s: &Snapshot, fut: FutureId, by: Option<TaskId>, group: bool) -> Option<Phrase> {
    let t = s.tasks.get(&fut)?;
    let by = match by {
        _ if group => Canceller::TaskGroup,
        Some(b) => Canceller::Task(display_name(b, &s.tasks)),
        None => Canceller::Program,
    };
    Some(Phrase::CancelAsked {
        by,
        task: display_name(t.id, &s.tasks),
    })
}

/// One sentence per task that was waiting on `fut`, now resolved.
fn wakeups(s: &Snapshot, fut: FutureId) -> impl Iterator<Item = Phrase> + '_ {
    s.tasks
        .values()
        .filter(move |t| t_waits_on(&t.state, fut) || waits_on_task(&t.state, fut))
        .map(|t| Phrase::Woke {
            task: display_name(t.id, &s.tasks),
        })
}

/// What a task step came to: it awaited something, yielded, finished,
/// raised, was cancelled or misbehaved.
fn task_step(s: &Snapshot, task: TaskId, thrown: Option<String>, outcome: &StepOutcome) -> Phrase {
    let did = match outcome {
        StepOutcome::Awaiting { fut } => match s.waiting_on(*fut) {
            Waiting::Sleep { until_ns, .. } => TaskDid::AwaitedSleep { until_ns },
            Waiting::Task { task } => TaskDid::AwaitedTask {
                task: display_name(task, &s.tasks),
            },
            Waiting::Future { fut, label } if label == "future" => TaskDid::AwaitedFuture { fut },
            Waiting::Future { label, .. } => TaskDid::Awaited { label },
        },
        StepOutcome::BareYield => TaskDid::Yielded,
        StepOutcome::Returned { value } => TaskDid::Returned {
            value: value.clone(),
        },
        StepOutcome::Raised { exc } => TaskDid::Raised { exc: exc.clone() },
        StepOutcome::Cancelled => TaskDid::Cancelled,
        StepOutcome::BadYield { message } => TaskDid::Misbehaved {
            message: message.clone(),
        },
    };
    Phrase::Task {
        task: display_name(task, &s.tasks),
        thrown,
        did,
    }
}

/// The loop running a handle that is not a task step (those are worded by
/// their outcome): a callback, a worker job's result, the loop's stop.
fn handle_run(s: &Snapshot, handle: HandleId) -> Option<Phrase> {
    let r = s.ready.iter().find(|r| r.handle == handle)?;
    match &r.action {
        Action::Callback { func, .. } if func == "_set_result_unless_cancelled" => {
            Some(Phrase::SleepTimerFired)
        }
        Action::Callback {
            func,
            fut: Some(task),
        } if func == "_call_set_state" && s.tasks.contains_key(task) => {
            Some(Phrase::CopiedOutcome {
                task: display_name(*task, &s.tasks),
            })
        }
        Action::Callback {
            func,
            fut: Some(task),
        } if func == "_on_task_done" && s.tasks.contains_key(task) => {
            let name = display_name(*task, &s.tasks);
            Some(match &s.tasks[task].state {
                TaskState::Failed { exc } => Phrase::GroupTaskFailed {
                    task: name,
                    exc: exc.clone(),
                },
                _ => Phrase::GroupTaskDone { task: name },
            })
        }
        Action::Callback { func, .. } => Some(Phrase::Callback { func: func.clone() }),
        Action::JobDone { job, .. } => Some(Phrase::JobDone { job: *job }),
        Action::StopLoop { .. } => Some(Phrase::LoopStops),
        Action::TaskStep { .. } | Action::TaskWakeup { .. } => None,
    }
}

/// How the run ended.
fn run_ending(ending: &RunEnding) -> String {
    match ending {
        RunEnding::Completed => "The program finished.".into(),
        RunEnding::Exited { status } => {
            format!("The program called sys.exit(): it ended with exit status {status}.")
        }
        RunEnding::Uncaught { last_line } => {
            format!("The program ended with an uncaught exception: {last_line}.")
        }
        RunEnding::Hang => "Nothing can ever happen again: the program hangs.".into(),
        RunEnding::Limit { message, .. } => format!("Stopped: {message}"),
        RunEnding::SyntaxError { message } => format!("Syntax error: {message}"),
    }
}

/// "Task-2 (worker)": the task's name, with its coroutine's when the name
/// is a default one.
fn display_name(task: TaskId, tasks: &Tasks) -> String {
    match tasks.get(&task) {
        Some(t) => task_label(&t.name, &t.coro),
        None => format!("#{task}"),
    }
}

fn waits_on_task(state: &TaskState, fut: FutureId) -> bool {
    matches!(state, TaskState::Waiting { on: Waiting::Task { task } } if *task == fut)
}
