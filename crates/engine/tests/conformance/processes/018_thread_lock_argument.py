# A threading lock cannot be pickled; use multiprocessing.Lock between processes.
import multiprocessing as mp
import threading


def use(lock):
    print(lock)


if __name__ == "__main__":
    for lock in (threading.Lock(), threading.RLock()):
        try:
            mp.Process(target=use, args=(lock,)).start()
        except TypeError as e:
            print("TypeError:", e)
