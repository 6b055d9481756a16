//! The player's model of a run: the engine's [`Timeline`] (the trace so
//! far, cut into steps, with snapshot checkpoints for cheap seeking) and
//! the timeline's geometry on top of it (one column per step, one lane per
//! task or worker thread, the prints placed on them).
//!
//! Everything here is derived from the engine's snapshot fold
//! ([`Snapshot::apply`]) and step cutting ([`Timeline`]): the player never
//! recomputes what the loop did, and a step's number is the engine's. A
//! [`Track`] grows while a live run publishes events ([`Track::extend`])
//! and is plain Rust, tested natively.

use super::line_steps::LineIndex;
use looplab_engine::snapshot::{Snapshot, Step, TaskState, ThreadWait, Timeline};
use looplab_engine::trace::{
    reserve_ahead, Event, EventKind, TaskId, ThreadId, WaitReason, DEFAULT_MAX_EVENTS,
};
use std::collections::BTreeMap;

/// Idle gaps longer than this (virtual ns) are compressed in a live run and
/// labelled on the timeline.
pub const COMPRESS_NS: u64 = 3_000_000_000;

/// A run as the player shows it.
#[derive(Clone, Debug, Default)]
pub struct Track {
    /// The trace so far, cut into steps, with checkpoints (one every 64
    /// events: seeking folds at most that many).
    timeline: Timeline,
    /// One lane per task and per worker thread, in order of appearance.
    pub lanes: Vec<Lane>,
    /// One column per step (what each lane was doing after it is in the
    /// lane: [`Lane::changes`], [`Track::cell`]).
    pub columns: Vec<Column>,
    /// Every print, in output order, placed at its step and lane.
    pub tokens: Vec<Token>,
    /// Fold of the events of every complete column, grown in place (the
    /// last, possibly partial, column is read off the timeline's head).
    column_base: Snapshot,
    /// Number of columns that belong to complete steps.
    complete_columns: usize,
    /// Where each task, thread and process has its lane, and which process
    /// runs.
    book: LaneBook,
    /// Number of events before the latest [`Track::extend`]: prints from
    /// here on are the ones a live run just published (they animate).
    pub fresh_from: usize,
    /// Left edge of each column, px, and the total width last
    /// (`columns.len() + 1` entries): a column is as wide as its prints.
    col_x: Vec<usize>,
    /// The program threads after every complete column.
    threads_base: Vec<ProgramThread>,
    /// The processes the program started (empty when it starts none; else
    /// the main process first), index = process.
    pub processes: Vec<Process>,
    /// The time-proportional layout ([`TimelineMode::Time`]): the slot of
    /// each column (steps at one virtual time share a slot).
    col_slot: Vec<usize>,
    /// Each slot's left edge and width, px.
    slots: Vec<(usize, usize)>,
    /// The time layout's placer after every complete column.
    time_base: TimePlacer,
    /// The run's line steps (its line events).
    lines: LineIndex,
    /// Lane cells computed so far (the growth measurement prints it).
    #[cfg(test)]
    cells_computed: usize,
}

/// How the timeline lays out its columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TimelineMode {
    /// One column per step, as wide as its prints (stepping moves one
    /// column).
    #[default]
    Steps,
    /// One slot per virtual time: every step at one clock value shares a
    /// slot, so prints made at the same time stack in their lanes; the
    /// gaps between slots are proportional to the time the loop waited
    /// (up to [`MAX_GAP`]).
    Time,
}

/// Widest gap between two slots of the time layout, px (longer waits are
/// drawn this wide; their jump label says how long they were).
pub const MAX_GAP: usize = 480;
/// Narrowest gap between two slots of the time layout, px.
pub const MIN_GAP: usize = 12;
/// The time layout draws the first wait of a run this wide; later waits
/// are drawn in proportion to it (so a run's scale is fixed once it has
/// waited, and a growing run never moves what is drawn).
pub const FIRST_GAP: usize = 60;

/// Places columns into slots for the time layout, one column at a time.
#[derive(Clone, Debug, Default)]
struct TimePlacer {
    /// Nanoseconds of virtual time per px, set by the first wait.
    ns_per_px: Option<u64>,
    /// The open slot's clock value.
    time: Option<u64>,
    /// Per lane (None = the main program's row), the next free x in the
    /// open slot.
    used: Vec<(Option<usize>, usize)>,
    /// Number of slots (the open one included).
    slots: usize,
    /// The open slot's left edge and width.
    open: (usize, usize),
}

/// Where each owner's lane is (`usize::MAX`: none), and what the lanes'
/// grouping needs to know.
#[derive(Clone, Debug, Default)]
struct LaneBook {
    /// Lane of each task id (index = task id).
    task: Vec<usize>,
    /// Lane of each worker thread id.
    thread: Vec<usize>,
    /// Lane of each program thread.
    program_thread: Vec<usize>,
    /// Lane of each process (empty until a child process starts).
    process: Vec<usize>,
    /// The process of each program thread.
    process_of_thread: Vec<u32>,
    /// The process whose thread runs now (tasks and worker threads that
    /// appear belong to it).
    running_process: u32,
    /// The lanes running in the last complete column (their next cell is
    /// always written: a running bar is one column wide).
    prev_running: Vec<usize>,
    /// The lanes with a change in the last, partial column (dropped and
    /// recomputed when it grows).
    partial: Vec<usize>,
}

impl LaneBook {
    /// Every lane table, for shifting after an insertion.
    fn tables(&mut self) -> [&mut Vec<usize>; 6] {
        [
            &mut self.task,
            &mut self.thread,
            &mut self.program_thread,
            &mut self.process,
            &mut self.prev_running,
            &mut self.partial,
        ]
    }
}

/// Who holds a process's GIL (CPU model), as the loop panel shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GilHolder {
    /// The process.
    pub process: u32,
    /// Its name (`MainProcess`, `Process-1`).
    pub process_name: String,
    /// The holding thread's name; `None`: no thread of it runs Python.
    pub holder: Option<String>,
    /// The holding thread's index.
    pub holder_index: Option<u32>,
}

/// A process the program started (`multiprocessing`), or the main one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Process {
    /// `MainProcess`, `Process-1`, `SpawnPoolWorker-2`.
    pub name: String,
}

/// Who a lane belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaneOwner {
    /// An asyncio task.
    Task(TaskId),
    /// A worker thread (`to_thread`, `run_in_executor`).
    Thread(ThreadId),
    /// A program thread (`threading.Thread`, a thread pool used directly;
    /// 0 is the main thread), by its index in start order.
    ProgramThread(u32),
    /// A process (`multiprocessing`; 0 is the main process), its threads'
    /// lanes grouped under it. Only when the program starts a process.
    Process(u32),
}

/// Where a program thread is, after a step.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ThreadState {
    /// Started, waiting for its turn (one thread runs at a time).
    #[default]
    Ready,
    /// Running.
    Running,
    /// Blocked: in `time.sleep` (or a timed wait) until a time, or until
    /// another thread wakes it (`join`, a lock, an event, a queue).
    Blocked {
        /// When a timed wait ends.
        until_ns: Option<u64>,
        /// What it waits for, when the engine knows.
        reason: Option<WaitReason>,
    },
    /// Finished.
    Ended,
}

/// A program thread as the player knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramThread {
    /// Its name (`MainThread`, `Thread-1 (work)`).
    pub name: String,
    /// Where it is.
    pub state: ThreadState,
    /// Its process (0: the main process).
    pub process: u32,
}

impl ProgramThread {
    /// Why it is not running, or that it is ("sleeping until t=1.500",
    /// "blocked in join(Thread-2)"); `all` are the threads of its column,
    /// which name the ones it waits for.
    pub fn status(&self, all: &[ProgramThread]) -> String {
        let u = crate::i18n::ui();
        match &self.state {
            ThreadState::Ready => u.thread_ready.into(),
            ThreadState::Running => u.thread_running.into(),
            ThreadState::Blocked { until_ns, reason } => crate::i18n::narration::thread_wait(
                u,
                &ThreadWait::new(reason.as_ref(), *until_ns, &|t| thread_name(all, t)),
            ),
            ThreadState::Ended => u.thread_finished.into(),
        }
    }

    /// Why it is not running, knowing who holds its process's GIL under
    /// the CPU model (`gil_holder`: that thread's name, when another thread
    /// of its process holds it): a ready thread then waits for the GIL.
    pub fn status_with_gil(&self, all: &[ProgramThread], gil_holder: Option<&str>) -> String {
        match (&self.state, gil_holder) {
            (ThreadState::Ready, Some(holder)) if holder != self.name => {
                crate::i18n::fill(crate::i18n::ui().waiting_for_gil, &[&holder])
            }
            _ => self.status(all),
        }
    }
}

/// The name of thread `t` among `all` (`MainThread` for 0).
fn thread_name(all: &[ProgramThread], t: u32) -> String {
    match all.get(t as usize) {
        Some(th) if !th.name.is_empty() => th.name.clone(),
        _ if t == 0 => "MainThread".into(),
        _ => crate::i18n::fill(crate::i18n::ui().narr_thread_n, &[&t]),
    }
}

/// One horizontal lane of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// The task or thread it shows.
    pub owner: LaneOwner,
    /// Label: the task's name and coroutine, or "thread N".
    pub name: String,
    /// Index into the palette of task colours (lanes in order).
    pub colour: usize,
    /// The process the lane belongs to (0: the main process); lanes are
    /// grouped by process.
    pub process: u32,
    /// One of `asyncio.run`'s own clean-up tasks (`shutdown_asyncgens`,
    /// `shutdown_default_executor`): grouped under one faint lane unless
    /// the learner asks to see asyncio's internal tasks.
    pub internal: bool,
    /// What the lane shows from which column on, in column order: an entry
    /// where its cell changes, and one for every column it runs in (so a
    /// column's cells cost only the lanes whose state changed in its step,
    /// and a new lane touches no column: a program starting a task per step
    /// no longer grows the track with lanes × columns, issue #21).
    pub changes: Vec<(usize, Cell)>,
}

/// What a lane shows in one column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell {
    /// The task does not exist yet, or is over.
    Empty,
    /// Ran during this step (solid bar).
    Running,
    /// In the ready queue, waiting for its turn.
    Ready,
    /// Suspended at an await (hatched bar).
    Waiting,
}

/// One step of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Virtual time after the step.
    pub time_ns: u64,
    /// Virtual time the step started at (before any clock jump in it).
    pub start_ns: u64,
    /// The task stepped, if the handle was a task step.
    pub task: Option<TaskId>,
    /// The loop's thread was blocked during the step (`time.sleep`, a long
    /// CPU slice): a band across every lane.
    pub blocked: bool,
    /// The clock jumped during the step: `(from, to)`.
    pub jump: Option<(u64, u64)>,
    /// The program threads after the step (empty when the program starts
    /// none), index = thread index.
    pub threads: Vec<ProgramThread>,
}

/// One print on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// Event index of the print.
    pub seq: usize,
    /// Index of the print's chunk in the snapshot's `output`.
    pub chunk: usize,
    /// Step that printed it.
    pub step: usize,
    /// Lane of the printing task or thread (`None`: main program).
    pub lane: Option<usize>,
    /// One line of the text, without its newline (or, when `more` > 0,
    /// the rest of a long chunk: `more` lines joined by newlines).
    pub text: String,
    /// The number of lines this token stands for, when it holds the rest
    /// of a chunk longer than [`TOKEN_LINES`] (0: one line).
    pub more: usize,
    /// Written to stderr.
    pub stderr: bool,
    /// Source line of the print.
    pub line: u32,
    /// Pixels from its column's left edge (tokens of one step and lane sit
    /// side by side).
    pub x: usize,
    /// Width in pixels ([`token_width`]).
    pub w: usize,
    /// Pixels from its slot's left edge in the time layout.
    pub tx: usize,
    /// First of a group: consecutive prints of one lane in one step read
    /// as one group of tokens.
    pub group_start: bool,
    /// Last of its group.
    pub group_end: bool,
}

/// Width of one character of a print token, in tenths of a pixel (12 px
/// monospace; generous, so a token never cuts its text).
const CHAR_TENTHS: usize = 75;
/// Horizontal padding and borders of a print token, px.
const TOKEN_PAD: usize = 12;
/// Gap between two groups of tokens in one column, px.
const GROUP_GAP: usize = 6;
/// Columns are at least this wide, px (a step without prints).
pub const COL_W: usize = 44;
/// A print token shows at most this many characters; a longer line shows
/// its beginning and an ellipsis (the whole line is in the token's title,
/// its `data-text` and the console).
pub const TOKEN_MAX_CHARS: usize = 40;

/// A chunk of output shows at most this many lines as tokens of their
/// own; one more token holds the rest ("… +N lines").
pub const TOKEN_LINES: usize = 12;

/// What the token holding the rest of a long chunk shows.
pub fn more_label(lines: usize) -> String {
    format!("… +{} lines", group_thousands(lines as u64))
}

/// What a print token shows: the line, or its first characters and an
/// ellipsis when it is longer than [`TOKEN_MAX_CHARS`].
pub fn token_label(text: &str) -> String {
    if text.chars().count() <= TOKEN_MAX_CHARS {
        return text.to_string();
    }
    let mut s: String = text.chars().take(TOKEN_MAX_CHARS - 1).collect();
    s.push('…');
    s
}

/// Width of the token showing `text`, px.
pub fn token_width(text: &str) -> usize {
    let chars = token_label(text).chars().count().max(1);
    (chars * CHAR_TENTHS).div_ceil(10) + TOKEN_PAD
}

impl Track {
    /// A track of a complete trace.
    pub fn from_events(events: Vec<Event>) -> Track {
        let mut t = Track::default();
        t.extend(&events);
        t
    }

    /// The track of a whole run of `code` with default limits (tests).
    #[cfg(test)]
    pub fn of_program(code: &str) -> Track {
        use looplab_engine::run::{run_program, Limits};
        Track::from_events(
            run_program(code, "main.py", &Limits::default())
                .trace
                .events,
        )
    }

    /// Appends events (a live run publishing what happened since last time).
    pub fn extend(&mut self, new: &[Event]) {
        self.fresh_from = self.timeline.events().len();
        self.timeline.note_changed_tasks();
        self.column_base.note_changed_tasks();
        let Track {
            timeline,
            lanes,
            tokens,
            book,
            processes,
            time_base,
            lines,
            ..
        } = self;
        timeline.extend_with(new, |head, e| {
            lines.note(head, e);
            let mut at = LanesAt {
                lanes,
                tokens,
                book,
                time_base,
            };
            add_lane(head, e, &mut at, processes)
        });
        self.rebuild_columns();
    }

    /// The engine's model of the run so far.
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// The trace so far, in order.
    pub fn events(&self) -> &[Event] {
        self.timeline.events()
    }

    /// The run's line steps, for stepping line by line.
    pub fn lines(&self) -> &LineIndex {
        &self.lines
    }

    /// The trace cut into steps (one loop handle each): step `i` is what
    /// `#step=i` shows.
    pub fn steps(&self) -> &[Step] {
        &self.timeline.steps
    }

    /// True once the run ended (its last event is `RunEnded`).
    pub fn ended(&self) -> bool {
        self.timeline.ended()
    }

    /// The fold of every event so far.
    pub fn head(&self) -> &Snapshot {
        self.timeline.head()
    }

    /// The snapshot after the first `n` events.
    pub fn at_event(&self, n: usize) -> Snapshot {
        self.timeline.at_event(n)
    }

    /// The snapshot after step `i`.
    pub fn after_step(&self, i: usize) -> Snapshot {
        self.timeline.after_step(i)
    }

    /// What step `i` did, in the page's language.
    pub fn narrate(&self, i: usize) -> String {
        crate::i18n::narration::narration(crate::i18n::ui(), &self.timeline.phrases(i))
    }

    /// The step that contains event `seq`.
    pub fn step_of_event(&self, seq: usize) -> usize {
        self.timeline.step_of_event(seq)
    }

    /// For a step that ran a handle: how many handle steps came before it
    /// (its line in `tools/cpython_steps.py`'s listing, 0-based).
    pub fn handle_ordinal(&self, step: usize) -> Option<usize> {
        self.timeline.handle_ordinal(step)
    }

    /// Left edge of column `i`, px (the total width for `i ==
    /// columns.len()`; clamped beyond).
    pub fn col_x(&self, i: usize) -> usize {
        let last = self.col_x.len().saturating_sub(1);
        self.col_x.get(i.min(last)).copied().unwrap_or(0)
    }

    /// Width of column `i`, px.
    pub fn col_w(&self, i: usize) -> usize {
        if i < self.columns.len() {
            self.col_x(i + 1) - self.col_x(i)
        } else {
            COL_W
        }
    }

    /// The column whose span holds `x` px (the last one beyond the end).
    pub fn col_at(&self, x: usize) -> usize {
        self.col_x
            .partition_point(|&left| left <= x)
            .saturating_sub(1)
            .min(self.columns.len().saturating_sub(1))
    }

    /// The column whose span holds `x` px in a layout (the last one
    /// beyond the end; in the time layout, the last column of the slot).
    pub fn col_at_in(&self, mode: TimelineMode, x: usize) -> usize {
        if mode == TimelineMode::Steps {
            return self.col_at(x);
        }
        let n = self.columns.len();
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.x_in(mode, mid) <= x {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo.saturating_sub(1).min(n.saturating_sub(1))
    }

    /// Left edge of column `i` in a layout, px (the total width for `i ==
    /// columns.len()`). In the time layout a column is its slot.
    pub fn x_in(&self, mode: TimelineMode, i: usize) -> usize {
        match mode {
            TimelineMode::Steps => self.col_x(i),
            TimelineMode::Time => match self.col_slot.get(i) {
                Some(&slot) => self.slots[slot].0,
                None => self.slots.last().map_or(0, |&(x, w)| x + w),
            },
        }
    }

    /// Width of column `i` in a layout, px (its slot's in the time layout).
    pub fn w_in(&self, mode: TimelineMode, i: usize) -> usize {
        match mode {
            TimelineMode::Steps => self.col_w(i),
            TimelineMode::Time => self
                .col_slot
                .get(i)
                .map_or(COL_W, |&slot| self.slots[slot].1),
        }
    }

    /// The whole timeline's width in a layout, px.
    pub fn width_in(&self, mode: TimelineMode) -> usize {
        self.x_in(mode, self.columns.len())
    }

    /// A token's left edge in a layout, px.
    pub fn token_x_in(&self, mode: TimelineMode, k: &Token) -> usize {
        match mode {
            TimelineMode::Steps => self.col_x(k.step) + k.x,
            TimelineMode::Time => self.x_in(mode, k.step) + k.tx,
        }
    }

    /// Number of slots of the time layout (distinct clock values shown).
    pub fn slot_count(&self) -> usize {
        self.slots.len()
    }

    /// The slot of column `i` in the time layout.
    pub fn slot_of(&self, i: usize) -> Option<usize> {
        self.col_slot.get(i).copied()
    }

    /// What lane `lane` shows in column `col` (its last change at or
    /// before it).
    pub fn cell(&self, col: usize, lane: usize) -> Cell {
        let Some(l) = self.lanes.get(lane) else {
            return Cell::Empty;
        };
        match l.changes.partition_point(|&(c, _)| c <= col) {
            0 => Cell::Empty,
            i => l.changes[i - 1].1,
        }
    }

    /// Lane of a task, if it has one.
    pub fn task_lane(&self, task: TaskId) -> Option<usize> {
        self.book
            .task
            .get(task as usize)
            .copied()
            .filter(|&l| l != usize::MAX)
    }

    /// Who holds each process's GIL after step `c` (CPU model), from the
    /// step's snapshot's `gil`: by process, the holder's thread index, or
    /// `None` when no thread of it runs Python (the engine names the last
    /// holder until another takes it; a holder that is blocked or over
    /// holds nothing).
    pub fn gil_holders(&self, c: usize, gil: &BTreeMap<u32, Option<u32>>) -> Vec<GilHolder> {
        let threads = self.columns.get(c).map_or(&[][..], |col| &col.threads[..]);
        gil.iter()
            .map(|(&process, &holder)| {
                let holder = holder.filter(|&h| {
                    threads.get(h as usize).is_none_or(|t| {
                        matches!(t.state, ThreadState::Running | ThreadState::Ready)
                    })
                });
                GilHolder {
                    process,
                    process_name: match self.processes.get(process as usize) {
                        Some(p) => p.name.clone(),
                        None if process == 0 => "MainProcess".into(),
                        None => format!("process {process}"),
                    },
                    holder: holder.map(|h| match threads.get(h as usize) {
                        Some(t) => t.name.clone(),
                        None if h == 0 => "MainThread".into(),
                        None => format!("thread {h}"),
                    }),
                    holder_index: holder,
                }
            })
            .collect()
    }

    /// Recomputes the columns of the steps that were incomplete, and the
    /// tokens they printed. A complete column folds its step into
    /// `column_base` (once); the last, partial one reads the timeline's
    /// head. Only the lanes whose state may have changed get a new cell.
    fn rebuild_columns(&mut self) {
        let head_changed = self.timeline.take_changed_tasks();
        let complete_before = self.complete_columns;
        let partial_before = self.drop_partial_columns();
        let mut placer = self.time_base.clone();
        let mut threads = self.threads_base.clone();
        let mut prev_running = self.book.prev_running.clone();
        // Lanes of threads and processes: looked at in every column.
        let others: Vec<usize> = [
            &self.book.thread,
            &self.book.program_thread,
            &self.book.process,
        ]
        .into_iter()
        .flatten()
        .copied()
        .filter(|&l| l != usize::MAX)
        .collect();
        for i in self.complete_columns..self.timeline.steps.len() {
            let complete = i + 1 < self.timeline.steps.len() || self.ended();
            let start_ns = self.column_base.time_ns;
            let scan = self.scan_step(i, complete, &mut threads);
            // The lanes whose cell may differ from their last change.
            let changed = if complete {
                self.column_base.take_changed_tasks()
            } else {
                head_changed.clone()
            };
            // Lanes whose partial-column changes were dropped: their first
            // column since is the one that was partial.
            let again = if i == complete_before {
                &partial_before[..]
            } else {
                &[]
            };
            let candidates: Vec<usize> = changed
                .iter()
                .chain(scan.task.iter())
                .filter_map(|&t| self.book.task.get(t as usize).copied())
                .filter(|&l| l != usize::MAX)
                .chain(prev_running.iter().copied())
                .chain(others.iter().copied())
                .chain(again.iter().copied())
                .collect();
            #[cfg(test)]
            {
                self.cells_computed += candidates.len();
            }
            let s = if complete {
                &self.column_base
            } else {
                self.timeline.head()
            };
            let time_ns = s.time_ns;
            let cells = CellInput {
                column: i,
                task: scan.task,
                state: s,
                threads: &threads,
                ran: &scan.ran,
            };
            let partial = (!complete).then_some(&mut self.book.partial);
            let running_now = write_lane_cells(&mut self.lanes, &cells, candidates, partial);
            let width = place_tokens(&mut self.tokens, i);
            let left = self.col_x[i];
            self.col_x.push(left + width);
            placer.place(&mut self.tokens, i, time_ns, &mut self.slots);
            self.col_slot.push(self.slots.len() - 1);
            self.columns.push(Column {
                time_ns,
                start_ns,
                task: scan.task,
                blocked: scan.blocked,
                jump: scan.jump,
                threads: threads.clone(),
            });
            if complete {
                prev_running = running_now;
                self.complete_columns = i + 1;
                self.threads_base = threads.clone();
                self.book.prev_running = prev_running.clone();
                self.time_base = placer.clone();
            }
        }
    }

    /// Drops the columns past the complete ones (and their tokens, slots
    /// and lane changes), making room for the steps to come. Returns the
    /// lanes that had a change in the dropped partial column.
    fn drop_partial_columns(&mut self) -> Vec<usize> {
        let complete = self.complete_columns;
        let partial_before = std::mem::take(&mut self.book.partial);
        for &l in &partial_before {
            let changes = &mut self.lanes[l].changes;
            while changes.last().is_some_and(|&(c, _)| c >= complete) {
                changes.pop();
            }
        }
        self.columns.truncate(complete);
        self.col_x.truncate(complete + 1);
        if self.col_x.is_empty() {
            self.col_x.push(0);
        }
        self.col_slot.truncate(complete);
        self.slots.truncate(self.time_base.slots);
        if let Some(last) = self.slots.last_mut() {
            *last = self.time_base.open;
        }
        let first_token = self
            .timeline
            .steps
            .get(complete)
            .map(|s| s.start)
            .unwrap_or(self.timeline.trace.events.len());
        // Tokens are in event order.
        let keep = self.tokens.partition_point(|t| t.seq < first_token);
        self.tokens.truncate(keep);
        // A column per step: long lists reserve their whole room at once
        // rather than copying themselves on every doubling (see
        // `reserve_ahead`).
        let new = self.timeline.steps.len() - complete;
        let cap = DEFAULT_MAX_EVENTS + 1;
        reserve_ahead(&mut self.columns, new, cap);
        reserve_ahead(&mut self.col_x, new, cap);
        reserve_ahead(&mut self.col_slot, new, cap);
        partial_before
    }

    /// Reads the events of step `i`: who ran, whether the loop blocked,
    /// the clock's jump, the program threads that ran (`threads` follows
    /// them), and the tokens of its prints. A `complete` step is folded
    /// into `column_base`.
    fn scan_step(
        &mut self,
        i: usize,
        complete: bool,
        threads: &mut Vec<ProgramThread>,
    ) -> StepScan {
        let step = self.timeline.steps[i].clone();
        let mut scan = StepScan::default();
        let mut output_len = self.column_base.output.len();
        for e in &self.timeline.trace.events[step.start..step.end] {
            follow_threads(threads, &e.kind, &mut scan.ran);
            match &e.kind {
                EventKind::TaskStepStarted { task: t, .. } => scan.task = scan.task.or(Some(*t)),
                EventKind::LoopBlocked { .. } => scan.blocked = true,
                EventKind::ClockAdvanced { from_ns, to_ns } => {
                    scan.jump = Some((scan.jump.map_or(*from_ns, |(f, _)| f), *to_ns))
                }
                EventKind::Print {
                    task: pt,
                    thread,
                    text,
                    ..
                } => {
                    // A print outside any task and worker thread is the
                    // running program thread's.
                    let running = threads.iter().position(|t| t.state == ThreadState::Running);
                    let lane = match (thread, pt, running) {
                        (Some(th), _, _) => self.book.thread.get(*th as usize).copied(),
                        (None, Some(t), _) => self.book.task.get(*t as usize).copied(),
                        (None, None, Some(th)) => self.book.program_thread.get(th).copied(),
                        (None, None, None) => None,
                    }
                    .filter(|&l| l != usize::MAX);
                    push_print_tokens(&mut self.tokens, e, text, i, lane, output_len);
                    output_len += 1;
                }
                _ => {}
            }
            if complete {
                self.column_base.apply(e);
            }
        }
        scan
    }
}

/// Places the tokens of step `step` (the last ones of `tokens`) side by
/// side in their lanes, joins consecutive prints of one lane into groups,
/// and returns the column's width.
fn place_tokens(tokens: &mut [Token], step: usize) -> usize {
    let first = tokens.partition_point(|k| k.step < step);
    let mine = &mut tokens[first..];
    // Per lane (None = the main program's row), the next free x.
    let mut used: Vec<(Option<usize>, usize)> = Vec::new();
    let mut widest = 0;
    for i in 0..mine.len() {
        let lane = mine[i].lane;
        let joined = i > 0 && mine[i - 1].lane == lane;
        let slot = match used.iter().position(|(l, _)| *l == lane) {
            Some(p) => p,
            None => {
                used.push((lane, 2));
                used.len() - 1
            }
        };
        if !joined && used[slot].1 > 2 {
            used[slot].1 += GROUP_GAP;
        }
        mine[i].x = used[slot].1;
        mine[i].group_start = !joined;
        if joined {
            mine[i - 1].group_end = false;
        }
        mine[i].group_end = true;
        used[slot].1 += mine[i].w;
        widest = widest.max(used[slot].1);
    }
    (widest + 4).max(COL_W)
}

impl TimePlacer {
    /// Places column `step` (its tokens are the last ones of `tokens`),
    /// which ends at `time_ns`: in the open slot if the clock stood still,
    /// else in a new slot after a gap proportional to the wait. Tokens of
    /// one lane in one slot sit side by side (one group per step), so
    /// prints of different lanes made at one time stack.
    fn place(
        &mut self,
        tokens: &mut [Token],
        step: usize,
        time_ns: u64,
        slots: &mut Vec<(usize, usize)>,
    ) {
        if self.time != Some(time_ns) {
            let x = match self.time {
                None => 0,
                Some(before) => {
                    let dt = time_ns.saturating_sub(before);
                    let per = *self.ns_per_px.get_or_insert((dt / FIRST_GAP as u64).max(1));
                    let gap = (dt / per) as usize;
                    self.open.0 + self.open.1 + gap.clamp(MIN_GAP, MAX_GAP)
                }
            };
            self.time = Some(time_ns);
            self.used.clear();
            self.open = (x, COL_W);
            self.slots += 1;
            slots.push(self.open);
        }
        let first = tokens.partition_point(|k| k.step < step);
        let mut widest = self.open.1.saturating_sub(4);
        for i in first..tokens.len() {
            let lane = tokens[i].lane;
            let joined = i > first && tokens[i - 1].lane == lane;
            let slot = match self.used.iter().position(|(l, _)| *l == lane) {
                Some(p) => p,
                None => {
                    self.used.push((lane, 2));
                    self.used.len() - 1
                }
            };
            if !joined && self.used[slot].1 > 2 {
                self.used[slot].1 += GROUP_GAP;
            }
            tokens[i].tx = self.used[slot].1;
            self.used[slot].1 += tokens[i].w;
            widest = widest.max(self.used[slot].1);
        }
        self.open.1 = (widest + 4).max(COL_W);
        if let Some(last) = slots.last_mut() {
            *last = self.open;
        }
    }
}

/// Follows the program threads through one event; notes in `ran` every
/// thread that ran.
fn follow_threads(threads: &mut Vec<ProgramThread>, kind: &EventKind, ran: &mut Vec<u32>) {
    fn set(threads: &mut Vec<ProgramThread>, th: u32, state: ThreadState) {
        let th = th as usize;
        if threads.len() <= th {
            threads.resize_with(th + 1, || ProgramThread {
                name: String::new(),
                state: ThreadState::Running,
                process: 0,
            });
        }
        threads[th].state = state;
    }
    match kind {
        EventKind::ProgramThreadStarted {
            thread,
            name,
            process,
        } => {
            // The main thread was running all along.
            if threads.is_empty() {
                threads.push(ProgramThread {
                    name: "MainThread".into(),
                    state: ThreadState::Running,
                    process: 0,
                });
            }
            set(threads, *thread, ThreadState::Ready);
            threads[*thread as usize].name = name.clone();
            threads[*thread as usize].process = *process;
        }
        EventKind::ProgramThreadBlocked {
            thread,
            until_ns,
            reason,
        } => set(
            threads,
            *thread,
            ThreadState::Blocked {
                until_ns: *until_ns,
                reason: reason.clone(),
            },
        ),
        EventKind::ProgramThreadRuns { thread } => {
            set(threads, *thread, ThreadState::Running);
            if !ran.contains(thread) {
                ran.push(*thread);
            }
        }
        EventKind::ProgramThreadEnded { thread } => set(threads, *thread, ThreadState::Ended),
        _ => {}
    }
}

/// True for the tasks `asyncio.run` starts itself once `main()` is done.
fn is_internal(coro: &str) -> bool {
    coro.starts_with("BaseEventLoop.shutdown_")
}

/// What adding a lane touches: the lanes, the print
/// tokens, the book and the time layout's open slot (an inserted lane
/// shifts the lanes after it in all of them).
struct LanesAt<'a> {
    lanes: &'a mut Vec<Lane>,
    tokens: &'a mut Vec<Token>,
    book: &'a mut LaneBook,
    time_base: &'a mut TimePlacer,
}

impl LanesAt<'_> {
    /// Where a new lane of process `p` goes: after the last lane of its
    /// group (processes' lanes are grouped, each process's lane first).
    fn group_end(&self, p: u32) -> usize {
        self.lanes
            .iter()
            .rposition(|l| l.process == p)
            .map_or(self.lanes.len(), |i| i + 1)
    }

    /// Inserts a lane at `at` (every lane index from `at` on moves down
    /// one; a lane added at the end moves none) and notes it in
    /// `table[id]`.
    fn insert(&mut self, at: usize, lane: Lane, which: usize, id: usize) {
        let appended = at >= self.lanes.len();
        self.lanes.insert(at.min(self.lanes.len()), lane);
        if appended {
            let table = &mut self.book.tables()[which];
            if table.len() <= id {
                table.resize(id + 1, usize::MAX);
            }
            table[id] = at;
            return;
        }
        let lanes_of_tokens = self.tokens.iter_mut().map(|t| &mut t.lane);
        let lanes_of_slot = self.time_base.used.iter_mut().map(|(l, _)| l);
        for l in lanes_of_tokens.chain(lanes_of_slot).flatten() {
            if *l >= at {
                *l += 1;
            }
        }
        for table in self.book.tables() {
            for l in table.iter_mut().filter(|l| **l != usize::MAX && **l >= at) {
                *l += 1;
            }
        }
        let table = &mut self.book.tables()[which];
        if table.len() <= id {
            table.resize(id + 1, usize::MAX);
        }
        table[id] = at;
    }

    /// A new lane for `owner` in process `process`'s group, unless it has one.
    fn add(&mut self, owner: LaneOwner, name: String, internal: bool, process: u32) {
        let (which, id) = match owner {
            LaneOwner::Task(t) => (0, t as usize),
            LaneOwner::Thread(t) => (1, t as usize),
            LaneOwner::ProgramThread(t) => (2, t as usize),
            LaneOwner::Process(p) => (3, p as usize),
        };
        if self.book.tables()[which]
            .get(id)
            .is_some_and(|&l| l != usize::MAX)
        {
            return;
        }
        let at = match owner {
            // The main process's lane heads the lanes it already has.
            LaneOwner::Process(0) => 0,
            LaneOwner::Process(_) => self.lanes.len(),
            _ => self.group_end(process),
        };
        let lane = Lane {
            owner,
            name,
            colour: self.lanes.len(),
            internal,
            process,
            changes: Vec::new(),
        };
        self.insert(at, lane, which, id);
    }
}

/// Gives a new task, worker thread, program thread or process its lane,
/// named as the fold `head` (up to and including event `e`) knows it,
/// grouped under its process; keeps every column one cell per lane,
/// however the trace arrived.
fn add_lane(head: &Snapshot, e: &Event, at: &mut LanesAt, processes: &mut Vec<Process>) {
    let running = at.book.running_process;
    match &e.kind {
        EventKind::TaskCreated { task, .. } => {
            let (name, internal) = match head.tasks.get(task) {
                Some(v) => (format!("{} {}()", v.name, v.coro), is_internal(&v.coro)),
                None => (format!("task #{task}"), false),
            };
            at.add(LaneOwner::Task(*task), name, internal, running);
        }
        EventKind::JobStarted { thread, .. } => {
            at.add(
                LaneOwner::Thread(*thread),
                format!("thread {thread}"),
                false,
                running,
            );
        }
        EventKind::ProcessStarted { process, name } => {
            if processes.is_empty() {
                processes.push(Process {
                    name: "MainProcess".into(),
                });
                at.add(LaneOwner::Process(0), "MainProcess".into(), false, 0);
            }
            let p = *process as usize;
            if processes.len() <= p {
                processes.resize(
                    p + 1,
                    Process {
                        name: String::new(),
                    },
                );
            }
            processes[p].name = name.clone();
            at.add(LaneOwner::Process(*process), name.clone(), false, *process);
        }
        EventKind::ProgramThreadStarted {
            thread,
            name,
            process,
        } => {
            // The main thread's lane comes first, with the first thread.
            at.add(LaneOwner::ProgramThread(0), "MainThread".into(), false, 0);
            let th = *thread as usize;
            if at.book.process_of_thread.len() <= th {
                at.book.process_of_thread.resize(th + 1, 0);
            }
            at.book.process_of_thread[th] = *process;
            at.add(
                LaneOwner::ProgramThread(*thread),
                name.clone(),
                false,
                *process,
            );
        }
        EventKind::ProgramThreadRuns { thread } => {
            at.book.running_process = at
                .book
                .process_of_thread
                .get(*thread as usize)
                .copied()
                .unwrap_or(0);
        }
        _ => {}
    }
}

/// What one step's events say about its column ([`Track::scan_step`]).
#[derive(Default)]
struct StepScan {
    /// The task that ran the step, if one did.
    task: Option<TaskId>,
    /// Set when the loop blocked in the step (waiting for a timer).
    blocked: bool,
    /// The clock's jump in the step: (from, to).
    jump: Option<(u64, u64)>,
    /// The program threads that ran in the step.
    ran: Vec<u32>,
}

/// What a column's lane cells are made from ([`lane_cell`]).
struct CellInput<'a> {
    /// The column.
    column: usize,
    /// The task that ran its step.
    task: Option<TaskId>,
    /// The state after its step.
    state: &'a Snapshot,
    /// The program threads after its step.
    threads: &'a [ProgramThread],
    /// The program threads that ran in its step.
    ran: &'a [u32],
}

/// Writes the cells of the `candidates` lanes in column `c.column`, where
/// they differ from the lane's last change (a running cell is always
/// written: a running bar is one column wide). `partial`, for a column
/// still growing, collects the lanes written. Returns the running lanes.
fn write_lane_cells(
    lanes: &mut [Lane],
    c: &CellInput,
    candidates: Vec<usize>,
    mut partial: Option<&mut Vec<usize>>,
) -> Vec<usize> {
    let mut running_now = Vec::new();
    for l in candidates {
        let cell = lane_cell(&lanes[l], c.task, c.state, c.threads, c.ran);
        let changes = &mut lanes[l].changes;
        if changes.last().is_some_and(|&(col, _)| col == c.column) {
            continue;
        }
        let last = changes.last().map_or(Cell::Empty, |&(_, cell)| cell);
        if cell == Cell::Running || cell != last {
            changes.push((c.column, cell));
            if let Some(p) = partial.as_deref_mut() {
                p.push(l);
            }
        }
        if cell == Cell::Running {
            running_now.push(l);
        }
    }
    running_now
}

/// A lane's cell in a column: the task that ran the step, the tasks
/// waiting or ready in the state after it (`s`), the worker and program
/// threads (`threads`; `ran`: the program threads that ran in the step).
fn lane_cell(
    lane: &Lane,
    task: Option<TaskId>,
    s: &Snapshot,
    threads: &[ProgramThread],
    ran: &[u32],
) -> Cell {
    match lane.owner {
        LaneOwner::Task(t) if Some(t) == task => Cell::Running,
        LaneOwner::Task(t) => match s.tasks.get(&t).map(|v| &v.state) {
            Some(TaskState::Waiting { .. }) => Cell::Waiting,
            Some(TaskState::Ready | TaskState::Created | TaskState::Running) => Cell::Ready,
            _ => Cell::Empty,
        },
        LaneOwner::Thread(th) => match s.threads.get(&th) {
            Some(l) if l.parked_until.is_some() => Cell::Waiting,
            Some(l) if l.job.is_some() => Cell::Running,
            _ => Cell::Empty,
        },
        LaneOwner::ProgramThread(th) if ran.contains(&th) => Cell::Running,
        LaneOwner::ProgramThread(th) => match threads.get(th as usize) {
            Some(t) => match t.state {
                ThreadState::Running => Cell::Running,
                ThreadState::Ready => Cell::Ready,
                ThreadState::Blocked { .. } => Cell::Waiting,
                ThreadState::Ended => Cell::Empty,
            },
            None => Cell::Empty,
        },
        LaneOwner::Process(p) => process_cell(threads, ran, p),
    }
}

/// The tokens of one print event `e` (its text `text`) at column `step`:
/// one per line written (the engine may write several prints of one step
/// as one chunk); past TOKEN_LINES, one token holds the rest (a 20,000-line
/// traceback is one token, not 20,000). `chunk`: the output's length before
/// it.
fn push_print_tokens(
    tokens: &mut Vec<Token>,
    e: &Event,
    text: &str,
    step: usize,
    lane: Option<usize>,
    chunk: usize,
) {
    let EventKind::Print { stderr, line, .. } = &e.kind else {
        return;
    };
    let body = text.trim_end_matches('\n');
    let token = |text: &str, more: usize, w: usize| Token {
        seq: e.seq as usize,
        chunk,
        step,
        lane,
        text: text.to_string(),
        more,
        stderr: *stderr,
        line: *line,
        x: 0,
        tx: 0,
        w,
        group_start: true,
        group_end: true,
    };
    let mut pieces = body.splitn(TOKEN_LINES + 1, '\n');
    for piece in pieces.by_ref().take(TOKEN_LINES) {
        tokens.push(token(piece, 0, token_width(piece)));
    }
    if let Some(rest) = pieces.next() {
        let more = rest.matches('\n').count() + 1;
        let w = token_width(&more_label(more));
        tokens.push(token(rest, more, w));
    }
}

/// A process's cell in a column: running when one of its threads ran,
/// ready when one waits for its turn, waiting when all of them are
/// blocked, empty before it starts and once it is over.
fn process_cell(threads: &[ProgramThread], ran: &[u32], p: u32) -> Cell {
    let mine = || {
        threads
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.process == p)
    };
    if mine().next().is_none() {
        // The main process runs the program before it starts a thread.
        return if p == 0 { Cell::Running } else { Cell::Empty };
    }
    if mine().any(|(i, t)| ran.contains(&(i as u32)) || t.state == ThreadState::Running) {
        return Cell::Running;
    }
    if mine().any(|(_, t)| t.state == ThreadState::Ready) {
        return Cell::Ready;
    }
    if mine().any(|(_, t)| matches!(t.state, ThreadState::Blocked { .. })) {
        return Cell::Waiting;
    }
    Cell::Empty
}

/// "3,597": seconds skipped, with thousands separators (the engine's
/// grouping, as its limit messages use it).
pub fn group_thousands(n: u64) -> String {
    looplab_engine::vm::thousands(n)
}

/// The label of a compressed idle gap ("⏩ 3,597 s skipped"), if the jump
/// is long enough to be compressed.
pub fn skipped_label(from_ns: u64, to_ns: u64) -> Option<String> {
    let gap = to_ns.saturating_sub(from_ns);
    (gap > COMPRESS_NS).then(|| format!("⏩ {} s skipped", group_thousands(gap / 1_000_000_000)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(3597), "3,597");
        assert_eq!(group_thousands(1234567), "1,234,567");
    }

    #[test]
    fn only_long_gaps_are_labelled() {
        assert_eq!(skipped_label(0, 3_000_000_000), None);
        assert_eq!(
            skipped_label(1_000_000_000, 3_598_000_000_000).as_deref(),
            Some("⏩ 3,597 s skipped")
        );
    }

    /// The oracle's output for a program (CPython 3.11 on the virtual clock).
    fn cpython_stdout(code: &str, tag: &str) -> String {
        let dir = std::env::temp_dir().join(format!("looplab-track-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join(format!("{tag}.py"));
        std::fs::write(&file, code).expect("write program");
        // A program that starts processes has its own oracle (as
        // tools/regen-lessons chooses it).
        let oracle = if code.contains("multiprocessing") || code.contains("ProcessPoolExecutor") {
            "/tools/oracle_processes.py"
        } else {
            "/tools/oracle.py"
        };
        let root = format!("{}{oracle}", env!("CARGO_MANIFEST_DIR"));
        let out = std::process::Command::new("python3")
            .arg(root)
            .arg(&file)
            .output()
            .expect("python3 must be installed: it is the oracle");
        let stdout = String::from_utf8(out.stdout).expect("utf-8 output");
        // The oracle ends the output of a program that ends abnormally with
        // its own trailer (`!! uncaught` and the exception line, `!! hang`):
        // not something the program printed, so not a token.
        let lines: Vec<&str> = stdout.split_inclusive('\n').collect();
        let trailer = lines
            .iter()
            .rposition(|l| l.starts_with("!! "))
            .filter(|&i| lines.len() - i <= 2);
        match trailer {
            Some(i) => lines[..i].concat(),
            None => stdout,
        }
    }

    #[test]
    fn tokens_are_the_lines_cpython_prints_for_every_lesson() {
        let mut mismatches = Vec::new();
        for lesson in crate::content::LESSONS {
            for snippet in lesson.snippets {
                let tag = format!("{}-{}", lesson.id, snippet.name);
                let limits = looplab_engine::run::Limits {
                    cpu_model: snippet
                        .cpu_model
                        .then(looplab_engine::run::CpuModel::default),
                    ..looplab_engine::run::Limits::default()
                };
                let outcome = looplab_engine::run::run_program(snippet.code, "main.py", &limits);
                // CPython has no CPU model: a `cpu` snippet's lines are the
                // engine's own output (its expected file is the model's too).
                let expected = if snippet.cpu_model {
                    outcome
                        .output
                        .iter()
                        .filter(|c| !c.stderr)
                        .map(|c| c.text.as_str())
                        .collect()
                } else {
                    cpython_stdout(snippet.code, &tag)
                };
                let track = Track::from_events(outcome.trace.events);
                let got: String = track
                    .tokens
                    .iter()
                    .filter(|t| !t.stderr)
                    .map(|t| format!("{}\n", t.text))
                    .collect();
                let mask = looplab_engine::run::mask_addresses;
                if mask(&got) != mask(&expected) {
                    mismatches.push(format!(
                        "{tag}:\n  engine: {got:?}\n  cpython: {expected:?}"
                    ));
                }
                // Every token sits on a step that exists, in step order.
                assert!(track.tokens.windows(2).all(|w| w[0].step <= w[1].step));
                assert!(track.tokens.iter().all(|t| t.step < track.steps().len()));
                assert_eq!(track.columns.len(), track.steps().len());
            }
        }
        assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    }

    /// Program threads get lanes named as CPython names them (the main
    /// thread's first), their prints sit on their lanes, and each column
    /// says where every thread is and why.
    #[test]
    fn program_threads_have_lanes_and_states() {
        let t = Track::of_program(
            "import threading, time\n\ndef work(n):\n    print('start', n)\n    time.sleep(0.5 * n)\n    print('done', n)\n\nts = [threading.Thread(target=work, args=(i,)) for i in range(1, 3)]\nfor t in ts:\n    t.start()\nfor t in ts:\n    t.join()\nprint('all joined')\n",
        );
        let names: Vec<&str> = t.lanes.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["MainThread", "Thread-1 (work)", "Thread-2 (work)"]);
        assert!(t
            .lanes
            .iter()
            .all(|l| matches!(l.owner, LaneOwner::ProgramThread(_))));
        let on: Vec<(String, Option<usize>)> =
            t.tokens.iter().map(|k| (k.text.clone(), k.lane)).collect();
        assert_eq!(
            on,
            [
                ("start 1".to_string(), Some(1)),
                ("start 2".into(), Some(2)),
                ("done 1".into(), Some(1)),
                ("done 2".into(), Some(2)),
                ("all joined".into(), Some(0)),
            ]
        );
        let last = t.columns.last().expect("a column");
        assert_eq!(last.threads.len(), 3);
        assert_eq!(last.threads[1].state, ThreadState::Ended);
        let sleeping = ProgramThread {
            process: 0,
            name: "Thread-1 (work)".into(),
            state: ThreadState::Blocked {
                until_ns: Some(1_500_000_000),
                reason: Some(WaitReason::Sleep),
            },
        };
        assert_eq!(sleeping.status(&[]), "sleeping until t=1.500");
        // The last step Thread-2 is blocked in (main's turn at 0.5 s, its
        // second join): main waits for Thread-2, which sleeps until 1 s.
        let col = t
            .columns
            .iter()
            .rev()
            .find(|c| matches!(c.threads[2].state, ThreadState::Blocked { .. }))
            .expect("main joins Thread-2");
        assert_eq!(
            col.threads[0].status(&col.threads),
            "blocked in join(Thread-2 (work))"
        );
        assert_eq!(
            col.threads[2].status(&col.threads),
            "sleeping until t=1.000"
        );
    }

    /// A long chunk is TOKEN_LINES tokens of one line and one token for
    /// the rest (a huge traceback never becomes thousands of tokens).
    #[test]
    fn a_long_chunk_keeps_a_few_tokens_and_one_for_the_rest() {
        let t =
            Track::of_program("print('\\n'.join(str(i) for i in range(100)))\nprint('after')\n");
        let texts: Vec<(&str, usize)> =
            t.tokens.iter().map(|k| (k.text.as_str(), k.more)).collect();
        assert_eq!(texts.len(), TOKEN_LINES + 2);
        assert_eq!(texts[0], ("0", 0));
        assert_eq!(texts[TOKEN_LINES - 1], ("11", 0));
        let rest: String = (TOKEN_LINES..100)
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(texts[TOKEN_LINES], (rest.as_str(), 100 - TOKEN_LINES));
        assert_eq!(
            t.tokens[TOKEN_LINES].w,
            token_width(&more_label(100 - TOKEN_LINES))
        );
        assert_eq!(texts[TOKEN_LINES + 1], ("after", 0));
    }

    /// The track of `code` run on the CPU model with `cores` cores.
    fn of_model_program(code: &str, cores: u32) -> Track {
        use looplab_engine::run::{run_program, CpuModel, Limits};
        let limits = Limits {
            cpu_model: Some(CpuModel { cores }),
            ..Limits::default()
        };
        Track::from_events(run_program(code, "main.py", &limits).trace.events)
    }

    const TWO_PROCESSES: &str = "import multiprocessing, threading\n\ndef spin(n):\n    t = 0\n    for i in range(n):\n        t += i\n\ndef proc(k):\n    ts = [threading.Thread(target=spin, args=(3000,)) for _ in range(2)]\n    for t in ts:\n        t.start()\n    for t in ts:\n        t.join()\n    print('proc', k, 'done')\n\nif __name__ == '__main__':\n    ps = [multiprocessing.Process(target=proc, args=(k,)) for k in range(2)]\n    for p in ps:\n        p.start()\n    for p in ps:\n        p.join()\n    print('all done')\n";

    /// A program of processes gets one lane per process, each followed by
    /// its own threads' lanes (whenever they start), and every lane and
    /// print keeps its place when a lane is inserted before it.
    #[test]
    fn processes_group_their_threads_lanes() {
        for t in [
            Track::of_program(TWO_PROCESSES),
            of_model_program(TWO_PROCESSES, 4),
        ] {
            let lanes: Vec<(String, u32, bool)> = t
                .lanes
                .iter()
                .map(|l| {
                    (
                        l.name.clone(),
                        l.process,
                        matches!(l.owner, LaneOwner::Process(_)),
                    )
                })
                .collect();
            let want = [
                ("MainProcess", 0, true),
                ("MainThread", 0, false),
                ("Process-1", 1, true),
                ("MainThread", 1, false),
                ("Thread-1 (spin)", 1, false),
                ("Thread-2 (spin)", 1, false),
                ("Process-2", 2, true),
                ("MainThread", 2, false),
                ("Thread-1 (spin)", 2, false),
                ("Thread-2 (spin)", 2, false),
            ];
            let want: Vec<(String, u32, bool)> = want
                .iter()
                .map(|(n, p, k)| (n.to_string(), *p, *k))
                .collect();
            assert_eq!(lanes, want);
            let names: Vec<&str> = t.processes.iter().map(|p| p.name.as_str()).collect();
            assert_eq!(names, ["MainProcess", "Process-1", "Process-2"]);
            // Prints sit on the lane of the thread that printed them.
            let on: Vec<(&str, Option<usize>)> =
                t.tokens.iter().map(|k| (k.text.as_str(), k.lane)).collect();
            assert_eq!(
                on,
                [
                    ("proc 0 done", Some(3)),
                    ("proc 1 done", Some(7)),
                    ("all done", Some(1))
                ]
            );
            // A process runs when one of its threads does, and is over once
            // its threads are.
            let n = t.columns.len();
            assert_eq!(t.cell(n - 1, 2), Cell::Empty);
            assert_eq!(t.cell(n - 1, 0), Cell::Running);
            assert!((0..n).any(|c| t.cell(c, 2) == Cell::Running));
        }
    }

    /// Sliced as a live run publishes it, the track is the same.
    #[test]
    fn process_lanes_do_not_depend_on_slicing() {
        use looplab_engine::run::{run_program, Limits};
        let events = run_program(TWO_PROCESSES, "main.py", &Limits::default())
            .trace
            .events;
        let whole = Track::from_events(events.clone());
        let mut sliced = Track::default();
        for chunk in events.chunks(3) {
            sliced.extend(chunk);
        }
        assert_eq!(sliced.lanes, whole.lanes);
        assert_eq!(sliced.columns, whole.columns);
        assert_eq!(sliced.tokens, whole.tokens);
    }

    /// A lane inserted before others (a main-process thread starting after
    /// a child process's lanes exist) moves the lanes after it without
    /// moving their prints in the time layout: sliced as a live run
    /// publishes it, every print keeps the place the whole trace gives it.
    #[test]
    fn an_inserted_lane_keeps_time_layout_places() {
        use looplab_engine::run::{run_program, Limits};
        let code = "import multiprocessing as mp\nimport threading, time\n\ndef child():\n    time.sleep(0.1)\n    print('child a')\n    time.sleep(0)\n    print('child b')\n\ndef side():\n    print('side')\n\nif __name__ == '__main__':\n    p = mp.Process(target=child)\n    p.start()\n    time.sleep(0.05)\n    time.sleep(0.05)\n    t = threading.Thread(target=side)\n    t.start()\n    t.join()\n    p.join()\n    print('end')\n";
        let events = run_program(code, "main.py", &Limits::default())
            .trace
            .events;
        let whole = Track::from_events(events.clone());
        let mut sliced = Track::default();
        for chunk in events.chunks(1) {
            sliced.extend(chunk);
        }
        let places = |t: &Track| -> Vec<(String, Option<usize>, usize)> {
            t.tokens
                .iter()
                .map(|k| (k.text.clone(), k.lane, k.tx))
                .collect()
        };
        assert_eq!(places(&sliced), places(&whole));
        // At t=0.1 the child prints, the main process starts a thread
        // (its lane goes in before the child's) and the child prints again:
        // both child prints sit side by side in that slot.
        let find = |text: &str| whole.tokens.iter().find(|k| k.text == text).unwrap();
        let (a, side, b) = (find("child a"), find("side"), find("child b"));
        assert!(
            side.lane < a.lane && a.lane == b.lane,
            "{side:?} {a:?} {b:?}"
        );
        assert!(b.tx > a.tx, "{a:?} {b:?}");
    }

    /// Under the CPU model the GIL's holder is named at each step, and a
    /// ready thread of the same process waits for the GIL.
    #[test]
    fn the_gil_holder_is_named_and_ready_threads_wait_for_it() {
        let code = "import threading\n\ndef spin():\n    t = 0\n    for i in range(2_000_000):\n        t += i\n\nts = [threading.Thread(target=spin) for _ in range(2)]\nfor t in ts:\n    t.start()\nfor t in ts:\n    t.join()\nprint('done')\n";
        let t = of_model_program(code, 4);
        let mut waited = false;
        for c in 0..t.columns.len() {
            let snap = t.after_step(c);
            let holders = t.gil_holders(c, &snap.gil);
            assert!(holders.len() <= 1);
            let Some(holder) = holders.first() else {
                continue;
            };
            assert_eq!(holder.process_name, "MainProcess");
            if let Some(h) = holder.holder_index {
                let th = &t.columns[c].threads;
                if let Some(th) = th.get(h as usize) {
                    assert!(matches!(
                        th.state,
                        ThreadState::Running | ThreadState::Ready
                    ));
                }
            }
            for th in &t.columns[c].threads {
                let status = th.status_with_gil(&t.columns[c].threads, holder.holder.as_deref());
                if status.starts_with("waiting for the GIL") {
                    waited = true;
                    assert_eq!(th.state, ThreadState::Ready);
                }
            }
        }
        assert!(waited, "two spinning threads take turns with the GIL");
        // Without the model the fold has no GIL.
        let plain = Track::of_program(code);
        assert!(plain.head().gil.is_empty());
    }

    /// A task lane's cells, kept only where they change, are what the
    /// snapshot after each step says (running: the task stepped), however
    /// the trace arrived.
    #[test]
    fn sparse_cells_are_the_snapshots_task_states() {
        let code = "import asyncio\n\nasync def w(n):\n    for i in range(3):\n        await asyncio.sleep(0.1 * (n % 3))\n    if n == 4:\n        raise ValueError(n)\n\nasync def main():\n    ts = [asyncio.create_task(w(n)) for n in range(6)]\n    await asyncio.sleep(0.15)\n    ts[5].cancel()\n    await asyncio.gather(*ts, return_exceptions=True)\n    print('done')\n\nasyncio.run(main())\n";
        let whole = Track::of_program(code);
        let events = whole.events().to_vec();
        for size in [1, 3, 7, 64] {
            let mut t = Track::default();
            for chunk in events.chunks(size) {
                t.extend(chunk);
            }
            assert_eq!(t.lanes, whole.lanes, "slices of {size}");
        }
        let mut checked = 0;
        for (l, lane) in whole.lanes.iter().enumerate() {
            let LaneOwner::Task(id) = lane.owner else {
                continue;
            };
            for c in 0..whole.columns.len() {
                let s = whole.after_step(c);
                let want = if whole.columns[c].task == Some(id) {
                    Cell::Running
                } else {
                    match s.tasks.get(&id).map(|v| &v.state) {
                        Some(TaskState::Waiting { .. }) => Cell::Waiting,
                        Some(TaskState::Ready | TaskState::Created | TaskState::Running) => {
                            Cell::Ready
                        }
                        _ => Cell::Empty,
                    }
                };
                assert_eq!(whole.cell(c, l), want, "lane {l} column {c}");
                checked += 1;
            }
        }
        assert!(checked > 100);
    }

    #[test]
    fn an_empty_track_has_no_steps() {
        let t = Track::from_events(Vec::new());
        assert!(t.steps().is_empty());
        assert!(t.columns.is_empty());
        assert_eq!(t.after_step(3).applied, 0);
        assert_eq!(t.narrate(0), "");
    }
}

/// How the track of a run that starts one task per loop step grows
/// (issue #21: `async_task_memory` never ended in the browser). Run with
/// `cargo test -p looplab-app --lib track_growth -- --ignored --nocapture`.
#[cfg(test)]
mod growth {
    use super::*;
    use looplab_engine::run::{run_program, Limits};

    fn trace_of(memory: usize) -> Vec<Event> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/crates/engine/tests/hostile/async_task_memory.py"
        );
        let code = std::fs::read_to_string(path).expect("hostile program");
        let limits = Limits {
            max_memory_bytes: memory,
            ..Limits::default()
        };
        run_program(&code, "main.py", &limits).trace.events
    }

    /// What showing the newest step of a growing run costs (issue #21: a
    /// live run shows its head several times a second): the state after
    /// the last step, the one before it and the narration's, as the
    /// player asks for them.
    #[test]
    #[ignore = "a measurement: prints figures"]
    fn showing_cost() {
        for mib in [8, 32, 128] {
            let events = trace_of(mib << 20);
            let mut timeline = Timeline::default();
            for chunk in events.chunks(4096) {
                timeline.extend(chunk);
            }
            let last = timeline.steps.len().saturating_sub(2);
            let t0 = std::time::Instant::now();
            let after = timeline.after_step(last);
            let t_after = t0.elapsed();
            let t0 = std::time::Instant::now();
            let before = timeline.after_step(last - 1);
            let t_before = t0.elapsed();
            let t0 = std::time::Instant::now();
            let phrases = timeline.phrases(last);
            let t_phrases = t0.elapsed();
            let t0 = std::time::Instant::now();
            let head = timeline.head().clone();
            let t_head = t0.elapsed();
            let t0 = std::time::Instant::now();
            let middle = timeline.after_step(last / 2);
            let t_middle = t0.elapsed();
            println!(
                "{mib} MiB: {} events, {} tasks; after {:.1} ms, before {:.1} ms, phrases {:.1} ms, head clone {:.1} ms, a step halfway {:.1} ms",
                events.len(),
                after.tasks.len(),
                t_after.as_secs_f64() * 1e3,
                t_before.as_secs_f64() * 1e3,
                t_phrases.as_secs_f64() * 1e3,
                t_head.as_secs_f64() * 1e3,
                t_middle.as_secs_f64() * 1e3,
            );
            drop((after, before, phrases, head, middle));
        }
    }

    #[test]
    #[ignore = "a measurement: prints figures"]
    fn track_growth() {
        for mib in [2, 4, 8, 16, 32] {
            let events = trace_of(mib << 20);
            let t0 = std::time::Instant::now();
            let mut timeline = Timeline::default();
            for chunk in events.chunks(4096) {
                timeline.extend(chunk);
            }
            let t_timeline = t0.elapsed();
            drop(timeline);
            let t0 = std::time::Instant::now();
            let mut track = Track::default();
            for chunk in events.chunks(4096) {
                track.extend(chunk);
            }
            let t_track = t0.elapsed();
            let cells: usize = track.lanes.iter().map(|l| l.changes.len()).sum();
            println!(
                "{mib} MiB: {} events, {} lanes, {} columns, {} cell changes, {} computed; timeline {:.2} s, track {:.2} s",
                events.len(),
                track.lanes.len(),
                track.columns.len(),
                cells,
                track.cells_computed,
                t_timeline.as_secs_f64(),
                t_track.as_secs_f64()
            );
        }
    }
}
