# On the default clock computing takes no time: four threads computing finish at t=0, and only their sleeps move the clock
import threading
import time

start = time.perf_counter()


def crunch(name):
    total = 0
    for i in range(30_000):
        total += i * i
    print(name, "computed", total, "at", round(time.perf_counter() - start, 3))
    time.sleep(0.5)
    print(name, "slept, at", round(time.perf_counter() - start, 3))


threads = [threading.Thread(target=crunch, args=(f"T{k}",)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("all done at", round(time.perf_counter() - start, 3))
