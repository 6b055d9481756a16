#!/usr/bin/env python3
"""Time the benchmark programs in the engine and in CPython, in one run.

    python3 tools/bench.py [--runs N] [--engine PATH] [--json FILE] [NAME ...]

For every program in crates/engine/benches/programs/ (or only the NAMEs given, with or
without .py) it measures the wall-clock time of
  - CPython: `python3 tools/oracle.py FILE` (the async programs thus run on the
    oracle's virtual clock, like in the engine: their sleeps take no real time), and
  - the engine: `target/bench-native/looplab run FILE` (`cargo build --profile bench-native -p looplab-cli`) (override with --engine or the
    LOOPLAB_BIN environment variable),
keeps the best of N runs (default 3) and prints

    name: engine X.XXs cpu U.UUs, cpython Y.YYs cpu V.VVs, ratio Z.ZZ, cpu ratio W.WW; peak RSS engine A.AMiB, cpython B.BMiB

where the first figure of each is wall-clock time and `cpu` the child's CPU time (user +
system, from `os.wait4`'s rusage; each the smallest over the runs). On a loaded machine
the CPU time is the steadier figure: wall time then includes waiting for a core.
ratio = engine / cpython (below 1 means the engine is faster), `cpu ratio` the same for
CPU time, and peak RSS is the child process's maximum resident set size (rusage, the
largest over the runs; for CPython it includes the oracle's own start-up). The oracle's
own 60 s real-time limit is raised to the bench's timeout here (a loaded machine can
take that long for the larger programs). With --json FILE the figures are also written
there (tools/bench-web.mjs reads them to compare the browser with native). Both times include
process start-up; the oracle's start-up alone (an empty program) is printed first for
reference. The outputs of both are compared (addresses normalised); a difference is
reported, not hidden. When the engine binary is missing or fails, its column says so and
CPython is still timed. The script never builds anything.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "crates", "engine", "benches", "programs")
ORACLE = os.path.join(ROOT, "tools", "oracle.py")
DEFAULT_ENGINE = os.path.join(ROOT, "target", "bench-native", "looplab")
TIMEOUT_S = 600


def normalize(text):
    return re.sub(r"0x[0-9a-f]+", "0x...", text)


def oracle_cmd(path):
    """The oracle on `path`, with its real-time limit raised to TIMEOUT_S."""
    shim = (
        "import sys; sys.path.insert(0, %r); import oracle; "
        "oracle.REAL_TIME_LIMIT_S = %d; sys.exit(oracle.main(['oracle.py', %r]))"
        % (os.path.dirname(ORACLE), TIMEOUT_S, path)
    )
    return [sys.executable, "-c", shim]


def timed_run(cmd):
    """Run cmd once: (seconds, stdout, error message or None, peak RSS in bytes,
    CPU seconds)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out_f, tempfile.TemporaryFile() as err_f:
        try:
            proc = subprocess.Popen(cmd, stdout=out_f, stderr=err_f)
        except OSError as e:
            return 0.0, "", str(e), 0, 0.0
        # os.wait4 gives this child's own rusage (ru_maxrss in KiB on Linux).
        killer = threading.Timer(TIMEOUT_S, proc.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
        if time.perf_counter() - start >= TIMEOUT_S:
            return time.perf_counter() - start, "", f"timed out after {TIMEOUT_S}s", 0, 0.0
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out_f.seek(0)
        err_f.seek(0)
        out = out_f.read().decode("utf-8", errors="replace")
        errtext = err_f.read().decode("utf-8", errors="replace")
    rss = usage.ru_maxrss * 1024
    cpu = usage.ru_utime + usage.ru_stime
    if proc.returncode != 0:
        err = errtext.strip().splitlines()
        return elapsed, out, f"exit {proc.returncode}: {err[-1] if err else ''}", rss, cpu
    return elapsed, out, None, rss, cpu


def best_of(cmd, runs):
    """Best wall time over `runs` runs, the output of the last run, the first
    error, the largest peak RSS, the best CPU time."""
    best = None
    best_cpu = None
    out = ""
    peak = 0
    for _ in range(runs):
        elapsed, out, err, rss, cpu = timed_run(cmd)
        if err is not None:
            return None, out, err, rss, None
        best = elapsed if best is None else min(best, elapsed)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
        peak = max(peak, rss)
    return best, out, None, peak, best_cpu


def mib(n):
    return f"{n / (1024 * 1024):.1f}MiB" if n else "n/a"


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--engine", default=os.environ.get("LOOPLAB_BIN", DEFAULT_ENGINE))
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("names", nargs="*")
    args = parser.parse_args(argv)
    runs = max(1, args.runs)

    names = [n if n.endswith(".py") else n + ".py" for n in args.names] or sorted(
        n for n in os.listdir(PROGRAMS) if n.endswith(".py")
    )
    have_engine = os.path.isfile(args.engine) and os.access(args.engine, os.X_OK)
    if not have_engine:
        print(f"(engine binary {args.engine} not found: only CPython is timed)")

    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as empty:
        empty_path = empty.name
    try:
        startup, _, err, _, startup_cpu = best_of(oracle_cmd(empty_path), runs)
    finally:
        os.unlink(empty_path)
    if err is None:
        print(f"(cpython start-up through the oracle: {startup:.2f}s, cpu {startup_cpu:.2f}s, included below)")

    failures = 0
    figures = {}
    for name in names:
        path = os.path.join(PROGRAMS, name)
        if not os.path.isfile(path):
            print(f"{name[:-3]}: no such program {path}")
            failures += 1
            continue
        cpy_t, cpy_out, cpy_err, cpy_rss, cpy_cpu = best_of(oracle_cmd(path), runs)
        if have_engine:
            eng_t, eng_out, eng_err, eng_rss, eng_cpu = best_of([args.engine, "run", "--max-slice", "5000000000", "--max-instructions", "50000000000", path], runs)
        else:
            eng_t, eng_out, eng_err, eng_rss, eng_cpu = None, "", "not built", 0, None
        eng_s = f"{eng_t:.2f}s cpu {eng_cpu:.2f}s" if eng_t is not None else f"n/a ({eng_err})"
        cpy_s = f"{cpy_t:.2f}s cpu {cpy_cpu:.2f}s" if cpy_t is not None else f"n/a ({cpy_err})"
        ratio = f"{eng_t / cpy_t:.2f}" if eng_t is not None and cpy_t else "n/a"
        cpu_ratio = f"{eng_cpu / cpy_cpu:.2f}" if eng_cpu is not None and cpy_cpu else "n/a"
        figures[name[:-3]] = {
            "engine_s": eng_t, "engine_cpu_s": eng_cpu, "cpython_s": cpy_t,
            "cpython_cpu_s": cpy_cpu, "engine_output": eng_out, "cpython_output": cpy_out,
        }
        line = f"{name[:-3]}: engine {eng_s}, cpython {cpy_s}, ratio {ratio}, cpu ratio {cpu_ratio}"
        line += f"; peak RSS engine {mib(eng_rss)}, cpython {mib(cpy_rss)}"
        if eng_t is not None and cpy_t is not None and normalize(eng_out) != normalize(cpy_out):
            line += "  OUTPUT DIFFERS: engine %r vs cpython %r" % (eng_out.strip()[:80], cpy_out.strip()[:80])
            failures += 1
        if cpy_err is not None:
            failures += 1
        print(line, flush=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(figures, f, indent=1)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
