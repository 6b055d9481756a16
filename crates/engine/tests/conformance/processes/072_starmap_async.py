# starmap_async returns an AsyncResult of the whole list.
import multiprocessing as mp


def mul(a, b):
    return a * b


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        r = pool.starmap_async(mul, [(1, 2), (3, 4), (5, 6)])
        print(r.get())
        print(r.ready(), r.successful())
