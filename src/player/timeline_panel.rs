//! The timeline panel: row labels, the marks of the columns around the
//! cursor (see `timeline_marks.rs` for what they are), the cursor, and
//! scrolling to keep it in view.

use super::player_state::{LiveState, PlayerState};
use super::timeline_marks::{
    timeline_marks, timeline_rows, timeline_tokens, Mark, Row, TimelineMode, LANE_H, PAGE, RULER_H,
};
use crate::i18n::{fill, ui};
use leptos::prelude::*;
use looplab_engine::trace::format_secs;

/// The timeline: lanes, bars, print tokens, the ruler and the cursor.
#[component]
pub(super) fn TimelinePanel(state: PlayerState) -> impl IntoView {
    let scroller = NodeRef::<leptos::html::Div>::new();
    let window_start = Memo::new(move |_| (state.cursor.get() / PAGE).saturating_sub(1) * PAGE);
    let rows = Memo::new(move |_| {
        let show = state.show_internal.get();
        state.track.with(|t| timeline_rows(t, show))
    });
    let labels = move || {
        rows.with(|(rows, _)| {
            rows.iter()
                .map(|r: &Row| {
                    let class = format!("lane-label task-c{}", r.colour);
                    view! {
                        <div class=class class:internal=r.internal class:grouped=r.grouped data-testid="lane" data-kind=r.kind
                            data-task=r.task.clone() title=r.name.clone()
                            style:height=format!("{LANE_H}px")>{r.name.clone()}</div>
                    }
                })
                .collect_view()
        })
    };
    let marks = move || {
        let start = window_start.get();
        rows.with(|(_, row_of)| {
            let mode = state.timeline_mode.get();
            state
                .track
                .with(|t| timeline_marks(t, row_of, start, start + 3 * PAGE, mode))
        })
    };
    let tokens = move || {
        let start = window_start.get();
        rows.with(|(_, row_of)| {
            let mode = state.timeline_mode.get();
            state
                .track
                .with(|t| timeline_tokens(t, row_of, start, start + 3 * PAGE, mode))
        })
    };
    let width = move || {
        let mode = state.timeline_mode.get();
        state
            .track
            .with(|t| format!("{}px", t.width_in(mode).max(44)))
    };
    let height = move || {
        format!(
            "{}px",
            RULER_H + rows.with(|(r, _)| r.len()).max(1) * LANE_H
        )
    };
    let cursor_x = move || {
        let c = state.cursor.get();
        let mode = state.timeline_mode.get();
        state.track.with(|t| (t.x_in(mode, c), t.w_in(mode, c)))
    };
    // Keep the cursor in view. Reading `scrollLeft` right after the DOM
    // changed would force a layout in the middle of the update (the
    // biggest cost of a step on a long trace); in an animation frame the
    // layout is the one the frame needs anyway. One frame per burst.
    let scroll_pending = StoredValue::new(false);
    Effect::new(move |_| {
        let _ = state.cursor.get();
        let _ = state.timeline_mode.get();
        if scroll_pending.get_value() {
            return;
        }
        scroll_pending.set_value(true);
        request_animation_frame(move || {
            scroll_pending.set_value(false);
            let (Some(c), Some(el)) = (state.cursor.try_get_untracked(), scroller.get_untracked())
            else {
                return;
            };
            let mode = state.timeline_mode.get_untracked();
            let Some((x, w)) = state
                .track
                .try_with_untracked(|t| (t.x_in(mode, c) as i32, t.w_in(mode, c) as i32))
            else {
                return;
            };
            let left = el.scroll_left();
            let view = el.client_width();
            if x < left || x + w > left + view {
                el.set_scroll_left((x + w / 2 - view / 2).max(0));
            }
        });
    });
    let has_internal = move || state.track.with(|t| t.lanes.iter().any(|l| l.internal));
    let toggle = move || {
        has_internal().then(|| {
            view! {
                <label class="timeline-option">
                    <input type="checkbox" data-testid="internal-tasks"
                        prop:checked=move || state.show_internal.get()
                        on:change=move |ev| state.show_internal.set(event_target_checked(&ev))/>
                    " "{ui().show_internal_tasks}" "
                    <span class="muted">{ui().show_internal_tasks_note}</span>
                </label>
            }
        })
    };
    let mode_toggle = move || {
        let by_time = state.timeline_mode.get() == TimelineMode::Time;
        view! {
            <label class="timeline-option">
                <input type="checkbox" data-testid="timeline-mode"
                    prop:checked=by_time
                    on:change=move |ev| state.timeline_mode.set(if event_target_checked(&ev) {
                        TimelineMode::Time
                    } else {
                        TimelineMode::Steps
                    })/>
                " "{ui().lay_out_by_time}" "
                <span class="muted">{ui().lay_out_by_time_note}</span>
            </label>
        }
    };
    let mode_name = move || match state.timeline_mode.get() {
        TimelineMode::Steps => "steps",
        TimelineMode::Time => "time",
    };
    view! {
        <div class="timeline" data-testid="timeline" data-mode=mode_name role="region" aria-label=ui().timeline_label>
            <div class="lane-labels" style:padding-top=format!("{RULER_H}px")>{labels}</div>
            <div class="timeline-scroll" node_ref=scroller tabindex="0" role="group" aria-label=ui().timeline_steps>
                <div class="timeline-inner" style:width=width style:height=height>
                    <For each=marks key=Mark::clone children=move |m| mark_view(m, state)/>
                    <For each=tokens key=Mark::clone children=move |m| mark_view(m, state)/>
                    <div class="timeline-future" aria-hidden="true"
                        style:left=move || format!("{}px", cursor_x().0 + cursor_x().1)></div>
                    <div class="timeline-cursor" aria-hidden="true"
                        style:left=move || format!("{}px", cursor_x().0)
                        style:width=move || format!("{}px", cursor_x().1)></div>
                </div>
            </div>
        </div>
        <div class="timeline-options">{mode_toggle}{toggle}{super::controls::cpu_toggle(state)}</div>
    }
}

/// The DOM of one [`Mark`].
fn mark_view(mark: Mark, state: PlayerState) -> AnyView {
    match mark {
        Mark::Jump {
            x,
            from,
            to,
            label,
            skipped,
        } => view! {
            <div class="clock-jump" class:skipped=skipped style:left=format!("{x}px")
                title=fill(ui().loop_waited, &[&format_secs(from), &format_secs(to)])>
                {label}
            </div>
        }
        .into_any(),
        Mark::Time { x, time_ns, label } => view! {
            <div class="ruler-time" style:left=format!("{x}px") title=format!("t={} s", format_secs(time_ns))>{label}</div>
        }
        .into_any(),
        Mark::Blocked { x, w } => view! {
            <div class="blocked-band" style:left=format!("{x}px") style:width=format!("{w}px")
                title=ui().loop_was_blocked></div>
        }
        .into_any(),
        Mark::Bar {
            class,
            colour,
            row,
            x,
            w,
        } => view! {
            <div class=format!("{class} task-c{colour}")
                style:left=format!("{x}px")
                style:top=format!("{}px", RULER_H + row * LANE_H)
                style:width=format!("{w}px")></div>
        }
        .into_any(),
        Mark::Token {
            seq,
            step,
            colour,
            task,
            text,
            label,
            stderr,
            x,
            w,
            top,
            group_start,
            group_end,
            more,
            ..
        } => {
            // Only a print that a live run just published plays the
            // entrance animation, once (a node moved in the DOM would play
            // it again); a token drawn again (the window moved, the page
            // was rebuilt) appears as it is.
            let fresh = RwSignal::new(
                state.live.get_untracked() != LiveState::Idle
                    && state.track.with_untracked(|t| seq >= t.fresh_from),
            );
            let short = (label != text).then(|| label.clone());
            // The token holding the rest of a long chunk: its title and
            // label stay short (the whole text is in `data-text` and the
            // console).
            let (title, aria) = if more > 0 {
                let head: String = text.chars().take(2_000).collect();
                (head, fill(ui().token_of_one_print, &[&label, &(step + 1)]))
            } else {
                (text.clone(), fill(ui().token_step, &[&text, &(step + 1)]))
            };
            view! {
                <button class=format!("timeline-token task-c{colour}") class:stderr=stderr
                    class:fresh=move || fresh.get()
                    class:joined-left=!group_start class:joined-right=!group_end
                    on:animationend=move |_| fresh.set(false)
                    data-testid="timeline-token" data-task=task data-step=step
                    data-text=text.clone() data-short=short
                    title=title aria-label=aria
                    style:left=format!("{x}px")
                    style:width=format!("{w}px")
                    style:top=format!("{top}px")
                    on:click=move |_| { state.stop_playback(); state.seek(step); }>
                    {label}
                </button>
            }
            .into_any()
        }
    }
}
