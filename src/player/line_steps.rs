//! Stepping line by line (issue #17): the step mode, and the run's line
//! events (`EventKind::Line`, recorded with `Limits::record_lines`) as an
//! index of line steps. A line step shows the state at its line event: the
//! event-level views (timeline cursor, loop panel, console, frames) read
//! the fold up to that event, which the engine's checkpoints give as
//! cheaply as a step's; nothing is folded for lines.

use crate::i18n::narration::waiting;
use crate::i18n::{fill, Ui};
use looplab_engine::snapshot::{task_label, Snapshot, Step, TaskState, TaskView, Waiting};
use looplab_engine::trace::{Event, EventKind, StepOutcome, TaskId, ThreadId};
use std::collections::BTreeMap;

/// How far one step of the player goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StepMode {
    /// One loop handle (a task step, a callback, a timer) per step.
    #[default]
    Event,
    /// One line of the program per step, whichever task runs it.
    Line,
}

impl StepMode {
    /// The value of the `step-mode` select and of the URL's `mode=`.
    pub fn value(self) -> &'static str {
        match self {
            StepMode::Event => "event",
            StepMode::Line => "line",
        }
    }

    /// The mode a select's or a URL's value names.
    pub fn parse(s: &str) -> Option<StepMode> {
        match s {
            "event" => Some(StepMode::Event),
            "line" => Some(StepMode::Line),
            _ => None,
        }
    }
}

/// What a task last suspended on, when a line step is its first line
/// since: the narration says it resumes "after" that.
#[derive(Clone, Debug, PartialEq)]
pub enum Resumed {
    /// A bare yield (`await asyncio.sleep(0)`).
    Yield,
    /// A wait on a sleep, a task or a future, as the loop panel says it.
    Waited(Waiting),
}

/// One line step: a line event of the trace.
#[derive(Clone, Debug, PartialEq)]
pub struct LineStep {
    /// Index of the line event in the trace.
    pub event: usize,
    /// The task that runs the line, if one does.
    pub task: Option<TaskId>,
    /// The worker thread that runs it, if not the loop's thread.
    pub thread: Option<ThreadId>,
    /// The line.
    pub line: u32,
    /// Set on a task's first line after it suspended: what it waited for.
    pub resumed: Option<Resumed>,
}

/// The line steps of a run so far, grown with the trace.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    /// Every line event, in order.
    pub steps: Vec<LineStep>,
    /// Set once the run stopped recording lines at its limit: the limit.
    pub capped: Option<usize>,
    /// Set once the run stopped recording frames at every line
    /// (`EventKind::LineFramesCapped`): the limit, and the first line step
    /// past it (from there the variables move at suspensions only).
    pub frames_capped: Option<(usize, usize)>,
    /// Per task, what it suspended on since its last line.
    pending: BTreeMap<TaskId, Resumed>,
}

impl LineIndex {
    /// Takes note of event `e`, given the fold up to and including it.
    pub fn note(&mut self, head: &Snapshot, e: &Event) {
        match &e.kind {
            EventKind::Line { task, thread, line } => {
                let resumed = task.and_then(|t| self.pending.remove(&t));
                self.steps.push(LineStep {
                    event: e.seq as usize,
                    task: *task,
                    thread: *thread,
                    line: *line,
                    resumed,
                });
            }
            EventKind::TaskStepEnded { task, outcome, .. } => {
                let resumed = match outcome {
                    StepOutcome::BareYield => Some(Resumed::Yield),
                    StepOutcome::Awaiting { .. } => match head.tasks.get(task).map(|t| &t.state) {
                        Some(TaskState::Waiting { on }) => Some(Resumed::Waited(on.clone())),
                        _ => None,
                    },
                    _ => None,
                };
                match resumed {
                    Some(r) => self.pending.insert(*task, r),
                    None => self.pending.remove(task),
                };
            }
            EventKind::LinesCapped { limit } => self.capped = Some(*limit),
            EventKind::LineFramesCapped { limit } => {
                self.frames_capped = Some((*limit, self.steps.len()));
            }
            _ => {}
        }
    }

    /// Number of line steps.
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    /// True when the run recorded no line.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The line step that shows event step `step`: its first line, or,
    /// when it ran none (a timer, a callback of the library), the last
    /// line before it (the first line step before any).
    pub fn line_of_step(&self, step: &Step) -> usize {
        let first = self.steps.partition_point(|l| l.event < step.start);
        match self.steps.get(first) {
            Some(l) if l.event < step.end => first,
            _ => first.saturating_sub(1),
        }
    }
}

/// Where a task that is not running is paused: the line of its innermost
/// frame of the program (from its await chain as last recorded), if it
/// has been recorded.
pub fn paused_line(task: &TaskView) -> Option<u32> {
    task.frames
        .iter()
        .rev()
        .find(|f| !f.library && f.line > 0)
        .map(|f| f.line)
}

/// What a line step does, in `u`'s words: who runs which line ("Task-2
/// (worker) runs line 4."), and on a task's first line after it
/// suspended, what it waited for ("Task-2 (worker) resumes at line 6
/// after sleep(0)."). `snap` is the state the step shows (at its line
/// event), which names the tasks.
pub fn line_narration(u: &Ui, step: &LineStep, snap: &Snapshot) -> String {
    let line = step.line;
    match (step.task, step.thread) {
        (_, Some(thread)) => fill(u.narr_line_thread, &[&thread, &line]),
        (None, None) => fill(u.narr_line_program, &[&line]),
        (Some(task), None) => {
            let who = snap
                .tasks
                .get(&task)
                .map_or_else(|| format!("#{task}"), |t| task_label(&t.name, &t.coro));
            match &step.resumed {
                None => fill(u.narr_line_runs, &[&who, &line]),
                Some(r) => {
                    let after = match r {
                        Resumed::Yield => u.line_after_yield.to_string(),
                        Resumed::Waited(on) => waiting(u, snap, on),
                    };
                    fill(u.narr_line_resumes, &[&who, &line, &after])
                }
            }
        }
    }
}

/// What line step `k` adds when it is the first one past the line events
/// at which the run recorded the variables (`EventKind::LineFramesCapped`):
/// from there they move only when a task suspends.
pub fn frames_capped_narration(u: &Ui, lines: &LineIndex, k: usize) -> Option<String> {
    match lines.frames_capped {
        Some((limit, first)) if first == k => Some(fill(u.narr_line_frames_capped, &[&limit])),
        _ => None,
    }
}

/// What the last line step adds when the run stopped recording lines at
/// its limit (`EventKind::LinesCapped`).
pub fn capped_narration(u: &Ui, limit: usize) -> String {
    fill(u.narr_lines_capped, &[&limit])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::player::track::Track;
    use looplab_engine::run::{run_program, Limits};

    /// The app's limits for a line-stepped run (lines and frames recorded).
    pub(crate) fn recorded(code: &str) -> Track {
        let limits = Limits {
            inspect_frames: true,
            record_lines: true,
            ..Limits::default()
        };
        Track::from_events(run_program(code, "main.py", &limits).trace.events)
    }

    const WORKERS: &str = "import asyncio\n\nasync def worker(n):\n    total = n * 10\n    await asyncio.sleep(0)\n    total += 1\n    await asyncio.sleep(0.5)\n\nasync def main():\n    await asyncio.gather(worker(1), worker(2))\n\nasyncio.run(main())\n";

    #[test]
    fn line_steps_follow_the_line_events_and_note_each_resumption() {
        let t = recorded(WORKERS);
        let lines = t.lines();
        let seq: Vec<(Option<TaskId>, u32)> =
            lines.steps.iter().map(|l| (l.task, l.line)).collect();
        // The module, then main, then each worker in turn.
        assert_eq!(
            &seq[..6],
            &[
                (None, 1),
                (None, 3),
                (None, 9),
                (None, 12),
                (Some(1), 10),
                (Some(2), 4)
            ]
        );
        // Every step's line event is an `EventKind::Line` of the trace.
        for l in &lines.steps {
            assert!(
                matches!(t.events()[l.event].kind, EventKind::Line { line, .. } if line == l.line)
            );
        }
        // Worker 1's `total += 1` comes after its sleep(0); its last line
        // after the 0.5 s sleep.
        let w1: Vec<&LineStep> = lines.steps.iter().filter(|l| l.task == Some(2)).collect();
        assert_eq!(w1.iter().map(|l| l.line).collect::<Vec<_>>(), [4, 5, 6, 7]);
        assert_eq!(w1[0].resumed, None);
        assert_eq!(w1[1].resumed, None);
        assert_eq!(w1[2].resumed, Some(Resumed::Yield));
        assert_eq!(w1[3].resumed, None);
        assert!(lines.capped.is_none());
        // A step's line: the first it ran; a step without one shows the
        // line before it.
        for (i, step) in t.steps().iter().enumerate() {
            let k = lines.line_of_step(step);
            let l = &lines.steps[k];
            let inside = l.event >= step.start && l.event < step.end;
            let none_inside = !lines
                .steps
                .iter()
                .any(|m| m.event >= step.start && m.event < step.end);
            assert!(inside || (none_inside && l.event < step.start), "step {i}");
        }
    }

    #[test]
    fn a_waiting_task_is_paused_at_its_innermost_program_frame() {
        let t = recorded(WORKERS);
        // After worker 1's first step it waits in sleep(0) at line 5
        // (its innermost frame is asyncio's sleep, a library frame).
        let k = t
            .lines()
            .steps
            .iter()
            .position(|l| l.task == Some(3))
            .expect("worker 2 runs");
        let s = t.at_event(t.lines().steps[k].event + 1);
        assert_eq!(paused_line(&s.tasks[&2]), Some(5));
        // Worker 2 runs: its frames are recorded at its line (the running
        // stack), so its innermost program frame is at the line it runs.
        assert_eq!(paused_line(&s.tasks[&3]), Some(4), "the line it runs");
    }

    #[test]
    fn lines_stop_at_the_limit() {
        let limits = Limits {
            record_lines: true,
            max_line_events: 5,
            ..Limits::default()
        };
        let t = Track::from_events(run_program(WORKERS, "main.py", &limits).trace.events);
        assert_eq!(t.lines().len(), 5);
        assert_eq!(t.lines().capped, Some(5));
    }

    /// Every line step of `code`'s run, worded in `lang`.
    fn narrated(code: &str, lang: crate::i18n::Lang) -> Vec<String> {
        let t = recorded(code);
        t.lines()
            .steps
            .iter()
            .map(|l| line_narration(lang.ui(), l, &t.at_event(l.event + 1)))
            .collect()
    }

    #[test]
    fn each_line_step_says_who_runs_which_line_and_after_what_it_resumes() {
        use crate::i18n::Lang;
        let code = "import asyncio\n\nasync def worker(n):\n    await asyncio.sleep(0)\n    print(n)\n\nasync def main():\n    t = asyncio.create_task(worker(1))\n    await asyncio.sleep(0.5)\n    await t\n    print('done')\n\nasyncio.run(main())\n";
        let en = narrated(code, Lang::En);
        assert_eq!(
            en,
            [
                "The program runs line 1.",
                "The program runs line 3.",
                "The program runs line 7.",
                "The program runs line 13.",
                "Task-1 (main) runs line 8.",
                "Task-1 (main) runs line 9.",
                "Task-2 (worker) runs line 4.",
                "Task-2 (worker) resumes at line 5 after sleep(0).",
                "Task-1 (main) resumes at line 10 after sleep until t=0.500.",
                "Task-1 (main) runs line 11.",
            ]
        );
        // The same steps in Chinese: no English word but the program's
        // names (tasks, coroutines) and asyncio's `sleep`.
        for lang in [Lang::ZhHant, Lang::ZhHans] {
            let zh = narrated(code, lang);
            assert_eq!(zh.len(), en.len());
            for text in &zh {
                let rest = text
                    .replace("Task-1 (main)", "")
                    .replace("Task-2 (worker)", "")
                    .replace("sleep", "");
                assert!(
                    !rest.chars().any(|c| c.is_ascii_alphabetic() && c != 't'),
                    "{lang:?}: {text}"
                );
                assert!(
                    rest.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{text}"
                );
            }
        }
        assert_eq!(
            narrated(code, Lang::ZhHant)[7],
            "Task-2 (worker) 等完 sleep(0)，從第 5 行繼續執行。"
        );
        // The cap's message names the limit's value and what to do in the
        // player, not the command line's flags or the engine's fields.
        for lang in [Lang::En, Lang::ZhHant, Lang::ZhHans] {
            let text = capped_narration(lang.ui(), 7);
            assert!(text.contains(" 7 "), "{lang:?}: {text}");
            for internal in ["Limits::", "looplab run", "--max-lines"] {
                assert!(!text.contains(internal), "{lang:?}: {text}");
            }
        }
    }

    #[test]
    fn the_line_where_variables_stop_following_every_line_says_so() {
        use crate::i18n::Lang;
        let limits = Limits {
            inspect_frames: true,
            record_lines: true,
            max_line_frames: 3,
            ..Limits::default()
        };
        let t = Track::from_events(run_program(WORKERS, "main.py", &limits).trace.events);
        let lines = t.lines();
        assert_eq!(lines.frames_capped, Some((3, 3)), "the fourth line step");
        let said: Vec<usize> = (0..lines.len())
            .filter(|&k| frames_capped_narration(Lang::En.ui(), lines, k).is_some())
            .collect();
        assert_eq!(said, [3]);
        for lang in [Lang::En, Lang::ZhHant, Lang::ZhHans] {
            let text = frames_capped_narration(lang.ui(), lines, 3).unwrap();
            assert!(text.contains(" 3 "), "{lang:?}: {text}");
            for internal in ["Limits::", "looplab run", "--max-line-frames"] {
                assert!(!text.contains(internal), "{lang:?}: {text}");
            }
        }
        // Without the cap, nothing is said.
        assert!(recorded(WORKERS).lines().frames_capped.is_none());
    }

    #[test]
    fn the_mode_reads_back_its_value() {
        for m in [StepMode::Event, StepMode::Line] {
            assert_eq!(StepMode::parse(m.value()), Some(m));
        }
        assert_eq!(StepMode::parse("lines"), None);
    }
}
