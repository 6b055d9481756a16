//! CPython 3.11's `hash()` for the builtin immutable types, as computed
//! with `PYTHONHASHSEED=0` (which the oracle uses, so set iteration order
//! is reproducible).
//!
//! * int and float: reduction modulo the Mersenne prime `2**61 - 1`
//!   (`sys.hash_info.modulus`), so `hash(1) == hash(1.0) == hash(True)`;
//!   `inf` hashes to 314159; a result of -1 becomes -2.
//! * str and bytes: SipHash-1-3 with an all-zero key (what
//!   `PYTHONHASHSEED=0` means) over the string's PEP 393 storage: 1, 2 or 4
//!   little-endian bytes per character depending on its widest character.
//!   The empty string hashes to 0.
//! * tuple: CPython 3.8+'s xxHash-derived combination of the item hashes.
//! * `None`, NaN and plain objects hash by address in 3.11, so no fixed
//!   value exists; the VM should pick its own (any constant is consistent).

/// `sys.hash_info.modulus`: the Mersenne prime `2**61 - 1`.
pub const MODULUS: u64 = (1 << 61) - 1;
/// `sys.hash_info.inf`: `hash(float('inf'))`.
pub const HASH_INF: i64 = 314_159;

fn fix_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(v)` for an int.
pub fn hash_int(v: i64) -> i64 {
    let m = (v.unsigned_abs() % MODULUS) as i64;
    fix_minus_one(if v < 0 { -m } else { m })
}

/// `hash(b)` for a bool (`hash(True) == 1`).
pub fn hash_bool(b: bool) -> i64 {
    i64::from(b)
}

/// `2**e mod MODULUS` for any integer `e` (using `2**61 == 1`).
fn pow2_mod(e: i64) -> u64 {
    1u64 << e.rem_euclid(61)
}

/// `hash(x)` for a float: the same value as the int or fraction it equals
/// (CPython's `_Py_HashDouble`). NaN has no fixed hash in 3.11 (it hashes
/// by identity); this returns 0 for it.
pub fn hash_float(x: f64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if x == 0.0 {
        return 0;
    }
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    // |x| = mant * 2**e exactly.
    let (mant, e) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp_bits - 1075)
    };
    let m = u128::from(mant % MODULUS);
    let h = (m * u128::from(pow2_mod(e)) % u128::from(MODULUS)) as i64;
    fix_minus_one(if x < 0.0 { -h } else { h })
}

/// SipHash-1-3 with key (`k0`, `k1`), as CPython's `siphash13`.
pub fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v0 = k0 ^ 0x736f_6d65_7073_6575;
    let mut v1 = k1 ^ 0x646f_7261_6e64_6f6d;
    let mut v2 = k0 ^ 0x6c79_6765_6e65_7261;
    let mut v3 = k1 ^ 0x7465_6462_7974_6573;
    let round = |v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64| {
        *v0 = v0.wrapping_add(*v1);
        *v1 = v1.rotate_left(13);
        *v1 ^= *v0;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v3);
        *v3 = v3.rotate_left(16);
        *v3 ^= *v2;
        *v0 = v0.wrapping_add(*v3);
        *v3 = v3.rotate_left(21);
        *v3 ^= *v0;
        *v2 = v2.wrapping_add(*v1);
        *v1 = v1.rotate_left(17);
        *v1 ^= *v2;
        *v2 = v2.rotate_left(32);
    };
    let chunks = data.chunks_exact(8);
    let tail = chunks.remainder();
    for chunk in chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let m = u64::from_le_bytes(w);
        v3 ^= m;
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        v0 ^= m;
    }
    let mut b = (data.len() as u64) << 56;
    for (i, &byte) in tail.iter().enumerate() {
        b |= u64::from(byte) << (8 * i);
    }
    v3 ^= b;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^= b;
    v2 ^= 0xff;
    for _ in 0..3 {
        round(&mut v0, &mut v1, &mut v2, &mut v3);
    }
    v0 ^ v1 ^ v2 ^ v3
}

/// `hash(b)` for bytes with `PYTHONHASHSEED=0`.
pub fn hash_bytes(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    fix_minus_one(siphash13(0, 0, b) as i64)
}

/// `hash(s)` for a str with `PYTHONHASHSEED=0`: hashes the PEP 393
/// representation (Latin-1, UCS-2 or UCS-4, little-endian).
pub fn hash_str(s: &str) -> i64 {
    // ASCII text is its own one-byte-per-character form.
    if s.is_ascii() {
        return hash_bytes(s.as_bytes());
    }
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let width = if max < 0x100 {
        1
    } else if max < 0x10000 {
        2
    } else {
        4
    };
    let mut buf = Vec::with_capacity(s.len() * width);
    for c in s.chars() {
        let u = c as u32;
        buf.extend_from_slice(&u.to_le_bytes()[..width]);
    }
    hash_bytes(&buf)
}

/// `hash(t)` for a tuple, given its items' hashes (CPython 3.8+'s
/// `tuplehash`).
pub fn hash_tuple(item_hashes: &[i64]) -> i64 {
    let mut t = TupleHash::new();
    for &h in item_hashes {
        t.add(h);
    }
    t.finish(item_hashes.len())
}

/// `hash_tuple` an item at a time, for callers that hash items as they go
/// (no list of the items' hashes).
pub struct TupleHash(u64);

impl TupleHash {
    const PRIME_1: u64 = 11_400_714_785_074_694_791;
    const PRIME_2: u64 = 14_029_467_366_897_019_727;
    const PRIME_5: u64 = 2_870_177_450_012_600_261;

    pub fn new() -> TupleHash {
        TupleHash(Self::PRIME_5)
    }

    pub fn add(&mut self, item_hash: i64) {
        let acc = self
            .0
            .wrapping_add((item_hash as u64).wrapping_mul(Self::PRIME_2));
        self.0 = acc.rotate_left(31).wrapping_mul(Self::PRIME_1);
    }

    pub fn finish(self, len: usize) -> i64 {
        let acc = self
            .0
            .wrapping_add((len as u64) ^ (Self::PRIME_5 ^ 3_527_539));
        if acc == u64::MAX {
            return 1_546_275_796;
        }
        acc as i64
    }
}

impl Default for TupleHash {
    fn default() -> Self {
        Self::new()
    }
}

/// `hash(fs)` for a frozenset, given its items' hashes (CPython 3.11's
/// `frozenset_hash`). The result does not depend on the table layout: the
/// effects of empty and dummy slots cancel out.
pub fn hash_frozenset(item_hashes: &[i64]) -> i64 {
    fn shuffle_bits(h: u64) -> u64 {
        ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
    }
    let mut hash: u64 = 0;
    for &h in item_hashes {
        hash ^= shuffle_bits(h as u64);
    }
    hash ^= (item_hashes.len() as u64 + 1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        return 590_923_713;
    }
    hash as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minus_one_is_minus_two() {
        // python3: hash(-1) == -2, hash(-1.0) == -2
        assert_eq!(hash_int(-1), -2);
        assert_eq!(hash_float(-1.0), -2);
        assert_eq!(hash_int(1 << 61), 1);
    }
}
