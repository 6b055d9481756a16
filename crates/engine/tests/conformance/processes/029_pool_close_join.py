# close() then join() waits for the workers after the queued work is done.
import multiprocessing as mp


def inc(x):
    return x + 1


if __name__ == "__main__":
    pool = mp.Pool(2)
    results = [pool.apply_async(inc, (i,)) for i in range(5)]
    pool.close()
    pool.join()
    print([r.get() for r in results])
