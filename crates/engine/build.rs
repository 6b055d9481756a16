//! Hashes the sources of the lexer, parser and compiler into
//! `LOOPLAB_COMPILER_FINGERPRINT` (`compile::serial`): the compiled form of
//! the library modules is loaded only by the compiler that wrote it.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// What decides the code a module compiles to.
const COMPILER_SOURCES: &[&str] = &[
    "src/ast.rs",
    "src/span.rs",
    "src/parse",
    "src/compile",
    "src/pylib/bigint.rs",
];

fn files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .expect("a compiler source directory")
            .map(|e| e.expect("a directory entry").path())
            .collect();
        entries.sort();
        for e in entries {
            files(&e, out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") && !is_test(path) {
        out.push(path.to_path_buf());
    }
}

/// Unit tests (`tests.rs`, `*_tests.rs`) decide no compiled code: editing
/// one leaves the compiled library valid.
fn is_test(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| s == "tests" || s.ends_with("_tests"))
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut hasher = Sha256::new();
    for source in COMPILER_SOURCES {
        println!("cargo:rerun-if-changed={source}");
        let mut found = Vec::new();
        files(&root.join(source), &mut found);
        for f in found {
            let rel = f.strip_prefix(root).expect("under the crate");
            hasher.update(rel.to_string_lossy().replace('\\', "/").as_bytes());
            hasher.update([0]);
            hasher.update(std::fs::read(&f).expect("a compiler source"));
            hasher.update([0]);
        }
    }
    let digest = hasher.finalize();
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    println!("cargo:rustc-env=LOOPLAB_COMPILER_FINGERPRINT={hex}");
}
