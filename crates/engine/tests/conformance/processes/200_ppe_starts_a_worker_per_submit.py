# ProcessPoolExecutor starts a worker per submit while none is idle, without waiting for it.
from concurrent.futures import ProcessPoolExecutor


def square(n):
    return n * n


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=3) as ex:
        futures = [ex.submit(square, n) for n in range(5)]
        print("workers after 5 submits:", len(ex._processes))
        print([f.result() for f in futures])
    print("workers at most", ex._max_workers)
