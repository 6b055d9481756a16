//! The narration under the controls: the engine's one sentence for the
//! current step, or in line mode who runs which line.

use super::line_steps::{capped_narration, frames_capped_narration, line_narration};
use super::loop_panel::gil_holder_of;
use super::player_state::{LiveState, PlayerState};
use super::track::ThreadState;
use crate::i18n::{fill, ui};
use leptos::prelude::*;
use looplab_engine::snapshot::StepKind;
use looplab_engine::trace::format_secs;

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
    let u = ui();
    if state.live.get() == LiveState::Preparing {
        return u.narr_preparing.into();
    }
    if state.stale.get() {
        if state.cpu.get() != state.ran_with.get() {
            return u.narr_clock_changed.into();
        }
        return u.narr_code_changed.into();
    }
    let c = state.cursor.get();
    let snap = state.snap.get().0;
    if let Some(l) = state.shown_line() {
        let mut text = line_narration(u, &l, &snap);
        // Where line events stop at their limit, the last line step says so.
        let (last, capped) = state.track.with(|t| {
            let last = state.line_cursor.get() + 1 == t.lines().len();
            (last, t.lines().capped)
        });
        if let (true, Some(limit)) = (last, capped) {
            text.push(' ');
            text.push_str(&capped_narration(u, limit));
        }
        // The first line step past the line events that recorded the
        // variables says that from there they move at suspensions only.
        let k = state.line_cursor.get();
        if let Some(more) = state
            .track
            .with(|t| frames_capped_narration(u, t.lines(), k))
        {
            text.push(' ');
            text.push_str(&more);
        }
        return text;
    }
    state.track.with(|t| {
        if t.steps().is_empty() {
            return u.narr_press_run.into();
        }
        let mut text = match (t.steps().get(c).map(|s| &s.kind), t.columns.get(c)) {
            // A thread's turn (a program of threads): who ran, and the
            // clock's jump if the turn began with one.
            (Some(StepKind::Thread { thread }), Some(col)) => {
                let name = col
                    .threads
                    .get(*thread as usize)
                    .map_or(u.a_thread, |th| th.name.as_str());
                let waited = col.jump.map(|(from, to)| {
                    fill(
                        u.narr_no_thread_could_run,
                        &[&format_secs(from), &format_secs(to)],
                    )
                });
                format!(
                    "{}{}",
                    waited.unwrap_or_default(),
                    fill(u.narr_thread_runs, &[&name])
                )
            }
            _ => t.narrate(c),
        };
        let internal = t
            .columns
            .get(c)
            .and_then(|col| col.task)
            .and_then(|task| t.task_lane(task))
            .is_some_and(|l| t.lanes[l].internal);
        if internal {
            text.push_str(u.narr_internal);
        }
        // Why each program thread that is not running is not (under the
        // CPU model, a ready thread waits for its process's GIL).
        if let Some(col) = t.columns.get(c) {
            let holders = t.gil_holders(c, &snap.gil);
            for (i, th) in
                col.threads.iter().enumerate().filter(|(_, th)| {
                    !matches!(th.state, ThreadState::Running | ThreadState::Ended)
                })
            {
                let holder = gil_holder_of(&holders, th.process, i);
                let status = th.status_with_gil(&col.threads, holder);
                text.push_str(&fill(u.narr_thread_is, &[&th.name, &status]));
            }
        }
        text
    })
}
