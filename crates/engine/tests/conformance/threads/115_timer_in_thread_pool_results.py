# Timers firing at different times append to a shared list under a lock.
import threading
import time

lock = threading.Lock()
fired = []

def fire(name):
    with lock:
        fired.append((name, time.monotonic()))

timers = [threading.Timer(d, fire, args=(n,)) for n, d in [("c", 0.3), ("a", 0.1), ("b", 0.2)]]
for t in timers:
    t.start()
for t in timers:
    t.join()
print(fired)
