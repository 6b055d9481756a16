# A child has its own memory: a global it changes stays unchanged in the parent.
import multiprocessing as mp

counter = 0


def bump():
    global counter
    counter += 100
    print("child sees", counter)


if __name__ == "__main__":
    counter = 1
    p = mp.Process(target=bump)
    p.start()
    p.join()
    print("parent sees", counter)
