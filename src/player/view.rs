//! The player's components. Each panel renders the snapshot of the current
//! step (or the [`Track`]'s precomputed geometry); none of them works out
//! what the loop did.

use super::engine;
use super::live::{next_fuel, LiveRun, Progress, Speed, INITIAL_FUEL};
use super::track::{skipped_label, Cell, LaneOwner, Track};
use leptos::prelude::*;
use leptos::task::spawn_local;
use looplab_engine::parse::highlight::{highlight, TokenClass};
use looplab_engine::snapshot::{Snapshot, TaskState};
use looplab_engine::trace::{format_secs, Action, Event, RunEnding, TaskId};
use std::sync::Arc;

/// Width of one step's column on the timeline, in px.
const COL_W: usize = 44;
/// Height of one lane, in px.
const LANE_H: usize = 28;
/// Height of the ruler above the lanes, in px.
const RULER_H: usize = 24;
/// The timeline renders columns in pages of this many; three pages around
/// the cursor are in the DOM at a time (virtualisation).
const PAGE: usize = 100;
/// At most this many console lines are in the DOM (the latest ones).
const CONSOLE_MAX: usize = 60;
/// The URL's `#step=N` follows the cursor once it has stayed this long on
/// a step, in ms...
const URL_DELAY_MS: f64 = 150.0;
/// ...or, while it keeps moving (holding an arrow key, playback), at most
/// this long after the last write.
const URL_MAX_MS: f64 = 1000.0;

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
    source: RwSignal<String>,
    /// The editor's code, when the program is editable: runs take it.
    edited: Option<Signal<String>>,
    /// Where the editor should mark the last run's uncaught exception.
    runtime_error: Option<RwSignal<Option<crate::editor::Marker>>>,
    /// Limits of the next run, as a multiple of the defaults (raised by
    /// "run with a higher limit").
    limit_scale: RwSignal<u64>,
    /// The run so far (or the finished run).
    track: RwSignal<Track>,
    /// The step shown (index into `track.steps`).
    cursor: RwSignal<usize>,
    /// Speed of live runs and playback.
    speed: RwSignal<Speed>,
    /// Playing back a recorded trace step by step.
    playing: RwSignal<bool>,
    /// Live run state.
    live: RwSignal<LiveState>,
    /// Why the program could not run, if it could not.
    error: RwSignal<Option<String>>,
    /// A line the learner asked to see (clicked in the console).
    focus_line: RwSignal<Option<u32>>,
    /// Bumped to cancel a running live loop, a preparation or playback.
    generation: RwSignal<u64>,
    /// What to do once the preparation in progress has the trace (seek to
    /// a step, play, export), in the order asked.
    then: StoredValue<Vec<Then>, LocalStorage>,
    /// The snapshot after the current step.
    snap: Memo<Shared<Snapshot>>,
}

impl PlayerState {
    fn new(
        source: String,
        edited: Option<Signal<String>>,
        runtime_error: Option<RwSignal<Option<crate::editor::Marker>>>,
    ) -> PlayerState {
        let track = RwSignal::new(Track::default());
        let cursor = RwSignal::new(0usize);
        let snap = Memo::new(move |_| Shared(Arc::new(track.with(|t| t.after_step(cursor.get())))));
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
        }
    }

    /// Takes the editor's code as the program to run.
    fn sync_source(&self) {
        if let Some(edited) = self.edited {
            let code = edited.get_untracked();
            if self.source.with_untracked(|s| *s != code) {
                self.source.set(code);
            }
        }
    }

    /// Forgets the run (the code changed under it).
    fn discard(&self) {
        self.generation.update(|g| *g += 1);
        self.then.set_value(Vec::new());
        self.playing.set(false);
        self.live.set(LiveState::Idle);
        self.error.set(None);
        self.track.set(Track::default());
        self.cursor.set(0);
        if let Some(e) = self.runtime_error {
            e.set(None);
        }
    }

    fn step_count(&self) -> usize {
        self.track.with(|t| t.steps.len())
    }

    /// Moves to step `i` (clamped). Nothing to do before the first run.
    fn seek(&self, i: usize) {
        let n = self.step_count();
        if n == 0 {
            return;
        }
        let i = i.min(n - 1);
        self.cursor.set(i);
    }

    fn stop_playback(&self) {
        if self.playing.get_untracked() {
            self.playing.set(false);
            self.generation.update(|g| *g += 1);
        }
    }

    fn preparing(&self) -> bool {
        self.live.get_untracked() == LiveState::Preparing
    }

    /// Calls `then` with a trace to step through: at once if there is one;
    /// else once [`PlayerState::prepare`] has run the program (queued after
    /// what an ongoing preparation already has to do). Never during a live
    /// run that has not published its steps yet.
    fn with_trace(&self, then: impl FnOnce(PlayerState) + 'static) {
        if self.track.with_untracked(|t| !t.events.is_empty()) {
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
    fn prepare(&self, then: Then) {
        self.sync_source();
        self.generation.update(|g| *g += 1);
        let gen = self.generation.get_untracked();
        self.then.set_value(vec![then]);
        self.error.set(None);
        self.live.set(LiveState::Preparing);
        let state = *self;
        let source = self.source.get_untracked();
        let scale = self.limit_scale.get_untracked();
        spawn_local(async move {
            let alive = move || state.generation.try_get_untracked() == Some(gen);
            let Some(outcome) = engine::run_sliced(&source, scale, alive).await else {
                return;
            };
            let Some(track) = track_in_slices(outcome.trace.events, alive).await else {
                return;
            };
            state.live.set(LiveState::Idle);
            state.track.set(track);
            state.cursor.set(0);
            let then = state.then.try_update_value(std::mem::take);
            for f in then.unwrap_or_default() {
                f(state);
            }
        });
    }

    fn step_by(&self, delta: isize) {
        self.stop_playback();
        if self.preparing() {
            return;
        }
        self.with_trace(move |s| {
            let c = s.cursor.get_untracked() as isize + delta;
            s.seek(c.max(0) as usize);
        });
    }

    fn first(&self) {
        self.stop_playback();
        if !self.preparing() {
            self.with_trace(|s| s.seek(0));
        }
    }

    fn last(&self) {
        self.stop_playback();
        if !self.preparing() {
            self.with_trace(|s| s.seek(usize::MAX));
        }
    }

    /// Space / the play button: pauses or resumes a live run, or plays the
    /// recorded trace from the current step.
    fn toggle_play(&self) {
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
    fn start_playback(&self) {
        let n = self.step_count();
        if n == 0 {
            return;
        }
        if self.cursor.get_untracked() + 1 >= n {
            self.cursor.set(0);
        }
        self.playing.set(true);
        self.generation.update(|g| *g += 1);
        let gen = self.generation.get_untracked();
        let state = *self;
        spawn_local(async move {
            loop {
                let (gap, more) = state.track.with_untracked(|t| {
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
                state.seek(state.cursor.get_untracked() + 1);
            }
            if state.generation.get_untracked() == gen {
                state.playing.set(false);
            }
        });
    }

    /// The Run button: a live run on the browser's event loop.
    fn run_live(&self) {
        self.stop_playback();
        self.generation.update(|g| *g += 1);
        self.then.set_value(Vec::new());
        let gen = self.generation.get_untracked();
        self.sync_source();
        if let Some(e) = self.runtime_error {
            e.set(None);
        }
        let run = match engine::start_live(
            &self.source.get_untracked(),
            self.limit_scale.get_untracked(),
        ) {
            Ok(run) => run,
            Err(e) => {
                self.error.set(Some(e));
                return;
            }
        };
        self.error.set(None);
        self.track.set(Track::default());
        self.cursor.set(0);
        self.live.set(LiveState::Running);
        let state = *self;
        spawn_local(async move { state.drive(run, gen).await });
    }

    /// The Stop button (also cancels a preparation).
    fn stop(&self) {
        self.generation.update(|g| *g += 1);
        self.then.set_value(Vec::new());
        self.playing.set(false);
        self.live.set(LiveState::Idle);
    }

    /// Drives a live run: advances the engine in short slices (yielding to
    /// the page between them) and shows its events as the virtual clock
    /// reaches them, waiting real time across every gap at the chosen speed.
    /// The engine may run ahead of what is shown; pacing follows the
    /// events' virtual times, so live and instant runs show the same trace.
    async fn drive(self, mut run: Box<dyn LiveRun>, gen: u64) {
        use gloo_timers::future::TimeoutFuture;
        let mut fuel = INITIAL_FUEL;
        let mut shown = 0usize;
        let mut shown_ns = 0u64;
        let mut finished = false;
        let mut wait_until: Option<u64> = None;
        let alive = move || self.generation.get_untracked() == gen;
        if !engine::compile_library(&alive).await {
            return;
        }
        loop {
            if !alive() {
                return;
            }
            if self.live.get_untracked() == LiveState::Paused {
                TimeoutFuture::new(50).await;
                continue;
            }
            let available = run.events().len();
            if shown == available {
                if finished {
                    break;
                }
                if let Some(t) = wait_until.take() {
                    self.wait_virtual(t.saturating_sub(shown_ns), gen).await;
                    shown_ns = shown_ns.max(t);
                    continue;
                }
                let t0 = super::now_ms();
                match run.advance(fuel) {
                    Progress::Ready => {}
                    Progress::WaitUntil(t) => wait_until = Some(t),
                    Progress::Finished => finished = true,
                }
                fuel = next_fuel(fuel, super::now_ms() - t0);
                // The next slice as soon as the page has had its turn (no
                // 4 ms timer clamp between slices).
                crate::browser::yield_to_page().await;
                continue;
            }
            // Show every event up to the next one in the future.
            let events = run.events();
            let next_ns = events[shown].time_ns;
            if next_ns > shown_ns {
                self.wait_virtual(next_ns - shown_ns, gen).await;
                shown_ns = next_ns;
                continue;
            }
            let end = shown + events[shown..].partition_point(|e| e.time_ns <= shown_ns);
            let new = &events[shown..end];
            self.track.update(|t| t.extend(new));
            shown = end;
            self.cursor.set(self.step_count().saturating_sub(1));
            // Let the page paint what just happened.
            TimeoutFuture::new(0).await;
        }
        if alive() {
            self.live.set(LiveState::Idle);
        }
    }

    /// Waits the real time that `ns` of virtual time takes at the current
    /// speed (long idle gaps compressed), in short chunks so that Stop and
    /// Pause act at once.
    async fn wait_virtual(self, ns: u64, gen: u64) {
        let mut left = self.speed.get_untracked().real_ms(ns);
        while left > 0 && self.generation.get_untracked() == gen {
            let chunk = left.min(50);
            gloo_timers::future::TimeoutFuture::new(chunk).await;
            if self.live.get_untracked() != LiveState::Paused {
                left -= chunk;
            }
        }
    }
}

/// The player for one program.
#[component]
pub fn Player(
    /// The program's source.
    source: String,
    /// Open on this step (from the URL's `#step=N`): runs the program at
    /// once, without waiting virtual time (in short slices).
    #[prop(optional)]
    start_step: Option<usize>,
    /// Filled with the player's state, for the embed's commands and the
    /// share and export tools (see [`PlayerHandle`]).
    #[prop(optional)]
    handle: Option<PlayerHandle>,
    /// The editor's code, when the program is editable: Run takes it, and
    /// an edit discards the run shown.
    #[prop(optional, into)]
    edited: Option<Signal<String>>,
    /// Bumped by the editor's Ctrl+Enter: a live run of the edited code.
    #[prop(optional, into)]
    run_requests: Option<Signal<u64>>,
    /// Receives where an uncaught exception happened, for the editor.
    #[prop(optional)]
    runtime_error: Option<RwSignal<Option<crate::editor::Marker>>>,
) -> impl IntoView {
    let state = PlayerState::new(source, edited, runtime_error);
    if let Some(handle) = handle {
        handle.set(Some(state));
    }
    if let Some(edited) = edited {
        Effect::new(move |prev: Option<()>| {
            edited.with(|_| ());
            let stale = state.track.with_untracked(|t| !t.steps.is_empty())
                || state.live.get_untracked() != LiveState::Idle;
            if prev.is_some() && stale {
                state.discard();
            }
        });
    }
    if let Some(requests) = run_requests {
        Effect::new(move |prev: Option<()>| {
            requests.with(|_| ());
            if prev.is_some() {
                state.run_live();
            }
        });
    }
    if let Some(target) = runtime_error {
        // The uncaught exception of a finished run, located in the code.
        Effect::new(move |_| {
            let marker = state.track.with(|t| {
                let head = t.head();
                if !matches!(head.ended, Some(RunEnding::Uncaught { .. })) {
                    return None;
                }
                let traceback: String = head
                    .output
                    .iter()
                    .filter(|o| o.stderr)
                    .map(|o| o.text.as_str())
                    .collect();
                state.source.with_untracked(|src| {
                    crate::editor::render::traceback_marker(src, &traceback, engine::FILENAME)
                })
            });
            if target.get_untracked() != marker {
                target.set(marker);
            }
        });
    }
    if let Some(step) = start_step {
        state.with_trace(move |s| s.seek(step));
    }
    // The step in the URL, so a link opens on this moment. Written when the
    // cursor rests (or every URL_MAX_MS while it moves): `history.replaceState`
    // costs milliseconds (a step's whole budget, measured in the step
    // benchmark), and Chromium throttles pages that call it hundreds of
    // times in a few seconds (holding an arrow key does).
    let url = StoredValue::new(UrlSync::default());
    Effect::new(move |prev: Option<()>| {
        let _ = state.cursor.get();
        let n = state.track.with(|t| t.steps.len());
        if n > 0 && (prev.is_some() || start_step.is_some()) {
            let now = super::now_ms();
            let schedule = url
                .try_update_value(|u| {
                    u.moved = now;
                    !std::mem::replace(&mut u.pending, true)
                })
                .unwrap_or(false);
            if schedule {
                url_sync_later(state, url, URL_DELAY_MS);
            }
        }
    });
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if super::typing_in_a_field(&ev) {
            return;
        }
        let handled = match ev.key().as_str() {
            "ArrowLeft" => {
                state.step_by(-1);
                true
            }
            "ArrowRight" => {
                state.step_by(1);
                true
            }
            "Home" => {
                state.first();
                true
            }
            "End" => {
                state.last();
                true
            }
            " " if !super::on_a_button(&ev) => {
                state.toggle_play();
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    });
    on_cleanup(move || {
        keys.remove();
        state.generation.update_untracked(|g| *g += 1);
    });
    // The timeline and the panels are built in a task of their own, after
    // the rest of the page: a page load's first task (instantiating the
    // wasm, building the page, compiling on first call every function that
    // takes) stays short. No paint comes in between.
    let panels = RwSignal::new(false);
    spawn_local(async move {
        crate::browser::yield_to_page().await;
        panels.try_set(true);
    });
    let panels = move || {
        panels.get().then(|| {
            view! {
                <Timeline state=state/>
                <div class="player-panels">
                    <div class="player-left">
                        <CodePanel state=state/>
                        <Console state=state/>
                    </div>
                    <LoopPanel state=state/>
                </div>
            }
        })
    };
    view! {
        <section class="player" data-testid="player" aria-label="Player"
            class:live=move || state.live.get() != LiveState::Idle
            data-live=move || format!("{:?}", state.live.get()).to_lowercase()
            data-step=move || state.cursor.get()
            data-events=move || state.track.with(|t| t.events.len())
            data-handle=move || {
                let c = state.cursor.get();
                state.track.with(|t| t.handle_ordinal(c)).map(|h| h.to_string())
            }>
            <Controls state=state/>
            <p class="player-narration" data-testid="narration" aria-live="polite">
                {move || narration(state)}
            </p>
            {move || state.error.get().map(|e| view! { <p class="player-error" role="alert">{e}</p> })}
            {panels}
        </section>
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
        let t0 = super::now_ms();
        track.extend(&events[start..end]);
        let took = super::now_ms() - t0;
        start = end;
        if start >= events.len() {
            return Some(track);
        }
        chunk = next_slice(chunk, took, 100, 50_000);
        crate::browser::yield_to_page().await;
    }
}

/// When the URL's `#step=N` was last brought up to date.
#[derive(Clone, Copy, Debug, Default)]
struct UrlSync {
    /// A check is scheduled.
    pending: bool,
    /// When the cursor last moved (`performance.now()`, ms).
    moved: f64,
    /// When the URL was last written.
    written: f64,
}

/// In `ms`, writes the cursor into the URL if it has rested since
/// [`URL_DELAY_MS`] or the URL is [`URL_MAX_MS`] old; else checks again
/// once it may have rested.
fn url_sync_later(state: PlayerState, url: StoredValue<UrlSync>, ms: f64) {
    set_timeout(
        move || {
            let now = super::now_ms();
            // The player may be gone (a lesson change) by now.
            let (Some(u), Some(c)) = (url.try_get_value(), state.cursor.try_get_untracked()) else {
                return;
            };
            let rested = now - u.moved;
            if rested >= URL_DELAY_MS - 1.0 || now - u.written >= URL_MAX_MS {
                url.set_value(UrlSync {
                    pending: false,
                    written: now,
                    ..u
                });
                super::set_step_in_url(Some(c));
            } else {
                url_sync_later(state, url, URL_DELAY_MS - rested);
            }
        },
        std::time::Duration::from_millis(ms.max(1.0) as u64),
    );
}

fn narration(state: PlayerState) -> String {
    if state.live.get() == LiveState::Preparing {
        return "Running the program to record its steps… (Stop cancels.)".into();
    }
    let c = state.cursor.get();
    state.track.with(|t| {
        if t.steps.is_empty() {
            "Press Run to watch the program, or step through it with the arrows.".into()
        } else {
            t.narrate(c)
        }
    })
}

#[component]
fn Controls(state: PlayerState) -> impl IntoView {
    let n = move || state.track.with(|t| t.steps.len());
    let running = move || state.live.get() != LiveState::Idle;
    // While the program runs for its steps, stepping waits (the buttons
    // keep the focus: aria-disabled, and their handlers ignore presses).
    let preparing = move || state.live.get() == LiveState::Preparing;
    let waits = move || preparing().then_some("true");
    let play_label = move || match (state.live.get(), state.playing.get()) {
        (LiveState::Running, _) | (_, true) => "❚❚ Pause",
        _ => "▶ Play",
    };
    let speeds = Speed::ALL
        .iter()
        .map(|s| view! { <option value=s.label()>{s.label()}</option> })
        .collect_view();
    view! {
        <div class="player-controls" role="toolbar" aria-label="Run and step">
            <button class="primary" data-testid="run" on:click=move |_| state.run_live()
                disabled=running>"Run"</button>
            <button data-testid="stop" on:click=move |_| state.stop()
                disabled=move || !running()>"Stop"</button>
            <span class="player-sep" aria-hidden="true"></span>
            <button data-testid="step-first" aria-disabled=waits aria-label="First step" title="First step (Home)"
                on:click=move |_| state.first()>"|◀"</button>
            <button data-testid="step-back" aria-disabled=waits aria-label="Step back" title="Step back (←)"
                on:click=move |_| state.step_by(-1)>"◀"</button>
            <button data-testid="play-pause" aria-disabled=waits title="Play or pause (Space)"
                on:click=move |_| state.toggle_play()>{play_label}</button>
            <button data-testid="step-forward" aria-disabled=waits aria-label="Step forward" title="Step forward (→)"
                on:click=move |_| state.step_by(1)>"▶"</button>
            <button data-testid="step-last" aria-disabled=waits aria-label="Last step" title="Last step (End)"
                on:click=move |_| state.last()>"▶|"</button>
            <label class="player-speed">"Speed "
                <select data-testid="speed" prop:value=move || state.speed.get().label()
                    on:change=move |ev| {
                        if let Some(s) = Speed::parse(&event_target_value(&ev)) {
                            state.speed.set(s);
                        }
                    }>{speeds}</select>
            </label>
            <input type="range" class="player-scrubber" data-testid="scrubber" aria-label="Step"
                min="0" max=move || n().saturating_sub(1).to_string()
                prop:value=move || state.cursor.get().to_string()
                disabled=move || n() == 0
                on:input=move |ev| {
                    state.stop_playback();
                    if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                        state.seek(i);
                    }
                }/>
            <span class="player-step" class:preparing=preparing data-testid="step-status"
                aria-live="off">{move || match n() {
                _ if preparing() => "preparing the steps…".to_string(),
                0 => "no steps yet".to_string(),
                n => format!("step {} / {}", state.cursor.get() + 1, n),
            }}</span>
        </div>
    }
}

/// The code with syntax colouring, the running task's line highlighted and
/// every suspended task's line marked in its colour.
#[component]
fn CodePanel(state: PlayerState) -> impl IntoView {
    let marks = code_marks(state);
    let rows = move || code_rows(state, marks);
    view! {
        <pre class="code player-code" data-testid="code" tabindex="0" aria-label="Program"><code>{rows}</code></pre>
    }
}

type Marks = Memo<(Option<u32>, Vec<(u32, usize, String)>)>;

/// Marks of the current step: (running line, parked tasks as (line, lane
/// colour, name)).
fn code_marks(state: PlayerState) -> Marks {
    Memo::new(move |_| {
        let snap = state.snap.get();
        let c = state.cursor.get();
        state.track.with(|t| {
            let ran = t.columns.get(c).and_then(|col| col.task);
            let mut current = None;
            let mut parked = Vec::new();
            for task in snap.0.tasks.values() {
                let Some(lane) = t.task_lane(task.id) else {
                    continue;
                };
                if Some(task.id) == ran {
                    current = Some(task.line);
                } else if matches!(task.state, TaskState::Waiting { .. }) && task.line > 0 {
                    parked.push((task.line, t.lanes[lane].colour, task.name.clone()));
                }
            }
            (current, parked)
        })
    })
}

/// One row per line of the program, with its marks.
fn code_rows(state: PlayerState, marks: Marks) -> impl IntoView {
    let lines = state.source.with(|s| highlighted_lines(s));
    lines
        .into_iter()
        .enumerate()
        .map(|(i, segments)| {
            let no = i as u32 + 1;
            let is_current = move || marks.with(|m| m.0 == Some(no));
            let focused = move || state.focus_line.get() == Some(no);
            let dots = move || {
                marks.with(|m| {
                    m.1.iter()
                        .filter(|p| p.0 == no)
                        .map(|(_, colour, name)| {
                            view! {
                                <span class=format!("park task-c{}", colour % 8)
                                    title=format!("{name} is parked here")>{name.clone()}</span>
                            }
                        })
                        .collect_view()
                })
            };
            let segs = segments
                .into_iter()
                .map(|(class, text)| match class {
                    Some(c) => view! { <span class=c>{text}</span> }.into_any(),
                    None => text.into_any(),
                })
                .collect_view();
            view! {
                <span class="code-line" class:current=is_current class:focused=focused
                    data-line=no aria-current=move || is_current().then_some("step")>
                    <span class="line-no" aria-hidden="true">{no}</span>
                    <span class="line-text">{segs}</span>
                    <span class="parks">{dots}</span>
                    "\n"
                </span>
            }
        })
        .collect_view()
}

/// Splits `source` into lines of (css class, text) segments using the
/// engine's highlighter.
fn highlighted_lines(source: &str) -> Vec<Vec<(Option<&'static str>, String)>> {
    let source = source.trim_end_matches('\n');
    let mut lines: Vec<Vec<(Option<&'static str>, String)>> = vec![Vec::new()];
    let mut push = |class: Option<&'static str>, text: &str| {
        for (k, piece) in text.split('\n').enumerate() {
            if k > 0 {
                lines.push(Vec::new());
            }
            if !piece.is_empty() {
                if let Some(line) = lines.last_mut() {
                    line.push((class, piece.to_string()));
                }
            }
        }
    };
    let mut pos = 0;
    for (span, class) in highlight(source) {
        let (start, end) = (span.start as usize, span.end as usize);
        if start < pos || end > source.len() || !source.is_char_boundary(start) {
            continue;
        }
        push(None, &source[pos..start]);
        push(Some(token_class(class)), &source[start..end]);
        pos = end;
    }
    push(None, &source[pos..]);
    lines
}

fn token_class(c: TokenClass) -> &'static str {
    match c {
        TokenClass::Keyword => "hl-kw",
        TokenClass::Builtin => "hl-builtin",
        TokenClass::Name => "hl-name",
        TokenClass::String | TokenClass::FString => "hl-str",
        TokenClass::Number => "hl-num",
        TokenClass::Comment => "hl-comment",
        TokenClass::Operator => "hl-op",
        TokenClass::Punctuation => "hl-punct",
        TokenClass::Decorator => "hl-deco",
    }
}

/// The timeline: lanes, bars, print tokens, the ruler and the cursor.
#[component]
fn Timeline(state: PlayerState) -> impl IntoView {
    let scroller = NodeRef::<leptos::html::Div>::new();
    let window_start = Memo::new(move |_| (state.cursor.get() / PAGE).saturating_sub(1) * PAGE);
    let labels = move || {
        state.track.with(|t| {
            t.lanes
                .iter()
                .map(|l| {
                    let kind = match l.owner {
                        LaneOwner::Task(_) => "task",
                        LaneOwner::Thread(_) => "thread",
                    };
                    view! {
                        <div class=format!("lane-label task-c{}", l.colour % 8) data-kind=kind
                            style:height=format!("{LANE_H}px")>{l.name.clone()}</div>
                    }
                })
                .collect_view()
        })
    };
    let marks = move || {
        let start = window_start.get();
        state
            .track
            .with(|t| timeline_marks(t, start, start + 3 * PAGE))
    };
    let tokens = move || {
        let start = window_start.get();
        state
            .track
            .with(|t| timeline_tokens(t, start, start + 3 * PAGE))
    };
    let width = move || format!("{}px", state.track.with(|t| t.columns.len()).max(1) * COL_W);
    let height = move || {
        format!(
            "{}px",
            RULER_H + state.track.with(|t| t.lanes.len()).max(1) * LANE_H
        )
    };
    // Keep the cursor in view. Reading `scrollLeft` right after the DOM
    // changed would force a layout in the middle of the update (the
    // biggest cost of a step on a long trace); in an animation frame the
    // layout is the one the frame needs anyway. One frame per burst.
    let scroll_pending = StoredValue::new(false);
    Effect::new(move |_| {
        let _ = state.cursor.get();
        if scroll_pending.get_value() {
            return;
        }
        scroll_pending.set_value(true);
        request_animation_frame(move || {
            scroll_pending.set_value(false);
            let (Some(c), Some(el)) = (state.cursor.try_get_untracked(), scroller.get_untracked())
            else {
                return;
            };
            let x = (c * COL_W) as i32;
            let left = el.scroll_left();
            let w = el.client_width();
            if x < left || x + COL_W as i32 > left + w {
                el.set_scroll_left((x - w / 2).max(0));
            }
        });
    });
    view! {
        <div class="timeline" data-testid="timeline" role="region" aria-label="Timeline: one lane per task">
            <div class="lane-labels" style:padding-top=format!("{RULER_H}px")>{labels}</div>
            <div class="timeline-scroll" node_ref=scroller tabindex="0" role="group" aria-label="Timeline steps">
                <div class="timeline-inner" style:width=width style:height=height>
                    <For each=marks key=Mark::clone children=move |m| mark_view(m, state)/>
                    <For each=tokens key=Mark::clone children=move |m| mark_view(m, state)/>
                    <div class="timeline-future" aria-hidden="true"
                        style:left=move || format!("{}px", (state.cursor.get() + 1) * COL_W)></div>
                    <div class="timeline-cursor" aria-hidden="true"
                        style:left=move || format!("{}px", state.cursor.get() * COL_W)></div>
                </div>
            </div>
        </div>
    }
}

/// One element of the timeline, also its key: when the cursor or a live
/// run's new events change the window, elements that stay the same keep
/// their DOM node (and a print token its entrance animation, which only
/// new tokens of a live run play).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Mark {
    /// The clock jumped during a step.
    Jump {
        /// The step's column.
        col: usize,
        /// Virtual time before the jump (ns).
        from: u64,
        /// Virtual time after the jump (ns).
        to: u64,
        /// "⏩ N s skipped" for a compressed idle gap.
        label: Option<String>,
    },
    /// The clock's value above the first step at a new time.
    Time {
        /// The step's column.
        col: usize,
        /// The clock after the step (ns).
        time_ns: u64,
    },
    /// The loop's thread was blocked during a step.
    Blocked {
        /// The step's column.
        col: usize,
    },
    /// A run of equal cells in a lane.
    Bar {
        /// CSS classes of the cell kind ("bar waiting").
        class: &'static str,
        /// Palette index of the lane.
        colour: usize,
        /// The lane's index.
        lane: usize,
        /// First column.
        from: usize,
        /// Column after the last.
        to: usize,
    },
    /// A print.
    Token {
        /// Event index of the print (its identity).
        seq: usize,
        /// The step that printed it (clicking the token seeks there).
        step: usize,
        /// Palette index of the printing lane.
        colour: usize,
        /// The printing task's name (`data-task`).
        task: String,
        /// One line of the printed text.
        text: String,
        /// Written to stderr.
        stderr: bool,
        /// Pixels from the top (lane and stacking of prints in one step).
        top: usize,
    },
}

/// The marks of columns `[start, end)` of the timeline.
fn timeline_marks(t: &Track, start: usize, end: usize) -> Vec<Mark> {
    let end = end.min(t.columns.len());
    let mut marks = Vec::new();
    // Ruler: time labels where the clock moved, jump marks, blocked bands.
    let mut last_time = if start == 0 {
        None
    } else {
        t.columns.get(start - 1).map(|c| c.time_ns)
    };
    for i in start..end {
        let col = &t.columns[i];
        if let Some((from, to)) = col.jump {
            marks.push(Mark::Jump {
                col: i,
                from,
                to,
                label: skipped_label(from, to),
            });
        }
        if last_time != Some(col.time_ns) {
            marks.push(Mark::Time {
                col: i,
                time_ns: col.time_ns,
            });
            last_time = Some(col.time_ns);
        }
        if col.blocked {
            marks.push(Mark::Blocked { col: i });
        }
    }
    // Bars: one per run of equal cells in a lane (running slices apart).
    for (lane_i, lane) in t.lanes.iter().enumerate() {
        let mut i = start;
        while i < end {
            let cell = cell_at(t, i, lane_i);
            let mut j = i + 1;
            if cell != Cell::Running {
                while j < end && cell_at(t, j, lane_i) == cell {
                    j += 1;
                }
            }
            let class = match cell {
                Cell::Empty => None,
                Cell::Running => Some("bar running"),
                Cell::Ready => Some("bar ready"),
                Cell::Waiting => Some("bar waiting"),
            };
            if let Some(class) = class {
                marks.push(Mark::Bar {
                    class,
                    colour: lane.colour % 8,
                    lane: lane_i,
                    from: i,
                    to: j,
                });
            }
            i = j;
        }
    }
    marks
}

/// The print tokens of columns `[start, end)` of the timeline, in output
/// order (apart from the other marks: during a live run they are only
/// appended, so their DOM nodes never move, which would replay an
/// animation).
fn timeline_tokens(t: &Track, start: usize, end: usize) -> Vec<Mark> {
    let mut marks = Vec::new();
    let first = t.tokens.partition_point(|k| k.step < start);
    let mut stack = (usize::MAX, usize::MAX, 0usize);
    for k in t.tokens[first..].iter().take_while(|k| k.step < end) {
        let lane = k.lane.unwrap_or(0);
        let depth = if (stack.0, stack.1) == (k.step, lane) {
            stack.2 + 1
        } else {
            0
        };
        stack = (k.step, lane, depth);
        let colour = k.lane.map(|l| t.lanes[l].colour % 8).unwrap_or(0);
        let task = k
            .lane
            .map(|l| match t.lanes[l].owner {
                LaneOwner::Task(id) => t
                    .head()
                    .tasks
                    .get(&id)
                    .map(|v| v.name.clone())
                    .unwrap_or_default(),
                LaneOwner::Thread(id) => format!("thread {id}"),
            })
            .unwrap_or_default();
        marks.push(Mark::Token {
            seq: k.seq,
            step: k.step,
            colour,
            task,
            text: k.text.clone(),
            stderr: k.stderr,
            top: RULER_H + lane * LANE_H + 3 + depth.min(3) * 4,
        });
    }
    marks
}

/// The DOM of one [`Mark`].
fn mark_view(mark: Mark, state: PlayerState) -> AnyView {
    match mark {
        Mark::Jump {
            col,
            from,
            to,
            label,
        } => {
            let class = if label.is_some() {
                "clock-jump skipped"
            } else {
                "clock-jump"
            };
            view! {
                <div class=class style:left=format!("{}px", col * COL_W)
                    title=format!("clock jumps from t={} to t={}", format_secs(from), format_secs(to))>
                    {label.unwrap_or_else(|| "⤳".into())}
                </div>
            }
            .into_any()
        }
        Mark::Time { col, time_ns } => view! {
            <div class="ruler-time" style:left=format!("{}px", col * COL_W)>{format!("t={}", format_secs(time_ns))}</div>
        }
        .into_any(),
        Mark::Blocked { col } => view! {
            <div class="blocked-band" style:left=format!("{}px", col * COL_W) title="the loop was blocked: nothing else could run"></div>
        }
        .into_any(),
        Mark::Bar {
            class,
            colour,
            lane,
            from,
            to,
        } => view! {
            <div class=format!("{class} task-c{colour}")
                style:left=format!("{}px", from * COL_W)
                style:top=format!("{}px", RULER_H + lane * LANE_H)
                style:width=format!("{}px", (to - from) * COL_W)></div>
        }
        .into_any(),
        Mark::Token {
            seq,
            step,
            colour,
            task,
            text,
            stderr,
            top,
        } => {
            // Only a print that a live run just published plays the
            // entrance animation, once (a node moved in the DOM would play
            // it again); a token drawn again (the window moved, the page
            // was rebuilt) appears as it is.
            let fresh = RwSignal::new(
                state.live.get_untracked() != LiveState::Idle
                    && state.track.with_untracked(|t| seq >= t.fresh_from),
            );
            view! {
                <button class=format!("timeline-token task-c{colour}") class:stderr=stderr
                    class:fresh=move || fresh.get()
                    on:animationend=move |_| fresh.set(false)
                    data-testid="timeline-token" data-task=task data-step=step
                    title=text.clone() aria-label=format!("{}, step {}", text, step + 1)
                    style:left=format!("{}px", step * COL_W + 2)
                    style:top=format!("{top}px")
                    on:click=move |_| { state.stop_playback(); state.seek(step); }>
                    {text.clone()}
                </button>
            }
            .into_any()
        }
    }
}

fn cell_at(t: &Track, col: usize, lane: usize) -> Cell {
    t.columns[col]
        .cells
        .get(lane)
        .copied()
        .unwrap_or(Cell::Empty)
}

/// What a ready handle will do: the task it steps (if any), the notation
/// of `tools/cpython_steps.py` ("step Task-2", "wakeup Task-2", "call
/// on_done", "cancelled"), and the text shown.
fn describe_action(s: &Snapshot, action: &Action, cancelled: bool) -> (String, String, String) {
    let name = |t: &TaskId| s.tasks.get(t).map(|v| v.name.clone()).unwrap_or_default();
    let (task, what, extra) = match action {
        Action::TaskStep { task, throw } => (
            name(task),
            format!("step {}", name(task)),
            throw.as_ref().map(|e| format!(" (throws {e} into it)")),
        ),
        Action::TaskWakeup { task, fut } => (
            name(task),
            format!("wakeup {}", name(task)),
            Some(match s.tasks.get(fut) {
                Some(t) => format!(" (task {} is done)", t.name),
                None => format!(" (future #{fut} is done)"),
            }),
        ),
        Action::Callback { func, .. } => (String::new(), format!("call {func}"), None),
        Action::JobDone { job, .. } => (
            String::new(),
            "call _chain_future".into(),
            Some(format!(" (worker job #{job} is done)")),
        ),
        Action::StopLoop { .. } => (
            String::new(),
            "call _run_until_complete_cb".into(),
            Some(" (stops the loop)".into()),
        ),
    };
    if cancelled {
        return (
            task,
            "cancelled".into(),
            format!("{what} (cancelled: skipped)"),
        );
    }
    let text = format!("{what}{}", extra.unwrap_or_default());
    (task, what, text)
}

/// One row of a list in the loop panel, which is also its key: a row whose
/// text changes is a new row.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
struct Row {
    /// The handle, task or thread the row is about (rows with the same
    /// text stay apart).
    key: u64,
    /// The task's name (`data-task`), if the row is about a task.
    task: String,
    /// The `tools/cpython_steps.py` notation (`data-what`) of a ready handle.
    what: String,
    /// The text shown.
    text: String,
    /// Palette index of the task's lane.
    colour: usize,
    /// A finished task failed.
    flag: bool,
}

/// The event loop: running task, ready queue, waiting list, timers,
/// threads, finished tasks, clock.
#[component]
fn LoopPanel(state: PlayerState) -> impl IntoView {
    let snap = move || state.snap.get().0;
    let colour_of = move |task: TaskId| {
        state.track.with(|t| {
            t.task_lane(task)
                .map(|l| t.lanes[l].colour % 8)
                .unwrap_or(0)
        })
    };
    let running = move || {
        let s = snap();
        let c = state.cursor.get();
        let task = state
            .track
            .with(|t| t.columns.get(c).and_then(|col| col.task));
        match task.and_then(|id| s.tasks.get(&id)) {
            Some(t) => view! {
                <span class=format!("chip task-c{}", colour_of(t.id)) data-task=t.name.clone()>
                    {format!("{} {}()", t.name, t.coro)}
                </span>
                <span class="muted">{format!(" ran this step; now {}", s.task_status(t.id))}</span>
            }
            .into_any(),
            None => view! { <span class="muted">"no task ran this step"</span> }.into_any(),
        }
    };
    // Each list is keyed by its rows' content: a step usually moves one
    // handle out of the ready queue and another in, and only those rows
    // change in the DOM.
    let ready = move || {
        let s = snap();
        s.ready
            .iter()
            .map(|r| {
                let (task, what, text) = describe_action(&s, &r.action, r.cancelled);
                let colour = match &r.action {
                    Action::TaskStep { task, .. } | Action::TaskWakeup { task, .. } => {
                        colour_of(*task)
                    }
                    _ => 0,
                };
                Row {
                    key: r.handle as u64,
                    task,
                    what,
                    text,
                    colour,
                    flag: false,
                }
            })
            .collect::<Vec<_>>()
    };
    let waiting = move || {
        let s = snap();
        s.tasks
            .values()
            .filter_map(|t| match &t.state {
                TaskState::Waiting { on } => Some(Row {
                    key: t.id as u64,
                    task: t.name.clone(),
                    what: String::new(),
                    text: s.describe_waiting(on),
                    colour: colour_of(t.id),
                    flag: false,
                }),
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    let timers = move || {
        let s = snap();
        s.timers
            .iter()
            .map(|tm| {
                let (_, _, what) = describe_action(&s, &tm.action, tm.cancelled);
                Row {
                    key: tm.handle as u64,
                    text: format!("t={}: {what}", format_secs(tm.when_ns)),
                    ..Row::default()
                }
            })
            .collect::<Vec<_>>()
    };
    let threads = move || {
        let s = snap();
        s.threads
            .values()
            .map(|l| {
                let job = l.job.and_then(|j| s.jobs.get(&j)).map(|j| j.func.clone());
                let text = match (job, l.parked_until) {
                    (Some(f), Some(t)) => format!(
                        "thread {}: {f}(), in time.sleep until t={}",
                        l.id,
                        format_secs(t)
                    ),
                    (Some(f), None) => format!("thread {}: running {f}()", l.id),
                    (None, _) => format!("thread {}: idle", l.id),
                };
                Row {
                    key: l.id as u64,
                    text,
                    ..Row::default()
                }
            })
            .collect::<Vec<_>>()
    };
    let finished = move || {
        let s = snap();
        s.tasks
            .values()
            .filter(|t| {
                matches!(
                    t.state,
                    TaskState::Done { .. } | TaskState::Failed { .. } | TaskState::Cancelled
                )
            })
            .map(|t| Row {
                key: t.id as u64,
                task: t.name.clone(),
                text: s.task_status(t.id),
                flag: matches!(t.state, TaskState::Failed { .. }),
                ..Row::default()
            })
            .collect::<Vec<_>>()
    };
    let has = move |f: fn(&Snapshot) -> bool| move || f(&snap());
    view! {
        <aside class="loop-panel" aria-label="Event loop">
            <h2>"Event loop"</h2>
            <p class="clock" data-testid="clock">{move || format!("clock t = {} s", format_secs(snap().time_ns))}</p>
            <h3>"Running"</h3>
            <p data-testid="running-task" class="running-task">{running}</p>
            <h3>"Ready queue " <span class="muted">"(front first)"</span></h3>
            <ol class="queue" data-testid="ready-queue">
                <For each=ready key=Row::clone let:r>
                    <li data-testid="ready-item" data-task=r.task data-what=r.what
                        class=format!("task-c{}", r.colour)>{r.text}</li>
                </For>
            </ol>
            <Show when=has(|s| s.ready.is_empty())><p class="muted empty">"empty"</p></Show>
            <h3>"Waiting"</h3>
            <ul class="queue" data-testid="waiting-list">
                <For each=waiting key=Row::clone let:r>
                    <li data-testid="waiting-item" data-task=r.task.clone() class=format!("task-c{}", r.colour)>
                        <strong>{r.task.clone()}</strong>" waits for "<span class="reason">{r.text}</span>
                    </li>
                </For>
            </ul>
            <h3>"Timers"</h3>
            <ul class="queue" data-testid="timers">
                <For each=timers key=Row::clone let:r>
                    <li data-testid="timer-item">{r.text}</li>
                </For>
            </ul>
            <Show when=has(|s| !s.threads.is_empty())>
                <h3>"Worker threads"</h3>
                <ul class="queue" data-testid="threads">
                    <For each=threads key=Row::clone let:r>
                        <li data-testid="thread-item">{r.text}</li>
                    </For>
                </ul>
            </Show>
            <h3>"Finished"</h3>
            <ul class="queue" data-testid="finished">
                <For each=finished key=Row::clone let:r>
                    <li data-testid="finished-item" data-task=r.task.clone() class:failed=r.flag>
                        <strong>{r.task.clone()}</strong>" "{r.text}
                    </li>
                </For>
            </ul>
        </aside>
    }
}

/// Output so far; the current step's lines highlighted; warnings and errors
/// styled apart and linked to their line.
#[component]
fn Console(state: PlayerState) -> impl IntoView {
    // The output chunks the current step printed.
    let current = Memo::new(move |_| {
        let c = state.cursor.get();
        state.track.with(|t| {
            let a = t.tokens.partition_point(|k| k.step < c);
            let b = t.tokens.partition_point(|k| k.step <= c);
            match (
                t.tokens.get(a),
                b.checked_sub(1).and_then(|b| t.tokens.get(b)),
            ) {
                (Some(first), Some(last)) if a < b => first.chunk..last.chunk + 1,
                _ => 0..0,
            }
        })
    });
    let skipped = move || {
        state
            .snap
            .with(|s| s.0.output.len().saturating_sub(CONSOLE_MAX))
    };
    // Keyed rows: a step adds or removes a line or two, the rest stay.
    let rows = move || {
        state.snap.with(|s| {
            s.0.output
                .iter()
                .enumerate()
                .skip(skipped())
                .map(|(i, o)| ConsoleRow {
                    index: i,
                    text: o.text.trim_end_matches('\n').to_string(),
                    stderr: o.stderr,
                    line: o.line,
                })
                .collect::<Vec<_>>()
        })
    };
    let row = move |r: ConsoleRow| {
        let (i, line) = (r.index, r.line);
        let link = line_link(state, line);
        view! {
            <div class="console-line" class:current=move || current.with(|r| r.contains(&i))
                class:stderr=r.stderr>
                <span class="console-text">{r.text}</span>{link}
            </div>
        }
    };
    let more = move || {
        let skip = skipped();
        (skip > 0).then(|| {
            view! { <div class="console-more muted">{format!("… {skip} earlier lines")}</div> }
        })
    };
    let tail = move || {
        let s = state.snap.get().0;
        let mut out = Vec::new();
        for w in &s.warnings {
            out.push(
                view! {
                    <div class="console-line warning" role="note" data-testid="console-warning"
                        data-line=(w.line > 0).then_some(w.line)>
                        <span class="console-text">{format!("⚠ {}", w.text)}</span>
                        {line_link(state, w.line)}
                    </div>
                }
                .into_any(),
            );
        }
        let mut continue_after_limit = false;
        if let Some(end) = &s.ended {
            let (class, text) = match end {
                RunEnding::Completed => ("console-end", "— program finished —".to_string()),
                RunEnding::Uncaught { last_line } => ("console-end error", last_line.clone()),
                RunEnding::Hang => (
                    "console-end error",
                    "the program hangs: nothing can ever happen again".into(),
                ),
                RunEnding::Limit { which, message } => {
                    out.push(limit_view(state, which, message).into_any());
                    continue_after_limit = true;
                    ("", String::new())
                }
                RunEnding::SyntaxError { message } => {
                    ("console-end error", format!("SyntaxError: {message}"))
                }
            };
            if !continue_after_limit {
                out.push(view! { <div class=class>{text}</div> }.into_any());
            }
        }
        out
    };
    view! {
        <section class="console" aria-label="Console">
            <h2>"Console"</h2>
            <div class="console-body" data-testid="console" tabindex="0" role="log">
                {more}
                <For each=rows key=ConsoleRow::clone children=row/>
                {tail}
            </div>
        </section>
    }
}

/// The `L12` button of a console line that shows line 12 of the program
/// (nothing for line 0, unknown).
fn line_link(state: PlayerState, line: u32) -> Option<impl IntoView> {
    (line > 0).then(|| {
        view! {
            <button class="line-link" data-testid="line-link"
                aria-label=format!("L{line}: show line {line} of the program")
                on:click=move |_| state.focus_line.set(Some(line))>{format!("L{line}")}</button>
        }
    })
}

/// One line of the console, also its key (the chunk's index and content).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct ConsoleRow {
    /// Index of the chunk in the snapshot's output.
    index: usize,
    /// The text, without its final newline.
    text: String,
    /// Written to stderr.
    stderr: bool,
    /// The program line that wrote it (0: unknown).
    line: u32,
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

    /// Sets the speed of live runs and playback.
    pub(crate) fn set_speed(&self, speed: Speed) {
        self.speed.set(speed);
    }
}

/// A run stopped by a limit: which one, and a button that runs again with
/// the limits raised tenfold (up to [`engine::MAX_LIMIT_SCALE`]).
fn limit_view(state: PlayerState, which: &str, message: &str) -> impl IntoView {
    let scale = state.limit_scale.get_untracked();
    let next = scale.saturating_mul(10);
    let can_raise = next <= engine::MAX_LIMIT_SCALE && which != "internal";
    let which = which.to_string();
    view! {
        <div class="console-end error limit" data-testid="limit-message" data-limit=which.clone()>
            <strong>{format!("Stopped by the {which} limit. ")}</strong>{message.to_string()}
            {can_raise.then(|| view! {
                <button class="raise-limit" data-testid="raise-limit" on:click=move |_| {
                    state.limit_scale.set(next);
                    state.run_live();
                }>{format!("Run with a {next}× higher limit")}</button>
            })}
        </div>
    }
}
