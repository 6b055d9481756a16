#!/usr/bin/env python3
"""Where the wasm's bytes go: code size per crate (and the largest functions),
so every addition's cost is visible (issue #19, docs/performance.md).

    python3 tools/size-breakdown.py [--no-build] [--no-opt] [--top N] [WASM]

The shipped build is stripped (`strip = true` in the release profile), so it
has no names to attribute bytes to. This builds the same app with the same
release profile except that names are kept
(`CARGO_PROFILE_RELEASE_STRIP=false`), into its own target directory
(target/size-names, so the shipped build is not rebuilt), runs the same
wasm-opt -Oz as Trunk (node_modules/.bin/wasm-opt, keeping names with -g), and
reads the result: every function body in the code section is charged to the
crate that its name (the `name` custom section) starts with; `<A as B>::f`
is charged to A's crate. Static data and the other sections are printed as
their own rows. The bytes are raw (before compression); the shipped file
is also smaller by wasm-bindgen's clean-up, so read the shares, not the
total (the custom sections, debug info and `__wbindgen_describe` functions
are all removed from the shipped file). With WASM, that file is read instead
and nothing is built.
"""
import argparse
import os
import re
import subprocess
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.path.join(ROOT, "target", "size-names")
BUILT = os.path.join(TARGET, "wasm32-unknown-unknown", "release", "looplab-app.wasm")
OPTED = os.path.join(TARGET, "looplab-app.opt.wasm")
# The feature flags Trunk passes to wasm-opt (index.html, data-wasm-opt-params).
OPT_FLAGS = ["--enable-bulk-memory", "--enable-bulk-memory-opt", "--enable-nontrapping-float-to-int",
             "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types",
             "--enable-multivalue"]


def leb(buf, pos):
    """An unsigned LEB128 at pos: (value, next position)."""
    value = shift = 0
    while True:
        byte = buf[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, pos


def name_of(buf, pos):
    n, pos = leb(buf, pos)
    return buf[pos:pos + n].decode("utf-8", "replace"), pos + n


def read_module(buf):
    """(list of (section label, size), imported function count, code body
    sizes in order, {function index: name})."""
    if buf[:4] != b"\0asm":
        raise ValueError("not a wasm module")
    pos = 8
    sections, bodies, names = [], [], {}
    imported_funcs = 0
    while pos < len(buf):
        sid = buf[pos]
        size, body = leb(buf, pos + 1)
        end = body + size
        label = {1: "type", 2: "import", 3: "function", 5: "memory", 6: "global", 7: "export",
                 9: "elem", 10: "code", 11: "data", 12: "datacount"}.get(sid, f"section {sid}")
        if sid == 0:
            cname, p = name_of(buf, body)
            label = f"custom {cname}"
            if cname == "name":
                while p < end:
                    sub, p = buf[p], p + 1
                    sub_size, p = leb(buf, p)
                    if sub == 1:
                        q = p
                        count, q = leb(buf, q)
                        for _ in range(count):
                            idx, q = leb(buf, q)
                            names[idx], q = name_of(buf, q)
                    p += sub_size
        elif sid == 2:
            count, p = leb(buf, body)
            for _ in range(count):
                _, p = name_of(buf, p)
                _, p = name_of(buf, p)
                kind, p = buf[p], p + 1
                if kind == 0:
                    _, p = leb(buf, p)
                    imported_funcs += 1
                elif kind == 1:
                    p += 1
                    flags, p = leb(buf, p)
                    _, p = leb(buf, p)
                    if flags & 1:
                        _, p = leb(buf, p)
                elif kind == 2:
                    flags, p = leb(buf, p)
                    _, p = leb(buf, p)
                    if flags & 1:
                        _, p = leb(buf, p)
                elif kind == 3:
                    p += 2
                else:
                    raise ValueError(f"unknown import kind {kind}")
        elif sid == 10:
            count, p = leb(buf, body)
            for _ in range(count):
                n, q = leb(buf, p)
                bodies.append(q + n - p)
                p = q + n
        sections.append((label, end - pos))
        pos = end
    return sections, imported_funcs, bodies, names


MANGLED = re.compile(r"^_ZN(\d+)")
# Rust's v0 mangling: the first crate root `C[s<disambiguator>_]<len><name>`
# of the path (for an impl's method, the impl's own crate).
V0_CRATE = re.compile(r"C(?:s[0-9A-Za-z]*_)?(\d+)([A-Za-z_][A-Za-z0-9_]*)")


def crate_of(name):
    """The crate a (v0-mangled, legacy-mangled or demangled) function name belongs to."""
    if name.startswith("_R"):
        m = V0_CRATE.search(name, 2)
        if not m:
            return "?"
        ident = m.group(2)
        # An identifier that starts with `_` or a digit has a `_` separator.
        skip = 1 if ident.startswith("_") else 0
        crate = ident[skip:skip + int(m.group(1))]
        if crate.startswith("looplab"):
            # This project's crates: per module too (the next path segment).
            rest = re.match(r"(\d+)_?([A-Za-z_][A-Za-z0-9_]*)", name[m.start(2) + skip + len(crate):])
            if rest:
                crate += "::" + rest.group(2)[:int(rest.group(1))]
        return crate
    if name.startswith("__wbindgen_describe"):
        return "(wasm-bindgen descriptors: removed by wasm-bindgen)"
    m = MANGLED.match(name)
    if m:
        n = int(m.group(1))
        first = name[m.end():m.end() + n]
        if first.startswith("_$LT$"):
            inner = first[5:]
            inner = re.sub(r"^(\$RF\$|\$BP\$|mut\$u20\$|dyn\$u20\$|\$u5b\$|\$LP\$)+", "", inner)
            crate = inner.split("..")[0].split("$")[0]
            if re.fullmatch(r"[A-Z][A-Za-z0-9]?", crate) and "$u20$as$u20$" in inner:
                # `<T as Trait>::f` with T generic: the trait's crate.
                crate = inner.split("$u20$as$u20$", 1)[1].split("..")[0].split("$")[0]
            return crate or "?"
        if first.startswith("looplab"):
            # This project's crates: per module too (the next path segment).
            rest = re.match(r"(\d+)(\w+)", name[m.end() + n:])
            if rest and not rest.group(2).startswith("_$LT$"):
                first += "::" + rest.group(2)[:int(rest.group(1))]
        return first
    s = name.lstrip("<&*([ ")
    s = re.sub(r"^(mut |dyn |const )+", "", s)
    head = re.split(r"::|<| |\(|\[|\$", s, maxsplit=1)[0]
    return head if head and "::" in s else "(other: " + (head[:30] or "?") + ")"


def build():
    env = dict(os.environ, CARGO_PROFILE_RELEASE_STRIP="false", CARGO_PROFILE_RELEASE_DEBUG="false")
    subprocess.run(["cargo", "build", "--release", "--offline", "--target", "wasm32-unknown-unknown",
                    "-p", "looplab-app", "--bin", "looplab-app", "--target-dir", TARGET],
                   cwd=ROOT, env=env, check=True)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="read the last build")
    parser.add_argument("--no-opt", action="store_true", help="skip wasm-opt")
    parser.add_argument("--top", type=int, default=15, help="largest functions to list")
    parser.add_argument("wasm", nargs="?")
    args = parser.parse_args(argv)
    path = args.wasm
    if path is None:
        if not args.no_build:
            build()
        path = BUILT
        if not args.no_opt:
            wasm_opt = os.path.join(ROOT, "node_modules", ".bin", "wasm-opt")
            subprocess.run([wasm_opt, "-Oz", "-g", *OPT_FLAGS, BUILT, "-o", OPTED], check=True)
            path = OPTED
    buf = open(path, "rb").read()
    sections, imported, bodies, names = read_module(buf)
    per_crate = defaultdict(lambda: [0, 0])
    funcs = []
    for i, size in enumerate(bodies):
        name = names.get(imported + i, f"<function {imported + i}>")
        c = per_crate[crate_of(name)]
        c[0] += size
        c[1] += 1
        funcs.append((size, name))
    total = len(buf)
    code = sum(bodies)
    print(f"{path}: {total / 1024:.1f} KiB raw, code {code / 1024:.1f} KiB in {len(bodies)} functions"
          f" ({len(names)} named)")
    print("sections:")
    for label, size in sorted(sections, key=lambda s: -s[1]):
        if size >= 1024:
            print(f"  {label:24} {size / 1024:8.1f} KiB {100 * size / total:5.1f}%")
    print("code by crate:")
    for crate, (size, count) in sorted(per_crate.items(), key=lambda kv: -kv[1][0]):
        if size >= 512:
            print(f"  {crate:32} {size / 1024:8.1f} KiB {100 * size / code:5.1f}%  {count:5} functions")
    print(f"largest {args.top} functions:")
    for size, name in sorted(funcs, reverse=True)[:args.top]:
        print(f"  {size / 1024:7.1f} KiB  {name[:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
