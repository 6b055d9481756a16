//! The step in the URL (`#step=N`, and `&mode=line` when stepping by
//! line: N is then a line step): read when a page opens, written (without
//! a history entry) once the cursor rests, so a link opens on this moment.
//! The mode is written at once when it changes, so it survives the page
//! rendering again (a language switch).

use super::line_steps::StepMode;
use super::player_state::{LiveState, PlayerState};
use crate::browser::now_ms;
use leptos::prelude::*;

/// The URL's `#step=N` follows the cursor once it has stayed this long on
/// a step, in ms...
const URL_DELAY_MS: f64 = 150.0;
/// ...or, while it keeps moving (holding an arrow key, playback), at most
/// this long after the last write.
const URL_MAX_MS: f64 = 1000.0;

/// The step in the current URL's fragment.
pub fn step_in_url() -> Option<usize> {
    let hash = web_sys::window()?.location().hash().ok()?;
    crate::route::step_from_hash(&hash)
}

/// The step mode in the current URL's fragment (`mode=line`).
pub fn mode_in_url() -> StepMode {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .and_then(|h| crate::route::mode_from_hash(&h).and_then(StepMode::parse))
        .unwrap_or_default()
}

/// Keeps the URL's `mode=` on the step mode (written at once, with the
/// step shown if there is one).
pub(super) fn follow_mode(state: PlayerState) {
    Effect::new(move |prev: Option<StepMode>| {
        let mode = state.mode.get();
        if prev.is_some_and(|p| p != mode) {
            let step = state
                .track
                .with_untracked(|t| !t.steps().is_empty())
                .then(|| at(state));
            set_step_in_url(step, mode);
        }
        mode
    });
}

/// The step shown, in the mode's numbering.
fn at(state: PlayerState) -> usize {
    match state.mode.get_untracked() {
        StepMode::Line if state.track.with_untracked(|t| !t.lines().is_empty()) => {
            state.line_cursor.get_untracked()
        }
        _ => state.cursor.get_untracked(),
    }
}

/// Keeps the URL's `#step=N` on the cursor. Written when the cursor rests
/// (or every [`URL_MAX_MS`] while it moves): `history.replaceState` costs
/// milliseconds (a step's whole budget, measured in the step benchmark),
/// and Chromium throttles pages that call it hundreds of times in a few
/// seconds (holding an arrow key does). A player opened on a step writes
/// it at once; others from the first move on.
pub(super) fn follow_cursor(state: PlayerState, opened_on_a_step: bool) {
    let url = StoredValue::new(UrlSync::default());
    Effect::new(move |prev: Option<()>| {
        let _ = state.cursor.get();
        let _ = state.line_cursor.get();
        let n = state.track.with(|t| t.steps().len());
        if n > 0 && (prev.is_some() || opened_on_a_step) {
            let now = now_ms();
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
            let now = now_ms();
            // The player may be gone (a lesson change) by now.
            let (Some(u), Some(mode)) = (url.try_get_value(), state.mode.try_get_untracked())
            else {
                return;
            };
            let c = at(state);
            let rested = now - u.moved;
            // During a live run the cursor moves every frame: the URL
            // waits for the run's end (a write costs a frame's budget).
            if matches!(
                state.live.try_get_untracked(),
                Some(LiveState::Running | LiveState::Preparing)
            ) {
                url_sync_later(state, url, URL_DELAY_MS);
            } else if rested >= URL_DELAY_MS - 1.0 || now - u.written >= URL_MAX_MS {
                url.set_value(UrlSync {
                    pending: false,
                    written: now,
                    ..u
                });
                set_step_in_url(Some(c), mode);
            } else {
                url_sync_later(state, url, URL_DELAY_MS - rested);
            }
        },
        std::time::Duration::from_millis(ms.max(1.0) as u64),
    );
}

/// Writes `#step=N` (and `mode=line` in line mode) into the URL (without
/// a history entry), or removes it.
fn set_step_in_url(step: Option<usize>, mode: StepMode) {
    let Some(w) = web_sys::window() else {
        return;
    };
    let loc = w.location();
    let search = loc.search().unwrap_or_default();
    let path = loc.pathname().unwrap_or_default();
    let current = loc.hash().unwrap_or_default();
    // Keep the other fragment parameters (`code=`), replace `step=` and
    // `mode=`.
    let mut parts: Vec<String> = current
        .trim_start_matches('#')
        .split('&')
        .filter(|kv| !kv.is_empty() && !kv.starts_with("step=") && !kv.starts_with("mode="))
        .map(str::to_string)
        .collect();
    if let Some(n) = step {
        parts.push(format!("step={n}"));
    }
    if mode == StepMode::Line {
        parts.push(format!("mode={}", mode.value()));
    }
    let hash = if parts.is_empty() {
        String::new()
    } else {
        format!("#{}", parts.join("&"))
    };
    if current == hash {
        return;
    }
    let url = format!("{path}{search}{hash}");
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
