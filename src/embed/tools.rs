//! The Share / Embed / Export tools shown under every player.

use super::options::EmbedOptions;
use super::{export, share};
use crate::content::LessonData;
use crate::i18n::{self, fill, ui, Lang};
use crate::player::{CpuChoice, PlayerHandle};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The iframe height the Embed button suggests before the script resizes it.
const SUGGESTED_HEIGHT: u32 = 720;

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

/// The Embed button's snippet for `lesson`, on the clock `cpu` (the
/// player's toggle: `cpu=model`, `cores=N`), in the language `lang`.
pub fn embed_snippet(
    base: &str,
    lesson: &LessonData,
    with_script: bool,
    cpu: CpuChoice,
    lang: Lang,
) -> String {
    let options = EmbedOptions {
        cpu,
        lang: Some(lang),
        ..EmbedOptions::default()
    };
    let src = format!("{base}{}", options.to_search(lesson.id));
    let mut s = format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"{SUGGESTED_HEIGHT}\" style=\"border:0\"></iframe>",
        export::xml_escape(&src),
        export::xml_escape(&fill(lang.ui().looplab_colon, &[&lesson.id])),
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
    let t = ui();
    let lang = i18n::current();
    let with_script = RwSignal::new(true);
    let share_link = move || {
        let state = handle.get()?;
        let cpu = state.cpu_choice().url_pairs();
        let play = i18n::with_lang("?play", lang);
        Some(share::encode(&state.program()).map(|z| format!("{}{play}#z={z}{cpu}", base_url())))
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
            let title = fill(
                t.looplab_colon,
                &[&lesson.map(|l| l.title).unwrap_or(t.playground)],
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
                    <label>{t.share_link_label}
                        <input type="text" readonly data-testid="share-link" prop:value=link.clone()
                            on:focus=select_all/>
                    </label>
                    <button on:click=move |_| copy(&link)>{t.copy}</button>
                </div>
            }
            .into_any(),
            Some(Err(e)) => view! {
                <p class="tool-panel share-error" role="alert" data-testid="share-error">{e.message(t)}</p>
            }
            .into_any(),
            None => ().into_any(),
        })
    };
    let embed_panel = move || {
        let lesson = lesson?;
        (open.get() == Open::Embed).then(|| {
            let snippet = move || {
                let cpu = handle.get().map(|s| s.cpu_choice()).unwrap_or_default();
                embed_snippet(&base_url(), lesson, with_script.get(), cpu, lang)
            };
            view! {
                <div class="tool-panel" data-testid="embed-panel">
                    <label for="embed-snippet">{t.paste_this}</label>
                    <textarea id="embed-snippet" readonly rows="4" data-testid="embed-snippet"
                        prop:value=snippet on:focus=select_all></textarea>
                    <label class="embed-script">
                        <input type="checkbox" prop:checked=move || with_script.get()
                            on:change=move |ev| with_script.set(event_target_checked(&ev))/>
                        {t.with_resize_script}
                    </label>
                    <button on:click=move |_| copy(&snippet())>{t.copy}</button>
                </div>
            }
        })
    };
    view! {
        <div class="player-tools" data-testid="player-tools">
            <div class="tool-buttons" role="toolbar" aria-label=t.share_and_export>
                <button data-testid="share" aria-expanded=move || (open.get() == Open::Share).to_string()
                    on:click=move |_| toggle(Open::Share)>{t.share}</button>
                {lesson.map(|_| view! {
                    <button data-testid="embed-button" aria-expanded=move || (open.get() == Open::Embed).to_string()
                        on:click=move |_| toggle(Open::Embed)>{t.embed}</button>
                })}
                <button data-testid="export-svg" on:click=move |_| export_as("svg")>{t.export_svg}</button>
                <button data-testid="export-json" on:click=move |_| export_as("json")>{t.export_json}</button>
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
