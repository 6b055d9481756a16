# A lambda cannot be pickled, so it cannot be a process's target.
import multiprocessing as mp

if __name__ == "__main__":
    p = mp.Process(target=lambda: print("never"))
    try:
        p.start()
    except Exception as e:
        print(type(e))
        print(e)
