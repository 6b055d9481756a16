# A child that is never joined still runs: the main process waits for it at exit.
import multiprocessing as mp


def late():
    print("child finishes")


if __name__ == "__main__":
    mp.Process(target=late).start()
    print("main program ends")
