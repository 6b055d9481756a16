//! Core tests with a mock host: scripted fake coroutines drive the loop
//! exactly as the VM glue will. Every expected order is obtained by running
//! the equivalent asyncio program under real CPython (`python3`) in the test
//! itself: the test fails if `python3` is missing.

use std::collections::HashMap;
use std::process::Command;

use super::*;

/// Mock Python values.
#[derive(Clone, Debug, PartialEq)]
enum MV {
    None,
    Int(i64),
    /// An exception: CancelledError when `cancelled`.
    Exc {
        cancelled: bool,
        msg: String,
    },
    /// A coroutine, by index into the driver's coroutine table.
    Coro(usize),
    /// A future object, by id.
    Fut(FutureId),
    /// A named callable.
    Func(String),
    /// A string.
    Text(String),
}

struct MockHost;

impl Host<MV> for MockHost {
    fn cancelled_error(&mut self, msg: Option<&MV>) -> MV {
        let msg = match msg {
            Some(MV::Func(s)) => s.clone(),
            _ => String::new(),
        };
        MV::Exc {
            cancelled: true,
            msg,
        }
    }
    fn set_context(&mut self, _exc: &MV, _context: &MV) {}
    fn runtime_error(&mut self, message: &str) -> MV {
        MV::Exc {
            cancelled: false,
            msg: message.to_string(),
        }
    }
    fn is_cancelled_error(&self, exc: &MV) -> bool {
        matches!(
            exc,
            MV::Exc {
                cancelled: true,
                ..
            }
        )
    }
    fn none(&self) -> MV {
        MV::None
    }
    fn repr(&mut self, v: &MV) -> String {
        format!("{v:?}")
    }
    fn callable_name(&mut self, f: &MV) -> String {
        match f {
            MV::Func(s) => s.clone(),
            other => format!("{other:?}"),
        }
    }
    fn coro_line(&mut self, _coro: &MV) -> u32 {
        0
    }
}

/// One operation of a scripted coroutine.
#[derive(Clone, Debug)]
enum Op {
    /// `print(text)`.
    Print(&'static str),
    /// `await asyncio.sleep(ms / 1000)` (0 = bare yield), as
    /// `asyncio.sleep` does it: a future plus a `call_later` timer.
    Sleep(u64),
    /// `tasks[i] = asyncio.create_task(coroutine i)`.
    Spawn(usize),
    /// `await tasks[i]` (prints nothing; result discarded).
    Await(usize),
    /// `tasks[i].cancel()`.
    Cancel(usize),
    /// `loop.call_soon(print, text)`.
    CallSoon(&'static str),
    /// From here on, a CancelledError thrown in is caught: print
    /// "<name> caught" and continue.
    CatchCancel,
}

struct CoroState {
    name: &'static str,
    ops: Vec<Op>,
    pc: usize,
    catch_cancel: bool,
    /// The sleep timer to cancel when resumed (sleep's `finally`).
    pending_timer: Option<HandleId>,
}

struct Driver {
    lp: EventLoop<MV>,
    host: MockHost,
    coros: Vec<CoroState>,
    /// Script index -> task id.
    tasks: HashMap<usize, TaskId>,
    log: Vec<String>,
}

impl Driver {
    fn new(scripts: Vec<(&'static str, Vec<Op>)>) -> Driver {
        Driver {
            lp: EventLoop::new(true),
            host: MockHost,
            coros: scripts
                .into_iter()
                .map(|(name, ops)| CoroState {
                    name,
                    ops,
                    pc: 0,
                    catch_cancel: false,
                    pending_timer: None,
                })
                .collect(),
            tasks: HashMap::new(),
            log: Vec::new(),
        }
    }

    fn spawn(&mut self, i: usize) -> TaskId {
        let name = self.coros[i].name;
        let t = self
            .lp
            .create_task(&mut self.host, MV::Coro(i), None, name, 0);
        self.lp.set_future_obj(t, MV::Fut(t));
        self.tasks.insert(i, t);
        t
    }

    /// Runs coroutine `i` from its current op until it suspends.
    fn resume(&mut self, i: usize, resume: Resume<MV>) -> CoroStep<MV> {
        if let Some(h) = self.coros[i].pending_timer.take() {
            self.lp.cancel_handle(h);
        }
        if let Resume::Throw(exc) = resume {
            if self.coros[i].catch_cancel && self.host.is_cancelled_error(&exc) {
                self.log.push(format!("{} caught", self.coros[i].name));
            } else {
                return CoroStep::Raised(exc);
            }
        }
        loop {
            let Some(op) = self.coros[i].ops.get(self.coros[i].pc).cloned() else {
                return CoroStep::Returned(MV::None);
            };
            self.coros[i].pc += 1;
            match op {
                Op::Print(s) => self.log.push(s.to_string()),
                Op::Sleep(0) => return CoroStep::YieldedNone,
                Op::Sleep(ms) => {
                    let fut = self.lp.create_future("sleep", 0);
                    self.lp.set_future_obj(fut, MV::Fut(fut));
                    let h = self.lp.call_later(
                        &mut self.host,
                        ms * 1_000_000,
                        Callback::Call {
                            func: MV::Func("_set_result_unless_cancelled".into()),
                            args: vec![MV::Fut(fut)],
                            fut: None,
                        },
                    );
                    self.coros[i].pending_timer = Some(h);
                    let when = self.lp.handle_when(h);
                    self.lp.label_future(fut, "sleep", when);
                    self.lp.set_blocking(fut, true);
                    return CoroStep::YieldedFuture(fut);
                }
                Op::Spawn(j) => {
                    self.spawn(j);
                }
                Op::Await(j) => {
                    let t = self.tasks[&j];
                    if !self.lp.done(t) {
                        self.lp.set_blocking(t, true);
                        return CoroStep::YieldedFuture(t);
                    }
                    if let Err(FutureError::Raise(e)) = self.lp.result(&mut self.host, t) {
                        return CoroStep::Raised(e);
                    }
                }
                Op::Cancel(j) => {
                    let t = self.tasks[&j];
                    self.lp.cancel(&mut self.host, t, None);
                }
                Op::CallSoon(s) => {
                    self.lp.call_soon(
                        &mut self.host,
                        Callback::Call {
                            func: MV::Func("print".into()),
                            args: vec![MV::Text(s.to_string())],
                            fut: None,
                        },
                    );
                }
                Op::CatchCancel => self.coros[i].catch_cancel = true,
            }
        }
    }

    /// `asyncio.run(coroutine 0)`, minus the final cleanup: run until the
    /// main task is done.
    fn run(&mut self) -> Result<(), &'static str> {
        let main = self.spawn(0);
        self.lp
            .add_done_callback(&mut self.host, main, DoneCallback::StopLoop);
        loop {
            match self.lp.next_action(&mut self.host) {
                Todo::Step { task, coro, resume } => {
                    let MV::Coro(i) = coro else {
                        return Err("not a coroutine");
                    };
                    let step = self.resume(i, resume);
                    self.lp.task_step_end(&mut self.host, task, step, 0);
                }
                Todo::Call { func, args } => {
                    match (&func, args.first()) {
                        (MV::Func(f), Some(MV::Fut(fut)))
                            if f == "_set_result_unless_cancelled" =>
                        {
                            if !self.lp.cancelled(*fut) {
                                let _ = self.lp.set_result(&mut self.host, *fut, MV::None);
                            }
                        }
                        (MV::Func(f), Some(MV::Text(t))) if f == "print" => {
                            self.log.push(t.clone())
                        }
                        _ => return Err("unknown callback"),
                    }
                    self.lp.call_done();
                }
                Todo::Stopped => return Ok(()),
                Todo::Hang => return Err("hang"),
                Todo::StartJob { .. } | Todo::ResumeThread { .. } | Todo::WaitThreads { .. } => {
                    return Err("no threads")
                }
            }
        }
    }

    fn log_with_times(&self) -> Vec<String> {
        self.log.clone()
    }
}

/// CPython's step listing for `program` (tools/cpython_steps.py), up to and
/// including the main task's `_run_until_complete_cb` (asyncio.run's
/// cleanup steps are not part of the mock runs).
/// `program` written to a file of its own (named by a hash of its text,
/// so tests running at once never share one) for a CPython tool to run.
fn program_file(program: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("looplab-aio-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let hash = program
        .bytes()
        .fold(0u64, |h, b| h.wrapping_mul(131).wrapping_add(u64::from(b)));
    let path = dir.join(format!("p{hash:x}.py"));
    std::fs::write(&path, program).expect("write program");
    path
}

fn cpython_steps(program: &str) -> Vec<String> {
    let path = program_file(program);
    let tool = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tools/cpython_steps.py");
    let out = Command::new("python3")
        .arg(tool)
        .arg(&path)
        .output()
        .expect("python3 (CPython 3.11) is needed to compute expected steps");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut lines = Vec::new();
    for l in String::from_utf8_lossy(&out.stdout).lines() {
        lines.push(l.to_string());
        if l.contains("call _run_until_complete_cb") {
            break;
        }
    }
    lines
}

/// Asserts the mock run's step listing (from its trace, folded into
/// snapshots) equals CPython's for the equivalent program.
fn assert_same_steps(d: &Driver, program: &str) {
    let ours = crate::snapshot::step_listing(&d.lp.recorder.trace.events);
    let theirs = cpython_steps(program);
    assert_eq!(
        ours, theirs,
        "step listings differ (ours left, CPython right)"
    );
}

/// Runs `program` under CPython, through the oracle (`tools/oracle.py`:
/// the virtual clock, so a busy machine cannot reorder close timers as
/// real sleeps could), and returns its stdout lines.
fn cpython(program: &str) -> Vec<String> {
    let path = program_file(program);
    let tool = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tools/oracle.py");
    let out = Command::new("python3")
        .arg(tool)
        .arg(&path)
        .output()
        .expect("python3 (CPython 3.11) is needed to compute expected orders");
    assert!(
        out.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn round_robin_of_bare_yields_matches_cpython() {
    let program = r#"
import asyncio
async def w(n):
    for i in range(2):
        print(f"{n}{i}")
        await asyncio.sleep(0)
async def main():
    ts = [asyncio.create_task(w(n)) for n in "ABC"]
    print("main")
    for t in ts:
        await t
    print("end")
asyncio.run(main())
"#;
    let expected = cpython(program);
    let w = |a: &'static str, b: &'static str| {
        vec![Op::Print(a), Op::Sleep(0), Op::Print(b), Op::Sleep(0)]
    };
    let mut d = Driver::new(vec![
        (
            "main",
            vec![
                Op::Spawn(1),
                Op::Spawn(2),
                Op::Spawn(3),
                Op::Print("main"),
                Op::Await(1),
                Op::Await(2),
                Op::Await(3),
                Op::Print("end"),
            ],
        ),
        ("A", w("A0", "A1")),
        ("B", w("B0", "B1")),
        ("C", w("C0", "C1")),
    ]);
    d.run().unwrap();
    assert_same_steps(&d, program);
    assert_eq!(d.log_with_times(), expected);
}

#[test]
fn call_soon_callbacks_and_new_tasks_interleave_like_cpython() {
    let program = r#"
import asyncio
async def child():
    print("child")
async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "cb1")
    t = asyncio.create_task(child())
    loop.call_soon(print, "cb2")
    await asyncio.sleep(0)
    print("main after yield")
    await t
    print("end")
asyncio.run(main())
"#;
    let expected = cpython(program);
    let mut d = Driver::new(vec![
        (
            "main",
            vec![
                Op::CallSoon("cb1"),
                Op::Spawn(1),
                Op::CallSoon("cb2"),
                Op::Sleep(0),
                Op::Print("main after yield"),
                Op::Await(1),
                Op::Print("end"),
            ],
        ),
        ("child", vec![Op::Print("child")]),
    ]);
    d.run().unwrap();
    assert_same_steps(&d, program);
    assert_eq!(d.log, expected);
}

#[test]
fn timers_fire_in_deadline_order_and_the_clock_jumps() {
    let program = r#"
import asyncio
async def w(name, ms):
    await asyncio.sleep(ms / 1000)
    print(name)
async def main():
    ts = [asyncio.create_task(w(n, ms)) for n, ms in [("slow", 30), ("fast", 10), ("mid", 20)]]
    for t in ts:
        await t
    print("end")
asyncio.run(main())
"#;
    let expected = cpython(program);
    let mut d = Driver::new(vec![
        (
            "main",
            vec![
                Op::Spawn(1),
                Op::Spawn(2),
                Op::Spawn(3),
                Op::Await(1),
                Op::Await(2),
                Op::Await(3),
                Op::Print("end"),
            ],
        ),
        ("slow", vec![Op::Sleep(30), Op::Print("slow")]),
        ("fast", vec![Op::Sleep(10), Op::Print("fast")]),
        ("mid", vec![Op::Sleep(20), Op::Print("mid")]),
    ]);
    d.run().unwrap();
    assert_same_steps(&d, program);
    assert_eq!(d.log, expected);
    assert_eq!(d.lp.now(), 30_000_000);
}

#[test]
fn equal_deadlines_keep_scheduling_order() {
    // Ties are broken by creation sequence (the oracle patches CPython's
    // TimerHandle comparison the same way); with distinct creation the
    // order is the scheduling order.
    let mut scripts = vec![("main", vec![])];
    let names = ["t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8"];
    for (i, n) in names.iter().enumerate() {
        scripts[0].1.push(Op::Spawn(i + 1));
        scripts.push((*n, vec![Op::Sleep(5), Op::Print(n)]));
    }
    for i in 0..names.len() {
        scripts[0].1.push(Op::Await(i + 1));
    }
    let mut d = Driver::new(scripts);
    d.run().unwrap();
    assert_eq!(d.log, names.to_vec());
}

#[test]
fn cancelling_a_sleeping_task_delivers_cancelled_error_at_its_await() {
    let program = r#"
import asyncio
async def sleeper():
    try:
        print("sleeping")
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("sleeper caught")
    print("sleeper after")
async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    t.cancel()
    print("cancel requested")
    await t
    print("end", t.cancelled())
asyncio.run(main())
"#;
    let expected = cpython(program);
    let mut d = Driver::new(vec![
        (
            "main",
            vec![
                Op::Spawn(1),
                Op::Sleep(0),
                Op::Cancel(1),
                Op::Print("cancel requested"),
                Op::Await(1),
                Op::Print("end False"),
            ],
        ),
        (
            "sleeper",
            vec![
                Op::CatchCancel,
                Op::Print("sleeping"),
                Op::Sleep(1000),
                Op::Print("sleeper after"),
            ],
        ),
    ]);
    d.run().unwrap();
    assert_same_steps(&d, program);
    assert_eq!(d.log, expected);
    // The sleep's timer was cancelled by sleep's `finally`: no time passed.
    assert_eq!(d.lp.now(), 0);
    assert!(!d.lp.cancelled(d.tasks[&1]));
}

#[test]
fn cancelling_a_task_before_it_ever_ran_cancels_it_without_running_it() {
    let expected = cpython(
        r#"
import asyncio
async def child():
    print("child ran")
async def main():
    t = asyncio.create_task(child())
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main saw CancelledError")
    print("cancelled", t.cancelled())
asyncio.run(main())
"#,
    );
    let mut d = Driver::new(vec![
        ("main", vec![Op::Spawn(1), Op::Cancel(1), Op::Await(1)]),
        ("child", vec![Op::Print("child ran")]),
    ]);
    d.run().unwrap();
    let t = d.tasks[&1];
    assert!(d.lp.cancelled(t));
    // main's await raised CancelledError (main did not catch it in the
    // mock, so main is cancelled too); CPython printed the same lines up
    // to the except clause, and never "child ran".
    assert!(!expected.contains(&"child ran".to_string()));
    assert_eq!(expected[0], "main saw CancelledError");
    assert!(d.log.is_empty());
    assert!(d.lp.cancelled(d.tasks[&0]));
}

#[test]
fn cancel_while_awaiting_a_task_cancels_the_inner_task_first() {
    let program = r#"
import asyncio
async def inner():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("inner caught")
        raise
async def outer():
    t = asyncio.create_task(inner())
    try:
        await t
    except asyncio.CancelledError:
        print("outer caught")
async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t.cancel()
    await t
    print("end")
asyncio.run(main())
"#;
    let expected = cpython(program);
    let mut d = Driver::new(vec![
        (
            "main",
            vec![
                Op::Spawn(1),
                Op::Sleep(0),
                Op::Sleep(0),
                Op::Cancel(1),
                Op::Await(1),
                Op::Print("end"),
            ],
        ),
        ("outer", vec![Op::Spawn(2), Op::CatchCancel, Op::Await(2)]),
        ("inner", vec![Op::Sleep(1000)]),
    ]);
    d.run().unwrap();
    assert_same_steps(&d, program);
    // The mock's inner does not print "inner caught" (it lets the error
    // escape without a handler); compare the rest.
    let expected: Vec<String> = expected
        .into_iter()
        .filter(|l| l != "inner caught")
        .collect();
    assert_eq!(d.log, expected);
    assert!(d.lp.cancelled(d.tasks[&2]));
}

#[test]
fn a_task_woken_by_a_timer_waits_one_iteration_in_the_ready_queue() {
    // CPython: the sleep timer runs `_set_result_unless_cancelled` in one
    // iteration; that schedules the task's __wakeup with call_soon, which
    // runs in the *next* iteration. Checked here on the trace.
    let mut d = Driver::new(vec![("main", vec![Op::Sleep(10), Op::Print("woke")])]);
    d.run().unwrap();
    let events = &d.lp.recorder.trace.events;
    let iter_of = |pred: &dyn Fn(&crate::trace::EventKind) -> bool| -> u32 {
        let mut it = 0;
        for e in events {
            if let crate::trace::EventKind::IterationStarted { iteration, .. } = e.kind {
                it = iteration;
            }
            if pred(&e.kind) {
                return it;
            }
        }
        panic!("event not found")
    };
    use crate::trace::{Action, EventKind, StepOutcome};
    // The iteration in which the timer's callback ran.
    let fired = iter_of(&|k| matches!(k, EventKind::HandleStarted { handle } if *handle == 2));
    let wakeup_scheduled = iter_of(&|k| {
        matches!(
            k,
            EventKind::HandleScheduled {
                action: Action::TaskWakeup { .. },
                ..
            }
        )
    });
    let resumed = iter_of(&|k| {
        matches!(
            k,
            EventKind::TaskStepEnded {
                outcome: StepOutcome::Returned { .. },
                ..
            }
        )
    });
    assert_eq!(fired, 2);
    assert_eq!(wakeup_scheduled, fired);
    assert_eq!(resumed, fired + 1);
    // And the snapshot fold agrees: right before the wakeup runs, the task
    // is in the ready queue.
    let tl = crate::snapshot::Timeline::new(d.lp.recorder.trace.clone(), 4);
    let step = tl
        .steps
        .iter()
        .position(|s| {
            events[s.start..s.end].iter().any(|e| {
                matches!(
                    e.kind,
                    EventKind::TaskStepEnded {
                        outcome: StepOutcome::Returned { .. },
                        ..
                    }
                )
            })
        })
        .unwrap();
    assert_eq!(
        tl.before_step(step).ready_names(),
        vec!["Task-1".to_string()]
    );
    assert_same_steps(
        &d,
        "import asyncio\nasync def main():\n    await asyncio.sleep(0.01)\n    print('woke')\nasyncio.run(main())\n",
    );
    assert_eq!(
        tl.before_step(step - 1).task_status(1),
        "sleep until t=0.010"
    );
}

#[test]
fn hang_when_awaiting_a_future_nobody_sets() {
    let mut lp: EventLoop<MV> = EventLoop::new(false);
    let mut host = MockHost;
    let t = lp.create_task(&mut host, MV::Coro(0), None, "main", 0);
    assert_eq!(lp.task_name(t), Some("Task-1"));
    let fut = lp.create_future("future", 0);
    match lp.next_action(&mut host) {
        Todo::Step { task, .. } => {
            lp.set_blocking(fut, true);
            lp.task_step_end(&mut host, task, CoroStep::YieldedFuture(fut), 0);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(lp.next_action(&mut host), Todo::Hang));
}

#[test]
fn future_errors_mirror_cpython() {
    let mut lp: EventLoop<MV> = EventLoop::new(false);
    let mut host = MockHost;
    let f = lp.create_future("future", 0);
    assert_eq!(
        lp.result(&mut host, f),
        Err(FutureError::InvalidState("Result is not set.".into()))
    );
    assert_eq!(
        lp.exception(&mut host, f),
        Err(FutureError::InvalidState("Exception is not set.".into()))
    );
    lp.set_result(&mut host, f, MV::Int(1)).unwrap();
    assert_eq!(
        lp.set_result(&mut host, f, MV::Int(2)),
        Err(FutureError::InvalidState("invalid state".into()))
    );
    assert_eq!(lp.result(&mut host, f), Ok(MV::Int(1)));
    assert!(!lp.cancel(&mut host, f, None));
    let g = lp.create_future("future", 0);
    assert!(lp.cancel(&mut host, g, Some(MV::Func("bye".into()))));
    assert!(matches!(
        lp.result(&mut host, g),
        Err(FutureError::Raise(MV::Exc { cancelled: true, ref msg })) if msg == "bye"
    ));
}

#[test]
fn done_callbacks_are_scheduled_never_run_inline() {
    let mut lp: EventLoop<MV> = EventLoop::new(false);
    let mut host = MockHost;
    let f = lp.create_future("future", 0);
    lp.set_future_obj(f, MV::Fut(f));
    lp.add_done_callback(&mut host, f, DoneCallback::Call(MV::Func("a".into())));
    lp.add_done_callback(&mut host, f, DoneCallback::Call(MV::Func("b".into())));
    assert_eq!(
        lp.remove_done_callback(f, |v| *v == MV::Func("a".into())),
        1
    );
    assert_eq!(lp.ready_len(), 0);
    lp.set_result(&mut host, f, MV::None).unwrap();
    assert_eq!(lp.ready_len(), 1);
    // Already done: scheduled at once.
    lp.add_done_callback(&mut host, f, DoneCallback::Call(MV::Func("c".into())));
    assert_eq!(lp.ready_len(), 2);
    let mut names = vec![];
    for _ in 0..2 {
        match lp.next_action(&mut host) {
            Todo::Call {
                func: MV::Func(n),
                args,
            } => {
                assert_eq!(args, vec![MV::Fut(f)]);
                names.push(n);
                lp.call_done();
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(names, ["b", "c"]);
}

#[test]
fn worker_threads_park_independently_and_run_before_timers_due_at_the_same_time() {
    let mut lp: EventLoop<MV> = EventLoop::new(true);
    let mut host = MockHost;
    let ex = lp.new_executor(1, "ThreadPoolExecutor-0".into());
    let f1 = lp.create_future("thread job", 0);
    let f2 = lp.create_future("thread job", 0);
    lp.submit_job(&mut host, ex, MV::Func("j1".into()), vec![], f1);
    lp.submit_job(&mut host, ex, MV::Func("j2".into()), vec![], f2);
    lp.call_later(
        &mut host,
        10,
        Callback::Call {
            func: MV::Func("timer".into()),
            args: vec![],
            fut: None,
        },
    );
    let mut order = vec![];
    // j1 starts and sleeps 10ns; j2 waits for the only worker.
    match lp.next_action(&mut host) {
        Todo::StartJob { thread, func, .. } => {
            order.push(format!("{func:?}"));
            lp.park_thread(thread, 10);
        }
        other => panic!("{other:?}"),
    }
    loop {
        match lp.next_action(&mut host) {
            Todo::ResumeThread { thread } => {
                order.push(format!("resume@{}", lp.now()));
                lp.job_finished(&mut host, thread, Ok(MV::Int(1)));
            }
            Todo::StartJob { thread, func, .. } => {
                order.push(format!("{func:?}@{}", lp.now()));
                lp.job_finished(&mut host, thread, Ok(MV::Int(2)));
            }
            Todo::Call { func, .. } => {
                order.push(format!("{func:?}@{}", lp.now()));
                lp.call_done();
            }
            Todo::Hang => break,
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(
        order,
        [
            "Func(\"j1\")",
            "resume@10",
            "Func(\"j2\")@10",
            "Func(\"timer\")@10"
        ]
    );
    assert!(lp.done(f1) && lp.done(f2));
    assert_eq!(lp.thread_name(1), "ThreadPoolExecutor-0_0");
}

/// Core-only throughput (not a test of behaviour): 10,000 tasks each
/// sleeping 10 times through the loop core with the mock host. Run with
/// `cargo test --release -p looplab-engine --lib core_throughput -- --ignored --nocapture`.
#[test]
#[ignore]
fn core_throughput() {
    let n = 10_000;
    let mut scripts = vec![("main", vec![])];
    for i in 0..n {
        scripts[0].1.push(Op::Spawn(i + 1));
        let mut ops = Vec::new();
        for _ in 0..10 {
            ops.push(Op::Sleep(10));
        }
        scripts.push(("w", ops));
    }
    for i in 0..n {
        scripts[0].1.push(Op::Await(i + 1));
    }
    for record in [false, true] {
        let mut d = Driver::new(scripts.clone());
        d.lp.recorder.enabled = record;
        let t0 = std::time::Instant::now();
        d.run().unwrap();
        println!(
            "core: {n} tasks x 10 sleeps, trace {}: {:?} ({} events)",
            if record { "on" } else { "off" },
            t0.elapsed(),
            d.lp.recorder.len()
        );
    }
}

#[test]
fn cancel_requests_are_counted_and_delivered_at_the_next_step() {
    // CPython: Task.cancel() on a task whose step is already scheduled sets
    // _must_cancel; each call counts in cancelling(); the next __step
    // throws CancelledError(msg) into the coroutine.
    let mut lp: EventLoop<MV> = EventLoop::new(false);
    let mut host = MockHost;
    let t = lp.create_task(&mut host, MV::Coro(0), None, "c", 0);
    assert!(lp.cancel(&mut host, t, Some(MV::Func("first".into()))));
    assert!(lp.cancel(&mut host, t, Some(MV::Func("second".into()))));
    assert_eq!(lp.cancelling(t), 2);
    assert!(lp.must_cancel(t));
    match lp.next_action(&mut host) {
        Todo::Step {
            resume:
                Resume::Throw(MV::Exc {
                    cancelled: true,
                    msg,
                }),
            ..
        } => assert_eq!(msg, "second"),
        other => panic!("{other:?}"),
    }
    assert!(!lp.must_cancel(t));
    // The coroutine swallows it and returns: the task is not cancelled.
    lp.task_step_end(&mut host, t, CoroStep::Returned(MV::Int(7)), 0);
    assert_eq!(lp.result(&mut host, t), Ok(MV::Int(7)));
    assert_eq!(lp.uncancel(t), 1);
}

#[test]
fn cancelling_a_gather_cancels_its_children() {
    // _GatheringFuture.cancel: cancels every child; True if any accepted;
    // then _cancel_requested is set (the outer future itself stays pending
    // until the children's callbacks complete it).
    let mut lp: EventLoop<MV> = EventLoop::new(false);
    let mut host = MockHost;
    let a = lp.create_future("future", 0);
    let b = lp.create_future("future", 0);
    lp.set_result(&mut host, b, MV::None).unwrap();
    let outer = lp.create_future("gather", 0);
    lp.make_gathering(outer, vec![a, b]);
    assert!(lp.cancel(&mut host, outer, None));
    assert!(lp.cancelled(a));
    assert!(!lp.cancelled(b));
    assert!(!lp.done(outer));
    assert!(lp.gather_cancel_requested(outer));
    // Nothing left to cancel: False, as in CPython.
    assert!(!lp.cancel(&mut host, outer, None));
}

#[test]
fn a_task_awaiting_a_task_that_swallows_cancellation_keeps_its_waiter() {
    // Task.cancel on outer (awaiting inner) cancels inner and returns True
    // without setting outer's _must_cancel; if inner swallows the
    // CancelledError and returns, outer is woken normally.
    let mut lp: EventLoop<MV> = EventLoop::new(false);
    let mut host = MockHost;
    let outer = lp.create_task(&mut host, MV::Coro(0), None, "outer", 0);
    let inner = lp.create_task(&mut host, MV::Coro(1), None, "inner", 0);
    // Step outer: it awaits inner. Step inner: it awaits a future.
    let f = lp.create_future("future", 0);
    for (task, fut) in [(outer, inner), (inner, f)] {
        match lp.next_action(&mut host) {
            Todo::Step { task: t, .. } => {
                assert_eq!(t, task);
                lp.set_blocking(fut, true);
                lp.task_step_end(&mut host, t, CoroStep::YieldedFuture(fut), 0);
            }
            other => panic!("{other:?}"),
        }
    }
    assert!(lp.cancel(&mut host, outer, None));
    assert!(!lp.must_cancel(outer));
    assert!(lp.cancelled(f));
    assert_eq!(lp.fut_waiter(outer), Some(inner));
    // inner is woken with CancelledError, swallows it, returns 5.
    match lp.next_action(&mut host) {
        Todo::Step {
            task,
            resume: Resume::Throw(MV::Exc {
                cancelled: true, ..
            }),
            ..
        } => {
            assert_eq!(task, inner);
            lp.task_step_end(&mut host, task, CoroStep::Returned(MV::Int(5)), 0);
        }
        other => panic!("{other:?}"),
    }
    match lp.next_action(&mut host) {
        Todo::Step {
            task,
            resume: Resume::Send(MV::None),
            ..
        } => assert_eq!(task, outer),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_worker_takes_one_queued_job_at_a_time() {
    // One worker, three jobs each sleeping 10ns: the worker runs them one
    // after the other (the oracle's SimWorker loop), never two at once.
    let mut lp: EventLoop<MV> = EventLoop::new(false);
    let mut host = MockHost;
    let ex = lp.new_executor(1, "p".into());
    for i in 0..3 {
        let f = lp.create_future("thread job", 0);
        lp.submit_job(&mut host, ex, MV::Int(i), vec![], f);
    }
    let mut running: Option<MV> = None;
    let mut log = vec![];
    loop {
        match lp.next_action(&mut host) {
            Todo::StartJob { thread, func, .. } => {
                assert!(running.is_none(), "two jobs on one worker");
                log.push(format!("start {func:?} @{}", lp.now()));
                running = Some(func);
                lp.park_thread(thread, 10);
            }
            Todo::ResumeThread { thread } => {
                log.push(format!("finish {:?} @{}", running.take(), lp.now()));
                lp.job_finished(&mut host, thread, Ok(MV::None));
            }
            Todo::Call { .. } => lp.call_done(),
            Todo::Hang => break,
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(
        log,
        [
            "start Int(0) @0",
            "finish Some(Int(0)) @10",
            "start Int(1) @10",
            "finish Some(Int(1)) @20",
            "start Int(2) @20",
            "finish Some(Int(2)) @30"
        ]
    );
}

/// The loop looks for finished futures to free (a pass over every future
/// and handle) only once some future finished since its last look: a run
/// piling up 90,000 pending tasks made each look a long task of the page
/// and freed nothing (issue #21).
#[test]
fn finished_futures_are_looked_for_only_after_some_finish() {
    let mut lp: EventLoop<MV> = EventLoop::new(false);
    let mut host = MockHost;
    let make = |lp: &mut EventLoop<MV>, n: u32| -> Vec<FutureId> {
        (0..n)
            .map(|i| {
                let f = lp.create_future("future", 0);
                lp.set_future_obj(f, MV::Int(i.into()));
                f
            })
            .collect()
    };
    let first = make(&mut lp, 2_000);
    for &f in &first[..100] {
        lp.set_result(&mut host, f, MV::None).unwrap();
    }
    // (The probe says every object is still held elsewhere: nothing is
    // freed, and each done future it is asked about was looked at.)
    let looked = std::cell::Cell::new(0);
    let probe = |_: &MV| {
        looked.set(looked.get() + 1);
        false
    };
    assert_eq!(lp.release_finished(probe), 0);
    assert_eq!(looked.get(), 100, "the first look");
    make(&mut lp, 8_000);
    assert_eq!(lp.release_finished(probe), 0);
    assert_eq!(looked.get(), 100, "nothing finished since: no look");
    lp.set_result(&mut host, first[500], MV::None).unwrap();
    assert_eq!(
        lp.release_finished(|_| true),
        101,
        "a future finished: a look"
    );
}
