//! The library modules a first run needs, compiled when the engine is
//! built rather than in every browser (issue #19): `precompiled.bin`
//! holds the code of `asyncio.py` and of what it imports, in the format
//! of `compile::serial`, and the VM loads a piece from it instead of
//! compiling the piece's source (`Vm::library_code`).
//!
//! The file is generated and committed: the test
//! `the_committed_form_is_up_to_date` below fails when it differs from
//! what the compiler makes of today's sources, and rewrites it when run
//! with `LOOPLAB_REGEN=1` (`tools/regen-precompiled`). A form that does not
//! match (another compiler, another source) is never loaded: the module
//! is compiled from its source, as without this file.

use std::cell::{Cell, OnceCell};

use crate::compile::serial::{self, ModuleForm};

/// The compiled form (see the module's documentation).
static BUNDLE: &[u8] = include_bytes!("precompiled.bin");

/// The modules in [`BUNDLE`]: (file name, path of the source under
/// `library/`). What a first `import asyncio` compiles: `asyncio.py`,
/// the `heapq` it imports, the `_structseq` the `sys` it imports builds
/// on, and the `contextlib` its `timeout` uses.
#[cfg(test)]
const MODULES: &[(&str, &str)] = &[
    ("<asyncio>", "modules/asyncio.py"),
    ("<heapq>", "modules/heapq.py"),
    ("<_structseq>", "modules/_structseq.py"),
    ("<contextlib>", "modules/contextlib.py"),
];

thread_local! {
    /// [`BUNDLE`] read once per thread (`None`: not loadable by this build).
    static INDEX: OnceCell<Option<Vec<ModuleForm<'static>>>> = const { OnceCell::new() };
    /// Whether this thread loads compiled forms (tests turn it off to run
    /// the same programs through the sources).
    static ENABLED: Cell<bool> = const { Cell::new(true) };
    /// How many pieces this thread has loaded from compiled forms.
    static LOADED: Cell<usize> = const { Cell::new(0) };
}

/// Counts a piece loaded from its compiled form (`Vm::library_code`).
pub(crate) fn count_loaded() {
    LOADED.with(|n| n.set(n.get() + 1));
}

/// How many pieces of library modules this thread has loaded from their
/// compiled forms (rather than compiled from source).
#[doc(hidden)]
pub fn loaded_pieces() -> usize {
    LOADED.with(Cell::get)
}

/// The compiled form of the module `filename` whose source is `source`
/// (its string table, and per piece its first and end line and its bytes:
/// see `compile::serial`); `None` when the bundle has no form of exactly
/// this source for this compiler.
pub(crate) fn form_of(filename: &str, source: &str) -> Option<ModuleForm<'static>> {
    if !ENABLED.with(Cell::get) {
        return None;
    }
    INDEX.with(|index| {
        let modules = index.get_or_init(|| serial::read_bundle(BUNDLE)).as_ref()?;
        let form = modules.iter().find(|m| m.filename == filename)?;
        (form.source_hash == serial::source_hash(source)).then(|| form.clone())
    })
}

/// Turns the loading of compiled forms on or off in this thread, for the
/// library modules compiled after the call (a test of both paths).
#[doc(hidden)]
pub fn use_precompiled(on: bool) {
    ENABLED.with(|e| e.set(on));
}

/// Whether this build can load [`BUNDLE`] at all (a stale file cannot).
#[doc(hidden)]
pub fn precompiled_loadable() -> bool {
    INDEX.with(|index| index.get_or_init(|| serial::read_bundle(BUNDLE)).is_some())
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::rc::Rc;

    use super::*;
    use crate::compile::serial::Piece;
    use crate::compile::{compile_module, Interner};

    fn library_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/vm/library")
    }

    /// A module's pieces as the VM compiles them (the whole module as one
    /// piece when a piece does not compile on its own).
    fn compile_pieces(filename: &str, source: &str) -> Vec<Piece> {
        let mut interner = Interner::default();
        let mut compile = |text: &str| {
            let m = crate::parse::parse_module(text).ok()?;
            compile_module(&m, filename, Rc::from(text), &mut interner).ok()
        };
        let mut out = Vec::new();
        for (first_line, end_line) in crate::vm::library_cuts(source) {
            match compile(&crate::vm::piece_source(source, first_line, end_line)) {
                Some(code) => out.push(Piece {
                    first_line,
                    end_line,
                    code,
                }),
                None => {
                    let end_line = source.split_inclusive('\n').count() as u32;
                    let code = compile(source).expect("a library module compiles");
                    return vec![Piece {
                        first_line: 0,
                        end_line,
                        code,
                    }];
                }
            }
        }
        out
    }

    fn sources() -> Vec<(&'static str, String)> {
        MODULES
            .iter()
            .map(|&(file, path)| {
                let src = std::fs::read_to_string(library_dir().join(path)).expect("a module");
                (file, src)
            })
            .collect()
    }

    fn fresh_bundle() -> Vec<u8> {
        let sources = sources();
        let modules: Vec<(&str, &str, Vec<Piece>)> = sources
            .iter()
            .map(|(file, src)| (*file, src.as_str(), compile_pieces(file, src)))
            .collect();
        serial::write_bundle(&modules)
    }

    /// The golden test: `precompiled.bin` is what the compiler makes of
    /// today's sources (`LOOPLAB_REGEN=1` rewrites it).
    #[test]
    fn the_committed_form_is_up_to_date() {
        let fresh = fresh_bundle();
        let path = library_dir().join("precompiled.bin");
        if std::env::var_os("LOOPLAB_REGEN").is_some() {
            std::fs::write(&path, &fresh).expect("precompiled.bin is writable");
            return;
        }
        assert!(
            fresh == BUNDLE,
            "crates/engine/src/vm/library/precompiled.bin is stale (the compiler or a library \
             module changed): run tools/regen-precompiled"
        );
    }

    /// Every piece read back is the code the compiler made, field for
    /// field (`Debug` prints them all, source text and spans included).
    #[test]
    fn every_piece_reads_back_as_compiled() {
        let fresh = fresh_bundle();
        let forms = serial::read_bundle(&fresh).expect("a fresh bundle is loadable");
        for ((file, src), form) in sources().iter().zip(&forms) {
            assert_eq!(form.filename, *file);
            assert_eq!(form.source_hash, serial::source_hash(src));
            let compiled = compile_pieces(file, src);
            let mut interner = Interner::default();
            let strings = serial::read_strings(form.strings, &mut |s| interner.intern(s))
                .expect("a fresh string table reads");
            assert_eq!(compiled.len(), form.pieces.len());
            for (piece, &(first, end, body)) in compiled.iter().zip(&form.pieces) {
                assert_eq!((piece.first_line, piece.end_line), (first, end));
                let text: Rc<str> = crate::vm::piece_source(src, first, end).into();
                assert_eq!(&*piece.code.source, &*text, "{file} piece at line {first}");
                let loaded =
                    serial::read_piece(body, &strings, &text).expect("a fresh piece reads");
                assert_eq!(
                    format!("{:?}", piece.code),
                    format!("{loaded:?}"),
                    "{file} piece at line {first}"
                );
            }
        }
    }

    /// Prints what the compiled form weighs, and what it is made of:
    /// `cargo test -p looplab-engine --lib precompiled_sizes -- --ignored
    /// --nocapture`.
    #[test]
    #[ignore]
    fn precompiled_sizes() {
        serial::SIZES.with(|s| *s.borrow_mut() = serial::Sizes::default());
        let bundle = fresh_bundle();
        let sizes = serial::SIZES.with(|s| s.borrow().clone());
        let source: usize = sources().iter().map(|(_, s)| s.len()).sum();
        println!(
            "source {source} bytes, compiled form {} bytes",
            bundle.len()
        );
        println!("{sizes:?}");
    }

    /// A damaged or foreign bundle is refused, never misread.
    #[test]
    fn a_damaged_bundle_is_refused() {
        let fresh = fresh_bundle();
        assert!(serial::read_bundle(&fresh[..fresh.len() - 1]).is_none());
        assert!(serial::read_bundle(b"looplab-code\n").is_none());
        let mut other = fresh.clone();
        // The compiler fingerprint follows the magic and the version.
        other[16] ^= 1;
        assert!(serial::read_bundle(&other).is_none());
    }
}
