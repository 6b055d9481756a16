# notify() wakes the longest-waiting thread first.
import threading
import time

cond = threading.Condition()

def waiter(n):
    with cond:
        cond.wait()
        print("woke", n)

ts = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for _ in range(3):
    time.sleep(0.1)
    with cond:
        cond.notify()
for t in ts:
    t.join()
