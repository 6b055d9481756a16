# Read, call, write without blocking: on the default clock a thread is never switched out while it computes, so nothing is lost here
import threading

counter = 0


def work():
    return None


def worker():
    global counter
    for _ in range(20_000):
        n = counter
        work()
        counter = n + 1


threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter:", counter)
