# Acquiring a plain Lock twice in the same thread blocks forever.
import threading

lock = threading.Lock()
with lock:
    print("got it once")
    with lock:
        print("never")
