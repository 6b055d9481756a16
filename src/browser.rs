//! Thin, failure-tolerant wrappers over browser APIs. Storage may be blocked
//! (third-party iframes, privacy modes): every helper degrades to "nothing
//! stored" instead of throwing.

/// Reads a `localStorage` entry; `None` when missing or storage is blocked.
pub fn storage_get(key: &str) -> Option<String> {
    let storage = web_sys::window()?.local_storage().ok()??;
    storage.get_item(key).ok()?
}

/// Writes a `localStorage` entry; silently does nothing when blocked.
pub fn storage_set(key: &str, value: &str) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(key, value);
    }
}

/// `location.search` and `location.hash`.
pub fn location() -> (String, String) {
    let loc = web_sys::window().map(|w| w.location());
    let search = loc
        .as_ref()
        .and_then(|l| l.search().ok())
        .unwrap_or_default();
    let hash = loc.as_ref().and_then(|l| l.hash().ok()).unwrap_or_default();
    (search, hash)
}

/// Pushes a new history entry for `url` (relative: `?lesson=x`, or `./`).
pub fn push_url(url: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
}

/// Sets (or with `None`, removes) an attribute on `<html>`.
pub fn set_root_attribute(name: &str, value: Option<&str>) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = match value {
            Some(v) => root.set_attribute(name, v),
            None => root.remove_attribute(name),
        };
    }
}

/// Records a `performance.mark` (seen by the page's performance tools and
/// by tests that measure a phase).
pub fn performance_mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Sets `document.title`.
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// Replaces a dead page by a friendly panel when Rust panics.
pub fn install_panic_panel() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&format!("Looplab panicked: {message}").into());
        if let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        {
            show_panic_panel(&body, &message);
        }
    }));
}

/// Replaces the page by the "something broke" panel. Written with plain DOM
/// calls because the reactive system may be the thing that broke; the
/// message is inserted as text, never as HTML.
pub fn show_panic_panel(container: &web_sys::Element, message: &str) {
    let Some(doc) = container.owner_document() else {
        return;
    };
    let make = |tag: &str, text: &str| {
        let el = doc.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        Some(el)
    };
    let Some(panel) = make("div", "") else { return };
    panel.set_class_name("panic-panel");
    panel.set_attribute("role", "alert").ok();
    panel.set_attribute("data-testid", "panic-panel").ok();
    let parts = [
        make("h2", "Something broke in Looplab"),
        make("pre", message),
        make(
            "p",
            "This is a bug in Looplab, not in your code. Reload the page to start again; \
             if it keeps happening, please report the message above.",
        ),
    ];
    for part in parts.into_iter().flatten() {
        panel.append_child(&part).ok();
    }
    container.set_inner_html("");
    container.append_child(&panel).ok();
}

/// Scrolls the element with this id into view (if there is one).
pub fn scroll_to_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        el.scroll_into_view();
    }
}
