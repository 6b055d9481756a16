# A multiprocessing.Queue carries copies of objects from a child to its parent.
import multiprocessing as mp


def produce(q):
    for i in range(3):
        q.put({"n": i, "sq": i * i})
    q.put(None)


if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=produce, args=(q,))
    p.start()
    while True:
        item = q.get()
        if item is None:
            break
        print(item)
    p.join()
