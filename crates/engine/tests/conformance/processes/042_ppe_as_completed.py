# as_completed and wait work with a ProcessPoolExecutor's futures.
from concurrent.futures import ProcessPoolExecutor, as_completed, wait


def square(x):
    return x * x


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        futures = [ex.submit(square, i) for i in range(6)]
        print(sorted(f.result() for f in as_completed(futures)))
        done, not_done = wait(futures)
        print(len(done), len(not_done))
