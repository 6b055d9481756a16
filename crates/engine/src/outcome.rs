//! What a run hands back besides its trace: the output it wrote and how
//! it ended. Defined here, below the event loop's glue (which writes
//! them) and [`crate::run`] (which re-exports them as its public API), so
//! neither has to import the other.

use serde::{Deserialize, Serialize};

use crate::trace::{TaskId, ThreadId};

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
    /// `SystemExit` escaped the program (`sys.exit(n)`, `raise SystemExit`):
    /// CPython ends silently (printing a non-integer code to stderr).
    Exited {
        /// The exit status: the integer code, 0 for None, 1 for any other
        /// code.
        status: i32,
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
