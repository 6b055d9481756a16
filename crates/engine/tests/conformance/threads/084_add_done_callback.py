# add_done_callback runs in the worker when the job ends, or at once if done.
from concurrent.futures import ThreadPoolExecutor
import threading
import time

def report(fut):
    print("callback in", threading.current_thread().name, "result", fut.result())

def nap(x):
    time.sleep(x)
    return x

with ThreadPoolExecutor(max_workers=1) as ex:
    f = ex.submit(nap, 0.5)
    f.add_done_callback(report)
    f.result()
    f.add_done_callback(report)
