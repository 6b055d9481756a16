#!/usr/bin/env python3
"""Record, at every line CPython runs, the variables a viewer would show.

Usage:  python3 tools/cpython_locals.py FILE.py

Runs FILE.py exactly as tools/cpython_lines.py does (tools/oracle.py's
virtual clock and loop, under `sys.settrace`) and prints, instead of the
program's output, one JSON object per "line" event CPython reports in the
program's own frames:

    {"task": NAME, "line": N, "frames": [[QUALNAME, LINE, [[VAR, REPR], ...]], ...],
     "globals": [[VAR, REPR], ...]}

- "task" and "line" are what cpython_lines.py prints (`-` outside any task);
- "frames" is the frame stack at that moment, outermost first: from the
  frame that runs the line, back through `f_back` while the frames are the
  program's own functions (not its module-level code), so a task's root
  coroutine, the coroutines it awaits and the plain functions it called;
  each with its `co_qualname`, its current line (`f_lineno`) and its
  `f_locals` in their order;
- "globals" are the module's globals a viewer shows (the engine's
  `Vm::main_globals`): no dunders, modules, functions, classes or builtins.

Each REPR is CPython's `repr()`, cut at 80 characters (the last one then
`…`), the engine's `trace::REPR_WIDTH`, except where `repr()` would run the
program's own code: an object whose class defines `__repr__` in Python reads
`<Name object>`, inside containers too (the engine never runs user code to
show a variable); a memory address (`<function f at 0x7f...>`) reads `at 0x?`. The containers are walked here for that reason, with the
same `[...]`/`{...}` for a list or dict met again inside itself.

The engine's `tests/inside.rs` compares what a run records at each line
event (`Limits::record_lines` with `Limits::inspect_frames`) with this
listing, written next to each program of `tests/inside/` as `NAME.locals` by
`tools/regen-inside`: the expected values come from CPython, never from
Looplab itself.
"""

import json
import re
import sys
import types

from oracle_env import current_task_name, load_oracle, run_and_list, trace_lines


oracle = load_oracle(__file__)

WIDTH = 80

_events = []



def _python_repr(v):
    """Whether repr(v) would run Python code of the program (a class's own
    `__repr__` written in Python)."""
    for klass in type(v).__mro__:
        if "__repr__" in vars(klass):
            return isinstance(vars(klass)["__repr__"], types.FunctionType)
    return False


def _preview(v, seen):
    if isinstance(v, list):
        if id(v) in seen:
            return "[...]"
        seen.append(id(v))
        out = "[" + ", ".join(_preview(x, seen) for x in v) + "]"
        seen.pop()
        return out
    if type(v) is tuple:
        inner = ", ".join(_preview(x, seen) for x in v)
        return "(" + inner + ("," if len(v) == 1 else "") + ")"
    if type(v) is dict:
        if id(v) in seen:
            return "{...}"
        seen.append(id(v))
        out = "{" + ", ".join(_preview(k, seen) + ": " + _preview(x, seen) for k, x in v.items()) + "}"
        seen.pop()
        return out
    if type(v) in (set, frozenset):
        if not v:
            return type(v).__name__ + "()"
        inner = "{" + ", ".join(_preview(x, seen) for x in v) + "}"
        return inner if type(v) is set else "frozenset(" + inner + ")"
    if _python_repr(v):
        return f"<{type(v).__name__} object>"
    return repr(v)


_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def preview(v):
    r = _preview(v, [])
    r = r if len(r) <= WIDTH else r[: WIDTH - 1] + "\u2026"
    # No two processes share memory addresses: masked, so the listing is
    # the same on every run (the test masks the engine's the same way).
    return _ADDRESS.sub(" at 0x?", r)


_SKIP = (types.ModuleType, types.FunctionType, type, types.BuiltinFunctionType)


def _globals(frame):
    out = []
    for k, v in frame.f_globals.items():
        if (k.startswith("__") and k.endswith("__")) or isinstance(v, _SKIP):
            continue
        out.append([k, preview(v)])
    return out


def _frames(frame):
    stack = []
    f = frame
    while f is not None and f.f_code.co_filename == oracle.LESSON and f.f_code.co_name != "<module>":
        stack.append([f.f_code.co_qualname, f.f_lineno, [[k, preview(v)] for k, v in f.f_locals.items()]])
        f = f.f_back
    stack.reverse()
    return stack


def _record(frame):
    record = {
        "task": current_task_name(),
        "line": frame.f_lineno,
        "frames": _frames(frame),
        "globals": _globals(frame),
    }
    _events.append(json.dumps(record, ensure_ascii=False))


trace_lines(oracle, _record)


if __name__ == "__main__":
    run_and_list(oracle, "cpython_locals.py", _events, ["--timed"], before_exit=lambda: sys.settrace(None))
