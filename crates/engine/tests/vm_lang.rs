//! Runs the language-only conformance programs (`tests/conformance/lang`)
//! through `vm::run_script`-style execution and compares with the
//! CPython-generated `.out` files (timed format, addresses normalised).
//! Programs listed in `tests/vm_lang_known_failures` may fail; every other
//! program must pass, and a listed program that passes is reported.

use std::fs;
use std::path::Path;

use looplab_engine::run::mask_addresses;
use looplab_engine::vm::{Limits, Stream, Vm};

/// Run a program and render it like `tools/oracle.py --timed`.
pub fn run_timed(src: &str) -> String {
    let mut vm = Vm::new(Limits::default());
    let r = vm.exec_main(src, "<lesson>");
    let mut out = String::new();
    let mut at_line_start = true;
    for chunk in vm.output.iter().filter(|c| c.stream == Stream::Stdout) {
        let ms = (chunk.clock_ns + 500_000) / 1_000_000;
        for ch in chunk.text.chars() {
            if at_line_start {
                out.push_str(&format!("[t={}.{:03}] ", ms / 1000, ms % 1000));
                at_line_start = false;
            }
            out.push(ch);
            if ch == '\n' {
                at_line_start = true;
            }
        }
    }
    if !at_line_start {
        out.push('\n');
    }
    // SystemExit ends the program quietly, as CPython's interpreter does.
    let r = match r {
        Err(looplab_engine::vm::Error::Exception(x)) if vm.is_system_exit(&x) => Ok(()),
        other => other.map(|_| ()),
    };
    if let Err(e) = r {
        let text = vm.render_error(&e);
        out.push_str("!! uncaught\n");
        let last = match &e {
            looplab_engine::vm::Error::Exception(x) => vm.exception_line(x),
            _ => text.lines().last().unwrap_or("").to_string(),
        };
        out.push_str(&last);
        out.push('\n');
    }
    out
}

#[test]
fn lang_conformance() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance/lang");
    let known: Vec<String> = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vm_lang_known_failures"),
    )
    .unwrap_or_default()
    .lines()
    .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    .map(|l| l.split_whitespace().next().unwrap_or("").to_string())
    .collect();
    let mut names: Vec<_> = fs::read_dir(&dir)
        .expect("lang dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    names.sort();
    let (mut pass, mut fail) = (0, Vec::new());
    let mut newly_passing = Vec::new();
    for p in &names {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let src = fs::read_to_string(p).expect("read");
        let expected = fs::read_to_string(p.with_extension("out")).unwrap_or_default();
        let got = std::panic::catch_unwind(|| run_timed(&src)).unwrap_or_else(|_| "PANIC\n".into());
        if mask_addresses(&got) == mask_addresses(&expected) {
            pass += 1;
            if known.contains(&name) {
                newly_passing.push(name);
            }
        } else if !known.contains(&name) {
            fail.push((name, got, expected));
        }
    }
    eprintln!("lang conformance: {pass}/{} pass", names.len());
    for (n, g, e) in fail.iter().take(10) {
        eprintln!("--- {n}\n got:\n{g}\n expected:\n{e}");
    }
    assert!(
        newly_passing.is_empty(),
        "now passing, remove from known failures: {newly_passing:?}"
    );
    assert!(
        fail.is_empty(),
        "{} unexpected failures: {:?}",
        fail.len(),
        fail.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
}

/// Pausing every few instructions and resuming gives the same output as an
/// uninterrupted run, for every language program.
#[test]
fn pausing_anywhere_gives_identical_output() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance/lang");
    let mut checked = 0;
    let mut total_pauses = 0;
    for entry in fs::read_dir(&dir).expect("lang dir") {
        let p = entry.expect("entry").path();
        if p.extension().is_none_or(|e| e != "py") {
            continue;
        }
        let src = fs::read_to_string(&p).expect("read");
        let mut plain = Vm::new(Limits::default());
        let r1 = plain.exec_main(&src, "<lesson>").is_ok();
        let mut paused = Vm::new(Limits::default());
        paused.set_fuel(Some(7));
        let mut r = paused.exec_main(&src, "<lesson>").map(|_| ());
        let mut pauses = 0;
        while let Err(looplab_engine::vm::Error::Paused) = r {
            pauses += 1;
            paused.set_fuel(Some(7 + pauses % 13));
            r = match paused.resume_paused() {
                Ok(looplab_engine::vm::GenStep::Returned(_)) => Ok(()),
                Ok(_) => Err(looplab_engine::vm::Error::Internal("raised".into())),
                Err(e) => Err(e),
            };
        }
        assert_eq!(plain.stdout_text(), paused.stdout_text(), "{}", p.display());
        assert_eq!(r1, r.is_ok(), "{}", p.display());
        checked += 1;
        total_pauses += pauses;
    }
    assert!(checked >= 90);
    assert!(total_pauses > 1000, "only {total_pauses} pauses");
}
