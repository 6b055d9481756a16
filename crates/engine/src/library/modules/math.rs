//! The `math` module.


use std::rc::Rc;

use crate::library::builtins::nargs;
use crate::library::modules::{num, reg};
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
    integer_functions(vm, &g);
    Ok(m)
}

/// The functions of floats (`sqrt`, `log`, `floor`, `isclose`, …).
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
    f1!("exp", |x| Some(x.exp()));
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
