//! The predict-then-run exercise: the learner puts the output lines of a
//! lesson's snippet in the order they think the program prints them, then
//! the engine runs the snippet and the two orders are compared. A lesson
//! may have several exercises, one per snippet. Also the progress (which
//! exercises and lessons were completed), kept in `localStorage`.
//!
//! - [`lines`]: the logic (plain Rust, tested natively);
//! - [`progress`]: the completed exercises and lessons in storage;
//! - [`exercise`]: the [`Predict`] component.

pub mod exercise;
pub mod lines;
pub mod progress;

pub use exercise::Predict;
