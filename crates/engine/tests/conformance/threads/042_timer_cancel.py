# A cancelled Timer never calls its function.
import threading
import time

t = threading.Timer(1.0, print, args=("never",))
t.start()
time.sleep(0.5)
t.cancel()
t.join()
print("cancelled at", time.monotonic())
