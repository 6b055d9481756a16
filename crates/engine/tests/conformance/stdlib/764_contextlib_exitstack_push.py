# push registers an __exit__-like callable that sees the exception details.
from contextlib import ExitStack
def watcher(exc_type, exc, tb):
    print("saw", exc_type.__name__ if exc_type else None, exc)
    return True
with ExitStack() as stack:
    stack.push(watcher)
    1 / 0
print("division error swallowed")
