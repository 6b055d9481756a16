# shutdown(cancel_futures=True) cancels the jobs still queued.
from concurrent.futures import ThreadPoolExecutor
import time

def job(n):
    time.sleep(1)
    print("job", n, "done")
    return n

ex = ThreadPoolExecutor(max_workers=1)
fs = [ex.submit(job, i) for i in range(4)]
ex.shutdown(wait=True, cancel_futures=True)
print([f.cancelled() for f in fs], time.monotonic())
try:
    ex.submit(job, 9)
except RuntimeError as e:
    print(e)
