//! Hostile programs (issue #21): ordinary-looking code that used to crash
//! the tab (a native stack overflow aborts the whole page), wrap the
//! virtual clock, take minutes, or print what a learner cannot follow.
//! Each must end the way the table says, within a generous time and memory
//! bound, on a thread whose stack is about what a browser gives (1 MiB).
//!
//! The programs live in `tests/hostile/`. `ends_with` is the end of the
//! `--timed` rendering (`tools/oracle.py`'s format) with the `[t=…] `
//! stamps removed; where CPython ends the same way, `cpython_agrees`
//! checks it against `python3` (skipped with LOOPLAB_SKIP_ORACLE=1).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use looplab_engine::run::{format_timed, run_program, Limits, RunOutcome};

/// The stack the engine runs on in these tests (the browser gives about
/// this much to wasm).
const STACK_BYTES: usize = 1024 * 1024;

/// Who says how the program ends.
#[derive(Clone, Copy)]
enum Oracle {
    /// `tools/oracle.py --timed` ends the same way.
    Timed,
    /// `python3 FILE` prints the same last line (the oracle compiles a
    /// string, which treats a byte-order mark differently from a file).
    File,
    /// CPython does not end (it waits forever) or differs on purpose: why.
    Not(&'static str),
}

struct Hostile {
    /// File in `tests/hostile/`, or a generated program's name.
    name: &'static str,
    /// The end of the timed output, stamps removed.
    ends_with: &'static str,
    /// Real seconds it must end within (debug build; generous).
    max_secs: f64,
    /// Peak heap it may hold, MiB (generous).
    max_mib: usize,
    /// Text the stderr must contain, and at most how many lines it has.
    stderr: Option<(&'static str, usize)>,
    oracle: Oracle,
    /// The per-step instruction budget (`Limits::max_slice_instructions`).
    slice: u64,
    /// The memory budget (`Limits::max_memory_bytes`).
    memory: usize,
}

fn h(name: &'static str, ends_with: &'static str, oracle: Oracle) -> Hostile {
    Hostile {
        name,
        ends_with,
        max_secs: 60.0,
        max_mib: 256,
        stderr: None,
        oracle,
        slice: Limits::default().max_slice_instructions,
        memory: Limits::default().max_memory_bytes,
    }
}

/// How a run under a 20 MiB memory budget ends.
const MEMORY_20MIB: &str =
    "!! limit: the program holds more than 20 MiB of memory (the memory limit)\n";

/// Names of generated programs (too big to commit).
const MANY_NAMES: &str = "many_names (generated)";

fn table() -> Vec<Hostile> {
    use Oracle::*;
    vec![
        h("drop_linked_list.py", "ok\n", Timed),
        h("del_nested_list.py", "ok\n", Timed),
        h("drop_nested_in_function.py", "1\n", Timed),
        h("drop_generator_chain.py", "ok\n", Timed),
        h("generator_sum.py", "333332833333500000\n", Timed),
        h("drop_exception_chain.py", "ok\n", Timed),
        h(
            "eq_nested_lists.py",
            "RecursionError: maximum recursion depth exceeded in comparison\n",
            Timed,
        ),
        h(
            "eq_depth_boundary.py",
            "998 True\n999 RecursionError: maximum recursion depth exceeded in comparison\n\
             1000 RecursionError: maximum recursion depth exceeded in comparison\n",
            // (Under the oracle the program runs two frames deeper.)
            File,
        ),
        h(
            "hash_nested_tuple.py",
            "RecursionError: maximum recursion depth exceeded\n",
            Not("CPython hashes it on its own 8 MiB C stack"),
        ),
        Hostile {
            stderr: Some(("earlier exceptions of this chain not shown", 1000)),
            ..h(
                "print_cause_chain.py",
                "!! uncaught\nValueError: 19999\n",
                Timed,
            )
        },
        h(
            "slice_huge_step.py",
            "b\n[3]\n(1,)\n[1, 3]\n[9, 3]\n",
            Timed,
        ),
        h(
            "sleep_forever.py",
            "start\n!! hang\n",
            Not("CPython sleeps forever; the oracle cannot schedule infinity"),
        ),
        h(
            "sleep_1e18.py",
            "start\n!! hang\n",
            Not("CPython sleeps for 3e10 years"),
        ),
        h(
            "timeout_infinite.py",
            "done 5.0\ntimeout(inf) ok 6.0\n",
            Not("the oracle cannot schedule infinity; python3 FILE agrees, in real time"),
        ),
        h("timeout_1e10.py", "done 5.0\ntimeout(1e10) ok 6.0\n", Timed),
        Hostile {
            stderr: Some(("  [Previous line repeated 996 more times]\n", 20)),
            ..h(
                "recursion_traceback.py",
                "!! uncaught\nRecursionError: maximum recursion depth exceeded\n",
                Timed,
            )
        },
        h("byte_order_mark.py", "bom ok\n", File),
        h(
            "nul_in_string.py",
            "!! uncaught\nSyntaxError: source code string cannot contain null bytes\n",
            Timed,
        ),
        Hostile {
            slice: 2_000_000,
            ..h(
                "native_loop_sum.py",
                "start\n!! limit: the code ran 2,000,000 instructions without reaching an await \
             that pauses it: an endless loop is blocking the event loop (the step limit)\n",
                Not("CPython sums for hours"),
            )
        },
        Hostile {
            slice: 2_000_000,
            ..h(
                "search_endless_generator.py",
                "start\n!! limit: the code ran 2,000,000 instructions without reaching an await \
             that pauses it: an endless loop is blocking the event loop (the step limit)\n",
                Not("CPython searches forever"),
            )
        },
        Hostile {
            slice: 2_000_000,
            ..h(
                "async_busy_loop.py",
                "start\n!! limit: the code ran 2,000,000 instructions without reaching an await \
             that pauses it: an endless loop is blocking the event loop (the step limit)\n",
                Not("CPython loops forever"),
            )
        },
        Hostile {
            max_secs: 45.0,
            ..h(
                "async_spin_sleep0.py",
                "start\n!! limit: the tasks ran 200,000,000 instructions while the virtual clock \
                 stood still at 0.000 s: they keep handing the event loop to each other without \
                 ever waiting for time, as an endless loop around `await asyncio.sleep(0)` does \
                 (the step limit)\n",
                Not("CPython spins forever"),
            )
        },
        Hostile {
            max_secs: 45.0,
            ..h(
                "async_spin_two_tasks.py",
                "!! limit: the tasks ran 200,000,000 instructions while the virtual clock \
                 stood still at 1.500 s: they keep handing the event loop to each other without \
                 ever waiting for time, as an endless loop around `await asyncio.sleep(0)` does \
                 (the step limit)\n",
                Not("CPython spins forever"),
            )
        },
        // 200 MiB: the budget's 20 MiB, and the trace's event list, which
        // once past 262,144 events reserves room for its whole cap at once
        // (`trace::reserve_ahead`: no 128 MB copy holding the page later);
        // the room is counted here though most of it is never written.
        Hostile {
            memory: 20 << 20,
            max_mib: 200,
            max_secs: 30.0,
            ..h(
                "async_append_memory.py",
                MEMORY_20MIB,
                Not("CPython has no memory budget"),
            )
        },
        Hostile {
            memory: 20 << 20,
            max_mib: 160,
            max_secs: 30.0,
            ..h(
                "async_task_memory.py",
                MEMORY_20MIB,
                Not("CPython has no memory budget"),
            )
        },
        Hostile {
            max_secs: 40.0,
            ..h(MANY_NAMES, "149999\n", Timed)
        },
    ]
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("hostile")
}

fn source_of(name: &str) -> String {
    if name == MANY_NAMES {
        // 150,000 distinct global names (about 2.5 MB): compiling took
        // minutes when name resolution was quadratic.
        let mut s = String::new();
        for i in 0..150_000 {
            s.push_str(&format!("v{i} = {i}\n"));
        }
        s.push_str("print(v149999)\n");
        return s;
    }
    let path = dir().join(name);
    let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    String::from_utf8(bytes).expect("UTF-8 program")
}

/// `[t=S.mmm] ` stamps removed from the start of every line.
fn unstamped(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|l| match (l.starts_with("[t="), l.find("] ")) {
            (true, Some(i)) => &l[i + 2..],
            _ => l,
        })
        .collect()
}

fn stderr_of(o: &RunOutcome) -> String {
    o.output
        .iter()
        .filter(|c| c.stderr)
        .map(|c| c.text.as_str())
        .collect()
}

#[test]
fn hostile_programs_end_as_expected_within_bounds() {
    let table = table();
    // LOOPLAB_HOSTILE=NAME runs only the programs whose name contains NAME.
    let only = std::env::var("LOOPLAB_HOSTILE").unwrap_or_default();
    let mut problems = Vec::new();
    for case in table.iter().filter(|c| c.name.contains(&only)) {
        let source = source_of(case.name);
        let limits = Limits {
            max_slice_instructions: case.slice,
            max_memory_bytes: case.memory,
            ..Limits::default()
        };
        let handle = std::thread::Builder::new()
            .stack_size(STACK_BYTES)
            .spawn(move || {
                looplab_tracemalloc::reset_peak();
                let before = looplab_tracemalloc::traced_bytes();
                let start = Instant::now();
                let outcome = run_program(&source, "<lesson>", &limits);
                let secs = start.elapsed().as_secs_f64();
                let peak = looplab_tracemalloc::peak_bytes() - before;
                (outcome, secs, peak)
            })
            .expect("spawn");
        let (outcome, secs, peak) = match handle.join() {
            Ok(r) => r,
            Err(_) => {
                problems.push(format!("{}: the engine panicked", case.name));
                continue;
            }
        };
        let mib = peak.max(0) as f64 / (1024.0 * 1024.0);
        println!("{:<32} {secs:7.2} s {mib:8.1} MiB", case.name);
        let got = unstamped(&format_timed(&outcome));
        if !got.ends_with(case.ends_with) {
            let tail: String = got
                .chars()
                .rev()
                .take(400)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            problems.push(format!(
                "{}: ends with\n{tail}\nexpected it to end with\n{}",
                case.name, case.ends_with
            ));
        }
        if secs > case.max_secs {
            problems.push(format!(
                "{}: took {secs:.1} s (bound {} s)",
                case.name, case.max_secs
            ));
        }
        if mib > case.max_mib as f64 {
            problems.push(format!(
                "{}: held {mib:.0} MiB (bound {})",
                case.name, case.max_mib
            ));
        }
        if let Some((text, max_lines)) = case.stderr {
            let err = stderr_of(&outcome);
            let lines = err.lines().count();
            if !err.contains(text) || lines > max_lines {
                problems.push(format!(
                    "{}: stderr ({lines} lines, at most {max_lines}) should contain {text:?}; its start:\n{}",
                    case.name,
                    err.chars().take(600).collect::<String>()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

fn python3(args: &[&Path]) -> String {
    let out = Command::new("python3")
        .args(args)
        .env("PYTHONHASHSEED", "0")
        .output()
        .expect("python3 (or set LOOPLAB_SKIP_ORACLE=1)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Where CPython ends too, it ends the way the table says.
#[test]
fn cpython_agrees() {
    if std::env::var_os("LOOPLAB_SKIP_ORACLE").is_some() {
        eprintln!("cpython_agrees: skipped (LOOPLAB_SKIP_ORACLE is set)");
        return;
    }
    let oracle = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("..")
        .join("tools")
        .join("oracle.py");
    let tmp = std::env::temp_dir().join(format!("looplab-hostile-{}", std::process::id()));
    fs::create_dir_all(&tmp).expect("temp dir");
    let mut problems = Vec::new();
    for case in table() {
        let path = if case.name == MANY_NAMES {
            let p = tmp.join("many_names.py");
            fs::write(&p, source_of(case.name)).expect("write");
            p
        } else {
            dir().join(case.name)
        };
        let got = match case.oracle {
            Oracle::Timed => unstamped(&python3(&[&oracle, Path::new("--timed"), &path])),
            Oracle::File => python3(&[&path]),
            Oracle::Not(why) => {
                println!("{}: not checked against CPython: {why}", case.name);
                continue;
            }
        };
        if !got.ends_with(case.ends_with) {
            problems.push(format!(
                "{}: CPython ends with\n{got}\nnot\n{}",
                case.name, case.ends_with
            ));
        }
    }
    let _ = fs::remove_dir_all(&tmp);
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}
