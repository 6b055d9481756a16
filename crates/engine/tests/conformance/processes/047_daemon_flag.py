# The daemon flag: set before start, inherited False by default.
import multiprocessing as mp


def nothing():
    pass


if __name__ == "__main__":
    p = mp.Process(target=nothing)
    print(p.daemon)
    p.daemon = True
    print(p.daemon)
    q = mp.Process(target=nothing, daemon=True)
    print(q.daemon)
    p.start()
    p.join()
    try:
        p.daemon = False
    except AssertionError as e:
        print("AssertionError:", e)
