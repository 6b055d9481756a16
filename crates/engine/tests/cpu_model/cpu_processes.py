# The same CPU-bound work in 4 processes: one GIL each, so they run in parallel.
import multiprocessing
import time


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


if __name__ == "__main__":
    start = time.perf_counter()
    procs = [multiprocessing.Process(target=crunch, args=(2_000_000,)) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(f"elapsed {time.perf_counter() - start:.4f}")
