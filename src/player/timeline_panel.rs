//! The timeline panel: lane labels, the marks of the columns around the
//! cursor (see `timeline_marks.rs` for what they are), the cursor, and
//! scrolling to keep it in view.

use super::player_state::{LiveState, PlayerState};
use super::timeline_marks::{timeline_marks, timeline_tokens, Mark, COL_W, LANE_H, PAGE, RULER_H};
use super::track::LaneOwner;
use leptos::prelude::*;
use looplab_engine::trace::format_secs;

/// The timeline: lanes, bars, print tokens, the ruler and the cursor.
#[component]
pub(super) fn TimelinePanel(state: PlayerState) -> impl IntoView {
    let scroller = NodeRef::<leptos::html::Div>::new();
    let window_start = Memo::new(move |_| (state.cursor.get() / PAGE).saturating_sub(1) * PAGE);
    let labels = move || {
        state.track.with(|t| {
            t.lanes
                .iter()
                .map(|l| {
                    let kind = match l.owner {
                        LaneOwner::Task(_) => "task",
                        LaneOwner::Thread(_) => "thread",
                    };
                    view! {
                        <div class=format!("lane-label task-c{}", l.colour % 8) data-kind=kind
                            style:height=format!("{LANE_H}px")>{l.name.clone()}</div>
                    }
                })
                .collect_view()
        })
    };
    let marks = move || {
        let start = window_start.get();
        state
            .track
            .with(|t| timeline_marks(t, start, start + 3 * PAGE))
    };
    let tokens = move || {
        let start = window_start.get();
        state
            .track
            .with(|t| timeline_tokens(t, start, start + 3 * PAGE))
    };
    let width = move || format!("{}px", state.track.with(|t| t.columns.len()).max(1) * COL_W);
    let height = move || {
        format!(
            "{}px",
            RULER_H + state.track.with(|t| t.lanes.len()).max(1) * LANE_H
        )
    };
    // Keep the cursor in view. Reading `scrollLeft` right after the DOM
    // changed would force a layout in the middle of the update (the
    // biggest cost of a step on a long trace); in an animation frame the
    // layout is the one the frame needs anyway. One frame per burst.
    let scroll_pending = StoredValue::new(false);
    Effect::new(move |_| {
        let _ = state.cursor.get();
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
            let x = (c * COL_W) as i32;
            let left = el.scroll_left();
            let w = el.client_width();
            if x < left || x + COL_W as i32 > left + w {
                el.set_scroll_left((x - w / 2).max(0));
            }
        });
    });
    view! {
        <div class="timeline" data-testid="timeline" role="region" aria-label="Timeline: one lane per task">
            <div class="lane-labels" style:padding-top=format!("{RULER_H}px")>{labels}</div>
            <div class="timeline-scroll" node_ref=scroller tabindex="0" role="group" aria-label="Timeline steps">
                <div class="timeline-inner" style:width=width style:height=height>
                    <For each=marks key=Mark::clone children=move |m| mark_view(m, state)/>
                    <For each=tokens key=Mark::clone children=move |m| mark_view(m, state)/>
                    <div class="timeline-future" aria-hidden="true"
                        style:left=move || format!("{}px", (state.cursor.get() + 1) * COL_W)></div>
                    <div class="timeline-cursor" aria-hidden="true"
                        style:left=move || format!("{}px", state.cursor.get() * COL_W)></div>
                </div>
            </div>
        </div>
    }
}

/// The DOM of one [`Mark`].
fn mark_view(mark: Mark, state: PlayerState) -> AnyView {
    match mark {
        Mark::Jump {
            col,
            from,
            to,
            label,
        } => {
            let class = if label.is_some() {
                "clock-jump skipped"
            } else {
                "clock-jump"
            };
            view! {
                <div class=class style:left=format!("{}px", col * COL_W)
                    title=format!("clock jumps from t={} to t={}", format_secs(from), format_secs(to))>
                    {label.unwrap_or_else(|| "⤳".into())}
                </div>
            }
            .into_any()
        }
        Mark::Time { col, time_ns } => view! {
            <div class="ruler-time" style:left=format!("{}px", col * COL_W)>{format!("t={}", format_secs(time_ns))}</div>
        }
        .into_any(),
        Mark::Blocked { col } => view! {
            <div class="blocked-band" style:left=format!("{}px", col * COL_W) title="the loop was blocked: nothing else could run"></div>
        }
        .into_any(),
        Mark::Bar {
            class,
            colour,
            lane,
            from,
            to,
        } => view! {
            <div class=format!("{class} task-c{colour}")
                style:left=format!("{}px", from * COL_W)
                style:top=format!("{}px", RULER_H + lane * LANE_H)
                style:width=format!("{}px", (to - from) * COL_W)></div>
        }
        .into_any(),
        Mark::Token {
            seq,
            step,
            colour,
            task,
            text,
            stderr,
            top,
        } => {
            // Only a print that a live run just published plays the
            // entrance animation, once (a node moved in the DOM would play
            // it again); a token drawn again (the window moved, the page
            // was rebuilt) appears as it is.
            let fresh = RwSignal::new(
                state.live.get_untracked() != LiveState::Idle
                    && state.track.with_untracked(|t| seq >= t.fresh_from),
            );
            view! {
                <button class=format!("timeline-token task-c{colour}") class:stderr=stderr
                    class:fresh=move || fresh.get()
                    on:animationend=move |_| fresh.set(false)
                    data-testid="timeline-token" data-task=task data-step=step
                    title=text.clone() aria-label=format!("{}, step {}", text, step + 1)
                    style:left=format!("{}px", step * COL_W + 2)
                    style:top=format!("{top}px")
                    on:click=move |_| { state.stop_playback(); state.seek(step); }>
                    {text.clone()}
                </button>
            }
            .into_any()
        }
    }
}
