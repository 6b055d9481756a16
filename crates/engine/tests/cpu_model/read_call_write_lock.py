# The same read, call, write under a Lock: nothing is lost.
import threading

counter = 0
lock = threading.Lock()


def work():
    pass


def worker():
    global counter
    for _ in range(100_000):
        with lock:
            n = counter
            work()
            counter = n + 1


threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
