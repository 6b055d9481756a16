//! `looplab`: runs a Python file through the Looplab engine, on the virtual
//! clock, the way the browser app does.
//!
//! ```text
//! looplab run [--timed] [--trace FILE.json] [--cpu-model [--cores N]] [--max-instructions N] [--max-slice N] [--max-memory BYTES] [--max-output BYTES] [--record-lines [--max-lines N]] [--inspect-frames [--max-line-frames N]] FILE.py
//! ```
//!
//! `--cpu-model` turns on the engine's "computing takes time" model (every
//! instruction costs virtual time, one GIL per process, processes share
//! `--cores N` virtual cores, 4 by default; see the engine's `aio::cpu`);
//! without it the virtual clock advances only by waiting, as CPython's does
//! on the oracle's clock. `--cores` needs `--cpu-model`.
//!
//! `--record-lines` records every line of the program the run executes,
//! and which task ran it, in the trace (`Line` events, for `--trace`); at
//! most `--max-lines N` of them (100,000 by default: the line-recording
//! limit). `--inspect-frames` records each task's await chain and local
//! variables whenever it suspends (`TaskFrames` events); with both, each
//! line event is preceded by the running task's frames and the module's
//! globals when they changed, for the first `--max-line-frames N` line
//! events (10,000 by default; then at suspensions only).
//!
//! `--max-instructions`, `--max-slice`, `--max-memory` and `--max-output`
//! raise (or lower) the engine's budgets: total instructions (the
//! instruction limit), instructions a task may run without suspending and
//! tasks may run while the virtual clock stands still (the step limit), the
//! heap bytes the program may hold at once (the memory limit, 256 MiB by
//! default; exceeding it raises `MemoryError` in the program, and if nothing
//! catches it the run ends as a limit), and bytes printed (the output
//! limit). A run stopped by a limit ends with `!! limit: …` naming it and a
//! line saying which option raises it, exit status 3.
//!
//! - stdout: the program's stdout; with `--timed` each line is prefixed
//!   `[t=S.mmm] ` (the conformance format, see `tools/oracle.py`).
//! - stderr: warnings and tracebacks, as CPython writes them.
//! - exit status: 0 normal end; `sys.exit(n)`'s status (as CPython, the
//!   low eight bits; 1 for a message); 1 uncaught exception or syntax error (after
//!   `!! uncaught` and the exception line); 2 hang (`!! hang`); 3 a limit
//!   (`!! limit: …`); 64 bad usage; 66 unreadable file.

use looplab_engine::run::{
    format_timed, run_program, run_program_untraced, CpuModel, Ending, LimitKind, Limits,
    RunOutcome,
};
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str =
    "usage: looplab run [--timed] [--trace FILE.json] [--cpu-model [--cores N]] [--max-instructions N] [--max-slice N] [--max-memory BYTES] [--max-output BYTES] [--record-lines [--max-lines N]] [--inspect-frames [--max-line-frames N]] FILE.py";

/// The parsed command line.
#[derive(Debug)]
struct Args {
    /// Prefix each stdout line with its virtual time.
    timed: bool,
    /// Where to write the trace as JSON, if anywhere.
    trace: Option<String>,
    /// The program.
    file: String,
    /// Budgets (defaults, or as given by the flags).
    limits: Limits,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        Some("run") => {}
        Some(other) => return Err(format!("unknown command `{other}`")),
        None => return Err("missing command".into()),
    }
    let mut timed = false;
    let mut trace = None;
    let mut file = None;
    let mut limits = Limits::default();
    let mut cpu_model = false;
    let mut cores = None;
    let mut max_lines = None;
    let mut max_line_frames = None;
    while let Some(arg) = it.next() {
        let mut number = |flag: &str| -> Result<u64, String> {
            it.next()
                .and_then(|n| n.replace('_', "").parse().ok())
                .ok_or(format!("{flag} needs a whole number"))
        };
        match arg.as_str() {
            "--timed" => timed = true,
            "--cpu-model" => cpu_model = true,
            "--record-lines" => limits.record_lines = true,
            "--inspect-frames" => limits.inspect_frames = true,
            "--max-lines" => max_lines = Some(usize::try_from(number(arg)?).unwrap_or(usize::MAX)),
            "--max-line-frames" => {
                max_line_frames = Some(usize::try_from(number(arg)?).unwrap_or(usize::MAX))
            }
            "--cores" => {
                let n = number(arg)?;
                if n == 0 || n > 1024 {
                    return Err("--cores needs a number of cores from 1 to 1024".into());
                }
                cores = Some(n as u32);
            }
            "--max-instructions" => limits.max_instructions = number(arg)?,
            "--max-slice" => limits.max_slice_instructions = number(arg)?,
            "--max-memory" => {
                limits.max_memory_bytes = usize::try_from(number(arg)?).unwrap_or(usize::MAX)
            }
            "--max-output" => {
                limits.max_output_bytes = usize::try_from(number(arg)?).unwrap_or(usize::MAX)
            }
            "--trace" => trace = Some(it.next().ok_or("--trace needs a file name")?.clone()),
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            path if file.is_none() => file = Some(path.to_string()),
            extra => return Err(format!("unexpected argument `{extra}`")),
        }
    }
    match (limits.record_lines, max_lines) {
        (_, None) => {}
        (true, Some(n)) => limits.max_line_events = n,
        (false, Some(_)) => return Err("--max-lines needs --record-lines".into()),
    }
    match (
        limits.record_lines && limits.inspect_frames,
        max_line_frames,
    ) {
        (_, None) => {}
        (true, Some(n)) => limits.max_line_frames = n,
        (false, Some(_)) => {
            return Err("--max-line-frames needs --record-lines and --inspect-frames".into())
        }
    }
    match (cpu_model, cores) {
        (true, cores) => {
            limits.cpu_model = Some(CpuModel {
                cores: cores.unwrap_or(CpuModel::default().cores),
            })
        }
        (false, Some(_)) => return Err("--cores needs --cpu-model".into()),
        (false, None) => {}
    }
    Ok(Args {
        timed,
        trace,
        file: file.ok_or("missing FILE.py")?,
        limits,
    })
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let args = match parse_args(&argv) {
        Ok(args) => args,
        Err(e) => {
            eprintln!("looplab: {e}\n{USAGE}");
            return ExitCode::from(64);
        }
    };
    let source = match std::fs::read_to_string(&args.file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("looplab: cannot read {}: {e}", args.file);
            return ExitCode::from(66);
        }
    };
    // The trace is recorded only when asked for (it is most of the memory
    // of a long asyncio run).
    let outcome = if args.trace.is_some() {
        run_program(&source, "<lesson>", &args.limits)
    } else {
        run_program_untraced(&source, "<lesson>", &args.limits)
    };
    if let Some(path) = &args.trace {
        let written = serde_json::to_string(&outcome.trace)
            .map_err(|e| e.to_string())
            .and_then(|json| std::fs::write(path, json).map_err(|e| e.to_string()));
        if let Err(e) = written {
            eprintln!("looplab: cannot write the trace to {path}: {e}");
            return ExitCode::from(66);
        }
    }
    report(&outcome, args.timed)
}

/// Writes the outcome to stdout/stderr and picks the exit status.
fn report(outcome: &RunOutcome, timed: bool) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    if timed {
        let _ = stdout.write_all(format_timed(outcome).as_bytes());
        let _ = stdout.flush();
        for chunk in outcome.output.iter().filter(|c| c.stderr) {
            let _ = stderr.write_all(chunk.text.as_bytes());
        }
    } else {
        // Interleave the streams in the order they were written.
        for chunk in &outcome.output {
            if chunk.stderr {
                let _ = stdout.flush();
                let _ = stderr.write_all(chunk.text.as_bytes());
            } else {
                let _ = stdout.write_all(chunk.text.as_bytes());
            }
        }
        let _ = stdout.flush();
        match &outcome.ending {
            // Tracebacks and syntax errors are already in the stderr chunks.
            Ending::Completed
            | Ending::Exited { .. }
            | Ending::Uncaught { .. }
            | Ending::SyntaxError { .. } => {}
            Ending::Hang => {
                let _ = writeln!(stderr, "!! hang");
            }
            Ending::Limit { message, .. } => {
                let _ = writeln!(stderr, "!! limit: {message}");
            }
        }
    }
    // How to raise the limit that stopped the run (the app offers a button).
    if let Ending::Limit { message, .. } = &outcome.ending {
        if let Some(kind) = LimitKind::of_message(message) {
            let option = kind.cli_option();
            let _ = writeln!(stderr, "!! to raise it: looplab run {option} FILE.py");
        }
    }
    ExitCode::from(match outcome.ending {
        Ending::Completed => 0,
        // As a shell sees it: the low eight bits.
        Ending::Exited { status } => (status & 0xff) as u8,
        Ending::Uncaught { .. } | Ending::SyntaxError { .. } => 1,
        Ending::Hang => 2,
        Ending::Limit { .. } => 3,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Result<Args, String> {
        parse_args(&s.split_whitespace().map(String::from).collect::<Vec<_>>())
    }

    #[test]
    fn parses_the_documented_forms() {
        let plain = args("run a.py").unwrap();
        assert_eq!(
            (plain.timed, plain.trace, plain.file.as_str()),
            (false, None, "a.py")
        );
        let default = Limits::default();
        assert_eq!(
            plain.limits.max_slice_instructions,
            default.max_slice_instructions
        );
        assert_eq!(plain.limits.max_memory_bytes, default.max_memory_bytes);
        let all = args(
            "run --timed --trace t.json --max-slice 5_000 --max-instructions 9 --max-memory 1_000_000 a.py",
        )
        .unwrap();
        assert_eq!(all.limits.max_memory_bytes, 1_000_000);
        assert_eq!((all.timed, all.trace.as_deref()), (true, Some("t.json")));
        assert_eq!(
            (
                all.limits.max_slice_instructions,
                all.limits.max_instructions
            ),
            (5000, 9)
        );
        assert!(args("run --max-slice lots a.py").is_err());
        assert!(args("run --max-memory 1e9 a.py").is_err());
        assert!(args("").is_err());
        assert!(args("walk a.py").is_err());
        assert!(args("run").is_err());
        assert!(args("run --trace").is_err());
        assert!(args("run --fast a.py").is_err());
        assert!(args("run a.py b.py").is_err());
    }

    #[test]
    fn the_cpu_model_is_opt_in_with_four_cores_by_default() {
        assert_eq!(args("run a.py").unwrap().limits.cpu_model, None);
        let on = args("run --cpu-model a.py").unwrap();
        assert_eq!(on.limits.cpu_model, Some(CpuModel { cores: 4 }));
        let eight = args("run --cpu-model --cores 8 a.py").unwrap();
        assert_eq!(eight.limits.cpu_model, Some(CpuModel { cores: 8 }));
        let before = args("run --cores 2 --cpu-model --timed a.py").unwrap();
        assert_eq!(before.limits.cpu_model, Some(CpuModel { cores: 2 }));
        assert!(args("run --cores 2 a.py").is_err());
        assert!(args("run --cpu-model --cores 0 a.py").is_err());
        assert!(args("run --cpu-model --cores many a.py").is_err());
        assert!(args("run --cpu-model --cores").is_err());
        let lines = args("run --record-lines --max-lines 5 a.py").unwrap();
        assert!(lines.limits.record_lines && lines.limits.max_line_events == 5);
        assert!(args("run --max-lines 5 a.py").is_err());
        let frames = args("run --record-lines --inspect-frames --max-line-frames 9 a.py").unwrap();
        assert_eq!(frames.limits.max_line_frames, 9);
        assert!(args("run --record-lines --max-line-frames 9 a.py").is_err());
    }
}
