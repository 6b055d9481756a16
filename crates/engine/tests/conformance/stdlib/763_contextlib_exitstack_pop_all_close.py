# pop_all moves the callbacks to a new stack; close runs them now.
from contextlib import ExitStack
with ExitStack() as stack:
    stack.callback(print, "first")
    keep = stack.pop_all()
print("block left, nothing ran")
keep.callback(print, "second")
keep.close()
keep.close()
