//! Run arbitrary UTF-8 as a program with small budgets: the engine must not
//! panic, and a run must end normally, with an uncaught exception, a hang or
//! a limit, never with an internal error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use looplab_engine::run::{run_program, Ending, Limits};

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let limits = Limits {
        max_instructions: 200_000,
        max_slice_instructions: 100_000,
        max_collection_len: 100_000,
        max_output_bytes: 64 * 1024,
        max_memory_bytes: 32 * 1024 * 1024,
        ..Limits::default()
    };
    let outcome = run_program(source, "<lesson>", &limits);
    if let Ending::Limit { which, message } = &outcome.ending {
        assert_ne!(which, "internal", "{message}");
    }
});
