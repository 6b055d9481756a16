//! Parse and compile arbitrary UTF-8 (without running it): the symbol table
//! and the compiler must not panic on any module the parser accepts.
#![no_main]

use std::rc::Rc;

use libfuzzer_sys::fuzz_target;
use looplab_engine::compile::{compile_module, Interner};
use looplab_engine::parse::parse_module;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(module) = parse_module(source) {
        let mut interner = Interner::default();
        let _ = compile_module(&module, "<lesson>", Rc::from(source), &mut interner);
    }
});
