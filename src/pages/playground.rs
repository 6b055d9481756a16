//! The playground page (`?play`): an editor and the player on any program,
//! from a share link, `#code=`, the last playground program or a template.

use crate::browser;
use crate::content;
use crate::editable_player::{editable_player, store_edits};
use crate::embed::{share, PlayerTools};
use crate::i18n::{fill, ui};
use crate::player::{CpuChoice, PlayerHandle};
use crate::route;
use leptos::prelude::*;

/// The playground: an editor and the player on any program, starting from
/// the URL's `#code=`, the last playground program, or the template.
pub fn playground_page() -> impl IntoView {
    use crate::editor::examples::{EXAMPLES, FROM_LESSONS, TEMPLATE};
    let t = ui();
    browser::set_title(&fill(t.page_title, &[&t.playground]));
    const KEY: &str = "looplab.playground";
    let (_, hash) = browser::location();
    let start_step = route::step_from_hash(&hash);
    // A share link keeps the clock it was made with (`cpu=model`, `cores=N`).
    let cpu = CpuChoice::default().read_pairs(&hash);
    // A share link (`#z=`) first; a damaged one says so above the editor
    // instead of leaving the page blank. Then `#code=`, the last playground
    // program, the template.
    let (shared, problem) = match share::program_in_hash(&hash) {
        Some(Ok(code)) => (Some(code), None),
        Some(Err(e)) => (None, Some(e.message(t))),
        None => (None, None),
    };
    let initial = shared
        .or_else(|| route::code_from_hash(&hash))
        .or_else(|| browser::storage_get(KEY))
        .unwrap_or_else(|| TEMPLATE.to_string());
    let code = RwSignal::new(initial);
    let handle: PlayerHandle = RwSignal::new(None);
    store_edits(code, KEY.to_string());
    let examples = EXAMPLES
        .iter()
        .map(|(id, title, _)| (*id, *title))
        .chain(FROM_LESSONS.iter().map(|(id, title, _, _)| (*id, *title)))
        .map(|(id, title)| view! { <option value=format!("example:{id}")>{t.example_title(id, title)}</option> })
        .collect_view();
    let lessons = content::lessons()
        .iter()
        .map(|l| view! { <option value=format!("lesson:{}", l.id)>{format!("{:02}. {}", l.order, l.title)}</option> })
        .collect_view();
    let choose = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let picked = if let Some(id) = value.strip_prefix("example:") {
            EXAMPLES
                .iter()
                .find(|e| e.0 == id)
                .map(|e| e.2)
                .or_else(|| lesson_example(id))
        } else if let Some(id) = value.strip_prefix("lesson:") {
            content::lesson(id).map(|l| l.main_snippet().code)
        } else {
            None
        };
        if let Some(c) = picked {
            code.set(c.to_string());
        }
    };
    // The download link gets its href when clicked (not on every key).
    let export = move |ev: leptos::ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        let href = code.with_untracked(|c| {
            format!(
                "data:text/x-python;charset=utf-8,{}",
                js_sys::encode_uri_component(c)
            )
        });
        if let Some(a) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = a.set_attribute("href", &href);
        }
    };
    view! {
        <section class="playground" data-testid="playground">
            <h1>{t.playground}</h1>
            <p class="lede">{t.playground_lede}</p>
            <div class="play-bar" role="toolbar" aria-label=t.playground>
                <label>{t.start_from}
                    <select data-testid="examples" prop:value="" on:change=choose>
                        <option value="" disabled=true>{t.choose_example}</option>
                        <optgroup label=t.examples>{examples}</optgroup>
                        <optgroup label=t.lessons>{lessons}</optgroup>
                    </select>
                </label>
                <a class="button" data-testid="export" download="looplab.py" href="#" on:click=export>{t.export_py}</a>
            </div>
            {problem.map(|p| view! {
                <p class="share-error" role="alert" data-testid="share-error">{p}{t.showing_another_program}</p>
            })}
            {editable_player(code, None, start_step, handle, true, cpu)}
            <PlayerTools handle=handle/>
        </section>
    }
}

/// The code of an example taken from a lesson snippet (`FROM_LESSONS`).
pub fn lesson_example(id: &str) -> Option<&'static str> {
    let (_, _, lesson, snippet) = crate::editor::examples::FROM_LESSONS
        .iter()
        .find(|e| e.0 == id)?;
    content::lesson(lesson)?
        .snippets
        .iter()
        .find(|s| s.name == *snippet)
        .map(|s| s.code)
}

#[cfg(test)]
mod tests {
    use super::lesson_example;
    use crate::editor::examples::{EXAMPLES, FROM_LESSONS};

    #[test]
    fn every_example_from_a_lesson_resolves_to_its_snippet() {
        for (id, ..) in FROM_LESSONS {
            let code = lesson_example(id)
                .unwrap_or_else(|| panic!("example {id}: no such lesson snippet"));
            assert!(code.contains("import "), "example {id}");
            assert!(
                EXAMPLES.iter().all(|e| e.0 != *id),
                "example id {id} used twice"
            );
        }
        assert_eq!(lesson_example("nope"), None);
    }
}
