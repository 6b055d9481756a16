#!/usr/bin/env python3
"""Prints the transferred size of a Trunk build: each kind of file raw,
gzipped (level 9, what a static host typically serves) and brotli-compressed
(quality 11, the `brotli` command from Debian; "n/a" when it is missing),
then a one-line total. Used by scripts/test.sh so size growth shows in every
log.

    python3 scripts/size_report.py [DIST] [--budget-kib N]

With --budget-kib N it exits 1 (after printing) when the gzipped wasm is
larger than N KiB: the size budget of issue #19 (see docs/performance.md)."""
import argparse
import gzip
import shutil
import subprocess
import sys
from pathlib import Path

KINDS = {".wasm": "wasm", ".js": "js", ".css": "css", ".html": "html"}


def brotli_size(raw: bytes):
    """Size of `raw` after `brotli -q 11`, or None without the tool."""
    if shutil.which("brotli") is None:
        return None
    out = subprocess.run(["brotli", "-q", "11", "-c"], input=raw, capture_output=True, check=True)
    return len(out.stdout)


def kib(n):
    return "n/a" if n is None else f"{n / 1024:.1f}"


def main(argv) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", nargs="?", default="dist")
    parser.add_argument("--budget-kib", type=float)
    args = parser.parse_args(argv)
    totals = {}
    for path in sorted(Path(args.dist).iterdir()):
        kind = KINDS.get(path.suffix)
        if kind is None or not path.is_file():
            continue
        raw = path.read_bytes()
        gz = len(gzip.compress(raw, 9))
        br = brotli_size(raw)
        t = totals.setdefault(kind, [0, 0, 0])
        t[0] += len(raw)
        t[1] += gz
        t[2] = None if br is None or t[2] is None else t[2] + br
    for kind in ["wasm", "js", "css", "html"]:
        raw, gz, br = totals.get(kind, (0, 0, 0))
        print(f"{kind:5} {raw / 1024:8.1f} KiB raw  {gz / 1024:7.1f} KiB gzip  {kib(br):>7} KiB brotli")
    raw = sum(t[0] for t in totals.values())
    gz = sum(t[1] for t in totals.values())
    brs = [t[2] for t in totals.values()]
    br = None if None in brs else sum(brs)
    library = Path(args.dist) / "library.txt"
    if library.is_file():
        raw_l = library.read_bytes()
        print(f"later {len(raw_l) / 1024:8.1f} KiB raw  {len(gzip.compress(raw_l, 9)) / 1024:7.1f} KiB gzip  "
              f"{kib(brotli_size(raw_l)):>7} KiB brotli  (library.txt, fetched after first paint)")
    for bundle in sorted(Path(args.dist).glob("lessons-*.txt")):
        raw_b = bundle.read_bytes()
        print(f"later {len(raw_b) / 1024:8.1f} KiB raw  {len(gzip.compress(raw_b, 9)) / 1024:7.1f} KiB gzip  "
              f"{kib(brotli_size(raw_b)):>7} KiB brotli  ({bundle.name}, fetched only in that language)")
    wasm_gz = totals.get("wasm", (0, 0, 0))[1]
    print(f"size: {raw / 1024:.1f} KiB raw, {gz / 1024:.1f} KiB gzip, {kib(br)} KiB brotli "
          f"(wasm {wasm_gz / 1024:.1f} KiB gzip)")
    if args.budget_kib is not None and wasm_gz / 1024 > args.budget_kib:
        print(f"size budget exceeded: wasm {wasm_gz / 1024:.1f} KiB gzip > {args.budget_kib:g} KiB "
              "(docs/performance.md says how to read the breakdown and when to raise it)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
