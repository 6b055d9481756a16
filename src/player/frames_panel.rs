//! The frames panel (issue #17, `data-testid="frames"`): inside every task
//! still alive, its await chain (`main → gather → worker → sleep`), its
//! frames and their local variables as last recorded (the run records them
//! whenever a task suspends, `Limits::inspect_frames`, and before each line
//! it runs, for the first `Limits::max_line_frames` lines), a value that
//! changed in the last step marked. A labelled tree for screen
//! readers, whose tasks and frames open and close (a triangle, or Left and
//! Right: what the learner closed stays closed while stepping); clicking a
//! frame marks its line in the code and scrolls to it. The model is
//! `frames_model`.

use super::frames_model::{
    alive_tasks, frame_label, frames_view, globals_view, selected_first, TaskFrames, VarRow,
};
use super::player_state::PlayerState;
use super::track::LaneOwner;
use crate::i18n::{fill, ui};
use leptos::prelude::*;
use looplab_engine::snapshot::TaskView;
use std::collections::HashSet;

/// The panel.
#[component]
pub(super) fn FramesPanel(state: PlayerState) -> impl IntoView {
    let rows = Memo::new(move |_| {
        let now = state.snap.get();
        if state.track.with(|t| t.steps().is_empty()) {
            return (Vec::new(), 0);
        }
        // (In line mode, the line step before and the line's task.)
        let before = state.snapshot_before();
        let ran = state.running_task();
        // At most this many tasks are drawn, the selected one always (a run
        // can have 100,000 alive: the rest are counted in a last row, and
        // neither their rows nor a look at each of them is made; 200 rows
        // cost a showing of such a run over 50 ms of layout, and 50 its
        // first showing, which draws every panel at once).
        const TASKS_DRAWN: usize = 20;
        let selected = state.selected_task.get();
        let (mut rows, hidden) = state.track.with(|t| {
            let now = &now.0;
            let drawn = |v: &&TaskView| t.task_lane(v.id).is_some_and(|l| !t.lanes[l].internal);
            let cap = TASKS_DRAWN.min(state.rows_cap.get());
            let mut picked: Vec<&TaskView> = alive_tasks(now).filter(drawn).take(cap).collect();
            if let Some(name) = selected.as_deref() {
                if !picked.iter().any(|v| v.name == name) {
                    let further = alive_tasks(now).filter(drawn).skip(cap);
                    picked.extend(further.filter(|v| v.name == name));
                }
            }
            // Hidden: the tasks alive, less asyncio's own (few: a look at
            // their lanes) and those drawn.
            let internal = t
                .lanes
                .iter()
                .filter(|l| l.internal)
                .filter_map(|l| match l.owner {
                    LaneOwner::Task(id) => now.tasks.get(&id),
                    _ => None,
                })
                .filter(|v| !v.state.is_finished())
                .count();
            let alive = now.tasks.len() - now.finished_count();
            let hidden = alive.saturating_sub(internal + picked.len());
            (frames_view(now, &before, ran, picked), hidden)
        });
        selected_first(&mut rows, selected.as_deref());
        (rows, hidden)
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
    // The tasks and frames the learner closed (`node_key`), kept across
    // steps and runs: the tree is drawn anew at each step.
    let closed = RwSignal::new(HashSet::<String>::new());
    move || {
        (has_tasks.get() != Some(false)).then(|| {
            view! {
                <section class="frames-panel" data-testid="frames" aria-labelledby="frames-heading">
                    <h2 id="frames-heading">{ui().frames_heading}</h2>
                    {move || {
                        let (rows, hidden) = rows.get();
                        tree(state, closed, rows, hidden, has_tasks.get().is_none())
                    }}
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
fn tree(
    state: PlayerState,
    closed: Closed,
    rows: Vec<TaskFrames>,
    hidden: usize,
    before_run: bool,
) -> AnyView {
    if before_run {
        return view! { <p class="muted empty">{ui().frames_before_run}</p> }.into_any();
    }
    if rows.is_empty() {
        return view! { <p class="muted empty">{ui().frames_empty}</p> }.into_any();
    }
    view! {
        <ul class="frames-tree" role="tree" aria-label=ui().frames_tree_label on:keydown=move |ev| tree_key(&ev, closed)>
            {rows.into_iter().enumerate().map(|(i, r)| task_item(state, closed, r, i == 0)).collect_view()}
        </ul>
        {(hidden > 0).then(|| view! {
            <p class="muted more-rows" data-testid="more-rows">{fill(ui().more_lanes, &[&hidden])}</p>
        })}
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
            tabindex=(role == "treeitem").then_some("-1")
            data-name=name
            data-changed=v.changed.then_some("true")
            class="var" class:changed=v.changed>
            <code class="var-name">{v.name}</code>" = "
            <code class="var-value">{v.value}</code>
        </li>
    }
}

/// The tasks and frames closed in the tree, by `node_key`.
type Closed = RwSignal<HashSet<String>>;

/// A tree node's key in `Closed`: the task's name, and for a frame its
/// place in the chain (outermost 0).
fn node_key(task: &str, frame: Option<usize>) -> String {
    match frame {
        Some(i) => format!("{task}\u{0}{i}"),
        None => task.to_string(),
    }
}

/// The triangle opening or closing node `key` (the mouse's way; the
/// keyboard's is Left and Right on the item, `tree_key`), and whether the
/// node is open, for `aria-expanded`. The stylesheet draws the triangle
/// from the item's `aria-expanded` (a text node of its own was replaced
/// at every step: two DOM records per node).
fn toggle(closed: Closed, key: String) -> (impl IntoView, Memo<bool>) {
    let k = key.clone();
    let open = Memo::new(move |_| closed.with(|c| !c.contains(&k)));
    let button = view! {
        <button type="button" class="twisty" tabindex="-1" aria-hidden="true"
            title=ui().frames_toggle
            on:click=move |_| flip(closed, &key)></button>
    };
    (button, open)
}

/// Opens node `key` if closed, else closes it.
fn flip(closed: Closed, key: &str) {
    closed.update(|c| {
        if !c.remove(key) {
            c.insert(key.to_string());
        }
    });
}

/// A task of the tree; the `first` is the tree's one stop for Tab (the
/// others are reached with the arrow keys: `tree_key`).
fn task_item(state: PlayerState, closed: Closed, r: TaskFrames, first: bool) -> impl IntoView {
    let u = ui();
    // Tree items take their names from their content (no aria-label: it
    // would hide the variables' text from the name).
    let name = r.name.clone();
    let pick = r.name.clone();
    let key = node_key(&r.name, None);
    let (twisty, open) = toggle(closed, key.clone());
    let expanded = move || if open.get() { "true" } else { "false" };
    let task = r.name.clone();
    view! {
        <li role="treeitem" aria-expanded=expanded tabindex=if first { "0" } else { "-1" }
            data-key=key
            class="frames-task" class:running=r.running
            class:selected=r.selected aria-selected=r.selected.then_some("true")>
            {twisty}
            <button type="button" class="task-pick" aria-pressed=if r.selected { "true" } else { "false" }
                title=u.select_task_title on:click=move |_| state.toggle_task(&pick)>
                <code class="task-name">{name}</code>" "
                <span class="task-chain" data-testid="task-chain" data-task=r.name.clone()>{r.chain}</span>
            </button>
            <ul role="group" hidden=move || !open.get()>
                {r.frames.into_iter().enumerate().map(|(i, f)| {
                    let line = f.line;
                    let library = f.library;
                    let label = frame_label(&f.name, line, library);
                    let title = (!library).then(|| fill(u.frames_show_line, &[&line]));
                    // (A frame without variables is a leaf: no triangle.)
                    let key = node_key(&task, Some(i));
                    let inner = (!f.vars.is_empty()).then(|| toggle(closed, key.clone()));
                    let open = inner.as_ref().map(|(_, o)| *o);
                    let twisty = inner.map(|(b, _)| b);
                    let expanded = move || open.map(|o| if o.get() { "true" } else { "false" });
                    let is_closed = move || open.is_some_and(|o| !o.get());
                    view! {
                        <li role="treeitem" aria-expanded=expanded tabindex="-1"
                            data-key=key data-testid="frame" data-line=line.to_string() class="frame">
                            {twisty}
                            <button type="button" class="frame-name" disabled=library title=title
                                on:click=move |_| state.focus_line.set(Some(line))>{label}</button>
                            <ul role="group" hidden=is_closed>
                                {f.vars.into_iter().map(|v| var_item(v, "treeitem")).collect_view()}
                            </ul>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </li>
    }
}

/// The tree's keys (the WAI-ARIA tree pattern): Up and Down move to the
/// previous or next visible item, Home and End to the first or last, Right
/// opens a closed item or moves to an open one's first child, Left closes
/// an open item or moves to the item's parent, Enter or Space on an item
/// acts as a click on its button. The keys stop here: the player's own
/// arrows, Home, End and Space would step or play.
fn tree_key(ev: &web_sys::KeyboardEvent, closed: Closed) {
    use wasm_bindgen::JsCast;
    let key = ev.key();
    let nav = matches!(
        key.as_str(),
        "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight" | "Home" | "End"
    );
    if !nav && key != "Enter" && key != " " {
        return;
    }
    let Some(tree) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let lis = tree.get_elements_by_tag_name("li");
    let items: Vec<web_sys::HtmlElement> = (0..lis.length())
        .filter_map(|i| lis.item(i))
        .filter(|e| e.get_attribute("role").as_deref() == Some("treeitem"))
        // (Items inside a closed node are not visible: not walked.)
        .filter(|e| e.closest("[hidden]").ok().flatten().is_none())
        .filter_map(|e| e.dyn_into().ok())
        .collect();
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let Some(active) = active else { return };
    let Some(at) = items.iter().position(|i| i.is_same_node(Some(&active))) else {
        // (Focus on a button inside an item: its own keys.)
        return;
    };
    ev.prevent_default();
    ev.stop_propagation();
    if !nav {
        if let Some(button) = items[at]
            .query_selector("button:not([disabled])")
            .ok()
            .flatten()
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
        {
            button.click();
        }
        return;
    }
    let expanded = items[at].get_attribute("aria-expanded");
    let key_of = |i: usize| items[i].get_attribute("data-key");
    match (key.as_str(), expanded.as_deref(), key_of(at)) {
        ("ArrowRight", Some("false"), Some(k)) | ("ArrowLeft", Some("true"), Some(k)) => {
            flip(closed, &k);
            return;
        }
        _ => {}
    }
    let last = items.len() - 1;
    let to = match key.as_str() {
        "ArrowDown" => Some((at + 1).min(last)),
        "ArrowUp" => Some(at.saturating_sub(1)),
        "Home" => Some(0),
        "End" => Some(last),
        "ArrowLeft" => (0..at).rev().find(|&i| items[i].contains(Some(&items[at]))),
        _ => items
            .get(at + 1)
            .filter(|next| items[at].contains(Some(next)))
            .map(|_| at + 1),
    };
    if let Some(to) = to {
        let _ = items[at].set_attribute("tabindex", "-1");
        let _ = items[to].set_attribute("tabindex", "0");
        let _ = items[to].focus();
    }
}
