# A bare Future set by one thread and awaited by another.
from concurrent.futures import Future
import threading
import time

fut = Future()

def producer():
    time.sleep(1)
    fut.set_result("ready")

threading.Thread(target=producer).start()
print("waiting")
print(fut.result(), time.monotonic())
