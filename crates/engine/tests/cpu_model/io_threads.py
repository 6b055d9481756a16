# The same I/O-bound work in 4 threads: the waits overlap.
import threading
import time


def fetch(k):
    time.sleep(0.2)
    return k


start = time.perf_counter()
threads = [threading.Thread(target=fetch, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"elapsed {time.perf_counter() - start:.4f}")
