//! The toolbar (Run, Stop, the step buttons, speed, the scrubber) and the
//! same commands on the keyboard (arrows, Home, End, Space).

use super::cpu_choice::CORE_CHOICES;
use super::line_steps::StepMode;
use super::live::Speed;
use super::player_state::{LiveState, PlayerState};
use crate::i18n::{fill, ui};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub(super) fn Controls(state: PlayerState) -> impl IntoView {
    let t = ui();
    let line_mode = move || state.mode.get() == StepMode::Line && state.line_count() > 0;
    // Steps of the current mode, and the one shown.
    let n = move || {
        if line_mode() {
            state.line_count()
        } else {
            state.track.with(|t| t.steps().len())
        }
    };
    let at = move || {
        if line_mode() {
            state.line_cursor.get()
        } else {
            state.cursor.get()
        }
    };
    let running = move || state.live.get() != LiveState::Idle;
    // While the program runs for its steps, stepping waits (the buttons
    // keep the focus: aria-disabled, and their handlers ignore presses).
    let preparing = move || state.live.get() == LiveState::Preparing;
    let waits = move || preparing().then_some("true");
    let pausing = move || {
        matches!(
            (state.live.get(), state.playing.get()),
            (LiveState::Running, _) | (_, true)
        )
    };
    let play_icon = move || if pausing() { "❚❚" } else { "▶" };
    let play_name = move || if pausing() { t.pause } else { t.play };
    let play_word = move || format!(" {}", play_name());
    let speeds = Speed::ALL
        .iter()
        .map(|s| view! { <option value=s.label()>{s.label()}</option> })
        .collect_view();
    view! {
        <div class="player-controls" data-testid="player-controls" role="toolbar" aria-label=t.run_and_step>
            <button class="primary" data-testid="run" class:stale=move || state.stale.get()
                on:click=move |ev| { reveal_player(&ev); state.run_live() }
                disabled=running>{move || if state.stale.get() { t.run_again } else { t.run }}</button>
            <button data-testid="stop" aria-label=t.stop on:click=move |_| state.stop()
                disabled=move || !running()>
                <span class="phone-only" aria-hidden="true">"■"</span><span class="wide-only">{t.stop}</span>
            </button>
            <span class="player-sep" aria-hidden="true"></span>
            <button data-testid="step-first" aria-disabled=waits aria-label=t.first_step title=fill(t.key_hint, &[&t.first_step, &"Home"])
                on:click=move |_| state.first()>"|◀"</button>
            <button data-testid="step-back" aria-disabled=waits aria-label=t.step_back title=fill(t.key_hint, &[&t.step_back, &"←"])
                on:click=move |_| state.step_by(-1)>"◀"</button>
            <button data-testid="play-pause" aria-disabled=waits title=fill(t.key_hint, &[&t.play_or_pause, &"Space"])
                aria-label=play_name on:click=move |_| state.toggle_play()>
                <span aria-hidden="true">{play_icon}</span><span class="wide-only">{play_word}</span>
            </button>
            <button data-testid="step-forward" aria-disabled=waits aria-label=t.step_forward title=fill(t.key_hint, &[&t.step_forward, &"→"])
                on:click=move |ev| { reveal_player(&ev); state.step_by(1) }>"▶"</button>
            <button data-testid="step-last" aria-disabled=waits aria-label=t.last_step title=fill(t.key_hint, &[&t.last_step, &"End"])
                on:click=move |_| state.last()>"▶|"</button>
            <label class="player-mode"><span class="wide-only">{t.step_by}" "</span>
                <select data-testid="step-mode" aria-label=t.step_by prop:value=move || state.mode.get().value()
                    on:change=move |ev| {
                        if let Some(m) = StepMode::parse(&event_target_value(&ev)) {
                            state.set_mode(m);
                        }
                    }>
                    <option value=StepMode::Event.value()>{t.step_by_event}</option>
                    <option value=StepMode::Line.value()>{t.step_by_line}</option>
                </select>
            </label>
            <label class="player-speed"><span class="wide-only">{t.speed}" "</span>
                <select data-testid="speed" aria-label=t.speed prop:value=move || state.speed.get().label()
                    on:change=move |ev| {
                        if let Some(s) = Speed::parse(&event_target_value(&ev)) {
                            state.speed.set(s);
                        }
                    }>{speeds}</select>
            </label>
            <input type="range" class="player-scrubber" data-testid="scrubber" aria-label=t.step
                min="0" max=move || n().saturating_sub(1).to_string()
                prop:value=move || at().to_string()
                disabled=move || n() == 0
                on:input=move |ev| {
                    state.stop_playback();
                    if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                        state.seek_in_mode(i);
                    }
                }/>
            <span class="player-step" class:preparing=preparing data-testid="step-status"
                aria-live="off">{move || match n() {
                _ if preparing() => view! { {t.preparing}<span class="wide-only">{t.preparing_the_steps}</span>"…" }.into_any(),
                0 => view! { <span class="wide-only">{t.no_steps_yet}</span><span class="phone-only">"0 / 0"</span> }.into_any(),
                n => view! {
                    <span class="wide-only">{move || if line_mode() { t.line_step_word } else { t.step_word }}</span>
                    {format!("{} / {}", at() + 1, n)}
                }.into_any(),
            }}</span>
        </div>
    }
}

/// The clock's toggle: "Computing takes time (model)", and the model's
/// cores while it is on. A setting of the run rather than a stepping
/// control, it sits with the timeline's options (the control bar stays
/// one row on a phone). Changing either discards the run shown (its
/// times are the other clock's): the player says to run again.
pub(crate) fn cpu_toggle(state: PlayerState) -> impl IntoView {
    let cores = CORE_CHOICES
        .iter()
        .map(|n| view! { <option value=n.to_string()>{n.to_string()}</option> })
        .collect_view();
    let t = ui();
    view! {
        <label class="player-cpu" title=t.cpu_model_title>
            <input type="checkbox" data-testid="cpu-model" prop:checked=move || state.cpu.get().on
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    state.cpu.update(|c| c.on = on);
                }/>
            " "{t.computing_takes_time}
        </label>
        <label class="player-cores" class:hidden=move || !state.cpu.get().on>{t.cores}" "
            <select data-testid="cpu-cores" prop:value=move || state.cpu.get().cores.to_string()
                on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                        state.cpu.update(|c| c.cores = n);
                    }
                }>{cores}</select>
        </label>
    }
}

/// Scrolls the player to the top of the window when a click that starts
/// watching (Run, a step) comes from a player that starts low in it: the
/// controls, the timeline and the loop's queues are then in view together.
/// (One layout read, before the step changes the page.)
fn reveal_player(ev: &web_sys::MouseEvent) {
    let Some(player) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(".player").ok().flatten())
    else {
        return;
    };
    let Some(height) = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
    else {
        return;
    };
    if player.get_bounding_client_rect().top() > height * 0.3 {
        player.scroll_into_view();
    }
}

/// The player's keys, on the whole window while the player is mounted
/// (removed with it).
pub(super) fn bind_keys(state: PlayerState) -> WindowListenerHandle {
    window_event_listener(leptos::ev::keydown, move |ev| {
        if typing_in_a_field(&ev) {
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
            // Escape clears the selected task (and is left alone when
            // none is selected).
            "Escape" if state.selected_task.with_untracked(Option::is_some) => {
                state.selected_task.set(None);
                true
            }
            " " if !on_a_button(&ev) => {
                state.toggle_play();
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    })
}

/// True when a key press belongs to a form field (the player's keys must
/// not steal typing or a select's arrows).
fn typing_in_a_field(ev: &web_sys::KeyboardEvent) -> bool {
    if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
        return true;
    }
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el.has_attribute("contenteditable")
}

/// True when a key press lands on a button (Space activates it natively).
fn on_a_button(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "BUTTON" | "A" | "SUMMARY"))
}
