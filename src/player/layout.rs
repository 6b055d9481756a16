//! The [`Player`] component: builds the state, ties it to the editor (an
//! edit discards the run; Ctrl+Enter runs; an uncaught exception is marked
//! in the code), binds the keys and the URL's step, and lays the panels
//! out. Each panel is in its own file.

use super::code_panel::{self, CodePanel};
use super::console::Console;
use super::controls::{bind_keys, Controls};
use super::cpu_choice::CpuChoice;
use super::engine;
use super::frames_panel::FramesPanel;
use super::loop_panel::LoopPanel;
use super::model_note::ModelNote;
use super::narration::Narration;
use super::player_state::{LiveState, PlayerHandle, PlayerState};
use super::step_url;
use super::timeline_panel::TimelinePanel;
use crate::editor::render::{traceback_marker, Marker, RunMarks};
use leptos::prelude::*;
use leptos::task::spawn_local;
use looplab_engine::trace::RunEnding;

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
    runtime_error: Option<RwSignal<Option<Marker>>>,
    /// The code panel, when the editor is it (lessons, the playground):
    /// shown where the player's own code panel would be, and given the
    /// run's marks through `code_marks`.
    #[prop(optional, into)]
    code_view: Option<ViewFn>,
    /// Receives the run's marks at the step shown, for the editor.
    #[prop(optional)]
    code_marks: Option<RwSignal<RunMarks>>,
    /// Show each of asyncio's internal tasks in its own lane at first
    /// (the playground); else they share one faint lane (lessons).
    #[prop(optional)]
    internal_tasks: bool,
    /// The clock of the first run: the CPU model on (a lesson snippet
    /// marked `cpu`, an embed's `cpu=model`, a share link's) or off.
    #[prop(optional)]
    cpu: CpuChoice,
    /// Drawn into an element that is not in the page (the warm-up,
    /// `warm_up.rs`): it neither follows the URL nor takes the keys.
    #[prop(optional)]
    offscreen: bool,
) -> impl IntoView {
    let state = PlayerState::new(source, edited, runtime_error, cpu);
    state.show_internal.set(internal_tasks);
    // Stepping by line when the URL says so (`mode=line`: a link, or the
    // page rendered again in another language).
    state.mode.set(step_url::mode_in_url());
    if let Some(target) = code_marks {
        let marks = code_panel::code_marks(state);
        Effect::new(move |_| {
            let (current, parks) = marks.get();
            let next = RunMarks {
                current,
                parks,
                focused: state.focus_line.get(),
            };
            if target.with_untracked(|m| *m != next) {
                target.set(next);
            }
        });
    }
    if let Some(handle) = handle {
        handle.set(Some(state));
    }
    if let Some(edited) = edited {
        discard_on_edit(state, edited);
    }
    discard_on_clock_change(state);
    forget_focus_on_step(state);
    if let Some(requests) = run_requests {
        Effect::new(move |prev: Option<()>| {
            requests.with(|_| ());
            if prev.is_some() {
                state.run_live();
            }
        });
    }
    if let Some(target) = runtime_error {
        mark_uncaught_exception(state, target);
    }
    if let Some(step) = start_step {
        state.with_trace(move |s| s.seek_in_mode(step));
    }
    let keys = (!offscreen).then(|| {
        step_url::follow_cursor(state, start_step.is_some());
        step_url::follow_mode(state);
        bind_keys(state)
    });
    on_cleanup(move || {
        if let Some(keys) = keys {
            keys.remove();
        }
        state.generation.update_untracked(|g| *g += 1);
    });
    view! {
        <section class="player" data-testid="player" aria-label=crate::i18n::ui().player
            class:live=move || state.live.get() != LiveState::Idle
            data-stale=move || state.stale.get().then_some("true")
            data-live=move || format!("{:?}", state.live.get()).to_lowercase()
            data-step=move || state.cursor.get()
            data-mode=move || state.mode.get().value()
            data-line-step=move || state.shown_line().map(|_| state.line_cursor.get())
            data-events=move || state.track.with(|t| t.events().len())
            data-handle=move || {
                let c = state.cursor.get();
                state.track.with(|t| t.handle_ordinal(c)).map(|h| h.to_string())
            }>
            <Controls state=state/>
            <Narration state=state/>
            <ModelNote state=state/>
            {move || state.error.get().map(|e| view! { <p class="player-error" role="alert">{e}</p> })}
            {panels_after_the_page(state, code_view)}
        </section>
    }
}

/// An edit discards the run shown (its steps are of another program).
fn discard_on_edit(state: PlayerState, edited: Signal<String>) {
    Effect::new(move |prev: Option<()>| {
        edited.with(|_| ());
        let stale = state.track.with_untracked(|t| !t.steps().is_empty())
            || state.live.get_untracked() != LiveState::Idle;
        if prev.is_some() && stale {
            state.discard();
        }
    });
}

/// Turning the CPU model on or off (or changing its cores) discards the
/// run shown: its times are those of the other clock.
fn discard_on_clock_change(state: PlayerState) {
    Effect::new(move |prev: Option<()>| {
        state.cpu.with(|_| ());
        let shown = state.track.with_untracked(|t| !t.steps().is_empty())
            || state.live.get_untracked() != LiveState::Idle;
        if prev.is_some() && shown && state.cpu.get_untracked() != state.ran_with.get_untracked() {
            state.discard();
        }
    });
}

/// A line asked for (a frame or a console line clicked) is marked until
/// the next step: then the code follows the running task's line again.
fn forget_focus_on_step(state: PlayerState) {
    Effect::new(move |prev: Option<()>| {
        state.cursor.with(|_| ());
        state.line_cursor.with(|_| ());
        if prev.is_some() && state.focus_line.get_untracked().is_some() {
            state.focus_line.set(None);
        }
    });
}

/// Puts the uncaught exception of a finished run, located in the code,
/// into `target` (the editor draws it).
fn mark_uncaught_exception(state: PlayerState, target: RwSignal<Option<Marker>>) {
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
            state
                .source
                .with_untracked(|src| traceback_marker(src, &traceback, engine::FILENAME))
        });
        if target.get_untracked() != marker {
            target.set(marker);
        }
    });
}

/// The timeline and the panels, built in a task of their own, after the
/// rest of the page: a page load's first task (instantiating the wasm,
/// building the page, compiling on first call every function that takes)
/// stays short. No paint comes in between.
fn panels_after_the_page(state: PlayerState, code_view: Option<ViewFn>) -> impl IntoView {
    let panels = RwSignal::new(false);
    spawn_local(async move {
        crate::browser::yield_to_page().await;
        panels.try_set(true);
    });
    move || {
        panels.get().then(|| {
            let code = match &code_view {
                Some(v) => v.run(),
                None => view! { <CodePanel state=state/> }.into_any(),
            };
            view! {
                <TimelinePanel state=state/>
                <div class="player-panels">
                    <div class="player-left">
                        {code}
                        <Console state=state/>
                        <FramesPanel state=state/>
                    </div>
                    <LoopPanel state=state/>
                </div>
            }
        })
    }
}
