# Read, call, write in 4 threads: the call is a switch point, so updates are lost.
import threading

counter = 0


def work():
    pass


def worker():
    global counter
    for _ in range(100_000):
        n = counter
        work()
        counter = n + 1


threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
