//! Tokenize arbitrary UTF-8: the lexer must not panic, every token's span
//! must lie inside the source on character boundaries, in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use looplab_engine::parse::lexer::tokenize;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let lexed = tokenize(source);
    let mut prev = 0;
    for t in &lexed.tokens {
        let (a, b) = (t.span.start as usize, t.span.end as usize);
        assert!(a <= b && b <= source.len());
        assert!(source.is_char_boundary(a) && source.is_char_boundary(b));
        assert!(prev <= b);
        prev = prev.max(a);
    }
});
