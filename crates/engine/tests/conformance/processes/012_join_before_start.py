# Joining a process that was never started is an AssertionError.
import multiprocessing as mp

if __name__ == "__main__":
    p = mp.Process(target=print)
    try:
        p.join()
    except AssertionError as e:
        print("AssertionError:", e)
