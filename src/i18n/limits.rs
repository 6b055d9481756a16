//! A run's limit message in the page's language.
//!
//! The engine words each limit message in English, ending with the limit's
//! name ("… (the memory limit)", `looplab_engine::vm::LimitKind`); the CLI
//! prints it as it is. The app reads back which message it is and the
//! values in it, and words it from the language's table; a message it does
//! not recognise (a new one) stays English rather than wrong.

use super::{fill, Ui};

/// `message` (the engine's, for the limit `which`) worded by `t`.
pub fn limit_message(t: &Ui, which: &str, message: &str) -> String {
    worded(t, which, message).unwrap_or_else(|| message.to_string())
}

/// The limit's name for the "Stopped by the … limit" heading.
pub fn limit_name(t: &Ui, which: &str) -> String {
    let name = match which {
        "instruction" => t.limit_name_instruction,
        "step" => t.limit_name_step,
        "memory" => t.limit_name_memory,
        "output" => t.limit_name_output,
        other => other,
    };
    name.to_string()
}

fn worded(t: &Ui, which: &str, m: &str) -> Option<String> {
    match which {
        "instruction" => {
            let n = between(m, "the program ran more than ", " instructions in total")?;
            Some(fill(t.limit_instructions, &[&n]))
        }
        "step" if m.starts_with("the tasks ran ") => {
            let n = between(m, "the tasks ran ", " instructions while")?;
            let at = between(m, "the virtual clock stood still at ", " s:")?;
            Some(fill(t.limit_step_standstill, &[&n, &at]))
        }
        "step" => {
            let n = between(m, "the code ran ", " instructions without")?;
            Some(fill(t.limit_step_blocking, &[&n]))
        }
        "memory" => {
            let n = between(m, "the program holds more than ", " of memory")?;
            Some(fill(t.limit_memory, &[&n]))
        }
        "output" => {
            let n = between(m, "the program printed more than ", " (the output limit)")?;
            Some(fill(t.limit_output, &[&n]))
        }
        "library" => {
            let name = between(m, "the module '", "' could not be loaded")?;
            Some(fill(t.limit_library, &[&name]))
        }
        _ => None,
    }
}

/// The text of `m` after `start` and before the first `end` after it.
fn between<'m>(m: &'m str, start: &str, end: &str) -> Option<&'m str> {
    let rest = m.strip_prefix(start).or_else(|| {
        let i = m.find(start)?;
        Some(&m[i + start.len()..])
    })?;
    Some(&rest[..rest.find(end)?])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use looplab_engine::run::{self, Ending};
    use looplab_engine::vm::Limits;

    /// The limit message a real run of `source` ends with: (which, message).
    fn hit(source: &str, limits: Limits) -> (String, String) {
        let outcome = run::run_program(source, "main.py", &limits);
        match outcome.ending {
            Ending::Limit { which, message } => (which, message),
            other => panic!("{source}: ended with {other:?}"),
        }
    }

    /// Every limit the engine can hit, worded in each Chinese language:
    /// the values of the engine's message are kept and no English is left
    /// (besides Python's own words), and English is the engine's message.
    #[test]
    fn every_limit_message_is_worded_in_each_language() {
        let small = Limits {
            max_instructions: 50_000,
            max_slice_instructions: 20_000,
            max_output_bytes: 64 * 1024,
            max_memory_bytes: 4 * 1024 * 1024,
            ..Limits::default()
        };
        let wide = Limits {
            max_slice_instructions: 10_000_000_000,
            ..small.clone()
        };
        let cases = [
            ("while True: pass\n", small.clone(), "step"),
            (
                "import asyncio\nasync def spin():\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(spin())\n",
                small.clone(),
                "step",
            ),
            ("while True: pass\n", wide.clone(), "instruction"),
            ("while True: print('x' * 100)\n", small.clone(), "output"),
            ("l = []\nwhile True: l.append([0] * 1000)\n", wide, "memory"),
        ];
        let mut seen_still = false;
        for (source, limits, want) in cases {
            let (which, message) = hit(source, limits);
            assert_eq!(which, want, "{source}: {message}");
            seen_still |= message.contains("stood still");
            let numbers: Vec<&str> = message
                .split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
                .map(|s| s.trim_matches(|c| c == ',' || c == '.'))
                .filter(|s| s.chars().any(|c| c.is_ascii_digit()))
                .collect();
            assert!(!numbers.is_empty(), "{message}");
            assert_eq!(limit_message(Lang::En.ui(), &which, &message), message);
            for lang in [Lang::ZhHant, Lang::ZhHans] {
                let text = limit_message(lang.ui(), &which, &message);
                for n in &numbers {
                    assert!(text.contains(n), "{lang:?}: {text} keeps {n}");
                }
                let english: Vec<&str> = text
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .filter(|w| {
                        w.len() > 3 && !["await", "asyncio", "sleep", "MiB", "KiB"].contains(w)
                    })
                    .collect();
                assert!(english.is_empty(), "{lang:?}: {text}: {english:?}");
                assert_ne!(limit_name(lang.ui(), &which), which);
            }
        }
        assert!(seen_still, "the standstill message was hit");
    }

    #[test]
    fn an_unknown_message_stays_as_the_engine_wrote_it() {
        let t = Lang::ZhHant.ui();
        assert_eq!(limit_message(t, "memory", "something new"), "something new");
        assert_eq!(limit_message(t, "internal", "x"), "x");
    }
}
