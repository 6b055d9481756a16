# A fixed pool of worker threads draining a job queue.
import queue
import threading
import time

jobs = queue.Queue()
results = queue.Queue()

def worker():
    while True:
        n = jobs.get()
        if n is None:
            return
        time.sleep(n / 10)
        results.put((threading.current_thread().name, n, n * n))

pool = [threading.Thread(target=worker, name=f"w{i}") for i in range(2)]
for t in pool:
    t.start()
for n in [3, 1, 2, 1]:
    jobs.put(n)
for _ in pool:
    jobs.put(None)
for t in pool:
    t.join()
while not results.empty():
    print(results.get())
print(round(time.monotonic(), 3))
