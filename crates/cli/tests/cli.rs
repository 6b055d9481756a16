//! The `looplab` command end to end: output in the `--timed` format equals
//! what CPython printed (the conformance suite's `.out` files, written by
//! `tools/regen-expected`), and the exit status says how the run ended.

use std::path::PathBuf;
use std::process::Command;

fn conformance(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../engine/tests/conformance")
        .join(name)
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_looplab"))
        .args(args)
        .output()
        .expect("looplab runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn timed_matches_cpython(program: &str, status: i32) {
    let py = conformance(&format!("{program}.py"));
    let expected = std::fs::read_to_string(conformance(&format!("{program}.out"))).unwrap();
    let (code, stdout, stderr) = run(&["run", "--timed", py.to_str().unwrap()]);
    assert_eq!(stdout, expected, "{program}; stderr:\n{stderr}");
    assert_eq!(code, status, "{program}");
}

#[test]
fn normal_end_exits_0() {
    timed_matches_cpython("async/001_round_robin_sleep0", 0);
}

#[test]
fn uncaught_exception_exits_1() {
    timed_matches_cpython("async/062_uncaught_in_main", 1);
}

#[test]
fn hang_exits_2() {
    timed_matches_cpython("async/065_hang_future_never_set", 2);
}

#[test]
fn a_limit_exits_3_and_names_the_limit() {
    let dir = std::env::temp_dir().join(format!("looplab-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("spin.py");
    std::fs::write(
        &file,
        "import asyncio\nasync def spin():\n    while True:\n        pass\nasyncio.run(spin())\n",
    )
    .unwrap();
    let (code, stdout, stderr) = run(&[
        "run",
        "--timed",
        "--max-slice",
        "100000",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 3);
    assert!(stdout.starts_with("!! limit: "), "{stdout}");
    assert!(stdout.contains("(the step limit)"), "{stdout}");
    assert!(
        stderr.contains("!! to raise it: looplab run --max-slice N FILE.py"),
        "{stderr}"
    );
}

#[test]
fn trace_is_written_as_json() {
    let dir = std::env::temp_dir().join(format!("looplab-cli-trace-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let trace = dir.join("t.json");
    let py = conformance("async/001_round_robin_sleep0.py");
    let (code, _, _) = run(&[
        "run",
        "--trace",
        trace.to_str().unwrap(),
        py.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&trace).unwrap()).unwrap();
    assert!(json["version"].as_u64().is_some());
    assert!(json["events"].as_array().is_some_and(|e| !e.is_empty()));
}

#[test]
fn bad_usage_exits_64() {
    assert_eq!(run(&["walk"]).0, 64);
    assert_eq!(run(&["run", "/nonexistent/x.py"]).0, 66);
}

#[test]
fn the_memory_budget_is_a_limit_when_uncaught_and_max_memory_sets_it() {
    let dir = std::env::temp_dir().join(format!("looplab-cli-mem-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let grow = dir.join("grow.py");
    std::fs::write(
        &grow,
        "print('start')\nx = []\nwhile True:\n    x.append('y' * 1000)\n",
    )
    .unwrap();
    let grow = grow.to_str().unwrap();
    // Uncaught: `!! limit: …` naming the setting and the flag, exit 3.
    let (code, stdout, stderr) = run(&["run", "--timed", "--max-memory", "20_000_000", grow]);
    assert_eq!(code, 3, "{stdout}");
    assert!(
        stdout.starts_with("[t=0.000] start\n!! limit: "),
        "{stdout}"
    );
    assert!(stdout.contains("(the memory limit)"), "{stdout}");
    assert!(stderr.contains("--max-memory"), "{stderr}");
    assert!(stdout.contains("19.1 MiB"), "{stdout}");
    let (code, _, stderr) = run(&["run", "--max-memory", "20000000", grow]);
    assert_eq!(code, 3);
    assert!(
        stderr.starts_with("!! limit: the program holds more than 19.1 MiB"),
        "{stderr}"
    );
    // Caught: the program goes on and ends normally.
    let caught = dir.join("caught.py");
    std::fs::write(
        &caught,
        "x = []\ntry:\n    while True:\n        x.append('y' * 1000)\nexcept MemoryError:\n    x = None\n    print('caught')\n",
    )
    .unwrap();
    let (code, stdout, _) = run(&["run", "--max-memory", "20000000", caught.to_str().unwrap()]);
    assert_eq!((code, stdout.as_str()), (0, "caught\n"));
    // A budget large enough for the program: it completes.
    let small = dir.join("small.py");
    std::fs::write(
        &small,
        "x = ['y' * 1000 for _ in range(30_000)]\nprint(len(x))\n",
    )
    .unwrap();
    let small = small.to_str().unwrap();
    assert_eq!(run(&["run", "--max-memory", "200000000", small]).0, 0);
    assert_eq!(run(&["run", "--max-memory", "20000000", small]).0, 3);
}

/// `sys.exit(n)` / `raise SystemExit`: the exit status and stderr are what
/// `python3` itself gives for the same file (the oracle's format has no
/// exit status, so CPython is asked directly).
#[test]
fn system_exit_status_is_cpythons() {
    for program in [
        "lang/153_sys_exit_status",
        "lang/154_sys_exit_message",
        "lang/155_system_exit_caught",
        "async/124_system_exit_in_awaited_task",
        "async/125_sys_exit_in_main_coroutine",
    ] {
        let py = conformance(&format!("{program}.py"));
        let cpython = Command::new("python3")
            .arg(&py)
            .output()
            .expect("python3 runs");
        let (code, _, stderr) = run(&["run", py.to_str().unwrap()]);
        assert_eq!(Some(code), cpython.status.code(), "{program}");
        assert_eq!(
            stderr,
            String::from_utf8_lossy(&cpython.stderr),
            "{program}"
        );
    }
}

#[test]
fn the_cpu_model_makes_computing_take_time() {
    let dir = std::env::temp_dir().join(format!("looplab-cli-cpu-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("work.py");
    std::fs::write(
        &file,
        "import time\nt = time.perf_counter()\nx = 0\nfor i in range(100_000):\n    x += i\nprint(time.perf_counter() > t)\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    // Default: only waiting takes time.
    let (code, stdout, _) = run(&["run", path]);
    assert_eq!((code, stdout.as_str()), (0, "False\n"));
    let (code, stdout, _) = run(&["run", "--cpu-model", "--cores", "2", path]);
    assert_eq!((code, stdout.as_str()), (0, "True\n"));
    let (code, _, stderr) = run(&["run", "--cores", "2", path]);
    assert_eq!(code, 64);
    assert!(stderr.contains("--cores needs --cpu-model"), "{stderr}");
    assert!(stderr.contains("[--cpu-model [--cores N]]"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}
