# enter_context refuses an object that is not a context manager.
from contextlib import ExitStack
class Plain:
    pass
with ExitStack() as stack:
    try:
        stack.enter_context(Plain())
    except TypeError as e:
        print(e)
