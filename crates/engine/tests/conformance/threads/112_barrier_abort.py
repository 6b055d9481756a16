# Barrier.abort breaks the barrier for the threads waiting at it.
import threading
import time

b = threading.Barrier(3)

def party(n):
    try:
        b.wait()
    except threading.BrokenBarrierError:
        print("party", n, "sees a broken barrier at", time.monotonic())

ts = [threading.Thread(target=party, args=(i,)) for i in range(2)]
for t in ts:
    t.start()
time.sleep(0.5)
b.abort()
for t in ts:
    t.join()
print(b.broken)
