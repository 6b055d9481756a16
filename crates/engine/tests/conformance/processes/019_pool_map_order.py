# Pool.map returns the results in the order of its input.
import multiprocessing as mp


def square(x):
    return x * x


if __name__ == "__main__":
    with mp.Pool(4) as pool:
        print(pool.map(square, range(10)))
        print(pool.map(square, []))
