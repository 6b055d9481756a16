# close() releases a finished process object; using it afterwards is a ValueError.
import multiprocessing as mp


def nothing():
    pass


if __name__ == "__main__":
    p = mp.Process(target=nothing)
    p.start()
    p.join()
    p.close()
    for use in (lambda: p.exitcode, p.is_alive, p.join):
        try:
            use()
        except ValueError as e:
            print("ValueError:", e)
