//! The player's in-browser tests (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use looplab_app::content::LESSONS;
use looplab_app::player::cpu_choice::CpuChoice;
use looplab_app::player::engine;
use looplab_app::player::live::Progress;
use looplab_app::player::track::Track;
use looplab_engine::run::{self, RunOutcome};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Drives a live run the way the player does (small slices of fuel, the
/// page yielding in between, the events each slice recorded fetched after
/// it) and returns the trace it published.
async fn live_trace(source: &str) -> Vec<looplab_engine::trace::Event> {
    let mut run = engine::start_live(source, 1, CpuChoice::default()).expect("a live run starts");
    let mut slices = 0;
    let mut events = Vec::new();
    loop {
        let p = run.advance(1_000);
        events.extend(run.events_since(events.len(), usize::MAX));
        slices += 1;
        assert!(slices < 1_000_000, "the run never finished");
        match p {
            Progress::Finished => break,
            Progress::Ready | Progress::WaitUntil(_) => breathe().await,
        }
    }
    events
}

/// Gives the page a turn.
async fn breathe() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// The whole run at once, as the engine's one-shot API gives it.
fn one_shot(source: &str) -> RunOutcome {
    run::run_program(
        source,
        engine::FILENAME,
        &engine::limits(1, CpuChoice::default()),
    )
}

/// A program that computes for a while before its first await and between
/// awaits: the player's slices end in the middle of a task's step.
const CPU_HEAVY: &str = "import asyncio

async def work(name, n):
    total = 0
    for i in range(n):
        total += i % 7
    print(name, total)
    await asyncio.sleep(0.1)
    for i in range(n // 2):
        total -= i % 3
    print(name, total)

async def main():
    total = 0
    for i in range(200000):
        total += i
    print('setup', total)
    await asyncio.gather(work('a', 60000), work('b', 30000))

asyncio.run(main())
";

/// Every lesson snippet (but those flagged `cpu`: seconds of computing on
/// purpose, millions of loop iterations that a debug wasm runs for minutes;
/// `crates/engine/tests/cpu_model.rs` checks their sliced runs natively)
/// and a CPU-heavy program: the live run (in slices,
/// on the browser's event loop), the player's instant run (in slices of
/// adaptive fuel, yielding to the page) and the one-shot run give the same
/// trace (the instant run the same outcome too), and the player's track
/// built as the live run publishes it equals the one built at once.
#[wasm_bindgen_test]
async fn live_sliced_and_one_shot_runs_give_identical_traces() {
    let mut checked = 0;
    let programs = LESSONS
        .iter()
        .flat_map(|l| {
            l.snippets
                .iter()
                .filter(|s| !s.cpu_model)
                .map(move |s| (format!("{}/{}", l.id, s.name), s.code))
        })
        .chain([("cpu-heavy".to_string(), CPU_HEAVY)]);
    for (what, code) in programs {
        // (The test yields between its long pieces: a renderer busy for
        // 30 s at a stretch is dropped by the test runner's driver.)
        breathe().await;
        let whole_run = one_shot(code);
        breathe().await;
        let instant = whole_run.trace.events.clone();
        let sliced = engine::run_sliced(code, 1, CpuChoice::default(), || true)
            .await
            .expect("an instant run nobody cancels finishes");
        assert_eq!(
            sliced, whole_run,
            "{what}: sliced and one-shot outcomes differ"
        );
        let live = live_trace(code).await;
        assert!(!instant.is_empty(), "{what}: empty trace");
        assert_eq!(live, instant, "{what}: live and instant traces differ");

        // Published the way the live player publishes: everything up to
        // the next virtual instant at a time, and event by event.
        let whole = Track::from_events(instant.clone());
        breathe().await;
        let mut by_instant = Track::default();
        let mut start = 0;
        while start < live.len() {
            let t = live[start].time_ns;
            let end = start + live[start..].partition_point(|e| e.time_ns <= t);
            by_instant.extend(&live[start..end]);
            start = end;
        }
        breathe().await;
        let mut by_event = Track::default();
        for (i, e) in live.iter().enumerate() {
            by_event.extend(std::slice::from_ref(e));
            if i % 2_000 == 0 {
                breathe().await;
            }
        }
        for grown in [&by_instant, &by_event] {
            assert_eq!(grown.steps(), whole.steps(), "{what}: steps");
            assert_eq!(grown.lanes, whole.lanes, "{what}: lanes");
            assert_eq!(grown.columns, whole.columns, "{what}: columns");
            assert_eq!(grown.tokens, whole.tokens, "{what}: tokens");
            for i in 0..whole.steps().len() {
                assert_eq!(grown.after_step(i), whole.after_step(i), "{what}: step {i}");
                if i % 500 == 0 {
                    breathe().await;
                }
            }
        }
        checked += 1;
    }
    assert!(checked >= 4, "only {checked} programs");
}

/// An instant run stops between slices once it is cancelled (Stop, an
/// edit, the player gone), however long the program would run: it asks
/// before every slice (and every library piece it compiles first), and
/// never again once told no.
#[wasm_bindgen_test]
async fn a_sliced_run_stops_when_cancelled() {
    use std::cell::Cell;
    use std::rc::Rc;
    const ALLOWED: u32 = 40;
    let asked = Rc::new(Cell::new(0u32));
    let count = asked.clone();
    let alive = move || {
        count.set(count.get() + 1);
        count.get() <= ALLOWED
    };
    let outcome =
        engine::run_sliced("while True:\n    pass\n", 1, CpuChoice::default(), alive).await;
    assert!(outcome.is_none(), "a cancelled run has no outcome");
    assert_eq!(asked.get(), ALLOWED + 1, "stopped at the first no");
}

/// Seeking anywhere folds from a checkpoint: the result equals folding the
/// whole prefix from scratch.
#[wasm_bindgen_test]
fn seeking_equals_folding_from_scratch() {
    let source = LESSONS[0].main_snippet().code;
    let events = one_shot(source).trace.events;
    let track = Track::from_events(events.clone());
    for n in [0, 1, events.len() / 3, events.len() / 2, events.len()] {
        assert_eq!(
            track.at_event(n),
            looplab_engine::snapshot::Snapshot::fold(&events[..n]),
            "after {n} events"
        );
    }
}
