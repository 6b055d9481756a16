# wait() with FIRST_COMPLETED returns as soon as one future is done.
from concurrent.futures import ThreadPoolExecutor, wait, FIRST_COMPLETED
import time

def nap(x):
    time.sleep(x)
    return x

with ThreadPoolExecutor(max_workers=3) as ex:
    fs = [ex.submit(nap, x) for x in (3, 1, 2)]
    done, not_done = wait(fs, return_when=FIRST_COMPLETED)
    print([f.result() for f in done], len(not_done), time.monotonic())
print("pool closed at", time.monotonic())
