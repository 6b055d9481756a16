# A Manager starts a server process, which takes a number: the next Process is Process-2.
import multiprocessing as mp


def hello():
    print("hello from", mp.current_process().name)


if __name__ == "__main__":
    with mp.Manager() as manager:
        p = mp.Process(target=hello)
        p.start()
        p.join()
