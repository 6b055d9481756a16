# The initializer runs once in each new pool thread.
from concurrent.futures import ThreadPoolExecutor
import threading
import time

def init(tag):
    print("init", tag, threading.current_thread().name)

def job(x):
    time.sleep(0.1)
    return x

with ThreadPoolExecutor(max_workers=2, initializer=init, initargs=("T",)) as ex:
    print(list(ex.map(job, range(3))))
