# Worker processes are named SpawnPoolWorker-N (Pool) and SpawnProcess-N (ProcessPoolExecutor).
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor


def name(_):
    return mp.current_process().name


if __name__ == "__main__":
    with mp.Pool(1) as pool:
        print(pool.map(name, range(3)))
    with ProcessPoolExecutor(max_workers=1) as ex:
        print(list(ex.map(name, range(2))))
    p = mp.Process(target=print)
    print(p.name)
