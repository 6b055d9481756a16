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
//!    showing does, steps once (the update paths), and is emptied, each in
//!    an idle task of its own (it stays mounted: see `draw_once`);
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
/// the panels' lists, frames and lanes all have rows.
const PROGRAM: &str = "\
import asyncio

async def worker(name, queue, delay):
    while True:
        item = await queue.get()
        await asyncio.sleep(delay)
        print(f'{name} took {item}')
        queue.task_done()

async def main():
    queue = asyncio.Queue(maxsize=2)
    workers = [asyncio.create_task(worker(f'w{i}', queue, 0.1 * i)) for i in range(3)]
    sleeper = asyncio.create_task(asyncio.sleep(10))
    for item in range(6):
        await queue.put(item)
    await queue.join()
    for w in workers:
        w.cancel()
    sleeper.cancel()
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
    // own code paths), then a step.
    let track = Track::from_events(events);
    let steps = track.steps().len();
    let handle: PlayerHandle = RwSignal::new(None);
    // It stays mounted, emptied at the end: the panels' animation-frame
    // and timer callbacks (an embed out of view runs them seconds late)
    // read its signals, and unmounted they would find them disposed (a
    // panic: the embed test caught it).
    leptos::mount::mount_to(parent, move || {
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
    if needed() {
        state.rows_cap.set(FIRST_ROWS * 2);
        state.cursor.set(2 * steps / 3);
        idle().await;
    }
    // Emptied, as before a run: it holds no trace.
    state.live.set(LiveState::Idle);
    state.cursor.set(0);
    state.track.set(Track::default());
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
