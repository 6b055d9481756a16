"""threading: program threads on Looplab's deterministic scheduler.

One thread runs at a time; it runs until it blocks (a lock, join, an event, a
condition, a queue, time.sleep); then the thread that became ready first runs
(see tools/oracle.py's header, "Threads"). The primitives below block through
two natives of _looplab: thread_block(until_ns) and thread_wake(tid); their
wake-up orders follow CPython's own primitives (a Condition wakes its waiters
in FIFO order, each re-acquiring the lock, and so on).
"""

import sys as _sys

try:
    import _looplab
except ImportError:  # a bare VM without the event-loop glue: the main thread only

    class _looplab:
        @staticmethod
        def thread_current():
            return 0

        @staticmethod
        def now_ns():
            return 0

        @staticmethod
        def ns(seconds):
            return round(seconds * 1e9)

        @staticmethod
        def thread_spawn(func, name):
            raise RuntimeError("Looplab: threads need the event loop's scheduler")

        thread_block = thread_spawn

__all__ = [
    "get_ident", "active_count", "Condition", "current_thread", "enumerate",
    "main_thread", "TIMEOUT_MAX", "Event", "Lock", "RLock", "Semaphore",
    "BoundedSemaphore", "Thread", "Barrier", "BrokenBarrierError", "Timer",
    "ThreadError", "excepthook", "ExceptHookArgs", "local", "get_native_id",
]

TIMEOUT_MAX = 9223372036.0
ThreadError = RuntimeError
_IDENT_BASE = 139_000_000_000_000


def _until(timeout):
    return _looplab.now_ns() + _looplab.ns(timeout)


def _me():
    return _looplab.thread_current()


def get_ident():
    t = _me()
    if isinstance(t, str):
        return _IDENT_BASE - 4096 - len(t)
    return _IDENT_BASE + 4096 * t


def get_native_id():
    t = _me()
    if isinstance(t, str):
        return 0
    return 1000 + t


class Lock:
    """_thread.lock: release() makes the first waiter ready; it takes the lock
    when it runs if the lock is still free, else it waits again."""

    def __init__(self):
        self._locked = False
        self._waiters = []
        # The thread holding it (read by the engine to say who a blocked
        # thread waits for; taken before the check so that no switch point
        # falls between the check and the two stores).
        self._holder = None

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError("timeout value must be a non-negative number")
        me = _looplab.thread_current()
        if not self._locked:
            self._locked = True
            self._holder = me
            return True
        if not blocking or timeout == 0:
            return False
        until = None if timeout == -1 else _until(timeout)
        while True:
            self._waiters.append(me)
            if not _looplab.thread_block(until):
                if me in self._waiters:
                    self._waiters.remove(me)
                return False
            if not self._locked:
                self._locked = True
                self._holder = me
                return True

    def __enter__(self):
        return self.acquire()

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False
        while self._waiters:
            # The first waiter still blocked (one that timed out is ready already).
            if _looplab.thread_wake(self._waiters.pop(0)):
                break

    def __exit__(self, t, v, tb):
        self.release()

    def locked(self):
        return self._locked

    def __repr__(self):
        state = "locked" if self._locked else "unlocked"
        return "<%s _thread.lock object at %s>" % (state, hex(id(self)))


Lock.__module__ = "_thread"
Lock.__name__ = Lock.__qualname__ = "lock"
_allocate_lock = Lock
LockType = Lock


class RLock:
    """A reentrant lock: an owner and a count over a Lock."""

    def __init__(self):
        self._block = Lock()
        self._owner = None
        self._count = 0

    def __repr__(self):
        owner = self._owner
        return "<%s %s.%s object owner=%r count=%d at %s>" % (
            "locked" if self._block.locked() else "unlocked",
            "_thread", "RLock", owner, self._count, hex(id(self)))

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        rc = self._block.acquire(blocking, timeout)
        if rc:
            self._owner = me
            self._count = 1
        return rc

    def __enter__(self):
        return self.acquire()

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if not self._count:
            self._owner = None
            self._block.release()

    def __exit__(self, t, v, tb):
        self.release()

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        count = self._count
        self._count = 0
        owner = self._owner
        self._owner = None
        self._block.release()
        return (count, owner)

    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state

    def _is_owned(self):
        return self._owner == get_ident()


class Condition:
    """Waiters are woken in FIFO order; each re-acquires the lock."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        if isinstance(self._lock, RLock):
            return self._lock._release_save()
        self._lock.release()

    def _acquire_restore(self, x):
        if isinstance(self._lock, RLock):
            self._lock._acquire_restore(x)
        else:
            self._lock.acquire()

    def _is_owned(self):
        if isinstance(self._lock, RLock):
            return self._lock._is_owned()
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = Lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _looplab.now_ns() / 1e9 + waittime
                else:
                    waittime = endtime - _looplab.now_ns() / 1e9
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        woken = self._waiters[:n]
        for waiter in woken:
            waiter.release()
            try:
                self._waiters.remove(waiter)
            except ValueError:
                pass

    def notify_all(self):
        self.notify(len(self._waiters))

    def notifyAll(self):
        self.notify_all()


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _looplab.now_ns() / 1e9 + timeout
                    else:
                        timeout = endtime - _looplab.now_ns() / 1e9
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            self._value += n
            for i in range(n):
                self._cond.notify()

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            for i in range(n):
                self._cond.notify()


class Event:
    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """States: 0 filling, 1 draining, -1 resetting, -2 broken."""

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0
        self._count = 0

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        while self._state in (-1, 1):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 0

    def _release(self):
        try:
            if self._action:
                self._action()
            self._state = 1
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != 0, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 1

    def _exit(self):
        if self._count == 0:
            if self._state in (-1, 1):
                self._state = 0
                self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state == 0:
                    self._state = -1
                elif self._state == -2:
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._state = -2
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == 0:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == -2


_counter = [0]


def _newname(template="Thread-%d"):
    _counter[0] += 1
    return template % _counter[0]


_active = {}  # ident -> Thread
_limbo = {}
_by_tid = {}  # scheduler index -> Thread
_dummies = {}  # executor worker name -> _DummyThread


class ExceptHookArgs:
    def __init__(self, exc_type, exc_value, exc_traceback, thread):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.thread = thread

    def __repr__(self):
        return "ExceptHookArgs(exc_type=%r, exc_value=%r, exc_traceback=%r, thread=%r)" % (
            self.exc_type, self.exc_value, self.exc_traceback, self.thread)


def excepthook(args):
    """Prints "Exception in thread NAME:" and the traceback as CPython's C hook
    does (no source lines for the program's own frames)."""
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else get_ident()
    text = "Exception in thread %s:\n" % name
    text += _looplab.thread_traceback(args.exc_value, type(args.thread).run is Thread.run)
    _sys.stderr.write(text)
    _sys.stderr.flush()


__excepthook__ = excepthook


class Thread:
    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += " (%s)" % target.__name__
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._tid = None
        self._done_lock = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        if self._is_stopped or (self._started.is_set() and not self.is_alive()):
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        _limbo[self] = self
        _looplab.thread_spawn(self._bootstrap, self._name)
        self._started.wait()

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        self._tid = _me()
        self._ident = get_ident()
        self._native_id = get_native_id()
        self._done_lock = Lock()
        self._done_lock.acquire()
        self._started.set()
        _active[self._ident] = self
        _by_tid[self._tid] = self
        del _limbo[self]
        try:
            try:
                self.run()
            except BaseException as exc:
                hook = excepthook
                try:
                    hook(ExceptHookArgs(type(exc), exc, exc.__traceback__, self))
                finally:
                    exc = None
        finally:
            _active.pop(self._ident, None)
            _by_tid.pop(self._tid, None)
            self._done_lock.release()

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            self._wait_done()
        else:
            self._wait_done(timeout=max(timeout, 0))

    def _wait_done(self, block=True, timeout=-1):
        lock = self._done_lock
        if lock is None or self._is_stopped:
            return
        if lock.acquire(block, timeout):
            lock.release()
            self._is_stopped = True

    def is_alive(self):
        if self._is_stopped or not self._started.is_set():
            return False
        self._wait_done(False)
        return not self._is_stopped

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        return self._native_id

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started.set()
        self._tid = 0
        self._ident = get_ident()
        self._native_id = get_native_id()
        _active[self._ident] = self
        _by_tid[0] = self


class _DummyThread(Thread):
    def __init__(self, name):
        Thread.__init__(self, name=name, daemon=True)
        self._started.set()

    def is_alive(self):
        return True

    def join(self, timeout=None):
        raise RuntimeError("cannot join a dummy thread")


class Timer(Thread):
    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


def current_thread():
    t = _me()
    if isinstance(t, str):
        d = _dummies.get(t)
        if d is None:
            d = _dummies[t] = _DummyThread(t)
        return d
    return _by_tid.get(t) or _main_thread


currentThread = current_thread


def main_thread():
    return _main_thread


def active_count():
    return len(_active) + len(_limbo)


activeCount = active_count


def enumerate():
    return list(_active.values()) + list(_limbo.values())


_threading_atexits = []


def _register_atexit(func, *arg, **kwargs):
    _threading_atexits.append(lambda: func(*arg, **kwargs))


def _shutdown():
    """At exit: the functions registered with _register_atexit (the thread
    pools' shutdown), then the main thread joins every non-daemon thread."""
    _main_thread._is_stopped = True
    _looplab.drain(None)  # the event loops' executor workers first
    for atexit_call in reversed(_threading_atexits):
        atexit_call()
    while True:
        left = [t for t in list(_active.values()) if t is not _main_thread and not t.daemon]
        if not left:
            return
        for t in left:
            t.join()


def _shutdown_process():
    """A child process's exit (multiprocessing): the functions registered
    with _register_atexit, then its non-daemon threads joined."""
    _main_thread._is_stopped = True
    for atexit_call in reversed(_threading_atexits):
        atexit_call()
    while True:
        left = [t for t in list(_active.values()) if t is not _main_thread and not t.daemon]
        if not left:
            return
        for t in left:
            t.join()


class local:
    """Attributes per thread: each thread sees its own (a subclass's __init__
    runs again, with the same arguments, the first time a thread uses it)."""

    def __new__(cls, *args, **kw):
        if (args or kw) and (cls.__init__ is object.__init__):
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, "_local__dicts", {get_ident(): {}})
        object.__setattr__(self, "_local__args", (args, kw))
        return self

    def _local__mine(self):
        dicts = self._local__dicts
        key = get_ident()
        mine = dicts.get(key)
        if mine is None:
            mine = dicts[key] = {}
            args, kw = self._local__args
            if type(self).__init__ is not object.__init__:
                type(self).__init__(self, *args, **kw)
        return mine

    def __getattr__(self, name):
        if name.startswith("_local__"):
            raise AttributeError(name)
        mine = self._local__mine()
        if name in mine:
            return mine[name]
        tname = "_thread._local" if type(self) is local else type(self).__name__
        raise AttributeError("'%s' object has no attribute '%s'" % (tname, name))

    def __setattr__(self, name, value):
        self._local__mine()[name] = value

    def __delattr__(self, name):
        mine = self._local__mine()
        if name not in mine:
            tname = "_thread._local" if type(self) is local else type(self).__name__
            raise AttributeError("'%s' object has no attribute '%s'" % (tname, name))
        del mine[name]


_main_thread = _MainThread()
