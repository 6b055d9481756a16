//! Program threads (`threading.Thread` and the main thread): the
//! deterministic scheduler the oracle's `Baton` follows (the rule is in
//! `tools/oracle.py`'s header, "Threads").
//!
//! Exactly one thread runs at a time. It runs until it blocks (a lock,
//! `join`, an event, a queue, `time.sleep`...); then the thread that became
//! ready first runs (a FIFO of ready threads). Waking another thread
//! (`release`, `set`, `notify`, `put`, a thread's start) only appends it to
//! that FIFO: the waker keeps running. When no thread is ready, the clock
//! jumps to the earliest timed wait (`sleep`, a timeout), ties in the order
//! the waits began; with none, the program hangs.
//!
//! The CPU model (`crate::aio::cpu`) adds one rule: at a GIL switch point
//! the timed waits that have expired become ready
//! ([`ProgramThreads::wake_expired`]) and, if any thread is ready, the
//! running one goes to the back of the FIFO ([`ProgramThreads::yield_now`]).

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

/// Index of a program thread (0 is the main thread).
pub type Tid = usize;

/// One program thread.
#[derive(Debug, Default)]
pub struct ProgramThread {
    /// Its VM fiber (the main thread's is the session's main fiber).
    pub fiber: Option<usize>,
    /// What the blocking call it waits in returns when it runs again
    /// (`true`: woken; `false`: timed out).
    pub result: bool,
    /// It waits in `time.sleep` (which returns `None`).
    pub sleeping: bool,
    /// Blocked (neither ready nor running).
    waiting: bool,
    /// Bumped at each block and wake: a timed wait whose token is stale
    /// was ended by a wake.
    token: u64,
    /// Finished.
    pub done: bool,
    /// The process it belongs to (0 = the main process; see
    /// `aio::processes`).
    pub process: usize,
}

/// Every program thread and the scheduler's queues.
#[derive(Debug)]
pub struct ProgramThreads {
    /// Index = [`Tid`].
    pub threads: Vec<ProgramThread>,
    /// The thread running now.
    pub current: Tid,
    /// Ready threads, in the order they became ready.
    ready: VecDeque<Tid>,
    /// Timed waits: (until, sequence, token, thread).
    timed: BinaryHeap<Reverse<(u64, u64, u64, Tid)>>,
    /// Sequence of timed waits (ties of equal deadlines).
    seq: u64,
    /// Threads blocked inside a native call, innermost last: the other
    /// threads run nested in that call until it is woken.
    pub nested: Vec<Tid>,
}

/// What the scheduler decided.
#[derive(Debug, PartialEq, Eq)]
pub enum Next {
    /// Run this thread (after the clock moved to `now`).
    Run { tid: Tid, now: u64 },
    /// No thread can ever run again.
    Hang,
}

impl Default for ProgramThreads {
    fn default() -> Self {
        ProgramThreads {
            threads: vec![ProgramThread::default()],
            current: 0,
            ready: VecDeque::new(),
            timed: BinaryHeap::new(),
            seq: 0,
            nested: Vec::new(),
        }
    }
}

impl ProgramThreads {
    /// Whether a `threading.Thread` was ever started.
    pub fn started(&self) -> bool {
        self.threads.len() > 1
    }

    /// Whether a thread other than the main one is alive.
    pub fn others_alive(&self) -> bool {
        self.threads.iter().skip(1).any(|t| !t.done)
    }

    /// A new thread running `fiber`, ready (at the back of the FIFO).
    pub fn spawn(&mut self, fiber: usize) -> Tid {
        self.spawn_in(0, fiber)
    }

    /// A new thread of process `process` running `fiber`, ready.
    pub fn spawn_in(&mut self, process: usize, fiber: usize) -> Tid {
        self.threads.push(ProgramThread {
            fiber: Some(fiber),
            process,
            ..ProgramThread::default()
        });
        let tid = self.threads.len() - 1;
        self.ready.push_back(tid);
        tid
    }

    /// The processes that have a ready thread (each once, in FIFO order):
    /// the CPU model's cores run them (`crate::aio::cpu::Cores`).
    pub fn ready_processes(&self) -> Vec<usize> {
        let mut out = Vec::new();
        for &tid in &self.ready {
            if self.threads[tid].done {
                continue; // killed while ready
            }
            let p = self.threads[tid].process;
            if !out.contains(&p) {
                out.push(p);
            }
        }
        out
    }

    /// Runs the first ready thread of process `process` (the CPU model's
    /// choice among processes: each has its own GIL, so the FIFO order
    /// holds within a process); `None` if it has none ready.
    pub fn run_ready_of(&mut self, process: usize) -> Option<Tid> {
        let i = self
            .ready
            .iter()
            .position(|&t| self.threads[t].process == process && !self.threads[t].done)?;
        let tid = self.ready.remove(i)?;
        self.current = tid;
        Some(tid)
    }

    /// The running thread blocks until [`ProgramThreads::wake`] or, with
    /// `until`, until the clock reaches it.
    pub fn block(&mut self, until: Option<u64>, sleeping: bool) {
        let tid = self.current;
        let t = &mut self.threads[tid];
        t.token += 1;
        t.result = false;
        t.sleeping = sleeping;
        t.waiting = true;
        if let Some(until) = until {
            self.seq += 1;
            self.timed.push(Reverse((until, self.seq, t.token, tid)));
        }
    }

    /// Ready thread `tid` (just spawned) waits until `until` first (a
    /// process's start-up, CPU model), as a timed wait.
    pub fn delay(&mut self, tid: Tid, until: u64) {
        if let Some(i) = self.ready.iter().position(|&t| t == tid) {
            self.ready.remove(i);
            let t = &mut self.threads[tid];
            t.token += 1;
            t.waiting = true;
            self.seq += 1;
            self.timed.push(Reverse((until, self.seq, t.token, tid)));
        }
    }

    /// Makes `tid` ready if it is blocked (its blocking call returns
    /// `true`); says whether it was.
    pub fn wake(&mut self, tid: Tid) -> bool {
        match self.threads.get_mut(tid) {
            Some(t) if t.waiting && !t.done => {
                t.token += 1;
                t.result = true;
                t.waiting = false;
                self.ready.push_back(tid);
                true
            }
            _ => false,
        }
    }

    /// The running thread stays ready but lets the others ready before it
    /// run first (the CPU model's switch interval would call this).
    pub fn yield_now(&mut self) {
        let tid = self.current;
        self.threads[tid].result = true;
        self.ready.push_back(tid);
    }

    /// The ready threads, in the order they became ready.
    pub fn ready(&self) -> impl Iterator<Item = Tid> + '_ {
        self.ready
            .iter()
            .copied()
            .filter(|&t| !self.threads[t].done)
    }

    /// Whether a thread is ready to run.
    pub fn any_ready(&self) -> bool {
        !self.ready.is_empty()
    }

    /// The timed waits that ended by `now` end: their threads become
    /// ready (their blocking call returns `False`, `None` for a sleep), in
    /// the order of their deadlines. Returns how many.
    pub fn wake_expired(&mut self, now: u64) -> usize {
        let mut n = 0;
        while let Some(until) = self.next_wake() {
            if until > now {
                break;
            }
            let Some(Reverse((_, _, _, tid))) = self.timed.pop() else {
                break;
            };
            let t = &mut self.threads[tid];
            t.token += 1;
            t.result = false;
            t.waiting = false;
            self.ready.push_back(tid);
            n += 1;
        }
        n
    }

    /// The running thread finished.
    pub fn finish(&mut self) {
        let tid = self.current;
        self.threads[tid].done = true;
        self.threads[tid].fiber = None;
    }

    /// Thread `tid` ends where it is (its process was terminated).
    pub fn kill(&mut self, tid: Tid) {
        if let Some(t) = self.threads.get_mut(tid) {
            t.done = true;
            t.waiting = false;
            t.fiber = None;
        }
    }

    /// Earliest timed wait still in force.
    pub fn next_wake(&mut self) -> Option<u64> {
        while let Some(Reverse((until, _, token, tid))) = self.timed.peek().copied() {
            if self.threads[tid].token == token && !self.threads[tid].done {
                return Some(until);
            }
            self.timed.pop();
        }
        None
    }

    /// Picks the next thread to run, moving the clock (`now`) to a timed
    /// wait's end when none is ready.
    pub fn next(&mut self, now: u64) -> Next {
        while let Some(tid) = self.ready.pop_front() {
            if self.threads[tid].done {
                continue; // killed while ready
            }
            self.current = tid;
            return Next::Run { tid, now };
        }
        match self.next_wake() {
            Some(until) => {
                let Some(Reverse((_, _, _, tid))) = self.timed.pop() else {
                    return Next::Hang;
                };
                let t = &mut self.threads[tid];
                t.token += 1;
                t.result = false;
                t.waiting = false;
                self.current = tid;
                Next::Run {
                    tid,
                    now: until.max(now),
                }
            }
            None => Next::Hang,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ready_fifo_then_timed_waits_in_order() {
        let mut p = ProgramThreads::default();
        let a = p.spawn(10);
        let b = p.spawn(11);
        p.block(Some(50), true); // main sleeps
        assert_eq!(p.next(0), Next::Run { tid: a, now: 0 });
        p.block(Some(20), true);
        assert_eq!(p.next(0), Next::Run { tid: b, now: 0 });
        p.block(None, false);
        assert_eq!(p.next(0), Next::Run { tid: a, now: 20 });
        assert!(p.wake(b));
        assert!(!p.wake(b));
        p.finish();
        assert_eq!(p.next(20), Next::Run { tid: b, now: 20 });
        assert!(p.threads[b].result);
        p.finish();
        assert_eq!(p.next(20), Next::Run { tid: 0, now: 50 });
        assert!(!p.threads[0].result);
        p.block(None, false);
        assert_eq!(p.next(50), Next::Hang);
    }

    #[test]
    fn processes_run_in_parallel_on_the_cores() {
        // Threads of 4 processes each compute 1 s in 5 ms slices, plus one
        // more thread of process 0: each process has its own GIL (its
        // threads take turns), the processes share 4 cores. The cores pick
        // the process furthest behind, the FIFO the thread within it.
        use crate::aio::cpu::Cores;
        const SEC: u64 = 1_000_000_000;
        const SLICE: u64 = 5_000_000;
        let mut p = ProgramThreads::default();
        let mut cores = Cores::new(4);
        let extra = p.spawn_in(0, 1);
        let mut left = vec![SEC, SEC];
        for proc in 1..4 {
            assert_eq!(cores.add_process(0), proc);
            p.spawn_in(proc, 10 + proc);
            left.push(SEC);
        }
        assert_eq!(p.threads[extra].process, 0);
        assert_eq!(p.ready_processes(), vec![0, 1, 2, 3]);
        p.yield_now(); // main thread (process 0) is ready too
        let mut ended = vec![0u64; left.len()];
        loop {
            for proc in 0..4 {
                let ready = p.ready_processes().contains(&proc);
                cores.set_runnable(proc, ready, 0);
            }
            let Some(proc) = cores.next() else { break };
            let tid = p.run_ready_of(proc).expect("a ready thread");
            assert_eq!(p.threads[tid].process, proc);
            let d = left[tid].min(SLICE);
            cores.charge(proc, d);
            left[tid] -= d;
            if left[tid] == 0 {
                p.finish();
                ended[tid] = cores.clock(proc);
            } else {
                p.yield_now();
            }
        }
        // Process 0's two threads share its GIL: 2 s; the others 1 s each,
        // in parallel (not 5 s in a row).
        assert_eq!(ended[0].max(ended[extra]), 2 * SEC);
        assert!(ended[2..].iter().all(|&t| t == SEC), "{ended:?}");
        assert_eq!(cores.cpu(0), 2 * SEC);
        assert!(p.run_ready_of(0).is_none());
    }

    #[test]
    fn a_gil_switch_lets_expired_sleepers_and_ready_threads_go_first() {
        let mut p = ProgramThreads::default();
        let a = p.spawn(10);
        let b = p.spawn(11);
        assert_eq!(p.threads[b].process, 0);
        p.block(Some(30), true); // main sleeps until 30
        assert_eq!(p.next(0), Next::Run { tid: a, now: 0 });
        p.block(Some(20), true); // a sleeps until 20
        assert_eq!(p.next(0), Next::Run { tid: b, now: 0 });
        // b computes; at a switch point at 25 only a's sleep has ended.
        assert_eq!(p.wake_expired(25), 1);
        assert!(p.any_ready());
        p.yield_now();
        assert_eq!(p.next(25), Next::Run { tid: a, now: 25 });
        assert!(!p.threads[a].result);
        // a computes; at 40 main's sleep has ended too: main, then b.
        assert_eq!(p.wake_expired(40), 1);
        p.yield_now();
        assert_eq!(p.next(40), Next::Run { tid: b, now: 40 });
        assert!(p.threads[b].result);
        assert_eq!(p.next(40), Next::Run { tid: 0, now: 40 });
        assert_eq!(p.next(40), Next::Run { tid: a, now: 40 });
        assert_eq!(p.wake_expired(1000), 0);
        assert!(!p.any_ready());
    }
}
