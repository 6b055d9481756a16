# is_alive() and exitcode before start and after join.
import multiprocessing as mp


def nothing():
    pass


if __name__ == "__main__":
    p = mp.Process(target=nothing)
    print(p.is_alive(), p.exitcode, p.pid is None)
    p.start()
    p.join()
    print(p.is_alive(), p.exitcode, p.pid is None)
