//! A live run pauses inside the loops of built-in functions over Python
//! iterators (issue #21): `sum(i * i for i in range(10**7))`, a tutorial's
//! CPU-bound example, ran to its end inside one slice and held the page
//! for seconds, and `sum(range(10**18))` until the step limit (16 s in
//! the browser). The embedder gives each slice a little fuel; a loop that
//! pauses returns to it many times.

use looplab_engine::run::{Ending, Limits, Progress, RunOutcome, Session};

/// Fuel per slice, as a page gives it (small, so the counts are large).
const FUEL: u64 = 1_000;

/// Runs `program` in slices of [`FUEL`]; how many slices it took, and
/// the outcome.
fn slices(program: &str) -> (usize, RunOutcome) {
    let mut session = Session::new(program, "main.py", &Limits::default());
    let mut n = 0;
    while session.advance(FUEL) != Progress::Finished {
        n += 1;
        assert!(n < 10_000_000, "never finished");
    }
    (n, session.into_outcome())
}

fn stdout(o: &RunOutcome) -> String {
    o.output
        .iter()
        .filter(|c| !c.stderr)
        .map(|c| c.text.as_str())
        .collect()
}

#[test]
fn builtin_loops_over_python_iterators_pause_between_items() {
    // Each loops over 200,000 items, whose every step runs Python code (a
    // generator's body, a mapped function, `__next__`) or comes from a
    // range too long to loop over in one go: at least one instruction per
    // item, so at least 200 slices. The old loops in Rust took 1 or 2.
    let setup = "\
class Up:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > self.n:
            raise StopIteration
        return self.i
def gen(n):
    for i in range(n):
        yield i
N = 200_000
";
    for call in [
        "sum(i * i for i in range(N))",
        "sum(gen(N), 0.5)",
        "sum(range(N))",
        "sum(map(abs, range(-N, 0)))",
        "sum(Up(N))",
        "any(i < 0 for i in range(N))",
        "all(i >= 0 for i in range(N))",
        "min(gen(N))",
        "max(gen(N), key=lambda v: -v)",
        "max(range(N))",
        "len(sorted(gen(N), reverse=True))",
        "len(list(gen(N)))",
        "len(tuple(Up(N)))",
        "len(set(i % 7 for i in range(N)))",
        "len(frozenset(gen(N)))",
        "len(dict((i, i) for i in range(N)))",
        "len(','.join(str(i) for i in range(N)))",
        // Unpacking and searching an iterator: the `*` of a call and of
        // a list or set display, list.extend, `in`.
        "len([*gen(N)])",
        "len({*map(abs, range(N))})",
        "max(*gen(N))",
        "(lambda *a: len(a))(0, *(i for i in range(N)), 1)",
        "(lambda l: (l.extend(gen(N)), len(l))[1])([])",
        "-1 in gen(N)",
        "-1 not in map(abs, range(N))",
    ] {
        let program = format!("{setup}print({call})\n");
        let (n, outcome) = slices(&program);
        assert_eq!(outcome.ending, Ending::Completed, "{call}");
        assert!(!stdout(&outcome).is_empty(), "{call}");
        assert!(n >= 200, "{call}: {n} slices");
    }
}

#[test]
fn a_sum_that_would_take_hours_pauses_until_the_step_limit() {
    let limits = Limits {
        max_slice_instructions: 2_000_000,
        ..Limits::default()
    };
    let mut session = Session::new("print(sum(range(10**18)))\n", "main.py", &limits);
    let mut n = 0;
    while session.advance(FUEL) != Progress::Finished {
        n += 1;
    }
    let outcome = session.into_outcome();
    assert!(
        matches!(&outcome.ending, Ending::Limit { message, .. } if message.contains("step limit")),
        "{:?}",
        outcome.ending
    );
    assert!(n >= 1_000, "{n} slices");
}

#[test]
fn a_loop_whose_every_step_counts_a_native_step_still_pauses() {
    // `map` over a range counts one instruction for its inner range's
    // every step (a native loop's count) inside the loop's instruction:
    // a slice's end landing there was put off 1,000 instructions, to the
    // same phase of the loop again, and the run never paused.
    for program in [
        "N = 200000\nprint(sum(map(abs, range(-N, 0))))\n",
        "x = 1\nprint(sum(map(abs, range(-200000, 0))))\n",
        "def f(it):\n    t = 0\n    for i in it:\n        t = t + i\n    return t\nx = 1\nprint(f(map(abs, range(-200000, 0))))\n",
    ] {
        let (n, outcome) = slices(program);
        assert_eq!(stdout(&outcome), "20000100000\n", "{program}");
        assert!(n >= 200, "{program}: {n} slices");
    }
}
