# put() on a full bounded queue waits until a consumer takes an item.
import queue
import threading
import time

q = queue.Queue(maxsize=2)

def slow_consumer():
    for _ in range(4):
        time.sleep(0.5)
        print(f"{time.monotonic():.1f} took", q.get())

t = threading.Thread(target=slow_consumer)
t.start()
for i in range(4):
    q.put(i)
    print(f"{time.monotonic():.1f} put", i)
t.join()
