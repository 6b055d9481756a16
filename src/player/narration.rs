//! The narration under the controls: the engine's one sentence for the
//! current step.

use super::player_state::{LiveState, PlayerState};
use leptos::prelude::*;

/// The `<p>` that says what the current step did.
#[component]
pub(super) fn Narration(state: PlayerState) -> impl IntoView {
    view! {
        <p class="player-narration" data-testid="narration" aria-live="polite">
            {move || narration(state)}
        </p>
    }
}

fn narration(state: PlayerState) -> String {
    if state.live.get() == LiveState::Preparing {
        return "Running the program to record its steps… (Stop cancels.)".into();
    }
    let c = state.cursor.get();
    state.track.with(|t| {
        if t.steps().is_empty() {
            "Press Run to watch the program, or step through it with the arrows.".into()
        } else {
            t.narrate(c)
        }
    })
}
