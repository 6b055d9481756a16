#!/usr/bin/env python3
"""Run programs against Looplab's asyncio prelude, under CPython, to check it.

Usage:  python3 tools/prelude_check.py FILE.py          (prints like oracle --timed)
        python3 tools/prelude_check.py --suite DIR      (compares with DIR/*.out)

Looplab's `asyncio` is a Python module (crates/engine/src/vm/library/modules/asyncio.py)
written over a native module `_looplab` that the engine implements in Rust. This
tool provides a stand-in `_looplab` built on CPython's own Future/Task and the
oracle's loop (tools/oracle.py: virtual clock, deterministic workers), installs
the prelude as `asyncio`, and runs the program through the oracle. It checks the
prelude's Python half (gather, wait_for, locks, queues, timeouts, task groups,
runners...) against CPython before the engine can run it. It is a development
aid: the conformance suite run by the engine is the real test.
"""

import os
import subprocess
import sys
import types

from oracle_env import load_oracle

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PRELUDE = os.path.join(ROOT, "crates", "engine", "src", "vm", "library", "modules", "asyncio.py")


def run_suite(directory):
    failed = []
    progs = sorted(f for f in os.listdir(directory) if f.endswith(".py"))
    for name in progs:
        path = os.path.join(directory, name)
        expected = open(path[:-3] + ".out", encoding="utf-8").read()
        got = subprocess.run(
            [sys.executable, os.path.abspath(__file__), path],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if got.stdout != expected:
            failed.append(name)
            print(f"MISMATCH {name}")
            exp_lines = expected.splitlines()
            got_lines = got.stdout.splitlines()
            for i in range(max(len(exp_lines), len(got_lines))):
                e = exp_lines[i] if i < len(exp_lines) else "<none>"
                g = got_lines[i] if i < len(got_lines) else "<none>"
                if e != g:
                    print(f"  line {i + 1}:\n    expected {e}\n    got      {g}")
                    break
            err = got.stderr.strip().splitlines()
            if err:
                print("  stderr: " + " / ".join(err[-3:]))
    print(f"prelude under CPython: {len(progs) - len(failed)}/{len(progs)} match")
    return 1 if failed else 0


if len(sys.argv) == 3 and sys.argv[1] == "--suite":
    sys.exit(run_suite(sys.argv[2]))

oracle = load_oracle(__file__)

import asyncio as real  # noqa: E402  (the oracle has installed its policy)
from asyncio import base_events, futures, tasks  # noqa: E402


class _GatheringFuture(real.Future):
    """The stand-in for make_gathering: a Future whose cancel() cancels children."""

    _children = None
    _cancel_requested = False

    def cancel(self, msg=None):
        if self._children is None:
            return super().cancel(msg=msg)
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


class Shim(types.ModuleType):
    """`_looplab` over CPython's asyncio objects and the oracle's loop."""

    def __init__(self):
        super().__init__("_looplab")
        # Subclasses: the prelude sets __await__ on them (CPython's C
        # classes are immutable); behaviour is CPython's own.
        self.Future = type("Future", (real.Future,), {})
        self.Task = type("Task", (real.Task,), {})
        self.real_loop = None
        self.handles = {}
        self.next_id = 0
        self.tasks = []
        self.executors = {}

    def bind_loop(self, loop):
        self.real_loop = oracle.OracleLoop()

    def register_exceptions(self, cancelled, invalid):
        pass

    def create_future(self, label):
        if label == "gather":
            return _GatheringFuture(loop=self.real_loop)
        return self.Future(loop=self.real_loop)

    def create_task(self, coro, name):
        t = self.Task(coro, loop=self.real_loop, name=name)
        self.tasks.append(t)
        return t

    def current_task(self):
        return real.current_task(self.real_loop)

    def all_tasks(self):
        return [t for t in self.tasks if not t.done()]

    def _register(self, handle):
        self.next_id += 1
        self.handles[self.next_id] = handle
        return self.next_id

    def call_soon(self, cb, args):
        return self._register(self.real_loop.call_soon(cb, *args))

    def call_at(self, when_ns, cb, args):
        return self._register(self.real_loop._call_at_ns(when_ns, cb, args, None))

    def cancel_handle(self, hid):
        self.handles[hid].cancel()

    def now_ns(self):
        return oracle.Clock.now_ns

    def ns(self, seconds):
        return oracle.ns_of(seconds)

    def run_forever(self):
        self.real_loop.run_forever()

    def stop(self):
        self.real_loop.stop()

    def add_stop_callback(self, fut):
        fut.add_done_callback(base_events._run_until_complete_cb)

    def remove_stop_callback(self, fut):
        fut.remove_done_callback(base_events._run_until_complete_cb)

    def label(self, fut, label, until_ns):
        pass

    def sleep_future(self, delay, result):
        fut = self.create_future("sleep")
        h = self.real_loop.call_later(delay, futures._set_result_unless_cancelled, fut, result)
        return fut, self._register(h)

    def make_gathering(self, outer, children):
        outer._children = children

    def gather_cancel_requested(self, outer):
        return outer._cancel_requested

    def set_log_destroy_pending(self, task, flag):
        task._log_destroy_pending = flag

    def iscoroutinefunction(self, func):
        import inspect

        return inspect.iscoroutinefunction(func)

    def iscoroutine(self, x):
        return real.iscoroutine(x)

    def isfuture(self, x):
        return futures.isfuture(x)

    def new_executor(self, max_workers, prefix):
        ex = oracle.FakeThreadPoolExecutor(max_workers, prefix)
        if prefix == "asyncio":
            self.real_loop._default_executor = ex
        self.next_id += 1
        self.executors[self.next_id] = ex
        return self.next_id

    def _real_executor(self, executor):
        return self.executors.get(getattr(executor, "_id", None), executor)

    def submit(self, executor, fn, args):
        return self.real_loop.run_in_executor(self._real_executor(executor), fn, *args)

    def shutdown_executor(self, executor, fut):
        ex = self._real_executor(executor)
        ex._shutdown = True
        loop = self.real_loop

        def done():
            if not loop.is_closed():
                loop.call_soon_threadsafe(fut.set_result, None)

        oracle.Sim.shutdown_waiters.append((ex, done))

    def drain(self, executor):
        oracle.Sim.drain(self._real_executor(executor))

    def clear_loop(self):
        self.real_loop.close()

    def report(self, message, exc, context):
        self.real_loop.default_exception_handler(context)

    def wake_loop(self):
        # What call_soon_threadsafe adds to call_soon: wake the selector.
        self.real_loop._write_to_self()

    def process_current(self):
        # One process here: the engine's model of processes is not stood in.
        return 0


shim = Shim()
sys.modules["_looplab"] = shim
prelude = types.ModuleType("asyncio")
prelude.__file__ = PRELUDE
with open(PRELUDE, encoding="utf-8") as f:
    code = compile(f.read(), PRELUDE, "exec")
exec(code, prelude.__dict__)
# The stand-in's futures raise CPython's exception classes: use them.
prelude.CancelledError = real.CancelledError
prelude.InvalidStateError = real.InvalidStateError
prelude.QueueEmpty = real.QueueEmpty
prelude.QueueFull = real.QueueFull
sys.modules["asyncio"] = prelude

if __name__ == "__main__":
    sys.exit(oracle.main(["oracle", "--timed", sys.argv[1]]))
