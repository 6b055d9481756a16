//! Conformance suite: every program under `tests/conformance/{lang,async}/` must make
//! the engine print, byte for byte, what CPython 3.11 prints through `tools/oracle.py
//! --timed` (the committed `.out` file next to it, produced only by
//! `tools/regen-expected`).
//!
//! Both sides are normalised before comparing: every `0x[0-9a-f]+` becomes `0x...`
//! (CPython prints real addresses in default reprs, the engine prints fake ones).
//!
//! `tests/conformance/KNOWN_FAILURES` lists programs the engine does not pass yet, one
//! per line: `path/relative/to/conformance.py  reason`; `#` starts a comment. The test
//! fails when an unlisted program mismatches, and also when a listed program passes (so
//! the list only ever shrinks), and when a listed path does not exist.
//!
//! stderr is compared too (warnings, "Task exception was never retrieved", tracebacks):
//! the engine's stderr must equal the committed `.err` file (absent = empty), both
//! masked the same way; `tests/conformance/KNOWN_STDERR_FAILURES` lists, in the same
//! format and with the same only-shrinks rule, the programs whose stderr differs yet.

use std::collections::BTreeMap;
use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::Command;

use looplab_engine::run::{format_timed, mask_addresses, run_program, Limits};

/// Directories of the suite, relative to `tests/conformance/`.
const GROUPS: [&str; 5] = ["lang", "async", "stdlib", "threads", "processes"];
/// How many mismatching programs get a diff printed.
const DIFFS_SHOWN: usize = 8;
/// How many diff lines are printed per program.
const DIFF_LINES: usize = 40;

fn suite_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("conformance")
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("..")
}

/// Every program of the suite as (path relative to the suite dir, absolute path).
fn programs() -> Vec<(String, PathBuf)> {
    let mut found = Vec::new();
    for group in GROUPS {
        let dir = suite_dir().join(group);
        let entries =
            fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("directory entry").path();
            if path.extension().is_some_and(|e| e == "py") {
                let name = path
                    .file_name()
                    .expect("file name")
                    .to_string_lossy()
                    .into_owned();
                found.push((format!("{group}/{name}"), path));
            }
        }
    }
    found.sort();
    found
}

/// Parses KNOWN_FAILURES: `path reason...` per line, `#` comments, blank lines ignored.
fn parse_known_failures(text: &str) -> BTreeMap<String, String> {
    let mut known = BTreeMap::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let (path, reason) = match line.split_once(char::is_whitespace) {
            Some((p, r)) => (p, r.trim()),
            None => (line, ""),
        };
        known.insert(path.to_string(), reason.to_string());
    }
    known
}

fn known_failures() -> BTreeMap<String, String> {
    known_list("KNOWN_FAILURES")
}

fn known_list(name: &str) -> BTreeMap<String, String> {
    let path = suite_dir().join(name);
    match fs::read_to_string(&path) {
        Ok(text) => parse_known_failures(&text),
        Err(e) => panic!("cannot read {}: {e}", path.display()),
    }
}

/// A small line diff (longest common subsequence), printed unified-style:
/// ` ` common, `-` expected (CPython) only, `+` engine only.
fn line_diff(expected: &str, got: &str) -> Vec<String> {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = got.lines().collect();
    // Outputs are short; a quadratic table is fine. Cap it for safety.
    if a.len() * b.len() > 4_000_000 {
        return vec![format!(
            "(outputs too long to diff: {} vs {} lines)",
            a.len(),
            b.len()
        )];
    }
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push(format!(" {}", a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push(format!("-{}", a[i]));
            i += 1;
        } else {
            out.push(format!("+{}", b[j]));
            j += 1;
        }
    }
    if expected.ends_with('\n') != got.ends_with('\n') {
        out.push("\\ the outputs differ in their final newline".to_string());
    }
    out
}

/// Runs one program through the engine: (stdout as the `--timed` CLI would print it,
/// stderr).
fn run_engine(source: &str) -> Result<(String, String), String> {
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        let outcome = run_program(source, "<lesson>", &Limits::default());
        let stderr: String = outcome
            .output
            .iter()
            .filter(|c| c.stderr)
            .map(|c| c.text.as_str())
            .collect();
        (format_timed(&outcome), stderr)
    }));
    result.map_err(|payload| {
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(non-string panic payload)".to_string());
        format!("the engine panicked: {msg}")
    })
}

#[test]
fn conformance() {
    let programs = programs();
    assert!(
        programs.len() >= 180,
        "the suite has only {} programs",
        programs.len()
    );
    let known = known_failures();
    let known_stderr = known_list("KNOWN_STDERR_FAILURES");
    for (list, paths) in [
        ("KNOWN_FAILURES", &known),
        ("KNOWN_STDERR_FAILURES", &known_stderr),
    ] {
        for path in paths.keys() {
            assert!(
                suite_dir().join(path).is_file(),
                "{list} lists {path}, which does not exist"
            );
        }
    }
    let mut stderr_matched = 0;
    let mut stderr_unexpected = Vec::new(); // (path, diff)
    let mut stderr_fixed = Vec::new();

    let mut matched = 0;
    let mut unexpected = Vec::new(); // (path, diff)
    let mut fixed = Vec::new();
    for (rel, path) in &programs {
        let source = fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {rel}: {e}"));
        let out_path = path.with_extension("out");
        let expected = fs::read_to_string(&out_path).unwrap_or_else(|e| {
            panic!(
                "cannot read {}: {e} (run tools/regen-expected)",
                out_path.display()
            )
        });
        let expected = mask_addresses(&expected);
        let expected_err =
            mask_addresses(&fs::read_to_string(path.with_extension("err")).unwrap_or_default());
        let (verdict, err_verdict) = match run_engine(&source) {
            Ok((got, got_err)) => {
                let got = mask_addresses(&got);
                let got_err = mask_addresses(&got_err);
                (
                    (got != expected).then(|| line_diff(&expected, &got)),
                    (got_err != expected_err).then(|| line_diff(&expected_err, &got_err)),
                )
            }
            Err(panic_msg) => (Some(vec![panic_msg.clone()]), Some(vec![panic_msg])),
        };
        match (err_verdict, known_stderr.contains_key(rel)) {
            (None, false) => stderr_matched += 1,
            (None, true) => {
                stderr_matched += 1;
                stderr_fixed.push(rel.clone());
            }
            (Some(diff), false) => stderr_unexpected.push((rel.clone(), diff)),
            (Some(_), true) => {}
        }
        match (verdict, known.contains_key(rel)) {
            (None, false) => matched += 1,
            (None, true) => {
                matched += 1;
                fixed.push(rel.clone());
            }
            (Some(diff), false) => unexpected.push((rel.clone(), diff)),
            (Some(_), true) => {}
        }
    }

    println!(
        "conformance: {matched}/{} programs match CPython ({} known failures)",
        programs.len(),
        known.len()
    );
    for (rel, diff) in unexpected.iter().take(DIFFS_SHOWN) {
        println!("\n--- {rel} (CPython)\n+++ {rel} (engine)");
        for line in diff.iter().take(DIFF_LINES) {
            println!("{line}");
        }
        if diff.len() > DIFF_LINES {
            println!("... ({} more diff lines)", diff.len() - DIFF_LINES);
        }
    }
    if unexpected.len() > DIFFS_SHOWN {
        println!(
            "\n... and {} more mismatching programs:",
            unexpected.len() - DIFFS_SHOWN
        );
        for (rel, _) in &unexpected[DIFFS_SHOWN..] {
            println!("  {rel}");
        }
    }
    println!(
        "conformance: {stderr_matched}/{} programs match CPython's stderr ({} known failures)",
        programs.len(),
        known_stderr.len()
    );
    for (rel, diff) in stderr_unexpected.iter().take(DIFFS_SHOWN) {
        println!("\n--- {rel} stderr (CPython)\n+++ {rel} stderr (engine)");
        for line in diff.iter().take(DIFF_LINES) {
            println!("{line}");
        }
        if diff.len() > DIFF_LINES {
            println!("... ({} more diff lines)", diff.len() - DIFF_LINES);
        }
    }
    if stderr_unexpected.len() > DIFFS_SHOWN {
        println!(
            "\n... and {} more programs whose stderr differs:",
            stderr_unexpected.len() - DIFFS_SHOWN
        );
        for (rel, _) in &stderr_unexpected[DIFFS_SHOWN..] {
            println!("  {rel}");
        }
    }
    let mut problems = Vec::new();
    if !stderr_unexpected.is_empty() {
        problems.push(format!(
            "{} program(s) not in KNOWN_STDERR_FAILURES differ from CPython on stderr",
            stderr_unexpected.len()
        ));
    }
    if !stderr_fixed.is_empty() {
        problems.push(format!(
            "these programs now match CPython's stderr; remove them from KNOWN_STDERR_FAILURES: {}",
            stderr_fixed.join(", ")
        ));
    }
    if !unexpected.is_empty() {
        problems.push(format!(
            "{} program(s) not in KNOWN_FAILURES differ from CPython",
            unexpected.len()
        ));
    }
    if !fixed.is_empty() {
        problems.push(format!(
            "these programs now match CPython; remove them from KNOWN_FAILURES: {}",
            fixed.join(", ")
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The committed `.out`/`.err` files are exactly what CPython produces today.
/// Needs `python3` (3.11); set LOOPLAB_SKIP_ORACLE=1 to skip it where there is none.
#[test]
fn expectations_come_from_cpython() {
    if std::env::var_os("LOOPLAB_SKIP_ORACLE").is_some() {
        eprintln!("expectations_come_from_cpython: skipped (LOOPLAB_SKIP_ORACLE is set)");
        return;
    }
    let root = repo_root();
    let version = Command::new("python3")
        .args(["-c", "import sys; print(sys.version_info[:2] == (3, 11))"])
        .output()
        .expect("python3 is needed to check the expectations (or set LOOPLAB_SKIP_ORACLE=1)");
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        "True",
        "the oracle must be CPython 3.11 (or set LOOPLAB_SKIP_ORACLE=1)"
    );
    let check = Command::new("python3")
        .arg(root.join("tools").join("regen-expected"))
        .arg("--check")
        .output()
        .expect("run tools/regen-expected --check");
    let stdout = String::from_utf8_lossy(&check.stdout);
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(
        check.status.success(),
        "tools/regen-expected --check failed:\n{stdout}\n{stderr}"
    );
}

#[test]
fn mask_addresses_replaces_addresses_only() {
    assert_eq!(
        mask_addresses("<A object at 0x7f3a9c0b1d90>"),
        "<A object at 0x...>"
    );
    assert_eq!(
        mask_addresses("0x1 and 0xff, 0x, 0xZ"),
        "0x... and 0x..., 0x, 0xZ"
    );
    assert_eq!(mask_addresses("no address\n"), "no address\n");
    assert_eq!(mask_addresses("é0xabcé"), "é0x...é");
    assert_eq!(mask_addresses("ends with 0"), "ends with 0");
}

#[test]
fn known_failures_format() {
    let known =
        parse_known_failures("# header\n\nasync/001_a.py  engine lacks X # note\nlang/002_b.py\n");
    assert_eq!(known.len(), 2);
    assert_eq!(known["async/001_a.py"], "engine lacks X");
    assert_eq!(known["lang/002_b.py"], "");
}

#[test]
fn diff_marks_changed_lines() {
    let diff = line_diff("a\nb\nc\n", "a\nB\nc\n");
    assert_eq!(diff, vec![" a", "-b", "+B", " c"]);
    let diff = line_diff("a\n", "a");
    assert_eq!(
        diff.last().map(String::as_str),
        Some("\\ the outputs differ in their final newline")
    );
}

/// The library modules compiled at build time (`library/precompiled.bin`,
/// issue #19) behave as their sources: every program of the `async` group
/// gives the same output, tracebacks through library frames included, the
/// same trace and the same ending, loaded from the compiled form and
/// compiled from source (each in a fresh thread, whose library cache is
/// empty).
#[test]
fn the_compiled_library_runs_as_its_source() {
    use looplab_engine::vm::library::precompiled::{
        loaded_pieces, precompiled_loadable, use_precompiled,
    };
    assert!(
        precompiled_loadable(),
        "vm/library/precompiled.bin cannot be loaded by this build: run tools/regen-precompiled"
    );
    let run = |path: PathBuf, compiled: bool| {
        std::thread::spawn(move || {
            use_precompiled(compiled);
            let source = fs::read_to_string(&path).expect("a program");
            let outcome = run_program(&source, "<lesson>", &Limits::default());
            let asyncio = source.lines().any(|l| l == "import asyncio");
            (outcome, loaded_pieces(), asyncio)
        })
        .join()
        .expect("the engine does not panic")
    };
    let mut compared = 0;
    for (name, path) in programs() {
        if !name.starts_with("async/") {
            continue;
        }
        let (from_source, none, _) = run(path.clone(), false);
        let (from_form, loaded, asyncio) = run(path, true);
        assert_eq!(
            none, 0,
            "{name}: a piece was loaded with the forms turned off"
        );
        assert!(
            loaded > 0 || !asyncio,
            "{name}: asyncio was not loaded from its compiled form"
        );
        assert!(
            from_source == from_form,
            "{name} differs through the compiled library"
        );
        compared += 1;
    }
    assert!(compared > 100, "only {compared} programs compared");
}
