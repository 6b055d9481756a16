# Pool.imap_unordered yields results as they complete; sorted, they are the map's.
import multiprocessing as mp


def double(x):
    return 2 * x


if __name__ == "__main__":
    with mp.Pool(3) as pool:
        print(sorted(pool.imap_unordered(double, range(8))))
        print(sorted(pool.imap_unordered(double, range(8), chunksize=2)))
