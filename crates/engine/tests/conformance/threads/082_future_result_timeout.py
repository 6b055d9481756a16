# Future.result(timeout) raises TimeoutError if the job is not done in time.
from concurrent.futures import ThreadPoolExecutor, TimeoutError
import time

def nap(x):
    time.sleep(x)
    return "late"

with ThreadPoolExecutor(max_workers=1) as ex:
    f = ex.submit(nap, 2)
    try:
        f.result(timeout=0.5)
    except TimeoutError:
        print("not yet at", time.monotonic())
    print(f.result(), time.monotonic())
