# Waiting on or notifying a condition without holding its lock is an error.
import threading

cond = threading.Condition()
try:
    cond.wait()
except RuntimeError as e:
    print(e)
try:
    cond.notify()
except RuntimeError as e:
    print(e)
