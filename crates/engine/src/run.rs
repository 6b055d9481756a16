//! Running a Looplab program: the engine's top-level API.
//!
//! [`run_program`] runs a whole program at once; [`Session`] runs the same
//! program in slices (the browser yields to the page between slices and
//! waits real time across virtual-time gaps). Both produce the same
//! [`Trace`] and output. [`format_timed`] renders an outcome in the
//! `--timed` format of the conformance suite (see `tools/oracle.py`).

use std::cell::RefCell;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::aio::glue::{self, Aio, Shared, HANG};
use crate::trace::{format_secs, EventKind, RunEnding, TaskId, ThreadId, Trace};
use crate::vm::{Error, Stream, Vm};

/// Resource budgets of a run (the VM's).
pub use crate::vm::Limits;

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

/// Runs a whole program and returns everything it produced.
pub fn run_program(source: &str, filename: &str, limits: &Limits) -> RunOutcome {
    let mut session = Session::new(source, filename, limits);
    while session.advance(u64::MAX) != Progress::Finished {}
    session.into_outcome()
}

/// Like [`run_program`] without recording a trace (benchmarks, CLI).
pub fn run_program_untraced(source: &str, filename: &str, limits: &Limits) -> RunOutcome {
    execute(source, filename, limits, false)
}

/// What [`Session::advance`] says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// More work is ready: call `advance` again (after yielding to the page).
    Ready,
    /// Nothing to do before virtual time `ns`: a live player waits for the
    /// real time that corresponds, then calls `advance` again.
    WaitUntil(u64),
    /// The run is over; see [`Session::outcome`].
    Finished,
}

/// A run that can be driven in slices.
///
/// Current limitation: the first `advance` runs the program to its end
/// (pausing inside a running event loop needs the VM to run the main
/// program on a fiber); live and instant runs give identical traces because
/// the trace only depends on the virtual clock.
pub struct Session {
    /// The program.
    source: String,
    /// Its file name in tracebacks.
    filename: String,
    /// Its budgets.
    limits: Limits,
    /// Set once finished.
    outcome: Option<RunOutcome>,
    /// Until finished, the (empty) trace so far.
    empty: Trace,
}

impl Session {
    /// Prepares a run (nothing runs yet).
    pub fn new(source: &str, filename: &str, limits: &Limits) -> Session {
        Session {
            source: source.to_string(),
            filename: filename.to_string(),
            limits: limits.clone(),
            outcome: None,
            empty: Trace::new(),
        }
    }

    /// Runs for about `fuel` instructions (see the limitation above).
    pub fn advance(&mut self, fuel: u64) -> Progress {
        let _ = fuel;
        if self.outcome.is_none() {
            self.outcome = Some(execute(&self.source, &self.filename, &self.limits, true));
        }
        Progress::Finished
    }

    /// The trace so far.
    pub fn trace(&self) -> &Trace {
        self.outcome.as_ref().map_or(&self.empty, |o| &o.trace)
    }

    /// The outcome, once finished.
    pub fn outcome(&self) -> Option<&RunOutcome> {
        self.outcome.as_ref()
    }

    /// The outcome (running the program to its end first if needed).
    pub fn into_outcome(mut self) -> RunOutcome {
        self.advance(u64::MAX);
        match self.outcome {
            Some(o) => o,
            None => execute(&self.source, &self.filename, &self.limits, true),
        }
    }
}

/// The class name of an exception value, if it is one.
fn exception_class_name(vm: &Vm, e: &crate::vm::Value) -> Option<String> {
    vm.exc_data(e)?;
    Some(vm.class_of(e).name.to_string())
}

/// Runs `source` to its end.
fn execute(source: &str, filename: &str, limits: &Limits, record: bool) -> RunOutcome {
    let mut vm = Vm::new(limits.clone());
    let shared: Shared = Rc::new(RefCell::new(Aio::new(record, filename)));
    glue::install(&mut vm, &shared);
    let r = vm.exec_main(source, filename).map(|_| ());
    // CPython joins worker threads at exit (the oracle drains them too),
    // except after a hang, which stops everything at once.
    let r = match r {
        Err(Error::Limit(m)) if m == HANG => Err(Error::Limit(m)),
        other => {
            let drained = glue::drain_threads(&mut vm, &shared, None);
            other.and(drained)
        }
    };
    let ending = match r {
        Ok(()) => Ending::Completed,
        Err(Error::Limit(m)) if m == HANG => Ending::Hang,
        Err(Error::Limit(message)) => Ending::Limit {
            which: limit_name(&message),
            message,
        },
        Err(Error::Exception(exc)) => {
            let rendered = vm.format_exception(&exc);
            let last_line = rendered.lines().last().unwrap_or("").to_string();
            let _ = vm.write(Stream::Stderr, &rendered);
            let syntax = matches!(
                exception_class_name(&vm, &exc).as_deref(),
                Some("SyntaxError" | "IndentationError" | "TabError")
            ) && !source.is_empty()
                && vm
                    .exc_data(&exc)
                    .is_some_and(|d| d.borrow().traceback.is_empty());
            if syntax {
                Ending::SyntaxError {
                    last_line,
                    rendered,
                }
            } else {
                Ending::Uncaught {
                    last_line,
                    traceback: rendered,
                }
            }
        }
        Err(Error::Internal(m)) => Ending::Limit {
            which: "internal".into(),
            message: format!("a bug in Looplab stopped the run: {m}"),
        },
        Err(Error::Paused) | Err(Error::Suspend(_)) => Ending::Limit {
            which: "internal".into(),
            message: "a bug in Looplab stopped the run: unexpected suspension".into(),
        },
    };
    glue::report_exit_warnings(&mut vm, &shared, &ending);
    let mut st = match shared.try_borrow_mut() {
        Ok(st) => st,
        Err(_) => {
            return RunOutcome {
                trace: Trace::new(),
                output: Vec::new(),
                ending,
            }
        }
    };
    glue::drain_output(&mut vm, &mut st, None, 0);
    let run_ending = match &ending {
        Ending::Completed => RunEnding::Completed,
        Ending::Uncaught { last_line, .. } => RunEnding::Uncaught {
            last_line: last_line.clone(),
        },
        Ending::Hang => RunEnding::Hang,
        Ending::Limit { which, message } => RunEnding::Limit {
            which: which.clone(),
            message: message.clone(),
        },
        Ending::SyntaxError { last_line, .. } => RunEnding::SyntaxError {
            message: last_line.clone(),
        },
    };
    st.lp.emit(EventKind::RunEnded { ending: run_ending });
    let trace = st.lp.take_trace();
    let output = std::mem::take(&mut st.output);
    // Drop every value the loop holds before the VM goes (breaks cycles).
    st.lp = crate::aio::EventLoop::new(false);
    drop(st);
    RunOutcome {
        trace,
        output,
        ending,
    }
}

/// A short name for the limit a message is about.
fn limit_name(message: &str) -> String {
    for (key, name) in [
        ("max_slice_instructions", "slice instructions"),
        ("max_instructions", "instructions"),
        ("max_output_bytes", "output"),
        ("max_collection_len", "memory"),
        ("recursion", "recursion"),
    ] {
        if message.contains(key) {
            return name.into();
        }
    }
    "limit".into()
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
