//! The trace's warning events carry the program line CPython's own warning
//! names, so the player can link them: the line of `<lesson>:N:
//! RuntimeWarning: coroutine 'f' was never awaited`, and the `defined at
//! <lesson>:N` of a task's repr after "Task exception was never retrieved"
//! or "Task was destroyed but it is pending!". Expected lines come from the
//! conformance suite's `.err` files (CPython's stderr, written by
//! `tools/regen-expected`).

use std::fs;
use std::path::Path;

use looplab_engine::run::{run_program, Limits};
use looplab_engine::trace::EventKind;

/// CPython's warnings in a `.err` file, as (first line, program line).
fn cpython_warnings(err: &str) -> Vec<(String, u32)> {
    let mut found = Vec::new();
    let lines: Vec<&str> = err.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        // `<lesson>:8: RuntimeWarning: coroutine 'greet' was never awaited`
        if let Some(rest) = line.strip_prefix("<lesson>:") {
            if let Some((n, text)) = rest.split_once(": RuntimeWarning: ") {
                if let Ok(n) = n.parse() {
                    found.push((text.to_string(), n));
                }
            }
        }
        // `Task exception was never retrieved` then `future: <Task ... coro=<f()
        // done, defined at <lesson>:4> ...>`
        if *line == "Task exception was never retrieved"
            || *line == "Task was destroyed but it is pending!"
        {
            let def = lines
                .get(i + 1)
                .and_then(|next| next.split_once("defined at <lesson>:"))
                .and_then(|(_, rest)| rest.split(|c: char| !c.is_ascii_digit()).next())
                .and_then(|n| n.parse().ok());
            if let Some(n) = def {
                found.push((line.to_string(), n));
            }
        }
    }
    found
}

#[test]
fn warning_events_carry_cpythons_line() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance/async");
    let mut checked = 0;
    let mut entries: Vec<_> = fs::read_dir(&dir)
        .expect("conformance dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "err"))
        .collect();
    entries.sort();
    for err_path in entries {
        let expected = cpython_warnings(&fs::read_to_string(&err_path).expect("read .err"));
        if expected.is_empty() {
            continue;
        }
        let source = fs::read_to_string(err_path.with_extension("py")).expect("read .py");
        let outcome = run_program(&source, "<lesson>", &Limits::default());
        let got: Vec<(String, u32)> = outcome
            .trace
            .events
            .iter()
            .filter_map(|e| match &e.kind {
                EventKind::Warning { text, line } => Some((text.clone(), *line)),
                _ => None,
            })
            .collect();
        for want in &expected {
            assert!(
                got.contains(want),
                "{}: CPython warns {want:?}; the trace has {got:?}",
                err_path.display()
            );
            checked += 1;
        }
    }
    // The suite has programs of each kind; the check must not be vacuous.
    assert!(checked >= 5, "only {checked} warnings checked");
}

/// "Task exception was never retrieved" comes when CPython frees the task:
/// for a task nobody kept a reference to, right after its last step, before
/// anything the program prints next. The interleaving of stdout and stderr is
/// real CPython's (`python3 -u`, both streams into one pipe; the oracle's own
/// bookkeeping keeps tasks alive, so it cannot say when they are freed).
#[test]
fn a_lost_tasks_exception_is_reported_when_it_is_freed() {
    if std::env::var_os("LOOPLAB_SKIP_ORACLE").is_some() {
        return;
    }
    let source = "import asyncio\n\nasync def boom(n):\n    raise ValueError(n)\n\n\
                  async def main():\n    asyncio.create_task(boom(1))\n    await asyncio.sleep(0)\n\
                  \x20   print('after the first', flush=True)\n    t = asyncio.create_task(boom(2))\n\
                  \x20   await asyncio.sleep(0.1)\n    print('still holding t', flush=True)\n\
                  \x20   del t\n    await asyncio.sleep(0.1)\n    print('end', flush=True)\n\n\
                  asyncio.run(main())\n";
    let dir = std::env::temp_dir().join(format!("looplab-freed-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("lost.py");
    fs::write(&file, source).expect("write program");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("python3 -u {} 2>&1", file.display()))
        .output()
        .expect("python3 runs");
    let cpython =
        String::from_utf8_lossy(&out.stdout).replace(&file.display().to_string(), "<lesson>");
    let outcome = run_program(source, "<lesson>", &Limits::default());
    let ours: String = outcome.output.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(ours, cpython);
    let _ = fs::remove_dir_all(&dir);
}
