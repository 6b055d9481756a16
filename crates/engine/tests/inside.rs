//! Seeing inside tasks (issue #17): the await chain and local variables a
//! run records whenever a task suspends (`Limits::inspect_frames`), and
//! the chain the snapshot composes from them (`Snapshot::await_chain`).
//! The programs are in `tests/inside/`.

use looplab_engine::run::{run_program, Limits, RunOutcome};
use looplab_engine::snapshot::Snapshot;
use looplab_engine::trace::{EventKind, FrameInfo, TaskId};

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
