# Read, block, then write a shared counter: while one thread sleeps the others read the same value, so updates are lost (reproducibly)
import threading
import time

counter = 0


def work(name):
    global counter
    for i in range(3):
        n = counter
        time.sleep(0)  # another thread runs here
        counter = n + 1
        print(name, "wrote", counter)


threads = [threading.Thread(target=work, args=(f"T{k}",)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter:", counter, "expected:", 4 * 3)
