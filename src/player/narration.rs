//! The narration under the controls: the engine's one sentence for the
//! current step.

use super::player_state::{LiveState, PlayerState};
use super::track::ThreadState;
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
    if state.stale.get() {
        return "The code changed: press Run to run it again.".into();
    }
    let c = state.cursor.get();
    state.track.with(|t| {
        if t.steps().is_empty() {
            return "Press Run to watch the program, or step through it with the arrows.".into();
        }
        let mut text = t.narrate(c);
        let internal = t
            .columns
            .get(c)
            .and_then(|col| col.task)
            .and_then(|task| t.task_lane(task))
            .is_some_and(|l| t.lanes[l].internal);
        if internal {
            text.push_str(INTERNAL);
        }
        // Why each program thread that is not running is not.
        if let Some(col) = t.columns.get(c) {
            for th in col
                .threads
                .iter()
                .filter(|th| !matches!(th.state, ThreadState::Running | ThreadState::Ended))
            {
                text.push_str(&format!(" {} is {}.", th.name, th.status()));
            }
        }
        text
    })
}

/// Said when one of `asyncio.run`'s own tasks runs.
const INTERNAL: &str = " (This task is asyncio.run's own clean-up: once main() is done, it shuts \
down async generators and the default thread pool before closing the loop.)";
