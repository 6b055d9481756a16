//! The `math` module.


use std::rc::Rc;

use crate::vm::library::builtins::nargs;
use crate::vm::library::modules::{num, reg};
use crate::pylib;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};
use crate::vm::value::*;
use crate::vm::{Error, Vm};

/// Builds the module on first import.
pub(crate) fn make_module(vm: &mut Vm) -> Result<Value, Error> {
    let (m, g) = vm.new_module("math");
    g.set_str("pi", Value::Float(std::f64::consts::PI));
    g.set_str("e", Value::Float(std::f64::consts::E));
    g.set_str("tau", Value::Float(std::f64::consts::TAU));
    g.set_str("inf", Value::Float(f64::INFINITY));
    g.set_str("nan", Value::Float(f64::NAN));
    float_functions(vm, &g);
    special_functions(vm, &g);
    integer_functions(vm, &g);
    Ok(m)
}

/// The functions of floats (`sqrt`, `log`, `floor`, `isclose`, …). One
/// piece on purpose: a table of registrations, one line per function.
fn float_functions(vm: &mut Vm, g: &Rc<Globals>) {
    macro_rules! f1 {
        ($name:expr, $f:expr) => {
            reg(vm, g, $name, |vm, a, _| {
                nargs(vm, $name, a, 1, 1)?;
                let x = num(vm, &a[0])?;
                let f: fn(f64) -> Option<f64> = $f;
                match f(x) {
                    Some(r) => Ok(Value::Float(r)),
                    None => Err(vm.value_error("math domain error")),
                }
            });
        };
    }
    f1!("sqrt", |x| if x < 0.0 { None } else { Some(x.sqrt()) });
    f1!("sin", |x| if x.is_infinite() {
        None
    } else {
        Some(x.sin())
    });
    f1!("cos", |x| if x.is_infinite() {
        None
    } else {
        Some(x.cos())
    });
    f1!("tan", |x| if x.is_infinite() {
        None
    } else {
        Some(x.tan())
    });
    f1!("atan", |x| Some(x.atan()));
    f1!("asin", |x| if x.abs() > 1.0 {
        None
    } else {
        Some(x.asin())
    });
    f1!("acos", |x| if x.abs() > 1.0 {
        None
    } else {
        Some(x.acos())
    });
    f1!("fabs", |x| Some(x.abs()));
    reg(vm, g, "log2", |vm, a, _| {
        nargs(vm, "log2", a, 1, 1)?;
        log_of(vm, &a[0], f64::log2, std::f64::consts::LN_2)
    });
    reg(vm, g, "log10", |vm, a, _| {
        nargs(vm, "log10", a, 1, 1)?;
        log_of(vm, &a[0], f64::log10, std::f64::consts::LN_10)
    });
    f1!("degrees", |x| Some(x.to_degrees()));
    f1!("radians", |x| Some(x.to_radians()));
    reg(vm, g, "log", |vm, a, _| {
        nargs(vm, "log", a, 1, 2)?;
        let Value::Float(x) = log_of(vm, &a[0], f64::ln, 1.0)? else {
            return Err(vm.value_error("math domain error"));
        };
        match a.get(1) {
            Some(b) => {
                let Value::Float(b) = log_of(vm, b, f64::ln, 1.0)? else {
                    return Err(vm.value_error("math domain error"));
                };
                Ok(Value::Float(x / b))
            }
            None => Ok(Value::Float(x)),
        }
    });
    reg(vm, g, "atan2", |vm, a, _| {
        nargs(vm, "atan2", a, 2, 2)?;
        let (y, x) = (num(vm, &a[0])?, num(vm, &a[1])?);
        Ok(Value::Float(y.atan2(x)))
    });
    reg(vm, g, "hypot", |vm, a, _| {
        let mut s = 0.0;
        for x in a {
            let x = num(vm, x)?;
            s += x * x;
        }
        Ok(Value::Float(s.sqrt()))
    });
    reg(vm, g, "pow", |vm, a, _| {
        nargs(vm, "pow", a, 2, 2)?;
        let (x, y) = (num(vm, &a[0])?, num(vm, &a[1])?);
        Ok(Value::Float(x.powf(y)))
    });
    reg(vm, g, "floor", |vm, a, _| {
        nargs(vm, "floor", a, 1, 1)?;
        match &a[0] {
            Value::Int(_) | Value::BigInt(_) => Ok(a[0].clone()),
            v => {
                let x = num(vm, v)?;
                pylib::numbers::float_to_int(x.floor())
                    .map(Value::from_big)
                    .map_err(|e| vm.pyerr(e))
            }
        }
    });
    reg(vm, g, "ceil", |vm, a, _| {
        nargs(vm, "ceil", a, 1, 1)?;
        match &a[0] {
            Value::Int(_) | Value::BigInt(_) => Ok(a[0].clone()),
            v => {
                let x = num(vm, v)?;
                pylib::numbers::float_to_int(x.ceil())
                    .map(Value::from_big)
                    .map_err(|e| vm.pyerr(e))
            }
        }
    });
    reg(vm, g, "trunc", |vm, a, _| {
        nargs(vm, "trunc", a, 1, 1)?;
        if let Value::Int(_) | Value::BigInt(_) = a[0] {
            return Ok(a[0].clone());
        }
        let x = num(vm, &a[0])?;
        pylib::numbers::float_to_int(x.trunc())
            .map(Value::from_big)
            .map_err(|e| vm.pyerr(e))
    });
    reg(vm, g, "isclose", |vm, a, kw| {
        nargs(vm, "isclose", a, 2, 2)?;
        let (x, y) = (num(vm, &a[0])?, num(vm, &a[1])?);
        let mut rel = 1e-9;
        let mut abs = 0.0;
        for (k, v) in kw {
            match &**k {
                "rel_tol" => rel = num(vm, v)?,
                "abs_tol" => abs = num(vm, v)?,
                _ => {}
            }
        }
        if x == y {
            return Ok(Value::Bool(true));
        }
        if x.is_infinite() || y.is_infinite() {
            return Ok(Value::Bool(false));
        }
        let d = (x - y).abs();
        Ok(Value::Bool(
            d <= (rel * y.abs()).max(rel * x.abs()) || d <= abs,
        ))
    });
    reg(vm, g, "isnan", |vm, a, _| {
        Ok(Value::Bool(num(vm, &a[0])?.is_nan()))
    });
    reg(vm, g, "isinf", |vm, a, _| {
        Ok(Value::Bool(num(vm, &a[0])?.is_infinite()))
    });
    reg(vm, g, "isfinite", |vm, a, _| {
        Ok(Value::Bool(num(vm, &a[0])?.is_finite()))
    });
}

/// How a float function fails, as CPython's math module reports it.
enum MathErr {
    /// ValueError("math domain error"): no result exists.
    Domain,
    /// OverflowError("math range error"): the result is too large.
    Range,
}

/// `r`, computed from a finite `x`, unless it overflowed.
fn in_range(x: f64, r: f64) -> Result<f64, MathErr> {
    if r.is_infinite() && x.is_finite() {
        Err(MathErr::Range)
    } else {
        Ok(r)
    }
}

/// Hyperbolic, error and gamma functions, and the float-decomposing ones
/// (`frexp`, `ldexp`, `modf`, `fmod`, `remainder`, `nextafter`, `ulp`,
/// `dist`).
fn special_functions(vm: &mut Vm, g: &Rc<Globals>) {
    macro_rules! f1 {
        ($name:expr, $f:expr) => {
            reg(vm, g, $name, |vm, a, _| {
                nargs(vm, $name, a, 1, 1)?;
                let x = num(vm, &a[0])?;
                let f: fn(f64) -> Result<f64, MathErr> = $f;
                match f(x) {
                    Ok(r) => Ok(Value::Float(r)),
                    Err(MathErr::Domain) => Err(vm.value_error("math domain error")),
                    Err(MathErr::Range) => Err(vm.overflow_error("math range error")),
                }
            });
        };
    }
    f1!("exp", |x| in_range(x, x.exp()));
    f1!("sinh", |x| in_range(x, x.sinh()));
    f1!("cosh", |x| in_range(x, x.cosh()));
    f1!("tanh", |x| Ok(x.tanh()));
    f1!("asinh", |x| Ok(x.asinh()));
    f1!("acosh", |x| if x < 1.0 { Err(MathErr::Domain) } else { Ok(x.acosh()) });
    f1!("atanh", |x| if x.abs() >= 1.0 { Err(MathErr::Domain) } else { Ok(x.atanh()) });
    f1!("cbrt", |x| Ok(x.cbrt()));
    f1!("exp2", |x| in_range(x, x.exp2()));
    f1!("expm1", |x| in_range(x, x.exp_m1()));
    f1!("log1p", |x| if x <= -1.0 { Err(MathErr::Domain) } else { Ok(x.ln_1p()) });
    f1!("erf", |x| Ok(libm::erf(x)));
    f1!("erfc", |x| Ok(libm::erfc(x)));
    f1!("gamma", |x| {
        if x.is_nan() {
            Ok(x)
        } else if x == f64::NEG_INFINITY || (x <= 0.0 && x == x.floor()) {
            Err(MathErr::Domain)
        } else {
            in_range(x, libm::tgamma(x))
        }
    });
    f1!("lgamma", |x| {
        if x <= 0.0 && x == x.floor() && x.is_finite() {
            Err(MathErr::Domain)
        } else {
            in_range(x, libm::lgamma(x))
        }
    });
    f1!("ulp", |x| {
        let x = x.abs();
        if x.is_nan() || x.is_infinite() {
            return Ok(x);
        }
        let next = f64::from_bits(x.to_bits() + 1);
        if next.is_infinite() {
            let prev = f64::from_bits(x.to_bits() - 1);
            return Ok(x - prev);
        }
        Ok(next - x)
    });
    reg(vm, g, "frexp", |vm, a, _| {
        nargs(vm, "frexp", a, 1, 1)?;
        let x = num(vm, &a[0])?;
        let (m, e) = if x.is_finite() { libm::frexp(x) } else { (x, 0) };
        Ok(Value::tuple(vec![Value::Float(m), Value::Int(e.into())]))
    });
    reg(vm, g, "ldexp", |vm, a, _| {
        nargs(vm, "ldexp", a, 2, 2)?;
        let x = num(vm, &a[0])?;
        let e = match &a[1] {
            Value::Int(i) => (*i).clamp(i32::MIN as i64, i32::MAX as i64) as i32,
            Value::Bool(b) => *b as i32,
            Value::BigInt(b) if b.is_negative() => i32::MIN,
            Value::BigInt(_) => i32::MAX,
            other => {
                let t = vm.type_name(other);
                return Err(vm.type_error(format!("Expected an int as second argument to ldexp, not {t}")));
            }
        };
        let r = libm::scalbn(x, e);
        if r.is_infinite() && x.is_finite() {
            return Err(vm.overflow_error("math range error"));
        }
        Ok(Value::Float(r))
    });
    reg(vm, g, "modf", |vm, a, _| {
        nargs(vm, "modf", a, 1, 1)?;
        let x = num(vm, &a[0])?;
        let (frac, int) = if x.is_infinite() {
            (0.0f64.copysign(x), x)
        } else {
            (x.fract(), x.trunc())
        };
        Ok(Value::tuple(vec![Value::Float(frac), Value::Float(int)]))
    });
    reg(vm, g, "fmod", |vm, a, _| {
        nargs(vm, "fmod", a, 2, 2)?;
        let (x, y) = (num(vm, &a[0])?, num(vm, &a[1])?);
        if !x.is_nan() && !y.is_nan() && (x.is_infinite() || y == 0.0) {
            return Err(vm.value_error("math domain error"));
        }
        Ok(Value::Float(x % y))
    });
    reg(vm, g, "remainder", |vm, a, _| {
        nargs(vm, "remainder", a, 2, 2)?;
        let (x, y) = (num(vm, &a[0])?, num(vm, &a[1])?);
        if !x.is_nan() && !y.is_nan() && (x.is_infinite() || y == 0.0) {
            return Err(vm.value_error("math domain error"));
        }
        Ok(Value::Float(libm::remainder(x, y)))
    });
    reg(vm, g, "nextafter", |vm, a, _| {
        nargs(vm, "nextafter", a, 2, 2)?;
        let (x, y) = (num(vm, &a[0])?, num(vm, &a[1])?);
        Ok(Value::Float(libm::nextafter(x, y)))
    });
    reg(vm, g, "dist", |vm, a, _| {
        nargs(vm, "dist", a, 2, 2)?;
        let (p, q) = (vm.iterate(&a[0])?, vm.iterate(&a[1])?);
        if p.len() != q.len() {
            return Err(vm.value_error("both points must have the same number of dimensions"));
        }
        let mut s = 0.0;
        for (x, y) in p.iter().zip(&q) {
            let d = num(vm, x)? - num(vm, y)?;
            s += d * d;
        }
        Ok(Value::Float(s.sqrt()))
    });
}

/// `log(x)` in some base (`f` on a float, `ln(x) / unit` for an int too
/// big for a float, as CPython's `loghelper` does).
fn log_of(vm: &mut Vm, v: &Value, f: fn(f64) -> f64, unit: f64) -> Result<Value, Error> {
    if let Value::BigInt(i) = v {
        if i.is_positive() && pylib::bigint::to_f64(i).is_err() {
            let shift = i.bits() - 64;
            let top = pylib::bigint::to_f64(&(&**i >> shift)).unwrap_or(1.0);
            let ln = top.ln() + shift as f64 * std::f64::consts::LN_2;
            return Ok(Value::Float(ln / unit));
        }
    }
    let x = num(vm, v)?;
    if x <= 0.0 {
        return Err(vm.value_error("math domain error"));
    }
    Ok(Value::Float(f(x)))
}

/// The functions of integers and sequences (`gcd`, `comb`, `fsum`, …).
fn integer_functions(vm: &mut Vm, g: &Rc<Globals>) {
    reg(vm, g, "gcd", |vm, a, _| {
        let mut r = BigInt::zero();
        for x in a {
            let y = vm.as_big(x)?;
            r = r.gcd(&y);
        }
        Ok(Value::from_big(r))
    });
    reg(vm, g, "lcm", |vm, a, _| {
        let mut r = BigInt::one();
        for x in a {
            let y = vm.as_big(x)?;
            r = r.lcm(&y);
        }
        Ok(Value::from_big(r))
    });
    reg(vm, g, "factorial", |vm, a, _| {
        nargs(vm, "factorial", a, 1, 1)?;
        if let Value::Float(_) = a[0] {
            return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
        }
        let n = vm.as_big(&a[0])?;
        if n.is_negative() {
            return Err(vm.value_error("factorial() not defined for negative values"));
        }
        let n = u32::try_from(&n).map_err(|_| {
            vm.overflow_error("factorial() argument should not exceed 9223372036854775807")
        })?;
        // About n*log2(n) bits.
        vm.check_memory((n as usize).saturating_mul(32 - n.leading_zeros() as usize) / 8)?;
        let mut r = BigInt::one();
        for k in 2..=n {
            r *= k;
            if k % 64 == 0 {
                vm.charge(r.bits() / 16)?;
            }
        }
        Ok(Value::from_big(r))
    });
    reg(vm, g, "isqrt", |vm, a, _| {
        nargs(vm, "isqrt", a, 1, 1)?;
        let n = vm.as_big(&a[0])?;
        if n.is_negative() {
            return Err(vm.value_error("isqrt() argument must be nonnegative"));
        }
        Ok(Value::from_big(n.sqrt()))
    });
    reg(vm, g, "comb", |vm, a, _| {
        nargs(vm, "comb", a, 2, 2)?;
        let (n, k) = (vm.as_big(&a[0])?, vm.as_big(&a[1])?);
        if n.is_negative() {
            return Err(vm.value_error("n must be a non-negative integer"));
        }
        if k.is_negative() {
            return Err(vm.value_error("k must be a non-negative integer"));
        }
        if k > n {
            return Ok(Value::Int(0));
        }
        let k = std::cmp::min(k.clone(), &n - &k);
        let k = u32::try_from(&k).map_err(|_| {
            vm.overflow_error("min(n - k, k) must not exceed 9223372036854775807")
        })?;
        let mut r = BigInt::one();
        for i in 0..k {
            r = r * (&n - i) / (i + 1);
            if i % 64 == 63 {
                vm.charge(r.bits() / 16)?;
            }
        }
        Ok(Value::from_big(r))
    });
    reg(vm, g, "perm", |vm, a, _| {
        nargs(vm, "perm", a, 1, 2)?;
        let n = vm.as_big(&a[0])?;
        let k = match a.get(1) {
            Some(Value::None) | None => n.clone(),
            Some(k) => vm.as_big(k)?,
        };
        if n.is_negative() {
            return Err(vm.value_error("n must be a non-negative integer"));
        }
        if k.is_negative() {
            return Err(vm.value_error("k must be a non-negative integer"));
        }
        if k > n {
            return Ok(Value::Int(0));
        }
        let k = u32::try_from(&k)
            .map_err(|_| vm.overflow_error("k must not exceed 9223372036854775807"))?;
        let mut r = BigInt::one();
        for i in 0..k {
            r *= &n - i;
            if i % 64 == 63 {
                vm.charge(r.bits() / 16)?;
            }
        }
        Ok(Value::from_big(r))
    });
    reg(vm, g, "copysign", |vm, a, _| {
        nargs(vm, "copysign", a, 2, 2)?;
        let (x, y) = (num(vm, &a[0])?, num(vm, &a[1])?);
        Ok(Value::Float(x.copysign(y)))
    });
    reg(vm, g, "fsum", |vm, a, _| {
        nargs(vm, "fsum", a, 1, 1)?;
        let items = vm.iterate(&a[0])?;
        let mut s = 0.0;
        let mut c = 0.0;
        for x in items {
            let y = num(vm, &x)? - c;
            let t = s + y;
            c = (t - s) - y;
            s = t;
        }
        Ok(Value::Float(s))
    });
    reg(vm, g, "prod", |vm, a, _| {
        let items = vm.iterate(a.first().unwrap_or(&Value::empty_tuple()))?;
        let mut acc = Value::Int(1);
        for x in items {
            acc = vm.binary_op(acc, x, crate::ast::BinOp::Mult)?;
        }
        Ok(acc)
    });
}
