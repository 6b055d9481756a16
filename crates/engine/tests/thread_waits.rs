//! Why a program thread is not running: the reason recorded when it blocks
//! (`ProgramThreadBlocked`'s `reason`, read off the blocking call the
//! program made) and the narration's sentence for it, for a small program
//! of each kind. (Orders and times are CPython's: the `threads`
//! conformance programs check them; here only the words.)

use looplab_engine::run::{run_program, Limits};
use looplab_engine::snapshot::Timeline;
use looplab_engine::trace::{EventKind, WaitReason};

/// Every step's narration of `source`, one per line.
fn narration(source: &str) -> String {
    let outcome = run_program(source, "<lesson>", &Limits::default());
    let tl = Timeline::new(outcome.trace, 64);
    (0..tl.steps.len())
        .map(|i| tl.narrate(i))
        .collect::<Vec<_>>()
        .join("\n")
}

#[track_caller]
fn assert_says(source: &str, parts: &[&str]) {
    let n = narration(source);
    for part in parts {
        assert!(n.contains(part), "{part:?} missing from:\n{n}");
    }
}

/// The reasons recorded, in order, as (thread, reason).
fn reasons(source: &str) -> Vec<(u32, Option<WaitReason>)> {
    run_program(source, "<lesson>", &Limits::default())
        .trace
        .events
        .into_iter()
        .filter_map(|e| match e.kind {
            EventKind::ProgramThreadBlocked { thread, reason, .. } => Some((thread, reason)),
            _ => None,
        })
        .collect()
}

#[test]
fn a_join_names_the_thread_joined_and_a_sleep_its_end() {
    let src = "import threading, time\n\
               def work(s):\n    time.sleep(s)\n\
               t = threading.Thread(target=work, args=(1.5,))\n\
               t.start()\nt.join()\n";
    assert_says(
        src,
        &[
            "Thread-1 (work) ran until it blocked: it is sleeping until t=1.500.",
            "The main thread ran until it blocked: it is blocked in join(Thread-1 (work)).",
        ],
    );
    assert_eq!(
        reasons(src),
        [
            (0, Some(WaitReason::Start)),
            (1, Some(WaitReason::Sleep)),
            (0, Some(WaitReason::Join { thread: Some(1) })),
        ]
    );
}

#[test]
fn a_lock_names_its_holder() {
    let src = "import threading, time\n\
               lock = threading.Lock()\n\
               def holder():\n    with lock:\n        time.sleep(1)\n\
               def waiter():\n    lock.acquire()\n    lock.release()\n\
               threading.Thread(target=holder).start()\n\
               threading.Thread(target=waiter, name='worker').start()\n\
               r = threading.RLock()\nr.acquire()\n\
               def rw():\n    with r:\n        pass\n\
               threading.Thread(target=rw).start()\n\
               time.sleep(2)\nr.release()\n";
    assert_says(
        src,
        &[
            "Worker ran until it blocked: it is waiting for the Lock held by Thread-1 (holder).",
            "Thread-2 (rw) ran until it blocked: it is waiting for the RLock held by MainThread.",
        ],
    );
    let r = reasons(src);
    assert!(
        r.contains(&(2, Some(WaitReason::Lock { holder: Some(1) }))),
        "{r:?}"
    );
    assert!(
        r.contains(&(3, Some(WaitReason::RLock { holder: Some(0) }))),
        "{r:?}"
    );
}

#[test]
fn the_primitives_each_say_what_they_wait_for() {
    let src = "import threading, time\n\
               ev = threading.Event()\ncond = threading.Condition()\n\
               sem = threading.Semaphore(0)\nbar = threading.Barrier(2)\n\
               def evw(): ev.wait()\n\
               def condw():\n    with cond:\n        cond.wait()\n\
               def semw(): sem.acquire()\n\
               def barw(): bar.wait()\n\
               def timed(): ev.wait(0.5)\n\
               ts = [threading.Thread(target=f) for f in (evw, condw, semw, barw, timed)]\n\
               for t in ts: t.start()\n\
               time.sleep(1)\nev.set()\n\
               with cond: cond.notify()\n\
               sem.release()\nbar.wait()\n\
               tm = threading.Timer(1, print, args=('timer',))\ntm.start()\n";
    assert_says(
        src,
        &[
            "The main thread ran until it blocked: it is waiting in start() for the new thread \
             to begin.",
            "Thread-1 (evw) ran until it blocked: it is waiting for an Event to be set.",
            "Thread-2 (condw) ran until it blocked: it is waiting in Condition.wait() for a \
             notify().",
            "Thread-3 (semw) ran until it blocked: it is waiting for a Semaphore to be released.",
            "Thread-4 (barw) ran until it blocked: it is waiting at a Barrier for the other \
             threads.",
            "Thread-5 (timed) ran until it blocked: it is waiting for an Event to be set (at \
             most until t=0.500).",
            "Thread-6 ran until it blocked: it is waiting for its Timer to fire at t=2.000 \
             (unless cancelled).",
        ],
    );
}

#[test]
fn queues_and_futures_say_which_call_waits() {
    let src = "import threading, queue, time\n\
               from concurrent.futures import ThreadPoolExecutor, as_completed\n\
               q = queue.Queue(maxsize=1)\n\
               def getter(): q.get()\n\
               def putter(): q.put(1); q.put(2)\n\
               def joiner(): q.join()\n\
               g = threading.Thread(target=getter); g.start()\n\
               time.sleep(1)\nq.put(0)\ng.join()\n\
               p = threading.Thread(target=putter); p.start()\n\
               j = threading.Thread(target=joiner); j.start()\n\
               time.sleep(1)\n\
               for _ in range(2): q.get()\n\
               for _ in range(3): q.task_done()\n\
               with ThreadPoolExecutor(1) as ex:\n\
               \x20   f = ex.submit(time.sleep, 1)\n\
               \x20   f.result()\n\
               \x20   for x in as_completed([ex.submit(time.sleep, 1)]): pass\n";
    assert_says(
        src,
        &[
            "Thread-1 (getter) ran until it blocked: it is waiting in Queue.get() for an item.",
            "Thread-2 (putter) ran until it blocked: it is waiting in Queue.put() for room in \
             the queue.",
            "Thread-3 (joiner) ran until it blocked: it is waiting in Queue.join() until every \
             item is marked done.",
            "The main thread ran until it blocked: it is waiting in Future.result() for its \
             result.",
            "ThreadPoolExecutor-0_0 ran until it blocked: it is waiting for work from its pool.",
            "The main thread ran until it blocked: it is waiting in wait() or as_completed() \
             for futures to finish.",
            "The main thread ran until it blocked: it is blocked in \
             join(ThreadPoolExecutor-0_0).",
        ],
    );
}

#[test]
fn a_thread_running_a_loop_waits_in_its_select() {
    assert_says(
        "import asyncio, threading\n\
         async def slow():\n    await asyncio.sleep(3)\n    return 1\n\
         loop = asyncio.new_event_loop()\n\
         threading.Thread(target=loop.run_forever).start()\n\
         f = asyncio.run_coroutine_threadsafe(slow(), loop)\n\
         f.result()\n\
         loop.call_soon_threadsafe(loop.stop)\n",
        &[
            "Thread-1 (run_forever) ran until it blocked: it is running an event loop that \
             waits for a call_soon_threadsafe().",
            "The main thread ran until it blocked: it is waiting in Future.result() for its \
             result.",
        ],
    );
}

#[test]
fn process_calls_are_named_as_the_program_calls_them() {
    assert_says(
        "import multiprocessing as mp, time\n\
         def sq(x):\n    return x * x\n\
         def nap():\n    time.sleep(1)\n\
         if __name__ == '__main__':\n\
         \x20   p = mp.Process(target=nap)\n    p.start()\n    p.join()\n\
         \x20   with mp.Pool(2) as pool:\n        print(pool.map(sq, range(3)))\n",
        &[
            "it is blocked in Process.join().",
            "it is blocked in Pool.map().",
            "ran until it blocked: it is waiting for work from its pool.",
        ],
    );
}

/// No thread, no reason: a program without threads records no
/// `ProgramThreadBlocked` at all.
#[test]
fn programs_without_threads_record_no_thread_waits() {
    assert!(reasons("import time\ntime.sleep(1)\nprint('x')\n").is_empty());
}
