//! The registry of importable modules: every module is listed once here,
//! by name, and lives in its own file in `modules/` under that name —
//! `modules/time.rs` for a module written in Rust (it exports
//! `make_module`, run on first import), `modules/datetime.py` for one
//! written in Python (compiled on first import, in pieces that are cached
//! per thread: see `Vm::library_code`). Adding a module = one file plus one
//! name in `native_modules!`/`python_modules!` below.
//!
//! `asyncio.py` and `contextlib.py` live here too but are registered by
//! the event-loop glue (`aio::glue::install`), since `asyncio` needs the
//! glue's `_looplab` module.

use std::rc::Rc;

use crate::vm::value::*;
use crate::vm::{Error, Vm};

/// Lists the modules written in Rust: `name` is both the module's name
/// and its file `modules/name.rs`.
macro_rules! native_modules {
    ($($name:ident),* $(,)?) => {
        $(pub mod $name;)*
        /// Every module written in Rust: (name, builder run on first import).
        pub(crate) const NATIVE_MODULES: &[(&str, ModuleInit)] =
            &[$((stringify!($name), $name::make_module)),*];
    };
}

/// Lists the modules written in Python: `name` is both the module's name
/// and its file `modules/name.py` (`<name>` in tracebacks).
macro_rules! python_modules {
    ($($name:ident),* $(,)?) => {
        /// Every module written in Python: (name, source, file name).
        pub(crate) const PYTHON_MODULES: &[(&str, &str, &str)] = &[$((
            stringify!($name),
            include_str!(concat!("modules/", stringify!($name), ".py")),
            concat!("<", stringify!($name), ">"),
        )),*];
    };
}

native_modules!(_random, _re, _weakref, math, sys, time, traceback);

python_modules!(
    _cfutures,
    __future__,
    _structseq,
    _timefmt,
    abc,
    argparse,
    bisect,
    collections,
    copy,
    dataclasses,
    datetime,
    enum,
    fractions,
    functools,
    heapq,
    io,
    itertools,
    json,
    logging,
    multiprocessing,
    operator,
    os,
    posixpath,
    pprint,
    queue,
    random,
    re,
    secrets,
    statistics,
    string,
    textwrap,
    threading,
    typing,
    uuid,
    weakref,
);

pub use _random::Rng;
pub use time::EPOCH_OFFSET_SECS;

/// Builds a module on first import.
pub(crate) type ModuleInit = fn(&mut Vm) -> Result<Value, Error>;

/// A native function's signature.
pub(crate) type NativeFnPtr =
    fn(&mut Vm, &[Value], &[(crate::ast::Name, Value)]) -> Result<Value, Error>;

/// Registers every module of the registry with a new VM.
pub fn install(vm: &mut Vm) {
    for &(name, init) in NATIVE_MODULES {
        vm.add_native_module(name, init);
    }
    for &(name, source, filename) in PYTHON_MODULES {
        vm.add_source_module(name, source, filename);
    }
    // `import os.path` gives `os.path`, which is `posixpath` (as on Linux).
    vm.add_native_module("os.path", |vm| vm.import("posixpath"));
    // multiprocessing's submodules are views of the one module.
    for sub in [
        "multiprocessing.pool",
        "multiprocessing.managers",
        "multiprocessing.context",
        "multiprocessing.connection",
        "multiprocessing.sharedctypes",
        "multiprocessing.process",
        "multiprocessing.queues",
    ] {
        vm.add_native_module(sub, |vm| vm.import("multiprocessing"));
    }
}

/// Why a well-known module is missing from a browser playground and what
/// to use instead: the sentence added to CPython's `ModuleNotFoundError`
/// message when a program imports it (or a submodule of it).
pub(crate) fn unavailable_hint(name: &str) -> Option<&'static str> {
    const NETWORK: &str = "The playground runs in a browser tab, which gives programs no network access: stand for a request with `await asyncio.sleep(...)`, as the lessons do.";
    const PROCESSES: &str = "The playground runs in a browser tab, which cannot start processes: stand for a slow command with `await asyncio.sleep(...)`, or run blocking work with `asyncio.to_thread`.";
    if name == "urllib" || name == "urllib.request" {
        return Some(NETWORK);
    }
    let top = name.split('.').next().unwrap_or(name);
    match top {
        "socket" | "ssl" | "select" | "selectors" | "aiohttp" | "requests" | "httpx" | "http"
        | "urllib3" | "websockets" => Some(NETWORK),
        "subprocess" => Some(PROCESSES),
        _ => None,
    }
}

/// A real number argument as `f64` (`math`, `time.sleep`, `random`).
pub(crate) fn num(vm: &mut Vm, v: &Value) -> Result<f64, Error> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Float(f) => Ok(*f),
        Value::BigInt(i) => crate::pylib::bigint::to_f64(i).map_err(|e| vm.pyerr(e)),
        other => {
            let t = vm.type_name(other);
            Err(vm.type_error(format!("must be real number, not {t}")))
        }
    }
}

/// Registers native function `f` as `name` in module globals `g`.
pub(crate) fn reg(vm: &mut Vm, g: &Rc<Globals>, name: &str, f: NativeFnPtr) {
    let v = vm.native_fn(name, f);
    g.set_str(name, v);
}

impl Vm {
    /// A class made once per VM for a module's objects (kept in the
    /// builtins under `key`, hidden from user code by a leading space).
    pub(crate) fn helper_class(
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
}

#[cfg(test)]
mod tests {
    use crate::vm::{run_script, Limits};

    /// The last traceback line of a program that only imports `module`.
    fn import_error(stmt: &str) -> String {
        let r = run_script(stmt, "<lesson>", &Limits::default());
        r.last_line.unwrap_or_default()
    }

    #[test]
    fn missing_network_and_process_modules_say_why() {
        for (stmt, name) in [
            ("import socket", "socket"),
            ("import requests", "requests"),
            ("import aiohttp", "aiohttp"),
            ("import urllib.request", "urllib.request"),
            ("import http.client", "http.client"),
            ("from http.client import HTTPConnection", "http.client"),
        ] {
            let line = import_error(stmt);
            assert!(
                line.starts_with(&format!("ModuleNotFoundError: No module named '{name}'. ")),
                "{stmt}: {line}"
            );
            assert!(
                line.contains("no network access") && line.contains("asyncio.sleep"),
                "{line}"
            );
        }
        let line = import_error("import subprocess");
        assert!(line.contains("cannot start processes"), "{line}");
    }

    #[test]
    fn other_missing_modules_keep_cpythons_message() {
        assert_eq!(
            import_error("import numpy"),
            "ModuleNotFoundError: No module named 'numpy'"
        );
        assert_eq!(
            import_error("import urllib.parse"),
            "ModuleNotFoundError: No module named 'urllib.parse'"
        );
    }
}
