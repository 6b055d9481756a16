# wait() with FIRST_EXCEPTION returns when a future raises.
from concurrent.futures import ThreadPoolExecutor, wait, FIRST_EXCEPTION
import time

def task(x):
    time.sleep(x)
    if x == 2:
        raise ValueError("two")
    return x

with ThreadPoolExecutor(max_workers=3) as ex:
    fs = [ex.submit(task, x) for x in (1, 2, 5)]
    done, not_done = wait(fs, return_when=FIRST_EXCEPTION)
    print(len(done), len(not_done), time.monotonic())
    print([repr(f.exception()) for f in fs if f in done])
