# Processes are named Process-1, Process-2...; a subclass's name starts with its class name.
import multiprocessing as mp


def show():
    print("I am", mp.current_process().name)


class Worker(mp.Process):
    pass


if __name__ == "__main__":
    a = mp.Process(target=show)
    b = mp.Process(target=show, name="custom")
    c = Worker(target=show)
    print(a.name, b.name, c.name)
    for p in (a, b, c):
        p.start()
        p.join()
