//! The `random` module: CPython's Mersenne Twister ([`Rng`]), seeded
//! with 0 so that runs are reproducible.


use crate::library::builtins::nargs;
use crate::library::modules::{num, reg};
use crate::pylib;
use crate::vm::value::*;
use crate::vm::{Error, Vm};

/// The Mersenne Twister behind the `random` module.
pub struct Rng(pub pylib::random::Random);

impl Default for Rng {
    fn default() -> Rng {
        let mut r = pylib::random::Random::new();
        r.seed_int(0);
        Rng(r)
    }
}

/// Builds the module on first import.
pub(crate) fn make_module(vm: &mut Vm) -> Result<Value, Error> {
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
}
