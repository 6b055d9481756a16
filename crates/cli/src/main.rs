//! `looplab`: runs a Python file through the Looplab engine, on the virtual
//! clock, the way the browser app does.
//!
//! ```text
//! looplab run [--timed] [--trace FILE.json] FILE.py
//! ```
//!
//! - stdout: the program's stdout; with `--timed` each line is prefixed
//!   `[t=S.mmm] ` (the conformance format, see `tools/oracle.py`).
//! - stderr: warnings and tracebacks, as CPython writes them.
//! - exit status: 0 normal end; 1 uncaught exception or syntax error (after
//!   `!! uncaught` and the exception line); 2 hang (`!! hang`); 3 a limit
//!   (`!! limit: …`); 64 bad usage; 66 unreadable file.

use looplab_engine::run::{format_timed, run_program, Ending, Limits, RunOutcome};
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage: looplab run [--timed] [--trace FILE.json] FILE.py";

/// The parsed command line.
#[derive(Debug, PartialEq)]
struct Args {
    /// Prefix each stdout line with its virtual time.
    timed: bool,
    /// Where to write the trace as JSON, if anywhere.
    trace: Option<String>,
    /// The program.
    file: String,
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
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--timed" => timed = true,
            "--trace" => trace = Some(it.next().ok_or("--trace needs a file name")?.clone()),
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            path if file.is_none() => file = Some(path.to_string()),
            extra => return Err(format!("unexpected argument `{extra}`")),
        }
    }
    Ok(Args {
        timed,
        trace,
        file: file.ok_or("missing FILE.py")?,
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
    let outcome = run_program(&source, "<lesson>", &Limits::default());
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
            Ending::Completed | Ending::Uncaught { .. } | Ending::SyntaxError { .. } => {}
            Ending::Hang => {
                let _ = writeln!(stderr, "!! hang");
            }
            Ending::Limit { message, .. } => {
                let _ = writeln!(stderr, "!! limit: {message}");
            }
        }
    }
    ExitCode::from(match outcome.ending {
        Ending::Completed => 0,
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
        assert_eq!(
            args("run a.py").unwrap(),
            Args {
                timed: false,
                trace: None,
                file: "a.py".into()
            }
        );
        assert_eq!(
            args("run --timed --trace t.json a.py").unwrap(),
            Args {
                timed: true,
                trace: Some("t.json".into()),
                file: "a.py".into()
            }
        );
        assert!(args("").is_err());
        assert!(args("walk a.py").is_err());
        assert!(args("run").is_err());
        assert!(args("run --trace").is_err());
        assert!(args("run --fast a.py").is_err());
        assert!(args("run a.py b.py").is_err());
    }
}
