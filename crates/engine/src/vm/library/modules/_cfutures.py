"""concurrent.futures without asyncio: Future, wait, as_completed and the thread
pool that ThreadPoolExecutor.submit uses, over threading (so they run on
Looplab's deterministic thread scheduler). The structure follows CPython's
documented behaviour step for step where it decides which thread runs when:
a submit starts a worker thread while none is idle, each worker takes jobs
from one FIFO queue, a finished Future wakes its waiters in FIFO order."""

import _looplab
import queue
import threading
from collections import namedtuple

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"
_AS_COMPLETED = "_AS_COMPLETED"

PENDING = "PENDING"
RUNNING = "RUNNING"
CANCELLED = "CANCELLED"
CANCELLED_AND_NOTIFIED = "CANCELLED_AND_NOTIFIED"
FINISHED = "FINISHED"

_DESCRIPTION = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished",
}


class Error(Exception):
    pass


class CancelledError(Error):
    pass


class InvalidStateError(Error):
    pass


class BrokenExecutor(RuntimeError):
    pass


for _c in (Error, CancelledError, InvalidStateError, BrokenExecutor):
    _c.__module__ = "concurrent.futures._base"

TimeoutError = TimeoutError


def _monotonic():
    return _looplab.now_ns() / 1e9


class _Waiter:
    def __init__(self):
        self.event = threading.Event()
        self.finished_futures = []

    def add_result(self, future):
        self.finished_futures.append(future)

    def add_exception(self, future):
        self.finished_futures.append(future)

    def add_cancelled(self, future):
        self.finished_futures.append(future)


class _AsCompletedWaiter(_Waiter):
    def __init__(self):
        super().__init__()
        self.lock = threading.Lock()

    def add_result(self, future):
        with self.lock:
            super().add_result(future)
            self.event.set()

    def add_exception(self, future):
        with self.lock:
            super().add_exception(future)
            self.event.set()

    def add_cancelled(self, future):
        with self.lock:
            super().add_cancelled(future)
            self.event.set()


class _FirstCompletedWaiter(_Waiter):
    def add_result(self, future):
        super().add_result(future)
        self.event.set()

    def add_exception(self, future):
        super().add_exception(future)
        self.event.set()

    def add_cancelled(self, future):
        super().add_cancelled(future)
        self.event.set()


class _AllCompletedWaiter(_Waiter):
    def __init__(self, num_pending_calls, stop_on_exception):
        self.num_pending_calls = num_pending_calls
        self.stop_on_exception = stop_on_exception
        self.lock = threading.Lock()
        super().__init__()

    def _decrement_pending_calls(self):
        with self.lock:
            self.num_pending_calls -= 1
            if not self.num_pending_calls:
                self.event.set()

    def add_result(self, future):
        super().add_result(future)
        self._decrement_pending_calls()

    def add_exception(self, future):
        super().add_exception(future)
        if self.stop_on_exception:
            self.event.set()
        else:
            self._decrement_pending_calls()

    def add_cancelled(self, future):
        super().add_cancelled(future)
        self._decrement_pending_calls()


def _create_and_install_waiters(fs, return_when):
    if return_when == _AS_COMPLETED:
        waiter = _AsCompletedWaiter()
    elif return_when == FIRST_COMPLETED:
        waiter = _FirstCompletedWaiter()
    else:
        pending_count = sum(f._state not in [CANCELLED_AND_NOTIFIED, FINISHED] for f in fs)
        if return_when == FIRST_EXCEPTION:
            waiter = _AllCompletedWaiter(pending_count, stop_on_exception=True)
        elif return_when == ALL_COMPLETED:
            waiter = _AllCompletedWaiter(pending_count, stop_on_exception=False)
        else:
            raise ValueError("Invalid return condition: %r" % return_when)
    for f in fs:
        f._waiters.append(waiter)
    return waiter


def _yield_finished_futures(fs, waiter, ref_collect):
    while fs:
        f = fs[-1]
        for futures_set in ref_collect:
            futures_set.remove(f)
        with f._condition:
            f._waiters.remove(waiter)
        del f
        yield fs.pop()


def as_completed(fs, timeout=None):
    if timeout is not None:
        end_time = timeout + _monotonic()
    fs = set(fs)
    total_futures = len(fs)
    finished = set(f for f in fs if f._state in [CANCELLED_AND_NOTIFIED, FINISHED])
    pending = fs - finished
    waiter = _create_and_install_waiters(fs, _AS_COMPLETED)
    finished = list(finished)
    try:
        yield from _yield_finished_futures(finished, waiter, ref_collect=(fs,))
        while pending:
            if timeout is None:
                wait_timeout = None
            else:
                wait_timeout = end_time - _monotonic()
                if wait_timeout < 0:
                    raise TimeoutError("%d (of %d) futures unfinished" % (len(pending), total_futures))
            waiter.event.wait(wait_timeout)
            with waiter.lock:
                finished = waiter.finished_futures
                waiter.finished_futures = []
                waiter.event.clear()
            finished.reverse()
            yield from _yield_finished_futures(finished, waiter, ref_collect=(fs, pending))
    finally:
        for f in fs:
            with f._condition:
                f._waiters.remove(waiter)


DoneAndNotDoneFutures = namedtuple("DoneAndNotDoneFutures", "done not_done")
DoneAndNotDoneFutures.__module__ = "concurrent.futures._base"


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = set(fs)
    done = set(f for f in fs if f._state in [CANCELLED_AND_NOTIFIED, FINISHED])
    not_done = fs - done
    if (return_when == FIRST_COMPLETED) and done:
        return DoneAndNotDoneFutures(done, not_done)
    elif (return_when == FIRST_EXCEPTION) and done:
        if any(f for f in done if not f.cancelled() and f.exception() is not None):
            return DoneAndNotDoneFutures(done, not_done)
    if len(done) == len(fs):
        return DoneAndNotDoneFutures(done, not_done)
    waiter = _create_and_install_waiters(fs, return_when)
    waiter.event.wait(timeout)
    for f in fs:
        with f._condition:
            f._waiters.remove(waiter)
    done.update(waiter.finished_futures)
    return DoneAndNotDoneFutures(done, fs - done)


class Future:
    """concurrent.futures.Future: a result that another thread sets."""

    def __init__(self):
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            callback(self)

    def __repr__(self):
        name = type(self).__name__
        if self._state == FINISHED:
            if self._exception:
                return "<%s at %s state=%s raised %s>" % (
                    name, hex(id(self)), _DESCRIPTION[self._state], type(self._exception).__name__)
            return "<%s at %s state=%s returned %s>" % (
                name, hex(id(self)), _DESCRIPTION[self._state], type(self._result).__name__)
        return "<%s at %s state=%s>" % (name, hex(id(self)), _DESCRIPTION[self._state])

    def cancel(self):
        with self._condition:
            if self._state in [RUNNING, FINISHED]:
                return False
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                return True
            self._state = CANCELLED
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        return self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]

    def running(self):
        return self._state == RUNNING

    def done(self):
        return self._state in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]

    def _get_result(self):
        if self._exception:
            raise self._exception
        return self._result

    def add_done_callback(self, fn):
        with self._condition:
            if self._state not in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]:
                self._done_callbacks.append(fn)
                return
        fn(self)

    def result(self, timeout=None):
        with self._condition:
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == FINISHED:
                return self._get_result()
            self._condition.wait(timeout)
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == FINISHED:
                return self._get_result()
            raise TimeoutError()

    def exception(self, timeout=None):
        with self._condition:
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == FINISHED:
                return self._exception
            self._condition.wait(timeout)
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == FINISHED:
                return self._exception
            raise TimeoutError()

    def set_running_or_notify_cancel(self):
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter.add_cancelled(self)
                return False
            elif self._state == PENDING:
                self._state = RUNNING
                return True
            raise RuntimeError("Future in unexpected state")

    def set_result(self, result):
        with self._condition:
            if self._state in {CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED}:
                raise InvalidStateError("{}: {!r}".format(self._state, self))
            self._result = result
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_result(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_exception(self, exception):
        with self._condition:
            if self._state in {CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED}:
                raise InvalidStateError("{}: {!r}".format(self._state, self))
            self._exception = exception
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_exception(self)
            self._condition.notify_all()
        self._invoke_callbacks()


Future.__module__ = "concurrent.futures._base"


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            self = None
        else:
            self.future.set_result(result)


_shutdown = [False]
_global_shutdown_lock = threading.Lock()
_threads_queues = {}


def _python_exit():
    with _global_shutdown_lock:
        _shutdown[0] = True
    items = list(_threads_queues.items())
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()


threading._register_atexit(_python_exit)


def _worker(executor, work_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            executor._broken = "A thread initializer failed, the thread pool is not usable anymore"
            return
    while True:
        work_item = work_queue.get(block=True)
        if work_item is not None:
            work_item.run()
            del work_item
            executor._pool_idle.release()
            continue
        if _shutdown[0] or executor._shutdown:
            executor._shutdown = True
            work_queue.put(None)
            return


# ThreadPoolExecutor's own thread pool (submit and map; the event loop's
# run_in_executor has its own deterministic workers): functions of the
# executor, which asyncio's ThreadPoolExecutor calls on first use.


def _pool_init(self):
    self._work_queue = queue.SimpleQueue()
    self._pool_idle = threading.Semaphore(0)
    self._threads = []
    self._broken = False
    self._shutdown_lock = threading.Lock()

def pool_submit(self, fn, args, kwargs):
    if not hasattr(self, "_work_queue"):
        _pool_init(self)
    with self._shutdown_lock, _global_shutdown_lock:
        if self._broken:
            raise BrokenExecutor(self._broken)
        if self._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        if _shutdown[0]:
            raise RuntimeError("cannot schedule new futures after interpreter shutdown")
        f = Future()
        w = _WorkItem(f, fn, args, kwargs)
        self._work_queue.put(w)
        _adjust_thread_count(self)
        return f


def _adjust_thread_count(self):
    if self._pool_idle.acquire(timeout=0):
        return
    num_threads = len(self._threads)
    if num_threads < self._max_workers:
        thread_name = "%s_%d" % (self._thread_name_prefix, num_threads)
        t = threading.Thread(
            name=thread_name,
            target=_worker,
            args=(self, self._work_queue, self._initializer, self._initargs),
        )
        t.start()
        self._threads.append(t)
        _threads_queues[t] = self._work_queue

def pool_map(self, fn, iterables, timeout):
    if timeout is not None:
        end_time = timeout + _monotonic()
    fs = [self.submit(fn, *args) for args in zip(*iterables)]

    def result_iterator():
        try:
            fs.reverse()
            while fs:
                if timeout is None:
                    yield _result_or_cancel(fs.pop())
                else:
                    yield _result_or_cancel(fs.pop(), end_time - _monotonic())
        finally:
            for future in fs:
                future.cancel()

    return result_iterator()

def pool_shutdown(self, wait, cancel_futures):
    if not hasattr(self, "_work_queue"):
        return
    with self._shutdown_lock:
        if cancel_futures:
            while True:
                try:
                    work_item = self._work_queue.get_nowait()
                except queue.Empty:
                    break
                if work_item is not None:
                    work_item.future.cancel()
        self._work_queue.put(None)
    if wait:
        for t in self._threads:
            t.join()


def _result_or_cancel(fut, timeout=None):
    try:
        return fut.result(timeout)
    finally:
        fut.cancel()


class BrokenProcessPool(BrokenExecutor):
    __module__ = "concurrent.futures.process"


class ProcessPoolExecutor:
    """concurrent.futures.ProcessPoolExecutor over multiprocessing's model of
    processes: a submit starts a worker process (SpawnProcess-N) while none is
    idle and fewer than max_workers run (as CPython's with spawn: a worker
    counts as idle once per result it sent back, and a submit does not wait
    for the worker it starts); a handler thread in the parent sets each
    Future when its result comes back (copied as pickling would)."""
    __module__ = "concurrent.futures.process"


    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *,
                 max_tasks_per_child=None):
        import multiprocessing
        import os

        if max_workers is None:
            max_workers = os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
        self._max_workers = max_workers
        self._mp = multiprocessing
        self._futures = {}
        self._next_id = 0
        self._idle = 0
        self._shutdown_thread = False
        self._shutdown_lock = threading.Lock()
        self._workers = multiprocessing._Workers(
            max_workers, lambda n: n, initializer, initargs,
            multiprocessing.SpawnProcess, False, self._on_result)
        self._workers.handler_name = threading._newname()

    @property
    def _processes(self):
        return {p.pid: p for p in self._workers.procs}

    def _on_result(self, job, index, ok, value):
        self._idle += 1
        fut = self._futures.pop(job, None)
        if fut is None:
            return
        if ok:
            fut.set_result(value)
        else:
            exc, text = value
            fut.set_exception(self._mp._rebuild_exc(exc, text, False))

    def _submit(self, kind, fn, args, kwargs):
        with self._shutdown_lock:
            if self._shutdown_thread:
                raise RuntimeError("cannot schedule new futures after shutdown")
            fut = Future()
            job = self._next_id
            self._next_id += 1
            task = (job, 0, kind, fn, args, kwargs)
            tree = self._mp._dumps(task)
            workers = self._workers
            if self._idle:
                self._idle -= 1
            elif len(workers.procs) < self._max_workers:
                workers.add(wait=False)
            self._futures[job] = fut
            fut.set_running_or_notify_cancel()
            self._mp._Channel.put(workers.tasks, tree)
            return fut

    def submit(self, fn, /, *args, **kwargs):
        return self._submit("call", fn, args, kwargs)

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        items = list(zip(*iterables))
        chunks = [items[i:i + chunksize] for i in range(0, len(items), chunksize)]
        if timeout is not None:
            end_time = timeout + _monotonic()
        fs = [self._submit("chunk", fn, chunk, None) for chunk in chunks]

        def result_iterator():
            try:
                fs.reverse()
                while fs:
                    if timeout is None:
                        part = _result_or_cancel(fs.pop())
                    else:
                        part = _result_or_cancel(fs.pop(), end_time - _monotonic())
                    for x in part:
                        yield x
            finally:
                for future in fs:
                    future.cancel()

        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            if self._shutdown_thread:
                return
            self._shutdown_thread = True
        if cancel_futures:
            self._workers.tasks[0].clear()
            for job, fut in list(self._futures.items()):
                if not fut.done() and fut._state == RUNNING:
                    fut._state = PENDING
                    fut.cancel()
        if wait:
            for fut in list(self._futures.values()):
                fut.exception()
        self._workers.stop(wait)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


