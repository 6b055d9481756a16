//! The rules of the process model (`multiprocessing`, `ProcessPoolExecutor`)
//! where CPython's own output depends on the processes' timing or on its
//! real pids, so that `conformance/processes/` cannot compare it byte for
//! byte: spawn semantics, separate memory, pickling errors, the order of
//! `map`'s results, exit codes, how a pool hands out work, and the trace's
//! process events.

use looplab_engine::run::{run_program, Ending, Limits, RunOutcome};
use looplab_engine::trace::EventKind;

fn run(source: &str) -> RunOutcome {
    run_program(source, "<lesson>", &Limits::default())
}

fn stdout(o: &RunOutcome) -> String {
    o.output
        .iter()
        .filter(|c| !c.stderr)
        .map(|c| c.text.as_str())
        .collect()
}

fn stderr(o: &RunOutcome) -> String {
    o.output
        .iter()
        .filter(|c| c.stderr)
        .map(|c| c.text.as_str())
        .collect()
}

#[test]
fn an_unguarded_start_fails_in_the_child_with_the_bootstrapping_error() {
    let o = run("import multiprocessing as mp\n\
         def f():\n    print('in f')\n\
         print('top', __name__)\n\
         p = mp.Process(target=f)\n\
         p.start()\n\
         p.join()\n\
         print('exitcode', p.exitcode)\n");
    assert_eq!(o.ending, Ending::Completed);
    assert_eq!(
        stdout(&o),
        "top __main__\ntop __mp_main__\nexitcode 1\n",
        "the child re-runs the program and fails before running f"
    );
    let err = stderr(&o);
    assert!(
        err.contains("RuntimeError: \n        An attempt has been made to start a new process before the\n        current process has finished its bootstrapping phase."),
        "{err}"
    );
    assert!(err.contains("if __name__ == '__main__':"), "{err}");
    assert!(
        err.contains("File \"<lesson>\", line 6, in <module>"),
        "{err}"
    );
}

#[test]
fn a_child_has_its_own_globals_and_modules() {
    let o = run("import multiprocessing as mp\n\
         import threading\n\
         data = {'n': 0}\n\
         def child():\n\
         \x20   data['n'] += 1\n\
         \x20   threading.marker = 'child'\n\
         \x20   print('child', data, threading.marker)\n\
         if __name__ == '__main__':\n\
         \x20   data['n'] = 10\n\
         \x20   p = mp.Process(target=child)\n\
         \x20   p.start(); p.join()\n\
         \x20   print('parent', data, hasattr(threading, 'marker'))\n");
    // The child re-ran the program: its `data` starts at 0, not the parent's 10.
    assert_eq!(stdout(&o), "child {'n': 1} child\nparent {'n': 10} False\n");
}

#[test]
fn unpicklable_objects_fail_with_cpythons_errors() {
    let o = run("import multiprocessing as mp, threading\n\
         def outer():\n\
         \x20   def inner(x): return x\n\
         \x20   return inner\n\
         if __name__ == '__main__':\n\
         \x20   with mp.Pool(1) as pool:\n\
         \x20       for f, arg in [(lambda x: x, 1), (outer(), 1), (abs, (i for i in [1])),\n\
         \x20                      (abs, threading.Lock()), (abs, threading.Event()), (abs, mp)]:\n\
         \x20           try:\n\
         \x20               pool.apply(f, (arg,))\n\
         \x20           except Exception as e:\n\
         \x20               print(type(e).__module__, type(e).__name__, e)\n");
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 6, "{out}");
    assert!(lines[0].starts_with("_pickle PicklingError Can't pickle <function <lambda> at 0x"));
    assert!(lines[0].ends_with(">: attribute lookup <lambda> on __main__ failed"));
    assert_eq!(
        lines[1],
        "builtins AttributeError Can't pickle local object 'outer.<locals>.inner'"
    );
    assert_eq!(
        lines[2],
        "builtins TypeError cannot pickle 'generator' object"
    );
    assert_eq!(
        lines[3],
        "builtins TypeError cannot pickle '_thread.lock' object"
    );
    assert_eq!(
        lines[4],
        "builtins TypeError cannot pickle '_thread.lock' object"
    );
    assert_eq!(lines[5], "builtins TypeError cannot pickle 'module' object");
}

#[test]
fn map_keeps_the_input_order_whatever_the_chunks() {
    let o = run("import multiprocessing as mp\n\
         def sq(x): return x * x\n\
         if __name__ == '__main__':\n\
         \x20   with mp.Pool(3) as pool:\n\
         \x20       for cs in (None, 1, 2, 7, 100):\n\
         \x20           assert pool.map(sq, range(50), chunksize=cs) == [x * x for x in range(50)], cs\n\
         \x20       assert list(pool.imap(sq, range(20), 3)) == [x * x for x in range(20)]\n\
         \x20       assert sorted(pool.imap_unordered(sq, range(20))) == [x * x for x in range(20)]\n\
         \x20   print('ok')\n");
    assert_eq!(stdout(&o), "ok\n", "{}", stderr(&o));
}

#[test]
fn exit_codes() {
    let o = run("import multiprocessing as mp, sys\n\
         def ok(): pass\n\
         def code(n): sys.exit(n)\n\
         def boom(): raise KeyError('k')\n\
         def forever(q): q.get()\n\
         if __name__ == '__main__':\n\
         \x20   q = mp.Queue()\n\
         \x20   ps = [mp.Process(target=ok), mp.Process(target=code, args=(5,)),\n\
         \x20         mp.Process(target=boom), mp.Process(target=forever, args=(q,))]\n\
         \x20   for p in ps: p.start()\n\
         \x20   ps[3].terminate()\n\
         \x20   for p in ps: p.join()\n\
         \x20   print([p.exitcode for p in ps])\n");
    assert_eq!(stdout(&o), "[0, 5, 1, -15]\n");
    assert!(stderr(&o).starts_with("Process Process-3:\nTraceback (most recent call last):\n"));
    assert!(stderr(&o).ends_with("KeyError: 'k'\n"));
}

#[test]
fn a_pool_hands_each_task_to_the_first_idle_worker() {
    // Every worker is up (waiting for work) before the first task: the
    // first four tasks go to the four workers, in order.
    let o = run("import multiprocessing as mp\n\
         def who(x): return mp.current_process().name\n\
         if __name__ == '__main__':\n\
         \x20   with mp.Pool(4) as pool:\n\
         \x20       print(pool.map(who, range(4), chunksize=1))\n");
    assert_eq!(
        stdout(&o),
        "['SpawnPoolWorker-1', 'SpawnPoolWorker-2', 'SpawnPoolWorker-3', 'SpawnPoolWorker-4']\n"
    );
}

#[test]
fn the_trace_carries_processes_and_the_process_of_each_thread() {
    let o = run("import multiprocessing as mp, threading, sys\n\
         def t(): pass\n\
         def child():\n\
         \x20   th = threading.Thread(target=t); th.start(); th.join()\n\
         \x20   sys.exit(3)\n\
         if __name__ == '__main__':\n\
         \x20   p = mp.Process(target=child, name='kid')\n\
         \x20   p.start(); p.join()\n");
    assert_eq!(o.ending, Ending::Completed);
    let mut started = Vec::new();
    let mut exited = Vec::new();
    let mut threads = Vec::new();
    for e in &o.trace.events {
        match &e.kind {
            EventKind::ProcessStarted { process, name } => started.push((*process, name.clone())),
            EventKind::ProcessExited { process, exitcode } => exited.push((*process, *exitcode)),
            EventKind::ProgramThreadStarted {
                thread,
                name,
                process,
            } => threads.push((*thread, name.clone(), *process)),
            _ => {}
        }
    }
    assert_eq!(started, vec![(1, "kid".to_string())]);
    assert_eq!(exited, vec![(1, 3)]);
    assert_eq!(
        threads,
        vec![
            (1, "MainThread".to_string(), 1),
            (2, "Thread-1 (t)".to_string(), 1),
        ]
    );
}

#[test]
fn a_process_pool_executor_serves_run_in_executor() {
    let o = run("import asyncio\n\
         from concurrent.futures import ProcessPoolExecutor\n\
         def cube(x): return x ** 3\n\
         async def main():\n\
         \x20   loop = asyncio.get_running_loop()\n\
         \x20   with ProcessPoolExecutor(2) as ex:\n\
         \x20       print(await asyncio.gather(*(loop.run_in_executor(ex, cube, i) for i in range(4))))\n\
         if __name__ == '__main__':\n\
         \x20   asyncio.run(main())\n");
    assert_eq!(stdout(&o), "[0, 1, 8, 27]\n", "{}", stderr(&o));
}

#[test]
fn only_the_spawn_start_method_is_modelled() {
    let o = run("import multiprocessing as mp\n\
         for m in ('fork', 'forkserver'):\n\
         \x20   try:\n\
         \x20       mp.set_start_method(m)\n\
         \x20   except ValueError as e:\n\
         \x20       print(e)\n");
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(
        out.contains("models only the 'spawn' start method"),
        "{out}"
    );
}

#[test]
fn event_loops_in_two_processes_at_once_say_they_are_not_modelled() {
    let o = run("import asyncio, multiprocessing as mp\n\
         async def job(n):\n\
         \x20   await asyncio.sleep(0.5)\n\
         \x20   return n\n\
         def child(n):\n\
         \x20   print('child', asyncio.run(job(n)))\n\
         if __name__ == '__main__':\n\
         \x20   ps = [mp.Process(target=child, args=(i,)) for i in range(2)]\n\
         \x20   for p in ps: p.start()\n\
         \x20   for p in ps: p.join()\n\
         \x20   print([p.exitcode for p in ps])\n");
    assert_eq!(stdout(&o), "child 0\n[0, 1]\n");
    assert!(
        stderr(&o).contains(
            "RuntimeError: Looplab: an event loop in a process while another process runs one is not supported yet"
        ),
        "{}",
        stderr(&o)
    );
}
