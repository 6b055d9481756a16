# join(timeout) returns after the timeout even if the thread still runs.
import threading
import time

def slow():
    time.sleep(2)
    print("slow done")

t = threading.Thread(target=slow)
t.start()
t.join(0.5)
print("after join(0.5):", t.is_alive(), round(time.monotonic(), 3))
t.join()
print("after join():", t.is_alive(), round(time.monotonic(), 3))
