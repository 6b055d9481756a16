# A function defined inside another function cannot be pickled (a "local object").
import multiprocessing as mp


def make():
    def inner():
        print("never")

    return inner


if __name__ == "__main__":
    p = mp.Process(target=make())
    try:
        p.start()
    except AttributeError as e:
        print("AttributeError:", e)
