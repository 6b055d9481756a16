# An idle pool thread takes the next job instead of starting a new thread.
from concurrent.futures import ThreadPoolExecutor
import threading
import time

def who(x):
    time.sleep(0.1)
    return threading.current_thread().name

with ThreadPoolExecutor(max_workers=4) as ex:
    a = ex.submit(who, 1).result()
    b = ex.submit(who, 2).result()
    print(a, b)
