# Executor.map returns results in argument order, whatever order they finish in.
from concurrent.futures import ThreadPoolExecutor
import time

def slow_square(x):
    time.sleep(1 / x)
    print("finished", x)
    return x * x

with ThreadPoolExecutor(max_workers=4) as ex:
    for r in ex.map(slow_square, [1, 2, 4, 8]):
        print("result", r, time.monotonic())
