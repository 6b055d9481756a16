# ThreadPoolExecutor.submit returns a Future; result() waits for it.
from concurrent.futures import ThreadPoolExecutor
import time

def work(n):
    time.sleep(n)
    return n * 10

with ThreadPoolExecutor(max_workers=2) as ex:
    f1 = ex.submit(work, 1)
    f2 = ex.submit(work, 2)
    print(f1.result(), time.monotonic())
    print(f2.result(), time.monotonic())
