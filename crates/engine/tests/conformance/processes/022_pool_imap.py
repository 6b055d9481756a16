# Pool.imap yields results lazily, in input order (also with a chunksize).
import multiprocessing as mp


def cube(x):
    return x ** 3


if __name__ == "__main__":
    with mp.Pool(3) as pool:
        for value in pool.imap(cube, range(5)):
            print(value)
        print(list(pool.imap(cube, range(7), chunksize=3)))
