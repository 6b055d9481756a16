# Setting a finished Future again raises InvalidStateError.
from concurrent.futures import Future, InvalidStateError

f = Future()
f.set_result(1)
try:
    f.set_result(2)
except InvalidStateError:
    print("InvalidStateError")
print(f.result())
