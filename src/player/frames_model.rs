//! What the frames panel shows (issue #17), as plain data: for each task
//! still alive, its await chain as one line of text (`main → gather →
//! worker → sleep`), its coroutine frames (name and line) and their local
//! variables, each marked when its value changed since the step before.
//! In line mode the step before is the line step before, and the running
//! task's frames are its call stack as the line starts (the engine records
//! them before each line event: plain functions it called included), so
//! every variable follows every line.

use crate::i18n::{fill, ui};
use looplab_engine::snapshot::{Snapshot, TaskView};
use looplab_engine::trace::{FrameInfo, LocalVar, TaskId};

/// One task's part of the panel.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskFrames {
    /// The task.
    pub task: TaskId,
    /// Its name (`Task-2`, or the `name=` given).
    pub name: String,
    /// Its await chain, links joined by [`ARROW`].
    pub chain: String,
    /// Being stepped right now.
    pub running: bool,
    /// The task the learner selected (see [`selected_first`]).
    pub selected: bool,
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

/// The tasks of `now` still alive (not done), by id: what the panel
/// can show.
pub fn alive_tasks(now: &Snapshot) -> impl Iterator<Item = &TaskView> {
    now.tasks.values().filter(|t| !t.state.is_finished())
}

/// The panel at a step: a row for each of `tasks` (of `now`, in order),
/// with what changed since `before` (the snapshot a step earlier); `ran` is
/// the task the step ran, if one did. (The caller picks the tasks: a run
/// can have 100,000 alive, and a row per task is what it must not make.)
pub fn frames_view<'a>(
    now: &'a Snapshot,
    before: &Snapshot,
    ran: Option<TaskId>,
    tasks: impl IntoIterator<Item = &'a TaskView>,
) -> Vec<TaskFrames> {
    tasks
        .into_iter()
        .map(|t| {
            let old = before.tasks.get(&t.id).map(|b| b.frames.as_slice());
            TaskFrames {
                task: t.id,
                name: t.name.clone(),
                chain: now.await_chain(t.id).join(ARROW),
                running: ran == Some(t.id),
                selected: false,
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

/// Marks the tasks named `selected` and moves them to the top, the
/// others keeping their order (the learner's task is shown first).
pub fn selected_first(rows: &mut [TaskFrames], selected: Option<&str>) {
    for r in rows.iter_mut() {
        r.selected = selected == Some(r.name.as_str());
    }
    rows.sort_by_key(|r| !r.selected);
}

/// Between the links of an await chain (the same in every language, as
/// the names it joins are the program's).
pub const ARROW: &str = " → ";

fn frame_row(now: &Snapshot, f: &FrameInfo, old: Option<&FrameInfo>) -> FrameRow {
    // Changes count within the same frame (same function at the same
    // depth); a frame recorded for the first time had every variable
    // bound since the step before.
    let old = old.filter(|o| o.name == f.name);
    FrameRow {
        name: f.name.clone(),
        line: f.line,
        library: f.library,
        vars: var_rows(now, &f.locals, old.map(|o| o.locals.as_slice())),
    }
}

/// The rows of `vars`, each marked when `old` (the same scope a step
/// earlier; `None`: not recorded then) had no such name or another value.
fn var_rows(now: &Snapshot, vars: &[LocalVar], old: Option<&[LocalVar]>) -> Vec<VarRow> {
    vars.iter()
        .map(|v| VarRow {
            name: v.name.clone(),
            value: match v.fut.and_then(|id| now.tasks.get(&id)) {
                Some(task) => fill(ui().frames_task_value, &[&task.name]),
                None => v.repr.clone(),
            },
            // A task reads as its lane: it changed only when the variable
            // names another one (its repr's state and line move on).
            changed: old.is_none_or(|o| {
                o.iter()
                    .find(|w| w.name == v.name)
                    .is_none_or(|w| w.fut != v.fut || (v.fut.is_none() && w.repr != v.repr))
            }),
        })
        .collect()
}

/// The program's module globals at a step (the names
/// `Vm::main_globals` keeps: data, not dunders, modules, functions or
/// classes), each marked when it was bound or changed since `before`.
pub fn globals_view(now: &Snapshot, before: &Snapshot) -> Vec<VarRow> {
    var_rows(now, &now.globals, Some(&before.globals))
}

/// A frame's label: `worker, line 7`, or `sleep (asyncio)` for a frame of
/// the library (its line is not the program's).
pub fn frame_label(name: &str, line: u32, library: bool) -> String {
    if library {
        fill(ui().frames_frame_library, &[&name])
    } else {
        fill(ui().frames_frame_line, &[&name, &line])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::player::track::Track;
    use looplab_engine::run::{run_program, Limits};
    use looplab_engine::trace::EventKind;

    /// The panel at each step of `code`'s run, with inspect_frames on (as
    /// the app runs programs).
    fn panels(code: &str) -> Vec<Vec<TaskFrames>> {
        let limits = Limits {
            inspect_frames: true,
            ..Limits::default()
        };
        let t = Track::from_events(run_program(code, "main.py", &limits).trace.events);
        assert!(t
            .events()
            .iter()
            .any(|e| matches!(e.kind, EventKind::TaskFrames { .. })));
        (0..t.steps().len())
            .map(|c| {
                let before = if c == 0 {
                    Snapshot::default()
                } else {
                    t.after_step(c - 1)
                };
                let ran = t.columns.get(c).and_then(|col| col.task);
                let now = t.after_step(c);
                frames_view(&now, &before, ran, alive_tasks(&now))
            })
            .collect()
    }

    fn task<'a>(rows: &'a [TaskFrames], name: &str) -> Option<&'a TaskFrames> {
        rows.iter().find(|r| r.name == name)
    }

    fn var<'a>(f: &'a FrameRow, name: &str) -> &'a VarRow {
        f.vars
            .iter()
            .find(|v| v.name == name)
            .expect("the variable")
    }

    const WORKERS: &str = "import asyncio\n\nasync def worker(n):\n    total = n * 10\n    await asyncio.sleep(0)\n    total += 1\n    await asyncio.sleep(0.5)\n\nasync def main():\n    await asyncio.gather(worker(1), worker(2))\n\nasyncio.run(main())\n";

    #[test]
    fn a_waiting_worker_reads_its_chain_and_what_changed_is_marked() {
        let steps = panels(WORKERS);
        // Step 0 is asyncio.run's setup: main's task, not yet run.
        assert_eq!(task(&steps[0], "Task-1").unwrap().chain, "main");
        // Step 1 runs main up to gather: main's frame and both workers
        // (not yet run: their coroutine's name only).
        let first = &steps[1];
        let main = task(first, "Task-1").expect("main's task");
        assert!(main.running);
        assert_eq!(main.chain, "main → gather");
        assert_eq!(main.frames[0].name, "main");
        assert_eq!(main.frames[0].line, 10);
        let w1 = task(first, "Task-2").expect("worker 1 is alive");
        assert!(!w1.running);
        assert_eq!(w1.chain, "main → gather → worker");
        assert!(w1.frames.is_empty());

        // Step 2: worker 1 runs to its first sleep(0); its frame is new,
        // so each variable was bound in that step.
        let w1 = task(&steps[2], "Task-2").unwrap();
        assert!(w1.running);
        assert_eq!(w1.chain, "main → gather → worker → sleep");
        assert_eq!(w1.frames.len(), 2, "worker, then asyncio's sleep");
        assert_eq!(
            frame_label(&w1.frames[0].name, w1.frames[0].line, false),
            "worker, line 5"
        );
        assert_eq!(w1.frames[0].line, 5);
        assert!(w1.frames[1].library && w1.frames[1].vars.is_empty());
        assert_eq!(var(&w1.frames[0], "total").value, "10");
        assert!(var(&w1.frames[0], "n").changed && var(&w1.frames[0], "total").changed);

        // Step 3: worker 2 runs; nothing of worker 1 changed.
        let w1 = task(&steps[3], "Task-2").unwrap();
        assert!(!w1.running);
        assert!(w1.frames[0].vars.iter().all(|v| !v.changed));
        assert!(task(&steps[3], "Task-3").unwrap().running);

        // Step 4: worker 1 again: total changed, n did not.
        let w1 = task(&steps[4], "Task-2").unwrap();
        assert!(w1.running);
        assert_eq!(w1.frames[0].line, 7);
        assert_eq!(var(&w1.frames[0], "total").value, "11");
        assert!(var(&w1.frames[0], "total").changed);
        assert!(!var(&w1.frames[0], "n").changed, "n did not change");

        // At the end no task is alive: nothing to show.
        assert!(steps.last().unwrap().is_empty());
    }

    #[test]
    fn a_task_in_a_variable_reads_as_its_lane_and_hidden_tasks_are_left_out() {
        let code = "import asyncio\n\nasync def job():\n    await asyncio.sleep(1)\n\nasync def main():\n    t = asyncio.create_task(job())\n    await t\n\nasyncio.run(main())\n";
        let steps = panels(code);
        let main = task(&steps[1], "Task-1").unwrap();
        assert_eq!(main.chain, "main → Task-2");
        let t = var(&main.frames[0], "t");
        assert_eq!(t.value, "task Task-2");
        let job = task(&steps[2], "Task-2").unwrap();
        assert_eq!(job.chain, "main → job → sleep");
        // The filter keeps out what the caller hides.
        let limits = Limits {
            inspect_frames: true,
            ..Limits::default()
        };
        let tr = Track::from_events(run_program(code, "main.py", &limits).trace.events);
        let now = tr.after_step(2);
        assert!(frames_view(
            &now,
            &Snapshot::default(),
            None,
            alive_tasks(&now).filter(|t| t.id != 2)
        )
        .iter()
        .all(|r| r.name != "Task-2"));
        assert_eq!(frame_label("sleep", 600, true), "sleep (asyncio)");
    }

    #[test]
    fn module_globals_are_listed_and_marked_when_they_change() {
        let code = "import asyncio\n\ncount = 0\nlabel = 'go'\n\nasync def worker():\n    global count\n    count += 1\n    await asyncio.sleep(0)\n    count += 1\n    await asyncio.sleep(0)\n\nasync def main():\n    global job\n    job = asyncio.create_task(worker())\n    await job\n\nasyncio.run(main())\n";
        let limits = Limits {
            inspect_frames: true,
            ..Limits::default()
        };
        let t = Track::from_events(run_program(code, "main.py", &limits).trace.events);
        let at = |c: usize| {
            let before = if c == 0 {
                Snapshot::default()
            } else {
                t.after_step(c - 1)
            };
            globals_view(&t.after_step(c), &before)
        };
        let row = |rows: &[VarRow], name: &str| rows.iter().find(|v| v.name == name).cloned();
        // Step 1: main suspends awaiting its job; the globals are recorded
        // for the first time, each one marked; the task reads as its lane.
        let first = at(1);
        let names: Vec<_> = first.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(
            names,
            ["count", "label", "job"],
            "no asyncio, worker or main"
        );
        assert!(first.iter().all(|v| v.changed));
        assert_eq!(row(&first, "job").unwrap().value, "task Task-2");
        // Step 2: the worker ran `count += 1`: only count is marked.
        let second = at(2);
        assert_eq!(row(&second, "count").unwrap().value, "1");
        assert!(row(&second, "count").unwrap().changed);
        assert!(!row(&second, "label").unwrap().changed);
        assert!(!row(&second, "job").unwrap().changed);
        // Step 3: count again.
        assert_eq!(row(&at(3), "count").unwrap().value, "2");
        // Before the run's first suspension: nothing yet.
        assert!(at(0).is_empty());
    }

    /// The panel at each line step of `code`'s run (lines and frames
    /// recorded, as the app runs programs), as the player computes it in
    /// line mode: the fold up to and including the line event, compared
    /// with the line step before (`PlayerState::snapshot_before`).
    fn line_panels(code: &str) -> Vec<(u32, Vec<TaskFrames>, Vec<VarRow>)> {
        let limits = Limits {
            inspect_frames: true,
            record_lines: true,
            ..Limits::default()
        };
        let t = Track::from_events(run_program(code, "main.py", &limits).trace.events);
        let lines = &t.lines().steps;
        (0..lines.len())
            .map(|k| {
                let now = t.at_event(lines[k].event + 1);
                let before = match k.checked_sub(1) {
                    Some(p) => t.at_event(lines[p].event + 1),
                    None => Snapshot::default(),
                };
                let rows = frames_view(&now, &before, lines[k].task, alive_tasks(&now));
                (lines[k].line, rows, globals_view(&now, &before))
            })
            .collect()
    }

    #[test]
    fn in_line_mode_the_variables_follow_every_line() {
        let code = "import asyncio

score = 0

def bonus(x):
    extra = x * 2
    return extra

async def main():
    global score
    total = 0
    for i in range(3):
        total += i
        score = bonus(total)
        await asyncio.sleep(0)
    print(total)

asyncio.run(main())
";
        let steps = line_panels(code);
        // Each time main is about to run line 13 (`total += i`), total holds
        // what the lines before made of it: 0, then 0 + 0, then 0 + 1.
        let totals: Vec<String> = steps
            .iter()
            .filter(|(line, _, _)| *line == 13)
            .map(|(_, rows, _)| {
                let main = task(rows, "Task-1").expect("main runs");
                assert!(main.running);
                var(&main.frames[0], "total").value.clone()
            })
            .collect();
        assert_eq!(totals, ["0", "0", "1"]);
        // At line 14 (after `total += i` ran) total is marked changed when
        // the line before changed it, and i is not.
        let at14: Vec<&TaskFrames> = steps
            .iter()
            .filter(|(line, _, _)| *line == 14)
            .map(|(_, rows, _)| task(rows, "Task-1").unwrap())
            .collect();
        assert_eq!(var(&at14[2].frames[0], "total").value, "3");
        assert!(var(&at14[2].frames[0], "total").changed);
        assert!(!var(&at14[2].frames[0], "i").changed);
        // Inside the plain function the stack is main, then bonus, whose
        // local shows once its line ran.
        let (_, rows, _) = steps
            .iter()
            .find(|(line, rows, _)| {
                *line == 7 && task(rows, "Task-1").is_some_and(|t| t.frames.len() == 2)
            })
            .expect("bonus returns");
        let main = task(rows, "Task-1").unwrap();
        assert_eq!(main.frames[0].name, "main");
        assert_eq!(main.frames[0].line, 14, "main waits in its call");
        assert_eq!(main.frames[1].name, "bonus");
        assert_eq!(var(&main.frames[1], "extra").value, "0");
        assert!(var(&main.frames[1], "extra").changed);
        assert_eq!(main.chain, "main → bonus");
        // The global moves at the line after the one that set it.
        let scores: Vec<(u32, String, bool)> = steps
            .iter()
            .filter_map(|(line, _, globals)| {
                let g = globals.iter().find(|v| v.name == "score")?;
                Some((*line, g.value.clone(), g.changed))
            })
            .filter(|(_, _, changed)| *changed)
            .collect();
        // (bonus(0) is 0 again: no change, no mark.)
        assert_eq!(
            scores.iter().map(|s| s.1.as_str()).collect::<Vec<_>>(),
            ["0", "2", "6"]
        );
        assert!(scores[1..].iter().all(|s| s.0 == 15), "{scores:?}");
    }

    #[test]
    fn the_selected_task_comes_first_and_the_others_keep_their_order() {
        let mut rows = panels(WORKERS).swap_remove(3);
        let names = |rows: &[TaskFrames]| rows.iter().map(|r| r.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&rows), ["Task-1", "Task-2", "Task-3"]);
        selected_first(&mut rows, Some("Task-3"));
        assert_eq!(names(&rows), ["Task-3", "Task-1", "Task-2"]);
        assert_eq!(rows.iter().filter(|r| r.selected).count(), 1);
        assert!(rows[0].selected);
        // A name no task has (a task of an earlier run) selects nothing.
        selected_first(&mut rows, Some("Task-9"));
        assert!(rows.iter().all(|r| !r.selected));
        assert_eq!(names(&rows), ["Task-3", "Task-1", "Task-2"]);
        selected_first(&mut rows, None);
        assert!(rows.iter().all(|r| !r.selected));
    }
}
