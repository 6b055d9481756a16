# A Manager's Namespace: attributes set in a child are seen by the parent.
import multiprocessing as mp


def update(ns):
    ns.count += 1
    ns.label = "from child"


if __name__ == "__main__":
    with mp.Manager() as manager:
        ns = manager.Namespace(count=1)
        p = mp.Process(target=update, args=(ns,))
        p.start()
        p.join()
        print(ns.count, ns.label)
        print(ns)
