//! Lex + parse + highlight arbitrary UTF-8: none of them may panic, and
//! rendering any error must work.
#![no_main]

use libfuzzer_sys::fuzz_target;
use looplab_engine::parse::{highlight::highlight, lexer::tokenize, parse_module};

fuzz_target!(|data: &[u8]| {
    if let Ok(source) = std::str::from_utf8(data) {
        let _ = tokenize(source);
        let spans = highlight(source);
        for (span, _) in &spans {
            assert!(span.start <= span.end && span.end as usize <= source.len());
        }
        if let Err(e) = parse_module(source) {
            let _ = e.render(source, "<lesson>");
        }
    }
});
