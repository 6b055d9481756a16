//! The page the player's model note links to (`?model`): exactly what the
//! "computing takes time" model and the process model do, and what they
//! leave out. The figures are the engine's own constants.

use crate::browser;
use crate::i18n::fill;
use crate::link::Link;
use crate::route::Route;
use leptos::prelude::*;
use looplab_engine::vm::{DEFAULT_SWITCH_INTERVAL_NS, HANDLE_COST, PS_PER_INSTRUCTION};

/// "12 ns": the model's cost of one instruction.
fn instruction_cost() -> String {
    match PS_PER_INSTRUCTION % 1000 {
        0 => format!("{} ns", PS_PER_INSTRUCTION / 1000),
        _ => format!("{:.1} ns", PS_PER_INSTRUCTION as f64 / 1000.0),
    }
}

/// What the model is. The prose is the language table's (a little HTML:
/// `<code>` only, the app's own strings).
pub fn model_page() -> impl IntoView {
    let t = crate::i18n::ui();
    browser::set_title(&fill(t.page_title, &[&t.model_title]));
    let cost = instruction_cost();
    let switch_ms = DEFAULT_SWITCH_INTERVAL_NS / 1_000_000;
    let li = |html: String| view! { <li inner_html=html></li> };
    let items = |list: &[&str]| list.iter().map(|h| li(h.to_string())).collect_view();
    view! {
        <article class="prose model-page" data-testid="model-page">
            <p class="breadcrumb"><Link route=Route::Index>{t.lessons}</Link>" / "{t.model_title}</p>
            <h1>{t.model_title}</h1>
            <p class="lede">{t.model_lede}</p>

            <h2>{t.computing_takes_time_h}</h2>
            <ul>
                {li(fill(t.model_cost, &[&cost, &HANDLE_COST]))}
                {li(fill(t.model_cost_choice, &[&cost]))}
            </ul>

            <h2>{t.model_threads_h}</h2>
            <ul>
                {li(t.model_gil_one.to_string())}
                {li(fill(t.model_gil_switch, &[&switch_ms]))}
                {items(&[t.model_gil_blocking, t.model_gil_counter, t.model_gil_not])}
            </ul>

            <h2>{t.model_cores_h}</h2>
            <ul>
                {items(&[t.model_cores_parallel, t.model_cores_spawn, t.model_cores_memory, t.model_cores_without])}
            </ul>
            <p>{t.model_race}</p>
        </article>
    }
}
