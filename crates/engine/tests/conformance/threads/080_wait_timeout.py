# wait(timeout=...) returns what finished in time.
from concurrent.futures import ThreadPoolExecutor, wait
import time

def nap(x):
    time.sleep(x)
    return x

with ThreadPoolExecutor(max_workers=2) as ex:
    fs = [ex.submit(nap, 0.5), ex.submit(nap, 2)]
    done, not_done = wait(fs, timeout=1)
    print(len(done), len(not_done), time.monotonic())
