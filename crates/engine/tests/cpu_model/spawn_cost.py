# What starting a process costs: start and join one that does nothing.
import multiprocessing
import time


def nothing():
    pass


if __name__ == "__main__":
    start = time.perf_counter()
    p = multiprocessing.Process(target=nothing)
    p.start()
    started = time.perf_counter()
    p.join()
    print(f"start {started - start:.4f}")
    print(f"elapsed {time.perf_counter() - start:.4f}")
