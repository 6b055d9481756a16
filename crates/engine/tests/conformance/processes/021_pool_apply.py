# Pool.apply runs one call and waits; apply_async returns an AsyncResult.
import multiprocessing as mp


def add(a, b=10):
    return a + b


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(pool.apply(add, (1, 2)))
        print(pool.apply(add, (1,), {"b": 5}))
        r = pool.apply_async(add, (20, 22))
        print(r.get())
        print(r.ready(), r.successful())
