# One failing thread does not stop the others.
import threading
import time

def task(n):
    time.sleep(0.1 * n)
    if n == 1:
        raise RuntimeError(f"task {n} failed")
    print("task", n, "ok")

ts = [threading.Thread(target=task, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("all joined")
