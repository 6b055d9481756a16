//! Live runs: the engine's loop driven from the browser's event loop.
//!
//! [`drive`] advances a [`LiveRun`] in small slices of fuel (so the main
//! thread is never held for long: the Stop button always works), publishes
//! the new events after each slice, and waits real time across every
//! virtual-time gap at the chosen [`Speed`]. Gaps longer than
//! [`COMPRESS_NS`] are compressed to one second of real time (the timeline
//! labels them).

use super::track::COMPRESS_NS;
use looplab_engine::trace::Event;

/// What the engine asks for after a slice (mirrors the engine's
/// `run::Progress`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// More to do right away: call `advance` again (after yielding).
    Ready,
    /// Nothing to do before this virtual time.
    WaitUntil(u64),
    /// The run is over.
    Finished,
}

/// A pausable run, as the engine's `run::Session` provides it.
pub trait LiveRun {
    /// Runs at most `fuel` instructions.
    fn advance(&mut self, fuel: u64) -> Progress;
    /// At most `max` of the events recorded since the first `from`, as
    /// the run goes (a copy: the run keeps its trace).
    fn events_since(&self, from: usize, max: usize) -> Vec<Event>;
    /// Whether the run, finished, ended on importing a library module the
    /// page has not downloaded yet (it runs again once it has).
    fn needs_library(&self) -> bool {
        false
    }
    /// Frees at most `budget` more of the run's objects, stopping it for
    /// good if it is not over; true once all are free (dropping the run
    /// frees what is left at once).
    fn release(&mut self, _budget: u64) -> bool {
        true
    }
}

/// Playback and live-run speeds, as multiples of real time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Speed {
    Quarter,
    Half,
    /// A 1 s `sleep` takes 1 s.
    #[default]
    One,
    Two,
    Four,
}

impl Speed {
    /// Every speed, slowest first (the order of the speed menu).
    pub const ALL: [Speed; 5] = [
        Speed::Quarter,
        Speed::Half,
        Speed::One,
        Speed::Two,
        Speed::Four,
    ];

    /// The menu label and form value ("0.25×").
    pub fn label(self) -> &'static str {
        match self {
            Speed::Quarter => "0.25×",
            Speed::Half => "0.5×",
            Speed::One => "1×",
            Speed::Two => "2×",
            Speed::Four => "4×",
        }
    }

    /// Parses a [`Speed::label`] (or "4", "0.25"...).
    pub fn parse(s: &str) -> Option<Speed> {
        let s = s.trim_end_matches('×').trim_end_matches('x');
        Some(match s {
            "0.25" => Speed::Quarter,
            "0.5" => Speed::Half,
            "1" => Speed::One,
            "2" => Speed::Two,
            "4" => Speed::Four,
            _ => return None,
        })
    }

    /// Real milliseconds for `ns` of virtual time at this speed, idle gaps
    /// over [`COMPRESS_NS`] compressed to one virtual second.
    pub fn real_ms(self, ns: u64) -> u32 {
        let ns = if ns > COMPRESS_NS { 1_000_000_000 } else { ns };
        let quarters = match self {
            Speed::Quarter => 16,
            Speed::Half => 8,
            Speed::One => 4,
            Speed::Two => 2,
            Speed::Four => 1,
        };
        (ns / 1_000_000 * quarters / 4).min(u32::MAX as u64) as u32
    }

    /// Real milliseconds between two steps when playing a recorded trace
    /// (a zero-time step still takes a moment, so it can be seen).
    pub fn step_ms(self, gap_ns: u64) -> u32 {
        self.real_ms(gap_ns).max(self.real_ms(400_000_000))
    }
}

/// Instructions run per slice at first; adjusted so a slice takes about
/// [`SLICE_MS`]. Small: a run starts with `import asyncio`, whose
/// instructions (building classes and functions) are slow ones; doubling
/// per quick slice reaches a busy loop's pace in a few slices.
pub const INITIAL_FUEL: u64 = 1_000;
/// Target duration of one slice on the main thread, in ms (well under the
/// 50 ms of a "long task").
pub const SLICE_MS: f64 = 8.0;

/// The size of the next slice of work (instructions, events...), given
/// that the last one, `size` units, took `took_ms`: doubled after a very
/// quick slice, else scaled so a slice takes about [`SLICE_MS`]; kept
/// within `min..=max`.
pub fn next_slice(size: u64, took_ms: f64, min: u64, max: u64) -> u64 {
    next_slice_of(SLICE_MS, size, took_ms, min, max)
}

/// [`next_slice`] aiming at slices of `target_ms`.
pub fn next_slice_of(target_ms: f64, size: u64, took_ms: f64, min: u64, max: u64) -> u64 {
    let f = if took_ms <= target_ms / 16.0 {
        size.saturating_mul(2)
    } else {
        (size as f64 * target_ms / took_ms) as u64
    };
    f.clamp(min, max)
}

/// Target duration of one slice of freeing a finished run, ms: short, as
/// what one unit of it costs varies tenfold from one part of a run's
/// objects to the next (a slice sized on cheap ones then runs long).
pub const RELEASE_SLICE_MS: f64 = 2.0;

/// How long after the panels were last told of a live run's events they
/// are told again, ms, given what telling them cost (`cost_ms`: the work
/// it set off, measured to the page's next task). Telling them costs
/// little for most runs, and then they hear once per animation frame (0);
/// a run whose state holds tens of thousands of tasks costs each frame
/// tens of ms, and telling it every frame would leave the run itself a
/// sliver of the time: the panels then take at most a quarter of it.
pub fn show_pause(cost_ms: f64) -> f64 {
    /// Below this, a showing is cheap enough for every frame.
    const CHEAP_MS: f64 = 8.0;
    if cost_ms < CHEAP_MS {
        0.0
    } else {
        3.0 * cost_ms
    }
}

/// The next fuel, given how long the last slice took.
pub fn next_fuel(fuel: u64, took_ms: f64) -> u64 {
    next_slice(fuel, took_ms, 1_000, 2_000_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_aim_at_their_target() {
        assert_eq!(next_slice(1_000, 16.0, 1, u64::MAX), 500);
        assert_eq!(
            next_slice_of(RELEASE_SLICE_MS, 1_000, 8.0, 1, u64::MAX),
            250
        );
        assert_eq!(
            next_slice_of(RELEASE_SLICE_MS, 1_000, 0.1, 1, u64::MAX),
            2_000,
            "quick: doubled"
        );
        assert_eq!(
            next_slice_of(RELEASE_SLICE_MS, 1_000, 0.2, 1, 1_500),
            1_500,
            "kept within max"
        );
    }

    #[test]
    fn costly_showings_leave_the_run_three_quarters_of_the_time() {
        assert_eq!(show_pause(0.5), 0.0, "a cheap showing: every frame");
        assert_eq!(show_pause(7.9), 0.0);
        let cost = 40.0;
        let pause = show_pause(cost);
        assert_eq!(cost / (cost + pause), 0.25);
    }

    #[test]
    fn one_second_takes_a_second_at_1x() {
        assert_eq!(Speed::default(), Speed::One);
        assert_eq!(Speed::One.real_ms(1_000_000_000), 1000);
        assert_eq!(Speed::Four.real_ms(1_000_000_000), 250);
        assert_eq!(Speed::Quarter.real_ms(1_000_000_000), 4000);
        assert_eq!(Speed::One.real_ms(3_000_000_000), 3000);
        // A long idle gap is compressed.
        assert_eq!(Speed::One.real_ms(3_600_000_000_000), 1000);
    }

    #[test]
    fn labels_round_trip() {
        for s in Speed::ALL {
            assert_eq!(Speed::parse(s.label()), Some(s));
        }
        assert_eq!(Speed::parse("3"), None);
    }

    #[test]
    fn fuel_adapts_to_slice_time() {
        assert_eq!(next_fuel(20_000, 16.0), 10_000);
        assert_eq!(next_fuel(20_000, 0.1), 40_000);
        assert_eq!(next_fuel(1_000, 100.0), 1_000);
        // Other kinds of work have their own bounds.
        assert_eq!(next_slice(1_000, 100.0, 100, 50_000), 100);
        assert_eq!(next_slice(40_000, 0.1, 100, 50_000), 50_000);
    }
}
