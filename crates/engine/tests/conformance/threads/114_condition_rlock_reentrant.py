# A Condition over an RLock: wait() releases every level of a re-entered lock.
import threading
import time

cond = threading.Condition(threading.RLock())
state = []

def setter():
    time.sleep(0.2)
    with cond:
        state.append("set")
        cond.notify()

threading.Thread(target=setter).start()
with cond:
    with cond:
        while not state:
            cond.wait()
        print(state, time.monotonic())
