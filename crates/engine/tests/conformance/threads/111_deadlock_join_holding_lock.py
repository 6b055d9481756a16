# The main thread joins a thread that waits for a lock the main thread holds: a hang.
import threading

lock = threading.Lock()

def worker():
    print("worker wants the lock")
    with lock:
        print("never")

with lock:
    t = threading.Thread(target=worker)
    t.start()
    print("main joins while holding the lock")
    t.join()
