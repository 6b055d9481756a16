# map_async calls its callback with the whole result list, in the parent.
import multiprocessing as mp

collected = []


def neg(x):
    return -x


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        r = pool.map_async(neg, range(4), callback=collected.append)
        r.wait()
        print(r.get())
    print(collected)
