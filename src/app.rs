//! The root component: routing, theme and the page frame.

use crate::browser;
use crate::route::Route;
use crate::views::{index_page, lesson_page, not_found, playground_page};
use leptos::prelude::*;

/// The user's colour-scheme choice. `Auto` follows `prefers-color-scheme`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Auto,
    Light,
    Dark,
}

impl Theme {
    fn from_str(s: &str) -> Theme {
        match s {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The order the toggle cycles through.
    fn next(self) -> Theme {
        match self {
            Theme::Auto => Theme::Dark,
            Theme::Dark => Theme::Light,
            Theme::Light => Theme::Auto,
        }
    }
}

/// State shared by every view, provided as context: a `Copy` bundle of signals.
#[derive(Clone, Copy)]
pub struct AppState {
    pub route: RwSignal<Route>,
    pub theme: RwSignal<Theme>,
}

impl AppState {
    /// Navigates inside the app without reloading the page.
    pub fn navigate(&self, route: Route) {
        let search = route.to_search();
        browser::push_url(if search.is_empty() { "./" } else { &search });
        self.route.set(route);
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    }
}

const THEME_KEY: &str = "looplab.theme";

#[component]
pub fn App() -> impl IntoView {
    let (search, _) = browser::location();
    let route = Route::from_search(&search);
    // An embed takes its theme from its URL and never touches storage.
    let embedded = matches!(route, Route::Embed(_));
    let theme = if embedded {
        crate::embed::theme_in_search(&search)
    } else {
        Theme::from_str(&browser::storage_get(THEME_KEY).unwrap_or_default())
    };
    let state = AppState {
        route: RwSignal::new(route),
        theme: RwSignal::new(theme),
    };
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
        Route::Index => index_page().into_any(),
        Route::Lesson(id) => lesson_page(id),
        Route::Embed(id) => crate::embed::embed_page(id),
        Route::Playground => playground_page().into_any(),
        Route::NotFound(query) => not_found(query).into_any(),
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
                if crate::views::plain_click(&ev) {
                    ev.prevent_default();
                    state.navigate(Route::Index);
                }
            }>
                <span class="brand-mark" aria-hidden="true">"⟳"</span>
                " Looplab"
            </a>
            <nav aria-label="Main">
                <crate::views::Link route=Route::Index>"Lessons"</crate::views::Link>
                <crate::views::Link route=Route::Playground>"Playground"</crate::views::Link>
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
