"""multiprocessing: processes as a labelled model (the spawn start method).

Each process is a separate interpreter in the model: its own module table (so
its own globals), its main module the program re-run as "__mp_main__" (so the
`if __name__ == "__main__":` guard matters, as with spawn on macOS and
Windows). Values cross between processes only as pickling would copy them:
_dumps below turns an object into a copy made of immutable data (functions and
classes by module and qualified name, refusing what pickle refuses, with
CPython's errors) and _loads rebuilds it in the receiving process. Queue, Pipe,
Value, Array and the locks share one state list between the processes that
hold them (their "shared memory").

Scheduling (see aio/processes.rs): a process's threads are program threads;
one runs at a time, until it blocks (tools/oracle.py's header, "Threads"), and
computing takes no virtual time. Process.start() only makes the child ready:
the parent goes on until it blocks. A Pool waits until its workers are up
(blocked on the task queue), then hands out tasks in order, each to the first
idle worker.
"""

import sys as _sys
import os as _os
import threading as _threading
import _looplab

__all__ = [
    "Array", "AuthenticationError", "Barrier", "BoundedSemaphore", "BufferTooShort",
    "Condition", "Event", "JoinableQueue", "Lock", "Pipe", "Pool", "Process",
    "ProcessError", "Queue", "RLock", "Semaphore", "SimpleQueue", "TimeoutError",
    "Manager", "Value", "active_children", "cpu_count", "current_process", "freeze_support",
    "get_all_start_methods", "get_context", "get_start_method", "parent_process",
    "set_start_method",
]


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


class PicklingError(Exception):
    __module__ = "_pickle"


class RemoteTraceback(Exception):
    __module__ = "multiprocessing.pool"
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


_BOOTSTRAP_ERROR = """
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.

        To fix this issue, refer to the "Safe importing of main module"
        section in https://docs.python.org/3/library/multiprocessing.html
        """


# --------------------------------------------------------------------------- pickling

_SCALARS = (type(None), bool, int, float, str, bytes, type(...))
_REFUSED = {
    "generator": "generator", "coroutine": "coroutine", "async_generator": "async_generator",
    "module": "module", "frame": "frame", "traceback": "traceback",
}


def _module_named(name):
    if name == "__mp_main__":
        name = "__main__"
    elif name.startswith("multiprocessing.") or name == "_pickle":
        name = "multiprocessing"
    return _looplab.import_module(name)


def _lookup(module, qualname):
    obj = _module_named(module)
    for part in qualname.split("."):
        obj = getattr(obj, part)
    return obj


def _global(obj, what):
    """A function or class by reference, as pickle's save_global checks it."""
    name = getattr(obj, "__qualname__", None) or obj.__name__
    module = getattr(obj, "__module__", None) or "__main__"
    if "<locals>" in name:
        raise AttributeError("Can't pickle local object %r" % name)
    try:
        found = _lookup(module, name)
    except (ImportError, AttributeError):
        raise PicklingError("Can't pickle %r: attribute lookup %s on %s failed" % (obj, name, module)) from None
    if found is not obj:
        raise PicklingError("Can't pickle %r: it's not the same object as %s.%s" % (obj, module, name))
    return ("g", module, name)


_OBJECT_REDUCE = getattr(object, "__reduce__", None)


def _dumps(obj, inheriting=False):
    memo = {}

    def dump(o):
        t = type(o)
        if t in _SCALARS:
            return o
        key = id(o)
        if key in memo:
            return ("ref", memo[key][0])
        tname = t.__name__
        if t is tuple:
            return ("t", tuple(dump(x) for x in o))
        if t is list:
            n = len(memo)
            memo[key] = (n, o)
            return ("l", n, tuple(dump(x) for x in o))
        if t is dict:
            n = len(memo)
            memo[key] = (n, o)
            return ("d", n, tuple((dump(k), dump(v)) for k, v in o.items()))
        if t is set:
            return ("s", tuple(dump(x) for x in o))
        if t is frozenset:
            return ("fs", tuple(dump(x) for x in o))
        if tname == "bytearray" and t.__module__ == "builtins":
            return ("ba", bytes(o))
        if t is range:
            return ("r", o.start, o.stop, o.step)
        if t is slice:
            return ("sl", dump(o.start), dump(o.stop), dump(o.step))
        if tname in ("function", "builtin_function_or_method"):
            if tname == "builtin_function_or_method" and getattr(o, "__self__", None) is not None \
                    and type(o.__self__).__name__ != "module":
                return ("bm", dump(o.__self__), o.__name__)
            if tname == "builtin_function_or_method":
                return ("b", o)
            return _global(o, "function")
        if tname == "method":
            return ("bm", dump(o.__self__), o.__func__.__name__)
        if isinstance(o, type):
            if t.__module__ == "builtins" and o.__module__ == "builtins":
                return ("b", o)
            return _global(o, "class")
        if tname in _REFUSED:
            raise TypeError("cannot pickle '%s' object" % _REFUSED[tname])
        if t.__module__ == "_thread" or (t.__module__ == "threading" and tname == "RLock"):
            raise TypeError("cannot pickle '_thread.%s' object" % tname)
        share = getattr(o, "_mp_share", None)
        if share is not None:
            if not inheriting and not o._mp_picklable:
                raise RuntimeError(
                    "%s objects should only be shared between processes through inheritance"
                    % o._mp_kind)
            return ("sh", dump(t), share())
        if isinstance(o, BaseException):
            n = len(memo)
            memo[key] = (n, o)
            state = dict(o.__dict__) if hasattr(o, "__dict__") else {}
            return ("e", n, dump(t), dump(o.args), dump(state))
        if t.__module__ == "builtins":
            raise TypeError("cannot pickle '%s' object" % tname)
        reduce = getattr(t, "__reduce__", None)
        if reduce is not None and reduce is not _OBJECT_REDUCE:
            made = o.__reduce__()
            if isinstance(made, str):
                return _global(o, "object")
            n = len(memo)
            memo[key] = (n, o)
            state = made[2] if len(made) > 2 else None
            return ("red", n, dump(made[0]), dump(made[1]), dump(state))
        n = len(memo)
        memo[key] = (n, o)
        cls = dump(t)
        getstate = getattr(t, "__getstate__", None)
        if getstate is not None:
            return ("o", n, cls, dump(o.__getstate__()), True)
        try:
            state = o.__dict__
        except AttributeError:
            raise TypeError("cannot pickle '%s' object" % tname) from None
        return ("o", n, cls, dump(dict(state)), False)

    return dump(obj)


def _loads(tree):
    memo = {}

    def load(x):
        if type(x) is not tuple:
            return x
        tag = x[0]
        if tag == "t":
            return tuple(load(i) for i in x[1])
        if tag == "l":
            out = []
            memo[x[1]] = out
            out.extend(load(i) for i in x[2])
            return out
        if tag == "d":
            out = {}
            memo[x[1]] = out
            for k, v in x[2]:
                out[load(k)] = load(v)
            return out
        if tag == "ref":
            return memo[x[1]]
        if tag == "s":
            return set(load(i) for i in x[1])
        if tag == "fs":
            return frozenset(load(i) for i in x[1])
        if tag == "ba":
            return x[1]
        if tag == "r":
            return range(x[1], x[2], x[3])
        if tag == "sl":
            return slice(load(x[1]), load(x[2]), load(x[3]))
        if tag == "b":
            return x[1]
        if tag == "bm":
            return getattr(load(x[1]), x[2])
        if tag == "g":
            try:
                return _lookup(x[1], x[2])
            except AttributeError:
                where = "__mp_main__" if x[1] in ("__main__", "__mp_main__") else x[1]
                raise AttributeError("Can't get attribute %r on <module %r from %r>"
                                     % (x[2], where, _PROGRAM_FILE[0])) from None
        if tag == "sh":
            cls = load(x[1])
            obj = cls.__new__(cls)
            obj._mp_attach(x[2])
            return obj
        if tag == "e":
            cls = load(x[2])
            exc = cls.__new__(cls)
            memo[x[1]] = exc
            exc.args = load(x[3])
            for k, v in load(x[4]).items():
                setattr(exc, k, v)
            return exc
        if tag == "red":
            obj = load(x[2])(*load(x[3]))
            memo[x[1]] = obj
            state = load(x[4])
            if state is not None:
                if hasattr(obj, "__setstate__"):
                    obj.__setstate__(state)
                else:
                    for k, v in state.items():
                        object.__setattr__(obj, k, v)
            return obj
        if tag == "o":
            cls = load(x[2])
            obj = cls.__new__(cls)
            memo[x[1]] = obj
            state = load(x[3])
            if x[4] and hasattr(obj, "__setstate__"):
                obj.__setstate__(state)
            elif state:
                for k, v in state.items():
                    object.__setattr__(obj, k, v)
            return obj
        raise ValueError("bad copy tag %r" % (tag,))

    return load(tree)


def _copy(obj):
    """obj as another process receives it (through a Queue, a Pipe...)."""
    return _loads(_dumps(obj))


# --------------------------------------------------------------------------- blocking


def _now():
    return _looplab.now_ns()


def _until(timeout):
    if timeout is None:
        return None
    return _looplab.now_ns() + _looplab.ns(max(timeout, 0))


def _wait_on(waiters, until):
    """Blocks the running thread until woken through `waiters` (True) or until
    the clock reaches `until` (False)."""
    me = _looplab.thread_current()
    waiters.append(me)
    if _looplab.thread_block(until):
        return True
    if me in waiters:
        waiters.remove(me)
    return False


def _wake_all(waiters):
    while waiters:
        _looplab.thread_wake(waiters.pop(0))


def _wake_one(waiters):
    while waiters:
        if _looplab.thread_wake(waiters.pop(0)):
            return


class _Shared:
    """Base of the objects whose state list processes share."""

    _mp_picklable = False
    _mp_kind = "Shared"

    def _mp_share(self):
        return self._state

    def _mp_attach(self, state):
        self._state = state


class _Channel:
    """A FIFO of copies shared by processes: state = [items, waiters];
    a put hands its item to the first waiting getter."""

    @staticmethod
    def new():
        return [[], []]

    @staticmethod
    def put(state, item):
        items, waiters = state
        while waiters:
            slot = waiters.pop(0)
            slot[1].append(item)
            if _looplab.thread_wake(slot[0]):
                return
            slot[1].pop()
        items.append(item)

    @staticmethod
    def get(state, block=True, timeout=None):
        """(True, item) or (False, None) when none came."""
        items, waiters = state
        if items:
            return True, items.pop(0)
        if not block:
            return False, None
        until = _until(timeout)
        slot = [_looplab.thread_current(), []]
        waiters.append(slot)
        woken = _looplab.thread_block(until)
        if slot in waiters:
            waiters.remove(slot)
        if slot[1]:
            return True, slot[1][0]
        if woken and items:
            return True, items.pop(0)
        return False, None


# --------------------------------------------------------------------------- processes

_process_counter = [0]
_children = []
_PROGRAM_FILE = ["<lesson>"]


class _Config:
    def __init__(self, identity, daemon, name, parent_pid, parent_name):
        self.identity = identity
        self.daemon = daemon
        self.name = name
        self.parent_pid = parent_pid
        self.parent_name = parent_name


class BaseProcess:
    _start_method = None

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        assert group is None, "group argument must be None for now"
        _process_counter[0] += 1
        self._identity = _current_process._identity + (_process_counter[0],)
        self._daemonic = _current_process._daemonic if daemon is None else daemon
        self._parent_pid = _os.getpid()
        self._parent_name = _current_process.name
        self._popen = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + "-" + ":".join(str(i) for i in self._identity)
        self._state = None
        self._pid = None
        self._inheriting = False

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        self._check_closed()
        assert self._popen is None, "cannot start a process twice"
        assert self._parent_pid == _os.getpid(), "can only start a process object created by current process"
        assert not _current_process._daemonic, "daemonic processes are not allowed to have children"
        if _current_process._inheriting:
            raise RuntimeError(_BOOTSTRAP_ERROR)
        state = [None, [], None]  # exitcode, joiners, process index
        picklable = {k: v for k, v in self.__dict__.items()
                     if k not in ("_popen", "_state", "_pid", "_closed")}
        tree = _dumps(picklable, inheriting=True)
        cls = _dumps(type(self))
        idx = _looplab.process_spawn((cls, tree, state), self._name)
        state[2] = idx
        self._state = state
        self._pid = 42 + idx
        self._popen = idx
        _children.append(self)

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def terminate(self):
        self._check_closed()
        if self._state is not None and self._state[0] is None:
            _looplab.process_kill(self._state[2])
            self._state[0] = -15
            _wake_all(self._state[1])

    def kill(self):
        self._check_closed()
        if self._state is not None and self._state[0] is None:
            _looplab.process_kill(self._state[2])
            self._state[0] = -9
            _wake_all(self._state[1])

    def join(self, timeout=None):
        self._check_closed()
        assert self._parent_pid == _os.getpid(), "can only join a child process"
        assert self._popen is not None, "can only join a started process"
        until = _until(timeout)
        while self._state[0] is None:
            if not _wait_on(self._state[1], until):
                break
        if self._state[0] is not None and self in _children:
            _children.remove(self)

    def is_alive(self):
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == _os.getpid(), "can only test a child process"
        if self._popen is None:
            return False
        return self._state[0] is None

    def close(self):
        if self._popen is not None and self._state[0] is None:
            raise ValueError("Cannot close a process while it is still running. "
                             "You should first call join() or terminate().")
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), "name must be a string"
        self._name = name

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        assert self._popen is None, "process has already started"
        self._daemonic = daemonic

    @property
    def exitcode(self):
        self._check_closed()
        if self._popen is None:
            return self._popen
        return self._state[0]

    @property
    def ident(self):
        self._check_closed()
        if self is _current_process:
            return _os.getpid()
        return self._pid

    pid = ident

    @property
    def authkey(self):
        return b"looplab-authkey"

    @property
    def sentinel(self):
        self._check_closed()
        if self._popen is None:
            raise ValueError("process not started")
        return 100 + self._popen

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = "started"
        elif self._closed:
            status = "closed"
        elif self._parent_pid != _os.getpid():
            status = "unknown"
        elif self._popen is None:
            status = "initial"
        else:
            exitcode = self._state[0]
            status = "started" if exitcode is None else "stopped"
        info = [type(self).__name__, "name=%r" % self._name]
        if self._popen is not None:
            info.append("pid=%s" % self._pid)
        info.append("parent=%s" % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            info.append("exitcode=%s" % exitcode)
        if self._daemonic:
            info.append("daemon")
        return "<%s>" % " ".join(info)


class Process(BaseProcess):
    pass


class SpawnProcess(BaseProcess):
    _start_method = "spawn"


class _MainProcess(BaseProcess):
    def __init__(self):
        self._identity = ()
        self._name = "MainProcess"
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._daemonic = False
        self._inheriting = False
        self._state = None
        self._pid = None

    def __repr__(self):
        return "<_MainProcess name='MainProcess' parent=None started>"


class _ChildProcess(BaseProcess):
    """current_process() in a child: the process object as the child sees it."""


_current_process = _MainProcess()
_parent_process = [None]


def current_process():
    return _current_process


def parent_process():
    return _parent_process[0]


def active_children():
    for p in list(_children):
        if p._state is not None and p._state[0] is not None:
            _children.remove(p)
    return list(_children)


def cpu_count():
    return _os.cpu_count()


def freeze_support():
    pass


def _exit_children():
    """At the main program's exit (and a child's): daemonic children are
    terminated, the others joined, as multiprocessing's exit function does."""
    for p in list(_children):
        if p._daemonic:
            p.terminate()
    for p in list(_children):
        p.join()


_threading._register_atexit(_exit_children)


def _traceback_text(exc, frames):
    """The traceback CPython's child prints: its own frames `frames`, then the
    program's frames (the library's left out)."""
    text = _looplab.process_traceback(exc, _PROGRAM_FILE[0])
    head = "Traceback (most recent call last):\n"
    at = text.rfind(head)
    if at < 0:
        return text
    at += len(head)
    return text[:at] + frames + text[at:]


_RUN_FRAMES = (
    '  File "<stdlib>/multiprocessing/process.py", line 314, in _bootstrap\n'
    "    self.run()\n"
)
_TARGET_FRAME = (
    '  File "<stdlib>/multiprocessing/process.py", line 108, in run\n'
    "    self._target(*self._args, **self._kwargs)\n"
)


_SPAWN_FRAMES = (
    '  File "<string>", line 1, in <module>\n'
    '  File "<stdlib>/multiprocessing/spawn.py", line 122, in spawn_main\n'
    "    exitcode = _main(fd, parent_sentinel)\n"
    "               ^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
    '  File "<stdlib>/multiprocessing/spawn.py", line 132, in _main\n'
    "    self = reduction.pickle.load(from_parent)\n"
    "           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
)


def _exitcode_of(exc):
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    _sys.stderr.write(str(code) + "\n")
    return 1


def _child_main():
    """A child process's main thread: the program re-run as __mp_main__, then
    the process object rebuilt from its copy and run."""
    global _current_process
    cls_ref, tree, state = _looplab.process_payload()
    main, _PROGRAM_FILE[0] = _looplab.process_main()
    boot = _ChildProcess.__new__(_ChildProcess)
    boot._identity = ()
    boot._name = "?"
    boot._daemonic = False
    boot._inheriting = True
    boot._parent_pid = 42
    boot._popen = None
    boot._closed = False
    boot._state = None
    boot._pid = None
    _current_process = boot
    exitcode = 0
    stage = "main"
    try:
        try:
            main()
            stage = "unpickling"
            cls = _loads(cls_ref)
            data = _loads(tree)
            proc = cls.__new__(cls)
            for k, v in data.items():
                object.__setattr__(proc, k, v)
            proc._popen = None
            proc._state = None
            proc._closed = False
            proc._pid = _os.getpid()
            proc._inheriting = False
            parent = _ChildProcess.__new__(_ChildProcess)
            for k in ("_identity", "_daemonic", "_popen", "_closed", "_state"):
                object.__setattr__(parent, k, getattr(boot, k))
            parent._parent_pid = None
            parent._name = proc._parent_name
            parent._pid = proc._parent_pid
            parent._inheriting = False
            _parent_process[0] = parent
            _current_process = proc
            _process_counter[0] = 0
        except SystemExit as exc:
            exitcode = _exitcode_of(exc)
            proc = None
        except BaseException as exc:
            _sys.stderr.write(_traceback_text(exc, _SPAWN_FRAMES if stage == "unpickling" else ""))
            exitcode = 1
            proc = None
        if proc is not None:
            try:
                proc.run()
            except SystemExit as exc:
                exitcode = _exitcode_of(exc)
            except BaseException as exc:
                frames = _RUN_FRAMES
                if type(proc).run is BaseProcess.run:
                    frames += _TARGET_FRAME
                _sys.stderr.write("Process %s:\n" % proc._name)
                _sys.stderr.write(_traceback_text(exc, frames))
                exitcode = 1
            _threading._shutdown_process()
    finally:
        state[0] = exitcode
        _wake_all(state[1])
        _looplab.process_exit(exitcode)


# --------------------------------------------------------------------------- queues, pipes


class Queue(_Shared):
    _mp_kind = "Queue"

    def __init__(self, maxsize=0):
        if maxsize <= 0:
            maxsize = 2147483647
        self._state = [_Channel.new(), maxsize, [], [False]]  # channel, maxsize, putters, closed

    def _check(self):
        if self._state[3][0]:
            raise ValueError("Queue %r is closed" % self)

    def put(self, obj, block=True, timeout=None):
        self._check()
        import queue

        chan, maxsize, putters = self._state[0], self._state[1], self._state[2]
        until = _until(timeout)
        while len(chan[0]) >= maxsize:
            if not block or not _wait_on(putters, until):
                raise queue.Full
        _Channel.put(chan, _dumps(obj))

    def get(self, block=True, timeout=None):
        self._check()
        import queue

        if timeout is not None and timeout < 0:
            timeout = 0
        ok, item = _Channel.get(self._state[0], block, timeout)
        if not ok:
            raise queue.Empty
        _wake_one(self._state[2])
        return _loads(item)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return len(self._state[0][0])

    def empty(self):
        return not self._state[0][0]

    def full(self):
        return len(self._state[0][0]) >= self._state[1]

    def close(self):
        self._state[3][0] = True

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass


class SimpleQueue(Queue):
    _mp_kind = "Queue"

    def __init__(self):
        Queue.__init__(self)

    def put(self, obj):
        Queue.put(self, obj)

    def get(self):
        return Queue.get(self)


class JoinableQueue(Queue):
    def __init__(self, maxsize=0):
        Queue.__init__(self, maxsize)
        self._state.append([0, []])  # unfinished tasks, joiners

    def put(self, obj, block=True, timeout=None):
        Queue.put(self, obj, block, timeout)
        self._state[4][0] += 1

    def task_done(self):
        counter = self._state[4]
        if counter[0] <= 0:
            raise ValueError("task_done() called too many times")
        counter[0] -= 1
        if counter[0] == 0:
            _wake_all(counter[1])

    def join(self):
        counter = self._state[4]
        while counter[0]:
            _wait_on(counter[1], None)


class Connection(_Shared):
    """One end of a Pipe: state = [incoming channel, outgoing channel,
    [readable, writable]]; each process's copy is closed on its own (closing
    a writing end sends the reader an end-of-file mark)."""
    __module__ = "multiprocessing.connection"


    _mp_picklable = True
    _mp_kind = "Connection"

    _closed = False

    def _mp_attach(self, state):
        self._state = state
        self._closed = False

    def _check_closed(self):
        if self._closed:
            raise OSError("handle is closed")

    def send(self, obj):
        self._check_closed()
        if not self._state[2][1]:
            raise OSError("connection is read-only")
        _Channel.put(self._state[1], ("obj", _dumps(obj)))

    def recv(self):
        self._check_closed()
        if not self._state[2][0]:
            raise OSError("connection is write-only")
        ok, item = _Channel.get(self._state[0])
        if not ok or item[0] == "eof":
            raise EOFError
        return _loads(item[1])

    def send_bytes(self, buf):
        self.send(bytes(buf))

    def recv_bytes(self):
        return self.recv()

    def poll(self, timeout=0.0):
        self._check_closed()
        if self._state[0][0]:
            return True
        if timeout is None or timeout > 0:
            ok, item = _Channel.get(self._state[0], True, timeout)
            if ok:
                self._state[0][0].insert(0, item)
                return True
        return False

    def close(self):
        if not self._closed:
            self._closed = True
            if self._state[2][1]:
                _Channel.put(self._state[1], ("eof", None))

    @property
    def closed(self):
        return self._closed

    @property
    def readable(self):
        return self._state[2][0]

    @property
    def writable(self):
        return self._state[2][1]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def Pipe(duplex=True):
    a, b = _Channel.new(), _Channel.new()
    c1 = Connection.__new__(Connection)
    c2 = Connection.__new__(Connection)
    if duplex:
        c1._state = [a, b, [True, True]]
        c2._state = [b, a, [True, True]]
    else:
        c1._state = [a, b, [True, False]]
        c2._state = [b, a, [False, True]]
    return c1, c2


# --------------------------------------------------------------------------- locks


class Lock(_Shared):
    """A lock shared between processes: state = [owner or None, waiters, count]."""

    _mp_kind = "Lock"
    _recursive = False

    def __init__(self):
        self._state = [None, [], 0]

    @staticmethod
    def _me():
        return (_current_process.name, _threading.current_thread().name)

    def acquire(self, block=True, timeout=None):
        state = self._state
        me = self._me()
        if self._recursive and state[0] == me:
            state[2] += 1
            return True
        until = _until(timeout)
        while state[0] is not None:
            if not block or not _wait_on(state[1], until):
                return False
        state[0] = me
        state[2] = 1
        return True

    def release(self):
        state = self._state
        if self._recursive:
            if state[0] != self._me():
                raise AssertionError("attempt to release recursive lock not owned by thread")
            state[2] -= 1
            if state[2]:
                return
        elif state[0] is None:
            raise ValueError("semaphore or lock released too many times")
        state[0] = None
        _wake_one(state[1])

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def _owner_text(self):
        owner = self._state[0]
        if owner is None:
            return "None"
        name, thread = owner
        if thread != "MainThread":
            name += "|" + thread
        return name

    def __repr__(self):
        return "<Lock(owner=%s)>" % self._owner_text()


class RLock(Lock):
    _recursive = True

    def __repr__(self):
        return "<RLock(%s, %d)>" % (self._owner_text(), self._state[2] if self._state[0] else 0)


class Semaphore(_Shared):
    _mp_kind = "Semaphore"

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._state = [value, [], value]

    def acquire(self, block=True, timeout=None):
        state = self._state
        until = _until(timeout)
        while state[0] == 0:
            if not block or not _wait_on(state[1], until):
                return False
        state[0] -= 1
        return True

    def release(self):
        self._state[0] += 1
        _wake_one(self._state[1])

    def get_value(self):
        return self._state[0]

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def __repr__(self):
        return "<%s(value=%s)>" % (type(self).__name__, self._state[0])


class BoundedSemaphore(Semaphore):
    def release(self):
        if self._state[0] >= self._state[2]:
            raise ValueError("semaphore or lock released too many times")
        Semaphore.release(self)

    def __repr__(self):
        return "<BoundedSemaphore(value=%s, maxvalue=%s)>" % (self._state[0], self._state[2])


class Event(_Shared):
    _mp_kind = "Condition"

    def __init__(self):
        self._state = [False, []]

    def is_set(self):
        return self._state[0]

    def set(self):
        self._state[0] = True
        _wake_all(self._state[1])

    def clear(self):
        self._state[0] = False

    def wait(self, timeout=None):
        until = _until(timeout)
        while not self._state[0]:
            if not _wait_on(self._state[1], until):
                break
        return self._state[0]


class Condition(_Shared):
    _mp_kind = "Condition"

    def __init__(self, lock=None):
        self._lock = lock if lock is not None else RLock()
        self._state = [self._lock._state, []]

    def _mp_share(self):
        return self._state

    def _mp_attach(self, state):
        self._state = state
        lock = RLock.__new__(RLock)
        lock._state = state[0]
        self._lock = lock

    def acquire(self, *args):
        return self._lock.acquire(*args)

    def release(self):
        self._lock.release()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc):
        return self._lock.__exit__(*exc)

    def wait(self, timeout=None):
        lock_state = self._state[0]
        count = lock_state[2]
        owner = lock_state[0]
        lock_state[0] = None
        lock_state[2] = 0
        _wake_one(lock_state[1])
        woken = _wait_on(self._state[1], _until(timeout))
        while lock_state[0] is not None:
            _wait_on(lock_state[1], None)
        lock_state[0] = owner
        lock_state[2] = count
        return woken

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        end = None if timeout is None else _now() + _looplab.ns(timeout)
        while not result:
            if end is not None:
                left = (end - _now()) / 1e9
                if left <= 0:
                    break
                self.wait(left)
            else:
                self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        for _ in range(n):
            if not self._state[1]:
                break
            _wake_one(self._state[1])

    def notify_all(self):
        _wake_all(self._state[1])


def Barrier(parties, action=None, timeout=None):
    raise NotImplementedError("Looplab: multiprocessing.Barrier is not modelled yet (use threading.Barrier between threads)")


# --------------------------------------------------------------------------- shared memory

_CTYPES = {
    "c": "c_char", "u": "c_wchar", "b": "c_byte", "B": "c_ubyte", "h": "c_short",
    "H": "c_ushort", "i": "c_int", "I": "c_uint", "l": "c_long", "L": "c_ulong",
    "q": "c_longlong", "Q": "c_ulonglong", "f": "c_float", "d": "c_double",
}


def _ctype(typecode):
    if typecode not in _CTYPES:
        raise TypeError("this type has no size" if isinstance(typecode, str) else "type must be a ctypes type or a typecode")
    return _CTYPES[typecode]


def _coerce(typecode, value):
    if typecode in "fd":
        if not isinstance(value, (int, float)):
            raise TypeError("must be real number, not %s" % type(value).__name__)
        return float(value)
    if typecode in "cu":
        return value
    if not isinstance(value, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    return value


class Synchronized(_Shared):
    """multiprocessing.Value: state = [value, lock state]."""
    __module__ = "multiprocessing.sharedctypes"


    _mp_kind = "Synchronized"

    def _mp_attach(self, state):
        self._state = state
        self._typecode = state[2]
        lock = RLock.__new__(RLock)
        lock._state = state[1]
        self._lock = lock

    @property
    def value(self):
        return self._state[0]

    @value.setter
    def value(self, v):
        self._state[0] = _coerce(self._typecode, v)

    def get_lock(self):
        return self._lock

    def get_obj(self):
        return self._state[0]

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc):
        return self._lock.__exit__(*exc)

    def __repr__(self):
        return "<Synchronized wrapper for %s(%r)>" % (_ctype(self._typecode), self._state[0])


def Value(typecode_or_type, *args, lock=True):
    typecode = typecode_or_type
    _ctype(typecode)
    default = 0.0 if typecode in "fd" else (b"\x00" if typecode == "c" else ("\x00" if typecode == "u" else 0))
    value = _coerce(typecode, args[0]) if args else default
    lk = lock if isinstance(lock, (Lock, RLock)) else RLock()
    obj = Synchronized.__new__(Synchronized)
    obj._mp_attach([value, lk._state, typecode])
    return obj


class SynchronizedArray(Synchronized):
    __module__ = "multiprocessing.sharedctypes"
    _mp_kind = "SynchronizedArray"

    def __len__(self):
        return len(self._state[0])

    def __getitem__(self, i):
        return self._state[0][i]

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            v = [_coerce(self._typecode, x) for x in v]
            if len(v) != len(self._state[0][i]):
                raise ValueError("Can only assign sequence of same size")
            self._state[0][i] = v
        else:
            self._state[0][i] = _coerce(self._typecode, v)

    def __iter__(self):
        return iter(list(self._state[0]))

    def get_obj(self):
        return list(self._state[0])

    def __repr__(self):
        return "<SynchronizedArray wrapper for <multiprocessing.sharedctypes.%s_Array_%d object at %s>>" % (
            _ctype(self._typecode), len(self._state[0]), hex(id(self._state[0])))


def Array(typecode_or_type, size_or_initializer, *, lock=True):
    typecode = typecode_or_type
    _ctype(typecode)
    default = 0.0 if typecode in "fd" else 0
    if isinstance(size_or_initializer, int):
        values = [default] * size_or_initializer
    else:
        values = [_coerce(typecode, v) for v in size_or_initializer]
    lk = lock if isinstance(lock, (Lock, RLock)) else RLock()
    obj = SynchronizedArray.__new__(SynchronizedArray)
    obj._mp_attach([values, lk._state, typecode])
    return obj


# --------------------------------------------------------------------------- pools

_MAPSTAR = (
    '  File "<stdlib>/multiprocessing/pool.py", line 48, in mapstar\n'
    "    return list(map(*args))\n"
    "           ^^^^^^^^^^^^^^^^\n"
)
_STARMAPSTAR = (
    '  File "<stdlib>/multiprocessing/pool.py", line 51, in starmapstar\n'
    "    return list(itertools.starmap(args[0], args[1]))\n"
    "           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
)
_WORKER = (
    '  File "<stdlib>/multiprocessing/pool.py", line 125, in worker\n'
    "    result = (True, func(*args, **kwds))\n"
    "                    ^^^^^^^^^^^^^^^^^^^\n"
)
_PPE_WORKER = (
    '  File "<stdlib>/concurrent/futures/process.py", line 261, in _process_worker\n'
    "    r = call_item.fn(*call_item.args, **call_item.kwargs)\n"
    "        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
)
_PPE_CHUNK = (
    '  File "<stdlib>/concurrent/futures/process.py", line 210, in _process_chunk\n'
    "    return [fn(*args) for args in chunk]\n"
    "           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
    '  File "<stdlib>/concurrent/futures/process.py", line 210, in <listcomp>\n'
    "    return [fn(*args) for args in chunk]\n"
    "            ^^^^^^^^^\n"
)


def _run_task(kind, func, args, kwds):
    if kind == "map":
        return [func(x) for x in args]
    if kind == "starmap":
        return [func(*x) for x in args]
    if kind == "chunk":
        return [func(*x) for x in args]
    return func(*args, **kwds)


def _frames_for(kind):
    if kind == "map":
        return _WORKER + _MAPSTAR
    if kind == "starmap":
        return _WORKER + _STARMAPSTAR
    if kind == "chunk":
        return _PPE_WORKER + _PPE_CHUNK
    if kind == "call":
        return _PPE_WORKER
    return _WORKER


def _pool_worker_loop(tasks, results, ready, initializer, initargs, copy=True):
    """A pool worker's loop: tasks are (job, index, kind, func, args, kwds),
    None ends it; results are (job, index, ok, value). A ThreadPool's
    workers (copy False) pass them as they are."""
    if initializer is not None:
        initializer(*initargs)
    _Channel.put(ready, True)
    while True:
        ok, task = _Channel.get(tasks)
        if task is None:
            break
        job, index, kind, func, args, kwds = _loads(task) if copy else task
        try:
            value = (True, _run_task(kind, func, args, kwds))
        except BaseException as exc:
            if copy:
                value = (False, (exc, _traceback_text(exc, _frames_for(kind))))
            else:
                value = (False, (exc, None))
        if not copy:
            _Channel.put(results, (job, index) + value)
            continue
        try:
            tree = _dumps((job, index) + value)
        except BaseException as exc:
            wrapped = MaybeEncodingError(exc, value[1] if value[0] else value[1][0])
            tree = _dumps((job, index, False, (wrapped, None)))
        _Channel.put(results, tree)


class MaybeEncodingError(Exception):
    """A pool worker's result could not be pickled."""

    __module__ = "multiprocessing.pool"

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self)


def _rebuild_exc(exc, text, pool=True):
    if text is None:  # a ThreadPool's: raised as it is
        return exc
    cause = (RemoteTraceback if pool else _RemoteTraceback)('\n"""\n%s"""' % text)
    exc.__cause__ = cause
    return exc


class _RemoteTraceback(RemoteTraceback):
    __module__ = "concurrent.futures.process"


class _Workers:
    """Worker processes and the channels between them and the parent; a
    handler thread in the parent hands results to their jobs."""

    def __init__(self, size, name_of, initializer, initargs, proc_class, wait_ready, on_result):
        self.tasks = _Channel.new()
        self.results = _Channel.new()
        self.ready = _Channel.new()
        self.procs = []
        self.size = size
        self.name_of = name_of
        self.initializer = initializer
        self.initargs = initargs
        self.proc_class = proc_class
        self.on_result = on_result
        self.handler = None
        self.handler_name = None
        if wait_ready:
            for _ in range(size):
                self.add()

    def add(self, wait=True):
        if self.proc_class is None:  # a ThreadPool
            t = _threading.Thread(target=_pool_worker_loop,
                                  args=(self.tasks, self.results, self.ready,
                                        self.initializer, self.initargs, False),
                                  daemon=True)
            t._name = _threading._newname() + " (worker)"
            self.procs.append(t)
            t.start()
        else:
            p = self.proc_class(target=_pool_worker,
                                args=(_ChannelRef(self.tasks), _ChannelRef(self.results),
                                      _ChannelRef(self.ready), self.initializer, self.initargs))
            p.name = self.name_of(p.name)
            p.daemon = True
            p.start()
            self.procs.append(p)
        if self.handler is None:
            self.handler = _threading.Thread(target=self._handle, daemon=True,
                                             name=self.handler_name)
            self.handler.start()
        if wait:
            _Channel.get(self.ready)

    def _handle(self):
        while True:
            ok, item = _Channel.get(self.results)
            if item is None:
                return
            self.on_result(*(item if self.proc_class is None else _loads(item)))

    def submit(self, task):
        _Channel.put(self.tasks, task if self.proc_class is None else _dumps(task))

    def stop(self, wait):
        for _ in self.procs:
            _Channel.put(self.tasks, None)
        if wait:
            for p in self.procs:
                p.join()
        if self.handler is not None:
            _Channel.put(self.results, None)
            if wait:
                self.handler.join()

    def kill(self):
        for p in self.procs:
            if self.proc_class is None:
                _Channel.put(self.tasks, None)
            else:
                p.terminate()
        if self.handler is not None:
            _Channel.put(self.results, None)


class _ChannelRef(_Shared):
    """A pool channel as its workers receive it."""

    _mp_picklable = True

    def __init__(self, state):
        self._state = state


def _channel(ref):
    return ref._state if isinstance(ref, _ChannelRef) else ref


def _pool_worker(tasks, results, ready, initializer, initargs):
    _pool_worker_loop(_channel(tasks), _channel(results), _channel(ready), initializer, initargs)


class ApplyResult:
    __module__ = "multiprocessing.pool"
    def __init__(self, pool, callback=None, error_callback=None):
        self._pool = pool
        self._event = _threading.Event()
        self._callback = callback
        self._error_callback = error_callback
        self._value = None
        self._success = None

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("%r not ready" % self)
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, index, ok, value):
        self._finish(ok, value if ok else _rebuild_exc(*value))

    def _finish(self, ok, value):
        self._success = ok
        self._value = value
        if ok and self._callback:
            self._callback(value)
        if not ok and self._error_callback:
            self._error_callback(value)
        self._event.set()
        self._pool._jobs.pop(id(self), None)


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    __module__ = "multiprocessing.pool"
    def __init__(self, pool, chunks, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback)
        self._parts = [None] * chunks
        self._left = chunks
        self._error = None
        if chunks == 0:
            self._finish(True, [])

    def _set(self, index, ok, value):
        if self._event.is_set():
            return
        if not ok:
            self._finish(False, _rebuild_exc(*value))
            return
        self._parts[index] = value
        self._left -= 1
        if self._left == 0:
            out = []
            for part in self._parts:
                out.extend(part)
            self._finish(True, out)


class IMapIterator:
    __module__ = "multiprocessing.pool"
    def __init__(self, pool, ordered):
        self._pool = pool
        self._cond = _threading.Condition(_threading.Lock())
        self._ordered = ordered
        self._items = {}
        self._order = []
        self._next = 0
        self._length = None

    def __iter__(self):
        return self

    def _set(self, index, ok, value):
        with self._cond:
            item = (ok, value if ok else _rebuild_exc(*value))
            if self._ordered:
                self._items[index] = item
            else:
                self._order.append(item)
            self._cond.notify()

    def _available(self):
        if self._ordered:
            return self._next in self._items
        return bool(self._order)

    def next(self, timeout=None):
        with self._cond:
            if self._length is not None and self._next >= self._length:
                self._pool._jobs.pop(id(self), None)
                raise StopIteration
            if not self._available():
                self._cond.wait_for(self._available, timeout)
                if not self._available():
                    raise TimeoutError
            if self._ordered:
                ok, value = self._items.pop(self._next)
            else:
                ok, value = self._order.pop(0)
            self._next += 1
        if ok:
            return value
        raise value

    __next__ = next


class _ChunkIter(IMapIterator):
    """imap with chunks: the chunk results flattened in order."""

    def __init__(self, pool, ordered, chunks):
        IMapIterator.__init__(self, pool, ordered)
        self._length = chunks
        self._buffer = []

    def next(self, timeout=None):
        while not self._buffer:
            self._buffer = list(IMapIterator.next(self, timeout))
        return self._buffer.pop(0)

    __next__ = next


class Pool:
    __module__ = "multiprocessing.pool"
    _Process = SpawnProcess

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None):
        self._state = "INIT"
        if processes is None:
            processes = _os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._processes = processes
        self._jobs = {}
        # CPython's pool starts three handler threads (Thread-N names).
        _threading._newname()
        _threading._newname()
        self._workers = _Workers(processes, lambda n: n.replace("Process", "PoolWorker"),
                                 initializer, initargs, self._Process, False, self._on_result)
        self._workers.handler_name = _threading._newname() + " (_handle_results)"
        # Every worker is started before any is waited for, so that they
        # start up side by side (the CPU model's start-up cost), as
        # CPython's pool does not wait for its workers.
        for _ in range(processes):
            self._workers.add(wait=False)
        for _ in range(processes):
            _Channel.get(self._workers.ready)
        self._state = "RUN"

    @property
    def _pool(self):
        return self._workers.procs

    def _on_result(self, job, index, ok, value):
        target = self._jobs.get(job)
        if target is not None:
            target._set(index, ok, value)

    def _check_running(self):
        if self._state != "RUN":
            raise ValueError("Pool not running")

    def _job(self, result):
        self._jobs[id(result)] = result
        return id(result)

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        job = self._job(result)
        self._workers.submit((job, 0, "apply", func, tuple(args), dict(kwds)))
        return result

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def _chunks(self, iterable, chunksize):
        items = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(items), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(items) == 0:
            chunksize = 0
        if chunksize == 0:
            return []
        return [items[i:i + chunksize] for i in range(0, len(items), chunksize)]

    def _map_async(self, func, iterable, kind, chunksize, callback=None, error_callback=None):
        self._check_running()
        if not hasattr(iterable, "__len__"):
            iterable = list(iterable)
        chunks = self._chunks(iterable, chunksize)
        result = MapResult(self, len(chunks), len(iterable), callback, error_callback)
        if chunks:
            job = self._job(result)
            for i, chunk in enumerate(chunks):
                self._workers.submit((job, i, kind, func, chunk, None))
        return result

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, "map", chunksize).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, "map", chunksize, callback, error_callback)

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, "starmap", chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, "starmap", chunksize, callback, error_callback)

    def _imap(self, func, iterable, chunksize, ordered):
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        items = list(iterable)
        if chunksize == 1:
            result = IMapIterator(self, ordered)
            result._length = len(items)
            job = self._job(result)
            for i, x in enumerate(items):
                self._workers.submit((job, i, "apply", func, (x,), {}))
            return result
        chunks = [items[i:i + chunksize] for i in range(0, len(items), chunksize)]
        result = _ChunkIter(self, ordered, len(chunks))
        job = self._job(result)
        for i, chunk in enumerate(chunks):
            self._workers.submit((job, i, "map", func, chunk, None))
        return result

    def imap(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, True)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, False)

    def close(self):
        if self._state == "RUN":
            self._state = "CLOSE"

    def terminate(self):
        if self._state != "TERMINATE":
            self._state = "TERMINATE"
            self._workers.kill()

    def join(self):
        if self._state == "RUN":
            raise ValueError("Pool is still running")
        if self._state not in ("CLOSE", "TERMINATE"):
            raise ValueError("In unknown state")
        if self._state == "CLOSE":
            self._workers.stop(True)
            self._state = "JOINED"
        else:
            for p in self._pool:
                p.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, *exc):
        self.terminate()

    def __repr__(self):
        state = {"JOINED": "CLOSE"}.get(self._state, self._state)
        return "<multiprocessing.pool.Pool state=%s pool_size=%d>" % (state, len(self._pool))

    def __reduce__(self):
        raise NotImplementedError(
            "pool objects cannot be passed between processes or pickled")


class ThreadPool(Pool):
    """multiprocessing.pool.ThreadPool: Pool's interface over worker threads of
    this process (nothing is copied, so lambdas work)."""

    __module__ = "multiprocessing.pool"

    def __init__(self, processes=None, initializer=None, initargs=()):
        self._state = "INIT"
        if processes is None:
            processes = _os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._processes = processes
        self._jobs = {}
        self._workers = _Workers(processes, None, initializer, initargs, None, False,
                                 self._on_result)
        for _ in range(processes):
            self._workers.add()
        self._workers.handler_name = _threading._newname() + " (_handle_results)"
        self._state = "RUN"

    def __repr__(self):
        state = {"JOINED": "CLOSE"}.get(self._state, self._state)
        return "<multiprocessing.pool.ThreadPool state=%s pool_size=%d>" % (state, len(self._pool))


# --------------------------------------------------------------------------- managers


class _Proxy(_Shared):
    """A manager's shared object as each process sees it (the state lives in
    the manager; values in it are copies)."""

    _mp_picklable = True
    _typeid = "?"

    def __repr__(self):
        return "<%s object, typeid %r at %s>" % (type(self).__name__, self._typeid, hex(id(self)))


class DictProxy(_Proxy):
    __module__ = "multiprocessing.managers"
    _typeid = "dict"

    def __init__(self, *args, **kwargs):
        self._state = {}
        self.update(*args, **kwargs)

    def _plain(self):
        return {k: _loads(v) for k, v in self._state.items()}

    def __getitem__(self, key):
        return _loads(self._state[key])

    def __setitem__(self, key, value):
        self._state[key] = _dumps(value)

    def __delitem__(self, key):
        del self._state[key]

    def __contains__(self, key):
        return key in self._state

    def __len__(self):
        return len(self._state)

    def __iter__(self):
        return iter(list(self._state))

    def keys(self):
        return list(self._state)

    def values(self):
        return list(self._plain().values())

    def items(self):
        return list(self._plain().items())

    def get(self, key, default=None):
        if key in self._state:
            return _loads(self._state[key])
        return default

    def pop(self, key, *default):
        if key in self._state:
            return _loads(self._state.pop(key))
        if default:
            return default[0]
        raise KeyError(key)

    def popitem(self):
        key, value = self._state.popitem()
        return key, _loads(value)

    def setdefault(self, key, default=None):
        if key not in self._state:
            self._state[key] = _dumps(default)
        return _loads(self._state[key])

    def update(self, *args, **kwargs):
        for k, v in dict(*args, **kwargs).items():
            self._state[k] = _dumps(v)

    def clear(self):
        self._state.clear()

    def copy(self):
        return self._plain()

    def __str__(self):
        return str(self._plain())


class ListProxy(_Proxy):
    __module__ = "multiprocessing.managers"
    _typeid = "list"

    def __init__(self, sequence=()):
        self._state = [_dumps(x) for x in sequence]

    def _plain(self):
        return [_loads(x) for x in self._state]

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [_loads(x) for x in self._state[i]]
        return _loads(self._state[i])

    def __setitem__(self, i, value):
        if isinstance(i, slice):
            self._state[i] = [_dumps(x) for x in value]
        else:
            self._state[i] = _dumps(value)

    def __delitem__(self, i):
        del self._state[i]

    def __len__(self):
        return len(self._state)

    def __iter__(self):
        return iter(self._plain())

    def __contains__(self, value):
        return value in self._plain()

    def append(self, value):
        self._state.append(_dumps(value))

    def extend(self, values):
        self._state.extend(_dumps(x) for x in values)

    def __iadd__(self, values):
        self.extend(values)
        return self

    def insert(self, i, value):
        self._state.insert(i, _dumps(value))

    def pop(self, i=-1):
        return _loads(self._state.pop(i))

    def remove(self, value):
        self._state.pop(self._plain().index(value))

    def index(self, value, *args):
        return self._plain().index(value, *args)

    def count(self, value):
        return self._plain().count(value)

    def reverse(self):
        self._state.reverse()

    def sort(self, key=None, reverse=False):
        plain = self._plain()
        plain.sort(key=key, reverse=reverse)
        self._state[:] = [_dumps(x) for x in plain]

    def __str__(self):
        return str(self._plain())


class Namespace(_Proxy):
    __module__ = "multiprocessing.managers"
    _typeid = "Namespace"

    def __init__(self, **kwds):
        object.__setattr__(self, "_state", {k: _dumps(v) for k, v in kwds.items()})

    def _mp_attach(self, state):
        object.__setattr__(self, "_state", state)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return _loads(self._state[name])
        except KeyError:
            raise AttributeError("'Namespace' object has no attribute %r" % name) from None

    def __setattr__(self, name, value):
        self._state[name] = _dumps(value)

    def __delattr__(self, name):
        del self._state[name]

    def __repr__(self):
        items = ["%s=%r" % (k, _loads(v)) for k, v in self._state.items() if not k.startswith("_")]
        return "Namespace(%s)" % ", ".join(sorted(items))


class ValueProxy(_Proxy):
    __module__ = "multiprocessing.managers"
    _typeid = "Value"

    def __init__(self, typecode, value, lock=True):
        self._state = [_dumps(value)]

    @property
    def value(self):
        return _loads(self._state[0])

    @value.setter
    def value(self, v):
        self._state[0] = _dumps(v)

    def get(self):
        return self.value

    def set(self, v):
        self.value = v


class _ManagedQueue(Queue):
    __module__ = "multiprocessing.managers"
    _mp_picklable = True


class _ManagedLock(Lock):
    __module__ = "multiprocessing.managers"
    _mp_picklable = True


class _ManagedRLock(RLock):
    __module__ = "multiprocessing.managers"
    _mp_picklable = True


class _ManagedEvent(Event):
    __module__ = "multiprocessing.managers"
    _mp_picklable = True


class _ManagedSemaphore(Semaphore):
    __module__ = "multiprocessing.managers"
    _mp_picklable = True


class SyncManager:
    """multiprocessing.Manager(): shared dicts, lists, namespaces, values,
    queues and locks that pool workers may receive too. (CPython serves them
    from a manager process; here its objects hold the shared state.)"""

    __module__ = "multiprocessing.managers"

    def __init__(self):
        self._started = False

    def start(self, initializer=None, initargs=()):
        if self._started:
            raise ProcessError("Already started server")
        # CPython's manager is a process: it takes a number from the counter.
        _process_counter[0] += 1
        self._started = True
        if initializer is not None:
            initializer(*initargs)

    def _check(self):
        if not self._started:
            raise ProcessError("Manager has not been started")

    def shutdown(self):
        self._started = False

    def join(self, timeout=None):
        pass

    def __enter__(self):
        if not self._started:
            self.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()

    def dict(self, *args, **kwargs):
        self._check()
        return DictProxy(*args, **kwargs)

    def list(self, sequence=()):
        self._check()
        return ListProxy(sequence)

    def Namespace(self, **kwds):
        self._check()
        return Namespace(**kwds)

    def Value(self, typecode, value, lock=True):
        self._check()
        return ValueProxy(typecode, value, lock)

    def Queue(self, maxsize=0):
        self._check()
        return _ManagedQueue(maxsize)

    def JoinableQueue(self, maxsize=0):
        self._check()
        q = _ManagedQueue(maxsize)
        return q

    def Lock(self):
        self._check()
        return _ManagedLock()

    def RLock(self):
        self._check()
        return _ManagedRLock()

    def Event(self):
        self._check()
        return _ManagedEvent()

    def Semaphore(self, value=1):
        self._check()
        return _ManagedSemaphore(value)


def Manager():
    m = SyncManager()
    m.start()
    return m


# --------------------------------------------------------------------------- contexts


class BaseContext:
    ProcessError = ProcessError
    BufferTooShort = BufferTooShort
    TimeoutError = TimeoutError
    AuthenticationError = AuthenticationError

    def __init__(self, name):
        self._name = name

    def get_context(self, method=None):
        return get_context(method)

    def get_start_method(self, allow_none=False):
        return self._name

    def cpu_count(self):
        return cpu_count()

    def current_process(self):
        return current_process()

    def active_children(self):
        return active_children()

    def Pool(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        return Pool(processes, initializer, initargs, maxtasksperchild, self)

    def __repr__(self):
        return "<multiprocessing.context.%s object at %s>" % (type(self).__name__, hex(id(self)))


for _name in ("Queue", "SimpleQueue", "JoinableQueue", "Pipe", "Lock", "RLock", "Semaphore",
              "BoundedSemaphore", "Event", "Condition", "Barrier", "Value", "Array",
              "freeze_support", "parent_process", "Manager"):
    setattr(BaseContext, _name, staticmethod(globals()[_name]))


class SpawnContext(BaseContext):
    __module__ = "multiprocessing.context"
    Process = SpawnProcess


class DefaultContext(BaseContext):
    __module__ = "multiprocessing.context"
    Process = Process
_spawn_context = SpawnContext("spawn")
_start_method = [None]


def get_all_start_methods():
    return ["fork", "spawn", "forkserver"]


def get_start_method(allow_none=False):
    if _start_method[0] is None and not allow_none:
        _start_method[0] = "spawn"
    return _start_method[0]


def _check_method(method):
    if method == "spawn":
        return
    if method in ("fork", "forkserver"):
        raise ValueError(
            "Looplab models only the 'spawn' start method (each process re-runs the "
            "program as __mp_main__); %r is not available" % method)
    raise ValueError("cannot find context for %r" % (method,))


def set_start_method(method, force=False):
    if _start_method[0] is not None and not force:
        raise RuntimeError("context has already been set")
    if method is None and force:
        _start_method[0] = None
        return
    _check_method(method)
    _start_method[0] = method


def get_context(method=None):
    if method is None:
        get_start_method()
        return _spawn_context
    _check_method(method)
    return _spawn_context



# `import multiprocessing.pool` and the like: the submodules are views of this module.
pool = managers = context = connection = sharedctypes = process = queues = _looplab.import_module(
    "multiprocessing")
