# A read-sleep-write update loses updates without a lock and keeps them with one.
import threading
import time

counter = 0
lock = threading.Lock()

def unsafe():
    global counter
    for _ in range(3):
        n = counter
        time.sleep(0.01)
        counter = n + 1

def safe():
    global counter
    for _ in range(3):
        with lock:
            n = counter
            time.sleep(0.01)
            counter = n + 1

for target in (unsafe, safe):
    counter = 0
    ts = [threading.Thread(target=target) for _ in range(3)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print(target.__name__, counter)
