//! The model note: one sentence under the narration that labels a run on
//! the "computing takes time" model, or a run that starts processes, as a
//! model, with a link to what is modelled (the `?model` page).

use super::player_state::PlayerState;
use leptos::prelude::*;

/// What the note says, if anything: `model_on` for a run (or the next
/// run, before any) on the CPU model, `cores` its cores, `processes`
/// when the run started processes.
pub fn model_sentence(model_on: bool, cores: u32, processes: bool) -> Option<String> {
    let cores = match cores {
        1 => "1 core".to_string(),
        n => format!("{n} cores"),
    };
    match (model_on, processes) {
        (true, _) => Some(format!(
            "A model: computing takes time here (a fixed cost per instruction, one GIL per \
             process, {cores}), so times are the shape of a real run, not its figures."
        )),
        (false, true) => Some(
            "A model: these processes take turns as threads do and computing takes no time; \
             each has its own memory, as real processes do."
                .into(),
        ),
        (false, false) => None,
    }
}

/// The note, shown only for a modelled run.
#[component]
pub(super) fn ModelNote(state: PlayerState) -> impl IntoView {
    let sentence = move || {
        let ran = state.track.with(|t| !t.events().is_empty());
        let processes = state.track.with(|t| !t.processes.is_empty());
        // Before a run, the note speaks of the next one.
        let clock = if ran {
            state.ran_with.get()
        } else {
            state.cpu.get()
        };
        model_sentence(clock.on, clock.cores, ran && processes)
    };
    move || {
        sentence().map(|text| {
            view! {
                <p class="model-note" data-testid="model-note">
                    {text}" "
                    <a href="./?model" target="_blank" rel="noopener">"What is modelled"</a>
                </p>
            }
        })
    }
}
