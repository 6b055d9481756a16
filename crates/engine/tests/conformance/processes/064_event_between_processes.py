# A multiprocessing.Event set by a child wakes the parent waiting on it.
import multiprocessing as mp


def signal(ev):
    print("child sets the event")
    ev.set()


if __name__ == "__main__":
    ev = mp.Event()
    print(ev.is_set())
    p = mp.Process(target=signal, args=(ev,))
    p.start()
    print(ev.wait())
    p.join()
    print(ev.is_set())
