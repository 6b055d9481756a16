//! In-browser tests (wasm-bindgen-test in headless Chromium), run by the test
//! command with `cargo test --target wasm32-unknown-unknown --tests`.
#![cfg(target_arch = "wasm32")]

use looplab_app::browser;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
fn panic_panel_shows_the_message_as_text() {
    let container = document().create_element("div").unwrap();
    container.set_inner_html("<p>the app</p>");
    document().body().unwrap().append_child(&container).unwrap();
    browser::show_panic_panel(&container, "boom <img src=x onerror=alert(1)>");
    assert!(
        !container.inner_html().contains("the app"),
        "the dead page is replaced"
    );
    let panel = container
        .query_selector("[data-testid=panic-panel]")
        .unwrap()
        .expect("panel shown");
    let text = panel.text_content().unwrap();
    assert!(text.contains("Something broke in Looplab"));
    assert!(text.contains("boom <img src=x onerror=alert(1)>"));
    assert!(
        container.query_selector("img").unwrap().is_none(),
        "message must not become markup"
    );
    container.remove();
}

#[wasm_bindgen_test]
fn storage_round_trips() {
    browser::storage_set("looplab.test", "42");
    assert_eq!(browser::storage_get("looplab.test").as_deref(), Some("42"));
    assert_eq!(browser::storage_get("looplab.missing"), None);
}

#[wasm_bindgen_test]
fn root_attributes_follow_the_theme() {
    browser::set_root_attribute("data-theme", Some("dark"));
    let root = document().document_element().unwrap();
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("dark"));
    browser::set_root_attribute("data-theme", None);
    assert_eq!(root.get_attribute("data-theme"), None);
}
