# A Barrier releases its parties together once all have arrived.
import threading
import time

barrier = threading.Barrier(3)

def runner(n):
    time.sleep(n * 0.5)
    print(f"{time.monotonic():.1f} runner {n} waits")
    i = barrier.wait()
    print(f"{time.monotonic():.1f} runner {n} goes (index {i})")

ts = [threading.Thread(target=runner, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
