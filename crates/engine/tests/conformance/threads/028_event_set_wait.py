# Event.wait blocks until another thread calls set().
import threading
import time

ready = threading.Event()

def waiter(n):
    print("waiter", n, "waiting")
    ready.wait()
    print("waiter", n, "released at", time.monotonic())

ts = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
time.sleep(1)
print("setting")
ready.set()
for t in ts:
    t.join()
