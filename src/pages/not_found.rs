//! The page for a URL the app has no page for.

use crate::browser;
use crate::i18n::ui;
use crate::link::Link;
use crate::route::Route;
use leptos::prelude::*;

/// "Nothing here", for the query `query`.
pub fn not_found(query: String) -> impl IntoView {
    let t = ui();
    browser::set_title(t.not_found_title);
    view! {
        <section class="not-found" data-testid="not-found">
            <h1>{t.nothing_here}</h1>
            <p>{t.no_page_for}<code>{format!("?{query}")}</code>{t.no_page_for_end}</p>
            <p><Link route=Route::Index>{t.go_to_index}</Link></p>
        </section>
    }
}
