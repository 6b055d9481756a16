# An exception escaping a process's target is printed by the child; its exitcode is 1.
import multiprocessing as mp


def fail(x):
    raise ValueError("bad value %d" % x)


if __name__ == "__main__":
    p = mp.Process(target=fail, args=(7,))
    p.start()
    p.join()
    print("exitcode", p.exitcode)
