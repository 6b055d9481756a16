//! Differential test of integer arithmetic against CPython: thousands of
//! seeded random integer expressions (operands of 0 to 300 bits, every
//! operator, including the ones that raise) evaluated by the engine and by
//! `python3`, one process each per batch, compared line by line. Each line
//! is the result's repr, or the exception's type and message.

use looplab_engine::run::{run_program, Limits};
use std::io::Write as _;
use std::process::{Command, Stdio};

/// A small deterministic generator (SplitMix64), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

/// A random int literal of 0 to 300 bits (often near the 64-bit edges),
/// in decimal or hex, either sign.
fn operand(r: &mut Rng) -> String {
    let edges = [
        "0",
        "1",
        "-1",
        "2",
        "9223372036854775807",
        "-9223372036854775808",
        "9223372036854775808",
        "-9223372036854775809",
        "18446744073709551616",
        "4294967296",
        "9007199254740993",
    ];
    match r.below(10) {
        0 | 1 => edges[r.below(edges.len() as u64) as usize].to_string(),
        2 => (r.below(2000) as i64 - 1000).to_string(),
        _ => {
            let bits = r.below(301) as usize;
            let mut digits = String::new();
            let nibbles = bits.div_ceil(4).max(1);
            for i in 0..nibbles {
                let mut d = r.below(16);
                if i == 0 && !bits.is_multiple_of(4) {
                    d &= (1 << (bits % 4)) - 1;
                }
                digits.push(char::from_digit(d as u32, 16).unwrap());
            }
            let sign = if r.below(2) == 0 { "-" } else { "" };
            if r.below(2) == 0 {
                format!("({sign}0x{digits})")
            } else {
                format!("({sign}int('{digits}', 16))")
            }
        }
    }
}

fn small(r: &mut Rng, lo: i64, hi: i64) -> String {
    let v = lo + r.below((hi - lo + 1) as u64) as i64;
    format!("({v})")
}

fn expression(r: &mut Rng) -> String {
    let a = operand(r);
    let b = operand(r);
    match r.below(24) {
        0..=9 => {
            let op = r.pick(&[
                "+", "-", "*", "//", "%", "/", "&", "|", "^", "<", "==", ">=",
            ]);
            format!("{a} {op} {b}")
        }
        10 => format!("{a} ** {}", small(r, -3, 9)),
        11 => format!("{} ** {}", small(r, -40, 40), small(r, -5, 80)),
        12 => format!("{a} << {}", small(r, -3, 200)),
        13 => format!("{a} >> {}", small(r, -3, 320)),
        14 => format!("divmod({a}, {b})"),
        15 => format!("pow({a}, {}, {b})", small(r, -2, 400)),
        16 => format!("pow({a}, {b}, {})", operand(r)),
        17 => {
            let op = r.pick(&["-", "~", "abs", "hash", "float", "str", "bin", "hex"]);
            if op.len() == 1 {
                format!("{op}{a}")
            } else {
                format!("{op}({a})")
            }
        }
        18 => {
            let spec = r.pick(&[",", "_x", ">90", "b", "o", "e", "X", "+d", "#x", "^80,"]);
            format!("format({a}, '{spec}')")
        }
        19 => format!("({a}).bit_length(), ({a}).bit_count()"),
        20 => format!("round({a}, {})", small(r, -60, 2)),
        21 => format!("({a}).to_bytes(40, 'little', signed=True)"),
        22 => format!("{a} + {}.5", r.below(19) as i64 - 9),
        _ => format!("int(str({a})) == {a}, {a} * 1.0 == {a}"),
    }
}

const PRELUDE: &str = "def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
";

fn program(seed: u64, n: usize) -> String {
    let mut r = Rng(seed);
    let mut src = String::from(PRELUDE);
    for _ in 0..n {
        src.push_str(&format!("t(lambda: ({}))\n", expression(&mut r)));
    }
    src
}

fn cpython(src: &str) -> Option<String> {
    let mut child = Command::new("python3")
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(src.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn engine(src: &str) -> String {
    let outcome = run_program(src, "<lesson>", &Limits::default());
    outcome
        .output
        .iter()
        .map(|c| c.text.as_str())
        .collect::<String>()
}

#[test]
fn random_integer_expressions_match_cpython() {
    let mut compared = 0;
    for seed in [11, 2026, 31337] {
        let src = program(seed, 1500);
        let Some(expected) = cpython(&src) else {
            panic!("python3 (CPython 3.11) is needed for this test");
        };
        let got = engine(&src);
        let exprs: Vec<&str> = src.lines().skip(PRELUDE.lines().count()).collect();
        let (e, g): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), got.lines().collect());
        let mut diffs = Vec::new();
        for (i, x) in exprs.iter().enumerate() {
            let (want, have) = (e.get(i).copied(), g.get(i).copied());
            if want != have {
                diffs.push(format!("{x}\n    CPython: {want:?}\n    engine:  {have:?}"));
            }
        }
        assert!(
            diffs.is_empty(),
            "seed {seed}: {} of {} expressions differ; first ones:\n{}",
            diffs.len(),
            exprs.len(),
            diffs[..diffs.len().min(12)].join("\n")
        );
        compared += exprs.len();
    }
    assert!(compared >= 4000);
}
