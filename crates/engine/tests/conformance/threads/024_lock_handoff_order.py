# Threads waiting for a lock get it in the order they began to wait.
import threading
import time

lock = threading.Lock()

def worker(name):
    with lock:
        print(name, "has the lock")
        time.sleep(0.1)

lock.acquire()
ts = [threading.Thread(target=worker, args=(n,)) for n in "abc"]
for t in ts:
    t.start()
print("main releases")
lock.release()
for t in ts:
    t.join()
