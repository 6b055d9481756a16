# A class's __reduce__ decides how it is copied; a Pool refuses to be copied at all.
import multiprocessing as mp


class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius
        self.note = "made in " + mp.current_process().name

    def __reduce__(self):
        return (Temperature, (self.celsius,))


def describe(t):
    return "%s degrees, %s" % (t.celsius, t.note)


def use_pool(pool):
    return pool


if __name__ == "__main__":
    with mp.Pool(1) as pool:
        print(pool.apply(describe, (Temperature(21),)))
        try:
            pool.apply(use_pool, (pool,))
        except NotImplementedError as e:
            print("NotImplementedError:", e)
