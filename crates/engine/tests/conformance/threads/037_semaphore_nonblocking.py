# Semaphore.acquire without blocking, and with a timeout.
import threading
import time

s = threading.Semaphore(1)
print(s.acquire(blocking=False))
print(s.acquire(blocking=False))
print(s.acquire(timeout=0.5), time.monotonic())
s.release()
print(s.acquire(timeout=0.5))
try:
    threading.Semaphore(-1)
except ValueError as e:
    print(e)
