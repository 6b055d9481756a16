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

/// Lists the modules written in Python that are always compiled in:
/// `name` is both the module's name and its file `modules/name.py`
/// (`<name>` in tracebacks).
macro_rules! python_modules {
    ($($name:ident),* $(,)?) => {
        /// Every module written in Python that is always compiled in:
        /// (name, source, file name).
        pub(crate) const PYTHON_MODULES: &[(&str, &str, &str)] = &[$((
            stringify!($name),
            include_str!(concat!("modules/", stringify!($name), ".py")),
            concat!("<", stringify!($name), ">"),
        )),*];
    };
}

/// Lists the modules written in Python that a build with the
/// `lazy-library` feature (the web app's) leaves out of its binary:
/// the embedder fetches them as one bundle ([`library_bundle`]) and hands
/// it to [`install_library`]. With the feature they are compiled in.
macro_rules! lazy_python_modules {
    ($($name:ident),* $(,)?) => {
        /// The modules loaded on demand, by name.
        pub const LAZY_MODULES: &[&str] = &[$(stringify!($name)),*];
        /// Their sources, when compiled in.
        #[cfg(not(feature = "lazy-library"))]
        const LAZY_SOURCES: &[&str] =
            &[$(include_str!(concat!("modules/", stringify!($name), ".py"))),*];
    };
}

native_modules!(_random, _re, _weakref, math, sys, time, traceback);

// What `import asyncio`, `import sys`, `import time`, `threading`, `queue`
// and `concurrent.futures` need when a program starts (what the lessons
// import, measured with `grep` over `lessons/*.md` and the playground's
// examples, and `multiprocessing` with the `os` it imports for the
// processes lessons): a first run
// never waits for a download. `asyncio.py` and `contextlib.py` are
// registered by the event-loop glue.
python_modules!(
    _cfutures,
    _loops,
    _structseq,
    _timefmt,
    collections,
    heapq,
    multiprocessing,
    os,
    posixpath,
    queue,
    threading
);

// Everything else, fetched after the page's first paint by the web app.
lazy_python_modules!(
    __future__,
    abc,
    argparse,
    bisect,
    copy,
    dataclasses,
    datetime,
    enum,
    fractions,
    functools,
    io,
    itertools,
    json,
    logging,
    operator,
    pprint,
    random,
    re,
    secrets,
    statistics,
    string,
    textwrap,
    typing,
    uuid,
    weakref,
);

/// The first line of a library bundle (the format's version).
const BUNDLE_HEADER: &str = "looplab-library 1\n";

/// The bundle of every module in [`LAZY_MODULES`] as the web app fetches
/// it (`scripts/library_bundle.py` writes the same at build time), made
/// from this thread's sources (`None` when they are not loaded):
/// [`BUNDLE_HEADER`], then per module a NUL, its name, a newline and its
/// source (Python source never holds a NUL: the lexer refuses it).
pub fn library_bundle() -> Option<String> {
    INSTALLED.with(|i| {
        let i = i.borrow();
        let sources = i.as_ref()?;
        let mut out = String::from(BUNDLE_HEADER);
        for name in LAZY_MODULES {
            out.push('\0');
            out.push_str(name);
            out.push('\n');
            out.push_str(sources.get(name)?);
        }
        Some(out)
    })
}

/// A bundle's modules by name.
type Sources = std::collections::HashMap<&'static str, Rc<str>>;

thread_local! {
    /// The sources of [`LAZY_MODULES`] this thread's VMs import: the
    /// compiled-in ones, or those [`install_library`] installed.
    static INSTALLED: std::cell::RefCell<Option<Sources>> =
        std::cell::RefCell::new(compiled_in());
}

/// The sources of [`LAZY_MODULES`] compiled into this build, if they are.
fn compiled_in() -> Option<Sources> {
    #[cfg(not(feature = "lazy-library"))]
    {
        Some(
            LAZY_MODULES
                .iter()
                .zip(LAZY_SOURCES)
                .map(|(&n, &s)| (n, Rc::from(s)))
                .collect(),
        )
    }
    #[cfg(feature = "lazy-library")]
    {
        None
    }
}

/// Installs the library bundle (see [`library_bundle`]) for every later
/// import in this thread; a bundle that does not hold exactly the modules
/// of [`LAZY_MODULES`] is refused with a sentence saying why.
pub fn install_library(bundle: &str) -> Result<(), String> {
    let body = bundle
        .strip_prefix(BUNDLE_HEADER)
        .ok_or("the library bundle has an unknown format")?;
    let mut found = Sources::new();
    for part in body.split('\0').skip(1) {
        let (name, src) = part.split_once('\n').unwrap_or((part, ""));
        let Some(&known) = LAZY_MODULES.iter().find(|&&n| n == name) else {
            return Err(format!(
                "the library bundle holds an unknown module '{name}'"
            ));
        };
        found.insert(known, Rc::from(src));
    }
    if let Some(missing) = LAZY_MODULES.iter().find(|n| !found.contains_key(*n)) {
        return Err(format!("the library bundle lacks the module '{missing}'"));
    }
    INSTALLED.with(|i| *i.borrow_mut() = Some(found));
    Ok(())
}

/// Whether the modules of [`LAZY_MODULES`] can be imported in this thread
/// (compiled in, or installed).
pub fn library_installed() -> bool {
    INSTALLED.with(|i| i.borrow().is_some())
}

/// Forgets the modules of [`LAZY_MODULES`] in this thread, as in a web
/// build before its bundle arrives (for tests of that path).
#[doc(hidden)]
pub fn forget_library() {
    INSTALLED.with(|i| *i.borrow_mut() = None);
}

/// The source of lazily loaded module `name`: `None` when `name` is not
/// one, `Some(Err(message))` when it is one and is not loaded yet.
pub(crate) fn lazy_source(name: &str) -> Option<Result<Rc<str>, String>> {
    if !LAZY_MODULES.contains(&name) {
        return None;
    }
    let installed = INSTALLED.with(|i| i.borrow().as_ref().and_then(|m| m.get(name).cloned()));
    Some(installed.ok_or_else(|| not_loaded_message(name)))
}

/// The limit message that ends a run importing a module not loaded yet:
/// the embedder loads the bundle and runs the program again, or, if the
/// download failed, the learner reads it.
fn not_loaded_message(name: &str) -> String {
    format!(
        "the module '{name}' could not be loaded: the playground downloads it the first time a program imports it, and the download failed (are you offline?); press Run to try again ({NOT_LOADED})"
    )
}

/// The last words of [`not_loaded_message`] (`Ending::Limit`'s `which`
/// is then `"library"`).
pub(crate) const NOT_LOADED: &str = "the library is not loaded";

/// The module a run's limit message says is not loaded yet, if it is one
/// of those.
pub fn not_loaded_module(message: &str) -> Option<&str> {
    if !message.ends_with(&format!("({NOT_LOADED})")) {
        return None;
    }
    message.strip_prefix("the module '")?.split('\'').next()
}

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
