# A Lock as a context manager; __enter__ returns True.
import threading

lock = threading.Lock()
with lock as got:
    print(got, lock.locked())
print(lock.locked())
