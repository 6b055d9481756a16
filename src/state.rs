//! App-wide state: the route and the theme, a `Copy` bundle of signals
//! ([`AppState`]) provided as context by the app root and read by the
//! header, links and pages.

use crate::browser;
use crate::embed::options::{EmbedOptions, EmbedTheme};
use crate::route::Route;
use leptos::prelude::*;

/// Where the theme the learner chose is kept.
pub const THEME_KEY: &str = "looplab.theme";

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
        AppState {
            route: RwSignal::new(route),
            theme: RwSignal::new(theme),
        }
    }

    /// True when the page is an embed (no header, no storage).
    pub fn embedded(&self) -> bool {
        self.route.with_untracked(|r| matches!(r, Route::Embed(_)))
    }

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

/// The theme an embed URL asks for (`theme=`; `auto` when absent).
pub fn theme_in_search(search: &str) -> Theme {
    match EmbedOptions::from_search(search).theme {
        EmbedTheme::Auto => Theme::Auto,
        EmbedTheme::Light => Theme::Light,
        EmbedTheme::Dark => Theme::Dark,
    }
}
