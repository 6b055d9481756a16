# `counter += 1` in a loop in 4 threads: no update is lost (a thread is switched out only where it blocks)
import threading

counter = 0


def work():
    global counter
    for _ in range(50_000):
        counter += 1


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter:", counter, "expected:", 4 * 50_000)
