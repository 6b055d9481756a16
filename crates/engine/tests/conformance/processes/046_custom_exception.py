# A custom exception class from the program comes back as that class (one failing item: which failure comes first is a race).
import multiprocessing as mp


class TooBig(Exception):
    pass


def check(x):
    if x == 3:
        raise TooBig("%d is too big" % x)
    return x


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        try:
            pool.map(check, range(5))
        except TooBig as e:
            print("caught", type(e).__name__, e, isinstance(e, TooBig))
