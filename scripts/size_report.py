#!/usr/bin/env python3
"""Prints the transferred size of a Trunk build: each file raw and gzipped
(level 9, what a static host typically serves), grouped by kind, then a
one-line total. Used by scripts/test.sh so size growth shows in every log."""
import gzip
import sys
from pathlib import Path

KINDS = {".wasm": "wasm", ".js": "js", ".css": "css", ".html": "html"}


def main(dist: str) -> None:
    totals = {}
    for path in sorted(Path(dist).iterdir()):
        kind = KINDS.get(path.suffix)
        if kind is None or not path.is_file():
            continue
        raw = path.read_bytes()
        gz = len(gzip.compress(raw, 9))
        raw_total, gz_total = totals.get(kind, (0, 0))
        totals[kind] = (raw_total + len(raw), gz_total + gz)
    for kind in ["wasm", "js", "css", "html"]:
        raw, gz = totals.get(kind, (0, 0))
        print(f"{kind:5} {raw / 1024:8.1f} KiB raw  {gz / 1024:7.1f} KiB gzip")
    raw = sum(r for r, _ in totals.values())
    gz = sum(g for _, g in totals.values())
    print(f"size: {raw / 1024:.1f} KiB raw, {gz / 1024:.1f} KiB gzip "
          f"(wasm {totals.get('wasm', (0, 0))[1] / 1024:.1f} KiB gzip)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dist")
