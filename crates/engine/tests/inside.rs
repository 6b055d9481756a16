//! Seeing inside tasks (issue #17): the await chain and local variables a
//! run records whenever a task suspends (`Limits::inspect_frames`), and
//! the chain the snapshot composes from them (`Snapshot::await_chain`).
//! The programs are in `tests/inside/`.

use looplab_engine::run::{run_program, Limits, RunOutcome};
use looplab_engine::snapshot::Snapshot;
use looplab_engine::trace::{Event, EventKind, FrameInfo, TaskId};

fn read(name: &str) -> String {
    let path = format!("{}/tests/inside/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn run(name: &str, inspect: bool) -> RunOutcome {
    let limits = Limits {
        inspect_frames: inspect,
        ..Limits::default()
    };
    run_program(&read(name), "main.py", &limits)
}

fn stdout(out: &RunOutcome) -> String {
    out.output
        .iter()
        .filter(|c| !c.stderr)
        .map(|c| c.text.as_str())
        .collect()
}

/// The `n`th (0-based) suspension of `task`: its frames, and the snapshot
/// right after that step ended (the `TaskStepEnded` that follows).
fn suspension(out: &RunOutcome, task: TaskId, n: usize) -> (Vec<FrameInfo>, Snapshot) {
    let events = &out.trace.events;
    let (i, frames) = events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| match &e.kind {
            EventKind::TaskFrames { task: t, frames } if *t == task => Some((i, frames.clone())),
            _ => None,
        })
        .nth(n)
        .unwrap_or_else(|| panic!("task {task} has no suspension {n}"));
    let end = events[i..]
        .iter()
        .position(|e| matches!(e.kind, EventKind::TaskStepEnded { task: t, .. } if t == task))
        .expect("the step ends")
        + i;
    (frames, Snapshot::fold(&events[..=end]))
}

/// `(name, repr)` of a frame's locals.
fn locals(f: &FrameInfo) -> Vec<(&str, &str)> {
    f.locals
        .iter()
        .map(|v| (v.name.as_str(), v.repr.as_str()))
        .collect()
}

fn names(frames: &[FrameInfo]) -> Vec<&str> {
    frames.iter().map(|f| f.name.as_str()).collect()
}

#[test]
fn a_worker_under_gather_reads_main_gather_worker_sleep() {
    let out = run("gather_sleep.py", true);
    // Task 1 is main; tasks 2, 3, 4 are workers 1, 2, 3.
    let (frames, snap) = suspension(&out, 3, 0);
    assert_eq!(names(&frames), ["worker", "sleep"]);
    assert_eq!(frames[0].line, 7);
    assert!(!frames[0].library && frames[1].library);
    assert_eq!(
        locals(&frames[0]),
        [("n", "2"), ("total", "20"), ("label", "'w2'")]
    );
    assert!(frames[1].locals.is_empty(), "library frames keep no locals");
    assert_eq!(snap.await_chain(3), ["main", "gather", "worker", "sleep"]);
    assert_eq!(snap.await_chain(1), ["main", "gather"]);
    assert_eq!(snap.tasks[&3].frames, frames);

    // Its second suspension: the variable it changed, the line it is at.
    let (frames, _) = suspension(&out, 3, 1);
    assert_eq!(frames[0].line, 9);
    assert_eq!(
        locals(&frames[0]),
        [("n", "2"), ("total", "21"), ("label", "'w2'")]
    );
    // Once done, a task has no frames.
    let end = Snapshot::fold(&out.trace.events);
    assert!(end.tasks.values().all(|t| t.frames.is_empty()));
}

#[test]
fn a_task_awaiting_a_task_shows_the_link_and_reprs_are_safe_and_cut() {
    let out = run("task_awaits_task.py", true);
    // The inspector never runs the program's `__repr__` (it prints).
    assert_eq!(stdout(&out), "100\n");
    let (frames, snap) = suspension(&out, 1, 0);
    assert_eq!(names(&frames), ["main", "helper"]);
    assert_eq!(frames[0].line, 22);
    assert_eq!(frames[1].line, 16);
    let main = locals(&frames[0]);
    assert_eq!(main[0].0, "t");
    assert_eq!(
        frames[0].locals[0].fut,
        Some(2),
        "a task is named by its id"
    );
    assert_eq!(main[1], ("box", "<Box object>"));
    let big = main[2].1;
    assert_eq!(big.chars().count(), 80);
    assert!(big.starts_with("'xxxx") && big.ends_with('…'), "{big}");
    assert_eq!(locals(&frames[1])[1], ("note", "'waiting for kid'"));
    // The child, once it suspended too.
    let (frames, snap2) = suspension(&out, 2, 0);
    let child = locals(&frames[0]);
    assert!(child[0].1.starts_with("[0, 1, 2, 3, "), "{}", child[0].1);
    assert_eq!(child[0].1.chars().count(), 80);
    assert_eq!(child[1], ("seen", "{'a': [1, 2], 'b': (3,)}"));
    assert_eq!(snap2.await_chain(2), ["main", "helper", "child", "sleep"]);
    assert_eq!(snap2.await_chain(1), ["main", "helper", "kid"]);
    drop(snap);
}

#[test]
fn a_cancelled_task_is_seen_inside_its_finally() {
    let out = run("cancel_finally.py", true);
    assert_eq!(stdout(&out), "cleaned up\ncancelled\n");
    let (frames, _) = suspension(&out, 2, 0);
    assert_eq!(frames[0].line, 7);
    assert_eq!(locals(&frames[0]), [("step", "'start'")]);
    let (frames, snap) = suspension(&out, 2, 1);
    assert_eq!(names(&frames), ["worker", "sleep"]);
    assert_eq!(frames[0].line, 10);
    assert_eq!(locals(&frames[0]), [("step", "'cleanup'")]);
    assert_eq!(snap.await_chain(2), ["main", "worker", "sleep"]);
    assert_eq!(snap.await_chain(1), ["main", "Task-2"]);
}

#[test]
fn an_async_generator_is_a_frame_of_the_chain() {
    let out = run("generators.py", true);
    assert_eq!(stdout(&out), "6 [0, 1]\n");
    let (frames, _) = suspension(&out, 1, 1);
    assert_eq!(names(&frames), ["main", "ticks", "sleep"]);
    assert_eq!(frames[0].line, 17);
    assert_eq!(frames[1].line, 11);
    assert_eq!(
        locals(&frames[0]),
        [("total", "6"), ("got", "[0]"), ("t", "0")]
    );
    assert_eq!(locals(&frames[1]), [("k", "2"), ("i", "1")]);
}

#[test]
fn inspecting_is_off_by_default_and_changes_nothing_else() {
    for name in [
        "gather_sleep.py",
        "task_awaits_task.py",
        "cancel_finally.py",
        "generators.py",
    ] {
        let plain = run(name, false);
        let inspected = run(name, true);
        assert!(
            !plain
                .trace
                .events
                .iter()
                .any(|e| matches!(e.kind, EventKind::TaskFrames { .. })),
            "{name}: frames recorded without being asked for"
        );
        assert_eq!(plain.output, inspected.output, "{name}");
        assert_eq!(plain.ending, inspected.ending, "{name}");
        let kinds = |o: &RunOutcome| -> Vec<EventKind> {
            o.trace
                .events
                .iter()
                .map(|e| e.kind.clone())
                .filter(|k| !matches!(k, EventKind::TaskFrames { .. }))
                .collect()
        };
        assert_eq!(kinds(&plain), kinds(&inspected), "{name}");
    }
}

const PROGRAMS: [&str; 5] = [
    "gather_sleep.py",
    "task_awaits_task.py",
    "cancel_finally.py",
    "generators.py",
    "turns.py",
];

fn run_lines(name: &str, inspect: bool) -> RunOutcome {
    let limits = Limits {
        inspect_frames: inspect,
        record_lines: true,
        ..Limits::default()
    };
    run_program(&read(name), "main.py", &limits)
}

/// The recorded line events as `tools/cpython_lines.py` writes CPython's:
/// `<task name> <line>`, "-" outside any task.
fn line_listing(out: &RunOutcome) -> String {
    let mut names = std::collections::HashMap::new();
    let mut s = String::new();
    for e in &out.trace.events {
        match &e.kind {
            EventKind::TaskCreated { task, name, .. } | EventKind::TaskRenamed { task, name } => {
                names.insert(*task, name.clone());
            }
            EventKind::Line { task, line, .. } => {
                let who = task.map_or("-".to_string(), |t| names[&t].clone());
                s += &format!("{who} {line}\n");
            }
            _ => {}
        }
    }
    s
}

#[test]
fn the_lines_run_are_cpythons_in_cpythons_order() {
    for name in PROGRAMS {
        let out = run_lines(name, false);
        let expected = read(&name.replace(".py", ".lines"));
        assert_eq!(line_listing(&out), expected, "{name}");
    }
}

#[test]
fn recording_lines_is_off_by_default_and_changes_nothing_else() {
    for name in PROGRAMS {
        let plain = run(name, false);
        let lines = run_lines(name, false);
        assert!(
            !plain
                .trace
                .events
                .iter()
                .any(|e| matches!(e.kind, EventKind::Line { .. })),
            "{name}: lines recorded without being asked for"
        );
        assert_eq!(plain.output, lines.output, "{name}");
        assert_eq!(plain.ending, lines.ending, "{name}");
        let kinds = |o: &RunOutcome| -> Vec<(u64, EventKind)> {
            o.trace
                .events
                .iter()
                .filter(|e| !matches!(e.kind, EventKind::Line { .. }))
                .map(|e| (e.time_ns, e.kind.clone()))
                .collect()
        };
        assert_eq!(kinds(&plain), kinds(&lines), "{name}");
        // The event steps of the player are the same.
        let steps = |o: &RunOutcome| looplab_engine::snapshot::steps(&o.trace.events).len();
        assert_eq!(steps(&plain), steps(&lines), "{name}");
    }
}

#[test]
fn line_events_stop_at_their_limit_and_say_so() {
    let limits = Limits {
        record_lines: true,
        max_line_events: 7,
        ..Limits::default()
    };
    let out = run_program(&read("turns.py"), "main.py", &limits);
    let lines = out
        .trace
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Line { .. }))
        .count();
    assert_eq!(lines, 7);
    let capped: Vec<_> = out
        .trace
        .events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::LinesCapped { limit } => Some(limit),
            _ => None,
        })
        .collect();
    assert_eq!(capped, [7], "one LinesCapped event, naming the limit");
    // The run itself goes on to its end.
    assert_eq!(stdout(&out), stdout(&run("turns.py", false)));
    let end = Snapshot::fold(&out.trace.events);
    assert_eq!(end.lines_capped, Some(7));
    let message = looplab_engine::trace::lines_capped_message(7);
    assert!(
        message.contains("line-recording limit") && message.contains("--max-lines"),
        "{message}"
    );
}

#[test]
fn the_snapshot_knows_each_tasks_line_and_frames_at_a_line_step() {
    let out = run_lines("gather_sleep.py", true);
    let events = &out.trace.events;
    // Worker 2 (task 3) at `total += 1` (line 8): its previous suspension
    // recorded `total` as 20; worker 1 already waits at line 9.
    let at = events
        .iter()
        .position(|e| {
            matches!(
                e.kind,
                EventKind::Line {
                    task: Some(3),
                    line: 8,
                    ..
                }
            )
        })
        .expect("worker 2 runs line 8");
    let snap = Snapshot::fold(&events[..=at]);
    assert_eq!(snap.line, Some((Some(3), 8)));
    assert_eq!(snap.tasks[&3].line_ran, Some(8));
    assert_eq!(snap.tasks[&2].line_ran, Some(9), "worker 1 waits at line 9");
    assert_eq!(snap.tasks[&4].line_ran, Some(7), "worker 3 waits at line 7");
    assert_eq!(snap.await_chain(4), ["main", "gather", "worker", "sleep"]);
    let total = |snap: &Snapshot, task| {
        snap.tasks[&task].frames[0]
            .locals
            .iter()
            .find(|v| v.name == "total")
            .map(|v| v.repr.clone())
    };
    assert_eq!(total(&snap, 3).as_deref(), Some("20"));
    // After its next suspension, the change shows.
    let later = events[at..]
        .iter()
        .position(|e| matches!(e.kind, EventKind::TaskFrames { task: 3, .. }))
        .expect("worker 2 suspends again")
        + at;
    let snap = Snapshot::fold(&events[..=later]);
    assert_eq!(total(&snap, 3).as_deref(), Some("21"));
}

/// What CPython says the module globals are each time the program of
/// `tests/inside/{name}` calls `asyncio.sleep`: one list of `(name, repr)`
/// per call, in order, with the names `Vm::main_globals` keeps (no
/// dunders, modules, functions, classes or builtins) and reprs cut as
/// `Vm::preview_repr` cuts them.
fn cpython_globals_at_sleeps(name: &str) -> Vec<Vec<(String, String)>> {
    const TRACER: &str = r#"
import asyncio, runpy, sys, types
real = asyncio.sleep
skip = (types.ModuleType, types.FunctionType, type, types.BuiltinFunctionType)
def sleep(delay, result=None):
    for k, v in sys._getframe(1).f_globals.items():
        if (k.startswith('__') and k.endswith('__')) or isinstance(v, skip):
            continue
        r = repr(v)
        if len(r) > 80:
            r = r[:79] + '\u2026'
        print(k + '\t' + r)
    print('--')
    return real(delay, result)
asyncio.sleep = sleep
runpy.run_path(sys.argv[1], run_name='__main__')
"#;
    let path = format!("{}/tests/inside/{name}", env!("CARGO_MANIFEST_DIR"));
    let out = std::process::Command::new("python3")
        .args(["-c", TRACER, &path])
        .output()
        .expect("python3 (3.11) runs the reference");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let mut blocks = vec![Vec::new()];
    for line in text.lines() {
        if line == "--" {
            blocks.push(Vec::new());
        } else if let Some((k, r)) = line.split_once('\t') {
            blocks
                .last_mut()
                .unwrap()
                .push((k.to_string(), r.to_string()));
        }
    }
    blocks.pop();
    blocks
}

#[test]
fn the_module_globals_at_each_sleep_are_the_ones_cpython_has() {
    let expected = cpython_globals_at_sleeps("globals.py");
    assert_eq!(expected.len(), 5, "five sleeps: {expected:?}");
    let out = run("globals.py", true);
    let events = &out.trace.events;
    let mut seen = Vec::new();
    for (i, e) in events.iter().enumerate() {
        let EventKind::TaskFrames { frames, .. } = &e.kind else {
            continue;
        };
        if frames.last().map(|f| f.name.as_str()) != Some("sleep") {
            continue;
        }
        // The globals recorded with this suspension (or before it, when
        // they had not changed).
        let upto = events[i + 1..]
            .iter()
            .position(|e| !matches!(e.kind, EventKind::Globals { .. }))
            .map_or(events.len(), |p| i + 1 + p);
        let snap = Snapshot::fold(&events[..upto]);
        seen.push(
            snap.globals
                .iter()
                .map(|v| (v.name.clone(), v.repr.clone()))
                .collect::<Vec<_>>(),
        );
    }
    assert_eq!(seen, expected);
    // Recorded only when they changed: fewer times than tasks suspended.
    let count = |f: fn(&EventKind) -> bool| events.iter().filter(|e| f(&e.kind)).count();
    let globals = count(|k| matches!(k, EventKind::Globals { .. }));
    let suspensions = count(|k| matches!(k, EventKind::TaskFrames { .. }));
    assert!(
        globals >= 3 && globals < suspensions,
        "{globals} of {suspensions}"
    );
    // And not at all when the run records no frames.
    let off = run("globals.py", false);
    assert!(!off
        .trace
        .events
        .iter()
        .any(|e| matches!(e.kind, EventKind::Globals { .. })));
    assert_eq!(stdout(&off), stdout(&out));
}

/// Every program of `tests/inside/` with the variables CPython had at each
/// of its line events (`NAME.locals`, written by `tools/regen-inside` from
/// `tools/cpython_locals.py`).
const LOCALS_PROGRAMS: [&str; 10] = [
    "gather_sleep.py",
    "task_awaits_task.py",
    "cancel_finally.py",
    "generators.py",
    "turns.py",
    "globals.py",
    "counters.py",
    "helper_call.py",
    "mutated.py",
    "deleted.py",
];

/// One frame as `tools/cpython_locals.py` lists it: qualname, line,
/// `(name, repr)` of each local.
type ListedFrame = (String, u32, Vec<(String, String)>);

fn listed_frame(f: &FrameInfo) -> ListedFrame {
    (
        f.name.clone(),
        f.line,
        f.locals
            .iter()
            .map(|v| (v.name.clone(), masked(&v.repr)))
            .collect(),
    )
}

fn pairs(v: &serde_json::Value) -> Vec<(String, String)> {
    v.as_array()
        .expect("a list of [name, repr]")
        .iter()
        .map(|p| {
            (
                p[0].as_str().unwrap().to_string(),
                masked(p[1].as_str().unwrap()),
            )
        })
        .collect()
}

/// A repr with its memory addresses (`<tuple_iterator object at
/// 0x7f38bdebeec0>`) masked as `tools/cpython_locals.py` masks them
/// (`at 0x?`): no two processes share them.
fn masked(repr: &str) -> String {
    let mut out = String::new();
    let mut rest = repr;
    while let Some(i) = rest.find(" at 0x") {
        out.push_str(&rest[..i + 6]);
        out.push('?');
        rest = rest[i + 6..].trim_start_matches(|c: char| c.is_ascii_hexdigit() || c == '?');
    }
    out.push_str(rest);
    out
}

#[test]
fn at_every_line_the_variables_are_the_ones_cpython_has() {
    for name in LOCALS_PROGRAMS {
        let expected: Vec<serde_json::Value> = read(&name.replace(".py", ".locals"))
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        // Under the oracle's file name, which a task's repr shows
        // (`coro=<child() running at <lesson>:9>`).
        let limits = Limits {
            inspect_frames: true,
            record_lines: true,
            ..Limits::default()
        };
        let out = run_program(&read(name), "<lesson>", &limits);
        let mut snap = Snapshot::new();
        let mut names = std::collections::HashMap::new();
        let mut n = 0;
        let mut compared_frames = 0;
        for e in &out.trace.events {
            snap.apply(e);
            match &e.kind {
                EventKind::TaskCreated { task, name, .. }
                | EventKind::TaskRenamed { task, name } => {
                    names.insert(*task, name.clone());
                }
                EventKind::Line { task, line, .. } => {
                    let want = &expected
                        .get(n)
                        .unwrap_or_else(|| panic!("{name}: more line events than CPython's"));
                    let who = task.map_or("-".to_string(), |t| names[&t].clone());
                    let at = format!("{name}: line event {n} ({who} {line})");
                    assert_eq!(want["task"].as_str(), Some(who.as_str()), "{at}");
                    assert_eq!(want["line"].as_u64(), Some(u64::from(*line)), "{at}");
                    // The globals, in every line event's fold.
                    let globals: Vec<(String, String)> = snap
                        .globals
                        .iter()
                        .map(|v| (v.name.clone(), masked(&v.repr)))
                        .collect();
                    assert_eq!(globals, pairs(&want["globals"]), "{at}: globals");
                    // A task's frames: its program frames up from the one
                    // running the line (CPython walks `f_back` until it
                    // leaves the program's own functions).
                    if let Some(t) = task {
                        let ours = &snap.tasks[t].frames;
                        let from = ours.iter().rposition(|f| f.library).map_or(0, |i| i + 1);
                        let ours: Vec<ListedFrame> =
                            ours[from..].iter().map(listed_frame).collect();
                        let theirs: Vec<ListedFrame> = want["frames"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .map(|f| {
                                (
                                    f[0].as_str().unwrap().to_string(),
                                    f[1].as_u64().unwrap() as u32,
                                    pairs(&f[2]),
                                )
                            })
                            .collect();
                        // Compared as sets of variables: CPython's
                        // `f_locals` is a dict kept on the frame and updated
                        // in place each time it is read, so a name deleted
                        // and bound again moves to its end only because the
                        // tracer read it in between; the engine keeps the
                        // slot order (parameters first), the order without
                        // a tracer.
                        let sorted = |v: Vec<ListedFrame>| -> Vec<ListedFrame> {
                            v.into_iter()
                                .map(|(n, l, mut vars)| {
                                    vars.sort();
                                    (n, l, vars)
                                })
                                .collect()
                        };
                        assert_eq!(sorted(ours), sorted(theirs), "{at}: frames");
                        compared_frames += 1;
                    }
                    n += 1;
                }
                _ => {}
            }
        }
        assert_eq!(n, expected.len(), "{name}: as many line events as CPython");
        assert!(compared_frames > 0, "{name}: no line of a task compared");
    }
}

/// The first line event or end of a task's step after event `i`.
fn next_line_or_step_end(events: &[Event], i: usize) -> Option<&EventKind> {
    events[i + 1..]
        .iter()
        .find(|e| {
            matches!(
                e.kind,
                EventKind::Line { .. } | EventKind::TaskStepEnded { .. }
            )
        })
        .map(|e| &e.kind)
}

#[test]
fn line_frames_are_recorded_before_their_line_and_only_when_they_change() {
    let out = run_lines("counters.py", true);
    let events = &out.trace.events;
    // A task's frames come before its line, or (at a suspension) before
    // the end of its step, with no other line in between.
    for (i, e) in events.iter().enumerate() {
        if let EventKind::TaskFrames { task, .. } = e.kind {
            let next = next_line_or_step_end(events, i);
            match next {
                Some(EventKind::Line { task: t, .. }) => assert_eq!(*t, Some(task)),
                Some(EventKind::TaskStepEnded { task: t, .. }) => assert_eq!(*t, task),
                other => panic!("frames of task {task} followed by {other:?}"),
            }
        }
    }
    // A line records a task's frames only when they differ from the ones
    // last recorded for it (at a line or a suspension).
    let mut last: std::collections::HashMap<TaskId, &Vec<FrameInfo>> = Default::default();
    for (i, e) in events.iter().enumerate() {
        if let EventKind::TaskFrames { task, frames } = &e.kind {
            let at_line = matches!(
                events[i + 1..]
                    .iter()
                    .find(|e| !matches!(e.kind, EventKind::Globals { .. }))
                    .map(|e| &e.kind),
                Some(EventKind::Line { .. })
            );
            if let Some(prev) = last.insert(*task, frames) {
                if at_line {
                    assert_ne!(prev, frames, "task {task} recorded the same frames twice");
                }
            }
        }
    }
    let lines = events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Line { .. }))
        .count();
    let frames = events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::TaskFrames { .. }))
        .count();
    println!("counters.py: {lines} line events, {frames} TaskFrames");
    // Without lines, frames come at suspensions only; with lines but no
    // frames, no TaskFrames or Globals at all.
    let plain = run_lines("counters.py", false);
    assert!(!plain.trace.events.iter().any(|e| matches!(
        e.kind,
        EventKind::TaskFrames { .. } | EventKind::Globals { .. }
    )));
}

#[test]
fn line_frames_stop_at_their_limit_and_say_so() {
    let limits = Limits {
        inspect_frames: true,
        record_lines: true,
        max_line_frames: 5,
        ..Limits::default()
    };
    let out = run_program(&read("counters.py"), "main.py", &limits);
    let events = &out.trace.events;
    let at = events
        .iter()
        .position(|e| matches!(e.kind, EventKind::LineFramesCapped { limit: 5 }))
        .expect("the cap is recorded");
    let lines_before = events[..at]
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Line { .. }))
        .count();
    assert_eq!(lines_before, 5);
    assert_eq!(
        events
            .iter()
            .filter(|e| matches!(e.kind, EventKind::LineFramesCapped { .. }))
            .count(),
        1
    );
    // Past it, every TaskFrames is a suspension's (right before its step
    // ends), and line events go on.
    for (i, e) in events.iter().enumerate().skip(at) {
        if let EventKind::TaskFrames { task, .. } = e.kind {
            let next = next_line_or_step_end(events, i);
            assert!(
                matches!(next, Some(EventKind::TaskStepEnded { task: t, .. }) if *t == task),
                "{next:?}"
            );
        }
    }
    assert!(events[at..]
        .iter()
        .any(|e| matches!(e.kind, EventKind::Line { .. })));
    assert_eq!(Snapshot::fold(events).line_frames_capped, Some(5));
    let message = looplab_engine::trace::line_frames_capped_message(5);
    assert!(message.contains("--max-line-frames"), "{message}");
}

#[test]
fn a_threads_lines_and_module_code_record_the_globals_only() {
    // A program thread (`threading.Thread`) and module-level code: no task
    // runs these lines, so each records the module's globals (when they
    // changed), never a task's frames.
    let code = "import threading\n\ncount = 0\n\ndef work():\n    global count\n    for _ in range(3):\n        count += 1\n\nt = threading.Thread(target=work)\nt.start()\nt.join()\nprint(count)\n";
    let limits = Limits {
        inspect_frames: true,
        record_lines: true,
        ..Limits::default()
    };
    let out = run_program(code, "main.py", &limits);
    let events = &out.trace.events;
    assert!(!events
        .iter()
        .any(|e| matches!(e.kind, EventKind::TaskFrames { .. })));
    let counts: Vec<String> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Globals { vars } => vars
                .iter()
                .find(|v| v.name == "count")
                .map(|v| v.repr.clone()),
            _ => None,
        })
        .collect();
    // What CPython prints at the end is the last value recorded, and every
    // value on the way was seen.
    let printed = std::process::Command::new("python3")
        .args(["-c", code])
        .output()
        .expect("python3 runs the reference");
    let printed = String::from_utf8(printed.stdout).unwrap();
    assert_eq!(counts.last().map(String::as_str), Some(printed.trim()));
    let mut seen = counts.clone();
    seen.dedup(); // (`t` bound records the globals again, count unchanged)
    assert_eq!(seen, ["0", "1", "2", "3"]);
    // Each Globals comes right before a line event.
    for (i, e) in events.iter().enumerate() {
        if matches!(e.kind, EventKind::Globals { .. }) {
            assert!(matches!(
                events[i + 1].kind,
                EventKind::Line { task: None, .. }
            ));
        }
    }
}

/// A trace does not depend on how the run was sliced: the app runs a
/// program in slices and checks it against the one-shot run. A preview
/// holding an address (a comprehension's iterator `.0`, a function) once
/// showed where the allocator put the object, which differs between runs.
#[test]
fn a_sliced_run_records_the_same_frames_as_a_run_at_once() {
    use looplab_engine::run::{Progress, Session};
    let code = "import asyncio\n\nasync def work(n):\n    f = lambda x: x * n\n    out = [f(i) for i in range(3)]\n    await asyncio.sleep(0)\n    return out\n\nasync def main():\n    print(await asyncio.gather(work(1), work(2)))\n\nasyncio.run(main())\n";
    let limits = Limits {
        inspect_frames: true,
        record_lines: true,
        ..Limits::default()
    };
    let whole = run_program(code, "main.py", &limits);
    let mut session = Session::new(code, "main.py", &limits);
    while session.advance(200) != Progress::Finished {}
    let sliced = session.into_outcome();
    assert_eq!(sliced.trace.events, whole.trace.events);
    let shown: Vec<&str> = whole
        .trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::TaskFrames { frames, .. } => Some(frames),
            _ => None,
        })
        .flatten()
        .flat_map(|f| f.locals.iter().map(|v| v.repr.as_str()))
        .filter(|r| r.contains(" at "))
        .collect();
    assert!(
        !shown.is_empty(),
        "the program shows objects with addresses"
    );
    assert!(shown.iter().all(|r| r.ends_with(" at 0x?>")), "{shown:?}");
}
