#!/usr/bin/env python3
"""Record what CPython's event loop really does, step by step, for a program.

Usage:  python3 tools/cpython_steps.py FILE.py

Runs FILE.py exactly as tools/oracle.py does (same virtual clock, same loop,
same worker-thread model) and prints one line per loop handle run (a "step"
in Looplab's trace vocabulary) instead of the program's output:

    <iteration> <time in ms> <what runs> | <ready queue after popping it>

<what runs> is "step <task name>" (Task.__step), "wakeup <task name>"
(Task.__wakeup), "call <function name>" for any other callback, and
"cancelled" for a cancelled handle still in the ready queue. The ready queue
lists the handles that are still waiting, front first, in the same notation.

The engine's snapshot tests compare their trace (folded into snapshots) with
this listing, so that the expected step order and ready-queue contents come
from real CPython, never from Looplab itself.
"""

import sys

from oracle_env import load_oracle, run_and_list


oracle = load_oracle(__file__)

from asyncio import base_events, events  # noqa: E402

_lines = []
_iteration = [0]


def describe(handle):
    """How a ready handle is written in the listing."""
    cb = handle._callback
    if handle._cancelled or cb is None:
        return "cancelled"
    owner = getattr(cb, "__self__", None)
    kind = type(cb).__name__
    if kind == "TaskStepMethWrapper":
        return "step " + owner.get_name()
    if getattr(cb, "__name__", None) == "task_wakeup" and owner is not None:
        return "wakeup " + owner.get_name()
    func = getattr(cb, "func", None)  # functools.partial
    if func is not None and not hasattr(cb, "__name__"):
        cb = func
    name = getattr(cb, "__name__", None) or type(cb).__name__
    return "call " + name


_orig_run_once = base_events.BaseEventLoop._run_once


def _run_once(self):
    _iteration[0] += 1
    return _orig_run_once(self)


base_events.BaseEventLoop._run_once = _run_once

_orig_run = events.Handle._run


def _run(self):
    loop = self._loop
    ms = (oracle.Clock.now_ns + 500_000) // 1_000_000
    ready = ", ".join(describe(h) for h in loop._ready)
    _lines.append(f"{_iteration[0]} {ms} {describe(self)} | {ready}")
    return _orig_run(self)


events.Handle._run = _run



if __name__ == "__main__":
    run_and_list(oracle, "cpython_steps.py", _lines, [])
