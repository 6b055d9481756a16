//! Development aid: where the time of a first `import asyncio` goes.
//!
//! `cargo run --release -p looplab-engine --example import_cost [N]`
//! (at the wasm's opt-level: `CARGO_PROFILE_RELEASE_OPT_LEVEL=z` with
//! `--target-dir target/z`) prints, as the median of N (default 9) rounds,
//! the time to lex and parse `asyncio.py`'s source piece by piece, to
//! compile the pieces, to load them from the compiled form made at build
//! time (`library/precompiled.bin`), to run a first `import asyncio` in a
//! fresh thread (which compiles or loads what it imports), through the
//! sources and through the compiled form, and a second one in the same
//! thread (the library's code then cached: only the module bodies run).
//! `import_cost once-source` or `once-form` runs one first import only
//! (for a profiler: `valgrind --tool=callgrind`).

use std::time::{Duration, Instant};

use looplab_engine::aio::glue::PRELUDE;
use looplab_engine::compile::serial::{read_bundle, read_piece, read_strings};
use looplab_engine::compile::{compile_module, Interner};
use looplab_engine::parse::parse_module;
use looplab_engine::run::{run_program_untraced, Limits};
use looplab_engine::vm::library::precompiled::use_precompiled;

fn median(mut v: Vec<Duration>) -> f64 {
    v.sort();
    v[v.len() / 2].as_secs_f64() * 1000.0
}

fn main() {
    // `once-source` / `once-form`: one first import only (for a profiler).
    if let Some(mode @ ("once-source" | "once-form")) = std::env::args().nth(1).as_deref() {
        use_precompiled(mode == "once-form");
        run_program_untraced("import asyncio\n", "<lesson>", &Limits::default());
        return;
    }
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(9);
    let pieces = looplab_engine::vm::library_pieces_of(PRELUDE);
    let form = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/vm/library/precompiled.bin"
    ))
    .expect("precompiled.bin");
    let modules = read_bundle(&form).expect("precompiled.bin is loadable by this build");
    let asyncio = modules
        .iter()
        .find(|m| m.filename == "<asyncio>")
        .expect("asyncio's form");
    let (mut parse, mut compile, mut load) = (vec![], vec![], vec![]);
    let (mut first_src, mut first_form, mut second) = (vec![], vec![], vec![]);
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
        let t = Instant::now();
        let mut interner = Interner::default();
        let names = read_strings(asyncio.strings, &mut |s| interner.intern(s)).expect("strings");
        for &(first, end, body) in &asyncio.pieces {
            let text = looplab_engine::vm::piece_source(PRELUDE, first, end);
            read_piece(body, &names, &text.into()).expect("a piece");
        }
        load.push(t.elapsed());
        for compiled in [false, true] {
            // A fresh thread has an empty library cache.
            let (a, b) = std::thread::spawn(move || {
                use_precompiled(compiled);
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
            if compiled {
                first_form.push(a);
            } else {
                first_src.push(a);
            }
            second.push(b);
        }
    }
    println!(
        "asyncio.py: {} bytes, {} pieces",
        PRELUDE.len(),
        pieces.len()
    );
    println!("lex+parse           {:8.2} ms", median(parse));
    println!("compile             {:8.2} ms", median(compile));
    println!("load compiled form  {:8.2} ms", median(load));
    println!(
        "first import run, from source        {:8.2} ms",
        median(first_src)
    );
    println!(
        "first import run, from compiled form {:8.2} ms",
        median(first_form)
    );
    println!("second import run   {:8.2} ms", median(second));
}
