#!/usr/bin/env python3
"""Writes the library bundle: the Python source of the engine's library
modules that the web app's wasm leaves out (`lazy_python_modules!` in
crates/engine/src/vm/library/modules.rs), as one file the app fetches after
its first paint and hands to `looplab_engine::run::install_library`.

    python3 scripts/library_bundle.py [DIR]

Writes DIR/library.txt (DIR defaults to $TRUNK_STAGING_DIR: Trunk.toml runs
this as a post-build hook, so the file lands in dist/ beside the wasm).
The format, read by the engine (`library_bundle` there writes the same):
the line "looplab-library 1", then per module a NUL, its name, a newline
and its source."""
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = ROOT / "crates/engine/src/vm/library"
HEADER = "looplab-library 1\n"


def lazy_modules():
    """The names listed in `lazy_python_modules!(...)`."""
    text = (LIBRARY / "modules.rs").read_text()
    found = re.search(r"^lazy_python_modules!\((.*?)\);", text, re.S | re.M)
    if found is None:
        sys.exit("library_bundle.py: no lazy_python_modules! list in modules.rs")
    return [n.strip() for n in found.group(1).split(",") if n.strip()]


def main(argv):
    out_dir = Path(argv[1] if len(argv) > 1 else os.environ.get("TRUNK_STAGING_DIR", "dist"))
    parts = [HEADER]
    for name in lazy_modules():
        source = (LIBRARY / "modules" / f"{name}.py").read_text()
        if "\0" in source:
            sys.exit(f"library_bundle.py: {name}.py holds a NUL")
        parts.append(f"\0{name}\n{source}")
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "library.txt").write_text("".join(parts))


if __name__ == "__main__":
    main(sys.argv)
