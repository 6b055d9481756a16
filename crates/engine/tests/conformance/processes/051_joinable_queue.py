# JoinableQueue: join() waits until every item put was marked task_done().
import multiprocessing as mp


def worker(q, results):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        results.put(item * 2)
        q.task_done()


if __name__ == "__main__":
    q = mp.JoinableQueue()
    results = mp.Queue()
    p = mp.Process(target=worker, args=(q, results))
    p.start()
    for i in range(3):
        q.put(i)
    q.put(None)
    q.join()
    print(sorted(results.get() for _ in range(3)))
    p.join()
