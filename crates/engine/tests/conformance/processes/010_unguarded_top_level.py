# Unguarded top-level code runs again in every spawned child.
import multiprocessing as mp

print("top level runs in", __name__)


def child():
    print("child target")


if __name__ == "__main__":
    p = mp.Process(target=child)
    p.start()
    p.join()
    print("parent done")
