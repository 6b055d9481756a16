# I/O-bound work (a 0.2 s wait standing for a request) done 4 times in a row.
import time


def fetch(k):
    time.sleep(0.2)
    return k


start = time.perf_counter()
results = [fetch(k) for k in range(4)]
print(f"elapsed {time.perf_counter() - start:.4f}")
