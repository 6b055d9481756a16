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

/// How many snapshots at the starts of the newest steps a timeline keeps
/// (the newest step's and the one's before it are what a live run shows).
const RECENT: usize = 3;

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
    /// Snapshots every `every` events or more, the first after no event.
    /// A snapshot's big collections are persistent, so a checkpoint shares
    /// what did not change since with the head and the other checkpoints.
    checkpoints: Vec<Kept>,
    /// Events between two checkpoints, at least: a checkpoint of a state
    /// holding many tasks, futures and timers waits for as many events as
    /// a quarter of them. What the head changes after a checkpoint copies
    /// the nodes it touches (the checkpoint keeps the old ones), so memory
    /// stays in proportion to the events (a program starting a task per
    /// step made it grow with the square of its length: issue #21), and
    /// seeking folds at most that many events after copying one.
    every: usize,
    /// Snapshots at the starts of the newest steps (at most [`RECENT`]),
    /// taken as a live run's events arrive:
    /// what the player shows of a live run (the newest step, the step
    /// before it, the newest step's narration) then costs a copy, not a
    /// fold of up to `every` events from the last checkpoint (with 90,000
    /// tasks, tens of thousands of events at each showing).
    recent: Vec<Kept>,
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
            checkpoints: vec![Kept {
                at: 0,
                output: 0,
                state: Snapshot::new(),
            }],
            recent: Vec::new(),
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
        let first = self.trace.events.len();
        reserve_ahead(&mut self.trace.events, new.len(), cap);
        self.trace.events.extend_from_slice(new);
        // Steps are cut from the events alone, before the fold, so that
        // the fold knows where the newest steps start.
        self.steps.truncate(self.complete_steps);
        reserve_ahead(&mut self.steps, new.len() + 1, cap);
        self.cutter.feed(&self.trace.events, &mut self.steps);
        self.complete_steps = self.steps.len();
        self.steps
            .extend(self.cutter.partial(self.trace.events.len()));
        let starts: Vec<usize> = self.steps[self.steps.len().saturating_sub(RECENT)..]
            .iter()
            .map(|s| s.start)
            .filter(|&at| at >= first && at > 0)
            .collect();
        for (i, e) in new.iter().enumerate() {
            if starts.contains(&(first + i)) {
                self.remember(first + i);
            }
            self.head.apply(e);
            let n = first + i + 1;
            let last = self.checkpoints.last().map_or(0, |c| c.at);
            if n - last >= self.every.max(self.head.size() / 4) {
                let kept = self.keep(n);
                self.checkpoints.push(kept);
            }
            each(&self.head, e);
        }
    }

    /// The head (the fold of `at` events) to keep, without its output
    /// (see [`Kept`]) and the fold's note of changed tasks (which only the
    /// head carries on).
    fn keep(&mut self, at: usize) -> Kept {
        let output = std::mem::take(&mut self.head.output);
        let mut state = self.head.clone();
        state.index.changed = None;
        let kept = Kept {
            at,
            output: output.len(),
            state,
        };
        self.head.output = output;
        kept
    }

    /// Keeps the head (the fold of `at` events) among the recent
    /// snapshots, forgetting the oldest past [`RECENT`].
    fn remember(&mut self, at: usize) {
        if self.recent.len() == RECENT {
            self.recent.remove(0);
        }
        let kept = self.keep(at);
        self.recent.push(kept);
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
        if n == self.trace.events.len() {
            let mut s = self.head.clone();
            s.index.changed = None;
            return s;
        }
        let k = self.checkpoints.partition_point(|c| c.at <= n) - 1;
        let base = self
            .recent
            .iter()
            .filter(|r| r.at <= n && r.at > self.checkpoints[k].at)
            .max_by_key(|r| r.at)
            .unwrap_or(&self.checkpoints[k]);
        let mut s = base.state.clone();
        s.output = self.head.output[..base.output].to_vec();
        for e in &self.trace.events[base.at..n] {
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
            Some(step) => narrate(
                self.at_event(step.start),
                &self.trace.events[step.start..step.end],
            ),
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

/// A snapshot a timeline keeps to seek from. Its output is left out: output
/// is only ever appended, so it keeps where the output stood (`output`
/// entries of the head's) rather than a copy of it all (which made a
/// print-heavy program's timeline grow with the square of its output:
/// 212 MB for 20,000 lines).
#[derive(Clone, Debug)]
struct Kept {
    /// How many events are folded into it.
    at: usize,
    /// The length of the output then.
    output: usize,
    /// The state, its output empty.
    state: Snapshot,
}
