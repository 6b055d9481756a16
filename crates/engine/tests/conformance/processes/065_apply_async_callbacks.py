# apply_async callbacks run in the parent; with one worker they come in submission order.
import multiprocessing as mp

got = []


def square(x):
    return x * x


if __name__ == "__main__":
    with mp.Pool(1) as pool:
        results = [pool.apply_async(square, (i,), callback=got.append) for i in range(5)]
        for r in results:
            r.wait()
    print(got)
