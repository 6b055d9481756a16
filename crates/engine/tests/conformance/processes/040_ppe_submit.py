# ProcessPoolExecutor.submit returns a Future; result() waits for it.
from concurrent.futures import ProcessPoolExecutor


def triple(x):
    return 3 * x


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        futures = [ex.submit(triple, i) for i in range(5)]
        print([f.result() for f in futures])
        print(all(f.done() for f in futures))
