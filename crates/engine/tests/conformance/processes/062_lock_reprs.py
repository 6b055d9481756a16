# multiprocessing's Lock and RLock say who holds them.
import multiprocessing as mp

if __name__ == "__main__":
    lock = mp.Lock()
    print(lock)
    with lock:
        print(lock)
    r = mp.RLock()
    print(r)
    r.acquire()
    r.acquire()
    print(r)
    r.release()
    r.release()
    print(lock.acquire(False), lock.acquire(False))
    lock.release()
    try:
        lock.release()
    except ValueError as e:
        print("ValueError:", e)
