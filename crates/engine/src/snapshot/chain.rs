//! A task's await chain as the player writes it (issue #17): the task
//! that awaits it first, then its own coroutine frames, then what the
//! innermost one waits on, as in `main → gather → worker → sleep` (the
//! call-graph idea of CPython 3.14's `asyncio.print_call_graph`).

use super::{Snapshot, TaskState, Waiting};
use crate::trace::TaskId;

/// Awaiting tasks followed up at most (a cycle cannot happen in a run, but
/// a hand-made trace could hold one).
const MAX_AWAITERS: usize = 32;

impl Snapshot {
    /// The await chain of `task`, outermost first: the chain of the task
    /// awaiting it (see [`Snapshot::awaited_by`]), then its frames as last
    /// recorded (`TaskFrames`; its coroutine's name when none were), then
    /// the label of the future it waits on when no frame of the library
    /// stands for it already (`gather`, `lock`, a task's name). Empty for
    /// an unknown task.
    pub fn await_chain(&self, task: TaskId) -> Vec<String> {
        let mut links = vec![task];
        let mut cur = task;
        while let Some(up) = self.awaited_by(cur) {
            if links.contains(&up) || links.len() > MAX_AWAITERS {
                break;
            }
            links.push(up);
            cur = up;
        }
        let mut out = Vec::new();
        for (i, &t) in links.iter().rev().enumerate() {
            let innermost = i + 1 == links.len();
            let Some(view) = self.tasks.get(&t) else {
                continue;
            };
            if view.frames.is_empty() {
                out.push(view.coro.clone());
            } else {
                out.extend(view.frames.iter().map(|f| f.name.clone()));
            }
            let ends_in_library = view.frames.last().is_some_and(|f| f.library);
            match &view.state {
                TaskState::Waiting {
                    on: Waiting::Future { label, .. },
                } if !ends_in_library => out.push(label.clone()),
                TaskState::Waiting {
                    on: Waiting::Task { task: awaited },
                } if innermost && !ends_in_library => {
                    if let Some(a) = self.tasks.get(awaited) {
                        out.push(a.name.clone());
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// The task that awaits `task`: the first (by id) waiting on it
    /// directly ([`Snapshot::first_awaiter`], kept by the fold: no look at
    /// every task, which 100,000 tasks alive made the cost of each showing
    /// of a live run), else the task that created it
    /// if that one waits on a `gather` (whose children the trace does not
    /// list: a gather of tasks made elsewhere is shown under their creator
    /// all the same).
    pub fn awaited_by(&self, task: TaskId) -> Option<TaskId> {
        if let Some(t) = self.first_awaiter(task) {
            return Some(t);
        }
        let parent = self.tasks.get(&task)?.parent?;
        match &self.tasks.get(&parent)?.state {
            TaskState::Waiting {
                on: Waiting::Future { label, .. },
            } if label == "gather" => Some(parent),
            _ => None,
        }
    }
}
