# A child's own children are named after it: Process-1:1, Process-1:2.
import multiprocessing as mp


def grandchild():
    print("grandchild", mp.current_process().name, "of", mp.parent_process().name)


def child():
    for _ in range(2):
        p = mp.Process(target=grandchild)
        p.start()
        p.join()


if __name__ == "__main__":
    p = mp.Process(target=child)
    p.start()
    p.join()
    print("done")
