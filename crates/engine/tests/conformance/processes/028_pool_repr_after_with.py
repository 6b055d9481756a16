# Leaving `with Pool(...)` terminates the pool.
import multiprocessing as mp

if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(pool.map(len, ["a", "bb", "ccc"]))
    print(pool)
