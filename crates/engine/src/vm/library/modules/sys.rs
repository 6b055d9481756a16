//! The `sys` module.

use std::rc::Rc;

use crate::vm::library::builtins::nargs;
use crate::vm::library::modules::reg;
use crate::vm::value::*;
use crate::vm::{Error, Vm};

/// `sys.version` (the oracle reports the same).
pub const VERSION: &str = "3.11.7 (main, Jan  1 2024, 00:00:00) [Looplab]";

/// The highest `sys.setrecursionlimit` (frames live on the heap; the
/// memory budget still applies).
const MAX_RECURSION_LIMIT: i64 = 100_000;

/// CPython 3.11's `sys.getsizeof` on a 64-bit build, for the types whose
/// size follows from their value alone.
fn getsizeof(v: &Value) -> Option<i64> {
    Some(match v {
        Value::None => 16,
        Value::Bool(_) => 28,
        Value::Int(i) => {
            let mut digits = 0;
            let mut x = i.unsigned_abs();
            while x > 0 {
                digits += 1;
                x >>= 30;
            }
            24 + 4 * digits.max(1)
        }
        Value::Float(_) => 24,
        Value::Str(s) => {
            let n = s.chars().count() as i64;
            let widest = s.chars().map(|c| c as u32).max().unwrap_or(0);
            match widest {
                0..=0x7f => 49 + n,
                0x80..=0xff => 73 + n,
                0x100..=0xffff => 74 + 2 * n,
                _ => 76 + 4 * n,
            }
        }
        Value::Bytes(b) => 33 + b.len() as i64,
        Value::Tuple(t) => 40 + 8 * t.len() as i64,
        _ => return None,
    })
}

/// Builds the module on first import.
pub(crate) fn make_module(vm: &mut Vm) -> Result<Value, Error> {
    let (m, g) = vm.new_module("sys");
    // The oracle reports the same version string (tools/oracle.py,
    // "The process"); the platform is the POSIX-like one `os` shows.
    g.set_str("version", Value::str(VERSION));
    g.set_str("platform", Value::str("linux"));
    g.set_str("maxsize", Value::Int(i64::MAX));
    g.set_str("argv", Value::list(vec![Value::str("<lesson>")]));
    g.set_str("byteorder", Value::str("little"));
    g.set_str("executable", Value::str(""));
    if let Value::Module(s) = vm.import("_structseq")? {
        if let Some(v) = s.globals.get("version_info") {
            g.set_str("version_info", v);
        }
    }
    reg(vm, &g, "getsizeof", |vm, a, _| {
        nargs(vm, "getsizeof", a, 1, 2)?;
        match getsizeof(&a[0]) {
            Some(n) => Ok(Value::Int(n)),
            None => match a.get(1) {
                Some(default) => Ok(default.clone()),
                None => {
                    let t = vm.type_name(&a[0]);
                    Err(vm.type_error(format!(
                        "sys.getsizeof() of a '{t}' object is not supported in Looplab (only numbers, str, bytes, tuple and None)"
                    )))
                }
            },
        }
    });
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
    reg(vm, &g, "get_int_max_str_digits", |vm, a, _| {
        crate::vm::library::builtins::nargs(vm, "get_int_max_str_digits", a, 0, 0)?;
        Ok(Value::Int(crate::pylib::bigint::max_str_digits() as i64))
    });
    reg(vm, &g, "set_int_max_str_digits", |vm, a, kw| {
        let n = match (a.first(), kw.first()) {
            (Some(v), _) => v.clone(),
            (None, Some((k, v))) if &**k == "maxdigits" => v.clone(),
            _ => {
                return Err(vm.type_error(
                    "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)",
                ))
            }
        };
        let n = vm.as_i64(&n)?;
        crate::pylib::bigint::set_max_str_digits(n).map_err(|e| vm.pyerr(e))?;
        Ok(Value::None)
    });
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
    // The thread switch interval, kept in whole microseconds as CPython
    // keeps it; the CPU model hands the GIL over after this much virtual
    // CPU (without the model threads switch only when they block).
    reg(vm, &g, "getswitchinterval", |vm, a, _| {
        if !a.is_empty() {
            return Err(vm.type_error(format!(
                "sys.getswitchinterval() takes no arguments ({} given)",
                a.len()
            )));
        }
        Ok(Value::Float((vm.switch_interval_ns / 1000) as f64 / 1e6))
    });
    reg(vm, &g, "setswitchinterval", |vm, a, _| {
        nargs(vm, "setswitchinterval", a, 1, 1)?;
        let secs = crate::vm::library::modules::num(vm, &a[0])?;
        if secs <= 0.0 {
            return Err(vm.value_error("switch interval must be strictly positive"));
        }
        let micros = (secs * 1e6).min(u64::MAX as f64 / 1000.0) as u64;
        vm.switch_interval_ns = micros * 1000;
        Ok(Value::None)
    });
    reg(vm, &g, "getrecursionlimit", |vm, _, _| {
        Ok(Value::Int(vm.limits.max_recursion as i64))
    });
    reg(vm, &g, "setrecursionlimit", |vm, a, _| {
        nargs(vm, "setrecursionlimit", a, 1, 1)?;
        if let Value::Float(_) = &a[0] {
            return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
        }
        let n = vm.as_i64(&a[0])?;
        if n < 1 {
            return Err(vm.value_error("recursion limit must be greater or equal than 1"));
        }
        if n > MAX_RECURSION_LIMIT {
            return Err(vm.value_error(format!(
                "recursion limit above {MAX_RECURSION_LIMIT} is not supported in Looplab"
            )));
        }
        vm.limits.max_recursion = n as usize;
        Ok(Value::None)
    });
    reg(vm, &g, "exit", |vm, a, _| {
        nargs(vm, "exit", a, 0, 1)?;
        let c = vm.types.system_exit.clone();
        // sys.exit(None) is sys.exit(): a SystemExit without arguments.
        let args = a.iter().filter(|v| !v.is_none()).cloned().collect();
        Err(vm.new_error_args(&c, args))
    });
    Ok(m)
}

impl Vm {
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
