# terminate() ends a child that waits forever; its exitcode is -15 (SIGTERM).
import multiprocessing as mp


def wait_forever(q):
    q.get()


if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=wait_forever, args=(q,))
    p.start()
    p.terminate()
    p.join()
    print(p.exitcode, p.is_alive())
