//! Embedding and sharing.
//!
//! - [`options`]: the embed URL's options (plain Rust, tested natively);
//! - [`message`]: the versioned `postMessage` protocol between an embed and
//!   its host page;
//! - [`share`]: programs packed into a link's fragment (`#z=…`);
//! - [`export`]: the timeline as a standalone SVG, the trace as JSON;
//! - [`tools`]: the Share / Embed / Export tools under every player.
//!
//! The embed page itself is `pages/embed.rs`. The embed never uses storage
//! or cookies and never reads anything from the host page: it only posts
//! its height and obeys three commands.

pub mod export;
pub mod message;
pub mod options;
pub mod share;
pub mod tools;

pub use tools::PlayerTools;
