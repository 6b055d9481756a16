//! What the lesson and playground pages share: the editor over the player
//! (Ctrl+Enter runs the edited code; its uncaught exception is marked in
//! the editor) and the storing of the learner's edits.

use crate::browser;
use crate::editor::render::RunMarks;
use crate::editor::Editor;
use crate::player::{CpuChoice, Player, PlayerHandle};
use leptos::prelude::*;

/// Writes `code` to storage under `key` after every change, once typing
/// pauses (a long program is not copied into storage on every key).
pub fn store_edits(code: RwSignal<String>, key: String) {
    let generation = StoredValue::new(0u64);
    let key = StoredValue::new(key);
    Effect::new(move |prev: Option<()>| {
        code.track();
        if prev.is_none() {
            return;
        }
        let g = generation.get_value() + 1;
        generation.set_value(g);
        leptos::task::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(300).await;
            if generation.try_get_value() == Some(g) {
                if let (Some(k), Some(c)) = (key.try_get_value(), code.try_get_untracked()) {
                    browser::storage_set(&k, &c);
                }
            }
        });
    });
}

/// An editor over the player: Ctrl+Enter runs the edited code, whose
/// uncaught exception is marked in the editor.
pub fn editable_player(
    code: RwSignal<String>,
    original: Option<String>,
    start_step: Option<usize>,
    handle: PlayerHandle,
    internal_tasks: bool,
    cpu: CpuChoice,
) -> impl IntoView {
    let runs = RwSignal::new(0u64);
    let runtime_error = RwSignal::new(None);
    let marks = RwSignal::new(RunMarks::default());
    let on_run = Callback::new(move |()| runs.update(|n| *n += 1));
    let source = code.get_untracked();
    // The editor is the player's code panel: it carries the run's marks.
    let original = StoredValue::new(original);
    let editor = ViewFn::from(move || {
        match original.get_value() {
        Some(original) => view! {
            <Editor code=code original=original on_run=on_run
                runtime_error=runtime_error label=crate::i18n::ui().program run_marks=marks/>
        }
        .into_any(),
        None => view! {
            <Editor code=code on_run=on_run runtime_error=runtime_error label=crate::i18n::ui().program
                run_marks=marks/>
        }
        .into_any(),
    }
    });
    match start_step {
        Some(step) => view! {
            <Player source=source start_step=step edited=code code_view=editor code_marks=marks
                run_requests=runs runtime_error=runtime_error handle=handle
                internal_tasks=internal_tasks cpu=cpu/>
        }
        .into_any(),
        None => view! {
            <Player source=source edited=code code_view=editor code_marks=marks
                run_requests=runs runtime_error=runtime_error handle=handle
                internal_tasks=internal_tasks cpu=cpu/>
        }
        .into_any(),
    }
}
