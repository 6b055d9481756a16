//! The timeline panel: row labels, the marks of the columns in view (see
//! `timeline_marks.rs` for what they are; `mark_layer.rs` draws them), the
//! print tokens around the cursor, the cursor, and scrolling to keep it in
//! view.

use super::mark_layer::MarkLayer;
use super::player_state::{LiveState, PlayerState};
use super::timeline_marks::{
    timeline_marks, timeline_rows, timeline_tokens, Mark, Row, TimelineMode, LANE_H, PAGE, RULER_H,
};
use crate::i18n::{fill, ui};
use leptos::prelude::*;

/// Pixels the window of drawn bars and ticks moves by: it covers the
/// visible part of the timeline and one view's width on each side,
/// rounded out to this, so scrolling redraws only now and then.
const BLOCK: usize = 1024;

/// The timeline: lanes, bars, print tokens, the ruler and the cursor.
///
/// A live run redraws it every frame, so the page's work per frame is
/// kept small (issue #21): bars and ticks are drawn only around the part
/// in view (plus a view on each side), as nodes kept from frame to frame
/// (`mark_layer`); the cursor is followed without reading the layout
/// (where the view is is known: it only moves when the panel scrolls it or
/// the learner does, and a scroll event says so).
#[component]
pub(super) fn TimelinePanel(state: PlayerState) -> impl IntoView {
    let scroller = NodeRef::<leptos::html::Div>::new();
    let marks_el = NodeRef::<leptos::html::Div>::new();
    // The print tokens: three pages of columns around the cursor.
    let window_start = Memo::new(move |_| (state.cursor.get() / PAGE).saturating_sub(1) * PAGE);
    // What the scroller shows: its scrollLeft and width, px (0: not
    // measured yet).
    let view = RwSignal::new((0usize, 0usize));
    let rows = Memo::new(move |_| {
        let show = state.show_internal.get();
        let cap = state.rows_cap.get();
        state.track.with(|t| timeline_rows(t, show, cap))
    });
    let labels = move || {
        rows.with(|(rows, _)| {
            rows.iter()
                .map(|r: &Row| {
                    // One class string (not `class:grouped=`): a label's
                    // node is reused for another lane when lanes are
                    // inserted, and rewriting `class` would drop a
                    // `class:` toggle whose value did not change.
                    let class = format!(
                        "lane-label task-c{}{}{}",
                        r.colour,
                        if r.internal { " internal" } else { "" },
                        if r.grouped { " grouped" } else { "" }
                    );
                    // A task's label selects it (issue #17): a button
                    // that Enter and Space press.
                    let task = r.task.clone();
                    let pickable = !task.is_empty();
                    let (t1, t2, t3) = (task.clone(), task.clone(), task.clone());
                    let selected = move || state.is_selected(&t1);
                    view! {
                        <div class=move || format!("{class}{}", if selected() { " selected" } else { "" })
                            data-testid="lane" data-kind=r.kind
                            data-task=r.task.clone() title=r.name.clone()
                            role=pickable.then_some("button") tabindex=pickable.then_some("0")
                            aria-pressed=move || pickable.then(|| if state.is_selected(&t2) { "true" } else { "false" })
                            on:click=move |_| state.toggle_task(&t3)
                            on:keydown=move |ev| {
                                if pickable && matches!(ev.key().as_str(), "Enter" | " ") {
                                    ev.prevent_default();
                                    ev.stop_propagation();
                                    state.toggle_task(&task);
                                }
                            }
                            style:height=format!("{LANE_H}px")>{r.name.clone()}</div>
                    }
                })
                .collect_view()
        })
    };
    // The columns whose bars and ticks are drawn.
    let drawn = Memo::new(move |_| {
        let (left, w) = view.get();
        let w = if w == 0 { window_width() } else { w };
        let lo = left.saturating_sub(w) / BLOCK * BLOCK;
        let hi = (left + 2 * w) / BLOCK * BLOCK + BLOCK;
        let mode = state.timeline_mode.get();
        state.track.with(|t| {
            if t.columns.is_empty() {
                (0, 0)
            } else {
                (t.col_at_in(mode, lo), t.col_at_in(mode, hi) + 1)
            }
        })
    });
    let layer = StoredValue::new_local(None::<MarkLayer>);
    Effect::new(move |_| {
        let (start, end) = drawn.get();
        let mode = state.timeline_mode.get();
        let marks = rows.with(|(_, row_of)| {
            state
                .track
                .with(|t| timeline_marks(t, row_of, start, end, mode))
        });
        let Some(el) = marks_el.get() else {
            return;
        };
        layer.update_value(|l| {
            l.get_or_insert_with(|| MarkLayer::new(el.into()))
                .show(marks)
        });
    });
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
    let cursor_x = Memo::new(move |_| {
        let c = state.cursor.get();
        let mode = state.timeline_mode.get();
        state.track.with(|t| (t.x_in(mode, c), t.w_in(mode, c)))
    });
    let on_scroll = keep_cursor_in_view(state, scroller, view, cursor_x);
    let mode_name = move || match state.timeline_mode.get() {
        TimelineMode::Steps => "steps",
        TimelineMode::Time => "time",
    };
    view! {
        <div class="timeline" data-testid="timeline" data-mode=mode_name role="region" aria-label=ui().timeline_label>
            <div class="lane-labels" style:padding-top=format!("{RULER_H}px")>{labels}</div>
            <div class="timeline-scroll" node_ref=scroller tabindex="0" role="group" aria-label=ui().timeline_steps
                on:scroll=on_scroll>
                <div class="timeline-inner" style:width=width style:height=height>
                    {move || selected_band(state, rows)}
                    <div class="timeline-marks" node_ref=marks_el></div>
                    <For each=tokens key=Mark::clone children=move |m| mark_view(m, state)/>
                    <div class="timeline-future" aria-hidden="true"
                        style:left=move || format!("{}px", cursor_x.with(|(x, w)| x + w))></div>
                    <div class="timeline-cursor" aria-hidden="true"
                        style:left=move || format!("{}px", cursor_x.get().0)
                        style:width=move || format!("{}px", cursor_x.get().1)></div>
                </div>
            </div>
        </div>
        <TimelineOptions state/>
    }
}

/// A band across the selected task's lane (issue #17), under the marks.
fn selected_band(state: PlayerState, rows: Memo<(Vec<Row>, Vec<usize>)>) -> Option<impl IntoView> {
    let i = state.selected_task.with(|s| {
        let s = s.as_deref()?;
        rows.with(|(rows, _)| rows.iter().position(|r| r.task == s))
    })?;
    Some(view! {
        <div class="timeline-selected-lane" aria-hidden="true"
            style:top=format!("{}px", RULER_H + i * LANE_H)
            style:height=format!("{LANE_H}px")></div>
    })
}

/// Keeps the cursor in view: when it leaves the view, centres it. The
/// scroll is written in an animation frame, where the layout it needs is
/// the frame's own; nothing is read (a read after the DOM changed would
/// force a layout in the middle of the update). `view` (the scroller's
/// scrollLeft and width) is measured once mounted and on a resize, then
/// known from the scroll events: the returned handler is the scroller's
/// `scroll` listener.
fn keep_cursor_in_view(
    state: PlayerState,
    scroller: NodeRef<leptos::html::Div>,
    view: RwSignal<(usize, usize)>,
    cursor_x: Memo<(usize, usize)>,
) -> impl Fn(leptos::ev::Event) + Copy + 'static {
    let wrote = StoredValue::new(None::<usize>);
    let scroll_to = StoredValue::new(None::<usize>);
    // (Every read here may come an animation frame after the panel was
    // unmounted, its signals disposed: `try_` reads, nothing done then.)
    let follow = move || {
        let (Some((x, w)), Some((left, vw))) =
            (cursor_x.try_get_untracked(), view.try_get_untracked())
        else {
            return;
        };
        if vw == 0 || (x >= left && x + w <= left + vw) {
            return;
        }
        let Some(mode) = state.timeline_mode.try_get_untracked() else {
            return;
        };
        let total = state
            .track
            .try_with_untracked(|t| t.width_in(mode).max(44))
            .unwrap_or(0);
        let target = (x + w / 2)
            .saturating_sub(vw / 2)
            .min(total.saturating_sub(vw));
        view.set((target, vw));
        if scroll_to.get_value().is_none() {
            request_animation_frame(move || {
                let (Some(Some(x)), Some(Some(el))) =
                    (scroll_to.try_get_value(), scroller.try_get_untracked())
                else {
                    return;
                };
                scroll_to.set_value(None);
                wrote.set_value(Some(x));
                el.set_scroll_left(x as i32);
            });
        }
        scroll_to.set_value(Some(target));
    };
    Effect::new(move |_| {
        cursor_x.track();
        follow();
    });
    // Where the view is: measured once mounted and when the window is
    // resized; then known from the scroll events.
    let measure = move || {
        request_animation_frame(move || {
            if let Some(Some(el)) = scroller.try_get_untracked() {
                let at = (
                    el.scroll_left().max(0) as usize,
                    el.client_width().max(0) as usize,
                );
                if view.try_get_untracked() != Some(at) {
                    view.set(at);
                }
                follow();
            }
        })
    };
    Effect::new(move |_| {
        if scroller.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    move |_: leptos::ev::Event| {
        let Some(el) = scroller.get_untracked() else {
            return;
        };
        let (left, vw) = view.get_untracked();
        // The panel's own scroll (to where it already knows): nothing to
        // read.
        if wrote.try_update_value(|w| w.take()).flatten() == Some(left) {
            return;
        }
        let at = (
            el.scroll_left().max(0) as usize,
            vw.max(el.client_width().max(0) as usize),
        );
        if at != (left, vw) {
            view.set(at);
        }
    }
}

/// The options under the timeline: lay out by time, show the internal
/// tasks (when there are some), the CPU model.
#[component]
fn TimelineOptions(state: PlayerState) -> impl IntoView {
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
    view! {
        <div class="timeline-options">{mode_toggle}{toggle}{super::controls::cpu_toggle(state)}</div>
    }
}

/// The window's width (an upper bound of the timeline's, read without a
/// layout), px.
fn window_width() -> usize {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .map_or(1280, |w| w.max(0.0) as usize)
}

/// The DOM of a print token (the other marks are drawn by the
/// [`MarkLayer`]).
fn mark_view(mark: Mark, state: PlayerState) -> AnyView {
    match mark {
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
        _ => ().into_any(),
    }
}
