# redirect_stdout sends print() output into a StringIO for the length of the block.
import io
import sys
from contextlib import redirect_stdout, redirect_stderr
buf = io.StringIO()
with redirect_stdout(buf) as target:
    print("captured", 1)
    print("captured", 2, sep="-")
print("back on stdout", target is buf)
print(repr(buf.getvalue()))
err = io.StringIO()
with redirect_stderr(err):
    print("to stderr object", file=sys.stderr)
print(repr(err.getvalue()))
