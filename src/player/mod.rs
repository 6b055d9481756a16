//! The lesson player: a live run on the browser's event loop, then every
//! step of the trace navigable, with the code, a timeline (one lane per
//! task), the event loop's queues, the console and a narration.
//!
//! - [`track`]: the run as the player sees it (plain Rust, tested natively);
//! - [`live`]: speeds and the pacing of live runs;
//! - [`engine`]: the one place the engine runs programs;
//! - [`view`]: the components.

pub mod engine;
pub mod live;
pub mod track;
pub mod view;

pub use view::{Player, PlayerHandle, PlayerState};

use wasm_bindgen::JsCast;

/// `performance.now()`, in ms (0 where unavailable).
fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Writes `#step=N` into the URL (without a history entry), or removes it.
fn set_step_in_url(step: Option<usize>) {
    let Some(w) = web_sys::window() else {
        return;
    };
    let loc = w.location();
    let search = loc.search().unwrap_or_default();
    let path = loc.pathname().unwrap_or_default();
    let current = loc.hash().unwrap_or_default();
    // Keep the other fragment parameters (`code=`), replace `step=`.
    let mut parts: Vec<String> = current
        .trim_start_matches('#')
        .split('&')
        .filter(|kv| !kv.is_empty() && !kv.starts_with("step="))
        .map(str::to_string)
        .collect();
    if let Some(n) = step {
        parts.push(format!("step={n}"));
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

/// The step in the current URL's fragment.
pub fn step_in_url() -> Option<usize> {
    let hash = web_sys::window()?.location().hash().ok()?;
    crate::route::step_from_hash(&hash)
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
