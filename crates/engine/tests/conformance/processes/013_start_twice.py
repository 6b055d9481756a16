# A process can be started only once.
import multiprocessing as mp


def hello():
    print("hello")


if __name__ == "__main__":
    p = mp.Process(target=hello)
    p.start()
    try:
        p.start()
    except AssertionError as e:
        print("AssertionError:", e)
    p.join()
