//! The player's in-browser tests (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use looplab_app::content::LESSONS;
use looplab_app::player::engine;
use looplab_app::player::live::Progress;
use looplab_app::player::track::Track;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Drives a live run the way the player does (small slices of fuel, the
/// page yielding in between) and returns the trace it published.
async fn live_trace(source: &str) -> Vec<looplab_engine::trace::Event> {
    let mut run = engine::start_live(source, 1).expect("a live run starts");
    let mut slices = 0;
    loop {
        let p = run.advance(1_000);
        slices += 1;
        assert!(slices < 1_000_000, "the run never finished");
        match p {
            Progress::Finished => break,
            Progress::Ready | Progress::WaitUntil(_) => {
                gloo_timers::future::TimeoutFuture::new(0).await;
            }
        }
    }
    run.events().to_vec()
}

/// Every lesson snippet: the live run (in slices, on the browser's event
/// loop) and the instant run give the same trace, and the player's track
/// built as the live run publishes it equals the one built at once.
#[wasm_bindgen_test]
async fn live_and_instant_runs_give_identical_traces_for_every_lesson() {
    let mut checked = 0;
    for lesson in LESSONS {
        for snippet in lesson.snippets {
            let what = format!("{}/{}", lesson.id, snippet.name);
            let instant = engine::run_instant(snippet.code, 1).expect("instant run");
            let live = live_trace(snippet.code).await;
            assert!(!instant.is_empty(), "{what}: empty trace");
            assert_eq!(live, instant, "{what}: live and instant traces differ");

            // Published the way the live player publishes: everything up to
            // the next virtual instant at a time, and event by event.
            let whole = Track::from_events(instant.clone());
            let mut by_instant = Track::default();
            let mut start = 0;
            while start < live.len() {
                let t = live[start].time_ns;
                let end = start + live[start..].partition_point(|e| e.time_ns <= t);
                by_instant.extend(&live[start..end]);
                start = end;
            }
            let mut by_event = Track::default();
            for e in &live {
                by_event.extend(std::slice::from_ref(e));
            }
            for grown in [&by_instant, &by_event] {
                assert_eq!(grown.steps, whole.steps, "{what}: steps");
                assert_eq!(grown.lanes, whole.lanes, "{what}: lanes");
                assert_eq!(grown.columns, whole.columns, "{what}: columns");
                assert_eq!(grown.tokens, whole.tokens, "{what}: tokens");
                for i in 0..whole.steps.len() {
                    assert_eq!(grown.after_step(i), whole.after_step(i), "{what}: step {i}");
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 3, "only {checked} snippets");
}

/// Seeking anywhere folds from a checkpoint: the result equals folding the
/// whole prefix from scratch.
#[wasm_bindgen_test]
fn seeking_equals_folding_from_scratch() {
    let source = LESSONS[0].main_snippet().code;
    let events = engine::run_instant(source, 1).expect("instant run");
    let track = Track::from_events(events.clone());
    for n in [0, 1, events.len() / 3, events.len() / 2, events.len()] {
        assert_eq!(
            track.at_event(n),
            looplab_engine::snapshot::Snapshot::fold(&events[..n]),
            "after {n} events"
        );
    }
}
