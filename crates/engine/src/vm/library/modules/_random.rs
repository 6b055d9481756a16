//! `_random`: the native half of `random` (`random.py`). Each
//! `random.Random` instance owns one Mersenne Twister in [`Rng`], named by
//! its index; `random.py` builds the documented API over these few
//! functions, with CPython's algorithms so the sequences are CPython's.
//!
//! The virtual world's entropy (`os.urandom`, `random.seed(None)`,
//! `SystemRandom`, `secrets`, `uuid.uuid4`) is one more generator, seeded
//! with [`ENTROPY_SEED`]: `os.urandom(n)` is its `randbytes(n)`, as in
//! the oracle (`tools/oracle.py`, "Other determinism").

use num_bigint::{BigInt, BigUint};

use crate::vm::library::builtins::nargs;
use crate::vm::library::modules::{num, reg};
use crate::pylib::random::Random;
use crate::vm::value::*;
use crate::vm::{Error, Vm};

/// The seed of the entropy generator behind `os.urandom`.
pub const ENTROPY_SEED: i64 = 2024;

/// At most this many `random.Random` instances per run (each holds
/// 2.5 KiB that lives until the run ends).
const MAX_GENERATORS: usize = 10_000;

/// Every generator of a run: index 0 is the module's own (`random.seed`,
/// `random.random`, …), seeded with 0 as the oracle does; `entropy` feeds
/// `os.urandom`.
pub struct Rng {
    gens: Vec<Random>,
    entropy: Random,
}

impl Default for Rng {
    fn default() -> Rng {
        let mut entropy = Random::new();
        entropy.seed_int(ENTROPY_SEED);
        Rng {
            gens: vec![Random::new()],
            entropy,
        }
    }
}

/// The generator named by argument `i`.
fn gen(vm: &mut Vm, a: &[Value], name: &str, min: usize, max: usize) -> Result<usize, Error> {
    nargs(vm, name, a, min, max)?;
    let i = vm.as_i64(&a[0])?;
    match usize::try_from(i) {
        Ok(i) if i < vm.rng.gens.len() => Ok(i),
        _ => Err(vm.value_error("no such random generator")),
    }
}

/// A byte count argument (`randbytes`, `urandom`).
fn count(vm: &mut Vm, v: &Value, neg: &str) -> Result<usize, Error> {
    let n = vm.as_i64(v)?;
    if n < 0 {
        return Err(vm.value_error(neg));
    }
    if n > 1 << 24 {
        return Err(vm.new_error(
            &vm.types.memory_error.clone(),
            "too many random bytes asked for (Looplab's limit is 16 MiB)",
        ));
    }
    Ok(n as usize)
}

/// The 32-bit words `random.seed(None)` uses: 16 entropy bytes read as a
/// little-endian int (the oracle seeds with that int).
fn entropy_words(vm: &mut Vm) -> Vec<u32> {
    let b = vm.rng.entropy.randbytes(16);
    let mut w: Vec<u32> = b
        .chunks(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    while w.last() == Some(&0) {
        w.pop();
    }
    w
}

/// Builds the module on first import.
pub(crate) fn make_module(vm: &mut Vm) -> Result<Value, Error> {
    let (m, g) = vm.new_module("_random");
    reg(vm, &g, "new", |vm, _, _| {
        if vm.rng.gens.len() >= MAX_GENERATORS {
            return Err(vm.runtime_error(format!(
                "too many random.Random objects (Looplab keeps at most {MAX_GENERATORS} per run)"
            )));
        }
        vm.rng.gens.push(Random::new());
        Ok(Value::Int(vm.rng.gens.len() as i64 - 1))
    });
    reg(vm, &g, "seed", |vm, a, _| {
        let i = gen(vm, a, "seed", 2, 2)?;
        match &a[1] {
            Value::None => {
                let w = entropy_words(vm);
                vm.rng.gens[i].seed_words(&w);
            }
            Value::Int(n) => vm.rng.gens[i].seed_int(*n),
            // init_by_array over |n|'s 32-bit words, least significant first.
            Value::BigInt(n) => {
                let words = n.magnitude().to_u32_digits();
                vm.rng.gens[i].seed_words(&words);
            }
            Value::Bool(b) => vm.rng.gens[i].seed_int(*b as i64),
            Value::Float(f) => vm.rng.gens[i].seed_float(*f),
            Value::Str(s) => vm.rng.gens[i].seed_str(s),
            Value::Bytes(b) => vm.rng.gens[i].seed_bytes(b),
            _ => {
                return Err(vm.type_error(
                    "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
                ))
            }
        }
        Ok(Value::None)
    });
    reg(vm, &g, "random", |vm, a, _| {
        let i = gen(vm, a, "random", 1, 1)?;
        Ok(Value::Float(vm.rng.gens[i].random()))
    });
    reg(vm, &g, "getrandbits", |vm, a, _| {
        let i = gen(vm, a, "getrandbits", 2, 2)?;
        let k = vm.as_i64(&a[1])?;
        if k < 0 {
            return Err(vm.value_error("number of bits must be non-negative"));
        }
        if k > 63 {
            vm.check_memory(k as usize / 8)?;
            let words = vm.rng.gens[i].getrandbits_words(k as u64);
            return Ok(Value::from_big(BigInt::from(BigUint::from_slice(&words))));
        }
        let r = vm.rng.gens[i].getrandbits(k).map_err(|e| vm.pyerr(e))?;
        Ok(Value::Int(r as i64))
    });
    reg(vm, &g, "randbelow", |vm, a, _| {
        let i = gen(vm, a, "randbelow", 2, 2)?;
        let n = vm.as_i64(&a[1])?;
        Ok(Value::Int(vm.rng.gens[i].randbelow(n.max(0) as u64) as i64))
    });
    reg(vm, &g, "randbytes", |vm, a, _| {
        let i = gen(vm, a, "randbytes", 2, 2)?;
        let n = count(vm, &a[1], "number of bits must be non-negative")?;
        Ok(Value::Bytes(vm.rng.gens[i].randbytes(n).into()))
    });
    reg(vm, &g, "shuffle", |vm, a, _| {
        let i = gen(vm, a, "shuffle", 2, 2)?;
        let Value::List(l) = &a[1] else {
            return Err(vm.type_error("shuffle() argument must be a list"));
        };
        let mut items = std::mem::take(&mut *l.borrow_mut());
        vm.rng.gens[i].shuffle(&mut items);
        *l.borrow_mut() = items;
        Ok(Value::None)
    });
    reg(vm, &g, "sample", |vm, a, _| {
        let i = gen(vm, a, "sample", 3, 3)?;
        let (n, k) = (vm.as_i64(&a[1])?, vm.as_i64(&a[2])?);
        let idx = vm.rng.gens[i]
            .sample_indices(n.max(0) as usize, k)
            .map_err(|e| vm.pyerr(e))?;
        Ok(Value::list(
            idx.into_iter().map(|j| Value::Int(j as i64)).collect(),
        ))
    });
    reg(vm, &g, "gauss", |vm, a, _| {
        let i = gen(vm, a, "gauss", 3, 3)?;
        let (mu, sigma) = (num(vm, &a[1])?, num(vm, &a[2])?);
        Ok(Value::Float(vm.rng.gens[i].gauss(mu, sigma)))
    });
    reg(vm, &g, "getstate", |vm, a, _| {
        let i = gen(vm, a, "getstate", 1, 1)?;
        let (words, pos, gauss_next) = vm.rng.gens[i].state();
        let mut t: Vec<Value> = words.into_iter().map(|w| Value::Int(w.into())).collect();
        t.push(Value::Int(pos as i64));
        Ok(Value::tuple(vec![
            Value::Int(3),
            Value::tuple(t),
            gauss_next.map_or(Value::None, Value::Float),
        ]))
    });
    reg(vm, &g, "setstate", |vm, a, _| {
        let i = gen(vm, a, "setstate", 3, 3)?;
        let items = vm.iterate(&a[1])?;
        let mut words = Vec::with_capacity(items.len());
        for v in &items {
            let w = vm.as_i64(v)?;
            words.push(
                u32::try_from(w).map_err(|_| {
                    vm.overflow_error("Python int too large to convert to C unsigned long")
                })?,
            );
        }
        let pos = words.pop().unwrap_or(0) as usize;
        let gauss_next = match &a[2] {
            Value::None => None,
            v => Some(num(vm, v)?),
        };
        if vm.rng.gens[i].set_state(&words, pos, gauss_next).is_none() {
            return Err(vm.value_error("state vector is the wrong size"));
        }
        Ok(Value::None)
    });
    reg(vm, &g, "sysbits", |vm, a, _| {
        // SystemRandom.getrandbits(k): the top k bits of (k + 7) // 8
        // entropy bytes read big-endian.
        nargs(vm, "getrandbits", a, 1, 1)?;
        let k = vm.as_i64(&a[0])?;
        if k < 0 {
            return Err(vm.value_error("number of bits must be non-negative"));
        }
        let nbytes = ((k + 7) / 8) as usize;
        vm.check_memory(nbytes)?;
        let b = vm.rng.entropy.randbytes(nbytes);
        let x = BigUint::from_bytes_be(&b) >> (nbytes as u64 * 8 - k as u64);
        Ok(Value::from_big(BigInt::from(x)))
    });
    reg(vm, &g, "urandom", |vm, a, _| {
        nargs(vm, "urandom", a, 1, 1)?;
        let n = count(vm, &a[0], "negative argument not allowed")?;
        Ok(Value::Bytes(vm.rng.entropy.randbytes(n).into()))
    });
    Ok(m)
}
