# A Manager's dict can be passed to pool workers, which fill it in.
import multiprocessing as mp


def record(shared, x):
    shared[x] = x * x


if __name__ == "__main__":
    with mp.Manager() as manager:
        shared = manager.dict()
        with mp.Pool(2) as pool:
            pool.starmap(record, [(shared, i) for i in range(5)])
        print(sorted(shared.items()))
        print(sorted(shared.keys()), sorted(shared.values()))
