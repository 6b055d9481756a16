//! Number behaviours of CPython 3.11 on Looplab's `i64` ints and `f64`
//! floats: `int(str, base)`, `float(str)`, `round`, floor division and
//! modulo with Python's sign rules, `divmod`, `**`, `/`, exact int/float
//! comparison, `float.is_integer`, `bin`/`oct`/`hex`.
//!
//! The `i64` functions here are the small-int behaviours (checked against
//! fixtures); ints beyond 64 bits live in [`super::bigint`].

use std::cmp::Ordering;

use super::strings::{repr_str, to_ascii_digits_and_spaces};
use super::PyErrMsg;

/// The result of an operation that yields an int or a float depending on
/// its operands (`int ** negative int` is a float).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum IntOrFloat {
    /// An `int` result.
    Int(i64),
    /// A `float` result.
    Float(f64),
}

/// `int(s, base)` for the commonest text, a plain decimal that fits an
/// `i64` (`"42"`, `"-7"`: ASCII digits, an optional sign, no spaces or
/// underscores), without the general parser's copies; None for anything
/// else, which [`int_from_str`] then handles.
pub fn small_int_from_str(s: &str, base: u32) -> Option<i64> {
    let b = s.as_bytes();
    let (negative, digits) = match b.first()? {
        b'-' => (true, &b[1..]),
        b'+' => (false, &b[1..]),
        _ => (false, b),
    };
    // 18 digits always fit; base 0 refuses leading zeros ("012").
    let leading_zero = digits.len() > 1 && digits[0] == b'0';
    if digits.is_empty() || digits.len() > 18 || !(base == 10 || (base == 0 && !leading_zero)) {
        return None;
    }
    let mut v: i64 = 0;
    for &d in digits {
        if !d.is_ascii_digit() {
            return None;
        }
        v = v * 10 + i64::from(d - b'0');
    }
    Some(if negative { -v } else { v })
}

/// `int(s, base)` for a `str` argument (`base` is 10 for `int(s)`; 0 means
/// "from the prefix", like a literal). Mirrors `PyLong_FromUnicodeObject`:
/// surrounding whitespace, a sign, `0x`/`0o`/`0b` prefixes, single
/// underscores between digits, non-ASCII decimal digits.
pub fn int_from_str(s: &str, base: u32) -> Result<super::bigint::BigInt, PyErrMsg> {
    if base == 1 || base > 36 {
        return Err(PyErrMsg::value_error(
            "int() base must be >= 2 and <= 36, or 0",
        ));
    }
    let invalid = || {
        PyErrMsg::value_error(format!(
            "invalid literal for int() with base {base}: {}",
            repr_str(&truncate_chars(s, 200))
        ))
    };
    let ascii = to_ascii_digits_and_spaces(s);
    let t = ascii.trim_matches(' ');
    let (negative, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let prefix_base = match lower.get(..2) {
        Some("0x") => 16,
        Some("0o") => 8,
        Some("0b") => 2,
        _ => 0,
    };
    let mut base = base;
    let mut body = lower.as_str();
    // After a prefix, one underscore may precede the first digit.
    let mut allow_leading_underscore = false;
    if base == 0 {
        if prefix_base != 0 {
            base = prefix_base;
            body = &lower[2..];
            allow_leading_underscore = true;
        } else {
            base = 10;
            // A base-0 decimal literal may not have leading zeros unless
            // it is zero.
            let digits: String = body.chars().filter(|c| *c != '_').collect();
            if digits.starts_with('0') && digits.chars().any(|c| c != '0') {
                return Err(invalid());
            }
        }
    } else if prefix_base == base {
        body = &lower[2..];
        allow_leading_underscore = true;
    }
    if body.is_empty() {
        return Err(invalid());
    }
    let mut digits = String::with_capacity(body.len());
    let mut prev_underscore = false;
    for (i, c) in body.chars().enumerate() {
        if c == '_' {
            if prev_underscore || (i == 0 && !allow_leading_underscore) {
                return Err(invalid());
            }
            prev_underscore = true;
            continue;
        }
        prev_underscore = false;
        c.to_digit(36).filter(|d| *d < base).ok_or_else(invalid)?;
        digits.push(c);
    }
    if prev_underscore {
        return Err(invalid());
    }
    super::bigint::parse_digits(&digits, base, negative)
}

fn truncate_chars(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// `float(s)` for a `str` argument, mirroring `PyFloat_FromString`:
/// whitespace, underscores between digits, `inf`/`infinity`/`nan` in any
/// case with a sign, non-ASCII decimal digits.
pub fn float_from_str(s: &str) -> Result<f64, PyErrMsg> {
    let invalid = || {
        PyErrMsg::value_error(format!(
            "could not convert string to float: {}",
            repr_str(s)
        ))
    };
    let ascii = to_ascii_digits_and_spaces(s);
    let t = ascii.trim_matches(' ');
    if t.is_empty() || !t.is_ascii() {
        return Err(invalid());
    }
    // Underscores are allowed only between two digits.
    let bytes = t.as_bytes();
    let mut cleaned = String::with_capacity(t.len());
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'_' {
            let before = i > 0 && bytes[i - 1].is_ascii_digit();
            let after = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !(before && after) {
                return Err(invalid());
            }
            continue;
        }
        cleaned.push(b as char);
    }
    let lower = cleaned.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    if lower.len() - unsigned.len() > 1 {
        return Err(invalid());
    }
    // Rust also accepts these names; restrict to exactly CPython's set.
    if unsigned.starts_with(|c: char| c.is_ascii_alphabetic())
        && !matches!(unsigned, "inf" | "infinity" | "nan")
    {
        return Err(invalid());
    }
    let v: f64 = lower.parse().map_err(|_| invalid())?;
    if v.is_nan() {
        // CPython keeps the sign of "-nan" (it only shows in copysign).
        return Ok(if lower.starts_with('-') {
            -f64::NAN
        } else {
            f64::NAN
        });
    }
    Ok(v)
}

/// `int(x)` for a float: truncation toward zero.
pub fn float_to_int(x: f64) -> Result<super::bigint::BigInt, PyErrMsg> {
    if x.is_nan() {
        return Err(PyErrMsg::value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(PyErrMsg::overflow_error(
            "cannot convert float infinity to integer",
        ));
    }
    let t = x.trunc();
    // 2**63 is exactly representable; every float below it fits.
    if (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&t) {
        return Ok((t as i64).into());
    }
    Ok(num_traits::FromPrimitive::from_f64(t).unwrap_or_default())
}

/// `round(x)` for a float: round half to even, returning an int.
pub fn round_float_to_int(x: f64) -> Result<super::bigint::BigInt, PyErrMsg> {
    float_to_int(x.round_ties_even())
}

/// `round(x, ndigits)` for a float, as CPython's `double_round`: the value
/// is rounded half-even on its *exact* binary value (so `round(2.675, 2)`
/// is `2.67`), then converted back to the nearest float.
pub fn round_float(x: f64, ndigits: i64) -> Result<f64, PyErrMsg> {
    // Bounds from CPython's float___round___impl (NDIGITS_MAX/MIN).
    if ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    if !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    let text = if ndigits >= 0 {
        format!("{:.*}", ndigits as usize, x)
    } else {
        round_integer_part(x, (-ndigits) as usize)
    };
    let r: f64 = text.parse().unwrap_or(f64::NAN);
    if r.is_infinite() {
        return Err(PyErrMsg::overflow_error(
            "rounded value too large to represent",
        ));
    }
    Ok(r)
}

/// Decimal text of `x` rounded half-even to a multiple of `10**k` (k >= 1),
/// computed exactly from the float's integer part and whether it has a
/// fraction.
fn round_integer_part(x: f64, k: usize) -> String {
    let t = x.trunc();
    let has_frac = x != t;
    let int_text = format!("{:.0}", t.abs());
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let digits = int_text.as_bytes();
    if digits.len() < k {
        // |x| < 10**k: the result is 0 or 10**k.
        return match compare_to_half(digits, k, has_frac) {
            Ordering::Greater => format!("{sign}1{}", "0".repeat(k)),
            _ => format!("{sign}0"),
        };
    }
    let split = digits.len() - k;
    let (head, tail) = digits.split_at(split);
    let mut head: Vec<u8> = head.to_vec();
    let round_up = match compare_to_half(tail, k, has_frac) {
        Ordering::Greater => true,
        Ordering::Less => false,
        Ordering::Equal => head.last().is_some_and(|d| (d - b'0') % 2 == 1),
    };
    if round_up {
        let mut i = head.len();
        loop {
            if i == 0 {
                head.insert(0, b'1');
                break;
            }
            i -= 1;
            if head[i] == b'9' {
                head[i] = b'0';
            } else {
                head[i] += 1;
                break;
            }
        }
    }
    let head = String::from_utf8(head).unwrap_or_default();
    format!("{sign}{head}{}", "0".repeat(k))
}

/// Compares the `k`-digit (zero-padded on the left) tail `tail` plus an
/// optional nonzero fraction against `5 * 10**(k-1)`.
fn compare_to_half(tail: &[u8], k: usize, has_frac: bool) -> Ordering {
    let mut padded = vec![b'0'; k - tail.len().min(k)];
    padded.extend_from_slice(tail);
    let mut half = vec![b'5'];
    half.extend(std::iter::repeat_n(b'0', k - 1));
    match padded.cmp(&half) {
        Ordering::Equal if has_frac => Ordering::Greater,
        other => other,
    }
}

/// `round(x, ndigits)` for an int: unchanged for `ndigits >= 0`, else
/// rounded half-even to a multiple of `10**-ndigits`.
pub fn round_int(x: i64, ndigits: i64) -> Result<i64, PyErrMsg> {
    if ndigits >= 0 {
        return Ok(x);
    }
    if ndigits < -19 {
        return Ok(0);
    }
    let p = 10_i128.pow((-ndigits) as u32);
    let x = i128::from(x);
    let q = x.div_euclid(p);
    let r = x.rem_euclid(p);
    let q = match (2 * r).cmp(&p) {
        Ordering::Greater => q + 1,
        Ordering::Equal if q % 2 != 0 => q + 1,
        _ => q,
    };
    i64::try_from(q * p).map_err(|_| PyErrMsg::int_too_big())
}

/// `a // b` for ints (floor division).
pub fn int_floordiv(a: i64, b: i64) -> Result<i64, PyErrMsg> {
    Ok(int_divmod_named(a, b, "integer division or modulo by zero")?.0)
}

/// `a % b` for ints (result has the sign of `b`).
pub fn int_mod(a: i64, b: i64) -> Result<i64, PyErrMsg> {
    Ok(int_divmod_named(a, b, "integer modulo by zero")?.1)
}

/// `divmod(a, b)` for ints.
pub fn int_divmod(a: i64, b: i64) -> Result<(i64, i64), PyErrMsg> {
    int_divmod_named(a, b, "integer division or modulo by zero")
}

fn int_divmod_named(a: i64, b: i64, zero_msg: &str) -> Result<(i64, i64), PyErrMsg> {
    if b == 0 {
        return Err(PyErrMsg::zero_division(zero_msg));
    }
    let q = a.checked_div(b).ok_or_else(PyErrMsg::int_too_big)?;
    let r = a - q * b;
    if r != 0 && ((r < 0) != (b < 0)) {
        Ok((q - 1, r + b))
    } else {
        Ok((q, r))
    }
}

/// `divmod(a, b)` for floats (CPython's `_float_div_mod`).
fn float_div_mod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0_f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0_f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `a // b` for floats.
pub fn float_floordiv(a: f64, b: f64) -> Result<f64, PyErrMsg> {
    if b == 0.0 {
        return Err(PyErrMsg::zero_division("float floor division by zero"));
    }
    Ok(float_div_mod(a, b).0)
}

/// `a % b` for floats (CPython's `float_rem`).
pub fn float_mod(a: f64, b: f64) -> Result<f64, PyErrMsg> {
    if b == 0.0 {
        return Err(PyErrMsg::zero_division("float modulo"));
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0_f64.copysign(b);
    }
    Ok(m)
}

/// `divmod(a, b)` for floats.
pub fn float_divmod(a: f64, b: f64) -> Result<(f64, f64), PyErrMsg> {
    if b == 0.0 {
        return Err(PyErrMsg::zero_division("float divmod()"));
    }
    Ok(float_div_mod(a, b))
}

/// `a / b` for floats.
pub fn float_truediv(a: f64, b: f64) -> Result<f64, PyErrMsg> {
    if b == 0.0 {
        return Err(PyErrMsg::zero_division("float division by zero"));
    }
    Ok(a / b)
}

/// `a / b` for ints: correctly rounded, like CPython's `long_true_divide`
/// (plain `a as f64 / b as f64` would round twice for |a| > 2**53).
pub fn int_truediv(a: i64, b: i64) -> Result<f64, PyErrMsg> {
    if b == 0 {
        return Err(PyErrMsg::zero_division("division by zero"));
    }
    if a == 0 {
        // CPython: zero with the sign of the quotient (`0 / -5` is -0.0).
        return Ok(if b < 0 { -0.0 } else { 0.0 });
    }
    let negative = (a < 0) != (b < 0);
    let (n, d) = (u128::from(a.unsigned_abs()), u128::from(b.unsigned_abs()));
    let bits = |v: u128| 128 - v.leading_zeros() as i32;
    // Scale so the quotient has at least 55 significant bits; then a sticky
    // bit for a nonzero remainder makes the u128 -> f64 rounding exact.
    let shift = (55 + bits(d) - bits(n)).max(0);
    let num = n << shift;
    let (mut q, r) = (num / d, num % d);
    if r != 0 {
        q |= 1;
    }
    let mag = q as f64 * 2f64.powi(-shift);
    Ok(if negative { -mag } else { mag })
}

/// `base ** exp` for ints: an int for `exp >= 0`, else a float (CPython
/// converts both to float).
pub fn int_pow(base: i64, exp: i64) -> Result<IntOrFloat, PyErrMsg> {
    if exp < 0 {
        return float_pow(base as f64, exp as f64).map(IntOrFloat::Float);
    }
    let r = match base {
        0 => i64::from(exp == 0),
        1 => 1,
        -1 => {
            if exp % 2 == 0 {
                1
            } else {
                -1
            }
        }
        _ => u32::try_from(exp)
            .ok()
            .and_then(|e| base.checked_pow(e))
            .ok_or_else(PyErrMsg::int_too_big)?,
    };
    Ok(IntOrFloat::Int(r))
}

/// `pow(base, exp, modulus)` for ints (negative `exp` means a modular
/// inverse, as in CPython 3.8+).
pub fn int_pow_mod(base: i64, exp: i64, modulus: i64) -> Result<i64, PyErrMsg> {
    if modulus == 0 {
        return Err(PyErrMsg::value_error("pow() 3rd argument cannot be 0"));
    }
    let m = i128::from(modulus).abs();
    let mut b = i128::from(base).rem_euclid(m);
    let mut e = i128::from(exp);
    if e < 0 {
        b = mod_inverse(b, m)
            .ok_or_else(|| PyErrMsg::value_error("base is not invertible for the given modulus"))?;
        e = -e;
    }
    let mut result: i128 = 1 % m;
    while e > 0 {
        if e & 1 == 1 {
            result = result * b % m;
        }
        b = b * b % m;
        e >>= 1;
    }
    // CPython's result has the sign of the modulus.
    if modulus < 0 && result != 0 {
        result -= m;
    }
    Ok(result as i64)
}

fn mod_inverse(a: i128, m: i128) -> Option<i128> {
    let (mut old_r, mut r) = (a, m);
    let (mut old_s, mut s) = (1_i128, 0_i128);
    while r != 0 {
        let q = old_r / r;
        (old_r, r) = (r, old_r - q * r);
        (old_s, s) = (s, old_s - q * s);
    }
    (old_r == 1).then(|| old_s.rem_euclid(m))
}

/// `a ** b` for floats (CPython's `float_pow` special cases; the general
/// case uses the platform `pow`).
pub fn float_pow(a: f64, b: f64) -> Result<f64, PyErrMsg> {
    if b == 0.0 {
        return Ok(1.0);
    }
    if a.is_nan() {
        return Ok(if b == 0.0 { 1.0 } else { a });
    }
    if b.is_nan() {
        return Ok(if a == 1.0 { 1.0 } else { b });
    }
    if a == 0.0 && b < 0.0 && b.is_finite() {
        return Err(PyErrMsg::zero_division(
            "0.0 cannot be raised to a negative power",
        ));
    }
    if a < 0.0 && a.is_finite() && b.is_finite() && b != b.floor() {
        return Err(PyErrMsg::value_error(
            "complex results are not supported by Looplab (negative number raised to a fractional power)",
        ));
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(PyErrMsg::overflow_error(
            "(34, 'Numerical result out of range')",
        ));
    }
    Ok(r)
}

/// Exact comparison of an int with a float (CPython's `float_richcompare`
/// never rounds the int). `None` when `f` is NaN.
pub fn cmp_int_float(i: i64, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    let fl = f.floor();
    if fl < -9_223_372_036_854_775_808.0 {
        return Some(Ordering::Greater);
    }
    if fl >= 9_223_372_036_854_775_808.0 {
        return Some(Ordering::Less);
    }
    let fi = fl as i64;
    Some(match i.cmp(&fi) {
        Ordering::Equal if f != fl => Ordering::Less,
        other => other,
    })
}

/// `float.is_integer()`.
pub fn float_is_integer(x: f64) -> bool {
    x.is_finite() && x == x.trunc()
}

/// `bin(v)` (`base` 2), `oct(v)` (8) or `hex(v)` (16); other bases give the
/// bare digits.
pub fn int_to_base(v: i64, base: u32) -> String {
    let mag = v.unsigned_abs();
    let sign = if v < 0 { "-" } else { "" };
    match base {
        2 => format!("{sign}0b{mag:b}"),
        8 => format!("{sign}0o{mag:o}"),
        16 => format!("{sign}0x{mag:x}"),
        _ => format!("{sign}{mag}"),
    }
}
