//! The live run's driver: the Run button starts a run on the browser's
//! event loop, and [`PlayerState::drive`] advances the engine in short
//! slices and publishes its events into the track as the virtual clock
//! reaches them, at the chosen speed.

use super::engine;
use super::live::{
    next_fuel, next_slice, next_slice_of, show_pause, LiveRun, Progress, INITIAL_FUEL,
    RELEASE_SLICE_MS,
};
use super::player_state::{LiveState, PlayerState, FIRST_ROWS};
use super::track::Track;
use crate::browser::{now_ms, yield_to_page};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::Cell;
use std::rc::Rc;

/// How long a page that draws no animation frames waits to be told of a
/// live run's events, ms.
const FRAME_FALLBACK_MS: u64 = 100;

/// How many of a slice's events a live run fetches (copies) at a time: a
/// slice can record 100,000, and copying them took one task 30 ms
/// (profiled, async_task_memory on a loaded machine).
const FETCH_EVENTS: usize = 20_000;

/// How long a live run's first showing waits for its first print, ms
/// (see [`PlayerState::drive`]).
const FIRST_SHOW_MS: f64 = 100.0;

/// Shows what a live run folded into the track (without telling the
/// panels) once per animation frame.
#[derive(Default)]
struct Shower {
    /// Events were folded since the panels were last told.
    unseen: Cell<bool>,
    /// An animation frame will tell them.
    asked: Cell<bool>,
    /// Events the panels were told of (prints from here on are new: they
    /// play their entrance).
    told: Cell<usize>,
    /// When the panels were last told (`now_ms`), and what it cost: the
    /// time from telling them to the page's next task, the reactive work
    /// it set off included. A costly showing spaces the next ones out
    /// (`show_pause`), so a run with a huge state still moves.
    told_at: Cell<f64>,
    cost: Cell<f64>,
}

impl Shower {
    /// Tells the panels (the track changed; the cursor on its last step)
    /// if something is unseen.
    fn show(self: &Rc<Self>, state: PlayerState) {
        if self.unseen.replace(false) {
            let t0 = now_ms();
            self.told_at.set(t0);
            let me = self.clone();
            set_timeout(
                move || me.cost.set(now_ms() - t0),
                std::time::Duration::ZERO,
            );
            let told = self.told.get();
            let n = state.track.with_untracked(|t| t.events().len());
            state.track.update_untracked(|t| t.fresh_from = told);
            self.told.set(n);
            state.track.notify();
            // (The lists draw twice as many rows at the next showing.)
            state.rows_cap.update(|c| *c = c.saturating_mul(2));
            let n = state.track.with_untracked(|t| t.steps().len());
            state.cursor.set(n.saturating_sub(1));
            state.follow_lines();
        }
    }

    /// Something was folded: tell the panels in the next animation frame.
    ///
    /// A page that draws no frames (an embed scrolled out of view, a
    /// hidden tab: the browser throttles their animation frames) is told
    /// by a timer instead, [`FRAME_FALLBACK_MS`] later, whichever comes
    /// first.
    fn show_next_frame(self: &Rc<Self>, state: PlayerState, gen: u64) {
        self.unseen.set(true);
        if !self.asked.replace(true) {
            let me = self.clone();
            let tell = Rc::new(move || {
                if !me.asked.replace(false) {
                    return; // the other of the two came first
                }
                if state.generation.try_get_untracked() == Some(gen) {
                    me.show(state);
                } else if me.unseen.replace(false) {
                    // Stopped: what was folded is shown, where the cursor
                    // is.
                    let _ = state.track.try_update(|_| ());
                }
            });
            let by_frame = tell.clone();
            let pause = self.told_at.get() + show_pause(self.cost.get()) - now_ms();
            if pause < 1.0 {
                request_animation_frame(move || by_frame());
            } else {
                set_timeout(
                    move || request_animation_frame(move || by_frame()),
                    std::time::Duration::from_millis(pause as u64),
                );
            }
            set_timeout(
                move || tell(),
                std::time::Duration::from_millis(FRAME_FALLBACK_MS + pause.max(0.0) as u64),
            );
        }
    }
}

impl PlayerState {
    /// The Run button: a live run on the browser's event loop.
    pub(super) fn run_live(&self) {
        self.stop_playback();
        self.generation.update(|g| *g += 1);
        self.then.set_value(Vec::new());
        let gen = self.generation.get_untracked();
        self.sync_source();
        self.stale.set(false);
        if let Some(e) = self.runtime_error {
            e.set(None);
        }
        let run = match engine::start_live(
            &self.source.get_untracked(),
            self.limit_scale.get_untracked(),
            self.cpu.get_untracked(),
        ) {
            Ok(run) => run,
            Err(e) => {
                self.error.set(Some(e));
                return;
            }
        };
        self.error.set(None);
        self.ran_with.set(self.cpu.get_untracked());
        self.track.set(Track::default());
        self.cursor.set(0);
        self.line_cursor.set(0);
        self.live.set(LiveState::Running);
        self.rows_cap.set(FIRST_ROWS);
        super::engine::run_started();
        // The marks let the benchmark tell where a cold load's time goes.
        crate::browser::performance_mark("looplab:run");
        let state = *self;
        spawn_local(async move { state.drive(run, gen).await });
    }
    /// Drives a live run: advances the engine in short slices (yielding to
    /// the page between them) and shows its events as the virtual clock
    /// reaches them, waiting real time across every gap at the chosen speed.
    /// After each slice the events it recorded are fetched (a copy: the
    /// session keeps its trace; [`FETCH_EVENTS`] at a time) and shown as
    /// the virtual clock reaches them; the engine runs its next slice once
    /// they are. Pacing follows the events' virtual times, so live and
    /// instant runs show the same trace.
    pub(super) async fn drive(self, mut run: Box<dyn LiveRun>, gen: u64) {
        use gloo_timers::future::TimeoutFuture;
        let mut fuel = INITIAL_FUEL;
        // The events the run recorded that are not folded yet (fetched
        // after each slice, so what the program did is shown while it
        // still runs), the first of them at `head`, and how many were
        // fetched in all.
        let mut fetched: Vec<looplab_engine::trace::Event> = Vec::new();
        let mut head = 0usize;
        let mut fetched_count = 0usize;
        let mut shown_ns = 0u64;
        let mut finished = false;
        let mut wait_until: Option<u64> = None;
        let mut sliced = false;
        // Events folded into the track per task: a slice of engine work
        // can publish far more events than one task may fold (a spinning
        // program: ~100,000 per slice), so the track grows in pieces sized
        // to take about `SLICE_MS` each, the page's work in between.
        let mut fold = 1_000u64;
        let alive = move || self.generation.get_untracked() == gen;
        // The folded events are shown once per animation frame: the page
        // draws at most that often, and every showing costs the panels'
        // work (a live run may fold several pieces between two frames).
        let shower = Rc::new(Shower::default());
        let source = self.source.get_untracked();
        if !engine::compile_library(Some(&source), &alive).await {
            return;
        }
        crate::browser::performance_mark("looplab:run-compiled");
        let started = now_ms();
        let mut first_shown = false;
        loop {
            if !alive() {
                break;
            }
            if self.live.get_untracked() == LiveState::Paused {
                TimeoutFuture::new(50).await;
                continue;
            }
            if head == fetched.len() {
                head = 0;
                // What the last slice recorded, a piece at a time.
                fetched = run.events_since(fetched_count, FETCH_EVENTS);
                if !fetched.is_empty() {
                    fetched_count += fetched.len();
                    continue;
                }
                if finished {
                    break;
                }
                if let Some(t) = wait_until.take() {
                    self.wait_virtual(t.saturating_sub(shown_ns), gen).await;
                    shown_ns = shown_ns.max(t);
                    continue;
                }
                let t0 = now_ms();
                match run.advance(fuel) {
                    Progress::Ready => {}
                    Progress::WaitUntil(t) => wait_until = Some(t),
                    Progress::Finished => finished = true,
                }
                if !sliced {
                    sliced = true;
                    crate::browser::performance_mark("looplab:first-slice");
                }
                // An import of a library module before the bundle arrived:
                // run again from the start once it has (what was shown
                // is shown again); if it cannot come, the run's end says so.
                if finished && run.needs_library() && engine::load_library().await.is_ok() {
                    if alive() {
                        self.run_live();
                    }
                    return;
                }
                fuel = next_fuel(fuel, now_ms() - t0);
                // Its events are fetched after the page has had its turn
                // (no 4 ms timer clamp in between).
                yield_to_page().await;
                continue;
            }
            // Show every event up to the next one in the future.
            let next_ns = fetched[head].time_ns;
            if next_ns > shown_ns {
                if !first_shown {
                    // (The clock moves first: what ran so far is shown.)
                    first_shown = true;
                    shower.show_next_frame(self, gen);
                }
                self.wait_virtual(next_ns - shown_ns, gen).await;
                shown_ns = next_ns;
                continue;
            }
            let due = fetched[head..].partition_point(|e| e.time_ns <= shown_ns);
            let take = due.min(fold as usize);
            let new = &fetched[head..head + take];
            let printed = new
                .iter()
                .any(|e| matches!(e.kind, looplab_engine::trace::EventKind::Print { .. }));
            let t0 = now_ms();
            self.track.update_untracked(|t| t.extend(new));
            head += take;
            // The first showing draws the whole player: it waits for the
            // run's first print (or FIRST_SHOW_MS), so that the first line
            // comes with it, not a showing and a frame later.
            if first_shown || printed || now_ms() - started > FIRST_SHOW_MS {
                first_shown = true;
                shower.show_next_frame(self, gen);
            } else {
                shower.unseen.set(true);
            }
            fold = next_slice(fold, now_ms() - t0, 100, 50_000);
            if take < due || !first_shown {
                // More is due at once: the next piece after the page's turn.
                yield_to_page().await;
            } else {
                // Let the page paint what just happened.
                TimeoutFuture::new(0).await;
            }
        }
        if alive() {
            shower.show(self);
            // The panels draw what was just shown while the run is still
            // live (its last prints play their entrance), then it ends.
            yield_to_page().await;
            if alive() {
                self.live.set(LiveState::Idle);
                self.rows_cap.set(usize::MAX);
            }
        }
        // The run's objects are freed in slices between the page's turns
        // (a run of 90,000 tasks took over a second at once), whatever the
        // learner does meanwhile: a finished run, or one stopped midway
        // (Stop, Run again), which this stops for good.
        {
            let mut budget = 10_000u64;
            loop {
                let t0 = now_ms();
                if run.release(budget) {
                    break;
                }
                budget = next_slice_of(RELEASE_SLICE_MS, budget, now_ms() - t0, 1_000, 100_000_000);
                yield_to_page().await;
            }
        }
    }
    /// Waits the real time that `ns` of virtual time takes at the current
    /// speed (long idle gaps compressed), in short chunks so that Stop and
    /// Pause act at once.
    pub(super) async fn wait_virtual(self, ns: u64, gen: u64) {
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
