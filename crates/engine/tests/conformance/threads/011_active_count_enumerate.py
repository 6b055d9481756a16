# active_count() and enumerate() list the live threads.
import threading
import time

def f():
    time.sleep(1)

ts = [threading.Thread(target=f, name=f"w{i}") for i in range(2)]
print(threading.active_count())
for t in ts:
    t.start()
print(threading.active_count())
print([t.name for t in threading.enumerate()])
for t in ts:
    t.join()
print(threading.active_count())
