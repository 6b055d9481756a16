//! A random-program tester on the stable toolchain (issue #21): thousands of
//! programs made by mutating the conformance programs token by token (deleting,
//! duplicating, moving a token or a line, swapping a number for an extreme one)
//! run through the engine with small budgets. None may panic or stop with an
//! internal error: every run ends normally, with an uncaught exception (a
//! SyntaxError included), a hang, or a limit.
//!
//! Seeded and deterministic in what it generates; it stops after `MAX_PROGRAMS`
//! or `TIME_BUDGET`, whichever comes first, and prints how many ran.
//! `LOOPLAB_MUTANTS_SEED=N` picks another seed; `LOOPLAB_MUTANTS_SECS=N` another
//! time budget. What it finds becomes a program of `tests/hostile/` (the first
//! finding: `sum(range(10**18))` looped natively, out of reach of the budgets).

use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use looplab_engine::parse::lexer::tokenize;
use looplab_engine::parse::token::TokenKind;
use looplab_engine::run::{run_program, Ending, Limits};

const MAX_PROGRAMS: usize = 20_000;
const TIME_BUDGET: Duration = Duration::from_secs(40);
/// The engine's stack in these runs (debug frames are larger than release).
const STACK_BYTES: usize = 4 * 1024 * 1024;

/// Small budgets: a mutant that loops ends quickly at a limit.
fn small_limits() -> Limits {
    Limits {
        max_instructions: 300_000,
        max_slice_instructions: 200_000,
        max_collection_len: 1_000_000,
        max_output_bytes: 64 * 1024,
        max_memory_bytes: 48 * 1024 * 1024,
        ..Limits::default()
    }
}

/// xorshift64*: a tiny deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Numbers that find overflow and boundary bugs.
const NUMBERS: &[&str] = &[
    "0",
    "-1",
    "1",
    "2",
    "255",
    "2**31",
    "2**63",
    "-2**63",
    "9223372036854775807",
    "-9223372036854775808",
    "9223372036854775808",
    "10**18",
    "1e308",
    "-1e308",
    "1e-320",
    "float('inf')",
    "float('nan')",
    "0.5",
    "-0.0",
    "True",
    "None",
];

/// Other tokens worth inserting.
const TOKENS: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ":", ",", "*", "**", "await", "yield", "async", "lambda", "not",
    "-", "[::-1]", "[1:]", ".x", "()", "\n", "\n    ", "if", "else", "return", "del", "global x",
    "'s'", "b'b'", "f'{x}'",
];

fn suite_programs() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut found = Vec::new();
    for dir in [
        root.join("conformance").join("lang"),
        root.join("conformance").join("async"),
        root.join("hostile"),
    ] {
        let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "py"))
            .collect();
        paths.sort();
        for p in paths {
            if let Ok(src) = fs::read_to_string(&p) {
                // (The hostile programs are slow on purpose: keep small ones.)
                if src.len() < 6000 && !src.contains("100_000") && !src.contains("20_000") {
                    found.push((p.file_name().unwrap().to_string_lossy().into_owned(), src));
                }
            }
        }
    }
    found
}

/// Byte ranges of the source's tokens (those with text).
fn token_ranges(src: &str) -> Vec<(usize, usize, bool)> {
    tokenize(src)
        .tokens
        .iter()
        .filter(|t| t.span.end > t.span.start)
        .map(|t| {
            let is_number = matches!(t.kind, TokenKind::Int(_) | TokenKind::Float(_));
            (t.span.start as usize, t.span.end as usize, is_number)
        })
        .filter(|&(a, b, _)| b <= src.len() && src.is_char_boundary(a) && src.is_char_boundary(b))
        .collect()
}

fn line_ranges(src: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for l in src.split_inclusive('\n') {
        out.push((start, start + l.len()));
        start += l.len();
    }
    out
}

/// One random edit of `src`.
fn mutate_once(src: &str, rng: &mut Rng) -> String {
    let toks = token_ranges(src);
    let lines = line_ranges(src);
    if toks.is_empty() || lines.is_empty() {
        return format!("{src}{}", TOKENS[rng.below(TOKENS.len())]);
    }
    let splice = |a: usize, b: usize, with: &str| format!("{}{}{}", &src[..a], with, &src[b..]);
    let (a, b, _) = toks[rng.below(toks.len())];
    match rng.below(9) {
        // Delete a token.
        0 => splice(a, b, ""),
        // Duplicate a token.
        1 => splice(a, b, &format!("{} {}", &src[a..b], &src[a..b])),
        // Copy a token elsewhere.
        2 => {
            let (c, _, _) = toks[rng.below(toks.len())];
            let t = &src[a..b];
            format!("{}{} {}", &src[..c], t, &src[c..])
        }
        // Swap a number (or any token) for an extreme number.
        3 | 4 => {
            let numbers: Vec<_> = toks.iter().filter(|t| t.2).collect();
            let (a, b, _) = match numbers.len() {
                0 => (a, b, false),
                n => *numbers[rng.below(n)],
            };
            splice(a, b, NUMBERS[rng.below(NUMBERS.len())])
        }
        // Insert an interesting token.
        5 => splice(a, a, &format!("{} ", TOKENS[rng.below(TOKENS.len())])),
        // Delete a line.
        6 => {
            let (s, e) = lines[rng.below(lines.len())];
            splice(s, e, "")
        }
        // Duplicate a line.
        7 => {
            let (s, e) = lines[rng.below(lines.len())];
            splice(s, s, &src[s..e])
        }
        // Replace a token by another token of the program.
        _ => {
            let (c, d, _) = toks[rng.below(toks.len())];
            let t = src[c..d].to_string();
            splice(a, b, &t)
        }
    }
}

fn mutate(src: &str, rng: &mut Rng) -> String {
    let mut s = src.to_string();
    for _ in 0..1 + rng.below(3) {
        s = mutate_once(&s, rng);
    }
    s
}

/// Runs one program; `Err` describes a failure (panic or internal error).
fn check(source: &str) -> Result<Ending, String> {
    let r = panic::catch_unwind(AssertUnwindSafe(|| {
        run_program(source, "<lesson>", &small_limits())
    }));
    match r {
        Err(payload) => Err(payload
            .downcast_ref::<&str>()
            .map(|s| format!("panic: {s}"))
            .or_else(|| {
                payload
                    .downcast_ref::<String>()
                    .map(|s| format!("panic: {s}"))
            })
            .unwrap_or_else(|| "panic".into())),
        Ok(o) => match &o.ending {
            Ending::Limit { which, message } if which == "internal" => {
                Err(format!("internal error: {message}"))
            }
            e => Ok(e.clone()),
        },
    }
}

fn on_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(STACK_BYTES)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("the test thread itself panicked")
}

#[test]
fn mutated_programs_never_crash_the_engine() {
    let seed: u64 = std::env::var("LOOPLAB_MUTANTS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_2026);
    let budget = std::env::var("LOOPLAB_MUTANTS_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .map(Duration::from_secs)
        .unwrap_or(TIME_BUDGET);
    let (ran, counts, failures) = on_big_stack(move || {
        let programs = suite_programs();
        assert!(programs.len() > 100, "only {} programs", programs.len());
        // Panics are expected to be caught and reported here, not printed.
        let hook = panic::take_hook();
        panic::set_hook(Box::new(|_| {}));
        let mut rng = Rng(seed | 1);
        let start = Instant::now();
        let mut ran = 0usize;
        let mut counts = [0usize; 5];
        let mut failures: Vec<(String, String, String)> = Vec::new();
        while ran < MAX_PROGRAMS && start.elapsed() < budget {
            let (name, src) = &programs[rng.below(programs.len())];
            let mutant = mutate(src, &mut rng);
            ran += 1;
            match check(&mutant) {
                Ok(e) => {
                    counts[match e {
                        Ending::Completed | Ending::Exited { .. } => 0,
                        Ending::Uncaught { .. } => 1,
                        Ending::SyntaxError { .. } => 2,
                        Ending::Hang => 3,
                        Ending::Limit { .. } => 4,
                    }] += 1
                }
                Err(why) => {
                    if failures.len() < 20 {
                        failures.push((name.clone(), why, mutant));
                    }
                }
            }
        }
        panic::set_hook(hook);
        (ran, counts, failures)
    });
    println!(
        "mutants: {ran} programs (seed {seed:#x}): {} completed, {} uncaught, {} syntax errors, {} hangs, {} limits; {} failures",
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        counts[4],
        failures.len()
    );
    for (name, why, src) in &failures {
        println!("\n=== mutant of {name}: {why}\n{src}");
    }
    assert!(ran >= 1000, "only {ran} programs ran in the time budget");
    assert!(
        failures.is_empty(),
        "{} mutants crashed the engine",
        failures.len()
    );
}
