//! Lex + parse + highlight arbitrary UTF-8: none of them may panic, error
//! rendering must work, and highlighting must cover every non-blank
//! character with ordered, disjoint regions.
#![no_main]

use libfuzzer_sys::fuzz_target;
use looplab_engine::parse::{highlight, lexer::tokenize, parse_module};

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let _ = tokenize(source);
    let spans = highlight(source);
    let mut covered = vec![false; source.len()];
    let mut prev_end = 0;
    for (span, _) in &spans {
        let (a, b) = (span.start as usize, span.end as usize);
        assert!(prev_end <= a && a < b && b <= source.len());
        assert!(source.is_char_boundary(a) && source.is_char_boundary(b));
        covered[a..b].iter_mut().for_each(|c| *c = true);
        prev_end = b;
    }
    for (i, c) in source.char_indices() {
        let continuation = c == '\\' && matches!(source[i + 1..].chars().next(), Some('\n' | '\r'));
        if !c.is_whitespace() && !continuation {
            assert!(covered[i]);
        }
    }
    if let Err(e) = parse_module(source) {
        let rendered = e.render(source, "<lesson>");
        assert!(rendered.ends_with('\n'));
    }
});
