//! App-wide state: the route, the theme and the language, a `Copy` bundle of signals
//! ([`AppState`]) provided as context by the app root and read by the
//! header, links and pages.

use crate::browser;
use crate::embed::options::{EmbedOptions, EmbedTheme};
use crate::i18n::{self, Lang};
use crate::route::Route;
use leptos::prelude::*;

/// Where the theme the learner chose is kept.
pub const THEME_KEY: &str = "looplab.theme";
/// Where the language the learner chose is kept.
pub const LANG_KEY: &str = "looplab.lang";

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

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The order the toggle cycles through.
    pub fn next(self) -> Theme {
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
    /// The page's language (also in [`i18n::current`], which components
    /// read; pages render again when it changes).
    pub lang: RwSignal<Lang>,
}

impl AppState {
    /// The state a page load starts with: the route of the URL, and the
    /// theme an embed's URL asks for or the one the learner chose.
    pub fn from_url() -> AppState {
        let (search, _) = browser::location();
        let route = Route::from_search(&search);
        // An embed takes its theme from its URL and never touches storage.
        let theme = if matches!(route, Route::Embed(_)) {
            theme_in_search(&search)
        } else {
            Theme::from_str(&browser::storage_get(THEME_KEY).unwrap_or_default())
        };
        // The URL's `lang=`, else (outside embeds) the stored choice, else
        // the browser's preference.
        let embed = matches!(route, Route::Embed(_));
        let stored = (!embed).then(|| browser::storage_get(LANG_KEY)).flatten();
        let url_lang = i18n::lang_in_search(&search).map(Lang::code);
        let lang = i18n::choose(url_lang, stored.as_deref(), &browser::preferred_languages());
        i18n::set_current(lang);
        AppState {
            route: RwSignal::new(route),
            theme: RwSignal::new(theme),
            lang: RwSignal::new(lang),
        }
    }

    /// True when the page is an embed (no header, no storage).
    pub fn embedded(&self) -> bool {
        self.route.with_untracked(|r| matches!(r, Route::Embed(_)))
    }

    /// The URL query of `route` in the page's language.
    pub fn search_of(&self, route: &Route) -> String {
        i18n::with_lang(&route.to_search(), self.lang.get_untracked())
    }

    /// Switches the page to `lang`: kept in the URL (and, outside embeds,
    /// in storage); every page renders again.
    pub fn set_lang(&self, lang: Lang) {
        if !self.embedded() {
            browser::storage_set(LANG_KEY, lang.code());
        }
        i18n::set_current(lang);
        let (search, hash) = browser::location();
        let search = i18n::with_lang(&search, lang);
        browser::replace_url(&format!(
            "{}{hash}",
            if search.is_empty() { "./" } else { &search }
        ));
        self.lang.set(lang);
    }

    /// Navigates inside the app without reloading the page.
    pub fn navigate(&self, route: Route) {
        let search = self.search_of(&route);
        browser::push_url(if search.is_empty() { "./" } else { &search });
        self.route.set(route);
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    }
}

/// The theme an embed URL asks for (`theme=`; `auto` when absent).
pub fn theme_in_search(search: &str) -> Theme {
    match EmbedOptions::from_search(search).theme {
        EmbedTheme::Auto => Theme::Auto,
        EmbedTheme::Light => Theme::Light,
        EmbedTheme::Dark => Theme::Dark,
    }
}
