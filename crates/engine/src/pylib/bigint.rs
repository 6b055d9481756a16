//! CPython 3.11's behaviours of ints beyond 64 bits, on `num-bigint`'s
//! `BigInt`: the 4300-digit limit of decimal conversion, the modular
//! `hash()`, conversion to float and true division (both correctly
//! rounded, with CPython's `OverflowError`s), floor division and modulo
//! with Python's signs, `pow(a, b, m)`, `round(x, -n)`, bytes conversion.
//!
//! The VM keeps ints that fit in an `i64` as `i64` and comes here only
//! when a result does not.

use std::cell::Cell;
use std::cmp::Ordering;

pub use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::PyErrMsg;

/// `sys.get_int_max_str_digits()`'s default.
pub const MAX_STR_DIGITS: usize = 4300;

thread_local! {
    /// The current limit (0: none), set by `sys.set_int_max_str_digits`;
    /// each VM resets it when it starts.
    static MAX_DIGITS: Cell<usize> = const { Cell::new(MAX_STR_DIGITS) };
}

/// `sys.get_int_max_str_digits()`.
pub fn max_str_digits() -> usize {
    MAX_DIGITS.with(Cell::get)
}

/// `sys.set_int_max_str_digits(n)`: 0 or at least 640.
pub fn set_max_str_digits(n: i64) -> Result<(), PyErrMsg> {
    if n != 0 && n < 640 {
        return Err(PyErrMsg::value_error(
            "maxdigits must be 0 or larger than 640",
        ));
    }
    MAX_DIGITS.with(|m| m.set(n as usize));
    Ok(())
}

fn limit_error_str(limit: usize) -> PyErrMsg {
    PyErrMsg::value_error(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// The `ValueError` of `int(s)` for a decimal string of `n` digits.
fn limit_error_parse(limit: usize, n: usize) -> PyErrMsg {
    PyErrMsg::value_error(format!(
        "Exceeds the limit ({limit} digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `str(v)`: decimal digits, refused beyond 4300 of them as CPython does.
pub fn to_decimal(v: &BigInt) -> Result<String, PyErrMsg> {
    let limit = max_str_digits();
    // More bits than this surely means too many digits.
    let bits = v.bits();
    if limit > 0 && bits as f64 * std::f64::consts::LOG10_2 > limit as f64 + 1.0 {
        return Err(limit_error_str(limit));
    }
    let s = v.to_str_radix(10);
    let digits = s.len() - usize::from(v.is_negative());
    if limit > 0 && digits > limit {
        return Err(limit_error_str(limit));
    }
    Ok(s)
}

/// Parses the digits (already validated, without sign or underscores) of
/// an int in `base`; decimal strings beyond 4300 digits are refused.
pub fn parse_digits(digits: &str, base: u32, negative: bool) -> Result<BigInt, PyErrMsg> {
    let limit = max_str_digits();
    if base == 10 && limit > 0 && digits.len() > limit {
        return Err(limit_error_parse(limit, digits.len()));
    }
    let mag = BigInt::parse_bytes(digits.as_bytes(), base)
        .ok_or_else(|| PyErrMsg::value_error("invalid literal for int()"))?;
    Ok(if negative { -mag } else { mag })
}

/// `hash(v)`: `v` modulo the Mersenne prime `2**61 - 1`, with the sign of
/// `v`, and -1 turned into -2.
pub fn hash(v: &BigInt) -> i64 {
    let m = BigInt::from(super::hash::MODULUS);
    let r = (v.abs() % m).to_i64().unwrap_or(0);
    let h = if v.is_negative() { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `float(v)`, correctly rounded, or CPython's `OverflowError`.
pub fn to_f64(v: &BigInt) -> Result<f64, PyErrMsg> {
    match v.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(PyErrMsg::overflow_error(
            "int too large to convert to float",
        )),
    }
}

/// `m * 2**e` exactly, for `m < 2**54` and a representable result.
fn ldexp(m: u64, e: i64) -> f64 {
    let pow2 = |k: i64| f64::from_bits(((k + 1023) as u64) << 52);
    let mut x = m as f64;
    let mut e = e;
    while e > 1000 {
        x *= pow2(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= pow2(-1000);
        e += 1000;
    }
    x * pow2(e)
}

/// `a / b` for ints: the float nearest the exact quotient (CPython's
/// `long_true_divide`), `ZeroDivisionError` or `OverflowError` as CPython.
pub fn true_div(a: &BigInt, b: &BigInt) -> Result<f64, PyErrMsg> {
    if b.is_zero() {
        return Err(PyErrMsg::zero_division("division by zero"));
    }
    if a.is_zero() {
        return Ok(if b.is_negative() { -0.0 } else { 0.0 });
    }
    let negative = a.is_negative() != b.is_negative();
    let n = a.magnitude();
    let d = b.magnitude();
    // The quotient lies in [2**(e-1), 2**(e+1)).
    let e = n.bits() as i64 - d.bits() as i64;
    if e > 1025 {
        return Err(too_large_quotient());
    }
    // The lowest bit kept: 55+ bits of quotient, or the subnormal unit.
    let s = (e - 56).max(-1074 - 2);
    let (num, den) = if s >= 0 {
        (n.clone(), d << (s as u64))
    } else {
        (n << ((-s) as u64), d.clone())
    };
    let (q, r) = num.div_rem(&den);
    let q = q.to_u64().unwrap_or(u64::MAX);
    let sticky = !r.is_zero();
    let qbits = 64 - u64::from(q.leading_zeros()) as i64;
    // Final lowest bit: 53 significant bits, never below 2**-1074.
    let lsb = (s + qbits - 53).max(-1074);
    let extra = (lsb - s) as u32;
    let mut m = if extra >= 64 { 0 } else { q >> extra };
    if extra > 0 && extra < 64 {
        let half = 1u64 << (extra - 1);
        let rest = q & ((1u64 << extra) - 1);
        if rest > half || (rest == half && (sticky || m & 1 == 1)) {
            m += 1;
        }
    }
    let mag = ldexp(m, lsb);
    if mag.is_infinite() {
        return Err(too_large_quotient());
    }
    Ok(if negative { -mag } else { mag })
}

fn too_large_quotient() -> PyErrMsg {
    PyErrMsg::overflow_error("integer division result too large for a float")
}

/// `(a // b, a % b)` with Python's signs (the remainder has the sign of `b`).
pub fn divmod(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    a.div_mod_floor(b)
}

/// `pow(base, exp, modulus)` for ints (a negative `exp` takes a modular
/// inverse), the result with the sign of the modulus.
pub fn pow_mod(base: &BigInt, exp: &BigInt, modulus: &BigInt) -> Result<BigInt, PyErrMsg> {
    if modulus.is_zero() {
        return Err(PyErrMsg::value_error("pow() 3rd argument cannot be 0"));
    }
    let m = modulus.abs();
    let mut b = base.mod_floor(&m);
    let mut e = exp.clone();
    if e.is_negative() {
        b = inverse(&b, &m)
            .ok_or_else(|| PyErrMsg::value_error("base is not invertible for the given modulus"))?;
        e = -e;
    }
    let mut r = b.modpow(&e, &m);
    if modulus.is_negative() && !r.is_zero() {
        r -= &m;
    }
    Ok(r)
}

fn inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = a.extended_gcd(m);
    g.gcd.is_one().then(|| g.x.mod_floor(m))
}

/// `round(x, ndigits)` for `ndigits < 0`: half-even to a multiple of
/// `10**-ndigits`.
pub fn round(x: &BigInt, ndigits: i64) -> BigInt {
    if ndigits >= 0 {
        return x.clone();
    }
    let digits = ndigits.checked_neg().unwrap_or(i64::MAX);
    // 10**digits beyond twice |x|: the nearest multiple is 0.
    if digits as f64 > x.bits() as f64 * 0.302 + 1.0 {
        return BigInt::zero();
    }
    let digits = digits as u32;
    let p = BigInt::from(10u32).pow(digits);
    let (q, r) = x.div_mod_floor(&p);
    let twice = &r * 2u32;
    let up = match twice.cmp(&p) {
        Ordering::Greater => true,
        Ordering::Equal => q.is_odd(),
        Ordering::Less => false,
    };
    let q = if up { q + 1u32 } else { q };
    q * p
}

/// Exact comparison of an int with a float (`None` when `f` is NaN).
pub fn cmp_float(v: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let fl = f.floor();
    let fi = num_traits::FromPrimitive::from_f64(fl).unwrap_or_else(BigInt::zero);
    Some(match v.cmp(&fi) {
        Ordering::Equal if f != fl => Ordering::Less,
        other => other,
    })
}

/// `int.to_bytes(length, byteorder, signed=...)`.
pub fn to_bytes(
    v: &BigInt,
    length: usize,
    little: bool,
    signed: bool,
) -> Result<Vec<u8>, PyErrMsg> {
    if !signed && v.is_negative() {
        return Err(PyErrMsg::overflow_error(
            "can't convert negative int to unsigned",
        ));
    }
    let mut bytes = v.to_signed_bytes_le();
    if !signed && bytes.len() > 1 && bytes.last() == Some(&0) {
        bytes.pop();
    }
    if !signed && bytes == [0] {
        bytes.clear();
    }
    if bytes.len() > length {
        return Err(PyErrMsg::overflow_error("int too big to convert"));
    }
    let fill = if v.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(bytes)
}

/// `int.from_bytes(bytes, byteorder, signed=...)`.
pub fn from_bytes(bytes: &[u8], little: bool, signed: bool) -> BigInt {
    let mut b = bytes.to_vec();
    if !little {
        b.reverse();
    }
    if signed {
        BigInt::from_signed_bytes_le(&b)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &b)
    }
}

/// `bin`/`oct`/`hex` of any int (`base` 2, 8 or 16).
pub fn to_base(v: &BigInt, base: u32) -> String {
    let sign = if v.is_negative() { "-" } else { "" };
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        _ => "0x",
    };
    format!("{sign}{prefix}{}", v.magnitude().to_str_radix(base))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        BigInt::parse_bytes(s.as_bytes(), 10).unwrap()
    }

    #[test]
    fn true_division_rounds_like_cpython() {
        // Values checked against CPython 3.11.
        assert_eq!(true_div(&big("10"), &big("4")), Ok(2.5));
        assert_eq!(true_div(&big("1"), &big("3")), Ok(0.333_333_333_333_333_3));
        assert_eq!(
            true_div(&big("9007199254740993"), &big("1")),
            Ok(9_007_199_254_740_992.0)
        );
        let tiny = true_div(&big("1"), &(BigInt::one() << 1074u32));
        assert_eq!(tiny, Ok(5e-324));
        let under = true_div(&big("1"), &(BigInt::one() << 1076u32));
        assert_eq!(under, Ok(0.0));
        assert!(true_div(&(BigInt::one() << 1024u32), &big("1")).is_err());
    }

    #[test]
    fn hashes_modulo_the_mersenne_prime() {
        assert_eq!(hash(&(BigInt::one() << 61u32)), 1);
        assert_eq!(hash(&-(BigInt::one() << 61u32)), -2);
    }
}
