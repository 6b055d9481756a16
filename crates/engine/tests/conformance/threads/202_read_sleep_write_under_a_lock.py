# The same read, block, write under a threading.Lock: the others wait for the lock, so no update is lost
import threading
import time

counter = 0
lock = threading.Lock()


def work(name):
    global counter
    for i in range(3):
        with lock:
            n = counter
            time.sleep(0)  # the others run, but cannot take the lock
            counter = n + 1
            print(name, "wrote", counter)


threads = [threading.Thread(target=work, args=(f"T{k}",)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter:", counter, "expected:", 4 * 3)
