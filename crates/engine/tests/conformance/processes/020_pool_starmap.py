# Pool.starmap unpacks each tuple into the function's arguments.
import multiprocessing as mp


def power(base, exp):
    return base ** exp


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(pool.starmap(power, [(2, 3), (3, 2), (10, 0)]))
        print(pool.starmap(max, [(1, 5, 2), (7, 3)]))
