# A process's target gets its args and kwargs (copies of them).
import multiprocessing as mp


def greet(name, times, *, punct="!"):
    for _ in range(times):
        print("hello", name + punct)


if __name__ == "__main__":
    p = mp.Process(target=greet, args=("Ada", 2), kwargs={"punct": "?"})
    p.start()
    p.join()
    print("done")
