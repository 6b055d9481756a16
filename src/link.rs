//! In-app links: real `<a href>`s that navigate without reloading the page.

use crate::route::Route;
use crate::state::AppState;
use leptos::prelude::*;

/// True for a left click without modifier keys: the ones the app handles
/// itself. Others (open in new tab…) are left to the browser.
pub fn plain_click(ev: &leptos::ev::MouseEvent) -> bool {
    ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
}

/// An in-app link: a real `<a href>` (so it can be opened in a new tab and
/// works without JS routing), intercepted for plain clicks.
#[component]
pub fn Link(route: Route, children: Children) -> impl IntoView {
    let state = expect_context::<AppState>();
    let href = match state.search_of(&route) {
        s if s.is_empty() => "./".to_string(),
        s => s,
    };
    let target = route.clone();
    let current = move || (state.route.get() == route).then_some("page");
    view! {
        <a href=href aria-current=current on:click=move |ev| {
            if plain_click(&ev) {
                ev.prevent_default();
                state.navigate(target.clone());
            }
        }>{children()}</a>
    }
}
