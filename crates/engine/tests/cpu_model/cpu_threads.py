# The same CPU-bound work in 4 threads: one GIL, so no faster than in a row.
import threading
import time


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


start = time.perf_counter()
threads = [threading.Thread(target=crunch, args=(2_000_000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"elapsed {time.perf_counter() - start:.4f}")
