//! The native library: builtin functions, the methods of the builtin types
//! and the importable modules (native ones in Rust, others in Python).

pub mod builtins;
pub mod modules;
pub mod types;

use crate::vm::Vm;

/// Registers the builtins and the modules of a new VM.
pub fn install(vm: &mut Vm) {
    builtins::install(vm);
    modules::install(vm);
}
