# Queue.join waits until every item was marked task_done.
import queue
import threading
import time

q = queue.Queue()

def worker():
    while True:
        item = q.get()
        time.sleep(0.1 * item)
        print("processed", item)
        q.task_done()

threading.Thread(target=worker, daemon=True).start()
for i in range(1, 4):
    q.put(i)
q.join()
print("all processed at", round(time.monotonic(), 3))
