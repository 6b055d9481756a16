# ExitStack exits its context managers and callbacks last in, first out.
from contextlib import ExitStack, contextmanager
@contextmanager
def tag(name):
    print("enter", name)
    yield name.upper()
    print("exit", name)
with ExitStack() as stack:
    names = [stack.enter_context(tag(n)) for n in "abc"]
    stack.callback(print, "callback", 1)
    print("inside", names)
print("after")
