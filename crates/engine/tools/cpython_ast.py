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
import io
import json
import struct
import sys
import threading
import traceback
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


class Positions:
    """Start and end of every statement and expression, in the order sx()
    visits them, as "line:col-line:col" with 1-based character columns."""

    def __init__(self, source):
        import re

        self.lines = re.split(r"\r\n|\r|\n", source)
        self.stmts = []
        self.exprs = []

    def col(self, line, byte_col):
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        return len(text.encode("utf-8")[:byte_col].decode("utf-8", "replace")) + 1

    def of(self, node):
        return "%d:%d-%d:%d" % (
            node.lineno,
            self.col(node.lineno, node.col_offset),
            node.end_lineno,
            self.col(node.end_lineno, node.end_col_offset),
        )


POS = None


def sx(node, record=True):
    if isinstance(node, ast.AST):
        if POS is not None and isinstance(node, ast.stmt):
            POS.stmts.append(POS.of(node))
        if POS is not None and isinstance(node, ast.expr) and record:
            POS.exprs.append(POS.of(node))
        fields = [f for f in node._fields if f not in SKIP_FIELDS]
        # Looplab's NamedExpr target is a bare name, not an expression node.
        parts = [type(node).__name__] + [
            sx(getattr(node, f), not (isinstance(node, ast.NamedExpr) and f == "target"))
            for f in fields
        ]
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
        if e.text is None and e.lineno:
            # Compiler errors carry no source line when compiling a string;
            # running the program as a file shows it (from linecache).
            lines = io.StringIO(source, newline=None).readlines()
            if 0 < e.lineno <= len(lines):
                e.text = lines[e.lineno - 1]
        return {
            "ok": False,
            "type": type(e).__name__,
            "msg": e.msg,
            "lineno": e.lineno or 0,
            "offset": e.offset or 0,
            "rendered": "".join(traceback.format_exception_only(type(e), e)),
        }
    except (ValueError, MemoryError, RecursionError) as e:
        return {"ok": False, "type": type(e).__name__, "msg": str(e), "lineno": 0, "offset": 0}
    global POS
    try:
        POS = Positions(source)
        tree = sx(ast.parse(source))
        return {"ok": True, "sexp": tree, "stmt_pos": POS.stmts, "expr_pos": POS.exprs}
    except RecursionError:
        # Too deep for this dumper: accept/reject still counts, shape not.
        return {"ok": True, "sexp": None}


def main():
    programs = json.load(sys.stdin)
    json.dump([check(p["source"]) for p in programs], sys.stdout)


if __name__ == "__main__":
    sys.setrecursionlimit(20000)
    threading.stack_size(256 * 1024 * 1024)
    worker = threading.Thread(target=main)
    worker.start()
    worker.join()
