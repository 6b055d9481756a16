//! Architecture invariant: the engine is built in stages, each importing
//! only from the stages below it, so a newcomer can read it bottom to top
//! and no two stages form an import circle. Circles *inside* one stage's
//! folder are allowed (they mirror CPython's own split, e.g. asyncio's
//! events/futures/tasks).
//!
//! This test reads the engine's source files, maps each file to its stage
//! (its top-level module under `src/`), collects every `crate::…` path and
//! every `super::` path that leaves the file's stage, and fails, naming
//! file, line and both stages, when a module reaches a stage above its own.
//! Test-only code (`tests.rs`/`*_tests.rs` files and `#[cfg(test)] mod`
//! blocks) may use any stage: tests drive the whole stack.

use std::path::{Path, PathBuf};

/// The stages, bottom to top. A module may use its own stage and the
/// stages before it in this list, never one after it.
///
/// - `span`: source positions; `pylib`: pure CPython behaviours (number
///   and string formatting, unicode tables…); `trace`: the versioned event
///   format (plain data, it depends on nothing, so it sits low: the event
///   loop writes it and the snapshots read it);
/// - `ast`, `parse`, `compile`: the front end, source to code objects;
/// - `vm`: the interpreter, with its native half in `vm/library/`
///   (builtin functions, the builtin types' method tables, native and
///   Python-written modules): the VM dispatches into its tables and its
///   functions run on the VM, as CPython's `ceval.c` sits beside
///   `Objects/` and `bltinmodule.c`, so they are one stage in one folder;
/// - `outcome`: what a run hands back besides the trace (output, ending);
/// - `aio`: the event loop and its glue to the VM;
/// - `snapshot`: folds a trace into states (the app's view model);
/// - `run`: the public API on top.
const STAGES: &[&str] = &[
    "span", "pylib", "trace", "ast", "parse", "compile", "vm", "outcome", "aio", "snapshot", "run",
];

/// One import of a stage above the importer's.
#[derive(Debug, PartialEq)]
struct Violation {
    line: usize,
    from: String,
    to: String,
    text: String,
}

fn rank(stage: &str) -> Option<usize> {
    STAGES.iter().position(|s| *s == stage)
}

/// The file's stage and the depth of its module below the crate root
/// (`run.rs` and `aio/mod.rs` are 1, `aio/glue.rs` is 2), or None for the
/// crate root.
fn stage_of(rel: &Path) -> Option<(String, usize)> {
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.len() == 1 && parts[0] == "lib.rs" {
        return None;
    }
    let stage = parts[0].trim_end_matches(".rs").to_string();
    let last = parts.last().map(String::as_str).unwrap_or("");
    let depth = if last == "mod.rs" {
        parts.len() - 1
    } else {
        parts.len()
    };
    Some((stage, depth))
}

fn is_test_file(rel: &Path) -> bool {
    let name = rel.file_name().map(|n| n.to_string_lossy().into_owned());
    matches!(name, Some(n) if n == "tests.rs" || n.ends_with("_tests.rs"))
}

/// The line without its comment and without the contents of string and
/// character literals (so `"//"` or `"{"` in a string confuse nothing).
fn code_part(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    let mut in_str = false;
    while let Some(c) = chars.next() {
        if in_str {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => {
                    in_str = false;
                    out.push('"');
                }
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_str = true;
                out.push('"');
            }
            '/' if chars.peek() == Some(&'/') => break,
            // A char literal such as '{' (not a lifetime such as 'a).
            '\'' => {
                let rest: String = chars.clone().take(3).collect();
                let mut r = rest.chars();
                match (r.next(), r.next(), r.next()) {
                    (Some('\\'), _, _) => {
                        // An escape ('\'', '\n', '\u{7b}'): skip it, then
                        // to the closing quote.
                        chars.next();
                        chars.next();
                        for d in chars.by_ref() {
                            if d == '\'' {
                                break;
                            }
                        }
                    }
                    (Some(_), Some('\''), _) => {
                        chars.next();
                        chars.next();
                    }
                    _ => out.push('\''),
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// The stages a line of code refers to outside its own module tree:
/// `crate::STAGE`, `$crate::STAGE`, `crate::{STAGE::…, …}` and `super::`
/// chains that climb to the crate root (`depth` is the file's module
/// depth).
fn referenced_stages(code: &str, depth: usize) -> Vec<String> {
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = 0;
    while i < code.len() {
        let rest = &code[i..];
        let starts_word = i == 0 || !is_ident(bytes[i - 1]);
        if starts_word && rest.starts_with("crate::") {
            let after = &rest["crate::".len()..];
            if let Some(group) = after.strip_prefix('{') {
                // `crate::{a::X, b}`: every first segment of the group.
                let body = group.split('}').next().unwrap_or("");
                for item in body.split(',') {
                    let seg: String = item
                        .trim()
                        .chars()
                        .take_while(|c| is_ident(*c as u8))
                        .collect();
                    if !seg.is_empty() {
                        found.push(seg);
                    }
                }
            } else {
                let seg: String = after.chars().take_while(|c| is_ident(*c as u8)).collect();
                if !seg.is_empty() {
                    found.push(seg);
                }
            }
            i += "crate::".len();
            continue;
        }
        if starts_word && rest.starts_with("super::") {
            let mut ups = 0;
            let mut r = rest;
            while let Some(next) = r.strip_prefix("super::") {
                ups += 1;
                r = next;
            }
            if ups >= depth {
                // Climbed to the crate root: the next segment is a stage.
                let seg: String = r.chars().take_while(|c| is_ident(*c as u8)).collect();
                if !seg.is_empty() {
                    found.push(seg);
                }
            }
            i += "super::".len() * ups;
            continue;
        }
        i += rest.chars().next().map(char::len_utf8).unwrap_or(1);
    }
    found
}

/// Every import in `source` (a file of stage `stage` at module depth
/// `depth`) of a stage above `stage`, or of a module no stage lists.
fn violations(stage: &str, depth: usize, source: &str) -> Vec<Violation> {
    let own = rank(stage);
    let mut out = Vec::new();
    // Brace depth at which a `#[cfg(test)]` module started (skipped).
    let mut test_mod_depth: Option<i64> = None;
    let mut cfg_test_pending = false;
    let mut braces: i64 = 0;
    for (n, line) in source.lines().enumerate() {
        let code = code_part(line);
        let trimmed = code.trim();
        let opens = code.matches('{').count() as i64;
        let closes = code.matches('}').count() as i64;
        if test_mod_depth.is_none() {
            if trimmed.starts_with("#[cfg(test)]") {
                cfg_test_pending = true;
            } else if cfg_test_pending && !trimmed.is_empty() && !trimmed.starts_with("#[") {
                cfg_test_pending = false;
                let is_mod = trimmed.starts_with("mod ") || trimmed.starts_with("pub mod ");
                if is_mod && opens > closes {
                    test_mod_depth = Some(braces);
                }
            }
        }
        braces += opens - closes;
        if let Some(d) = test_mod_depth {
            if braces <= d {
                test_mod_depth = None;
            }
            continue;
        }
        for to in referenced_stages(&code, depth) {
            if to == stage {
                continue;
            }
            let above = match (own, rank(&to)) {
                (Some(a), Some(b)) => b > a,
                _ => true,
            };
            if above {
                out.push(Violation {
                    line: n + 1,
                    from: stage.to_string(),
                    to,
                    text: line.trim().to_string(),
                });
            }
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("source folder readable")
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn no_stage_imports_a_stage_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 20, "found only {} source files", files.len());
    let mut problems = Vec::new();
    let mut stages_seen = Vec::new();
    for path in &files {
        let rel = path.strip_prefix(&src).expect("under src");
        let Some((stage, depth)) = stage_of(rel) else {
            continue;
        };
        if rank(&stage).is_none() {
            problems.push(format!(
                "src/{}: module `{stage}` is in no stage: add it to STAGES in tests/layering.rs at its place",
                rel.display()
            ));
            continue;
        }
        stages_seen.push(stage.clone());
        if is_test_file(rel) {
            continue;
        }
        let source = std::fs::read_to_string(path).expect("source readable");
        for v in violations(&stage, depth, &source) {
            let why = match rank(&v.to) {
                Some(_) => format!(
                    "stage `{}` imports from `{}`, a stage above it",
                    v.from, v.to
                ),
                None => format!(
                    "stage `{}` refers to `crate::{}`, which is in no stage",
                    v.from, v.to
                ),
            };
            problems.push(format!(
                "src/{}:{}: {why}: {}",
                rel.display(),
                v.line,
                v.text
            ));
        }
    }
    for s in STAGES {
        assert!(
            stages_seen.iter().any(|x| x == s),
            "STAGES lists `{s}` but src/ has no such module"
        );
    }
    assert!(
        problems.is_empty(),
        "imports against the layering (stages bottom to top: {}); move the shared item down to a stage below both instead:\n{}",
        STAGES.join(", "),
        problems.join("\n")
    );
}

#[test]
fn the_checker_catches_upward_imports() {
    // A reintroduced glue -> run import (the circle this layering broke).
    let v = violations("aio", 2, "use crate::run::OutputChunk;\n");
    assert_eq!(
        v,
        vec![Violation {
            line: 1,
            from: "aio".into(),
            to: "run".into(),
            text: "use crate::run::OutputChunk;".into()
        }]
    );
    // The compiler knowing the VM's values.
    let v = violations(
        "compile",
        2,
        "use std::rc::Rc;\n\npub consts: Vec<crate::vm::Value>,\n",
    );
    assert_eq!(v.len(), 1);
    assert_eq!((v[0].line, v[0].to.as_str()), (3, "vm"));
    // Grouped imports and `super::` chains that climb to the root.
    let v = violations("vm", 1, "use crate::{ast::Name, run::Ending};\n");
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].to, "run");
    let v = violations("vm", 2, "use super::super::aio::Todo;\nuse super::Value;\n");
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].to, "aio");
    // Unknown top-level modules are reported too.
    assert_eq!(violations("vm", 1, "x = crate::nowhere::f();\n").len(), 1);
}

#[test]
fn the_checker_allows_downward_imports_comments_and_tests() {
    let source = "\
use crate::vm::Value; // crate::run is mentioned in a comment
/// See [`crate::run::Ending`].
let s = \"crate::run::x\";
use super::events::Todo;

#[cfg(test)]
mod tests {
    use crate::run::run_program;
    fn f() { if true { } }
}

use crate::trace::TaskId;
";
    assert_eq!(violations("aio", 2, source), vec![]);
    // The same import after the test module counts again.
    let after = format!("{source}use crate::snapshot::Snapshot;\n");
    let v = violations("aio", 2, &after);
    assert_eq!(v.len(), 1);
    assert_eq!((v[0].line, v[0].to.as_str()), (13, "snapshot"));
}
