# acquire(timeout=...) gives up after the timeout while another thread holds the lock.
import threading
import time

lock = threading.Lock()

def holder():
    with lock:
        time.sleep(1)

t = threading.Thread(target=holder)
t.start()
print(lock.acquire(timeout=0.3), time.monotonic())
print(lock.acquire(timeout=2), time.monotonic())
lock.release()
t.join()
