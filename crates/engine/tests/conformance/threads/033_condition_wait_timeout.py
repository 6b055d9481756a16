# Condition.wait(timeout) returns False if nobody notifies in time.
import threading
import time

cond = threading.Condition()
with cond:
    print(cond.wait(0.25), time.monotonic())
    print(cond.wait_for(lambda: False, timeout=0.5), time.monotonic())
