//! The program as the player shows it: syntax colouring (the classifier
//! the editor uses too), the running task's line highlighted and every
//! parked task's line marked in its lane's colour.

use super::line_steps::paused_line;
use super::player_state::PlayerState;
use crate::editor::render::{Parks, PARKS_PER_LINE, PARK_MORE};
use crate::highlight::segments_by_line;
use leptos::prelude::*;
use looplab_engine::snapshot::TaskState;

/// The code with syntax colouring, the running task's line highlighted and
/// every suspended task's line marked in its colour.
#[component]
pub(super) fn CodePanel(state: PlayerState) -> impl IntoView {
    let marks = code_marks(state);
    let rows = move || code_rows(state, marks);
    let pre = NodeRef::<leptos::html::Pre>::new();
    // A line asked for (a frame clicked in the frames panel, a console
    // line): brought into view if it is not.
    Effect::new(move |_| {
        let (Some(line), Some(pre)) = (state.focus_line.get(), pre.get()) else {
            return;
        };
        let row = pre
            .query_selector(&format!(".code-line[data-line=\"{line}\"]"))
            .ok()
            .flatten();
        if let (Some(row), Some(win)) = (row, web_sys::window()) {
            let r = row.get_bounding_client_rect();
            let h = win
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
            if r.top() < 0.0 || r.bottom() > h {
                row.scroll_into_view_with_bool(false);
            }
        }
    });
    view! {
        <pre class="code player-code" data-testid="code" tabindex="0" node_ref=pre aria-label=crate::i18n::ui().program><code>{rows}</code></pre>
    }
}

pub(super) type Marks = Memo<(Option<u32>, Vec<(u32, usize, String)>)>;

/// Marks of the current step: (running line, parked tasks as (line, lane
/// colour, name): waiting, or ready to resume after an `await`; at most
/// `PARKS_PER_LINE` a line). In line mode: the line step's line, and every other
/// task still alive at the line its innermost frame of the program is
/// paused at.
pub(super) fn code_marks(state: PlayerState) -> Marks {
    Memo::new(move |_| {
        let snap = state.snap.get();
        if let Some(l) = state.shown_line() {
            return state.track.with(|t| {
                let mut parks = Parks::default();
                let parked = snap
                    .0
                    .tasks
                    .values()
                    .filter(|task| Some(task.id) != l.task)
                    .filter(|task| {
                        matches!(
                            task.state,
                            TaskState::Waiting { .. } | TaskState::Ready | TaskState::Created
                        )
                    });
                for task in parked {
                    if let (Some(lane), Some(line)) = (t.task_lane(task.id), paused_line(task)) {
                        parks.add(line, t.lanes[lane].colour, &task.name);
                    }
                }
                (Some(l.line), parks.finish(crate::i18n::ui().more_lanes))
            });
        }
        let c = state.cursor.get();
        state.track.with(|t| {
            let ran = t.columns.get(c).and_then(|col| col.task);
            let snap = &snap.0;
            // (Line 0: the task just finished; no line to show.)
            let current = ran
                .and_then(|id| snap.tasks.get(&id))
                .map(|task| task.line)
                .filter(|&l| l > 0);
            // The parked tasks, from the fold's index by line: a badge for
            // the first few of a line, then a count (a run can have 100,000
            // parked: no look at each).
            // (The task the step ran is the current line, not a badge.)
            let ran_parked = ran
                .and_then(|id| snap.tasks.get(&id))
                .and_then(|task| task.parked_line());
            let mut parks = Parks::default();
            for (line, n) in snap.parked_lines() {
                let others = n - usize::from(ran_parked == Some(line));
                let mut shown = 0;
                for task in snap.parked_at(line).filter(|task| Some(task.id) != ran) {
                    if shown == PARKS_PER_LINE {
                        break;
                    }
                    if let Some(lane) = t.task_lane(task.id) {
                        parks.add(line, t.lanes[lane].colour, &task.name);
                        shown += 1;
                    }
                }
                parks.count_more(line, others - shown);
            }
            (current, parks.finish(crate::i18n::ui().more_lanes))
        })
    })
}

/// One row per line of the program, with its marks.
fn code_rows(state: PlayerState, marks: Marks) -> impl IntoView {
    let lines = state.source.with(|s| segments_by_line(s));
    lines
        .into_iter()
        .enumerate()
        .map(|(i, segments)| {
            let no = i as u32 + 1;
            let is_current = move || marks.with(|m| m.0 == Some(no));
            let focused = move || state.focus_line.get() == Some(no);
            let dots = move || {
                marks.with(|m| {
                    m.1.iter()
                        .filter(|p| p.0 == no)
                        .map(|(_, colour, name)| {
                            view! {
                                <span class=Parks::class(*colour)
                                    title=(*colour != PARK_MORE).then(|| crate::i18n::fill(crate::i18n::ui().parked_here, &[&name]))>{name.clone()}</span>
                            }
                        })
                        .collect_view()
                })
            };
            let segs = segments
                .into_iter()
                .map(|(class, text)| match class {
                    Some(c) => view! { <span class=c>{text}</span> }.into_any(),
                    None => text.into_any(),
                })
                .collect_view();
            view! {
                <span class="code-line" class:current=is_current class:focused=focused
                    data-line=no aria-current=move || is_current().then_some("step")
                    data-testid=move || is_current().then_some("current-line")>
                    <span class="line-no" aria-hidden="true">{no}</span>
                    <span class="line-text">{segs}</span>
                    <span class="parks">{dots}</span>
                    "\n"
                </span>
            }
        })
        .collect_view()
}
