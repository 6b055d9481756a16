# `counter += 1` in a loop in 4 threads: no switch point between the read and the write, no update lost.
import threading

counter = 0


def work():
    global counter
    for _ in range(200_000):
        counter += 1


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
