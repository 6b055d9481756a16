//! The lesson player: a live run on the browser's event loop, then every
//! step of the trace navigable, with the code, a timeline (one lane per
//! task), the event loop's queues, the console and a narration.
//!
//! Plain Rust, tested natively:
//! - [`track`]: the run as the player sees it (the engine's `Timeline` and
//!   the timeline's geometry);
//! - [`timeline_marks`]: what the timeline draws for a window of columns;
//! - [`live`]: speeds and the pacing of live runs;
//! - [`cpu_choice`]: the clock of a run (the CPU model on or off, cores);
//! - [`frames_model`]: what the frames panel shows (await chains, frames,
//!   variables and what changed);
//! - [`line_steps`]: the step mode and the run's line steps.
//!
//! In the browser:
//! - [`engine`]: the one place the engine runs programs;
//! - [`mark_layer`]: the timeline's bars and ticks as DOM nodes kept from
//!   frame to frame;
//! - [`player_state`]: the state every panel gets, and the commands;
//! - [`driver`]: the live run's driver;
//! - one file per panel: [`controls`] (and the keys, and the clock's
//!   toggle), [`narration`], [`model_note`],
//!   [`code_panel`], [`timeline_panel`], [`loop_panel`], [`console`],
//!   [`frames_panel`];
//! - [`step_url`]: the URL's `#step=N`;
//! - [`warm_up`]: the page's warm-up before the first Run (the engine, the
//!   panels drawn once off the page, the library);
//! - [`layout`]: the [`Player`] component that puts them together.

pub mod code_panel;
pub mod console;
pub mod controls;
pub mod cpu_choice;
pub mod driver;
pub mod engine;
pub mod frames_model;
pub mod frames_panel;
pub mod layout;
pub mod line_steps;
pub mod live;
pub mod loop_panel;
pub mod mark_layer;
pub mod model_note;
pub mod narration;
pub mod player_state;
pub mod step_url;
pub mod timeline_marks;
pub mod timeline_panel;
pub mod track;
pub mod warm_up;

pub use cpu_choice::CpuChoice;
pub use layout::Player;
pub use player_state::{PlayerHandle, PlayerState};
