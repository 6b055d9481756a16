//! A run cut into steps, with snapshot checkpoints for cheap seeking: the
//! one model of "the trace so far" that both the tests (against CPython)
//! and the app's player use. It can be built at once ([`Timeline::new`])
//! or grown as a live run publishes events ([`Timeline::extend`]); both
//! give the same steps and snapshots, so a step's number is the same
//! however the trace arrived (`#step=N` links rely on it).

use super::{english, narrate, Phrase, Snapshot, Step, StepCutter, StepKind};
use crate::trace::{reserve_ahead, Event, EventKind, Trace, DEFAULT_MAX_EVENTS};

/// Events between two checkpoints when none is asked for.
const DEFAULT_EVERY: usize = 256;

/// Events between two checkpoints of [`Timeline::default`] (the player's
/// choice: seeking folds at most this many events).
const PLAYER_EVERY: usize = 64;

/// A trace with checkpoints, for cheap seeking back and forth.
#[derive(Clone, Debug)]
pub struct Timeline {
    /// The trace so far.
    pub trace: Trace,
    /// The trace cut into steps.
    pub steps: Vec<Step>,
    /// `checkpoints[k]` is the snapshot after `checkpoint_at[k]` events, without
    /// its output: output is only ever appended, so a checkpoint keeps
    /// where it stood (`checkpoint_output[k]` entries of `head.output`)
    /// rather than a copy of all of it (which made a print-heavy
    /// program's timeline grow with the square of its output: 212 MB for
    /// 20,000 lines).
    checkpoints: Vec<Snapshot>,
    /// Length of the output at each checkpoint.
    checkpoint_output: Vec<usize>,
    /// The number of events folded into each checkpoint.
    checkpoint_at: Vec<usize>,
    /// Events between two checkpoints, at least: a checkpoint of a state
    /// holding many tasks, futures and timers waits for as many events as
    /// a quarter of them, so checkpoints cost time and memory in
    /// proportion to the events (a program starting a task per step made
    /// them grow with the square of its length: issue #21), and seeking
    /// folds at most that many events after copying one.
    every: usize,
    /// The fold of every event so far (the next checkpoint is taken from it).
    head: Snapshot,
    /// Where cutting steps stopped (a grown trace is cut from there on).
    cutter: StepCutter,
    /// Number of `steps` that are complete (the one after may grow).
    complete_steps: usize,
}

impl Default for Timeline {
    /// An empty timeline with a checkpoint every 64 events.
    fn default() -> Timeline {
        Timeline::empty(PLAYER_EVERY)
    }
}

impl Timeline {
    /// Builds the checkpoints (one every `every` events; 0 means 256).
    pub fn new(trace: Trace, every: usize) -> Timeline {
        let mut t = Timeline::empty(every);
        t.trace.version = trace.version;
        t.trace.truncated = trace.truncated;
        t.extend(&trace.events);
        t
    }

    /// A timeline with no events yet (one checkpoint every `every` events;
    /// 0 means 256).
    pub fn empty(every: usize) -> Timeline {
        Timeline {
            trace: Trace::new(),
            steps: Vec::new(),
            checkpoints: vec![Snapshot::new()],
            checkpoint_output: vec![0],
            checkpoint_at: vec![0],
            every: if every == 0 { DEFAULT_EVERY } else { every },
            head: Snapshot::new(),
            cutter: StepCutter::default(),
            complete_steps: 0,
        }
    }

    /// Appends events (a live run publishing what happened since last
    /// time). Cutting steps resumes where it stopped (complete steps never
    /// change), and the last, possibly partial, step grows into the step
    /// an instant run has: the cost is the new events', not the trace's.
    pub fn extend(&mut self, new: &[Event]) {
        self.extend_with(new, |_, _| {});
    }

    /// [`Timeline::extend`], calling `each` with every new event and the
    /// fold of the events up to it (what a view derives per event, such as
    /// the player's lanes, sees the state of that moment).
    pub fn extend_with(&mut self, new: &[Event], mut each: impl FnMut(&Snapshot, &Event)) {
        // A live run's trace holds at most the recorder's default cap (and
        // its end): the lists reserve that room once they are long (see
        // `reserve_ahead`; a trace past the cap grows as usual).
        let cap = DEFAULT_MAX_EVENTS + 1;
        for e in new {
            self.head.apply(e);
            reserve_ahead(&mut self.trace.events, 1, cap);
            self.trace.events.push(e.clone());
            let n = self.trace.events.len();
            let last = self.checkpoint_at.last().copied().unwrap_or(0);
            if n - last >= self.every.max(self.head.size() / 4) {
                let output = std::mem::take(&mut self.head.output);
                let mut checkpoint = self.head.clone();
                checkpoint.index.changed = None;
                self.checkpoints.push(checkpoint);
                self.checkpoint_output.push(output.len());
                self.checkpoint_at.push(n);
                self.head.output = output;
            }
            each(&self.head, e);
        }
        self.steps.truncate(self.complete_steps);
        reserve_ahead(&mut self.steps, new.len() + 1, cap);
        self.cutter.feed(&self.trace.events, &mut self.steps);
        self.complete_steps = self.steps.len();
        self.steps
            .extend(self.cutter.partial(self.trace.events.len()));
    }

    /// From now on, note the tasks whose state the fold of the events sets
    /// ([`Snapshot::note_changed_tasks`]), for [`Timeline::take_changed_tasks`].
    pub fn note_changed_tasks(&mut self) {
        self.head.note_changed_tasks();
    }

    /// The tasks whose state was set by the events added since the last
    /// call (once [`Timeline::note_changed_tasks`] was called).
    pub fn take_changed_tasks(&mut self) -> Vec<crate::trace::TaskId> {
        self.head.take_changed_tasks()
    }

    /// The events so far.
    pub fn events(&self) -> &[Event] {
        &self.trace.events
    }

    /// The fold of every event so far.
    pub fn head(&self) -> &Snapshot {
        &self.head
    }

    /// True once the run ended (its last event is `RunEnded`).
    pub fn ended(&self) -> bool {
        self.head.ended.is_some()
    }

    /// The snapshot after the first `n` events (clamped to the trace).
    pub fn at_event(&self, n: usize) -> Snapshot {
        let n = n.min(self.trace.events.len());
        let k = self.checkpoint_at.partition_point(|&at| at <= n) - 1;
        let mut s = self.checkpoints[k].clone();
        s.output = self.head.output[..self.checkpoint_output[k]].to_vec();
        for e in &self.trace.events[self.checkpoint_at[k]..n] {
            s.apply(e);
        }
        s
    }

    /// The snapshot after step `i` (clamped: past the last step, the
    /// snapshot after every event).
    pub fn after_step(&self, i: usize) -> Snapshot {
        match self.steps.get(i) {
            Some(step) => self.at_event(step.end),
            None => self.head.clone(),
        }
    }

    /// The snapshot just before step `i` runs its handle (after the loop's
    /// housekeeping: clock jump, timers moved to the ready queue).
    pub fn before_step(&self, i: usize) -> Snapshot {
        let Some(step) = self.steps.get(i) else {
            return self.at_event(self.trace.events.len());
        };
        let started = self.trace.events[step.start..step.end]
            .iter()
            .position(|e| matches!(e.kind, EventKind::HandleStarted { .. }))
            .map(|p| step.start + p)
            .unwrap_or(step.start);
        self.at_event(started)
    }

    /// What step `i` did, in English (empty past the last step).
    pub fn narrate(&self, i: usize) -> String {
        english(&self.phrases(i))
    }

    /// What step `i` did, as phrases a viewer words in its language (none
    /// past the last step).
    pub fn phrases(&self, i: usize) -> Vec<Phrase> {
        match self.steps.get(i) {
            Some(step) => {
                let before = self.at_event(step.start);
                narrate(&before, &self.trace.events[step.start..step.end])
            }
            None => Vec::new(),
        }
    }

    /// The step that contains event `seq` (the last step past the end).
    pub fn step_of_event(&self, seq: usize) -> usize {
        self.steps
            .partition_point(|s| s.end <= seq)
            .min(self.steps.len().saturating_sub(1))
    }

    /// For a step that ran a handle: how many handle steps came before it
    /// (its line in `tools/cpython_steps.py`'s listing, 0-based).
    ///
    /// Only the steps before the loop's first handle (the setup, program
    /// threads' turns) are not handles, and the teardown after the last:
    /// so the ordinal is the step's index less that prefix, found without
    /// scanning every step (the player asks at every step of a long run).
    pub fn handle_ordinal(&self, step: usize) -> Option<usize> {
        let is_handle = |s: &Step| matches!(s.kind, StepKind::Handle { .. });
        let s = self.steps.get(step)?;
        is_handle(s).then(|| {
            step - self.steps[..step]
                .iter()
                .take_while(|s| !is_handle(s))
                .count()
        })
    }
}
