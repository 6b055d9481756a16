//! Runs the language-only conformance programs (`tests/conformance/lang`)
//! through `vm::run_script`-style execution and compares with the
//! CPython-generated `.out` files (timed format, addresses normalised).
//! Programs listed in `tests/vm_lang_known_failures` may fail; every other
//! program must pass, and a listed program that passes is reported.

use std::fs;
use std::path::Path;

use looplab_engine::vm::{Limits, Stream, Vm};

fn normalize(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        if b[i] == b'0' && i + 1 < b.len() && b[i + 1] == b'x' {
            let mut j = i + 2;
            while j < b.len() && matches!(b[j], b'0'..=b'9' | b'a'..=b'f') {
                j += 1;
            }
            if j > i + 2 {
                out.push_str(&text[copied..i]);
                out.push_str("0x...");
                copied = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    out.push_str(&text[copied..]);
    out
}

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
        if normalize(&got) == normalize(&expected) {
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
