# With spawn, the child re-runs the program as module __mp_main__ (so the guard is False there).
import multiprocessing as mp


def where():
    print("target runs in a module named", __name__)


if __name__ == "__main__":
    p = mp.Process(target=where)
    p.start()
    p.join()
    print("parent module", __name__)
