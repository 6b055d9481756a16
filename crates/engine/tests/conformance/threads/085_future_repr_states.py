# A Future's repr shows its state and result type.
from concurrent.futures import Future, ThreadPoolExecutor
import time

f = Future()
print(repr(f))
print(f.set_running_or_notify_cancel(), repr(f))
f.set_result(3)
print(repr(f), f.result())
g = Future()
g.set_exception(ValueError("x"))
print(repr(g))
print(g.done(), g.running())
