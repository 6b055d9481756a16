#!/usr/bin/env python3
"""Record which lines of a program CPython runs, in order, and in which task.

Usage:  python3 tools/cpython_lines.py FILE.py

Runs FILE.py exactly as tools/oracle.py does (same virtual clock, same loop)
under a `sys.settrace` tracer and prints, instead of the program's output,
one line per "line" event CPython reports in the program's own frames
(library frames are not traced):

    <task name> <line>

<task name> is `asyncio.current_task().get_name()` when a task runs, "-"
otherwise (the module's own code, `asyncio.run`'s set-up). CPython reports a
line when a frame starts it, or jumps back to it (a loop's next round); a
coroutine resuming after an `await` does not report the `await`'s line again.

The engine's `tests/inside.rs` compares the line events a run records
(`Limits::record_lines`) with this listing, written next to each program of
`tests/inside/` as `NAME.lines` by `tools/regen-inside`: the expected line
order comes from CPython, never from Looplab itself.
"""

import sys

from oracle_env import current_task_name, load_oracle, run_and_list, trace_lines


oracle = load_oracle(__file__)

_lines = []

trace_lines(oracle, lambda frame: _lines.append(f"{current_task_name()} {frame.f_lineno}"))


if __name__ == "__main__":
    run_and_list(oracle, "cpython_lines.py", _lines, ["--timed"], before_exit=lambda: sys.settrace(None))
