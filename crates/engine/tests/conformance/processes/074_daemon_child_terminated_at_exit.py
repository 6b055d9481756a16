# At exit, a daemonic child still waiting is terminated; a non-daemonic one would be joined.
import multiprocessing as mp


def wait_forever(q):
    q.get()


if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=wait_forever, args=(q,), daemon=True)
    p.start()
    print("main ends; the daemonic child is terminated")
