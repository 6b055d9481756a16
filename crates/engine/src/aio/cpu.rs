//! The opt-in "computing takes time" model (`Limits::cpu_model`,
//! `looplab run --cpu-model [--cores N]`; issue #15).
//!
//! By default the virtual clock advances only by waiting, so outputs stay
//! byte for byte CPython's on the oracle's clock. With the model on:
//!
//! - **Every instruction costs** [`PS_PER_INSTRUCTION`] of virtual time
//!   (and every event-loop handle its `HANDLE_COST` instructions' worth).
//!   The VM only counts; the glue adds the computing done since last time
//!   to the loop's clock whenever it takes control (`glue::pull_cpu`, run
//!   by every native through `state!`), and the `time` functions and
//!   `print` read [`Vm::now_ns`], which includes what is not added yet. So
//!   `time.time()`, `time.perf_counter()` and `loop.time()` see computing
//!   time, a coroutine computing blocks the loop (its timers fire late, as
//!   on a real machine), and a step that computed for at least
//!   [`CPU_BLOCK_NS`] is recorded as `LoopBlocked` (reason `Cpu`, with its
//!   duration), the player's "loop blocked" band.
//! - **One GIL per process.** Only one program thread runs at a time (the
//!   scheduler of `program_threads` already guarantees it). The thread
//!   holding the GIL offers it after `sys.getswitchinterval()` (5 ms) of
//!   virtual CPU, but only at CPython 3.11's eval-breaker points: a call
//!   or a backward jump (`Vm::gil_switch_point` pauses the VM there); at
//!   that point the timed waits that have expired become ready and, if a
//!   thread is ready, the holder goes to the back of the ready FIFO
//!   ([`ProgramThreads::yield_now`]). Every blocking call (`time.sleep`, a
//!   lock, a queue, `join`) releases the GIL, as before. So `counter += 1`
//!   in a loop never loses an update (no breaker between the read and the
//!   write), while `n = counter; work(); counter = n + 1` does (the call
//!   is a breaker), and a `Lock` around it fixes it.
//!   Not modelled: switches while a thread is inside a native call that
//!   calls Python (`sorted(key=...)`: the switch waits for its return), and
//!   while a thread runs an event loop's handles (its loop keeps the GIL
//!   until it waits in its select).
//! - **Processes run in parallel on the cores** ([`Cores`]): each process
//!   has its own GIL and its own clock. With `k` runnable processes (those
//!   with a thread running or ready) on `n` cores, a process's CPU time
//!   stretches by `max(1, k / n)` of its clock (fair sharing). The loop's
//!   clock, which stamps every event and which `time.*` reads, is the
//!   furthest any process has reached (`glue::charge_cpu`); a process alone
//!   on the cores computes from it (it can only have fallen behind it by
//!   waiting). The scheduler runs, among the ready threads, the first one
//!   of the process whose clock is furthest behind (`Aio::next_thread`), so
//!   processes computing at once advance side by side, a switch interval at
//!   a time, and their events interleave within about one interval; within
//!   a process the FIFO and its GIL serialise its threads as before.
//!   Start-up: the parent's `start()` computes [`SPAWN_PARENT_NS`] (5 ms)
//!   and the child waits [`SPAWN_CHILD_NS`] (70 ms) before its first
//!   instruction (both measured on the project's machine, see there).
//!   Not modelled: start-ups competing for cores, a timed wait ending in
//!   the middle of another process's switch interval (it ends at the
//!   interval's end, within 5 ms), the cost of copying arguments and
//!   results between processes beyond the instructions of the pickling
//!   model.
//! - **Trace**: `EventKind::CpuState` says who holds a process's GIL and
//!   how many cores are busy, each time that changes: between program
//!   threads (the session's scheduler, `Aio::note_gil`: one event per
//!   process whose holder changed; a process's holder is its running
//!   thread, or else its first ready one, since it computes on its own
//!   core), and around an event loop's select waits
//!   (`EventLoop::cpu_marks`). The snapshot folds
//!   them into `Snapshot::gil` and `Snapshot::cores`.
//!
//! # Calibration (the figure of `PS_PER_INSTRUCTION`)
//!
//! Measured on the project's machine with CPython 3.11.7 (`time.perf_counter`
//! around N iterations, the best of eight runs on a shared machine; the
//! engine's counts read off the model's own clock at 1 instruction = 1 unit;
//! `tools/cpu-model-bench` prints the model's ratios):
//!
//! | program (per iteration) | CPython | engine instructions | at 12 ns each |
//! | --- | --- | --- | --- |
//! | `for i in range(N): x += i` at module level | 131 ns | 7 | 84 ns |
//! | the same loop inside a function | 51 ns | 7 | 84 ns |
//! | `x = f(x)` with `def f(a): return a + 1` | 125 ns | 11 | 132 ns |
//!
//! One figure cannot match all three (CPython's module-level loop pays for
//! dict globals, the engine's does not): per instruction CPython spends
//! 18.7, 7.3 and 11.4 ns; 12 ns is about their geometric mean (11.6), sits
//! between the loop in a function and at module level, and matches calls,
//! which the seeds' CPU-bound examples (a worker function called in a
//! loop) are made of.
//!
//! [`Vm::now_ns`]: crate::vm::Vm::now_ns
//! [`PS_PER_INSTRUCTION`]: crate::vm::PS_PER_INSTRUCTION
//! [`ProgramThreads::yield_now`]: crate::aio::program_threads::ProgramThreads::yield_now

/// What `Process.start()` computes in the parent (spawn start method):
/// 5 ms. Measured on the project's machine (CPython 3.11.7, spawn, an empty
/// target, `resource.getrusage` around `start()`, 8 runs): 4.6 to 8.5 ms
/// of CPU, median 5.3 ms.
pub const SPAWN_PARENT_NS: u64 = 5_000_000;

/// How long a spawned child takes to start (a fresh interpreter importing
/// `multiprocessing` and unpickling its process object) before its first
/// instruction: 70 ms. Measured as above: the child's CPU time
/// (`RUSAGE_CHILDREN`) for an empty target was 68 to 112 ms, median 74 ms
/// (its wall time, 120 to 270 ms, depended on the machine's load). The
/// model lets the child wait that long (its core is not counted busy
/// meanwhile: start-ups do not compete for cores).
pub const SPAWN_CHILD_NS: u64 = 70_000_000;

/// A task step that computed at least this long (CPU model) is recorded
/// as blocking the loop (`LoopBlocked`, reason `Cpu`, with its duration).
pub const CPU_BLOCK_NS: u64 = 1_000_000;

/// One process as the cores see it.
#[derive(Clone, Debug, Default)]
struct Proc {
    /// It has a thread that wants to compute.
    runnable: bool,
    /// The wall-clock time this process has reached.
    clock: u64,
    /// Virtual CPU it consumed.
    cpu: u64,
}

/// The virtual cores shared by the processes (CPU model).
#[derive(Clone, Debug)]
pub struct Cores {
    /// How many cores.
    cores: u32,
    /// Index = process (0 is the main process).
    procs: Vec<Proc>,
}

impl Cores {
    /// `cores` cores (at least 1) and the main process, runnable, at 0.
    pub fn new(cores: u32) -> Cores {
        Cores {
            cores: cores.max(1),
            procs: vec![Proc {
                runnable: true,
                ..Proc::default()
            }],
        }
    }

    /// How many cores.
    pub fn cores(&self) -> u32 {
        self.cores
    }

    /// A new process starting at wall time `now`, runnable; its index.
    pub fn add_process(&mut self, now: u64) -> usize {
        self.procs.push(Proc {
            runnable: true,
            clock: now,
            cpu: 0,
        });
        self.procs.len() - 1
    }

    /// Process `p` has (or no longer has) a thread ready to compute; once
    /// runnable again its clock is at least `now` (it waited until then).
    pub fn set_runnable(&mut self, p: usize, runnable: bool, now: u64) {
        if let Some(proc) = self.procs.get_mut(p) {
            if runnable && !proc.runnable {
                proc.clock = proc.clock.max(now);
            }
            proc.runnable = runnable;
        }
    }

    /// Runnable processes.
    fn runnable(&self) -> u64 {
        self.procs.iter().filter(|p| p.runnable).count() as u64
    }

    /// Runnable processes other than `p`.
    pub fn runnable_others(&self, p: usize) -> u64 {
        self.procs
            .iter()
            .enumerate()
            .filter(|(i, q)| *i != p && q.runnable)
            .count() as u64
    }

    /// How many processes (the main one included).
    pub fn processes(&self) -> usize {
        self.procs.len()
    }

    /// Cores computing now: the runnable processes, at most every core.
    pub fn busy(&self) -> u32 {
        self.runnable().min(u64::from(self.cores)) as u32
    }

    /// The runnable process to run next: the one whose clock is furthest
    /// behind (ties: the lowest index), so that processes sharing the
    /// cores advance together.
    pub fn next(&self) -> Option<usize> {
        self.procs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.runnable)
            .min_by_key(|(i, p)| (p.clock, *i))
            .map(|(i, _)| i)
    }

    /// Process `p` computed `cpu_ns`: its clock advances by that much wall
    /// time, stretched by `k / cores` when `k` runnable processes (itself
    /// included) share fewer cores. Returns the wall time it took.
    pub fn charge(&mut self, p: usize, cpu_ns: u64) -> u64 {
        let k = self.runnable().max(1);
        let n = u64::from(self.cores);
        let wall = if k > n {
            let w = u128::from(cpu_ns) * u128::from(k);
            u64::try_from(w.div_ceil(u128::from(n))).unwrap_or(u64::MAX)
        } else {
            cpu_ns
        };
        if let Some(proc) = self.procs.get_mut(p) {
            proc.cpu = proc.cpu.saturating_add(cpu_ns);
            proc.clock = proc.clock.saturating_add(wall);
        }
        wall
    }

    /// Process `p`'s clock moved to `now` by waiting (a sleep, a timer).
    pub fn wait_until(&mut self, p: usize, now: u64) {
        if let Some(proc) = self.procs.get_mut(p) {
            proc.clock = proc.clock.max(now);
        }
    }

    /// The wall time process `p` has reached.
    pub fn clock(&self, p: usize) -> u64 {
        self.procs.get(p).map_or(0, |p| p.clock)
    }

    /// The virtual CPU process `p` consumed.
    pub fn cpu(&self, p: usize) -> u64 {
        self.procs.get(p).map_or(0, |p| p.cpu)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEC: u64 = 1_000_000_000;
    const SLICE: u64 = 5_000_000;

    /// Runs every process for `work` of CPU in slices, as the engine
    /// interleaves them, and returns the wall time each finished at.
    fn run(cores: u32, work: &[u64]) -> Vec<u64> {
        let mut c = Cores::new(cores);
        for _ in 1..work.len() {
            c.add_process(0);
        }
        let mut left = work.to_vec();
        let mut done = vec![0; work.len()];
        while let Some(p) = c.next() {
            let d = left[p].min(SLICE);
            c.charge(p, d);
            left[p] -= d;
            if left[p] == 0 {
                c.set_runnable(p, false, 0);
                done[p] = c.clock(p);
            }
        }
        done
    }

    #[test]
    fn one_process_computes_at_wall_speed() {
        assert_eq!(run(4, &[4 * SEC]), vec![4 * SEC]);
    }

    #[test]
    fn four_processes_on_four_cores_run_in_parallel() {
        // The classic: the same 4 s of work split in 4 processes takes a
        // quarter of the time.
        assert_eq!(run(4, &[SEC; 4]), vec![SEC; 4]);
    }

    #[test]
    fn more_processes_than_cores_share_them_fairly() {
        // 8 processes of 1 s on 4 cores: each gets half a core, all end
        // together at 2 s (not 4 first at 1 s and 4 at 2 s: fair sharing).
        let done = run(4, &[SEC; 8]);
        for t in &done {
            assert!(
                *t >= 2 * SEC - SLICE && *t <= 2 * SEC + 2 * SLICE,
                "{done:?}"
            );
        }
        // On one core, 3 processes of 1 s end around 3 s.
        let done = run(1, &[SEC; 3]);
        assert!(
            done.iter()
                .all(|t| *t > 2 * SEC && *t <= 3 * SEC + 3 * SLICE),
            "{done:?}"
        );
    }

    #[test]
    fn a_short_process_leaves_its_core_to_the_others() {
        // 5 processes on 4 cores, one short: the long ones share the cores
        // while it lives, then each has a core of its own.
        let done = run(4, &[SEC, SEC, SEC, SEC, SEC / 10]);
        assert!(done[4] < SEC / 4, "{done:?}");
        assert!(done[..4].iter().all(|t| *t < SEC + SEC / 10), "{done:?}");
    }

    #[test]
    fn the_lagging_process_runs_next_and_waiting_moves_clocks() {
        let mut c = Cores::new(2);
        let a = c.add_process(0);
        assert_eq!(c.busy(), 2);
        assert_eq!(c.next(), Some(0));
        c.charge(0, 10);
        assert_eq!(c.next(), Some(a));
        c.set_runnable(0, false, 10);
        assert_eq!(c.busy(), 1);
        c.charge(a, 30);
        assert_eq!(c.next(), Some(a));
        // Process 0 wakes at 50 (it slept): it is behind no one.
        c.set_runnable(0, true, 50);
        assert_eq!(c.clock(0), 50);
        assert_eq!(c.next(), Some(a));
        c.wait_until(a, 100);
        assert_eq!(c.next(), Some(0));
        assert_eq!((c.cpu(0), c.cpu(a), c.cores()), (10, 30, 2));
        c.set_runnable(0, false, 0);
        c.set_runnable(a, false, 0);
        assert_eq!((c.next(), c.busy()), (None, 0));
    }
}
