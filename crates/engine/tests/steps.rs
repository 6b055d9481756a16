//! Step-by-step differential tests of the event loop against CPython.
//!
//! For a program, `tools/cpython_steps.py` records what CPython 3.11's loop
//! really does (under the oracle's virtual clock): one line per handle run,
//! with the ready queue left behind. The engine's trace, folded into
//! snapshots by `looplab_engine::snapshot`, must give the same listing:
//! same handles in the same order, same loop iterations, same times, same
//! ready queue at every step. Expected listings are computed by CPython at
//! test time, never stored from the engine's own output.

use std::path::{Path, PathBuf};
use std::process::Command;

use looplab_engine::run::{run_program, Limits};
use looplab_engine::snapshot::{
    listing_line, step_listing, Snapshot, StepKind, TaskState, Timeline, Waiting,
};
use looplab_engine::trace::EventKind;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("..")
}

fn async_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("conformance")
        .join("async")
}

fn cpython_listing(path: &Path) -> Vec<String> {
    let out = Command::new("python3")
        .arg(root().join("tools").join("cpython_steps.py"))
        .arg(path)
        .output()
        .expect("python3 (CPython 3.11) is needed for these tests");
    assert!(
        out.status.success(),
        "cpython_steps.py failed on {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

fn engine_listing(path: &Path) -> Vec<String> {
    let source = std::fs::read_to_string(path).expect("program");
    let outcome = run_program(&source, "<lesson>", &Limits::default());
    step_listing(&outcome.trace.events)
}

fn first_difference(ours: &[String], theirs: &[String]) -> Option<String> {
    let n = ours.len().max(theirs.len());
    for i in 0..n {
        let a = ours.get(i).map(String::as_str).unwrap_or("<end>");
        let b = theirs.get(i).map(String::as_str).unwrap_or("<end>");
        if a != b {
            return Some(format!("step {}:\n  engine:  {a}\n  CPython: {b}", i + 1));
        }
    }
    None
}

/// Programs whose step listing must match CPython's exactly.
const PROGRAMS: &[&str] = &[
    "001_round_robin_sleep0.py",
    "003_tasks_different_delays.py",
    "004_task_start_vs_call_soon.py",
    "005_future_callbacks_order.py",
    "007_gather_results_order.py",
    "011_cancel_while_sleeping.py",
    "012_cancel_while_awaiting_task.py",
    "013_cancel_gather.py",
    "019_wait_for_timeout.py",
    "035_lock.py",
    "039_queue_producer_consumer.py",
    "050_to_thread_spinner.py",
];

#[test]
fn step_listings_match_cpython() {
    let mut failures = Vec::new();
    for name in PROGRAMS {
        let path = async_dir().join(name);
        let ours = engine_listing(&path);
        let theirs = cpython_listing(&path);
        if let Some(d) = first_difference(&ours, &theirs) {
            failures.push(format!("{name}: {d}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The timeline the player uses, grown in uneven slices as a live run
/// publishes events, numbers its steps as CPython runs its handles: its
/// handle steps, in order, seeked to one at a time, give CPython's step
/// listing, and each step's `handle_ordinal` is its line in it. (A step's
/// number is what a `#step=N` link points at.)
#[test]
fn a_timeline_grown_in_slices_steps_as_cpython_does() {
    let mut failures = Vec::new();
    for name in PROGRAMS {
        let path = async_dir().join(name);
        let source = std::fs::read_to_string(&path).expect("program");
        let outcome = run_program(&source, "<lesson>", &Limits::default());
        let events = &outcome.trace.events;
        let mut tl = Timeline::empty(16);
        let mut start = 0;
        let mut chunk = 1;
        while start < events.len() {
            let end = (start + chunk).min(events.len());
            tl.extend(&events[start..end]);
            // What a live run shows after each slice (the newest steps,
            // seeked from the snapshots kept at their starts) is the fold
            // of the events up to there.
            for step in &tl.steps[tl.steps.len().saturating_sub(3)..] {
                for k in [step.start, step.end] {
                    let s = tl.at_event(k);
                    assert_eq!(
                        s,
                        Snapshot::fold(&events[..k]),
                        "{name}: after event {k}, grown to {end}"
                    );
                    // The loop panel's counts kept by the fold are what a
                    // look at every task finds.
                    let waiting = s
                        .tasks
                        .values()
                        .filter(|t| matches!(t.state, TaskState::Waiting { .. }));
                    assert_eq!(s.waiting_count(), waiting.count(), "{name}: {k}");
                    let done: Vec<_> = s.tasks.values().filter(|t| t.state.is_finished()).collect();
                    assert_eq!(s.finished_tasks().collect::<Vec<_>>(), done, "{name}: {k}");
                    assert_eq!(s.finished_count(), done.len(), "{name}: {k}");
                    // So are the code panel's parked tasks (waiting, or
                    // ready after a step of their own, at a line) by line,
                    // and the first task waiting on each task.
                    let mut parked = std::collections::BTreeMap::<u32, Vec<u32>>::new();
                    for t in s.tasks.values() {
                        let at_await = match t.state {
                            TaskState::Waiting { .. } => true,
                            TaskState::Ready => t.steps > 0,
                            _ => false,
                        };
                        if at_await && t.line > 0 {
                            parked.entry(t.line).or_default().push(t.id);
                        }
                    }
                    let lines: Vec<_> = s.parked_lines().collect();
                    let want: Vec<_> = parked.iter().map(|(&l, ids)| (l, ids.len())).collect();
                    assert_eq!(lines, want, "{name}: {k}");
                    for (line, ids) in &parked {
                        let got: Vec<_> = s.parked_at(*line).map(|t| t.id).collect();
                        assert_eq!(&got, ids, "{name}: {k}: line {line}");
                    }
                    for &id in s.tasks.keys() {
                        let first = s.tasks.values().find(|t| {
                            matches!(t.state, TaskState::Waiting { on: Waiting::Task { task } } if task == id)
                        });
                        assert_eq!(
                            s.first_awaiter(id),
                            first.map(|t| t.id),
                            "{name}: {k}: {id}"
                        );
                    }
                }
            }
            start = end;
            chunk = chunk % 13 + 2;
        }
        let whole = Timeline::new(outcome.trace.clone(), 0);
        assert_eq!(tl.steps, whole.steps, "{name}: steps depend on the slicing");
        let mut ours = Vec::new();
        for (i, step) in tl.steps.iter().enumerate() {
            if !matches!(step.kind, StepKind::Handle { .. }) {
                assert_eq!(tl.handle_ordinal(i), None, "{name}: step {i}");
                continue;
            }
            assert_eq!(tl.handle_ordinal(i), Some(ours.len()), "{name}: step {i}");
            let started = (step.start..step.end)
                .find(|&k| matches!(events[k].kind, EventKind::HandleStarted { .. }))
                .expect("a handle step starts its handle");
            ours.extend(listing_line(&tl.at_event(started + 1)));
            assert_eq!(tl.at_event(step.end), tl.after_step(i), "{name}: step {i}");
        }
        let theirs = cpython_listing(&path);
        if let Some(d) = first_difference(&ours, &theirs) {
            failures.push(format!("{name}: {d}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every async conformance program (a survey, not a gate): prints how many
/// step listings match CPython. `cargo test --test steps -- --ignored
/// --nocapture`.
#[test]
#[ignore]
fn survey_all_async_programs() {
    let mut names: Vec<String> = std::fs::read_dir(async_dir())
        .expect("async dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".py"))
        .collect();
    names.sort();
    let mut ok = 0;
    for name in &names {
        let path = async_dir().join(name);
        let ours = engine_listing(&path);
        let theirs = cpython_listing(&path);
        match first_difference(&ours, &theirs) {
            None => ok += 1,
            Some(d) => println!("{name}: {d}"),
        }
    }
    println!(
        "steps: {ok}/{} async programs match CPython step by step",
        names.len()
    );
}

/// The fold at chosen steps: what the UI shows.
#[test]
fn snapshots_show_waiting_reasons_and_one_iteration_in_the_ready_queue() {
    let source = "\
import asyncio

async def sleeper():
    await asyncio.sleep(1)
    print('sleeper woke')

async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    await t

asyncio.run(main())
";
    let outcome = run_program(source, "<lesson>", &Limits::default());
    let tl = Timeline::new(outcome.trace.clone(), 16);
    let events = &outcome.trace.events;
    // Find the step in which the sleep timer fires.
    let timer_step = tl
        .steps
        .iter()
        .position(|s| {
            events[s.start..s.end]
                .iter()
                .any(|e| matches!(e.kind, EventKind::TimerFired { .. }))
        })
        .expect("a timer fired");
    // Before it: sleeper waits on its sleep until t=1.000, main on sleeper.
    let before: Snapshot = tl.after_step(timer_step - 1);
    let sleeper = before
        .tasks
        .values()
        .find(|t| t.coro == "sleeper")
        .expect("sleeper task");
    assert!(
        matches!(
            sleeper.state,
            TaskState::Waiting {
                on: Waiting::Sleep {
                    until_ns: Some(1_000_000_000),
                    ..
                }
            }
        ),
        "{:?}",
        sleeper.state
    );
    assert_eq!(before.task_status(sleeper.id), "sleep until t=1.000");
    let main = before
        .tasks
        .values()
        .find(|t| t.coro == "main")
        .expect("main");
    assert_eq!(before.task_status(main.id), "task Task-2");
    // CPython: the timer's callback runs in one iteration and schedules
    // sleeper's wakeup, which runs in the next iteration.
    let after_timer = tl.after_step(timer_step);
    assert_eq!(after_timer.ready_names(), vec!["Task-2".to_string()]);
    let next = tl.after_step(timer_step + 1);
    assert_eq!(next.iteration, after_timer.iteration + 1);
    assert_eq!(next.stdout(), "sleeper woke\n");
}

/// A run driven in small slices (as the browser does) gives exactly the
/// outcome and trace of an instant run.
#[test]
fn sliced_sessions_equal_instant_runs() {
    use looplab_engine::run::{format_timed, Progress, Session};
    let names = [
        "001_round_robin_sleep0.py",
        "008_gather_first_exception.py",
        "016_cancel_finally_awaits.py",
        "039_queue_producer_consumer.py",
        "048_blocking_sleep_freezes_heartbeat.py",
        "050_to_thread_spinner.py",
        "057_legacy_get_event_loop.py",
        "062_uncaught_in_main.py",
        "065_hang_future_never_set.py",
        "091_to_thread_worker_sleep_vs_timer.py",
    ];
    let mut total_slices = 0;
    let mut total_waits = 0;
    for name in names {
        let source = std::fs::read_to_string(async_dir().join(name)).expect("program");
        let instant = run_program(&source, "<lesson>", &Limits::default());
        let mut session = Session::new(&source, "<lesson>", &Limits::default());
        session.live = true;
        let mut slices = 0;
        let mut last_wait = 0;
        let mut live_events = Vec::new();
        loop {
            let progress = session.advance(300);
            live_events.extend(session.events_since(live_events.len()));
            match progress {
                Progress::Finished => break,
                Progress::Ready => slices += 1,
                Progress::WaitUntil(t) => {
                    // Live mode reports each clock jump once, in order.
                    assert!(t > last_wait, "{name}: WaitUntil({t}) after {last_wait}");
                    last_wait = t;
                    total_waits += 1;
                }
            }
            assert!(slices < 1_000_000, "{name}: never finishes");
        }
        total_slices += slices;
        let sliced = session.into_outcome();
        assert_eq!(format_timed(&sliced), format_timed(&instant), "{name}");
        assert_eq!(sliced.trace, instant.trace, "{name}: traces differ");
        assert_eq!(
            live_events, instant.trace.events,
            "{name}: live events differ"
        );
    }
    assert!(
        total_slices > 2 * names.len(),
        "runs were not sliced: {total_slices}"
    );
    assert!(
        total_waits >= names.len(),
        "live mode never waited for the clock: {total_waits}"
    );
}

/// Steps with program threads are narrated as what happened: the clock's
/// whole move in the step (not only its first jump), the threads started,
/// other threads that ran, and the copy of a task's outcome into the
/// future `run_coroutine_threadsafe` returned. (The times and orders
/// themselves are CPython's: the threads conformance programs and the
/// lessons `threads` and `loop-in-thread`.)
#[test]
fn thread_steps_are_narrated() {
    let narrations = |source: &str| {
        let outcome = run_program(source, "<lesson>", &Limits::default());
        let tl = Timeline::new(outcome.trace, 64);
        (0..tl.steps.len())
            .map(|i| tl.narrate(i))
            .collect::<Vec<String>>()
    };
    // No event loop: a step per thread's turn, each saying who ran until
    // it blocked, and the clock's jumps where every thread waited.
    let only_threads = narrations(
        "import threading, time\n\
         def work(s):\n    time.sleep(s)\n\
         ts = [threading.Thread(target=work, args=(s,)) for s in (2, 1)]\n\
         for t in ts: t.start()\n\
         for t in ts: t.join()\n",
    );
    let n = only_threads.join("\n");
    for part in [
        "The program started Thread-1 (work).",
        "Thread-1 (work) ran until it blocked",
        "The main thread ran until it blocked",
        "The program started Thread-2 (work).",
        "Nothing was ready, so the clock jumped from t=0.000 to t=1.000.",
        "Nothing was ready, so the clock jumped from t=1.000 to t=2.000.",
        "Thread-1 (work) ran to its end.",
        "The program finished.",
    ] {
        assert!(n.contains(part), "{part:?} missing from {n:?}");
    }
    assert!(!n.contains("A thread ended."), "{n:?}");
    // A loop in a worker thread; the main thread waits for 1 s, then for
    // the coroutine's result at 3 s.
    let loop_thread = narrations(
        "import asyncio, threading\n\
         async def slow():\n    await asyncio.sleep(3)\n    return 1\n\
         loop = asyncio.new_event_loop()\n\
         threading.Thread(target=loop.run_forever).start()\n\
         f = asyncio.run_coroutine_threadsafe(slow(), loop)\n\
         try:\n    f.result(timeout=1)\nexcept TimeoutError:\n    pass\n\
         f.result()\n\
         loop.call_soon_threadsafe(loop.stop)\n",
    );
    let all = loop_thread.join("\n");
    for part in [
        "The program started Thread-1 (run_forever).",
        "It created Task-1 (slow).",
        "The clock moved from t=0.000 to t=3.000, jumping ahead whenever every thread was \
         waiting. A sleep's timer fired.",
        "The main thread also ran in this step, until it blocked: it is waiting in \
         Future.result() for its result.",
        "The loop copied the outcome of Task-1 (slow) into the concurrent.futures.Future that \
         run_coroutine_threadsafe returned",
    ] {
        assert!(all.contains(part), "{part:?} missing from:\n{all}");
    }
    // One thread only: the loop's own wording is unchanged.
    let plain = narrations(
        "import asyncio\nasync def main():\n    await asyncio.sleep(1)\nasyncio.run(main())\n",
    );
    assert!(
        plain.iter().any(|n| n
            .starts_with("Nothing was ready, so the clock jumped from t=0.000 to t=1.000. A sleep's timer fired.")),
        "{plain:?}"
    );
}

/// A program of threads without an event loop is one step per thread's
/// turn (the scheduler's `ProgramThreadRuns`), each step's prints are that
/// thread's, and the prints in step order are CPython's output (the
/// oracle's, computed here).
#[test]
fn a_program_of_threads_is_a_step_per_turn() {
    let source = "import threading, time\n\ndef work(n):\n    print('start', n)\n    time.sleep(0.5 * n)\n    print('done', n)\n\nts = [threading.Thread(target=work, args=(i,)) for i in range(1, 3)]\nfor t in ts:\n    t.start()\nfor t in ts:\n    t.join()\nprint('all joined')\n";
    let dir = std::env::temp_dir().join(format!("looplab-steps-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("threads.py");
    std::fs::write(&path, source).expect("write");
    let out = Command::new("python3")
        .arg(root().join("tools").join("oracle.py"))
        .arg(&path)
        .output()
        .expect("python3");
    let expected = String::from_utf8(out.stdout).expect("utf-8");
    let outcome = run_program(source, "main.py", &Limits::default());
    let tl = Timeline::new(outcome.trace.clone(), 0);
    let events = &outcome.trace.events;
    let mut printed = String::new();
    let mut turns = Vec::new();
    for step in &tl.steps {
        if let StepKind::Thread { thread } = step.kind {
            turns.push(thread);
        }
        for e in &events[step.start..step.end] {
            if let EventKind::Print { text, .. } = &e.kind {
                printed.push_str(text);
            }
        }
    }
    assert_eq!(printed, expected);
    // main starts both threads; 1 and 2 print, main joins; at 0.5 s 1 ends
    // and main goes on joining; at 1 s 2 ends and main prints.
    assert_eq!(turns, [1, 0, 2, 0, 1, 0, 2, 0]);
    assert_eq!(tl.steps[0].kind, StepKind::Setup);
    assert!(tl
        .steps
        .iter()
        .all(|s| !matches!(s.kind, StepKind::Handle { .. })));
}

/// A TaskGroup's cancellations are the group's: its `_on_task_done` step
/// says which child failed, and the cancel requests it makes are the task
/// group's (not "the program"'s).
#[test]
fn taskgroup_cancellations_are_narrated_as_the_groups() {
    let source = "import asyncio\n\nasync def worker(n):\n    await asyncio.sleep(n)\n    \
                  if n == 1:\n        raise ValueError('boom')\n\nasync def main():\n    try:\n        \
                  async with asyncio.TaskGroup() as tg:\n            for n in (1, 2, 3):\n                \
                  tg.create_task(worker(n))\n    except* ValueError:\n        print('caught')\n\n\
                  asyncio.run(main())\n";
    let outcome = run_program(source, "<lesson>", &Limits::default());
    let tl = Timeline::new(outcome.trace, 64);
    let all: Vec<String> = (0..tl.steps.len()).map(|i| tl.narrate(i)).collect();
    let step = all
        .iter()
        .find(|n| n.contains("_on_task_done"))
        .unwrap_or_else(|| panic!("no _on_task_done step in {all:#?}"));
    assert!(
        step.starts_with("Task-2 (worker) failed with ValueError('boom')"),
        "{step}"
    );
    for cancelled in ["Task-3 (worker)", "Task-4 (worker)", "Task-1 (main)"] {
        assert!(
            step.contains(&format!("The task group asked to cancel {cancelled}")),
            "{cancelled}: {step}"
        );
    }
    assert!(!step.contains("The program asked to cancel"), "{step}");
}
