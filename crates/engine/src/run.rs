//! Running a Looplab program: the engine's top-level API.
//!
//! [`run_program`] runs a whole program at once; [`Session`] runs the same
//! program in slices (the browser yields to the page between slices and
//! waits real time across virtual-time gaps). Both produce the same
//! [`Trace`] and output. [`format_timed`] renders an outcome in the
//! `--timed` format of the conformance suite (see `tools/oracle.py`).

use serde::{Deserialize, Serialize};

use crate::trace::{format_secs, TaskId, ThreadId, Trace};

/// One piece of output, stamped with when and by whom it was written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutputChunk {
    /// Virtual time at which it was written.
    pub time_ns: u64,
    /// The text.
    pub text: String,
    /// Written to stderr (warnings, tracebacks) rather than stdout.
    pub stderr: bool,
    /// The task running when it was written, if any.
    pub task: Option<TaskId>,
    /// The worker thread that wrote it, if not the loop's thread.
    pub thread: Option<ThreadId>,
    /// The line of the program being executed (0 if unknown).
    pub line: u32,
}

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Ending {
    /// The program finished normally.
    Completed,
    /// An exception escaped the program.
    Uncaught {
        /// CPython's last traceback line: `ValueError: boom`.
        last_line: String,
        /// The whole rendered traceback (also written to stderr).
        traceback: String,
    },
    /// Nothing could ever happen again (no ready handle, no timer, no
    /// worker thread) while the program waited: CPython would block
    /// forever.
    Hang,
    /// A resource limit stopped the run.
    Limit {
        /// Which limit.
        which: String,
        /// What happened and how to raise the limit.
        message: String,
    },
    /// The program did not parse.
    SyntaxError {
        /// `SyntaxError: invalid syntax` (CPython's last line).
        last_line: String,
        /// The rendered error (file, line, caret), as CPython prints it.
        rendered: String,
    },
}

/// Everything a run produced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunOutcome {
    /// What the event loop did.
    pub trace: Trace,
    /// Everything written, in order.
    pub output: Vec<OutputChunk>,
    /// How the run ended.
    pub ending: Ending,
}

/// Renders `outcome` the way `tools/oracle.py --timed` renders CPython's
/// run: each stdout line prefixed `[t=S.mmm] ` (the virtual time of its
/// first character, rounded half-up to the millisecond), a final newline
/// if missing, then `!! uncaught` + the exception line, `!! hang`, or
/// `!! limit: message`.
pub fn format_timed(outcome: &RunOutcome) -> String {
    let mut out = String::new();
    let mut at_line_start = true;
    for chunk in outcome.output.iter().filter(|c| !c.stderr) {
        for piece in chunk.text.split_inclusive('\n') {
            if at_line_start {
                out.push_str("[t=");
                out.push_str(&format_secs(chunk.time_ns));
                out.push_str("] ");
            }
            out.push_str(piece);
            at_line_start = piece.ends_with('\n');
        }
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    match &outcome.ending {
        Ending::Completed => {}
        Ending::Uncaught { last_line, .. }
        | Ending::SyntaxError {
            last_line,
            rendered: _,
        } => {
            out.push_str("!! uncaught\n");
            out.push_str(last_line);
            out.push('\n');
        }
        Ending::Hang => out.push_str("!! hang\n"),
        Ending::Limit { message, .. } => {
            out.push_str("!! limit: ");
            out.push_str(message);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(time_ns: u64, text: &str) -> OutputChunk {
        OutputChunk {
            time_ns,
            text: text.into(),
            stderr: false,
            task: None,
            thread: None,
            line: 0,
        }
    }

    #[test]
    fn timed_format_follows_the_oracle_spec() {
        // The spec (tools/oracle.py header): a line is stamped with the time
        // of its first character; a last line without "\n" gets one; the
        // markers follow, unprefixed.
        let outcome = RunOutcome {
            trace: Trace::new(),
            output: vec![
                chunk(0, "a"),
                chunk(1_000_000_000, "b\nc"),
                OutputChunk {
                    stderr: true,
                    ..chunk(1_000_000_000, "warning\n")
                },
                chunk(2_500_000_000, "d"),
            ],
            ending: Ending::Uncaught {
                last_line: "ValueError: boom".into(),
                traceback: String::new(),
            },
        };
        assert_eq!(
            format_timed(&outcome),
            "[t=0.000] ab\n[t=1.000] cd\n!! uncaught\nValueError: boom\n"
        );
        let hang = RunOutcome {
            trace: Trace::new(),
            output: vec![],
            ending: Ending::Hang,
        };
        assert_eq!(format_timed(&hang), "!! hang\n");
    }
}
