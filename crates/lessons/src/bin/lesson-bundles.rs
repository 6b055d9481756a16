//! Writes the lesson bundle of every translated language
//! (`lessons-<lang>.txt`, see `looplab_lessons::bundle`) into a folder:
//!
//!     cargo run -p looplab-lessons --bin lesson-bundles [DIR]
//!
//! DIR defaults to `$TRUNK_STAGING_DIR`: Trunk.toml runs this as a
//! post-build hook, so the bundles land in `dist/` beside the wasm.

use looplab_lessons::bundle::{bundle, bundle_file_name, TRANSLATIONS};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let out: PathBuf = match std::env::args_os()
        .nth(1)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR"))
    {
        Some(dir) => dir.into(),
        None => {
            eprintln!("lesson-bundles: name the folder to write into (or set TRUNK_STAGING_DIR)");
            return ExitCode::FAILURE;
        }
    };
    let lessons = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../lessons");
    for lang in TRANSLATIONS {
        let text = match bundle(&lessons, lang) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("lesson-bundles: {e}");
                return ExitCode::FAILURE;
            }
        };
        let path = out.join(bundle_file_name(lang));
        if let Err(e) = std::fs::create_dir_all(&out).and_then(|()| std::fs::write(&path, text)) {
            eprintln!("lesson-bundles: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
