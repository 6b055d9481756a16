# Process(target=...).start() runs the target in a child; join() waits for it to end.
import multiprocessing as mp


def work():
    print("working in the child")


if __name__ == "__main__":
    print("before start")
    p = mp.Process(target=work)
    p.start()
    p.join()
    print("after join, exitcode", p.exitcode)
