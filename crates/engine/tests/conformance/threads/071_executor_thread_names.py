# Pool threads are named "ThreadPoolExecutor-K_N", or after a given prefix.
from concurrent.futures import ThreadPoolExecutor
import threading
import time

def name():
    time.sleep(0.1)
    return threading.current_thread().name

with ThreadPoolExecutor(max_workers=2) as ex:
    print(sorted(f.result() for f in [ex.submit(name) for _ in range(3)]))
with ThreadPoolExecutor(max_workers=1, thread_name_prefix="dl") as ex:
    print(ex.submit(name).result())
with ThreadPoolExecutor() as ex:
    print(ex.submit(name).result())
