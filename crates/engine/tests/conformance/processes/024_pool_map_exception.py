# An exception in a pool worker is re-raised by map in the parent, caused by a RemoteTraceback.
import multiprocessing as mp


def check(x):
    if x == 3:
        raise ValueError("three is not allowed")
    return x


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        try:
            pool.map(check, [3])
        except ValueError as e:
            print("caught:", e)
            print(type(e.__cause__))
            print(e.__cause__)
