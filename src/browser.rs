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

/// The browser's preferred languages, most preferred first
/// (`navigator.languages`, else `navigator.language`).
pub fn preferred_languages() -> Vec<String> {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let list: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        nav.language().into_iter().collect()
    } else {
        list
    }
}

/// Replaces the current history entry's URL (no new entry).
pub fn replace_url(url: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
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
        make("h2", crate::i18n::ui().panic_heading),
        make("pre", message),
        make("p", crate::i18n::ui().panic_text),
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

/// Resolves in a new task of the page's event loop, as soon as the page
/// has handled what is waiting (input, a paint). For work cut into short
/// slices: a chained `setTimeout(0)` is clamped to 4 ms from the fifth
/// level of nesting on, which would leave the CPU idle a third of the
/// time between 8 ms slices; a message posted to a `MessageChannel` is not
/// clamped. The channel is made once per thread; each waiter posts one
/// message and the handler resolves the waiters in order.
pub async fn yield_to_page() {
    use std::cell::RefCell;
    use std::collections::VecDeque;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    struct Channel {
        /// The port messages are posted to.
        sender: web_sys::MessagePort,
        /// The waiters' `resolve` functions, oldest first.
        waiting: Rc<RefCell<VecDeque<js_sys::Function>>>,
        /// The receiving port and its handler, kept alive with the channel.
        _receiver: web_sys::MessagePort,
        _on_message: Closure<dyn FnMut()>,
    }

    fn open() -> Option<Channel> {
        let channel = web_sys::MessageChannel::new().ok()?;
        let waiting: Rc<RefCell<VecDeque<js_sys::Function>>> = Rc::default();
        let queue = waiting.clone();
        let on_message = Closure::<dyn FnMut()>::new(move || {
            let next = queue.borrow_mut().pop_front();
            if let Some(resolve) = next {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            }
        });
        let receiver = channel.port1();
        receiver.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(Channel {
            sender: channel.port2(),
            waiting,
            _receiver: receiver,
            _on_message: on_message,
        })
    }

    thread_local! {
        static CHANNEL: RefCell<Option<Channel>> = const { RefCell::new(None) };
    }
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let posted = CHANNEL.with(|c| {
            let mut c = c.borrow_mut();
            if c.is_none() {
                *c = open();
            }
            let channel = c.as_ref()?;
            // The message arrives in a later task: pushing after posting
            // is in time, and a failed post leaves no waiter behind.
            channel
                .sender
                .post_message(&wasm_bindgen::JsValue::NULL)
                .ok()?;
            channel.waiting.borrow_mut().push_back(resolve.clone());
            Some(())
        });
        if posted.is_none() {
            // No channel (never expected in a browser): a timer instead.
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(&resolve);
            }
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits until the page is idle (`requestIdleCallback`): a run's slices,
/// a click's handler, rendering and any other task queued go first. At
/// most `timeout_ms` (so background work still advances on a page that is
/// never idle); a short timer where the browser has no idle callbacks.
pub async fn when_idle(timeout_ms: u32) {
    use wasm_bindgen::{JsCast, JsValue};
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let idle = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let asked = idle.and_then(|f| {
            let options = js_sys::Object::new();
            js_sys::Reflect::set(&options, &"timeout".into(), &timeout_ms.into()).ok()?;
            f.call2(&window, &resolve, &options).ok()
        });
        if asked.is_none() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// `performance.now()`, in ms (0 where unavailable).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// The text at `url` (relative to the page), or a sentence saying why
/// not: the request failed (offline), the server answered with an error
/// status, or nothing came within `timeout_ms`.
pub async fn fetch_text(url: &str, timeout_ms: i32) -> Result<String, String> {
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    fn why(e: JsValue) -> String {
        e.as_string()
            .or_else(|| {
                e.dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
            })
            .unwrap_or_else(|| "the request failed".into())
    }
    let window = web_sys::window().ok_or("no window")?;
    let timeout = js_sys::Promise::new(&mut |_resolve, reject| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_1(
            &reject,
            timeout_ms,
            &JsValue::from_str(&format!("no answer within {} s", timeout_ms / 1000)),
        );
    });
    let race = |p: js_sys::Promise| js_sys::Promise::race(&js_sys::Array::of2(&p, &timeout));
    let response = JsFuture::from(race(window.fetch_with_str(url)))
        .await
        .map_err(why)?;
    let response: web_sys::Response = response.dyn_into().map_err(why)?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = JsFuture::from(race(response.text().map_err(why)?))
        .await
        .map_err(why)?;
    text.as_string()
        .ok_or_else(|| "the answer is not text".into())
}
