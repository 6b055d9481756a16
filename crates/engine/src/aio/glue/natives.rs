//! The natives of `_looplab` (the Future and Task classes and the loop
//! primitives the asyncio prelude calls), each one `Slot "python_name" =>
//! fn body(...)` in the [`natives!`] table below: adding a native is adding
//! its body there.

use std::rc::Rc;

use super::*;

fn coro_name(coro: &Value) -> String {
    match coro {
        Value::Gen(g) => g.qualname.to_string(),
        _ => "coroutine".into(),
    }
}

fn new_task(
    vm: &mut Vm,
    shared: &Shared,
    coro: Value,
    name: Option<String>,
    obj: Option<Value>,
) -> Result<Value, Error> {
    if !matches!(&coro, Value::Gen(_)) {
        let r = safe_repr(vm, &coro, 0);
        return Err(vm.type_error(format!("a coroutine was expected, got {r}")));
    }
    let cname = coro_name(&coro);
    let line = {
        let st = state!(vm, shared);
        user_line(vm, &st.filename)
    };
    let def = match &coro {
        Value::Gen(g) => g
            .frame
            .borrow()
            .as_ref()
            .map(|f| (Rc::from(&*f.code.filename), f.code.firstlineno)),
        _ => None,
    };
    let id = with_core(vm, shared, |lp, host| {
        lp.create_task(host, coro, name, &cname, line)
    })?;
    if let Some(def) = def {
        state!(vm, shared).coro_defs.insert(id, def);
    }
    match obj {
        Some(obj) => {
            attach_payload(vm, shared, &obj, id)?;
            Ok(obj)
        }
        None => make_future_obj(vm, shared, id, true),
    }
}

fn tuple_items(v: &Value) -> Vec<Value> {
    match v {
        Value::Tuple(t) => t.to_vec(),
        Value::List(l) => l.borrow().clone(),
        Value::None => vec![],
        other => vec![other.clone()],
    }
}

fn executor_id(vm: &mut Vm, executor: &Value) -> Result<ExecutorId, Error> {
    let name = vm.intern("_id");
    match vm.getattr(executor, &name)? {
        Value::Int(n) if n >= 0 => Ok(n as ExecutorId),
        _ => Err(
            vm.type_error("an executor made by concurrent.futures.ThreadPoolExecutor was expected")
        ),
    }
}

natives! {
    // ---- Future methods
    Future "__init__" => fn fut_init(vm, shared, args, _kw) {
        let obj = arg(args, 0);
        if fut_id_of(vm, &obj).is_some() {
            return Ok(Value::None);
        }
        let line = {
            let st = state!(vm, shared);
            user_line(vm, &st.filename)
        };
        let id = state!(vm, shared).lp.create_future("future", line);
        attach_payload(vm, shared, &obj, id)?;
        Ok(Value::None)
    }

    Future "result" => fn fut_result(vm, shared, args, _kw) {
        let obj = arg(args, 0);
        let id = need_fut(vm, &obj)?;
        match with_core(vm, shared, |lp, host| lp.result(host, id))? {
            Ok(v) => Ok(v),
            Err(e) => Err(future_error(vm, shared, &obj, e)),
        }
    }

    Future "exception" => fn fut_exception(vm, shared, args, _kw) {
        let obj = arg(args, 0);
        let id = need_fut(vm, &obj)?;
        match with_core(vm, shared, |lp, host| lp.exception(host, id))? {
            Ok(v) => Ok(v.unwrap_or(Value::None)),
            Err(e) => Err(future_error(vm, shared, &obj, e)),
        }
    }

    Future "done" => fn fut_done(vm, shared, args, _kw) {
        let id = need_fut(vm, &arg(args, 0))?;
        Ok(Value::Bool(state!(vm, shared).lp.done(id)))
    }

    Future "cancelled" => fn fut_cancelled(vm, shared, args, _kw) {
        let id = need_fut(vm, &arg(args, 0))?;
        Ok(Value::Bool(state!(vm, shared).lp.cancelled(id)))
    }

    Future "cancel" => fn fut_cancel(vm, shared, args, kw) {
        let id = need_fut(vm, &arg(args, 0))?;
        let msg = args.get(1).cloned().or_else(|| kwarg(kw, "msg"));
        let msg = msg.filter(|m| !m.is_none());
        let done = with_core(vm, shared, |lp, host| lp.cancel(host, id, msg))?;
        Ok(Value::Bool(done))
    }

    Future "add_done_callback" => fn fut_add_done_callback(vm, shared, args, _kw) {
        let id = need_fut(vm, &arg(args, 0))?;
        let func = arg(args, 1);
        with_core(vm, shared, |lp, host| {
            lp.add_done_callback(host, id, DoneCallback::Call(func))
        })?;
        Ok(Value::None)
    }

    Future "remove_done_callback" => fn fut_remove_done_callback(vm, shared, args, _kw) {
        let id = need_fut(vm, &arg(args, 0))?;
        let func = arg(args, 1);
        let n = state!(vm, shared)
            .lp
            .remove_done_callback(id, |cb| same_callable(cb, &func));
        Ok(Value::Int(n as i64))
    }

    Future "set_result" => fn fut_set_result(vm, shared, args, _kw) {
        let obj = arg(args, 0);
        let id = need_fut(vm, &obj)?;
        let value = arg(args, 1);
        match with_core(vm, shared, |lp, host| lp.set_result(host, id, value))? {
            Ok(()) => Ok(Value::None),
            Err(e) => Err(future_error(vm, shared, &obj, e)),
        }
    }

    Future "set_exception" => fn fut_set_exception(vm, shared, args, _kw) {
        let obj = arg(args, 0);
        let id = need_fut(vm, &obj)?;
        let mut exc = arg(args, 1);
        if let Value::Class(c) = &exc {
            let c = c.clone();
            exc = vm.call(&Value::Class(c), vec![], vec![])?;
        }
        let stop = vm.types.stop_iteration.clone();
        if vm.class_of(&exc).is_subclass(&stop) && Rc::ptr_eq(&vm.class_of(&exc), &stop) {
            return Err(vm.type_error(
                "StopIteration interacts badly with generators and cannot be raised into a Future",
            ));
        }
        match with_core(vm, shared, |lp, host| lp.set_exception(host, id, exc))? {
            Ok(()) => Ok(Value::None),
            Err(e) => Err(future_error(vm, shared, &obj, e)),
        }
    }

    Future "get_loop" => fn fut_get_loop(vm, shared, _args, _kw) {
        Ok(state!(vm, shared).loop_obj.clone().unwrap_or(Value::None))
    }

    Future "_make_cancelled_error" => fn fut_make_cancelled_error(vm, shared, args, _kw) {
        let id = need_fut(vm, &arg(args, 0))?;
        with_core(vm, shared, |lp, host| lp.make_cancelled_error(host, id))
    }

    Future "__repr__" => fn fut_repr(vm, shared, args, _kw) {
        let r = future_repr(vm, shared, &arg(args, 0))?;
        Ok(Value::str(&r))
    }


    // ---- Future properties (getter, then setter of the same name)
    FutureGet "_asyncio_future_blocking" => fn fut_get_blocking(vm, shared, args, _kw) {
        let id = need_fut(vm, &arg(args, 0))?;
        Ok(Value::Bool(state!(vm, shared).lp.blocking(id)))
    }

    FutureSet "_asyncio_future_blocking" => fn fut_set_blocking(vm, shared, args, _kw) {
        let id = need_fut(vm, &arg(args, 0))?;
        let on = matches!(arg(args, 1), Value::Bool(true));
        state!(vm, shared).lp.set_blocking(id, on);
        Ok(Value::None)
    }

    FutureGet "_cancel_message" => fn fut_get_cancel_message(vm, shared, args, _kw) {
        let id = need_fut(vm, &arg(args, 0))?;
        Ok(state!(vm, shared)
            .lp
            .cancel_message(id)
            .cloned()
            .unwrap_or(Value::None))
    }

    FutureGet "_state" => fn fut_get_state(vm, shared, args, _kw) {
        let id = need_fut(vm, &arg(args, 0))?;
        let s = match state!(vm, shared).lp.future_state(id) {
            Some(FutState::Pending) | None => "PENDING",
            Some(FutState::Cancelled) => "CANCELLED",
            Some(_) => "FINISHED",
        };
        Ok(Value::str(s))
    }

    FutureGet "_log_destroy_pending" => fn fut_get_log_destroy(vm, shared, args, _kw) {
        let id = need_fut(vm, &arg(args, 0))?;
        let pending = state!(vm, shared)
            .lp
            .destroyed_pending_tasks()
            .contains(&id);
        Ok(Value::Bool(pending))
    }

    FutureSet "_log_destroy_pending" => fn fut_set_log_destroy(vm, shared, args, _kw) {
        let id = need_fut(vm, &arg(args, 0))?;
        let on = matches!(arg(args, 1), Value::Bool(true));
        state!(vm, shared).lp.set_log_destroy_pending(id, on);
        Ok(Value::None)
    }


    // ---- Task methods
    Task "__init__" => fn task_init(vm, shared, args, kw) {
        let obj = arg(args, 0);
        let coro = args
            .get(1)
            .cloned()
            .or_else(|| kwarg(kw, "coro"))
            .unwrap_or(Value::None);
        let name = match kwarg(kw, "name") {
            Some(Value::None) | None => None,
            Some(v) => Some(vm.str_of(&v)?),
        };
        new_task(vm, shared, coro, name, Some(obj))?;
        Ok(Value::None)
    }

    Task "get_name" => fn task_get_name(vm, shared, args, _kw) {
        let id = need_fut(vm, &arg(args, 0))?;
        let name = state!(vm, shared)
            .lp
            .task_name(id)
            .unwrap_or("")
            .to_string();
        Ok(Value::str(&name))
    }

    Task "set_name" => fn task_set_name(vm, shared, args, _kw) {
        let id = need_fut(vm, &arg(args, 0))?;
        let name = vm.str_of(&arg(args, 1))?;
        state!(vm, shared).lp.set_task_name(id, name);
        Ok(Value::None)
    }

    Task "get_coro" => fn task_get_coro(vm, shared, args, _kw) {
        let id = need_fut(vm, &arg(args, 0))?;
        Ok(state!(vm, shared)
            .lp
            .task_coro(id)
            .cloned()
            .unwrap_or(Value::None))
    }

    Task "cancelling" => fn task_cancelling(vm, shared, args, _kw) {
        let id = need_fut(vm, &arg(args, 0))?;
        Ok(Value::Int(i64::from(state!(vm, shared).lp.cancelling(id))))
    }

    Task "uncancel" => fn task_uncancel(vm, shared, args, _kw) {
        let id = need_fut(vm, &arg(args, 0))?;
        Ok(Value::Int(i64::from(state!(vm, shared).lp.uncancel(id))))
    }


    // ---- Functions of the module
    Module "register_exceptions" => fn m_register_exceptions(vm, shared, args, _kw) {
        let mut st = state!(vm, shared);
        // A child process sharing the one loop core registers only what the
        // main process has not (see `process_spawn`).
        let child = st.procs.active != 0;
        if let Value::Class(c) = arg(args, 0) {
            if !(child && st.cancelled_error.is_some()) {
                st.cancelled_error = Some(c);
            }
        }
        if let Value::Class(c) = arg(args, 1) {
            if !(child && st.invalid_state_error.is_some()) {
                st.invalid_state_error = Some(c);
            }
        }
        Ok(Value::None)
    }

    Module "bind_loop" => fn m_bind_loop(vm, shared, args, _kw) {
        let mut st = state!(vm, shared);
        if !(st.procs.active != 0 && st.loop_obj.is_some()) {
            st.loop_obj = Some(arg(args, 0));
        }
        Ok(Value::None)
    }

    Module "create_future" => fn m_create_future(vm, shared, args, _kw) {
        let label = match arg(args, 0) {
            Value::Str(s) => s.to_string(),
            _ => "future".into(),
        };
        let line = {
            let st = state!(vm, shared);
            user_line(vm, &st.filename)
        };
        let id = state!(vm, shared).lp.create_future(&label, line);
        make_future_obj(vm, shared, id, false)
    }

    Module "create_task" => fn m_create_task(vm, shared, args, _kw) {
        let name = match arg(args, 1) {
            Value::None => None,
            v => Some(vm.str_of(&v)?),
        };
        new_task(vm, shared, arg(args, 0), name, None)
    }

    Module "current_task" => fn m_current_task(vm, shared, _args, _kw) {
        let st = state!(vm, shared);
        Ok(st
            .lp
            .current_task()
            .and_then(|t| st.lp.future_obj(t).cloned())
            .unwrap_or(Value::None))
    }

    Module "all_tasks" => fn m_all_tasks(vm, shared, _args, _kw) {
        let st = state!(vm, shared);
        let tasks: Vec<Value> = st
            .lp
            .pending_tasks()
            .into_iter()
            .filter_map(|t| st.lp.future_obj(t).cloned())
            .collect();
        Ok(Value::list(tasks))
    }

    Module "call_soon" => fn m_call_soon(vm, shared, args, _kw) {
        let func = arg(args, 0);
        let cargs = tuple_items(&arg(args, 1));
        let id = with_core(vm, shared, |lp, host| {
            lp.call_soon(
                host,
                Callback::Call {
                    func,
                    args: cargs,
                    fut: None,
                },
            )
        })?;
        Ok(Value::Int(i64::from(id)))
    }

    Module "call_at" => fn m_call_at(vm, shared, args, _kw) {
        let when = match arg(args, 0) {
            Value::Int(n) => n.max(0) as u64,
            _ => return Err(vm.type_error("call_at: when_ns must be an int")),
        };
        let func = arg(args, 1);
        let cargs = tuple_items(&arg(args, 2));
        let id = with_core(vm, shared, |lp, host| {
            lp.call_at(
                host,
                when,
                Callback::Call {
                    func,
                    args: cargs,
                    fut: None,
                },
            )
        })?;
        Ok(Value::Int(i64::from(id)))
    }

    Module "cancel_handle" => fn m_cancel_handle(vm, shared, args, _kw) {
        if let Value::Int(id) = arg(args, 0) {
            state!(vm, shared).lp.cancel_handle(id as u32);
        }
        Ok(Value::None)
    }

    Module "now_ns" => fn m_now_ns(vm, shared, _args, _kw) {
        Ok(Value::Int(state!(vm, shared).lp.now() as i64))
    }

    Module "ns" => fn m_ns(vm, _shared, args, _kw) {
        let secs = match arg(args, 0) {
            Value::Int(n) => n as f64,
            Value::Bool(b) => f64::from(u8::from(b)),
            Value::Float(x) => x,
            other => {
                let t = vm.type_name(&other);
                return Err(vm.type_error(format!(
                    "unsupported operand type(s) for +: 'float' and '{t}'"
                )));
            }
        };
        Ok(Value::Int(ns_of(secs) as i64))
    }

    /// `loop.run_forever()`: runs loop iterations until `stop()` takes effect.
    Module "run_forever" => fn m_run_forever(vm, shared, _args, _kw) {
        {
            let mut st = state!(vm, shared);
            if st.running {
                drop(st);
                return Err(vm.runtime_error("This event loop is already running"));
            }
            st.running = true;
            let task = st.lp.current_task();
            let line = user_line(vm, &st.filename);
            drain_output(vm, &mut st, task, line);
            if vm.nesting <= 1 && on_program_thread(vm, &st) {
                // The session runs the loop at top level and resumes the main
                // program (with None) once the loop stops.
                return Err(Error::Suspend(Value::None));
            }
        }
        let r = run_loop(vm, shared);
        if let Ok(mut st) = shared.try_borrow_mut() {
            st.running = false;
        }
        r.map(|()| Value::None)
    }

    /// `threading.Thread.start()`: a new program thread running `func()`,
    /// ready at the back of the scheduler's FIFO. Returns its index.
    Module "thread_spawn" => fn m_thread_spawn(vm, shared, args, _kw) {
        let func = arg(args, 0);
        let name = match arg(args, 1) {
            Value::Str(s) => s.to_string(),
            _ => String::new(),
        };
        let fiber = vm.fiber_new(func, vec![], &name);
        let mut st = state!(vm, shared);
        let process = st.prog.threads[st.prog.current].process;
        let tid = st.prog.spawn(fiber);
        st.prog.threads[tid].process = process;
        st.lp.emit(EventKind::ProgramThreadStarted {
            thread: tid as u32,
            name,
            process: process as u32,
        });
        Ok(Value::Int(tid as i64))
    }

    /// `multiprocessing.Process.start()`: a new process named `name` whose
    /// main thread (ready at the back of the FIFO) runs
    /// `multiprocessing._child_main()` in the process's own, empty, module
    /// table; `payload` is what that reads with `process_payload`.
    /// Returns the process's index.
    Module "process_spawn" => fn m_process_spawn(vm, shared, args, _kw) {
        let payload = arg(args, 0);
        let name = match arg(args, 1) {
            Value::Str(s) => s.to_string(),
            _ => String::new(),
        };
        let code = vm.compile(
            "from multiprocessing import _child_main\n_child_main()\n",
            "<spawn>",
        )?;
        let g = Rc::new(crate::vm::Globals::default());
        g.set_str("__name__", Value::str("__mp_spawn__"));
        let func = vm.module_function(code, g);
        let fiber = vm.fiber_new(func, vec![], "MainThread");
        let mut st = state!(vm, shared);
        let process = st.procs.spawn(name.clone(), payload);
        // The natives' module is the one loop core's; so is the asyncio
        // prelude bound to it, when the parent has one.
        for shared_module in ["_looplab", "asyncio"] {
            let key = vm.intern(shared_module);
            if let Some(m) = vm.modules.get(&key).cloned() {
                st.procs.list[process].modules.insert(key, m);
            }
        }
        let tid = st.prog.spawn(fiber);
        st.prog.threads[tid].process = process;
        let now = st.lp.now();
        let in_cores = st.cores.add_process(now);
        debug_assert_eq!(in_cores, process, "the cores number processes as `procs` does");
        if st.cpu_model.is_some() {
            // Start-up (`aio::cpu`, "Processes"): the parent's `start()`
            // computes; the child's interpreter starts before its first
            // instruction.
            crate::aio::glue::charge_cpu(vm, &mut st, crate::aio::cpu::SPAWN_PARENT_NS);
            let ready_at = st.lp.now().saturating_add(crate::aio::cpu::SPAWN_CHILD_NS);
            st.prog.delay(tid, ready_at);
        }
        st.lp.emit(EventKind::ProcessStarted {
            process: process as u32,
            name,
        });
        st.lp.emit(EventKind::ProgramThreadStarted {
            thread: tid as u32,
            name: "MainThread".into(),
            process: process as u32,
        });
        Ok(Value::Int(process as i64))
    }

    /// The running process's index (0: the main process).
    Module "process_current" => fn m_process_current(vm, shared, _args, _kw) {
        let st = state!(vm, shared);
        Ok(Value::Int(st.procs.active as i64))
    }

    /// What `process_spawn` was given for the running process.
    Module "process_payload" => fn m_process_payload(vm, shared, _args, _kw) {
        let st = state!(vm, shared);
        Ok(st.procs.list[st.procs.active].payload.clone())
    }

    /// The program as a function that runs it as module `__mp_main__`
    /// (also registered as `__main__`) in the running process: what the
    /// spawn start method does in a child.
    Module "process_main" => fn m_process_main(vm, shared, _args, _kw) {
        let (source, filename) = {
            let st = state!(vm, shared);
            (st.source.clone(), st.filename.clone())
        };
        let code = vm.compile(&source, &filename)?;
        let g = vm.script_globals("__mp_main__", &filename);
        let module = Value::Module(Rc::new(crate::vm::Module {
            name: vm.intern("__mp_main__"),
            globals: g.clone(),
        }));
        let main = vm.intern("__main__");
        vm.modules.insert(main, module.clone());
        let mp_main = vm.intern("__mp_main__");
        vm.modules.insert(mp_main, module);
        let f = vm.module_function(code, g);
        Ok(Value::tuple(vec![f, Value::Str(filename)]))
    }

    /// `Process.terminate()`/`kill()`: every thread of process `index` ends
    /// where it is (it never runs again).
    Module "process_kill" => fn m_process_kill(vm, shared, args, _kw) {
        let Value::Int(p) = arg(args, 0) else {
            return Ok(Value::None);
        };
        let mut st = state!(vm, shared);
        let p = p.max(0) as usize;
        if p == 0 || p >= st.procs.list.len() || st.procs.list[p].exitcode.is_some() {
            return Ok(Value::None);
        }
        let tids: Vec<usize> = (0..st.prog.threads.len())
            .filter(|&t| st.prog.threads[t].process == p && !st.prog.threads[t].done)
            .collect();
        for tid in tids {
            st.prog.kill(tid);
            st.lp
                .emit(EventKind::ProgramThreadEnded { thread: tid as u32 });
        }
        st.procs.list[p].exitcode = Some(-15);
        st.lp.emit(EventKind::ProcessExited {
            process: p as u32,
            exitcode: -15,
        });
        Ok(Value::None)
    }

    /// The traceback text of `exc` as CPython's `traceback.print_exc()`
    /// prints it in a child, keeping only the frames of the program (file
    /// `filename`) and those the library marks as CPython's own
    /// (`<stdlib>/…`, such as `asyncio.run`'s): `multiprocessing.py`'s own
    /// frames stand for CPython's, which it writes itself.
    Module "process_traceback" => fn m_process_traceback(vm, _shared, args, _kw) {
        let exc = arg(args, 0);
        let file = match arg(args, 1) {
            Value::Str(s) => s,
            _ => Rc::from("<lesson>"),
        };
        let text = vm.format_exception(&exc);
        let mut out = String::new();
        let mut skipping = false;
        for line in text.split_inclusive('\n') {
            if let Some(rest) = line.strip_prefix("  File \"") {
                let program = rest.starts_with(&*file) && rest[file.len()..].starts_with('"');
                skipping = !program
                    && (!rest.starts_with("<stdlib>/") || rest.starts_with("<stdlib>/multiprocessing/"));
            } else if !line.starts_with("    ") {
                skipping = false;
            }
            if !skipping {
                out.push_str(line);
            }
        }
        Ok(Value::Str(Rc::from(out)))
    }

    /// Module `name` of the running process, imported if need be
    /// (`multiprocessing` looks functions and classes up by module name).
    Module "import_module" => fn m_import_module(vm, _shared, args, _kw) {
        match arg(args, 0) {
            Value::Str(s) => vm.import(&s),
            _ => Err(vm.type_error("module name must be a str")),
        }
    }

    /// Whether module `name` was imported by the running process.
    Module "process_has_module" => fn m_process_has_module(vm, _shared, args, _kw) {
        let found = match arg(args, 0) {
            Value::Str(s) => vm.modules.contains_key(&*s),
            _ => false,
        };
        Ok(Value::Bool(found))
    }

    /// The running process ends with `exitcode` (its bootstrap's last act).
    Module "process_exit" => fn m_process_exit(vm, shared, args, _kw) {
        let code = match arg(args, 0) {
            Value::Int(n) => n,
            _ => 1,
        };
        let mut st = state!(vm, shared);
        let p = st.procs.active;
        st.procs.list[p].exitcode = Some(code);
        st.lp.emit(EventKind::ProcessExited {
            process: p as u32,
            exitcode: code,
        });
        Ok(Value::None)
    }

    /// The running program thread blocks until `thread_wake`, or until the
    /// clock reaches `until_ns` (an int) if given; returns True when woken,
    /// False on time-out.
    Module "thread_block" => fn m_thread_block(vm, shared, args, _kw) {
        let until = match arg(args, 0) {
            Value::Int(n) => Some(n.max(0) as u64),
            _ => None,
        };
        let mut st = state!(vm, shared);
        if st.current_thread.is_some() {
            drop(st);
            return Err(vm.runtime_error(
                "Looplab: blocking on a threading lock, event, condition or queue inside \
                 an asyncio executor job (to_thread, run_in_executor) is not supported yet (#15)",
            ));
        }
        let task = st.lp.current_task();
        let line = user_line(vm, &st.filename);
        drain_output(vm, &mut st, task, line);
        let reason = super::wait_reason(vm, &st.filename);
        drop(st);
        block_program_thread(vm, shared, until, reason)
    }

    /// Makes program thread `tid` ready (its `thread_block` returns True).
    Module "thread_wake" => fn m_thread_wake(vm, shared, args, _kw) {
        let woke = match arg(args, 0) {
            Value::Int(t) => state!(vm, shared).prog.wake(t.max(0) as usize),
            _ => false,
        };
        Ok(Value::Bool(woke))
    }

    /// `loop.call_soon_threadsafe`: a loop waiting in its select (in a
    /// program thread) wakes up.
    Module "wake_loop" => fn m_wake_loop(vm, shared, _args, _kw) {
        let mut st = state!(vm, shared);
        if let Some(t) = st.loop_thread {
            st.prog.wake(t);
        }
        Ok(Value::None)
    }

    /// The running program thread's index, or the name of the executor
    /// worker running now (`asyncio_0`...).
    Module "thread_current" => fn m_thread_current(vm, shared, _args, _kw) {
        let st = state!(vm, shared);
        match st.current_thread {
            Some(t) => Ok(Value::Str(Rc::from(st.lp.thread_name(t)))),
            None => Ok(Value::Int(st.prog.current as i64)),
        }
    }

    /// The traceback CPython's C `threading.excepthook` prints for an
    /// exception escaping a thread: `Thread._bootstrap_inner` (and the
    /// default `run`, when not overridden) as CPython's own frames, then the
    /// program's frames without source lines (the C printer cannot read
    /// `<lesson>`), then the exception line.
    Module "thread_traceback" => fn m_thread_traceback(vm, _shared, args, _kw) {
        let exc = arg(args, 0);
        let default_run = matches!(arg(args, 1), Value::Bool(true));
        let mut text = String::from(
            "Traceback (most recent call last):\n  File \"<stdlib>/threading.py\", line 1045, \
             in _bootstrap_inner\n    self.run()\n",
        );
        if default_run {
            text.push_str(
                "  File \"<stdlib>/threading.py\", line 982, in run\n    \
                 self._target(*self._args, **self._kwargs)\n",
            );
        }
        let tb = vm
            .exc_data(&exc)
            .map(|d| d.borrow().traceback.clone())
            .unwrap_or_default();
        for e in tb.iter().filter(|e| &*e.code.filename != "<threading>") {
            text.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                e.code.filename, e.line, e.code.name
            ));
        }
        let line = vm.exception_line(&exc);
        text.push_str(&line);
        text.push('\n');
        Ok(Value::Str(Rc::from(text)))
    }

    Module "stop" => fn m_stop(vm, shared, _args, _kw) {
        state!(vm, shared).lp.stop();
        Ok(Value::None)
    }

    Module "add_stop_callback" => fn m_add_stop_callback(vm, shared, args, _kw) {
        let id = need_fut(vm, &arg(args, 0))?;
        with_core(vm, shared, |lp, host| {
            lp.add_done_callback(host, id, DoneCallback::StopLoop)
        })?;
        Ok(Value::None)
    }

    Module "remove_stop_callback" => fn m_remove_stop_callback(vm, shared, args, _kw) {
        let id = need_fut(vm, &arg(args, 0))?;
        state!(vm, shared).lp.remove_stop_callback(id);
        Ok(Value::None)
    }

    Module "label" => fn m_label(vm, shared, args, _kw) {
        let id = need_fut(vm, &arg(args, 0))?;
        let label = match arg(args, 1) {
            Value::Str(s) => s.to_string(),
            _ => "future".into(),
        };
        let until = match arg(args, 2) {
            Value::Int(n) => Some(n.max(0) as u64),
            _ => None,
        };
        state!(vm, shared).lp.label_future(id, &label, until);
        Ok(Value::None)
    }

    /// `sleep_future(delay, result) -> (future, handle id)`: asyncio.sleep's
    /// future and timer in one native call (the hot path of most lessons).
    Module "sleep_future" => fn m_sleep_future(vm, shared, args, _kw) {
        let secs = match arg(args, 0) {
            Value::Int(n) => n as f64,
            Value::Bool(b) => f64::from(u8::from(b)),
            Value::Float(x) => x,
            other => {
                let t = vm.type_name(&other);
                return Err(vm.type_error(format!(
                    "'<=' not supported between instances of '{t}' and 'int'"
                )));
            }
        };
        let value = arg(args, 1);
        let line = {
            let st = state!(vm, shared);
            user_line(vm, &st.filename)
        };
        let (fut, h) = with_core(vm, shared, |lp, host| {
            lp.sleep_future(host, ns_of(secs), value, line)
        })?;
        let obj = make_future_obj(vm, shared, fut, false)?;
        Ok(Value::tuple(vec![obj, Value::Int(i64::from(h))]))
    }

    Module "make_gathering" => fn m_make_gathering(vm, shared, args, _kw) {
        let id = need_fut(vm, &arg(args, 0))?;
        let mut children = Vec::new();
        for c in tuple_items(&arg(args, 1)) {
            children.push(need_fut(vm, &c)?);
        }
        state!(vm, shared).lp.make_gathering(id, children);
        Ok(Value::None)
    }

    Module "gather_cancel_requested" => fn m_gather_cancel_requested(vm, shared, args, _kw) {
        let id = need_fut(vm, &arg(args, 0))?;
        Ok(Value::Bool(
            state!(vm, shared).lp.gather_cancel_requested(id),
        ))
    }

    Module "set_log_destroy_pending" => fn m_set_log_destroy_pending(vm, shared, args, _kw) {
        fut_set_log_destroy(vm, shared, args, &[])
    }

    Module "iscoroutine" => fn m_iscoroutine(_vm, _shared, args, _kw) {
        let is = matches!(&arg(args, 0), Value::Gen(g) if g.kind == GenKind::Coroutine);
        Ok(Value::Bool(is))
    }

    /// `asyncio.iscoroutinefunction(f)`: an `async def` function (not an async
    /// generator), or a bound method of one.
    Module "iscoroutinefunction" => fn m_iscoroutinefunction(_vm, _shared, args, _kw) {
        let mut f = arg(args, 0);
        if let Value::Method(m) = &f {
            f = m.1.clone(); // (self, function)
        }
        let is = matches!(&f, Value::Function(func) if func.code.kind == crate::compile::code::CodeKind::Coroutine);
        Ok(Value::Bool(is))
    }

    Module "isfuture" => fn m_isfuture(vm, _shared, args, _kw) {
        Ok(Value::Bool(fut_id_of(vm, &arg(args, 0)).is_some()))
    }

    Module "new_executor" => fn m_new_executor(vm, shared, args, _kw) {
        let max = match arg(args, 0) {
            Value::Int(n) => n.clamp(1, 1024) as u32,
            _ => super::super::DEFAULT_MAX_WORKERS,
        };
        let prefix = match arg(args, 1) {
            Value::Str(s) => s.to_string(),
            _ => String::new(),
        };
        let id = state!(vm, shared).lp.new_executor(max, prefix);
        Ok(Value::Int(i64::from(id)))
    }

    Module "submit" => fn m_submit(vm, shared, args, _kw) {
        let ex = executor_id(vm, &arg(args, 0))?;
        let func = arg(args, 1);
        let fargs = tuple_items(&arg(args, 2));
        let line = {
            let st = state!(vm, shared);
            user_line(vm, &st.filename)
        };
        let fut = state!(vm, shared).lp.create_future("thread job", line);
        let obj = make_future_obj(vm, shared, fut, false)?;
        with_core(vm, shared, |lp, host| {
            lp.submit_job(host, ex, func, fargs, fut)
        })?;
        Ok(obj)
    }

    Module "shutdown_executor" => fn m_shutdown_executor(vm, shared, args, _kw) {
        let ex = executor_id(vm, &arg(args, 0))?;
        let fut = need_fut(vm, &arg(args, 1))?;
        state!(vm, shared).lp.shutdown_executor(ex, fut);
        Ok(Value::None)
    }

    Module "drain" => fn m_drain(vm, shared, args, _kw) {
        // `None`: every executor (the end of the program).
        let ex = match arg(args, 0) {
            Value::None => None,
            e => Some(executor_id(vm, &e)?),
        };
        drain_threads(vm, shared, ex)?;
        Ok(Value::None)
    }

    Module "clear_loop" => fn m_clear_loop(vm, shared, _args, _kw) {
        state!(vm, shared).lp.clear();
        Ok(Value::None)
    }

    Module "report" => fn m_report(vm, shared, args, _kw) {
        let message = vm.str_of(&arg(args, 0))?;
        let exc = arg(args, 1);
        let mut text = message.clone();
        text.push('\n');
        let line = if exc.is_none() {
            0
        } else {
            text.push_str(&vm.format_exception(&exc));
            raised_at(vm, shared, &exc)
        };
        report_stderr(vm, shared, &message, &text, line)?;
        Ok(Value::None)
    }
}
