//! The embed page (`?embed=<id>`): a lesson's player alone, for an iframe
//! in another site. It obeys the host's `postMessage` commands, reports its
//! height, and never uses storage or reads anything from the host page.

use crate::browser;
use crate::content;
use crate::embed::message::{resize_json, Command};
use crate::embed::options::{EmbedOptions, Panel};
use crate::embed::share;
use crate::i18n::{fill, ui, with_lang};
use crate::player::{Player, PlayerHandle};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// How often the embed checks its height, in ms (cheap: one layout read).
const RESIZE_POLL_MS: u32 = 250;

/// The compact embed view of lesson `id`.
pub fn embed_page(id: String) -> AnyView {
    let (search, hash) = browser::location();
    let opts = EmbedOptions::from_search(&search);
    let t = ui();
    let lang = crate::i18n::current();
    let Some(lesson) = content::lesson(&id) else {
        browser::set_title(t.embed_no_such_lesson_title);
        return view! {
            <div class="embed embed-missing" data-testid="embed">
                <p role="alert">{t.embed_no_lesson_called}<code>{id}</code>{t.no_page_for_end}</p>
                <p><a href=format!("./{}", with_lang("", lang)) target="_blank" rel="noopener">{t.embed_see_lessons}</a></p>
            </div>
        }
        .into_any();
    };
    browser::set_title(&fill(t.looplab_colon, &[&lesson.title]));
    let (code, problem, open_href) = match share::program_in_hash(&hash) {
        None => (
            lesson.main_snippet().code.to_string(),
            None,
            format!("./{}", with_lang(&format!("?lesson={}", lesson.id), lang)),
        ),
        Some(Ok(code)) => {
            let z = share::encode(&code).unwrap_or_default();
            let play = with_lang("?play", lang);
            (
                code,
                None,
                format!("./{play}#z={z}{}", opts.cpu.url_pairs()),
            )
        }
        Some(Err(e)) => (
            lesson.main_snippet().code.to_string(),
            Some(format!("{}{}", e.message(t), t.showing_lessons_program)),
            format!("./{}", with_lang(&format!("?lesson={}", lesson.id), lang)),
        ),
    };
    let handle: PlayerHandle = RwSignal::new(None);
    let class = Panel::ALL
        .iter()
        .filter(|p| !opts.shows(**p))
        .fold("embed".to_string(), |c, p| format!("{c} hide-{}", p.name()));
    let root = NodeRef::<leptos::html::Div>::new();
    listen_for_commands(handle);
    report_height(root, opts.frame.clone());
    let (speed, autoplay) = (opts.speed, opts.autoplay);
    Effect::new(move |_| {
        if let Some(state) = handle.get() {
            if let Some(speed) = speed {
                state.set_speed(speed);
            }
            if autoplay {
                state.play();
            }
        }
    });
    let cpu = opts.cpu;
    let player = match opts.step {
        Some(step) => {
            view! { <Player source=code start_step=step handle=handle cpu=cpu/> }.into_any()
        }
        None => view! { <Player source=code handle=handle cpu=cpu/> }.into_any(),
    };
    view! {
        <div class=class data-testid="embed" data-lesson=lesson.id node_ref=root>
            <div class="embed-bar">
                <h1 class="embed-title">{lesson.title}</h1>
                <a class="embed-open" data-testid="embed-open" href=open_href target="_blank" rel="noopener">{t.open_in_looplab}</a>
            </div>
            {problem.map(|p| view! { <p class="share-error" role="alert" data-testid="share-error">{p}</p> })}
            {player}
        </div>
    }
    .into_any()
}

/// The window framing this page, if any (an unframed page is its own
/// parent).
fn framing_parent() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok()??;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

/// Obeys the documented commands from the parent window; ignores every
/// other message, and every message from anywhere else.
fn listen_for_commands(handle: PlayerHandle) {
    let listener = window_event_listener(leptos::ev::message, move |ev| {
        // Not framed: no host to obey.
        let Some(parent) = framing_parent() else {
            return;
        };
        let from_parent = ev.source().is_some_and(|s| js_sys::Object::is(&s, &parent));
        if !from_parent {
            return;
        }
        let data = ev.data();
        if !data.is_object() || js_sys::Array::is_array(&data) {
            return;
        }
        let field = |name: &str| js_sys::Reflect::get(&data, &JsValue::from_str(name)).ok();
        let command = Command::from_fields(
            field("looplab").and_then(|v| v.as_f64()),
            field("command").and_then(|v| v.as_string()).as_deref(),
            field("step").and_then(|v| v.as_f64()),
        );
        let (Some(command), Some(state)) = (command, handle.get_untracked()) else {
            return;
        };
        match command {
            Command::Play => state.play(),
            Command::Pause => state.pause(),
            Command::Step(n) => state.step_to(n),
        }
    });
    on_cleanup(move || listener.remove());
}

/// Posts the content height to the parent window whenever it changes.
fn report_height(root: NodeRef<leptos::html::Div>, frame: Option<String>) {
    let last = StoredValue::new(0u32);
    let post = move || {
        let Some(parent) = framing_parent() else {
            return;
        };
        let Some(el) = root.get_untracked() else {
            return;
        };
        let el: &web_sys::Element = &el;
        let rect = el.get_bounding_client_rect();
        let scroll = web_sys::window()
            .and_then(|w| w.scroll_y().ok())
            .unwrap_or(0.0);
        let height = (rect.bottom() + scroll).ceil().max(0.0) as u32 + 2;
        if height == last.get_value() {
            return;
        }
        last.set_value(height);
        let message = js_sys::JSON::parse(&resize_json(height, frame.as_deref()));
        if let Ok(message) = message {
            let _ = parent.post_message(&message, "*");
        }
    };
    let interval = leptos::prelude::set_interval_with_handle(
        post,
        std::time::Duration::from_millis(RESIZE_POLL_MS as u64),
    );
    if let Ok(interval) = interval {
        on_cleanup(move || interval.clear());
    }
}
