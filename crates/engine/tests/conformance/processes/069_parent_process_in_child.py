# In a child, parent_process() is the process that started it.
import multiprocessing as mp


def child():
    parent = mp.parent_process()
    print("my parent is", parent.name)
    print("I am", mp.current_process().name)


if __name__ == "__main__":
    p = mp.Process(target=child)
    p.start()
    p.join()
