# A Semaphore(2) lets two threads in at a time.
import threading
import time

sem = threading.Semaphore(2)

def worker(n):
    with sem:
        print(f"{time.monotonic():.1f} worker {n} in")
        time.sleep(1)
    print(f"{time.monotonic():.1f} worker {n} out")

ts = [threading.Thread(target=worker, args=(i,)) for i in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
