//! Unit tests of the VM's Rust API: coroutine resume/send/throw, native
//! awaitables, fuel pausing, budgets and fibers.

use std::rc::Rc;

use super::*;

fn vm_with(src: &str) -> (Vm, Rc<Globals>) {
    let mut vm = Vm::new(Limits::default());
    let g = match vm.exec_main(src, "<lesson>") {
        Ok(g) => g,
        Err(e) => panic!("setup failed: {}", vm.render_error(&e)),
    };
    (vm, g)
}

fn call_global(vm: &mut Vm, g: &Rc<Globals>, name: &str, args: Vec<Value>) -> Value {
    let f = g.get(name).expect("global");
    match vm.call(&f, args, vec![]) {
        Ok(v) => v,
        Err(e) => panic!("call failed: {}", vm.render_error(&e)),
    }
}

#[test]
fn coroutine_send_and_return() {
    let (mut vm, g) = vm_with(
        "class F:\n    def __await__(self):\n        r = yield self\n        return r\nasync def inner():\n    return await F()\nasync def outer():\n    x = await inner()\n    return x * 2\n",
    );
    let coro = call_global(&mut vm, &g, "outer", vec![]);
    // The value yielded by the innermost awaitable reaches the resumer.
    let step = vm.resume(&coro, Resume::Send(Value::None)).expect("resume");
    let GenStep::Yielded(Value::Instance(i)) = step else {
        panic!("expected the F instance, got {step:?}")
    };
    assert_eq!(&*i.class().name, "F");
    match vm
        .resume(&coro, Resume::Send(Value::Int(21)))
        .expect("resume")
    {
        GenStep::Returned(Value::Int(42)) => {}
        other => panic!("expected Returned(42), got {other:?}"),
    }
    // A finished coroutine cannot be resumed again.
    match vm.resume(&coro, Resume::Send(Value::None)).expect("resume") {
        GenStep::Raised(e) => assert_eq!(
            vm.exception_line(&e),
            "RuntimeError: cannot reuse already awaited coroutine"
        ),
        other => panic!("expected RuntimeError, got {other:?}"),
    }
}

#[test]
fn throw_reaches_innermost_awaitable() {
    let (mut vm, g) = vm_with(
        "log = []\nclass F:\n    def __await__(self):\n        yield self\nasync def inner():\n    try:\n        await F()\n    except ValueError as e:\n        log.append('inner ' + str(e))\n        return 7\nasync def outer():\n    return await inner() + 1\n",
    );
    let coro = call_global(&mut vm, &g, "outer", vec![]);
    vm.resume(&coro, Resume::Send(Value::None))
        .expect("first step");
    let ve = vm.types.value_error.clone();
    let exc = vm.new_exception(&ve, vec![Value::str("boom")]);
    match vm.resume(&coro, Resume::Throw(exc)).expect("throw") {
        GenStep::Returned(Value::Int(8)) => {}
        other => panic!("expected Returned(8), got {other:?}"),
    }
    let log = g.get("log").expect("log");
    assert_eq!(vm.repr(&log).expect("repr"), "['inner boom']");
}

#[test]
fn unhandled_throw_is_raised_with_traceback() {
    let (mut vm, g) = vm_with("class F:\n    def __await__(self):\n        yield self\nasync def main():\n    await F()\n");
    let coro = call_global(&mut vm, &g, "main", vec![]);
    vm.resume(&coro, Resume::Send(Value::None)).expect("step");
    let ke = vm.types.key_error.clone();
    let exc = vm.new_exception(&ke, vec![Value::str("k")]);
    let GenStep::Raised(e) = vm.resume(&coro, Resume::Throw(exc)).expect("throw") else {
        panic!("expected Raised")
    };
    let tb = vm.format_exception(&e);
    assert!(tb.contains("line 5, in main"), "{tb}");
    assert!(tb.contains("line 3, in __await__"), "{tb}");
    assert!(tb.ends_with("KeyError: 'k'\n"), "{tb}");
}

#[test]
fn native_awaitable_yields_itself_once() {
    let mut vm = Vm::new(Limits::default());
    let await_fn = vm.native_fn("__await__", |vm, args, _| {
        let me = args[0].clone();
        Ok(vm.yield_once_iter(me, |_vm, _args, _| Ok(Value::Int(99))))
    });
    let cls = vm.new_native_class("Fut", "test", None, vec![("__await__", await_fn)]);
    let fut = vm.new_native_instance(&cls, Box::new(5u32));
    assert_eq!(vm.native_payload::<u32, u32>(&fut, |p| *p), Some(5));
    let g = vm
        .exec_main("async def main(f):\n    return await f\n", "<lesson>")
        .expect("exec");
    let main = g.get("main").expect("main");
    let coro = vm.call(&main, vec![fut.clone()], vec![]).expect("call");
    match vm.resume(&coro, Resume::Send(Value::None)).expect("step") {
        GenStep::Yielded(v) => assert!(v.is(&fut)),
        other => panic!("expected the future, got {other:?}"),
    }
    match vm.resume(&coro, Resume::Send(Value::None)).expect("step") {
        GenStep::Returned(Value::Int(99)) => {}
        other => panic!("expected 99, got {other:?}"),
    }
}

#[test]
fn never_awaited_coroutines_are_reported() {
    let (mut vm, _g) =
        vm_with("async def f():\n    pass\nf()\nasync def g():\n    pass\nc = g()\n");
    assert_eq!(vm.take_never_awaited(), vec!["f".to_string()]);
}

#[test]
fn fuel_pauses_and_resumes_with_identical_results() {
    let src = "def main():\n    t = 0\n    for i in range(20000):\n        t += i % 7\n    print(t)\n    return t\n";
    let (mut vm, g) = vm_with(src);
    let f = g.get("main").expect("main");
    vm.set_fuel(Some(1000));
    let mut pauses = 0;
    let mut r = vm.call(&f, vec![], vec![]).map(GenStep::Returned);
    loop {
        match r {
            Err(Error::Paused) => {
                pauses += 1;
                vm.set_fuel(Some(1000));
                r = vm.resume_paused();
            }
            Ok(GenStep::Returned(Value::Int(t))) => {
                assert_eq!(t, (0..20000).map(|i| i % 7).sum::<i64>());
                break;
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    assert!(pauses > 50, "paused only {pauses} times");
    assert_eq!(vm.stdout_text(), "59997\n");
}

#[test]
fn endless_loop_hits_slice_limit() {
    let limits = Limits {
        max_slice_instructions: 100_000,
        ..Limits::default()
    };
    let r = run_script("while True:\n    pass\n", "<lesson>", &limits);
    let e = r.error.expect("error");
    assert!(
        e.contains("blocking the event loop (the step limit)"),
        "{e}"
    );
}

#[test]
fn recursion_limit_is_a_recursion_error() {
    let r = run_script(
        "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print('caught', e)\n",
        "<lesson>",
        &Limits::default(),
    );
    assert_eq!(r.stdout, "caught maximum recursion depth exceeded\n");
    // Depth 990 works (no Rust recursion for Python calls).
    let r = run_script(
        "def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(990))\n",
        "<lesson>",
        &Limits::default(),
    );
    assert_eq!(r.stdout, "990\n", "{:?}", r.error);
}

#[test]
fn huge_allocation_is_memory_error() {
    let r = run_script("x = [0] * (10 ** 12)\n", "<lesson>", &Limits::default());
    assert_eq!(r.last_line.as_deref(), Some("MemoryError"));
}

#[test]
fn ints_grow_past_64_bits() {
    let r = run_script("print(2 ** 70)\n", "<lesson>", &Limits::default());
    assert_eq!(r.stdout, "1180591620717411303424\n", "{:?}", r.error);
}

#[test]
fn huge_ints_are_memory_errors_before_allocating() {
    for src in ["x = 3 ** (10 ** 12)\n", "x = 1 << (10 ** 12)\n"] {
        let r = run_script(src, "<lesson>", &Limits::default());
        let last = r.last_line.unwrap_or_default();
        assert!(last.starts_with("MemoryError"), "{src}: {last}");
    }
    // Squaring without end: stopped by a budget (the work of each product
    // is counted before it starts), never a freeze.
    let src = "x = 2 ** 70\nfor _ in range(40):\n    x = x * x\n";
    let r = run_script(src, "<lesson>", &Limits::default());
    let last = r.last_line.unwrap_or_default();
    assert!(
        last.starts_with("MemoryError") || last.contains("instructions"),
        "{last}"
    );
}

#[test]
fn fiber_suspends_in_native_call_and_resumes() {
    let mut vm = Vm::new(Limits::default());
    // time.sleep in a fiber suspends it with the requested seconds.
    vm.sleep_hook = Some(Rc::new(|vm: &mut Vm, secs: f64| {
        if vm.current_fiber.is_some() {
            Err(Error::Suspend(Value::Float(secs)))
        } else {
            Ok(Value::None)
        }
    }));
    let g = vm
        .exec_main(
            "import time\ndef work(n):\n    r = time.sleep(n)\n    return (n * 2, r)\n",
            "<lesson>",
        )
        .expect("exec");
    let work = g.get("work").expect("work");
    let id = vm.fiber_new(work, vec![Value::Int(3)], "asyncio_0");
    match vm.fiber_resume(id, Value::None).expect("run") {
        FiberStep::Suspended(Value::Float(s)) => assert_eq!(s, 3.0),
        other => panic!("expected suspension, got {other:?}"),
    }
    assert!(!vm.fiber_done(id));
    match vm.fiber_resume(id, Value::str("woke")).expect("run") {
        FiberStep::Done(v) => assert_eq!(vm.repr(&v).expect("repr"), "(6, 'woke')"),
        other => panic!("expected Done, got {other:?}"),
    }
    assert!(vm.fiber_done(id));
}

#[test]
fn generator_close_and_send() {
    let r = run_script(
        "def g():\n    try:\n        yield 1\n        yield 2\n    finally:\n        print('cleanup')\nx = g()\nprint(next(x))\nx.close()\nprint('closed')\n",
        "<lesson>",
        &Limits::default(),
    );
    assert_eq!(r.stdout, "1\ncleanup\nclosed\n", "{:?}", r.error);
}

#[test]
fn sys_exit_is_not_an_error() {
    let r = run_script(
        "import sys\nprint('a')\nsys.exit(0)\nprint('b')\n",
        "<lesson>",
        &Limits::default(),
    );
    assert_eq!(r.stdout, "a\n");
    assert_eq!(r.error, None);
    let r = run_script(
        "import sys\nsys.exit('bye')\n",
        "<lesson>",
        &Limits::default(),
    );
    assert_eq!(r.error.as_deref(), Some("bye\n"));
}

#[test]
fn library_pieces_keep_the_file_and_its_line_numbers() {
    let src = crate::aio::glue::PRELUDE;
    let pieces = library_pieces_of(src);
    assert!(pieces.len() > 5, "{} pieces", pieces.len());
    let mut joined = String::new();
    let mut line = 1;
    for p in &pieces {
        let pad = p.len() - p.trim_start_matches('\n').len();
        // Each piece starts on its own line of the file, padded to it.
        assert_eq!(pad, line - 1);
        joined.push_str(&p[pad..]);
        line += p[pad..].matches('\n').count();
    }
    assert_eq!(joined, src);
}

#[test]
fn the_imports_a_run_compiles_first_are_read_from_import_lines() {
    let src = "import a.b as c, d; from e.f import g\nx = 1  # import no\ndef f():\n    import h\n";
    assert_eq!(
        imported_names(src, false),
        ["a", "a.b", "d", "e", "e.f", "h"]
    );
    assert_eq!(imported_names(src, true), ["a", "a.b", "d", "e", "e.f"]);
    // Followed through the library's own top-level imports, library
    // modules written in Python only.
    let mut vm = Vm::new(Limits::default());
    vm.add_source_module("top", "import sys\nimport mid\n", "<top>");
    vm.add_source_module("mid", "def f():\n    import inner\n", "<mid>");
    vm.add_source_module("inner", "", "<inner>");
    let mut found: Vec<String> = vm
        .library_imports("import time, top\n")
        .iter()
        .map(|n| n.to_string())
        .collect();
    found.sort();
    assert_eq!(found, ["mid", "top"]);
}

#[test]
fn a_module_whose_body_fails_is_not_imported() {
    // As in CPython (checked with a `bad.py` beside the program): the
    // exception reaches the importer and the module leaves sys.modules,
    // so a second import runs the body again.
    let mut vm = Vm::new(Limits::default());
    vm.add_source_module(
        "bad",
        "import sys\nprint('body')\nraise ValueError('boom')\n",
        "<bad>",
    );
    let src = "for _ in range(2):\n    try:\n        import bad\n    except ValueError as e:\n        print('caught', e)\n";
    if let Err(e) = vm.exec_main(src, "<lesson>") {
        panic!("{}", vm.render_error(&e));
    }
    assert_eq!(vm.stdout_text(), "body\ncaught boom\nbody\ncaught boom\n");
}
