//! The native library: what a program finds without defining it.
//!
//! - [`builtins`]: the `builtins` namespace — the builtin functions, in
//!   tables of `(name, function)` rows (`print`, `len`, …), the builtin
//!   types and constants, the type constructors (`int("3")`), and the
//!   methods of generators and exceptions.
//! - [`types`]: the methods of the builtin types, one file per type
//!   (`types/str.rs`, `types/list.rs`, …), each with one table `METHODS`
//!   of `m("name", body)` rows that method calls, attribute lookup,
//!   `hasattr` and `dir()` all read.
//! - [`modules`]: the registry of importable modules, each listed once by
//!   name and living in `modules/NAME.rs` (written in Rust: `make_module`
//!   builds it on first import) or `modules/NAME.py` (written in Python:
//!   compiled on first import, in pieces cached per thread).

pub mod builtins;
pub mod modules;
pub mod precompiled;
pub mod types;

use crate::vm::Vm;

/// Registers the builtins and the modules of a new VM.
pub fn install(vm: &mut Vm) {
    builtins::install(vm);
    modules::install(vm);
}
