//! Looplab's web app: a Leptos single-page app (client-side rendering) built
//! by Trunk. Views only render state; the engine (`crates/engine`) does the
//! running. See ARCHITECTURE.md for the map.

pub mod app;
pub mod browser;
pub mod content;
pub mod editable_player;
pub mod editor;
pub mod embed;
pub mod highlight;
pub mod i18n;
#[cfg(test)]
mod layers;
pub mod link;
pub mod pages;
pub mod player;
pub mod predict;
pub mod route;
pub mod state;

/// Entry point of the wasm binary: installs the panic panel, mounts the app,
/// then warms the engine up once the first paint is done.
pub fn start() {
    browser::install_panic_panel();
    // The marks let tests tell the mount's share of the page load.
    browser::performance_mark("looplab:start");
    leptos::mount::mount_to_body(app::App);
    browser::performance_mark("looplab:mounted");
    // The engine benchmark's page (tools/bench-web.mjs).
    let (search, _) = browser::location();
    if search
        .trim_start_matches('?')
        .split('&')
        .any(|p| p == "bench")
    {
        player::engine::install_bench_hook();
    }
    wasm_bindgen_futures::spawn_local(async {
        // Let the page paint first; then pay the engine's one-time start-up
        // (compiling the asyncio prelude) in short tasks, so that pressing
        // Run stays short. The mark lets tests tell page load from warm-up.
        gloo_timers::future::TimeoutFuture::new(50).await;
        // The library modules a first run does not need, downloaded
        // while the engine warms up (a run importing one awaits them).
        player::engine::prefetch_library();
        browser::performance_mark("looplab:warm-up");
        player::warm_up::warm_up().await;
        browser::performance_mark("looplab:warm");
        browser::set_root_attribute("data-engine", Some("warm"));
    });
}
