# A shared Array: each child writes its own slot.
import multiprocessing as mp


def fill(arr, i):
    arr[i] = i * 10


if __name__ == "__main__":
    arr = mp.Array("i", 4)
    procs = [mp.Process(target=fill, args=(arr, i)) for i in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(arr[:], len(arr), list(arr))
    d = mp.Array("d", [1.5, 2.5])
    print(d[:])
