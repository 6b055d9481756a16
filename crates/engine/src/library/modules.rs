//! Native modules: `time`, `math`, `random`, `datetime`, `threading`,
//! `sys`, `functools`. `time` and `datetime` read the VM's virtual clock;
//! `time.sleep` goes through `Vm::sleep_hook` so the event-loop glue can
//! park a worker thread instead of advancing the clock.

use std::rc::Rc;

use crate::pylib;
use crate::library::builtins::nargs;
use crate::vm::value::*;
use crate::vm::{Error, Vm};

/// `time.time()` at virtual clock 0: 2024-01-01 00:00:00 UTC.
pub const EPOCH_OFFSET_SECS: i64 = 1_704_067_200;

type NativeFnPtr = fn(&mut Vm, &[Value], &[(crate::ast::Name, Value)]) -> Result<Value, Error>;

/// The Mersenne Twister behind the `random` module.
pub struct Rng(pub pylib::random::Random);

impl Default for Rng {
    fn default() -> Rng {
        let mut r = pylib::random::Random::new();
        r.seed_int(0);
        Rng(r)
    }
}

fn num(vm: &mut Vm, v: &Value) -> Result<f64, Error> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Float(f) => Ok(*f),
        other => {
            let t = vm.type_name(other);
            Err(vm.type_error(format!("must be real number, not {t}")))
        }
    }
}

fn reg(vm: &mut Vm, g: &Rc<Globals>, name: &str, f: NativeFnPtr) {
    let v = vm.native_fn(name, f);
    g.set_str(name, v);
}

pub fn install(vm: &mut Vm) {
    vm.add_native_module("time", |vm| {
        let (m, g) = vm.new_module("time");
        reg(vm, &g, "time", |vm, _, _| {
            Ok(Value::Float(
                EPOCH_OFFSET_SECS as f64 + vm.clock_ns as f64 / 1e9,
            ))
        });
        reg(vm, &g, "time_ns", |vm, _, _| {
            Ok(Value::Int(
                EPOCH_OFFSET_SECS * 1_000_000_000 + vm.clock_ns as i64,
            ))
        });
        reg(vm, &g, "monotonic", |vm, _, _| {
            Ok(Value::Float(vm.clock_ns as f64 / 1e9))
        });
        reg(vm, &g, "perf_counter", |vm, _, _| {
            Ok(Value::Float(vm.clock_ns as f64 / 1e9))
        });
        reg(vm, &g, "monotonic_ns", |vm, _, _| {
            Ok(Value::Int(vm.clock_ns as i64))
        });
        reg(vm, &g, "perf_counter_ns", |vm, _, _| {
            Ok(Value::Int(vm.clock_ns as i64))
        });
        reg(vm, &g, "sleep", |vm, a, _| {
            nargs(vm, "sleep", a, 1, 1)?;
            let secs = num(vm, &a[0])?;
            if secs < 0.0 {
                return Err(vm.value_error("sleep length must be non-negative"));
            }
            match vm.sleep_hook.clone() {
                Some(h) => h(vm, secs),
                None => {
                    vm.clock_ns += (secs * 1e9).round() as u64;
                    Ok(Value::None)
                }
            }
        });
        Ok(m)
    });
    vm.add_native_module("math", |vm| {
        let (m, g) = vm.new_module("math");
        g.set_str("pi", Value::Float(std::f64::consts::PI));
        g.set_str("e", Value::Float(std::f64::consts::E));
        g.set_str("tau", Value::Float(std::f64::consts::TAU));
        g.set_str("inf", Value::Float(f64::INFINITY));
        g.set_str("nan", Value::Float(f64::NAN));
        macro_rules! f1 {
            ($name:expr, $f:expr) => {
                reg(vm, &g, $name, |vm, a, _| {
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
        f1!("log2", |x| if x <= 0.0 { None } else { Some(x.log2()) });
        f1!("log10", |x| if x <= 0.0 { None } else { Some(x.log10()) });
        f1!("degrees", |x| Some(x.to_degrees()));
        f1!("radians", |x| Some(x.to_radians()));
        reg(vm, &g, "log", |vm, a, _| {
            nargs(vm, "log", a, 1, 2)?;
            let x = num(vm, &a[0])?;
            if x <= 0.0 {
                return Err(vm.value_error("math domain error"));
            }
            match a.get(1) {
                Some(b) => {
                    let b = num(vm, b)?;
                    Ok(Value::Float(x.ln() / b.ln()))
                }
                None => Ok(Value::Float(x.ln())),
            }
        });
        reg(vm, &g, "atan2", |vm, a, _| {
            nargs(vm, "atan2", a, 2, 2)?;
            let (y, x) = (num(vm, &a[0])?, num(vm, &a[1])?);
            Ok(Value::Float(y.atan2(x)))
        });
        reg(vm, &g, "hypot", |vm, a, _| {
            let mut s = 0.0;
            for x in a {
                let x = num(vm, x)?;
                s += x * x;
            }
            Ok(Value::Float(s.sqrt()))
        });
        reg(vm, &g, "pow", |vm, a, _| {
            nargs(vm, "pow", a, 2, 2)?;
            let (x, y) = (num(vm, &a[0])?, num(vm, &a[1])?);
            Ok(Value::Float(x.powf(y)))
        });
        reg(vm, &g, "floor", |vm, a, _| {
            nargs(vm, "floor", a, 1, 1)?;
            match &a[0] {
                Value::Int(i) => Ok(Value::Int(*i)),
                v => {
                    let x = num(vm, v)?;
                    pylib::numbers::float_to_int(x.floor())
                        .map(Value::Int)
                        .map_err(|e| vm.pyerr(e))
                }
            }
        });
        reg(vm, &g, "ceil", |vm, a, _| {
            nargs(vm, "ceil", a, 1, 1)?;
            match &a[0] {
                Value::Int(i) => Ok(Value::Int(*i)),
                v => {
                    let x = num(vm, v)?;
                    pylib::numbers::float_to_int(x.ceil())
                        .map(Value::Int)
                        .map_err(|e| vm.pyerr(e))
                }
            }
        });
        reg(vm, &g, "trunc", |vm, a, _| {
            nargs(vm, "trunc", a, 1, 1)?;
            let x = num(vm, &a[0])?;
            pylib::numbers::float_to_int(x.trunc())
                .map(Value::Int)
                .map_err(|e| vm.pyerr(e))
        });
        reg(vm, &g, "isclose", |vm, a, kw| {
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
        reg(vm, &g, "isnan", |vm, a, _| {
            Ok(Value::Bool(num(vm, &a[0])?.is_nan()))
        });
        reg(vm, &g, "isinf", |vm, a, _| {
            Ok(Value::Bool(num(vm, &a[0])?.is_infinite()))
        });
        reg(vm, &g, "isfinite", |vm, a, _| {
            Ok(Value::Bool(num(vm, &a[0])?.is_finite()))
        });
        reg(vm, &g, "gcd", |vm, a, _| {
            let mut r: i64 = 0;
            for x in a {
                let mut y = vm.as_i64(x)?.abs();
                let mut z = r;
                while y != 0 {
                    let t = z % y;
                    z = y;
                    y = t;
                }
                r = z;
            }
            Ok(Value::Int(r))
        });
        reg(vm, &g, "factorial", |vm, a, _| {
            nargs(vm, "factorial", a, 1, 1)?;
            let n = vm.as_i64(&a[0])?;
            if n < 0 {
                return Err(vm.value_error("factorial() not defined for negative values"));
            }
            let mut r: i64 = 1;
            for k in 2..=n {
                r = r.checked_mul(k).ok_or_else(|| vm.overflow_error())?;
            }
            Ok(Value::Int(r))
        });
        reg(vm, &g, "isqrt", |vm, a, _| {
            nargs(vm, "isqrt", a, 1, 1)?;
            let n = vm.as_i64(&a[0])?;
            if n < 0 {
                return Err(vm.value_error("isqrt() argument must be nonnegative"));
            }
            let mut r = (n as f64).sqrt() as i64;
            while r * r > n {
                r -= 1;
            }
            while (r + 1) * (r + 1) <= n {
                r += 1;
            }
            Ok(Value::Int(r))
        });
        reg(vm, &g, "comb", |vm, a, _| {
            nargs(vm, "comb", a, 2, 2)?;
            let (n, k) = (vm.as_i64(&a[0])?, vm.as_i64(&a[1])?);
            if n < 0 || k < 0 {
                return Err(vm.value_error("n must be a non-negative integer"));
            }
            if k > n {
                return Ok(Value::Int(0));
            }
            let k = k.min(n - k);
            let mut r: i64 = 1;
            for i in 0..k {
                r = r.checked_mul(n - i).ok_or_else(|| vm.overflow_error())? / (i + 1);
            }
            Ok(Value::Int(r))
        });
        reg(vm, &g, "perm", |vm, a, _| {
            nargs(vm, "perm", a, 1, 2)?;
            let n = vm.as_i64(&a[0])?;
            let k = match a.get(1) {
                Some(k) => vm.as_i64(k)?,
                None => n,
            };
            if k > n {
                return Ok(Value::Int(0));
            }
            let mut r: i64 = 1;
            for i in 0..k {
                r = r.checked_mul(n - i).ok_or_else(|| vm.overflow_error())?;
            }
            Ok(Value::Int(r))
        });
        reg(vm, &g, "copysign", |vm, a, _| {
            nargs(vm, "copysign", a, 2, 2)?;
            let (x, y) = (num(vm, &a[0])?, num(vm, &a[1])?);
            Ok(Value::Float(x.copysign(y)))
        });
        reg(vm, &g, "fsum", |vm, a, _| {
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
        reg(vm, &g, "prod", |vm, a, _| {
            let items = vm.iterate(a.first().unwrap_or(&Value::empty_tuple()))?;
            let mut acc = Value::Int(1);
            for x in items {
                acc = vm.binary_op(acc, x, crate::ast::BinOp::Mult)?;
            }
            Ok(acc)
        });
        Ok(m)
    });
    vm.add_native_module("random", |vm| {
        let (m, g) = vm.new_module("random");
        reg(vm, &g, "seed", |vm, a, _| {
            match a.first() {
                None | Some(Value::None) => vm.rng.0.seed_int(0),
                Some(Value::Int(i)) => vm.rng.0.seed_int(*i),
                Some(Value::Bool(b)) => vm.rng.0.seed_int(*b as i64),
                Some(Value::Float(f)) => vm.rng.0.seed_float(*f),
                Some(Value::Str(s)) => vm.rng.0.seed_str(s),
                Some(other) => {
                    let t = vm.type_name(other);
                    return Err(vm.type_error(format!(
                        "The only supported seed types are: None,\nint, float, str, bytes, and bytearray. (got {t})"
                    )));
                }
            }
            Ok(Value::None)
        });
        reg(vm, &g, "random", |vm, _, _| Ok(Value::Float(vm.rng.0.random())));
        reg(vm, &g, "uniform", |vm, a, _| {
            nargs(vm, "uniform", a, 2, 2)?;
            let (x, y) = (num(vm, &a[0])?, num(vm, &a[1])?);
            Ok(Value::Float(vm.rng.0.uniform(x, y)))
        });
        reg(vm, &g, "randint", |vm, a, _| {
            nargs(vm, "randint", a, 2, 2)?;
            let (x, y) = (vm.as_i64(&a[0])?, vm.as_i64(&a[1])?);
            vm.rng.0.randint(x, y).map(Value::Int).map_err(|e| vm.pyerr(e))
        });
        reg(vm, &g, "randrange", |vm, a, _| {
            nargs(vm, "randrange", a, 1, 3)?;
            let start = vm.as_i64(&a[0])?;
            let stop = match a.get(1) {
                Some(v) => Some(vm.as_i64(v)?),
                None => None,
            };
            let step = match a.get(2) {
                Some(v) => vm.as_i64(v)?,
                None => 1,
            };
            vm.rng.0.randrange(start, stop, step).map(Value::Int).map_err(|e| vm.pyerr(e))
        });
        reg(vm, &g, "choice", |vm, a, _| {
            nargs(vm, "choice", a, 1, 1)?;
            let items = vm.iterate(&a[0])?;
            let i = vm.rng.0.choice_index(items.len()).map_err(|e| vm.pyerr(e))?;
            Ok(items[i].clone())
        });
        reg(vm, &g, "shuffle", |vm, a, _| {
            nargs(vm, "shuffle", a, 1, 1)?;
            let Value::List(l) = &a[0] else {
                return Err(vm.type_error("shuffle() argument must be a list"));
            };
            let mut items = l.borrow().clone();
            vm.rng.0.shuffle(&mut items);
            *l.borrow_mut() = items;
            Ok(Value::None)
        });
        reg(vm, &g, "sample", |vm, a, kw| {
            nargs(vm, "sample", a, 1, 2)?;
            let items = vm.iterate(&a[0])?;
            let k = match a.get(1).or(kw.iter().find(|(k, _)| &**k == "k").map(|(_, v)| v)) {
                Some(v) => vm.as_i64(v)?,
                None => return Err(vm.type_error("sample() missing 1 required positional argument: 'k'")),
            };
            let idx = vm.rng.0.sample_indices(items.len(), k).map_err(|e| vm.pyerr(e))?;
            Ok(Value::list(idx.into_iter().map(|i| items[i].clone()).collect()))
        });
        reg(vm, &g, "gauss", |vm, a, _| {
            let mu = num(vm, a.first().unwrap_or(&Value::Float(0.0)))?;
            let sigma = num(vm, a.get(1).unwrap_or(&Value::Float(1.0)))?;
            Ok(Value::Float(vm.rng.0.gauss(mu, sigma)))
        });
        Ok(m)
    });
    vm.add_native_module("threading", |vm| {
        let (m, g) = vm.new_module("threading");
        reg(vm, &g, "get_ident", |vm, _, _| {
            Ok(Value::Int(match vm.current_fiber {
                Some(f) => 0x7000_0000 + f as i64 + 1,
                None => 0x7000_0000,
            }))
        });
        reg(vm, &g, "current_thread", |vm, _, _| {
            let name = match vm.current_fiber {
                Some(f) => vm
                    .fiber_names
                    .get(f)
                    .cloned()
                    .unwrap_or_else(|| format!("asyncio_{f}")),
                None => "MainThread".to_string(),
            };
            let cls = vm.thread_class();
            let t = vm.new_instance(&cls, vec![]);
            if let Value::Instance(i) = &t {
                i.dict
                    .borrow_mut()
                    .insert(Rc::from("name"), Value::Str(Rc::from(name)));
            }
            Ok(t)
        });
        reg(vm, &g, "main_thread", |vm, _, _| {
            let cls = vm.thread_class();
            let t = vm.new_instance(&cls, vec![]);
            if let Value::Instance(i) = &t {
                i.dict
                    .borrow_mut()
                    .insert(Rc::from("name"), Value::str("MainThread"));
            }
            Ok(t)
        });
        reg(vm, &g, "active_count", |vm, _, _| {
            Ok(Value::Int(
                1 + vm.fibers.iter().filter(|f| !f.done).count() as i64,
            ))
        });
        Ok(m)
    });
    vm.add_native_module("sys", |vm| {
        let (m, g) = vm.new_module("sys");
        g.set_str("version", Value::str("3.11.7 (Looplab)"));
        g.set_str("platform", Value::str("looplab"));
        g.set_str("maxsize", Value::Int(i64::MAX));
        g.set_str(
            "version_info",
            Value::tuple(vec![
                Value::Int(3),
                Value::Int(11),
                Value::Int(7),
                Value::str("final"),
                Value::Int(0),
            ]),
        );
        for (name, stream) in [("stdout", "stdout"), ("stderr", "stderr")] {
            let cls = vm.stream_class();
            let s = vm.new_instance(&cls, vec![]);
            if let Value::Instance(i) = &s {
                i.dict
                    .borrow_mut()
                    .insert(Rc::from("_stream"), Value::str(stream));
            }
            g.set_str(name, s);
        }
        reg(vm, &g, "set_asyncgen_hooks", |vm, a, kw| {
            let mut hooks = vm.asyncgen_hooks.clone();
            if let Some(f) = a.first() {
                hooks.0 = Some(f.clone()).filter(|v| !v.is_none());
            }
            if let Some(f) = a.get(1) {
                hooks.1 = Some(f.clone()).filter(|v| !v.is_none());
            }
            for (k, v) in kw {
                let v = Some(v.clone()).filter(|v| !v.is_none());
                match &**k {
                    "firstiter" => hooks.0 = v,
                    "finalizer" => hooks.1 = v,
                    _ => {}
                }
            }
            vm.asyncgen_hooks = hooks;
            Ok(Value::None)
        });
        reg(vm, &g, "get_asyncgen_hooks", |vm, _, _| {
            let (a, b) = vm.asyncgen_hooks.clone();
            Ok(Value::tuple(vec![
                a.unwrap_or(Value::None),
                b.unwrap_or(Value::None),
            ]))
        });
        reg(vm, &g, "getrecursionlimit", |vm, _, _| {
            Ok(Value::Int(vm.limits.max_recursion as i64))
        });
        reg(vm, &g, "setrecursionlimit", |vm, a, _| {
            let n = vm.as_i64(a.first().unwrap_or(&Value::Int(1000)))?;
            vm.limits.max_recursion = n.clamp(10, 5000) as usize;
            Ok(Value::None)
        });
        reg(vm, &g, "exit", |vm, a, _| {
            let c = vm.types.system_exit.clone();
            Err(vm.new_error_args(&c, a.to_vec()))
        });
        Ok(m)
    });
    vm.add_native_module("functools", |vm| {
        let (m, g) = vm.new_module("functools");
        reg(vm, &g, "partial", |vm, a, kw| {
            let Some(f) = a.first().cloned() else {
                return Err(vm.type_error("partial() missing required argument 'func'"));
            };
            let pre: Vec<Value> = a[1..].to_vec();
            let prekw: Vec<(crate::ast::Name, Value)> = kw.to_vec();
            Ok(vm.native_fn("partial", move |vm, args, kw2| {
                let mut all = pre.clone();
                all.extend(args.iter().cloned());
                let mut k = prekw.clone();
                for (n, v) in kw2 {
                    k.retain(|(x, _)| x != n);
                    k.push((n.clone(), v.clone()));
                }
                vm.call(&f, all, k)
            }))
        });
        reg(vm, &g, "reduce", |vm, a, _| {
            nargs(vm, "reduce", a, 2, 3)?;
            let items = vm.iterate(&a[1])?;
            let mut it = items.into_iter();
            let mut acc = match a.get(2) {
                Some(v) => v.clone(),
                None => match it.next() {
                    Some(v) => v,
                    None => {
                        return Err(
                            vm.type_error("reduce() of empty iterable with no initial value")
                        )
                    }
                },
            };
            for x in it {
                acc = vm.call(&a[0], vec![acc, x], vec![])?;
            }
            Ok(acc)
        });
        reg(vm, &g, "wraps", |vm, a, _| {
            let wrapped = a.first().cloned().unwrap_or(Value::None);
            Ok(vm.native_fn("wraps", move |vm, args, _| {
                let f = args.first().cloned().unwrap_or(Value::None);
                for attr in ["__name__", "__qualname__"] {
                    let n = vm.intern(attr);
                    if let Ok(v) = vm.getattr(&wrapped, &n) {
                        let _ = vm.setattr(&f, &n, v);
                    }
                }
                Ok(f)
            }))
        });
        Ok(m)
    });
    vm.add_source_module("datetime", DATETIME_SRC, "<datetime>");
    vm.add_source_module("collections", COLLECTIONS_SRC, "<collections>");
    vm.add_source_module("itertools", ITERTOOLS_SRC, "<itertools>");
    vm.add_source_module("typing", TYPING_SRC, "<typing>");
    vm.add_source_module("dataclasses", DATACLASSES_SRC, "<dataclasses>");
    vm.add_source_module(
        "__future__",
        "annotations = True\ngenerator_stop = True\ndivision = True\nprint_function = True\nabsolute_import = True\n",
        "<__future__>",
    );
    vm.add_native_module("traceback", |vm| {
        let (m, g) = vm.new_module("traceback");
        reg(vm, &g, "format_exc", |vm, _, _| {
            let text = match vm.current_handled() {
                Some(e) => vm.format_exception(&e),
                None => "NoneType: None\n".to_string(),
            };
            Ok(Value::Str(Rc::from(text)))
        });
        reg(vm, &g, "print_exc", |vm, _, _| {
            let text = match vm.current_handled() {
                Some(e) => vm.format_exception(&e),
                None => "NoneType: None\n".to_string(),
            };
            vm.write(crate::vm::Stream::Stderr, &text)?;
            Ok(Value::None)
        });
        reg(vm, &g, "format_exception", |vm, a, _| {
            let e = a.last().cloned().unwrap_or(Value::None);
            let e = if vm.exc_data(&e).is_some() {
                e
            } else {
                a.first().cloned().unwrap_or(Value::None)
            };
            let text = vm.format_exception(&e);
            let lines: Vec<Value> = text
                .split_inclusive('\n')
                .map(|l| Value::Str(Rc::from(l)))
                .collect();
            Ok(Value::list(lines))
        });
        reg(vm, &g, "print_exception", |vm, a, _| {
            let e = a.last().cloned().unwrap_or(Value::None);
            let e = if vm.exc_data(&e).is_some() {
                e
            } else {
                a.first().cloned().unwrap_or(Value::None)
            };
            let text = vm.format_exception(&e);
            vm.write(crate::vm::Stream::Stderr, &text)?;
            Ok(Value::None)
        });
        reg(vm, &g, "format_exception_only", |vm, a, _| {
            let e = a.last().cloned().unwrap_or(Value::None);
            let line = vm.exception_line(&e);
            Ok(Value::list(vec![Value::Str(Rc::from(format!("{line}\n")))]))
        });
        Ok(m)
    });
}

/// `dataclasses` in Python: `@dataclass` (init, repr, eq, order) and
/// `field(default=…, default_factory=…)`, reading `__annotations__`.
const DATACLASSES_SRC: &str = r#"
class _Missing:
    def __repr__(self):
        return "MISSING"

MISSING = _Missing()

class FrozenInstanceError(AttributeError):
    pass

class Field:
    def __init__(self, default, default_factory, init, repr, compare):
        self.name = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.compare = compare
    def __repr__(self):
        return "Field(name=%r,default=%r)" % (self.name, self.default)

def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, compare=True):
    return Field(default, default_factory, init, repr, compare)

def fields(obj):
    return tuple(obj.__dataclass_fields__.values())

def asdict(obj):
    return {f.name: getattr(obj, f.name) for f in fields(obj)}

def astuple(obj):
    return tuple(getattr(obj, f.name) for f in fields(obj))

def is_dataclass(obj):
    return hasattr(obj, "__dataclass_fields__")

def _process(cls, init, repr, eq, order, frozen):
    flds = {}
    for base in reversed(cls.__mro__[1:]):
        for f in getattr(base, "__dataclass_fields__", {}).values():
            flds[f.name] = f
    anns = cls.__dict__.get("__annotations__", {})
    for name in anns:
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        else:
            f = Field(default, MISSING, True, True, True)
        f.name = name
        flds[name] = f
    cls.__dataclass_fields__ = flds
    all_fields = list(flds.values())
    if init:
        init_fields = [f for f in all_fields if f.init]
        seen_default = False
        for f in init_fields:
            if f.default is not MISSING or f.default_factory is not MISSING:
                seen_default = True
            elif seen_default:
                raise TypeError("non-default argument %r follows default argument" % f.name)
        def __init__(self, *args, **kwargs):
            if len(args) > len(init_fields):
                raise TypeError("%s.__init__() takes %d positional arguments but %d were given" % (cls.__qualname__, len(init_fields) + 1, len(args) + 1))
            missing = []
            for i, f in enumerate(init_fields):
                if i < len(args):
                    if f.name in kwargs:
                        raise TypeError("%s.__init__() got multiple values for argument %r" % (cls.__qualname__, f.name))
                    v = args[i]
                elif f.name in kwargs:
                    v = kwargs.pop(f.name)
                elif f.default is not MISSING:
                    v = f.default
                elif f.default_factory is not MISSING:
                    v = f.default_factory()
                else:
                    missing.append(f.name)
                    continue
                self.__dict__  # noqa
                setattr(self, f.name, v) if not frozen else _set(self, f.name, v)
            for k in kwargs:
                if not any(f.name == k for f in init_fields):
                    raise TypeError("%s.__init__() got an unexpected keyword argument %r" % (cls.__qualname__, k))
            if missing:
                names = ["'%s'" % m for m in missing]
                if len(names) == 1:
                    joined = names[0]
                elif len(names) == 2:
                    joined = names[0] + " and " + names[1]
                else:
                    joined = ", ".join(names[:-1]) + ", and " + names[-1]
                raise TypeError("%s.__init__() missing %d required positional argument%s: %s" % (cls.__qualname__, len(missing), "" if len(missing) == 1 else "s", joined))
            for f in all_fields:
                if not f.init:
                    if f.default is not MISSING:
                        _set(self, f.name, f.default)
                    elif f.default_factory is not MISSING:
                        _set(self, f.name, f.default_factory())
            post = getattr(self, "__post_init__", None)
            if post is not None:
                post()
        cls.__init__ = __init__
    if repr:
        def __repr__(self):
            return "%s(%s)" % (cls.__qualname__, ", ".join("%s=%r" % (f.name, getattr(self, f.name)) for f in all_fields if f.repr))
        cls.__repr__ = __repr__
    if eq:
        def __eq__(self, other):
            if other.__class__ is not self.__class__:
                return NotImplemented
            return tuple(getattr(self, f.name) for f in all_fields if f.compare) == tuple(getattr(other, f.name) for f in all_fields if f.compare)
        cls.__eq__ = __eq__
        if frozen:
            cls.__hash__ = lambda self: hash(tuple(getattr(self, f.name) for f in all_fields if f.compare))
        else:
            cls.__hash__ = None
    if order:
        def _key(o):
            return tuple(getattr(o, f.name) for f in all_fields if f.compare)
        cls.__lt__ = lambda a, b: _key(a) < _key(b)
        cls.__le__ = lambda a, b: _key(a) <= _key(b)
        cls.__gt__ = lambda a, b: _key(a) > _key(b)
        cls.__ge__ = lambda a, b: _key(a) >= _key(b)
    if frozen:
        def __setattr__(self, name, value):
            raise FrozenInstanceError("cannot assign to field %r" % name)
        cls.__setattr__ = __setattr__
    return cls

def _set(obj, name, value):
    object.__setattr__(obj, name, value)

def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, frozen=False, unsafe_hash=False, slots=False, kw_only=False):
    def wrap(c):
        return _process(c, init, repr, eq, order, frozen)
    if cls is None:
        return wrap
    return wrap(cls)
"#;

/// `typing`: names usable in annotations and isinstance-free code
/// (subscripting returns the placeholder itself).
const TYPING_SRC: &str = r#"
class _Special:
    def __init__(self, name):
        self._name = name
    def __getitem__(self, params):
        return self
    def __call__(self, *args, **kwargs):
        return args[0] if args else None
    def __repr__(self):
        return "typing." + self._name
    def __or__(self, other):
        return self
    def __ror__(self, other):
        return self

Any = _Special("Any")
Union = _Special("Union")
Optional = _Special("Optional")
List = _Special("List")
Dict = _Special("Dict")
Set = _Special("Set")
FrozenSet = _Special("FrozenSet")
Tuple = _Special("Tuple")
Callable = _Special("Callable")
Iterable = _Special("Iterable")
Iterator = _Special("Iterator")
Generator = _Special("Generator")
AsyncIterator = _Special("AsyncIterator")
AsyncIterable = _Special("AsyncIterable")
AsyncGenerator = _Special("AsyncGenerator")
Awaitable = _Special("Awaitable")
Coroutine = _Special("Coroutine")
Sequence = _Special("Sequence")
Mapping = _Special("Mapping")
Type = _Special("Type")
ClassVar = _Special("ClassVar")
Final = _Special("Final")
Literal = _Special("Literal")
NoReturn = _Special("NoReturn")
Annotated = _Special("Annotated")
TYPE_CHECKING = False

def TypeVar(name, *constraints, **kwargs):
    return _Special(name)

class Generic:
    def __class_getitem__(cls, params):
        return cls

class Protocol:
    def __class_getitem__(cls, params):
        return cls

class NamedTuple:
    pass

def cast(typ, value):
    return value

def overload(func):
    return func

def final(func):
    return func

def NewType(name, tp):
    return lambda x: x
"#;

/// `collections` in Python: deque, defaultdict, Counter, OrderedDict,
/// namedtuple (Looplab cannot subclass dict, so the mappings wrap one).
const COLLECTIONS_SRC: &str = r#"
class deque:
    def __init__(self, iterable=(), maxlen=None):
        self._items = []
        self.maxlen = maxlen
        for x in iterable:
            self.append(x)
    def append(self, x):
        self._items.append(x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop(0)
    def appendleft(self, x):
        self._items.insert(0, x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop()
    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()
    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)
    def extend(self, it):
        for x in it:
            self.append(x)
    def extendleft(self, it):
        for x in it:
            self.appendleft(x)
    def rotate(self, n=1):
        if self._items:
            n %= len(self._items)
            self._items[:] = self._items[-n:] + self._items[:-n]
    def clear(self):
        self._items.clear()
    def remove(self, x):
        self._items.remove(x)
    def count(self, x):
        return self._items.count(x)
    def index(self, x):
        return self._items.index(x)
    def copy(self):
        return deque(self._items, self.maxlen)
    def __len__(self):
        return len(self._items)
    def __iter__(self):
        return iter(list(self._items))
    def __reversed__(self):
        return reversed(list(self._items))
    def __getitem__(self, i):
        return self._items[i]
    def __setitem__(self, i, v):
        self._items[i] = v
    def __contains__(self, x):
        return x in self._items
    def __bool__(self):
        return bool(self._items)
    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items
    def __repr__(self):
        if self.maxlen is None:
            return "deque(%r)" % (self._items,)
        return "deque(%r, maxlen=%d)" % (self._items, self.maxlen)

class _DictWrapper:
    def __init__(self, *args, **kwargs):
        self._d = dict(*args, **kwargs)
    def __getitem__(self, k):
        return self._d[k]
    def __setitem__(self, k, v):
        self._d[k] = v
    def __delitem__(self, k):
        del self._d[k]
    def __contains__(self, k):
        return k in self._d
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)
    def __bool__(self):
        return bool(self._d)
    def __eq__(self, other):
        if isinstance(other, _DictWrapper):
            return self._d == other._d
        return self._d == other
    def get(self, k, default=None):
        return self._d.get(k, default)
    def keys(self):
        return self._d.keys()
    def values(self):
        return self._d.values()
    def items(self):
        return self._d.items()
    def pop(self, *a):
        return self._d.pop(*a)
    def popitem(self):
        return self._d.popitem()
    def setdefault(self, k, v=None):
        return self._d.setdefault(k, v)
    def update(self, *a, **k):
        self._d.update(*a, **k)
    def clear(self):
        self._d.clear()
    def copy(self):
        n = self.__class__.__new__(self.__class__)
        n.__dict__.update(self.__dict__)
        n._d = self._d.copy()
        return n

class defaultdict(_DictWrapper):
    def __init__(self, default_factory=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.default_factory = default_factory
    def __getitem__(self, k):
        if k in self._d:
            return self._d[k]
        return self.__missing__(k)
    def __missing__(self, k):
        if self.default_factory is None:
            raise KeyError(k)
        v = self.default_factory()
        self._d[k] = v
        return v
    def __repr__(self):
        return "defaultdict(%r, %r)" % (self.default_factory, self._d)

class OrderedDict(_DictWrapper):
    def move_to_end(self, k, last=True):
        v = self._d.pop(k)
        if last:
            self._d[k] = v
        else:
            items = list(self._d.items())
            self._d.clear()
            self._d[k] = v
            self._d.update(items)
    def __repr__(self):
        return "OrderedDict(%r)" % (self._d,)

class Counter(_DictWrapper):
    def __init__(self, iterable=None, **kwargs):
        super().__init__()
        if iterable is not None:
            self.update(iterable)
        if kwargs:
            self.update(kwargs)
    def update(self, iterable=None, **kwargs):
        if iterable is not None:
            if isinstance(iterable, (dict, _DictWrapper)):
                for k, v in iterable.items():
                    self._d[k] = self._d.get(k, 0) + v
            else:
                for x in iterable:
                    self._d[x] = self._d.get(x, 0) + 1
        for k, v in kwargs.items():
            self._d[k] = self._d.get(k, 0) + v
    def __getitem__(self, k):
        return self._d.get(k, 0)
    def most_common(self, n=None):
        items = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:n]
    def elements(self):
        for k, v in self._d.items():
            for _ in range(v):
                yield k
    def total(self):
        return sum(self._d.values())
    def __repr__(self):
        if not self._d:
            return "Counter()"
        return "Counter({%s})" % ", ".join("%r: %r" % kv for kv in self.most_common())

def namedtuple(typename, field_names, defaults=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = tuple(field_names)
    class _NT:
        __slots__ = ()
        _fields = fields
        def __init__(self, *args, **kwargs):
            vals = list(args)
            for f in fields[len(args):]:
                vals.append(kwargs[f])
            for f, v in zip(fields, vals):
                setattr(self, f, v)
        def __iter__(self):
            return iter([getattr(self, f) for f in fields])
        def __getitem__(self, i):
            return [getattr(self, f) for f in fields][i]
        def __len__(self):
            return len(fields)
        def __eq__(self, other):
            return tuple(self) == tuple(other)
        def __hash__(self):
            return hash(tuple(self))
        def _asdict(self):
            return {f: getattr(self, f) for f in fields}
        def _replace(self, **kw):
            d = self._asdict()
            d.update(kw)
            return self.__class__(**d)
        def __repr__(self):
            return "%s(%s)" % (typename, ", ".join("%s=%r" % (f, getattr(self, f)) for f in fields))
    _NT.__name__ = typename
    _NT.__qualname__ = typename
    return _NT
"#;

/// `itertools` in Python (the commonly used functions).
const ITERTOOLS_SRC: &str = r#"
def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step

def cycle(iterable):
    saved = []
    for x in iterable:
        yield x
        saved.append(x)
    while saved:
        for x in saved:
            yield x

def repeat(obj, times=None):
    if times is None:
        while True:
            yield obj
    else:
        for _ in range(times):
            yield obj

def chain(*iterables):
    for it in iterables:
        for x in it:
            yield x

def _from_iterable(iterables):
    for it in iterables:
        for x in it:
            yield x

chain.from_iterable = _from_iterable

def islice(iterable, *args):
    s = slice(*args)
    start = s.start or 0
    stop = s.stop
    step = s.step or 1
    i = 0
    nxt = start
    for x in iterable:
        if stop is not None and i >= stop:
            return
        if i == nxt:
            yield x
            nxt += step
        i += 1

def accumulate(iterable, func=None, initial=None):
    total = initial
    first = initial is None
    if initial is not None:
        yield initial
    for x in iterable:
        if first:
            total = x
            first = False
        else:
            total = func(total, x) if func else total + x
        yield total

def product(*iterables, repeat=1):
    pools = [tuple(p) for p in iterables] * repeat
    result = [()]
    for pool in pools:
        result = [r + (y,) for r in result for y in pool]
    for r in result:
        yield r

def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    def rec(prefix, used):
        if len(prefix) == r:
            yield tuple(pool[i] for i in prefix)
            return
        for i in range(n):
            if i not in used:
                yield from rec(prefix + [i], used | {i})
    if r <= n:
        yield from rec([], set())

def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    def rec(start, prefix):
        if len(prefix) == r:
            yield tuple(prefix)
            return
        for i in range(start, n):
            yield from rec(i + 1, prefix + [pool[i]])
    yield from rec(0, [])

def zip_longest(*iterables, fillvalue=None):
    its = [iter(it) for it in iterables]
    while True:
        row = []
        alive = 0
        for it in its:
            try:
                row.append(next(it))
                alive += 1
            except StopIteration:
                row.append(fillvalue)
        if not alive:
            return
        yield tuple(row)

def groupby(iterable, key=None):
    keyf = key or (lambda v: v)
    group = []
    cur = None
    first = True
    for x in iterable:
        k = keyf(x)
        if first:
            cur, group, first = k, [x], False
        elif k == cur:
            group.append(x)
        else:
            yield cur, iter(group)
            cur, group = k, [x]
    if not first:
        yield cur, iter(group)

def takewhile(pred, iterable):
    for x in iterable:
        if not pred(x):
            return
        yield x

def dropwhile(pred, iterable):
    dropping = True
    for x in iterable:
        if dropping and pred(x):
            continue
        dropping = False
        yield x

def starmap(func, iterable):
    for args in iterable:
        yield func(*args)

def pairwise(iterable):
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b
"#;

/// A small `datetime` module in Python: datetime/date/timedelta on the
/// virtual clock (UTC), enough for printing and arithmetic.
const DATETIME_SRC: &str = r#"
import time as _time

def _days_before_year(y):
    y -= 1
    return y * 365 + y // 4 - y // 100 + y // 400

def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)

_DIM = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

def _dim(y, m):
    return 29 if m == 2 and _is_leap(y) else _DIM[m]

def _ord(y, m, d):
    n = _days_before_year(y)
    for k in range(1, m):
        n += _dim(y, k)
    return n + d

def _from_ord(n):
    y = 1
    while True:
        ylen = 366 if _is_leap(y) else 365
        if y % 400 == 1 and n > 146097:
            n -= 146097
            y += 400
            continue
        if n > ylen:
            n -= ylen
            y += 1
        else:
            break
    m = 1
    while n > _dim(y, m):
        n -= _dim(y, m)
        m += 1
    return y, m, n

class timedelta:
    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        total = (((weeks * 7 + days) * 24 + hours) * 3600 + minutes * 60 + seconds) * 1000000 + milliseconds * 1000 + microseconds
        total = round(total)
        self.days, rem = divmod(total, 86400 * 1000000)
        self.seconds, self.microseconds = divmod(rem, 1000000)
    def _us(self):
        return (self.days * 86400 + self.seconds) * 1000000 + self.microseconds
    def total_seconds(self):
        return self._us() / 10**6
    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() + other._us())
        return NotImplemented
    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() - other._us())
        return NotImplemented
    def __neg__(self):
        return timedelta(microseconds=-self._us())
    def __eq__(self, other):
        return isinstance(other, timedelta) and self._us() == other._us()
    def __lt__(self, other):
        return self._us() < other._us()
    def __le__(self, other):
        return self._us() <= other._us()
    def __gt__(self, other):
        return self._us() > other._us()
    def __ge__(self, other):
        return self._us() >= other._us()
    def __hash__(self):
        return hash(self._us())
    def __str__(self):
        mm, ss = divmod(self.seconds, 60)
        hh, mm = divmod(mm, 60)
        s = "%d:%02d:%02d" % (hh, mm, ss)
        if self.days:
            s = "%d day%s, " % (self.days, "s" if abs(self.days) != 1 else "") + s
        if self.microseconds:
            s = s + ".%06d" % self.microseconds
        return s
    def __repr__(self):
        args = []
        if self.days:
            args.append("days=%d" % self.days)
        if self.seconds:
            args.append("seconds=%d" % self.seconds)
        if self.microseconds:
            args.append("microseconds=%d" % self.microseconds)
        return "datetime.timedelta(%s)" % ", ".join(args)

class date:
    def __init__(self, year, month, day):
        self.year = year
        self.month = month
        self.day = day
    @classmethod
    def today(cls):
        d = datetime.now()
        return date(d.year, d.month, d.day)
    def isoformat(self):
        return "%04d-%02d-%02d" % (self.year, self.month, self.day)
    __str__ = isoformat
    def __repr__(self):
        return "datetime.date(%d, %d, %d)" % (self.year, self.month, self.day)
    def __eq__(self, other):
        return isinstance(other, date) and (self.year, self.month, self.day) == (other.year, other.month, other.day)
    def __hash__(self):
        return hash((self.year, self.month, self.day))
    def weekday(self):
        return (_ord(self.year, self.month, self.day) + 6) % 7
    def strftime(self, fmt):
        return datetime(self.year, self.month, self.day).strftime(fmt)

class datetime(date):
    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0):
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.microsecond = microsecond
    @classmethod
    def fromtimestamp(cls, t):
        us = round(t * 1000000)
        days, rem = divmod(us, 86400 * 1000000)
        secs, micro = divmod(rem, 1000000)
        y, m, d = _from_ord(days + _ord(1970, 1, 1))
        hh, rest = divmod(secs, 3600)
        mi, ss = divmod(rest, 60)
        return cls(y, m, d, hh, mi, ss, micro)
    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time())
    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())
    @classmethod
    def utcnow(cls):
        return cls.fromtimestamp(_time.time())
    def date(self):
        return date(self.year, self.month, self.day)
    def timestamp(self):
        return ((_ord(self.year, self.month, self.day) - _ord(1970, 1, 1)) * 86400 + self.hour * 3600 + self.minute * 60 + self.second) + self.microsecond / 1000000
    def _us(self):
        return ((_ord(self.year, self.month, self.day) * 86400 + self.hour * 3600 + self.minute * 60 + self.second) * 1000000 + self.microsecond)
    def isoformat(self, sep="T"):
        s = "%04d-%02d-%02d%s%02d:%02d:%02d" % (self.year, self.month, self.day, sep, self.hour, self.minute, self.second)
        if self.microsecond:
            s += ".%06d" % self.microsecond
        return s
    def __str__(self):
        return self.isoformat(" ")
    def __repr__(self):
        parts = [self.year, self.month, self.day, self.hour, self.minute]
        if self.second or self.microsecond:
            parts.append(self.second)
        if self.microsecond:
            parts.append(self.microsecond)
        return "datetime.datetime(%s)" % ", ".join(str(p) for p in parts)
    def __sub__(self, other):
        if isinstance(other, datetime):
            return timedelta(microseconds=self._us() - other._us())
        if isinstance(other, timedelta):
            return self + (-other)
        return NotImplemented
    def __add__(self, other):
        if isinstance(other, timedelta):
            us = self._us() + other._us()
            days, rem = divmod(us, 86400 * 1000000)
            secs, micro = divmod(rem, 1000000)
            y, m, d = _from_ord(days)
            hh, rest = divmod(secs, 3600)
            mi, ss = divmod(rest, 60)
            return datetime(y, m, d, hh, mi, ss, micro)
        return NotImplemented
    def __eq__(self, other):
        return isinstance(other, datetime) and self._us() == other._us()
    def __lt__(self, other):
        return self._us() < other._us()
    def __le__(self, other):
        return self._us() <= other._us()
    def __gt__(self, other):
        return self._us() > other._us()
    def __ge__(self, other):
        return self._us() >= other._us()
    def __hash__(self):
        return hash(self._us())
    def strftime(self, fmt):
        names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        out = ""
        i = 0
        while i < len(fmt):
            c = fmt[i]
            if c == "%" and i + 1 < len(fmt):
                k = fmt[i + 1]
                i += 2
                if k == "Y": out += "%04d" % self.year
                elif k == "m": out += "%02d" % self.month
                elif k == "d": out += "%02d" % self.day
                elif k == "H": out += "%02d" % self.hour
                elif k == "M": out += "%02d" % self.minute
                elif k == "S": out += "%02d" % self.second
                elif k == "f": out += "%06d" % self.microsecond
                elif k == "A": out += names[self.weekday()]
                elif k == "a": out += names[self.weekday()][:3]
                elif k == "B": out += months[self.month - 1]
                elif k == "b": out += months[self.month - 1][:3]
                elif k == "y": out += "%02d" % (self.year % 100)
                elif k == "%": out += "%"
                else: out += "%" + k
            else:
                out += c
                i += 1
        return out

MINYEAR = 1
MAXYEAR = 9999
"#;

/// `YYYY-MM-DD HH:MM:SS[.ffffff]` for a Unix timestamp (UTC).
pub fn format_datetime(unix: i64, micros: u64) -> String {
    let days = unix.div_euclid(86400);
    let rem = unix.rem_euclid(86400);
    let (h, mi, s) = (rem / 3600, (rem % 3600) / 60, rem % 60);
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z.rem_euclid(146097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let mo = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if mo <= 2 { y + 1 } else { y };
    let mut out = format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}");
    if micros != 0 {
        out.push_str(&format!(".{micros:06}"));
    }
    out
}

impl Vm {
    fn helper_class(
        &mut self,
        key: &str,
        name: &str,
        module: &str,
        methods: Vec<(&str, Value)>,
    ) -> Rc<Class> {
        if let Some(Value::Class(c)) = self.builtins.get(key) {
            return c;
        }
        let c = self.new_native_class(name, module, None, methods);
        self.builtins.set_str(key, Value::Class(c.clone()));
        // Hidden from user code by the leading space.
        c
    }

    fn thread_class(&mut self) -> Rc<Class> {
        let repr = self.native_fn("__repr__", |vm, a, _| {
            let n = vm.intern("name");
            let name = vm.getattr(&a[0], &n)?;
            let s = vm.str_of(&name)?;
            Ok(Value::Str(Rc::from(format!("<_MainThread({s}, started)>"))))
        });
        self.helper_class(" Thread", "Thread", "threading", vec![("__repr__", repr)])
    }

    fn stream_class(&mut self) -> Rc<Class> {
        let write = self.native_fn("write", |vm, a, _| {
            let is_err = matches!(&a[0], Value::Instance(i) if matches!(i.dict.borrow().get("_stream"), Some(Value::Str(s)) if &**s == "stderr"));
            let text = match a.get(1) {
                Some(Value::Str(s)) => s.to_string(),
                Some(other) => {
                    let t = vm.type_name(other);
                    return Err(vm.type_error(format!("write() argument must be str, not {t}")));
                }
                None => return Err(vm.type_error("write() takes exactly one argument (0 given)")),
            };
            let n = text.chars().count();
            vm.write(if is_err { crate::vm::Stream::Stderr } else { crate::vm::Stream::Stdout }, &text)?;
            Ok(Value::Int(n as i64))
        });
        let flush = self.native_fn("flush", |_, _, _| Ok(Value::None));
        self.helper_class(
            " TextIO",
            "TextIOWrapper",
            "io",
            vec![("write", write), ("flush", flush)],
        )
    }
}
