//! The model note: one sentence under the narration that labels a run on
//! the "computing takes time" model, or a run that starts processes, as a
//! model, with a link to what is modelled (the `?model` page).

use super::player_state::PlayerState;
use leptos::prelude::*;

/// What the note says, if anything: `model_on` for a run (or the next
/// run, before any) on the CPU model, `cores` its cores, `processes`
/// when the run started processes.
pub fn model_sentence(model_on: bool, cores: u32, processes: bool) -> Option<String> {
    use crate::i18n::{fill, ui};
    let u = ui();
    let cores = match cores {
        1 => u.one_core.to_string(),
        n => fill(u.n_cores, &[&n]),
    };
    match (model_on, processes) {
        (true, _) => Some(fill(u.model_note_cpu, &[&cores])),
        (false, true) => Some(u.model_note_processes.into()),
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
                    <a href=format!("./{}", crate::i18n::with_lang("?model", crate::i18n::current()))
                        target="_blank" rel="noopener">{crate::i18n::ui().what_is_modelled}</a>
                </p>
            }
        })
    }
}
