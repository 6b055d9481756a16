//! Looplab's web app: a Leptos single-page app (client-side rendering) built
//! by Trunk. Views only render state; the engine (`crates/engine`) does the
//! running. See ARCHITECTURE.md for the map.

pub mod app;
pub mod browser;
pub mod content;
pub mod editor;
pub mod player;
pub mod route;
pub mod views;

/// Entry point of the wasm binary: installs the panic panel, mounts the app.
pub fn start() {
    browser::install_panic_panel();
    leptos::mount::mount_to_body(app::App);
}
