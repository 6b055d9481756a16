//! The page's one-time warm-up, before the learner presses Run, in tasks
//! that each wait for the page to be idle and stay well under the 50 ms of
//! a "long task" (issues #19 and #21):
//!
//! 1. the engine ([`engine::warm_up_engine`]): [`PROGRAM`] run once in
//!    slices, which compiles the asyncio prelude (cached for every later
//!    run) and makes the browser compile the interpreter's hot paths;
//! 2. the drawing: the browser compiles the wasm's functions on their first
//!    call, and a live run's first showing was the first call of every
//!    panel's drawing code: measured with Chrome's tracing, 17–30 ms of its
//!    50–100 ms went to compiling them (`wasm.CompileLazy`), the rest to the
//!    panels' own work and the page's layout. So a [`Player`] (the page's
//!    own component: no copy of its code is built for this) is mounted
//!    into an element that is never in the document (nothing is laid out
//!    or painted), shows the warm-up program's run as a live run's first
//!    showing does, then as at the run's end (the update paths, every
//!    row), and is emptied, each in an idle task of its own (it stays
//!    mounted: see `draw_once`); after the showing and after the end, a
//!    copy of what it shows is laid out in the document, a part per task,
//!    for the fonts' sake (see [`lay_out_a_copy`]);
//! 3. the rest of the compiled-in library ([`engine::warm_up_library`]).
//!
//! A run started meanwhile makes the drawing's part unnecessary (its own
//! showings compile the same code): it stops at its next turn.

use super::engine;
use super::layout::Player;
use super::player_state::{LiveState, PlayerHandle, FIRST_ROWS};
use super::track::Track;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The warm-up's program: tasks waiting on a queue, on timers and on each
/// other, and prints, so the interpreter runs what most lessons run and
/// the panels' lists, frames and lanes all have rows (and a line of code
/// has more parked tasks than it shows badges: "+2 more").
const PROGRAM: &str = "\
import asyncio

async def worker(name, queue, delay):
    while True:
        item = await queue.get()
        await asyncio.sleep(delay)
        print(f'{name} took {item}')
        queue.task_done()

async def idle():
    await asyncio.sleep(10)

async def main():
    queue = asyncio.Queue(maxsize=2)
    workers = [asyncio.create_task(worker(f'w{i}', queue, 0.1 * i)) for i in range(3)]
    sleepers = [asyncio.create_task(idle()) for _ in range(6)]
    for item in range(6):
        await queue.put(item)
    await queue.join()
    for task in workers + sleepers:
        task.cancel()
    print('done')

asyncio.run(main())
";

fn needed() -> bool {
    !engine::a_run_started()
}

/// How long each step of the warm-up waits for the page to be idle at
/// most, ms.
const IDLE_TIMEOUT_MS: u32 = 1_000;

/// The warm-up; see the module's comment.
pub async fn warm_up() {
    if let Some(outcome) = engine::warm_up_engine(PROGRAM).await {
        draw_once(outcome.trace.events).await;
    }
    engine::warm_up_library().await;
}

/// Draws the panels once for the warm-up program's run, off the document,
/// one idle task at a time.
async fn draw_once(events: Vec<looplab_engine::trace::Event>) {
    let idle = || crate::browser::when_idle(IDLE_TIMEOUT_MS);
    idle().await;
    let Some(parent) = detached_element() else {
        return;
    };
    if !needed() {
        return;
    }
    // The player as a page has it before a Run (the same component: its
    // code is the page's, no copy of it is built for this), then the
    // run's first showing (the panels going from empty to full are their
    // own code paths), then its end.
    let track = Track::from_events(events);
    let steps = track.steps().len();
    let handle: PlayerHandle = RwSignal::new(None);
    // It stays mounted, emptied at the end: the panels' animation-frame
    // and timer callbacks (an embed out of view runs them seconds late)
    // read its signals, and unmounted they would find them disposed (a
    // panic: the embed test caught it).
    leptos::mount::mount_to(parent.clone(), move || {
        view! { <Player source=PROGRAM.to_string() handle=handle offscreen=true/> }
    })
    .forget();
    // (The panels come in a task of their own: `panels_after_the_page`.)
    idle().await;
    let Some(state) = handle.get_untracked() else {
        return;
    };
    idle().await;
    if needed() {
        state.live.set(LiveState::Running);
        state.rows_cap.set(FIRST_ROWS);
        state.track.set(track);
        state.cursor.set(steps / 3);
        idle().await;
    }
    lay_out_a_copy(&parent).await;
    if needed() {
        // The run's end: every row drawn (asyncio.run's own clean-up
        // tasks' lanes among them), the cursor on the last step.
        state.live.set(LiveState::Idle);
        state.rows_cap.set(usize::MAX);
        state.cursor.set(steps.saturating_sub(1));
        idle().await;
    }
    lay_out_a_copy(&parent).await;
    // Emptied, as before a run: it holds no trace.
    state.cursor.set(0);
    state.track.set(Track::default());
}

/// Lays out, inside the document, a copy of what the off-document player
/// shows, a part at a time, each in an idle task of its own, and takes it
/// out again in the same task (no other task, and no paint, ever sees it).
///
/// Laying out text in a font at a size the page has not used yet asks the
/// browser's process for that font (Chrome on Linux: an IPC per font and
/// size, `FontCache::GetFontPlatformData`), and a live run's first showing
/// was the first use of the panels' fonts: traced, 25–44 ms of its 52–68 ms
/// (a second run's first showing: 4 ms of layout in all). The page's fonts
/// are the page's once any layout has used them. The whole copy at once
/// made one task of 61 ms; [`PART_NODES`] elements at a time stay short.
async fn lay_out_a_copy(shown: &web_sys::HtmlElement) {
    let mut next = 0;
    while needed() {
        crate::browser::when_idle(IDLE_TIMEOUT_MS).await;
        match lay_out_parts(shown, next) {
            Some(after) => next = after,
            None => break,
        }
    }
}

/// How many elements each task of [`lay_out_a_copy`] lays out, about.
const PART_NODES: u32 = 120;

/// Lays out the parts of a copy from `first` on, [`PART_NODES`] elements'
/// worth (the others hidden: not laid out); the part to start from next
/// time, or `None` when none is left.
fn lay_out_parts(shown: &web_sys::HtmlElement, first: usize) -> Option<usize> {
    let document = web_sys::window()?.document()?;
    let copy: web_sys::Element = shown
        .first_element_child()?
        .clone_node_with_deep(true)
        .ok()?
        .dyn_into()
        .ok()?;
    let mut parts = Vec::new();
    split(&copy, &mut parts);
    if first >= parts.len() {
        return None;
    }
    let mut end = first;
    let mut nodes = 0;
    while end < parts.len() && (end == first || nodes + parts[end].1 <= PART_NODES) {
        nodes += parts[end].1;
        end += 1;
    }
    for (i, (part, _)) in parts.iter().enumerate() {
        if !(first..end).contains(&i) {
            let _ = part.set_attribute("style", "display:none");
        }
    }
    let wrapper = document.create_element("div").ok()?;
    // Out of sight and of the page's flow: no size of its own, never
    // painted, never focused or read out.
    let _ = wrapper.set_attribute(
        "style",
        "position:absolute;top:0;left:0;width:100%;height:0;overflow:hidden;\
         visibility:hidden;pointer-events:none;contain:strict",
    );
    let _ = wrapper.set_attribute("aria-hidden", "true");
    let _ = wrapper.set_attribute("data-testid", "warm-up-copy");
    let _ = wrapper.append_child(&copy);
    // Beside the page's own player, so the page's style rules reach it as
    // they reach that one (an embed's sizes are not the playground's).
    let page_player = document
        .query_selector("[data-testid=player]")
        .ok()
        .flatten();
    let place = page_player
        .and_then(|p| p.parent_element())
        .or_else(|| document.body().map(Into::into))?;
    if place.append_child(&wrapper).is_ok() {
        // (Measuring it lays the document out now.)
        let _ = wrapper.get_bounding_client_rect();
        wrapper.remove();
    }
    Some(end)
}

/// The parts of `el` with their sizes (elements inside): `el` itself if
/// it is small, else its children's parts, in document order.
fn split(el: &web_sys::Element, parts: &mut Vec<(web_sys::Element, u32)>) {
    let nodes = el.get_elements_by_tag_name("*").length();
    let children = el.children();
    if nodes <= PART_NODES || children.length() == 0 {
        parts.push((el.clone(), nodes));
        return;
    }
    for i in 0..children.length() {
        if let Some(child) = children.item(i) {
            split(&child, parts);
        }
    }
}

/// A `<div>` that is not in the document.
fn detached_element() -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .create_element("div")
        .ok()?
        .dyn_into()
        .ok()
}
