# Semaphore.release(n) lets n waiting threads in at once.
import threading
import time

s = threading.Semaphore(0)

def waiter(i):
    s.acquire()
    print("in", i, time.monotonic())

ts = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
time.sleep(1)
s.release(3)
for t in ts:
    t.join()
