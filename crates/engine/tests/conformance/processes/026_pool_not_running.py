# A closed pool refuses new work; join() before close() is an error.
import multiprocessing as mp

if __name__ == "__main__":
    pool = mp.Pool(2)
    try:
        pool.join()
    except ValueError as e:
        print("ValueError:", e)
    pool.close()
    try:
        pool.map(abs, [1])
    except ValueError as e:
        print("ValueError:", e)
    pool.join()
    print("joined")
