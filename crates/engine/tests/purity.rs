//! Architecture invariant: the engine is pure Rust and never depends (even
//! transitively) on a web crate, so it builds and tests natively and the same
//! code runs in the browser.

use std::process::Command;

const FORBIDDEN: &[&str] = &[
    "leptos",
    "web-sys",
    "js-sys",
    "wasm-bindgen",
    "wasm-bindgen-futures",
    "gloo-timers",
    "gloo-utils",
];

#[test]
fn engine_has_no_web_dependencies() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "tree",
            "-p",
            "looplab-engine",
            "-e",
            "normal,build",
            "--prefix",
            "none",
            "--format",
            "{p}",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tree = String::from_utf8_lossy(&out.stdout);
    let names: Vec<&str> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(
        names.contains(&"looplab-engine"),
        "unexpected cargo tree output: {tree}"
    );
    for name in &names {
        assert!(
            !FORBIDDEN.contains(name),
            "looplab-engine depends on the web crate `{name}`:\n{tree}"
        );
    }
}

/// Architecture invariant: the engine never reads the real clock (time is
/// the virtual clock, so the same program gives the same trace), and its
/// own code has no `unsafe` (the allocator's is confined to
/// `crates/tracemalloc`; `lib.rs` forbids it, and this checks the attribute
/// stays).
#[test]
fn engine_never_reads_the_real_clock_and_forbids_unsafe() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![src.clone()];
    let mut problems = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            // Unit-test files may time themselves; the engine may not.
            let is_test = matches!(&name, Some(n) if n == "tests.rs" || n.ends_with("_tests.rs"));
            if is_test || path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a source file");
            for (i, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                for clock in ["Instant", "SystemTime", "UNIX_EPOCH"] {
                    if code.contains(&format!("time::{clock}"))
                        || code.contains(&format!("{clock}::now"))
                    {
                        problems.push(format!("{}:{}: {}", path.display(), i + 1, line.trim()));
                    }
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "the engine reads the real clock:\n{}",
        problems.join("\n")
    );
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("lib.rs");
    assert!(
        lib.contains("#![forbid(unsafe_code)]"),
        "lib.rs must keep #![forbid(unsafe_code)]"
    );
}
