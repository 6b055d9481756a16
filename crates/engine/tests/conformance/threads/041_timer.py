# A Timer calls its function after the interval, in its own thread.
import threading
import time

def ring(msg):
    print(f"{time.monotonic():.1f}", msg, threading.current_thread().name)

t = threading.Timer(1.5, ring, args=("ring!",))
t.start()
print("timer started")
t.join()
