//! The frames panel (issue #17, `data-testid="frames"`): inside every task
//! still alive, its await chain (`main → gather → worker → sleep`), its
//! coroutine frames and their local variables as last recorded (the run
//! records them whenever a task suspends: `Limits::inspect_frames`), a
//! value that changed in the last step marked. A labelled tree for screen
//! readers; clicking a frame shows its line in the code. The model is
//! `frames_model`.

use super::frames_model::{frames_view, words, TaskFrames};
use super::player_state::PlayerState;
use leptos::prelude::*;
use looplab_engine::snapshot::Snapshot;

/// The panel.
#[component]
pub(super) fn FramesPanel(state: PlayerState) -> impl IntoView {
    let rows = Memo::new(move |_| {
        let c = state.cursor.get();
        let now = state.snap.get();
        state.track.with(|t| {
            let before = if c == 0 {
                Snapshot::default()
            } else {
                t.after_step(c - 1)
            };
            frames_view(&now.0, &before, |task| {
                t.task_lane(task).is_some_and(|l| !t.lanes[l].internal)
            })
        })
    });
    view! {
        <section class="frames-panel" data-testid="frames" aria-labelledby="frames-heading">
            <h2 id="frames-heading">{words::HEADING}</h2>
            {move || {
                let rows = rows.get();
                if rows.iter().all(|r| r.frames.is_empty()) && rows.is_empty() {
                    return view! { <p class="muted empty">{words::EMPTY}</p> }.into_any();
                }
                view! {
                    <ul class="frames-tree" role="tree" aria-label=words::TREE_LABEL>
                        {rows.into_iter().map(|r| task_item(state, r)).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

fn task_item(state: PlayerState, r: TaskFrames) -> impl IntoView {
    let label = format!("{}: {}", r.name, r.chain);
    view! {
        <li role="treeitem" aria-expanded="true" aria-label=label class="frames-task"
            class:running=r.running>
            <span class="task-chain" data-testid="task-chain" data-task=r.name.clone()>{r.chain}</span>
            <ul role="group">
                {r.frames.into_iter().map(|f| {
                    let line = f.line;
                    let library = f.library;
                    let label = words::frame_label(&f.name, line, library);
                    view! {
                        <li role="treeitem" aria-expanded="true" aria-label=label.clone()
                            data-testid="frame" data-line=line.to_string() class="frame">
                            <button type="button" class="frame-name" tabindex="-1"
                                disabled=library
                                on:click=move |_| state.focus_line.set(Some(line))>{label}</button>
                            <ul role="group">
                                {f.vars.into_iter().map(|v| {
                                    let label = format!("{} = {}", v.name, v.value);
                                    view! {
                                        <li role="treeitem" aria-label=label data-testid="var"
                                            data-name=v.name.clone()
                                            data-changed=v.changed.then_some("true")
                                            class="var" class:changed=v.changed>
                                            <code class="var-name">{v.name}</code>" = "
                                            <code class="var-value">{v.value}</code>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </li>
    }
}
