# as_completed yields futures as they finish.
from concurrent.futures import ThreadPoolExecutor, as_completed
import time

def job(name, delay):
    time.sleep(delay)
    return name

with ThreadPoolExecutor(max_workers=3) as ex:
    futures = [ex.submit(job, n, d) for n, d in [("a", 3), ("b", 1), ("c", 2)]]
    for f in as_completed(futures):
        print(f.result(), time.monotonic())
