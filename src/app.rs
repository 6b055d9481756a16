//! The root component: the app-wide state, routing, the theme and the page
//! frame (header, main, footer).

use crate::browser;
use crate::i18n::{self, fill, Lang, Ui};
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

    // Back/forward may also change the language.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        if let Some(lang) = i18n::lang_in_search(&browser::location().0) {
            if lang != state.lang.get_untracked() {
                i18n::set_current(lang);
                state.lang.set(lang);
            }
        }
    });

    Effect::new(move |_| {
        browser::set_root_attribute("lang", Some(state.lang.get().code()));
    });

    Effect::new(move |_| {
        let theme = state.theme.get();
        browser::set_root_attribute(
            "data-theme",
            (theme != Theme::Auto).then_some(theme.as_str()),
        );
    });

    // The lessons of a translated language download when it is chosen
    // (content::load); the pages that show lessons wait for them.
    let lessons_arrived = RwSignal::new(0u32);
    let fetch_lessons = move |lang: Lang| {
        crate::content::load::ensure(lang, move || lessons_arrived.update(|n| *n += 1));
    };
    fetch_lessons(state.lang.get_untracked());
    Effect::new(move |_| fetch_lessons(state.lang.get()));

    // A page renders again when the language changes (its components
    // read the strings once, untracked) or its lessons arrive.
    let page = move || match (state.lang.get(), lessons_arrived.get(), state.route.get()) {
        (lang, _, route)
            if route.shows_lessons()
                && crate::content::load::status(lang) == crate::content::load::Status::Loading =>
        {
            view! {
                <p class="lessons-loading" data-testid="lessons-loading" role="status">
                    {i18n::ui().lessons_loading}
                </p>
            }
            .into_any()
        }
        (_, _, route) => route_page(route),
    };

    if embedded {
        browser::set_root_attribute("data-embed", Some(""));
        return view! { <main id="main" class="embedded">{page}</main> }.into_any();
    }
    view! {
        <a class="skip-link" href="#main">{move || { state.lang.get(); i18n::ui().skip_to_content }}</a>
        {move || { state.lang.get(); view! { <Header/> } }}
        <main id="main" tabindex="-1">{page}</main>
        <footer class="site-footer">
            <p>{move || { state.lang.get(); i18n::ui().footer }}</p>
        </footer>
    }
    .into_any()
}

#[component]
fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = i18n::ui();
    // The index in the page's language (the header renders again when it
    // changes).
    let home = match state.search_of(&Route::Index) {
        s if s.is_empty() => "./".to_string(),
        s => s,
    };
    let toggle = move |_| {
        let next = state.theme.get().next();
        browser::storage_set(THEME_KEY, next.as_str());
        state.theme.set(next);
    };
    let label = move || fill(t.theme_label, &[&theme_name(t, state.theme.get())]);
    view! {
        <header class="site-header">
            <a class="brand" href=home on:click=move |ev| {
                if plain_click(&ev) {
                    ev.prevent_default();
                    state.navigate(Route::Index);
                }
            }>
                <span class="brand-mark" aria-hidden="true">"⟳"</span>
                " Looplab"
            </a>
            <nav aria-label=t.nav_main>
                <Link route=Route::Index>{t.lessons}</Link>
                <Link route=Route::Playground>{t.playground}</Link>
            </nav>
            <select class="lang-menu" data-testid="lang" aria-label=t.language
                on:change=move |ev| {
                    if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
                        state.set_lang(lang);
                    }
                }>
                {Lang::ALL.iter().map(|l| view! {
                    <option value=l.code() lang=l.code() selected=*l == state.lang.get_untracked()>{l.own_name()}</option>
                }).collect_view()}
            </select>
            <button class="theme-toggle" data-testid="theme-toggle" on:click=toggle title=label aria-label=label>
                {move || match state.theme.get() {
                    Theme::Auto => "◐ ",
                    Theme::Dark => "☾ ",
                    Theme::Light => "☀ ",
                }}{move || theme_name(t, state.theme.get())}
            </button>
        </header>
    }
}

/// The theme's name in the page's language.
fn theme_name(t: &Ui, theme: Theme) -> &'static str {
    match theme {
        Theme::Auto => t.theme_auto,
        Theme::Dark => t.theme_dark,
        Theme::Light => t.theme_light,
    }
}

/// The page of `route`.
fn route_page(route: Route) -> AnyView {
    match route {
        Route::Index => index::index_page().into_any(),
        Route::Lesson(id) => lesson::lesson_page(id),
        Route::Embed(id) => embed::embed_page(id),
        Route::Playground => playground::playground_page().into_any(),
        Route::Model => model::model_page().into_any(),
        Route::NotFound(query) => not_found::not_found(query).into_any(),
    }
}
