//! [`narrate`]: one plain-English sentence saying what a step did.
//!
//! The narration walks the step's events over a copy of the snapshot
//! before it (so names and what each task waits on are as the step saw
//! them) and collects three parts: a prefix when the step began with a
//! clock jump, the main sentence (the task step's outcome, or else the
//! callback run, the run's end or a blocking sleep), and extra sentences
//! for side effects (cancel requests, wakeups, CPU hogging, program
//! threads). Each part is worded by its own function below.
//!
//! Program threads (`threading.Thread`, a loop run by a worker thread) can
//! move the clock several times in one step and run each other meanwhile:
//! the prefix then spans the first jump's start to the last one's end, and
//! the threads started, switched and ended get their own sentences.

use std::collections::BTreeMap;

use super::{t_waits_on, Snapshot, TaskState, TaskView, Waiting};
use crate::trace::{
    format_secs, Action, BlockReason, Event, EventKind, FutureId, HandleId, RunEnding, StepOutcome,
    TaskId, WaitReason,
};

/// One plain-English sentence for a step, given the snapshot before it and
/// its events.
pub fn narrate(before: &Snapshot, events: &[Event]) -> String {
    let mut s = before.clone();
    let mut n = Narration::default();
    for e in events {
        n.note(&s, &e.kind);
        s.apply(e);
    }
    n.finish(events.is_empty())
}

/// The parts of a step's narration, gathered event by event.
#[derive(Default)]
struct Narration {
    /// The clock's jumps in this step: the first one's start, the last
    /// one's end ("Nothing was ready, so the clock jumped …").
    jump: Option<(u64, u64)>,
    /// The main sentence; the first event that words one wins, except a
    /// task step's outcome, which always does.
    sentence: Option<String>,
    /// The main sentence says how the run ended.
    ending: bool,
    /// The main sentence is a plain callback's run.
    callback: bool,
    /// The step runs a TaskGroup's `_on_task_done` (its cancellations are
    /// the group's).
    group_callback: bool,
    /// Sentences about side effects, in event order.
    extra: Vec<String>,
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
    /// The name of the program thread the step began with (a thread's
    /// turn), as the snapshot before it knew it.
    turn: Option<(u32, String)>,
    /// Program threads that blocked in this step, by index: why the last
    /// time ([`thread_wait`]'s phrase).
    blocked: BTreeMap<u32, String>,
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
                    let name = match (thread, s.program_threads.get(thread)) {
                        (0, _) => "the main thread".to_string(),
                        (_, Some(name)) => name.clone(),
                        _ => format!("thread {thread}"),
                    };
                    self.turn = Some((*thread, name));
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
                let why = thread_wait(reason.as_ref(), *until_ns, &|t| s.thread_name(t));
                self.blocked.insert(*thread, why);
            }
            EventKind::TaskStepStarted {
                throw: Some(exc), ..
            } => {
                self.thrown = Some(exc.clone());
            }
            EventKind::CancelRequested { fut, by, .. } => {
                // From a TaskGroup's done callback: the group cancels.
                let who = match by {
                    None if self.group_callback => Some("The task group".to_string()),
                    _ => None,
                };
                self.extra.extend(cancel_request(s, *fut, *by, who));
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
                self.sentence = Some(run_ending(ending));
                self.ending = true;
            }
            EventKind::LoopBlocked {
                reason: BlockReason::Sleep,
                duration_ns,
                ..
            } if self.sentence.is_none() => {
                self.sentence = Some(format!(
                    "time.sleep blocked the whole loop for {} s: nothing else could run.",
                    format_secs(*duration_ns)
                ));
            }
            // With the CPU model the computing took virtual time too.
            EventKind::LoopBlocked {
                reason: BlockReason::Cpu { instructions },
                duration_ns,
                ..
            } if *duration_ns > 0 => {
                self.extra.push(format!(
                    "It computed for {} s ({instructions} instructions) without awaiting: \
                     every other task was frozen meanwhile, and its timers fire late.",
                    format_secs(*duration_ns)
                ));
            }
            EventKind::LoopBlocked {
                reason: BlockReason::Cpu { instructions },
                ..
            } => {
                self.extra.push(format!(
                    "It ran {instructions} instructions without awaiting: every other task was \
                     frozen meanwhile."
                ));
            }
            _ => {}
        }
    }

    /// The narration: prefix, main sentence (a step with events but none
    /// worth a sentence is setup), then the extra sentences; what program
    /// threads did comes before the run's end, after anything else.
    fn finish(self, no_events: bool) -> String {
        // Two threads or more ran in turn in this step.
        let switched = self.ran.len() > 1;
        let prefix = self
            .jump
            .map(|(from, to)| clock_jump(from, to, switched))
            .unwrap_or_default();
        let turn = match (&self.sentence, &self.turn) {
            // A thread's turn: it ran until it blocked (or ended).
            (None, Some((tid, name))) if self.ran.len() == 1 => {
                let mut who = name.clone();
                if let Some(first) = who.get_mut(..1) {
                    first.make_ascii_uppercase();
                }
                Some(if self.ended.contains(tid) {
                    format!("{who} ran to its end.")
                } else {
                    let why = self.blocked.get(tid).map(String::as_str);
                    turn_blocked(&who, why)
                })
            }
            _ => None,
        };
        let turn_told = turn.as_ref().and(self.turn.as_ref().map(|(t, _)| *t));
        // The main thread's first turn is the setup step: it may end in a
        // block too (`start()` lets the new thread run first).
        let setup_block = match (&self.sentence, &turn, self.blocked.get(&0)) {
            (None, None, Some(why)) => Some(turn_blocked("The main thread", Some(why))),
            _ => None,
        };
        let body = self.sentence.or(turn).unwrap_or_else(|| {
            if no_events {
                String::new()
            } else {
                "The program set things up.".into()
            }
        });
        let mut extra = self.extra;
        if self.callback {
            extra.extend(created_tasks(&self.created));
        }
        // A turn's sentence already says its thread ended.
        let ended: Vec<u32> = match (&turn_told, self.ended.as_slice()) {
            (Some(t), [e]) if t == e => Vec::new(),
            _ => self.ended.clone(),
        };
        let mut threads = program_threads(&self.started, &self.ran, &ended, &self.blocked);
        threads.extend(setup_block);
        let mut out = prefix;
        let mut push = |x: &str| {
            if !out.is_empty() && !x.is_empty() {
                out.push(' ');
            }
            out.push_str(x);
        };
        if self.ending {
            threads.iter().for_each(|x| push(x));
            push(&body);
            extra.iter().for_each(|x| push(x));
        } else {
            push(&body);
            extra.iter().chain(&threads).for_each(|x| push(x));
        }
        out
    }
}

/// A thread's turn that ended when it blocked: "Thread-1 (work) ran until
/// it blocked: it is sleeping until t=1.000." (`why`: [`thread_wait`]'s
/// phrase; `None` when the step did not see it block: a thread whose
/// event loop goes on with its handles in the next steps).
fn turn_blocked(who: &str, why: Option<&str>) -> String {
    match why {
        Some(why) => format!("{who} ran until it blocked: it is {why}."),
        None => format!("{who} ran."),
    }
}

/// Another thread that ran in a step and blocked: "The main thread also
/// ran in this step, until it blocked: it is waiting in Future.result() for
/// its result."
fn also_ran_blocked(who: &str, why: &str) -> String {
    format!("{who} also ran in this step, until it blocked: it is {why}.")
}

/// Why a blocked program thread does not run, as a phrase that follows
/// "it is": "sleeping until t=1.500", "blocked in join(Thread-2)",
/// "waiting for the Lock held by Thread-3". `until_ns` is when its timed
/// wait ends (a sleep, a timeout); `name` names a thread by index.
pub fn thread_wait(
    reason: Option<&WaitReason>,
    until_ns: Option<u64>,
    name: &dyn Fn(u32) -> String,
) -> String {
    let until = until_ns.map(format_secs);
    let what = match reason {
        Some(WaitReason::Sleep) => {
            return format!("sleeping until t={}", until.as_deref().unwrap_or("?"));
        }
        Some(WaitReason::Timer) => {
            return match until {
                Some(t) => format!("waiting for its Timer to fire at t={t} (unless cancelled)"),
                None => "waiting for its Timer to fire".into(),
            };
        }
        Some(WaitReason::EventLoop) => {
            return match until {
                Some(t) => format!(
                    "running an event loop that waits for its next timer (t={t}) or a \
                     call_soon_threadsafe()"
                ),
                None => "running an event loop that waits for a call_soon_threadsafe()".into(),
            };
        }
        Some(WaitReason::Join { thread: Some(t) }) => format!("blocked in join({})", name(*t)),
        Some(WaitReason::Join { thread: None }) => "blocked in join()".into(),
        Some(WaitReason::Start) => "waiting in start() for the new thread to begin".into(),
        Some(WaitReason::Lock { holder: Some(h) }) => {
            format!("waiting for the Lock held by {}", name(*h))
        }
        Some(WaitReason::Lock { holder: None }) => "waiting for a Lock".into(),
        Some(WaitReason::RLock { holder: Some(h) }) => {
            format!("waiting for the RLock held by {}", name(*h))
        }
        Some(WaitReason::RLock { holder: None }) => "waiting for an RLock".into(),
        Some(WaitReason::Condition) => "waiting in Condition.wait() for a notify()".into(),
        Some(WaitReason::Semaphore) => "waiting for a Semaphore to be released".into(),
        Some(WaitReason::Event) => "waiting for an Event to be set".into(),
        Some(WaitReason::Barrier) => "waiting at a Barrier for the other threads".into(),
        Some(WaitReason::QueueGet) => "waiting in Queue.get() for an item".into(),
        Some(WaitReason::QueuePut) => "waiting in Queue.put() for room in the queue".into(),
        Some(WaitReason::QueueJoin) => {
            "waiting in Queue.join() until every item is marked done".into()
        }
        Some(WaitReason::PoolWork) => "waiting for work from its pool".into(),
        Some(WaitReason::FutureResult) => "waiting in Future.result() for its result".into(),
        Some(WaitReason::FuturesWait) => {
            "waiting in wait() or as_completed() for futures to finish".into()
        }
        Some(WaitReason::Call { name }) => format!("blocked in {name}()"),
        None => "blocked until another thread wakes it".into(),
    };
    match until {
        Some(t) => format!("{what} (at most until t={t})"),
        None => what,
    }
}

/// The prefix of a step that began with the loop jumping the clock (or,
/// with program threads switching in the step, jumping whenever every
/// thread waited).
fn clock_jump(from_ns: u64, to_ns: u64, switched: bool) -> String {
    if switched {
        format!(
            "The clock moved from t={} to t={}, jumping ahead whenever every thread was waiting.",
            format_secs(from_ns),
            format_secs(to_ns)
        )
    } else {
        format!(
            "Nothing was ready, so the clock jumped from t={} to t={}.",
            format_secs(from_ns),
            format_secs(to_ns)
        )
    }
}

/// "It created Task-1 (fetch)." for the tasks a callback made
/// (`run_coroutine_threadsafe`'s callback makes one).
fn created_tasks(created: &[String]) -> Option<String> {
    (!created.is_empty()).then(|| format!("It created {}.", and_list(created)))
}

/// What program threads did in a step: which started, that they took
/// turns (or which others ran before the one that ends the step, last in
/// `ran`), how many ended.
fn program_threads(
    started: &BTreeMap<u32, String>,
    ran: &[u32],
    ended: &[u32],
    blocked: &BTreeMap<u32, String>,
) -> Vec<String> {
    let mut out = Vec::new();
    if !started.is_empty() {
        let names: Vec<String> = started.values().cloned().collect();
        out.push(format!("The program started {}.", and_list(&names)));
    }
    if ran.len() > 1 && !started.is_empty() {
        out.push(
            "Threads ran one at a time, each until it blocked (in a sleep, a lock, a join, a \
             queue or a result())."
                .into(),
        );
    } else if let [others @ .., _] = ran {
        if !others.is_empty() {
            let names: Vec<String> = others
                .iter()
                .map(|t| match (t, started.get(t)) {
                    (0, _) => "the main thread".to_string(),
                    (_, Some(name)) => name.clone(),
                    _ => "another thread".to_string(),
                })
                .collect();
            let who = and_list(&names);
            let mut who_upper = who.clone();
            if let Some(first) = who_upper.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            out.push(
                match (others, others.first().and_then(|t| blocked.get(t))) {
                    ([_], Some(why)) => also_ran_blocked(&who_upper, why),
                    _ => format!(
                        "{who_upper} also ran in this step, until {} blocked.",
                        if names.len() == 1 { "it" } else { "each" }
                    ),
                },
            );
        }
    }
    match ended {
        [] => {}
        [one] => out.push(match started.get(one) {
            Some(name) => format!("{name} ended."),
            None => "A thread ended.".into(),
        }),
        many => out.push(format!("{} threads ended.", many.len())),
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

/// "Task-1 (fetch)" for a default task name, else the name.
fn task_label(name: &str, coro: &str) -> String {
    if name.starts_with("Task-") && !coro.is_empty() {
        let coro = coro.rsplit('.').next().unwrap_or(coro);
        format!("{name} ({coro})")
    } else {
        name.to_string()
    }
}

/// "X asked to cancel Y …", when `fut` is a task.
fn cancel_request(
    s: &Snapshot,
    fut: FutureId,
    by: Option<TaskId>,
    who: Option<String>,
) -> Option<String> {
    let t = s.tasks.get(&fut)?;
    let who = who.unwrap_or_else(|| {
        by.map(|b| display_name(b, &s.tasks))
            .unwrap_or_else(|| "The program".into())
    });
    Some(format!(
        "{who} asked to cancel {}: a CancelledError will be thrown into it where it waits.",
        display_name(t.id, &s.tasks)
    ))
}

/// One sentence per task that was waiting on `fut`, now resolved.
fn wakeups(s: &Snapshot, fut: FutureId) -> impl Iterator<Item = String> + '_ {
    s.tasks
        .values()
        .filter(move |t| t_waits_on(&t.state, fut) || waits_on_task(&t.state, fut))
        .map(|t| {
            let w = display_name(t.id, &s.tasks);
            format!(
                "What {w} was waiting for is done: it is scheduled to resume (its wakeup goes \
                 to the back of the ready queue)."
            )
        })
}

/// What a task step came to: it awaited something, yielded, finished,
/// raised, was cancelled or misbehaved.
fn task_step(s: &Snapshot, task: TaskId, thrown: Option<String>, outcome: &StepOutcome) -> String {
    let name = display_name(task, &s.tasks);
    let resumed = match thrown {
        Some(exc) => format!("{name} resumed with {exc} thrown in at its await; it "),
        None => format!("{name} "),
    };
    match outcome {
        StepOutcome::Awaiting { fut } => match s.waiting_on(*fut) {
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
        },
        StepOutcome::BareYield => format!(
            "{resumed}awaited asyncio.sleep(0): it gives up the loop and goes to the back of \
             the ready queue."
        ),
        StepOutcome::Returned { value } => format!("{resumed}finished and returned {value}."),
        StepOutcome::Raised { exc } => format!("{resumed}raised {exc} and is done."),
        StepOutcome::Cancelled => format!("{resumed}let CancelledError escape: it is cancelled."),
        StepOutcome::BadYield { message } => format!("{resumed}misbehaved: {message}."),
    }
}

/// The loop running a handle that is not a task step (those are worded by
/// their outcome): a callback, a worker job's result, the loop's stop.
fn handle_run(s: &Snapshot, handle: HandleId) -> Option<String> {
    let r = s.ready.iter().find(|r| r.handle == handle)?;
    match &r.action {
        Action::Callback { func, .. } if func == "_set_result_unless_cancelled" => {
            Some("A sleep's timer fired.".into())
        }
        Action::Callback {
            func,
            fut: Some(task),
        } if func == "_call_set_state" && s.tasks.contains_key(task) => Some(format!(
            "The loop copied the outcome of {} into the concurrent.futures.Future that \
             run_coroutine_threadsafe returned (_call_set_state): a thread waiting on its \
             result() can go on.",
            display_name(*task, &s.tasks)
        )),
        Action::Callback {
            func,
            fut: Some(task),
        } if func == "_on_task_done" && s.tasks.contains_key(task) => {
            let name = display_name(*task, &s.tasks);
            Some(match &s.tasks[task].state {
                TaskState::Failed { exc } => format!(
                    "{name} failed with {exc}: the TaskGroup's callback (_on_task_done) cancels \
                     the group's other tasks and the task waiting in `async with`."
                ),
                _ => format!("The TaskGroup's callback (_on_task_done) noted that {name} is done."),
            })
        }
        Action::Callback { func, .. } => Some(format!("The loop ran the callback {func}.")),
        Action::JobDone { job, .. } => Some(format!(
            "The loop received the result of worker job #{job}."
        )),
        Action::StopLoop { .. } => {
            Some("The future run_until_complete waited for is done, so the loop stops.".into())
        }
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
fn display_name(task: TaskId, tasks: &BTreeMap<TaskId, TaskView>) -> String {
    match tasks.get(&task) {
        Some(t) => task_label(&t.name, &t.coro),
        None => format!("#{task}"),
    }
}

fn waits_on_task(state: &TaskState, fut: FutureId) -> bool {
    matches!(state, TaskState::Waiting { on: Waiting::Task { task } } if *task == fut)
}
