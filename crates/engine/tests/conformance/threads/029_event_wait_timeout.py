# Event.wait(timeout) returns False when the timeout expires first.
import threading
import time

e = threading.Event()
print(e.is_set())
print(e.wait(0.5), time.monotonic())
e.set()
print(e.wait(0.5), time.monotonic())
e.clear()
print(e.is_set())
