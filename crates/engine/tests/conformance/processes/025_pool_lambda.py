# Pool.map with a lambda fails to pickle the task.
import multiprocessing as mp

if __name__ == "__main__":
    with mp.Pool(2) as pool:
        try:
            pool.map(lambda x: x + 1, range(3))
        except Exception as e:
            print(type(e).__name__, e)
        print(pool.map(abs, [-1, -2]))
