# acquire(blocking=False) fails at once when the lock is held.
import threading

lock = threading.Lock()
print(lock.acquire())
print(lock.acquire(blocking=False))
print(lock.locked())
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print(e)
