# Executor.map with a timeout raises TimeoutError for a result that comes too late.
from concurrent.futures import ThreadPoolExecutor, TimeoutError
import time

def nap(x):
    time.sleep(x)
    return x

ex = ThreadPoolExecutor(max_workers=3)
try:
    for r in ex.map(nap, [0.5, 1, 3], timeout=2):
        print("got", r, time.monotonic())
except TimeoutError:
    print("timed out at", time.monotonic())
ex.shutdown()
print("shut down at", time.monotonic())
