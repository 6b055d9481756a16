//! Native modules: `time`, `math`, `random`, `datetime`, `threading`,
//! `sys`, `functools`. `time` and `datetime` read the VM's virtual clock;
//! `time.sleep` goes through `Vm::sleep_hook` so the event-loop glue can
//! park a worker thread instead of advancing the clock.

use std::rc::Rc;

use crate::pylib;
use crate::vm::builtins::nargs;
use crate::vm::value::*;
use crate::vm::{Error, Vm};

/// `time.time()` at virtual clock 0: 2024-01-01 00:00:00 UTC.
pub const EPOCH_OFFSET_SECS: i64 = 1_704_067_200;

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

fn reg(
    vm: &mut Vm,
    g: &Rc<Globals>,
    name: &str,
    f: fn(&mut Vm, &[Value], &[(crate::ast::Name, Value)]) -> Result<Value, Error>,
) {
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
    vm.add_native_module("datetime", |vm| {
        let (m, g) = vm.new_module("datetime");
        let now = vm.native_fn("now", |vm, _, _| {
            let total_us = vm.clock_ns / 1000;
            let secs = total_us / 1_000_000;
            let us = total_us % 1_000_000;
            let text = format_datetime(EPOCH_OFFSET_SECS + secs as i64, us);
            let cls = vm.datetime_class();
            let d = vm.new_instance(&cls, vec![]);
            if let Value::Instance(i) = &d {
                i.dict
                    .borrow_mut()
                    .insert(Rc::from("_text"), Value::Str(Rc::from(text)));
            }
            Ok(d)
        });
        let cls = vm.datetime_class();
        cls.dict
            .borrow_mut()
            .insert(Rc::from("now"), Value::StaticMethod(Rc::new(now)));
        g.set_str("datetime", Value::Class(cls));
        Ok(m)
    });
}

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

    fn datetime_class(&mut self) -> Rc<Class> {
        let s = self.native_fn("__str__", |vm, a, _| {
            let n = vm.intern("_text");
            vm.getattr(&a[0], &n)
        });
        let isof = self.native_fn("isoformat", |vm, a, _| {
            let n = vm.intern("_text");
            let t = vm.getattr(&a[0], &n)?;
            Ok(match t {
                Value::Str(s) => Value::Str(Rc::from(s.replacen(' ', "T", 1))),
                o => o,
            })
        });
        let strftime = self.native_fn("strftime", |vm, a, _| {
            let n = vm.intern("_text");
            let t = vm.getattr(&a[0], &n)?;
            let Value::Str(t) = t else {
                return Ok(Value::None);
            };
            let fmt = match a.get(1) {
                Some(Value::Str(f)) => f.to_string(),
                _ => return Err(vm.type_error("strftime() argument 1 must be str")),
            };
            let parts = [
                ("%Y", &t[0..4]),
                ("%m", &t[5..7]),
                ("%d", &t[8..10]),
                ("%H", &t[11..13]),
                ("%M", &t[14..16]),
                ("%S", &t[17..19]),
            ];
            let mut out = fmt;
            for (k, v) in parts {
                out = out.replace(k, v);
            }
            let us = if t.len() > 19 { &t[20..] } else { "000000" };
            out = out.replace("%f", us);
            Ok(Value::Str(Rc::from(out)))
        });
        self.helper_class(
            " datetime",
            "datetime",
            "datetime",
            vec![("__str__", s), ("isoformat", isof), ("strftime", strftime)],
        )
    }
}
