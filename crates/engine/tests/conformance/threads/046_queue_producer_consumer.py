# A queue hands items from a producer thread to a consumer thread.
import queue
import threading
import time

q = queue.Queue()

def producer():
    for i in range(3):
        time.sleep(0.2)
        q.put(i)
        print(f"{time.monotonic():.1f} put {i}")
    q.put(None)

def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        print(f"{time.monotonic():.1f} got {item}")

threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
