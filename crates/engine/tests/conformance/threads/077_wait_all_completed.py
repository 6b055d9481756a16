# wait() with ALL_COMPLETED returns once every future is done.
from concurrent.futures import ThreadPoolExecutor, wait, ALL_COMPLETED
import time

def nap(x):
    time.sleep(x)
    return x

with ThreadPoolExecutor(max_workers=3) as ex:
    fs = [ex.submit(nap, x) for x in (0.3, 0.1, 0.2)]
    done, not_done = wait(fs, return_when=ALL_COMPLETED)
    print(sorted(f.result() for f in done), len(not_done), time.monotonic())
