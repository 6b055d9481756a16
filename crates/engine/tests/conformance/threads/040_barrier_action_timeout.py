# A Barrier's action runs once per round; a timeout breaks the barrier.
import threading
import time

b = threading.Barrier(2, action=lambda: print("all arrived"))

def party():
    b.wait()

t = threading.Thread(target=party)
t.start()
b.wait()
t.join()
print(b.parties, b.n_waiting, b.broken)
lonely = threading.Barrier(2)
try:
    lonely.wait(timeout=0.5)
except threading.BrokenBarrierError:
    print("broken at", time.monotonic(), lonely.broken)
