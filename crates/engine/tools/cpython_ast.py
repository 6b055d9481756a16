"""CPython oracle for crates/engine/tests/differential.rs.

Reads a JSON list of {"name": ..., "source": ...} on stdin and writes a JSON
list of results on stdout, one per program:
  {"ok": true, "sexp": "..."}                      compile() accepted it
  {"ok": false, "type": "SyntaxError", "msg": ..., "lineno": n, "offset": n}

Acceptance is decided by compile(source, "<lesson>", "exec") (which also
raises the compiler's errors, e.g. "'return' outside function"); the shape
comes from ast.parse. The s-expression keeps node type names, identifiers and
constants only (no positions, no ctx), in the format differential.rs
produces for Looplab's AST.
"""
import ast
import json
import struct
import sys
import warnings

SKIP_FIELDS = {"ctx", "type_comment", "kind", "simple", "type_ignores"}


def quote(s):
    out = []
    for ch in s:
        if ch.isascii() and (ch.isalnum() or ch in " _.,:;!?+-*/=<>()[]{}@#$%^&|~'`"):
            out.append(ch)
        else:
            out.append("\\u{%x}" % ord(ch))
    return '"' + "".join(out) + '"'


def sx(node):
    if isinstance(node, ast.AST):
        fields = [f for f in node._fields if f not in SKIP_FIELDS]
        parts = [type(node).__name__] + [sx(getattr(node, f)) for f in fields]
        return "(" + " ".join(parts) + ")"
    if isinstance(node, list):
        return "[" + " ".join(sx(x) for x in node) + "]"
    if node is None:
        return "_"
    if node is Ellipsis:
        return "..."
    if isinstance(node, bool):
        return str(node)
    if isinstance(node, int):
        return str(node)
    if isinstance(node, float):
        return "f%d" % struct.unpack("<Q", struct.pack("<d", node))[0]
    if isinstance(node, complex):
        return "complex"
    if isinstance(node, str):
        return quote(node)
    if isinstance(node, bytes):
        return "b" + node.hex()
    raise TypeError(type(node))


def check(source):
    warnings.simplefilter("ignore")
    try:
        compile(source, "<lesson>", "exec", dont_inherit=True)
    except SyntaxError as e:
        return {
            "ok": False,
            "type": type(e).__name__,
            "msg": e.msg,
            "lineno": e.lineno or 0,
            "offset": e.offset or 0,
        }
    except (ValueError, MemoryError, RecursionError) as e:
        return {"ok": False, "type": type(e).__name__, "msg": str(e), "lineno": 0, "offset": 0}
    return {"ok": True, "sexp": sx(ast.parse(source))}


def main():
    programs = json.load(sys.stdin)
    json.dump([check(p["source"]) for p in programs], sys.stdout)


if __name__ == "__main__":
    main()
