//! What the frames panel shows (issue #17), as plain data: for each task
//! still alive, its await chain as one line of text (`main → gather →
//! worker → sleep`), its coroutine frames (name and line) and their local
//! variables, each marked when its value changed since the step before.
//!
//! The words a learner reads are in [`words`], so they can move to the
//! strings table as one piece.

use looplab_engine::snapshot::{Snapshot, TaskState};
use looplab_engine::trace::{FrameInfo, TaskId};

/// One task's part of the panel.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskFrames {
    /// The task.
    pub task: TaskId,
    /// Its name (`Task-2`, or the `name=` given).
    pub name: String,
    /// Its await chain, links joined by [`words::ARROW`].
    pub chain: String,
    /// Being stepped right now.
    pub running: bool,
    /// Its frames as last recorded, outermost first.
    pub frames: Vec<FrameRow>,
}

/// One coroutine frame.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameRow {
    /// The coroutine's `__qualname__`.
    pub name: String,
    /// The line it is paused at.
    pub line: u32,
    /// A library frame (`asyncio.sleep`): its line is not the program's.
    pub library: bool,
    /// Its local variables.
    pub vars: Vec<VarRow>,
}

/// One local variable.
#[derive(Clone, Debug, PartialEq)]
pub struct VarRow {
    /// The name.
    pub name: String,
    /// `repr()` of the value (cut at a width by the engine); a task reads
    /// as the lane it is (its name).
    pub value: String,
    /// Its value differs from the step before (or it was not bound then).
    pub changed: bool,
}

/// The panel at a step: the tasks alive in `now` that `shown` keeps, with
/// what changed since `before` (the snapshot a step earlier).
pub fn frames_view(
    now: &Snapshot,
    before: &Snapshot,
    shown: impl Fn(TaskId) -> bool,
) -> Vec<TaskFrames> {
    now.tasks
        .values()
        .filter(|t| !matches!(t.state, TaskState::Done { .. } | TaskState::Failed { .. }))
        .filter(|t| !matches!(t.state, TaskState::Cancelled))
        .filter(|t| shown(t.id))
        .map(|t| {
            let old = before.tasks.get(&t.id).map(|b| b.frames.as_slice());
            TaskFrames {
                task: t.id,
                name: t.name.clone(),
                chain: now.await_chain(t.id).join(words::ARROW),
                running: now.running_task == Some(t.id),
                frames: t
                    .frames
                    .iter()
                    .enumerate()
                    .map(|(i, f)| frame_row(now, f, old.and_then(|o| o.get(i))))
                    .collect(),
            }
        })
        .collect()
}

fn frame_row(now: &Snapshot, f: &FrameInfo, old: Option<&FrameInfo>) -> FrameRow {
    // Changes count within the same frame (same function at the same depth).
    let old = old.filter(|o| o.name == f.name);
    FrameRow {
        name: f.name.clone(),
        line: f.line,
        library: f.library,
        vars: f
            .locals
            .iter()
            .map(|v| VarRow {
                name: v.name.clone(),
                value: match v.fut.and_then(|id| now.tasks.get(&id)) {
                    Some(task) => words::task_value(&task.name),
                    None => v.repr.clone(),
                },
                changed: old.is_some_and(|o| {
                    o.locals
                        .iter()
                        .find(|w| w.name == v.name)
                        .is_none_or(|w| w.repr != v.repr)
                }),
            })
            .collect(),
    }
}

/// The panel's words (for the strings table).
pub mod words {
    /// Between the links of an await chain.
    pub const ARROW: &str = " → ";
    /// The panel's heading.
    pub const HEADING: &str = "Inside the tasks";
    /// The tree's label for screen readers.
    pub const TREE_LABEL: &str = "Tasks, their await chains, frames and local variables";
    /// Before any task has paused with its frames recorded.
    pub const EMPTY: &str = "No task is paused yet: step forward to see inside the tasks.";

    /// A variable holding a task, shown as the lane it is.
    pub fn task_value(name: &str) -> String {
        format!("task {name}")
    }

    /// A frame's label: `worker, line 7`.
    pub fn frame_label(name: &str, line: u32, library: bool) -> String {
        if library {
            format!("{name} (asyncio)")
        } else {
            format!("{name}, line {line}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use looplab_engine::run::{run_program, Limits};
    use looplab_engine::trace::EventKind;

    const PROGRAM: &str = "import asyncio\n\nasync def worker(n):\n    total = n * 10\n    await asyncio.sleep(0)\n    total += 1\n    await asyncio.sleep(0.5)\n\nasync def main():\n    await asyncio.gather(worker(1), worker(2))\n\nasyncio.run(main())\n";

    #[test]
    fn a_waiting_worker_reads_its_chain_and_a_changed_variable_is_marked() {
        let limits = Limits {
            inspect_frames: true,
            ..Limits::default()
        };
        let out = run_program(PROGRAM, "main.py", &limits);
        let events = &out.trace.events;
        // Right after worker 1 (task 2) suspends for the second time.
        let frames_at: Vec<usize> = events
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e.kind, EventKind::TaskFrames { task: 2, .. }))
            .map(|(i, _)| i)
            .collect();
        let first = Snapshot::fold(&events[..=frames_at[0]]);
        let second = Snapshot::fold(&events[..=frames_at[1]]);
        let rows = frames_view(&second, &first, |_| true);
        let w1 = rows
            .iter()
            .find(|r| r.task == 2)
            .expect("worker 1 is alive");
        assert_eq!(w1.chain, "main → gather → worker → sleep");
        let total = &w1.frames[0].vars[1];
        assert_eq!((total.name.as_str(), total.value.as_str()), ("total", "11"));
        assert!(total.changed);
        assert!(!w1.frames[0].vars[0].changed, "n did not change");
        // Hidden tasks are left out.
        assert!(frames_view(&second, &first, |t| t != 2)
            .iter()
            .all(|r| r.task != 2));
    }
}
