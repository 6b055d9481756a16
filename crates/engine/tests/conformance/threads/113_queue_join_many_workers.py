# Three workers share a queue; join() returns when every item is done.
import queue
import threading
import time

q = queue.Queue()

def worker(name):
    while True:
        item = q.get()
        time.sleep(item)
        print(f"{time.monotonic():.1f} {name} did {item}")
        q.task_done()

for i in range(3):
    threading.Thread(target=worker, args=(f"w{i}",), daemon=True).start()
for item in [0.5, 0.2, 0.4, 0.1, 0.3]:
    q.put(item)
q.join()
print(f"{time.monotonic():.1f} all done")
