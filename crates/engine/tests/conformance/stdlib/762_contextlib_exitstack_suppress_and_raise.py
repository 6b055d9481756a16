# An exit callback can suppress the exception; a raising callback replaces it.
from contextlib import ExitStack, suppress
with ExitStack() as stack:
    stack.enter_context(suppress(KeyError))
    stack.callback(print, "cleanup runs")
    raise KeyError("k")
print("suppressed")
def bad():
    raise RuntimeError("from callback")
try:
    with ExitStack() as stack:
        stack.callback(bad)
        raise ValueError("original")
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)
