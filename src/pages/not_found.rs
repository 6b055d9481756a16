//! The page for a URL the app has no page for.

use crate::browser;
use crate::link::Link;
use crate::route::Route;
use leptos::prelude::*;

/// "Nothing here", for the query `query`.
pub fn not_found(query: String) -> impl IntoView {
    browser::set_title("Not found · Looplab");
    view! {
        <section class="not-found" data-testid="not-found">
            <h1>"Nothing here"</h1>
            <p>"Looplab has no page for "<code>{format!("?{query}")}</code>"."</p>
            <p><Link route=Route::Index>"Go to the lesson index"</Link></p>
        </section>
    }
}
