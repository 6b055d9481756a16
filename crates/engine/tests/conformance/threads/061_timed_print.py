# Threads print at the virtual times of their sleeps.
import threading
import time

def tick(name, period, times):
    for _ in range(times):
        time.sleep(period)
        print(name, round(time.monotonic(), 2))

a = threading.Thread(target=tick, args=("fast", 0.3, 4))
b = threading.Thread(target=tick, args=("slow", 0.5, 2))
a.start()
b.start()
a.join()
b.join()
