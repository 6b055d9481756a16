//! The driver side of the glue: what the session (`crate::run`) calls to
//! run the loop (next todo, finishing task steps, callbacks and worker
//! thread jobs), `run_forever`'s loop, and the warnings reported at exit.

use std::rc::Rc;

use super::*;

/// Writes a loop warning to stderr and records it in the trace, with the
/// program line it is about (0: none).
pub(crate) fn report_stderr(
    vm: &mut Vm,
    shared: &Shared,
    summary: &str,
    text: &str,
    line: u32,
) -> Result<(), Error> {
    {
        let mut st = state!(vm, shared);
        let task = st.lp.current_task();
        drain_output(vm, &mut st, task, 0);
        st.lp.emit(EventKind::Warning {
            text: summary.to_string(),
            line,
        });
    }
    vm.write(Stream::Stderr, text)?;
    let mut st = state!(vm, shared);
    let task = st.lp.current_task();
    drain_output(vm, &mut st, task, 0);
    Ok(())
}

/// The next thing the loop must do (see [`EventLoop::next_action`]).
pub(crate) fn next_todo(vm: &mut Vm, shared: &Shared) -> Result<Todo<Value>, Error> {
    next_todo_with(vm, shared, false)
}

/// [`next_todo`]; with `threads_wait` (the session drives the loop at top
/// level) a select that must wait while program threads exist returns
/// [`Todo::WaitThreads`].
pub(crate) fn next_todo_with(
    vm: &mut Vm,
    shared: &Shared,
    threads_wait: bool,
) -> Result<Todo<Value>, Error> {
    let mut st = state!(vm, shared);
    st.lp.threads_wait = threads_wait && st.prog.started();
    st.lp.cpu_marks = st
        .cpu_model
        .map(|_| (st.prog.current as u32, st.cores.cores()));
    // Finished futures nothing refers to any more are freed, as in CPython.
    let freed = st
        .lp
        .release_finished(|v| matches!(v, Value::Instance(i) if Rc::strong_count(i) == 1));
    if freed > 0 {
        let st = &mut *st;
        let lp = &st.lp;
        st.coro_defs.retain(|&id, _| lp.is_task(id));
    }
    let cancelled = st.cancelled_error.clone();
    let mut host = VmHost { vm, cancelled };
    let todo = st.lp.next_action(&mut host);
    vm.clock_ns = st.lp.now();
    Ok(todo)
}

/// The loop hangs: unwinds the program with the [`HANG`] marker.
pub(crate) fn hang(shared: &Shared) -> Error {
    if let Ok(mut st) = shared.try_borrow_mut() {
        st.hang = true;
    }
    Error::Limit(HANG.into())
}

pub(super) fn run_loop(vm: &mut Vm, shared: &Shared) -> Result<(), Error> {
    loop {
        match next_todo(vm, shared)? {
            Todo::Step { task, coro, resume } => {
                let before = vm.instructions;
                let r = vm.resume(&coro, vm_resume(resume));
                step_finish(vm, shared, task, &coro, r, before)?;
            }
            Todo::Call { func, args } => {
                let r = vm.call(&func, args.clone(), vec![]);
                call_finish(vm, shared, &func, &args, r)?;
            }
            Todo::StartJob {
                thread, func, args, ..
            } => {
                let fiber = thread_begin(vm, shared, thread, Some((func, args)))?;
                let r = vm.fiber_resume(fiber, Value::None);
                thread_finish(vm, shared, thread, r)?;
            }
            Todo::ResumeThread { thread } => {
                let fiber = thread_begin(vm, shared, thread, None)?;
                let r = vm.fiber_resume(fiber, Value::None);
                thread_finish(vm, shared, thread, r)?;
            }
            Todo::Stopped => return Ok(()),
            Todo::Hang | Todo::WaitThreads { .. } => return Err(hang(shared)),
        }
    }
}

/// The VM's resume for a core resume.
pub(crate) fn vm_resume(resume: Resume<Value>) -> crate::vm::Resume {
    match resume {
        Resume::Send(v) => crate::vm::Resume::Send(v),
        Resume::Throw(e) => crate::vm::Resume::Throw(e),
    }
}

/// Ends a callback handle: a raised exception goes to the loop's
/// exception handler ("Exception in callback ..."), as in CPython.
pub(crate) fn call_finish(
    vm: &mut Vm,
    shared: &Shared,
    func: &Value,
    args: &[Value],
    r: Result<Value, Error>,
) -> Result<(), Error> {
    vm.handle_done();
    match r {
        Ok(_) => {}
        Err(Error::Exception(exc)) => {
            // As CPython's Handle repr: a plain function's definition site.
            let at = match func {
                Value::Function(f) => format!(" at {}:{}", f.code.filename, f.code.firstlineno),
                _ => String::new(),
            };
            // The arguments' reprs (CPython's reprlib would also shorten
            // long ones).
            let mut shown = Vec::with_capacity(args.len());
            for a in args {
                let r = match vm.repr(a) {
                    Ok(r) => r,
                    Err(_) => safe_repr(vm, a, 0),
                };
                shown.push(r);
            }
            let call = format!("{}({})", callable_name(func), shown.join(", "));
            let summary = format!("Exception in callback {call}");
            let mut text = format!("{summary}{at}\nhandle: <Handle {call}{at}>\n");
            // The handle's `_run` (CPython runs callbacks from Python code,
            // so its frame heads the traceback of the exception that left the
            // callback: the last one of a chain).
            let mut tb = vm.format_exception(&exc);
            let head = "Traceback (most recent call last):\n";
            let last = tb.rfind(&format!("\n{head}")).map(|i| i + 1);
            if let Some(at) = last.or(tb.starts_with(head).then_some(0)) {
                tb.insert_str(
                    at + head.len(),
                    "  File \"<stdlib>/asyncio/events.py\", line 80, in _run\n    \
                     self._context.run(self._callback, *self._args)\n",
                );
            }
            text.push_str(&tb);
            let line = raised_at(vm, shared, &exc);
            report_stderr(vm, shared, &summary, &text, line)?;
        }
        Err(other) => return Err(other),
    }
    report_never_awaited(vm, shared);
    let mut st = state!(vm, shared);
    drain_output(vm, &mut st, None, 0);
    st.lp.call_done();
    drop(st);
    report_collected(vm, shared);
    Ok(())
}

/// Ends one `Task.__step`: tells the core what the coroutine did.
/// `before` is the VM's instruction count when the step began.
pub(crate) fn step_finish(
    vm: &mut Vm,
    shared: &Shared,
    task: TaskId,
    coro: &Value,
    r: Result<GenStep, Error>,
    before: u64,
) -> Result<(), Error> {
    let ran = vm.instructions.saturating_sub(before);
    vm.handle_done();
    let step = match r {
        Ok(GenStep::Yielded(v)) => match fut_id_of(vm, &v) {
            Some(id) => CoroStep::YieldedFuture(id),
            None if v.is_none() => CoroStep::YieldedNone,
            None => CoroStep::YieldedOther(v),
        },
        Ok(GenStep::Returned(v)) => CoroStep::Returned(v),
        Ok(GenStep::Raised(e)) | Err(Error::Exception(e)) => CoroStep::Raised(e),
        Err(e) => return Err(e),
    };
    // SystemExit (and KeyboardInterrupt) become the task's exception and
    // also leave the loop at once, as `Task.__step` re-raises them: the
    // program exits even when someone awaits the task.
    let exits = match &step {
        CoroStep::Raised(e) if vm.is_system_exit(e) => Some(e.clone()),
        _ => None,
    };
    let line = vm.gen_line(coro).unwrap_or(0);
    let frames = match step {
        CoroStep::YieldedFuture(_) | CoroStep::YieldedNone => task_frames(vm, shared, coro),
        _ => None,
    };
    let globals = frames
        .as_ref()
        .and_then(|_| super::changed_globals(vm, shared));
    report_never_awaited(vm, shared);
    let mut st = state!(vm, shared);
    drain_output(vm, &mut st, Some(task), line);
    if let Some(frames) = frames {
        // What the task's next line events compare with.
        if st.lines_on {
            st.frames_recorded.insert(task, frames.clone());
        }
        st.lp.emit(EventKind::TaskFrames { task, frames });
    } else {
        // (Finished, or it will be: no line of it compares again.)
        st.frames_recorded.remove(&task);
    }
    if let Some(vars) = globals {
        st.lp.emit(EventKind::Globals { vars });
    }
    // Without the CPU model computing takes no virtual time, but nothing
    // else ran meanwhile; with it, the step took this long.
    let cpu_ns = match st.cpu_model {
        Some(_) => {
            let ps = u128::from(ran) * u128::from(crate::vm::PS_PER_INSTRUCTION);
            Some(u64::try_from(ps / 1000).unwrap_or(u64::MAX))
        }
        None => None,
    };
    let blocked = match cpu_ns {
        Some(ns) => ns >= crate::aio::cpu::CPU_BLOCK_NS,
        None => ran >= CPU_SLICE_WARNING,
    };
    if blocked {
        st.lp.emit(EventKind::LoopBlocked {
            task: Some(task),
            duration_ns: cpu_ns.unwrap_or(0),
            reason: crate::trace::BlockReason::Cpu { instructions: ran },
            line,
        });
    }
    let cancelled = st.cancelled_error.clone();
    let mut host = VmHost { vm, cancelled };
    st.lp.task_step_end(&mut host, task, step, line);
    drop(st);
    report_collected(vm, shared);
    match exits {
        Some(e) => Err(Error::Exception(e)),
        None => Ok(()),
    }
}

/// Prepares worker `thread` to run: a new fiber for a job (`start`), or
/// its parked fiber. Returns the fiber to resume.
pub(crate) fn thread_begin(
    vm: &mut Vm,
    shared: &Shared,
    thread: ThreadId,
    start: Option<(Value, Vec<Value>)>,
) -> Result<crate::vm::FiberId, Error> {
    let mut st = state!(vm, shared);
    st.current_thread = Some(thread);
    match start {
        Some((func, args)) => {
            let name = st.lp.thread_name(thread);
            let id = vm.fiber_new(func, args, &name);
            st.fibers.insert(thread, id);
            Ok(id)
        }
        None => match st.fibers.get(&thread) {
            Some(id) => Ok(*id),
            None => Err(Error::Internal(format!("no fiber for thread {thread}"))),
        },
    }
}

/// A worker's fiber stopped: it finished its job, raised, or parked.
pub(crate) fn thread_finish(
    vm: &mut Vm,
    shared: &Shared,
    thread: ThreadId,
    r: Result<crate::vm::FiberStep, Error>,
) -> Result<(), Error> {
    let mut st = state!(vm, shared);
    drain_output(vm, &mut st, None, 0);
    st.current_thread = None;
    let cancelled = st.cancelled_error.clone();
    let mut host = VmHost { vm, cancelled };
    match r {
        Ok(crate::vm::FiberStep::Done(v)) => st.lp.job_finished(&mut host, thread, Ok(v)),
        Ok(crate::vm::FiberStep::Raised(e)) => st.lp.job_finished(&mut host, thread, Err(e)),
        Ok(crate::vm::FiberStep::Suspended(_)) => {}
        Err(e) => return Err(e),
    }
    Ok(())
}

/// The main thread blocks until the executor (all when `None`) is idle.
pub(crate) fn drain_threads(
    vm: &mut Vm,
    shared: &Shared,
    executor: Option<ExecutorId>,
) -> Result<(), Error> {
    loop {
        let d = {
            let mut st = state!(vm, shared);
            let d = st.lp.drain_threads(executor);
            vm.clock_ns = st.lp.now();
            d
        };
        match d {
            Drain::Run(Todo::StartJob {
                thread, func, args, ..
            }) => {
                let fiber = thread_begin(vm, shared, thread, Some((func, args)))?;
                let r = vm.fiber_resume(fiber, Value::None);
                thread_finish(vm, shared, thread, r)?;
            }
            Drain::Run(Todo::ResumeThread { thread }) => {
                let fiber = thread_begin(vm, shared, thread, None)?;
                let r = vm.fiber_resume(fiber, Value::None);
                thread_finish(vm, shared, thread, r)?;
            }
            Drain::Run(_) | Drain::Done => return Ok(()),
            Drain::Hang => return Err(hang(shared)),
        }
    }
}

/// The warnings CPython prints when the program ends: coroutines never
/// awaited, task exceptions never retrieved, tasks destroyed while pending.
pub(crate) fn report_exit_warnings(vm: &mut Vm, shared: &Shared, ending: &Ending) {
    report_never_awaited(vm, shared);
    // After a hang or a limit the program never reached its end in CPython
    // terms: reporting its tasks as "destroyed" would teach something false.
    if matches!(ending, Ending::Hang | Ending::Limit { .. }) {
        return;
    }
    let (unretrieved, pending) = match shared.try_borrow() {
        Ok(st) => {
            let tasks: Vec<(FutureId, Option<Value>)> = st
                .lp
                .unretrieved_exceptions()
                .into_iter()
                .map(|id| (id, st.lp.future_obj(id).cloned()))
                .collect();
            let pending: Vec<Value> = st
                .lp
                .destroyed_pending_tasks()
                .into_iter()
                .filter_map(|id| st.lp.future_obj(id).cloned())
                .collect();
            (tasks, pending)
        }
        Err(_) => return,
    };
    for (id, obj) in unretrieved {
        let Some(obj) = obj else { continue };
        // The SystemExit that is ending the program: CPython frees its task
        // during interpreter shutdown, when nothing is logged any more.
        if matches!(ending, Ending::Exited { .. }) {
            let exc = match shared
                .try_borrow()
                .ok()
                .and_then(|st| st.lp.future_state(id).cloned())
            {
                Some(FutState::Exception(e)) => Some(e),
                _ => None,
            };
            if exc.is_some_and(|e| vm.is_system_exit(&e)) {
                continue;
            }
        }
        report_unretrieved(vm, shared, id, &obj);
    }
    for obj in pending {
        let summary = "Task was destroyed but it is pending!".to_string();
        // Reported at exit, when CPython has closed the coroutine already.
        let r = future_repr_as(vm, shared, &obj, true).unwrap_or_default();
        let text = format!("{summary}\ntask: {r}\n");
        let line = need_fut(vm, &obj).map_or(0, |id| task_line(shared, id));
        let _ = report_stderr(vm, shared, &summary, &text, line);
    }
}

/// "Task exception was never retrieved" (or Future) for future `id`, whose
/// object is `obj`; it is not reported again.
fn report_unretrieved(vm: &mut Vm, shared: &Shared, id: FutureId, obj: &Value) {
    let is_task = shared.try_borrow().is_ok_and(|st| st.lp.is_task(id));
    let what = if is_task { "Task" } else { "Future" };
    let summary = format!("{what} exception was never retrieved");
    let r = future_repr(vm, shared, obj).unwrap_or_default();
    let exc = match shared
        .try_borrow()
        .ok()
        .and_then(|st| st.lp.future_state(id).cloned())
    {
        Some(FutState::Exception(e)) => Some(e),
        _ => None,
    };
    let mut text = format!("{summary}\nfuture: {r}\n");
    if let Some(e) = exc {
        text.push_str(&vm.format_exception(&e));
    }
    let line = if is_task { task_line(shared, id) } else { 0 };
    let _ = report_stderr(vm, shared, &summary, &text, line);
    if let Ok(mut st) = shared.try_borrow_mut() {
        st.lp.exception_logged(id);
    }
}

/// Reports the unretrieved exceptions of futures nobody but the loop holds
/// any more: CPython logs them when the object is freed, which for a task
/// nobody kept a reference to is right after its last step.
pub(crate) fn report_collected(vm: &mut Vm, shared: &Shared) {
    let candidates = match shared.try_borrow_mut() {
        Ok(mut st) if !st.lp.log_candidates.is_empty() => st.lp.take_log_candidates(),
        _ => return,
    };
    let mut kept = Vec::new();
    for id in candidates {
        let obj = match shared.try_borrow() {
            // A SystemExit's task is the one the exiting program still
            // holds (its traceback does): left for the report at exit.
            Ok(st) => match (st.lp.future_obj(id), st.lp.future_state(id)) {
                (_, Some(FutState::Exception(e))) if vm.is_system_exit(e) => None,
                (Some(Value::Instance(i)), _) if Rc::strong_count(i) == 1 => {
                    Some(Value::Instance(i.clone()))
                }
                _ => None,
            },
            Err(_) => None,
        };
        match obj {
            Some(obj) => report_unretrieved(vm, shared, id, &obj),
            None => kept.push(id),
        }
    }
    if let Ok(mut st) = shared.try_borrow_mut() {
        st.lp.keep_log_candidates(kept);
    }
}

/// "coroutine 'f' was never awaited" for coroutines dropped unstarted.
pub(crate) fn report_never_awaited(vm: &mut Vm, shared: &Shared) {
    let dropped = vm.take_never_awaited_at();
    report_unawaited(vm, shared, dropped, false);
}

/// Warns for `dropped` coroutines: where each is missing its `await`, or,
/// `at_shutdown`, as CPython does for those it frees when the interpreter
/// exits ("sys:1", with no source line).
pub(crate) fn report_unawaited(
    vm: &mut Vm,
    shared: &Shared,
    dropped: Vec<crate::vm::value::NeverAwaited>,
    at_shutdown: bool,
) {
    let file = match shared.try_borrow() {
        Ok(st) => st.filename.clone(),
        Err(_) => return,
    };
    for coro in dropped {
        let summary = format!("coroutine '{}' was never awaited", coro.qualname);
        let line = if coro.filename == file && !at_shutdown {
            coro.line
        } else {
            0
        };
        let first = match shared.try_borrow_mut() {
            Ok(mut st) => st.warned.insert((summary.clone(), line)),
            Err(_) => true,
        };
        if !first && line > 0 {
            continue;
        }
        // As CPython's warnings module prints it: where, the source line,
        // and the hint that tracemalloc would say where it was created.
        let text = match &coro.source_line {
            _ if at_shutdown => format!("sys:1: RuntimeWarning: {summary}\n"),
            Some(source) if line > 0 => format!(
                "{file}:{line}: RuntimeWarning: {summary}\n  {source}\n\
                 RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
            ),
            _ => format!("RuntimeWarning: {summary}\n"),
        };
        let _ = report_stderr(vm, shared, &summary, &text, line);
    }
}
