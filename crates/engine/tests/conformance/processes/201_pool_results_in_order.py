# Pool.map's results come in input order, with every worker started before the first is waited for.
import multiprocessing as mp


def label(n):
    return f"item {n}"


if __name__ == "__main__":
    with mp.Pool(3) as pool:
        print(len(pool._pool), "workers")
        print(pool.map(label, range(6)))
