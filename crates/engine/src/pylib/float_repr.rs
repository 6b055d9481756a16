//! `repr(float)` / `str(float)`, mirroring CPython's `float_repr`
//! (`PyOS_double_to_string(x, 'r', 0, Py_DTSF_ADD_DOT_0)`).
//!
//! CPython picks the shortest digit string that round-trips (David Gay's
//! `dtoa` mode 0); Rust's `{:e}` formatting produces the same shortest
//! digits, so all this module does is place the decimal point or exponent by
//! CPython's rule: scientific notation when the decimal exponent is < -4 or
//! >= 16, otherwise positional with at least one digit after the point.

/// Shortest round-trip decimal digits of a finite, non-zero `|x|`, and the
/// decimal exponent of the first digit (`x = 0.d1d2d3... * 10**(exp + 1)`).
///
/// Returns `("0", 0)` for zero.
pub fn shortest_digits(x: f64) -> (String, i32) {
    let x = x.abs();
    let (digits, exp) = split_exp(&format!("{x:e}"));
    // Rust breaks ties between two equally short candidates upward, Gay's
    // dtoa (CPython) picks the one closest to the exact value, i.e. the
    // correctly rounded (half-even) one, when it also round-trips.
    if digits.len() > 1 {
        let (alt, alt_exp) = split_exp(&format!("{:.*e}", digits.len() - 1, x));
        if alt != digits
            && format!("{}e{}", alt, alt_exp - alt.len() as i32 + 1).parse::<f64>() == Ok(x)
        {
            let mut alt = alt;
            while alt.len() > 1 && alt.ends_with('0') {
                alt.pop();
            }
            return (alt, alt_exp);
        }
    }
    (digits, exp)
}

/// Splits Rust's `{:e}` output `d[.ddd]e[-]N` into its digits and `N`.
fn split_exp(s: &str) -> (String, i32) {
    let (mantissa, exp) = s.split_once('e').unwrap_or((s, "0"));
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    (digits, exp.parse().unwrap_or(0))
}

/// `repr(x)` for a Python float, byte for byte as CPython 3.11.
pub fn repr_float(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0.0");
    }
    let (digits, exp) = shortest_digits(x);
    format!("{sign}{}", place_point_repr(&digits, exp))
}

/// Lays out shortest `digits` with first-digit exponent `exp` the way
/// `format_float_short` does for repr: exponent form when `exp < -4 || exp
/// >= 16`, else positional; always with a `.` (`.0` added when needed).
fn place_point_repr(digits: &str, exp: i32) -> String {
    if !(-4..16).contains(&exp) {
        let (first, rest) = digits.split_at(1);
        let mant = if rest.is_empty() {
            first.to_string()
        } else {
            format!("{first}.{rest}")
        };
        let esign = if exp < 0 { '-' } else { '+' };
        return format!("{mant}e{esign}{:02}", exp.abs());
    }
    let ndigits = digits.len() as i32;
    if exp < 0 {
        // 0.000ddd
        let zeros = "0".repeat((-exp - 1) as usize);
        format!("0.{zeros}{digits}")
    } else if exp + 1 >= ndigits {
        // ddd000.0
        let zeros = "0".repeat((exp + 1 - ndigits) as usize);
        format!("{digits}{zeros}.0")
    } else {
        let (int_part, frac) = digits.split_at((exp + 1) as usize);
        format!("{int_part}.{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::repr_float;

    #[test]
    fn layout_examples() {
        // Expected strings are what CPython 3.11 prints (checked with python3;
        // the fixture test covers thousands more).
        let cases: [(f64, &str); 12] = [
            (1e16, "1e+16"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (-0.0, "-0.0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (1.0, "1.0"),
            (123456789012345.0, "123456789012345.0"),
            (1.2345678901234567e16, "1.2345678901234568e+16"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e300 * 10.0, "1e+301"),
        ];
        for (x, want) in cases {
            assert_eq!(repr_float(x), want, "repr({x:?})");
        }
    }
}
