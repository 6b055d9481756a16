# The same I/O-bound work in 4 processes: the waits overlap (after each start-up).
import multiprocessing
import time


def fetch(k):
    time.sleep(0.2)
    return k


if __name__ == "__main__":
    start = time.perf_counter()
    procs = [multiprocessing.Process(target=fetch, args=(k,)) for k in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(f"elapsed {time.perf_counter() - start:.4f}")
