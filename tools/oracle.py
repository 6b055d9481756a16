#!/usr/bin/env python3
"""Looplab's oracle: run a Python program under real CPython 3.11 with time faked
exactly as the Looplab engine fakes it, and print what the engine must print.

Usage:  python3 tools/oracle.py [--timed] FILE.py

This header is the SPEC of the virtual world; the engine follows it.

Clock
-----
* One virtual clock, an integer number of nanoseconds `now_ns`, starting at 0.
  Nothing real ever advances it; a busy CPU loop takes no virtual time.
* time.monotonic() == time.perf_counter() == now_ns / 1e9 (f64 division).
  time.monotonic_ns() == time.perf_counter_ns() == now_ns.
  time.time() == 1704067200.0 + now_ns / 1e9 (f64 addition; 2024-01-01T00:00:00Z).
  time.time_ns() == 1704067200 * 10**9 + now_ns.
  time.localtime()/gmtime()/ctime()/strftime(fmt) without a time argument use time.time().
  datetime.datetime.now()/today()/utcnow() read time.time() (CPython's pure-Python
  datetime is forced so that they do); local time is UTC (TZ=UTC).
* Converting seconds to ns: ns(x) = round_half_even(x * 1e9) computed in f64
  (Python's round(float)).
* time.sleep(x) on the main thread: now_ns += ns(x) and returns at once; NOTHING else
  runs meanwhile (no task, no callback, no worker thread: a worker whose wake-up time
  passes during it resumes at the next loop iteration boundary, see Workers) -- except
  program threads (threading.Thread, thread pools used directly), which run while it
  sleeps (see Threads).
  x < 0 raises ValueError("sleep length must be non-negative").

Event loop (class OracleLoop, a base_events.BaseEventLoop with a fake selector)
-----------------------------------------------------------------------------
* loop.time() == now_ns / 1e9.
* Every timer carries an integer deadline `when_ns` and a creation sequence number
  `seq` (one global counter). The timer heap is ordered by (when_ns, seq): timers with
  equal deadlines fire in creation order. (CPython's TimerHandle compares `_when` only,
  so ties come out in heap order; the oracle patches this, the engine does the same.)
* loop.call_later(delay, ...): when_ns = now_ns + ns(delay). (asyncio.sleep uses it.)
  loop.call_at(when, ...): when_ns = ns(when), where `when` is the float the caller
  computed, e.g. timeouts compute when = loop.time() + delay in f64 first.
  The handle's public `when()` is when_ns / 1e9.
* A timer is due when when_ns <= now_ns (exact integer comparison).
* Each loop iteration is CPython's BaseEventLoop._run_once unchanged: drop cancelled
  timers from the head, compute the select timeout (0 if anything is ready or the loop
  is stopping), "select", move due timers to the ready queue in heap order, run exactly
  the handles that were ready at that point (FIFO).
* The fake select(timeout), which is the boundary between two iterations:
    1. resumes parked workers whose wake-up time is <= now_ns (see Workers);
    2. starts the thread jobs submitted since the previous select;
    3. if timeout == 0 or a thread put something in the ready queue: returns;
    4. otherwise waits: repeatedly, next = min(earliest timer when_ns, earliest worker
       wake-up); if there is none: HANG; the clock jumps to next (never backwards);
       workers due at that instant run first (in (wake-up, park seq) order); it returns
       as soon as the ready queue is non-empty or the earliest timer is due.
  So a worker due at the same instant as a timer runs before that timer's callback.
* asyncio.run, new_event_loop, get_event_loop, SelectorEventLoop all give an OracleLoop
  (an event loop policy whose loop factory is OracleLoop).

Workers (asyncio.to_thread, loop.run_in_executor, ThreadPoolExecutor)
----------------------------------------------------------------------
* concurrent.futures.ThreadPoolExecutor is replaced by a deterministic fake. The
  loop's default executor, made on first use as in CPython, is one with max_workers = 8
  (CPython: min(32, cpus + 4)) and thread name prefix 'asyncio' (threads 'asyncio_0',
  'asyncio_1', ...); ThreadPoolExecutor(max_workers=n) made by the
  program gets prefix 'ThreadPoolExecutor-K' (K counts executors made without a prefix,
  from 0) like CPython; max_workers=None means 8.
* Exactly one Python thread runs at a time: the main thread or one worker. Workers
  only run inside the fake select (and at exit / executor.shutdown(wait=True), below).
* A submitted job waits until the next select ("starts when the current loop iteration
  ends"); then jobs start in submission order. A job runs on the lowest-numbered idle
  worker of its executor; if none is idle and the executor has fewer than max_workers
  threads, a new thread is made (numbered from 0); otherwise the job waits in the
  executor's FIFO queue and runs as soon as one of its workers finishes a job (on that
  worker, immediately, in the same select).
* A worker runs until its job returns/raises or it calls time.sleep(x): then it parks
  until now_ns >= its wake-up time (park time + ns(x)). time.sleep(0) parks it too;
  it resumes in the same select after the workers already due.
* A finished job sets its concurrent.futures.Future in the worker, whose callback does
  loop.call_soon_threadsafe(...) exactly as in CPython (appends to the ready queue).
* loop.shutdown_default_executor() (called by asyncio.run at the end) completes at the
  first select where the default executor has no running, parked or queued job.
* executor.shutdown(wait=True) on the main thread (e.g. leaving `with
  ThreadPoolExecutor(...)`) blocks the main thread: pending jobs start, then the clock
  jumps worker wake-up to worker wake-up until that executor is idle. Likewise
  concurrent.futures.Future.result()/exception() on the main thread block until that
  future is done, and executor.map() results. (concurrent.futures.wait/as_completed
  are not simulated: they would block for real.)
* When the program ends, remaining jobs run to completion the same way (CPython joins
  executor threads at exit).
* A worker may block only in time.sleep (no locks, queues, events or futures shared
  with other threads). These loop workers are not program threads (below).

Threads (threading.Thread; ThreadPoolExecutor.submit/map outside run_in_executor)
--------------------------------------------------------------------------------
Program threads are the main thread, every threading.Thread (Timer too) and the threads
of a ThreadPoolExecutor used directly (submit, map: CPython's own executor). The oracle
runs them as real CPython threads that hand a baton to each other (class Baton), so that
exactly one runs at a time, by this rule, which the engine follows:
* A thread runs until it blocks: a lock acquire that finds the lock taken (Lock, RLock,
  and everything built on them: Condition, Event, Semaphore, Barrier, queue.Queue,
  Thread.join, concurrent.futures.Future.result, wait, as_completed, shutdown), or
  time.sleep. CPU work takes no virtual time and never hands the baton over.
* Then the ready thread that became ready first runs (one FIFO of ready threads).
  Waking a thread (a lock released while another waits for it, hence Event.set,
  Condition.notify, Queue.put, a thread's end waking its joiners) only appends it to
  that FIFO: the waker goes on running. A released lock is taken by the woken waiter
  only if still free when the waiter runs; otherwise it waits again at the back.
  Condition waiters are woken in the order they began to wait.
* Thread.start() appends the new thread to the FIFO and waits for it to signal that it
  started (CPython's Thread.start does): so the new thread runs its target until it
  blocks, then the starter goes on (unless others were ready before).
* When no thread is ready, the clock jumps to the earliest timed wait (time.sleep(x):
  park time + ns(x); a timeout t: now + ns(t)), ties in the order the waits began; that
  thread runs (a timed-out wait returns False). With no timed wait: "!! hang".
  A non-blocking acquire, or a timeout of 0, never hands the baton over.
* time.sleep(0) in a thread parks it until now: the threads ready before it run first.
* When the main program ends, the loop workers' remaining jobs run (Workers), then the
  main thread runs threading's exit: the thread pools are shut down (their idle threads
  end), then it joins every non-daemon thread in start order (daemon threads are
  abandoned).
* The event loop's select, run by a program thread, is also a blocking point when other
  program threads exist: they run while it waits; loop.call_soon_threadsafe from one of
  them ends the wait.
* Thread names are CPython's: "Thread-N (target)" (N counts threads made without a
  name), "ThreadPoolExecutor-K_N", "MainThread". native_id is virtual: 1000 for the
  main thread, then 1001, 1002... in start order. get_ident() values are unspecified.
* An exception escaping a thread is printed by threading.excepthook as CPython's C hook
  prints it: "Exception in thread NAME:", a traceback whose <lesson> frames have no
  source line (the C printer cannot read <lesson>), the exception line.
* The rule is one CPython can produce; programs whose real output depends on a race
  between threads (two threads printing at the same virtual instant without
  synchronising) still get the rule's order here. Programs that poll with timeouts that
  expire (as_completed(timeout=...) reaching its deadline loops with a 0 timeout) spin,
  since the clock does not move while they compute.
* Hook for a CPU-time model: a thread that used up its switch interval would go to the
  back of the ready FIFO (the engine's ProgramThreads::yield_now); not done by default.

Processes (multiprocessing, ProcessPoolExecutor): a labelled model
-----------------------------------------------------------------
The oracle does not run them (spawn children re-run the program in fresh interpreters
its patches do not reach); tools/oracle_processes.py runs the conformance group
processes/ under plain CPython with the spawn start method (its header says how). The
engine's model, which that group and the engine's tests/processes.rs check:
* Start method: spawn only. A child re-runs the program as module __mp_main__ (so code
  under `if __name__ == "__main__":` does not run there, and a Process started by
  unguarded top-level code fails with CPython's "bootstrapping phase" RuntimeError), then
  runs its target. Its memory is its own: its own modules and globals.
* Values cross between processes as pickle copies them: functions and classes by module
  and qualified name (lambdas, local functions, generators, threading locks, modules fail
  with CPython's errors, in the sender); Queue, Pipe, Value, Array and multiprocessing's
  locks are shared. os.getpid() is 42 in the main process, 42 + n in the n-th child.
* Scheduling: a process's threads are program threads (above, "Threads"): one runs at a
  time until it blocks, computing takes no virtual time. Process.start() makes the
  child's main thread ready (the parent goes on until it blocks). A Pool starts its
  workers and waits until each waits for work; a task goes to the first idle worker
  (each put hands its item to the first waiting getter). ProcessPoolExecutor starts a
  worker (SpawnProcess-N) at a submit while none is idle, up to max_workers.
* At exit the main process terminates its daemonic children and joins the others.

Orders CPython leaves to memory addresses
-----------------------------------------
CPython iterates some sets of tasks in hash order, i.e. by memory address, which no
other implementation can reproduce. The oracle fixes these orders; the engine follows:
* asyncio.all_tasks() iterates in task creation order; so does asyncio.run's final
  cancellation of leftover tasks (it cancels, then gathers, them in that order).
* A TaskGroup cancels its remaining children in creation order when one fails or the
  body raises.
* asyncio.wait() returns `done` and `pending` iterating in the order of its argument.
* asyncio.as_completed(aws) wraps coroutines into tasks in argument order.
* loop.shutdown_asyncgens() closes async generators in first-iteration order.
Sets of other objects hashed by identity still iterate by address: the suite's
programs never print them in iteration order.

Other determinism
-----------------
* PYTHONHASHSEED=0 and TZ=UTC (the oracle re-executes itself with them).
* random.seed(0) before the program runs.
* The program runs as module __main__ compiled with file name "<lesson>".
* Entropy: os.urandom(n) (and random's own copy of it) returns the next n bytes of
  random.Random(2024).randbytes — a second Mersenne Twister seeded with 2024, separate
  from the module's generator. Random.seed(None) (so Random() and random.seed()) seeds
  with int.from_bytes(os.urandom(16), "little"). SystemRandom, secrets and uuid.uuid4
  read os.urandom, so they repeat from run to run too.
* The process: os.getpid() == 42, os.getppid() == 1, os.cpu_count() == 4 (so the
  default executor's min(32, cpus + 4) is the 8 workers above), os.getcwd() ==
  "/home/learner", sys.argv == ["<lesson>"], sys.version == FAKE_VERSION (the build
  details of the machine's CPython hidden; sys.version_info stays real: run the oracle
  on CPython 3.11.7, as the engine reports), sys.platform "linux", os.name "posix", and
  os.environ holds exactly FAKE_ENV (HOME, LANG, PATH, PWD, TZ, USER, in that order).
* No files: os.path.exists/isfile/isdir/islink/lexists are always False, and
  os.listdir/mkdir/makedirs/remove/unlink/rmdir/rename/chdir raise
  PermissionError("[Errno 13] Permission denied: PATH (the playground has no files)")
  with PATH the repr of the path argument. (open() is not faked: programs do not call it.)

Output
------
* Without --timed: the program's stdout. With --timed: each stdout line prefixed with
  "[t=S.mmm] " where S.mmm is the virtual time at which the line's first character was
  written, in seconds, rounded half-up to the millisecond from the integer ns:
  ms = (ns + 500000) // 1000000. A last line without "\\n" gets one.
* Then, without a prefix (both modes):
    "!! uncaught" + "\\n" + the exception line, when an exception escapes the program:
      CPython's "Type: message" line (module-qualified type name unless builtins or
      __main__; for an ExceptionGroup its own line, e.g. "ExceptionGroup: unhandled
      errors in a TaskGroup (1 sub-exception)"; notes are not included; for a
      SyntaxError the last line of CPython's report, e.g. "SyntaxError: invalid syntax");
    "!! hang" when the loop can never make progress again (a select with no ready
      handle, no timer and no started or queued worker job); the program stops there
      (no finally blocks, no asyncio.run cleanup).
* Addresses "0x[0-9a-f]+" are normalised to "0x..." (stdout and stderr) because reprs
  print them; the conformance harness normalises the engine's output the same way.
  The stdlib directory is printed as "<stdlib>".
* stderr (warnings, "Task exception was never retrieved", tracebacks) is captured,
  (a warning raised while objects are freed after the program ended reads
  "sys:1: Category: message", as CPython prints it at interpreter shutdown),
  normalised the same way and written to the oracle's own stderr at the end; the
  expected-output tools store it as the `.err` file. Oracle frames are left out of
  tracebacks.
* SystemExit ends the program normally (no marker), like CPython.
* Exit status: 0 whatever the program did; 2 for bad usage; 3 when the program ran for
  more than REAL_TIME_LIMIT_S seconds of real time (nothing is printed on stdout then).

Not faked: time.process_time()/thread_time() (real CPU time), input(). Lessons should
not use them.
"""

import os
import sys

ORACLE_ENV = {"PYTHONHASHSEED": "0", "TZ": "UTC"}

if __name__ == "__main__" and any(os.environ.get(k) != v for k, v in ORACLE_ENV.items()):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(ORACLE_ENV)
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    os.execve(sys.executable, [sys.executable, os.path.abspath(__file__)] + sys.argv[1:], env)

# Force the pure-Python datetime so that datetime.now() reads the patched time.time().
sys.modules["_datetime"] = None  # type: ignore[assignment]

import builtins  # noqa: E402
import collections  # noqa: E402
import gc  # noqa: E402
import heapq  # noqa: E402
import io  # noqa: E402
import itertools  # noqa: E402
import linecache  # noqa: E402
import re  # noqa: E402
import signal  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
import _thread  # noqa: E402
import traceback  # noqa: E402
import types  # noqa: E402
import warnings  # noqa: E402

EPOCH_S = 1704067200
LESSON = "<lesson>"
DEFAULT_MAX_WORKERS = 8
REAL_TIME_LIMIT_S = 60

_real_sleep = time.sleep
_real_localtime = time.localtime
_real_gmtime = time.gmtime
_real_ctime = time.ctime
_real_strftime = time.strftime
_real_asctime = time.asctime


def ns_of(seconds):
    """Seconds (int or float) to integer nanoseconds: round-half-even of x * 1e9 in f64."""
    return round(float(seconds) * 1e9)


class Clock:
    """The virtual clock. `now_ns` only ever grows."""

    now_ns = 0

    @classmethod
    def advance_to(cls, t_ns):
        if t_ns > cls.now_ns:
            cls.now_ns = t_ns


# --------------------------------------------------------------------------- output



class TimedStdout(io.TextIOBase):
    """sys.stdout replacement that records the virtual time of each line's first char."""

    def __init__(self):
        self.lines = []  # list of [time_ns, text]
        self.at_line_start = True

    @property
    def encoding(self):
        return "utf-8"

    def writable(self):
        return True

    def isatty(self):
        return False

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        # Only "\n" ends a line ("\r", "\f", "\u2028"... do not).
        for piece in re.findall(r"[^\n]*\n|[^\n]+", s):
            if self.at_line_start:
                self.lines.append([Clock.now_ns, piece])
            else:
                self.lines[-1][1] += piece
            self.at_line_start = piece.endswith("\n")
        return len(s)

    def flush(self):
        pass

    def render(self, timed):
        out = []
        for t_ns, text in self.lines:
            if timed:
                ms = (t_ns + 500_000) // 1_000_000
                out.append(f"[t={ms // 1000}.{ms % 1000:03d}] ")
            out.append(text)
        s = "".join(out)
        if timed and s and not s.endswith("\n"):
            s += "\n"
        return s


STDLIB_DIR = os.path.dirname(os.__file__)
ORACLE_FILE = os.path.abspath(__file__)


def normalize(text):
    text = re.sub(r"0x[0-9a-f]+", "0x...", text)
    text = text.replace(STDLIB_DIR, "<stdlib>")
    return text


_stdout = TimedStdout()
_stderr = io.StringIO()
_markers = []
_timed = False


def finish_and_exit(code=0):
    """Write the captured output and leave without running interpreter shutdown."""
    out = _stdout.render(_timed)
    if out and not out.endswith("\n") and _markers:
        out += "\n"
    out += "".join(m + "\n" for m in _markers)
    sys.__stdout__.write(normalize(out))
    sys.__stdout__.flush()
    sys.__stderr__.write(normalize(_stderr.getvalue()))
    sys.__stderr__.flush()
    os._exit(code)


def report_hang():
    _markers.append("!! hang")
    finish_and_exit(0)


# --------------------------------------------------------------------------- workers


class Sim:
    """Deterministic scheduler of the fake worker threads (see the header)."""

    running = None  # the SimWorker currently running, None = main thread
    main_gate = _thread.allocate_lock()  # released by a worker when it yields back
    pending = []  # (executor, job) submitted since the last select, in order
    parked = []  # heap of (wake_ns, park_seq, worker)
    park_seq = itertools.count()
    executors = []  # every fake executor made, in creation order
    shutdown_waiters = []  # (executor, callback) from shutdown_default_executor

    main_gate.acquire()

    @classmethod
    def run(cls, worker):
        """Hand the CPU to `worker` until it parks or goes idle."""
        cls.running = worker
        worker.gate.release()
        cls.main_gate.acquire()
        cls.running = None

    @classmethod
    def start_pending(cls):
        jobs, cls.pending = cls.pending, []
        for executor, job in jobs:
            worker = executor.idle_worker()
            if worker is None:
                executor.queue.append(job)
            else:
                worker.job = job
                cls.run(worker)

    @classmethod
    def next_wake(cls):
        return cls.parked[0][0] if cls.parked else None

    @classmethod
    def run_due(cls):
        while cls.parked and cls.parked[0][0] <= Clock.now_ns:
            _, _, worker = heapq.heappop(cls.parked)
            cls.run(worker)

    @classmethod
    def busy(cls):
        return bool(cls.parked or cls.pending or any(e.queue for e in cls.executors))

    @classmethod
    def check_shutdown_waiters(cls):
        still = []
        for executor, callback in cls.shutdown_waiters:
            if executor.idle():
                callback()
            else:
                still.append((executor, callback))
        cls.shutdown_waiters = still

    @classmethod
    def drain(cls, until_idle=None, until=None):
        """Main thread blocked: run workers, jumping the clock, until `until_idle` is
        idle, or `until()` is true, or (neither given) every job is finished."""

        def satisfied():
            if until_idle is not None:
                return until_idle.idle()
            if until is not None:
                return until()
            return False

        cls.start_pending()
        while True:
            cls.run_due()
            if satisfied():
                return
            nxt = cls.next_wake()
            if nxt is None:
                if until_idle is None and until is None:
                    return
                report_hang()
            Clock.advance_to(nxt)


class SimWorker:
    """One fake worker thread: a real thread that only runs when Sim hands it the CPU."""

    def __init__(self, executor, name):
        self.executor = executor
        self.gate = _raw_lock()  # released by the main thread to run us
        self.gate.acquire()
        self.job = None  # the job being run, None when idle
        # A raw thread (not on the baton) registered under its name.
        self.thread = threading.Thread(name=name, daemon=True)
        _raw_start(self.main, ())

    def main(self):
        threading._active[_thread.get_ident()] = self.thread
        while True:
            self.gate.acquire()
            while self.job is not None:
                fut, fn, args, kwargs = self.job
                if fut.set_running_or_notify_cancel():
                    try:
                        result = fn(*args, **kwargs)
                    except BaseException as exc:
                        fut.set_exception(exc)
                        exc = None
                    else:
                        fut.set_result(result)
                del fut, fn, args, kwargs
                self.job = self.executor.queue.popleft() if self.executor.queue else None
            Sim.main_gate.release()

    def sleep(self, seconds):
        wake = Clock.now_ns + ns_of(seconds)
        heapq.heappush(Sim.parked, (wake, next(Sim.park_seq), self))
        Sim.main_gate.release()
        self.gate.acquire()

    def __lt__(self, other):  # heap tie-breaker never reached (park_seq is unique)
        return False


class FakeThreadPoolExecutor:
    """Stand-in for concurrent.futures.ThreadPoolExecutor (see the header)."""

    _counter = itertools.count().__next__

    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        if max_workers is None:
            max_workers = DEFAULT_MAX_WORKERS
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._max_workers = max_workers
        self._thread_name_prefix = thread_name_prefix or ("ThreadPoolExecutor-%d" % self._counter())
        self.workers = []
        self.queue = collections.deque()
        self._shutdown = False
        self._real = None
        self._initializer = initializer
        self._initargs = initargs
        Sim.executors.append(self)

    def submit(self, fn, /, *args, **kwargs):
        if not _loop_submitting:
            return self._pool().submit(fn, *args, **kwargs)
        if self._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        import concurrent.futures._base as base

        fut = base.Future()
        fut._sim = True
        Sim.pending.append((self, (fut, fn, args, kwargs)))
        return fut

    def _pool(self):
        """submit/map outside run_in_executor: CPython's own ThreadPoolExecutor, whose
        threads are program threads on the baton (see "Threads")."""
        if self._real is None:
            self._real = _CPythonThreadPoolExecutor(
                self._max_workers, self._thread_name_prefix, self._initializer, self._initargs
            )
        return self._real

    def idle_worker(self):
        for w in self.workers:
            if w.job is None:
                return w
        if len(self.workers) < self._max_workers:
            w = SimWorker(self, "%s_%d" % (self._thread_name_prefix, len(self.workers)))
            self.workers.append(w)
            return w
        return None

    def idle(self):
        if self.queue or any(ex is self for ex, _ in Sim.pending):
            return False
        return all(w.job is None for w in self.workers)

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        return self._pool().map(fn, *iterables, timeout=timeout, chunksize=chunksize)

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
        if self._real is not None:
            self._real.shutdown(wait, cancel_futures=cancel_futures)
        if cancel_futures:
            for job in self.queue:
                job[0].cancel()
            self.queue.clear()
        if wait and threading.current_thread() is threading.main_thread():
            Sim.drain(self)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.shutdown(wait=True)
        return False


# --------------------------------------------------------------------------- threads


class VThread:
    """A program thread (the main thread or a threading.Thread): a real thread that
    runs only while it holds the baton (see "Threads" in the header)."""

    def __init__(self):
        self.gate = _raw_lock()  # released to hand this thread the baton
        self.gate.acquire()
        self.result = None  # what the blocking call it waits in returns
        self.token = 0  # invalidates a stale timed wait
        self.waiting = False  # blocked (neither ready nor running)
        self.tstate = None  # its thread-state lock, released when it ends


class Baton:
    """The deterministic scheduler of program threads (see "Threads" in the header)."""

    current = None  # the VThread holding the baton
    runnable = collections.deque()  # VThreads ready to run, in the order they became so
    timed = []  # heap of (until_ns, seq, token, VThread): sleeps and waits with a timeout
    seq = itertools.count()
    started = False  # a threading.Thread was started

    @classmethod
    def mine(cls):
        return cls.current is not None and cls.current.ident == _thread.get_ident()

    @classmethod
    def block(cls, until=None):
        """The current thread blocks (until `wake`, or until the clock reaches `until`):
        the next thread runs. Returns what `wake` passed, or False on timeout."""
        rec = cls.current
        rec.token += 1
        rec.result = False
        rec.waiting = True
        if until is not None:
            heapq.heappush(cls.timed, (until, next(cls.seq), rec.token, rec))
        cls.pass_baton()
        rec.gate.acquire()
        return rec.result

    @classmethod
    def wake(cls, rec, result=True):
        """Makes a blocked thread ready; says whether it was blocked."""
        if not rec.waiting:
            return False
        rec.waiting = False
        rec.token += 1
        rec.result = result
        cls.runnable.append(rec)
        return True

    @classmethod
    def pass_baton(cls):
        while not cls.runnable:
            while cls.timed and cls.timed[0][2] != cls.timed[0][3].token:
                heapq.heappop(cls.timed)  # woken before its timeout
            if not cls.timed:
                report_hang()
            until, _, _, rec = heapq.heappop(cls.timed)
            Clock.advance_to(until)
            cls.wake(rec, False)
        nxt = cls.runnable.popleft()
        cls.current = nxt
        nxt.gate.release()


class VLock:
    """threading.Lock (_thread.allocate_lock) on the baton: a blocked acquire lets the
    next thread run. release() makes the first waiter runnable; it takes the lock when it
    runs if the lock is still free, else it waits again at the back."""

    def __init__(self):
        self._locked = False
        self._waiters = collections.deque()

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError("timeout value must be a non-negative number")
        if not self._locked:
            self._locked = True
            return True
        if not blocking or timeout == 0 or not Baton.mine():
            return False
        until = None if timeout == -1 else Clock.now_ns + ns_of(timeout)
        while True:
            rec = Baton.current
            self._waiters.append(rec)
            if not Baton.block(until):
                if rec in self._waiters:
                    self._waiters.remove(rec)
                return False
            if not self._locked:
                self._locked = True
                return True

    __enter__ = acquire

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False
        while self._waiters:
            # The first waiter still blocked (one that timed out is ready already).
            if Baton.wake(self._waiters.popleft()):
                break

    def __exit__(self, *exc):
        self.release()

    def locked(self):
        return self._locked

    def _at_fork_reinit(self):
        self._locked = False
        self._waiters.clear()

    def __repr__(self):
        state = "locked" if self._locked else "unlocked"
        return f"<{state} _thread.lock object at {hex(id(self))}>"


def _vstart_new_thread(function, args, kwargs={}):
    rec = VThread()
    rec.native_id = next(_native_ids)

    def body():
        rec.gate.acquire()
        try:
            function(*args, **kwargs)
        finally:
            if rec.tstate is not None and rec.tstate.locked():
                rec.tstate.release()
            Baton.pass_baton()

    Baton.started = True
    rec.ident = _raw_start(body, ())
    Baton.runnable.append(rec)
    return 0


def _vset_sentinel():
    lock = VLock()
    Baton.current.tstate = lock
    return lock


_raw_lock = _thread.allocate_lock
_raw_start = _thread.start_new_thread
Baton.current = VThread()
Baton.current.ident = _thread.get_ident()
threading.main_thread()._tstate_lock = VLock()
threading.main_thread()._tstate_lock.acquire()
threading.Lock = threading._allocate_lock = VLock
threading._CRLock = None
threading._start_new_thread = _vstart_new_thread
threading._set_sentinel = _vset_sentinel
_native_ids = itertools.count(1001)
threading.main_thread()._native_id = 1000
Baton.current.native_id = 1000


def _vget_native_id():
    return Baton.current.native_id if Baton.mine() else 0


threading.get_native_id = _vget_native_id

import queue  # noqa: E402

queue.SimpleQueue = queue._PySimpleQueue


def join_threads():
    """At exit CPython joins every non-daemon thread (threading._shutdown)."""
    main = threading.main_thread()
    if main._tstate_lock is not None and main._tstate_lock.locked():
        main._tstate_lock.release()
    for atexit_call in reversed(threading._threading_atexits):
        atexit_call()  # the thread pools' shutdown
    while True:
        left = [t for t in threading.enumerate() if t is not main and not t.daemon]
        if not left:
            return
        for t in left:
            t.join()


# --------------------------------------------------------------------------- time


def _on_worker():
    return Sim.running is not None and threading.current_thread() is Sim.running.thread


def fake_sleep(seconds):
    if not isinstance(seconds, (int, float)):
        _real_sleep(seconds)  # raises CPython's own TypeError
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    if _on_worker():
        Sim.running.sleep(seconds)
    elif Baton.mine():
        Baton.block(Clock.now_ns + ns_of(seconds))
    else:
        Clock.advance_to(Clock.now_ns + ns_of(seconds))


def fake_time():
    return EPOCH_S + Clock.now_ns / 1e9


def _secs_or_now(args):
    return args if args and args[0] is not None else (fake_time(),)


time.sleep = fake_sleep
time.time = fake_time
time.time_ns = lambda: EPOCH_S * 1_000_000_000 + Clock.now_ns
time.monotonic = time.perf_counter = lambda: Clock.now_ns / 1e9
time.monotonic_ns = time.perf_counter_ns = lambda: Clock.now_ns
# staticmethod: like the builtins they replace, they must not bind as methods
# when a class stores them (logging.Formatter.converter = time.localtime).
time.localtime = staticmethod(lambda *a: _real_localtime(*_secs_or_now(a)))
time.gmtime = staticmethod(lambda *a: _real_gmtime(*_secs_or_now(a)))
time.ctime = lambda *a: _real_ctime(*_secs_or_now(a))
time.asctime = lambda *a: _real_asctime(*(a or (time.localtime(),)))
time.strftime = lambda fmt, *a: _real_strftime(fmt, *(a or (time.localtime(),)))
for _name in ("time_ns", "localtime", "gmtime", "ctime", "asctime", "strftime"):
    getattr(time, _name).__name__ = getattr(time, _name).__qualname__ = _name

threading._time = queue.time = time.monotonic  # they imported the real one

import concurrent.futures  # noqa: E402
import concurrent.futures.thread  # noqa: E402

_CPythonThreadPoolExecutor = concurrent.futures.ThreadPoolExecutor
concurrent.futures.ThreadPoolExecutor = FakeThreadPoolExecutor
concurrent.futures.thread.ThreadPoolExecutor = FakeThreadPoolExecutor

_cf_result = concurrent.futures.Future.result
_cf_exception = concurrent.futures.Future.exception


def _blocking_wait(fut):
    """The main thread blocks on a concurrent.futures.Future: workers run meanwhile."""
    if not fut.done() and not _on_worker() and getattr(fut, "_sim", False):
        Sim.drain(until=fut.done)


def _cf_future_result(self, timeout=None):
    _blocking_wait(self)
    return _cf_result(self, timeout)


def _cf_future_exception(self, timeout=None):
    _blocking_wait(self)
    return _cf_exception(self, timeout)


concurrent.futures.Future.result = _cf_future_result
concurrent.futures.Future.exception = _cf_future_exception

import random  # noqa: E402

# --------------------------------------------------------------------------- process

_entropy = random.Random(2024)


def fake_urandom(size):
    size = size.__index__() if not isinstance(size, int) else size
    if size < 0:
        raise ValueError("negative argument not allowed")
    return _entropy.randbytes(size)


os.urandom = random._urandom = fake_urandom
_real_random_seed = random.Random.seed


def _seed_from_entropy(self, a=None, version=2):
    if a is None:
        a = int.from_bytes(fake_urandom(16), "little")
    _real_random_seed(self, a, version)


random.Random.seed = _seed_from_entropy
random.seed = random._inst.seed  # the module function is a bound method made at import

FAKE_ENV = {
    "HOME": "/home/learner",
    "LANG": "C.UTF-8",
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "PWD": "/home/learner",
    "TZ": "UTC",
    "USER": "learner",
}
FAKE_VERSION = "3.11.7 (main, Jan  1 2024, 00:00:00) [Looplab]"
os.getpid = lambda: 42
os.getppid = lambda: 1
os.cpu_count = lambda: 4
os.getcwd = lambda: "/home/learner"


def _no_files(name):
    def refuse(path=".", *args, **kwargs):
        raise PermissionError(f"[Errno 13] Permission denied: {path!r} (the playground has no files)")

    refuse.__name__ = name
    return refuse


for _name in ("listdir", "mkdir", "makedirs", "remove", "unlink", "rmdir", "rename", "chdir"):
    setattr(os, _name, _no_files(_name))
for _name in ("exists", "isfile", "isdir", "islink", "lexists"):
    setattr(os.path, _name, lambda path: False)

import asyncio  # noqa: E402
from asyncio import base_events, events  # noqa: E402

# --------------------------------------------------------------------------- loop

_timer_seq = itertools.count()


class OracleTimerHandle(events.TimerHandle):
    """A TimerHandle ordered by (integer deadline, creation sequence)."""

    __slots__ = ["_when_ns", "_seq"]

    def __init__(self, when_ns, callback, args, loop, context=None):
        super().__init__(when_ns / 1e9, callback, args, loop, context)
        self._when_ns = when_ns
        self._seq = next(_timer_seq)

    def _key(self):
        return (self._when_ns, self._seq)

    def __lt__(self, other):
        return self._key() < other._key()

    def __le__(self, other):
        return self._key() <= other._key()

    def __gt__(self, other):
        return self._key() > other._key()

    def __ge__(self, other):
        return self._key() >= other._key()

    __hash__ = events.TimerHandle.__hash__


class FakeSelector:
    """Stands in for the selector: never blocks, moves the virtual clock instead."""

    def __init__(self, loop):
        self.loop = loop

    def select(self, timeout=None):
        loop = self.loop
        Sim.run_due()
        Sim.start_pending()
        Sim.check_shutdown_waiters()
        if timeout == 0 or loop._ready:
            return []
        while True:
            if loop._ready:
                return []
            timer = loop._scheduled[0]._when_ns if loop._scheduled else None
            if timer is not None and timer <= Clock.now_ns:
                return []
            wake = Sim.next_wake()
            candidates = [t for t in (timer, wake) if t is not None]
            if Baton.started and Baton.mine():
                # Other program threads run while this one waits in select; a
                # call_soon_threadsafe from one of them ends the wait.
                loop._select_waiter = Baton.current
                Baton.block(min(candidates) if candidates else None)
                loop._select_waiter = None
            elif not candidates:
                report_hang()
            else:
                Clock.advance_to(min(candidates))
            Sim.run_due()
            Sim.check_shutdown_waiters()

    def close(self):
        pass


_loop_submitting = False


class OracleLoop(base_events.BaseEventLoop):
    """CPython's own event loop with the fake selector and the virtual clock."""

    def run_in_executor(self, executor, func, *args):
        global _loop_submitting
        _loop_submitting = True
        try:
            return super().run_in_executor(executor, func, *args)
        finally:
            _loop_submitting = False

    def __init__(self):
        super().__init__()
        self._selector = FakeSelector(self)
        # A timer is due iff when_ns <= now_ns: `_when < time() + 0.5 ns` is exactly that
        # for clock values below ~4e6 s.
        self._clock_resolution = 0.5e-9
        self._asyncgens.data = OrderedSet()

    def time(self):
        return Clock.now_ns / 1e9

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError("delay must not be None")
        return self._call_at_ns(Clock.now_ns + ns_of(delay), callback, args, context)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        return self._call_at_ns(ns_of(when), callback, args, context)

    def _call_at_ns(self, when_ns, callback, args, context):
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = OracleTimerHandle(when_ns, callback, args, self, context)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def _process_events(self, event_list):
        pass

    _select_waiter = None

    def _write_to_self(self):
        if self._select_waiter is not None:
            Baton.wake(self._select_waiter, True)

    async def shutdown_default_executor(self):
        self._executor_shutdown_called = True
        if self._default_executor is None:
            return
        future = self.create_future()
        executor = self._default_executor
        executor._shutdown = True

        def done():
            if not self.is_closed():
                self.call_soon_threadsafe(future.set_result, None)

        Sim.shutdown_waiters.append((executor, done))
        await future

    def close(self):
        executor = self._default_executor
        super().close()
        if executor is not None:
            executor._shutdown = True


class OraclePolicy(asyncio.DefaultEventLoopPolicy):
    _loop_factory = OracleLoop


class OrderedSet(set):
    """A set that iterates in insertion order (see "Orders CPython leaves to memory
    addresses" in the header)."""

    def __init__(self, items=()):
        super().__init__()
        self._order = {}
        for item in items:
            self.add(item)

    def add(self, item):
        super().add(item)
        self._order[item] = None

    def discard(self, item):
        super().discard(item)
        self._order.pop(item, None)

    def remove(self, item):
        super().remove(item)
        self._order.pop(item, None)

    def pop(self):
        if not self._order:
            raise KeyError("pop from an empty set")
        item = next(iter(self._order))
        self.remove(item)
        return item

    def clear(self):
        super().clear()
        self._order.clear()

    def __iter__(self):
        return iter(list(self._order))

    def __repr__(self):
        return "{" + ", ".join(map(repr, self)) + "}" if self else "set()"


# The registry of all tasks (a WeakSet, shared with the C accelerator) keeps creation order.
asyncio.tasks._all_tasks.data = OrderedSet(asyncio.tasks._all_tasks.data)
_cpython_all_tasks = asyncio.tasks.all_tasks


def _ordered_all_tasks(loop=None):
    found = _cpython_all_tasks(loop)
    return OrderedSet(t for t in list(asyncio.tasks._all_tasks) if t in found)


asyncio.tasks.all_tasks = asyncio.all_tasks = _ordered_all_tasks

_cpython_taskgroup_init = asyncio.taskgroups.TaskGroup.__init__


def _ordered_taskgroup_init(self, *args, **kwargs):
    _cpython_taskgroup_init(self, *args, **kwargs)
    self._tasks = OrderedSet()


asyncio.taskgroups.TaskGroup.__init__ = _ordered_taskgroup_init

_cpython_wait = asyncio.tasks.wait


async def _ordered_wait(fs, *args, **kwargs):
    if asyncio.isfuture(fs) or asyncio.iscoroutine(fs):
        return await _cpython_wait(fs, *args, **kwargs)  # raises CPython's TypeError
    fs = list(fs)
    done, pending = await _cpython_wait(fs, *args, **kwargs)
    return OrderedSet(f for f in fs if f in done), OrderedSet(f for f in fs if f in pending)


asyncio.tasks.wait = asyncio.wait = _ordered_wait

_cpython_as_completed = asyncio.tasks.as_completed


def _ordered_as_completed(fs, *args, **kwargs):
    if asyncio.isfuture(fs) or asyncio.iscoroutine(fs):
        return _cpython_as_completed(fs, *args, **kwargs)  # raises CPython's TypeError
    loop = events._get_event_loop()
    unique = list(dict.fromkeys(fs))  # CPython dedups with set(fs)
    return _cpython_as_completed([asyncio.ensure_future(f, loop=loop) for f in unique], *args, **kwargs)


asyncio.tasks.as_completed = asyncio.as_completed = _ordered_as_completed

asyncio.set_event_loop_policy(OraclePolicy())
asyncio.SelectorEventLoop = OracleLoop
asyncio.BaseEventLoop = base_events.BaseEventLoop

# --------------------------------------------------------------------------- running


_cpython_formatwarnmsg = warnings._formatwarnmsg


def _formatwarnmsg(msg):
    """Warnings raised while the oracle itself runs (objects freed after the program
    ended) are reported the way CPython reports them at interpreter shutdown."""
    if msg.filename == ORACLE_FILE:
        return f"sys:1: {msg.category.__name__}: {msg.message}\n"
    return _cpython_formatwarnmsg(msg)


warnings._formatwarnmsg = _formatwarnmsg


def exception_line(exc):
    lines = traceback.format_exception_only(type(exc), exc)
    if isinstance(exc, SyntaxError):
        return lines[-1].rstrip("\n")
    return lines[0].rstrip("\n")


def print_traceback(exc):
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename == ORACLE_FILE:
        tb = tb.tb_next
    traceback.print_exception(type(exc), exc, tb, file=sys.stderr)


def on_alarm(signum, frame):
    sys.__stderr__.write(f"oracle: the program ran for more than {REAL_TIME_LIMIT_S}s of real time\n")
    os._exit(3)


def main(argv):
    global _timed
    args = argv[1:]
    if args and args[0] == "--timed":
        _timed = True
        args = args[1:]
    if len(args) != 1:
        sys.__stderr__.write("usage: oracle.py [--timed] FILE.py\n")
        return 2
    path = args[0]
    with open(path, encoding="utf-8") as f:
        source = f.read()
    linecache.cache[LESSON] = (len(source), None, source.splitlines(keepends=True), LESSON)

    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(REAL_TIME_LIMIT_S)

    module = types.ModuleType("__main__")
    module.__file__ = LESSON
    module.__builtins__ = builtins
    sys.modules["__main__"] = module
    sys.argv = [LESSON]
    sys.stdout = _stdout
    sys.stderr = _stderr
    os.environ.clear()
    os.environ.update(FAKE_ENV)
    sys.version = FAKE_VERSION
    random.seed(0)
    try:
        code = compile(source, LESSON, "exec")
        exec(code, module.__dict__)
    except SystemExit as exc:
        if exc.code is not None and not isinstance(exc.code, int):
            print(exc.code, file=sys.stderr)
    except BaseException as exc:  # noqa: BLE001 - the program's uncaught exception
        print_traceback(exc)
        _markers.append("!! uncaught")
        _markers.append(exception_line(exc))
        exc = None
    # CPython joins executor threads at exit, then every non-daemon thread.
    Sim.drain()
    join_threads()
    # Let finalizers ("Task was destroyed but it is pending!", "coroutine ... was never
    # awaited") run while our stderr is still captured.
    module.__dict__.clear()
    gc.collect()
    gc.collect()
    finish_and_exit(0)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
