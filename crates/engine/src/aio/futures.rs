//! `asyncio.Future`'s state machine (CPython's `futures.py`): pending ->
//! finished / failed / cancelled, done callbacks always scheduled with
//! `call_soon` (never run inline), `_make_cancelled_error`.

use super::events::{Callback, EventLoop};
use super::tasks::TaskData;
use super::Host;
use crate::trace::{EventKind, FutureId, Resolution, TaskId};

/// A future's state (`_state` plus `_result`/`_exception`).
#[derive(Clone, Debug)]
pub enum FutState<V> {
    /// `_PENDING`.
    Pending,
    /// `_FINISHED` with a result.
    Result(V),
    /// `_FINISHED` with an exception.
    Exception(V),
    /// `_CANCELLED`.
    Cancelled,
}

/// A done callback registered with `add_done_callback`.
#[derive(Clone, Debug)]
pub enum DoneCallback<V> {
    /// A Python callable, called as `func(fut)`.
    Call(V),
    /// `Task.__wakeup` of the task awaiting this future.
    Wakeup(TaskId),
    /// `run_until_complete`'s `_run_until_complete_cb`.
    StopLoop,
    /// `_chain_future`'s `_call_check_cancel` on a worker job's future:
    /// if the future was cancelled, cancel the job (if not started).
    CheckCancel(crate::trace::JobId),
}

/// Errors a future operation raises in Python.
#[derive(Clone, Debug, PartialEq)]
pub enum FutureError<V> {
    /// `InvalidStateError` with the message of CPython's C implementation
    /// (`_asyncio.Future`, the one CPython really uses): "Result is not
    /// set.", "Exception is not set.", "invalid state".
    InvalidState(String),
    /// Raise this exception (a future's exception, or the CancelledError
    /// of a cancelled future).
    Raise(V),
    /// The id names no future.
    Unknown,
}

/// One future (or task) in the arena.
#[derive(Debug)]
pub struct FutureData<V> {
    /// `_state`, `_result`, `_exception`.
    pub(crate) state: FutState<V>,
    /// `_callbacks`, in registration order.
    pub(crate) callbacks: Vec<DoneCallback<V>>,
    /// `_cancel_message`.
    pub(crate) cancel_message: Option<V>,
    /// `_cancelled_exc`: the CancelledError that cancelled a task, reused
    /// once by `_make_cancelled_error`.
    pub(crate) cancelled_exc: Option<V>,
    /// `__log_traceback`: an exception was set and never retrieved
    /// ("Task exception was never retrieved" / "Future exception was never
    /// retrieved" at destruction).
    pub(crate) log_traceback: bool,
    /// `_asyncio_future_blocking`: set by `__await__` before yielding the
    /// future to the task.
    pub(crate) blocking: bool,
    /// The Python object for this future, passed to done callbacks.
    pub(crate) obj: Option<V>,
    /// Task state, when the future is a task.
    pub(crate) task: Option<Box<TaskData<V>>>,
    /// `_GatheringFuture`'s children, when this is a gather's outer future.
    pub(crate) gather_children: Option<Vec<FutureId>>,
    /// `_GatheringFuture._cancel_requested`.
    pub(crate) cancel_requested: bool,
}

impl<V> FutureData<V> {
    pub(crate) fn new() -> FutureData<V> {
        FutureData {
            state: FutState::Pending,
            callbacks: Vec::new(),
            cancel_message: None,
            cancelled_exc: None,
            log_traceback: false,
            blocking: false,
            obj: None,
            task: None,
            gather_children: None,
            cancel_requested: false,
        }
    }
}

impl<V: Clone> EventLoop<V> {
    pub(crate) fn fut(&self, id: FutureId) -> Option<&FutureData<V>> {
        self.futures
            .get((id as usize).wrapping_sub(1))
            .and_then(|f| f.as_deref())
    }

    pub(crate) fn fut_mut(&mut self, id: FutureId) -> Option<&mut FutureData<V>> {
        self.futures
            .get_mut((id as usize).wrapping_sub(1))
            .and_then(|f| f.as_deref_mut())
    }

    pub(crate) fn alloc_future(&mut self) -> FutureId {
        self.futures.push(Some(Box::new(FutureData::new())));
        self.futures.len() as FutureId
    }

    /// `loop.create_future()`. `label` says what it stands for in the trace
    /// ("future", "sleep", "lock"...). Set its Python object with
    /// [`EventLoop::set_future_obj`].
    pub fn create_future(&mut self, label: &str, line: u32) -> FutureId {
        let id = self.alloc_future();
        self.emit(EventKind::FutureCreated {
            fut: id,
            label: label.to_string(),
            line,
        });
        id
    }

    /// Relabels a future (e.g. `asyncio.sleep` once its deadline is known).
    pub fn label_future(&mut self, id: FutureId, label: &str, until_ns: Option<u64>) {
        self.emit(EventKind::FutureLabeled {
            fut: id,
            label: label.to_string(),
            until_ns,
        });
    }

    /// Sets the Python object passed to `id`'s done callbacks.
    pub fn set_future_obj(&mut self, id: FutureId, obj: V) {
        if let Some(f) = self.fut_mut(id) {
            f.obj = Some(obj);
        }
    }

    /// The Python object of future `id`.
    pub fn future_obj(&self, id: FutureId) -> Option<&V> {
        self.fut(id).and_then(|f| f.obj.as_ref())
    }

    /// The state of future `id`.
    pub fn future_state(&self, id: FutureId) -> Option<&FutState<V>> {
        self.fut(id).map(|f| &f.state)
    }

    /// `fut.done()`.
    pub fn done(&self, id: FutureId) -> bool {
        !matches!(self.future_state(id), Some(FutState::Pending) | None)
    }

    /// `fut.cancelled()`.
    pub fn cancelled(&self, id: FutureId) -> bool {
        matches!(self.future_state(id), Some(FutState::Cancelled))
    }

    /// Whether `id` is a task.
    pub fn is_task(&self, id: FutureId) -> bool {
        self.fut(id).is_some_and(|f| f.task.is_some())
    }

    /// Sets `_asyncio_future_blocking` (done by `Future.__await__` before it
    /// yields the future).
    pub fn set_blocking(&mut self, id: FutureId, blocking: bool) {
        if let Some(f) = self.fut_mut(id) {
            f.blocking = blocking;
        }
    }

    /// `_asyncio_future_blocking`.
    pub fn blocking(&self, id: FutureId) -> bool {
        self.fut(id).is_some_and(|f| f.blocking)
    }

    /// `fut._cancel_message`.
    pub fn cancel_message(&self, id: FutureId) -> Option<&V> {
        self.fut(id).and_then(|f| f.cancel_message.as_ref())
    }

    /// `__schedule_callbacks`: every done callback goes to the ready deque.
    fn schedule_callbacks(&mut self, host: &mut impl Host<V>, id: FutureId) {
        let Some(f) = self.fut_mut(id) else { return };
        let callbacks = std::mem::take(&mut f.callbacks);
        let obj = f.obj.clone();
        for cb in callbacks {
            self.schedule_done_callback(host, id, obj.clone(), cb);
        }
    }

    fn schedule_done_callback(
        &mut self,
        host: &mut impl Host<V>,
        id: FutureId,
        obj: Option<V>,
        cb: DoneCallback<V>,
    ) {
        let cb = match cb {
            DoneCallback::Call(func) => Callback::Call {
                func,
                args: obj.into_iter().collect(),
                fut: Some(id),
            },
            DoneCallback::Wakeup(task) => Callback::TaskWakeup { task, fut: id },
            DoneCallback::StopLoop => Callback::StopLoop { fut: id },
            DoneCallback::CheckCancel(job) => Callback::JobCheckCancel { job, fut: id },
        };
        self.call_soon(host, cb);
    }

    fn resolve(&mut self, host: &mut impl Host<V>, id: FutureId, state: FutState<V>) {
        if self.recorder.recording() {
            let outcome = match &state {
                FutState::Result(v) => Resolution::Result {
                    value: host.repr(v),
                },
                FutState::Exception(e) => Resolution::Exception { exc: host.repr(e) },
                FutState::Cancelled | FutState::Pending => Resolution::Cancelled,
            };
            self.emit(EventKind::FutureResolved { fut: id, outcome });
        }
        if let Some(f) = self.fut_mut(id) {
            f.state = state;
        }
        self.finished_since_release += 1;
        self.schedule_callbacks(host, id);
    }

    /// `fut.set_result(value)`. On a done future: `InvalidState("invalid
    /// state")`.
    pub fn set_result(
        &mut self,
        host: &mut impl Host<V>,
        id: FutureId,
        value: V,
    ) -> Result<(), FutureError<V>> {
        if self.fut(id).is_none() {
            return Err(FutureError::Unknown);
        }
        if self.done(id) {
            return Err(FutureError::InvalidState("invalid state".into()));
        }
        self.resolve(host, id, FutState::Result(value));
        Ok(())
    }

    /// `fut.set_exception(exc)` (the host has already instantiated a class
    /// and rejected StopIteration, as CPython does). Errors like
    /// [`EventLoop::set_result`].
    pub fn set_exception(
        &mut self,
        host: &mut impl Host<V>,
        id: FutureId,
        exc: V,
    ) -> Result<(), FutureError<V>> {
        if self.fut(id).is_none() {
            return Err(FutureError::Unknown);
        }
        if self.done(id) {
            return Err(FutureError::InvalidState("invalid state".into()));
        }
        if let Some(f) = self.fut_mut(id) {
            f.log_traceback = true;
            self.log_candidates.push(id);
        }
        self.resolve(host, id, FutState::Exception(exc));
        Ok(())
    }

    /// `Future.cancel(msg)` proper (for a task, see
    /// [`EventLoop::cancel`], which dispatches).
    pub(crate) fn future_cancel(
        &mut self,
        host: &mut impl Host<V>,
        id: FutureId,
        msg: Option<V>,
    ) -> bool {
        let Some(f) = self.fut_mut(id) else {
            return false;
        };
        f.log_traceback = false;
        if !matches!(f.state, FutState::Pending) {
            return false;
        }
        f.cancel_message = msg;
        self.resolve(host, id, FutState::Cancelled);
        true
    }

    /// `fut.cancel(msg)`: dispatches to `Task.cancel`,
    /// `_GatheringFuture.cancel` or `Future.cancel`.
    pub fn cancel(&mut self, host: &mut impl Host<V>, id: FutureId, msg: Option<V>) -> bool {
        if self.recorder.recording() && !self.done(id) {
            let msg_repr = msg.as_ref().map(|m| host.repr(m));
            let by = self.current_task;
            self.emit(EventKind::CancelRequested {
                fut: id,
                msg: msg_repr,
                by,
            });
        }
        if self.is_task(id) {
            return self.task_cancel(host, id, msg);
        }
        if let Some(children) = self.fut(id).and_then(|f| f.gather_children.clone()) {
            // _GatheringFuture.cancel
            if self.done(id) {
                return false;
            }
            let mut ret = false;
            for child in children {
                if self.cancel(host, child, msg.clone()) {
                    ret = true;
                }
            }
            if ret {
                if let Some(f) = self.fut_mut(id) {
                    f.cancel_requested = true;
                }
            }
            return ret;
        }
        self.future_cancel(host, id, msg)
    }

    /// Marks `id` as a gather's outer future (`_GatheringFuture`) whose
    /// `cancel()` cancels `children` instead.
    pub fn make_gathering(&mut self, id: FutureId, children: Vec<FutureId>) {
        if let Some(f) = self.fut_mut(id) {
            f.gather_children = Some(children);
        }
    }

    /// `_GatheringFuture._cancel_requested`.
    pub fn gather_cancel_requested(&self, id: FutureId) -> bool {
        self.fut(id).is_some_and(|f| f.cancel_requested)
    }

    /// `_make_cancelled_error()`: the CancelledError to raise for a
    /// cancelled future (the saved one once, else a new one chained to it).
    pub fn make_cancelled_error(&mut self, host: &mut impl Host<V>, id: FutureId) -> V {
        let (saved, msg) = match self.fut_mut(id) {
            Some(f) => (f.cancelled_exc.take(), f.cancel_message.clone()),
            None => (None, None),
        };
        if let Some(exc) = saved {
            return exc;
        }
        host.cancelled_error(msg.as_ref())
    }

    /// `fut.result()`.
    pub fn result(&mut self, host: &mut impl Host<V>, id: FutureId) -> Result<V, FutureError<V>> {
        match self.future_state(id) {
            None => Err(FutureError::Unknown),
            Some(FutState::Cancelled) => {
                Err(FutureError::Raise(self.make_cancelled_error(host, id)))
            }
            Some(FutState::Pending) => Err(FutureError::InvalidState("Result is not set.".into())),
            Some(FutState::Result(v)) => {
                let v = v.clone();
                if let Some(f) = self.fut_mut(id) {
                    f.log_traceback = false;
                }
                Ok(v)
            }
            Some(FutState::Exception(e)) => {
                let e = e.clone();
                if let Some(f) = self.fut_mut(id) {
                    f.log_traceback = false;
                }
                Err(FutureError::Raise(e))
            }
        }
    }

    /// `fut.exception()`.
    pub fn exception(
        &mut self,
        host: &mut impl Host<V>,
        id: FutureId,
    ) -> Result<Option<V>, FutureError<V>> {
        match self.future_state(id) {
            None => Err(FutureError::Unknown),
            Some(FutState::Cancelled) => {
                Err(FutureError::Raise(self.make_cancelled_error(host, id)))
            }
            Some(FutState::Pending) => {
                Err(FutureError::InvalidState("Exception is not set.".into()))
            }
            Some(FutState::Result(_)) => {
                if let Some(f) = self.fut_mut(id) {
                    f.log_traceback = false;
                }
                Ok(None)
            }
            Some(FutState::Exception(e)) => {
                let e = e.clone();
                if let Some(f) = self.fut_mut(id) {
                    f.log_traceback = false;
                }
                Ok(Some(e))
            }
        }
    }

    /// `fut.add_done_callback(fn)`: scheduled at once (with `call_soon`) if
    /// the future is already done.
    pub fn add_done_callback(
        &mut self,
        host: &mut impl Host<V>,
        id: FutureId,
        cb: DoneCallback<V>,
    ) {
        if self.done(id) {
            let obj = self.fut(id).and_then(|f| f.obj.clone());
            self.schedule_done_callback(host, id, obj, cb);
        } else if let Some(f) = self.fut_mut(id) {
            f.callbacks.push(cb);
        }
    }

    /// `fut.remove_done_callback(fn)`: removes every Python callback for
    /// which `same(callback)` holds; returns how many.
    pub fn remove_done_callback(
        &mut self,
        id: FutureId,
        mut same: impl FnMut(&V) -> bool,
    ) -> usize {
        let Some(f) = self.fut_mut(id) else { return 0 };
        let before = f.callbacks.len();
        f.callbacks
            .retain(|cb| !matches!(cb, DoneCallback::Call(func) if same(func)));
        before - f.callbacks.len()
    }

    /// Removes the `StopLoop` callback (`run_until_complete`'s `finally`).
    pub fn remove_stop_callback(&mut self, id: FutureId) {
        if let Some(f) = self.fut_mut(id) {
            f.callbacks
                .retain(|cb| !matches!(cb, DoneCallback::StopLoop));
        }
    }

    /// Futures whose exception was set and never retrieved (for "Task
    /// exception was never retrieved" / "Future exception was never
    /// retrieved" at the end of the run).
    pub fn unretrieved_exceptions(&self) -> Vec<FutureId> {
        (1..=self.futures.len() as FutureId)
            .filter(|&id| self.fut(id).is_some_and(|f| f.log_traceback))
            .collect()
    }

    /// The futures whose exception is still unretrieved among those given
    /// one since the last call (the list empties).
    pub fn take_log_candidates(&mut self) -> Vec<FutureId> {
        let mut ids = std::mem::take(&mut self.log_candidates);
        ids.retain(|&id| self.fut(id).is_some_and(|f| f.log_traceback));
        ids
    }

    /// Keeps `ids` for the next [`EventLoop::take_log_candidates`].
    pub fn keep_log_candidates(&mut self, ids: Vec<FutureId>) {
        self.log_candidates.extend(ids);
    }

    /// Marks future `id`'s exception as reported (it is not logged again).
    pub fn exception_logged(&mut self, id: FutureId) {
        if let Some(f) = self.fut_mut(id) {
            f.log_traceback = false;
        }
    }

    /// Number of futures (and tasks) created.
    pub fn futures_len(&self) -> usize {
        self.futures.len()
    }
}
