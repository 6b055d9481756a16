# A pool's initializer runs once in each worker before its tasks (here it sets a global).
import multiprocessing as mp

factor = 1


def setup(f):
    global factor
    factor = f


def scale(x):
    return x * factor


if __name__ == "__main__":
    with mp.Pool(2, initializer=setup, initargs=(10,)) as pool:
        print(pool.map(scale, range(5)))
    print("parent factor", factor)
