//! CPython's `random` module: the Mersenne Twister MT19937 of
//! `Modules/_randommodule.c` plus the Python-level methods of
//! `Lib/random.py` (3.11) that the VM exposes, producing the same numbers
//! as CPython for the same seed.
//!
//! The oracle seeds CPython with `random.seed(0)` before running a program,
//! so [`Random::new`] starts from `seed(0)` too.

use sha2::{Digest, Sha512};

use super::hash::hash_float;
use super::PyErrMsg;

/// MT19937 state size.
const N: usize = 624;
/// MT19937 shift size.
const M: usize = 397;

/// A `random.Random` instance.
#[derive(Clone, Debug)]
pub struct Random {
    /// The Mersenne Twister state words.
    mt: [u32; N],
    /// Next word of `mt` to temper (N means "regenerate first").
    index: usize,
    /// The second normal deviate `gauss()` computed last time (Python's
    /// `self.gauss_next`), reset by seeding.
    gauss_next: Option<f64>,
}

impl Default for Random {
    fn default() -> Self {
        Random::new()
    }
}

impl Random {
    /// A generator seeded as by `random.seed(0)`.
    pub fn new() -> Random {
        let mut r = Random {
            mt: [0; N],
            index: N,
            gauss_next: None,
        };
        r.seed_int(0);
        r
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let prev = self.mt[i - 1];
            self.mt[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// `init_by_array`: seeds from 32-bit words, least significant first.
    pub fn seed_words(&mut self, key: &[u32]) {
        let key: &[u32] = if key.is_empty() { &[0] } else { key };
        self.init_genrand(19_650_218);
        let mut i = 1;
        let mut j = 0;
        for _ in 0..N.max(key.len()) {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
        }
        self.mt[0] = 0x8000_0000;
        self.index = N;
        self.gauss_next = None;
    }

    /// `getstate()`: the 624 state words, the position in them and the
    /// cached second normal deviate (CPython's `(3, words + (pos,), gauss_next)`).
    pub fn state(&self) -> (Vec<u32>, usize, Option<f64>) {
        (self.mt.to_vec(), self.index, self.gauss_next)
    }

    /// `setstate()`: the inverse of [`Random::state`]; `None` when the
    /// words or position are out of range.
    pub fn set_state(
        &mut self,
        words: &[u32],
        index: usize,
        gauss_next: Option<f64>,
    ) -> Option<()> {
        if words.len() != N || index > N {
            return None;
        }
        self.mt.copy_from_slice(words);
        self.index = index;
        self.gauss_next = gauss_next;
        Some(())
    }

    /// `randbytes(n)`: `getrandbits(8 * n)` as `n` little-endian bytes,
    /// i.e. the output words' bytes in order, the last word shifted down
    /// to the bits still needed.
    pub fn randbytes(&mut self, n: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(n + 4);
        let mut bits = n * 8;
        while bits > 0 {
            let mut w = self.genrand_uint32();
            if bits < 32 {
                w >>= 32 - bits;
            }
            out.extend_from_slice(&w.to_le_bytes());
            bits = bits.saturating_sub(32);
        }
        out.truncate(n);
        out
    }

    /// `random.seed(n)` for an int (CPython uses `abs(n)`).
    pub fn seed_int(&mut self, n: i64) {
        self.seed_u64(n.unsigned_abs());
    }

    fn seed_u64(&mut self, n: u64) {
        let lo = n as u32;
        let hi = (n >> 32) as u32;
        if hi == 0 {
            self.seed_words(&[lo]);
        } else {
            self.seed_words(&[lo, hi]);
        }
    }

    /// `random.seed(x)` for a float: CPython seeds with `hash(x)` taken as
    /// an unsigned machine word.
    pub fn seed_float(&mut self, x: f64) {
        self.seed_u64(hash_float(x) as u64);
    }

    /// `random.seed(s)` for a str (version 2): the int whose big-endian
    /// bytes are `s.encode() + sha512(s.encode()).digest()`.
    pub fn seed_str(&mut self, s: &str) {
        self.seed_bytes(s.as_bytes());
    }

    /// `random.seed(b)` for bytes (version 2).
    pub fn seed_bytes(&mut self, b: &[u8]) {
        let mut all = b.to_vec();
        all.extend_from_slice(&Sha512::digest(b));
        // Big-endian bytes -> little-endian 32-bit words.
        let first = all.iter().position(|&x| x != 0).unwrap_or(all.len());
        let bytes = &all[first..];
        let mut words = Vec::with_capacity(bytes.len() / 4 + 1);
        for chunk in bytes.rchunks(4) {
            let mut w = [0u8; 4];
            w[4 - chunk.len()..].copy_from_slice(chunk);
            words.push(u32::from_be_bytes(w));
        }
        self.seed_words(&words);
    }

    /// The next tempered 32-bit output (`genrand_uint32`).
    pub fn genrand_uint32(&mut self) -> u32 {
        const MATRIX_A: u32 = 0x9908_b0df;
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        if self.index >= N {
            for kk in 0..N {
                let y = (self.mt[kk] & UPPER) | (self.mt[(kk + 1) % N] & LOWER);
                let mag = if y & 1 == 1 { MATRIX_A } else { 0 };
                self.mt[kk] = self.mt[(kk + M) % N] ^ (y >> 1) ^ mag;
            }
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// `random.random()`: 53 random bits as a float in [0, 1).
    pub fn random(&mut self) -> f64 {
        let a = self.genrand_uint32() >> 5;
        let b = self.genrand_uint32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `random.getrandbits(k)` for `k <= 64`.
    pub fn getrandbits(&mut self, k: i64) -> Result<u64, PyErrMsg> {
        if k < 0 {
            return Err(PyErrMsg::value_error("number of bits must be non-negative"));
        }
        if k == 0 {
            return Ok(0);
        }
        if k > 64 {
            return Err(PyErrMsg::int_too_big());
        }
        let k = k as u32;
        if k <= 32 {
            return Ok(u64::from(self.genrand_uint32() >> (32 - k)));
        }
        let lo = u64::from(self.genrand_uint32());
        let hi = u64::from(self.genrand_uint32() >> (64 - k));
        Ok(lo | (hi << 32))
    }

    /// `getrandbits(k)` for any `k`, as CPython builds it: 32-bit words,
    /// least significant first, the last one cut to the bits left
    /// (little-endian words of the result).
    pub fn getrandbits_words(&mut self, k: u64) -> Vec<u32> {
        let mut words = Vec::with_capacity(k.div_ceil(32) as usize);
        let mut left = k;
        while left > 0 {
            let r = self.genrand_uint32();
            if left < 32 {
                words.push(r >> (32 - left));
                break;
            }
            words.push(r);
            left -= 32;
        }
        words
    }

    /// `_randbelow(n)` (`_randbelow_with_getrandbits`): uniform in
    /// `[0, n)`, by rejection on `n.bit_length()` random bits.
    pub fn randbelow(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits(i64::from(k)).unwrap_or(0);
            if r < n {
                return r;
            }
        }
    }

    /// `random.randrange(start, stop, step)`; `stop == None` means
    /// `randrange(start)`.
    pub fn randrange(&mut self, start: i64, stop: Option<i64>, step: i64) -> Result<i64, PyErrMsg> {
        let Some(stop) = stop else {
            if start > 0 {
                return Ok(self.randbelow(start as u64) as i64);
            }
            return Err(PyErrMsg::value_error("empty range for randrange()"));
        };
        let (istart, istop, istep) = (i128::from(start), i128::from(stop), i128::from(step));
        let width = istop - istart;
        if istep == 1 {
            if width > 0 {
                let r = self.randbelow(u64::try_from(width).map_err(|_| PyErrMsg::int_too_big())?);
                return Ok((istart + i128::from(r)) as i64);
            }
            return Err(PyErrMsg::value_error(format!(
                "empty range for randrange() ({istart}, {istop}, {width})"
            )));
        }
        // Python's floor division.
        let floor_div = |a: i128, b: i128| {
            let q = a / b;
            if (a % b != 0) && ((a < 0) != (b < 0)) {
                q - 1
            } else {
                q
            }
        };
        let n = if istep > 0 {
            floor_div(width + istep - 1, istep)
        } else if istep < 0 {
            floor_div(width + istep + 1, istep)
        } else {
            return Err(PyErrMsg::value_error("zero step for randrange()"));
        };
        if n <= 0 {
            return Err(PyErrMsg::value_error("empty range for randrange()"));
        }
        let r = self.randbelow(u64::try_from(n).map_err(|_| PyErrMsg::int_too_big())?);
        i64::try_from(istart + istep * i128::from(r)).map_err(|_| PyErrMsg::int_too_big())
    }

    /// `random.randint(a, b)`: `randrange(a, b + 1)`.
    pub fn randint(&mut self, a: i64, b: i64) -> Result<i64, PyErrMsg> {
        let stop = b.checked_add(1).ok_or_else(PyErrMsg::int_too_big)?;
        self.randrange(a, Some(stop), 1)
    }

    /// `random.choice(seq)`: the index to pick from a sequence of `len`.
    pub fn choice_index(&mut self, len: usize) -> Result<usize, PyErrMsg> {
        if len == 0 {
            return Err(PyErrMsg::index_error(
                "Cannot choose from an empty sequence",
            ));
        }
        Ok(self.randbelow(len as u64) as usize)
    }

    /// `random.shuffle(x)` in place.
    pub fn shuffle<T>(&mut self, x: &mut [T]) {
        for i in (1..x.len()).rev() {
            let j = self.randbelow(i as u64 + 1) as usize;
            x.swap(i, j);
        }
    }

    /// `random.sample(population, k)`: the chosen *indexes* into a
    /// population of `n`, in selection order.
    pub fn sample_indices(&mut self, n: usize, k: i64) -> Result<Vec<usize>, PyErrMsg> {
        if k < 0 || k as u64 > n as u64 {
            return Err(PyErrMsg::value_error(
                "Sample larger than population or is negative",
            ));
        }
        let k = k as usize;
        let mut setsize: usize = 21;
        if k > 5 {
            let e = ((k * 3) as f64).ln() / 4f64.ln();
            setsize += 4usize.saturating_pow(e.ceil() as u32);
        }
        let mut result = Vec::with_capacity(k);
        if n <= setsize {
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow((n - i) as u64) as usize;
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = std::collections::BTreeSet::new();
            for _ in 0..k {
                let mut j = self.randbelow(n as u64) as usize;
                while selected.contains(&j) {
                    j = self.randbelow(n as u64) as usize;
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `random.uniform(a, b)`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `random.choices(population, weights, cum_weights=..., k=k)`: the
    /// chosen indexes into a population of `n`. `weights` and
    /// `cum_weights` are the numbers given (at most one of them; the VM
    /// raises CPython's `TypeError` when both are).
    ///
    /// With an empty population and no weights CPython fails indexing it;
    /// this returns `IndexError: list index out of range` (the VM should
    /// adapt the message for tuples and strings).
    pub fn choices_indices(
        &mut self,
        n: usize,
        weights: Option<&[f64]>,
        cum_weights: Option<&[f64]>,
        k: i64,
    ) -> Result<Vec<usize>, PyErrMsg> {
        let k = k.max(0) as usize;
        let cum: Vec<f64> = match (weights, cum_weights) {
            (None, None) => {
                let nf = n as f64;
                let mut out = Vec::with_capacity(k);
                for _ in 0..k {
                    let i = (self.random() * nf).floor() as usize;
                    if i >= n {
                        return Err(PyErrMsg::index_error("list index out of range"));
                    }
                    out.push(i);
                }
                return Ok(out);
            }
            (Some(w), _) => w
                .iter()
                .scan(0.0, |acc, x| {
                    *acc += x;
                    Some(*acc)
                })
                .collect(),
            (None, Some(c)) => c.to_vec(),
        };
        if cum.len() != n {
            return Err(PyErrMsg::value_error(
                "The number of weights does not match the population",
            ));
        }
        // CPython reads cum_weights[-1] (a list when built from weights).
        let total = *cum
            .last()
            .ok_or_else(|| PyErrMsg::index_error("list index out of range"))?;
        if total <= 0.0 {
            return Err(PyErrMsg::value_error(
                "Total of weights must be greater than zero",
            ));
        }
        if !total.is_finite() {
            return Err(PyErrMsg::value_error("Total of weights must be finite"));
        }
        let hi = n - 1;
        let mut out = Vec::with_capacity(k);
        for _ in 0..k {
            let x = self.random() * total;
            // bisect_right(cum, x, 0, hi)
            out.push(cum[..hi].partition_point(|c| *c <= x));
        }
        Ok(out)
    }

    /// `random.expovariate(lambd)`.
    pub fn expovariate(&mut self, lambd: f64) -> Result<f64, PyErrMsg> {
        if lambd == 0.0 {
            return Err(PyErrMsg::zero_division("float division by zero"));
        }
        Ok(-(1.0 - self.random()).ln() / lambd)
    }

    /// `random.triangular(low, high, mode)`.
    pub fn triangular(&mut self, low: f64, high: f64, mode: Option<f64>) -> f64 {
        let mut u = self.random();
        let mut c = match mode {
            None => 0.5,
            Some(m) => {
                if high - low == 0.0 {
                    return low;
                }
                (m - low) / (high - low)
            }
        };
        let (mut low, mut high) = (low, high);
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut low, &mut high);
        }
        low + (high - low) * (u * c).sqrt()
    }

    /// `random.normalvariate(mu, sigma)` (Kinderman and Monahan).
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        let nv_magicconst = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = nv_magicconst * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -u2.ln() {
                return mu + z * sigma;
            }
        }
    }

    /// `random.gauss(mu, sigma)` (Box-Muller, caching the second deviate).
    /// Uses the platform's `cos`/`sin`/`log`/`sqrt`, which may differ from
    /// glibc's in the last bit.
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * std::f64::consts::TAU;
                let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }
}
