//! The page the player's model note links to (`?model`): exactly what the
//! "computing takes time" model and the process model do, and what they
//! leave out. The figures are the engine's own constants.

use crate::browser;
use crate::link::Link;
use crate::route::Route;
use leptos::prelude::*;
use looplab_engine::vm::{DEFAULT_SWITCH_INTERVAL_NS, HANDLE_COST, PS_PER_INSTRUCTION};

/// "12 ns": the model's cost of one instruction.
fn instruction_cost() -> String {
    match PS_PER_INSTRUCTION % 1000 {
        0 => format!("{} ns", PS_PER_INSTRUCTION / 1000),
        _ => format!("{:.1} ns", PS_PER_INSTRUCTION as f64 / 1000.0),
    }
}

/// What the model is.
pub fn model_page() -> impl IntoView {
    browser::set_title("What the model does · Looplab");
    let cost = instruction_cost();
    let handle = format!(
        "An event-loop handle (a task step, a callback) costs {HANDLE_COST} instructions on top of what it runs."
    );
    let switch_ms = DEFAULT_SWITCH_INTERVAL_NS / 1_000_000;
    view! {
        <article class="prose model-page" data-testid="model-page">
            <p class="breadcrumb"><Link route=Route::Index>"Lessons"</Link>" / What the model does"</p>
            <h1>"What the model does"</h1>
            <p class="lede">"Looplab runs your program on a virtual clock. By default that clock moves only
                when something waits (a sleep, a timeout), so computing takes no time and what a program
                prints is what CPython 3.11 prints. Two things are models instead: the clock that counts
                computing time, which you turn on with “Computing takes time (model)”, and processes."</p>

            <h2>"Computing takes time"</h2>
            <ul>
                <li>{format!("Every instruction the interpreter runs costs {cost} of virtual time. ")}{handle}
                    " So time.time(), time.perf_counter() and loop.time() see computing time, and a
                    coroutine that computes holds up the loop: its timers fire late, as on a real machine.
                    A step that computes for 1 ms or more shows as “loop blocked” on the timeline."</li>
                <li>{format!("How {cost} was chosen: CPython 3.11.7 on the project's machine runs ")}
                    <code>"for i in range(N): x += i"</code>" at 131 ns per iteration at module level and
                    51 ns inside a function, and "<code>"x = f(x)"</code>" at 125 ns; Looplab takes 7, 7
                    and 11 instructions for them, so CPython spends 18.7, 7.3 and 11.4 ns per instruction.
                    "{format!("{cost} is about their geometric mean (11.6 ns) and matches function calls, ")}
                    "which CPU-bound examples are made of. Expect the right shape, not your machine's figures."</li>
            </ul>

            <h2>"Threads and the GIL"</h2>
            <ul>
                <li>"Each process has one GIL: only one of its threads runs Python at a time."</li>
                <li>{format!("The thread holding it offers it after sys.getswitchinterval() ({switch_ms} ms) of virtual CPU, ")}
                    "lengthened by up to a quarter by a seeded pseudo-random amount (runs stay reproducible),
                    and only where CPython 3.11 can switch: at a call or a backward jump (the end of a loop's
                    body). Then the threads whose sleeps are over become ready, and if one is ready, the
                    holder goes to the back of the queue."</li>
                <li>"Every blocking call (time.sleep, a lock, a queue, join, an event) releases the GIL
                    at once."</li>
                <li>"So "<code>"counter += 1"</code>" in a loop never loses an update (there is no switch
                    point between its read and its write), while "<code>"n = counter; work(); counter = n + 1"</code>
                    " does (the call is one), and a Lock around it fixes it."</li>
                <li>"Not modelled: a switch while a thread is inside a builtin that calls Python
                    (sorted with a key waits for it to return), and while a thread runs an event loop's
                    handles (the loop keeps the GIL until it waits)."</li>
            </ul>

            <h2>"Cores and processes"</h2>
            <ul>
                <li>"Processes run in parallel on virtual cores (4 unless you choose otherwise). Each has
                    its own GIL and its own clock; when more processes want to compute than there are
                    cores, they share them fairly: with k of them on n cores, a second of computing takes
                    k / n seconds."</li>
                <li>"A process is started as the spawn method starts one (the default on macOS and
                    Windows): the child runs your program again as module __mp_main__ (so code under "
                    <code>"if __name__ == \"__main__\":"</code>" does not run there), then its target. That
                    re-run, imports included, is its start-up cost: it takes the time its instructions
                    take, and no fixed cost is added."</li>
                <li>"A process's memory is its own. Values cross between processes as pickle copies
                    them (a lambda or a lock fails with CPython's error); Queue, Pipe, Value, Array and
                    multiprocessing's locks are shared."</li>
                <li>"Without the computing model, processes take turns as threads do: one runs until
                    it blocks, and computing takes no time."</li>
            </ul>
            <p>"Where CPython's own output does not depend on a race, a program prints what CPython
                prints; the model only decides how long things take and, in a race, who wins."</p>
        </article>
    }
}
