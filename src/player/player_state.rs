//! The player's state: a `Copy` bundle of signals ([`PlayerState`]) that
//! every panel receives, and what the learner's commands do to it (seek,
//! step, play back, prepare the steps by running the program in slices).
//! The live run's driver is in `driver.rs`; what code outside the player
//! may do is at the end ([`PlayerHandle`]).

use super::cpu_choice::CpuChoice;
use super::engine;
use super::line_steps::{LineStep, StepMode};
use super::live::Speed;
use super::track::{TimelineMode, Track};
use crate::browser::{now_ms, yield_to_page};
use crate::editor::render::Marker;
use leptos::prelude::*;
use leptos::task::spawn_local;
use looplab_engine::snapshot::Snapshot;
use looplab_engine::trace::Event;
use std::sync::Arc;

/// A value shared by reference between memos: equal only to itself, so a
/// memo holding it never compares whole snapshots.
#[derive(Clone, Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Where a live run is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LiveState {
    /// No live run going on (never started, finished or stopped).
    Idle,
    /// Running the program to its end, in slices, for its steps (the
    /// learner stepped before pressing Run, or a `#step=N` link opened):
    /// the controls wait, Stop cancels.
    Preparing,
    /// The engine is being driven.
    Running,
    /// Paused by the learner mid-run: the trace so far is navigable.
    Paused,
}

/// Something to do with the trace once it is there.
type Then = Box<dyn FnOnce(PlayerState)>;

/// The player's state: a `Copy` bundle of signals, passed to each panel.
#[derive(Clone, Copy)]
pub struct PlayerState {
    /// The program (the one that ran, or will run next).
    pub(super) source: RwSignal<String>,
    /// The editor's code, when the program is editable: runs take it.
    pub(super) edited: Option<Signal<String>>,
    /// Where the editor should mark the last run's uncaught exception.
    pub(super) runtime_error: Option<RwSignal<Option<Marker>>>,
    /// Limits of the next run, as a multiple of the defaults (raised by
    /// "run with a higher limit").
    pub(super) limit_scale: RwSignal<u64>,
    /// The run so far (or the finished run).
    pub(super) track: RwSignal<Track>,
    /// The step shown (index into `track.steps`).
    pub(super) cursor: RwSignal<usize>,
    /// Speed of live runs and playback.
    pub(super) speed: RwSignal<Speed>,
    /// Playing back a recorded trace step by step.
    pub(super) playing: RwSignal<bool>,
    /// Live run state.
    pub(super) live: RwSignal<LiveState>,
    /// Why the program could not run, if it could not.
    pub(super) error: RwSignal<Option<String>>,
    /// A line the learner asked to see (clicked in the console).
    pub(super) focus_line: RwSignal<Option<u32>>,
    /// Bumped to cancel a running live loop, a preparation or playback.
    pub(super) generation: RwSignal<u64>,
    /// What to do once the preparation in progress has the trace (seek to
    /// a step, play, export), in the order asked.
    pub(super) then: StoredValue<Vec<Then>, LocalStorage>,
    /// The snapshot after the current step.
    pub(super) snap: Memo<Shared<Snapshot>>,
    /// The state one step before the one shown (the line step before in
    /// line mode), for what changed: one memo for every panel that marks
    /// changes (each fold of a big state costs as much as the state).
    before: Memo<Shared<Snapshot>>,
    /// Each of `asyncio.run`'s clean-up tasks in a lane of its own (else
    /// they share one faint lane).
    pub(super) show_internal: RwSignal<bool>,
    /// How the timeline lays out its columns: a column per step, or by
    /// virtual time.
    pub(super) timeline_mode: RwSignal<TimelineMode>,
    /// The code was edited after a run: the run shown is gone, and the
    /// player says to run again.
    pub(super) stale: RwSignal<bool>,
    /// The clock of the next run: computing takes no time, or the CPU
    /// model (the toggle `cpu-model`).
    pub(super) cpu: RwSignal<CpuChoice>,
    /// The clock of the run shown (what the model note and the GIL and
    /// cores indicators follow).
    pub(super) ran_with: RwSignal<CpuChoice>,
    /// How far a step goes: a loop handle, or a line of the program.
    pub(super) mode: RwSignal<StepMode>,
    /// The line step shown in line mode (index into `track.lines()`);
    /// `cursor` is then the event step holding it.
    pub(super) line_cursor: RwSignal<usize>,
    /// The task the learner selected (clicked in a lane, a queue item or
    /// the frames panel), by name: a task's name (`Task-2`, or its
    /// `name=`) is the same when the same program runs again, so the
    /// selection survives Run again (a name no task of the run has selects
    /// nothing). Tasks sharing a name are selected together.
    pub(super) selected_task: RwSignal<Option<String>>,
    /// How many rows each list draws at most right now (besides its own
    /// cap): a live run's first showings draw a few and twice as many at
    /// each showing, so a run that starts hundreds of tasks at once does
    /// not draw every panel's full lists in one frame (that frame was a
    /// long task: issue #21); unlimited otherwise.
    pub(super) rows_cap: RwSignal<usize>,
}

/// The rows a list draws at a live run's first showing ([`PlayerState::rows_cap`]).
pub(super) const FIRST_ROWS: usize = 2;

impl PlayerState {
    pub(super) fn new(
        source: String,
        edited: Option<Signal<String>>,
        runtime_error: Option<RwSignal<Option<Marker>>>,
        cpu: CpuChoice,
    ) -> PlayerState {
        let track = RwSignal::new(Track::default());
        let cursor = RwSignal::new(0usize);
        let mode = RwSignal::new(StepMode::default());
        let line_cursor = RwSignal::new(0usize);
        // In line mode, the state at the line event shown (the engine's
        // checkpoints fold at most 64 events to reach it, as for a step).
        let snap = Memo::new(move |_| {
            Shared(Arc::new(track.with(|t| {
                match (mode.get(), t.lines().steps.get(line_cursor.get())) {
                    (StepMode::Line, Some(l)) => t.at_event(l.event + 1),
                    _ => t.after_step(cursor.get()),
                }
            })))
        });
        let before = Memo::new(move |_| {
            Shared(Arc::new(track.with(|t| {
                let k = line_cursor.get();
                match (mode.get(), t.lines().steps.get(k)) {
                    (StepMode::Line, Some(_)) => match k.checked_sub(1) {
                        Some(p) => t.at_event(t.lines().steps[p].event + 1),
                        None => Snapshot::default(),
                    },
                    _ => match cursor.get().checked_sub(1) {
                        Some(p) => t.after_step(p),
                        None => Snapshot::default(),
                    },
                }
            })))
        });
        PlayerState {
            source: RwSignal::new(source),
            edited,
            runtime_error,
            limit_scale: RwSignal::new(1),
            track,
            cursor,
            speed: RwSignal::new(Speed::default()),
            playing: RwSignal::new(false),
            live: RwSignal::new(LiveState::Idle),
            error: RwSignal::new(None),
            focus_line: RwSignal::new(None),
            generation: RwSignal::new(0),
            then: StoredValue::new_local(Vec::new()),
            snap,
            before,
            show_internal: RwSignal::new(false),
            timeline_mode: RwSignal::new(TimelineMode::default()),
            stale: RwSignal::new(false),
            cpu: RwSignal::new(cpu),
            ran_with: RwSignal::new(cpu),
            mode,
            line_cursor,
            selected_task: RwSignal::new(None),
            rows_cap: RwSignal::new(usize::MAX),
        }
    }

    /// Selects the task named `name`, or clears the selection when it is
    /// the one selected (a second click).
    pub(super) fn toggle_task(&self, name: &str) {
        if name.is_empty() {
            return;
        }
        let again = self
            .selected_task
            .with_untracked(|s| s.as_deref() == Some(name));
        self.selected_task.set((!again).then(|| name.to_string()));
    }

    /// Whether the task named `name` is the one selected (tracked).
    pub(super) fn is_selected(&self, name: &str) -> bool {
        !name.is_empty() && self.selected_task.with(|s| s.as_deref() == Some(name))
    }

    /// Takes the editor's code as the program to run.
    pub(super) fn sync_source(&self) {
        if let Some(edited) = self.edited {
            let code = edited.get_untracked();
            if self.source.with_untracked(|s| *s != code) {
                self.source.set(code);
            }
        }
    }

    /// Forgets the run (the code changed under it) and says so.
    pub(super) fn discard(&self) {
        self.stale.set(true);
        self.generation.update(|g| *g += 1);
        self.then.set_value(Vec::new());
        self.playing.set(false);
        self.live.set(LiveState::Idle);
        self.error.set(None);
        self.track.set(Track::default());
        self.cursor.set(0);
        self.line_cursor.set(0);
        if let Some(e) = self.runtime_error {
            e.set(None);
        }
    }

    pub(super) fn step_count(&self) -> usize {
        self.track.with(|t| t.steps().len())
    }

    /// Moves to step `i` (clamped). Nothing to do before the first run.
    /// In line mode, to the line step that shows it (its first line, or
    /// the last line before it when it ran none).
    pub(super) fn seek(&self, i: usize) {
        let n = self.step_count();
        if n == 0 {
            return;
        }
        let i = i.min(n - 1);
        if self.line_mode() {
            let k = self.track.with_untracked(|t| {
                (!t.lines().is_empty()).then(|| t.lines().line_of_step(&t.steps()[i]))
            });
            if let Some(k) = k {
                return self.seek_line(k);
            }
        }
        self.cursor.set(i);
    }

    /// Line mode with line steps to show (a run that recorded lines).
    pub(super) fn line_mode(&self) -> bool {
        self.mode.get_untracked() == StepMode::Line
            && self.track.with_untracked(|t| !t.lines().is_empty())
    }

    /// Number of line steps of the run.
    pub(super) fn line_count(&self) -> usize {
        self.track.with(|t| t.lines().len())
    }

    /// Moves to line step `k` (clamped), and the event cursor to the step
    /// holding it.
    pub(super) fn seek_line(&self, k: usize) {
        let Some((k, step)) = self.track.with_untracked(|t| {
            let n = t.lines().len();
            (n > 0).then(|| {
                let k = k.min(n - 1);
                (k, t.step_of_event(t.lines().steps[k].event))
            })
        }) else {
            return;
        };
        self.line_cursor.set(k);
        self.cursor.set(step);
    }

    /// The line step shown, in line mode (tracked).
    pub(super) fn shown_line(&self) -> Option<LineStep> {
        if self.mode.get() != StepMode::Line {
            return None;
        }
        let k = self.line_cursor.get();
        self.track.with(|t| t.lines().steps.get(k).cloned())
    }

    /// The task the shown moment runs, if one does: the line step's in
    /// line mode, else the step's (tracked).
    pub(super) fn running_task(&self) -> Option<looplab_engine::trace::TaskId> {
        if let Some(l) = self.shown_line() {
            return l.task;
        }
        let c = self.cursor.get();
        self.track
            .with(|t| t.columns.get(c).and_then(|col| col.task))
    }

    /// The state one step before the one shown (the line step before in
    /// line mode), for what changed (tracked).
    pub(super) fn snapshot_before(&self) -> Arc<Snapshot> {
        self.before.get().0
    }

    /// Switches the step mode, keeping the moment shown: into line mode,
    /// the first line of the step shown; back, the step of the line.
    pub(super) fn set_mode(&self, mode: StepMode) {
        if self.mode.get_untracked() == mode {
            return;
        }
        self.stop_playback();
        self.mode.set(mode);
        if mode == StepMode::Line && self.step_count() > 0 {
            self.seek(self.cursor.get_untracked());
        }
    }

    /// Shows step `n` of the current mode (a line step in line mode).
    pub(super) fn seek_in_mode(&self, n: usize) {
        if self.line_mode() {
            self.seek_line(n);
        } else {
            self.seek(n);
        }
    }

    /// During a live run in line mode: shows the last line recorded.
    pub(super) fn follow_lines(&self) {
        if self.mode.get_untracked() == StepMode::Line {
            let n = self.track.with_untracked(|t| t.lines().len());
            if n > 0 {
                self.line_cursor.set(n - 1);
            }
        }
    }

    pub(super) fn stop_playback(&self) {
        if self.playing.get_untracked() {
            self.playing.set(false);
            self.generation.update(|g| *g += 1);
        }
    }

    pub(super) fn preparing(&self) -> bool {
        self.live.get_untracked() == LiveState::Preparing
    }

    /// Calls `then` with a trace to step through: at once if there is one;
    /// else once [`PlayerState::prepare`] has run the program (queued after
    /// what an ongoing preparation already has to do). Never during a live
    /// run that has not published its steps yet.
    pub(super) fn with_trace(&self, then: impl FnOnce(PlayerState) + 'static) {
        if self.track.with_untracked(|t| !t.events().is_empty()) {
            return then(*self);
        }
        match self.live.get_untracked() {
            LiveState::Idle => self.prepare(Box::new(then)),
            LiveState::Preparing => self.then.update_value(|q| q.push(Box::new(then))),
            LiveState::Running | LiveState::Paused => {}
        }
    }

    /// Runs the program to its end in slices, without waiting virtual time
    /// (the engine's pausable session, the page's other work in between),
    /// shows the first step, then does `then`. The controls show that it
    /// is preparing; Stop, an edit, Run or leaving the page cancel it.
    pub(super) fn prepare(&self, then: Then) {
        self.sync_source();
        self.stale.set(false);
        self.generation.update(|g| *g += 1);
        let gen = self.generation.get_untracked();
        self.then.set_value(vec![then]);
        self.error.set(None);
        self.live.set(LiveState::Preparing);
        super::engine::run_started();
        let state = *self;
        let source = self.source.get_untracked();
        let scale = self.limit_scale.get_untracked();
        let cpu = self.cpu.get_untracked();
        self.ran_with.set(cpu);
        spawn_local(async move {
            let alive = move || state.generation.try_get_untracked() == Some(gen);
            let Some(outcome) = engine::run_sliced(&source, scale, cpu, alive).await else {
                return;
            };
            let Some(track) = track_in_slices(outcome.trace.events, alive).await else {
                return;
            };
            state.live.set(LiveState::Idle);
            state.track.set(track);
            state.cursor.set(0);
            state.line_cursor.set(0);
            let then = state.then.try_update_value(std::mem::take);
            for f in then.unwrap_or_default() {
                f(state);
            }
        });
    }

    pub(super) fn step_by(&self, delta: isize) {
        self.stop_playback();
        if self.preparing() {
            return;
        }
        self.with_trace(move |s| {
            if s.line_mode() {
                let k = s.line_cursor.get_untracked() as isize + delta;
                return s.seek_line(k.max(0) as usize);
            }
            let c = s.cursor.get_untracked() as isize + delta;
            s.seek(c.max(0) as usize);
        });
    }

    pub(super) fn first(&self) {
        self.stop_playback();
        if !self.preparing() {
            self.with_trace(|s| s.seek_in_mode(0));
        }
    }

    pub(super) fn last(&self) {
        self.stop_playback();
        if !self.preparing() {
            self.with_trace(|s| s.seek_in_mode(usize::MAX));
        }
    }

    /// Space / the play button: pauses or resumes a live run, or plays the
    /// recorded trace from the current step.
    pub(super) fn toggle_play(&self) {
        match self.live.get_untracked() {
            LiveState::Running => return self.live.set(LiveState::Paused),
            LiveState::Paused => return self.live.set(LiveState::Running),
            LiveState::Preparing => return,
            LiveState::Idle => {}
        }
        if self.playing.get_untracked() {
            return self.stop_playback();
        }
        self.with_trace(|s| s.start_playback());
    }

    /// Plays the recorded trace from the current step (from the first if
    /// at the last).
    pub(super) fn start_playback(&self) {
        let n = self.step_count();
        if n == 0 {
            return;
        }
        if self.line_mode() {
            if self.line_cursor.get_untracked() + 1
                >= self.track.with_untracked(|t| t.lines().len())
            {
                self.seek_line(0);
            }
        } else if self.cursor.get_untracked() + 1 >= n {
            self.cursor.set(0);
        }
        self.playing.set(true);
        self.generation.update(|g| *g += 1);
        let gen = self.generation.get_untracked();
        let state = *self;
        spawn_local(async move {
            loop {
                let lines = state.line_mode();
                let (gap, more) = state.track.with_untracked(|t| {
                    if lines {
                        // One line after another, at the pace of steps
                        // that take no time.
                        return (0, state.line_cursor.get_untracked() + 1 < t.lines().len());
                    }
                    let c = state.cursor.get_untracked();
                    match (t.columns.get(c), t.columns.get(c + 1)) {
                        (Some(a), Some(b)) => (b.time_ns.saturating_sub(a.time_ns), true),
                        _ => (0, false),
                    }
                });
                if !more {
                    break;
                }
                let ms = state.speed.get_untracked().step_ms(gap);
                gloo_timers::future::TimeoutFuture::new(ms).await;
                if state.generation.get_untracked() != gen {
                    return;
                }
                if lines {
                    state.seek_line(state.line_cursor.get_untracked() + 1);
                } else {
                    state.seek(state.cursor.get_untracked() + 1);
                }
            }
            if state.generation.get_untracked() == gen {
                state.playing.set(false);
            }
        });
    }

    /// The Stop button (also cancels a preparation).
    pub(super) fn stop(&self) {
        self.generation.update(|g| *g += 1);
        self.then.set_value(Vec::new());
        self.playing.set(false);
        self.live.set(LiveState::Idle);
        self.rows_cap.set(usize::MAX);
    }
}
/// The track of a whole trace, built in slices of about
/// [`SLICE_MS`](super::live::SLICE_MS) with the page's work in between (a
/// long trace's steps, checkpoints and columns take longer than a task
/// may), as a live run builds it; `None` once `alive` turns false.
async fn track_in_slices(events: Vec<Event>, alive: impl Fn() -> bool) -> Option<Track> {
    use super::live::next_slice;
    let mut track = Track::default();
    let mut start = 0;
    let mut chunk = 1_000u64;
    loop {
        if !alive() {
            return None;
        }
        let end = (start + chunk as usize).min(events.len());
        let t0 = now_ms();
        track.extend(&events[start..end]);
        let took = now_ms() - t0;
        start = end;
        if start >= events.len() {
            return Some(track);
        }
        chunk = next_slice(chunk, took, 100, 50_000);
        yield_to_page().await;
    }
}

/// A slot other components hold to reach a [`Player`]'s state (the embed's
/// `postMessage` commands, Share, Export). `None` until the player mounts.
pub type PlayerHandle = RwSignal<Option<PlayerState>>;

/// What code outside the player may do with it.
impl PlayerState {
    /// The program in the player.
    pub(crate) fn program(&self) -> String {
        // The editor's code when the program is editable (what Share should
        // link to), else the program loaded in the player.
        match self.edited {
            Some(edited) => edited.get_untracked(),
            None => self.source.get_untracked(),
        }
    }

    /// Reads the run so far (empty before the first run).
    pub(crate) fn with_track<R>(&self, f: impl FnOnce(&Track) -> R) -> R {
        self.track.with_untracked(f)
    }

    /// Calls `then` with the finished run: at once, or once the program
    /// has run in slices if it never ran (for exports).
    pub(crate) fn when_run(&self, then: impl FnOnce(PlayerState) + 'static) {
        self.with_trace(then)
    }

    /// Play: starts a live run if nothing ran yet, else resumes a paused
    /// run or plays the recorded steps. Does nothing when already playing.
    pub(crate) fn play(&self) {
        let playing = self.playing.get_untracked();
        match self.live.get_untracked() {
            LiveState::Running => {}
            LiveState::Paused => self.live.set(LiveState::Running),
            LiveState::Preparing => self.then.update_value(|q| q.push(Box::new(|s| s.play()))),
            LiveState::Idle if self.step_count() == 0 => self.run_live(),
            LiveState::Idle if !playing => self.toggle_play(),
            LiveState::Idle => {}
        }
    }

    /// Pause: pauses a live run or playback; does nothing otherwise.
    pub(crate) fn pause(&self) {
        match self.live.get_untracked() {
            LiveState::Running => self.live.set(LiveState::Paused),
            // A play queued behind the preparation is undone in turn.
            LiveState::Preparing => self.then.update_value(|q| q.push(Box::new(|s| s.pause()))),
            _ => {}
        }
        self.stop_playback();
    }

    /// Shows step `n` (clamped), running the program first (in slices)
    /// if needed. Ignored during a live run, whose steps are still arriving.
    pub(crate) fn step_to(&self, n: usize) {
        if self.live.get_untracked() == LiveState::Running {
            return;
        }
        self.stop_playback();
        self.with_trace(move |s| s.seek(n));
    }

    /// The clock the next run uses (the CPU model on or off, its cores);
    /// tracked, so a view reading it follows the toggle.
    pub(crate) fn cpu_choice(&self) -> CpuChoice {
        self.cpu.get()
    }

    /// Sets the speed of live runs and playback.
    pub(crate) fn set_speed(&self, speed: Speed) {
        self.speed.set(speed);
    }
}
