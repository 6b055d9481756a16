//! `asyncio.Task` (CPython's `tasks.py` / `_asyncio.Task`): `__step`,
//! `__wakeup`, `cancel` with `must_cancel` and `fut_waiter`,
//! `cancelling`/`uncancel`.

use super::events::{Callback, EventLoop, Todo};
use super::futures::{DoneCallback, FutState};
use super::Host;
use crate::trace::{EventKind, FutureId, StepOutcome, TaskId};

/// How to resume a coroutine.
#[derive(Clone, Debug)]
pub enum Resume<V> {
    /// `coro.send(value)` (`None` for a task step).
    Send(V),
    /// `coro.throw(exc)`.
    Throw(V),
}

/// What the coroutine did when the host resumed it (the host classifies
/// the yielded value).
#[derive(Clone, Debug)]
pub enum CoroStep<V> {
    /// It yielded one of our futures (from `Future.__await__`, which sets
    /// `_asyncio_future_blocking` first).
    YieldedFuture(FutureId),
    /// A bare `yield` (`asyncio.sleep(0)`): give up one iteration.
    YieldedNone,
    /// It yielded something else (CPython: "Task got bad yield").
    YieldedOther(V),
    /// It returned (`StopIteration(value)`).
    Returned(V),
    /// An exception escaped it (classified with
    /// [`Host::is_cancelled_error`]).
    Raised(V),
}

/// Task state beyond the future's.
#[derive(Debug)]
pub struct TaskData<V> {
    /// `_coro`.
    pub(crate) coro: V,
    /// `get_name()`.
    pub(crate) name: String,
    /// `_must_cancel`: a cancel arrived while the task was not awaiting a
    /// future; deliver a CancelledError at the next step.
    pub(crate) must_cancel: bool,
    /// `_fut_waiter`: the future the task is suspended on.
    pub(crate) fut_waiter: Option<FutureId>,
    /// `_num_cancels_requested` (`cancelling()`).
    pub(crate) num_cancels_requested: u32,
    /// `_log_destroy_pending`: warn "Task was destroyed but it is pending!"
    /// if the task is still pending at the end.
    pub(crate) log_destroy_pending: bool,
}

impl<V: Clone> EventLoop<V> {
    fn task(&self, id: TaskId) -> Option<&TaskData<V>> {
        self.fut(id).and_then(|f| f.task.as_deref())
    }

    fn task_mut(&mut self, id: TaskId) -> Option<&mut TaskData<V>> {
        self.fut_mut(id).and_then(|f| f.task.as_deref_mut())
    }

    /// `loop.create_task(coro, name=name)`: creates the task and schedules
    /// its first step with `call_soon`. Set its Python object with
    /// [`EventLoop::set_future_obj`] right after (before anything runs).
    pub fn create_task(
        &mut self,
        host: &mut impl Host<V>,
        coro: V,
        name: Option<String>,
        coro_name: &str,
        line: u32,
    ) -> TaskId {
        let id = self.alloc_future();
        // Like CPython's Task.__init__: the counter only moves for a
        // default name (create_task(name=...) consumes one because it
        // renames a default-named task).
        let name = match name {
            Some(n) => n,
            None => {
                self.task_name_counter += 1;
                format!("Task-{}", self.task_name_counter)
            }
        };
        let parent = self.current_task;
        self.emit(EventKind::TaskCreated {
            task: id,
            name: name.clone(),
            coro: coro_name.to_string(),
            parent,
            line,
        });
        if let Some(f) = self.fut_mut(id) {
            f.task = Some(Box::new(TaskData {
                coro,
                name,
                must_cancel: false,
                fut_waiter: None,
                num_cancels_requested: 0,
                log_destroy_pending: true,
            }));
        }
        self.call_soon(
            host,
            Callback::TaskStep {
                task: id,
                exc: None,
            },
        );
        id
    }

    /// `task.get_name()`.
    pub fn task_name(&self, id: TaskId) -> Option<&str> {
        self.task(id).map(|t| t.name.as_str())
    }

    /// `task.set_name(name)`.
    pub fn set_task_name(&mut self, id: TaskId, name: String) {
        if let Some(t) = self.task_mut(id) {
            t.name = name.clone();
            self.emit(EventKind::TaskRenamed { task: id, name });
        }
    }

    /// `task.get_coro()`.
    pub fn task_coro(&self, id: TaskId) -> Option<&V> {
        self.task(id).map(|t| &t.coro)
    }

    /// `task.cancelling()`.
    pub fn cancelling(&self, id: TaskId) -> u32 {
        self.task(id).map_or(0, |t| t.num_cancels_requested)
    }

    /// `task.uncancel()`.
    pub fn uncancel(&mut self, id: TaskId) -> u32 {
        match self.task_mut(id) {
            Some(t) => {
                t.num_cancels_requested = t.num_cancels_requested.saturating_sub(1);
                t.num_cancels_requested
            }
            None => 0,
        }
    }

    /// Clears `_log_destroy_pending` (gather and run_until_complete do it
    /// for the tasks they wrap).
    pub fn set_log_destroy_pending(&mut self, id: TaskId, on: bool) {
        if let Some(t) = self.task_mut(id) {
            t.log_destroy_pending = on;
        }
    }

    /// All tasks not done (`asyncio.all_tasks()`), in creation order.
    pub fn pending_tasks(&self) -> Vec<TaskId> {
        (1..=self.futures.len() as TaskId)
            .filter(|&id| self.is_task(id) && !self.done(id))
            .collect()
    }

    /// Pending tasks that would warn "Task was destroyed but it is
    /// pending!" if the program ended now.
    pub fn destroyed_pending_tasks(&self) -> Vec<TaskId> {
        self.pending_tasks()
            .into_iter()
            .filter(|&id| self.task(id).is_some_and(|t| t.log_destroy_pending))
            .collect()
    }

    /// `Task.cancel(msg)`.
    pub(crate) fn task_cancel(
        &mut self,
        host: &mut impl Host<V>,
        id: TaskId,
        msg: Option<V>,
    ) -> bool {
        if let Some(f) = self.fut_mut(id) {
            f.log_traceback = false;
        }
        if self.done(id) {
            return false;
        }
        let waiter = match self.task_mut(id) {
            Some(t) => {
                t.num_cancels_requested += 1;
                t.fut_waiter
            }
            None => return false,
        };
        if let Some(w) = waiter {
            if self.cancel(host, w, msg.clone()) {
                // Leave fut_waiter: it may be a task that swallows the
                // cancellation, so we may have to cancel it again.
                return true;
            }
        }
        // The task's __step must already be scheduled.
        if let Some(t) = self.task_mut(id) {
            t.must_cancel = true;
        }
        if let Some(f) = self.fut_mut(id) {
            f.cancel_message = msg;
        }
        true
    }

    /// `Task.__wakeup(fut)`: step the task with `fut`'s outcome.
    pub(crate) fn task_wakeup(
        &mut self,
        host: &mut impl Host<V>,
        task: TaskId,
        fut: FutureId,
    ) -> Option<Todo<V>> {
        let exc = match self.future_state(fut) {
            Some(FutState::Exception(e)) => Some(e.clone()),
            Some(FutState::Cancelled) => Some(self.make_cancelled_error(host, fut)),
            _ => None,
        };
        if exc.is_some() {
            // `future.result()` raised: the exception counts as retrieved.
            if let Some(f) = self.fut_mut(fut) {
                f.log_traceback = false;
            }
        }
        self.task_step_begin(host, task, exc)
    }

    /// The first half of `Task.__step(exc)`: up to `coro.send`/`throw`.
    /// Returns `None` (after recording) if the task is already done.
    pub(crate) fn task_step_begin(
        &mut self,
        host: &mut impl Host<V>,
        task: TaskId,
        mut exc: Option<V>,
    ) -> Option<Todo<V>> {
        if self.done(task) || self.task(task).is_none() {
            // CPython raises InvalidStateError("_step(): already done")
            // into the loop's exception handler.
            self.emit(EventKind::Warning {
                text: format!("_step(): already done: task #{task}"),
                line: 0,
            });
            return None;
        }
        let must_cancel = self.task(task).is_some_and(|t| t.must_cancel);
        if must_cancel {
            let is_cancel = exc.as_ref().is_some_and(|e| host.is_cancelled_error(e));
            if !is_cancel {
                exc = Some(self.make_cancelled_error(host, task));
            }
        }
        let coro = match self.task_mut(task) {
            Some(t) => {
                if must_cancel {
                    t.must_cancel = false;
                }
                t.fut_waiter = None;
                t.coro.clone()
            }
            None => return None,
        };
        self.current_task = Some(task);
        if self.recorder.recording() {
            let line = host.coro_line(&coro);
            let throw = exc.as_ref().map(|e| host.repr(e));
            self.emit(EventKind::TaskStepStarted { task, line, throw });
        }
        let resume = match exc {
            Some(e) => Resume::Throw(e),
            None => Resume::Send(host.none()),
        };
        Some(Todo::Step { task, coro, resume })
    }

    /// The second half of `Task.__step`: what to do with what the coroutine
    /// did. `line` is where it suspended or finished (trace only). Ends the
    /// running handle.
    pub fn task_step_end(
        &mut self,
        host: &mut impl Host<V>,
        task: TaskId,
        step: CoroStep<V>,
        line: u32,
    ) {
        let outcome = self.interpret_step(host, task, step);
        self.emit(EventKind::TaskStepEnded {
            task,
            line,
            outcome,
        });
        self.current_task = None;
        self.finish_handle();
    }

    fn interpret_step(
        &mut self,
        host: &mut impl Host<V>,
        task: TaskId,
        step: CoroStep<V>,
    ) -> StepOutcome {
        let must_cancel = self.task(task).is_some_and(|t| t.must_cancel);
        match step {
            CoroStep::Returned(value) => {
                if must_cancel {
                    // Cancelled right before the coroutine returned.
                    if let Some(t) = self.task_mut(task) {
                        t.must_cancel = false;
                    }
                    let msg = self.cancel_message(task).cloned();
                    self.future_cancel(host, task, msg);
                    StepOutcome::Cancelled
                } else {
                    let repr = if self.recorder.recording() {
                        host.repr(&value)
                    } else {
                        String::new()
                    };
                    let _ = self.set_result(host, task, value);
                    StepOutcome::Returned { value: repr }
                }
            }
            CoroStep::Raised(exc) => {
                if host.is_cancelled_error(&exc) {
                    if let Some(f) = self.fut_mut(task) {
                        f.cancelled_exc = Some(exc);
                    }
                    // super().cancel(): Future.cancel without a message.
                    self.future_cancel(host, task, None);
                    StepOutcome::Cancelled
                } else {
                    let repr = if self.recorder.recording() {
                        host.repr(&exc)
                    } else {
                        String::new()
                    };
                    let _ = self.set_exception(host, task, exc);
                    StepOutcome::Raised { exc: repr }
                }
            }
            CoroStep::YieldedFuture(fut) => {
                if fut == task {
                    let message = format!("Task cannot await on itself: {}", self.task_repr(task));
                    return self.bad_yield(host, task, message);
                }
                if !self.blocking(fut) {
                    let message = format!(
                        "yield was used instead of yield from in task {} with future #{fut}",
                        self.task_repr(task)
                    );
                    return self.bad_yield(host, task, message);
                }
                self.set_blocking(fut, false);
                self.add_done_callback(host, fut, DoneCallback::Wakeup(task));
                if let Some(t) = self.task_mut(task) {
                    t.fut_waiter = Some(fut);
                }
                if must_cancel {
                    let msg = self.cancel_message(task).cloned();
                    if self.cancel(host, fut, msg) {
                        if let Some(t) = self.task_mut(task) {
                            t.must_cancel = false;
                        }
                    }
                }
                StepOutcome::Awaiting { fut }
            }
            CoroStep::YieldedNone => {
                self.call_soon(host, Callback::TaskStep { task, exc: None });
                StepOutcome::BareYield
            }
            CoroStep::YieldedOther(v) => {
                let message = format!("Task got bad yield: {}", host.repr(&v));
                self.bad_yield(host, task, message)
            }
        }
    }

    fn bad_yield(&mut self, host: &mut impl Host<V>, task: TaskId, message: String) -> StepOutcome {
        let exc = host.runtime_error(&message);
        self.call_soon(
            host,
            Callback::TaskStep {
                task,
                exc: Some(exc),
            },
        );
        StepOutcome::BadYield { message }
    }

    /// A short repr for messages: `<Task pending name='Task-1'>`.
    fn task_repr(&self, task: TaskId) -> String {
        let name = self.task_name(task).unwrap_or("?");
        format!("<Task pending name='{name}'>")
    }

    /// The future task `id` is suspended on (`_fut_waiter`).
    pub fn fut_waiter(&self, id: TaskId) -> Option<FutureId> {
        self.task(id).and_then(|t| t.fut_waiter)
    }

    /// `_must_cancel`.
    pub fn must_cancel(&self, id: TaskId) -> bool {
        self.task(id).is_some_and(|t| t.must_cancel)
    }
}
