//! Embedding and sharing.
//!
//! - [`options`]: the embed URL's options (plain Rust, tested natively);
//! - [`message`]: the versioned `postMessage` protocol between an embed and
//!   its host page;
//! - [`share`]: programs packed into a link's fragment (`#z=…`);
//! - [`export`]: the timeline as a standalone SVG, the trace as JSON;
//! - [`view`]: the embed page and the Share / Embed / Export tools.
//!
//! The embed never uses storage or cookies and never reads anything from
//! the host page: it only posts its height and obeys three commands.

pub mod export;
pub mod message;
pub mod options;
pub mod share;
pub mod view;

pub use view::{embed_page, PlayerTools};

use crate::app::Theme;

/// The theme an embed URL asks for (`theme=`; `auto` when absent).
pub fn theme_in_search(search: &str) -> Theme {
    match options::EmbedOptions::from_search(search).theme {
        options::EmbedTheme::Auto => Theme::Auto,
        options::EmbedTheme::Light => Theme::Light,
        options::EmbedTheme::Dark => Theme::Dark,
    }
}
