# Jobs on a 1-thread pool complete one after another.
from concurrent.futures import ThreadPoolExecutor, as_completed
import time

def nap(x):
    time.sleep(x)
    return x

with ThreadPoolExecutor(max_workers=1) as ex:
    fs = [ex.submit(nap, x) for x in (0.3, 0.1, 0.2)]
    print([f.result() for f in as_completed(fs)], time.monotonic())
