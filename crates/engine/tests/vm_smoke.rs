//! Smoke programs whose expected output comes from running `python3`
//! (CPython 3.11) at test time: stdout and the final exception line must
//! match exactly.

use std::path::Path;
use std::process::Command;

use looplab_engine::vm::{run_script, Limits};

fn cpython(path: &Path) -> (String, Option<String>) {
    let out = Command::new("python3")
        .arg(path)
        .env("PYTHONHASHSEED", "0")
        .output()
        .expect("python3 (CPython 3.11) must be installed to run this test");
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let last = stderr.lines().last().map(|s| s.to_string());
    (stdout, if out.status.success() { None } else { last })
}

#[test]
fn smoke_programs_match_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vm_smoke");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 5);
    let mut failures = Vec::new();
    for p in &paths {
        let src = std::fs::read_to_string(p).expect("read");
        let (want_out, want_err) = cpython(p);
        let got = run_script(&src, "<lesson>", &Limits::default());
        if got.stdout != want_out || got.last_line != want_err {
            failures.push(format!(
                "{}:\n--- ours\n{}{:?}\n--- cpython\n{}{:?}\n",
                p.display(),
                got.stdout,
                got.error,
                want_out,
                want_err
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Uncaught exceptions render exactly like CPython's traceback (file name
/// replaced by `<lesson>`).
#[test]
fn tracebacks_match_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vm_tracebacks");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 4);
    let mut failures = Vec::new();
    for p in &paths {
        let src = std::fs::read_to_string(p).expect("read");
        let out = Command::new("python3")
            .arg(p)
            .env("PYTHONHASHSEED", "0")
            .output()
            .expect("python3");
        let want_err = String::from_utf8_lossy(&out.stderr)
            .replace(&format!("\"{}\"", p.display()), "\"<lesson>\"");
        let want_out = String::from_utf8_lossy(&out.stdout).to_string();
        let got = run_script(&src, "<lesson>", &Limits::default());
        let got_err = got.error.unwrap_or_default();
        if got.stdout != want_out || got_err != want_err {
            failures.push(format!(
                "{}:\n--- ours\n{}{}\n--- cpython\n{}{}",
                p.display(),
                got.stdout,
                got_err,
                want_out,
                want_err
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
