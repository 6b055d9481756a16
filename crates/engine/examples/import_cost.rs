//! Development aid: where the time of a first `import asyncio` goes.
//!
//! `cargo run --release -p looplab-engine --example import_cost [N]`
//! (at the wasm's opt-level: `CARGO_PROFILE_RELEASE_OPT_LEVEL=z` with
//! `--target-dir target/z`) prints, as the median of N (default 9) rounds,
//! the time to lex and parse `asyncio.py`'s source piece by piece, to
//! compile the pieces, to run a first `import asyncio` (which compiles
//! what it imports) and a second one in the same thread (the library's
//! code then cached: the module bodies run, nothing is compiled).

use std::time::{Duration, Instant};

use looplab_engine::aio::glue::PRELUDE;
use looplab_engine::compile::{compile_module, Interner};
use looplab_engine::parse::parse_module;
use looplab_engine::run::{run_program_untraced, Limits};

fn median(mut v: Vec<Duration>) -> f64 {
    v.sort();
    v[v.len() / 2].as_secs_f64() * 1000.0
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(9);
    let pieces = looplab_engine::vm::library_pieces_of(PRELUDE);
    let (mut parse, mut compile, mut first, mut second) = (vec![], vec![], vec![], vec![]);
    for _ in 0..rounds {
        let t = Instant::now();
        let modules: Vec<_> = pieces
            .iter()
            .map(|p| parse_module(p).expect("asyncio.py parses"))
            .collect();
        parse.push(t.elapsed());
        let t = Instant::now();
        let mut interner = Interner::default();
        for (m, p) in modules.iter().zip(&pieces) {
            compile_module(m, "<asyncio>", p.as_str().into(), &mut interner)
                .expect("asyncio.py compiles");
        }
        compile.push(t.elapsed());
        // A fresh thread has an empty library cache.
        let (a, b) = std::thread::spawn(|| {
            let limits = Limits::default();
            let t = Instant::now();
            run_program_untraced("import asyncio\n", "<lesson>", &limits);
            let a = t.elapsed();
            let t = Instant::now();
            run_program_untraced("import asyncio\n", "<lesson>", &limits);
            (a, t.elapsed())
        })
        .join()
        .expect("the import thread");
        first.push(a);
        second.push(b);
    }
    println!(
        "asyncio.py: {} bytes, {} pieces",
        PRELUDE.len(),
        pieces.len()
    );
    println!("lex+parse           {:8.2} ms", median(parse));
    println!("compile             {:8.2} ms", median(compile));
    println!("first import run    {:8.2} ms", median(first));
    println!("second import run   {:8.2} ms", median(second));
}
