# active_children() lists started children still alive (and reaps finished ones).
import multiprocessing as mp


def wait_for(q):
    q.get()


if __name__ == "__main__":
    q = mp.Queue()
    procs = [mp.Process(target=wait_for, args=(q,)) for _ in range(2)]
    for p in procs:
        p.start()
    print(sorted(p.name for p in mp.active_children()))
    for _ in procs:
        q.put("go")
    for p in procs:
        p.join()
    print(mp.active_children())
