# sys.exit in a child sets its exitcode: None -> 0, an int -> that int, a string -> 1.
import multiprocessing as mp
import sys


def leave(code):
    sys.exit(code)


if __name__ == "__main__":
    for code in (None, 0, 3, "a message"):
        p = mp.Process(target=leave, args=(code,))
        p.start()
        p.join()
        print(repr(code), "->", p.exitcode)
