# multiprocessing.pool.ThreadPool: Pool's interface over threads, so nothing is pickled.
from multiprocessing.pool import ThreadPool

if __name__ == "__main__":
    with ThreadPool(3) as pool:
        print(pool.map(lambda x: x * 10, range(5)))
        print(pool.apply(lambda a, b: a - b, (10, 4)))
        print(sorted(pool.imap_unordered(abs, [-3, -1, -2])))
    try:
        pool.map(abs, [1])
    except ValueError as e:
        print("ValueError:", e)
