//! The pages, one per file, each a function of its route's parameters that
//! the app root ([`crate::app`]) calls: they read the app-wide state from
//! context and lay out components; the logic is in plain types elsewhere.

pub mod embed;
pub mod index;
pub mod lesson;
pub mod model;
pub mod not_found;
pub mod playground;
