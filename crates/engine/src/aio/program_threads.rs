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
//! Hook for the CPU-time model: a switch on instruction counts would be a
//! [`ProgramThreads::yield_now`] of the running thread (it goes to the back
//! of the FIFO) made by the session when the thread's switch interval is
//! used up.

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
        self.threads.push(ProgramThread {
            fiber: Some(fiber),
            ..ProgramThread::default()
        });
        let tid = self.threads.len() - 1;
        self.ready.push_back(tid);
        tid
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
}
