# A Condition built on a given Lock; a bounded buffer with two conditions.
import threading
import time

lock = threading.Lock()
not_empty = threading.Condition(lock)
not_full = threading.Condition(lock)
buf = []

def produce():
    for i in range(4):
        with not_full:
            while len(buf) >= 2:
                not_full.wait()
            buf.append(i)
            print("produced", i, buf)
            not_empty.notify()

def consume():
    for _ in range(4):
        with not_empty:
            while not buf:
                not_empty.wait()
            x = buf.pop(0)
            print("consumed", x, buf)
            not_full.notify()
        time.sleep(0.1)

ts = [threading.Thread(target=produce), threading.Thread(target=consume)]
for t in ts:
    t.start()
for t in ts:
    t.join()
