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
