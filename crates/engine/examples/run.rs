//! Development aid: `cargo run -p looplab-engine --example run -- FILE.py
//! [--trace|--steps|--narrate|--stderr|--notrace]` prints the `--timed` output (and optionally
//! the trace as JSON, the step listing, or stderr).

use looplab_engine::run::{format_timed, run_program, run_program_untraced, Limits};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: run FILE.py [--trace|--steps|--stderr]");
        std::process::exit(2);
    };
    let source = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let outcome = if args.iter().any(|a| a == "--notrace") {
        run_program_untraced(&source, "<lesson>", &Limits::default())
    } else {
        run_program(&source, "<lesson>", &Limits::default())
    };
    print!("{}", format_timed(&outcome));
    if args.iter().any(|a| a == "--stderr") {
        for c in outcome.output.iter().filter(|c| c.stderr) {
            eprint!("{}", c.text);
        }
    }
    if args.iter().any(|a| a == "--steps") {
        for l in looplab_engine::snapshot::step_listing(&outcome.trace.events) {
            println!("{l}");
        }
    }
    if args.iter().any(|a| a == "--narrate") {
        let tl = looplab_engine::snapshot::Timeline::new(outcome.trace.clone(), 64);
        for i in 0..tl.steps.len() {
            println!("{i:3}: {}", tl.narrate(i));
        }
    }
    if args.iter().any(|a| a == "--trace") {
        for e in &outcome.trace.events {
            println!("{}", serde_json::to_string(e).unwrap_or_default());
        }
    }
}
