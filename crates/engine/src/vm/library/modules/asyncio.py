"""Looplab's asyncio: CPython 3.11's Lib/asyncio, rewritten on Looplab's loop core.

The Future/Task state machines, the ready deque, the timer heap, the virtual
clock and the worker threads live in Rust (crates/engine/src/aio) and are
reached through the native module `_looplab`. This module mirrors the rest of
asyncio in Python, function by function, in the order of operations of
CPython 3.11 (tasks.py, locks.py, queues.py, timeouts.py, taskgroups.py,
runners.py, base_events.py, events.py), so that interleavings match.

Natives used (all in `_looplab`):
  Future, Task                      native classes (tasks are futures)
  create_future(label)              loop.create_future(), labelled for the trace
  create_task(coro, name)           Task(coro); schedules its first step
  current_task(), all_tasks()       the running task; pending tasks in creation order
  call_soon(cb, args) -> id         ready deque
  call_at(when_ns, cb, args) -> id  timer heap (ordered by deadline, then creation)
  cancel_handle(id)                 handle.cancel()
  now_ns(), ns(seconds)             virtual clock; seconds -> ns (round half-even)
  run_forever()                     run _run_once until stop() takes effect
  stop()                            loop.stop()
  add_stop_callback(fut)            run_until_complete's _run_until_complete_cb
  remove_stop_callback(fut)
  label(fut, label, until_ns)       trace: what a future stands for
  sleep_future(delay, result)       sleep's future + _set_result_unless_cancelled timer
  make_gathering(outer, children)   outer.cancel() cancels children (_GatheringFuture)
  gather_cancel_requested(outer)    _GatheringFuture._cancel_requested
  set_log_destroy_pending(task, b)  task._log_destroy_pending = b
  iscoroutine(x), isfuture(x)
  new_executor(max_workers, prefix) ThreadPoolExecutor: returns its id (`_id`)
  submit(executor, fn, args)        run_in_executor: returns an asyncio Future
  shutdown_executor(executor, fut)  fut gets None once the executor is idle
  drain(executor)                   executor.shutdown(wait=True) on the main thread
  clear_loop()                      loop.close(): drop ready handles and timers
  report(message, exc)              loop.call_exception_handler (stderr + trace)
"""

import _looplab
import sys as _sys
import heapq as _heapq

# --------------------------------------------------------------- exceptions


class CancelledError(BaseException):
    pass


class InvalidStateError(Exception):
    pass


class QueueEmpty(Exception):
    pass


class QueueFull(Exception):
    pass


CancelledError.__module__ = "asyncio.exceptions"
InvalidStateError.__module__ = "asyncio.exceptions"
QueueEmpty.__module__ = "asyncio.queues"
QueueFull.__module__ = "asyncio.queues"

# asyncio.TimeoutError is the builtin since 3.11.
TimeoutError = TimeoutError

# CPython's asyncio is a package; two of its submodules are named in
# tracebacks (`raise exceptions.TimeoutError()`), so they exist here too.
exceptions = type(_sys)("asyncio.exceptions")
exceptions.CancelledError = CancelledError
exceptions.InvalidStateError = InvalidStateError
exceptions.TimeoutError = TimeoutError

_looplab.register_exceptions(CancelledError, InvalidStateError)

Future = _looplab.Future
Task = _looplab.Task


def _future_await(self):
    # Future.__await__: a done future returns at once, without yielding.
    if not self.done():
        self._asyncio_future_blocking = True
        yield self  #@ hidden
    if not self.done():
        raise RuntimeError("await wasn't used with future")  #@ hidden
    return self.result()  #@ hidden


Future.__await__ = _future_await
Future.__iter__ = _future_await


class _Sleep0:
    """The awaitable behind sleep(0): one bare yield (tasks.__sleep0)."""

    def __await__(self):
        yield


_SLEEP0 = _Sleep0()

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"


def iscoroutine(obj):
    return _looplab.iscoroutine(obj)


def iscoroutinefunction(func):
    return _looplab.iscoroutinefunction(func)


def isfuture(obj):
    return _looplab.isfuture(obj)


def _set_result_unless_cancelled(fut, result):
    if fut.cancelled():
        return
    fut.set_result(result)


class _OrderedSet:
    """The sets asyncio returns (all_tasks(), wait()'s done/pending): they
    iterate in insertion order. CPython iterates them by memory address,
    which nothing can reproduce; the oracle fixes the same orders (see the
    header of tools/oracle.py). Set operations return plain sets."""

    def __init__(self, items=()):
        self._order = {}
        for item in items:
            self._order[item] = None

    def add(self, item):
        self._order[item] = None

    def discard(self, item):
        if item in self._order:
            del self._order[item]

    def remove(self, item):
        if item not in self._order:
            raise KeyError(item)
        del self._order[item]

    def pop(self):
        if not self._order:
            raise KeyError("pop from an empty set")
        for item in self._order:
            del self._order[item]
            return item

    def clear(self):
        self._order.clear()

    def copy(self):
        return _OrderedSet(self._order)

    def __iter__(self):
        return iter(list(self._order))

    def __len__(self):
        return len(self._order)

    def __bool__(self):
        return len(self._order) > 0

    def __contains__(self, item):
        return item in self._order

    def __repr__(self):
        if not self._order:
            return "set()"
        return "{" + ", ".join(repr(x) for x in self._order) + "}"

    def _plain(self):
        return set(self._order)

    def __eq__(self, other):
        if isinstance(other, _OrderedSet):
            other = other._plain()
        return self._plain() == other

    def __sub__(self, other):
        return self._plain() - set(other)

    def __or__(self, other):
        return self._plain() | set(other)

    def __and__(self, other):
        return self._plain() & set(other)

    def __xor__(self, other):
        return self._plain() ^ set(other)

    def union(self, *others):
        r = self._plain()
        for o in others:
            r = r | set(o)
        return r

    def difference(self, *others):
        r = self._plain()
        for o in others:
            r = r - set(o)
        return r

    def intersection(self, *others):
        r = self._plain()
        for o in others:
            r = r & set(o)
        return r

    def issubset(self, other):
        return self._plain() <= set(other)

    def issuperset(self, other):
        return self._plain() >= set(other)


# ------------------------------------------------------------------- events


class Handle:
    def __init__(self, hid, callback, args, loop):
        self._id = hid
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            _looplab.cancel_handle(self._id)
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def get_context(self):
        return None

    def __repr__(self):
        info = [type(self).__name__]
        if self._cancelled:
            info.append("cancelled")
        if self._callback is not None:
            info.append(_format_callback(self._callback, self._args))
        return "<" + " ".join(info) + ">"


class TimerHandle(Handle):
    def __init__(self, hid, when_ns, callback, args, loop):
        Handle.__init__(self, hid, callback, args, loop)
        self._when_ns = when_ns
        self._when = when_ns / 1e9

    def when(self):
        return self._when

    def __repr__(self):
        info = [type(self).__name__]
        if self._cancelled:
            info.append("cancelled")
        info.append("when=" + repr(self._when))
        if self._callback is not None:
            info.append(_format_callback(self._callback, self._args))
        return "<" + " ".join(info) + ">"


def _format_callback(callback, args):
    name = getattr(callback, "__qualname__", None) or getattr(callback, "__name__", None)
    if name is None:
        name = repr(callback)
    return name + "(" + ", ".join(repr(a) for a in (args or ())) + ")"


Handle.__module__ = "asyncio.events"
TimerHandle.__module__ = "asyncio.events"


class _RunningLoop:
    loop = None


_running = _RunningLoop()


class _Policy:
    loop = None
    set_called = False


_policy = _Policy()


def get_running_loop():
    loop = _running.loop
    if loop is None:
        raise RuntimeError("no running event loop")  #@ hidden
    return loop


def _get_running_loop():
    return _running.loop


def _set_running_loop(loop):
    _running.loop = loop
    _running.process = _looplab.process_current()


def _check_no_running_loop(what):
    if _running.loop is None:
        return
    if getattr(_running, "process", 0) != _looplab.process_current():
        # multiprocessing's model shares the one event loop core between processes.
        raise RuntimeError(
            "Looplab: an event loop in a process while another process runs one "
            "is not supported yet (the model of processes has one event loop core, #15)")
    raise RuntimeError(what + " cannot be called from a running event loop")


def _get_event_loop(stacklevel=3):
    current_loop = _running.loop
    if current_loop is not None:
        return current_loop
    if _policy.loop is None and not _policy.set_called:
        set_event_loop(new_event_loop())
    if _policy.loop is None:
        raise RuntimeError("There is no current event loop in thread 'MainThread'.")
    return _policy.loop


events = type(_sys)("asyncio.events")


def get_event_loop():
    return _get_event_loop()


def set_event_loop(loop):
    _policy.set_called = True
    if loop is not None and not isinstance(loop, AbstractEventLoop):
        raise TypeError(
            "loop must be an instance of AbstractEventLoop or None, not '"
            + type(loop).__name__
            + "'"
        )
    _policy.loop = loop


def new_event_loop():
    return SelectorEventLoop()


events.get_running_loop = get_running_loop
events.get_event_loop = get_event_loop
events.set_event_loop = set_event_loop
events.new_event_loop = new_event_loop


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    fut.get_loop().stop()


class AbstractEventLoop:
    pass


class BaseEventLoop(AbstractEventLoop):
    def __init__(self):
        _looplab.bind_loop(self)
        self._closed = False
        self._running = False
        self._stopping = False
        self._debug = False
        self._exception_handler = None
        # Made on first use, as in CPython.
        self._default_executor = None
        self._executor_shutdown_called = False
        self._asyncgens_shutdown_called = False
        # Async generators first iterated while this loop ran, for
        # shutdown_asyncgens (CPython keeps a WeakSet; the oracle fixes the
        # closing order to first-iteration order, so a list it is).
        self._asyncgens = []

    def __repr__(self):
        return (
            "<"
            + type(self).__name__
            + " running="
            + repr(self.is_running())
            + " closed="
            + repr(self.is_closed())
            + " debug="
            + repr(self._debug)
            + ">"
        )

    def time(self):
        return _looplab.now_ns() / 1e9

    def _check_closed(self):
        if self._closed:
            raise RuntimeError("Event loop is closed")

    def _check_running(self):
        if self.is_running():
            raise RuntimeError("This event loop is already running")
        if _running.loop is not None:
            raise RuntimeError("Cannot run the event loop while another loop is running")

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled

    def create_future(self):
        return _looplab.create_future("future")

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        return _looplab.create_task(coro, None if name is None else str(name))

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        return Handle(_looplab.call_soon(callback, args), callback, args, self)

    def call_soon_threadsafe(self, callback, *args, context=None):
        handle = self.call_soon(callback, *args)
        _looplab.wake_loop()
        return handle

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError("delay must not be None")
        when_ns = _looplab.now_ns() + _looplab.ns(delay)
        return self._call_at_ns(when_ns, callback, args)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        return self._call_at_ns(_looplab.ns(when), callback, args)

    def _call_at_ns(self, when_ns, callback, args):
        self._check_closed()
        hid = _looplab.call_at(when_ns, callback, args)
        return TimerHandle(hid, when_ns, callback, args, self)

    def _asyncgen_firstiter_hook(self, agen):
        if agen not in self._asyncgens:
            self._asyncgens.append(agen)

    def run_forever(self):
        self._check_closed()
        self._check_running()
        old_agen_hooks = _sys.get_asyncgen_hooks()
        try:
            self._running = True
            _set_running_loop(self)
            _sys.set_asyncgen_hooks(firstiter=self._asyncgen_firstiter_hook)
            # A SystemExit raised in a task leaves the loop at once.
            exiting = _looplab.run_forever()
            if exiting is not None:
                raise exiting  #@ hidden
        finally:
            self._stopping = False
            self._running = False
            _set_running_loop(None)
            _sys.set_asyncgen_hooks(*old_agen_hooks)

    def run_until_complete(self, future):
        self._check_closed()
        self._check_running()
        new_task = not isfuture(future)
        future = ensure_future(future, loop=self)
        if new_task:
            _looplab.set_log_destroy_pending(future, False)
        _looplab.add_stop_callback(future)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            _looplab.remove_stop_callback(future)
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()  #@ asyncio/base_events.py:653

    def stop(self):
        self._stopping = True
        _looplab.stop()

    def close(self):
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        _looplab.clear_loop()
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)

    async def shutdown_asyncgens(self):
        self._asyncgens_shutdown_called = True
        if not self._asyncgens:
            return
        closing_agens = list(self._asyncgens)
        self._asyncgens.clear()
        results = await gather(
            *[ag.aclose() for ag in closing_agens], return_exceptions=True
        )
        for result, agen in zip(results, closing_agens):
            if isinstance(result, Exception):
                self.call_exception_handler(
                    {
                        "message": "an error occurred during closing of "
                        + "asynchronous generator "
                        + repr(agen),
                        "exception": result,
                        "asyncgen": agen,
                    }
                )

    async def shutdown_default_executor(self):
        self._executor_shutdown_called = True
        if self._default_executor is None:
            return
        future = _looplab.create_future("executor shutdown")
        executor = self._default_executor
        executor._shutdown = True
        _looplab.shutdown_executor(executor, future)
        await future

    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        if executor is None:
            executor = self._default_executor
            if self._executor_shutdown_called:
                raise RuntimeError("Executor shutdown has been called")
            if executor is None:
                executor = ThreadPoolExecutor(thread_name_prefix="asyncio", _default=True)
                self._default_executor = executor
        if not isinstance(executor, ThreadPoolExecutor):
            # ProcessPoolExecutor (or any concurrent.futures executor).
            return wrap_future(executor.submit(func, *args), loop=self)
        if executor._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        return _looplab.submit(executor, func, args)

    def set_default_executor(self, executor):
        self._default_executor = executor

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        self._exception_handler = handler

    def default_exception_handler(self, context):
        message = context.get("message") or "Unhandled exception in event loop"
        _looplab.report(message, context.get("exception"), context)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            self.default_exception_handler(context)
        else:
            self._exception_handler(self, context)


class SelectorEventLoop(BaseEventLoop):
    pass


BaseEventLoop.__module__ = "asyncio.base_events"
SelectorEventLoop.__name__ = "_UnixSelectorEventLoop"
SelectorEventLoop.__qualname__ = "_UnixSelectorEventLoop"
SelectorEventLoop.__module__ = "asyncio.unix_events"
AbstractEventLoop.__module__ = "asyncio.events"


# --------------------------------------------------------- worker threads


def wrap_future(future, *, loop=None):
    """An asyncio future that follows a concurrent.futures.Future (set from
    the loop, through call_soon_threadsafe, when the other one is done)."""
    if isfuture(future):
        return future
    if loop is None:
        loop = get_event_loop()
    new_future = loop.create_future()

    def _copy(source):
        if new_future.done():
            return
        if source.cancelled():
            new_future.cancel()
            return
        exc = source.exception()
        if exc is not None:
            new_future.set_exception(exc)
        else:
            new_future.set_result(source.result())

    future.add_done_callback(lambda f: loop.call_soon_threadsafe(_copy, f))
    return new_future


class ThreadPoolExecutor:
    """concurrent.futures.ThreadPoolExecutor: submit/map run jobs on threads
    (`_cfutures`); loop.run_in_executor runs them on the loop's deterministic
    workers (`_looplab.submit`)."""

    _counter = [0]

    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=(), _default=False):
        if max_workers is None:
            max_workers = 8
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._shutdown = False
        self._initializer = initializer
        self._initargs = initargs
        if _default:
            thread_name_prefix = "asyncio"
        elif not thread_name_prefix:
            thread_name_prefix = "ThreadPoolExecutor-" + str(ThreadPoolExecutor._counter[0])
            ThreadPoolExecutor._counter[0] += 1
        self._thread_name_prefix = thread_name_prefix
        self._id = _looplab.new_executor(max_workers, thread_name_prefix)

    def submit(self, fn, /, *args, **kwargs):
        import _cfutures

        return _cfutures.pool_submit(self, fn, args, kwargs)

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        import _cfutures

        return _cfutures.pool_map(self, fn, iterables, timeout)

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
        if hasattr(self, "_work_queue"):
            import _cfutures

            _cfutures.pool_shutdown(self, wait, cancel_futures)
        if wait:
            _looplab.drain(self)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


ThreadPoolExecutor.__module__ = "concurrent.futures.thread"


async def to_thread(func, *args, **kwargs):
    loop = get_running_loop()
    if kwargs:

        def func_call():
            return func(*args, **kwargs)

        func_call.__name__ = getattr(func, "__name__", "func_call")
        return await loop.run_in_executor(None, func_call)
    return await loop.run_in_executor(None, func, *args)


# -------------------------------------------------------------------- tasks


def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return _looplab.current_task()


def all_tasks(loop=None):
    if loop is None:
        loop = get_running_loop()
    return _OrderedSet(_looplab.all_tasks())


def _set_task_name(task, name):
    if name is not None:
        task.set_name(name)


def create_task(coro, *, name=None, context=None):
    loop = events.get_running_loop()  #@ asyncio/tasks.py:381
    task = loop.create_task(coro)
    _set_task_name(task, name)
    return task


def ensure_future(coro_or_future, *, loop=None):
    return _ensure_future(coro_or_future, loop=loop)


def _ensure_future(coro_or_future, *, loop=None):
    if isfuture(coro_or_future):
        return coro_or_future
    called_wrap_awaitable = False
    if not iscoroutine(coro_or_future):
        if hasattr(coro_or_future, "__await__"):
            coro_or_future = _wrap_awaitable(coro_or_future)
            called_wrap_awaitable = True
        else:
            raise TypeError('An asyncio.Future, a coroutine or an awaitable '  #@ asyncio/tasks.py:674
                            'is required')
    if loop is None:
        loop = _get_event_loop(stacklevel=4)
    try:
        return loop.create_task(coro_or_future)
    except RuntimeError:
        if not called_wrap_awaitable:
            coro_or_future.close()
        raise


async def _wrap_awaitable(awaitable):
    return await awaitable


async def sleep(delay, result=None):  #@ asyncio/tasks.py:637
    if delay <= 0:
        await _SLEEP0
        return result
    get_running_loop()
    # loop.create_future() + loop.call_later(delay,
    # _set_result_unless_cancelled, future, result), in one native call.
    future, h = _looplab.sleep_future(delay, result)
    try:
        return await future  #@ asyncio/tasks.py:649
    finally:
        _looplab.cancel_handle(h)


def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        loop = _get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    nfuts = 0
    nfinished = 0
    children = []
    outer = None
    loop = None

    def _done_callback(fut):
        nonlocal nfinished
        nfinished += 1

        if outer is None or outer.done():
            if not fut.cancelled():
                # Mark exception retrieved.
                fut.exception()
            return

        if not return_exceptions:
            if fut.cancelled():
                exc = fut._make_cancelled_error()
                outer.set_exception(exc)
                return
            else:
                exc = fut.exception()
                if exc is not None:
                    outer.set_exception(exc)
                    return

        if nfinished == nfuts:
            results = []
            for fut in children:
                if fut.cancelled():
                    res = CancelledError("" if fut._cancel_message is None else fut._cancel_message)
                else:
                    res = fut.exception()
                    if res is None:
                        res = fut.result()
                results.append(res)

            if _looplab.gather_cancel_requested(outer):
                exc = fut._make_cancelled_error()
                outer.set_exception(exc)
            else:
                outer.set_result(results)

    arg_to_fut = {}
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = _ensure_future(arg, loop=loop)  #@ asyncio/tasks.py:827
            if loop is None:
                loop = fut.get_loop()
            if fut is not arg:
                _looplab.set_log_destroy_pending(fut, False)
            nfuts += 1
            arg_to_fut[arg] = fut
            fut.add_done_callback(_done_callback)
        else:
            fut = arg_to_fut[arg]
        children.append(fut)

    outer = _looplab.create_future("gather")
    _looplab.make_gathering(outer, children)
    return outer


def shield(arg):
    inner = _ensure_future(arg)
    if inner.done():
        return inner
    outer = _looplab.create_future("shield")

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def wait_for(fut, timeout):
    loop = get_running_loop()

    if timeout is None:
        return await fut

    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()  #@ asyncio/tasks.py:462
        except CancelledError as exc:
            raise exceptions.TimeoutError() from exc  #@ asyncio/tasks.py:464

    waiter = _looplab.create_future("wait_for")
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)

    def cb(f):
        _release_waiter(waiter, f)

    cb.__name__ = "_release_waiter"
    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)

    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            else:
                fut.remove_done_callback(cb)
                await _cancel_and_wait(fut, loop=loop)
                raise

        if fut.done():
            return fut.result()
        else:
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut, loop=loop)
            try:
                return fut.result()  #@ asyncio/tasks.py:500
            except CancelledError as exc:
                raise exceptions.TimeoutError() from exc  #@ asyncio/tasks.py:502
    finally:
        timeout_handle.cancel()


async def _cancel_and_wait(fut, loop):
    waiter = _looplab.create_future("cancel")

    def cb(f):
        _release_waiter(waiter, f)

    cb.__name__ = "_release_waiter"
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError("expect a list of futures, not " + type(fs).__name__)
    if not fs:
        raise ValueError("Set of Tasks/Futures is empty.")  #@ asyncio/tasks.py:418
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError("Invalid return_when value: " + str(return_when))
    fs = _unique(fs)
    for f in fs:
        if iscoroutine(f):
            raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    loop = get_running_loop()
    return await _wait(fs, timeout, return_when, loop)


def _unique(fs):
    seen = {}
    for f in fs:
        seen[f] = None
    return list(seen)


async def _wait(fs, timeout, return_when, loop):
    waiter = _looplab.create_future("wait")
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (
            counter <= 0
            or return_when == FIRST_COMPLETED
            or (return_when == FIRST_EXCEPTION and (not f.cancelled() and f.exception() is not None))
        ):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)

    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)

    done, pending = _OrderedSet(), _OrderedSet()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


def as_completed(fs, *, timeout=None):
    # A generator, like CPython's: nothing happens until the first next().
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError("expect an iterable of futures, not " + type(fs).__name__)
    done = Queue()
    loop = _get_event_loop()
    todo = {}
    for f in _unique(fs):
        todo[ensure_future(f, loop=loop)] = None
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)
        todo.clear()

    def _on_completion(f):
        if not todo:
            return
        del todo[f]
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


class _ConcurrentFuture:
    """The concurrent.futures.Future run_coroutine_threadsafe returns (minimal:
    no blocking result(); Looplab's threads cannot wait on the loop)."""

    def __init__(self):
        self._state = "PENDING"
        self._result = None
        self._exception = None

    def done(self):
        return self._state != "PENDING"

    def cancelled(self):
        return self._state == "CANCELLED"

    def result(self, timeout=None):
        if self._state == "CANCELLED":
            raise CancelledError()
        if self._state == "PENDING":
            raise RuntimeError("Looplab: waiting on a concurrent future is not supported")
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self, timeout=None):
        self.result()
        return self._exception


def _copy_state_to_concurrent(source, dest):
    if source.cancelled():
        dest._state = "CANCELLED"
        return
    exc = source.exception()
    if exc is not None:
        dest._exception = exc
    else:
        dest._result = source.result()
    dest._state = "FINISHED"


def _set_concurrent_state(concurrent, source):
    if source.cancelled():
        concurrent.cancel()
    if not concurrent.set_running_or_notify_cancel():
        return
    exception = source.exception()
    if exception is not None:
        concurrent.set_exception(exception)
    else:
        concurrent.set_result(source.result())


def run_coroutine_threadsafe(coro, loop):
    if not iscoroutine(coro):
        raise TypeError("A coroutine object is required")
    import _cfutures

    future = _cfutures.Future()

    def callback():
        try:
            source = ensure_future(coro, loop=loop)

            def _call_set_state(src):
                if future.cancelled():
                    return
                _set_concurrent_state(future, src)

            source.add_done_callback(_call_set_state)
        except BaseException as exc:
            if future.set_running_or_notify_cancel():
                future.set_exception(exc)
            raise

    loop.call_soon_threadsafe(callback)
    return future


# -------------------------------------------------------------------- locks


class _ContextManagerMixin:
    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class _LoopBoundMixin:
    _loop = None

    def _get_loop(self):
        loop = _get_running_loop()
        if self._loop is None:
            self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(repr(self) + " is bound to a different event loop")
        return loop


def _object_repr(obj):
    cls = type(obj)
    return "<" + cls.__module__ + "." + cls.__qualname__ + " object at " + hex(id(obj)) + ">"


class Lock(_ContextManagerMixin, _LoopBoundMixin):
    def __init__(self):
        self._waiters = None
        self._locked = False

    def __repr__(self):
        res = _object_repr(self)
        extra = "locked" if self._locked else "unlocked"
        if self._waiters:
            extra = extra + ", waiters:" + str(len(self._waiters))
        return "<" + res[1:-1] + " [" + extra + "]>"

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and (self._waiters is None or all(w.cancelled() for w in self._waiters)):
            self._locked = True
            return True

        if self._waiters is None:
            self._waiters = []
        self._get_loop()
        fut = _looplab.create_future("lock")
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            raise

        self._locked = True
        return True

    def release(self):
        if self._locked:
            self._locked = False
            self._wake_up_first()
        else:
            raise RuntimeError('Lock is not acquired.')  #@ asyncio/locks.py:140

    def _wake_up_first(self):
        if not self._waiters:
            return
        fut = self._waiters[0]
        if not fut.done():
            fut.set_result(True)


class Event(_LoopBoundMixin):
    # What a waiter's future is called in the trace (a Queue's join() waits
    # on an Event of its own, and says so).
    _wait_label = "event.wait"

    def __init__(self):
        self._waiters = []
        self._value = False

    def __repr__(self):
        res = _object_repr(self)
        extra = "set" if self._value else "unset"
        if self._waiters:
            extra = extra + ", waiters:" + str(len(self._waiters))
        return "<" + res[1:-1] + " [" + extra + "]>"

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        self._get_loop()
        fut = _looplab.create_future(self._wait_label)
        self._waiters.append(fut)
        try:
            await fut  #@ asyncio/locks.py:213
            return True
        finally:
            self._waiters.remove(fut)


class Condition(_ContextManagerMixin, _LoopBoundMixin):
    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []

    def __repr__(self):
        res = _object_repr(self)
        extra = "locked" if self.locked() else "unlocked"
        if self._waiters:
            extra = extra + ", waiters:" + str(len(self._waiters))
        return "<" + res[1:-1] + " [" + extra + "]>"

    async def wait(self):
        if not self.locked():
            raise RuntimeError("cannot wait on un-acquired lock")
        self.release()
        try:
            self._get_loop()
            fut = _looplab.create_future("condition.wait")
            self._waiters.append(fut)
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            cancelled = False
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    cancelled = True
            if cancelled:
                raise CancelledError

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError("cannot notify on un-acquired lock")
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore(_ContextManagerMixin, _LoopBoundMixin):
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._waiters = None
        self._value = value

    def __repr__(self):
        res = _object_repr(self)
        extra = "locked" if self.locked() else "unlocked, value:" + str(self._value)
        if self._waiters:
            extra = extra + ", waiters:" + str(len(self._waiters))
        return "<" + res[1:-1] + " [" + extra + "]>"

    def locked(self):
        return self._value == 0 or any(not w.cancelled() for w in (self._waiters or ()))

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True

        if self._waiters is None:
            self._waiters = []
        self._get_loop()
        fut = _looplab.create_future("semaphore")
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise

        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        if not self._waiters:
            return
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        self._bound_value = value
        Semaphore.__init__(self, value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')  #@ asyncio/locks.py:434
        Semaphore.release(self)


for _cls in (Lock, Event, Condition, Semaphore, BoundedSemaphore):
    _cls.__module__ = "asyncio.locks"


# ------------------------------------------------------------------- queues


class Queue(_LoopBoundMixin):
    # Items before _head in the _queue list are already taken (CPython's
    # deque.popleft() without its cost). A subclass's own _init() (a deque
    # as in CPython) leaves it at 0 here.
    _head = 0

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = []
        self._putters = []
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished._wait_label = "queue.join"
        self._finished.set()
        self._init(maxsize)

    def _init(self, maxsize):
        self._queue = []
        self._head = 0

    def _get(self):
        item = self._queue[self._head]
        self._queue[self._head] = None
        self._head += 1
        if self._head > 64 and self._head * 2 > len(self._queue):
            del self._queue[: self._head]
            self._head = 0
        return item

    def _put(self, item):
        self._queue.append(item)

    def _items(self):
        return self._queue[self._head :]

    def _wakeup_next(self, waiters):
        while waiters:
            waiter = waiters.pop(0)
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self):
        return "<" + type(self).__name__ + " at " + hex(id(self)) + " " + self._format() + ">"

    def __str__(self):
        return "<" + type(self).__name__ + " " + self._format() + ">"

    def _format(self):
        result = "maxsize=" + repr(self._maxsize)
        if self.qsize():
            result += " _queue=" + repr(self._items())
        if self._getters:
            result += " _getters[" + str(len(self._getters)) + "]"
        if self._putters:
            result += " _putters[" + str(len(self._putters)) + "]"
        if self._unfinished_tasks:
            result += " tasks=" + str(self._unfinished_tasks)
        return result

    def qsize(self):
        return len(self._queue) - self._head

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        # CPython: not self._queue (qsize() is not called).
        return len(self._queue) == self._head

    def full(self):
        if self._maxsize <= 0:
            return False
        else:
            return self.qsize() >= self._maxsize

    async def put(self, item):
        if type(self) is _Queue:
            # Fast path for the plain Queue (subclasses may override any of
            # the methods, so they take the general path below): Queue's own
            # full(), put_nowait(), _put() and _wakeup_next() inlined, with
            # the same effects in the same order (clear() and
            # _wakeup_next() do nothing when skipped here).
            maxsize = self._maxsize
            queue = self._queue
            if maxsize <= 0 or len(queue) - self._head < maxsize:
                queue.append(item)
                self._unfinished_tasks += 1
                if self._finished._value:
                    self._finished.clear()
                if self._getters:
                    self._wakeup_next(self._getters)
                return None
        while self.full():
            self._get_loop()
            putter = _looplab.create_future("queue.put")
            self._putters.append(putter)
            try:
                await putter
            except BaseException:
                putter.cancel()
                if putter in self._putters:
                    self._putters.remove(putter)
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)  #@ asyncio/queues.py:135

    def put_nowait(self, item):
        if self.full():
            raise QueueFull  #@ asyncio/queues.py:143
        self._put(item)  #@ asyncio/queues.py:144
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):
        if type(self) is _Queue:
            # Fast path for the plain Queue, as in put(): Queue's own
            # empty(), get_nowait(), _get() and _wakeup_next() inlined.
            queue = self._queue
            head = self._head
            if len(queue) != head:
                item = queue[head]
                queue[head] = None
                head += 1
                self._head = head
                if head > 64 and head * 2 > len(queue):
                    del queue[:head]
                    self._head = 0
                if self._putters:
                    self._wakeup_next(self._putters)
                return item
        while self.empty():
            self._get_loop()
            getter = _looplab.create_future("queue.get")
            self._getters.append(getter)
            try:
                await getter
            except BaseException:
                getter.cancel()
                if getter in self._getters:
                    self._getters.remove(getter)
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()  #@ asyncio/queues.py:173

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty  #@ asyncio/queues.py:181
        item = self._get()  #@ asyncio/queues.py:182
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError("task_done() called too many times")
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished.wait()


class PriorityQueue(Queue):
    def _init(self, maxsize):
        self._queue = []
        self._head = 0

    def _put(self, item):
        heappush = _heapq.heappush
        heappush(self._queue, item)  #@ asyncio/queues.py:228

    def _get(self):
        heappop = _heapq.heappop
        return heappop(self._queue)  #@ asyncio/queues.py:231


class LifoQueue(Queue):
    def _init(self, maxsize):
        self._queue = []
        self._head = 0

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()


# put() and get() compare with this private name: rebinding asyncio.Queue
# must not send a subclass down their fast paths.
_Queue = Queue

for _cls in (Queue, PriorityQueue, LifoQueue):
    _cls.__module__ = "asyncio.queues"


# ----------------------------------------------------------------- timeouts


class Timeout:
    # _state is one of "created", "active", "expiring", "expired", "finished"
    # (the values of CPython's timeouts._State).

    def __init__(self, when):
        self._state = "created"
        self._timeout_handler = None
        self._task = None
        self._when = when

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._state != "active":
            raise RuntimeError("Cannot change state of " + self._state + " Timeout")
        self._when = when
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        if when is None:
            self._timeout_handler = None
        else:
            loop = get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        return self._state in ("expiring", "expired")

    def __repr__(self):
        info = [""]
        if self._state == "active":
            when = round(self._when, 3) if self._when is not None else None
            info.append("when=" + repr(when))
        return "<Timeout [" + self._state + "]" + " ".join(info) + ">"

    async def __aenter__(self):
        self._state = "active"
        self._task = current_task()
        if self._task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None

        if self._state == "expiring":
            self._state = "expired"
            if self._task.uncancel() == 0 and exc_type is CancelledError:
                raise TimeoutError from exc_val  #@ asyncio/timeouts.py:115
        elif self._state == "active":
            self._state = "finished"
        return None

    def _on_timeout(self):
        self._task.cancel()
        self._state = "expiring"
        self._timeout_handler = None


Timeout.__module__ = "asyncio.timeouts"


def timeout(delay):
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    return Timeout(when)


# --------------------------------------------------------------- taskgroups


class TaskGroup:
    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        # Insertion-ordered (CPython uses a set: its order follows memory
        # addresses; Looplab uses creation order, deterministically).
        self._tasks = {}
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None

    def __repr__(self):
        info = [""]
        if self._tasks:
            info.append("tasks=" + str(len(self._tasks)))
        if self._errors:
            info.append("errors=" + str(len(self._errors)))
        if self._aborting:
            info.append("cancelling")
        elif self._entered:
            info.append("entered")
        return "<TaskGroup" + " ".join(info) + ">"

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError("TaskGroup " + repr(self) + " has been already entered")
        self._entered = True
        if self._loop is None:
            self._loop = get_running_loop()
        self._parent_task = current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError("TaskGroup " + repr(self) + " cannot determine the parent task")
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True

        if exc is not None and self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc

        propagate_cancellation_error = exc if et is CancelledError else None
        if self._parent_cancel_requested:
            if self._parent_task.uncancel() == 0:
                propagate_cancellation_error = None

        if et is not None:
            if not self._aborting:
                self._abort()

        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = _looplab.create_future("taskgroup")
            try:
                await self._on_completed_fut
            except CancelledError as ex:
                if not self._aborting:
                    propagate_cancellation_error = ex
                    self._abort()
            self._on_completed_fut = None

        if self._base_error is not None:
            raise self._base_error

        if propagate_cancellation_error and not self._errors:
            raise propagate_cancellation_error

        if et is not None and et is not CancelledError:
            self._errors.append(exc)

        if self._errors:
            try:
                me = BaseExceptionGroup("unhandled errors in a TaskGroup", self._errors)
                raise me from None  #@ asyncio/taskgroups.py:145
            finally:
                self._errors = None

    def create_task(self, coro, *, name=None, context=None):
        if not self._entered:
            raise RuntimeError("TaskGroup " + repr(self) + " has not been entered")
        if self._exiting and not self._tasks:
            raise RuntimeError("TaskGroup " + repr(self) + " is finished")
        if self._aborting:
            raise RuntimeError("TaskGroup " + repr(self) + " is shutting down")
        task = self._loop.create_task(coro)
        _set_task_name(task, name)
        task.add_done_callback(self._on_task_done)
        self._tasks[task] = None
        return task

    def _is_base_error(self, exc):
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def _abort(self):
        self._aborting = True
        for t in list(self._tasks):
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        if task in self._tasks:
            del self._tasks[task]

        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)

        if task.cancelled():
            return

        exc = task.exception()
        if exc is None:
            return

        self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc

        if self._parent_task.done():
            self._loop.call_exception_handler(
                {
                    "message": "Task "
                    + repr(task)
                    + " has errored out but its parent task "
                    + repr(self._parent_task)
                    + " is already completed",
                    "exception": exc,
                    "task": task,
                }
            )
            return

        if not self._aborting and not self._parent_cancel_requested:
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()


TaskGroup.__module__ = "asyncio.taskgroups"


# ------------------------------------------------------------------ runners


class Runner:
    # _state is "created", "initialized" or "closed" (runners._State).

    def __init__(self, *, debug=None, loop_factory=None):
        self._state = "created"
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._interrupt_count = 0
        self._set_event_loop = False

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        if self._state != "initialized":
            return
        try:
            loop = self._loop
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            if self._set_event_loop:
                set_event_loop(None)
            loop.close()
            self._loop = None
            self._state = "closed"

    def get_loop(self):
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        if not iscoroutine(coro):
            raise ValueError("a coroutine was expected, got " + repr(coro))
        _check_no_running_loop("Runner.run()")
        self._lazy_init()
        task = self._loop.create_task(coro)
        self._interrupt_count = 0
        return self._loop.run_until_complete(task)  #@ asyncio/runners.py:118

    def _lazy_init(self):
        if self._state == "closed":
            raise RuntimeError("Runner is closed")
        if self._state == "initialized":
            return
        if self._loop_factory is None:
            self._loop = new_event_loop()
            if not self._set_event_loop:
                set_event_loop(self._loop)
                self._set_event_loop = True
        else:
            self._loop = self._loop_factory()
        if self._debug is not None:
            self._loop.set_debug(self._debug)
        self._state = "initialized"


Runner.__module__ = "asyncio.runners"


def run(main, *, debug=None):
    _check_no_running_loop("asyncio.run()")
    with Runner(debug=debug) as runner:
        return runner.run(main)  #@ asyncio/runners.py:190


def _cancel_all_tasks(loop):
    to_cancel = _looplab.all_tasks()
    if not to_cancel:
        return

    for task in to_cancel:
        task.cancel()

    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))

    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler(
                {
                    "message": "unhandled exception during asyncio.run() shutdown",
                    "exception": task.exception(),
                    "task": task,
                }
            )
