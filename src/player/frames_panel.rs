//! The frames panel (issue #17, `data-testid="frames"`): inside every task
//! still alive, its await chain (`main → gather → worker → sleep`), its
//! coroutine frames and their local variables as last recorded (the run
//! records them whenever a task suspends: `Limits::inspect_frames`), a
//! value that changed in the last step marked. A labelled tree for screen
//! readers; clicking a frame marks its line in the code and scrolls to it.
//! The model is `frames_model`.

use super::frames_model::{
    frame_label, frames_view, globals_view, selected_first, TaskFrames, VarRow,
};
use super::player_state::PlayerState;
use super::track::LaneOwner;
use crate::i18n::{fill, ui};
use leptos::prelude::*;

/// The panel.
#[component]
pub(super) fn FramesPanel(state: PlayerState) -> impl IntoView {
    let rows = Memo::new(move |_| {
        let now = state.snap.get();
        if state.track.with(|t| t.steps().is_empty()) {
            return Vec::new();
        }
        // (In line mode, the line step before and the line's task.)
        let before = state.snapshot_before();
        let ran = state.running_task();
        let mut rows = state.track.with(|t| {
            frames_view(&now.0, &before, ran, |task| {
                t.task_lane(task).is_some_and(|l| !t.lanes[l].internal)
            })
        });
        state
            .selected_task
            .with(|s| selected_first(&mut rows, s.as_deref()));
        rows
    });
    // (None: no run yet; Some(false): a run without asyncio tasks, a
    // program of threads, where the panel has nothing to show.)
    let has_tasks = Memo::new(move |_| {
        state.track.with(|t| {
            (!t.steps().is_empty()).then(|| {
                t.lanes
                    .iter()
                    .any(|l| matches!(l.owner, LaneOwner::Task(_)))
            })
        })
    });
    // (Outside the tree's re-render, so the section stays open or
    // closed as the learner left it.)
    let globals = Memo::new(move |_| {
        let now = state.snap.get();
        globals_view(&now.0, &state.snapshot_before())
    });
    move || {
        (has_tasks.get() != Some(false)).then(|| {
            view! {
                <section class="frames-panel" data-testid="frames" aria-labelledby="frames-heading">
                    <h2 id="frames-heading">{ui().frames_heading}</h2>
                    {move || tree(state, rows.get(), has_tasks.get().is_none())}
                    <details class="frames-globals" data-testid="globals">
                        <summary>{ui().frames_globals}</summary>
                        {move || globals_list(globals.get())}
                    </details>
                </section>
            }
        })
    }
}

/// The tree of tasks, or a sentence saying why there is none.
fn tree(state: PlayerState, rows: Vec<TaskFrames>, before_run: bool) -> AnyView {
    if before_run {
        return view! { <p class="muted empty">{ui().frames_before_run}</p> }.into_any();
    }
    if rows.is_empty() {
        return view! { <p class="muted empty">{ui().frames_empty}</p> }.into_any();
    }
    view! {
        <ul class="frames-tree" role="tree" aria-label=ui().frames_tree_label>
            {rows.into_iter().map(|r| task_item(state, r)).collect_view()}
        </ul>
    }
    .into_any()
}

/// The module's globals (a plain list: a section of its own, not part of
/// the tasks' tree).
fn globals_list(vars: Vec<VarRow>) -> AnyView {
    if vars.is_empty() {
        return view! { <p class="muted empty">{ui().frames_globals_empty}</p> }.into_any();
    }
    view! {
        <ul class="frames-globals-list">{vars.into_iter().map(|v| var_item(v, "listitem")).collect_view()}</ul>
    }
    .into_any()
}

/// One variable: `name = repr`, marked when it changed in the last step.
fn var_item(v: VarRow, role: &'static str) -> impl IntoView {
    let label = if v.changed {
        fill(ui().frames_var_changed, &[&v.name, &v.value])
    } else {
        format!("{} = {}", v.name, v.value)
    };
    let name = v.name.clone();
    view! {
        <li role=role aria-label=label data-testid="var"
            data-name=name
            data-changed=v.changed.then_some("true")
            class="var" class:changed=v.changed>
            <code class="var-name">{v.name}</code>" = "
            <code class="var-value">{v.value}</code>
        </li>
    }
}

fn task_item(state: PlayerState, r: TaskFrames) -> impl IntoView {
    let u = ui();
    // Tree items take their names from their content (no aria-label: it
    // would hide the variables' text from the name).
    let name = r.name.clone();
    let pick = r.name.clone();
    view! {
        <li role="treeitem" aria-expanded="true" class="frames-task" class:running=r.running
            class:selected=r.selected aria-selected=r.selected.then_some("true")>
            <button type="button" class="task-pick" aria-pressed=if r.selected { "true" } else { "false" }
                title=u.select_task_title on:click=move |_| state.toggle_task(&pick)>
                <code class="task-name">{name}</code>" "
                <span class="task-chain" data-testid="task-chain" data-task=r.name.clone()>{r.chain}</span>
            </button>
            <ul role="group">
                {r.frames.into_iter().map(|f| {
                    let line = f.line;
                    let library = f.library;
                    let label = frame_label(&f.name, line, library);
                    let title = (!library).then(|| fill(u.frames_show_line, &[&line]));
                    view! {
                        <li role="treeitem" aria-expanded="true" data-testid="frame" data-line=line.to_string() class="frame">
                            <button type="button" class="frame-name" disabled=library title=title
                                on:click=move |_| state.focus_line.set(Some(line))>{label}</button>
                            <ul role="group">
                                {f.vars.into_iter().map(|v| var_item(v, "treeitem")).collect_view()}
                            </ul>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </li>
    }
}
