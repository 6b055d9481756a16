# notify_all wakes every waiter; they re-acquire the lock one at a time, in order.
import threading
import time

cond = threading.Condition()
go = False

def waiter(n):
    with cond:
        cond.wait_for(lambda: go)
        print("waiter", n, "runs")

ts = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
time.sleep(0.2)
with cond:
    go = True
    cond.notify_all()
    print("notified all")
for t in ts:
    t.join()
