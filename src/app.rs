//! The root component: the app-wide state, routing, the theme and the page
//! frame (header, main, footer).

use crate::browser;
use crate::link::{plain_click, Link};
use crate::pages::{embed, index, lesson, model, not_found, playground};
use crate::route::Route;
use crate::state::{AppState, Theme, THEME_KEY};
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::from_url();
    let embedded = state.embedded();
    provide_context(state);

    // Back/forward buttons.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        state.route.set(Route::from_search(&browser::location().0));
    });

    Effect::new(move |_| {
        let theme = state.theme.get();
        browser::set_root_attribute(
            "data-theme",
            (theme != Theme::Auto).then_some(theme.as_str()),
        );
    });

    let page = move || match state.route.get() {
        Route::Index => index::index_page().into_any(),
        Route::Lesson(id) => lesson::lesson_page(id),
        Route::Embed(id) => embed::embed_page(id),
        Route::Playground => playground::playground_page().into_any(),
        Route::Model => model::model_page().into_any(),
        Route::NotFound(query) => not_found::not_found(query).into_any(),
    };

    if embedded {
        browser::set_root_attribute("data-embed", Some(""));
        return view! { <main id="main" class="embedded">{page}</main> }.into_any();
    }
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <Header/>
        <main id="main" tabindex="-1">{page}</main>
        <footer class="site-footer">
            <p>"Looplab runs your Python in the browser on a virtual clock, with CPython 3.11 as the reference."</p>
        </footer>
    }
    .into_any()
}

#[component]
fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let toggle = move |_| {
        let next = state.theme.get().next();
        browser::storage_set(THEME_KEY, next.as_str());
        state.theme.set(next);
    };
    let label = move || format!("Theme: {}", state.theme.get().as_str());
    view! {
        <header class="site-header">
            <a class="brand" href="./" on:click=move |ev| {
                if plain_click(&ev) {
                    ev.prevent_default();
                    state.navigate(Route::Index);
                }
            }>
                <span class="brand-mark" aria-hidden="true">"⟳"</span>
                " Looplab"
            </a>
            <nav aria-label="Main">
                <Link route=Route::Index>"Lessons"</Link>
                <Link route=Route::Playground>"Playground"</Link>
            </nav>
            <button class="theme-toggle" data-testid="theme-toggle" on:click=toggle title=label aria-label=label>
                {move || match state.theme.get() {
                    Theme::Auto => "◐ auto",
                    Theme::Dark => "☾ dark",
                    Theme::Light => "☀ light",
                }}
            </button>
        </header>
    }
}
