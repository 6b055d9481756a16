//! The embed page (`?embed=<id>`) and the Share / Embed / Export tools shown
//! under every player.

use super::message::{resize_json, Command};
use super::options::{EmbedOptions, Panel};
use super::{export, share};
use crate::browser;
use crate::content::{self, LessonData};
use crate::player::{Player, PlayerHandle};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// How often the embed checks its height, in ms (cheap: one layout read).
const RESIZE_POLL_MS: u32 = 250;
/// The iframe height the Embed button suggests before the script resizes it.
const SUGGESTED_HEIGHT: u32 = 720;

/// The compact embed view of lesson `id`.
pub fn embed_page(id: String) -> AnyView {
    let (search, hash) = browser::location();
    let opts = EmbedOptions::from_search(&search);
    let Some(lesson) = content::lesson(&id) else {
        browser::set_title("Looplab: no such lesson");
        return view! {
            <div class="embed embed-missing" data-testid="embed">
                <p role="alert">"Looplab has no lesson called "<code>{id}</code>"."</p>
                <p><a href="./" target="_blank" rel="noopener">"See the lessons in Looplab"</a></p>
            </div>
        }
        .into_any();
    };
    browser::set_title(&format!("Looplab: {}", lesson.title));
    let (code, problem, open_href) = match share::program_in_hash(&hash) {
        None => (
            lesson.main_snippet().code.to_string(),
            None,
            format!("./?lesson={}", lesson.id),
        ),
        Some(Ok(code)) => {
            let z = share::encode(&code).unwrap_or_default();
            (code, None, format!("./?play#z={z}"))
        }
        Some(Err(e)) => (
            lesson.main_snippet().code.to_string(),
            Some(format!("{e} Showing the lesson's own program instead.")),
            format!("./?lesson={}", lesson.id),
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
    let player = match opts.step {
        Some(step) => view! { <Player source=code start_step=step handle=handle/> }.into_any(),
        None => view! { <Player source=code handle=handle/> }.into_any(),
    };
    view! {
        <div class=class data-testid="embed" data-lesson=lesson.id node_ref=root>
            <div class="embed-bar">
                <h1 class="embed-title">{lesson.title}</h1>
                <a class="embed-open" data-testid="embed-open" href=open_href target="_blank" rel="noopener">"Open in Looplab ↗"</a>
            </div>
            {problem.map(|p| view! { <p class="share-error" role="alert" data-testid="share-error">{p}</p> })}
            {player}
        </div>
    }
    .into_any()
}

/// Obeys the documented commands from the parent window; ignores every
/// other message, and every message from anywhere else.
fn listen_for_commands(handle: PlayerHandle) {
    let listener = window_event_listener(leptos::ev::message, move |ev| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Ok(Some(parent)) = window.parent() else {
            return;
        };
        // Not framed (the parent is the window itself): no host to obey.
        if js_sys::Object::is(&parent, &window) {
            return;
        }
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
        let Some(window) = web_sys::window() else {
            return;
        };
        let Ok(Some(parent)) = window.parent() else {
            return;
        };
        if js_sys::Object::is(&parent, &window) {
            return;
        }
        let Some(el) = root.get_untracked() else {
            return;
        };
        let el: &web_sys::Element = &el;
        let rect = el.get_bounding_client_rect();
        let scroll = window.scroll_y().unwrap_or(0.0);
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

/// The app's base URL (`https://host/path/`), for links made to be pasted
/// elsewhere.
fn base_url() -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return "./".into();
    };
    let origin = loc.origin().unwrap_or_default();
    let path = loc.pathname().unwrap_or_default();
    let dir = match path.rfind('/') {
        Some(i) => &path[..=i],
        None => "/",
    };
    format!("{origin}{dir}")
}

/// The Embed button's snippet for `lesson`.
pub fn embed_snippet(base: &str, lesson: &LessonData, with_script: bool) -> String {
    let src = format!("{base}{}", EmbedOptions::default().to_search(lesson.id));
    let mut s = format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"{SUGGESTED_HEIGHT}\" style=\"border:0\"></iframe>",
        export::xml_escape(&src),
        export::xml_escape(&format!("Looplab: {}", lesson.id)),
    );
    if with_script {
        s.push_str(&format!(
            "\n<script src=\"{}embed.js\" async></script>",
            export::xml_escape(base)
        ));
    }
    s
}

/// Which tool panel is open under the player.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    None,
    Share,
    Embed,
}

/// Share, Embed (lessons only) and Export, for the player in `handle`.
#[component]
pub fn PlayerTools(
    handle: PlayerHandle,
    /// The lesson shown, if any (the Embed button needs one).
    #[prop(optional)]
    lesson: Option<&'static LessonData>,
) -> impl IntoView {
    let open = RwSignal::new(Open::None);
    let with_script = RwSignal::new(true);
    let share_link = move || {
        let state = handle.get()?;
        Some(share::encode(&state.program()).map(|z| format!("{}?play#z={z}", base_url())))
    };
    let toggle = move |which: Open| {
        open.update(|o| *o = if *o == which { Open::None } else { which });
    };
    let export_as = move |what: &'static str| {
        let Some(state) = handle.get_untracked() else {
            return;
        };
        // A program that never ran runs first (in slices).
        state.when_run(move |state| {
            let name = lesson.map(|l| l.id).unwrap_or("program");
            let title = format!(
                "Looplab: {}",
                lesson.map(|l| l.title).unwrap_or("playground")
            );
            let (text, mime, file) = state.with_track(|t| match what {
                "svg" => (
                    export::timeline_svg(t, &title),
                    "image/svg+xml",
                    format!("looplab-{name}.svg"),
                ),
                _ => (
                    export::trace_json(t),
                    "application/json",
                    format!("looplab-{name}-trace.json"),
                ),
            });
            download(&text, mime, &file);
        });
    };
    let share_panel = move || {
        (open.get() == Open::Share).then(|| match share_link() {
            Some(Ok(link)) => view! {
                <div class="tool-panel" data-testid="share-panel">
                    <label>"Link to this program (it runs nothing until the reader presses Run) "
                        <input type="text" readonly data-testid="share-link" prop:value=link.clone()
                            on:focus=select_all/>
                    </label>
                    <button on:click=move |_| copy(&link)>"Copy"</button>
                </div>
            }
            .into_any(),
            Some(Err(e)) => view! {
                <p class="tool-panel share-error" role="alert" data-testid="share-error">{e.to_string()}</p>
            }
            .into_any(),
            None => ().into_any(),
        })
    };
    let embed_panel = move || {
        let lesson = lesson?;
        (open.get() == Open::Embed).then(|| {
            let snippet = move || embed_snippet(&base_url(), lesson, with_script.get());
            view! {
                <div class="tool-panel" data-testid="embed-panel">
                    <label for="embed-snippet">"Paste this into your page:"</label>
                    <textarea id="embed-snippet" readonly rows="4" data-testid="embed-snippet"
                        prop:value=snippet on:focus=select_all></textarea>
                    <label class="embed-script">
                        <input type="checkbox" prop:checked=move || with_script.get()
                            on:change=move |ev| with_script.set(event_target_checked(&ev))/>
                        " with the auto-resize script"
                    </label>
                    <button on:click=move |_| copy(&snippet())>"Copy"</button>
                </div>
            }
        })
    };
    view! {
        <div class="player-tools" data-testid="player-tools">
            <div class="tool-buttons" role="toolbar" aria-label="Share and export">
                <button data-testid="share" aria-expanded=move || (open.get() == Open::Share).to_string()
                    on:click=move |_| toggle(Open::Share)>"Share"</button>
                {lesson.map(|_| view! {
                    <button data-testid="embed-button" aria-expanded=move || (open.get() == Open::Embed).to_string()
                        on:click=move |_| toggle(Open::Embed)>"Embed"</button>
                })}
                <button data-testid="export-svg" on:click=move |_| export_as("svg")>"Export SVG"</button>
                <button data-testid="export-json" on:click=move |_| export_as("json")>"Export trace JSON"</button>
            </div>
            {share_panel}
            {embed_panel}
        </div>
    }
}

fn select_all(ev: leptos::ev::FocusEvent) {
    if let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.select();
    } else if let Some(area) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        area.select();
    }
}

/// Copies `text` to the clipboard (silently nothing when not allowed).
fn copy(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// Offers `text` as a file download.
fn download(text: &str, mime: &str, file: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let anchor = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(a) = anchor {
        a.set_href(&url);
        a.set_download(file);
        a.click();
    }
    // Revoked later: the download starts asynchronously.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
}
